#!/usr/bin/env python3
"""Prints a corpus article for coding: its metadata, then its text line by line with the
code-point offset of each line's first character. With --find, prints every occurrence of
a string with its [start, end) offsets instead.

Usage: python3 scripts/show-article.py ID [--find TEXT ...] [--corpus CORPUS]
"""
import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ap = argparse.ArgumentParser()
ap.add_argument("id")
ap.add_argument("--find", nargs="*")
ap.add_argument("--corpus", default=str(ROOT.parent / "shared/data/news/ant-multisource/articles.jsonl"))
a = ap.parse_args()
art = next((d for d in map(json.loads, open(a.corpus, encoding="utf-8")) if d["id"] == a.id), None)
if art is None:
    raise SystemExit(f"{a.id}: not in {a.corpus}")
text = art["text"]
if a.find:
    for needle in a.find:
        i = text.find(needle)
        if i < 0:
            print(f"{needle!r}: not found")
        while i >= 0:
            print(f"{needle!r}: [{i}, {i + len(needle)})")
            i = text.find(needle, i + 1)
else:
    print(f"id {art['id']}  source {art['source']}  category {art['category']}  published {art['published']}")
    print(f"title: {art['title']}")
    off = 0
    for line in text.split("\n"):
        if line.strip():
            print(f"[{off}] {line}")
        off += len(line) + 1
