//! Pictures for export: decode a laid-out image within limits and downscale it to the
//! resolution its box needs.

use std::path::Path;

use image::imageops::FilterType;
use image::{DynamicImage, ImageReader, Limits};

use crate::layout::image::{probe, MAX_PIXELS};

/// Pixels per inch a picture keeps at its drawn size: twice a 150 dpi slide, so it
/// stays sharp when projected or zoomed; larger pictures are downscaled to it.
pub const MAX_DPI: f32 = 300.0;

/// Decodes the picture at `path` for a box of `w` × `h` points: downscaled (Lanczos,
/// aspect kept) when it has more than [`MAX_DPI`] pixels per inch at that size,
/// converted to 8 bits per channel, with an alpha channel only when some pixel is not
/// opaque and as greyscale when every pixel is grey (both lossless).
///
/// `None` when the file cannot be read or decoded, is not a PNG, JPEG, GIF or WebP, or
/// has more than [`MAX_PIXELS`] pixels. Deterministic: the same file and box give the
/// same pixels.
pub fn load_for_box(path: &Path, w: f32, h: f32) -> Option<DynamicImage> {
    let (px_w, px_h, format) = probe(path)?;
    let mut reader = ImageReader::open(path).ok()?;
    reader.set_format(format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(px_w);
    limits.max_image_height = Some(px_h);
    limits.max_alloc = Some(MAX_PIXELS * 8);
    reader.limits(limits);
    let img = reader.decode().ok()?;
    let max_w = ((w / 72.0 * MAX_DPI).ceil() as u32).max(1);
    let max_h = ((h / 72.0 * MAX_DPI).ceil() as u32).max(1);
    let img = if img.width() > max_w || img.height() > max_h {
        img.resize(max_w, max_h, FilterType::Lanczos3)
    } else {
        img
    };
    Some(simplify(img))
}

/// 8 bits per channel; opaque alpha dropped; grey colour made greyscale.
fn simplify(img: DynamicImage) -> DynamicImage {
    let rgba = img.to_rgba8();
    let px = rgba.as_raw().chunks_exact(4);
    let opaque = px.clone().all(|p| p[3] == 255);
    let grey = px.clone().all(|p| p[0] == p[1] && p[1] == p[2]);
    let img = DynamicImage::ImageRgba8(rgba);
    match (grey, opaque) {
        (true, true) => DynamicImage::ImageLuma8(img.to_luma8()),
        (true, false) => DynamicImage::ImageLumaA8(img.to_luma_alpha8()),
        (false, true) => DynamicImage::ImageRgb8(img.to_rgb8()),
        (false, false) => img,
    }
}
