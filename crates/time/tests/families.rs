//! One test per family of time expressions, through the public API.

use isnad_schema::{TimeAnchor, TimeKind, TimePrecision};
use isnad_time::{Anchor, TimeExpr, TimeOptions, Times};

/// The time expressions of `text` with the embedded data.
fn find_times(text: &str, toks: &[isnad_text::Token], a: Option<&Anchor>, opts: &TimeOptions) -> Vec<TimeExpr> {
    Times::embedded().expect("the embedded data loads").find(text, toks, a, opts)
}

const PUB: &str = "2023-11-23"; // a Thursday

fn all(text: &str, anchor: Option<&str>, future: bool) -> Vec<TimeExpr> {
    let a = anchor.map(|a| Anchor::parse(a).expect("anchor"));
    let toks = isnad_text::tokenize(text);
    let out = find_times(text, &toks, a.as_ref(), &TimeOptions { prefer_future: future });
    let chars: Vec<char> = text.chars().collect();
    for e in &out {
        let span: String = chars[e.start as usize..e.end as usize].iter().collect();
        assert_eq!(span, e.text, "span of {e:?} in {text:?}");
    }
    out
}

/// The single expression of `text` (published PUB), which must span `span`.
fn one_in(text: &str, span: &str) -> TimeExpr {
    let out = all(text, Some(PUB), false);
    assert_eq!(out.len(), 1, "{text}: {out:#?}");
    assert_eq!(out[0].text, span, "{text}");
    out[0].clone()
}

/// The single expression of `text`, spanning all of it.
fn one(text: &str) -> TimeExpr {
    one_in(text, text)
}

fn value(e: &TimeExpr) -> (&str, &str, &str) {
    (e.from.as_deref().unwrap_or("-"), e.to.as_deref().unwrap_or("-"), e.grain.as_str())
}

#[test]
fn dates_with_and_without_weekday_and_era() {
    let e = one("23 نوفمبر 2023");
    assert_eq!(value(&e), ("2023-11-23", "2023-11-24", "day"));
    assert_eq!((e.kind, e.precision, e.anchor), (TimeKind::Date, Some(TimePrecision::Day), TimeAnchor::Unanchored));
    assert_eq!(value(&one("الخميس 23 نوفمبر 2023م")), ("2023-11-23", "2023-11-24", "day"));
    assert_eq!(value(&one("10 أكتوبر/تشرين الأول 2023م")), ("2023-10-10", "2023-10-11", "day"));
    assert_eq!(value(&one("الثلاثاء 6 جوان 2017")), ("2017-06-06", "2017-06-07", "day"));
    assert_eq!(value(&one("الأول من كانون الثاني 2024")), ("2024-01-01", "2024-01-02", "day"));
    assert_eq!(value(&one("5 شباط 2022")), ("2022-02-05", "2022-02-06", "day"));
    assert_eq!(value(&one("10/10/2023")), ("2023-10-10", "2023-10-11", "day"));
    assert_eq!(value(&one("2023-10-10")), ("2023-10-10", "2023-10-11", "day"));
    // A date without a year takes the publication's year (its month is not after November).
    let e = one("14 أكتوبر");
    assert_eq!(value(&e), ("2023-10-14", "2023-10-15", "day"));
    assert_eq!(e.anchor, TimeAnchor::Publication);
    // A weekday that contradicts the date is reported.
    let e = one("الجمعة 23 نوفمبر 2023");
    assert_eq!(value(&e).0, "2023-11-23");
    assert!(e.conflict.as_deref().unwrap_or("").contains("Friday"), "{e:?}");
}

