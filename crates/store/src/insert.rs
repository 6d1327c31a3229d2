//! Writing one analysed document: its row, its search entry and the rows
//! of its records, inside the caller's transaction.

use isnad_schema::{Document, EventRecord, TimePrecision};
use isnad_text::Segmenter;
use rusqlite::{params, CachedStatement, Transaction};

use crate::search::SearchTerms;
use crate::{day, Inserted, Result};

/// Stores `doc` with every record of it, unless its content hash or its id
/// is stored already.
pub(crate) fn insert_one(
    tx: &Transaction<'_>,
    terms: &SearchTerms,
    seg: &mut Segmenter<'_>,
    doc: &Document,
    hash: &str,
    input: &str,
) -> Result<Inserted> {
    if tx.prepare_cached("SELECT 1 FROM documents WHERE content_hash = ?1")?.exists([hash])? {
        return Ok(Inserted::Duplicate);
    }
    if tx.prepare_cached("SELECT 1 FROM documents WHERE id = ?1")?.exists([&doc.document.id])? {
        return Ok(Inserted::IdTaken);
    }
    let rowid = insert_document(tx, doc, hash, input)?;
    insert_search_entry(tx, terms, seg, doc, rowid)?;
    insert_events(tx, doc)?;
    insert_annotations(tx, doc)?;
    Ok(Inserted::Added)
}

/// The document row with its whole JSON; returns its rowid.
fn insert_document(tx: &Transaction<'_>, doc: &Document, hash: &str, input: &str) -> Result<i64> {
    let m = &doc.document;
    tx.prepare_cached(
        "INSERT INTO documents(id, content_hash, input, title, source, url, published, language, chars, doc_json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        m.id,
        hash,
        input,
        m.title,
        m.source,
        m.url,
        m.published,
        m.language,
        doc.text.chars().count() as i64,
        serde_json::to_string(doc)?,
    ])?;
    Ok(tx.last_insert_rowid())
}

/// The full-text entry: the search shadow of the text and the title.
fn insert_search_entry(
    tx: &Transaction<'_>,
    terms: &SearchTerms,
    seg: &mut Segmenter<'_>,
    doc: &Document,
    rowid: i64,
) -> Result<()> {
    let mut shadow = terms.shadow(&doc.text, seg);
    if let Some(t) = &doc.document.title {
        shadow.extend(terms.shadow(t, seg));
    }
    tx.prepare_cached("INSERT INTO documents_fts(rowid, terms) VALUES (?1, ?2)")?
        .execute(params![rowid, shadow.join(" ")])?;
    Ok(())
}

/// Runs the insert `sql` once per item, with the parameters `each` binds.
fn insert_rows<T>(
    tx: &Transaction<'_>,
    sql: &str,
    items: &[T],
    mut each: impl FnMut(&mut CachedStatement<'_>, &T) -> rusqlite::Result<usize>,
) -> Result<()> {
    let mut st = tx.prepare_cached(sql)?;
    for item in items {
        each(&mut st, item)?;
    }
    Ok(())
}

/// One row per entity mention (with its actor and place ids), time
/// expression, check and framing term.
fn insert_annotations(tx: &Transaction<'_>, doc: &Document) -> Result<()> {
    let id = &doc.document.id;
    insert_rows(
        tx,
        "INSERT INTO entities(doc_id, entity_id, start, end, text, type, actor_id, place_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        &doc.entities,
        |st, e| {
            let (actor, place) = (e.actor.as_ref().map(|a| a.id.as_str()), e.place.as_ref().map(|p| p.id.as_str()));
            st.execute(params![id, e.id, e.start, e.end, e.text, e.ty.as_str(), actor, place])
        },
    )?;
    insert_rows(
        tx,
        "INSERT INTO times(doc_id, start, end, text, kind, date_from, date_to, grain, conflict) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        &doc.times,
        |st, t| st.execute(params![id, t.start, t.end, t.text, t.kind.as_str(), t.from, t.to, t.grain.as_str(), t.conflict]),
    )?;
    insert_rows(
        tx,
        "INSERT INTO checks(doc_id, kind, status, message) VALUES (?1, ?2, ?3, ?4)",
        &doc.checks,
        |st, c| st.execute(params![id, c.kind.as_str(), c.status.as_str(), c.message]),
    )?;
    insert_rows(
        tx,
        "INSERT INTO framing_terms(doc_id, start, end, text, category, leaning) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        &doc.framing.terms,
        |st, t| st.execute(params![id, t.start, t.end, t.text, t.category, t.leaning]),
    )
}

/// One row per event, with its participants (both roles) and its sources.
fn insert_events(tx: &Transaction<'_>, doc: &Document) -> Result<()> {
    let mut ev = tx.prepare_cached(
        "INSERT INTO events(doc_id, event_id, type, mode, quad, acled_event_type, acled_sub_event_type, date_from, date_to,
            time_precision, time_basis, place_id, place_name, place_name_ar, admin1, admin2, country, lat, lon, geo_precision,
            factuality, fatalities, event_json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)",
    )?;
    let mut act = tx.prepare_cached(
        "INSERT INTO event_actors(doc_id, event_id, role, actor_id, name, name_ar) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut src = tx.prepare_cached(
        "INSERT INTO event_sources(doc_id, event_id, kind, text, actor_id) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let id = &doc.document.id;
    for e in &doc.events {
        insert_event_row(&mut ev, id, e)?;
        for (role, parts) in [("actor", &e.actors), ("recipient", &e.recipients)] {
            for p in parts {
                let actor = p.actor.as_ref();
                act.execute(params![
                    id,
                    e.id,
                    role,
                    actor.map(|a| a.id.as_str()),
                    p.name,
                    actor.map(|a| a.name_ar.as_str())
                ])?;
            }
        }
        for s in &e.attribution.sources {
            src.execute(params![id, e.id, s.kind.as_str(), s.text, s.actor.as_ref().map(|a| a.id.as_str())])?;
        }
    }
    Ok(())
}

/// The event's own row: its indexed columns and its whole JSON.
fn insert_event_row(st: &mut CachedStatement<'_>, doc_id: &str, e: &EventRecord) -> Result<()> {
    let t = e.time.as_ref();
    let p = e.place.as_ref();
    let acled = e.acled.as_ref();
    st.execute(params![
        doc_id,
        e.id,
        e.ty.as_str(),
        e.mode.map(|m| m.as_str()),
        e.quad.number(),
        acled.map(|a| a.event_type.as_str()),
        acled.map(|a| a.sub_event_type.as_str()),
        t.and_then(|t| t.from.as_deref()).map(day),
        t.and_then(|t| t.to.as_deref()).map(day),
        t.and_then(|t| t.precision).map(TimePrecision::number),
        t.map(|t| t.basis.as_str()),
        p.map(|p| p.id.as_str()),
        p.map(|p| p.name.as_str()),
        p.map(|p| p.name_ar.as_str()),
        p.and_then(|p| p.admin1_name.as_deref().or(p.admin1.as_deref())),
        p.and_then(|p| p.admin2_name.as_deref().or(p.admin2.as_deref())),
        p.map(|p| p.country.as_str()),
        p.map(|p| p.lat),
        p.map(|p| p.lon),
        p.map(|p| p.precision),
        e.factuality.as_str(),
        e.counts.get("killed").map(|v| *v as i64),
        serde_json::to_string(e)?,
    ])?;
    Ok(())
}
