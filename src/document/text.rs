//! Plain-text parser: byline lines, heading lines, paragraphs and site footers.
//!
//! Text copied from a web page has no markup, so structure is read from line shapes:
//! a heading is a short line without sentence-ending punctuation, or a short question
//! line, standing between paragraphs; CJK text usually has one paragraph per line,
//! Latin text is often hard-wrapped into blank-line separated paragraphs.

use super::boilerplate::{
    classify, date_value, is_bare_comment_word, is_comment_start, LineClass, DATELINE,
};
use super::{add_credit, Block, BlockKind, Document, Dropped, Meta, Section, TextBuilder};

/// A line of the source with its byte offset.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    text: &'a str,
    start: usize,
}

/// Parses plain text into a document.
pub fn parse(src: &str) -> Document {
    let lines = split_lines(src);
    let mut meta = Meta::default();
    let mut dropped = Vec::new();

    // 0. Reader comments end the article; a whole web page copied as text: keep the
    // article window only.
    let lines = cut_comments(lines, &mut dropped);
    let (from, to, blank) = article_window(&lines, &mut meta, &mut dropped);
    let mut lines = lines;
    for i in blank {
        lines[i].text = "";
    }
    let lines = &lines[from..to];

    // 1. Site footer: a trailing run of short lines that contains a footer marker.
    let body_end = footer_start(lines, &mut dropped);
    let lines = &lines[..body_end];

    // 2. The article header (the lines before the first real paragraph: title, subtitle,
    // byline, source and date lines in any order) goes to `meta`; placeholders anywhere.
    let mut kept: Vec<Line> = Vec::with_capacity(lines.len());
    let mut in_header = true;
    // Heading-shaped lines kept in the header (title, subtitle): at most two.
    let mut header_lines = 0;
    // The second one (a subtitle when a header item follows it): index in `kept`.
    let mut second: Option<usize> = None;
    let mut item_after_second = false;
    let mut prev: Option<&str> = None;
    // Source offsets of lines that were pasted twice: captions, never headings.
    let mut captions: Vec<usize> = Vec::new();
    for line in lines {
        let mut line = *line;
        // A caption copied twice onto one line ("XY" + "XY") is kept once.
        let t = line.text.trim();
        let half = t.len() / 2;
        if is_pasted_twice(t) {
            let lead = line.text.len() - line.text.trim_start().len();
            dropped.push(drop_line(
                &t[half..],
                "repeated text (caption pasted twice)",
            ));
            line = Line {
                text: &t[..half],
                start: line.start + lead,
            };
            captions.push(line.start);
        }
        let line = &line;
        let t = line.text.trim();
        if t.is_empty() {
            kept.push(*line);
            continue;
        }
        match classify(t) {
            LineClass::Placeholder => {
                dropped.push(drop_line(t, "image placeholder"));
                continue;
            }
            LineClass::Credit { role, name } if in_header || role == "责任编辑" => {
                add_credit(&mut meta, &role, &name);
                dropped.push(drop_line(t, "byline"));
                item_after_second |= second.is_some();
                continue;
            }
            LineClass::Reprint { publisher, source } if in_header => {
                if !publisher.is_empty() {
                    meta.publisher = Some(publisher);
                }
                meta.source = Some(source);
                dropped.push(drop_line(t, "byline: source"));
                item_after_second |= second.is_some();
                continue;
            }
            // A line of labelled credits is a byline wherever it stands (an editor line
            // at the end: "作者：甲 编辑：乙").
            LineClass::Header(h) => {
                super::apply_header(&mut meta, h);
                dropped.push(drop_line(t, "byline: header line"));
                item_after_second |= second.is_some();
                continue;
            }
            LineClass::Footer(reason) => {
                if reason == DATELINE && in_header {
                    meta.date.get_or_insert_with(|| date_value(t));
                    item_after_second |= second.is_some();
                }
                dropped.push(drop_line(t, reason));
                continue;
            }
            _ => {}
        }
        if prev == Some(t) && t.chars().count() <= 120 {
            dropped.push(drop_line(t, "repeated line (caption pasted twice)"));
            if let Some(first) = kept.iter().rev().find(|l| !l.text.trim().is_empty()) {
                captions.push(first.start);
            }
            continue;
        }
        prev = Some(t);
        if in_header && header_lines < 2 && is_heading_line(t) {
            header_lines += 1;
            if header_lines == 2 {
                second = Some(kept.len());
            }
        } else {
            in_header = false;
        }
        kept.push(*line);
    }
    // Title, a second heading-shaped line of at least three words (or eight CJK
    // characters: not a wrapped title's last word), then a byline or date: that line is
    // the subtitle (a standfirst), not the first section heading.
    if let (Some(i), true) = (second, item_after_second) {
        let t = kept[i].text.trim();
        let words = t.split_whitespace().count() >= 3
            || t.chars().filter(|c| super::is_cjk(*c)).count() >= 8;
        if words
            && meta.subtitle.is_none()
            && kept[i + 1..].iter().any(|l| !l.text.trim().is_empty())
        {
            meta.subtitle = Some(t.to_string());
            dropped.push(drop_line(t, "subtitle"));
            kept.remove(i);
        }
    }

    // 3. Paragraph units: one per line, or blank-line separated blocks re-joined.
    let units = paragraph_units(&kept);

    // 4. Title: a first unit that is a heading-shaped line followed by more text.
    let mut sections = vec![Section {
        heading: None,
        level: 2,
        blocks: Vec::new(),
    }];
    let mut iter = units.iter().peekable();
    if let Some(first) = iter.peek() {
        if units.len() > 2 && is_heading_line(first.text()) {
            meta.title = Some(first.text().trim().to_string());
            iter.next();
        }
    }
    let all: Vec<&TextBuilderUnit> = iter.collect();
    let mut after_heading = false;
    for (i, unit) in all.iter().enumerate() {
        let t = unit.text().trim();
        // The unit starts at (or within the indentation of) a caption line.
        let caption = unit
            .builder
            .pieces
            .first()
            .is_some_and(|p| captions.iter().any(|&c| p.1 >= c && p.1 - c < 8));
        let is_text = |j: usize| {
            all.get(j)
                .is_some_and(|n| !is_heading_line(n.text()) || n.text().chars().count() > 60)
        };
        // A heading may be followed by one heading-shaped line that opens the section
        // (a lead question such as "你还记得…吗？") before the text; that line is
        // content, since a heading never directly follows another in a plain-text copy.
        let next_is_text = is_text(i + 1)
            || (is_heading_line(all[i + 1..].first().map_or("", |n| n.text())) && is_text(i + 2));
        // A bullet line, or a numbered line next to another marked line, is a list item.
        let marked = |j: Option<usize>| {
            j.and_then(|j| all.get(j))
                .is_some_and(|n| list_marker(n.text().trim()).is_some())
        };
        let marker = list_marker(t);
        let in_list = marker.is_some_and(|(_, numbered)| {
            !numbered || marked(i.checked_sub(1)) || marked(Some(i + 1))
        });
        if in_list {
            after_heading = false;
            let lead = unit.text().len() - unit.text().trim_start().len();
            let len = marker.map_or(0, |(len, _)| len);
            if let Some(block) =
                without_front(&unit.builder, lead + len).finish(BlockKind::ListItem)
            {
                sections.last_mut().expect("one section").blocks.push(block);
            }
            continue;
        }
        if is_heading_line(t) && next_is_text && unit.lines == 1 && !caption && !after_heading {
            sections.push(Section {
                heading: Some(t.to_string()),
                level: 2,
                blocks: Vec::new(),
            });
            after_heading = true;
            continue;
        }
        after_heading = false;
        if caption && unit.lines == 1 {
            // A caption whose picture was lost in the copy: kept as what it is (a picture
            // without a source), not as running text that could become a bullet.
            sections
                .last_mut()
                .expect("one section")
                .blocks
                .push(Block {
                    kind: BlockKind::Image,
                    text: String::new(),
                    src: None,
                    caption: Some(t.to_string()),
                    alt: None,
                    cite: None,
                    pieces: Vec::new(),
                });
            continue;
        }
        if let Some(block) = unit.to_block() {
            sections.last_mut().expect("one section").blocks.push(block);
        }
    }
    Document {
        meta,
        sections,
        dropped,
        warnings: Vec::new(),
    }
}

