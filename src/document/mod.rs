//! The Document model (meta, sections, blocks with source ranges) and the parser entry point.

pub mod boilerplate;
pub mod html;
pub mod markdown;
pub mod text;

use serde::Serialize;

use crate::error::ErrorKind;
use crate::import::{Format, Source};

/// A parsed article: metadata and sections, boilerplate removed.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// Title, byline, source, language, encoding, format.
    pub meta: Meta,
    /// Sections in article order; the first may have no heading (the introduction).
    pub sections: Vec<Section>,
    /// Lines or elements removed as boilerplate, with the reason (diagnostics).
    pub dropped: Vec<Dropped>,
    /// Problems the user should hear about that do not stop the conversion: pictures that
    /// are remote (not fetched), missing, outside the article's folder or not pictures
    /// ([`crate::picture::problems`]). One line each, naming the picture.
    pub warnings: Vec<String>,
}

/// Article metadata.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Meta {
    /// The article's own title, when it has one (front matter, `# ` heading or title line).
    pub title: Option<String>,
    /// The line under the title (a standfirst or dek), when the article has one: front
    /// matter `subtitle`, or an HTML page's subtitle element.
    pub subtitle: Option<String>,
    /// The byline as one line, built from [`Meta::authors`] and [`Meta::credits`]:
    /// authors joined by ", ", then each credit as "role name", all joined by " · "
    /// (e.g. "itsukun · 设计 itsukun · 编辑 张铃媛"); `None` when neither names anyone.
    pub byline: Option<String>,
    /// Authors (from `作者:` lines, `By …` lines or front matter).
    pub authors: Vec<String>,
    /// Other credits as (role, name), e.g. ("编辑", "张铃媛").
    pub credits: Vec<(String, String)>,
    /// Where the article was reprinted from (`授权转载自 X`, `来源: X`).
    pub source: Option<String>,
    /// The publisher that reprinted it (the part before `授权转载自`).
    pub publisher: Option<String>,
    /// The article's address on the web (an absolute `http(s)` URL), when the file says
    /// where it came from: a page's canonical link or `og:url`, front matter `url`.
    pub url: Option<String>,
    /// Publication date as written in the front matter or page meta.
    pub date: Option<String>,
    /// A one-line description (front matter `description`/`summary`, HTML
    /// `og:description`/`<meta name="description">`).
    pub description: Option<String>,
    /// Language, ISO 639-1 ("zh", "ja", "en", "de" …): for HTML the page's declared
    /// `lang` unless the text is detected as Chinese, Japanese or Korean; otherwise
    /// [`detect_language`] on the text.
    pub language: String,
    /// Encoding the file was decoded from.
    pub encoding: String,
    /// Detected input format.
    pub format: Format,
}

/// A section: an optional heading and its blocks.
///
/// Serialised as `{"heading": null | {"text": "…", "level": 2}, "blocks": [...]}`: the
/// heading is article text, so it sits under a `text` key like every block's text.
#[derive(Debug, Clone)]
pub struct Section {
    /// Heading text (plain), `None` for an untitled introduction.
    pub heading: Option<String>,
    /// Heading level 1–6 (plain-text headings count as 2).
    pub level: u8,
    /// Content blocks in order.
    pub blocks: Vec<Block>,
}

impl Serialize for Section {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        #[derive(Serialize)]
        struct Heading<'a> {
            text: &'a str,
            level: u8,
        }
        let mut st = ser.serialize_struct("Section", 2)?;
        st.serialize_field(
            "heading",
            &self.heading.as_deref().map(|text| Heading {
                text,
                level: self.level,
            }),
        )?;
        st.serialize_field("blocks", &self.blocks)?;
        st.end()
    }
}

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// A paragraph of prose.
    Paragraph,
    /// A block quote.
    Quote,
    /// One list item.
    ListItem,
    /// Preformatted code (never made into bullets).
    Code,
    /// An image; `src` holds its reference, `caption` and `alt` its words; `text` is empty
    /// (a picture has no running text of its own).
    Image,
    /// A table, its cells joined by " | " per row (never made into bullets yet).
    Table,
}

