//! Numbers and quantities.
//!
//! Recognises digits in any Arabic form (ASCII, Arabic-Indic, Persian, with
//! ٫ ٬ or ASCII separators), cardinal words with compounds (ثلاثة وعشرين،
//! ألفين وثلاثة وعشرين، ثلاثمائة وخمسون، مليون ونصف), duals of scale words and
//! of counted nouns (ألفين، عنصرين), ordinals with clitics (والثانية) and
//! approximate counts (عشرات، نحو 30، أكثر من 20). Each quantity carries its
//! counted noun when one is adjacent.

use serde::Serialize;

use crate::lexicon::{GramNumber, Noun, NumClass, NumberWord, Relation, TextLexicon};
use crate::normalize::{is_ignorable, search_key, search_key_into};
use crate::token::{digit_value, Token, TokenKind};

/// What kind of quantity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuantityKind {
    /// An exact count or value.
    Cardinal,
    /// A rank (الثاني، الأولى).
    Ordinal,
    /// A bounded or rough count (نحو 30، عشرات).
    Approximate,
}

/// A number found in the text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quantity {
    /// Code-point start of the whole phrase (cue, number and noun).
    pub start: u32,
    /// Code-point end (exclusive).
    pub end: u32,
    /// The value (for approximate counts, the stated bound or order of magnitude).
    pub value: f64,
    /// Cardinal, ordinal or approximate.
    pub kind: QuantityKind,
    /// The bound an approximate count expresses.
    pub relation: Option<Relation>,
    /// The counted noun's lemma (عنصر).
    pub unit: Option<String>,
    /// Its English gloss (member).
    pub unit_en: Option<String>,
    /// Its lexicon category (person, casualty, materiel, time …).
    pub unit_category: Option<String>,
    /// Code-point span of the number itself (without cue and noun).
    pub number_start: u32,
    /// End of the number itself.
    pub number_end: u32,
}

/// One number atom read from a token.
#[derive(Clone, Copy, Debug)]
struct Atom {
    value: f64,
    class: Option<NumClass>, // None = digits
    word: Option<NumberWord>,
    conj: bool,
    definite: bool,
    /// Digits count after the decimal point (digits atoms) or of the integer.
    digits: u32,
    decimal: bool,
}

/// Parses a digit token: returns (value, integer digit count, has decimal part).
/// `None` for date-like tokens (`23.11.2023`) and malformed groupings.
pub fn parse_digits(s: &str) -> Option<(f64, u32, bool)> {
    let mut int = String::new();
    let mut frac = String::new();
    let mut in_frac = false;
    let mut group_len: Option<usize> = None; // digits since the last thousands separator
    let mut seps = 0;
    let chars: Vec<char> = s.chars().collect();
    let n_dots = chars.iter().filter(|&&c| c == '.' || c == '٫').count();
    if n_dots > 1 {
        return None;
    }
    let commas = chars.iter().filter(|&&c| c == ',').count();
    // ',' is a thousands separator when every group after it has 3 digits;
    // a single ',' otherwise is a decimal comma (1,5).
    let comma_grouping = commas > 0 && {
        let int_part: String = chars.iter().take_while(|&&c| c != '.' && c != '٫').collect();
        let groups: Vec<&str> = int_part.split(',').collect();
        groups[0].chars().count() <= 3 && groups[1..].iter().all(|g| g.chars().count() == 3)
    };
    if commas > 0 && !comma_grouping && (commas > 1 || n_dots > 0) {
        return None;
    }
    for c in chars {
        if let Some(d) = digit_value(c) {
            let ch = char::from(b'0' + d as u8);
            if in_frac {
                frac.push(ch)
            } else {
                int.push(ch);
                if let Some(g) = group_len.as_mut() {
                    *g += 1;
                }
            }
        } else if c == '.' || c == '٫' || (c == ',' && !comma_grouping) {
            in_frac = true;
        } else if c == '٬' || c == ',' {
            if group_len.is_some_and(|g| g != 3) {
                return None;
            }
            group_len = Some(0);
            seps += 1;
        } else {
            return None;
        }
    }
    if group_len.is_some_and(|g| g != 3) || (seps > 0 && int.len() > 3 * (seps + 1)) {
        return None;
    }
    let int_digits = int.len() as u32;
    let text = if int.is_empty() {
        format!("0.{frac}")
    } else if frac.is_empty() {
        int
    } else {
        format!("{int}.{frac}")
    };
    let v: f64 = text.parse().ok()?;
    v.is_finite().then_some((v, int_digits, !frac.is_empty()))
}

