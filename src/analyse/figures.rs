//! Figures: numbers with their unit and what they count, value normalised, label from the sentence.
//!
//! Rule based (regular expressions over each sentence): money with currency and scale
//! (万, 亿, thousand, million, billion, $, €, £, ¥, 美元, 元), percentages, counts with a
//! classifier or a plural noun (736 名, 34 人, 1,200 employees), multiples (5 倍, 3x) and
//! years (2021 年, 1987). Values are normalised to plain units: 1.24 亿美元 → 124,000,000
//! with unit "USD"; 50 万 → 500,000.

use std::sync::OnceLock;

use regex::Regex;
use serde::Serialize;

use super::sentences;
use crate::document::{BlockKind, Document};

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    /// An amount of money; `unit` is an ISO 4217 code (USD, CNY, EUR, GBP, JPY).
    Money,
    /// A percentage; `value` is in percent (12.5 for 12.5 %).
    Percent,
    /// A count of things; `unit` names them (the classifier or the noun, e.g. "人").
    Count,
    /// A multiple ("5 倍", "3x"); `value` is the factor.
    Multiple,
    /// A calendar year; `value` is the year.
    Year,
}

/// One figure found in the article.
#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    /// The figure as written, e.g. "1.24 亿美元".
    pub text: String,
    /// Normalised value (plain units: 1.24 亿美元 → 124000000.0).
    pub value: f64,
    /// Unit: currency code for money, "%" for percentages, the counted noun or
    /// classifier for counts, "×" for multiples, "year" for years.
    pub unit: String,
    /// Kind of figure.
    pub kind: FigureKind,
    /// A short label taken from the sentence: what the figure counts or describes.
    pub label: String,
    /// The sentence the figure stands in.
    pub sentence: String,
    /// Byte offset of `sentence` in the block's text (`start - sentence_start` is the
    /// figure's offset within `sentence`).
    pub sentence_start: usize,
    /// Section index in `Document::sections`.
    pub section: usize,
    /// Block index within the section.
    pub block: usize,
    /// Byte range `[start, end)` of the figure in the block's text.
    pub start: usize,
    /// End of the byte range in the block's text (exclusive).
    pub end: usize,
    /// Byte offset of the figure in the decoded source (start; `usize::MAX` if unmapped).
    pub source_start: usize,
}

const NUM: &str = r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?";

fn money_zh() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(&format!(
            r"{NUM}\s*(万亿|亿|千万|百万|万|千)?\s*(美元|美金|人民币|元|欧元|英镑|日元|港元|港币)"
        ))
        .expect("regex")
    })
}

fn money_en() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(&format!(
            r"(US\$|\$|€|£|¥|RMB\s?)\s?{NUM}(?:\s*(trillion|billion|million|thousand|bn|m|k)\b)?"
        ))
        .expect("regex")
    })
}

fn percent() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(&format!(r"{NUM}\s*(%|％|percent\b|per cent\b)")).expect("regex"))
}

fn multiple() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(&format!(r"{NUM}\s*(倍|x\b|-fold\b|times\b)")).expect("regex"))
}

fn count_zh() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(&format!(
            r"{NUM}\s*(万亿|亿|万|千)?\s*(多|余)?\s*(名|人|家|个|位|款|篇|项|次|台|辆|所|条|件|座|种)"
        ))
        .expect("regex")
    })
}

fn count_en() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(&format!(
            r"\b{NUM}(?:\s+(million|billion|thousand))?\s+((?:[a-z]+\s+)?(?:people|employees|staff|workers|users|customers|companies|students|members|researchers|engineers|children|adults|patients|deaths|cases|votes|jobs|[a-z]{{3,}}ers|[a-z]{{3,}}ants|[a-z]{{3,}}ists))\b"
        ))
        .expect("regex")
    })
}

fn year() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(r"\b((?:19|20)\d{2})\s*(年)?").expect("regex"))
}

/// Parses "1,234" + optional decimals "5" into 1234.5.
fn number(int: &str, frac: Option<&str>) -> f64 {
    let s = format!("{}.{}", int.replace(',', ""), frac.unwrap_or("0"));
    s.parse().unwrap_or(0.0)
}

