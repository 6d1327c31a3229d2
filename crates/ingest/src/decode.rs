//! Bytes to UTF-8: byte-order marks, declared charsets, and guesses.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8};

/// Decoded text with what was learnt about its encoding.
#[derive(Debug)]
pub(crate) struct Decoded {
    pub text: String,
    /// Name of the legacy encoding, `None` for UTF-8.
    pub encoding: Option<String>,
    pub notes: Vec<String>,
}

impl Decoded {
    fn utf8(text: String) -> Self {
        Decoded { text, encoding: None, notes: Vec::new() }
    }
}

/// How far into a page charset declarations are looked for.
const PRESCAN: usize = 4096;

/// Looks up an encoding label as the Encoding Standard does.
pub(crate) fn lookup(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes())
}

/// Decodes with `enc`, reporting how many malformed sequences were replaced.
fn decode_with(bytes: &[u8], enc: &'static Encoding) -> (String, usize) {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    let bad = if had_errors { text.matches('\u{FFFD}').count().saturating_sub(bytes_fffd(bytes, enc)) } else { 0 };
    (text.into_owned(), bad)
}

/// Replacement characters already present in UTF-8 input (not errors).
fn bytes_fffd(bytes: &[u8], enc: &'static Encoding) -> usize {
    if enc == UTF_8 {
        bytes.windows(3).filter(|w| *w == [0xEF, 0xBF, 0xBD]).count()
    } else {
        0
    }
}

fn named(enc: &'static Encoding) -> Option<String> {
    (enc != UTF_8).then(|| enc.name().to_ascii_lowercase())
}

/// The encoding a byte-order mark announces, and the mark's length.
pub(crate) fn bom(bytes: &[u8]) -> Option<(&'static Encoding, usize)> {
    Encoding::for_bom(bytes)
}

/// Guesses the encoding of bytes that are not valid UTF-8.
fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut det = EncodingDetector::new(Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    det.guess(None, Utf8Detection::Allow)
}

/// Mostly well-formed UTF-8 with a few broken sequences, as opposed to a
/// legacy single-byte encoding (whose bytes rarely form UTF-8 sequences).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let lossy = String::from_utf8_lossy(bytes);
    let bad = lossy.matches('\u{FFFD}').count();
    let good = lossy.chars().filter(|&c| !c.is_ascii() && c != '\u{FFFD}').count();
    good > bad
}

/// Share of Arabic-script letters among the non-ASCII letters of `text`.
fn arabic_share(text: &str) -> f64 {
    let (mut arabic, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii() && c.is_alphabetic()) {
        if matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
        {
            arabic += 1;
        } else {
            other += 1;
        }
    }
    if arabic + other == 0 {
        0.0
    } else {
        arabic as f64 / (arabic + other) as f64
    }
}

/// Position of the first NUL byte.
pub(crate) fn nul_at(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

/// Plain text: BOM, forced label, UTF-8, or an Arabic legacy encoding when
/// the bytes clearly are one.
pub(crate) fn text(bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Decoded, String> {
    if let Some((enc, len)) = bom(bytes) {
        let (text, bad) = decode_with(&bytes[len..], enc);
        if let Some(pos) = nul_at(text.as_bytes()) {
            return Err(binary_message(pos));
        }
        let mut d = Decoded { text, encoding: named(enc), notes: Vec::new() };
        if bad > 0 {
            d.notes.push(format!("{bad} malformed {} sequences replaced with U+FFFD", enc.name()));
        }
        return Ok(d);
    }
    if let Some(pos) = nul_at(bytes) {
        return Err(binary_message(pos));
    }
    if let Some(enc) = forced {
        let (text, bad) = decode_with(bytes, enc);
        let mut d = Decoded { text, encoding: named(enc), notes: Vec::new() };
        if bad > 0 {
            d.notes.push(format!("{bad} malformed {} sequences replaced with U+FFFD", enc.name()));
        }
        return Ok(d);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Decoded::utf8(s.to_string())),
        Err(e) => {
            let invalid = || format!("invalid UTF-8 at byte offset {}", e.valid_up_to());
            if mostly_utf8(bytes) {
                return Err(invalid());
            }
            let enc = guess(bytes);
            let (text, bad) = decode_with(bytes, enc);
            if enc == UTF_8 || bad > 0 || arabic_share(&text) < 0.8 {
                return Err(invalid());
            }
            Ok(Decoded {
                text,
                encoding: named(enc),
                notes: vec![format!("not UTF-8; decoded as {} (guessed from the bytes)", enc.name())],
            })
        }
    }
}

pub(crate) fn binary_message(pos: usize) -> String {
    format!("binary content (NUL byte at byte offset {pos}); expected text")
}

/// UTF-8 only (JSON, JSON Lines): BOM removed, errors name the offset.
pub(crate) fn utf8_only(bytes: &[u8]) -> Result<&str, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| format!("invalid UTF-8 at byte offset {}", e.valid_up_to()))
}

