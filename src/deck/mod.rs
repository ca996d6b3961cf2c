//! The deck model: what the planner makes, what the user edits and what layout draws.
//!
//! A [`Deck`] is versioned serde JSON; it is the file format of a saved project.

pub mod extras;
pub mod labels;
pub mod plan;

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind};
use crate::limits::{MAX_ITEMS_PER_SLIDE, MAX_ITEM_CHARS, MAX_SLIDES, MAX_TITLE_CHARS};

/// Version of the deck JSON format written by this build.
pub const DECK_VERSION: u32 = 1;

/// A whole presentation: metadata plus slides in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Deck {
    /// Format version; [`DECK_VERSION`] for decks written by this build.
    pub version: u32,
    /// Title, byline and source shown on the title slide and in the PDF info.
    pub meta: DeckMeta,
    /// Slides in presentation order.
    pub slides: Vec<Slide>,
}

/// Deck-level metadata, taken from the document's meta.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct DeckMeta {
    /// Deck title (the article's title, or one made from its keyphrases).
    pub title: String,
    /// Authors and other credits, one display line (e.g. "作者: itsukun · 编辑: 张铃媛").
    #[serde(default)]
    pub byline: Option<String>,
    /// The publisher or the source the article was reprinted from.
    #[serde(default)]
    pub source: Option<String>,
    /// BCP 47-ish language tag guessed from the text ("zh", "en").
    #[serde(default)]
    pub language: Option<String>,
    /// File name of the article the deck was made from.
    #[serde(default)]
    pub source_file: Option<String>,
}

/// What a slide is; layout picks a template per kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum SlideKind {
    /// Deck title, with the byline under it.
    Title,
    /// The list of sections (items are section titles).
    Agenda,
    /// A section heading with its key sentences as bullets.
    Bullets,
    /// One quotation: the first item's `text` is the quote, its `label` the speaker.
    Quote,
    /// Two to four key numbers: each item's `text` is the figure as written
    /// ("5.8 亿美元"), its `label` what it counts.
    Figures,
    /// A horizontal bar chart: each item is a bar, `text` its category, `value` its
    /// length; the slide's `subtitle` names the unit.
    Chart,
    /// The article's most important sentences, closing the deck.
    Takeaways,
    /// Where the article came from: each item a line such as "Author: …".
    Sources,
    /// One figure from the article: the slide's `image` is the picture, its title the
    /// section heading, its first item's `text` the caption.
    Image,
}

/// One slide of the deck.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Slide {
    /// Template to lay the slide out with.
    pub kind: SlideKind,
    /// Slide title (for a title slide, the deck title).
    pub title: String,
    /// Subtitle line under the title (the byline on a title slide).
    #[serde(default)]
    pub subtitle: Option<String>,
    /// Bullets, in article order.
    #[serde(default)]
    pub items: Vec<Item>,
    /// Speaker notes (plain text).
    #[serde(default)]
    pub notes: String,
    /// The picture of an [`SlideKind::Image`] slide, or one drawn beside the bullets of a
    /// [`SlideKind::Bullets`] slide: the path of a local PNG, JPEG, GIF, WebP or SVG file,
    /// absolute or (in a saved deck file) relative to the deck file's folder;
    /// [`Deck::load`] makes relative paths absolute. `None` on other slides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub image: Option<String>,
}

/// One item of a slide (a bullet, a quote, a figure, a bar) plus the byte range(s) in
/// the decoded source it came from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// The item's text, plain (no markup).
    pub text: String,
    /// Byte ranges `[start, end)` in the decoded source text; empty for user-written items.
    #[serde(default)]
    pub source: Vec<(usize, usize)>,
    /// Secondary text: a quote's speaker, a figure's label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub label: Option<String>,
    /// A chart bar's value (in the unit named by the slide's subtitle).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub value: Option<f64>,
}

impl Item {
    /// A bullet with its source ranges; a text longer than [`MAX_ITEM_CHARS`] characters
    /// (a "sentence" with no end, e.g. a page without punctuation) is cut there and ends
    /// with "…".
    pub fn bullet(text: impl Into<String>, source: Vec<(usize, usize)>) -> Item {
        let mut text = text.into();
        if text.chars().nth(MAX_ITEM_CHARS).is_some() {
            if let Some((cut, _)) = text.char_indices().nth(MAX_ITEM_CHARS - 1) {
                text.truncate(cut);
                text.push('…');
            }
        }
        Item {
            text,
            source,
            ..Item::default()
        }
    }
}

