//! Which events are one happening: blocking, compatibility, greedy assignment.

use isnad_schema::{AcledEventType, EventRecord, TimePrecision};
use isnad_text::match_key;
use rustc_hash::FxHashMap;

use crate::time::{self, Window};
use crate::{mix, place, CorpusDoc, MergeOptions};
use isnad_text::hash::fnv1a_fields;

/// Evidence points two events need to merge (see the crate docs).
pub(crate) const MIN_SCORE: u32 = 5;

/// Points for copied texts with the same evidence phrase: enough on their own.
const COPY_SCORE: u32 = MIN_SCORE;

/// Days per blocking period.
const PERIOD: i64 = 7;

/// A participant as the merge compares it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct ActorKey {
    /// Actor id, or `~` and the match key of an unlinked name.
    pub key: String,
    /// Linked to the actor lexicon.
    pub linked: bool,
    /// A generic or media actor: shares weakly, never contradicts.
    pub weak: bool,
}

/// The actor keys of an event's actors and recipients, sorted, deduplicated.
pub(crate) fn actor_keys(ev: &EventRecord) -> Vec<ActorKey> {
    let mut out: Vec<ActorKey> = ev
        .actors
        .iter()
        .chain(&ev.recipients)
        .filter_map(|p| match &p.actor {
            Some(a) => {
                Some(ActorKey { key: a.id.clone(), linked: true, weak: a.kind == "generic" || a.kind == "media" })
            }
            None => {
                let k = match_key(p.name.trim());
                (!k.is_empty()).then(|| ActorKey { key: format!("~{k}"), linked: false, weak: false })
            }
        })
        .collect();
    out.sort();
    out.dedup_by(|a, b| a.key == b.key);
    out
}

/// Actor evidence: 3 for two shared specific actors (the same dyad), 2 for
/// one, 1 for only a shared weak one, 0 when a side has no specific linked
/// actor; `None` when both name specific linked actors and share none.
pub(crate) fn actor_score(a: &[ActorKey], b: &[ActorKey]) -> Option<u32> {
    let (mut specific_shared, mut weak_shared) = (0, false);
    for x in a {
        if b.iter().any(|y| y.key == x.key) {
            if x.weak {
                weak_shared = true;
            } else {
                specific_shared += 1;
            }
        }
    }
    match specific_shared {
        0 => {}
        1 => return Some(2),
        _ => return Some(3),
    }
    let specific = |s: &[ActorKey]| s.iter().any(|k| k.linked && !k.weak);
    if specific(a) && specific(b) {
        return None;
    }
    Some(u32::from(weak_shared))
}

/// What the merge knows of one event.
pub(crate) struct Feat<'a> {
    pub doc: usize,
    pub rec: &'a EventRecord,
    pub window: Option<Window>,
    /// The document's near-duplicate original.
    pub root: usize,
    pub actors: Vec<ActorKey>,
    /// Match key of the first evidence phrase.
    pub evidence: String,
}

/// ACLED's catch-all type: its sub-types do not say what happened.
const CATCH_ALL: AcledEventType = AcledEventType::StrategicDevelopments;

/// True when two events can be the same kind of happening: the same ACLED
/// event type when both have one, and then the same PLOVER type or the same
/// ACLED sub-type (not of the catch-all type); else the same PLOVER type.
pub(crate) fn same_kind(a: &EventRecord, b: &EventRecord) -> bool {
    match (&a.acled, &b.acled) {
        (Some(x), Some(y)) => {
            x.event_type == y.event_type
                && (a.ty == b.ty || (x.sub_event_type == y.sub_event_type && x.event_type != CATCH_ALL))
        }
        _ => a.ty == b.ty,
    }
}

