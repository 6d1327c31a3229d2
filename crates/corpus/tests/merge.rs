//! The merge on hand-built events: independent origins, what merges and what
//! does not, best values, contradictions, stable output.

mod common;

use common::*;
use isnad_corpus::{cluster, MergeOptions, OriginLexicon};
use isnad_schema::{AcledEventType, AcledSubEventType, ClusterRecord, Factuality, PloverMode, PloverType};

fn run(docs: &[Doc]) -> Vec<ClusterRecord> {
    cluster(&views(docs), &MergeOptions::default(), lex())
}

fn lex() -> &'static OriginLexicon {
    OriginLexicon::embedded().expect("the embedded origin words load")
}

fn origin_keys(c: &ClusterRecord) -> Vec<&str> {
    c.origins.iter().map(|o| o.key.as_str()).collect()
}

#[test]
fn two_outlets_quoting_one_agency_are_one_origin() {
    let docs = vec![
        Doc::by_outlet(
            "a",
            "2023-11-06",
            vec![attack("ev1", Some(marib()), Some(day("2023-11-05")), vec![source("سبأ", "named_org", Some(saba()))])],
        ),
        Doc::by_outlet(
            "b",
            "2023-11-06",
            vec![attack(
                "ev1",
                Some(marib()),
                Some(day("2023-11-05")),
                vec![source("وكالة سبأ", "outlet", Some(saba()))],
            )],
        ),
    ];
    let out = run(&docs);
    assert_eq!(out.len(), 1, "{out:#?}");
    let c = &out[0];
    assert_eq!(c.members.len(), 2);
    assert_eq!(c.independent_sources, 1);
    assert_eq!(origin_keys(c), ["actor:ye.media.saba_gov"]);
    assert_eq!(c.origins[0].kind, isnad_schema::OriginKind::Agency);
    assert_eq!(c.origins[0].documents, ["a", "b"]);
    assert!(c.members.iter().all(|m| m.origin == "actor:ye.media.saba_gov"));
}

#[test]
fn anonymous_sources_quoted_by_an_agency_are_the_agency() {
    let docs = vec![
        Doc::by_outlet(
            "a",
            "2023-11-06",
            vec![attack(
                "ev1",
                Some(marib()),
                Some(day("2023-11-05")),
                vec![source("مصادر أمنية", "anonymous", None), source("سبأ", "named_org", Some(saba()))],
            )],
        ),
        Doc::by_outlet(
            "b",
            "2023-11-06",
            vec![attack("ev1", Some(marib()), Some(day("2023-11-05")), vec![source("سبأ", "named_org", Some(saba()))])],
        ),
    ];
    let out = run(&docs);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].independent_sources, 1);
}

#[test]
fn distinct_named_sources_are_two_origins() {
    let docs = vec![
        Doc::by_outlet(
            "a",
            "2023-11-06",
            vec![attack(
                "ev1",
                Some(marib()),
                Some(day("2023-11-05")),
                vec![source("وزارة الداخلية اليمنية", "official", None)],
            )],
        ),
        Doc::by_outlet(
            "b",
            "2023-11-06",
            vec![attack(
                "ev1",
                Some(marib()),
                Some(day("2023-11-05")),
                vec![source("سلطان العرادة", "named_person", None)],
            )],
        ),
        // The same ministry through another outlet, with a clitic: no new origin.
        Doc::by_outlet(
            "c",
            "2023-11-07",
            vec![attack(
                "ev1",
                Some(marib()),
                Some(day("2023-11-05")),
                vec![source("لوزارة الداخلية اليمنية", "official", None)],
            )],
        ),
    ];
    let out = run(&docs);
    assert_eq!(out.len(), 1, "{out:#?}");
    let c = &out[0];
    assert_eq!(c.members.len(), 3);
    assert_eq!(c.independent_sources, 2, "{:#?}", c.origins);
    assert_eq!(c.origins[0].kind, isnad_schema::OriginKind::Official);
    assert_eq!(c.origins[0].documents, ["a", "c"]);
    assert_eq!(c.origins[1].kind, isnad_schema::OriginKind::Named);
    assert_eq!(c.origins[1].documents, ["b"]);
}

