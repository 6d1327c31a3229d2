//! The time layer's editable data: month, weekday, unit, relative, part-of-
//! period, day-part, holiday and cue words, and the Umm al-Qura table. The
//! files live under `data/time/`, are embedded at build time and parsed once.
//!
//! Every form is stored under the search key of its first word (see
//! [`isnad_text::search_key`]); further words of a phrase are compared by
//! their search keys too.

use std::collections::HashMap;
use std::sync::OnceLock;

use isnad_text::lexicon::data_lines;
use isnad_text::{search_key, LoadError};
use rustc_hash::FxHashMap;

use crate::calendar::{days_from_civil, Hijri};

/// A calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cal {
    /// Proleptic Gregorian.
    Gregorian,
    /// Umm al-Qura Hijri.
    Hijri,
}

/// A unit of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unit {
    /// Second.
    Second,
    /// Minute.
    Minute,
    /// Hour.
    Hour,
    /// Day.
    Day,
    /// Week.
    Week,
    /// Month.
    Month,
    /// Year.
    Year,
    /// A hundred years.
    Century,
}

impl Unit {
    fn parse(s: &str) -> Option<Unit> {
        Some(match s {
            "second" => Unit::Second,
            "minute" => Unit::Minute,
            "hour" => Unit::Hour,
            "day" => Unit::Day,
            "week" => Unit::Week,
            "month" => Unit::Month,
            "year" => Unit::Year,
            "century" => Unit::Century,
            _ => return None,
        })
    }

    /// English name.
    pub fn name(self) -> &'static str {
        match self {
            Unit::Second => "second",
            Unit::Minute => "minute",
            Unit::Hour => "hour",
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Month => "month",
            Unit::Year => "year",
            Unit::Century => "century",
        }
    }
}

/// Grammatical number of a unit form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Count {
    /// Singular.
    One,
    /// Dual.
    Two,
    /// Plural.
    Many,
}

/// A relative modifier (الماضي، المقبل، الجاري، الأخير).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mod {
    /// The one before.
    Past,
    /// The one after.
    Next,
    /// The current one.
    Current,
    /// The latest one up to the reference.
    Last,
}

/// am/pm reading of a day part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Meridiem {
    /// Before noon (12 becomes 0).
    Am,
    /// After noon (1–11 become 13–23).
    Pm,
    /// Around noon (12 stays, 1–5 become 13–17).
    Noon,
}

/// What a cue word does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// في، عند، بتاريخ.
    In,
    /// من.
    From,
    /// إلى، حتى.
    To,
    /// بين.
    Between,
    /// منذ.
    Since,
    /// قبل.
    Ago,
    /// بعد.
    After,
    /// خلال.
    Within,
    /// لمدة.
    For,
    /// كل.
    Every,
    /// يومياً …
    Set(Unit),
    /// حوالي.
    Hedge,
    /// أكثر (true) / أقل (false).
    Comparative(bool),
    /// آخر.
    Last,
    /// إلا.
    Minus,
    /// نصف، ربع، ثلث: minutes.
    Fraction(u8),
    /// A clock hour word.
    Hour(u8),
    /// An era marker.
    Era(Cal),
    /// بتوقيت.
    TzMarker,
    /// A time zone: UTC offset in minutes.
    Tz(i16),
    /// سوف، من المقرر.
    Future,
    /// كامل.
    Whole,
    /// المبارك.
    Blessed,
    /// الفترة.
    Period,
    /// تمام.
    Sharp,
    /// الموافق.
    WithDate,
    /// A phrase never tagged.
    Block,
    /// A dual in construct before two numbers (عامي 2014 و2015).
    Pair(Unit),
    /// ذلك، نفس: the relative word that follows (or precedes) is anaphoric.
    Anaphor,
    /// الذي between يوم and a relative day.
    Filler,
    /// كلا before الاثنين ("the two").
    Both,
    /// واحد after a unit.
    One,
    /// على after a duration: measured from an event.
    Event,
}

/// A holiday's calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HolidayCal {
    /// A Hijri month and day.
    Hijri,
    /// A Gregorian month and day.
    Gregorian,
    /// Western Easter Sunday.
    Easter,
}

