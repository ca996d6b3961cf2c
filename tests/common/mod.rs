//! Helpers shared by the integration tests: run the CLI, read PDFs back with poppler,
//! list folders, write hand-made PNG headers.

#![allow(dead_code)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

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

/// The arguments `COMMAND INPUT -o OUT EXTRA…` of `distill convert` or `distill batch`.
pub fn io_args<'a>(
    command: &'a str,
    input: &'a Path,
    out: &'a Path,
    extra: &[&'a str],
) -> Vec<&'a OsStr> {
    let mut args: Vec<&OsStr> = vec![
        command.as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ];
    args.extend(extra.iter().map(|e| OsStr::new(*e)));
    args
}

/// Runs the `distill` binary with `args`.
pub fn distill(args: &[&OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_distill"))
        .args(args)
        .output()
        .expect("run distill")
}

/// What a bounded run of the CLI answered.
pub struct Run {
    /// Exit code (`None` when killed by a signal).
    pub code: Option<i32>,
    /// Everything written to stderr.
    pub stderr: String,
}

/// Runs `distill args…` with stdin and stdout closed, killing it and failing the test if
/// it outlives `bound` (a hang is a failure, not a stuck test run).
pub fn distill_bounded(args: &[&OsStr], bound: Duration) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_distill"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run distill");
    let mut stderr = child.stderr.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stderr, &mut s).ok();
        s
    });
    let started = Instant::now();
    let status = loop {
        if let Some(st) = child.try_wait().expect("wait") {
            break st;
        }
        if started.elapsed() > bound {
            child.kill().ok();
            child.wait().ok();
            panic!("distill {args:?} still running after {bound:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        code: status.code(),
        stderr: reader.join().expect("stderr reader"),
    }
}

/// Names of the entries of `dir`, sorted; empty when `dir` is missing.
pub fn file_names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// CRC-32 (IEEE) for hand-made PNG chunks.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn png_chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let mut body = kind.to_vec();
    body.extend_from_slice(data);
    out.extend_from_slice(&body);
    out.extend_from_slice(&crc32(&body).to_be_bytes());
}

/// A PNG whose header (IHDR, with real CRCs) declares `w` × `h` pixels of 8-bit RGB and
/// whose image data is a few bytes (one empty stored zlib block): the pixel limit is
/// checked on the header; decoding it would allocate `w × h × 3` bytes and then fail.
pub fn png_header_only(w: u32, h: u32) -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    png_chunk(&mut png, b"IHDR", &ihdr);
    png_chunk(
        &mut png,
        b"IDAT",
        &[0x78, 0x01, 0x01, 0x00, 0x00, 0xFF, 0xFF, 0, 0, 0, 1],
    );
    png_chunk(&mut png, b"IEND", &[]);
    png
}

/// A real `w` × `h` PNG filled with one RGB colour (encoded with the `image` crate).
pub fn png_rgb(w: u32, h: u32, rgb: [u8; 3]) -> Vec<u8> {
    let img = image::RgbImage::from_pixel(w, h, image::Rgb(rgb));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// Converts `input` to `out` and asserts success; a PDF output must also pass
/// [`assert_clean_pdf`].
pub fn convert(input: &Path, out: &Path) {
    let o = distill(&io_args("convert", input, out, &[]));
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

fn tool(name: &str, args: &[&OsStr]) -> String {
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

/// Pictures drawn in the PDF, from `pdfimages -list`: (page, width px, height px).
pub fn pdf_images(pdf: &Path) -> Vec<(usize, u32, u32)> {
    tool("pdfimages", &["-list".as_ref(), pdf.as_os_str()])
        .lines()
        .skip(2)
        .filter_map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            Some((
                cols[0].parse().ok()?,
                cols[3].parse().ok()?,
                cols[4].parse().ok()?,
            ))
        })
        .collect()
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
    let run = |name: &str, args: &[&OsStr]| {
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
