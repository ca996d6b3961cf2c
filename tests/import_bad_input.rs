//! Bad input through the built CLI: each case exits 1 quickly with one stderr line that
//! names the file and the cause, and never panics.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// Runs `distill inspect path` and checks the error contract; `cause` must appear in the
/// message.
fn expect_inspect_error(path: &Path, cause: &str) {
    let started = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_distill"))
        .arg("inspect")
        .arg(path)
        .output()
        .expect("run distill");
    let elapsed = started.elapsed();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}: stderr {err}",
        path.display()
    );
    assert!(!err.contains("panicked"), "panic: {err}");
    assert_eq!(
        err.trim_end().lines().count(),
        1,
        "one line expected: {err}"
    );
    assert!(
        err.contains(&*path.display().to_string()),
        "message must name the file: {err}"
    );
    assert!(err.contains(cause), "expected {cause:?} in {err}");
    assert!(out.stdout.is_empty(), "nothing on stdout for an error");
    assert!(
        elapsed < Duration::from_secs(10),
        "took {elapsed:?} for {}",
        path.display()
    );
}

#[test]
fn empty_and_blank_files() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.md");
    std::fs::write(&empty, b"").unwrap();
    expect_inspect_error(&empty, "the file is empty");
    let blank = dir.path().join("blank.txt");
    std::fs::write(&blank, b" \n\t\r\n   \n").unwrap();
    expect_inspect_error(&blank, "the file is empty");
}

#[test]
fn png_renamed_md_is_not_text() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("photo.md");
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0".to_vec();
    bytes.extend((0..2000u32).map(|i| (i * 7919 % 256) as u8));
    std::fs::write(&png, bytes).unwrap();
    expect_inspect_error(&png, "not a text document (binary data: a PNG image)");
}

#[test]
fn over_the_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    let line = "A line of ordinary text that repeats until the file is far too large.\n";
    let mut text = String::with_capacity(50 * 1024 * 1024 + line.len());
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(line);
    }
    std::fs::write(&big, &text).unwrap();
    expect_inspect_error(&big, "over the 20971520-byte limit");
}

#[test]
fn directory_and_missing_path() {
    let dir = tempfile::tempdir().unwrap();
    expect_inspect_error(dir.path(), "is a directory");
    expect_inspect_error(&dir.path().join("nope.md"), "no such file");
}

#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked.md");
    std::fs::write(&locked, "# Title\n\nSome text that nobody may read.\n").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&locked).is_ok() {
        eprintln!("skipping unreadable_file: this user (root?) can read a mode-000 file");
        return;
    }
    expect_inspect_error(&locked, "cannot read");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o600)).unwrap();
}

#[test]
fn html_without_article_content() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("chrome.html");
    std::fs::write(
        &page,
        "<!doctype html><html><head><title>Home</title><script>track()</script></head>\
         <body><nav><a href='/'>Home</a> <a href='/about'>About</a></nav>\
         <footer>© 2024 Example</footer></body></html>",
    )
    .unwrap();
    expect_inspect_error(&page, "no article text found");
}

#[test]
fn bytes_in_no_known_encoding() {
    let dir = tempfile::tempdir().unwrap();
    // High bytes only, no whitespace and no structure: no encoding makes text of this.
    let noise: Vec<u8> = (0..8000u32).map(|i| 0x80 + (i * 53 % 128) as u8).collect();
    let path = dir.path().join("noise.txt");
    std::fs::write(&path, noise).unwrap();
    expect_inspect_error(&path, "not a text document");
    // Control bytes throughout: binary data.
    let binary: Vec<u8> = (0..8000u32).map(|i| (i * 37 % 251) as u8).collect();
    let path = dir.path().join("binary.md");
    std::fs::write(&path, binary).unwrap();
    expect_inspect_error(&path, "not a text document (binary data");
}
