#!/usr/bin/env python3
"""Validates the conflict evaluation set's gold files against eval/CODING.md.

Usage: python3 scripts/check-gold.py [--corpus CORPUS] FILE_OR_DIR...
Prints one line per problem (`file: message`) and exits 1 when there is any.
"""
import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "SANCTION", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT"}
MODES = {
    "CONSULT": "visit third-party multilateral phone",
    "AID": "economic military humanitarian asylum",
    "RETREAT": "withdraw release return disarm ceasefire access resign",
    "THREATEN": "restrict ban arrest relations expel territory violence",
    "SANCTION": "convict cancel expel withdraw sever",
    "PROTEST": "demo riot strike-gen strike-lim strike-hun boycott obstruct",
    "MOBILIZE": "troops weapons police militia recruit",
    "COERCE": "seize confiscate restrict ban censor curfew martial-law arrest deport withhold destroy",
    "ASSAULT": "abduct beat torture execute sexual assassinate destroy primitive firearms explosives suicide-attack "
               "heavy-weapons aerial drone cbrn",
}
ACLED = {
    "Battles": ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
    "Explosions/Remote violence": ["Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"],
    "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
    "Protests": ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Strategic developments": ["Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"],
}
FACT = {"asserted", "probable", "possible", "unknown", "negated", "planned"}
SOURCE_KINDS = {"official", "anonymous", "witness", "outlet", "named_person", "named_org", "self", "social", "document"}
COUNT_KEYS = {"killed", "injured", "captured", "released"}
RELEVANCE = {"report", "analysis", "none"}
TOP = {"id", "published", "source", "coder", "relevance", "note", "events"}
EVENT = {"plover", "mode", "acled_event_type", "acled_sub_event_type", "initiators", "targets", "place", "date",
         "counts", "factuality", "sources", "evidence", "note"}
ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")


def tsv_ids(path, col):
    out = {}
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        out[f[0]] = f[col] if col < len(f) else ""
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared/data/news/ant-multisource/articles.jsonl"))
    ap.add_argument("paths", nargs="+")
    a = ap.parse_args()
    files = []
    for p in map(Path, a.paths):
        files += sorted(p.glob("*.json")) if p.is_dir() else [p]
    wanted = {f.stem for f in files}
    texts = {}
    for line in open(a.corpus, encoding="utf-8"):
        d = json.loads(line)
        if d["id"] in wanted:
            texts[d["id"]] = d
    actors = set(tsv_ids(ROOT / "data/actors.tsv", 1))
    places = tsv_ids(ROOT / "data/places/places.tsv", 9)
    admin1s = set(places.values())
    problems = []
    for f in files:
        for m in check_file(f, texts, actors, places, admin1s):
            problems.append(f"{f}: {m}")
    for p in problems:
        print(p)
    print(f"{len(files)} file(s), {len(problems)} problem(s)", file=sys.stderr)
    sys.exit(1 if problems else 0)


def check_file(f, texts, actors, places, admin1s):
    raw = f.read_text(encoding="utf-8")
    if ARABIC.search(raw):
        yield "contains Arabic script (gold files hold ids, offsets and English labels only)"
    try:
        g = json.loads(raw)
    except json.JSONDecodeError as e:
        yield f"not JSON: {e}"
        return
    if set(g) != TOP:
        yield f"top-level keys {sorted(set(g) ^ TOP)} differ from the guide"
    if g.get("id") != f.stem:
        yield "id differs from the file name"
    art = texts.get(g.get("id"))
    if art is None:
        yield "article not in the corpus"
        return
    text = art["text"]
    if g.get("published") != art["published"][:10]:
        yield f"published {g.get('published')} != corpus {art['published'][:10]}"
    for s in re.findall(r'"([^"]{20,})"', raw):
        if s in text:
            yield "a string of 20+ characters is copied from the article"
    if g.get("relevance") not in RELEVANCE:
        yield f"relevance {g.get('relevance')!r}"
    for n, e in enumerate(g.get("events", [])):
        for m in check_event(e, text, actors, places, admin1s):
            yield f"event {n + 1}: {m}"


def check_span(s, text, what):
    if s is None:
        return
    if not isinstance(s, dict) or set(s) != {"start", "end"}:
        yield f"{what}: span must be {{start, end}}"
        return
    a, b = s["start"], s["end"]
    if not (isinstance(a, int) and isinstance(b, int) and 0 <= a < b <= len(text)):
        yield f"{what}: span {a}..{b} outside the text ({len(text)} code points)"
        return
    if text[a:b] != text[a:b].strip():
        yield f"{what}: span {a}..{b} has surrounding space"


def check_event(e, text, actors, places, admin1s):
    if set(e) != EVENT:
        yield f"keys {sorted(set(e) ^ EVENT)} differ from the guide"
        return
    if e["plover"] not in PLOVER:
        yield f"PLOVER type {e['plover']!r}"
    if e["mode"] is not None and e["mode"] not in MODES.get(e["plover"], "").split():
        yield f"mode {e['mode']!r} is not a mode of {e['plover']}"
    t, st = e["acled_event_type"], e["acled_sub_event_type"]
    if (t is None) != (st is None):
        yield "ACLED type and sub-type: both or neither"
    elif t is not None and st not in ACLED.get(t, []):
        yield f"ACLED sub-type {st!r} is not under {t!r}"
    for role in ("initiators", "targets"):
        for p in e[role]:
            if set(p) != {"actor", "name_en", "span"}:
                yield f"{role}: keys must be actor, name_en, span"
                continue
            aid = p["actor"]
            if not (aid in actors or (isinstance(aid, str) and re.fullmatch(r"new:[a-z0-9_.]+", aid))):
                yield f"{role}: actor {aid!r} is neither in data/actors.tsv nor new:<id>"
            yield from check_span(p["span"], text, role)
    pl = e["place"]
    if pl is not None:
        if set(pl) != {"id", "name_en", "country", "admin1", "span"}:
            yield "place: keys must be id, name_en, country, admin1, span"
        else:
            if pl["id"] is not None and pl["id"] not in places:
                yield f"place id {pl['id']!r} not in data/places/places.tsv"
            if pl["admin1"] is not None and pl["admin1"] not in admin1s:
                yield f"admin1 {pl['admin1']!r} is no admin1 code of data/places/places.tsv"
            if not re.fullmatch(r"[A-Z]{2}", pl["country"] or ""):
                yield f"country {pl['country']!r}"
            yield from check_span(pl["span"], text, "place")
    d = e["date"]
    if d is not None:
        try:
            f, t2 = date.fromisoformat(d["from"]), date.fromisoformat(d["to"])
            if not f < t2:
                yield "date: from must be before to (to is exclusive)"
        except (KeyError, TypeError, ValueError):
            yield "date: from/to must be YYYY-MM-DD"
        if d.get("precision") not in (1, 2, 3):
            yield "date: precision 1, 2 or 3"
        yield from check_span(d.get("span"), text, "date")
    for k, v in e["counts"].items():
        if k not in COUNT_KEYS or not isinstance(v, int) or v < 0:
            yield f"count {k}={v!r}"
    if e["factuality"] not in FACT:
        yield f"factuality {e['factuality']!r}"
    for s in e["sources"]:
        if s.get("kind") not in SOURCE_KINDS:
            yield f"source kind {s.get('kind')!r}"
        yield from check_span(s.get("span"), text, "source")
    if not e["sources"]:
        yield "sources: at least the outlet"
    if not e["evidence"]:
        yield "evidence: at least one span"
    for s in e["evidence"]:
        yield from check_span(s, text, "evidence")


main()
