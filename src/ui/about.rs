//! The About window: which edition is on the screen, how to cite it and the paper it follows,
//! and whose data and software it is built from, under which licences.

use crate::model::cite;

/// What the window states about the data on the screen.
pub struct Edition {
    /// "February 2026", or "not stated".
    pub through: String,
    /// The atlas's own incidents (the embedded layer), apart from files the user opened.
    pub incidents: usize,
}

/// Who made what the atlas draws, and under which terms: name, licence, what is used.
pub const ATTRIBUTIONS: &[(&str, &str, &str)] = &[
    (
        "Natural Earth",
        "public domain",
        "Made with Natural Earth: the offline basemap, country and province outlines, place names and the region outlines.",
    ),
    (
        "UCDP GED",
        "CC BY 4.0",
        "Read from your own file, never shipped. Sundberg, Ralph and Erik Melander (2013), \"Introducing the UCDP Georeferenced Event Dataset\", Journal of Peace Research 50(4); Davies, Pettersson and Öberg (2022), \"Organized violence 1989-2021 and drone warfare\", Journal of Peace Research 59(4).",
    ),
    (
        "OpenStreetMap",
        "ODbL 1.0",
        "Only when chosen as the basemap (online): map data © OpenStreetMap contributors, tiles under the OpenStreetMap Foundation's tile usage policy.",
    ),
    (
        "OpenTopoMap",
        "CC BY-SA 3.0",
        "Only when chosen as the basemap (online): map style © OpenTopoMap, data © OpenStreetMap contributors and SRTM.",
    ),
    (
        "ISKP Atlas",
        "MIT",
        "The program and its data files (LICENSE). The Rust crates and Cisco's OpenH264 (BSD 2-Clause, built from source) it is built with keep their own licences, listed in THIRD-PARTY-LICENSES.md.",
    ),
];

/// Where the sources behind every incident are listed, installed or not.
pub const SOURCES_NOTE: &str = "Each incident's details list the reports it rests on, with links. The full list is data/sources.json, and the decisions taken period by period are in data/PROVENANCE.md: in the source repository, in the portable archive's data folder, and, installed from the package, in /usr/share/doc/iskp-atlas/data/.";

/// The window, centred; Esc closes it like the help.
pub fn show(ctx: &egui::Context, open: &mut bool, edition: &Edition) {
    egui::Window::new("About ISKP Atlas")
        .open(open)
        .collapsible(false)
        .resizable(false)
        .default_width(640.0)
        .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, 0.0))
        .show(ctx, |ui| {
            ui.set_max_width(640.0);
            // Tall enough for the whole text on a laptop screen; it scrolls on smaller ones.
            let room = ctx.content_rect().height() - 120.0;
            egui::ScrollArea::vertical()
                .max_height(room.max(200.0))
                .min_scrolled_height(room.max(200.0))
                .show(ui, |ui| body(ui, edition));
        });
}

fn body(ui: &mut egui::Ui, edition: &Edition) {
    ui.heading(format!("ISKP Atlas {}", cite::VERSION));
    ui.label("A desktop map of Islamic State Khorasan Province violence, 2015 to today.");
    ui.strong(format!(
        "Data through {} · {} incidents of its own",
        edition.through, edition.incidents
    ));
    ui.add_space(8.0);

    ui.heading("How to cite");
    let atlas = cite::atlas(&format!("data through {}", edition.through));
    citation(ui, "The atlas", &atlas);
    let paper = format!("{} {}", cite::paper(), cite::PAPER_URL);
    citation(ui, "The paper it follows", &paper);
    ui.add_space(8.0);

    ui.heading("Sources of the data");
    ui.label(SOURCES_NOTE);
    ui.add_space(8.0);

    ui.heading("Licences and attributions");
    for (name, licence, what) in ATTRIBUTIONS {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.strong(*name);
            ui.label(format!("· {licence}"));
        });
        ui.add(egui::Label::new(*what).wrap());
    }
}

/// A citation as selectable text with a button that copies it.
fn citation(ui: &mut egui::Ui, what: &str, text: &str) {
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(what).strong());
        if ui.small_button("Copy").clicked() {
            ui.ctx().copy_text(text.to_owned());
        }
    });
    ui.add(egui::Label::new(text).selectable(true).wrap());
}
