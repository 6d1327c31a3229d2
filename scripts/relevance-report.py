#!/usr/bin/env python3
"""Per-category event figures of `isnad analyze --compact` output over the multi-source corpus:
material-conflict (quad 4) events per article, and the share of events dated more than two
years before their article. With --half, only articles of that half of the corpus
(FNV-1a 64 of the id, even = the half `isnad train topic` trains on, odd = held out).

Usage: isnad analyze CORPUS --compact > OUT.jsonl; python3 scripts/relevance-report.py OUT.jsonl [CORPUS] [--half 0|1]
"""
import json
import sys
from collections import Counter
from datetime import date

def fnv1a(b):
    h = 0xCBF29CE484222325
    for x in b:
        h = ((h ^ x) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


args = [a for a in sys.argv[1:] if not a.startswith("--")]
half = int(sys.argv[sys.argv.index("--half") + 1]) if "--half" in sys.argv else None
if half is not None:
    args = [a for a in args if a != str(half)]
out = args[0]
corpus = args[1] if len(args) > 1 else "../shared/data/news/ant-multisource/articles.jsonl"
cat = {}
for line in open(corpus, encoding="utf-8"):
    a = json.loads(line)
    cat[a["id"]] = a["category"]
arts, quad4, dropped, events, old = Counter(), Counter(), Counter(), 0, 0
for line in open(out, encoding="utf-8"):
    d = json.loads(line)
    doc = d.get("document", d)
    did = doc.get("id")
    if half is not None and fnv1a(did.encode()) % 2 != half:
        continue
    c = cat.get(did, "?")
    arts[c] += 1
    rel = d.get("relevance") or {}
    dropped[c] += rel.get("reported") is False
    pub = (doc.get("published") or "")[:10]
    for e in d.get("events", []):
        events += 1
        quad4[c] += e.get("quad") == 4
        f = (e.get("time") or {}).get("from")
        if f and pub and len(f) >= 10 and (date.fromisoformat(pub) - date.fromisoformat(f[:10])).days > 730:
            old += 1
for c in sorted(arts):
    print(f"{c:<18} {arts[c]:>6} articles  {quad4[c] / arts[c]:.3f} quad-4 events per article  "
          f"{100 * dropped[c] / arts[c]:5.1f}% judged not news")
print(f"events dated more than two years before their article: {old}/{events} = {100 * old / max(events, 1):.2f}%")
