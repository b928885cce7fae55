//! Importers on real and broken files: the real UCDP extract, small ACLED, CSV and GeoJSON
//! files, and malformed input that must give a clear error, never a panic.

use iskp_atlas::io::Progress;
use iskp_atlas::io::import::{self, Format};
use std::path::PathBuf;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
    .unwrap()
}

#[test]
fn the_real_ucdp_extract_loads_every_row_and_finds_the_is_rows() {
    let bytes = fixture("ucdp/ucdp_ged_pakistan221_bangladesh_is191.csv");
    let (format, incidents, report) =
        import::read("ucdp.csv", &bytes, 3, &Progress::default()).unwrap();
    assert_eq!(format, Format::UcdpGed);
    assert_eq!(report.rows, 6466);
    assert_eq!(report.loaded, 6466, "{:?}", report.first_skipped);
    let is_rows = incidents
        .iter()
        .filter(|i| i.actors.iter().any(|a| a == "IS"))
        .count();
    assert_eq!(is_rows, 107);
    assert!(incidents.iter().all(|i| i.layer == 3));
    let bangladesh = incidents.iter().filter(|i| i.country == "BGD").count();
    assert_eq!(
        bangladesh, 50,
        "Bangladesh rows have no iso3 column: the name is looked up"
    );
    let first = incidents.iter().find(|i| i.id == "ucdp-59553").unwrap();
    assert_eq!(first.date.to_string(), "1990-10-04");
    assert_eq!(first.killed, Some(2));
    assert!(first.sources[0].url.ends_with("/59553"));
    // A clash in which one IS fighter died: a militant, not a victim.
    let clash = incidents.iter().find(|i| i.id == "ucdp-225068").unwrap();
    assert_eq!((clash.killed, clash.militants_killed), (Some(0), Some(1)));
}

#[test]
fn acled_exports_load_good_rows_and_report_bad_ones_by_line() {
    let (format, incidents, report) = import::read(
        "acled.csv",
        &fixture("acled_sample.csv"),
        1,
        &Progress::default(),
    )
    .unwrap();
    assert_eq!(format, Format::Acled);
    assert_eq!((report.rows, report.loaded, report.skipped), (4, 2, 2));
    let lines: Vec<Option<usize>> = report.first_skipped.iter().map(|e| e.line).collect();
    assert_eq!(lines, vec![Some(3), Some(4)]);
    assert!(report.first_skipped[0].message.contains("31 February 2022"));
    assert!(report.first_skipped[1].message.contains("out of range"));
    let kabul = &incidents[0];
    assert_eq!((kabul.country.as_str(), kabul.killed), ("AFG", Some(170)));
    assert!(kabul.summary.contains("with a comma"));
    let summary = report.summary("acled.csv", format);
    assert!(
        summary.contains("2 of 4 rows loaded") && summary.contains("line 3"),
        "{summary}"
    );
}

#[test]
fn generic_csv_and_geojson_points_are_understood() {
    let (format, incidents, report) = import::read(
        "mine.csv",
        &fixture("generic_semicolon.csv"),
        2,
        &Progress::default(),
    )
    .unwrap();
    assert_eq!(format, Format::Csv);
    assert_eq!((report.loaded, report.skipped), (2, 1));
    assert_eq!(incidents[0].killed, Some(25));
    assert_eq!(
        incidents[1].date_precision,
        iskp_atlas::model::DatePrecision::Year
    );
    let (format, incidents, report) = import::read(
        "p.geojson",
        &fixture("points.geojson"),
        2,
        &Progress::default(),
    )
    .unwrap();
    assert_eq!(format, Format::GeoJsonPoints);
    assert_eq!((incidents.len(), report.skipped), (1, 2));
    assert_eq!(incidents[0].title, "A point");
}

