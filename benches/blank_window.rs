//! The baseline for the start-up measurement in the README: an empty eframe window on the
//! same stack. Its second frame begins once the first is on the screen; it prints how long
//! that took and ends the process, as the atlas does under `ISKP_ATLAS_EXIT_WHEN_DRAWN=1`.
//!
//!     cargo bench --bench blank_window          (needs a display, e.g. xvfb-run)

struct Blank {
    started: std::time::Instant,
    frames: u32,
}

impl eframe::App for Blank {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if self.frames == 1 {
            println!(
                "first frame on screen: {:.1} ms",
                self.started.elapsed().as_secs_f64() * 1e3
            );
            std::process::exit(0);
        }
        egui::CentralPanel::default().show(ui, |ui| ui.label("blank"));
        self.frames += 1;
        ui.ctx().request_repaint();
    }
}

fn main() -> eframe::Result {
    let started = std::time::Instant::now();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_inner_size([1600.0, 1000.0]),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    eframe::run_native(
        "blank",
        options,
        Box::new(move |_| Ok(Box::new(Blank { started, frames: 0 }))),
    )
}
