//! Bullet text: a sentence cut to the clause run that carries its meaning, leading connectives trimmed.
//!
//! Method (sentence compression by clause selection, in the spirit of the "clause as the
//! unit of extraction" approaches, e.g. Xu & Durrett 2019, without a learned model): a
//! leading discourse connective ("However,", "此外，", "实际上，") is dropped; a sentence
//! longer than the bullet limit (40 characters of Chinese/Japanese, 20 words otherwise)
//! is cut at its clause marks (，；： , ; : and dashes outside brackets and quotes) and the
//! run of consecutive clauses that fits the limit and is most similar to the whole
//! article (cosine of term counts against the article's TF-IDF centroid) is kept; a run
//! may not open with a relative pronoun ("which …", "where …"), which leans on the clause
//! before it. Inside the kept run, scholarly apparatus in brackets — citations ("(Lee et
//! al., 2019)", "(2014)", "[12]") and Figure/Table/Section references ("(see Table 2)")
//! — is cut out, as sentence compression drops parentheticals (Zajic et al. 2007). The
//! result is one or more byte ranges of the sentence, in order, so a bullet is made only
//! of the source's own words and keeps where it came from.

use super::tokens;
use crate::document::is_cjk;

/// Longest bullet in CJK characters when the sentence allows.
pub const MAX_CJK_CHARS: usize = 40;
/// Longest bullet in words for Latin-script text when the sentence allows.
pub const MAX_WORDS: usize = 20;

/// Chinese connectives dropped at the start of a bullet; `true` when the connective
/// only counts when a comma follows it (同时，… vs 同时具备…).
const ZH_CONNECTIVES: &[(&str, bool)] = &[
    ("值得一提的是", false),
    ("值得注意的是", false),
    ("与此同时", false),
    ("总的来说", false),
    ("换句话说", false),
    ("也就是说", false),
    ("另一方面", false),
    ("实际上", false),
    ("事实上", false),
    ("但是", false),
    ("然而", false),
    ("不过", false),
    ("而且", false),
    ("并且", false),
    ("此外", false),
    ("另外", false),
    ("因此", false),
    ("所以", false),
    ("于是", false),
    ("其实", false),
    ("总之", false),
    ("同时", true),
    ("首先", true),
    ("其次", true),
    ("再次", true),
    ("最后", true),
    ("当然", true),
    ("那么", true),
    ("显然", true),
    ("可见", true),
];

/// English connectives dropped at the start of a bullet (lower case); `true` when the
/// connective only counts when a comma follows it ("In addition, …" but not "In
/// addition to …").
const EN_CONNECTIVES: &[(&str, bool)] = &[
    ("however", false),
    ("moreover", false),
    ("furthermore", false),
    ("additionally", false),
    ("therefore", false),
    ("thus", false),
    ("hence", false),
    ("consequently", false),
    ("besides", false),
    ("meanwhile", false),
    ("indeed", false),
    ("nevertheless", false),
    ("nonetheless", false),
    ("also", true),
    ("in addition", true),
    ("in contrast", true),
    ("in particular", true),
    ("in fact", true),
    ("for example", true),
    ("for instance", true),
    ("specifically", true),
    ("as a result", true),
    ("similarly", true),
    ("overall", true),
    ("finally", true),
    ("first", true),
    ("second", true),
    ("third", true),
    ("then", true),
    ("instead", true),
    ("of course", true),
    ("still", true),
    ("but", false),
    ("and", false),
    ("so", true),
    ("yet", true),
];

