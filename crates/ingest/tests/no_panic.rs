//! No input makes reading panic, whatever format it is read as; whatever
//! comes out keeps the documented shape.

use isnad_ingest::{read_bytes, Format, Options};
use proptest::prelude::*;

const FORMATS: [Option<Format>; 6] =
    [None, Some(Format::Text), Some(Format::Html), Some(Format::Feed), Some(Format::Json), Some(Format::Jsonl)];

fn check(bytes: &[u8], format: Option<Format>) {
    let opts = Options { format, max_bytes: 1 << 16, ..Options::default() };
    read_bytes("input", bytes, &opts, &mut |r| match r {
        Ok(item) => {
            assert!(item.name.starts_with("input"));
            // JSON records may have an empty text (with a note); nothing else may.
            let json = matches!(item.format, Format::Json | Format::Jsonl);
            assert!(!item.text.trim().is_empty() || (json && !item.meta.notes.is_empty()), "{item:?}");
            if let Some(p) = &item.meta.declared.published {
                assert!(isnad_schema::parse_published(p).is_ok(), "{p}");
            }
        }
        Err(e) => assert!(e.name.starts_with("input") && !e.message.is_empty()),
    });
}

/// Bytes that look a little like the formats, so the parsers get past their
/// first check.
fn markupish() -> impl Strategy<Value = Vec<u8>> {
    let pieces = prop::sample::select(vec![
        "<",
        ">",
        "</",
        "<p>",
        "<html>",
        "<body>",
        "<meta charset=windows-1256>",
        "<rss version=\"2.0\">",
        "<channel>",
        "<item>",
        "<title>",
        "</title>",
        "<description>",
        "<feed>",
        "<entry>",
        "<![CDATA[",
        "]]>",
        "&amp;",
        "&lt;",
        "{",
        "}",
        "[",
        "]",
        "\"text\":",
        "\"date\":",
        "\"",
        ",",
        ":",
        "\n",
        " ",
        "نص",
        "خبر",
        "2024-03-05",
        "31/12/2024",
        "\u{FEFF}",
        "<script type=\"application/ld+json\">",
        "\"@graph\":",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat().into_bytes())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        for f in FORMATS {
            check(&bytes, f);
        }
    }

    #[test]
    fn almost_valid_documents(bytes in markupish(), cut in 0usize..400, flip in any::<u8>()) {
        let mut bytes = bytes;
        if !bytes.is_empty() {
            let at = cut % bytes.len();
            bytes[at] ^= flip;
        }
        for f in FORMATS {
            check(&bytes, f);
        }
    }
}

#[test]
fn fixtures_cut_anywhere() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for name in ["cp1256.html", "jsonld.html", "feed.rss", "feed.atom", "corpus.jsonl", "articles.json"] {
        let bytes = std::fs::read(dir.join(name)).unwrap();
        for cut in (0..bytes.len()).step_by(37) {
            for f in FORMATS {
                check(&bytes[..cut], f);
            }
        }
    }
}
