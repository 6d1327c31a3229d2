//! Recognition: tokens → time expressions with their meaning, unresolved.
//!
//! Two passes. The first looks every word token up once in the time
//! lexicon (one folded key in a reused buffer, a few hash lookups for the
//! clitic readings) and marks *triggers*: tokens that only occur in time
//! expressions (month, weekday, unit, relative, day-part, holiday words,
//! clock and date digits). The second runs the grammar only in a window of
//! a few tokens before each trigger, so text without time words costs one
//! lookup per token.
//!
//! The grammar is a set of small recursive-descent rules; at each start
//! position every rule is tried and the longest match wins (leftmost-longest).
//! Number words are read by the text crate ([`isnad_text::find_quantities`]
//! on the few tokens at hand), never re-implemented here.

use std::cell::RefCell;

use isnad_text::{find_quantities, segment, QuantityKind, TextLexicon, Token, TokenKind};
use isnad_text::{parse_digits, NumClass, NumberWord};

use crate::lexicon::{Article, Cal, Count, Item, Meridiem, Mod, Role, TimeLexicon, Unit};

/// Tokens searched back from a trigger for the start of an expression.
const BACK: usize = 10;

/// A year as written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum YearSpec {
    /// A number, with its era when one is marked.
    Abs(i64, Option<Cal>),
    /// Relative to the reference year (العام الماضي = -1).
    Rel(i32),
}

/// A month as written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum MonthSpec {
    /// A named or numbered month (the number may be invalid: شهر 13).
    Named(Cal, i64),
    /// Relative to the reference month (الشهر الماضي = -1).
    Rel(i32),
}

/// An ordinal selection inside a month.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Nth {
    /// The n-th (or last, -1) given weekday.
    Weekday(i32, u8),
    /// The n-th (or last, -1) full Monday–Sunday week.
    Week(i32),
    /// The n-th (or last, -1) day.
    Day(i32),
}

/// A clock time as written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Clock {
    pub h: u32,
    pub m: u32,
    pub s: u32,
    /// 0 = hour, 1 = minute, 2 = second.
    pub fine: u8,
    pub meridiem: Option<Meridiem>,
    /// Minutes east of UTC of a stated time zone.
    pub tz: Option<i16>,
    /// The day part after it was an eve word (الساعة العاشرة ليلة السبت).
    pub eve: bool,
}

/// A duration.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Dur {
    pub n: f64,
    pub unit: Unit,
}

/// The meaning of a date/time expression: constraints to resolve.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Frame {
    pub now: bool,
    pub tonight: bool,
    /// Offset in units from the reference period (أمس = Day -1).
    pub rel: Option<(Unit, i32)>,
    /// n whole units before/after the reference, or the rolling `Last` one.
    pub window: Option<(Unit, i32, Mod)>,
    /// A shift from the reference moment (قبل أسبوع = -1 week).
    pub shift: Option<(Dur, i32)>,
    pub holiday: Option<u16>,
    pub holiday_mod: Option<Mod>,
    /// The n-th weekday after the holiday.
    pub holiday_nth: Option<(i32, u8)>,
    pub year: Option<YearSpec>,
    pub month: Option<MonthSpec>,
    pub month_mod: Option<Mod>,
    pub day: Option<i64>,
    /// The day came from an ordinal ≤ 5 after a weekday (may be the n-th weekday).
    pub day_small_ordinal: bool,
    pub weekday: Option<u8>,
    pub wd_mod: Option<Mod>,
    /// "this" before a weekday (هذا الاثنين).
    pub wd_this: bool,
    pub week_ref: Option<i32>,
    pub nth: Option<Nth>,
    pub part: Option<u16>,
    pub clock: Option<Clock>,
    pub daypart: Option<u16>,
    /// The day part or clock falls on the evening before the named weekday (ليلة السبت = Friday night).
    pub eve: bool,
    /// The night from the named day to the next (ليلة السبت إلى الأحد): both days.
    pub night: bool,
    /// The text says this is today (اليوم الخميس 23 نوفمبر).
    pub today_said: bool,
    pub approx: bool,
    /// A reason the written date cannot be a date (paired names disagree …).
    pub conflict: Option<String>,
    pub note: Option<String>,
    /// The same date stated again (in the other calendar) after الموافق.
    pub equiv: Option<Box<Frame>>,
}

/// What an expression is. (A document holds a handful: the size of the
/// `Range` variant does not matter.)
#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::large_enum_variant)]
pub(crate) enum Spec {
    Frame(Frame),
    Range(Frame, Frame),
    /// From the reference moment up to the frame's start.
    Until(Frame),
    /// From the frame's start up to the reference day.
    Since(Frame),
    /// From the reference moment for the duration.
    Within(Dur),
    Duration(Dur, Option<&'static str>),
    Set {
        unit: Unit,
        n: f64,
        weekday: Option<u8>,
    },
}

/// One recognized expression.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub start: u32,
    pub end: u32,
    pub byte_start: u32,
    pub byte_end: u32,
    pub spec: Spec,
    /// A future cue stands in the clause (سوف، سـ + verb, من المقرر).
    pub future_cue: bool,
}

#[derive(Clone, Copy, Debug)]
struct Hit {
    item: Item,
    /// Tokens covered.
    len: u8,
    conj: bool,
    prep: bool,
    def: bool,
}

impl Hit {
    /// A one-word form read without clitics or article.
    fn whole(&self) -> bool {
        self.len == 1 && !self.conj && !self.prep && !self.def
    }
}

#[derive(Clone, Copy, Debug, Default)]
struct TokInfo {
    first_hit: u32,
    n_hits: u8,
    /// Every hit came through a stripped و/ف.
    conj_only: bool,
}

#[derive(Clone, Copy, Debug)]
struct Num {
    value: f64,
    ordinal: bool,
    digits: bool,
    /// Token after the number.
    end: usize,
}

type R<T> = Option<(usize, T)>;

/// The search key of `word` into `out` (the text crate's search key).
#[inline]
fn fold_key(word: &str, out: &mut String) {
    out.clear();
    isnad_text::search_key_into(word, out);
}

/// The clitic readings of a key: (stem, conj, prep, def), with the article
/// forms of `art`.
fn readings(key: &str, art: &Article, mut f: impl FnMut(&str, bool, bool, bool)) {
    let min_stem = |s: &str| s.chars().nth(1).is_some();
    f(key, false, false, false);
    let mut bases: [(&str, bool); 2] = [(key, false), ("", false)];
    if let Some(r) = key.strip_prefix(['و', 'ف']).filter(|r| min_stem(r)) {
        f(r, true, false, false);
        bases[1] = (r, true);
    }
    let mut ll = String::new();
    for (base, conj) in bases {
        if base.is_empty() {
            continue;
        }
        if let Some(r) = base.strip_prefix(&*art.def).filter(|r| min_stem(r)) {
            f(r, conj, false, true);
        }
        if let Some(r) = base.strip_prefix(['ب', 'ل', 'ك']).filter(|r| min_stem(r)) {
            f(r, conj, true, false);
            if let Some(r2) = r.strip_prefix(&*art.def).filter(|r2| min_stem(r2)) {
                f(r2, conj, true, true);
            }
        }
        if let Some(r) = base.strip_prefix(&*art.prep_def).filter(|r| min_stem(r)) {
            // ل + the article, written without its alef
            ll.clear();
            ll.push_str(&art.def);
            ll.push_str(r);
            f(&ll, conj, true, false);
            f(r, conj, true, true);
        }
    }
}

struct Parser<'a> {
    text: &'a str,
    toks: &'a [Token],
    lex: &'a TimeLexicon,
    tlex: &'a TextLexicon,
    info: Vec<TokInfo>,
    hits: Vec<Hit>,
    /// Numbers parsed so far, by (token, max words): the grammar asks again and again.
    nums: RefCell<rustc_hash::FxHashMap<(u32, u8), Option<Num>>>,
}

/// Finds the time expressions of `text` (not yet resolved).
pub(crate) fn recognize(text: &str, toks: &[Token], lex: &TimeLexicon, tlex: &TextLexicon) -> Vec<Found> {
    let mut p = Parser {
        text,
        toks,
        lex,
        tlex,
        info: Vec::new(),
        hits: Vec::new(),
        nums: RefCell::new(rustc_hash::FxHashMap::default()),
    };
    let triggers = p.first_pass();
    let mut out = Vec::new();
    if triggers.is_empty() {
        return out;
    }
    let mut next_free = 0usize;
    for &t in &triggers {
        if t < next_free {
            continue;
        }
        let mut s = t.saturating_sub(BACK).max(next_free);
        // Stay on the trigger's line.
        let mut k = t;
        while k > s && p.same_line(k - 1, k) {
            k -= 1;
        }
        s = s.max(k);
        let mut i = s;
        while i <= t {
            if let Some(f) = p.parse_at(i) {
                next_free = f.1;
                out.push(p.found(i, f.1, f.0));
                i = f.1;
                continue;
            }
            i += 1;
        }
        next_free = next_free.max(t + 1);
    }
    p.merge_equivalents(&mut out);
    out
}

impl<'a> Parser<'a> {
    // ---------------------------------------------------------------- pass 1

    fn first_pass(&mut self) -> Vec<usize> {
        let n = self.toks.len();
        self.info = vec![TokInfo::default(); n];
        let mut triggers = Vec::new();
        let mut key = String::with_capacity(64);
        let mut key2 = String::new();
        for i in 0..n {
            let t = self.toks[i];
            match t.kind {
                TokenKind::Number => {
                    if self.number_trigger(i) {
                        triggers.push(i);
                    }
                    continue;
                }
                TokenKind::Word => {}
                _ => continue,
            }
            let w = t.text(self.text);
            if w.len() > 48 {
                continue;
            }
            fold_key(w, &mut key);
            let first = self.hits.len() as u32;
            let mut any_full = false;
            let lex = self.lex;
            let mut found: Vec<(&[crate::lexicon::Entry], bool, bool, bool)> = Vec::new();
            readings(&key, &lex.article, |stem, conj, prep, def| {
                if let Some(list) = lex.words.get(stem) {
                    found.push((list.as_slice(), conj, prep, def));
                }
            });
            if found.is_empty() {
                continue;
            }
            for (list, conj, prep, def) in found {
                for e in list {
                    // Check the following words of a phrase.
                    let mut ok = true;
                    for (k, want) in e.rest.iter().enumerate() {
                        let j = i + 1 + k;
                        if j >= n || self.toks[j].kind != TokenKind::Word || !self.same_line(j - 1, j) {
                            ok = false;
                            break;
                        }
                        fold_key(self.toks[j].text(self.text), &mut key2);
                        if key2 != **want {
                            ok = false;
                            break;
                        }
                    }
                    // Cue words never take the article (اليوم is not ال + the cue يوم),
                    // and a month name that is also a common word is not read through
                    // a stripped preposition (باب is "door", not ب + آب).
                    if ok && def && matches!(e.item, Item::Cue(_)) {
                        ok = false;
                    }
                    if ok && (prep || def) && matches!(e.item, Item::Month { standalone: false, .. }) {
                        ok = false;
                    }
                    if ok {
                        any_full |= !conj;
                        self.hits.push(Hit { item: e.item, len: 1 + e.rest.len() as u8, conj, prep, def });
                    }
                }
            }
            let count = self.hits.len() as u32 - first;
            if count == 0 {
                continue;
            }
            // Longer phrases first, so أمس الأول wins over أمس.
            self.hits[first as usize..].sort_by_key(|h| std::cmp::Reverse(h.len));
            self.info[i] = TokInfo { first_hit: first, n_hits: count.min(255) as u8, conj_only: !any_full };
            let hits = &self.hits[first as usize..];
            if hits.iter().any(|h| is_trigger(&h.item)) {
                triggers.push(i);
            }
        }
        triggers
    }