/// Strips proclitics (و ف ب ل ك, the article) from a number word's search key
/// and looks it up. Returns (word, conj, definite, stripped prefix length).
fn lookup_word<'l>(lex: &'l TextLexicon, key: &str) -> Option<(&'l NumberWord, bool, bool)> {
    if let Some(w) = lex.number_word(key) {
        return Some((w, false, false));
    }
    let mut rest = key;
    let mut conj = false;
    if let Some(r) = rest.strip_prefix(['و', 'ف']) {
        conj = true;
        rest = r;
        if let Some(w) = lex.number_word(rest) {
            return Some((w, conj, false));
        }
    }
    if let Some(r) = rest.strip_prefix(['ب', 'ل', 'ك']) {
        if let Some(w) = lex.number_word(r) {
            return Some((w, conj, false));
        }
        if let Some(r2) = r.strip_prefix('ل').filter(|_| rest.starts_with('ل')) {
            // لل = ل + ال
            if let Some(w) = lex.number_word(r2) {
                return Some((w, conj, true));
            }
        }
        rest = r;
    }
    let r = rest.strip_prefix(lex.affixes().article())?;
    lex.number_word(r).map(|w| (w, conj, true))
}

struct Scanner<'a> {
    text: &'a str,
    tokens: &'a [Token],
    lex: &'a TextLexicon,
    keys: Vec<Option<String>>, // search key per word token (lazily filled)
    buf: String,               // scratch key for one-off lookups
}

impl<'a> Scanner<'a> {
    fn key(&mut self, i: usize) -> &str {
        if self.keys[i].is_none() {
            self.keys[i] = Some(search_key(self.tokens[i].text(self.text)));
        }
        self.keys[i].as_deref().unwrap_or_default()
    }

    fn is_word(&self, i: usize, w: &str) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word && t.text(self.text) == w)
    }

    /// Two tokens are adjacent (no line break between them).
    fn same_line(&self, i: usize, j: usize) -> bool {
        let (a, b) = (self.tokens[i].byte_end as usize, self.tokens[j].byte_start as usize);
        a <= b && !self.text.as_bytes()[a..b].contains(&b'\n')
    }

    fn atom(&mut self, i: usize) -> Option<Atom> {
        let t = *self.tokens.get(i)?;
        match t.kind {
            TokenKind::Number => {
                let (value, digits, decimal) = parse_digits(t.text(self.text))?;
                Some(Atom { value, class: None, word: None, conj: false, definite: false, digits, decimal })
            }
            TokenKind::Word => {
                let lex = self.lex;
                let key = match &self.keys[i] {
                    Some(k) => k.as_str(),
                    None => {
                        self.buf.clear();
                        search_key_into(t.text(self.text), &mut self.buf);
                        self.buf.as_str()
                    }
                };
                let (w, conj, definite) = lookup_word(lex, key)?;
                if w.flags.maqsura {
                    let last = t.text(self.text).chars().rev().find(|c| !is_ignorable(*c));
                    if last != Some('ى') {
                        return None;
                    }
                }
                Some(Atom {
                    value: w.value,
                    class: Some(w.class),
                    word: Some(*w),
                    conj,
                    definite,
                    digits: 0,
                    decimal: false,
                })
            }
            _ => None,
        }
    }

    /// The atom after token `i` (end of the current expression) that a
    /// compound may continue with: (token index, atom, joined by و).
    fn next_atom(&mut self, i: usize) -> Option<(usize, Atom, bool)> {
        let j = i + 1;
        if j >= self.tokens.len() || !self.same_line(i, j) {
            return None;
        }
        if self.is_word(j, "و") && j + 1 < self.tokens.len() && self.same_line(j, j + 1) {
            let a = self.atom(j + 1)?;
            return Some((j + 1, a, true));
        }
        let a = self.atom(j)?;
        Some((j, a, a.conj))
    }
}

#[derive(Default)]
struct Acc {
    total: f64,
    group: f64,
    hundreds: bool,
    tens: bool,
    units: bool,
    last_scale: f64,
    ordinal: bool,
    approx: bool,
    all_definite: bool,
    parts: u32,
    needs_context: bool,
    compound_only: bool,
}

