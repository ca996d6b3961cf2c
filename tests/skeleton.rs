//! End-to-end facts of the walking skeleton: real articles become PDF decks with
//! embedded subset fonts, the right text, and none of the web page's junk.

mod common;

use common::*;
use std::path::Path;

#[test]
fn seed_sample_becomes_a_clean_pdf_deck() {
    let Some(samples) = samples() else { return };
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("seed.pdf");
    convert(&samples.join("zh-webcopy-openai-talent.txt"), &pdf);

    let fonts = pdf_fonts(&pdf);
    assert!(!fonts.is_empty());
    for (name, emb, sub, uni) in &fonts {
        assert!(
            *emb && *sub && *uni,
            "font {name} not embedded+subset+ToUnicode"
        );
        assert!(name.contains('+'), "subset tag missing on {name}");
    }
    assert!(pdf_pages(&pdf) >= 5);

    let text = squash(&pdf_text(&pdf));
    for heading in [
        "直接挖硅谷华人工程师,复刻ChatGPT,可行吗?",
        "从OpenAI离职的人,都追求些什么?",
        "成为引领者,需要研究人员怎样的内在素质?",
        "Anthropic",
    ] {
        assert!(text.contains(heading), "missing {heading}");
    }
    for junk in [
        "ICP",
        "版权所有",
        "网站运营",
        "联系我们",
        "qq.com",
        "(资料图)",
        "关键词",
    ] {
        assert!(
            !text.contains(junk),
            "footer/placeholder text {junk} reached a slide"
        );
    }
    // The byline goes under the title, not onto content slides, and the title is not it.
    let first_page = pdf_text(&pdf).split('\u{c}').next().unwrap().to_string();
    assert!(first_page.contains("itsukun"));
    let title = pdf_info(&pdf, "Title").unwrap();
    assert!(!title.contains("itsukun") && !title.contains("转载") && !title.is_empty());
    assert!(pdf_info(&pdf, "Author").unwrap().contains("itsukun"));
}

fn assert_markdown_deck(md: &Path, headings: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("deck.pdf");
    convert(md, &pdf);
    let raw = pdf_text(&pdf);
    for bad in ["**", "](", "+++", "![", "<img", "```"] {
        assert!(
            !raw.contains(bad),
            "raw Markdown {bad:?} on a slide of {}",
            md.display()
        );
    }
    let text = squash(&raw);
    let mut at = 0;
    for h in headings {
        let h = squash(h);
        let found = text[at..]
            .find(&h)
            .unwrap_or_else(|| panic!("heading {h} missing or out of order"));
        at += found + h.len();
    }
    for (name, emb, sub, _) in pdf_fonts(&pdf) {
        assert!(emb && sub, "font {name} not embedded as subset");
    }
    // The content slides themselves follow the headings, in order.
    let json = dir.path().join("deck.json");
    convert(md, &json);
    let deck: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    let titles: Vec<String> = deck["slides"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["kind"] == "bullets" || s["kind"] == "title")
        .map(|s| s["title"].as_str().unwrap().to_string())
        .collect();
    let mut next = titles.iter();
    for h in headings {
        assert!(
            next.any(|t| t == h),
            "no slide titled {h:?} in order: {titles:?}"
        );
    }
}

#[test]
fn markdown_samples_follow_their_headings() {
    let Some(samples) = samples() else { return };
    assert_markdown_deck(
        &samples.join("en-md-rust-new-look-website/en-md-rust-new-look-website.md"),
        &[
            "A new look for rust-lang.org",
            "Improving the content",
            "Improving the style",
            "The beta",
            "Some highlights",
            "Future work",
        ],
    );
    assert_markdown_deck(
        &samples.join("en-md-long-rust-gsoc-2025.md"),
        &[
            "Google Summer of Code 2025 results",
            "Add safety contracts",
            "Conclusion",
        ],
    );
}

