#!/usr/bin/env bash
# Adds the atlas in this folder to your desktop's menu (for you only, no root): the desktop
# entry and the icon go under ~/.local/share, pointing at this folder's iskp-atlas. The atlas
# also runs without this, as ./iskp-atlas. `./install.sh --remove` takes the entry away.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
share=${XDG_DATA_HOME:-$HOME/.local/share}
entry="$share/applications/iskp-atlas.desktop"
if [ "${1:-}" = "--remove" ]; then
    rm -f "$entry"
    for png in "$here"/icons/iskp-atlas-*.png; do
        n=$(basename "$png" .png); n=${n#iskp-atlas-}
        rm -f "$share/icons/hicolor/${n}x${n}/apps/iskp-atlas.png"
    done
    rm -f "$share/icons/hicolor/scalable/apps/iskp-atlas.svg"
    echo "removed the menu entry and the icons"
    exit 0
fi
mkdir -p "$share/applications"
for png in "$here"/icons/iskp-atlas-*.png; do
    n=$(basename "$png" .png); n=${n#iskp-atlas-}
    mkdir -p "$share/icons/hicolor/${n}x${n}/apps"
    cp "$png" "$share/icons/hicolor/${n}x${n}/apps/iskp-atlas.png"
done
mkdir -p "$share/icons/hicolor/scalable/apps"
cp "$here/icons/iskp-atlas.svg" "$share/icons/hicolor/scalable/apps/"
sed "s|^Exec=iskp-atlas|Exec=\"$here/iskp-atlas\"|" "$here/iskp-atlas.desktop" > "$entry"
echo "added ISKP Atlas to the menu ($entry)"
