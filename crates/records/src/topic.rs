//! Is this document news of politics and conflict, or sport, culture, technology? A reader
//! knows at a glance that "هجوم" in a match report is no attack. This is a logistic
//! regression over the stems a document contains (present or not), trained by
//! `isnad train topic` on a news corpus's own section labels, and stored as text
//! (`data/models/topic.tsv`: one weight per stem) so it can be read, diffed and edited.

use std::collections::HashMap;

use isnad_text::{data_lines, Data, LoadError};

/// The model file's columns.
const HEADER: &str = "feature\tweight";

/// The bias's name in the file (not a stem: stems have no spaces).
const BIAS: &str = "(bias)";

/// A linear model: the log-odds that a document is news, from the stems it contains.
#[derive(Clone, Debug, Default)]
pub struct TopicModel {
    bias: f64,
    weights: HashMap<String, f64>,
    /// Documents scoring below this probability of being news are not reported.
    pub threshold: f64,
    /// Documents with fewer distinct stems are always reported: a sentence or two says too
    /// little to overrule.
    pub min_stems: usize,
}

/// Training settings.
#[derive(Clone, Copy, Debug)]
pub struct TrainOptions {
    /// Passes over the data.
    pub epochs: usize,
    /// Learning rate of the first pass (decays as 1/(1 + epoch)).
    pub rate: f64,
    /// L2 penalty per update.
    pub l2: f64,
    /// Weights smaller than this are not written.
    pub prune: f64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions { epochs: 6, rate: 0.2, l2: 1e-6, prune: 0.1 }
    }
}

impl TopicModel {
    /// Loads `models/topic.tsv`; a malformed line is an error naming file and line.
    pub fn load(data: &Data) -> Result<TopicModel, LoadError> {
        let (name, text) = data.file("models/topic.tsv", include_str!("../../../data/models/topic.tsv"))?;
        TopicModel::parse(&name, &text)
    }

    /// Parses the text form (see [`TopicModel::to_text`]).
    pub fn parse(name: &str, text: &str) -> Result<TopicModel, LoadError> {
        let mut m = TopicModel { threshold: 0.5, min_stems: 0, ..TopicModel::default() };
        for row in data_lines(name, text, Some(HEADER)) {
            let (line, cols) = row?;
            let [feature, weight] = cols[..] else {
                return Err(LoadError::new(name, line, "expected 2 columns: feature, weight"));
            };
            let w: f64 = weight.parse().map_err(|_| LoadError::new(name, line, format!("bad weight {weight:?}")))?;
            match feature {
                BIAS => m.bias = w,
                "(threshold)" if (0.0..=1.0).contains(&w) => m.threshold = w,
                "(threshold)" => return Err(LoadError::new(name, line, "threshold outside 0..1")),
                "(min_stems)" => m.min_stems = w as usize,
                f => {
                    m.weights.insert(f.to_string(), w);
                }
            }
        }
        Ok(m)
    }

    /// The probability that a document with these stems is news (each stem counted once).
    pub fn news_probability<'a>(&self, stems: impl IntoIterator<Item = &'a str>) -> f64 {
        self.judge(stems).0
    }

    /// The probability that a document is news, and whether its events are reported.
    pub fn judge<'a>(&self, stems: impl IntoIterator<Item = &'a str>) -> (f64, bool) {
        let mut seen = std::collections::HashSet::new();
        let z =
            self.bias + stems.into_iter().filter(|s| seen.insert(*s)).filter_map(|s| self.weights.get(s)).sum::<f64>();
        let p = 1.0 / (1.0 + (-z).exp());
        (p, p >= self.threshold || seen.len() < self.min_stems)
    }

    /// Trains on documents given as their distinct stems, labelled news (true) or not.
    pub fn train(docs: &[(Vec<String>, bool)], opts: &TrainOptions) -> TopicModel {
        let mut m = TopicModel { threshold: 0.5, ..TopicModel::default() };
        let mut order: Vec<usize> = (0..docs.len()).collect();
        for epoch in 0..opts.epochs {
            // A fixed shuffle per epoch (no randomness: the same data gives the same model).
            order.sort_by_key(|&i| (i.wrapping_mul(2_654_435_761).wrapping_add(epoch * 40_503)) % 1_000_003);
            let rate = opts.rate / (1.0 + epoch as f64);
            for &i in &order {
                let (stems, news) = &docs[i];
                let p = m.news_probability(stems.iter().map(String::as_str));
                let g = f64::from(u8::from(*news)) - p;
                m.bias += rate * g;
                for s in stems {
                    let w = m.weights.entry(s.clone()).or_default();
                    *w += rate * (g - opts.l2 * *w);
                }
            }
        }
        m.weights.retain(|_, w| w.abs() >= opts.prune);
        m
    }

    /// The text form: a header, the bias and threshold, then stems by falling |weight|.
    pub fn to_text(&self, preamble: &str) -> String {
        let mut rows: Vec<(&String, &f64)> = self.weights.iter().collect();
        rows.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(b.0)));
        let mut out = String::from(preamble);
        out.push_str(HEADER);
        out.push('\n');
        out.push_str(&format!("{BIAS}\t{:.4}\n(threshold)\t{:.2}\n", self.bias, self.threshold));
        out.push_str(&format!("(min_stems)\t{}\n", self.min_stems));
        for (f, w) in rows {
            out.push_str(&format!("{f}\t{w:.4}\n"));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(words: &str, news: bool) -> (Vec<String>, bool) {
        (words.split_whitespace().map(str::to_string).collect(), news)
    }

    #[test]
    fn training_separates_the_two_kinds_of_document() {
        let docs: Vec<_> =
            (0..20).flat_map(|_| [doc("غاره قصف مدينه", true), doc("مباراه هدف مدينه", false)]).collect();
        let m = TopicModel::train(&docs, &TrainOptions::default());
        assert!(m.news_probability(["قصف"]) > 0.7);
        assert!(m.news_probability(["مباراه", "هدف"]) < 0.3);
    }

    #[test]
    fn the_text_form_reads_back_the_same_scores() {
        let docs: Vec<_> = (0..10).flat_map(|_| [doc("غاره قصف", true), doc("مباراه هدف", false)]).collect();
        let m = TopicModel::train(&docs, &TrainOptions::default());
        let back = TopicModel::parse("t", &m.to_text("# test\n")).unwrap();
        for probe in [vec!["قصف"], vec!["هدف"], vec!["قصف", "هدف"]] {
            let (a, b) = (m.news_probability(probe.clone()), back.news_probability(probe));
            assert!((a - b).abs() < 1e-3, "{a} vs {b}");
        }
    }

    #[test]
    fn a_repeated_stem_counts_once() {
        let m = TopicModel::parse("t", "feature\tweight\n(bias)\t0\nقصف\t1\n").unwrap();
        assert_eq!(m.news_probability(["قصف"]), m.news_probability(["قصف", "قصف", "قصف"]));
    }

    #[test]
    fn a_short_text_is_always_reported() {
        let m = TopicModel::parse("t", "feature\tweight\n(bias)\t-5\n(threshold)\t0.5\n(min_stems)\t3\n").unwrap();
        assert!(m.judge(["هجوم", "مارب"]).1, "two stems say too little");
        assert!(!m.judge(["هجوم", "مارب", "مباراه"]).1);
    }

    #[test]
    fn a_malformed_line_names_its_line() {
        let e = TopicModel::parse("topic.tsv", "feature\tweight\n(bias)\t0\nقصف\tx\n").unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("topic.tsv", 3));
    }
}
