//! The `isnad/1` document schema: one set of records shared by the CLI, the
//! HTTP API, the web UI and the exports. Field names are stable; new fields
//! are added, never renamed.
//!
//! Offsets (`start`, `end`) are Unicode code-point offsets into
//! [`Document::text`], end exclusive.
//!
//! The fields that take a value from a fixed set (PLOVER type and mode,
//! factuality, source kind, place level, time grain …) have a closed
//! vocabulary here: an enum whose JSON is the record's string (or number),
//! with `ALL`, `as_str()`, an English `label()`, `FromStr` and `Display`.
//! [`Vocabulary`] lists them all, as the API serves them.
//!
//! ```
//! use isnad_schema::{Factuality, PloverType, Quad, Vocabulary};
//!
//! let ty: PloverType = "ASSAULT".parse().unwrap();
//! assert_eq!(ty.quad(), Quad::MaterialConflict);
//! assert_eq!(ty.label(), "Assault");
//! assert_eq!(serde_json::to_string(&Factuality::Negated).unwrap(), r#""negated""#);
//! assert_eq!(serde_json::to_string(&Quad::VerbalConflict).unwrap(), "3");
//!
//! let err = "certain".parse::<Factuality>().unwrap_err();
//! assert!(err.to_string().contains(r#""certain""#));
//!
//! let listed = serde_json::to_value(Vocabulary::new()).unwrap();
//! assert_eq!(listed["plover_types"][15]["value"], "ASSAULT");
//! assert_eq!(listed["plover_types"][15]["quad"], 4);
//! ```

mod fields;
mod typing;
mod vocab;
mod vocabulary;

pub use fields::{
    AttributionBasis, CheckKind, CheckStatus, EntityType, Factuality, GeoPrecision, Grain, OriginKind, PlaceLevel,
    QuantityKind, QuantityRelation, SegmentKind, SourceKind, Stance, TimeAnchor, TimeBasis, TimeKind, TimePrecision,
    TokenKind,
};
pub use typing::{AcledEventType, AcledSubEventType, PloverMode, PloverType, Quad};
pub use vocab::{UnknownValue, Vocab};
pub use vocabulary::{AcledTerm, PloverTerm, Term, Vocabulary};

use serde::{Deserialize, Serialize, Serializer};

/// The schema identifier written in every document.
pub const SCHEMA: &str = "isnad/1";

/// Metadata of the analysed document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DocumentMeta {
    /// Stable identifier (given, or derived from the file name or content).
    pub id: String,
    /// Title, when known.
    pub title: Option<String>,
    /// Outlet or source name, when known.
    pub source: Option<String>,
    /// URL, when known.
    pub url: Option<String>,
    /// Publication date or datetime, ISO 8601.
    pub published: Option<String>,
    /// Main language of the text: `ar`, `en`, … or `und`.
    pub language: String,
}

/// What an input declares about itself before analysis: every field optional, nothing invented.
/// The pipeline takes it with the text; the analysed document's [`DocumentMeta`] is it with the id
/// and the language settled.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InputMeta {
    /// Identifier given by the input (JSON `id`, feed entry id, file name, …).
    pub id: Option<String>,
    /// Title or headline.
    pub title: Option<String>,
    /// Outlet or site name.
    pub source: Option<String>,
    /// URL of the document.
    pub url: Option<String>,
    /// Publication date or datetime, ISO 8601.
    pub published: Option<String>,
}

/// A plain span.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// Code-point start.
    pub start: u32,
    /// Code-point end (exclusive).
    pub end: u32,
}

/// A number in the text with its counted noun.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuantityRecord {
    /// Code-point start of the phrase (cue, number, counted noun).
    pub start: u32,
    /// Code-point end (exclusive).
    pub end: u32,
    /// The phrase as written.
    pub text: String,
    /// The value; integral values are written as JSON integers.
    #[serde(serialize_with = "ser_number")]
    pub value: f64,
    /// Lemma of the counted noun (عنصر), or null.
    pub unit: Option<String>,
    /// English gloss of the counted noun (member), or null.
    pub unit_en: Option<String>,
    /// `cardinal`, `ordinal` or `approximate`.
    pub kind: QuantityKind,
    /// For approximate counts: `about`, `more_than`, `less_than`, `at_least`,
    /// `at_most` or `order_of_magnitude`; null otherwise.
    #[serde(default)]
    pub relation: Option<QuantityRelation>,
    /// Lexicon category of the counted noun (person, casualty, materiel, time …).
    #[serde(default)]
    pub unit_category: Option<String>,
}

