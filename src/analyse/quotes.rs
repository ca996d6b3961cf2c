//! Quoted speech with its speaker: “…”, "…", 「…」, «…», „…“ and block quotes.
//!
//! Method (rule based, in the spirit of Pareti's attribution patterns and the
//! Stanford CoreNLP QuoteAnnotator): a quotation span is found by its paired marks; a
//! Chinese paragraph that opens with “ and never closes continues into the following
//! paragraphs that also open with “ (the print convention for multi-paragraph quotes).
//! Short spans without sentence punctuation are scare quotes or titles and are skipped.
//! The speaker is read from a speech verb next to the span (“…”，他说 / X 表示：“…” /
//! "…," X said / according to X), or from a lead-in paragraph ending with a colon;
//! 他/她/he/she resolve to the last person named before the quote. Quotes are ranked
//! by how much they say: the number of content words.

use serde::Serialize;

use super::tokens;
use crate::document::{is_cjk, Block, BlockKind, Document};

/// One quotation found in the article.
#[derive(Debug, Clone, Serialize)]
pub struct Quote {
    /// The quoted words without the quotation marks (paragraphs joined by "\n").
    pub text: String,
    /// Who said it, when found (a name as written in the article).
    pub speaker: Option<String>,
    /// Index of the section (in `Document::sections`) where the quote starts.
    pub section: usize,
    /// Index of the first block within that section.
    pub block: usize,
    /// Byte offset in the decoded source where the quoted words start.
    pub start: usize,
    /// Byte offset in the decoded source where they end (exclusive).
    pub end: usize,
    /// How much it says: the number of content words (see [`tokens::terms`]).
    pub score: f64,
}

/// Speech verbs after which (or before which) a speaker stands, Chinese.
const ZH_VERBS: &[&str] = &[
    "自述道",
    "写道",
    "说道",
    "表示",
    "认为",
    "坦言",
    "透露",
    "指出",
    "强调",
    "提到",
    "回忆",
    "解释",
    "告诉",
    "总结",
    "直言",
    "补充",
    "感叹",
    "问道",
    "答道",
    "说",
    "称",
];
/// Words that contain a speech verb but do not introduce speech.
const ZH_NOT_VERBS: &[&str] = &[
    "称为",
    "称之为",
    "号称",
    "名称",
    "简称",
    "称作",
    "说明",
    "小说",
    "据说",
];
/// Speech verbs, English (lower case).
const EN_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "wrote",
    "writes",
    "added",
    "explained",
    "argued",
    "noted",
    "recalled",
    "asked",
    "insisted",
    "according to",
    "tweeted",
    "stated",
];
const ZH_PRONOUNS: &[&str] = &["他", "她"];
/// Most characters read on each side of a quotation when looking for its speaker (the
/// clause after the closing mark, the clause before the opening mark, the lead-in
/// paragraph's last clause). A speaker stands within a few words of the quote; without
/// this bound a paragraph of a megabyte on one line with many quotes was searched again
/// for every quote (quadratic time).
const SPEAKER_WINDOW_CHARS: usize = 300;
/// Most characters read next to a name candidate for a person cue ("said", "Mr."): the
/// longest cue is 12 bytes.
const CUE_WINDOW_CHARS: usize = 16;
const EN_PRONOUNS: &[&str] = &["he", "she"];

/// Person cues right after a name ("X 说", "X 本科毕业", "X, 25, …").
const ZH_PERSON_AFTER: &[&str] = &[
    "本科",
    "毕业",
    "博士",
    "先生",
    "女士",
    "教授",
    "岁",
    "在博客",
    "的博客",
    "的性格",
    "的人生",
    "自己",
    "认为",
    "表示",
    "透露",
    "坦言",
    "说",
    "写道",
];
/// Person cues right before a name ("叫做 X", "名叫 X").
const ZH_PERSON_BEFORE: &[&str] = &[
    "叫做",
    "名叫",
    "名为",
    "叫",
    "创始人",
    "CEO",
    "工程师",
    "教授",
    "记者",
];

