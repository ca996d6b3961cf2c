//! Reads an article file, decodes it to text and detects its format → [`Source`].

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::error::{Error, ErrorKind};

/// Largest input accepted, in bytes (20 MB).
pub const MAX_INPUT_BYTES: u64 = 20 * 1024 * 1024;

/// The article's format, detected from the extension and the content.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// CommonMark / GFM Markdown.
    Markdown,
    #[default]
    /// Plain text (e.g. copied from a web page).
    Text,
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
    /// Encoding the bytes were decoded from ("UTF-8" or "UTF-8 with BOM").
    pub encoding: &'static str,
}

/// Reads and decodes the file at `path`.
///
/// Errors: [`ErrorKind::NotFound`], [`ErrorKind::IsDirectory`], [`ErrorKind::Io`],
/// [`ErrorKind::TooLarge`] (over [`MAX_INPUT_BYTES`]), [`ErrorKind::Empty`] (no bytes or
/// whitespace only), [`ErrorKind::NotText`] (NUL bytes or invalid UTF-8).
pub fn read_source(path: &Path) -> Result<Source, Error> {
    let err = |kind| Error::new(path, kind);
    let meta = std::fs::metadata(path).map_err(|e| err(io_kind(e, "read")))?;
    if meta.is_dir() {
        return Err(err(ErrorKind::IsDirectory));
    }
    if meta.len() > MAX_INPUT_BYTES {
        return Err(err(ErrorKind::TooLarge {
            size: meta.len(),
            limit: MAX_INPUT_BYTES,
        }));
    }
    let bytes = std::fs::read(path).map_err(|e| err(io_kind(e, "read")))?;
    let (text, encoding) = decode(&bytes).map_err(err)?;
    let format = detect_format(path, &text);
    Ok(Source {
        text,
        format,
        path: path.to_path_buf(),
        encoding,
    })
}

fn io_kind(e: std::io::Error, action: &'static str) -> ErrorKind {
    match e.kind() {
        std::io::ErrorKind::NotFound => ErrorKind::NotFound,
        _ => ErrorKind::Io { action, source: e },
    }
}

/// Decodes bytes as UTF-8 (a leading BOM is removed); CRLF and CR become LF.
///
/// Errors: [`ErrorKind::Empty`] for no bytes or whitespace only; [`ErrorKind::NotText`]
/// for NUL bytes or invalid UTF-8.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), ErrorKind> {
    let (body, encoding) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest, "UTF-8 with BOM"),
        None => (bytes, "UTF-8"),
    };
    if body.contains(&0) {
        return Err(ErrorKind::NotText("contains NUL bytes".into()));
    }
    let text = std::str::from_utf8(body)
        .map_err(|e| ErrorKind::NotText(format!("invalid UTF-8 at byte {}", e.valid_up_to())))?;
    if text.trim().is_empty() {
        return Err(ErrorKind::Empty);
    }
    Ok((normalise_newlines(text), encoding))
}

fn normalise_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Picks Markdown for `.md`/`.markdown` files, or for other files whose lines look like
/// Markdown (ATX headings, front matter, links); plain text otherwise.
pub fn detect_format(path: &Path, text: &str) -> Format {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("md" | "markdown" | "mdown" | "mkd") => Format::Markdown,
        Some("txt" | "text") => Format::Text,
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
