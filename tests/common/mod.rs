//! Helpers shared by the integration tests: run the CLI, read PDFs back with poppler.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `../shared/samples` beside the repo, or `None` (with a message) when it is absent.
pub fn samples() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/samples");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipping: ../shared/samples is absent");
        None
    }
}

/// The repo's own samples under `assets/samples`.
pub fn repo_samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples")
}

/// Runs the `distill` binary with `args`.
pub fn distill(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_distill"))
        .args(args)
        .output()
        .expect("run distill")
}

/// Converts `input` to `out` and asserts success; a PDF output must also pass
/// [`assert_clean_pdf`].
pub fn convert(input: &Path, out: &Path) {
    let o = distill(&[
        "convert".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert!(
        o.status.success(),
        "convert {} failed: {}",
        input.display(),
        String::from_utf8_lossy(&o.stderr)
    );
    if out.extension().is_some_and(|e| e == "pdf") {
        assert_clean_pdf(out);
    }
}

fn tool(name: &str, args: &[&std::ffi::OsStr]) -> String {
    let o = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name} is needed (Debian poppler-utils): {e}"));
    assert!(
        o.status.success(),
        "{name} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).expect("utf-8 output")
}

/// The PDF's text in reading order (`pdftotext -layout` off), pages separated by form feeds.
pub fn pdf_text(pdf: &Path) -> String {
    tool("pdftotext", &[pdf.as_os_str(), "-".as_ref()])
}

/// `pdffonts` rows: (name, embedded, subset, has ToUnicode).
pub fn pdf_fonts(pdf: &Path) -> Vec<(String, bool, bool, bool)> {
    tool("pdffonts", &[pdf.as_os_str()])
        .lines()
        .skip(2)
        .map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            let n = cols.len();
            (
                cols[0].to_string(),
                cols[n - 5] == "yes",
                cols[n - 4] == "yes",
                cols[n - 3] == "yes",
            )
        })
        .collect()
}

/// Page count from `pdfinfo`.
pub fn pdf_pages(pdf: &Path) -> usize {
    tool("pdfinfo", &[pdf.as_os_str()])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|v| v.trim().parse().ok())
        .expect("pdfinfo reports Pages")
}

/// `pdfinfo` field value, e.g. "Title".
pub fn pdf_info(pdf: &Path, field: &str) -> Option<String> {
    tool("pdfinfo", &[pdf.as_os_str()]).lines().find_map(|l| {
        l.strip_prefix(&format!("{field}:"))
            .map(|v| v.trim().to_string())
    })
}

/// Removes all whitespace (pdftotext breaks lines where the slide wraps them).
pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Asserts that the PDF at `pdf` is clean in three independent tools: `qpdf --check`
/// reports no errors or warnings, and poppler's `pdftoppm` and MuPDF's `mutool draw`
/// render every page with an empty stderr and exit status 0 (Debian qpdf,
/// poppler-utils, mupdf-tools). Pages are rendered at 18 dpi to keep this quick.
pub fn assert_clean_pdf(pdf: &Path) {
    let run = |name: &str, args: &[&std::ffi::OsStr]| {
        Command::new(name).args(args).output().unwrap_or_else(|e| {
            panic!("{name} is needed (Debian qpdf, poppler-utils, mupdf-tools): {e}")
        })
    };
    let q = run("qpdf", &["--check".as_ref(), pdf.as_os_str()]);
    let out = String::from_utf8_lossy(&q.stdout).to_string() + &String::from_utf8_lossy(&q.stderr);
    assert!(
        q.status.success()
            && !out.to_ascii_lowercase().contains("warning")
            && !out.contains("ERROR"),
        "qpdf --check {}: {out}",
        pdf.display()
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let prefix = dir.path().join("p");
    let p = run(
        "pdftoppm",
        &[
            "-r".as_ref(),
            "18".as_ref(),
            pdf.as_os_str(),
            prefix.as_os_str(),
        ],
    );
    assert!(
        p.status.success() && p.stderr.is_empty(),
        "pdftoppm {}: {}",
        pdf.display(),
        String::from_utf8_lossy(&p.stderr)
    );
    // Without -o, mutool draw renders every page and writes no files.
    let m = run(
        "mutool",
        &[
            "draw".as_ref(),
            "-q".as_ref(),
            "-r".as_ref(),
            "18".as_ref(),
            pdf.as_os_str(),
        ],
    );
    // Some mutool builds announce at start-up, for any file, that they lack ICC colour
    // management; that line says nothing about the PDF.
    let stderr: Vec<String> = String::from_utf8_lossy(&m.stderr)
        .lines()
        .filter(|l| l.trim() != "warning: ICC support is not available")
        .map(String::from)
        .collect();
    assert!(
        m.status.success() && stderr.is_empty() && m.stdout.is_empty(),
        "mutool draw {}: {}{}",
        pdf.display(),
        String::from_utf8_lossy(&m.stdout),
        stderr.join("\n")
    );
}
