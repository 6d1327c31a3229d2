//! Consistency checks: does the text agree with itself and with its
//! publication date?
//!
//! * `weekday_date`: a weekday named with a date falls on that date;
//! * `current_month` / `current_year`: a month or year called current
//!   (الجاري، الحالي) is the publication's;
//! * `impossible_date`, `date_vs_publication`: what the time layer found;
//! * `announced_count`: "four batches … the first … the fourth" lists as many
//!   items as it announces;
//! * `parts_total`: the parts add up to the stated total (32 = 13 + 5 + 2 + 12);
//! * `interval_duration`: a stated duration fits an interval told nearby.

use isnad_schema::{
    CheckKind, CheckRecord, CheckStatus, Grain, QuantityKind, QuantityRecord, Span, TimeKind, TimeRecord,
};
use isnad_time::calendar;

use crate::lexicon::RecordsLexicon;
use crate::words::Words;

fn span(start: u32, end: u32) -> Span {
    Span { start, end }
}

fn check(kind: CheckKind, ok: bool, message: String, spans: Vec<Span>) -> CheckRecord {
    CheckRecord { kind, status: if ok { CheckStatus::Consistent } else { CheckStatus::Inconsistent }, message, spans }
}

/// Days since 1970-01-01 of an ISO date (`YYYY-MM-DD…`).
fn days(iso: &str) -> Option<i64> {
    let y: i64 = iso.get(0..4)?.parse().ok()?;
    let m: u32 = iso.get(5..7)?.parse().ok()?;
    let d: u32 = iso.get(8..10)?.parse().ok()?;
    Some(calendar::days_from_civil(y, m, d))
}

/// Days of an ISO 8601 duration made of one unit (`P1W`, `P15D`, `P1M`), months as 30 days.
fn duration_days(d: &str) -> Option<f64> {
    let body = d.strip_prefix('P')?;
    if body.contains('T') {
        return None;
    }
    let (n, unit) = body.split_at(body.len().checked_sub(1)?);
    let n: f64 = n.parse().ok()?;
    Some(match unit {
        "D" => n,
        "W" => 7.0 * n,
        "M" => 30.0 * n,
        "Y" => 365.0 * n,
        _ => return None,
    })
}

/// Whether a time's key holds a word marking it current (الجاري، الحالي).
fn marked_current(words: &Words, key: &str) -> bool {
    words.current_markers.keys().any(|m| key.contains(m))
}

/// Whether a time's key calls a year current (العام الجاري، السنة الحالية).
fn year_marked_current(words: &Words, key: &str) -> bool {
    words.year_words.keys().any(|y| words.current_markers.keys().any(|m| key.contains(&format!("{y} {m}"))))
}

/// The checks of one document. `sentence_of(offset)` gives the index of the
/// sentence holding a code-point offset; `lex` gives the words that mark a
/// month or year current.
pub fn checks(
    times: &[TimeRecord],
    quantities: &[QuantityRecord],
    sentence_of: &dyn Fn(u32) -> usize,
    lex: &RecordsLexicon,
) -> Vec<CheckRecord> {
    let mut out = Vec::new();
    time_checks(times, &lex.words, &mut out);
    list_checks(quantities, sentence_of, &mut out);
    interval_checks(times, sentence_of, &mut out);
    out
}

/// The weekday, current-month/year and date checks of each time.
fn time_checks(times: &[TimeRecord], words: &Words, out: &mut Vec<CheckRecord>) {
    for t in times {
        let sp = vec![span(t.start, t.end)];
        if let Some(ok) = t.weekday_matches {
            let msg = match (&t.from, ok) {
                (Some(f), true) => format!("the weekday named matches the date: {f} is that day"),
                _ => t.conflict.clone().unwrap_or_else(|| "the weekday named does not match the date".into()),
            };
            out.push(check(CheckKind::WeekdayDate, ok, msg, sp.clone()));
        }
        let conflicts: Vec<&str> = t.conflict.as_deref().map(|c| c.split("; ").collect()).unwrap_or_default();
        for c in &conflicts {
            if c.starts_with("weekday") {
                continue; // reported above
            }
            out.push(check(conflict_kind(c), false, c.to_string(), sp.clone()));
        }
        if conflicts.is_empty() {
            out.extend(current_check(t, words, sp));
        }
    }
}

/// The check kind of a conflict the time layer found.
fn conflict_kind(c: &str) -> CheckKind {
    if c.contains("marked current") {
        if c.contains("year") && !c.contains("month") {
            CheckKind::CurrentYear
        } else {
            CheckKind::CurrentMonth
        }
    } else if c.contains("publication") || c.contains("anchor") {
        CheckKind::DateVsPublication
    } else {
        CheckKind::ImpossibleDate
    }
}

