//! H.264 video in an MP4 file, one frame at a time: each frame is converted to YUV 4:2:0,
//! encoded by OpenH264 (built from its source, so nothing is needed on the machine) and
//! written as an MP4 sample at once, so memory stays flat however long the video is. The
//! result plays in PowerPoint, Keynote, browsers and VLC: baseline-compatible H.264,
//! `yuv420p`, even dimensions, a key frame every two seconds.

use openh264::OpenH264API;
use openh264::encoder::{
    Encoder, EncoderConfig, FrameRate, FrameType, IntraFramePeriod, QpRange, RateControlMode,
    UsageType,
};
use openh264::formats::{RgbaSliceU8, YUVBuffer};
use std::io::{Seek, Write};

/// The MP4 clock: ticks per second for sample times.
const TIMESCALE: u32 = 90_000;

pub struct VideoWriter<W: Write + Seek> {
    encoder: Encoder,
    /// Created with the first frame, which carries the stream's parameter sets.
    mp4: Option<mp4::Mp4Writer<W>>,
    out: Option<W>,
    size: (u32, u32),
    /// Ticks per frame.
    tick: u32,
    frames: u64,
}

impl<W: Write + Seek> VideoWriter<W> {
    /// A writer for `size` (both even) at `fps` frames a second.
    pub fn new(out: W, size: (u32, u32), fps: u32) -> Result<Self, String> {
        if size.0 % 2 != 0 || size.1 % 2 != 0 || size.0 < 16 || size.1 < 16 {
            return Err(format!(
                "a video needs an even width and height of at least 16 pixels, not {}x{}",
                size.0, size.1
            ));
        }
        let fps = fps.clamp(1, 60);
        // Maps are flat colour and sharp lines: the screen-content mode at a fixed quality
        // (quantiser 18 to 26) keeps labels crisp, and no frame is ever skipped, so the video
        // has exactly one frame per month asked for. (OpenH264's bitrate control needs frame
        // skipping, and its non-real-time screen mode is refused by this version.)
        let config = EncoderConfig::new()
            .usage_type(UsageType::ScreenContentRealTime)
            .adaptive_quantization(false)
            .background_detection(false)
            .rate_control_mode(RateControlMode::Off)
            .qp(QpRange::new(18, 26))
            .max_frame_rate(FrameRate::from_hz(fps as f32))
            .skip_frames(false)
            .intra_frame_period(IntraFramePeriod::from_num_frames(fps * 2));
        let encoder = Encoder::with_api_config(OpenH264API::from_source(), config)
            .map_err(|e| format!("the H.264 encoder did not start: {e}"))?;
        Ok(Self {
            encoder,
            mp4: None,
            out: Some(out),
            size,
            tick: TIMESCALE / fps,
            frames: 0,
        })
    }

    /// Encodes one frame (RGBA, exactly the writer's size) and writes it out.
    pub fn add(&mut self, image: &image::RgbaImage) -> Result<(), String> {
        if image.dimensions() != self.size {
            return Err(format!(
                "frame is {}x{}, the video {}x{}",
                image.width(),
                image.height(),
                self.size.0,
                self.size.1
            ));
        }
        let rgba = RgbaSliceU8::new(image.as_raw(), (self.size.0 as usize, self.size.1 as usize));
        let yuv = YUVBuffer::from_rgb_source(rgba);
        let stream = self
            .encoder
            .encode(&yuv)
            .map_err(|e| format!("H.264 encoding failed: {e}"))?;
        let key = matches!(stream.frame_type(), FrameType::IDR | FrameType::I);
        let (mut sps, mut pps, mut sample) = (None, None, Vec::new());
        for l in 0..stream.num_layers() {
            let Some(layer) = stream.layer(l) else {
                continue;
            };
            for n in 0..layer.nal_count() {
                let Some(nal) = layer.nal_unit(n).map(strip_start_code) else {
                    continue;
                };
                match nal.first().map(|b| b & 0x1f) {
                    Some(7) => sps = Some(nal.to_vec()),
                    Some(8) => pps = Some(nal.to_vec()),
                    Some(_) => {
                        // MP4 wants each NAL unit behind its length, not a start code.
                        sample.extend_from_slice(&(nal.len() as u32).to_be_bytes());
                        sample.extend_from_slice(nal);
                    }
                    None => {}
                }
            }
        }
        if self.mp4.is_none() {
            let (Some(sps), Some(pps)) = (sps, pps) else {
                return Err("the encoder's first frame had no parameter sets".into());
            };
            self.mp4 = Some(self.start(sps, pps)?);
        }
        let mp4 = self.mp4.as_mut().ok_or("no MP4 writer")?;
        let sample = mp4::Mp4Sample {
            start_time: self.frames * u64::from(self.tick),
            duration: self.tick,
            rendering_offset: 0,
            is_sync: key,
            bytes: sample.into(),
        };
        mp4.write_sample(1, &sample).map_err(|e| e.to_string())?;
        self.frames += 1;
        Ok(())
    }

