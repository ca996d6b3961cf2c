//! Markdown parser (pulldown-cmark with offsets): front matter, sections from headings,
//! paragraphs, quotes, list items, code, images and tables as plain-text blocks.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::boilerplate::{classify, is_related_heading, LineClass};
use super::html::{collapse, BLOCK_LEVEL};
use super::{add_credit, Block, BlockKind, Document, Dropped, Meta, Section, TextBuilder};

/// Parses Markdown (CommonMark + GFM tables, footnotes, strikethrough, task lists).
pub fn parse(src: &str) -> Document {
    let mut meta = Meta::default();
    let body_start = front_matter(src, &mut meta);
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    // Template shortcodes become spaces of the same length (outside code), so byte
    // offsets still index `src`; figure shortcodes become image blocks where they stood.
    let Blanked {
        text: blanked,
        mut figures,
        line_starts,
    } = blank_shortcodes(&src[body_start..], opts);
    figures.reverse();
    let body = blanked.as_str();

    let mut b = Builder {
        sections: vec![Section {
            heading: None,
            level: 1,
            blocks: Vec::new(),
        }],
        dropped: Vec::new(),
        text: None,
        kind: BlockKind::Paragraph,
        quote_depth: 0,
        list_depth: 0,
        heading: None,
        image: None,
        skip_depth: 0,
        link_depth: 0,
        link_bytes: 0,
        chrome: vec![None],
        html: None,
        raw_skip: None,
        struck: None,
        html_title: None,
        title_known: meta.title.is_some(),
        strong_depth: 0,
        strong_bytes: 0,
    };
    let mut h1_count = 0;
    for (event, range) in Parser::new_ext(body, opts).into_offset_iter() {
        let off = body_start + range.start;
        // Figure shortcodes before this event take their place in the flow.
        while figures.last().is_some_and(|(at, _)| *at < range.start) {
            let (_, fig) = figures.pop().expect("checked");
            b.push_image_inline(fig);
        }
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                b.flush();
                if level == HeadingLevel::H1 {
                    h1_count += 1;
                }
                b.heading = Some((level as u8, TextBuilder::default()));
                b.link_bytes = 0;
            }
            Event::End(TagEnd::Heading(_)) => {
                b.raw_skip = None;
                b.end_struck();
                if let Some((level, tb)) = b.heading.take() {
                    let text = tb.text().trim().to_string();
                    let first_h1_as_title = level == 1
                        && h1_count == 1
                        && meta.title.is_none()
                        && b.sections.len() == 1
                        && b.sections[0].blocks.is_empty();
                    // A heading that is all link (an author box, a teaser) or that
                    // announces related content starts page chrome, not article.
                    let chrome = if is_related_heading(&text) {
                        Some("related-articles section")
                    } else if !text.is_empty() && b.link_bytes * 10 >= text.len() * 9 {
                        Some("linked heading (author box or teaser)")
                    } else {
                        None
                    };
                    if first_h1_as_title {
                        meta.title = Some(text);
                    } else if meta.title.as_deref() == Some(text.as_str())
                        && !b.sections.iter().flat_map(|s| &s.blocks).any(|x| {
                            x.kind == BlockKind::Paragraph
                                && x.text.chars().count() >= 40
                                && !x.text.contains(text.as_str())
                        })
                    {
                        // The title repeated as a heading before any article text (a
                        // web copy may repeat it in its menu and above the article).
                    } else if !text.is_empty() {
                        b.sections.push(Section {
                            heading: Some(text),
                            level,
                            blocks: Vec::new(),
                        });
                        b.chrome.push(chrome);
                    }
                }
            }
            Event::Start(Tag::Paragraph) => b.start(BlockKind::Paragraph),
            Event::End(TagEnd::Paragraph) => b.flush(),
            Event::Start(Tag::BlockQuote(_)) => {
                b.flush();
                b.quote_depth += 1;
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                b.flush();
                b.quote_depth = b.quote_depth.saturating_sub(1);
            }
            Event::Start(Tag::List(_)) => {
                b.flush();
                b.list_depth += 1;
            }
            Event::End(TagEnd::List(_)) => {
                b.flush();
                b.list_depth = b.list_depth.saturating_sub(1);
            }
            Event::Start(Tag::Item) => b.start(BlockKind::ListItem),
            Event::End(TagEnd::Item) => b.flush(),
            Event::Start(Tag::CodeBlock(kind)) => {
                b.flush();
                // Text indented only by the spaces that blanked a shortcode in front of
                // it ("{% raw %}Text") is no indented code block.
                let indented = matches!(kind, pulldown_cmark::CodeBlockKind::Indented);
                let line = body[..range.start].rfind('\n').map_or(0, |n| n + 1);
                let text_at = body[line..]
                    .find(|c: char| c != ' ' && c != '\t')
                    .map_or(body.len(), |n| n + line);
                let k = line_starts.partition_point(|&p| p < line);
                let blanked_indent = line_starts.get(k).is_some_and(|&p| p < text_at);
                b.start_kind(if indented && blanked_indent {
                    BlockKind::Paragraph
                } else {
                    BlockKind::Code
                });
            }
            Event::End(TagEnd::CodeBlock) => b.flush(),
            Event::Start(Tag::Table(_)) => {
                b.flush();
                b.start_kind(BlockKind::Table);
            }
            Event::End(TagEnd::TableCell) => b.push_synthetic(" | "),
            Event::End(TagEnd::TableRow) | Event::End(TagEnd::TableHead) => b.push_synthetic("\n"),
            Event::End(TagEnd::Table) => b.flush(),
            Event::Start(Tag::HtmlBlock) => {
                b.flush();
                b.html = Some(String::new());
            }
            Event::Html(h) if b.html.is_some() => {
                if let Some(buf) = b.html.as_mut() {
                    buf.push_str(&h);
                }
            }
            Event::End(TagEnd::HtmlBlock) => {
                let html = b.html.take().unwrap_or_default();
                if b.skip_depth == 0 {
                    b.push_html_block(&html);
                }
            }
            Event::Start(Tag::Strong) => b.strong_depth += 1,
            Event::End(TagEnd::Strong) => b.strong_depth = b.strong_depth.saturating_sub(1),
            Event::Start(Tag::Strikethrough) => b.struck = Some(String::new()),
            Event::End(TagEnd::Strikethrough) => b.end_struck(),
            Event::Start(Tag::FootnoteDefinition(_)) => {
                b.flush();
                b.skip_depth += 1;
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                b.flush();
                b.skip_depth = b.skip_depth.saturating_sub(1);
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                b.image = Some((dest_url.to_string(), TextBuilder::default()));
            }
            Event::End(TagEnd::Image) => {
                if let Some((src, alt)) = b.image.take() {
                    let alt = alt.text().trim().to_string();
                    b.push_image(src, alt);
                }
            }
            Event::Start(Tag::Link { .. }) => b.link_depth += 1,
            Event::End(TagEnd::Link) => b.link_depth = b.link_depth.saturating_sub(1),
            Event::Text(t) | Event::Code(t) => b.push_text(&t, off, &body[range.clone()]),
            // Inline raw HTML: tags never reach the text (comments, `<span>`); `<br>` is a
            // line break; the content of `<script>`/`<style>` is skipped and that of
            // `<del>`/`<s>` is deleted text; an `<img>` is an image like `![alt](src)`.
            Event::Html(h) | Event::InlineHtml(h) if b.skip_depth == 0 => {
                let tag = inline_tag(&h);
                match tag.as_deref() {
                    Some("br") => b.push_synthetic(" "),
                    Some("script" | "style" | "noscript" | "template") => {
                        b.raw_skip = tag;
                    }
                    Some("/script" | "/style" | "/noscript" | "/template") => b.raw_skip = None,
                    Some("del" | "s" | "strike") if b.struck.is_none() => {
                        b.struck = Some(String::new());
                    }
                    Some("/del" | "/s" | "/strike") => b.end_struck(),
                    _ => {}
                }
                for (src, alt) in html_images(&h) {
                    b.push_image_inline(Figure {
                        src,
                        alt,
                        caption: None,
                    });
                }
            }
            Event::SoftBreak | Event::HardBreak => b.push_synthetic(" "),
            // Raw HTML, footnote references, rules and math carry no prose for slides.
            _ => {}
        }
    }
    while let Some((_, fig)) = figures.pop() {
        b.push_image_inline(fig);
    }
    b.flush();
    if meta.title.is_none() {
        meta.title = b.html_title.take();
    }
    drop_leading_chrome(&mut b.sections, &mut meta, &mut b.dropped);
    // Drop the sections that are page chrome, with their content, as diagnostics.
    let mut sections = Vec::with_capacity(b.sections.len());
    for (section, chrome) in b.sections.into_iter().zip(b.chrome) {
        match chrome {
            None => sections.push(section),
            Some(reason) => {
                let heading = section.heading.unwrap_or_default();
                b.dropped.push(Dropped {
                    text: heading,
                    reason: reason.to_string(),
                });
                for block in section.blocks {
                    b.dropped.push(Dropped {
                        text: block.text,
                        reason: format!("in a section dropped as {reason}"),
                    });
                }
            }
        }
    }
    Document {
        meta,
        sections,
        dropped: b.dropped,
        warnings: Vec::new(),
    }
}

