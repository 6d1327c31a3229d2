//! The closed vocabularies write exactly the strings the records carry, read
//! them back, refuse others, and cover every value the data files use.

use std::str::FromStr;

use isnad_schema::*;
use serde_json::{json, Value};

/// Every value of `T`, in order, is `expected` in JSON, parses back from it
/// (as text and as JSON) and displays as it; an unknown value is refused with
/// an error naming it.
fn round_trips<T>(expected: &[Value])
where
    T: Vocab + FromStr<Err = UnknownValue> + serde::de::DeserializeOwned,
{
    let got: Vec<Value> = T::all().iter().map(|v| serde_json::to_value(v).unwrap()).collect();
    assert_eq!(got, expected, "{}", T::NAME);
    for (v, j) in T::all().iter().zip(expected) {
        let text = match j {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        assert_eq!(v.to_string(), text);
        assert_eq!(text.parse::<T>().unwrap(), *v);
        assert_eq!(serde_json::from_value::<T>(j.clone()).unwrap(), *v);
        assert!(!v.label().is_empty());
    }
    let err = "no_such_value".parse::<T>().unwrap_err();
    assert_eq!(err.vocabulary, T::NAME);
    assert!(err.to_string().contains("\"no_such_value\""), "{err}");
    assert!(serde_json::from_value::<T>(json!("no_such_value")).is_err());
    assert!(serde_json::from_value::<T>(json!(99)).is_err());
    assert!("".parse::<T>().is_err());
}

fn strings(values: &[&str]) -> Vec<Value> {
    values.iter().map(|s| json!(s)).collect()
}

fn numbers(values: &[u8]) -> Vec<Value> {
    values.iter().map(|n| json!(n)).collect()
}

#[test]
fn event_typing_writes_the_record_strings() {
    round_trips::<PloverType>(&strings(&[
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "SANCTION",
        "PROTEST",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    ]));
    round_trips::<Quad>(&numbers(&[1, 2, 3, 4]));
    round_trips::<AcledEventType>(&strings(&[
        "Battles",
        "Explosions/Remote violence",
        "Violence against civilians",
        "Protests",
        "Riots",
        "Strategic developments",
    ]));
    let modes: Vec<&str> = PloverMode::ALL.iter().map(|m| m.as_str()).collect();
    round_trips::<PloverMode>(&strings(&modes));
    let subs: Vec<&str> = AcledSubEventType::ALL.iter().map(|m| m.as_str()).collect();
    round_trips::<AcledSubEventType>(&strings(&subs));
}

#[test]
fn field_vocabularies_write_the_record_strings() {
    round_trips::<Factuality>(&strings(&["asserted", "probable", "possible", "unknown", "negated", "planned"]));
    round_trips::<SourceKind>(&strings(&[
        "anonymous",
        "named_person",
        "named_org",
        "official",
        "witness",
        "outlet",
        "self",
        "document",
        "social",
    ]));
    round_trips::<AttributionBasis>(&strings(&["explicit", "carried", "outlet"]));
    round_trips::<Stance>(&strings(&["neutral", "distancing", "affirming", "denying"]));
    round_trips::<TimeBasis>(&strings(&["clause", "sentence", "context", "sequence", "publication"]));
    round_trips::<OriginKind>(&strings(&["named", "official", "agency", "outlet", "anonymous", "witness", "copy"]));
    round_trips::<EntityType>(&strings(&["PER", "ORG", "LOC", "MISC"]));
    round_trips::<PlaceLevel>(&strings(&["country", "admin1", "admin2", "admin3", "city", "town", "village"]));
    round_trips::<GeoPrecision>(&numbers(&[1, 2, 3]));
    round_trips::<TimeKind>(&strings(&["date", "datetime", "interval", "duration", "set"]));
    round_trips::<Grain>(&strings(&["second", "minute", "hour", "day", "week", "month", "quarter", "year"]));
    round_trips::<TimeAnchor>(&strings(&["publication", "text", "none"]));
    round_trips::<TimePrecision>(&numbers(&[1, 2, 3]));
    round_trips::<QuantityKind>(&strings(&["cardinal", "ordinal", "approximate"]));
    round_trips::<QuantityRelation>(&strings(&[
        "about",
        "more_than",
        "less_than",
        "at_least",
        "at_most",
        "order_of_magnitude",
    ]));
    round_trips::<TokenKind>(&strings(&["word", "number", "punct", "symbol"]));
    round_trips::<SegmentKind>(&strings(&["conj", "prep", "fut", "det", "stem", "pron"]));
    round_trips::<CheckKind>(&strings(&[
        "weekday_date",
        "current_month",
        "current_year",
        "impossible_date",
        "date_vs_publication",
        "announced_count",
        "parts_total",
        "interval_duration",
        "past_after_publication",
        "sequence",
    ]));
    round_trips::<CheckStatus>(&strings(&["consistent", "inconsistent"]));
}

#[test]
fn plover_types_know_their_quad_and_label() {
    use PloverType::*;
    let quad = |q: Quad| PloverType::ALL.iter().filter(|t| t.quad() == q).copied().collect::<Vec<_>>();
    assert_eq!(quad(Quad::VerbalCooperation), [Agree, Consult, Support, Concede]);
    assert_eq!(quad(Quad::MaterialCooperation), [Cooperate, Aid, Retreat]);
    assert_eq!(quad(Quad::VerbalConflict), [Request, Accuse, Reject, Threaten, Sanction]);
    assert_eq!(quad(Quad::MaterialConflict), [Protest, Mobilize, Coerce, Assault]);
    assert_eq!(Retreat.label(), "Retreat / release");
    assert_eq!(Quad::MaterialConflict.label(), "Material conflict");
    assert_eq!(Quad::try_from(0).unwrap_err().value, "0");
    assert!(Coerce.modes().contains(&PloverMode::MartialLaw));
    assert!(Agree.modes().is_empty());
}

#[test]
fn every_mode_belongs_to_a_type_and_every_sub_event_type_to_one_event_type() {
    for m in PloverMode::ALL {
        assert!(PloverType::ALL.iter().any(|t| t.modes().contains(m)), "{m} belongs to no type");
    }
    let mut listed = 0;
    for t in AcledEventType::ALL {
        assert!(!t.sub_event_types().is_empty(), "{t}");
        assert!(t.sub_event_types().iter().all(|s| s.event_type() == *t), "{t}");
        listed += t.sub_event_types().len();
    }
    assert_eq!(listed, AcledSubEventType::ALL.len());
    assert_eq!(AcledSubEventType::AirDroneStrike.event_type(), AcledEventType::ExplosionsRemoteViolence);
}

#[test]
fn factuality_strength_puts_asserted_first_and_negated_last() {
    assert_eq!(Factuality::Asserted.strength_rank(), 0);
    assert!(Factuality::Planned.strength_rank() < Factuality::Unknown.strength_rank());
    assert_eq!(Factuality::Negated.strength_rank(), Factuality::ALL.len() - 1);
    let mut sorted = Factuality::ALL.to_vec();
    sorted.sort_by_key(|f| f.strength_rank());
    assert_eq!(sorted, Factuality::BY_STRENGTH);
}

#[test]
fn place_levels_run_largest_first() {
    assert!(PlaceLevel::Country < PlaceLevel::Admin1 && PlaceLevel::Town < PlaceLevel::Village);
    assert!(PlaceLevel::Admin3.is_admin() && !PlaceLevel::City.is_admin());
    assert!(Grain::Hour < Grain::Day && Grain::Quarter < Grain::Year);
}

/// The rows of a data file (no comments, no header), split on tabs.
fn rows(text: &str) -> Vec<Vec<&str>> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect()
}

