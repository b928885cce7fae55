//! The export window: the current view as a PNG (at screen size or a chosen size), the
//! timeline as an animated GIF or an MP4 video, or the whole story as a video. It says what to make; the app starts the job on a
//! background thread and hands it back, and the window shows its progress and a cancel
//! button, so the atlas keeps responding.

use crate::job::{Job, JobKind, Paper, Step};
use std::path::PathBuf;

/// What the window asks for: a file of this kind, of the screen at this size.
pub struct Asked {
    pub kind: JobKind,
    pub size: (u32, u32),
    pub out: PathBuf,
}

pub struct ExportPanel {
    pub open: bool,
    png: String,
    gif: String,
    mp4: String,
    pdf: String,
    letter: bool,
    /// Seconds per chapter in the story video.
    seconds: f32,
    size: (u32, u32),
    at_screen_size: bool,
    from: i32,
    to: i32,
    monthly: bool,
    fps: u32,
    job: Option<Job>,
    message: String,
}

impl ExportPanel {
    pub fn new(first_year: i32, last_year: i32) -> Self {
        let dir = dirs::picture_dir()
            .or_else(dirs::home_dir)
            .unwrap_or_else(|| PathBuf::from("."));
        Self {
            open: false,
            png: dir.join("iskp-atlas.png").display().to_string(),
            gif: dir.join("iskp-atlas.gif").display().to_string(),
            mp4: dir.join("iskp-atlas.mp4").display().to_string(),
            pdf: dir.join("iskp-atlas-handout.pdf").display().to_string(),
            letter: false,
            seconds: 8.0,
            size: (1920, 1080),
            at_screen_size: true,
            from: first_year,
            to: last_year,
            monthly: false,
            fps: 4,
            job: None,
            message: String::new(),
        }
    }

    /// Shows a job the app started for what the window asked.
    pub fn running(&mut self, job: Job) {
        self.job = Some(job);
        self.message.clear();
    }

    /// Says why what was asked cannot be made.
    pub fn refused(&mut self, why: String) {
        self.message = why;
    }

    /// The last outcome shown to the user ("Saved ..." or why not).
    pub fn message(&self) -> &str {
        &self.message
    }

    pub fn set_files(&mut self, png: &str, gif: &str) {
        self.png = png.to_owned();
        self.gif = gif.to_owned();
    }

    pub fn set_video_file(&mut self, mp4: &str) {
        self.mp4 = mp4.to_owned();
    }

    /// The picture size asked for: the screen's, or the one typed.
    fn size_for(&self, screen: (u32, u32)) -> (u32, u32) {
        if self.at_screen_size {
            screen
        } else {
            self.size
        }
    }

    /// A frame a month or a frame a year, for the GIF and the MP4 alike.
    fn step(&self) -> Step {
        if self.monthly {
            Step::Month
        } else {
            Step::Year
        }
    }

