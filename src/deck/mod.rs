//! The deck model: what the planner makes, what the user edits and what layout draws.
//!
//! A [`Deck`] is versioned serde JSON; it is the file format of a saved project.

pub mod plan;

use serde::{Deserialize, Serialize};

/// Version of the deck JSON format written by this build.
pub const DECK_VERSION: u32 = 1;

/// A whole presentation: metadata plus slides in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
#[serde(rename_all = "snake_case")]
pub enum SlideKind {
    /// Deck title, with the byline under it.
    Title,
    /// A section heading with its key sentences as bullets.
    Bullets,
}

/// One slide of the deck.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
}

/// One bullet: text plus the byte range(s) in the decoded source it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// The bullet's text, plain (no markup).
    pub text: String,
    /// Byte ranges `[start, end)` in the decoded source text; empty for user-written items.
    #[serde(default)]
    pub source: Vec<(usize, usize)>,
}