impl Acc {
    fn value(&self) -> f64 {
        self.total + self.group
    }
}

/// Finds the quantities in `text` given its tokens.
pub fn find_quantities(text: &str, tokens: &[Token], lex: &TextLexicon) -> Vec<Quantity> {
    let mut sc = Scanner { text, tokens, lex, keys: vec![None; tokens.len()], buf: String::new() };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match tokens[i].kind {
            TokenKind::Number | TokenKind::Word => {}
            _ => {
                i += 1;
                continue;
            }
        }
        if let Some((q, next)) = parse_at(&mut sc, i) {
            out.extend(q);
            i = next;
            continue;
        }
        // A dual counted noun on its own: عنصرين، جنديين.
        if tokens[i].kind == TokenKind::Word {
            if let Some(q) = dual_noun(&mut sc, i) {
                out.push(q);
            }
        }
        i += 1;
    }
    out
}

/// True when `word` as written (diacritics aside) ends with one of `endings`.
fn ends_with_any(word: &str, endings: &[String]) -> bool {
    endings.iter().any(|e| {
        let mut letters = word.chars().rev().filter(|c| !is_ignorable(*c));
        e.chars().rev().all(|c| letters.next() == Some(c))
    })
}

/// A dual counted noun standing alone at token `i` (عنصرين): the count two.
fn dual_noun(sc: &mut Scanner<'_>, i: usize) -> Option<Quantity> {
    // Duals end in ان/ين (possibly with diacritics after): check before keying.
    if !ends_with_any(sc.tokens[i].text(sc.text), sc.lex.affixes().dual_endings()) {
        return None;
    }
    let key = sc.key(i).to_string();
    let lex = sc.lex;
    let bare = |k: &str| lex.noun(k).filter(|(_, n)| *n == GramNumber::Dual);
    let (noun, _) = bare(&key).or_else(|| key.strip_prefix(['و', 'ف', 'ب', 'ل']).and_then(bare))?;
    let t = sc.tokens[i];
    Some(Quantity {
        start: t.start,
        end: t.end,
        value: 2.0,
        kind: QuantityKind::Cardinal,
        relation: None,
        unit: Some(noun.lemma.clone()),
        unit_en: Some(noun.gloss.clone()),
        unit_category: Some(noun.category.clone()),
        number_start: t.start,
        number_end: t.end,
    })
}

/// A parse result: the quantity (none for tokens to skip, such as a
/// day/month date) and the index of the first token after it.
type Parsed = (Option<Quantity>, usize);

/// A number expression being read.
struct Expr {
    acc: Acc,
    /// Its first atom.
    first: Atom,
    /// Its first token (a minus sign included).
    start_tok: usize,
    /// Its last token so far.
    last: usize,
    negative: bool,
}

/// How an expression starts: as an expression to continue, or already read
/// to its end (a slash fraction or a date).
enum Start {
    Expr(Expr),
    Done(Parsed),
}

/// Parses a number expression starting at token `i`.
fn parse_at(sc: &mut Scanner<'_>, i: usize) -> Option<Parsed> {
    let first = sc.atom(i)?;
    let mut e = match first.class {
        None => match start_digits(sc, i, first)? {
            Start::Expr(e) => e,
            Start::Done(done) => return Some(done),
        },
        Some(class) => start_word(sc, i, first, class)?,
    };
    continue_compound(sc, &mut e);
    finish(sc, e)
}

/// Starts an expression at a digit token: takes a minus sign attached
/// before it (not a range), reads `a/b` fractions and skips dates.
fn start_digits(sc: &mut Scanner<'_>, i: usize, first: Atom) -> Option<Start> {
    let tokens = sc.tokens;
    let mut start_tok = i;
    let mut negative = false;
    if i > 0 && tokens[i - 1].kind == TokenKind::Punct && tokens[i - 1].byte_end == tokens[i].byte_start {
        let m = tokens[i - 1].text(sc.text);
        let prev_is_num = i > 1 && tokens[i - 2].kind == TokenKind::Number;
        if matches!(m, "-" | "−") && !prev_is_num {
            negative = true;
            start_tok = i - 1;
        }
    }
    // a/b: a date (day/month) or a fraction.
    if let Some(frac) = slash_fraction(sc, i, negative) {
        return Some(Start::Done(frac));
    }
    // Date-like forms 10/10/2023 are left to the time layer.
    if i + 1 < tokens.len() && tokens[i + 1].byte_start == tokens[i].byte_end && tokens[i + 1].text(sc.text) == "/" {
        return None;
    }
    let acc = Acc { all_definite: first.definite, group: first.value, parts: 1, ..Acc::default() };
    Some(Start::Expr(Expr { acc, first, start_tok, last: i, negative }))
}

