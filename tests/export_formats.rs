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
    if out.extension().is_some_and(|e| e == "pdf") {
        assert_clean_pdf(out);
    }
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

#[test]
fn speaker_notes_become_pages_after_the_slides() {
    let dir = tempfile::tempdir().unwrap();
    let (plain, noted, json) = (
        dir.path().join("plain.pdf"),
        dir.path().join("notes.pdf"),
        dir.path().join("deck.json"),
    );
    convert_with(&[], &plain);
    convert_with(&["--notes"], &noted);
    convert_with(&[], &json);
    let deck: distill::Deck =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let with_notes: Vec<_> = deck
        .slides
        .iter()
        .filter(|s| !s.notes.trim().is_empty())
        .collect();
    assert!(!with_notes.is_empty(), "the planner writes speaker notes");
    let slides = pdf_pages(&plain);
    let pages = pdf_pages(&noted);
    assert!(pages >= slides + with_notes.len(), "{pages} vs {slides}");
    // The slides come first, unchanged; then the notes, in slide order, each page headed
    // with the page of the slide it belongs to.
    let text = pdf_text(&noted);
    let page_texts: Vec<&str> = text.split('\u{c}').collect();
    assert_eq!(
        squash(&page_texts[..slides].join("")),
        squash(&pdf_text(&plain).split('\u{c}').collect::<Vec<_>>()[..slides].join(""))
    );
    let notes_text = squash(&page_texts[slides..].join(""));
    let mut at = 0;
    for s in &with_notes {
        assert!(notes_text[at..].contains("备注·第"));
        for line in s.notes.lines() {
            let want = squash(line);
            let found = notes_text[at..]
                .find(&want)
                .unwrap_or_else(|| panic!("note {want:?} missing or out of order"));
            at += found + want.len();
        }
    }
    // An outline entry leads to the notes.
    let o = std::process::Command::new("qpdf")
        .args(["--json", "--json-key=outlines"])
        .arg(&noted)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let titles: Vec<&str> = v["outlines"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|o| o["title"].as_str())
        .collect();
    assert_eq!(titles.last(), Some(&"演讲者备注"), "{titles:?}");
    assert_eq!(titles.len(), deck.slides.len() + 1);
}

/// Link annotations of a PDF read with qpdf: (page index, URI, [x0, y0, x1, y1]).
fn pdf_links(pdf: &std::path::Path) -> Vec<(usize, String, [f64; 4])> {
    let o = std::process::Command::new("qpdf")
        .args(["--json", "--json-key=pages", "--json-key=qpdf"])
        .arg(pdf)
        .output()
        .expect("qpdf");
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let objects = &v["qpdf"][1];
    let mut out = Vec::new();
    for (i, page) in v["pages"].as_array().unwrap().iter().enumerate() {
        let page_obj = &objects[format!("obj:{}", page["object"].as_str().unwrap())]["value"];
        let annots = match &page_obj["/Annots"] {
            serde_json::Value::Array(a) => a.clone(),
            serde_json::Value::String(r) => objects[format!("obj:{r}")]["value"]
                .as_array()
                .cloned()
                .unwrap_or_default(),
            _ => continue,
        };
        for a in annots {
            let dict = match &a {
                serde_json::Value::String(r) => objects[format!("obj:{r}")]["value"].clone(),
                d => d.clone(),
            };
            if dict["/Subtype"] != "/Link" {
                continue;
            }
            let uri = dict["/A"]["/URI"]
                .as_str()
                .unwrap_or("")
                .trim_start_matches("u:");
            let r: Vec<f64> = dict["/Rect"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_f64().unwrap())
                .collect();
            out.push((i, uri.to_string(), [r[0], r[1], r[2], r[3]]));
        }
    }
    out
}

#[test]
fn source_urls_on_the_sources_slide_are_clickable() {
    let dir = tempfile::tempdir().unwrap();
    let deck = dir.path().join("deck.json");
    let url = "https://example.org/tides?y=24&l=en";
    let json = serde_json::json!({
        "version": 1,
        "meta": {"title": "The tidal library", "language": "en"},
        "slides": [
            {"kind": "title", "title": "The tidal library"},
            {"kind": "sources", "title": "Sources", "items": [
                {"text": "Title: The tidal library"},
                {"text": format!("Source: {url}")},
                {"text": "File: tidal.md"}
            ]}
        ]
    });
    std::fs::write(&deck, serde_json::to_vec(&json).unwrap()).unwrap();
    for aspect in ["16:9", "4:3"] {
        let pdf = dir
            .path()
            .join(format!("links-{}.pdf", aspect.replace(':', "x")));
        let o = distill(&[
            "convert".as_ref(),
            deck.as_os_str(),
            "-o".as_ref(),
            pdf.as_os_str(),
            "--aspect".as_ref(),
            aspect.as_ref(),
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert_clean_pdf(&pdf);
        let links = pdf_links(&pdf);
        assert_eq!(links.len(), 1, "{links:?}");
        let (page, uri, [x0, y0, x1, y1]) = links[0].clone();
        assert_eq!((page, uri.as_str()), (1, url));
        let width = if aspect == "16:9" { 960.0 } else { 720.0 };
        assert!(0.0 <= x0 && x0 < x1 && x1 <= width && 0.0 <= y0 && y0 < y1 && y1 <= 540.0);
        // The box covers the URL as pdftotext places it (bbox y is from the top).
        let bbox = std::process::Command::new("pdftotext")
            .args(["-bbox", "-f", "2", "-l", "2"])
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        let html = String::from_utf8_lossy(&bbox.stdout);
        let word = html
            .lines()
            .find(|l| l.contains("https://example.org"))
            .unwrap_or_else(|| panic!("URL not in the text: {html}"));
        let attr = |name: &str| -> f64 {
            let at = word.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
            word[at..].split('"').next().unwrap().parse().unwrap()
        };
        let (wx0, wx1) = (attr("xMin"), attr("xMax"));
        let (wy0, wy1) = (540.0 - attr("yMax"), 540.0 - attr("yMin"));
        assert!(
            wx0 >= x0 - 1.0 && wx1 <= x1 + 1.0 && wy0 >= y0 - 1.0 && wy1 <= y1 + 1.0,
            "word box {wx0} {wy0} {wx1} {wy1} not inside link {x0} {y0} {x1} {y1}"
        );
    }
}
