//! Reading the fixtures: every format, encodings, errors, directories.

use std::path::{Path, PathBuf};

use isnad_ingest::{read_bytes, read_path, Format, Item, ItemError, Options};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn collect_path(path: &Path, opts: &Options) -> (Vec<Item>, Vec<ItemError>) {
    let (mut items, mut errors) = (Vec::new(), Vec::new());
    read_path(path, opts, &mut |r| match r {
        Ok(i) => items.push(i),
        Err(e) => errors.push(e),
    });
    (items, errors)
}

fn read(name: &str) -> (Vec<Item>, Vec<ItemError>) {
    collect_path(&fixture(name), &Options::default())
}

fn one(name: &str) -> Item {
    let (mut items, errors) = read(name);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(items.len(), 1);
    items.remove(0)
}

fn bytes_items(name: &str, bytes: &[u8], opts: &Options) -> (Vec<Item>, Vec<ItemError>) {
    let (mut items, mut errors) = (Vec::new(), Vec::new());
    read_bytes(name, bytes, opts, &mut |r| match r {
        Ok(i) => items.push(i),
        Err(e) => errors.push(e),
    });
    (items, errors)
}

#[test]
fn windows_1256_page_with_meta_charset() {
    let item = one("cp1256.html");
    assert_eq!(item.format, Format::Html);
    assert!(item.name.ends_with("cp1256.html"));
    assert_eq!(item.meta.declared.title.as_deref(), Some("افتتاح جسر جديد فوق الوادي"));
    assert_eq!(item.meta.declared.source.as_deref(), Some("صحيفة الوادي"));
    assert_eq!(item.meta.declared.published.as_deref(), Some("2023-05-14T09:30:00+03:00"));
    assert_eq!(item.meta.declared.url.as_deref(), Some("http://wadi.example/news/bridge"));
    assert_eq!(item.meta.language.as_deref(), Some("ar"));
    assert_eq!(item.meta.encoding.as_deref(), Some("windows-1256"));
    // Declared, not guessed: no note.
    assert!(item.meta.notes.is_empty(), "{:?}", item.meta.notes);
    assert!(item.text.contains("افتتحت السلطات المحلية صباح الأحد جسراً جديداً يربط ضفتي الوادي"), "{}", item.text);
    assert!(item.text.contains("بلغت مليوني دينار"));
    // Paragraphs stay apart, one per line.
    let lines: Vec<&str> = item.text.lines().collect();
    assert!(lines.iter().any(|l| l.starts_with("وقال رئيس المجلس البلدي")), "{lines:?}");
    assert!(!item.text.contains('\u{FFFD}'));
    assert!(!item.text.contains("رياضة"), "menu kept: {}", item.text);
}

#[test]
fn undeclared_windows_1256_is_guessed_and_said() {
    let raw = std::fs::read(fixture("cp1256.html")).unwrap();
    // Same page with its declaration removed.
    let decl = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\">";
    let pos = raw.windows(decl.len()).position(|w| w == decl).unwrap();
    let mut bare = raw[..pos].to_vec();
    bare.extend_from_slice(&raw[pos + decl.len()..]);
    let (items, errors) = bytes_items("page", &bare, &Options::default());
    assert!(errors.is_empty());
    let item = &items[0];
    assert_eq!(item.format, Format::Html);
    assert_eq!(item.meta.encoding.as_deref(), Some("windows-1256"));
    assert!(item.meta.notes.iter().any(|n| n.contains("guessed")), "{:?}", item.meta.notes);
    assert_eq!(item.meta.declared.title.as_deref(), Some("افتتاح جسر جديد فوق الوادي"));
}

#[test]
fn json_ld_news_article() {
    let item = one("jsonld.html");
    assert_eq!(item.meta.declared.title.as_deref(), Some("أمطار غزيرة تغلق طرقاً في المنطقة الشرقية"));
    assert_eq!(item.meta.declared.published.as_deref(), Some("2024-01-09T07:15:00+03:00"));
    assert_eq!(item.meta.declared.source.as_deref(), Some("شبكة السهل الإخبارية"));
    assert_eq!(item.meta.declared.url.as_deref(), Some("http://sahl.example/2024/01/rain"));
    assert_eq!(item.meta.language.as_deref(), Some("ar"));
    assert_eq!(item.meta.encoding, None);
    assert!(item.text.contains("تلقت أكثر من أربعين بلاغاً"));
    assert!(!item.text.contains("@graph") && !item.text.contains("schema.org"), "{}", item.text);
}

