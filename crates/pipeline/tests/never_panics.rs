//! The whole pipeline never panics, and every record's span slices the text.

use isnad_pipeline::{Input, InputMeta, Options, Pipeline};
use proptest::prelude::*;

fn check(text: &str, published: Option<&str>) {
    let p = Pipeline::embedded().unwrap();
    let doc = p.analyze(
        Input {
            meta: InputMeta { published: published.map(str::to_string), ..InputMeta::default() },
            text: text.to_string(),
        },
        Options { tokens: true, prefer_future: false },
    );
    let n = text.chars().count() as u32;
    let ok = |s: u32, e: u32| s <= e && e <= n;
    assert!(doc.sentences.iter().all(|s| ok(s.start, s.end)));
    assert!(doc.quantities.iter().all(|q| ok(q.start, q.end)));
    assert!(doc.times.iter().all(|t| ok(t.start, t.end)));
    assert!(doc.entities.iter().all(|e| ok(e.start, e.end)));
    for e in &doc.events {
        assert!(e.evidence.iter().all(|s| ok(s.start, s.end)));
        assert!(e.attribution.sources.iter().all(|s| ok(s.start, s.end)));
    }
    assert!(doc.checks.iter().flat_map(|c| &c.spans).all(|s| ok(s.start, s.end)));
    assert!(doc.framing.terms.iter().all(|t| ok(t.start, t.end)));
    serde_json::to_string(&doc).expect("serializable");
}

fn newsish() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "قتل",
        "3",
        "أشخاص",
        "في",
        "صنعاء",
        "محافظة",
        "البيضاء",
        "مديرية",
        "الزاهر",
        "الحوثي",
        "والقاعدة",
        "تنظيم",
        "القاعدة",
        "اجتماع",
        "اتفاق",
        "الإفراج",
        "عن",
        "32",
        "عنصراً",
        "على",
        "أربع",
        "دفعات",
        "الأولى",
        "والثانية",
        "الخميس",
        "23",
        "نوفمبر",
        "2023م",
        "الماضي",
        "الجاري",
        "فبراير",
        "من",
        "7",
        "-",
        "14",
        "لمدة",
        "أسبوع",
        "مصادر",
        "خاصة",
        "أكدت",
        "لوكالة",
        "خبر",
        "،",
        ".",
        "\n",
        "ويبدو",
        "أن",
        "من المرجح",
        "لم",
        "يتم",
        "معرفة",
        "العاصمة المختطفة",
        "كانت قد كشفت",
        "31",
        "فبراير",
        "99999",
        "هـ",
        "ﻻ",
        "\u{200F}",
        "ً",
    ]);
    prop::collection::vec(atoms, 0..60).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_strings(text in any::<String>()) {
        check(&text, Some("2023-11-23"));
    }

    #[test]
    fn news_like_strings(text in newsish()) {
        check(&text, Some("2023-11-23"));
        check(&text, None);
    }
}
