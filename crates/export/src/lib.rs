//! Corpus exports of `isnad/1` records.
//!
//! The writers take [`ClusterRecord`]s — one happening as reported across
//! documents; a single-document event is a cluster of one member (see
//! [`clusters_from_document`]) — and write:
//!
//! * [`write_acled_csv`]: ACLED-style CSV, the 31 columns of ACLED's export,
//!   one row per cluster that ACLED codes;
//! * [`write_plover_jsonl`]: PLOVER-style JSON lines, one per cluster;
//! * [`write_geojson`]: an RFC 7946 FeatureCollection, one Point per placed cluster;
//! * [`write_graphml`]: the actor network (actors → recipients) as GraphML;
//!
//! and [`write_documents_jsonl`] writes whole documents, one per line.
//!
//! Every writer is deterministic: the same records give the same bytes (no
//! clock, no random ids), so exports can be diffed and checked in.
//!
//! ```
//! use isnad_export::{clusters_from_document, write_clusters, Format};
//! // An analysed article with one event, as `isnad analyze` writes it.
//! let doc: isnad_schema::Document = serde_json::from_value(serde_json::json!({
//!     "schema": "isnad/1",
//!     "document": {"id": "d1", "title": null, "source": "Outlet A", "url": null,
//!                  "published": "2024-03-04", "language": "ar"},
//!     "text": "قتل مسلحون ثلاثة جنود في عدن.",
//!     "sentences": [], "quantities": [],
//!     "events": [{
//!         "id": "ev1", "type": "ASSAULT", "mode": "firearms", "quad": 4,
//!         "acled": {"event_type": "Battles", "sub_event_type": "Armed clash"},
//!         "actors": [], "recipients": [], "place": null, "time": null,
//!         "counts": {"killed": 3}, "evidence": [{"start": 0, "end": 3}],
//!         "attribution": {"sources": [], "cue": null, "chain": "", "basis": "explicit"},
//!         "factuality": "asserted", "trigger": "kill"
//!     }]
//! }))?;
//! // A single article's events are clusters of one member.
//! let clusters = clusters_from_document(&doc);
//! assert_eq!((clusters.len(), clusters[0].members[0].evidence.as_str()), (1, "قتل"));
//! let mut csv = Vec::new();
//! assert_eq!(write_clusters(Format::AcledCsv, &clusters, &mut csv)?, 1);
//! let csv = String::from_utf8(csv)?;
//! assert!(csv.starts_with("event_id_cnty,event_date,"));
//! assert!(csv.lines().nth(1).is_some_and(|row| row.contains("Armed clash")));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::io::{self, Write};
use std::str::FromStr;

use isnad_schema::{ClusterMember, ClusterRecord, Document, EventRecord, Origin, OriginKind, SourceKind};
use isnad_text::hash::fnv1a_fields;

mod acled;
mod countries;
mod geojson;
mod graphml;
mod plover;
mod util;

pub use acled::{write_acled_csv, ACLED_COLUMNS};
pub use geojson::write_geojson;
pub use graphml::write_graphml;
pub use plover::write_plover_jsonl;

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// ACLED-style CSV (`acled-csv`).
    AcledCsv,
    /// PLOVER-style JSON lines (`plover-jsonl`).
    PloverJsonl,
    /// GeoJSON FeatureCollection (`geojson`).
    GeoJson,
    /// GraphML actor network (`graphml`).
    GraphMl,
    /// `isnad/1` documents, one per line (`jsonl`).
    Jsonl,
}

impl Format {
    /// Every format, in the order of the command-line names.
    pub const ALL: [Format; 5] =
        [Format::AcledCsv, Format::PloverJsonl, Format::GeoJson, Format::GraphMl, Format::Jsonl];

