//! Distill turns an article (Markdown or plain text) into a presentation deck, offline.
//!
//! The pipeline runs one way, each step a module with one job (see `DESIGN.md`):
//!
//! 1. [`import`]: read the file, decode it (UTF-8 with or without BOM), detect its format → [`import::Source`].
//! 2. [`document`]: parse the source into sections and blocks, dropping bylines and boilerplate → [`document::Document`].
//! 3. [`analyse`]: split sentences, tokenise, rank by graph centrality (TextRank), find keyphrases → [`analyse::Analysis`].
//! 4. [`deck`]: plan the slides → [`deck::Deck`] (what the desktop app edits).
//! 5. [`layout`]: shape and break text with the embedded fonts into positioned frames → [`layout::Frame`].
//! 6. [`export`]: walk the frames into PDF bytes, written atomically.
//!
//! ```no_run
//! let opts = distill::Options::default();
//! let deck = distill::deck_from_path(std::path::Path::new("article.md"), &opts)?;
//! let report = distill::export_pdf(&deck, std::path::Path::new("deck.pdf"), &opts)?;
//! println!("{} pages", report.pages);
//! # Ok::<(), distill::Error>(())
//! ```

pub mod analyse;
pub mod batch;
pub mod deck;
pub mod document;
pub mod error;
pub mod export;
pub mod import;
pub mod layout;
pub mod limits;
pub mod picture;

use std::path::Path;

pub use deck::Deck;
pub use error::{Error, ErrorKind};

/// Options for a conversion. `Default` gives the CLI's defaults.
#[derive(Debug, Clone)]
pub struct Options {
    /// Most bullets on one slide before the section continues on a "(cont.)" slide (default 5).
    pub max_bullets: usize,
    /// Fewest bullets a section asks for when it has enough sentences (default 3).
    pub min_bullets: usize,
    /// Theme and page shape for layout.
    pub layout: layout::LayoutOptions,
    /// Which quote, figures and chart slides the planner may make.
    pub extras: deck::extras::Extras,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_bullets: 5,
            min_bullets: 3,
            layout: layout::LayoutOptions::default(),
            extras: deck::extras::Extras::default(),
        }
    }
}

/// What an export produced.
#[derive(Debug, Clone, Default)]
pub struct ExportReport {
    /// Number of PDF pages written (slides after overflow continuation).
    pub pages: usize,
    /// Bytes written.
    pub bytes: usize,
    /// Non-fatal problems, e.g. characters no bundled font has (drawn as a placeholder box).
    pub warnings: Vec<String>,
}

/// Reads, parses and analyses the article at `path` and plans its deck.
///
/// Errors: [`ErrorKind`] with the path for a missing or unreadable file, a directory,
/// an empty or whitespace-only file, or bytes that are not text.
pub fn deck_from_path(path: &Path, opts: &Options) -> Result<Deck, Error> {
    deck_from_source(&import::read_source(path)?, opts)
}

/// Parses and analyses an already decoded article and plans its deck (no file is read
/// except pictures the article references).
///
/// Errors: [`ErrorKind::NoContent`] (with the source's path) when no article text remains.
pub fn deck_from_source(source: &import::Source, opts: &Options) -> Result<Deck, Error> {
    plan_source(source, opts).map(|(deck, _)| deck)
}

/// As [`deck_from_source`], also returning the document's warnings (pictures that are
/// remote, missing, outside the article's folder or not pictures; see
/// [`document::Document::warnings`]), one line each, for the user to read.
///
/// Errors: as [`deck_from_source`].
pub fn plan_source(source: &import::Source, opts: &Options) -> Result<(Deck, Vec<String>), Error> {
    analyse::warm_up(&source.text);
    let doc = document::parse(source).map_err(|kind| Error::new(&source.path, kind))?;
    let analysis = analyse::analyse(&doc, &source.text);
    let deck = deck::plan::plan(&doc, &analysis, source, opts);
    Ok((deck, doc.warnings))
}

/// Parses the article at `path` into its document (what `distill inspect` prints).
///
/// Errors: as [`deck_from_path`].
pub fn document_from_path(path: &Path) -> Result<document::Document, Error> {
    let source = import::read_source(path)?;
    document::parse(&source).map_err(|kind| Error::new(path, kind))
}

/// The `k` most important sentences of the article at `path`, most important first, each
/// with its section and byte offsets `[start, end)` in the decoded source (see
/// [`analyse::summary`] for the method). Fewer than `k` when the article is shorter.
///
/// Errors: as [`deck_from_path`].
pub fn summarize(path: &Path, k: usize) -> Result<analyse::summary::Summary, Error> {
    let source = import::read_source(path)?;
    let doc = document::parse(&source).map_err(|kind| Error::new(path, kind))?;
    Ok(analyse::summary::summarize(&doc, k))
}