    /// Digits that can only be a date or clock: `12:30`, `21/09`, `2023-10-10`,
    /// `10.10.2023`, or a four-digit number that may be a year.
    fn number_trigger(&self, i: usize) -> bool {
        let s = self.toks[i].text(self.text);
        if s.matches(['.', '٫']).count() >= 2 {
            return true;
        }
        if let Some(sep) = self.toks.get(i + 1) {
            if self.adjacent(i, i + 1)
                && matches!(sep.text(self.text), ":" | "/" | "-")
                && self.toks.get(i + 2).is_some_and(|d| d.kind == TokenKind::Number)
                && self.adjacent(i + 1, i + 2)
            {
                return true;
            }
        }
        s.chars().count() == 4
    }

    // --------------------------------------------------------------- helpers

    #[inline]
    fn word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }

    #[inline]
    fn adjacent(&self, i: usize, j: usize) -> bool {
        self.toks[i].byte_end == self.toks[j].byte_start
    }

    fn same_line(&self, i: usize, j: usize) -> bool {
        let (a, b) = (self.toks[i].byte_end as usize, self.toks[j].byte_start as usize);
        a <= b && !self.text.as_bytes()[a..b].contains(&b'\n')
    }

    /// Token `i` exists and is on the line of token `i - 1`.
    #[inline]
    fn on(&self, i: usize) -> bool {
        i < self.toks.len() && (i == 0 || self.same_line(i - 1, i))
    }

    fn hits(&self, i: usize) -> &[Hit] {
        match self.info.get(i) {
            Some(ti) if ti.n_hits > 0 && self.on(i) => {
                &self.hits[ti.first_hit as usize..ti.first_hit as usize + ti.n_hits as usize]
            }
            _ => &[],
        }
    }

    fn find(&self, i: usize, f: impl Fn(&Hit) -> bool) -> Option<Hit> {
        self.hits(i).iter().copied().find(|h| f(h))
    }

    fn cue(&self, i: usize, role: Role) -> Option<Hit> {
        self.find(i, |h| h.item == Item::Cue(role))
    }

    fn has_cue(&self, i: usize, roles: &[Role]) -> bool {
        self.hits(i).iter().any(|h| matches!(h.item, Item::Cue(r) if roles.contains(&r)))
    }

    fn punct(&self, i: usize, set: &[&str]) -> bool {
        self.on(i) && self.toks[i].kind == TokenKind::Punct && set.contains(&self.toks[i].text(self.text))
    }

    fn raw_key(&self, i: usize) -> String {
        let mut b = String::new();
        fold_key(self.toks[i].text(self.text), &mut b);
        b
    }

    fn key_is(&self, i: usize, words: &[&str]) -> bool {
        self.on(i) && self.word(i) && words.contains(&self.raw_key(i).as_str())
    }

    fn unit(&self, i: usize) -> Option<(Hit, Unit, Count)> {
        self.hits(i).iter().find_map(|h| match h.item {
            Item::Unit(u, c) => Some((*h, u, c)),
            _ => None,
        })
    }

    fn unit_is(&self, i: usize, unit: Unit, count: Count, def: Option<bool>) -> Option<Hit> {
        self.hits(i)
            .iter()
            .copied()
            .find(|h| matches!(h.item, Item::Unit(u, c) if u == unit && c == count) && def.is_none_or(|d| h.def == d))
    }

    fn month(&self, i: usize) -> Option<(Hit, Cal, u8, bool)> {
        self.hits(i).iter().find_map(|h| match h.item {
            Item::Month { cal, month, standalone } => Some((*h, cal, month, standalone)),
            _ => None,
        })
    }

    fn weekday(&self, i: usize) -> Option<(Hit, u8)> {
        self.hits(i).iter().find_map(|h| match h.item {
            Item::Weekday(w) => Some((*h, w)),
            _ => None,
        })
    }

    fn modifier(&self, i: usize) -> Option<(Hit, Mod)> {
        self.hits(i).iter().find_map(|h| match h.item {
            Item::Mod(m) if !h.conj && !h.prep => Some((*h, m)),
            _ => None,
        })
    }

    /// A dual modifier (الماضيين) after a dual unit.
    fn dual_modifier(&self, i: usize) -> Option<(Hit, Mod)> {
        self.hits(i).iter().find_map(|h| match h.item {
            Item::DualMod(m) if !h.conj && !h.prep => Some((*h, m)),
            _ => None,
        })
    }

    fn daypart(&self, i: usize) -> Option<(Hit, u16)> {
        self.hits(i).iter().find_map(|h| match h.item {
            Item::DayPart(d) => Some((*h, d)),
            _ => None,
        })
    }

    fn this(&self, i: usize) -> bool {
        self.find(i, |h| h.item == Item::This).is_some()
    }

    /// A preposition stands right before token `i` (or is attached to it).
    fn prep_before(&self, i: usize) -> bool {
        i > 0
            && self.on(i)
            && (self.has_cue(
                i - 1,
                &[Role::In, Role::From, Role::To, Role::Since, Role::Within, Role::Between, Role::Ago, Role::After],
            ) || self.hits(i - 1).iter().any(|h| matches!(h.item, Item::Part(_))))
    }

    /// Digits token: (value, digit count).
    fn digits(&self, i: usize) -> Option<(i64, u32)> {
        if !self.on(i) || self.toks[i].kind != TokenKind::Number {
            return None;
        }
        let s = self.toks[i].text(self.text);
        let mut v: i64 = 0;
        let mut n = 0;
        for c in s.chars() {
            let d = isnad_text::digit_value(c)?;
            v = v.checked_mul(10)?.checked_add(d as i64)?;
            n += 1;
        }
        Some((v, n))
    }

    /// True when a number word (per the text crate's lexicon) may start at `i`.
    fn maybe_number_word(&self, i: usize) -> bool {
        let key = self.raw_key(i);
        let mut yes = false;
        let lookup = |k: &str| -> Option<&NumberWord> { self.tlex.number_word(k) };
        readings(&key, &self.lex.article, |stem, _, _, _| yes |= lookup(stem).is_some());
        yes
    }

    /// The number starting at token `i`, read by the text crate over at most
    /// `max` tokens.
    fn num(&self, i: usize, max: usize) -> Option<Num> {
        if !self.on(i) {
            return None;
        }
        let key = (i as u32, max as u8);
        if let Some(&r) = self.nums.borrow().get(&key) {
            return r;
        }
        let r = self.num_uncached(i, max);
        self.nums.borrow_mut().insert(key, r);
        r
    }

    fn num_uncached(&self, i: usize, max: usize) -> Option<Num> {
        let t = self.toks[i];
        match t.kind {
            TokenKind::Number => {
                let (value, _, _) = parse_digits(t.text(self.text))?;
                Some(Num { value, ordinal: false, digits: true, end: i + 1 })
            }
            TokenKind::Word if self.maybe_number_word(i) => {
                let mut end = i + 1;
                while end < self.toks.len() && end - i < max && self.same_line(end - 1, end) {
                    end += 1;
                }
                let qs = find_quantities(self.text, &self.toks[i..end], self.tlex);
                let q = qs.into_iter().find(|q| q.number_start == t.start)?;
                if q.relation == Some(isnad_text::Relation::OrderOfMagnitude) {
                    return None;
                }
                let last = (i..end).find(|&k| self.toks[k].end == q.number_end)?;
                Some(Num { value: q.value, ordinal: q.kind == QuantityKind::Ordinal, digits: false, end: last + 1 })
            }
            _ => None,
        }
    }

    /// A whole number at `i` in `lo..=hi`.
    fn int(&self, i: usize, max: usize, lo: i64, hi: i64) -> Option<(Num, i64)> {
        let n = self.num(i, max)?;
        let v = n.value as i64;
        (n.value.fract() == 0.0 && (lo..=hi).contains(&v)).then_some((n, v))
    }

    // ------------------------------------------------------------ top level

    /// The best expression starting at token `i`: (spec, end token).
    fn parse_at(&self, i: usize) -> Option<(Spec, usize)> {
        let t = self.toks.get(i)?;
        if !matches!(t.kind, TokenKind::Word | TokenKind::Number) {
            return None;
        }
        if t.kind == TokenKind::Word && self.hits(i).is_empty() && !self.maybe_number_word(i) {
            return None;
        }
        // Optional leading words kept in the span.
        let mut k = i;
        let mut approx = false;
        let mut within_prefix = false;
        for _ in 0..4 {
            if let Some(h) = self.cue(k, Role::Hedge) {
                approx = true;
                k += h.len as usize;
            } else if let Some(h) = self.find(k, |h| h.item == Item::Cue(Role::In) && !h.def) {
                k += h.len as usize;
            } else if let Some(h) = self.cue(k, Role::Sharp) {
                k += h.len as usize;
            } else if let Some(h) = self.cue(k, Role::Within).filter(|_| !within_prefix) {
                within_prefix = true;
                k += h.len as usize;
            } else if self.cue(k, Role::Period).is_some() && self.has_cue(k + 1, &[Role::From, Role::Between]) {
                k += 1;
            } else {
                break;
            }
        }
        let mut best: Option<(Spec, usize)> = None;
        let mut consider = |cand: Option<(usize, Spec)>| {
            if let Some((e, s)) = cand {
                if best.as_ref().is_none_or(|b| e > b.1) {
                    best = Some((s, e));
                }
            }
        };
        // Rules starting at the prefix position (they include their own words).
        consider(self.prep_rules(i));
        if k > i {
            consider(self.prep_rules(k));
        }
        let core = k;
        consider(self.range(core));
        consider(self.set(core));
        consider(self.frame(core).map(|(e, f)| (e, Spec::Frame(f))));
        consider(self.duration(core, false).map(|(e, (d, a))| (e, Spec::Duration(d, a.then_some("approximate")))));
        let (mut spec, end) = best?;
        // A phrase that only looks like a time expression.
        if let Some(b) = self.cue(core, Role::Block) {
            if end <= core + b.len as usize {
                return None;
            }
        }
        // ذلك اليوم، في نفس اليوم، اليوم نفسه: a narrated day, not the publication's.
        if let Spec::Frame(f) = &spec {
            let relative = f.rel.is_some() || f.now || f.tonight || f.window.is_some();
            let anaphor = |j: usize| self.on(j) && self.cue(j, Role::Anaphor).is_some();
            if relative
                && ((core > 0 && self.same_line(core - 1, core) && anaphor(core - 1))
                    || (end < self.toks.len() && anaphor(end)))
            {
                return None;
            }
        }
        // خلال + a duration is "within"; خلال + a date stays the date.
        if within_prefix {
            if let Spec::Duration(d, _) = spec {
                spec = Spec::Within(d);
            }
        }
        if approx {
            match &mut spec {
                Spec::Frame(f) | Spec::Range(f, _) | Spec::Until(f) | Spec::Since(f) => f.approx = true,
                Spec::Duration(_, note) => *note = Some("approximate"),
                _ => {}
            }
        }
        Some((spec, end))
    }

    fn found(&self, i: usize, end: usize, spec: Spec) -> Found {
        let t = self.toks[i];
        let (mut start, mut byte_start) = (t.start, t.byte_start);
        // A conjunction و/ف glued to the first word stays outside the span.
        let conj_first = self.info[i].conj_only && self.info[i].n_hits > 0
            || (t.kind == TokenKind::Word && self.hits(i).is_empty() && {
                let key = self.raw_key(i);
                key.starts_with(['و', 'ف']) && self.tlex.number_word(&key).is_none()
            });
        if conj_first && t.kind == TokenKind::Word {
            let w = t.text(self.text);
            let mut it = w.char_indices().peekable();
            if let Some((_, c)) = it.next() {
                if c == 'و' || c == 'ف' {
                    let mut chars = 1;
                    let mut bytes = c.len_utf8();
                    while let Some(&(_, m)) = it.peek() {
                        if isnad_text::is_ignorable(m) {
                            chars += 1;
                            bytes += m.len_utf8();
                            it.next();
                        } else {
                            break;
                        }
                    }
                    if it.peek().is_some() {
                        start += chars;
                        byte_start += bytes as u32;
                    }
                }
            }
        }
        let last = self.toks[end - 1];
        Found {
            start,
            end: last.end,
            byte_start,
            byte_end: last.byte_end,
            future_cue: self.future_context(i, end),
            spec,
        }
    }

    /// A future cue in the clause around tokens `[i, end)`.
    fn future_context(&self, i: usize, end: usize) -> bool {
        let stop = |k: usize| {
            self.toks[k].kind == TokenKind::Punct
                && matches!(self.toks[k].text(self.text), "." | "!" | "?" | "؟" | "؛" | ";")
        };
        let is_future = |k: usize| -> bool {
            if self.toks[k].kind != TokenKind::Word {
                return false;
            }
            if self.cue(k, Role::Future).is_some() {
                return true;
            }
            let w = self.toks[k].text(self.text);
            let first = w.chars().find(|c| !isnad_text::is_ignorable(*c));
            let second_is_s = w.chars().nth(1) == Some('س');
            if first != Some('س') && !(matches!(first, Some('و' | 'ف')) && second_is_s) {
                return false;
            }
            segment(w, 0, self.tlex).proclitics().any(|k| k == isnad_text::SegmentKind::Fut)
        };
        let mut k = i;
        while k > 0 && i - k < BACK {
            k -= 1;
            if stop(k) || !self.same_line(k, k + 1) {
                break;
            }
            if is_future(k) {
                return true;
            }
        }
        let mut k = end;
        while k < self.toks.len() && k < end + 3 && !stop(k) && self.same_line(k - 1, k) {
            if is_future(k) {
                return true;
            }
            k += 1;
        }
        false
    }

    /// `X الموافق Y` (the same day in two calendars) becomes one expression
    /// valued by the Gregorian reading; the other is kept to be checked.
    fn merge_equivalents(&self, out: &mut Vec<Found>) {
        let mut i = 0;
        while i + 1 < out.len() {
            let between = &self.text[out[i].byte_end as usize..out[i + 1].byte_start as usize];
            let words: Vec<&str> = between
                .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '،' | ','))
                .filter(|w| !w.is_empty())
                .collect();
            let is_link =
                words.len() == 1 && {
                    let mut k = String::new();
                    fold_key(words[0], &mut k);
                    let mut link = false;
                    readings(&k, &self.lex.article, |stem, _, _, def| {
                        link |= !def
                            && self.lex.words.get(stem).is_some_and(|l| {
                                l.iter().any(|e| e.rest.is_empty() && e.item == Item::Cue(Role::WithDate))
                            })
                    });
                    link
                };
            let both_days = matches!((&out[i].spec, &out[i + 1].spec),
                (Spec::Frame(x), Spec::Frame(y)) if x.day.is_some() && y.day.is_some() && x.equiv.is_none());
            if !(is_link && both_days) {
                i += 1;
                continue;
            }
            let b = out.remove(i + 1);
            let a = &mut out[i];
            if let (Spec::Frame(x), Spec::Frame(y)) = (&mut a.spec, b.spec) {
                let x_hijri = matches!(x.month, Some(MonthSpec::Named(Cal::Hijri, _)));
                let (mut g, mut h) = if x_hijri { (y, x.clone()) } else { (x.clone(), y) };
                g.today_said |= h.today_said;
                // The weekday is checked once, against the value.
                if g.weekday.is_none() {
                    g.weekday = h.weekday;
                }
                h.weekday = None;
                g.equiv = Some(Box::new(h));
                *x = g;
            }
            a.byte_end = b.byte_end;
            a.end = b.end;
            a.future_cue |= b.future_cue;
            i += 1;
        }
    }
}

