//! Layout: deck → frames (one display list per slide, in PDF points, y down from the
//! top-left corner), shaping and breaking text with the bundled fonts so nothing leaves
//! the slide's safe area.

pub mod fonts;
pub mod image;
pub mod linebreak;
pub mod shape;
pub mod slides;
pub mod theme;

use serde::Serialize;

use crate::deck::Deck;
use fonts::{FontId, FontSet};

/// Slide height in PDF points (both aspects).
pub const SLIDE_HEIGHT: f32 = 540.0;

/// Page shape of the deck.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Aspect {
    /// 16:9, 960 × 540 pt.
    #[default]
    Wide,
    /// 4:3, 720 × 540 pt.
    Standard,
}

impl Aspect {
    /// Slide width in PDF points.
    pub fn width(self) -> f32 {
        match self {
            Aspect::Wide => 960.0,
            Aspect::Standard => 720.0,
        }
    }

    /// Parses "16:9" or "4:3".
    pub fn parse(s: &str) -> Option<Aspect> {
        match s {
            "16:9" => Some(Aspect::Wide),
            "4:3" => Some(Aspect::Standard),
            _ => None,
        }
    }
}

/// How to lay a deck out: theme, page shape and whether speaker notes get pages.
#[derive(Debug, Clone)]
pub struct LayoutOptions {
    /// Colours, sizes and margins.
    pub theme: theme::Theme,
    /// Page shape.
    pub aspect: Aspect,
    /// Speaker notes as notes pages after the slides (the CLI's `--notes`): one page
    /// (or more, continued) per slide that has notes, headed with the slide's number and
    /// title. Pages rather than PDF text annotations, because every viewer shows and
    /// prints pages, while annotations are hidden icons in most viewers.
    pub notes: bool,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            theme: theme::Theme::light(),
            aspect: Aspect::Wide,
            notes: false,
        }
    }
}

/// An sRGB colour, components 0–1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Rgb(pub f32, pub f32, pub f32);

impl Rgb {
    /// From a 0xRRGGBB value.
    pub const fn hex(v: u32) -> Rgb {
        Rgb(
            ((v >> 16) & 0xFF) as f32 / 255.0,
            ((v >> 8) & 0xFF) as f32 / 255.0,
            (v & 0xFF) as f32 / 255.0,
        )
    }
}

/// One laid-out slide: its size and a flat display list, painted in order.
#[derive(Debug, Clone, Serialize)]
pub struct Frame {
    /// Width in PDF points.
    pub width: f32,
    /// Height in PDF points.
    pub height: f32,
    /// Items in painting order.
    pub items: Vec<FrameItem>,
}

/// An item of a frame's display list.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FrameItem {
    /// A filled rectangle.
    Rect(RectItem),
    /// A run of shaped glyphs in one font and size on one baseline.
    Text(TextRun),
    /// A raster picture scaled into a box.
    Image(ImageItem),
    /// A clickable area that opens a URI (drawn as nothing; the text under it is a run).
    Link(LinkItem),
}

/// A clickable box over text that opens `uri`; coordinates in points from the top-left.
#[derive(Debug, Clone, Serialize)]
pub struct LinkItem {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub w: f32,
    /// Height.
    pub h: f32,
    /// The target, an absolute `http:` or `https:` URI, ASCII only (other characters
    /// percent-encoded as UTF-8, RFC 3986).
    pub uri: String,
}

/// A picture drawn into a box; coordinates in points from the top-left corner. The box
/// has the picture's aspect ratio, so the exporters scale it without distortion.
#[derive(Debug, Clone, Serialize)]
pub struct ImageItem {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub w: f32,
    /// Height.
    pub h: f32,
    /// The picture (PNG, JPEG, GIF, WebP or SVG) as the slide gives it: a file path or a
    /// `data:` URI ([`crate::picture`]).
    pub src: String,
    /// The picture's width in pixels, from its header.
    pub px_w: u32,
    /// The picture's height in pixels, from its header.
    pub px_h: u32,
    /// Text alternative (the caption, or empty).
    pub alt: String,
}

/// A filled rectangle; coordinates in points from the top-left corner.
#[derive(Debug, Clone, Serialize)]
pub struct RectItem {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub w: f32,
    /// Height.
    pub h: f32,
    /// Fill colour.
    pub fill: Rgb,
}

/// What a run of text is on its slide (for exporters, accessibility and tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TextRole {
    /// A slide or deck title.
    Title,
    /// The line under the deck title (byline).
    Subtitle,
    /// Bullet text.
    Body,
    /// The page number.
    PageNumber,
    /// The caption under a picture.
    Caption,
}

/// Shaped glyphs in one font on one baseline.
#[derive(Debug, Clone, Serialize)]
pub struct TextRun {
    /// What the text is.
    pub role: TextRole,
    /// Index into the [`FontSet`].
    pub font: FontId,
    /// Font size in points.
    pub size: f32,
    /// Baseline, in points from the top of the slide.
    pub baseline: f32,
    /// Top of the run's box (baseline − ascent), in points from the top.
    pub top: f32,
    /// Bottom of the run's box (baseline + descent), in points from the top.
    pub bottom: f32,
    /// Left edge of the first glyph, in points.
    pub x0: f32,
    /// Right edge (pen position after the last glyph), in points.
    pub x1: f32,
    /// Fill colour.
    pub color: Rgb,
    /// The glyphs, positioned absolutely.
    pub glyphs: Vec<PlacedGlyph>,
    /// The run's text (for search, copy and tests).
    pub text: String,
}

