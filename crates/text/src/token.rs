//! Tokenization with exact code-point offsets into the original text.

use serde::Serialize;

use crate::normalize::is_ignorable;

/// Coarse token class.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// A run of letters (Arabic or other scripts) with their marks.
    Word,
    /// Digits (ASCII, Arabic-Indic, Persian) with internal separators.
    Number,
    /// Punctuation: one character per token.
    Punct,
    /// Any other visible symbol.
    Symbol,
}

/// A token: `text[start..end]` in code points is the token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Token {
    /// Code-point offset of the first character.
    pub start: u32,
    /// Code-point offset one past the last character.
    pub end: u32,
    /// Byte offset of the first character (for slicing a `&str`).
    #[serde(skip)]
    pub byte_start: u32,
    /// Byte offset one past the last character.
    #[serde(skip)]
    pub byte_end: u32,
    /// The class.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text.
    #[inline]
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.byte_start as usize..self.byte_end as usize]
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Class {
    Letter,
    Mark,
    Digit,
    Space,
    Punct,
    Symbol,
}

/// Digit value of ASCII, Arabic-Indic or Persian digits.
#[inline]
pub fn digit_value(c: char) -> Option<u32> {
    match c as u32 {
        0x30..=0x39 => Some(c as u32 - 0x30),
        0x0660..=0x0669 => Some(c as u32 - 0x0660),
        0x06F0..=0x06F9 => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

#[inline]
pub(crate) fn class(c: char) -> Class {
    let u = c as u32;
    if u < 0x80 {
        return match c {
            'a'..='z' | 'A'..='Z' => Class::Letter,
            '0'..='9' => Class::Digit,
            ' ' | '\t' | '\n' | '\r' | '\x0B' | '\x0C' => Class::Space,
            '.' | ',' | ';' | ':' | '!' | '?' | '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' | '-' | '/' | '\\'
            | '_' | '`' => Class::Punct,
            c if c.is_control() => Class::Space,
            _ => Class::Symbol,
        };
    }
    match u {
        0x0660..=0x0669 | 0x06F0..=0x06F9 => Class::Digit,
        0x200C | 0x200D => Class::Mark, // ZWNJ/ZWJ stay inside words
        _ if is_ignorable(c) => {
            if matches!(u, 0x064B..=0x065F | 0x0670 | 0x0640 | 0x06D6..=0x06ED) {
                Class::Mark
            } else {
                Class::Space
            }
        }
        0x060C
        | 0x061B
        | 0x061F
        | 0x066A..=0x066D
        | 0x06D4
        | 0x00AB
        | 0x00BB
        | 0x2010..=0x2027
        | 0x2030..=0x205E
        | 0x3001
        | 0x3002
        | 0xFD3E
        | 0xFD3F => Class::Punct,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFC => {
            if matches!(u, 0x0610..=0x061A | 0x06DD | 0x06DE | 0x06E9 | 0x08D3..=0x08FF) {
                Class::Mark
            } else {
                Class::Letter
            }
        }
        _ if c.is_whitespace() => Class::Space,
        _ if c.is_alphabetic() => Class::Letter,
        _ if c.is_control() => Class::Space,
        // Combining marks of other scripts.
        0x0300..=0x036F => Class::Mark,
        _ => Class::Symbol,
    }
}

#[inline]
fn is_num_sep(c: char) -> bool {
    matches!(c, '.' | ',' | '٫' | '٬')
}

/// Splits `text` into tokens. Whitespace and controls separate tokens and are
/// not tokens themselves; each punctuation mark or symbol is its own token; a
/// number keeps internal separators (`7.5`, `١٠٠٬٠٠٠`, `1,000`) and a leading
/// decimal separator directly before a digit (`.77`, `٫٧٧`).
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 6 + 1);
    tokenize_into(text, &mut tokens);
    tokens
}

