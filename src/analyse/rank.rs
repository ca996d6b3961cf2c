//! Sentence centrality: TextRank (Mihalcea & Tarau 2004), LexRank (Erkan & Radev 2004),
//! PacSum directed centrality (Zheng & Lapata 2019) and MMR selection (Carbonell &
//! Goldstein 1998).
//!
//! TextRank ("TextRank: Bringing Order into Texts", EMNLP 2004) is PageRank over a graph
//! whose edge weights are the sentences' normalised word overlap, here with a light lead
//! bias for the opening sentences. LexRank ("LexRank: Graph-based Lexical Centrality as
//! Salience in Text Summarization", JAIR 2004) uses TF-IDF cosine similarity instead.
//! PacSum ("Sentence Centrality Revisited for Unsupervised Summarization", ACL 2019)
//! makes the graph directed: an edge to a later sentence counts for a sentence, an edge
//! to an earlier one counts against it, which encodes where news puts its key facts.

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

/// A sparse TF-IDF vector: (term id, weight) sorted by term id, L2-normalised
/// (all zeros when the sentence has no terms).
pub type SparseVec = Vec<(usize, f64)>;

/// TF-IDF vectors of sentences given as their terms, the sentences themselves serving as
/// the documents of the IDF (as in LexRank): `idf(t) = ln(1 + N / df(t))`, `tf` raw counts.
/// Each vector is L2-normalised so a dot product is the cosine similarity.
pub fn tfidf_vectors(sentences: &[Vec<String>]) -> Vec<SparseVec> {
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let mut df: Vec<usize> = Vec::new();
    let mut counts: Vec<HashMap<usize, f64>> = Vec::with_capacity(sentences.len());
    for s in sentences {
        let mut c: HashMap<usize, f64> = HashMap::new();
        for w in s {
            let next = ids.len();
            let id = *ids.entry(w.as_str()).or_insert(next);
            if id == df.len() {
                df.push(0);
            }
            *c.entry(id).or_insert(0.0) += 1.0;
        }
        for &id in c.keys() {
            df[id] += 1;
        }
        counts.push(c);
    }
    let n = sentences.len().max(1) as f64;
    counts
        .into_iter()
        .map(|c| {
            let mut v: SparseVec = c
                .into_iter()
                .map(|(id, tf)| (id, tf * (1.0 + n / df[id] as f64).ln()))
                .collect();
            v.sort_by_key(|&(id, _)| id);
            let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
            if norm > 0.0 {
                for (_, w) in &mut v {
                    *w /= norm;
                }
            }
            v
        })
        .collect()
}

/// Dot product of two sorted sparse vectors (their cosine when both are normalised).
pub fn dot(a: &SparseVec, b: &SparseVec) -> f64 {
    let (mut i, mut j, mut acc) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                acc += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    acc
}

/// The dense `n × n` cosine similarity matrix (row-major, zero diagonal) of `vectors`.
pub fn similarity_matrix(vectors: &[SparseVec]) -> Vec<f64> {
    let n = vectors.len();
    let mut m = vec![0.0; n * n];
    for i in 0..n {
        for j in (i + 1)..n {
            let s = dot(&vectors[i], &vectors[j]);
            m[i * n + j] = s;
            m[j * n + i] = s;
        }
    }
    m
}

/// Continuous LexRank (Erkan & Radev 2004, §3.3): the stationary distribution of a random
/// walk over the row-normalised similarity matrix `sim` (`n × n`, row-major) with
/// teleportation `1 − DAMPING` spread uniformly. Scores sum to 1.
pub fn lexrank(sim: &[f64], n: usize) -> Vec<f64> {
    if n == 0 {
        return Vec::new();
    }
    let out_sum: Vec<f64> = (0..n)
        .map(|i| sim[i * n..(i + 1) * n].iter().sum())
        .collect();
    let mut score = vec![1.0 / n as f64; n];
    for _ in 0..ITERATIONS {
        let lost: f64 = (0..n)
            .filter(|&j| out_sum[j] <= 0.0)
            .map(|j| score[j])
            .sum();
        let mut next = vec![(1.0 - DAMPING) / n as f64 + DAMPING * lost / n as f64; n];
        for j in 0..n {
            if out_sum[j] <= 0.0 {
                continue;
            }
            let sj = DAMPING * score[j] / out_sum[j];
            for (i, nx) in next.iter_mut().enumerate() {
                *nx += sim[j * n + i] * sj;
            }
        }
        let delta: f64 = next.iter().zip(&score).map(|(a, b)| (a - b).abs()).sum();
        score = next;
        if delta < 1e-7 {
            break;
        }
    }
    score
}

