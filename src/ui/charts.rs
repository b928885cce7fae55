//! Charts under the map, computed from the loaded and filtered incidents: per year by
//! country (the paper's Figures 1 and 3) with published totals beside the bars, Pakistan by
//! province (Figure 4), and targets. Titles say they are this atlas's counts; published
//! figures are drawn as marks of their own and never added to the bars.

use crate::io::embedded;
use crate::model::stats::{self, COUNTRY_GROUPS, ChartKind, ChartSettings};
use crate::model::{Claim, Counts, Dataset, Incident, IncidentKind, PublishedTotal};
use egui::{Color32, RichText, Ui};
use egui_plot::{Bar, BarChart, Line, MarkerShape, Plot, PlotPoint, Points, VLine};

const GROUP_COLORS: [Color32; 3] = [
    Color32::from_rgb(213, 94, 0),
    Color32::from_rgb(0, 114, 178),
    Color32::from_rgb(120, 120, 120),
];

/// The Pakistani provinces of the paper's Figure 4, each with its colour.
const PROVINCES: [(&str, Color32); 6] = [
    ("Balochistan", Color32::from_rgb(230, 159, 0)),
    ("Khyber Pakhtunkhwa", Color32::from_rgb(86, 180, 233)),
    ("FATA", Color32::from_rgb(0, 158, 115)),
    ("Sindh", Color32::from_rgb(204, 121, 167)),
    ("Punjab", Color32::from_rgb(0, 114, 178)),
    ("Islamabad", Color32::from_rgb(120, 120, 120)),
];

/// Colours for published sources, apart from the bars'.
const SOURCE_COLORS: [Color32; 6] = [
    Color32::from_rgb(0, 0, 0),
    Color32::from_rgb(204, 121, 167),
    Color32::from_rgb(0, 158, 115),
    Color32::from_rgb(86, 180, 233),
    Color32::from_rgb(230, 159, 0),
    Color32::from_rgb(140, 86, 75),
];

/// How the key names a published source.
const PUBLISHED: &str = "published: ";

/// What the charts report back to the app.
#[derive(Debug, Default)]
pub struct Output {
    /// The year of a bar the user clicked, to move the cursor there.
    pub clicked_year: Option<i32>,
    /// Where each year's bar of the per-year chart is on screen (for tests and tooling).
    pub year_bars: Vec<(i32, egui::Pos2)>,
    /// The per-year chart's values by year (all countries), for tests.
    pub year_values: Vec<(i32, u32)>,
    /// The table behind the charts as CSV, when the user asked to save it.
    pub save_table: bool,
}

fn shown<'a>(dataset: &'a Dataset, mask: &[bool]) -> Vec<&'a Incident> {
    dataset
        .incidents()
        .iter()
        .zip(mask)
        .filter(|(_, m)| **m)
        .map(|(i, _)| i)
        .collect()
}