/// Writes integral floats as integers (32, not 32.0).
pub fn ser_number<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 9.007_199_254_740_992e15 {
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64(*v)
    }
}

/// Writes counts with integral values as integers.
pub fn ser_counts<S: Serializer>(m: &std::collections::BTreeMap<String, f64>, s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = s.serialize_map(Some(m.len()))?;
    for (k, v) in m {
        if v.fract() == 0.0 && v.abs() < 9.007_199_254_740_992e15 {
            map.serialize_entry(k, &(*v as i64))?;
        } else {
            map.serialize_entry(k, v)?;
        }
    }
    map.end()
}

/// One clitic segment of a token.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentRecord {
    /// Code-point start.
    pub start: u32,
    /// Code-point end (exclusive).
    pub end: u32,
    /// `conj`, `prep`, `fut`, `det`, `stem` or `pron`.
    pub kind: SegmentKind,
}

/// A token (only with `--tokens`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenRecord {
    /// Code-point start.
    pub start: u32,
    /// Code-point end (exclusive).
    pub end: u32,
    /// The token as written.
    pub text: String,
    /// `word`, `number`, `punct` or `symbol`.
    pub kind: TokenKind,
    /// Match key (diacritics, hamza-on-alef, ى, digits … folded).
    pub key: String,
    /// Clitic segments of a word (they tile the token).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segments: Option<Vec<SegmentRecord>>,
    /// Match key of the stem (ta-marbuta restored before a pronoun).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stem: Option<String>,
}

/// A time expression, resolved against the publication date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeRecord {
    /// Code-point start.
    pub start: u32,
    /// Code-point end (exclusive).
    pub end: u32,
    /// The expression as written.
    pub text: String,
    /// `date`, `datetime`, `interval`, `duration` or `set` ([`TimeKind`]).
    pub kind: TimeKind,
    /// Start of the resolved span (ISO 8601), null when unresolved.
    pub from: Option<String>,
    /// End of the resolved span, exclusive.
    pub to: Option<String>,
    /// second, minute, hour, day, week, month, quarter or year ([`Grain`]).
    pub grain: Grain,
    /// ISO 8601 duration (`P1W`) for durations and the period of sets.
    pub duration: Option<String>,
    /// What it was resolved against: `publication`, `text` (a date the text
    /// gives for itself) or `none` ([`TimeAnchor`]).
    pub anchor: TimeAnchor,
    /// ACLED time precision: 1 the day, 2 within a week, 3 a month or coarser ([`TimePrecision`]).
    pub precision: Option<TimePrecision>,
    /// Why the expression contradicts itself or the publication date.
    pub conflict: Option<String>,
    /// Other remarks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// When a weekday is named with a date: whether the date falls on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekday_matches: Option<bool>,
}

/// A canonical actor an entity links to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActorRef {
    /// Stable id (`ye.houthis`).
    pub id: String,
    /// English name.
    pub name: String,
    /// Arabic name.
    pub name_ar: String,
    /// Kind (state, military, rebel, militia, terrorist, intl_org, ngo, person, generic …).
    pub kind: String,
    /// ACLED actor type 1–8.
    pub inter: Option<u8>,
    /// PLOVER/CAMEO sector (GOV, MIL, REB …).
    pub sector: Option<String>,
    /// ISO 3166-1 alpha-3, or null for international actors.
    pub country: Option<String>,
    /// Wikidata id, when known.
    pub wikidata: Option<String>,
}

impl ActorRef {
    /// An actor known only by its id and kind, its id standing for its names (constructed records
    /// and tests).
    pub fn bare(id: &str, kind: &str) -> ActorRef {
        ActorRef {
            id: id.into(),
            name: id.into(),
            name_ar: String::new(),
            kind: kind.into(),
            inter: None,
            sector: None,
            country: None,
            wikidata: None,
        }
    }
}