/// A holiday.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holiday {
    /// Its name as written in the data.
    pub name: String,
    /// Its calendar.
    pub cal: HolidayCal,
    /// Month (0 for Easter).
    pub month: u32,
    /// Day (0 for Easter).
    pub day: u32,
    /// Length in days; `None` for the whole Hijri month.
    pub days: Option<u32>,
    /// Read without context.
    pub standalone: bool,
}

/// The ranges a part-of-period word gives in a month (days; 0 = the last
/// day) and in a year (months).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Part {
    /// (from, to) days of a month.
    pub month: Option<(u32, u32)>,
    /// (from, to) months of a year.
    pub year: Option<(u32, u32)>,
}

/// A part of the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DayPart {
    /// am/pm reading for clock times.
    pub meridiem: Meridiem,
    /// First hour.
    pub from: u32,
    /// Hour after the last (≤ 24).
    pub to: u32,
}

/// What a form means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    /// A month name.
    Month {
        /// Calendar.
        cal: Cal,
        /// 1–12.
        month: u8,
        /// Read without context.
        standalone: bool,
    },
    /// A weekday (ISO number).
    Weekday(u8),
    /// A unit noun.
    Unit(Unit, Count),
    /// A day relative to the reference.
    Day(i8),
    /// Now.
    Now,
    /// Tonight.
    Tonight,
    /// A modifier.
    Mod(Mod),
    /// هذا، هذه.
    This,
    /// A part-of-period word (index into [`TimeLexicon::parts`]).
    Part(u16),
    /// A part of the day (index into [`TimeLexicon::dayparts`]).
    DayPart(u16),
    /// A holiday (index into [`TimeLexicon::holidays`]).
    Holiday(u16),
    /// A cue.
    Cue(Role),
}

/// One form: the search keys of its words after the first, and its meaning.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Search keys of the following words.
    pub rest: Box<[Box<str>]>,
    /// Meaning.
    pub item: Item,
}

/// All the time layer's data.
#[derive(Debug, Default)]
pub struct TimeLexicon {
    /// First-word search key → forms starting with it.
    pub words: FxHashMap<Box<str>, Vec<Entry>>,
    /// Part-of-period words.
    pub parts: Vec<Part>,
    /// Day parts.
    pub dayparts: Vec<DayPart>,
    /// Holidays.
    pub holidays: Vec<Holiday>,
    /// The Umm al-Qura calendar.
    pub hijri: Hijri,
}

/// The data files, by name under `data/time/`.
pub const FILES: [&str; 9] = [
    "months.tsv",
    "weekdays.tsv",
    "units.tsv",
    "relative.tsv",
    "parts.tsv",
    "dayparts.tsv",
    "holidays.tsv",
    "cues.tsv",
    "ummalqura.tsv",
];

const EMBEDDED: [&str; 9] = [
    include_str!("../../../data/time/months.tsv"),
    include_str!("../../../data/time/weekdays.tsv"),
    include_str!("../../../data/time/units.tsv"),
    include_str!("../../../data/time/relative.tsv"),
    include_str!("../../../data/time/parts.tsv"),
    include_str!("../../../data/time/dayparts.tsv"),
    include_str!("../../../data/time/holidays.tsv"),
    include_str!("../../../data/time/cues.tsv"),
    include_str!("../../../data/time/ummalqura.tsv"),
];

fn err(file: &str, line: usize, message: impl Into<String>) -> LoadError {
    LoadError::new(file, line, message)
}

fn columns<'a>(file: &str, line: usize, cols: Vec<&'a str>, n: usize) -> Result<Vec<&'a str>, LoadError> {
    Ok(isnad_text::lexicon::columns(file, line, cols, n)?.into_iter().map(str::trim).collect())
}

fn number<T: std::str::FromStr>(file: &str, line: usize, what: &str, s: &str) -> Result<T, LoadError> {
    s.parse().map_err(|_| err(file, line, format!("bad {what} {s:?}")))
}

fn in_range(file: &str, line: usize, what: &str, v: u32, lo: u32, hi: u32) -> Result<u32, LoadError> {
    if (lo..=hi).contains(&v) {
        Ok(v)
    } else {
        Err(err(file, line, format!("{what} {v} is outside {lo}-{hi}")))
    }
}

