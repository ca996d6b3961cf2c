//! Whole-article extractive summary: the K most important sentences, most important first.
//!
//! Method: every sentence of the article's prose blocks is a candidate, cut to its bullet
//! text (leading connective dropped, over-long sentences to their most central clause
//! run; see [`bullets`]). Similarity is the TF-IDF cosine of stemmed content words
//! (LexRank, Erkan & Radev 2004). The article's [`Register`] is read from its text:
//! news-like writing blends PacSum directed centrality (Zheng & Lapata 2019) with a lead
//! prior over the sentence's position; academic prose (citations, Figure/Table
//! references, author "we") has no lead structure and blends undirected centrality with
//! the SumBasic word-probability weight (Nenkova & Vanderwende 2005). Sentences are
//! picked by Maximal Marginal Relevance (Carbonell & Goldstein 1998) so near-duplicates
//! do not fill the summary.

use serde::Serialize;

use super::{bullets, rank, sentences, tokens};
use crate::document::{is_cjk, BlockKind, Document};

/// The K most important sentences of an article (what `distill summarize` prints).
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// Chosen sentences, most important first.
    pub sentences: Vec<SummarySentence>,
}

/// One chosen sentence with where it came from.
#[derive(Debug, Clone, Serialize)]
pub struct SummarySentence {
    /// The bullet text: the sentence or its kept clause run, citations cut out (the
    /// source pieces in `ranges` joined as they are).
    pub text: String,
    /// Index of its section in `Document::sections`.
    pub section: usize,
    /// That section's heading, `None` for an untitled introduction.
    pub heading: Option<String>,
    /// Relevance in [0, 1] before redundancy control (1 = the most relevant sentence of
    /// the article); the order of `sentences` is the MMR pick order.
    pub score: f64,
    /// Byte offset in the decoded source where the sentence starts.
    pub start: usize,
    /// Byte offset in the decoded source where it ends (exclusive).
    pub end: usize,
    /// The source byte ranges the text is made of, in order (more than one when markup
    /// inside the sentence was dropped; empty when the block has no source map).
    #[serde(skip)]
    pub ranges: Vec<(usize, usize)>,
}

/// A candidate sentence: its place in the document and its text.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Section index.
    pub section: usize,
    /// Block index within the section.
    pub block: usize,
    /// Byte range `[start, end)` in the block's text.
    pub start: usize,
    /// End of the byte range (exclusive).
    pub end: usize,
    /// The byte ranges of the block's text that `text` is made of, in order, within
    /// `[start, end)`: one for a whole sentence, more when a bullet had citations cut out
    /// (see [`bullets::pieces`]).
    pub pieces: Vec<(usize, usize)>,
    /// The sentence text (the pieces joined as they are).
    pub text: String,
}

/// Every sentence of the document's paragraphs, quotes and list items, in article order
/// (sentences shorter than 4 characters are skipped).
pub fn candidates(doc: &Document) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (si, section) in doc.sections.iter().enumerate() {
        for (bi, block) in section.blocks.iter().enumerate() {
            if !matches!(
                block.kind,
                BlockKind::Paragraph | BlockKind::Quote | BlockKind::ListItem
            ) {
                continue;
            }
            for (s, e) in sentences::split(&block.text) {
                let text = block.text[s..e].trim();
                if text.chars().count() < 4 {
                    continue;
                }
                out.push(Candidate {
                    section: si,
                    block: bi,
                    start: s,
                    end: e,
                    pieces: vec![(s, e)],
                    text: text.to_string(),
                });
            }
        }
    }
    out
}

/// PacSum edge threshold β (0: keep every positive similarity).
const PACSUM_BETA: f64 = 0.0;
/// PacSum weight of edges to earlier sentences (negative: repeating earlier text costs).
const PACSUM_BACK: f64 = -0.5;
/// PacSum weight of edges to later sentences.
const PACSUM_FWD: f64 = 1.0;
/// Share of the lead prior `1 / (1 + position)` in a news sentence's relevance (the
/// rest is PacSum centrality).
const LEAD_SHARE: f64 = 0.4;
/// MMR trade-off between relevance (1.0) and novelty (0.0) for news.
const MMR_LAMBDA: f64 = 0.8;
/// Share of SumBasic for academic prose (the rest is undirected centrality).
const ACADEMIC_SUMBASIC_SHARE: f64 = 0.4;
/// MMR trade-off for academic prose: its sections restate points, so novelty counts more.
const ACADEMIC_MMR_LAMBDA: f64 = 0.5;
/// Score (share of sentences with scholarly apparatus + half the share in author voice)
/// from which a text is read as academic prose (see [`register`]).
const ACADEMIC_SHARE: f64 = 0.15;

