#!/usr/bin/env python3
"""Builds data/geo/basemap.geojson, the offline basemap of the web UI.

Inputs (see data/geo/README.md for provenance and licences):
  WORLD/countries-50m.geojson          Natural Earth 4.1.0 admin-0 countries, 1:50m
  WORLD/country_names_ar.tsv           Arabic country names
  OCHA/yem_adm1_simplified.geojson     Yemen governorates (OCHA COD-AB)
  OCHA/yem_adm2_simplified.geojson     Yemen districts (OCHA COD-AB)

Output: one FeatureCollection, one feature per line, coordinates rounded to
4 decimals (about 11 m), properties
  countries: level "country", name, name_ar, iso_a2
  Yemen:     level "admin1"/"admin2", pcode, name_en, name_ar (+ admin1 for districts)
Features are ordered countries (by name), then governorates and districts (by
P-code), so that running the script again gives a byte-identical file.

Usage: python3 scripts/basemap.py [--src DIR] [--out FILE]
  DIR defaults to ../shared/data/geo relative to the repository root, or
  $ISNAD_GEO_SRC.
"""

import argparse
import csv
import json
import os
import sys

# Middle East, North Africa, the Horn and their immediate neighbours
# (ISO 3166-1 alpha-2, or the Natural Earth name for units without a code).
REGION = [
    # North Africa and the Sahel
    "MA", "EH", "DZ", "TN", "LY", "EG", "MR", "ML", "NE", "TD", "SD", "SS",
    # The Horn and East Africa
    "ER", "DJ", "ET", "SO", "Somaliland", "KE", "UG",
    # The Levant, the Gulf, Iran and Turkey
    "IL", "PS", "LB", "SY", "JO", "IQ", "IR", "KW", "SA", "BH", "QA", "AE", "OM", "YE",
    "TR", "CY", "N. Cyprus",
    # Neighbours
    "GR", "GE", "AM", "AZ", "TM", "AF", "PK",
]

PRECISION = 4


def fmt(x):
    s = "%.*f" % (PRECISION, x)
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    if s in ("-0", ""):
        s = "0"
    return s


def ring(coords):
    """Rounds a ring and drops repeated points; None when it degenerates."""
    out = []
    for x, y in coords:
        p = (fmt(x), fmt(y))
        if not out or out[-1] != p:
            out.append(p)
    if len(out) > 1 and out[0] != out[-1]:
        out.append(out[0])
    if len(out) < 4:
        return None
    return out


def polygon(rings):
    out = []
    for i, r in enumerate(rings):
        rr = ring(r)
        if rr is None:
            if i == 0:
                return None
            continue
        out.append(rr)
    return out


def geometry(g):
    """Rounded geometry as a MultiPolygon-or-Polygon text fragment."""
    if g["type"] == "Polygon":
        polys = [polygon(g["coordinates"])]
    elif g["type"] == "MultiPolygon":
        polys = [polygon(p) for p in g["coordinates"]]
    else:
        raise ValueError("unexpected geometry " + g["type"])
    polys = [p for p in polys if p]
    if not polys:
        return None

    def poly_text(p):
        return "[" + ",".join("[" + ",".join("[%s,%s]" % pt for pt in r) + "]" for r in p) + "]"

    if len(polys) == 1:
        return '{"type":"Polygon","coordinates":%s}' % poly_text(polys[0])
    return '{"type":"MultiPolygon","coordinates":[%s]}' % ",".join(poly_text(p) for p in polys)


def feature(props, geom):
    return '{"type":"Feature","properties":%s,"geometry":%s}' % (
        json.dumps(props, ensure_ascii=False, sort_keys=False, separators=(",", ":")),
        geom,
    )


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    default_src = os.environ.get("ISNAD_GEO_SRC") or os.path.join(root, "..", "shared", "data", "geo")
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", default=default_src, help="folder holding world_basemap/ and yemen_adm1_adm2_ocha/")
    ap.add_argument("--out", default=os.path.join(root, "data", "geo", "basemap.geojson"))
    args = ap.parse_args()
    world = os.path.join(args.src, "world_basemap")
    ocha = os.path.join(args.src, "yemen_adm1_adm2_ocha")

    names_ar = {}
    with open(os.path.join(world, "country_names_ar.tsv"), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["name_ar"]:
                names_ar[row["iso_a2"] or row["name_en"]] = row["name_ar"]

    wanted = set(REGION)
    lines = []
    countries = []
    for f in load(os.path.join(world, "countries-50m.geojson"))["features"]:
        p = f["properties"]
        key = p.get("iso_a2") or p.get("name")
        if key not in wanted:
            continue
        wanted.discard(key)
        geom = geometry(f["geometry"])
        if geom is None:
            continue
        props = {
            "level": "country",
            "name": p["name"],
            "name_ar": names_ar.get(key) or p.get("name_ar"),
            "iso_a2": p.get("iso_a2"),
        }
        countries.append((p["name"], feature(props, geom)))
    if wanted:
        sys.exit("basemap: not found in countries-50m: " + ", ".join(sorted(wanted)))
    lines.extend(t for _, t in sorted(countries))

    for level, fname in (("admin1", "yem_adm1_simplified.geojson"), ("admin2", "yem_adm2_simplified.geojson")):
        n = level[-1]
        units = []
        for f in load(os.path.join(ocha, fname))["features"]:
            p = f["properties"]
            geom = geometry(f["geometry"])
            if geom is None:
                continue
            props = {
                "level": level,
                "pcode": p["ADM%s_PCODE" % n],
                "name_en": p["ADM%s_EN" % n],
                "name_ar": p["ADM%s_AR" % n],
            }
            if level == "admin2":
                props["admin1"] = p["ADM1_PCODE"]
            units.append((props["pcode"], feature(props, geom)))
        lines.extend(t for _, t in sorted(units))

    text = '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print("basemap: %d features, %d bytes -> %s" % (len(lines), len(text.encode("utf-8")), args.out))


if __name__ == "__main__":
    main()
