//! Normalization keys.
//!
//! The original text is never altered. Two lossy *keys* are derived from it
//! for matching, each with a map from key characters back to original
//! code-point offsets:
//!
//! * the **match key** folds diacritics (U+064B–U+065F, U+0670), tatweel,
//!   alef variants (أ إ آ ٱ → ا), alef maqsura (ى → ي), Persian letters,
//!   presentation forms (NFKC), Arabic-Indic and Persian digits, ASCII case,
//!   and drops bidi and zero-width controls;
//! * the **search key** is the match key with also ة → ه, ؤ → و and ئ → ي,
//!   for recall-oriented search.

use unicode_normalization::UnicodeNormalization;

/// Which key to build.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyKind {
    /// Folds orthographic variation that never changes the word.
    Match,
    /// Match key plus ta-marbuta, hamza-seat folding: lossier, for search.
    Search,
}

/// What one original character becomes in a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fold {
    /// Dropped (diacritic, tatweel, control).
    Drop,
    /// Replaced by one character (possibly itself).
    One(char),
    /// Needs compatibility decomposition (presentation forms, ligatures).
    Compat,
}

#[inline]
fn is_presentation_form(c: char) -> bool {
    matches!(c as u32, 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

/// True for code points dropped by both keys: Arabic diacritics and Quranic
/// marks, tatweel, bidi and zero-width controls, BOM.
#[inline]
pub fn is_ignorable(c: char) -> bool {
    matches!(c as u32,
        0x064B..=0x065F | 0x0670 | 0x0640 | 0x06D6..=0x06DC | 0x06DF..=0x06E8 | 0x06EA..=0x06ED
        | 0x061C | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x2069 | 0xFEFF)
}

/// How `c` folds in the match key.
#[inline]
pub(crate) fn fold_match(c: char) -> Fold {
    let u = c as u32;
    if u < 0x80 {
        return Fold::One(c.to_ascii_lowercase());
    }
    // Fast path: the common Arabic letters fold to themselves.
    if matches!(u, 0x0624 | 0x0626..=0x063A | 0x0641..=0x0648 | 0x064A) {
        return Fold::One(c);
    }
    if u == 0xFEFF || is_ignorable(c) {
        return Fold::Drop;
    }
    if is_presentation_form(c) {
        return Fold::Compat;
    }
    Fold::One(match u {
        0x0622 | 0x0623 | 0x0625 | 0x0671..=0x0673 => 'ا',
        0x0649 | 0x06CC | 0x06D0 => 'ي',
        0x06A9 => 'ك',
        0x06D5 => 'ه',
        0x0660..=0x0669 => char::from(b'0' + (u - 0x0660) as u8),
        0x06F0..=0x06F9 => char::from(b'0' + (u - 0x06F0) as u8),
        0x066B => '.',
        0x066C => ',',
        0x00A0 | 0x2000..=0x200A | 0x202F | 0x205F | 0x3000 => ' ',
        _ => c,
    })
}

#[inline]
fn fold_search_extra(c: char) -> char {
    match c {
        'ة' => 'ه',
        'ؤ' => 'و',
        'ئ' => 'ي',
        _ => c,
    }
}

#[inline]
fn push_folded(kind: KeyKind, c: char, mut out: impl FnMut(char)) {
    let mut emit = |c: char| match kind {
        KeyKind::Match => out(c),
        KeyKind::Search => out(fold_search_extra(c)),
    };
    match fold_match(c) {
        Fold::Drop => {}
        Fold::One(f) => emit(f),
        Fold::Compat => {
            for d in std::iter::once(c).nfkc() {
                if let Fold::One(f) = fold_match(d) {
                    emit(f)
                }
            }
        }
    }
}

/// A normalization key with its map back to the original text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Key {
    /// The folded text.
    pub text: String,
    /// For each character of `text`, the code-point offset of the original
    /// character it came from.
    pub offsets: Vec<u32>,
    /// Code-point length of the original text.
    pub original_len: u32,
}

impl Key {
    /// Number of characters in the key.
    pub fn len(&self) -> usize {
        self.offsets.len()
    }

    /// True when the key has no characters.
    pub fn is_empty(&self) -> bool {
        self.offsets.is_empty()
    }

    /// Maps a key character range `[a, b)` to the original code-point range.
    /// The end extends over dropped characters (diacritics, tatweel) that
    /// follow the last key character, up to the next kept one.
    pub fn original_span(&self, a: usize, b: usize) -> (u32, u32) {
        if a >= b || a >= self.offsets.len() {
            let at = self.offsets.get(a).copied().unwrap_or(self.original_len);
            return (at, at);
        }
        let start = self.offsets[a];
        let end = match self.offsets.get(b) {
            Some(&o) => o,
            None => self.original_len,
        };
        // A ligature expands to several key chars with the same offset: the
        // end must still cover the whole original character.
        (start, end.max(self.offsets[b - 1] + 1))
    }
}

/// Builds the key of `text`, with offsets relative to its start.
pub fn key(text: &str, kind: KeyKind) -> Key {
    let mut out = String::with_capacity(text.len());
    let mut offsets = Vec::with_capacity(text.len() / 2);
    let mut n = 0u32;
    for c in text.chars() {
        push_folded(kind, c, |f| {
            out.push(f);
            offsets.push(n);
        });
        n += 1;
    }
    Key { text: out, offsets, original_len: n }
}

/// The match key of `text`, without the offset map (fast path for lookups).
pub fn match_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_folded(KeyKind::Match, c, |f| out.push(f));
    }
    out
}

