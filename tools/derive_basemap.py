#!/usr/bin/env python3
"""Derive the atlas's embedded basemap and region overlays from Natural Earth.

Reads the raw Natural Earth files in ../shared/data/naturalearth/ (public domain) and writes:

  assets/basemap.bin       vector layers, simplified per zoom band, in Web Mercator integers
  assets/labels.json       label anchors: countries, first-level provinces, cities
  data/regions/*.geojson   ISKP core, claimed areas, periphery, historical Khorasan

Run from the repository root:  python3 tools/derive_basemap.py [NATURAL_EARTH_DIR]
Needs: pip install shapely pycountry   (only for this script; the app needs neither)

The output is deterministic for the same inputs, so re-running it gives a clean diff.
"""

import json
import math
import os
import struct
import sys

import pycountry
from shapely.geometry import (LineString, MultiLineString, MultiPolygon, Polygon, box, mapping,
                              shape)
from shapely.ops import polylabel, unary_union

NE = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/naturalearth"

# The region the 10m files were clipped to (SOURCES.md). Outside it the 50m world file is used.
REGION_BOX = box(20.0, -5.0, 105.0, 62.0)

# Zoom bands and their simplification tolerance in degrees: about half a pixel at the band's
# highest zoom, so a tile never shows the simplification.
LODS = [(0, 0.04), (5, 0.01), (7, 0.0025), (9, 0.0006)]
WORLD_LODS = [(0, 0.04), (5, 0.01)]

# Mercator integer grid: the world is 2^24 units wide (64 units per pixel at zoom 10).
WORLD_UNITS = 1 << 24


def merc(lon, lat):
    lat = max(-85.05112878, min(85.05112878, lat))
    x = (lon + 180.0) / 360.0
    s = math.sin(math.radians(lat))
    y = 0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)
    return int(round(x * WORLD_UNITS)), int(round(y * WORLD_UNITS))


def load(name):
    with open(os.path.join(NE, name), encoding="utf-8") as f:
        return json.load(f)["features"]


# ---------------------------------------------------------------------------------------------
# TopoJSON (world-atlas) decoding: only what world-atlas uses (quantized, delta-encoded arcs).


def topo_geometries(path, obj):
    with open(path, encoding="utf-8") as f:
        topo = json.load(f)
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(indices):
        pts = []
        for i in indices:
            a = arcs[i] if i >= 0 else arcs[~i][::-1]
            pts.extend(a if not pts else a[1:])
        return pts

    def geom(g):
        if g["type"] == "Polygon":
            rings = [ring(r) for r in g["arcs"]]
            return Polygon(rings[0], rings[1:])
        if g["type"] == "MultiPolygon":
            polys = []
            for p in g["arcs"]:
                rings = [ring(r) for r in p]
                polys.append(Polygon(rings[0], rings[1:]))
            return MultiPolygon(polys)
        return None

    o = topo["objects"][obj]
    if o["type"] == "GeometryCollection":
        return [(g.get("properties", {}), g.get("id"), geom(g)) for g in o["geometries"]]
    return [({}, None, geom(o))]


# ---------------------------------------------------------------------------------------------
# Geometry helpers


def polygons_of(g):
    if g is None or g.is_empty:
        return []
    if isinstance(g, Polygon):
        return [g]
    if isinstance(g, MultiPolygon):
        return list(g.geoms)
    if hasattr(g, "geoms"):
        out = []
        for part in g.geoms:
            out.extend(polygons_of(part))
        return out
    return []


def lines_of(g):
    if g is None or g.is_empty:
        return []
    if isinstance(g, LineString):
        return [g]
    if isinstance(g, (MultiLineString,)) or hasattr(g, "geoms"):
        out = []
        for part in g.geoms:
            out.extend(lines_of(part))
        return out
    if isinstance(g, Polygon):
        return [LineString(g.exterior.coords)] + [LineString(i.coords) for i in g.interiors]
    return []


def rings_for_polygon(g, tol):
    """Simplified rings of a polygonal geometry; parts smaller than a pixel or two are dropped."""
    s = g.simplify(tol, preserve_topology=True) if tol > 0 else g
    rings = []
    for p in polygons_of(s):
        if p.area < (tol * 3) ** 2:
            continue
        rings.append(list(p.exterior.coords))
        for hole in p.interiors:
            if Polygon(hole).area >= (tol * 3) ** 2:
                rings.append(list(hole.coords))
    return rings


