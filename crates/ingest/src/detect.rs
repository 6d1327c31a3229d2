//! Format detection: by extension, then by content.

use std::path::Path;

use crate::Format;

/// The format an extension names, if any.
pub(crate) fn by_extension(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "txt" | "text" | "md" => Format::Text,
        "html" | "htm" | "xhtml" => Format::Html,
        "xml" | "rss" | "atom" => Format::Feed,
        "json" => Format::Json,
        "jsonl" | "ndjson" => Format::Jsonl,
        _ => return None,
    })
}

/// The format of a document from its first bytes (a few KiB are enough).
pub(crate) fn sniff(bytes: &[u8]) -> Format {
    let bytes = strip_bom_and_space(bytes);
    match bytes.first() {
        Some(b'{') if first_line_is_object(bytes) && has_more_lines(bytes) => Format::Jsonl,
        Some(b'{') if is_json_feed(bytes) => Format::Feed,
        Some(b'{') | Some(b'[') => Format::Json,
        Some(b'<') => sniff_markup(bytes),
        _ => Format::Text,
    }
}

fn strip_bom_and_space(bytes: &[u8]) -> &[u8] {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len());
    &bytes[start..]
}

fn first_line_is_object(bytes: &[u8]) -> bool {
    let line = bytes.split(|&b| b == b'\n').next().unwrap_or(bytes);
    matches!(serde_json::from_slice::<serde_json::Value>(line), Ok(serde_json::Value::Object(_)))
}

fn has_more_lines(bytes: &[u8]) -> bool {
    bytes.splitn(2, |&b| b == b'\n').nth(1).is_some_and(|rest| rest.iter().any(|b| !b.is_ascii_whitespace()))
}

fn is_json_feed(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(2048)];
    crate::decode::find(head, b"jsonfeed.org/version").is_some()
}

fn sniff_markup(bytes: &[u8]) -> Format {
    let head = bytes[..bytes.len().min(4096)].to_ascii_lowercase();
    // Skip the XML declaration, comments, processing instructions and the
    // doctype to reach the root element.
    let mut rest: &[u8] = &head;
    loop {
        let trimmed = strip_bom_and_space(rest);
        if trimmed.starts_with(b"<?") {
            rest = after(trimmed, b"?>");
        } else if trimmed.starts_with(b"<!--") {
            rest = after(trimmed, b"-->");
        } else if trimmed.starts_with(b"<!doctype") {
            if trimmed.starts_with(b"<!doctype html") {
                return Format::Html;
            }
            rest = after(trimmed, b">");
        } else {
            rest = trimmed;
            break;
        }
        if rest.is_empty() {
            break;
        }
    }
    let is_root = |name: &[u8]| {
        rest.strip_prefix(b"<")
            .and_then(|r| r.strip_prefix(name))
            .is_some_and(|r| r.first().is_none_or(|&b| b.is_ascii_whitespace() || b == b'>' || b == b'/' || b == b':'))
    };
    if is_root(b"rss") || is_root(b"feed") || is_root(b"rdf:rdf") || is_root(b"rdf") {
        Format::Feed
    } else if head.starts_with(b"<?xml") && !is_root(b"html") {
        // Other XML: let the feed parser say what is wrong with it.
        Format::Feed
    } else {
        Format::Html
    }
}

fn after<'a>(bytes: &'a [u8], end: &[u8]) -> &'a [u8] {
    match crate::decode::find(bytes, end) {
        Some(pos) => &bytes[pos + end.len()..],
        None => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions() {
        assert_eq!(by_extension(Path::new("a/b.HTM")), Some(Format::Html));
        assert_eq!(by_extension(Path::new("x.ndjson")), Some(Format::Jsonl));
        assert_eq!(by_extension(Path::new("feed.atom")), Some(Format::Feed));
        assert_eq!(by_extension(Path::new("noext")), None);
        assert_eq!(by_extension(Path::new("page.php")), None);
    }

    #[test]
    fn content() {
        assert_eq!(sniff(b"\xEF\xBB\xBF  <!DOCTYPE html><html>"), Format::Html);
        assert_eq!(sniff(b"<html lang=ar>"), Format::Html);
        assert_eq!(sniff(b"<div><p>x</p>"), Format::Html);
        assert_eq!(sniff(b"<?xml version=\"1.0\"?>\n<!-- c -->\n<rss version=\"2.0\">"), Format::Feed);
        assert_eq!(sniff(b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"), Format::Feed);
        assert_eq!(sniff(b"<?xml version=\"1.0\"?><rdf:RDF>"), Format::Feed);
        assert_eq!(sniff(b"<?xml version=\"1.0\"?><!DOCTYPE html><html>"), Format::Html);
        assert_eq!(sniff(b"{\"text\": \"a\"}"), Format::Json);
        assert_eq!(sniff(b"{\n  \"text\": \"a\"\n}"), Format::Json);
        assert_eq!(sniff(b"{\"text\": \"a\"}\n{\"text\": \"b\"}\n"), Format::Jsonl);
        assert_eq!(sniff(b"[{\"text\": \"a\"}]"), Format::Json);
        assert_eq!(sniff(b"{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}"), Format::Feed);
        assert_eq!(sniff("خبر عاجل".as_bytes()), Format::Text);
        assert_eq!(sniff(b""), Format::Text);
    }
}
