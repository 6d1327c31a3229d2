//! ACLED-style CSV.

use std::io::{self, Write};

use isnad_schema::{
    AcledEventType, AcledSubEventType, AcledType, ClusterRecord, Factuality, OriginKind, Participant, PlaceRef,
};
use isnad_text::hash::fnv1a_fields;

use crate::countries::{invalid_data, Countries, Country};
use crate::util::{self, EventDate};

/// The columns of the ACLED CSV, in order.
pub const ACLED_COLUMNS: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// Writes the clusters that ACLED codes (`acled` set) as ACLED-style CSV
/// (header included; see [`ACLED_COLUMNS`]). Returns the number of rows
/// written, the header not counted.
///
/// The rules that fill the columns:
///
/// * `event_id_cnty`: the country's ISO 3166-1 alpha-3 code and a number,
///   the low 53 bits of a stable hash (FNV-1a) of the cluster id in decimal
///   (so the same cluster keeps its id, and the number stays exact in
///   spreadsheet and JavaScript doubles). `XXX` stands for an unknown country.
/// * The country is the place's; without a place, the country of the first
///   actor, then recipient, that has one.
/// * `event_date`: the time's `from`; without it the day before its `to`,
///   else the earliest member publication date, and then `time_precision` is 3.
/// * `disorder_type`: Battles, Explosions/Remote violence, Violence against
///   civilians and Riots/Mob violence are "Political violence"; Protests and
///   Riots/Violent demonstration are "Demonstrations", but Protest with
///   intervention and Excessive force against protesters are "Political
///   violence; Demonstrations"; Strategic developments are "Strategic developments".
/// * `actor1`/`actor2`: the English names of the first actor and the first
///   recipient (linked actor's name, else the name as written);
///   `assoc_actor_1`/`assoc_actor_2` the others, `; `-joined; `inter1`/`inter2`
///   their ACLED actor types (generic actors included).
/// * `interaction`: ACLED's two-digit code, the lower actor type first
///   (`min(inter1, inter2) * 10 + max`, e.g. 12, 27); a lone side gives its
///   type times ten (10, 20 …); empty when a side is present but its type
///   is unknown (a participant linked to no actor).
/// * `civilian_targeting`: "Civilian targeting" for every Violence against
///   civilians event, and for Explosions/Remote violence when a recipient is
///   civilians (actor type 7).
/// * `iso` (ISO 3166-1 numeric, without leading zeros), `region` (ACLED's)
///   and `country` (English) come from `data/countries.tsv`; `admin1`/`admin2`
///   are the place's English admin names (else its admin codes); `admin3` is
///   the place itself when it is a third-level unit; `location` is the
///   place's English name; `latitude`/`longitude` have four decimals and are
///   empty when not finite or out of range; `geo_precision` is the place's.
/// * `source`: the distinct member outlets, `; `-joined.
/// * `source_scale`: from the origins (the outlets' own reach is not
///   recorded): an origin that is an international actor (`actor:intl.…`) is
///   International, a witness is Local, any other origin National; several
///   scales are written narrowest-widest joined by `-` (`Local-National`);
///   no origin gives "Other".
/// * `notes`: an English summary — date, ACLED and PLOVER type, actors,
///   recipients, place, counts, factuality, the first member's evidence in
///   Arabic, and `independent sources: N`.
/// * `fatalities`: `counts.killed`, rounded (0 when absent).
/// * `tags`: the factuality when not asserted, `sources: anonymous` when every
///   origin is anonymous, `date: publication` when the date is only the
///   publication's, and `contradiction: FIELD` for each disagreement.
/// * `timestamp`: the latest member publication as Unix seconds (else the
///   event date at midnight UTC), never the wall clock.
pub fn write_acled_csv<W: Write>(clusters: &[ClusterRecord], w: W) -> io::Result<usize> {
    let countries = Countries::embedded().map_err(invalid_data)?;
    let mut out = csv::Writer::from_writer(w);
    out.write_record(ACLED_COLUMNS)?;
    let mut n = 0;
    for c in clusters {
        if let Some(t) = &c.acled {
            let mut r = row(c, t, countries);
            // Text that may come from the documents: never let a spreadsheet read it as a formula.
            for i in TEXT_COLUMNS {
                defuse(&mut r[i]);
            }
            out.write_record(r)?;
            n += 1;
        }
    }
    out.flush()?;
    Ok(n)
}