/// Like [`tokenize`], appending to `out`.
pub(crate) fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    // (byte offset, char, class) with one char of look-ahead.
    let mut it = text.char_indices().peekable();
    let mut cp: u32 = 0;
    // The current open token.
    let mut cur: Option<(u32, u32, TokenKind)> = None; // (cp start, byte start, kind)
    let mut prev_class = Class::Space;

    macro_rules! close {
        ($byte_end:expr) => {
            if let Some((s, bs, k)) = cur.take() {
                out.push(Token { start: s, end: cp, byte_start: bs, byte_end: $byte_end as u32, kind: k });
            }
        };
    }

    while let Some((b, c)) = it.next() {
        let cl = class(c);
        match cl {
            Class::Letter => match cur {
                Some((_, _, TokenKind::Word)) => {}
                _ => {
                    close!(b);
                    cur = Some((cp, b as u32, TokenKind::Word));
                }
            },
            Class::Mark => match cur {
                Some((_, _, TokenKind::Word)) => {}
                _ => {
                    // A stray mark starts a word of its own (never lost).
                    close!(b);
                    cur = Some((cp, b as u32, TokenKind::Word));
                }
            },
            Class::Digit => match cur {
                Some((_, _, TokenKind::Number)) => {}
                // Latin words keep their digits (G20, COVID19).
                Some((_, bs, TokenKind::Word)) if text.as_bytes()[bs as usize].is_ascii_alphabetic() => {}
                _ => {
                    close!(b);
                    cur = Some((cp, b as u32, TokenKind::Number));
                }
            },
            Class::Punct | Class::Symbol => {
                let next_is_digit = it.peek().is_some_and(|&(_, n)| digit_value(n).is_some());
                let in_number = matches!(cur, Some((_, _, TokenKind::Number)));
                if is_num_sep(c) && next_is_digit && in_number {
                    // Internal separator: stays in the number.
                } else if matches!(c, '.' | '٫') && next_is_digit && !in_number && prev_class != Class::Digit {
                    // Leading decimal separator: ".77", "و٫٧٧".
                    close!(b);
                    cur = Some((cp, b as u32, TokenKind::Number));
                } else {
                    close!(b);
                    let kind = if cl == Class::Punct { TokenKind::Punct } else { TokenKind::Symbol };
                    let nb = b + c.len_utf8();
                    out.push(Token { start: cp, end: cp + 1, byte_start: b as u32, byte_end: nb as u32, kind });
                }
            }
            Class::Space => {
                close!(b);
            }
        }
        prev_class = cl;
        cp += 1;
    }
    close!(text.len());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn arabic_punctuation_and_numbers() {
        assert_eq!(
            texts("قال، إنّ 7.5% من «الجنود» ١٠٠٬٠٠٠ (تقريباً)؟"),
            vec!["قال", "،", "إنّ", "7.5", "%", "من", "«", "الجنود", "»", "١٠٠٬٠٠٠", "(", "تقريباً", ")", "؟"]
        );
    }

    #[test]
    fn numbers_and_letters_split() {
        assert_eq!(texts("2023م 7 - 14 نوفمبر"), vec!["2023", "م", "7", "-", "14", "نوفمبر"]);
        assert_eq!(texts(".77 و٫٧٧ 1,000 end."), vec![".77", "و", "٫٧٧", "1,000", "end", "."]);
        assert_eq!(texts("G20 COVID-19"), vec!["G20", "COVID", "-", "19"]);
    }

    #[test]
    fn offsets_are_code_points() {
        let s = "مصادر خاصة";
        let t = tokenize(s);
        assert_eq!((t[1].start, t[1].end), (6, 10));
        assert_eq!(t[1].text(s), "خاصة");
    }

    #[test]
    fn bidi_controls_separate_but_zwnj_joins() {
        assert_eq!(texts("صنعاء\u{200F}عدن"), vec!["صنعاء", "عدن"]);
        assert_eq!(texts("می\u{200C}خواهم"), vec!["می\u{200C}خواهم"]);
    }
}
