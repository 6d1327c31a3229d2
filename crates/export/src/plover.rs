//! PLOVER-style JSON lines.

use std::collections::BTreeMap;
use std::io::{self, Write};

use isnad_schema::{ClusterRecord, Factuality, Participant, PloverMode, PloverType, Quad};
use serde::Serialize;

use crate::countries::{invalid_data, Countries};
use crate::util;

#[derive(Serialize)]
struct Actor<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name_ar: Option<&'a str>,
    id: Option<&'a str>,
    kind: Option<&'a str>,
    sector: Option<&'a str>,
    inter: Option<u8>,
    country: Option<&'a str>,
}

fn actor(p: &Participant) -> Actor<'_> {
    let a = p.actor.as_ref();
    Actor {
        name: util::participant_name(p),
        name_ar: a.map(|a| a.name_ar.as_str()).filter(|s| !s.is_empty()),
        id: a.map(|a| a.id.as_str()),
        kind: a.map(|a| a.kind.as_str()),
        sector: a.and_then(|a| a.sector.as_deref()),
        inter: a.and_then(|a| a.inter),
        country: a.and_then(|a| a.country.as_deref()),
    }
}

#[derive(Serialize)]
struct Location<'a> {
    extracted_place: &'a str,
    resolved_place: &'a str,
    name: &'a str,
    name_ar: &'a str,
    place_id: &'a str,
    lat: Option<f64>,
    lon: Option<f64>,
    geonameid: Option<u64>,
    pcode: Option<&'a str>,
    admin1: Option<String>,
    admin2: Option<String>,
    country: &'a str,
    country_code: Option<String>,
    resolution: u8,
    level: &'a str,
    geo_precision: u8,
}

#[derive(Serialize)]
struct Cite<'a> {
    doc: &'a str,
    event: &'a str,
    outlet: Option<&'a str>,
    /// PLOVER's name for the outlet.
    publication: Option<&'a str>,
    url: Option<&'a str>,
    published: Option<&'a str>,
}

#[derive(Serialize)]
struct Size {
    #[serde(skip_serializing_if = "Option::is_none")]
    dead: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    injured: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    arrested: Option<u64>,
}

#[derive(Serialize)]
struct Record<'a> {
    id: &'a str,
    date: Option<String>,
    enddate: Option<String>,
    time_precision: Option<u8>,
    actor: Option<&'a str>,
    actor_id: Option<&'a str>,
    actor_sector: Option<&'a str>,
    recipient: Option<&'a str>,
    recipient_id: Option<&'a str>,
    recipient_sector: Option<&'a str>,
    actors: Vec<Actor<'a>>,
    recipients: Vec<Actor<'a>>,
    event: PloverType,
    mode: Option<PloverMode>,
    context: Vec<&'static str>,
    quad_code: Quad,
    event_loc: Option<Location<'a>>,
    event_text: String,
    cite_info: Vec<Cite<'a>>,
    size: Size,
    acled_event_type: Option<&'a str>,
    acled_sub_event_type: Option<&'a str>,
    factuality: Factuality,
    independent_sources: usize,
    #[serde(serialize_with = "isnad_schema::ser_counts")]
    counts: &'a BTreeMap<String, f64>,
    contradictions: Vec<&'a str>,
}

/// PLOVER's auxiliary contexts for an isnad factuality.
pub(crate) fn context(factuality: Factuality) -> Vec<&'static str> {
    match factuality {
        Factuality::Probable | Factuality::Possible => vec!["hypothetical"],
        Factuality::Planned => vec!["future"],
        Factuality::Negated => vec!["negation"],
        Factuality::Asserted | Factuality::Unknown => Vec::new(),
    }
}

/// PLOVER's location resolution of an isnad place level.
fn resolution(level: &str) -> u8 {
    match level {
        "country" => 1,
        "admin1" => 2,
        "admin2" | "admin3" => 3,
        _ => 4,
    }
}

fn count(c: &ClusterRecord, key: &str) -> Option<u64> {
    c.counts.contains_key(key).then(|| util::whole_count(c, key))
}

