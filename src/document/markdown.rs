//! Markdown parser (pulldown-cmark with offsets): front matter, sections from headings,
//! paragraphs, quotes, list items, code, images and tables as plain-text blocks.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::boilerplate::{classify, is_related_heading, LineClass};
use super::{Block, BlockKind, Document, Dropped, Meta, Section, TextBuilder};

/// Parses Markdown (CommonMark + GFM tables, footnotes, strikethrough, task lists).
pub fn parse(src: &str) -> Document {
    let mut meta = Meta::default();
    let body_start = front_matter(src, &mut meta);
    let body = &src[body_start..];
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES;

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
    };
    let mut h1_count = 0;
    for (event, range) in Parser::new_ext(body, opts).into_offset_iter() {
        let off = body_start + range.start;
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
                        && b.sections.len() == 1
                        && b.sections[0].blocks.is_empty()
                    {
                        // The front matter's title repeated as the first heading.
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
            Event::Start(Tag::CodeBlock(_)) => {
                b.flush();
                b.start_kind(BlockKind::Code);
            }
            Event::End(TagEnd::CodeBlock) => b.flush(),
            Event::Start(Tag::Table(_)) => {
                b.flush();
                b.start_kind(BlockKind::Table);
            }
            Event::End(TagEnd::TableCell) => b.push_synthetic(" | "),
            Event::End(TagEnd::TableRow) | Event::End(TagEnd::TableHead) => b.push_synthetic("\n"),
            Event::End(TagEnd::Table) => b.flush(),
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
                    if let Some(sec) = b.sections.last_mut() {
                        sec.blocks.push(Block {
                            kind: BlockKind::Image,
                            text: String::new(),
                            src: Some(src),
                            caption: None,
                            alt: (!alt.is_empty()).then_some(alt),
                            cite: None,
                            pieces: Vec::new(),
                        });
                    }
                }
            }
            Event::Start(Tag::Link { .. }) => b.link_depth += 1,
            Event::End(TagEnd::Link) => b.link_depth = b.link_depth.saturating_sub(1),
            Event::Text(t) | Event::Code(t) => b.push_text(&t, off, &body[range.clone()]),
            Event::SoftBreak | Event::HardBreak => b.push_synthetic(" "),
            // Raw HTML, footnote references, rules and math carry no prose for slides.
            _ => {}
        }
    }
    b.flush();
    drop_leading_chrome(&mut b.sections, &meta, &mut b.dropped);
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

    fn start_kind(&mut self, kind: BlockKind) {
        self.kind = kind;
        self.text = Some(TextBuilder::default());
        self.link_bytes = 0;
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
        // Text events borrow the source verbatim (code spans inside their backticks)
        // unless entities or escapes were decoded.
        let at = if raw == text { Some(0) } else { raw.find(text) };
        if self.link_depth > 0 && self.image.is_none() {
            self.link_bytes += text.len();
        }
        if let Some(tb) = self.target() {
            match at {
                Some(i) => tb.push_source(text, off + i),
                None => tb.push_synthetic(text),
            }
        }
    }

    fn push_synthetic(&mut self, s: &str) {
        if let Some(tb) = self.target() {
            tb.push_synthetic(s);
        }
    }

    fn flush(&mut self) {
        let Some(tb) = self.text.take() else { return };
        if self.skip_depth > 0 {
            return;
        }
        let Some(block) = tb.finish(self.kind) else {
            return;
        };
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

/// Removes what a web page copied as Markdown carries above the article: the page title
/// repeated with the site name, and short menu entries ("登录 | 注册", "导读 ▾") that
/// stand before the first real paragraph of the untitled first section.
fn drop_leading_chrome(sections: &mut [Section], meta: &Meta, dropped: &mut Vec<Dropped>) {
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

/// Reads TOML (`+++`) or YAML (`---`) front matter at the top into `meta`; returns the
/// byte offset where the Markdown body starts.
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
    for line in src[after..end].lines() {
        let Some((key, value)) = line.split_once(sep) else {
            continue;
        };
        if line.starts_with([' ', '\t']) {
            continue;
        }
        let value = value.trim().trim_matches(['"', '\'']).trim().to_string();
        if value.is_empty() {
            continue;
        }
        match key.trim() {
            "title" => meta.title = Some(value),
            "date" => meta.date = Some(value),
            "author" | "authors" => {
                let v = value.trim_start_matches('[').trim_end_matches(']');
                for a in v.split(',') {
                    let a = a.trim().trim_matches(['"', '\'']).trim();
                    if !a.is_empty() {
                        meta.authors.push(a.to_string());
                    }
                }
            }
            _ => {}
        }
    }
    let rest = end + close.len();
    rest + src[rest..].find('\n').map_or(src.len() - rest, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
