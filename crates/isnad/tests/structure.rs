//! The workspace's structure rules (ARCHITECTURE.md, "Invariants"), checked over the source tree:
//!
//! * no non-test function is longer than [`MAX_FUNCTION_LINES`];
//! * language lives in `data/`: at most [`MAX_ARABIC_WORD_LITERALS`] string literals in non-test
//!   code hold an Arabic word (two or more Arabic letters; single letters such as the clitics
//!   و ب ل and folding tables are code).
//!
//! Test code is what follows a file's first `#[cfg(test)]` (test modules sit at the end of a
//! file) and everything under a `tests/` folder.

use std::path::{Path, PathBuf};

/// The longest a non-test function may be.
const MAX_FUNCTION_LINES: usize = 120;
/// The most string literals holding an Arabic word in non-test code.
const MAX_ARABIC_WORD_LITERALS: usize = 40;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every `.rs` file under `crates/*/src`, with its non-test part.
fn sources() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![workspace().join("crates")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let rel = path.strip_prefix(workspace()).unwrap().display().to_string();
            if path.is_dir() {
                let name = path.file_name().unwrap().to_string_lossy();
                if !matches!(name.as_ref(), "tests" | "examples" | "benches" | "target" | "ui" | "node_modules") {
                    stack.push(path);
                }
            } else if rel.ends_with(".rs") && rel.contains("/src/") {
                let text = std::fs::read_to_string(&path).unwrap();
                let code = match text.find("#[cfg(test)]") {
                    Some(i) => text[..i].to_string(),
                    None => text,
                };
                out.push((rel, code));
            }
        }
    }
    out.sort();
    out
}

/// String and char literals of `code` with their 1-based line; comments are skipped.
fn literals(code: &str) -> Vec<(usize, String)> {
    let c: Vec<char> = code.chars().collect();
    let (mut i, mut line, mut out) = (0, 1, Vec::new());
    let newlines = |a: usize, b: usize| c[a..b.min(c.len())].iter().filter(|&&x| x == '\n').count();
    while i < c.len() {
        let rest = &c[i..];
        if rest[0] == '\n' {
            line += 1;
            i += 1;
        } else if rest.starts_with(&['/', '/']) {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if rest.starts_with(&['/', '*']) {
            let end =
                (i + 2..c.len().saturating_sub(1)).find(|&j| c[j] == '*' && c[j + 1] == '/').map_or(c.len(), |j| j + 2);
            line += newlines(i, end);
            i = end;
        } else if rest[0] == 'r'
            && (rest.get(1) == Some(&'"') || rest.get(1) == Some(&'#'))
            && (i == 0 || !c[i - 1].is_alphanumeric())
        {
            let hashes = rest[1..].iter().take_while(|&&x| x == '#').count();
            if rest.get(1 + hashes) != Some(&'"') {
                i += 1;
                continue;
            }
            let start = i + 2 + hashes;
            let end = (start..c.len())
                .find(|&j| c[j] == '"' && c[j + 1..].iter().take(hashes).filter(|&&x| x == '#').count() == hashes)
                .unwrap_or(c.len());
            out.push((line, c[start..end].iter().collect()));
            line += newlines(i, end);
            i = end + 1 + hashes;
        } else if rest[0] == '"' {
            let mut j = i + 1;
            while j < c.len() && c[j] != '"' {
                j += if c[j] == '\\' { 2 } else { 1 };
            }
            out.push((line, c[i + 1..j.min(c.len())].iter().collect()));
            line += newlines(i, j);
            i = j + 1;
        } else if rest[0] == '\'' && rest.len() >= 3 && rest[1] != '\\' && rest[2] == '\'' {
            out.push((line, rest[1].to_string()));
            i += 3;
        } else {
            i += 1;
        }
    }
    out
}

fn arabic_letters(s: &str) -> usize {
    s.chars().filter(|c| matches!(*c as u32, 0x0621..=0x064A | 0x0671..=0x06D3)).count()
}

/// `(name, first line, length in lines)` of every function with a body, by brace depth.
fn functions(code: &str) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = code.lines().collect();
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let t = l.trim_start();
        let Some(at) = t.find("fn ") else { continue };
        let before = &t[..at];
        let is_item = before
            .split_whitespace()
            .all(|w| matches!(w, "pub" | "const" | "async" | "unsafe" | "extern" | "\"C\"") || w.starts_with("pub("));
        if !is_item || t.starts_with("//") {
            continue;
        }
        let name: String = t[at + 3..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        let (mut depth, mut opened) = (0i64, false);
        for (j, body) in lines.iter().enumerate().skip(i) {
            let code_part = strip_strings(body.split("//").next().unwrap_or(""));
            depth += code_part.matches('{').count() as i64 - code_part.matches('}').count() as i64;
            opened |= code_part.contains('{');
            if opened && depth <= 0 {
                out.push((name.clone(), i + 1, j - i + 1));
                break;
            }
            if !opened && code_part.trim_end().ends_with(';') {
                break;
            }
        }
    }
    out
}