impl TimeLexicon {
    /// The lexicon embedded at build time (parsed once).
    pub fn embedded() -> &'static TimeLexicon {
        static LEX: OnceLock<TimeLexicon> = OnceLock::new();
        LEX.get_or_init(|| {
            let files: Vec<(&str, &str)> = FILES.iter().copied().zip(EMBEDDED).collect();
            // The embedded files are checked by this crate's tests.
            TimeLexicon::parse(&files).unwrap_or_else(|e| panic!("embedded time lexicon is malformed: {e}"))
        })
    }

    /// Adds a form; the same form with another meaning in the same file is an error.
    fn add(&mut self, file: &str, line: usize, form: &str, item: Item) -> Result<(), LoadError> {
        let mut words = form.split_whitespace().map(search_key);
        let Some(first) = words.next().filter(|w| !w.is_empty()) else {
            return Err(err(file, line, format!("form {form:?} has no letters")));
        };
        let rest: Box<[Box<str>]> = words.map(String::into_boxed_str).collect();
        let list = self.words.entry(first.into_boxed_str()).or_default();
        // Two meanings of one kind (two months, two units) contradict each other;
        // a word may well have several roles (الي: "to" and "who").
        let same_kind = |a: &Item, b: &Item| match (a, b) {
            (Item::Cue(x), Item::Cue(y)) => std::mem::discriminant(x) == std::mem::discriminant(y),
            _ => std::mem::discriminant(a) == std::mem::discriminant(b),
        };
        if let Some(old) = list.iter().find(|e| e.rest == rest && same_kind(&e.item, &item)) {
            if old.item != item {
                return Err(err(file, line, format!("form {form:?} folds onto an earlier form with another meaning")));
            }
            return Ok(());
        }
        list.push(Entry { rest, item });
        Ok(())
    }

    /// Parses the files, given in the order of [`FILES`] as (name, content).
    pub fn parse(files: &[(&str, &str)]) -> Result<TimeLexicon, LoadError> {
        let [months, weekdays, units, relative, parts, dayparts, holidays, cues, uq] = files else {
            return Err(err("time lexicon", 0, format!("expected {} files", FILES.len())));
        };
        let mut lex = TimeLexicon::default();
        let yes_no = |f: &str, line: usize, s: &str| match s {
            "yes" => Ok(true),
            "no" => Ok(false),
            other => Err(err(f, line, format!("expected yes or no, found {other:?}"))),
        };

        let (f, text) = *months;
        for row in data_lines(f, text, Some("form\tcalendar\tmonth\tstandalone")) {
            let (line, cols) = row?;
            let c = columns(f, line, cols, 4)?;
            let cal = match c[1] {
                "gregorian" => Cal::Gregorian,
                "hijri" => Cal::Hijri,
                other => return Err(err(f, line, format!("unknown calendar {other:?}"))),
            };
            let month = in_range(f, line, "month", number(f, line, "month", c[2])?, 1, 12)? as u8;
            let standalone = yes_no(f, line, c[3])?;
            lex.add(f, line, c[0], Item::Month { cal, month, standalone })?;
        }

        let (f, text) = *weekdays;
        for row in data_lines(f, text, Some("form\tweekday")) {
            let (line, cols) = row?;
            let c = columns(f, line, cols, 2)?;
            let wd = in_range(f, line, "weekday", number(f, line, "weekday", c[1])?, 1, 7)? as u8;
            lex.add(f, line, c[0], Item::Weekday(wd))?;
        }

        let (f, text) = *units;
        for row in data_lines(f, text, Some("form\tunit\tcount")) {
            let (line, cols) = row?;
            let c = columns(f, line, cols, 3)?;
            let unit = Unit::parse(c[1]).ok_or_else(|| err(f, line, format!("unknown unit {:?}", c[1])))?;
            let count = match c[2] {
                "1" => Count::One,
                "2" => Count::Two,
                "n" => Count::Many,
                other => return Err(err(f, line, format!("count must be 1, 2 or n, not {other:?}"))),
            };
            lex.add(f, line, c[0], Item::Unit(unit, count))?;
        }

        let (f, text) = *relative;
        for row in data_lines(f, text, Some("form\ttype\tvalue")) {
            let (line, cols) = row?;
            let c = columns(f, line, cols, 3)?;
            let item = match (c[1], c[2]) {
                ("day", v) => {
                    let off: i8 = number(f, line, "day offset", v)?;
                    Item::Day(off)
                }
                ("now", "-") => Item::Now,
                ("tonight", "-") => Item::Tonight,
                ("this", "-") => Item::This,
                ("mod", v) => Item::Mod(match v {
                    "past" => Mod::Past,
                    "next" => Mod::Next,
                    "current" => Mod::Current,
                    "last" => Mod::Last,
                    other => return Err(err(f, line, format!("unknown modifier {other:?}"))),
                }),
                (t, v) => return Err(err(f, line, format!("unknown type/value {t:?} {v:?}"))),
            };
            lex.add(f, line, c[0], item)?;
        }

        let (f, text) = *parts;
        let mut part_ids: HashMap<String, u16> = HashMap::new();
        for row in data_lines(f, text, Some("form\tperiod\tfrom\tto")) {
            let (line, cols) = row?;
            let c = columns(f, line, cols, 4)?;
            let (hi, end) = match c[1] {
                "month" => (31, 0),
                "year" => (12, 12),
                other => return Err(err(f, line, format!("period must be month or year, not {other:?}"))),
            };
            let from = in_range(f, line, "from", number(f, line, "from", c[2])?, 1, hi)?;
            let to = if c[3] == "end" { end } else { in_range(f, line, "to", number(f, line, "to", c[3])?, 1, hi)? };
            if to != 0 && to < from {
                return Err(err(f, line, format!("to {to} is before from {from}")));
            }
            let key = search_key(c[0]);
            let id = match part_ids.get(&key) {
                Some(&id) => id,
                None => {
                    let id = lex.parts.len() as u16;
                    lex.parts.push(Part::default());
                    part_ids.insert(key, id);
                    lex.add(f, line, c[0], Item::Part(id))?;
                    id
                }
            };
            let slot =
                if c[1] == "month" { &mut lex.parts[id as usize].month } else { &mut lex.parts[id as usize].year };
            if slot.is_some() {
                return Err(err(f, line, format!("{:?} is already defined for a {}", c[0], c[1])));
            }
            *slot = Some((from, to));
        }

        let (f, text) = *dayparts;
        for row in data_lines(f, text, Some("form\tmeridiem\tfrom\tto")) {
            let (line, cols) = row?;
            let c = columns(f, line, cols, 4)?;
            let meridiem = match c[1] {
                "am" => Meridiem::Am,
                "pm" => Meridiem::Pm,
                "noon" => Meridiem::Noon,
                other => return Err(err(f, line, format!("meridiem must be am, pm or noon, not {other:?}"))),
            };
            let from = in_range(f, line, "from", number(f, line, "from", c[2])?, 0, 23)?;
            let to = in_range(f, line, "to", number(f, line, "to", c[3])?, 1, 24)?;
            if to <= from {
                return Err(err(f, line, format!("to {to} is not after from {from}")));
            }
            let id = lex.dayparts.len() as u16;
            lex.dayparts.push(DayPart { meridiem, from, to });
            lex.add(f, line, c[0], Item::DayPart(id))?;
        }

        let (f, text) = *holidays;
        for row in data_lines(f, text, Some("form\tcalendar\tmonth\tday\tdays\tstandalone")) {
            let (line, cols) = row?;
            let c = columns(f, line, cols, 6)?;
            let cal = match c[1] {
                "hijri" => HolidayCal::Hijri,
                "gregorian" => HolidayCal::Gregorian,
                "easter" => HolidayCal::Easter,
                other => return Err(err(f, line, format!("unknown calendar {other:?}"))),
            };
            let (month, day) = if cal == HolidayCal::Easter {
                if c[2] != "-" || c[3] != "-" {
                    return Err(err(f, line, "Easter takes - for month and day"));
                }
                (0, 0)
            } else {
                let m = in_range(f, line, "month", number(f, line, "month", c[2])?, 1, 12)?;
                let d = in_range(f, line, "day", number(f, line, "day", c[3])?, 1, 31)?;
                (m, d)
            };
            let days = match c[4] {
                "month" if cal == HolidayCal::Hijri => None,
                "month" => return Err(err(f, line, "days = month is only for Hijri holidays")),
                v => Some(in_range(f, line, "days", number(f, line, "days", v)?, 1, 31)?),
            };
            let standalone = yes_no(f, line, c[5])?;
            let id = lex.holidays.len() as u16;
            lex.holidays.push(Holiday { name: c[0].to_string(), cal, month, day, days, standalone });
            lex.add(f, line, c[0], Item::Holiday(id))?;
        }

        let (f, text) = *cues;
        for row in data_lines(f, text, Some("form\trole\tvalue")) {
            let (line, cols) = row?;
            let c = columns(f, line, cols, 3)?;
            let role = match (c[1], c[2]) {
                ("in", "-") => Role::In,
                ("from", "-") => Role::From,
                ("to", "-") => Role::To,
                ("between", "-") => Role::Between,
                ("since", "-") => Role::Since,
                ("ago", "-") => Role::Ago,
                ("after", "-") => Role::After,
                ("within", "-") => Role::Within,
                ("for", "-") => Role::For,
                ("every", "-") => Role::Every,
                ("set", v) => Role::Set(Unit::parse(v).ok_or_else(|| err(f, line, format!("unknown unit {v:?}")))?),
                ("hedge", "-") => Role::Hedge,
                ("comparative", "more") => Role::Comparative(true),
                ("comparative", "less") => Role::Comparative(false),
                ("last", "-") => Role::Last,
                ("minus", "-") => Role::Minus,
                ("fraction", v) => {
                    Role::Fraction(in_range(f, line, "minutes", number(f, line, "minutes", v)?, 1, 59)? as u8)
                }
                ("hour", v) => Role::Hour(in_range(f, line, "hour", number(f, line, "hour", v)?, 0, 24)? as u8),
                ("era", "gregorian") => Role::Era(Cal::Gregorian),
                ("era", "hijri") => Role::Era(Cal::Hijri),
                ("tz_marker", "-") => Role::TzMarker,
                ("tz", v) => {
                    let off: i16 = number(f, line, "offset", v)?;
                    if !(-720..=840).contains(&off) {
                        return Err(err(f, line, format!("offset {off} is outside -720..840 minutes")));
                    }
                    Role::Tz(off)
                }
                ("future", "-") => Role::Future,
                ("whole", "-") => Role::Whole,
                ("blessed", "-") => Role::Blessed,
                ("period", "-") => Role::Period,
                ("sharp", "-") => Role::Sharp,
                ("with_date", "-") => Role::WithDate,
                ("block", "-") => Role::Block,
                ("anaphor", "-") => Role::Anaphor,
                ("filler", "-") => Role::Filler,
                ("both", "-") => Role::Both,
                ("one", "-") => Role::One,
                ("event", "-") => Role::Event,
                ("pair", v) => Role::Pair(Unit::parse(v).ok_or_else(|| err(f, line, format!("unknown unit {v:?}")))?),
                (r, v) => return Err(err(f, line, format!("unknown role/value {r:?} {v:?}"))),
            };
            lex.add(f, line, c[0], Item::Cue(role))?;
        }

        let (f, text) = *uq;
        let mut next_start: Option<i64> = None;
        for row in data_lines(f, text, Some("year\tmuharram_1\tmonth_lengths")) {
            let (line, cols) = row?;
            let c = columns(f, line, cols, 3)?;
            let year: i64 = number(f, line, "year", c[0])?;
            let start = parse_iso_day(c[1]).ok_or_else(|| err(f, line, format!("bad date {:?}", c[1])))?;
            if lex.hijri.starts.is_empty() {
                lex.hijri.first_year = year;
            } else if year != lex.hijri.last_year() + 1 {
                return Err(err(f, line, format!("year {year} does not follow {}", lex.hijri.last_year())));
            }
            if let Some(expected) = next_start.filter(|&e| e != start) {
                return Err(err(
                    f,
                    line,
                    format!("1 Muharram {year} should be {}", crate::calendar::fmt_day(expected)),
                ));
            }
            let lens: Vec<&str> = c[2].split(',').map(str::trim).collect();
            if lens.len() != 12 {
                return Err(err(f, line, format!("expected 12 month lengths, found {}", lens.len())));
            }
            // Replace the sentinel (start of this year) by this year's months.
            lex.hijri.starts.pop();
            let mut day = start;
            for l in lens {
                let n: i64 = number(f, line, "month length", l)?;
                if n != 29 && n != 30 {
                    return Err(err(f, line, format!("month length {n} is not 29 or 30")));
                }
                lex.hijri.starts.push(day);
                day += n;
            }
            lex.hijri.starts.push(day);
            next_start = Some(day);
        }
        if lex.hijri.starts.is_empty() {
            return Err(err(uq.0, 0, "no years"));
        }
        Ok(lex)
    }
}