struct Builder {
    sections: Vec<Section>,
    dropped: Vec<Dropped>,
    text: Option<TextBuilder>,
    kind: BlockKind,
    quote_depth: usize,
    list_depth: usize,
    heading: Option<(u8, TextBuilder)>,
    image: Option<(String, TextBuilder)>,
    skip_depth: usize,
    /// Open links around the current text.
    link_depth: usize,
    /// Bytes of the current block's (or heading's) text that are link text.
    link_bytes: usize,
    /// For each section, why it is page chrome rather than article (None = article).
    chrome: Vec<Option<&'static str>>,
    /// The raw HTML block being read (its lines joined), if any.
    html: Option<String>,
    /// Inside inline raw `<script>`/`<style>` (the open tag's name): text is skipped.
    raw_skip: Option<String>,
    /// Deleted text being read (`~~…~~`, `<del>`), reported as dropped at its end.
    struck: Option<String>,
    /// The `<h1>` of a raw HTML block that opens the document (its title when the front
    /// matter and Markdown headings give none).
    html_title: Option<String>,
    /// The front matter gave a title (a leading `<h1>` is then a heading).
    title_known: bool,
    /// Open `**strong**` spans around the current text.
    strong_depth: usize,
    /// Bytes of the current block's text that are strong (bold).
    strong_bytes: usize,
}

/// A picture from a figure shortcode or raw HTML: `src`, `alt` ("" = none), caption.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Figure {
    src: String,
    alt: String,
    caption: Option<String>,
}

impl Builder {
    fn start(&mut self, kind: BlockKind) {
        // A paragraph inside a list item continues the item's block.
        if self.text.is_some() && kind == BlockKind::Paragraph {
            return;
        }
        self.flush();
        let kind = if self.quote_depth > 0 {
            BlockKind::Quote
        } else if self.list_depth > 0 && kind == BlockKind::Paragraph {
            BlockKind::ListItem
        } else {
            kind
        };
        self.start_kind(kind);
    }

    /// Appends an image block (`alt` empty → no alt text) to the current section.
    fn push_image(&mut self, src: String, alt: String) {
        self.push_figure(Figure {
            src,
            alt,
            caption: None,
        });
    }

    /// Appends an image block to the current section (nothing inside a footnote).
    fn push_figure(&mut self, fig: Figure) {
        if self.skip_depth > 0 {
            return;
        }
        let Figure { src, alt, caption } = fig;
        if let Some(sec) = self.sections.last_mut() {
            sec.blocks.push(Block {
                kind: BlockKind::Image,
                text: String::new(),
                src: Some(src),
                caption,
                alt: (!alt.is_empty()).then_some(alt),
                cite: None,
                pieces: Vec::new(),
            });
        }
    }

    /// Appends an image that stands inside the running text: a paragraph or list item
    /// is ended before it and continues after it.
    fn push_image_inline(&mut self, fig: Figure) {
        if self.text.is_some() && self.kind != BlockKind::Code {
            let kind = self.kind;
            self.flush();
            self.start_kind(kind);
        }
        self.push_figure(fig);
    }

    /// Ends deleted text: it is reported as dropped, never part of a block.
    fn end_struck(&mut self) {
        let Some(text) = self.struck.take() else {
            return;
        };
        let text = text.trim();
        if !text.is_empty() && self.skip_depth == 0 {
            self.dropped.push(Dropped {
                text: text.to_string(),
                reason: "struck-out (deleted) text".to_string(),
            });
        }
    }

