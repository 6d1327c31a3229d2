//! Resolves place names given on the command line (or the seed article's
//! places) and prints the JSON records:
//! `cargo run -p isnad-gazetteer --example resolve -- "مديرية الزاهر التابعة لمحافظة البيضاء"`.

use isnad_gazetteer::{Context, Gazetteer};

fn main() {
    let g = match Gazetteer::embedded() {
        Ok(g) => g,
        Err(e) => {
            eprintln!("resolve: {e}");
            std::process::exit(1);
        }
    };
    let mut names: Vec<String> = std::env::args().skip(1).collect();
    if names.is_empty() {
        names = [
            "صنعاء",
            "العاصمة صنعاء",
            "محافظة صنعاء",
            "محافظة البيضاء",
            "مديرية الزاهر التابعة لمحافظة البيضاء",
            "اليمن",
        ]
        .map(String::from)
        .to_vec();
    }
    for name in names {
        match g.resolve(&name, &Context::new()) {
            Some(r) => {
                let (precision, score) = (r.precision, r.score);
                println!("{name}\t{precision}\t{score:.1}\t{}", serde_json::to_string(&r.into_record()).expect("json"));
            }
            None => println!("{name}\t-"),
        }
    }
}