    /// The command-line name (`acled-csv`, `plover-jsonl`, `geojson`, `graphml`, `jsonl`).
    pub fn name(self) -> &'static str {
        match self {
            Format::AcledCsv => "acled-csv",
            Format::PloverJsonl => "plover-jsonl",
            Format::GeoJson => "geojson",
            Format::GraphMl => "graphml",
            Format::Jsonl => "jsonl",
        }
    }

    /// The media type of the file (for HTTP).
    pub fn media_type(self) -> &'static str {
        match self {
            Format::AcledCsv => "text/csv; charset=utf-8",
            Format::PloverJsonl | Format::Jsonl => "application/x-ndjson",
            Format::GeoJson => "application/geo+json",
            Format::GraphMl => "application/graphml+xml",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::AcledCsv => "csv",
            Format::PloverJsonl | Format::Jsonl => "jsonl",
            Format::GeoJson => "geojson",
            Format::GraphMl => "graphml",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An unknown format name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownFormat(pub String);

impl fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        write!(f, "unknown export format {:?} (expected one of: {})", self.0, names.join(", "))
    }
}

impl std::error::Error for UnknownFormat {}

impl FromStr for Format {
    type Err = UnknownFormat;

    /// Reads a command-line name, case-insensitively.
    fn from_str(s: &str) -> Result<Format, UnknownFormat> {
        let t = s.trim();
        Format::ALL.into_iter().find(|f| f.name().eq_ignore_ascii_case(t)).ok_or_else(|| UnknownFormat(s.to_string()))
    }
}

/// Writes clusters in one of the cluster formats (every format but `Jsonl`,
/// which writes documents: see [`write_documents_jsonl`]). Returns the number
/// of records written.
pub fn write_clusters<W: Write>(format: Format, clusters: &[ClusterRecord], w: W) -> io::Result<usize> {
    match format {
        Format::AcledCsv => write_acled_csv(clusters, w),
        Format::PloverJsonl => write_plover_jsonl(clusters, w),
        Format::GeoJson => write_geojson(clusters, w),
        Format::GraphMl => write_graphml(clusters, w),
        Format::Jsonl => Err(io::Error::new(io::ErrorKind::InvalidInput, "jsonl exports documents, not clusters")),
    }
}

/// Writes documents as JSON lines, one `isnad/1` document per line.
/// Returns the number of documents written.
pub fn write_documents_jsonl<'a, W: Write>(docs: impl IntoIterator<Item = &'a Document>, w: W) -> io::Result<usize> {
    let mut w = io::BufWriter::new(w);
    let mut n = 0;
    for doc in docs {
        serde_json::to_writer(&mut w, doc)?;
        w.write_all(b"\n")?;
        n += 1;
    }
    w.flush()?;
    Ok(n)
}

/// Each event of one document as a cluster of one member, so that a single
/// analysed article can be exported without a corpus.
///
/// The cluster id is `c` + 16 hex digits of a stable hash of the document
/// and event ids. The member's evidence is the text of the event's first
/// evidence span. Its one origin comes from the attribution chain: the
/// first (original) source's linked actor (`actor:ID`); else, for a source
/// that is not the outlet, its kind and normalised text
/// (`source:KIND:TEXT@OUTLET`); else an agency the outlet quotes
/// (`agency:TEXT`); else the outlet itself (`outlet:NAME`, the document's
/// source, or its id when the outlet is unknown). The origin's kind follows
/// the source's: `official`, `witness`, `named` (named persons and
/// organisations, documents), `anonymous` (also unlinked social-media
/// sources), `agency` or `outlet` (the outlet alone or its own earlier
/// reporting).
pub fn clusters_from_document(doc: &Document) -> Vec<ClusterRecord> {
    let meta = &doc.document;
    let text = Chars::new(&doc.text);
    doc.events
        .iter()
        .map(|e| {
            let origin = origin_of(doc, e);
            let evidence = e.evidence.first().map(|s| text.slice(s.start, s.end).to_string()).unwrap_or_default();
            let member = ClusterMember {
                doc: meta.id.clone(),
                event: e.id.clone(),
                outlet: meta.source.clone(),
                published: meta.published.clone(),
                url: meta.url.clone(),
                evidence,
                origin: origin.key.clone(),
            };
            ClusterRecord {
                id: format!("c{:016x}", fnv1a_fields(&[&meta.id, &e.id])),
                ty: e.ty,
                mode: e.mode,
                quad: e.quad,
                acled: e.acled.clone(),
                actors: e.actors.clone(),
                recipients: e.recipients.clone(),
                place: e.place.clone(),
                time: e.time.clone(),
                counts: e.counts.clone(),
                factuality: e.factuality,
                members: vec![member],
                origins: vec![origin],
                independent_sources: 1,
                contradictions: Vec::new(),
            }
        })
        .collect()
}

