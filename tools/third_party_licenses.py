"""Writes THIRD-PARTY-LICENSES.md: every crate compiled into the shipped binary (normal
dependencies, followed from iskp-atlas for Linux x86-64; build scripts, proc macros and
dev-dependencies are not shipped), its version and licence, and the licence texts the crates
carry, each distinct text once. Run after changing dependencies:

    python3 tools/third_party_licenses.py
"""

import json
import os
import re
import subprocess

TARGET = "x86_64-unknown-linux-gnu"
NAMES = re.compile(r"^(LICEN[CS]E|COPYING|NOTICE|COPYRIGHT)([-._].*)?$", re.IGNORECASE)
# Bundled C sources carry their licence deeper than the crate's root.
EXTRA = {"openh264-sys2": ["upstream/LICENSE"]}


def shipped(meta):
    nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
    packages = {p["id"]: p for p in meta["packages"]}
    root = next(p["id"] for p in meta["packages"] if p["name"] == "iskp-atlas")
    seen, todo = set(), [root]
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        for dep in nodes[pid]["deps"]:
            kinds = {k["kind"] for k in dep["dep_kinds"]}
            if None in kinds and not is_proc_macro(packages[dep["pkg"]]):
                todo.append(dep["pkg"])
    seen.discard(root)
    return sorted((packages[p] for p in seen), key=lambda p: (p["name"], p["version"]))


def is_proc_macro(package):
    return any("proc-macro" in t["kind"] for t in package["targets"])


def texts(package):
    folder = os.path.dirname(package["manifest_path"])
    names = sorted(n for n in os.listdir(folder) if NAMES.match(n))
    names += [n for n in EXTRA.get(package["name"], []) if os.path.exists(os.path.join(folder, n))]
    out = []
    for name in names:
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            with open(path, encoding="utf-8", errors="replace") as f:
                out.append((name, f.read().strip()))
    return out


def main():
    meta = json.loads(
        subprocess.check_output(
            ["cargo", "metadata", "--format-version", "1", "--filter-platform", TARGET, "--locked"]
        )
    )
    crates = shipped(meta)
    by_text = {}
    rows = []
    for p in crates:
        licence = p.get("license") or "see its licence file"
        rows.append(f"| {p['name']} | {p['version']} | {licence} |")
        for name, text in texts(p):
            # The same licence reflowed or re-indented is the same licence.
            key = " ".join(text.split())
            entry = by_text.setdefault(key, (text, []))
            entry[1].append(f"{p['name']} {p['version']} ({name})")
    lines = [
        "# Third-party software in ISKP Atlas",
        "",
        "The `iskp-atlas` binary is built from these crates, and from Cisco's OpenH264 compiled",
        "from its bundled source (crate `openh264-sys2`, BSD 2-Clause). Written by",
        "`tools/third_party_licenses.py` from the lock file.",
        "",
        "OpenH264 encodes the MP4 video export. Cisco's patent licence for H.264 covers only the",
        "OpenH264 binaries Cisco distributes itself; a build from source, like this one, does not",
        "carry it. Where H.264 patents are enforced, whoever distributes or uses the video export",
        "is responsible for its licensing.",
        "",
        f"## Crates ({len(crates)})",
        "",
        "| crate | version | licence |",
        "|---|---|---|",
        *rows,
        "",
        f"## Licence texts ({len(by_text)} distinct)",
        "",
    ]
    for text, owners in sorted(by_text.values(), key=lambda e: e[1][0]):
        lines += [f"### {', '.join(owners)}", "", "```", text.replace("```", "'''"), "```", ""]
    with open("THIRD-PARTY-LICENSES.md", "w") as f:
        f.write("\n".join(lines))
    print(f"THIRD-PARTY-LICENSES.md: {len(crates)} crates, {len(by_text)} distinct licence texts")


if __name__ == "__main__":
    main()