    fn start(&mut self, sps: Vec<u8>, pps: Vec<u8>) -> Result<mp4::Mp4Writer<W>, String> {
        let brand = |s: &str| s.parse::<mp4::FourCC>().map_err(|e| e.to_string());
        let config = mp4::Mp4Config {
            major_brand: brand("isom")?,
            minor_version: 512,
            compatible_brands: vec![
                brand("isom")?,
                brand("iso2")?,
                brand("avc1")?,
                brand("mp41")?,
            ],
            timescale: TIMESCALE,
        };
        let out = self.out.take().ok_or("the video was already started")?;
        let mut mp4 = mp4::Mp4Writer::write_start(out, &config).map_err(|e| e.to_string())?;
        let track = mp4::TrackConfig {
            track_type: mp4::TrackType::Video,
            timescale: TIMESCALE,
            language: "und".into(),
            media_conf: mp4::MediaConfig::AvcConfig(mp4::AvcConfig {
                width: self.size.0 as u16,
                height: self.size.1 as u16,
                seq_param_set: sps,
                pic_param_set: pps,
            }),
        };
        mp4.add_track(&track).map_err(|e| e.to_string())?;
        Ok(mp4)
    }

    /// Writes the index that makes the file playable; returns the frame count.
    pub fn finish(mut self) -> Result<u64, String> {
        let mut mp4 = self.mp4.take().ok_or("a video needs at least one frame")?;
        mp4.write_end().map_err(|e| e.to_string())?;
        let mut out = mp4.into_writer();
        out.flush().map_err(|e| e.to_string())?;
        Ok(self.frames)
    }
}

/// A NAL unit without its Annex B start code (00 00 01 or 00 00 00 01).
fn strip_start_code(nal: &[u8]) -> &[u8] {
    if nal.starts_with(&[0, 0, 0, 1]) {
        &nal[4..]
    } else if nal.starts_with(&[0, 0, 1]) {
        &nal[3..]
    } else {
        nal
    }
}

/// The largest even size not above `size`: H.264's 4:2:0 colour needs even dimensions.
pub fn even(size: (u32, u32)) -> (u32, u32) {
    (size.0 & !1, size.1 & !1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_encode_into_an_mp4_that_reads_back() {
        let mut buf = std::io::Cursor::new(Vec::new());
        let mut v = VideoWriter::new(&mut buf, (64, 48), 10).unwrap();
        for k in 0..12u8 {
            let img = image::RgbaImage::from_fn(64, 48, |x, y| {
                image::Rgba([(x as u8).wrapping_mul(4), (y as u8) * 5, k * 20, 255])
            });
            v.add(&img).unwrap();
        }
        assert_eq!(v.finish().unwrap(), 12);
        let bytes = buf.into_inner();
        let size = bytes.len() as u64;
        let reader = mp4::Mp4Reader::read_header(std::io::Cursor::new(bytes), size).unwrap();
        let track = reader.tracks().get(&1).unwrap();
        assert_eq!((track.width(), track.height()), (64, 48));
        assert_eq!(track.sample_count(), 12);
        assert!((track.duration().as_secs_f64() - 1.2).abs() < 0.01);
        assert!(VideoWriter::new(std::io::Cursor::new(Vec::new()), (65, 48), 10).is_err());
        assert_eq!(even((1281, 721)), (1280, 720));
    }
}