#[test]
fn month_names_in_both_systems() {
    for (text, m) in [
        ("في يناير 2023", "2023-01-01"),
        ("في كانون الثاني 2023", "2023-01-01"),
        ("في شباط 2023", "2023-02-01"),
        ("في آذار 2023", "2023-03-01"),
        ("في نيسان 2023", "2023-04-01"),
        ("في أيار 2023", "2023-05-01"),
        ("في حزيران 2023", "2023-06-01"),
        ("في تموز 2023", "2023-07-01"),
        ("في آب 2023", "2023-08-01"),
        ("في أيلول 2023", "2023-09-01"),
        ("في تشرين الأول 2023", "2023-10-01"),
        ("في تشرين الثاني 2023", "2023-11-01"),
        ("في كانون الأول 2023", "2023-12-01"),
        ("في نوفمبر/تشرين الثاني 2023", "2023-11-01"),
    ] {
        let e = one(text);
        assert_eq!((e.from.as_deref(), e.grain.as_str()), (Some(m), "month"), "{text}");
    }
    // Paired names that disagree.
    let e = one("في أكتوبر/تشرين الثاني 2023");
    assert!(e.conflict.is_some(), "{e:?}");
    // Names that are also common words need context.
    assert!(all("مارس ضغوطا كبيرة على الحكومة", Some(PUB), false).is_empty());
    assert!(all("قالت تيريزا ماي في لندن", Some(PUB), false).is_empty());
    assert!(all("أغلق باب المنزل", Some(PUB), false).is_empty());
    assert!(all("سجلت صفر حالات", Some(PUB), false).is_empty());
    assert_eq!(one("في شهر مارس").from.as_deref(), Some("2023-03-01"));
}

#[test]
fn hijri_dates_months_and_years() {
    let e = one("15 رمضان 1445هـ");
    assert_eq!(value(&e), ("2024-03-25", "2024-03-26", "day"));
    assert!(e.note.as_deref().unwrap_or("").contains("Umm al-Qura"));
    let e = one("1445هـ");
    assert_eq!(value(&e), ("2023-07-19", "2024-07-07", "year"));
    let e = one("جمادى الآخرة 1445");
    assert_eq!(value(&e), ("2023-12-14", "2024-01-13", "month"));
    // 1 Muharram … the Hijri month of the publication date (Jumada al-Ula 1445).
    assert_eq!(value(&one("في 12 ربيع الأول")), ("2023-09-27", "2023-09-28", "day"));
    assert_eq!(value(&one("10 ذي الحجة 1434")), ("2013-10-15", "2013-10-16", "day"));
    // The same day in both calendars: one expression, checked.
    let e = one("الأربعاء 8 جمادى الأولى 1445هـ الموافق 22 نوفمبر 2023م");
    assert_eq!(value(&e), ("2023-11-22", "2023-11-23", "day"));
    assert_eq!(e.conflict, None, "{e:?}");
    let e = one("الخميس 10 جمادى الأولى 1445هـ الموافق 23 نوفمبر 2023م");
    assert_eq!(value(&e).0, "2023-11-23");
    assert!(e.conflict.as_deref().unwrap_or("").contains("2023-11-24"), "{e:?}");
}

#[test]
fn weekdays_and_direction() {
    // Past by default: the nearest on or before the publication day.
    assert_eq!(value(&one("الجمعة")).0, "2023-11-17");
    assert_eq!(value(&one("الخميس")).0, "2023-11-23");
    assert_eq!(value(&one("الاثنين الماضي")).0, "2023-11-20");
    assert_eq!(value(&one("الاثنين المقبل")).0, "2023-11-27");
    assert_eq!(value(&one("يوم الخميس القادم")).0, "2023-11-30");
    // A future cue in the clause, or prefer_future, looks ahead.
    assert_eq!(value(&one_in("سيعقد الاجتماع الجمعة", "الجمعة")).0, "2023-11-24");
    assert_eq!(value(&one_in("من المقرر أن يصل الوفد السبت", "السبت")).0, "2023-11-25");
    let f = all("الجمعة", Some(PUB), true);
    assert_eq!(f[0].from.as_deref(), Some("2023-11-24"));
    let f = all("الخميس", Some(PUB), true);
    assert_eq!(f[0].from.as_deref(), Some("2023-11-30"), "Duckling: a bare weekday is never today");
    // Weekday of a named week.
    assert_eq!(value(&one("الأحد من الأسبوع الماضي")).0, "2023-11-19");
    // "الأحد عشر" is eleven, "كلا الاثنين" both.
    assert!(all("الأحد عشر لاعبا", Some(PUB), false).is_empty());
    assert!(all("رفض كلا الاثنين", Some(PUB), false).is_empty());
}

