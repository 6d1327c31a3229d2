#!/usr/bin/env python3
"""Chooses the articles of the conflict evaluation set (eval/conflict/) from the
multi-source ANT corpus, reproducibly: groups of same-day reports from different
outlets about one happening, country quotas, and some articles that should yield
no event (sport, culture, technology, analysis). Prints `id<TAB>split<TAB>group<TAB>country`.

Usage: python3 scripts/pick-gold-articles.py [CORPUS] > eval/conflict/articles.tsv
"""
import json
import random
import re
import sys
from collections import defaultdict

CORPUS = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/news/ant-multisource/articles.jsonl"
COUNTRIES = {  # country: (title/lead pattern, groups wanted)
    "YE": (r"اليمن|الحوثي|صنعاء|الحديدة|تعز|عدن|مأرب|صعدة|يمني", 32),
    "SY": (r"سوري|دمشق|حلب|إدلب|الغوطة|عفرين|درعا|الرقة|دير الزور|حمص", 16),
    "IQ": (r"العراق|بغداد|الموصل|الأنبار|كركوك|عراقي", 11),
    "LY": (r"ليبيا|طرابلس|بنغازي|درنة|سرت|ليبي", 4),
    "PS": (r"غزة|الضفة|القدس|فلسطيني", 4),
    "SO": (r"الصومال|مقديشو|الشباب", 2),
    "SD": (r"السودان|دارفور|سوداني", 2),
    "LB": (r"لبنان|بيروت|حزب الله", 2),
}
CONFLICT = re.compile(r"قتل|مقتل|غارة|غارات|هجوم|اشتباك|قصف|انفجار|تفجير|اعتقال|مظاهر|احتجاج|سيطر|صاروخ|معارك|استهداف")
STOP = set("في من على إلى الى عن مع بعد قبل أن ان التي الذي هذا هذه بين خلال".split())


def words(s):
    return {w for w in re.findall(r"[\u0621-\u064A]{3,}", s) if w not in STOP}


def country_of(a):
    head = a["title"] + " " + a["text"][:300]
    hits = [(len(re.findall(p, head)), c) for c, (p, _) in COUNTRIES.items()]
    n, c = max(hits)
    return c if n else None


def main():
    arts = [json.loads(l) for l in open(CORPUS, encoding="utf-8")]
    news = [
        a for a in arts
        if a["category"] in ("middleEast", "internationalNews") and 300 <= len(a["text"]) <= 2500
        and CONFLICT.search(a["title"] + " " + a["text"][:400])
    ]
    by_key = defaultdict(list)
    for a in news:
        c = country_of(a)
        if c:
            by_key[(a["published"][:10], c)].append(a)
    rng = random.Random(2018)
    groups = defaultdict(list)  # country -> list of article groups
    for (day, c), items in sorted(by_key.items()):
        items.sort(key=lambda a: a["id"])
        used = set()
        for i, a in enumerate(items):
            if a["id"] in used:
                continue
            wa = words(a["title"])
            group = [a]
            for b in items[i + 1:]:
                if b["id"] in used or b["source"] in {g["source"] for g in group}:
                    continue
                wb = words(b["title"])
                if wa and wb and len(wa & wb) / len(wa | wb) >= 0.2:
                    group.append(b)
            if len(group) >= 2:
                used.update(g["id"] for g in group)
                groups[c].append(group[:3])
    chosen = []
    for c, (_, want) in COUNTRIES.items():
        gs = groups[c]
        rng.shuffle(gs)
        chosen += [(c, g) for g in gs[:want]]
    # Articles that should yield no event: sport, culture and technology with conflict words.
    others = [a for a in arts if a["category"] in ("sport", "culture", "technology") and 300 <= len(a["text"]) <= 2500
              and CONFLICT.search(a["text"])]
    others.sort(key=lambda a: a["id"])
    rng.shuffle(others)
    chosen += [("--", [a]) for a in others[:14]]
    # Splits by group (a group never straddles them): every third group is test.
    rng.shuffle(chosen)
    for n, (c, g) in enumerate(chosen):
        split = "test" if n % 3 == 2 else "dev"
        for a in g:
            print(f"{a['id']}\t{split}\tg{n:03d}\t{c}")


main()
