//! The Document model (meta, sections, blocks with source ranges) and the parser entry point.

pub mod boilerplate;
pub mod html;
pub mod markdown;
pub mod text;

use serde::Serialize;

use crate::error::ErrorKind;
use crate::import::{Format, Source};

/// A parsed article: metadata and sections, boilerplate removed.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// Title, byline, source, language, encoding, format.
    pub meta: Meta,
    /// Sections in article order; the first may have no heading (the introduction).
    pub sections: Vec<Section>,
    /// Lines or elements removed as boilerplate, with the reason (diagnostics).
    pub dropped: Vec<Dropped>,
}

/// Article metadata.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Meta {
    /// The article's own title, when it has one (front matter, `# ` heading or title line).
    pub title: Option<String>,
    /// Authors (from `作者:` lines, `By …` lines or front matter).
    pub authors: Vec<String>,
    /// Other credits as (role, name), e.g. ("编辑", "张铃媛").
    pub credits: Vec<(String, String)>,
    /// Where the article was reprinted from (`授权转载自 X`, `来源: X`).
    pub source: Option<String>,
    /// The publisher that reprinted it (the part before `授权转载自`).
    pub publisher: Option<String>,
    /// Publication date as written in the front matter.
    pub date: Option<String>,
    /// Language: the page's declared `lang` (primary subtag, e.g. "ja") for HTML, else a
    /// guess: "zh" when Han characters dominate the letters, else "en".
    pub language: String,
    /// Encoding the file was decoded from.
    pub encoding: String,
    /// Detected input format.
    pub format: Format,
}

/// A section: an optional heading and its blocks.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// Heading text (plain), `None` for an untitled introduction.
    pub heading: Option<String>,
    /// Heading level 1–6 (plain-text headings count as 2).
    pub level: u8,
    /// Content blocks in order.
    pub blocks: Vec<Block>,
}

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// A paragraph of prose.
    Paragraph,
    /// A block quote.
    Quote,
    /// One list item.
    ListItem,
    /// Preformatted code (never made into bullets).
    Code,
    /// An image; `src` holds its reference, `text` its alt text or caption.
    Image,
    /// A table, its cells joined by " | " per row (never made into bullets yet).
    Table,
}

/// One block of content: plain text plus where each piece of it came from.
#[derive(Debug, Clone, Serialize)]
pub struct Block {
    /// Block kind.
    pub kind: BlockKind,
    /// Plain text, no markup.
    pub text: String,
    /// Image reference (for [`BlockKind::Image`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub src: Option<String>,
    /// Image caption (`<figcaption>`), when the image has one; `text` repeats it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// Image alt text (HTML `alt`), when given; for HTML images `text` is the caption only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alt: Option<String>,
    /// Who a quote is attributed to (`<blockquote cite>` / `<cite>`), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cite: Option<String>,
    /// Map from `text` to the source: `(text_start, source_start, len)` byte triples, sorted.
    #[serde(skip)]
    pub pieces: Vec<(usize, usize, usize)>,
}

impl Block {
    /// Maps the byte range `[start, end)` of this block's `text` to byte ranges of the
    /// decoded source text (one range per contiguous source piece it touches).
    pub fn source_ranges(&self, start: usize, end: usize) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = Vec::new();
        for &(t, s, len) in &self.pieces {
            let (a, b) = (start.max(t), end.min(t + len));
            if a < b {
                let range = (s + a - t, s + b - t);
                match out.last_mut() {
                    Some(last) if last.1 == range.0 => last.1 = range.1,
                    _ => out.push(range),
                }
            }
        }
        out
    }
}

/// Builds a block's text and its source map piece by piece.
#[derive(Debug, Default)]
pub(crate) struct TextBuilder {
    text: String,
    pieces: Vec<(usize, usize, usize)>,
}

impl TextBuilder {
    /// Appends `s`, which is the source slice starting at byte `src_start`.
    pub(crate) fn push_source(&mut self, s: &str, src_start: usize) {
        if s.is_empty() {
            return;
        }
        self.pieces.push((self.text.len(), src_start, s.len()));
        self.text.push_str(s);
    }

    /// Appends text that has no source (a joining space).
    pub(crate) fn push_synthetic(&mut self, s: &str) {
        self.text.push_str(s);
    }

