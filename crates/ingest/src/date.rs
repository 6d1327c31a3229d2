//! Publication dates to ISO 8601.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, Utc};

/// Why a date string was not kept.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum DateIssue {
    /// Day and month could be either way round (`03/04/2024`).
    Ambiguous,
    /// Not a date in any known form.
    Unreadable,
}

/// Normalises a date to `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]`,
/// keeping the offset written in the input.
pub(crate) fn normalize(raw: &str) -> Result<String, DateIssue> {
    let s = ascii_digits(raw.trim());
    let s = s.trim();
    if s.is_empty() || s.len() > 100 {
        return Err(DateIssue::Unreadable);
    }
    if let Ok(iso) = isnad_schema::parse_published(s) {
        return Ok(iso);
    }
    if let Some(iso) = rfc3339_like(s) {
        return Ok(iso);
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Ok(with_offset(&dt));
    }
    // RFC 2822 with a zone name chrono does not know ("… 10:00:00 AST").
    if let Some((head, zone)) = s.rsplit_once(' ') {
        if zone.len() <= 5 && zone.bytes().all(|b| b.is_ascii_alphabetic()) {
            if let Ok(dt) = NaiveDateTime::parse_from_str(head, "%a, %d %b %Y %H:%M:%S")
                .or_else(|_| NaiveDateTime::parse_from_str(head, "%d %b %Y %H:%M:%S"))
            {
                return Ok(dt.format("%Y-%m-%dT%H:%M:%S").to_string());
            }
        }
    }
    numeric(s).or_else(|e| named_month(s).ok_or(e))
}

/// Formats a UTC timestamp (feeds) the same way.
pub(crate) fn from_utc(dt: &DateTime<Utc>) -> String {
    dt.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The instant of a normalised date (a date alone, or a time without an
/// offset, is taken as UTC), for parsers that need one.
pub(crate) fn to_utc(iso: &str) -> Option<DateTime<Utc>> {
    if let Ok(d) = NaiveDate::parse_from_str(iso, "%Y-%m-%d") {
        return d.and_hms_opt(0, 0, 0).map(|dt| dt.and_utc());
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(iso) {
        return Some(dt.with_timezone(&Utc));
    }
    if let Ok(dt) = DateTime::parse_from_str(iso, "%Y-%m-%dT%H:%M%:z") {
        return Some(dt.with_timezone(&Utc));
    }
    let naive = NaiveDateTime::parse_from_str(iso, "%Y-%m-%dT%H:%M:%S%.f")
        .or_else(|_| NaiveDateTime::parse_from_str(iso, "%Y-%m-%dT%H:%M"))
        .ok()?;
    Some(naive.and_utc())
}

fn with_offset(dt: &DateTime<FixedOffset>) -> String {
    if dt.offset().local_minus_utc() == 0 {
        dt.format("%Y-%m-%dT%H:%M:%SZ").to_string()
    } else {
        dt.format("%Y-%m-%dT%H:%M:%S%:z").to_string()
    }
}

/// Arabic-Indic and Persian digits to ASCII.
fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
            '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
            _ => c,
        })
        .collect()
}

/// ISO-like datetimes that `parse_published` refuses: offsets without a
/// colon (`+0300`), fractional seconds with an offset, a trailing ` UTC`.
fn rfc3339_like(s: &str) -> Option<String> {
    let s = s.strip_suffix(" UTC").or_else(|| s.strip_suffix(" GMT")).map_or(s.to_string(), |b| format!("{b}Z"));
    if let Ok(dt) = DateTime::parse_from_rfc3339(&s) {
        return Some(with_offset(&dt));
    }
    for f in ["%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%d %H:%M:%S%.f%z", "%Y-%m-%dT%H:%M%z"] {
        if let Ok(dt) = DateTime::parse_from_str(&s, f) {
            return Some(with_offset(&dt));
        }
    }
    for f in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f"] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(&s, f) {
            return Some(dt.format("%Y-%m-%dT%H:%M:%S").to_string());
        }
    }
    None
}

