//! Markdown importing end to end: Markdown saved as `.txt`, BOM-less UTF-16, the front
//! matter subtitle on the title slide, raw HTML and template syntax in a converted deck,
//! and ruby text containers in HTML.

mod common;

use common::*;
use distill::import::{read_source, Format};

/// A blog post in Markdown, written for these tests.
const POST: &str = "---\ntitle: \"Moving the Archive\"\nauthor: Tove Lind\ndate: 2025-04-02\n---\n\n<!-- TODO: check the box counts -->\n\nThe city archive moved across the river this winter: 9,000 boxes in six weeks, without losing one.\n\n## Planning the move\n\nEvery box got a barcode and a slot in the new stacks before it left the old building. The move took ~~months~~ weeks.\n\n![The new stacks](stacks.png)\n\n## What went wrong\n\nTwo lifts broke down in the first week, and the trucks waited for hours in the rain.\n";

#[test]
fn markdown_saved_as_txt_is_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("post.txt");
    std::fs::write(&path, POST).unwrap();
    let src = read_source(&path).unwrap();
    assert_eq!(src.format, Format::Markdown);
    let doc = distill::document_from_path(&path).unwrap();
    assert_eq!(doc.meta.title.as_deref(), Some("Moving the Archive"));
    assert_eq!(doc.meta.authors, vec!["Tove Lind".to_string()]);
    let heads: Vec<_> = doc
        .sections
        .iter()
        .filter_map(|s| s.heading.as_deref())
        .collect();
    assert_eq!(heads, vec!["Planning the move", "What went wrong"]);
    let text: Vec<&str> = doc
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .map(|b| b.text.as_str())
        .collect();
    let all = text.join("\n");
    for junk in ["TODO", "author:", "##", "![", "months", "~~"] {
        assert!(!all.contains(junk), "{junk:?} in {all}");
    }
    assert!(all.contains("The move took weeks."), "{all}");
}

#[test]
fn plain_text_web_copies_stay_plain_text() {
    // Written here: a plain-text copy with a stray "#", a bracket and a dash line.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("copy.txt");
    std::fs::write(
        &path,
        "港口重新开放\n\n---\n\n#城市新闻# 周一上午，港口在维修一周后重新开放。[图片]\n\n工作人员表示，船只中午前已全部回港。\n",
    )
    .unwrap();
    assert_eq!(read_source(&path).unwrap().format, Format::Text);
    let Some(samples) = samples() else { return };
    let mut seen = 0;
    for entry in std::fs::read_dir(&samples).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        seen += 1;
        let src = read_source(&path).unwrap();
        assert_eq!(src.format, Format::Text, "{}", path.display());
    }
    assert!(seen >= 3, "only {seen} .txt samples");
}

#[test]
fn utf16_chinese_without_bom_is_read() {
    let text = "旧书店开在老城区的一条小巷里，已经二十七年了。\n店面不到三十平方米，却堆着四万多册旧书。\n老板说，来买书的人越来越少，来拍照的人越来越多。\n";
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, enc) in [
        (
            "le.txt",
            text.encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<u8>>(),
            "UTF-16LE",
        ),
        (
            "be.txt",
            text.encode_utf16()
                .flat_map(u16::to_be_bytes)
                .collect::<Vec<u8>>(),
            "UTF-16BE",
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let src = read_source(&path).unwrap();
        assert_eq!((src.encoding, src.text.as_str()), (enc, text));
    }
}