/// Starts an expression at a number word of class `class`; `None` when the
/// word cannot start one here.
fn start_word(sc: &mut Scanner<'_>, i: usize, first: Atom, class: NumClass) -> Option<Expr> {
    let w = first.word?;
    let mut acc = Acc {
        all_definite: first.definite,
        needs_context: w.flags.context,
        compound_only: w.flags.compound,
        ..Acc::default()
    };
    let mut last = i;
    if class == NumClass::Fraction {
        // نصف مليون: only with a scale after it.
        let (j, a, conj) = sc.next_atom(i)?;
        if conj || a.class != Some(NumClass::Scale) {
            return None;
        }
        acc.total = first.value * a.value;
        acc.last_scale = a.value;
        acc.parts = 2;
        last = j;
    } else if !acc.start(class, &first) {
        return None;
    }
    if acc.parts == 0 {
        acc.parts = 1;
    }
    Some(Expr { acc, first, start_tok: i, last, negative: false })
}

impl Acc {
    /// Takes the first word of an expression (any class but a fraction);
    /// false when it cannot start one.
    fn start(&mut self, class: NumClass, first: &Atom) -> bool {
        use NumClass::*;
        let v = first.value;
        match class {
            Unit | TeenHead | Ten | Teen | Tens | Hundred | Ordinal => {
                self.group = if class == Ten { 10.0 } else { v };
                self.units = matches!(class, Unit | TeenHead | Teen | Ordinal);
                self.tens = matches!(class, Ten | Teen | Tens);
                self.hundreds = class == Hundred;
            }
            Scale | ScaleDual | ScalePlural | ApproxPlural => {
                self.total = v;
                self.last_scale = if class == ScaleDual { v / 2.0 } else { v };
                self.approx = matches!(class, ScalePlural | ApproxPlural);
            }
            Fraction | Point => return false,
        }
        // أحد، اثنا only before عشر; a definite tens word is an ordinal (العشرين).
        self.compound_only |= class == TeenHead;
        self.ordinal = class == Ordinal || (class == Tens && first.definite);
        // An ordinal that needs the article (الأول) is no ordinal without it.
        let needs_article = class == Ordinal && first.word.is_some_and(|w| w.flags.definite);
        !needs_article || first.definite
    }
}

/// Extends the expression with the atoms that continue the compound.
fn continue_compound(sc: &mut Scanner<'_>, e: &mut Expr) {
    while let Some((j, a, conj)) = sc.next_atom(e.last) {
        if !extend(&mut e.acc, &a, conj) {
            // Decimal point: "1 فاصلة 1", "واحد فاصلة واحد".
            if a.class == Some(NumClass::Point) && !conj && e.acc.total == 0.0 && !e.acc.ordinal {
                decimal_part(sc, j, e);
            }
            break;
        }
        if !a.definite {
            e.acc.all_definite = false;
        }
        if a.definite && a.class == Some(NumClass::Tens) && e.acc.all_definite {
            e.acc.ordinal = true;
        }
        e.acc.parts += 1;
        e.last = j;
    }
}

/// Reads the digits after a decimal-point word at token `point`.
fn decimal_part(sc: &mut Scanner<'_>, point: usize, e: &mut Expr) {
    let Some((k, b, false)) = sc.next_atom(point) else { return };
    let frac_digits = match b.class {
        None if !b.decimal => Some((b.value, b.digits)),
        Some(NumClass::Unit) => Some((b.value, 1)),
        Some(NumClass::Tens | NumClass::Teen) => Some((b.value, 2)),
        _ => None,
    };
    if let Some((v, d)) = frac_digits {
        e.acc.group += v / 10f64.powi(d as i32);
        e.acc.parts += 2;
        e.last = k;
    }
}

