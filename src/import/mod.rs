//! Reads an article file, decodes it to text and detects its format → [`Source`].
//!
//! Decoding (BOM, UTF-8, charset hints, detection) lives in [`decode`].

pub mod decode;

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{Error, ErrorKind};

pub use crate::limits::MAX_INPUT_BYTES;

/// The article's format, detected from the extension and the content.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// CommonMark / GFM Markdown.
    Markdown,
    #[default]
    /// Plain text (e.g. copied from a web page).
    Text,
    /// An HTML page (e.g. saved from a browser).
    Html,
}

/// A decoded article: its text and where it came from.
#[derive(Debug, Clone)]
pub struct Source {
    /// The decoded text, LF line endings, without BOM. Byte ranges elsewhere index into this.
    pub text: String,
    /// Detected format.
    pub format: Format,
    /// The file read.
    pub path: PathBuf,
    /// Encoding the bytes were decoded from, as `encoding_rs` names it ("UTF-8", "GBK",
    /// "Shift_JIS", "UTF-16LE" …), or "UTF-8 with BOM".
    pub encoding: &'static str,
}

/// Reads and decodes the file at `path`, refusing files over [`MAX_INPUT_BYTES`].
///
/// Errors: as [`read_source_limited`].
pub fn read_source(path: &Path) -> Result<Source, Error> {
    read_source_limited(path, MAX_INPUT_BYTES)
}

/// Reads and decodes the file at `path`, refusing files over `max_bytes` bytes.
///
/// The format is sniffed from the extension and the first bytes (so an HTML page's
/// declared charset can serve as a decoding hint); Markdown and plain text are told apart
/// on the decoded text ([`detect_format`]).
///
/// Errors: [`ErrorKind::NotFound`], [`ErrorKind::IsDirectory`],
/// [`ErrorKind::NotRegularFile`] (a pipe, socket or device), [`ErrorKind::Io`]
/// (e.g. permission denied), [`ErrorKind::TooLarge`], [`ErrorKind::Empty`] (no bytes or
/// whitespace only), [`ErrorKind::NotText`] (binary data, or bytes that are text in no
/// known encoding).
pub fn read_source_limited(path: &Path, max_bytes: u64) -> Result<Source, Error> {
    let err = |kind| Error::new(path, kind);
    let meta = std::fs::metadata(path).map_err(|e| err(ErrorKind::from_io(e, "read")))?;
    if meta.is_dir() {
        return Err(err(ErrorKind::IsDirectory));
    }
    // A FIFO would block the open until a writer comes; /dev/zero never ends.
    if !meta.is_file() {
        return Err(err(ErrorKind::NotRegularFile));
    }
    if meta.len() > max_bytes {
        return Err(err(ErrorKind::TooLarge {
            size: meta.len(),
            limit: max_bytes,
        }));
    }
    let file = std::fs::File::open(path).map_err(|e| err(ErrorKind::from_io(e, "read")))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The file may grow between the size check and the read: read one byte past the limit.
    file.take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| err(ErrorKind::from_io(e, "read")))?;
    if bytes.len() as u64 > max_bytes {
        return Err(err(ErrorKind::TooLarge {
            size: bytes.len() as u64,
            limit: max_bytes,
        }));
    }
    source_from_bytes(path, &bytes)
}

/// Decodes `bytes` as the contents of a file named `path` (the name is used only to
/// detect the format and in errors; nothing is read from disk). No size limit is applied.
///
/// Errors: [`ErrorKind::Empty`] (no bytes or whitespace only), [`ErrorKind::NotText`]
/// (binary data, or bytes that are text in no known encoding).
pub fn source_from_bytes(path: &Path, bytes: &[u8]) -> Result<Source, Error> {
    let err = |kind| Error::new(path, kind);
    let looks_html = is_html_path(path) || sniff_html(bytes);
    let hint = if looks_html {
        html_charset_hint(bytes)
    } else {
        None
    };
    let decoded = decode::decode(bytes, hint.as_deref()).map_err(err)?;
    let format = if looks_html {
        Format::Html
    } else {
        detect_format(path, &decoded.text)
    };
    Ok(Source {
        text: decoded.text,
        format,
        path: path.to_path_buf(),
        encoding: decoded.encoding,
    })
}

fn is_html_path(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "html" | "htm" | "xhtml"))
}

