//! Longest-match lookup of lexicon phrases (one or more words) over tokens,
//! on clitic-stripped stems: `والحوثيين` finds `الحوثيين`, `بعبوات ناسفة`
//! finds `عبوات ناسفة`. The first word of a phrase is compared by its stem
//! without the article; later words by key, stem, or stem without article.

use rustc_hash::FxHashMap;

use crate::affix::Affixes;
use crate::normalize::match_key;

/// A token as phrase lookup sees it.
#[derive(Clone, Copy, Debug)]
pub struct Word<'a> {
    /// Match key of the token.
    pub key: &'a str,
    /// Match key of its clitic-stripped stem.
    pub stem: &'a str,
}

/// A phrase found in a token sequence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhraseMatch<'v, V> {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The phrase's value.
    pub value: &'v V,
}

/// Phrases with values, indexed by their first word.
#[derive(Clone, Debug)]
pub struct PhraseIndex<V> {
    by_first: FxHashMap<String, Vec<(Vec<String>, V)>>,
    len: usize,
    affixes: Affixes,
}

impl<V> PhraseIndex<V> {
    /// An empty index that reads words through these affixes (see
    /// [`crate::TextLexicon::affixes`]).
    pub fn new(affixes: &Affixes) -> Self {
        PhraseIndex { by_first: FxHashMap::default(), len: 0, affixes: affixes.clone() }
    }

    fn strip_article<'k>(&self, key: &'k str) -> &'k str {
        self.affixes.strip_article(key)
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Adds a phrase (written as usual). Returns false for an empty phrase.
    pub fn add(&mut self, phrase: &str, value: V) -> bool {
        let words: Vec<String> = phrase.split_whitespace().map(match_key).filter(|w| !w.is_empty()).collect();
        let Some(first) = words.first() else { return false };
        let first = self.strip_article(first).to_string();
        self.by_first.entry(first).or_default().push((words[1..].to_vec(), value));
        self.len += 1;
        true
    }

    /// The phrases of this exact written form (all values).
    pub fn get(&self, phrase: &str) -> Vec<&V> {
        let words: Vec<String> = phrase.split_whitespace().map(match_key).collect();
        let Some(first) = words.first() else { return Vec::new() };
        self.by_first
            .get(self.strip_article(first))
            .map(|l| l.iter().filter(|(r, _)| r[..] == words[1..]).map(|(_, v)| v).collect())
            .unwrap_or_default()
    }

    /// The first word with clitics cut where the segmenter (which needs corpus
    /// evidence) kept it whole: here the lexicon phrase itself is the evidence
    /// (بتصفية → تصفية، استنكاره → استنكار، تضامنها → تضامن).
    fn lexicon_cut(&self, key: &str) -> Option<String> {
        // Cheap exits: nothing to cut (most words).
        let pro = key.starts_with(['و', 'ف', 'ب', 'ل', 'ك']);
        let enc = self.affixes.third_person_pronouns().any(|p| key.ends_with(p));
        if !pro && !enc {
            return None;
        }
        let known = |c: &str| c.chars().count() >= 3 && self.by_first.contains_key(self.strip_article(c));
        let mut heads: [&str; 3] = [key, "", ""];
        let mut n = 1;
        let mut rest = key;
        if let Some(r) = rest.strip_prefix(['و', 'ف']) {
            rest = r;
            heads[n] = rest;
            n += 1;
        }
        if let Some(r) = rest.strip_prefix(['ب', 'ل', 'ك']) {
            heads[n] = r;
            n += 1;
        }
        for h in &heads[1..n] {
            if known(h) {
                return Some(self.strip_article(h).to_string());
            }
        }
        if !enc {
            return None;
        }
        for h in &heads[..n] {
            for p in self.affixes.third_person_pronouns() {
                let Some(stem) = h.strip_suffix(p) else { continue };
                if known(stem) {
                    return Some(self.strip_article(stem).to_string());
                }
                if let Some(t) = stem.strip_suffix('ت') {
                    let restored = format!("{t}ة");
                    if known(&restored) {
                        return Some(self.strip_article(&restored).to_string());
                    }
                }
            }
        }
        None
    }

    fn word_eq(&self, t: &Word<'_>, w: &str) -> bool {
        t.key == w || t.stem == w || self.strip_article(t.stem) == self.strip_article(w)
    }

    /// Every phrase starting at token `i`, longest first.
    pub fn at<'v>(&'v self, words: &[Word<'_>], i: usize) -> Vec<PhraseMatch<'v, V>> {
        let mut out = Vec::new();
        let Some(w) = words.get(i) else { return out };
        let list = self
            .by_first
            .get(self.strip_article(w.stem))
            .or_else(|| self.by_first.get(self.strip_article(w.key)))
            .or_else(|| self.lexicon_cut(w.key).and_then(|k| self.by_first.get(k.as_str())));
        if let Some(list) = list {
            for (rest, value) in list {
                let n = 1 + rest.len();
                if i + n <= words.len() && rest.iter().enumerate().all(|(k, r)| self.word_eq(&words[i + 1 + k], r)) {
                    out.push(PhraseMatch { start: i, end: i + n, value });
                }
            }
        }
        out.sort_by_key(|m| std::cmp::Reverse(m.end));
        out
    }

    /// Non-overlapping longest matches, left to right (all values of the
    /// longest phrase at a position).
    pub fn find<'v>(&'v self, words: &[Word<'_>]) -> Vec<PhraseMatch<'v, V>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let here = self.at(words, i);
            match here.first().map(|m| m.end) {
                Some(end) => {
                    out.extend(here.into_iter().filter(|m| m.end == end));
                    i = end;
                }
                None => i += 1,
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{segment, TextLexicon};

    #[test]
    fn longest_match_through_clitics() {
        let lex = TextLexicon::embedded().unwrap();
        let text = ["استهداف", "أطقم", "حوثية", "بعبوات", "ناسفة", "وعبوة"];
        let keys: Vec<String> = text.iter().map(|t| match_key(t)).collect();
        let stems: Vec<String> = text.iter().map(|t| segment(t, 0, lex).stem.to_string()).collect();
        let words: Vec<Word> = keys.iter().zip(&stems).map(|(k, s)| Word { key: k, stem: s }).collect();
        let mut idx = PhraseIndex::new(lex.affixes());
        idx.add("عبوات ناسفة", "ied");
        idx.add("عبوة", "ied-short");
        idx.add("عبوات", "plural-only");
        idx.add("استهداف", "target");
        let found: Vec<(usize, usize, &str)> = idx.find(&words).iter().map(|m| (m.start, m.end, *m.value)).collect();
        assert_eq!(found, vec![(0, 1, "target"), (3, 5, "ied"), (5, 6, "ied-short")]);
        assert_eq!(idx.get("عبوات ناسفة"), vec![&"ied"]);
    }

    #[test]
    fn the_lexicon_phrase_licenses_a_cut_the_corpus_did_not() {
        let mut idx = PhraseIndex::new(TextLexicon::embedded().unwrap().affixes());
        idx.add("تصفية", "kill");
        idx.add("استنكار", "denounce");
        let word = |k: &'static str| Word { key: k, stem: k };
        assert_eq!(idx.at(&[word("بتصفية")], 0).first().map(|m| *m.value), Some("kill"));
        assert_eq!(idx.at(&[word("واستنكاره")], 0).first().map(|m| *m.value), Some("denounce"));
        // Too short a remainder is no match.
        idx.add("دم", "blood");
        assert!(idx.at(&[word("بدمه")], 0).is_empty());
    }
}
