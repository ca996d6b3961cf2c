//! Pictures on slides: which image references become image slides (local files inside
//! the article's folder only), how they are laid out (inside the safe area, aspect kept),
//! and how they are embedded (PDF image XObjects, SVG data URIs), deterministically.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use distill::deck::SlideKind;
use distill::layout::fonts::FontSet;
use distill::layout::slides::SAFE_INSET;
use distill::layout::theme::{Theme, BUILT_IN};
use distill::layout::{layout_deck, Aspect, FrameItem, LayoutOptions, TextRole, SLIDE_HEIGHT};

/// The real sample with five PNG screenshots, or `None` (with a message).
fn rust_sample() -> Option<PathBuf> {
    let p = common::samples()?.join("en-md-rust-new-look-website/en-md-rust-new-look-website.md");
    if p.is_file() {
        Some(p)
    } else {
        eprintln!("skipping: {} is absent", p.display());
        None
    }
}

/// Writes a `w` × `h` RGB gradient picture in the format `path`'s extension names.
fn write_picture(path: &Path, w: u32, h: u32) {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x * 255 / w.max(1)) as u8, (y * 255 / h.max(1)) as u8, 120])
    });
    img.save(path).unwrap();
}

/// A short article (words written for this test) in `dir` whose sections reference
/// `refs`, two per section, each section with enough sentences for a bullet slide.
fn write_article(dir: &Path, refs: &[String]) -> PathBuf {
    let mut md = String::from("# Harbour lights\n\n");
    for (i, pair) in refs.chunks(2).enumerate() {
        md.push_str(&format!(
            "## Part {n}\n\nThe lamps on pier {n} are lit at dusk by a keeper. \
             She walks the whole pier in twenty minutes. Fishing boats use the lamps to \
             find the channel. The oldest lamp still burns oil.\n\n",
            n = i + 1
        ));
        for r in pair {
            md.push_str(&format!("![A lamp on pier {}]({r})\n\n", i + 1));
        }
    }
    let path = dir.join("article.md");
    std::fs::write(&path, md).unwrap();
    path
}

/// `pdfimages -list` rows as (width, height), or `None` when poppler is not installed.
fn pdf_images(pdf: &Path) -> Option<Vec<(u32, u32)>> {
    let o = match Command::new("pdfimages").arg("-list").arg(pdf).output() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("skipping pdfimages checks: {e}");
            return None;
        }
    };
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let rows = String::from_utf8_lossy(&o.stdout)
        .lines()
        .skip(2)
        .map(|l| {
            let c: Vec<&str> = l.split_whitespace().collect();
            // page num type width height …; soft masks are listed as type "smask".
            assert_eq!(c[2], "image", "only opaque pictures expected: {l}");
            (c[3].parse().unwrap(), c[4].parse().unwrap())
        })
        .collect();
    Some(rows)
}

/// Asserts every picture and text run of every frame lies inside the safe area, and
/// every picture box keeps its picture's aspect ratio.
fn assert_inside(deck: &distill::Deck, what: &str) {
    for (name, _) in BUILT_IN {
        for aspect in [Aspect::Wide, Aspect::Standard] {
            let opts = LayoutOptions {
                theme: Theme::built_in(name).unwrap(),
                aspect,
                ..LayoutOptions::default()
            };
            let width = aspect.width();
            let laid = layout_deck(deck, FontSet::bundled(), &opts);
            for (n, f) in laid.frames.iter().enumerate() {
                for item in &f.items {
                    let (x0, x1, y0, y1) = match item {
                        FrameItem::Image(im) => {
                            let want = im.px_w as f32 / im.px_h as f32;
                            let got = im.w / im.h;
                            assert!(
                                (want / got - 1.0).abs() < 0.01,
                                "{what}: page {} aspect {got} != {want}",
                                n + 1
                            );
                            (im.x, im.x + im.w, im.y, im.y + im.h)
                        }
                        FrameItem::Text(t) => (t.x0, t.x1, t.top, t.bottom),
                        _ => continue,
                    };
                    assert!(
                        x0 >= SAFE_INSET - 0.01
                            && x1 <= width - SAFE_INSET + 0.01
                            && y0 >= SAFE_INSET - 0.01
                            && y1 <= SLIDE_HEIGHT - SAFE_INSET + 0.01,
                        "{what} ({name}, {aspect:?}): page {} item {item:?} leaves the safe area",
                        n + 1
                    );
                }
            }
        }
    }
}

