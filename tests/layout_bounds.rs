//! Layout guarantees on real articles: every glyph run lies inside the safe area, runs
//! on different lines never overlap, and every bullet of the deck is drawn, in order.

mod common;

use distill::layout::fonts::{FontSet, Weight};
use distill::layout::shape::shape;
use distill::layout::slides::SAFE_INSET;
use distill::layout::theme::{Theme, BUILT_IN};
use distill::layout::{layout_deck, Aspect, FrameItem, LayoutOptions, TextRole, SLIDE_HEIGHT};

fn check(path: &std::path::Path) {
    let deck = match distill::deck_from_path(path, &distill::Options::default()) {
        Ok(d) => d,
        // Formats the skeleton does not read yet (HTML) are covered by their own tests.
        Err(e) => {
            eprintln!("skipping {}: {e}", path.display());
            return;
        }
    };
    for (name, _) in BUILT_IN {
        for aspect in [Aspect::Wide, Aspect::Standard] {
            let opts = LayoutOptions {
                theme: Theme::built_in(name).unwrap(),
                aspect,
                ..LayoutOptions::default()
            };
            check_layout(path, &deck, &opts);
        }
    }
}

fn check_layout(path: &std::path::Path, deck: &distill::Deck, opts: &LayoutOptions) {
    let width = opts.aspect.width();
    let laid = layout_deck(deck, FontSet::bundled(), opts);
    assert!(laid.frames.len() >= deck.slides.len());
    let mut drawn = String::new();
    for (n, frame) in laid.frames.iter().enumerate() {
        let runs: Vec<_> = frame
            .items
            .iter()
            .filter_map(|i| match i {
                FrameItem::Text(t) => Some(t),
                _ => None,
            })
            .collect();
        for t in &runs {
            let inside = t.x0 >= SAFE_INSET - 0.01
                && t.x1 <= width - SAFE_INSET + 0.01
                && t.top >= SAFE_INSET - 0.01
                && t.bottom <= SLIDE_HEIGHT - SAFE_INSET + 0.01;
            assert!(
                inside,
                "{}: page {} run {:?} leaves the safe area ({}..{} x {}..{})",
                path.display(),
                n + 1,
                t.text,
                t.x0,
                t.x1,
                t.top,
                t.bottom
            );
            if t.role == TextRole::Body {
                drawn.push_str(&t.text);
            }
        }
        // Runs on different baselines must not overlap horizontally and vertically.
        for (i, a) in runs.iter().enumerate() {
            for b in &runs[i + 1..] {
                if (a.baseline - b.baseline).abs() < 0.01 {
                    // On one baseline, runs may touch (font changes) but not overlap.
                    assert!(
                        !(a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5),
                        "{}: page {} runs {:?} and {:?} overlap on one line",
                        path.display(),
                        n + 1,
                        a.text,
                        b.text
                    );
                    continue;
                }
                let x = a.x0 < b.x1 && b.x0 < a.x1;
                let (line_a, line_b) = (a.size * 1.4, b.size * 1.4);
                let y = (a.baseline - b.baseline).abs() < (line_a.min(line_b)) * 0.99;
                assert!(
                    !(x && y),
                    "{}: page {} runs {:?} and {:?} overlap",
                    path.display(),
                    n + 1,
                    a.text,
                    b.text
                );
            }
        }
    }
    assert_bullets_in_order(path, deck, &comparable(&drawn));
}

/// `s` without whitespace and without combining and sound marks (pdftotext attaches a
/// mark to the glyph it overlaps, which may move it past its neighbour).
fn comparable(s: &str) -> String {
    // A PDF's ToUnicode map gives each glyph one text, so when a font's "fi" ligature glyph
    // also draws U+FB01 somewhere in the deck, both read back the same way: compare
    // ligature characters as their letters.
    s.replace('\u{FB00}', "ff")
        .replace('\u{FB01}', "fi")
        .replace('\u{FB02}', "fl")
        .replace('\u{FB03}', "ffi")
        .replace('\u{FB04}', "ffl")
        .chars()
        .filter(|&c| {
            !c.is_whitespace()
                && !matches!(c as u32,
                    0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
                    | 0x3099..=0x309C | 0xFF9E..=0xFF9F)
        })
        .collect()
}

