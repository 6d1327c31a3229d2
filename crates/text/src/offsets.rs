//! Code-point ↔ byte offsets for long texts, without a table the size of
//! the text: a checkpoint every [`STEP`] code points, then a short walk.

/// Code points between checkpoints.
pub(crate) const STEP: usize = 64;

/// Maps code-point offsets of one text to byte offsets.
#[derive(Clone, Debug)]
pub struct CharOffsets {
    checkpoints: Vec<u32>, // byte offset of code point k·STEP
    len_chars: u32,
    len_bytes: u32,
}

impl CharOffsets {
    /// Indexes `text`.
    pub fn new(text: &str) -> CharOffsets {
        let mut checkpoints = Vec::with_capacity(text.len() / STEP + 1);
        let mut n = 0u32;
        for (b, _) in text.char_indices() {
            if (n as usize).is_multiple_of(STEP) {
                checkpoints.push(b as u32);
            }
            n += 1;
        }
        CharOffsets { checkpoints, len_chars: n, len_bytes: text.len() as u32 }
    }

    /// Number of code points.
    pub fn len(&self) -> u32 {
        self.len_chars
    }

    /// True for the empty text.
    pub fn is_empty(&self) -> bool {
        self.len_chars == 0
    }

    /// Byte offset of code point `cp` (clamped to the end of the text).
    pub fn byte(&self, text: &str, cp: u32) -> usize {
        if cp >= self.len_chars {
            return self.len_bytes as usize;
        }
        let k = cp as usize / STEP;
        let base = self.checkpoints[k] as usize;
        let skip = cp as usize - k * STEP;
        text[base..].char_indices().nth(skip).map_or(self.len_bytes as usize, |(b, _)| base + b)
    }

    /// `text[start..end]` in code points (clamped).
    pub fn slice<'a>(&self, text: &'a str, start: u32, end: u32) -> &'a str {
        let s = self.byte(text, start);
        let e = self.byte(text, end.max(start));
        &text[s..e]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_match_char_iteration() {
        let text: String = "مصادر خاصة أكدت لوكالة خبر، abc ".repeat(20);
        let idx = CharOffsets::new(&text);
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(idx.len() as usize, chars.len());
        for (s, e) in [(0, 0), (0, 5), (63, 65), (64, 200), (100, chars.len() as u32), (10, 99999)] {
            let want: String = chars[(s as usize).min(chars.len())..(e as usize).min(chars.len())].iter().collect();
            assert_eq!(idx.slice(&text, s, e), want, "{s}..{e}");
        }
        assert_eq!(CharOffsets::new("").slice("", 0, 3), "");
    }
}
