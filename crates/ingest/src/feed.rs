//! RSS, Atom and JSON feeds: one item per entry.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use chrono::{DateTime, Utc};
use feed_rs::model::{Entry, Text};
use feed_rs::parser::{self, ParseErrorKind, ParseFeedError};

use crate::html::{self, clean_text};
use crate::{date, decode, detect, fetch, Format, InputMeta, Item, ItemError, Meta, Options};

/// Reads a feed held in memory.
pub(crate) fn read(name: &str, bytes: &[u8], opts: &Options, each: &mut dyn FnMut(Result<Item, ItemError>)) {
    // Dates are read with this crate's rules; each instant remembers the
    // normalised form it came from, so that the written offset (the local
    // date of publication) is kept rather than turned into UTC.
    let dates: Rc<RefCell<Dates>> = Rc::default();
    let log = Rc::clone(&dates);
    let parser = parser::Builder::new()
        // No invented ids: an entry without one has none.
        .id_generator(|_, _, _| String::new())
        .timestamp_parser(move |raw| {
            let mut log = log.borrow_mut();
            match date::normalize(raw).ok().and_then(|iso| Some((date::to_utc(&iso)?, iso))) {
                Some((utc, iso)) => {
                    log.written.entry(utc).or_insert(iso);
                    Some(utc)
                }
                None => {
                    log.refused.push(raw.trim().to_string());
                    None
                }
            }
        })
        .build();
    // feed-rs reads past some faults (mismatched or unclosed tags): check
    // that XML is well formed first.
    if let Some((line, msg)) = xml_fault(bytes) {
        return each(Err(ItemError::new(name, format!("invalid feed XML at line {line}: {msg}"))));
    }
    let feed = match parser.parse(bytes) {
        Ok(f) => f,
        Err(e) => return each(Err(ItemError::new(name, parse_error(&e, bytes)))),
    };
    if feed.entries.is_empty() {
        return each(Err(ItemError::new(name, "the feed has no entries")));
    }
    let source = feed.title.as_ref().and_then(plain);
    let language = feed.language.as_deref().and_then(html::language_tag);
    let encoding =
        decode::xml_declaration(bytes).filter(|e| *e != encoding_rs::UTF_8).map(|e| e.name().to_ascii_lowercase());
    for (i, entry) in feed.entries.iter().enumerate() {
        let at = format!("{name}#{}", i + 1);
        let declared = InputMeta {
            id: Some(entry.id.trim().to_string()).filter(|s| !s.is_empty()),
            title: entry.title.as_ref().and_then(plain),
            source: source.clone(),
            url: link(entry),
            published: entry
                .published
                .or(entry.updated)
                .map(|d| dates.borrow().written.get(&d).cloned().unwrap_or_else(|| date::from_utc(&d))),
        };
        let mut meta = Meta {
            declared,
            language: entry.language.as_deref().and_then(html::language_tag).or_else(|| language.clone()),
            encoding: encoding.clone(),
            notes: Vec::new(),
        };
        if meta.declared.published.is_none() {
            if let Some(raw) = dates.borrow().refused.first() {
                meta.notes.push(format!("a date of the feed was not understood ({raw:?}); dropped"));
            }
        }
        let mut text = body(entry);
        if opts.follow_links && text.chars().count() < opts.fetch_below_chars {
            if let Some(url) = meta.declared.url.clone().filter(|u| fetch::is_url(u)) {
                match fetch_article(&url, opts) {
                    Ok(page) if page.text.chars().count() > text.chars().count() => {
                        text = page.text;
                        meta.notes.push(format!("text fetched from {url}"));
                        meta.notes.extend(page.notes);
                        meta.declared.title = meta.declared.title.or(page.title);
                        meta.declared.published = meta.declared.published.or(page.published);
                        meta.language = meta.language.or(page.language);
                    }
                    Ok(_) => meta.notes.push(format!("page at {url} has no longer text; feed text kept")),
                    Err(m) => {
                        each(Err(ItemError::new(at.clone(), m)));
                        if text.is_empty() {
                            // Said once: the fetch error is the entry's error.
                            continue;
                        }
                        meta.notes.push("fetching the link failed; feed text kept".into());
                    }
                }
            }
        }
        if text.is_empty() {
            each(Err(ItemError::new(at, "the entry has no content or summary")));
            continue;
        }
        each(Ok(Item { name: at, format: Format::Feed, meta, text }));
    }
}

/// Dates seen while parsing a feed.
#[derive(Default)]
struct Dates {
    /// Instant → the normalised date it was read from.
    written: HashMap<DateTime<Utc>, String>,
    /// Dates that could not be read.
    refused: Vec<String>,
}

/// Explains a parse failure, with the line of the XML fault when found.
fn parse_error(e: &ParseFeedError, bytes: &[u8]) -> String {
    match e {
        ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot) => {
            "not a feed: no <rss>, <feed> or <rdf:RDF> root element (or JSON Feed object)".into()
        }
        ParseFeedError::XmlReader(x) => match xml_fault(bytes) {
            Some((line, msg)) => format!("invalid feed XML at line {line}: {msg}"),
            None => format!("invalid feed XML: {x}"),
        },
        ParseFeedError::JsonSerde(j) => format!("invalid JSON feed: {j}"),
        other => format!("invalid feed: {other}"),
    }
}

