//! Evaluation on Duckling's Arabic time corpus (`duckling_ar_time.tsv`).
//!
//! Rule: a positive row is correct when [`crate::Times::find`] (with
//! `prefer_future`, Duckling's convention, and the row's reference time)
//! returns exactly one expression, that expression covers every token of the
//! row, and its start, exclusive end and grain are the expected ones. For a
//! `value` row the expected end is the start plus one unit of its grain
//! (Duckling's instant at a grain is that unit). A negative row is correct
//! when nothing is found.

use std::path::Path;

use isnad_text::data_lines;

use crate::calendar::{days_from_civil, DAY};
use crate::resolve::{grain_end, Grain};
use crate::{Anchor, TimeOptions, Times};

/// The outcome of [`eval_duckling`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EvalReport {
    /// Rows that must be found.
    pub positives: usize,
    /// Of those, rows found with the expected start, end and grain.
    pub correct: usize,
    /// Rows that must give nothing.
    pub negatives: usize,
    /// Of those, rows that gave nothing.
    pub negatives_ok: usize,
    /// One line per wrong row: text, what was expected, what was found.
    pub failures: Vec<String>,
}

impl EvalReport {
    /// Share of positives correct.
    pub fn accuracy(&self) -> f64 {
        if self.positives == 0 {
            0.0
        } else {
            self.correct as f64 / self.positives as f64
        }
    }
}

/// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS` → seconds.
fn parse_bound(s: &str) -> Option<i64> {
    let a = Anchor::parse(s).ok()?;
    let day = days_from_civil(a.year as i64, a.month as u32, a.day as u32);
    let (h, m, sec) = a.time.unwrap_or((0, 0, 0));
    Some(day * DAY + h as i64 * 3600 + m as i64 * 60 + sec as i64)
}

/// Runs the corpus at `tsv` (columns: text, kind, expected_start,
/// expected_end_exclusive, grain, holiday, reference_time, …) through
/// `times` with `prefer_future = true`.
pub fn eval_duckling(tsv: &Path, times: &Times) -> Result<EvalReport, String> {
    let content = std::fs::read_to_string(tsv).map_err(|e| format!("{}: {e}", tsv.display()))?;
    let name = tsv.display().to_string();
    let opts = TimeOptions { prefer_future: true };
    let mut rep = EvalReport::default();
    let header =
        "text\tkind\texpected_start\texpected_end_exclusive\tgrain\tholiday\treference_time\tduckling_value_expr";
    for row in data_lines(&name, &content, Some(header)) {
        let (line, cols) = row.map_err(|e| e.to_string())?;
        if cols.len() < 7 {
            return Err(format!("{name}:{line}: expected at least 7 columns"));
        }
        let text = cols[0].trim();
        let anchor = Anchor::parse(cols[6]).map_err(|e| format!("{name}:{line}: {e}"))?;
        let tokens = isnad_text::tokenize(text);
        let found = times.find(text, &tokens, Some(&anchor), &opts);
        let got = || {
            found
                .iter()
                .map(|e| {
                    format!(
                        "[{}] {} {}..{} {}",
                        e.text,
                        e.kind,
                        e.from.as_deref().unwrap_or("?"),
                        e.to.as_deref().unwrap_or("?"),
                        e.grain
                    )
                })
                .collect::<Vec<_>>()
                .join(" | ")
        };
        if cols[1] == "negative" {
            rep.negatives += 1;
            if found.is_empty() {
                rep.negatives_ok += 1;
            } else {
                rep.failures.push(format!("{text}: expected nothing, found {}", got()));
            }
            continue;
        }
        rep.positives += 1;
        let grain = cols[4]
            .to_ascii_lowercase()
            .parse::<Grain>()
            .ok()
            .ok_or_else(|| format!("{name}:{line}: bad grain {:?}", cols[4]))?;
        let start = parse_bound(cols[2]).ok_or_else(|| format!("{name}:{line}: bad start {:?}", cols[2]))?;
        let end = if cols[1] == "interval" {
            parse_bound(cols[3]).ok_or_else(|| format!("{name}:{line}: bad end {:?}", cols[3]))?
        } else {
            grain_end(start, grain)
        };
        let (first, last) = match (tokens.first(), tokens.last()) {
            (Some(a), Some(b)) => (a.start, b.end),
            _ => return Err(format!("{name}:{line}: empty text")),
        };
        let ok = found.len() == 1 && {
            let e = &found[0];
            e.start <= first
                && e.end >= last
                && e.from.as_deref().and_then(parse_bound) == Some(start)
                && e.to.as_deref().and_then(parse_bound) == Some(end)
                && e.grain == grain
        };
        if ok {
            rep.correct += 1;
        } else {
            rep.failures.push(format!(
                "{text}: expected {} {}..{} {}, found {}",
                cols[1],
                cols[2],
                if cols[1] == "interval" { cols[3].to_string() } else { crate::resolve::fmt_bound(end, Grain::Second) },
                grain.as_str(),
                if found.is_empty() { "nothing".to_string() } else { got() }
            ));
        }
    }
    Ok(rep)
}
