//! A trigger's clause: the tokens between the clause breaks around it, and
//! for a meeting the next clause too when it names the attendees.

use isnad_schema::PloverType;
use isnad_text::PhraseMatch;

use super::context::Context;
use crate::lexicon::Trigger;

/// A trigger match in its sentence, with its clause: what the stages after
/// trigger filtering read about one trigger.
pub(super) struct Mention<'a> {
    /// The lexicon entry.
    pub trig: &'a Trigger,
    /// The trigger's first token.
    pub start: usize,
    /// One past its last token.
    pub end: usize,
    /// Its clause.
    pub clause: Clause,
}

impl<'a> Mention<'a> {
    /// Trigger match `m` with its clause.
    pub fn of(cx: &Context<'_>, m: &PhraseMatch<'a, Trigger>) -> Mention<'a> {
        Mention { trig: m.value, start: m.start, end: m.end, clause: Clause::of(cx, m) }
    }
}

/// The clause of a trigger.
pub(super) struct Clause {
    /// First token.
    pub lo: usize,
    /// The clause break after it (or the sentence's token count).
    pub hi: usize,
    /// Code-point start.
    pub start: u32,
    /// Code-point end.
    pub end: u32,
}

impl Clause {
    /// The clause of trigger match `m` in its sentence.
    fn of(cx: &Context<'_>, m: &PhraseMatch<'_, Trigger>) -> Clause {
        let toks = &cx.s.toks;
        let lo = toks[..m.start].iter().rposition(|t| t.clause_break).map_or(0, |i| i + 1);
        let mut hi = next_break(cx, m.end);
        // A meeting's attendees may follow in the next clause (اجتماعاً …، حضره قيادات من …).
        if m.value.plover == PloverType::Consult && names_attendees(cx, hi + 1) {
            hi = next_break(cx, hi + 1);
        }
        Clause { lo, hi, start: toks[lo].start, end: toks[hi.max(lo + 1) - 1].end }
    }

    /// Whether `[a, b)` (code points) lies within the clause.
    pub fn holds(&self, a: u32, b: u32) -> bool {
        a >= self.start && b <= self.end
    }
}

/// The first clause break at or after token `from` (or the token count).
fn next_break(cx: &Context<'_>, from: usize) -> usize {
    cx.s.toks[from..].iter().position(|t| t.clause_break).map_or(cx.s.toks.len(), |i| from + i)
}

/// Whether token `i` opens a clause naming attendees (حضره، وشارك، بحضور …).
fn names_attendees(cx: &Context<'_>, i: usize) -> bool {
    let words = &cx.lex.words;
    cx.s.toks.get(i).is_some_and(|t| {
        let k = t.stem.trim_start_matches(['و', 'ف']);
        words.attendance_verbs.starts(k) || words.attendance_words.has(&t.key)
    })
}

#[cfg(test)]
mod tests {
    use crate::events::testdoc::{names, only, TestDoc, PUBLISHED};

    #[test]
    fn a_meetings_attendees_in_the_next_clause_take_part() {
        let with = |text: &str| {
            TestDoc::new(text, PUBLISHED).actor("أحمد", "PER", "ye.ahmad", "person").actor(
                "قادة الأحزاب",
                "ORG",
                "ye.parties",
                "political",
            )
        };
        let e = only(&with("عقد أحمد اجتماعاً، حضره قادة الأحزاب."));
        assert_eq!((names(&e.actors), names(&e.recipients)), (vec!["ye.ahmad"], vec!["ye.parties"]));
        // With ta marbuta or ha, بمشاركة names them too.
        for text in ["عقد أحمد اجتماعاً، بمشاركة قادة الأحزاب.", "عقد أحمد اجتماعاً، بمشاركه قادة الأحزاب."]
        {
            let e = only(&with(text));
            assert_eq!(names(&e.recipients), ["ye.parties"], "{text}");
        }
        // A later clause that does not name attendees stays out.
        let e = only(&with("عقد أحمد اجتماعاً، وفي المساء وصل قادة الأحزاب."));
        assert_eq!((names(&e.actors), names(&e.recipients)), (vec!["ye.ahmad"], vec![]));
    }
}
