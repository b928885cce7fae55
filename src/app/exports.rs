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
        let picture = Picture {
            size: asked.size,
            chapter: self.state.chapter.clone(),
            theme: Some(self.state.theme),
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
