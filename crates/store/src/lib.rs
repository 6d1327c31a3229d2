//! isnad's corpus store: one SQLite file holding the analysed documents, their
//! records, and the cross-document clusters.
//!
//! - **Versioned schema**: migrations in [`MIGRATIONS`], applied in order inside
//!   one transaction each; the version lives in SQLite's `user_version`.
//!   Write-ahead logging, foreign keys on.
//! - **Atomic documents**: a document and every record of it are written in one
//!   transaction ([`Store::insert`]), keyed by the content hash, so a killed
//!   ingest leaves whole documents or none, and re-ingesting changes nothing.
//! - **Arabic search**: an FTS5 index over a *search shadow* of each document:
//!   every word clitic-stripped (و ف ب ل ك ال …), folded (alef forms, ى/ي, ة/ه,
//!   diacritics, tatweel) and light-stemmed (plural and dual suffixes of
//!   `data/search/suffixes.txt`, see [`SearchTerms`]), so that
//!   اجتماع finds الاجتماعات (and not الاجتماعي) and العاصمة finds بالعاصمة.
//!   Queries go through the same shadow; a final `*` asks for a prefix.
//! - **Clusters**: written as a whole ([`Store::replace_clusters`]) after every
//!   ingest that added documents; a `clusters_dirty` flag, set in the same
//!   transaction as each document, makes a re-run finish the work a killed run
//!   left.
//!
//! The full `isnad/1` document is kept as JSON beside the indexed columns, so
//! every view reads back exactly what the pipeline produced.
//!
//! ```
//! use isnad_pipeline::{Input, InputMeta, Options, Pipeline};
//! use isnad_store::{content_hash, Inserted, Store};
//! let text = "عقد وزراء الخارجية اجتماعات في عدن يوم الأحد.";
//! let meta = InputMeta { id: Some("d1".into()), ..Default::default() };
//! let doc = Pipeline::embedded().unwrap().analyze(Input { meta, text: text.into() }, Options::default());
//! let mut store = Store::in_memory()?;
//! assert_eq!(store.insert(&doc, &content_hash(text), "example")?, Inserted::Added);
//! assert_eq!(store.insert(&doc, &content_hash(text), "again")?, Inserted::Duplicate);
//! // The query word finds its plural: اجتماع → اجتماعات.
//! let hits = store.search("اجتماع", 10)?;
//! assert_eq!(hits.iter().map(|h| h.doc.id.as_str()).collect::<Vec<_>>(), ["d1"]);
//! # Ok::<(), isnad_store::StoreError>(())
//! ```

use std::path::Path;

use isnad_schema::{ClusterRecord, Document, EventRecord, Factuality};
use isnad_text::{LoadError, Segmenter, TextLexicon};
use rusqlite::{params, Connection, OptionalExtension};

mod hash;
mod insert;
mod search;
pub use hash::{content_hash, content_hash_bytes};
pub use search::SearchTerms;

/// Store errors: the database file, and what went wrong.
#[derive(Debug)]
pub struct StoreError(pub String);

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StoreError {}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError(format!("database: {e}"))
    }
}