fn is_trigger(item: &Item) -> bool {
    match item {
        Item::Month { .. }
        | Item::Weekday(_)
        | Item::Unit(..)
        | Item::Day(_)
        | Item::Now
        | Item::Tonight
        | Item::Part(_)
        | Item::DayPart(_)
        | Item::Holiday(_) => true,
        Item::Cue(r) => matches!(r, Role::Set(_) | Role::Hour(_) | Role::Era(_)),
        Item::Mod(_) | Item::DualMod(_) | Item::This => false,
    }
}

/// True when a frame names a single day (a time of day can attach to it).
fn day_capable(f: &Frame) -> bool {
    f.day.is_some()
        || f.weekday.is_some()
        || f.holiday.is_some()
        || matches!(f.rel, Some((Unit::Day, _)))
        || matches!(f.nth, Some(Nth::Weekday(..) | Nth::Day(_)))
}

/// True when a frame names a weekday and nothing more precise (السبت، الخميس الماضي).
fn bare_weekday(f: &Frame) -> bool {
    f.weekday.is_some()
        && f.day.is_none()
        && f.rel.is_none()
        && f.month.is_none()
        && f.year.is_none()
        && f.nth.is_none()
        && f.holiday.is_none()
}

/// A count, or a definite compound number (الخمسة عشر يوما الأخيرة) that the
/// number reader takes for an ordinal: with a unit and a modifier it counts.
fn count_or_compound(n: &Num) -> bool {
    !n.ordinal || n.value >= 11.0
}

/// Keeps the longer of two candidates (the first on a tie).
fn longer<T>(a: R<T>, b: R<T>) -> R<T> {
    match (a, b) {
        (Some(x), Some(y)) => Some(if y.0 > x.0 { y } else { x }),
        (x, None) => x,
        (None, y) => y,
    }
}

impl<'a> Parser<'a> {
    // ------------------------------------------------------------- durations

    /// `ونصف` right after a duration or hour: the fraction of one unit.
    fn and_fraction(&self, j: usize) -> Option<(usize, u8)> {
        self.hits(j).iter().find_map(|h| match h.item {
            Item::Cue(Role::Fraction(m)) if h.conj => Some((j + h.len as usize, m)),
            _ => None,
        })
    }

    /// A duration at `k`: a number and a unit, a dual unit, a fraction of a
    /// unit (نصف ساعة) or, after a preposition such as لمدة, a bare unit.
    fn duration(&self, k: usize, with_prep: bool) -> R<(Dur, bool)> {
        let mut j = k;
        let mut approx = false;
        if with_prep {
            if let Some(h) = self.cue(j, Role::Hedge) {
                approx = true;
                j += h.len as usize;
            }
        }
        let mut best: R<Dur> = None;
        if let Some(n) = self.num(j, 6) {
            if !n.ordinal && n.value > 0.0 && n.value < 1e6 {
                // Not "سنة 2012" (the year 2012) after a number.
                let unit = self.unit(n.end).filter(|(h, _, _)| !h.def && !h.conj && !h.prep);
                if let Some((h, u, _)) = unit.filter(|(h, _, _)| self.digits(n.end + h.len as usize).is_none()) {
                    let mut e = n.end + h.len as usize;
                    let mut v = n.value;
                    if let Some((e2, m)) = self.and_fraction(e) {
                        v += m as f64 / 60.0;
                        e = e2;
                    }
                    best = Some((e, Dur { n: v, unit: u }));
                }
            }
        }
        if best.is_none() {
            if let Some((h, u, c)) = self.unit(j).filter(|(h, _, _)| !h.def && !h.prep) {
                let mut e = j + h.len as usize;
                if c == Count::Two {
                    best = Some((e, Dur { n: 2.0, unit: u }));
                } else if c == Count::One && !with_prep && !h.conj && self.and_fraction(e).is_some() {
                    let (e2, m) = self.and_fraction(e).unwrap_or((e, 0));
                    best = Some((e2, Dur { n: 1.0 + m as f64 / 60.0, unit: u }));
                } else if c == Count::One && with_prep && !self.construct(e) {
                    let mut v = 1.0;
                    if let Some(h) = self.cue(e, Role::One) {
                        e += h.len as usize;
                    }
                    if let Some((e2, m)) = self.and_fraction(e) {
                        v += m as f64 / 60.0;
                        e = e2;
                    }
                    best = Some((e, Dur { n: v, unit: u }));
                }
            }
        }
        if best.is_none() {
            if let Some((h, m)) = self.hits(j).iter().find_map(|h| match h.item {
                Item::Cue(Role::Fraction(m)) if !h.conj && !h.def => Some((*h, m)),
                _ => None,
            }) {
                let e = j + h.len as usize;
                if let Some((hu, u, Count::One)) = self.unit(e).filter(|(h, _, _)| !h.def && !h.prep) {
                    best = Some((e + hu.len as usize, Dur { n: m as f64 / 60.0, unit: u }));
                }
            }
        }
        let (mut e, d) = best?;
        for _ in 0..2 {
            if let Some(h) = self.cue(e, Role::Whole) {
                e += h.len as usize;
            } else if let Some(h) = self.find(e, |h| h.item == Item::Cue(Role::HedgeAfter) && h.whole()) {
                approx = true;
                e += h.len as usize;
            }
        }
        Some((e, (d, approx)))
    }

    /// A unit noun in construct with what follows (يوم 22 أكتوبر، يوم الخميس،
    /// يوم الاقتراع) names a day, not a duration.
    fn construct(&self, e: usize) -> bool {
        self.on(e)
            && (self.toks[e].kind == TokenKind::Number
                || self.weekday(e).is_some()
                || (self.word(e) && self.cue(e, Role::Whole).is_none() && self.lex.article.starts(&self.raw_key(e))))
    }

    /// Skips a preposition kept in a span (في، يوم، بتاريخ) before a date.
    fn skip_in(&self, j: usize) -> usize {
        match self.find(j, |h| h.item == Item::Cue(Role::In) && !h.def) {
            Some(h) => j + h.len as usize,
            None => j,
        }
    }

    /// The duration is measured from another event (قبل أسبوع من الانتخابات).
    fn relative_to_event(&self, e: usize) -> bool {
        self.cue(e, Role::From).is_some() || self.cue(e, Role::Event).is_some()
    }

