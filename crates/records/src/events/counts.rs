//! How many: the quantities in a trigger's clause (and, for people, up to the
//! next happening of its kind), keyed by what they count (killed, injured,
//! captured …).
//!
//! The conventions are those of `eval/CODING.md` §7: a bound ("at least N")
//! counts N; an order of magnitude ("dozens") counts nothing; the parts of one
//! happening are summed ("42 Houthis and 9 resistance fighters" killed → 51);
//! a part of a total already given ("among them 3 children") and a running
//! total over a campaign ("since the start of the marches") are not this
//! happening's count; one named or singular victim counts one; an arrest is a
//! capture. The words are in `events/count_cues.tsv` and `events/count_words.tsv`.

use std::collections::BTreeMap;

use isnad_schema::{EntityType, PloverMode, PloverType, Quad, QuantityKind, QuantityRecord, QuantityRelation};

use super::clause::Mention;
use super::context::Context;
use super::within;
use crate::lexicon::{CountRole, Trigger};

/// Counts of what happened to people: kept only on assaults, coercion and protests
/// (a deployment or a meeting has no dead of its own).
const CASUALTY_KEYS: [&str; 4] = ["killed", "injured", "captured", "arrested"];

/// The counts of trigger match `m`: the quantities in its clause, and (for
/// people) what follows the trigger up to the next happening of its kind
/// (أفرج … بتاريخ 10 أكتوبر، عن أربعة عناصر), or leads the sentence before it
/// (جرح 7 أشخاص، في انفجار عبوة).
pub(super) fn counts(cx: &Context<'_>, m: &Mention<'_>) -> BTreeMap<String, f64> {
    let reach = Reach::of(cx, m);
    let numbers = numbers(cx);
    let totals = running_totals(cx, &numbers);
    let mut counts: BTreeMap<String, f64> = BTreeMap::new();
    let mut in_part = false;
    for (i, n) in numbers.iter().enumerate() {
        // بينهم 75 طفلا، و16 امرأة: what is joined to a part is a part too.
        in_part = is_part(cx, n) || (in_part && joined(cx, n));
        if totals.contains(&i) || in_part {
            continue;
        }
        let Some(key) = what_it_counts(cx, n, m.trig) else { continue };
        let casualty = CASUALTY_KEYS.contains(&key.as_str());
        if reach.holds(n, casualty) {
            *counts.entry(key).or_default() += n.q.value;
        }
    }
    add_single_victims(cx, m, &reach, &mut counts);
    if !matches!(m.trig.plover, PloverType::Assault | PloverType::Coerce | PloverType::Protest) {
        counts.retain(|k, _| !CASUALTY_KEYS.contains(&k.as_str()));
    }
    // The arrested are captured too (CODING §7: captured covers arrested).
    if let Some(a) = counts.get("arrested").copied() {
        *counts.entry("captured".into()).or_default() += a;
    }
    counts
}

/// A quantity as the count rules read it: its tokens and whether it counts people.
struct Number {
    q: QuantityRecord,
    /// Its first token in the sentence.
    first: usize,
    /// One past its last token (and past a people noun the text layer does not know).
    end: usize,
    /// It counts people: a person noun, a demonym (42 حوثيا), N من <group>, N آخرين.
    people: bool,
}

/// The sentence's quantities that may count something: not ranks, not orders
/// of magnitude (عشرات، مئات: CODING §7 omits "dozens"); and "two" where the text
/// layer reads no number (مقتل اثنين من أفراد الطاقم، فلسطينيين اثنين).
fn numbers(cx: &Context<'_>) -> Vec<Number> {
    let toks = &cx.s.toks;
    let tok_at = |o: u32| toks.iter().position(|t| t.start >= o).unwrap_or(toks.len());
    let quantities = within(cx.doc.quantities, cx.s.start, cx.s.end, |q| (q.start, q.end));
    let mut out: Vec<Number> = quantities
        .iter()
        .filter(|q| q.kind != QuantityKind::Ordinal && q.relation != Some(QuantityRelation::OrderOfMagnitude))
        .map(|q| {
            let (first, end) = (tok_at(q.start), tok_at(q.end));
            let noun = matches!(q.unit_category.as_deref(), Some("person" | "casualty" | "captive"));
            let bare = q.unit.is_none().then(|| people_after(cx, end)).flatten();
            Number { q: q.clone(), first, end: bare.unwrap_or(end).max(end), people: noun || bare.is_some() }
        })
        .collect();
    for (i, t) in toks.iter().enumerate() {
        let counted = quantities.iter().any(|q| q.start <= t.start && t.end <= q.end);
        if !counted && has_role(cx, i, CountRole::Two) && !cx.lex.words.article.starts(&t.key) {
            let people = (i > 0 && has_role(cx, i - 1, CountRole::People)) || people_after(cx, i + 1).is_some();
            out.push(Number { q: two(cx, t.start, t.end), first: i, end: i + 1, people });
        }
    }
    out.sort_by_key(|n| n.first);
    out
}

