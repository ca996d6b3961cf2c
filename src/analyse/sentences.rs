//! Sentence segmentation for CJK and Latin text.
//!
//! A sentence ends at 。！？；… (CJK) or at . ! ? followed by a space or the end; closing
//! quotes and brackets after the terminator stay with the sentence. A period after a
//! known abbreviation (Dr., U.S., e.g.) or between digits (3.14) does not end one.

const CLOSERS: &[char] = &['”', '"', '’', '\'', '」', '』', ')', '）', '】', '》', ']'];
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc", "e.g", "i.e", "u.s", "u.k",
    "inc", "ltd", "co", "no", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "approx", "dept", "est", "gov", "mt",
];

/// Splits `text` into sentence byte ranges `[start, end)` covering all non-space text.
pub fn split(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        let ends = match c {
            '。' | '！' | '？' | '；' | '!' | '?' => true,
            '…' => {
                // "……" is one terminator; only split when text follows after closers.
                !(i + 1 < chars.len() && chars[i + 1].1 == '…')
            }
            '.' => is_period_end(text, &chars, i),
            _ => false,
        };
        if ends {
            // Absorb repeated terminators and closing quotes/brackets.
            let mut j = i + 1;
            while j < chars.len()
                && (CLOSERS.contains(&chars[j].1)
                    || matches!(chars[j].1, '。' | '！' | '？' | '!' | '?' | '…'))
            {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |&(p, _)| p);
            // Latin terminators need a following space (or the end) to split.
            let latin = matches!(c, '.' | '!' | '?');
            // In CJK text a half-width ! or ? is followed directly by the next sentence.
            let followed_ok = chars.get(j).is_none_or(|&(_, n)| {
                n.is_whitespace() || (c != '.' && crate::document::is_cjk(n))
            });
            if !latin || followed_ok {
                push_trimmed(text, start, end, &mut out);
                start = end;
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if start + lead < end - trail {
        out.push((start + lead, end - trail));
    }
}

fn is_period_end(text: &str, chars: &[(usize, char)], i: usize) -> bool {
    let prev = i.checked_sub(1).map(|k| chars[k].1);
    let next = chars.get(i + 1).map(|c| c.1);
    if prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit()) {
        return false;
    }
    // The word before the period, e.g. "Dr" or "e.g".
    let pos = chars[i].0;
    // Only the last WORD_WINDOW bytes are searched: abbreviations and initials are short,
    // and scanning (and lower-casing) back to the previous space at every period made
    // splitting quadratic in the length of a run without spaces (CJK text).
    // The separator may be wider than one byte (a no-break or ideographic space).
    const WORD_WINDOW: usize = 16;
    let mut lo = pos.saturating_sub(WORD_WINDOW);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let word_start = match text[lo..pos]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || c == '(')
    {
        Some((k, c)) => lo + k + c.len_utf8(),
        None if lo == 0 => 0,
        None => return true,
    };
    let word = text[word_start..pos].to_lowercase();
    if ABBREVIATIONS.contains(&word.as_str()) {
        return false;
    }
    // Single capital initials ("J. R. R. Tolkien").
    if word.chars().count() == 1 && word.chars().all(|c| c.is_alphabetic()) {
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(t: &str) -> Vec<&str> {
        split(t).into_iter().map(|(s, e)| &t[s..e]).collect()
    }

    #[test]
    fn cjk_with_closing_quotes() {
        assert_eq!(
            parts("他说：“很好。”然后离开了。真的吗？是的！对吗?对。"),
            vec![
                "他说：“很好。”",
                "然后离开了。",
                "真的吗？",
                "是的！",
                "对吗?",
                "对。"
            ]
        );
    }

    #[test]
    fn latin_abbreviations_and_decimals() {
        assert_eq!(
            parts("Dr. Smith paid $3.50 in the U.S. today. Then he left! Did he?"),
            vec![
                "Dr. Smith paid $3.50 in the U.S. today.",
                "Then he left!",
                "Did he?"
            ]
        );
        // A long run without spaces before a period is no abbreviation.
        let long = format!("{}e.g. Next one.", "x".repeat(40));
        assert_eq!(parts(&long), vec![&long[..44], "Next one."]);
        let long = format!("{}. Next one.", "北京".repeat(40));
        assert_eq!(parts(&long).len(), 2);
        assert_eq!(
            parts("He said \"Stop.\" She ran."),
            vec!["He said \"Stop.\"", "She ran."]
        );
    }
}
