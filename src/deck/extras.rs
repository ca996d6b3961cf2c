//! Quote, figures and chart slides for a section, planned from the analysis: at most one
//! strong quote, the section's key numbers when it has three or more, and a bar chart per
//! series of comparable figures.

use super::{Item, Slide, SlideKind};
use crate::analyse::figures::{Figure, FigureKind};
use crate::analyse::Analysis;

/// Which extra slides to make (the CLI's `--no-quotes`, `--no-figures`, `--no-charts`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Extras {
    /// Quote slides.
    pub quotes: bool,
    /// Figures slides.
    pub figures: bool,
    /// Chart slides.
    pub charts: bool,
}

impl Default for Extras {
    fn default() -> Self {
        Extras {
            quotes: true,
            figures: true,
            charts: true,
        }
    }
}

/// Longest quote (characters) shown whole on a quote slide; a longer one shows its
/// first paragraph when that fits, else it is left to the bullets.
const MAX_QUOTE_CHARS: usize = 160;
/// Shortest quote worth a slide (characters).
const MIN_QUOTE_CHARS: usize = 12;

/// The extra slides for section `index`, in order: quote, figures, charts.
pub fn section_extras(
    analysis: &Analysis,
    index: usize,
    heading: &str,
    extras: Extras,
    words: &super::labels::Labels,
) -> Vec<Slide> {
    let mut out = Vec::new();
    if extras.quotes {
        out.extend(quote_slide(analysis, index, heading));
    }
    if extras.figures {
        out.extend(figures_slide(
            analysis,
            index,
            extras.charts,
            words.key_figures,
        ));
    }
    if extras.charts {
        out.extend(chart_slides(analysis, index, heading));
    }
    out
}

fn slide(kind: SlideKind, title: &str, items: Vec<Item>) -> Slide {
    Slide {
        kind,
        title: title.to_string(),
        subtitle: None,
        items,
        notes: String::new(),
        image: None,
    }
}

/// The best attributed quote of the section that fits on a slide.
fn quote_slide(analysis: &Analysis, index: usize, heading: &str) -> Option<Slide> {
    let best = analysis
        .quotes
        .iter()
        .filter(|q| q.section == index && q.speaker.is_some())
        .filter_map(|q| {
            // A long quote shows its first paragraph when that one is short enough.
            let first = q.text.split('\n').next().unwrap_or(&q.text).trim();
            let n = first.chars().count();
            (MIN_QUOTE_CHARS..=MAX_QUOTE_CHARS)
                .contains(&n)
                .then(|| (q, first.to_string()))
        })
        .max_by(|a, b| {
            a.0.score
                .total_cmp(&b.0.score)
                .then(b.0.start.cmp(&a.0.start))
        })?;
    let (q, text) = best;
    let end = q.start.saturating_add(text.len()).min(q.end);
    let item = Item {
        text,
        // HTML blocks have no source map (`start` is then usize::MAX).
        source: if q.start == usize::MAX {
            Vec::new()
        } else {
            vec![(q.start, end)]
        },
        label: q.speaker.clone(),
        value: None,
    };
    Some(slide(SlideKind::Quote, heading, vec![item]))
}

/// A figure worth showing big: money, percentages, counts and multiples (not years).
fn salient(f: &Figure) -> bool {
    matches!(
        f.kind,
        FigureKind::Money | FigureKind::Percent | FigureKind::Count | FigureKind::Multiple
    )
}

/// Two to four key numbers of the section when it has three or more salient ones.
///
/// Figures already drawn on a chart (their sentence holds a series) are left out when
/// charts are on.
fn figures_slide(analysis: &Analysis, index: usize, charts: bool, title: &str) -> Option<Slide> {
    let charted = |f: &Figure| {
        charts
            && analysis
                .series
                .iter()
                .any(|s| s.section == index && s.points.len() >= 3 && s.sentence == f.sentence)
    };
    let mut figs: Vec<&Figure> = analysis
        .figures
        .iter()
        .filter(|f| f.section == index && salient(f) && !charted(f))
        .collect();
    // One figure per kind and value ("33 人" and "33 名" are the same people).
    let mut seen: Vec<(u8, f64)> = Vec::new();
    figs.retain(|f| {
        let key = (f.kind as u8, f.value);
        let new = !seen.contains(&key);
        seen.push(key);
        new
    });
    if figs.len() < 3 {
        return None;
    }
    // Money first (largest first), then percentages, multiples, counts; keep four.
    let rank = |f: &Figure| match f.kind {
        FigureKind::Money => 0,
        FigureKind::Percent => 1,
        FigureKind::Multiple => 2,
        _ => 3,
    };
    let mut chosen = figs.clone();
    chosen.sort_by(|a, b| {
        rank(a)
            .cmp(&rank(b))
            .then(b.value.total_cmp(&a.value))
            .then(a.source_start.cmp(&b.source_start))
    });
    chosen.truncate(4);
    chosen.sort_by_key(|f| f.source_start);
    let items = chosen
        .into_iter()
        .map(|f| Item {
            text: f.text.clone(),
            // HTML blocks have no source map (`source_start` is then usize::MAX).
            source: f
                .source_start
                .checked_add(f.end.saturating_sub(f.start))
                .map(|end| vec![(f.source_start, end)])
                .unwrap_or_default(),
            label: Some(figure_label(f)),
            value: None,
        })
        .collect();
    Some(slide(SlideKind::Figures, title, items))
}

