//! Picture references: where a picture's bytes come from (a file path or a `data:` URI) and what is wrong with one that cannot be used.
//!
//! An article names a picture by a `src` string. Distill never fetches from the network,
//! so a picture is usable only when it is a local file inside the article's folder or a
//! `data:` URI (RFC 2397) that carries the bytes itself. Every stage that reads pictures
//! (planning, layout, export, the desktop preview) goes through [`read`] or
//! [`open`], so both kinds of reference work everywhere.

use std::io::Read;
use std::path::{Path, PathBuf};

use base64::Engine;

/// Largest picture read, in bytes (file size, or decoded size of a `data:` URI): 64 MiB.
/// Larger pictures are not drawn (their slide keeps the caption).
pub const MAX_PICTURE_BYTES: u64 = 64 * 1024 * 1024;

/// True when `src` is a `data:` URI (scheme compared without case, RFC 3986 §3.1).
pub fn is_data_uri(src: &str) -> bool {
    src.trim_start()
        .get(..5)
        .is_some_and(|s| s.eq_ignore_ascii_case("data:"))
}

/// The bytes a `data:` URI carries (RFC 2397: `data:[<mediatype>][;base64],<data>`):
/// base64 (standard alphabet, padding optional, whitespace ignored) or percent-encoded.
///
/// `None` when `src` is not a `data:` URI, has no comma, does not decode, or decodes to
/// more than [`MAX_PICTURE_BYTES`] bytes.
pub fn decode_data_uri(src: &str) -> Option<Vec<u8>> {
    let src = src.trim();
    if !is_data_uri(src) {
        return None;
    }
    let (header, data) = src[5..].split_once(',')?;
    let base64 = header
        .rsplit(';')
        .next()
        .is_some_and(|p| p.trim().eq_ignore_ascii_case("base64"));
    let bytes = if base64 {
        if data.len() as u64 / 4 * 3 > MAX_PICTURE_BYTES {
            return None;
        }
        let clean: Vec<u8> = data
            .bytes()
            .filter(|b| !b.is_ascii_whitespace() && *b != b'=')
            .collect();
        base64::engine::general_purpose::STANDARD_NO_PAD
            .decode(clean)
            .ok()?
    } else {
        percent_decode_bytes(data)
    };
    (bytes.len() as u64 <= MAX_PICTURE_BYTES).then_some(bytes)
}

/// The whole picture `src` refers to: the decoded bytes of a `data:` URI, or the contents
/// of the file at that path.
///
/// `None` when the URI does not decode, or the path is not a regular file (a folder,
/// pipe or device could block or never end), cannot be read, or is larger than
/// `max_bytes` (capped at [`MAX_PICTURE_BYTES`]).
pub fn read(src: &str, max_bytes: u64) -> Option<Vec<u8>> {
    let max_bytes = max_bytes.min(MAX_PICTURE_BYTES);
    if is_data_uri(src) {
        let bytes = decode_data_uri(src)?;
        return (bytes.len() as u64 <= max_bytes).then_some(bytes);
    }
    let mut bytes = Vec::new();
    regular_file(Path::new(src), max_bytes)?
        .read_to_end(&mut bytes)
        .ok()?;
    Some(bytes)
}

/// The file at `path` opened for reading, when it is a regular file of at most
/// `max_bytes` bytes (a folder, pipe or device could block or never end).
fn regular_file(path: &Path, max_bytes: u64) -> Option<std::fs::File> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() > max_bytes {
        return None;
    }
    std::fs::File::open(path).ok()
}

/// A byte stream that can also seek: what [`image::ImageReader`] reads from.
pub trait PictureStream: std::io::BufRead + std::io::Seek {}

impl<T: std::io::BufRead + std::io::Seek> PictureStream for T {}

/// A picture's bytes as a stream: a buffered file, or the decoded bytes of a `data:` URI.
pub type PictureReader = Box<dyn PictureStream>;

/// An image reader on the picture `src` refers to, format not yet guessed: a file is read
/// lazily (so a header can be probed without reading the whole file), a `data:` URI is
/// decoded first.
///
/// `None` when the URI does not decode, or the path is not a regular file (a folder,
/// pipe or device could block or never end), cannot be opened, or is larger than
/// [`MAX_PICTURE_BYTES`].
pub fn open(src: &str) -> Option<image::ImageReader<PictureReader>> {
    let inner: PictureReader = if is_data_uri(src) {
        Box::new(std::io::Cursor::new(decode_data_uri(src)?))
    } else {
        let file = regular_file(Path::new(src), MAX_PICTURE_BYTES)?;
        Box::new(std::io::BufReader::new(file))
    };
    Some(image::ImageReader::new(inner))
}

