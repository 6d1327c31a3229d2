//! Resolution: recognized expressions → calendar values against an anchor
//! (the publication datetime, or a date the text states about itself).
//!
//! Conventions:
//! * values are local wall-clock times at the anchor's UTC offset, and an
//!   interval's end is exclusive;
//! * weeks run Monday–Sunday;
//! * direction: unless a modifier (الماضي، المقبل) or a future cue decides,
//!   a bare weekday resolves to the nearest one on or before the anchor day
//!   (strictly after it with `prefer_future`, Duckling's convention), and a
//!   month or a date without a year to the nearest month on or before the
//!   anchor's month (on or after it with `prefer_future`);
//! * a point of a month (منتصف = the 15th, بداية = the 1st) has day grain and
//!   precision 2; parts that are ranges (أوائل = days 1-10, أواخر/نهاية =
//!   21 to the end) are day-grain intervals;
//! * الأسبوع الأخير (and الشهر/العام الأخير) is the rolling period up to the
//!   anchor day (the seven days before it); الأسبوع الماضي is the calendar week;
//! * the past n days (اليومين الماضيين، الأيام الثلاثة الماضية، آخر ثلاثة أيام)
//!   run up to and including the anchor day, `[anchor - n, anchor + 1)`, as news
//!   counts them (an event of the publication day is in "the past two days");
//! * ليلة before a bare weekday is the evening before that day (ليلة السبت =
//!   Friday 18:00-24:00); the night from one weekday to the next (ليلة السبت إلى
//!   الأحد) is both days, `[Saturday, Monday)`, as it may run past midnight;
//! * a clock time with a day part and no date is on the anchor day; without a
//!   day part it is the nearest occurrence in the resolution direction; a time
//!   given in another zone is converted to the anchor's offset (minute grain);
//! * a value must fall within years 1-9999, a Hijri one within the Umm al-Qura
//!   table; otherwise the expression stays unresolved with a conflict;
//! * precision follows ACLED: 1 = the day, 2 = within a week, 3 = coarser
//!   (an interval longer than seven days is 3).

use crate::calendar::{
    add_months, add_months_to_day, civil_from_days, days_from_civil, days_in_month, easter, fmt_day, week_start,
    weekday, DAY, GREGORIAN_MONTHS, HIJRI_MONTHS, WEEKDAYS,
};
use isnad_schema::{TimeAnchor, TimePrecision};

use crate::lexicon::{Cal, HolidayCal, Mod, TimeLexicon, Unit};
use crate::recognize::{Clock, Dur, Frame, MonthSpec, Nth, Spec, YearSpec};

/// Note on every value converted from the Hijri calendar.
const UMM_AL_QURA: &str =
    "Hijri date converted with the Umm al-Qura calendar; dates announced by sighting may differ by a day";

pub use isnad_schema::Grain;

/// The grain of a unit of time (a century counts in years).
fn grain_of_unit(u: Unit) -> Grain {
    match u {
        Unit::Second => Grain::Second,
        Unit::Minute => Grain::Minute,
        Unit::Hour => Grain::Hour,
        Unit::Day => Grain::Day,
        Unit::Week => Grain::Week,
        Unit::Month => Grain::Month,
        Unit::Year | Unit::Century => Grain::Year,
    }
}

/// The end of one grain unit starting at `from` (seconds).
pub fn grain_end(from: i64, g: Grain) -> i64 {
    let day = from.div_euclid(DAY);
    let (y, m, _) = civil_from_days(day);
    match g {
        Grain::Second => from + 1,
        Grain::Minute => from + 60,
        Grain::Hour => from + 3600,
        Grain::Day => from + DAY,
        Grain::Week => from + 7 * DAY,
        Grain::Month => {
            let (y2, m2) = add_months(y, m, 1);
            days_from_civil(y2, m2, 1) * DAY
        }
        Grain::Quarter => {
            let (y2, m2) = add_months(y, m, 3);
            days_from_civil(y2, m2, 1) * DAY
        }
        Grain::Year => days_from_civil(y + 1, 1, 1) * DAY,
    }
}

/// The anchor resolution works from.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Ctx {
    /// Day number.
    pub day: i64,
    /// Seconds since midnight, when the time is known.
    pub secs: Option<i64>,
    /// UTC offset in minutes, when known.
    pub offset: Option<i32>,
    /// The publication date, or a date the text gives for itself.
    pub source: TimeAnchor,
}

/// A resolved value: seconds since 1970-01-01 in local wall-clock time.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Val {
    pub from: i64,
    pub to: i64,
    pub grain: Grain,
    /// Exactly one unit of the grain (a day, a week, a month …).
    pub single: bool,
    /// 0, or the ACLED precision the value cannot be better than.
    pub approx: u8,
}

impl Val {
    fn days(from: i64, to: i64, grain: Grain, single: bool) -> Val {
        Val { from: from * DAY, to: to * DAY, grain, single, approx: 0 }
    }

    /// ACLED precision: the day, within a week, or a month or coarser (the length, or how approximate).
    pub fn precision(&self) -> TimePrecision {
        let base = if self.grain < Grain::Day {
            1
        } else {
            let len = (self.to - self.from + DAY - 1) / DAY;
            match len {
                ..=1 => 1,
                2..=7 => 2,
                _ => 3,
            }
        };
        match base.max(self.approx) {
            ..=1 => TimePrecision::Day,
            2 => TimePrecision::Week,
            _ => TimePrecision::Month,
        }
    }
}

/// Why an expression stays unresolved.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Fail {
    /// It is relative and there is no anchor.
    NoAnchor,
    /// It cannot be a date (31 February, month 13 …).
    Impossible(String),
}

/// Resolution direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dir {
    Past,
    Future,
}

/// The outcome of resolving one expression.
#[derive(Clone, Debug, Default)]
pub(crate) struct Outcome {
    pub val: Option<Val>,
    pub interval: bool,
    pub used_anchor: bool,
    pub conflict: Option<String>,
    pub note: Option<String>,
    pub grain: Option<Grain>,
    pub duration: Option<String>,
    /// A weekday named with a date: whether it matches.
    pub weekday_matches: Option<bool>,
}

