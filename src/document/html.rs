//! HTML parser: page metadata, main-content extraction (`dom_smoothie`), then DOM → blocks.
//!
//! A saved web page carries far more than its article: menus, share bars, related
//! articles, comments, footers. The page is parsed once with `dom_query` (html5ever);
//! ruby readings (`<rt>`, `<rp>`), scripts and styles are removed; the metadata is read
//! from `<head>` (`og:title`, `<title>`, `<h1>`, author and date meta, `lang`); then
//! `dom_smoothie` (a port of Mozilla's Readability) picks the element holding the article
//! and cleans it; finally that element is walked into sections and blocks: headings open
//! sections, `<p>` are paragraphs, `<li>` list items, `<blockquote>` quotes, `<figure>`
//! and `<img>` images (with caption), `<table>` tables, `<pre>` code. Blocks that the
//! boilerplate rules recognise (copyright, 责任编辑, keyword lines, calls to action,
//! credit lines …) are dropped and reported, and so are teasers of other pages (linked
//! headlines, "Read more: …" links, the list under a "Related" heading), a closing author
//! bio and a press release's closing company boilerplate. HTML blocks carry no source
//! byte ranges (`pieces` is empty).

use dom_query::{Document as Dom, NodeRef, Selection};
use dom_smoothie::{Config, Readability};

use super::boilerplate::{
    classify, has_company_facts, is_author_bio, is_chrome_heading, is_company_description,
    LineClass,
};
use super::{Block, BlockKind, Document, Dropped, Meta, Section};

/// Deepest element nesting walked; deeper content is read as flat text.
const MAX_DEPTH: usize = 200;

/// Elements whose content never reaches the text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "aside", "form", "button", "iframe", "svg",
    "math", "select", "input", "textarea", "rt", "rp", "head", "title", "object", "embed", "video",
    "audio", "canvas", "dialog", "menu",
];

/// Elements that end the current block of running text (also used for raw HTML blocks in
/// Markdown).
pub(super) const BLOCK_LEVEL: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "center",
    "body",
    "html",
    "caption",
];

/// Parses an HTML page into a document: metadata from the whole page, blocks from its
/// main content only. Never panics; a page without article text yields a document with
/// no prose (which [`super::parse`] reports as [`crate::ErrorKind::NoContent`]).
pub fn parse(src: &str) -> Document {
    let dom = Dom::from(src);
    dom.select("rt, rp, rtc, script, style, noscript, template")
        .remove();
    // A quote's attribution in a <footer> (HTML's pattern for blockquotes) would go with
    // the page footers that main-content extraction removes: make it a <cite>.
    for footer in dom.select("blockquote footer").nodes() {
        footer.rename("cite");
    }
    let mut meta = page_meta(&dom);
    meta.subtitle = take_subtitle(&dom);
    let mut pre_dropped = Vec::new();
    // Links inside a quotation (an embedded post's handle, date and t.co links) would
    // make Readability's link density drop the quote; the words stay, the links go.
    dom.select("blockquote").strip_elements(&["a"]);
    lift_captions(&dom);
    strip_chrome(&dom, &mut pre_dropped);
    let config = Config {
        max_elements_to_parse: 0,
        ..Config::default()
    };
    let content = Readability::with_document(dom, None, Some(config))
        .and_then(|mut r| r.parse())
        .ok();
    let mut walker = Walker {
        dropped: pre_dropped,
        ..Walker::default()
    };
    if let Some(article) = content {
        if meta.title.is_none() && !article.title.trim().is_empty() {
            meta.title = Some(article.title.trim().to_string());
        }
        if meta.authors.is_empty() {
            if let Some(by) = article.byline.as_deref().map(str::trim) {
                if !by.is_empty() && by.chars().count() <= 80 {
                    meta.authors.push(by.to_string());
                }
            }
        }
        if meta.date.is_none() {
            meta.date = article.published_time.clone();
        }
        let body = Dom::from(article.content.as_ref());
        walker.title = meta.title.clone();
        walker.walk(&body.root(), 0);
        walker.flush();
        let teasers = std::mem::take(&mut walker.teasers);
        drop_teasers(&mut walker.sections, &teasers, &mut walker.dropped);
        drop_closing_bio(&mut walker.sections, &mut walker.dropped);
        drop_company_boilerplate(&mut walker.sections, &mut walker.dropped);
    }
    let Walker {
        mut sections,
        dropped,
        credits,
        authors,
        source,
        ..
    } = walker;
    for (role, name) in credits {
        meta.credits.push((role, name));
    }
    for a in authors {
        // "Tom Ellery, Transport correspondent" in the page is the author the page's
        // meta already names as "Tom Ellery".
        let known = meta.authors.iter().any(|m| {
            a == *m
                || a.strip_prefix(m.as_str()).is_some_and(|rest| {
                    rest.trim_start()
                        .starts_with([',', '(', '|', '·', '–', '—'])
                })
        });
        if !known {
            meta.authors.push(a);
        }
    }
    if meta.source.is_none() {
        meta.source = source;
    }
    // The declared `lang` is often a site-wide default ("en" on a Chinese page): when
    // the extracted text is detected as a CJK language, the detection wins; otherwise
    // the declared language does.
    let text: String = sections
        .iter()
        .flat_map(|s| &s.blocks)
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let detected = super::detect_language(&text);
    if matches!(detected, "zh" | "ja" | "ko") || meta.language.is_empty() {
        meta.language = detected.to_string();
    }
    if sections.is_empty() {
        sections.push(Section {
            heading: None,
            level: 2,
            blocks: Vec::new(),
        });
    }
    Document {
        meta,
        sections,
        dropped,
        warnings: Vec::new(),
    }
}

/// Metadata from the page: title (`og:title`, else a lone `<h1>`, else `<title>`),
/// authors, date, publisher (`og:site_name`) and language (`<html lang>`).
fn page_meta(dom: &Dom) -> Meta {
    let mut meta = Meta::default();
    let content = |sel: &str| -> Option<String> {
        dom.select(sel)
            .iter()
            .filter_map(|s| s.attr("content"))
            .map(|c| collapse(&c))
            .find(|c| !c.is_empty())
    };
    let h1s: Vec<String> = dom
        .select("body h1")
        .iter()
        .map(|h| collapse(&h.text()))
        .filter(|t| !t.is_empty())
        .collect();
    let title_tag = dom
        .select("head title")
        .iter()
        .map(|t| collapse(&t.text()))
        .find(|t| !t.is_empty());
    let site = content("meta[property='og:site_name'], meta[name='application-name']");
    meta.title = content("meta[property='og:title'], meta[name='twitter:title']")
        .map(|t| without_site_name(&t, site.as_deref(), false))
        .or_else(|| (h1s.len() == 1).then(|| h1s[0].clone()))
        .or_else(|| {
            let t = title_tag?;
            // A <title> is "Headline | Site" (or the other way round): the page's own
            // heading, when one of its <h1>s opens or ends the <title>, is the headline.
            h1s.iter()
                .find(|h| {
                    h.chars().count() >= 8 && (t.starts_with(h.as_str()) || t.ends_with(h.as_str()))
                })
                .cloned()
                .or_else(|| Some(without_site_name(&t, site.as_deref(), true)))
        });
    for sel in [
        "meta[name='author']",
        "meta[property='article:author']",
        "meta[name='byl']",
        "meta[name='dc.creator']",
    ] {
        if let Some(a) = content(sel) {
            let a = a.trim_start_matches("By ").trim_start_matches("by ").trim();
            // article:author is often a profile URL, which is no name.
            if !a.is_empty() && !a.contains("://") && !meta.authors.iter().any(|x| x == a) {
                meta.authors.push(a.to_string());
            }
        }
    }
    meta.date = content(
        "meta[property='article:published_time'], meta[name='pubdate'], \
         meta[name='publishdate'], meta[name='date'], meta[itemprop='datePublished']",
    )
    .or_else(|| {
        dom.select("time[datetime]")
            .iter()
            .filter_map(|t| t.attr("datetime"))
            .map(|d| d.trim().to_string())
            .find(|d| !d.is_empty())
    });
    meta.publisher = content("meta[property='og:site_name']");
    meta.url = dom
        .select("link[rel='canonical']")
        .iter()
        .filter_map(|l| l.attr("href"))
        .find_map(|h| super::web_url(&h))
        .or_else(|| content("meta[property='og:url']").and_then(|u| super::web_url(&u)));
    meta.description = content("meta[property='og:description'], meta[name='description']");
    if let Some(lang) = dom.select("html").attr("lang") {
        let primary = lang
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        if (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic()) {
            meta.language = primary;
        }
    }
    meta
}

