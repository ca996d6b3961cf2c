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
//! boilerplate rules recognise (copyright, 责任编辑, keyword lines …) are dropped and
//! reported. HTML blocks carry no source byte ranges (`pieces` is empty).

use dom_query::{Document as Dom, NodeRef, Selection};
use dom_smoothie::{Config, Readability};

use super::boilerplate::{classify, LineClass};
use super::{Block, BlockKind, Document, Dropped, Meta, Section};

/// Deepest element nesting walked; deeper content is read as flat text.
const MAX_DEPTH: usize = 200;

/// Elements whose content never reaches the text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "aside", "form", "button", "iframe", "svg",
    "math", "select", "input", "textarea", "rt", "rp", "head", "title", "object", "embed", "video",
    "audio", "canvas", "dialog", "menu",
];

/// Elements that end the current block of running text.
const BLOCK_LEVEL: &[&str] = &[
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
    let mut meta = page_meta(&dom);
    let mut pre_dropped = Vec::new();
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
        if !meta.authors.contains(&a) {
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
    meta.title = content("meta[property='og:title'], meta[name='twitter:title']")
        .or_else(|| (h1s.len() == 1).then(|| h1s[0].clone()))
        .or(title_tag);
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
        let names = format!(
            "{} {}",
            node.attr("class").unwrap_or_default(),
            node.attr("id").unwrap_or_default()
        )
        .to_ascii_lowercase();
        let word = names
            .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .find(|w| CHROME_WORDS.contains(w));
        let part = CHROME_PARTS.iter().find(|p| names.contains(*p));
        let Some(hit) = word.or(part.copied()) else {
            continue;
        };
        let sel = Selection::from(*node);
        if sel
            .select("article, main, [itemprop='articleBody']")
            .exists()
        {
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

/// Collapses whitespace runs to one space and trims.
fn collapse(s: &str) -> String {
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
                    self.heading(text, level);
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
                            let c = collapse(&c);
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
        if matches!(kind, BlockKind::Paragraph | BlockKind::ListItem)
            && link_bytes * 10 >= bytes * 9
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
