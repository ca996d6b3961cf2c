//! Series: comparable figures (same kind and unit, parallel labels) in one sentence — a chart candidate.
//!
//! Method: the figures of a sentence are grouped by kind and unit; a group of three or
//! more, or of two when the sentence lists them in parallel (separated by 、 / , / and),
//! becomes a series. Each point is labelled by the name it belongs to: the word before
//! a parenthesised figure ("Meta(34 人)" → Meta), else the last word of its clause
//! ("59 人之前就职于谷歌" → 谷歌), else the word before the figure ("Google 59").

use serde::Serialize;

use super::figures::{Figure, FigureKind};

/// One point of a series.
#[derive(Debug, Clone, Serialize)]
pub struct Point {
    /// What the value belongs to, e.g. "Meta".
    pub label: String,
    /// The normalised value (see [`Figure::value`]).
    pub value: f64,
}

/// Comparable figures that can be drawn as one chart.
#[derive(Debug, Clone, Serialize)]
pub struct Series {
    /// Kind of the figures.
    pub kind: FigureKind,
    /// Their shared unit.
    pub unit: String,
    /// Points in the order the article gives them.
    pub points: Vec<Point>,
    /// The sentence they come from.
    pub sentence: String,
    /// Section index in `Document::sections`.
    pub section: usize,
    /// Block index within the section.
    pub block: usize,
}

/// Groups `figures` (as [`super::figures::find`] returns them, in article order) into
/// series, in article order.
pub fn find(figures: &[Figure]) -> Vec<Series> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < figures.len() {
        let mut j = i;
        while j < figures.len()
            && figures[j].section == figures[i].section
            && figures[j].block == figures[i].block
            && figures[j].sentence == figures[i].sentence
        {
            j += 1;
        }
        out.extend(in_sentence(&figures[i..j]));
        i = j;
    }
    out
}

fn in_sentence(figs: &[Figure]) -> Vec<Series> {
    let mut out = Vec::new();
    let mut used = vec![false; figs.len()];
    for a in 0..figs.len() {
        if used[a] || figs[a].kind == FigureKind::Year {
            continue;
        }
        let group: Vec<usize> = (a..figs.len())
            .filter(|&b| !used[b] && figs[b].kind == figs[a].kind && same_unit(&figs[a], &figs[b]))
            .collect();
        for &g in &group {
            used[g] = true;
        }
        if group.len() < 2 {
            continue;
        }
        let sentence = &figs[a].sentence;
        let labelled: Vec<(Point, bool)> = group
            .iter()
            .filter_map(|&g| {
                point_label(sentence, &figs[g]).map(|(label, adjacent)| {
                    (
                        Point {
                            label,
                            value: figs[g].value,
                        },
                        adjacent,
                    )
                })
            })
            .filter(|(p, _)| is_name(&p.label))
            .collect();
        let all_adjacent = labelled.iter().all(|(_, a)| *a);
        let points: Vec<Point> = labelled.into_iter().map(|(p, _)| p).collect();
        // Parallel labels must be distinct names.
        let mut labels: Vec<&str> = points.iter().map(|p| p.label.as_str()).collect();
        labels.sort_unstable();
        labels.dedup();
        let parallel = points.len() >= 3 || (points.len() == 2 && all_adjacent && listed(sentence));
        if parallel && labels.len() == points.len() {
            out.push(Series {
                kind: figs[a].kind,
                unit: figs[a].unit.clone(),
                points,
                sentence: sentence.clone(),
                section: figs[a].section,
                block: figs[a].block,
            });
        }
    }
    out
}

/// Counts in 人 and 名 count the same things (people).
fn same_unit(a: &Figure, b: &Figure) -> bool {
    let norm = |u: &str| match u {
        "名" | "位" => "人".to_string(),
        other => other.to_string(),
    };
    norm(&a.unit) == norm(&b.unit)
}

/// Whether the sentence lists its figures in parallel: an enumeration comma, "and"/"vs",
/// or parts set against each other with a semicolon ("A 中有 9 人;而 B 中有 33 人").
fn listed(sentence: &str) -> bool {
    sentence.contains('、')
        || sentence.contains(" and ")
        || sentence.contains(" vs")
        || sentence.contains(['；', ';'])
}

const SEPARATORS: &[char] = &[
    '，', '。', '；', '：', '、', ',', ';', ':', '(', ')', '（', '）', '!', '?', '！', '？',
];

/// A plausible point label: not a lone Han character or a word opening with a
/// preposition/particle (于, 了, 中, 的).
fn is_name(label: &str) -> bool {
    let n = label.chars().count();
    let cjk = label.chars().all(crate::document::is_cjk);
    !(cjk && (n < 2 || label.starts_with(['于', '了', '中', '的', '在']) || label.ends_with('中')))
}

