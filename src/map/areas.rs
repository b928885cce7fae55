//! The areas (core, claimed, periphery, historical) as meshes per role (fills, then lines),
//! tessellated once per view and reused while the map stands still. While the timeline
//! plays every frame is drawn anew but the areas do not change, and stroking their outlines
//! was a sixth of each frame.

use super::ScreenTransform;
use super::regions::{RegionShape, area_style};
use super::strokes::Strokes;
use crate::model::RegionRole;
use egui::Mesh;
use std::sync::Arc;

/// Everything the meshes depend on.
#[derive(Clone, PartialEq)]
struct Key {
    t: ScreenTransform,
    pixels_per_point: f32,
    dark: bool,
    roles: Vec<RegionRole>,
    fade: f32,
}

#[derive(Default)]
pub struct Areas {
    key: Option<Key>,
    meshes: Vec<(RegionRole, [Arc<Mesh>; 2])>,
}

impl Areas {
    /// The visible areas of `roles`, bottom first, each its fills' mesh and its outlines'; `fade`
    /// scales the fills' opacity.
    pub fn get(
        &mut self,
        ctx: &egui::Context,
        t: &ScreenTransform,
        dark: bool,
        roles: &[RegionRole],
        fade: f32,
        regions: &[RegionShape],
    ) -> &[(RegionRole, [Arc<Mesh>; 2])] {
        let key = Key {
            t: *t,
            pixels_per_point: ctx.pixels_per_point(),
            dark,
            roles: roles.to_vec(),
            fade,
        };
        if self.key.as_ref() != Some(&key) {
            self.meshes = roles
                .iter()
                .filter_map(|&role| {
                    let mut style = area_style(role, dark);
                    style.fill = style.fill.gamma_multiply(fade);
                    let mut mesh = Mesh::default();
                    let mut outlines = Strokes::new(ctx);
                    for shape in regions.iter().filter(|r| r.role == role) {
                        shape.shape.paint(t, &style, &mut mesh, &mut outlines);
                    }
                    if mesh.is_empty() && outlines.mesh.is_empty() {
                        return None;
                    }
                    Some((role, outlines.finish(mesh).map(Arc::new)))
                })
                .collect();
            self.key = Some(key);
        }
        &self.meshes
    }
}

/// Fill opacity factor for areas: full up to zoom 6, down to 45 % from zoom 9. Zoomed in, an
/// area is context rather than subject: the fade lets the map show through.
pub fn fade(zoom: f64) -> f32 {
    (1.0 - (zoom as f32 - 6.0) / 3.0 * 0.55).clamp(0.45, 1.0)
}
