//! The bundled fonts (Noto Sans, Noto Sans CJK SC subset) and per-character fallback.

use std::sync::OnceLock;

use crate::document::is_cjk;

/// Index of a font in a [`FontSet`].
pub type FontId = usize;

/// Weight of a text style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weight {
    /// Normal weight.
    Regular,
    /// Bold weight.
    Bold,
}

/// One font: its bytes, parsed face and role.
pub struct FontFace {
    /// PostScript-ish name used in diagnostics.
    pub name: &'static str,
    /// The font file (TrueType, single face).
    pub data: &'static [u8],
    /// The parsed face for shaping and metrics.
    pub face: rustybuzz::Face<'static>,
    /// Design units per em.
    pub units_per_em: f32,
    /// Ascender in em (positive, above the baseline).
    pub ascent: f32,
    /// Descender in em (positive, below the baseline).
    pub descent: f32,
    /// Weight this face provides.
    pub weight: Weight,
    /// True for the CJK face.
    pub cjk: bool,
}

/// The fonts layout may use, in fallback order per weight: Latin first, then CJK.
pub struct FontSet {
    /// The faces; a [`FontId`] indexes this.
    pub faces: Vec<FontFace>,
}

/// Character drawn where no bundled font has a glyph (U+25A1 WHITE SQUARE).
pub const PLACEHOLDER: char = '\u{25A1}';

const FONTS: &[(&str, &[u8], Weight, bool)] = &[
    (
        "NotoSans-Regular",
        include_bytes!("../../assets/fonts/NotoSans-Regular.ttf"),
        Weight::Regular,
        false,
    ),
    (
        "NotoSans-Bold",
        include_bytes!("../../assets/fonts/NotoSans-Bold.ttf"),
        Weight::Bold,
        false,
    ),
    (
        "NotoSansCJKsc-Regular",
        include_bytes!("../../assets/fonts/NotoSansCJKsc-Regular.subset.ttf"),
        Weight::Regular,
        true,
    ),
    (
        "NotoSansCJKsc-Bold",
        include_bytes!("../../assets/fonts/NotoSansCJKsc-Bold.subset.ttf"),
        Weight::Bold,
        true,
    ),
];

impl FontSet {
    /// The fonts bundled in `assets/fonts` (parsed once per process).
    pub fn bundled() -> &'static FontSet {
        static SET: OnceLock<FontSet> = OnceLock::new();
        SET.get_or_init(|| {
            let faces = FONTS
                .iter()
                .map(|&(name, data, weight, cjk)| {
                    let face = rustybuzz::Face::from_slice(data, 0)
                        .unwrap_or_else(|| panic!("bundled font {name} does not parse"));
                    let upem = face.units_per_em() as f32;
                    FontFace {
                        name,
                        data,
                        units_per_em: upem,
                        ascent: face.ascender() as f32 / upem,
                        descent: -(face.descender() as f32) / upem,
                        face,
                        weight,
                        cjk,
                    }
                })
                .collect();
            FontSet { faces }
        })
    }

    /// The font to draw `c` with: the Latin face of the weight when it has the glyph
    /// (unless `c` is CJK-context punctuation and `cjk_context`), else the CJK face of the
    /// weight, else any face that has it. `None` when no face has a glyph for `c`.
    pub fn pick(&self, c: char, weight: Weight, cjk_context: bool) -> Option<FontId> {
        let prefer_cjk = is_cjk(c) || (cjk_context && is_cjk_punct(c));
        let order = self
            .faces
            .iter()
            .enumerate()
            .filter(|(_, f)| f.weight == weight)
            .map(|(i, f)| (i, f.cjk))
            .collect::<Vec<_>>();
        let ranked = order
            .iter()
            .filter(|(_, cjk)| *cjk == prefer_cjk)
            .chain(order.iter().filter(|(_, cjk)| *cjk != prefer_cjk));
        for &(i, _) in ranked {
            if self.faces[i].face.glyph_index(c).is_some() {
                return Some(i);
            }
        }
        (0..self.faces.len()).find(|&i| self.faces[i].face.glyph_index(c).is_some())
    }
}

/// Punctuation that takes the CJK (full-width) form in Chinese text: curly quotes,
/// ellipsis, dashes, middle dot.
fn is_cjk_punct(c: char) -> bool {
    matches!(c, '“' | '”' | '‘' | '’' | '…' | '—' | '·' | '–')
        || ('\u{3000}'..='\u{303F}').contains(&c)
        || ('\u{FF00}'..='\u{FFEF}').contains(&c)
}
