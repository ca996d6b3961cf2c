//! SVG export: one standalone SVG document per frame, glyphs drawn as their outlines
//! (from the same fonts and positions as the PDF) and pictures embedded as PNG data
//! URIs, so the preview is the PDF.

use std::collections::BTreeMap;
use std::fmt::Write;

use rustybuzz::ttf_parser::{GlyphId, OutlineBuilder};

use crate::layout::fonts::FontSet;
use crate::layout::{Frame, FrameItem, ImageItem, Rgb};

/// Collects a glyph outline as SVG path data in font units (y up).
struct PathData(String);

impl OutlineBuilder for PathData {
    fn move_to(&mut self, x: f32, y: f32) {
        let _ = write!(self.0, "M{x} {y}");
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let _ = write!(self.0, "L{x} {y}");
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let _ = write!(self.0, "Q{x1} {y1} {x} {y}");
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let _ = write!(self.0, "C{x1} {y1} {x2} {y2} {x} {y}");
    }
    fn close(&mut self) {
        self.0.push('Z');
    }
}

fn hex(c: Rgb) -> String {
    let b = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    format!("#{:02x}{:02x}{:02x}", b(c.0), b(c.1), b(c.2))
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The picture of `im`, decoded and downscaled as for the PDF, as a PNG data URI;
/// `None` when it cannot be read (the slide then shows its caption only).
fn png_data_uri(im: &ImageItem) -> Option<String> {
    use base64::Engine;
    let img = crate::export::raster::load_for_box(&im.src, im.w, im.h)?;
    let mut png = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .ok()?;
    Some(format!(
        "data:image/png;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(&png)
    ))
}

/// Renders one frame as an SVG document (`width`/`height` in points, viewBox in points).
/// Each glyph outline used is defined once and placed with `<use>`; every text run is a
/// group labelled with its text (`aria-label`) for search and accessibility.
pub fn frame_to_svg(frame: &Frame, fonts: &FontSet) -> String {
    let mut defs: BTreeMap<(usize, u16), String> = BTreeMap::new();
    let mut body = String::new();
    for item in &frame.items {
        match item {
            FrameItem::Rect(r) => {
                let _ = writeln!(
                    body,
                    r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>"#,
                    r.x,
                    r.y,
                    r.w,
                    r.h,
                    hex(r.fill)
                );
            }
            FrameItem::Link(l) => {
                let _ = writeln!(
                    body,
                    r#"<a href="{}"><rect x="{}" y="{}" width="{}" height="{}" fill="none" pointer-events="all"/></a>"#,
                    escape(&l.uri),
                    l.x,
                    l.y,
                    l.w,
                    l.h
                );
            }
            FrameItem::Image(im) => {
                if let Some(data) = png_data_uri(im) {
                    let _ = writeln!(
                        body,
                        r#"<image href="{data}" x="{}" y="{}" width="{}" height="{}" preserveAspectRatio="xMidYMid meet" role="img" aria-label="{}"/>"#,
                        im.x,
                        im.y,
                        im.w,
                        im.h,
                        escape(&im.alt)
                    );
                }
            }
            FrameItem::Text(run) => {
                let face = &fonts.faces[run.font];
                let scale = run.size / face.units_per_em;
                let _ = write!(
                    body,
                    r#"<g fill="{}" aria-label="{}">"#,
                    hex(run.color),
                    escape(&run.text)
                );
                for g in &run.glyphs {
                    let key = (run.font, g.id);
                    defs.entry(key).or_insert_with(|| {
                        let mut p = PathData(String::new());
                        face.face.outline_glyph(GlyphId(g.id), &mut p);
                        p.0
                    });
                    if defs[&key].is_empty() {
                        continue; // a space: nothing to draw
                    }
                    let _ = write!(
                        body,
                        r##"<use href="#g{}-{}" transform="matrix({scale} 0 0 {} {} {})"/>"##,
                        run.font,
                        g.id,
                        -scale,
                        g.x,
                        run.baseline - g.dy
                    );
                }
                body.push_str("</g>\n");
            }
        }
    }
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}pt" height="{h}pt" viewBox="0 0 {w} {h}">"#,
        w = frame.width,
        h = frame.height
    );
    svg.push_str("\n<defs>\n");
    for ((font, id), d) in &defs {
        if !d.is_empty() {
            let _ = writeln!(svg, r#"<path id="g{font}-{id}" d="{d}"/>"#);
        }
    }
    svg.push_str("</defs>\n");
    svg.push_str(&body);
    svg.push_str("</svg>\n");
    svg
}