#[test]
fn relative_expressions() {
    let cases = [
        ("أمس", ("2023-11-22", "2023-11-23", "day")),
        ("أول أمس", ("2023-11-21", "2023-11-22", "day")),
        ("اليوم", ("2023-11-23", "2023-11-24", "day")),
        ("غداً", ("2023-11-24", "2023-11-25", "day")),
        ("بعد غد", ("2023-11-25", "2023-11-26", "day")),
        ("الأسبوع الماضي", ("2023-11-13", "2023-11-20", "week")),
        ("الأسبوع المقبل", ("2023-11-27", "2023-12-04", "week")),
        ("الأسبوع الجاري", ("2023-11-20", "2023-11-27", "week")),
        ("الأسبوع الأخير", ("2023-11-16", "2023-11-23", "day")),
        ("الشهر الماضي", ("2023-10-01", "2023-11-01", "month")),
        ("العام الجاري", ("2023-01-01", "2024-01-01", "year")),
        ("منذ ثلاثة أيام", ("2023-11-20", "2023-11-21", "day")),
        ("قبل يومين", ("2023-11-21", "2023-11-22", "day")),
        ("خلال الأسبوع الماضي", ("2023-11-13", "2023-11-20", "week")),
        ("الأيام الثلاثة الماضية", ("2023-11-20", "2023-11-24", "day")),
        ("صباح اليوم", ("2023-11-23T06:00:00", "2023-11-23T12:00:00", "hour")),
        ("مساء أمس الأربعاء", ("2023-11-22T18:00:00", "2023-11-23T00:00:00", "hour")),
    ];
    for (text, want) in cases {
        let e = one(text);
        assert_eq!(value(&e), want, "{text}");
        assert_eq!(e.anchor, TimeAnchor::Publication, "{text}");
    }
    assert_eq!(one("قبل أسبوع").precision, Some(TimePrecision::Week), "a week ago is approximate");
    assert_eq!(one("منذ أكثر من عامين").precision, Some(TimePrecision::Month));
    // Anaphoric days are the narrative's, not the publication's.
    assert!(all("وفي اليوم التالي عادوا", Some(PUB), false).is_empty());
    assert!(all("في ذلك اليوم", Some(PUB), false).is_empty());
    assert!(all("في نفس اليوم", Some(PUB), false).is_empty());
    // العام as an adjective.
    assert!(all("قال المدعي العام السابق", Some(PUB), false).is_empty());
}

