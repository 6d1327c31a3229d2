//! The model: feature weights per label, label transitions, constrained
//! Viterbi decoding, averaged-perceptron training and a text file format.

use std::fmt::Write as _;

use rustc_hash::FxHashMap;

use isnad_text::LoadError;

use crate::features::{features, hash_feature, spell_feature, unspell, TokenInfo};
use crate::{label_name, parse_label, Label, N_LABELS};

type Weights = [f32; N_LABELS];
const START: usize = N_LABELS; // the row of transitions from the sentence start

/// A trained tagger.
#[derive(Clone, Debug, Default)]
pub struct Model {
    weights: FxHashMap<u64, Weights>,
    trans: Vec<Weights>, // N_LABELS + 1 rows (last = start)
}

/// True when label `b` may follow label `a` (`a = START` at the start): an
/// `I-X` only continues a `B-X` or `I-X`.
#[inline]
fn allowed(a: usize, b: usize) -> bool {
    if b == 0 || (b - 1).is_multiple_of(2) {
        return true;
    }
    let ty = (b - 1) / 2;
    a != START && a != 0 && (a - 1) / 2 == ty
}

fn viterbi(emit: &[Weights], trans: &[Weights]) -> Vec<Label> {
    let n = emit.len();
    if n == 0 {
        return Vec::new();
    }
    let mut score = vec![[f32::NEG_INFINITY; N_LABELS]; n];
    let mut back = vec![[0u8; N_LABELS]; n];
    for l in 0..N_LABELS {
        if allowed(START, l) {
            score[0][l] = trans[START][l] + emit[0][l];
        }
    }
    for i in 1..n {
        for l in 0..N_LABELS {
            let mut best = (f32::NEG_INFINITY, 0u8);
            for p in 0..N_LABELS {
                if !allowed(p, l) || score[i - 1][p] == f32::NEG_INFINITY {
                    continue;
                }
                let s = score[i - 1][p] + trans[p][l];
                if s > best.0 {
                    best = (s, p as u8);
                }
            }
            score[i][l] = best.0 + emit[i][l];
            back[i][l] = best.1;
        }
    }
    let mut last = 0;
    for l in 0..N_LABELS {
        if score[n - 1][l] > score[n - 1][last] {
            last = l;
        }
    }
    let mut out = vec![0u8; n];
    out[n - 1] = last as u8;
    for i in (1..n).rev() {
        out[i - 1] = back[i][out[i] as usize];
    }
    out
}

impl Model {
    /// Labels a sentence.
    pub fn predict(&self, toks: &[TokenInfo]) -> Vec<Label> {
        let mut emit = vec![[0f32; N_LABELS]; toks.len()];
        for (i, e) in emit.iter_mut().enumerate() {
            features(toks, i, &mut |t, v| {
                if let Some(w) = self.weights.get(&hash_feature(t, v)) {
                    for l in 0..N_LABELS {
                        e[l] += w[l];
                    }
                }
            });
        }
        viterbi(&emit, &self.trans)
    }

    /// Number of features with weights.
    pub fn n_features(&self) -> usize {
        self.weights.len()
    }

    /// A model with no weights.
    pub(crate) fn empty() -> Model {
        Model { weights: FxHashMap::default(), trans: vec![[0.0; N_LABELS]; N_LABELS + 1] }
    }

