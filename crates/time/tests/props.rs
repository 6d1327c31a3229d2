//! Robustness: finding times never panics and every span slices back to its text.

use isnad_time::{Anchor, TimeExpr, TimeOptions, Times};

/// The time expressions of `text` with the embedded data.
fn find_times(text: &str, toks: &[isnad_text::Token], a: Option<&Anchor>, opts: &TimeOptions) -> Vec<TimeExpr> {
    Times::embedded().expect("the embedded data loads").find(text, toks, a, opts)
}
use proptest::prelude::*;

/// Time words, digits and glue, mixed at random.
const PIECES: &[&str] = &[
    "الخميس",
    "يوم",
    "اليوم",
    "أمس",
    "غدا",
    "الماضي",
    "المقبل",
    "الجاري",
    "الأخير",
    "نوفمبر",
    "تشرين",
    "الثاني",
    "الأول",
    "فبراير",
    "آب",
    "مارس",
    "رمضان",
    "ذو",
    "الحجة",
    "شهر",
    "الشهر",
    "الأسبوع",
    "العام",
    "عام",
    "سنة",
    "أيام",
    "يوما",
    "شهرين",
    "اليومين",
    "الماضيين",
    "إلى",
    "على",
    "ساعة",
    "الساعة",
    "الثالثة",
    "عشرة",
    "الحادية",
    "عشر",
    "وربع",
    "إلا",
    "ثلث",
    "صباحا",
    "مساء",
    "ليلة",
    "من",
    "إلى",
    "حتى",
    "بين",
    "و",
    "في",
    "منذ",
    "قبل",
    "بعد",
    "خلال",
    "لمدة",
    "كل",
    "مطلع",
    "منتصف",
    "نهاية",
    "أواخر",
    "عيد",
    "الفطر",
    "الأضحى",
    "هـ",
    "م",
    "بتوقيت",
    "غرينتش",
    "الموافق",
    "هذا",
    "ذلك",
    "آخر",
    "أول",
    "كامل",
    "يومي",
    "عامي",
    "الـ",
    "0",
    "1",
    "7",
    "13",
    "14",
    "23",
    "29",
    "31",
    "32",
    "99",
    "2023",
    "1445",
    "99999",
    "٢٣",
    "۱۴",
    "/",
    "-",
    ":",
    "،",
    ".",
    "(",
    ")",
    " ",
    "\n",
    "\u{064B}",
    "\u{0640}",
    "\u{200F}",
];

fn check(text: &str) {
    let toks = isnad_text::tokenize(text);
    let chars: Vec<char> = text.chars().collect();
    for anchor in [None, Some("2023-11-23"), Some("2013-02-12T04:30:00-02:00")] {
        let a = anchor.map(|a| Anchor::parse(a).unwrap());
        for prefer_future in [false, true] {
            for e in find_times(text, &toks, a.as_ref(), &TimeOptions { prefer_future }) {
                assert!(e.start < e.end && (e.end as usize) <= chars.len(), "{e:?} in {text:?}");
                let span: String = chars[e.start as usize..e.end as usize].iter().collect();
                assert_eq!(span, e.text, "in {text:?}");
                assert_eq!(e.from.is_some(), e.to.is_some());
                assert_eq!(e.from.is_some(), e.precision.is_some());
                if let (Some(f), Some(t)) = (&e.from, &e.to) {
                    assert!(f < t || f.len() != t.len(), "{e:?}");
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_arbitrary_strings(text in "\\PC{0,60}") {
        check(&text);
    }

    #[test]
    fn never_panics_on_arabic_and_digits(text in "[\u{0600}-\u{06FF}0-9 /:\\-.،]{0,50}") {
        check(&text);
    }

    #[test]
    fn never_panics_on_mixed_time_words(idx in prop::collection::vec(0..PIECES.len(), 0..16), spaces in prop::collection::vec(any::<bool>(), 16)) {
        let mut text = String::new();
        for (k, i) in idx.iter().enumerate() {
            text.push_str(PIECES[*i]);
            if spaces[k] {
                text.push(' ');
            }
        }
        check(&text);
    }
}