/// The search key of `text`, without the offset map.
pub fn search_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_folded(KeyKind::Search, c, |f| out.push(f));
    }
    out
}

/// Appends the search key of `text` to `out`.
pub fn search_key_into(text: &str, out: &mut String) {
    for c in text.chars() {
        push_folded(KeyKind::Search, c, |f| out.push(f));
    }
}

/// Appends the match key of `text` to `out` (no allocation when `out` has room).
pub(crate) fn match_key_into(text: &str, out: &mut String) {
    for c in text.chars() {
        push_folded(KeyKind::Match, c, |f| out.push(f));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn golden_match_keys() {
        // Golden constants: change only with a reason.
        let cases = [
            ("أَكَّدَتْ", "اكدت"),
            ("إِلى", "الي"),
            ("آمنة", "امنة"),
            ("ٱلله", "الله"),
            ("عنصراً", "عنصرا"),
            ("مـــصادر", "مصادر"),
            ("٢٣ نوفمبر ۲۰۲۳", "23 نوفمبر 2023"),
            ("١٠٠٬٠٠٠٫٥", "100,000.5"),
            ("\u{200F}صنعاء\u{200E}", "صنعاء"),
            ("ﻻ", "لا"),
            ("ﷲ", "الله"),
            ("ی ک", "ي ك"),
            ("ABC def", "abc def"),
        ];
        for (input, want) in cases {
            assert_eq!(match_key(input), want, "match key of {input:?}");
            assert_eq!(key(input, KeyKind::Match).text, want);
        }
    }

    #[test]
    fn search_key_is_lossier() {
        assert_eq!(search_key("المدينة"), "المدينه");
        assert_eq!(search_key("مسؤول"), "مسوول");
        assert_eq!(search_key("رئيس"), "رييس");
        assert_eq!(match_key("المدينة"), "المدينة");
    }

    #[test]
    fn offsets_map_back() {
        let text = "قال: عنصراً ﻻ";
        let k = key(text, KeyKind::Match);
        let chars: Vec<char> = text.chars().collect();
        // "عنصرا" in the key maps to "عنصراً" in the original.
        let a = k.text.chars().position(|c| c == 'ع').unwrap();
        let (s, e) = k.original_span(a, a + 5);
        let orig: String = chars[s as usize..e as usize].iter().collect();
        assert_eq!(orig, "عنصراً");
        // The ligature's two key chars map to the one original char.
        let n = k.len();
        assert_eq!(k.original_span(n - 2, n), (chars.len() as u32 - 1, chars.len() as u32));
    }
}