fn scale(word: Option<&str>) -> f64 {
    match word {
        Some("万亿") | Some("trillion") => 1e12,
        Some("billion") | Some("bn") => 1e9,
        Some("亿") => 1e8,
        Some("千万") => 1e7,
        Some("百万") | Some("million") | Some("m") => 1e6,
        Some("万") => 1e4,
        Some("千") | Some("thousand") | Some("k") => 1e3,
        _ => 1.0,
    }
}

fn currency(word: &str) -> &'static str {
    match word.trim() {
        "美元" | "美金" | "$" | "US$" => "USD",
        "元" | "人民币" | "¥" | "RMB" => "CNY",
        "欧元" | "€" => "EUR",
        "英镑" | "£" => "GBP",
        "日元" => "JPY",
        "港元" | "港币" => "HKD",
        _ => "USD",
    }
}

/// Every figure of the document's prose, in article order.
pub fn find(doc: &Document) -> Vec<Figure> {
    let mut out = Vec::new();
    for (si, section) in doc.sections.iter().enumerate() {
        for (bi, block) in section.blocks.iter().enumerate() {
            if !matches!(
                block.kind,
                BlockKind::Paragraph | BlockKind::Quote | BlockKind::ListItem | BlockKind::Table
            ) {
                continue;
            }
            for (s, e) in sentences::split(&block.text) {
                for mut f in in_sentence(&block.text[s..e]) {
                    f.start += s;
                    f.end += s;
                    f.sentence_start = s;
                    f.section = si;
                    f.block = bi;
                    f.source_start = block
                        .source_ranges(f.start, f.end)
                        .first()
                        .map_or(usize::MAX, |r| r.0);
                    out.push(f);
                }
            }
        }
    }
    out
}

/// The figures of one sentence; byte ranges are relative to `sentence` and the
/// section/block fields are left 0 for the caller to fill.
pub fn in_sentence(sentence: &str) -> Vec<Figure> {
    let mut found: Vec<Figure> = Vec::new();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut add = |found: &mut Vec<Figure>, s: usize, e: usize, value: f64, unit: String, kind| {
        if taken.iter().any(|&(a, b)| s < b && a < e) {
            return;
        }
        // A number glued to a word or hyphen ("GPT-4", "A380") is a name, not a figure.
        let prev = sentence[..s].chars().next_back();
        let first = sentence[s..].chars().next();
        if first.is_some_and(|c| c.is_ascii_digit())
            && prev.is_some_and(|c| c.is_ascii_alphabetic() || c == '-' || c == '_')
        {
            return;
        }
        taken.push((s, e));
        found.push(Figure {
            text: sentence[s..e].trim().to_string(),
            value,
            unit,
            kind,
            label: String::new(),
            sentence: sentence.to_string(),
            sentence_start: 0,
            section: 0,
            block: 0,
            start: s,
            end: e,
            source_start: usize::MAX,
        });
    };
    for c in money_zh().captures_iter(sentence) {
        let m = c.get(0).expect("match");
        let v = number(&c[1], c.get(2).map(|x| x.as_str())) * scale(c.get(3).map(|x| x.as_str()));
        add(
            &mut found,
            m.start(),
            m.end(),
            v,
            currency(&c[4]).into(),
            FigureKind::Money,
        );
    }
    for c in money_en().captures_iter(sentence) {
        let m = c.get(0).expect("match");
        let unit = c.get(4).map(|x| x.as_str().to_ascii_lowercase());
        let v = number(&c[2], c.get(3).map(|x| x.as_str())) * scale(unit.as_deref());
        add(
            &mut found,
            m.start(),
            m.end(),
            v,
            currency(&c[1]).into(),
            FigureKind::Money,
        );
    }
    for c in percent().captures_iter(sentence) {
        let m = c.get(0).expect("match");
        let v = number(&c[1], c.get(2).map(|x| x.as_str()));
        add(
            &mut found,
            m.start(),
            m.end(),
            v,
            "%".into(),
            FigureKind::Percent,
        );
    }
    for c in multiple().captures_iter(sentence) {
        let m = c.get(0).expect("match");
        let v = number(&c[1], c.get(2).map(|x| x.as_str()));
        add(
            &mut found,
            m.start(),
            m.end(),
            v,
            "×".into(),
            FigureKind::Multiple,
        );
    }
    for c in year().captures_iter(sentence) {
        let m = c.get(0).expect("match");
        // "2 月 23 日" style dates and plain numbers are not years; a bare 4-digit
        // number counts as a year only when followed by 年 or standing alone in Latin text.
        let after = &sentence[m.end()..];
        if c.get(2).is_none()
            && (after
                .trim_start()
                .starts_with(['名', '人', '家', '个', '%'])
                || after.starts_with('.'))
        {
            continue;
        }
        let v = number(&c[1], None);
        add(
            &mut found,
            m.start(),
            m.end(),
            v,
            "year".into(),
            FigureKind::Year,
        );
    }
    for c in count_zh().captures_iter(sentence) {
        let m = c.get(0).expect("match");
        let v = number(&c[1], c.get(2).map(|x| x.as_str())) * scale(c.get(3).map(|x| x.as_str()));
        add(
            &mut found,
            m.start(),
            m.end(),
            v,
            c[5].to_string(),
            FigureKind::Count,
        );
    }
    for c in count_en().captures_iter(sentence) {
        let (Some(m), Some(noun)) = (c.get(0), c.get(4)) else {
            continue;
        };
        let v = number(&c[1], c.get(2).map(|x| x.as_str())) * scale(c.get(3).map(|x| x.as_str()));
        let noun = noun
            .as_str()
            .split_whitespace()
            .last()
            .unwrap_or("")
            .to_string();
        add(&mut found, m.start(), m.end(), v, noun, FigureKind::Count);
    }
    for f in &mut found {
        f.label = label(sentence, f.start, f.end, f.kind);
    }
    found.sort_by_key(|f| f.start);
    found
}

