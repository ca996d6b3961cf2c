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
        // The reader poll under the article.
        "相关度高吗",
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
    assert_eq!(doc.meta.language, "ja");
    assert_eq!(
        doc.meta.title.as_deref(),
        // The site's name before the "|" is no part of the headline.
        Some("子どもへの体罰を禁止する法律ができる")
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
    assert_eq!(doc.meta.encoding, "UTF-8");
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
    assert_eq!(doc.meta.encoding, "UTF-8");
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
    assert_eq!(doc.meta.encoding, "UTF-8");
    assert_eq!(doc.meta.title.as_deref(), Some("Mozilla"));
    let text = all_text(&doc);
    assert!(text.contains("Mozilla is a free-software community, created in 1998"));
    assert!(doc
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .any(|b| b.kind == BlockKind::Table));
    assert!(!text.contains("Privacy policy"));
    // Back matter (the reference list, "See also", "External links") is no article text.
    let heads: Vec<&str> = doc
        .sections
        .iter()
        .filter_map(|s| s.heading.as_deref())
        .collect();
    for back in ["References", "See also", "External links"] {
        assert!(!heads.contains(&back), "{back} kept: {heads:?}");
    }
    for kept in ["History", "Firefox", "Rust", "Mozilla Festival"] {
        assert!(heads.contains(&kept), "{kept} lost: {heads:?}");
    }
    assert!(text.contains("Over 2,000 people representing 90 countries"));
}

/// Asserts the expected values read off a sample by hand: encoding, title, authors,
/// section headings (None = untitled introduction), a phrase of the first and of the
/// last real paragraph, and boilerplate that must be in no block.
#[allow(clippy::too_many_arguments)]
fn expect(
    doc: &Document,
    encoding: &str,
    title: Option<&str>,
    authors: &[&str],
    heads: &[Option<&str>],
    first: &str,
    last: &str,
    junk: &[&str],
) {
    assert_eq!(doc.meta.encoding, encoding);
    assert_eq!(doc.meta.title.as_deref(), title);
    assert_eq!(doc.meta.authors, authors);
    assert_eq!(headings(doc), heads);
    let paras = prose(doc);
    assert!(paras[0].contains(first), "first paragraph: {}", paras[0]);
    let end = paras.last().unwrap();
    assert!(end.contains(last), "last paragraph: {end}");
    for block in doc.sections.iter().flat_map(|s| &s.blocks) {
        for j in junk {
            assert!(!block.text.contains(j), "{j:?} in {:?}", block.text);
        }
    }
}

#[test]
fn seed_sample_meta_sections_and_no_footer() {
    let Some(doc) = load("zh-webcopy-openai-talent.txt") else {
        return;
    };
    expect(
        &doc,
        "UTF-8",
        None,
        &["itsukun"],
        &[
            None,
            Some("直接挖硅谷华人工程师, 复刻 ChatGPT,可行吗?"),
            Some("从 OpenAI 离职的人, 都追求些什么?"),
            Some("成为引领者,需要研究人员 怎样的内在素质?"),
        ],
        "OpenAI 公司成为了时代的焦点",
        "一同不断成长",
        &[
            "关键词",
            "网站运营",
            "版权所有",
            "京ICP备",
            "联系我们",
            "资料图",
            "作者:",
        ],
    );
    assert_eq!(doc.meta.source.as_deref(), Some("湃客工坊"));
    assert_eq!(doc.meta.publisher.as_deref(), Some("大数据文摘"));
    assert_eq!(doc.meta.language, "zh");
}