/// A prose line: at least 30 characters with sentence punctuation inside or at its end.
fn is_prose(t: &str) -> bool {
    t.chars().count() >= 30
        && t.contains(['。', '，', '！', '？', '；', '.', ',', '!', '?', ';'])
        && !t.starts_with(['•', '●', '[', '*', '-', '·'])
}

/// Menu and widget lines of a page copied as text: bullets, bracketed widget labels
/// (`[SUBMIT]`, `[420]`), breadcrumbs (`首页 > 科技`), lines of one or two characters.
fn is_widget(t: &str) -> bool {
    t.starts_with(['•', '●', '·', '▪', '■', '◆', '[', '|'])
        || t.chars().count() <= 2
        || t.contains(" > ")
}

/// For text that is a whole web page copied out of a browser (menus first, then the
/// article, then related links and comments), the range of lines holding the article;
/// `(0, lines.len())` for an ordinary text. Also returns header lines inside the range
/// to blank out (widgets, the byline line).
///
/// Method (a line-density reading in the spirit of Kohlschütter et al. 2010,
/// "Boilerplate detection using shallow text features"): prose lines ([`is_prose`])
/// are grouped into runs where neighbours are at most 8 non-blank lines apart; the run
/// with the most prose characters is the article. The text counts as a page copy only
/// when at least 15 non-blank lines precede that run, almost none of them prose and at
/// least 70 % of them short (≤ 20 characters: menu entries).
/// The window then reaches back over the article's header (title, byline, date) up to
/// the nearest breadcrumb or 10 lines, skipping widget lines ([`is_widget`]), and a
/// short "name/organisation" line right after the title becomes the byline. Everything
/// outside the window is reported as dropped.
fn article_window(
    lines: &[Line],
    meta: &mut Meta,
    dropped: &mut Vec<Dropped>,
) -> (usize, usize, Vec<usize>) {
    let nonblank: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].text.trim().is_empty())
        .collect();
    // Runs of prose lines: (first line index, last line index, prose characters).
    let mut runs: Vec<(usize, usize, usize)> = Vec::new();
    let mut gap = usize::MAX;
    for &i in &nonblank {
        let t = lines[i].text.trim();
        if is_prose(t) {
            let n = t.chars().count();
            match runs.last_mut() {
                Some(r) if gap <= 8 => {
                    r.1 = i;
                    r.2 += n;
                }
                _ => runs.push((i, i, n)),
            }
            gap = 0;
        } else {
            gap = gap.saturating_add(1);
        }
    }
    let Some(&(first, last, _)) = runs.iter().max_by_key(|r| r.2) else {
        return (0, lines.len(), Vec::new());
    };
    let before: Vec<usize> = nonblank.iter().copied().filter(|&i| i < first).collect();
    let prose_before = before
        .iter()
        .filter(|&&i| is_prose(lines[i].text.trim()))
        .count();
    let short_before = before
        .iter()
        .filter(|&&i| lines[i].text.trim().chars().count() <= 20)
        .count();
    if before.len() < 15 || prose_before * 10 > before.len() || short_before * 10 < before.len() * 7
    {
        return (0, lines.len(), Vec::new());
    }
    // The header: back from the first prose line to a breadcrumb or 10 lines.
    let mut header: Vec<usize> = Vec::new();
    for &i in before.iter().rev().take(10) {
        let t = lines[i].text.trim();
        if t.contains(" > ") {
            break;
        }
        if !is_widget(t) {
            header.push(i);
        }
    }
    header.reverse();
    let mut title_at = None;
    for &i in &header {
        let t = lines[i].text.trim();
        if t.chars().count() >= 6 && is_heading_line(t) && matches!(classify(t), LineClass::Content)
        {
            title_at = Some(i);
            break;
        }
    }
    // Keep from the title on (or from the first prose line without one).
    let from = title_at.unwrap_or(first);
    let to = (last + 1).min(lines.len());
    for (i, line) in lines.iter().enumerate() {
        let t = line.text.trim();
        if !t.is_empty() && !(from..to).contains(&i) {
            dropped.push(drop_line(
                t,
                "page chrome outside the article (web page copied as text)",
            ));
        }
    }
    // Header lines between the title and the article: widget lines go, a short
    // "name/organisation" line is the byline.
    let mut blank = Vec::new();
    for (i, line) in lines.iter().enumerate().take(first).skip(from + 1) {
        let t = line.text.trim();
        if t.is_empty() || title_at.is_none() {
            continue;
        }
        let byline = t.split_once('/').filter(|(name, org)| {
            t.chars().count() <= 24 && !name.trim().is_empty() && !org.trim().is_empty()
        });
        if let Some((name, org)) = byline {
            if meta.authors.is_empty() {
                meta.authors.push(name.trim().to_string());
            }
            meta.source.get_or_insert_with(|| org.trim().to_string());
            dropped.push(drop_line(t, "byline"));
            blank.push(i);
        } else if is_widget(t) {
            dropped.push(drop_line(t, "page widget (web page copied as text)"));
            blank.push(i);
        }
    }
    (from, to, blank)
}

