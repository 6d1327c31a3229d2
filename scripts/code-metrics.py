#!/usr/bin/env python3
"""Code metrics for the structure rules in ARCHITECTURE.md.

Counts, over non-test Rust code under crates/*/src (code after a `#[cfg(test)]`
module start is left out):
  * functions longer than a limit (default 120 lines), with file:line;
  * string and char literals that contain an Arabic word (two or more Arabic
    letters): language belongs in data/, not in code.

    python3 scripts/code-metrics.py [--max-fn 120] [--max-arabic 40] [--list]

Exits 1 when a limit is exceeded, so CI can hold the line.
"""
import argparse, pathlib, re, sys

ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
FN = re.compile(r"^\s*(pub(\([^)]*\))?\s+)?(const\s+)?(async\s+)?(unsafe\s+)?fn\s+(\w+)")
STR = re.compile(r'r#*"|"|\'(?:\\.|[^\\\'])\'')


def strip_tests(lines):
    """Lines before the first `#[cfg(test)]` (test modules sit at the end of a file)."""
    for i, l in enumerate(lines):
        if l.strip().startswith("#[cfg(test)]"):
            return lines[:i]
    return lines


def literals(src):
    """Yield (line, literal) for every string literal in `src` (comments skipped)."""
    i, n, line = 0, len(src), 1
    while i < n:
        c = src[i]
        if c == "\n":
            line += 1; i += 1; continue
        if src.startswith("//", i):
            j = src.find("\n", i); i = n if j < 0 else j; continue
        if src.startswith("/*", i):
            j = src.find("*/", i + 2); j = n if j < 0 else j + 2
            line += src.count("\n", i, j); i = j; continue
        m = re.match(r'b?r(#*)"', src[i:])
        if m:
            close = '"' + m.group(1)
            start = i + len(m.group(0)); j = src.find(close, start); j = n if j < 0 else j
            yield line, src[start:j]
            line += src.count("\n", i, j); i = j + len(close); continue
        if c == '"' and (i == 0 or src[i - 1] != "'"):
            j = i + 1
            while j < n and src[j] != '"':
                j += 2 if src[j] == "\\" else 1
            yield line, src[i + 1:j]
            line += src.count("\n", i, j); i = j + 1; continue
        if c == "'":
            m = re.match(r"'(\\.|[^\\'])'", src[i:])
            if m:
                yield line, m.group(1); i += len(m.group(0)); continue
        i += 1


def functions(lines):
    """Yield (name, start line, length) using brace depth from the `fn` line."""
    i = 0
    while i < len(lines):
        m = FN.match(lines[i])
        if not m:
            i += 1; continue
        depth, started, j = 0, False, i
        while j < len(lines):
            code = re.sub(r'"(\\.|[^"\\])*"', '""', lines[j].split("//")[0])
            code = re.sub(r"'(\\.|[^\\'])'", "''", code)
            depth += code.count("{") - code.count("}")
            if "{" in code:
                started = True
            if started and depth <= 0:
                break
            if not started and code.rstrip().endswith(";"):
                break
            j += 1
        if started:
            yield m.group(6), i + 1, j - i + 1
        i += 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--max-fn", type=int, default=120)
    ap.add_argument("--max-arabic", type=int, default=40)
    ap.add_argument("--list", action="store_true")
    a = ap.parse_args()
    root = pathlib.Path(__file__).resolve().parent.parent
    long_fns, arabic = [], []
    for path in sorted(root.glob("crates/*/src/**/*.rs")):
        rel = path.relative_to(root)
        if "tests" in rel.parts:
            continue
        lines = strip_tests(path.read_text(encoding="utf-8").split("\n"))
        for name, start, length in functions(lines):
            if length > a.max_fn:
                long_fns.append((length, f"{rel}:{start}", name))
        for line, lit in literals("\n".join(lines)):
            if len(LETTER.findall(lit)) >= 2:
                arabic.append((f"{rel}:{line}", lit))
    long_fns.sort(reverse=True)
    print(f"functions over {a.max_fn} lines: {len(long_fns)}")
    for length, at, name in long_fns:
        print(f"  {length:4} {at} {name}")
    print(f"Arabic word literals in non-test code: {len(arabic)} (limit {a.max_arabic})")
    if a.list:
        for at, lit in arabic:
            print(f"  {at} {lit!r}")
    else:
        by_file = {}
        for at, _ in arabic:
            by_file[at.rsplit(':', 1)[0]] = by_file.get(at.rsplit(':', 1)[0], 0) + 1
        for f, c in sorted(by_file.items(), key=lambda x: -x[1]):
            print(f"  {c:4} {f}")
    return 1 if long_fns or len(arabic) > a.max_arabic else 0


if __name__ == "__main__":
    sys.exit(main())