/// A quantity of two over `[start, end)`.
fn two(cx: &Context<'_>, start: u32, end: u32) -> QuantityRecord {
    QuantityRecord {
        start,
        end,
        text: cx.slice(start, end),
        value: 2.0,
        unit: None,
        unit_en: None,
        kind: QuantityKind::Cardinal,
        relation: None,
        unit_category: None,
    }
}

/// Whether token `i` (right after a bare number) says the number counts people,
/// and where the number's phrase then ends: after a demonym or people noun (42
/// حوثيا); before a filler (آخرين) or من and a group (من مليشيات).
fn people_after(cx: &Context<'_>, i: usize) -> Option<usize> {
    let partitive =
        is_partitive(cx, i) && (has_role(cx, i + 1, CountRole::Group) || has_role(cx, i + 1, CountRole::People));
    role_at(cx, i, CountRole::People).or((partitive || has_role(cx, i, CountRole::Filler)).then_some(i))
}

/// Whether a phrase of `role` starts at token `i`.
fn has_role(cx: &Context<'_>, i: usize, role: CountRole) -> bool {
    role_at(cx, i, role).is_some()
}

/// One past the end of the phrase of `role` starting at token `i`.
fn role_at(cx: &Context<'_>, i: usize, role: CountRole) -> Option<usize> {
    cx.lex.count_words.at(&cx.words, i).into_iter().find(|w| *w.value == role).map(|w| w.end)
}

/// Whether token `i` is a partitive (من), compared on the whole token.
fn is_partitive(cx: &Context<'_>, i: usize) -> bool {
    cx.s.toks.get(i).is_some_and(|t| cx.lex.partitives.contains(&t.key))
}

/// Whether the number is part of a total already given (بينهم 3 أطفال).
fn is_part(cx: &Context<'_>, n: &Number) -> bool {
    n.first > 0 && (n.first.saturating_sub(2)..n.first).any(|j| role_at(cx, j, CountRole::Part) == Some(n.first))
}

/// The numbers (indices into `numbers`) that are running totals: the number
/// nearest each running-total phrase (وقتل 171 فلسطينيا … منذ بدء المسيرات).
fn running_totals(cx: &Context<'_>, numbers: &[Number]) -> Vec<usize> {
    let mut out = Vec::new();
    for j in 0..cx.s.toks.len() {
        let Some(end) = role_at(cx, j, CountRole::RunningTotal) else { continue };
        let gap = |n: &Number| if n.end <= j { j - n.end } else { n.first.saturating_sub(end) };
        if let Some((i, _)) = numbers.iter().enumerate().min_by_key(|(_, n)| gap(n)) {
            out.push(i);
        }
    }
    out
}

/// Where a trigger's counts may stand.
struct Reach {
    /// Its clause, as code points.
    clause: (u32, u32),
    /// From the trigger's end to the clause of the next happening of its kind, as code points.
    after: (u32, u32),
    /// The same, as tokens.
    after_toks: (usize, usize),
    /// The sentence's opening clauses before the trigger's, when no trigger stands there.
    lead: Option<u32>,
}

impl Reach {
    fn of(cx: &Context<'_>, m: &Mention<'_>) -> Reach {
        let s = cx.s;
        let conflict = m.trig.plover.quad() == Quad::MaterialConflict;
        // A happening of another kind (تحالف دعم الشرعية) does not end a clash's reach.
        let next = cx
            .triggers
            .iter()
            .filter(|t| !conflict || t.value.plover.quad() == Quad::MaterialConflict)
            .map(|t| t.start)
            .find(|&st| st >= m.end)
            .unwrap_or(s.toks.len());
        // What the clause of that next happening tells is about it (لقي مصرعه في غارة جوية).
        let next = match next < s.toks.len() {
            true => s.toks[..next].iter().rposition(|t| t.clause_break).map_or(0, |i| i + 1).max(m.end),
            false => next,
        };
        let next_at = s.toks.get(next).map_or(s.end, |t| t.start);
        let opens = conflict && m.clause.lo > 0 && cx.triggers.iter().all(|t| t.start >= m.clause.lo);
        Reach {
            clause: (m.clause.start, m.clause.end),
            after: (s.toks[m.end - 1].end, next_at),
            after_toks: (m.end, next),
            lead: opens.then_some(m.clause.start),
        }
    }

