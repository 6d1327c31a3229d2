//! Disambiguation: which place a mention names.
//!
//! Every candidate of a name gets a score, the sum of:
//!
//! | evidence | points |
//! |---|---|
//! | level cue fits the place's level (محافظة → admin1; close fits ×0.8) | 50 |
//! | the name itself starts with a cue word and matches whole (`مدينة البيضاء` is a district's name) | 55 |
//! | inside the explicit parent (`التابعة لمحافظة البيضاء`) | 40 |
//! | the document's other places: the same place 10, else same country 2 + same admin1 4 + same admin2 2 (best one) | ≤ 10 |
//! | in the document's focus country | 6 |
//! | prominence: country 20, admin1 14, city 12, admin2 10, town 8, admin3 6, village 2, + 2·log10(population/50,000) up to 4 | 2–24 |
//!
//! so a cue outweighs a parent, a parent outweighs the co-occurrence and
//! prominence, and a bare name goes to the most prominent place: `صنعاء`
//! alone is the capital city (1.9 M people: 12 + 3.2 beats the governorate's
//! 14), `البيضاء` alone the governorate (the town has 38,000 people).
//!
//! Common words are guarded, unless a cue or a parent supports the reading
//! (frequencies are the text layer's word counts): a one-word mention seen 5
//! times or more (`نجاح`، `صفقة`) never resolves to a sub-district, town or
//! village; one seen 20 times or more (`خبر`، `عبر`، `وأن`) resolves to a
//! district or a city under 500,000 people only when spelled as the place (not
//! through the optional ال or final hamza: `خبر` is not `الخبر`) and seen
//! under 100 times, and to a larger city only when spelled as the place;
//! countries and governorates are never guarded.

use crate::{keys, Cue, CueWord, Gazetteer, Level, Place};
use isnad_schema::PlaceRef;
use serde::Serialize;

const CUE: f32 = 50.0;
const NAMED_CUE: f32 = 55.0;
const PARENT: f32 = 40.0;
const SAME_PLACE: f32 = 10.0;
const FOCUS: f32 = 6.0;
/// Word frequency from which a one-word mention is not read as a
/// sub-district, town or village without a cue or a parent.
const MINOR_COMMON_FREQ: u32 = 5;

/// A parent named near a mention: `التابعة لمحافظة البيضاء` → name
/// `البيضاء`, cue admin1.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ParentHint {
    /// The parent's name as written (may run on: the longest prefix of at
    /// most three words that names a place is used).
    pub name: String,
    /// Its level cue.
    pub cue: Option<Cue>,
}

/// What is known around a mention.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Context {
    /// Level cue just before the name (محافظة، مديرية، مدينة …).
    pub cue: Option<Cue>,
    /// A "near / part of" word before the name (شرق، قرب، ضواحي): the
    /// mention's precision is then 2 at least.
    pub near: bool,
    /// An explicit parent after the name.
    pub parent: Option<ParentHint>,
    /// Ids of the document's other resolved places.
    pub others: Vec<String>,
    /// The document's country focus (ISO 3166-1 alpha-2), if known.
    pub country: Option<String>,
}

impl Context {
    /// An empty context.
    pub fn new() -> Context {
        Context::default()
    }

    /// With a level cue.
    pub fn with_cue(mut self, cue: Cue) -> Context {
        self.cue = Some(cue);
        self
    }

    /// With an explicit parent.
    pub fn with_parent(mut self, name: &str, cue: Option<Cue>) -> Context {
        self.parent = Some(ParentHint { name: name.to_string(), cue });
        self
    }

    /// With another place of the document.
    pub fn with_other(mut self, id: &str) -> Context {
        self.others.push(id.to_string());
        self
    }

    /// With the document's country focus.
    pub fn with_country(mut self, iso2: &str) -> Context {
        self.country = Some(iso2.to_string());
        self
    }
}

/// The place a mention names, with the other readings.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolution<'g> {
    /// The chosen place (its `precision()` is the place's own).
    pub place: Place<'g>,
    /// Its score.
    pub score: f32,
    /// ACLED geo-precision to report for this mention.
    pub precision: u8,
    /// The level cue the reading used.
    pub cue: Option<Cue>,
    /// Up to three runners-up, best first.
    pub candidates: Vec<Candidate<'g>>,
}

/// Another reading of a place mention.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Candidate<'g> {
    /// The place.
    pub place: Place<'g>,
    /// Its score (higher is better; comparable within one mention).
    pub score: f32,
}

impl Resolution<'_> {
    /// The `isnad/1` record of the mention: the place with the mention's
    /// precision and the runners-up.
    pub fn into_record(self) -> PlaceRef {
        PlaceRef {
            precision: self.precision,
            candidates: self.candidates.iter().map(|c| c.place.to_candidate(c.score)).collect(),
            ..self.place.to_record()
        }
    }
}

