//! Bullets are the source's own words: on every sample deck, each bullet (section and
//! takeaway slides) is found verbatim, after whitespace normalisation, at the byte ranges
//! it records (several ranges when citations were cut out); bullets are short where the
//! sentence allows and open with no connective.

mod common;

use std::path::{Path, PathBuf};

use distill::deck::SlideKind;

/// Every article among the shared samples (top level, plus Markdown files one folder down).
fn sample_articles(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            for f in std::fs::read_dir(&p).unwrap().flatten() {
                let f = f.path();
                if f.extension().is_some_and(|x| x == "md") {
                    out.push(f);
                }
            }
        } else if p
            .extension()
            .is_some_and(|x| ["md", "txt", "html"].contains(&x.to_str().unwrap_or("")))
        {
            out.push(p);
        }
    }
    out.sort();
    out
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn every_bullet_is_found_verbatim_at_its_byte_ranges() {
    let Some(samples) = common::samples() else {
        return;
    };
    let articles = sample_articles(&samples);
    assert!(articles.len() >= 10, "{articles:?}");
    let mut checked = 0;
    for path in &articles {
        let source = distill::import::read_source(path).unwrap();
        let Ok(deck) = distill::deck_from_path(path, &distill::Options::default()) else {
            continue;
        };
        for slide in &deck.slides {
            if !matches!(slide.kind, SlideKind::Bullets | SlideKind::Takeaways) {
                continue;
            }
            for item in &slide.items {
                if item.source.is_empty() {
                    continue;
                }
                let mut found = String::new();
                for &(s, e) in &item.source {
                    let piece = source.text.get(s..e).unwrap_or_else(|| {
                        panic!("{}: range {s}..{e} is not in the source", path.display())
                    });
                    found.push_str(piece);
                }
                // A bullet over the item-length limit is cut there and ends with "…"
                // (`Item::bullet`); its kept text is a prefix of its source.
                let limit = distill::limits::MAX_ITEM_CHARS;
                if let Some(kept) = item.text.strip_suffix('…') {
                    if item.text.chars().count() == limit {
                        assert!(
                            squash(&found).starts_with(&squash(kept)),
                            "{}: cut bullet {kept:?} is not a prefix of its source",
                            path.display()
                        );
                        checked += 1;
                        continue;
                    }
                }
                assert_eq!(
                    squash(&found),
                    squash(&item.text),
                    "{}: bullet {:?} does not match its source ranges {:?}",
                    path.display(),
                    item.text,
                    item.source
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 100, "only {checked} bullets checked");
}

/// Bullets with citations cut out are made of several source ranges; each is found
/// verbatim at its ranges (section slides and takeaways of a paper-like article).
#[test]
fn bullets_with_citations_cut_out_trace_back_to_their_ranges() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("paper.md");
    let mut text = String::from("# Rare words\n\n");
    for (i, topic) in ["Models", "Training", "Results"].iter().enumerate() {
        text.push_str(&format!(
            "## {topic}\n\n\
             We build word vectors for rare words (Lee et al., 201{i}) from their characters. \
             Our model composes the characters of a rare word [{i}] into one vector. \
             As Table {i} shows, the composed vectors (see Table {i}) beat plain vectors. \
             We report the scores of the composed vectors on three tasks (Kim, 2016).\n\n"
        ));
    }
    std::fs::write(&path, &text).unwrap();
    let deck = distill::deck_from_path(&path, &distill::Options::default()).unwrap();
    let mut multi = 0;
    for slide in &deck.slides {
        if !matches!(slide.kind, SlideKind::Bullets | SlideKind::Takeaways) {
            continue;
        }
        for item in &slide.items {
            let found: String = item.source.iter().map(|&(s, e)| &text[s..e]).collect();
            assert_eq!(squash(&found), squash(&item.text), "{:?}", item.source);
            assert!(!item.text.contains("et al.") && !item.text.contains('['));
            multi += usize::from(item.source.len() > 1);
        }
    }
    assert!(multi >= 3, "only {multi} bullets with a citation cut out");
}

#[test]
fn seed_bullets_are_short_and_open_without_connectives() {
    let Some(samples) = common::samples() else {
        return;
    };
    let path = samples.join("zh-webcopy-openai-talent.txt");
    let deck = distill::deck_from_path(&path, &distill::Options::default()).unwrap();
    let bullets: Vec<&str> = deck
        .slides
        .iter()
        .filter(|s| s.kind == SlideKind::Bullets)
        .flat_map(|s| s.items.iter().map(|i| i.text.as_str()))
        .collect();
    assert!(bullets.len() >= 8, "{bullets:?}");
    // Most bullets fit the 40-character target (a Latin word counts two); a single
    // clause may run longer.
    let short = bullets
        .iter()
        .filter(|b| distill::analyse::bullets::units(b) <= distill::analyse::bullets::MAX_CJK_CHARS)
        .count();
    assert!(short * 4 >= bullets.len() * 3, "{bullets:?}");
    for b in &bullets {
        for c in ["但是", "然而", "此外，", "实际上，", "不过", "因此"] {
            assert!(!b.starts_with(c), "{b}");
        }
    }
}