/// Completes a read expression: its kind and value, its counted noun, the
/// checks on words that count only in context, and approximation cues.
fn finish(sc: &mut Scanner<'_>, mut e: Expr) -> Option<Parsed> {
    if e.acc.compound_only && e.acc.parts < 2 {
        return None;
    }
    // A definite teen is an ordinal: الأحد عشر، الاثنى عشر.
    let acc = &e.acc;
    if e.first.definite && acc.tens && acc.units && acc.parts >= 2 && acc.total == 0.0 {
        e.acc.ordinal = true;
    }
    let tokens = sc.tokens;
    let value = if e.negative { -e.acc.value() } else { e.acc.value() };
    let (number_start, number_end) = (tokens[e.start_tok].start, tokens[e.last].end);
    let mut q = Quantity {
        start: number_start,
        end: number_end,
        value,
        kind: QuantityKind::Cardinal,
        relation: e.acc.approx.then_some(Relation::OrderOfMagnitude),
        unit: None,
        unit_en: None,
        unit_category: None,
        number_start,
        number_end,
    };
    if e.acc.ordinal {
        // An ordinal has no counted noun and takes no cue.
        q.kind = QuantityKind::Ordinal;
        return counts_here(sc, &e, false).then_some((Some(q), e.last + 1));
    }
    if e.acc.approx {
        q.kind = QuantityKind::Approximate;
    }
    let mut next = e.last + 1;
    let noun = match noun_after(sc, &e) {
        Some(noun) => {
            q.end = tokens[next].end;
            next += 1;
            Some(noun)
        }
        None => noun_before(sc, &e).map(|(p, noun)| {
            q.start = tokens[p].start;
            noun
        }),
    };
    if !counts_here(sc, &e, noun.is_some()) {
        return None;
    }
    if let Some(noun) = noun {
        q.unit_en = Some(noun.gloss.clone());
        q.unit_category = Some(noun.category.clone());
        q.unit = Some(noun.lemma.clone());
    }
    next = apply_cues(sc, e.start_tok, next, &mut q);
    Some((Some(q), next))
}

/// The counted noun right after the number (on the same line).
fn noun_after<'l>(sc: &mut Scanner<'l>, e: &Expr) -> Option<&'l Noun> {
    let next = e.last + 1;
    if next >= sc.tokens.len() || !sc.same_line(e.last, next) || sc.tokens[next].kind != TokenKind::Word {
        return None;
    }
    let lex = sc.lex;
    let key = sc.key(next);
    // After عشرات/مئات/آلاف the noun is a definite genitive: مئات المدنيين.
    let key = match key.strip_prefix(lex.affixes().article()) {
        Some(k) if e.acc.approx => k,
        _ => key,
    };
    lex.noun(key).map(|(noun, _)| noun)
}

/// The counted noun right before the number (for واحد/اثنان and definite
/// numbers: يوم واحد), with its token index.
fn noun_before<'l>(sc: &mut Scanner<'l>, e: &Expr) -> Option<(usize, &'l Noun)> {
    let s = e.start_tok;
    if s == 0 || !sc.same_line(s - 1, s) {
        return None;
    }
    let p = s - 1;
    if sc.tokens[p].kind != TokenKind::Word || !(e.acc.needs_context || e.first.definite) {
        return None;
    }
    let lex = sc.lex;
    let key = sc.key(p);
    let stripped = key.strip_prefix(lex.affixes().article()).unwrap_or(key);
    lex.noun(key).or_else(|| lex.noun(stripped)).map(|(n, _)| (p, n))
}

/// Whether a word counted only in context counts here: واحد/اثنين alone
/// count beside a noun, or standing free (not as an adjective after some
/// other word: "والهدف واحد"); never with the article (الاثنين is also Monday).
fn counts_here(sc: &Scanner<'_>, e: &Expr, has_noun: bool) -> bool {
    if !(e.acc.needs_context && e.acc.parts == 1) {
        return true;
    }
    if e.first.definite {
        return false;
    }
    let s = e.start_tok;
    let after_word = s > 0 && sc.tokens[s - 1].kind == TokenKind::Word && sc.same_line(s - 1, s);
    has_noun || !after_word
}

/// Approximation cues before the number, or after it (and its noun): widens
/// `q` and makes it approximate. Returns the index of the token after it.
fn apply_cues(sc: &mut Scanner<'_>, start_tok: usize, next: usize, q: &mut Quantity) -> usize {
    if let Some((cue_start, rel)) = cue_before(sc, start_tok) {
        q.start = q.start.min(sc.tokens[cue_start].start);
        q.kind = QuantityKind::Approximate;
        q.relation = Some(rel);
        next
    } else if let Some((cue_end, rel)) = cue_after(sc, next) {
        q.end = sc.tokens[cue_end - 1].end;
        q.kind = QuantityKind::Approximate;
        q.relation = Some(rel);
        cue_end
    } else {
        next
    }
}

