//! Paths, standard input and bytes to items.

use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use crate::{decode, detect, feed, fetch, html, json, Format, InputMeta, Item, ItemError, Meta, Options};

/// Reads one input and calls `each` with every item or error in it, in
/// order. `-` is standard input; a directory is read recursively in sorted
/// order, skipping hidden entries and files of unknown type; an `http://`
/// path is fetched when [`Options::follow_links`] is set.
pub fn read_path(path: &Path, opts: &Options, each: &mut dyn FnMut(Result<Item, ItemError>)) {
    let name = path.to_string_lossy().into_owned();
    if name == "-" {
        return read_stdin(opts, each);
    }
    if fetch::is_url(&name) {
        return read_url(&name, opts, each);
    }
    match fs::metadata(path) {
        Ok(m) if m.is_dir() => read_dir(path, opts, each),
        Ok(m) if m.is_file() => read_file(path, &name, opts, each),
        Ok(_) => each(Err(ItemError::new(name, "not a regular file or directory"))),
        Err(e) => each(Err(ItemError::new(name, format!("cannot open: {e}")))),
    }
}

/// Reads a document held in memory. `name` names it in items and errors;
/// its extension, if any, gives the format unless [`Options::format`] does.
pub fn read_bytes(name: &str, bytes: &[u8], opts: &Options, each: &mut dyn FnMut(Result<Item, ItemError>)) {
    let format = opts.format.or_else(|| detect::by_extension(Path::new(name))).unwrap_or_else(|| detect::sniff(bytes));
    // JSON Lines are limited line by line.
    if format != Format::Jsonl && bytes.len() as u64 > opts.max_bytes {
        return each(Err(too_large(name, opts.max_bytes)));
    }
    dispatch(name, bytes, format, None, opts, each);
}

/// One document of a known format.
fn dispatch(
    name: &str,
    bytes: &[u8],
    format: Format,
    charset: Option<&str>,
    opts: &Options,
    each: &mut dyn FnMut(Result<Item, ItemError>),
) {
    let forced = match opts.encoding.as_deref() {
        Some(label) => match decode::lookup(label) {
            Some(enc) => Some(enc),
            None => return each(Err(ItemError::new(name, format!("unknown encoding {label:?}")))),
        },
        None => None,
    };
    match format {
        Format::Text => each(match decode::text(bytes, forced) {
            Ok(d) if d.text.trim().is_empty() => Err(ItemError::new(name, "empty: no text")),
            Ok(d) => Ok(Item {
                name: name.to_string(),
                format,
                meta: Meta { encoding: d.encoding, notes: d.notes, ..Meta::default() },
                text: d.text,
            }),
            Err(m) => Err(ItemError::new(name, m)),
        }),
        Format::Html => {
            if let Some(pos) = decode::nul_at(bytes).filter(|_| decode::bom(bytes).is_none()) {
                return each(Err(ItemError::new(name, decode::binary_message(pos))));
            }
            let d = decode::html(bytes, forced, charset);
            each(match html::extract(&d.text) {
                Ok(page) => {
                    let mut notes = d.notes;
                    notes.extend(page.notes);
                    Ok(Item {
                        name: name.to_string(),
                        format,
                        meta: Meta {
                            declared: InputMeta {
                                id: None,
                                title: page.title,
                                source: page.source,
                                url: page.url,
                                published: page.published,
                            },
                            language: page.language,
                            encoding: d.encoding,
                            notes,
                        },
                        text: page.text,
                    })
                }
                Err(m) => Err(ItemError::new(name, m)),
            })
        }
        Format::Feed => feed::read(name, bytes, opts, each),
        Format::Json => json::read_json(name, bytes, opts.max_bytes, each),
        Format::Jsonl => json::read_lines(name, bytes, opts.max_bytes, each),
    }
}

fn too_large(name: &str, max: u64) -> ItemError {
    ItemError::new(name, format!("larger than the {} limit", human_bytes(max)))
}

pub(crate) fn human_bytes(n: u64) -> String {
    if n >= 1 << 20 && n.is_multiple_of(1 << 20) {
        format!("{} MiB", n >> 20)
    } else if n >= 1 << 10 && n.is_multiple_of(1 << 10) {
        format!("{} KiB", n >> 10)
    } else {
        format!("{n} bytes")
    }
}

/// Reads at most `max` bytes; refuses larger inputs without reading them whole.
fn read_limited(r: impl Read, max: u64) -> io::Result<Option<Vec<u8>>> {
    let mut buf = Vec::new();
    r.take(max.saturating_add(1)).read_to_end(&mut buf)?;
    Ok((buf.len() as u64 <= max).then_some(buf))
}

