//! Image headers for layout: a picture's pixel size read without decoding it, and the
//! pixel limit that keeps decompression bombs out.

use std::path::Path;

use image::{ImageFormat, ImageReader};

pub use crate::limits::MAX_PIXELS;

/// The formats Distill draws.
pub const FORMATS: [ImageFormat; 4] = [
    ImageFormat::Png,
    ImageFormat::Jpeg,
    ImageFormat::Gif,
    ImageFormat::WebP,
];

/// Pixel size `(width, height)` and format of the picture at `path`, read from its
/// header only (the format is sniffed from the bytes, not the extension).
///
/// `None` when the path is not a regular file (a folder, device or pipe), cannot be read, is not a PNG, JPEG, GIF or WebP, has a zero
/// side, or has more than [`MAX_PIXELS`] pixels.
pub fn probe(path: &Path) -> Option<(u32, u32, ImageFormat)> {
    // Devices and pipes (a deck file can name any path) could block or never end.
    if !path.is_file() {
        return None;
    }
    let reader = ImageReader::open(path).ok()?.with_guessed_format().ok()?;
    let format = reader.format().filter(|f| FORMATS.contains(f))?;
    let (w, h) = reader.into_dimensions().ok()?;
    let pixels = u64::from(w) * u64::from(h);
    (pixels > 0 && pixels <= MAX_PIXELS).then_some((w, h, format))
}

/// The box `(x, y, w, h)` in points of a `px_w` × `px_h` picture scaled to fit inside
/// `area` (`x, y, w, h` in points) with its aspect ratio kept, centred horizontally and
/// at the top; never enlarged beyond `max_scale` points per pixel.
pub fn fit(
    px_w: u32,
    px_h: u32,
    area: (f32, f32, f32, f32),
    max_scale: f32,
) -> (f32, f32, f32, f32) {
    let (x, y, w, h) = area;
    let (pw, ph) = (px_w.max(1) as f32, px_h.max(1) as f32);
    let s = (w / pw).min(h / ph).min(max_scale).max(0.0);
    let (bw, bh) = (pw * s, ph * s);
    (x + (w - bw) / 2.0, y, bw, bh)
}