/// A gazetteer place an entity links to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceRef {
    /// Stable id (`ocha:YE14`, `geonames:71137`, `country:YE`).
    pub id: String,
    /// English name.
    pub name: String,
    /// Arabic name.
    pub name_ar: String,
    /// Latitude (WGS 84; an admin unit's inside point).
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// country, admin1, admin2, admin3, city, town, village.
    pub level: PlaceLevel,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    /// First-level admin unit (OCHA P-code in Yemen), when known.
    pub admin1: Option<String>,
    /// Second-level admin unit (OCHA P-code in Yemen), when known.
    pub admin2: Option<String>,
    /// GeoNames id, when known.
    pub geonameid: Option<u64>,
    /// ACLED geo precision of this mention: 1 the town itself, 2 near a town
    /// or part of a region, 3 a larger region ([`GeoPrecision`]).
    pub precision: u8,
    /// OCHA P-code of the place itself (Yemeni admin units).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pcode: Option<String>,
    /// English name of `admin1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin1_name: Option<String>,
    /// English name of `admin2`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin2_name: Option<String>,
    /// Other readings of the mention, best first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<PlaceCandidate>,
}

/// A runner-up reading of a place mention.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceCandidate {
    /// Place id.
    pub id: String,
    /// English name.
    pub name: String,
    /// Arabic name.
    pub name_ar: String,
    /// Level.
    pub level: PlaceLevel,
    /// Country code.
    pub country: String,
    /// Resolution score (comparable within one mention).
    pub score: f32,
}

/// A named entity mention.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityRecord {
    /// Mention id; mentions of one actor or place share `actor.id`/`place.id`.
    pub id: String,
    /// Code-point start.
    pub start: u32,
    /// Code-point end (exclusive).
    pub end: u32,
    /// The mention as written.
    pub text: String,
    /// PER, LOC, ORG or MISC.
    #[serde(rename = "type")]
    pub ty: EntityType,
    /// The linked actor, if any.
    pub actor: Option<ActorRef>,
    /// The linked place, if any.
    pub place: Option<PlaceRef>,
}

/// A participant of an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Participant {
    /// Entity id (`E2`) when the participant is a named entity.
    pub entity: Option<String>,
    /// Linked actor.
    pub actor: Option<ActorRef>,
    /// Display name (English when linked, else as written).
    pub name: String,
    /// Where it is mentioned.
    pub start: u32,
    /// End of the mention.
    pub end: u32,
}

/// ACLED's classification of an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AcledType {
    /// Battles, Explosions/Remote violence, Violence against civilians,
    /// Protests, Riots, Strategic developments ([`AcledEventType`]).
    pub event_type: AcledEventType,
    /// The sub-event type ([`AcledSubEventType`]).
    pub sub_event_type: AcledSubEventType,
}

/// When an event happened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventTime {
    /// Start (ISO 8601).
    pub from: Option<String>,
    /// End, exclusive.
    pub to: Option<String>,
    /// Grain of the value ([`Grain`]).
    pub grain: Grain,
    /// ACLED precision: 1 day, 2 week, 3 month or coarser ([`TimePrecision`]).
    pub precision: Option<TimePrecision>,
    /// `clause`, `sentence`, `context` (an earlier sentence), `sequence` (re-dated because the text
    /// numbers a later one of its kind before it) or `publication` (no time in the text) ([`TimeBasis`]).
    pub basis: TimeBasis,
    /// The time expression used, when any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

/// One source in an attribution chain.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceRecord {
    /// The source as written.
    pub text: String,
    /// `anonymous`, `named_person`, `named_org`, `official`, `witness`,
    /// `outlet`, `self` (the outlet's own earlier reporting), `document`, `social` ([`SourceKind`]).
    pub kind: SourceKind,
    /// Code-point start (equal to `end` for the implicit outlet).
    pub start: u32,
    /// Code-point end.
    pub end: u32,
    /// Linked actor.
    pub actor: Option<ActorRef>,
}

