//! The files people have: Excel's CSVs (BOM, CRLF, UTF-16, semicolons and decimal commas),
//! old Mac line breaks, HDX extracts with HXL rows, XLSX and ODS workbooks, KML and KMZ
//! placemarks, lists of place names without coordinates, and hostile archives and XML. The
//! fixtures are in tests/fixtures/formats, written by tools/make_import_fixtures.py.

use iskp_atlas::io::Progress;
use iskp_atlas::io::import::{self, Format, Mapping};
use iskp_atlas::model::{DatePrecision, GeoPrecision};

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn read(name: &str, columns: &str) -> (Format, Vec<iskp_atlas::model::Incident>, import::Report) {
    let m = (!columns.is_empty()).then(|| Mapping::parse_spec(columns).unwrap());
    import::read_columns(name, &fixture(name), 1, &Progress::default(), m.as_ref())
        .unwrap_or_else(|e| panic!("{e}"))
}

fn refused(name: &str) -> String {
    import::read(name, &fixture(name), 1, &Progress::default())
        .map(|_| ())
        .unwrap_err()
        .to_string()
}

#[test]
fn excel_csv_with_bom_and_crlf_reports_the_physical_line() {
    let (format, incidents, report) = read("excel_utf8_crlf.csv", "");
    assert_eq!(format, Format::Csv);
    assert_eq!((incidents.len(), report.skipped), (3, 1));
    // Header 1, Kabul on 2 and 3 (a line break inside its quoted title), Jalalabad 4.
    assert_eq!(
        report.first_skipped[0].line,
        Some(5),
        "{:?}",
        report.first_skipped
    );
    assert!(incidents[0].title.starts_with("Test row: Kabul airport,"));
    assert_eq!(incidents[1].source_line(), 4);
    // The same rows with CR alone between them.
    let (_, mac, report) = read("old_mac_cr.csv", "");
    assert_eq!((mac.len(), report.first_skipped[0].line), (2, Some(3)));
}

/// The line an incident read from a CSV came from, as its source says.
trait SourceLine {
    fn source_line(&self) -> usize;
}

impl SourceLine for iskp_atlas::model::Incident {
    fn source_line(&self) -> usize {
        let title = &self.sources[0].title;
        title
            .rsplit("line ")
            .next()
            .and_then(|l| l.parse().ok())
            .unwrap_or(0)
    }
}

#[test]
fn utf16_tab_text_and_german_semicolons_read_with_decimal_commas() {
    let (format, incidents, report) = read("excel_unicode_text.txt", "");
    assert_eq!(format, Format::Csv);
    assert_eq!((incidents.len(), report.skipped), (2, 1));
    assert_eq!(report.first_skipped[0].line, Some(4));
    assert!((incidents[0].lat - 34.5651).abs() < 1e-9 && (incidents[0].lon - 69.2124).abs() < 1e-9);
    assert_eq!(incidents[0].date.to_string(), "2021-08-26");
    assert_eq!(incidents[0].killed, Some(170));
    let (_, incidents, report) = read("semicolon_decimal_comma.csv", "");
    assert_eq!((incidents.len(), report.skipped), (2, 0));
    assert!((incidents[1].lon - 70.4515).abs() < 1e-9);
    assert_eq!(incidents[1].title, "Testzeile: Gefängnis Dschalalabad");
}

#[test]
fn an_hdx_extract_s_hxl_row_is_recognised_not_reported_as_bad() {
    let (format, incidents, report) = read("hdx_conflict_data_pak.csv", "");
    assert_eq!(format, Format::UcdpGed);
    assert_eq!((incidents.len(), report.rows, report.skipped), (6, 6, 0));
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.contains("line 2") && n.contains("HXL")),
        "{:?}",
        report.notes
    );
    assert!(report.summary("f", format).contains("HXL"));
    // A generic CSV with hashtags under its header, read with the column step's preview.
    let csv = b"date,lat,lon\n#date,#geo+lat,#geo+lon\n2021-08-26,34.56,69.21\n2021-08-27,x,69\n";
    let p = import::preview("h.csv", csv).unwrap();
    assert_eq!(p.rows.len(), 2, "the hashtags are not a sample row");
    assert!(p.notes[0].contains("HXL"));
    let (_, incidents, report) = import::read("h.csv", csv, 1, &Progress::default()).unwrap();
    assert_eq!(
        (
            incidents.len(),
            report.skipped,
            report.first_skipped[0].line
        ),
        (1, 1, Some(4))
    );
}

