#!/usr/bin/env python3
"""Derive assets/provinces.geojson, the first-level provinces the atlas fills by count and
draws incidents placed only at a province as, from Natural Earth's 10m admin-1 file.

Run from the repository root:  python3 tools/derive_provinces.py [NATURAL_EARTH_DIR]
Needs: pip install shapely   (only for this script; the app does not)

Each feature keeps Natural Earth's own name (`ne_name`, what the incident data's `admin1`
holds), the common English name shown to users (`name`, taken from assets/labels.json, which
tools/derive_basemap.py writes), the ISO 3166-1 alpha-3 code and the label point. Pakistan's
F.A.T.A. stays apart from K.P. as in Natural Earth and in the data (it was merged in 2018).
Deterministic: the same inputs give the same file.
"""

import json
import os
import sys

from shapely.geometry import shape

NE = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/naturalearth"
OUT = "assets/provinces.geojson"

# About 1 km: a choropleth on a projector needs outlines, not coastline detail.
TOLERANCE = 0.01
DIGITS = 3


def polygons_of(geom):
    if geom.geom_type == "Polygon":
        return [geom]
    if geom.geom_type == "MultiPolygon":
        return list(geom.geoms)
    if geom.geom_type == "GeometryCollection":
        return [p for g in geom.geoms for p in polygons_of(g)]
    return []


def rounded(geom):
    def ring(coords):
        return [[round(x, DIGITS), round(y, DIGITS)] for x, y in coords]

    polys = []
    for p in polygons_of(geom.buffer(0)):
        # Small islands are kept whole: simplified, they would vanish.
        if p.area > 0.05:
            p = p.simplify(TOLERANCE, preserve_topology=True)
        if p.is_empty or len(p.exterior.coords) < 4:
            continue
        polys.append([ring(p.exterior.coords)] + [ring(i.coords) for i in p.interiors])
    return {"type": "MultiPolygon", "coordinates": polys}


def main():
    with open(os.path.join(NE, "ne_10m_admin1_region.geojson"), encoding="utf-8") as f:
        admin1 = json.load(f)["features"]
    with open("assets/labels.json", encoding="utf-8") as f:
        labels = {(l["iso3"], l["ne_name"]): l for l in json.load(f)["labels"]
                  if l["kind"] == "admin1"}
    features = []
    for f in admin1:
        p = f["properties"]
        key = (p["adm0_a3"], p["name"])
        label = labels.get(key)
        geom = shape(f["geometry"])
        point = [label["lon"], label["lat"]] if label else [
            round(c, 4) for c in geom.representative_point().coords[0]]
        features.append({
            "type": "Feature",
            "properties": {
                "iso3": p["adm0_a3"],
                "ne_name": p["name"],
                "name": label["name"] if label else p["name"],
                "label": point,
            },
            "geometry": rounded(geom),
        })
    features.sort(key=lambda f: (f["properties"]["iso3"], f["properties"]["ne_name"]))
    fc = {"type": "FeatureCollection",
          "note": "Natural Earth 10m admin-1 (public domain), simplified to about 1 km. "
                  "Written by tools/derive_provinces.py.",
          "features": features}
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(fc, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"{OUT}: {len(features)} provinces, {os.path.getsize(OUT)} bytes")


if __name__ == "__main__":
    main()
