//! Who did what to whom: a trigger's actors and recipients from its clause,
//! else its sentence.
//!
//! Not participants: places, media (they report), and whoever is the
//! sentence's source, except that in a statement the named speaker is the
//! actor. In a symmetric happening (a meeting, a deal) the first party is the
//! actor and the second the recipient; otherwise the actor is named before the
//! trigger and the recipient after it.

use isnad_schema::{EntityRecord, EntityType, EventRecord, Participant, PloverType, Quad};

use super::clause::{Clause, Mention};
use super::context::Context;
use super::GenericMention;
use crate::lexicon::Trigger;

/// A participant with the index of the token it starts in.
type Placed = (usize, Participant);

/// The actors and recipients of trigger match `m`; `events` are the mentions
/// told before it (for "the attendees", "the two parties").
pub(super) fn participants(
    cx: &Context<'_>,
    m: &Mention<'_>,
    events: &[EventRecord],
) -> (Vec<Participant>, Vec<Participant>) {
    let trig = m.trig;
    let parts = candidates(cx);
    let clause_parts: Vec<&Placed> = parts.iter().filter(|(_, p)| m.clause.holds(p.start, p.end)).collect();
    let from_clause = !clause_parts.is_empty();
    let pool: Vec<&Placed> = if from_clause { clause_parts } else { parts.iter().collect() };
    let (actors, recipients) = if matches!(trig.plover, PloverType::Consult | PloverType::Agree | PloverType::Cooperate)
    {
        symmetric_sides(&pool)
    } else {
        directed_sides(cx, m, &parts, &pool, from_clause)
    };
    let (actors, recipients) = passive_to_recipients(trig, actors, recipients);
    let actors = attendees_of_last_meeting(cx, m, events, actors);
    both_parties(cx, &m.clause, events, actors, recipients)
}

/// The sentence's participants in token order: entities (not places, media,
/// MISC or the sentence's sources) and generic actors.
fn candidates(cx: &Context<'_>) -> Vec<Placed> {
    let is_source =
        |e: &EntityRecord| cx.att.sources.iter().any(|x| x.start <= e.start && e.end <= x.end && x.end > x.start);
    let mut parts: Vec<Placed> = cx
        .ents
        .iter()
        .filter(|(_, e)| e.ty != EntityType::Loc || e.actor.is_some())
        .filter(|(_, e)| e.place.is_none() || e.actor.is_some())
        .filter(|(_, e)| {
            e.ty != EntityType::Misc && e.actor.as_ref().is_none_or(|a| a.kind != "media") && !is_source(e)
        })
        .map(|(i, e)| (*i, participant(e)))
        .chain(cx.gens.iter().map(|(i, g)| (*i, generic_participant(g))))
        .collect();
    parts.sort_by_key(|(i, _)| *i);
    parts
}

/// A named entity as a participant.
pub(super) fn participant(e: &EntityRecord) -> Participant {
    Participant {
        entity: Some(e.id.clone()),
        name: e.actor.as_ref().map_or(e.text.clone(), |a| a.name.clone()),
        actor: e.actor.clone(),
        start: e.start,
        end: e.end,
    }
}

/// A generic actor as a participant.
fn generic_participant(g: &GenericMention) -> Participant {
    Participant { entity: None, name: g.actor.name.clone(), actor: Some(g.actor.clone()), start: g.start, end: g.end }
}

/// A symmetric happening: the first distinct party acts, the rest receive.
fn symmetric_sides(pool: &[&Placed]) -> (Vec<Participant>, Vec<Participant>) {
    let mut all: Vec<Participant> = Vec::new();
    for (_, p) in pool {
        if !all.iter().any(|x| x.actor.as_ref().map(|a| &a.id) == p.actor.as_ref().map(|a| &a.id) && p.actor.is_some())
        {
            all.push(p.clone());
        }
    }
    let rest = all.split_off(all.len().min(1));
    (all, rest)
}

/// What the word before a participant says of its role.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Marked {
    /// على، ضد …: it undergoes the happening.
    Target,
    /// على يد، من قبل، برصاص …: it did the happening.
    Agent,
    /// Nothing.
    Bare,
}

fn marked(cx: &Context<'_>, i: usize) -> Marked {
    let Some(prev) = i.checked_sub(1).and_then(|k| cx.s.toks.get(k)) else { return Marked::Bare };
    if cx.lex.words.agent_markers.has(&prev.key) {
        Marked::Agent
    } else if cx.lex.words.target_prepositions.has(&prev.key) {
        Marked::Target
    } else {
        Marked::Bare
    }
}