/// Class or id words of the element that carries an article's subtitle (standfirst, dek).
const SUBTITLE_WORDS: &[&str] = &[
    "subtitle",
    "subheadline",
    "subhead",
    "standfirst",
    "dek",
    "strapline",
    "sub",
];

/// The article's subtitle: the first element marked as one (`itemprop="alternativeHeadline"`,
/// or a class/id word in [`SUBTITLE_WORDS`] — "sub" only with "title" or "head" beside it,
/// as in `sub-title`) that follows the page's `<h1>` closely (the `<h1>` is one of the three
/// elements before it or before its parent) and whose text is 10–300 characters, not all
/// in capitals. The element is removed from the page: the title slide shows it, so it
/// neither opens a section nor repeats as the first paragraph.
fn take_subtitle(dom: &Dom) -> Option<String> {
    for node in dom
        .select("body [itemprop='alternativeHeadline'], body [class], body [id]")
        .nodes()
    {
        let names = class_and_id(node);
        let words: Vec<&str> = name_words(&names).collect();
        let marked = node
            .attr("itemprop")
            .is_some_and(|v| &*v == "alternativeHeadline")
            || words.iter().enumerate().any(|(i, w)| {
                if *w == "sub" {
                    words
                        .get(i + 1)
                        .is_some_and(|n| *n == "title" || *n == "head" || *n == "headline")
                } else {
                    SUBTITLE_WORDS.contains(w)
                }
            });
        // Section labels, menus and teasers carry the same class names: a subtitle sits
        // right after the headline (an <h1> among the three elements before it, or
        // before its parent).
        let near_h1 = |n: Option<NodeRef>| {
            let mut cur = n.and_then(|n| n.prev_element_sibling());
            for _ in 0..3 {
                let Some(c) = cur else { return false };
                if c.node_name().is_some_and(|t| t.eq_ignore_ascii_case("h1"))
                    || Selection::from(c).select("h1").exists()
                {
                    return true;
                }
                cur = c.prev_element_sibling();
            }
            false
        };
        if !marked || !(near_h1(Some(*node)) || near_h1(node.parent())) {
            continue;
        }
        let sel = Selection::from(*node);
        let text = collapse(&sel.text());
        let n = text.chars().count();
        // A label in capitals ("LATEST NEWS") is no subtitle.
        let shouts = text.chars().any(char::is_uppercase) && !text.chars().any(char::is_lowercase);
        if !(10..=300).contains(&n) || shouts {
            continue;
        }
        sel.remove();
        return Some(text);
    }
    None
}

/// Separators between a headline and the site's name in page titles.
const TITLE_SEPARATORS: &[&str] = &[
    " | ", "｜", "|", " - ", " – ", " — ", " _ ", "_", " :: ", " · ", " » ",
];

/// `title` without the site's name before or after it ("Headline | Site", "Site - Headline",
/// "标题_网站"): the name `site` (from `og:site_name`) where it is given; otherwise, when
/// `guess` is set (a `<title>`, which names the site more often than not), a last segment
/// after a separator that is short (at most 40 characters and no longer than the rest). The title is returned unchanged when nothing would remain.
fn without_site_name(title: &str, site: Option<&str>, guess: bool) -> String {
    let title = title.trim();
    if let Some(site) = site.map(str::trim).filter(|s| !s.is_empty()) {
        for sep in TITLE_SEPARATORS {
            let rest = title
                .strip_suffix(site)
                .and_then(|r| r.strip_suffix(sep))
                .or_else(|| title.strip_prefix(site).and_then(|r| r.strip_prefix(sep)));
            if let Some(rest) = rest.map(str::trim).filter(|r| !r.is_empty()) {
                return rest.to_string();
            }
        }
    }
    if guess {
        for sep in TITLE_SEPARATORS {
            if let Some((head, tail)) = title.rsplit_once(sep) {
                let (h, t) = (head.trim(), tail.trim());
                let (hn, tn) = (h.chars().count(), t.chars().count());
                if tn > 0 && tn <= 40 && tn <= hn {
                    return h.to_string();
                }
            }
        }
    }
    title.to_string()
}

/// Class or id words that name page chrome rather than article text, matched against
/// whole words of an element's `class`/`id` (split at spaces, `-` and `_`). The same
/// vocabulary drives trafilatura's discard rules (Barbaresi 2021, "Trafilatura: A Web
/// Scraping Library and Command-Line Tool for Text Discovery and Extraction") and
/// Readability's "unlikely candidates".
const CHROME_WORDS: &[&str] = &[
    "share",
    "sharing",
    "social",
    "related",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "byline",
    "timestamp",
    "dateline",
    "breadcrumb",
    "breadcrumbs",
    "gallery",
    "slideshow",
    "carousel",
    "slidecount",
    "comments",
    "promo",
    "sponsored",
    "advert",
    "advertisement",
    "outbrain",
    "taboola",
    "recommended",
    "trending",
    "popular",
    "tags",
    "disclaimer",
    "copyright",
];

/// Substrings of a class/id that name chrome even inside compound names
/// (`inlinegallery`, `resgalleryitem`, `article-byline`, `publish-info`).
const CHROME_PARTS: &[&str] = &[
    "gallery",
    "slideshow",
    "byline",
    "timestamp",
    "newsletter",
    "breadcrumb",
    "publish-info",
    "share-",
    "social-",
    "related-",
    // Text for screen readers only ("Skip to content", "Opens in a new window").
    "sr-only",
    "screen-reader",
    "visually-hidden",
    "visuallyhidden",
];

/// Removes page chrome named by its `class`/`id` ([`CHROME_WORDS`], [`CHROME_PARTS`])
/// before main-content extraction, recording each removed element's text in `dropped`.
/// Guards: never the root, `<body>`, `<main>`, `<article>` or an element holding an
/// `<article>`/`<main>`, and never an element holding more than a fifth of the page's text
/// (a wrapper whose name merely mentions one of the words).
fn strip_chrome(dom: &Dom, dropped: &mut Vec<Dropped>) {
    let total = dom
        .select("body")
        .text()
        .chars()
        .filter(|c| !c.is_whitespace())
        .count();
    for node in dom.select("body [class], body [id]").nodes() {
        // Skip nodes already detached with an ancestor.
        if !node
            .ancestors_it(None)
            .any(|a| a.node_name().is_some_and(|n| &*n == "body"))
        {
            continue;
        }
        let name = node
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        if matches!(
            name.as_str(),
            "main" | "article" | "body" | "html" | "p" | "h1"
        ) {
            continue;
        }
        let names = class_and_id(node);
        let word = name_words(&names).find(|w| CHROME_WORDS.contains(w));
        let part = CHROME_PARTS.iter().find(|p| names.contains(*p));
        let sel = Selection::from(*node);
        // A caption outside `<figure>` (`class="caption"`, `media-caption`, `wp-caption-text`):
        // the words under a picture, no part of the running text. A `<figcaption>` (and what
        // it holds) and an element that also holds the picture are left for the walker,
        // which keeps the picture with its caption.
        let caption = (names.contains("caption")
            && name != "figcaption"
            && !node
                .ancestors_it(None)
                .any(|a| a.node_name().is_some_and(|n| &*n == "figcaption"))
            && !sel.select("img, picture").exists())
        .then_some("caption");
        let Some(hit) = word.or(part.copied()).or(caption) else {
            continue;
        };
        if sel
            .select("article, main, [itemprop='articleBody']")
            .exists()
        {
            continue;
        }
        // An embedded post (a "social-media-embed" around a quoted tweet) is quoted
        // content, not a share bar: it stays, and loses the name that would make
        // Readability drop it as an unlikely candidate.
        if sel.select("blockquote").exists() {
            sel.remove_attr("class");
            sel.remove_attr("id");
            continue;
        }
        let text = collapse(&sel.text());
        let len = text.chars().filter(|c| !c.is_whitespace()).count();
        if len * 5 > total {
            continue;
        }
        if !text.is_empty() {
            dropped.push(Dropped {
                text,
                reason: format!("page chrome (class or id \"{hit}\")"),
            });
        }
        sel.remove();
    }
}