/// Cuts the text at the first line that opens reader comments ([`is_comment_start`]:
/// "Comments (34)", "Leave a comment", "写下你的留言") once at least two prose lines
/// came before it: in a plain-text copy of a page everything after that line is
/// comments and page chrome. A bare "Comments" / "评论" line (which may be the
/// article's own section heading) cuts only when less prose follows it than precedes
/// it. Every cut line is reported as dropped.
fn cut_comments<'a>(mut lines: Vec<Line<'a>>, dropped: &mut Vec<Dropped>) -> Vec<Line<'a>> {
    let prose_chars = |ls: &[Line]| -> usize {
        ls.iter()
            .map(|l| l.text.trim())
            .filter(|t| is_prose(t))
            .map(|t| t.chars().count())
            .sum()
    };
    let mut prose = 0;
    let mut cut = None;
    for (i, line) in lines.iter().enumerate() {
        let t = line.text.trim();
        if prose >= 2
            && is_comment_start(t)
            && (!is_bare_comment_word(t) || prose_chars(&lines[i..]) < prose_chars(&lines[..i]))
        {
            cut = Some(i);
            break;
        }
        if is_prose(t) {
            prose += 1;
        }
    }
    if let Some(i) = cut {
        for line in &lines[i..] {
            let t = line.text.trim();
            if !t.is_empty() {
                dropped.push(drop_line(
                    t,
                    "comment section (everything after a comment-section line)",
                ));
            }
        }
        lines.truncate(i);
    }
    lines
}

fn drop_line(t: &str, reason: &str) -> Dropped {
    Dropped {
        text: t.to_string(),
        reason: reason.to_string(),
    }
}

