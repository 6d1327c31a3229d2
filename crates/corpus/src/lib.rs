//! Corpus merge: the same happening reported by several documents becomes
//! one [`ClusterRecord`], with the best values its members give, where they
//! disagree, and how many **independent** origins stand behind it.
//!
//! A copy count (how many articles mention a happening) says little about
//! how well it is attested: ten outlets running one wire story are one
//! source. isnad counts origin chains instead: two outlets quoting the same
//! agency, the same named official or the same copied text count once.
//!
//! ```
//! use isnad_corpus::{cluster, CorpusDoc, MergeOptions, OriginLexicon};
//! use isnad_pipeline::{Input, InputMeta, Options, Pipeline};
//! let report = |id: &str, outlet: &str| {
//!     let meta = InputMeta {
//!         id: Some(id.into()),
//!         source: Some(outlet.into()),
//!         published: Some("2024-03-04".into()),
//!         ..Default::default()
//!     };
//!     let text = "قالت وزارة الداخلية اليمنية إن مسلحين قتلوا الأحد ثلاثة جنود في مدينة عدن.";
//!     Pipeline::embedded().unwrap().analyze(Input { meta, text: text.into() }, Options::default())
//! };
//! let documents = [report("a", "Outlet A"), report("b", "Outlet B")];
//! let docs: Vec<CorpusDoc> = documents.iter().map(CorpusDoc::from).collect();
//! let clusters = cluster(&docs, &MergeOptions::default(), OriginLexicon::embedded()?);
//! // Two outlets, one happening, one origin: the ministry they both quote.
//! assert_eq!(clusters.len(), 1);
//! assert_eq!((clusters[0].members.len(), clusters[0].independent_sources), (2, 1));
//! # Ok::<(), isnad_text::LoadError>(())
//! ```
//!
//! # Order
//!
//! Documents are taken in the order (publication date, document id, input
//! position), undated documents last, and events in document order. Every
//! step below runs in that order, ties go to the earlier cluster or
//! document, and no hash map is iterated to produce output, so the result does
//! not depend on the order of the input slice (given distinct document ids).
//!
//! # Near-duplicate texts
//!
//! [`near_duplicates`] marks copied texts: MinHash (128 values) over 5-word
//! shingles of the search-key-normalised text (the [`isnad_text::search_key`]
//! folding of diacritics, hamza seats, ta marbuta …, split at anything that is
//! not a letter or digit; a text shorter than five words is one shingle), with
//! LSH banding (rows per band chosen from the threshold, 4 rows × 32 bands at
//! 0.6) so that only documents sharing a whole band are compared. A pair is a
//! near-duplicate when the share of equal MinHash values, an estimate of the
//! shingle Jaccard similarity, reaches the threshold. Each document points to
//! the earliest document it near-duplicates, followed to that document's own
//! original, so copies of copies lead back to one text. At most
//! [`MAX_FAILED_CHECKS`] failed comparisons are made per band bucket, which
//! bounds the work when boilerplate puts thousands of unrelated texts in one
//! bucket.
//!
//! # Candidate events
//!
//! Every event ends up in exactly one cluster (a report no other document
//! confirms is a cluster of one). An event takes part in merging when it has
//! a time window:
//!
//! * a time from the text (`basis` clause, sentence or context): its span
//!   `[from, to)`; spans wider than [`MergeOptions::max_span_days`] (a year,
//!   "since 2011") are too vague to identify a happening and stay alone;
//! * otherwise the publication fallback (`basis` publication, no time, or an
//!   unresolved one): the publication day. Such a time is only a weak hint,
//!   see the scores below.
//!
//! Blocking keeps the merge close to linear: each cluster is indexed under
//! (type key, 7-day period, tag) for every period its members' widened
//! windows cover, where the type keys are the PLOVER type and the ACLED event
//! and sub-event type (outside the catch-all), and the tags are the place's
//! country, each actor key, and the document's near-duplicate group. An event is compared only with the
//! clusters it meets under one of its own keys; every pair the rules below can
//! accept shares at least one key (places in different countries never
//! merge, a place-less pair needs a shared actor, a copy pair shares the
//! group).
//!
//! # Compatibility of two events
//!
//! Hard conditions (any failing one keeps the events apart):
//!
//! * different documents: the document stage has already merged the mentions
//!   of one happening inside a document;
//! * the same kind of happening: when both have an ACLED type, the same
//!   ACLED event type (ACLED itself counts a battle and a shelling at one
//!   place and day as two events), and then the same PLOVER type or the same
//!   ACLED sub-type (triggers differ: one outlet's ASSAULT is another's
//!   COERCE, both an attack on civilians), though never across PLOVER types
//!   within ACLED's catch-all "Strategic developments", where an agreement, an
//!   arrest and a troop movement share the type; otherwise the same PLOVER
//!   type;
//! * time: the days between the end of one span and the start of the other
//!   are at most the larger padding of the two; the padding is
//!   `max_days_apart` for a day-precise time, and for coarser ACLED precision
//!   whatever the span lacks of the precision's width (a week 7, a month 30
//!   days), so a single day the text places only within a month may be 29
//!   days off while a span that already covers its month gets
//!   `max_days_apart` only; the publication fallback gets `max_days_apart`;
//! * place (when both have one): the same place (id, P-code or GeoNames id),
//!   one containing the other (a country its places, an admin1 or admin2
//!   unit the places whose `admin1`/`admin2` code is its own), or both within
//!   [`MergeOptions::max_km`] (haversine) in the same country;
//! * actors (actors and recipients together, since outlets swap the roles):
//!   when both events name linked, non-generic actors, they share one.
//!   Generic actors (gunmen, civilians …) never contradict.
//!
//! Evidence then has to add up to at least 5 points:
//!
//! | evidence | points |
//! |---|---|
//! | both times from the text: day-precise and at most a day apart / day or week precise / coarser | 3 / 2 / 1 |
//! | either time is the publication fallback | 0 |
//! | the same town, city, village, admin2 or admin3 / the same admin1 | 3 / 2 |
//! | one place inside an admin1 or admin2 unit, or both within `max_km` | 2 |
//! | the same country, or one inside a country, or a place missing | 0 |
//! | two shared non-generic actors / one / only a shared generic one | 3 / 2 / 1 |
//! | copied texts (one near-duplicate group) with the same evidence phrase | 5 |
//!
//! So a dated attack in one town merges on its own, and so does one on the
//! same day within one admin1 unit; a month-level time in the same town, or
//! an event dated only by its publication in the same town, needs a shared
//! actor; events placed only in a country, or nowhere, need the same day and
//! a shared actor, or a dated time and the same pair of actors. (On the ANT
//! corpus a looser rule, a country-level place with a shared actor within a
//! week, put a US strike in Syria together with government operations against
//! the Islamic State there: a country is no place for a happening.)
//!
//! Events are assigned greedily in corpus order: an event joins the candidate
//! cluster where it is compatible with *every* member and scores best
//! against one of them (ties: the older cluster), or starts a new one.
//! Checking every member, rather than linking pairs (union-find), keeps chains
//! of near matches from gluing different happenings together.
//!
//! # Best values
//!
//! * type, mode, ACLED type: the value most members give, ties to the earliest;
//! * time: the most precise among members dated by the text (lowest ACLED
//!   precision, then the narrowest span); when none is, the earliest member's
//!   publication fallback, so the basis still says so;
//! * place: the most precise (lowest ACLED geo precision, then the deeper
//!   level: village > town > city > admin3 > admin2 > admin1 > country);
//! * counts, per key: the value given by the most independent origins (not
//!   members: ten copies of one wire figure outvote nothing), then by the most
//!   members; a remaining tie takes the smaller value, which is ACLED's rule
//!   for fatalities (the most conservative report);
//! * actors and recipients: the union by actor id (by name for unlinked
//!   participants); a participant seen in both roles goes where most members
//!   put it;
//! * factuality: the strongest, asserted > probable > possible > planned >
//!   unknown > negated.
//!
//! # Contradictions
//!
//! * `counts.KEY`: members give different values;
//! * `date`: two members' text-based spans do not overlap (a day inside a
//!   month does);
//! * `place`: two places are neither the same nor one inside the other
//!   (neighbouring towns within `max_km` are compatible but still listed);
//! * `factuality`: one member asserts (or finds probable) what another
//!   negates.
//!
//! Each lists every value with the documents giving it.
//!
//! # Origins
//!
//! Each member gets an origin key from its attribution chain, read from the
//! original source towards the outlet; the first source that identifies
//! someone decides:
//!
//! * a source linked to an actor (a person, an organisation, an agency such
//!   as Saba, Reuters or AFP): `actor:ID`. Two outlets quoting one agency
//!   share one origin, and anonymous sources quoted by an agency are the
//!   agency's;
//! * a named or official source without an actor, when its words name
//!   someone (`وزارة الداخلية اليمنية`, `وزير الداخلية`, a person's name):
//!   `source:KEY`, the clitic-stripped match keys of its words. The same
//!   ministry quoted by two outlets is one origin. Another outlet quoted by
//!   name (`صحيفة الأيام`) without a linked actor is keyed the same way, as an
//!   agency;
//! * anything that names no one: anonymous sources, witnesses, the outlet's
//!   own or earlier reporting, and official, document or social-media sources
//!   whose words are only the generic cue (`بيان`، `وزير`، `السلطات`،
//!   `تقرير`، `تغريدة`: the pipeline often keeps just that word): the outlet,
//!   `outlet:NAME` (its normalised name), or `doc:ID` when the document has no
//!   outlet. An outlet's unnamed sources are only as independent as the
//!   outlet. (Keying "a statement" across outlets would merge every
//!   statement of a happening into one; keying it per document would count
//!   one outlet's updates many times.)
//!
//! Copies are folded last: all members whose documents are near-duplicates
//! of one original take the origin of the earliest of them in the cluster,
//! and an outlet fallback uses the original's outlet. The origin's label
//! names the copies, and its kind is `copy` when only copies are present.
//! `independent_sources` is the number of distinct origins.
//!
//! The cluster id is `c` and 16 hex digits of the 64-bit FNV-1a hash of the
//! first member's document id, a 0x1F byte and its event id, passed through
//! splitmix64's finaliser (FNV alone leaves ids of similar strings looking
//! alike): stable across runs, platforms and input order.

