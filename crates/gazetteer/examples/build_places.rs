//! Regenerates `data/places/places.tsv` and `villages.tsv` from the source
//! extracts:
//!
//! ```sh
//! cargo run --release -p isnad-gazetteer --example build_places -- /work/shared/data data/places
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [shared, out] = &args[..] else {
        eprintln!("usage: build_places <shared data dir> <output dir, e.g. data/places>");
        return ExitCode::from(2);
    };
    let out = PathBuf::from(out);
    let built = match isnad_gazetteer::build(&PathBuf::from(shared)) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("build_places: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = built.write_to(&out) {
        eprintln!("build_places: cannot write {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    for (name, content) in &built.files {
        println!("{}: {} bytes", out.join(name).display(), content.len());
    }
    for (level, n) in &built.counts {
        println!("{:>8} {}", n, level.as_str());
    }
    for note in &built.notes {
        println!("note: {note}");
    }
    // The written files must load, with the curated files beside them (an output folder
    // `…/places` inside a copy of data/).
    let Some(data_dir) = out.parent().filter(|_| out.file_name().is_some_and(|n| n == "places")) else {
        println!("not checked: {} is not a places/ folder of a data/ copy", out.display());
        return ExitCode::SUCCESS;
    };
    match isnad_gazetteer::Gazetteer::load(&isnad_gazetteer::Data::Dir(data_dir.to_path_buf())) {
        Ok(g) => {
            println!("loaded {} places from {}", g.len(), out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("build_places: the written files do not load: {e}");
            ExitCode::FAILURE
        }
    }
}
