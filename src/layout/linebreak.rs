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
    let mut start = 0;
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
