//! The PDF handout: a title page (title, data month, how to cite the atlas and the paper),
//! a page per chapter (its stage picture, title, caption, the incidents it is about with
//! date, place, toll and sources, the paper's section), then every source cited. Text is
//! set in the atlas's own font (Ubuntu Light, embedded and subset by krilla), wrapped with
//! egui's measure of the same font; every URL is a clickable link.

use super::{AtlasApp, Harness};
use crate::commands::Command;
use crate::io::Progress;
use crate::job::Paper;
use crate::model::filter::toll_text;
use crate::model::waves::date_text;
use crate::model::{Chapter, Incident, Source, cite};
use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{Point, Rect, Size};
use krilla::image::Image;
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::text::{Font, TextDirection};

const MARGIN: f32 = 48.0;

/// What goes on a page, laid out first and written to the PDF at the end.
enum Op {
    Text {
        at: (f32, f32),
        size: f32,
        color: rgb::Color,
        text: String,
    },
    Link {
        rect: Rect,
        url: String,
    },
    Image {
        at: (f32, f32),
        size: (f32, f32),
        png: Vec<u8>,
    },
}

/// Lays out pages top to bottom, starting a new page when one is full.
struct Writer<'a> {
    pages: Vec<Vec<Op>>,
    paper: (f32, f32),
    y: f32,
    /// Measures text in the atlas's font at a size, in points.
    measure: &'a dyn Fn(&str, f32) -> f32,
}

/// Text colours: ink, muted for lines under a heading, blue for links.
fn ink() -> rgb::Color {
    rgb::Color::new(20, 20, 24)
}

fn muted() -> rgb::Color {
    rgb::Color::new(90, 90, 100)
}

fn link() -> rgb::Color {
    rgb::Color::new(0, 80, 170)
}

