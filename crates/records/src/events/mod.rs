//! Events with their arguments, attribution (إسناد) and factuality; the
//! framing profile; the sourcing summary.
//!
//! Per sentence: event triggers from the lexicon; for each trigger its
//! clause (the tokens between punctuation marks); participants, place, time
//! and counts from the clause, else the sentence; the attribution of the
//! sentence (explicit, carried over from the report it continues, the
//! outlet's own earlier reporting, or the outlet alone); the factuality cue
//! that governs the trigger. Mentions of one happening (same type and same
//! resolved time, or the same ordinal: "the second meeting") merge into one
//! event with several evidence spans.
//!
//! Each stage is a module over the sentence's [`context::Context`]:
//! [`triggers`] (which matches are happenings), [`clause`], [`participants`],
//! [`place`], [`time`], [`counts`], [`factuality`], [`tense`], [`hedged`]
//! (parties named under a hedge), [`framing`] and [`attribution`]; then
//! [`merge`], [`background`] (what the text dates well before publication) and
//! the [`sequence`] check over the document's events.

mod attribution;
mod background;
mod clause;
mod context;
mod counts;
mod factuality;
mod framing;
mod hedged;
mod merge;
mod participants;
mod place;
mod sequence;
mod tense;
mod territory;
mod time;
mod triggers;

#[cfg(test)]
mod testdoc;

use isnad_schema::{
    AcledSubEventType, AcledType, ActorRef, Attribution, CheckRecord, EntityRecord, EventRecord, Framing, FramingTerm,
    Participant, PloverType, QuantityRecord, Sourcing, Span, TimeRecord,
};
use isnad_text::{CharOffsets, PhraseMatch};

use crate::lexicon::{RecordsLexicon, Trigger};
use crate::words::Rank;
use clause::Mention;
use context::Context;

/// A token as the extractor sees it.
#[derive(Clone, Debug, Default)]
pub struct Tok {
    /// Code-point start.
    pub start: u32,
    /// Code-point end.
    pub end: u32,
    /// Match key.
    pub key: String,
    /// Clitic-stripped stem.
    pub stem: String,
    /// Carries a leading conjunction (و، ف).
    pub conj: bool,
    /// Punctuation that separates clauses (، ؛ : …).
    pub clause_break: bool,
}

/// A sentence's tokens.
#[derive(Clone, Debug, Default)]
pub struct SentenceView {
    /// Code-point start.
    pub start: u32,
    /// Code-point end.
    pub end: u32,
    /// Tokens.
    pub toks: Vec<Tok>,
}

/// A generic actor mention (gunmen, civilians, security forces …).
#[derive(Clone, Debug)]
pub struct GenericMention {
    /// Code-point start.
    pub start: u32,
    /// Code-point end.
    pub end: u32,
    /// The generic actor.
    pub actor: ActorRef,
}

/// Everything the extractor reads.
pub struct Doc<'a> {
    /// The text.
    pub text: &'a str,
    /// The outlet's name, when known (document metadata).
    pub outlet: Option<&'a str>,
    /// Sentences.
    pub sentences: &'a [SentenceView],
    /// Time expressions.
    pub times: &'a [TimeRecord],
    /// Quantities.
    pub quantities: &'a [QuantityRecord],
    /// Entities.
    pub entities: &'a [EntityRecord],
    /// Generic actor mentions.
    pub generic: &'a [GenericMention],
    /// Publication date, ISO.
    pub published: Option<&'a str>,
}

/// What the extractor produces.
#[derive(Clone, Debug, Default)]
pub struct Extracted {
    /// Events.
    pub events: Vec<EventRecord>,
    /// Framing.
    pub framing: Framing,
    /// Sourcing summary.
    pub sourcing: Sourcing,
    /// Checks on events: a happening dated after publication but told in the past tense.
    pub checks: Vec<CheckRecord>,
    /// Happenings the text dates well before publication: context, not reported events.
    pub background: Vec<EventRecord>,
}

/// The items of a list sorted by start that lie within `[start, end)`
/// (binary search: a long document costs no more per sentence than a short one).
fn within<T>(items: &[T], start: u32, end: u32, span: impl Fn(&T) -> (u32, u32)) -> &[T] {
    let lo = items.partition_point(|x| span(x).0 < start);
    let hi = lo + items[lo..].partition_point(|x| span(x).0 < end);
    let mut hi2 = hi;
    while hi2 > lo && span(&items[hi2 - 1]).1 > end {
        hi2 -= 1;
    }
    &items[lo..hi2]
}

/// The text between two code-point offsets.
fn slice(idx: &CharOffsets, text: &str, start: u32, end: u32) -> String {
    idx.slice(text, start, end).to_string()
}

