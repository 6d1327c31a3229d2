//! Every export read back with a real parser: the csv crate, serde_json and roxmltree.

use std::collections::{BTreeMap, HashSet};

use isnad_export::{
    clusters_from_document, write_acled_csv, write_documents_jsonl, write_geojson, write_graphml, write_plover_jsonl,
    Format, ACLED_COLUMNS,
};
use isnad_schema::{
    AcledType, ActorRef, ClusterMember, ClusterRecord, Contradiction, ContradictionValue, Document, EventTime,
    Factuality, Grain, Origin, OriginKind, Participant, PlaceRef, PloverMode, PloverType, Quad, SourceKind, TimeBasis,
    TimePrecision,
};
use serde_json::Value;

const GRAPHML_NS: &str = "http://graphml.graphdrawing.org/xmlns";

fn seed() -> Document {
    serde_json::from_str(include_str!("fixtures/khabar-2023-11-23.json"))
        .expect("the seed fixture is an isnad/1 document")
}

fn actor(id: &str, name: &str, name_ar: &str, kind: &str, inter: u8, sector: &str, country: Option<&str>) -> ActorRef {
    ActorRef {
        id: id.into(),
        name: name.into(),
        name_ar: name_ar.into(),
        kind: kind.into(),
        inter: Some(inter),
        sector: Some(sector.into()),
        country: country.map(Into::into),
        wikidata: None,
    }
}

fn linked(a: ActorRef) -> Participant {
    Participant { entity: None, name: a.name.clone(), actor: Some(a), start: 0, end: 0 }
}

fn unlinked(name: &str) -> Participant {
    Participant { entity: None, actor: None, name: name.into(), start: 0, end: 0 }
}

fn houthis() -> ActorRef {
    actor("ye.houthis", "Houthis (Ansar Allah)", "جماعة الحوثي", "rebel", 2, "REB", Some("YEM"))
}

fn civilians() -> ActorRef {
    actor("generic.civilians", "Civilians (unspecified)", "مدنيون", "generic", 7, "CVL", None)
}

fn sanaa() -> PlaceRef {
    PlaceRef {
        id: "geonames:71137".into(),
        name: "Sanaa".into(),
        name_ar: "صنعاء".into(),
        lat: 15.35452,
        lon: 44.20646,
        level: isnad_schema::PlaceLevel::City,
        country: "YE".into(),
        admin1: Some("YE13".into()),
        admin2: Some("YE1307".into()),
        geonameid: Some(71137),
        precision: 1,
        pcode: None,
        admin1_name: Some("Sana'a City".into()),
        admin2_name: Some("At Tahrir".into()),
        candidates: Vec::new(),
    }
}

fn day(from: &str, to: &str, precision: u8) -> EventTime {
    EventTime {
        from: Some(from.into()),
        to: Some(to.into()),
        grain: Grain::Day,
        precision: Some(TimePrecision::try_from(precision).unwrap()),
        basis: TimeBasis::Sentence,
        span: None,
    }
}

fn member(doc: &str, outlet: Option<&str>, published: &str, evidence: &str, origin: &str) -> ClusterMember {
    ClusterMember {
        doc: doc.into(),
        event: "ev1".into(),
        outlet: outlet.map(Into::into),
        published: Some(published.into()),
        url: Some(format!("https://example.org/{doc}?a=1&b=2")),
        evidence: evidence.into(),
        origin: origin.into(),
    }
}

fn origin(key: &str, kind: &str, docs: &[&str]) -> Origin {
    Origin {
        key: key.into(),
        kind: kind.parse().unwrap(),
        label: key.into(),
        documents: docs.iter().map(|d| d.to_string()).collect(),
    }
}

fn cluster(id: &str, ty: &str, quad: u8, acled: Option<(&str, &str)>) -> ClusterRecord {
    ClusterRecord {
        id: id.into(),
        ty: ty.parse().unwrap(),
        mode: None,
        quad: Quad::try_from(quad).unwrap(),
        acled: acled.map(|(t, s)| AcledType { event_type: t.parse().unwrap(), sub_event_type: s.parse().unwrap() }),
        actors: Vec::new(),
        recipients: Vec::new(),
        place: None,
        time: None,
        counts: BTreeMap::new(),
        factuality: Factuality::Asserted,
        members: Vec::new(),
        origins: Vec::new(),
        independent_sources: 0,
        contradictions: Vec::new(),
    }
}

/// A drone strike on civilians in Sanaa told by two outlets from two origins, with
/// names full of CSV and XML specials.
fn strike() -> ClusterRecord {
    let mut c = cluster("c0123456789abcdef", "ASSAULT", 4, Some(("Explosions/Remote violence", "Air/drone strike")));
    c.mode = Some(PloverMode::Drone);
    c.actors = vec![linked(houthis()), unlinked("Tribe \"Al-<Ahmar>\" & sons, armed")];
    c.recipients = vec![linked(civilians())];
    c.place = Some(sanaa());
    c.time = Some(day("2023-11-20", "2023-11-21", 1));
    c.counts.insert("killed".into(), 3.0);
    c.counts.insert("injured".into(), 5.0);
    c.factuality = Factuality::Possible;
    c.members = vec![
        member(
            "doc-a",
            Some("Outlet A"),
            "2023-11-21T08:30:00+03:00",
            "غارة بطائرة مسيّرة",
            "source:witness:شهود@outlet a",
        ),
        member(
            "doc-b",
            Some("Outlet \"B\", Aden"),
            "2023-11-22",
            "قصف   جوي\nعلى صنعاء",
            "source:anonymous:مصادر@outlet b",
        ),
    ];
    c.origins = vec![
        origin("source:witness:شهود@outlet a", "witness", &["doc-a"]),
        origin("source:anonymous:مصادر@outlet b", "anonymous", &["doc-b"]),
    ];
    c.independent_sources = 2;
    c.contradictions = vec![Contradiction {
        field: "counts.killed".into(),
        values: vec![
            ContradictionValue { value: "3".into(), documents: vec!["doc-a".into()] },
            ContradictionValue { value: "4".into(), documents: vec!["doc-b".into()] },
        ],
    }];
    c
}