    /// Whether number `n` counts for the trigger: anything in its clause; people after
    /// it; casualties in the sentence's opening clauses.
    fn holds(&self, n: &Number, casualty: bool) -> bool {
        let (a, b) = (n.q.start, n.q.end);
        (a >= self.clause.0 && b <= self.clause.1)
            || ((n.people || casualty) && a >= self.after.0 && b <= self.after.1)
            || (casualty && self.lead.is_some_and(|end| b <= end))
    }
}

/// What a number counts: a casualty or captive noun says it (3 قتلى);
/// otherwise a cue just before the number (مقتل 5 أشخاص، وأصيب 20 شخصاً) or
/// right after its noun (30 شخصا آخرين أصيبوا), the cue of the count it is
/// joined to (مقتل 42 حوثيا و9 مقاتلين) or of the verb it is the object of
/// (اعتقلت الشرطة امرأتين), else the counted noun (32 عنصراً → members).
fn what_it_counts(cx: &Context<'_>, n: &Number, trig: &Trigger) -> Option<String> {
    if matches!(n.q.unit_category.as_deref(), Some("casualty" | "captive")) {
        return count_key(n, trig);
    }
    // A cue says what people are counted as, not things (سقوط 3 صواريخ، الجرحى في تفجيرين).
    let cued = n.people || n.q.unit.is_none();
    let cue = || cue_before(cx, n).or_else(|| cue_after(cx, n)).or_else(|| clause_cue(cx, n));
    cued.then(cue).flatten().or_else(|| count_key(n, trig))
}

/// The count a cue within three tokens before the number names (مقتل 29), or a
/// cue the quantity opens with (أسر اثنين).
fn cue_before(cx: &Context<'_>, n: &Number) -> Option<String> {
    let qi = n.first;
    (qi.saturating_sub(3)..=qi).rev().find_map(|j| {
        let fits = |end: usize| end == qi || end + 1 == qi || (j == qi && end < n.end);
        cx.lex.count_cues.at(&cx.words, j).into_iter().find(|c| fits(c.end)).map(|c| c.value.clone())
    })
}

/// The count a cue right after a count of people names (أكثر من 30 شخصا آخر
/// أصيبوا؛ 120 مسلحا من ميليشيات الحوثي قتلوا): directly after it, or after a
/// filler or partitive phrase of at most five words; a cue that opens a number of
/// its own (وإصابة 12) is that number's.
fn cue_after(cx: &Context<'_>, n: &Number) -> Option<String> {
    let toks = &cx.s.toks;
    let opens_number = |i: usize| cx.doc.quantities.iter().any(|q| toks.get(i).is_some_and(|t| t.start == q.start));
    let bridged = has_role(cx, n.end, CountRole::Filler) || is_partitive(cx, n.end);
    for (j, t) in toks.iter().enumerate().skip(n.end).take(6) {
        if t.clause_break || opens_number(j) {
            return None;
        }
        if let Some(c) = cx.lex.count_cues.at(&cx.words, j).into_iter().next() {
            // A cue joined with و opens a predicate of its own (أربعة عناصر … وأصيب آخرون).
            return (!opens_number(c.end) && !t.conj).then(|| c.value.clone());
        }
        if !bridged {
            return None;
        }
    }
    None
}

/// The cue of a count of people further back in its clause: the count it is
/// joined to with و, up to eight tokens back (مقتل 42 حوثيا و9 مقاتلين من
/// المقاومة → killed 51), or the verb whose object it is, up to four tokens back
/// with no other number between (اعتقلت الشرطة التركية امرأتين).
fn clause_cue(cx: &Context<'_>, n: &Number) -> Option<String> {
    let toks = &cx.s.toks;
    if !n.people {
        return None;
    }
    let joined = joined(cx, n);
    let lo = toks[..n.first].iter().rposition(|t| t.clause_break).map_or(0, |i| i + 1);
    let lo = lo.max(n.first.saturating_sub(if joined { 8 } else { 4 }));
    for j in (lo..n.first).rev() {
        if let Some(c) = cx.lex.count_cues.at(&cx.words, j).into_iter().next() {
            return Some(c.value.clone());
        }
        if !joined && cx.doc.quantities.iter().any(|q| q.start == toks[j].start) {
            return None;
        }
    }
    None
}

