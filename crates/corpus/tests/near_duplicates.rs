//! Near-duplicate texts by MinHash and LSH.

mod common;

use common::*;
use isnad_corpus::near_duplicates;

fn doc(id: &str, published: &str, text: String) -> Doc {
    Doc::new(id, Some("Outlet"), published, Vec::new()).with_text(text)
}

/// `text` with word `i` replaced.
fn change_word(text: &str, i: usize, by: &str) -> String {
    let mut w: Vec<&str> = text.split(' ').collect();
    w[i] = by;
    w.join(" ")
}

#[test]
fn one_changed_word_in_two_hundred_is_a_copy() {
    let original = words(1, 200);
    let docs = vec![
        doc("a", "2023-11-05", original.clone()),
        doc("b", "2023-11-06", change_word(&original, 57, "مختلفة")),
        doc("c", "2023-11-06", words(2, 200)),
    ];
    assert_eq!(near_duplicates(&views(&docs), 0.6), [0, 0, 2]);
}

#[test]
fn copies_point_to_the_earliest_published_whatever_the_input_order() {
    let original = words(3, 200);
    let docs = vec![
        doc("late", "2023-11-09", change_word(&original, 10, "اخرى")),
        doc("copy", "2023-11-07", change_word(&original, 150, "ثانية")),
        doc("first", "2023-11-05", original.clone()),
        doc("other", "2023-11-04", words(4, 200)),
    ];
    assert_eq!(near_duplicates(&views(&docs), 0.6), [2, 2, 2, 3]);
}

#[test]
fn copies_of_copies_lead_to_the_original() {
    // b rewrites a fifth of a; c rewrites another fifth of b: c is close to b, less to a.
    let a = words(5, 200);
    let mut b = a.clone();
    for i in (0..200).step_by(25) {
        b = change_word(&b, i, "بدل");
    }
    let mut c = b.clone();
    for i in (12..200).step_by(25) {
        c = change_word(&c, i, "غير");
    }
    let docs = vec![doc("a", "2023-11-01", a), doc("b", "2023-11-02", b), doc("c", "2023-11-03", c)];
    assert_eq!(near_duplicates(&views(&docs), 0.5), [0, 0, 0]);
}

#[test]
fn spelling_variants_are_the_same_text() {
    let a = "قال مسؤول في السلطة المحلية إن قذيفة سقطت على سوق شعبي في المدينة صباح اليوم وأدت إلى إصابة عدد من المواطنين بجروح";
    let b = "قال مسؤولٌ في السلطه المحليه ان قذيفةً سقطت على سوق شعبي في المدينة صباح اليوم وادت الى اصابة عدد من المواطنين بجروح";
    let docs = vec![doc("a", "2023-11-01", a.into()), doc("b", "2023-11-01", b.into())];
    assert_eq!(near_duplicates(&views(&docs), 0.9), [0, 0]);
}

#[test]
fn distinct_texts_are_not_paired_and_empty_texts_are_alone() {
    let docs: Vec<Doc> = (0..50).map(|i| doc(&format!("d{i:02}"), "2023-11-01", words(100 + i, 150))).collect();
    let out = near_duplicates(&views(&docs), 0.6);
    assert_eq!(out, (0..50).collect::<Vec<_>>());
    let empty = vec![doc("a", "2023-11-01", String::new()), doc("b", "2023-11-01", String::new())];
    assert_eq!(near_duplicates(&views(&empty), 0.6), [0, 1]);
}

#[test]
fn half_shared_texts_are_not_copies() {
    // The second half differs: Jaccard of shingles about 1/3.
    let a = words(9, 200);
    let b = format!("{} {}", a.split(' ').take(100).collect::<Vec<_>>().join(" "), words(10, 100));
    let docs = vec![doc("a", "2023-11-01", a), doc("b", "2023-11-02", b)];
    assert_eq!(near_duplicates(&views(&docs), 0.6), [0, 1]);
    assert_eq!(near_duplicates(&views(&docs), 0.2), [0, 0]);
}

#[test]
fn two_thousand_documents() {
    // 1,000 originals and, for each, a copy with one word changed, published
    // later, all shuffled.
    let mut docs = Vec::new();
    for i in 0..1000u64 {
        let text = words(10_000 + i, 120);
        let day = 1 + (i % 28);
        let copy = change_word(&text, (i % 120) as usize, "تعديل");
        docs.push(doc(&format!("o{i:04}"), &format!("2023-10-{day:02}"), text));
        docs.push(doc(&format!("c{i:04}"), &format!("2023-11-{day:02}"), copy));
    }
    let mut rng = Rng(7);
    for i in (1..docs.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        docs.swap(i, j);
    }
    let out = near_duplicates(&views(&docs), 0.6);
    for (k, d) in docs.iter().enumerate() {
        let id = &d.meta.id;
        let expected = format!("o{}", &id[1..]);
        assert_eq!(docs[out[k]].meta.id, expected, "{id}");
    }
}
