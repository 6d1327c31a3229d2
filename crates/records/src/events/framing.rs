//! The framing profile: the loaded terms an article uses (العاصمة المختطفة،
//! المحافظات المحررة) and whose vocabulary they typically are.

use isnad_schema::{Framing, FramingProfile, FramingTerm};

use super::context::Context;

/// Adds the framing terms of the sentence to `terms`, one per span (a form may
/// be listed under two entries).
pub(super) fn collect(cx: &Context<'_>, terms: &mut Vec<FramingTerm>) {
    for m in cx.lex.framing.find(&cx.words) {
        let (start, end) = (cx.s.toks[m.start].start, cx.s.toks[m.end - 1].end);
        if terms.last().is_some_and(|t| t.start == start && t.end == end) {
            continue;
        }
        terms.push(FramingTerm {
            start,
            end,
            text: cx.slice(start, end),
            category: m.value.category.clone(),
            leaning: m.value.leaning.clone(),
            gloss: m.value.gloss.clone(),
        });
    }
}

/// The document's framing: its terms, counted by leaning and category; the
/// dominant leaning is the most frequent one other than neutral.
pub(super) fn framing(terms: Vec<FramingTerm>) -> Framing {
    let mut profile = FramingProfile::default();
    for t in &terms {
        *profile.by_leaning.entry(t.leaning.clone()).or_default() += 1;
        *profile.by_category.entry(t.category.clone()).or_default() += 1;
    }
    profile.dominant =
        profile.by_leaning.iter().filter(|(l, _)| *l != "neutral").max_by_key(|(_, n)| **n).map(|(l, _)| l.clone());
    Framing { terms, profile }
}

#[cfg(test)]
mod tests {
    use crate::events::testdoc::{TestDoc, PUBLISHED};

    #[test]
    fn a_loaded_term_is_counted_by_its_leaning() {
        let f = TestDoc::new("سيطرت الجماعة على العاصمة المختطفة.", PUBLISHED).extract().framing;
        let terms: Vec<(&str, &str, &str)> =
            f.terms.iter().map(|t| (t.text.as_str(), t.category.as_str(), t.leaning.as_str())).collect();
        assert_eq!(terms, [("العاصمة المختطفة", "occupation_frame", "anti_houthi")]);
        assert_eq!(f.profile.by_leaning.get("anti_houthi"), Some(&1));
        assert_eq!(f.profile.dominant.as_deref(), Some("anti_houthi"));
    }
}