/// Who says so: the chain from the original source to the outlet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    /// Sources, original first.
    pub sources: Vec<SourceRecord>,
    /// The reporting cue (أكدت، بحسب …), when any.
    pub cue: Option<String>,
    /// The chain in words: `anonymous sources → Khabar agency`.
    pub chain: String,
    /// `explicit` (in the sentence), `carried` (from the report it continues) or `outlet`
    /// ([`AttributionBasis`]).
    pub basis: AttributionBasis,
    /// `neutral`, `distancing` (زعم), `affirming` or `denying` ([`Stance`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stance: Option<Stance>,
}

/// One happening, typed in PLOVER and ACLED, with its arguments and sourcing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    /// Event id within the document (`ev1`).
    pub id: String,
    /// PLOVER event type ([`PloverType`]).
    #[serde(rename = "type")]
    pub ty: PloverType,
    /// PLOVER mode, when any ([`PloverMode`]).
    pub mode: Option<PloverMode>,
    /// PLOVER quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
    /// ([`Quad`]).
    pub quad: Quad,
    /// ACLED type, when the event is one ACLED codes.
    pub acled: Option<AcledType>,
    /// Who did it.
    pub actors: Vec<Participant>,
    /// To whom.
    pub recipients: Vec<Participant>,
    /// Where.
    pub place: Option<PlaceRef>,
    /// When.
    pub time: Option<EventTime>,
    /// How many: killed, injured, captured, released, members, … (plus materiel nouns).
    #[serde(serialize_with = "ser_counts")]
    pub counts: std::collections::BTreeMap<String, f64>,
    /// The trigger spans (one per mention of the happening).
    pub evidence: Vec<Span>,
    /// Who says so.
    pub attribution: Attribution,
    /// asserted, probable, possible, unknown, negated, planned ([`Factuality`]).
    pub factuality: Factuality,
    /// The factuality cue, when any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub factuality_cue: Option<Span>,
    /// The trigger lexicon entry.
    pub trigger: String,
}

/// A loaded term.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FramingTerm {
    /// Code-point start.
    pub start: u32,
    /// Code-point end.
    pub end: u32,
    /// As written.
    pub text: String,
    /// delegitimising_label, sectarian, euphemism, …
    pub category: String,
    /// Whose vocabulary it typically is.
    pub leaning: String,
    /// English gloss.
    pub gloss: String,
}

/// The article's framing.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Framing {
    /// Every loaded term.
    pub terms: Vec<FramingTerm>,
    /// Counts by leaning and by category, and the dominant leaning.
    pub profile: FramingProfile,
}

/// Counts of loaded terms.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FramingProfile {
    /// Terms per leaning.
    pub by_leaning: std::collections::BTreeMap<String, usize>,
    /// Terms per category.
    pub by_category: std::collections::BTreeMap<String, usize>,
    /// The leaning with most terms, when any.
    pub dominant: Option<String>,
}

/// How the document's claims are sourced.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Sourcing {
    /// Events (claims).
    pub claims: usize,
    /// Claims resting on anonymous sources.
    pub anonymous: usize,
    /// On named persons or organisations.
    pub named: usize,
    /// On official bodies or statements.
    pub official: usize,
    /// On witnesses.
    pub witness: usize,
    /// On the outlet's own earlier reporting.
    pub self_citation: usize,
    /// On the outlet alone (no source given).
    pub outlet_only: usize,
}

/// A consistency check of the text against itself or its publication date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckRecord {
    /// `weekday_date`, `current_month`, `current_year`, `impossible_date`, `date_vs_publication`,
    /// `parts_total`, `announced_count`, `interval_duration`, `past_after_publication` or `sequence`.
    pub kind: CheckKind,
    /// `consistent` or `inconsistent`.
    pub status: CheckStatus,
    /// What was checked, in English.
    pub message: String,
    /// The spans involved.
    pub spans: Vec<Span>,
}

/// The topic decision of a document (see `isnad_records::TopicModel`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Relevance {
    /// The probability, from the document's words, that it is news of politics or conflict
    /// rather than sport, culture or technology.
    pub news: f64,
    /// Whether its events are reported: false when `news` is below the model's threshold.
    pub reported: bool,
}