/// Attribute of a `<figure>` holding the text of its `<figcaption>` (see [`lift_captions`]).
const CAPTION_ATTR: &str = "data-distill-caption";

/// Moves each `<figcaption>` out of the tree before main-content extraction, keeping its
/// text in its `<figure>`'s [`CAPTION_ATTR`]: captions are no article text, and left in
/// they add words to the container Readability scores (a caption-heavy wrapper then wins
/// over the article). The walker gives the text back to the figure's image as its caption.
fn lift_captions(dom: &Dom) {
    for node in dom.select("figure figcaption").nodes() {
        let Some(figure) = node
            .ancestors_it(None)
            .find(|a| a.node_name().is_some_and(|n| &*n == "figure"))
        else {
            continue;
        };
        let text = collapse(&Selection::from(*node).text());
        if !text.is_empty() && !figure.has_attr(CAPTION_ATTR) {
            figure.set_attr(CAPTION_ATTR, &text);
        }
        Selection::from(*node).remove();
    }
}

/// An element's `class` and `id` values in lower case, joined by a space.
fn class_and_id(node: &NodeRef) -> String {
    format!(
        "{} {}",
        node.attr("class").unwrap_or_default(),
        node.attr("id").unwrap_or_default()
    )
    .to_ascii_lowercase()
}

/// The words of [`class_and_id`]'s names, split at spaces, `-` and `_`
/// (`"article-sub_title main"` → article, sub, title, main).
fn name_words(names: &str) -> impl Iterator<Item = &str> {
    names.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
}

/// Collapses whitespace runs to one space and trims.
pub(super) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text of an element as one line: whitespace collapsed, skipped elements left out.
fn inline_text(node: &NodeRef, depth: usize) -> String {
    let mut out = String::new();
    collect_text(node, depth, &mut out);
    collapse(&out)
}

fn collect_text(node: &NodeRef, depth: usize, out: &mut String) {
    for child in node.children_it(false) {
        if child.is_text() {
            out.push_str(&child.text());
        } else if child.is_element() {
            let name = child.node_name().map(|n| n.to_ascii_lowercase());
            let name = name.as_deref().unwrap_or("");
            if SKIPPED.contains(&name) {
                continue;
            }
            if name == "br" || BLOCK_LEVEL.contains(&name) {
                out.push(' ');
            }
            if depth < MAX_DEPTH {
                collect_text(&child, depth + 1, out);
            }
            if BLOCK_LEVEL.contains(&name) {
                out.push(' ');
            }
        }
    }
}

/// Walks the main content into sections and blocks.
#[derive(Default)]
struct Walker {
    sections: Vec<Section>,
    dropped: Vec<Dropped>,
    credits: Vec<(String, String)>,
    authors: Vec<String>,
    source: Option<String>,
    /// The page title, so a heading repeating it is not made a section.
    title: Option<String>,
    /// Running text not yet in a block; `\n` marks a `<br>`.
    inline: String,
    /// Kind of block the running text becomes (paragraph, quote, list item).
    kind: Vec<BlockKind>,
    /// A `cite` for quote blocks being built.
    cite: Option<String>,
    /// Whether any prose block was emitted yet (credits are read before it).
    started: bool,
    /// Bytes of link text (`<a>`, whitespace left out) in the running text.
    link_bytes: usize,
    /// Texts of `<strong>`/`<b>` spans in the running text: a line that is all bold and
    /// heading-shaped is a subheading (common on Chinese news sites).
    bold: Vec<String>,
    /// Indices into `sections` of sections whose heading is all link text (a headline
    /// pointing at another page); see [`drop_teasers`].
    teasers: Vec<usize>,
    /// Set by a dropped chrome heading ("More stories", "Don't miss"): the short linked
    /// blocks right after it are its list of other stories. Cleared by the first block
    /// that is not one.
    after_chrome_heading: bool,
}

impl Walker {
    fn kind(&self) -> BlockKind {
        self.kind.last().copied().unwrap_or(BlockKind::Paragraph)
    }

