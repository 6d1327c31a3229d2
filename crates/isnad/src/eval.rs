//! Evaluations against reference data, with a regression gate: a score below
//! the best recorded in the baseline file fails the run.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use clap::Subcommand;
use isnad_pipeline::{Input, Options, Pipeline};

#[derive(Subcommand)]
pub enum EvalCommand {
    /// Duckling's Arabic numerals (duckling_ar_numerals.tsv) and ordinals (duckling_ar_other.tsv).
    Numerals {
        /// Folder with Duckling's Arabic TSV files.
        #[arg(long, default_value = "../shared/data/time/duckling_ar")]
        duckling: PathBuf,
        /// Fail when a score is below the best recorded in this file (metric TAB value).
        #[arg(long)]
        gate: Option<PathBuf>,
    },
    /// Time expressions: Duckling's Arabic time corpus (future preference, its reference time).
    Time {
        /// Duckling's Arabic time TSV.
        #[arg(long, default_value = "../shared/data/time/duckling_ar/duckling_ar_time.tsv")]
        duckling: PathBuf,
        /// Fail when a score is below the best recorded in this file.
        #[arg(long)]
        gate: Option<PathBuf>,
    },
    /// Events: the conflict set's dev and test splits (eval/conflict, coded by eval/CODING.md)
    /// and the older Tunisian development set (eval/events).
    Events {
        /// Folder of the Tunisian set's gold files.
        #[arg(long, default_value = "eval/events")]
        gold: PathBuf,
        /// The corpus holding the Tunisian set's texts.
        #[arg(long, default_value = "../shared/data/news/ant/articles.jsonl")]
        corpus: PathBuf,
        /// Folder of the conflict set (articles.tsv and gold/).
        #[arg(long, default_value = "eval/conflict")]
        conflict: PathBuf,
        /// The corpus holding the conflict set's texts.
        #[arg(long, default_value = "../shared/data/news/ant-multisource/articles.jsonl")]
        multisource: PathBuf,
        /// List missed, spurious and wrong events of the development sets (never of the test split).
        #[arg(long, alias = "verbose")]
        errors: bool,
        /// Fail when a score is below the best recorded in this file.
        #[arg(long)]
        gate: Option<PathBuf>,
    },
    /// Named entities: exact-span precision, recall and F1 per type on a CoNLL file.
    Ner {
        /// CoNLL file (token TAB tag).
        #[arg(long, default_value = "../shared/data/ner/anercorp/test.conll")]
        conll: PathBuf,
        /// Model file (default: the embedded model).
        #[arg(long)]
        model: Option<PathBuf>,
        /// Also list up to this many missed and spurious entities.
        #[arg(long, default_value_t = 0)]
        errors: usize,
        /// Fail when a score is below the best recorded in this file.
        #[arg(long)]
        gate: Option<PathBuf>,
    },
}

pub fn run(cmd: EvalCommand, p: &Pipeline) -> anyhow::Result<ExitCode> {
    match cmd {
        EvalCommand::Numerals { duckling, gate } => {
            let scores = numerals(p, &duckling)?;
            match gate {
                Some(g) => check_gate(&g, &scores),
                None => Ok(ExitCode::SUCCESS),
            }
        }
        EvalCommand::Time { duckling, gate } => {
            let times = isnad_time::Times::new(p.time_lexicon(), p.lexicon());
            let r = isnad_time::eval_duckling(&duckling, &times).map_err(anyhow::Error::msg)?;
            println!(
                "time: {}/{} positive rows exact (start, end, grain) = {:.2}%; negatives: {}/{} give nothing",
                r.correct,
                r.positives,
                r.accuracy() * 100.0,
                r.negatives_ok,
                r.negatives
            );
            for f in &r.failures {
                println!("  {f}");
            }
            let scores = vec![
                ("time.exact_pct".to_string(), r.accuracy() * 100.0),
                ("time.negatives_ok_pct".to_string(), 100.0 * r.negatives_ok as f64 / r.negatives.max(1) as f64),
            ];
            match gate {
                Some(g) => check_gate(&g, &scores),
                None => Ok(ExitCode::SUCCESS),
            }
        }
        EvalCommand::Events { gold, corpus, conflict, multisource, errors, gate } => {
            let mut scores = Vec::new();
            for split in crate::conflict_eval::eval(p, &conflict, &multisource, errors)? {
                print!("{}", split.report);
                if errors && split.split == "test" {
                    println!("  (errors of the test split are not listed: it is scored, never read)");
                }
                scores.extend(split.figures);
            }
            println!("tunisian development set (eval/events):");
            scores.extend(crate::events_eval::eval(p, &gold, &corpus, errors)?);
            match gate {
                Some(g) => check_gate(&g, &scores),
                None => Ok(ExitCode::SUCCESS),
            }
        }
        EvalCommand::Ner { conll, model, errors, gate } => {
            let scores = crate::ner::eval(p, &conll, model.as_deref(), errors)?;
            match gate {
                Some(g) => check_gate(&g, &scores),
                None => Ok(ExitCode::SUCCESS),
            }
        }
    }
}

