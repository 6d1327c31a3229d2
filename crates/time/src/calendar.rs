//! Civil (proleptic Gregorian) date arithmetic and the Umm al-Qura Hijri
//! calendar.
//!
//! Days are counted from 1970-01-01 (day 0). Weekdays are ISO numbers,
//! 1 = Monday … 7 = Sunday. Weeks start on Monday (ISO, as Duckling does).

/// Seconds in a day.
pub const DAY: i64 = 86_400;

/// Days from 1970-01-01 to `y-m-d` (H. Hinnant's algorithm). `m` in 1..=12,
/// `d` in 1..=31; out-of-range days simply roll over.
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400; // [0, 399]
    let m = m as i64;
    let mp = (m + 9) % 12; // March = 0
    let doy = (153 * mp + 2) / 5 + d as i64 - 1; // [0, 365]
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; // [0, 146096]
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number: (year, month, day).
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// True for Gregorian leap years.
pub fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Days in a Gregorian month (`m` in 1..=12).
pub fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(y) => 29,
        _ => 28,
    }
}

/// ISO weekday of a day number: 1 = Monday … 7 = Sunday.
pub fn weekday(days: i64) -> u32 {
    // 1970-01-01 was a Thursday (4).
    ((days + 3).rem_euclid(7) + 1) as u32
}

/// The Monday starting the week that contains `days`.
pub fn week_start(days: i64) -> i64 {
    days - (weekday(days) as i64 - 1)
}

/// Adds `delta` months to a (year, month) pair.
pub fn add_months(y: i64, m: u32, delta: i64) -> (i64, u32) {
    let idx = y * 12 + (m as i64 - 1) + delta;
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u32)
}

/// The same day of the month `delta` months later, clamped to the month's end.
pub fn add_months_to_day(days: i64, delta: i64) -> i64 {
    let (y, m, d) = civil_from_days(days);
    let (y2, m2) = add_months(y, m, delta);
    days_from_civil(y2, m2, d.min(days_in_month(y2, m2)))
}

/// Western Easter Sunday of year `y` (anonymous Gregorian computus).
pub fn easter(y: i64) -> i64 {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    days_from_civil(y, month as u32, day as u32)
}

/// English month names, for messages.
pub const GREGORIAN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Transliterated Hijri month names, for messages.
pub const HIJRI_MONTHS: [&str; 12] = [
    "Muharram",
    "Safar",
    "Rabi al-Awwal",
    "Rabi al-Thani",
    "Jumada al-Ula",
    "Jumada al-Akhira",
    "Rajab",
    "Shaban",
    "Ramadan",
    "Shawwal",
    "Dhu al-Qada",
    "Dhu al-Hijja",
];

/// English weekday names (index 0 = Monday), for messages.
pub const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// Formats a day number as `YYYY-MM-DD`.
pub fn fmt_day(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The Umm al-Qura calendar as a table of month starts.
#[derive(Debug, Clone, Default)]
pub struct Hijri {
    /// The first Hijri year of the table.
    pub first_year: i64,
    /// Day number of the start of every month, 12 per year, plus the start
    /// of the year after the last.
    pub starts: Vec<i64>,
}

impl Hijri {
    /// The last Hijri year of the table.
    pub fn last_year(&self) -> i64 {
        self.first_year + (self.starts.len() as i64 - 1) / 12 - 1
    }

    fn index(&self, y: i64, m: u32) -> Option<usize> {
        if !(1..=12).contains(&m) || y < self.first_year || y > self.last_year() {
            return None;
        }
        Some(((y - self.first_year) * 12 + m as i64 - 1) as usize)
    }

    /// The days [start, end) of Hijri month `m` of year `y`.
    pub fn month_range(&self, y: i64, m: u32) -> Option<(i64, i64)> {
        let i = self.index(y, m)?;
        Some((self.starts[i], self.starts[i + 1]))
    }

    /// The days [start, end) of Hijri year `y`.
    pub fn year_range(&self, y: i64) -> Option<(i64, i64)> {
        let a = self.month_range(y, 1)?;
        let b = self.month_range(y, 12)?;
        Some((a.0, b.1))
    }

    /// The day number of a Hijri date; `None` outside the table or when
    /// the month has no such day.
    pub fn to_days(&self, y: i64, m: u32, d: u32) -> Option<i64> {
        let (s, e) = self.month_range(y, m)?;
        let day = s + d as i64 - 1;
        (d >= 1 && day < e).then_some(day)
    }

    /// The Hijri date (year, month, day) of a day number.
    pub fn from_days(&self, days: i64) -> Option<(i64, u32, u32)> {
        let n = self.starts.len();
        if n < 2 || days < self.starts[0] || days >= self.starts[n - 1] {
            return None;
        }
        // Index of the last month start <= days.
        let i = self.starts.partition_point(|&s| s <= days) - 1;
        let y = self.first_year + (i / 12) as i64;
        let m = (i % 12) as u32 + 1;
        Some((y, m, (days - self.starts[i]) as u32 + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip_and_known_days() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        for z in (-800_000..800_000).step_by(997) {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
            assert!(d >= 1 && d <= days_in_month(y, m));
        }
        assert_eq!(fmt_day(days_from_civil(2023, 11, 23)), "2023-11-23");
    }

    #[test]
    fn weekdays_and_weeks() {
        let thu = days_from_civil(2023, 11, 23);
        assert_eq!(weekday(thu), 4);
        assert_eq!(weekday(days_from_civil(2013, 2, 12)), 2); // Tuesday
        assert_eq!(fmt_day(week_start(thu)), "2023-11-20");
        assert_eq!(week_start(days_from_civil(2023, 11, 20)), days_from_civil(2023, 11, 20));
        assert_eq!(fmt_day(week_start(days_from_civil(2023, 11, 26))), "2023-11-20");
    }

    #[test]
    fn leap_years_and_month_lengths() {
        assert!(is_leap(2024) && is_leap(2000) && !is_leap(1900) && !is_leap(2023));
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2023, 2), 28);
        assert_eq!(add_months(2023, 11, 3), (2024, 2));
        assert_eq!(add_months(2023, 1, -1), (2022, 12));
        assert_eq!(fmt_day(add_months_to_day(days_from_civil(2023, 3, 31), -1)), "2023-02-28");
    }

    #[test]
    fn easter_sundays() {
        assert_eq!(fmt_day(easter(2013)), "2013-03-31");
        assert_eq!(fmt_day(easter(2024)), "2024-03-31");
        assert_eq!(fmt_day(easter(2019)), "2019-04-21");
        assert_eq!(weekday(easter(2031)), 7);
    }
}
