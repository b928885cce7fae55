//! Charts under the map, computed from the loaded and filtered incidents: per year by
//! country (the paper's Figures 1 and 3), Pakistan by province (Figure 4), and targets.
//! Titles say they are this atlas's counts, not the paper's.

use crate::model::stats::{self, COUNTRY_GROUPS};
use crate::model::{Dataset, Incident};
use egui::{Color32, Ui};
use egui_plot::{Bar, BarChart, Legend, Plot, VLine};

const GROUP_COLORS: [Color32; 3] = [
    Color32::from_rgb(213, 94, 0),
    Color32::from_rgb(0, 114, 178),
    Color32::from_rgb(120, 120, 120),
];

/// What the charts report back to the app.
#[derive(Debug, Default)]
pub struct Output {
    /// The year of a bar the user clicked, to move the cursor there.
    pub clicked_year: Option<i32>,
    /// Where each year's bar of the per-year chart is on screen (for tests and tooling).
    pub year_bars: Vec<(i32, egui::Pos2)>,
}

pub fn show(ui: &mut Ui, dataset: &Dataset, mask: &[bool], cursor_month: i32) -> Output {
    let shown: Vec<&Incident> = dataset
        .incidents()
        .iter()
        .zip(mask)
        .filter(|(_, m)| **m)
        .map(|(i, _)| i)
        .collect();
    let cursor_year = f64::from(cursor_month) / 12.0 - 0.5;
    let mut out = Output::default();
    // Fixed, so the panel keeps the size it was given instead of growing to fill the window.
    let height = 170.0;
    let width = ui.available_width() / 3.0 - 8.0;
    ui.horizontal(|ui| {
        ui.vertical(|ui| {
            ui.set_width(width);
            let id = ui.scope_id().with("deaths");
            let mut deaths_view = ui.data(|d| d.get_temp::<bool>(id).unwrap_or(false));
            ui.horizontal(|ui| {
                ui.strong(if deaths_view {
                    "Killed per year in this atlas, by country"
                } else {
                    "Incidents per year in this atlas, by country"
                });
                ui.selectable_value(&mut deaths_view, false, "incidents");
                ui.selectable_value(&mut deaths_view, true, "killed");
            });
            ui.data_mut(|d| d.insert_temp(id, deaths_view));
            let per_year = stats::per_year(shown.iter().copied());
            let mut charts: Vec<BarChart> = Vec::new();
            for (g, name) in COUNTRY_GROUPS.iter().enumerate() {
                let bars = per_year
                    .iter()
                    .map(|(y, c)| {
                        let v = if deaths_view {
                            c.killed[g]
                        } else {
                            c.incidents[g]
                        };
                        Bar::new(f64::from(*y), f64::from(v)).width(0.7)
                    })
                    .collect();
                let mut chart = BarChart::new(*name, bars).color(GROUP_COLORS[g]);
                let below: Vec<&BarChart> = charts.iter().collect();
                chart = chart.stack_on(&below);
                charts.push(chart);
            }
            let deaths: u32 = per_year
                .values()
                .map(|c| c.killed.iter().sum::<u32>())
                .sum();
            ui.small(format!(
                "{} incidents, {deaths} killed (best estimates)",
                shown.len()
            ));
            let totals: Vec<(i32, f64)> = per_year
                .iter()
                .map(|(y, c)| {
                    let v = if deaths_view {
                        c.killed.iter().sum::<u32>()
                    } else {
                        c.incidents.iter().sum::<u32>()
                    };
                    (*y, f64::from(v))
                })
                .collect();
            let (click, transform) = year_plot(ui, "per-year", height, charts, cursor_year);
            out.clicked_year = out.clicked_year.or(click);
            out.year_bars = totals
                .iter()
                .map(|&(y, n)| {
                    (
                        y,
                        transform
                            .position_from_point(&egui_plot::PlotPoint::new(f64::from(y), n / 2.0)),
                    )
                })
                .collect();
        });
        ui.vertical(|ui| {
            ui.set_width(width);
            ui.strong("Pakistan: incidents per year by province");
            let prov = stats::pakistan_provinces(shown.iter().copied());
            let names = [
                "Balochistan",
                "Khyber Pakhtunkhwa",
                "FATA",
                "Sindh",
                "Punjab",
                "Islamabad",
            ];
            let colors = [
                Color32::from_rgb(230, 159, 0),
                Color32::from_rgb(86, 180, 233),
                Color32::from_rgb(0, 158, 115),
                Color32::from_rgb(204, 121, 167),
                Color32::from_rgb(0, 114, 178),
                Color32::from_rgb(120, 120, 120),
            ];
            let mut charts: Vec<BarChart> = Vec::new();
            for (name, color) in names.iter().zip(colors) {
                let bars = prov
                    .iter()
                    .map(|(y, m)| {
                        Bar::new(f64::from(*y), f64::from(m.get(name).copied().unwrap_or(0)))
                            .width(0.7)
                    })
                    .collect();
                let below: Vec<&BarChart> = charts.iter().collect();
                charts.push(BarChart::new(*name, bars).color(color).stack_on(&below));
            }
            ui.small("Computed from this atlas's Pakistani incidents");
            out.clicked_year =
                out.clicked_year
                    .or(year_plot(ui, "pakistan", height, charts, cursor_year).0);
        });
        ui.vertical(|ui| {
            ui.set_width(width);
            ui.strong("Most frequent targets of attacks in this atlas");
            let attacks = shown
                .iter()
                .copied()
                .filter(|i| i.kind == crate::model::IncidentKind::Attack);
            let top: Vec<(String, u32)> = stats::targets(attacks).into_iter().take(8).collect();
            let bars: Vec<Bar> = top
                .iter()
                .enumerate()
                .map(|(n, (name, count))| {
                    Bar::new(n as f64, f64::from(*count)).name(name).width(0.7)
                })
                .collect();
            ui.small("Attacks naming each target");
            let labels: Vec<String> = top.iter().map(|(n, _)| n.clone()).collect();
            Plot::new("targets")
                .height(height)
                .allow_drag(false)
                .allow_zoom(false)
                .allow_scroll(false)
                .show_axes([false, false])
                .show(ui, |plot| {
                    plot.bar_chart(
                        BarChart::new("targets", bars)
                            .horizontal()
                            .color(Color32::from_rgb(86, 180, 233)),
                    );
                    for (n, name) in labels.iter().enumerate() {
                        plot.text(
                            egui_plot::Text::new(
                                name.as_str(),
                                egui_plot::PlotPoint::new(0.2, n as f64),
                                name.as_str(),
                            )
                            .anchor(egui::Align2::LEFT_CENTER),
                        );
                    }
                });
        });
    });
    out
}

/// A year-axis bar plot with the cursor marked; a click returns the year under the pointer.
fn year_plot(
    ui: &mut Ui,
    id: &str,
    height: f32,
    charts: Vec<BarChart>,
    cursor_year: f64,
) -> (Option<i32>, egui_plot::PlotTransform) {
    let response = Plot::new(id)
        .height(height)
        .legend(Legend::default().position(egui_plot::Corner::LeftTop))
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .y_axis_min_width(28.0)
        .show(ui, |plot| {
            for c in charts {
                plot.bar_chart(c);
            }
            plot.vline(
                VLine::new("cursor", cursor_year + 0.5)
                    .color(Color32::from_rgb(200, 30, 40))
                    .width(2.0),
            );
            plot.pointer_coordinate()
        });
    let year = if response.response.clicked() {
        response.inner.map(|p| p.x.round() as i32)
    } else {
        None
    };
    (year, response.transform)
}