/// True when the first non-blank bytes (after a BOM, comments aside) open an HTML
/// document: `<!doctype html`, `<html`, `<head`, or an XML declaration followed by `<html`.
pub fn sniff_html(bytes: &[u8]) -> bool {
    let head: Vec<u8> = bytes
        .iter()
        .take(2048)
        .filter(|&&b| b != 0)
        .map(u8::to_ascii_lowercase)
        .collect();
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace() && !matches!(b, 0xEF | 0xBB | 0xBF | 0xFF | 0xFE))
        .unwrap_or(head.len());
    let head = &head[start..];
    let opens = |p: &[u8]| head.starts_with(p);
    if opens(b"<!doctype html") || opens(b"<html") || opens(b"<head") {
        return true;
    }
    (opens(b"<?xml") || opens(b"<!--")) && head.windows(5).any(|w| w == b"<html")
}

/// The charset an HTML page declares in its first 4 KB (`<meta charset=…>` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">`), lower-cased.
pub fn html_charset_hint(bytes: &[u8]) -> Option<String> {
    let head: Vec<u8> = bytes
        .iter()
        .take(4096)
        .map(u8::to_ascii_lowercase)
        .collect();
    let at = head.windows(8).position(|w| w == b"charset=")? + 8;
    let value: String = head[at..]
        .iter()
        .skip_while(|&&b| b == b'"' || b == b'\'' || b == b' ')
        .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .map(|&b| b as char)
        .collect();
    (!value.is_empty()).then_some(value)
}

/// Picks Markdown for `.md`/`.markdown` files, or for other files whose lines look like
/// Markdown (ATX headings, front matter, links); plain text otherwise. A `.txt`/`.text`
/// file is Markdown only when the evidence is strong ([`markdown_evidence`]): Markdown
/// saved with a text extension is common, while plain-text web copies may carry a stray
/// `#` or bracket.
pub fn detect_format(path: &Path, text: &str) -> Format {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("md" | "markdown" | "mdown" | "mkd") => Format::Markdown,
        Some("txt" | "text") => {
            let e = markdown_evidence(text);
            // Several headings of two levels ("# Title", "## Part") are an outline, which
            // a stray "#" in a web copy never makes.
            let outline = e.heading_lines >= 2 && (e.heading_levels >= 2 || e.kinds() >= 2);
            if (e.front_matter && e.kinds() >= 2) || e.kinds() >= 3 || outline {
                Format::Markdown
            } else {
                Format::Text
            }
        }
        _ => {
            let marks = text
                .lines()
                .take(200)
                .filter(|l| {
                    l.starts_with("# ")
                        || l.starts_with("## ")
                        || l.starts_with("```")
                        || l.contains("](")
                        || *l == "+++"
                        || *l == "---"
                })
                .count();
            if marks >= 2 {
                Format::Markdown
            } else {
                Format::Text
            }
        }
    }
}

/// Which kinds of Markdown syntax a text uses, in its first 500 lines.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MarkdownEvidence {
    /// A YAML (`---`) or TOML (`+++`) block at the very top with at least two
    /// `key: value` / `key = value` lines, closed within 60 lines.
    pub front_matter: bool,
    /// An ATX heading line (`#` to `######`, a space, a word).
    pub heading: bool,
    /// How many ATX heading lines there are.
    pub heading_lines: usize,
    /// How many different ATX heading levels there are (`#` and `##` → 2).
    pub heading_levels: usize,
    /// An image `![alt](src)`.
    pub image: bool,
    /// An inline link `[text](http…)`, `[text](/…)`, `[text](#…)` or `[text](x.md)`.
    pub link: bool,
    /// A fenced code block (a ```` ``` ```` or `~~~` line, opened and closed).
    pub fence: bool,
    /// An HTML comment `<!-- … -->`.
    pub comment: bool,
    /// A footnote definition line `[^label]: …`.
    pub footnote: bool,
}

impl MarkdownEvidence {
    /// How many kinds of Markdown syntax were seen (0–7).
    pub fn kinds(&self) -> usize {
        [
            self.front_matter,
            self.heading,
            self.image,
            self.link,
            self.fence,
            self.comment,
            self.footnote,
        ]
        .iter()
        .filter(|&&x| x)
        .count()
    }
}