/// A cluster with nothing but its type: no place, no time, no actors, no members.
fn bare() -> ClusterRecord {
    cluster("c-bare", "PROTEST", 4, Some(("Protests", "Excessive force against protesters")))
}

/// A cluster with broken values: NaN coordinates, nonsense dates, counts that are not finite.
fn broken() -> ClusterRecord {
    let mut c = cluster("c-broken", "ASSAULT", 4, Some(("Riots", "Violent demonstration")));
    let mut p = sanaa();
    p.lat = f64::NAN;
    p.lon = f64::INFINITY;
    p.country = "ZZ".into();
    p.precision = 9;
    c.place = Some(p);
    c.time = Some(EventTime {
        from: Some("yesterday".into()),
        to: None,
        grain: Grain::Day,
        precision: None,
        basis: TimeBasis::Clause,
        span: None,
    });
    c.counts.insert("killed".into(), f64::NAN);
    c.counts.insert("injured".into(), -2.0);
    c.actors = vec![unlinked(""), unlinked("   ")];
    c.members = vec![member("doc-x", None, "not a date", "", "outlet:x")];
    c
}

fn csv_rows(bytes: &[u8]) -> (Vec<String>, Vec<BTreeMap<String, String>>) {
    let mut r = csv::Reader::from_reader(bytes);
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows = r
        .records()
        .map(|rec| {
            let rec = rec.unwrap();
            assert_eq!(rec.len(), 31);
            header.iter().cloned().zip(rec.iter().map(str::to_string)).collect()
        })
        .collect();
    (header, rows)
}

fn is_iso_day(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

#[test]
fn format_names_round_trip() {
    for f in Format::ALL {
        assert_eq!(f.name().parse::<Format>().unwrap(), f);
        assert_eq!(f.to_string(), f.name());
    }
    assert_eq!("ACLED-CSV".parse::<Format>().unwrap(), Format::AcledCsv);
    assert_eq!("graphml".parse::<Format>().unwrap(), Format::GraphMl);
    assert_eq!("geojson".parse::<Format>().unwrap(), Format::GeoJson);
    assert_eq!("jsonl".parse::<Format>().unwrap(), Format::Jsonl);
    assert_eq!("plover-jsonl".parse::<Format>().unwrap(), Format::PloverJsonl);
    let e = "xlsx".parse::<Format>().unwrap_err();
    assert!(e.to_string().contains("xlsx") && e.to_string().contains("acled-csv"), "{e}");
    assert_eq!(Format::GeoJson.extension(), "geojson");
    // One dispatcher for the cluster formats; documents are not clusters.
    let mut out = Vec::new();
    assert_eq!(isnad_export::write_clusters(Format::GeoJson, &[], &mut out).unwrap(), 0);
    assert!(isnad_export::write_clusters(Format::Jsonl, &[], &mut Vec::new()).is_err());
}

#[test]
fn clusters_from_the_seed_document() {
    let doc = seed();
    let clusters = clusters_from_document(&doc);
    assert_eq!(clusters.len(), doc.events.len());
    assert_eq!(clusters, clusters_from_document(&doc), "stable");
    let ids: HashSet<&str> = clusters.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.len(), clusters.len(), "ids are unique");
    for (c, e) in clusters.iter().zip(&doc.events) {
        assert!(c.id.starts_with('c') && c.id.len() == 17 && c.id[1..].bytes().all(|b| b.is_ascii_hexdigit()));
        assert_eq!(
            (c.ty.as_str(), c.quad, &c.acled, &c.place, &c.time),
            (e.ty.as_str(), e.quad, &e.acled, &e.place, &e.time)
        );
        assert_eq!(c.members.len(), 1);
        assert_eq!(c.origins.len(), 1);
        assert_eq!(c.independent_sources, 1);
        let m = &c.members[0];
        assert_eq!((m.doc.as_str(), m.event.as_str()), ("khabar-2023-11-23", e.id.as_str()));
        assert_eq!(m.published.as_deref(), Some("2023-11-23"));
        assert!(!m.evidence.is_empty() && doc.text.contains(&m.evidence), "{}: {:?}", e.id, m.evidence);
        assert_eq!(m.origin, c.origins[0].key);
        assert_eq!(c.origins[0].documents, vec!["khabar-2023-11-23".to_string()]);
        let first = &e.attribution.sources[0];
        match first.kind {
            SourceKind::Outlet | SourceKind::SelfCitation => {
                assert_eq!(c.origins[0].key, "outlet:khabar-2023-11-23");
                assert_eq!(c.origins[0].kind, OriginKind::Outlet);
            }
            SourceKind::Anonymous => {
                assert!(c.origins[0].key.starts_with("source:anonymous:"), "{}", c.origins[0].key);
                assert!(c.origins[0].key.ends_with("@khabar-2023-11-23"));
                assert_eq!(c.origins[0].kind, OriginKind::Anonymous);
            }
            k => panic!("unexpected source kind {k} in the seed"),
        }
    }
    let ev9 = clusters.iter().find(|c| c.members[0].event == "ev9").unwrap();
    assert_eq!(ev9.origins[0].key, "source:anonymous:مصادر خاصة@khabar-2023-11-23");
}