/// One block of content: plain text plus where each piece of it came from.
#[derive(Debug, Clone, Serialize)]
pub struct Block {
    /// Block kind.
    pub kind: BlockKind,
    /// Plain text, no markup.
    pub text: String,
    /// Image reference (for [`BlockKind::Image`]); `None` for a caption whose picture
    /// the copied text lost.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub src: Option<String>,
    /// Image caption (`<figcaption>`, or in plain text a caption line pasted twice whose
    /// picture was lost in the copy), when the image has one; `text` is then empty.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// Image alt text (HTML `alt`), when given; for HTML images `text` is the caption only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alt: Option<String>,
    /// Who a quote is attributed to (`<blockquote cite>` / `<cite>`), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cite: Option<String>,
    /// Map from `text` to the source: `(text_start, source_start, len)` byte triples, sorted.
    #[serde(skip)]
    pub pieces: Vec<(usize, usize, usize)>,
}

impl Block {
    /// Maps the byte range `[start, end)` of this block's `text` to byte ranges of the
    /// decoded source text (one range per contiguous source piece it touches).
    pub fn source_ranges(&self, start: usize, end: usize) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = Vec::new();
        // Pieces are sorted and do not overlap: skip those that end before `start` and
        // stop at the first that starts at or after `end`, so a range costs its own
        // pieces, not the whole block's (a megabyte on one line has thousands).
        let first = self.pieces.partition_point(|&(t, _, len)| t + len <= start);
        for &(t, s, len) in &self.pieces[first..] {
            if t >= end {
                break;
            }
            let (a, b) = (start.max(t), end.min(t + len));
            if a < b {
                let range = (s + a - t, s + b - t);
                match out.last_mut() {
                    Some(last) if last.1 == range.0 => last.1 = range.1,
                    _ => out.push(range),
                }
            }
        }
        out
    }

    /// [`Block::source_ranges`] of several byte ranges of this block's `text` (in order),
    /// as one list: ranges that touch are merged.
    pub fn source_ranges_of(&self, pieces: &[(usize, usize)]) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = Vec::new();
        for &(start, end) in pieces {
            for r in self.source_ranges(start, end) {
                match out.last_mut() {
                    Some(last) if last.1 == r.0 => last.1 = r.1,
                    _ => out.push(r),
                }
            }
        }
        out
    }
}

/// Builds a block's text and its source map piece by piece.
#[derive(Debug, Default)]
pub(crate) struct TextBuilder {
    text: String,
    pieces: Vec<(usize, usize, usize)>,
}

impl TextBuilder {
    /// Appends `s`, which is the source slice starting at byte `src_start`.
    pub(crate) fn push_source(&mut self, s: &str, src_start: usize) {
        if s.is_empty() {
            return;
        }
        self.pieces.push((self.text.len(), src_start, s.len()));
        self.text.push_str(s);
    }

    /// Appends text that has no source (a joining space).
    pub(crate) fn push_synthetic(&mut self, s: &str) {
        self.text.push_str(s);
    }

    /// The text so far.
    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    /// Finishes into a block, trimming surrounding whitespace; `None` if empty.
    pub(crate) fn finish(self, kind: BlockKind) -> Option<Block> {
        let trimmed = self.text.trim();
        if trimmed.is_empty() {
            return None;
        }
        let lead = self.text.len() - self.text.trim_start().len();
        let text = trimmed.to_string();
        let end = lead + text.len();
        let pieces = self
            .pieces
            .into_iter()
            .filter_map(|(t, s, len)| {
                let (a, b) = (t.max(lead), (t + len).min(end));
                (a < b).then(|| (a - lead, s + a - t, b - a))
            })
            .collect();
        Some(Block {
            kind,
            text,
            src: None,
            caption: None,
            alt: None,
            cite: None,
            pieces,
        })
    }
}

/// A removed line or element and why it was removed.
#[derive(Debug, Clone, Serialize)]
pub struct Dropped {
    /// The removed text.
    pub text: String,
    /// Why, e.g. "footer: ICP licence number".
    pub reason: String,
}

