//! The ANT corpus (1,774 Arabic articles in JSON Lines) reads without an
//! error; skipped when the shared data is not there (`ISNAD_ANT_CORPUS`
//! overrides the path).

use std::path::PathBuf;

use isnad_ingest::{read_path, Options};

#[test]
fn ant_corpus_reads_whole() {
    let path = std::env::var_os("ISNAD_ANT_CORPUS").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/news/ant/articles.jsonl")
    });
    if !path.is_file() {
        eprintln!("skipped: {} not found", path.display());
        return;
    }
    let (mut items, mut errors, mut dated, mut empty) = (0usize, Vec::new(), 0usize, 0usize);
    read_path(&path, &Options::default(), &mut |r| match r {
        Ok(item) => {
            items += 1;
            assert!(item.meta.declared.id.is_some() && item.meta.declared.title.is_some(), "{}", item.name);
            dated += usize::from(item.meta.declared.published.is_some());
            empty += usize::from(item.text.is_empty());
        }
        Err(e) => errors.push(e.to_string()),
    });
    assert_eq!(errors, Vec::<String>::new());
    assert_eq!(items, 1774);
    assert_eq!(dated, 1774);
    // Two records of the corpus have an empty text; they are kept, with a note.
    assert_eq!(empty, 2);
}