/// Applies one more atom to a compound; false when it does not belong.
fn extend(acc: &mut Acc, a: &Atom, conj: bool) -> bool {
    let Some(class) = a.class else {
        return false; // digits never continue a compound
    };
    match class {
        NumClass::Scale | NumClass::ScalePlural | NumClass::ScaleDual => extend_scale(acc, a, class, conj),
        NumClass::Fraction => extend_fraction(acc, a, conj),
        _ => extend_group(acc, a, class, conj),
    }
}

impl Acc {
    /// No hundreds, tens or units since the last scale word.
    fn group_empty(&self) -> bool {
        !(self.hundreds || self.tens || self.units)
    }
}

/// A scale word after the number: عشرات الآلاف، ثلاثة آلاف، ألفين (after و).
fn extend_scale(acc: &mut Acc, a: &Atom, class: NumClass, conj: bool) -> bool {
    match class {
        NumClass::ScalePlural if acc.approx && a.definite && !conj => {
            // عشرات الآلاف
            acc.total *= a.value;
            acc.last_scale = a.value;
            true
        }
        NumClass::Scale | NumClass::ScalePlural if !conj && !acc.ordinal => {
            let mult = if acc.group == 0.0 { return false } else { acc.group };
            if acc.last_scale != 0.0 && a.value >= acc.last_scale {
                return false;
            }
            if class == NumClass::ScalePlural && !(acc.approx || mult <= 10.0 || a.definite) {
                return false;
            }
            acc.total += mult * a.value;
            acc.group = 0.0;
            acc.hundreds = false;
            acc.tens = false;
            acc.units = false;
            acc.last_scale = a.value;
            true
        }
        NumClass::ScaleDual
            if conj
                && acc.group_empty()
                && (acc.last_scale == 0.0 || a.value / 2.0 < acc.last_scale)
                && acc.total > 0.0 =>
        {
            acc.total += a.value;
            acc.last_scale = a.value / 2.0;
            true
        }
        _ => false,
    }
}

/// A fraction after و: of the last scale (مليون ونصف) or of the group (ثلاثة ونصف).
fn extend_fraction(acc: &mut Acc, a: &Atom, conj: bool) -> bool {
    let group_empty = acc.group_empty();
    if conj && group_empty && acc.last_scale > 0.0 {
        // مليون ونصف
        acc.total += a.value * acc.last_scale;
        return true;
    }
    if conj && !acc.ordinal && !group_empty && acc.total == 0.0 && acc.last_scale == 0.0 && acc.group < 1000.0 {
        // ثلاثة ونصف
        acc.group += a.value;
        acc.units = true;
        acc.tens = true;
        return true;
    }
    false
}

/// A hundreds, tens, ten, teen or units word inside the current group.
fn extend_group(acc: &mut Acc, a: &Atom, class: NumClass, conj: bool) -> bool {
    let group_empty = acc.group_empty();
    match class {
        NumClass::Ten if !conj && acc.units && !acc.tens && acc.group < 10.0 => {
            // Teens: ثلاثة عشر، أحد عشر، الحادي عشر.
            acc.group += 10.0;
            acc.tens = true;
            true
        }
        NumClass::Hundred
            if !conj
                && a.value == 100.0
                && acc.units
                && !acc.tens
                && !acc.hundreds
                && (3.0..=9.0).contains(&acc.group) =>
        {
            // ثلاث مائة
            acc.group *= 100.0;
            acc.units = false;
            acc.hundreds = true;
            true
        }
        NumClass::Hundred if conj && group_empty && acc.total > 0.0 && !acc.ordinal => {
            acc.group = a.value;
            acc.hundreds = true;
            true
        }
        NumClass::Unit | NumClass::Ordinal | NumClass::TeenHead
            if !acc.units && (conj || (acc.hundreds && !acc.tens)) =>
        {
            if class == NumClass::Ordinal && !acc.ordinal {
                return false;
            }
            if acc.total > 0.0 && group_empty && !conj {
                return false;
            }
            acc.group += a.value;
            acc.units = true;
            true
        }
        NumClass::Tens if !acc.tens && (conj || (acc.hundreds && !acc.units)) => {
            if acc.total > 0.0 && group_empty && !conj {
                return false;
            }
            acc.group += a.value;
            acc.tens = true;
            true
        }
        NumClass::Ten if conj && !acc.tens && !acc.units && (acc.hundreds || acc.total > 0.0) => {
            acc.group += 10.0;
            acc.tens = true;
            true
        }
        NumClass::Teen if !acc.tens && !acc.units && (conj || acc.hundreds) => {
            acc.group += a.value;
            acc.tens = true;
            acc.units = true;
            true
        }
        _ => false,
    }
}