/// Byte offset in `text` after a leading connective and the punctuation/space after it
/// (0 when `text` does not open with one).
pub fn connective_end(text: &str) -> usize {
    let lower = text.to_lowercase();
    // Lower-casing may change byte lengths outside ASCII; only trust it when it did not.
    let ascii_safe = lower.len() == text.len();
    for &(c, needs_comma) in ZH_CONNECTIVES {
        if let Some(rest) = text.strip_prefix(c) {
            let comma = rest.starts_with(['，', ',']);
            if needs_comma && !comma {
                continue;
            }
            let after = rest.trim_start_matches(['，', ',', ' ']);
            if after.chars().count() >= 4 {
                return text.len() - after.len();
            }
        }
    }
    if !ascii_safe {
        return 0;
    }
    for &(c, needs_comma) in EN_CONNECTIVES {
        let Some(rest) = lower.strip_prefix(c) else {
            continue;
        };
        let comma = rest.starts_with(',');
        if !(comma || (!needs_comma && rest.starts_with(' '))) {
            continue;
        }
        let after = rest.trim_start_matches([',', ' ']);
        if after.split_whitespace().count() >= 3 {
            return text.len() - after.len();
        }
    }
    0
}

/// Length of `text` in bullet units: CJK characters count one each, every other
/// whitespace-separated word counts [`MAX_CJK_CHARS`] / [`MAX_WORDS`] (= 2) units, so one
/// limit of 40 units serves both scripts.
pub fn units(text: &str) -> usize {
    let cjk = text.chars().filter(|&c| is_cjk(c)).count();
    let words = text
        .split(|c: char| c.is_whitespace() || is_cjk(c))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    cjk + words * (MAX_CJK_CHARS / MAX_WORDS)
}

/// Byte offsets right after each clause mark of `text` that lies outside brackets and
/// quotes (the places a sentence may be cut), in order.
fn clause_cuts(text: &str) -> Vec<usize> {
    let mut cuts = Vec::new();
    let mut depth = 0i32;
    let mut straight = false;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        match c {
            '(' | '（' | '[' | '【' | '“' | '「' | '『' | '《' => depth += 1,
            ')' | '）' | ']' | '】' | '”' | '」' | '』' | '》' => depth = (depth - 1).max(0),
            '"' => straight = !straight,
            _ => {}
        }
        if depth > 0 || straight {
            continue;
        }
        let next = chars.get(k + 1).map(|p| p.1);
        let prev = k.checked_sub(1).map(|k| chars[k].1);
        let cut = match c {
            '，' | '；' | '：' => true,
            // Latin marks with a space after, or next to Chinese text written with
            // half-width punctuation; never inside numbers (1,000 or 3:2).
            ',' | ';' | ':' => {
                next.is_some_and(|n| n.is_whitespace() || is_cjk(n))
                    || prev.is_some_and(is_cjk) && !next.is_some_and(|n| n.is_ascii_digit())
            }
            '—' => next.is_some_and(|n| n != '—'),
            _ => false,
        };
        if cut {
            cuts.push(i + c.len_utf8());
        }
    }
    cuts
}

/// Words that open a relative clause: a clause run starting with one leans on the clause
/// before it ("…, which uses attention"), so it is no bullet on its own.
const RELATIVE_OPENERS: &[&str] = &["which", "where", "who", "whom", "whose"];

/// Whether `text` (trimmed) opens with a relative pronoun (see [`RELATIVE_OPENERS`]).
fn opens_relative_clause(text: &str) -> bool {
    let first = text
        .trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    RELATIVE_OPENERS
        .iter()
        .any(|r| first.eq_ignore_ascii_case(r))
}

