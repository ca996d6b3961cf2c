//! The CLI's answers to bad input and bad output paths: exit 1, one line naming the
//! file and the problem, no panic, and no output file left behind.

mod common;

use common::*;
use std::path::Path;

fn expect_error(input: &Path, out: &Path, needle: &str) {
    let o = distill(&io_args("convert", input, out, &[]));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "stderr: {err}");
    assert_eq!(err.lines().count(), 1, "one line expected: {err}");
    assert!(!err.contains("panicked"));
    assert!(
        err.contains(&*input.display().to_string()) || err.contains(&*out.display().to_string()),
        "{err}"
    );
    assert!(err.contains(needle), "expected {needle:?} in {err}");
}

// Bad input files (empty, blank, binary, a folder, boilerplate only …) are in the
// bad-input matrix, tests/bad_input.rs.

#[test]
fn output_paths_are_checked_and_writes_are_atomic() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.md");
    std::fs::write(&input, "# T\n\nOne sentence here. Another one there.\n").unwrap();
    let before = std::fs::read(&input).unwrap();

    expect_error(&input, &input, "output path is the input");
    assert_eq!(std::fs::read(&input).unwrap(), before, "input untouched");

    let missing = dir.path().join("no/such/dir/out.pdf");
    expect_error(&input, &missing, "does not exist");
    expect_error(
        &input,
        &dir.path().join("out.docx"),
        "unknown output format",
    );

    // A successful write leaves exactly the output, no temp files.
    let out = dir.path().join("out.pdf");
    convert(&input, &out);
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

/// `distill inspect … | head` must not panic when the reader closes the pipe early.
#[test]
fn closed_stdout_pipe_is_not_a_panic() {
    let input = repo_samples().join("zh-webcopy-night-market.txt");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_distill"))
        .args(["inspect", "--verbose"])
        .arg(&input)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(o.status.code(), Some(0));
}

/// A new output is readable by others (0644), not private like the temporary file;
/// a replaced output keeps the permissions it had.
#[cfg(unix)]
#[test]
fn outputs_get_ordinary_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.md");
    std::fs::write(&input, "# T\n\nOne sentence here. Another one there.\n").unwrap();
    let out = dir.path().join("out.pdf");
    convert(&input, &out);
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&out), 0o644);
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o640)).unwrap();
    convert(&input, &out);
    assert_eq!(mode(&out), 0o640);
}

/// Found by a fresh user: a theme with no room for text must be refused, not loop; a
/// file of zero-width spaces is not an article; an empty deck is not a deck; SVG output
/// replaces an earlier, longer deck's slides.
#[test]
fn fresh_user_findings() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.md");
    std::fs::write(&input, "# T\n\nOne sentence here. Another one there.\n").unwrap();
    let out = dir.path().join("out.pdf");
    let light = include_str!("../assets/themes/light.json");
    for (i, bad) in [
        light.replace("\"margin\": 56", "\"margin\": 5000"),
        light.replace("\"body_size\": [24, 16]", "\"body_size\": [400, 300]"),
        light.replace("\"body\": \"#2B3440\"", "\"body\": \"#FBFBF9\""),
    ]
    .iter()
    .enumerate()
    {
        let theme = dir.path().join(format!("t{i}.json"));
        std::fs::write(&theme, bad).unwrap();
        let started = std::time::Instant::now();
        let o = distill(&[
            "convert".as_ref(),
            input.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
            "--theme".as_ref(),
            theme.as_os_str(),
        ]);
        assert_eq!(o.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&o.stderr).contains("not a valid theme"));
        assert!(started.elapsed() < std::time::Duration::from_secs(20));
        assert!(!out.exists());
    }

    let zw = dir.path().join("zw.txt");
    std::fs::write(&zw, "\u{200B}".repeat(500)).unwrap();
    expect_error(&zw, &out, "no article text");

    let deck = dir.path().join("deck.json");
    std::fs::write(&deck, r#"{"version":1,"meta":{"title":"x"},"slides":[]}"#).unwrap();
    expect_error(&deck, &out, "no slides");

    let svg = dir.path().join("svg");
    let long = dir.path().join("long.md");
    std::fs::write(&long, "# T\n\n## A\n\nOne. Two. Three.\n\n## B\n\nFour. Five. Six.\n\n## C\n\nSeven. Eight. Nine.\n").unwrap();
    for (src, _) in [(&long, 0), (&input, 1)] {
        let o = distill(&[
            "convert".as_ref(),
            src.as_os_str(),
            "-o".as_ref(),
            svg.as_os_str(),
            "--format".as_ref(),
            "svg".as_ref(),
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let svgs = std::fs::read_dir(&svg).unwrap().count();
    let json = dir.path().join("short.json");
    convert(&input, &json);
    let pdf = dir.path().join("short.pdf");
    convert(&input, &pdf);
    assert_eq!(
        svgs,
        pdf_pages(&pdf),
        "stale slides from the longer deck remain"
    );
}
