//! Time-tagging throughput over a JSONL corpus (one object per line with a
//! "text" field): `cargo run --release --example bench -- PATH`.
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "../shared/data/news/ant/articles.jsonl".into());
    let content = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let texts: Vec<String> = content
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    // Best of three runs of find_times alone (tokens given, as in the pipeline).
    let mbs = (0..3).map(|_| isnad_time::bench_corpus(&texts)).fold(0.0, f64::max);
    // Tokenizing too.
    let anchor = isnad_time::Anchor::parse("2016-06-15").expect("anchor");
    let opts = isnad_time::TimeOptions::default();
    let t0 = Instant::now();
    let mut n = 0;
    for t in &texts {
        let toks = isnad_text::tokenize(t);
        n += isnad_time::find_times(t, &toks, Some(&anchor), &opts).len();
    }
    let with_tok = bytes as f64 / 1e6 / t0.elapsed().as_secs_f64();
    println!("{} texts, {:.2} MB, {n} expressions", texts.len(), bytes as f64 / 1e6);
    println!("find_times: {mbs:.1} MB/s; tokenize + find_times: {with_tok:.1} MB/s (one thread)");
}
