//! Analyses a JSON Lines corpus with the pipeline and merges its events
//! (the ANT corpus by default):
//!
//! ```sh
//! cargo run --release -p isnad-corpus --example ant -- ../shared/data/news/ant/articles.jsonl [clusters.jsonl]
//! ```
//!
//! With a second path, the multi-member clusters are written there, one JSON
//! record a line.
//!
//! Prints how many clusters there are, how many have several members, the
//! independent-source counts and the time each step takes.

use std::collections::BTreeMap;
use std::process::ExitCode;
use std::time::Instant;

use isnad_corpus::{cluster, near_duplicates, CorpusDoc, MergeOptions, OriginLexicon};
use isnad_pipeline::{Input, InputMeta, Options, Pipeline};

const DEFAULT: &str = "../shared/data/news/ant/articles.jsonl";

fn main() -> ExitCode {
    let path = std::env::args().nth(1).unwrap_or_else(|| DEFAULT.to_string());
    let content = match std::fs::read_to_string(&path) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("ant: {path}: {e} (skipped)");
            return ExitCode::SUCCESS;
        }
    };
    let field = |v: &serde_json::Value, k: &str| v[k].as_str().map(str::to_string).filter(|s| !s.is_empty());
    let p = match Pipeline::embedded() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("ant: {e}");
            return ExitCode::FAILURE;
        }
    };
    let started = Instant::now();
    let mut docs = Vec::new();
    for line in content.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("ant: bad line: {e}");
                continue;
            }
        };
        let published =
            field(&v, "published").or_else(|| field(&v, "date")).and_then(|d| isnad_schema::parse_published(&d).ok());
        let meta = InputMeta {
            id: field(&v, "id"),
            title: field(&v, "title"),
            source: field(&v, "source"),
            url: field(&v, "url"),
            published,
        };
        let input = Input { meta, text: field(&v, "text").unwrap_or_default() };
        docs.push(p.analyze(input, Options::default()));
    }
    let analysed = started.elapsed();
    let views: Vec<CorpusDoc> = docs.iter().map(CorpusDoc::from).collect();
    let opts = MergeOptions::default();

    let t = Instant::now();
    let copies = near_duplicates(&views, opts.near_duplicate_jaccard);
    let dup_time = t.elapsed();
    let t = Instant::now();
    let lex = match OriginLexicon::embedded() {
        Ok(lex) => lex,
        Err(e) => {
            eprintln!("ant: {e}");
            return ExitCode::FAILURE;
        }
    };
    let clusters = cluster(&views, &opts, lex);
    let merge_time = t.elapsed();

    let events: usize = docs.iter().map(|d| d.events.len()).sum();
    let copied = copies.iter().enumerate().filter(|(i, r)| *i != **r).count();
    let multi: Vec<_> = clusters.iter().filter(|c| c.members.len() > 1).collect();
    let mut by_size: BTreeMap<usize, usize> = BTreeMap::new();
    let mut by_sources: BTreeMap<usize, usize> = BTreeMap::new();
    for c in &multi {
        *by_size.entry(c.members.len()).or_default() += 1;
        *by_sources.entry(c.independent_sources).or_default() += 1;
    }
    let contradicted = multi.iter().filter(|c| !c.contradictions.is_empty()).count();
    println!("documents        {}", docs.len());
    println!("events           {events}");
    println!("near-duplicates  {copied} documents copy an earlier one");
    println!("clusters         {}", clusters.len());
    println!(
        "multi-member     {} ({} events in them)",
        multi.len(),
        multi.iter().map(|c| c.members.len()).sum::<usize>()
    );
    println!("  by size        {by_size:?}");
    println!("  by independent sources {by_sources:?}");
    println!("  with contradictions {contradicted}");
    println!("time: analysis {analysed:.2?}, near-duplicates {dup_time:.2?}, clustering (with near-duplicates) {merge_time:.2?}");
    if let Some(out) = std::env::args().nth(2) {
        let mut lines = String::new();
        for c in &multi {
            lines.push_str(&serde_json::to_string(c).expect("a cluster serialises"));
            lines.push('\n');
        }
        if let Err(e) = std::fs::write(&out, lines) {
            eprintln!("ant: {out}: {e}");
            return ExitCode::FAILURE;
        }
    }
    let mut largest = multi.clone();
    largest.sort_by_key(|c| std::cmp::Reverse(c.members.len()));
    for c in largest.iter().take(10) {
        let place = c.place.as_ref().map_or("-", |p| p.name.as_str());
        let when = c.time.as_ref().and_then(|t| t.from.as_deref()).unwrap_or("-");
        let docs: Vec<&str> = c.members.iter().map(|m| m.doc.as_str()).collect();
        let fields: Vec<&str> = c.contradictions.iter().map(|k| k.field.as_str()).collect();
        println!(
            "  {} {} {place} {when}: {} members, {} independent, contradictions {fields:?}, docs {docs:?}",
            c.id,
            c.ty,
            c.members.len(),
            c.independent_sources
        );
    }
    ExitCode::SUCCESS
}