#[test]
fn the_night_of_a_weekday_is_the_evening_before_it() {
    // PUB is a Thursday: ليلة الخميس is Wednesday night, ليلة الجمعة last Thursday's.
    let e = one("ليلة الخميس");
    assert_eq!(value(&e), ("2023-11-22T18:00:00", "2023-11-23T00:00:00", "hour"));
    assert_eq!(e.kind, TimeKind::Interval);
    assert_eq!(value(&one("ليلة الجمعة")), ("2023-11-16T18:00:00", "2023-11-17T00:00:00", "hour"));
    assert_eq!(value(&one("ليلة الأحد الماضي")), ("2023-11-18T18:00:00", "2023-11-19T00:00:00", "hour"));
    assert_eq!(value(&one("في ليلة السبت")), ("2023-11-17T18:00:00", "2023-11-18T00:00:00", "hour"));
    // With a clock time: ten on Wednesday night.
    assert_eq!(value(&one("الساعة العاشرة ليلة الخميس")), ("2023-11-22T22:00:00", "2023-11-22T23:00:00", "hour"));
    // The night from one weekday to the next is both days (it may run past midnight).
    for text in ["ليلة الأربعاء إلى الخميس", "ليلة الأربعاء - الخميس", "ليلة الأربعاء على الخميس"]
    {
        let e = one(text);
        assert_eq!((value(&e), e.kind), (("2023-11-22", "2023-11-24", "day"), TimeKind::Interval), "{text}");
    }
    // Two weekdays that are not consecutive are not one night.
    let out = all("ليلة الأربعاء إلى الجمعة", Some(PUB), false);
    assert_eq!((out[0].text.as_str(), value(&out[0]).0), ("ليلة الأربعاء", "2023-11-21T18:00:00"), "{out:#?}");
    // Last night stays the evening before publication; evening stays on its day.
    assert_eq!(value(&one("ليلة أمس")), ("2023-11-22T18:00:00", "2023-11-23T00:00:00", "hour"));
    assert_eq!(value(&one("الليلة الماضية")), ("2023-11-22T18:00:00", "2023-11-23T00:00:00", "hour"));
    assert_eq!(value(&one("مساء الخميس")), ("2023-11-23T18:00:00", "2023-11-24T00:00:00", "hour"));
}

#[test]
fn the_past_n_days_run_up_to_and_including_the_publication_day() {
    for (text, from) in [
        ("على مدار اليومين الماضيين", "2023-11-21"),
        ("خلال اليومين الماضيين", "2023-11-21"),
        ("في الأيومين الماضيين", "2023-11-21"),
        ("خلال الأيام الثلاثة الماضية", "2023-11-20"),
        ("خلال الثلاثة أيام الماضية", "2023-11-20"),
        ("الأيام الأربعة الماضية", "2023-11-19"),
        ("آخر ثلاثة أيام", "2023-11-20"),
        ("اليومين الأخيرين", "2023-11-21"),
    ] {
        let e = one(text);
        assert_eq!((value(&e), e.kind), ((from, "2023-11-24", "day"), TimeKind::Interval), "{text}");
        assert_eq!((e.anchor, e.precision), (TimeAnchor::Publication, Some(TimePrecision::Week)), "{text}");
    }
    // A definite compound number counts the days (sixteen days: precision 3).
    for text in ["خلال الخمسة عشر يوما الأخيرة", "الأيام الخمسة عشر الماضية"]
    {
        let e = one(text);
        assert_eq!(
            (value(&e), e.precision),
            (("2023-11-08", "2023-11-24", "day"), Some(TimePrecision::Month)),
            "{text}"
        );
    }
    // A dual modifier belongs to a dual unit, not to the last of two weekdays.
    let out = all("يومي الجمعة والسبت الماضيين", Some(PUB), false);
    assert!(out.iter().all(|e| !e.text.contains("الماضيين")), "{out:#?}");
    // A bare dual is still a duration, and the calendar week stays the calendar week.
    assert_eq!(one("على مدار يومين").duration.as_deref(), Some("P2D"));
    assert_eq!(value(&one("خلال الأسبوع الماضي")), ("2023-11-13", "2023-11-20", "week"));
}