impl From<LoadError> for StoreError {
    fn from(e: LoadError) -> Self {
        StoreError(format!("data: {e}"))
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> Self {
        StoreError(format!("stored record: {e}"))
    }
}

/// Results of this crate.
pub type Result<T> = std::result::Result<T, StoreError>;

/// The schema, one migration per version (index + 1 = `user_version`).
/// Never edit a released migration; append a new one.
pub const MIGRATIONS: &[&str] = &[r#"
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    input TEXT,
    title TEXT,
    source TEXT,
    url TEXT,
    published TEXT,
    language TEXT NOT NULL,
    chars INTEGER NOT NULL,
    doc_json TEXT NOT NULL
);
CREATE INDEX documents_published ON documents(published);
CREATE VIRTUAL TABLE documents_fts USING fts5(terms, content='', tokenize='unicode61 remove_diacritics 0');
CREATE TABLE entities (
    doc_id TEXT NOT NULL REFERENCES documents(id),
    entity_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    actor_id TEXT,
    place_id TEXT
);
CREATE INDEX entities_doc ON entities(doc_id);
CREATE INDEX entities_actor ON entities(actor_id);
CREATE INDEX entities_place ON entities(place_id);
CREATE TABLE times (
    doc_id TEXT NOT NULL REFERENCES documents(id),
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    date_from TEXT,
    date_to TEXT,
    grain TEXT NOT NULL,
    conflict TEXT
);
CREATE INDEX times_doc ON times(doc_id);
CREATE TABLE events (
    doc_id TEXT NOT NULL REFERENCES documents(id),
    event_id TEXT NOT NULL,
    type TEXT NOT NULL,
    mode TEXT,
    quad INTEGER NOT NULL,
    acled_event_type TEXT,
    acled_sub_event_type TEXT,
    date_from TEXT,
    date_to TEXT,
    time_precision INTEGER,
    time_basis TEXT,
    place_id TEXT,
    place_name TEXT,
    place_name_ar TEXT,
    admin1 TEXT,
    admin2 TEXT,
    country TEXT,
    lat REAL,
    lon REAL,
    geo_precision INTEGER,
    factuality TEXT NOT NULL,
    fatalities INTEGER,
    event_json TEXT NOT NULL,
    PRIMARY KEY (doc_id, event_id)
);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_date ON events(date_from);
CREATE INDEX events_place ON events(place_id);
CREATE TABLE event_actors (
    doc_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    role TEXT NOT NULL,
    actor_id TEXT,
    name TEXT NOT NULL,
    name_ar TEXT,
    FOREIGN KEY (doc_id, event_id) REFERENCES events(doc_id, event_id)
);
CREATE INDEX event_actors_actor ON event_actors(actor_id);
CREATE INDEX event_actors_event ON event_actors(doc_id, event_id);
CREATE TABLE event_sources (
    doc_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    actor_id TEXT,
    FOREIGN KEY (doc_id, event_id) REFERENCES events(doc_id, event_id)
);
CREATE INDEX event_sources_event ON event_sources(doc_id, event_id);
CREATE TABLE checks (
    doc_id TEXT NOT NULL REFERENCES documents(id),
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    message TEXT NOT NULL
);
CREATE INDEX checks_doc ON checks(doc_id);
CREATE TABLE framing_terms (
    doc_id TEXT NOT NULL REFERENCES documents(id),
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    category TEXT NOT NULL,
    leaning TEXT NOT NULL
);
CREATE INDEX framing_doc ON framing_terms(doc_id);
CREATE TABLE clusters (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    date_from TEXT,
    date_to TEXT,
    place_name TEXT,
    lat REAL,
    lon REAL,
    members INTEGER NOT NULL,
    independent_sources INTEGER NOT NULL,
    cluster_json TEXT NOT NULL
);
CREATE TABLE cluster_members (
    cluster_id TEXT NOT NULL REFERENCES clusters(id),
    doc_id TEXT NOT NULL,
    event_id TEXT NOT NULL
);
CREATE INDEX cluster_members_event ON cluster_members(doc_id, event_id);
"#];

/// The store.
pub struct Store {
    conn: Connection,
    lex: &'static TextLexicon,
    terms: &'static SearchTerms,
}

/// What happened to one document given to [`Store::insert_batch`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inserted {
    /// Stored.
    Added,
    /// The same content is already stored.
    Duplicate,
    /// Another document is stored under this id.
    IdTaken,
}

/// One document as listed.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct DocSummary {
    /// Document id.
    pub id: String,
    /// Title.
    pub title: Option<String>,
    /// Outlet.
    pub source: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Length in code points.
    pub chars: u64,
    /// Number of events.
    pub events: u64,
}

/// A search hit.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Hit {
    /// The document.
    pub doc: DocSummary,
    /// A short excerpt around the first match (plain text).
    pub snippet: String,
    /// BM25 score (lower is better, as SQLite reports it).
    pub score: f64,
}

/// An event with its document.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct StoredEvent {
    /// Document id.
    pub doc: String,
    /// Outlet.
    pub source: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// The event record.
    pub event: EventRecord,
}

