//! HTML pages: main content (readability) and metadata (meta tags, JSON-LD).

use std::panic::{catch_unwind, AssertUnwindSafe};

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};
use serde_json::Value;

use crate::date;

/// Pages with more elements than this skip readability and keep the whole
/// body text (scoring is slow on huge trees).
const MAX_ELEMENTS: usize = 200_000;

/// Elements never part of the text when the whole body is taken.
const NOT_TEXT: &str = "script, style, noscript, template, iframe, svg, canvas, object, select, button, nav, header, \
                        footer, aside, form, menu";

/// What a page gives.
#[derive(Debug, Default)]
pub(crate) struct Page {
    pub text: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub language: Option<String>,
    pub notes: Vec<String>,
}

/// Markup nested deeper than this (estimated before parsing) is not parsed:
/// tree building slows down with depth, and no real page comes close.
const MAX_PARSE_DEPTH: usize = 4096;

/// Pages nested deeper than this skip readability (its scoring slows down
/// sharply with depth; real pages stay well below).
const MAX_READABILITY_DEPTH: usize = 256;

/// Extracts the main text and the metadata of a page.
pub(crate) fn extract(html: &str) -> Result<Page, String> {
    let mut page = Page::default();
    let depth = depth_estimate(html);
    if depth > MAX_PARSE_DEPTH {
        page.notes.push(format!("markup nested about {depth} levels deep: tags stripped without parsing"));
        page.text = strip_tags(html);
        return if page.text.is_empty() { Err("no text content in the HTML".into()) } else { Ok(page) };
    }
    let doc = Document::from(html);
    let ld = JsonLd::from_doc(&doc);
    metadata(&doc, &ld, &mut page);

    let elements = doc.root().descendants_it().filter(|n| n.is_element()).count();
    let depth = tree_depth(&doc);
    let text = if elements > MAX_ELEMENTS || depth > MAX_READABILITY_DEPTH {
        page.notes.push(format!(
            "{elements} elements nested {depth} levels deep: main-content extraction skipped, whole body text kept"
        ));
        body_text(html)
    } else {
        let cfg = Config { text_mode: TextMode::Formatted, ..Config::default() };
        let article = catch_unwind(AssertUnwindSafe(move || {
            Readability::with_document(doc, None, Some(cfg)).ok().and_then(|mut r| r.parse().ok())
        }))
        .ok()
        .flatten();
        match article.map(|a| clean_text(&a.text_content)) {
            Some(t) if !t.is_empty() => t,
            _ => {
                let from_ld = ld.article_body.as_deref().map(clean_text).filter(|t| !t.is_empty());
                match from_ld {
                    Some(t) => {
                        page.notes.push("text taken from the JSON-LD articleBody".into());
                        t
                    }
                    None => {
                        let t = body_text(html);
                        if !t.is_empty() {
                            page.notes.push("no main content found; whole body text kept".into());
                        }
                        t
                    }
                }
            }
        }
    };
    if text.is_empty() {
        return Err("no text content in the HTML".into());
    }
    page.text = text;
    Ok(page)
}

/// The text of an HTML fragment (feed content), one paragraph per line.
pub(crate) fn fragment_text(html: &str) -> String {
    if depth_estimate(html) > MAX_PARSE_DEPTH {
        return strip_tags(html);
    }
    let doc = Document::fragment(html);
    doc.select("script, style, noscript, template").remove();
    clean_text(&doc.formatted_text())
}

/// The whole body as text, without scripts and page furniture.
fn body_text(html: &str) -> String {
    let doc = Document::from(html);
    doc.select(NOT_TEXT).remove();
    match doc.select_single("body").nodes().first() {
        Some(body) => clean_text(&body.formatted_text()),
        None => clean_text(&doc.formatted_text()),
    }
}

/// Depth of the element tree, counted without recursion.
fn tree_depth(doc: &Document) -> usize {
    let mut max = 0;
    let mut stack = vec![(doc.root(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        max = max.max(depth);
        stack.extend(node.children_it(false).filter(|c| c.is_element()).map(|c| (c, depth + 1)));
    }
    max
}

/// Elements without an end tag, or whose end tag is usually left out: they
/// do not deepen the tree.
const SHALLOW: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "p",
    "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp", "thead", "tbody", "tfoot", "colgroup",
    "caption", "html", "head", "body",
];

/// An upper estimate of how deep markup nests, from the tags alone.
fn depth_estimate(html: &str) -> usize {
    let lower = html.to_ascii_lowercase();
    let b = lower.as_bytes();
    let (mut depth, mut max, mut i) = (0usize, 0usize, 0usize);
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        i += off + 1;
        match b.get(i) {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(c) if c.is_ascii_alphabetic() => {
                let end = b[i..].iter().position(|c| !c.is_ascii_alphanumeric()).map_or(b.len(), |e| i + e);
                let name = &lower[i..end];
                let close = b[end..].iter().position(|&c| c == b'>').map_or(b.len(), |e| end + e);
                if name == "script" || name == "style" {
                    // Raw text: skip to its end tag.
                    i = lower[close..].find(&format!("</{name}")).map_or(b.len(), |e| close + e);
                    continue;
                }
                let self_closing = close > end && b[close - 1] == b'/';
                if !self_closing && !SHALLOW.contains(&name) {
                    depth += 1;
                    max = max.max(depth);
                }
            }
            _ => {}
        }
    }
    max
}