/// A short name for a picture reference in messages: the path as given (cut to 100
/// characters with "…"), or "(embedded data: URI, N KB)" instead of a URI that may be
/// megabytes long.
pub fn label(src: &str) -> String {
    const MAX_CHARS: usize = 100;
    if is_data_uri(src) {
        let size = if src.len() < 1024 {
            format!("{} bytes", src.len())
        } else {
            format!("{} KB", src.len().div_ceil(1024))
        };
        format!("(embedded data: URI, {size})")
    } else if src.chars().count() > MAX_CHARS {
        src.chars().take(MAX_CHARS - 1).chain(['…']).collect()
    } else {
        src.to_string()
    }
}

/// What a picture reference of an article turned out to be, checked against the
/// article's folder ([`check`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PictureStatus {
    /// A PNG, JPEG, GIF, WebP or SVG file inside the article's folder (canonical path).
    Local(PathBuf),
    /// A `data:` URI whose bytes are a PNG, JPEG, GIF, WebP or SVG picture.
    Inline,
    /// A URL with a network scheme (`http:`, `https:`, `//host/…` …): kept as a reference,
    /// never fetched.
    Remote,
    /// A local path with no file behind it.
    Missing,
    /// A local path that resolves outside the article's folder (`../…`, `/etc/…`, or a
    /// symbolic link leading out): not read, so a shared PDF cannot carry private files.
    OutsideFolder,
    /// A file or `data:` URI that is not a PNG, JPEG, GIF, WebP or SVG picture.
    NotPicture,
    /// A picture narrower or lower than [`MIN_PICTURE_PX`]: a spacer, a lazy-loading
    /// placeholder or a tracking pixel, not content. Left out without a warning.
    Spacer,
}

/// Smallest side, in pixels, of a raster picture that is content; smaller ones are
/// spacers, lazy-loading placeholders and tracking pixels ([`PictureStatus::Spacer`]).
pub const MIN_PICTURE_PX: u32 = 8;

impl PictureStatus {
    /// One line for the user saying why the picture is not on a slide; `None` for usable
    /// pictures.
    pub fn problem(&self) -> Option<&'static str> {
        match self {
            PictureStatus::Local(_) | PictureStatus::Inline | PictureStatus::Spacer => None,
            PictureStatus::Remote => Some("remote, not fetched (Distill works offline)"),
            PictureStatus::Missing => Some("file not found"),
            PictureStatus::OutsideFolder => Some("outside the article's folder, not read"),
            PictureStatus::NotPicture => Some("not a PNG, JPEG, GIF, WebP or SVG picture"),
        }
    }
}

/// Checks the picture reference `src` of an article whose folder is `folder` (canonical):
/// a `data:` URI is decoded and sniffed; a URL with another scheme is remote; anything
/// else is a path relative to the folder (tried as written and percent-decoded, as
/// Markdown link destinations often are URL-encoded) that must stay inside it once
/// symbolic links are resolved.
pub fn check(src: &str, folder: &Path) -> PictureStatus {
    let src = src.trim();
    if is_data_uri(src) {
        // The bytes are at hand: a raster picture must have a readable header.
        return match decode_data_uri(src) {
            Some(bytes) if looks_like_svg(&bytes) => PictureStatus::Inline,
            Some(bytes) if has_picture_magic(&bytes) => {
                match dimensions(image::ImageReader::new(std::io::Cursor::new(&bytes))) {
                    Some((w, h)) if w < MIN_PICTURE_PX || h < MIN_PICTURE_PX => {
                        PictureStatus::Spacer
                    }
                    Some(_) => PictureStatus::Inline,
                    None => PictureStatus::NotPicture,
                }
            }
            _ => PictureStatus::NotPicture,
        };
    }
    let scheme = src.split_once(':').map(|(s, _)| s);
    // One letter before ':' is a Windows drive, not a scheme.
    if scheme.is_some_and(|s| {
        s.len() > 1
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    }) || src.starts_with("//")
    {
        let local_file = scheme.is_some_and(|s| s.eq_ignore_ascii_case("file"));
        return if local_file {
            PictureStatus::OutsideFolder
        } else {
            PictureStatus::Remote
        };
    }
    if src.is_empty() {
        return PictureStatus::Missing;
    }
    let decoded = percent_decode(src);
    let mut status = PictureStatus::Missing;
    for candidate in [src, decoded.as_str()] {
        let Ok(path) = folder.join(candidate).canonicalize() else {
            continue;
        };
        if !path.starts_with(folder) {
            status = PictureStatus::OutsideFolder;
            continue;
        }
        if !path.is_file() || !file_has_picture_magic(&path) {
            status = PictureStatus::NotPicture;
            continue;
        }
        if path.to_str().is_some_and(is_spacer) {
            return PictureStatus::Spacer;
        }
        return PictureStatus::Local(path);
    }
    status
}