/// Asserts that every item of every list slide (bullets, agenda, takeaways, sources) of
/// `deck` occurs in `drawn` (squashed body text), in deck order.
fn assert_bullets_in_order(path: &std::path::Path, deck: &distill::Deck, drawn: &str) {
    let mut at = 0;
    // List slides never drop text (they continue instead); quotes, figures and charts
    // may shorten theirs to fit and are checked by their own tests.
    use distill::deck::SlideKind::{Agenda, Bullets, Sources, Takeaways};
    for slide in &deck.slides {
        if !matches!(slide.kind, Bullets | Agenda | Takeaways | Sources) {
            continue;
        }
        for item in &slide.items {
            // As drawn: ignorable characters removed, glyph-less ones as placeholders.
            let cjk = deck.meta.language.as_deref() == Some("zh");
            let shaped = shape(&item.text, Weight::Regular, FontSet::bundled(), cjk);
            let want = comparable(&shaped.text);
            let found = drawn[at..].find(&want).unwrap_or_else(|| {
                let common = want
                    .chars()
                    .zip(drawn[at..].chars())
                    .take_while(|(a, b)| a == b)
                    .count();
                panic!(
                    "{}: bullet {:?} not drawn in order (drawn from here: {:?})",
                    path.display(),
                    want.chars().take(common + 40).collect::<String>(),
                    drawn[at..].chars().take(200).collect::<String>()
                )
            });
            at += found + want.len();
        }
    }
}

#[test]
fn every_sample_stays_inside_the_safe_area() {
    let mut inputs = vec![
        common::repo_samples().join("en-tidal-library/en-tidal-library.md"),
        common::repo_samples().join("zh-webcopy-night-market.txt"),
    ];
    if let Some(s) = common::samples() {
        for e in walk(&s) {
            inputs.push(e);
        }
    }
    for p in inputs {
        check(&p);
    }
}

/// The text of each page of `pdf` in content-stream order (`pdftotext -raw`), squashed.
fn pdf_pages_raw(pdf: &std::path::Path) -> Vec<String> {
    let o = std::process::Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (Debian poppler-utils)");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8(o.stdout).unwrap();
    let mut pages: Vec<String> = text.split('\u{c}').map(comparable).collect();
    // pdftotext ends the last page with a form feed too.
    if pages.last().is_some_and(String::is_empty) {
        pages.pop();
    }
    pages
}

/// Renders `path`'s deck to PDF, checks it with qpdf, pdftoppm and mutool, reads it back
/// with pdftotext and asserts: each page's text equals its frame's runs, in painting
/// order; and every bullet of every list slide is in the PDF's body text, in order.
fn check_pdf_readback(path: &std::path::Path) {
    let opts = distill::Options::default();
    let deck = match distill::deck_from_path(path, &opts) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("skipping {}: {e}", path.display());
            return;
        }
    };
    let laid = layout_deck(&deck, FontSet::bundled(), &opts.layout);
    let (bytes, _) = distill::render_pdf(&deck, &opts);
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("deck.pdf");
    std::fs::write(&pdf, &bytes).unwrap();
    common::assert_clean_pdf(&pdf);
    let pages = pdf_pages_raw(&pdf);
    assert_eq!(pages.len(), laid.frames.len(), "{}", path.display());
    let mut body = String::new();
    for (n, (page, frame)) in pages.iter().zip(&laid.frames).enumerate() {
        let runs: Vec<_> = frame
            .items
            .iter()
            .filter_map(|i| match i {
                FrameItem::Text(t) => Some(t),
                _ => None,
            })
            .collect();
        let want: String = runs.iter().map(|t| comparable(&t.text)).collect();
        assert_eq!(
            page,
            &want,
            "{}: page {} reads back differently",
            path.display(),
            n + 1
        );
        // The body text of the page: the PDF text minus the runs before the first and
        // after the last body run (title, page number).
        let first = runs.iter().position(|t| t.role == TextRole::Body);
        let last = runs.iter().rposition(|t| t.role == TextRole::Body);
        if let (Some(a), Some(b)) = (first, last) {
            let head: usize = runs[..a].iter().map(|t| comparable(&t.text).len()).sum();
            let tail: usize = runs[b + 1..]
                .iter()
                .map(|t| comparable(&t.text).len())
                .sum();
            body.push_str(&page[head..page.len() - tail]);
        }
    }
    assert_bullets_in_order(path, &deck, &body);
}

