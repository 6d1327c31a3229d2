//! Two-pass tagging over a document. The first pass tags each sentence
//! alone; the second sees, for every word, the types the first pass gave the
//! same stem in the document's other sentences ("document memory"), so a
//! name recognised once helps recognise it again.

use std::fmt::Write as _;

use isnad_text::{Data, LoadError};
use rustc_hash::FxHashMap;

use crate::features::TokenInfo;
use crate::model::{train, Model, TrainOptions};
use crate::{spans, Label};

/// Where the tagger's model lives under `data/`, and its embedded copy.
const MODEL_FILE: &str = "models/ner.model";
const EMBEDDED_MODEL: &str = include_str!("../../../data/models/ner.model");
/// The line that starts the second pass of a two-pass file.
const PASS_2: &str = "pass\t2\n";

/// A first-pass and a second-pass model.
#[derive(Clone, Debug, Default)]
pub struct Tagger {
    first: Model,
    second: Option<Model>,
}

/// Sentences within this distance share memory when no document boundary is
/// known (CoNLL data without document markers).
pub const DEFAULT_WINDOW: usize = 25;

/// Fills `memory` of every token from labels of the other sentences within
/// `window` sentences (all of them with `usize::MAX`).
pub(crate) fn set_memory(sents: &mut [Vec<TokenInfo>], labels: &[Vec<Label>], window: usize) {
    let tagged = tagged_stems(sents, labels);
    if window >= sents.len() {
        whole_document_memory(sents, &tagged);
    } else {
        windowed_memory(sents, &tagged, window);
    }
}

/// Per sentence, the (stem, name bit) of every word inside a labelled span:
/// bit 2t begins a type-t name, bit 2t+1 continues one.
fn tagged_stems(sents: &[Vec<TokenInfo>], labels: &[Vec<Label>]) -> Vec<Vec<(String, u8)>> {
    sents
        .iter()
        .zip(labels)
        .map(|(toks, ls)| {
            let mut out = Vec::new();
            for sp in spans(ls) {
                for (i, t) in toks.iter().enumerate().take(sp.end).skip(sp.start) {
                    let bit = if i == sp.start { 2 * sp.ty } else { 2 * sp.ty + 1 };
                    if t.shape == 'A' || t.shape == 'L' {
                        out.push((t.stem.clone(), 1u8 << bit));
                    }
                }
            }
            out
        })
        .collect()
}

/// Memory over the whole document: count each (stem, bit) over all sentences
/// once; a sentence sees a bit when some other sentence gave it (linear time).
fn whole_document_memory(sents: &mut [Vec<TokenInfo>], tagged: &[Vec<(String, u8)>]) {
    let mut total: FxHashMap<(&str, u8), u32> = FxHashMap::default();
    for list in tagged {
        for (stem, bits) in list {
            *total.entry((stem.as_str(), *bits)).or_default() += 1;
        }
    }
    for (s, sent) in sents.iter_mut().enumerate() {
        let mut own: FxHashMap<(&str, u8), u32> = FxHashMap::default();
        for (stem, bits) in &tagged[s] {
            *own.entry((stem.as_str(), *bits)).or_default() += 1;
        }
        for t in sent.iter_mut() {
            let mut m = 0u8;
            for bit in 0..8u8 {
                let key = (t.stem.as_str(), 1u8 << bit);
                let others = total.get(&key).copied().unwrap_or(0) - own.get(&key).copied().unwrap_or(0);
                if others > 0 {
                    m |= 1 << bit;
                }
            }
            t.memory = m;
        }
    }
}

/// Memory from the other sentences at most `window` sentences away.
fn windowed_memory(sents: &mut [Vec<TokenInfo>], tagged: &[Vec<(String, u8)>], window: usize) {
    let n = sents.len();
    for (s, sent) in sents.iter_mut().enumerate() {
        let lo = s.saturating_sub(window);
        let hi = s.saturating_add(window).min(n - 1);
        let mut mem: FxHashMap<&str, u8> = FxHashMap::default();
        for (o, list) in tagged.iter().enumerate().take(hi + 1).skip(lo) {
            if o == s {
                continue;
            }
            for (stem, bits) in list {
                *mem.entry(stem.as_str()).or_default() |= bits;
            }
        }
        for t in sent.iter_mut() {
            t.memory = mem.get(t.stem.as_str()).copied().unwrap_or(0);
        }
    }
}

impl Tagger {
    /// Tags the sentences of one document (or a window of a corpus).
    pub fn predict(&self, sents: &mut [Vec<TokenInfo>], window: usize) -> Vec<Vec<Label>> {
        for s in sents.iter_mut() {
            for t in s.iter_mut() {
                t.memory = 0;
            }
        }
        let first: Vec<Vec<Label>> = sents.iter().map(|s| self.first.predict(s)).collect();
        let Some(second) = &self.second else { return first };
        set_memory(sents, &first, window);
        sents.iter().map(|s| second.predict(s)).collect()
    }

    /// Number of features in both passes.
    pub fn n_features(&self) -> usize {
        self.first.n_features() + self.second.as_ref().map_or(0, |m| m.n_features())
    }

    /// Loads the model file `models/ner.model` of `data`; errors name the
    /// file and line.
    pub fn load(data: &Data) -> Result<Tagger, LoadError> {
        let (file, text) = data.file(MODEL_FILE, EMBEDDED_MODEL)?;
        Tagger::parse(&file, &text)
    }

