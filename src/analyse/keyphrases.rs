//! Keyphrases of a document: TF-IDF over jieba-rs words for Chinese (jieba's IDF table,
//! via [`lexicon`]), term frequency of content words for Latin-script text.

use jieba_rs::KeywordExtract;
use std::collections::HashMap;

use super::{lexicon, tokens};
use crate::document::{BlockKind, Document};

/// Up to `k` keyphrases of the whole article, most important first.
pub fn extract(doc: &Document, k: usize) -> Vec<String> {
    let text: String = doc
        .sections
        .iter()
        .flat_map(|s| {
            s.heading.iter().cloned().chain(
                s.blocks
                    .iter()
                    .filter(|b| b.kind != BlockKind::Code && b.kind != BlockKind::Table)
                    .map(|b| b.text.clone()),
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    if crate::document::is_cjk_language(&doc.meta.language) {
        chinese(&text, k)
    } else {
        latin(&text, k)
    }
}

fn chinese(text: &str, k: usize) -> Vec<String> {
    let pos = ["n", "nr", "ns", "nt", "nz", "eng", "vn"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    lexicon::tfidf_for(text)
        .extract_keywords(&lexicon::jieba_for(text), text, k, pos)
        .into_iter()
        .map(|kw| kw.keyword)
        .collect()
}

fn latin(text: &str, k: usize) -> Vec<String> {
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    for (i, t) in tokens::terms(text).into_iter().enumerate() {
        if t.chars().count() < 3 || t.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let e = counts.entry(t).or_insert((0, i));
        e.0 += 1;
    }
    let mut v: Vec<(String, (usize, usize))> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.1 .1.cmp(&b.1 .1)));
    v.into_iter().take(k).map(|(t, _)| t).collect()
}
