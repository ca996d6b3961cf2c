//! Analysis: sentences, tokens, ranking, keyphrases, quotes, figures and series for a document.

pub mod bullets;
pub mod figures;
pub mod keyphrases;
pub mod lexicon;
pub mod quotes;
pub mod rank;
pub mod sentences;
pub mod series;
pub mod summary;
pub mod tokens;

use serde::Serialize;

use crate::document::Document;

/// What the analysis found, section by section (indices match `Document::sections`).
#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    /// One entry per document section.
    pub sections: Vec<SectionAnalysis>,
    /// Keyphrases of the whole article, most important first.
    pub keyphrases: Vec<String>,
    /// Quoted speech with its speaker, most substantial first (see [`quotes`]).
    pub quotes: Vec<quotes::Quote>,
    /// Numbers with unit and label, in article order (see [`figures`]).
    pub figures: Vec<figures::Figure>,
    /// Comparable figures in one sentence: chart candidates (see [`series`]).
    pub series: Vec<series::Series>,
}

/// The ranked sentences of one section.
#[derive(Debug, Clone, Serialize)]
pub struct SectionAnalysis {
    /// Sentences in article order, each with its score.
    pub sentences: Vec<Sentence>,
}

/// One sentence of a block.
#[derive(Debug, Clone, Serialize)]
pub struct Sentence {
    /// Index of the block within its section.
    pub block: usize,
    /// Byte range `[start, end)` within the block's text.
    pub start: usize,
    /// End of the byte range (exclusive).
    pub end: usize,
    /// The sentence text (trimmed).
    pub text: String,
    /// The sentence's bullet text: the sentence or its most central clause run, leading
    /// connective trimmed, citations cut out (see [`bullets::pieces`]); the text of
    /// `bullet_pieces` joined.
    pub bullet: String,
    /// Byte range `[bullet_start, bullet_end)` of `bullet` within the block's text.
    pub bullet_start: usize,
    /// End of the bullet's byte range (exclusive).
    pub bullet_end: usize,
    /// The byte ranges of the block's text that `bullet` is made of, in order, within
    /// `[bullet_start, bullet_end)` (more than one when citations were cut out).
    #[serde(skip)]
    pub bullet_pieces: Vec<(usize, usize)>,
    /// Centrality score (TextRank, scaled so a section's scores sum to 1).
    pub score: f64,
}

/// Starts loading jieba-rs's part-of-speech model on a background thread when `text` (a
/// decoded source) has CJK characters. The model tags words the dictionary lacks (new
/// names, for quote speakers and keyphrases) and takes ~100 ms of one core to parse;
/// started right after import it loads alongside the parse and ranking instead of inside
/// [`analyse`], which finds it ready or waits for the load in progress (`OnceLock` inside
/// jieba-rs). Results are the same either way; text without CJK characters starts nothing.
/// (The dictionary itself loads per text, see [`lexicon`].)
pub fn warm_up(text: &str) {
    if !text.chars().any(crate::document::is_cjk) {
        return;
    }
    std::thread::spawn(|| {
        // Tagging a word an empty dictionary lacks loads the part-of-speech model (a
        // process-wide table inside jieba-rs); no lock of ours is held meanwhile.
        jieba_rs::Jieba::empty().tag("蒸馏器", true);
    });
}

/// Analyses every section of `doc`. `source` is the decoded text the document was parsed
/// from (reserved for byte-range checks; sentences index block text).
pub fn analyse(doc: &Document, _source: &str) -> Analysis {
    // The same candidate sentences as the whole-article summary, grouped by section.
    let mut by_section: Vec<Vec<Sentence>> = vec![Vec::new(); doc.sections.len()];
    let full = summary::candidates(doc);
    let cut = summary::as_bullets(&full);
    for (c, b) in full.into_iter().zip(cut) {
        by_section[c.section].push(Sentence {
            block: c.block,
            start: c.start,
            end: c.end,
            text: c.text,
            bullet: b.text,
            bullet_start: b.start,
            bullet_end: b.end,
            bullet_pieces: b.pieces,
            score: 0.0,
        });
    }
    let mut sections = Vec::with_capacity(doc.sections.len());
    for mut sents in by_section {
        let toks: Vec<Vec<String>> = sents.iter().map(|s| tokens::terms(&s.text)).collect();
        let scores = rank::textrank(&toks);
        for (s, score) in sents.iter_mut().zip(scores) {
            s.score = score;
        }
        sections.push(SectionAnalysis { sentences: sents });
    }
    let keyphrases = keyphrases::extract(doc, 8);
    let figures = figures::find(doc);
    Analysis {
        sections,
        keyphrases,
        quotes: quotes::find(doc),
        series: series::find(&figures),
        figures,
    }
}
