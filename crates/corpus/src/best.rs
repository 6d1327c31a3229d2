//! One cluster record from a group of member events: best values, origins,
//! contradictions.

use std::cmp::Reverse;
use std::collections::BTreeMap;

use isnad_schema::{
    ClusterMember, ClusterRecord, Contradiction, ContradictionValue, EventRecord, Factuality, Origin, OriginKind,
    Participant,
};
use isnad_text::match_key;

use crate::origin::{origin_of, OriginLexicon};
use crate::place::{self, level_rank, Relation};
use crate::time::{text_span, Window};
use crate::{mix, CorpusDoc, MergeOptions};
use isnad_text::hash::fnv1a_fields;

/// The value most often given, ties to the first given.
fn majority<T: PartialEq + Clone>(values: impl Iterator<Item = T>) -> Option<T> {
    let mut counts: Vec<(T, usize)> = Vec::new();
    for v in values {
        match counts.iter_mut().find(|(x, _)| *x == v) {
            Some((_, n)) => *n += 1,
            None => counts.push((v, 1)),
        }
    }
    let top = counts.iter().map(|(_, n)| *n).max()?;
    counts.into_iter().find(|(_, n)| *n == top).map(|(v, _)| v)
}

/// Adds `doc` to a document list unless it is there.
fn add_doc(list: &mut Vec<String>, doc: &str) {
    if !list.iter().any(|d| d == doc) {
        list.push(doc.to_string());
    }
}

/// A number as contradiction text (integers without `.0`).
fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// The participant key: actor id, or `~` and the name's match key.
fn participant_key(p: &Participant) -> String {
    match &p.actor {
        Some(a) => a.id.clone(),
        None => format!("~{}", match_key(p.name.trim())),
    }
}

/// Union of actors and recipients by key; each goes to the role most members give it.
fn participants(events: &[&EventRecord]) -> (Vec<Participant>, Vec<Participant>) {
    // key, participant, as actor, as recipient, first role (true: actor)
    let mut all: Vec<(String, Participant, usize, usize, bool)> = Vec::new();
    for ev in events {
        let mut seen: Vec<(String, bool)> = Vec::new();
        for (p, is_actor) in ev.actors.iter().map(|p| (p, true)).chain(ev.recipients.iter().map(|p| (p, false))) {
            let key = participant_key(p);
            if key == "~" || seen.iter().any(|(k, r)| *k == key && *r == is_actor) {
                continue;
            }
            seen.push((key.clone(), is_actor));
            let slot = match all.iter().position(|e| e.0 == key) {
                Some(i) => i,
                None => {
                    all.push((key, p.clone(), 0, 0, is_actor));
                    all.len() - 1
                }
            };
            if is_actor {
                all[slot].2 += 1;
            } else {
                all[slot].3 += 1;
            }
        }
    }
    let (mut actors, mut recipients) = (Vec::new(), Vec::new());
    for (_, p, a, r, first_actor) in all {
        if a > r || (a == r && first_actor) {
            actors.push(p);
        } else {
            recipients.push(p);
        }
    }
    (actors, recipients)
}

/// One value of a count key among the members.
struct CountValue<'a> {
    value: f64,
    /// Distinct origins giving it.
    origins: Vec<&'a str>,
    /// Members giving it.
    members: usize,
    /// Documents giving it.
    documents: Vec<String>,
}

/// What building a cluster record reads besides its group.
pub(crate) struct Inputs<'a> {
    /// The corpus.
    pub docs: &'a [CorpusDoc<'a>],
    /// For each document, the original it copies (itself when none).
    pub roots: &'a [usize],
    /// Each event's first evidence text, by document and event.
    pub evidence: &'a [Vec<String>],
    /// The merge options.
    pub opts: &'a MergeOptions,
    /// What origin keys read.
    pub lex: &'a OriginLexicon,
}

/// Builds the record of one group of (document, event) pairs in corpus order.
pub(crate) fn build(input: &Inputs<'_>, group: &[(usize, usize)]) -> ClusterRecord {
    let docs = input.docs;
    let events: Vec<&EventRecord> = group.iter().map(|&(d, i)| &docs[d].events[i]).collect();
    let doc_ids: Vec<&str> = group.iter().map(|&(d, _)| docs[d].meta.id.as_str()).collect();
    let first = events[0];
    let (origins, member_origin) = origins(input, group, &events, &doc_ids);
    let members = members(input, group, &events, &member_origin);

    // Type, mode, ACLED type.
    let ty = majority(events.iter().map(|e| e.ty)).unwrap_or(first.ty);
    let quad = events.iter().find(|e| e.ty == ty).map_or(first.quad, |e| e.quad);
    let mode = majority(events.iter().filter_map(|e| e.mode));
    let acled = majority(events.iter().filter_map(|e| e.acled.as_ref())).cloned();
    let (actors, recipients) = participants(&events);

    // Place: most precise.
    let place = events
        .iter()
        .enumerate()
        .filter_map(|(k, e)| e.place.as_ref().map(|p| (k, p)))
        .min_by_key(|(k, p)| (p.precision, Reverse(level_rank(p.level)), *k))
        .map(|(_, p)| p.clone());
    let spans: Vec<Option<(i64, i64)>> = events.iter().map(|e| e.time.as_ref().and_then(text_span)).collect();
    let time = best_time(&events, &spans);
    let factuality =
        events.iter().map(|e| e.factuality).min_by_key(|f| f.strength_rank()).unwrap_or(Factuality::Unknown);

    let (counts, mut contradictions) = counts(&events, &member_origin, &doc_ids);
    contradictions.extend(date_contradiction(&spans, &doc_ids));
    contradictions.extend(place_contradiction(&events, &doc_ids, input.opts.max_km));
    contradictions.extend(factuality_contradiction(&events, &doc_ids));

    let id = format!("c{:016x}", mix(fnv1a_fields(&[&members[0].doc, &members[0].event])));
    ClusterRecord {
        id,
        ty,
        mode,
        quad,
        acled,
        actors,
        recipients,
        place,
        time,
        counts,
        factuality,
        independent_sources: origins.len(),
        origins,
        members,
        contradictions,
    }
}