fn split_lines(src: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in src.split_inclusive('\n') {
        let text = piece.strip_suffix('\n').unwrap_or(piece);
        out.push(Line { text, start });
        start += piece.len();
    }
    out
}

/// Index of the first footer line, or `lines.len()`. The footer is the last run of
/// lines (at most 12 non-blank) that holds a footer marker and no long prose line.
fn footer_start(lines: &[Line], dropped: &mut Vec<Dropped>) -> usize {
    let mut seen = 0;
    let mut found = None;
    for i in (0..lines.len()).rev() {
        let t = lines[i].text.trim();
        if t.is_empty() {
            continue;
        }
        seen += 1;
        if seen > 12 || t.chars().count() > 80 || ends_sentence(t) && t.chars().count() > 20 {
            break;
        }
        if matches!(classify(t), LineClass::Footer(_)) {
            found = Some(i);
        }
    }
    let Some(first_marker) = found else {
        return lines.len();
    };
    let cut = first_marker;
    for line in &lines[cut..] {
        let t = line.text.trim();
        if t.is_empty() {
            continue;
        }
        let reason = match classify(t) {
            LineClass::Footer(r) => r,
            _ => "footer: site footer block",
        };
        dropped.push(drop_line(t, reason));
    }
    cut
}

/// CJK characters and full-width forms (two display columns, no spaces between them).
fn is_wide(c: char) -> bool {
    super::is_cjk(c)
        || ('\u{3000}'..='\u{303F}').contains(&c)
        || ('\u{FF00}'..='\u{FF60}').contains(&c)
}

/// Display columns of a line: CJK characters and full-width forms count two.
fn columns(t: &str) -> usize {
    t.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

/// Sentence-ending punctuation at the end of a line (closing quotes skipped).
fn ends_sentence(t: &str) -> bool {
    let t = t.trim_end_matches(['”', '"', '’', '\'', '」', '』', ')', '）', ' ']);
    t.ends_with([
        '。', '！', '？', '!', '?', '.', '；', ';', '…', ':', '：', '，', ',',
    ])
}

/// A heading line: short, not ending a sentence (a question mark is allowed), and not
/// opening with a quotation mark or a list bullet.
pub(crate) fn is_heading_line(t: &str) -> bool {
    let t = t.trim();
    let n = t.chars().count();
    let question = t.ends_with(['?', '？']);
    if n == 0 || t.starts_with(['-', '*', '•']) {
        return false;
    }
    // A numbered heading ("1. Background", "2) 方法") is judged on its words; a bullet
    // line is never a heading.
    let body = match list_marker(t) {
        Some((len, true)) => &t[len..],
        Some((_, false)) => return false,
        None => t,
    };
    // A line opening with a quotation mark is quoted speech, unless it asks a question.
    if !question && body.starts_with(['“', '"', '「', '‘']) {
        return false;
    }
    // A full stop inside the line makes it sentences (a caption, a short paragraph).
    if !question && (body.contains('。') || body.contains(". ")) {
        return false;
    }
    let cjk = t.chars().filter(|c| super::is_cjk(*c)).count();
    let max = if cjk * 2 >= n { 32 } else { 70 };
    if n > max {
        return false;
    }
    question || !ends_sentence(t)
}

/// The list marker a plain-text line opens with: its length in bytes (with the spaces
/// after it) and whether it is a number. Bullets: `•` `·` `▪` `◦` `●` `■` `‣`, and `-` `*`
/// `–` followed by a space; numbers: 1–3 digits followed by `.` and a space, or by `)`
/// `）` `、` `．`, `(1)` / `（1）`, and Roman numerals followed by `. ` ("IV. "). `None` when the line has no marker or nothing after it.
fn list_marker(t: &str) -> Option<(usize, bool)> {
    let rest_after = |len: usize, numbered: bool| {
        let after = t[len..].trim_start();
        (!after.is_empty()).then_some((t.len() - after.len(), numbered))
    };
    let c0 = t.chars().next()?;
    if matches!(c0, '•' | '·' | '▪' | '◦' | '●' | '■' | '‣') {
        return rest_after(c0.len_utf8(), false);
    }
    if matches!(c0, '-' | '*' | '–') {
        let rest = &t[c0.len_utf8()..];
        return if rest.starts_with([' ', '\t', '\u{3000}']) {
            rest_after(c0.len_utf8(), false)
        } else {
            None
        };
    }
    // "(1)" and "（1）".
    for (open, close) in [("(", ")"), ("（", "）")] {
        if let Some(rest) = t.strip_prefix(open) {
            let d = rest.bytes().take_while(u8::is_ascii_digit).count();
            if (1..=3).contains(&d) && rest[d..].starts_with(close) {
                return rest_after(open.len() + d + close.len(), true);
            }
        }
    }
    // Roman numerals: "IV. Results".
    let r = t.bytes().take_while(|b| b"IVXLC".contains(b)).count();
    if (1..=6).contains(&r) && t[r..].starts_with(". ") {
        return rest_after(r + 1, true);
    }
    let d = t.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&d) {
        return None;
    }
    let rest = &t[d..];
    let c = rest.chars().next()?;
    match c {
        ')' | '）' | '、' | '．' => rest_after(d + c.len_utf8(), true),
        // "1. Text", not "3.5 million" or "2024.":
        '.' if rest[1..].starts_with([' ', '\t', '\u{3000}']) => rest_after(d + 1, true),
        _ => None,
    }
}