    /// Draws the window; returns what the user asked to export.
    pub fn show(&mut self, ctx: &egui::Context) -> Option<Asked> {
        let mut asked = None;
        if let Some(job) = &self.job {
            if let Some(result) = job.finished() {
                self.message = result.unwrap_or_else(|e| format!("Export failed: {e}"));
                self.job = None;
            } else {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
            }
        }
        let mut open = self.open;
        egui::Window::new("Export")
            .open(&mut open)
            .resizable(false)
            .show(ctx, |ui| {
                let screen = ctx.content_rect().size();
                let screen = (screen.x.round() as u32, screen.y.round() as u32);
                ui.heading("Picture (PNG)");
                ui.horizontal(|ui| {
                    ui.radio_value(
                        &mut self.at_screen_size,
                        true,
                        format!("screen size ({}x{})", screen.0, screen.1),
                    );
                    ui.radio_value(&mut self.at_screen_size, false, "size");
                    ui.add_enabled(
                        !self.at_screen_size,
                        egui::DragValue::new(&mut self.size.0).range(64..=8192),
                    );
                    ui.label("x");
                    ui.add_enabled(
                        !self.at_screen_size,
                        egui::DragValue::new(&mut self.size.1).range(64..=8192),
                    );
                });
                ui.horizontal(|ui| {
                    let l = ui.label("PNG file");
                    ui.add(egui::TextEdit::singleline(&mut self.png).desired_width(320.0))
                        .labelled_by(l.id);
                });
                let idle = self.job.is_none();
                if ui
                    .add_enabled(idle, egui::Button::new("Save PNG"))
                    .clicked()
                {
                    let size = self.size_for(screen);
                    asked = Some(Asked {
                        kind: JobKind::Png,
                        size,
                        out: PathBuf::from(&self.png),
                    });
                }
                ui.separator();
                ui.heading("Animation (GIF)");
                ui.horizontal(|ui| {
                    ui.label("Years");
                    ui.add(egui::DragValue::new(&mut self.from).range(2015..=2100));
                    ui.label("to");
                    ui.add(egui::DragValue::new(&mut self.to).range(2015..=2100));
                    ui.radio_value(&mut self.monthly, false, "a frame a year");
                    ui.radio_value(&mut self.monthly, true, "a frame a month");
                    ui.label("fps");
                    ui.add(egui::DragValue::new(&mut self.fps).range(1..=30));
                });
                ui.horizontal(|ui| {
                    let l = ui.label("GIF file");
                    ui.add(egui::TextEdit::singleline(&mut self.gif).desired_width(320.0))
                        .labelled_by(l.id);
                });
                if ui
                    .add_enabled(idle, egui::Button::new("Save GIF"))
                    .clicked()
                {
                    let size = self.size_for(screen);
                    let step = self.step();
                    let kind = JobKind::Gif {
                        from: self.from,
                        to: self.to,
                        step,
                        fps: self.fps,
                    };
                    asked = Some(Asked {
                        kind,
                        size,
                        out: PathBuf::from(&self.gif),
                    });
                }
                ui.separator();
                ui.heading("Video (MP4)");
                ui.label("The same years, frames and speed as the animation; H.264, plays in slide tools and browsers.");
                ui.horizontal(|ui| {
                    let l = ui.label("MP4 file");
                    ui.add(egui::TextEdit::singleline(&mut self.mp4).desired_width(320.0))
                        .labelled_by(l.id);
                });
                ui.horizontal(|ui| {
                    let size = self.size_for(screen);
                    let step = self.step();
                    if ui
                        .add_enabled(idle, egui::Button::new("Save MP4"))
                        .clicked()
                    {
                        let kind = JobKind::Mp4 {
                            from: self.from,
                            to: self.to,
                            step,
                            fps: self.fps,
                        };
                        asked = Some(Asked {
                            kind,
                            size,
                            out: PathBuf::from(&self.mp4),
                        });
                    }
                    if ui
                        .add_enabled(idle, egui::Button::new("Save story MP4"))
                        .on_hover_text("A title card, then every chapter in order")
                        .clicked()
                    {
                        let kind = JobKind::StoryMp4 {
                            seconds: self.seconds,
                            fps: self.fps.max(8),
                        };
                        asked = Some(Asked {
                            kind,
                            size,
                            out: PathBuf::from(&self.mp4),
                        });
                    }
                    ui.add(
                        egui::DragValue::new(&mut self.seconds)
                            .range(2.0..=120.0)
                            .suffix(" s a chapter"),
                    );
                });
                ui.separator();
                ui.heading("Handout (PDF)");
                ui.label("A title page, a page per chapter with its picture, incidents and sources, then every source cited.");
                ui.horizontal(|ui| {
                    let l = ui.label("PDF file");
                    ui.add(egui::TextEdit::singleline(&mut self.pdf).desired_width(320.0))
                        .labelled_by(l.id);
                });
                ui.horizontal(|ui| {
                    ui.radio_value(&mut self.letter, false, "A4");
                    ui.radio_value(&mut self.letter, true, "Letter");
                    if ui
                        .add_enabled(idle, egui::Button::new("Save PDF handout"))
                        .clicked()
                    {
                        let paper = if self.letter { Paper::Letter } else { Paper::A4 };
                        asked = Some(Asked {
                            kind: JobKind::Handout { paper },
                            size: (1600, 900),
                            out: PathBuf::from(&self.pdf),
                        });
                    }
                });
                if let Some(job) = &self.job {
                    ui.horizontal(|ui| {
                        ui.add(
                            egui::ProgressBar::new(job.progress.fraction())
                                .desired_width(260.0)
                                .show_percentage(),
                        );
                        if ui.button("Cancel").clicked() {
                            job.progress.stop();
                        }
                    });
                }
                if !self.message.is_empty() {
                    ui.label(&self.message);
                }
            });
        self.open = open;
        asked
    }
}