/// Whether the number is joined to what comes before it with و.
fn joined(cx: &Context<'_>, n: &Number) -> bool {
    let toks = &cx.s.toks;
    toks[n.first].conj || (n.first > 0 && toks[n.first - 1].key == "و")
}

/// The count key for a quantity in an event of this trigger, from its counted noun.
fn count_key(n: &Number, trig: &Trigger) -> Option<String> {
    let release = trig.mode == Some(PloverMode::Release) || trig.id.contains("release");
    let Some(gloss) = n.q.unit_en.as_deref() else {
        // A bare number of people (42 حوثيا، 3 من مليشيات الحوثي).
        return n.people.then(|| if release { "released" } else { "members" }.to_string());
    };
    let cat = n.q.unit_category.as_deref().unwrap_or("");
    let g = gloss.to_lowercase();
    Some(match cat {
        "casualty" if g.contains("injur") || g.contains("wound") => "injured".into(),
        "casualty" => "killed".into(),
        "captive" | "person" if release => "released".into(),
        "captive" => "captured".into(),
        "person" => "members".into(),
        "time" => return None,
        _ => g,
    })
}

/// Single victims: a cue with a singular pronoun (أدت إلى مقتله، لقي مصرعه) or
/// followed by a singular person noun or a person's name (مقتل القيادي، القبض على
/// يحيى) names one victim. In the trigger's clause it adds to the numbers of its
/// key (مقتل 3 جنود ومقتل ضابط → 4) when the victim is told of the trigger;
/// further on it counts only where no number does (مقتل العشرات، بينهم القيادي …
/// الذي لقي مصرعه → 1). One cue per key.
fn add_single_victims(cx: &Context<'_>, m: &Mention<'_>, reach: &Reach, counts: &mut BTreeMap<String, f64>) {
    let mut found: Vec<String> = Vec::new();
    let clause = m.clause.lo..m.clause.hi;
    let after = reach.after_toks.0.max(m.clause.hi)..reach.after_toks.1;
    for j in clause.clone().chain(after) {
        for c in cx.lex.count_cues.at(&cx.words, j) {
            let key = c.value;
            let (n, at) = if found.contains(key) { (0, j) } else { victims_named(cx, j, c.end) };
            let ours = if clause.contains(&j) { told_of(cx, m, at) } else { !counts.contains_key(key) };
            if n > 0 && ours {
                found.push(key.clone());
                *counts.entry(key.clone()).or_default() += n as f64;
            }
        }
    }
}

/// Whether the victim named at token `at` is told of trigger `m`: the
/// material-conflict trigger nearest it (the later one on a tie: "… لقي شاب مصرعه
/// في غارة جوية" is the air strike's) is `m` or one of its kind, which joins it.
fn told_of(cx: &Context<'_>, m: &Mention<'_>, at: usize) -> bool {
    let gap = |a: usize, b: usize| if at < a { a - at } else { at.saturating_sub(b - 1) };
    let nearest = cx
        .triggers
        .iter()
        .rev()
        .filter(|t| t.value.plover.quad() == Quad::MaterialConflict)
        .min_by_key(|t| gap(t.start, t.end));
    nearest.is_some_and(|t| {
        let acled_differs = matches!((t.value.acled, m.trig.acled), (Some(a), Some(b)) if a != b);
        t.value.plover == m.trig.plover && !acled_differs
    })
}

