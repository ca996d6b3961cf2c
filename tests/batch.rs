//! `distill batch`: every article of a folder converted into an output folder, one line
//! per failure, a summary line, exit 1 when any failed.

mod common;

use std::path::Path;
use std::process::Output;

fn batch(input: &Path, out: &Path, extra: &[&str]) -> Output {
    common::distill(&common::io_args("batch", input, out, extra))
}

/// Asserts the last stderr line: "converted C of T articles into … (F failed, S other
/// files skipped)".
fn assert_summary(err: &str, (converted, total): (usize, usize), failed: usize, skipped: usize) {
    let summary = err.lines().last().unwrap_or_default();
    assert!(
        summary.starts_with(&format!("converted {converted} of {total} articles into"))
            && summary.contains(&format!("({failed} failed, {skipped} other files skipped)")),
        "{summary}"
    );
}

use common::file_names as names;

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
    assert_summary(&err, (5, 7), 2, 1);
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

/// Only Distill decks among a folder's JSON files are loaded: a `package.json` or a data
/// file is skipped with one line each, not reported as a failed deck (it was, before).
#[test]
fn json_files_that_are_not_decks_are_skipped_with_a_line() {
    let root = tempfile::tempdir().unwrap();
    let input = root.path().join("articles");
    let w = |name: &str, bytes: &str| {
        let p = input.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    };
    let deck =
        r#"{"version":1,"meta":{"title":"A talk"},"slides":[{"kind":"title","title":"A talk"}]}"#;
    w("article.md", &format!("# Article\n\n{PROSE}"));
    w("talk.json", deck);
    w("saved.distill.json", deck);
    w(
        "package.json",
        r#"{"name": "site", "version": "1.0.0", "private": true}"#,
    );
    w("data.json", "[1, 2, 3]");
    w(
        "tsconfig.json",
        "{\n  // a comment: not strict JSON\n  \"strict\": true\n}\n",
    );
    // A damaged deck is still a deck: its failure is reported.
    w("broken.json", r#"{"version":1,"slides":[{"kind":"#);
    // A folder article with a data file beside it is one article, not an ambiguous folder.
    w("folder/index.md", &format!("# Folder\n\n{PROSE}"));
    w("folder/chart-data.json", r#"{"values": [1, 2]}"#);
    let out = root.path().join("decks");

    let o = batch(&input, &out, &[]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    let skipped: Vec<&str> = err.lines().filter(|l| l.contains("skipped: ")).collect();
    assert_eq!(skipped.len(), 3, "{err}");
    for name in ["data.json", "package.json", "tsconfig.json"] {
        assert!(
            skipped
                .iter()
                .any(|l| l.contains(name) && l.contains("deck")),
            "{name}: {err}"
        );
    }
    let failures: Vec<&str> = err.lines().filter(|l| l.contains("failed: ")).collect();
    assert_eq!(failures.len(), 1, "{err}");
    assert!(failures[0].contains("broken.json"), "{err}");
    assert_summary(&err, (4, 5), 1, 3);
    assert_eq!(
        names(&out),
        ["article.pdf", "folder.pdf", "saved.pdf", "talk.pdf"]
    );
    let plan = distill::batch::plan(&input, &out, "pdf").unwrap();
    assert_eq!(plan.not_decks.len(), 3);
    assert!(distill::batch::is_deck_file(&input.join("talk.json")).is_ok());
    assert!(distill::batch::is_deck_file(&input.join("package.json")).is_err());
}

#[test]
fn each_articles_warnings_are_printed() {
    let root = tempfile::tempdir().unwrap();
    let input = root.path().join("articles");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("pictures.md"),
        format!("# Pictures\n\n{PROSE}\n![The bridge](gone.png)\n\n{PROSE}"),
    )
    .unwrap();
    std::fs::write(input.join("plain.md"), format!("# Plain\n\n{PROSE}")).unwrap();
    let out = root.path().join("decks");
    let o = batch(&input, &out, &[]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let warnings: Vec<&str> = err.lines().filter(|l| l.contains("warning:")).collect();
    assert_eq!(warnings.len(), 1, "{err}");
    assert!(
        warnings[0].contains("pictures.md")
            && warnings[0].contains("picture gone.png: file not found"),
        "{err}"
    );
    assert_summary(&err, (2, 2), 0, 0);
}