/// How an article is organised, read from its text (see [`register`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Register {
    /// News and most web writing: the key facts come first (inverted pyramid), so the
    /// lead sentences and PacSum's forward-looking centrality matter.
    News,
    /// Scholarly prose (paper sections): no lead structure; the key sentences are the
    /// ones central to the whole text and dense in its frequent terms.
    Academic,
}

/// Reads the register of a text from its sentences: academic when the share of
/// sentences with a citation ("Smith et al.", "(Lee, 2019)", "[12]") or a
/// Figure/Table/Section/Equation reference, plus half the share with first-person plural
/// author voice ("we", "our", 我们/本文) outside quotation marks, reaches
/// [`ACADEMIC_SHARE`]. Author voice alone is weak evidence (news quotes people and
/// speaks of "our planet"); apparatus is strong.
pub fn register(sentences: &[&str]) -> Register {
    if sentences.is_empty() {
        return Register::News;
    }
    let (mut apparatus, mut voice) = (0usize, 0usize);
    for s in sentences {
        let (a, v) = scholarly(s);
        apparatus += usize::from(a);
        voice += usize::from(v);
    }
    let score = (apparatus as f64 + 0.5 * voice as f64) / sentences.len() as f64;
    if score >= ACADEMIC_SHARE {
        Register::Academic
    } else {
        Register::News
    }
}

/// (scholarly apparatus?, author voice?) of one sentence, quoted speech left out.
fn scholarly(sentence: &str) -> (bool, bool) {
    static APPARATUS: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    static VOICE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let apparatus = APPARATUS.get_or_init(|| {
        regex::Regex::new(concat!(
            r"\bet al\.",
            r"|\([A-Z][^()]{0,80}?\b(?:19|20)\d{2}[a-z]?\s*\)",
            r"|\[\d+(?:\s*[,–-]\s*\d+)*\]",
            r"|\b(?:Figure|Fig\.|Table|Section|Eq\.|Equation|Algorithm)\s*\d",
            r"|图\s*\d|表\s*\d",
        ))
        .expect("regex")
    });
    let voice = VOICE
        .get_or_init(|| regex::Regex::new(r"\b(?:[Ww]e|[Oo]ur|[Uu]s)\b|我们|本文").expect("regex"));
    // Quoted speech is someone else's voice, not the author's.
    let mut outside = String::with_capacity(sentence.len());
    let mut depth = 0i32;
    let mut straight = false;
    for c in sentence.chars() {
        match c {
            '“' | '「' | '‘' => depth += 1,
            '”' | '」' | '’' => depth = (depth - 1).max(0),
            '"' => straight = !straight,
            _ if depth == 0 && !straight => outside.push(c),
            _ => {}
        }
    }
    (apparatus.is_match(&outside), voice.is_match(&outside))
}

/// Largest article (in candidate sentences) whose PacSum graph is built whole. Longer
/// articles are ranked in consecutive windows of at most this many sentences, so time
/// and memory grow linearly with the article (a dense graph of a 1 MB article's ~10,000
/// sentences would need 800 MB), and MMR picks among the [`MMR_POOL`] most relevant.
pub const MAX_SUMMARY_GRAPH: usize = 400;
/// Candidates MMR chooses among when the article has more than [`MAX_SUMMARY_GRAPH`].
pub const MMR_POOL: usize = 200;