    /// Rules led by a preposition: لمدة، منذ، قبل، بعد، خلال، من + duration;
    /// منذ + date; حتى + clock; أكثر من + duration.
    fn prep_rules(&self, k: usize) -> R<Spec> {
        let mut best: R<Spec> = None;
        let cues: Vec<(Role, usize)> = self
            .hits(k)
            .iter()
            .filter_map(|h| match h.item {
                Item::Cue(r) if !h.def => Some((r, h.len as usize)),
                _ => None,
            })
            .collect();
        for (role, len) in cues {
            let j = k + len;
            let cand: R<Spec> = match role {
                Role::For => {
                    let dur =
                        self.duration(j, true).map(|(e, (d, a))| (e, Spec::Duration(d, a.then_some("approximate"))));
                    // على مدار اليومين الماضيين: the period itself.
                    longer(dur, self.window(j).map(|(e, f)| (e, Spec::Frame(f))))
                }
                Role::Since | Role::Ago | Role::After | Role::From => {
                    if role == Role::From
                        && k > 0
                        && self.hits(k - 1).iter().any(|h| matches!(h.item, Item::Cue(Role::Comparative(_))))
                    {
                        continue;
                    }
                    let mut j2 = j;
                    let mut approx = false;
                    if let Some(h) = self.cue(j2, Role::Hedge) {
                        approx = true;
                        j2 += h.len as usize;
                    } else if self.hits(j2).iter().any(|h| matches!(h.item, Item::Cue(Role::Comparative(_))))
                        && self.cue(j2 + 1, Role::From).is_some()
                    {
                        approx = true;
                        j2 += 2;
                    }
                    let dur = self.duration(j2, true).and_then(|(e, (d, a))| {
                        let ranged = self.cue(e, Role::To).is_some() || self.punct(e, &["-"]);
                        (!(role == Role::From && ranged)).then_some((e, d, a || approx))
                    });
                    let mut c = dur.map(|(e, d, a)| {
                        if self.relative_to_event(e) {
                            (e, Spec::Duration(d, Some("measured from another event")))
                        } else {
                            let sign = if role == Role::After { 1 } else { -1 };
                            (e, Spec::Frame(Frame { shift: Some((d, sign)), approx: a, ..Frame::default() }))
                        }
                    });
                    if role == Role::Since {
                        let since = self
                            .frame(self.skip_in(j))
                            .filter(|(_, f)| !f.now && f.shift.is_none() && f.window.is_none());
                        c = longer(c, since.map(|(e, f)| (e, Spec::Since(f))));
                    }
                    c
                }
                Role::Within => self.duration(j, true).map(|(e, (d, _))| (e, Spec::Within(d))),
                Role::Comparative(more) => {
                    if self.cue(j, Role::From).is_none() {
                        continue;
                    }
                    self.duration(j + 1, true)
                        .map(|(e, (d, _))| (e, Spec::Duration(d, Some(if more { "more than" } else { "less than" }))))
                }
                Role::To => self
                    .frame(j)
                    .filter(|(_, f)| f.clock.is_some() && !day_capable(f) && f.rel.is_none())
                    .map(|(e, f)| (e, Spec::Until(f))),
                _ => None,
            };
            best = longer(best, cand);
        }
        best
    }

    // ------------------------------------------------------------------ sets

    fn set(&self, k: usize) -> R<Spec> {
        if let Some(u) = self.hits(k).iter().find_map(|h| match h.item {
            Item::Cue(Role::Set(u)) => Some(u),
            _ => None,
        }) {
            return Some((k + 1, Spec::Set { unit: u, n: 1.0, weekday: None }));
        }
        let h = self.cue(k, Role::Every)?;
        let j = k + h.len as usize;
        let mut j2 = j;
        if let Some(d) = self.unit_is(j2, Unit::Day, Count::One, Some(false)) {
            j2 += d.len as usize;
        }
        if let Some((wh, wd)) = self.weekday(j2) {
            return Some((j2 + wh.len as usize, Spec::Set { unit: Unit::Week, n: 1.0, weekday: Some(wd) }));
        }
        if let Some((uh, u, c)) = self.unit(j).filter(|(h, _, _)| !h.def && !h.prep) {
            return match c {
                Count::One => Some((j + uh.len as usize, Spec::Set { unit: u, n: 1.0, weekday: None })),
                Count::Two => Some((j + uh.len as usize, Spec::Set { unit: u, n: 2.0, weekday: None })),
                Count::Many => None,
            };
        }
        let (e, (d, _)) = self.duration(j, false)?;
        Some((e, Spec::Set { unit: d.unit, n: d.n, weekday: None }))
    }

    // ---------------------------------------------------------------- ranges

    /// The word between the ends of an interval.
    fn connector(&self, j: usize, between: bool) -> Option<usize> {
        if between {
            if self.key_is(j, &["و"]) {
                return Some(j + 1);
            }
            return self.hits(j).first().filter(|h| h.conj).map(|_| j);
        }
        if let Some(h) = self.cue(j, Role::To) {
            return Some(j + h.len as usize);
        }
        self.punct(j, &["-", "–", "—"]).then_some(j + 1)
    }

    /// A day of the month: digits or a number word up to 31.
    fn day_value(&self, k: usize) -> Option<(usize, i64, bool)> {
        if let Some((v, nd)) = self.digits(k) {
            return (nd <= 2).then_some((k + 1, v, false));
        }
        let (n, v) = self.int(k, 4, 1, 31)?;
        (!n.digits).then_some((n.end, v, n.ordinal))
    }

    /// An interval at `k`: the longest of the interval rules.
    fn range(&self, k: usize) -> R<Spec> {
        let mut best = self.range_from(k);
        best = longer(best, self.range_pair(k));
        best = longer(best, self.range_days(k));
        best = longer(best, self.range_in_month(k));
        longer(best, self.range_clocks_on_day(k))
    }

    /// من/بين + two clock times or two dates: من 9 إلى 11، بين 7 و8 نوفمبر.
    fn range_from(&self, k: usize) -> R<Spec> {
        let mut best: R<Spec> = None;
        let from =
            self.cue(k, Role::From).map(|h| (h, false)).or_else(|| self.cue(k, Role::Between).map(|h| (h, true)));
        let (h, between) = from?;
        let j = k + h.len as usize;
        if let Some((j1, c1)) = self.clock(j) {
            if let Some(j2) = self.connector(j1, between) {
                if let Some((j3, c2)) = self.clock(j2) {
                    let l = Frame { clock: Some(c1), ..Frame::default() };
                    let r = Frame { clock: Some(c2), ..Frame::default() };
                    best = longer(best, Some((j3, Spec::Range(l, r))));
                }
            }
        }
        let mut lefts: Vec<(usize, Frame)> = Vec::new();
        let j = self.skip_in(j);
        if let Some((j1, d, _)) = self.day_value(j) {
            lefts.push((j1, Frame { day: Some(d), ..Frame::default() }));
        }
        if let Some(l) = self.date(j) {
            lefts.push(l);
        }
        for (j1, left) in lefts {
            let Some(j2) = self.connector(j1, between) else { continue };
            let Some((j3, right)) = self.date(self.skip_in(j2)) else { continue };
            let bare_left = left.month.is_none() && left.year.is_none() && left.day.is_some() && left.weekday.is_none();
            if bare_left && (right.day.is_none() || right.month.is_none()) {
                continue;
            }
            best = longer(best, Some((j3, Spec::Range(left, right))));
        }
        best
    }

    /// A dual in construct before two numbers: عامي 2014 و2015، يومي 7 و8 نوفمبر.
    fn range_pair(&self, k: usize) -> R<Spec> {
        let u = self.hits(k).iter().find_map(|h| match h.item {
            Item::Cue(Role::Pair(u)) if !h.def => Some(u),
            _ => None,
        })?;
        let j = k + 1;
        if u == Unit::Year {
            let (y1, n1) = self.digits(j)?;
            let j2 = self.connector(j + 1, true)?;
            let (j3, y2) = self.year_alone(j2).filter(|_| n1 >= 3)?;
            let l = Frame { year: Some(YearSpec::Abs(y1, None)), ..Frame::default() };
            let r = Frame { year: Some(y2), ..Frame::default() };
            Some((j3, Spec::Range(l, r)))
        } else if u == Unit::Day {
            let (j1, d, _) = self.day_value(j)?;
            let j2 = self.connector(j1, true)?;
            let (j3, right) = self.day_date(j2)?;
            Some((j3, Spec::Range(Frame { day: Some(d), ..Frame::default() }, right)))
        } else {
            None
        }
    }

    /// A day, a connector and a date: 7 - 14 نوفمبر، 13 الى 15 تموز.
    fn range_days(&self, k: usize) -> R<Spec> {
        let (j1, d, _) = self.day_value(k)?;
        let j2 = self.connector(j1, false)?;
        let (j3, right) = self.day_date(j2)?;
        Some((j3, Spec::Range(Frame { day: Some(d), ..Frame::default() }, right)))
    }

    /// A month and two days (يوليو 13-15، تموز 13 الى 15), or two
    /// consecutive months (سبتمبر وأكتوبر).
    fn range_in_month(&self, k: usize) -> R<Spec> {
        let mut best: R<Spec> = None;
        let (h, cal, m, standalone) = self.month(k)?;
        let j = k + h.len as usize;
        if standalone || h.prep || self.prep_before(k) {
            best = longer(best, self.month_days(j, cal, m));
        }
        if let Some((_, cal2, m2, _)) = self.month(j).filter(|(h2, _, _, _)| h2.conj) {
            if cal2 == cal && m2 == m % 12 + 1 {
                if let Some((e, right)) = self.month_ref(j, true) {
                    let left = Frame { month: Some(MonthSpec::Named(cal, m as i64)), ..Frame::default() };
                    best = longer(best, Some((e, Spec::Range(left, right))));
                }
            }
        }
        best
    }

    /// Two day digits after month `m` at `j`, and an optional year: يوليو 13-15 2023.
    fn month_days(&self, j: usize, cal: Cal, m: u8) -> R<Spec> {
        let (d1, n1) = self.digits(j)?;
        let j2 = self.connector(j + 1, false)?;
        let (d2, n2) = self.digits(j2)?;
        if n1 > 2 || n2 > 2 {
            return None;
        }
        let l = Frame { month: Some(MonthSpec::Named(cal, m as i64)), day: Some(d1), ..Frame::default() };
        let (e, l) = self.with_year_after(j2 + 1, l);
        let r = Frame { day: Some(d2), ..l.clone() };
        Some((e, Spec::Range(l, r)))
    }

    /// A day, then two clock times: الخميس من الساعة التاسعة وحتى الساعة الحادية عشرة.
    fn range_clocks_on_day(&self, k: usize) -> R<Spec> {
        let (j1, d) = self.date(k).filter(|(_, f)| day_capable(f))?;
        let mut j = j1;
        if self.punct(j, &["،", ","]) {
            j += 1;
        }
        let h = self.cue(j, Role::From).or_else(|| self.cue(j, Role::Between))?;
        let between = self.cue(j, Role::Between).is_some();
        let (j2, c1) = self.clock(j + h.len as usize)?;
        let j3 = self.connector(j2, between)?;
        let (j4, c2) = self.clock(j3)?;
        let l = Frame { clock: Some(c1), ..d.clone() };
        let r = Frame { clock: Some(c2), ..d };
        Some((j4, Spec::Range(l, r)))
    }

    // ---------------------------------------------------------------- frames

