//! The time lexicon read from a directory laid out like `data/`: an edited
//! copy is what the recognizer uses, and a broken line names its file and line.

use std::path::{Path, PathBuf};

use isnad_text::{Data, TextLexicon};
use isnad_time::{lexicon, Anchor, TimeLexicon, TimeOptions, Times};

/// A fresh copy of the time files under a temporary directory named after `test`.
fn copy_of_data(test: &str) -> PathBuf {
    let src = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data"));
    let dir = std::env::temp_dir().join(format!("isnad-time-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("time")).unwrap();
    for rel in lexicon::files() {
        std::fs::copy(src.join(rel), dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    }
    dir
}

/// Rewrites the line of `rel` under `dir` that equals `old` as `new` (or drops
/// it when `new` is `None`); returns its 1-based number.
fn edit_line(dir: &Path, rel: &str, old: &str, new: Option<&str>) -> usize {
    let path = dir.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    let at = text.lines().position(|l| l == old).unwrap_or_else(|| panic!("{old:?} is not a line of {rel}"));
    let lines: Vec<&str> = text.lines().enumerate().filter_map(|(i, l)| if i == at { new } else { Some(l) }).collect();
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    at + 1
}

fn yesterday(times: &Times) -> Vec<String> {
    let text = "قصفت الطائرات المدينة أمس";
    let toks = isnad_text::tokenize(text);
    let published = Anchor::parse("2023-11-23").unwrap();
    times.find(text, &toks, Some(&published), &TimeOptions::default()).into_iter().filter_map(|e| e.from).collect()
}

#[test]
fn a_broken_line_in_a_copied_file_names_that_file_and_line() {
    let dir = copy_of_data("broken");
    let line = edit_line(&dir, "time/units.tsv", "أسبوع\tweek\t1", Some("أسبوع\tweek\tfew"));
    let e = TimeLexicon::load(&Data::Dir(dir.clone())).unwrap_err();
    assert_eq!(e.file, dir.join("time/units.tsv").display().to_string());
    assert_eq!(e.line, line, "{e}");
    assert!(e.message.contains("few"), "{e}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_missing_file_in_the_directory_is_an_error() {
    let dir = copy_of_data("missing");
    std::fs::remove_file(dir.join("time/article.tsv")).unwrap();
    let e = TimeLexicon::load(&Data::Dir(dir.clone())).unwrap_err();
    assert!(e.file.ends_with("time/article.tsv") && e.line == 0, "{e}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_recognizer_reads_the_edited_copy_not_the_embedded_files() {
    let embedded = Times::embedded().unwrap();
    assert_eq!(yesterday(&embedded), vec!["2023-11-22".to_string()]);
    let dir = copy_of_data("edited");
    edit_line(&dir, "time/relative.tsv", "أمس\tday\t-1", None);
    let edited = TimeLexicon::load(&Data::Dir(dir.clone())).unwrap();
    assert!(
        yesterday(&Times::new(&edited, TextLexicon::embedded().unwrap())).is_empty(),
        "أمس was taken out of the copy"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
