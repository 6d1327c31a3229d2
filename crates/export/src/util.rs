//! Shared by the writers: calendar arithmetic, stable hashes, event dates, names.

use isnad_schema::{ClusterRecord, Participant};
use isnad_time::calendar;

/// A calendar day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Day {
    pub y: i32,
    pub m: u32,
    pub d: u32,
}

fn days_in_month(y: i32, m: u32) -> u32 {
    calendar::days_in_month(i64::from(y), m)
}

impl Day {
    /// Days since 1970-01-01 (proleptic Gregorian).
    pub fn to_days(self) -> i64 {
        calendar::days_from_civil(i64::from(self.y), self.m, self.d)
    }

    /// The day `days` after 1970-01-01.
    pub fn from_days(days: i64) -> Day {
        let (y, m, d) = calendar::civil_from_days(days);
        Day { y: y.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32, m, d }
    }

    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

/// Reads the date at the start of an ISO 8601 value: `YYYY-MM-DD…`, or a
/// coarser `YYYY-MM` / `YYYY` (then the first day, and `coarse` is true).
pub(crate) fn parse_day(s: &str) -> Option<(Day, bool)> {
    let s = s.trim();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let p = s.get(r)?;
        (!p.is_empty() && p.bytes().all(|c| c.is_ascii_digit())).then(|| p.parse().ok()).flatten()
    };
    let y = digits(0..4)? as i32;
    let b = s.as_bytes();
    if b.len() == 4 {
        return Some((Day { y, m: 1, d: 1 }, true));
    }
    if b.get(4) != Some(&b'-') {
        return None;
    }
    let m = digits(5..7)?;
    if !(1..=12).contains(&m) {
        return None;
    }
    if b.len() == 7 {
        return Some((Day { y, m, d: 1 }, true));
    }
    if b.get(7) != Some(&b'-') {
        return None;
    }
    let d = digits(8..10)?;
    if d == 0 || d > days_in_month(y, m) {
        return None;
    }
    if b.len() > 10 && !matches!(b[10], b'T' | b' ') {
        return None;
    }
    Some((Day { y, m, d }, false))
}

/// Unix seconds of an ISO 8601 date or datetime (UTC when no zone is given).
pub(crate) fn unix_seconds(s: &str) -> Option<i64> {
    let s = s.trim();
    let (day, coarse) = parse_day(s)?;
    let mut secs = day.to_days() * 86_400;
    if coarse || s.len() <= 10 {
        return Some(secs);
    }
    let rest = &s[11..];
    let (clock, zone) = match rest.find(['Z', 'z', '+', '-']) {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let num =
        |p: &str| -> Option<i64> { (p.len() == 2 && p.bytes().all(|c| c.is_ascii_digit())).then(|| p.parse().ok())? };
    let mut parts = clock.split(':');
    let h = num(parts.next()?)?;
    let mi = num(parts.next()?)?;
    let sec = match parts.next() {
        Some(p) => num(p.split('.').next()?)?,
        None => 0,
    };
    if parts.next().is_some() || h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    secs += h * 3600 + mi * 60 + sec;
    if let Some(sign) = zone.strip_prefix('+').map(|z| (1, z)).or_else(|| zone.strip_prefix('-').map(|z| (-1, z))) {
        let (sign, z) = sign;
        let (zh, zm) = match z.split_once(':') {
            Some(parts) => parts,
            None if z.len() == 2 => (z, "00"),
            None => (z.get(..2)?, z.get(2..)?),
        };
        secs -= sign * (num(zh)? * 3600 + num(zm)? * 60);
    }
    Some(secs)
}

/// An ACLED precision (time or place) kept when 1–3; anything else is read
/// as the coarsest, 3.
pub(crate) fn precision(p: u8) -> u8 {
    if (1..=3).contains(&p) {
        p
    } else {
        3
    }
}

/// The date an export gives a cluster.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct EventDate {
    /// First day.
    pub day: Day,
    /// Last day (inclusive) when the time is an interval of several days.
    pub last: Option<Day>,
    /// ACLED time precision 1–3.
    pub precision: u8,
    /// Where the date comes from: `time` or `publication` (no time on the cluster).
    pub from_publication: bool,
}

/// The cluster's date: its time's `from` (with `to`, exclusive, giving the
/// last day), else its time's `to` less a day, else the earliest member
/// publication date; the two fallbacks lower the precision to 3 (a month).
pub(crate) fn event_date(c: &ClusterRecord) -> Option<EventDate> {
    if let Some(t) = &c.time {
        let precision = t.precision.map_or(3, isnad_schema::TimePrecision::number);
        if let Some((day, coarse)) = t.from.as_deref().and_then(parse_day) {
            let last =
                t.to.as_deref()
                    .and_then(parse_day)
                    .map(|(to, _)| Day::from_days(to.to_days() - 1))
                    .filter(|l| l.to_days() > day.to_days());
            let precision = if coarse { 3 } else { precision };
            return Some(EventDate {
                day,
                last,
                precision,
                from_publication: t.basis == isnad_schema::TimeBasis::Publication,
            });
        }
        if let Some((to, _)) = t.to.as_deref().and_then(parse_day) {
            let day = Day::from_days(to.to_days() - 1);
            return Some(EventDate { day, last: None, precision: 3, from_publication: false });
        }
    }
    let day = c.members.iter().filter_map(|m| m.published.as_deref().and_then(parse_day)).map(|(d, _)| d).min()?;
    Some(EventDate { day, last: None, precision: 3, from_publication: true })
}