    /// A date, a time, or both.
    fn frame(&self, k: usize) -> R<Frame> {
        let mut best: R<Frame> = None;
        if let Some((j, f)) = self.date(k) {
            best = longer(best, Some(self.with_time_after(j, f)));
        }
        if let Some((j, c)) = self.clock(k) {
            let mut f = Frame { clock: Some(c), ..Frame::default() };
            let mut e = j;
            let mut j2 = j;
            if self.punct(j2, &["،", ","]) || self.has_cue(j2, &[Role::From, Role::In]) {
                j2 += 1;
            }
            if let Some((j3, d)) = self.date(j2).filter(|(_, d)| day_capable(d)) {
                // الساعة العاشرة ليلة السبت: ten on Friday night.
                f = Frame { clock: Some(c), eve: c.eve && bare_weekday(&d), ..d };
                e = j3;
            }
            best = longer(best, Some((e, f)));
        }
        best = longer(best, self.daypart_frame(k).map(|(j, f)| self.with_clock_after_daypart(j, f)));
        if self.find(k, |h| h.item == Item::Tonight).is_some() {
            best = longer(best, Some((k + 1, Frame { tonight: true, ..Frame::default() })));
        }
        if let Some(h) = self.find(k, |h| h.item == Item::Now) {
            best = longer(best, Some((k + h.len as usize, Frame { now: true, ..Frame::default() })));
        }
        best
    }

    /// A day with the clock time or day part that follows it: one expression
    /// (الخميس 5 يوليو، الساعة العاشرة صباحا; 14-09-1432 هـ، 09:40 صباحاً).
    fn with_time_after(&self, j: usize, mut f: Frame) -> (usize, Frame) {
        if !day_capable(&f) {
            return (j, f);
        }
        if let Some((e, c, hedged)) = self.time_after(j) {
            f.clock = Some(c);
            f.approx |= hedged;
            return (e, f);
        }
        if let Some((h, dp)) = self.daypart(j).filter(|(h, _)| !h.prep) {
            f.daypart = Some(dp);
            return (j + h.len as usize, f);
        }
        (j, f)
    }

    /// A day part of a day, then a clock time (فجر اليوم السبت الساعة الرابعة): the
    /// clock on that day, read in the day part when it states no am/pm of its own
    /// and the day part's reading falls within the day part.
    fn with_clock_after_daypart(&self, j: usize, mut f: Frame) -> (usize, Frame) {
        let (Some(dp), None) = (f.daypart, f.clock) else { return (j, f) };
        let Some((e, mut c, hedged)) = self.time_after(j) else { return (j, f) };
        let p = self.lex.dayparts[dp as usize];
        if c.meridiem.is_none() && (p.from..p.to).contains(&p.meridiem.hour24(c.h)) {
            c.meridiem = Some(p.meridiem);
        }
        f.clock = Some(c);
        f.approx |= hedged;
        (e, f)
    }

    /// A clock time after a date: [،|-] [في|عند] [حوالي] time, and whether it is hedged.
    fn time_after(&self, j: usize) -> Option<(usize, Clock, bool)> {
        let mut j = j;
        if self.punct(j, &["،", ",", "-", "–"]) {
            j += 1;
        }
        if let Some(h) = self.find(j, |h| h.item == Item::Cue(Role::In) && !h.def) {
            j += h.len as usize;
        }
        let hedge = self.cue(j, Role::Hedge);
        if let Some(h) = hedge {
            j += h.len as usize;
        }
        let (e, c) = self.clock(j)?;
        Some((e, c, hedge.is_some()))
    }

    /// After the weekday of "ليلة السبت": "إلى الأحد" (or "- الأحد"), the next
    /// weekday, which makes it the night from Saturday to Sunday; the end.
    fn to_next_weekday(&self, e: usize, wd: u8) -> Option<usize> {
        let j = if self.punct(e, &["-", "–", "/"]) { e + 1 } else { e + self.cue(e, Role::NightTo)?.len as usize };
        let (h, next) = self.weekday(j).filter(|(h, _)| h.def)?;
        (next == wd % 7 + 1).then_some(j + h.len as usize)
    }

    /// A day part before a day (مساء الخميس), after هذا/هذه, or with a modifier.
    fn daypart_frame(&self, k: usize) -> R<Frame> {
        if self.this(k) {
            if let Some((h, dp)) = self.daypart(k + 1).filter(|(h, _)| h.def) {
                return Some((
                    k + 1 + h.len as usize,
                    Frame { rel: Some((Unit::Day, 0)), daypart: Some(dp), ..Frame::default() },
                ));
            }
        }
        let (h, dp) = self.daypart(k)?;
        let j = k + h.len as usize;
        if h.def {
            if let Some((mh, md)) = self.modifier(j) {
                let off = match md {
                    Mod::Past => -1,
                    Mod::Next => 1,
                    Mod::Current => 0,
                    Mod::Last => return None,
                };
                return Some((
                    j + mh.len as usize,
                    Frame { rel: Some((Unit::Day, off)), daypart: Some(dp), ..Frame::default() },
                ));
            }
        }
        let mut j2 = j;
        if let Some(d) = self.unit_is(j2, Unit::Day, Count::One, Some(false)) {
            j2 += d.len as usize;
        }
        let (e, mut f) = self.date(j2).filter(|(_, f)| day_capable(f) && f.clock.is_none())?;
        f.daypart = Some(dp);
        if !h.def && self.cue(k, Role::Eve).is_some() && bare_weekday(&f) {
            // ليلة السبت إلى الأحد is the night from Saturday to Sunday; ليلة السبت alone is Friday night.
            if let Some(e2) = f.weekday.and_then(|wd| self.to_next_weekday(e, wd)) {
                f.daypart = None;
                f.night = true;
                return Some((e2, f));
            }
            f.eve = true;
        }
        Some((e, f))
    }

    /// A date of any kind (the longest reading).
    fn date(&self, k: usize) -> R<Frame> {
        if !self.on(k) {
            return None;
        }
        // On a tie the earlier rule wins: a holiday (رمضان 2019) before a month.
        let mut best = self.holiday(k);
        best = longer(best, self.rel_day(k));
        best = longer(best, self.today(k));
        best = longer(best, self.unit_rel(k));
        best = longer(best, self.window(k));
        best = longer(best, self.weekday_phrase(k));
        best = longer(best, self.nth(k));
        best = longer(best, self.day_date(k));
        best = longer(best, self.month_day(k));
        best = longer(best, self.numeric_date(k, false));
        best = longer(best, self.month_ref(k, false));
        best = longer(best, self.part_phrase(k));
        best = longer(best, self.year_phrase(k));
        best
    }

    /// أمس، غدا، بعد غد، (اليوم الذي) بعد الغد.
    fn rel_day(&self, k: usize) -> R<Frame> {
        let day = |j: usize| {
            self.hits(j).iter().find_map(|h| match h.item {
                Item::Day(off) => Some((j + h.len as usize, off)),
                _ => None,
            })
        };
        let mut best = None;
        if self.unit_is(k, Unit::Day, Count::One, None).is_some() {
            let mut j = k + 1;
            if let Some(h) = self.cue(j, Role::Filler) {
                j += h.len as usize;
            }
            if let Some((e, off)) = day(j).filter(|&(_, off)| off != 0) {
                best = Some((e, Frame { rel: Some((Unit::Day, off as i32)), ..Frame::default() }));
            }
        }
        if let Some((e, off)) = day(k).filter(|&(_, off)| off != 0) {
            best = longer(best, Some((e, Frame { rel: Some((Unit::Day, off as i32)), ..Frame::default() })));
        }
        // أمس الأربعاء: the weekday in apposition is checked.
        if let Some((e, mut f)) = best.take() {
            if let Some((wh, wd)) = self.weekday(e).filter(|(h, _)| h.def && !h.conj) {
                f.weekday = Some(wd);
                return Some((e + wh.len as usize, f));
            }
            best = Some((e, f));
        }
        best
    }

    /// اليوم, alone or with a weekday and date (اليوم الخميس 23 نوفمبر).
    fn today(&self, k: usize) -> R<Frame> {
        let h = self.find(k, |h| h.item == Item::Day(0))?;
        let j = k + h.len as usize;
        if self.num(j, 3).is_some_and(|n| n.ordinal) {
            return None; // اليوم الرابع: a day of some event
        }
        let paren = self.punct(j, &["("])
            && self.weekday(j + 1).is_some_and(|(h, _)| self.punct(j + 1 + h.len as usize, &[")"]));
        if paren {
            let (h, wd) = self.weekday(j + 1)?;
            let f = Frame { rel: Some((Unit::Day, 0)), weekday: Some(wd), today_said: true, ..Frame::default() };
            return Some((j + 2 + h.len as usize, f));
        }
        if let Some((e, mut f)) = self.weekday_phrase(j) {
            if f.wd_mod.is_none() && f.week_ref.is_none() {
                f.today_said = true;
                if f.day.is_none() {
                    f.rel = Some((Unit::Day, 0));
                }
                return Some((e, f));
            }
        }
        Some((j, Frame { rel: Some((Unit::Day, 0)), ..Frame::default() }))
    }

    /// The word before a definite year noun is a definite non-time word:
    /// العام is then the adjective 'general' (المدعي العام السابق).
    fn adjective_year(&self, k: usize) -> bool {
        if k == 0 || !self.same_line(k - 1, k) || !self.word(k - 1) || !self.hits(k - 1).is_empty() {
            return false;
        }
        let key = self.raw_key(k - 1);
        self.lex.article.starts(key.strip_prefix(['و', 'ف']).unwrap_or(&key))
    }

    /// هذا الأسبوع، الأسبوع الماضي، العام الجاري، الأسبوع الأخير.
    fn unit_rel(&self, k: usize) -> R<Frame> {
        let ok_unit = |u: Unit| matches!(u, Unit::Hour | Unit::Day | Unit::Week | Unit::Month | Unit::Year);
        if self.this(k) {
            if let Some((h, u, Count::One)) =
                self.unit(k + 1).filter(|(h, u, _)| h.def && ok_unit(*u) && *u != Unit::Hour)
            {
                return Some((k + 1 + h.len as usize, Frame { rel: Some((u, 0)), ..Frame::default() }));
            }
        }
        let (h, u, c) = self.unit(k)?;
        if !(h.def && c == Count::One && ok_unit(u)) {
            return None;
        }
        if u == Unit::Year && self.adjective_year(k) {
            return None;
        }
        let j = k + h.len as usize;
        let (mh, md) = self.modifier(j)?;
        let e = j + mh.len as usize;
        let f = match md {
            Mod::Past => Frame { rel: Some((u, -1)), ..Frame::default() },
            Mod::Next => Frame { rel: Some((u, 1)), ..Frame::default() },
            Mod::Current => Frame { rel: Some((u, 0)), ..Frame::default() },
            Mod::Last => Frame { window: Some((u, 1, Mod::Last)), ..Frame::default() },
        };
        Some((e, f))
    }