#[test]
fn repo_samples_convert() {
    let dir = tempfile::tempdir().unwrap();
    let en = repo_samples().join("en-tidal-library/en-tidal-library.md");
    let pdf = dir.path().join("en.pdf");
    convert(&en, &pdf);
    let text = squash(&pdf_text(&pdf));
    assert!(text.contains("Powerfromthetide"), "{text}");
    let zh = repo_samples().join("zh-webcopy-night-market.txt");
    let pdf = dir.path().join("zh.pdf");
    convert(&zh, &pdf);
    let text = squash(&pdf_text(&pdf));
    assert!(!text.contains("ICP") && !text.contains("版权所有"));
    assert!(pdf_pages(&pdf) >= 4);
}

/// Every bullet's text is found verbatim (whitespace aside) at its recorded byte ranges.
#[test]
fn bullets_trace_back_to_their_source_bytes() {
    let Some(samples) = samples() else { return };
    let dir = tempfile::tempdir().unwrap();
    for rel in [
        "zh-webcopy-openai-talent.txt",
        "en-md-rust-new-look-website/en-md-rust-new-look-website.md",
        "en-md-long-rust-gsoc-2025.md",
    ] {
        let input = samples.join(rel);
        let json = dir.path().join("deck.json");
        convert(&input, &json);
        let deck: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
        assert_eq!(deck["version"], 1);
        let source = String::from_utf8(std::fs::read(&input).unwrap()).unwrap();
        let source = source.strip_prefix('\u{feff}').unwrap_or(&source);
        let mut bullets = 0;
        // Bullets come from the article; agenda and sources items are made by Distill.
        for slide in deck["slides"].as_array().unwrap() {
            if slide["kind"] != "bullets" {
                continue;
            }
            for item in slide["items"].as_array().unwrap() {
                let text = item["text"].as_str().unwrap();
                let ranges = item["source"].as_array().unwrap();
                assert!(!ranges.is_empty(), "bullet without source: {text}");
                let from_source: String = ranges
                    .iter()
                    .map(|r| {
                        &source[r[0].as_u64().unwrap() as usize..r[1].as_u64().unwrap() as usize]
                    })
                    .collect();
                // Markdown markup between pieces is not part of the bullet; compare words.
                let (a, b) = (squash(text), squash(&from_source));
                assert_eq!(a, b, "bullet does not match its source bytes");
                bullets += 1;
            }
        }
        assert!(bullets >= 5, "{rel}: only {bullets} bullets");
    }
}

#[test]
fn inspect_prints_sections_as_json() {
    let Some(samples) = samples() else { return };
    let o = distill(&[
        "inspect".as_ref(),
        samples.join("zh-webcopy-openai-talent.txt").as_os_str(),
        "--verbose".as_ref(),
    ]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let headings: Vec<Option<&str>> = v["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["heading"]["text"].as_str())
        .collect();
    assert_eq!(headings.len(), 4);
    assert_eq!(headings[0], None);
    assert_eq!(headings[3], Some("成为引领者,需要研究人员 怎样的内在素质?"));
    assert_eq!(v["meta"]["authors"][0], "itsukun");
    let byline = v["meta"]["byline"].as_str().expect("a one-line byline");
    assert!(
        byline.starts_with("itsukun") && byline.contains("编辑 张铃媛"),
        "{byline}"
    );
    assert_eq!(v["meta"]["source"], "湃客工坊");
    let dropped: Vec<&str> = v["dropped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["text"].as_str().unwrap())
        .collect();
    assert!(dropped.iter().any(|d| d.contains("ICP备")));
    assert!(dropped.contains(&"(资料图)"));
}

/// A news page copied as Markdown: menus, related-article lists and the author box
/// never reach a slide.
#[test]
fn web_copied_markdown_keeps_only_the_article() {
    let Some(samples) = samples() else { return };
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("w.pdf");
    convert(&samples.join("zh-md-webcopy-4hou-workiva.md"), &pdf);
    let text = squash(&pdf_text(&pdf));
    for junk in [
        "企业中心",
        "你可能感兴趣",
        "最新文章",
        "相关热文",
        "这个家伙很懒",
        "登录",
        "京ICP备",
    ] {
        assert!(!text.contains(junk), "{junk} reached a slide");
    }
    assert!(text.contains("Workiva"));
}