/// Code-point slicing of a text.
struct Chars<'a> {
    text: &'a str,
    /// Byte offset of every code point, plus the text's length.
    starts: Vec<usize>,
}

impl<'a> Chars<'a> {
    fn new(text: &'a str) -> Self {
        let mut starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        starts.push(text.len());
        Chars { text, starts }
    }

    /// The code points `start..end` (clamped; empty when reversed).
    fn slice(&self, start: u32, end: u32) -> &'a str {
        let last = self.starts.len() - 1;
        let (s, e) = ((start as usize).min(last), (end as usize).min(last));
        if s >= e {
            return "";
        }
        &self.text[self.starts[s]..self.starts[e]]
    }
}

/// Lower case, Arabic diacritics and tatweel dropped, whitespace collapsed.
fn normalise(s: &str) -> String {
    let kept: String = s
        .chars()
        .filter(|c| !matches!(c, '\u{064B}'..='\u{0652}' | '\u{0670}' | '\u{0640}'))
        .flat_map(char::to_lowercase)
        .collect();
    util::one_line(&kept)
}

fn origin_of(doc: &Document, e: &EventRecord) -> Origin {
    let meta = &doc.document;
    let outlet = meta.source.as_deref().map(str::trim).filter(|s| !s.is_empty()).unwrap_or(&meta.id);
    let documents = vec![meta.id.clone()];
    let sources = &e.attribution.sources;
    if let Some(first) = sources.first() {
        if let Some(a) = &first.actor {
            let kind = match first.kind {
                SourceKind::Official => OriginKind::Official,
                SourceKind::Witness => OriginKind::Witness,
                SourceKind::Anonymous => OriginKind::Anonymous,
                SourceKind::Outlet if sources.len() > 1 => OriginKind::Agency,
                _ => OriginKind::Named,
            };
            let label = if a.name.trim().is_empty() { a.id.clone() } else { a.name.clone() };
            return Origin { key: format!("actor:{}", a.id), kind, label, documents };
        }
        let text = normalise(&first.text);
        match first.kind {
            SourceKind::Outlet | SourceKind::SelfCitation => {
                if first.kind == SourceKind::Outlet && sources.len() > 1 && !text.is_empty() {
                    return Origin {
                        key: format!("agency:{text}"),
                        kind: OriginKind::Agency,
                        label: first.text.trim().to_string(),
                        documents,
                    };
                }
            }
            k => {
                let kind = match k {
                    SourceKind::Official => OriginKind::Official,
                    SourceKind::Witness => OriginKind::Witness,
                    SourceKind::NamedPerson | SourceKind::NamedOrg | SourceKind::Document => OriginKind::Named,
                    _ => OriginKind::Anonymous,
                };
                return Origin {
                    key: format!("source:{k}:{text}@{}", normalise(outlet)),
                    kind,
                    label: if e.attribution.chain.trim().is_empty() {
                        format!("{} ({k})", first.text.trim())
                    } else {
                        e.attribution.chain.trim().to_string()
                    },
                    documents,
                };
            }
        }
    }
    Origin {
        key: format!("outlet:{}", normalise(outlet)),
        kind: OriginKind::Outlet,
        label: outlet.to_string(),
        documents,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_point_slices() {
        let c = Chars::new("قال مصدر: 5");
        assert_eq!(c.slice(0, 3), "قال");
        assert_eq!(c.slice(4, 8), "مصدر");
        assert_eq!(c.slice(10, 99), "5");
        assert_eq!(c.slice(5, 2), "");
        assert_eq!(c.slice(50, 60), "");
        assert_eq!(Chars::new("").slice(0, 1), "");
    }

    #[test]
    fn normalised_keys() {
        assert_eq!(normalise("  مَصادرُ   خاصة "), "مصادر خاصة");
        assert_eq!(normalise("Saba  News"), "saba news");
    }
}
