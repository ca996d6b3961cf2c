//! Bytes → text: BOM, then valid UTF-8, then an HTML charset hint, then detection.
//!
//! The order follows what browsers do with a saved page, with one difference: a
//! `<meta charset>` declaration is only trusted when the bytes are not valid UTF-8 and
//! decode without errors in the declared encoding (pages that declare `gb2312` but were
//! re-saved as UTF-8 are common). Detection uses `chardetng` and decoding `encoding_rs`.
//! Files that are binary data (images, archives, mostly control bytes) or whose bytes
//! make no plausible text in any encoding are rejected as [`ErrorKind::NotText`].

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

use crate::error::ErrorKind;

/// How many leading bytes are examined for binary signatures and control bytes.
const SNIFF_BYTES: usize = 64 * 1024;

/// Share of control bytes (C0 except tab, LF, CR, FF, ESC; and NUL) above which a file is
/// binary data, in percent of the sniffed bytes.
const MAX_CONTROL_PERCENT: usize = 2;

/// Decoded text and the name of the encoding it was decoded from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text: LF line endings, no BOM, no NUL characters.
    pub text: String,
    /// Encoding name as `encoding_rs` spells it ("UTF-8", "GBK", "Shift_JIS", "UTF-16LE",
    /// "windows-1252" …), or "UTF-8 with BOM".
    pub encoding: &'static str,
}

/// Decodes `bytes` to text.
///
/// Order: a BOM (UTF-8, UTF-16LE, UTF-16BE) decides; otherwise binary data is rejected;
/// valid UTF-8 (or UTF-8 with a handful of broken bytes, replaced by U+FFFD) is taken
/// as UTF-8; otherwise `charset_hint` (an HTML page's declared charset) is used when the
/// bytes decode in it without error; otherwise `chardetng` guesses. CRLF and CR become LF.
///
/// Errors: [`ErrorKind::Empty`] when there are no bytes or only whitespace;
/// [`ErrorKind::NotText`] for binary data (known file signatures, many control bytes)
/// or when no encoding turns the bytes into plausible text.
pub fn decode(bytes: &[u8], charset_hint: Option<&str>) -> Result<Decoded, ErrorKind> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        let name = if encoding == UTF_8 {
            "UTF-8 with BOM"
        } else {
            encoding.name()
        };
        if encoding == UTF_8 {
            reject_binary(body)?;
        }
        let (text, _) = encoding.decode_without_bom_handling(body);
        if encoding != UTF_8 && !plausible(&text, encoding) {
            return Err(ErrorKind::NotText(format!(
                "the bytes after the {name} byte-order mark are not text"
            )));
        }
        return finish(&text, name);
    }
    if let Some(encoding) = utf16_without_bom(bytes).filter(|_| binary_signature(bytes).is_none()) {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        if plausible(&text, encoding) {
            return finish(&text, encoding.name());
        }
    }
    if let Err(binary) = reject_binary(bytes) {
        // UTF-16 without a BOM whose text is mostly CJK has few zero bytes but many
        // other control bytes (low bytes of ideographs, `\n\0`).
        if binary_signature(bytes).is_none() {
            if let Some((text, encoding)) = utf16_cjk_without_bom(bytes) {
                return finish(&text, encoding.name());
            }
        }
        return Err(binary);
    }
    if let Some(text) = utf8_lenient(bytes) {
        return finish(&text, UTF_8.name());
    }
    if let Some(encoding) = charset_hint.and_then(|l| Encoding::for_label(l.trim().as_bytes())) {
        // UTF-16 labels in a meta tag are always wrong for ASCII-compatible bytes.
        if encoding != UTF_16LE && encoding != UTF_16BE && encoding != UTF_8 {
            if let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(bytes)
            {
                if plausible(&text, encoding) {
                    return finish(&text, encoding.name());
                }
            }
        }
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Allow);
    let (text, _, _) = encoding.decode(bytes);
    if !plausible(&text, encoding) {
        // ASCII text with a stray byte or two that no legacy encoding makes sense of
        // (0x81 is undefined in windows-1252): UTF-8 with the bytes replaced by U+FFFD.
        let lossy = String::from_utf8_lossy(bytes);
        let broken = lossy.matches('\u{FFFD}').count();
        let few = broken <= 2 || broken * 50 <= lossy.chars().count();
        if few && plausible(&lossy.replace('\u{FFFD}', ""), UTF_8) {
            return finish(&lossy, UTF_8.name());
        }
        return Err(ErrorKind::NotText(
            "the bytes are not text in any known encoding".into(),
        ));
    }
    finish(&text, encoding.name())
}