    fn walk(&mut self, node: &NodeRef, depth: usize) {
        for child in node.children_it(false) {
            if child.is_text() {
                // Source newlines are spaces; `\n` in the running text marks a `<br>`.
                let text = child.text();
                self.inline.extend(
                    text.chars()
                        .map(|c| if c.is_whitespace() { ' ' } else { c }),
                );
                continue;
            }
            if !child.is_element() {
                continue;
            }
            let name = child.node_name().map(|n| n.to_ascii_lowercase());
            let name = name.as_deref().unwrap_or("");
            if SKIPPED.contains(&name) || is_hidden(&child) {
                continue;
            }
            if depth >= MAX_DEPTH {
                let t = inline_text(&child, depth);
                self.inline.push(' ');
                self.inline.push_str(&t);
                continue;
            }
            match name {
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                    self.flush();
                    let text = inline_text(&child, depth);
                    let level = name[1..].parse().unwrap_or(2);
                    let before = self.sections.len();
                    let linked = link_share(&child) >= 0.9;
                    self.heading(text, level);
                    if linked && self.sections.len() > before {
                        self.teasers.push(self.sections.len() - 1);
                    }
                }
                "br" => self.inline.push('\n'),
                "strong" | "b" => {
                    let before = self.inline.len();
                    self.walk(&child, depth + 1);
                    // A block inside the bold element may have flushed the running text.
                    if let Some(span) = self.inline.get(before..).map(collapse) {
                        if !span.is_empty() {
                            self.bold.push(span);
                        }
                    }
                }
                "hr" => self.flush(),
                "a" => {
                    let before = self.inline.len();
                    self.walk(&child, depth + 1);
                    if let Some(span) = self.inline.get(before..) {
                        self.link_bytes += span.split_whitespace().map(str::len).sum::<usize>();
                    }
                }
                "li" | "dd" | "dt" => self.nested(&child, depth, BlockKind::ListItem),
                "blockquote" => {
                    self.flush();
                    let cite = child
                        .attr("cite")
                        .map(|c| c.to_string())
                        .filter(|c| !c.contains("://"))
                        .or_else(|| {
                            let c = Selection::from(child).select("cite, footer").text();
                            // "— Name": the dash only introduces the attribution.
                            let c = collapse(&c)
                                .trim_start_matches(['—', '–', '―', '-', '~', '～', ' '])
                                .to_string();
                            (!c.is_empty() && c.chars().count() <= 80).then_some(c)
                        });
                    let outer = std::mem::replace(&mut self.cite, cite);
                    self.nested(&child, depth, BlockKind::Quote);
                    self.cite = outer;
                }
                "pre" => {
                    self.flush();
                    let text = child.text().trim_matches('\n').to_string();
                    self.push_block(BlockKind::Code, text, None, None);
                }
                "table" => {
                    self.flush();
                    self.table(&child, depth);
                }
                "figure" => {
                    self.flush();
                    self.figure(&child, depth);
                }
                "img" => {
                    self.flush();
                    if let Some(src) = img_src(&child) {
                        let alt = collapse(&child.attr("alt").unwrap_or_default());
                        self.push_image(src, alt, None);
                    }
                }
                "cite" | "footer" if self.kind() == BlockKind::Quote && self.cite.is_some() => {}
                // A caption whose `<figure>` was not kept with its picture: still a caption.
                "figcaption" => {
                    self.flush();
                    let text = inline_text(&child, depth);
                    if !text.is_empty() {
                        self.dropped.push(Dropped {
                            text,
                            reason: "image caption".into(),
                        });
                    }
                }
                _ if BLOCK_LEVEL.contains(&name) => {
                    self.flush();
                    self.walk(&child, depth + 1);
                    self.flush();
                }
                _ => self.walk(&child, depth + 1),
            }
        }
    }

    /// Walks `node` with `kind` as the kind of its running text.
    fn nested(&mut self, node: &NodeRef, depth: usize, kind: BlockKind) {
        self.flush();
        self.kind.push(kind);
        self.walk(node, depth + 1);
        self.flush();
        self.kind.pop();
    }

    fn heading(&mut self, text: String, level: u8) {
        // Wiki section-edit links ("History[edit]") are no part of the heading.
        let text = match text.strip_suffix("[edit]").or(text.strip_suffix("[编辑]")) {
            Some(t) => t.trim_end().to_string(),
            None => text,
        };
        if text.is_empty() {
            return;
        }
        let repeats_title = self.title.as_deref().is_some_and(|t| {
            let (a, b) = (t.trim(), text.trim());
            a == b || (b.chars().count() >= 8 && a.starts_with(b))
        });
        self.after_chrome_heading = false;
        // Back-matter headings ("See also") stay: their whole section goes later; so do
        // comment-section headings ("12 Comments"): everything after them goes later
        // (`document::drop_comment_section`).
        let opens_comments = super::boilerplate::is_comment_start(&text)
            && !super::boilerplate::is_bare_comment_word(&text);
        if is_chrome_heading(&text) && !super::is_back_matter_heading(&text) && !opens_comments {
            // Only the heading goes: on news pages a "Related" box often sits inside the
            // article, and the paragraphs after it are article text again.
            self.dropped.push(Dropped {
                text,
                reason: "page chrome heading (related, comments, sign-up)".into(),
            });
            self.after_chrome_heading = true;
            return;
        }
        if repeats_title && self.sections.iter().all(|s| s.blocks.is_empty()) {
            self.dropped.push(Dropped {
                text,
                reason: "heading repeats the title".into(),
            });
            return;
        }
        self.sections.push(Section {
            heading: Some(text),
            level,
            blocks: Vec::new(),
        });
    }

    fn figure(&mut self, node: &NodeRef, depth: usize) {
        let sel = Selection::from(*node);
        let img = sel.select("img").nodes().first().cloned();
        let caption = sel
            .select("figcaption")
            .nodes()
            .first()
            .map(|c| inline_text(c, depth))
            .or_else(|| node.attr(CAPTION_ATTR).map(|c| c.to_string()))
            .filter(|c| !c.is_empty());
        match img.as_ref().and_then(img_src) {
            Some(src) => {
                let alt = img
                    .as_ref()
                    .map(|i| collapse(&i.attr("alt").unwrap_or_default()))
                    .unwrap_or_default();
                self.push_image(src, alt, caption);
            }
            // A figure without an image (a quote, a table, a code listing): walk it.
            None => {
                self.walk(node, depth + 1);
                self.flush();
            }
        }
    }

    fn table(&mut self, node: &NodeRef, depth: usize) {
        let mut rows = Vec::new();
        for tr in Selection::from(*node).select("tr").nodes() {
            let cells: Vec<String> = tr
                .element_children()
                .iter()
                .filter(|c| c.node_name().is_some_and(|n| &*n == "td" || &*n == "th"))
                .map(|c| inline_text(c, depth))
                .collect();
            if cells.iter().any(|c| !c.is_empty()) {
                rows.push(cells.join(" | "));
            }
        }
        if rows.is_empty() {
            // A layout table: its content is ordinary text.
            self.walk(node, depth + 1);
            self.flush();
            return;
        }
        self.push_block(BlockKind::Table, rows.join("\n"), None, None);
    }

    fn push_image(&mut self, src: String, alt: String, caption: Option<String>) {
        // A picture has no running text: its caption and alt text are kind-specific
        // fields (captions are no part of the article body, as in the ScrapingHub
        // benchmark's ground truth).
        let text = String::new();
        if let Some(c) = caption.as_deref() {
            if matches!(classify(c), LineClass::Placeholder) {
                self.dropped.push(Dropped {
                    text: c.to_string(),
                    reason: "image placeholder".into(),
                });
            }
        }
        self.section().blocks.push(Block {
            kind: BlockKind::Image,
            text,
            src: Some(src),
            caption,
            alt: (!alt.is_empty()).then_some(alt),
            cite: None,
            pieces: Vec::new(),
        });
    }

    fn section(&mut self) -> &mut Section {
        if self.sections.is_empty() {
            self.sections.push(Section {
                heading: None,
                level: 2,
                blocks: Vec::new(),
            });
        }
        self.sections.last_mut().expect("one section")
    }

    /// Turns the running text into blocks, one per `<br>`-separated line.
    fn flush(&mut self) {
        if self.inline.trim().is_empty() {
            self.inline.clear();
            self.link_bytes = 0;
            self.bold.clear();
            return;
        }
        let inline = std::mem::take(&mut self.inline);
        let link_bytes = std::mem::take(&mut self.link_bytes);
        let kind = self.kind();
        // Running text that is (almost) all link text is navigation: related-article
        // lists, "Related: …" teasers, tag and share links (Readability's link density).
        let bytes: usize = inline.split_whitespace().map(str::len).sum();
        // "Read more: <a>…</a>", "Related: <a>…</a>", "相关阅读：<a>…</a>": a short label
        // and a link, a teaser for another page; the label counts as link text.
        let label = label_bytes(&inline);
        if matches!(kind, BlockKind::Paragraph | BlockKind::ListItem)
            && link_bytes > 0
            && (link_bytes + label) * 10 >= bytes * 9
        {
            self.bold.clear();
            for line in inline.split('\n') {
                let text = collapse(line);
                if !text.is_empty() {
                    self.dropped.push(Dropped {
                        text,
                        reason: "navigation: link text".into(),
                    });
                }
            }
            return;
        }
        // The list under a "Related" / "Don't miss" heading: short blocks (≤ 30 words a
        // line), a third or more of it link text.
        if self.after_chrome_heading {
            let words = inline.split_whitespace().count();
            let lines = inline.split('\n').filter(|l| !l.trim().is_empty()).count();
            if matches!(kind, BlockKind::Paragraph | BlockKind::ListItem)
                && link_bytes * 3 >= bytes
                && words <= 30 * lines.max(1)
            {
                self.bold.clear();
                let text = collapse(&inline);
                self.dropped.push(Dropped {
                    text,
                    reason: "navigation: list under a related-content heading".into(),
                });
                return;
            }
            self.after_chrome_heading = false;
        }
        let cite = if kind == BlockKind::Quote {
            self.cite.clone()
        } else {
            None
        };
        let bold = std::mem::take(&mut self.bold);
        for line in inline.split('\n') {
            let text = collapse(line);
            if text.is_empty() {
                continue;
            }
            let subheading = kind == BlockKind::Paragraph
                && bold.contains(&text)
                && super::text::is_heading_line(&text)
                && !matches!(
                    classify(&text),
                    LineClass::Footer(_) | LineClass::Credit { .. }
                );
            if subheading {
                self.heading(text, 2);
            } else {
                self.push_block(kind, text, None, cite.clone());
            }
        }
    }

    /// Adds a text block unless it is boilerplate (then it is recorded as dropped).
    fn push_block(
        &mut self,
        kind: BlockKind,
        text: String,
        src: Option<String>,
        cite: Option<String>,
    ) {
        if text.trim().is_empty() {
            return;
        }
        // A line that reads as a chrome heading ("DON'T MISS", "More great stories") is one
        // set as a bold or styled paragraph: the same rule as for heading elements.
        if kind == BlockKind::Paragraph
            && text.chars().count() <= 40
            && is_chrome_heading(&text)
            && !super::is_back_matter_heading(&text)
        {
            self.dropped.push(Dropped {
                text,
                reason: "page chrome heading (related, comments, sign-up)".into(),
            });
            self.after_chrome_heading = true;
            return;
        }
        if kind != BlockKind::Code && kind != BlockKind::Table {
            let probe = text
                .trim()
                .trim_matches(['[', ']', '【', '】', '(', ')', '（', '）'])
                .trim();
            let reason = match classify(probe) {
                LineClass::Footer(r) => Some(r.to_string()),
                LineClass::Placeholder => Some("image placeholder".to_string()),
                LineClass::Credit { role, name } if !self.started || role == "责任编辑" => {
                    self.add_credit(role, name);
                    Some("byline".to_string())
                }
                LineClass::Reprint { source, .. } if !self.started => {
                    self.source = Some(source);
                    Some("byline: source".to_string())
                }
                _ => None,
            };
            if let Some(reason) = reason {
                self.dropped.push(Dropped { text, reason });
                return;
            }
        }
        if matches!(
            kind,
            BlockKind::Paragraph | BlockKind::Quote | BlockKind::ListItem
        ) {
            self.started = true;
        }
        self.section().blocks.push(Block {
            kind,
            text,
            src,
            caption: None,
            alt: None,
            cite,
            pieces: Vec::new(),
        });
    }

    fn add_credit(&mut self, role: String, name: String) {
        if super::is_author_role(&role) {
            if !self.authors.contains(&name) {
                self.authors.push(name);
            }
        } else {
            self.credits.push((role, name));
        }
    }
}