/// Headings of a work's back matter (reference lists, "see also" and external-link lists
/// of encyclopedia pages and papers), compared whole, lower-cased, without trailing
/// punctuation. Such sections cite or point elsewhere: they are no slide material.
const BACK_MATTER_HEADINGS: &[&str] = &[
    "references",
    "see also",
    "external links",
    "further reading",
    "bibliography",
    "citations",
    "footnotes",
    "notes and references",
    "works cited",
    "参考文献",
    "参考资料",
    "外部链接",
    "相关条目",
    "脚注",
    "参见",
];

/// True when `heading` is a back-matter heading ([`BACK_MATTER_HEADINGS`]).
pub fn is_back_matter_heading(heading: &str) -> bool {
    let h = heading
        .trim()
        .trim_end_matches(|c: char| c.is_ascii_punctuation() || "：。".contains(c))
        .to_lowercase();
    BACK_MATTER_HEADINGS.contains(&h.as_str())
}

/// The one-line byline of `meta` (see [`Meta::byline`]).
fn byline(meta: &Meta) -> Option<String> {
    let mut parts = Vec::new();
    if !meta.authors.is_empty() {
        parts.push(meta.authors.join(", "));
    }
    for (role, name) in &meta.credits {
        parts.push(format!("{role} {name}"));
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// Removes back-matter sections (see [`is_back_matter_heading`]), listing each removed
/// block in `doc.dropped`.
fn drop_back_matter(doc: &mut Document) {
    let mut kept = Vec::with_capacity(doc.sections.len());
    for section in std::mem::take(&mut doc.sections) {
        match section.heading.as_deref() {
            Some(h) if is_back_matter_heading(h) => {
                let reason = format!("back matter: section \"{h}\"");
                doc.dropped.push(Dropped {
                    text: h.to_string(),
                    reason: reason.clone(),
                });
                for b in &section.blocks {
                    doc.dropped.push(Dropped {
                        text: b.text.clone(),
                        reason: reason.clone(),
                    });
                }
            }
            _ => kept.push(section),
        }
    }
    doc.sections = kept;
}

/// Reads the combined header lines ([`boilerplate::LineClass::Header`]: "作者：甲　编辑：乙",
/// "2024-04-02 10:15 来源：某报 作者：甲") among the paragraphs of an HTML or Markdown
/// document into `meta` (credits; source and date if none yet), listing each in
/// `doc.dropped`: such a line is a byline wherever it stands. Before the first paragraph of
/// prose, an unlabelled author-and-date line ([`boilerplate::name_and_date_line`]) is read
/// too. The plain-text parser reads its header itself.
fn read_header_lines(doc: &mut Document) {
    // Before the first paragraph of prose: the article header, where an unlabelled
    // "name column date" line is the byline and date.
    let mut in_header = true;
    for section in &mut doc.sections {
        let mut i = 0;
        while i < section.blocks.len() {
            let b = &section.blocks[i];
            if in_header && b.kind == BlockKind::Paragraph {
                if let Some((name, date)) = boilerplate::name_and_date_line(&b.text) {
                    if let Some(name) = name {
                        add_credit(&mut doc.meta, "作者", &name);
                    }
                    if doc.meta.date.is_none() {
                        doc.meta.date = Some(date);
                    }
                    let b = section.blocks.remove(i);
                    doc.dropped.push(Dropped {
                        text: b.text,
                        reason: "byline: author and date line".to_string(),
                    });
                    continue;
                }
                if b.text.chars().count() > 40 {
                    in_header = false;
                }
            }
            let b = &section.blocks[i];
            let header = match b.kind {
                BlockKind::Paragraph => boilerplate::classify(&b.text),
                _ => boilerplate::LineClass::Content,
            };
            let boilerplate::LineClass::Header(h) = header else {
                i += 1;
                continue;
            };
            apply_header(&mut doc.meta, h);
            let b = section.blocks.remove(i);
            doc.dropped.push(Dropped {
                text: b.text,
                reason: "byline: header line".to_string(),
            });
        }
    }
}

/// Records a header line's credits in `meta`, and its source, publisher and date where
/// none is known yet (the first header line that names one wins). Shared by the
/// plain-text header and [`read_header_lines`].
pub(crate) fn apply_header(meta: &mut Meta, h: boilerplate::HeaderLine) {
    for (role, name) in &h.credits {
        add_credit(meta, role, name);
    }
    if meta.source.is_none() {
        meta.source = h.source;
    }
    if meta.publisher.is_none() {
        meta.publisher = h.publisher;
    }
    if meta.date.is_none() {
        meta.date = h.date;
    }
}

/// Ends the article at the first heading or standalone paragraph that opens reader
/// comments ([`boilerplate::is_comment_start`]: "12 Comments", "Leave a comment", "网友评论";
/// not a bare "Comments", which may be the article's own section) once two prose blocks
/// came before it: that block and everything after it are listed in `doc.dropped`.
fn drop_comment_section(doc: &mut Document) {
    let opens = |t: &str| boilerplate::is_comment_start(t) && !boilerplate::is_bare_comment_word(t);
    let mut prose = 0;
    let mut cut = None;
    'find: for (si, s) in doc.sections.iter().enumerate() {
        if prose >= 2 && s.heading.as_deref().is_some_and(opens) {
            cut = Some((si, None));
            break;
        }
        for (bi, b) in s.blocks.iter().enumerate() {
            if prose >= 2 && b.kind == BlockKind::Paragraph && opens(&b.text) {
                cut = Some((si, Some(bi)));
                break 'find;
            }
            if matches!(
                b.kind,
                BlockKind::Paragraph | BlockKind::Quote | BlockKind::ListItem
            ) {
                prose += 1;
            }
        }
    }
    let Some((si, bi)) = cut else { return };
    let reason = "comment section (everything after a comment-section line)";
    let mut rest = doc.sections.split_off(si);
    if let Some(bi) = bi {
        let mut first = rest.remove(0);
        let tail = first.blocks.split_off(bi);
        doc.sections.push(first);
        for b in tail {
            doc.dropped.push(Dropped {
                text: b.text,
                reason: reason.to_string(),
            });
        }
    }
    for s in rest {
        for text in s
            .heading
            .into_iter()
            .chain(s.blocks.into_iter().map(|b| b.text))
        {
            doc.dropped.push(Dropped {
                text,
                reason: reason.to_string(),
            });
        }
    }
}

/// Parses a decoded source into a document.
///
/// Errors: [`ErrorKind::NoContent`] when no paragraph, quote or list text remains;
/// [`ErrorKind::TooManyBlocks`] when blocks plus headings exceed
/// [`crate::limits::MAX_BLOCKS`]; [`ErrorKind::TooDeep`] when an HTML page nests
/// elements deeper than [`crate::limits::MAX_NESTING_DEPTH`] ([`html::nesting_depth`]).
pub fn parse(source: &Source) -> Result<Document, ErrorKind> {
    let mut doc = match source.format {
        Format::Markdown => markdown::parse(&source.text),
        Format::Text => text::parse(&source.text),
        Format::Html => {
            // The HTML tree builder checks scopes by walking the open elements, which is
            // quadratic in the nesting depth: refuse absurd depths before parsing.
            let depth = html::nesting_depth(&source.text);
            if depth > crate::limits::MAX_NESTING_DEPTH {
                return Err(ErrorKind::TooDeep {
                    depth,
                    limit: crate::limits::MAX_NESTING_DEPTH,
                });
            }
            html::parse(&source.text)
        }
    };
    doc.meta.encoding = source.encoding.to_string();
    doc.meta.format = source.format;
    if doc.meta.language.is_empty() {
        doc.meta.language = if source.format == Format::Html {
            // The page's markup would outweigh its text: judge the extracted blocks.
            let text: String = doc
                .sections
                .iter()
                .flat_map(|s| &s.blocks)
                .map(|b| b.text.as_str())
                .collect();
            detect_language(&text).to_string()
        } else {
            detect_language(&source.text).to_string()
        };
    }
    drop_back_matter(&mut doc);
    read_header_lines(&mut doc);
    drop_comment_section(&mut doc);
    doc.meta.byline = byline(&doc.meta);
    // A title line that leads into its subtitle ("如何……——", "Why X:") ends in the dash
    // or colon that joined them; a title slide shows it without.
    if let Some(title) = doc.meta.title.as_mut() {
        let trimmed = title.trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '—' | '–' | '-' | ':' | '：' | '|' | '｜' | '·')
        });
        if !trimmed.is_empty() && trimmed.len() < title.len() {
            *title = trimmed.to_string();
        }
    }
    doc.sections
        .retain(|s| !s.blocks.is_empty() || s.heading.is_some());
    // Prose with at least one visible character (not only zero-width or control ones).
    let has_prose = doc.sections.iter().flat_map(|s| &s.blocks).any(|b| {
        matches!(
            b.kind,
            BlockKind::Paragraph | BlockKind::Quote | BlockKind::ListItem
        ) && b.text.chars().any(|c| {
            !c.is_whitespace()
                && !c.is_control()
                && !matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
        })
    });
    if !has_prose {
        return Err(ErrorKind::NoContent);
    }
    let count: usize = doc
        .sections
        .iter()
        .map(|s| s.blocks.len() + usize::from(s.heading.is_some()))
        .sum();
    if count > crate::limits::MAX_BLOCKS {
        return Err(ErrorKind::TooManyBlocks {
            count,
            limit: crate::limits::MAX_BLOCKS,
        });
    }
    let srcs = doc
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter(|b| b.kind == BlockKind::Image)
        .filter_map(|b| b.src.as_deref());
    doc.warnings = crate::picture::problems(
        srcs,
        crate::picture::article_folder(&source.path).as_deref(),
    );
    Ok(doc)
}