#[test]
fn each_outlets_unnamed_sources_count_once_per_outlet() {
    let docs = vec![
        Doc::new(
            "a1",
            Some("Outlet A"),
            "2023-11-06",
            vec![attack("ev1", Some(marib()), Some(day("2023-11-05")), vec![source("مصادر محلية", "anonymous", None)])],
        ),
        // The same outlet again, with witnesses and with a bare "statement": still outlet A.
        Doc::new(
            "a2",
            Some("Outlet A"),
            "2023-11-07",
            vec![attack("ev1", Some(marib()), Some(day("2023-11-05")), vec![source("شهود عيان", "witness", None)])],
        ),
        Doc::new(
            "a3",
            Some("outlet  a"),
            "2023-11-07",
            vec![attack("ev1", Some(marib()), Some(day("2023-11-05")), vec![source("بيان", "official", None)])],
        ),
        Doc::by_outlet(
            "b",
            "2023-11-06",
            vec![attack("ev1", Some(marib()), Some(day("2023-11-05")), vec![source("مصدر عسكري", "anonymous", None)])],
        ),
        // No outlet at all: the document itself.
        Doc::new("x", None, "2023-11-06", vec![attack("ev1", Some(marib()), Some(day("2023-11-05")), vec![])]),
    ];
    let out = run(&docs);
    assert_eq!(out.len(), 1, "{out:#?}");
    let c = &out[0];
    assert_eq!(origin_keys(c), ["outlet:outlet a", "outlet:outlet b", "doc:x"]);
    assert_eq!(c.independent_sources, 3);
    assert_eq!(c.origins[0].kind, isnad_schema::OriginKind::Anonymous);
    assert_eq!(c.origins[0].documents, ["a1", "a2", "a3"]);
}

#[test]
fn copied_texts_count_once() {
    let original = words(7, 200);
    let mut copy: Vec<&str> = original.split(' ').collect();
    copy[100] = "كلمة";
    let copy = copy.join(" ");
    let docs = vec![
        Doc::new(
            "wire",
            Some("Outlet A"),
            "2023-11-06",
            vec![attack("ev1", Some(marib()), Some(day("2023-11-05")), vec![source("مصادر محلية", "anonymous", None)])],
        )
        .with_text(original.clone()),
        // Another outlet runs the text with one word changed; its attribution
        // came out as the outlet alone.
        Doc::new(
            "copy",
            Some("Outlet B"),
            "2023-11-07",
            vec![attack("ev1", Some(marib()), Some(day("2023-11-05")), vec![])],
        )
        .with_text(copy),
        Doc::new(
            "own",
            Some("Outlet C"),
            "2023-11-07",
            vec![attack("ev1", Some(marib()), Some(day("2023-11-05")), vec![])],
        ),
    ];
    let out = run(&docs);
    assert_eq!(out.len(), 1);
    let c = &out[0];
    assert_eq!(c.members.len(), 3);
    assert_eq!(c.independent_sources, 2, "{:#?}", c.origins);
    assert_eq!(c.origins[0].key, "outlet:outlet a");
    assert_eq!(c.origins[0].documents, ["wire", "copy"]);
    assert!(c.origins[0].label.contains("copy of wire"), "{}", c.origins[0].label);
    assert_eq!(c.members[1].origin, "outlet:outlet a");

    // Without near-duplicate detection the copy is an outlet of its own.
    let out = cluster(&views(&docs), &MergeOptions { near_duplicate_jaccard: 0.0, ..MergeOptions::default() }, lex());
    assert_eq!(out[0].independent_sources, 3);
}