const CLAUSE_MARKS: &[char] = &[
    '，', '。', '；', '：', '！', '？', ',', ';', ':', '!', '?', '、',
];

/// Words that carry no meaning of their own at the start or as the whole of a label.
const FILLERS: &[&str] = &[
    "其中有",
    "一共有",
    "共有",
    "总共有",
    "约有",
    "一共",
    "共计",
    "其中",
    "但是",
    "但",
    "而",
    "且",
    "就",
    "又",
    "并",
    "还",
    "有",
    "约",
    "达",
    "为",
    "在",
];

/// A short label for the figure at `[s, e)`: for a count, the noun phrase after it up to
/// 的 or the clause end ("736 名 OpenAI 员工的背景" → "OpenAI 员工"); otherwise the words
/// before it in its clause, asides in brackets and leading fillers dropped ("但 OpenAI
/// 的工作年薪总包(Total Compensation)高达 50 万美元" → "OpenAI 的工作年薪总包高达"); a
/// bracketed figure takes the name before the bracket ("Meta(34 人)" → "Meta"); a clause
/// that only says "there are" takes the topic of its part of the sentence ("ChatGPT
/// 项目中,一共有 9 人" → "ChatGPT 项目").
fn label(sentence: &str, s: usize, e: usize, kind: FigureKind) -> String {
    let after = &sentence[e..];
    let clause_after = &after[..after
        .find(|c: char| CLAUSE_MARKS.contains(&c) || matches!(c, '(' | ')' | '（' | '）'))
        .unwrap_or(after.len())];
    if kind == FigureKind::Count {
        let noun = clause_after.split('的').next().unwrap_or("").trim();
        let noun = noun
            .split(['进', '之', '都', '在', '来', '是'])
            .next()
            .unwrap_or("")
            .trim();
        if !noun.is_empty()
            && noun.chars().count() <= 16
            && !FILLERS.contains(&noun)
            && !["左右", "以上", "多", "余"].contains(&noun)
        {
            return noun.to_string();
        }
    }
    let before = &sentence[..s];
    // "Meta(34 人)": the name before the bracket.
    if let Some(b) = before.trim_end().strip_suffix(['(', '（']) {
        let start = b
            .rfind(|c: char| CLAUSE_MARKS.contains(&c) || matches!(c, ')' | '）'))
            .map_or(0, |i| i + b[i..].chars().next().map_or(1, char::len_utf8));
        let name = strip_fillers(b[start..].trim());
        let name = name
            .trim_start_matches("其次是")
            .trim_start_matches('和')
            .trim();
        if !name.is_empty() {
            return name.to_string();
        }
    }
    let start = before.rfind(CLAUSE_MARKS).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let lab = strip_fillers(&without_asides(before[start..].trim()));
    let meaningful = lab.chars().filter(|c| c.is_alphanumeric()).count() >= 2
        && !FILLERS.contains(&lab.as_str())
        && has_content_word(&lab);
    let lab = match topic(before) {
        Some(t) => t,
        None if meaningful => lab,
        None => String::new(),
    };
    let mut lab = tail_of(&lab, 24);
    if lab.is_empty() {
        lab = head_of(clause_after.trim(), 24);
    }
    lab.trim().to_string()
}