#[test]
fn acled_csv_from_the_seed() {
    let doc = seed();
    let clusters = clusters_from_document(&doc);
    let mut out = Vec::new();
    let n = write_acled_csv(&clusters, &mut out).unwrap();
    let expected = doc.events.iter().filter(|e| e.acled.is_some()).count();
    assert_eq!(n, expected);
    assert!(n > 0);
    let (header, rows) = csv_rows(&out);
    assert_eq!(header, ACLED_COLUMNS.to_vec());
    assert_eq!(
        header.join(","),
        "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,\
         inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,\
         location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp"
    );
    assert_eq!(rows.len(), n);
    let mut ids = HashSet::new();
    for r in &rows {
        let id = &r["event_id_cnty"];
        assert!(id.starts_with("YEM") && id.len() > 3 && id[3..].bytes().all(|b| b.is_ascii_digit()), "{id}");
        assert!(ids.insert(id.clone()), "duplicate id {id}");
        assert!(is_iso_day(&r["event_date"]), "{}", r["event_date"]);
        assert_eq!(r["year"], r["event_date"][..4]);
        assert!(["1", "2", "3"].contains(&r["time_precision"].as_str()));
        assert_eq!((r["iso"].as_str(), r["region"].as_str(), r["country"].as_str()), ("887", "Middle East", "Yemen"));
        for col in ["latitude", "longitude"] {
            let v: f64 = r[col].parse().unwrap_or_else(|_| panic!("{col} {:?}", r[col]));
            assert!(v.is_finite());
            assert_eq!(r[col].split('.').nth(1).map(str::len), Some(4), "{col} has 4 decimals");
        }
        let lat: f64 = r["latitude"].parse().unwrap();
        let lon: f64 = r["longitude"].parse().unwrap();
        assert!((12.0..19.0).contains(&lat) && (42.0..54.0).contains(&lon), "Yemen is at {lat},{lon}");
        r["fatalities"].parse::<u64>().unwrap();
        r["timestamp"].parse::<i64>().unwrap();
        assert!(r["notes"].contains("independent sources: 1"), "{}", r["notes"]);
        assert!(r["notes"].chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)), "Arabic evidence: {}", r["notes"]);
        assert_eq!(r["source_scale"], "National");
        assert!(["1", "2", "3"].contains(&r["geo_precision"].as_str()));
    }
    // The timestamp is the publication date (2023-11-23) at midnight UTC.
    assert!(rows.iter().all(|r| r["timestamp"] == "1700697600"));
    // ev4: AQAP's IED against the Houthis, 7–14 November.
    let ied = rows.iter().find(|r| r["sub_event_type"] == "Remote explosive/landmine/IED").unwrap();
    assert_eq!(ied["event_date"], "2023-11-07");
    assert_eq!(ied["disorder_type"], "Political violence");
    assert_eq!(ied["actor1"], "AQAP: Al Qaeda in the Arabian Peninsula");
    assert_eq!(ied["actor2"], "Houthis (Ansar Allah)");
    assert_eq!((ied["inter1"].as_str(), ied["inter2"].as_str(), ied["interaction"].as_str()), ("2", "2", "22"));
    assert_eq!(ied["civilian_targeting"], "");
    assert_eq!(ied["tags"], "sources: anonymous");
    // Agreements are strategic developments; Sanaa rows carry their admin names.
    let agreement = rows.iter().find(|r| r["sub_event_type"] == "Agreement").unwrap();
    assert_eq!(agreement["disorder_type"], "Strategic developments");
    assert!(rows
        .iter()
        .any(|r| r["location"] == "Sanaa" && r["admin1"] == "Sana'a City" && r["admin2"] == "At Tahrir"));
    assert!(rows.iter().any(|r| r["location"] == "Az Zahir" && r["admin1"] == "Al Bayda" && r["admin2"] == "Az Zahir"));
    // A factuality other than asserted is tagged.
    assert!(rows.iter().any(|r| r["tags"].split("; ").any(|t| t == "possible" || t == "probable")));
    // The abduction (Violence against civilians) targets civilians by definition.
    let abduction = rows.iter().find(|r| r["sub_event_type"] == "Abduction/forced disappearance").unwrap();
    assert_eq!(abduction["civilian_targeting"], "Civilian targeting");
    assert_eq!(abduction["interaction"], "20");
}