/// One analysed document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Metadata.
    pub document: DocumentMeta,
    /// The input text, exactly.
    pub text: String,
    /// Sentence spans.
    pub sentences: Vec<Span>,
    /// Numbers and counts.
    pub quantities: Vec<QuantityRecord>,
    /// Time expressions.
    #[serde(default)]
    pub times: Vec<TimeRecord>,
    /// Named entities with their links.
    #[serde(default)]
    pub entities: Vec<EntityRecord>,
    /// Events.
    #[serde(default)]
    pub events: Vec<EventRecord>,
    /// Whether the document reports news of politics and conflict (its events are then
    /// records) or is sport, culture or technology (no events: "هجوم" in a match is no attack).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relevance: Option<Relevance>,
    /// Happenings the text dates well before its publication: context for the story, never
    /// dated events (not in clusters, timelines or exports).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub background: Vec<EventRecord>,
    /// Consistency checks.
    #[serde(default)]
    pub checks: Vec<CheckRecord>,
    /// Loaded vocabulary.
    #[serde(default)]
    pub framing: Framing,
    /// How the claims are sourced.
    #[serde(default)]
    pub sourcing: Sourcing,
    /// Tokens, when asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<TokenRecord>>,
}

/// One happening as reported across a corpus: the events of several
/// documents merged, with how many independent origins stand behind it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClusterRecord {
    /// Stable identifier (`c` + a hash of the first member's document and event ids).
    pub id: String,
    /// PLOVER event type ([`PloverType`]).
    #[serde(rename = "type")]
    pub ty: PloverType,
    /// PLOVER mode ([`PloverMode`]).
    pub mode: Option<PloverMode>,
    /// PLOVER quad class (1 verbal cooperation … 4 material conflict; [`Quad`]).
    pub quad: Quad,
    /// ACLED event type and sub-type.
    pub acled: Option<AcledType>,
    /// The best actors (the union over members, by linked actor).
    pub actors: Vec<Participant>,
    /// The best recipients.
    pub recipients: Vec<Participant>,
    /// The best place (most precise among members).
    pub place: Option<PlaceRef>,
    /// The best time (most precise among members that date it from the text).
    pub time: Option<EventTime>,
    /// The best counts (per key, the value most members agree on).
    #[serde(serialize_with = "ser_counts")]
    pub counts: std::collections::BTreeMap<String, f64>,
    /// The strongest factuality any member asserts, by the order
    /// asserted > probable > possible > planned > unknown > negated ([`Factuality::BY_STRENGTH`]).
    pub factuality: Factuality,
    /// Member events, in order of publication.
    pub members: Vec<ClusterMember>,
    /// Distinct origin chains behind the members.
    pub origins: Vec<Origin>,
    /// `origins.len()`: two outlets quoting one agency, or copying one text, count once.
    pub independent_sources: usize,
    /// Where members disagree (counts, dates, places, factuality).
    pub contradictions: Vec<Contradiction>,
}

/// One member event of a cluster.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClusterMember {
    /// Document id.
    pub doc: String,
    /// Event id within the document.
    pub event: String,
    /// The document's outlet, when known.
    pub outlet: Option<String>,
    /// The document's publication date, when known.
    pub published: Option<String>,
    /// The document's URL, when known.
    pub url: Option<String>,
    /// The first evidence span's text.
    pub evidence: String,
    /// The origin this member's report goes back to (an `Origin::key`).
    pub origin: String,
}

/// Where a report comes from in the end: a named source, an agency the
/// outlets quote, or the outlet itself (with near-duplicate texts folded).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Origin {
    /// Key: `actor:ID` (a linked source, agencies included), `source:KEY` (a named or
    /// official source without an actor, by its match key), `outlet:NAME` (an outlet's
    /// own or unnamed sources) or `doc:ID` (a document without an outlet).
    pub key: String,
    /// `named`, `official`, `agency`, `outlet`, `anonymous` or `witness` (the outlet on unnamed
    /// sources or witnesses), or `copy` (only copies of one text) ([`OriginKind`]).
    pub kind: OriginKind,
    /// A readable label.
    pub label: String,
    /// Documents resting on it.
    pub documents: Vec<String>,
}

/// A disagreement between members of a cluster.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Contradiction {
    /// `counts.killed`, `date`, `place`, `factuality` ….
    pub field: String,
    /// The different values, each with the documents that give it.
    pub values: Vec<ContradictionValue>,
}

