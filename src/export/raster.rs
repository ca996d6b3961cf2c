//! Pictures for export: decode a laid-out image within limits and downscale it to the
//! resolution its box needs.

use image::imageops::FilterType;
use image::{DynamicImage, Limits};

use crate::layout::image::{probe, MAX_PIXELS};

/// Pixels per inch a picture keeps at its drawn size: twice a 150 dpi slide, so it
/// stays sharp when projected or zoomed; larger pictures are downscaled to it.
pub const MAX_DPI: f32 = 300.0;

/// Decodes the picture `src` (a file path or a `data:` URI) for a box of `w` × `h` points: downscaled (Lanczos,
/// aspect kept) when it has more than [`MAX_DPI`] pixels per inch at that size,
/// converted to 8 bits per channel, with an alpha channel only when some pixel is not
/// opaque and as greyscale when every pixel is grey (both lossless).
///
/// `None` when the file cannot be read or decoded, is not a PNG, JPEG, GIF, WebP or usable SVG, or
/// has more than [`MAX_PIXELS`] pixels. Deterministic: the same file and box give the
/// same pixels.
pub fn load_for_box(src: &str, w: f32, h: f32) -> Option<DynamicImage> {
    let Some((px_w, px_h, format)) = probe(src) else {
        return render_svg(src, w, h).map(simplify);
    };
    let mut reader = crate::picture::open(src)?;
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

/// Rasterises the SVG picture `src` (a file path or a `data:` URI) (see [`crate::layout::image::parse_svg`] for the
/// limits) with resvg for a `w` × `h` point box at [`MAX_DPI`], aspect kept. `None` when
/// it is not a usable SVG.
pub fn render_svg(src: &str, w: f32, h: f32) -> Option<DynamicImage> {
    let tree = crate::layout::image::parse_svg(src)?;
    let size = tree.size();
    let scale = (w / 72.0 * MAX_DPI / size.width()).min(h / 72.0 * MAX_DPI / size.height());
    if !scale.is_finite() || scale <= 0.0 {
        return None;
    }
    let pw = ((size.width() * scale).ceil() as u32).max(1);
    let ph = ((size.height() * scale).ceil() as u32).max(1);
    if u64::from(pw) * u64::from(ph) > MAX_PIXELS {
        return None;
    }
    let mut pixmap = resvg::tiny_skia::Pixmap::new(pw, ph)?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    let rgba: Vec<u8> = pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect();
    image::RgbaImage::from_raw(pw, ph, rgba).map(DynamicImage::ImageRgba8)
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

/// A JPEG file to embed as it is (ISO 32000-1 §7.4.8 DCTDecode): its bytes, pixel size
/// and number of colour components (1 grey, 3 RGB).
pub struct Jpeg {
    /// The whole file.
    pub bytes: Vec<u8>,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Colour components: 1 (grey) or 3 (YCbCr/RGB).
    pub components: u8,
}

/// The JPEG `src` (a file path or a `data:` URI) unchanged, when it can go into the PDF as it is: a baseline or
/// progressive JPEG with 1 or 3 components and 8-bit samples that needs no downscaling
/// for a `w` × `h` point box (at most [`MAX_DPI`]). `None` for other formats, CMYK
/// JPEGs, unreadable files and pictures over the limits; those go through
/// [`load_for_box`] instead.
pub fn jpeg_passthrough(src: &str, w: f32, h: f32) -> Option<Jpeg> {
    let (px_w, px_h, format) = probe(src)?;
    if format != image::ImageFormat::Jpeg {
        return None;
    }
    let max_w = ((w / 72.0 * MAX_DPI).ceil() as u32).max(1);
    let max_h = ((h / 72.0 * MAX_DPI).ceil() as u32).max(1);
    if px_w > max_w || px_h > max_h {
        return None;
    }
    let bytes = crate::picture::read(src, crate::picture::MAX_PICTURE_BYTES)?;
    let (precision, components) = jpeg_frame(&bytes)?;
    // The whole file must also decode, so a truncated JPEG is not embedded.
    image::load_from_memory_with_format(&bytes, image::ImageFormat::Jpeg).ok()?;
    (precision == 8 && matches!(components, 1 | 3)).then_some(Jpeg {
        bytes,
        width: px_w,
        height: px_h,
        components,
    })
}

/// Sample precision and component count from a JPEG's start-of-frame marker (ITU-T T.81
/// §B.2.2), walking the marker segments from the start of the file.
fn jpeg_frame(b: &[u8]) -> Option<(u8, u8)> {
    if !b.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let mut i = 2;
    while i + 4 <= b.len() {
        if b[i] != 0xFF {
            return None;
        }
        let marker = b[i + 1];
        if marker == 0xFF {
            i += 1; // fill byte
            continue;
        }
        let len = u16::from_be_bytes([b[i + 2], b[i + 3]]) as usize;
        let sof = matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if sof {
            // FF Cn, length (2), precision (1), height (2), width (2), components (1).
            return Some((*b.get(i + 4)?, *b.get(i + 9)?));
        }
        if marker == 0xDA || len < 2 {
            return None; // scan data before any frame header
        }
        i += 2 + len;
    }
    None
}