/// A directed happening: the actor named before the trigger (else one marked as the doer
/// after it, else the speaker of a statement, else the subject of a relative clause), one
/// recipient after it in its clause (one marked as undergoing it first); with no actor,
/// the first after acts on the second, unless it is marked as undergoing it.
fn directed_sides(
    cx: &Context<'_>,
    m: &Mention<'_>,
    parts: &[Placed],
    pool: &[&Placed],
    from_clause: bool,
) -> (Vec<Participant>, Vec<Participant>) {
    let before = pool.iter().rev().find(|(i, _)| *i < m.start).map(|(_, p)| p.clone());
    // Recipients come from the trigger's own clause only.
    let after: Vec<(Marked, Participant)> = pool
        .iter()
        .filter(|(i, p)| *i >= m.end && (from_clause || m.clause.holds(p.start, p.end)))
        .map(|(i, p)| (marked(cx, *i), p.clone()))
        .collect();
    let agent_after = after.iter().find(|(k, _)| *k == Marked::Agent).map(|(_, p)| p.clone());
    let before =
        before.or(agent_after).or_else(|| speaker(cx, m.trig)).or_else(|| relative_subject(cx, &m.clause, parts));
    let mut rest: Vec<(Marked, Participant)> = after.into_iter().filter(|(k, _)| *k != Marked::Agent).collect();
    // Marked targets first, then the others in text order.
    rest.sort_by_key(|(k, _)| *k != Marked::Target);
    match before {
        Some(b) => {
            let recipient = rest.into_iter().map(|(_, p)| p).find(|p| p.actor != b.actor || p.actor.is_none());
            (vec![b], recipient.into_iter().collect())
        }
        None if rest.first().is_some_and(|(k, _)| *k == Marked::Target) => {
            (Vec::new(), rest.into_iter().map(|(_, p)| p).take(1).collect())
        }
        None => {
            let mut a = rest.into_iter().map(|(_, p)| p);
            let actor: Vec<Participant> = a.next().into_iter().collect();
            (actor, a.take(1).collect())
        }
    }
}

/// In a statement (denounce, demand, threaten, support …) the speaker is the actor.
fn speaker(cx: &Context<'_>, trig: &Trigger) -> Option<Participant> {
    let verbal = matches!(trig.plover.quad(), Quad::VerbalCooperation | Quad::VerbalConflict);
    cx.att
        .sources
        .first()
        .filter(|x| verbal && matches!(x.kind.as_str(), "named_person" | "named_org" | "official"))
        .map(|x| Participant {
            entity: None,
            name: x.actor.as_ref().map_or(x.text.clone(), |a| a.name.clone()),
            actor: x.actor.clone(),
            start: x.start,
            end: x.end,
        })
}

/// "…، الذي أصبح اهتمامه … دعم …": a relative clause's subject is the name it follows.
fn relative_subject(cx: &Context<'_>, clause: &Clause, parts: &[Placed]) -> Option<Participant> {
    let lo = clause.lo;
    let rel = cx.s.toks.get(lo).is_some_and(|t| cx.lex.words.relative_pronouns.has(&t.key));
    if !rel || lo < 2 {
        return None;
    }
    let end = cx.s.toks[lo - 2].end;
    parts.iter().rev().find(|(_, p)| p.end == end && p.actor.is_some()).map(|(_, p)| p.clone())
}

/// Unnamed civilians, prisoners, the displaced … (ACLED inter 7) undergo what is done,
/// release, talks and deals included; they are its actors only when they speak up
/// (protest, demand, accuse, reject).
fn passive_to_recipients(
    trig: &Trigger,
    actors: Vec<Participant>,
    mut recipients: Vec<Participant>,
) -> (Vec<Participant>, Vec<Participant>) {
    if matches!(trig.plover, PloverType::Protest | PloverType::Request | PloverType::Accuse | PloverType::Reject) {
        return (actors, recipients);
    }
    let passive = |p: &Participant| p.actor.as_ref().is_some_and(|a| a.kind == "generic" && a.inter == Some(7));
    let (moved, kept): (Vec<Participant>, Vec<Participant>) = actors.into_iter().partition(passive);
    for p in moved {
        if !recipients.iter().any(|r| r.actor == p.actor) {
            recipients.push(p);
        }
    }
    (kept, recipients)
}

