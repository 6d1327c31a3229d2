//! Malformed data lines are reported with file and line.

use isnad_text::lexicon::{TextLexicon, FILES};

fn files_with(name: &str, content: &'static str) -> Vec<(&'static str, &'static str)> {
    let base: Vec<(&str, &str)> = vec![
        (FILES[0], "key\tcount\nفي\t10\n"),
        (FILES[1], "الذي\tprep\n"),
        (FILES[2], "د\n"),
        (FILES[3], "form\tvalue\tclass\tflags\nثلاثة\t3\tunit\t-\n"),
        (FILES[4], "cue\trelation\tposition\nنحو\tabout\tbefore\n"),
        (FILES[5], "lemma\tgloss_en\tplurals\tcategory\tduals\nعنصر\tmember\tعناصر\tperson\t-\n"),
    ];
    base.into_iter().map(|(n, c)| if n == name { (n, content) } else { (n, c) }).collect()
}

#[test]
fn good_files_load() {
    let lex = TextLexicon::parse(&files_with("", "")).unwrap();
    assert_eq!(lex.freq("في"), 10);
    assert!(lex.noun("عنصرين").is_some());
}

#[test]
fn errors_name_file_and_line() {
    let cases = [
        (FILES[0], "key\tcount\nفي\tten\n", 2),
        (FILES[3], "# comment\nform\tvalue\tclass\tflags\nثلاثة\t3\tunitt\t-\n", 3),
        (FILES[3], "form\tvalue\tclass\tflags\nثلاثة\t3\tunit\n", 2),
        (FILES[3], "form\tvalue\tclass\tflags\nثلاثة\t3\tunit\t-\nثلاثه\t4\tunit\t-\n", 3),
        (FILES[4], "cue\trelation\tposition\nنحو\tabout\tsomewhere\n", 2),
        (FILES[5], "lemma\tgloss\n", 1),
        (FILES[5], "lemma\tgloss_en\tplurals\tcategory\tduals\nعنصر\tmember\tعناصر\tperson\t-\nجندي\tsoldier\tعناصر\tperson\t-\n", 3),
        (FILES[1], "الذي\tprep\textra\n", 1),
    ];
    for (file, content, line) in cases {
        let e = TextLexicon::parse(&files_with(file, content)).unwrap_err();
        assert_eq!((e.file.as_str(), e.line), (file, line), "{e}");
        assert!(e.to_string().starts_with(&format!("{file}:{line}: ")));
    }
}

#[test]
fn embedded_data_is_well_formed() {
    let lex = TextLexicon::embedded();
    assert!(lex.wordfreq.len() > 10_000);
    assert!(lex.nouns.len() > 100);
}
