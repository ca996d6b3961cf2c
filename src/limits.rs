//! Resource limits: the named bounds that keep hostile or absurd input from exhausting memory or time.
//!
//! An article is untrusted input (a page saved from the web, a project file from a stranger).
//! Every stage that could grow without bound with its input checks one of these limits and
//! answers with a typed [`crate::ErrorKind`] (naming the file, the size found and the limit)
//! or a handled, documented degradation. The defaults sit far above any real article:
//! the longest sample article (about 1 MB of text) has under 3,000 blocks, nesting under 10,
//! and makes under 200 slides.
//!
//! | Limit | Default | Checked in | Over the limit |
//! |---|---|---|---|
//! | [`MAX_INPUT_BYTES`] | 20 MiB | [`crate::import::read_source`] | [`crate::ErrorKind::TooLarge`] |
//! | [`MAX_BLOCKS`] | 50,000 | [`crate::document::parse`] | [`crate::ErrorKind::TooManyBlocks`] |
//! | [`MAX_NESTING_DEPTH`] | 1,000 | [`crate::document::parse`] for HTML ([`crate::document::html::nesting_depth`]) | [`crate::ErrorKind::TooDeep`] |
//! | [`MAX_SLIDES`] | 2,000 | [`crate::Deck::from_json`], [`crate::deck::plan::plan`] | loaded deck: [`crate::ErrorKind::BadDeck`]; planned deck: sections past the limit are left out |
//! | [`MAX_ITEMS_PER_SLIDE`] | 200 | [`crate::Deck::from_json`] | [`crate::ErrorKind::BadDeck`] |
//! | [`MAX_ITEM_CHARS`] | 2,000 | [`crate::deck::Item::bullet`], [`crate::Deck::from_json`] | planned bullet: cut with "…"; loaded deck: [`crate::ErrorKind::BadDeck`] |
//! | [`MAX_TITLE_CHARS`] | 200 characters | [`crate::deck::plan::plan`], [`crate::Deck::from_json`] | deck title, slide titles and subtitles cut at a word boundary with "…" ([`crate::deck::cap_title`]) |
//! | [`MAX_PIXELS`] | 100 megapixels | [`crate::layout::image::probe`] | the picture is not drawn; its caption stays |
//! | [`crate::layout::image::MAX_SVG_ELEMENTS`] | 100,000 elements with `<use>` expanded | [`crate::layout::image::parse_svg`] | the picture is not drawn (warning); its caption stays |
//! | [`crate::layout::image::MAX_SVG_BYTES`] | 10 MB | [`crate::layout::image::parse_svg`] | the picture is not drawn (warning); its caption stays |
//!
//! An SVG picture whose `<use>` chain refers back to itself is not drawn either.

/// Largest input file accepted, in bytes (20 MiB; about 10 million CJK characters).
pub const MAX_INPUT_BYTES: u64 = 20 * 1024 * 1024;

/// Most blocks (paragraphs, list items, quotes, code blocks, tables, images) plus section
/// headings one document may have. A 1 MB article has a few thousand; 100,000 one-line
/// headings is an attack on the planner and layout, not an article.
pub const MAX_BLOCKS: usize = 50_000;

/// Deepest nesting of HTML elements accepted. The HTML tree builder's scope checks walk
/// the open elements, so parsing time grows with the square of the depth (100,000 nested
/// `<div>`s took minutes); real pages nest a few dozen levels. Below 200 levels the page
/// is read as structure, deeper elements as flat text.
///
/// Markdown lists and block quotes have no depth limit: pulldown-cmark parses them in
/// linear time (100,000 levels in well under a second) and the document builder reads
/// them flat.
pub const MAX_NESTING_DEPTH: usize = 1_000;

/// Most slides a deck may have, planned or loaded from a deck JSON file.
pub const MAX_SLIDES: usize = 2_000;

/// Most items (bullets, figures, bars) one slide of a loaded deck JSON file may have; the
/// planner makes at most [`crate::Options::max_bullets`] (≤ 12) per slide.
pub const MAX_ITEMS_PER_SLIDE: usize = 200;

/// Most characters of one bullet (or other item) text. The planner cuts longer sentences
/// there with "…" ([`crate::deck::Item::bullet`]); a loaded deck with a longer title or
/// item is refused. About one full slide of text at the smallest body size.
pub const MAX_ITEM_CHARS: usize = 2_000;

/// Most characters of a deck's title, a slide's title or a slide's subtitle (the byline
/// on the title slide). Longer ones, in a planned deck (a 5,000-character first line, a
/// page whose `<title>` is 100 KB) or a loaded deck file, are cut to this length with
/// "…", after the last whole word when a space stands near the end
/// ([`crate::deck::cap_title`]). The longest title or heading among the samples has 90
/// characters; layout shows at most three lines of a title, but shaped the whole text
/// at every size it tried.
pub const MAX_TITLE_CHARS: usize = 200;

/// Most pixels (width × height) a picture may have; larger ones are not drawn (100
/// megapixels, about 400 MB decoded as RGBA).
pub const MAX_PIXELS: u64 = 100_000_000;
