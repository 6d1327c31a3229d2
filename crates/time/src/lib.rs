//! isnad's time layer: Arabic time expressions found with exact spans and
//! resolved against the publication datetime.
//!
//! * [`Times::find`]: dates, times, intervals, durations and recurring sets,
//!   each with code-point offsets into the original text (end exclusive);
//! * resolution: relative expressions against the publication date, or, when
//!   none is given, against a date the text states about itself
//!   ("اليوم الخميس 23 نوفمبر 2023"); otherwise they stay unresolved;
//! * Gregorian dates by civil arithmetic, Hijri dates by the Umm al-Qura
//!   table (`data/time/ummalqura.tsv`);
//! * [`eval_duckling`]: the score on Duckling's Arabic time corpus.
//!
//! Every word list lives in `data/time/*.tsv`, embedded and parsed once
//! ([`TimeLexicon::embedded`]) or read from an edited copy
//! ([`TimeLexicon::load`]).
//!
//! Spans: a conjunction و/ف glued to the first word is left out; a leading
//! preposition or hedge (في، عند، بتاريخ، خلال، حوالي) and the words that
//! carry meaning (منذ، قبل، بعد، لمدة، من … إلى) are kept in. Quantities that
//! fall inside an expression of kind `date`, `datetime` or `interval` are
//! parts of it (day numbers, years), not counts.
//!
//! ```
//! use isnad_time::{Anchor, TimeLexicon, TimeOptions, Times};
//!
//! let times = Times::new(TimeLexicon::embedded()?, isnad_text::TextLexicon::embedded()?);
//! let text = "قصفت الطائرات المدينة أمس";
//! let tokens = isnad_text::tokenize(text);
//! let published = Anchor::parse("2023-11-23")?;
//! let found = times.find(text, &tokens, Some(&published), &TimeOptions::default());
//! assert_eq!(found.len(), 1);
//! assert_eq!(found[0].text, "أمس");
//! // The day before publication, as a half-open interval of days.
//! assert_eq!((found[0].from.as_deref(), found[0].to.as_deref()), (Some("2023-11-22"), Some("2023-11-23")));
//! assert_eq!(found[0].grain, isnad_schema::Grain::Day);
//! assert_eq!(found[0].anchor, isnad_schema::TimeAnchor::Publication);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod calendar;
mod eval;
pub mod lexicon;
mod recognize;
mod resolve;

use isnad_schema::{TimeAnchor, TimeKind};
use isnad_text::{LoadError, TextLexicon, Token};
use serde::{Deserialize, Serialize};

pub use eval::{eval_duckling, EvalReport};
pub use lexicon::TimeLexicon;
pub use resolve::Grain;

use calendar::{days_from_civil, days_in_month, DAY};
use recognize::{Found, Spec, YearSpec};
use resolve::{fmt_bound, nominal_grain, Ctx, Dir, Resolver};

/// The publication datetime: a date, optionally a time and a UTC offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
    /// Day, 1–31.
    pub day: u8,
    /// Hour, minute and second, when known.
    pub time: Option<(u8, u8, u8)>,
    /// Minutes east of UTC, when known.
    pub utc_offset_minutes: Option<i16>,
}

fn two(s: &str, what: &str) -> Result<u8, String> {
    if s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()) {
        Ok(s.parse().map_err(|_| format!("bad {what} {s:?}"))?)
    } else {
        Err(format!("bad {what} {s:?}"))
    }
}

