//! The time layer's editable data: month, weekday, unit, relative, part-of-
//! period, day-part, holiday and cue words, the article forms read off a
//! word, the words quoted in notes, and the Umm al-Qura table. The files live
//! under `data/time/`, are embedded at build time and parsed once
//! ([`TimeLexicon::embedded`]), or read from an edited copy
//! ([`TimeLexicon::load`] with [`Data::Dir`]).
//!
//! Every form is stored under the search key of its first word (see
//! [`isnad_text::search_key`]); further words of a phrase are compared by
//! their search keys too.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use isnad_text::data_lines;
use isnad_text::{search_key, Data, LoadError};
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

impl Meridiem {
    /// The hour of the day (0–24) that clock hour `h` names in this part of the day.
    pub fn hour24(self, h: u32) -> u32 {
        match self {
            Meridiem::Am if h == 12 => 0,
            Meridiem::Pm if h < 12 => h + 12,
            Meridiem::Noon if (1..=5).contains(&h) => h + 12,
            _ => h,
        }
    }
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
    /// تقريبا: a hedge that may also follow a duration.
    HedgeAfter,
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
    /// ليلة before a weekday: the evening before that day (ليلة السبت = Friday night).
    Eve,
    /// إلى، على between the two weekdays of a night (ليلة السبت إلى الأحد).
    NightTo,
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
    /// A dual modifier, read only after a dual unit (اليومين الماضيين).
    DualMod(Mod),
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

/// The definite article as the grammar reads it off a word's search key.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Article {
    /// The article (ال).
    pub def: Box<str>,
    /// ل + the article, written without the article's alef (لل).
    pub prep_def: Box<str>,
}

impl Article {
    /// The key starts with the article, alone or after ل.
    pub fn starts(&self, key: &str) -> bool {
        key.starts_with(&*self.def) || key.starts_with(&*self.prep_def)
    }
}

/// Arabic words the resolver quotes in its notes and conflicts, as written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Quoted {
    /// "within" before a duration (خلال).
    pub within: String,
    /// The modifier marking the current month (الجاري).
    pub current: String,
    /// "until" before a time (حتى).
    pub until: String,
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
    /// The article forms.
    pub article: Article,
    /// Words quoted in notes.
    pub quoted: Quoted,
    /// The Umm al-Qura calendar.
    pub hijri: Hijri,
}

/// Reads one data file, given its reported name and content, into the lexicon.
type Reader = fn(&mut TimeLexicon, &str, &str) -> Result<(), LoadError>;

/// The data files (paths under `data/`) with their embedded copies and their
/// readers, in load order.
const FILES: [(&str, &str, Reader); 11] = [
    ("time/months.tsv", include_str!("../../../data/time/months.tsv"), TimeLexicon::read_months),
    ("time/weekdays.tsv", include_str!("../../../data/time/weekdays.tsv"), TimeLexicon::read_weekdays),
    ("time/units.tsv", include_str!("../../../data/time/units.tsv"), TimeLexicon::read_units),
    ("time/relative.tsv", include_str!("../../../data/time/relative.tsv"), TimeLexicon::read_relative),
    ("time/parts.tsv", include_str!("../../../data/time/parts.tsv"), TimeLexicon::read_parts),
    ("time/dayparts.tsv", include_str!("../../../data/time/dayparts.tsv"), TimeLexicon::read_dayparts),
    ("time/holidays.tsv", include_str!("../../../data/time/holidays.tsv"), TimeLexicon::read_holidays),
    ("time/cues.tsv", include_str!("../../../data/time/cues.tsv"), TimeLexicon::read_cues),
    ("time/article.tsv", include_str!("../../../data/time/article.tsv"), TimeLexicon::read_article),
    ("time/quoted.tsv", include_str!("../../../data/time/quoted.tsv"), TimeLexicon::read_quoted),
    ("time/ummalqura.tsv", include_str!("../../../data/time/ummalqura.tsv"), TimeLexicon::read_ummalqura),
];

/// The data files read by [`TimeLexicon::load`], as paths under `data/`.
pub fn files() -> impl Iterator<Item = &'static str> {
    FILES.iter().map(|(rel, _, _)| *rel)
}

fn err(file: &str, line: usize, message: impl Into<String>) -> LoadError {
    LoadError::new(file, line, message)
}

fn columns<'a>(file: &str, line: usize, cols: Vec<&'a str>, n: usize) -> Result<Vec<&'a str>, LoadError> {
    Ok(isnad_text::columns(file, line, cols, n)?.into_iter().map(str::trim).collect())
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

