//! `isnad bench`: throughput per core (one thread) and peak memory over a
//! JSON Lines corpus. Figures are medians over several runs.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use clap::Args;
use isnad_pipeline::{Input, Options, Pipeline};

#[derive(Args)]
pub struct BenchArgs {
    /// JSON Lines corpus with a "text" field per line.
    #[arg(long, default_value = "../shared/data/news/ant/articles.jsonl")]
    corpus: PathBuf,
    /// Runs per stage (the median is reported).
    #[arg(long, default_value_t = 7)]
    runs: usize,
    /// Only the stages whose name contains this text (for profiling).
    #[arg(long)]
    stage: Option<String>,
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

/// Peak resident memory of this process, from /proc (Linux), in MiB.
pub fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

pub fn run(args: BenchArgs, p: &Pipeline) -> anyhow::Result<ExitCode> {
    let content =
        std::fs::read_to_string(&args.corpus).with_context(|| format!("cannot read {}", args.corpus.display()))?;
    let mut texts = Vec::new();
    for (i, line) in content.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let v: serde_json::Value =
            serde_json::from_str(line).with_context(|| format!("{}:{}: not JSON", args.corpus.display(), i + 1))?;
        if let Some(t) = v["text"].as_str() {
            texts.push(t.to_string());
        }
    }
    drop(content);
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let mb = bytes as f64 / 1e6;
    println!("corpus: {} documents, {:.2} MB ({})", texts.len(), mb, args.corpus.display());
    let lex = p.lexicon();
    let runs = args.runs.max(1);
    // Start-up costs: parsing the embedded data files.
    let load = |name: &str, f: &mut dyn FnMut() -> usize| {
        let mut ms = Vec::new();
        for _ in 0..runs {
            let t = Instant::now();
            std::hint::black_box(f());
            ms.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        println!("{name:<40} {:>8.1} ms (median of {runs})", median(ms));
    };
    let data = p.data();
    load("load: NER model", &mut || isnad_tagger::Tagger::load(data).map(|t| t.n_features()).unwrap_or(0));
    load("load: gazetteer", &mut || isnad_gazetteer::Gazetteer::load(data).map(|g| g.len()).unwrap_or(0));
    load("load: whole pipeline", &mut || Pipeline::load(data).map(|_| 1).unwrap_or(0));

    let only = args.stage.clone();
    let stage = |name: &str, f: &mut dyn FnMut(&str) -> usize| {
        if only.as_ref().is_some_and(|o| !name.contains(o.as_str())) {
            return;
        }
        let mut rates = Vec::new();
        let mut sink = 0usize;
        for _ in 0..runs {
            let t = Instant::now();
            for text in &texts {
                sink = sink.wrapping_add(f(text));
            }
            rates.push(mb / t.elapsed().as_secs_f64());
        }
        println!(
            "{name:<40} {:>8.1} MB/s per core (median of {runs}; min {:.1}, max {:.1}) [{sink}]",
            median(rates.clone()),
            rates.iter().cloned().fold(f64::MAX, f64::min),
            rates.iter().cloned().fold(0.0, f64::max)
        );
    };
    stage("normalize (match key + offsets)", &mut |t| isnad_text::key(t, isnad_text::KeyKind::Match).len());
    stage("tokenize", &mut |t| isnad_text::tokenize(t).len());
    stage("normalize + tokenize", &mut |t| {
        isnad_text::key(t, isnad_text::KeyKind::Match).len() + isnad_text::tokenize(t).len()
    });
    stage("text layer (tokens, sentences, numbers)", &mut |t| isnad_text::analyze(t, lex).quantities.len());
    // The segmenter's memo starts empty on every run (first-pass figures).
    let mut segmenter = isnad_text::Segmenter::new(lex);
    let mut seen = 0usize;
    stage("text layer + clitics of every word", &mut |t| {
        if seen.is_multiple_of(texts.len()) {
            segmenter = isnad_text::Segmenter::new(lex);
        }
        seen += 1;
        let layer = isnad_text::analyze(t, lex);
        segmenter.segment_words(t, &layer.tokens).len() + layer.quantities.len()
    });
    let anchor = isnad_time::Anchor::parse("2016-01-01").ok();
    let times = isnad_time::Times::new(p.time_lexicon(), lex);
    stage("times (recognise + resolve, tokens given)", &mut |t| {
        let toks = isnad_text::tokenize(t);
        times.find(t, &toks, anchor.as_ref(), &isnad_time::TimeOptions::default()).len()
    });
    stage("pipeline: all records (no serialization)", &mut |t| {
        p.analyze(Input::new(t), Options::default()).entities.len()
    });
    stage("pipeline: all records, JSON serialized", &mut |t| {
        let doc = p.analyze(Input::new(t), Options::default());
        serde_json::to_vec(&doc).map(|v| v.len()).unwrap_or(0)
    });
    if let Some(m) = peak_rss_mib() {
        println!("peak resident memory: {m:.1} MiB (corpus held in memory: {mb:.1} MB)");
    }
    Ok(ExitCode::SUCCESS)
}