#[test]
fn broken_html_still_gives_text() {
    let item = one("broken.html");
    assert!(item.text.contains("بدأ موسم قطف الزيتون مبكراً"), "{}", item.text);
    assert!(item.text.contains("الإنتاج سيتراجع بنحو الربع مقارنة"), "{}", item.text);
    assert!(item.text.contains("توفير معاصر إضافية"), "{}", item.text);
    assert!(!item.text.contains('<'));
}

#[test]
fn boilerplate_is_left_out() {
    let item = one("boilerplate.html");
    let t = &item.text;
    for kept in ["عاد عشرات الصيادين صباح الخميس", "وطالبت بتعويض الأسر", "ستمدد ساعات العمل في سوق الجملة"]
    {
        assert!(t.contains(kept), "missing {kept:?} in {t}");
    }
    for dropped in ["اتصل بنا", "الأكثر قراءة", "رابط جانبي", "تعليق قصير من قارئ", "جميع الحقوق محفوظة", "شعار الموقع"]
    {
        assert!(!t.contains(dropped), "kept {dropped:?} in {t}");
    }
    assert!(t.lines().count() >= 4, "{t}");
    assert_eq!(item.meta.declared.published.as_deref(), Some("2022-11-03"));
    assert_eq!(item.meta.declared.title.as_deref(), Some("عودة الصيادين إلى الميناء"));
    assert_eq!(item.meta.declared.source.as_deref(), Some("أخبار الساحل"));
    assert_eq!(item.meta.language.as_deref(), Some("ar"));
}

#[test]
fn rss_two_items() {
    let (items, errors) = read("feed.rss");
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(items.len(), 2);
    let (a, b) = (&items[0], &items[1]);
    assert!(a.name.ends_with("feed.rss#1") && b.name.ends_with("feed.rss#2"));
    assert_eq!(a.format, Format::Feed);
    assert_eq!(a.meta.declared.title.as_deref(), Some("افتتاح مكتبة عامة في الحي الشمالي"));
    assert_eq!(a.meta.declared.url.as_deref(), Some("http://madina.example/library"));
    assert_eq!(a.meta.declared.id.as_deref(), Some("madina-1001"));
    assert_eq!(a.meta.declared.source.as_deref(), Some("نشرة المدينة"));
    assert_eq!(a.meta.language.as_deref(), Some("ar"));
    // The offset written in the feed is kept (the local date matters).
    assert_eq!(a.meta.declared.published.as_deref(), Some("2024-03-04T08:00:00+03:00"));
    // content:encoded wins over the description, as plain text.
    assert_eq!(a.text, "افتتحت البلدية مكتبة عامة تضم خمسة آلاف كتاب.\nوستفتح المكتبة أبوابها يومياً حتى التاسعة مساء.");
    assert_eq!(b.meta.declared.published.as_deref(), Some("2024-03-05T14:30:00Z"));
    assert_eq!(b.meta.declared.id, None);
    // The description is HTML: entities are decoded once, never parsed again.
    assert_eq!(b.text, "تنقطع المياه يوم الأربعاء عن ثلاثة أحياء بسبب أعمال صيانة في الخط الرئيسي & المضخات.");
}

#[test]
fn atom_two_entries() {
    let (items, errors) = read("feed.atom");
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(items.len(), 2);
    let (a, b) = (&items[0], &items[1]);
    assert_eq!(a.meta.declared.title.as_deref(), Some("رحلة إلى الواحة"));
    assert_eq!(a.meta.declared.url.as_deref(), Some("http://rahhala.example/oasis"));
    assert_eq!(a.meta.declared.published.as_deref(), Some("2024-06-01T18:45:00+03:00"));
    assert_eq!(a.meta.declared.source.as_deref(), Some("مدونة الرحالة"));
    assert_eq!(a.meta.declared.id.as_deref(), Some("urn:example:rahhala:1"));
    assert_eq!(a.text, "وصلنا إلى الواحة قبل الغروب.\nكانت النخيل تحيط بالعين من كل جانب.");
    // No published date: the update date stands in.
    assert_eq!(b.meta.declared.published.as_deref(), Some("2024-06-02T11:00:00Z"));
    assert_eq!(b.text, "نمنا تحت النجوم وكان البرد شديداً قبل الفجر.");
    assert_eq!(b.meta.language.as_deref(), Some("ar"));
}