/// `YYYY/MM/DD`, `YYYY.MM.DD`, `DD/MM/YYYY`, `DD-MM-YYYY`, `DD.MM.YYYY`,
/// optionally followed by a time `HH:MM[:SS]`.
fn numeric(s: &str) -> Result<String, DateIssue> {
    let (date_part, time_part) = match s.split_once([' ', 'T']) {
        Some((d, t)) => (d, Some(t.trim())),
        None => (s, None),
    };
    let parts: Vec<&str> = date_part.split(['/', '-', '.']).collect();
    let [a, b, c] = parts.as_slice() else { return Err(DateIssue::Unreadable) };
    let digits = |p: &str, lens: &[usize]| lens.contains(&p.len()) && p.bytes().all(|x| x.is_ascii_digit());
    let (y, m, d) = if digits(a, &[4]) && digits(b, &[1, 2]) && digits(c, &[1, 2]) {
        (num(a), num(b), num(c))
    } else if digits(a, &[1, 2]) && digits(b, &[1, 2]) && digits(c, &[4]) {
        let (first, second) = (num(a), num(b));
        if first > 12 && second <= 12 {
            (num(c), second, first)
        } else if second > 12 && first <= 12 {
            (num(c), first, second)
        } else if first == second {
            (num(c), first, first)
        } else {
            return Err(DateIssue::Ambiguous);
        }
    } else {
        return Err(DateIssue::Unreadable);
    };
    let date = NaiveDate::from_ymd_opt(y as i32, m, d).ok_or(DateIssue::Unreadable)?;
    let day = date.format("%Y-%m-%d").to_string();
    match time_part {
        None | Some("") => Ok(day),
        Some(t) => {
            let clock: Vec<&str> = t.split(':').collect();
            let ok = |p: &str, max: u32| p.len() == 2 && p.bytes().all(|x| x.is_ascii_digit()) && num(p) <= max;
            match clock.as_slice() {
                [h, mi] if ok(h, 23) && ok(mi, 59) => Ok(format!("{day}T{h}:{mi}")),
                [h, mi, sec] if ok(h, 23) && ok(mi, 59) && ok(sec, 59) => Ok(format!("{day}T{h}:{mi}:{sec}")),
                // A time we cannot read: the day alone is still right.
                _ => Ok(day),
            }
        }
    }
}

fn num(p: &str) -> u32 {
    p.parse().unwrap_or(0)
}

/// English month names.
const MONTHS: [(&str, u32); 13] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("sept", 9),
];

/// The month named at the start of `words` and the number of words it
/// takes: an English name or its first three letters, or an Arabic Gregorian
/// name from the time layer's month list (`data/time/months.tsv`: Egyptian,
/// Gulf, Levantine and Maghrebi forms, several words for some).
fn month_at(words: &[&str]) -> Option<(u32, usize)> {
    let trimmed: Vec<&str> = words.iter().map(|w| w.trim_matches(|c: char| c == '.' || c == ',')).collect();
    let w = trimmed.first()?.to_lowercase();
    if w.is_empty() {
        return None;
    }
    if let Some(&(_, m)) = MONTHS.iter().find(|(name, _)| *name == w) {
        return Some((m, 1));
    }
    // English abbreviations: the first three letters.
    if w.len() == 3 && w.is_ascii() {
        return MONTHS[..12].iter().find(|(name, _)| name.starts_with(&w)).map(|&(_, m)| (m, 1));
    }
    // The embedded list is checked by the time crate's tests; were it
    // unreadable, an Arabic month name would leave the date unreadable.
    let lex = isnad_time::TimeLexicon::embedded().ok()?;
    lex.gregorian_month(&trimmed).map(|(m, n)| (u32::from(m), n))
}