/// Byte ranges `[start, end)` of the scholarly apparatus in brackets in `text`, in order,
/// each with the spaces before it: citations — a parenthesis whose `;`-separated parts
/// each end in a year ("(Lee et al., 2019)", "(2014)", "(see Smith and Jones, 2003a;
/// Wu, 2016)") or a bracket of reference numbers ("[12]", "[3, 7–9]") — and references
/// to the text's own apparatus ("(Figure 3)", "(see Table 2)", "(Section 4.1)",
/// "(Eq. 5)"). Other parentheses (acronyms, asides, formulas) are not apparatus.
pub fn apparatus(text: &str) -> Vec<(usize, usize)> {
    use std::sync::OnceLock;
    static BRACKETS: OnceLock<regex::Regex> = OnceLock::new();
    static CITATION: OnceLock<regex::Regex> = OnceLock::new();
    static REFERENCE: OnceLock<regex::Regex> = OnceLock::new();
    let brackets = BRACKETS.get_or_init(|| {
        regex::Regex::new(r"\s*(?:\(([^()]*)\)|\[\d+(?:\s*[,–-]\s*\d+)*\])").expect("regex")
    });
    const YEAR: &str = r"(?:19|20)\d{2}[a-z]?";
    let citation = CITATION.get_or_init(|| {
        regex::Regex::new(&format!(
            r"^\s*(?:(?:see|cf\.|e\.g\.,?|i\.e\.,?)\s+)?(?:\p{{Lu}}[^;]*?[\s,]\s*)?{YEAR}(?:\s*,\s*{YEAR})*\s*$"
        ))
        .expect("regex")
    });
    let reference = REFERENCE.get_or_init(|| {
        regex::Regex::new(concat!(
            r"^\s*(?:(?:see|cf\.|e\.g\.,?)\s+)?",
            r"(?i:fig\.|figs\.|figures?|tables?|sections?|sec\.|eqs?\.|equations?|algorithms?|appendix|§)",
            r"\s*[\dA-Z][\w.]*(?:\s*(?:,|and|–|-)\s*[\dA-Z][\w.]*)*\s*$",
        ))
        .expect("regex")
    });
    brackets
        .captures_iter(text)
        .filter(|c| match c.get(1) {
            None => true,
            Some(inner) => {
                let parts = || inner.as_str().split(';');
                parts().all(|p| citation.is_match(p)) || parts().all(|p| reference.is_match(p))
            }
        })
        .map(|c| {
            let m = c.get(0).expect("whole match");
            (m.start(), m.end())
        })
        .collect()
}

/// The byte ranges of `text` that make its bullet, in order: the run [`span`] keeps with
/// the [`apparatus`] inside it cut out (spaces at the cuts go with the apparatus, so the
/// pieces joined as they are read naturally: "X (Lee, 2019) shows Y." → "X", " shows Y.").
/// One range when there is nothing to cut, or when cutting would leave fewer than three
/// words.
pub fn pieces(text: &str, weight: &dyn Fn(&str) -> f64) -> Vec<(usize, usize)> {
    let (s, e) = span(text, weight);
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut at = s;
    for (a, b) in apparatus(&text[s..e]) {
        let (a, b) = (s + a, s + b);
        if a > at {
            out.push((at, a));
        }
        at = b;
    }
    if at < e {
        out.push((at, e));
    }
    // Trim the spaces a cut at either end left behind.
    if let Some(first) = out.first_mut() {
        first.0 += text[first.0..first.1].len() - text[first.0..first.1].trim_start().len();
    }
    if let Some(last) = out.last_mut() {
        last.1 = last.0 + text[last.0..last.1].trim_end().len();
    }
    out.retain(|&(a, b)| a < b);
    let words: usize = out
        .iter()
        .map(|&(a, b)| text[a..b].split_whitespace().count())
        .sum();
    if out.len() == 1 && out[0] == (s, e) || words < 3 {
        return vec![(s, e)];
    }
    out
}