/// Finds the quotes of `doc`, most substantial first (ties in article order).
pub fn find(doc: &Document) -> Vec<Quote> {
    let people = People::collect(doc);
    let mut out = Vec::new();
    for (si, section) in doc.sections.iter().enumerate() {
        let blocks = &section.blocks;
        let mut bi = 0;
        while bi < blocks.len() {
            let block = &blocks[bi];
            if !matches!(
                block.kind,
                BlockKind::Paragraph | BlockKind::Quote | BlockKind::ListItem
            ) {
                bi += 1;
                continue;
            }
            let pos = Pos {
                section: si,
                block: bi,
            };
            if block.kind == BlockKind::Quote {
                let speaker = lead_in_speaker(doc, &people, si, bi);
                push(&mut out, block, 0, block.text.len(), None, speaker, pos);
                bi += 1;
                continue;
            }
            let found = spans(&block.text);
            let mut next = bi + 1;
            for (k, &(open, s, e, closed)) in found.iter().enumerate() {
                if !closed && k == found.len() - 1 && open == 0 {
                    // A paragraph-opening quote left open: it runs on through the
                    // following paragraphs that open with a quotation mark.
                    let mut last = bi;
                    let mut j = bi + 1;
                    while j < blocks.len() && starts_quote(&blocks[j].text) {
                        last = j;
                        let closes = spans(&blocks[j].text)
                            .first()
                            .is_some_and(|sp| sp.3 && sp.0 == 0);
                        j += 1;
                        if closes {
                            break;
                        }
                    }
                    let speaker = lead_in_speaker(doc, &people, si, bi);
                    let tail = if last > bi {
                        Some((&blocks[bi + 1..=last], &blocks[last]))
                    } else {
                        None
                    };
                    push(&mut out, block, s, e, tail, speaker, pos);
                    next = last + 1;
                    continue;
                }
                if !is_speech(&block.text[s..e]) {
                    continue;
                }
                let speaker = speaker_near(&block.text, open, e, &people, doc, pos).or_else(|| {
                    if open == 0 {
                        lead_in_speaker(doc, &people, si, bi)
                    } else {
                        None
                    }
                });
                push(&mut out, block, s, e, None, speaker, pos);
            }
            bi = next;
        }
    }
    out.sort_by(|a, b| b.score.total_cmp(&a.score));
    out
}

#[derive(Clone, Copy)]
struct Pos {
    section: usize,
    block: usize,
}

fn push(
    out: &mut Vec<Quote>,
    block: &Block,
    s: usize,
    e: usize,
    tail: Option<(&[Block], &Block)>,
    speaker: Option<String>,
    pos: Pos,
) {
    let mut text = block.text[s..e].trim().to_string();
    let start = block.source_ranges(s, e).first().map_or(0, |r| r.0);
    let mut end = block.source_ranges(s, e).last().map_or(0, |r| r.1);
    if let Some((more, last)) = tail {
        for b in more {
            let t = strip_marks(&b.text);
            text.push('\n');
            text.push_str(t);
        }
        if let Some(r) = last.source_ranges(0, last.text.len()).last() {
            end = r.1;
        }
    }
    let text = strip_marks(&text).to_string();
    if text.is_empty() {
        return;
    }
    let score = tokens::terms(&text).len() as f64;
    out.push(Quote {
        text,
        speaker,
        section: pos.section,
        block: pos.block,
        start,
        end,
        score,
    });
}

fn strip_marks(t: &str) -> &str {
    t.trim()
        .trim_start_matches(OPENERS)
        .trim_end_matches(['”', '"', '」', '»', '“'])
        .trim()
}

const OPENERS: &[char] = &['“', '"', '「', '«', '„'];

fn starts_quote(t: &str) -> bool {
    t.trim_start().starts_with(OPENERS)
}