#[test]
fn acled_csv_from_hand_made_clusters() {
    let mut protest = bare();
    protest.recipients = vec![linked(actor("generic.protesters", "Protesters", "متظاهرون", "generic", 6, "CVL", None))];
    protest.actors = vec![linked(actor("generic.police", "Police", "الشرطة", "generic", 1, "COP", None))];
    let mut riot = broken();
    riot.id = "c-riot".into();
    let meeting = cluster("c-meeting", "CONSULT", 1, None);
    let clusters = vec![strike(), protest, meeting, riot];
    let mut out = Vec::new();
    assert_eq!(write_acled_csv(&clusters, &mut out).unwrap(), 3, "the meeting is not an ACLED event");
    let (header, rows) = csv_rows(&out);
    assert_eq!(header, ACLED_COLUMNS.to_vec());
    assert_eq!(rows.len(), 3);

    let s = &rows[0];
    assert!(s["event_id_cnty"].starts_with("YEM"));
    assert_eq!(
        (s["event_date"].as_str(), s["year"].as_str(), s["time_precision"].as_str()),
        ("2023-11-20", "2023", "1")
    );
    assert_eq!(s["disorder_type"], "Political violence");
    assert_eq!(s["actor1"], "Houthis (Ansar Allah)");
    assert_eq!(s["assoc_actor_1"], "Tribe \"Al-<Ahmar>\" & sons, armed");
    assert_eq!(
        (s["actor2"].as_str(), s["inter1"].as_str(), s["inter2"].as_str()),
        ("Civilians (unspecified)", "2", "7")
    );
    assert_eq!(s["interaction"], "27");
    assert_eq!(s["civilian_targeting"], "Civilian targeting");
    assert_eq!((s["latitude"].as_str(), s["longitude"].as_str()), ("15.3545", "44.2065"));
    assert_eq!((s["location"].as_str(), s["admin3"].as_str(), s["geo_precision"].as_str()), ("Sanaa", "", "1"));
    assert_eq!(s["source"], "Outlet A; Outlet \"B\", Aden");
    assert_eq!(s["source_scale"], "Local-National");
    assert_eq!(s["fatalities"], "3");
    assert_eq!(s["tags"], "possible; contradiction: counts.killed");
    // The latest publication: 2023-11-22 00:00 UTC (the other is 2023-11-21 05:30 UTC).
    assert_eq!(s["timestamp"], "1700611200");
    let notes = &s["notes"];
    for part in [
        "2023-11-20",
        "Air/drone strike",
        "ASSAULT, drone",
        "Houthis",
        "Civilians",
        "Sanaa, Yemen",
        "killed 3",
        "injured 5",
    ] {
        assert!(notes.contains(part), "{part} not in {notes}");
    }
    assert!(notes.contains("«غارة بطائرة مسيّرة»") && notes.contains("independent sources: 2"), "{notes}");

    let p = &rows[1];
    assert_eq!(p["disorder_type"], "Political violence; Demonstrations");
    assert_eq!((p["event_date"].as_str(), p["year"].as_str(), p["timestamp"].as_str()), ("", "", ""));
    assert_eq!(p["event_id_cnty"][..3], *"XXX", "no country");
    assert_eq!((p["iso"].as_str(), p["country"].as_str(), p["latitude"].as_str()), ("", "", ""));
    assert_eq!(p["interaction"], "16");
    assert_eq!((p["source_scale"].as_str(), p["fatalities"].as_str()), ("Other", "0"));

    let r = &rows[2];
    assert_eq!(r["disorder_type"], "Demonstrations");
    assert_eq!((r["latitude"].as_str(), r["longitude"].as_str(), r["geo_precision"].as_str()), ("", "", "3"));
    assert_eq!((r["fatalities"].as_str(), r["event_date"].as_str()), ("0", ""));
    assert!(r["event_id_cnty"].starts_with("XXX"), "ZZ is not in the country table");
    assert_eq!(r["actor1"], "");
}

#[test]
fn event_ids_follow_the_country_and_stay_stable() {
    let mut a = strike();
    a.place = None;
    let mut out = Vec::new();
    write_acled_csv(&[a.clone()], &mut out).unwrap();
    let (_, rows) = csv_rows(&out);
    // No place: the country of the first actor that has one (the Houthis, YEM).
    assert!(rows[0]["event_id_cnty"].starts_with("YEM"));
    assert_eq!(rows[0]["country"], "Yemen");
    let mut again = Vec::new();
    write_acled_csv(&[a], &mut again).unwrap();
    assert_eq!(out, again, "byte-identical");
    let mut b = strike();
    b.id = "c-other".into();
    let mut other = Vec::new();
    write_acled_csv(&[b], &mut other).unwrap();
    assert_ne!(csv_rows(&other).1[0]["event_id_cnty"], rows[0]["event_id_cnty"]);
}

