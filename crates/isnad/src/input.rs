//! Reading documents: files, stdin and JSON Lines, with errors that name the
//! input and never stop the rest of a batch.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use isnad_pipeline::Input;
use serde::Deserialize;

/// Default size limit of one document.
pub const DEFAULT_MAX_BYTES: u64 = 8 << 20;

/// An input-level error: `where_` names the file (and line).
#[derive(Debug)]
pub struct InputError {
    /// File, or file:line.
    pub where_: String,
    /// What went wrong.
    pub message: String,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.where_, self.message)
    }
}

/// Decodes bytes as UTF-8 text, refusing binary content.
pub fn decode(bytes: Vec<u8>) -> Result<String, String> {
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        return Err(format!("binary content (NUL byte at byte offset {pos}); expected UTF-8 text"));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        format!("invalid UTF-8 at byte offset {at}")
    })
}

/// Reads at most `max` bytes; refuses larger inputs without reading them whole.
fn read_limited(r: impl Read, max: u64) -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    r.take(max + 1).read_to_end(&mut buf).map_err(|e| format!("cannot read: {e}"))?;
    if buf.len() as u64 > max {
        return Err(format!("larger than the {} limit; split it or raise --max-bytes", human_bytes(max)));
    }
    Ok(buf)
}

fn human_bytes(n: u64) -> String {
    if n >= 1 << 20 && n.is_multiple_of(1 << 20) {
        format!("{} MiB", n >> 20)
    } else {
        format!("{n} bytes")
    }
}

/// One record of a JSON Lines corpus.
#[derive(Deserialize)]
struct JsonDoc {
    id: Option<serde_json::Value>,
    title: Option<String>,
    text: String,
    published: Option<String>,
    date: Option<String>,
    source: Option<String>,
    url: Option<String>,
}

/// Metadata given on the command line (applies to plain-text inputs).
pub use isnad_pipeline::InputMeta as Meta;

/// Reads one path ("-" = stdin) and calls `each` with every document or
/// error in it, in order.
pub fn read_path(path: &str, meta: &Meta, max: u64, each: &mut dyn FnMut(Result<Input, InputError>)) {
    let name = if path == "-" { "<stdin>".to_string() } else { path.to_string() };
    let is_jsonl = path.ends_with(".jsonl") || path.ends_with(".ndjson");
    // Web pages, feeds and JSON documents go through the ingest reader (main content, metadata,
    // legacy encodings); plain text and JSON Lines are read here.
    let lower = path.to_ascii_lowercase();
    if [".html", ".htm", ".xhtml", ".xml", ".rss", ".atom", ".json"].iter().any(|e| lower.ends_with(e)) {
        let opts = isnad_ingest::Options { max_bytes: max, ..Default::default() };
        isnad_ingest::read_path(Path::new(path), &opts, &mut |r| {
            each(r.map_err(|e| InputError { where_: e.name, message: e.message }).and_then(|item| {
                let name = item.name.clone();
                to_input(item, meta).map_err(|message| InputError { where_: name, message })
            }))
        });
        return;
    }
    let fail = |message: String| InputError { where_: name.clone(), message };
    let reader: Box<dyn Read> = if path == "-" {
        Box::new(io::stdin().lock())
    } else {
        match File::open(path) {
            Ok(f) => {
                if f.metadata().is_ok_and(|m| m.is_dir()) {
                    return each(Err(fail("is a directory".into())));
                }
                Box::new(f)
            }
            Err(e) => return each(Err(fail(format!("cannot open: {e}")))),
        }
    };
    if is_jsonl {
        return read_jsonl(&name, reader, meta, max, each);
    }
    let doc = read_limited(reader, max).and_then(decode).map(|text| {
        let mut title = meta.title.clone();
        let mut body = text;
        if title.is_none() && meta.id.is_none() {
            title = first_line_title(&body);
        }
        let id = meta.id.clone().or_else(|| {
            (path != "-").then(|| Path::new(path).file_stem().map(|s| s.to_string_lossy().into_owned())).flatten()
        });
        body.shrink_to_fit();
        let declared = Meta { id, title, ..meta.clone() };
        Input { meta: declared, text: body }
    });
    each(doc.map_err(fail))
}