#[test]
fn invalid_feed_is_one_error_naming_the_file() {
    let (items, errors) = read("invalid.xml");
    assert!(items.is_empty());
    assert_eq!(errors.len(), 1);
    let e = &errors[0];
    assert!(e.name.ends_with("invalid.xml"));
    assert!(e.message.starts_with("invalid feed XML at line 5:"), "{e}");
    assert!(e.to_string().starts_with(&format!("{}: invalid feed XML", e.name)));
}

#[test]
fn jsonl_bad_line_does_not_stop_the_file() {
    let (items, errors) = read("corpus.jsonl");
    assert_eq!(items.len(), 2, "{errors:?}");
    assert_eq!(errors.len(), 1);
    assert!(errors[0].name.ends_with("corpus.jsonl:2"), "{}", errors[0]);
    assert!(errors[0].message.contains("invalid JSON"), "{}", errors[0]);
    let (a, c) = (&items[0], &items[1]);
    assert!(a.name.ends_with("corpus.jsonl:1") && c.name.ends_with("corpus.jsonl:3"));
    assert_eq!(a.format, Format::Jsonl);
    assert_eq!(a.meta.declared.id.as_deref(), Some("1"));
    assert_eq!(a.meta.declared.published.as_deref(), Some("2021-07-01"));
    assert_eq!(a.meta.declared.source.as_deref(), Some("وكالة أ"));
    assert_eq!(a.text, "نص الخبر الأول عن افتتاح سوق جديد.");
    assert_eq!(c.meta.declared.id.as_deref(), Some("n-3"));
    assert_eq!(c.meta.declared.title.as_deref(), Some("الخبر الثالث"));
    assert_eq!(c.meta.declared.source.as_deref(), Some("إذاعة ب"));
    assert_eq!(c.meta.declared.published.as_deref(), Some("2021-07-01T10:00:00+02:00"));
}

#[test]
fn json_array_with_other_field_names() {
    let (items, errors) = read("articles.json");
    assert_eq!(items.len(), 2);
    assert_eq!(errors.len(), 1);
    assert!(errors[0].name.ends_with("articles.json#3"));
    assert!(errors[0].message.starts_with("no text field"), "{}", errors[0]);
    let (a, b) = (&items[0], &items[1]);
    assert!(a.name.ends_with("articles.json#1"));
    assert_eq!(a.format, Format::Json);
    assert_eq!(a.meta.declared.title.as_deref(), Some("خبر بتاريخ واضح"));
    assert_eq!(a.meta.declared.published.as_deref(), Some("2024-03-25"));
    assert_eq!(a.meta.declared.source.as_deref(), Some("موقع ج"));
    assert_eq!(a.meta.declared.url.as_deref(), Some("http://j.example/1"));
    assert_eq!(a.meta.language.as_deref(), Some("ar"));
    assert_eq!(a.text, "نص أول داخل مصفوفة.");
    // 03/04/2024 could be March or April: dropped, with a note.
    assert_eq!(b.meta.declared.published, None);
    assert!(b.meta.notes[0].contains("ambiguous"), "{:?}", b.meta.notes);
}

#[test]
fn binary_file_is_refused() {
    let (items, errors) = read("blob");
    assert!(items.is_empty());
    assert_eq!(errors.len(), 1);
    assert!(errors[0].message.contains("binary content (NUL byte at byte offset 8)"), "{}", errors[0]);
}

#[test]
fn directory_recursion_is_sorted_and_skips_hidden_and_unknown() {
    let (items, errors) = read("dir");
    assert!(errors.is_empty(), "{errors:?}");
    let names: Vec<String> = items
        .iter()
        .map(|i| i.name.strip_prefix(fixture("dir").to_str().unwrap()).unwrap().replace('\\', "/"))
        .collect();
    assert_eq!(names, ["/a/inner.json", "/b.txt", "/z"]);
    assert_eq!(items[0].format, Format::Json);
    assert_eq!(items[0].meta.declared.title.as_deref(), Some("داخلي"));
    assert_eq!(items[1].text, "نص الملف ب.\n");
    assert_eq!(items[2].format, Format::Text);
}