    /// Turns a raw HTML block into blocks: the text of its block-level elements becomes
    /// paragraphs (list items, quotes, code), `<img>` images, a `<figcaption>` the
    /// caption of the picture in its `<figure>`. Scripts, styles, comments and ruby
    /// readings never reach the text; deleted text (`<del>`, `<s>`) is reported dropped.
    fn push_html_block(&mut self, html: &str) {
        for piece in html_block_pieces(html) {
            match piece {
                HtmlPiece::Image(fig) => self.push_figure(fig),
                HtmlPiece::Text(kind, text) => {
                    self.start_kind(kind);
                    self.push_synthetic(&text);
                    self.flush();
                }
                HtmlPiece::Deleted(text) => self.dropped.push(Dropped {
                    text,
                    reason: "struck-out (deleted) text".to_string(),
                }),
                HtmlPiece::Heading(level, text) => {
                    self.flush();
                    let untouched = self.sections.len() == 1 && self.sections[0].blocks.is_empty();
                    if level == 1 && untouched && !self.title_known && self.html_title.is_none() {
                        // The page's headline, before any text: the title.
                        self.html_title = Some(text);
                        continue;
                    }
                    let chrome = is_related_heading(&text).then_some("related-articles section");
                    self.sections.push(Section {
                        heading: Some(text),
                        level,
                        blocks: Vec::new(),
                    });
                    self.chrome.push(chrome);
                }
            }
        }
    }

    fn start_kind(&mut self, kind: BlockKind) {
        self.kind = kind;
        self.text = Some(TextBuilder::default());
        self.link_bytes = 0;
        self.strong_bytes = 0;
    }

    fn target(&mut self) -> Option<&mut TextBuilder> {
        if let Some((_, tb)) = self.image.as_mut() {
            return Some(tb);
        }
        if let Some((_, tb)) = self.heading.as_mut() {
            return Some(tb);
        }
        self.text.as_mut()
    }

    fn push_text(&mut self, text: &str, off: usize, raw: &str) {
        if self.raw_skip.is_some() {
            return;
        }
        if let Some(struck) = self.struck.as_mut() {
            struck.push_str(text);
            return;
        }
        // Text events borrow the source verbatim (code spans inside their backticks)
        // unless entities or escapes were decoded.
        let at = if raw == text { Some(0) } else { raw.find(text) };
        // After removed text ("took ~~hours~~ days") one space is enough.
        let code = self.image.is_none() && self.heading.is_none() && self.kind == BlockKind::Code;
        let (text, off) = match self.target() {
            Some(tb) if !code && tb.text().ends_with(' ') && text.starts_with(' ') => {
                let t = text.trim_start_matches(' ');
                (t, off + (text.len() - t.len()))
            }
            _ => (text, off),
        };
        if self.link_depth > 0 && self.image.is_none() {
            self.link_bytes += text.len();
        }
        if self.strong_depth > 0 && self.image.is_none() {
            self.strong_bytes += text.len();
        }
        let Some(tb) = self.target() else { return };
        let Some(i) = at else {
            tb.push_synthetic(text);
            return;
        };
        // Runs of spaces (left where shortcodes were blanked) become one space.
        let mut pos = 0;
        while let Some(gap) = text[pos..].find("  ").map(|g| g + pos) {
            tb.push_source(&text[pos..gap], off + i + pos);
            let end = text[gap..]
                .find(|c: char| c != ' ')
                .map_or(text.len(), |e| e + gap);
            if !tb.text().ends_with(' ') {
                tb.push_synthetic(" ");
            }
            pos = end;
        }
        tb.push_source(&text[pos..], off + i + pos);
    }

    fn push_synthetic(&mut self, s: &str) {
        if let Some(tb) = self.target() {
            tb.push_synthetic(s);
        }
    }

    fn flush(&mut self) {
        // Inline `<script>` or deleted text left open ends with its block.
        self.raw_skip = None;
        self.end_struck();
        let Some(tb) = self.text.take() else { return };
        let Some(block) = tb.finish(self.kind) else {
            return;
        };
        if self.skip_depth > 0 {
            // Footnotes are back matter: listed, never slide text.
            self.dropped.push(Dropped {
                text: block.text,
                reason: "footnote".to_string(),
            });
            return;
        }
        // A short paragraph that is all bold and no sentence is a subheading (web pages
        // copied as Markdown, WeChat posts): it opens a section.
        let bold = std::mem::take(&mut self.strong_bytes);
        if block.kind == BlockKind::Paragraph
            && bold * 10 >= block.text.trim().len() * 9
            && is_bold_subheading(&block.text)
        {
            let text = block.text.trim().to_string();
            let chrome = is_related_heading(&text).then_some("related-articles section");
            self.sections.push(Section {
                heading: Some(text),
                level: 3,
                blocks: Vec::new(),
            });
            self.chrome.push(chrome);
            return;
        }
        if block.kind != BlockKind::Code {
            // A paragraph or list item that is (almost) all link text is navigation.
            let all_link = matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem)
                && self.link_bytes * 10 >= block.text.trim().len() * 9;
            let reason = match classify(&block.text) {
                LineClass::Footer(r) => Some(r),
                LineClass::Placeholder => Some("image placeholder"),
                _ if all_link => Some("navigation: link"),
                _ => None,
            };
            if let Some(reason) = reason {
                self.dropped.push(Dropped {
                    text: block.text,
                    reason: reason.to_string(),
                });
                return;
            }
        }
        self.sections
            .last_mut()
            .expect("one section")
            .blocks
            .push(block);
    }
}

/// True when `text` (a paragraph set all in bold) reads as a subheading: at most 40
/// characters of mostly CJK text or 12 words otherwise, no sentence or lead-in
/// punctuation at its end (a question mark is fine: question subheadings are common), and
/// no byline, footer or placeholder line.
fn is_bold_subheading(text: &str) -> bool {
    let t = text.trim();
    let n = t.chars().count();
    let cjk = t.chars().filter(|c| super::is_cjk(*c)).count();
    let short = if cjk * 2 >= n {
        n <= 40
    } else {
        t.split_whitespace().count() <= 12
    };
    n >= 2
        && short
        && !t.ends_with(['.', '。', '!', '！', ':', '：', ';', '；', ',', '，', '、'])
        && matches!(classify(t), LineClass::Content)
}