/// A month or year called current (الجاري، الحالي) without a conflict is the publication's.
fn current_check(t: &TimeRecord, words: &Words, sp: Vec<Span>) -> Option<CheckRecord> {
    let k = isnad_text::match_key(&t.text);
    if !marked_current(words, &k) {
        return None;
    }
    let f = t.from.as_ref()?;
    let year = t.grain == Grain::Year || year_marked_current(words, &k);
    let (kind, what) = if year {
        (CheckKind::CurrentYear, &f[..4.min(f.len())])
    } else {
        (CheckKind::CurrentMonth, &f[..7.min(f.len())])
    };
    let markers: Vec<&str> = words.current_markers.keys().collect();
    let message = format!(
        "the {} called current ({}), {what}, is the publication's",
        if year { "year" } else { "month" },
        markers.join("/")
    );
    Some(check(kind, true, message, sp))
}

/// Largest gap (code points) between an announced count and the first ordinal.
const LIST_GAP: u32 = 60;

/// "Four batches: the first …, the second …": the announced count, the
/// ordinals that list the items, and (with a total before) the parts' sum.
fn list_checks(qs: &[QuantityRecord], sentence_of: &dyn Fn(u32) -> usize, out: &mut Vec<CheckRecord>) {
    for i in 0..qs.len() {
        let Some(items) = listed_items(qs, i, sentence_of) else { continue };
        out.push(announced_count(qs, i, &items));
        out.extend(parts_total(qs, i, &items, sentence_of));
    }
}

/// The ordinals 1, 2, 3 … (indices into `qs`) listing what `qs[i]` announces,
/// following within the same or the next sentence; at least two.
fn listed_items(qs: &[QuantityRecord], i: usize, sentence_of: &dyn Fn(u32) -> usize) -> Option<Vec<usize>> {
    let announced = &qs[i];
    if announced.kind != QuantityKind::Cardinal || announced.unit.is_none() || !(2.0..=20.0).contains(&announced.value)
    {
        return None;
    }
    // The list starts right after the announcement ("أربع دفعات، الأولى …"):
    // the first ordinal is the next quantity, a few words on.
    let s0 = sentence_of(announced.start);
    let starts = qs.get(i + 1).is_some_and(|q| {
        q.kind == QuantityKind::Ordinal
            && q.value == 1.0
            && q.start <= announced.end + LIST_GAP
            && sentence_of(q.start) == s0
    });
    if !starts {
        return None;
    }
    let mut items: Vec<usize> = Vec::new();
    for (j, q) in qs.iter().enumerate().skip(i + 1) {
        if sentence_of(q.start) > s0 + 1 {
            break;
        }
        if q.kind == QuantityKind::Ordinal && q.value == (items.len() + 1) as f64 {
            items.push(j);
        } else if q.kind == QuantityKind::Ordinal && !items.is_empty() {
            break;
        }
    }
    (items.len() >= 2).then_some(items)
}

/// As many items listed as `qs[i]` announces.
fn announced_count(qs: &[QuantityRecord], i: usize, items: &[usize]) -> CheckRecord {
    let announced = &qs[i];
    let n = items.len();
    let mut spans = vec![span(announced.start, announced.end)];
    spans.extend(items.iter().map(|&j| span(qs[j].start, qs[j].end)));
    check(
        CheckKind::AnnouncedCount,
        n as f64 == announced.value,
        format!(
            "{} {} announced («{}»), {n} listed",
            fmt(announced.value),
            plural(&unit_en(announced)),
            announced.text
        ),
        spans,
    )
}

/// The parts add up to the total: one quantity after each ordinal (before the
/// next), all of one unit, against the nearest earlier quantity of that unit
/// within two sentences of the announcement `qs[i]`.
fn parts_total(
    qs: &[QuantityRecord],
    i: usize,
    items: &[usize],
    sentence_of: &dyn Fn(u32) -> usize,
) -> Option<CheckRecord> {
    let mut parts = Vec::new();
    for (k, &j) in items.iter().enumerate() {
        let stop = items.get(k + 1).copied().unwrap_or(qs.len());
        let limit = qs[j].end + 80; // the part follows its ordinal closely
        if let Some(p) =
            qs[j + 1..stop].iter().find(|q| q.kind == QuantityKind::Cardinal && q.start <= limit && q.unit.is_some())
        {
            parts.push(p);
        }
    }
    let n = items.len();
    if parts.len() != n || parts.windows(2).any(|w| w[0].unit != w[1].unit) {
        return None;
    }
    let part_unit = parts[0].unit.clone();
    let s0 = sentence_of(qs[i].start);
    let total = qs[..i].iter().rev().take_while(|q| s0.saturating_sub(sentence_of(q.start)) <= 2).find(|q| {
        q.kind == QuantityKind::Cardinal
            && q.unit == part_unit
            && q.value > parts.iter().map(|p| p.value).fold(0.0, f64::max)
    })?;
    let sum: f64 = parts.iter().map(|p| p.value).sum();
    let mut spans = vec![span(total.start, total.end)];
    spans.extend(parts.iter().map(|p| span(p.start, p.end)));
    let terms: Vec<String> = parts.iter().map(|p| fmt(p.value)).collect();
    Some(check(
        CheckKind::PartsTotal,
        (sum - total.value).abs() < 1e-9,
        format!(
            "{} {} in all («{}»); the {n} {} add up to {} = {}",
            fmt(total.value),
            plural(&unit_en(total)),
            total.text,
            plural(&unit_en(&qs[i])),
            terms.join(" + "),
            fmt(sum)
        ),
        spans,
    ))
}