impl Anchor {
    /// Parses an ISO 8601 date or datetime: `2023-11-23`,
    /// `2013-02-12T04:30:00-02:00`, `2013-02-12T04:30-02:00`,
    /// `2017-01-21 23:43:00+01:00`, `…Z`.
    pub fn parse(iso: &str) -> Result<Anchor, String> {
        let s = iso.trim();
        let bad = || format!("not an ISO date or datetime: {iso:?}");
        if s.len() < 10 || !s.is_char_boundary(10) {
            return Err(bad());
        }
        let (date, rest) = s.split_at(10);
        let b = date.as_bytes();
        if b[4] != b'-' || b[7] != b'-' || !date[..4].bytes().all(|c| c.is_ascii_digit()) {
            return Err(bad());
        }
        let year: i32 = date[..4].parse().map_err(|_| bad())?;
        let month = two(&date[5..7], "month")?;
        let day = two(&date[8..10], "day")?;
        if !(1..=12).contains(&month) || day == 0 || day as u32 > days_in_month(year as i64, month as u32) {
            return Err(format!("no such date: {date}"));
        }
        let mut a = Anchor { year, month, day, time: None, utc_offset_minutes: None };
        if rest.is_empty() {
            return Ok(a);
        }
        let rest = rest.strip_prefix(['T', 't', ' ']).ok_or_else(bad)?;
        // Split the offset off.
        let (clock, zone) = match rest.find(['Z', 'z', '+', '-']) {
            Some(i) => rest.split_at(i),
            None => (rest, ""),
        };
        let mut parts = clock.split(':');
        let h = two(parts.next().ok_or_else(bad)?, "hour")?;
        let mi = two(parts.next().ok_or_else(bad)?, "minute")?;
        let se = match parts.next() {
            Some(sec) => two(sec.split('.').next().unwrap_or(sec), "second")?,
            None => 0,
        };
        if parts.next().is_some() || h > 23 || mi > 59 || se > 60 {
            return Err(bad());
        }
        a.time = Some((h, mi, se.min(59)));
        if !zone.is_empty() {
            let off = if zone.eq_ignore_ascii_case("z") {
                0
            } else {
                let sign = if zone.starts_with('-') { -1 } else { 1 };
                let z = zone[1..].replace(':', "");
                if z.len() != 4 {
                    return Err(bad());
                }
                let oh = two(&z[..2], "offset hour")? as i16;
                let om = two(&z[2..], "offset minute")? as i16;
                if oh > 14 || om > 59 {
                    return Err(bad());
                }
                sign * (oh * 60 + om)
            };
            a.utc_offset_minutes = Some(off);
        }
        Ok(a)
    }

    fn ctx(&self, source: TimeAnchor) -> Ctx {
        Ctx {
            day: days_from_civil(self.year as i64, self.month as u32, self.day as u32),
            secs: self.time.map(|(h, m, s)| h as i64 * 3600 + m as i64 * 60 + s as i64),
            offset: self.utc_offset_minutes.map(i32::from),
            source,
        }
    }
}

/// Resolution options.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeOptions {
    /// Resolve bare weekdays and dates without a year to the next occurrence
    /// instead of the last one (Duckling's convention).
    pub prefer_future: bool,
}

/// One time expression: the shared `isnad/1` record (`isnad_schema::TimeRecord`).
pub use isnad_schema::TimeRecord as TimeExpr;

/// The time layer over its loaded data: the time lexicon, and the text
/// lexicon that reads number words and clitics.
#[derive(Clone, Copy, Debug)]
pub struct Times<'a> {
    lex: &'a TimeLexicon,
    text: &'a TextLexicon,
}

impl<'a> Times<'a> {
    /// The time layer over `lex` and the text lexicon `text`.
    pub fn new(lex: &'a TimeLexicon, text: &'a TextLexicon) -> Times<'a> {
        Times { lex, text }
    }

    /// The time layer over the embedded data.
    pub fn embedded() -> Result<Times<'static>, LoadError> {
        Ok(Times::new(TimeLexicon::embedded()?, TextLexicon::embedded()?))
    }

    /// The time lexicon in use.
    pub fn lexicon(&self) -> &'a TimeLexicon {
        self.lex
    }

    /// Finds and resolves the time expressions of `text`, given its tokens
    /// ([`isnad_text::tokenize`]) and the publication datetime.
    pub fn find(&self, text: &str, tokens: &[Token], published: Option<&Anchor>, opts: &TimeOptions) -> Vec<TimeExpr> {
        let lex = self.lex;
        let found = recognize::recognize(text, tokens, lex, self.text);
        if found.is_empty() {
            return Vec::new();
        }
        let ctx = match published {
            Some(a) => Some(a.ctx(TimeAnchor::Publication)),
            None => text_anchor(&found, lex),
        };
        found.iter().map(|f| to_expr(text, f, ctx, opts, lex)).collect()
    }
}