    /// Reads a tagger file named `file`: `isnad-ner 2` with two `pass`
    /// sections, or a single-pass `isnad-ner 1` model.
    pub fn parse(file: &str, text: &str) -> Result<Tagger, LoadError> {
        let Some((_, rest)) = text.split_once("isnad-ner\t2\n") else {
            return Ok(Tagger { first: Model::parse(file, text)?, second: None });
        };
        let missing = |pass: &str| LoadError::new(file, 0, format!("missing `pass {pass}` section"));
        let (a, b) = rest.split_once(PASS_2).ok_or_else(|| missing("2"))?;
        let a = a.split_once("pass\t1\n").map(|(_, a)| a).ok_or_else(|| missing("1"))?;
        // Line numbers count from the start of the file: b ends it, a ends before PASS_2.
        let b_at = text.len() - b.len();
        let a_at = b_at - PASS_2.len() - a.len();
        let lines_before = |at: usize| text[..at].matches('\n').count();
        let first = Model::parse_body(file, a, lines_before(a_at))?;
        let second = Model::parse_body(file, b, lines_before(b_at))?;
        Ok(Tagger { first, second: Some(second) })
    }
}

/// Trains both passes: the second on first-pass labels obtained by
/// `folds`-fold jackknifing over contiguous blocks of sentences.
pub fn train_document(
    data: &[(Vec<TokenInfo>, Vec<Label>)],
    opts: &TrainOptions,
    folds: usize,
    window: usize,
    log: &mut dyn FnMut(&str),
) -> (Tagger, String) {
    let n = data.len();
    let folds = folds.clamp(2, n.max(2));
    let mut jack: Vec<Vec<Label>> = vec![Vec::new(); n];
    for f in 0..folds {
        let (a, b) = (n * f / folds, n * (f + 1) / folds);
        let rest: Vec<(Vec<TokenInfo>, Vec<Label>)> = data[..a].iter().chain(&data[b..]).cloned().collect();
        let (m, _) = train(&rest, opts, &mut |_| {});
        for i in a..b {
            jack[i] = m.predict(&data[i].0);
        }
        log(&format!("jackknife fold {}/{folds} done", f + 1));
    }
    log("pass 1 (sentence features):");
    let (first, first_text) = train(data, opts, log);
    let mut sents: Vec<Vec<TokenInfo>> = data.iter().map(|d| d.0.clone()).collect();
    set_memory(&mut sents, &jack, window);
    let second_data: Vec<(Vec<TokenInfo>, Vec<Label>)> =
        sents.into_iter().zip(data.iter().map(|d| d.1.clone())).collect();
    log("pass 2 (with document memory):");
    let (second, second_text) = train(&second_data, opts, log);
    let body = |t: &str| t.split_once("isnad-ner\t1\n").map_or(String::new(), |(_, b)| b.to_string());
    let mut text = String::new();
    text.push_str("# isnad named-entity tagger: two passes of a structured averaged perceptron (crates/tagger).\n");
    text.push_str("# Pass 2 adds document-memory features from pass-1 labels of the other sentences.\n");
    text.push_str("# Lines: `t FROM weights` = label transitions, `f FEATURE weights` = feature weights;\n");
    text.push_str("# weights are `LABEL:value` pairs; FEATURE is `template=value` (values joined by U+001F).\n");
    text.push_str("isnad-ner\t2\n");
    let _ = write!(text, "pass\t1\n{}pass\t2\n{}", body(&first_text), body(&second_text));
    (Tagger { first, second: Some(second) }, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_document_memory_equals_the_widest_window() {
        let lex = isnad_text::TextLexicon::embedded().unwrap();
        let sent = |w: &[&str]| -> Vec<TokenInfo> {
            w.iter().map(|w| TokenInfo::new(w, Some(&isnad_text::segment(w, 0, lex)))).collect()
        };
        let mut a = vec![
            sent(&["قال", "محمد", "في", "صنعاء"]),
            sent(&["وصل", "محمد", "إلى", "عدن"]),
            sent(&["غادر", "علي", "صنعاء"]),
            sent(&["صنعاء", "مدينة"]),
        ];
        let labels: Vec<Vec<Label>> = vec![vec![0, 1, 0, 3], vec![0, 1, 0, 3], vec![0, 1, 3], vec![0, 0]];
        let mut b = a.clone();
        let n = a.len();
        set_memory(&mut a, &labels, n - 1); // windowed path, covering everything
        set_memory(&mut b, &labels, usize::MAX); // whole-document path
        let mem =
            |s: &[Vec<TokenInfo>]| s.iter().map(|t| t.iter().map(|x| x.memory).collect::<Vec<_>>()).collect::<Vec<_>>();
        assert_eq!(mem(&a), mem(&b));
        // The last sentence's صنعاء was tagged B-LOC elsewhere, not in its own sentence.
        assert_eq!(b[3][0].memory, 1 << 2);
    }

    #[test]
    fn a_malformed_line_of_a_copied_model_names_the_file_and_its_line() {
        let dir = std::env::temp_dir().join(format!("isnad-tagger-model-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("models")).unwrap();
        let text = "# two passes\nisnad-ner\t2\npass\t1\nt\t<s>\tO:1\npass\t2\nt\t<s>\tO:1\nf\tw=x\tO:one\n";
        std::fs::write(dir.join("models/ner.model"), text).unwrap();
        let e = Tagger::load(&Data::Dir(dir.clone())).unwrap_err();
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(e.file.ends_with("models/ner.model"), "{e}");
        assert_eq!(e.line, 7, "{e}");
        assert!(e.message.contains("one"), "{e}");
        let ok = Tagger::parse("m", &text.replace("O:one", "O:1")).unwrap();
        assert_eq!(ok.n_features(), 1);
    }

    #[test]
    fn the_embedded_model_loads_with_both_passes() {
        let t = Tagger::load(&Data::Embedded).unwrap();
        assert!(t.second.is_some() && t.n_features() > 10_000);
    }
}