/// Importance of each candidate in [0, 1] and its TF-IDF vector (see
/// [`rank::tfidf_vectors`]; the dot product of two is their cosine similarity).
///
/// News: relevance = 0.6 · PacSum directed centrality + 0.4 · lead prior `1 / (1 + i)`
/// (i = the sentence's position in the article). Academic: 0.6 · undirected degree
/// centrality + 0.4 · SumBasic weight (no lead prior). Each term min-max scaled.
/// Centrality is computed over the whole article up to [`MAX_SUMMARY_GRAPH`] sentences,
/// beyond that within near-equal windows of consecutive sentences.
pub fn importance(cands: &[Candidate], register: Register) -> (Vec<f64>, Vec<rank::SparseVec>) {
    let n = cands.len();
    if n == 0 {
        return (Vec::new(), Vec::new());
    }
    let terms: Vec<Vec<String>> = cands
        .iter()
        .map(|c| tokens::stemmed_terms(&c.text))
        .collect();
    let vectors = rank::tfidf_vectors(&terms);
    let (back, fwd) = match register {
        Register::News => (PACSUM_BACK, PACSUM_FWD),
        Register::Academic => (1.0, 1.0),
    };
    let windows = n.div_ceil(MAX_SUMMARY_GRAPH);
    let mut central = Vec::with_capacity(n);
    for w in 0..windows {
        let (a, b) = (w * n / windows, (w + 1) * n / windows);
        let sim = rank::similarity_matrix(&vectors[a..b]);
        central.extend(rank::pacsum(&sim, b - a, PACSUM_BETA, back, fwd));
    }
    let central = min_max(&central);
    let rel: Vec<f64> = match register {
        Register::News => central
            .iter()
            .enumerate()
            .map(|(i, c)| (1.0 - LEAD_SHARE) * c + LEAD_SHARE / (1.0 + i as f64))
            .collect(),
        Register::Academic => {
            let basic = min_max(&sum_basic(&terms));
            let sb = ACADEMIC_SUMBASIC_SHARE;
            central
                .iter()
                .zip(&basic)
                .map(|(c, b)| (1.0 - sb) * c + sb * b)
                .collect()
        }
    };
    (min_max(&rel), vectors)
}

/// Article-level weight of each stemmed term: its count in the article times
/// `ln(1 + N / df)` over the N sentences (the TF-IDF centroid of LexRank's vectors).
pub fn term_weights(cands: &[Candidate]) -> std::collections::HashMap<String, f64> {
    let mut tf: std::collections::HashMap<String, (f64, usize)> = Default::default();
    for c in cands {
        let terms = tokens::stemmed_terms(&c.text);
        let mut seen: Vec<&str> = Vec::new();
        for t in &terms {
            let e = tf.entry(t.clone()).or_insert((0.0, 0));
            e.0 += 1.0;
            if !seen.contains(&t.as_str()) {
                e.1 += 1;
                seen.push(t);
            }
        }
    }
    let n = cands.len().max(1) as f64;
    tf.into_iter()
        .map(|(t, (count, df))| (t, count * (1.0 + n / df.max(1) as f64).ln()))
        .collect()
}

/// The candidates (whole sentences, as [`candidates`] gives them) cut to their bullet
/// text (see [`bullets::pieces`]): same places, text and byte ranges narrowed to the kept
/// clause run with citations cut out.
pub fn as_bullets(cands: &[Candidate]) -> Vec<Candidate> {
    let weights = term_weights(cands);
    let weight = |t: &str| weights.get(t).copied().unwrap_or(0.0);
    cands
        .iter()
        .map(|c| {
            // `c.text` is exactly the block slice `[c.start, c.end)`.
            let pieces: Vec<(usize, usize)> = bullets::pieces(&c.text, &weight)
                .into_iter()
                .map(|(s, e)| (c.start + s, c.start + e))
                .collect();
            let text = pieces
                .iter()
                .map(|&(s, e)| &c.text[s - c.start..e - c.start])
                .collect();
            Candidate {
                section: c.section,
                block: c.block,
                start: pieces.first().map_or(c.start, |p| p.0),
                end: pieces.last().map_or(c.end, |p| p.1),
                pieces,
                text,
            }
        })
        .collect()
}

/// Whether a sentence is mostly apparatus rather than prose — a formula, a table row, a
/// run of numbers or symbols, a URL: fewer than half of its whitespace-separated tokens
/// are words (two or more letters, inner hyphens and apostrophes allowed, surrounding
/// punctuation ignored; a token with CJK characters is a word).
pub fn is_apparatus(sentence: &str) -> bool {
    let (mut tokens, mut words) = (0usize, 0usize);
    for t in sentence.split_whitespace() {
        tokens += 1;
        let core = t.trim_matches(|c: char| !c.is_alphanumeric());
        let letters = core.chars().filter(|c| c.is_alphabetic()).count();
        let wordlike = core.chars().any(is_cjk)
            || letters >= 2
                && core
                    .chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'));
        words += usize::from(wordlike);
    }
    2 * words < tokens
}

