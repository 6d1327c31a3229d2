//! Merging mentions of one happening into one event with several evidence
//! spans.
//!
//! Mentions merge when they are the same type in one sentence (unless their
//! dates or ACLED kinds differ), when "the latest" refers back to the one just
//! introduced, when a material-conflict happening is told again later with
//! nothing telling them apart, when they share type, trigger family and a
//! resolved time from the text (not the publication fallback) or the same
//! ordinal right after the trigger word (الاجتماع الثاني), and when a bare
//! attack or killing report follows a violent happening (its outcome).

use isnad_schema::{
    AttributionBasis, EventRecord, EventTime, Participant, PlaceLevel, PloverMode, PloverType, Quad, Span, TimeBasis,
};
use isnad_text::CharOffsets;

use super::{ordinal_after, slice};
use crate::lexicon::RecordsLexicon;
use crate::words::Rank;

/// How many of the latest events a new mention is compared with for merging.
const MERGE_WINDOW: usize = 300;

/// How far (code points) after a violent happening a bare killing report is read as its outcome.
const OUTCOME_REACH: u32 = 400;

/// The text around the mentions, for the words that link them.
struct Reader<'a> {
    text: &'a str,
    idx: &'a CharOffsets,
    lex: &'a RecordsLexicon,
}

impl Reader<'_> {
    /// The ordinal word (its match key) right after the mention's first evidence.
    fn ordinal(&self, e: &EventRecord) -> Option<String> {
        ordinal_after(self.idx, self.text, self.lex, e.evidence[0]).map(|(k, _)| k)
    }

    /// Whether the text of a span starts with the article (ال، وال، لل …).
    fn definite_at(&self, sp: Span) -> bool {
        self.lex.words.article.starts(&isnad_text::match_key(&slice(self.idx, self.text, sp.start, sp.end)))
    }
}

/// What a new mention is compared by.
struct Probe {
    /// Its time from the text (clause or sentence), as (from, to).
    key_time: Option<(Option<String>, Option<String>)>,
    /// The ordinal word after it.
    ord: Option<String>,
    /// A definite mention followed by "the latest" (الاجتماع الأخير).
    latest_ref: bool,
    /// Where its sentence starts.
    sentence: u32,
    /// Where the mention starts.
    start: u32,
}

impl Probe {
    fn of(r: &Reader<'_>, e: &EventRecord) -> Probe {
        let ord = r.ordinal(e);
        let latest = ord.as_deref().and_then(|k| r.lex.ordinals.rank(k)) == Some(Rank::Last);
        Probe {
            key_time: text_time(e),
            latest_ref: r.definite_at(e.evidence[0]) && latest,
            ord,
            sentence: e.id.strip_prefix('s').and_then(|n| n.parse().ok()).unwrap_or(0),
            start: e.evidence[0].start,
        }
    }
}

/// An event's time when it comes from the text of its clause or sentence, as (from, to).
fn text_time(e: &EventRecord) -> Option<(Option<String>, Option<String>)> {
    e.time
        .as_ref()
        .filter(|t| matches!(t.basis, TimeBasis::Clause | TimeBasis::Sentence))
        .map(|t| (t.from.clone(), t.to.clone()))
}

/// Merges mentions of one happening (given in text order) and numbers the events.
pub(super) fn merge(events: Vec<EventRecord>, text: &str, idx: &CharOffsets, lex: &RecordsLexicon) -> Vec<EventRecord> {
    let r = Reader { text, idx, lex };
    let mut out: Vec<EventRecord> = Vec::new();
    for e in events {
        // Candidates: the latest events only, so a huge document costs linear time.
        let lo = out.len().saturating_sub(MERGE_WINDOW);
        if let Some(h) = outcome_host(&out[lo..], &e) {
            absorb_outcome(&mut out[lo + h], e);
            continue;
        }
        let probe = Probe::of(&r, &e);
        match out[lo..].iter_mut().find(|o| same_happening(&r, o, &e, &probe)) {
            Some(o) => absorb(o, e, probe.latest_ref),
            None => out.push(e),
        }
    }
    for (i, e) in out.iter_mut().enumerate() {
        e.id = format!("ev{}", i + 1);
    }
    out
}