/// `a/b` with `b` right after a slash: a fraction unless it reads as a
/// day/month date. Returns the fraction (none for a date, whose tokens are
/// skipped) and the next token index.
fn slash_fraction(sc: &mut Scanner<'_>, i: usize, negative: bool) -> Option<(Option<Quantity>, usize)> {
    let t = sc.tokens;
    let (slash, den) = (t.get(i + 1)?, t.get(i + 2)?);
    if slash.text(sc.text) != "/"
        || slash.byte_start != t[i].byte_end
        || den.byte_start != slash.byte_end
        || den.kind != TokenKind::Number
    {
        return None;
    }
    // A second slash: a full date.
    if t.get(i + 3).is_some_and(|s| s.text(sc.text) == "/" && s.byte_start == den.byte_end) {
        let end = if t.get(i + 4).is_some_and(|y| y.kind == TokenKind::Number) { i + 5 } else { i + 4 };
        return Some((None, end));
    }
    let (a, _, ad) = parse_digits(t[i].text(sc.text))?;
    let (b, _, bd) = parse_digits(den.text(sc.text))?;
    if b == 0.0 || ad || bd {
        return Some((None, i + 3));
    }
    if !negative && (1.0..=31.0).contains(&a) && (1.0..=12.0).contains(&b) {
        return Some((None, i + 3)); // day/month
    }
    let mut value = a / b;
    let start = if negative {
        value = -value;
        t[i - 1].start
    } else {
        t[i].start
    };
    Some((
        Some(Quantity {
            start,
            end: den.end,
            value,
            kind: QuantityKind::Cardinal,
            relation: None,
            unit: None,
            unit_en: None,
            unit_category: None,
            number_start: start,
            number_end: den.end,
        }),
        i + 3,
    ))
}

fn cue_before(sc: &mut Scanner<'_>, i: usize) -> Option<(usize, Relation)> {
    let lex = sc.lex;
    for cue in lex.approx_cues().iter().filter(|c| !c.after) {
        let n = cue.words.len();
        if i < n {
            continue;
        }
        let s = i - n;
        let ok = (0..n).all(|k| {
            let idx = s + k;
            sc.tokens[idx].kind == TokenKind::Word && sc.same_line(idx, i) && sc.key(idx) == cue.words[k]
        });
        if ok {
            return Some((s, cue.relation));
        }
    }
    None
}