/// The country of a cluster: the place's, else the first participant's.
pub(crate) fn cluster_country<'a>(c: &ClusterRecord, countries: &'a Countries) -> (Option<&'a Country>, String) {
    if let Some(p) = &c.place {
        if !p.country.trim().is_empty() {
            return match countries.by_iso2(&p.country) {
                Some(k) => (Some(k), k.iso3.clone()),
                None => (None, "XXX".into()),
            };
        }
    }
    for p in c.actors.iter().chain(&c.recipients) {
        if let Some(code) = p.actor.as_ref().and_then(|a| a.country.as_deref()).map(str::trim) {
            if code.len() == 3 && code.bytes().all(|b| b.is_ascii_alphabetic()) {
                return (countries.by_iso3(code), code.to_ascii_uppercase());
            }
        }
    }
    (None, "XXX".into())
}

fn inter(p: Option<&Participant>) -> Option<u8> {
    p.and_then(|p| p.actor.as_ref()).and_then(|a| a.inter).filter(|i| (1..=8).contains(i))
}

/// ACLED's interaction code (see [`write_acled_csv`]).
pub(crate) fn interaction(c: &ClusterRecord) -> Option<u8> {
    let (a, b) = (c.actors.first(), c.recipients.first());
    match (inter(a), inter(b)) {
        (Some(x), Some(y)) => Some(x.min(y) * 10 + x.max(y)),
        (Some(x), None) if b.is_none() => Some(x * 10),
        (None, Some(y)) if a.is_none() => Some(y * 10),
        _ => None,
    }
}

/// ACLED's disorder type of an event type and sub-event type.
pub(crate) fn disorder_type(t: &AcledType) -> &'static str {
    use AcledSubEventType::{ExcessiveForceAgainstProtesters, ProtestWithIntervention, ViolentDemonstration};
    match (t.event_type, t.sub_event_type) {
        (AcledEventType::Protests, ProtestWithIntervention | ExcessiveForceAgainstProtesters) => {
            "Political violence; Demonstrations"
        }
        (AcledEventType::Protests, _) | (AcledEventType::Riots, ViolentDemonstration) => "Demonstrations",
        (AcledEventType::StrategicDevelopments, _) => "Strategic developments",
        _ => "Political violence",
    }
}

fn civilian_targeting(c: &ClusterRecord, t: &AcledType) -> bool {
    match t.event_type {
        AcledEventType::ViolenceAgainstCivilians => true,
        AcledEventType::ExplosionsRemoteViolence => c.recipients.iter().any(|p| inter(Some(p)) == Some(7)),
        _ => false,
    }
}

/// The source scale (see [`write_acled_csv`]).
fn source_scale(c: &ClusterRecord) -> String {
    const SCALES: [&str; 3] = ["Local", "National", "International"];
    let mut seen = [false; 3];
    for o in &c.origins {
        let i = if o.key.starts_with("actor:intl.") {
            2
        } else if o.kind == OriginKind::Witness {
            0
        } else {
            1
        };
        seen[i] = true;
    }
    let present: Vec<&str> = SCALES.iter().zip(seen).filter(|(_, s)| *s).map(|(n, _)| *n).collect();
    match present.as_slice() {
        [] => "Other".into(),
        [one] => (*one).into(),
        [first, .., last] => format!("{first}-{last}"),
    }
}

fn tags(c: &ClusterRecord, date: Option<&EventDate>) -> String {
    let mut tags: Vec<String> = Vec::new();
    if c.factuality != Factuality::Asserted {
        tags.push(c.factuality.to_string());
    }
    if !c.origins.is_empty() && c.origins.iter().all(|o| o.kind == OriginKind::Anonymous) {
        tags.push("sources: anonymous".into());
    }
    if date.is_some_and(|d| d.from_publication) {
        tags.push("date: publication".into());
    }
    for k in &c.contradictions {
        let t = format!("contradiction: {}", k.field);
        if !tags.contains(&t) {
            tags.push(t);
        }
    }
    tags.join("; ")
}

/// English admin names of a place: (admin1, admin2, admin3).
pub(crate) fn admin_names(p: &PlaceRef) -> (String, String, String) {
    let pick = |name: &Option<String>, code: &Option<String>, level: &str| -> String {
        name.as_deref()
            .or(code.as_deref())
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .unwrap_or_else(|| if p.level.as_str() == level { p.name.trim().to_string() } else { String::new() })
    };
    let admin1 = pick(&p.admin1_name, &p.admin1, "admin1");
    let admin2 = pick(&p.admin2_name, &p.admin2, "admin2");
    let admin3 = if p.level == isnad_schema::PlaceLevel::Admin3 { p.name.trim().to_string() } else { String::new() };
    (admin1, admin2, admin3)
}

