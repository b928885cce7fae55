//! Animated GIF frames written as they are rendered, each after the first holding only what
//! changed. Between two months of the timeline only the date, the counts and a few markers
//! change; sending the whole picture each time made a 2015-2024 animation 26 MB. Each frame
//! is cropped to the box around its changed pixels, and unchanged pixels inside the box are
//! transparent, which the LZW coder packs into almost nothing. Frames are kept (not cleared)
//! after display, so every viewer builds the same picture.

use image::RgbaImage;
use std::io::Write;

pub struct GifWriter<W: Write> {
    /// The output until the first frame gives the picture's size, then its encoder.
    out: Option<W>,
    encoder: Option<gif::Encoder<W>>,
    previous: Option<RgbaImage>,
    /// Frame delay in hundredths of a second, GIF's unit.
    delay: u16,
}

impl<W: Write> GifWriter<W> {
    pub fn new(out: W, fps: u32) -> Self {
        Self {
            out: Some(out),
            encoder: None,
            previous: None,
            delay: (100 / fps.clamp(1, 50)) as u16,
        }
    }

    /// Adds the next picture; all must have the first one's size.
    pub fn add(&mut self, image: RgbaImage) -> Result<(), String> {
        if let Some(out) = self.out.take() {
            let (w, h) = image.dimensions();
            let mut encoder = gif::Encoder::new(out, dimension(w)?, dimension(h)?, &[])
                .map_err(|e| e.to_string())?;
            encoder
                .set_repeat(gif::Repeat::Infinite)
                .map_err(|e| e.to_string())?;
            self.encoder = Some(encoder);
        }
        let Some(encoder) = self.encoder.as_mut() else {
            return Err("the GIF could not be started".into());
        };
        let (x, y, mut pixels, w, h) = match &self.previous {
            None => {
                let (w, h) = image.dimensions();
                (0, 0, image.as_raw().clone(), w, h)
            }
            Some(prev) => {
                if prev.dimensions() != image.dimensions() {
                    return Err("frames of different sizes".into());
                }
                changed_part(prev, &image)
            }
        };
        let mut frame = gif::Frame::from_rgba_speed(dimension(w)?, dimension(h)?, &mut pixels, 10);
        frame.left = dimension(x)?;
        frame.top = dimension(y)?;
        frame.delay = self.delay;
        frame.dispose = gif::DisposalMethod::Keep;
        encoder.write_frame(&frame).map_err(|e| e.to_string())?;
        self.previous = Some(image);
        Ok(())
    }
}

impl<W: Write> GifWriter<W> {
    /// Ends the file and flushes it, so a full disk is an error here, not a silent cut.
    pub fn finish(self) -> Result<(), String> {
        let encoder = self.encoder.ok_or("no frames to write")?;
        let mut out = encoder.into_inner().map_err(|e| e.to_string())?;
        out.flush().map_err(|e| e.to_string())
    }
}

fn dimension(v: u32) -> Result<u16, String> {
    u16::try_from(v).map_err(|_| format!("{v} pixels is more than a GIF can hold"))
}

/// The box around the pixels that differ, as RGBA with the unchanged ones transparent; a
/// single transparent pixel when nothing changed (the frame still holds its time).
fn changed_part(prev: &RgbaImage, cur: &RgbaImage) -> (u32, u32, Vec<u8>, u32, u32) {
    let (w, h) = cur.dimensions();
    let (mut x0, mut y0, mut x1, mut y1) = (w, h, 0, 0);
    for (y, (a, b)) in prev.rows().zip(cur.rows()).enumerate() {
        for (x, (p, q)) in a.zip(b).enumerate() {
            if p != q {
                x0 = x0.min(x as u32);
                x1 = x1.max(x as u32 + 1);
                y0 = y0.min(y as u32);
                y1 = y1.max(y as u32 + 1);
            }
        }
    }
    if x0 >= x1 {
        return (0, 0, vec![0; 4], 1, 1);
    }
    let mut pixels = Vec::with_capacity(((x1 - x0) * (y1 - y0) * 4) as usize);
    for y in y0..y1 {
        for x in x0..x1 {
            let q = cur.get_pixel(x, y);
            if prev.get_pixel(x, y) == q {
                pixels.extend([0, 0, 0, 0]);
            } else {
                // Opaque, so only the untouched pixels read as transparent.
                pixels.extend([q[0], q[1], q[2], 255]);
            }
        }
    }
    (x0, y0, pixels, x1 - x0, y1 - y0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::AnimationDecoder;

    /// A few flat colours, like the map's, with a "marker" and a "date" that change.
    fn picture(step: u32) -> RgbaImage {
        RgbaImage::from_fn(200, 120, |x, y| {
            let marker = (x as i64 - (40 + 30 * step) as i64).pow(2) + (y as i64 - 60).pow(2) < 64;
            let date = y < 12 && x < 20 + 8 * step;
            if marker {
                image::Rgba([213, 94, 0, 255])
            } else if date {
                image::Rgba([20, 20, 20, 255])
            } else if y > 80 {
                image::Rgba([120, 170, 220, 255])
            } else {
                image::Rgba([236, 232, 224, 255])
            }
        })
    }

    #[test]
    fn frames_decode_to_the_pictures_and_repeats_cost_almost_nothing() {
        let mut bytes = Vec::new();
        {
            let mut gif = GifWriter::new(&mut bytes, 4);
            for step in [0, 1, 2, 2] {
                gif.add(picture(step)).unwrap();
            }
            gif.finish().unwrap();
        }
        let frames = image::codecs::gif::GifDecoder::new(std::io::Cursor::new(&bytes))
            .unwrap()
            .into_frames()
            .collect_frames()
            .unwrap();
        assert_eq!(frames.len(), 4);
        for (frame, step) in frames.iter().zip([0, 1, 2, 2]) {
            assert_eq!(frame.buffer(), &picture(step), "frame for step {step}");
            assert_eq!(frame.delay().numer_denom_ms(), (250, 1));
        }
        let mut one = Vec::new();
        {
            let mut gif = GifWriter::new(&mut one, 4);
            gif.add(picture(0)).unwrap();
            gif.finish().unwrap();
        }
        // Three more frames, of which one repeats: far less than three whole pictures.
        assert!(
            bytes.len() < one.len() * 2,
            "{} bytes for 4 frames, {} for 1",
            bytes.len(),
            one.len()
        );
        let mut big = GifWriter::new(Vec::new(), 4);
        assert!(big.add(RgbaImage::new(70_000, 1)).is_err());
        let mut mixed = GifWriter::new(Vec::new(), 4);
        mixed.add(picture(0)).unwrap();
        assert!(mixed.add(RgbaImage::new(10, 10)).is_err());
    }
}