def rings_for_lines(g, tol):
    s = g.simplify(tol, preserve_topology=False) if tol > 0 else g
    out = []
    for line in lines_of(s):
        if line.length < tol * 2:
            continue
        out.append(list(line.coords))
    return out


# ---------------------------------------------------------------------------------------------
# Binary writer. Format (little endian), read by src/basemap/data.rs:
#   magic "ISKPBM03"
#   u8 layer count
#   per layer: str name, u8 kind (1 = polygon fill, 2 = line), u8 lod count, u8[lod] min zoom,
#              u32 feature count
#   per feature: u8 min zoom (x10), i32 bbox[4] (min x, min y, max x, max y, mercator units)
#   per lod: u32 byte length, then per feature: varint ring count; per ring: varint point
#            count, then zigzag varint deltas of x, y from the previous point (first point
#            from 0,0). Each level stands apart so the atlas reads only those a view needs.
#   str = u16 length + utf-8 bytes


def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def zigzag(n):
    return (n << 1) ^ (n >> 63)


def encode_rings(rings):
    out = bytearray(varint(len(rings)))
    for ring in rings:
        pts = [merc(x, y) for x, y in ring]
        # Drop consecutive duplicates left by rounding.
        dedup = [pts[0]] if pts else []
        for p in pts[1:]:
            if p != dedup[-1]:
                dedup.append(p)
        out += varint(len(dedup))
        px = py = 0
        for x, y in dedup:
            out += varint(zigzag(x - px))
            out += varint(zigzag(y - py))
            px, py = x, y
    return bytes(out)


class Layer:
    def __init__(self, name, kind, lods):
        self.name = name
        self.kind = kind
        self.lods = lods
        self.features = []

    def add(self, geom, min_zoom=0.0):
        if geom is None or geom.is_empty:
            return
        per_lod = []
        for _, tol in self.lods:
            if self.kind == 1:
                per_lod.append(rings_for_polygon(geom, tol))
            else:
                per_lod.append(rings_for_lines(geom, tol))
        if not any(per_lod):
            return
        minx, miny, maxx, maxy = geom.bounds
        x0, y1 = merc(minx, miny)
        x1, y0 = merc(maxx, maxy)
        self.features.append((min_zoom, (x0, y0, x1, y1), per_lod))

    def encode(self):
        name = self.name.encode()
        out = bytearray(struct.pack("<H", len(name)) + name)
        out += struct.pack("<BB", self.kind, len(self.lods))
        out += bytes(z for z, _ in self.lods)
        out += struct.pack("<I", len(self.features))
        for min_zoom, bbox, _ in self.features:
            out += struct.pack("<B", int(round(min_zoom * 10)))
            out += struct.pack("<4i", *bbox)
        for lod in range(len(self.lods)):
            level = b"".join(encode_rings(per_lod[lod]) for _, _, per_lod in self.features)
            out += struct.pack("<I", len(level)) + level
        return bytes(out)


# ---------------------------------------------------------------------------------------------
# Names: Natural Earth spells some places its own way. The geometry keeps NE's spelling; users
# see the common English name.

COMMON_NAMES = {
    # Afghan provinces
    "Hilmand": "Helmand", "Hirat": "Herat", "Paktya": "Paktia", "Sari Pul": "Sar-e Pol",
    "Bamyan": "Bamyan", "Daykundi": "Daykundi",
    # Pakistani provinces
    "Baluchistan": "Balochistan", "Sind": "Sindh", "K.P.": "Khyber Pakhtunkhwa",
    "F.A.T.A.": "FATA", "F.C.T.": "Islamabad", "Northern Areas": "Gilgit-Baltistan",
    # Central Asia
    "Chardzhou": "Lebap", "Tashauz": "Dashoguz", "Leninabad": "Sughd",
    "Tadzhikistan Territories": "Districts of Republican Subordination",
    # Cities
    "Kondoz": "Kunduz", "Termiz": "Termez", "Feyzabad": "Faizabad", "Gardiz": "Gardez",
    "Bamian": "Bamyan", "Samarqand": "Samarkand", "Mazar-e Sharif": "Mazar-i-Sharif",
    "Qurghonteppa": "Bokhtar", "Meymaneh": "Maymana", "Urgentch": "Urgench",
    "Fargona": "Fergana", "Sheberghan": "Sheberghan", "Pol-e Khomri": "Pul-i-Khumri",
}