/// `text` cut to at most [`MAX_TITLE_CHARS`] characters for a title or subtitle: a
/// longer text keeps its first words and ends with "…". The cut falls after the last
/// whole word when a space stands in the last fifth of the room (Latin text), otherwise
/// at a character boundary (Chinese, or one unbroken word); trailing spaces and
/// commas before the "…" are dropped. A text within the limit is returned unchanged.
pub fn cap_title(text: &str) -> String {
    // Byte offset of the last character that may be kept before the "…".
    let Some((room, _)) = text.char_indices().nth(MAX_TITLE_CHARS - 1) else {
        return text.to_string();
    };
    if text[room..].chars().nth(1).is_none() {
        // Exactly MAX_TITLE_CHARS characters.
        return text.to_string();
    }
    let head = &text[..room];
    let next_is_space = text[room..].starts_with(char::is_whitespace);
    let keep = match head.rfind(char::is_whitespace) {
        _ if next_is_space => head,
        Some(i) if head[..i].chars().count() >= MAX_TITLE_CHARS * 4 / 5 => &head[..i],
        _ => head,
    };
    let keep = keep.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '，' | '、' | '；' | '：')
    });
    format!("{keep}…")
}

impl Deck {
    /// Cuts the deck's title and byline and every slide's title and subtitle to
    /// [`MAX_TITLE_CHARS`] characters ([`cap_title`]).
    pub(crate) fn cap_titles(&mut self) {
        let cap = |t: &mut String| {
            if t.len() > MAX_TITLE_CHARS {
                *t = cap_title(t);
            }
        };
        cap(&mut self.meta.title);
        if let Some(b) = &mut self.meta.byline {
            cap(b);
        }
        for s in &mut self.slides {
            cap(&mut s.title);
            if let Some(t) = &mut s.subtitle {
                cap(t);
            }
        }
    }

    /// Parses a deck from JSON (a saved project or `distill convert -o deck.json`).
    ///
    /// Errors: [`ErrorKind::BadDeck`] for JSON that is not a deck (unknown fields
    /// included), has no slides, has a version other than [`DECK_VERSION`], more than
    /// [`MAX_SLIDES`] slides, or a slide with more than [`MAX_ITEMS_PER_SLIDE`] items or an
    /// item text or label longer than [`MAX_ITEM_CHARS`] characters. Titles and subtitles
    /// longer than [`MAX_TITLE_CHARS`] characters are cut ([`cap_title`]), not refused.
    pub fn from_json(json: &str) -> Result<Deck, ErrorKind> {
        let mut deck: Deck =
            serde_json::from_str(json).map_err(|e| ErrorKind::BadDeck(e.to_string()))?;
        if deck.slides.is_empty() {
            return Err(ErrorKind::BadDeck("it has no slides".into()));
        }
        if deck.version != DECK_VERSION {
            return Err(ErrorKind::BadDeck(format!(
                "version {} is not supported (this build reads version {DECK_VERSION})",
                deck.version
            )));
        }
        if deck.slides.len() > MAX_SLIDES {
            return Err(ErrorKind::BadDeck(format!(
                "it has {} slides, over the {MAX_SLIDES}-slide limit",
                deck.slides.len()
            )));
        }
        for (i, s) in deck.slides.iter().enumerate() {
            if s.items.len() > MAX_ITEMS_PER_SLIDE {
                return Err(ErrorKind::BadDeck(format!(
                    "slide {} has {} items, over the {MAX_ITEMS_PER_SLIDE}-item limit",
                    i + 1,
                    s.items.len()
                )));
            }
            let texts = s
                .items
                .iter()
                .flat_map(|it| [Some(&it.text), it.label.as_ref()]);
            let longest = texts
                .flatten()
                .map(|t| t.chars().count())
                .max()
                .unwrap_or(0);
            if longest > MAX_ITEM_CHARS {
                return Err(ErrorKind::BadDeck(format!(
                    "slide {} has an item of {longest} characters, over the \
                     {MAX_ITEM_CHARS}-character limit",
                    i + 1
                )));
            }
        }
        deck.cap_titles();
        Ok(deck)
    }

    /// Reads a deck JSON file.
    ///
    /// Errors: the file is missing, a directory, a pipe or device, unreadable, larger than
    /// [`crate::limits::MAX_INPUT_BYTES`], or as [`Deck::from_json`].
    pub fn load(path: &Path) -> Result<Deck, Error> {
        let limit = crate::limits::MAX_INPUT_BYTES;
        if let Ok(meta) = std::fs::metadata(path) {
            if meta.is_dir() {
                return Err(Error::new(path, ErrorKind::IsDirectory));
            }
            if !meta.is_file() {
                return Err(Error::new(path, ErrorKind::NotRegularFile));
            }
            if meta.len() > limit {
                return Err(Error::new(
                    path,
                    ErrorKind::TooLarge {
                        size: meta.len(),
                        limit,
                    },
                ));
            }
        }
        let text = std::fs::read_to_string(path)
            .map_err(|e| Error::new(path, ErrorKind::from_io(e, "read")))?;
        let mut deck = Deck::from_json(&text).map_err(|k| Error::new(path, k))?;
        // Image paths in a deck file are relative to the file's folder.
        let base = path.parent().unwrap_or(Path::new(""));
        for slide in &mut deck.slides {
            if let Some(img) = &mut slide.image {
                if Path::new(img.as_str()).is_relative() && !crate::picture::is_data_uri(img) {
                    *img = base.join(img.as_str()).to_string_lossy().into_owned();
                }
            }
        }
        Ok(deck)
    }
}
