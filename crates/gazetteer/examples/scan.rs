//! Lists every one- to three-word span of a text that names a gazetteer
//! place, with its resolution in context (a diagnostic, not a tagger):
//! `cargo run -p isnad-gazetteer --example scan -- examples/khabar-2023-11-23.txt`.

use isnad_gazetteer::Gazetteer;

fn main() {
    let path = std::env::args().nth(1).expect("usage: scan <text file>");
    let text = std::fs::read_to_string(path).expect("readable text");
    let g = Gazetteer::embedded().expect("the embedded gazetteer loads");
    let toks = isnad_text::tokenize(&text);
    let words: Vec<&isnad_text::Token> = toks.iter().filter(|t| t.kind == isnad_text::TokenKind::Word).collect();
    let mut i = 0;
    while i < words.len() {
        let mut step = 1;
        for n in (1..=3).rev() {
            if i + n > words.len() {
                continue;
            }
            let (s, e) = (words[i].start as usize, words[i + n - 1].end as usize);
            let name: String = text.chars().skip(s).take(e - s).collect();
            let ctx = g.context_at(&text, s, e);
            if let Some(r) = g.resolve(&name, &ctx) {
                println!(
                    "{s}\t{name}\t{}\t{}\t{}\tp{}\t{:.1}\tcue={:?}",
                    r.place.id(),
                    r.place.name_en(),
                    r.place.level().as_str(),
                    r.precision,
                    r.score,
                    r.cue
                );
                step = n;
                break;
            }
        }
        i += step;
    }
}