fn notes(c: &ClusterRecord, t: &AcledType, date: Option<&EventDate>, country: &str) -> String {
    let mut s = String::new();
    match date {
        Some(d) => {
            s.push_str(&d.day.iso());
            if let Some(l) = d.last {
                s.push_str(" to ");
                s.push_str(&l.iso());
            }
        }
        None => s.push_str("Undated"),
    }
    s.push_str(&format!(": {} / {} (PLOVER {}", t.event_type, t.sub_event_type, c.ty));
    if let Some(m) = c.mode {
        s.push_str(&format!(", {m}"));
    }
    s.push_str(").");
    let actors = util::names(&c.actors);
    s.push_str(&format!(" Actors: {}.", if actors.is_empty() { "unidentified".into() } else { actors.join("; ") }));
    let recipients = util::names(&c.recipients);
    if !recipients.is_empty() {
        s.push_str(&format!(" Recipients: {}.", recipients.join("; ")));
    }
    if let Some(p) = &c.place {
        let name = p.name.trim();
        if !name.is_empty() && name != country && !country.is_empty() {
            s.push_str(&format!(" Place: {name}, {country}."));
        } else if !name.is_empty() {
            s.push_str(&format!(" Place: {name}."));
        }
    } else if !country.is_empty() {
        s.push_str(&format!(" Place: {country}."));
    }
    let counts: Vec<String> = c
        .counts
        .iter()
        .filter(|(_, v)| v.is_finite())
        .map(|(k, v)| if v.fract() == 0.0 { format!("{k} {}", *v as i64) } else { format!("{k} {v}") })
        .collect();
    if !counts.is_empty() {
        s.push_str(&format!(" Counts: {}.", counts.join(", ")));
    }
    s.push_str(&format!(" Factuality: {}.", c.factuality));
    if let Some(e) = c.members.iter().map(|m| util::one_line(&m.evidence)).find(|e| !e.is_empty()) {
        s.push_str(&format!(" Evidence (ar): «{}»;", util::clip(&e, 200)));
    }
    s.push_str(&format!(" independent sources: {}.", c.independent_sources));
    s
}

/// Columns whose text can come from the analysed documents (names, outlets, notes, tags, place).
const TEXT_COLUMNS: [usize; 8] = [7, 8, 10, 11, 21, 25, 27, 29];

/// A cell starting with `=`, `+`, `-`, `@`, tab or carriage return is read as a
/// formula by spreadsheets (CSV injection); such cells get a leading `'`.
fn defuse(cell: &mut String) {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        cell.insert(0, '\'');
    }
}

fn row(c: &ClusterRecord, t: &AcledType, countries: &Countries) -> Vec<String> {
    let date = util::event_date(c);
    let (country, iso3) = cluster_country(c, countries);
    let id = format!("{iso3}{}", fnv1a_fields(&[&c.id]) & ((1 << 53) - 1));
    let actors = util::names(&c.actors);
    let recipients = util::names(&c.recipients);
    let first = |v: &[&str]| v.first().map(|s| s.to_string()).unwrap_or_default();
    let rest = |v: &[&str]| v.iter().skip(1).copied().collect::<Vec<_>>().join("; ");
    let opt = |v: Option<u8>| v.map(|v| v.to_string()).unwrap_or_default();
    let (admin1, admin2, admin3) = c.place.as_ref().map(admin_names).unwrap_or_default();
    let coords = c.place.as_ref().and_then(|p| util::coordinates(p.lat, p.lon));
    let country_name = country.map(|k| k.name.clone()).unwrap_or_default();
    vec![
        id,
        date.as_ref().map(|d| d.day.iso()).unwrap_or_default(),
        date.as_ref().map(|d| d.day.y.to_string()).unwrap_or_default(),
        date.as_ref().map(|d| d.precision.to_string()).unwrap_or_default(),
        disorder_type(t).into(),
        t.event_type.to_string(),
        t.sub_event_type.to_string(),
        first(&actors),
        rest(&actors),
        opt(inter(c.actors.first())),
        first(&recipients),
        rest(&recipients),
        opt(inter(c.recipients.first())),
        opt(interaction(c)),
        if civilian_targeting(c, t) { "Civilian targeting".into() } else { String::new() },
        country.map(|k| k.numeric.to_string()).unwrap_or_default(),
        country.map(|k| k.region.clone()).unwrap_or_default(),
        country_name.clone(),
        admin1,
        admin2,
        admin3,
        c.place.as_ref().map(|p| p.name.trim().to_string()).unwrap_or_default(),
        coords.map(|(lat, _)| format!("{lat:.4}")).unwrap_or_default(),
        coords.map(|(_, lon)| format!("{lon:.4}")).unwrap_or_default(),
        c.place.as_ref().map(|p| util::precision(p.precision).to_string()).unwrap_or_default(),
        util::outlets(c).join("; "),
        source_scale(c),
        notes(c, t, date.as_ref(), &country_name),
        util::whole_count(c, "killed").to_string(),
        tags(c, date.as_ref()),
        util::cluster_timestamp(c).map(|s| s.to_string()).unwrap_or_default(),
    ]
}