/// Merge evidence of two events, `None` when they cannot be one happening.
pub(crate) fn compat(a: &Feat<'_>, b: &Feat<'_>, opts: &MergeOptions) -> Option<u32> {
    if a.doc == b.doc {
        return None;
    }
    if !same_kind(a.rec, b.rec) {
        return None;
    }
    let (wa, wb) = (a.window?, b.window?);
    let gap = wa.gap(&wb);
    if gap > wa.pad.max(wb.pad) {
        return None;
    }
    let mut score = match (wa.text && wb.text, wa.precision.max(wb.precision)) {
        (false, _) => 0,
        (true, TimePrecision::Day) if gap <= 1 => 3,
        (true, TimePrecision::Day | TimePrecision::Week) => 2,
        (true, TimePrecision::Month) => 1,
    };
    // Dates that overlap as written beat dates that only come close within the padding
    // (a meeting "7–14 November" is the 7–14 November one, not the late-October one).
    if wa.text && wb.text && wa.overlaps(&wb) {
        score += 1;
    }
    if let (Some(p), Some(q)) = (&a.rec.place, &b.rec.place) {
        score += place::score(p, q, opts.max_km)?;
    }
    score += actor_score(&a.actors, &b.actors)?;
    if a.root == b.root && !a.evidence.is_empty() && a.evidence == b.evidence {
        score += COPY_SCORE;
    }
    Some(score)
}

