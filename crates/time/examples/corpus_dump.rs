//! Dumps every time expression of a JSONL corpus (fields "text" and "date") as
//! TSV: date, expression, kind, from, to, grain, conflict, context.
//! `cargo run --release --example corpus_dump -- PATH > out.tsv`
fn main() {
    let path = std::env::args().nth(1).expect("path to a JSONL corpus");
    let content = std::fs::read_to_string(&path).expect("read");
    for line in content.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        let (Some(text), Some(date)) = (v["text"].as_str(), v["date"].as_str()) else { continue };
        let anchor = isnad_time::Anchor::parse(date).ok();
        let toks = isnad_text::tokenize(text);
        let chars: Vec<char> = text.chars().collect();
        for e in isnad_time::find_times(text, &toks, anchor.as_ref(), &isnad_time::TimeOptions::default()) {
            let a = (e.start as usize).saturating_sub(30);
            let b = (e.end as usize + 30).min(chars.len());
            let ctx: String = chars[a..b].iter().collect::<String>().replace(['\n', '\t'], " ");
            println!(
                "{date}\t{}\t{}\t{}\t{}\t{}\t{}\t{ctx}",
                e.text,
                e.kind,
                e.from.unwrap_or_default(),
                e.to.unwrap_or_default(),
                e.grain,
                e.conflict.unwrap_or_default()
            );
        }
    }
}