#[test]
fn plover_jsonl_from_the_seed() {
    let doc = seed();
    let clusters = clusters_from_document(&doc);
    let mut out = Vec::new();
    assert_eq!(write_plover_jsonl(&clusters, &mut out).unwrap(), clusters.len());
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), clusters.len());
    for (v, c) in lines.iter().zip(&clusters) {
        for field in [
            "id",
            "date",
            "enddate",
            "actor",
            "actor_id",
            "actor_sector",
            "recipient",
            "recipient_id",
            "recipient_sector",
            "event",
            "mode",
            "context",
            "event_loc",
            "event_text",
            "quad_code",
            "cite_info",
            "size",
            "factuality",
            "independent_sources",
            "counts",
        ] {
            assert!(v.get(field).is_some(), "{field} missing in {v}");
        }
        assert_eq!(v["id"], c.id.as_str());
        assert_eq!(v["event"], c.ty.as_str());
        assert_eq!(v["quad_code"], c.quad.number());
        assert!(is_iso_day(v["date"].as_str().unwrap()));
        assert!(v["context"].is_array());
        assert_eq!(v["cite_info"][0]["doc"], "khabar-2023-11-23");
        assert_eq!(v["cite_info"][0]["published"], "2023-11-23");
        assert_eq!(v["independent_sources"], 1);
        let loc = &v["event_loc"];
        assert_eq!(loc["country"], "YE");
        assert_eq!(loc["country_code"], "YEM");
        assert!(loc["lat"].as_f64().is_some() && loc["lon"].as_f64().is_some());
        assert!((1..=4).contains(&loc["resolution"].as_u64().unwrap()));
        assert!(!v["event_text"].as_str().unwrap().is_empty());
        match c.factuality.as_str() {
            "possible" | "probable" => assert_eq!(v["context"], serde_json::json!(["hypothetical"])),
            "planned" => assert_eq!(v["context"], serde_json::json!(["future"])),
            _ => assert_eq!(v["context"], serde_json::json!([])),
        }
    }
    let ied = lines.iter().find(|v| v["acled_sub_event_type"] == "Remote explosive/landmine/IED").unwrap();
    assert_eq!((ied["date"].as_str(), ied["enddate"].as_str()), (Some("2023-11-07"), Some("2023-11-14")));
    assert_eq!((ied["actor_id"].as_str(), ied["actor_sector"].as_str()), (Some("ye.aqap"), Some("INS")));
    assert_eq!((ied["recipient_id"].as_str(), ied["recipient_sector"].as_str()), (Some("ye.houthis"), Some("REB")));
    assert_eq!(ied["mode"], "explosives");
    let sanaa = lines.iter().find(|v| v["event_loc"]["name"] == "Sanaa").unwrap();
    assert_eq!(sanaa["event_loc"]["extracted_place"], "صنعاء");
    assert_eq!(sanaa["event_loc"]["resolution"], 4);
    assert_eq!(sanaa["event_loc"]["geonameid"], 71137);
    let released = lines.iter().find(|v| v["counts"]["released"] == 32).unwrap();
    assert_eq!(released["counts"]["batch"], 4, "integral counts are integers");
    assert_eq!(released["enddate"], "2023-10-31");
}

#[test]
fn plover_jsonl_from_hand_made_clusters() {
    let mut planned = cluster("c-planned", "MOBILIZE", 4, None);
    planned.factuality = Factuality::Planned;
    let mut negated = cluster("c-negated", "ASSAULT", 4, None);
    negated.factuality = Factuality::Negated;
    let clusters = vec![strike(), planned, negated, bare(), broken()];
    let mut out = Vec::new();
    assert_eq!(write_plover_jsonl(&clusters, &mut out).unwrap(), 5);
    let lines: Vec<Value> =
        std::str::from_utf8(&out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 5);
    let s = &lines[0];
    assert_eq!(s["context"], serde_json::json!(["hypothetical"]));
    assert_eq!(s["factuality"], "possible");
    assert_eq!(s["enddate"], Value::Null, "a one-day time has no end date");
    assert_eq!(s["actor"], "Houthis (Ansar Allah)");
    assert_eq!(s["actors"][1]["name"], "Tribe \"Al-<Ahmar>\" & sons, armed");
    assert_eq!(s["actors"][1]["id"], Value::Null);
    assert_eq!(s["recipient_sector"], "CVL");
    assert_eq!(s["size"], serde_json::json!({"dead": 3, "injured": 5}));
    assert_eq!(s["independent_sources"], 2);
    assert_eq!(s["event_text"], "غارة بطائرة مسيّرة\nقصف جوي على صنعاء");
    assert_eq!(s["cite_info"].as_array().unwrap().len(), 2);
    assert_eq!(s["cite_info"][1]["publication"], "Outlet \"B\", Aden");
    assert_eq!(s["cite_info"][1]["url"], "https://example.org/doc-b?a=1&b=2");
    assert_eq!(s["contradictions"], serde_json::json!(["counts.killed"]));
    assert_eq!(lines[1]["context"], serde_json::json!(["future"]));
    assert_eq!(lines[2]["context"], serde_json::json!(["negation"]));
    let b = &lines[3];
    assert_eq!((&b["date"], &b["actor"], &b["event_loc"]), (&Value::Null, &Value::Null, &Value::Null));
    let x = &lines[4];
    assert_eq!(x["event_loc"]["lat"], Value::Null, "NaN is no coordinate");
    assert_eq!(x["event_loc"]["geo_precision"], 3);
    assert_eq!(x["date"], Value::Null);
}

