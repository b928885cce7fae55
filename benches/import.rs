//! Import speed. Reports numbers; asserts nothing.
//!
//!     cargo bench --bench import
//!
//! 1. The UCDP extract in tests/fixtures (6,466 rows): read and parse, median of 20 runs.
//! 2. A UCDP GED file of 300,000 rows in the GED layout (the extract's rows repeated under new
//!    ids): median of 5 runs, rows per second. The file is left in the target folder so its
//!    peak memory can be measured whole-process: `/usr/bin/time -v iskp-atlas validate FILE`.
//! 3. A 50,000-row list of place names and no coordinates, placed by the gazetteer: every
//!    town and province it holds, "Name, Country" and bare, plus names it does not know.

use iskp_atlas::io::Progress;
use iskp_atlas::io::gazetteer::{Gazetteer, PlaceKind};
use iskp_atlas::io::import::{Mapping, read, read_columns};
use std::time::Instant;

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/ucdp/ucdp_ged_pakistan221_bangladesh_is191.csv"
    );
    let fixture = std::fs::read(path).expect("fixture");
    let times: Vec<f64> = (0..20)
        .map(|_| {
            let t = Instant::now();
            let bytes = std::fs::read(path).expect("fixture");
            let (_, incidents, _) =
                read("ucdp.csv", &bytes, 1, &Progress::default()).expect("reads");
            std::hint::black_box(incidents);
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    println!("UCDP extract (6,466 rows): median {:.1} ms", median(times));

    let big = ged_rows(&fixture, 300_000);
    let out = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("ged_300000.csv");
    std::fs::write(&out, &big).expect("write");
    let times: Vec<f64> = (0..5)
        .map(|_| {
            let t = Instant::now();
            let (_, incidents, report) =
                read("ged.csv", &big, 1, &Progress::default()).expect("reads");
            assert_eq!(report.loaded, 300_000, "{:?}", report.first_skipped);
            std::hint::black_box(incidents);
            t.elapsed().as_secs_f64()
        })
        .collect();
    let t = median(times);
    println!(
        "UCDP GED layout, 300,000 rows ({:.0} MB): median {:.2} s, {:.0} rows/s; file: {}",
        big.len() as f64 / 1e6,
        t,
        300_000.0 / t,
        out.display()
    );

    let names = place_rows(50_000);
    let out = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("places_50000.csv");
    std::fs::write(&out, &names).expect("write");
    let m = Mapping::parse_spec("date=date,place=location,deaths=dead").unwrap();
    let mut placed = 0;
    let times: Vec<f64> = (0..5)
        .map(|_| {
            let t = Instant::now();
            let (_, incidents, _) =
                read_columns("places.csv", &names, 1, &Progress::default(), Some(&m))
                    .expect("reads");
            placed = incidents.len();
            t.elapsed().as_secs_f64()
        })
        .collect();
    let t = median(times);
    println!(
        "place names, 50,000 rows: median {:.3} s, {:.0} rows/s, {placed} placed; file: {}",
        t,
        50_000.0 / t,
        out.display()
    );
}

/// `n` rows of the GED layout: the extract's rows in turn, each under a new id.
fn ged_rows(fixture: &[u8], n: usize) -> Vec<u8> {
    let mut r = csv::Reader::from_reader(fixture);
    let header = r.headers().unwrap().clone();
    let id = header.iter().position(|h| h == "id").unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&header).unwrap();
    for k in 0..n {
        let mut row: Vec<String> = rows[k % rows.len()].iter().map(str::to_owned).collect();
        row[id] = (k + 1).to_string();
        w.write_record(&row).unwrap();
    }
    w.into_inner().unwrap()
}

/// `n` rows naming the gazetteer's places in turn, in the shapes lists use, a tenth unknown.
fn place_rows(n: usize) -> Vec<u8> {
    let g = Gazetteer::shared();
    let countries: std::collections::HashMap<String, String> =
        iskp_atlas::io::countries::Countries::embedded()
            .names()
            .map(|(iso, name)| (iso.to_owned(), name.to_owned()))
            .collect();
    let mut out = String::from("date,location,dead\n");
    for k in 0..n {
        let p = &g.places[k % g.places.len()];
        let country = countries.get(&p.iso3).cloned().unwrap_or_default();
        let name = match k % 10 {
            0 => format!("Nowhere {k}, {country}"),
            1 | 2 if p.kind == PlaceKind::Province => format!("{} Province, {country}", p.name),
            3 => p.name.clone(),
            _ => format!("{}, {country}", p.name),
        };
        out += &format!(
            "2020-{:02}-{:02},\"{name}\",{}\n",
            k % 12 + 1,
            k % 28 + 1,
            k % 7
        );
    }
    out.into_bytes()
}
