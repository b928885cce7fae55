//! `iskp-atlas stats` on a small fixture whose numbers were worked out by hand: victims,
//! militants and bystanders apart; published totals joined to the right period.

use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

fn stats(args: &[&str]) -> Value {
    let exe = env!("CARGO_BIN_EXE_iskp-atlas");
    let incidents = fixture("counts/stats_incidents.geojson");
    let totals = fixture("counts/stats_totals.json");
    let out = Command::new(exe)
        .args(["stats", &incidents, "--totals", &totals, "--json"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn row<'a>(v: &'a Value, period: &str, country: &str) -> &'a Value {
    v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["period"] == period && r["country"] == country)
        .unwrap_or_else(|| panic!("no row {period} {country} in {v}"))
}

#[test]
fn yearly_rows_keep_victims_militants_and_bystanders_apart() {
    let v = stats(&[]);
    assert_eq!(v["data_through"], "2022-06");
    assert_eq!(v["rows"].as_array().unwrap().len(), 2);
    let y2021 = row(&v, "2021", "all");
    // Attacks of 10 (8-12) and 170 (170-183), and a clash's 4 victims; the clash's 6 ISKP
    // dead and the operation's 30 militants are not victims.
    assert_eq!(y2021["attacks"], 2);
    assert_eq!(y2021["clashes"], 1);
    assert_eq!(y2021["victims_killed"], 184);
    assert_eq!(y2021["victims_killed_low"], 182);
    assert_eq!(y2021["victims_killed_high"], 199);
    assert_eq!(y2021["injured"], 205);
    assert_eq!(y2021["operations"], 1);
    assert_eq!(y2021["militants_killed"], 30);
    assert_eq!(y2021["civilians_killed_in_operations"], 2);
    let y2022 = row(&v, "2022", "all");
    // Only the top of the range is known (7); the plot killed nobody; the leader is a militant.
    assert_eq!(y2022["attacks"], 1);
    assert_eq!(y2022["victims_killed"], 7);
    assert_eq!(y2022["plots"], 1);
    assert_eq!(y2022["leadership"], 1);
    assert_eq!(y2022["militants_killed"], 1);
}

#[test]
fn published_totals_join_the_period_and_country_they_cover() {
    let v = stats(&["--country", "AFG", "--country", "PAK"]);
    let afg21 = row(&v, "2021", "AFG");
    let values: Vec<u64> = afg21["published"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["value"].as_u64().unwrap())
        .collect();
    // Both 2021 totals; not the 2021-2022 one, which lies in no single year.
    assert_eq!(values, vec![119, 152]);
    assert_eq!(afg21["published"][1]["counts"], "attacks");
    assert_eq!(afg21["published"][1]["url"], "https://example.org/b");
    assert!(
        row(&v, "2021", "PAK")["published"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    let pak22 = row(&v, "2022", "PAK");
    assert_eq!(pak22["published"][0]["value"], 20);
    assert_eq!(pak22["victims_killed"], 7);
    assert_eq!(row(&v, "2022", "AFG")["attacks"], 0);
}

#[test]
fn months_kinds_and_csv() {
    let v = stats(&["--by", "month", "--kind", "attack"]);
    let rows = v["rows"].as_array().unwrap();
    // March 2021 to February 2022: every month, empty ones as zeros.
    assert_eq!(rows.len(), 12);
    assert_eq!(row(&v, "2021-08", "all")["victims_killed"], 170);
    assert_eq!(row(&v, "2021-09", "all")["militants_killed"], 0);
    assert_eq!(row(&v, "2021-04", "all")["attacks"], 0);

    let exe = env!("CARGO_BIN_EXE_iskp-atlas");
    let out = Command::new(exe)
        .args(["stats", &fixture("counts/stats_incidents.geojson"), "--csv"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("period,country,attacks,victims_killed,")
    );
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("2021,all,2,184,182,199,205,1,1,30,2,0,0,")
    );
}

#[test]
fn the_embedded_data_has_a_row_for_every_year_and_a_published_total_beside_them() {
    let exe = env!("CARGO_BIN_EXE_iskp-atlas");
    let out = Command::new(exe)
        .args(["stats", "--json", "--country", "AFG"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["data_through"].as_str().is_some());
    for year in 2016..=2025 {
        let r = row(&v, &year.to_string(), "AFG");
        assert!(
            !r["published"].as_array().unwrap().is_empty(),
            "no published total for Afghanistan in {year}"
        );
    }
    let out = Command::new(exe)
        .args(["stats", "--kind", "nonsense"])
        .output()
        .unwrap();
    assert!(!out.status.success());
}

#[test]
fn the_chart_says_in_words_what_the_atlas_maps_against_a_published_count() {
    use iskp_atlas::model::stats::ChartSettings;
    use iskp_atlas::ui::charts::comparisons;
    let (dataset, _) = iskp_atlas::io::embedded::load();
    let shown: Vec<_> = dataset.incidents().iter().collect();
    let lines = comparisons(&shown, ChartSettings::default(), 2021);
    let un = lines
        .iter()
        .find(|l| {
            l.contains(
                "152 attacks UN Secretary-General counted in Afghanistan, 19 Aug – 31 Dec 2021",
            )
        })
        .unwrap_or_else(|| panic!("{lines:#?}"));
    // The number it maps is the atlas's attacks in exactly that period and country.
    let from = iskp_atlas::model::Date::new(2021, 8, 19).unwrap();
    let to = iskp_atlas::model::Date::new(2021, 12, 31).unwrap();
    let n = shown
        .iter()
        .filter(|i| {
            i.kind == iskp_atlas::model::IncidentKind::Attack
                && i.country == "AFG"
                && i.date >= from
                && i.date <= to
        })
        .count();
    assert!(
        un.starts_with(&format!("This atlas maps {n} of the 152")),
        "{un}"
    );
}