/// `u` trimmed when it is an absolute `http:` or `https:` URL without spaces (a page's
/// own address); `None` otherwise (relative links, other schemes).
pub fn web_url(u: &str) -> Option<String> {
    let u = u.trim();
    let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    let ok = (lower.starts_with("http://") || lower.starts_with("https://"))
        && u.len() > 10
        && !u.chars().any(char::is_whitespace);
    ok.then(|| u.to_string())
}

/// True for Han ideographs, kana and Hangul (the scripts written without spaces).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0xAC00..=0xD7AF | 0x20000..=0x2FA1F)
}

/// The article's language as an ISO 639-1 code ("zh", "ja", "ko", "en", "de", "fr", …),
/// guessed from the first 20,000 characters of `text`.
///
/// Method: texts where CJK characters make up at least a fifth of the letters are
/// Japanese when kana are at least a tenth of those characters, Korean when Hangul
/// outnumbers Han, else Chinese (a script count, reliable on the mixed Han-Latin text of
/// Chinese web copies); other texts go to `whatlang`'s trigram detector (the method of
/// Cavnar & Trenkle 1994), mapped from ISO 639-3 to 639-1. Falls back to "en" when
/// nothing can be told (no letters, or a language without a two-letter code).
pub fn detect_language(text: &str) -> &'static str {
    let sample: String = text.chars().take(20_000).collect();
    let (mut han, mut kana, mut hangul, mut letters) = (0usize, 0usize, 0usize, 0usize);
    for c in sample.chars() {
        match c as u32 {
            0x3040..=0x30FF => kana += 1,
            0xAC00..=0xD7AF => hangul += 1,
            _ if is_cjk(c) => han += 1,
            _ if c.is_alphabetic() => {}
            _ => continue,
        }
        letters += 1;
    }
    let cjk = han + kana + hangul;
    if letters > 0 && cjk * 5 >= letters {
        return if kana * 10 >= cjk {
            "ja"
        } else if hangul > han {
            "ko"
        } else {
            "zh"
        };
    }
    let Some(info) = whatlang::detect(&sample) else {
        return "en";
    };
    iso639_1(info.lang().code())
}