/// How many victims the cue at tokens `[j, end)` names one by one, and the token
/// that names the last: one for a singular pronoun (مقتله) or a singular person or
/// name after it, and one more for each singular person joined to that one with و
/// (مقتل ضابط ومجند → 2).
fn victims_named(cx: &Context<'_>, j: usize, end: usize) -> (usize, usize) {
    let toks = &cx.s.toks;
    let number_next = toks.get(end).is_some_and(|t| cx.doc.quantities.iter().any(|q| q.start == t.start));
    if has_role(cx, j, CountRole::NotForOne) || number_next {
        return (0, j);
    }
    if role_at(cx, j, CountRole::OneVictim) == Some(j + 1) {
        return (1, j);
    }
    if cx.ents.iter().any(|(i, e)| *i == end && e.ty == EntityType::Per) {
        return (1, end);
    }
    let mut i = end;
    while has_role(cx, i, CountRole::OnePerson) && (i == end || toks[i].key.starts_with('و')) {
        i += 1;
    }
    (i - end, i.saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use isnad_schema::PloverType;

    use crate::events::testdoc::{events, only, TestDoc, PUBLISHED};

    /// The count `key` of the one event of `text`.
    fn count(text: &str, key: &str) -> Option<f64> {
        only(&TestDoc::new(text, PUBLISHED)).counts.get(key).copied()
    }

    #[test]
    fn a_casualty_noun_says_what_its_number_counts() {
        let e = only(&TestDoc::new("أسفر الهجوم عن 3 قتلى و7 جرحى.", PUBLISHED));
        assert_eq!((e.counts.get("killed"), e.counts.get("injured")), (Some(&3.0), Some(&7.0)));
    }

    #[test]
    fn a_cue_before_a_number_says_what_it_counts() {
        let e = only(&TestDoc::new("أسفر الهجوم عن مقتل 5 أشخاص وإصابة 12 آخرين.", PUBLISHED));
        assert_eq!((e.counts.get("killed"), e.counts.get("injured")), (Some(&5.0), Some(&12.0)));
    }

    #[test]
    fn a_demonym_or_nisba_noun_after_a_number_counts_people() {
        for text in [
            "قالت مصادر إن 42 حوثيا قتلوا في الاشتباكات.",
            "قالت مصادر إن 119 حوثياً قتلوا في الاشتباكات.",
            "قالت مصادر إن 14 مدنيا قتلوا في الغارة.",
            "قالت مصادر إن 70 جنديا على الأقل أصيبوا في الهجوم.",
        ] {
            let e = only(&TestDoc::new(text, PUBLISHED));
            let n = e.counts.get("killed").or(e.counts.get("injured"));
            assert!(n.is_some_and(|n| [42.0, 119.0, 14.0, 70.0].contains(n)), "{text}: {:?}", e.counts);
        }
    }

    #[test]
    fn a_number_of_a_groups_members_counts_people() {
        assert_eq!(count("قالت مصادر إن 3 من مليشيات الحوثي قتلوا في الغارة.", "killed"), Some(3.0));
        assert_eq!(count("قالت مصادر إن 120 مسلحا من ميليشيات الحوثي قتلوا في المعارك.", "killed"), Some(120.0));
    }

    #[test]
    fn the_dead_of_both_sides_of_one_clash_are_summed() {
        let text = "أسفرت الاشتباكات عن مقتل 42 حوثيا و9 مقاتلين من المقاومة.";
        assert_eq!(count(text, "killed"), Some(51.0));
    }

    #[test]
    fn dozens_are_no_count() {
        let e = only(&TestDoc::new("أسفرت الاشتباكات عن مقتل العشرات من عناصر الميليشيات.", PUBLISHED));
        assert_eq!(e.counts.get("killed"), None, "{:?}", e.counts);
    }

    #[test]
    fn a_bound_counts_its_number() {
        assert_eq!(count("قتل ما لا يقل عن خمسة مدنيين في قصف على السوق.", "killed"), Some(5.0));
        assert_eq!(count("وقالت فرق الإنقاذ إن أكثر من 30 شخصا آخر أصيبوا بجراح في الهجوم.", "injured"), Some(30.0));
    }

    #[test]
    fn a_cue_after_the_counted_people_says_what_they_count() {
        assert_eq!(count("وقالت الشرطة إن 20 آخرين أصيبوا بجروح في الانفجار.", "injured"), Some(20.0));
    }

    #[test]
    fn a_cue_joined_with_and_after_a_count_opens_a_predicate_of_its_own() {
        let e = only(&TestDoc::new("نفذت قوات الأمن مداهمة راح ضحيتها أربعة عناصر من الأمن وأصيب آخرون.", PUBLISHED));
        assert_eq!((e.counts.get("killed"), e.counts.get("injured")), (Some(&4.0), None), "{:?}", e.counts);
    }

    #[test]
    fn a_part_of_a_total_is_not_added_to_it() {
        assert_eq!(count("قتل 5 مدنيين بينهم 3 أطفال في قصف على القرية.", "killed"), Some(5.0));
        let text = "أسفر القصف عن مقتل 20 شخصا، بينهم 7 أطفال، و4 نساء.";
        assert_eq!(count(text, "killed"), Some(20.0));
    }

    #[test]
    fn a_running_total_is_not_the_count_of_one_happening() {
        let evs = events(&TestDoc::new("وقتل 171 فلسطينيا برصاص الجيش منذ بدء المسيرات.", PUBLISHED));
        assert!(!evs.is_empty() && evs.iter().all(|e| !e.counts.contains_key("killed")), "{evs:#?}");
    }

    #[test]
    fn a_singular_or_named_victim_counts_one() {
        assert_eq!(count("قتل القيادي البارز في غارة جوية.", "killed"), Some(1.0));
        assert_eq!(count("استهدفت غارة جوية سيارة القيادي وأدت إلى مقتله.", "killed"), Some(1.0));
        assert_eq!(count("أسفر الهجوم عن مقتل أحد الجنود.", "killed"), Some(1.0));
        let named = TestDoc::new("تمكنت وحدات الجيش من القبض على يحيى عمر.", PUBLISHED).actor(
            "يحيى عمر",
            "PER",
            "ly.yahya",
            "person",
        );
        assert_eq!(only(&named).counts.get("captured"), Some(&1.0));
        // Not where the cue counts something else, nor before a number.
        assert_eq!(count("أسفر الهجوم عن مقتل أحد عشر جنديا.", "killed"), Some(11.0));
    }

    #[test]
    fn singular_victims_joined_with_and_are_each_counted() {
        assert_eq!(count("أعلن مصدر أمني مقتل ضابط ومجند في هجوم مسلح.", "killed"), Some(2.0));
        assert_eq!(count("أسفر الهجوم عن مقتل 3 جنود ومقتل ضابط.", "killed"), Some(4.0));
    }

    #[test]
    fn a_victim_told_with_a_nearer_happening_is_that_ones() {
        let evs = events(&TestDoc::new("خرجت مظاهرات في المدينة ولقي شاب مصرعه في غارة جوية.", PUBLISHED));
        let killed = |ty: PloverType| evs.iter().find(|e| e.ty == ty).map(|e| e.counts.get("killed").copied());
        assert_eq!(
            (killed(PloverType::Protest), killed(PloverType::Assault)),
            (Some(None), Some(Some(1.0))),
            "{evs:#?}"
        );
    }

    #[test]
    fn two_written_alone_counts_two() {
        assert_eq!(count("اندلعت مواجهات أسفرت عن مقتل فلسطينيين اثنين برصاص الجيش.", "killed"), Some(2.0));
        assert_eq!(count("أسفر الهجوم عن مقتل اثنين من أفراد طاقم السفينة.", "killed"), Some(2.0));
        // الاثنين with the article is Monday.
        assert_eq!(count("قتل جندي يوم الاثنين في هجوم مسلح.", "killed"), Some(1.0));
    }

    #[test]
    fn an_arrest_is_a_capture() {
        let e = only(&TestDoc::new("اعتقلت الشرطة 35 مسلحا في المدينة.", PUBLISHED));
        assert_eq!((e.counts.get("captured"), e.counts.get("arrested")), (Some(&35.0), Some(&35.0)));
        assert_eq!(count("واعتقلت الشرطة التركية امرأتين في إسطنبول.", "captured"), Some(2.0));
    }

    #[test]
    fn casualties_in_an_opening_clause_belong_to_the_happening_after_it() {
        let text = "جرح 7 أشخاص على الأقل، في انفجار عبوة ناسفة استهدفت موكب رئيس الوزراء.";
        assert_eq!(count(text, "injured"), Some(7.0));
    }

    #[test]
    fn a_cue_counts_people_not_things() {
        let e = only(&TestDoc::new("أسفر القصف عن سقوط 3 صواريخ على المدينة.", PUBLISHED));
        assert_eq!(e.counts.get("killed"), None, "{:?}", e.counts);
    }

    #[test]
    fn a_happening_of_another_kind_takes_no_casualties_nor_ends_a_clashs_reach() {
        let text =
            "شهدت المديرية معارك عنيفة بإسناد من تحالف دعم الشرعية، لقي فيها أكثر من 113 عنصراً من الميليشيات مصرعهم.";
        let evs = events(&TestDoc::new(text, PUBLISHED));
        let battle = evs.iter().find(|e| e.ty == PloverType::Assault).expect("the battle");
        assert_eq!(battle.counts.get("killed"), Some(&113.0), "{evs:#?}");
        assert!(
            evs.iter().filter(|e| e.ty != PloverType::Assault).all(|e| !e.counts.contains_key("killed")),
            "{evs:#?}"
        );
    }
}