#[test]
fn geojson_points_are_lon_lat() {
    let doc = seed();
    let mut clusters = clusters_from_document(&doc);
    let placed = clusters.len();
    clusters.push(bare());
    clusters.push(broken());
    clusters.push(strike());
    let mut out = Vec::new();
    let n = write_geojson(&clusters, &mut out).unwrap();
    assert_eq!(n, placed + 1);
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    let features = v["features"].as_array().unwrap();
    assert_eq!(features.len(), n);
    assert_eq!(v["isnad"]["skipped_without_coordinates"], 2);
    assert_eq!(v["isnad"]["clusters"], clusters.len());
    for f in features {
        assert_eq!(f["type"], "Feature");
        assert_eq!(f["geometry"]["type"], "Point");
        let xy = f["geometry"]["coordinates"].as_array().unwrap();
        assert_eq!(xy.len(), 2);
        let (lon, lat) = (xy[0].as_f64().unwrap(), xy[1].as_f64().unwrap());
        assert!((42.0..54.0).contains(&lon) && (12.0..19.0).contains(&lat), "[lon, lat] = [{lon}, {lat}]");
        let p = &f["properties"];
        for key in [
            "id",
            "type",
            "mode",
            "acled_event_type",
            "sub_event_type",
            "date",
            "enddate",
            "precision",
            "geo_precision",
            "actors",
            "recipients",
            "place_name",
            "place_name_ar",
            "pcode",
            "admin1",
            "admin2",
            "fatalities",
            "factuality",
            "independent_sources",
        ] {
            assert!(p.get(key).is_some(), "{key} missing");
        }
        assert_eq!(f["id"], p["id"]);
    }
    let s = features.iter().find(|f| f["id"] == "c0123456789abcdef").unwrap();
    assert_eq!(s["geometry"]["coordinates"], serde_json::json!([44.20646, 15.35452]));
    assert_eq!(s["properties"]["place_name_ar"], "صنعاء");
    assert_eq!(s["properties"]["fatalities"], 3);
    assert_eq!(s["properties"]["actors"][1], "Tribe \"Al-<Ahmar>\" & sons, armed");
    let bayda = features.iter().find(|f| f["properties"]["pcode"] == "YE14").unwrap();
    assert_eq!(bayda["properties"]["place_name"], "Al Bayda");
    assert_eq!(bayda["geometry"]["coordinates"], serde_json::json!([45.3366, 14.32024]));

    let mut empty = Vec::new();
    assert_eq!(write_geojson(&[], &mut empty).unwrap(), 0);
    let v: Value = serde_json::from_slice(&empty).unwrap();
    assert_eq!(v["features"], serde_json::json!([]));
}

fn graphml_data<'a>(node: roxmltree::Node<'a, 'a>, keys: &BTreeMap<String, String>, name: &str) -> Option<&'a str> {
    node.children()
        .filter(|c| c.has_tag_name((GRAPHML_NS, "data")))
        .find(|c| c.attribute("key").and_then(|k| keys.get(k)).map(String::as_str) == Some(name))
        .map(|c| c.text().unwrap_or(""))
}

/// Checks the document's structure and returns the key names by id.
fn check_graphml(doc: &roxmltree::Document) -> BTreeMap<String, String> {
    let root = doc.root_element();
    assert!(root.has_tag_name((GRAPHML_NS, "graphml")));
    let mut keys = BTreeMap::new();
    let mut key_for = BTreeMap::new();
    for k in root.children().filter(|c| c.has_tag_name((GRAPHML_NS, "key"))) {
        let id = k.attribute("id").unwrap().to_string();
        keys.insert(id.clone(), k.attribute("attr.name").unwrap().to_string());
        key_for.insert(id, k.attribute("for").unwrap().to_string());
        assert!(["string", "int", "double"].contains(&k.attribute("attr.type").unwrap()));
    }
    let names: HashSet<&str> = keys.values().map(String::as_str).collect();
    for n in
        ["label", "name_ar", "kind", "inter", "sector", "country", "wikidata", "type", "mode", "quad", "date", "weight"]
    {
        assert!(names.contains(n), "key {n} not declared");
    }
    assert!(names.contains("clusters") && names.contains("factuality"));
    let graph = root.children().find(|c| c.has_tag_name((GRAPHML_NS, "graph"))).unwrap();
    assert_eq!(graph.attribute("edgedefault"), Some("directed"));
    let node_ids: HashSet<&str> =
        graph.children().filter(|c| c.has_tag_name((GRAPHML_NS, "node"))).map(|n| n.attribute("id").unwrap()).collect();
    for el in graph.children().filter(|c| c.is_element()) {
        let what = el.tag_name().name();
        assert!(what == "node" || what == "edge", "{what}");
        if what == "edge" {
            assert!(node_ids.contains(el.attribute("source").unwrap()));
            assert!(node_ids.contains(el.attribute("target").unwrap()));
        }
        for d in el.children().filter(|c| c.has_tag_name((GRAPHML_NS, "data"))) {
            let key = d.attribute("key").unwrap();
            assert_eq!(key_for.get(key).map(String::as_str), Some(what), "data key {key} declared for {what}");
        }
    }
    keys
}