/// HTML: BOM, forced label, transport charset, in-document declaration, then
/// UTF-8 if valid, else a guess (with a note).
pub(crate) fn html(bytes: &[u8], forced: Option<&'static Encoding>, transport: Option<&str>) -> Decoded {
    if let Some((enc, len)) = bom(bytes) {
        let (text, _) = decode_with(&bytes[len..], enc);
        return Decoded { text, encoding: named(enc), notes: Vec::new() };
    }
    let declared = forced
        .map(|e| (e, "given"))
        .or_else(|| transport.and_then(lookup).map(|e| (e, "HTTP header")))
        .or_else(|| prescan_meta(bytes).map(|e| (e, "meta charset")))
        .or_else(|| xml_declaration(bytes).map(|e| (e, "XML declaration")));
    if let Some((enc, from)) = declared {
        // A document cannot really be UTF-16 once we are reading ASCII-compatible
        // markup (Encoding Standard: treat as UTF-8).
        let enc = if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE { UTF_8 } else { enc };
        let (text, bad) = decode_with(bytes, enc);
        if bad == 0 {
            return Decoded { text, encoding: named(enc), notes: Vec::new() };
        }
        // Declared UTF-8 but it is not: a mislabelled legacy page is common.
        if enc == UTF_8 && !mostly_utf8(bytes) {
            let g = guess(bytes);
            let (gtext, gbad) = decode_with(bytes, g);
            if g != UTF_8 && gbad == 0 {
                return Decoded {
                    text: gtext,
                    encoding: named(g),
                    notes: vec![format!("declared UTF-8 ({from}) but is not; decoded as {} (guessed)", g.name())],
                };
            }
        }
        return Decoded {
            text,
            encoding: named(enc),
            notes: vec![format!("{bad} malformed {} sequences replaced with U+FFFD", enc.name())],
        };
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Decoded::utf8(s.to_string());
    }
    if mostly_utf8(bytes) {
        let (text, bad) = decode_with(bytes, UTF_8);
        return Decoded::utf8_with_note(text, bad);
    }
    let g = guess(bytes);
    let (text, _) = decode_with(bytes, g);
    Decoded {
        text,
        encoding: named(g),
        notes: vec![format!("no charset declared and not UTF-8; decoded as {} (guessed)", g.name())],
    }
}

impl Decoded {
    fn utf8_with_note(text: String, bad: usize) -> Self {
        Decoded { text, encoding: None, notes: vec![format!("{bad} malformed UTF-8 sequences replaced with U+FFFD")] }
    }
}

/// Finds `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…;
/// charset=…">` near the start of a page.
pub(crate) fn prescan_meta(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos + 5;
        let end = lower[start..].iter().position(|&b| b == b'>').map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(label) = charset_in(tag) {
            if let Some(enc) = Encoding::for_label(label) {
                return Some(enc);
            }
        }
        from = end;
    }
    None
}

/// The value after `charset` (an attribute or a parameter) in a tag.
fn charset_in(tag: &[u8]) -> Option<&[u8]> {
    let mut from = 0;
    while let Some(pos) = find(&tag[from..], b"charset") {
        let at = from + pos;
        from = at + 7;
        let before_ok = at == 0 || matches!(tag[at - 1], b' ' | b'\t' | b'\n' | b'\r' | b';' | b'"' | b'\'' | b'/');
        if !before_ok {
            continue;
        }
        let mut i = from;
        while i < tag.len() && tag[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= tag.len() || tag[i] != b'=' {
            continue;
        }
        i += 1;
        while i < tag.len() && (tag[i].is_ascii_whitespace() || tag[i] == b'"' || tag[i] == b'\'') {
            i += 1;
        }
        let start = i;
        while i < tag.len() && !matches!(tag[i], b'"' | b'\'' | b';' | b' ' | b'\t' | b'\n' | b'\r' | b'/' | b'>') {
            i += 1;
        }
        if i > start {
            return Some(&tag[start..i]);
        }
    }
    None
}

/// `<?xml version="1.0" encoding="…"?>` at the very start.
pub(crate) fn xml_declaration(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(200)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace())?;
    let head = &head[start..];
    if !head.starts_with(b"<?xml") {
        return None;
    }
    let end = find(head, b"?>")?;
    let decl = head[..end].to_ascii_lowercase();
    let pos = find(&decl, b"encoding")?;
    let rest = &decl[pos + 8..];
    let rest = rest.iter().position(|&b| b == b'"' || b == b'\'').map(|q| &rest[q + 1..])?;
    let len = rest.iter().position(|&b| b == b'"' || b == b'\'')?;
    Encoding::for_label(&rest[..len])
}

