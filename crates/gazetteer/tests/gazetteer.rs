//! The embedded gazetteer: loading, lookup and the resolution of the seed
//! article's places.

use isnad_gazetteer::{Context, Cue, Data, Gazetteer, Level, FILES};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

const SEED: &str = include_str!("../../../examples/khabar-2023-11-23.txt");

fn gaz() -> &'static Gazetteer {
    Gazetteer::embedded().expect("the embedded gazetteer loads")
}

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data")
}

/// Code-point span of the `nth` occurrence of `needle` in `text`.
fn span(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let (byte, _) = text.match_indices(needle).nth(nth).unwrap_or_else(|| panic!("{needle:?} #{nth} not in text"));
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

#[test]
fn embedded_data_loads_with_every_level() {
    let g = gaz();
    let counts: std::collections::HashMap<Level, usize> = g.counts().into_iter().collect();
    assert_eq!(counts[&Level::Admin1], 22, "Yemen's governorates");
    assert_eq!(counts[&Level::Admin2], 335, "Yemen's districts");
    assert!(counts[&Level::Admin3] >= 2149, "OCHA sub-districts: {}", counts[&Level::Admin3]);
    assert!(counts[&Level::Country] >= 200, "countries: {}", counts[&Level::Country]);
    assert!(counts[&Level::City] >= 300 && counts[&Level::Town] >= 2000, "{counts:?}");
    assert!(counts[&Level::Village] >= 35_000, "villages: {}", counts[&Level::Village]);
    // Every place has a name, coordinates and a precision.
    for p in g.iter() {
        assert!(!p.name_ar().is_empty() && (1..=3).contains(&p.precision()), "{p:?}");
        assert!(p.lat().abs() <= 90.0 && p.lon().abs() <= 180.0);
    }
}

#[test]
fn seed_sanaa_is_the_capital_city() {
    let g = gaz();
    let r = g.resolve("صنعاء", &Context::new()).expect("صنعاء resolves");
    assert_eq!(r.place.id(), "geonames:71137");
    assert_eq!(r.place.level(), Level::City);
    assert_eq!(r.place.geonameid(), Some(71137));
    assert!((r.place.lat() - 15.35).abs() < 0.02 && (r.place.lon() - 44.21).abs() < 0.02, "{:?}", r.place);
    assert_eq!(r.precision, 1);
    assert_eq!(r.place.country(), "YE");
    assert!(
        r.candidates.iter().any(|c| c.place.id() == "ocha:YE23"),
        "the governorate is a runner-up: {:?}",
        r.candidates
    );
    // "صنعا" without the final hamza is the same name.
    assert_eq!(g.resolve("صنعا", &Context::new()).unwrap().place.id(), "geonames:71137");
}

#[test]
fn seed_bayda_governorate() {
    let g = gaz();
    let r = g.resolve("محافظة البيضاء", &Context::new()).expect("resolves");
    assert_eq!(r.place.id(), "ocha:YE14");
    assert_eq!(r.place.level(), Level::Admin1);
    assert_eq!(r.place.pcode(), Some("YE14"));
    assert_eq!(r.precision, 3);
    assert_eq!(r.cue, Some(Cue::Admin1));
    // The same with the cue in the context, and with ة written ه, and without ال.
    assert_eq!(g.resolve("البيضاء", &Context::new().with_cue(Cue::Admin1)).unwrap().place.id(), "ocha:YE14");
    assert_eq!(g.resolve("محافظه بيضاء", &Context::new()).unwrap().place.id(), "ocha:YE14");
}

#[test]
fn seed_az_zahir_district_of_al_bayda() {
    let g = gaz();
    // There are two districts named الزاهر (YE1405 in Al Bayda, YE1604 in Al Jawf) and الظاهر in Sa'dah.
    let zahir: Vec<String> =
        g.lookup("الزاهر").iter().filter(|p| p.level() == Level::Admin2).map(|p| p.id().into_owned()).collect();
    assert!(zahir.contains(&"ocha:YE1405".to_string()) && zahir.contains(&"ocha:YE1604".to_string()), "{zahir:?}");
    let r = g.resolve("مديرية الزاهر التابعة لمحافظة البيضاء", &Context::new()).expect("resolves");
    assert_eq!(r.place.id(), "ocha:YE1405");
    assert_eq!(r.place.level(), Level::Admin2);
    assert_eq!(r.place.admin1(), Some("YE14"));
    // The district's inside point (OCHA inside_lat/inside_lon).
    assert!((r.place.lat() - 13.98432).abs() < 1e-4 && (r.place.lon() - 45.42559).abs() < 1e-4, "{:?}", r.place);
    assert_eq!(r.precision, 2);
    // With the other governorate as parent, the other district.
    let r = g.resolve("مديرية الزاهر التابعة لمحافظة الجوف", &Context::new()).unwrap();
    assert_eq!(r.place.id(), "ocha:YE1604");
}

#[test]
fn seed_mentions_resolve_in_context() {
    let g = gaz();
    // "بالعاصمة المختطفة صنعاء": the cue two words back, past an adjective.
    let (s, e) = span(SEED, "صنعاء", 0);
    let ctx = g.context_at(SEED, s, e);
    assert_eq!(ctx.cue, Some(Cue::City));
    assert_eq!(g.resolve("صنعاء", &ctx).unwrap().place.id(), "geonames:71137");
    // "مناطق محافظة البيضاء"
    let (s, e) = span(SEED, "البيضاء", 0);
    let ctx = g.context_at(SEED, s, e);
    assert_eq!(ctx.cue, Some(Cue::Admin1));
    let bayda = g.resolve("البيضاء", &ctx).unwrap();
    assert_eq!(bayda.place.id(), "ocha:YE14");
    // "كمين بمديرية الزاهر التابعة لمحافظة البيضاء، وتمكن"
    let (s, e) = span(SEED, "الزاهر", 0);
    let mut ctx = g.context_at(SEED, s, e);
    assert_eq!(ctx.cue, Some(Cue::Admin2));
    assert_eq!(ctx.parent.as_ref().map(|p| (p.name.as_str(), p.cue)), Some(("البيضاء", Some(Cue::Admin1))));
    ctx.others.push(bayda.place.id().into_owned());
    ctx.country = Some("YE".into());
    let r = g.resolve("الزاهر", &ctx).unwrap();
    assert_eq!(r.place.id(), "ocha:YE1405");
    // Without the parent, the document's other places still pick Al Bayda's district.
    let ctx = Context::new().with_cue(Cue::Admin2).with_other("ocha:YE14");
    assert_eq!(g.resolve("الزاهر", &ctx).unwrap().place.id(), "ocha:YE1405");
    // "اليمن" is the country.
    let r = g.resolve("اليمن", &Context::new()).unwrap();
    assert_eq!((r.place.id().as_ref(), r.place.level(), r.precision), ("country:YE", Level::Country, 3));
}

#[test]
fn sanaa_governorate_city_and_capital() {
    let g = gaz();
    assert_eq!(g.resolve("محافظة صنعاء", &Context::new()).unwrap().place.id(), "ocha:YE23");
    assert_eq!(g.resolve("العاصمة صنعاء", &Context::new()).unwrap().place.id(), "geonames:71137");
    assert_eq!(g.resolve("أمانة العاصمة", &Context::new()).unwrap().place.id(), "ocha:YE13");
    assert_eq!(g.resolve("امانة العاصمه", &Context::new()).unwrap().place.id(), "ocha:YE13");
    // A bare البيضاء is the governorate; مدينة البيضاء a place in the city.
    assert_eq!(g.resolve("البيضاء", &Context::new()).unwrap().place.id(), "ocha:YE14");
    let city = g.resolve("مدينة البيضاء", &Context::new().with_country("YE")).unwrap();
    assert_eq!(city.place.admin2(), Some("YE1409"), "{:?}", city.place);
    // Near words lower the precision: "شرق مدينة تعز".
    let r = g.resolve("شرق مدينة تعز", &Context::new()).unwrap();
    assert_eq!(r.place.id(), "geonames:70225");
    assert_eq!(r.precision, 2);
}

#[test]
fn common_words_are_not_minor_places() {
    let g = gaz();
    // القاعدة (al-Qaeda, 15 times in the seed) names a sub-district of Dhamar (قاعده) and villages.
    assert!(g.lookup("القاعدة").iter().any(|p| p.level() == Level::Admin3));
    assert!(g.resolve("القاعدة", &Context::new()).is_none());
    let (s, e) = span(SEED, "القاعدة", 3);
    assert!(g.resolve("القاعدة", &g.context_at(SEED, s, e)).is_none());
    // With a cue it is the sub-district.
    assert_eq!(g.resolve("عزلة القاعدة", &Context::new()).unwrap().place.id(), "ocha:YE200634");
    // خبر (news) is not الخبر (Khobar), وأن is not وان (Van).
    assert!(g.resolve("خبر", &Context::new()).is_none());
    assert_eq!(g.resolve("الخبر", &Context::new()).unwrap().place.country(), "SA");
    assert!(g.resolve("وأن", &Context::new()).is_none());
    // Frequent place names stay: the capital, with a conjunction or preposition left on.
    assert_eq!(g.resolve("وصنعاء", &Context::new()).unwrap().place.id(), "geonames:71137");
    assert_eq!(g.resolve("بعدن", &Context::new()).unwrap().place.id(), "geonames:415189");
}

#[test]
fn world_countries_in_arabic() {
    let g = gaz();
    for (name, code) in [
        ("اليمن", "YE"),
        ("السعودية", "SA"),
        ("المملكة العربية السعودية", "SA"),
        ("الإمارات", "AE"),
        ("الامارات العربية المتحدة", "AE"),
        ("إيران", "IR"),
        ("ايران", "IR"),
        ("قطر", "QA"),
        ("الولايات المتحدة", "US"),
        ("أمريكا", "US"),
        ("مصر", "EG"),
        ("سلطنة عمان", "OM"),
        ("بريطانيا", "GB"),
        ("جيبوتي", "DJ"),
        ("الصومال", "SO"),
    ] {
        let r = g.resolve(name, &Context::new()).unwrap_or_else(|| panic!("{name} does not resolve"));
        assert_eq!(r.place.level(), Level::Country, "{name}: {:?}", r.place);
        assert_eq!(r.place.country(), code, "{name}");
        assert_eq!(r.precision, 3, "{name}");
    }
}

#[test]
fn english_lookup() {
    let g = gaz();
    let ids = |name: &str| g.lookup_en(name).iter().map(|p| p.id().into_owned()).collect::<Vec<_>>();
    assert!(ids("Sanaa").contains(&"geonames:71137".to_string()));
    assert!(ids("sana'a").contains(&"ocha:YE23".to_string()));
    assert!(ids("Al Bayda").contains(&"ocha:YE14".to_string()));
    assert!(ids("AL-BAYDA").contains(&"ocha:YE14".to_string()));
    assert!(ids("Yemen").contains(&"country:YE".to_string()));
    assert_eq!(g.resolve("Hodeidah", &Context::new()).unwrap().place.id(), "geonames:79415");
}

#[test]
fn names_list_match_keys_with_levels() {
    let g = gaz();
    let names: std::collections::HashSet<(&str, Level)> = g.names().collect();
    assert!(names.contains(&("صنعاء", Level::City)));
    assert!(names.contains(&("البيضاء", Level::Admin1)));
    assert!(names.contains(&("امانة العاصمة", Level::Admin1)), "match key keeps ة");
    assert!(names.contains(&("الحديدة", Level::Admin1)), "the ة spelling of OCHA's الحديده");
    // Common words that name Yemeni villages are not villages here.
    assert!(!names.contains(&("القاعدة", Level::Village)));
    assert!(!names.contains(&("الشعب", Level::Village)));
    assert!(!names.contains(&("هذا", Level::Village)));
}

#[test]
fn lookup_mention_strips_the_cue() {
    let g = gaz();
    let (cue, found) = g.lookup_mention("مديرية الزاهر");
    assert_eq!(cue, Some(Cue::Admin2));
    assert!(found.iter().any(|p| p.id() == "ocha:YE1405"));
    let (cue, found) = g.lookup_mention("أمانة العاصمة");
    assert_eq!(cue, None);
    assert!(found.iter().any(|p| p.id() == "ocha:YE13"));
    assert_eq!(g.name_key("البيضاء"), g.name_key("بيضاء"));
}

#[test]
fn villages_sit_at_their_sub_district() {
    let g = gaz();
    let v = g.iter().find(|p| p.level() == Level::Village).expect("a village");
    let parent = v.parent().expect("a parent");
    assert_eq!((v.lat(), v.lon()), (parent.lat(), parent.lon()));
    assert_eq!(v.admin1(), parent.admin1());
    assert!(v.precision() >= 2);
    assert!(v.id().starts_with("yemeninfo:village/"));
    assert_eq!(g.get(&v.id()).map(|p| p.id().into_owned()), Some(v.id().into_owned()));
    let place = v.to_record();
    assert_eq!(place.pcode, None);
    assert!(place.admin2.is_some());
}

#[test]
fn place_json_has_the_schema_fields() {
    let g = gaz();
    let place = g.resolve("صنعاء", &Context::new()).unwrap().into_record();
    let v = serde_json::to_value(&place).unwrap();
    for k in ["id", "name", "name_ar", "lat", "lon", "level", "country", "admin1", "admin2", "geonameid", "precision"] {
        assert!(v.get(k).is_some(), "missing {k}: {v}");
    }
    assert_eq!(v["level"], "city");
    assert!(v["candidates"].as_array().is_some_and(|c| !c.is_empty()));
    let back: isnad_schema::PlaceRef = serde_json::from_value(v).unwrap();
    assert_eq!(back, place);
}

/// Copies the data files into a fresh temporary directory laid out like `data/`.
fn copy_data(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("isnad-gazetteer-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("places")).unwrap();
    for f in FILES {
        std::fs::copy(data_dir().join(f), dir.join(f)).unwrap();
    }
    dir
}

fn load(dir: &Path) -> Result<Gazetteer, isnad_gazetteer::LoadError> {
    Gazetteer::load(&Data::Dir(dir.to_path_buf()))
}

/// Replaces line `n` (1-based) of a file.
fn replace_line(path: &Path, n: usize, f: impl Fn(&str) -> String) {
    let text = std::fs::read_to_string(path).unwrap();
    let lines: Vec<String> =
        text.lines().enumerate().map(|(i, l)| if i + 1 == n { f(l) } else { l.to_string() }).collect();
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
}

/// The 1-based line of the first data row starting with `prefix`.
fn line_of(path: &Path, prefix: &str) -> usize {
    std::fs::read_to_string(path).unwrap().lines().position(|l| l.starts_with(prefix)).unwrap() + 1
}

#[test]
fn a_data_copy_loads_and_malformed_lines_name_file_and_line() {
    let dir = copy_data("ok");
    let g = load(&dir).expect("a copy loads");
    assert_eq!(g.len(), gaz().len());
    std::fs::remove_dir_all(&dir).unwrap();

    // A bad latitude in places.tsv.
    let dir = copy_data("lat");
    let places = dir.join("places/places.tsv");
    let n = line_of(&places, "ocha:YE14\t");
    replace_line(&places, n, |l| {
        let mut c: Vec<&str> = l.split('\t').collect();
        c[6] = "north";
        c.join("\t")
    });
    let e = load(&dir).unwrap_err();
    assert!(e.file.ends_with("places.tsv"), "{e}");
    assert_eq!(e.line, n, "{e}");
    assert!(e.message.contains("latitude"), "{e}");
    std::fs::remove_dir_all(&dir).unwrap();

    // A missing column.
    let dir = copy_data("cols");
    let places = dir.join("places/places.tsv");
    let n = line_of(&places, "geonames:71137\t");
    replace_line(&places, n, |l| l.rsplit_once('\t').unwrap().0.to_string());
    let e = load(&dir).unwrap_err();
    assert_eq!((e.line, e.file.ends_with("places.tsv")), (n, true), "{e}");
    std::fs::remove_dir_all(&dir).unwrap();

    // A village whose parent does not exist.
    let dir = copy_data("village");
    let villages = dir.join("places/villages.tsv");
    let n = line_of(&villages, "1\t");
    replace_line(&villages, n, |l| format!("{}\tocha:YE999999", l.rsplit_once('\t').unwrap().0));
    let e = load(&dir).unwrap_err();
    assert!(e.file.ends_with("villages.tsv") && e.line == n && e.message.contains("parent"), "{e}");
    std::fs::remove_dir_all(&dir).unwrap();

    // An alias of an unknown place, and an unknown cue.
    let dir = copy_data("alias");
    let aliases = dir.join("places/aliases.tsv");
    let mut text = std::fs::read_to_string(&aliases).unwrap();
    text.push_str("country:ZZ\tلا مكان\n");
    let n = text.lines().count();
    std::fs::write(&aliases, text).unwrap();
    let e = load(&dir).unwrap_err();
    assert_eq!((e.line, e.file.ends_with("aliases.tsv")), (n, true), "{e}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn broken_name_key_and_cue_lines_name_their_file_and_line() {
    // name_keys.tsv: an unknown role.
    let dir = copy_data("keys");
    let keys = dir.join("places/name_keys.tsv");
    let n = line_of(&keys, "اء\t");
    replace_line(&keys, n, |l| l.replace("ending", "suffix"));
    let e = load(&dir).unwrap_err();
    assert!(e.file.ends_with("places/name_keys.tsv") && e.line == n && e.message.contains("role"), "{e}");
    std::fs::remove_dir_all(&dir).unwrap();

    // cues.tsv: an unknown cue.
    let dir = copy_data("cue");
    let cues = dir.join("places/cues.tsv");
    let n = line_of(&cues, "مديرية\t");
    replace_line(&cues, n, |l| format!("{}\tdistrict", l.split('\t').next().unwrap()));
    let e = load(&dir).unwrap_err();
    assert!(e.file.ends_with("places/cues.tsv") && e.line == n && e.message.contains("district"), "{e}");

    // A file missing from the copy is an error, not the embedded file.
    std::fs::remove_file(&cues).unwrap();
    let e = load(&dir).unwrap_err();
    assert!(e.file.ends_with("places/cues.tsv") && e.line == 0, "{e}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_name_key_folds_the_affixes_of_its_data_file() {
    let g = gaz();
    assert_eq!(g.name_key("صنعاء"), g.name_key("صنعا"));
    assert_eq!(g.name_key("البيضاء"), g.name_key("بيضا"));
    // Without the ending row, a final hamza is kept.
    let dir = copy_data("ending");
    let keys = dir.join("places/name_keys.tsv");
    let n = line_of(&keys, "اء\t");
    replace_line(&keys, n, |_| "# no endings".to_string());
    let edited = load(&dir).expect("loads without endings");
    assert_ne!(edited.name_key("صنعاء"), edited.name_key("صنعا"));
    assert_eq!(edited.name_key("البيضاء"), edited.name_key("بيضاء"));
    std::fs::remove_dir_all(&dir).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn lookup_and_resolve_never_panic(s in "\\PC{0,24}", ar in "[ ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةىؤئ،\u{064B}-\u{0652}لال]{0,30}") {
        let g = gaz();
        for name in [s.as_str(), ar.as_str()] {
            let _ = g.lookup(name);
            let _ = g.lookup_mention(name);
            let ctx = Context::new().with_cue(Cue::Region).with_parent(name, Some(Cue::Admin1)).with_other(name).with_country("YE");
            let _ = g.resolve(name, &ctx);
            let _ = g.resolve(name, &Context::new());
            let _ = g.cue_word(name);
            let n = name.chars().count();
            for (a, b) in [(0, n), (n / 2, n), (n, n + 5), (n + 3, 1)] {
                let ctx = g.context_at(name, a, b);
                let _ = g.resolve(name, &ctx);
            }
        }
    }
}