/// The line without the contents of its string and char literals (so braces in them don't count).
fn strip_strings(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars().peekable();
    let mut in_str = false;
    while let Some(ch) = chars.next() {
        match (in_str, ch) {
            (true, '\\') => {
                chars.next();
            }
            (true, '"') => in_str = false,
            (true, _) => {}
            (false, '"') => in_str = true,
            (false, '\'') => {
                // A char literal: skip it whole; a lifetime: keep going.
                let ahead: Vec<char> = chars.clone().take(3).collect();
                if ahead.len() >= 2 && ahead[0] == '\\' {
                    chars.nth(2);
                } else if ahead.len() >= 2 && ahead[1] == '\'' {
                    chars.nth(1);
                }
            }
            (false, c) => out.push(c),
        }
    }
    out
}

#[test]
fn no_function_outside_tests_is_longer_than_the_limit() {
    let long: Vec<String> = sources()
        .iter()
        .flat_map(|(file, code)| {
            functions(code)
                .into_iter()
                .filter(|f| f.2 > MAX_FUNCTION_LINES)
                .map(move |(name, line, len)| format!("{file}:{line} {name}: {len} lines"))
        })
        .collect();
    assert!(long.is_empty(), "functions over {MAX_FUNCTION_LINES} lines:\n{}", long.join("\n"));
}

#[test]
fn arabic_words_live_in_data_files_not_in_code() {
    let found: Vec<String> = sources()
        .iter()
        .flat_map(|(file, code)| {
            literals(code)
                .into_iter()
                .filter(|(_, lit)| arabic_letters(lit) >= 2)
                .map(move |(line, lit)| format!("{file}:{line} {lit:?}"))
        })
        .collect();
    assert!(
        found.len() <= MAX_ARABIC_WORD_LITERALS,
        "{} string literals hold Arabic words (at most {MAX_ARABIC_WORD_LITERALS}): move them to data/\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn the_scanner_finds_long_functions_and_arabic_literals() {
    let body = "    let x = 1;\n".repeat(130);
    let code = format!("/// doc\npub fn long() {{\n{body}}}\nfn short() {{ let s = \"{{\"; }}\n");
    let fns = functions(&code);
    assert_eq!(fns[0], ("long".to_string(), 2, 132));
    assert_eq!(fns[1], ("short".to_string(), 134, 1));
    let lits = literals("// \"قيل\" in a comment\nlet a = \"قالت\";\nlet b = 'و';\nlet c = r#\"مصادر\"#;\n");
    let words: Vec<&str> = lits.iter().filter(|(_, l)| arabic_letters(l) >= 2).map(|(_, l)| l.as_str()).collect();
    assert_eq!(words, ["قالت", "مصادر"]);
    assert_eq!(lits.iter().map(|(n, _)| *n).collect::<Vec<_>>(), [2, 3, 4]);
}