/// SumBasic's sentence weight (Nenkova & Vanderwende 2005): the mean document
/// probability of the sentence's terms, so short sentences dense in the article's
/// frequent words score high.
fn sum_basic(terms: &[Vec<String>]) -> Vec<f64> {
    let mut freq: std::collections::HashMap<&str, f64> = std::collections::HashMap::new();
    let mut total = 0.0;
    for t in terms.iter().flatten() {
        *freq.entry(t.as_str()).or_insert(0.0) += 1.0;
        total += 1.0;
    }
    terms
        .iter()
        .map(|ts| {
            if ts.is_empty() {
                return 0.0;
            }
            ts.iter().map(|t| freq[t.as_str()] / total).sum::<f64>() / ts.len() as f64
        })
        .collect()
}

fn min_max(v: &[f64]) -> Vec<f64> {
    let lo = v.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if hi.partial_cmp(&lo) != Some(std::cmp::Ordering::Greater) {
        return vec![1.0; v.len()];
    }
    v.iter().map(|x| (x - lo) / (hi - lo)).collect()
}

/// The `k` most important sentences of `doc`, most important first, each cut to its
/// bullet text (see [`as_bullets`]), with byte offsets in the decoded source the
/// document was parsed from. Fewer when the article is shorter. The method follows the
/// article's [`Register`].
pub fn summarize(doc: &Document, k: usize) -> Summary {
    let mut full = candidates(doc);
    let texts: Vec<&str> = full.iter().map(|c| c.text.as_str()).collect();
    let register = register(&texts);
    // Academic text carries formulas, table rows and URLs as "sentences"; they are no
    // candidates (unless nothing else is left).
    if register == Register::Academic && full.iter().any(|c| !is_apparatus(&c.text)) {
        full.retain(|c| !is_apparatus(&c.text));
    }
    let cands = as_bullets(&full);
    let (rel, vectors) = importance(&cands, register);
    let lambda = match register {
        Register::News => MMR_LAMBDA,
        Register::Academic => ACADEMIC_MMR_LAMBDA,
    };
    // MMR over every candidate, or over the most relevant ones of a long article (its
    // similarity matrix is quadratic in the pool).
    let mut pool: Vec<usize> = (0..cands.len()).collect();
    if pool.len() > MAX_SUMMARY_GRAPH {
        pool.sort_by(|&a, &b| rel[b].total_cmp(&rel[a]).then(a.cmp(&b)));
        pool.truncate(MMR_POOL);
        pool.sort_unstable();
    }
    let pool_vectors: Vec<rank::SparseVec> = pool.iter().map(|&i| vectors[i].clone()).collect();
    let pool_rel: Vec<f64> = pool.iter().map(|&i| rel[i]).collect();
    let sim = rank::similarity_matrix(&pool_vectors);
    let picked = rank::mmr(&pool_rel, &sim, k, lambda)
        .into_iter()
        .map(|p| pool[p]);
    let sentences = picked
        .map(|i| {
            let c = &cands[i];
            let block = &doc.sections[c.section].blocks[c.block];
            let ranges = block.source_ranges_of(&c.pieces);
            let (start, end) = match (ranges.first(), ranges.last()) {
                (Some(a), Some(b)) => (a.0, b.1),
                _ => (0, 0),
            };
            SummarySentence {
                text: c.text.clone(),
                section: c.section,
                heading: doc.sections[c.section].heading.clone(),
                score: rel[i],
                start,
                end,
                ranges,
            }
        })
        .collect();
    Summary { sentences }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn register_is_read_from_scholarly_apparatus() {
        assert_eq!(
            scholarly("Smith et al. (2019) train a network."),
            (true, false)
        );
        assert_eq!(scholarly("As shown in Table 2, we win."), (true, true));
        assert_eq!(scholarly("We propose a new parser."), (false, true));
        assert_eq!(scholarly("本文提出了一种新方法。"), (false, true));
        assert_eq!(
            scholarly("The minister said \"we will win\" on Tuesday."),
            (false, false)
        );
        assert_eq!(scholarly("他说：“我们会赢。”"), (false, false));
        let paper = [
            "We train a parser.",
            "It is fast.",
            "Results in Table 1 are good.",
        ];
        assert_eq!(register(&paper), Register::Academic);
        let news = [
            "The storm hit the coast on Monday.",
            "Officials said \"we are ready\".",
            "It could reach our town.",
            "Thousands were evacuated.",
        ];
        assert_eq!(register(&news), Register::News);
    }

    use crate::import::{Format, Source};

    fn doc(text: String) -> Document {
        let source = Source {
            text,
            format: Format::Text,
            path: "long.txt".into(),
            encoding: "UTF-8",
        };
        crate::document::parse(&source).unwrap()
    }

    #[test]
    fn formulas_and_table_rows_are_apparatus() {
        for t in [
            "d = L ∑ i=1 β i s i .",
            "W h M , W e M and b M are parameters.",
            "30.000 S1 43.500 S2 53.750",
            "https://example.org/a/b/c",
        ] {
            assert!(is_apparatus(t), "{t}");
        }
        for t in [
            "We train a bi-directional encoder on the parser's output.",
            "The loss L(x, y) is the negative log likelihood of the data.",
            "本文提出了一种新方法。",
        ] {
            assert!(!is_apparatus(t), "{t}");
        }
    }

    /// A chosen sentence with a citation cut out has two source ranges whose text, joined,
    /// is the sentence's text; formulas are not chosen in academic text.
    #[test]
    fn summary_sentences_leave_citations_out() {
        let text = "Related Work\n\n\
            We propose a parser for rare words (Lee et al., 2019) that learns from characters. \
            Our parser is trained on characters as in Table 1. \
            y = W x + b . \
            We show the parser helps rare words [3].\n"
            .to_string();
        let d = doc(text.clone());
        let s = summarize(&d, 5);
        let texts: Vec<&str> = s.sentences.iter().map(|x| x.text.as_str()).collect();
        assert!(
            texts.contains(&"We propose a parser for rare words that learns from characters."),
            "{texts:?}"
        );
        assert!(
            texts.contains(&"We show the parser helps rare words."),
            "{texts:?}"
        );
        assert!(!texts.iter().any(|t| t.contains("W x")), "{texts:?}");
        for x in &s.sentences {
            let joined: String = x.ranges.iter().map(|&(a, b)| &text[a..b]).collect();
            assert_eq!(joined, x.text);
            assert_eq!(
                (x.start, x.end),
                (x.ranges[0].0, x.ranges.last().unwrap().1)
            );
        }
        let cited = s
            .sentences
            .iter()
            .find(|x| x.text.starts_with("We propose"));
        assert_eq!(cited.unwrap().ranges.len(), 2);
    }

    /// An article longer than `MAX_SUMMARY_GRAPH` sentences is ranked in windows and its
    /// summary is picked from the `MMR_POOL` most relevant sentences: distinct, in order
    /// of relevance among the pool, each one a candidate of the article.
    #[test]
    fn long_article_is_ranked_in_windows() {
        let topics = [
            "harbour", "railway", "orchard", "glacier", "library", "market",
        ];
        let mut text = String::new();
        for p in 0..150 {
            for s in 0..8 {
                let i = p * 8 + s;
                let t = topics[i % topics.len()];
                text.push_str(&format!(
                    "The {t} report number {i} describes {t} visitors and sample{} details. ",
                    i % 37
                ));
            }
            text.push_str("\n\n");
        }
        let d = doc(text);
        let cands = as_bullets(&candidates(&d));
        assert_eq!(cands.len(), 1200);
        assert!(cands.len() > 2 * MAX_SUMMARY_GRAPH);
        let (rel, vectors) = importance(&cands, Register::News);
        assert_eq!((rel.len(), vectors.len()), (1200, 1200));
        assert!(rel.iter().all(|r| (0.0..=1.0).contains(r)));
        let mut by_rel: Vec<usize> = (0..rel.len()).collect();
        by_rel.sort_by(|&a, &b| rel[b].total_cmp(&rel[a]).then(a.cmp(&b)));
        let pool: Vec<&str> = by_rel[..MMR_POOL]
            .iter()
            .map(|&i| cands[i].text.as_str())
            .collect();
        let s = summarize(&d, 5);
        assert_eq!(s.sentences.len(), 5);
        for (i, a) in s.sentences.iter().enumerate() {
            assert!(
                pool.contains(&a.text.as_str()),
                "{} not in the pool",
                a.text
            );
            assert!(s.sentences[..i].iter().all(|b| b.start != a.start));
        }
        // The lead prior still puts the article's first sentence first.
        assert_eq!(s.sentences[0].text, cands[0].text);
    }
}