/// The cluster's origins, and each member's origin key: members copying
/// one original share the first such member's origin; an origin only copies
/// stand behind is of kind `copy`, and its label names the copies.
fn origins(
    input: &Inputs<'_>,
    group: &[(usize, usize)],
    events: &[&EventRecord],
    doc_ids: &[&str],
) -> (Vec<Origin>, Vec<String>) {
    let docs = input.docs;
    let mut by_root: Vec<(usize, crate::origin::Origin)> = Vec::new();
    let mut origins: Vec<(Origin, bool, Vec<String>)> = Vec::new(); // origin, has an original, copies
    let mut member_origin: Vec<String> = Vec::with_capacity(group.len());
    for (k, &(d, _)) in group.iter().enumerate() {
        let root = input.roots[d];
        let o = match by_root.iter().find(|(r, _)| *r == root) {
            Some((_, o)) => o.clone(),
            None => {
                let o = origin_of(input.lex, &events[k].attribution, docs[root].meta, &input.opts.outlet_actors);
                by_root.push((root, o.clone()));
                o
            }
        };
        let copy = root != d;
        let slot = match origins.iter().position(|(x, _, _)| x.key == o.key) {
            Some(i) => i,
            None => {
                let kind = if copy { OriginKind::Copy } else { o.kind };
                origins.push((
                    Origin { key: o.key.clone(), kind, label: o.label.clone(), documents: Vec::new() },
                    false,
                    Vec::new(),
                ));
                origins.len() - 1
            }
        };
        let entry = &mut origins[slot];
        add_doc(&mut entry.0.documents, doc_ids[k]);
        if copy {
            entry.2.push(format!("{} (copy of {})", doc_ids[k], docs[root].meta.id));
        } else if !entry.1 {
            entry.1 = true;
            entry.0.kind = o.kind;
            entry.0.label = o.label.clone();
        }
        member_origin.push(o.key);
    }
    let origins = origins
        .into_iter()
        .map(|(mut o, _, copies)| {
            if !copies.is_empty() {
                o.label = format!("{}; copies: {}", o.label, copies.join(", "));
            }
            o
        })
        .collect();
    (origins, member_origin)
}

/// The members, in corpus order, with their evidence and origin.
fn members(
    input: &Inputs<'_>,
    group: &[(usize, usize)],
    events: &[&EventRecord],
    member_origin: &[String],
) -> Vec<ClusterMember> {
    group
        .iter()
        .enumerate()
        .map(|(k, &(d, i))| {
            let meta = input.docs[d].meta;
            ClusterMember {
                doc: meta.id.clone(),
                event: events[k].id.clone(),
                outlet: meta.source.clone(),
                published: meta.published.clone(),
                url: meta.url.clone(),
                evidence: input.evidence[d][i].clone(),
                origin: member_origin[k].clone(),
            }
        })
        .collect()
}

/// The most precise time from the text (lowest ACLED precision, then the
/// narrowest span), else the first member's publication fallback.
fn best_time(events: &[&EventRecord], spans: &[Option<(i64, i64)>]) -> Option<isnad_schema::EventTime> {
    events
        .iter()
        .enumerate()
        .filter_map(|(k, e)| spans[k].map(|(lo, hi)| (k, e, hi - lo)))
        .min_by_key(|(k, e, width)| {
            (e.time.as_ref().and_then(|t| t.precision).unwrap_or(isnad_schema::TimePrecision::Month), *width, *k)
        })
        .and_then(|(_, e, _)| e.time.clone())
        .or_else(|| events.iter().find_map(|e| e.time.clone()))
}

