//! How many: the quantities in a trigger's clause (and, for people, up to the
//! next trigger), keyed by what they count (killed, injured, captured …).

use std::collections::BTreeMap;

use isnad_schema::{PloverMode, QuantityRecord};

use super::clause::Mention;
use super::context::Context;
use super::within;
use crate::lexicon::Trigger;

/// The counts of trigger match `m`: the quantities in its clause, and (for
/// people) what follows the trigger up to the next one (أفرج … بتاريخ 10
/// أكتوبر، عن أربعة عناصر). Ordinals count nothing.
pub(super) fn counts(cx: &Context<'_>, m: &Mention<'_>) -> BTreeMap<String, f64> {
    let s = cx.s;
    let next_trigger = cx.triggers.iter().map(|t| t.start).find(|&st| st >= m.end).map_or(s.end, |st| s.toks[st].start);
    let trig_end = s.toks[m.end - 1].end;
    let in_reach = |q: &QuantityRecord| {
        m.clause.holds(q.start, q.end)
            || (q.start >= trig_end
                && q.end <= next_trigger
                && matches!(q.unit_category.as_deref(), Some("person" | "casualty" | "captive")))
    };
    let mut counts: BTreeMap<String, f64> = BTreeMap::new();
    for q in within(cx.doc.quantities, s.start, s.end, |q| (q.start, q.end))
        .iter()
        .filter(|q| in_reach(q) && q.kind != isnad_schema::QuantityKind::Ordinal)
    {
        if let Some(k) = what_it_counts(cx, q, m.trig) {
            *counts.entry(k).or_default() += q.value;
        }
    }
    counts
}

/// What a number counts: a casualty or captive noun says it (3 قتلى);
/// otherwise a cue just before the number (مقتل 5 أشخاص، وأصيب 20 شخصاً),
/// else the counted noun (32 عنصراً → members).
fn what_it_counts(cx: &Context<'_>, q: &QuantityRecord, trig: &Trigger) -> Option<String> {
    let strong = matches!(q.unit_category.as_deref(), Some("casualty" | "captive"));
    if strong {
        count_key(q, trig)
    } else {
        cue_before(cx, q).or_else(|| count_key(q, trig))
    }
}

/// The count a cue within three tokens before the number names (مقتل 29).
fn cue_before(cx: &Context<'_>, q: &QuantityRecord) -> Option<String> {
    let qi = cx.s.toks.iter().position(|t| t.start >= q.start)?;
    (qi.saturating_sub(3)..qi).rev().find_map(|j| {
        cx.lex.count_cues.at(&cx.words, j).into_iter().find(|m| m.end == qi || m.end + 1 == qi).map(|c| c.value.clone())
    })
}

/// The count key for a quantity in an event of this trigger.
fn count_key(q: &QuantityRecord, trig: &Trigger) -> Option<String> {
    let gloss = q.unit_en.as_deref()?;
    let cat = q.unit_category.as_deref().unwrap_or("");
    let g = gloss.to_lowercase();
    let release = trig.mode == Some(PloverMode::Release) || trig.id.contains("release");
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

#[cfg(test)]
mod tests {
    use crate::events::testdoc::{only, TestDoc, PUBLISHED};

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
}
