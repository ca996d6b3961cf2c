//! `distill batch`: every article of a folder converted into an output folder, one line
//! per failure, a summary line, exit 1 when any failed.

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn batch(input: &Path, out: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_distill"))
        .arg("batch")
        .arg(input)
        .arg("-o")
        .arg(out)
        .args(extra)
        .output()
        .expect("run distill")
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

const PROSE: &str = "The council met on Tuesday to discuss the new bridge. Engineers said \
    the old span was no longer safe. Residents asked how long the crossing would close.\n";

#[test]
fn a_folder_with_a_bad_file_converts_the_rest_and_fails() {
    let root = tempfile::tempdir().unwrap();
    let input = root.path().join("articles");
    let w = |name: &str, bytes: &[u8]| {
        let p = input.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    };
    w("good.md", format!("# Good\n\n{PROSE}").as_bytes());
    w("plain.txt", PROSE.as_bytes());
    w("empty.txt", b"");
    w("picture.png", b"\x89PNG\r\n\x1a\n");
    w(".hidden.md", PROSE.as_bytes());
    // A folder article: one article file beside its pictures.
    w(
        "folder-article/index.md",
        format!("# Folder\n\n{PROSE}").as_bytes(),
    );
    w("folder-article/pic.png", b"\x89PNG\r\n\x1a\n");
    // A folder with two article files is ambiguous.
    w("two/a.md", PROSE.as_bytes());
    w("two/b.md", PROSE.as_bytes());
    // Two articles with the same stem get distinct outputs.
    w("same.md", format!("# Same md\n\n{PROSE}").as_bytes());
    w("same.txt", PROSE.as_bytes());
    let out = root.path().join("decks");

    let o = batch(&input, &out, &["--jobs", "2"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let failures: Vec<&str> = err.lines().filter(|l| l.contains("failed: ")).collect();
    assert_eq!(failures.len(), 2, "{err}");
    assert!(
        failures
            .iter()
            .any(|l| l.contains("empty.txt") && l.contains("the file is empty")),
        "{err}"
    );
    assert!(
        failures
            .iter()
            .any(|l| l.contains("two") && l.contains("2 article files")),
        "{err}"
    );
    let summary = err.lines().last().unwrap();
    assert!(
        summary.starts_with("converted 5 of 7 articles into")
            && summary.contains("(2 failed, 1 other files skipped)"),
        "{summary}"
    );
    assert_eq!(
        names(&out),
        [
            "folder-article.pdf",
            "good.pdf",
            "plain.pdf",
            "same.md.pdf",
            "same.txt.pdf"
        ]
    );
    for n in names(&out) {
        let bytes = std::fs::read(out.join(&n)).unwrap();
        assert!(bytes.starts_with(b"%PDF-"), "{n}");
    }
    // The folder article's title comes from its own file.
    assert!(common::pdf_text(&out.join("folder-article.pdf")).contains("Folder"));

    // JSON output of a clean folder: exit 0.
    std::fs::remove_file(input.join("empty.txt")).unwrap();
    std::fs::remove_dir_all(input.join("two")).unwrap();
    let json_out = root.path().join("json");
    let o = batch(&input, &json_out, &["--format", "json"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    for n in names(&json_out) {
        assert!(n.ends_with(".json"), "{n}");
        let text = std::fs::read_to_string(json_out.join(&n)).unwrap();
        assert!(distill::Deck::from_json(&text).is_ok(), "{n}");
    }
    assert_eq!(names(&json_out).len(), 5);
}

#[test]
fn batch_errors_name_the_folder() {
    let root = tempfile::tempdir().unwrap();
    let o = batch(&root.path().join("nope"), &root.path().join("out"), &[]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err.contains("nope") && err.contains("no such file"),
        "{err}"
    );
    let file = root.path().join("a.md");
    std::fs::write(&file, PROSE).unwrap();
    let o = batch(&file, &root.path().join("out"), &[]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err.contains("a.md") && err.contains("is a file, not a folder"),
        "{err}"
    );
}

/// Every file of `../shared/samples` in one command; folder samples (an article with
/// its pictures) are one article each.
#[test]
fn the_shared_samples_convert_in_one_command() {
    let Some(samples) = common::samples() else {
        return;
    };
    let out = tempfile::tempdir().unwrap();
    let o = batch(&samples, out.path(), &[]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!err.contains("panicked"), "{err}");
    let plan = distill::batch::plan(&samples, out.path(), "pdf").unwrap();
    let failures = err.lines().filter(|l| l.contains("failed: ")).count();
    assert_eq!(o.status.code(), Some(i32::from(failures > 0)), "{err}");
    assert_eq!(names(out.path()).len() + failures, plan.jobs.len(), "{err}");
    assert!(plan.jobs.len() >= 18, "{:?}", plan.jobs);
    assert!(
        out.path().join("en-md-rust-new-look-website.pdf").is_file(),
        "folder sample converted: {err}"
    );
    assert!(
        err.lines().last().unwrap().starts_with("converted "),
        "{err}"
    );
}