/// The byte order of UTF-16 without a byte-order mark, recognised by its zero bytes:
/// in text that is partly Latin script (ASCII punctuation and digits count), the high
/// byte of many code units is zero, the low byte of almost none. `None` for other bytes
/// (the caller still checks that the decoded text is plausible).
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    let units = head.len() / 2;
    if units < 2 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let zeros = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    if odd * 10 >= units * 3 && even * 20 < units {
        Some(UTF_16LE)
    } else if even * 10 >= units * 3 && odd * 20 < units {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Share of characters, in percent, that must be CJK, kana, Hangul, Latin, punctuation
/// or line breaks for bytes to be read as BOM-less UTF-16 CJK text.
const MIN_UTF16_TEXT_PERCENT: usize = 97;

/// Reads bytes as UTF-16 without a byte-order mark when they decode, in exactly one byte
/// order, to CJK text: no unpaired surrogates or other decoding errors, at least
/// [`MIN_UTF16_TEXT_PERCENT`] % of the characters ideographs, kana, Hangul, printable
/// ASCII, Latin-1 letters, general or CJK punctuation, fullwidth forms or whitespace,
/// and at least a third of them CJK. Random binary data decoded as UTF-16 spreads over
/// the whole Basic Multilingual Plane (surrogates, private use, rare scripts) and CJK
/// text read in the wrong byte order lands in unrelated blocks, so both fail.
/// Returns the text (BOM-less) and its encoding, or `None`.
fn utf16_cjk_without_bom(bytes: &[u8]) -> Option<(String, &'static Encoding)> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let score = |encoding: &'static Encoding| -> Option<String> {
        let text = encoding.decode_without_bom_handling_and_without_replacement(bytes)?;
        let (mut total, mut good, mut cjk) = (0usize, 0usize, 0usize);
        for c in text.chars().take(SNIFF_BYTES) {
            total += 1;
            if crate::document::is_cjk(c) {
                cjk += 1;
                good += 1;
            } else if matches!(c, '\n' | '\r' | '\t')
                || matches!(c as u32, 0x20..=0x7E | 0xA0..=0x24F | 0x2000..=0x206F
                    | 0x3000..=0x303F | 0xFF00..=0xFFEF)
            {
                good += 1;
            }
        }
        (total > 0 && good * 100 >= total * MIN_UTF16_TEXT_PERCENT && cjk * 3 >= total)
            .then(|| text.into_owned())
    };
    match (score(UTF_16LE), score(UTF_16BE)) {
        (Some(text), None) => Some((text, UTF_16LE)),
        (None, Some(text)) => Some((text, UTF_16BE)),
        _ => None,
    }
}

/// Normalises newlines, removes NULs and rejects whitespace-only text.
fn finish(text: &str, encoding: &'static str) -> Result<Decoded, ErrorKind> {
    if text.trim().is_empty() {
        return Err(ErrorKind::Empty);
    }
    let mut text = normalise_newlines(text);
    if text.contains('\0') {
        text.retain(|c| c != '\0');
    }
    Ok(Decoded { text, encoding })
}

/// CRLF and lone CR become LF.
pub fn normalise_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Names a binary file format from its first bytes (its "magic number"), if known.
pub fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"%PDF-", "a PDF file"),
        (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
        (b"\x1F\x8B", "gzip-compressed data"),
        (b"BZh", "bzip2-compressed data"),
        (b"\xFD7zXZ\x00", "xz-compressed data"),
        (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
        (b"\x7FELF", "an executable"),
        (b"MZ", "a Windows executable"),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "an old Office document",
        ),
        (b"OggS", "an Ogg media file"),
        (b"ID3", "an MP3 audio file"),
        (b"wOFF", "a web font"),
        (b"wOF2", "a web font"),
        (b"\x00\x01\x00\x00", "a font file"),
    ];
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Some("a WebP image");
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return Some("an MP4/HEIC media file");
    }
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        // "MZ" and "BZh" are also how some words begin: require a control byte nearby.
        .filter(|(magic, _)| {
            !matches!(*magic, b"MZ" | b"BZh" | b"ID3") || bytes.iter().take(64).any(|&b| b < 0x09)
        })
        .map(|&(_, name)| name)
}

