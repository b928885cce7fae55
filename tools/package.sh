#!/usr/bin/env bash
# Builds the Linux packages into target/package/: the .deb (cargo-deb, configured in
# Cargo.toml's [package.metadata.deb]) and the portable iskp-atlas-VERSION-linux-x86_64.tar.gz,
# which holds the same files and runs from any folder. Needs cargo-deb:
#
#     cargo install cargo-deb --locked && tools/package.sh
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
arch=$(uname -m)
out=target/package
mkdir -p "$out"

cargo build --release --locked
cargo deb --no-build --output "$out/"

name="iskp-atlas-$version-linux-$arch"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
dir="$stage/$name"
mkdir -p "$dir/icons" "$dir/data"
cp target/release/iskp-atlas "$dir/"
cp packaging/iskp-atlas.desktop "$dir/"
cp packaging/icons/iskp-atlas.svg packaging/icons/iskp-atlas-*.png "$dir/icons/"
cp README.md LICENSE THIRD-PARTY-LICENSES.md "$dir/"
cp data/README.md data/PROVENANCE.md data/sources.json "$dir/data/"
cp packaging/install-portable.sh "$dir/install.sh"
tar -C "$stage" -czf "$out/$name.tar.gz" --owner=0 --group=0 "$name"

ls -l "$out"/*.deb "$out/$name.tar.gz"