/// One value in a contradiction.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContradictionValue {
    /// The value as text.
    pub value: String,
    /// Documents giving it.
    pub documents: Vec<String>,
}

/// Checks and normalises an ISO 8601 date or datetime:
/// `YYYY-MM-DD`, optionally followed by `THH:MM[:SS[.fff]]` and `Z` or `±HH:MM`.
pub fn parse_published(s: &str) -> Result<String, String> {
    let s = s.trim();
    let bad = || format!("{s:?} is not an ISO 8601 date (YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM])");
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        (!part.is_empty() && part.bytes().all(|c| c.is_ascii_digit())).then(|| part.parse().ok()).flatten()
    };
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return Err(bad());
    }
    let (y, m, d) = (num(0..4).ok_or_else(bad)?, num(5..7).ok_or_else(bad)?, num(8..10).ok_or_else(bad)?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if !(1..=12).contains(&m) || d == 0 || d > days[(m - 1) as usize] {
        return Err(format!("{s:?}: no such day"));
    }
    if b.len() == 10 {
        return Ok(s.to_string());
    }
    if b[10] != b'T' && b[10] != b' ' {
        return Err(bad());
    }
    let rest = &s[11..];
    let (clock, zone) = match rest.find(['Z', '+', '-']) {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let parts: Vec<&str> = clock.split(':').collect();
    let ok_num = |p: &str, max: u32| {
        p.len() == 2 && p.bytes().all(|c| c.is_ascii_digit()) && p.parse::<u32>().is_ok_and(|v| v <= max)
    };
    let sec_ok = |p: &str| {
        let (whole, frac) = p.split_once('.').unwrap_or((p, "0"));
        ok_num(whole, 60) && !frac.is_empty() && frac.bytes().all(|c| c.is_ascii_digit())
    };
    let clock_ok = match parts.as_slice() {
        [h, mi] => ok_num(h, 23) && ok_num(mi, 59),
        [h, mi, sec] => ok_num(h, 23) && ok_num(mi, 59) && sec_ok(sec),
        _ => false,
    };
    let zone_ok = zone.is_empty()
        || zone == "Z"
        || (zone.len() == 6 && zone.as_bytes()[3] == b':' && ok_num(&zone[1..3], 14) && ok_num(&zone[4..6], 59));
    if clock_ok && zone_ok {
        Ok(format!("{}T{}", &s[..10], rest))
    } else {
        Err(bad())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_dates() {
        assert_eq!(parse_published("2023-11-23").unwrap(), "2023-11-23");
        assert_eq!(parse_published("2023-11-23 08:30").unwrap(), "2023-11-23T08:30");
        assert_eq!(parse_published("2013-02-12T04:30:00-02:00").unwrap(), "2013-02-12T04:30:00-02:00");
        assert!(parse_published("2023-02-29").is_err());
        assert!(parse_published("2024-02-29").is_ok());
        assert!(parse_published("23/11/2023").is_err());
        assert!(parse_published("2023-13-01").is_err());
        assert!(parse_published("2023-11-23T25:00").is_err());
        assert!(parse_published("٢٠٢٣-١١-٢٣").is_err());
    }

    #[test]
    fn vocabulary_values_pad_like_the_strings_they_replace() {
        assert_eq!(format!("[{:<8}]", PloverType::Aid), "[AID     ]");
        assert_eq!(format!("[{:>10}]", Factuality::Negated), "[   negated]");
        assert_eq!(format!("[{:<3}]", Quad::VerbalConflict), "[3  ]");
        assert_eq!(Factuality::Planned.to_string(), "planned");
    }

    #[test]
    fn integral_values_are_integers() {
        let q = QuantityRecord {
            start: 0,
            end: 2,
            text: "32".into(),
            value: 32.0,
            unit: None,
            unit_en: None,
            kind: QuantityKind::Cardinal,
            relation: None,
            unit_category: None,
        };
        let j = serde_json::to_value(&q).unwrap();
        assert_eq!(j["value"], serde_json::json!(32));
        let half = QuantityRecord { value: 1.5, ..q };
        assert_eq!(serde_json::to_value(&half).unwrap()["value"], serde_json::json!(1.5));
    }
}