/// PacSum directed centrality (Zheng & Lapata 2019, eq. 6–7) over the similarity matrix
/// `sim` (`n × n`, row-major). Edges are first thresholded,
/// `ẽ = max(e − (min + beta·(max − min)), 0)`, then sentence `i` scores
/// `lambda_back · Σ_{j<i} ẽ_ij + lambda_fwd · Σ_{j>i} ẽ_ij`. With `lambda_back < 0`
/// a sentence gains from resembling what follows it and loses from repeating what came
/// before. Scores are unnormalised (may be negative).
pub fn pacsum(sim: &[f64], n: usize, beta: f64, lambda_back: f64, lambda_fwd: f64) -> Vec<f64> {
    if n < 2 {
        return vec![0.0; n];
    }
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for i in 0..n {
        for j in 0..n {
            if i != j {
                lo = lo.min(sim[i * n + j]);
                hi = hi.max(sim[i * n + j]);
            }
        }
    }
    let cut = lo + beta * (hi - lo);
    (0..n)
        .map(|i| {
            let (mut back, mut fwd) = (0.0, 0.0);
            for j in 0..n {
                let e = (sim[i * n + j] - cut).max(0.0);
                if j < i {
                    back += e;
                } else if j > i {
                    fwd += e;
                }
            }
            lambda_back * back + lambda_fwd * fwd
        })
        .collect()
}

/// Maximal Marginal Relevance selection (Carbonell & Goldstein 1998): repeatedly picks
/// the candidate maximising `lambda · relevance − (1 − lambda) · max sim(to picked)`.
/// `relevance` should be scaled to [0, 1]; `sim` is `n × n` row-major. Returns up to `k`
/// indices in pick order (most important first).
pub fn mmr(relevance: &[f64], sim: &[f64], k: usize, lambda: f64) -> Vec<usize> {
    let n = relevance.len();
    let mut picked: Vec<usize> = Vec::with_capacity(k.min(n));
    let mut max_sim = vec![0.0f64; n];
    let mut used = vec![false; n];
    while picked.len() < k.min(n) {
        let best = (0..n).filter(|&i| !used[i]).max_by(|&a, &b| {
            let fa = lambda * relevance[a] - (1.0 - lambda) * max_sim[a];
            let fb = lambda * relevance[b] - (1.0 - lambda) * max_sim[b];
            fa.total_cmp(&fb).then(b.cmp(&a))
        });
        let Some(best) = best else { break };
        used[best] = true;
        picked.push(best);
        for (i, m) in max_sim.iter_mut().enumerate() {
            *m = m.max(sim[best * n + i]);
        }
    }
    picked
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

    #[test]
    fn lexrank_and_pacsum_prefer_the_central_sentence() {
        let sents = vec![
            s("rust compiler speed"),
            s("garden flowers bloom"),
            s("rust compiler errors"),
            s("compiler speed errors rust"),
        ];
        let v = tfidf_vectors(&sents);
        assert!((dot(&v[3], &v[3]) - 1.0).abs() < 1e-9);
        let sim = similarity_matrix(&v);
        assert_eq!(sim[4], 0.0, "sentences 1 and 0 share no term");
        let lr = lexrank(&sim, 4);
        assert!((lr.iter().sum::<f64>() - 1.0).abs() < 1e-6);
        assert!(lr[3] > lr[0] && lr[0] > lr[1], "{lr:?}");
        // Undirected PacSum is plain degree centrality; a negative backward weight
        // penalises the last sentence for repeating the first ones.
        let undirected = pacsum(&sim, 4, 0.0, 1.0, 1.0);
        assert!(undirected[3] > undirected[1]);
        let directed = pacsum(&sim, 4, 0.0, -1.0, 1.0);
        assert!(directed[0] > directed[3], "{directed:?}");
    }

    #[test]
    fn mmr_skips_a_near_duplicate() {
        // 0 and 1 are the same sentence; 2 is different but less relevant.
        let sim = vec![0.0, 1.0, 0.0, 1.0, 0.0, 0.1, 0.0, 0.1, 0.0];
        assert_eq!(mmr(&[1.0, 0.95, 0.5], &sim, 2, 0.5), vec![0, 2]);
        assert_eq!(mmr(&[1.0, 0.95, 0.5], &sim, 5, 1.0), vec![0, 1, 2]);
    }
}