/// The ordinal word right after a span (within 12 code points), as its match
/// key with its rank (الاجتماع الثاني، الاجتماع الأخير).
fn ordinal_after(idx: &CharOffsets, text: &str, lex: &RecordsLexicon, sp: Span) -> Option<(String, Rank)> {
    let rest = slice(idx, text, sp.end, sp.end + 12);
    let key = isnad_text::match_key(rest.split_whitespace().next()?);
    let rank = lex.ordinals.rank(&key)?;
    Some((key, rank))
}

/// What carries from one sentence to the next.
struct Run {
    /// The mentions so far, in text order (merged at the end).
    events: Vec<EventRecord>,
    /// The framing terms so far.
    terms: Vec<FramingTerm>,
    /// The report being continued.
    report: Option<Attribution>,
    /// The time the paragraph's events fall back to.
    times: time::Carry,
    /// Checks found on single mentions.
    checks: Vec<CheckRecord>,
}

/// Extracts events, framing and sourcing.
pub fn extract(doc: &Doc<'_>, lex: &RecordsLexicon) -> Extracted {
    let idx = CharOffsets::new(doc.text);
    let mut run =
        Run { events: Vec::new(), terms: Vec::new(), report: None, times: time::Carry::new(doc), checks: Vec::new() };
    for s in doc.sentences {
        run.times.enter(doc, &idx, s);
        let cx = Context::new(doc, &idx, lex, s, &mut run.report);
        framing::collect(&cx, &mut run.terms);
        sentence_events(&cx, &mut run);
        hedged::add_hedged_parties(&cx, &mut run.events);
    }
    let merged = merge::merge(run.events, doc.text, &idx, lex);
    let (mut events, background) = background::split(merged, doc.published);
    territory::settle(&mut events);
    // After merging (so the fallback never keeps two mentions apart).
    let doc_place = place::main_place(doc);
    for e in &mut events {
        place::fall_back(&mut e.place, doc_place.as_ref());
    }
    run.checks.extend(sequence::sequence_checks(&mut events, doc.times, doc.text, &idx, lex));
    let sourcing = attribution::sourcing(&events);
    Extracted { events, framing: framing::framing(run.terms), sourcing, checks: run.checks, background }
}

/// The events of one sentence's triggers, one per trigger span that names a happening.
fn sentence_events(cx: &Context<'_>, run: &mut Run) {
    let threat_ends = triggers::threat_ends(cx);
    let mut seen_spans: Vec<(usize, usize)> = Vec::new();
    for m in &cx.triggers {
        // One event per trigger span: the lexicon may list a form under two entries.
        if seen_spans.contains(&(m.start, m.end)) {
            continue;
        }
        seen_spans.push((m.start, m.end));
        if triggers::is_happening(cx, m, &threat_ends) {
            let event = mention_event(cx, m, run);
            run.events.push(event);
        }
    }
}

/// The event of one trigger: every stage over its clause.
fn mention_event(cx: &Context<'_>, m: &PhraseMatch<'_, Trigger>, run: &mut Run) -> EventRecord {
    let m = Mention::of(cx, m);
    let trig = m.trig;
    let (actors, recipients) = participants::participants(cx, &m, &run.events);
    let place = place::place(cx, &m);
    let time = run.times.event_time(cx, &m);
    let counts = counts::counts(cx, &m);
    let fact = factuality::factuality(cx, &m);
    if let Some(t) = &time {
        run.times.keep(t);
    }
    let evidence = Span { start: cx.s.toks[m.start].start, end: cx.s.toks[m.end - 1].end };
    run.checks.extend(tense::past_after_publication(cx, &m, evidence, time.as_ref(), fact.value));
    let riot = is_riot(trig, &actors, &recipients);
    EventRecord {
        id: format!("s{}", cx.s.start),
        ty: if riot { PloverType::Protest } else { trig.plover },
        mode: if riot { None } else { trig.mode },
        quad: trig.plover.quad(),
        acled: if riot { Some(AcledSubEventType::ViolentDemonstration) } else { trig.acled }
            .map(|sub| AcledType { event_type: sub.event_type(), sub_event_type: sub }),
        actors,
        recipients,
        place,
        time,
        counts,
        evidence: vec![evidence],
        attribution: cx.att.clone(),
        factuality: fact.value,
        factuality_cue: fact.cue,
        trigger: trig.id.clone(),
    }
}

/// A clash in which one side is protesters is a riot (ACLED), a protest (PLOVER).
fn is_riot(trig: &Trigger, actors: &[Participant], recipients: &[Participant]) -> bool {
    let protesters = actors
        .iter()
        .chain(recipients)
        .any(|p| p.actor.as_ref().is_some_and(|a| a.id == "generic.protesters" || a.id == "generic.rioters"));
    protesters && trig.plover == PloverType::Assault && (trig.id.contains("confrontation") || trig.id.contains("clash"))
}