/// `b` without its first `n` bytes of text (a list marker), pieces shifted to match.
fn without_front(b: &TextBuilder, n: usize) -> TextBuilder {
    let pieces = b
        .pieces
        .iter()
        .filter_map(|&(t, s, len)| {
            let cut = n.saturating_sub(t).min(len);
            (cut < len).then(|| (t + cut - n, s + cut, len - cut))
        })
        .collect();
    TextBuilder {
        text: b.text[n..].to_string(),
        pieces,
    }
}

/// One paragraph candidate: source lines joined.
#[derive(Debug)]
struct TextBuilderUnit {
    builder: TextBuilder,
    lines: usize,
}

impl TextBuilderUnit {
    fn text(&self) -> &str {
        self.builder.text()
    }

    fn to_block(&self) -> Option<Block> {
        let b = TextBuilder {
            text: self.builder.text.clone(),
            pieces: self.builder.pieces.clone(),
        };
        b.finish(BlockKind::Paragraph)
    }
}

/// True when the line `t` is one caption written twice in a row ("XY" + "XY"): 8 to 400
/// characters whose halves are equal and hold at least four different letters (so a run
/// of digits or of one repeated letter is not taken for a caption).
fn is_pasted_twice(t: &str) -> bool {
    let half = t.len() / 2;
    let n = t.chars().count();
    if !(8..=400).contains(&n) || !t.is_char_boundary(half) || t[..half] != t[half..] {
        return false;
    }
    let mut letters: Vec<char> = t[..half].chars().filter(|c| c.is_alphabetic()).collect();
    letters.sort_unstable();
    letters.dedup();
    letters.len() >= 4
}