mod best;
mod merge;
mod minhash;
mod origin;
mod place;
mod time;

use isnad_schema::{ClusterRecord, Document, DocumentMeta, EventRecord};

pub use minhash::MAX_FAILED_CHECKS;
pub use origin::OriginLexicon;

/// One analysed document as the merge reads it.
#[derive(Clone, Copy, Debug)]
pub struct CorpusDoc<'a> {
    /// Its metadata: `id` (expected unique), `source` (the outlet), `published`.
    pub meta: &'a DocumentMeta,
    /// The text (for near-duplicates and the members' evidence).
    pub text: &'a str,
    /// Its events.
    pub events: &'a [EventRecord],
}

impl<'a> From<&'a Document> for CorpusDoc<'a> {
    fn from(d: &'a Document) -> CorpusDoc<'a> {
        CorpusDoc { meta: &d.document, text: &d.text, events: &d.events }
    }
}

/// Thresholds of the merge.
#[derive(Clone, Debug, PartialEq)]
pub struct MergeOptions {
    /// Days two day-precise times may lie apart (coarser precision widens it).
    pub max_days_apart: u32,
    /// Kilometres two places that do not contain each other may lie apart.
    pub max_km: f64,
    /// Estimated Jaccard similarity of 5-word shingles from which two texts are copies.
    pub near_duplicate_jaccard: f64,
    /// Events whose text-based time spans more days than this are not merged.
    pub max_span_days: u32,
    /// Outlets that are themselves a known source actor (an agency publishing
    /// its own story): normalised outlet name (see [`outlet_key`]) → (actor id,
    /// actor name). A report resting on such an outlet has the origin
    /// `actor:ID`, the same as another outlet quoting that agency.
    pub outlet_actors: std::collections::BTreeMap<String, (String, String)>,
}