#[test]
fn workbooks_read_their_first_or_chosen_sheet_with_dates_as_dates() {
    // The first sheet is a note: the first sheet holding a table is read, and the others
    // are named.
    let bytes = fixture("workbook.xlsx");
    let p = import::preview("workbook.xlsx", &bytes).unwrap();
    assert_eq!(p.format, Format::Xlsx);
    assert_eq!(p.sheets, ["Read me", "2021", "Places"]);
    assert_eq!(p.sheet, "2021");
    assert!(p.notes[0].contains("'Read me', 'Places'"), "{:?}", p.notes);
    let (_, incidents, _) = read("workbook.xlsx", "");
    assert_eq!(incidents.len(), 3);
    let e = import::read_columns(
        "workbook.xlsx",
        &bytes,
        1,
        &Progress::default(),
        Some(&Mapping::parse_spec("sheet=Read me").unwrap()),
    )
    .unwrap_err();
    assert!(
        e.message.contains("choose the date column") && e.message.contains("'2021', 'Places'"),
        "{e}"
    );
    let p = import::preview_sheet("workbook.xlsx", &bytes, Some("2021")).unwrap();
    assert_eq!(
        p.columns,
        ["Date", "Latitude", "Longitude", "Killed", "Title"]
    );
    assert_eq!(
        p.rows[0].0, 4,
        "rows are the sheet's own numbers, below two title rows"
    );
    assert!(
        p.try_rows(&p.guess)[0]
            .as_ref()
            .unwrap()
            .starts_with("2021-08-26 at 34.57, 69.21")
    );

    let (format, incidents, report) = read("workbook.xlsx", "sheet=2021");
    assert_eq!(format, Format::Xlsx);
    assert_eq!((incidents.len(), report.skipped), (3, 1));
    assert_eq!(report.first_skipped[0].line, Some(6));
    assert!(
        report
            .summary("w", format)
            .contains("row 6: Date 'not a date'")
    );
    let dates: Vec<String> = incidents.iter().map(|i| i.date.to_string()).collect();
    assert_eq!(
        dates,
        ["2021-08-26", "2020-08-02", "2024-01-03"],
        "the last typed as a day number"
    );
    assert_eq!(incidents[0].killed, Some(170));

    let (_, placed, _) = read("workbook.xlsx", "sheet=places");
    assert_eq!(placed.len(), 2);
    assert_eq!(placed[1].geo_precision, GeoPrecision::Province);

    let (format, incidents, report) = read("workbook.ods", "");
    assert_eq!(format, Format::Ods);
    assert_eq!((incidents.len(), report.skipped), (2, 1));
    assert_eq!(report.first_skipped[0].line, Some(4));
    assert_eq!(incidents[1].date.to_string(), "2024-01-03");
}

#[test]
fn kml_and_kmz_placemarks_read_with_their_dates_and_data() {
    for (name, format) in [
        ("placemarks.kml", Format::Kml),
        ("placemarks.kmz", Format::Kmz),
    ] {
        let (f, incidents, report) = read(name, "");
        assert_eq!(f, format);
        assert_eq!((incidents.len(), report.skipped), (2, 1), "{name}");
        assert_eq!(
            report.first_skipped[0].line,
            Some(28),
            "the undated placemark's line"
        );
        assert!(report.first_skipped[0].message.contains("no date"));
        assert!(
            report
                .notes
                .iter()
                .any(|n| n.contains("1 placemark without a point") && n.contains("line 16")),
            "{:?}",
            report.notes
        );
        assert_eq!(incidents[0].title, "Test row: Kabul airport");
        assert_eq!(incidents[0].killed, Some(170));
        assert_eq!(
            incidents[1].date_precision,
            DatePrecision::Month,
            "a gYearMonth"
        );
    }
}