fn yes_no(file: &str, line: usize, s: &str) -> Result<bool, LoadError> {
    match s {
        "yes" => Ok(true),
        "no" => Ok(false),
        other => Err(err(file, line, format!("expected yes or no, found {other:?}"))),
    }
}

fn modifier(file: &str, line: usize, s: &str) -> Result<Mod, LoadError> {
    Ok(match s {
        "past" => Mod::Past,
        "next" => Mod::Next,
        "current" => Mod::Current,
        "last" => Mod::Last,
        other => return Err(err(file, line, format!("unknown modifier {other:?}"))),
    })
}

fn unit(file: &str, line: usize, s: &str) -> Result<Unit, LoadError> {
    Unit::parse(s).ok_or_else(|| err(file, line, format!("unknown unit {s:?}")))
}

impl TimeLexicon {
    /// The lexicon embedded at build time (loaded once).
    pub fn embedded() -> Result<&'static TimeLexicon, LoadError> {
        static LEX: OnceLock<Result<TimeLexicon, LoadError>> = OnceLock::new();
        LEX.get_or_init(|| TimeLexicon::load(&Data::Embedded)).as_ref().map_err(Clone::clone)
    }

    /// Loads the `time/` files from `data`; a malformed line is an error
    /// naming its file and line.
    pub fn load(data: &Data) -> Result<TimeLexicon, LoadError> {
        TimeLexicon::build(|rel, embedded| data.file(rel, embedded))
    }

    /// Reads every file of [`FILES`] through `file` (path under `data/`,
    /// embedded copy → reported name, content).
    fn build(
        mut file: impl FnMut(&str, &'static str) -> Result<(String, Cow<'static, str>), LoadError>,
    ) -> Result<TimeLexicon, LoadError> {
        let mut lex = TimeLexicon::default();
        for (rel, embedded, read) in FILES {
            let (name, text) = file(rel, embedded)?;
            read(&mut lex, &name, &text)?;
        }
        Ok(lex)
    }

    /// The Gregorian month named at the start of `words` (the longest form of
    /// `time/months.tsv`, compared by search key) and the number of words it
    /// takes.
    pub fn gregorian_month(&self, words: &[&str]) -> Option<(u8, usize)> {
        let (first, rest) = words.split_first()?;
        let list = self.words.get(search_key(first).as_str())?;
        let follows =
            |e: &Entry| e.rest.len() <= rest.len() && e.rest.iter().zip(rest).all(|(k, w)| **k == search_key(w));
        list.iter()
            .filter_map(|e| match e.item {
                Item::Month { cal: Cal::Gregorian, month, .. } if follows(e) => Some((month, 1 + e.rest.len())),
                _ => None,
            })
            .max_by_key(|&(_, n)| n)
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

    /// `time/months.tsv`: month names of both calendars.
    fn read_months(&mut self, f: &str, text: &str) -> Result<(), LoadError> {
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
            self.add(f, line, c[0], Item::Month { cal, month, standalone })?;
        }
        Ok(())
    }

    /// `time/weekdays.tsv`: weekday names.
    fn read_weekdays(&mut self, f: &str, text: &str) -> Result<(), LoadError> {
        for row in data_lines(f, text, Some("form\tweekday")) {
            let (line, cols) = row?;
            let c = columns(f, line, cols, 2)?;
            let wd = in_range(f, line, "weekday", number(f, line, "weekday", c[1])?, 1, 7)? as u8;
            self.add(f, line, c[0], Item::Weekday(wd))?;
        }
        Ok(())
    }

    /// `time/units.tsv`: unit nouns in the singular, dual and plural.
    fn read_units(&mut self, f: &str, text: &str) -> Result<(), LoadError> {
        for row in data_lines(f, text, Some("form\tunit\tcount")) {
            let (line, cols) = row?;
            let c = columns(f, line, cols, 3)?;
            let unit = unit(f, line, c[1])?;
            let count = match c[2] {
                "1" => Count::One,
                "2" => Count::Two,
                "n" => Count::Many,
                other => return Err(err(f, line, format!("count must be 1, 2 or n, not {other:?}"))),
            };
            self.add(f, line, c[0], Item::Unit(unit, count))?;
        }
        Ok(())
    }

    /// `time/relative.tsv`: relative days, now, tonight, this and modifiers.
    fn read_relative(&mut self, f: &str, text: &str) -> Result<(), LoadError> {
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
                ("mod", v) => Item::Mod(modifier(f, line, v)?),
                ("dual_mod", v) => Item::DualMod(modifier(f, line, v)?),
                (t, v) => return Err(err(f, line, format!("unknown type/value {t:?} {v:?}"))),
            };
            self.add(f, line, c[0], item)?;
        }
        Ok(())
    }

    /// `time/parts.tsv`: parts of a month or a year; one word may divide both.
    fn read_parts(&mut self, f: &str, text: &str) -> Result<(), LoadError> {
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
                    let id = self.parts.len() as u16;
                    self.parts.push(Part::default());
                    part_ids.insert(key, id);
                    self.add(f, line, c[0], Item::Part(id))?;
                    id
                }
            };
            let part = &mut self.parts[id as usize];
            let slot = if c[1] == "month" { &mut part.month } else { &mut part.year };
            if slot.is_some() {
                return Err(err(f, line, format!("{:?} is already defined for a {}", c[0], c[1])));
            }
            *slot = Some((from, to));
        }
        Ok(())
    }

    /// `time/dayparts.tsv`: parts of the day with their hours and am/pm reading.
    fn read_dayparts(&mut self, f: &str, text: &str) -> Result<(), LoadError> {
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
            let id = self.dayparts.len() as u16;
            self.dayparts.push(DayPart { meridiem, from, to });
            self.add(f, line, c[0], Item::DayPart(id))?;
        }
        Ok(())
    }

    /// `time/holidays.tsv`: holidays by calendar, date and length.
    fn read_holidays(&mut self, f: &str, text: &str) -> Result<(), LoadError> {
        for row in data_lines(f, text, Some("form\tcalendar\tmonth\tday\tdays\tstandalone")) {
            let (line, cols) = row?;
            let c = columns(f, line, cols, 6)?;
            let holiday = holiday(f, line, &c)?;
            let id = self.holidays.len() as u16;
            self.holidays.push(holiday);
            self.add(f, line, c[0], Item::Holiday(id))?;
        }
        Ok(())
    }

    /// `time/cues.tsv`: prepositions, connectors and markers.
    fn read_cues(&mut self, f: &str, text: &str) -> Result<(), LoadError> {
        for row in data_lines(f, text, Some("form\trole\tvalue")) {
            let (line, cols) = row?;
            let c = columns(f, line, cols, 3)?;
            let role = role(f, line, c[1], c[2])?;
            self.add(f, line, c[0], Item::Cue(role))?;
        }
        Ok(())
    }

    /// `time/article.tsv`: the article and ل + article, stored by search key.
    fn read_article(&mut self, f: &str, text: &str) -> Result<(), LoadError> {
        let [def, prep_def] = one_each(f, text, "form\trole", 1, ["article", "prep_article"])?;
        let key = |(line, form): (usize, String)| {
            let key = search_key(&form);
            if key.chars().count() < 2 {
                return Err(err(f, line, format!("form {form:?} has fewer than two letters")));
            }
            Ok(key.into_boxed_str())
        };
        self.article = Article { def: key(def)?, prep_def: key(prep_def)? };
        Ok(())
    }

    /// `time/quoted.tsv`: the Arabic words notes quote, by note.
    fn read_quoted(&mut self, f: &str, text: &str) -> Result<(), LoadError> {
        let [within, current, until] = one_each(f, text, "note\tword", 0, ["within", "current", "until"])?;
        self.quoted = Quoted { within: within.1, current: current.1, until: until.1 };
        Ok(())
    }

    /// `time/ummalqura.tsv`: 1 Muharram and the month lengths of each Hijri year.
    fn read_ummalqura(&mut self, f: &str, text: &str) -> Result<(), LoadError> {
        let mut next_start: Option<i64> = None;
        for row in data_lines(f, text, Some("year\tmuharram_1\tmonth_lengths")) {
            let (line, cols) = row?;
            let c = columns(f, line, cols, 3)?;
            let year: i64 = number(f, line, "year", c[0])?;
            let start = parse_iso_day(c[1]).ok_or_else(|| err(f, line, format!("bad date {:?}", c[1])))?;
            if self.hijri.starts.is_empty() {
                self.hijri.first_year = year;
            } else if year != self.hijri.last_year() + 1 {
                return Err(err(f, line, format!("year {year} does not follow {}", self.hijri.last_year())));
            }
            if let Some(expected) = next_start.filter(|&e| e != start) {
                return Err(err(
                    f,
                    line,
                    format!("1 Muharram {year} should be {}", crate::calendar::fmt_day(expected)),
                ));
            }
            next_start = Some(self.push_hijri_year(f, line, start, c[2])?);
        }
        if self.hijri.starts.is_empty() {
            return Err(err(f, 0, "no years"));
        }
        Ok(())
    }

    /// Adds the month starts of a Hijri year beginning on day `start` with the
    /// comma-separated month `lengths`; returns the start of the next year.
    fn push_hijri_year(&mut self, f: &str, line: usize, start: i64, lengths: &str) -> Result<i64, LoadError> {
        let lens: Vec<&str> = lengths.split(',').map(str::trim).collect();
        if lens.len() != 12 {
            return Err(err(f, line, format!("expected 12 month lengths, found {}", lens.len())));
        }
        // Replace the sentinel (start of this year) by this year's months.
        self.hijri.starts.pop();
        let mut day = start;
        for l in lens {
            let n: i64 = number(f, line, "month length", l)?;
            if n != 29 && n != 30 {
                return Err(err(f, line, format!("month length {n} is not 29 or 30")));
            }
            self.hijri.starts.push(day);
            day += n;
        }
        self.hijri.starts.push(day);
        Ok(day)
    }
}