/// Removes what a web page copied as Markdown carries above the article: the page title
/// repeated with the site name, and short menu entries ("登录 | 注册", "导读 ▾") that
/// stand before the first real paragraph of the untitled first section. Byline lines
/// there ("By Ann Roe", "作者：张三", "编辑 李四", "授权转载自 X") go to `meta` instead.
fn drop_leading_chrome(sections: &mut [Section], meta: &mut Meta, dropped: &mut Vec<Dropped>) {
    let Some(first) = sections.first_mut() else {
        return;
    };
    if first.heading.is_some() {
        return;
    }
    let mut keep = Vec::with_capacity(first.blocks.len());
    let mut in_lead = true;
    for block in std::mem::take(&mut first.blocks) {
        let text = block.text.trim();
        let n = text.chars().count();
        let prose = matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem);
        if in_lead && block.kind == BlockKind::Paragraph {
            match classify(text) {
                LineClass::Credit { role, name } => {
                    add_credit(meta, &role, &name);
                    dropped.push(Dropped {
                        text: block.text,
                        reason: "byline".to_string(),
                    });
                    continue;
                }
                LineClass::Reprint { publisher, source } => {
                    if !publisher.is_empty() {
                        meta.publisher = Some(publisher);
                    }
                    meta.source = Some(source);
                    dropped.push(Dropped {
                        text: block.text,
                        reason: "byline: source".to_string(),
                    });
                    continue;
                }
                _ => {}
            }
        }
        let title_again = meta
            .title
            .as_deref()
            .is_some_and(|t| !t.is_empty() && text.starts_with(t) && n <= t.chars().count() + 60);
        let menu = prose && n <= 16 && !text.ends_with(['。', '.', '!', '?', '！', '？']);
        if in_lead && prose && (title_again || menu) {
            dropped.push(Dropped {
                text: block.text,
                reason: if title_again {
                    "page title repeated".to_string()
                } else {
                    "navigation: menu entry before the article".to_string()
                },
            });
            continue;
        }
        if prose && n >= 40 {
            in_lead = false;
        }
        keep.push(block);
    }
    first.blocks = keep;
}

/// The Markdown body with its template shortcodes blanked, and the figure shortcodes
/// found, by byte offset into the body.
struct Blanked {
    text: String,
    figures: Vec<(usize, Figure)>,
    /// Offsets of blanked template syntax that stood first on its line.
    line_starts: Vec<usize>,
}

/// Replaces Hugo/Jekyll/Liquid template syntax (`{{< … >}}`, `{{% … %}}`, `{% … %}`,
/// `{{ … }}`) outside code spans and code blocks by as many spaces as it has bytes, so
/// it never reaches the text and offsets into the result equal offsets into `body`.
///
/// A `figure` shortcode (`{{< figure src="a.png" caption="…" alt="…" >}}`) is recorded
/// as a picture at its offset. A `highlight` shortcode pair (`{{< highlight go >}}` …
/// `{{< /highlight >}}`, Jekyll `{% highlight %}` … `{% endhighlight %}`), each on a
/// line of its own, becomes a code fence (three backticks, then spaces), so its body is
/// a code block.
fn blank_shortcodes(body: &str, opts: Options) -> Blanked {
    // Byte ranges of code in the Markdown as written: template syntax there is content.
    let mut code: Vec<(usize, usize)> = Vec::new();
    for (event, range) in Parser::new_ext(body, opts).into_offset_iter() {
        match event {
            Event::Code(_) | Event::Start(Tag::CodeBlock(_)) => code.push((range.start, range.end)),
            _ => {}
        }
    }
    // Code spans and blocks do not overlap and come in order: binary search.
    // The end of the code span or block that byte `i` is in, if any.
    let code_end = |i: usize| {
        let k = code.partition_point(|&(a, _)| a <= i);
        (k > 0 && i < code[k - 1].1).then(|| code[k - 1].1)
    };
    let mut out = body.to_string();
    let mut figures = Vec::new();
    let mut line_starts = Vec::new();
    for (open, close) in [("{{<", ">}}"), ("{{%", "%}}"), ("{%", "%}"), ("{{", "}}")] {
        let mut from = 0;
        // Where the pending `highlight` opening stands, when it is alone on its line.
        let mut highlight: Option<usize> = None;
        // The next blank line at or after the search start (blanking keeps newlines).
        let mut blank = 0;
        while let Some(i) = out[from..].find(open).map(|i| i + from) {
            if let Some(end) = code_end(i) {
                from = end;
                continue;
            }
            // A shortcode never spans a blank line: look for its end before the next
            // one (when there is none, no later opening before it has one either, so
            // the search goes on after it: linear time whatever the input).
            let start = i + open.len();
            if blank < start {
                blank = out[start..].find("\n\n").map_or(out.len(), |k| k + start);
            }
            let Some(j) = out[start..blank].find(close).map(|j| j + start) else {
                from = blank;
                continue;
            };
            let end = j + close.len();
            let inner = out[i + open.len()..j].trim().to_string();
            let name = inner
                .split(|c: char| c.is_whitespace())
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            let line_start = out[..i].rfind('\n').map_or(0, |n| n + 1);
            let line_end = out[end..].find('\n').map_or(out.len(), |n| n + end);
            let first = out[line_start..i].trim().is_empty();
            let alone = first && out[end..line_end].trim().is_empty();
            if first {
                line_starts.push(i);
            }
            if name == "figure" {
                let attrs = shortcode_attrs(&inner[name.len()..]);
                let get = |k: &str| {
                    attrs
                        .iter()
                        .find(|(key, _)| key == k)
                        .map(|(_, v)| v.trim().to_string())
                        .filter(|v| !v.is_empty())
                };
                if let Some(src) = get("src") {
                    figures.push((
                        i,
                        Figure {
                            src,
                            alt: get("alt").unwrap_or_default(),
                            caption: get("caption").or_else(|| get("title")),
                        },
                    ));
                }
            }
            let spaces: String = out[i..end]
                .chars()
                .map(|c| {
                    if c == '\n' {
                        "\n".to_string()
                    } else {
                        " ".repeat(c.len_utf8())
                    }
                })
                .collect();
            out.replace_range(i..end, &spaces);
            match name.as_str() {
                "highlight" if alone => highlight = Some(i),
                "/highlight" | "endhighlight" if alone => {
                    if let Some(at) = highlight.take() {
                        out.replace_range(at..at + 3, "```");
                        out.replace_range(i..i + 3, "```");
                    }
                }
                _ => {}
            }
            from = end;
        }
    }
    figures.sort_by_key(|(at, _)| *at);
    line_starts.sort_unstable();
    Blanked {
        text: out,
        figures,
        line_starts,
    }
}

/// `key="value"` / `key='value'` / `key=value` pairs of a shortcode's parameters.
fn shortcode_attrs(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = s.trim_start();
    while let Some(eq) = rest.find('=') {
        let key = rest[..eq].trim().to_ascii_lowercase();
        let after = rest[eq + 1..].trim_start();
        let (value, tail) = match after.chars().next() {
            Some(q @ ('"' | '\'' | '`')) => match after[1..].find(q) {
                Some(k) => (&after[1..1 + k], &after[k + 2..]),
                None => (&after[1..], ""),
            },
            _ => {
                let k = after.find(char::is_whitespace).unwrap_or(after.len());
                (&after[..k], &after[k..])
            }
        };
        if !key.is_empty() && !key.contains(char::is_whitespace) {
            out.push((key, value.to_string()));
        }
        rest = tail.trim_start();
    }
    out
}

