//! Day numbers from ISO 8601 dates and event time windows.

use isnad_schema::{EventTime, TimeBasis, TimePrecision};

pub(crate) use isnad_time::calendar::days_from_civil;

/// The day of `YYYY-MM-DD…`, and whether a clock time after midnight follows.
pub(crate) fn parse_day(s: &str) -> Option<(i64, bool)> {
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let p = s.get(r)?;
        if p.bytes().all(|c| c.is_ascii_digit()) {
            p.parse().ok()
        } else {
            None
        }
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Anything after the date other than a midnight clock means the day is entered.
    let clock = s.get(11..).unwrap_or("");
    let after_midnight =
        clock.bytes().take_while(|c| *c != b'Z' && *c != b'+' && *c != b'-').any(|c| c.is_ascii_digit() && c != b'0');
    Some((days_from_civil(i64::from(y), m, d), after_midnight))
}

/// `YYYY-MM-DD` of a day number.
pub(crate) use isnad_time::calendar::fmt_day as iso_day;

/// When an event happened, in whole days `[lo, hi)`, with how many days of
/// slack a comparison allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Window {
    /// First day.
    pub lo: i64,
    /// Day after the last one.
    pub hi: i64,
    /// Slack in days.
    pub pad: i64,
    /// True when the text dates the event (not the publication fallback).
    pub text: bool,
    /// ACLED precision (the day, within a week, or a month or coarser).
    pub precision: TimePrecision,
}

impl Window {
    /// Days between the end of one window and the start of the other (0 when they overlap).
    pub fn gap(&self, o: &Window) -> i64 {
        (o.lo - (self.hi - 1)).max(self.lo - (o.hi - 1)).max(0)
    }

    /// True when the raw spans share a day.
    pub fn overlaps(&self, o: &Window) -> bool {
        self.lo < o.hi && o.lo < self.hi
    }

    /// The span as a contradiction value: `2023-11-05` or `2023-11-01/2023-12-01`.
    pub fn label(&self) -> String {
        if self.hi - self.lo <= 1 {
            iso_day(self.lo)
        } else {
            format!("{}/{}", iso_day(self.lo), iso_day(self.hi))
        }
    }
}

/// The raw text-based span of an event time, when the text dates it.
pub(crate) fn text_span(t: &EventTime) -> Option<(i64, i64)> {
    if t.basis == TimeBasis::Publication {
        return None;
    }
    let (lo, _) = parse_day(t.from.as_deref()?)?;
    let hi = match t.to.as_deref().and_then(parse_day) {
        Some((d, entered)) => d + i64::from(entered),
        None => lo + 1,
    };
    Some((lo, hi.max(lo + 1)))
}

/// The merge window of an event: its text-based span when it has one no
/// wider than `max_span` days, else the publication day (weak). `None` when
/// the event cannot be placed in time or its span is too wide.
pub(crate) fn window(t: Option<&EventTime>, published: Option<&str>, max_days: u32, max_span: u32) -> Option<Window> {
    let d = i64::from(max_days);
    if let Some(t) = t {
        if let Some((lo, hi)) = text_span(t) {
            let width = hi - lo;
            if width > i64::from(max_span) {
                return None;
            }
            let precision = t.precision.unwrap_or(TimePrecision::Month);
            let nominal = match precision {
                TimePrecision::Day => 0,
                TimePrecision::Week => 7,
                TimePrecision::Month => 30,
            };
            return Some(Window { lo, hi, pad: d.max(nominal - width), text: true, precision });
        }
        if t.basis == TimeBasis::Publication {
            if let Some((lo, _)) = t.from.as_deref().and_then(parse_day) {
                return Some(Window { lo, hi: lo + 1, pad: d, text: false, precision: TimePrecision::Month });
            }
        }
    }
    let (lo, _) = parse_day(published?)?;
    Some(Window { lo, hi: lo + 1, pad: d, text: false, precision: TimePrecision::Month })
}

#[cfg(test)]
mod tests {
    use super::*;
    use isnad_time::calendar::civil_from_days;

    fn t(from: &str, to: Option<&str>, precision: u8, basis: &str) -> EventTime {
        EventTime {
            from: Some(from.into()),
            to: to.map(Into::into),
            grain: isnad_schema::Grain::Day,
            precision: Some(precision.try_into().unwrap()),
            basis: basis.parse().unwrap(),
            span: None,
        }
    }

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(1969, 12, 31), -1);
        for z in [-800_000, -1, 0, 59, 11_016, 19_684, 100_000] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(iso_day(days_from_civil(2024, 2, 29)), "2024-02-29");
    }

    #[test]
    fn parses_dates_and_datetimes() {
        let nov5 = days_from_civil(2023, 11, 5);
        assert_eq!(parse_day("2023-11-05"), Some((nov5, false)));
        assert_eq!(parse_day("2023-11-05T00:00:00"), Some((nov5, false)));
        assert_eq!(parse_day("2023-11-05T06:00:00"), Some((nov5, true)));
        assert_eq!(parse_day("2023-11-05T00:00:00+03:00"), Some((nov5, false)));
        assert_eq!(parse_day("2023-13-05"), None);
        assert_eq!(parse_day("2023"), None);
    }

    #[test]
    fn windows_by_basis_and_precision() {
        let nov5 = days_from_civil(2023, 11, 5);
        let w = window(Some(&t("2023-11-05", Some("2023-11-06"), 1, "clause")), None, 3, 62).unwrap();
        assert_eq!((w.lo, w.hi, w.pad, w.text), (nov5, nov5 + 1, 3, true));
        // A single day the text only places within a month may be weeks off.
        let w = window(Some(&t("2023-11-05", Some("2023-11-06"), 3, "context")), None, 3, 62).unwrap();
        assert_eq!(w.pad, 29);
        // A whole month already covers its uncertainty.
        let w = window(Some(&t("2023-11-01", Some("2023-12-01"), 3, "clause")), None, 3, 62).unwrap();
        assert_eq!((w.hi - w.lo, w.pad), (30, 3));
        // A year is too vague to merge.
        assert!(window(Some(&t("2023-01-01", Some("2024-01-01"), 3, "clause")), None, 3, 62).is_none());
        // Hours: the end day is entered.
        let w = window(Some(&t("2017-06-05T03:00:00", Some("2017-06-05T06:00:00"), 1, "clause")), None, 3, 62).unwrap();
        assert_eq!(w.hi - w.lo, 1);
        // The publication fallback is weak.
        let w = window(Some(&t("2023-11-23", None, 3, "publication")), None, 3, 62).unwrap();
        assert!(!w.text);
        let w = window(None, Some("2023-11-23T10:00:00Z"), 3, 62).unwrap();
        assert_eq!((w.lo, w.text), (days_from_civil(2023, 11, 23), false));
        assert!(window(None, None, 3, 62).is_none());
    }

    #[test]
    fn gaps_count_days_between_spans() {
        let w = |lo: i64, hi: i64| Window { lo, hi, pad: 3, text: true, precision: TimePrecision::Day };
        assert_eq!(w(5, 6).gap(&w(8, 9)), 3);
        assert_eq!(w(8, 9).gap(&w(5, 6)), 3);
        assert_eq!(w(5, 6).gap(&w(5, 6)), 0);
        assert_eq!(w(1, 31).gap(&w(14, 15)), 0);
        assert!(w(1, 31).overlaps(&w(14, 15)));
        assert!(!w(5, 6).overlaps(&w(6, 7)));
    }
}