/// A glyph at an absolute position.
#[derive(Debug, Clone, Serialize)]
pub struct PlacedGlyph {
    /// Glyph id in the run's font.
    pub id: u16,
    /// Pen x of the glyph origin, in points from the left edge.
    pub x: f32,
    /// Vertical offset from the baseline, up positive, in points.
    pub dy: f32,
    /// The text of the glyph's cluster (empty for the 2nd+ glyph of a cluster).
    pub text: String,
}

/// The result of laying out a deck.
#[derive(Debug, Clone)]
pub struct LaidOut {
    /// One frame per PDF page (continuation slides included).
    pub frames: Vec<Frame>,
    /// Warnings, e.g. characters without a glyph in any bundled font.
    pub warnings: Vec<String>,
    /// For each frame, the index of the deck slide it shows (for a notes page, the
    /// slide whose notes it holds).
    pub slide_of_frame: Vec<usize>,
    /// How many frames are slides; frames from this index on are notes pages.
    pub slide_frames: usize,
}

/// Lays out every slide of `deck`. Never fails: text that does not fit shrinks to a
/// minimum size, then continues on a following frame.
pub fn layout_deck(deck: &Deck, fonts: &FontSet, opts: &LayoutOptions) -> LaidOut {
    let cjk = deck
        .meta
        .language
        .as_deref()
        .is_some_and(crate::document::is_cjk_language);
    let mut ctx = slides::Ctx {
        fonts,
        theme: &opts.theme,
        cjk,
        width: opts.aspect.width(),
        height: SLIDE_HEIGHT,
        missing: Vec::new(),
        shapes: Default::default(),
    };
    let mut frames = Vec::new();
    let mut slide_of_frame = Vec::new();
    for (i, slide) in deck.slides.iter().enumerate() {
        for f in slides::layout_slide(&mut ctx, slide) {
            frames.push(f);
            slide_of_frame.push(i);
        }
    }
    let total = frames.len();
    for (n, f) in frames.iter_mut().enumerate().skip(1) {
        slides::page_number(&mut ctx, f, n + 1, total);
    }
    if opts.notes {
        for (i, slide) in deck.slides.iter().enumerate() {
            if slide.notes.trim().is_empty() {
                continue;
            }
            let page = slide_of_frame.iter().position(|&s| s == i).unwrap_or(0) + 1;
            for f in slides::notes_pages(&mut ctx, slide, page) {
                frames.push(f);
                slide_of_frame.push(i);
            }
        }
    }
    let mut missing = ctx.missing;
    missing.sort_unstable();
    missing.dedup();
    let mut warnings: Vec<String> = missing_glyphs_warning(&missing).into_iter().collect();
    // Pictures layout could not use (their slides keep the caption).
    for slide in &deck.slides {
        if let Some(p) = &slide.image {
            if image::probe_size(p).is_none() {
                warnings.push(format!(
                    "picture {} is not drawn: unreadable, not PNG/JPEG/GIF/WebP/SVG, or over \
                     the {} pixel limit",
                    crate::picture::label(p),
                    crate::limits::MAX_PIXELS
                ));
            }
        }
    }
    LaidOut {
        frames,
        warnings,
        slide_of_frame,
        slide_frames: total,
    }
}

/// How many characters without a glyph [`missing_glyphs_warning`] names one by one.
const MISSING_GLYPHS_LISTED: usize = 12;

/// One warning for all the characters no bundled font has (`missing`: sorted, distinct),
/// naming the first [`MISSING_GLYPHS_LISTED`] as `U+XXXX 'c'` and counting the rest, or
/// `None` when there are none. One line, so a text full of rare characters does not flood
/// the terminal with a line per character.
pub fn missing_glyphs_warning(missing: &[char]) -> Option<String> {
    if missing.is_empty() {
        return None;
    }
    let listed: Vec<String> = missing
        .iter()
        .take(MISSING_GLYPHS_LISTED)
        .map(|&c| format!("U+{:04X} '{c}'", c as u32))
        .collect();
    let more = missing.len().saturating_sub(MISSING_GLYPHS_LISTED);
    let tail = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    let n = missing.len();
    let noun = if n == 1 { "character" } else { "characters" };
    Some(format!(
        "no bundled font has {n} {noun}, drawn as placeholder boxes: {}{tail}",
        listed.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_glyphs_make_one_line() {
        assert_eq!(missing_glyphs_warning(&[]), None);
        assert_eq!(
            missing_glyphs_warning(&['\u{16A0}']).as_deref(),
            Some("no bundled font has 1 character, drawn as placeholder boxes: U+16A0 '\u{16A0}'")
        );
        let many: Vec<char> = ('\u{16A0}'..='\u{16C0}').collect();
        let w = missing_glyphs_warning(&many).unwrap();
        assert!(w.starts_with("no bundled font has 33 characters"), "{w}");
        assert!(w.ends_with("and 21 more"), "{w}");
        assert_eq!(w.matches("U+").count(), 12, "{w}");
    }
}
