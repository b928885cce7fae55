#!/usr/bin/env bash
# Checks the packages tools/package.sh built, as root on a Debian-like machine: installs the
# .deb, runs `iskp-atlas --version` and a `render` from the installed binary, validates the
# desktop entry, removes the package and checks nothing is left; then unpacks the portable
# archive elsewhere and runs it from there, with its menu entry added and removed.
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$(ls target/package/iskp-atlas_*.deb | tail -n1)
tarball=$(ls target/package/iskp-atlas-*-linux-*.tar.gz | tail -n1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dpkg -i "$deb"
test "$(command -v iskp-atlas)" = /usr/bin/iskp-atlas
iskp-atlas --version
(cd "$work" && iskp-atlas render --out deb.png --size 1280x720 --year 2024 && test -s deb.png)
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate /usr/share/applications/iskp-atlas.desktop
fi
for f in /usr/share/icons/hicolor/{16x16,256x256}/apps/iskp-atlas.png \
    /usr/share/doc/iskp-atlas/{README.md,copyright,THIRD-PARTY-LICENSES.md,data/sources.json}; do
    test -s "$f"
done
dpkg -r iskp-atlas
for f in /usr/bin/iskp-atlas /usr/share/applications/iskp-atlas.desktop /usr/share/doc/iskp-atlas; do
    if [ -e "$f" ]; then echo "left behind: $f"; exit 1; fi
done

tar -C "$work" -xzf "$tarball"
dir=$(ls -d "$work"/iskp-atlas-*/)
(cd / && "$dir/iskp-atlas" --version)
(cd "$work" && "$dir/iskp-atlas" render --out portable.png --size 640x360 && test -s portable.png)
HOME="$work/home" "$dir/install.sh"
grep -q "^Exec=\"$dir" "$work/home/.local/share/applications/iskp-atlas.desktop"
HOME="$work/home" "$dir/install.sh" --remove
test ! -e "$work/home/.local/share/applications/iskp-atlas.desktop"
echo "packages checked: $(basename "$deb"), $(basename "$tarball")"