/// The byte range `[start, end)` of `text` that makes its bullet: leading connective
/// trimmed, and when the rest is longer than the limit (see [`units`]), the best run of
/// whole clauses within the limit. `weight(term)` gives the article-level importance of
/// a content term (as [`tokens::stemmed_terms`] spells it), e.g. its TF-IDF weight in the
/// article's centroid. A run after the first may not open with a relative pronoun (see
/// [`RELATIVE_OPENERS`]). A sentence without a cut that fits stays whole.
pub fn span(text: &str, weight: &dyn Fn(&str) -> f64) -> (usize, usize) {
    let lead = text.len() - text.trim_start().len();
    let start = lead + connective_end(&text[lead..]);
    let end = text.trim_end().len().max(start);
    let limit = MAX_CJK_CHARS;
    if units(&text[start..end]) <= limit {
        return (start, end);
    }
    let mut bounds = vec![start];
    bounds.extend(
        clause_cuts(&text[start..end])
            .into_iter()
            .map(|c| start + c)
            .filter(|&c| c < end),
    );
    bounds.push(end);
    let mut best: Option<((usize, usize), f64)> = None;
    for a in 0..bounds.len() - 1 {
        // A run opening with a relative clause leans on the clause before it.
        if a > 0 && opens_relative_clause(&text[bounds[a]..end]) {
            continue;
        }
        for b in a + 1..bounds.len() {
            let (s, e) = trim_span(text, bounds[a], bounds[b]);
            if s >= e {
                continue;
            }
            let u = units(&text[s..e]);
            // Runs of several clauses must fit; a single clause may not be cut further.
            if u > limit && b > a + 1 {
                break;
            }
            if u < limit / 5 {
                continue;
            }
            let score = similarity(&text[s..e], weight);
            if best.is_none_or(|(_, bs)| score > bs + 1e-12) {
                best = Some(((s, e), score));
            }
        }
    }
    match best {
        Some(((s, e), _)) => {
            let s = s + connective_end(&text[s..e]);
            (s, e)
        }
        None => (start, end),
    }
}

/// `[s, e)` without surrounding spaces and without the clause mark that ends it.
fn trim_span(text: &str, s: usize, e: usize) -> (usize, usize) {
    let t = &text[s..e];
    let lead = t.len() - t.trim_start().len();
    let body = t
        .trim_end()
        .trim_end_matches(['，', '；', '：', ',', ';', ':', '—'])
        .trim_end();
    (s + lead, (s + body.len()).max(s + lead))
}