    /// The text so far.
    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    /// Finishes into a block, trimming surrounding whitespace; `None` if empty.
    pub(crate) fn finish(self, kind: BlockKind) -> Option<Block> {
        let trimmed = self.text.trim();
        if trimmed.is_empty() {
            return None;
        }
        let lead = self.text.len() - self.text.trim_start().len();
        let text = trimmed.to_string();
        let end = lead + text.len();
        let pieces = self
            .pieces
            .into_iter()
            .filter_map(|(t, s, len)| {
                let (a, b) = (t.max(lead), (t + len).min(end));
                (a < b).then(|| (a - lead, s + a - t, b - a))
            })
            .collect();
        Some(Block {
            kind,
            text,
            src: None,
            caption: None,
            alt: None,
            cite: None,
            pieces,
        })
    }
}

/// A removed line or element and why it was removed.
#[derive(Debug, Clone, Serialize)]
pub struct Dropped {
    /// The removed text.
    pub text: String,
    /// Why, e.g. "footer: ICP licence number".
    pub reason: String,
}

/// Parses a decoded source into a document.
///
/// Errors: [`ErrorKind::NoContent`] when no paragraph, quote or list text remains;
/// [`ErrorKind::TooManyBlocks`] when blocks plus headings exceed
/// [`crate::limits::MAX_BLOCKS`]; [`ErrorKind::TooDeep`] when an HTML page nests
/// elements deeper than [`crate::limits::MAX_NESTING_DEPTH`] ([`html::nesting_depth`]).
pub fn parse(source: &Source) -> Result<Document, ErrorKind> {
    let mut doc = match source.format {
        Format::Markdown => markdown::parse(&source.text),
        Format::Text => text::parse(&source.text),
        Format::Html => {
            // The HTML tree builder checks scopes by walking the open elements, which is
            // quadratic in the nesting depth: refuse absurd depths before parsing.
            let depth = html::nesting_depth(&source.text);
            if depth > crate::limits::MAX_NESTING_DEPTH {
                return Err(ErrorKind::TooDeep {
                    depth,
                    limit: crate::limits::MAX_NESTING_DEPTH,
                });
            }
            html::parse(&source.text)
        }
    };
    doc.meta.encoding = source.encoding.to_string();
    doc.meta.format = source.format;
    if doc.meta.language.is_empty() {
        doc.meta.language = if source.format == Format::Html {
            // The page's markup would outweigh its text: judge the extracted blocks.
            let text: String = doc
                .sections
                .iter()
                .flat_map(|s| &s.blocks)
                .map(|b| b.text.as_str())
                .collect();
            detect_language(&text).to_string()
        } else {
            detect_language(&source.text).to_string()
        };
    }
    doc.sections
        .retain(|s| !s.blocks.is_empty() || s.heading.is_some());
    // Prose with at least one visible character (not only zero-width or control ones).
    let has_prose = doc.sections.iter().flat_map(|s| &s.blocks).any(|b| {
        matches!(
            b.kind,
            BlockKind::Paragraph | BlockKind::Quote | BlockKind::ListItem
        ) && b.text.chars().any(|c| {
            !c.is_whitespace()
                && !c.is_control()
                && !matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
        })
    });
    if !has_prose {
        return Err(ErrorKind::NoContent);
    }
    let count: usize = doc
        .sections
        .iter()
        .map(|s| s.blocks.len() + usize::from(s.heading.is_some()))
        .sum();
    if count > crate::limits::MAX_BLOCKS {
        return Err(ErrorKind::TooManyBlocks {
            count,
            limit: crate::limits::MAX_BLOCKS,
        });
    }
    Ok(doc)
}

/// True for Han ideographs, kana and Hangul (the scripts written without spaces).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0xAC00..=0xD7AF | 0x20000..=0x2FA1F)
}

/// "zh" when CJK characters make up at least a fifth of the letters, else "en".
pub fn detect_language(text: &str) -> &'static str {
    let (mut cjk, mut letters) = (0usize, 0usize);
    for c in text.chars().take(20_000) {
        if is_cjk(c) {
            cjk += 1;
            letters += 1;
        } else if c.is_alphabetic() {
            letters += 1;
        }
    }
    if letters > 0 && cjk * 5 >= letters {
        "zh"
    } else {
        "en"
    }
}
