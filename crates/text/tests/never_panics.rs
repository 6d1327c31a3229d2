//! Property tests: the text layer never panics, and every offset it returns
//! slices back out of the original text.

use isnad_text::{analyze, key, segment_words, tokenize, KeyKind, TextLexicon, TokenKind};
use proptest::prelude::*;

fn slice(chars: &[char], s: u32, e: u32) -> String {
    chars[s as usize..e as usize].iter().collect()
}

/// Strings biased towards what the layer looks at: Arabic letters and
/// marks, number words, digits of three scripts, separators, controls.
fn arabicish() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "و",
        "ال",
        "بال",
        "لل",
        "ثلاثة",
        "عشر",
        "وعشرين",
        "ألف",
        "آلاف",
        "مليون",
        "ونصف",
        "الأولى",
        "عنصرين",
        "32",
        "٣٢",
        "۳۲",
        "٫",
        "٬",
        ".",
        ",",
        "/",
        "-",
        " ",
        "\n",
        "؟",
        "«",
        "»",
        "ً",
        "ّ",
        "ـ",
        "\u{200F}",
        "\u{200C}",
        "ﻻ",
        "ﷲ",
        "عنصراً",
        "نحو",
        "أكثر من",
        "فاصلة",
        "الحادي",
        "ة",
        "ى",
        "a",
        "Z",
        "😀",
        "\u{0301}",
        "\0",
    ]);
    prop::collection::vec(atoms, 0..40).prop_map(|v| v.concat())
}

fn check(text: &str) {
    let lex = TextLexicon::embedded().unwrap();
    let chars: Vec<char> = text.chars().collect();
    let k = key(text, KeyKind::Match);
    assert_eq!(k.text.chars().count(), k.offsets.len());
    assert!(k.offsets.iter().all(|&o| (o as usize) < chars.len()));
    let s = key(text, KeyKind::Search);
    assert_eq!(s.text.chars().count(), s.offsets.len());

    let tokens = tokenize(text);
    let mut last_end = 0;
    for t in &tokens {
        assert!(t.start < t.end && t.start >= last_end, "tokens are ordered and non-empty");
        assert_eq!(slice(&chars, t.start, t.end), t.text(text), "token offsets slice back");
        last_end = t.end;
    }
    let layer = analyze(text, lex);
    for q in &layer.quantities {
        assert!(q.start < q.end && q.end as usize <= chars.len());
        assert!(q.start <= q.number_start && q.number_end <= q.end);
        assert!(q.value.is_finite());
    }
    for s in &layer.sentences {
        assert!(s.start < s.end && s.end as usize <= chars.len());
    }
    for (t, seg) in tokens.iter().zip(segment_words(text, &tokens, lex)) {
        match seg {
            Some(seg) => {
                assert_eq!(t.kind, TokenKind::Word);
                let joined: String = seg.segments().iter().map(|g| slice(&chars, g.start, g.end)).collect();
                assert_eq!(joined, t.text(text), "clitic segments concatenate to the token");
                assert!(seg.segments().iter().all(|g| g.start < g.end));
            }
            None => assert_ne!(t.kind, TokenKind::Word),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_string(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn arabic_like_strings(text in arabicish()) {
        check(&text);
    }
}

#[test]
fn the_seed_article() {
    check(include_str!("../../../examples/khabar-2023-11-23.txt"));
}