/// True for the languages written without spaces between words that need CJK line
/// breaking and word segmentation (Chinese and Japanese).
pub fn is_cjk_language(language: &str) -> bool {
    matches!(language, "zh" | "ja")
}

/// ISO 639-1 code for an ISO 639-3 code from `whatlang` ("en" when there is none).
fn iso639_1(code: &str) -> &'static str {
    const MAP: &[(&str, &str)] = &[
        ("eng", "en"),
        ("deu", "de"),
        ("fra", "fr"),
        ("spa", "es"),
        ("por", "pt"),
        ("ita", "it"),
        ("nld", "nl"),
        ("rus", "ru"),
        ("ukr", "uk"),
        ("pol", "pl"),
        ("ces", "cs"),
        ("slk", "sk"),
        ("slv", "sl"),
        ("hrv", "hr"),
        ("srp", "sr"),
        ("bul", "bg"),
        ("ron", "ro"),
        ("hun", "hu"),
        ("fin", "fi"),
        ("swe", "sv"),
        ("nob", "nb"),
        ("dan", "da"),
        ("est", "et"),
        ("lav", "lv"),
        ("lit", "lt"),
        ("ell", "el"),
        ("tur", "tr"),
        ("ara", "ar"),
        ("heb", "he"),
        ("pes", "fa"),
        ("urd", "ur"),
        ("hin", "hi"),
        ("ben", "bn"),
        ("mar", "mr"),
        ("tam", "ta"),
        ("tel", "te"),
        ("kan", "kn"),
        ("mal", "ml"),
        ("guj", "gu"),
        ("pan", "pa"),
        ("tha", "th"),
        ("vie", "vi"),
        ("ind", "id"),
        ("jav", "jv"),
        ("tgl", "tl"),
        ("cmn", "zh"),
        ("jpn", "ja"),
        ("kor", "ko"),
        ("cat", "ca"),
        ("epo", "eo"),
        ("afr", "af"),
        ("bel", "be"),
        ("kat", "ka"),
        ("hye", "hy"),
        ("aze", "az"),
        ("uzb", "uz"),
        ("khm", "km"),
        ("mya", "my"),
        ("sin", "si"),
        ("nep", "ne"),
        ("amh", "am"),
        ("yid", "yi"),
        ("zul", "zu"),
        ("sna", "sn"),
        ("aka", "ak"),
        ("lat", "la"),
        ("ori", "or"),
        ("mkd", "mk"),
        ("tuk", "tk"),
        ("hau", "ha"),
    ];
    MAP.iter()
        .find(|(three, _)| *three == code)
        .map_or("en", |(_, two)| two)
}