/// Event filters (all optional; combined with AND).
#[derive(Clone, Debug, Default)]
pub struct EventFilter {
    /// Actor id, or part of an English or Arabic name (either role).
    pub actor: Option<String>,
    /// Place id or P-code, or part of the place's or its governorate's name.
    pub place: Option<String>,
    /// PLOVER type, ACLED event type or ACLED sub-type (case-insensitive).
    pub ty: Option<String>,
    /// Events ending on or after this date (YYYY-MM-DD).
    pub from: Option<String>,
    /// Events starting on or before this date.
    pub to: Option<String>,
    /// Factuality value.
    pub factuality: Option<Factuality>,
    /// Only events dated from the text (not the publication fallback).
    pub dated_only: bool,
    /// At most this many (0 = no limit).
    pub limit: usize,
}

impl EventFilter {
    /// True when no condition is set (the limit aside).
    pub fn is_empty(&self) -> bool {
        self.actor.is_none()
            && self.place.is_none()
            && self.ty.is_none()
            && self.from.is_none()
            && self.to.is_none()
            && self.factuality.is_none()
            && !self.dated_only
    }
}

/// Counts of rows, for summaries and tests.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// Documents.
    pub documents: u64,
    /// Events.
    pub events: u64,
    /// Entities.
    pub entities: u64,
    /// Clusters.
    pub clusters: u64,
    /// Clusters with members from more than one document.
    pub multi_document_clusters: u64,
}