#[test]
fn graphml_network_of_the_seed() {
    let doc = seed();
    let clusters = clusters_from_document(&doc);
    let mut out = Vec::new();
    let n = write_graphml(&clusters, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let xml = roxmltree::Document::parse(&text).unwrap();
    let keys = check_graphml(&xml);
    let nodes: Vec<_> = xml.descendants().filter(|e| e.has_tag_name((GRAPHML_NS, "node"))).collect();
    let edges: Vec<_> = xml.descendants().filter(|e| e.has_tag_name((GRAPHML_NS, "edge"))).collect();
    assert_eq!(edges.len(), n);
    let mut actors = HashSet::new();
    for e in &doc.events {
        for p in e.actors.iter().chain(&e.recipients) {
            actors.insert(p.actor.as_ref().unwrap().id.clone());
        }
    }
    assert_eq!(nodes.len(), actors.len());
    let houthis = nodes.iter().find(|n| n.attribute("id") == Some("ye.houthis")).unwrap();
    assert_eq!(graphml_data(*houthis, &keys, "label"), Some("Houthis (Ansar Allah)"));
    assert_eq!(graphml_data(*houthis, &keys, "name_ar"), Some("جماعة الحوثي"));
    assert_eq!(graphml_data(*houthis, &keys, "inter"), Some("2"));
    assert_eq!(graphml_data(*houthis, &keys, "sector"), Some("REB"));
    assert_eq!(graphml_data(*houthis, &keys, "country"), Some("YEM"));
    assert_eq!(graphml_data(*houthis, &keys, "kind"), Some("rebel"));

    let between = |s: &str, t: &str, ty: &str| {
        edges.iter().find(|e| {
            e.attribute("source") == Some(s)
                && e.attribute("target") == Some(t)
                && graphml_data(**e, &keys, "type") == Some(ty)
        })
    };
    let agree = between("ye.houthis", "ye.aqap", "AGREE").expect("Houthis → AQAP (AGREE)");
    let agreements: Vec<&ClusterRecord> = clusters
        .iter()
        .filter(|c| {
            c.ty == PloverType::Agree
                && c.actors.iter().any(|p| p.actor.as_ref().unwrap().id == "ye.houthis")
                && c.recipients.iter().any(|p| p.actor.as_ref().unwrap().id == "ye.aqap")
        })
        .collect();
    let expected = agreements.len();
    let earliest = agreements.iter().filter_map(|c| c.time.as_ref()?.from.clone()).min().unwrap();
    assert!(expected >= 2);
    let weight: f64 = graphml_data(*agree, &keys, "weight").unwrap().parse().unwrap();
    assert_eq!(weight, expected as f64);
    assert_eq!(graphml_data(*agree, &keys, "clusters").unwrap().split(' ').count(), expected);
    assert_eq!(graphml_data(*agree, &keys, "quad"), Some("1"));
    assert_eq!(graphml_data(*agree, &keys, "factuality"), Some("asserted"));
    assert_eq!(graphml_data(*agree, &keys, "date"), Some(&earliest[..10]), "the earliest date");
    let consult = between("ye.houthis", "ye.aqap", "CONSULT").expect("Houthis → AQAP (CONSULT)");
    assert_eq!(graphml_data(*consult, &keys, "date"), Some("2023-02-01"), "the earliest date");
    assert!(between("ye.aqap", "ye.houthis", "ASSAULT").is_some());
    for e in &edges {
        let w: f64 = graphml_data(*e, &keys, "weight").unwrap().parse().unwrap();
        assert!(w >= 1.0);
    }
}

#[test]
fn graphml_keeps_arabic_and_xml_specials() {
    let mut c = strike();
    let mut odd = actor("x.odd", "A&B <\"Co\"> 'Ltd'", "قوات \"العمالقة\" & <الجنوب>", "militia", 3, "UNK", None);
    odd.wikidata = Some("Q1&2".into());
    c.recipients.push(linked(odd));
    c.recipients.push(unlinked("  مسلحون   <مجهولون>  "));
    let mut c2 = strike();
    c2.id = "c-second".into();
    c2.time = Some(day("2023-10-01", "2023-10-02", 1));
    c2.mode = Some(PloverMode::Aerial);
    c2.factuality = Factuality::Asserted;
    let clusters = vec![c, c2, bare(), broken()];
    let mut out = Vec::new();
    let n = write_graphml(&clusters, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let xml = roxmltree::Document::parse(&text).unwrap();
    let keys = check_graphml(&xml);
    let nodes: Vec<_> = xml.descendants().filter(|e| e.has_tag_name((GRAPHML_NS, "node"))).collect();
    let edges: Vec<_> = xml.descendants().filter(|e| e.has_tag_name((GRAPHML_NS, "edge"))).collect();
    // Actors: Houthis and the tribe; recipients: civilians, the odd militia and the unnamed gunmen.
    assert_eq!(nodes.len(), 5);
    assert_eq!(n, 2 * 3);
    assert_eq!(edges.len(), n);
    let odd = nodes.iter().find(|n| n.attribute("id") == Some("x.odd")).unwrap();
    assert_eq!(graphml_data(*odd, &keys, "label"), Some("A&B <\"Co\"> 'Ltd'"));
    assert_eq!(graphml_data(*odd, &keys, "name_ar"), Some("قوات \"العمالقة\" & <الجنوب>"));
    assert_eq!(graphml_data(*odd, &keys, "wikidata"), Some("Q1&2"));
    let tribe = nodes.iter().find(|n| n.attribute("id") == Some("name:tribe \"al-<ahmar>\" & sons, armed")).unwrap();
    assert_eq!(graphml_data(*tribe, &keys, "label"), Some("Tribe \"Al-<Ahmar>\" & sons, armed"));
    assert_eq!(graphml_data(*tribe, &keys, "inter"), None);
    let gunmen = nodes.iter().find(|n| n.attribute("id") == Some("name:مسلحون <مجهولون>")).unwrap();
    assert_eq!(graphml_data(*gunmen, &keys, "label"), Some("مسلحون   <مجهولون>"));
    let strike_edge = edges
        .iter()
        .find(|e| e.attribute("source") == Some("ye.houthis") && e.attribute("target") == Some("generic.civilians"))
        .unwrap();
    assert_eq!(graphml_data(*strike_edge, &keys, "weight").map(|w| w.parse::<f64>().unwrap()), Some(2.0));
    assert_eq!(graphml_data(*strike_edge, &keys, "date"), Some("2023-10-01"));
    assert_eq!(graphml_data(*strike_edge, &keys, "mode"), Some("drone; aerial"));
    assert_eq!(graphml_data(*strike_edge, &keys, "factuality"), Some("asserted"), "the strongest");
    assert_eq!(graphml_data(*strike_edge, &keys, "clusters"), Some("c0123456789abcdef c-second"));
    assert_eq!(graphml_data(*strike_edge, &keys, "independent_sources"), Some("2"));
    let houthis = nodes.iter().find(|n| n.attribute("id") == Some("ye.houthis")).unwrap();
    assert_eq!(graphml_data(*houthis, &keys, "clusters"), Some("2"));

    let mut empty = Vec::new();
    assert_eq!(write_graphml(&[], &mut empty).unwrap(), 0);
    check_graphml(&roxmltree::Document::parse(std::str::from_utf8(&empty).unwrap()).unwrap());
}

#[test]
fn documents_jsonl_round_trip() {
    let doc = seed();
    let mut other = doc.clone();
    other.document.id = "copy \"1\"\n".into();
    other.document.source = Some("وكالة خبر & <co>".into());
    other.events.clear();
    let mut out = Vec::new();
    assert_eq!(write_documents_jsonl([&doc, &other], &mut out).unwrap(), 2);
    let text = String::from_utf8(out).unwrap();
    assert!(text.ends_with('\n'));
    let back: Vec<Document> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(back, vec![doc.clone(), other]);
    assert_eq!(back[0].schema, "isnad/1");
    let mut none = Vec::new();
    assert_eq!(write_documents_jsonl(std::iter::empty(), &mut none).unwrap(), 0);
    assert!(none.is_empty());
}

#[test]
fn odd_clusters_never_panic() {
    let mut weird = broken();
    weird.members.clear();
    weird.origins.clear();
    weird.place = None;
    weird.time = Some(EventTime {
        from: None,
        to: Some("2024-03-01".into()),
        grain: Grain::Day,
        precision: None,
        basis: TimeBasis::Sentence,
        span: None,
    });
    let mut far = strike();
    far.place.as_mut().unwrap().lat = 91.0;
    far.place.as_mut().unwrap().precision = 0;
    far.time.as_mut().unwrap().precision = None;
    // An empty id (an empty type, quad or ACLED type can no longer be written: they are schema values).
    let clusters = vec![bare(), broken(), weird, far, cluster("", "ASSAULT", 4, Some(("Battles", "Armed clash")))];
    let mut csv_out = Vec::new();
    assert_eq!(write_acled_csv(&clusters, &mut csv_out).unwrap(), 5);
    let (_, rows) = csv_rows(&csv_out);
    assert_eq!(rows[2]["event_date"], "2024-02-29", "the day before `to`");
    assert_eq!(rows[2]["time_precision"], "3");
    assert_eq!(rows[3]["latitude"], "", "out of range");
    assert_eq!(
        (rows[3]["geo_precision"].as_str(), rows[3]["time_precision"].as_str()),
        ("3", "3"),
        "0 and none are no precision"
    );
    let mut p = Vec::new();
    assert_eq!(write_plover_jsonl(&clusters, &mut p).unwrap(), 5);
    for l in std::str::from_utf8(&p).unwrap().lines() {
        serde_json::from_str::<Value>(l).unwrap();
    }
    let mut g = Vec::new();
    assert_eq!(write_geojson(&clusters, &mut g).unwrap(), 0);
    serde_json::from_slice::<Value>(&g).unwrap();
    let mut x = Vec::new();
    write_graphml(&clusters, &mut x).unwrap();
    roxmltree::Document::parse(std::str::from_utf8(&x).unwrap()).unwrap();
}

/// Reads the seed network with networkx, when python3 has it (it is no dependency of isnad;
/// roxmltree checks the file everywhere).
#[test]
fn networkx_reads_the_graphml() {
    let has_networkx = std::process::Command::new("python3")
        .args(["-c", "import networkx"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_networkx {
        eprintln!("skipped: python3 with networkx not found");
        return;
    }
    let clusters = clusters_from_document(&seed());
    let path = std::env::temp_dir().join(format!("isnad-export-{}.graphml", std::process::id()));
    let n = write_graphml(&clusters, std::fs::File::create(&path).unwrap()).unwrap();
    let script = "import sys, networkx as nx\n\
                  g = nx.read_graphml(sys.argv[1])\n\
                  assert g.is_directed()\n\
                  assert g.has_edge('ye.houthis', 'ye.aqap')\n\
                  assert g.nodes['ye.houthis']['name_ar'] == 'جماعة الحوثي'\n\
                  assert g.nodes['ye.houthis']['inter'] == 2\n\
                  print(g.number_of_nodes(), g.number_of_edges())\n";
    let out = std::process::Command::new("python3").arg("-c").arg(script).arg(&path).output();
    let _ = std::fs::remove_file(&path);
    let out = out.expect("python3 runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let printed = String::from_utf8(out.stdout).unwrap();
    let counts: Vec<usize> = printed.split_whitespace().map(|s| s.parse().unwrap()).collect();
    assert_eq!(counts[1], n);
}

#[test]
fn acled_csv_cells_never_read_as_formulas() {
    // Outlet names and participant names come from the documents.
    let mut c = strike();
    c.members = vec![member("doc-f", Some("=HYPERLINK(\"http://x\")"), "2023-11-20", "هجوم", "outlet:f")];
    c.actors = vec![unlinked("@evil"), unlinked("+1")];
    let mut out = Vec::new();
    isnad_export::write_acled_csv(&[c], &mut out).unwrap();
    let (_, rows) = csv_rows(&out);
    assert_eq!(rows[0]["source"], "'=HYPERLINK(\"http://x\")");
    assert_eq!(rows[0]["actor1"], "'@evil");
    assert_eq!(rows[0]["assoc_actor_1"], "'+1");
    // Numbers stay numbers.
    assert!(rows[0]["latitude"].parse::<f64>().is_ok());
}