/// What a raw HTML block yields, in order.
#[derive(Debug, Clone, PartialEq)]
enum HtmlPiece {
    /// A block of text (whitespace collapsed; code keeps its lines).
    Text(BlockKind, String),
    /// A picture, with the caption of its `<figure>`.
    Image(Figure),
    /// Deleted text (`<del>`, `<s>`, `<strike>`).
    Deleted(String),
    /// A heading `<h1>`–`<h6>`: its level and text.
    Heading(u8, String),
}

/// Elements of a raw HTML block whose content never reaches the text.
const HTML_SKIPPED: &str = "script, style, noscript, template, rt, rp, rtc, iframe, object, \
                            embed, svg, math, button, input, select, textarea, form, nav";

/// Splits a raw HTML block (parsed with `dom_query`, html5ever) into text blocks,
/// pictures and deleted text; see [`Builder::push_html_block`].
fn html_block_pieces(html: &str) -> Vec<HtmlPiece> {
    let frag = dom_query::Document::fragment(html);
    frag.select(HTML_SKIPPED).remove();
    let mut pieces = Vec::new();
    for del in frag.select("del, s, strike").nodes() {
        let text = collapse(&del.text());
        if !text.is_empty() {
            pieces.push(HtmlPiece::Deleted(text));
        }
        del.remove_from_parent();
    }
    let mut walk = HtmlWalk {
        pieces,
        inline: String::new(),
    };
    walk.walk(&frag.root(), BlockKind::Paragraph, 0);
    walk.flush(BlockKind::Paragraph);
    walk.pieces
}

/// State of the walk over a raw HTML block.
struct HtmlWalk {
    pieces: Vec<HtmlPiece>,
    /// Running text not yet in a block.
    inline: String,
}

/// Deepest element nesting walked in a raw HTML block; deeper content is left out.
const MAX_HTML_DEPTH: usize = 100;

impl HtmlWalk {
    fn flush(&mut self, kind: BlockKind) {
        let raw = std::mem::take(&mut self.inline);
        let text = if kind == BlockKind::Code {
            raw.trim_matches('\n').to_string()
        } else {
            collapse(&raw)
        };
        if !text.trim().is_empty() {
            self.pieces.push(HtmlPiece::Text(kind, text));
        }
    }

    fn walk(&mut self, node: &dom_query::NodeRef, kind: BlockKind, depth: usize) {
        for child in node.children_it(false) {
            if child.is_text() {
                self.inline.push_str(&child.text());
                continue;
            }
            if !child.is_element() || depth >= MAX_HTML_DEPTH {
                continue;
            }
            let name = child
                .node_name()
                .map(|n| n.to_ascii_lowercase())
                .unwrap_or_default();
            match name.as_str() {
                "br" => self
                    .inline
                    .push(if kind == BlockKind::Code { '\n' } else { ' ' }),
                "img" => {
                    let Some(src) = child.attr("src").map(|s| s.trim().to_string()) else {
                        continue;
                    };
                    if src.is_empty() {
                        continue;
                    }
                    self.flush(kind);
                    let alt = child.attr("alt").map(|a| collapse(&a)).unwrap_or_default();
                    self.pieces.push(HtmlPiece::Image(Figure {
                        src,
                        alt,
                        caption: None,
                    }));
                }
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                    self.flush(kind);
                    let text = collapse(&child.text());
                    let level = name.as_bytes()[1] - b'0';
                    if !text.is_empty() {
                        self.pieces.push(HtmlPiece::Heading(level, text));
                    }
                }
                "figcaption" => {
                    self.flush(kind);
                    let caption = collapse(&child.text());
                    if caption.is_empty() {
                        continue;
                    }
                    // The caption of the picture just before it in the same figure.
                    let in_figure = child
                        .parent()
                        .and_then(|p| p.node_name())
                        .is_some_and(|n| n.eq_ignore_ascii_case("figure"));
                    match self.pieces.last_mut() {
                        Some(HtmlPiece::Image(fig)) if in_figure && fig.caption.is_none() => {
                            fig.caption = Some(caption);
                        }
                        _ => self
                            .pieces
                            .push(HtmlPiece::Text(BlockKind::Paragraph, caption)),
                    }
                }
                // The HTML walker's block-level elements, and `<aside>`, which a web page's
                // walker skips as a sidebar but which in a post is the author's own note.
                _ if BLOCK_LEVEL.contains(&name.as_str()) || name == "aside" => {
                    self.flush(kind);
                    let inner = match name.as_str() {
                        "li" | "dd" | "dt" => BlockKind::ListItem,
                        "blockquote" => BlockKind::Quote,
                        "pre" => BlockKind::Code,
                        _ => kind,
                    };
                    self.walk(&child, inner, depth + 1);
                    self.flush(inner);
                }
                _ => self.walk(&child, kind, depth + 1),
            }
        }
    }
}

/// The lower-case name of the tag an inline raw HTML fragment is (`"br"`, `"del"`,
/// `"/del"`), or `None` for a comment, declaration or self-closed `<script/>`.
fn inline_tag(html: &str) -> Option<String> {
    let rest = html.trim().strip_prefix('<')?;
    let (slash, rest) = match rest.strip_prefix('/') {
        Some(r) => ("/", r),
        None => ("", rest),
    };
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect::<String>()
        .to_ascii_lowercase();
    if name.is_empty() || (slash.is_empty() && name != "br" && html.trim_end().ends_with("/>")) {
        return None;
    }
    Some(format!("{slash}{name}"))
}

/// `(src, alt)` of every `<img>` tag in a raw HTML fragment, in order.
fn html_images(html: &str) -> Vec<(String, String)> {
    let frag = dom_query::Document::fragment(html);
    frag.select("img")
        .iter()
        .filter_map(|img| {
            let src = img.attr("src")?.trim().to_string();
            let alt = img
                .attr("alt")
                .map(|a| a.trim().to_string())
                .unwrap_or_default();
            (!src.is_empty()).then_some((src, alt))
        })
        .collect()
}

