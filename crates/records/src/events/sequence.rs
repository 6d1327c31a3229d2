//! The sequence check: "the second meeting" must come after the first.

use isnad_schema::{CheckRecord, EventRecord, EventTime, Span, TimeBasis, TimeRecord};
use isnad_text::CharOffsets;

use super::{ordinal_after, slice};
use crate::lexicon::RecordsLexicon;
use crate::words::Rank;

/// How far (code points) before an event a date is looked for when its own date is refuted.
const REDATE_REACH: u32 = 600;

/// The text and times the check reads.
struct Reader<'a> {
    text: &'a str,
    idx: &'a CharOffsets,
    lex: &'a RecordsLexicon,
    times: &'a [TimeRecord],
}

/// "The second meeting" must come after the first: an event of the same type told before a
/// mention numbered second (third …) but dated after it is inconsistent.
///
/// The check also repairs the reading it refutes: the earlier event takes the nearest date the
/// text gave before it that precedes the numbered one (…آخرها نهاية أكتوبر الماضي … عقدت في
/// الأسبوع الأخير اجتماعاً … لينعقد الاجتماع الثاني … من 7 - 14 نوفمبر: the last week of October,
/// not of November), with basis `sequence`.
pub(super) fn sequence_checks(
    events: &mut [EventRecord],
    times: &[TimeRecord],
    text: &str,
    idx: &CharOffsets,
    lex: &RecordsLexicon,
) -> Vec<CheckRecord> {
    let r = Reader { text, idx, lex, times };
    let mut out = Vec::new();
    let mut redate: Vec<(usize, EventTime)> = Vec::new();
    for later in events.iter() {
        let (Some((mention, n)), Some(later_from)) = (r.numbered(later), dated(later)) else { continue };
        for (ei, earlier) in events.iter().enumerate().filter(|(_, e)| e.ty == later.ty && e.id != later.id) {
            let Some(first_mention) = r.earlier_mention(earlier, mention) else { continue };
            let Some(earlier_from) = dated(earlier) else { continue };
            if earlier_from <= later_from {
                continue;
            }
            let fit = r.nearest_earlier_date(earlier, first_mention, &later_from);
            if let Some(t) = fit {
                redate.push((ei, sequence_time(t)));
            }
            let numbered = Numbered { mention, n, from: &later_from };
            out.push(r.inconsistency(later, first_mention, &earlier_from, &numbered, fit));
        }
    }
    for (i, t) in redate {
        events[i].time = Some(t);
    }
    out
}

/// An event's date when it comes from the text of its clause or sentence.
fn dated(e: &EventRecord) -> Option<String> {
    e.time.as_ref().filter(|t| matches!(t.basis, TimeBasis::Clause | TimeBasis::Sentence)).and_then(|t| t.from.clone())
}

/// A time as an event's time found by the sequence check.
fn sequence_time(t: &TimeRecord) -> EventTime {
    EventTime {
        from: t.from.clone(),
        to: t.to.clone(),
        grain: t.grain,
        precision: t.precision,
        basis: TimeBasis::Sequence,
        span: Some(Span { start: t.start, end: t.end }),
    }
}

/// The mention numbered second (third …): its span, its rank and its date.
struct Numbered<'a> {
    mention: Span,
    n: u8,
    from: &'a str,
}

impl Reader<'_> {
    /// The first of an event's mentions followed by an ordinal past the first
    /// (الاجتماع الثاني), with the ordinal's rank.
    fn numbered(&self, e: &EventRecord) -> Option<(Span, u8)> {
        e.evidence.iter().find_map(|ev| match ordinal_after(self.idx, self.text, self.lex, *ev)? {
            (_, Rank::Nth(n)) if n >= 2 => Some((*ev, n)),
            _ => None,
        })
    }

    /// The first mention of `earlier` when it is told before `mention`, in the
    /// same sentence ("عقدت … اجتماعاً …، لينعقد الاجتماع الثاني …"), and is not numbered itself.
    fn earlier_mention(&self, earlier: &EventRecord, mention: Span) -> Option<Span> {
        let first = *earlier.evidence.first()?;
        if first.start >= mention.start || self.numbered(earlier).is_some() {
            return None;
        }
        let between = slice(self.idx, self.text, first.end, mention.start);
        (!between.contains(['.', '\n', '؟', '!'])).then_some(first)
    }

    /// The nearest earlier date of the text (within [`REDATE_REACH`]) that fits:
    /// a date or interval before `first_mention`, other than the one the event
    /// used, that starts before `later_from`.
    fn nearest_earlier_date(
        &self,
        earlier: &EventRecord,
        first_mention: Span,
        later_from: &str,
    ) -> Option<&TimeRecord> {
        let used = earlier.time.as_ref().and_then(|t| t.span);
        self.times
            .iter()
            .filter(|t| t.end <= first_mention.start && first_mention.start - t.end <= REDATE_REACH)
            .filter(|t| matches!(t.kind.as_str(), "date" | "interval") && t.conflict.is_none())
            .filter(|t| Some(Span { start: t.start, end: t.end }) != used)
            .filter(|t| t.from.as_deref().is_some_and(|f| f < later_from))
            .max_by_key(|t| t.start)
    }

    /// The check record: the earlier mention dated after the numbered one, and the repair.
    fn inconsistency(
        &self,
        later: &EventRecord,
        first_mention: Span,
        earlier_from: &str,
        numbered: &Numbered<'_>,
        fit: Option<&TimeRecord>,
    ) -> CheckRecord {
        let mut spans = vec![first_mention, numbered.mention];
        let repair = match fit {
            Some(t) => {
                spans.push(Span { start: t.start, end: t.end });
                format!(
                    "; read as «{}» ({}), the nearest earlier date the text gives",
                    t.text,
                    t.from.as_deref().unwrap_or("")
                )
            }
            None => String::new(),
        };
        CheckRecord {
            kind: isnad_schema::CheckKind::Sequence,
            status: isnad_schema::CheckStatus::Inconsistent,
            message: format!(
                "an earlier {} («{}», dated {earlier_from}) is dated after the one numbered {} («{}», {}){repair}",
                later.ty.as_str().to_lowercase(),
                slice(self.idx, self.text, first_mention.start, first_mention.end),
                numbered.n,
                slice(self.idx, self.text, numbered.mention.start, numbered.mention.end),
                numbered.from,
            ),
            spans,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::events::testdoc::{TestDoc, PUBLISHED};

    #[test]
    fn the_second_meeting_dated_before_the_first_is_inconsistent() {
        let text = "عقد الطرفان اجتماعاً في 20 نوفمبر 2023، ثم انعقد الاجتماع الثاني في 10 نوفمبر 2023.";
        let out = TestDoc::new(text, PUBLISHED).extract();
        assert_eq!(out.events.len(), 2);
        let c = out.checks.iter().find(|c| c.kind == isnad_schema::CheckKind::Sequence).unwrap();
        assert!(c.message.contains("numbered 2"), "{}", c.message);
    }
}