#[test]
fn stdin_name_and_sniffing_from_bytes() {
    let opts = Options::default();
    let (items, _) = bytes_items("-", "\u{FEFF}خبر عاجل من المدينة\n".as_bytes(), &opts);
    assert_eq!(items[0].name, "-");
    assert_eq!(items[0].format, Format::Text);
    assert_eq!(items[0].text, "خبر عاجل من المدينة\n");

    let html = std::fs::read(fixture("jsonld.html")).unwrap();
    let (items, _) = bytes_items("-", &html, &opts);
    assert_eq!(items[0].format, Format::Html);
    let rss = std::fs::read(fixture("feed.rss")).unwrap();
    let (items, _) = bytes_items("-", &rss, &opts);
    assert_eq!((items.len(), items[1].name.as_str()), (2, "-#2"));
    let (items, _) = bytes_items("-", b"{\"text\":\"a\"}\n{\"text\":\"b\"}\n", &opts);
    assert_eq!(items.iter().map(|i| i.name.as_str()).collect::<Vec<_>>(), ["-:1", "-:2"]);
}

#[test]
fn format_hint_overrides_detection() {
    let opts = Options { format: Some(Format::Text), ..Options::default() };
    let (items, _) = bytes_items("page.html", b"<p>kept as text</p>", &opts);
    assert_eq!(items[0].format, Format::Text);
    assert_eq!(items[0].text, "<p>kept as text</p>");
}

#[test]
fn html_in_plain_text_and_json_is_never_parsed() {
    let (items, _) =
        bytes_items("x.jsonl", "{\"text\": \"<script>alert(1)</script> نص\"}".as_bytes(), &Options::default());
    assert_eq!(items[0].text, "<script>alert(1)</script> نص");
    // In HTML, escaped markup comes out as text once.
    let page = "<html><body><p>يقول &lt;b&gt;هذا&lt;/b&gt; نص</p></body></html>";
    let (items, _) = bytes_items("x.html", page.as_bytes(), &Options::default());
    assert_eq!(items[0].text, "يقول <b>هذا</b> نص");
}

#[test]
fn size_limit_names_the_file() {
    let opts = Options { max_bytes: 100, ..Options::default() };
    let (items, errors) = collect_path(&fixture("boilerplate.html"), &opts);
    assert!(items.is_empty());
    assert!(errors[0].name.ends_with("boilerplate.html"));
    assert_eq!(errors[0].message, "larger than the 100 bytes limit");
    // JSON Lines are limited per line: short lines pass, the long one fails.
    let opts = Options { max_bytes: 200, ..Options::default() };
    let (items, errors) = collect_path(&fixture("corpus.jsonl"), &opts);
    assert_eq!(items.len(), 1, "{errors:?}");
    assert!(errors.iter().any(|e| e.name.ends_with(":3") && e.message.contains("limit")), "{errors:?}");
}

#[test]
fn empty_and_missing_inputs() {
    let (_, errors) = bytes_items("-", b"  \n", &Options::default());
    assert_eq!(errors[0].to_string(), "-: empty: no text");
    let page = b"<html><head><title>t</title><style>p{}</style></head><body><script>var a = 1;</script> </body></html>";
    let (_, errors) = bytes_items("x.html", page, &Options::default());
    assert_eq!(errors[0].message, "no text content in the HTML");
    let (_, errors) = read("no-such-file.txt");
    assert!(errors[0].message.starts_with("cannot open"));
    let (_, errors) = bytes_items("x.txt", b"ok \xff\xfe", &Options::default());
    assert_eq!(errors[0].message, "invalid UTF-8 at byte offset 3");
}

#[test]
fn network_is_off_by_default() {
    let (_, errors) = read_url_default("http://127.0.0.1:9/x");
    assert!(errors[0].message.contains("network access is off"), "{}", errors[0]);
}

fn read_url_default(url: &str) -> (Vec<Item>, Vec<ItemError>) {
    collect_path(Path::new(url), &Options::default())
}