/// Reads a file of two columns that gives one value for each of `names`
/// (in column `name_col`, 0 or 1), each exactly once: the values with their
/// lines, in the order of `names`.
fn one_each<const N: usize>(
    f: &str,
    text: &str,
    header: &str,
    name_col: usize,
    names: [&str; N],
) -> Result<[(usize, String); N], LoadError> {
    let mut found: [Option<(usize, String)>; N] = std::array::from_fn(|_| None);
    for row in data_lines(f, text, Some(header)) {
        let (line, cols) = row?;
        let c = columns(f, line, cols, 2)?;
        let (name, value) = (c[name_col], c[1 - name_col]);
        let Some(i) = names.iter().position(|n| *n == name) else {
            return Err(err(f, line, format!("expected one of {}, not {name:?}", names.join(", "))));
        };
        if found[i].replace((line, value.to_string())).is_some() {
            return Err(err(f, line, format!("{name} is given twice")));
        }
    }
    if let Some(i) = found.iter().position(Option::is_none) {
        return Err(err(f, 0, format!("no {} line", names[i])));
    }
    Ok(found.map(Option::unwrap_or_default))
}

/// One line of `time/holidays.tsv` (columns form, calendar, month, day, days,
/// standalone) as a holiday.
fn holiday(f: &str, line: usize, c: &[&str]) -> Result<Holiday, LoadError> {
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
    Ok(Holiday { name: c[0].to_string(), cal, month, day, days, standalone })
}