/// Reads a YAML (`---`) or TOML (`+++`) front matter block at the start of `src` into
/// `meta` (title, subtitle/subhead/dek, author/authors, date, description/summary) and returns the byte offset
/// where the Markdown body starts (0 without front matter). YAML is parsed with
/// `yaml-rust2`, TOML with `toml`; a block neither parser accepts is read line by line
/// (`key: value` / `key = value`), so a sloppy header still yields its title.
fn front_matter(src: &str, meta: &mut Meta) -> usize {
    let (fence, sep) = if src.starts_with("+++\n") {
        ("+++", '=')
    } else if src.starts_with("---\n") {
        ("---", ':')
    } else {
        return 0;
    };
    let after = fence.len() + 1;
    let close = format!("\n{fence}");
    let Some(end) = src[after - 1..].find(&close).map(|i| i + after - 1) else {
        return 0;
    };
    let block = &src[after.min(end)..end];
    let fields = if fence == "+++" {
        toml_fields(block)
    } else {
        yaml_fields(block)
    }
    .unwrap_or_else(|| loose_fields(block, sep));
    for (key, values) in fields {
        let mut values = values
            .into_iter()
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty());
        match key.to_ascii_lowercase().as_str() {
            "title" => meta.title = meta.title.take().or(values.next()),
            "date" => meta.date = meta.date.take().or(values.next()),
            "url" | "link" | "canonical_url" | "canonical" | "source_url" | "original_url" => {
                meta.url = meta.url.take().or(values.find_map(|v| super::web_url(&v)))
            }
            "description" | "summary" => {
                meta.description = meta.description.take().or(values.next())
            }
            "subtitle" | "subhead" | "subheadline" | "dek" => {
                meta.subtitle = meta.subtitle.take().or(values.next())
            }
            "author" | "authors" => {
                for a in values {
                    if !meta.authors.contains(&a) {
                        meta.authors.push(a);
                    }
                }
            }
            _ => {}
        }
    }
    let rest = end + close.len();
    rest + src[rest..].find('\n').map_or(src.len() - rest, |i| i + 1)
}

/// Top-level keys of a TOML table with their string values (an array gives several;
/// a date is written as in the file). `None` when the block is not valid TOML.
fn toml_fields(block: &str) -> Option<Vec<(String, Vec<String>)>> {
    let table: toml::Table = block.parse().ok()?;
    fn strings(v: &toml::Value) -> Vec<String> {
        match v {
            toml::Value::String(s) => vec![s.clone()],
            toml::Value::Datetime(d) => vec![d.to_string()],
            toml::Value::Array(a) => a.iter().flat_map(strings).collect(),
            // `[[authors]] name = "…"` style tables.
            toml::Value::Table(t) => t.get("name").map(strings).unwrap_or_default(),
            _ => Vec::new(),
        }
    }
    Some(table.iter().map(|(k, v)| (k.clone(), strings(v))).collect())
}

/// Top-level keys of a YAML mapping with their string values. `None` when the block is
/// not valid YAML or not a mapping.
fn yaml_fields(block: &str) -> Option<Vec<(String, Vec<String>)>> {
    use yaml_rust2::{Yaml, YamlLoader};
    let docs = YamlLoader::load_from_str(block).ok()?;
    let map = docs.into_iter().next()?.into_hash()?;
    fn strings(v: &Yaml) -> Vec<String> {
        match v {
            Yaml::String(s) | Yaml::Real(s) => vec![s.clone()],
            Yaml::Integer(i) => vec![i.to_string()],
            Yaml::Array(a) => a.iter().flat_map(strings).collect(),
            Yaml::Hash(h) => h
                .get(&Yaml::String("name".into()))
                .map(strings)
                .unwrap_or_default(),
            _ => Vec::new(),
        }
    }
    Some(
        map.iter()
            .filter_map(|(k, v)| Some((k.as_str()?.to_string(), strings(v))))
            .collect(),
    )
}

