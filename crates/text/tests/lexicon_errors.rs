//! Malformed data lines are reported with file and line.

use std::path::{Path, PathBuf};

use isnad_text::{Data, TextLexicon};

/// The lexicon files of a small, well-formed data directory.
const BASE: [(&str, &str); 7] = [
    ("wordfreq.tsv", "key\tcount\nفي\t10\n"),
    ("clitic_keep_whole.txt", "الذي\tprep\n"),
    ("abbreviations.txt", "د\n"),
    ("numbers.tsv", "form\tvalue\tclass\tflags\nثلاثة\t3\tunit\t-\n"),
    ("approx_cues.tsv", "cue\trelation\tposition\nنحو\tabout\tbefore\n"),
    ("nouns.tsv", "lemma\tgloss_en\tplurals\tcategory\tduals\nعنصر\tmember\tعناصر\tperson\t-\n"),
    ("affixes.tsv", "form\trole\nال\tarticle\nهم\tpronoun_3\nان\tdual\nين\tdual\n"),
];

/// A fresh directory laid out like `data/`, with `name` replaced by `content`.
fn data_with(tag: &str, name: &str, content: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("isnad-lexicon-errors-{}-{tag}", std::process::id()));
    std::fs::create_dir_all(dir.join("lexicon")).unwrap();
    for (n, c) in BASE {
        std::fs::write(dir.join("lexicon").join(n), if n == name { content } else { c }).unwrap();
    }
    dir
}

fn load(dir: &Path) -> Result<TextLexicon, isnad_text::LoadError> {
    let lex = TextLexicon::load(&Data::Dir(dir.to_path_buf()));
    std::fs::remove_dir_all(dir).unwrap();
    lex
}

#[test]
fn good_files_load() {
    let lex = load(&data_with("good", "", "")).unwrap();
    assert_eq!(lex.freq("في"), 10);
    let text = "قتل عنصرين";
    let q = isnad_text::find_quantities(text, &isnad_text::tokenize(text), &lex);
    assert_eq!(q.len(), 1, "the dual of a noun in nouns.tsv is a count");
    assert_eq!(q[0].value, 2.0);
}

#[test]
fn errors_name_file_and_line() {
    let cases = [
        ("wordfreq.tsv", "key\tcount\nفي\tten\n", 2),
        ("numbers.tsv", "# comment\nform\tvalue\tclass\tflags\nثلاثة\t3\tunitt\t-\n", 3),
        ("numbers.tsv", "form\tvalue\tclass\tflags\nثلاثة\t3\tunit\n", 2),
        ("numbers.tsv", "form\tvalue\tclass\tflags\nثلاثة\t3\tunit\t-\nثلاثه\t4\tunit\t-\n", 3),
        ("approx_cues.tsv", "cue\trelation\tposition\nنحو\tabout\tsomewhere\n", 2),
        ("nouns.tsv", "lemma\tgloss\n", 1),
        ("nouns.tsv", "lemma\tgloss_en\tplurals\tcategory\tduals\nعنصر\tmember\tعناصر\tperson\t-\nجندي\tsoldier\tعناصر\tperson\t-\n", 3),
        ("clitic_keep_whole.txt", "الذي\tprep\textra\n", 1),
        ("affixes.tsv", "form\trole\nال\tarticle\nهم\tsuffix\n", 3),
    ];
    for (i, (file, content, line)) in cases.into_iter().enumerate() {
        let e = load(&data_with(&i.to_string(), file, content)).unwrap_err();
        let path = format!("lexicon/{file}");
        assert!(e.file.ends_with(&path), "{e}");
        assert_eq!(e.line, line, "{e}");
        assert!(e.to_string().ends_with(&format!("{path}:{line}: {}", e.message)), "{e}");
    }
}

#[test]
fn a_missing_file_is_an_error_naming_it() {
    let dir = data_with("missing", "", "");
    std::fs::remove_file(dir.join("lexicon/nouns.tsv")).unwrap();
    let e = load(&dir).unwrap_err();
    assert!(e.file.ends_with("lexicon/nouns.tsv") && e.line == 0, "{e}");
}

#[test]
fn embedded_data_is_well_formed() {
    let lex = TextLexicon::embedded().unwrap();
    assert!(lex.freq("في") > 10_000);
    let text = "أكثر من 20 قتيلا";
    let q = isnad_text::find_quantities(text, &isnad_text::tokenize(text), lex);
    assert_eq!(q[0].unit.as_deref(), Some("قتيل"));
}
