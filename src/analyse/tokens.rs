//! Tokens for similarity: Chinese words by jieba-rs, Latin words by UAX #29 word
//! boundaries (unicode-segmentation), lower-cased, stop words removed, optionally stemmed.

use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

use crate::document::is_cjk;

const EN_STOP: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that",
    "these", "those", "he", "she", "they", "we", "you", "i", "his", "her", "their", "our", "your",
    "my", "me", "him", "them", "us", "not", "no", "so", "do", "does", "did", "has", "have", "had",
    "will", "would", "can", "could", "should", "may", "might", "there", "here", "what", "which",
    "who", "whom", "when", "where", "why", "how", "all", "also", "just", "than", "then", "too",
    "very", "more", "most", "some", "such", "into", "about", "over", "after", "before", "out",
    "up", "down", "s", "t", "one",
];

const ZH_STOP: &[&str] = &[
    "的", "了", "是", "在", "和", "也", "有", "就", "都", "而", "及", "与", "着", "或", "一个",
    "没有", "我们", "你们", "他们", "她们", "它们", "自己", "这个", "那个", "这些", "那些", "什么",
    "因为", "所以", "但是", "而且", "如果", "虽然", "可以", "已经", "还是", "这样", "一些", "以及",
    "对于", "其中", "之后", "之前", "以来", "目前", "不是", "就是", "这种",
];

/// Content terms of `text`: lower-cased words without punctuation, numbers-only tokens
/// kept, stop words dropped. Runs of Chinese characters are segmented into words with
/// jieba-rs (UAX #29 alone would split them into single characters).
pub fn terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut run: Option<(usize, usize)> = None;
    for (i, word) in text.unicode_word_indices() {
        if word.chars().all(is_cjk) {
            run = match run {
                Some((s, e)) if e == i => Some((s, i + word.len())),
                Some((s, e)) => {
                    push_chinese(&text[s..e], &mut out);
                    Some((i, i + word.len()))
                }
                None => Some((i, i + word.len())),
            };
            continue;
        }
        if let Some((s, e)) = run.take() {
            push_chinese(&text[s..e], &mut out);
        }
        if word.chars().any(is_cjk) {
            push_chinese(word, &mut out);
            continue;
        }
        let w = word.to_lowercase();
        if EN_STOP.contains(&w.as_str()) {
            continue;
        }
        out.push(w);
    }
    if let Some((s, e)) = run {
        push_chinese(&text[s..e], &mut out);
    }
    out
}

fn push_chinese(run: &str, out: &mut Vec<String>) {
    for w in super::lexicon::jieba_for(run).cut(run, true) {
        let w = w.word.trim();
        if w.is_empty() || ZH_STOP.contains(&w) {
            continue;
        }
        // Single Han characters are mostly function words.
        if w.chars().count() == 1 && w.chars().all(is_cjk) {
            continue;
        }
        out.push(w.to_lowercase());
    }
}

/// The shared English Snowball (Porter 2) stemmer of `rust-stemmers`.
fn stemmer() -> &'static Stemmer {
    static S: OnceLock<Stemmer> = OnceLock::new();
    S.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// Content terms of `text` as [`terms`] gives them, with Latin words reduced to their
/// English Snowball stem (Porter 2, via `rust-stemmers`) so "markets" matches "market".
/// Chinese words are left as jieba cuts them. Used for sentence similarity only.
pub fn stemmed_terms(text: &str) -> Vec<String> {
    let mut out = terms(text);
    for w in &mut out {
        if w.chars().all(|c| c.is_ascii_alphabetic()) {
            *w = stemmer().stem(w).into_owned();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_chinese_terms() {
        assert_eq!(terms("The cat sat on the mat."), vec!["cat", "sat", "mat"]);
        let zh = terms("我们在北京大学学习人工智能");
        assert!(zh.contains(&"北京大学".to_string()), "{zh:?}");
        assert!(!zh.contains(&"我们".to_string()));
        assert_eq!(
            terms("OpenAI 的工作氛围比较轻松,首先公司人少"),
            vec!["openai", "工作", "氛围", "比较", "轻松", "首先", "公司", "人少"]
        );
    }

    #[test]
    fn stems_latin_words_only() {
        assert_eq!(
            stemmed_terms("Markets rallied while investors waited"),
            vec!["market", "ralli", "while", "investor", "wait"]
        );
        assert!(stemmed_terms("北京大学的研究").contains(&"北京大学".to_string()));
    }
}
