//! `iskp-atlas validate`: the shipped data passes, and each check fires on a broken fixture
//! with a message that names file, line, feature and field.

use iskp_atlas::io::countries::Countries;
use iskp_atlas::model::Date;
use iskp_atlas::validate;
use std::path::PathBuf;
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

const TODAY: Date = Date {
    year: 2026,
    month: 1,
    day: 1,
};

#[test]
fn the_shipped_data_validates_cleanly() {
    let report = validate::embedded_data(&Countries::embedded(), Date::today());
    let errors: Vec<String> = report.errors.iter().map(ToString::to_string).collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert!(report.incidents > 0 && report.regions > 0);
}

#[test]
fn every_check_fires_with_file_line_feature_and_field() {
    let report = validate::files(
        &[fixture("bad_incidents.geojson")],
        None,
        &Countries::embedded(),
        TODAY,
    );
    let messages: Vec<String> = report.errors.iter().map(ToString::to_string).collect();
    let expect = |feature: &str, field: &str, words: &str| {
        let hit = report
            .errors
            .iter()
            .find(|e| e.feature.as_deref() == Some(feature) && e.field.as_deref() == Some(field));
        let e = hit.unwrap_or_else(|| {
            panic!("no '{field}' error for {feature}:\n{}", messages.join("\n"))
        });
        let text = e.to_string();
        assert!(text.contains("bad_incidents.geojson:"), "{text}");
        assert!(e.line.is_some(), "no line: {text}");
        assert!(text.contains(words), "'{words}' not in: {text}");
    };
    expect("unknown-kind", "kind", "'massacre' is not one of");
    expect("bad-claim", "claim", "'probably' is not one of");
    expect("too-early", "date", "outside 2014-01-01..2026-01-01");
    expect("in-the-future", "date", "2099-01-01 is outside");
    expect("ends-before-start", "end_date", "before date");
    expect(
        "killed-outside-range",
        "killed",
        "outside killed_low..killed_high",
    );
    expect("good-one", "id", "duplicate id");
    expect("kabul-filed-as-pakistan", "geometry", "outside PAK");
    expect("kabul-filed-as-pakistan", "geometry", "falls in AFG");
    expect("source-without-url", "sources[0]", "not an http(s) URL");
    expect("unknown-country", "country", "'XYZ' is not a known");
    expect(
        "lat-lon-swapped",
        "geometry",
        "longitude and latitude look swapped",
    );
    expect("missing-summary", "summary", "missing");
    // One error for each broken feature, none for the good one.
    assert_eq!(report.errors.len(), 12, "{}", messages.join("\n"));
    // Parsed: the good one, and the five whose faults only the validator sees (dates,
    // country, geography).
    assert_eq!(report.incidents, 6);
}

#[test]
fn broken_json_and_bad_polygons_are_reported() {
    let c = Countries::embedded();
    let report = validate::files(&[fixture("broken.geojson")], None, &c, TODAY);
    let e = &report.errors[0];
    assert_eq!(e.line, Some(4), "{e}");
    assert!(e.to_string().contains("invalid JSON"));
    let report = validate::files(&[fixture("bowtie_region.geojson")], None, &c, TODAY);
    assert_eq!(report.regions, 1);
    let e = &report.errors[0];
    assert_eq!(e.field.as_deref(), Some("geometry"));
    assert!(
        e.to_string().contains("Bow tie") && e.to_string().contains("invalid polygon"),
        "{e}"
    );
}

#[test]
fn the_command_exits_1_on_errors_and_prints_json() {
    let exe = env!("CARGO_BIN_EXE_iskp-atlas");
    let out = Command::new(exe)
        .args(["validate", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["incidents"].as_u64().unwrap() > 0);
    assert_eq!(v["errors"].as_array().unwrap().len(), 0);

    let bad = fixture("bad_incidents.geojson");
    let out = Command::new(exe)
        .arg("validate")
        .arg(&bad)
        .arg("--json")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors = v["errors"].as_array().unwrap();
    assert!(errors.len() >= 12);
    assert!(errors.iter().all(|e| {
        e["file"]
            .as_str()
            .unwrap()
            .ends_with("bad_incidents.geojson")
    }));

    let out = Command::new(exe)
        .arg("validate")
        .arg(&bad)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("field 'kind'") && text.contains("errors"),
        "{text}"
    );
}