pub(crate) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cp1256(s: &str) -> Vec<u8> {
        let (b, _, bad) = encoding_rs::WINDOWS_1256.encode(s);
        assert!(!bad);
        b.into_owned()
    }

    #[test]
    fn meta_charset_forms() {
        let e = |s: &str| prescan_meta(s.as_bytes()).map(|e| e.name());
        assert_eq!(e("<html><head><meta charset=\"windows-1256\">"), Some("windows-1256"));
        assert_eq!(e("<META CHARSET=iso-8859-6>"), Some("ISO-8859-6"));
        assert_eq!(
            e("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Windows-1256\" />"),
            Some("windows-1256")
        );
        assert_eq!(e("<meta name=\"x\" content=\"y\"><meta charset='utf-8'>"), Some("UTF-8"));
        assert_eq!(e("<meta charset=\"nonsense\"><p>"), None);
        assert_eq!(e("<p>charset=utf-8</p>"), None);
        assert_eq!(
            xml_declaration(b"<?xml version='1.0' encoding='windows-1256'?><rss>").map(|e| e.name()),
            Some("windows-1256")
        );
    }

    #[test]
    fn plain_text_legacy_arabic_needs_evidence() {
        let arabic =
            "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المدينة، وقال المدير إن العمل سيبدأ الأسبوع المقبل.";
        let d = text(&cp1256(arabic), None).unwrap();
        assert_eq!(d.text, arabic);
        assert_eq!(d.encoding.as_deref(), Some("windows-1256"));
        assert!(d.notes[0].contains("guessed"));
        // Latin-1 French is not Arabic: no evidence, refused with the offset.
        let (latin, _, _) = encoding_rs::WINDOWS_1252.encode("Le ministère a annoncé l'ouverture d'un hôpital.");
        assert_eq!(text(&latin, None).unwrap_err(), "invalid UTF-8 at byte offset 9");
        // UTF-8 with one broken byte stays an error.
        let mut broken = arabic.as_bytes().to_vec();
        broken[10] = 0xFF;
        assert_eq!(text(&broken, None).unwrap_err(), "invalid UTF-8 at byte offset 10");
        // A forced label always decodes.
        let d = text(&latin, lookup("windows-1252")).unwrap();
        assert!(d.text.starts_with("Le ministère"));
    }

    #[test]
    fn boms_and_binary() {
        assert_eq!(text(b"\xEF\xBB\xBFabc", None).unwrap().text, "abc");
        let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("خبر".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let d = text(&utf16, None).unwrap();
        assert_eq!((d.text.as_str(), d.encoding.as_deref()), ("خبر", Some("utf-16le")));
        assert!(text(b"ab\0cd", None).unwrap_err().contains("NUL byte at byte offset 2"));
    }

    #[test]
    fn html_without_declaration_is_guessed_with_a_note() {
        let page = cp1256(
            "<html><body><p>قصفت الطائرات مواقع في شمال المدينة صباح اليوم وأفاد شهود بسقوط جرحى.</p></body></html>",
        );
        let d = html(&page, None, None);
        assert!(d.text.contains("قصفت الطائرات"));
        assert_eq!(d.encoding.as_deref(), Some("windows-1256"));
        assert!(d.notes.iter().any(|n| n.contains("guessed")));
        // Declared UTF-8 but actually windows-1256.
        let mut lied = b"<meta charset=utf-8>".to_vec();
        lied.extend(cp1256("<p>قصفت الطائرات مواقع في شمال المدينة صباح اليوم.</p>"));
        let d = html(&lied, None, None);
        assert!(d.text.contains("قصفت الطائرات"), "{}", d.text);
        assert!(d.notes[0].contains("declared UTF-8"));
    }
}