fn unit_en(q: &QuantityRecord) -> String {
    q.unit_en.clone().or_else(|| q.unit.clone()).unwrap_or_default()
}

fn plural(s: &str) -> String {
    if s.ends_with('s') || s.is_empty() {
        s.to_string()
    } else if let Some(stem) = s.strip_suffix('y') {
        format!("{stem}ies")
    } else if s.ends_with("ch") || s.ends_with('x') {
        format!("{s}es")
    } else {
        format!("{s}s")
    }
}

fn fmt(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// A duration stated in the same sentence as an interval (or the sentence
/// before) should fit the interval's length, counting both ends (±1 day).
fn interval_checks(times: &[TimeRecord], sentence_of: &dyn Fn(u32) -> usize, out: &mut Vec<CheckRecord>) {
    for t in times.iter().filter(|t| t.kind == TimeKind::Interval && t.grain == Grain::Day) {
        let (Some(a), Some(b)) = (t.from.as_deref().and_then(days), t.to.as_deref().and_then(days)) else { continue };
        let len = (b - a) as f64;
        let s = sentence_of(t.start);
        // The latest duration before the interval (an earlier one is further away still).
        let before = &times[..times.partition_point(|d| d.start < t.start)];
        let dur = before.iter().rev().find(|d| d.kind == TimeKind::Duration).filter(|d| {
            let sd = sentence_of(d.start);
            sd == s || sd + 1 == s
        });
        let Some(d) = dur else { continue };
        let Some(dd) = d.duration.as_deref().and_then(duration_days) else { continue };
        let ok = (len - dd).abs() <= 1.0;
        out.push(check(
            CheckKind::IntervalDuration,
            ok,
            format!(
                "stated duration {} ({} days) vs the interval {} to {} ({} days counting both ends)",
                d.duration.as_deref().unwrap_or(""),
                fmt(dd),
                t.from.as_deref().unwrap_or(""),
                t.to.as_deref().and_then(days).map(|x| x - 1).map_or(String::new(), |_| prev_day(t.to.as_deref())),
                fmt(len)
            ),
            vec![span(d.start, d.end), span(t.start, t.end)],
        ));
    }
}

/// The day before an ISO date (the last day of an exclusive interval end).
fn prev_day(iso: Option<&str>) -> String {
    iso.and_then(days).map_or_else(String::new, |d| calendar::fmt_day(d - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> &'static RecordsLexicon {
        RecordsLexicon::embedded().unwrap()
    }

    fn q(start: u32, text: &str, value: f64, kind: &str, unit: Option<(&str, &str)>) -> QuantityRecord {
        QuantityRecord {
            start,
            end: start + text.chars().count() as u32,
            text: text.into(),
            value,
            unit: unit.map(|u| u.0.to_string()),
            unit_en: unit.map(|u| u.1.to_string()),
            kind: kind.parse().unwrap(),
            relation: None,
            unit_category: None,
        }
    }

    #[test]
    fn batches_add_up_and_count() {
        let m = Some(("عنصر", "member"));
        let b = Some(("دفعة", "batch"));
        let qs = vec![
            q(0, "32 عنصراً", 32.0, "cardinal", m),
            q(40, "أربع دفعات", 4.0, "cardinal", b),
            q(55, "الأولى", 1.0, "ordinal", None),
            q(75, "13 عنصراً", 13.0, "cardinal", m),
            q(90, "والثانية", 2.0, "ordinal", None),
            q(100, "خمسة عناصر", 5.0, "cardinal", m),
            q(115, "والثالثة", 3.0, "ordinal", None),
            q(135, "عنصرين", 2.0, "cardinal", m),
            q(145, "والرابعة", 4.0, "ordinal", None),
            q(165, "12 عنصراً", 12.0, "cardinal", m),
        ];
        let c = checks(&[], &qs, &|_| 0, lex());
        let kinds: Vec<(&str, &str)> = c.iter().map(|c| (c.kind.as_str(), c.status.as_str())).collect();
        assert_eq!(kinds, vec![("announced_count", "consistent"), ("parts_total", "consistent")]);
        assert!(c[1].message.contains("13 + 5 + 2 + 12 = 32"), "{}", c[1].message);
        // One batch fewer than announced, and a sum that does not add up.
        let mut bad = qs.clone();
        bad[0].value = 33.0;
        bad.truncate(8);
        let c = checks(&[], &bad, &|_| 0, lex());
        assert_eq!(
            (c[0].kind.as_str(), c[0].status.as_str()),
            ("announced_count", "inconsistent"),
            "3 listed, 4 announced"
        );
        assert_eq!((c[1].kind.as_str(), c[1].status.as_str()), ("parts_total", "inconsistent"));
        assert!(c[1].message.contains("13 + 5 + 2 = 20"), "{}", c[1].message);
    }

    fn t(start: u32, text: &str, kind: &str, from: Option<&str>, to: Option<&str>, grain: &str) -> TimeRecord {
        TimeRecord {
            start,
            end: start + text.chars().count() as u32,
            text: text.into(),
            kind: kind.parse().unwrap(),
            from: from.map(str::to_string),
            to: to.map(str::to_string),
            grain: grain.parse().unwrap(),
            duration: None,
            anchor: isnad_schema::TimeAnchor::Publication,
            precision: Some(isnad_schema::TimePrecision::Day),
            conflict: None,
            note: None,
            weekday_matches: None,
        }
    }

    #[test]
    fn times_and_durations() {
        let mut feb = t(0, "في شهر فبراير الجاري", "date", Some("2023-02-01"), Some("2023-03-01"), "month");
        feb.conflict = Some("month February marked current (الجاري) but the publication month is November".into());
        let mut mon = t(30, "الاثنين الماضي 20 نوفمبر", "date", Some("2023-11-20"), Some("2023-11-21"), "day");
        mon.weekday_matches = Some(true);
        let mut week = t(60, "لمدة أسبوع", "duration", None, None, "week");
        week.duration = Some("P1W".into());
        let range = t(80, "من 7 - 14 نوفمبر الجاري", "interval", Some("2023-11-07"), Some("2023-11-15"), "day");
        let c = checks(&[feb, mon, week, range], &[], &|_| 0, lex());
        let kinds: Vec<(&str, &str)> = c.iter().map(|c| (c.kind.as_str(), c.status.as_str())).collect();
        assert_eq!(
            kinds,
            vec![
                ("current_month", "inconsistent"),
                ("weekday_date", "consistent"),
                ("current_month", "consistent"),
                ("interval_duration", "consistent")
            ]
        );
        assert!(c[3].message.contains("2023-11-07 to 2023-11-14 (8 days"), "{}", c[3].message);
    }

    /// The checks of a sentence's times, found by the time layer.
    fn time_checks_of(text: &str, published: &str) -> Vec<CheckRecord> {
        let anchor = isnad_time::Anchor::parse(published).unwrap();
        let times = isnad_time::Times::embedded().unwrap().find(
            text,
            &isnad_text::tokenize(text),
            Some(&anchor),
            &Default::default(),
        );
        checks(&times, &[], &|_| 0, lex())
    }

    #[test]
    fn a_month_called_current_must_be_the_publications() {
        let c = time_checks_of("قصفت القوات المواقع في شهر فبراير الجاري.", "2023-11-23");
        assert_eq!((c[0].kind.as_str(), c[0].status.as_str()), ("current_month", "inconsistent"), "{c:?}");
        let c = time_checks_of("قصفت القوات المواقع في شهر نوفمبر الجاري.", "2023-11-23");
        assert_eq!((c[0].kind.as_str(), c[0].status.as_str()), ("current_month", "consistent"), "{c:?}");
        assert_eq!(c[0].message, "the month called current (الجاري/الحالي), 2023-11, is the publication's");
        // A month of the year called current checks the year.
        let c = time_checks_of("قصفت القوات المواقع في نوفمبر من العام الجاري.", "2023-11-23");
        assert_eq!((c[0].kind.as_str(), c[0].status.as_str()), ("current_year", "consistent"), "{c:?}");
    }

    #[test]
    fn day_arithmetic() {
        assert_eq!(days("1970-01-01"), Some(0));
        assert_eq!(days("2023-11-23").map(|d| d - days("2023-11-20").unwrap()), Some(3));
        assert_eq!(prev_day(Some("2024-03-01")), "2024-02-29");
        assert_eq!(duration_days("P1W"), Some(7.0));
        assert_eq!(duration_days("PT3H"), None);
    }
}