/// Reads, parses and analyses the article at `path` (what `distill analyse` prints):
/// ranked sentences per section, keyphrases, quotes, figures and series.
///
/// Errors: as [`deck_from_path`].
pub fn analysis_from_path(path: &Path) -> Result<analyse::Analysis, Error> {
    let source = import::read_source(path)?;
    analyse::warm_up(&source.text);
    let doc = document::parse(&source).map_err(|kind| Error::new(path, kind))?;
    Ok(analyse::analyse(&doc, &source.text))
}

/// Lays the deck out and renders it to PDF bytes (pages of 960 × 540 pt for 16:9,
/// 720 × 540 pt for 4:3).
///
/// Layout cannot fail; the returned warnings name characters drawn as placeholders.
pub fn render_pdf(deck: &Deck, opts: &Options) -> (Vec<u8>, ExportReport) {
    let fonts = layout::fonts::FontSet::bundled();
    let laid = layout::layout_deck(deck, fonts, &opts.layout);
    // One outline entry per slide, at its first page; one for the notes pages.
    let mut bookmarks = Vec::new();
    for (page, &slide) in laid.slide_of_frame[..laid.slide_frames].iter().enumerate() {
        if page == 0 || laid.slide_of_frame[page - 1] != slide {
            bookmarks.push((page + 1, deck.slides[slide].title.clone()));
        }
    }
    if laid.frames.len() > laid.slide_frames {
        let zh = deck.meta.language.as_deref() == Some("zh");
        let label = if zh {
            "演讲者备注"
        } else {
            "Speaker notes"
        };
        bookmarks.push((laid.slide_frames + 1, label.to_string()));
    }
    let bytes = export::pdf::write_pdf(&laid.frames, &deck.meta, fonts, &bookmarks);
    let report = ExportReport {
        pages: laid.frames.len(),
        bytes: bytes.len(),
        warnings: laid.warnings,
    };
    (bytes, report)
}

/// Renders the deck to PDF and writes it to `out` atomically (temp file in the same
/// folder, then rename), so a failure never leaves a half-written file.
///
/// Errors: the output folder is missing or not writable, or `out` is a directory.
pub fn export_pdf(deck: &Deck, out: &Path, opts: &Options) -> Result<ExportReport, Error> {
    let (bytes, report) = render_pdf(deck, opts);
    export::write_atomic(out, &bytes)?;
    Ok(report)
}

/// Lays the deck out and renders each page as a standalone SVG document (the same frames
/// as the PDF), in page order.
pub fn render_svg(deck: &Deck, opts: &Options) -> Vec<String> {
    let fonts = layout::fonts::FontSet::bundled();
    let laid = layout::layout_deck(deck, fonts, &opts.layout);
    laid.frames
        .iter()
        .map(|f| export::svg::frame_to_svg(f, fonts))
        .collect()
}

/// Writes one SVG per page into the folder `dir` (created if missing) as
/// `slide-01.svg`, `slide-02.svg`, …, each written atomically, and removes higher-numbered
/// `slide-NN.svg` files left by an earlier, longer deck. Returns the number written.
///
/// Errors: the folder cannot be created or written.
pub fn export_svg(deck: &Deck, dir: &Path, opts: &Options) -> Result<usize, Error> {
    let io = |e: std::io::Error| {
        Error::new(
            dir,
            ErrorKind::Io {
                action: "write",
                source: e,
            },
        )
    };
    if dir.exists() && !dir.is_dir() {
        return Err(Error::new(dir, ErrorKind::NotADirectory));
    }
    std::fs::create_dir_all(dir).map_err(io)?;
    let pages = render_svg(deck, opts);
    for (i, svg) in pages.iter().enumerate() {
        export::write_atomic(&dir.join(format!("slide-{:02}.svg", i + 1)), svg.as_bytes())?;
    }
    // Slides left from a longer earlier deck would be mistaken for this one's.
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let name = entry.map_err(io)?.file_name();
        let name = name.to_string_lossy();
        let stale = name
            .strip_prefix("slide-")
            .and_then(|r| r.strip_suffix(".svg"))
            .and_then(|n| n.parse::<usize>().ok())
            .is_some_and(|n| n > pages.len());
        if stale {
            std::fs::remove_file(dir.join(&*name)).map_err(io)?;
        }
    }
    Ok(pages.len())
}

/// Writes the deck model as pretty JSON to `out` atomically.
///
/// Errors: as [`export_pdf`].
pub fn export_json(deck: &Deck, out: &Path) -> Result<(), Error> {
    let mut json = serde_json::to_vec_pretty(deck).expect("deck serialises");
    json.push(b'\n');
    export::write_atomic(out, &json)
}