/// Groups lines into paragraph units. If most non-blank lines are separated by blank
/// lines, or lines look hard-wrapped (many of similar length ending mid-sentence), a
/// unit is a blank-line separated block; otherwise each line is its own unit.
fn paragraph_units(lines: &[Line]) -> Vec<TextBuilderUnit> {
    let nonblank: Vec<&Line> = lines.iter().filter(|l| !l.text.trim().is_empty()).collect();
    // Hard-wrapped text: many lines run close to the wrap width (the 90th percentile of
    // line widths, in columns with CJK characters counting two) without ending a
    // sentence. Then a line well short of that width ends its paragraph.
    let mut widths: Vec<usize> = nonblank.iter().map(|l| columns(l.text.trim())).collect();
    widths.sort_unstable();
    let wrap = widths.get(widths.len() * 9 / 10).copied().unwrap_or(0);
    // From 24 columns: narrow newsletter, e-mail and phone wraps (28–40) are still wraps.
    let full = |t: &str| wrap >= 24 && columns(t) * 10 >= wrap * 8;
    let wrapped = nonblank
        .iter()
        .filter(|l| {
            let t = l.text.trim();
            !ends_sentence(t) && full(t)
        })
        .count();
    let join_blocks = nonblank.len() >= 4 && wrapped * 3 >= nonblank.len();
    let mut prev_full = false;
    let mut prev_sentence_end = false;
    let mut units = Vec::new();
    let mut cur: Option<TextBuilderUnit> = None;
    for line in lines {
        let t = line.text.trim();
        if t.is_empty() {
            if let Some(u) = cur.take() {
                units.push(u);
            }
            continue;
        }
        let lead = line.text.len() - line.text.trim_start().len();
        let src_start = line.start + lead;
        // A short heading-shaped line after a finished sentence starts a new unit (a
        // heading between wrapped paragraphs) rather than ending the paragraph.
        let heading_after_sentence = prev_sentence_end && is_heading_line(t) && !full(t);
        // A line that starts in lower case continues an unfinished sentence even when the
        // line before it was cut short (re-wrapped text, a first line shortened by hand).
        let lower_start = t.chars().next().is_some_and(char::is_lowercase);
        let continues = join_blocks
            && (prev_full || (lower_start && !prev_sentence_end && cur.is_some()))
            && !heading_after_sentence
            && list_marker(t).is_none();
        prev_full = full(t);
        prev_sentence_end = ends_sentence(t);
        match cur.as_mut() {
            Some(u) if continues => {
                let prev_cjk = u.builder.text().chars().last().is_some_and(is_wide);
                let next_cjk = t.chars().next().is_some_and(is_wide);
                if !(prev_cjk && next_cjk) {
                    u.builder.push_synthetic(" ");
                }
                u.builder.push_source(t, src_start);
                u.lines += 1;
            }
            _ => {
                if let Some(u) = cur.take() {
                    units.push(u);
                }
                let mut builder = TextBuilder::default();
                builder.push_source(t, src_start);
                cur = Some(TextBuilderUnit { builder, lines: 1 });
            }
        }
    }
    if let Some(u) = cur {
        units.push(u);
    }
    units
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_headings_and_list_items() {
        let src = "Guide to the harbour\n\nThe harbour is old and busy, and this guide walks through it in order.\n\n1. Getting there\n\nThe ferry leaves every hour from the north pier and takes twenty minutes.\n\nII. What to see\n\nThe lighthouse is open on weekends.\n\n• Bring a coat.\n• Check the tide tables.\n\nRules for visitors:\n1) Stay behind the rail.\n2) Do not feed the gulls.\n- No drones\n\nThe harbour grew 3.5 times in size since 1990.\n-5% is the drop in ferry traffic this year, a figure the port expects to recover.";
        let doc = parse(src);
        let headings: Vec<Option<&str>> =
            doc.sections.iter().map(|s| s.heading.as_deref()).collect();
        assert_eq!(
            headings,
            [None, Some("1. Getting there"), Some("II. What to see")]
        );
        let last: Vec<(BlockKind, &str)> = doc.sections[2]
            .blocks
            .iter()
            .map(|b| (b.kind, b.text.as_str()))
            .collect();
        assert_eq!(
            last,
            [
                (BlockKind::Paragraph, "The lighthouse is open on weekends."),
                (BlockKind::ListItem, "Bring a coat."),
                (BlockKind::ListItem, "Check the tide tables."),
                (BlockKind::Paragraph, "Rules for visitors:"),
                (BlockKind::ListItem, "Stay behind the rail."),
                (BlockKind::ListItem, "Do not feed the gulls."),
                (BlockKind::ListItem, "No drones"),
                (BlockKind::Paragraph, "The harbour grew 3.5 times in size since 1990."),
                (
                    BlockKind::Paragraph,
                    "-5% is the drop in ferry traffic this year, a figure the port expects to recover."
                ),
            ]
        );
        // A list item's source range is its text without the marker.
        for b in doc.sections[2]
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::ListItem)
        {
            let ranges = b.source_ranges(0, b.text.len());
            let from_source: String = ranges.iter().map(|&(a, z)| &src[a..z]).collect();
            assert_eq!(from_source, b.text);
        }
    }

    #[test]
    fn narrow_hard_wraps_and_lower_case_continuations_are_joined() {
        for width in [28, 34] {
            let para = |words: &str| -> String {
                // Wrap at 28 or 34 columns, as a phone or a narrow e-mail client does.
                let mut out = String::new();
                let mut line = String::new();
                for w in words.split(' ') {
                    if !line.is_empty() && line.len() + 1 + w.len() > width {
                        out.push_str(&line);
                        out.push('\n');
                        line.clear();
                    }
                    if !line.is_empty() {
                        line.push(' ');
                    }
                    line.push_str(w);
                }
                out.push_str(&line);
                out
            };
            let a = "The council met on a rainy Tuesday to decide the fate of the old market hall, which had stood empty for nine years.";
            let b = "Nobody expected the vote to be close, but the traders who had once worked there filled the public gallery and spoke for an hour.";
            let src = format!(
            "{}\n\nWhat happens next?\n\n{}\n\nIn the end the hall was\nsaved by a single vote.",
            para(a),
            para(b)
        );
            let doc = parse(&src);
            let texts: Vec<&str> = doc
                .sections
                .iter()
                .flat_map(|s| &s.blocks)
                .map(|b| b.text.as_str())
                .collect();
            assert_eq!(
                texts,
                [a, b, "In the end the hall was saved by a single vote."],
                "{width}"
            );
            assert_eq!(
                doc.sections[1].heading.as_deref(),
                Some("What happens next?")
            );
        }
    }

    #[test]
    fn captions_pasted_twice_become_pictures_without_a_source() {
        let cap = "港口清晨的渔船";
        let src = format!(
            "第一段内容很长，讲了一件事情的开头和经过。\n{cap}{cap}\n第二段继续讲述这件事情的来龙去脉。\n灯塔在雾中\n灯塔在雾中\n最后一段总结全文的观点。\n99999999\nxxxxxxxxxxxx"
        );
        let doc = parse(&src);
        let blocks: Vec<(BlockKind, &str, Option<&str>)> = doc.sections[0]
            .blocks
            .iter()
            .map(|b| (b.kind, b.text.as_str(), b.caption.as_deref()))
            .collect();
        assert_eq!(
            blocks,
            [
                (
                    BlockKind::Paragraph,
                    "第一段内容很长，讲了一件事情的开头和经过。",
                    None
                ),
                (BlockKind::Image, "", Some(cap)),
                (
                    BlockKind::Paragraph,
                    "第二段继续讲述这件事情的来龙去脉。",
                    None
                ),
                (BlockKind::Image, "", Some("灯塔在雾中")),
                (BlockKind::Paragraph, "最后一段总结全文的观点。", None),
                // Digits and one repeated letter are not captions written twice.
                (BlockKind::Paragraph, "99999999", None),
                (BlockKind::Paragraph, "xxxxxxxxxxxx", None),
            ]
        );
    }

    #[test]
    fn headings_bylines_and_footer() {
        let src = "作者:张三\n(资料图)\n编辑:李四\n第一段内容很长，讲了一件事情。\n第二段继续讲述这件事情的来龙去脉。\n问题出在哪里？\n这一段回答了上面的问题，并给出了理由。\n最后一段总结全文的观点。\n关键词:\n京ICP备00000000号-1\n联系我们:a@example.com";
        let doc = parse(src);
        assert_eq!(doc.meta.authors, vec!["张三".to_string()]);
        assert_eq!(
            doc.meta.credits,
            vec![("编辑".to_string(), "李四".to_string())]
        );
        let headings: Vec<_> = doc.sections.iter().map(|s| s.heading.clone()).collect();
        assert_eq!(headings, vec![None, Some("问题出在哪里？".to_string())]);
        assert_eq!(doc.sections[0].blocks.len(), 2);
        assert_eq!(doc.sections[1].blocks.len(), 2);
        let all: String = doc
            .sections
            .iter()
            .flat_map(|s| s.blocks.iter().map(|b| b.text.clone()))
            .collect();
        assert!(!all.contains("ICP") && !all.contains("关键词") && !all.contains("资料图"));
        // Every block maps back to its source text exactly.
        for b in doc.sections.iter().flat_map(|s| &s.blocks) {
            let r = b.source_ranges(0, b.text.len());
            assert_eq!(r.len(), 1);
            assert_eq!(&src[r[0].0..r[0].1], b.text);
        }
    }

    #[test]
    fn hard_wrapped_latin_paragraphs_are_joined() {
        let src = "The first paragraph starts here and it goes on for quite a while\nbefore it ends on this second line of the file.\n\nA second paragraph also runs long enough to be wrapped by the editor\nand continues here until its very end.\n";
        let doc = parse(src);
        let blocks = &doc.sections[0].blocks;
        assert_eq!(blocks.len(), 2);
        assert!(blocks[0].text.contains("while before"));
        let r = blocks[0].source_ranges(0, blocks[0].text.len());
        assert_eq!(r.len(), 2);
    }

    #[test]
    fn hard_wrapped_cjk_paragraphs_and_a_question_heading() {
        let line = "这是一段被编辑器按照固定宽度折行的中文文字，用来测试段落的重新";
        let src = format!(
            "{line}\n{line}\n{line}拼接。\n这个问题应该怎么回答?\n{line}\n{line}\n最后一行很短。\n"
        );
        let doc = parse(&src);
        assert_eq!(doc.sections.len(), 2, "{:?}", doc.sections);
        assert_eq!(
            doc.sections[1].heading.as_deref(),
            Some("这个问题应该怎么回答?")
        );
        let first = &doc.sections[0].blocks;
        assert_eq!(first.len(), 1);
        assert!(first[0].text.contains("重新这是"), "joined without a space");
        assert!(first[0].text.ends_with("拼接。"));
        assert_eq!(doc.sections[1].blocks.len(), 1);
        assert!(doc.sections[1].blocks[0].text.ends_with("最后一行很短。"));
    }

    fn texts(doc: &Document) -> Vec<&str> {
        doc.sections
            .iter()
            .flat_map(|s| &s.blocks)
            .map(|b| b.text.as_str())
            .collect()
    }

    #[test]
    fn header_lines_after_the_title_go_to_meta() {
        let src = "旧城的夜市还热闹吗？\n2023-08-01 20:00  来源：某晚报\n授权转载自 某周刊\n作者：钱庚\n责任编辑：孙辛\n入夜以后，老城区的街巷里支起了一排排摊位，烟火气扑面而来。\n摊主们说，今年的客流比去年多了两成。\n一、摊位从哪里来\n街道办把闲置的停车场改成了夜市，每个摊位每月只收三百元管理费。\n";
        let doc = parse(src);
        assert_eq!(doc.meta.title.as_deref(), Some("旧城的夜市还热闹吗？"));
        assert_eq!(doc.meta.authors, ["钱庚"]);
        assert_eq!(
            doc.meta.credits,
            [("责任编辑".to_string(), "孙辛".to_string())]
        );
        assert_eq!(doc.meta.date.as_deref(), Some("2023-08-01 20:00"));
        assert_eq!(doc.meta.source.as_deref(), Some("某周刊"));
        let headings: Vec<_> = doc.sections.iter().map(|s| s.heading.as_deref()).collect();
        assert_eq!(headings, [None, Some("一、摊位从哪里来")]);
        assert!(texts(&doc)[0].starts_with("入夜以后"));

        // A line of labelled credits at the end is a byline too.
        let doc = parse("入夜以后，老城区的街巷里支起了一排排摊位。\n摊主们说，今年的客流比去年多了两成。\n编辑：孙辛\u{3000}校对：李丁\n");
        assert_eq!(texts(&doc).len(), 2);
        assert_eq!(
            doc.meta.credits,
            [
                ("编辑".to_string(), "孙辛".to_string()),
                ("校对".to_string(), "李丁".to_string())
            ]
        );

        // English: title, byline, dateline; then a subtitle before the byline.
        let body = "\n\nThe ferry resumed its crossings on Monday after a long winter break.\n\nThe operator said the new boat carries twice as many cars as the old one.\n";
        let doc = parse(&format!(
            "Island ferry returns\nBy Ann Roe\nPublished: 3 June 2023{body}"
        ));
        assert_eq!(doc.meta.title.as_deref(), Some("Island ferry returns"));
        assert_eq!(doc.meta.authors, ["Ann Roe"]);
        assert_eq!(doc.meta.date.as_deref(), Some("3 June 2023"));
        assert_eq!(doc.sections.len(), 1);
        let doc = parse(&format!(
            "Island ferry returns\nA new boat for the only link to the mainland\nAuthor: Ann Roe{body}"
        ));
        assert_eq!(
            doc.meta.subtitle.as_deref(),
            Some("A new boat for the only link to the mainland")
        );
        assert_eq!(doc.meta.authors, ["Ann Roe"]);
        assert_eq!(doc.sections.len(), 1);
        assert_eq!(texts(&doc).len(), 2);
        // A byline-shaped line after the first paragraph is content.
        let doc = parse(&format!("Island ferry returns{body}\nAuthor: Ann Roe\n"));
        assert!(doc.meta.authors.is_empty());
    }

    #[test]
    fn web_copy_junk_and_comments_are_dropped() {
        let src = "Home | World | Science | Arts\nHarbour ferry returns after winter\nBy Ann Roe, Transport Reporter\nUpdated 3 June 2023, 09:15 BST\nShare this article\nThe ferry resumed its crossings on Monday after a long winter break for repairs.\n\nThe operator said the new boat carries twice as many cars as the old one did.\nWhat comes next?\nA second route to the island is planned for next spring, the council said.\nAdvertisement\nRelated articles\nNew bridge opens in the north\nBus fares frozen again\n7 Comments\nReader One: Good news for commuters.\nTags: ferries, transport\nFollow us on Mastodon\nSign up for our newsletter\n";
        let doc = parse(src);
        assert_eq!(
            doc.meta.title.as_deref(),
            Some("Harbour ferry returns after winter")
        );
        assert_eq!(doc.meta.authors, ["Ann Roe"]);
        assert_eq!(doc.meta.date.as_deref(), Some("3 June 2023, 09:15 BST"));
        let headings: Vec<_> = doc.sections.iter().map(|s| s.heading.as_deref()).collect();
        assert_eq!(headings, [None, Some("What comes next?")]);
        assert_eq!(
            texts(&doc),
            [
                "The ferry resumed its crossings on Monday after a long winter break for repairs.",
                "The operator said the new boat carries twice as many cars as the old one did.",
                "A second route to the island is planned for next spring, the council said.",
            ]
        );
        assert!(doc
            .dropped
            .iter()
            .any(|d| d.text == "Reader One: Good news for commuters."
                && d.reason.starts_with("comment section")));

        // A WeChat copy: header line, END, prompts, counters, comments.
        let src = "山城的老茶馆\n原创 孙辛 山城笔记 2023年07月15日 09:05 重庆\n老街尽头的茶馆开了四十年，每天清晨都坐满了喝盖碗茶的老人。\n茶馆老板说，现在也有年轻人来这里拍照、写作业。\n他打算明年把二楼改成一个小小的书屋。\nEND\n往期推荐\n码头边的早市\n点击上方蓝字关注我们\n阅读原文\n阅读 3.4万\n分享 收藏 点赞 在看\n写下你的留言\n读者甲：小时候常去，怀念！\n";
        let doc = parse(src);
        assert_eq!(doc.meta.title.as_deref(), Some("山城的老茶馆"));
        assert_eq!(doc.meta.authors, ["孙辛"]);
        assert_eq!(doc.meta.source.as_deref(), Some("山城笔记"));
        assert_eq!(doc.meta.date.as_deref(), Some("2023年07月15日 09:05"));
        assert_eq!(doc.sections.len(), 1);
        let t = texts(&doc);
        assert_eq!(t.len(), 3, "{t:?}");
        assert_eq!(t[2], "他打算明年把二楼改成一个小小的书屋。");

        // A bare "Comments" line followed by more prose than precedes it is a section.
        let src = "Good names make code easier to read than any other habit we teach.\nShort functions help reviewers follow the flow of a change.\nComments\nA comment should say why the code does something, not what it does, and it should be kept up to date.\nStale comments mislead readers more than missing ones, so delete them when the code changes.\n";
        let doc = parse(src);
        assert_eq!(doc.sections.len(), 2);
        assert_eq!(doc.sections[1].heading.as_deref(), Some("Comments"));
        assert_eq!(texts(&doc).len(), 4);

        // Prose that mentions comments or sharing stays.
        let src = "The forum thread drew hundreds of replies within a day of opening.\nComments from residents were mixed, and many shared this article with friends.\nThe council will read every one of them before it votes.\n";
        assert_eq!(texts(&parse(src)).len(), 3);
    }
}
