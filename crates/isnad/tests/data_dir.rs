//! `--data DIR`: every data file the analysis reads comes from DIR, and a malformed one stops
//! start-up with its path and line; nothing falls back to the embedded copy.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Files under `data/` that `isnad analyze` does not read: the store's search shadow, the corpus
/// merge, the gazetteer's build inputs, the basemap and documentation. (`countries.tsv`, once
/// export-only, gives entity linking the alpha-2 → alpha-3 codes.)
const NOT_READ_BY_ANALYSIS: &[&str] =
    &["corpus/origin_words.tsv", "search/suffixes.txt", "places/generic_names.txt", "places/build_preambles.txt"];

/// A line no loader accepts: too many columns for any table, and more than one word for a list.
const BROKEN: &str =
    "broken line\twith\ttoo\tmany\tcolumns\tfor\tany\ttable\tof\tthe\tdata\tfiles\there\tx\ty\tz\tw\tv\tu\tt\n";

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

/// Every data file, as a path relative to `data/`.
fn data_files(dir: &Path, rel: &str, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir.join(rel)).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let rel = if rel.is_empty() { name } else { format!("{rel}/{name}") };
        if path.is_dir() {
            data_files(dir, &rel, out);
        } else if [".tsv", ".txt", ".model"].iter().any(|e| rel.ends_with(e)) {
            out.push(rel);
        }
    }
}

fn analyze_with(data: &Path) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_isnad"))
        .args(["--data", data.to_str().unwrap(), "analyze", "--compact", "--published", "2023-11-23", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    let _ = child.stdin.take().unwrap().write_all("قتل 3 مدنيين أمس في صنعاء بقصف لجماعة الحوثيين.".as_bytes());
    child.wait_with_output().unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("isnad-data-dir-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&data_dir(), &dir);
    dir
}

#[test]
fn an_intact_copy_gives_the_embedded_result() {
    let dir = scratch("intact");
    let copied = analyze_with(&dir);
    let embedded = Command::new(env!("CARGO_BIN_EXE_isnad"))
        .args(["analyze", "--compact", "--published", "2023-11-23", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            c.stdin.take().unwrap().write_all("قتل 3 مدنيين أمس في صنعاء بقصف لجماعة الحوثيين.".as_bytes())?;
            c.wait_with_output()
        })
        .unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(copied.status.success(), "{}", String::from_utf8_lossy(&copied.stderr));
    assert_eq!(copied.stdout, embedded.stdout);
    assert!(!copied.stdout.is_empty());
}

#[test]
fn every_file_the_analysis_reads_comes_from_the_data_dir_and_a_broken_line_names_it() {
    let dir = scratch("broken");
    let mut files = Vec::new();
    data_files(&dir, "", &mut files);
    files.sort();
    let mut problems = Vec::new();
    for rel in &files {
        let path = dir.join(rel);
        let original = std::fs::read(&path).unwrap();
        let line = String::from_utf8_lossy(&original).lines().count() + 1;
        let mut broken = original.clone();
        if !broken.ends_with(b"\n") {
            broken.push(b'\n');
        }
        broken.extend_from_slice(BROKEN.as_bytes());
        std::fs::write(&path, &broken).unwrap();
        let out = analyze_with(&dir);
        std::fs::write(&path, &original).unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        let read = !NOT_READ_BY_ANALYSIS.contains(&rel.as_str());
        let named = stderr.contains(&format!("{}:{line}:", path.display()));
        match (read, out.status.success()) {
            (true, true) => problems.push(format!("{rel}: a broken line was not noticed (embedded copy used?)")),
            (true, false) if !named || out.status.code() != Some(2) => {
                problems.push(format!("{rel}: the error does not name {rel}:{line}: {stderr}"))
            }
            (false, false) => problems.push(format!("{rel}: listed as not read, but breaking it fails: {stderr}")),
            _ => {}
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(files.len() > 30, "{files:?}");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_missing_file_in_the_data_dir_is_an_error_naming_it() {
    let dir = scratch("missing");
    std::fs::remove_file(dir.join("events/triggers.tsv")).unwrap();
    let out = analyze_with(&dir);
    std::fs::remove_dir_all(&dir).unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("events/triggers.tsv: cannot read"), "{stderr}");
}
