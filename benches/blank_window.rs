//! The baseline for the startup measurement in the README: an empty eframe window on the
//! same stack, which prints how long it took to its first frame and closes.
//!
//!     cargo bench --bench blank_window          (needs a display, e.g. xvfb-run)

struct Blank {
    started: std::time::Instant,
    done: bool,
}

impl eframe::App for Blank {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| ui.label("blank"));
        if !self.done {
            self.done = true;
            println!(
                "first complete frame: {:.1} ms",
                self.started.elapsed().as_secs_f64() * 1e3
            );
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
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
        Box::new(move |_| {
            Ok(Box::new(Blank {
                started,
                done: false,
            }))
        }),
    )
}
