//! Factuality: whether a happening is asserted, or hedged (probable,
//! possible), unknown, negated or planned, by the nearest cue that governs
//! its trigger.

use isnad_schema::{Factuality, Span};
use isnad_text::PhraseMatch;

use super::clause::Mention;
use super::context::{Context, IMPERFECT};
use crate::lexicon::{CueValue, FactCue};

/// A trigger's factuality and the cue that gave it.
pub(super) struct Found {
    /// `asserted`, or the governing cue's value.
    pub value: Factuality,
    /// The governing cue's span.
    pub cue: Option<Span>,
}

/// The factuality of trigger match `m`: the nearest governing cue before the
/// trigger (or a clause-scope cue just after it); a strong assertion changes nothing.
pub(super) fn factuality(cx: &Context<'_>, m: &Mention<'_>) -> Found {
    let governing = cx
        .facts
        .iter()
        .filter(|f| governs(cx, m, f))
        .filter_map(|f| match f.value.value {
            CueValue::Gives(value) => Some((f, value)),
            CueValue::StrongAssertion => None,
        })
        .max_by_key(|(f, _)| f.start);
    match governing {
        Some((f, value)) => {
            Found { value, cue: Some(Span { start: cx.s.toks[f.start].start, end: cx.s.toks[f.end - 1].end }) }
        }
        None => Found { value: Factuality::Asserted, cue: None },
    }
}

/// Whether cue `f` reaches trigger match `m`, by the cue's scope.
fn governs(cx: &Context<'_>, m: &Mention<'_>, f: &PhraseMatch<'_, FactCue>) -> bool {
    let (t0, t1) = (m.start, m.end);
    let before = f.end <= t0;
    let gap = if before { t0 - f.end } else { f.start.saturating_sub(t1) };
    match f.value.scope.as_str() {
        "next_verb" => before && gap <= 2,
        // قد + imperfect hedges (قد تتم); قد + past does not (كان قد تمكن).
        "next_verb_imperfect" => before && !pluperfect(cx, f) && gap <= 2 && imperfect_next(cx, f),
        "clause" => {
            (f.start >= m.clause.lo && f.end <= m.clause.hi.max(m.clause.lo + 1) && before)
                || (!before && f.start >= t1 && gap <= 8)
        }
        _ => before,
    }
}

/// كان التنظيم قد تمكن: an auxiliary within three tokens before the cue makes a pluperfect, not a hedge.
fn pluperfect(cx: &Context<'_>, f: &PhraseMatch<'_, FactCue>) -> bool {
    cx.s.toks[f.start.saturating_sub(3)..f.start].iter().any(|t| cx.lex.words.pluperfect_auxiliaries.has(&t.stem))
}

/// Whether the word after the cue is an imperfect verb.
fn imperfect_next(cx: &Context<'_>, f: &PhraseMatch<'_, FactCue>) -> bool {
    cx.s.toks.get(f.end).is_some_and(|t| t.stem.starts_with(IMPERFECT) || t.key.starts_with(IMPERFECT))
}

#[cfg(test)]
mod tests {
    use crate::events::testdoc::{only, TestDoc, PUBLISHED};
    use isnad_schema::Factuality;

    #[test]
    fn a_hedge_makes_an_event_probable_or_possible() {
        let e = only(&TestDoc::new("من المرجح أن القوات قصفت المواقع.", PUBLISHED));
        assert_eq!(e.factuality, Factuality::Probable);
        assert!(e.factuality_cue.is_some());
        assert_eq!(only(&TestDoc::new("ربما هاجم مسلحون النقطة.", PUBLISHED)).factuality, Factuality::Possible);
        assert_eq!(only(&TestDoc::new("هاجم مسلحون النقطة.", PUBLISHED)).factuality, Factuality::Asserted);
    }

    #[test]
    fn a_negation_before_the_verb_negates_the_event() {
        assert_eq!(only(&TestDoc::new("لم يهاجم المسلحون المدينة.", PUBLISHED)).factuality, Factuality::Negated);
    }

    #[test]
    fn qad_before_a_past_verb_after_kan_is_no_hedge() {
        // قد + imperfect hedges; كان … قد + past is a pluperfect.
        assert_eq!(only(&TestDoc::new("قد تقصف القوات المواقع.", PUBLISHED)).factuality, Factuality::Possible);
        // (تصدت looks imperfect: the auxiliary tells.)
        assert_eq!(only(&TestDoc::new("كانت القوات قد تصدت للهجوم.", PUBLISHED)).factuality, Factuality::Asserted);
    }
}