/// Quotation spans of a paragraph: (byte offset of the opening mark, start and end of the
/// quoted words, closed?). An unclosed mark runs to the end of the paragraph.
fn spans(text: &str) -> Vec<(usize, usize, usize, bool)> {
    let mut out = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let close: &[char] = match c {
            '“' => &['”'],
            '「' => &['」'],
            '«' => &['»'],
            '„' => &['“', '”'],
            '"' => &['"'],
            _ => continue,
        };
        let s = i + c.len_utf8();
        let mut depth = 0usize;
        let mut end = None;
        for (j, d) in it.by_ref() {
            if c == '“' && d == '“' {
                depth += 1;
            } else if close.contains(&d) {
                if depth == 0 {
                    end = Some(j);
                    break;
                }
                depth -= 1;
            }
        }
        match end {
            Some(e) => out.push((i, s, e, true)),
            None => {
                out.push((i, s, text.len(), false));
                break;
            }
        }
    }
    out
}

/// Quoted words that are speech: a clause or more. Short spans without sentence
/// punctuation are scare quotes (“反叛”, “CRUD boy”) or titles.
fn is_speech(q: &str) -> bool {
    let q = q.trim();
    let cjk = q.chars().filter(|&c| is_cjk(c)).count();
    let words = q.split_whitespace().count();
    let punct = q.chars().any(|c| {
        matches!(
            c,
            '，' | '。' | '！' | '？' | '；' | ',' | '.' | '!' | '?' | ';' | '：' | ':'
        )
    });
    if cjk * 2 >= q.chars().count().max(1) {
        cjk >= 15 || (cjk >= 8 && punct)
    } else {
        words >= 8 || (words >= 4 && punct)
    }
}

/// The speaker named next to a quote inside its paragraph: after it (“…”，他说 /
/// "…," X said) or before it (X 表示：“… / X said: "…).
fn speaker_near(
    text: &str,
    open: usize,
    end: usize,
    people: &People,
    doc: &Document,
    pos: Pos,
) -> Option<String> {
    let at = global_pos(doc, pos, open);
    let (after_clause, lead) = speaker_windows(text, open, end);
    if let Some(s) = subject_with_verb(after_clause, people, at, true) {
        return Some(s);
    }
    subject_with_verb(lead, people, at, false)
}

/// The two clauses searched for the speaker of the quote whose opening mark is at byte
/// `open` and whose words end at byte `end` of `text`: the clause after the closing mark
/// (closing marks and punctuation skipped) and the clause leading into the opening mark,
/// each at most [`SPEAKER_WINDOW_CHARS`] characters.
fn speaker_windows(text: &str, open: usize, end: usize) -> (&str, &str) {
    let after = head_chars(&text[end..], SPEAKER_WINDOW_CHARS)
        .trim_start_matches(['”', '"', '」', '»', '“'])
        .trim_start_matches([',', '，', ' ', '—', '-']);
    let before = tail_chars(&text[..open], SPEAKER_WINDOW_CHARS)
        .trim_end_matches([' ', ':', '：', ',', '，']);
    (clause_prefix(after), clause_suffix(before))
}

/// The first `n` characters of `t` (all of it when shorter).
fn head_chars(t: &str, n: usize) -> &str {
    t.char_indices().nth(n).map_or(t, |(i, _)| &t[..i])
}

/// The last `n` characters of `t` (all of it when shorter).
fn tail_chars(t: &str, n: usize) -> &str {
    match n.checked_sub(1) {
        None => "",
        Some(k) => t.char_indices().rev().nth(k).map_or(t, |(i, _)| &t[i..]),
    }
}

/// Speaker of a paragraph-opening quote: the previous paragraph when it leads in with a
/// colon (“他的语调明快而又兴奋：”) or a speech verb.
fn lead_in_speaker(doc: &Document, people: &People, si: usize, bi: usize) -> Option<String> {
    let prev = bi.checked_sub(1).map(|b| &doc.sections[si].blocks[b])?;
    let t = prev.text.trim_end();
    if !t.ends_with([':', '：']) {
        return None;
    }
    let at = global_pos(
        doc,
        Pos {
            section: si,
            block: bi,
        },
        0,
    );
    let lead = tail_chars(t, SPEAKER_WINDOW_CHARS).trim_end_matches([':', '：']);
    subject_with_verb(lead, people, at, false).or_else(|| {
        // No verb: the clause's own subject (a name or pronoun) still names the speaker.
        let clause = clause_suffix(lead);
        subject_in(clause, people, at)
    })
}