/// True when `src` is a raster picture with a side under [`MIN_PICTURE_PX`] pixels (read
/// from its header).
fn is_spacer(src: &str) -> bool {
    open(src)
        .and_then(dimensions)
        .is_some_and(|(w, h)| w < MIN_PICTURE_PX || h < MIN_PICTURE_PX)
}

/// Pixel size of the raster picture `reader` reads, from its header; `None` when unreadable.
fn dimensions<R: std::io::BufRead + std::io::Seek>(
    reader: image::ImageReader<R>,
) -> Option<(u32, u32)> {
    reader.with_guessed_format().ok()?.into_dimensions().ok()
}

/// The folder pictures of the article at `article` may come from: its parent folder
/// ("." for a bare file name), canonical. `None` when that folder cannot be resolved.
pub fn article_folder(article: &Path) -> Option<PathBuf> {
    let parent = match article.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    parent.canonicalize().ok()
}

/// One line per picture reference in `srcs` that cannot be put on a slide, checked
/// against `folder` ([`check`]), e.g. "picture ../x.png: outside the article's folder,
/// not read"; each reference reported once, in order, and two or more remote pictures
/// as one line with their count. Without a folder (pasted
/// text) only `data:` URIs are usable and local paths are reported as missing.
pub fn problems<'a>(srcs: impl IntoIterator<Item = &'a str>, folder: Option<&Path>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    let mut remote: Vec<&str> = Vec::new();
    for src in srcs {
        if !seen.insert(src) {
            continue;
        }
        let status = match folder {
            Some(f) => check(src, f),
            None if is_data_uri(src) => check(src, Path::new(".")),
            None => PictureStatus::Missing,
        };
        if status == PictureStatus::Remote {
            remote.push(src);
        } else if let Some(problem) = status.problem() {
            out.push(format!("picture {}: {problem}", label(src)));
        }
    }
    // A saved web page links dozens of pictures on its servers: one line for all.
    match remote.as_slice() {
        [] => {}
        [one] => out.push(format!(
            "picture {}: {}",
            label(one),
            PictureStatus::Remote.problem().unwrap_or_default()
        )),
        [first, ..] => out.push(format!(
            "{} remote pictures not fetched (Distill works offline), e.g. {}",
            remote.len(),
            label(first)
        )),
    }
    out
}

/// `%XX` escapes decoded; invalid escapes and non-UTF-8 results leave the text as it was.
fn percent_decode(s: &str) -> String {
    String::from_utf8(percent_decode_bytes(s)).unwrap_or_else(|_| s.to_string())
}

/// `%XX` escapes decoded to bytes (RFC 3986 §2.1); invalid escapes are kept as written.
fn percent_decode_bytes(s: &str) -> Vec<u8> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// True when the file starts like a PNG, JPEG, GIF, WebP or SVG.
fn file_has_picture_magic(path: &Path) -> bool {
    let mut head = [0u8; 1024];
    let Ok(mut f) = std::fs::File::open(path) else {
        return false;
    };
    let mut n = 0;
    while n < head.len() {
        match f.read(&mut head[n..]) {
            Ok(0) | Err(_) => break,
            Ok(k) => n += k,
        }
    }
    has_picture_magic(&head[..n])
}

/// True when `head` (a picture's first bytes) starts like a PNG, JPEG, GIF, WebP or SVG.
pub fn has_picture_magic(head: &[u8]) -> bool {
    looks_like_svg(head)
        || head.starts_with(b"\x89PNG\r\n\x1a\n")
        || head.starts_with(&[0xFF, 0xD8, 0xFF])
        || head.starts_with(b"GIF87a")
        || head.starts_with(b"GIF89a")
        || (head.len() >= 12 && head.starts_with(b"RIFF") && &head[8..12] == b"WEBP")
}

