//! Shaping: text → positioned glyphs with rustybuzz, font chosen per character.

use super::fonts::{FontId, FontSet, Weight, PLACEHOLDER};

/// One shaped glyph. Lengths are in em (multiply by the font size for PDF points).
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Font the glyph id belongs to.
    pub font: FontId,
    /// Glyph id in that font.
    pub id: u16,
    /// Byte offset of the glyph's cluster in the shaped text.
    pub cluster: usize,
    /// Horizontal advance (em).
    pub advance: f32,
    /// Horizontal offset from the pen position (em).
    pub x_offset: f32,
    /// Vertical offset from the baseline, up positive (em).
    pub y_offset: f32,
}

/// A shaped paragraph.
#[derive(Debug, Clone)]
pub struct Shaped {
    /// The text as drawn (ignorable characters removed, unknown ones replaced by □).
    pub text: String,
    /// Glyphs in logical order; clusters never decrease.
    pub glyphs: Vec<Glyph>,
    /// `prefix[i]`: advance (em) of all glyphs whose cluster starts before byte `i`;
    /// `len == text.len() + 1`.
    pub prefix: Vec<f32>,
    /// Characters that no bundled font has (drawn as [`PLACEHOLDER`]).
    pub missing: Vec<char>,
}

impl Shaped {
    /// Advance width (em) of the byte range `[a, b)`.
    pub fn width(&self, a: usize, b: usize) -> f32 {
        self.prefix[b] - self.prefix[a]
    }
}

/// True for characters that draw nothing and must not reach shaping: controls
/// (other than tab), zero-width spaces and joiners used as junk, BOMs, bidi marks.
fn is_ignorable(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(
            c,
            '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
        )
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// Shapes `text` in `weight`. `cjk_context` makes ambiguous punctuation (“ ” …) use the
/// CJK face. Characters no face has become [`PLACEHOLDER`] (combining marks no face has
/// are dropped) and are listed in `missing`.
pub fn shape(text: &str, weight: Weight, fonts: &FontSet, cjk_context: bool) -> Shaped {
    // 1. Clean the text and pick a font per character.
    let mut clean = String::with_capacity(text.len());
    let mut font_of: Vec<(usize, FontId)> = Vec::new(); // (byte offset, font) run starts
    let mut missing = Vec::new();
    for c in text.chars() {
        if is_ignorable(c) {
            continue;
        }
        let c = if c == '\t' || c == '\u{00A0}' { ' ' } else { c };
        // Combining marks and joiners stay with the previous character's font.
        let mark = is_joiner_or_mark(c) && !font_of.is_empty();
        let prev_font = font_of.last().map(|r| r.1);
        let keep_prev =
            mark && prev_font.is_some_and(|f| fonts.faces[f].face.glyph_index(c).is_some());
        let (ch, font) = if keep_prev {
            (c, prev_font.expect("non-empty"))
        } else if mark
            && (clean.ends_with(PLACEHOLDER) || fonts.pick(c, weight, cjk_context).is_none())
        {
            // A mark no font has, on a character drawn with another font (or on a
            // placeholder box): dropped rather than drawn as a second box or as the
            // font's .notdef glyph. Joiners and variation selectors are invisible
            // anyway, so only real combining marks are reported as missing.
            if !is_invisible_joiner(c) {
                missing.push(c);
            }
            continue;
        } else {
            match fonts.pick(c, weight, cjk_context) {
                Some(f) => (c, f),
                None => {
                    missing.push(c);
                    let f = fonts.pick(PLACEHOLDER, weight, true).unwrap_or(0);
                    (PLACEHOLDER, f)
                }
            }
        };
        if font_of.last().map(|r| r.1) != Some(font) {
            font_of.push((clean.len(), font));
        }
        clean.push(ch);
    }

    // 2. Shape each same-font run.
    let mut glyphs = Vec::with_capacity(clean.len());
    for (k, &(start, font)) in font_of.iter().enumerate() {
        let end = font_of.get(k + 1).map_or(clean.len(), |r| r.0);
        let face = &fonts.faces[font];
        let mut buf = rustybuzz::UnicodeBuffer::new();
        buf.push_str(&clean[start..end]);
        buf.set_direction(rustybuzz::Direction::LeftToRight);
        buf.guess_segment_properties();
        buf.set_direction(rustybuzz::Direction::LeftToRight);
        let out = rustybuzz::shape(&face.face, &[], buf);
        let scale = 1.0 / face.units_per_em;
        for (info, pos) in out.glyph_infos().iter().zip(out.glyph_positions()) {
            glyphs.push(Glyph {
                font,
                id: info.glyph_id as u16,
                cluster: start + info.cluster as usize,
                advance: pos.x_advance as f32 * scale,
                x_offset: pos.x_offset as f32 * scale,
                y_offset: pos.y_offset as f32 * scale,
            });
        }
    }

    // 3. Prefix widths per byte.
    let mut prefix = vec![0.0f32; clean.len() + 1];
    let mut acc = 0.0;
    let mut gi = 0;
    for (i, p) in prefix.iter_mut().enumerate() {
        while gi < glyphs.len() && glyphs[gi].cluster < i {
            acc += glyphs[gi].advance;
            gi += 1;
        }
        *p = acc;
    }
    Shaped {
        text: clean,
        glyphs,
        prefix,
        missing,
    }
}

fn is_joiner_or_mark(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}' | '\u{FE00}'..='\u{FE0F}')
        || ('\u{0300}'..='\u{036F}').contains(&c)
        || ('\u{1AB0}'..='\u{1AFF}').contains(&c)
        || ('\u{20D0}'..='\u{20FF}').contains(&c)
}

/// Zero-width joiners and variation selectors (U+200C, U+200D, U+FE00–U+FE0F,
/// U+E0100–U+E01EF): format characters that select or join glyphs and draw nothing.
fn is_invisible_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}' | '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_on_a_placeholder_are_dropped_not_drawn_as_notdef() {
        // U+16A0 (runic) is in no bundled font; U+035C is a combining mark after it.
        let s = shape(
            "a\u{16A0}\u{035C}b",
            Weight::Regular,
            FontSet::bundled(),
            false,
        );
        assert_eq!(s.text, format!("a{PLACEHOLDER}b"));
        assert!(s.missing.contains(&'\u{16A0}') && s.missing.contains(&'\u{035C}'));
        assert!(s.glyphs.iter().all(|g| g.id != 0), "{:?}", s.glyphs);
        // A mark on a letter the font has stays with it.
        let e = shape("e\u{0301}", Weight::Regular, FontSet::bundled(), false);
        assert_eq!(e.text, "e\u{0301}");
        assert!(e.missing.is_empty());
    }
}