#[test]
fn the_trigger_lexicon_uses_only_known_types_modes_and_acled_types() {
    let file = include_str!("../../../data/events/triggers.tsv");
    for row in rows(file) {
        let ty: PloverType = row[3].parse().unwrap();
        if row[4] != "-" {
            let mode: PloverMode = row[4].parse().unwrap();
            assert!(ty.modes().contains(&mode), "{}: {ty} has no mode {mode}", row[0]);
        }
        if row[5] != "-" {
            let event: AcledEventType = row[5].parse().unwrap();
            let sub: AcledSubEventType = row[6].parse().unwrap();
            assert_eq!(sub.event_type(), event, "{}", row[0]);
        }
    }
}

#[test]
fn the_attribution_and_factuality_lexicons_use_only_known_values() {
    for row in rows(include_str!("../../../data/attribution/sources.tsv")) {
        row[1].parse::<SourceKind>().unwrap();
    }
    for row in rows(include_str!("../../../data/attribution/cues.tsv")) {
        row[2].parse::<Stance>().unwrap();
    }
    // `asserted_strong` only blocks weaker cues; records never carry it.
    for row in rows(include_str!("../../../data/factuality/cues.tsv")).into_iter().filter(|r| r[1] != "asserted_strong")
    {
        row[1].parse::<Factuality>().unwrap();
    }
}

#[test]
fn the_vocabulary_lists_every_value_with_its_label() {
    let v = serde_json::to_value(Vocabulary::new()).unwrap();
    assert_eq!(v["schema"], SCHEMA);
    let types = v["plover_types"].as_array().unwrap();
    assert_eq!(types.len(), PloverType::ALL.len());
    assert_eq!(
        types[6],
        json!({"value": "RETREAT", "label": "Retreat / release", "quad": 2,
        "modes": ["withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"]})
    );
    assert_eq!(v["quad_classes"][0], json!({"value": 1, "label": "Verbal cooperation"}));
    assert_eq!(v["factuality"].as_array().unwrap().len(), 6);
    assert_eq!(v["source_kinds"][6], json!({"value": "self", "label": "the outlet's earlier reporting"}));
    assert_eq!(v["acled_event_types"][4]["sub_event_types"], json!(["Violent demonstration", "Mob violence"]));
    assert_eq!(v["entity_types"].as_array().unwrap().len(), 4);
    assert_eq!(v["place_levels"][1]["value"], "admin1");
}
