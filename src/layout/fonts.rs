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

/// The bundled fonts, embedded in the binary: (name, TrueType bytes, weight, is CJK). The
/// CJK faces map GB2312, Big5 level 1, JIS X 0208 and the KS X 1001 Hangul (about 7.4 MB
/// each); `assets/fonts/README.md` says how they are made and what they cover.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::shape::shape;

    /// The characters `encoding` decodes from every two-byte code with a lead byte in
    /// `leads` and a trail byte in `trails` (codes it cannot decode are skipped).
    fn decode_codes(
        encoding: &'static encoding_rs::Encoding,
        leads: impl Iterator<Item = u16>,
        trails: &[u8],
        keep: impl Fn(u16) -> bool,
    ) -> Vec<char> {
        let mut out = Vec::new();
        for lead in leads {
            for &trail in trails {
                let code = lead << 8 | u16::from(trail);
                if !keep(code) {
                    continue;
                }
                let bytes = [lead as u8, trail];
                let (text, had_errors) = encoding.decode_without_bom_handling(&bytes);
                if !had_errors {
                    out.extend(text.chars());
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Both CJK faces map every Big5 level 1 hanzi (0xA440..=0xC67E), every JIS X 0208
    /// kanji (EUC-JP rows 16..=84) and every KS X 1001 Hangul syllable (EUC-KR rows
    /// 16..=40), as assets/fonts/make_fonts.py promises.
    #[test]
    fn cjk_faces_cover_big5_level1_jis_x0208_kanji_and_ks_x1001_hangul() {
        let euc: Vec<u8> = (0xA1..=0xFE).collect();
        let big5_trail: Vec<u8> = (0x40..=0x7E).chain(0xA1..=0xFE).collect();
        let sets = [
            (
                "Big5 level 1",
                decode_codes(encoding_rs::BIG5, 0xA4..=0xC6, &big5_trail, |c| {
                    (0xA440..=0xC67E).contains(&c)
                }),
                5401,
            ),
            (
                "JIS X 0208 kanji",
                decode_codes(encoding_rs::EUC_JP, 0xB0..=0xF4, &euc, |_| true),
                6355,
            ),
            (
                "KS X 1001 Hangul",
                decode_codes(encoding_rs::EUC_KR, 0xB0..=0xC8, &euc, |_| true),
                2350,
            ),
        ];
        let fonts = FontSet::bundled();
        for (name, chars, expected) in &sets {
            assert_eq!(chars.len(), *expected, "{name}");
            for face in fonts.faces.iter().filter(|f| f.cjk) {
                let missing: Vec<char> = chars
                    .iter()
                    .copied()
                    .filter(|&c| face.face.glyph_index(c).is_none())
                    .collect();
                assert!(
                    missing.is_empty(),
                    "{} lacks {} characters of {name}, e.g. {}",
                    face.name,
                    missing.len(),
                    missing.iter().take(20).collect::<String>()
                );
            }
        }
    }

    /// Traditional Chinese, Japanese with kanji outside GB2312, Korean (syllables and
    /// compatibility jamo) shape in both weights with the CJK face and no missing glyph.
    #[test]
    fn traditional_chinese_japanese_and_korean_shape_without_missing_glyphs() {
        let sentences = [
            "這間公司的東區業務負責人說，廣場旁邊的價格條件還需要再談。",
            "東京の駅の間に新しい店ができたが、負担は大きいと店長は語った。",
            "서울의 작은 도서관은 아침 일곱 시에 문을 엽니다. 자음 ㄱ과 모음 ㅏ도 보입니다.",
        ];
        let fonts = FontSet::bundled();
        for weight in [Weight::Regular, Weight::Bold] {
            for text in sentences {
                let s = shape(text, weight, fonts, true);
                assert!(s.missing.is_empty(), "{text}: missing {:?}", s.missing);
                assert_eq!(s.text, text);
                assert!(s.glyphs.iter().all(|g| g.id != 0), "{text}: .notdef drawn");
                for c in text.chars().filter(|&c| is_cjk(c)) {
                    let f = fonts.pick(c, weight, true).expect("a face has it");
                    assert!(fonts.faces[f].cjk && fonts.faces[f].weight == weight, "{c}");
                }
            }
        }
    }
}