/// Cosine-like similarity of a clause run to the article: Σ count(t)·weight(t) / ‖count‖.
fn similarity(t: &str, weight: &dyn Fn(&str) -> f64) -> f64 {
    let terms = tokens::stemmed_terms(t);
    if terms.is_empty() {
        return 0.0;
    }
    let mut counts: std::collections::HashMap<&str, f64> = Default::default();
    for w in &terms {
        *counts.entry(w.as_str()).or_insert(0.0) += 1.0;
    }
    let norm = counts.values().map(|c| c * c).sum::<f64>().sqrt();
    counts.iter().map(|(w, c)| c * weight(w)).sum::<f64>() / norm
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut<'a>(t: &'a str, w: &dyn Fn(&str) -> f64) -> &'a str {
        let (s, e) = span(t, w);
        &t[s..e]
    }

    #[test]
    fn connectives_are_trimmed() {
        let one = |_: &str| 1.0;
        assert_eq!(
            cut("However, the model learns faster.", &one),
            "the model learns faster."
        );
        assert_eq!(
            cut("此外，公司还公布了新的计划。", &one),
            "公司还公布了新的计划。"
        );
        assert_eq!(
            cut("实际上，这个问题早已解决。", &one),
            "这个问题早已解决。"
        );
        // Not a connective use: no comma after 同时 / "In addition to".
        assert_eq!(cut("同时具备两种能力。", &one), "同时具备两种能力。");
        assert_eq!(
            cut("In addition to cost, speed matters.", &one),
            "In addition to cost, speed matters."
        );
    }

    #[test]
    fn long_sentences_keep_their_most_central_clauses() {
        // The article is about batteries: the clause about them is kept.
        let w = |t: &str| {
            if t == "电池" || t == "安全" {
                1.0
            } else {
                0.1
            }
        };
        let t = "在上周举行的一次行业会议上，来自多家公司的代表进行了长时间的讨论，最终大家一致认为电池安全是今后工作的重点，并决定成立联合小组。";
        let got = cut(t, &w);
        assert!(got.contains("电池安全"), "{got}");
        assert!(units(got) <= MAX_CJK_CHARS, "{got}");
        assert!(t.contains(got));
        let en = "After a long meeting that ran well into the night, the board agreed that battery safety comes first, and it will publish a plan in the spring of next year.";
        let w = |t: &str| {
            if t == "batteri" || t == "safeti" {
                1.0
            } else {
                0.1
            }
        };
        let got = cut(en, &w);
        assert!(got.contains("battery safety"), "{got}");
        assert!(got.split_whitespace().count() <= MAX_WORDS, "{got}");
    }

    #[test]
    fn citations_and_figure_references_are_apparatus() {
        let t = "Botha and Blunsom (2014) sum morpheme vectors (Luong et al., 2013; see Bhatia \
                 et al., 2016a) for rare words [12], as Table 2 shows (see Table 2).";
        let got: Vec<&str> = apparatus(t).into_iter().map(|(s, e)| &t[s..e]).collect();
        assert_eq!(
            got,
            vec![
                " (2014)",
                " (Luong et al., 2013; see Bhatia et al., 2016a)",
                " [12]",
                " (see Table 2)"
            ]
        );
        // Acronyms, asides, formulas and dated spans are not apparatus.
        for t in [
            "neural machine translation (NMT) works",
            "during the crisis (circa 2012-2015) prices fell",
            "the loss (i.e., global reasoning) drops",
            "a triple (x, k, y) and a list [a, b]",
            "in 2019 (the year of the storm) it rained",
        ] {
            assert!(apparatus(t).is_empty(), "{t}");
        }
        assert_eq!(apparatus("as shown (Figure 3a and 4)").len(), 1);
        assert_eq!(apparatus("results [3, 7–9] hold").len(), 1);
    }

    #[test]
    fn bullet_pieces_leave_citations_out() {
        let one = |_: &str| 1.0;
        let join = |t: &str, p: &[(usize, usize)]| -> String {
            p.iter().map(|&(s, e)| &t[s..e]).collect()
        };
        let t =
            "Botha and Blunsom (2014) sum morpheme vectors (Luong et al., 2013) for rare words.";
        let p = pieces(t, &one);
        assert_eq!(p.len(), 3, "{p:?}");
        assert_eq!(
            join(t, &p),
            "Botha and Blunsom sum morpheme vectors for rare words."
        );
        // A citation at the end goes with the space before it; the period stays.
        let t = "Parsing is fast with a chart [4].";
        assert_eq!(join(t, &pieces(t, &one)), "Parsing is fast with a chart.");
        // Nothing to cut: the one range `span` keeps.
        let t = "However, the model learns faster.";
        assert_eq!(pieces(t, &one), vec![span(t, &one)]);
        // Cutting would leave too little: the whole run stays.
        let t = "See (Lee, 2019).";
        assert_eq!(pieces(t, &one), vec![(0, t.len())]);
    }

    #[test]
    fn no_clause_run_opens_with_a_relative_pronoun() {
        // The clause about the parser is the most central on its own, but it opens with
        // "which": the kept run starts with the clause it leans on.
        let w = |t: &str| if t == "parser" { 1.0 } else { 0.1 };
        let t = "We tested it on many large news collections from several different countries, \
                 which use a parser that parser authors tuned, \
                 and we report the scores of every run in the appendix of this long paper.";
        assert_eq!(
            cut(t, &w),
            "We tested it on many large news collections from several different countries, \
             which use a parser that parser authors tuned"
        );
        assert!(opens_relative_clause(" Which one"));
        assert!(opens_relative_clause("where x is the input"));
        assert!(!opens_relative_clause("whichever comes first"));
        assert!(!opens_relative_clause("the parser, which"));
    }

    #[test]
    fn no_cut_inside_brackets_or_quotes() {
        let t = "他说：“我们不会停下，也不会放慢，更不会离开这个行业，无论遇到多少困难和挑战，我们都会坚持到底，直到成功的那一天。”";
        assert!(clause_cuts(t).len() == 1, "{:?}", clause_cuts(t));
        // Half-width commas in Chinese text cut too; thousands separators do not.
        assert_eq!(clause_cuts("公司成立了,一时间,国内模仿者众").len(), 2);
        assert!(clause_cuts("共有 1,200 人").is_empty());
        assert_eq!(units("a b c"), 6);
        assert_eq!(units("电池 safety"), 4);
    }
}