#[test]
fn the_rust_sample_gets_image_slides_embedded_in_the_pdf() {
    let Some(input) = rust_sample() else { return };
    let folder = input.parent().unwrap().canonicalize().unwrap();
    let deck = distill::deck_from_path(&input, &distill::Options::default()).unwrap();
    let pictures: Vec<_> = deck
        .slides
        .iter()
        .filter(|s| s.kind == SlideKind::Image)
        .collect();
    assert!(pictures.len() >= 3, "{} image slides", pictures.len());
    for s in &pictures {
        let p = Path::new(s.image.as_deref().unwrap());
        assert!(p.starts_with(&folder) && p.is_file(), "{}", p.display());
        assert!(!s.items.is_empty(), "a caption from the alt text");
    }
    // Non-image slides carry no picture, and the agenda does not list image slides.
    assert!(deck
        .slides
        .iter()
        .all(|s| (s.kind == SlideKind::Image) == s.image.is_some()));
    assert_inside(&deck, "rust sample");

    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.pdf"), dir.path().join("b.pdf"));
    common::convert(&input, &a);
    common::convert(&input, &b);
    let bytes = std::fs::read(&a).unwrap();
    assert_eq!(bytes, std::fs::read(&b).unwrap(), "same input, same bytes");
    // Lossless Flate, not re-encoded as JPEG by printpdf.
    let raw = String::from_utf8_lossy(&bytes);
    assert!(!raw.contains("/DCTDecode"), "no JPEG re-encoding");
    if let Some(rows) = pdf_images(&a) {
        assert_eq!(rows.len(), pictures.len(), "{rows:?}");
        for (w, h) in rows {
            // The sample's screenshots are 1156–1541 px wide and drawn about 5 in wide:
            // kept at full size (under 300 dpi), never shrunk to a thumbnail.
            assert!(
                (900..=1600).contains(&w) && (900..=1300).contains(&h),
                "{w}x{h}"
            );
        }
    }
    common::assert_clean_pdf(&a);
}

