//! The deck planner: Document + Analysis → Deck (a title slide, then a bullet slide per
//! section with its top-ranked sentences in article order).

use super::{Deck, DeckMeta, Item, Slide, SlideKind, DECK_VERSION};
use crate::analyse::Analysis;
use crate::document::{Document, Meta};
use crate::import::{Format, Source};
use crate::Options;

/// Plans the deck for a parsed and analysed article.
pub fn plan(doc: &Document, analysis: &Analysis, source: &Source, opts: &Options) -> Deck {
    let zh = doc.meta.language == "zh";
    let title = deck_title(doc, analysis, source.format);
    let byline = byline(&doc.meta, zh);
    let mut slides = vec![Slide {
        kind: SlideKind::Title,
        title: title.clone(),
        subtitle: byline.clone(),
        items: Vec::new(),
        notes: String::new(),
    }];
    let any_heading = doc.sections.iter().any(|s| s.heading.is_some());
    for (section, sa) in doc.sections.iter().zip(&analysis.sections) {
        if sa.sentences.is_empty() {
            continue;
        }
        let n = sa.sentences.len();
        let want = (2 + n / 4).clamp(opts.min_bullets, opts.max_bullets.max(opts.min_bullets));
        let k = want.min(n);
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| {
            sa.sentences[b]
                .score
                .total_cmp(&sa.sentences[a].score)
                .then(a.cmp(&b))
        });
        let mut chosen: Vec<usize> = order.into_iter().take(k).collect();
        chosen.sort_unstable();
        let items = chosen
            .into_iter()
            .map(|i| {
                let s = &sa.sentences[i];
                let block = &section.blocks[s.block];
                Item::bullet(s.text.clone(), block.source_ranges(s.start, s.end))
            })
            .collect();
        let heading = section.heading.clone().unwrap_or_else(|| {
            match (any_heading, zh) {
                (true, true) => "引言",
                (true, false) => "Introduction",
                (false, true) => "概述",
                (false, false) => "Overview",
            }
            .to_string()
        });
        slides.push(Slide {
            kind: SlideKind::Bullets,
            title: heading,
            subtitle: None,
            items,
            notes: String::new(),
        });
    }
    let source_file = source
        .path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned());
    Deck {
        version: DECK_VERSION,
        meta: DeckMeta {
            title,
            byline,
            source: doc.meta.source.clone().or(doc.meta.publisher.clone()),
            language: Some(doc.meta.language.clone()),
            source_file,
        },
        slides,
    }
}

/// The article's title; else (Markdown) its first heading; else its top keyphrases.
fn deck_title(doc: &Document, analysis: &Analysis, format: Format) -> String {
    if let Some(t) = &doc.meta.title {
        return t.clone();
    }
    if format == Format::Markdown {
        if let Some(h) = doc.sections.iter().find_map(|s| s.heading.clone()) {
            return h;
        }
    }
    let sep = if doc.meta.language == "zh" {
        "、"
    } else {
        " · "
    };
    // Top three keyphrases, skipping any contained in one already chosen ("AI" in "OpenAI").
    let mut top: Vec<&str> = Vec::new();
    for k in &analysis.keyphrases {
        let lower = k.to_lowercase();
        if top.len() < 3 && !top.iter().any(|t| t.to_lowercase().contains(&lower)) {
            top.push(k);
        }
    }
    if top.is_empty() {
        "Untitled".to_string()
    } else {
        top.join(sep)
    }
}

/// One display line of credits, e.g. "作者 itsukun · 编辑 张铃媛 · 来源 湃客工坊".
fn byline(meta: &Meta, zh: bool) -> Option<String> {
    let mut parts = Vec::new();
    if !meta.authors.is_empty() {
        let names = meta.authors.join(if zh { "、" } else { ", " });
        parts.push(if zh {
            format!("作者 {names}")
        } else {
            format!("By {names}")
        });
    }
    for (role, name) in &meta.credits {
        parts.push(format!("{role} {name}"));
    }
    if let Some(src) = &meta.source {
        parts.push(if zh {
            format!("来源 {src}")
        } else {
            format!("Source: {src}")
        });
    }
    if let Some(date) = &meta.date {
        parts.push(date.clone());
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}