/// Line (from 1) and message of the first well-formedness fault of XML
/// (mismatched or unclosed elements, broken markup); `None` when it is well
/// formed or is not XML with an ASCII-compatible encoding (JSON Feed, UTF-16).
fn xml_fault(bytes: &[u8]) -> Option<(usize, String)> {
    use quick_xml::events::Event;
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    if bytes[start] != b'<' && !bytes[start..].starts_with(b"\xEF\xBB\xBF") {
        return None;
    }
    let line_at = |pos: u64| {
        let pos = usize::try_from(pos).unwrap_or(usize::MAX).min(bytes.len());
        bytes[..pos].iter().filter(|&&b| b == b'\n').count() + 1
    };
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut buf = Vec::new();
    let mut open: Vec<Vec<u8>> = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) => {
                return open.last().map(|name| {
                    let name = String::from_utf8_lossy(name);
                    (line_at(reader.buffer_position()), format!("unexpected end of file: <{name}> is not closed"))
                });
            }
            Ok(Event::Start(s)) => open.push(s.name().as_ref().to_vec()),
            Ok(Event::End(_)) => {
                open.pop();
            }
            Ok(_) => {}
            Err(e) => return Some((line_at(reader.error_position()), e.to_string())),
        }
        buf.clear();
    }
}

/// A feed text as one plain line (titles, feed names).
fn plain(t: &Text) -> Option<String> {
    let s = if is_html(t.content_type.essence().to_string().as_str()) {
        html::fragment_text(&t.content)
    } else {
        t.content.clone()
    };
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

fn is_html(mime: &str) -> bool {
    mime.contains("html")
}

/// The entry's own page: an alternate link, else the first one.
fn link(entry: &Entry) -> Option<String> {
    entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r.eq_ignore_ascii_case("alternate")))
        .or_else(|| entry.links.first())
        .map(|l| l.href.trim().to_string())
        .filter(|h| !h.is_empty())
}

/// Content, else summary, as plain text.
fn body(entry: &Entry) -> String {
    if let Some(content) = &entry.content {
        if let Some(b) = &content.body {
            let mime = content.content_type.essence().to_string();
            let text = if is_html(&mime) { html::fragment_text(b) } else { clean_text(b) };
            if !text.is_empty() {
                return text;
            }
        }
    }
    if let Some(summary) = &entry.summary {
        let mime = summary.content_type.essence().to_string();
        return if is_html(&mime) { html::fragment_text(&summary.content) } else { clean_text(&summary.content) };
    }
    String::new()
}

/// Fetches an entry's page and extracts its article.
fn fetch_article(url: &str, opts: &Options) -> Result<html::Page, String> {
    let got = fetch::get(url, opts)?;
    let looks_html = got.mime.as_deref().is_some_and(is_html) || detect::sniff(&got.bytes) == Format::Html;
    if !looks_html {
        return Err(format!("{url}: not an HTML page ({})", got.mime.as_deref().unwrap_or("no content type")));
    }
    let forced = opts.encoding.as_deref().and_then(decode::lookup);
    let decoded = decode::html(&got.bytes, forced, got.charset.as_deref());
    let mut page = html::extract(&decoded.text).map_err(|m| format!("{url}: {m}"))?;
    let mut notes = decoded.notes;
    if let Some(enc) = decoded.encoding {
        notes.push(format!("page decoded from {enc}"));
    }
    page.notes.splice(0..0, notes);
    Ok(page)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(xml: &str) -> Vec<Result<Item, ItemError>> {
        let mut out = Vec::new();
        read("f.rss", xml.as_bytes(), &Options::default(), &mut |r| out.push(r));
        out
    }

    #[test]
    fn dates_in_other_forms_and_unreadable_ones() {
        let xml = r#"<rss version="2.0"><channel><title>t</title>
            <item><title>a</title><description>نص أ</description><pubDate>الثلاثاء ٥ آذار ٢٠٢٤</pubDate></item>
            <item><title>b</title><description>نص ب</description><pubDate>قبل ساعتين</pubDate></item>
            <item><title>c</title><description>نص ج</description><pubDate>2024-03-05 23:30:00 +0300</pubDate></item>
            </channel></rss>"#;
        let got: Vec<Item> = items(xml).into_iter().map(Result::unwrap).collect();
        assert_eq!(got[0].meta.declared.published.as_deref(), Some("2024-03-05"));
        assert_eq!(got[1].meta.declared.published, None);
        assert!(got[1].meta.notes[0].contains("\"قبل ساعتين\""), "{:?}", got[1].meta.notes);
        // Late evening in +03:00 is still the 5th, not the UTC date.
        assert_eq!(got[2].meta.declared.published.as_deref(), Some("2024-03-05T23:30:00+03:00"));
        assert!(got[0].meta.notes.is_empty());
    }

    #[test]
    fn unclosed_and_non_feed_xml() {
        let e = items("<rss version=\"2.0\"><channel><title>t</title>\n<item><title>x</title>").remove(0).unwrap_err();
        assert_eq!(e.message, "invalid feed XML at line 2: unexpected end of file: <item> is not closed");
        let e = items("<?xml version=\"1.0\"?><catalog><book/></catalog>").remove(0).unwrap_err();
        assert!(e.message.starts_with("not a feed"), "{e}");
        let e = items("<rss version=\"2.0\"><channel><title>t</title></channel></rss>").remove(0).unwrap_err();
        assert_eq!(e.message, "the feed has no entries");
    }

    #[test]
    fn legacy_encoded_feed() {
        let xml = "<?xml version=\"1.0\" encoding=\"windows-1256\"?><rss version=\"2.0\"><channel><title>نشرة</title>\
                   <item><title>عنوان</title><description>نص الخبر</description></item></channel></rss>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(xml);
        let mut out = Vec::new();
        read("f.rss", &bytes, &Options::default(), &mut |r| out.push(r));
        let item = out.remove(0).unwrap();
        assert_eq!(item.text, "نص الخبر");
        assert_eq!(item.meta.declared.title.as_deref(), Some("عنوان"));
        assert_eq!(item.meta.declared.source.as_deref(), Some("نشرة"));
        assert_eq!(item.meta.encoding.as_deref(), Some("windows-1256"));
    }
}