    /// الأسابيع الثلاثة القادمة، آخر 24 ساعة، الـ24 ساعة الماضية.
    fn window(&self, k: usize) -> R<Frame> {
        let mk = |e: usize, u: Unit, n: f64, m: Mod| {
            (n >= 1.0 && n.fract() == 0.0 && n <= 1000.0)
                .then(|| (e, Frame { window: Some((u, n as i32, m)), ..Frame::default() }))
        };
        let mut best = None;
        // الأيام الثلاثة الماضية
        if let Some((h, u, Count::Many)) = self.unit(k).filter(|(h, _, _)| h.def) {
            let mut j = k + h.len as usize;
            if self.key_is(j, &[&self.lex.article.def]) {
                j += 1;
            }
            if let Some(n) = self.num(j, 4).filter(count_or_compound) {
                if let Some((mh, md)) = self.modifier(n.end) {
                    let md = if md == Mod::Current { Mod::Past } else { md };
                    best = longer(best, mk(n.end + mh.len as usize, u, n.value, md));
                }
            }
        }
        // اليومين الماضيين، الأسبوعين المقبلين
        if let Some((h, u, Count::Two)) = self.unit(k).filter(|(h, _, _)| h.def) {
            let j = k + h.len as usize;
            if let Some((mh, md)) = self.dual_modifier(j) {
                let md = if md == Mod::Current { Mod::Past } else { md };
                best = longer(best, mk(j + mh.len as usize, u, 2.0, md));
            }
        }
        // آخر ثلاثة أيام
        if let Some(h) = self.cue(k, Role::Last) {
            if let Some(n) = self.num(k + h.len as usize, 4).filter(|n| !n.ordinal) {
                if let Some((uh, u, _)) = self.unit(n.end).filter(|(h, _, c)| !h.prep && *c != Count::Two) {
                    best = longer(best, mk(n.end + uh.len as usize, u, n.value, Mod::Past));
                }
            }
        }
        // الـ24 ساعة الماضية، 48 ساعة الماضية
        let j = if self.key_is(k, &[&self.lex.article.def]) { k + 1 } else { k };
        if let Some(n) = self.num(j, 4).filter(count_or_compound) {
            if let Some((uh, u, _)) = self.unit(n.end).filter(|(h, _, _)| !h.prep && !h.def) {
                if let Some((mh, md)) = self.modifier(n.end + uh.len as usize).filter(|(_, m)| *m != Mod::Current) {
                    best = longer(best, mk(n.end + uh.len as usize + mh.len as usize, u, n.value, md));
                }
            }
        }
        best
    }

    /// (من) هذا الأسبوع / الأسبوع الماضي after a weekday: the week offset.
    fn week_ref(&self, j: usize) -> Option<(usize, i32)> {
        let mut j = j;
        if self.cue(j, Role::From).is_some() {
            j += 1;
        }
        if self.this(j) {
            let h = self.unit_is(j + 1, Unit::Week, Count::One, Some(true))?;
            return Some((j + 1 + h.len as usize, 0));
        }
        let h = self.unit_is(j, Unit::Week, Count::One, Some(true))?;
        let (mh, md) = self.modifier(j + h.len as usize)?;
        let off = match md {
            Mod::Past => -1,
            Mod::Next => 1,
            Mod::Current => 0,
            Mod::Last => return None,
        };
        Some((j + h.len as usize + mh.len as usize, off))
    }

    /// (هذا) (يوم) الاثنين (الماضي) (من الأسبوع الماضي) (، الموافق 18 شباط).
    fn weekday_phrase(&self, k: usize) -> R<Frame> {
        let mut j = k;
        let this = self.this(j);
        if this {
            j += 1;
        }
        let mut ctx = false;
        if let Some(h) = self.unit_is(j, Unit::Day, Count::One, Some(false)).filter(|h| !h.prep) {
            if self.weekday(j + 1).is_some() {
                j += h.len as usize;
                ctx = true;
            }
        }
        let (wh, wd) = self.weekday(j)?;
        let at = j;
        j += wh.len as usize;
        // الأحد عشر (eleven); كلا الاثنين (both).
        let ten = self.word(j) && self.tlex.number_word(&self.raw_key(j)).is_some_and(|w| w.class == NumClass::Ten);
        if wh.def && wd == 7 && ten {
            return None;
        }
        if at > 0 && self.cue(at - 1, Role::Both).is_some() {
            return None;
        }
        // بين الاثنين is "between the two" unless a second end follows.
        if wd == 1
            && at > 0
            && self.cue(at - 1, Role::Between).is_some()
            && !self.key_is(j, &["و"])
            && !self.hits(j).first().is_some_and(|h| h.conj)
        {
            return None;
        }
        let mut f = Frame { weekday: Some(wd), wd_this: this, ..Frame::default() };
        // الاثنين الأخير من شهر ثلاثة
        if let Some((mh, Mod::Last)) = self.modifier(j) {
            let j2 = j + mh.len as usize;
            if self.has_cue(j2, &[Role::From, Role::In]) {
                if let Some((e, mut m)) = self.month_ref(j2 + 1, true) {
                    m.nth = Some(Nth::Weekday(-1, wd));
                    return Some((e, m));
                }
            }
            return None;
        }
        if let Some((mh, md)) = self.modifier(j) {
            if md != Mod::Current {
                f.wd_mod = Some(md);
                j += mh.len as usize;
            }
        } else if let Some((e, off)) = self.week_ref(j) {
            f.week_ref = Some(off);
            j = e;
        }
        let after_last = at > 0 && self.hits(at - 1).iter().any(|h| matches!(h.item, Item::Cue(Role::Last)));
        if !(wh.def || ctx || f.week_ref.is_some() || after_last) {
            // A weekday without the article needs يوم, an ordinal or a week after it.
            return None;
        }
        // An explicit date after the weekday.
        let mut j2 = j;
        if self.punct(j2, &["،", ","]) {
            j2 += 1;
        }
        let paren = self.punct(j2, &["("]);
        if paren {
            j2 += 1;
        }
        if let Some(h) = self.find(j2, |h| matches!(h.item, Item::Cue(Role::WithDate | Role::In)) && !h.def) {
            j2 += h.len as usize;
        }
        let date = longer(self.day_date(j2), self.numeric_date(j2, true));
        if let Some((mut e, d)) = date.filter(|(_, d)| d.day.is_some()) {
            if paren {
                if !self.punct(e, &[")"]) {
                    return Some((j, f));
                }
                e += 1;
            }
            let small = d.day_small_ordinal;
            f = Frame { weekday: Some(wd), wd_mod: f.wd_mod, wd_this: this, ..d };
            f.day_small_ordinal = small;
            return Some((e, f));
        }
        // السبت السادس عشر: an ordinal day of the current month.
        if f.wd_mod.is_none() && f.week_ref.is_none() {
            let definite = self.word(j) && self.raw_key(j).starts_with(&*self.lex.article.def);
            if let Some((n, v)) = self.int(j, 4, 1, 31).filter(|(n, _)| n.ordinal && definite) {
                f.day = Some(v);
                return Some((n.end, f));
            }
        }
        Some((j, f))
    }

    /// Ordinal selections: اول ثلاثاء من شهر عشرة، اخر اثنين من آذار،
    /// اول اسبوع بشهر اكتوبر، اخر يوم بشهر عشرة، اليوم الثالث من اكتوبر،
    /// ثالث ثلاثاء بعد كريسماس.
    fn nth(&self, k: usize) -> R<Frame> {
        let mut best = None;
        let connect = |j: usize| if self.has_cue(j, &[Role::From, Role::In]) { j + 1 } else { j };
        // ordinal or آخر first
        let lead = if let Some(h) = self.cue(k, Role::Last) {
            Some((k + h.len as usize, -1i64))
        } else {
            self.int(k, 3, 1, 31).filter(|(n, _)| n.ordinal).map(|(n, v)| (n.end, v))
        };
        if let Some((j, n)) = lead {
            // [يوم] weekday
            let mut j1 = j;
            if let Some(h) = self.unit_is(j1, Unit::Day, Count::One, Some(false)) {
                if self.weekday(j1 + 1).is_some() {
                    j1 += h.len as usize;
                }
            }
            if let Some((wh, wd)) = self.weekday(j1).filter(|_| n <= 5) {
                let j2 = j1 + wh.len as usize;
                if let Some((e, mut f)) = self.month_ref(connect(j2), true) {
                    f.nth = Some(Nth::Weekday(n as i32, wd));
                    best = longer(best, Some((e, f)));
                }
                if let Some(h) = self.cue(j2, Role::After) {
                    if let Some((e, mut f)) = self.holiday(j2 + h.len as usize) {
                        f.holiday_nth = Some((n as i32, wd));
                        best = longer(best, Some((e, f)));
                    }
                }
            }
            // week / day of a month
            if let Some((uh, u, Count::One)) = self.unit(j).filter(|(h, _, _)| !h.def) {
                let j2 = j + uh.len as usize;
                let sel = match u {
                    Unit::Week if n <= 5 => Some(Nth::Week(n as i32)),
                    Unit::Day => Some(Nth::Day(n as i32)),
                    _ => None,
                };
                if let Some(sel) = sel {
                    if let Some((e, mut f)) = self.month_ref(connect(j2), true) {
                        f.nth = Some(sel);
                        best = longer(best, Some((e, f)));
                    }
                }
            }
        }
        // الاسبوع الاول من شهر عشرة، اليوم الاخير من شهر عشرة، اليوم الثالث من اكتوبر
        if let Some((uh, u, Count::One)) = self.unit(k).filter(|(h, u, _)| h.def && matches!(u, Unit::Week | Unit::Day))
        {
            let j = k + uh.len as usize;
            let sel = if let Some((mh, Mod::Last)) = self.modifier(j) {
                Some((j + mh.len as usize, -1))
            } else {
                self.int(j, 3, 1, 31).filter(|(n, _)| n.ordinal).map(|(n, v)| (n.end, v))
            };
            if let Some((j2, n)) = sel {
                let sel = match u {
                    Unit::Week if n <= 5 => Some(Nth::Week(n as i32)),
                    Unit::Day => Some(Nth::Day(n as i32)),
                    _ => None,
                };
                if let (Some(sel), true) = (sel, self.has_cue(j2, &[Role::From, Role::In])) {
                    if let Some((e, mut f)) = self.month_ref(j2 + 1, true) {
                        f.nth = Some(sel);
                        best = longer(best, Some((e, f)));
                    }
                }
            }
        }
        best
    }

    /// 23 نوفمبر 2023، الأول من شهر شباط، الثالث عشر من شباط.
    fn day_date(&self, k: usize) -> R<Frame> {
        let (j, d, ord) = self.day_value(k)?;
        let mut j2 = j;
        if self.cue(j2, Role::From).is_some() {
            j2 += 1;
        }
        let (e, mut f) = self.month_ref(j2, true)?;
        f.day = Some(d);
        f.day_small_ordinal = ord && d <= 5;
        Some((e, f))
    }

    /// يوليو 13 (month first).
    fn month_day(&self, k: usize) -> R<Frame> {
        let (h, cal, m, standalone) = self.month(k)?;
        if !(standalone || h.prep || self.prep_before(k)) {
            return None;
        }
        let j = k + h.len as usize;
        let (d, nd) = self.digits(j)?;
        if nd > 2 || !(1..=31).contains(&d) || self.connector(j + 1, false).is_some() {
            return None;
        }
        let f = Frame { month: Some(MonthSpec::Named(cal, m as i64)), day: Some(d), ..Frame::default() };
        Some(self.with_year_after(j + 1, f))
    }

