//! Measures how long the embedded gazetteer takes to parse, and a few
//! lookups (run in release: `cargo run --release -p isnad-gazetteer --example load_time`).

use isnad_gazetteer::{Context, Data, Gazetteer};
use std::time::Instant;

fn main() {
    let t = Instant::now();
    let g = match Gazetteer::embedded() {
        Ok(g) => g,
        Err(e) => {
            eprintln!("load_time: {e}");
            std::process::exit(1);
        }
    };
    let first = t.elapsed();
    println!("embedded(): {} places in {:.1} ms (first call, parse)", g.len(), first.as_secs_f64() * 1e3);
    for (level, n) in g.counts() {
        println!("{:>8} {}", n, level.as_str());
    }
    // Parse the embedded files a few more times for a steadier figure.
    let mut times = Vec::new();
    for _ in 0..7 {
        let t = Instant::now();
        let g = Gazetteer::load(&Data::Embedded).expect("the embedded files load");
        times.push(t.elapsed().as_secs_f64() * 1e3);
        std::hint::black_box(g);
    }
    times.sort_by(f64::total_cmp);
    println!("parse: median {:.1} ms, min {:.1} ms over {} runs", times[times.len() / 2], times[0], times.len());

    let t = Instant::now();
    let n = g.names().count();
    println!("names(): {n} (key, level) pairs, first call {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    let hits = g.lookup_en("Sanaa").len();
    println!("lookup_en (builds the English index): {hits} hits in {:.1} ms", t.elapsed().as_secs_f64() * 1e3);

    let names = ["صنعاء", "محافظة البيضاء", "مديرية الزاهر التابعة لمحافظة البيضاء", "عدن", "الحديدة", "اليمن"];
    let t = Instant::now();
    let mut n = 0;
    for _ in 0..1000 {
        for name in names {
            n += g.resolve(name, &Context::new()).is_some() as usize;
        }
    }
    println!("resolve: {:.1} µs per call ({n} resolved)", t.elapsed().as_secs_f64() * 1e6 / n as f64);
}