    /// Reads a one-pass model file (the text [`train`] returns); errors name
    /// `file` and the line.
    pub fn parse(file: &str, text: &str) -> Result<Model, LoadError> {
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            if line != "isnad-ner\t1" {
                return Err(LoadError::new(file, i + 1, "expected the header `isnad-ner<TAB>1`"));
            }
            return Model::parse_body(file, &text[line_start(text, i + 1)..], i + 1);
        }
        Err(LoadError::new(file, 0, "empty model"))
    }

    /// Reads the `t` and `f` lines of a model whose first line is line
    /// `before + 1` of `file`.
    pub(crate) fn parse_body(file: &str, body: &str, before: usize) -> Result<Model, LoadError> {
        let mut m = Model::empty();
        m.weights.reserve(body.len() / 40);
        for (i, line) in body.lines().enumerate() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            m.read_line(line).map_err(|e| LoadError::new(file, before + i + 1, e))?;
        }
        Ok(m)
    }

    /// Adds one `t FROM weights` or `f FEATURE weights` line.
    fn read_line(&mut self, line: &str) -> Result<(), String> {
        let mut cols = line.split('\t');
        let kind = cols.next();
        let name = cols.next().ok_or(if kind == Some("t") { "missing row label" } else { "missing feature" });
        match kind {
            Some("t") => {
                let from = name?;
                let row = if from == "<s>" { START } else { parse_label(from).ok_or("bad row label")? as usize };
                self.trans[row] = parse_weights(cols.next().ok_or("missing weights")?)?;
            }
            Some("f") => {
                let f = name?;
                let w = parse_weights(cols.next().ok_or("missing weights")?)?;
                let (t, v) = unspell(f);
                self.weights.insert(hash_feature(t, &v), w);
            }
            _ => return Err("expected a `t` or `f` line".into()),
        }
        Ok(())
    }
}

/// The byte offset where line `n` (0-based) of `text` starts (the length of
/// `text` past its last line).
fn line_start(text: &str, n: usize) -> usize {
    if n == 0 {
        return 0;
    }
    text.match_indices('\n').nth(n - 1).map_or(text.len(), |(b, _)| b + 1)
}

/// Sparse weights: `label:weight` pairs separated by spaces.
fn parse_weights(s: &str) -> Result<Weights, String> {
    let mut w = [0f32; N_LABELS];
    for pair in s.split(' ').filter(|p| !p.is_empty()) {
        let (l, v) = pair.split_once(':').ok_or_else(|| format!("bad weight {pair:?}"))?;
        let l = parse_label(l).ok_or_else(|| format!("bad label {l:?}"))? as usize;
        w[l] = v.parse().map_err(|_| format!("bad number {v:?}"))?;
    }
    Ok(w)
}

fn write_weights(out: &mut String, w: &Weights) {
    let mut first = true;
    for (l, v) in w.iter().enumerate() {
        if *v != 0.0 {
            if !first {
                out.push(' ');
            }
            first = false;
            let _ = write!(out, "{}:{}", label_name(l as u8), fmt_weight(*v));
        }
    }
}

fn fmt_weight(v: f32) -> String {
    let r = (v * 1000.0).round() / 1000.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r}")
    }
}

/// Training settings.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    /// Passes over the data.
    pub epochs: usize,
    /// Features seen fewer times than this in training are dropped.
    pub min_count: u32,
    /// Weights smaller than this (absolute) are dropped from the saved model.
    pub prune: f32,
    /// Seed of the deterministic shuffle.
    pub seed: u64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions { epochs: 12, min_count: 3, prune: 0.01, seed: 7 }
    }
}

/// Trains a model with the structured averaged perceptron. `log` receives a
/// line per epoch. Returns the model and its text form.
pub fn train(data: &[(Vec<TokenInfo>, Vec<Label>)], opts: &TrainOptions, log: &mut dyn FnMut(&str)) -> (Model, String) {
    let (names, index) = feature_index(data, opts.min_count);
    log(&format!("{} features (seen ≥ {} times)", names.len(), opts.min_count));
    let feats = feature_ids(data, &index);
    let mut p = Perceptron::new(names.len());
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = opts.seed.max(1);
    for epoch in 0..opts.epochs {
        shuffle(&mut order, &mut rng);
        let (mut wrong, mut total) = (0usize, 0usize);
        for &s in &order {
            let gold = &data[s].1;
            total += gold.len();
            wrong += p.learn(&feats[s], gold);
        }
        log(&format!("epoch {}: token error {:.2}%", epoch + 1, 100.0 * wrong as f64 / total.max(1) as f64));
    }
    p.finish(&names, opts.prune)
}