/// A date the text states about itself: "اليوم (الخميس) 23 نوفمبر 2023".
fn text_anchor(found: &[Found], lex: &TimeLexicon) -> Option<Ctx> {
    found.iter().find_map(|f| match &f.spec {
        Spec::Frame(fr) if fr.today_said && fr.day.is_some() && matches!(fr.year, Some(YearSpec::Abs(..))) => {
            let out = Resolver::new(None, Dir::Past, lex).resolve(&f.spec);
            let v = out.val?;
            (v.grain == Grain::Day && out.conflict.is_none()).then_some(Ctx {
                day: v.from.div_euclid(DAY),
                secs: None,
                offset: None,
                source: TimeAnchor::Text,
            })
        }
        _ => None,
    })
}

fn to_expr(text: &str, f: &Found, ctx: Option<Ctx>, opts: &TimeOptions, lex: &TimeLexicon) -> TimeExpr {
    let dir = if opts.prefer_future || f.future_cue { Dir::Future } else { Dir::Past };
    let out = Resolver::new(ctx, dir, lex).resolve(&f.spec);
    let grain = out.grain.unwrap_or_else(|| nominal_grain(&f.spec));
    let kind = match (&f.spec, out.val) {
        (Spec::Duration(..), _) => TimeKind::Duration,
        (Spec::Within(_), _) if out.duration.is_some() => TimeKind::Duration,
        (Spec::Set { .. }, _) => TimeKind::Set,
        _ if out.interval => TimeKind::Interval,
        _ if grain < Grain::Day => TimeKind::Datetime,
        _ => TimeKind::Date,
    };
    let (from, to) = match out.val {
        Some(v) => (Some(fmt_bound(v.from, v.grain)), Some(fmt_bound(v.to, v.grain))),
        None => (None, None),
    };
    TimeExpr {
        start: f.start,
        end: f.end,
        text: text[f.byte_start as usize..f.byte_end as usize].to_string(),
        kind,
        from,
        to,
        grain,
        duration: out.duration,
        anchor: match (out.used_anchor, ctx) {
            (true, Some(c)) => c.source,
            _ => TimeAnchor::Unanchored,
        },
        precision: out.val.map(|v| v.precision()),
        conflict: out.conflict,
        note: out.note,
        weekday_matches: out.weekday_matches,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_parse() {
        let a = Anchor::parse("2023-11-23").unwrap();
        assert_eq!((a.year, a.month, a.day, a.time, a.utc_offset_minutes), (2023, 11, 23, None, None));
        let a = Anchor::parse("2013-02-12T04:30:00-02:00").unwrap();
        assert_eq!((a.time, a.utc_offset_minutes), (Some((4, 30, 0)), Some(-120)));
        let a = Anchor::parse("2013-02-12T04:30-02:00").unwrap();
        assert_eq!(a.time, Some((4, 30, 0)));
        let a = Anchor::parse("2017-01-21 23:43:00+01:00").unwrap();
        assert_eq!(a.utc_offset_minutes, Some(60));
        assert_eq!(Anchor::parse("2017-01-21T23:43:00Z").unwrap().utc_offset_minutes, Some(0));
        assert_eq!(Anchor::parse("2017-01-21T23:43:00.250+0300").unwrap().utc_offset_minutes, Some(180));
        for bad in [
            "",
            "2023-02-29",
            "2023-13-01",
            "23-11-2023",
            "2023-11-23T25:00",
            "2023-11-23X",
            "٢٠٢٣-١١-٢٣",
            "2023-11-23T04:30+9",
        ] {
            assert!(Anchor::parse(bad).is_err(), "{bad}");
        }
    }
}