/// Counts per key: the value given by the most origins, then members, then
/// the smaller; and a contradiction for each key given different values.
fn counts(
    events: &[&EventRecord],
    member_origin: &[String],
    doc_ids: &[&str],
) -> (BTreeMap<String, f64>, Vec<Contradiction>) {
    let mut per_key: BTreeMap<&str, Vec<CountValue>> = BTreeMap::new();
    for (k, e) in events.iter().enumerate() {
        for (key, &v) in &e.counts {
            let values = per_key.entry(key.as_str()).or_default();
            let slot = match values.iter().position(|x| x.value == v) {
                Some(i) => i,
                None => {
                    values.push(CountValue { value: v, origins: Vec::new(), members: 0, documents: Vec::new() });
                    values.len() - 1
                }
            };
            let entry = &mut values[slot];
            if !entry.origins.contains(&member_origin[k].as_str()) {
                entry.origins.push(member_origin[k].as_str());
            }
            entry.members += 1;
            add_doc(&mut entry.documents, doc_ids[k]);
        }
    }
    let mut counts = BTreeMap::new();
    let mut contradictions = Vec::new();
    for (key, mut values) in per_key {
        values.sort_by(|a, b| a.value.total_cmp(&b.value));
        let best = values
            .iter()
            .max_by(|a, b| {
                (a.origins.len(), a.members).cmp(&(b.origins.len(), b.members)).then(b.value.total_cmp(&a.value))
            })
            .map(|v| v.value);
        if let Some(v) = best {
            counts.insert(key.to_string(), v);
        }
        if values.len() > 1 {
            contradictions.push(Contradiction {
                field: format!("counts.{key}"),
                values: values
                    .into_iter()
                    .map(|v| ContradictionValue { value: number(v.value), documents: v.documents })
                    .collect(),
            });
        }
    }
    (counts, contradictions)
}

/// Dates the text gives that do not overlap, by span.
fn date_contradiction(spans: &[Option<(i64, i64)>], doc_ids: &[&str]) -> Option<Contradiction> {
    let windows: Vec<(usize, Window)> = spans
        .iter()
        .enumerate()
        .filter_map(|(k, s)| {
            s.map(|(lo, hi)| (k, Window { lo, hi, pad: 0, text: true, precision: isnad_schema::TimePrecision::Day }))
        })
        .collect();
    let disjoint = windows.iter().enumerate().any(|(i, (_, a))| windows[i + 1..].iter().any(|(_, b)| !a.overlaps(b)));
    if !disjoint {
        return None;
    }
    let mut values: Vec<(i64, i64, ContradictionValue)> = Vec::new();
    for (k, w) in &windows {
        let slot = match values.iter().position(|(lo, hi, _)| (*lo, *hi) == (w.lo, w.hi)) {
            Some(i) => i,
            None => {
                values.push((w.lo, w.hi, ContradictionValue { value: w.label(), documents: Vec::new() }));
                values.len() - 1
            }
        };
        add_doc(&mut values[slot].2.documents, doc_ids[*k]);
    }
    values.sort_by_key(|(lo, hi, _)| (*lo, *hi));
    Some(Contradiction { field: "date".into(), values: values.into_iter().map(|v| v.2).collect() })
}

/// Places that are neither the same nor one inside the other.
fn place_contradiction(events: &[&EventRecord], doc_ids: &[&str], max_km: f64) -> Option<Contradiction> {
    let places: Vec<(usize, &isnad_schema::PlaceRef)> =
        events.iter().enumerate().filter_map(|(k, e)| e.place.as_ref().map(|p| (k, p))).collect();
    let apart = places.iter().enumerate().any(|(i, (_, a))| {
        places[i + 1..].iter().any(|(_, b)| matches!(place::relation(a, b, max_km), Relation::Near | Relation::Apart))
    });
    if !apart {
        return None;
    }
    let mut values: Vec<(&str, ContradictionValue)> = Vec::new();
    for (k, p) in &places {
        let slot = match values.iter().position(|(id, _)| *id == p.id) {
            Some(i) => i,
            None => {
                let value = format!("{} ({})", p.name, p.id);
                values.push((p.id.as_str(), ContradictionValue { value, documents: Vec::new() }));
                values.len() - 1
            }
        };
        add_doc(&mut values[slot].1.documents, doc_ids[*k]);
    }
    Some(Contradiction { field: "place".into(), values: values.into_iter().map(|v| v.1).collect() })
}

/// Asserted (or probable) against negated: every factuality value with the
/// documents giving it.
fn factuality_contradiction(events: &[&EventRecord], doc_ids: &[&str]) -> Option<Contradiction> {
    let says = |f: Factuality| events.iter().any(|e| e.factuality == f);
    if !((says(Factuality::Asserted) || says(Factuality::Probable)) && says(Factuality::Negated)) {
        return None;
    }
    let mut values: Vec<ContradictionValue> = Vec::new();
    for f in Factuality::BY_STRENGTH {
        let mut documents = Vec::new();
        for (k, _) in events.iter().enumerate().filter(|(_, e)| e.factuality == f) {
            add_doc(&mut documents, doc_ids[k]);
        }
        if !documents.is_empty() {
            values.push(ContradictionValue { value: f.to_string(), documents });
        }
    }
    Some(Contradiction { field: "factuality".into(), values })
}
