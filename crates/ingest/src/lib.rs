//! Inputs to documents: turns files, standard input, feeds and fetched pages
//! into plain-text [`Item`]s with their metadata, ready for analysis.
//!
//! Nothing here analyses text; the crate only reads, decodes and extracts.
//! Every input yields, through a callback, either items or [`ItemError`]s
//! that name the input (`path`, `path:LINE`, `path#N`, `-` or a URL), and an
//! error in one input or one line never stops the rest of a batch. No input
//! makes the crate panic (a property test feeds it arbitrary bytes).
//!
//! ```
//! use isnad_ingest::{read_bytes, Options};
//! let lines = "{\"id\": \"a1\", \"text\": \"قتل 3 مدنيين\", \"date\": \"23/11/2023\"}\nnot json\n";
//! let (mut items, mut errors) = (Vec::new(), Vec::new());
//! read_bytes("batch.jsonl", lines.as_bytes(), &Options::default(), &mut |r| match r {
//!     Ok(item) => items.push(item),
//!     Err(e) => errors.push(e.to_string()),
//! });
//! assert_eq!(items[0].meta.declared.id.as_deref(), Some("a1"));
//! assert_eq!(items[0].meta.declared.published.as_deref(), Some("2023-11-23"));
//! assert!(errors[0].starts_with("batch.jsonl:2"), "{errors:?}");
//! ```
//!
//! # Formats
//!
//! The format is taken from [`Options::format`] when set, else from the file
//! extension, else from the content itself (so files without an extension
//! and standard input work):
//!
//! | format | extensions | recognised content |
//! |---|---|---|
//! | [`Format::Text`] | `.txt` `.text` `.md` | anything else |
//! | [`Format::Html`] | `.html` `.htm` `.xhtml` | `<!doctype html`, `<html`, or another tag first |
//! | [`Format::Feed`] | `.xml` `.rss` `.atom` | XML whose root is `<rss`, `<feed` or `<rdf:RDF`; a JSON Feed |
//! | [`Format::Json`] | `.json` | `{` or `[` first |
//! | [`Format::Jsonl`] | `.jsonl` `.ndjson` | a first line that is a whole JSON object |
//!
//! - **Plain text** is kept as it is (a UTF-8 byte-order mark is removed).
//! - **HTML**: the main content is extracted with a readability algorithm
//!   (`dom_smoothie`), so navigation, footers, sidebars and comments are left
//!   out; the result is plain text with one paragraph per line. Title, date,
//!   site name, URL and language come from the meta tags (`og:*`,
//!   `article:published_time`, `date`, `pubdate`, `itemprop=datePublished`,
//!   `<link rel=canonical>`, `<html lang>`) and from JSON-LD
//!   (`NewsArticle`/`Article`: `headline`, `datePublished`,
//!   `publisher.name`, `url`, including `@graph` and arrays). Malformed HTML
//!   is parsed as a browser would; a page with no text at all is an error.
//!   Markup that appears inside the text (`&lt;b&gt;`) stays text: the output
//!   is never parsed again.
//! - **RSS 2.0, RSS 1.0, Atom and JSON Feed** (`feed-rs`): one item per entry,
//!   named `path#N` (N from 1), with the entry's title, link, publication (or
//!   update) date, the feed title as source, and the content, or else the
//!   summary, as text (HTML converted to plain text). Dates keep the offset
//!   written in the feed. An entry with neither content nor summary is an
//!   error. Invalid feed XML is one error naming the file, with the
//!   line of the fault where it can be found.
//! - **JSON**: an object, an array of objects (`path#N`), or an object with
//!   an array of them under `articles`, `items`, `documents`, `data` or
//!   `results`. **JSON Lines**: one object per line (`path:LINE`); empty lines
//!   are skipped and a bad line is an error that does not stop the file.
//!   Field names accepted: `text`|`content`|`body`|`article`|`articleBody`
//!   (required), `title`|`headline`, `published`|`date`|`datePublished`|
//!   `published_at`|`pubDate`, `source`|`outlet`|`site`|`publisher`,
//!   `url`|`link`, `id`, `language`|`lang`. Text from JSON is taken as it is;
//!   an empty text is kept (so that a corpus keeps its count) with a note.
//!
//! A directory is read recursively in sorted order; hidden files and
//! directories (names starting with `.`) are skipped, and so are files whose
//! extension is none of the above (images, PDFs, …). Symbolic links to
//! directories are not followed. `-` reads standard input.
//!
//! # Encodings
//!
//! Text is always returned as UTF-8. For HTML the encoding is taken, in this
//! order, from a byte-order mark, [`Options::encoding`], the charset of the
//! HTTP response (when fetched), `<meta charset>` or
//! `<meta http-equiv="Content-Type">`, or an `<?xml encoding?>` declaration.
//! With none of these, bytes that are valid UTF-8 are UTF-8; otherwise the
//! encoding is guessed (`chardetng`), which recognises windows-1256 and
//! ISO-8859-6, the usual legacy encodings of Arabic pages. Whenever the input
//! was not UTF-8, [`Meta::encoding`] names the encoding it was decoded from,
//! and a guess is always said so in [`Meta::notes`].
//!
//! Plain text must be UTF-8 (or UTF-16 with a byte-order mark). Other bytes
//! are decoded from a legacy encoding only with evidence: the one named in
//! [`Options::encoding`], or a guess whose result is Arabic script; otherwise
//! the error is `invalid UTF-8 at byte offset N`. Text containing NUL bytes is
//! refused as binary. Feeds follow their XML declaration; JSON must be UTF-8.
//!
//! # Dates
//!
//! Dates are normalised to ISO 8601: `YYYY-MM-DD` or
//! `YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]`, from RFC 3339, RFC 2822, `YYYY/MM/DD`,
//! `DD/MM/YYYY` when the day cannot be read as a month, English and Arabic
//! month names, and Arabic-Indic digits. A date that cannot be read is
//! dropped, with a note in [`Meta::notes`], never an error.
//!
//! # Limits
//!
//! [`Options::max_bytes`] (8 MiB by default) bounds each document: a whole
//! file, each line of a JSON Lines file or stream, and each fetched page.
//! Larger inputs are refused with an error naming them, without being read
//! whole. HTML nested more than 4,096 levels deep is not parsed (its tags are
//! stripped instead), and pages deeper than 256 levels or with more than
//! 200,000 elements skip main-content extraction and keep their whole body
//! text; both are said in [`Meta::notes`], as these shapes only come from
//! broken or hostile pages and would otherwise take minutes.
//!
//! # Fetching
//!
//! Network access is off unless [`Options::follow_links`] is set. Then a
//! feed entry whose text is shorter than [`Options::fetch_below_chars`] has its
//! link fetched and the article extracted from the page, and a path that is an
//! `http://` URL is fetched as an input. Requests name isnad in their
//! User-Agent; connecting, waiting for the response and receiving the body
//! each time out after [`Options::timeout`] (10 s by default); at most
//! `max_bytes` are read; and requests to one host are spaced by at least
//! [`Options::min_interval_per_host`] (one second by default, across the
//! whole process). A failed fetch is an error naming the entry; the entry's
//! own text is still returned when it has some. Proxies are taken from the
//! usual environment variables. Only `http://` is built in: `https://` needs
//! the crate's `tls` feature (rustls), off by default to keep the build
//! small; without it an `https://` link is an error that says so.