#[test]
fn copies_merge_even_without_time_or_place() {
    let text = words(11, 150);
    let bare = |id: &str| isnad_schema::EventRecord {
        actors: Vec::new(),
        recipients: Vec::new(),
        ..attack(id, None, Some(publication("2023-11-06")), vec![])
    };
    let docs = vec![
        Doc::by_outlet("a", "2023-11-06", vec![bare("ev1")]).with_text(text.clone()),
        Doc::by_outlet("b", "2023-11-06", vec![bare("ev1")]).with_text(text),
        // Same bare event in a text of its own: nothing ties it to the others.
        Doc::by_outlet("c", "2023-11-06", vec![bare("ev1")]),
    ];
    let out = run(&docs);
    assert_eq!(out.iter().map(|c| c.members.len()).collect::<Vec<_>>(), [2, 1]);
    assert_eq!(out[0].independent_sources, 1);
}

#[test]
fn different_types_do_not_merge() {
    let docs = vec![
        Doc::by_outlet("a", "2023-11-06", vec![attack("ev1", Some(marib()), Some(day("2023-11-05")), vec![])]),
        Doc::by_outlet("b", "2023-11-06", vec![protest("ev1", Some(marib()), Some(day("2023-11-05")))]),
    ];
    assert_eq!(run(&docs).len(), 2);
}

#[test]
fn different_acled_types_do_not_merge() {
    let mut shelling = attack("ev1", Some(marib()), Some(day("2023-11-05")), vec![]);
    shelling.acled = Some(isnad_schema::AcledType {
        event_type: AcledEventType::Battles,
        sub_event_type: AcledSubEventType::ArmedClash,
    });
    let agree = |id: &str, ty: PloverType| isnad_schema::EventRecord {
        ty,
        acled: Some(isnad_schema::AcledType {
            event_type: AcledEventType::StrategicDevelopments,
            sub_event_type: AcledSubEventType::Other,
        }),
        ..attack(id, Some(marib()), Some(day("2023-11-05")), vec![])
    };
    let docs = vec![
        Doc::by_outlet("a", "2023-11-06", vec![attack("ev1", Some(marib()), Some(day("2023-11-05")), vec![])]),
        Doc::by_outlet("b", "2023-11-06", vec![shelling]),
        // One catch-all type, different PLOVER types.
        Doc::by_outlet("c", "2023-11-06", vec![agree("ev1", PloverType::Agree)]),
        Doc::by_outlet("d", "2023-11-06", vec![agree("ev1", PloverType::Coerce)]),
    ];
    assert_eq!(run(&docs).len(), 4);
}

#[test]
fn same_acled_type_merges_across_plover_types() {
    let mut coerce = attack("ev1", Some(marib()), Some(day("2023-11-05")), vec![]);
    coerce.ty = PloverType::Coerce;
    let docs = vec![
        Doc::by_outlet("a", "2023-11-06", vec![attack("ev1", Some(marib()), Some(day("2023-11-05")), vec![])]),
        Doc::by_outlet("b", "2023-11-06", vec![coerce.clone()]),
        Doc::by_outlet("c", "2023-11-06", vec![coerce]),
    ];
    let out = run(&docs);
    assert_eq!(out.len(), 1);
    // Two of three members call it COERCE.
    assert_eq!(out[0].ty, PloverType::Coerce);
}

#[test]
fn months_apart_do_not_merge() {
    let docs = vec![
        Doc::by_outlet("a", "2023-03-06", vec![attack("ev1", Some(marib()), Some(day("2023-03-05")), vec![])]),
        Doc::by_outlet("b", "2023-06-06", vec![attack("ev1", Some(marib()), Some(day("2023-06-05")), vec![])]),
        // Four days apart is more than max_days_apart (3).
        Doc::by_outlet("c", "2023-06-10", vec![attack("ev1", Some(marib()), Some(day("2023-06-09")), vec![])]),
        // Three days apart merges with b.
        Doc::by_outlet("d", "2023-06-09", vec![attack("ev1", Some(marib()), Some(day("2023-06-08")), vec![])]),
    ];
    let out = run(&docs);
    let sizes: Vec<(String, usize)> = out.iter().map(|c| (c.members[0].doc.clone(), c.members.len())).collect();
    assert_eq!(sizes, [("a".to_string(), 1), ("b".to_string(), 2), ("c".to_string(), 1)], "{out:#?}");
    assert_eq!(out[1].members.iter().map(|m| m.doc.as_str()).collect::<Vec<_>>(), ["b", "d"]);
}

