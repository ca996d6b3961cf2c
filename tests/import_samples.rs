//! Encodings and HTML extraction on the shared sample articles (`../shared/samples`).
//! Skipped, with a message, when the samples are absent.

use std::path::{Path, PathBuf};

use distill::document::{BlockKind, Document};

fn samples() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/samples");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipping: ../shared/samples is absent");
        None
    }
}

fn load(name: &str) -> Option<Document> {
    let path = samples()?.join(name);
    Some(distill::document_from_path(&path).unwrap_or_else(|e| panic!("{e}")))
}

fn all_text(doc: &Document) -> String {
    doc.sections
        .iter()
        .flat_map(|s| &s.blocks)
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

fn headings(doc: &Document) -> Vec<Option<&str>> {
    doc.sections.iter().map(|s| s.heading.as_deref()).collect()
}

fn prose(doc: &Document) -> Vec<&str> {
    doc.sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter(|b| b.kind == BlockKind::Paragraph)
        .map(|b| b.text.as_str())
        .collect()
}

#[test]
fn gbk_text_decodes() {
    let Some(doc) = load("nasty-gbk-zh-cpython-sample.txt") else {
        return;
    };
    assert_eq!(doc.meta.encoding, "GBK");
    let text = all_text(&doc);
    assert!(text.contains("Python（派森）语言是一种功能强大而完善的通用型计算机程序设计语言"));
    // Hard-wrapped lines are re-joined into two paragraphs around the question heading.
    assert_eq!(
        headings(&doc),
        vec![None, Some("如何在 Python 中使用既有的 C library?")]
    );
    assert_eq!(prose(&doc).len(), 2);
    assert!(prose(&doc)[1].starts_with("在資訊科技快速發展的今天"));
}

#[test]
fn lying_meta_charset_decodes_as_utf8() {
    let Some(doc) = load("nasty-charset-mismatch-zh-qq-deepmind.html") else {
        return;
    };
    assert_eq!(doc.meta.encoding, "UTF-8");
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶")
    );
    let text = all_text(&doc);
    assert!(text.contains("这款名为DNC（可微神经计算机）的AI模型"));
    assert!(text.contains("DeepMind已将其研究结果发表在科学刊物《自然》"));
    for junk in [
        "转播到腾讯微博",
        "未经授权",
        "责任编辑",
        "热门评论",
        "推荐阅读",
    ] {
        assert!(!text.contains(junk), "{junk} leaked");
    }
    assert!(doc
        .meta
        .credits
        .contains(&("责任编辑".to_string(), "alonliu".to_string())));
}

#[test]
fn thepaper_page_sections_and_no_footer() {
    let Some(doc) = load("zh-html-thepaper-powerbank.html") else {
        return;
    };
    assert_eq!(doc.meta.encoding, "UTF-8");
    assert_eq!(doc.meta.language, "zh");
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("共享充电宝涨价告别1元时代：是“收割韭菜”还是回归理性")
    );
    assert_eq!(
        headings(&doc),
        vec![
            None,
            Some("共享充电宝告别1元时代"),
            Some("市场竞争、资本寒冬下的自我救赎"),
            Some("回归商业本质的理性价格"),
        ]
    );
    let paras = prose(&doc);
    assert!(paras
        .iter()
        .any(|p| p.starts_with("“以前花一两元就能充满电")));
    assert!(paras.last().unwrap().starts_with("（原题为《是“收割韭菜”"));
    let text = all_text(&doc);
    for junk in ["沪ICP备", "关键词", "责任编辑", "相关推荐", "我要跟帖"] {
        assert!(!text.contains(junk), "{junk} leaked");
    }
}

#[test]
fn ruby_readings_never_reach_the_text() {
    let Some(doc) = load("ja-html-nhk-easy-ruby.html") else {
        return;
    };
    assert_eq!(doc.meta.encoding, "UTF-8 with BOM");
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("NEWS WEB EASY|子どもへの体罰を禁止する法律ができる")
    );
    let text = all_text(&doc);
    assert!(text.contains("子どもへの虐待をなくすための法律ができて"));
    // With readings leaking, 子(こ)ども would read "子こども".
    assert!(!text.contains("子こども") && !text.contains("法律ほうりつ"));
}

#[test]
fn heise_page_meta_figure_and_body() {
    let Some(doc) = load("de-html-heise-1password.html") else {
        return;
    };
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("1Password für Mac generiert Einmal-Passwörter")
    );
    assert_eq!(doc.meta.language, "de");
    assert_eq!(doc.meta.date.as_deref(), Some("2015-04-08T12:46:00"));
    let blocks: Vec<_> = doc.sections.iter().flat_map(|s| &s.blocks).collect();
    let fig = blocks
        .iter()
        .find(|b| b.kind == BlockKind::Image)
        .expect("an image");
    assert_eq!(
        fig.caption.as_deref(),
        Some("1Password scannt auch QR-Codes. (Bild: Hersteller)")
    );
    let paras = prose(&doc);
    assert!(paras[0].starts_with("Das in der iOS-Version bereits enthaltene TOTP-Feature"));
    assert!(paras
        .last()
        .unwrap()
        .contains("mindestens OS X 10.10 voraus"));
}

#[test]
fn medium_page_sections_and_author() {
    let Some(doc) = load("en-html-medium-open-journalism.html") else {
        return;
    };
    assert_eq!(doc.meta.authors, vec!["Pippin Lee".to_string()]);
    assert_eq!(doc.meta.language, "en");
    let heads = headings(&doc);
    assert!(heads.contains(&Some("Circa 2011")));
    assert!(heads.contains(&Some("What we know")));
    let images = doc
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter(|b| b.kind == BlockKind::Image)
        .count();
    assert!(images >= 5, "{images} images");
    assert!(
        prose(&doc)[0].starts_with("We pushed out the first version of the Open Journalism site")
    );
}

#[test]
fn wikipedia_page_keeps_history_and_tables() {
    let Some(doc) = load("en-html-wikipedia-mozilla.html") else {
        return;
    };
    assert_eq!(doc.meta.title.as_deref(), Some("Mozilla"));
    let text = all_text(&doc);
    assert!(text.contains("Mozilla is a free-software community, created in 1998"));
    assert!(doc
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .any(|b| b.kind == BlockKind::Table));
    assert!(!text.contains("Privacy policy"));
}