/// `key: value` / `key = value` lines of a front matter block no parser accepted.
fn loose_fields(block: &str, sep: char) -> Vec<(String, Vec<String>)> {
    block
        .lines()
        .filter(|l| !l.starts_with([' ', '\t']))
        .filter_map(|l| l.split_once(sep))
        .map(|(k, v)| {
            let v = v.trim().trim_matches(['"', '\'']).trim();
            let values = v
                .trim_start_matches('[')
                .trim_end_matches(']')
                .split(',')
                .map(|a| a.trim().trim_matches(['"', '\'']).trim().to_string())
                .collect();
            (k.trim().to_string(), values)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_inside_raw_html_blocks_keep_their_role() {
        let doc = parse("<div class=\"post\">\n<h1>Winter harbour</h1>\n<p>The harbour froze for the first time in twenty years, and the ferries stopped.</p>\n<h2>Ice breakers</h2>\n<p>Two ice breakers came from the north to open a channel for the boats.</p>\n</div>\n");
        assert_eq!(doc.meta.title.as_deref(), Some("Winter harbour"));
        let headings: Vec<Option<&str>> =
            doc.sections.iter().map(|s| s.heading.as_deref()).collect();
        assert_eq!(headings, [None, Some("Ice breakers")]);
        // With a title in the front matter, the <h1> is a heading like any other.
        let doc = parse("---\ntitle: Harbour notes\n---\n\n<div>\n<h1>Winter harbour</h1>\n<p>The harbour froze for the first time in twenty years, and the ferries stopped.</p>\n</div>\n");
        assert_eq!(doc.meta.title.as_deref(), Some("Harbour notes"));
        assert!(doc
            .sections
            .iter()
            .any(|s| s.heading.as_deref() == Some("Winter harbour")));
    }

    #[test]
    fn bold_paragraphs_are_subheadings() {
        let doc = parse("# Harbour\n\nThe harbour reopened on Monday after a winter of repairs to the wall.\n\n**What changed on the pier**\n\nThe pier is longer now and has new lamps along its whole length.\n\n**港口为何重建？**\n\n旧码头在去年冬天的风暴中受损严重，必须重建。\n\n**Note:** the ferry timetable is unchanged.\n\n**This whole sentence is bold for emphasis.**\n");
        let headings: Vec<&str> = doc
            .sections
            .iter()
            .filter_map(|s| s.heading.as_deref())
            .collect();
        assert_eq!(headings, ["What changed on the pier", "港口为何重建？"]);
        let last: Vec<&str> = doc.sections[2]
            .blocks
            .iter()
            .map(|b| b.text.as_str())
            .collect();
        assert_eq!(
            last,
            [
                "旧码头在去年冬天的风暴中受损严重，必须重建。",
                "Note: the ferry timetable is unchanged.",
                "This whole sentence is bold for emphasis."
            ]
        );
    }

    #[test]
    fn front_matter_sections_and_plain_text() {
        let src = "+++\ntitle = \"A Title\"\nauthor = \"Ann\"\n+++\n\nIntro with **bold** and [a link](https://x.org).\n\n## First\n\n> Quoted words.\n\n- item one\n- item two\n\n## Second\n\n```\ncode\n```\n\nText.\n";
        let doc = parse(src);
        assert_eq!(doc.meta.title.as_deref(), Some("A Title"));
        assert_eq!(doc.meta.authors, vec!["Ann".to_string()]);
        let heads: Vec<_> = doc.sections.iter().map(|s| s.heading.as_deref()).collect();
        assert_eq!(heads, vec![None, Some("First"), Some("Second")]);
        let intro = &doc.sections[0].blocks[0];
        assert_eq!(intro.text, "Intro with bold and a link.");
        // "bold" maps back to its own bytes in the source.
        let i = intro.text.find("bold").unwrap();
        let r = intro.source_ranges(i, i + 4);
        assert_eq!(&src[r[0].0..r[0].1], "bold");
        let kinds: Vec<_> = doc.sections[1].blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            vec![BlockKind::Quote, BlockKind::ListItem, BlockKind::ListItem]
        );
        assert_eq!(doc.sections[2].blocks[0].kind, BlockKind::Code);
    }

    #[test]
    fn yaml_front_matter_into_meta() {
        let src = "---\ntitle: \"Harbour: a history\"\nauthor:\n  - Ann Roe\n  - Bo Li\ndate: 2024-03-01\ndescription: >\n  How the harbour grew.\ntags: [a, b]\n---\n\nBody text.\n";
        let doc = parse(src);
        assert_eq!(doc.meta.title.as_deref(), Some("Harbour: a history"));
        assert_eq!(
            doc.meta.authors,
            vec!["Ann Roe".to_string(), "Bo Li".to_string()]
        );
        assert_eq!(doc.meta.date.as_deref(), Some("2024-03-01"));
        assert_eq!(
            doc.meta.description.as_deref(),
            Some("How the harbour grew.")
        );
        assert_eq!(doc.sections[0].blocks[0].text, "Body text.");
    }

    #[test]
    fn toml_front_matter_into_meta() {
        let src = "+++\ntitle = \"Lamps = light\"\ndate = 2023-11-05T10:00:00Z\nauthors = [\"Cy Moe\"]\ndescription = \"On lamps.\"\n[extra]\ntitle = \"not this\"\n+++\n\nBody.\n";
        let doc = parse(src);
        assert_eq!(doc.meta.title.as_deref(), Some("Lamps = light"));
        assert_eq!(doc.meta.authors, vec!["Cy Moe".to_string()]);
        assert_eq!(doc.meta.date.as_deref(), Some("2023-11-05T10:00:00Z"));
        assert_eq!(doc.meta.description.as_deref(), Some("On lamps."));
    }

    #[test]
    fn html_images_comments_and_shortcodes() {
        let src = "Intro words that make a full sentence of the article.\n\n<!-- a note for editors -->\n\n<img src=\"chart.svg\" alt=\"A chart\" class=\"chart\">\n\nBefore {{< youtube abc >}} after {% include card.html %} end {{% note %}}.\n\nThe quay at dusk <img src=\"b.png\"> seen from the pier.\n";
        let doc = parse(src);
        let blocks = &doc.sections[0].blocks;
        let summary: Vec<(BlockKind, &str, Option<&str>)> = blocks
            .iter()
            .map(|b| (b.kind, b.text.as_str(), b.src.as_deref()))
            .collect();
        assert_eq!(
            summary,
            vec![
                (
                    BlockKind::Paragraph,
                    "Intro words that make a full sentence of the article.",
                    None
                ),
                (BlockKind::Image, "", Some("chart.svg")),
                (BlockKind::Paragraph, "Before after end .", None),
                (BlockKind::Paragraph, "The quay at dusk", None),
                (BlockKind::Image, "", Some("b.png")),
                (BlockKind::Paragraph, "seen from the pier.", None),
            ]
        );
        assert_eq!(blocks[1].alt.as_deref(), Some("A chart"));
    }

    #[test]
    fn byline_under_the_title_goes_to_meta() {
        let src = "# The Keepers\n\nBy Ann Roe\n\n编辑 李四\n\nThe lighthouse on the cape has been kept by one family for four generations.\n";
        let doc = parse(src);
        assert_eq!(doc.meta.authors, vec!["Ann Roe".to_string()]);
        assert_eq!(
            doc.meta.credits,
            vec![("编辑".to_string(), "李四".to_string())]
        );
        let texts: Vec<&str> = doc
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .map(|b| b.text.as_str())
            .collect();
        assert_eq!(texts.len(), 1, "{texts:?}");
        assert!(texts[0].starts_with("The lighthouse"));
        let dropped: Vec<(&str, &str)> = doc
            .dropped
            .iter()
            .map(|d| (d.text.as_str(), d.reason.as_str()))
            .collect();
        assert!(dropped.contains(&("By Ann Roe", "byline")), "{dropped:?}");
        // A "By …" line later in the article is text, not a byline.
        let later = parse("# T\n\nThe first paragraph of the article is long enough to be prose, surely.\n\nBy the end\n");
        assert!(later.meta.authors.is_empty());
    }

    #[test]
    fn single_h1_is_the_title() {
        let doc = parse("# Big Title\n\nSome text.\n\n## Part\n\nMore.\n");
        assert_eq!(doc.meta.title.as_deref(), Some("Big Title"));
        assert_eq!(doc.sections.len(), 2);
    }

    #[test]
    fn web_page_chrome_is_dropped() {
        let src = "---\ntitle: Harbour News\n---\n\n# Harbour News\n\nHarbour News - Example Site\n\n* [Home](https://example.org/)\n* [World](https://example.org/world)\n\nSign in | Join\n\nThe harbour reopened on Monday after a week of repairs, officials said in a statement.\n\nBoats returned to the quay by noon.\n\n#### Related articles\n\n* [Another story](https://example.org/x)\n\nA teaser paragraph that belongs to the related list.\n\n# [Jo Writer](https://example.org/member/jo)\n\nThis writer has not said anything yet.\n";
        let doc = parse(src);
        let texts: Vec<&str> = doc
            .sections
            .iter()
            .flat_map(|s| s.blocks.iter().map(|b| b.text.as_str()))
            .collect();
        assert_eq!(
            texts,
            vec![
                "The harbour reopened on Monday after a week of repairs, officials said in a statement.",
                "Boats returned to the quay by noon."
            ]
        );
        let reasons: Vec<&str> = doc.dropped.iter().map(|d| d.reason.as_str()).collect();
        assert!(reasons.contains(&"navigation: link"));
        assert!(reasons.contains(&"related-articles section"));
        assert!(reasons.contains(&"linked heading (author box or teaser)"));
        assert!(reasons.contains(&"page title repeated"));
    }

    /// A block as (kind, text, src, caption, alt).
    type Row = (
        BlockKind,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
    );

    /// All blocks as [`Row`]s.
    fn blocks(doc: &Document) -> Vec<Row> {
        doc.sections
            .iter()
            .flat_map(|s| &s.blocks)
            .map(|b| {
                (
                    b.kind,
                    b.text.clone(),
                    b.src.clone(),
                    b.caption.clone(),
                    b.alt.clone(),
                )
            })
            .collect()
    }

    fn para(t: &str) -> Row {
        (BlockKind::Paragraph, t.to_string(), None, None, None)
    }

    #[test]
    fn raw_html_blocks_give_their_text() {
        let src = "Opening words of the piece, long enough to be a paragraph.\n\n<div class=\"box\">\nThe ferry leaves at <b>nine</b> sharp.\n</div>\n\n<p>A paragraph typed as HTML.</p>\n\n<figure>\n  <img src=\"quay.png\" alt=\"The quay\">\n  <figcaption>The quay in May.</figcaption>\n</figure>\n\n<details><summary>Timetable</summary>Daily except Sunday.</details>\n\n<center>Centred words.</center>\n\n<div>编者按：数据来自港务局。</div>\n\n<script>var leaked = 1;</script>\n\n<style>p { color: red }</style>\n\n<!-- editor's note: not for print -->\n\n<p>Kept <del>gone</del> words.<!-- hidden --></p>\n";
        let doc = parse(src);
        assert_eq!(
            blocks(&doc),
            vec![
                para("Opening words of the piece, long enough to be a paragraph."),
                para("The ferry leaves at nine sharp."),
                para("A paragraph typed as HTML."),
                (
                    BlockKind::Image,
                    String::new(),
                    Some("quay.png".into()),
                    Some("The quay in May.".into()),
                    Some("The quay".into())
                ),
                para("Timetable"),
                para("Daily except Sunday."),
                para("Centred words."),
                para("编者按：数据来自港务局。"),
                para("Kept words."),
            ]
        );
        let dropped: Vec<(&str, &str)> = doc
            .dropped
            .iter()
            .map(|d| (d.text.as_str(), d.reason.as_str()))
            .collect();
        assert_eq!(dropped, vec![("gone", "struck-out (deleted) text")]);
    }

    #[test]
    fn gfm_strikethrough_footnotes_and_inline_br() {
        let src = "Merging took ~~hours~~ days before the change.[^1]\n\nOne line<br>and the next<br/>and a <script>x()</script>last.\n\n[^1]: Measured over one quarter.\n";
        let doc = parse(src);
        assert_eq!(
            blocks(&doc),
            vec![
                para("Merging took days before the change."),
                para("One line and the next and a last."),
            ]
        );
        let dropped: Vec<(&str, &str)> = doc
            .dropped
            .iter()
            .map(|d| (d.text.as_str(), d.reason.as_str()))
            .collect();
        assert_eq!(
            dropped,
            vec![
                ("hours", "struck-out (deleted) text"),
                ("Measured over one quarter.", "footnote")
            ]
        );
        // Text after deleted text still maps back to its own bytes.
        let b = &doc.sections[0].blocks[0];
        let i = b.text.find("days").unwrap();
        let r = b.source_ranges(i, i + 4);
        assert_eq!(&src[r[0].0..r[0].1], "days");
    }

    #[test]
    fn template_syntax() {
        let src = "{{< figure src=\"cover.png\" caption=\"Dawn at the lake\" alt=\"A lake\" >}}\n\nThe first paragraph, about the lake. {{ page.title }} is asked often.\n\n{{% figure src='two.jpg' title=\"Second\" %}}\n\n![Crumb]({{ site.baseurl }}/assets/crumb.jpg)\n\n{{< highlight go >}}\nfunc main() {}\n{{< /highlight >}}\n\n{% highlight python %}\nx = 1\n{% endhighlight %}\n\n{% raw %}Words after a tag at the line start.{% endraw %}\n\nCode keeps `{{ .Title }}` as written.\n";
        let doc = parse(src);
        assert_eq!(
            blocks(&doc),
            vec![
                (
                    BlockKind::Image,
                    String::new(),
                    Some("cover.png".into()),
                    Some("Dawn at the lake".into()),
                    Some("A lake".into())
                ),
                para("The first paragraph, about the lake. is asked often."),
                (
                    BlockKind::Image,
                    String::new(),
                    Some("two.jpg".into()),
                    Some("Second".into()),
                    None
                ),
                (
                    BlockKind::Image,
                    String::new(),
                    Some("/assets/crumb.jpg".into()),
                    None,
                    Some("Crumb".into())
                ),
                (BlockKind::Code, "func main() {}".into(), None, None, None),
                (BlockKind::Code, "x = 1".into(), None, None, None),
                para("Words after a tag at the line start."),
                para("Code keeps {{ .Title }} as written."),
            ]
        );
    }

    #[test]
    fn subtitle_from_front_matter() {
        for src in [
            "---\ntitle: Tides\nsubtitle: How the moon moves the sea\n---\n\nBody.\n",
            "+++\ntitle = \"Tides\"\nsubhead = \"How the moon moves the sea\"\n+++\n\nBody.\n",
            "---\ntitle: Tides\ndek: How the moon moves the sea\n---\n\nBody.\n",
        ] {
            let doc = parse(src);
            assert_eq!(
                doc.meta.subtitle.as_deref(),
                Some("How the moon moves the sea"),
                "{src}"
            );
        }
    }

    #[test]
    fn unclosed_inline_tags_end_with_their_block() {
        let doc = parse("The opening paragraph of the article is long enough to be prose.\n\nLoad it with a <script> tag in the page head.\n\nThe next paragraph is kept.\n\nA <del>struck start\n\nAnd this one too.\n");
        let texts: Vec<&str> = doc.sections[0]
            .blocks
            .iter()
            .map(|b| b.text.as_str())
            .collect();
        assert_eq!(
            texts,
            vec![
                "The opening paragraph of the article is long enough to be prose.",
                "Load it with a",
                "The next paragraph is kept.",
                "A",
                "And this one too."
            ]
        );
        // Many openings without an end, then one: every opening is looked at once.
        let src = format!(
            "{}{{{{ x }}}} The last paragraph of this odd text is long enough to be prose.\n",
            "{{\n\n".repeat(20_000)
        );
        let doc = parse(&src);
        let last = doc.sections[0].blocks.last().unwrap();
        assert_eq!(
            last.text,
            "The last paragraph of this odd text is long enough to be prose."
        );
    }

    #[test]
    fn shortcode_attributes() {
        assert_eq!(
            shortcode_attrs(r#" src="a b.png" caption='It is' alt=plain "#),
            vec![
                ("src".to_string(), "a b.png".to_string()),
                ("caption".to_string(), "It is".to_string()),
                ("alt".to_string(), "plain".to_string()),
            ]
        );
        assert_eq!(inline_tag("<BR/>").as_deref(), Some("br"));
        assert_eq!(inline_tag("</del>").as_deref(), Some("/del"));
        assert_eq!(inline_tag("<!-- x -->"), None);
    }
}
