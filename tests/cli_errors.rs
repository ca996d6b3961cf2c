//! The CLI's answers to bad input and bad output paths: exit 1, one line naming the
//! file and the problem, no panic, and no output file left behind.

mod common;

use common::*;
use std::path::Path;

fn expect_error(input: &Path, out: &Path, needle: &str) {
    let o = distill(&[
        "convert".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
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

#[test]
fn bad_inputs_give_one_line_errors_and_no_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.pdf");
    let p = |n: &str| dir.path().join(n);

    expect_error(&p("missing.md"), &out, "no such file");
    std::fs::write(p("empty.txt"), b"").unwrap();
    expect_error(&p("empty.txt"), &out, "empty");
    std::fs::write(p("blank.md"), b"  \n\t\n  ").unwrap();
    expect_error(&p("blank.md"), &out, "empty");
    std::fs::write(p("image.md"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01").unwrap();
    expect_error(&p("image.md"), &out, "not a text document");
    expect_error(dir.path(), &out, "directory");
    std::fs::write(p("junk.txt"), "作者:某人\n京ICP备00000000号\n").unwrap();
    expect_error(&p("junk.txt"), &out, "no article text");
    assert!(!out.exists(), "no output file after failures");
}

#[test]
fn output_paths_are_checked_and_writes_are_atomic() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.md");
    std::fs::write(&input, "# T\n\nOne sentence here. Another one there.\n").unwrap();
    let before = std::fs::read(&input).unwrap();

    expect_error(&input, &input, "output path is the input");
    assert_eq!(std::fs::read(&input).unwrap(), before, "input untouched");

    let missing = dir.path().join("no/such/dir/out.pdf");
    expect_error(&input, &missing, "cannot write");
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