/// One way to read a mention: the words naming the place, and the cues.
#[derive(Clone, Debug)]
struct Reading {
    name: String,
    cue: Option<Cue>,
    near: bool,
    parent: Option<ParentHint>,
    named_cue: bool,
}

/// Splits a name into words on spaces and punctuation.
fn words(s: &str) -> Vec<&str> {
    s.split(|c: char| !(keys::is_word_char(c) || keys::is_mark(c))).filter(|w| !w.is_empty()).collect()
}

fn prominence(p: &Place<'_>) -> f32 {
    let tier = match p.level() {
        Level::Country => 20.0,
        Level::Admin1 => 14.0,
        Level::City => 12.0,
        Level::Admin2 => 10.0,
        Level::Town => 8.0,
        Level::Admin3 => 6.0,
        Level::Village => 2.0,
    };
    let pop = p.population().unwrap_or(0) as f32;
    let bonus = if pop > 50_000.0 { (2.0 * (pop / 50_000.0).log10()).min(4.0) } else { 0.0 };
    tier + bonus
}

/// Strips a leading conjunction or preposition (و ف ب ل, لل = ل + ال; not
/// ك, which rarely stands before a place and begins many words).
fn strip_clitic(word: &str) -> Option<String> {
    let mut it = word.chars();
    let first = it.next()?;
    let rest: String = it.collect();
    if !matches!(first, 'و' | 'ف' | 'ب' | 'ل') || rest.chars().count() < 3 {
        return None;
    }
    if first == 'ل' && rest.starts_with('ل') {
        return Some(format!("ا{rest}"));
    }
    Some(rest)
}

impl Gazetteer {
    /// Candidates of a mention that may start with level cue words:
    /// the whole name's places when there are any (`أمانة العاصمة`),
    /// otherwise the places of the rest with the cue (`مديرية الزاهر` →
    /// admin2 and the places named `الزاهر`).
    pub fn lookup_mention(&self, mention: &str) -> (Option<Cue>, Vec<Place<'_>>) {
        let found = self.lookup(mention);
        if !found.is_empty() {
            return (None, found);
        }
        let w = words(mention);
        let mut cue = None;
        for i in 0..w.len().min(2) {
            match self.cue_word(w[i]) {
                Some(CueWord::Level(c)) => cue = Some(c),
                Some(CueWord::Near) => {}
                _ => break,
            }
            let found = self.lookup(&w[i + 1..].join(" "));
            if !found.is_empty() {
                return (cue, found);
            }
        }
        (None, Vec::new())
    }

    /// The readings of a mention: with or without its leading cue words,
    /// whole or split before a parent phrase.
    fn readings(&self, w: &[&str], ctx: &Context) -> Vec<Reading> {
        let mut heads = vec![(0usize, ctx.cue, ctx.near)];
        let (mut cue, mut near) = (ctx.cue, ctx.near);
        let mut i = 0;
        while i + 1 < w.len() && i < 2 {
            match self.cue_word(w[i]) {
                Some(CueWord::Level(c)) => cue = Some(c),
                Some(CueWord::Near) => near = true,
                _ => break,
            }
            i += 1;
            heads.push((i, cue, near));
        }
        let named_cue =
            w.len() > 1 && matches!(w.first().and_then(|x| self.cue_word(x)), Some(CueWord::Level(_) | CueWord::Near));
        let mut out = Vec::new();
        for (s, cue, near) in heads {
            let named_cue = s == 0 && named_cue;
            out.push(Reading { name: w[s..].join(" "), cue, near, parent: ctx.parent.clone(), named_cue });
            for j in s + 1..w.len() {
                if matches!(self.cue_word(w[j]), Some(CueWord::Link | CueWord::Prep | CueWord::Level(_))) {
                    if let Some(parent) = self.parent_phrase(&w[j..]) {
                        out.push(Reading { name: w[s..j].join(" "), cue, near, parent: Some(parent), named_cue });
                        break;
                    }
                }
            }
        }
        out
    }

    /// Reads a parent phrase: link words (التابعة), prepositions (في), a
    /// level cue (لمحافظة), then the parent's name (up to three words). A
    /// link or a level cue is required.
    fn parent_phrase(&self, w: &[&str]) -> Option<ParentHint> {
        let (mut i, mut cue, mut linked) = (0, None, false);
        while i < w.len() {
            match self.cue_word(w[i]) {
                Some(CueWord::Link) => linked = true,
                Some(CueWord::Prep) => {}
                Some(CueWord::Level(c)) => {
                    cue = Some(c);
                    i += 1;
                    break;
                }
                _ => break,
            }
            i += 1;
        }
        if cue.is_none() && !linked || i >= w.len() {
            return None;
        }
        Some(ParentHint { name: w[i..w.len().min(i + 3)].join(" "), cue })
    }