#[test]
fn numeric_dates_marked_hijri_are_converted_with_umm_al_qura() {
    // 14 Ramadan 1432 = 14 August 2011.
    for text in ["14-09-1432 هـ", "14/9/1432هـ", "1432/9/14هـ", "بتاريخ 14-09-1432 هـ", "14 رمضان 1432 هـ"]
    {
        let e = one(text);
        assert_eq!(value(&e), ("2011-08-14", "2011-08-15", "day"), "{text}");
        assert!(e.note.as_deref().unwrap_or("").contains("Umm al-Qura"), "{text}: {e:?}");
    }
    // Ramadan 1432 had 29 days: Eid al-Fitr fell on 30 August 2011.
    assert_eq!(value(&one("09/1432هـ")), ("2011-08-01", "2011-08-30", "month"));
    // A Gregorian era marker is part of the date; no marker stays Gregorian.
    assert_eq!(value(&one("10/10/2023م")), ("2023-10-10", "2023-10-11", "day"));
    assert_eq!(value(&one("14-09-2011")), ("2011-09-14", "2011-09-15", "day"));
    // A Hijri year outside the table is reported, never read as Gregorian.
    let e = one("14-09-1700 هـ");
    assert_eq!(e.from, None);
    assert!(e.conflict.as_deref().unwrap_or("").contains("Umm al-Qura"), "{e:?}");
}

#[test]
fn a_clock_time_right_after_a_date_joins_it() {
    let e = one("14-09-1432 هـ، 09:40 صباحاً");
    assert_eq!((value(&e), e.kind), (("2011-08-14T09:40:00", "2011-08-14T09:41:00", "minute"), TimeKind::Datetime));
    assert_eq!(value(&one("الخميس 23 نوفمبر، الساعة العاشرة صباحا")).0, "2023-11-23T10:00:00");
    assert_eq!(value(&one("الاثنين 20 نوفمبر 2023 - 22:15")).0, "2023-11-20T22:15:00");
    let e = one("الثلاثاء الماضي حوالي الساعة العاشرة ليلا");
    assert_eq!(value(&e).0, "2023-11-21T22:00:00");
    assert!(e.note.as_deref().unwrap_or("").contains("approximate"), "{e:?}");
    // A day part of a day, then the clock: the day part says am or pm.
    assert_eq!(value(&one("فجر اليوم الخميس الساعة الرابعة")).0, "2023-11-23T04:00:00");
    assert_eq!(value(&one("مساء أمس الساعة العاشرة")).0, "2023-11-22T22:00:00");
}

#[test]
fn relative_expressions_need_an_anchor() {
    let out = all("وقع الهجوم أمس", None, false);
    assert_eq!(out.len(), 1);
    let e = &out[0];
    assert_eq!((e.from.as_deref(), e.to.as_deref(), e.anchor.as_str(), e.precision), (None, None, "none", None));
    assert!(e.note.is_some());
    // An absolute date still resolves.
    let out = all("في 10 أكتوبر 2023", None, false);
    assert_eq!(out[0].from.as_deref(), Some("2023-10-10"));
    // A date the text gives for today anchors the rest.
    let out = all("قال اليوم الخميس 23 نوفمبر 2023 إن الاجتماع عقد أمس", None, false);
    assert_eq!(out.len(), 2, "{out:#?}");
    assert_eq!((out[1].from.as_deref(), out[1].anchor.as_str()), (Some("2023-11-22"), "text"));
}

#[test]
fn parts_of_periods() {
    let e = one("نهاية أكتوبر الماضي");
    assert_eq!(value(&e), ("2023-10-21", "2023-11-01", "day"));
    assert_eq!((e.kind, e.precision), (TimeKind::Interval, Some(TimePrecision::Month)));
    assert_eq!(value(&one("مطلع الشهر الجاري")), ("2023-11-01", "2023-11-11", "day"));
    assert_eq!(value(&one("أوائل نوفمبر")), ("2023-11-01", "2023-11-11", "day"));
    assert_eq!(value(&one("أواخر سبتمبر")), ("2023-09-21", "2023-10-01", "day"));
    let e = one("منتصف الشهر");
    assert_eq!((value(&e), e.precision), (("2023-11-15", "2023-11-16", "day"), Some(TimePrecision::Week)));
    assert_eq!(value(&one("نهاية الشهر")), ("2023-11-21", "2023-12-01", "day"));
    assert_eq!(value(&one("أواخر العام الماضي")), ("2022-10-01", "2023-01-01", "month"));
    assert_eq!(value(&one("منذ مطلع العام الجاري")).0, "2023-01-01");
}

