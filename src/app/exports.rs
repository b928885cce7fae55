//! The Export window's side of the app: what the window asks for becomes a job for the
//! exporter given at launch, drawing exactly this state on stage.

use super::AtlasApp;
use crate::job::{Job, Picture, Request};

impl AtlasApp {
    pub(super) fn export_window(&mut self, ctx: &egui::Context) {
        let Some(asked) = self.rt.panels.export.show(ctx) else {
            return;
        };
        let Some(exporter) = &self.rt.launch.exporter else {
            self.rt.panels.export.refused(
                "Export is not available here: this atlas was started without an exporter".into(),
            );
            return;
        };
        // Print reads best in the light theme; pictures and videos show the screen's.
        let theme = match asked.kind {
            crate::job::JobKind::Handout { .. } => crate::theme::Theme::Light,
            _ => self.state.theme,
        };
        let picture = Picture {
            size: asked.size,
            chapter: self.state.chapter.clone(),
            theme: Some(theme),
            state: Some(self.state.save()),
            data: self.layer_files(),
            ..Default::default()
        };
        let request = Request {
            kind: asked.kind,
            picture,
            out: asked.out,
        };
        let job = Job::start(request, exporter, ctx.clone());
        self.rt.panels.export.running(job);
    }
}