impl Default for MergeOptions {
    fn default() -> Self {
        MergeOptions {
            max_days_apart: 3,
            max_km: 25.0,
            near_duplicate_jaccard: 0.6,
            max_span_days: 62,
            outlet_actors: Default::default(),
        }
    }
}

/// The normalised form of an outlet name used as a key (match key, single spaces).
pub fn outlet_key(name: &str) -> String {
    origin::outlet_key(name)
}

/// Merges the events of `docs` into clusters, in corpus order (see the crate
/// documentation for the rules); `lex` tells sources that name someone
/// ([`OriginLexicon::embedded`] for the embedded data). Every event is in
/// exactly one cluster.
pub fn cluster(docs: &[CorpusDoc<'_>], opts: &MergeOptions, lex: &OriginLexicon) -> Vec<ClusterRecord> {
    let order = doc_order(docs);
    let copies = minhash::near_duplicates_in_order(docs, &order, opts.near_duplicate_jaccard);
    let evidence = evidence_texts(docs);
    let groups = merge::group(docs, &order, &copies, &evidence, opts);
    let input = best::Inputs { docs, roots: &copies, evidence: &evidence, opts, lex };
    groups.iter().map(|g| best::build(&input, g)).collect()
}

/// The text of each event's first evidence span (one pass over each text).
fn evidence_texts(docs: &[CorpusDoc<'_>]) -> Vec<Vec<String>> {
    docs.iter()
        .map(|d| {
            if d.events.is_empty() {
                return Vec::new();
            }
            let offsets = isnad_text::CharOffsets::new(d.text);
            d.events
                .iter()
                .map(|e| {
                    e.evidence.first().map(|s| offsets.slice(d.text, s.start, s.end).to_string()).unwrap_or_default()
                })
                .collect()
        })
        .collect()
}

/// For each document, the index (into `docs`) of the earliest document it
/// near-duplicates, followed back to that document's original; its own index
/// when it copies none. "Earliest" is corpus order (publication date,
/// document id, position). `threshold` is the estimated Jaccard similarity of
/// 5-word shingles (0.6 catches a wire story with a changed lead sentence).
pub fn near_duplicates(docs: &[CorpusDoc<'_>], threshold: f64) -> Vec<usize> {
    minhash::near_duplicates_in_order(docs, &doc_order(docs), threshold)
}

/// Document indices in corpus order: dated documents by publication, then
/// undated ones; ties by id, then by position.
fn doc_order(docs: &[CorpusDoc<'_>]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by(|&a, &b| {
        let (ma, mb) = (docs[a].meta, docs[b].meta);
        (ma.published.is_none(), ma.published.as_deref(), ma.id.as_str(), a).cmp(&(
            mb.published.is_none(),
            mb.published.as_deref(),
            mb.id.as_str(),
            b,
        ))
    });
    order
}

/// splitmix64's finaliser: spreads the bits of a hash.
pub(crate) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undated_documents_come_last_and_ties_go_by_id() {
        let metas = [
            DocumentMeta { id: "z".into(), published: None, ..Default::default() },
            DocumentMeta { id: "b".into(), published: Some("2023-11-02".into()), ..Default::default() },
            DocumentMeta { id: "a".into(), published: Some("2023-11-02".into()), ..Default::default() },
            DocumentMeta { id: "y".into(), published: Some("2023-11-01".into()), ..Default::default() },
        ];
        let docs: Vec<CorpusDoc> = metas.iter().map(|m| CorpusDoc { meta: m, text: "", events: &[] }).collect();
        assert_eq!(doc_order(&docs), vec![3, 2, 1, 0]);
    }
}