/// Looks for Markdown syntax in the first 500 lines of `text` (see [`MarkdownEvidence`]).
pub fn markdown_evidence(text: &str) -> MarkdownEvidence {
    let mut e = MarkdownEvidence::default();
    let lines: Vec<&str> = text.lines().take(500).collect();
    if let Some(fence @ ("---" | "+++")) = lines.first().map(|l| l.trim_end()) {
        let sep = if fence == "---" { ':' } else { '=' };
        if let Some(close) = lines
            .iter()
            .take(60)
            .skip(1)
            .position(|l| l.trim_end() == fence)
        {
            let keys = lines[1..=close]
                .iter()
                .filter(|l| {
                    l.split_once(sep).is_some_and(|(k, _)| {
                        let k = k.trim();
                        !k.is_empty()
                            && !l.starts_with([' ', '\t'])
                            && k.chars()
                                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                    })
                })
                .count();
            e.front_matter = keys >= 2;
        }
    }
    let mut fences = 0;
    let mut levels = [false; 6];
    for l in &lines {
        let t = l.trim_start();
        let hashes = t.chars().take_while(|&c| c == '#').count();
        if (1..=6).contains(&hashes)
            && t[hashes..].starts_with(' ')
            && t[hashes..]
                .trim()
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        {
            e.heading = true;
            e.heading_lines += 1;
            levels[hashes - 1] = true;
        }
        if t.starts_with("```") || t.starts_with("~~~") {
            fences += 1;
        }
        if t.starts_with("[^") && t.contains("]:") {
            e.footnote = true;
        }
        if l.contains("<!--") && text.contains("-->") {
            e.comment = true;
        }
        let mut rest = *l;
        while let Some(i) = rest.find("](") {
            let before = &rest[..i];
            let after = &rest[i + 2..];
            let closed = after.find(')').is_some_and(|j| {
                let dest = &after[..j];
                !dest.is_empty() && !dest.contains(char::is_whitespace) || dest.contains(" \"")
            });
            if let Some(open) = before.rfind('[') {
                if closed && open > 0 && before[..open].ends_with('!') {
                    e.image = true;
                } else if closed
                    && ["http://", "https://", "/", "#", "./", "mailto:"]
                        .iter()
                        .any(|p| after.starts_with(p))
                    || after.split(')').next().is_some_and(|d| d.ends_with(".md"))
                {
                    e.link = true;
                }
            }
            rest = after;
        }
    }
    e.fence = fences >= 2;
    e.heading_levels = levels.iter().filter(|&&x| x).count();
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn txt_is_markdown_only_on_strong_evidence() {
        let txt = Path::new("post.txt");
        let md = "---\ntitle: A post\nauthor: Ann\n---\n\n<!-- draft -->\n\nFirst words.\n\n## Part\n\n![A chart](chart.png)\n";
        assert_eq!(detect_format(txt, md), Format::Markdown);
        let e = markdown_evidence(md);
        assert!(e.front_matter && e.comment && e.heading && e.image && !e.link && !e.fence);
        // No front matter: three kinds of syntax are needed.
        let md = "## Setup\n\nRun the tool:\n\n```\nmake\n```\n\nSee [the docs](https://example.org/docs).\n";
        assert_eq!(detect_format(txt, md), Format::Markdown);
        let two = "## Setup\n\nSee [the docs](https://example.org/docs).\n";
        assert_eq!(detect_format(txt, two), Format::Text);
        // An outline: headings of two levels, or two headings and a fence.
        let outline = "# Sailing\n\nFirst words of the post.\n\n## Week one\n\nMore words.\n";
        assert_eq!(detect_format(txt, outline), Format::Markdown);
        let fenced = "## Setup\n\n```\nmake\n```\n\n## Use\n\nRun it.\n";
        assert_eq!(detect_format(txt, fenced), Format::Markdown);
        // Plain-text copies: a dash line, a hashtag, brackets, a lone "# " line.
        for plain in [
            "标题\n\n---\n\n#话题# 正文第一段。[图片]\n\n作者：张三\n",
            "Harbour news\n---\nBy Ann Roe\n\n# 1 in the league again\n\nThe team [pictured] won.\n",
            "---\nOnly a rule line\n---\n\nText: with a colon.\n",
        ] {
            assert_eq!(detect_format(txt, plain), Format::Text, "{plain}");
        }
        // `.md` is Markdown whatever it holds.
        assert_eq!(detect_format(Path::new("a.md"), "plain"), Format::Markdown);
    }
}
