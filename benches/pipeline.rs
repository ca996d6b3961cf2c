//! Criterion benchmarks of the conversion pipeline, stage by stage and whole, on the seed
//! sample, and of the ranking (summary) stage on CNN/DM-sized news articles.
//!
//! Run with `cargo bench --bench pipeline` (figures in `BENCHMARKS.md`). Inputs come from
//! `../shared` beside the repo; when it is absent every benchmark is skipped with a message.
//! The jieba dictionary and the bundled fonts load once per process (`OnceLock`), so the
//! per-iteration figures exclude them; `startup/*` measures those one-time costs.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion};

use distill::{analyse, deck, document, export, import, layout, Options};

/// `../shared` beside the repo, or `None` after printing why the benchmarks are skipped.
fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipping benchmarks: ../shared (samples and eval data) is absent");
        None
    }
}

/// One-time costs of a process: the jieba dictionary and the bundled fonts.
fn startup(c: &mut Criterion) {
    let mut g = c.benchmark_group("startup");
    g.sample_size(10);
    // What a Chinese conversion used to load whole (now only the text's entries load).
    g.bench_function("jieba_full_dictionary", |b| b.iter(jieba_rs::Jieba::new));
    g.finish();
    // Warm the shared instances for the stage benchmarks below.
    jieba_rs::Jieba::empty().tag("蒸馏器", true); // jieba-rs's part-of-speech model
    layout::fonts::FontSet::bundled();
}

/// The seed sample converted stage by stage (each stage timed on the previous stage's
/// output) and whole (file → PDF bytes, no file written).
fn seed(c: &mut Criterion) {
    let Some(shared) = shared() else { return };
    let path = shared.join("samples/zh-webcopy-openai-talent.txt");
    let opts = Options::default();
    let fonts = layout::fonts::FontSet::bundled();

    let source = import::read_source(&path).expect("seed sample reads");
    let doc = document::parse(&source).expect("seed sample parses");
    let analysis = analyse::analyse(&doc, &source.text);
    let planned = deck::plan::plan(&doc, &analysis, &source, &opts);
    let laid = layout::layout_deck(&planned, fonts, &opts.layout);

    let mut g = c.benchmark_group("seed");
    g.bench_function("1_import", |b| {
        b.iter(|| import::read_source(black_box(&path)).unwrap())
    });
    g.bench_function("2_document", |b| {
        b.iter(|| document::parse(black_box(&source)).unwrap())
    });
    g.bench_function("3_analyse", |b| {
        b.iter(|| analyse::analyse(black_box(&doc), &source.text))
    });
    g.bench_function("4_deck_plan", |b| {
        b.iter(|| deck::plan::plan(black_box(&doc), &analysis, &source, &opts))
    });
    g.bench_function("5_layout", |b| {
        b.iter(|| layout::layout_deck(black_box(&planned), fonts, &opts.layout))
    });
    g.bench_function("6_pdf_export", |b| {
        b.iter(|| export::pdf::write_pdf(black_box(&laid.frames), &planned.meta, fonts, &[]))
    });
    g.bench_function("whole", |b| {
        b.iter(|| {
            let d = distill::deck_from_path(black_box(&path), &opts).unwrap();
            distill::render_pdf(&d, &opts).0
        })
    });
    g.finish();
}

/// Documents of the first `n` articles of a `.jsonl` eval set (`article` field), parsed
/// as plain text the way `distill summarize` parses a `.txt` file.
fn articles(jsonl: &Path, n: usize) -> Vec<document::Document> {
    let text = std::fs::read_to_string(jsonl).expect("eval set reads");
    let dir = tempfile::tempdir().expect("temp dir");
    text.lines()
        .take(n)
        .enumerate()
        .map(|(i, line)| {
            let v: serde_json::Value = serde_json::from_str(line).expect("jsonl line");
            let file = dir.path().join(format!("article-{i}.txt"));
            std::fs::write(&file, v["article"].as_str().expect("article text")).unwrap();
            let source = import::read_source(&file).expect("article reads");
            document::parse(&source).expect("article parses")
        })
        .collect()
}

/// The whole-article ranking (`distill summarize -k 3`: candidates, TF-IDF, PacSum,
/// SumBasic, MMR) on CNN/DM articles; the figure is for all of them, so divide by the
/// count printed in the benchmark name. Goal: ≤ 5 ms per article.
fn ranking(c: &mut Criterion) {
    let Some(shared) = shared() else { return };
    let set = shared.join("eval-data/en_cnndm_test250.dev.jsonl");
    if !set.is_file() {
        eprintln!("skipping ranking benchmark: {} is absent", set.display());
        return;
    }
    let docs = articles(&set, 10);
    let name = format!("summarize_k3_{}_cnndm_articles", docs.len());
    let mut g = c.benchmark_group("ranking");
    g.bench_function(&name, |b| {
        b.iter(|| {
            for d in &docs {
                black_box(analyse::summary::summarize(black_box(d), 3));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, startup, seed, ranking);
criterion_main!(benches);
