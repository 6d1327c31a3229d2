//! Sentence splitting over tokens.
//!
//! A sentence ends after `.`, `؟`, `?`, `!`, `…` (and any closing quotes or
//! brackets that follow), and at every line break. A period does not end a
//! sentence after a single letter (`د.`, `U.S.`) or a listed abbreviation,
//! and never splits a number (`7.5` is one token).

use serde::Serialize;

use crate::token::{Token, TokenKind};

/// A sentence: `[start, end)` in code points, trimmed of surrounding space.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// Code-point offset of the first character.
    pub start: u32,
    /// Code-point offset one past the last character.
    pub end: u32,
    /// Index of the first token.
    #[serde(skip)]
    pub first_token: u32,
    /// Index one past the last token.
    #[serde(skip)]
    pub end_token: u32,
}

fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "؟" | "?" | "!" | "…" | "۔")
}

fn is_closer(s: &str) -> bool {
    matches!(s, "»" | "\"" | "'" | ")" | "]" | "”" | "’" | "›")
}

/// Splits into sentences. `abbreviation` says whether a word token (its text)
/// is an abbreviation that a following period does not end.
pub(crate) fn split_sentences(text: &str, tokens: &[Token], abbreviation: impl Fn(&str) -> bool) -> Vec<Sentence> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut first: Option<usize> = None;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        // A line break between the previous token and this one ends the sentence.
        if let Some(f) = first {
            let gap = &bytes[tokens[i - 1].byte_end as usize..t.byte_start as usize];
            if gap.iter().any(|&b| b == b'\n' || b == b'\r') || gap.windows(3).any(|w| w == "\u{2029}".as_bytes()) {
                push(&mut out, tokens, f, i);
                first = None;
            }
        }
        if first.is_none() {
            first = Some(i);
        }
        let s = t.text(text);
        let mut end_here = false;
        if t.kind == TokenKind::Punct && is_terminal(s) {
            end_here = true;
            // Exactly two periods ("..") is a pause in Arabic headlines and
            // prose, not an end; three or more (or "…") end the sentence.
            if s == "." && tokens.get(i + 1).is_some_and(|n| n.text(text) == "." && n.byte_start == t.byte_end) {
                let third = tokens.get(i + 2).is_some_and(|n| n.text(text) == "." && n.byte_start == t.byte_end + 1);
                if !third {
                    i += 2;
                    continue;
                }
            }
            if s == "." && i > 0 {
                let p = &tokens[i - 1];
                let attached = p.byte_end == t.byte_start;
                if attached && p.kind == TokenKind::Word {
                    let w = p.text(text);
                    if w.chars().count() == 1 || abbreviation(w) {
                        end_here = false;
                    }
                }
            }
        }
        if end_here {
            // Swallow runs of terminals and closers: "?!", "...", ".»".
            let mut j = i + 1;
            while j < tokens.len() {
                let n = tokens[j].text(text);
                let same_line = !bytes[tokens[j - 1].byte_end as usize..tokens[j].byte_start as usize].contains(&b'\n');
                if tokens[j].kind == TokenKind::Punct && (is_terminal(n) || is_closer(n)) && same_line {
                    j += 1;
                } else {
                    break;
                }
            }
            push(&mut out, tokens, first.unwrap_or(i), j);
            first = None;
            i = j;
            continue;
        }
        i += 1;
    }
    if let Some(f) = first {
        push(&mut out, tokens, f, tokens.len());
    }
    out
}

fn push(out: &mut Vec<Sentence>, tokens: &[Token], first: usize, end: usize) {
    if first < end {
        out.push(Sentence {
            start: tokens[first].start,
            end: tokens[end - 1].end,
            first_token: first as u32,
            end_token: end as u32,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn split(s: &str) -> Vec<String> {
        let toks = tokenize(s);
        let chars: Vec<char> = s.chars().collect();
        split_sentences(s, &toks, |w| w == "م.ب")
            .iter()
            .map(|x| chars[x.start as usize..x.end as usize].iter().collect())
            .collect()
    }

    #[test]
    fn splits_on_terminals_and_lines() {
        assert_eq!(
            split("قال إن 7.5 مليون نزحوا. ثم عادوا؟ نعم!\nعنوان بلا نقطة\nسطر"),
            vec!["قال إن 7.5 مليون نزحوا.", "ثم عادوا؟", "نعم!", "عنوان بلا نقطة", "سطر"]
        );
    }

    #[test]
    fn keeps_abbreviations_and_closers() {
        assert_eq!(split("قال د. أحمد: «انتهى.» ثم غادر..."), vec!["قال د. أحمد: «انتهى.»", "ثم غادر..."]);
        assert_eq!(split("The U.S. said so. Yes"), vec!["The U.S. said so.", "Yes"]);
        assert_eq!(split("تحالف الحوثيين والقاعدة.. اجتماعات. ثم"), vec!["تحالف الحوثيين والقاعدة.. اجتماعات.", "ثم"]);
    }

    #[test]
    fn empty_and_blank() {
        assert!(split("").is_empty());
        assert!(split("  \n\n ").is_empty());
    }
}