fn cue_after(sc: &mut Scanner<'_>, i: usize) -> Option<(usize, Relation)> {
    let lex = sc.lex;
    for cue in lex.approx_cues().iter().filter(|c| c.after) {
        let n = cue.words.len();
        if i + n > sc.tokens.len() || i == 0 || !sc.same_line(i - 1, i) {
            continue;
        }
        let ok = (0..n).all(|k| sc.tokens[i + k].kind == TokenKind::Word && sc.key(i + k) == cue.words[k]);
        if ok {
            return Some((i + n, cue.relation));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    /// (text of the phrase, value, kind, unit)
    fn found(text: &str) -> Vec<(String, f64, QuantityKind, Option<String>)> {
        let lex = TextLexicon::embedded().unwrap();
        let toks = tokenize(text);
        let chars: Vec<char> = text.chars().collect();
        find_quantities(text, &toks, lex)
            .into_iter()
            .map(|q| (chars[q.start as usize..q.end as usize].iter().collect(), q.value, q.kind, q.unit))
            .collect()
    }

    fn one(text: &str) -> (f64, QuantityKind, Option<String>) {
        let f = found(text);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        assert_eq!(f[0].0, text, "span of {text}");
        (f[0].1, f[0].2, f[0].3.clone())
    }

    #[test]
    fn compounds() {
        assert_eq!(one("ثلاثة وعشرين").0, 23.0);
        assert_eq!(one("ألفين وثلاثة وعشرين").0, 2023.0);
        assert_eq!(one("مئتان").0, 200.0);
        assert_eq!(one("ثلاثمائة وخمسون").0, 350.0);
        assert_eq!(one("مليون ونصف").0, 1_500_000.0);
        assert_eq!(one("ثلاثة آلاف وخمسمائة").0, 3500.0);
        assert_eq!(one("مائة وخمسون ألفا").0, 150_000.0);
        assert_eq!(one("ثلاث مائة").0, 300.0);
        assert_eq!(one("نصف مليون").0, 500_000.0);
        assert_eq!(one("أحد عشر").0, 11.0);
        assert_eq!(one("ألفين").0, 2000.0);
        assert_eq!(one("مليونين").0, 2_000_000.0);
    }

    #[test]
    fn two_numbers_stay_two() {
        let f = found("ثلاثة وأربعة");
        assert_eq!(f.iter().map(|q| q.1).collect::<Vec<_>>(), vec![3.0, 4.0]);
        let f = found("بين 7 و 14 نوفمبر");
        assert_eq!(f.iter().map(|q| q.1).collect::<Vec<_>>(), vec![7.0, 14.0]);
    }

    #[test]
    fn digits_in_every_form() {
        assert_eq!(one("٣٢").0, 32.0);
        assert_eq!(one("۳۲").0, 32.0);
        assert_eq!(one("١٠٠٬٠٠٠").0, 100_000.0);
        assert_eq!(one("7.5").0, 7.5);
        assert_eq!(one("٧٫٥").0, 7.5);
        assert_eq!(one("1,000,000").0, 1_000_000.0);
        assert_eq!(one("-12").0, -12.0);
        assert_eq!(found("7 - 14").iter().map(|q| q.1).collect::<Vec<_>>(), vec![7.0, 14.0]);
        assert!(found("23.11.2023").is_empty(), "a dotted date is not a number");
        assert!(found("10/11/2023").is_empty(), "a slashed date is not a number");
    }

    #[test]
    fn counted_nouns_and_duals() {
        assert_eq!(one("32 عنصراً"), (32.0, QuantityKind::Cardinal, Some("عنصر".into())));
        assert_eq!(one("أربع دفعات"), (4.0, QuantityKind::Cardinal, Some("دفعة".into())));
        assert_eq!(one("عنصرين"), (2.0, QuantityKind::Cardinal, Some("عنصر".into())));
        assert_eq!(one("جنديين"), (2.0, QuantityKind::Cardinal, Some("جندي".into())));
        assert_eq!(one("وثلاثة صناديق"), (3.0, QuantityKind::Cardinal, Some("صندوق".into())));
        assert_eq!(one("يوم واحد"), (1.0, QuantityKind::Cardinal, Some("يوم".into())));
        // Definite duals and plural-looking nisba forms are not counts.
        assert!(found("بين الطرفين").is_empty());
        assert!(found("المدنيين").is_empty());
    }

    #[test]
    fn ordinals_with_clitics() {
        assert_eq!(one("الأولى").1, QuantityKind::Ordinal);
        assert_eq!(one("والثانية"), (2.0, QuantityKind::Ordinal, None));
        assert_eq!(one("الثالث").0, 3.0);
        assert_eq!(one("الحادي والعشرين"), (21.0, QuantityKind::Ordinal, None));
        // الأولي (preliminary) is not الأولى (the first).
        assert!(found("الاتفاق الأولي").is_empty());
    }

    #[test]
    fn approximate_counts() {
        let (v, k, _) = one("نحو 30");
        assert_eq!((v, k), (30.0, QuantityKind::Approximate));
        assert_eq!(one("أكثر من 20 قتيلا"), (20.0, QuantityKind::Approximate, Some("قتيل".into())));
        assert_eq!(one("عشرات").1, QuantityKind::Approximate);
        assert_eq!(one("عشرات الآلاف").0, 10_000.0);
        assert_eq!(one("مئات المدنيين").2, Some("مدني".into()));
    }

    #[test]
    fn words_that_are_not_numbers() {
        for t in ["أحدهما تضمن", "والهدف واحد", "يوم الاثنين", "الأحد الماضي", "الثانية"]
        {
            let f = found(t);
            assert!(f.iter().all(|q| q.2 != QuantityKind::Cardinal), "{t}: {f:?}");
        }
    }
}