# Places the paper's story happens in, most central first: shown from zoom 4.5 whatever
# Natural Earth's own min_zoom says, and named before any other city so that where names
# compete (Kabul, Jalalabad, Peshawar sit close together) the story's own places win.
STORY_CITIES = [
    "Kabul", "Jalalabad", "Kandahar", "Kondoz", "Peshawar", "Quetta", "Islamabad", "Karachi",
    "Lahore", "Herat", "Mazar-e Sharif", "Termiz", "Feyzabad", "Dushanbe", "Tashkent", "Tehran",
    "Mashhad", "Kerman", "Shiraz", "Zahedan", "Bishkek", "Ashgabat", "Moscow", "Istanbul",
    "Male", "Dhaka", "New Delhi", "Colombo", "Almaty",
]

# Disputed slivers Natural Earth draws as countries; their names would crowd the map's centre.
NO_COUNTRY_LABEL = {"Siachen Glacier"}

COUNTRY_COMMON = {
    "Bosnia and Herz.": "Bosnia and Herzegovina", "Dem. Rep. Congo": "DR Congo",
    "Central African Rep.": "Central African Republic", "S. Sudan": "South Sudan",
    "Eq. Guinea": "Equatorial Guinea", "W. Sahara": "Western Sahara",
    "Solomon Is.": "Solomon Islands", "Dominican Rep.": "Dominican Republic",
}


def country_iso3(numeric_id, name):
    if numeric_id is not None:
        c = pycountry.countries.get(numeric=str(numeric_id).zfill(3))
        if c:
            return c.alpha_3
    return ""


def label_point(geom):
    polys = polygons_of(geom)
    if not polys:
        return None
    biggest = max(polys, key=lambda p: p.area)
    p = polylabel(biggest, tolerance=0.01)
    return round(p.x, 4), round(p.y, 4)


# ---------------------------------------------------------------------------------------------