#[test]
fn intervals() {
    let cases = [
        ("من 7 إلى 14 نوفمبر", ("2023-11-07", "2023-11-15", "day")),
        ("من 7 - 14 نوفمبر الجاري", ("2023-11-07", "2023-11-15", "day")),
        ("7 - 14 نوفمبر", ("2023-11-07", "2023-11-15", "day")),
        ("بين 7 و 14 نوفمبر", ("2023-11-07", "2023-11-15", "day")),
        ("بين الاثنين والخميس", ("2023-11-20", "2023-11-24", "day")),
        ("سبتمبر وأكتوبر العام الجاري", ("2023-09-01", "2023-11-01", "month")),
        ("من 20 ديسمبر إلى 5 يناير 2024", ("2023-12-20", "2024-01-06", "day")),
        ("خلال عامي 2014 و2015", ("2014-01-01", "2016-01-01", "year")),
        ("يومي 7 و8 نوفمبر", ("2023-11-07", "2023-11-09", "day")),
        ("منذ 7 أكتوبر", ("2023-10-07", "2023-11-24", "day")),
    ];
    for (text, want) in cases {
        let e = one(text);
        assert_eq!((value(&e), e.kind.as_str()), (want, "interval"), "{text}");
    }
    // An interval that ends before it starts.
    let e = one("من 14 إلى 7 نوفمبر");
    assert_eq!(e.from, None);
    assert!(e.conflict.is_some());
}

#[test]
fn durations() {
    let cases = [
        ("لمدة أسبوع", "P1W", "week"),
        ("15 يوماً", "P15D", "day"),
        ("شهرين", "P2M", "month"),
        ("عامين", "P2Y", "year"),
        ("لمدة شهر كامل", "P1M", "month"),
        ("مدة 15 يوما", "P15D", "day"),
        ("لمدة ثلاث ساعات", "PT3H", "hour"),
        ("ساعة ونصف", "PT1H30M", "hour"),
        ("نصف ساعة", "PT30M", "hour"),
        ("على مدى يومين", "P2D", "day"),
    ];
    for (text, iso, grain) in cases {
        let e = one(text);
        assert_eq!(
            (e.kind.as_str(), e.duration.as_deref(), e.grain.as_str()),
            ("duration", Some(iso), grain),
            "{text}"
        );
        assert_eq!((e.from.as_deref(), e.precision), (None, None), "{text}");
    }
    // A duration measured from another event is not a date.
    let e = one_in("قبل أسبوع من الانتخابات", "قبل أسبوع");
    assert_eq!(e.kind, TimeKind::Duration);
    // يوم in construct names a day.
    assert!(all("في الساعات الأخيرة من يوم الاقتراع", Some(PUB), false).is_empty());
}

#[test]
fn clock_times() {
    let e = one("الساعة الثامنة مساءً");
    assert_eq!((value(&e), e.kind.as_str()), (("2023-11-23T20:00:00", "2023-11-23T21:00:00", "hour"), "datetime"));
    assert_eq!(value(&one("عند الساعة 10:30 صباحاً")), ("2023-11-23T10:30:00", "2023-11-23T10:31:00", "minute"));
    assert_eq!(value(&one("الساعة العاشرة من صباح اليوم")).0, "2023-11-23T10:00:00");
    assert_eq!(value(&one("مساء الخميس الماضي")).0, "2023-11-16T18:00:00");
    assert_eq!(value(&one("الساعة الثالثة إلا ربعا عصرا")).0, "2023-11-23T14:45:00");
    // With the publication time: the nearest past occurrence of an hour.
    let out = all("الساعة 9", Some("2023-11-23T15:00:00+03:00"), false);
    assert_eq!(out[0].from.as_deref(), Some("2023-11-23T09:00:00"));
    // A time zone converts to the publication's offset.
    let out = all("الساعة 8 صباحا بتوقيت غرينتش", Some("2023-11-23T15:00:00+03:00"), false);
    assert_eq!(out[0].from.as_deref(), Some("2023-11-23T11:00:00"));
    // "The first hours" is not 1 o'clock.
    assert_eq!(value(&one("في الساعات الأولى من صباح اليوم")).0, "2023-11-23T06:00:00");
}