#[test]
fn only_existing_pictures_inside_the_article_folder_are_used() {
    let root = tempfile::tempdir().unwrap();
    let article_dir = root.path().join("article");
    std::fs::create_dir_all(article_dir.join("img")).unwrap();
    write_picture(&root.path().join("outside.png"), 40, 30);
    write_picture(&article_dir.join("img/inside.png"), 64, 48);
    write_picture(&article_dir.join("photo.jpg"), 50, 50);
    write_picture(&article_dir.join("my pic.gif"), 30, 20);
    write_picture(&article_dir.join("anim.webp"), 20, 30);
    std::fs::write(article_dir.join("fake.png"), "not a picture at all").unwrap();
    let outside = root.path().join("outside.png").canonicalize().unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&outside, article_dir.join("link.png")).unwrap();
    let refs: Vec<String> = [
        "../outside.png",
        outside.to_str().unwrap(),
        "img/inside.png",
        "img/../../outside.png",
        "missing.png",
        "https://example.org/lamp.png",
        // Only a PNG signature: not a whole picture (a real one is used, see bad_input.rs).
        "data:image/png;base64,iVBORw0KGgo=",
        "fake.png",
        "link.png",
        "photo.jpg",
        "my%20pic.gif",
        "anim.webp",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let input = write_article(&article_dir, &refs);
    let deck = distill::deck_from_path(&input, &distill::Options::default()).unwrap();
    let used: Vec<String> = deck
        .slides
        .iter()
        .filter_map(|s| s.image.as_deref())
        .map(|p| {
            Path::new(p)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(
        used,
        ["inside.png", "photo.jpg", "my pic.gif", "anim.webp"],
        "only local pictures inside the folder"
    );
    // A missing picture does not fail the conversion; nothing outside is embedded.
    let pdf = root.path().join("out.pdf");
    common::convert(&input, &pdf);
    if let Some(rows) = pdf_images(&pdf) {
        let mut rows = rows;
        rows.sort_unstable();
        assert_eq!(rows, [(20, 30), (30, 20), (50, 50), (64, 48)]);
    }
    assert_inside(&deck, "generated pictures");
}

#[test]
fn at_most_two_pictures_per_section() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..3 {
        write_picture(&dir.path().join(format!("p{i}.png")), 20, 20);
    }
    // Three pictures in one section: write_article puts two per section, so build by hand.
    let md = "# Lamps\n\n## Pier\n\nThe keeper lights every lamp at dusk. She walks the \
              pier in twenty minutes. Boats find the channel by the lamps.\n\n\
              ![one](p0.png)\n\n![two](p1.png)\n\n![three](p2.png)\n";
    let input = dir.path().join("a.md");
    std::fs::write(&input, md).unwrap();
    let deck = distill::deck_from_path(&input, &distill::Options::default()).unwrap();
    let kinds: Vec<SlideKind> = deck.slides.iter().map(|s| s.kind).collect();
    let at = kinds.iter().position(|k| *k == SlideKind::Bullets).unwrap();
    assert_eq!(
        &kinds[at..at + 3],
        [SlideKind::Bullets, SlideKind::Image, SlideKind::Image]
    );
    assert_eq!(kinds.iter().filter(|k| **k == SlideKind::Image).count(), 2);
    let captions: Vec<&str> = deck
        .slides
        .iter()
        .filter(|s| s.kind == SlideKind::Image)
        .map(|s| s.items[0].text.as_str())
        .collect();
    assert_eq!(captions, ["one", "two"]);
}

#[test]
fn pictures_over_the_pixel_limit_are_not_drawn() {
    let dir = tempfile::tempdir().unwrap();
    let bomb = dir.path().join("bomb.png");
    std::fs::write(&bomb, common::png_header_only(20_000, 20_000)).unwrap();
    let small = dir.path().join("small.png");
    std::fs::write(&small, common::png_header_only(30, 20)).unwrap();
    assert_eq!(
        distill::layout::image::probe(small.to_str().unwrap()).map(|(w, h, _)| (w, h)),
        Some((30, 20)),
        "the hand-made header reads back"
    );
    assert_eq!(distill::layout::image::probe(bomb.to_str().unwrap()), None);

    let started = Instant::now();
    let input = write_article(dir.path(), &["bomb.png".to_string()]);
    let deck = distill::deck_from_path(&input, &distill::Options::default()).unwrap();
    let laid = layout_deck(&deck, FontSet::bundled(), &LayoutOptions::default());
    let frames_with_pictures = laid
        .frames
        .iter()
        .filter(|f| f.items.iter().any(|i| matches!(i, FrameItem::Image(_))))
        .count();
    assert_eq!(frames_with_pictures, 0);
    // The image slide still shows its caption.
    let captions: Vec<&str> = laid
        .frames
        .iter()
        .flat_map(|f| &f.items)
        .filter_map(|i| match i {
            FrameItem::Text(t) if t.role == TextRole::Caption => Some(t.text.as_str()),
            _ => None,
        })
        .collect();
    assert!(captions.concat().contains("pier 1"), "{captions:?}");
    let (pdf, _) = distill::render_pdf(&deck, &distill::Options::default());
    assert!(!String::from_utf8_lossy(&pdf).contains("/Subtype /Image"));
    assert!(started.elapsed() < Duration::from_secs(20), "no hang");
}

#[test]
fn unreadable_pictures_leave_the_caption_and_svg_embeds_readable_ones() {
    use distill::deck::{Deck, DeckMeta, Item, Slide};
    let dir = tempfile::tempdir().unwrap();
    write_picture(&dir.path().join("wide.png"), 400, 10);
    write_picture(&dir.path().join("tall.jpg"), 10, 400);
    write_picture(&dir.path().join("tiny.png"), 4, 3);
    let slide = |image: &str, caption: &str| Slide {
        kind: SlideKind::Image,
        title: "Piers".into(),
        subtitle: None,
        items: vec![Item::bullet(caption, vec![])],
        notes: String::new(),
        image: Some(image.into()),
    };
    let long = "A very long caption that goes on and on about the lamps of the harbour. ".repeat(6);
    let json = serde_json::to_string(&Deck {
        version: 1,
        meta: DeckMeta {
            title: "Piers".into(),
            ..DeckMeta::default()
        },
        slides: vec![
            slide("wide.png", &long),
            slide("tall.jpg", "Tall"),
            slide("tiny.png", "Tiny"),
            slide("gone.png", "Gone"),
        ],
    })
    .unwrap();
    let deck_file = dir.path().join("deck.json");
    std::fs::write(&deck_file, json).unwrap();
    // Relative picture paths in a deck file are relative to its folder.
    let deck = Deck::load(&deck_file).unwrap();
    assert!(Path::new(deck.slides[0].image.as_deref().unwrap()).is_absolute());
    assert_inside(&deck, "edited deck");

    let laid = layout_deck(&deck, FontSet::bundled(), &LayoutOptions::default());
    let pictures = |f: &distill::layout::Frame| {
        f.items
            .iter()
            .filter(|i| matches!(i, FrameItem::Image(_)))
            .count()
    };
    let counts: Vec<usize> = laid.frames.iter().map(pictures).collect();
    assert_eq!(counts, [1, 1, 1, 0]);
    // The long caption is cut to two lines; the missing picture's caption is drawn.
    let caption_lines = |f: &distill::layout::Frame| {
        let mut baselines: Vec<u32> = f
            .items
            .iter()
            .filter_map(|i| match i {
                FrameItem::Text(t) if t.role == TextRole::Caption => Some(t.baseline as u32),
                _ => None,
            })
            .collect();
        baselines.dedup();
        baselines.len()
    };
    assert_eq!(caption_lines(&laid.frames[0]), 2);
    assert_eq!(caption_lines(&laid.frames[3]), 1);
    // A tiny picture is enlarged at most 1.5 pt per pixel.
    if let Some(FrameItem::Image(im)) = laid.frames[2]
        .items
        .iter()
        .find(|i| matches!(i, FrameItem::Image(_)))
    {
        assert!(im.w <= 6.0 + 0.01, "{im:?}");
    }

    let svgs = distill::render_svg(&deck, &distill::Options::default());
    assert_eq!(svgs.len(), 4);
    for svg in &svgs[..3] {
        assert_eq!(
            svg.matches("<image href=\"data:image/png;base64,").count(),
            1
        );
        assert!(svg.contains("preserveAspectRatio=\"xMidYMid meet\""));
    }
    assert!(!svgs[3].contains("<image"));
    // Picture XObjects have stable names ("Im1" …), independent of earlier renders in
    // the same process.
    let (pdf, _) = distill::render_pdf(&deck, &distill::Options::default());
    let written = dir.path().join("edited.pdf");
    std::fs::write(&written, &pdf).unwrap();
    common::assert_clean_pdf(&written);
    let raw = String::from_utf8_lossy(&pdf);
    for name in ["/Im1 ", "/Im2 ", "/Im3 "] {
        assert!(raw.contains(name), "{name}");
    }
    assert!(!raw.contains("/Im4 "));
}

#[test]
fn huge_pictures_are_downscaled_for_their_box() {
    use distill::deck::{Deck, DeckMeta, Slide};
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.png");
    write_picture(&big, 6000, 3000);
    let deck = Deck {
        version: 1,
        meta: DeckMeta {
            title: "Big".into(),
            ..DeckMeta::default()
        },
        slides: vec![Slide {
            kind: SlideKind::Image,
            title: "Big".into(),
            subtitle: None,
            items: vec![],
            notes: String::new(),
            image: Some(big.to_string_lossy().into_owned()),
        }],
    };
    let pdf = dir.path().join("big.pdf");
    distill::export_pdf(&deck, &pdf, &distill::Options::default()).unwrap();
    common::assert_clean_pdf(&pdf);
    if let Some(rows) = pdf_images(&pdf) {
        let laid = layout_deck(&deck, FontSet::bundled(), &LayoutOptions::default());
        let Some(FrameItem::Image(im)) = laid.frames[0]
            .items
            .iter()
            .find(|i| matches!(i, FrameItem::Image(_)))
        else {
            panic!("no picture laid out")
        };
        let want_w = (im.w / 72.0 * 300.0).ceil() as u32;
        assert_eq!(rows.len(), 1);
        let (w, h) = rows[0];
        assert!(w <= want_w && w + 2 >= want_w, "{w} vs {want_w}");
        assert!(
            (w as f32 / h as f32 - 2.0).abs() < 0.01,
            "aspect kept: {w}x{h}"
        );
    }
}

#[test]
fn a_picture_on_a_bullet_slide_sits_beside_the_bullets() {
    use distill::deck::{Deck, DeckMeta, Item, Slide};
    let dir = tempfile::tempdir().unwrap();
    let pic = dir.path().join("pier.png");
    write_picture(&pic, 800, 600);
    let bullets = [
        "The lamps on the pier are lit at dusk by a keeper who walks its whole length.",
        "Fishing boats use the lamps to find the channel on moonless nights.",
        "The oldest lamp still burns oil and is cleaned every Sunday.",
    ];
    let deck = Deck {
        version: 1,
        meta: DeckMeta {
            title: "Harbour lights".into(),
            language: Some("en".into()),
            ..DeckMeta::default()
        },
        slides: vec![Slide {
            kind: SlideKind::Bullets,
            title: "The pier".into(),
            subtitle: None,
            items: bullets.iter().map(|b| Item::bullet(*b, vec![])).collect(),
            notes: String::new(),
            image: Some(pic.to_string_lossy().into_owned()),
        }],
    };
    assert_inside(&deck, "bullets with a picture");
    for aspect in [Aspect::Wide, Aspect::Standard] {
        let opts = LayoutOptions {
            aspect,
            ..LayoutOptions::default()
        };
        let laid = layout_deck(&deck, FontSet::bundled(), &opts);
        assert_eq!(laid.frames.len(), 1, "{aspect:?}");
        let items = &laid.frames[0].items;
        let im = items
            .iter()
            .find_map(|i| match i {
                FrameItem::Image(im) => Some(im),
                _ => None,
            })
            .expect("the picture is drawn");
        let body: Vec<_> = items
            .iter()
            .filter_map(|i| match i {
                FrameItem::Text(t) if t.role == TextRole::Body => Some(t),
                _ => None,
            })
            .collect();
        let text: String = body.iter().map(|t| t.text.as_str()).collect();
        assert!(text.contains("Sunday."), "{text}");
        // Beside, not under: the picture starts right of every bullet line, and its
        // box overlaps the bullets vertically.
        let right = body.iter().map(|t| t.x1).fold(0.0f32, f32::max);
        assert!(
            im.x >= right + 20.0,
            "{aspect:?}: picture at {} vs text to {right}",
            im.x
        );
        assert!(
            im.w >= aspect.width() * 0.25,
            "{aspect:?}: picture {} wide",
            im.w
        );
        let top = body.iter().map(|t| t.top).fold(f32::MAX, f32::min);
        assert!(im.y < top + 100.0, "{aspect:?}");
    }
    let pdf = dir.path().join("beside.pdf");
    let (bytes, _) = distill::render_pdf(&deck, &distill::Options::default());
    std::fs::write(&pdf, bytes).unwrap();
    common::assert_clean_pdf(&pdf);
    assert_eq!(pdf_images(&pdf).map(|r| r.len()), Some(1));
}

#[test]
fn jpeg_stays_jpeg_and_png_stays_lossless() {
    use distill::deck::{Deck, DeckMeta, Item, Slide};
    let dir = tempfile::tempdir().unwrap();
    let (jpg, png) = (dir.path().join("dusk.jpg"), dir.path().join("pier.png"));
    write_picture(&jpg, 640, 480);
    write_picture(&png, 320, 240);
    let image_slide = |p: &Path| Slide {
        kind: SlideKind::Image,
        title: "The pier".into(),
        subtitle: None,
        items: vec![Item::bullet("A lamp at dusk", vec![])],
        notes: String::new(),
        image: Some(p.to_string_lossy().into_owned()),
    };
    let deck = Deck {
        version: 1,
        meta: DeckMeta {
            title: "Harbour lights".into(),
            ..DeckMeta::default()
        },
        slides: vec![image_slide(&jpg), image_slide(&png)],
    };
    let (bytes, _) = distill::render_pdf(&deck, &distill::Options::default());
    let pdf = dir.path().join("formats.pdf");
    std::fs::write(&pdf, &bytes).unwrap();
    common::assert_clean_pdf(&pdf);
    // The JPEG file's bytes are in the PDF unchanged.
    let file = std::fs::read(&jpg).unwrap();
    assert!(
        bytes.windows(file.len()).any(|w| w == file.as_slice()),
        "JPEG not embedded as it is"
    );
    let o = Command::new("pdfimages")
        .arg("-list")
        .arg(&pdf)
        .output()
        .unwrap();
    let list = String::from_utf8_lossy(&o.stdout);
    let encodings: Vec<(String, String)> = list
        .lines()
        .skip(2)
        .map(|l| {
            let c: Vec<&str> = l.split_whitespace().collect();
            (format!("{}x{}", c[3], c[4]), c[8].to_string())
        })
        .collect();
    assert_eq!(
        encodings,
        vec![
            ("640x480".to_string(), "jpeg".to_string()),
            ("320x240".to_string(), "image".to_string())
        ],
        "{list}"
    );
    // A JPEG larger than its box needs is downscaled (losslessly stored) instead.
    let big = dir.path().join("big.jpg");
    write_picture(&big, 4000, 3000);
    assert!(
        distill::export::raster::jpeg_passthrough(big.to_str().unwrap(), 400.0, 300.0).is_none()
    );
    assert!(
        distill::export::raster::jpeg_passthrough(jpg.to_str().unwrap(), 400.0, 300.0).is_some()
    );
    assert!(
        distill::export::raster::jpeg_passthrough(png.to_str().unwrap(), 400.0, 300.0).is_none()
    );
}

/// A small bar chart in SVG with a text label, written for this test.
const CHART_SVG: &str = r##"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 400 200">
  <rect width="400" height="200" fill="#ffffff"/>
  <rect x="20" y="40" width="300" height="40" fill="#2563eb"/>
  <rect x="20" y="110" width="180" height="40" fill="#f97316"/>
  <text x="330" y="68" font-family="sans-serif" font-size="20">59</text>
</svg>"##;

#[test]
fn svg_pictures_are_drawn_within_limits() {
    use distill::layout::image::{parse_svg, probe_size};
    let dir = tempfile::tempdir().unwrap();
    let chart = dir.path().join("chart.svg");
    std::fs::write(&chart, CHART_SVG).unwrap();
    assert_eq!(probe_size(chart.to_str().unwrap()), Some((400, 200)));

    // A <use> that refers to its own ancestor, and a chain of uses that multiplies to
    // 10^9 elements: neither is drawn, and neither takes long.
    let recursive = dir.path().join("recursive.svg");
    std::fs::write(
        &recursive,
        r##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><g id="a"><use xlink:href="#a"/></g></svg>"##,
    )
    .unwrap();
    let mut laughs = String::from(
        r##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><defs><rect id="l0" width="1" height="1"/>"##,
    );
    for level in 1..=9 {
        laughs.push_str(&format!("<g id=\"l{level}\">"));
        for _ in 0..10 {
            laughs.push_str(&format!("<use xlink:href=\"#l{}\"/>", level - 1));
        }
        laughs.push_str("</g>");
    }
    laughs.push_str("</defs><use xlink:href=\"#l9\"/></svg>");
    let bomb = dir.path().join("laughs.svg");
    std::fs::write(&bomb, laughs).unwrap();
    let started = Instant::now();
    assert!(parse_svg(recursive.to_str().unwrap()).is_none());
    assert!(parse_svg(bomb.to_str().unwrap()).is_none());
    assert!(probe_size(bomb.to_str().unwrap()).is_none());
    assert!(started.elapsed() < Duration::from_secs(10));

    // An article referencing the chart gets an image slide; the PDF holds the chart
    // rasterised sharper than its 400 px (it is drawn several inches wide).
    let article = write_article(dir.path(), &["chart.svg".to_string()]);
    let deck = distill::deck_from_path(&article, &distill::Options::default()).unwrap();
    let slide = deck
        .slides
        .iter()
        .find(|s| s.kind == SlideKind::Image)
        .expect("an image slide for the SVG");
    assert!(slide.image.as_deref().unwrap().ends_with("chart.svg"));
    assert_inside(&deck, "svg chart");
    // A drawable SVG is not reported as "not drawn".
    let (_, report) = distill::render_pdf(&deck, &distill::Options::default());
    assert!(
        !report.warnings.iter().any(|w| w.contains("not drawn")),
        "{:?}",
        report.warnings
    );
    let pdf = dir.path().join("svg.pdf");
    common::convert(&article, &pdf);
    let rows = pdf_images(&pdf).unwrap();
    assert_eq!(rows.len(), 1, "{rows:?}");
    let (w, h) = (rows[0].0 as i64, rows[0].1 as i64);
    assert!(w > 800 && (w - 2 * h).abs() <= 2, "{rows:?}");
    // The blue bar is really drawn: render the page and find its colour.
    let o = Command::new("pdftoppm")
        .args(["-r", "30", "-f", "3", "-l", "3"])
        .arg(&pdf)
        .output()
        .unwrap();
    // Skip the PPM header "P6\n<w> <h>\n255\n".
    let mut newlines = 0;
    let start = o
        .stdout
        .iter()
        .position(|&b| {
            newlines += usize::from(b == b'\n');
            newlines == 3
        })
        .unwrap()
        + 1;
    let blue = o.stdout[start..]
        .chunks_exact(3)
        .filter(|p| p[0] < 0x40 && (0x50..0x70).contains(&p[1]) && p[2] > 0xD0)
        .count();
    assert!(blue > 50, "{blue} blue pixels");
}