def main():
    os.makedirs("assets", exist_ok=True)
    os.makedirs("data/regions", exist_ok=True)

    # --- World outside the region box: 50m countries, used only where the 10m clip has nothing.
    world = topo_geometries(os.path.join(NE, "ne_50m_admin0_countries_world.topo.json"),
                            "countries")
    world_land = Layer("world_land", 1, WORLD_LODS)
    world_borders = Layer("world_borders", 2, WORLD_LODS)
    world_coast = Layer("world_coast", 2, WORLD_LODS)
    # Coastlines come from the land outline, so borders can be drawn without them.
    world_land_outline = unary_union(
        [g.buffer(0).boundary for _, _, g in topo_geometries(
            os.path.join(NE, "ne_50m_admin0_countries_world.topo.json"), "land") if g is not None])
    # One feature per line, so a tile only walks the coast near it.
    for line in lines_of(world_land_outline.intersection(
            box(-180, -85.06, 180, 85.06).difference(REGION_BOX))):
        world_coast.add(line)
    coast_band = world_land_outline.buffer(0.02)
    outside = box(-180, -85.06, 180, 85.06).difference(REGION_BOX)
    # The world fill reaches a little into the region so the two fills overlap instead of
    # meeting edge to edge, which would leave a hairline of sea along the seam.
    outside_overlap = box(-180, -85.06, 180, 85.06).difference(REGION_BOX.buffer(-0.1))
    for _props, _id, g in world:
        if g is None:
            continue
        g = g.buffer(0)
        world_land.add(g.intersection(outside_overlap))
        world_borders.add(g.boundary.difference(coast_band).intersection(outside))

    # --- The region at 10m.
    land = Layer("land", 1, LODS)
    for f in load("ne_10m_land_region.geojson"):
        land.add(shape(f["geometry"]).buffer(0))

    lakes = Layer("lakes", 1, LODS)
    for f in load("ne_10m_lakes_region.geojson"):
        p = f["properties"]
        lakes.add(shape(f["geometry"]).buffer(0), float(p.get("min_zoom") or 0))

    rivers = Layer("rivers", 2, LODS)
    for f in load("ne_10m_rivers_lake_centerlines_region.geojson"):
        p = f["properties"]
        if p.get("featurecla") not in ("River", "Lake Centerline"):
            continue
        rivers.add(shape(f["geometry"]), float(p.get("min_zoom") or 0))

    admin1_lines = Layer("admin1", 2, LODS)
    admin1 = load("ne_10m_admin1_region.geojson")
    # Provinces cut by the clip box would get a false edge along it.
    box_edge = REGION_BOX.exterior.buffer(0.001)
    for f in admin1:
        admin1_lines.add(shape(f["geometry"]).boundary.difference(box_edge), 4.0)

    borders = Layer("borders", 2, LODS)
    for f in load("ne_10m_admin0_boundary_lines_land_region.geojson"):
        borders.add(shape(f["geometry"]))

    coast = Layer("coast", 2, LODS)
    for f in load("ne_10m_coastline_region.geojson"):
        coast.add(shape(f["geometry"]))

    layers = [world_land, world_borders, world_coast, land, lakes, rivers, admin1_lines, borders,
              coast]
    blob = bytearray(b"ISKPBM03")
    blob += struct.pack("<B", len(layers))
    for layer in layers:
        blob += layer.encode()
    with open("assets/basemap.bin", "wb") as f:
        f.write(blob)
    print(f"assets/basemap.bin: {len(blob)} bytes")
    for layer in layers:
        print(f"  {layer.name}: {len(layer.features)} features")

    # --- Labels.
    labels = []
    countries10 = load("ne_10m_admin0_countries_region.geojson")
    country_geom = {f["properties"]["name"]: shape(f["geometry"]).buffer(0) for f in countries10}
    # Country names come from the unclipped world file, so a country cut by the region's
    # clip box is named once, at the middle of the whole country.
    for props, fid, g in world:
        name = props.get("name", "")
        if g is None or name in NO_COUNTRY_LABEL:
            continue
        g = g.buffer(0)
        pt = label_point(g)
        if pt is None:
            continue
        labels.append({
            "kind": "country", "name": COUNTRY_COMMON.get(name, name), "lon": pt[0], "lat": pt[1],
            "iso3": country_iso3(fid, name),
            # Big countries are named from far out, small ones once zoomed in.
            "min_zoom": 2.0 if g.area > 50 else 3.0 if g.area > 10 else 4.0 if g.area > 1 else 5.0,
            "rank": round(-g.area, 3),
        })
    for f in admin1:
        p = f["properties"]
        g = shape(f["geometry"]).buffer(0)
        pt = label_point(g)
        if pt is None:
            continue
        labels.append({
            "kind": "admin1", "name": COMMON_NAMES.get(p["name"], p["name"]), "ne_name": p["name"],
            "iso3": p["adm0_a3"], "lon": pt[0], "lat": pt[1],
            "min_zoom": 5.5 if p["adm0_a3"] in ("AFG", "PAK") else 6.5,
            "rank": round(-g.area, 3),
        })
    for f in load("ne_10m_populated_places_region.geojson"):
        p = f["properties"]
        name = p["NAME"]
        lon, lat = f["geometry"]["coordinates"]
        min_zoom = float(p.get("min_zoom") or 7)
        story = name in STORY_CITIES
        if story:
            min_zoom = min(min_zoom, 4.5)
        labels.append({
            "kind": "city", "name": COMMON_NAMES.get(name, name), "ne_name": name,
            "iso3": p.get("ADM0_A3", ""), "lon": round(lon, 4), "lat": round(lat, 4),
            "min_zoom": min_zoom, "capital": bool(p.get("ADM0CAP")), "story": story,
            # Story cities first in story order, then capitals, then by population.
            "rank": (-1e12 + STORY_CITIES.index(name) if story else 0)
            + (-1e9 if p.get("ADM0CAP") and not story else 0) - (0 if story else float(p.get("POP_MAX") or 0)),
        })
    kind_order = {"country": 0, "city": 1, "admin1": 2}
    labels.sort(key=lambda l: (kind_order[l["kind"]], l["rank"], l["name"]))
    for l in labels:
        del l["rank"]
    with open("assets/labels.json", "w", encoding="utf-8") as f:
        json.dump({"source": "Natural Earth (public domain)", "labels": labels}, f,
                  ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"assets/labels.json: {len(labels)} labels")

    write_regions(country_geom, admin1)
    write_countries(world, countries10)


