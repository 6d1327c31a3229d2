//! Duckling's Arabic time corpus (../shared, outside the repository): at
//! least 95% of the positive rows right, no negative row tagged.

use std::path::Path;

#[test]
fn duckling_arabic_time_corpus() {
    let path =
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/time/duckling_ar/duckling_ar_time.tsv"));
    if !path.exists() {
        eprintln!("note: {} is absent; the Duckling evaluation is skipped", path.display());
        return;
    }
    let rep = isnad_time::eval_duckling(path, &isnad_time::Times::embedded().expect("the embedded data loads"))
        .expect("the corpus loads");
    for f in &rep.failures {
        eprintln!("failure: {f}");
    }
    eprintln!(
        "Duckling AR time: {}/{} positives, {}/{} negatives",
        rep.correct, rep.positives, rep.negatives_ok, rep.negatives
    );
    assert_eq!(rep.positives, 177);
    assert_eq!(rep.negatives, 3);
    assert!(rep.correct * 100 >= rep.positives * 95, "{}/{}", rep.correct, rep.positives);
    assert_eq!(rep.negatives_ok, rep.negatives);
}
