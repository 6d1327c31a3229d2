//! The seed article (Khabar, published Thursday 2023-11-23): every time
//! expression resolved as an analyst would.

use isnad_time::{Anchor, TimeExpr, TimeOptions, Times};

/// The time expressions of `text` with the embedded data.
fn find_times(text: &str, toks: &[isnad_text::Token], a: Option<&Anchor>, opts: &TimeOptions) -> Vec<TimeExpr> {
    Times::embedded().expect("the embedded data loads").find(text, toks, a, opts)
}

fn seed() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/khabar-2023-11-23.txt");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn run(anchor: Option<&str>) -> (String, Vec<TimeExpr>) {
    let text = seed();
    let toks = isnad_text::tokenize(&text);
    let a = anchor.map(|a| Anchor::parse(a).expect("anchor"));
    let out = find_times(&text, &toks, a.as_ref(), &TimeOptions::default());
    (text, out)
}

/// The `n`-th expression whose text is `span`.
fn nth<'a>(out: &'a [TimeExpr], span: &str, n: usize) -> &'a TimeExpr {
    out.iter().filter(|e| e.text == span).nth(n).unwrap_or_else(|| {
        panic!("no occurrence {n} of {span:?} in {:#?}", out.iter().map(|e| &e.text).collect::<Vec<_>>())
    })
}

fn get<'a>(out: &'a [TimeExpr], span: &str) -> &'a TimeExpr {
    nth(out, span, 0)
}

fn val(e: &TimeExpr) -> (Option<&str>, Option<&str>, &str, &str) {
    (e.from.as_deref(), e.to.as_deref(), e.grain.as_str(), e.kind.as_str())
}