/// The features seen at least `min_count` times in `data`, as (hash, spelled
/// form) sorted by spelled form, and the index of each hash in that list.
fn feature_index(data: &[(Vec<TokenInfo>, Vec<Label>)], min_count: u32) -> (Vec<(u64, String)>, FxHashMap<u64, u32>) {
    let mut counts: FxHashMap<u64, (u32, String)> = FxHashMap::default();
    for (toks, _) in data {
        for i in 0..toks.len() {
            features(toks, i, &mut |t, v| {
                let e = counts.entry(hash_feature(t, v)).or_insert_with(|| (0, spell_feature(t, v)));
                e.0 += 1;
            });
        }
    }
    let mut names: Vec<(u64, String)> =
        counts.into_iter().filter(|(_, (c, _))| *c >= min_count).map(|(h, (_, s))| (h, s)).collect();
    names.sort_by(|a, b| a.1.cmp(&b.1));
    let index = names.iter().enumerate().map(|(i, (h, _))| (*h, i as u32)).collect();
    (names, index)
}

/// The indexed feature ids of every token of every sentence, computed once.
fn feature_ids(data: &[(Vec<TokenInfo>, Vec<Label>)], index: &FxHashMap<u64, u32>) -> Vec<Vec<Vec<u32>>> {
    data.iter()
        .map(|(toks, _)| {
            (0..toks.len())
                .map(|i| {
                    let mut ids = Vec::with_capacity(32);
                    features(toks, i, &mut |t, v| {
                        if let Some(&id) = index.get(&hash_feature(t, v)) {
                            ids.push(id);
                        }
                    });
                    ids
                })
                .collect()
        })
        .collect()
}

/// One deterministic Fisher-Yates pass driven by a xorshift generator.
fn shuffle(order: &mut [usize], rng: &mut u64) {
    for i in (1..order.len()).rev() {
        *rng ^= *rng << 13;
        *rng ^= *rng >> 7;
        *rng ^= *rng << 17;
        order.swap(i, (*rng % (i as u64 + 1)) as usize);
    }
}

/// Averaged-perceptron state: current weights and the sums for averaging.
struct Perceptron {
    /// Feature weights per label.
    w: Vec<Weights>,
    /// Σ c·Δ of the feature weights.
    u: Vec<Weights>,
    /// Transition weights (`N_LABELS + 1` rows, the last for the start).
    tw: Vec<Weights>,
    /// Σ c·Δ of the transition weights.
    tu: Vec<Weights>,
    /// The update counter (one per sentence seen, from 1).
    c: f32,
}

impl Perceptron {
    fn new(n_features: usize) -> Perceptron {
        Perceptron {
            w: vec![[0f32; N_LABELS]; n_features],
            u: vec![[0f32; N_LABELS]; n_features],
            tw: vec![[0f32; N_LABELS]; N_LABELS + 1],
            tu: vec![[0f32; N_LABELS]; N_LABELS + 1],
            c: 1.0,
        }
    }

    /// Decodes one sentence (feature ids per token) and, when it is wrong,
    /// moves the weights towards `gold`. Returns the number of wrong tokens.
    fn learn(&mut self, fs: &[Vec<u32>], gold: &[Label]) -> usize {
        let emit: Vec<Weights> = fs
            .iter()
            .map(|ids| {
                let mut e = [0f32; N_LABELS];
                for &id in ids {
                    let wi = &self.w[id as usize];
                    for l in 0..N_LABELS {
                        e[l] += wi[l];
                    }
                }
                e
            })
            .collect();
        let pred = viterbi(&emit, &self.tw);
        let mut wrong = 0;
        if pred != gold {
            for i in 0..gold.len() {
                let (g, p) = (gold[i] as usize, pred[i] as usize);
                let (gp, pp) = if i == 0 { (START, START) } else { (gold[i - 1] as usize, pred[i - 1] as usize) };
                if g != p {
                    wrong += 1;
                    self.update_features(&fs[i], g, p);
                }
                if g != p || gp != pp {
                    self.tw[gp][g] += 1.0;
                    self.tu[gp][g] += self.c;
                    self.tw[pp][p] -= 1.0;
                    self.tu[pp][p] -= self.c;
                }
            }
        }
        self.c += 1.0;
        wrong
    }

