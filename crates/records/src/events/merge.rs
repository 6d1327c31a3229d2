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
    AcledSubEventType, AttributionBasis, EventRecord, EventTime, Grain, Participant, PlaceLevel, PlaceRef, PloverMode,
    PloverType, Quad, Span, TimeBasis,
};
use isnad_text::CharOffsets;

use super::{ordinal_after, slice};
use crate::lexicon::RecordsLexicon;
use crate::words::Rank;

/// How many of the latest events a new mention is compared with for merging.
const MERGE_WINDOW: usize = 300;

/// How far (code points) after a violent happening a bare killing report is read as its outcome.
const OUTCOME_REACH: u32 = 400;

/// The generic actor of protesters (`data/actors.tsv`).
const PROTESTERS: &str = "generic.protesters";

/// How many code points before a mention the demonstrative pointing at it is looked for.
const DEMONSTRATIVE_REACH: u32 = 8;

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

    /// Whether a demonstrative stands right before a definite span (هذا الهجوم، هذه الغارة).
    fn demonstrative_before(&self, sp: Span) -> bool {
        let before = slice(self.idx, self.text, sp.start.saturating_sub(DEMONSTRATIVE_REACH), sp.start);
        let word = before.split_whitespace().next_back().unwrap_or("").trim_matches(|c: char| !c.is_alphabetic());
        let key = isnad_text::match_key(word);
        // With or without a leading و/ف (وهذه الضربات).
        let bare = key.strip_prefix(['و', 'ف']).unwrap_or(&key);
        let words = &self.lex.words;
        self.definite_at(sp) && (words.demonstratives.has(&key) || words.demonstratives.has(bare))
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
    /// A definite mention after a demonstrative (هذا الهجوم): the happening told last.
    this_ref: bool,
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
            this_ref: r.demonstrative_before(e.evidence[0]),
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
        // "هذا الهجوم" points at the latest happening of its type, whatever its time or place.
        let pointed = if probe.this_ref { out[lo..].iter().rposition(|o| o.ty == e.ty) } else { None };
        if let Some(i) = pointed {
            absorb(&mut out[lo + i], e, false);
            continue;
        }
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
/// So is a withdrawal or a flight (لاذوا بالفرار، انسحبت الميليشيات): after a fight it is
/// the fight's outcome, not a transfer of territory without fighting; and a destruction
/// (اعتراضه وتدميره، أضرموا النار فيها) after an attack or a riot is what it did.
fn outcome_host(latest: &[EventRecord], e: &EventRecord) -> Option<usize> {
    let withdrawal = e.ty == PloverType::Retreat && e.mode == Some(PloverMode::Withdraw);
    let destruction = e.ty == PloverType::Assault && e.mode == Some(PloverMode::Destroy);
    let outcome = withdrawal || destruction || (e.ty == PloverType::Assault && e.acled.is_none() && e.mode.is_none());
    let start = e.evidence[0].start;
    let host =
        |o: &EventRecord| (o.quad == Quad::MaterialConflict || o.ty == PloverType::Protest) && just_before(o, start);
    outcome.then(|| latest.iter().rposition(host)).flatten()
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

/// Whether both events have times from the text and the times differ: they do not
/// overlap, or one is coarser than a month (منذ 2013). A day within "last week" is no
/// different time (الأسبوع الماضي … يوم الخميس).
fn times_differ(o: &EventRecord, e: &EventRecord) -> bool {
    let (Some(a), Some(b)) = (&o.time, &e.time) else { return false };
    if a.basis == TimeBasis::Publication || b.basis == TimeBasis::Publication {
        return false;
    }
    if a.from == b.from && a.to == b.to {
        return false;
    }
    match (interval(a), interval(b)) {
        (Some((af, at)), Some((bf, bt))) => !(af < bt && bf < at),
        _ => true,
    }
}

/// A time as a half-open interval of ISO strings, when no coarser than a month: a point
/// (no end, or an end not after the start) ends just after itself ('~' sorts after the
/// digits and the 'T' of a datetime, so a date covers its day's datetimes).
fn interval(t: &EventTime) -> Option<(String, String)> {
    if matches!(t.grain, Grain::Quarter | Grain::Year) {
        return None;
    }
    let from = t.from.clone()?;
    let to = t.to.clone().filter(|to| *to > from).unwrap_or_else(|| format!("{from}~"));
    Some((from, to))
}

/// Whether both events have ACLED types and their sub-types differ.
fn acled_differs(o: &EventRecord, e: &EventRecord) -> bool {
    matches!((&o.acled, &e.acled), (Some(a), Some(b)) if a.sub_event_type != b.sub_event_type)
}

/// Whether the earlier event `o` and the new mention `e` are one happening.
fn same_happening(r: &Reader<'_>, o: &EventRecord, e: &EventRecord, p: &Probe) -> bool {
    if o.ty != e.ty {
        return violence_at_protest(o, e, p);
    }
    // Mentions of one type in one sentence are one happening, unless their times or
    // places differ (غارات على عمران …، كما استهدفت الغارات مواقع في الحديدة: two).
    // "قصفوا … بطائرة مسيرة": the weapon says what the generic "shelled" was.
    let refines = refines_fire(o, e) || refines_fire(e, o);
    let apart = times_differ(o, e) || places_differ(o, e);
    if o.id == e.id && !apart && (refines || !acled_differs(o, e)) {
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
/// place, kind or actors. A place within the other (a town in its district) is no
/// different place, nor is a country (often only the article's setting); the generic
/// fire (قصف) told again as an air strike is no different kind; an actor and its part
/// (the army of a government) are no different actors.
fn told_again(o: &EventRecord, e: &EventRecord, p: &Probe) -> bool {
    let place_differs = places_differ(o, e);
    let actors_differ = actors_differ(o, e);
    // Close by (a clause or two later), who is named matters less than what happened.
    let near = just_before(o, p.start);
    let same_kind = !acled_differs(o, e) || refines_fire(o, e) || refines_fire(e, o);
    !place_differs && same_kind && (!actors_differ || (near && o.mode.is_some() && o.mode == e.mode))
}

/// Whether a clash (مواجهات), or a shooting or killing of protesters, and a protest told in
/// one sentence or right after each other are one happening: the protest met with force
/// (eval/CODING.md: a demonstration met with force is a protest). A shooting that a
/// protest is about is not (احتجاجات للمطالبة بمعاقبة من أطلق النار).
fn violence_at_protest(o: &EventRecord, e: &EventRecord, p: &Probe) -> bool {
    let protesters = |x: &EventRecord| {
        x.actors.iter().chain(&x.recipients).any(|p| p.actor.as_ref().is_some_and(|a| a.id == PROTESTERS))
    };
    let clash = |x: &EventRecord| x.trigger.contains("confrontation") || x.trigger.contains("clash");
    let force = |x: &EventRecord| {
        x.ty == PloverType::Assault
            && matches!(x.mode, None | Some(PloverMode::Firearms))
            && x.acled.as_ref().is_none_or(|a| a.sub_event_type == AcledSubEventType::ArmedClash)
            && (clash(x) || protesters(x))
    };
    let protest =
        |x: &EventRecord| x.ty == PloverType::Protest && matches!(x.mode, Some(PloverMode::Demo | PloverMode::Riot));
    let pair = (protest(o) && force(e)) || (protest(e) && force(o));
    let close = o.id == e.id || just_before(o, p.start);
    pair && close && !times_differ(o, e) && !places_differ(o, e)
}

/// Whether both events name who acted and no actor of one is (part of) an actor of the other.
fn actors_differ(o: &EventRecord, e: &EventRecord) -> bool {
    let ids = |ps: &[Participant]| ps.iter().filter_map(|p| p.actor.as_ref().map(|a| a.id.clone())).collect::<Vec<_>>();
    let (oa, ea) = (ids(&o.actors), ids(&e.actors));
    !oa.is_empty() && !ea.is_empty() && !oa.iter().any(|a| ea.iter().any(|b| related(a, b)))
}

/// Whether two actor ids are one actor or one is part of the other (`iq.gov`, `iq.gov.army`).
fn related(a: &str, b: &str) -> bool {
    let part = |x: &str, y: &str| x.strip_prefix(y).is_some_and(|r| r.starts_with('.'));
    a == b || part(a, b) || part(b, a)
}

/// Whether both events have places below country level and neither lies within the other.
fn places_differ(o: &EventRecord, e: &EventRecord) -> bool {
    matches!((&o.place, &e.place), (Some(a), Some(b)) if a.level != PlaceLevel::Country && b.level != PlaceLevel::Country && !within(a, b) && !within(b, a))
}

/// Whether place `a` lies within place `b` (or is it): its country, its governorate, its
/// district.
fn within(a: &PlaceRef, b: &PlaceRef) -> bool {
    let same = |x: &Option<String>, y: &Option<String>| x.is_some() && x == y;
    a.id == b.id
        || match b.level {
            PlaceLevel::Country => a.country == b.country,
            PlaceLevel::Admin1 => same(&a.admin1, &b.admin1),
            PlaceLevel::Admin2 => same(&a.admin2, &b.admin2),
            _ => false,
        }
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

/// The more specific trigger gives the type's details (هجوم + عبوة ناسفة; قصف + طائرة مسيرة);
/// violence at a protest is the protest's.
fn absorb_type(o: &mut EventRecord, e: &EventRecord) {
    if e.ty == PloverType::Protest && o.ty != PloverType::Protest {
        (o.ty, o.mode, o.quad, o.acled, o.trigger) = (e.ty, e.mode, e.quad, e.acled.clone(), e.trigger.clone());
        return;
    }
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
    use isnad_schema::PloverType;

    use crate::events::testdoc::{events, only, place, TestDoc, PUBLISHED};

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

    #[test]
    fn two_strikes_on_different_places_in_one_sentence_stay_two() {
        let d = TestDoc::new("قصفت الطائرات مواقع في تعز، كما قصفت الطائرات مواقع في عدن.", PUBLISHED)
            .place("عدن", "ye.aden", "city")
            .place("تعز", "ye.taiz", "city");
        assert_eq!(events(&d).len(), 2);
        // Without places they are one happening told twice.
        let d = TestDoc::new("قصفت الطائرات مواقع المسلحين، كما قصفت الطائرات مواقعهم.", PUBLISHED);
        assert_eq!(only(&d).evidence.len(), 2);
    }

    #[test]
    fn a_town_within_the_district_told_before_is_no_different_place() {
        let text = "اندلعت اشتباكات في مديرية دمت. وأفاد شهود أن اشتباكات اندلعت وسط بلدة الحقب.";
        let mut district = place("ye.damt", "admin2");
        district.admin2 = Some("YE3002".into());
        let mut town = place("ye.haqb", "town");
        town.admin2 = Some("YE3002".into());
        let d = TestDoc::new(text, PUBLISHED).entity("دمت", "LOC", None, Some(district.clone())).entity(
            "الحقب",
            "LOC",
            None,
            Some(town.clone()),
        );
        assert_eq!(only(&d).evidence.len(), 2);
        // A town of another district is another place.
        town.admin2 = Some("YE3003".into());
        let d = TestDoc::new(text, PUBLISHED).entity("دمت", "LOC", None, Some(district)).entity(
            "الحقب",
            "LOC",
            None,
            Some(town),
        );
        assert_eq!(events(&d).len(), 2);
    }

    #[test]
    fn a_day_within_the_range_told_before_is_no_different_time() {
        let d = TestDoc::new("قصفت القوات المدينة خلال الأيام الثلاثة الماضية. وقصفت القوات المدينة أمس.", PUBLISHED);
        assert_eq!(only(&d).evidence.len(), 2);
        let d = TestDoc::new("قصفت القوات المدينة قبل أسبوعين. وقصفت القوات المدينة أمس.", PUBLISHED);
        assert_eq!(events(&d).len(), 2);
    }

    #[test]
    fn a_demonstrative_points_at_the_happening_told_last() {
        let text = "انفجرت سيارة مفخخة وسط المدينة أمس. ولم تتبن أي جهة اليوم هذا التفجير.";
        let d = TestDoc::new(text, PUBLISHED);
        let said: Vec<String> = only(&d).evidence.iter().map(|sp| d.slice(sp.start, sp.end)).collect();
        assert_eq!(said.last().map(String::as_str), Some("التفجير"));
        // Without it, the other day is another bombing.
        let text = "انفجرت سيارة مفخخة وسط المدينة أمس. ولم تتبن أي جهة اليوم التفجير.";
        assert_eq!(events(&TestDoc::new(text, PUBLISHED)).len(), 2);
    }

    #[test]
    fn a_flight_after_a_fight_is_its_outcome() {
        let e = only(&TestDoc::new("اشتبكت القوات مع المسلحين، ولاذ المسلحون بالفرار.", PUBLISHED));
        assert_eq!((e.ty, e.evidence.len()), (PloverType::Assault, 2));
        // Alone, a withdrawal is one.
        assert_eq!(only(&TestDoc::new("انسحبت القوات من المدينة.", PUBLISHED)).ty, PloverType::Retreat);
    }

    #[test]
    fn a_destruction_after_an_attack_is_what_it_did() {
        let text = "أطلق الحوثيون صاروخا باليستيا على جازان، وتمكنت الدفاعات الجوية من اعتراضه وتدميره.";
        let e = only(&TestDoc::new(text, PUBLISHED));
        assert_eq!((e.ty, e.evidence.len()), (PloverType::Assault, 2));
    }

    #[test]
    fn the_generic_fire_told_again_as_an_air_strike_is_one_happening() {
        let text = "أعلن العراق قصف غرفة عمليات للتنظيم. وقال البيان إن الطائرات نفذت ضربة جوية على الغرفة.";
        let e = only(&TestDoc::new(text, PUBLISHED));
        assert_eq!(e.evidence.len(), 2);
        assert_eq!(e.mode, Some(isnad_schema::PloverMode::Aerial));
    }

    #[test]
    fn an_actor_and_its_part_are_no_different_actors() {
        // Far apart (not the next clause), so only who acted can tell them apart.
        let between = "وتحدث المسؤولون عن الوضع الإنساني الصعب في المنطقة. ".repeat(10);
        let text = format!("قصف الجيش العراقي مواقع التنظيم. {between}وقصفت الحكومة العراقية مواقع التنظيم.");
        let text = text.as_str();
        let d = TestDoc::new(text, PUBLISHED).actor("الجيش العراقي", "ORG", "iq.gov.army", "military").actor(
            "الحكومة العراقية",
            "ORG",
            "iq.gov",
            "government",
        );
        assert_eq!(only(&d).evidence.len(), 2);
        let d = TestDoc::new(text, PUBLISHED).actor("الجيش العراقي", "ORG", "iq.gov.army", "military").actor(
            "الحكومة العراقية",
            "ORG",
            "sy.gov",
            "government",
        );
        assert_eq!(events(&d).len(), 2);
    }

    #[test]
    fn a_clash_at_a_protest_is_the_protest_met_with_force() {
        let text = "خرجت مظاهرات عند الحدود، حيث اندلعت مواجهات مع الجيش.";
        let e = only(&TestDoc::new(text, PUBLISHED));
        assert_eq!((e.ty, e.evidence.len()), (PloverType::Protest, 2));
        // A shooting a protest is about is another happening.
        let text = "خرجت احتجاجات للمطالبة بمعاقبة من أطلق النار على ضابط.";
        let types: Vec<PloverType> = events(&TestDoc::new(text, PUBLISHED)).iter().map(|e| e.ty).collect();
        assert!(types.contains(&PloverType::Protest) && types.contains(&PloverType::Assault), "{types:?}");
    }
}
