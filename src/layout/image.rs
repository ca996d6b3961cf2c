//! Image headers for layout: a picture's pixel size read without decoding it, and the
//! pixel limit that keeps decompression bombs out.

use image::ImageFormat;

pub use crate::limits::MAX_PIXELS;

/// The formats Distill draws.
pub const FORMATS: [ImageFormat; 4] = [
    ImageFormat::Png,
    ImageFormat::Jpeg,
    ImageFormat::Gif,
    ImageFormat::WebP,
];

/// Pixel size `(width, height)` and format of the picture `src` (a file path or a `data:`
/// URI, see [`crate::picture`]), read from its header only (the format is sniffed from
/// the bytes, not the extension).
///
/// `None` when the path is not a regular file (a folder, device or pipe), cannot be read,
/// is not a PNG, JPEG, GIF or WebP, has a zero side, or has more than [`MAX_PIXELS`] pixels.
pub fn probe(src: &str) -> Option<(u32, u32, ImageFormat)> {
    let reader = crate::picture::open(src)?.with_guessed_format().ok()?;
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

/// Most elements an SVG picture may have once every `<use>` is expanded; larger or
/// self-referencing ones are not drawn (guards against "billion laughs" `<use>` chains).
pub const MAX_SVG_ELEMENTS: u64 = 100_000;
/// Largest SVG file read (bytes).
pub const MAX_SVG_BYTES: u64 = 10_000_000;

pub use crate::picture::looks_like_svg;

/// Number of elements the SVG `doc` has with every `<use>` replaced by what it refers
/// to, or `None` when a `<use>` chain refers back to itself or the count passes `limit`.
fn expanded_elements(doc: &roxmltree::Document, limit: u64) -> Option<u64> {
    use std::collections::HashMap;
    let ids: HashMap<&str, roxmltree::Node> = doc
        .descendants()
        .filter_map(|n| n.attribute("id").map(|id| (id, n)))
        .collect();
    fn count<'a>(
        node: roxmltree::Node<'a, 'a>,
        ids: &std::collections::HashMap<&str, roxmltree::Node<'a, 'a>>,
        memo: &mut std::collections::HashMap<roxmltree::NodeId, Option<u64>>,
        stack: &mut Vec<roxmltree::NodeId>,
        limit: u64,
    ) -> Option<u64> {
        if let Some(&c) = memo.get(&node.id()) {
            return c;
        }
        if stack.contains(&node.id()) || stack.len() > 256 {
            return None; // recursive <use>, or absurd nesting
        }
        stack.push(node.id());
        let mut total: u64 = 1;
        if node.tag_name().name() == "use" {
            let href = node
                .attribute(("http://www.w3.org/1999/xlink", "href"))
                .or_else(|| node.attribute("href"))
                .unwrap_or("");
            if let Some(target) = href.strip_prefix('#').and_then(|id| ids.get(id)) {
                total = total.checked_add(count(*target, ids, memo, stack, limit)?)?;
            }
        }
        for child in node.children().filter(|c| c.is_element()) {
            total = total.checked_add(count(child, ids, memo, stack, limit)?)?;
            if total > limit {
                break;
            }
        }
        stack.pop();
        let result = (total <= limit).then_some(total);
        memo.insert(node.id(), result);
        result
    }
    count(
        doc.root_element(),
        &ids,
        &mut HashMap::new(),
        &mut Vec::new(),
        limit,
    )
}

/// The bundled fonts as a font database for SVG text (built once per process).
fn svg_fonts() -> std::sync::Arc<resvg::usvg::fontdb::Database> {
    static DB: std::sync::OnceLock<std::sync::Arc<resvg::usvg::fontdb::Database>> =
        std::sync::OnceLock::new();
    DB.get_or_init(|| {
        let mut db = resvg::usvg::fontdb::Database::new();
        for f in &super::fonts::FontSet::bundled().faces {
            db.load_font_data(f.data.to_vec());
        }
        db.set_sans_serif_family("Noto Sans");
        db.set_serif_family("Noto Sans");
        db.set_monospace_family("Noto Sans");
        std::sync::Arc::new(db)
    })
    .clone()
}

/// Parses the SVG picture `src` (a file path or a `data:` URI) with usvg: at most [`MAX_SVG_BYTES`], at most
/// [`MAX_SVG_ELEMENTS`] elements with `<use>` expanded, no recursive `<use>`; text drawn
/// with the bundled fonts; external files (images, fonts) never loaded.
///
/// `None` when the file is missing, not SVG, over a limit, or does not parse.
pub fn parse_svg(src: &str) -> Option<resvg::usvg::Tree> {
    let data = crate::picture::read(src, MAX_SVG_BYTES)?;
    if !looks_like_svg(&data) {
        return None;
    }
    let text = std::str::from_utf8(&data).ok()?;
    let opts = roxmltree::ParsingOptions {
        allow_dtd: true,
        nodes_limit: MAX_SVG_ELEMENTS as u32 * 4,
    };
    let doc = roxmltree::Document::parse_with_options(text, opts).ok()?;
    expanded_elements(&doc, MAX_SVG_ELEMENTS)?;
    let options = resvg::usvg::Options {
        fontdb: svg_fonts(),
        font_family: "Noto Sans".to_string(),
        resources_dir: None,
        image_href_resolver: resvg::usvg::ImageHrefResolver {
            resolve_data: resvg::usvg::ImageHrefResolver::default_data_resolver(),
            resolve_string: Box::new(|_, _| None),
        },
        ..resvg::usvg::Options::default()
    };
    resvg::usvg::Tree::from_str(text, &options).ok()
}

/// Pixel size `(width, height)` of a picture: from the header for PNG, JPEG, GIF and
/// WebP ([`probe`]), from the document size (CSS pixels, rounded up) for SVG
/// ([`parse_svg`]). `None` as for those two.
pub fn probe_size(src: &str) -> Option<(u32, u32)> {
    if let Some((w, h, _)) = probe(src) {
        return Some((w, h));
    }
    let tree = parse_svg(src)?;
    let size = tree.size();
    let (w, h) = (size.width().ceil() as u32, size.height().ceil() as u32);
    (w > 0 && h > 0 && u64::from(w) * u64::from(h) <= MAX_PIXELS).then_some((w, h))
}