/// `5 March 2024`, `March 5, 2024`, `Tue, 5 Mar 2024`, `5 مارس 2024`,
/// `الثلاثاء 5 كانون الثاني 2024`: a day, a month name and a year, in any
/// order; a leading weekday and a trailing time are ignored.
fn named_month(s: &str) -> Option<String> {
    let cleaned: String = s.chars().map(|c| if c == ',' || c == '،' { ' ' } else { c }).collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let (mut day, mut month, mut year) = (None, None, None);
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        // The longest name first (تشرين الثاني).
        if let Some((m, n)) = month_at(&words[i..]) {
            month = month.or(Some(m));
            i += n;
            continue;
        }
        if w.bytes().all(|b| b.is_ascii_digit()) && !w.is_empty() {
            match w.len() {
                1 | 2 if day.is_none() => day = Some(num(w)),
                4 if year.is_none() => year = Some(num(w)),
                _ => return None,
            }
        } else if w.contains(':') {
            // A time of day: ignored.
        }
        i += 1;
    }
    let date = NaiveDate::from_ymd_opt(year? as i32, month?, day?)?;
    Some(date.format("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_forms_pass_through() {
        assert_eq!(normalize("2024-03-05").unwrap(), "2024-03-05");
        assert_eq!(normalize(" 2024-03-05T10:20:30+03:00 ").unwrap(), "2024-03-05T10:20:30+03:00");
        assert_eq!(normalize("2024-03-05 10:20").unwrap(), "2024-03-05T10:20");
        assert_eq!(normalize("2024-03-05T10:20:30.250Z").unwrap(), "2024-03-05T10:20:30.250Z");
    }

    #[test]
    fn rfc3339_variants_and_rfc2822() {
        assert_eq!(normalize("2024-03-05T10:20:30+0300").unwrap(), "2024-03-05T10:20:30+03:00");
        assert_eq!(normalize("2024-03-05T10:20:30.5+0000").unwrap(), "2024-03-05T10:20:30Z");
        assert_eq!(normalize("2024-03-05 10:20:30 UTC").unwrap(), "2024-03-05T10:20:30Z");
        assert_eq!(normalize("Tue, 05 Mar 2024 10:20:30 +0300").unwrap(), "2024-03-05T10:20:30+03:00");
        assert_eq!(normalize("Tue, 05 Mar 2024 10:20:30 GMT").unwrap(), "2024-03-05T10:20:30Z");
        assert_eq!(normalize("Tue, 05 Mar 2024 10:20:30 AST").unwrap(), "2024-03-05T10:20:30");
    }

    #[test]
    fn numeric_dates_only_when_unambiguous() {
        assert_eq!(normalize("2024/03/05").unwrap(), "2024-03-05");
        assert_eq!(normalize("2024.3.5 08:15").unwrap(), "2024-03-05T08:15");
        assert_eq!(normalize("25/03/2024").unwrap(), "2024-03-25");
        assert_eq!(normalize("03/25/2024").unwrap(), "2024-03-25");
        assert_eq!(normalize("05-05-2024").unwrap(), "2024-05-05");
        assert_eq!(normalize("03/04/2024"), Err(DateIssue::Ambiguous));
        assert_eq!(normalize("31/02/2024"), Err(DateIssue::Unreadable));
        assert_eq!(normalize("٢٥/٠٣/٢٠٢٤").unwrap(), "2024-03-25");
    }

    #[test]
    fn month_names() {
        assert_eq!(normalize("March 5, 2024").unwrap(), "2024-03-05");
        assert_eq!(normalize("5 Mar 2024").unwrap(), "2024-03-05");
        assert_eq!(normalize("5 مارس 2024").unwrap(), "2024-03-05");
        assert_eq!(normalize("الثلاثاء ٥ كانون الثاني ٢٠٢٤").unwrap(), "2024-01-05");
        assert_eq!(normalize("1 أيلول 2023 - 10:30").unwrap(), "2023-09-01");
    }

    #[test]
    fn arabic_month_names_follow_the_time_layer_month_list() {
        // Spellings folded by search key, a two-word Levantine name, a Maghrebi name.
        let dates = [
            ("5 ابريل 2024", "2024-04-05"),
            ("5 إبريل 2024", "2024-04-05"),
            ("12 تشرين الأول 2023", "2023-10-12"),
            ("12 تشرين الأول. 2023", "2023-10-12"),
            ("3 جوان 2024", "2024-06-03"),
        ];
        for (written, iso) in dates {
            assert_eq!(normalize(written).as_deref(), Ok(iso), "{written}");
        }
        assert!(normalize("5 رمضان 1445").is_err(), "a Hijri month is not a Gregorian date");
    }

    #[test]
    fn instants() {
        let utc = |s: &str| to_utc(s).map(|d| from_utc(&d));
        assert_eq!(utc("2024-03-05").as_deref(), Some("2024-03-05T00:00:00Z"));
        assert_eq!(utc("2024-03-05T01:30:00+03:00").as_deref(), Some("2024-03-04T22:30:00Z"));
        assert_eq!(utc("2024-03-05T01:30+03:00").as_deref(), Some("2024-03-04T22:30:00Z"));
        assert_eq!(utc("2024-03-05T01:30").as_deref(), Some("2024-03-05T01:30:00Z"));
        assert_eq!(utc("2024-03-05T01:30:15.5").as_deref(), Some("2024-03-05T01:30:15Z"));
    }

    #[test]
    fn garbage_is_refused() {
        for s in ["", "yesterday", "2024", "منذ ساعتين", "99/99/9999", "2024-13-01", "12345678901234567890"] {
            assert!(normalize(s).is_err(), "{s}");
        }
    }
}
