//! Drawing on a software renderer: Mesa's llvmpipe, what OpenGL is on a machine (or a
//! virtual one) without a graphics driver. It sorts all of a frame's triangles into screen
//! bins before it draws any, at some 430 bytes a triangle: the home view's 48,000 took
//! 21 MB, a third of the memory in use at start. Finishing each layer of the map before
//! the next is binned lets the layers share that memory (159 MB at start instead of
//! 170 MB, in the same time: the drawing threads run while the frame waits either way).
//! A graphics card draws as it goes, and making the CPU wait for it would only slow
//! frames, so this is for software renderers alone.

use eframe::glow::{self, HasContext};

/// Whether this context draws on the CPU.
pub fn is_software(gl: &glow::Context) -> bool {
    // SAFETY: a query of the context's name, on the thread the context is current on.
    let renderer = unsafe { gl.get_parameter_string(glow::RENDERER) };
    renderer.contains("llvmpipe") || renderer.contains("softpipe")
}

/// Ends a layer of the map: what has been painted so far is drawn before anything after it
/// is prepared.
pub fn end_layer(painter: &egui::Painter) {
    let finish = eframe::egui_glow::CallbackFn::new(|_info, painter| {
        // SAFETY: called by egui's OpenGL painter, between its own draws, on its context.
        unsafe { painter.gl().finish() }
    });
    painter.add(egui::PaintCallback {
        rect: painter.clip_rect(),
        callback: std::sync::Arc::new(finish),
    });
}