/// Whether `o` ends at most [`OUTCOME_REACH`] before `start`.
fn just_before(o: &EventRecord, start: u32) -> bool {
    o.evidence.iter().map(|s| s.end).max().is_some_and(|end| end <= start && start - end <= OUTCOME_REACH)
}

/// A bare report of an attack or a killing (هجوم، مقتل … with no weapon or ACLED type)
/// right after a violent happening is told about that happening: its index in `latest`.
fn outcome_host(latest: &[EventRecord], e: &EventRecord) -> Option<usize> {
    let outcome = e.ty == PloverType::Assault && e.acled.is_none() && e.mode.is_none();
    let start = e.evidence[0].start;
    outcome.then(|| latest.iter().rposition(|o| o.quad == Quad::MaterialConflict && just_before(o, start))).flatten()
}

/// The outcome joins its happening: one event, with the counts.
fn absorb_outcome(o: &mut EventRecord, e: EventRecord) {
    o.evidence.extend(e.evidence);
    for (k, v) in e.counts {
        o.counts.entry(k).or_insert(v);
    }
}

/// Whether `specific` (an air or drone strike) says what the generic fire of `generic`
/// (قصف: shelled, bombarded) was.
fn refines_fire(generic: &EventRecord, specific: &EventRecord) -> bool {
    generic.ty == PloverType::Assault
        && generic.trigger.starts_with("assault.shelling")
        && specific.ty == PloverType::Assault
        && matches!(specific.mode, Some(PloverMode::Drone | PloverMode::Aerial))
}

/// Whether both events have times from the text and the times differ.
fn times_differ(o: &EventRecord, e: &EventRecord) -> bool {
    match (&o.time, &e.time) {
        (Some(a), Some(b)) => {
            a.basis != TimeBasis::Publication && b.basis != TimeBasis::Publication && (a.from != b.from || a.to != b.to)
        }
        _ => false,
    }
}

/// Whether both events have ACLED types and their sub-types differ.
fn acled_differs(o: &EventRecord, e: &EventRecord) -> bool {
    matches!((&o.acled, &e.acled), (Some(a), Some(b)) if a.sub_event_type != b.sub_event_type)
}

/// Whether the earlier event `o` and the new mention `e` are one happening.
fn same_happening(r: &Reader<'_>, o: &EventRecord, e: &EventRecord, p: &Probe) -> bool {
    if o.ty != e.ty {
        return false;
    }
    // Mentions of one type in one sentence are one happening, unless their times differ.
    // "قصفوا … بطائرة مسيرة": the weapon says what the generic "shelled" was.
    let refines = refines_fire(o, e) || refines_fire(e, o);
    if o.id == e.id && !times_differ(o, e) && (refines || !acled_differs(o, e)) {
        return true;
    }
    // "اجتماعاً آخر … حتى اليوم …، الاجتماع الأخير بدأ الاثنين": within one sentence, "the
    // latest" (definite + الأخير) refers back to the one just introduced (indefinite).
    if p.latest_ref && o.evidence.iter().any(|sp| sp.start >= p.sentence && sp.start < p.start && !r.definite_at(*sp)) {
        return true;
    }
    if o.quad == Quad::MaterialConflict && !times_differ(o, e) && told_again(o, e, p) {
        return true;
    }
    if o.trigger.split('.').next() != e.trigger.split('.').next() {
        return false;
    }
    (p.key_time.is_some() && text_time(o) == p.key_time) || (p.ord.is_some() && r.ordinal(o) == p.ord)
}

/// Material conflict told again later in the article (the title, the lead, the
/// details): one happening when nothing tells them apart — no different time,
/// place, ACLED type or actors.
fn told_again(o: &EventRecord, e: &EventRecord, p: &Probe) -> bool {
    let place_differs = matches!((&o.place, &e.place), (Some(a), Some(b)) if a.id != b.id && a.level != PlaceLevel::Country && b.level != PlaceLevel::Country);
    let ids = |ps: &[Participant]| ps.iter().filter_map(|p| p.actor.as_ref().map(|a| a.id.clone())).collect::<Vec<_>>();
    let (oa, ea) = (ids(&o.actors), ids(&e.actors));
    let actors_differ = !oa.is_empty() && !ea.is_empty() && !oa.iter().any(|a| ea.contains(a));
    // Close by (a clause or two later), who is named matters less than what happened.
    let near = just_before(o, p.start);
    !place_differs && !acled_differs(o, e) && (!actors_differ || (near && o.mode.is_some() && o.mode == e.mode))
}