    /// The place a parent hint names: the longest prefix of its words that
    /// names a country or an admin unit, city or town, best by cue fit,
    /// prominence and country focus.
    fn resolve_parent(&self, hint: &ParentHint, ctx: &Context) -> Option<Place<'_>> {
        let w = words(&hint.name);
        for n in (1..=w.len()).rev() {
            let mut name = w[..n].join(" ");
            let mut cands = self.lookup(&name);
            if cands.is_empty() {
                if let Some(s) = strip_clitic(w[0]) {
                    name = std::iter::once(s.as_str()).chain(w[1..n].iter().copied()).collect::<Vec<_>>().join(" ");
                    cands = self.lookup(&name);
                }
            }
            let score = |p: &Place<'_>| {
                hint.cue.map_or(0.0, |c| CUE * c.fit(p.level()))
                    + prominence(p)
                    + if ctx.country.as_deref() == Some(p.country()) { FOCUS } else { 0.0 }
            };
            let best = cands
                .into_iter()
                .filter(|p| p.level() != Level::Village)
                .max_by(|a, b| score(a).total_cmp(&score(b)).then(b.idx.cmp(&a.idx)));
            if best.is_some() {
                return best;
            }
        }
        None
    }

    /// Resolves a place mention. `name` is the mention as written; it may
    /// carry its level cue and parent (`مديرية الزاهر التابعة لمحافظة
    /// البيضاء`), and `ctx` what is known around it (see
    /// [`Gazetteer::context_at`]). `None` when no place has the name.
    pub fn resolve(&self, name: &str, ctx: &Context) -> Option<Resolution<'_>> {
        let others: Vec<Place<'_>> = ctx.others.iter().filter_map(|id| self.get(id)).collect();
        let w = words(name);
        if w.is_empty() {
            return None;
        }
        let readings = if keys::has_arabic(name) {
            self.readings(&w, ctx)
        } else {
            vec![Reading {
                name: name.to_string(),
                cue: ctx.cue,
                near: ctx.near,
                parent: ctx.parent.clone(),
                named_cue: false,
            }]
        };
        let mut scored = self.score_readings(&readings, &others, ctx);
        if scored.is_empty() {
            // A conjunction or preposition left on the first word: وصنعاء، بعدن.
            let first = strip_clitic(w[0])?;
            let mut w2: Vec<&str> = vec![&first];
            w2.extend_from_slice(&w[1..]);
            scored = self.score_readings(&self.readings(&w2, ctx), &others, ctx);
        }
        scored.sort_by(|a, b| {
            b.1.total_cmp(&a.1).then_with(|| prominence(&b.0).total_cmp(&prominence(&a.0))).then(a.0.idx.cmp(&b.0.idx))
        });
        let mut it = scored.into_iter();
        let (best, score, reading) = it.next()?;
        let mut precision = best.precision();
        if reading.near || (reading.cue == Some(Cue::Region) && matches!(best.level(), Level::City | Level::Town)) {
            precision = precision.max(2);
        }
        let candidates = it.take(3).map(|(place, score, _)| Candidate { place, score }).collect();
        Some(Resolution { place: best, score, precision, cue: reading.cue, candidates })
    }

    /// Scores every candidate of every reading; one row per place, with its
    /// best score and reading.
    fn score_readings<'g>(
        &'g self,
        readings: &[Reading],
        others: &[Place<'g>],
        ctx: &Context,
    ) -> Vec<(Place<'g>, f32, Reading)> {
        let mut out: Vec<(Place<'g>, f32, Reading)> = Vec::new();
        for r in readings {
            let cands = self.lookup(&r.name);
            if cands.is_empty() {
                continue;
            }
            let parent = r.parent.as_ref().and_then(|h| self.resolve_parent(h, ctx));
            let freq = if r.name.contains(' ') { 0 } else { self.word_freq(&r.name) };
            let written = strict_key(&r.name);
            for c in cands {
                let mut s = prominence(&c);
                let fit = r.cue.map_or(0.0, |cue| cue.fit(c.level()));
                let inside = parent.is_some_and(|p| c.is_inside(&p));
                if freq >= MINOR_COMMON_FREQ && fit == 0.0 && !inside && self.common_word_guard(&c, &written, freq) {
                    continue;
                }
                s += CUE * fit;
                if r.named_cue {
                    s += NAMED_CUE;
                }
                if inside {
                    s += PARENT;
                }
                s += others.iter().map(|o| co_occurrence(&c, o)).fold(0.0, f32::max);
                if ctx.country.as_deref() == Some(c.country()) {
                    s += FOCUS;
                }
                match out.iter_mut().find(|(p, _, _)| *p == c) {
                    Some(row) if row.1 >= s => {}
                    Some(row) => *row = (c, s, r.clone()),
                    None => out.push((c, s, r.clone())),
                }
            }
        }
        out
    }

    /// The context of the mention at code-point offsets `[start, end)` of
    /// `text`: the level cue and "near" word among the two words before it
    /// (the nearer may be an adjective with ال: `بالعاصمة المختطفة صنعاء`),
    /// and a parent phrase after it (`التابعة لمحافظة البيضاء`, `في محافظة
    /// البيضاء`), up to the next punctuation. `others` and `country` are left
    /// empty for the caller.
    pub fn context_at(&self, text: &str, start: usize, end: usize) -> Context {
        let mut ctx = Context::default();
        let mut a = None;
        let mut b = None;
        let mut lo = None;
        for (n, (i, _)) in text.char_indices().enumerate() {
            if n + 60 == start {
                lo = Some(i);
            }
            if n == start {
                a = Some(i);
            }
            if n == end {
                b = Some(i);
                break;
            }
        }
        let a = a.unwrap_or(text.len());
        let b = b.unwrap_or(text.len()).max(a);
        let before = &text[lo.unwrap_or(0).min(a)..a];
        let after = &text[b..];
        // Words back to the previous punctuation.
        let back: Vec<&str> = before
            .rsplit(is_stop)
            .next()
            .unwrap_or("")
            .split(|c: char| !(keys::is_word_char(c) || keys::is_mark(c)))
            .filter(|w| !w.is_empty())
            .collect();
        for (k, w) in back.iter().rev().take(2).enumerate() {
            match self.cue_word(w) {
                Some(CueWord::Level(c)) => {
                    if ctx.cue.is_none() {
                        ctx.cue = Some(c);
                    }
                }
                Some(CueWord::Near) => ctx.near = true,
                _ => {
                    // Only an adjective (with the article) may stand between a cue and the name.
                    if k == 0 && self.keys.starts_with_article(w) {
                        continue;
                    }
                    break;
                }
            }
        }
        let fwd: Vec<&str> = after
            .split(is_stop)
            .next()
            .unwrap_or("")
            .split(|c: char| !(keys::is_word_char(c) || keys::is_mark(c)))
            .filter(|w| !w.is_empty())
            .take(7)
            .collect();
        if fwd.first().is_some_and(|w| self.cue_word(w).is_some()) {
            ctx.parent = self.parent_phrase(&fwd);
        }
        ctx
    }
}