#[test]
fn markdown_samples_meta_and_sections() {
    let Some(doc) = load("en-md-rust-new-look-website/en-md-rust-new-look-website.md") else {
        return;
    };
    expect(
        &doc,
        "UTF-8",
        Some("A new look for rust-lang.org"),
        &["The Rust Core Team"],
        &[
            None,
            Some("Improving the content"),
            Some("Improving the style"),
            Some("The beta"),
            Some("Some highlights"),
            Some("Future work"),
        ],
        "Before 1.0, Rust had a reputation",
        "so we can work out any bugs we find",
        &["+++", "rust-www1.png"],
    );
    let Some(doc) = load("en-md-rust-check-cfg/en-md-rust-check-cfg.md") else {
        return;
    };
    expect(
        &doc,
        "UTF-8",
        Some("Automatic checking of cfgs at compile-time"),
        &["Urgau"],
        &[
            None,
            Some("A look at the feature"),
            Some("Expecting custom cfgs"),
            Some("Custom cfgs in build scripts"),
            Some("build.rs example"),
            Some("Equivalence table"),
            Some("Frequently asked questions"),
            Some("Can it be disabled?"),
            Some("Does the lint affect dependencies?"),
            Some("How does it interact with the RUSTFLAGS env?"),
            Some("How to expect custom cfgs without a build.rs?"),
            Some("How does it interact with other build systems?"),
        ],
        "The Cargo and Compiler team are delighted to announce",
        "how to achieve the same functionality",
        &["+++"],
    );
    let Some(doc) = load("en-md-noheadings-rust-sponsor.md") else {
        return;
    };
    expect(
        &doc,
        "UTF-8",
        Some("Making it easier to sponsor Rust contributors"),
        &["Jakub Beránek"],
        &[None],
        "Rust depends on a large number of",
        "it is now simpler than ever",
        &["+++"],
    );
    let Some(doc) = load("en-md-long-rust-gsoc-2025.md") else {
        return;
    };
    assert_eq!(doc.meta.authors, vec!["Jakub Beránek", "Jack Huey"]);
    assert_eq!(doc.sections.len(), 20);
    assert_eq!(
        doc.sections.last().unwrap().heading.as_deref(),
        Some("Conclusion")
    );
    let Some(doc) = load("en-md-long-go-survey-2024h1/en-md-long-go-survey-2024h1.md") else {
        return;
    };
    assert_eq!(
        doc.meta.description.as_deref(),
        Some("What we learned from our 2024 H1 developer survey")
    );
    let heads = headings(&doc);
    assert_eq!(heads.first(), Some(&Some("Background")));
    assert_eq!(heads.last(), Some(&Some("Closing")));
    // 52 charts written as inline HTML `<img src>`; the `<style>` block is no text.
    let images = doc
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter(|b| b.kind == BlockKind::Image)
        .count();
    assert_eq!(images, 52);
    assert!(!all_text(&doc).contains("img.chart"));
}

#[test]
fn web_copied_markdown_sample_has_one_article_section() {
    let Some(doc) = load("zh-md-webcopy-4hou-workiva.md") else {
        return;
    };
    assert_eq!(doc.meta.encoding, "UTF-8");
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("SaaS巨头Workiva在遭遇Salesforce攻击后用户数据被泄露")
    );
    // The unlabelled "name column date" line under the headline is the byline.
    assert_eq!(doc.meta.authors, ["胡金鱼"]);
    // The paragraphs set all in bold are the article's subheadings.
    assert_eq!(
        headings(&doc),
        vec![
            None,
            Some("数据泄露细节与平台安全性说明"),
            Some("关联Salesforce数据泄露事件")
        ]
    );
    let text = all_text(&doc);
    assert!(text.contains("知名云基SaaS（软件即服务）提供商Workiva已通知其客户"));
    assert!(text.contains("还入侵了少量谷歌Workspace账户"));
    for junk in [
        "发表评论",
        "你可能感兴趣的",
        "京ICP备",
        "这个家伙很懒",
        "相关热文",
        "2025-09-05 12:00:01",
        "文章翻译自",
        "如若转载",
        "分享至",
    ] {
        assert!(!text.contains(junk), "{junk} leaked");
    }
}

