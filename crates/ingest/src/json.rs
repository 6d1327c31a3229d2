//! JSON documents and JSON Lines corpora.

use std::io::{BufRead, Read};

use serde_json::{Map, Value};

use crate::{date, decode, detect, html, Format, InputMeta, Item, ItemError, Meta};

const TEXT_KEYS: &[&str] = &["text", "content", "body", "article", "articleBody"];
const TITLE_KEYS: &[&str] = &["title", "headline"];
const DATE_KEYS: &[&str] = &["published", "date", "datePublished", "published_at", "pubDate"];
const SOURCE_KEYS: &[&str] = &["source", "outlet", "site", "publisher"];
const URL_KEYS: &[&str] = &["url", "link"];
const LANG_KEYS: &[&str] = &["language", "lang"];
/// Keys under which a wrapper object may hold its documents.
const LIST_KEYS: &[&str] = &["articles", "items", "documents", "data", "results"];

/// A JSON document: an object, an array of objects, or a wrapper object.
pub(crate) fn read_json(name: &str, bytes: &[u8], max: u64, each: &mut dyn FnMut(Result<Item, ItemError>)) {
    let text = match decode::utf8_only(bytes) {
        Ok(t) => t,
        Err(m) => return each(Err(ItemError::new(name, m))),
    };
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            // A `.json` file that is really JSON Lines.
            if detect::sniff(bytes) == Format::Jsonl {
                return read_lines(name, bytes, max, each);
            }
            return each(Err(ItemError::new(name, format!("invalid JSON: {e}"))));
        }
    };
    match value {
        Value::Object(obj) => {
            if TEXT_KEYS.iter().any(|k| obj.contains_key(*k)) {
                return each(to_item(name.to_string(), &obj, Format::Json));
            }
            match LIST_KEYS.iter().find_map(|k| obj.get(*k).and_then(Value::as_array)) {
                Some(list) => read_array(name, list, each),
                None => each(Err(ItemError::new(name, missing_text()))),
            }
        }
        Value::Array(list) => read_array(name, &list, each),
        _ => each(Err(ItemError::new(name, "expected a JSON object or an array of objects"))),
    }
}

fn read_array(name: &str, list: &[Value], each: &mut dyn FnMut(Result<Item, ItemError>)) {
    if list.is_empty() {
        return each(Err(ItemError::new(name, "no documents (empty array)")));
    }
    for (i, v) in list.iter().enumerate() {
        let at = format!("{name}#{}", i + 1);
        match v {
            Value::Object(obj) => each(to_item(at, obj, Format::Json)),
            _ => each(Err(ItemError::new(at, "not a JSON object"))),
        }
    }
}

/// JSON Lines from any reader; each line is limited to `max` bytes.
pub(crate) fn read_lines<R: Read>(name: &str, reader: R, max: u64, each: &mut dyn FnMut(Result<Item, ItemError>)) {
    let mut r = std::io::BufReader::new(reader);
    let mut line_no = 0usize;
    let mut buf = Vec::new();
    loop {
        line_no += 1;
        buf.clear();
        let at = format!("{name}:{line_no}");
        match (&mut r).take(max.saturating_add(1)).read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                each(Err(ItemError::new(at, format!("cannot read: {e}"))));
                break;
            }
        }
        if buf.len() as u64 > max && !buf.ends_with(b"\n") {
            each(Err(ItemError::new(at, format!("line larger than the {} limit", crate::read::human_bytes(max)))));
            // Skip the rest of the line, without keeping it.
            let mut sink = Vec::new();
            loop {
                sink.clear();
                match (&mut r).take(1 << 16).read_until(b'\n', &mut sink) {
                    Ok(0) => break,
                    Ok(_) if sink.ends_with(b"\n") => break,
                    Ok(_) => {}
                    Err(_) => return,
                }
            }
            continue;
        }
        let line = match decode::utf8_only(&buf) {
            Ok(l) => l.trim(),
            Err(m) => {
                each(Err(ItemError::new(at, m)));
                continue;
            }
        };
        if line.is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(obj)) => each(to_item(at, &obj, Format::Jsonl)),
            Ok(_) => each(Err(ItemError::new(at, "not a JSON object"))),
            Err(e) => each(Err(ItemError::new(at, format!("invalid JSON: {e}")))),
        }
    }
}

fn missing_text() -> String {
    "no text field (text, content, body, article or articleBody)".into()
}

fn string_field(obj: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| match obj.get(*k)? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Object(o) => {
            o.get("name").and_then(Value::as_str).map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
        }
        _ => None,
    })
}

fn to_item(name: String, obj: &Map<String, Value>, format: Format) -> Result<Item, ItemError> {
    let Some((key, value)) = TEXT_KEYS.iter().find_map(|k| obj.get(*k).map(|v| (*k, v))) else {
        return Err(ItemError::new(name, missing_text()));
    };
    let text = match value {
        Value::String(s) => s.clone(),
        _ => return Err(ItemError::new(name, format!("\"{key}\" is not a string"))),
    };
    let declared = InputMeta {
        id: obj.get("id").and_then(|v| match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }),
        title: string_field(obj, TITLE_KEYS),
        source: string_field(obj, SOURCE_KEYS),
        url: string_field(obj, URL_KEYS),
        published: None,
    };
    let mut meta = Meta {
        declared,
        language: string_field(obj, LANG_KEYS).and_then(|l| html::language_tag(&l)),
        ..Meta::default()
    };
    if let Some(raw) = string_field(obj, DATE_KEYS) {
        set_date(&mut meta, &raw);
    }
    if text.trim().is_empty() {
        // A record of a corpus, kept so that counts match; said so.
        meta.notes.push(format!("\"{key}\" is empty"));
    }
    Ok(Item { name, format, meta, text })
}

/// Normalises `raw` into `meta.declared.published`, or notes why it was dropped.
pub(crate) fn set_date(meta: &mut Meta, raw: &str) {
    match date::normalize(raw) {
        Ok(iso) => meta.declared.published = Some(iso),
        Err(date::DateIssue::Ambiguous) => {
            meta.notes.push(format!("publication date {raw:?} is ambiguous (day or month first); dropped"))
        }
        Err(date::DateIssue::Unreadable) => {
            meta.notes.push(format!("publication date {raw:?} not understood; dropped"))
        }
    }
}
