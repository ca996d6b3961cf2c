//! Property tests: random bytes and random Markdown/HTML/plain-text fragments through
//! every importer (decoding, format detection, the three parsers) never panic.

use std::path::Path;

use distill::document::{html, markdown, text};
use distill::import::{decode, detect_format, html_charset_hint, sniff_html, Format, Source};
use proptest::prelude::*;

/// Pieces that exercise the parsers' special cases: front matter fences, shortcodes,
/// comments, ruby, tables, figures, headings, byline and footer lines, CJK and RTL text.
const PIECES: &[&str] = &[
    "---\n",
    "+++\n",
    "title: x\n",
    "title = \"x\"\n",
    "# ",
    "## ",
    "### ",
    "> ",
    "- ",
    "1. ",
    "```\n",
    "|a|b|\n|-|-|\n",
    "[^1]",
    "[^1]: note\n",
    "![alt](a.png)",
    "[link](http://x)",
    "<img src=\"a.png\" alt=\"b\">",
    "<!-- c -->",
    "{{< figure src=\"x\" >}}",
    "{% raw %}",
    "<p>",
    "</p>",
    "<div class=\"share\">",
    "</div>",
    "<h2>",
    "</h2>",
    "<ruby>漢<rt>かん</rt></ruby>",
    "<table><tr><td>",
    "</td></tr></table>",
    "<figure><img src=x><figcaption>c</figcaption></figure>",
    "<blockquote cite=\"u\">",
    "</blockquote>",
    "<b>",
    "</b>",
    "<br>",
    "<script>x</script>",
    "作者:张三\n",
    "京ICP备1号\n",
    "关键词:\n",
    "Copyright 2020\n",
    "By Ann Roe\n",
    "Updated 5:27 am CST, November 20, 2019\n",
    "一、标题\n",
    "第一章\n",
    "Chapter 2\n",
    "这是一个句子。",
    "Ein Satz.",
    "שלום",
    "مرحبا",
    "\u{200B}",
    "\u{FEFF}",
    "\u{0}",
    "\r\n",
    "\n\n",
    " ",
    "\t",
    "*",
    "_",
    "<",
    ">",
    "&amp;",
    "&#x0;",
    "😀",
    "👨‍👩‍👧",
];

fn fragment() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(PIECES).prop_map(str::to_string),
            1 => "\\PC{0,12}",
        ],
        0..40,
    )
    .prop_map(|v| v.concat())
}

fn parse_all(s: &str) {
    let _ = markdown::parse(s);
    let _ = text::parse(s);
    let _ = html::parse(s);
    for format in [Format::Markdown, Format::Text, Format::Html] {
        let source = Source {
            text: s.to_string(),
            format,
            path: "x".into(),
            encoding: "UTF-8",
        };
        let _ = distill::document::parse(&source);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let _ = sniff_html(&bytes);
        let hint = html_charset_hint(&bytes);
        if let Ok(decoded) = decode::decode(&bytes, hint.as_deref()) {
            let _ = detect_format(Path::new("x"), &decoded.text);
            parse_all(&decoded.text);
        }
    }

    #[test]
    fn random_fragments_never_panic(s in fragment()) {
        parse_all(&s);
        let _ = decode::decode(s.as_bytes(), Some("gb2312"));
    }
}