    /// 10/10/2023, 2023-10-10, 10.10.2023, 2/2013 (month/year), 21/09 (after a weekday);
    /// with an era after the year, 14-09-1432 هـ (Hijri).
    fn numeric_date(&self, k: usize, ctx: bool) -> R<Frame> {
        if !self.on(k) || self.toks[k].kind != TokenKind::Number {
            return None;
        }
        let mut parts: Vec<(i64, u32)> = Vec::new();
        let mut e = k + 1;
        let s = self.toks[k].text(self.text);
        if s.contains(['.', '٫']) {
            for g in s.split(['.', '٫']) {
                let mut v: i64 = 0;
                let mut n = 0;
                for c in g.chars() {
                    v = v.checked_mul(10)?.checked_add(isnad_text::digit_value(c)? as i64)?;
                    n += 1;
                }
                parts.push((v, n));
            }
            if parts.len() != 3 {
                return None;
            }
        } else {
            parts.push(self.digits(k)?);
            let sep = |i: usize| {
                (i + 1 < self.toks.len() && self.adjacent(i - 1, i) && self.adjacent(i, i + 1))
                    .then(|| self.toks[i].text(self.text))
                    .filter(|s| matches!(*s, "/" | "-"))
            };
            let s1 = sep(k + 1)?;
            parts.push(self.digits(k + 2)?);
            e = k + 3;
            if sep(k + 3) == Some(s1) {
                if let Some(p) = self.digits(k + 4) {
                    parts.push(p);
                    e = k + 5;
                }
            }
        }
        // An era after a date with a year: 14-09-1432 هـ is a Hijri date, 10/10/2023م a Gregorian one.
        let era = self.era(e).filter(|_| parts.iter().any(|&(_, n)| n == 4));
        let cal = era.map_or(Cal::Gregorian, |(_, c)| c);
        let mut f = Frame::default();
        match parts[..] {
            [(y, 4), (m, nm), (d, nd)] if nm <= 2 && nd <= 2 => {
                f.year = Some(YearSpec::Abs(y, Some(cal)));
                f.month = Some(MonthSpec::Named(cal, m));
                f.day = Some(d);
            }
            [(d, nd), (m, nm), (y, 4)] if nm <= 2 && nd <= 2 => {
                let (d, m) = if m > 12 && d <= 12 {
                    f.note = Some("read as month/day/year".into());
                    (m, d)
                } else {
                    (d, m)
                };
                f.year = Some(YearSpec::Abs(y, Some(cal)));
                f.month = Some(MonthSpec::Named(cal, m));
                f.day = Some(d);
            }
            [(m, nm), (y, 4)] if nm <= 2 && (1..=12).contains(&m) => {
                f.year = Some(YearSpec::Abs(y, Some(cal)));
                f.month = Some(MonthSpec::Named(cal, m));
            }
            [(d, nd), (m, nm)] if ctx && nd <= 2 && nm <= 2 && (1..=31).contains(&d) && (1..=12).contains(&m) => {
                f.month = Some(MonthSpec::Named(Cal::Gregorian, m));
                f.day = Some(d);
            }
            _ => return None,
        }
        let e = match era {
            Some((e2, _)) if f.year.is_some() => e2,
            _ => e,
        };
        Some((e, f))
    }

    /// A month: نوفمبر، نوفمبر/تشرين الثاني، شهر 3، شهر ثلاثة، الشهر الثامن،
    /// هذا الشهر، الشهر الماضي; with a modifier or year after it. `ctx` tells
    /// that the words before make a month name certain (a day number, شهر).
    fn month_ref(&self, k: usize, ctx: bool) -> R<Frame> {
        let mut f = Frame::default();
        if !self.on(k) {
            return None;
        }
        if self.this(k) {
            let h = self.unit_is(k + 1, Unit::Month, Count::One, Some(true))?;
            f.month = Some(MonthSpec::Rel(0));
            return Some((k + 1 + h.len as usize, f));
        }
        let mut j = k;
        let mut ctx = ctx;
        if let Some(h) = self.unit_is(j, Unit::Month, Count::One, None) {
            let j1 = j + h.len as usize;
            if h.def {
                if let Some((n, v)) = self.int(j1, 3, 1, 99).filter(|(n, _)| n.ordinal) {
                    f.month = Some(MonthSpec::Named(Cal::Gregorian, v));
                    return Some(self.with_year_after(n.end, f));
                }
                let (mh, md) = self.modifier(j1)?;
                f.month = Some(MonthSpec::Rel(match md {
                    Mod::Past => -1,
                    Mod::Next => 1,
                    Mod::Current => 0,
                    Mod::Last => return None,
                }));
                return Some((j1 + mh.len as usize, f));
            }
            j = j1;
            ctx = true;
            if self.month(j).is_none() {
                let (e, v) = if let Some((v, _)) = self.digits(j).filter(|&(_, nd)| nd <= 2) {
                    (j + 1, v)
                } else {
                    let (n, v) = self.int(j, 3, 1, 99).filter(|(n, _)| !n.ordinal)?;
                    (n.end, v)
                };
                f.month = Some(MonthSpec::Named(Cal::Gregorian, v));
                return Some(self.with_year_after(e, f));
            }
        }
        let (h, cal, m, standalone) = self.month(j)?;
        let ctx = ctx || standalone || self.prep_before(j);
        f.month = Some(MonthSpec::Named(cal, m as i64));
        j += h.len as usize;
        let mut after = false;
        // Paired names: نوفمبر/تشرين الثاني، أكتوبر (تشرين الأول), مارس آذار
        if let Some((h2, _, _, _)) = self.month(j).filter(|(h2, c2, m2, _)| *c2 == cal && *m2 == m && !h2.conj) {
            j += h2.len as usize;
            after = true;
        } else if self.punct(j, &["/", "\\", "("]) {
            if let Some((h2, cal2, m2, _)) = self.month(j + 1) {
                if cal2 == cal {
                    if m2 != m {
                        let names = if cal == Cal::Hijri {
                            &crate::calendar::HIJRI_MONTHS
                        } else {
                            &crate::calendar::GREGORIAN_MONTHS
                        };
                        f.conflict = Some(format!(
                            "paired month names disagree: {} / {}",
                            names[m as usize - 1],
                            names[m2 as usize - 1]
                        ));
                    }
                    j += 1 + h2.len as usize;
                    if self.punct(j, &[")"]) {
                        j += 1;
                    }
                    after = true;
                }
            }
        }
        if let Some((mh, md)) = self.modifier(j).filter(|(_, m)| *m != Mod::Last) {
            f.month_mod = Some(md);
            j += mh.len as usize;
            after = true;
        }
        if let Some((e, y)) = self.year_after(j) {
            f.year = Some(y);
            j = e;
            after = true;
        }
        (ctx || after).then_some((j, f))
    }

    fn era(&self, j: usize) -> Option<(usize, Cal)> {
        self.hits(j).iter().find_map(|h| match h.item {
            Item::Cue(Role::Era(c)) if !h.def && !h.conj => Some((j + h.len as usize, c)),
            _ => None,
        })
    }

    /// `f` with the year that may follow at `e` (يوليو 13، 2023), and the end.
    fn with_year_after(&self, e: usize, mut f: Frame) -> (usize, Frame) {
        match self.year_after(e) {
            Some((e2, y)) => {
                f.year = Some(y);
                (e2, f)
            }
            None => (e, f),
        }
    }

    /// A year after a month: 2023، 2023م، 1445هـ، عام 2014، من العام الماضي.
    fn year_after(&self, k: usize) -> R<YearSpec> {
        let mut j = k;
        if self.punct(j, &["،", ","]) && self.digits(j + 1).is_some() {
            j += 1;
        }
        if let Some((v, nd)) = self.digits(j) {
            let era = self.era(j + 1);
            if nd >= 4 || (nd == 3 && era.is_some()) {
                return Some(match era {
                    Some((e, c)) => (e, YearSpec::Abs(v, Some(c))),
                    None => (j + 1, YearSpec::Abs(v, None)),
                });
            }
            return None;
        }
        let mut j2 = j;
        if self.has_cue(j2, &[Role::From, Role::In]) {
            j2 += 1;
        }
        self.year_alone(j2)
            .filter(|(_, y)| !matches!(y, YearSpec::Rel(0)) || self.this(j2) || self.modifier(j2 + 1).is_some())
    }

    /// A year on its own: العام (الماضي)، هذا العام، عام 2023، 2023م.
    fn year_alone(&self, j: usize) -> R<YearSpec> {
        if self.this(j) {
            let h = self.unit_is(j + 1, Unit::Year, Count::One, Some(true))?;
            return Some((j + 1 + h.len as usize, YearSpec::Rel(0)));
        }
        if let Some(h) = self.unit_is(j, Unit::Year, Count::One, None) {
            let j1 = j + h.len as usize;
            if let Some((v, _)) = self.digits(j1).filter(|&(_, nd)| nd >= 3) {
                return Some(match self.era(j1 + 1) {
                    Some((e, c)) => (e, YearSpec::Abs(v, Some(c))),
                    None => (j1 + 1, YearSpec::Abs(v, None)),
                });
            }
            if h.def {
                if let Some((mh, md)) = self.modifier(j1) {
                    let off = match md {
                        Mod::Past => -1,
                        Mod::Next => 1,
                        Mod::Current => 0,
                        Mod::Last => return None,
                    };
                    return Some((j1 + mh.len as usize, YearSpec::Rel(off)));
                }
                return Some((j1, YearSpec::Rel(0)));
            }
            return None;
        }
        let (v, nd) = self.digits(j)?;
        let era = self.era(j + 1);
        if nd >= 4 || (nd == 3 && era.is_some()) {
            return Some(match era {
                Some((e, c)) => (e, YearSpec::Abs(v, Some(c))),
                None => (j + 1, YearSpec::Abs(v, None)),
            });
        }
        None
    }

    /// عام 2023، 2023م، 1445هـ، في 2014.
    fn year_phrase(&self, k: usize) -> R<Frame> {
        let mk = |e: usize, y: YearSpec| Some((e, Frame { year: Some(y), ..Frame::default() }));
        if let Some(h) = self.unit_is(k, Unit::Year, Count::One, None) {
            let j = k + h.len as usize;
            // عام 99999 is a (bad) year; العام 14612 is more likely a count.
            if let Some((v, _)) = self.digits(j).filter(|&(_, nd)| nd >= 3 && (!h.def || nd == 4)) {
                if h.def && self.adjective_year(k) {
                    return None;
                }
                return match self.era(j + 1) {
                    Some((e, c)) => mk(e, YearSpec::Abs(v, Some(c))),
                    None => mk(j + 1, YearSpec::Abs(v, None)),
                };
            }
            return None;
        }
        let (v, nd) = self.digits(k)?;
        if let Some((e, c)) = self.era(k + 1) {
            if nd >= 3 {
                return mk(e, YearSpec::Abs(v, Some(c)));
            }
        }
        if nd == 4 && (1900..=2100).contains(&v) && self.prep_before(k) {
            return mk(k + 1, YearSpec::Abs(v, None));
        }
        None
    }