/// Merges mention `e` into event `o`.
fn absorb(o: &mut EventRecord, e: EventRecord, latest_ref: bool) {
    absorb_type(o, &e);
    o.evidence.extend(e.evidence);
    add_parties(&mut o.actors, &o.recipients, e.actors);
    add_parties(&mut o.recipients, &o.actors, e.recipients);
    if o.place.is_none() {
        o.place = e.place;
    }
    absorb_time(o, e.time, latest_ref);
    for (k, v) in e.counts {
        o.counts.entry(k).or_insert(v);
    }
    // A named source beats the outlet alone.
    if o.attribution.basis == AttributionBasis::Outlet && e.attribution.basis != AttributionBasis::Outlet {
        o.attribution = e.attribution;
    }
}

/// The more specific trigger gives the type's details (هجوم + عبوة ناسفة; قصف + طائرة مسيرة).
fn absorb_type(o: &mut EventRecord, e: &EventRecord) {
    if refines_fire(o, e) {
        o.mode = e.mode;
    }
    if (o.acled.is_none() && e.acled.is_some()) || refines_fire(o, e) {
        o.acled = e.acled.clone();
        o.trigger = e.trigger.clone();
    }
    if o.mode.is_none() {
        o.mode = e.mode;
    }
}

/// Adds to `side` the participants of `new` whose actor the event has on
/// neither side (`other` is the event's other side).
fn add_parties(side: &mut Vec<Participant>, other: &[Participant], new: Vec<Participant>) {
    for p in new {
        if !side.iter().chain(other).any(|x| x.actor.is_some() && x.actor == p.actor) {
            side.push(p);
        }
    }
}

/// A time from the text beats the publication fallback; the back-reference's
/// own date extends the span (began on Monday the 20th, still on today).
fn absorb_time(o: &mut EventRecord, time: Option<EventTime>, latest_ref: bool) {
    let weak = |t: &Option<EventTime>| {
        t.as_ref().is_none_or(|t| matches!(t.basis, TimeBasis::Publication | TimeBasis::Context))
    };
    if weak(&o.time) && !weak(&time) {
        o.time = time;
    } else if latest_ref && !weak(&o.time) && !weak(&time) {
        if let (Some(a), Some(b)) = (o.time.as_mut(), time.as_ref()) {
            a.from = [a.from.clone(), b.from.clone()].into_iter().flatten().min();
            a.to = [a.to.clone(), b.to.clone()].into_iter().flatten().max();
            a.precision = a.precision.max(b.precision);
            a.span = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::events::testdoc::{events, only, TestDoc, PUBLISHED};

    #[test]
    fn two_mentions_of_one_happening_merge() {
        let d = TestDoc::new("اشتبكت القوات مع المسلحين، واستمرت الاشتباكات ساعات.", PUBLISHED);
        let e = only(&d);
        let said: Vec<String> = e.evidence.iter().map(|sp| d.slice(sp.start, sp.end)).collect();
        assert_eq!(said, ["اشتبكت", "الاشتباكات"]);
        // Told again in the next sentence, with nothing telling them apart.
        let e = only(&TestDoc::new("قصفت القوات مواقع المسلحين. وأدى القصف إلى خسائر.", PUBLISHED));
        assert_eq!(e.evidence.len(), 2);
    }

    #[test]
    fn happenings_in_different_places_stay_apart() {
        let d = TestDoc::new("قصفت القوات مواقع في تعز. وقصفت القوات مواقع في عدن.", PUBLISHED)
            .place("عدن", "ye.aden", "city")
            .place("تعز", "ye.taiz", "city");
        let evs = events(&d);
        let places: Vec<&str> = evs.iter().map(|e| e.place.as_ref().unwrap().id.as_str()).collect();
        assert_eq!(places, ["ye.taiz", "ye.aden"]);
        assert_eq!(evs[1].id, "ev2");
    }
}
