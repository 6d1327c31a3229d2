//! Scores the Duckling Arabic time corpus: `cargo run --example duckling -- PATH`.
fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "../shared/data/time/duckling_ar/duckling_ar_time.tsv".into());
    let rep = isnad_time::eval_duckling(std::path::Path::new(&path)).expect("eval");
    for f in &rep.failures {
        println!("FAIL {f}");
    }
    println!(
        "positives {}/{} ({:.1}%), negatives {}/{}",
        rep.correct,
        rep.positives,
        100.0 * rep.accuracy(),
        rep.negatives_ok,
        rep.negatives
    );
}