/// A text position as (section, block, byte) for "last named before" look-ups.
fn global_pos(_doc: &Document, pos: Pos, byte: usize) -> (usize, usize, usize) {
    (pos.section, pos.block, byte)
}

fn clause_prefix(t: &str) -> &str {
    let end = t
        .find([
            '。', '，', '；', '！', '？', '.', ';', '!', '?', '“', '"', ',',
        ])
        .unwrap_or(t.len());
    &t[..end]
}

fn clause_suffix(t: &str) -> &str {
    let start = t
        .rfind(['。', '；', '！', '？', ';', '!', '?', '”'])
        .map_or(0, |i| i + t[i..].chars().next().map_or(1, char::len_utf8));
    &t[start..]
}

/// The subject of a speech verb in `clause`: a name or pronoun before the verb (or, in
/// English, after "said"/"according to" when `after_quote`).
fn subject_with_verb(
    clause: &str,
    people: &People,
    at: (usize, usize, usize),
    after_quote: bool,
) -> Option<String> {
    let clause = clause.trim();
    if clause.is_empty() {
        return None;
    }
    let lower = clause.to_lowercase();
    let zh_verb = ZH_VERBS.iter().find_map(|v| {
        let mut from = 0;
        while let Some(i) = clause[from..].find(v) {
            let i = from + i;
            let blocked = ZH_NOT_VERBS.iter().any(|nv| {
                let (a, b) = (
                    i.saturating_sub(nv.len()),
                    (i + v.len() + nv.len()).min(clause.len()),
                );
                clause.get(a..b).is_some_and(|w| w.contains(nv))
            });
            if !blocked {
                return Some(i);
            }
            from = i + v.len();
        }
        None
    });
    if let Some(i) = zh_verb {
        return subject_in(&clause[..i], people, at);
    }
    let en_verb = EN_VERBS.iter().find_map(|v| {
        lower
            .match_indices(v)
            .find(|(i, _)| {
                let before = lower[..*i].chars().last();
                let after = lower[i + v.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
            .map(|(i, _)| (i, v.len()))
    });
    let (i, len) = en_verb?;
    if after_quote || lower[..i].trim().is_empty() {
        // "…," said Jane Doe / according to Jane Doe
        if let Some(s) = subject_in(&clause[i + len..], people, at) {
            return Some(s);
        }
    }
    subject_in(&clause[..i], people, at)
}

/// The name or pronoun in `t` closest to its end; pronouns resolve to the last person
/// named before `at`.
fn subject_in(t: &str, people: &People, at: (usize, usize, usize)) -> Option<String> {
    let t = t.trim();
    let mut best: Option<(usize, String)> = None;
    for name in &people.names {
        if let Some(i) = t.rfind(name.as_str()) {
            // The last one named wins; at the same place the longer name ("Sam Altman"
            // over "Sam"), whatever order `names` is in.
            if best
                .as_ref()
                .is_none_or(|b| i > b.0 || (i == b.0 && name.len() > b.1.len()))
            {
                best = Some((i, name.clone()));
            }
        }
    }
    let pronoun = ZH_PRONOUNS
        .iter()
        .filter_map(|p| t.rfind(p))
        .chain(EN_PRONOUNS.iter().filter_map(|p| {
            let lower = t.to_lowercase();
            lower
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == *p)
                .then(|| lower.rfind(p).unwrap_or(0))
        }))
        .max();
    match (best, pronoun) {
        (Some((i, n)), Some(p)) if i >= p => Some(n),
        (_, Some(_)) => people.last_before(at),
        (Some((_, n)), None) => Some(n),
        (None, None) => None,
    }
}

/// People named in the article and where each mention is.
struct People {
    names: Vec<String>,
    /// (section, block, byte, name) in article order.
    mentions: Vec<(usize, usize, usize, String)>,
}

impl People {
    fn collect(doc: &Document) -> Self {
        let mut evidence: std::collections::HashMap<String, usize> = Default::default();
        let mut all: Vec<(usize, usize, usize, String)> = Vec::new();
        for (si, section) in doc.sections.iter().enumerate() {
            for (bi, block) in section.blocks.iter().enumerate() {
                for (i, name) in name_candidates(&block.text) {
                    let after = &block.text[i + name.len()..];
                    let after = after.trim_start();
                    let before = block.text[..i].trim_end();
                    let cue = ZH_PERSON_AFTER.iter().any(|c| after.starts_with(c))
                        || ZH_PERSON_BEFORE.iter().any(|c| before.ends_with(c))
                        || en_person_cue(after, before);
                    if cue {
                        *evidence.entry(name.clone()).or_insert(0) += 1;
                    }
                    all.push((si, bi, i, name));
                }
            }
        }
        let mentions = all
            .into_iter()
            .filter(|m| evidence.contains_key(&m.3))
            .collect();
        let names: Vec<String> = evidence.into_keys().collect();
        People { names, mentions }
    }

    /// The person named last before `at`; `mentions` is in article order, so this is a
    /// binary search.
    fn last_before(&self, at: (usize, usize, usize)) -> Option<String> {
        let n = self.mentions.partition_point(|m| (m.0, m.1, m.2) < at);
        n.checked_sub(1).map(|i| self.mentions[i].3.clone())
    }
}

/// True when the words right after (or right before) a capitalised name mark it as a
/// person: a speech verb after it, "said"/"according to"/a title before it. Only
/// [`CUE_WINDOW_CHARS`] characters on each side are read, so the check costs the same
/// in a short paragraph and in a megabyte on one line.
fn en_person_cue(after: &str, before: &str) -> bool {
    let a = head_chars(after.trim_start_matches([',', ' ']), CUE_WINDOW_CHARS).to_lowercase();
    let b = tail_chars(before, CUE_WINDOW_CHARS).to_lowercase();
    ["said", "says", "told", "wrote", "added", "explained"]
        .iter()
        .any(|v| a.starts_with(v))
        || ["said", "according to", "mr.", "ms.", "mrs.", "dr."]
            .iter()
            .any(|v| b.ends_with(v))
}

/// Candidate person names with their byte offsets: jieba person names (`nr`, two or more
/// characters) and capitalised Latin words or pairs ("Twinkle", "Sam Altman").
fn name_candidates(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    if text.chars().any(is_cjk) {
        let mut off = 0;
        let jieba = super::lexicon::jieba_for(text);
        for t in jieba.tag(text, true) {
            if t.tag == "nr" && t.word.chars().count() >= 2 && t.word.chars().all(is_cjk) {
                out.push((off, t.word.to_string()));
            }
            off += t.word.len();
        }
    }
    let bytes: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < bytes.len() {
        let (i, c) = bytes[k];
        let prev_alpha = k > 0 && bytes[k - 1].1.is_alphanumeric();
        if c.is_ascii_uppercase() && !prev_alpha {
            let mut j = k;
            while j < bytes.len() && bytes[j].1.is_ascii_alphabetic() {
                j += 1;
            }
            let word_end = bytes.get(j).map_or(text.len(), |b| b.0);
            let word = &text[i..word_end];
            // Person names are capitalised words, not acronyms or CamelCase brands.
            let inner_caps = word.chars().skip(1).any(|c| c.is_ascii_uppercase());
            if word.len() >= 3 && !inner_caps {
                // Take a following capitalised word as a surname ("Sam Altman").
                let mut name = word.to_string();
                if bytes.get(j).is_some_and(|b| b.1 == ' ') {
                    let rest = &text[word_end + 1..];
                    let next: String = rest.chars().take_while(char::is_ascii_alphabetic).collect();
                    if next.len() >= 2
                        && next.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                        && !next.chars().skip(1).any(|c| c.is_ascii_uppercase())
                    {
                        name = format!("{word} {next}");
                    }
                }
                out.push((i, name));
            }
            k = j.max(k + 1);
            continue;
        }
        k += 1;
    }
    out.sort_by_key(|m| m.0);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_pair_marks_and_run_on() {
        let t = "他说：“很好，走吧。”然后“反叛”。";
        let sp = spans(t);
        assert_eq!(sp.len(), 2);
        assert_eq!(&t[sp[0].1..sp[0].2], "很好，走吧。");
        assert!(sp[0].3);
        let open = "“没有结尾的引语";
        assert_eq!(spans(open), vec![(0, 3, open.len(), false)]);
    }

    #[test]
    fn speaker_windows_are_bounded_in_characters() {
        assert_eq!(head_chars("他说：好", 2), "他说");
        assert_eq!(tail_chars("他说：好", 2), "：好");
        assert_eq!(head_chars("ab", 5), "ab");
        assert_eq!(tail_chars("ab", 5), "ab");
        assert_eq!(tail_chars("ab", 0), "");
        // A megabyte on one line with no clause break: the clauses read for a quote in
        // the middle stay within the window, in characters, on both sides.
        let half = "词".repeat(200_000);
        let text = format!("{half}“这是一句足够长而且有标点的引语，说了很多话。”{half}");
        let open = half.len();
        let end = text.rfind('”').unwrap();
        let (after, before) = speaker_windows(&text, open, end);
        assert_eq!(after.chars().count(), SPEAKER_WINDOW_CHARS - 1);
        assert_eq!(before.chars().count(), SPEAKER_WINDOW_CHARS);
        // Near words are unchanged: the speaker's clause is read whole.
        let t = "“我们不会停下来，永远不会。”张三在会上说，然后离开了。";
        let sp = spans(t);
        let (after, before) = speaker_windows(t, sp[0].0, sp[0].2);
        assert_eq!((after, before), ("张三在会上说", ""));
    }

    #[test]
    fn person_cues_read_a_few_characters_only() {
        let far = "x".repeat(100_000);
        assert!(en_person_cue(&format!(", said the {far}"), &far));
        assert!(en_person_cue(&far, &format!("{far} according to")));
        assert!(!en_person_cue(
            &format!("{far} said"),
            &format!("said {far}")
        ));
    }

    #[test]
    fn pronouns_resolve_to_the_last_name_before_them() {
        let people = People {
            names: vec!["Ann".into(), "Bo".into()],
            mentions: vec![
                (0, 0, 5, "Ann".into()),
                (0, 1, 2, "Bo".into()),
                (0, 1, 9, "Ann".into()),
            ],
        };
        assert_eq!(people.last_before((0, 0, 5)), None);
        assert_eq!(people.last_before((0, 0, 6)).as_deref(), Some("Ann"));
        assert_eq!(people.last_before((0, 1, 9)).as_deref(), Some("Bo"));
        assert_eq!(people.last_before((1, 0, 0)).as_deref(), Some("Ann"));
    }

    #[test]
    fn the_longer_name_wins_at_the_same_place() {
        for names in [["Sam", "Sam Altman"], ["Sam Altman", "Sam"]] {
            let people = People {
                names: names.iter().map(|n| n.to_string()).collect(),
                mentions: Vec::new(),
            };
            assert_eq!(
                subject_in("then Sam Altman", &people, (0, 0, 0)).as_deref(),
                Some("Sam Altman")
            );
        }
    }

    #[test]
    fn scare_quotes_are_not_speech() {
        assert!(!is_speech("反叛"));
        assert!(!is_speech("CRUD boy"));
        assert!(!is_speech("变得令人昏昏欲睡"));
        assert!(is_speech(
            "如果当一个码农的话，最大的成就莫过于自己写的代码被更多的人使用。"
        ));
        assert!(is_speech("We are not going to stop, ever."));
    }
}