/// Parses `YYYY-MM-DD` into a day number (validated).
pub fn parse_iso_day(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i64 = s[0..4].parse().ok()?;
    let m: u32 = s[5..7].parse().ok()?;
    let d: u32 = s[8..10].parse().ok()?;
    if !(1..=12).contains(&m) || d == 0 || d > crate::calendar::days_in_month(y, m) {
        return None;
    }
    Some(days_from_civil(y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::fmt_day;

    fn files_with(i: usize, content: &str) -> Vec<(&'static str, String)> {
        FILES
            .iter()
            .zip(EMBEDDED)
            .enumerate()
            .map(|(k, (n, c))| (*n, if k == i { content.to_string() } else { c.to_string() }))
            .collect()
    }

    fn parse_with(i: usize, content: &str) -> Result<TimeLexicon, LoadError> {
        let owned = files_with(i, content);
        let files: Vec<(&str, &str)> = owned.iter().map(|(n, c)| (*n, c.as_str())).collect();
        TimeLexicon::parse(&files)
    }

    #[test]
    fn embedded_data_loads() {
        let lex = TimeLexicon::embedded();
        assert!(lex.words.contains_key("نوفمبر"));
        assert!(lex.words.contains_key("تشرين"), "multi-word forms are stored under their first word");
        assert!(lex.holidays.iter().any(|h| h.name == "عيد الفطر"));
        assert_eq!(lex.hijri.first_year, 1300);
        assert_eq!(lex.hijri.last_year(), 1600);
    }

    #[test]
    fn umm_al_qura_spot_checks() {
        let h = &TimeLexicon::embedded().hijri;
        assert_eq!(fmt_day(h.to_days(1434, 10, 1).unwrap()), "2013-08-08");
        assert_eq!(fmt_day(h.to_days(1434, 12, 10).unwrap()), "2013-10-15");
        assert_eq!(fmt_day(h.to_days(1435, 1, 1).unwrap()), "2013-11-04");
        assert_eq!(fmt_day(h.to_days(1440, 9, 1).unwrap()), "2019-05-06");
        assert_eq!(fmt_day(h.to_days(1441, 1, 1).unwrap()), "2019-08-31");
        assert_eq!(h.from_days(days_from_civil(2023, 11, 23)), Some((1445, 5, 9)));
        let (s, e) = h.year_range(1445).unwrap();
        assert_eq!((fmt_day(s), fmt_day(e)), ("2023-07-19".to_string(), "2024-07-07".to_string()));
        assert_eq!(h.to_days(1299, 1, 1), None);
        assert_eq!(h.to_days(1445, 13, 1), None);
        assert_eq!(h.to_days(1445, 1, 31), None);
    }

    #[test]
    fn malformed_lines_name_file_and_line() {
        let bad = "# c\nform\tweekday\nخميس\t9\n";
        let e = parse_with(1, bad).unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("weekdays.tsv", 3));
        let bad = "form\tcalendar\tmonth\tstandalone\nيناير\tgregorian\t1\n";
        let e = parse_with(0, bad).unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("months.tsv", 2));
        let bad = "form\tunit\tcount\nيوم\tday\t1\nيوم\tweek\t1\n";
        let e = parse_with(2, bad).unwrap_err();
        assert_eq!(e.line, 3, "{e}");
        let bad = "year\tmuharram_1\tmonth_lengths\n1300\t1882-11-12\t30,29,30,29,30,29,30,29,30,29,30,29\n1301\t1883-11-02\t30,30,29,30,29,30,29,30,29,30,29,29\n";
        let e = parse_with(8, bad).unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("ummalqura.tsv", 3));
        let bad = "form\trole\tvalue\nفي\tinside\t-\n";
        assert!(parse_with(7, bad).unwrap_err().to_string().starts_with("cues.tsv:2:"));
    }
}