/// True when the first kilobyte of `head` looks like an SVG document (`<svg` after an
/// optional XML declaration, comments or doctype).
pub fn looks_like_svg(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(&head[..head.len().min(1024)]);
    let t = text.trim_start_matches('\u{feff}').trim_start();
    (t.starts_with("<svg") || t.starts_with("<?xml") || t.starts_with("<!")) && t.contains("<svg")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_uris_decode_base64_and_percent_encoding() {
        assert!(is_data_uri(" DATA:image/png;base64,AA"));
        assert!(!is_data_uri("data.png"));
        // Base64 with line breaks and padding, as e-mail clients and editors write it.
        assert_eq!(
            decode_data_uri("data:image/png;base64,R0lG\nODlh").as_deref(),
            Some(&b"GIF89a"[..])
        );
        assert_eq!(
            decode_data_uri("data:;base64,R0lGODdh==").as_deref(),
            Some(&b"GIF87a"[..])
        );
        // Percent-encoded SVG (no ";base64").
        let svg = decode_data_uri("data:image/svg+xml,%3Csvg%20xmlns%3D%22x%22%2F%3E").unwrap();
        assert_eq!(svg, b"<svg xmlns=\"x\"/>");
        assert!(has_picture_magic(&svg));
        assert_eq!(decode_data_uri("data:image/png;base64"), None, "no comma");
        assert_eq!(decode_data_uri("data:image/png;base64,@@@@"), None);
    }

    #[test]
    fn references_are_checked_against_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("art");
        std::fs::create_dir_all(folder.join("img")).unwrap();
        let folder = folder.canonicalize().unwrap();
        std::fs::write(folder.join("img/a b.gif"), b"GIF89a....").unwrap();
        std::fs::write(folder.join("notes.txt"), b"plain words").unwrap();
        std::fs::write(dir.path().join("secret.gif"), b"GIF89a....").unwrap();
        let inside = folder.join("img/a b.gif");
        assert_eq!(
            check("img/a b.gif", &folder),
            PictureStatus::Local(inside.clone())
        );
        assert_eq!(
            check("img/a%20b.gif", &folder),
            PictureStatus::Local(inside)
        );
        assert_eq!(
            check("../secret.gif", &folder),
            PictureStatus::OutsideFolder
        );
        assert_eq!(
            check("img/../../secret.gif", &folder),
            PictureStatus::OutsideFolder
        );
        assert_eq!(check("notes.txt", &folder), PictureStatus::NotPicture);
        assert_eq!(check("img", &folder), PictureStatus::NotPicture);
        assert_eq!(check("gone.png", &folder), PictureStatus::Missing);
        assert_eq!(check("", &folder), PictureStatus::Missing);
        assert_eq!(
            check("https://example.com/a.png", &folder),
            PictureStatus::Remote
        );
        assert_eq!(
            check("//cdn.example.com/a.png", &folder),
            PictureStatus::Remote
        );
        assert_eq!(
            check("file:///etc/hostname", &folder),
            PictureStatus::OutsideFolder
        );
        // A data: URI must hold a whole picture header, not only the signature.
        assert_eq!(
            check("data:image/gif;base64,R0lGODlh", &folder),
            PictureStatus::NotPicture
        );
        let gif = "data:image/gif;base64,R0lGODlhEAAQAIAAAAAAAP///ywAAAAAEAAQAAACDoSPqcvtD6OctNqLsz4FADs=";
        assert_eq!(check(gif, &folder), PictureStatus::Inline);
        let svg =
            "data:image/svg+xml,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%2F%3E";
        assert_eq!(check(svg, &folder), PictureStatus::Inline);
        assert_eq!(
            check("data:text/plain,hello", &folder),
            PictureStatus::NotPicture
        );
        // A 1 × 1 GIF (the usual lazy-loading placeholder and tracking pixel) is a spacer.
        let pixel =
            "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";
        assert_eq!(check(pixel, &folder), PictureStatus::Spacer);
        std::fs::write(folder.join("dot.gif"), decode_data_uri(pixel).unwrap()).unwrap();
        assert_eq!(check("dot.gif", &folder), PictureStatus::Spacer);
        assert_eq!(problems(["dot.gif"], Some(&folder)), Vec::<String>::new());
        // Each reference is reported once, in order; usable ones are not reported.
        let lines = problems(
            [
                "gone.png",
                "img/a b.gif",
                "gone.png",
                "https://example.com/a.png",
            ],
            Some(&folder),
        );
        assert_eq!(
            lines,
            [
                "picture gone.png: file not found",
                "picture https://example.com/a.png: remote, not fetched (Distill works offline)"
            ]
        );
        let many = [
            "https://a.example/1.png",
            "gone.png",
            "//b.example/2.jpg",
            "http://c.example/3.gif",
        ];
        assert_eq!(
            problems(many, Some(&folder)),
            [
                "picture gone.png: file not found",
                "3 remote pictures not fetched (Distill works offline), e.g. https://a.example/1.png"
            ]
        );
    }
}