/// "بارك المجتمعون …": the attendees of the meeting told last are the actors.
fn attendees_of_last_meeting(
    cx: &Context<'_>,
    m: &Mention<'_>,
    events: &[EventRecord],
    actors: Vec<Participant>,
) -> Vec<Participant> {
    let toks = &cx.s.toks;
    let attendees = actors.is_empty()
        && toks[m.clause.lo..m.start.max(m.clause.lo)]
            .iter()
            .chain(toks.get(m.end))
            .any(|t| cx.lex.words.attendees.has(&t.stem));
    if attendees {
        if let Some(e) = events.iter().rev().find(|e| e.ty == PloverType::Consult && !e.actors.is_empty()) {
            return e.actors.iter().chain(&e.recipients).cloned().collect();
        }
    }
    actors
}

/// "اجتماعاً آخر بين الطرفين": the two parties last named together.
fn both_parties(
    cx: &Context<'_>,
    clause: &Clause,
    events: &[EventRecord],
    actors: Vec<Participant>,
    recipients: Vec<Participant>,
) -> (Vec<Participant>, Vec<Participant>) {
    let toks = &cx.s.toks;
    let both = actors.is_empty()
        && recipients.is_empty()
        && toks[clause.lo..clause.hi.min(toks.len())].iter().any(|t| cx.lex.words.both_parties.has(&t.stem));
    if both {
        if let Some(e) = events.iter().rev().find(|e| !e.actors.is_empty() && !e.recipients.is_empty()) {
            return (e.actors.clone(), e.recipients.clone());
        }
    }
    (actors, recipients)
}

#[cfg(test)]
mod tests {
    use crate::events::testdoc::{events, names, only, TestDoc, PUBLISHED};
    use isnad_schema::PloverType;

    #[test]
    fn in_a_simple_clause_the_subject_acts_on_the_object() {
        let d = |text: &str| {
            let doc = TestDoc::new(text, PUBLISHED).actor("الجيش", "ORG", "ye.army", "military");
            doc.actor("القاعدة", "ORG", "aqap", "armed_group")
        };
        // Subject before the verb (SVO) and after it (VSO).
        for text in ["الجيش هاجم القاعدة في أبين.", "هاجم الجيش القاعدة في أبين."]
        {
            let e = only(&d(text));
            assert_eq!((names(&e.actors), names(&e.recipients)), (vec!["ye.army"], vec!["aqap"]), "{text}");
        }
    }

    #[test]
    fn a_relative_clauses_subject_is_the_name_it_follows() {
        let d = TestDoc::new("التقى أحمد بالمبعوث الأممي، الذي طالب الحوثيين بالانسحاب.", PUBLISHED)
            .actor("أحمد", "PER", "ye.ahmad", "person")
            .actor("المبعوث الأممي", "ORG", "un.envoy", "intl_org")
            .actor("الحوثيين", "ORG", "ye.houthis", "armed_group");
        let evs = events(&d);
        let demand = evs.iter().find(|e| e.ty == PloverType::Request).unwrap();
        assert_eq!((names(&demand.actors), names(&demand.recipients)), (vec!["un.envoy"], vec!["ye.houthis"]));
    }

    #[test]
    fn unnamed_civilians_undergo_what_is_done() {
        let d = TestDoc::new("هاجم مدنيون المعسكر.", PUBLISHED).generic("مدنيون", "generic.civilians", Some(7));
        let e = only(&d);
        assert!(e.actors.is_empty());
        assert_eq!(names(&e.recipients), ["generic.civilians"]);
    }

    #[test]
    fn a_name_after_a_doer_marker_is_the_actor() {
        // "قتل مدنيان برصاص الجيش": the army fired; the civilians undergo it.
        let d = TestDoc::new("قتل مدنيان برصاص الجيش في تعز.", PUBLISHED)
            .actor("الجيش", "ORG", "ye.army", "military")
            .generic("مدنيان", "generic.civilians", Some(7));
        let e = only(&d);
        assert_eq!((names(&e.actors), names(&e.recipients)), (vec!["ye.army"], vec!["generic.civilians"]));
    }

    #[test]
    fn a_name_after_against_undergoes_the_attack() {
        // "هجوم على الجيش" names no attacker: the army is attacked, not attacking.
        let d = TestDoc::new("وقع هجوم على الجيش في أبين.", PUBLISHED).actor("الجيش", "ORG", "ye.army", "military");
        let e = only(&d);
        assert!(e.actors.is_empty(), "{:?}", e.actors);
        assert_eq!(names(&e.recipients), ["ye.army"]);
    }
}