impl Store {
    /// Opens (creating and migrating when needed) the store at `path`.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path).map_err(|e| StoreError(format!("{}: cannot open: {e}", path.display())))?;
        Self::init(conn).map_err(|e| StoreError(format!("{}: {}", path.display(), e.0)))
    }

    /// An in-memory store (tests, one-off analyses).
    pub fn in_memory() -> Result<Store> {
        Self::init(Connection::open_in_memory()?)
    }

    /// Opens an existing store read-only (the server's default).
    pub fn open_read_only(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(StoreError(format!("{}: no such database", path.display())));
        }
        let conn = Connection::open_with_flags(
            path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| StoreError(format!("{}: cannot open: {e}", path.display())))?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version as usize != MIGRATIONS.len() {
            return Err(StoreError(format!(
                "{}: schema version {version}, this isnad reads {} (open it once for writing to migrate)",
                path.display(),
                MIGRATIONS.len()
            )));
        }
        Ok(Store {
            conn,
            lex: TextLexicon::embedded().map_err(|e| StoreError(e.to_string()))?,
            terms: SearchTerms::embedded()?,
        })
    }

    fn init(mut conn: Connection) -> Result<Store> {
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version as usize > MIGRATIONS.len() {
            return Err(StoreError(format!(
                "schema version {version} is newer than this isnad ({}); upgrade isnad",
                MIGRATIONS.len()
            )));
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            let tx = conn.transaction()?;
            tx.execute_batch(sql).map_err(|e| StoreError(format!("migration {}: {e}", i + 1)))?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
            tx.commit()?;
        }
        Ok(Store {
            conn,
            lex: TextLexicon::embedded().map_err(|e| StoreError(e.to_string()))?,
            terms: SearchTerms::embedded()?,
        })
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Whether a document with this content hash is stored.
    pub fn has_hash(&self, hash: &str) -> Result<bool> {
        let mut st = self.conn.prepare_cached("SELECT 1 FROM documents WHERE content_hash = ?1")?;
        Ok(st.exists([hash])?)
    }

    /// Whether a document with this id is stored.
    pub fn has_id(&self, id: &str) -> Result<bool> {
        let mut st = self.conn.prepare_cached("SELECT 1 FROM documents WHERE id = ?1")?;
        Ok(st.exists([id])?)
    }

    /// Stores analysed documents, each with all its records, in one
    /// transaction: `(document, content hash, input name)`. A document whose
    /// content hash is stored is a duplicate; one whose id is stored with other
    /// content is refused (ids name documents across the corpus).
    pub fn insert_batch(&mut self, docs: &[(Document, String, String)]) -> Result<Vec<Inserted>> {
        let mut seg = Segmenter::new(self.lex);
        let tx = self.conn.transaction()?;
        let mut out = Vec::with_capacity(docs.len());
        for (doc, hash, input) in docs {
            out.push(insert::insert_one(&tx, self.terms, &mut seg, doc, hash, input)?);
        }
        if out.contains(&Inserted::Added) {
            tx.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('clusters_dirty', '1')", [])?;
        }
        tx.commit()?;
        Ok(out)
    }

    /// Stores one analysed document (see [`Store::insert_batch`]).
    pub fn insert(&mut self, doc: &Document, hash: &str, input: &str) -> Result<Inserted> {
        let mut n = self.insert_batch(&[(doc.clone(), hash.to_string(), input.to_string())])?;
        Ok(n.remove(0))
    }

    /// Every stored content hash (an ingest skips these before analysing).
    pub fn hashes(&self) -> Result<std::collections::HashSet<String>> {
        let mut st = self.conn.prepare("SELECT content_hash FROM documents")?;
        let rows = st.query_map([], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Whether documents were added since the clusters were last written.
    pub fn clusters_dirty(&self) -> Result<bool> {
        let v: Option<String> =
            self.conn.query_row("SELECT value FROM meta WHERE key = 'clusters_dirty'", [], |r| r.get(0)).optional()?;
        Ok(v.as_deref() == Some("1"))
    }

    /// Replaces every cluster (one transaction) and clears the dirty flag.
    pub fn replace_clusters(&mut self, clusters: &[ClusterRecord]) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM cluster_members", [])?;
        tx.execute("DELETE FROM clusters", [])?;
        {
            let mut ins = tx.prepare_cached(
                "INSERT INTO clusters(id, type, date_from, date_to, place_name, lat, lon, members, independent_sources, cluster_json)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?;
            let mut mem =
                tx.prepare_cached("INSERT INTO cluster_members(cluster_id, doc_id, event_id) VALUES (?1, ?2, ?3)")?;
            for c in clusters {
                ins.execute(params![
                    c.id,
                    c.ty.as_str(),
                    c.time.as_ref().and_then(|t| t.from.as_deref()).map(day),
                    c.time.as_ref().and_then(|t| t.to.as_deref()).map(day),
                    c.place.as_ref().map(|p| p.name.as_str()),
                    c.place.as_ref().map(|p| p.lat),
                    c.place.as_ref().map(|p| p.lon),
                    c.members.len() as i64,
                    c.independent_sources as i64,
                    serde_json::to_string(c)?,
                ])?;
                for m in &c.members {
                    mem.execute(params![c.id, m.doc, m.event])?;
                }
            }
        }
        tx.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('clusters_dirty', '0')", [])?;
        tx.commit()?;
        Ok(())
    }

    /// Recomputes every cluster from the stored documents (see `isnad-corpus`)
    /// and stores them; returns how many.
    pub fn recluster(&mut self) -> Result<usize> {
        let docs = self.merge_inputs()?;
        let view: Vec<isnad_corpus::CorpusDoc<'_>> =
            docs.iter().map(|(meta, text, events)| isnad_corpus::CorpusDoc { meta, text, events }).collect();
        let opts = isnad_corpus::MergeOptions {
            outlet_actors: outlet_actors(isnad_entities::Actors::embedded()?, docs.iter().map(|d| &d.0)),
            ..isnad_corpus::MergeOptions::default()
        };
        let lex = isnad_corpus::OriginLexicon::embedded()?;
        let clusters = isnad_corpus::cluster(&view, &opts, lex);
        self.replace_clusters(&clusters)?;
        Ok(clusters.len())
    }

    /// What the merge reads of every document, in id order: metadata, text
    /// and events, from their columns and the events table rather than by
    /// parsing every whole document.
    fn merge_inputs(&self) -> Result<Vec<(isnad_schema::DocumentMeta, String, Vec<EventRecord>)>> {
        let mut docs: Vec<(isnad_schema::DocumentMeta, String, Vec<EventRecord>)> = Vec::new();
        let mut st = self.conn.prepare(
            "SELECT id, title, source, url, published, language, json_extract(doc_json, '$.text') FROM documents ORDER BY id",
        )?;
        let rows = st.query_map([], |r| {
            Ok((
                isnad_schema::DocumentMeta {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    source: r.get(2)?,
                    url: r.get(3)?,
                    published: r.get(4)?,
                    language: r.get(5)?,
                },
                r.get::<_, String>(6)?,
                Vec::new(),
            ))
        })?;
        for row in rows {
            docs.push(row?);
        }
        // Events in document order (rowid follows insertion, which follows the document).
        let mut st = self.conn.prepare("SELECT doc_id, event_json FROM events ORDER BY doc_id, rowid")?;
        let mut rows = st.query([])?;
        let mut at = 0;
        while let Some(r) = rows.next()? {
            let doc: String = r.get(0)?;
            while at < docs.len() && docs[at].0.id < doc {
                at += 1;
            }
            if at < docs.len() && docs[at].0.id == doc {
                docs[at].2.push(serde_json::from_str(&r.get::<_, String>(1)?)?);
            }
        }
        Ok(docs)
    }

    /// Every stored document, in id order, one at a time (the corpus merge and exports read them).
    pub fn for_each_document(&self, mut each: impl FnMut(Document) -> Result<()>) -> Result<()> {
        let mut st = self.conn.prepare("SELECT doc_json FROM documents ORDER BY id")?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let json: String = r.get(0)?;
            each(serde_json::from_str(&json)?)?;
        }
        Ok(())
    }

    /// One document.
    pub fn document(&self, id: &str) -> Result<Option<Document>> {
        let json: Option<String> =
            self.conn.query_row("SELECT doc_json FROM documents WHERE id = ?1", [id], |r| r.get(0)).optional()?;
        Ok(match json {
            Some(j) => Some(serde_json::from_str(&j)?),
            None => None,
        })
    }

    /// Documents, newest first (then by id), with paging.
    pub fn documents(&self, limit: usize, offset: usize) -> Result<Vec<DocSummary>> {
        let mut st = self.conn.prepare_cached(&format!(
            "{SUMMARY_SELECT} FROM documents d ORDER BY d.published DESC, d.id LIMIT ?1 OFFSET ?2"
        ))?;
        let rows = st.query_map(params![limit_sql(limit), offset as i64], summary_row)?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Row counts.
    pub fn counts(&self) -> Result<Counts> {
        let one = |sql: &str| -> Result<u64> { Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64) };
        Ok(Counts {
            documents: one("SELECT count(*) FROM documents")?,
            events: one("SELECT count(*) FROM events")?,
            entities: one("SELECT count(*) FROM entities")?,
            clusters: one("SELECT count(*) FROM clusters")?,
            multi_document_clusters: one(
                "SELECT count(*) FROM (SELECT cluster_id FROM cluster_members GROUP BY cluster_id HAVING count(DISTINCT doc_id) > 1)",
            )?,
        })
    }

    /// Full-text search: every query word must occur, compared through the
    /// search shadow (clitics, spelling variants and plural endings folded), or
    /// as a prefix when it ends with `*`; documents ranked by BM25.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>> {
        let mut seg = Segmenter::new(self.lex);
        // Each word exactly (through the shadow), or as a prefix when written with a final `*`.
        let mut terms = Vec::new();
        let mut fts = Vec::new();
        for piece in query.split_whitespace() {
            let prefix = piece.ends_with('*');
            for t in self.terms.shadow(piece, &mut seg) {
                let t = t.replace('"', "");
                fts.push(if prefix { format!("\"{t}\"*") } else { format!("\"{t}\"") });
                terms.push(t);
            }
        }
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        let fts = fts.join(" ");
        let mut st = self.conn.prepare_cached(&format!(
            "{SUMMARY_SELECT}, f.score FROM documents d
             JOIN (SELECT rowid AS r, bm25(documents_fts) AS score FROM documents_fts WHERE documents_fts MATCH ?1) f
             ON f.r = d.rowid ORDER BY f.score, d.id LIMIT ?2"
        ))?;
        let mut hits = Vec::new();
        let mut rows = st.query(params![fts, limit_sql(limit)])?;
        while let Some(r) = rows.next()? {
            let doc = summary_row(r)?;
            let score: f64 = r.get(7)?;
            hits.push((doc, score));
        }
        drop(rows);
        let mut out = Vec::with_capacity(hits.len());
        for (doc, score) in hits {
            let text: String = self.conn.query_row(
                "SELECT json_extract(doc_json, '$.text') FROM documents WHERE id = ?1",
                [&doc.id],
                |r| r.get(0),
            )?;
            out.push(Hit { snippet: self.terms.snippet(&text, &terms, &mut seg), doc, score });
        }
        Ok(out)
    }

    /// Events matching the filter, in date order (undated last), then document and event id.
    pub fn events(&self, f: &EventFilter) -> Result<Vec<StoredEvent>> {
        let mut sql = String::from(
            "SELECT e.doc_id, d.source, d.published, e.event_json FROM events e JOIN documents d ON d.id = e.doc_id WHERE 1=1",
        );
        let mut args: Vec<String> = Vec::new();
        let mut arg = |v: String, sql: &mut String, clause: &str| {
            args.push(v);
            sql.push_str(&clause.replace("?N", &format!("?{}", args.len())));
        };
        if let Some(a) = f.actor.as_deref().filter(|s| !s.is_empty()) {
            arg(like(a), &mut sql, " AND EXISTS (SELECT 1 FROM event_actors a WHERE a.doc_id = e.doc_id AND a.event_id = e.event_id AND (a.actor_id LIKE ?N ESCAPE '\\' OR a.name LIKE ?N ESCAPE '\\' OR a.name_ar LIKE ?N ESCAPE '\\'))");
        }
        if let Some(p) = f.place.as_deref().filter(|s| !s.is_empty()) {
            arg(like(p), &mut sql, " AND (e.place_id LIKE ?N ESCAPE '\\' OR e.place_name LIKE ?N ESCAPE '\\' OR e.place_name_ar LIKE ?N ESCAPE '\\' OR e.admin1 LIKE ?N ESCAPE '\\' OR e.admin2 LIKE ?N ESCAPE '\\')");
        }
        if let Some(t) = f.ty.as_deref().filter(|s| !s.is_empty()) {
            arg(t.to_string(), &mut sql, " AND (e.type = upper(?N) OR lower(e.acled_event_type) = lower(?N) OR lower(e.acled_sub_event_type) = lower(?N))");
        }
        if let Some(d) = f.from.as_deref().filter(|s| !s.is_empty()) {
            // An event without an end lasts its first day.
            arg(d.to_string(), &mut sql, " AND coalesce(e.date_to, date(e.date_from, '+1 day')) > ?N");
        }
        if let Some(d) = f.to.as_deref().filter(|s| !s.is_empty()) {
            arg(d.to_string(), &mut sql, " AND e.date_from <= ?N");
        }
        if let Some(v) = f.factuality {
            arg(v.as_str().to_string(), &mut sql, " AND e.factuality = ?N");
        }
        if f.dated_only {
            sql.push_str(" AND e.time_basis IS NOT NULL AND e.time_basis != 'publication'");
        }
        sql.push_str(" ORDER BY e.date_from IS NULL, e.date_from, e.doc_id, e.event_id");
        if f.limit > 0 {
            sql.push_str(&format!(" LIMIT {}", f.limit));
        }
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(args.iter()), |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (doc, source, published, json) = row?;
            out.push(StoredEvent { doc, source, published, event: serde_json::from_str(&json)? });
        }
        Ok(out)
    }

    /// Every cluster, in date order then id.
    pub fn clusters(&self) -> Result<Vec<ClusterRecord>> {
        let mut st =
            self.conn.prepare("SELECT cluster_json FROM clusters ORDER BY date_from IS NULL, date_from, id")?;
        let rows = st.query_map([], |r| r.get::<_, String>(0))?;
        let mut out = Vec::new();
        for j in rows {
            out.push(serde_json::from_str(&j?)?);
        }
        Ok(out)
    }

    /// The clusters with at least one member event passing `filter` (all of
    /// them when the filter is empty), in date order.
    pub fn clusters_matching(&self, filter: &EventFilter) -> Result<Vec<ClusterRecord>> {
        let mut clusters = self.clusters()?;
        if !filter.is_empty() {
            let all = EventFilter { limit: 0, ..filter.clone() };
            let keep: std::collections::HashSet<(String, String)> =
                self.events(&all)?.into_iter().map(|s| (s.doc, s.event.id)).collect();
            clusters.retain(|c| c.members.iter().any(|m| keep.contains(&(m.doc.clone(), m.event.clone()))));
        }
        Ok(clusters)
    }

    /// One cluster.
    pub fn cluster(&self, id: &str) -> Result<Option<ClusterRecord>> {
        let json: Option<String> =
            self.conn.query_row("SELECT cluster_json FROM clusters WHERE id = ?1", [id], |r| r.get(0)).optional()?;
        Ok(match json {
            Some(j) => Some(serde_json::from_str(&j)?),
            None => None,
        })
    }

    /// A canonical dump of the stored content (documents, records, clusters),
    /// independent of insertion order: what two ingests of the same inputs
    /// must agree on.
    pub fn fingerprint(&self) -> Result<String> {
        let mut out = String::new();
        for (table, order) in [
            ("documents", "id"),
            ("entities", "doc_id, start, end, entity_id"),
            ("times", "doc_id, start, end"),
            ("events", "doc_id, event_id"),
            ("event_actors", "doc_id, event_id, role, name, actor_id"),
            ("event_sources", "doc_id, event_id, kind, text"),
            ("checks", "doc_id, kind, status, message"),
            ("framing_terms", "doc_id, start, end"),
            ("clusters", "id"),
            ("cluster_members", "cluster_id, doc_id, event_id"),
        ] {
            let cols: Vec<String> = {
                let mut st = self.conn.prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))?;
                let names = st.query_map([], |r| r.get::<_, String>(0))?;
                names.collect::<std::result::Result<Vec<_>, _>>()?.into_iter().filter(|c| c != "rowid").collect()
            };
            let sql = format!("SELECT {} FROM {table} ORDER BY {order}", cols.join(", "));
            let mut st = self.conn.prepare(&sql)?;
            let mut rows = st.query([])?;
            out.push_str(table);
            out.push('\n');
            while let Some(r) = rows.next()? {
                for i in 0..cols.len() {
                    let v: rusqlite::types::Value = r.get(i)?;
                    out.push_str(&format!("{v:?}\t"));
                }
                out.push('\n');
            }
        }
        // The search index answers the same (its rowids may differ).
        Ok(out)
    }
}