# ---------------------------------------------------------------------------------------------
# Regions (data/regions/*.geojson): human-editable, so plain GeoJSON, rounded to 1e-3 degree.

REGION_TOL = 0.005


def rounded(geom):
    def r(coords):
        return [[round(x, 3), round(y, 3)] for x, y in coords]

    out = []
    for p in polygons_of(geom.simplify(REGION_TOL, preserve_topology=True)):
        if p.area < 1e-4:
            continue
        out.append([r(p.exterior.coords)] + [r(i.coords) for i in p.interiors])
    if len(out) == 1:
        return {"type": "Polygon", "coordinates": out[0]}
    return {"type": "MultiPolygon", "coordinates": out}


def feature(geom, **props):
    return {"type": "Feature", "properties": props, "geometry": rounded(geom)}


def write_fc(path, features, note):
    fc = {"type": "FeatureCollection", "note": note, "features": features}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(fc, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"{path}: {len(features)} features, {os.path.getsize(path)} bytes")


def write_regions(country_geom, admin1):
    derived = ("Derived from Natural Earth 10m (public domain) by tools/derive_basemap.py; "
               "simplified to about 500 m.")
    paper = "Rana (2024), CASS"

    core = [feature(country_geom["Afghanistan"], role="core", name="Afghanistan",
                    description="ISKP's core theatre: where the group was founded in 2015, "
                                "where it held ground in Nangarhar and Kunar, and where most of "
                                "its attacks have fallen since.",
                    paper_ref=f"{paper}, Introduction and Figure 2")]
    write_fc("data/regions/core.geojson", core, derived)

    by_name = {(f["properties"]["adm0_a3"], f["properties"]["name"]): shape(f["geometry"]).buffer(0)
               for f in admin1}
    claimed = []
    for ne_name, common, desc in [
        ("F.A.T.A.", "Former tribal areas (FATA)",
         "Tribal districts along the Afghan border, merged into Khyber Pakhtunkhwa in 2018; the "
         "first ISKP recruits came from militants pushed out of here."),
        ("K.P.", "Khyber Pakhtunkhwa",
         "Province ISKP names as part of its Khorasan; the Bajaur rally bombing of July 2023 hit "
         "its tribal north."),
        ("Baluchistan", "Balochistan",
         "Province ISKP names as part of its Khorasan; site of some of its deadliest attacks in "
         "Pakistan."),
    ]:
        claimed.append(feature(by_name[("PAK", ne_name)], role="claimed", name=common,
                               ne_name=ne_name, description=desc,
                               paper_ref=f"{paper}, Regional Violence (Pakistan)"))
    write_fc("data/regions/claimed.geojson", claimed, derived)

    periphery = []
    fig2 = ["Pakistan", "India", "Bangladesh", "Myanmar", "Sri Lanka", "Maldives", "Tajikistan",
            "Uzbekistan", "Kyrgyzstan"]
    for name in fig2:
        periphery.append(feature(country_geom[name], role="periphery", name=name,
                                 description=f"{name} is one of the periphery countries where the "
                                             "paper finds ISKP tapping existing extremist networks.",
                                 in_figure_2=True, paper_ref=f"{paper}, Figure 2"))
    periphery.append(feature(country_geom["Iran"], role="periphery", name="Iran",
                             description="Not on the paper's Figure 2 map, but its text counts "
                                         "Iran among the countries ISKP has struck (Shiraz 2022 "
                                         "and 2023, Kerman 2024).",
                             in_figure_2=False, paper_ref=f"{paper}, Regional Violence"))
    write_fc("data/regions/periphery.geojson", periphery, derived)

    # Historical Khorasan as the paper describes it: north-eastern Iran, Afghanistan north of
    # the Hindu Kush, and Central Asia up to the Syr Darya. Drawn from today's provinces, so
    # it is an approximation of a region that never had fixed borders.
    units = [
        ("IRN", "Razavi Khorasan"), ("IRN", "North Khorasan"), ("IRN", "South Khorasan"),
        ("AFG", "Hirat"), ("AFG", "Badghis"), ("AFG", "Faryab"), ("AFG", "Jawzjan"),
        ("AFG", "Sari Pul"), ("AFG", "Balkh"), ("AFG", "Samangan"), ("AFG", "Kunduz"),
        ("AFG", "Baghlan"), ("AFG", "Takhar"), ("AFG", "Badakhshan"),
        ("TKM", "Ahal"), ("TKM", "Mary"), ("TKM", "Chardzhou"), ("TKM", "Aşgabat"),
        ("UZB", "Surkhandarya"), ("UZB", "Kashkadarya"), ("UZB", "Bukhoro"),
        ("UZB", "Samarkand"), ("UZB", "Navoi"), ("UZB", "Jizzakh"), ("UZB", "Sirdaryo"),
        ("TJK", "Khatlon"), ("TJK", "Dushanbe"), ("TJK", "Tadzhikistan Territories"),
        ("TJK", "Leninabad"),
    ]
    missing = [u for u in units if u not in by_name]
    if missing:
        raise SystemExit(f"historical Khorasan: unknown admin-1 units {missing}")
    merged = unary_union([by_name[u] for u in units]).buffer(0.02).buffer(-0.02)
    historical = [feature(merged, role="historical", name="Historical Khorasan",
                          description="The old region of Khorasan that gives ISKP its name: "
                                      "north-eastern Iran, Afghanistan north of the Hindu Kush, "
                                      "and Central Asia up to the Syr Darya. Drawn here from "
                                      "today's provinces, so its edges are approximate.",
                          units=[f"{a}:{n}" for a, n in units],
                          paper_ref=f"{paper}, Introduction")]
    write_fc("data/regions/historical.geojson", historical, derived)


