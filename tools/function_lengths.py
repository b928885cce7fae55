#!/usr/bin/env python3
"""The longest functions under the given folders or files: lines from `fn` to its closing
brace. Used to keep the shell's functions short (docs/architecture.md).

    python3 tools/function_lengths.py src/app.rs src/app src/map
"""
import os
import re
import sys

FN = re.compile(r"\s*(pub(\([a-z]+\))?\s+)?(const\s+)?fn\s+(\w+)")


def functions(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    for start, line in enumerate(lines):
        m = FN.match(line)
        if not m:
            continue
        depth, opened = 0, False
        for end in range(start, len(lines)):
            depth += lines[end].count("{") - lines[end].count("}")
            opened = opened or "{" in lines[end]
            if opened and depth == 0:
                yield end - start + 1, m.group(4), path, start + 1
                break
            if not opened and lines[end].rstrip().endswith(";"):
                break


def files(roots):
    for root in roots:
        if os.path.isfile(root):
            yield root
        for folder, _, names in os.walk(root):
            yield from (os.path.join(folder, n) for n in sorted(names) if n.endswith(".rs"))


found = sorted((f for p in files(sys.argv[1:] or ["src"]) for f in functions(p)), reverse=True)
for length, name, path, line in found[:10]:
    print(f"{length:4} {name}  {path}:{line}")