/// Bytes (whitespace left out) of a short label opening `text`: at most three words
/// ending in `:` or `：` ("Read more:", "SEE MORE:", "相关阅读："); 0 when there is none.
fn label_bytes(text: &str) -> usize {
    let mut bytes = 0;
    for word in text.split_whitespace().take(3) {
        if let Some(i) = word.find([':', '：']) {
            return bytes + i + word[i..].chars().next().map_or(0, char::len_utf8);
        }
        bytes += word.len();
    }
    0
}

/// Removes an author bio ([`is_author_bio`]) among the last three text blocks of the
/// article: the "about the author" line news pages and blogs put under the story.
fn drop_closing_bio(sections: &mut [Section], dropped: &mut Vec<Dropped>) {
    let mut seen = 0;
    for section in sections.iter_mut().rev() {
        let mut i = section.blocks.len();
        while i > 0 && seen < 3 {
            i -= 1;
            let b = &section.blocks[i];
            if b.text.is_empty() {
                continue;
            }
            seen += 1;
            if b.kind == BlockKind::Paragraph && is_author_bio(&b.text) {
                let b = section.blocks.remove(i);
                dropped.push(Dropped {
                    text: b.text,
                    reason: "author bio".into(),
                });
            }
        }
        if seen >= 3 {
            break;
        }
    }
}

/// Text blocks (section index, block index) from the end of the article, at most `n`.
fn last_text_blocks(sections: &[Section], n: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (si, section) in sections.iter().enumerate().rev() {
        for (bi, b) in section.blocks.iter().enumerate().rev() {
            if out.len() == n {
                return out;
            }
            if !b.text.is_empty() {
                out.push((si, bi));
            }
        }
    }
    out
}

/// Removes a press release's closing company boilerplate: from a company description
/// ([`is_company_description`]) among the last four text blocks to the end, when that
/// tail also states a company fact ([`has_company_facts`]: headquarters, staff, listing).
/// The "About X" paragraphs of a press release describe the issuer, not the news.
fn drop_company_boilerplate(sections: &mut Vec<Section>, dropped: &mut Vec<Dropped>) {
    let tail = last_text_blocks(sections, 4);
    let Some(&(si, bi)) = tail.iter().rev().find(|&&(si, bi)| {
        let b = &sections[si].blocks[bi];
        b.kind == BlockKind::Paragraph && is_company_description(&b.text)
    }) else {
        return;
    };
    let rest = |sections: &[Section]| -> Vec<String> {
        sections[si..]
            .iter()
            .enumerate()
            .flat_map(|(k, s)| {
                let from = if k == 0 { bi } else { 0 };
                s.blocks[from..].iter().map(|b| b.text.clone())
            })
            .collect()
    };
    let texts = rest(sections);
    if !texts.iter().any(|t| has_company_facts(t)) {
        return;
    }
    // The heading of a section that holds only the boilerplate ("About X") goes with it,
    // and so do the headings of later sections.
    let whole = bi == 0 && si > 0;
    let headings: Vec<String> = sections[si..]
        .iter()
        .enumerate()
        .filter(|&(k, _)| k > 0 || whole)
        .filter_map(|(_, s)| s.heading.clone())
        .collect();
    for text in headings.into_iter().chain(texts).filter(|t| !t.is_empty()) {
        dropped.push(Dropped {
            text,
            reason: "press release: company boilerplate".into(),
        });
    }
    sections[si].blocks.truncate(bi);
    sections.truncate(if whole { si } else { si + 1 });
}

/// Share of an element's text (bytes, whitespace left out) inside `<a>` elements.
fn link_share(node: &NodeRef) -> f64 {
    let bytes = |s: &str| s.split_whitespace().map(str::len).sum::<usize>();
    let sel = Selection::from(*node);
    let all = bytes(&sel.text());
    if all == 0 {
        return 0.0;
    }
    bytes(&sel.select("a").text()) as f64 / all as f64
}

/// Most words a teaser's text under its linked headline may have (a standfirst, a kicker).
const TEASER_WORDS: usize = 60;

/// Removes teasers: a heading that is all link text points at another page (a list of
/// other stories, an author box), so it is no subheading of this article; the short text
/// under it (≤ [`TEASER_WORDS`] words up to the next heading) is that story's standfirst
/// and goes too, longer text is article text again and moves into the section before.
/// Guard: when the teasers would take more than a third of the words, the linked headings
/// are the article's own structure (a list of products or places, each heading a link)
/// and everything stays. Readability's link density, applied to headings; the same idea
/// as the Markdown reader's linked headings.
fn drop_teasers(sections: &mut Vec<Section>, teasers: &[usize], dropped: &mut Vec<Dropped>) {
    if teasers.is_empty() {
        return;
    }
    let words = |s: &str| s.split_whitespace().count();
    let block_words = |s: &Section| s.blocks.iter().map(|b| words(&b.text)).sum::<usize>();
    let total: usize = sections
        .iter()
        .map(|s| block_words(s) + s.heading.as_deref().map_or(0, words))
        .sum();
    let short = |s: &Section| block_words(s) <= TEASER_WORDS;
    let removed: usize = teasers
        .iter()
        .filter_map(|&i| sections.get(i))
        .map(|s| s.heading.as_deref().map_or(0, words) + if short(s) { block_words(s) } else { 0 })
        .sum();
    if removed * 3 > total {
        return;
    }
    let mut kept: Vec<Section> = Vec::with_capacity(sections.len());
    for (i, mut section) in std::mem::take(sections).into_iter().enumerate() {
        if !teasers.contains(&i) {
            kept.push(section);
            continue;
        }
        let heading = section.heading.take().unwrap_or_default();
        dropped.push(Dropped {
            text: heading,
            reason: "teaser: linked headline".into(),
        });
        if short(&section) {
            for b in section.blocks {
                if !b.text.is_empty() {
                    dropped.push(Dropped {
                        text: b.text,
                        reason: "teaser: standfirst under a linked headline".into(),
                    });
                }
            }
        } else if let Some(prev) = kept.last_mut() {
            prev.blocks.append(&mut section.blocks);
        } else {
            kept.push(section);
        }
    }
    *sections = kept;
}