/// The blocking keys of an event: (type key × period × tag).
fn block_keys(f: &Feat<'_>) -> Vec<u64> {
    let Some(w) = f.window else { return Vec::new() };
    let tagged = |prefix: &str, s: &str| fnv1a_fields(&[prefix, s]);
    let mut types = vec![tagged("p", f.rec.ty.as_str())];
    if let Some(t) = f.rec.acled.as_ref().filter(|t| t.event_type != CATCH_ALL) {
        types.push(tagged("a", &format!("{}\u{1f}{}", t.event_type, t.sub_event_type)));
    }
    let mut tags: Vec<u64> = f.actors.iter().map(|k| tagged("r", &k.key)).collect();
    if let Some(p) = &f.rec.place {
        tags.push(tagged("c", &p.country.to_ascii_uppercase()));
    }
    tags.push(mix(tagged("d", "") ^ f.root as u64));
    let (first, last) = ((w.lo - w.pad).div_euclid(PERIOD), (w.hi - 1 + w.pad).div_euclid(PERIOD));
    let mut out = Vec::with_capacity(types.len() * tags.len() * (last - first + 1) as usize);
    for &t in &types {
        for period in first..=last {
            let tp = mix(t ^ mix(period as u64));
            for &g in &tags {
                out.push(mix(tp ^ g.rotate_left(29)));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Groups the events of `docs` into happenings: each group lists (document,
/// event index) pairs in corpus order; groups are in order of their first member.
pub(crate) fn group(
    docs: &[CorpusDoc<'_>],
    order: &[usize],
    roots: &[usize],
    evidence: &[Vec<String>],
    opts: &MergeOptions,
) -> Vec<Vec<(usize, usize)>> {
    let (feats, ids) = features(docs, order, roots, evidence, opts);
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    let mut index: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    let mut seen: Vec<u32> = Vec::new();
    let mut stamp = 0u32;
    let mut candidates: Vec<u32> = Vec::new();
    for (i, f) in feats.iter().enumerate() {
        if f.window.is_none() {
            clusters.push(vec![i]);
            seen.push(0);
            continue;
        }
        let keys = block_keys(f);
        stamp += 1;
        candidates.clear();
        for k in &keys {
            if let Some(list) = index.get(k) {
                for &c in list {
                    if seen[c as usize] != stamp {
                        seen[c as usize] = stamp;
                        candidates.push(c);
                    }
                }
            }
        }
        candidates.sort_unstable();
        let c = match best_cluster(f, &candidates, &clusters, &feats, opts) {
            Some(c) => {
                clusters[c as usize].push(i);
                c
            }
            None => {
                clusters.push(vec![i]);
                seen.push(0);
                (clusters.len() - 1) as u32
            }
        };
        for k in keys {
            let list = index.entry(k).or_default();
            if list.last() != Some(&c) {
                list.push(c);
            }
        }
    }
    clusters.into_iter().map(|members| members.into_iter().map(|m| ids[m]).collect()).collect()
}

/// The candidate cluster `f` joins: compatible with every member and
/// scoring at least [`MIN_SCORE`] against one, best score first, ties to
/// the older cluster.
fn best_cluster(
    f: &Feat<'_>,
    candidates: &[u32],
    clusters: &[Vec<usize>],
    feats: &[Feat<'_>],
    opts: &MergeOptions,
) -> Option<u32> {
    let mut best: Option<(u32, u32)> = None;
    'clusters: for &c in candidates {
        let mut top = 0;
        for &m in &clusters[c as usize] {
            match compat(f, &feats[m], opts) {
                Some(s) => top = top.max(s),
                None => continue 'clusters,
            }
        }
        if top >= MIN_SCORE && best.is_none_or(|(s, _)| top > s) {
            best = Some((top, c));
        }
    }
    best.map(|(_, c)| c)
}

/// The merge features of every event in corpus order, with its (document,
/// event index).
fn features<'a>(
    docs: &[CorpusDoc<'a>],
    order: &[usize],
    roots: &[usize],
    evidence: &[Vec<String>],
    opts: &MergeOptions,
) -> (Vec<Feat<'a>>, Vec<(usize, usize)>) {
    let mut feats: Vec<Feat<'a>> = Vec::new();
    let mut ids: Vec<(usize, usize)> = Vec::new();
    for &d in order {
        let doc = &docs[d];
        // Within a document, events the text dates come first: they claim their matches before
        // the publication-dated mentions (a headline's "meetings") can take them.
        let mut evs: Vec<(usize, &EventRecord)> = doc.events.iter().enumerate().collect();
        evs.sort_by_key(|(_, e)| e.time.as_ref().and_then(time::text_span).is_none());
        for (i, ev) in evs {
            feats.push(Feat {
                doc: d,
                rec: ev,
                window: time::window(
                    ev.time.as_ref(),
                    doc.meta.published.as_deref(),
                    opts.max_days_apart,
                    opts.max_span_days,
                ),
                root: roots[d],
                actors: actor_keys(ev),
                evidence: match_key(&evidence[d][i]),
            });
            ids.push((d, i));
        }
    }
    (feats, ids)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::place::tests::place;
    use isnad_schema::{AcledType, ActorRef, Attribution, EventTime, Factuality, Participant, Quad};
    use std::collections::BTreeMap;

    fn participant(id: &str, kind: &str) -> Participant {
        Participant { entity: None, actor: Some(ActorRef::bare(id, kind)), name: id.into(), start: 0, end: 1 }
    }

    fn event(ty: &str, acled: Option<(&str, &str)>, actors: Vec<Participant>) -> EventRecord {
        EventRecord {
            id: "ev1".into(),
            ty: ty.parse().unwrap(),
            mode: None,
            quad: Quad::MaterialConflict,
            acled: acled.map(|(e, s)| AcledType { event_type: e.parse().unwrap(), sub_event_type: s.parse().unwrap() }),
            actors,
            recipients: Vec::new(),
            place: None,
            time: None,
            counts: BTreeMap::new(),
            evidence: Vec::new(),
            attribution: Attribution {
                sources: Vec::new(),
                cue: None,
                chain: String::new(),
                basis: isnad_schema::AttributionBasis::Outlet,
                stance: None,
            },
            factuality: Factuality::Asserted,
            factuality_cue: None,
            trigger: String::new(),
        }
    }

    fn keys(ids: &[(&str, &str)]) -> Vec<ActorKey> {
        let e = event("ASSAULT", None, ids.iter().map(|(id, kind)| participant(id, kind)).collect());
        actor_keys(&e)
    }

    #[test]
    fn actor_evidence() {
        let houthis = keys(&[("ye.houthis", "rebel")]);
        let dyad = keys(&[("ye.houthis", "rebel"), ("ye.gov.army", "military")]);
        let army = keys(&[("ye.gov.army", "military")]);
        let gunmen = keys(&[("generic.gunmen", "generic")]);
        let saba = keys(&[("ye.media.saba_gov", "media")]);
        assert_eq!(actor_score(&houthis, &dyad), Some(2));
        assert_eq!(actor_score(&dyad, &dyad), Some(3));
        assert_eq!(actor_score(&houthis, &army), None);
        assert_eq!(actor_score(&houthis, &gunmen), Some(0));
        assert_eq!(actor_score(&gunmen, &gunmen), Some(1));
        assert_eq!(actor_score(&houthis, &saba), Some(0));
        assert_eq!(actor_score(&houthis, &[]), Some(0));
    }

    #[test]
    fn kinds_of_happening() {
        let drone = Some(("Explosions/Remote violence", "Air/drone strike"));
        assert!(same_kind(&event("ASSAULT", drone, vec![]), &event("COERCE", drone, vec![])));
        assert!(same_kind(&event("ASSAULT", drone, vec![]), &event("ASSAULT", None, vec![])));
        assert!(!same_kind(&event("ASSAULT", drone, vec![]), &event("COERCE", None, vec![])));
        assert!(!same_kind(
            &event("ASSAULT", drone, vec![]),
            &event("ASSAULT", Some(("Battles", "Armed clash")), vec![])
        ));
        let other = Some(("Strategic developments", "Other"));
        assert!(!same_kind(&event("AGREE", other, vec![]), &event("COERCE", other, vec![])));
        assert!(same_kind(&event("AGREE", other, vec![]), &event("AGREE", other, vec![])));
    }

    /// Every pair the rules accept meets under a blocking key (random events).
    #[test]
    fn blocking_loses_no_mergeable_pair() {
        let places = [
            None,
            Some(place("country:YE", "country", 15.9, 47.5, None, None)),
            Some(place("ocha:YE26", "admin1", 15.6, 45.5, Some("YE26"), Some("YE26"))),
            Some(place("geonames:72968", "town", 15.46, 45.32, Some("YE26"), None)),
            Some(place("geonames:70793", "town", 15.45, 45.55, Some("YE26"), None)),
            Some(place("geonames:71137", "city", 15.35, 44.21, Some("YE13"), None)),
        ];
        let actors = [("ye.houthis", "rebel"), ("ye.gov.army", "military"), ("generic.gunmen", "generic")];
        let kinds = [
            ("ASSAULT", Some(("Explosions/Remote violence", "Air/drone strike"))),
            ("COERCE", Some(("Explosions/Remote violence", "Air/drone strike"))),
            ("ASSAULT", Some(("Battles", "Armed clash"))),
            ("ASSAULT", None),
            ("AGREE", Some(("Strategic developments", "Agreement"))),
        ];
        let times = [
            ("2023-11-05", Some("2023-11-06"), 1, "clause"),
            ("2023-11-07", Some("2023-11-08"), 1, "clause"),
            ("2023-11-05", Some("2023-11-06"), 3, "context"),
            ("2023-11-01", Some("2023-12-01"), 3, "clause"),
            ("2023-11-06", Some("2023-11-13"), 2, "clause"),
            ("2023-11-06", None, 3, "publication"),
            ("2023-12-04", Some("2023-12-05"), 1, "sentence"),
        ];
        let mut x: u64 = 0x1234_5678;
        let mut pick = |n: usize| {
            x = crate::mix(x.wrapping_add(0x9e37_79b9_7f4a_7c15));
            (x % n as u64) as usize
        };
        let mut events = Vec::new();
        for _ in 0..300 {
            let (ty, acled) = kinds[pick(kinds.len())];
            let mut who = Vec::new();
            for a in actors {
                if pick(2) == 0 {
                    who.push(participant(a.0, a.1));
                }
            }
            let mut e = event(ty, acled, who);
            e.place = places[pick(places.len())].clone();
            let (from, to, precision, basis) = times[pick(times.len())];
            e.time = Some(EventTime {
                from: Some(from.into()),
                to: to.map(Into::into),
                grain: isnad_schema::Grain::Day,
                precision: Some(isnad_schema::TimePrecision::try_from(precision).unwrap()),
                basis: basis.parse().unwrap(),
                span: None,
            });
            events.push(e);
        }
        let opts = MergeOptions::default();
        let feats: Vec<Feat<'_>> = events
            .iter()
            .enumerate()
            .map(|(i, e)| Feat {
                doc: i,
                rec: e,
                window: time::window(e.time.as_ref(), Some("2023-11-08"), 3, 62),
                root: i % 40,
                actors: actor_keys(e),
                evidence: if i % 3 == 0 { "قصف".into() } else { String::new() },
            })
            .collect();
        let keys: Vec<Vec<u64>> = feats.iter().map(block_keys).collect();
        let mut accepted = 0;
        for i in 0..feats.len() {
            for j in i + 1..feats.len() {
                if compat(&feats[i], &feats[j], &opts).is_some_and(|s| s >= MIN_SCORE) {
                    accepted += 1;
                    assert!(keys[i].iter().any(|k| keys[j].binary_search(k).is_ok()), "{i} {j}");
                }
            }
        }
        assert!(accepted > 100, "{accepted}");
    }
}