#[test]
fn every_seed_expression_resolves() {
    let (text, out) = run(Some("2023-11-23"));
    let chars: Vec<char> = text.chars().collect();
    for e in &out {
        let span: String = chars[e.start as usize..e.end as usize].iter().collect();
        assert_eq!(span, e.text);
    }

    // "نهاية أكتوبر الماضي": late October 2023, days 21-31 (11 days: precision 3).
    let e = get(&out, "نهاية أكتوبر الماضي");
    assert_eq!(val(e), (Some("2023-10-21"), Some("2023-11-01"), "day", "interval"));
    assert_eq!((e.precision.map(|p| p.number()), e.anchor.as_str()), (Some(3), "publication"));

    // "وفي شهر فبراير الجاري": February of the publication year, with a conflict.
    let e = get(&out, "في شهر فبراير الجاري");
    assert_eq!(val(e), (Some("2023-02-01"), Some("2023-03-01"), "month", "date"));
    let c = e.conflict.as_deref().expect("a conflict for February marked current");
    assert!(c.contains("February") && c.contains("November"), "{c}");

    // "اليوم الخميس 23 نوفمبر/تشرين الثاني 2023م": the publication day, weekday checked.
    let e = get(&out, "اليوم الخميس 23 نوفمبر/تشرين الثاني 2023م");
    assert_eq!(val(e), (Some("2023-11-23"), Some("2023-11-24"), "day", "date"));
    assert_eq!((e.precision.map(|p| p.number()), e.conflict.as_deref()), (Some(1), None));
    // The second mention has no year: the publication's year.
    let e = get(&out, "اليوم الخميس 23 نوفمبر");
    assert_eq!(val(e), (Some("2023-11-23"), Some("2023-11-24"), "day", "date"));
    assert_eq!(e.conflict, None);

    // "في الأسبوع الأخير": the seven days before publication.
    let e = get(&out, "في الأسبوع الأخير");
    assert_eq!(val(e), (Some("2023-11-16"), Some("2023-11-23"), "day", "interval"));
    assert_eq!(e.precision.map(|p| p.number()), Some(2));

    // "من 7 - 14 نوفمبر الجاري", twice.
    for span in ["خلال الفترة من 7 - 14 نوفمبر الجاري", "في الفترة من 7 - 14 نوفمبر الجاري"]
    {
        let e = get(&out, span);
        assert_eq!(val(e), (Some("2023-11-07"), Some("2023-11-15"), "day", "interval"), "{span}");
        assert_eq!(e.conflict, None, "November is the publication month");
    }

    // "الاثنين الماضي 20 نوفمبر".
    let e = get(&out, "الاثنين الماضي 20 نوفمبر");
    assert_eq!(val(e), (Some("2023-11-20"), Some("2023-11-21"), "day", "date"));
    assert_eq!(e.conflict, None, "20 November 2023 is a Monday");

    // "بتاريخ 10 أكتوبر/تشرين الأول 2023م".
    let e = get(&out, "بتاريخ 10 أكتوبر/تشرين الأول 2023م");
    assert_eq!(val(e), (Some("2023-10-10"), Some("2023-10-11"), "day", "date"));

    // "في أكتوبر الماضي": October 2023.
    let e = get(&out, "في أكتوبر الماضي");
    assert_eq!(val(e), (Some("2023-10-01"), Some("2023-11-01"), "month", "date"));
    assert_eq!(e.precision.map(|p| p.number()), Some(3));

    // "في سبتمبر وأكتوبر العام الجاري": September-October 2023.
    let e = get(&out, "في سبتمبر وأكتوبر العام الجاري");
    assert_eq!(val(e), (Some("2023-09-01"), Some("2023-11-01"), "month", "interval"));

    // "حالياً": the publication day (no publication time is known).
    let e = get(&out, "حالياً");
    assert_eq!(val(e), (Some("2023-11-23"), Some("2023-11-24"), "day", "date"));

    // Durations.
    for (span, n, iso) in [
        ("لمدة أسبوع", 0, "P1W"),
        ("لمدة أسبوع", 1, "P1W"),
        ("مدة 15 يوما", 0, "P15D"),
        ("لمدة 30 يوما", 0, "P30D"),
        ("لمدة 45 يوما", 0, "P45D"),
        ("لمدة شهر كامل", 0, "P1M"),
    ] {
        let e = nth(&out, span, n);
        assert_eq!(
            (e.kind.as_str(), e.duration.as_deref(), e.from.as_deref()),
            ("duration", Some(iso), None),
            "{span}"
        );
    }

    // Nothing else: ordinals (الأولى، والثانية), "مرتبات شهرية", "الاجتماع الأخير" are not times.
    assert_eq!(out.len(), 18, "{:#?}", out.iter().map(|e| &e.text).collect::<Vec<_>>());
    for word in ["الأولى", "والثانية", "شهرية", "الأخير اجتماع"] {
        assert!(!out.iter().any(|e| e.text.contains(word)), "{word}");
    }
}

#[test]
fn without_a_publication_date_the_text_anchors() {
    let (_, out) = run(None);
    // The article says "اليوم الخميس 23 نوفمبر/تشرين الثاني 2023م" about itself.
    let e = get(&out, "في الأسبوع الأخير");
    assert_eq!((e.from.as_deref(), e.anchor.as_str()), (Some("2023-11-16"), "text"));
    let e = get(&out, "نهاية أكتوبر الماضي");
    assert_eq!((e.from.as_deref(), e.anchor.as_str()), (Some("2023-10-21"), "text"));
    let e = get(&out, "في شهر فبراير الجاري");
    assert!(e.conflict.is_some());
    // The stated date itself is absolute.
    let e = get(&out, "اليوم الخميس 23 نوفمبر/تشرين الثاني 2023م");
    assert_eq!((e.from.as_deref(), e.anchor.as_str()), (Some("2023-11-23"), "none"));
}

#[test]
fn relative_expressions_stay_unresolved_without_any_anchor() {
    let text = "عقد اجتماع في الأسبوع الأخير، وآخر نهاية أكتوبر الماضي.";
    let toks = isnad_text::tokenize(text);
    let out = find_times(text, &toks, None, &TimeOptions::default());
    assert_eq!(out.len(), 2, "{out:#?}");
    for e in &out {
        assert_eq!((e.from.as_deref(), e.to.as_deref(), e.anchor.as_str(), e.precision), (None, None, "none", None));
        assert!(e.note.is_some());
    }
}