fn read_stdin(opts: &Options, each: &mut dyn FnMut(Result<Item, ItemError>)) {
    read_stream("-", io::stdin().lock(), opts.format, opts, each);
}

fn read_file(path: &Path, name: &str, opts: &Options, each: &mut dyn FnMut(Result<Item, ItemError>)) {
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => return each(Err(ItemError::new(name, format!("cannot open: {e}")))),
    };
    if fs::metadata(path).is_ok_and(|m| m.len() > opts.max_bytes)
        && opts.format.or_else(|| detect::by_extension(path)).is_some_and(|f| f != Format::Jsonl)
    {
        return each(Err(too_large(name, opts.max_bytes)));
    }
    read_stream(name, file, opts.format.or_else(|| detect::by_extension(path)), opts, each);
}

/// Reads a file or standard input: JSON Lines are streamed line by line,
/// anything else is read whole, up to the size limit.
fn read_stream(
    name: &str,
    reader: impl Read,
    format: Option<Format>,
    opts: &Options,
    each: &mut dyn FnMut(Result<Item, ItemError>),
) {
    let mut reader = BufReader::with_capacity(64 << 10, reader);
    let format = match format {
        Some(f) => f,
        None => match reader.fill_buf() {
            Ok(head) => detect::sniff(head),
            Err(e) => return each(Err(ItemError::new(name, format!("cannot read: {e}")))),
        },
    };
    if format == Format::Jsonl {
        return json::read_lines(name, reader, opts.max_bytes, each);
    }
    match read_limited(reader, opts.max_bytes) {
        Ok(Some(bytes)) => dispatch(name, &bytes, format, None, opts, each),
        Ok(None) => each(Err(too_large(name, opts.max_bytes))),
        Err(e) => each(Err(ItemError::new(name, format!("cannot read: {e}")))),
    }
}

fn read_dir(dir: &Path, opts: &Options, each: &mut dyn FnMut(Result<Item, ItemError>)) {
    let entries = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => return each(Err(ItemError::new(dir.to_string_lossy(), format!("cannot list: {e}")))),
    };
    let mut names: Vec<_> = Vec::new();
    for entry in entries {
        match entry {
            Ok(e) => names.push(e.file_name()),
            Err(e) => each(Err(ItemError::new(dir.to_string_lossy(), format!("cannot list: {e}")))),
        }
    }
    names.sort();
    for file_name in names {
        if file_name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = dir.join(&file_name);
        let name = path.to_string_lossy().into_owned();
        let link_meta = match fs::symlink_metadata(&path) {
            Ok(m) => m,
            Err(e) => {
                each(Err(ItemError::new(name, format!("cannot open: {e}"))));
                continue;
            }
        };
        if link_meta.is_dir() {
            read_dir(&path, opts, each);
            continue;
        }
        match fs::metadata(&path) {
            // Symbolic links to directories are not followed (no cycles).
            Ok(m) if m.is_dir() => {}
            Ok(m) if m.is_file() => {
                let known = detect::by_extension(&path).is_some() || path.extension().is_none();
                if known {
                    read_file(&path, &name, opts, each);
                }
            }
            Ok(_) => {}
            Err(e) => each(Err(ItemError::new(name, format!("cannot open: {e}")))),
        }
    }
}

/// Reads a URL as an input (needs `follow_links`).
fn read_url(url: &str, opts: &Options, each: &mut dyn FnMut(Result<Item, ItemError>)) {
    if !opts.follow_links {
        return each(Err(ItemError::new(url, "a URL, but network access is off (enable fetching to read it)")));
    }
    let got = match fetch::get(url, opts) {
        Ok(g) => g,
        Err(m) => return each(Err(ItemError::new(url, m))),
    };
    let format = opts.format.unwrap_or_else(|| match got.mime.as_deref() {
        Some(m) if m.contains("html") => Format::Html,
        Some(m) if m.contains("rss") || m.contains("atom") || m.ends_with("/xml") => Format::Feed,
        Some(m) if m.contains("ndjson") || m.contains("jsonl") || m.contains("json-seq") => Format::Jsonl,
        Some(m) if m.contains("json") => Format::Json,
        Some("text/plain") => Format::Text,
        _ => detect::sniff(&got.bytes),
    });
    dispatch(url, &got.bytes, format, got.charset.as_deref(), opts, each);
}