/// Text of markup without parsing it: tags, scripts and styles removed,
/// the common entities decoded. For input too deep to parse.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let lower = html.to_ascii_lowercase();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        out.push_str(&html[i..i + off]);
        let start = i + off;
        let end = html[start..].find('>').map_or(html.len(), |e| start + e + 1);
        let tag = &lower[start..end];
        i = end;
        for raw in ["<script", "<style"] {
            if tag.starts_with(raw) {
                let close = format!("</{}", &raw[1..]);
                i = lower[i..].find(&close).map_or(html.len(), |e| i + e);
            }
        }
        if tag.starts_with("<p") || tag.starts_with("<br") || tag.starts_with("<div") || tag.starts_with("</p") {
            out.push('\n');
        } else {
            out.push(' ');
        }
    }
    out.push_str(&html[i..]);
    let decoded = out
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    clean_text(&decoded)
}

/// Collapses spaces inside lines, trims lines and drops empty ones.
pub(crate) fn clean_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.lines() {
        let mut words = line.split_whitespace().peekable();
        if words.peek().is_none() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        for (i, w) in words.enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
    out
}

/// Collapses all whitespace, for one-line values.
fn one_line(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// Lower-case primary language subtag (`ar-SA` → `ar`, `ar_AR` → `ar`).
pub(crate) fn language_tag(s: &str) -> Option<String> {
    let primary = s.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    ((2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_alphabetic())).then_some(primary)
}

/// Meta names, by the field they give, in order of trust.
const TITLE_KEYS: &[&str] = &["og:title", "twitter:title", "dc.title", "dcterms.title"];
const SITE_KEYS: &[&str] = &["og:site_name", "application-name", "dc.publisher", "dcterms.publisher"];
const URL_KEYS: &[&str] = &["og:url", "twitter:url"];
const DATE_KEYS_FIRST: &[&str] = &["article:published_time", "og:article:published_time", "datepublished"];
const DATE_KEYS_LATER: &[&str] = &[
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.issued",
    "dcterms.created",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "original-publish-date",
    "og:published_time",
];

fn metadata(doc: &Document, ld: &JsonLd, page: &mut Page) {
    // name/property/itemprop → content, first occurrence wins.
    let mut metas: Vec<(String, String)> = Vec::new();
    let mut content_language = None;
    for node in doc.select("meta").nodes() {
        let Some(content) = node.attr("content") else { continue };
        let content = content.trim().to_string();
        if content.is_empty() {
            continue;
        }
        if let Some(eq) = node.attr("http-equiv") {
            if eq.trim().eq_ignore_ascii_case("content-language") {
                content_language = Some(content.clone());
            }
        }
        for attr in ["property", "name", "itemprop"] {
            if let Some(key) = node.attr(attr) {
                let key = key.trim().to_ascii_lowercase();
                if !key.is_empty() && !metas.iter().any(|(k, _)| *k == key) {
                    metas.push((key, content.clone()));
                }
            }
        }
    }
    let meta = |keys: &[&str]| keys.iter().find_map(|k| metas.iter().find(|(mk, _)| mk == k).map(|(_, v)| v.clone()));

    let html_title = doc.select_single("title").nodes().first().and_then(|n| one_line(&n.text()));
    let h1 = || doc.select_single("h1").nodes().first().and_then(|n| one_line(&n.text()));
    page.source = meta(SITE_KEYS).and_then(|s| one_line(&s)).or_else(|| ld.publisher.clone());
    page.title = meta(&TITLE_KEYS[..1])
        .or_else(|| ld.headline.clone())
        .or_else(|| meta(&TITLE_KEYS[1..]))
        .and_then(|s| one_line(&s))
        .or_else(|| html_title.map(|t| strip_site_suffix(&t, page.source.as_deref())))
        .or_else(h1);

    let canonical = doc
        .select("link[rel]")
        .nodes()
        .iter()
        .find(|n| n.attr("rel").is_some_and(|r| r.split_whitespace().any(|w| w.eq_ignore_ascii_case("canonical"))))
        .and_then(|n| n.attr("href"))
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty());
    page.url = canonical.or_else(|| meta(URL_KEYS)).or_else(|| ld.url.clone());

    let mut dates: Vec<String> = Vec::new();
    dates.extend(meta(DATE_KEYS_FIRST));
    dates.extend(ld.published.clone());
    dates.extend(DATE_KEYS_LATER.iter().filter_map(|k| meta(&[k])));
    for node in doc.select("time[datetime]").nodes() {
        let marked = node.attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("datepublished"))
            || node.attr("pubdate").is_some();
        if marked {
            dates.extend(node.attr("datetime").map(|d| d.to_string()));
        }
    }
    let mut refused = Vec::new();
    for d in &dates {
        match date::normalize(d) {
            Ok(iso) => {
                page.published = Some(iso);
                refused.clear();
                break;
            }
            Err(_) => refused.push(d.clone()),
        }
    }
    if let Some(first) = refused.first() {
        page.notes.push(format!("publication date {first:?} not understood; dropped"));
    }

    let html_lang = doc.select_single("html").attr("lang").map(|l| l.to_string());
    page.language = html_lang
        .as_deref()
        .and_then(language_tag)
        .or_else(|| content_language.as_deref().and_then(language_tag))
        .or_else(|| meta(&["og:locale"]).as_deref().and_then(language_tag))
        .or_else(|| ld.language.as_deref().and_then(language_tag));
}

