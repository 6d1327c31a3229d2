//! The tense check: a happening dated after publication but told in the past
//! tense (a past verb as trigger, no future cue) is inconsistent.

use isnad_schema::{CheckRecord, EventTime, Factuality, Span, TimeBasis};

use super::clause::Mention;
use super::context::{Context, IMPERFECT};

/// The `past_after_publication` check of trigger match `m`, whose event is
/// dated `time` with factuality `factuality`, when it applies.
pub(super) fn past_after_publication(
    cx: &Context<'_>,
    m: &Mention<'_>,
    evidence: Span,
    time: Option<&EventTime>,
    factuality: Factuality,
) -> Option<CheckRecord> {
    let (p, t) = (cx.doc.published?, time?);
    let after = t.basis != TimeBasis::Publication && t.from.as_deref().is_some_and(|f| f.get(..10) > p.get(..10));
    if !after || !told_in_past(cx, m, factuality) {
        return None;
    }
    let sp = t.span?;
    Some(CheckRecord {
        kind: isnad_schema::CheckKind::PastAfterPublication,
        status: isnad_schema::CheckStatus::Inconsistent,
        message: format!(
            "told in the past tense («{}») but dated {}, after publication ({})",
            cx.slice(evidence.start, evidence.end),
            t.from.as_deref().unwrap_or(""),
            p.get(..10).unwrap_or(p)
        ),
        spans: vec![evidence, sp],
    })
}

/// Whether the trigger is a verb in the past: not imperfect, no future س, not planned.
fn told_in_past(cx: &Context<'_>, m: &Mention<'_>, factuality: Factuality) -> bool {
    let verb = &cx.s.toks[m.start];
    m.trig.pos == "verb"
        && !verb.stem.starts_with(IMPERFECT)
        && !verb.key.starts_with('س')
        && factuality != Factuality::Planned
}

#[cfg(test)]
mod tests {
    use crate::events::testdoc::{TestDoc, PUBLISHED};

    #[test]
    fn a_past_verb_dated_after_publication_is_inconsistent() {
        let d = TestDoc::new("قصفت القوات المواقع يوم 25 نوفمبر 2023.", PUBLISHED);
        let checks = d.extract().checks;
        assert_eq!(checks.len(), 1);
        assert_eq!((checks[0].kind.as_str(), checks[0].status.as_str()), ("past_after_publication", "inconsistent"));
        // An imperfect verb may be dated later.
        assert!(TestDoc::new("تقصف القوات المواقع يوم 25 نوفمبر 2023.", PUBLISHED).extract().checks.is_empty());
    }
}