#[test]
fn a_month_contains_its_days_but_a_year_is_too_vague() {
    let docs = vec![
        Doc::by_outlet(
            "a",
            "2023-11-30",
            vec![attack("ev1", Some(marib()), Some(span("2023-11-01", "2023-12-01", 3)), vec![])],
        ),
        Doc::by_outlet("b", "2023-11-16", vec![attack("ev1", Some(marib()), Some(day("2023-11-15")), vec![])]),
        Doc::by_outlet(
            "c",
            "2023-12-30",
            vec![attack("ev1", Some(marib()), Some(span("2023-01-01", "2024-01-01", 3)), vec![])],
        ),
    ];
    let out = run(&docs);
    assert_eq!(out.iter().map(|c| c.members.len()).collect::<Vec<_>>(), [2, 1]);
    // The day is the best time; the month and the day overlap: no date contradiction.
    assert_eq!(out[0].time.as_ref().unwrap().from.as_deref(), Some("2023-11-15"));
    assert!(out[0].contradictions.iter().all(|c| c.field != "date"));
}

#[test]
fn distant_places_do_not_merge() {
    let docs = vec![
        Doc::by_outlet("a", "2023-11-06", vec![attack("ev1", Some(sanaa()), Some(day("2023-11-05")), vec![])]),
        Doc::by_outlet("b", "2023-11-06", vec![attack("ev1", Some(aden()), Some(day("2023-11-05")), vec![])]),
        Doc::by_outlet(
            "c",
            "2023-11-06",
            vec![attack("ev1", Some(marib_governorate()), Some(day("2023-11-05")), vec![])],
        ),
    ];
    assert_eq!(run(&docs).len(), 3);
}

#[test]
fn different_actors_do_not_merge() {
    let mut other = attack("ev1", Some(marib()), Some(day("2023-11-05")), vec![]);
    other.actors = vec![participant("sa.coalition", "military")];
    let docs = vec![
        Doc::by_outlet("a", "2023-11-06", vec![attack("ev1", Some(marib()), Some(day("2023-11-05")), vec![])]),
        Doc::by_outlet("b", "2023-11-06", vec![other]),
    ];
    assert_eq!(run(&docs).len(), 2);
    // Roles swapped by the coder still overlap.
    let mut swapped = attack("ev1", Some(marib()), Some(day("2023-11-05")), vec![]);
    swapped.actors = vec![participant("ye.gov.army", "military")];
    swapped.recipients = vec![participant("ye.houthis", "rebel")];
    let docs = vec![
        Doc::by_outlet("a", "2023-11-06", vec![attack("ev1", Some(marib()), Some(day("2023-11-05")), vec![])]),
        Doc::by_outlet("b", "2023-11-06", vec![swapped]),
    ];
    assert_eq!(run(&docs).len(), 1);
}

#[test]
fn the_publication_date_alone_needs_a_place_and_an_actor() {
    let docs = vec![
        Doc::by_outlet("a", "2023-11-06", vec![attack("ev1", Some(marib()), Some(publication("2023-11-06")), vec![])]),
        // A town and a shared actor: enough.
        Doc::by_outlet("b", "2023-11-06", vec![attack("ev1", Some(marib()), Some(publication("2023-11-06")), vec![])]),
        // Only the country: not enough.
        Doc::by_outlet("c", "2023-11-06", vec![attack("ev1", Some(yemen()), Some(publication("2023-11-06")), vec![])]),
        // No place: not enough.
        Doc::by_outlet("d", "2023-11-06", vec![attack("ev1", None, None, vec![])]),
    ];
    let out = run(&docs);
    assert_eq!(out.iter().map(|c| c.members.len()).collect::<Vec<_>>(), [2, 1, 1]);
    // Without a time from the text, the best time stays the publication fallback.
    assert_eq!(out[0].time.as_ref().unwrap().basis, isnad_schema::TimeBasis::Publication);
}