/// `Headline | Site` → `Headline` when the site name is known.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    if let Some(site) = site {
        for sep in [" | ", " - ", " – ", " — ", " :: ", " « ", " » "] {
            if let Some(head) = title.strip_suffix(site).and_then(|h| h.strip_suffix(sep)) {
                if !head.trim().is_empty() {
                    return head.trim().to_string();
                }
            }
        }
    }
    title.to_string()
}

/// What the JSON-LD blocks of a page say about its article.
#[derive(Debug, Default)]
struct JsonLd {
    headline: Option<String>,
    published: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
    language: Option<String>,
    article_body: Option<String>,
}

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "SatiricalArticle",
];

impl JsonLd {
    fn from_doc(doc: &Document) -> Self {
        let mut nodes: Vec<Value> = Vec::new();
        for script in doc.select("script[type]").nodes() {
            let is_ld = script.attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
            if !is_ld {
                continue;
            }
            if let Some(v) = parse_lenient(&script.text()) {
                flatten(v, &mut nodes, 0);
            }
        }
        let article = nodes.iter().find(|n| has_type(n, ARTICLE_TYPES));
        let Some(article) = article else {
            // No article: a WebSite or Organization still names the site.
            let publisher = nodes
                .iter()
                .find(|n| has_type(n, &["WebSite", "NewsMediaOrganization", "Organization"]))
                .and_then(name_of);
            return JsonLd { publisher, ..JsonLd::default() };
        };
        let field = |k: &str| article.get(k).and_then(first_string);
        let publisher = article.get("publisher").and_then(|p| resolve_name(p, &nodes)).or_else(|| {
            nodes.iter().find(|n| has_type(n, &["WebSite", "NewsMediaOrganization", "Organization"])).and_then(name_of)
        });
        let url =
            field("url").or_else(|| article.get("mainEntityOfPage").and_then(|m| first_string(m).or_else(|| id_of(m))));
        let language = article.get("inLanguage").and_then(|l| first_string(l).or_else(|| name_of(l)));
        JsonLd {
            headline: field("headline").or_else(|| field("name")).and_then(|s| one_line(&s)),
            published: field("datePublished").or_else(|| field("dateCreated")),
            publisher,
            url: url.filter(|u| u.starts_with("http")),
            language,
            article_body: field("articleBody"),
        }
    }
}

/// JSON-LD as found in pages: CDATA or comment wrappers, raw newlines in
/// strings, a trailing semicolon.
fn parse_lenient(raw: &str) -> Option<Value> {
    let mut s = raw.trim();
    for (open, close) in [("<![CDATA[", "]]>"), ("<!--", "-->"), ("//<![CDATA[", "//]]>")] {
        if let Some(inner) = s.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
            s = inner.trim();
        }
    }
    let s = s.trim_end_matches(';');
    serde_json::from_str(s).ok().or_else(|| {
        let flat: String = s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        serde_json::from_str(&flat).ok()
    })
}

/// Every node of a JSON-LD value: arrays and `@graph` are opened.
fn flatten(v: Value, out: &mut Vec<Value>, depth: usize) {
    if depth > 4 {
        return;
    }
    match v {
        Value::Array(items) => items.into_iter().for_each(|i| flatten(i, out, depth + 1)),
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten(graph, out, depth + 1);
            }
            if !map.is_empty() {
                out.push(Value::Object(map));
            }
        }
        _ => {}
    }
}