/// Rejects known binary formats and byte strings with many control bytes.
fn reject_binary(bytes: &[u8]) -> Result<(), ErrorKind> {
    if let Some(kind) = binary_signature(bytes) {
        return Err(ErrorKind::NotText(format!("binary data: {kind}")));
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B))
        .count();
    if !head.is_empty() && controls * 100 > head.len() * MAX_CONTROL_PERCENT {
        return Err(ErrorKind::NotText(format!(
            "binary data: {}% of the first {} bytes are control bytes",
            controls * 100 / head.len(),
            head.len()
        )));
    }
    Ok(())
}

/// UTF-8, tolerating a few broken sequences (replaced by U+FFFD) when the rest of the
/// file is clearly UTF-8: at most one error per 1000 bytes and at least ten valid
/// multi-byte characters per error.
fn utf8_lenient(bytes: &[u8]) -> Option<String> {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Some(s.to_string());
    }
    let mut errors = 0usize;
    let mut multibyte = 0usize;
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| c.len_utf8() > 1).count();
        if !chunk.invalid().is_empty() {
            errors += 1;
        }
    }
    // Mostly valid UTF-8 with a few broken bytes (a file damaged in transit, or edited
    // with a tool that wrote one byte in another encoding): either the broken bytes are
    // very rare next to many valid multi-byte characters, or the valid multi-byte
    // characters are at least as many as the broken spots and those are under 1 % of the
    // bytes. Text really in a legacy encoding (windows-1252, GBK …) has almost no valid
    // UTF-8 multi-byte sequences, so it fails both tests.
    let ok = (errors * 1000 <= bytes.len() && multibyte >= errors * 10)
        || (multibyte >= errors.max(1) && errors * 100 <= bytes.len());
    ok.then(|| String::from_utf8_lossy(bytes).into_owned())
}