#[test]
fn the_users_choice_of_columns_and_date_property_is_followed() {
    let p = Progress::default();
    let csv = b"Wann,Nord,Ost,Opfer,Art\n2021-08-26,34.52,69.18,170,suicide bombing\n";
    let before = import::read("de.csv", csv, 1, &p).unwrap_err();
    assert!(
        before.to_string().contains("choose the latitude column"),
        "the date is guessed from the values, the coordinates cannot be: {before}"
    );
    let preview = import::preview("de.csv", csv).unwrap();
    assert!(preview.ask);
    assert_eq!(preview.guess.date, "Wann", "the only column holding dates");
    let m = import::Mapping::parse_spec("date=wann,lat=Nord,lon=Ost,deaths=Opfer,category=Art")
        .unwrap();
    let (_, incidents, report) = import::read_with("de.csv", csv, 1, &p, Some(&m)).unwrap();
    assert_eq!(report.loaded, 1);
    let i = &incidents[0];
    assert_eq!((i.lat, i.lon, i.killed), (34.52, 69.18, Some(170)));
    assert_eq!(i.method, "suicide bombing");

    // Two properties hold dates: the preview asks, and the choice decides.
    let geo = br#"{"type":"FeatureCollection","features":[
        {"type":"Feature","geometry":{"type":"Point","coordinates":[69.2,34.5]},
         "properties":{"reported":"2021-09-01","happened":"2021-08-26","name":"x"}}]}"#;
    let preview = import::preview("two.geojson", geo).unwrap();
    assert_eq!(preview.format, Format::GeoJsonPoints);
    assert!(preview.ask);
    assert_eq!(preview.date_columns, ["happened", "reported"]);
    let m = import::Mapping::parse_spec("date=happened").unwrap();
    let (_, incidents, _) = import::read_with("two.geojson", geo, 1, &p, Some(&m)).unwrap();
    assert_eq!(incidents[0].date.to_string(), "2021-08-26");
    assert_eq!(
        incidents[0].title, "Feature 1",
        "an exact mapping reads no title"
    );
    let (_, incidents, _) = import::read_columns("two.geojson", geo, 1, &p, Some(&m)).unwrap();
    assert_eq!(
        incidents[0].title, "x",
        "named on the command line, the rest is guessed"
    );
    // Opened in the window: the two-date file asks, a one-date file and fixed layouts are
    // read at once, a generic CSV always asks.
    assert!(matches!(
        import::open("two.geojson", geo, 1, &p).unwrap(),
        import::Opened::Ask(_)
    ));
    let one = fixture("points.geojson");
    match import::open("p.geojson", &one, 4, &p).unwrap() {
        import::Opened::Read(format, incidents, _) => {
            assert_eq!(format, Format::GeoJsonPoints);
            assert!(incidents.iter().all(|i| i.layer == 4));
        }
        import::Opened::Ask(_) => panic!("one date property: nothing to ask"),
    }
    assert!(matches!(
        import::open("de.csv", csv, 1, &p).unwrap(),
        import::Opened::Ask(_)
    ));
    assert!(matches!(
        import::open("a.csv", &fixture("acled_sample.csv"), 1, &p).unwrap(),
        import::Opened::Read(Format::Acled, ..)
    ));
    let m = import::Mapping::parse_spec("date=reported").unwrap();
    let (_, incidents, _) = import::read_with("two.geojson", geo, 1, &p, Some(&m)).unwrap();
    assert_eq!(incidents[0].date.to_string(), "2021-09-01");
}

#[test]
fn malformed_files_get_clear_errors_and_never_panic() {
    let p = Progress::default();
    // Empty.
    let e = import::read("empty.csv", b"", 1, &p).unwrap_err();
    assert!(e.to_string().contains("empty"), "{e}");
    // Not UTF-8 (Latin-1 bytes).
    let e = import::read(
        "latin1.csv",
        b"date,latitude,longitude\n2020-01-01,34.5,69.2\nKaf\xe9,1,2\n",
        1,
        &p,
    )
    .unwrap_err();
    assert!(e.to_string().contains("UTF-8") && e.line == Some(3), "{e}");
    // No recognisable columns.
    let e = import::read("cols.csv", b"a,b,c\n1,2,3\n", 1, &p).unwrap_err();
    assert!(e.to_string().contains("choose the date column"), "{e}");
    // A chosen column that is not there is named.
    let m = import::Mapping::parse_spec("date=a,lat=b,lon=nope").unwrap();
    let e = import::read_with("cols.csv", b"a,b,c\n1,2,3\n", 1, &p, Some(&m)).unwrap_err();
    assert!(
        e.to_string()
            .contains("no column named 'nope' (chosen for the longitude)"),
        "{e}"
    );
    // Wrong column types: text where numbers belong.
    let (_, _, r) = import::read(
        "types.csv",
        b"date,latitude,longitude\n2020-01-01,north,east\n",
        1,
        &p,
    )
    .unwrap();
    assert_eq!((r.loaded, r.skipped), (0, 1));
    // Truncated in the middle of a quoted field with a line break.
    let full = fixture("ucdp/ucdp_ged_pakistan221_bangladesh_is191.csv");
    let cut = &full[..full.len() / 2];
    let (_, incidents, r) = import::read("cut.csv", cut, 1, &p).unwrap();
    assert!(incidents.len() > 3000 && r.rows >= incidents.len());
    // Broken JSON names its line.
    let e = import::read("b.geojson", b"{\n \"features\": [\n  {,]}", 1, &p).unwrap_err();
    assert_eq!(e.line, Some(3), "{e}");
    // A single line of more than 10 MB.
    let mut huge = b"date,latitude,longitude,title\n2020-01-01,34.5,69.2,\"".to_vec();
    huge.extend(std::iter::repeat_n(b'x', 11 * 1024 * 1024));
    huge.extend(b"\"\n");
    let (_, incidents, _) = import::read("huge.csv", &huge, 1, &p).unwrap();
    assert_eq!(incidents.len(), 1);
    assert_eq!(incidents[0].title.len(), 11 * 1024 * 1024);
    // Arbitrary bytes.
    for seed in 0..200u32 {
        let bytes: Vec<u8> = (0..300)
            .map(|k| ((k * 7919 + seed * 104729) % 251) as u8)
            .collect();
        let _ = import::read("noise", &bytes, 1, &p);
    }
}
