//! Sentence centrality by TextRank (Mihalcea & Tarau 2004, "TextRank: Bringing Order
//! into Texts", EMNLP): PageRank over a graph whose edge weights are the sentences'
//! normalised word overlap, with a light lead bias for the opening sentences.

use std::collections::HashMap;

/// Damping factor of PageRank (0.85, as in the paper).
const DAMPING: f64 = 0.85;
/// Power iterations at most; stops earlier when scores change by < 1e-6.
const ITERATIONS: usize = 50;
/// Largest graph ranked exactly; longer sections are ranked in windows of this many
/// sentences so the cost stays linear in the article's length.
pub const MAX_GRAPH: usize = 200;

/// Scores each sentence (given as its content terms); the scores sum to 1 per window.
///
/// Similarity (Mihalcea & Tarau, eq. 3): `|Si ∩ Sj| / (ln|Si| + ln|Sj|)`, 0 when
/// either sentence has fewer than two terms' worth of log length.
pub fn textrank(sentences: &[Vec<String>]) -> Vec<f64> {
    let mut out = Vec::with_capacity(sentences.len());
    for window in sentences.chunks(MAX_GRAPH) {
        out.extend(rank_window(window));
    }
    out
}

fn rank_window(sentences: &[Vec<String>]) -> Vec<f64> {
    let n = sentences.len();
    if n == 0 {
        return Vec::new();
    }
    let sets: Vec<HashMap<&str, ()>> = sentences
        .iter()
        .map(|s| s.iter().map(|w| (w.as_str(), ())).collect())
        .collect();
    let mut w = vec![0.0f64; n * n];
    for i in 0..n {
        for j in (i + 1)..n {
            let overlap = sets[i].keys().filter(|k| sets[j].contains_key(*k)).count() as f64;
            if overlap == 0.0 {
                continue;
            }
            let denom = (sets[i].len() as f64).ln() + (sets[j].len() as f64).ln();
            let sim = if denom > 0.0 {
                overlap / denom
            } else {
                overlap
            };
            w[i * n + j] = sim;
            w[j * n + i] = sim;
        }
    }
    let out_sum: Vec<f64> = (0..n).map(|i| w[i * n..(i + 1) * n].iter().sum()).collect();
    // Personalisation: mild preference for the first sentences (lead bias).
    let prior: Vec<f64> = (0..n).map(|i| 1.0 / (1.0 + i as f64).sqrt()).collect();
    let prior_sum: f64 = prior.iter().sum();
    let prior: Vec<f64> = prior.iter().map(|p| p / prior_sum).collect();
    let mut score = vec![1.0 / n as f64; n];
    for _ in 0..ITERATIONS {
        let mut next = vec![0.0; n];
        for (i, nx) in next.iter_mut().enumerate() {
            let mut acc = 0.0;
            for j in 0..n {
                let wji = w[j * n + i];
                if wji > 0.0 {
                    acc += wji / out_sum[j] * score[j];
                }
            }
            *nx = (1.0 - DAMPING) * prior[i] + DAMPING * acc;
        }
        // Dangling sentences (no overlap with any other) spread by the prior.
        let lost: f64 = (0..n)
            .filter(|&j| out_sum[j] == 0.0)
            .map(|j| score[j])
            .sum();
        for (i, nx) in next.iter_mut().enumerate() {
            *nx += DAMPING * lost * prior[i];
        }
        let delta: f64 = next.iter().zip(&score).map(|(a, b)| (a - b).abs()).sum();
        score = next;
        if delta < 1e-6 {
            break;
        }
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(words: &str) -> Vec<String> {
        words.split(' ').map(String::from).collect()
    }

    #[test]
    fn central_sentence_ranks_first() {
        let sents = vec![
            s("rust compiler speed"),
            s("garden flowers bloom"),
            s("rust compiler errors"),
            s("compiler speed errors rust"),
        ];
        let r = textrank(&sents);
        let best = (0..r.len()).max_by(|&a, &b| r[a].total_cmp(&r[b])).unwrap();
        assert_eq!(best, 3);
        assert!((r.iter().sum::<f64>() - 1.0).abs() < 1e-6);
        assert!(r[1] < r[0]);
    }
}