impl Gazetteer {
    /// True when a common word must not be read as this candidate (see the
    /// module docs); `written` is the mention's [`strict_key`].
    /// Takes word frequencies for the common-word guard from `lex` (the pipeline's text
    /// lexicon, so that an edited `lexicon/wordfreq.tsv` counts here too).
    pub fn use_word_frequencies(&mut self, lex: std::sync::Arc<isnad_text::TextLexicon>) {
        self.words = Some(lex);
    }

    /// A word's corpus frequency: from the lexicon given, else the embedded one.
    fn word_freq(&self, word: &str) -> u32 {
        let key = isnad_text::match_key(word);
        match &self.words {
            Some(lex) => lex.freq(&key),
            None => isnad_text::TextLexicon::embedded().map_or(0, |l| l.freq(&key)),
        }
    }

    fn common_word_guard(&self, c: &Place<'_>, written: &str, freq: u32) -> bool {
        let loose = || !c.names_ar().iter().any(|n| strict_key(n) == written);
        let common = freq >= crate::COMMON_WORD_FREQ;
        match c.level() {
            Level::Country | Level::Admin1 => false,
            Level::City if c.population().unwrap_or(0) >= 500_000 => common && loose(),
            Level::Admin2 | Level::City => common && (freq >= 100 || loose()),
            Level::Admin3 | Level::Town | Level::Village => true,
        }
    }
}

/// The spelling as written, for "spelled as the place": diacritics and
/// tatweel dropped, ة/ه and ى/ي folded, hamza kept (`وأن` is not `وان`).
fn strict_key(s: &str) -> String {
    s.chars()
        .filter(|&c| !isnad_text::is_ignorable(c))
        .map(|c| match c {
            'ة' => 'ه',
            'ى' => 'ي',
            _ => c,
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_stop(c: char) -> bool {
    matches!(
        c,
        '.' | '،' | ',' | '؛' | ';' | ':' | '!' | '?' | '؟' | '(' | ')' | '«' | '»' | '"' | '\n' | '\r' | '-' | '–'
    )
}

fn co_occurrence(c: &Place<'_>, o: &Place<'_>) -> f32 {
    if c == o {
        return SAME_PLACE;
    }
    let mut s = 0.0;
    if c.country() == o.country() {
        s += 2.0;
        if c.admin1().is_some() && c.admin1() == o.admin1() {
            s += 4.0;
            if c.admin2().is_some() && c.admin2() == o.admin2() {
                s += 2.0;
            }
        }
    }
    s
}