#[test]
fn a_country_and_the_same_day_need_a_shared_actor() {
    let anonymous = |id: &str| isnad_schema::EventRecord {
        actors: Vec::new(),
        recipients: Vec::new(),
        ..attack(id, Some(yemen()), Some(day("2023-11-05")), vec![])
    };
    let docs = vec![
        Doc::by_outlet("a", "2023-11-06", vec![anonymous("ev1")]),
        Doc::by_outlet("b", "2023-11-06", vec![anonymous("ev1")]),
        Doc::by_outlet("c", "2023-11-06", vec![attack("ev1", Some(yemen()), Some(day("2023-11-05")), vec![])]),
        Doc::by_outlet("d", "2023-11-06", vec![attack("ev1", Some(yemen()), Some(day("2023-11-05")), vec![])]),
    ];
    let out = run(&docs);
    assert_eq!(out.iter().map(|c| c.members.len()).collect::<Vec<_>>(), [1, 1, 2]);
    assert_eq!(out[2].members[0].doc, "c");
}

#[test]
fn events_of_one_document_stay_apart() {
    let docs = vec![Doc::by_outlet(
        "a",
        "2023-11-06",
        vec![
            attack("ev1", Some(marib()), Some(day("2023-11-05")), vec![]),
            attack("ev2", Some(marib()), Some(day("2023-11-05")), vec![]),
        ],
    )];
    assert_eq!(run(&docs).len(), 2);
}

#[test]
fn killed_five_against_seven_is_a_contradiction() {
    let mut five = attack("ev1", Some(marib()), Some(day("2023-11-05")), vec![]);
    five.counts = counts(&[("killed", 5.0), ("injured", 8.0)]);
    let mut seven = five.clone();
    seven.counts = counts(&[("killed", 7.0), ("injured", 8.0)]);
    let docs = vec![Doc::by_outlet("a", "2023-11-06", vec![five]), Doc::by_outlet("b", "2023-11-06", vec![seven])];
    let out = run(&docs);
    assert_eq!(out.len(), 1);
    let c = &out[0];
    assert_eq!(c.contradictions.len(), 1, "{:#?}", c.contradictions);
    let k = &c.contradictions[0];
    assert_eq!(k.field, "counts.killed");
    let values: Vec<(&str, Vec<&str>)> =
        k.values.iter().map(|v| (v.value.as_str(), v.documents.iter().map(String::as_str).collect())).collect();
    assert_eq!(values, [("5", vec!["a"]), ("7", vec!["b"])]);
    // One origin each way: the conservative figure.
    assert_eq!(c.counts["killed"], 5.0);
    assert_eq!(c.counts["injured"], 8.0);
}

#[test]
fn counts_are_voted_by_origins_not_copies() {
    let text = words(3, 150);
    let with = |killed: f64, sources: Vec<isnad_schema::SourceRecord>| {
        let mut e = attack("ev1", Some(marib()), Some(day("2023-11-05")), sources);
        e.counts = counts(&[("killed", killed)]);
        e
    };
    let docs = vec![
        // One wire text, three times: 9 killed.
        Doc::new("w1", Some("Outlet A"), "2023-11-06", vec![with(9.0, vec![])]).with_text(text.clone()),
        Doc::new("w2", Some("Outlet B"), "2023-11-06", vec![with(9.0, vec![])]).with_text(text.clone()),
        Doc::new("w3", Some("Outlet C"), "2023-11-06", vec![with(9.0, vec![])]).with_text(text),
        // Two independent reports: 6 killed.
        Doc::by_outlet("x", "2023-11-06", vec![with(6.0, vec![])]),
        Doc::by_outlet("y", "2023-11-06", vec![with(6.0, vec![source("مصادر طبية", "anonymous", None)])]),
    ];
    let out = run(&docs);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].independent_sources, 3);
    assert_eq!(out[0].counts["killed"], 6.0);
}

