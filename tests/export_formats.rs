//! Export options: byte-identical PDFs for the same input, themes and aspects, PDF
//! outline entries per slide, and one SVG per page from the same frames.

mod common;

use common::*;

fn repo_zh() -> std::path::PathBuf {
    repo_samples().join("zh-webcopy-night-market.txt")
}

fn convert_with(args: &[&str], out: &std::path::Path) {
    let input = repo_zh();
    let mut all: Vec<&std::ffi::OsStr> = vec![
        "convert".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ];
    all.extend(args.iter().map(|a| std::ffi::OsStr::new(*a)));
    let o = distill(&all);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn same_input_gives_identical_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.pdf"), dir.path().join("b.pdf"));
    convert_with(&[], &a);
    convert_with(&[], &b);
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
}

#[test]
fn themes_and_aspects_change_the_pages() {
    let dir = tempfile::tempdir().unwrap();
    let wide = dir.path().join("wide.pdf");
    let std43 = dir.path().join("std.pdf");
    convert_with(&[], &wide);
    convert_with(&["--aspect", "4:3", "--theme", "dark"], &std43);
    let size = |p: &std::path::Path| pdf_info(p, "Page size").unwrap();
    assert!(size(&wide).starts_with("960 x 540"), "{}", size(&wide));
    assert!(size(&std43).starts_with("720 x 540"), "{}", size(&std43));
    // The dark theme paints its background (#111827) on every page.
    assert_eq!(corner_pixel(&std43), [0x11, 0x18, 0x27]);
    assert_eq!(corner_pixel(&wide), [0xFB, 0xFB, 0xF8]);

    // A theme file works; a broken one is a one-line error naming it.
    let theme = dir.path().join("mine.json");
    std::fs::write(
        &theme,
        include_str!("../assets/themes/warm.json").replace("warm", "mine"),
    )
    .unwrap();
    convert_with(
        &["--theme", theme.to_str().unwrap()],
        &dir.path().join("t.pdf"),
    );
    std::fs::write(&theme, "{\"name\": 1}").unwrap();
    let input = repo_zh();
    let out = dir.path().join("bad.pdf");
    let o = distill(&[
        "convert".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
        "--theme".as_ref(),
        theme.as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("mine.json") && err.contains("not a valid theme"),
        "{err}"
    );
    assert!(!out.exists());
}

#[test]
fn pdf_has_an_outline_entry_per_slide() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("o.pdf");
    convert_with(&[], &pdf);
    let json = dir.path().join("o.json");
    convert_with(&[], &json);
    let deck: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    let slides = deck["slides"].as_array().unwrap().len();
    let raw = std::fs::read(&pdf).unwrap();
    // Outline items are /Title entries with a /Parent; count the item dictionaries.
    let text = String::from_utf8_lossy(&raw);
    assert!(text.contains("/Outlines"));
    let o = std::process::Command::new("qpdf")
        .args(["--json", "--json-key=outlines"])
        .arg(&pdf)
        .output()
        .expect("qpdf is needed (Debian qpdf)");
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["outlines"].as_array().unwrap().len(), slides);
    // And qpdf finds no structural problems.
    let check = std::process::Command::new("qpdf")
        .arg("--check")
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

#[test]
fn svg_export_writes_one_file_per_page() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("svg");
    let pdf = dir.path().join("same.pdf");
    convert_with(&["--format", "svg"], &out);
    convert_with(&[], &pdf);
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), pdf_pages(&pdf));
    assert_eq!(names[0], "slide-01.svg");
    let first = std::fs::read_to_string(out.join(&names[1])).unwrap();
    assert!(first.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"960pt\""));
    assert!(
        first.contains("<use href=\"#g"),
        "glyphs are drawn as outlines"
    );
    assert!(first.contains("aria-label=\""), "runs carry their text");
}

/// The top-left pixel of page 1, rendered by pdftoppm at 10 dpi (PPM).
fn corner_pixel(pdf: &std::path::Path) -> [u8; 3] {
    let o = std::process::Command::new("pdftoppm")
        .args(["-r", "10", "-f", "1", "-l", "1"])
        .arg(pdf)
        .output()
        .expect("pdftoppm (poppler-utils)");
    assert!(o.status.success());
    let ppm = o.stdout;
    // Header: "P6\n<w> <h>\n255\n" then RGB bytes.
    let mut newlines = 0;
    let start = ppm
        .iter()
        .position(|&b| {
            newlines += (b == b'\n') as usize;
            newlines == 3
        })
        .unwrap()
        + 1;
    [ppm[start], ppm[start + 1], ppm[start + 2]]
}

/// Two renders in one process (as in the desktop app) give identical bytes too.
#[test]
fn same_process_renders_are_identical() {
    let input = repo_zh();
    let opts = distill::Options::default();
    let deck = distill::deck_from_path(&input, &opts).unwrap();
    let (a, _) = distill::render_pdf(&deck, &opts);
    let (b, _) = distill::render_pdf(&deck, &opts);
    let first_diff = a.iter().zip(&b).position(|(x, y)| x != y);
    assert!(
        a == b,
        "renders differ (lengths {} / {}, first difference at byte {first_diff:?})",
        a.len(),
        b.len()
    );
}
