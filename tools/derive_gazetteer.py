#!/usr/bin/env python3
"""Derive assets/gazetteer.tsv, the places the atlas can put a name on without coordinates,
from Natural Earth's 10m populated places and the provinces in assets/provinces.geojson
(which tools/derive_provinces.py writes).

Run from the repository root:  python3 tools/derive_gazetteer.py [NATURAL_EARTH_DIR]
Needs only the standard library. Deterministic: the same inputs give the same file.

Columns (tab-separated, one place per line):
  kind        town | province
  iso3        ISO 3166-1 alpha-3 of the country
  admin1      the province, under Natural Earth's admin-1 name (what the incident data's
              `admin1` holds): a province's own, or for a town in the atlas's fifteen countries
              the one of assets/provinces.geojson whose outline holds it (Natural Earth's
              populated places use older names, N.W.F.P. for K.P.); elsewhere ADM1NAME
  name        the name shown
  lon, lat    the town's point, or the province's label point
  alternates  other spellings Natural Earth gives (NAMEASCII, NAMEALT, NAME_EN; for
              provinces Natural Earth's own name where the atlas shows a common English one),
              separated by '|'

Spellings that sources use and Natural Earth does not list are in assets/place_aliases.tsv,
kept by hand and read by the atlas at run time.
"""

import json
import os
import sys

NE = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/naturalearth"
OUT = "assets/gazetteer.tsv"


def clean(s):
    return " ".join(str(s or "").replace("\t", " ").split())


def inside(lon, lat, ring):
    hit = False
    j = len(ring) - 1
    for i in range(len(ring)):
        (xi, yi), (xj, yj) = ring[i], ring[j]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            hit = not hit
        j = i
    return hit


def contains(geometry, lon, lat):
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    for poly in polys:
        if inside(lon, lat, poly[0]) and not any(inside(lon, lat, hole) for hole in poly[1:]):
            return True
    return False


def main():
    rows = []
    provinces = []
    with open("assets/provinces.geojson", encoding="utf-8") as f:
        for feat in json.load(f)["features"]:
            p = feat["properties"]
            provinces.append((p["iso3"], p["ne_name"], feat["geometry"]))
            alts = sorted({p["ne_name"]} - {p["name"]})
            lon, lat = p["label"]
            rows.append(("province", p["iso3"], p["ne_name"], clean(p["name"]), lon, lat, alts))
    with open(os.path.join(NE, "ne_10m_populated_places_region.geojson"), encoding="utf-8") as f:
        places = json.load(f)["features"]
    for feat in places:
        p = feat["properties"]
        name = clean(p["NAME"])
        lon, lat = float(p["LONGITUDE"]), float(p["LATITUDE"])
        admin1 = next((n for iso, n, g in provinces if iso == p["ADM0_A3"] and contains(g, lon, lat)),
                      clean(p["ADM1NAME"]))
        alts = set()
        for key in ("NAMEASCII", "NAME_EN"):
            alts.add(clean(p.get(key)))
        for alt in str(p.get("NAMEALT") or "").split("|"):
            alts.add(clean(alt))
        alts = sorted(a for a in alts if a and a != name)
        rows.append((
            "town", p["ADM0_A3"], admin1, name, round(lon, 4), round(lat, 4), alts,
        ))
    rows.sort(key=lambda r: (r[0] != "province", r[1], r[2], r[3], r[4], r[5]))
    with open(OUT, "w", encoding="utf-8", newline="\n") as out:
        out.write("# kind\tiso3\tadmin1\tname\tlon\tlat\talternates (Natural Earth, public domain; tools/derive_gazetteer.py)\n")
        for kind, iso3, admin1, name, lon, lat, alts in rows:
            out.write(f"{kind}\t{iso3}\t{admin1}\t{name}\t{lon}\t{lat}\t{'|'.join(alts)}\n")
    print(f"{OUT}: {len(rows)} places")


if __name__ == "__main__":
    main()
