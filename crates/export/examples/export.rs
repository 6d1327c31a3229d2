//! Exports analysed documents: reads `isnad/1` documents (one JSON document,
//! or JSON lines) and writes one format to standard output.
//!
//! ```text
//! isnad analyze --published 2023-11-23 examples/khabar-2023-11-23.txt > doc.json
//! cargo run -p isnad-export --example export -- acled-csv doc.json
//! ```

use std::io::{self, Write};

use isnad_export::Format;
use isnad_schema::Document;

fn main() {
    if let Err(e) = run() {
        eprintln!("export: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: export acled-csv|plover-jsonl|geojson|graphml|jsonl DOCUMENT.json|DOCUMENTS.jsonl";
    let format: Format = args.next().ok_or(usage)?.parse()?;
    let path = args.next().ok_or(usage)?;
    let text = std::fs::read_to_string(&path)?;
    let docs: Vec<Document> = match serde_json::from_str(&text) {
        Ok(doc) => vec![doc],
        Err(_) => text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .enumerate()
            .map(|(i, l)| serde_json::from_str(l).map_err(|e| format!("{path}: line {}: {e}", i + 1)))
            .collect::<Result<_, _>>()?,
    };
    let clusters: Vec<_> = docs.iter().flat_map(isnad_export::clusters_from_document).collect();
    let out = io::stdout().lock();
    let n = match format {
        Format::AcledCsv => isnad_export::write_acled_csv(&clusters, out)?,
        Format::PloverJsonl => isnad_export::write_plover_jsonl(&clusters, out)?,
        Format::GeoJson => isnad_export::write_geojson(&clusters, out)?,
        Format::GraphMl => isnad_export::write_graphml(&clusters, out)?,
        Format::Jsonl => isnad_export::write_documents_jsonl(&docs, out)?,
    };
    io::stdout().flush()?;
    eprintln!("export: {n} {} records from {} document(s)", format, docs.len());
    Ok(())
}