fn nonempty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn record<'a>(c: &'a ClusterRecord, countries: &Countries) -> Record<'a> {
    let date = util::event_date(c);
    let first = |ps: &'a [Participant]| ps.first();
    let (a, r) = (first(&c.actors), first(&c.recipients));
    let event_loc = c.place.as_ref().map(|p| {
        let coords = util::coordinates(p.lat, p.lon);
        let (admin1, admin2, _) = crate::acled::admin_names(p);
        Location {
            extracted_place: &p.name_ar,
            resolved_place: &p.name,
            name: &p.name,
            name_ar: &p.name_ar,
            place_id: &p.id,
            lat: coords.map(|c| c.0),
            lon: coords.map(|c| c.1),
            geonameid: p.geonameid,
            pcode: nonempty(&p.pcode),
            admin1: Some(admin1).filter(|s| !s.is_empty()),
            admin2: Some(admin2).filter(|s| !s.is_empty()),
            country: &p.country,
            country_code: countries.by_iso2(&p.country).map(|k| k.iso3.clone()),
            resolution: resolution(p.level.as_str()),
            level: p.level.as_str(),
            geo_precision: util::precision(p.precision),
        }
    });
    let mut texts: Vec<String> = Vec::new();
    for m in &c.members {
        let t = util::one_line(&m.evidence);
        if !t.is_empty() && !texts.contains(&t) {
            texts.push(t);
        }
    }
    let mut contradictions: Vec<&str> = Vec::new();
    for k in &c.contradictions {
        if !contradictions.contains(&k.field.as_str()) {
            contradictions.push(&k.field);
        }
    }
    Record {
        id: &c.id,
        date: date.as_ref().map(|d| d.day.iso()),
        enddate: date.as_ref().and_then(|d| d.last).map(|l| l.iso()),
        time_precision: date.as_ref().map(|d| d.precision),
        actor: a.map(util::participant_name),
        actor_id: a.and_then(|p| p.actor.as_ref()).map(|x| x.id.as_str()),
        actor_sector: a.and_then(|p| p.actor.as_ref()).and_then(|x| x.sector.as_deref()),
        recipient: r.map(util::participant_name),
        recipient_id: r.and_then(|p| p.actor.as_ref()).map(|x| x.id.as_str()),
        recipient_sector: r.and_then(|p| p.actor.as_ref()).and_then(|x| x.sector.as_deref()),
        actors: c.actors.iter().map(actor).collect(),
        recipients: c.recipients.iter().map(actor).collect(),
        event: c.ty,
        mode: c.mode,
        context: context(c.factuality),
        quad_code: c.quad,
        event_loc,
        event_text: texts.join("\n"),
        cite_info: c
            .members
            .iter()
            .map(|m| Cite {
                doc: &m.doc,
                event: &m.event,
                outlet: nonempty(&m.outlet),
                publication: nonempty(&m.outlet),
                url: nonempty(&m.url),
                published: nonempty(&m.published),
            })
            .collect(),
        size: Size { dead: count(c, "killed"), injured: count(c, "injured"), arrested: count(c, "arrested") },
        acled_event_type: c.acled.as_ref().map(|t| t.event_type.as_str()),
        acled_sub_event_type: c.acled.as_ref().map(|t| t.sub_event_type.as_str()),
        factuality: c.factuality,
        independent_sources: c.independent_sources,
        counts: &c.counts,
        contradictions,
    }
}

/// Writes every cluster as one PLOVER-style JSON object per line. Returns
/// the number of lines written.
///
/// The objects have PLOVER's field names (`id`, `date`,
/// `enddate`, `actor`, `recipient`, `event`, `mode`, `context`,
/// `event_loc`, `event_text`, `quad_code`, `cite_info`, `size`) and isnad's
/// own (`actor_id`, `actor_sector`, `recipient_id`, `recipient_sector`,
/// the full `actors` and `recipients`, `factuality`, `independent_sources`,
/// `counts`, the ACLED type, `contradictions`).
///
/// `context` carries PLOVER's auxiliary contexts from isnad's factuality:
/// probable and possible give `hypothetical`, planned gives `future`,
/// negated gives `negation`; asserted and unknown give none. `factuality`
/// keeps isnad's value itself.
///
/// `date` is the first day (YYYY-MM-DD, chosen as for the ACLED export),
/// `enddate` the last day, inclusive, when the time spans several days (else
/// null). `actor`/`recipient` are the English names of the first actor and
/// recipient. `event_text` is the members' distinct evidence, one per line;
/// `cite_info` has one entry per member (`doc`, `event`, `outlet`, the same
/// outlet as PLOVER's `publication`, `url`, `published`); `size` gives
/// `dead`, `injured` and `arrested` from the counts that have them.
///
/// `event_loc` keeps the place: `extracted_place` (Arabic name),
/// `resolved_place` and `name` (English), `lat`, `lon`, `geonameid`,
/// `pcode`, `admin1`, `admin2`, `country` (ISO alpha-2), `country_code`
/// (alpha-3). `event_loc.resolution` is PLOVER's scale, 1 country, 2 first-level
/// admin unit, 3 second- or third-level admin unit, 4 city, town or
/// village; `event_loc.level` is isnad's place level and
/// `event_loc.geo_precision` ACLED's precision.
pub fn write_plover_jsonl<W: Write>(clusters: &[ClusterRecord], w: W) -> io::Result<usize> {
    let countries = Countries::embedded().map_err(invalid_data)?;
    let mut w = io::BufWriter::new(w);
    for c in clusters {
        serde_json::to_writer(&mut w, &record(c, countries))?;
        w.write_all(b"\n")?;
    }
    w.flush()?;
    Ok(clusters.len())
}