/// An input read by `isnad-ingest` as the pipeline's input. The id is the one
/// the input gives, else its URL, else (files) the file name without extension,
/// else the content id; the date must be ISO 8601 (the reader normalises what
/// it can); plain text without a title takes a short first line as its title.
pub fn to_input(item: isnad_ingest::Item, defaults: &Meta) -> Result<Input, String> {
    let m = item.meta;
    let published = match m.declared.published.or_else(|| defaults.published.clone()) {
        Some(p) => Some(isnad_schema::parse_published(&p).map_err(|e| format!("published: {e}"))?),
        None => None,
    };
    let from_file = item.name != "-" && !item.name.contains(['#', ':']);
    let id = m.declared.id.or_else(|| m.declared.url.clone()).or_else(|| {
        from_file
            .then(|| std::path::Path::new(&item.name).file_stem().map(|s| s.to_string_lossy().into_owned()))
            .flatten()
    });
    let mut title = m.declared.title;
    if title.is_none() && item.format == isnad_ingest::Format::Text {
        title = first_line_title(&item.text);
    }
    let declared = Meta {
        id,
        title,
        source: m.declared.source.or_else(|| defaults.source.clone()),
        url: m.declared.url,
        published,
    };
    Ok(Input { meta: declared, text: item.text })
}

/// A plain text's title when none is given: a short first line, not ending
/// like a sentence, followed by a body.
pub fn first_line_title(text: &str) -> Option<String> {
    let (first, rest) = text.split_once('\n')?;
    let t = first.trim();
    let title =
        !t.is_empty() && t.chars().count() <= 200 && !rest.trim().is_empty() && !t.ends_with(['.', '؟', '!', '،']);
    title.then(|| t.to_string())
}

fn read_jsonl(
    name: &str,
    reader: Box<dyn Read>,
    meta: &Meta,
    max: u64,
    each: &mut dyn FnMut(Result<Input, InputError>),
) {
    let mut r = BufReader::new(reader);
    let mut line_no = 0usize;
    loop {
        line_no += 1;
        let mut buf = Vec::new();
        match (&mut r).take(max + 1).read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                each(Err(InputError { where_: format!("{name}:{line_no}"), message: format!("cannot read: {e}") }));
                break;
            }
        }
        let at = format!("{name}:{line_no}");
        if buf.len() as u64 > max && !buf.ends_with(b"\n") {
            each(Err(InputError { where_: at, message: format!("line larger than the {} limit", human_bytes(max)) }));
            // Skip the rest of the line.
            let mut sink = Vec::new();
            if r.read_until(b'\n', &mut sink).is_err() {
                break;
            }
            continue;
        }
        let line = match decode(buf) {
            Ok(l) => l,
            Err(m) => {
                each(Err(InputError { where_: at, message: m }));
                continue;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let doc: JsonDoc = match serde_json::from_str(&line) {
            Ok(d) => d,
            Err(e) => {
                each(Err(InputError {
                    where_: at,
                    message: format!("not a JSON document with a \"text\" field: {e}"),
                }));
                continue;
            }
        };
        let published = match doc.published.or(doc.date).or_else(|| meta.published.clone()) {
            Some(p) => match isnad_schema::parse_published(&p) {
                Ok(p) => Some(p),
                Err(m) => {
                    each(Err(InputError { where_: at, message: format!("published: {m}") }));
                    continue;
                }
            },
            None => None,
        };
        let id = doc.id.map(|v| match v {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        });
        let declared =
            Meta { id, title: doc.title, source: doc.source.or_else(|| meta.source.clone()), url: doc.url, published };
        each(Ok(Input { meta: declared, text: doc.text }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_the_offset() {
        let err = decode(b"abc\xff\xfe".to_vec()).unwrap_err();
        assert_eq!(err, "invalid UTF-8 at byte offset 3");
        assert!(decode(b"a\0b".to_vec()).unwrap_err().contains("NUL byte at byte offset 1"));
        assert_eq!(decode(Vec::new()).unwrap(), "");
    }

    #[test]
    fn size_limit_refuses_without_reading_everything() {
        let data = vec![b'a'; 1000];
        assert!(read_limited(&data[..], 999).unwrap_err().contains("limit"));
        assert_eq!(read_limited(&data[..], 1000).unwrap().len(), 1000);
    }
}