/// The latest member publication as Unix seconds, else the event date's midnight (UTC).
pub(crate) fn cluster_timestamp(c: &ClusterRecord) -> Option<i64> {
    c.members
        .iter()
        .filter_map(|m| m.published.as_deref().and_then(unix_seconds))
        .max()
        .or_else(|| event_date(c).map(|d| d.day.to_days() * 86_400))
}

/// English display name of a participant (the linked actor's name, else as written).
pub(crate) fn participant_name(p: &Participant) -> &str {
    match &p.actor {
        Some(a) if !a.name.trim().is_empty() => a.name.trim(),
        _ => p.name.trim(),
    }
}

/// Names of participants, in order, without repeats.
pub(crate) fn names(ps: &[Participant]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for p in ps {
        let n = participant_name(p);
        if !n.is_empty() && !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

/// Collapses whitespace runs into one space and trims.
pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// At most `max` characters, with an ellipsis when cut.
pub(crate) fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// A finite coordinate pair inside the WGS 84 ranges.
pub(crate) fn coordinates(lat: f64, lon: f64) -> Option<(f64, f64)> {
    (lat.is_finite() && lon.is_finite() && (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon))
        .then_some((lat, lon))
}

/// Distinct member outlets, in order of first appearance.
pub(crate) fn outlets(c: &ClusterRecord) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for m in &c.members {
        if let Some(o) = m.outlet.as_deref().map(str::trim).filter(|o| !o.is_empty()) {
            if !out.contains(&o) {
                out.push(o);
            }
        }
    }
    out
}

/// A count as a whole, non-negative number (0 when absent or not finite).
pub(crate) fn whole_count(c: &ClusterRecord, key: &str) -> u64 {
    match c.counts.get(key) {
        Some(v) if v.is_finite() && *v > 0.0 => v.round().min(u64::MAX as f64) as u64,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_round_trips() {
        for days in [-800_000, -1, 0, 1, 11_016, 19_684, 60_000] {
            assert_eq!(Day::from_days(days).to_days(), days);
        }
        assert_eq!(Day { y: 1970, m: 1, d: 1 }.to_days(), 0);
        assert_eq!(Day { y: 2023, m: 11, d: 23 }.to_days(), 19_684);
        assert_eq!(Day::from_days(Day { y: 2024, m: 3, d: 1 }.to_days() - 1).iso(), "2024-02-29");
    }

    #[test]
    fn dates_and_timestamps() {
        assert_eq!(parse_day("2023-11-23"), Some((Day { y: 2023, m: 11, d: 23 }, false)));
        assert_eq!(parse_day("2023-11"), Some((Day { y: 2023, m: 11, d: 1 }, true)));
        assert_eq!(parse_day("2023-02-30"), None);
        assert_eq!(parse_day("٢٠٢٣-١١-٢٣"), None);
        assert_eq!(parse_day(""), None);
        assert_eq!(unix_seconds("2023-11-23"), Some(1_700_697_600));
        assert_eq!(unix_seconds("2023-11-23T08:30Z"), Some(1_700_697_600 + 8 * 3600 + 1800));
        assert_eq!(unix_seconds("2023-11-23T08:30:00+03:00"), Some(1_700_697_600 + 5 * 3600 + 1800));
        assert_eq!(unix_seconds("2023-11-23T08:30:00.250-01:00"), Some(1_700_697_600 + 9 * 3600 + 1800));
        assert_eq!(unix_seconds("2023-11-23T8:30"), None);
        assert_eq!(unix_seconds("2023-11-23T08:30+0300"), unix_seconds("2023-11-23T08:30+03:00"));
        assert_eq!(unix_seconds("2023-11-23T08:30+03"), unix_seconds("2023-11-23T05:30Z"));
        assert_eq!(unix_seconds("2023-11-23T08:30+3"), None);
        assert_eq!((precision(0), precision(1), precision(3), precision(7)), (3, 1, 3, 3));
    }

    #[test]
    fn clipping_respects_characters() {
        assert_eq!(clip("اتفاق الحوثيين", 5), "اتفاق…");
        assert_eq!(clip("abc", 3), "abc");
        assert_eq!(one_line(" a \n b\t c "), "a b c");
    }
}