def write_countries(world, countries10):
    """assets/countries.geojson: every country with its ISO 3166-1 alpha-3 code, for the
    validator's point-in-country check. 10m detail inside the region, 50m elsewhere."""
    detailed = {}
    for f in countries10:
        if f.get("id") is not None:
            detailed[str(f["id"]).zfill(3)] = shape(f["geometry"]).buffer(0)
    features = []
    for props, fid, g in world:
        if g is None or fid is None:
            continue
        iso3 = country_iso3(fid, props.get("name", ""))
        if not iso3:
            continue
        g = g.buffer(0)
        fine = detailed.get(str(fid).zfill(3))
        if fine is not None:
            g = unary_union([g.difference(REGION_BOX), fine.intersection(REGION_BOX)])
        geom = rounded_geometry(g, 0.01, 3)
        if geom is None:
            continue
        features.append({"type": "Feature",
                         "properties": {"iso3": iso3, "name": props.get("name", "")},
                         "geometry": geom})
    features.sort(key=lambda f: f["properties"]["iso3"])
    fc = {"type": "FeatureCollection",
          "note": "Natural Earth (public domain): 10m inside lon 20..105 / lat -5..62, 50m elsewhere;"
                  " simplified to about 1 km. Written by tools/derive_basemap.py.",
          "features": features}
    with open("assets/countries.geojson", "w", encoding="utf-8") as f:
        json.dump(fc, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"assets/countries.geojson: {len(features)} countries, "
          f"{os.path.getsize('assets/countries.geojson')} bytes")


def rounded_geometry(geom, tol, digits):
    polys = []
    # Small islands (the Maldives are nothing else) are kept as they are; simplifying them
    # would erase them, and a validator must still find the country under its points.
    for p in polygons_of(geom):
        if p.area > 0.05:
            p = p.simplify(tol, preserve_topology=True)
        ring = lambda coords: [[round(x, digits), round(y, digits)] for x, y in coords]
        polys.append([ring(p.exterior.coords)] + [ring(i.coords) for i in p.interiors])
    if not polys:
        return None
    return {"type": "MultiPolygon", "coordinates": polys}


if __name__ == "__main__":
    main()
