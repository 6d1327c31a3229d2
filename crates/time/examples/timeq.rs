//! Prints the time expressions of a text: `cargo run --example timeq -- [--future] [ANCHOR] TEXT`
//! (or the text on stdin).
use std::io::Read;

use isnad_time::{Anchor, TimeOptions, Times};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let prefer_future = if let Some(i) = args.iter().position(|a| a == "--future") {
        args.remove(i);
        true
    } else {
        false
    };
    let anchor = args.first().and_then(|a| Anchor::parse(a).ok());
    if anchor.is_some() {
        args.remove(0);
    }
    let text = if args.is_empty() {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s).expect("stdin");
        s
    } else {
        args.join(" ")
    };
    let tokens = isnad_text::tokenize(&text);
    let times = Times::embedded().unwrap_or_else(|e| panic!("{e}"));
    for e in times.find(&text, &tokens, anchor.as_ref(), &TimeOptions { prefer_future }) {
        println!("{}", serde_json::to_string(&e).expect("json"));
    }
}