/// One reference case: the text, the expected value and whether it is an ordinal.
struct Case {
    text: String,
    value: f64,
    ordinal: bool,
}

fn read_cases(dir: &Path) -> anyhow::Result<(Vec<Case>, Vec<Case>)> {
    let path = dir.join("duckling_ar_numerals.tsv");
    let content = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut numerals = Vec::new();
    for (i, line) in content.lines().enumerate().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [_, text, value] = cols[..] else { bail!("{}:{}: expected 3 columns", path.display(), i + 1) };
        let value: f64 = value.parse().with_context(|| format!("{}:{}: bad value", path.display(), i + 1))?;
        numerals.push(Case { text: text.to_string(), value, ordinal: false });
    }
    let path = dir.join("duckling_ar_other.tsv");
    let content = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut ordinals = Vec::new();
    for (i, line) in content.lines().enumerate().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.first() != Some(&"Ordinal") {
            continue;
        }
        let [_, _, text, expr] = cols[..] else { bail!("{}:{}: expected 4 columns", path.display(), i + 1) };
        let v = expr.strip_prefix("OrdinalData ").with_context(|| format!("{}:{}: {expr:?}", path.display(), i + 1))?;
        ordinals.push(Case { text: text.to_string(), value: v.trim().parse()?, ordinal: true });
    }
    Ok((numerals, ordinals))
}

/// A case passes when the whole text is exactly one quantity with the
/// expected value (and, for ordinals, of kind ordinal).
fn passes(p: &Pipeline, c: &Case) -> (bool, String) {
    let doc = p.analyze(Input::new(c.text.clone()), Options::default());
    let n = doc.text.chars().count() as u32;
    let got: Vec<String> =
        doc.quantities.iter().map(|q| format!("{}[{}-{}] {}", q.value, q.start, q.end, q.kind)).collect();
    let ok = match doc.quantities.as_slice() {
        [q] => {
            q.start == 0
                && q.end == n
                && (q.value - c.value).abs() < 1e-9
                && (!c.ordinal || q.kind == isnad_schema::QuantityKind::Ordinal)
        }
        _ => false,
    };
    (ok, if got.is_empty() { "nothing".into() } else { got.join(", ") })
}

fn numerals(p: &Pipeline, dir: &Path) -> anyhow::Result<Vec<(String, f64)>> {
    let (numerals, ordinals) = read_cases(dir)?;
    let mut scores = Vec::new();
    for (name, cases) in [("numerals", &numerals), ("ordinals", &ordinals)] {
        let mut ok = 0;
        let mut failures = Vec::new();
        for c in cases.iter() {
            let (pass, got) = passes(p, c);
            if pass {
                ok += 1;
            } else {
                failures.push(format!("  {:?}: expected {}, got {got}", c.text, c.value));
            }
        }
        let pct = 100.0 * ok as f64 / cases.len().max(1) as f64;
        println!("{name}: {ok}/{} exact ({pct:.2}%)", cases.len());
        for f in &failures {
            println!("{f}");
        }
        scores.push((format!("{name}.exact_pct"), pct));
    }
    Ok(scores)
}

/// Compares scores with the baseline file (lines `metric TAB best`); a metric
/// below its best fails. Metrics not in the file are reported, not gated.
pub fn check_gate(path: &Path, scores: &[(String, f64)]) -> anyhow::Result<ExitCode> {
    let content = std::fs::read_to_string(path).with_context(|| format!("cannot read gate file {}", path.display()))?;
    let mut failed = false;
    for (metric, score) in scores {
        // Scores are compared as printed (two decimals).
        let score = &((score * 100.0).round() / 100.0);
        let best = content
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .find(|(m, _)| m == metric)
            .map(|(_, v)| v.trim().parse::<f64>())
            .transpose()
            .with_context(|| format!("{}: bad value for {metric}", path.display()))?;
        match best {
            Some(b) if *score + 1e-9 < b => {
                println!("GATE FAILED: {metric} = {score:.2} is below the best recorded {b:.2}");
                failed = true;
            }
            Some(b) if *score > b + 1e-9 => {
                println!("gate: {metric} = {score:.2} beats the recorded {b:.2}; raise it in {}", path.display())
            }
            Some(_) => println!("gate: {metric} = {score:.2} holds"),
            None => println!("gate: {metric} has no recorded best in {}", path.display()),
        }
    }
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}
