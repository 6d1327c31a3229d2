//! Name dictionaries (gazetteer places, actor aliases, curated name lists)
//! marked on token sequences by longest match, for the tagger's features.

use isnad_text::Affixes;
use rustc_hash::FxHashMap;

use crate::features::TokenInfo;

/// Which entity type a dictionary name suggests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameType {
    /// A person.
    Pers = 0,
    /// A place.
    Loc = 1,
    /// An organisation.
    Org = 2,
    /// Anything else named (events, nationalities …).
    Misc = 3,
}

/// Multi-word names, keyed by their first word's stem (article dropped).
#[derive(Debug)]
pub struct NameDict {
    by_first: FxHashMap<String, Vec<(Vec<String>, NameType)>>,
    cues: FxHashMap<String, &'static str>,
    len: usize,
    affixes: Affixes,
}

impl NameDict {
    /// An empty dictionary that drops the article of [`Affixes`] from first
    /// words and cues.
    pub fn new(affixes: &Affixes) -> NameDict {
        NameDict { by_first: FxHashMap::default(), cues: FxHashMap::default(), len: 0, affixes: affixes.clone() }
    }

    fn strip_article<'k>(&self, key: &'k str) -> &'k str {
        self.affixes.strip_article(key)
    }

    /// Number of names.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Adds a name (written as usual; one or more words).
    pub fn add(&mut self, name: &str, ty: NameType) {
        let words: Vec<String> = name.split_whitespace().map(isnad_text::match_key).filter(|w| !w.is_empty()).collect();
        let Some(first) = words.first() else { return };
        let first = self.strip_article(first).to_string();
        let rest = words[1..].to_vec();
        let list = self.by_first.entry(first).or_default();
        if !list.iter().any(|(r, t)| *r == rest && *t == ty) {
            list.push((rest, ty));
            self.len += 1;
        }
    }

    /// Adds a cue word (its stem) with its class, e.g. `وزير` → `title`.
    pub fn add_cue(&mut self, word: &str, class: &'static str) {
        let k = isnad_text::match_key(word);
        self.cues.insert(self.strip_article(&k).to_string(), class);
    }

    /// Sets `names` and `cue` on every token by longest match.
    pub fn mark(&self, toks: &mut [TokenInfo]) {
        for t in toks.iter_mut() {
            t.names = 0;
            t.cue = self.cues.get(self.strip_article(&t.stem)).copied().unwrap_or("");
        }
        let mut i = 0;
        while i < toks.len() {
            let first = self.strip_article(&toks[i].stem);
            let mut best: Option<(usize, u8)> = None; // (length, type bits)
            if let Some(list) = self.by_first.get(first) {
                for (rest, ty) in list {
                    let n = 1 + rest.len();
                    if i + n > toks.len() || best.is_some_and(|(l, _)| l > n) {
                        continue;
                    }
                    if rest.iter().enumerate().all(|(k, w)| toks[i + 1 + k].key == *w || toks[i + 1 + k].stem == *w) {
                        let bits = best.filter(|(l, _)| *l == n).map_or(0, |(_, b)| b) | (1 << *ty as u8);
                        best = Some((n, bits));
                    }
                }
            }
            match best {
                Some((n, types)) => {
                    for ty in 0..4u8 {
                        if types & (1 << ty) != 0 {
                            toks[i].names |= 1 << (2 * ty);
                            for t in &mut toks[i + 1..i + n] {
                                t.names |= 1 << (2 * ty + 1);
                            }
                        }
                    }
                    i += n;
                }
                None => i += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(words: &[&str]) -> Vec<TokenInfo> {
        let lex = isnad_text::TextLexicon::embedded().unwrap();
        words.iter().map(|w| TokenInfo::new(w, Some(&isnad_text::segment(w, 0, lex)))).collect()
    }

    #[test]
    fn longest_match_with_clitics() {
        let mut d = NameDict::new(isnad_text::TextLexicon::embedded().unwrap().affixes());
        d.add("الولايات المتحدة", NameType::Loc);
        d.add("الولايات", NameType::Misc);
        d.add("صنعاء", NameType::Loc);
        d.add_cue("وزير", "title");
        let mut t = info(&["وزير", "والولايات", "المتحدة", "في", "صنعاء"]);
        d.mark(&mut t);
        assert_eq!(t[0].cue, "title");
        assert_eq!(t[1].names, 1 << 2, "B-LOC on the first word");
        assert_eq!(t[2].names, 1 << 3, "I-LOC on the second");
        assert_eq!(t[3].names, 0);
        assert_eq!(t[4].names, 1 << 2);
    }
}