#[test]
fn every_sample_reads_back_from_the_pdf_in_order() {
    let mut inputs = vec![
        common::repo_samples().join("en-tidal-library/en-tidal-library.md"),
        common::repo_samples().join("zh-webcopy-night-market.txt"),
    ];
    if let Some(s) = common::samples() {
        inputs.extend(walk(&s));
    }
    for p in inputs {
        check_pdf_readback(&p);
    }
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else if matches!(
            p.extension().and_then(|e| e.to_str()),
            Some("md" | "txt" | "html")
        ) {
            out.push(p);
        }
    }
    out.sort();
    out
}

#[test]
fn characters_without_a_glyph_become_placeholders_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("emoji.md");
    // U+1F600 and U+16A0 (runic) are in no bundled font; the joiner and the variation
    // selector of the emoji sequence draw nothing and are not reported.
    std::fs::write(
        &input,
        "# Faces\n\nA smile \u{1F600} and a rune \u{16A0} appear here.\n\nA family \u{1F468}\u{200D}\u{1F469} and a heart \u{2764}\u{FE0F} too.\n",
    )
    .unwrap();
    let pdf = dir.path().join("emoji.pdf");
    let o = common::distill(&[
        "convert".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        pdf.as_os_str(),
    ]);
    assert!(o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("U+1F600") && err.contains("U+16A0"), "{err}");
    assert!(!err.contains("U+200D") && !err.contains("U+FE0F"), "{err}");
    // One warning line for all of them, not one per character.
    let lines: Vec<&str> = err
        .lines()
        .filter(|l| l.contains("no bundled font"))
        .collect();
    assert_eq!(lines.len(), 1, "{err}");
    common::assert_clean_pdf(&pdf);
    let text = common::pdf_text(&pdf);
    assert!(
        text.contains("A smile \u{25A1} and a rune \u{25A1}"),
        "{text}"
    );
}