use std::fmt;
use std::time::Duration;

pub use isnad_schema::InputMeta;

mod date;
mod decode;
mod detect;
mod feed;
mod fetch;
mod html;
mod json;
mod read;

pub use read::{read_bytes, read_path};

/// The format an item was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text.
    Text,
    /// An HTML page.
    Html,
    /// An RSS, Atom or JSON feed (one item per entry).
    Feed,
    /// A JSON object or array of objects.
    Json,
    /// JSON Lines / NDJSON: one object per line.
    Jsonl,
}

impl Format {
    /// Lower-case name: `text`, `html`, `feed`, `json` or `jsonl`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Feed => "feed",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Metadata found with a document. Every field is what the input declares,
/// cleaned up; nothing is invented.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meta {
    /// Identifier (JSON `id`, feed entry id or guid), title or headline, site or outlet name
    /// (`og:site_name`, JSON-LD publisher, feed title, …), URL (canonical link, `og:url`, feed
    /// entry link, …) and publication date (ISO 8601, see the crate documentation).
    pub declared: InputMeta,
    /// Declared language, as a lower-case primary subtag (`ar`, `en`, …).
    pub language: Option<String>,
    /// The legacy encoding the text was decoded from (`windows-1256`, …);
    /// `None` when the input was UTF-8.
    pub encoding: Option<String>,
    /// What was guessed, replaced or dropped on the way (an encoding guess,
    /// an unreadable date, a failed fetch, …), one sentence each.
    pub notes: Vec<String>,
}

/// One document ready for analysis.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// Where it came from: `path`, `path:LINE` (JSON Lines), `path#N` (entry
    /// or element N of a feed or JSON array, from 1), `-` (standard input) or
    /// the URL it was fetched from.
    pub name: String,
    /// The format it was read as.
    pub format: Format,
    /// Its metadata.
    pub meta: Meta,
    /// The text, UTF-8; for HTML and feeds the main content only, as plain
    /// text with one paragraph per line.
    pub text: String,
}

/// An input, or a part of one, that gave no item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemError {
    /// Which input: the same naming as [`Item::name`].
    pub name: String,
    /// What went wrong.
    pub message: String,
}

impl ItemError {
    pub(crate) fn new(name: impl Into<String>, message: impl Into<String>) -> Self {
        ItemError { name: name.into(), message: message.into() }
    }
}

impl fmt::Display for ItemError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.name, self.message)
    }
}

impl std::error::Error for ItemError {}

/// How inputs are read. Build with `Options { field: value, ..Options::default() }`.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Size limit of one document in bytes (a file, a JSON Lines line, a
    /// fetched page). Default 8 MiB.
    pub max_bytes: u64,
    /// Read every input as this format instead of detecting it.
    pub format: Option<Format>,
    /// Encoding label (`windows-1256`, `iso-8859-6`, …) to decode plain text
    /// and HTML with, overriding declarations and guesses (a byte-order mark
    /// still wins).
    pub encoding: Option<String>,
    /// Allow network access: fetch the links of feed entries with little
    /// text, and read `http://` paths. Default off.
    pub follow_links: bool,
    /// A feed entry with fewer characters of text than this has its link
    /// fetched (when [`Options::follow_links`] is set). Default 500.
    pub fetch_below_chars: usize,
    /// Least time between two requests to the same host. Default 1 s.
    pub min_interval_per_host: Duration,
    /// Connect and read timeout of a request. Default 10 s.
    pub timeout: Duration,
}

/// Default size limit of one document: 8 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 8 << 20;

impl Default for Options {
    fn default() -> Self {
        Options {
            max_bytes: DEFAULT_MAX_BYTES,
            format: None,
            encoding: None,
            follow_links: false,
            fetch_below_chars: 500,
            min_interval_per_host: Duration::from_secs(1),
            timeout: Duration::from_secs(10),
        }
    }
}