/// The name a figure belongs to (see the module documentation), and whether it stands
/// right next to the figure (bracketed or just before it) rather than at the clause end.
fn point_label(sentence: &str, f: &Figure) -> Option<(String, bool)> {
    let (fs, fe) = (f.start - f.sentence_start, f.end - f.sentence_start);
    let before = &sentence[..fs];
    let trimmed = before.trim_end();
    // "Meta(34 人)": the name before the bracket.
    if let Some(b) = trimmed.strip_suffix(['(', '（']) {
        let start = b
            .rfind(SEPARATORS)
            .map_or(0, |i| i + b[i..].chars().next().map_or(1, char::len_utf8));
        let name = b[start..].trim();
        let name = name
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .trim_start_matches("其次是")
            .trim_start_matches("和")
            .trim();
        // The separators already delimit the name; only a long run is cut to its last
        // word (jieba would split "西岭区" into "西岭" + "区").
        let whole = name.chars().count() <= 12 && name.chars().all(crate::document::is_cjk);
        let name = if whole {
            name.to_string()
        } else if !name.chars().any(crate::document::is_cjk) {
            latin_name(name)
        } else {
            last_word(name)
        };
        return (!name.is_empty()).then_some((name, true));
    }
    // "59 人之前就职于谷歌": the last word of the clause after the figure.
    let after = &sentence[fe..];
    let clause = &after[..after.find(SEPARATORS).unwrap_or(after.len())];
    if clause.trim().chars().count() >= 2 {
        let w = last_word(clause.trim());
        if !w.is_empty() {
            return Some((w, false));
        }
    }
    // "ChatGPT 项目中,一共有 9 人": the clause only says "there are"; the topic of its
    // part of the sentence names the point.
    if let Some(t) = super::figures::topic(before) {
        return Some((t, true));
    }
    // "Google 59": the word before the figure.
    let w = last_word(trimmed);
    (!w.is_empty()).then_some((w, true))
}

/// Function words that end the name before a bracketed figure in Latin text.
const EN_FUNCTION: &[&str] = &[
    "the", "a", "an", "and", "or", "with", "on", "in", "of", "to", "by", "for", "be", "were",
    "was", "are", "is", "as", "at", "from", "than", "vs", "vs.", "use", "using",
];

/// The words of `t` after its last function word, at most four ("continue to be VS Code"
/// → "VS Code"; "were API/RPC services" → "API/RPC services").
fn latin_name(t: &str) -> String {
    let words: Vec<&str> = t.split_whitespace().collect();
    let start = words
        .iter()
        .rposition(|w| EN_FUNCTION.contains(&w.to_lowercase().as_str()))
        .map_or(0, |i| i + 1);
    let start = start.max(words.len().saturating_sub(4));
    words[start..]
        .iter()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '/' && c != '+'))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The last content word of `t` (a jieba word for Chinese, a whitespace word otherwise).
fn last_word(t: &str) -> String {
    let t = t.trim();
    if let Some(w) = t.split_whitespace().last() {
        if !w.chars().any(crate::document::is_cjk) {
            return w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
        }
    }
    super::lexicon::jieba_for(t)
        .cut(t, true)
        .into_iter()
        .map(|w| w.word.trim())
        .rfind(|w| !w.is_empty() && w.chars().any(char::is_alphanumeric))
        .unwrap_or("")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::figures::in_sentence;

    #[test]
    fn bracketed_chinese_names_stay_whole() {
        let figs = in_sentence(
            "其中甲城区 420 家，其次是乙岭区（310 家）、丙湖区（205 家）和丁园区（145 家）。",
        );
        let s = find(&figs);
        assert_eq!(s.len(), 1, "{s:?}");
        let labels: Vec<&str> = s[0].points.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels[1..], ["乙岭区", "丙湖区", "丁园区"]);
    }

    #[test]
    fn english_list_becomes_a_series() {
        let figs = in_sentence("Revenue came from Asia (40%), Europe (35%) and America (25%).");
        let s = find(&figs);
        assert_eq!(s.len(), 1, "{s:?}");
        let got: Vec<(&str, f64)> = s[0]
            .points
            .iter()
            .map(|p| (p.label.as_str(), p.value))
            .collect();
        assert_eq!(
            got,
            vec![("Asia", 40.0), ("Europe", 35.0), ("America", 25.0)]
        );
    }

    #[test]
    fn parallel_parts_name_their_points_by_topic() {
        let figs = in_sentence("甲项目中,一共有 7 人;而乙-2 项目中一共有 21 人。");
        let s = find(&figs);
        assert_eq!(s.len(), 1, "{s:?}");
        let got: Vec<(&str, f64)> = s[0]
            .points
            .iter()
            .map(|p| (p.label.as_str(), p.value))
            .collect();
        assert_eq!(got, vec![("甲项目", 7.0), ("乙-2 项目", 21.0)]);
    }

    #[test]
    fn latin_bracket_names_keep_their_words() {
        let figs =
            in_sentence("The top editors continue to be Vim Pro (40%) and Sublime Text (35%).");
        let s = find(&figs);
        assert_eq!(s.len(), 1, "{s:?}");
        let labels: Vec<&str> = s[0].points.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["Vim Pro", "Sublime Text"]);
    }

    #[test]
    fn unrelated_figures_are_not_a_series() {
        let figs = in_sentence("It was founded in 2015 and raised $3 billion.");
        assert!(find(&figs).is_empty());
    }
}
