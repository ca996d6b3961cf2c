//! SVG export: one standalone SVG document per frame, glyphs drawn as their outlines
//! (from the same fonts and positions as the PDF), so the preview is the PDF.

use std::collections::BTreeMap;
use std::fmt::Write;

use rustybuzz::ttf_parser::{GlyphId, OutlineBuilder};

use crate::layout::fonts::FontSet;
use crate::layout::{Frame, FrameItem, Rgb};

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
                    if !defs.contains_key(&key) {
                        let mut p = PathData(String::new());
                        face.face.outline_glyph(GlyphId(g.id), &mut p);
                        defs.insert(key, p.0);
                    }
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