fn has_type(node: &Value, types: &[&str]) -> bool {
    let matches = |t: &str| {
        let t = t.rsplit(['/', ':', '#']).next().unwrap_or(t);
        types.contains(&t)
    };
    match node.get("@type") {
        Some(Value::String(t)) => matches(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(matches),
        _ => false,
    }
}

/// A string, or the first string of an array.
fn first_string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Array(items) => items.iter().find_map(first_string),
        _ => None,
    }
}

fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::Object(_) => v.get("name").and_then(first_string).and_then(|s| one_line(&s)),
        Value::Array(items) => items.iter().find_map(name_of),
        _ => None,
    }
}

fn id_of(v: &Value) -> Option<String> {
    v.get("@id").and_then(first_string)
}

/// A publisher: a name, an object with a name, or a reference (`@id`) to
/// another node of the page.
fn resolve_name(v: &Value, nodes: &[Value]) -> Option<String> {
    match v {
        Value::String(s) => one_line(s),
        Value::Array(items) => items.iter().find_map(|i| resolve_name(i, nodes)),
        Value::Object(_) => name_of(v).or_else(|| {
            let id = id_of(v)?;
            nodes.iter().find(|n| id_of(n).as_deref() == Some(id.as_str())).and_then(name_of)
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_keeps_paragraphs() {
        assert_eq!(clean_text("  a \t b \n\n\n  c\u{a0}d  \n \n"), "a b\nc d");
        assert_eq!(clean_text(""), "");
    }

    #[test]
    fn fragment_text_decodes_once() {
        assert_eq!(fragment_text("<p>سطر &amp; أول</p><p>&lt;b&gt;ثانٍ</p><script>x()</script>"), "سطر & أول\n<b>ثانٍ");
    }

    #[test]
    fn json_ld_graph_and_references() {
        let html = r#"<html><head><script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[
              {"@type":"Organization","@id":"https://example.org/#org","name":"وكالة المثال"},
              {"@type":["NewsArticle"],"headline":"عنوان الخبر","datePublished":"2024-02-03T08:00:00+03:00",
               "publisher":{"@id":"https://example.org/#org"},"mainEntityOfPage":{"@id":"https://example.org/a/1"},
               "inLanguage":"ar-YE"}]}
            </script></head><body></body></html>"#;
        let doc = Document::from(html);
        let ld = JsonLd::from_doc(&doc);
        assert_eq!(ld.headline.as_deref(), Some("عنوان الخبر"));
        assert_eq!(ld.publisher.as_deref(), Some("وكالة المثال"));
        assert_eq!(ld.url.as_deref(), Some("https://example.org/a/1"));
        assert_eq!(ld.published.as_deref(), Some("2024-02-03T08:00:00+03:00"));
        assert_eq!(ld.language.as_deref(), Some("ar-YE"));
    }

    #[test]
    fn json_ld_array_with_raw_newlines() {
        let html = "<script type=\"application/ld+json\">[{\"@type\":\"WebPage\"},{\"@type\":\"schema:Article\",\
                    \"headline\":\"سطر\nثان\",\"publisher\":\"الموقع\"}]</script>";
        let ld = JsonLd::from_doc(&Document::from(html));
        assert_eq!(ld.headline.as_deref(), Some("سطر ثان"));
        assert_eq!(ld.publisher.as_deref(), Some("الموقع"));
    }

    #[test]
    fn deep_markup_is_not_parsed() {
        assert_eq!(depth_estimate("<div><p>a<p>b<br><img src=x/><span>c</span></div>"), 2);
        assert_eq!(depth_estimate("<script>'<div><div><div>'</script><b>x</b>"), 1);
        let deep = format!("<html><body>{}نص &amp; عميق</body></html>", "<div>".repeat(50_000));
        let page = extract(&deep).unwrap();
        assert_eq!(page.text, "نص & عميق");
        assert!(page.notes[0].contains("without parsing"), "{:?}", page.notes);
        assert_eq!(strip_tags("<p>أ</p><script>x<y</script><style>b{}</style><p>ب"), "أ\nب");
        // Deep enough to slow readability, not to refuse parsing.
        let mid = format!("<html><body>{}<p>نص متوسط العمق</p></body></html>", "<div>".repeat(2000));
        let page = extract(&mid).unwrap();
        assert_eq!(page.text, "نص متوسط العمق");
        assert!(page.notes[0].contains("main-content extraction skipped"), "{:?}", page.notes);
    }

    #[test]
    fn site_suffix_and_language() {
        assert_eq!(strip_site_suffix("عنوان | الموقع", Some("الموقع")), "عنوان");
        assert_eq!(strip_site_suffix("الموقع", Some("الموقع")), "الموقع");
        assert_eq!(language_tag("ar_AR").as_deref(), Some("ar"));
        assert_eq!(language_tag("EN-gb").as_deref(), Some("en"));
        assert_eq!(language_tag("arabic"), None);
    }
}