pub(crate) struct Resolver<'a> {
    pub ctx: Option<Ctx>,
    pub dir: Dir,
    pub lex: &'a TimeLexicon,
    used: bool,
    conflicts: Vec<String>,
    notes: Vec<String>,
    weekday_matches: Option<bool>,
}

/// Day number and (Gregorian or Hijri) year/month of a resolved month.
struct MonthVal {
    cal: Cal,
    y: i64,
    m: u32,
    start: i64,
    end: i64,
}

fn month_name(cal: Cal, m: u32) -> &'static str {
    match cal {
        Cal::Gregorian => GREGORIAN_MONTHS[(m as usize).clamp(1, 12) - 1],
        Cal::Hijri => HIJRI_MONTHS[(m as usize).clamp(1, 12) - 1],
    }
}

fn unit_secs(u: Unit) -> Option<i64> {
    Some(match u {
        Unit::Second => 1,
        Unit::Minute => 60,
        Unit::Hour => 3600,
        Unit::Day => DAY,
        Unit::Week => 7 * DAY,
        _ => return None,
    })
}

/// ISO 8601 duration of `n` units.
pub(crate) fn iso_duration(d: Dur) -> String {
    let n = d.n;
    let whole = n.trunc() as i64;
    let frac = n - n.trunc();
    let (main, sub) = match d.unit {
        Unit::Second => (format!("PT{}S", fmt_num(n)), None),
        Unit::Minute => (format!("PT{whole}M"), (frac > 0.0).then(|| format!("{}S", (frac * 60.0).round() as i64))),
        Unit::Hour => (format!("PT{whole}H"), (frac > 0.0).then(|| format!("{}M", (frac * 60.0).round() as i64))),
        Unit::Day => (format!("P{whole}D"), (frac > 0.0).then(|| format!("T{}H", (frac * 24.0).round() as i64))),
        Unit::Week if frac == 0.0 => (format!("P{whole}W"), None),
        Unit::Week => (format!("P{}D", (n * 7.0).round() as i64), None),
        Unit::Month if frac == 0.0 => (format!("P{whole}M"), None),
        Unit::Month => (format!("P{whole}M"), Some(format!("{}D", (frac * 30.0).round() as i64))),
        Unit::Year => (format!("P{whole}Y"), (frac > 0.0).then(|| format!("{}M", (frac * 12.0).round() as i64))),
        Unit::Century => (format!("P{}Y", (n * 100.0).round() as i64), None),
    };
    let mut s = main;
    if let Some(sub) = sub {
        // "PT0H30M" reads better as "PT30M".
        if whole == 0 && matches!(d.unit, Unit::Hour | Unit::Minute) {
            s = format!("PT{sub}");
        } else if whole == 0 {
            s = format!("P{sub}");
        } else {
            s.push_str(&sub);
        }
    }
    s
}