/// The image reference of an `<img>`: `src`, else a lazy-loading `data-src` (also when
/// `src` is only a `data:` placeholder).
fn img_src(img: &NodeRef) -> Option<String> {
    let found: Vec<String> = ["src", "data-src", "data-original", "data-lazy-src"]
        .iter()
        .filter_map(|a| img.attr(a))
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    // Lazy loading: `src` holds a placeholder `data:` URI, the picture is in `data-src`.
    found
        .iter()
        .find(|s| !crate::picture::is_data_uri(s))
        .or(found.first())
        .cloned()
}

/// `hidden`, `aria-hidden="true"` or an inline `display:none`.
fn is_hidden(node: &NodeRef) -> bool {
    node.has_attr("hidden")
        || node.attr("aria-hidden").is_some_and(|v| &*v == "true")
        || node.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            s.to_ascii_lowercase().contains("display:none")
        })
}

/// Elements whose end tag may be left out, and void elements: not counted as nesting.
const NOT_NESTING: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
    "colgroup", "caption", "rb", "rt", "rp", "rtc", "br", "img", "hr", "meta", "link", "input",
    "wbr", "area", "base", "col", "embed", "param", "source", "track", "html", "head", "body",
];

/// Deepest element nesting of an HTML text, found by one linear scan of its tags (no
/// tree is built): an end tag closes one level; elements whose end tag may be omitted
/// (`p`, `li`, `td` …), void elements (`br`, `img` …) and self-closed tags are not
/// counted; comments and the contents of `script` and `style` are skipped. Unclosed
/// elements make it an overestimate, never an underestimate of well-formed nesting.
pub fn nesting_depth(src: &str) -> usize {
    let lower = src.to_ascii_lowercase();
    let b = lower.as_bytes();
    let find = |from: usize, pat: &[u8]| {
        b.get(from..)
            .and_then(|rest| rest.windows(pat.len()).position(|w| w == pat))
            .map(|p| from + p)
    };
    let (mut i, mut depth, mut max) = (0, 0usize, 0usize);
    while let Some(lt) = b[i..].iter().position(|&c| c == b'<').map(|p| i + p) {
        i = lt + 1;
        if b[i..].starts_with(b"!--") {
            match find(i + 3, b"-->") {
                Some(end) => i = end + 3,
                None => break,
            }
            continue;
        }
        let closing = b.get(i) == Some(&b'/');
        let start = i + usize::from(closing);
        let len = b[start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if len == 0 {
            continue;
        }
        let name = &lower[start..start + len];
        let Some(gt) = b[start + len..].iter().position(|&c| c == b'>') else {
            break;
        };
        let gt = start + len + gt;
        i = gt + 1;
        if NOT_NESTING.contains(&name) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else if b[gt - 1] != b'/' {
            if name == "script" || name == "style" {
                match find(i, format!("</{name}").as_bytes()) {
                    Some(end) => i = end,
                    None => break,
                }
                continue;
            }
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html lang="en-GB"><head>
<meta charset="utf-8"><title>A Page Title - Site</title>
<meta property="og:title" content="A Page Title">
<meta name="author" content="Ann Writer">
<meta property="article:published_time" content="2024-05-01T10:00:00Z">
<style>p { color: red }</style><script>var x = "never";</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article>
<h1>A Page Title</h1>
<p>The first paragraph of the article explains what happened, with enough words to be
read as the main content of this page by any reasonable extractor.</p>
<p>A second paragraph continues the story and gives <b>more</b> detail, a <a href="x">link</a>,
and the reasons why the event matters to the people who read about it here.</p>
<h2>What came next</h2>
<p>After the heading, a third paragraph keeps going so that the article has body text in
more than one section, which is what the parser has to keep.</p>
<blockquote><p>We did what we could with what we had.</p></blockquote>
<ul><li>First point of a list</li><li>Second point of a list</li></ul>
<figure><img src="pic.png" alt="alt words"><figcaption>A caption for the picture</figcaption></figure>
<table><tr><th>Year</th><th>Count</th></tr><tr><td>2023</td><td>12</td></tr></table>
<p>Japanese with ruby: <ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby>を読む.</p>
<p>Copyright 2024 Example Media. All rights reserved.</p>
</article>
<footer><p>About us · Contact · Jobs</p></footer>
</body></html>"#;

    #[test]
    fn page_to_sections_and_blocks() {
        let doc = parse(PAGE);
        assert_eq!(doc.meta.title.as_deref(), Some("A Page Title"));
        assert_eq!(doc.meta.authors, vec!["Ann Writer".to_string()]);
        assert_eq!(doc.meta.date.as_deref(), Some("2024-05-01T10:00:00Z"));
        assert_eq!(doc.meta.language, "en");
        let heads: Vec<_> = doc.sections.iter().map(|s| s.heading.as_deref()).collect();
        assert_eq!(heads, vec![None, Some("What came next")]);
        let first = &doc.sections[0].blocks;
        assert_eq!(first.len(), 2);
        assert!(first[1].text.contains("gives more detail, a link, and"));
        let kinds: Vec<_> = doc.sections[1].blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            vec![
                BlockKind::Paragraph,
                BlockKind::Quote,
                BlockKind::ListItem,
                BlockKind::ListItem,
                BlockKind::Image,
                BlockKind::Table,
                BlockKind::Paragraph,
            ]
        );
        let img = &doc.sections[1].blocks[4];
        assert_eq!(img.src.as_deref(), Some("pic.png"));
        assert_eq!(img.caption.as_deref(), Some("A caption for the picture"));
        assert_eq!(img.alt.as_deref(), Some("alt words"));
        assert_eq!(img.text, "");
        assert_eq!(doc.sections[1].blocks[5].text, "Year | Count\n2023 | 12");
        assert_eq!(
            doc.sections[1].blocks[6].text,
            "Japanese with ruby: 漢字を読む."
        );
        let all: String = doc
            .sections
            .iter()
            .flat_map(|s| s.blocks.iter().map(|b| b.text.as_str()))
            .collect();
        for junk in ["never", "color", "Home", "Copyright", "About us", "かんじ"] {
            assert!(!all.contains(junk), "{junk} leaked");
        }
        assert!(doc
            .dropped
            .iter()
            .any(|d| d.text.starts_with("Copyright 2024")));
    }

    #[test]
    fn chrome_named_by_class_or_id_is_stripped() {
        let para = "A paragraph of the story that carries enough words to be read as the main text of the page by the extractor.";
        let page = format!(
            r#"<html><body><div class="page-wrap related-wrap"><article>
<div class="article-byline">By Ann Roe</div>
<span class="timestamp">Updated 5:27 am CST, November 20, 2019</span>
<p>{para}</p>
<div class="share-tools"><a href="x">Facebook</a> <a href="y">Twitter</a></div>
<div class="inlinegallery"><span>Image 1 of 5</span><p>A picture caption in a slideshow.</p></div>
<p>{para} Second.</p>
<ul id="related-stories"><li><a href="z">Another story entirely</a></li></ul>
</article></div></body></html>"#
        );
        let doc = parse(&page);
        let texts: Vec<&str> = doc
            .sections
            .iter()
            .flat_map(|s| s.blocks.iter().map(|b| b.text.as_str()))
            .collect();
        // The wrapper whose class says "related" holds the article: it stays.
        assert_eq!(texts, vec![para.to_string(), format!("{para} Second.")]);
        for gone in [
            "By Ann Roe",
            "Facebook",
            "Image 1 of 5",
            "Another story entirely",
        ] {
            assert!(
                doc.dropped.iter().any(|d| d.text.contains(gone)),
                "{gone} not reported as dropped"
            );
        }
    }

    #[test]
    fn subtitles_next_to_the_headline_go_to_meta() {
        let para = "<p>The island ferry resumed its daily crossings on Monday after a six-month suspension, restoring the only public link for residents.</p>";
        let page = format!("<html><body><div class=\"sub-title\">MOST READ TODAY</div><article><h1>Ferry returns</h1><h2 class=\"article-subtitle\">Island link restored after six months</h2>{para}<h2>Timetable</h2>{para}<p class=\"dek\">A teaser far from the headline</p></article></body></html>");
        let doc = parse(&page);
        assert_eq!(
            doc.meta.subtitle.as_deref(),
            Some("Island link restored after six months")
        );
        let headings: Vec<&str> = doc
            .sections
            .iter()
            .filter_map(|s| s.heading.as_deref())
            .collect();
        assert_eq!(headings, ["Timetable"], "the subtitle opens no section");
        // Capitals, or far from the <h1>: no subtitle.
        let page = format!("<html><body><article><h1>Ferry returns</h1><p class=\"standfirst\">LATEST FERRY NEWS</p>{para}{para}<p class=\"dek\">A teaser far from the headline</p></article></body></html>");
        assert_eq!(parse(&page).meta.subtitle, None);
        // A standfirst paragraph goes to meta and is not repeated as article text.
        let page = format!("<html><body><article><h1>Ferry returns</h1><p class=\"standfirst\">Residents celebrate as the new vessel arrives.</p>{para}{para}</article></body></html>");
        let doc = parse(&page);
        assert_eq!(
            doc.meta.subtitle.as_deref(),
            Some("Residents celebrate as the new vessel arrives.")
        );
        assert!(doc
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .all(|b| !b.text.contains("Residents celebrate")));
    }

    #[test]
    fn a_byline_with_a_job_title_does_not_repeat_the_meta_author() {
        let para = "<p>The harbour bridge reopened to traffic on Friday morning after a repair programme that lasted two years.</p>";
        let page = format!("<html><head><meta name=\"author\" content=\"Tom Ellery\"></head><body><article><h1>Bridge reopens</h1><p>By Tom Ellery, Transport correspondent</p>{para}{para}</article></body></html>");
        let doc = parse(&page);
        assert_eq!(doc.meta.authors, ["Tom Ellery"]);
    }

    #[test]
    fn quote_attributions_in_cite_or_footer() {
        let para = "<p>The debate lasted six hours and ended with a narrow vote in favour of the new transport plan for the region.</p>";
        let page = format!("<html><body><article><h1>Vote</h1>{para}<blockquote><p>We cannot keep building roads.</p><cite>Minister Lena Holm</cite></blockquote><blockquote cite=\"https://example.com/speech\"><p>This plan will cost rural jobs.</p><footer>— Opposition leader Karl Berg</footer></blockquote>{para}</article><footer>Site footer, all rights reserved</footer></body></html>");
        let doc = parse(&page);
        let quotes: Vec<(&str, Option<&str>)> = doc
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter(|b| b.kind == BlockKind::Quote)
            .map(|b| (b.text.as_str(), b.cite.as_deref()))
            .collect();
        assert_eq!(
            quotes,
            [
                ("We cannot keep building roads.", Some("Minister Lena Holm")),
                (
                    "This plan will cost rural jobs.",
                    Some("Opposition leader Karl Berg")
                ),
            ]
        );
    }

    #[test]
    fn screen_reader_only_text_is_not_article_text() {
        let para = "<p>The debate lasted six hours and ended with a narrow vote in favour of the new transport plan for the region.</p>";
        let page = format!("<html><body><a class=\"sr-only\" href=\"#main\">Skip to the main content of this page</a><article><h1>Vote</h1>{para}<span class=\"screen-reader-text\">Opens in a new window</span>{para}</article></body></html>");
        let doc = parse(&page);
        let text: String = doc
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .map(|b| b.text.as_str())
            .collect();
        assert!(
            !text.contains("Skip to") && !text.contains("new window"),
            "{text}"
        );
        assert!(text.contains("narrow vote"));
    }

    #[test]
    fn site_names_are_cut_from_titles() {
        let cut = |t: &str, site: Option<&str>, guess: bool| without_site_name(t, site, guess);
        assert_eq!(
            cut("Harbour reopens | Coast Daily", Some("Coast Daily"), false),
            "Harbour reopens"
        );
        assert_eq!(
            cut("Coast Daily - Harbour reopens", Some("Coast Daily"), false),
            "Harbour reopens"
        );
        assert_eq!(cut("海港重新开放_海滨日报", None, true), "海港重新开放");
        assert_eq!(
            cut("Harbour reopens after a long winter | Coast", None, true),
            "Harbour reopens after a long winter"
        );
        // Without the site's name, an og:title is kept as written; a long tail is
        // part of the headline; a hyphen inside a word is no separator.
        assert_eq!(
            cut("Harbour reopens | Coast", None, false),
            "Harbour reopens | Coast"
        );
        assert_eq!(
            cut("Brexit - what the harbour towns expect next", None, true),
            "Brexit - what the harbour towns expect next"
        );
        assert_eq!(
            cut("COVID-19 and the harbour", None, true),
            "COVID-19 and the harbour"
        );
        assert_eq!(cut("Coast Daily", Some("Coast Daily"), true), "Coast Daily");
        // The page's own <h1> wins over a <title> that wraps it.
        let doc = parse("<html><head><title>Harbour reopens | Coast Daily</title></head><body><h1>Harbour reopens</h1><h1>Other</h1><p>The harbour reopened on Monday after a winter of repairs to the old sea wall and the pier.</p></body></html>");
        assert_eq!(doc.meta.title.as_deref(), Some("Harbour reopens"));
    }

    #[test]
    fn lazy_loaded_pictures_keep_their_real_source() {
        let para = "A paragraph of the story that carries enough words to be read as the main text of the page around the picture.";
        let page = format!(
            "<html><body><article><p>{para}</p><figure><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" data-src=\"photos/harbour.jpg\" alt=\"boats\"></figure><p>{para}</p><img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"inline\"></article></body></html>"
        );
        let doc = parse(&page);
        let srcs: Vec<&str> = doc
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter_map(|b| b.src.as_deref())
            .collect();
        assert_eq!(
            srcs,
            ["photos/harbour.jpg", "data:image/png;base64,iVBORw0KGgo="]
        );
    }

    #[test]
    fn link_only_paragraphs_are_navigation() {
        let para = "A paragraph of the story that carries enough words to be read as the main text of the page, with <a href=\"x\">one link</a> inside it.";
        let page = format!(
            "<html><body><article><p>{para}</p><p><a href=\"y\">Another story about something else entirely</a></p><p>{para}</p><ul><li><a href=\"z\">Third story</a></li></ul></article></body></html>"
        );
        let doc = parse(&page);
        let texts: Vec<&str> = doc
            .sections
            .iter()
            .flat_map(|s| s.blocks.iter().map(|b| b.text.as_str()))
            .collect();
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert!(texts[0].ends_with("with one link inside it."));
        let nav: Vec<&str> = doc
            .dropped
            .iter()
            .filter(|d| d.reason == "navigation: link text")
            .map(|d| d.text.as_str())
            .collect();
        assert_eq!(
            nav,
            vec!["Another story about something else entirely", "Third story"]
        );
    }

    /// Filler paragraphs written for these tests, so Readability picks the `<article>`.
    const BODY: &str = "<p>The council met on Tuesday evening to decide what to do with the old library building, which has stood empty since the spring.</p>\
<p>Several residents spoke in favour of turning it into a community centre, while others asked for the land to be sold to pay for road repairs.</p>\
<p>After two hours of debate the members agreed to ask for detailed costs of both plans and to vote again at the next meeting in the autumn.</p>";

    fn page_with(extra_before: &str, extra_after: &str) -> Document {
        parse(&format!(
            "<html><head><title>Council meeting</title></head><body><article>{extra_before}{BODY}{extra_after}</article></body></html>"
        ))
    }

    fn block_texts(doc: &Document) -> Vec<String> {
        doc.sections
            .iter()
            .flat_map(|s| s.blocks.iter().map(|b| b.text.clone()))
            .filter(|t| !t.is_empty())
            .collect()
    }

    fn all_text(doc: &Document) -> String {
        let mut out: Vec<String> = doc
            .sections
            .iter()
            .filter_map(|s| s.heading.clone())
            .collect();
        out.extend(block_texts(doc));
        out.join("\n")
    }

    #[test]
    fn captions_outside_figures_are_no_text_and_figure_captions_stay_captions() {
        let doc = page_with(
            "<div class=\"photo\"><img src=\"hall.jpg\"></div><span class=\"media-caption\">The hall at dawn (Image: Agency)</span>\
             <figure><img src=\"door.jpg\"><figcaption>The front door of the building</figcaption></figure>",
            "<figcaption>A stray caption line</figcaption>",
        );
        let text = all_text(&doc);
        assert!(!text.contains("hall at dawn"), "{text}");
        assert!(!text.contains("stray caption"), "{text}");
        let captions: Vec<_> = doc
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter_map(|b| b.caption.as_deref())
            .collect();
        assert_eq!(captions, vec!["The front door of the building"]);
    }

    #[test]
    fn chrome_labels_and_headings_go_but_the_text_after_them_stays() {
        let doc = page_with(
            "<p>Advertisement</p>",
            "<h3>Related news</h3><p>The mayor said the building would be kept safe over the winter whatever the council decides in the end.</p>\
             <h3>Comments</h3><p>12 Comments</p>",
        );
        let text = all_text(&doc);
        for gone in ["Advertisement", "Related news", "Comments"] {
            assert!(!text.contains(gone), "{gone} in {text}");
        }
        assert!(text.contains("kept safe over the winter"));
    }

    #[test]
    fn calls_to_action_are_dropped() {
        let doc = page_with(
            "",
            "<p>Sign up for our free morning newsletter and get every story in your inbox.</p>\
             <p>Follow the reporter on Twitter and Facebook for updates.</p>",
        );
        let text = all_text(&doc);
        assert!(!text.contains("newsletter"), "{text}");
        assert!(!text.contains("Follow the reporter"), "{text}");
        assert!(text.contains("community centre"));
    }

    #[test]
    fn linked_headlines_and_their_standfirsts_are_teasers() {
        let doc = page_with(
            "",
            "<h2><a href=\"/a\">Bridge repairs start next week</a></h2><p>Drivers should expect delays.</p>\
             <h2><a href=\"/b\">School wins regional choir prize</a></h2><p>The choir sang three songs.</p>",
        );
        let text = all_text(&doc);
        assert!(!text.contains("Bridge repairs"), "{text}");
        assert!(!text.contains("expect delays"), "{text}");
        assert!(!text.contains("three songs"), "{text}");
        assert!(text.contains("community centre"));
        // When linked headings carry most of the words, they are the article's own
        // structure (a list of places, each heading a link) and stay.
        let list = parse(
            "<html><body><article><h2><a href=\"/x\">North park</a></h2><p>Wide lawns and an old bandstand by the lake.</p>\
             <h2><a href=\"/y\">South park</a></h2><p>A playground, a cafe and a small rose garden.</p></article></body></html>",
        );
        let text = all_text(&list);
        assert!(
            text.contains("North park") && text.contains("rose garden"),
            "{text}"
        );
    }

    #[test]
    fn a_label_and_a_link_is_a_teaser() {
        let doc = page_with(
            "",
            "<p><strong>Read more:</strong> <a href=\"/c\">Library closed after roof leak</a></p>\
             <p>相关阅读：<a href=\"/d\">图书馆将改建</a></p>",
        );
        let text = all_text(&doc);
        assert!(!text.contains("roof leak"), "{text}");
        assert!(!text.contains("图书馆"), "{text}");
        assert!(text.contains("community centre"));
    }

    #[test]
    fn closing_author_bio_goes_but_the_same_line_mid_article_stays() {
        let bio = "<p>Jane Roe is a freelance writer who lives near the coast.</p>";
        let doc = page_with("", bio);
        assert!(!all_text(&doc).contains("Jane Roe"));
        let doc = page_with(bio, "");
        assert!(all_text(&doc).contains("Jane Roe"));
    }

    #[test]
    fn press_release_company_boilerplate_goes_at_the_end_only_with_company_facts() {
        let doc = page_with(
            "",
            "<h3>About Acme</h3><p>Acme is a leading global provider of garden tools for small farms.</p>\
             <p>Acme is headquartered in Springfield and employs around 900 people.</p>",
        );
        let text = all_text(&doc);
        assert!(!text.contains("Acme"), "{text}");
        assert!(text.contains("community centre"));
        // A news story that ends on a company fact-free sentence keeps it.
        let doc = page_with(
            "",
            "<p>Acme is the largest maker of garden tools in the region.</p>",
        );
        assert!(all_text(&doc).contains("largest maker"));
    }

    #[test]
    fn embedded_posts_are_kept_as_quotes() {
        let doc = page_with(
            "",
            "<div class=\"social-embed\"><blockquote class=\"post-embed\"><p>The library deserves better than this <a href=\"https://t.example/x\">t.example/x</a></p>\
             — A Resident (@resident) <a href=\"https://example.com/s/1\">May 1, 2024</a></blockquote></div>\
             <p>The council will publish the costs in the summer, before the final vote.</p>",
        );
        let quotes: Vec<_> = doc
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter(|b| b.kind == BlockKind::Quote)
            .map(|b| b.text.as_str())
            .collect();
        assert!(
            quotes.iter().any(|q| q.contains("deserves better")),
            "{quotes:?}"
        );
    }

    #[test]
    fn short_linked_list_under_a_related_label_is_navigation() {
        let doc = page_with(
            "",
            "<p><strong>DON'T MISS</strong></p><p><a href=\"/e\">Road closed for parade</a> [VIDEO]<br><a href=\"/f\">New bus timetable</a> [PICTURES]</p>\
             <p>The next council meeting is open to the public and starts at seven in the evening.</p>",
        );
        let text = all_text(&doc);
        assert!(!text.contains("parade"), "{text}");
        assert!(!text.contains("timetable"), "{text}");
        assert!(text.contains("open to the public"), "{text}");
    }

    #[test]
    fn odd_input_never_panics() {
        for src in [
            "",
            "<",
            "<html>",
            "<p>",
            "<table><tr><td></table>",
            "<figure></figure>",
            "<blockquote cite></blockquote>",
            &"<div>".repeat(5000),
            "\u{0}<p>\u{FFFF}</p>",
            "<p>one two three</p><b>bold then <p>a block inside bold</p> more</b>",
            "<b><div>x</div></b><strong></strong>",
        ] {
            let _ = parse(src);
        }
    }
}