#[test]
fn recurring_sets() {
    for (text, iso, note) in [
        ("كل يوم", "P1D", "every day"),
        ("أسبوعياً", "P1W", "every week"),
        ("كل يوم جمعة", "P1W", "every Friday"),
        ("كل ثلاثة أشهر", "P3M", "every 3 months"),
    ] {
        let e = one(text);
        assert_eq!(
            (e.kind.as_str(), e.duration.as_deref(), e.note.as_deref()),
            ("set", Some(iso), Some(note)),
            "{text}"
        );
    }
    assert!(all("مرتبات شهرية", Some(PUB), false).is_empty(), "an adjective is not a set");
}

#[test]
fn holidays() {
    let e = one("عيد الفطر");
    assert_eq!(value(&e), ("2023-04-21", "2023-04-22", "day"));
    assert_eq!(value(&one("عيد الأضحى المبارك")).0, "2023-06-28");
    let e = one("في رمضان");
    assert_eq!((value(&e), e.kind.as_str()), (("2023-03-23", "2023-04-21", "day"), "interval"));
    assert_eq!(value(&one("رمضان 1445")), ("2024-03-11", "2024-04-10", "day"));
    assert_eq!(value(&one("عيد الفطر المقبل")).0, "2024-04-10");
    assert_eq!(value(&one("عيد الميلاد 2023")).0, "2023-12-25");
    assert_eq!(value(&one("عيد الفصح 2024")).0, "2024-03-31");
    assert!(all("قال محمد رمضان", Some(PUB), false).is_empty(), "a name");
}

#[test]
fn clitics_stay_outside_or_inside_the_span() {
    // The conjunction و is left out; the preposition في / ب stays in.
    let e = one_in("وفي شهر فبراير الجاري", "في شهر فبراير الجاري");
    assert_eq!(e.start, 1);
    let e = one("بتاريخ 10 أكتوبر 2023");
    assert_eq!(value(&e).0, "2023-10-10");
    let e = one_in("والأسبوع المقبل", "الأسبوع المقبل");
    assert_eq!(value(&e).0, "2023-11-27");
    let e = one_in("ولمدة شهر كامل", "لمدة شهر كامل");
    assert_eq!(e.duration.as_deref(), Some("P1M"));
    let e = one("بأيلول 2022");
    assert_eq!(value(&e).0, "2022-09-01");
    // Diacritics and tatweel do not matter.
    assert_eq!(value(&one("غَداً")).0, "2023-11-24");
    assert_eq!(value(&one("نوفمـــبر 2023")).0, "2023-11-01");
}

#[test]
fn impossible_dates_are_unresolved_with_a_reason() {
    for (text, why) in [
        ("31 فبراير 2023", "day 31"),
        ("29 فبراير 2023", "leap"),
        ("عام 99999", "99999"),
        ("الشهر الثالث عشر", "month 13"),
        ("شهر 13", "month 13"),
        ("32/13/2023", "month 13"),
        ("1700هـ", "Umm al-Qura"),
        ("الثلاثاء الخامس من شهر فبراير 2023", "no 5th"),
    ] {
        let e = one(text);
        assert_eq!((e.from.as_deref(), e.precision), (None, None), "{text}");
        let c = e.conflict.unwrap_or_default();
        assert!(c.contains(why), "{text}: {c}");
    }
    // 29 February of a leap year is fine.
    assert_eq!(value(&one("29 فبراير 2024")).0, "2024-02-29");
}
