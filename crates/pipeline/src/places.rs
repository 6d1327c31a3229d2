//! Place mentions: found by the tagger, by actor links to states, or after a
//! level cue (محافظة البيضاء، مديرية الزاهر) the tagger missed; resolved with
//! the gazetteer using the mention's context, the document's other places
//! and its country focus.

use isnad_entities::Actors;
use isnad_gazetteer::{Context, CueWord, Gazetteer, Level, Resolution};
use isnad_schema::PlaceRef;
use isnad_tagger::TokenInfo;
use isnad_text::{Token, TokenKind};

use crate::entities::Mention;
use isnad_schema::EntityType;

/// Adds a LOC mention for a name right after a level cue word when no
/// mention covers it: `محافظة البيضاء` → `البيضاء`.
pub fn cue_mentions(gaz: &Gazetteer, text: &str, sentences: &[&[Token]], mentions: &mut Vec<Mention>) {
    let mut added = Vec::new();
    let mut by_sentence: rustc_hash::FxHashMap<usize, Vec<(usize, usize)>> = rustc_hash::FxHashMap::default();
    for m in mentions.iter() {
        by_sentence.entry(m.sentence).or_default().push((m.start, m.end));
    }
    for (s, toks) in sentences.iter().enumerate() {
        for i in 0..toks.len() {
            if toks[i].kind != TokenKind::Word || !matches!(gaz.cue_word(toks[i].text(text)), Some(CueWord::Level(_))) {
                continue;
            }
            let covered = |a: usize, b: usize| {
                by_sentence.get(&s).is_some_and(|v: &Vec<(usize, usize)>| v.iter().any(|&(x, y)| x < b && a < y))
                    || added.iter().any(|m: &Mention| m.sentence == s && m.start < b && a < m.end)
            };
            // Longest name of up to three words after the cue.
            for k in (1..=3).rev() {
                let (a, b) = (i + 1, i + 1 + k);
                if b > toks.len() || toks[a..b].iter().any(|t| t.kind != TokenKind::Word) || covered(a, b) {
                    continue;
                }
                let phrase = &text[toks[i].byte_start as usize..toks[b - 1].byte_end as usize];
                if gaz.resolve(phrase, &Context::new()).is_some_and(|r| r.cue.is_some()) {
                    added.push(Mention { sentence: s, start: a, end: b, ty: EntityType::Loc, actor: None });
                    break;
                }
            }
        }
    }
    mentions.extend(added);
    mentions.sort_by_key(|m| (m.sentence, m.start));
}

/// Resolves every LOC mention (and every mention linked to a state actor)
/// to a place. Two passes: the second knows the document's other places and
/// its country focus.
pub fn resolve(
    gaz: &Gazetteer,
    text: &str,
    sentences: &[&[Token]],
    infos: &[Vec<TokenInfo>],
    mentions: &[Mention],
    actors: Option<&Actors>,
) -> (Vec<Option<PlaceRef>>, Option<String>) {
    let wants = |m: &Mention| {
        m.ty == EntityType::Loc
            || m.actor.and_then(|a| actors.map(|x| x.all()[a].record.kind == "state")).unwrap_or(false)
    };
    // The name to look up: the first word's stem (clitics off), then the rest as written.
    let name = |m: &Mention| -> String {
        let toks = sentences[m.sentence];
        let mut n = infos[m.sentence][m.start].stem.clone();
        if m.end > m.start + 1 {
            n.push(' ');
            n.push_str(&text[toks[m.start + 1].byte_start as usize..toks[m.end - 1].byte_end as usize]);
        }
        n
    };
    // The context of a mention is read from its sentence (cues before it, the parent
    // phrase after it), so the cost does not grow with the length of the document.
    let contexts: Vec<Option<Context>> = mentions
        .iter()
        .map(|m| {
            wants(m).then(|| {
                let toks = sentences[m.sentence];
                let (first, last) = (&toks[0], &toks[toks.len() - 1]);
                let window = &text[first.byte_start as usize..last.byte_end as usize];
                let (a, b) = (toks[m.start].start - first.start, toks[m.end - 1].end - first.start);
                gaz.context_at(window, a as usize, b as usize)
            })
        })
        .collect();
    let first: Vec<Option<Resolution<'_>>> =
        mentions.iter().zip(&contexts).map(|(m, c)| c.as_ref().and_then(|c| gaz.resolve(&name(m), c))).collect();
    let focus = country_focus(first.iter().flatten());
    let mut others: Vec<String> = first.iter().flatten().map(|r| r.place.id().into_owned()).collect();
    others.sort();
    others.dedup();
    let resolved = mentions
        .iter()
        .zip(contexts)
        .zip(&first)
        .map(|((m, ctx), r1)| {
            let mut ctx = ctx?;
            r1.as_ref()?;
            ctx.others = others.clone();
            ctx.country = focus.clone();
            let r = gaz.resolve(&name(m), &ctx)?;
            plausible(&r, &ctx, focus.as_deref()).then(|| r.into_record())
        })
        .collect();
    (resolved, focus)
}

/// The document's country focus: the country most of its places below
/// country level are in (on a tie, the tied country seen last).
fn country_focus<'g>(first: impl Iterator<Item = &'g Resolution<'g>>) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for r in first {
        if r.place.level() != Level::Country {
            match counts.iter_mut().find(|(c, _)| *c == r.place.country()) {
                Some(e) => e.1 += 1,
                None => counts.push((r.place.country(), 1)),
            }
        }
    }
    counts.iter().max_by_key(|(_, n)| *n).map(|(c, _)| c.to_string())
}

/// Whether a resolution in context is kept: a village needs a cue or a
/// parent, and a small place abroad a cue.
fn plausible(r: &Resolution<'_>, ctx: &Context, focus: Option<&str>) -> bool {
    // A village is named with a cue (قرية، منطقة) or its parent; alone, the word is
    // more often something else (للنيل "to harm" is not the village An-Nyl).
    if r.place.level() == Level::Village && r.cue.is_none() && ctx.parent.is_none() {
        return false;
    }
    // A small place abroad (town, village, sub-district) read without a level cue,
    // in an article about another country, is more likely a misreading.
    let small = matches!(r.place.level(), Level::Town | Level::Village | Level::Admin3);
    !(small && r.cue.is_none() && focus.is_some_and(|f| f != r.place.country()))
}