    /// أوائل/منتصف/نهاية + month or year.
    fn part_phrase(&self, k: usize) -> R<Frame> {
        let (h, id) = self.hits(k).iter().find_map(|h| match h.item {
            Item::Part(id) => Some((*h, id)),
            _ => None,
        })?;
        let part = self.lex.parts[id as usize];
        let mut j = k + h.len as usize;
        if self.cue(j, Role::From).is_some() {
            j += 1;
        }
        let mut best: R<Frame> = None;
        if part.month.is_some() {
            if let Some((e, mut f)) = self.month_ref(j, true) {
                f.part = Some(id);
                best = Some((e, f));
            } else if let Some(uh) = self.unit_is(j, Unit::Month, Count::One, Some(true)) {
                best = Some((
                    j + uh.len as usize,
                    Frame { month: Some(MonthSpec::Rel(0)), part: Some(id), ..Frame::default() },
                ));
            }
        }
        if part.year.is_some() {
            if let Some((e, y)) = self.year_alone(j) {
                best = longer(best, Some((e, Frame { year: Some(y), part: Some(id), ..Frame::default() })));
            }
        }
        best
    }

    /// عيد الفطر (المبارك) (2013)، رمضان 1445، عيد الأضحى المقبل.
    fn holiday(&self, k: usize) -> R<Frame> {
        let (h, id) = self.hits(k).iter().find_map(|h| match h.item {
            Item::Holiday(id) => Some((*h, id)),
            _ => None,
        })?;
        let hol = &self.lex.holidays[id as usize];
        let mut j = k + h.len as usize;
        if let Some(b) = self.cue(j, Role::Blessed) {
            j += b.len as usize;
        }
        let mut f = Frame { holiday: Some(id), ..Frame::default() };
        let mut after = false;
        if let Some((mh, md)) = self.modifier(j).filter(|(_, m)| *m != Mod::Last) {
            f.holiday_mod = Some(md);
            j += mh.len as usize;
            after = true;
        } else if let Some((e, y)) = self.year_after(j) {
            f.year = Some(y);
            j = e;
            after = true;
        }
        if !(hol.standalone || h.prep || self.prep_before(k) || after) {
            return None;
        }
        Some((j, f))
    }

    // ---------------------------------------------------------------- clocks

    /// A clock time: (الساعة) 3 (و15 دقيقة|:15|وربع|إلا ثلث) (صباحا) (بتوقيت غرينتش).
    /// Without الساعة it needs the colon form or a day part.
    fn clock(&self, k: usize) -> R<Clock> {
        let mut j = k;
        if let Some(h) = self.cue(j, Role::Sharp) {
            j += h.len as usize;
        }
        let mut word = false;
        if let Some(h) = self.unit_is(j, Unit::Hour, Count::One, Some(true)).filter(|h| !h.prep) {
            j += h.len as usize;
            word = true;
        }
        let mut h: u32;
        let (mut m, mut s, mut fine, mut colon) = (0u32, 0u32, 0u8, false);
        if let Some((v, nd)) = self.digits(j) {
            if nd > 2 || v > 24 {
                return None;
            }
            h = v as u32;
            j += 1;
            let two = |i: usize| self.digits(i).filter(|&(_, n)| n == 2).map(|(v, _)| v as u32);
            if self.punct(j, &[":"]) && self.adjacent(j - 1, j) && j + 1 < self.toks.len() && self.adjacent(j, j + 1) {
                if let Some(mm) = two(j + 1) {
                    m = mm;
                    fine = 1;
                    colon = true;
                    j += 2;
                    if self.punct(j, &[":"])
                        && self.adjacent(j - 1, j)
                        && j + 1 < self.toks.len()
                        && self.adjacent(j, j + 1)
                    {
                        if let Some(ss) = two(j + 1) {
                            s = ss;
                            fine = 2;
                            j += 2;
                        }
                    }
                }
            }
        } else if let Some((e, hv)) = self.hits(j).iter().find_map(|x| match x.item {
            Item::Cue(Role::Hour(hv)) if !x.conj => Some((j + x.len as usize, hv)),
            _ => None,
        }) {
            h = hv as u32;
            j = e;
        } else {
            // The hour as a word: try two tokens (الثانية عشرة), then one (الرابعة واربعون is 4 + 40).
            let n = self.int(j, 2, 0, 12).or_else(|| self.int(j, 1, 0, 12))?;
            // An ordinal names the hour from 2 on: 1 o'clock is الواحدة, and
            // الأولى is "the first" (الساعات الأولى).
            if n.0.digits || !(n.0.ordinal || word) || (n.0.ordinal && n.1 < 2) {
                return None;
            }
            h = n.1 as u32;
            j = n.0.end;
        }
        // Minutes.
        if !colon {
            if let Some((e, mm)) = self.and_fraction(j) {
                m = mm as u32;
                fine = 1;
                j = e;
            } else if let Some((e, mm)) = self.and_minutes(j) {
                m = mm;
                fine = 1;
                j = e;
            } else if self.cue(j, Role::Minus).is_some() {
                let sub = if let Some((e, mm)) = self.hits(j + 1).iter().find_map(|x| match x.item {
                    Item::Cue(Role::Fraction(mm)) if !x.conj => Some((j + 1 + x.len as usize, mm as u32)),
                    _ => None,
                }) {
                    Some((e, mm))
                } else {
                    self.minutes_at(j + 1)
                };
                if let Some((e, mm)) = sub.filter(|&(_, mm)| mm > 0 && mm < 60) {
                    let total = (h as i64 * 60 - mm as i64).rem_euclid(24 * 60);
                    h = (total / 60) as u32;
                    m = (total % 60) as u32;
                    fine = 1;
                    j = e;
                }
            }
        }
        if m > 59 || s > 59 || h > 24 || (h == 24 && (m > 0 || s > 0)) {
            return None;
        }
        // Day part (also "من مساء", "هذا الصباح").
        let mut meridiem = None;
        let mut j2 = j;
        if self.cue(j2, Role::From).is_some() && self.daypart(j2 + 1).is_some() {
            j2 += 1;
        }
        if self.this(j2) {
            j2 += 1;
        }
        let mut eve = false;
        if let Some((dh, dp)) = self.daypart(j2).filter(|(dh, _)| !dh.conj) {
            meridiem = Some(self.lex.dayparts[dp as usize].meridiem);
            eve = !dh.def && self.cue(j2, Role::Eve).is_some();
            j = j2 + dh.len as usize;
        }
        let mut tz = None;
        if let Some(th) = self.cue(j, Role::TzMarker) {
            if let Some((e, off)) = self.hits(j + th.len as usize).iter().find_map(|x| match x.item {
                Item::Cue(Role::Tz(off)) => Some((j + th.len as usize + x.len as usize, off)),
                _ => None,
            }) {
                tz = Some(off);
                j = e;
            }
        }
        if !word && !colon && meridiem.is_none() {
            return None;
        }
        if !word && !colon && h == 0 {
            return None;
        }
        Some((j, Clock { h, m, s, fine, meridiem, tz, eve }))
    }

    /// Minutes as a number (and optional دقيقة) at `j`.
    fn minutes_at(&self, j: usize) -> Option<(usize, u32)> {
        let n = self.num(j, 4)?;
        if n.ordinal || n.value.fract() != 0.0 || !(0.0..60.0).contains(&n.value) {
            return None;
        }
        let mut e = n.end;
        if let Some((h, Unit::Minute, _)) = self.unit(e) {
            e += h.len as usize;
        }
        Some((e, n.value as u32))
    }

    /// و + minutes: "و 18 دقيقة"، "و18"، "وثمانية عشر دقيقة".
    fn and_minutes(&self, j: usize) -> Option<(usize, u32)> {
        if self.key_is(j, &["و"]) {
            return self.minutes_at(j + 1);
        }
        if !self.word(j) || !self.raw_key(j).starts_with('و') {
            return None;
        }
        self.minutes_at(j)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> &'static TimeLexicon {
        TimeLexicon::embedded().expect("the embedded time lexicon loads")
    }

    fn specs(text: &str) -> Vec<(String, Spec)> {
        let toks = isnad_text::tokenize(text);
        recognize(text, &toks, lexicon(), TextLexicon::embedded().unwrap())
            .into_iter()
            .map(|f| (text[f.byte_start as usize..f.byte_end as usize].to_string(), f.spec))
            .collect()
    }

    #[test]
    fn clitic_readings() {
        let art = &lexicon().article;
        let mut seen = Vec::new();
        readings("وبالأسبوع", art, |stem, conj, prep, def| seen.push((stem.to_string(), conj, prep, def)));
        assert!(seen.contains(&("الأسبوع".into(), true, true, false)));
        assert!(seen.contains(&("أسبوع".into(), true, true, true)));
        let mut seen = Vec::new();
        readings("للعام", art, |stem, conj, prep, def| seen.push((stem.to_string(), conj, prep, def)));
        assert!(seen.contains(&("العام".into(), false, true, false)), "لل is ل + ال: {seen:?}");
        assert!(seen.contains(&("عام".into(), false, true, true)));
        // Never a stem of one letter.
        let mut seen = Vec::new();
        readings("في", art, |stem, _, _, _| seen.push(stem.to_string()));
        assert_eq!(seen, vec!["في".to_string()]);
    }

    #[test]
    fn text_without_time_words_has_no_triggers() {
        let text = "قال المتحدث إن القوات سيطرت على 32 موقعاً في المحافظة";
        let toks = isnad_text::tokenize(text);
        let mut p = Parser {
            text,
            toks: &toks,
            lex: lexicon(),
            tlex: TextLexicon::embedded().unwrap(),
            info: Vec::new(),
            hits: Vec::new(),
            nums: RefCell::new(rustc_hash::FxHashMap::default()),
        };
        assert!(p.first_pass().is_empty());
        assert!(specs(text).is_empty());
    }

    #[test]
    fn frames_carry_what_was_written() {
        let s = specs("الاثنين الماضي 20 نوفمبر");
        assert_eq!(s.len(), 1);
        let Spec::Frame(f) = &s[0].1 else { panic!("{s:?}") };
        assert_eq!(
            (f.weekday, f.wd_mod, f.day, f.month),
            (Some(1), Some(Mod::Past), Some(20), Some(MonthSpec::Named(Cal::Gregorian, 11)))
        );
        let s = specs("في شهر فبراير الجاري");
        let Spec::Frame(f) = &s[0].1 else { panic!("{s:?}") };
        assert_eq!(f.month_mod, Some(Mod::Current));
        let s = specs("من 7 - 14 نوفمبر الجاري");
        assert!(matches!(&s[0].1, Spec::Range(l, r) if l.day == Some(7) && r.day == Some(14)), "{s:?}");
        let s = specs("لمدة 45 يوما");
        assert!(matches!(s[0].1, Spec::Duration(Dur { n, unit: Unit::Day }, None) if n == 45.0), "{s:?}");
        let s = specs("الساعة الحادية عشرة وخمس وأربعون دقيقة صباحا");
        let Spec::Frame(f) = &s[0].1 else { panic!("{s:?}") };
        let c = f.clock.expect("a clock");
        assert_eq!((c.h, c.m, c.meridiem), (11, 45, Some(Meridiem::Am)));
    }

    #[test]
    fn equivalent_dates_merge() {
        let s = specs("10 جمادى الأولى 1445هـ الموافق 24 نوفمبر 2023م");
        assert_eq!(s.len(), 1, "{s:?}");
        let Spec::Frame(f) = &s[0].1 else { panic!("{s:?}") };
        assert_eq!(f.day, Some(24), "the Gregorian date is the value");
        assert!(f.equiv.as_ref().is_some_and(|e| e.month == Some(MonthSpec::Named(Cal::Hijri, 5))));
    }
}