/// Longest clause label (characters) shown as it stands; a longer one, or one with a
/// bracketed aside, gives way to the analysis's own short label.
const MAX_LABEL_CHARS: usize = 24;

/// The label under a key figure: the words around it in its clause (see
/// [`clause_label`]) without a leading 而/但, unless those run long or carry an aside,
/// then the analysis's short label (e.g. "OpenAI 员工" for "对 736 名 OpenAI 员工的背景进行了分析").
fn figure_label(f: &Figure) -> String {
    let c = clause_label(f);
    let c = c.trim_start_matches(['而', '但']).trim_start();
    // "GPT-4 项目中一共有" only says "there are": the short label names the topic.
    let existential = c.ends_with('有');
    if (c.chars().count() > MAX_LABEL_CHARS || c.contains(['(', '（']) || existential)
        && !f.label.is_empty()
    {
        f.label.clone()
    } else {
        c.to_string()
    }
}

/// The clause of the figure's sentence that holds it, without the figure itself: a
/// label in the article's own words ("就在 A 轮融资中筹集了").
fn clause_label(f: &Figure) -> String {
    let s = f.sentence.as_str();
    let is_break = |c: char| {
        matches!(
            c,
            '，' | ',' | '；' | ';' | '。' | '：' | ':' | '!' | '?' | '！' | '？'
        )
    };
    // Byte offsets of the figure inside its sentence; any inconsistency falls back to
    // the analysis's own label rather than slicing inside a character.
    let at = f.start.saturating_sub(f.sentence_start);
    let fig_end = at + f.end.saturating_sub(f.start);
    let (Some(head), Some(tail)) = (s.get(..at), s.get(fig_end..)) else {
        return f.label.clone();
    };
    let before = match head.rfind(is_break) {
        Some(i) => &head[i + head[i..].chars().next().map_or(1, char::len_utf8)..],
        None => head,
    }
    .trim();
    let after = tail[..tail.find(is_break).unwrap_or(tail.len())].trim();
    let label = match (before.is_empty(), after.is_empty()) {
        (false, false) => format!("{before} … {after}"),
        (false, true) => before.to_string(),
        (true, false) => after.to_string(),
        (true, true) => String::new(),
    };
    let label = label.trim_matches(|c: char| c.is_whitespace() || is_break(c));
    if label.is_empty() {
        f.label.clone()
    } else {
        label.to_string()
    }
}

/// Whether a series' labels read as category names: none is only digits, and Latin
/// labels mostly start with a capital ("Asia", "Google") rather than being the stray
/// lowercase words of a sentence ("gave", "and").
fn labels_read_as_names(s: &crate::analyse::series::Series) -> bool {
    let labels: Vec<&str> = s.points.iter().map(|p| p.label.trim()).collect();
    if labels.iter().any(|l| {
        l.is_empty()
            || l.chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    }) {
        return false;
    }
    let latin: Vec<&&str> = labels
        .iter()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
        .collect();
    let capitalised = latin
        .iter()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_uppercase()))
        .count();
    capitalised * 2 >= latin.len()
}

/// A bar chart per series of three or more comparable figures in the section.
fn chart_slides(analysis: &Analysis, index: usize, heading: &str) -> Vec<Slide> {
    analysis
        .series
        .iter()
        .filter(|s| s.section == index && s.points.len() >= 3 && labels_read_as_names(s))
        .map(|s| {
            let items = s
                .points
                .iter()
                .map(|p| Item {
                    text: p.label.clone(),
                    source: Vec::new(),
                    label: None,
                    value: Some(p.value),
                })
                .collect();
            let mut sl = slide(SlideKind::Chart, heading, items);
            sl.subtitle = Some(s.unit.clone());
            sl.notes = s.sentence.clone();
            sl
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::series::{Point, Series};

    fn series(labels: &[&str]) -> Series {
        Series {
            kind: FigureKind::Money,
            unit: "USD".into(),
            points: labels
                .iter()
                .enumerate()
                .map(|(i, l)| Point {
                    label: l.to_string(),
                    value: 10.0 * (i + 1) as f64,
                })
                .collect(),
            sentence: String::new(),
            section: 0,
            block: 0,
        }
    }

    #[test]
    fn long_or_bracketed_clause_labels_give_way_to_the_short_label() {
        let figs = crate::analyse::figures::in_sentence(
            "但公司的年薪总包(Total Compensation)高达 50 万美元,是最多的。",
        );
        let f = &figs[0];
        assert_eq!(figure_label(f), f.label);
        assert!(!f.label.contains('('), "{}", f.label);
        let figs = crate::analyse::figures::in_sentence("今年又获得了 5 亿美元的融资。");
        assert_eq!(figure_label(&figs[0]), "今年又获得了 … 的融资");
    }

    #[test]
    fn charts_need_labels_that_read_as_names() {
        assert!(labels_read_as_names(&series(&[
            "Asia", "Europe", "America"
        ])));
        assert!(labels_read_as_names(&series(&["谷歌", "Meta", "苹果"])));
        assert!(!labels_read_as_names(&series(&["gave", "trust", "donors"])));
        assert!(!labels_read_as_names(&series(&["Asia", "320", "Europe"])));
    }
}
