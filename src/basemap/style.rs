//! Colours and line widths of the offline basemap, per theme.

use crate::theme::Theme;

pub type Rgba = [u8; 4];

#[derive(Debug, Clone, Copy)]
pub struct Stroke {
    pub color: Rgba,
    /// Width in pixels at zoom 4 and at zoom 10; interpolated between, held outside.
    pub width: (f32, f32),
    pub dash: Option<(f32, f32)>,
}

impl Stroke {
    pub fn width_at(&self, zoom: u8) -> f32 {
        let t = ((f32::from(zoom) - 4.0) / 6.0).clamp(0.0, 1.0);
        self.width.0 + (self.width.1 - self.width.0) * t
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Palette {
    pub sea: Rgba,
    pub land: Rgba,
    pub lake: Rgba,
    pub river: Stroke,
    pub admin1: Stroke,
    pub border: Stroke,
    pub coast: Stroke,
}

const fn rgb(hex: u32) -> Rgba {
    [(hex >> 16) as u8, (hex >> 8) as u8, hex as u8, 255]
}

pub fn palette(theme: Theme) -> Palette {
    match theme {
        Theme::Light => Palette {
            sea: rgb(0xaacbe3),
            land: rgb(0xf4f1e8),
            lake: rgb(0xaacbe3),
            river: Stroke {
                color: rgb(0x86b3d9),
                width: (0.7, 1.6),
                dash: None,
            },
            admin1: Stroke {
                color: rgb(0xb3a79c),
                width: (0.6, 1.2),
                dash: Some((4.0, 3.0)),
            },
            border: Stroke {
                color: rgb(0x7d6e85),
                width: (1.0, 2.2),
                dash: None,
            },
            coast: Stroke {
                color: rgb(0x7ea7c6),
                width: (0.6, 1.2),
                dash: None,
            },
        },
        Theme::Dark => Palette {
            sea: rgb(0x15202b),
            land: rgb(0x2b323c),
            lake: rgb(0x15202b),
            river: Stroke {
                color: rgb(0x2e5777),
                width: (0.7, 1.6),
                dash: None,
            },
            admin1: Stroke {
                color: rgb(0x525c6b),
                width: (0.6, 1.2),
                dash: Some((4.0, 3.0)),
            },
            border: Stroke {
                color: rgb(0x9aa4b4),
                width: (1.0, 2.2),
                dash: None,
            },
            coast: Stroke {
                color: rgb(0x3c5a75),
                width: (0.6, 1.2),
                dash: None,
            },
        },
        // Projectors wash out pale tints: white land, saturated sea, black borders.
        Theme::Projector => Palette {
            sea: rgb(0x7fb3e0),
            land: rgb(0xffffff),
            lake: rgb(0x7fb3e0),
            river: Stroke {
                color: rgb(0x3f86cc),
                width: (1.0, 2.2),
                dash: None,
            },
            admin1: Stroke {
                color: rgb(0x8c8c8c),
                width: (1.0, 1.8),
                dash: Some((5.0, 3.0)),
            },
            border: Stroke {
                color: rgb(0x1a1a1a),
                width: (1.8, 3.2),
                dash: None,
            },
            coast: Stroke {
                color: rgb(0x2f6fae),
                width: (0.9, 1.6),
                dash: None,
            },
        },
    }
}