/// Whether a label says something: Chinese text always (its fillers are stripped before),
/// Latin text when it has a word of three or more letters that is not a function word or
/// a quantifier ("only", "with", "about", "nearly" alone label nothing).
fn has_content_word(t: &str) -> bool {
    const HOLLOW: &[&str] = &[
        "only", "just", "nearly", "almost", "about", "around", "roughly", "over", "under", "more",
        "less", "than", "some", "least", "most", "with", "where", "while", "that", "this", "and",
        "but", "for", "from", "into", "onto", "were", "was", "are", "had", "have", "has", "said",
        "says", "also", "still", "even", "each", "every", "per",
    ];
    if t.chars().any(crate::document::is_cjk) {
        return true;
    }
    t.split(|c: char| !c.is_alphanumeric()).any(|w| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && !HOLLOW.contains(&w.to_lowercase().as_str())
    })
}

/// The start of `t` in at most `max` characters, cut at a word boundary in Latin text
/// ("said they preferred" rather than "said they preferred vide").
fn head_of(t: &str, max: usize) -> String {
    let n = t.chars().count();
    if n <= max {
        return t.to_string();
    }
    let head: String = t.chars().take(max).collect();
    let next = t.chars().nth(max);
    let cut_in_word = next.is_some_and(|c| c.is_ascii_alphanumeric())
        && head
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_alphanumeric());
    match head.rfind(char::is_whitespace) {
        Some(i) if cut_in_word => head[..i].trim_end().to_string(),
        _ => head.trim_end().to_string(),
    }
}

/// The end of `t` in at most `max` characters, cut at a word boundary in Latin text
/// ("…differences from" rather than "ificant differences from").
fn tail_of(t: &str, max: usize) -> String {
    let n = t.chars().count();
    if n <= max {
        return t.to_string();
    }
    let tail: String = t.chars().skip(n - max).collect();
    let cut_in_word = t
        .chars()
        .nth(n - max - 1)
        .is_some_and(|c| c.is_ascii_alphanumeric())
        && tail
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric());
    if cut_in_word {
        match tail.find(char::is_whitespace) {
            Some(i) => tail[i..].trim_start().to_string(),
            None => tail,
        }
    } else {
        tail.trim_start().to_string()
    }
}

/// `t` without leading filler words.
fn strip_fillers(t: &str) -> String {
    let mut t = t.trim();
    loop {
        let before = t;
        for f in FILLERS {
            if let Some(rest) = t.strip_prefix(f) {
                if !rest.trim().is_empty() {
                    t = rest.trim_start();
                }
            }
        }
        if t == before {
            return t.to_string();
        }
    }
}