fn fmt_num(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// Formats a value bound: a date for day grain and coarser at midnight, a
/// datetime otherwise.
pub(crate) fn fmt_bound(secs: i64, grain: Grain) -> String {
    let day = secs.div_euclid(DAY);
    let s = secs.rem_euclid(DAY);
    if grain >= Grain::Day && s == 0 {
        fmt_day(day)
    } else {
        format!("{}T{:02}:{:02}:{:02}", fmt_day(day), s / 3600, s % 3600 / 60, s % 60)
    }
}

impl<'a> Resolver<'a> {
    pub fn new(ctx: Option<Ctx>, dir: Dir, lex: &'a TimeLexicon) -> Resolver<'a> {
        Resolver { ctx, dir, lex, used: false, conflicts: Vec::new(), notes: Vec::new(), weekday_matches: None }
    }

    fn anchor(&mut self) -> Result<Ctx, Fail> {
        self.used = true;
        self.ctx.ok_or(Fail::NoAnchor)
    }

    fn conflict(&mut self, s: impl Into<String>) {
        let s = s.into();
        if !self.conflicts.contains(&s) {
            self.conflicts.push(s);
        }
    }

    fn note(&mut self, s: impl Into<String>) {
        let s = s.into();
        if !self.notes.contains(&s) {
            self.notes.push(s);
        }
    }

    /// Resolves a whole expression.
    pub fn resolve(mut self, spec: &Spec) -> Outcome {
        let mut out = Outcome::default();
        let result: Result<Val, Fail> = match spec {
            Spec::Frame(f) => self.frame(f),
            Spec::Range(l, r) => {
                out.interval = true;
                self.range(l, r)
            }
            Spec::Until(f) => self.until(f),
            Spec::Since(f) => {
                out.interval = true;
                self.since(f)
            }
            Spec::Within(d) => {
                if self.dir == Dir::Future {
                    out.interval = true;
                    self.within(*d)
                } else {
                    out.duration = Some(iso_duration(*d));
                    out.grain = Some(grain_of_unit(d.unit));
                    let word = &self.lex.quoted.within;
                    self.note(format!(
                        "within ({word}) a duration; read as a duration since the text is not about the future"
                    ));
                    return self.finish(out);
                }
            }
            Spec::Duration(d, note) => {
                out.duration = Some(iso_duration(*d));
                out.grain = Some(grain_of_unit(d.unit));
                if let Some(n) = note {
                    self.note(*n);
                }
                return self.finish(out);
            }
            Spec::Set { unit, n, weekday } => {
                out.duration = Some(iso_duration(Dur { n: *n, unit: *unit }));
                out.grain = Some(if weekday.is_some() { Grain::Day } else { grain_of_unit(*unit) });
                let what = match weekday {
                    Some(w) => format!("every {}", WEEKDAYS[*w as usize - 1]),
                    None if *n == 1.0 => format!("every {}", unit.name()),
                    None => format!("every {} {}s", fmt_num(*n), unit.name()),
                };
                self.note(what);
                return self.finish(out);
            }
        };
        // Values stay within years 1-9999 (قبل 999999 قرن).
        let result = result.and_then(|v| {
            let years = [civil_from_days(v.from.div_euclid(DAY)).0, civil_from_days((v.to - 1).div_euclid(DAY)).0];
            if years.iter().all(|y| (1..=9999).contains(y)) {
                Ok(v)
            } else {
                Err(Fail::Impossible("the value falls outside years 1-9999".into()))
            }
        });
        match result {
            Ok(v) => {
                if !v.single {
                    out.interval = true;
                }
                out.grain = Some(v.grain);
                out.val = Some(v);
            }
            Err(Fail::NoAnchor) => {
                self.used = false;
                self.note("relative expression with no publication date to anchor it");
            }
            Err(Fail::Impossible(r)) => {
                self.used = false;
                self.conflict(r);
            }
        }
        self.finish(out)
    }

    fn finish(self, mut out: Outcome) -> Outcome {
        out.used_anchor = self.used && out.val.is_some();
        if !self.conflicts.is_empty() {
            out.conflict = Some(self.conflicts.join("; "));
        }
        if !self.notes.is_empty() {
            out.note = Some(self.notes.join("; "));
        }
        out.weekday_matches = self.weekday_matches;
        out
    }

    // ----------------------------------------------------------------- frames

    fn frame(&mut self, f: &Frame) -> Result<Val, Fail> {
        if let Some(c) = &f.conflict {
            self.conflict(c.clone());
        }
        if let Some(n) = &f.note {
            self.note(n.clone());
        }
        if f.approx {
            self.note("approximate");
        }
        let mut v = self.frame_inner(f)?;
        if f.approx && v.grain >= Grain::Day {
            v.approx = v.approx.max(2);
        }
        if let Some(eq) = &f.equiv {
            // The same date stated in the other calendar must agree.
            let saved = (self.conflicts.len(), self.notes.len());
            match self.frame_inner(eq) {
                Ok(e) if e.from != v.from => self.conflict(format!(
                    "the stated equivalent date falls on {} (Umm al-Qura for a Hijri date; local sighting may differ), not {}",
                    fmt_bound(e.from, e.grain),
                    fmt_bound(v.from, v.grain)
                )),
                Ok(_) => {}
                Err(Fail::Impossible(r)) => self.conflict(format!("the equivalent date: {r}")),
                Err(Fail::NoAnchor) => {}
            }
            self.notes.truncate(saved.1);
        }
        Ok(v)
    }

    fn frame_inner(&mut self, f: &Frame) -> Result<Val, Fail> {
        if f.now {
            let a = self.anchor()?;
            return Ok(match a.secs {
                Some(s) => Val {
                    from: a.day * DAY + s,
                    to: a.day * DAY + s + 1,
                    grain: Grain::Second,
                    single: true,
                    approx: 0,
                },
                None => {
                    self.note("the time of day is not known; the anchor day is given");
                    Val::days(a.day, a.day + 1, Grain::Day, true)
                }
            });
        }
        if f.tonight {
            let a = self.anchor()?;
            return Ok(Val {
                from: a.day * DAY + 18 * 3600,
                to: (a.day + 1) * DAY,
                grain: Grain::Hour,
                single: false,
                approx: 0,
            });
        }
        if let Some((d, sign)) = f.shift {
            return self.shift(d, sign);
        }
        if let Some((u, n, m)) = f.window {
            return self.window(u, n, m);
        }
        if let Some((Unit::Hour, k)) = f.rel {
            let a = self.anchor()?;
            return match a.secs {
                Some(s) => {
                    let h = a.day * DAY + s - s % 3600 + k as i64 * 3600;
                    Ok(Val { from: h, to: h + 3600, grain: Grain::Hour, single: true, approx: 0 })
                }
                None => {
                    self.note("the time of day is not known; the anchor day is given");
                    Ok(Val { approx: 2, ..Val::days(a.day, a.day + 1, Grain::Day, true) })
                }
            };
        }
        let mut base = self.date_part(f)?;
        if f.eve {
            // ليلة السبت: the evening before Saturday.
            base = base.map(|b| Val { from: b.from - DAY, to: b.to - DAY, ..b });
        }
        if let Some(c) = f.clock {
            return self.with_clock(base, c);
        }
        if f.night {
            // ليلة السبت إلى الأحد: Saturday and Sunday, as the night may run past midnight.
            return match base {
                Some(b) if b.to - b.from == DAY => Ok(Val::days(b.from / DAY, b.from / DAY + 2, Grain::Day, false)),
                _ => base.ok_or(Fail::NoAnchor),
            };
        }
        if let Some(dp) = f.daypart {
            let day = match base {
                Some(b) if b.to - b.from == DAY => b.from / DAY,
                Some(_) => return base.ok_or(Fail::NoAnchor),
                None => self.anchor()?.day,
            };
            let p = self.lex.dayparts[dp as usize];
            return Ok(Val {
                from: day * DAY + p.from as i64 * 3600,
                to: day * DAY + p.to as i64 * 3600,
                grain: Grain::Hour,
                single: false,
                approx: 0,
            });
        }
        base.ok_or(Fail::NoAnchor)
    }

    /// The calendar part of a frame (no clock, no day part).
    fn date_part(&mut self, f: &Frame) -> Result<Option<Val>, Fail> {
        if let Some(h) = f.holiday {
            return self.holiday(f, h).map(Some);
        }
        if let Some((u, k)) = f.rel {
            let a = self.anchor()?;
            let k = k as i64;
            let v = match u {
                Unit::Day => {
                    let d = a.day + k;
                    self.check_weekday(f, d);
                    Val::days(d, d + 1, Grain::Day, true)
                }
                Unit::Week => {
                    let ws = week_start(a.day) + 7 * k;
                    match f.weekday {
                        Some(wd) => {
                            let d = ws + wd as i64 - 1;
                            Val::days(d, d + 1, Grain::Day, true)
                        }
                        None => Val::days(ws, ws + 7, Grain::Week, true),
                    }
                }
                Unit::Month => {
                    let (y, m, _) = civil_from_days(a.day);
                    let (y, m) = add_months(y, m, k);
                    let s = days_from_civil(y, m, 1);
                    Val::days(s, s + days_in_month(y, m) as i64, Grain::Month, true)
                }
                _ => {
                    let (y, _, _) = civil_from_days(a.day);
                    Val::days(days_from_civil(y + k, 1, 1), days_from_civil(y + k + 1, 1, 1), Grain::Year, true)
                }
            };
            return Ok(Some(v));
        }
        if f.month.is_none() && f.year.is_none() && f.nth.is_none() {
            if f.day.is_some() {
                // A day of the current month (السبت السادس عشر).
                let a = self.anchor()?;
                let (y, m, _) = civil_from_days(a.day);
                let mv = self.greg_month(y, m)?;
                return self.in_month(f, &mv).map(Some);
            }
            if let Some(wd) = f.weekday {
                let a = self.anchor()?;
                let d = self.weekday_near(a.day, wd, f);
                return Ok(Some(Val::days(d, d + 1, Grain::Day, true)));
            }
        }
        if f.month.is_some() {
            let mv = self.month(f)?;
            let v = self.in_month(f, &mv)?;
            if f.today_said {
                if let Some(a) = self.ctx {
                    if f.day.is_some() && a.day * DAY != v.from {
                        self.conflict(format!(
                            "the text says today is {} but the {} date is {}",
                            fmt_day(v.from / DAY),
                            a.source,
                            fmt_day(a.day)
                        ));
                    }
                }
            }
            return Ok(Some(v));
        }
        if let Some(y) = f.year {
            return self.year(f, y).map(Some);
        }
        Ok(None)
    }

    fn check_weekday(&mut self, f: &Frame, d: i64) {
        if let Some(wd) = f.weekday {
            self.weekday_matches = Some(weekday(d) == wd as u32);
            if weekday(d) != wd as u32 {
                self.conflict(format!(
                    "weekday {} does not match {} (a {})",
                    WEEKDAYS[wd as usize - 1],
                    fmt_day(d),
                    WEEKDAYS[weekday(d) as usize - 1]
                ));
            }
        }
    }

    /// The weekday `wd` nearest to `today` in the frame's direction.
    fn weekday_near(&self, today: i64, wd: u8, f: &Frame) -> i64 {
        if let Some(off) = f.week_ref {
            return week_start(today) + 7 * off as i64 + wd as i64 - 1;
        }
        let diff_back = (weekday(today) as i64 - wd as i64).rem_euclid(7); // days since the last one (0 = today)
        let diff_fwd = (wd as i64 - weekday(today) as i64).rem_euclid(7); // days to the next one (0 = today)
        let before = today - if diff_back == 0 { 7 } else { diff_back };
        let after = today + if diff_fwd == 0 { 7 } else { diff_fwd };
        match f.wd_mod {
            Some(Mod::Past) => before,
            Some(Mod::Next) => after,
            _ if f.wd_this => match self.dir {
                Dir::Future => today + diff_fwd,
                Dir::Past => today - diff_back,
            },
            _ => match self.dir {
                Dir::Future => after,
                Dir::Past => today - diff_back,
            },
        }
    }

    fn greg_month(&mut self, y: i64, m: u32) -> Result<MonthVal, Fail> {
        if !(1..=9999).contains(&y) {
            return Err(Fail::Impossible(format!("year {y} is outside 1-9999")));
        }
        let start = days_from_civil(y, m, 1);
        Ok(MonthVal { cal: Cal::Gregorian, y, m, start, end: start + days_in_month(y, m) as i64 })
    }

    fn hijri_month(&mut self, y: i64, m: u32) -> Result<MonthVal, Fail> {
        self.note(UMM_AL_QURA);
        let h = &self.lex.hijri;
        let (start, end) = h.month_range(y, m).ok_or_else(|| {
            Fail::Impossible(format!(
                "Hijri year {y} is outside the Umm al-Qura table ({}-{})",
                h.first_year,
                h.last_year()
            ))
        })?;
        Ok(MonthVal { cal: Cal::Hijri, y, m, start, end })
    }

    fn month_val(&mut self, cal: Cal, y: i64, m: u32) -> Result<MonthVal, Fail> {
        match cal {
            Cal::Gregorian => self.greg_month(y, m),
            Cal::Hijri => self.hijri_month(y, m),
        }
    }

    /// The anchor's (year, month) in a calendar.
    fn anchor_ym(&mut self, cal: Cal) -> Result<(i64, u32), Fail> {
        let a = self.anchor()?;
        match cal {
            Cal::Gregorian => {
                let (y, m, _) = civil_from_days(a.day);
                Ok((y, m))
            }
            Cal::Hijri => self
                .lex
                .hijri
                .from_days(a.day)
                .map(|(y, m, _)| (y, m))
                .ok_or_else(|| Fail::Impossible("the anchor date is outside the Umm al-Qura table".into())),
        }
    }

    /// The first Hijri year whose month `m` starts in Gregorian year `gy`.
    fn hijri_year_in(&self, gy: i64, m: u32) -> Option<i64> {
        if !(1..=9999).contains(&gy) {
            return None;
        }
        let approx = (gy - 622) * 33 / 32;
        (approx - 2..=approx + 3)
            .find(|&hy| self.lex.hijri.month_range(hy, m).is_some_and(|(s, _)| civil_from_days(s).0 == gy))
    }

    /// The month of a frame with a month.
    fn month(&mut self, f: &Frame) -> Result<MonthVal, Fail> {
        let (cal, m) = match f.month {
            Some(MonthSpec::Rel(k)) => {
                let (y, m) = self.anchor_ym(Cal::Gregorian)?;
                let (y, m) = add_months(y, m, k as i64);
                return self.greg_month(y, m);
            }
            Some(MonthSpec::Named(cal, m)) => (cal, m),
            None => return Err(Fail::NoAnchor),
        };
        if !(1..=12).contains(&m) {
            return Err(Fail::Impossible(format!("month {m} does not exist")));
        }
        let m = m as u32;
        let hijri_range = self.lex.hijri.first_year..=self.lex.hijri.last_year();
        match f.year {
            Some(YearSpec::Abs(y, era)) => match (cal, era) {
                (Cal::Gregorian, Some(Cal::Hijri)) => {
                    Err(Fail::Impossible(format!("a Gregorian month ({}) with a Hijri year {y}", month_name(cal, m))))
                }
                (Cal::Gregorian, _) => self.greg_month(y, m),
                (Cal::Hijri, Some(Cal::Hijri)) => self.hijri_month(y, m),
                (Cal::Hijri, None) if hijri_range.contains(&y) => self.hijri_month(y, m),
                (Cal::Hijri, _) => {
                    let hy = self.hijri_year_in(y, m).ok_or_else(|| {
                        Fail::Impossible(format!(
                            "no Hijri month {} starts in {y} within the Umm al-Qura table",
                            month_name(cal, m)
                        ))
                    })?;
                    self.hijri_month(hy, m)
                }
            },
            Some(YearSpec::Rel(k)) => {
                let (ay, _) = self.anchor_ym(Cal::Gregorian)?;
                match cal {
                    Cal::Gregorian => self.greg_month(ay + k as i64, m),
                    Cal::Hijri => {
                        let hy = self
                            .hijri_year_in(ay + k as i64, m)
                            .ok_or_else(|| Fail::Impossible("outside the Umm al-Qura table".into()))?;
                        self.hijri_month(hy, m)
                    }
                }
            }
            None => {
                let (ay, am) = self.anchor_ym(cal)?;
                let y = match f.month_mod {
                    Some(Mod::Past) => {
                        if m < am {
                            ay
                        } else {
                            ay - 1
                        }
                    }
                    Some(Mod::Next) => {
                        if m > am {
                            ay
                        } else {
                            ay + 1
                        }
                    }
                    Some(Mod::Current) => {
                        if m != am {
                            self.conflict(format!(
                                "month {} marked current ({}) but the {} month is {}",
                                month_name(cal, m),
                                self.lex.quoted.current,
                                self.ctx.map_or(TimeAnchor::Publication, |c| c.source),
                                month_name(cal, am)
                            ));
                        }
                        ay
                    }
                    _ => match self.dir {
                        Dir::Past if m <= am => ay,
                        Dir::Past => ay - 1,
                        Dir::Future if m >= am => ay,
                        Dir::Future => ay + 1,
                    },
                };
                self.month_val(cal, y, m)
            }
        }
    }

    /// A day, ordinal selection or part inside a month (or the whole month).
    fn in_month(&mut self, f: &Frame, mv: &MonthVal) -> Result<Val, Fail> {
        let len = mv.end - mv.start;
        let name = month_name(mv.cal, mv.m);
        if let Some(d) = f.day {
            if d < 1 || d > len {
                let why = if mv.cal == Cal::Gregorian && mv.m == 2 && d == 29 {
                    format!("29 February does not exist in {} (not a leap year)", mv.y)
                } else {
                    format!("day {d} does not exist in {name} {} ({len} days)", mv.y)
                };
                return Err(Fail::Impossible(why));
            }
            let day = mv.start + d - 1;
            if let Some(wd) = f.weekday {
                if weekday(day) != wd as u32 && f.day_small_ordinal {
                    // الثلاثاء الثالث من أيلول: the third Tuesday.
                    return self.nth_in_month(Nth::Weekday(d as i32, wd), mv);
                }
                self.check_weekday(f, day);
            }
            return Ok(Val::days(day, day + 1, Grain::Day, true));
        }
        if let Some(n) = f.nth {
            return self.nth_in_month(n, mv);
        }
        if let Some(p) = f.part {
            let part = self.lex.parts[p as usize];
            if let Some((a, b)) = part.month {
                let from = mv.start + a as i64 - 1;
                let to = if b == 0 { mv.end } else { (mv.start + b as i64).min(mv.end) };
                let point = a == b;
                return Ok(Val { approx: if point { 2 } else { 0 }, ..Val::days(from, to, Grain::Day, point) });
            }
        }
        Ok(Val::days(mv.start, mv.end, Grain::Month, true))
    }

    fn nth_in_month(&mut self, n: Nth, mv: &MonthVal) -> Result<Val, Fail> {
        let name = month_name(mv.cal, mv.m);
        match n {
            Nth::Weekday(k, wd) => {
                let day = if k < 0 {
                    let last = mv.end - 1;
                    last - (weekday(last) as i64 - wd as i64).rem_euclid(7)
                } else {
                    let first = mv.start + (wd as i64 - weekday(mv.start) as i64).rem_euclid(7);
                    first + 7 * (k as i64 - 1)
                };
                if day >= mv.end || k == 0 {
                    return Err(Fail::Impossible(format!(
                        "{name} {} has no {} {}",
                        mv.y,
                        ordinal_en(k),
                        WEEKDAYS[wd as usize - 1]
                    )));
                }
                Ok(Val::days(day, day + 1, Grain::Day, true))
            }
            Nth::Week(k) => {
                // Full Monday–Sunday weeks inside the month.
                let first = mv.start + (1 - weekday(mv.start) as i64).rem_euclid(7);
                let ws = if k < 0 { week_start(mv.end) - 7 } else { first + 7 * (k as i64 - 1) };
                if k == 0 || ws < mv.start || ws + 7 > mv.end {
                    return Err(Fail::Impossible(format!("{name} {} has no {} full week", mv.y, ordinal_en(k))));
                }
                Ok(Val::days(ws, ws + 7, Grain::Week, true))
            }
            Nth::Day(k) => {
                let day = if k < 0 { mv.end - 1 } else { mv.start + k as i64 - 1 };
                if k == 0 || day >= mv.end {
                    return Err(Fail::Impossible(format!("day {k} does not exist in {name} {}", mv.y)));
                }
                Ok(Val::days(day, day + 1, Grain::Day, true))
            }
        }
    }

    fn year(&mut self, f: &Frame, y: YearSpec) -> Result<Val, Fail> {
        let (cal, y) = match y {
            YearSpec::Abs(y, Some(Cal::Hijri)) => (Cal::Hijri, y),
            YearSpec::Abs(y, _) => (Cal::Gregorian, y),
            YearSpec::Rel(k) => {
                let (ay, _) = self.anchor_ym(Cal::Gregorian)?;
                (Cal::Gregorian, ay + k as i64)
            }
        };
        let part = f.part.and_then(|p| self.lex.parts[p as usize].year);
        match cal {
            Cal::Gregorian => {
                if !(1..=9999).contains(&y) {
                    return Err(Fail::Impossible(format!("year {y} is outside 1-9999")));
                }
                if let Some((a, b)) = part {
                    let from = days_from_civil(y, a, 1);
                    let (y2, m2) = add_months(y, b, 1);
                    return Ok(Val::days(from, days_from_civil(y2, m2, 1), Grain::Month, a == b));
                }
                Ok(Val::days(days_from_civil(y, 1, 1), days_from_civil(y + 1, 1, 1), Grain::Year, true))
            }
            Cal::Hijri => {
                self.note(UMM_AL_QURA);
                let (s, e) = self.lex.hijri.year_range(y).ok_or_else(|| {
                    Fail::Impossible(format!(
                        "Hijri year {y} is outside the Umm al-Qura table ({}-{})",
                        self.lex.hijri.first_year,
                        self.lex.hijri.last_year()
                    ))
                })?;
                if let Some((a, b)) = part {
                    let from = self.hijri_month(y, a)?.start;
                    let to = self.hijri_month(y, b)?.end;
                    return Ok(Val::days(from, to, Grain::Month, a == b));
                }
                Ok(Val::days(s, e, Grain::Year, true))
            }
        }
    }

    fn holiday(&mut self, f: &Frame, id: u16) -> Result<Val, Fail> {
        let hol = self.lex.holidays[id as usize].clone();
        let occurrence = |r: &Self, cal_year: i64| -> Option<(i64, i64)> {
            match hol.cal {
                HolidayCal::Hijri => {
                    let (ms, me) = r.lex.hijri.month_range(cal_year, hol.month)?;
                    let start = ms + hol.day as i64 - 1;
                    let end = match hol.days {
                        Some(n) => start + n as i64,
                        None => me,
                    };
                    (start < me).then_some((start, end))
                }
                HolidayCal::Gregorian => {
                    if !(1..=9999).contains(&cal_year) {
                        return None;
                    }
                    let s = days_from_civil(cal_year, hol.month, hol.day);
                    Some((s, s + hol.days.unwrap_or(1) as i64))
                }
                HolidayCal::Easter => {
                    if !(1583..=9999).contains(&cal_year) {
                        return None;
                    }
                    let s = easter(cal_year);
                    Some((s, s + hol.days.unwrap_or(1) as i64))
                }
            }
        };
        let hijri = hol.cal == HolidayCal::Hijri;
        if hijri {
            self.note(UMM_AL_QURA);
        }
        let hijri_range = self.lex.hijri.first_year..=self.lex.hijri.last_year();
        let out_of_range = || Fail::Impossible(format!("{} is outside the supported calendar range", hol.name));
        let (start, end) = match f.year {
            Some(YearSpec::Abs(y, era)) => {
                if hijri && (era == Some(Cal::Hijri) || (era.is_none() && hijri_range.contains(&y))) {
                    occurrence(self, y).ok_or_else(out_of_range)?
                } else if hijri {
                    let hy = self.hijri_year_in(y, hol.month).ok_or_else(out_of_range)?;
                    occurrence(self, hy).ok_or_else(out_of_range)?
                } else {
                    occurrence(self, y).ok_or_else(out_of_range)?
                }
            }
            Some(YearSpec::Rel(k)) => {
                let (ay, _) = self.anchor_ym(Cal::Gregorian)?;
                let y = ay + k as i64;
                if hijri {
                    let hy = self.hijri_year_in(y, hol.month).ok_or_else(out_of_range)?;
                    occurrence(self, hy).ok_or_else(out_of_range)?
                } else {
                    occurrence(self, y).ok_or_else(out_of_range)?
                }
            }
            None => {
                let a = self.anchor()?;
                let cy = if hijri {
                    self.lex.hijri.from_days(a.day).map(|(y, _, _)| y).ok_or_else(out_of_range)?
                } else {
                    civil_from_days(a.day).0
                };
                let occ: Vec<(i64, i64)> = (cy - 1..=cy + 1).filter_map(|y| occurrence(self, y)).collect();
                let pick = match (f.holiday_mod, self.dir) {
                    (Some(Mod::Past), _) => occ.iter().rev().find(|o| o.0 < a.day),
                    (Some(Mod::Next), _) => occ.iter().find(|o| o.0 > a.day),
                    (_, Dir::Past) => occ.iter().rev().find(|o| o.0 <= a.day),
                    (_, Dir::Future) => occ.iter().find(|o| o.1 > a.day),
                };
                *pick.ok_or_else(out_of_range)?
            }
        };
        if let Some((n, wd)) = f.holiday_nth {
            let first = start + 1 + (wd as i64 - weekday(start + 1) as i64).rem_euclid(7);
            let d = first + 7 * (n.max(1) as i64 - 1);
            return Ok(Val::days(d, d + 1, Grain::Day, true));
        }
        Ok(Val::days(start, end, Grain::Day, end - start == 1))
    }

    // ---------------------------------------------------------------- clocks

    fn with_clock(&mut self, base: Option<Val>, c: Clock) -> Result<Val, Fail> {
        let grain = match c.fine {
            0 => Grain::Hour,
            1 => Grain::Minute,
            _ => Grain::Second,
        };
        let h = c.meridiem.map_or(c.h, |m| m.hour24(c.h)) as i64;
        let ambiguous = c.meridiem.is_none() && (1..=12).contains(&c.h);
        let secs = h * 3600 + c.m as i64 * 60 + c.s as i64;
        let mut t = match base {
            Some(b) if b.to - b.from == DAY && b.from % DAY == 0 => b.from + secs,
            Some(_) => return Err(Fail::Impossible("a clock time needs a single day".into())),
            None => {
                let a = self.anchor()?;
                match (a.secs, c.meridiem) {
                    (Some(now_s), None) => {
                        let now = a.day * DAY + now_s;
                        let mut cands: Vec<i64> = Vec::new();
                        for d in [a.day - 1, a.day, a.day + 1] {
                            cands.push(d * DAY + secs);
                            if ambiguous {
                                cands.push(d * DAY + secs + 12 * 3600);
                            }
                        }
                        cands.sort_unstable();
                        match self.dir {
                            Dir::Future => *cands.iter().find(|&&t| t >= now).unwrap_or(&(a.day * DAY + secs)),
                            Dir::Past => *cands.iter().rev().find(|&&t| t <= now).unwrap_or(&(a.day * DAY + secs)),
                        }
                    }
                    (None, None) if ambiguous => {
                        self.note("am/pm not stated");
                        a.day * DAY + secs
                    }
                    _ => a.day * DAY + secs,
                }
            }
        };
        let mut grain = grain;
        if let Some(tz) = c.tz {
            match self.ctx.and_then(|a| a.offset) {
                Some(off) => {
                    self.used = true;
                    t += (off as i64 - tz as i64) * 60;
                    grain = Grain::Minute;
                }
                None => self.note("time zone stated but the anchor's UTC offset is unknown; the stated time is kept"),
            }
        }
        Ok(Val { from: t, to: grain_end(t, grain), grain, single: true, approx: 0 })
    }

    // -------------------------------------------------------------- relative

    fn now_secs(&mut self) -> Result<(i64, bool), Fail> {
        let a = self.anchor()?;
        Ok((a.day * DAY + a.secs.unwrap_or(0), a.secs.is_some()))
    }

    fn add_dur(&self, t: i64, d: Dur, sign: i32) -> i64 {
        let s = sign as i64;
        match unit_secs(d.unit) {
            Some(u) => t + s * (d.n * u as f64).round() as i64,
            None => {
                let months = match d.unit {
                    Unit::Month => d.n,
                    Unit::Year => d.n * 12.0,
                    _ => d.n * 1200.0,
                };
                let day = t.div_euclid(DAY);
                let rest = t.rem_euclid(DAY);
                let whole = months.trunc() as i64;
                let mut nd = add_months_to_day(day, s * whole);
                let frac_days = ((months - months.trunc()) * 30.0).round() as i64;
                nd += s * frac_days;
                nd * DAY + rest
            }
        }
    }

    fn shift(&mut self, d: Dur, sign: i32) -> Result<Val, Fail> {
        let (now, has_time) = self.now_secs()?;
        if !has_time && d.unit < Unit::Day {
            // Hours before an unknown time of day: the publication day, or the one before.
            self.note("the time of day is not known; the anchor day is given");
            let day = now.div_euclid(DAY);
            let hours = (d.n * unit_secs(d.unit).unwrap_or(3600) as f64 / 3600.0).ceil() as i64;
            let approx = if hours <= 24 { 2 } else { 3 };
            let day = if hours >= 24 { self.add_dur(now, d, sign).div_euclid(DAY) } else { day };
            return Ok(Val { approx, ..Val::days(day, day + 1, Grain::Day, true) });
        }
        let t = self.add_dur(now, d, sign);
        if d.unit >= Unit::Day {
            let day = t.div_euclid(DAY);
            let approx = match d.unit {
                Unit::Day => 0,
                Unit::Week => 2,
                _ => 3,
            };
            return Ok(Val { approx, ..Val::days(day, day + 1, Grain::Day, true) });
        }
        if has_time {
            let m = t - t.rem_euclid(60);
            return Ok(Val { from: m, to: m + 60, grain: Grain::Minute, single: true, approx: 0 });
        }
        self.note("the time of day is not known; the day is given");
        let day = t.div_euclid(DAY);
        Ok(Val { approx: 2, ..Val::days(day, day + 1, Grain::Day, true) })
    }

    fn window(&mut self, u: Unit, n: i32, m: Mod) -> Result<Val, Fail> {
        let a = self.anchor()?;
        let n = n as i64;
        let today = a.day;
        if u < Unit::Day {
            let per = unit_secs(u).unwrap_or(3600) * n;
            return Ok(match a.secs {
                Some(s) => {
                    let now = today * DAY + s;
                    let (from, to) = if m == Mod::Next { (now, now + per) } else { (now - per, now) };
                    Val { from, to, grain: Grain::Second, single: false, approx: 0 }
                }
                None => {
                    self.note("the time of day is not known; whole days are given");
                    let days = (per + DAY - 1) / DAY;
                    let (from, to) = if m == Mod::Next { (today, today + days + 1) } else { (today - days, today + 1) };
                    Val::days(from, to, Grain::Day, false)
                }
            });
        }
        let (y, mo, _) = civil_from_days(today);
        let v = match (m, u) {
            // The past n days run up to and including the anchor day.
            (Mod::Past | Mod::Last | Mod::Current, Unit::Day) => Val::days(today - n, today + 1, Grain::Day, false),
            (Mod::Last, Unit::Week) => Val::days(today - 7 * n, today, Grain::Day, false),
            (Mod::Last, _) => {
                let months = match u {
                    Unit::Month => n,
                    Unit::Year => 12 * n,
                    _ => 1200 * n,
                };
                Val::days(add_months_to_day(today, -months), today, Grain::Day, false)
            }
            (_, Unit::Day) => Val::days(today + 1, today + 1 + n, Grain::Day, n == 1),
            (_, Unit::Week) => {
                let ws = week_start(today);
                if m == Mod::Next {
                    Val::days(ws + 7, ws + 7 + 7 * n, Grain::Week, n == 1)
                } else {
                    Val::days(ws - 7 * n, ws, Grain::Week, n == 1)
                }
            }
            (_, Unit::Month) => {
                let cur = days_from_civil(y, mo, 1);
                if m == Mod::Next {
                    let (y1, m1) = add_months(y, mo, 1);
                    let (y2, m2) = add_months(y, mo, 1 + n);
                    Val::days(days_from_civil(y1, m1, 1), days_from_civil(y2, m2, 1), Grain::Month, n == 1)
                } else {
                    let (y0, m0) = add_months(y, mo, -n);
                    Val::days(days_from_civil(y0, m0, 1), cur, Grain::Month, n == 1)
                }
            }
            (_, _) => {
                let k = if u == Unit::Century { 100 * n } else { n };
                if m == Mod::Next {
                    Val::days(days_from_civil(y + 1, 1, 1), days_from_civil(y + 1 + k, 1, 1), Grain::Year, k == 1)
                } else {
                    Val::days(days_from_civil(y - k, 1, 1), days_from_civil(y, 1, 1), Grain::Year, k == 1)
                }
            }
        };
        Ok(v)
    }

    // ------------------------------------------------------------- intervals

    fn range(&mut self, l: &Frame, r: &Frame) -> Result<Val, Fail> {
        let rv = self.frame(r)?;
        let mut l = l.clone();
        if let (Some(lc), Some(rc)) = (l.clock.as_mut(), r.clock) {
            if lc.meridiem.is_none() {
                lc.meridiem = rc.meridiem;
            }
        }
        let bare =
            l.month.is_none() && l.year.is_none() && l.weekday.is_none() && l.rel.is_none() && l.holiday.is_none();
        let r_cal = match r.month {
            Some(MonthSpec::Named(c, _)) => c,
            _ => Cal::Gregorian,
        };
        let r_day = rv.from.div_euclid(DAY);
        let (ry, rm) = match r_cal {
            Cal::Gregorian => {
                let (y, m, _) = civil_from_days(r_day);
                (y, m)
            }
            Cal::Hijri => self.lex.hijri.from_days(r_day).map(|(y, m, _)| (y, m)).unwrap_or((0, 1)),
        };
        if bare && l.day.is_some() {
            l.month = Some(MonthSpec::Named(r_cal, rm as i64));
            l.year = Some(YearSpec::Abs(ry, Some(r_cal)));
        } else if let (Some(MonthSpec::Named(lc, lm)), None) = (l.month, l.year) {
            if l.month_mod.is_none() && lc == r_cal && r.month.is_some() {
                let y = if lm > rm as i64 { ry - 1 } else { ry };
                l.year = Some(YearSpec::Abs(y, Some(lc)));
            }
        }
        let lv = self.frame(&l)?;
        if lv.from >= rv.to {
            return Err(Fail::Impossible(format!(
                "the interval ends ({}) before it starts ({})",
                fmt_bound(rv.to, rv.grain),
                fmt_bound(lv.from, lv.grain)
            )));
        }
        Ok(Val {
            from: lv.from,
            to: rv.to,
            grain: lv.grain.min(rv.grain),
            single: false,
            approx: lv.approx.max(rv.approx),
        })
    }

    fn until(&mut self, f: &Frame) -> Result<Val, Fail> {
        let v = self.frame(f)?;
        let a = self.anchor()?;
        match a.secs {
            Some(s) => {
                let now = a.day * DAY + s;
                if v.from <= now {
                    return Err(Fail::Impossible("the end is not after the reference time".into()));
                }
                Ok(Val { from: now, to: v.from, grain: Grain::Second, single: false, approx: 0 })
            }
            None => {
                let word = &self.lex.quoted.until;
                self.note(format!("until ({word}) a time; the time of day is not known, the time itself is given"));
                Ok(v)
            }
        }
    }

    fn since(&mut self, f: &Frame) -> Result<Val, Fail> {
        let v = self.frame(f)?;
        let a = self.anchor()?;
        let end = (a.day + 1) * DAY;
        if v.from >= end {
            return Err(Fail::Impossible("the start is after the reference date".into()));
        }
        Ok(Val { from: v.from, to: end, grain: Grain::Day.min(v.grain), single: false, approx: v.approx })
    }

    fn within(&mut self, d: Dur) -> Result<Val, Fail> {
        let (now, has_time) = self.now_secs()?;
        let end = self.add_dur(now, d, 1);
        let end = if d.unit >= Unit::Day { end - end.rem_euclid(DAY) } else { end };
        let grain = if has_time { Grain::Second } else { Grain::Day };
        Ok(Val { from: now, to: end.max(now + 1), grain, single: false, approx: 0 })
    }
}

fn ordinal_en(k: i32) -> String {
    match k {
        -1 => "last".into(),
        1 => "1st".into(),
        2 => "2nd".into(),
        3 => "3rd".into(),
        k => format!("{k}th"),
    }
}

/// The grain an unresolved expression would have.
pub(crate) fn nominal_grain(spec: &Spec) -> Grain {
    let frame = |f: &Frame| -> Grain {
        if f.now {
            Grain::Second
        } else if let Some(c) = f.clock {
            [Grain::Hour, Grain::Minute, Grain::Second][c.fine.min(2) as usize]
        } else if f.daypart.is_some() || f.tonight {
            Grain::Hour
        } else if let Some((u, _)) = f.rel {
            grain_of_unit(u)
        } else if f.day.is_some()
            || f.weekday.is_some()
            || f.holiday.is_some()
            || f.shift.is_some()
            || f.window.is_some()
        {
            Grain::Day
        } else if matches!(f.nth, Some(Nth::Week(_))) {
            Grain::Week
        } else if f.nth.is_some() || f.part.is_some() {
            Grain::Day
        } else if f.month.is_some() {
            Grain::Month
        } else {
            Grain::Year
        }
    };
    match spec {
        Spec::Frame(f) | Spec::Until(f) | Spec::Since(f) => frame(f),
        Spec::Range(l, r) => frame(l).min(frame(r)),
        Spec::Within(_) => Grain::Second,
        Spec::Duration(d, _) => grain_of_unit(d.unit),
        Spec::Set { unit, .. } => grain_of_unit(*unit),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_durations() {
        let d = |n, unit| iso_duration(Dur { n, unit });
        assert_eq!(d(1.0, Unit::Week), "P1W");
        assert_eq!(d(15.0, Unit::Day), "P15D");
        assert_eq!(d(2.0, Unit::Month), "P2M");
        assert_eq!(d(2.0, Unit::Year), "P2Y");
        assert_eq!(d(3.0, Unit::Hour), "PT3H");
        assert_eq!(d(1.5, Unit::Hour), "PT1H30M");
        assert_eq!(d(0.5, Unit::Hour), "PT30M");
        assert_eq!(d(1.5, Unit::Day), "P1DT12H");
        assert_eq!(d(1.0, Unit::Century), "P100Y");
    }

    #[test]
    fn bounds_and_precision() {
        let day = days_from_civil(2023, 11, 23);
        assert_eq!(fmt_bound(day * DAY, Grain::Day), "2023-11-23");
        assert_eq!(fmt_bound(day * DAY + 20 * 3600, Grain::Hour), "2023-11-23T20:00:00");
        assert_eq!(fmt_bound(day * DAY, Grain::Hour), "2023-11-23T00:00:00");
        assert_eq!(Val::days(day, day + 1, Grain::Day, true).precision().number(), 1);
        assert_eq!(Val::days(day, day + 7, Grain::Week, true).precision().number(), 2);
        assert_eq!(Val::days(day, day + 11, Grain::Day, false).precision().number(), 3);
        assert_eq!(Val { approx: 2, ..Val::days(day, day + 1, Grain::Day, true) }.precision().number(), 2);
        assert_eq!(grain_end(days_from_civil(2023, 12, 1) * DAY, Grain::Month), days_from_civil(2024, 1, 1) * DAY);
    }
}
