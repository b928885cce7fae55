#!/usr/bin/env python3
"""Rebuild data/sources.json: the paper, its footnoted bibliography, and every source the
incidents cite (deduplicated by URL, with the ids of the incidents that cite it).

Run from the repository root after editing data/incidents.geojson:
    python3 tools/build_sources.py [PATH_TO_PAPER_MARKDOWN]
A test (tests/data.rs) fails when an incident cites a source missing from data/sources.json.
"""
import json
import re
import sys

PAPER_MD = sys.argv[1] if len(sys.argv) > 1 else "../shared/reference/rana-2024-iskp-resurgence.md"

PAPER = {
    "title": "The Resurgence of Islamic State Khorasan Province (ISKP): Exploiting a Counterterrorism Gap",
    "author": "Meher Azfar Rana",
    "publisher": "Centre for Aerospace and Security Studies (CASS), Lahore",
    "date": "2024-06",
    "url": "https://casslhr.com/?p=5865",
}


def footnotes(path):
    """Footnote number -> (citation text, first URL), from the paper's markdown."""
    notes = {}
    try:
        text = open(path, encoding="utf-8").read()
    except OSError:
        return notes
    for m in re.finditer(r"^<sup>(\d+)</sup>\s*(.+)$", text, re.M):
        number, body = int(m.group(1)), m.group(2).strip()
        urls = re.findall(r"<(https?://[^>\s]+)>|\]\((https?://[^)\s]+)\)", body)
        url = next((a or b for a, b in urls), None)
        # Citation text without markdown links and emphasis.
        clean = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", body)
        clean = re.sub(r"<https?://[^>]+>", "", clean)
        clean = re.sub(r"https?://\S+", "", clean)
        clean = re.sub(r"\\+_", "_", clean).replace("*", "")
        clean = re.sub(r"\.\.+", ".", re.sub(r"\s+\.", ".", re.sub(r"\s{2,}", " ", clean)))
        clean = clean.strip().rstrip(".").strip()
        notes[number] = {"footnote": number, "citation": clean, "url": url}
    # A marker in the text whose note text is missing from this copy of the paper is still a
    # footnote: keep it, empty, so a paper_ref to it is not mistaken for a typo.
    for m in re.finditer(r"<sup>(\d+)</sup>", text):
        number = int(m.group(1))
        notes.setdefault(number, {"footnote": number, "citation": None, "url": None,
                                  "note": "text missing from the copy of the paper used here"})
    return [notes[k] for k in sorted(notes)]


def main():
    incidents = json.load(open("data/incidents.geojson", encoding="utf-8"))["features"]
    by_url = {}
    for f in incidents:
        p = f["properties"]
        for s in p["sources"]:
            entry = by_url.setdefault(s["url"], {
                "title": s["title"], "publisher": s["publisher"], "date": s["date"],
                "url": s["url"], "cited_by": []})
            if p["id"] not in entry["cited_by"]:
                entry["cited_by"].append(p["id"])
    sources = sorted(by_url.values(), key=lambda s: (s["publisher"].lower(), s["date"], s["url"]))
    out = {
        "paper": PAPER,
        "paper_footnotes": footnotes(PAPER_MD),
        "sources": sources,
    }
    with open("data/sources.json", "w", encoding="utf-8") as fh:
        json.dump(out, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    print(f"data/sources.json: {len(sources)} sources, {len(out['paper_footnotes'])} paper footnotes")


if __name__ == "__main__":
    main()