#[test]
fn victims_and_militants_are_never_mixed_and_the_inclusion_rule_holds() {
    let report = validate::files(
        &[fixture("counts/bad_tolls.geojson")],
        None,
        &Countries::embedded(),
        TODAY,
    );
    let messages: Vec<String> = report.errors.iter().map(ToString::to_string).collect();
    let has = |feature: Option<&str>, field: &str, words: &str| {
        let hit = report.errors.iter().find(|e| {
            e.feature.as_deref() == feature
                && e.field.as_deref() == Some(field)
                && e.to_string().contains(words)
        });
        assert!(
            hit.is_some_and(|e| e.line.is_some()),
            "no '{field}' error with '{words}' for {feature:?}:\n{}",
            messages.join("\n")
        );
    };
    has(Some("operation-with-victims"), "killed", "has no victims");
    has(
        Some("attack-with-militants"),
        "militants_killed",
        "never counted",
    );
    has(
        Some("attack-with-bystanders"),
        "civilians_killed",
        "bystanders",
    );
    has(Some("unclaimed-attack"), "claim", "inclusion rule");
    has(Some("operation-claimed"), "claim", "not_applicable");
    has(None, "data_through", "before the latest incident");
    // The good operation (militants and bystanders) and the good clash pass.
    assert_eq!(report.errors.len(), 6, "{}", messages.join("\n"));
    assert_eq!(
        report.data_through,
        iskp_atlas::model::date::parse_month("2021-06")
    );
}

#[test]
fn a_file_without_data_through_and_a_total_without_a_url_are_refused() {
    let c = Countries::embedded();
    let report = validate::files(
        &[fixture("counts/no_data_through.geojson")],
        None,
        &c,
        TODAY,
    );
    assert_eq!(report.errors.len(), 1, "{:?}", report.errors);
    assert_eq!(report.errors[0].field.as_deref(), Some("data_through"));
    assert!(
        report.errors[0]
            .to_string()
            .contains("no_data_through.geojson")
    );

    let report = validate::files(&[fixture("counts/bad_totals.json")], None, &c, TODAY);
    assert_eq!(report.errors.len(), 1, "{:?}", report.errors);
    let e = &report.errors[0];
    assert_eq!(e.field.as_deref(), Some("url"));
    assert_eq!(e.feature.as_deref(), Some("no-url"));
    assert!(
        e.line.is_some() && e.to_string().contains("bad_totals.json:"),
        "{e}"
    );

    let report = validate::files(&[fixture("counts/stats_totals.json")], None, &c, TODAY);
    assert!(report.is_ok(), "{:?}", report.errors);
    assert_eq!(report.totals, 4);
}

#[test]
fn the_shipped_data_states_its_reach_and_every_total_has_a_source() {
    let report = validate::embedded_data(&Countries::embedded(), Date::today());
    let through = report
        .data_through
        .expect("data/incidents.geojson states data_through");
    let last = iskp_atlas::io::embedded::load()
        .0
        .incidents()
        .iter()
        .map(|i| i.date.month_index())
        .max()
        .unwrap();
    assert!(through >= last);
    assert!(report.totals > 0, "data/totals.json has published totals");
    for t in iskp_atlas::io::embedded::totals() {
        assert!(
            t.url.starts_with("https://") || t.url.starts_with("http://"),
            "{}",
            t.id
        );
    }
    let exe = env!("CARGO_BIN_EXE_iskp-atlas");
    let out = Command::new(exe).arg("validate").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(&format!(
            "data through {}",
            iskp_atlas::model::date::month_code(through)
        )),
        "{text}"
    );
}

#[test]
fn version_names_the_release_the_data_month_and_the_count() {
    let exe = env!("CARGO_BIN_EXE_iskp-atlas");
    let (dataset, _) = iskp_atlas::io::embedded::load();
    let month = iskp_atlas::model::date::month_long(
        iskp_atlas::io::embedded::data_through().expect("the data says how far it runs"),
    );
    let want = format!(
        "iskp-atlas {}, data through {month}, {} incidents",
        env!("CARGO_PKG_VERSION"),
        dataset.incidents().len()
    );
    for flag in ["--version", "-V"] {
        let o = Command::new(exe).arg(flag).output().unwrap();
        assert!(o.status.success());
        assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), want);
    }
}
