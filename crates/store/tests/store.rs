//! The store against real pipeline output.

use isnad_pipeline::{Input, InputMeta, Options, Pipeline};
use isnad_schema::{Document, Factuality, PloverType};
use isnad_store::{EventFilter, Inserted, Store, MIGRATIONS};

const SEED: &str = include_str!("../../../examples/khabar-2023-11-23.txt");

fn analyze(id: &str, text: &str, published: &str) -> Document {
    Pipeline::embedded().unwrap().analyze(
        Input {
            meta: InputMeta {
                id: Some(id.into()),
                title: None,
                source: Some("test outlet".into()),
                url: None,
                published: Some(published.into()),
            },
            text: text.into(),
        },
        Options::default(),
    )
}

#[test]
fn migrates_once_and_reopens() {
    let dir = std::env::temp_dir().join(format!("isnad-store-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("a.db");
    let _ = std::fs::remove_file(&path);
    {
        let mut s = Store::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), MIGRATIONS.len() as i64);
        let d = analyze("d1", "قتل 3 أشخاص في صنعاء يوم الاثنين.", "2023-11-23");
        assert_eq!(s.insert(&d, "h1", "x").unwrap(), Inserted::Added);
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(s.counts().unwrap().documents, 1);
    let ro = Store::open_read_only(&path).unwrap();
    assert_eq!(ro.counts().unwrap().documents, 1);
    assert!(Store::open_read_only(&dir.join("missing.db")).is_err());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn duplicates_and_id_clashes() {
    let mut s = Store::in_memory().unwrap();
    let d = analyze("seed", SEED, "2023-11-23");
    assert_eq!(s.insert(&d, "hash-seed", "seed.txt").unwrap(), Inserted::Added);
    assert!(s.clusters_dirty().unwrap());
    assert_eq!(s.insert(&d, "hash-seed", "seed.txt").unwrap(), Inserted::Duplicate);
    let other = analyze("seed", "نص آخر تماماً.", "2023-11-23");
    assert_eq!(s.insert(&other, "hash-other", "other.txt").unwrap(), Inserted::IdTaken);
    let c = s.counts().unwrap();
    assert_eq!(c.documents, 1);
    assert_eq!(c.events as usize, d.events.len());
    s.replace_clusters(&[]).unwrap();
    assert!(!s.clusters_dirty().unwrap());
}

#[test]
fn search_is_clitic_and_plural_insensitive() {
    let mut s = Store::in_memory().unwrap();
    let a = analyze("a", "انعقدت الاجتماعات بالعاصمة صنعاء أمس.", "2023-11-23");
    let b = analyze("b", "هطلت أمطار غزيرة على مدينة تعز.", "2023-11-23");
    let c = analyze("c", "تدهور الوضع الاجتماعي في البلاد.", "2023-11-23");
    s.insert(&a, "ha", "a").unwrap();
    s.insert(&b, "hb", "b").unwrap();
    s.insert(&c, "hc", "c").unwrap();
    let ids = |q: &str| s.search(q, 10).unwrap().into_iter().map(|h| h.doc.id).collect::<Vec<_>>();
    // The meetings, not the social situation (اجتماعي) ...
    assert_eq!(ids("اجتماع"), ["a"]);
    // ... unless a prefix is asked for.
    let mut both = ids("اجتماع*");
    both.sort();
    assert_eq!(both, ["a", "c"]);
    assert_eq!(ids("العاصمة"), ["a"]);
    assert_eq!(ids("الأمطار"), ["b"]);
    assert_eq!(ids("امطار تعز"), ["b"], "all words must match");
    assert!(ids("امطار صنعاء").is_empty());
    assert!(ids("").is_empty());
    // Query syntax characters are words, not operators.
    assert!(ids("\"* OR (").is_empty());
    let hit = &s.search("العاصمة", 1).unwrap()[0];
    assert!(hit.snippet.contains("بالعاصمة"), "{}", hit.snippet);
}

#[test]
fn event_filters() {
    let mut s = Store::in_memory().unwrap();
    let d = analyze("seed", SEED, "2023-11-23");
    s.insert(&d, "h", "seed").unwrap();
    let all = s.events(&EventFilter::default()).unwrap();
    assert_eq!(all.len(), d.events.len());
    let f = |f: EventFilter| s.events(&f).unwrap();
    let consult = f(EventFilter { ty: Some("consult".into()), ..Default::default() });
    assert!(!consult.is_empty() && consult.iter().all(|e| e.event.ty == PloverType::Consult));
    let houthi = f(EventFilter { actor: Some("ye.houthis".into()), ..Default::default() });
    assert!(houthi.iter().all(|e| e
        .event
        .actors
        .iter()
        .chain(&e.event.recipients)
        .any(|p| p.actor.as_ref().is_some_and(|a| a.id == "ye.houthis"))));
    assert!(!houthi.is_empty());
    let by_arabic = f(EventFilter { actor: Some("الحوثي".into()), ..Default::default() });
    assert!(!by_arabic.is_empty());
    // The meeting of 7–14 November overlaps 10 November; the release of 10 October does not.
    let nov10 = f(EventFilter { from: Some("2023-11-10".into()), to: Some("2023-11-10".into()), ..Default::default() });
    assert!(nov10.iter().any(|e| e.event.ty == PloverType::Consult));
    assert!(nov10.iter().all(|e| {
        let t = e.event.time.as_ref().unwrap();
        t.from.as_deref().unwrap() <= "2023-11-10" && t.to.as_deref().unwrap() > "2023-11-10"
    }));
    // Events dated by the publication day alone (no end) count on that day.
    let on_pub = f(EventFilter { from: Some("2023-11-23".into()), ..Default::default() });
    let undated_end = d.events.iter().filter(|e| e.time.as_ref().is_some_and(|t| t.to.is_none())).count();
    assert!(on_pub.len() >= undated_end && undated_end > 0, "{} vs {undated_end}", on_pub.len());
    let ied = f(EventFilter { ty: Some("Remote explosive/landmine/IED".into()), ..Default::default() });
    assert_eq!(ied.len(), 1);
    let sanaa = f(EventFilter { place: Some("Sanaa".into()), ..Default::default() });
    assert!(!sanaa.is_empty() && sanaa.iter().all(|e| e.event.place.as_ref().unwrap().name.contains("Sanaa")));
    let possible = f(EventFilter { factuality: Some(Factuality::Possible), ..Default::default() });
    assert!(possible.iter().all(|e| e.event.factuality == Factuality::Possible) && !possible.is_empty());
    // LIKE wildcards in a filter are literal.
    assert!(f(EventFilter { actor: Some("%".into()), ..Default::default() }).is_empty());
}