/// Outlets that are themselves agencies of the actor lexicon, by outlet key
/// (an agency's own story and another outlet quoting it are one origin).
fn outlet_actors<'m>(
    actors: &isnad_entities::Actors,
    metas: impl Iterator<Item = &'m isnad_schema::DocumentMeta>,
) -> std::collections::BTreeMap<String, (String, String)> {
    let mut out = std::collections::BTreeMap::new();
    for meta in metas {
        let Some(outlet) = meta.source.as_deref() else { continue };
        let key = isnad_corpus::outlet_key(outlet);
        if out.contains_key(&key) {
            continue;
        }
        if let Some(a) = actors.media_by_name(outlet) {
            out.insert(key, (a.record.id.clone(), a.record.name.clone()));
        }
    }
    out
}

const SUMMARY_SELECT: &str = "SELECT d.id, d.title, d.source, d.url, d.published, d.chars,
    (SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS n_events";

fn summary_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<DocSummary> {
    Ok(DocSummary {
        id: r.get(0)?,
        title: r.get(1)?,
        source: r.get(2)?,
        url: r.get(3)?,
        published: r.get(4)?,
        chars: r.get::<_, i64>(5)? as u64,
        events: r.get::<_, i64>(6)? as u64,
    })
}

fn limit_sql(limit: usize) -> i64 {
    if limit == 0 {
        -1
    } else {
        limit as i64
    }
}

/// A LIKE pattern for "contains", with the pattern's own wildcards escaped.
fn like(s: &str) -> String {
    let mut out = String::from("%");
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

/// The date part of an ISO value.
fn day(s: &str) -> &str {
    s.get(..10).unwrap_or(s)
}
