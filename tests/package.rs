//! The packages' ingredients: what `[package.metadata.deb]` installs exists, the icons are
//! the sizes their names say and hold the atlas's mark, the desktop entry launches this
//! binary with the files it can open, and the third-party licences follow the lock file.

use std::collections::HashSet;

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The source path of every `[source, destination, mode]` asset of the .deb.
fn deb_assets() -> Vec<String> {
    let manifest = read("Cargo.toml");
    let start = manifest
        .find("[package.metadata.deb]")
        .expect("deb metadata");
    let assets = &manifest[start..];
    let assets = &assets[assets.find("assets = [").expect("assets")..];
    let assets = &assets[..assets.find("\n]").expect("end of assets")];
    assets
        .lines()
        .filter_map(|l| l.trim().strip_prefix("[\""))
        .map(|l| l[..l.find('"').unwrap()].to_owned())
        .collect()
}

#[test]
fn every_file_the_deb_installs_is_in_the_repository() {
    let assets = deb_assets();
    assert!(assets.len() > 10, "{assets:?}");
    for path in &assets {
        if path != "target/release/iskp-atlas" {
            assert!(std::path::Path::new(path).is_file(), "{path} is missing");
        }
    }
    for needed in [
        "target/release/iskp-atlas",
        "packaging/iskp-atlas.desktop",
        "packaging/icons/iskp-atlas.svg",
        "README.md",
        "LICENSE",
        "THIRD-PARTY-LICENSES.md",
        "data/sources.json",
        "data/PROVENANCE.md",
    ] {
        let listed = assets.iter().any(|a| a == needed)
            || read("Cargo.toml").contains(&format!("license-file = [\"{needed}\""));
        assert!(listed, "{needed} is not packaged");
    }
    // The portable archive carries the same files.
    let script = read("tools/package.sh");
    for needed in [
        "README.md",
        "LICENSE",
        "THIRD-PARTY-LICENSES.md",
        "iskp-atlas.desktop",
    ] {
        assert!(script.contains(needed), "the archive lacks {needed}");
    }
}

#[test]
fn the_icons_are_their_sizes_and_keep_the_marker_at_16_px() {
    for n in [16u32, 24, 32, 48, 64, 128, 256, 512] {
        let path = format!("packaging/icons/iskp-atlas-{n}.png");
        let icon = image::open(&path)
            .unwrap_or_else(|e| panic!("{path}: {e}"))
            .into_rgba8();
        assert_eq!(icon.dimensions(), (n, n), "{path}");
        // The red marker, the sand of Afghanistan and the night-blue tile all survive the
        // smallest size; the corners stay transparent.
        let near = |c: [u8; 3]| {
            icon.pixels().any(|p| {
                p[3] > 200 && (0..3).all(|k| (i32::from(p[k]) - i32::from(c[k])).abs() < 40)
            })
        };
        assert!(near([230, 57, 70]), "{path}: no marker red");
        assert!(near([233, 196, 106]), "{path}: no sand");
        assert!(near([20, 33, 61]), "{path}: no tile");
        // (Resampling leaves a trace of the tile's edge in the corner pixel at 16 px.)
        assert!(
            icon.get_pixel(0, 0)[3] < 8,
            "{path}: corner not transparent"
        );
    }
    let svg = read("packaging/icons/iskp-atlas.svg");
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
}

#[test]
fn the_desktop_entry_launches_this_binary_with_the_files_it_opens() {
    let entry = read("packaging/iskp-atlas.desktop");
    let keys: std::collections::HashMap<&str, &str> =
        entry.lines().filter_map(|l| l.split_once('=')).collect();
    assert_eq!(entry.lines().next(), Some("[Desktop Entry]"));
    assert_eq!(keys["Type"], "Application");
    assert_eq!(keys["Name"], "ISKP Atlas");
    assert_eq!(keys["Exec"], format!("{} %F", env!("CARGO_PKG_NAME")));
    assert_eq!(keys["Icon"], "iskp-atlas");
    // The window's app id, so the desktop matches the window to its entry and icon.
    assert!(read("src/main.rs").contains(&format!(".with_app_id(\"{}\")", keys["StartupWMClass"])));
    for key in ["Categories", "MimeType", "Keywords"] {
        assert!(keys[key].ends_with(';'), "{key} must end with ';'");
    }
    let mimes: HashSet<&str> = keys["MimeType"]
        .split(';')
        .filter(|m| !m.is_empty())
        .collect();
    for mime in [
        "text/csv",
        "application/geo+json",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.oasis.opendocument.spreadsheet",
        "application/vnd.google-earth.kml+xml",
        "application/vnd.google-earth.kmz",
    ] {
        assert!(mimes.contains(mime), "{mime}");
    }
    let metainfo = read("packaging/iskp-atlas.metainfo.xml");
    assert!(metainfo.contains(&format!(
        "<release version=\"{}\"",
        env!("CARGO_PKG_VERSION")
    )));
    assert!(metainfo.contains("<launchable type=\"desktop-id\">iskp-atlas.desktop</launchable>"));
}

#[test]
fn the_third_party_licences_name_the_locked_versions() {
    let lock = read("Cargo.lock");
    let mut locked = HashSet::new();
    let mut name = "";
    for line in lock.lines() {
        if let Some(n) = line.strip_prefix("name = \"") {
            name = n.trim_end_matches('"');
        } else if let Some(v) = line.strip_prefix("version = \"") {
            locked.insert(format!("{name} {}", v.trim_end_matches('"')));
        }
    }
    let licences = read("THIRD-PARTY-LICENSES.md");
    let rows: Vec<&str> = licences
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| crate"))
        .collect();
    assert!(rows.len() > 100);
    for row in rows {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let crate_version = format!("{} {}", cells[1], cells[2]);
        assert!(
            locked.contains(&crate_version),
            "{crate_version} is not in Cargo.lock: run tools/third_party_licenses.py"
        );
    }
    for shipped in ["eframe", "egui", "walkers", "openh264-sys2", "calamine"] {
        assert!(licences.contains(&format!("| {shipped} |")), "{shipped}");
    }
}