/// Whether decoded text looks like text: few replacement or control characters, and
/// whitespace between words unless the script is written without spaces.
fn plausible(text: &str, encoding: &'static Encoding) -> bool {
    let (mut total, mut bad, mut space, mut cjk) = (0usize, 0usize, 0usize, 0usize);
    for c in text.chars().take(SNIFF_BYTES) {
        total += 1;
        match c {
            '\u{FFFD}' => bad += 1,
            '\t' | '\n' | '\r' | '\u{0C}' | '\u{1B}' => space += 1,
            c if c.is_control() => bad += 1,
            c if c.is_whitespace() => space += 1,
            c if crate::document::is_cjk(c) => cjk += 1,
            _ => {}
        }
    }
    if total == 0 {
        return true;
    }
    // More than 1% broken or control characters: the guess is wrong or the data binary.
    if bad * 100 > total {
        return false;
    }
    // Single-byte guesses for long runs without any whitespace are noise.
    let single_byte = !encoding.is_single_byte() || cjk * 3 >= total;
    total < 200 || single_byte || space * 100 >= total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boms_decide() {
        let d = decode(b"\xEF\xBB\xBFhi\r\nthere", None).unwrap();
        assert_eq!(d.text, "hi\nthere");
        assert_eq!(d.encoding, "UTF-8 with BOM");
        let le: Vec<u8> = b"\xFF\xFE"
            .iter()
            .copied()
            .chain("中文\r\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let d = decode(&le, None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("中文\n", "UTF-16LE"));
        let be: Vec<u8> = b"\xFE\xFF"
            .iter()
            .copied()
            .chain("Grüße".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        let d = decode(&be, None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Grüße", "UTF-16BE"));
    }

    #[test]
    fn utf8_then_detection() {
        let d = decode("naïve café\rline".as_bytes(), None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("naïve café\nline", "UTF-8"));

        let text = "中华人民共和国是一个历史悠久的国家，人口众多，文化丰富多彩。";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let d = decode(&gbk, None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, "GBK"));

        let text = "日本語の文章です。これは文字コードの判定を試すための文です。";
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(text);
        let d = decode(&sjis, None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, "Shift_JIS"));

        let text = "대한민국의 수도는 서울입니다. 한국어 문장을 시험합니다.";
        let (kr, _, _) = encoding_rs::EUC_KR.encode(text);
        let d = decode(&kr, None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, "EUC-KR"));

        let text = "臺灣的首都是臺北，這是一段用來測試繁體中文編碼判定的文字。";
        let (big5, _, _) = encoding_rs::BIG5.encode(text);
        let d = decode(&big5, None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, "Big5"));

        let d = decode(b"Caf\xE9 cr\xE8me br\xFBl\xE9e, s'il vous pla\xEEt.", None).unwrap();
        assert_eq!(d.text, "Café crème brûlée, s'il vous plaît.");
        assert_eq!(d.encoding, "windows-1252");
    }

    #[test]
    fn charset_hint_only_when_not_utf8() {
        // Valid UTF-8 wins over a declared gb2312.
        let d = decode("<meta charset=gb2312>中文网页".as_bytes(), Some("gb2312")).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("<meta charset=gb2312>中文网页", "UTF-8")
        );
        // A declared charset that fits non-UTF-8 bytes is used.
        let (gbk, _, _) = encoding_rs::GBK.encode("短");
        let d = decode(&gbk, Some("gb2312")).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("短", "GBK"));
    }

    #[test]
    fn lenient_utf8_replaces_a_stray_byte() {
        let mut bytes = "中文内容，很长的一段话。".repeat(100).into_bytes();
        bytes.push(0xFF);
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.ends_with('\u{FFFD}'));

        // English UTF-8 with a few accents and one stray byte stays UTF-8 (it used to be
        // read as windows-1252, turning "Beránek" into "BerÃ¡nek").
        let mut bytes = "Thanks to Jakub Beránek and the café team for the work on this release. "
            .repeat(20)
            .into_bytes();
        bytes.insert(300, 0xFF);
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.contains("Beránek") && d.text.contains('\u{FFFD}'));

        // ASCII text with one byte no encoding defines is text, not "not text".
        let d = decode(
            b"A short note about the harbour lights and the \x81 tide tables.",
            None,
        )
        .unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.starts_with("A short note"));
    }

    #[test]
    fn binary_and_empty_are_rejected() {
        assert!(matches!(decode(b"", None), Err(ErrorKind::Empty)));
        assert!(matches!(decode(b" \n\t\r\n", None), Err(ErrorKind::Empty)));
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        match decode(png, None) {
            Err(ErrorKind::NotText(m)) => assert_eq!(m, "binary data: a PNG image"),
            other => panic!("{other:?}"),
        }
        let mostly_nul = [0u8; 100];
        assert!(matches!(
            decode(&mostly_nul, None),
            Err(ErrorKind::NotText(_))
        ));
        // Control bytes mixed with letters: binary.
        let noise: Vec<u8> = (0..4000u32).map(|i| (i * 37 % 251) as u8).collect();
        assert!(matches!(decode(&noise, None), Err(ErrorKind::NotText(_))));
        // High bytes with no whitespace at all make no text in any encoding.
        let high: Vec<u8> = (0..4000u32).map(|i| 0x80 + (i * 53 % 128) as u8).collect();
        assert!(matches!(decode(&high, None), Err(ErrorKind::NotText(_))));
    }

    #[test]
    fn cjk_utf16_without_bom() {
        let text = "深夜的面馆依然坐满了客人。\n老板说，晚上十点以后的营业额占全天的四成。\r\n这是第三行，有 ASCII 42 个字。\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let d = decode(&le, None).unwrap();
        assert_eq!(d.encoding, "UTF-16LE");
        assert_eq!(d.text, text.replace("\r\n", "\n"));
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let d = decode(&be, None).unwrap();
        assert_eq!(d.encoding, "UTF-16BE");
        assert_eq!(d.text, text.replace("\r\n", "\n"));
        let ko = "대한민국의 수도는 서울입니다.\n한국어 문장을 시험합니다.\n";
        let le: Vec<u8> = ko.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&le, None).unwrap().text, ko);
        // Pseudo-random bytes with control bytes stay binary data in either byte order.
        let mut x = 0x2545_F491_u32;
        let noise: Vec<u8> = (0..4000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                (x >> 24) as u8
            })
            .collect();
        assert!(matches!(decode(&noise, None), Err(ErrorKind::NotText(_))));
        // Bytes that are only ideographs' halves and zeros in no order: binary.
        let zeros_and_cjk: Vec<u8> = (0..2000u32)
            .flat_map(|i| [0u8, 0u8, 0x4E, (i % 7) as u8])
            .collect();
        assert!(matches!(
            decode(&zeros_and_cjk, None),
            Err(ErrorKind::NotText(_))
        ));
    }

    #[test]
    fn a_stray_nul_is_removed() {
        let mut bytes = b"some text\0 here".to_vec();
        bytes.extend(b" that is otherwise fine".repeat(4));
        let d = decode(&bytes, None).unwrap();
        assert!(d.text.starts_with("some text here that is"));
    }
}