/// Whether a byline role names the author ("By", 作者, 文, 撰文, 记者) rather than another
/// credit (编辑, 设计, 责任编辑 …).
pub(crate) fn is_author_role(role: &str) -> bool {
    matches!(
        role,
        "作者"
            | "By"
            | "文"
            | "撰文"
            | "记者"
            | "記者"
            | "著者"
            | "筆者"
            | "執筆"
            | "글쓴이"
            | "작성자"
            | "기자"
    )
}

/// Records a byline credit in `meta`: author roles ("By", 作者, 文, 撰文, 记者, and the
/// Traditional Chinese, Japanese and Korean labels 記者, 著者, 筆者, 執筆, 글쓴이, 작성자, 기자; several
/// names split at 、 , ， &) go to `meta.authors` once each, any other role (编辑, 设计,
/// 责任编辑 …) to `meta.credits` as (role, name), also once each (a page pasted twice repeats
/// its credits).
pub(crate) fn add_credit(meta: &mut Meta, role: &str, name: &str) {
    match role {
        r if is_author_role(r) => {
            for n in name.split(['、', ',', '，', '&']).map(str::trim) {
                if !n.is_empty() && !meta.authors.iter().any(|a| a == n) {
                    meta.authors.push(n.to_string());
                }
            }
        }
        _ => {
            let credit = (role.to_string(), name.to_string());
            if !meta.credits.contains(&credit) {
                meta.credits.push(credit);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_by_script_and_trigrams() {
        assert_eq!(detect_language("今天的天气很好，我们去公园散步吧。"), "zh");
        assert_eq!(
            detect_language("子どもへの体罰を禁止する法律ができました。"),
            "ja"
        );
        assert_eq!(
            detect_language("오늘은 날씨가 좋아서 공원에 산책하러 갔습니다."),
            "ko"
        );
        assert_eq!(
            detect_language("Die Bundesregierung hat am Mittwoch einen neuen Gesetzentwurf beschlossen, der die Mieten begrenzen soll."),
            "de"
        );
        assert_eq!(
            detect_language(
                "The council voted on Tuesday to reopen the harbour after a week of repairs."
            ),
            "en"
        );
        assert_eq!(detect_language(""), "en");
        assert!(is_cjk_language("ja") && is_cjk_language("zh") && !is_cjk_language("ko"));
    }

    #[test]
    fn back_matter_sections_are_dropped_with_a_reason() {
        let md = "# Harbour lights\n\nThe harbour lamps were lit by hand until the year the \
                  tide gauge was automated, and the keepers kept a log of every night.\n\n\
                  ## See also\n\n- Lighthouse\n\n## References:\n\n1. A keeper's log, 1921.\n\n\
                  ## Notes on the lamps\n\nEach lamp burned whale oil first and paraffin later, \
                  and the keepers trimmed the wicks at dusk.\n";
        let source = Source {
            text: md.to_string(),
            format: Format::Markdown,
            path: "harbour.md".into(),
            encoding: "UTF-8",
        };
        let doc = parse(&source).unwrap();
        let heads: Vec<_> = doc.sections.iter().map(|s| s.heading.as_deref()).collect();
        assert!(heads.contains(&Some("Notes on the lamps")), "{heads:?}");
        assert!(!heads.contains(&Some("See also")), "{heads:?}");
        assert!(!heads
            .iter()
            .any(|h| h.is_some_and(|h| h.starts_with("References"))));
        assert!(doc
            .dropped
            .iter()
            .any(|d| d.text.contains("A keeper's log") && d.reason.starts_with("back matter")));
        assert!(is_back_matter_heading("参考文献"));
        assert!(is_back_matter_heading(" External links "));
        assert!(!is_back_matter_heading("References to the sea in poetry"));
    }

    #[test]
    fn html_header_lines_and_comment_sections() {
        let html = "<html><body><article><h1>渡轮恢复运营</h1>\
            <div>2023-11-05 14:20 来源：某市日报 作者：钱庚\u{3000}编辑：孙辛</div>\
            <p>停航半年的渡轮周一恢复了每日航班，岛上九百名居民重新有了通往大陆的公共交通。</p>\
            <p>运营方表示，新船可以搭载六十辆汽车和三百名乘客，运力是旧船的两倍。</p>\
            <h3>12 Comments</h3><p>Reader one wrote that the timetable still does not suit late shifts on the mainland.</p>\
            <p>Reply · Like · Report</p></article></body></html>";
        let source = Source {
            text: html.to_string(),
            format: Format::Html,
            path: "ferry.html".into(),
            encoding: "UTF-8",
        };
        let doc = parse(&source).unwrap();
        assert_eq!(doc.meta.authors, ["钱庚"]);
        assert_eq!(doc.meta.credits, [("编辑".to_string(), "孙辛".to_string())]);
        assert_eq!(doc.meta.source.as_deref(), Some("某市日报"));
        assert_eq!(doc.meta.date.as_deref(), Some("2023-11-05 14:20"));
        let texts: Vec<&str> = doc
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .map(|b| b.text.as_str())
            .collect();
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert!(texts[0].starts_with("停航半年"));
        assert!(doc.sections.iter().all(|s| s.heading.is_none()));
        assert!(doc
            .dropped
            .iter()
            .any(|d| d.text.starts_with("Reader one") && d.reason.starts_with("comment section")));
        // A bare "Comments" heading may be the article's own section: it stays.
        let html = "<html><body><article><h1>Style notes</h1><p>Good names make code easier \
                    to read than any other habit we teach in the course.</p><p>Short functions \
                    help reviewers follow the flow.</p><h2>Comments</h2><p>A comment should say \
                    why the code does something, not what it does.</p></article></body></html>";
        let source = Source {
            text: html.to_string(),
            format: Format::Html,
            path: "style.html".into(),
            encoding: "UTF-8",
        };
        let doc = parse(&source).unwrap();
        assert!(
            doc.sections
                .iter()
                .flat_map(|s| &s.blocks)
                .any(|b| b.text.starts_with("A comment should say why")),
            "{:?}",
            doc.dropped
        );
    }
}