impl Writer<'_> {
    fn width(&self) -> f32 {
        self.paper.0 - 2.0 * MARGIN
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    fn room(&mut self, height: f32) {
        if self.pages.is_empty() || self.y + height > self.paper.1 - MARGIN {
            self.new_page();
        }
    }

    fn put(&mut self, op: Op) {
        if let Some(page) = self.pages.last_mut() {
            page.push(op);
        }
    }

    /// Lines of `text` no wider than `width` at `size`, broken between words; a word too
    /// long for a line (a URL) is broken where it must.
    fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        let mut words = Vec::new();
        for word in text.split_whitespace() {
            if (self.measure)(word, size) <= width {
                words.push(word.to_owned());
                continue;
            }
            let mut piece = String::new();
            for c in word.chars() {
                piece.push(c);
                if (self.measure)(&piece, size) > width {
                    piece.pop();
                    words.push(std::mem::take(&mut piece));
                    piece.push(c);
                }
            }
            words.push(piece);
        }
        for word in &words {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if !line.is_empty() && (self.measure)(&candidate, size) > width {
                lines.push(std::mem::replace(&mut line, word.to_owned()));
            } else {
                line = candidate;
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }

    /// A paragraph at `size`, indented by `indent`; a link makes every line clickable.
    fn text(&mut self, text: &str, size: f32, color: rgb::Color, indent: f32, link: Option<&str>) {
        let leading = size * 1.35;
        for line in self.wrap(text, size, self.width() - indent) {
            self.room(leading);
            let (x, y) = (MARGIN + indent, self.y + size);
            if let Some(url) = link
                && let Some(rect) =
                    Rect::from_xywh(x, self.y, (self.measure)(&line, size).max(1.0), leading)
            {
                self.put(Op::Link {
                    rect,
                    url: url.to_owned(),
                });
            }
            self.put(Op::Text {
                at: (x, y),
                size,
                color,
                text: line,
            });
            self.y += leading;
        }
    }

    fn gap(&mut self, points: f32) {
        self.y += points;
    }

    fn image(&mut self, png: Vec<u8>, aspect: f32) {
        let width = self.width();
        let height = width / aspect;
        self.room(height);
        self.put(Op::Image {
            at: (MARGIN, self.y),
            size: (width, height),
            png,
        });
        self.y += height;
    }

    /// The PDF, and how many pages it has.
    fn finish(self, font: Font) -> Result<(Vec<u8>, usize), String> {
        let mut doc = Document::new();
        let settings = PageSettings::from_wh(self.paper.0, self.paper.1).ok_or("bad paper size")?;
        let count = self.pages.len();
        for ops in self.pages {
            let mut page = doc.start_page_with(settings.clone());
            let mut links = Vec::new();
            {
                let mut surface = page.surface();
                for op in ops {
                    match op {
                        Op::Text {
                            at,
                            size,
                            color,
                            text,
                        } => {
                            surface.set_fill(Some(Fill {
                                paint: color.into(),
                                ..Default::default()
                            }));
                            let start = Point::from_xy(at.0, at.1);
                            surface.draw_text(
                                start,
                                font.clone(),
                                size,
                                &text,
                                false,
                                TextDirection::Auto,
                            );
                        }
                        Op::Image { at, size, png } => {
                            let image = Image::from_png(png.into(), true)?;
                            let size = Size::from_wh(size.0, size.1).ok_or("bad image size")?;
                            surface.push_transform(&krilla::geom::Transform::from_translate(
                                at.0, at.1,
                            ));
                            surface.draw_image(image, size);
                            surface.pop();
                        }
                        Op::Link { rect, url } => links.push((rect, url)),
                    }
                }
                surface.finish();
            }
            for (rect, url) in links {
                let target = krilla::action::LinkAction::new(url.clone());
                let link = krilla::annotation::LinkAnnotation::new(
                    rect,
                    krilla::annotation::Target::Action(target.into()),
                );
                page.add_annotation(krilla::annotation::Annotation::new_link(link, Some(url)));
            }
            page.finish();
        }
        doc.set_metadata(
            krilla::metadata::Metadata::new()
                .title("ISKP Atlas: handout".into())
                .creator(format!("ISKP Atlas {}", cite::VERSION)),
        );
        let bytes = doc
            .finish()
            .map_err(|e| format!("the PDF could not be written: {e:?}"))?;
        Ok((bytes, count))
    }
}

/// A line for an incident: "18 Apr 2015 · Jalalabad, AFG · 33 killed · claimed".
fn incident_line(i: &Incident) -> String {
    format!(
        "{} · {}, {} · {} · {}",
        date_text(i.date, i.date_precision),
        i.place,
        i.country,
        toll_text(i),
        i.claim.code().replace('_', " ")
    )
}

fn source_line(s: &Source) -> String {
    let mut text = s.publisher.clone();
    if !s.title.is_empty() {
        text = format!("{text}: {}", s.title);
    }
    if !s.date.is_empty() {
        text = format!("{text} ({})", s.date);
    }
    text
}

/// Writes the handout for `chapters` (all when empty) and returns the PDF and its page
/// count. `h` shows the stage; each chapter's picture is rendered through it.
pub(super) fn write(
    h: &mut Harness<'static, AtlasApp>,
    wanted: &[String],
    paper: Paper,
    progress: &Progress,
) -> Result<(Vec<u8>, usize), String> {
    use std::sync::atomic::Ordering;
    let chapters: Vec<(usize, Chapter)> = h
        .state()
        .chapters()
        .iter()
        .cloned()
        .enumerate()
        .filter(|(_, c)| wanted.is_empty() || wanted.contains(&c.id))
        .collect();
    for id in wanted {
        if !chapters.iter().any(|(_, c)| &c.id == id) {
            return Err(format!("no chapter '{id}'"));
        }
    }
    let fonts = egui::FontDefinitions::default();
    let data = fonts
        .font_data
        .get("Ubuntu-Light")
        .ok_or("the atlas's font is missing")?;
    let font =
        Font::new(data.font.clone().into(), data.index).ok_or("the atlas's font did not load")?;
    let ctx = h.ctx.clone();
    let measure = move |text: &str, size: f32| {
        ctx.fonts_mut(|f| {
            f.layout_no_wrap(
                text.to_owned(),
                egui::FontId::proportional(size),
                egui::Color32::BLACK,
            )
            .size()
            .x
        })
    };
    let mut w = Writer {
        pages: Vec::new(),
        paper: paper.points(),
        y: MARGIN,
        measure: &measure,
    };
    progress.total.store(chapters.len() + 1, Ordering::Relaxed);
    let through = crate::io::embedded::data_through_text();

    // The title page.
    w.new_page();
    w.gap(120.0);
    w.text("ISKP Atlas", 34.0, ink(), 0.0, None);
    w.text(
        "Islamic State Khorasan Province, 2015 to today",
        16.0,
        ink(),
        0.0,
        None,
    );
    w.gap(10.0);
    w.text(&through, 14.0, ink(), 0.0, None);
    w.text(
        &format!("Version {}", cite::VERSION),
        11.0,
        muted(),
        0.0,
        None,
    );
    w.gap(30.0);
    w.text("How to cite", 14.0, ink(), 0.0, None);
    w.text(&cite::atlas(&through), 11.0, ink(), 0.0, None);
    w.gap(8.0);
    w.text("The paper the story follows", 14.0, ink(), 0.0, None);
    w.text(&cite::paper(), 11.0, ink(), 0.0, None);
    w.text(cite::PAPER_URL, 11.0, link(), 0.0, Some(cite::PAPER_URL));
    w.gap(30.0);
    w.text(
        "The atlas maps sourced incidents that meet its inclusion rule (claimed by ISKP, or attributed to it by officials or two independent researchers), not every attack; published totals are the fuller counts. Victims and militants are never added together. Every incident cites the reports it was compiled from; they are listed at the end.",
        11.0,
        muted(),
        0.0,
        None,
    );
    progress.done.fetch_add(1, Ordering::Relaxed);

    let mut cited: Vec<Source> = Vec::new();
    let total = h.state().chapters().len();
    for (i, c) in &chapters {
        if progress.cancelled() {
            return Err("cancelled".into());
        }
        progress.done.fetch_add(1, Ordering::Relaxed);
        h.state_mut().run(Command::GoToChapter(*i));
        super::settle(h)?;
        let picture = h.render()?;
        let aspect = picture.width() as f32 / picture.height().max(1) as f32;
        let mut png = Vec::new();
        picture
            .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .map_err(|e| e.to_string())?;
        w.new_page();
        w.text(&c.title, 20.0, ink(), 0.0, None);
        w.text(
            &format!(
                "Chapter {} of {total} · {}–{} · Rana (2024), {}",
                i + 1,
                c.years[0],
                c.years[1],
                c.paper_ref
            ),
            9.5,
            muted(),
            0.0,
            None,
        );
        w.gap(6.0);
        w.image(png, aspect);
        w.gap(8.0);
        w.text(&c.caption, 10.5, ink(), 0.0, None);
        let incidents: Vec<Incident> = {
            let all = h.state().dataset.incidents();
            c.highlight
                .iter()
                .filter_map(|id| all.iter().find(|inc| &inc.id == id).cloned())
                .collect()
        };
        if !incidents.is_empty() {
            w.gap(8.0);
            w.text("Incidents in this chapter", 12.0, ink(), 0.0, None);
            for inc in &incidents {
                w.gap(3.0);
                w.text(&inc.title, 10.0, ink(), 0.0, None);
                w.text(&incident_line(inc), 9.0, muted(), 10.0, None);
                for s in &inc.sources {
                    w.text(&source_line(s), 8.5, link(), 10.0, Some(&s.url));
                    if !cited.iter().any(|k| k.url == s.url) {
                        cited.push(s.clone());
                    }
                }
            }
        }
    }

    // The sources cited, by publisher.
    cited.sort_by_key(|s| (s.publisher.to_lowercase(), s.date.clone()));
    w.new_page();
    w.text("Sources cited", 20.0, ink(), 0.0, None);
    w.gap(6.0);
    w.text(&cite::paper(), 9.0, ink(), 0.0, Some(cite::PAPER_URL));
    for s in &cited {
        w.gap(2.0);
        w.text(&source_line(s), 9.0, ink(), 0.0, None);
        w.text(&s.url, 8.0, link(), 10.0, Some(&s.url));
    }
    w.finish(font)
}