#[test]
fn best_values() {
    let mut coarse = attack("ev1", Some(marib_governorate()), Some(span("2023-11-01", "2023-12-01", 3)), vec![]);
    coarse.factuality = Factuality::Possible;
    coarse.mode = Some(PloverMode::Aerial);
    let mut fine = attack("ev1", Some(marib()), Some(day("2023-11-05")), vec![]);
    fine.actors.push(participant("ye.gov.army", "military"));
    fine.recipients.push(participant("generic.civilians", "generic"));
    let mut country = attack("ev1", Some(yemen()), Some(day("2023-11-05")), vec![]);
    country.counts = counts(&[("killed", 4.0)]);
    let docs = vec![
        Doc::by_outlet("a", "2023-11-06", vec![coarse]),
        Doc::by_outlet("b", "2023-11-06", vec![fine]),
        Doc::by_outlet("c", "2023-11-07", vec![country]),
    ];
    let out = run(&docs);
    assert_eq!(out.len(), 1, "{out:#?}");
    let c = &out[0];
    assert_eq!(c.members.iter().map(|m| m.doc.as_str()).collect::<Vec<_>>(), ["a", "b", "c"]);
    assert_eq!(c.place.as_ref().unwrap().id, "geonames:72968");
    let t = c.time.as_ref().unwrap();
    assert_eq!(
        (t.from.as_deref(), t.precision, t.basis),
        (Some("2023-11-05"), Some(isnad_schema::TimePrecision::Day), isnad_schema::TimeBasis::Clause)
    );
    assert_eq!(c.factuality, Factuality::Asserted);
    // One member says aerial, two say drone.
    assert_eq!(c.mode, Some(PloverMode::Drone));
    assert_eq!(c.acled.as_ref().unwrap().event_type, AcledEventType::ExplosionsRemoteViolence);
    let ids =
        |ps: &[isnad_schema::Participant]| ps.iter().map(|p| p.actor.as_ref().unwrap().id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&c.actors), ["ye.houthis", "ye.gov.army"]);
    assert_eq!(ids(&c.recipients), ["generic.displaced", "generic.civilians"]);
    assert_eq!(c.counts["killed"], 4.0);
    // Yemen, Marib governorate and Marib town contain one another; the month contains the day.
    assert!(c.contradictions.is_empty(), "{:#?}", c.contradictions);
}

#[test]
fn a_country_with_a_coarse_time_is_too_little() {
    let docs = vec![
        Doc::by_outlet(
            "a",
            "2023-11-06",
            vec![attack("ev1", Some(yemen()), Some(span("2023-11-01", "2023-12-01", 3)), vec![])],
        ),
        Doc::by_outlet("b", "2023-11-06", vec![attack("ev1", Some(marib()), Some(day("2023-11-05")), vec![])]),
        // A week and a country, one shared actor: apart.
        Doc::by_outlet(
            "c",
            "2023-11-06",
            vec![attack("ev1", Some(yemen()), Some(span("2023-11-06", "2023-11-13", 2)), vec![])],
        ),
    ];
    assert_eq!(run(&docs).len(), 3);
}

