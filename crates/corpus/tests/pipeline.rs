//! The merge over documents analysed by the real pipeline.

use isnad_corpus::{cluster, CorpusDoc, MergeOptions, OriginLexicon};
use isnad_pipeline::{Input, InputMeta, Options, Pipeline};
use isnad_schema::{ClusterRecord, Document};

fn analyse(items: &[(&str, &str, &str, &str)]) -> Vec<Document> {
    let p = Pipeline::embedded().unwrap();
    items
        .iter()
        .map(|(id, outlet, published, text)| {
            p.analyze(
                Input {
                    meta: InputMeta {
                        id: Some(id.to_string()),
                        title: None,
                        source: Some(outlet.to_string()),
                        url: None,
                        published: Some(published.to_string()),
                    },
                    text: text.to_string(),
                },
                Options::default(),
            )
        })
        .collect()
}

fn merge(docs: &[Document]) -> Vec<ClusterRecord> {
    let views: Vec<CorpusDoc> = docs.iter().map(CorpusDoc::from).collect();
    cluster(&views, &MergeOptions::default(), lex())
}

fn lex() -> &'static OriginLexicon {
    OriginLexicon::embedded().expect("the embedded origin words load")
}

fn docs_of(c: &ClusterRecord) -> Vec<&str> {
    c.members.iter().map(|m| m.doc.as_str()).collect()
}

// Reports of one drone strike on a camp in Marib, written for these tests.
const REUTERS_1: &str = "أفادت وكالة رويترز للأنباء أن ميليشيا الحوثي قصفت الثلاثاء بطائرة مسيرة مخيما للنازحين في مدينة مأرب وقتلت خمسة مدنيين.";
const REUTERS_2: &str = "وأفادت وكالة رويترز للأنباء أن طائرة مسيرة أطلقها الحوثيون قصفت يوم الثلاثاء مخيما للنازحين في مدينة مأرب، ما أدى إلى مقتل خمسة مدنيين.";
const LOCAL: &str =
    "قالت مصادر محلية إن الحوثيين قصفوا الثلاثاء بطائرة مسيرة مخيما للنازحين في مدينة مأرب وقتلوا سبعة مدنيين.";
const WITNESSES: &str =
    "قال شهود عيان إن الحوثيين قصفوا الثلاثاء بطائرة مسيرة مخيما للنازحين في مدينة مأرب وقتلوا خمسة مدنيين.";
// Another strike: Aden, on Saturday.
const ADEN: &str =
    "قالت مصادر محلية إن ميليشيا الحوثي قصفت يوم السبت بطائرة مسيرة حيا سكنيا في مدينة عدن وقتلت ثلاثة مدنيين.";

#[test]
fn two_outlets_quoting_reuters_are_one_source() {
    let docs = analyse(&[("r1", "Outlet One", "2023-11-23", REUTERS_1), ("r2", "Outlet Two", "2023-11-23", REUTERS_2)]);
    for d in &docs {
        assert_eq!(d.events.len(), 1, "{:#?}", d.events);
    }
    let out = merge(&docs);
    assert_eq!(out.len(), 1, "{out:#?}");
    let c = &out[0];
    assert_eq!(docs_of(c), ["r1", "r2"]);
    assert_eq!(c.independent_sources, 1, "{:#?}", c.origins);
    assert_eq!(c.origins[0].key, "actor:media.reuters");
    assert_eq!(c.origins[0].kind, isnad_schema::OriginKind::Agency);
    assert_eq!(c.place.as_ref().unwrap().id, "geonames:72968");
    assert_eq!(c.time.as_ref().unwrap().from.as_deref(), Some("2023-11-21"));
    assert_eq!(c.counts.get("killed"), Some(&5.0));
    assert!(c.contradictions.is_empty());
}

#[test]
fn agency_local_sources_and_witnesses() {
    let docs = analyse(&[
        ("r1", "Outlet One", "2023-11-23", REUTERS_1),
        ("r2", "Outlet Two", "2023-11-23", REUTERS_2),
        ("l", "Outlet Three", "2023-11-22", LOCAL),
        ("w", "Outlet Four", "2023-11-24", WITNESSES),
        ("aden", "Outlet Three", "2023-11-19", ADEN),
    ]);
    let out = merge(&docs);
    assert_eq!(out.len(), 2, "{out:#?}");
    // Aden, published first, stays apart.
    assert_eq!(docs_of(&out[0]), ["aden"]);
    let c = &out[1];
    assert_eq!(docs_of(c), ["l", "r1", "r2", "w"]);
    let keys: Vec<&str> = c.origins.iter().map(|o| o.key.as_str()).collect();
    assert_eq!(keys, ["outlet:outlet three", "actor:media.reuters", "outlet:outlet four"]);
    assert_eq!(c.independent_sources, 3);
    assert_eq!(c.origins[0].kind, isnad_schema::OriginKind::Anonymous);
    assert_eq!(c.origins[2].kind, isnad_schema::OriginKind::Witness);
    // Seven from one origin, five from two: five, and the disagreement.
    assert_eq!(c.counts.get("killed"), Some(&5.0));
    let killed = c.contradictions.iter().find(|k| k.field == "counts.killed").expect("killed contradiction");
    let values: Vec<(&str, Vec<&str>)> =
        killed.values.iter().map(|v| (v.value.as_str(), v.documents.iter().map(String::as_str).collect())).collect();
    assert_eq!(values, [("5", vec!["r1", "r2", "w"]), ("7", vec!["l"])]);
}

#[test]
fn a_republished_report_is_no_new_source() {
    // The same local report run again by another outlet a day later.
    let docs = analyse(&[
        ("l", "Outlet Three", "2023-11-22", LOCAL),
        ("again", "Outlet Five", "2023-11-23", LOCAL),
        ("w", "Outlet Four", "2023-11-24", WITNESSES),
    ]);
    let out = merge(&docs);
    assert_eq!(out.len(), 1, "{out:#?}");
    let c = &out[0];
    assert_eq!(c.independent_sources, 2, "{:#?}", c.origins);
    assert_eq!(c.origins[0].documents, ["l", "again"]);
    assert!(c.origins[0].label.contains("again (copy of l)"), "{}", c.origins[0].label);
}

// The agency's own story, as it published it.
const REUTERS_OWN: &str = "قصفت ميليشيا الحوثي الثلاثاء بطائرة مسيرة مخيما للنازحين في مدينة مأرب وقتلت خمسة مدنيين.";

#[test]
fn an_agency_publishing_and_an_outlet_quoting_it_are_one_source() {
    let docs = analyse(&[("own", "Reuters", "2023-11-23", REUTERS_OWN), ("q", "Outlet Two", "2023-11-23", REUTERS_2)]);
    let views: Vec<CorpusDoc> = docs.iter().map(CorpusDoc::from).collect();
    // Without knowing that the outlet "Reuters" is the agency, they look independent.
    let blind = cluster(&views, &MergeOptions::default(), lex());
    assert_eq!(blind.len(), 1, "{blind:#?}");
    assert_eq!(blind[0].independent_sources, 2);
    let mut opts = MergeOptions::default();
    opts.outlet_actors
        .insert(isnad_corpus::outlet_key("Reuters"), ("media.reuters".to_string(), "Reuters".to_string()));
    let out = cluster(&views, &opts, lex());
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].independent_sources, 1, "{:#?}", out[0].origins);
    assert_eq!(out[0].origins[0].key, "actor:media.reuters");
}