/// The charts panel at the desk.
pub fn show(
    ui: &mut Ui,
    dataset: &Dataset,
    mask: &[bool],
    cursor_month: i32,
    settings: &mut ChartSettings,
) -> Output {
    let shown = shown(dataset, mask);
    let mut out = Output::default();
    let height = 300.0;
    let full = ui.available_width();
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.set_width(full * 0.5 - 8.0);
            out = per_year(ui, &shown, settings, cursor_month, height, 1.0);
        });
        ui.vertical(|ui| {
            ui.set_width(full * 0.27 - 8.0);
            let kind = settings.kind;
            ui.strong(format!("Pakistan: {} per year by province", kind.label()));
            let prov =
                stats::pakistan_provinces(shown.iter().copied().filter(|i| kind.includes(i.kind)));
            key_row(ui, PROVINCES.iter().map(|&(n, c)| (n.to_owned(), c)), 1.0);
            let mut charts: Vec<BarChart> = Vec::new();
            for &(name, color) in &PROVINCES {
                let bars = prov
                    .iter()
                    .map(|(y, m)| {
                        Bar::new(f64::from(*y), f64::from(m.get(name).copied().unwrap_or(0)))
                            .width(0.7)
                            .fill(color.gamma_multiply(0.8))
                    })
                    .collect();
                let below: Vec<&BarChart> = charts.iter().collect();
                charts.push(BarChart::new(name, bars).color(color).stack_on(&below));
            }
            let cursor_year = cursor_month.div_euclid(12);
            let (click, _) = year_plot(ui, "pakistan", height, cursor_year, 1.0, |plot| {
                for c in charts {
                    plot.bar_chart(c);
                }
            });
            out.clicked_year = out.clicked_year.or(click);
        });
        ui.vertical(|ui| {
            ui.set_width(full * 0.23 - 8.0);
            ui.strong("Most frequent targets of attacks");
            let attacks = shown
                .iter()
                .copied()
                .filter(|i| i.kind == IncidentKind::Attack);
            let top: Vec<(String, u32)> = stats::targets(attacks).into_iter().take(8).collect();
            let bars: Vec<Bar> = top
                .iter()
                .enumerate()
                .map(|(n, (name, count))| {
                    Bar::new(n as f64, f64::from(*count)).name(name).width(0.7)
                })
                .collect();
            ui.small("Attacks in this atlas naming each target");
            let labels: Vec<String> = top.iter().map(|(n, c)| format!("{n} ({c})")).collect();
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
                                PlotPoint::new(0.2, n as f64),
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

/// The per-year chart alone, filling `ui`: on stage, for the back of the room.
/// `below` is the height to leave under the chart's notes (a chapter's caption).
pub fn stage(
    ui: &mut Ui,
    dataset: &Dataset,
    mask: &[bool],
    cursor_month: i32,
    settings: &mut ChartSettings,
    scale: f32,
    below: f32,
) -> Output {
    let shown = shown(dataset, mask);
    // Read from the back of the room: every text style, axis labels included, grows.
    let scale = 1.5 * scale;
    for font in ui.style_mut().text_styles.values_mut() {
        font.size *= scale;
    }
    let height = (ui.available_height() - 170.0 * scale - below).max(300.0);
    per_year(ui, &shown, settings, cursor_month, height, scale)
}

/// Published totals that sit beside this chart's bars: counts of attacks beside attack
/// counts, deaths beside victims; nothing beside operations or plots (nobody publishes
/// those as ISKP's). Only totals within one calendar year.
fn comparable(settings: ChartSettings) -> Vec<&'static PublishedTotal> {
    if settings.kind != ChartKind::Attacks {
        return Vec::new();
    }
    let deaths = settings.deaths_shown();
    embedded::totals()
        .iter()
        .filter(|t| {
            t.year().is_some()
                && if deaths {
                    t.counts.is_deaths()
                } else {
                    t.counts.is_attacks()
                }
        })
        .collect()
}

fn per_year(
    ui: &mut Ui,
    shown: &[&Incident],
    settings: &mut ChartSettings,
    cursor_month: i32,
    height: f32,
    scale: f32,
) -> Output {
    let mut out = Output::default();
    let size = |s: f32| s * scale;
    ui.horizontal_wrapped(|ui| {
        let what = if settings.deaths_shown() {
            settings.kind.deaths().unwrap_or("killed")
        } else {
            settings.kind.label()
        };
        ui.label(
            RichText::new(format!("Per year in this atlas: {what}"))
                .strong()
                .size(size(15.0)),
        );
        for kind in ChartKind::ALL {
            ui.selectable_value(
                &mut settings.kind,
                kind,
                RichText::new(kind.label()).size(size(14.0)),
            );
        }
        ui.separator();
        ui.selectable_value(
            &mut settings.deaths,
            false,
            RichText::new("count").size(size(14.0)),
        );
        ui.add_enabled_ui(settings.kind.deaths().is_some(), |ui| {
            ui.selectable_value(
                &mut settings.deaths,
                true,
                RichText::new("killed").size(size(14.0)),
            )
            .on_disabled_hover_text(
                "Plots kill nobody; all kinds together would add victims to militants",
            );
        });
        if ui.small_button("Save table (CSV)…").clicked() {
            out.save_table = true;
        }
    });
    let deaths = settings.deaths_shown();
    let per_year = stats::per_year(shown.iter().copied(), settings.kind);
    let published = comparable(*settings);
    // The years to draw: the atlas's own, and those of published totals beside them.
    let mut charts: Vec<BarChart> = Vec::new();
    for (g, name) in COUNTRY_GROUPS.iter().enumerate() {
        let bars = per_year
            .iter()
            .map(|(y, c)| {
                let v = if deaths { c.killed[g] } else { c.incidents[g] };
                Bar::new(f64::from(*y), f64::from(v))
                    .width(0.6)
                    .fill(GROUP_COLORS[g].gamma_multiply(0.8))
            })
            .collect();
        let below: Vec<&BarChart> = charts.iter().collect();
        let chart = BarChart::new(*name, bars)
            .color(GROUP_COLORS[g])
            .stack_on(&below);
        charts.push(chart);
    }
    let values: Vec<(i32, u32)> = per_year
        .iter()
        .map(|(y, c)| {
            let v = if deaths { c.killed } else { c.incidents };
            (*y, v.iter().sum())
        })
        .collect();
    // One colour per published source, in the key and on the chart.
    let mut sources: Vec<&str> = Vec::new();
    for t in &published {
        if !sources.contains(&t.label.as_str()) {
            sources.push(&t.label);
        }
    }
    let color_of = |source: &str| {
        let n = sources.iter().position(|s| *s == source).unwrap_or(0);
        SOURCE_COLORS[n % SOURCE_COLORS.len()]
    };
    let mut key: Vec<(String, Color32)> = COUNTRY_GROUPS
        .iter()
        .zip(GROUP_COLORS)
        .map(|(n, c)| (format!("{n} (this atlas)"), c))
        .collect();
    key.extend(
        sources
            .iter()
            .map(|s| (format!("{PUBLISHED}{s}"), color_of(s))),
    );
    key_row(ui, key.into_iter(), scale);

    let cursor_year = cursor_month.div_euclid(12);
    let dark = ui.visuals().dark_mode;
    let (click, transform) = year_plot(ui, "per-year", height, cursor_year, scale, |plot| {
        for c in charts {
            plot.bar_chart(c);
        }
        // Each published figure: a short line across its year's bar at its value and a
        // diamond, filled for a whole year and hollow for part of one; values are written out
        // for the cursor's year only, so the chart stays legible (the sentences below say the
        // rest).
        for t in &published {
            let Some(year) = t.year() else { continue };
            let n = sources.iter().position(|s| *s == t.label).unwrap_or(0) as f64;
            let x = f64::from(year) - 0.3 + 0.6 * n / sources.len().max(1) as f64;
            let y = f64::from(t.value);
            let color = color_of(&t.label);
            plot.line(
                Line::new(
                    t.id.as_str(),
                    vec![[f64::from(year) - 0.35, y], [f64::from(year) + 0.35, y]],
                )
                .color(color)
                .width(2.0 * scale),
            );
            plot.points(
                Points::new(t.id.as_str(), vec![[x, y]])
                    .shape(MarkerShape::Diamond)
                    .filled(t.whole_year())
                    .color(color)
                    .radius(5.0 * scale),
            );
            if year != cursor_year {
                continue;
            }
            // The period is in the sentence under the chart; the mark carries the value.
            let label = t.value_text();
            plot.text(
                egui_plot::Text::new(
                    t.id.as_str(),
                    PlotPoint::new(f64::from(year), y),
                    RichText::new(label).size(11.0 * scale).color(if dark {
                        Color32::WHITE
                    } else {
                        Color32::BLACK
                    }),
                )
                .anchor(egui::Align2::CENTER_BOTTOM),
            );
        }
    });
    out.clicked_year = click;
    out.year_bars = values
        .iter()
        .map(|&(y, n)| {
            (
                y,
                transform.position_from_point(&PlotPoint::new(f64::from(y), f64::from(n) / 2.0)),
            )
        })
        .collect();
    out.year_values = values;

    // In words: what the atlas maps against what others counted, for the cursor's year.
    let notes = comparisons(shown, *settings, cursor_year);
    for line in &notes {
        ui.label(RichText::new(line).size(size(13.0)));
    }
    if notes.is_empty() && settings.kind == ChartKind::Attacks {
        ui.label(
            RichText::new(format!(
                "No published total for {cursor_year} is in this atlas's list (data/totals.json)."
            ))
            .size(size(13.0)),
        );
    }
    let militants = settings.kind == ChartKind::Operations && deaths;
    let note = if militants {
        "Militants killed in operations against ISKP: never added to its victims."
    } else if deaths {
        "Victims killed by ISKP (attackers not counted), best estimates."
    } else {
        "The atlas maps sourced incidents that meet its inclusion rule, not every attack: the published totals are the fuller count."
    };
    ui.label(RichText::new(note).size(size(12.0)).weak());
    let civilians: u32 = shown.iter().filter_map(|i| i.civilians_killed).sum();
    if settings.kind == ChartKind::Operations && civilians > 0 {
        ui.label(
            RichText::new(format!(
                "Operations against ISKP also killed {civilians} bystanders in these incidents; they are neither its victims nor militants."
            ))
            .size(size(12.0))
            .weak(),
        );
    }
    out
}

/// "This atlas maps 31 of the 152 attacks the UN counted in Afghanistan, 19 Aug – 31 Dec
/// 2021": one sentence per published total of the cursor's year that this chart can stand
/// beside, counted over exactly its period and country.
pub fn comparisons(shown: &[&Incident], settings: ChartSettings, year: i32) -> Vec<String> {
    let mut totals: Vec<&PublishedTotal> = comparable(settings)
        .into_iter()
        .filter(|t| t.year() == Some(year))
        .collect();
    // The fullest counts first: whole years, then the longest periods.
    let span = |t: &PublishedTotal| {
        let day = |d: crate::model::Date| d.month_index() * 31 + i32::from(d.day);
        day(t.period_end) - day(t.period_start)
    };
    totals.sort_by_key(|t| std::cmp::Reverse(span(t)));
    totals
        .into_iter()
        .take(4)
        .map(|t| {
            let (from, to) = (t.period_start, t.period_end);
            let inside = shown.iter().filter(|i| {
                i.kind == IncidentKind::Attack
                    && i.date >= from
                    && i.date <= to
                    && (t.country == "all" || i.country == t.country)
            });
            let place = country_name(&t.country);
            if t.counts.is_attacks() {
                // Count what the source counts: claimed attacks against claimed ones.
                let n = inside
                    .filter(|i| match t.counts {
                        Counts::ClaimedAttacks => i.claim == Claim::Claimed,
                        Counts::ClaimedSuicideAttacks => {
                            i.claim == Claim::Claimed && i.method.contains("suicide")
                        }
                        _ => true,
                    })
                    .count();
                if n as u32 <= t.value {
                    format!(
                        "This atlas maps {n} of the {} {} {} counted in {place}, {}.",
                        t.value_text(),
                        t.counts.words(),
                        t.label,
                        t.period_text()
                    )
                } else {
                    format!(
                        "This atlas maps {n} {} in {place}, {}; {} counted {} (the two are counted differently).",
                        t.counts.words(),
                        t.period_text(),
                        t.label,
                        t.value_text()
                    )
                }
            } else {
                let n: u32 = inside
                    .filter_map(|i| crate::model::filter::best_killed(i))
                    .sum();
                format!(
                    "This atlas counts {n} killed in its attacks in {place}, {}; {} counted {} {}.",
                    t.period_text(),
                    t.label,
                    t.value_text(),
                    t.counts.words()
                )
            }
        })
        .collect()
}

fn country_name(iso3: &str) -> &str {
    match iso3 {
        "AFG" => "Afghanistan",
        "PAK" => "Pakistan",
        "IRN" => "Iran",
        "all" => "all countries",
        other => other,
    }
}

/// A chart's key as a row of coloured swatches above the plot, so no legend sits on a bar.
/// Names starting with "published: " get a diamond, as their marks on the chart have.
fn key_row(ui: &mut Ui, items: impl Iterator<Item = (String, Color32)>, scale: f32) {
    ui.horizontal_wrapped(|ui| {
        for (name, color) in items {
            let (rect, _) =
                ui.allocate_exact_size(egui::vec2(12.0, 12.0) * scale, egui::Sense::hover());
            if name.starts_with(PUBLISHED) {
                crate::map::incidents::diamond(
                    ui.painter(),
                    rect.center(),
                    6.0 * scale,
                    color,
                    egui::Stroke::NONE,
                );
            } else {
                ui.painter().rect_filled(rect, 2.0, color);
            }
            ui.label(RichText::new(name).size(12.0 * scale));
            ui.add_space(6.0 * scale);
        }
    });
}

/// A year-axis plot with a label under every year and the cursor's year marked; a click
/// returns the year under the pointer.
fn year_plot(
    ui: &mut Ui,
    id: &str,
    height: f32,
    cursor_year: i32,
    scale: f32,
    content: impl FnOnce(&mut egui_plot::PlotUi<'_>),
) -> (Option<i32>, egui_plot::PlotTransform) {
    // Where twelve four-digit years do not fit side by side, they are written '16, '17...
    let short = ui.available_width() < 14.0 * 44.0 * scale;
    let response = Plot::new(id)
        .height(height)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .y_axis_min_width(36.0 * scale)
        .include_y(0.0)
        .x_grid_spacer(|input| {
            let (a, b) = input.bounds;
            (a.ceil() as i64..=b.floor() as i64)
                // One weight for every year, so every bar gets its label (egui_plot labels
                // only marks whose step leaves room, and would keep just the fives).
                .map(|y| egui_plot::GridMark {
                    value: y as f64,
                    step_size: 5.0,
                })
                .collect()
        })
        .y_grid_spacer(|input| {
            // About six labelled lines, at 1, 2 or 5 times a power of ten.
            let (a, b) = input.bounds;
            let rough = ((b - a) / 6.0).max(1.0);
            let power = 10f64.powf(rough.log10().floor());
            let step = [1.0, 2.0, 5.0, 10.0]
                .into_iter()
                .map(|m| m * power)
                .find(|s| *s >= rough)
                .unwrap_or(rough);
            let first = (a / step).ceil() as i64;
            let last = (b / step).floor() as i64;
            (first..=last)
                .map(|k| egui_plot::GridMark {
                    value: k as f64 * step,
                    step_size: step,
                })
                .collect()
        })
        .x_axis_formatter(move |mark, _| {
            if short {
                format!("'{:02.0}", mark.value.rem_euclid(100.0))
            } else {
                format!("{:.0}", mark.value)
            }
        })
        .y_axis_formatter(|mark, _| {
            if mark.value.fract() == 0.0 && mark.value >= 0.0 {
                format!("{:.0}", mark.value)
            } else {
                String::new()
            }
        })
        .show(ui, |plot| {
            content(plot);
            // The cursor's year: a band behind its bar.
            plot.vline(
                VLine::new("cursor", f64::from(cursor_year) - 0.45)
                    .color(Color32::from_rgb(200, 30, 40))
                    .width(2.0 * scale),
            );
            plot.vline(
                VLine::new("cursor-end", f64::from(cursor_year) + 0.45)
                    .color(Color32::from_rgb(200, 30, 40))
                    .width(2.0 * scale),
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

/// The table behind the charts, over what the charts show, as CSV.
pub fn table_csv(dataset: &Dataset, mask: &[bool]) -> String {
    let shown = shown(dataset, mask);
    let rows = stats::table(
        shown.into_iter(),
        stats::By::Year,
        &["AFG".to_owned(), "PAK".to_owned()],
        &[],
        embedded::totals(),
    );
    stats::to_csv(&rows)
}
