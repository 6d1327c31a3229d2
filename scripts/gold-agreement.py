#!/usr/bin/env python3
"""Agreement between two independent codings of the same articles (eval/conflict/second vs
eval/conflict/gold): event-level F1 (evidence spans overlap, then same PLOVER type), and on
matched events the share of agreement per attribute.

Usage: python3 scripts/gold-agreement.py [SECOND_DIR] [GOLD_DIR]
"""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
second = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "eval/conflict/second"
gold = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "eval/conflict/gold"


def overlap(a, b):
    return any(x["start"] < y["end"] and y["start"] < x["end"] for x in a["evidence"] for y in b["evidence"])


def ids(ps):
    return {p["actor"] for p in ps}


ATTRS = {
    "acled_subtype": lambda a, b: a["acled_sub_event_type"] == b["acled_sub_event_type"],
    "initiator": lambda a, b: (not a["initiators"] and not b["initiators"]) or bool(ids(a["initiators"]) & ids(b["initiators"])),
    "target": lambda a, b: (not a["targets"] and not b["targets"]) or bool(ids(a["targets"]) & ids(b["targets"])),
    "admin1": lambda a, b: (a["place"] or {}).get("admin1") == (b["place"] or {}).get("admin1"),
    "date_overlap": lambda a, b: (a["date"] is None) == (b["date"] is None)
    and (a["date"] is None or (a["date"]["from"] < b["date"]["to"] and b["date"]["from"] < a["date"]["to"])),
    "killed": lambda a, b: a["counts"].get("killed") == b["counts"].get("killed"),
    "factuality": lambda a, b: a["factuality"] == b["factuality"],
    "relevance(article)": None,
}

n1 = n2 = detected = typed = 0
agree = {k: [0, 0] for k in ATTRS}
articles = 0
for f in sorted(second.glob("*.json")):
    g = gold / f.name
    if not g.exists():
        continue
    articles += 1
    a, b = json.loads(f.read_text()), json.loads(g.read_text())
    agree["relevance(article)"][0] += a["relevance"] == b["relevance"]
    agree["relevance(article)"][1] += 1
    ea, eb = a["events"], b["events"]
    n1 += len(ea)
    n2 += len(eb)
    used = set()
    pairs = []
    for same_type in (True, False):
        for i, x in enumerate(ea):
            if any(p[0] == i for p in pairs):
                continue
            for j, y in enumerate(eb):
                if j not in used and overlap(x, y) and (not same_type or x["plover"] == y["plover"]):
                    used.add(j)
                    pairs.append((i, j))
                    break
    detected += len(pairs)
    for i, j in pairs:
        x, y = ea[i], eb[j]
        if x["plover"] != y["plover"]:
            continue
        typed += 1
        for k, fn in ATTRS.items():
            if fn:
                agree[k][0] += fn(x, y)
                agree[k][1] += 1


def f1(c):
    return 200 * c / (n1 + n2) if n1 + n2 else 0.0


print(f"{articles} articles coded twice: {n1} events (second coder), {n2} (first)")
print(f"event agreement F1: detection {f1(detected):.1f}, same PLOVER type {f1(typed):.1f}")
for k, (ok, n) in agree.items():
    print(f"  {k:<20} {100 * ok / max(n, 1):5.1f}% ({ok}/{n})")