#[test]
fn plain_text_samples() {
    let Some(doc) = load("zh-txt-webcopy-us-corruption-law.txt") else {
        return;
    };
    assert_eq!(doc.meta.encoding, "UTF-8");
    assert_eq!(
        doc.meta.title.as_deref(),
        // The dash that led into the subtitle line is not shown.
        Some("如何在美国把贪官送进监狱")
    );
    // Section titles are bare short lines; the captions pasted twice are no headings.
    // (The subheading right under "如何在美国打官司…——" is read as its first line of
    // text: two heading lines in a row make the second one content.)
    assert_eq!(
        headings(&doc),
        vec![
            None,
            Some("不过也有办法把贪官“换回”中国坐牢：中、美和嫌犯三方达成协议"),
            Some("要做到以上这些，重要的还是中国官方的努力，争取美国的积极合作"),
            Some("如何在美国打官司，向贪官要回钱——"),
            Some("不管刑事，直接打民事官司也可以，就是费时、费力、费钱"),
            Some("目前经验看，最省事、有效的是争取到美国司法部的最大限度合作"),
            Some("结语"),
        ]
    );
    // The caption pasted twice onto one line is kept once, as the caption of a picture
    // the copy lost (not as running text that could become a bullet).
    let text = all_text(&doc);
    let caption = "余振东被遣返回中国后被判处12年有期徒刑。";
    assert_eq!(text.matches(caption).count(), 0);
    let captions: Vec<&str> = doc
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter(|b| b.kind == distill::document::BlockKind::Image && b.src.is_none())
        .filter_map(|b| b.caption.as_deref())
        .collect();
    assert_eq!(
        captions.iter().filter(|c| **c == caption).count(),
        1,
        "{captions:?}"
    );
    assert_eq!(captions.len(), 5, "{captions:?}");
    let Some(doc) = load("nasty-longpara-en-ulysses-penelope.txt") else {
        return;
    };
    assert_eq!(doc.meta.encoding, "UTF-8");
    assert_eq!(headings(&doc), vec![None]);
    assert!(prose(&doc)[0].starts_with("Yes because he never did a thing like that before"));
    assert!(!all_text(&doc).contains('\r'));
    assert!(
        all_text(&doc).contains("and his heart was going like mad and yes I said yes I will Yes.")
    );
    let Some(doc) = load("nasty-mixed-scripts-emoji-blns.txt") else {
        return;
    };
    assert_eq!(doc.meta.encoding, "UTF-8");
    // Not an article, but it imports; NUL and other C0 controls never reach a block.
    assert!(!all_text(&doc).chars().any(|c| c == '\u{0}'));
}

/// A whole news page copied as text (menus, article, related links, comments, footer):
/// only the article is kept, with its title and byline.
#[test]
fn web_page_copied_as_text_keeps_the_article_only() {
    let Some(doc) = load("zh-txt-webcopy-thepaper-powerbank.DERIVED.txt") else {
        return;
    };
    assert_eq!(doc.meta.encoding, "UTF-8");
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("共享充电宝涨价告别1元时代：是“收割韭菜”还是回归理性")
    );
    assert_eq!(doc.meta.authors, vec!["石佳".to_string()]);
    assert_eq!(doc.meta.source.as_deref(), Some("中国青年报"));
    let heads = headings(&doc);
    assert_eq!(heads[0], None);
    assert_eq!(
        heads,
        vec![
            None,
            Some("共享充电宝告别1元时代"),
            Some("市场竞争、资本寒冬下的自我救赎"),
            Some("回归商业本质的理性价格"),
            Some("除了涨价，共享充电宝行业想要发展，还有其他选择吗？"),
        ]
    );
    let paras = prose(&doc);
    // The first real paragraph (the photo credit line before it is no prose).
    let first = paras.iter().find(|p| p.chars().count() > 20).unwrap();
    assert!(first.starts_with("“以前花一两元就能充满电"), "{first}");
    assert!(paras.last().unwrap().starts_with("（原题为《是“收割韭菜”"));
    for block in doc.sections.iter().flat_map(|s| &s.blocks) {
        for junk in [
            "沪ICP备",
            "公网安备",
            "关键词",
            "责任编辑",
            "相关推荐",
            "我要跟帖",
            "回复",
            "字号",
            "[",
            "•",
            "Copyright",
        ] {
            assert!(!block.text.contains(junk), "{junk:?} in {:?}", block.text);
        }
    }
}