#[test]
fn dates_places_and_negation_disagreeing() {
    let mut denied = attack(
        "ev1",
        Some(sirwah()),
        Some(day("2023-11-07")),
        vec![source("الحوثيون", "named_org", Some(actor("ye.houthis", "rebel")))],
    );
    denied.factuality = Factuality::Negated;
    let docs = vec![
        Doc::by_outlet("a", "2023-11-06", vec![attack("ev1", Some(marib()), Some(day("2023-11-05")), vec![])]),
        Doc::by_outlet("b", "2023-11-08", vec![denied]),
    ];
    let out = run(&docs);
    assert_eq!(out.len(), 1, "{out:#?}");
    let c = &out[0];
    let fields: Vec<&str> = c.contradictions.iter().map(|k| k.field.as_str()).collect();
    assert_eq!(fields, ["date", "place", "factuality"]);
    let values = |i: usize| {
        c.contradictions[i].values.iter().map(|v| (v.value.clone(), v.documents.clone())).collect::<Vec<_>>()
    };
    assert_eq!(
        values(0),
        [("2023-11-05".to_string(), vec!["a".to_string()]), ("2023-11-07".to_string(), vec!["b".to_string()])]
    );
    assert_eq!(values(1)[0].0, "Marib (geonames:72968)");
    assert_eq!(
        values(2),
        [("asserted".to_string(), vec!["a".to_string()]), ("negated".to_string(), vec!["b".to_string()])]
    );
    assert_eq!(c.factuality, Factuality::Asserted);
    assert_eq!(c.origins[1].key, "actor:ye.houthis");
}

fn sample() -> Vec<Doc> {
    let text = words(5, 120);
    let mut docs = vec![
        Doc::by_outlet(
            "a",
            "2023-11-06",
            vec![
                attack("ev1", Some(marib()), Some(day("2023-11-05")), vec![source("سبأ", "named_org", Some(saba()))]),
                protest("ev2", Some(aden()), Some(day("2023-11-05"))),
            ],
        ),
        Doc::by_outlet(
            "b",
            "2023-11-06",
            vec![attack("ev1", Some(marib()), Some(day("2023-11-05")), vec![source("مصادر", "anonymous", None)])],
        )
        .with_text(text.clone()),
        Doc::by_outlet("c", "2023-11-07", vec![attack("ev1", Some(sirwah()), Some(day("2023-11-06")), vec![])])
            .with_text(text),
        Doc::by_outlet(
            "d",
            "2023-11-07",
            vec![
                protest("ev1", Some(aden()), Some(day("2023-11-06"))),
                attack("ev2", Some(sanaa()), Some(day("2023-11-06")), vec![]),
            ],
        ),
        Doc::new("e", None, "2023-11-07", vec![attack("ev1", Some(sanaa()), Some(day("2023-11-07")), vec![])]),
        Doc::by_outlet("f", "2023-11-07", vec![attack("ev1", Some(marib()), Some(publication("2023-11-07")), vec![])]),
    ];
    docs[0].events[0].counts = counts(&[("killed", 3.0)]);
    docs[2].events[0].counts = counts(&[("killed", 4.0)]);
    docs
}

#[test]
fn output_does_not_depend_on_input_order() {
    let docs = sample();
    let reference = run(&docs);
    assert!(reference.len() >= 3 && reference.len() < 8, "{reference:#?}");
    let json = serde_json::to_string(&reference).unwrap();
    let mut rng = Rng(42);
    for _ in 0..20 {
        let mut shuffled = docs.clone();
        for i in (1..shuffled.len()).rev() {
            let j = rng.below(i as u64 + 1) as usize;
            shuffled.swap(i, j);
        }
        let out = run(&shuffled);
        assert_eq!(out, reference);
        assert_eq!(serde_json::to_string(&out).unwrap(), json);
    }
}

#[test]
fn cluster_ids_are_stable_and_distinct() {
    let out = run(&sample());
    for c in &out {
        assert_eq!(c.id.len(), 17);
        assert!(c.id.starts_with('c') && c.id[1..].bytes().all(|b| b.is_ascii_hexdigit()));
    }
    let mut ids: Vec<&str> = out.iter().map(|c| c.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), out.len());
    // FNV-1a 64 of "a\x1fev1", the first member, then splitmix64's finaliser.
    let first = out.iter().find(|c| c.members[0].doc == "a" && c.members[0].event == "ev1").unwrap();
    let fnv =
        "a\u{1f}ev1".bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    let mut z = fnv;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^= z >> 31;
    assert_eq!(first.id, format!("c{z:016x}"));
}

