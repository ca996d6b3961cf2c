//! The deck planner: Document + Analysis → Deck (a title slide, then a bullet slide per
//! section with its top-ranked sentences in article order, followed by up to two slides
//! of the section's local pictures).

use std::path::Path;

use super::labels::{self, Labels};
use super::{Deck, DeckMeta, Item, Slide, SlideKind, DECK_VERSION};
use crate::analyse::Analysis;
use crate::document::{BlockKind, Document, Meta, Section};
use crate::import::{Format, Source};
use crate::limits::MAX_SLIDES;
use crate::Options;

/// Most sections an agenda lists; a deck with more sections gets none.
const MAX_AGENDA: usize = 30;

/// The closing slide: where the article came from, labelled in the article's language.
fn sources_slide(meta: &Meta, title: &str, file: Option<&str>, words: &Labels) -> Slide {
    let label = |l: &str| format!("{l}{}", words.colon);
    let mut items = vec![Item::bullet(
        format!("{}{title}", label(words.title)),
        Vec::new(),
    )];
    if !meta.authors.is_empty() {
        let names = meta.authors.join(words.list);
        items.push(Item::bullet(
            format!("{}{names}", label(words.author)),
            Vec::new(),
        ));
    }
    if let Some(p) = &meta.publisher {
        items.push(Item::bullet(
            format!("{}{p}", label(words.published_by)),
            Vec::new(),
        ));
    }
    if let Some(s) = &meta.source {
        items.push(Item::bullet(
            format!("{}{s}", label(words.source)),
            Vec::new(),
        ));
    }
    if let Some(u) = &meta.url {
        // Layout makes the URL a link.
        items.push(Item::bullet(
            format!("{}{u}", label(words.link)),
            Vec::new(),
        ));
    }
    if let Some(d) = &meta.date {
        let d = display_date(d);
        items.push(Item::bullet(
            format!("{}{d}", label(words.date)),
            Vec::new(),
        ));
    }
    if let Some(f) = file {
        items.push(Item::bullet(
            format!("{}{f}", label(words.file)),
            Vec::new(),
        ));
    }
    Slide {
        kind: SlideKind::Sources,
        title: words.sources.to_string(),
        subtitle: None,
        items,
        notes: String::new(),
        image: None,
    }
}

/// Most image slides made for one section.
const MAX_IMAGES_PER_SECTION: usize = 2;

/// Image slides for the first [`MAX_IMAGES_PER_SECTION`] usable pictures of `section`,
/// titled `heading`, each captioned with the image's caption or alt text.
fn image_slides(section: &Section, heading: &str, folder: Option<&Path>) -> Vec<Slide> {
    let Some(folder) = folder else {
        return Vec::new();
    };
    section
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Image)
        .filter_map(|b| {
            let src = b.src.as_deref()?;
            let image = match crate::picture::check(src, folder) {
                crate::picture::PictureStatus::Local(path) => path.to_string_lossy().into_owned(),
                crate::picture::PictureStatus::Inline => src.trim().to_string(),
                _ => return None,
            };
            let caption = b
                .caption
                .as_deref()
                .filter(|c| !c.trim().is_empty())
                .unwrap_or(b.text.trim());
            let caption = if caption.is_empty() {
                b.alt.as_deref().unwrap_or("").trim()
            } else {
                caption
            };
            Some(Slide {
                kind: SlideKind::Image,
                title: heading.to_string(),
                subtitle: None,
                items: if caption.is_empty() {
                    Vec::new()
                } else {
                    vec![Item::bullet(caption, b.source_ranges(0, b.text.len()))]
                },
                notes: String::new(),
                image: Some(image),
            })
        })
        .take(MAX_IMAGES_PER_SECTION)
        .collect()
}