    /// Rewards label `g` and penalises label `p` on the features `ids`.
    fn update_features(&mut self, ids: &[u32], g: usize, p: usize) {
        for &id in ids {
            let id = id as usize;
            self.w[id][g] += 1.0;
            self.u[id][g] += self.c;
            self.w[id][p] -= 1.0;
            self.u[id][p] -= self.c;
        }
    }

    /// The averaged weight of one row, pruned below `prune` and rounded to
    /// three decimals.
    fn average(&self, w: &Weights, u: &Weights, prune: f32) -> Weights {
        let mut a = [0f32; N_LABELS];
        for l in 0..N_LABELS {
            let v = w[l] - u[l] / self.c;
            a[l] = if v.abs() < prune { 0.0 } else { (v * 1000.0).round() / 1000.0 };
        }
        a
    }

    /// The averaged model and its text form (features named by `names`).
    fn finish(&self, names: &[(u64, String)], prune: f32) -> (Model, String) {
        let mut text = String::new();
        text.push_str("# isnad named-entity model: structured averaged perceptron (see crates/tagger).\n");
        text.push_str("# Lines: `t FROM weights` = label transitions, `f FEATURE weights` = feature weights;\n");
        text.push_str("# weights are `LABEL:value` pairs; FEATURE is `template=value` (values joined by U+001F).\n");
        text.push_str("isnad-ner\t1\n");
        let mut model = Model::empty();
        for row in 0..=N_LABELS {
            let a = self.average(&self.tw[row], &self.tu[row], prune);
            model.trans[row] = a;
            let from = if row == START { "<s>".to_string() } else { label_name(row as u8) };
            let _ = write!(text, "t\t{from}\t");
            write_weights(&mut text, &a);
            text.push('\n');
        }
        for (i, (h, name)) in names.iter().enumerate() {
            let a = self.average(&self.w[i], &self.u[i], prune);
            if a.iter().all(|v| *v == 0.0) {
                continue;
            }
            model.weights.insert(*h, a);
            let _ = write!(text, "f\t{name}\t");
            write_weights(&mut text, &a);
            text.push('\n');
        }
        (model, text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viterbi_respects_bio() {
        // Emissions prefer I-LOC at the start, which is not allowed.
        let mut e = [[0f32; N_LABELS]; 2];
        e[0][4] = 5.0; // I-LOC
        e[0][3] = 1.0; // B-LOC
        e[1][4] = 2.0;
        let trans = vec![[0f32; N_LABELS]; N_LABELS + 1];
        assert_eq!(viterbi(&e, &trans), vec![3, 4]);
    }

    #[test]
    fn learns_a_toy_language_and_round_trips() {
        let lex = isnad_text::TextLexicon::embedded().unwrap();
        let sent = |words: &[&str], labels: &[&str]| {
            let toks: Vec<TokenInfo> =
                words.iter().map(|w| TokenInfo::new(w, Some(&isnad_text::segment(w, 0, lex)))).collect();
            (toks, labels.iter().map(|l| parse_label(l).unwrap()).collect::<Vec<_>>())
        };
        let data = vec![
            sent(&["زار", "محمد", "صنعاء"], &["O", "B-PERS", "B-LOC"]),
            sent(&["زار", "علي", "عدن"], &["O", "B-PERS", "B-LOC"]),
            sent(&["غادر", "محمد", "عدن"], &["O", "B-PERS", "B-LOC"]),
            sent(&["غادر", "علي", "صنعاء"], &["O", "B-PERS", "B-LOC"]),
        ];
        let (model, text) = train(&data, &TrainOptions { epochs: 5, min_count: 1, ..Default::default() }, &mut |_| {});
        let loaded = Model::parse("toy.model", &text).unwrap();
        for (toks, gold) in &data {
            assert_eq!(&model.predict(toks), gold);
            assert_eq!(&loaded.predict(toks), gold);
        }
        let e = Model::parse("toy.model", "# comment\nisnad-ner\t1\nf\tw=x\tB-XYZ:1\n").unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("toy.model", 3), "{e}");
        assert!(e.message.contains("B-XYZ"), "{e}");
        assert_eq!(Model::parse("toy.model", "garbage").unwrap_err().line, 1);
        assert_eq!(Model::parse("toy.model", "# only a comment\n").unwrap_err().line, 0);
    }
}