#[test]
fn every_event_is_in_exactly_one_cluster() {
    let docs = sample();
    let out = run(&docs);
    let mut seen: Vec<(String, String)> =
        out.iter().flat_map(|c| c.members.iter().map(|m| (m.doc.clone(), m.event.clone()))).collect();
    seen.sort();
    let mut all: Vec<(String, String)> =
        docs.iter().flat_map(|d| d.events.iter().map(|e| (d.meta.id.clone(), e.id.clone()))).collect();
    all.sort();
    assert_eq!(seen, all);
    for c in &out {
        assert_eq!(c.independent_sources, c.origins.len());
        for m in &c.members {
            assert!(c.origins.iter().any(|o| o.key == m.origin && o.documents.contains(&m.doc)));
        }
    }
}

/// Civil date of a day number.
fn date(z: i64) -> String {
    isnad_time::calendar::fmt_day(z)
}

/// `happenings` attacks, each in one of 50 towns at least 110 km apart and
/// on a day of its own, a town's happenings 30 days apart; each reported by
/// 4 outlets (published a day or two later, through an agency or their own
/// sources).
fn synthetic(happenings: usize) -> Vec<Doc> {
    let towns: Vec<isnad_schema::PlaceRef> = (0..50)
        .map(|i| {
            let mut p = marib();
            p.id = format!("geonames:{}", 1000 + i);
            p.lat = 12.5 + (i / 10) as f64;
            p.lon = 43.0 + (i % 10) as f64;
            p
        })
        .collect();
    let mut docs = Vec::new();
    for h in 0..happenings {
        let town = &towns[h % 50];
        let d = 19_300 + (h / 50) as i64 * 30;
        for r in 0..4usize {
            let sources = if r % 2 == 0 { vec![source("سبأ", "named_org", Some(saba()))] } else { vec![] };
            let mut ev = attack("ev1", Some(town.clone()), Some(span(&date(d), &date(d + 1), 1)), sources);
            ev.counts = counts(&[("killed", (h % 7) as f64)]);
            let mut doc =
                Doc::new(&format!("h{h}r{r}"), Some(&format!("Outlet {r}")), &date(d + 1 + (r % 2) as i64), vec![ev]);
            doc.text = words((h * 4 + r) as u64, 60);
            docs.push(doc);
        }
    }
    docs
}

fn check_synthetic(out: &[ClusterRecord], happenings: usize) {
    assert_eq!(out.len(), happenings);
    for c in out {
        assert_eq!(c.members.len(), 4);
        let h: Vec<&str> = c.members.iter().map(|m| m.doc.split('r').next().unwrap()).collect();
        assert!(h.iter().all(|x| *x == h[0]), "{h:?}");
        // Saba (reports 0 and 2) and the own reporting of outlets 1 and 3.
        assert_eq!(c.independent_sources, 3);
        assert!(c.contradictions.is_empty());
    }
}

#[test]
fn thousands_of_reports_merge_into_their_happenings() {
    // 2,000 documents.
    check_synthetic(&run(&synthetic(500)), 500);
}

/// 100,000 documents (`--nocapture` prints the times; nothing is timed by assertion).
#[test]
fn a_hundred_thousand_reports() {
    let docs = synthetic(25_000);
    let t = std::time::Instant::now();
    let copies = isnad_corpus::near_duplicates(&views(&docs), 0.6);
    eprintln!("near-duplicates of {} documents in {:.2?}", copies.len(), t.elapsed());
    let t = std::time::Instant::now();
    let out = run(&docs);
    eprintln!("{} documents → {} clusters in {:.2?} (near-duplicates included)", docs.len(), out.len(), t.elapsed());
    check_synthetic(&out, 25_000);
}