#[test]
fn place_names_are_placed_by_the_gazetteer_or_reported() {
    let bytes = fixture("place_names.csv");
    let p = import::preview("place_names.csv", &bytes).unwrap();
    assert_eq!(p.guess.place.as_deref(), Some("location"));
    assert!(p.guess.lat.is_empty());
    assert!(p.ready(&p.guess));
    let tried = p.try_rows(&p.guess);
    assert!(
        tried[0]
            .as_ref()
            .unwrap()
            .contains("the town of Kabul, Kabul, AFG"),
        "{tried:?}"
    );
    assert!(tried[2].as_ref().unwrap_err().contains("could be 2 places"));

    let (_, incidents, report) = read("place_names.csv", "");
    let placed: Vec<(&str, GeoPrecision)> = incidents
        .iter()
        .map(|i| (i.place.as_str(), i.geo_precision))
        .collect();
    assert_eq!(
        placed,
        [
            ("Kabul, Afghanistan", GeoPrecision::Town),
            ("Jelalabad", GeoPrecision::Town),
            ("Ningarhar Province, Afghanistan", GeoPrecision::Province),
            ("Achin District, Nangarhar", GeoPrecision::Province),
            ("Kermanshah, Iran", GeoPrecision::Town),
            ("Kerman", GeoPrecision::Town),
        ]
    );
    assert_eq!(incidents[2].admin1, "Nangarhar");
    assert_eq!(incidents[4].country, "IRN");
    let why: Vec<(Option<usize>, &str)> = report
        .first_skipped
        .iter()
        .map(|e| (e.line, e.message.as_str()))
        .collect();
    assert_eq!(why.len(), 4, "{why:?}");
    assert_eq!(why[0].0, Some(4));
    assert!(why[1].1.contains("'Mastung' is not in the gazetteer"));
    assert!(why[2].1.contains("Hyderabad") && why[2].1.contains("could be 2"));
    assert!(why[3].1.contains("no place name"));
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.contains("6 rows placed by name: 4 at a town, 2 at a province")),
        "{:?}",
        report.notes
    );
    // Coordinates win over a place column when a file has both.
    let both = b"date,lat,lon,place\n2021-08-26,34.56,69.21,Herat\n";
    let m = Mapping::parse_spec("place=place").unwrap();
    let (_, i, _) = import::read_columns("b.csv", both, 1, &Progress::default(), Some(&m)).unwrap();
    assert!((i[0].lon - 69.21).abs() < 1e-9);
    assert_eq!(i[0].place, "Herat");
}

#[test]
fn hostile_files_are_refused_with_a_reason() {
    assert!(refused("hostile_zip_bomb.xlsx").contains("would expand to more than 64 MB"));
    let e = refused("hostile_huge_sheet.ods");
    assert!(e.contains("1000002 rows by 16001 columns"), "{e}");
    let e = refused("hostile_deep.kml");
    assert!(e.contains("nested more than 100 deep"), "{e}");
    // An XLSX whose one value sits at the last cell Excel has: nothing is laid out between.
    let sheet = br#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>date</t></is></c><c r="B1" t="inlineStr"><is><t>place</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>"#;
    let xlsx = workbook_with(sheet);
    let p = import::preview("far.xlsx", &xlsx).unwrap();
    assert_eq!(p.columns, ["date", "place"]);
    assert!(
        p.notes.iter().any(|n| n.contains("right of the header")),
        "{:?}",
        p.notes
    );
    // Old binary workbooks and random zips are named for what they are.
    assert!(
        import::read(
            "old.xls",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest",
            1,
            &Progress::default()
        )
        .unwrap_err()
        .message
        .contains("XLS")
    );
}

/// A minimal XLSX holding one sheet.
fn workbook_with(sheet: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default();
    let parts: [(&str, &[u8]); 5] = [
        ("_rels/.rels", br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
        ("[Content_Types].xml", br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#),
        ("xl/workbook.xml", br#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
        ("xl/_rels/workbook.xml.rels", br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#),
        ("xl/worksheets/sheet1.xml", sheet),
    ];
    for (name, bytes) in parts {
        w.start_file(name, o).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}