/// Plans the deck for a parsed and analysed article: at most [`MAX_SLIDES`] slides
/// (sections past the limit are left out), titles and subtitles of at most
/// [`crate::limits::MAX_TITLE_CHARS`] characters ([`super::cap_title`]).
pub fn plan(doc: &Document, analysis: &Analysis, source: &Source, opts: &Options) -> Deck {
    let words = labels::for_language(&doc.meta.language);
    let title = super::cap_title(&deck_title(doc, analysis, source.format));
    let byline = byline(&doc.meta, words).map(|b| super::cap_title(&b));
    // The title slide shows the article's subtitle (when it has one) over the byline.
    let cover_subtitle = [
        doc.meta.subtitle.as_deref().map(super::cap_title),
        byline.clone(),
    ]
    .into_iter()
    .flatten()
    .filter(|s| !s.trim().is_empty())
    .collect::<Vec<String>>();
    let mut slides = vec![Slide {
        kind: SlideKind::Title,
        title: title.clone(),
        subtitle: (!cover_subtitle.is_empty()).then(|| cover_subtitle.join("\n")),
        items: Vec::new(),
        notes: String::new(),
        image: None,
    }];
    let any_heading = doc.sections.iter().any(|s| s.heading.is_some());
    // Pictures are taken only from inside the article's own folder.
    let folder = crate::picture::article_folder(&source.path);
    for (section_index, (section, sa)) in doc.sections.iter().zip(&analysis.sections).enumerate() {
        // Room is kept for the agenda, takeaways and sources slides.
        if slides.len() + 3 >= MAX_SLIDES {
            break;
        }
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
        let notes = section_notes(&sa.sentences, &chosen);
        let items = chosen
            .into_iter()
            .map(|i| {
                let s = &sa.sentences[i];
                let block = &section.blocks[s.block];
                Item::bullet(s.bullet.clone(), block.source_ranges_of(&s.bullet_pieces))
            })
            .collect();
        let heading = section.heading.clone().unwrap_or_else(|| {
            if any_heading {
                words.intro
            } else {
                words.overview
            }
            .to_string()
        });
        slides.push(Slide {
            kind: SlideKind::Bullets,
            title: heading.clone(),
            subtitle: None,
            items,
            notes,
            image: None,
        });
        slides.extend(image_slides(section, &heading, folder.as_deref()));
        slides.extend(super::extras::section_extras(
            analysis,
            section_index,
            &heading,
            opts.extras,
            words,
        ));
    }
    slides.truncate(MAX_SLIDES - 3);
    let source_file = source
        .path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned());

    // An agenda after the title slide when three or more headed sections follow.
    let agenda: Vec<Item> = slides
        .iter()
        .filter(|s| s.kind == SlideKind::Bullets && !labels::is_untitled_section(&s.title))
        .map(|s| Item::bullet(s.title.clone(), Vec::new()))
        .collect();
    // An agenda helps from three sections on; past thirty it would be slides of its own.
    if (3..=MAX_AGENDA).contains(&agenda.len()) {
        slides.insert(
            1,
            Slide {
                kind: SlideKind::Agenda,
                title: words.agenda.to_string(),
                subtitle: None,
                items: agenda,
                notes: String::new(),
                image: None,
            },
        );
    }
    // Takeaways: the article's most important sentences, when it has several sections.
    let content_slides = slides
        .iter()
        .filter(|s| s.kind == SlideKind::Bullets)
        .count();
    if content_slides >= 2 {
        let summary = crate::analyse::summary::summarize(doc, opts.min_bullets.max(3));
        let items: Vec<Item> = summary
            .sentences
            .into_iter()
            .map(|s| Item::bullet(s.text, s.ranges))
            .collect();
        if !items.is_empty() {
            slides.push(Slide {
                kind: SlideKind::Takeaways,
                title: words.takeaways.to_string(),
                subtitle: None,
                items,
                notes: String::new(),
                image: None,
            });
        }
    }
    slides.push(sources_slide(
        &doc.meta,
        &title,
        source_file.as_deref(),
        words,
    ));
    let mut deck = Deck {
        version: DECK_VERSION,
        meta: DeckMeta {
            title,
            byline,
            source: doc.meta.source.clone().or(doc.meta.publisher.clone()),
            language: Some(doc.meta.language.clone()),
            source_file,
        },
        slides,
    };
    // Section headings are slide titles too: a 5,000-character heading is cut like the
    // deck's title.
    deck.cap_titles();
    deck
}

/// Most sentences, and characters, in one slide's speaker notes.
const MAX_NOTE_SENTENCES: usize = 12;
const MAX_NOTE_CHARS: usize = 1500;

/// Speaker notes for a bullet slide: the section's sentences that are not on the slide,
/// in article order, one per line (what the presenter may add while the bullets show),
/// at most [`MAX_NOTE_SENTENCES`] sentences and about [`MAX_NOTE_CHARS`] characters.
fn section_notes(sentences: &[crate::analyse::Sentence], chosen: &[usize]) -> String {
    let mut lines: Vec<&str> = Vec::new();
    let mut chars = 0;
    for (i, s) in sentences.iter().enumerate() {
        if chosen.contains(&i) || s.text.trim().is_empty() {
            continue;
        }
        let n = s.text.chars().count();
        if lines.len() == MAX_NOTE_SENTENCES || (chars + n > MAX_NOTE_CHARS && !lines.is_empty()) {
            break;
        }
        chars += n;
        lines.push(s.text.trim());
    }
    lines.join("\n")
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
    let sep = if crate::document::is_cjk_language(&doc.meta.language) {
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
fn byline(meta: &Meta, words: &Labels) -> Option<String> {
    let mut parts = Vec::new();
    if !meta.authors.is_empty() {
        let names = meta.authors.join(words.list);
        parts.push(format!("{} {names}", words.by));
    }
    for (role, name) in &meta.credits {
        parts.push(format!("{role} {name}"));
    }
    if let Some(src) = &meta.source {
        parts.push(format!("{} {src}", words.from));
    }
    if let Some(date) = &meta.date {
        parts.push(display_date(date).to_string());
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// A date as a slide shows it: an ISO 8601 timestamp ("2015-03-17T16:27:40.294Z",
/// "2015-04-08 12:46:00", as web pages' `article:published_time` carries it) shortened to
/// its calendar date; any other text as it is.
fn display_date(d: &str) -> &str {
    let b = d.as_bytes();
    let iso_day = b.len() > 10
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
        && matches!(b[10], b'T' | b' ')
        && b.get(11).is_some_and(u8::is_ascii_digit);
    if iso_day {
        &d[..10]
    } else {
        d
    }
}

#[cfg(test)]
mod date_tests {
    use super::display_date;

    #[test]
    fn timestamps_show_as_dates() {
        assert_eq!(display_date("2015-03-17T16:27:40.294Z"), "2015-03-17");
        assert_eq!(display_date("2015-04-08 12:46:00"), "2015-04-08");
        assert_eq!(display_date("2015-04-08"), "2015-04-08");
        assert_eq!(display_date("2023年3月17日"), "2023年3月17日");
        assert_eq!(display_date("March 2024, updated"), "March 2024, updated");
    }
}
