//! Filter controls: country, province, kind, method, target, claim and minimum deaths. They
//! edit the persisted [`Filter`]; the app recomputes what passes once per change.

use crate::model::stats::pakistan_province;
use crate::model::{Claim, Dataset, Filter, IncidentKind};
use std::collections::{BTreeMap, BTreeSet};

/// The values that occur in the data, with counts, offered as choices.
pub struct Choices {
    countries: Vec<(String, usize)>,
    admin1: Vec<(String, String, usize)>,
    methods: Vec<(String, usize)>,
    targets: Vec<(String, usize)>,
}

impl Choices {
    pub fn new(dataset: &Dataset) -> Self {
        let mut countries: BTreeMap<String, usize> = BTreeMap::new();
        let mut admin1: BTreeMap<(String, String), usize> = BTreeMap::new();
        let mut methods: BTreeMap<String, usize> = BTreeMap::new();
        let mut targets: BTreeMap<String, usize> = BTreeMap::new();
        for i in dataset.incidents() {
            *countries.entry(i.country.clone()).or_default() += 1;
            if !i.admin1.is_empty() {
                *admin1
                    .entry((i.country.clone(), i.admin1.clone()))
                    .or_default() += 1;
            }
            if !i.method.is_empty() {
                *methods.entry(i.method.clone()).or_default() += 1;
            }
            for t in &i.targets {
                *targets.entry(t.clone()).or_default() += 1;
            }
        }
        let by_count = |m: BTreeMap<String, usize>| {
            let mut v: Vec<(String, usize)> = m.into_iter().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            v
        };
        Self {
            countries: by_count(countries),
            admin1: admin1.into_iter().map(|((c, a), n)| (c, a, n)).collect(),
            methods: by_count(methods),
            targets: by_count(targets),
        }
    }
}

/// Draws the filter controls; returns true if the filter changed.
pub fn show(ui: &mut egui::Ui, filter: &mut Filter, choices: &Choices) -> bool {
    let before = filter.clone();
    ui.horizontal(|ui| {
        ui.heading("Filters");
        if ui
            .add_enabled(!filter.is_empty(), egui::Button::new("Reset"))
            .on_hover_text("X")
            .clicked()
        {
            *filter = Filter::default();
        }
    });
    ui.horizontal_wrapped(|ui| {
        for kind in IncidentKind::ALL {
            toggle(ui, &mut filter.kinds, kind, kind.label());
        }
    });
    ui.horizontal_wrapped(|ui| {
        for (claim, label) in [
            (Claim::Claimed, "Claimed"),
            (Claim::Attributed, "Attributed"),
            (Claim::Disputed, "Disputed"),
            (Claim::Unclaimed, "Unclaimed"),
        ] {
            toggle(ui, &mut filter.claims, claim, label);
        }
    });
    multi(
        ui,
        "Country",
        &mut filter.countries,
        choices
            .countries
            .iter()
            .map(|(c, n)| (c.clone(), format!("{c} ({n})"))),
    );
    let admin1 = choices
        .admin1
        .iter()
        .filter(|(c, _, _)| filter.countries.is_empty() || filter.countries.contains(c))
        .map(|(c, a, n)| {
            let shown = if c == "PAK" {
                pakistan_province(a)
            } else {
                a.as_str()
            };
            (a.clone(), format!("{shown}, {c} ({n})"))
        });
    multi(ui, "Province", &mut filter.admin1, admin1);
    multi(
        ui,
        "Method",
        &mut filter.methods,
        choices
            .methods
            .iter()
            .map(|(m, n)| (m.clone(), format!("{m} ({n})"))),
    );
    multi(
        ui,
        "Target",
        &mut filter.targets,
        choices
            .targets
            .iter()
            .map(|(t, n)| (t.clone(), format!("{t} ({n})"))),
    );
    ui.horizontal(|ui| {
        let label = ui.label("At least");
        ui.add(
            egui::DragValue::new(&mut filter.min_killed)
                .range(0..=500)
                .suffix(" killed"),
        )
        .labelled_by(label.id);
    });
    *filter != before
}

fn toggle<T: Ord + Clone>(ui: &mut egui::Ui, set: &mut BTreeSet<T>, value: T, label: &str) {
    let mut on = set.contains(&value);
    if ui.toggle_value(&mut on, label).changed() {
        if on {
            set.insert(value);
        } else {
            set.remove(&value);
        }
    }
}

/// A drop-down of checkboxes; the button says how many are chosen.
fn multi(
    ui: &mut egui::Ui,
    label: &str,
    set: &mut BTreeSet<String>,
    options: impl Iterator<Item = (String, String)>,
) {
    let summary = match set.len() {
        0 => "any".to_owned(),
        1 => set.iter().next().cloned().unwrap_or_default(),
        n => format!("{n} chosen"),
    };
    ui.horizontal(|ui| {
        let l = ui.label(label);
        egui::ComboBox::from_id_salt(label)
            .width(170.0)
            .selected_text(summary)
            .height(320.0)
            .show_ui(ui, |ui| {
                if ui.selectable_label(set.is_empty(), "any").clicked() {
                    set.clear();
                }
                for (value, text) in options {
                    let mut on = set.contains(&value);
                    if ui.checkbox(&mut on, text).changed() {
                        if on {
                            set.insert(value);
                        } else {
                            set.remove(&value);
                        }
                    }
                }
            })
            .response
            .labelled_by(l.id);
    });
}