/// The role of a cue from its `role` and `value` columns.
fn role(f: &str, line: usize, role: &str, value: &str) -> Result<Role, LoadError> {
    Ok(match (role, value) {
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
        ("set", v) => Role::Set(unit(f, line, v)?),
        ("hedge", "-") => Role::Hedge,
        ("hedge_after", "-") => Role::HedgeAfter,
        ("comparative", "more") => Role::Comparative(true),
        ("comparative", "less") => Role::Comparative(false),
        ("last", "-") => Role::Last,
        ("minus", "-") => Role::Minus,
        ("fraction", v) => Role::Fraction(in_range(f, line, "minutes", number(f, line, "minutes", v)?, 1, 59)? as u8),
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
        ("eve", "-") => Role::Eve,
        ("night_to", "-") => Role::NightTo,
        ("pair", v) => Role::Pair(unit(f, line, v)?),
        (r, v) => return Err(err(f, line, format!("unknown role/value {r:?} {v:?}"))),
    })
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

    /// The embedded files with `rel` replaced by `content`.
    fn parse_with(rel: &str, content: &str) -> Result<TimeLexicon, LoadError> {
        assert!(files().any(|f| f == rel), "{rel} is not a time file");
        TimeLexicon::build(|r, embedded| {
            let text = if r == rel { Cow::Owned(content.to_string()) } else { Cow::Borrowed(embedded) };
            Ok((Data::Embedded.name(r), text))
        })
    }

    fn embedded() -> &'static TimeLexicon {
        TimeLexicon::embedded().expect("the embedded time lexicon loads")
    }

    #[test]
    fn embedded_data_loads() {
        let lex = embedded();
        assert!(lex.words.contains_key("نوفمبر"));
        assert!(lex.words.contains_key("تشرين"), "multi-word forms are stored under their first word");
        assert!(lex.holidays.iter().any(|h| h.name == "عيد الفطر"));
        assert_eq!(lex.hijri.first_year, 1300);
        assert_eq!(lex.hijri.last_year(), 1600);
    }

    #[test]
    fn umm_al_qura_spot_checks() {
        let h = &embedded().hijri;
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
        let e = parse_with("time/weekdays.tsv", bad).unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("data/time/weekdays.tsv", 3));
        let bad = "form\tcalendar\tmonth\tstandalone\nيناير\tgregorian\t1\n";
        let e = parse_with("time/months.tsv", bad).unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("data/time/months.tsv", 2));
        let bad = "form\tunit\tcount\nيوم\tday\t1\nيوم\tweek\t1\n";
        let e = parse_with("time/units.tsv", bad).unwrap_err();
        assert_eq!(e.line, 3, "{e}");
        let bad = "year\tmuharram_1\tmonth_lengths\n1300\t1882-11-12\t30,29,30,29,30,29,30,29,30,29,30,29\n1301\t1883-11-02\t30,30,29,30,29,30,29,30,29,30,29,29\n";
        let e = parse_with("time/ummalqura.tsv", bad).unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("data/time/ummalqura.tsv", 3));
        let bad = "form\trole\tvalue\nفي\tinside\t-\n";
        assert!(parse_with("time/cues.tsv", bad).unwrap_err().to_string().starts_with("data/time/cues.tsv:2:"));
    }

    #[test]
    fn eve_cues_load_and_a_bad_one_names_its_line() {
        let lex = embedded();
        let roles = |w: &str| -> Vec<Item> { lex.words[search_key(w).as_str()].iter().map(|e| e.item).collect() };
        assert!(roles("ليلة").contains(&Item::Cue(Role::Eve)));
        assert!(roles("على").contains(&Item::Cue(Role::NightTo)));
        let e = parse_with("time/cues.tsv", "form\trole\tvalue\nفي\tin\t-\nليلة\teve\tfriday\n").unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("data/time/cues.tsv", 3), "{e}");
        let e = parse_with("time/cues.tsv", "form\trole\tvalue\nإلى\tnight_to\n").unwrap_err();
        assert_eq!(e.line, 2, "{e}");
    }

    #[test]
    fn dual_modifiers_are_their_own_kind_and_a_bad_one_names_its_line() {
        let lex = embedded();
        let items: Vec<Item> = lex.words[search_key("الماضيين").as_str()].iter().map(|e| e.item).collect();
        assert_eq!(items, vec![Item::DualMod(Mod::Past)], "not a modifier of weekdays or months");
        let e = parse_with("time/relative.tsv", "form\ttype\tvalue\nأمس\tday\t-1\nالماضيين\tdual_mod\tbefore\n")
            .unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("data/time/relative.tsv", 3), "{e}");
    }

    #[test]
    fn the_article_file_needs_each_form_once() {
        let e = parse_with("time/article.tsv", "form\trole\nال\tarticle\n").unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("data/time/article.tsv", 0), "{e}");
        let e = parse_with("time/article.tsv", "form\trole\nال\tarticle\nلل\tprep_article\nال\tarticle\n").unwrap_err();
        assert_eq!(e.line, 4, "{e}");
        let e = parse_with("time/article.tsv", "form\trole\nال\tdefinite\n").unwrap_err();
        assert_eq!(e.line, 2, "{e}");
        let lex = parse_with("time/article.tsv", "form\trole\nأل\tarticle\nلل\tprep_article\n").unwrap();
        assert_eq!(&*lex.article.def, "ال", "forms are stored by search key");
    }

    #[test]
    fn the_quoted_words_file_needs_every_note() {
        let e = parse_with("time/quoted.tsv", "note\tword\nwithin\tخلال\nuntil\tحتى\n").unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("data/time/quoted.tsv", 0), "{e}");
        let e = parse_with("time/quoted.tsv", "note\tword\nwithin\tخلال\nsince\tمنذ\n").unwrap_err();
        assert_eq!(e.line, 3, "{e}");
        let q = &embedded().quoted;
        assert!(!q.within.is_empty() && !q.current.is_empty() && !q.until.is_empty());
    }

    #[test]
    fn gregorian_months_are_read_by_search_key_and_longest_form() {
        let lex = embedded();
        assert_eq!(lex.gregorian_month(&["مارس", "2024"]), Some((3, 1)));
        assert_eq!(lex.gregorian_month(&["ابريل"]), Some((4, 1)), "hamza on alef is folded");
        assert_eq!(lex.gregorian_month(&["تشرين", "الثاني", "2023"]), Some((11, 2)));
        assert_eq!(lex.gregorian_month(&["كانون", "الأول"]), Some((12, 2)));
        assert_eq!(lex.gregorian_month(&["تشرين"]), None, "a two-word name needs its second word");
        assert_eq!(lex.gregorian_month(&["رمضان", "1445"]), None, "Hijri months are not Gregorian");
        assert_eq!(lex.gregorian_month(&["الخميس"]), None);
        assert_eq!(lex.gregorian_month(&[]), None);
    }
}