/// `t` without bracketed asides ("年薪总包(Total Compensation)" → "年薪总包").
fn without_asides(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut depth = 0usize;
    for c in t.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The topic of the sentence part before a figure whose clause only says "there are"
/// ("ChatGPT 项目中,一共有" → "ChatGPT 项目"; "而 GPT-4 项目中一共有" → "GPT-4 项目").
pub(crate) fn topic(before: &str) -> Option<String> {
    const EXISTENTIALS: &[&str] = &["一共有", "共有", "总共有", "一共", "共计", "有"];
    let head = before.trim_end();
    let ex = EXISTENTIALS.iter().find(|e| head.ends_with(*e))?;
    let part_start = head.rfind([';', '；', '。']).map_or(0, |i| {
        i + head[i..].chars().next().map_or(1, char::len_utf8)
    });
    let part = head[part_start..].trim_start();
    let part = part.strip_prefix('而').unwrap_or(part).trim_start();
    let mut end = part.len() - ex.len();
    if let Some(i) = part[..end].find([',', '，']) {
        end = i;
    }
    if let Some(i) = EXISTENTIALS
        .iter()
        .filter_map(|e| part[..end].find(e))
        .min()
    {
        end = end.min(i);
    }
    let t = part[..end]
        .trim()
        .trim_end_matches(['中', '里', '内'])
        .trim();
    let n = t.chars().count();
    ((2..=16).contains(&n) && !FILLERS.contains(&t)).then(|| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> Figure {
        let f = in_sentence(s);
        assert_eq!(f.len(), 1, "{f:?}");
        f.into_iter().next().unwrap()
    }

    #[test]
    fn chinese_money_is_normalised() {
        let f = one("该公司在 A 轮融资中筹集了 1.24 亿美元。");
        assert_eq!(f.kind, FigureKind::Money);
        assert_eq!(f.value, 124_000_000.0);
        assert_eq!(f.unit, "USD");
        assert_eq!(f.text, "1.24 亿美元");
        assert_eq!(one("年薪高达 50 万美元").value, 500_000.0);
        assert_eq!(one("花了 3000 元").unit, "CNY");
    }

    #[test]
    fn english_money_percent_counts_multiples() {
        assert_eq!(one("It raised $4.5 billion last year").value, 4.5e9);
        let p = one("Sales rose 12.5% on the quarter");
        assert_eq!((p.kind, p.value), (FigureKind::Percent, 12.5));
        let c = one("The firm has 1,200 employees now");
        assert_eq!(
            (c.kind, c.value, c.unit.as_str()),
            (FigureKind::Count, 1200.0, "employees")
        );
        let m = one("速度提升了 5 倍");
        assert_eq!((m.kind, m.value), (FigureKind::Multiple, 5.0));
    }

    #[test]
    fn latin_labels_say_something_and_end_at_a_word() {
        // A clause before the figure that is only a quantifier gives way to the words
        // after it, cut at a word boundary.
        let f = one("Only 12% said they preferred video tutorials over written documentation.");
        assert_eq!(f.label, "said they preferred");
        assert_eq!(
            head_of("said they preferred video tutorials", 24),
            "said they preferred"
        );
        assert_eq!(head_of("短标签", 24), "短标签");
        assert!(!has_content_word("only"));
        assert!(!has_content_word("with"));
        assert!(has_content_word("Go developers"));
        assert!(has_content_word("员工"));
    }

    #[test]
    fn latin_labels_are_cut_at_word_boundaries() {
        let f = one("We did not see any statistically significant differences from 2023 on.");
        assert_eq!(f.kind, FigureKind::Year);
        assert_eq!(f.label, "differences from");
    }

    #[test]
    fn counts_with_classifiers_and_years() {
        let f = in_sentence("2021 年,对 736 名 OpenAI 员工的背景进行了分析");
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!((f[0].kind, f[0].value), (FigureKind::Year, 2021.0));
        assert_eq!(
            (f[1].kind, f[1].value, f[1].unit.as_str()),
            (FigureKind::Count, 736.0, "名")
        );
        assert_eq!(f[1].label, "OpenAI 员工");
        assert!(in_sentence("而 GPT-4 项目中一共有 33 人")
            .iter()
            .all(|f| f.value == 33.0));
    }
}
