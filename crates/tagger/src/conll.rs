//! CoNLL data (token TAB tag, blank line between sentences) and exact-span
//! scoring per type, CoNLL convention.

use crate::{parse_label, spans, Label, TYPES};

/// A sentence of (token, label).
pub type Sentence = Vec<(String, Label)>;

/// Reads CoNLL text. Errors name the line.
pub fn read(text: &str) -> Result<Vec<Sentence>, String> {
    let mut out = Vec::new();
    let mut cur = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let (tok, tag) =
            line.rsplit_once(['\t', ' ']).ok_or_else(|| format!("line {}: expected `token<TAB>tag`", i + 1))?;
        let label = parse_label(tag.trim()).ok_or_else(|| format!("line {}: unknown tag {tag:?}", i + 1))?;
        cur.push((tok.trim().to_string(), label));
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// Counts of one entity type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted spans that match a gold span exactly.
    pub correct: usize,
    /// Predicted spans.
    pub predicted: usize,
    /// Gold spans.
    pub gold: usize,
}

impl Counts {
    /// Precision, recall, F1 in percent.
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = if self.predicted == 0 { 0.0 } else { 100.0 * self.correct as f64 / self.predicted as f64 };
        let r = if self.gold == 0 { 0.0 } else { 100.0 * self.correct as f64 / self.gold as f64 };
        let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        (p, r, f)
    }
}

/// Scores per type (index into [`TYPES`]) and overall.
#[derive(Clone, Debug, Default)]
pub struct Score {
    /// Per type.
    pub by_type: [Counts; 4],
    /// All types.
    pub overall: Counts,
}

impl Score {
    /// Adds one sentence's gold and predicted labels.
    pub fn add(&mut self, gold: &[Label], pred: &[Label]) {
        let g = spans(gold);
        let p = spans(pred);
        for s in &g {
            self.by_type[s.ty as usize].gold += 1;
            self.overall.gold += 1;
        }
        for s in &p {
            self.by_type[s.ty as usize].predicted += 1;
            self.overall.predicted += 1;
            if g.contains(s) {
                self.by_type[s.ty as usize].correct += 1;
                self.overall.correct += 1;
            }
        }
    }

    /// A table of P/R/F1 per type and overall.
    pub fn table(&self) -> String {
        let mut s =
            format!("{:<8} {:>9} {:>9} {:>7} {:>6} {:>6}\n", "type", "precision", "recall", "F1", "gold", "pred");
        let rows = TYPES.iter().zip(self.by_type.iter()).map(|(t, c)| (*t, c)).chain([("overall", &self.overall)]);
        for (name, c) in rows {
            let (p, r, f) = c.prf();
            s.push_str(&format!("{name:<8} {p:>9.2} {r:>9.2} {f:>7.2} {:>6} {:>6}\n", c.gold, c.predicted));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_scores() {
        let sents = read("محمد\tB-PERS\nفي\tO\nصنعاء\tB-LOC\n\nوزارة\tB-ORG\nالدفاع\tI-ORG\n").unwrap();
        assert_eq!(sents.len(), 2);
        let mut score = Score::default();
        let gold: Vec<Label> = sents[0].iter().map(|x| x.1).collect();
        score.add(&gold, &[1, 0, 1]); // PERS right, LOC predicted as PERS
        assert_eq!(score.overall, Counts { correct: 1, predicted: 2, gold: 2 });
        assert_eq!(score.by_type[1], Counts { correct: 0, predicted: 0, gold: 1 });
        assert!(read("token-without-tag\n").unwrap_err().contains("line 1"));
        assert!(read("x\tB-FOO\n").unwrap_err().contains("unknown tag"));
    }
}