/// Converts `md` (written to a temporary folder as `name`) to a deck JSON and a PDF.
fn convert(name: &str, md: &str) -> (tempfile::TempDir, serde_json::Value, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join(name);
    std::fs::write(&input, md).unwrap();
    let json = dir.path().join("deck.json");
    let pdf = dir.path().join("deck.pdf");
    for out in [&json, &pdf] {
        let o = distill(&[
            "convert".as_ref(),
            input.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let deck = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    (dir, deck, pdf)
}

fn all_slide_text(deck: &serde_json::Value) -> String {
    let mut out = String::new();
    for s in deck["slides"].as_array().unwrap() {
        out.push_str(s["title"].as_str().unwrap_or(""));
        out.push('\n');
        out.push_str(s["subtitle"].as_str().unwrap_or(""));
        out.push('\n');
        for it in s["items"].as_array().unwrap() {
            out.push_str(it["text"].as_str().unwrap_or(""));
            out.push('\n');
        }
        out.push_str(s["notes"].as_str().unwrap_or(""));
        out.push('\n');
    }
    out
}

#[test]
fn front_matter_subtitle_on_the_title_slide() {
    let md = "---\ntitle: The Night Ferry\nsubtitle: Twelve hours on the last overnight boat\nauthor: Ines Faro\ndate: 2025-02-11\n---\n\nThe overnight ferry between the two islands has run every evening for forty years. Next spring it stops for good, replaced by a fast day boat.\n\n## The crossing\n\nBoarding starts at nine. Most passengers are regulars who know the crew by name, and many bring their own blankets.\n\nThe crossing takes twelve hours when the sea is calm. In winter storms it can take sixteen.\n\n## The end of a route\n\nThe operator says the ferry loses money on every trip. Fuel costs have doubled since 2020, while passenger numbers fell by a third.\n";
    let (_dir, deck, pdf) = convert("ferry.md", md);
    let first = &deck["slides"][0];
    assert_eq!(first["kind"], "title");
    assert_eq!(
        first["subtitle"],
        "Twelve hours on the last overnight boat\nBy Ines Faro · 2025-02-11"
    );
    // Both lines are drawn, one under the other.
    let text = pdf_text(&pdf);
    let page1 = text.split('\u{c}').next().unwrap();
    let lines: Vec<&str> = page1.lines().map(str::trim).collect();
    let sub = lines
        .iter()
        .position(|l| *l == "Twelve hours on the last overnight boat")
        .unwrap_or_else(|| panic!("subtitle line missing: {lines:?}"));
    assert_eq!(lines.get(sub + 1), Some(&"By Ines Faro · 2025-02-11"));
}

#[test]
fn raw_html_and_template_syntax_in_a_deck() {
    let md = "+++\ntitle = \"Lighthouse Keepers\"\nauthor = \"Ann Roe\"\n+++\n\n{{< figure src=\"lamp.png\" caption=\"The lamp room at dusk\" >}}\n\nThe lighthouse on the cape was kept by one family for four generations, from 1890 until the light was automated.\n\n<div class=\"note\">\nThe keepers logged the weather every four hours, day and night, for ninety years.\n</div>\n\n## The last keeper\n\nThe last keeper retired in 1987. {{ page.title }} She still ~~lives~~ lived in the cottage below the tower.\n\n<p>Visitors can climb the tower on summer weekends, when volunteers open the gallery.</p>\n\n<script>track()</script>\n";
    let (_dir, deck, _pdf) = convert("keepers.md", md);
    let all = all_slide_text(&deck);
    assert!(
        all.contains("logged the weather every four hours"),
        "div text missing: {all}"
    );
    assert!(all.contains("Visitors can climb the tower"), "{all}");
    for junk in ["<div", "<p>", "page.title", "{{", "track()", "lives"] {
        assert!(!all.contains(junk), "{junk:?} in {all}");
    }
}

#[test]
fn ruby_text_containers_never_reach_the_text() {
    let html = "<html lang=\"ja\"><head><meta charset=\"utf-8\"><title>港</title></head><body><article><h1>港の話</h1><p><ruby><rb>港町</rb><rtc>みなとまち</rtc></ruby>の朝は早い。漁船は四時に出て、八時には市場に魚が並ぶ。観光客が来るのはその後だ。</p><p>古い灯台は今も<ruby>夜<rt>よる</rt></ruby>を照らしている。町の人はそれを誇りに思っている。</p></article></body></html>";
    let doc = distill::document::html::parse(html);
    let all: String = doc
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .map(|b| b.text.as_str())
        .collect();
    assert!(all.contains("港町の朝は早い"), "{all}");
    assert!(
        !all.contains("みなとまち") && !all.contains("よる"),
        "{all}"
    );
}
