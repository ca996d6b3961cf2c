//! Line breaking: UAX #14 break opportunities (unicode-linebreak) plus CJK kinsoku
//! (JIS X 4051 line-start and line-end prohibitions), filled greedily by shaped width.

use unicode_linebreak::{linebreaks, BreakOpportunity};

use super::shape::Shaped;

/// Characters that may not start a line (closing punctuation, small kana marks).
pub const NO_LINE_START: &[char] = &[
    '，', '。', '、', '！', '？', '：', '；', '）', '」', '』', '”', '’', '》', '〉', '】', '〕',
    '…', '‥', '・', '·', 'ー', ',', '.', '!', '?', ':', ';', ')', ']', '}', '%', '％',
];
/// Characters that may not end a line (opening brackets and quotes).
pub const NO_LINE_END: &[char] = &[
    '（', '「', '『', '“', '‘', '《', '〈', '【', '〔', '(', '[', '{',
];

/// Breaks the shaped text into lines no wider than `max_width` (em); returns byte
/// ranges `[start, end)` with trailing spaces excluded. A word wider than the line is
/// broken between characters, so no line overflows unless one character is wider.
pub fn break_lines(shaped: &Shaped, max_width: f32) -> Vec<(usize, usize)> {
    let mut lines = greedy(shaped, 0, max_width);
    avoid_orphan(shaped, &mut lines, max_width);
    lines
}

/// When the last line holds a single character (plus closing punctuation), re-breaks
/// the last two lines a little narrower so the previous line hands it a companion.
fn avoid_orphan(shaped: &Shaped, lines: &mut Vec<(usize, usize)>, max_width: f32) {
    let n = lines.len();
    if n < 2 {
        return;
    }
    let text = shaped.text.as_str();
    let (a, b) = lines[n - 1];
    let letters = text[a..b]
        .chars()
        .filter(|c| !NO_LINE_START.contains(c) && !c.is_whitespace())
        .count();
    if letters > 1 {
        return;
    }
    let (pa, pb) = lines[n - 2];
    let prev_width = shaped.width(pa, pb);
    // Narrow the previous line by up to four characters' worth until the tail moves.
    for k in 1..=4 {
        let narrower =
            prev_width - k as f32 * (prev_width / text[pa..pb].chars().count().max(1) as f32);
        if narrower <= 0.0 {
            return;
        }
        let retry = greedy_until(shaped, pa, b, narrower, max_width);
        if let Some(pair) = retry {
            lines.truncate(n - 2);
            lines.extend(pair);
            return;
        }
    }
}

/// Breaks `[start, end)` with the first line at most `first` wide and the rest at most
/// `rest`; returns the lines only when they are exactly two and the last has two or more
/// characters.
fn greedy_until(
    shaped: &Shaped,
    start: usize,
    end: usize,
    first: f32,
    rest: f32,
) -> Option<Vec<(usize, usize)>> {
    let mut lines = greedy(shaped, start, first);
    let (_, first_end) = *lines.first()?;
    if first_end >= end {
        return None;
    }
    let next = lines.get(1)?.0;
    let tail = greedy(shaped, next, rest);
    let tail: Vec<_> = tail.into_iter().filter(|l| l.0 < end).collect();
    if tail.len() != 1 || tail[0].1 != end || shaped.text[tail[0].0..end].chars().count() < 2 {
        return None;
    }
    lines.truncate(1);
    lines.extend(tail);
    Some(lines)
}

/// Greedy line filling from byte `from` to the end of the text.
fn greedy(shaped: &Shaped, from: usize, max_width: f32) -> Vec<(usize, usize)> {
    let text = shaped.text.as_str();
    let mut opportunities: Vec<(usize, bool)> = linebreaks(text)
        .filter(|&(pos, _)| allowed(text, pos))
        .map(|(pos, op)| (pos, op == BreakOpportunity::Mandatory))
        .collect();
    if opportunities.last().map(|o| o.0) != Some(text.len()) {
        opportunities.push((text.len(), true));
    }
    let trim = |a: usize, b: usize| a + text[a..b].trim_end().len();
    let mut lines = Vec::new();
    let mut start = from;
    let mut last_fit: Option<usize> = None;
    let mut k = 0;
    while k < opportunities.len() {
        let (pos, mandatory) = opportunities[k];
        if pos <= start {
            k += 1;
            continue;
        }
        let end = trim(start, pos);
        if shaped.width(start, end) <= max_width {
            if mandatory {
                push_line(&mut lines, text, start, end);
                start = skip_spaces(text, pos);
                last_fit = None;
            } else {
                last_fit = Some(pos);
            }
            k += 1;
        } else if let Some(fit) = last_fit.take() {
            push_line(&mut lines, text, start, trim(start, fit));
            start = skip_spaces(text, fit);
        } else {
            // One unbreakable piece is too wide: break it between characters.
            let mut cut = start;
            for (i, c) in text[start..end].char_indices() {
                let next = start + i + c.len_utf8();
                if shaped.width(start, next) > max_width && cut > start {
                    break;
                }
                cut = next;
            }
            push_line(&mut lines, text, start, cut);
            start = skip_spaces(text, cut);
        }
    }
    if start < text.len() && !text[start..].trim().is_empty() {
        let end = trim(start, text.len());
        push_line(&mut lines, text, start, end);
    }
    lines
}

fn push_line(lines: &mut Vec<(usize, usize)>, text: &str, start: usize, end: usize) {
    if end > start && !text[start..end].trim().is_empty() {
        lines.push((start, end));
    }
}

fn skip_spaces(text: &str, pos: usize) -> usize {
    pos + (text[pos..].len() - text[pos..].trim_start_matches(' ').len())
}

/// Kinsoku on top of UAX #14: no break before a line-start-prohibited character or
/// after a line-end-prohibited one.
fn allowed(text: &str, pos: usize) -> bool {
    if pos == 0 || pos >= text.len() {
        return true;
    }
    let next = text[pos..].chars().next();
    let prev = text[..pos].chars().next_back();
    !(next.is_some_and(|c| NO_LINE_START.contains(&c))
        || prev.is_some_and(|c| NO_LINE_END.contains(&c)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::fonts::{FontSet, Weight};
    use crate::layout::shape::shape;

    fn lines_of(text: &str, width_em: f32) -> Vec<String> {
        let shaped = shape(text, Weight::Regular, FontSet::bundled(), true);
        break_lines(&shaped, width_em)
            .into_iter()
            .map(|(a, b)| shaped.text[a..b].to_string())
            .collect()
    }

    #[test]
    fn kinsoku_keeps_closing_punctuation_off_line_starts() {
        // Ten ideographs per line; the comma after the tenth may not start line two.
        let lines = lines_of("一二三四五六七八九十，一二三四五六七八九十。", 10.0);
        assert!(lines.len() >= 2);
        for l in &lines[1..] {
            let first = l.chars().next().unwrap();
            assert!(!NO_LINE_START.contains(&first), "{lines:?}");
        }
    }

    #[test]
    fn no_single_character_last_line() {
        // Greedy filling would leave "九" alone on the second line.
        let lines = lines_of("一二三四五六七八九", 8.0);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[1].chars().count() >= 2, "{lines:?}");
    }

    #[test]
    fn long_words_break_instead_of_overflowing() {
        let shaped = shape(
            "https://example.org/a/very/long/path/without/spaces/at/all",
            Weight::Regular,
            FontSet::bundled(),
            false,
        );
        for (a, b) in break_lines(&shaped, 8.0) {
            assert!(shaped.width(a, b) <= 8.0 + 1e-3);
        }
    }
}
