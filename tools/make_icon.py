"""Draws the atlas's icon from Natural Earth outlines (assets/countries.geojson):
Afghanistan, where ISKP is based, in sand over Pakistan in slate, on a night-blue tile, with
the atlas's red incident marker at Jalalabad. Writes packaging/icons/iskp-atlas.svg and
iskp-atlas-N.png for the sizes desktops ask for.

    pip install pillow && python3 tools/make_icon.py
"""

import json
import math
from PIL import Image, ImageDraw

SIZES = [16, 24, 32, 48, 64, 128, 256, 512]
BACKGROUND = (20, 33, 61)
CORE = (233, 196, 106)
NEIGHBOUR = (92, 112, 140)
MARKER = (230, 57, 70)
RING = (255, 255, 255)
JALALABAD = (70.45, 34.43)
# The map's window in degrees, and where it sits on the 256-unit tile.
LON = (59.6, 75.4)
LAT = (28.2, 39.4)
MARGIN = 22.0


def outlines():
    with open("assets/countries.geojson") as f:
        features = json.load(f)["features"]
    shapes = {}
    for feature in features:
        iso3 = feature["properties"].get("iso3")
        if iso3 in ("AFG", "PAK"):
            geometry = feature["geometry"]
            polygons = geometry["coordinates"]
            if geometry["type"] == "Polygon":
                polygons = [polygons]
            # Outer rings only: neither country has a hole worth a pixel.
            shapes[iso3] = [p[0] for p in polygons if len(p[0]) > 20]
    return shapes


def project(lon, lat):
    """Plate carrée squeezed by the cosine of the middle latitude, fitted to the tile."""
    k = math.cos(math.radians((LAT[0] + LAT[1]) / 2))
    width = (LON[1] - LON[0]) * k
    height = LAT[1] - LAT[0]
    scale = (256 - 2 * MARGIN) / max(width, height)
    x0 = (256 - width * scale) / 2
    y0 = (256 - height * scale) / 2
    return (x0 + (lon - LON[0]) * k * scale, y0 + (LAT[1] - lat) * scale)


def tile_radius():
    return 52.0


def marker():
    x, y = project(*JALALABAD)
    return x, y, 27.0, 8.0


def draw(size, shapes):
    ss = 8 if size < 128 else 4
    n = size * ss
    u = n / 256.0
    img = Image.new("RGBA", (n, n), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    inset = 8 * u
    d.rounded_rectangle((inset, inset, n - inset, n - inset), radius=tile_radius() * u, fill=BACKGROUND)
    # Pakistan runs off the tile to the south and east, clipped to its rounded edge.
    land = Image.new("RGBA", (n, n), (0, 0, 0, 0))
    dl = ImageDraw.Draw(land)
    for iso3, colour in (("PAK", NEIGHBOUR), ("AFG", CORE)):
        for ring in shapes[iso3]:
            dl.polygon([tuple(c * u for c in project(lon, lat)) for lon, lat in ring], fill=colour)
    mask = Image.new("L", (n, n), 0)
    ImageDraw.Draw(mask).rounded_rectangle(
        (inset, inset, n - inset, n - inset), radius=tile_radius() * u, fill=255
    )
    img.paste(land, (0, 0), Image.composite(land, Image.new("RGBA", (n, n)), mask).getchannel("A"))
    x, y, r, ring = marker()
    d.ellipse(((x - r - ring) * u, (y - r - ring) * u, (x + r + ring) * u, (y + r + ring) * u), fill=RING)
    d.ellipse(((x - r) * u, (y - r) * u, (x + r) * u, (y + r) * u), fill=MARKER)
    return img.resize((size, size), Image.LANCZOS)


def svg(shapes):
    def path(ring):
        points = [project(lon, lat) for lon, lat in ring]
        return "M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in points) + " Z"

    x, y, r, ring = marker()
    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">',
        f'<clipPath id="tile"><rect x="8" y="8" width="240" height="240" rx="{tile_radius():.0f}"/></clipPath>',
        f'<rect x="8" y="8" width="240" height="240" rx="{tile_radius():.0f}" fill="rgb{BACKGROUND}"/>',
        '<g clip-path="url(#tile)">',
    ]
    for iso3, colour in (("PAK", NEIGHBOUR), ("AFG", CORE)):
        d = " ".join(path(r) for r in shapes[iso3])
        parts.append(f'<path d="{d}" fill="rgb{colour}"/>')
    parts.append("</g>")
    parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r + ring:.1f}" fill="rgb{RING}"/>')
    parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="rgb{MARKER}"/>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def main():
    shapes = outlines()
    for size in SIZES:
        draw(size, shapes).save(f"packaging/icons/iskp-atlas-{size}.png", optimize=True)
    with open("packaging/icons/iskp-atlas.svg", "w") as f:
        f.write(svg(shapes))
    print(f"packaging/icons: {len(SIZES)} PNGs and the SVG")


if __name__ == "__main__":
    main()
