//! When a happening took place: the time nearest its trigger in the clause,
//! else in the sentence, else the last time of the paragraph, else the
//! publication date. Times inside a reporting frame date the report, and a
//! time that contradicts the publication date (شهر فبراير الجاري in
//! November) dates nothing.

use isnad_schema::{EventTime, Grain, Span, TimeBasis, TimeKind, TimePrecision, TimeRecord};
use isnad_text::{CharOffsets, PhraseMatch};

use super::clause::Mention;
use super::context::Context;
use super::{within, Doc, SentenceView};
use crate::lexicon::{Cue, RecordsLexicon};

/// The reporting frame "نقلت صحيفة … اليوم الجمعة عن وكالة … أن": the times
/// between a reporting verb and its أن/إن date the report, not what it
/// reports. From the first cue to the complementizer after it, as code points.
pub(super) fn reporting_frame(
    s: &SentenceView,
    lex: &RecordsLexicon,
    cues: &[PhraseMatch<'_, Cue>],
) -> Option<(u32, u32)> {
    let c = cues.first()?;
    let k = s.toks[c.end..].iter().position(|t| lex.words.complementizers.has(&t.key))? + c.end;
    Some((s.toks[c.start].start, s.toks[k].start))
}

/// The times events fall back to: the last one the paragraph gave, then the
/// publication date.
pub(super) struct Carry {
    /// The last time from the text in this paragraph.
    last: Option<EventTime>,
    /// Where the current paragraph (line) ends.
    paragraph_end: u32,
    /// The publication date, as an event time.
    publication: Option<EventTime>,
}

impl Carry {
    /// Nothing carried yet.
    pub fn new(doc: &Doc<'_>) -> Carry {
        let publication = doc.published.map(|p| EventTime {
            from: Some(p[..10.min(p.len())].to_string()),
            to: None,
            grain: Grain::Day,
            precision: Some(TimePrecision::Month),
            basis: TimeBasis::Publication,
            span: None,
        });
        Carry { last: None, paragraph_end: 0, publication }
    }

    /// Enters sentence `s`: a new paragraph (line) starts fresh, as times carry within one only.
    pub fn enter(&mut self, doc: &Doc<'_>, idx: &CharOffsets, s: &SentenceView) {
        if s.start >= self.paragraph_end {
            self.last = None;
            let from = idx.byte(doc.text, s.start);
            let line = doc.text[from..].split('\n').next().unwrap_or("");
            self.paragraph_end = s.start + line.chars().count() as u32;
        }
    }

    /// Keeps an event's time for the events after it, unless it is the publication fallback.
    pub fn keep(&mut self, t: &EventTime) {
        if t.basis != TimeBasis::Publication {
            self.last = Some(t.clone());
        }
    }

    /// The time of trigger match `m`: the nearest point time in its clause,
    /// else in its sentence, else the carried ones.
    pub fn event_time(&self, cx: &Context<'_>, m: &Mention<'_>) -> Option<EventTime> {
        let trig_at = cx.s.toks[m.start].start;
        let dist = |t: &TimeRecord| if t.start >= trig_at { t.start - trig_at } else { trig_at - t.end };
        let times = point_times(cx, trig_at);
        times
            .iter()
            .filter(|t| m.clause.holds(t.start, t.end))
            .min_by_key(|t| dist(t))
            .map(|t| as_event_time(t, TimeBasis::Clause))
            .or_else(|| times.iter().min_by_key(|t| dist(t)).map(|t| as_event_time(t, TimeBasis::Sentence)))
            .or_else(|| self.last.clone().map(|t| EventTime { basis: TimeBasis::Context, ..t }))
            .or_else(|| self.publication.clone())
    }
}

/// The sentence's resolved point times (no durations, sets or conflicts),
/// except those in the reporting frame before a trigger at `trig_at`.
fn point_times<'a>(cx: &Context<'a>, trig_at: u32) -> Vec<&'a TimeRecord> {
    let is_point = |t: &&TimeRecord| {
        !matches!(t.kind, TimeKind::Duration | TimeKind::Set) && t.from.is_some() && t.conflict.is_none()
    };
    let in_frame = |t: &TimeRecord| cx.frame.is_some_and(|(a, b)| t.start >= a && t.end <= b && trig_at >= b);
    let times: &'a [TimeRecord] = cx.doc.times;
    within(times, cx.s.start, cx.s.end, |t| (t.start, t.end)).iter().filter(is_point).filter(|t| !in_frame(t)).collect()
}

/// A time expression as an event's time, with the basis it was found on.
fn as_event_time(t: &TimeRecord, basis: TimeBasis) -> EventTime {
    EventTime {
        from: t.from.clone(),
        to: t.to.clone(),
        grain: t.grain,
        precision: t.precision,
        basis,
        span: Some(Span { start: t.start, end: t.end }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::testdoc::{only, TestDoc, PUBLISHED};

    #[test]
    fn a_relative_date_in_the_sentence_dates_the_event_else_the_publication() {
        let e = only(&TestDoc::new("قصفت القوات مواقع المسلحين أمس.", PUBLISHED));
        let t = e.time.unwrap();
        assert_eq!((t.from.as_deref(), t.basis), (Some("2023-11-22"), TimeBasis::Clause));
        let e = only(&TestDoc::new("قصفت القوات مواقع المسلحين.", PUBLISHED));
        let t = e.time.unwrap();
        assert_eq!((t.from.as_deref(), t.basis), (Some("2023-11-23"), TimeBasis::Publication));
    }

    #[test]
    fn the_february_in_november_slip_dates_no_event() {
        let d = TestDoc::new("قصفت القوات مواقع المسلحين في شهر فبراير الجاري.", PUBLISHED);
        assert!(d.times[0].conflict.is_some(), "{:?}", d.times);
        let t = only(&d).time.unwrap();
        assert_eq!((t.from.as_deref(), t.basis), (Some("2023-11-23"), TimeBasis::Publication));
    }

    #[test]
    fn a_date_in_the_reporting_frame_dates_the_report_not_the_event() {
        let text = "ذكرت وكالة رويترز أمس أن القوات قصفت المواقع.";
        let t = only(&TestDoc::new(text, PUBLISHED)).time.unwrap();
        assert_eq!(t.basis, TimeBasis::Publication);
    }
}
