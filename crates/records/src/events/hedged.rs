//! Parties named under a hedge: "…, يُعتقد أنها هيئة الهلال الأحمر القطري":
//! a clause with no trigger of its own that names an actor under a hedge
//! (possible, probable) identifies a party to the sentence's last event.

use isnad_schema::{EventRecord, Factuality};

use super::context::Context;
use super::participants::participant;
use crate::lexicon::CueValue;

/// Adds the actors named in the sentence's hedged clauses as recipients of
/// the sentence's event told just before each clause.
pub(super) fn add_hedged_parties(cx: &Context<'_>, events: &mut [EventRecord]) {
    let sid = format!("s{}", cx.s.start);
    if events.last().is_none_or(|e| e.id != sid) {
        return;
    }
    let toks = &cx.s.toks;
    let breaks = toks.iter().enumerate().filter(|(_, t)| t.clause_break).map(|(i, _)| i);
    let mut lo = 0;
    for hi in breaks.chain([toks.len()]) {
        let (a, b) = (lo, hi);
        lo = hi + 1;
        if a >= b || cx.triggers.iter().any(|m| m.start >= a && m.start < b) || !hedged(cx, a, b) {
            continue;
        }
        let (ca, cb) = (toks[a].start, toks[b - 1].end);
        // The event told just before the clause.
        let Some(last) = events.iter_mut().rev().take_while(|e| e.id == sid).find(|e| e.evidence[0].start < ca) else {
            continue;
        };
        add_named(cx, last, ca, cb);
    }
}

/// Whether tokens `[a, b)` hold a possible or probable cue.
fn hedged(cx: &Context<'_>, a: usize, b: usize) -> bool {
    cx.facts.iter().any(|f| {
        f.start >= a
            && f.end <= b
            && matches!(f.value.value, CueValue::Gives(Factuality::Possible | Factuality::Probable))
    })
}

/// Adds the actors (not media, not generic) named within `[ca, cb]` that
/// `event` does not have yet as its recipients.
fn add_named(cx: &Context<'_>, event: &mut EventRecord, ca: u32, cb: u32) {
    for (_, e) in cx.ents.iter().filter(|(_, e)| e.start >= ca && e.end <= cb) {
        let Some(actor) = e.actor.as_ref().filter(|x| x.kind != "media" && x.kind != "generic") else {
            continue;
        };
        let known =
            event.actors.iter().chain(&event.recipients).any(|p| p.actor.as_ref().is_some_and(|x| x.id == actor.id));
        if !known {
            event.recipients.push(participant(e));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::events::testdoc::{names, only, TestDoc, PUBLISHED};

    #[test]
    fn a_party_named_under_a_hedge_joins_the_event_before() {
        let d = |text: &str| TestDoc::new(text, PUBLISHED).actor("تنظيم القاعدة", "ORG", "aqap", "armed_group");
        let e = only(&d("هاجم مسلحون المعسكر، يعتقد أنهم تابعون لتنظيم القاعدة."));
        assert_eq!(names(&e.recipients), ["aqap"]);
        let e = only(&d("هاجم مسلحون المعسكر، ثم وصل تنظيم القاعدة."));
        assert!(e.recipients.is_empty());
    }
}