/// Articles in Big5 (Traditional Chinese), Shift_JIS (Japanese with kanji outside
/// GB2312) and EUC-KR (Korean) convert with every character drawn from an embedded font:
/// no "no bundled font" warning, no placeholder box in the PDF's text. The bundled CJK
/// subset once covered only GB2312 and kana, so 價 區 業 東 間 負 and all Hangul were boxes.
#[test]
fn big5_shift_jis_and_euc_kr_articles_draw_every_character() {
    let dir = tempfile::tempdir().unwrap();
    let articles: [(&str, &'static encoding_rs::Encoding, &str); 3] = [
        (
            "zhtw-big5.txt",
            encoding_rs::BIG5,
            "港口旁的舊倉庫改成了市場\n\n\
             這間倉庫位於東區碼頭，過去十年一直空著。今年春天，一家小公司把它改建成週末市場。\n\n\
             負責人說，攤位的價格比廣場上的便宜三成，條件是攤主必須自己打掃。\n\n\
             開業第一個月，來訪的人數超過兩萬，附近的咖啡店營業額也跟著上升。\n",
        ),
        (
            "ja-sjis.txt",
            encoding_rs::SHIFT_JIS,
            "東京の古い倉庫が市場に変わった\n\n\
             東京湾に近いこの倉庫は、長い間使われていなかった。今年の春、小さな会社が週末だけの市場に作り替えた。\n\n\
             責任者によると、店の賃料は駅前より三割安く、その間の清掃は店主が負担する決まりだ。\n\n\
             開業から一か月で訪れた人は二万人を超え、近くの喫茶店も売り上げを伸ばした。\n",
        ),
        (
            "ko-euckr.txt",
            encoding_rs::EUC_KR,
            "항구 옆 낡은 창고가 시장으로 바뀌었다\n\n\
             동쪽 부두에 있는 이 창고는 지난 십 년 동안 비어 있었다. 올해 봄 작은 회사가 이곳을 주말 시장으로 고쳤다.\n\n\
             책임자는 가게 임대료가 광장보다 삼십 퍼센트 싸고, 청소는 가게 주인이 직접 한다고 말했다.\n\n\
             문을 연 첫 달에 이만 명이 넘게 찾아왔고, 근처 찻집의 매출도 함께 늘었다. 자음 ㄱ과 모음 ㅏ도 있다.\n",
        ),
    ];
    for (name, encoding, text) in articles {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(
            !unmappable,
            "{name}: the test text fits {}",
            encoding.name()
        );
        let input = dir.path().join(name);
        std::fs::write(&input, &bytes).unwrap();
        let pdf = dir.path().join(name).with_extension("pdf");
        let o = common::distill(&[
            "convert".as_ref(),
            input.as_os_str(),
            "-o".as_ref(),
            pdf.as_os_str(),
        ]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(o.status.success(), "{name}: {err}");
        assert!(!err.contains("no bundled font"), "{name}: {err}");
        common::assert_clean_pdf(&pdf);
        let drawn = common::squash(&common::pdf_text(&pdf));
        assert!(
            !drawn.contains('\u{25A1}'),
            "{name}: placeholder drawn: {drawn}"
        );
        // The title line is drawn as written (a sentence of the body may be shortened).
        let title = common::squash(text.lines().next().unwrap());
        assert!(drawn.contains(&title), "{name}: {title} not in {drawn}");
        let fonts = common::pdf_fonts(&pdf);
        assert!(
            fonts.iter().any(|f| f.0.contains("NotoSansCJK")) && fonts.iter().all(|f| f.1),
            "{name}: {fonts:?}"
        );
    }
}

/// A deck with every slide kind, in words written for this test, long enough to force
/// shrinking, truncation and continuation.
fn every_kind_deck() -> distill::Deck {
    use distill::deck::{DeckMeta, Item, Slide, SlideKind};
    let item = |t: &str, label: Option<&str>, value: Option<f64>| Item {
        text: t.to_string(),
        label: label.map(String::from),
        value,
        ..Item::default()
    };
    let slide = |kind, title: &str, items: Vec<Item>| Slide {
        kind,
        title: title.to_string(),
        subtitle: None,
        items,
        notes: String::new(),
        image: None,
    };
    let long = "河边的图书馆每天早上七点开门，潮水上涨时整座建筑会随之升高，读者几乎感觉不到变化。"
        .repeat(5);
    distill::Deck {
        version: 1,
        meta: DeckMeta {
            title: "潮汐图书馆的一年".into(),
            byline: Some("作者 测试".into()),
            language: Some("zh".into()),
            ..DeckMeta::default()
        },
        slides: vec![
            slide(SlideKind::Title, "潮汐图书馆的一年：一个很长很长的标题，用来检验标题在两行之内是否能够放下，以及放不下时如何处理", vec![]),
            slide(SlideKind::Agenda, "议程", (1..=9).map(|i| item(&format!("第 {i} 部分：图书馆如何运作"), None, None)).collect()),
            slide(SlideKind::Quote, "馆长的话", vec![item(&format!("“{long}”"), Some("馆长 林某"), None)]),
            slide(SlideKind::Figures, "关键数字", vec![
                item("240 万美元", Some("建设总费用"), None),
                item("1,200 人", Some("每周到访读者"), None),
                item("38%", Some("潮汐发电占全部用电的比例，这个标签故意写得很长很长很长很长很长很长"), None),
                item("123456789012345 亿美元", Some("超长数字"), None),
            ]),
            slide(SlideKind::Chart, "资金来源", vec![
                item("市议会", None, Some(900000.0)),
                item("港口信托基金会与其他很多合作伙伴共同出资", None, Some(650000.0)),
                item("本地商户", None, Some(420000.0)),
                item("个人捐赠", None, Some(310000.5)),
            ]),
            slide(SlideKind::Bullets, "长段落", vec![item(&long, None, None), item(&long, None, None)]),
            slide(SlideKind::Takeaways, "要点", vec![item("图书馆随潮水升降。", None, None)]),
            slide(SlideKind::Sources, "来源", vec![item("文件: https://example.org/a/very/long/path/that/has/no/break/opportunities/at/all/anywhere/in/it/whatsoever.html", None, None)]),
        ],
    }
}

#[test]
fn every_slide_kind_fits_in_every_theme_and_aspect() {
    let deck = every_kind_deck();
    for (name, _) in BUILT_IN {
        for aspect in [Aspect::Wide, Aspect::Standard] {
            let opts = LayoutOptions {
                theme: Theme::built_in(name).unwrap(),
                aspect,
                ..LayoutOptions::default()
            };
            check_layout(std::path::Path::new("every-kind"), &deck, &opts);
            let laid = layout_deck(&deck, FontSet::bundled(), &opts);
            // Each chart bar is a rectangle whose length follows its value.
            let chart = laid.slide_of_frame.iter().position(|&s| s == 4).unwrap();
            let bars: Vec<f32> = laid.frames[chart]
                .items
                .iter()
                .filter_map(|i| match i {
                    FrameItem::Rect(r) if r.h > 10.0 && r.h < 100.0 => Some(r.w),
                    _ => None,
                })
                .collect();
            assert_eq!(bars.len(), 4, "{bars:?}");
            // The four key figures: one row on 16:9, a 2 × 2 grid on 4:3 (their accent
            // rules are 40 × 4 pt).
            let figures = laid.slide_of_frame.iter().position(|&s| s == 3).unwrap();
            let rules: Vec<(u32, u32)> = laid.frames[figures]
                .items
                .iter()
                .filter_map(|i| match i {
                    FrameItem::Rect(r) if r.w == 40.0 && r.h == 4.0 => {
                        Some((r.x as u32, r.y as u32))
                    }
                    _ => None,
                })
                .collect();
            assert_eq!(rules.len(), 4, "{rules:?}");
            let distinct = |v: Vec<u32>| {
                let mut v = v;
                v.sort_unstable();
                v.dedup();
                v.len()
            };
            let (xs, ys) = (
                distinct(rules.iter().map(|r| r.0).collect()),
                distinct(rules.iter().map(|r| r.1).collect()),
            );
            match aspect {
                Aspect::Wide => assert_eq!((xs, ys), (4, 1), "{rules:?}"),
                Aspect::Standard => assert_eq!((xs, ys), (2, 2), "{rules:?}"),
            }
            assert!((bars[1] / bars[0] - 650.0 / 900.0).abs() < 0.01);
        }
    }
}

#[test]
fn seed_deck_is_small_and_every_character_has_a_real_glyph() {
    let Some(samples) = common::samples() else {
        return;
    };
    let input = samples.join("zh-webcopy-openai-talent.txt");
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("seed.pdf");
    let o = common::distill(&[
        "convert".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        pdf.as_os_str(),
    ]);
    assert!(o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!err.contains("warning"), "{err}");
    common::assert_clean_pdf(&pdf);
    let size = std::fs::metadata(&pdf).unwrap().len();
    assert!(size <= 250_000, "seed deck is {size} bytes");
    let fonts = common::pdf_fonts(&pdf);
    assert!(
        !fonts.is_empty() && fonts.iter().all(|f| f.1 && f.2 && f.3),
        "{fonts:?}"
    );
    assert!(!common::pdf_text(&pdf).contains(distill::layout::fonts::PLACEHOLDER));

    // From the frames: no placeholder, no .notdef glyph, and every character of every
    // run is mapped by the font the run is drawn in.
    let opts = distill::Options::default();
    let deck = distill::deck_from_path(&input, &opts).unwrap();
    let fonts = FontSet::bundled();
    let laid = layout_deck(&deck, fonts, &opts.layout);
    assert!(laid.warnings.is_empty(), "{:?}", laid.warnings);
    let mut chars = 0;
    for frame in &laid.frames {
        for item in &frame.items {
            let FrameItem::Text(t) = item else { continue };
            let face = &fonts.faces[t.font].face;
            assert!(
                t.glyphs.iter().all(|g| g.id != 0),
                "{:?} has .notdef",
                t.text
            );
            for c in t.text.chars().filter(|c| !c.is_whitespace()) {
                assert_ne!(c, distill::layout::fonts::PLACEHOLDER, "{:?}", t.text);
                assert!(
                    face.glyph_index(c).is_some(),
                    "{c:?} in {:?} has no glyph in {}",
                    t.text,
                    fonts.faces[t.font].name
                );
                chars += 1;
            }
        }
    }
    assert!(chars > 1000, "{chars} characters drawn");
}
