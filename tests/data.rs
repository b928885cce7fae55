//! The embedded data, checked the way a reviewer would: every file parses with no errors,
//! every polygon is valid, the vocabularies and the paper's lists are respected.

use geo::{Area, Contains, Validation};
use iskp_atlas::io::{embedded, incidents, regions};
use iskp_atlas::model::{Claim, IncidentKind, RegionRole};

#[test]
fn every_region_file_parses_and_every_polygon_is_valid() {
    for (name, text) in embedded::REGION_FILES {
        let (loaded, errors) = regions::parse(name, text);
        assert!(errors.is_empty(), "{name}: {errors:?}");
        assert!(!loaded.is_empty(), "{name} is empty");
        for region in &loaded {
            for polygon in &region.geometry.0 {
                if let Err(e) = polygon.check_validation() {
                    panic!("{name}: {} has an invalid polygon: {e}", region.name);
                }
            }
            assert!(region.geometry.unsigned_area() > 0.0, "{}", region.name);
            assert!(
                !region.description.trim().is_empty(),
                "{} has no description",
                region.name
            );
            assert!(
                !region.paper_ref.trim().is_empty(),
                "{} has no paper_ref",
                region.name
            );
        }
    }
}

#[test]
fn regions_hold_what_the_paper_says() {
    let (dataset, errors) = embedded::load();
    assert!(errors.is_empty(), "{errors:?}");
    let names = |role| -> Vec<&str> {
        dataset
            .regions
            .iter()
            .filter(|r| r.role == role)
            .map(|r| r.name.as_str())
            .collect()
    };
    assert_eq!(names(RegionRole::Core), ["Afghanistan"]);
    for claimed in [
        "Former tribal areas (FATA)",
        "Khyber Pakhtunkhwa",
        "Balochistan",
    ] {
        assert!(names(RegionRole::Claimed).contains(&claimed), "{claimed}");
    }
    // The paper's Figure 2 periphery, every one of them.
    for country in [
        "Pakistan",
        "India",
        "Bangladesh",
        "Myanmar",
        "Sri Lanka",
        "Maldives",
        "Tajikistan",
        "Uzbekistan",
        "Kyrgyzstan",
    ] {
        assert!(names(RegionRole::Periphery).contains(&country), "{country}");
    }
    assert_eq!(names(RegionRole::Historical), ["Historical Khorasan"]);
    // Kabul is in the core, Peshawar in a claimed area, Mashhad in historical Khorasan.
    let inside = |role, lon, lat| {
        dataset
            .regions
            .iter()
            .filter(|r| r.role == role)
            .any(|r| r.geometry.contains(&geo::Point::new(lon, lat)))
    };
    assert!(inside(RegionRole::Core, 69.18, 34.53));
    assert!(inside(RegionRole::Claimed, 71.57, 34.01));
    assert!(inside(RegionRole::Historical, 59.6, 36.3));
    assert!(!inside(RegionRole::Core, 71.57, 34.01));
}

#[test]
fn every_incident_loads_with_a_source_and_sane_values() {
    let (name, text) = embedded::INCIDENTS;
    let (loaded, errors) = incidents::parse(name, text);
    assert!(
        errors.is_empty(),
        "{}",
        errors
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(loaded.len() >= 20, "only {} incidents", loaded.len());
    for i in &loaded {
        assert!(!i.sources.is_empty(), "{} has no source", i.id);
        assert!(
            (2014..=2026).contains(&i.date.year),
            "{} dated {}",
            i.id,
            i.date
        );
        if i.kind == IncidentKind::CtOperation || i.kind == IncidentKind::Leadership {
            assert_eq!(
                i.claim,
                Claim::NotApplicable,
                "{}: claims are for attacks and plots",
                i.id
            );
        }
        assert!(
            i.summary.len() < 600,
            "{}: summary is one or two sentences",
            i.id
        );
    }
    // The incidents the paper names that this first version must show.
    for id in [
        "2021-08-26-kabul-airport-abbey-gate",
        "2021-10-08-kunduz-shia-mosque",
        "2023-07-30-bajaur-jui-f-rally-bombing",
        "2024-03-22-krasnogorsk-crocus-city-hall",
        "2017-04-13-achin-moab-strike",
    ] {
        assert!(loaded.iter().any(|i| i.id == id), "{id} missing");
    }
}

#[test]
fn every_cited_source_is_in_the_bibliography_and_paper_refs_point_at_real_footnotes() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/sources.json");
    let bib: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(
        bib["paper"]["url"]
            .as_str()
            .unwrap()
            .starts_with("https://")
    );
    let urls: std::collections::HashSet<&str> = bib["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["url"].as_str().unwrap())
        .collect();
    let footnotes: std::collections::HashSet<u64> = bib["paper_footnotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["footnote"].as_u64().unwrap())
        .collect();
    assert!(
        footnotes.len() > 100,
        "the paper has over a hundred footnotes"
    );
    let (dataset, _) = embedded::load();
    for i in dataset.incidents() {
        for s in &i.sources {
            assert!(
                urls.contains(s.url.as_str()),
                "{}: {} is not in data/sources.json (run python3 tools/build_sources.py)",
                i.id,
                s.url
            );
        }
        if let Some(r) = &i.paper_ref {
            for n in footnote_numbers(r) {
                assert!(
                    footnotes.contains(&n),
                    "{}: paper_ref '{r}' names footnote {n}, which the paper lacks",
                    i.id
                );
            }
        }
    }
}

/// The footnote numbers in a paper_ref such as "Regional Violence; fn 59, fn 60".
fn footnote_numbers(r: &str) -> Vec<u64> {
    r.split("fn")
        .skip(1)
        .filter_map(|rest| {
            let digits: String = rest
                .trim_start()
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            digits.parse().ok()
        })
        .collect()
}

#[test]
fn the_story_chapters_validate_against_the_data() {
    let (dataset, _) = embedded::load();
    let (name, text) = embedded::CHAPTERS;
    let chapters = iskp_atlas::io::chapters::parse(name, text).expect("chapters.json parses");
    assert!(
        (8..=13).contains(&chapters.len()),
        "{} chapters",
        chapters.len()
    );
    let errors = iskp_atlas::io::chapters::check(name, text, &chapters, &dataset);
    assert!(errors.is_empty(), "{errors:?}");
    for c in &chapters {
        assert!(!c.highlight.is_empty(), "{} highlights nothing", c.id);
        let sentences = c.caption.matches(". ").count() + 1;
        assert!(
            (2..=5).contains(&sentences),
            "{}: caption of {sentences} sentences",
            c.id
        );
    }
}

#[test]
fn a_broken_chapter_is_reported_with_its_id_and_field() {
    let (dataset, _) = embedded::load();
    let text = r#"{"chapters":[{"id":"bad","title":"t","caption":"c. d.","paper_ref":"p",
        "years":[2019,2016],"view":{"lon":66,"lat":34,"zoom":6},
        "layers":{"core":true,"claimed":true,"periphery":true,"historical":false},
        "highlight":["no-such-incident"]}]}"#;
    let chapters = iskp_atlas::io::chapters::parse("c.json", text).unwrap();
    let errors = iskp_atlas::io::chapters::check("c.json", text, &chapters, &dataset);
    let fields: Vec<_> = errors.iter().filter_map(|e| e.field.clone()).collect();
    assert!(fields.contains(&"years".to_owned()), "{errors:?}");
    assert!(fields.contains(&"highlight".to_owned()), "{errors:?}");
    assert!(errors.iter().all(|e| e.feature.as_deref() == Some("bad")));
    assert!(iskp_atlas::io::chapters::parse("c.json", "{").is_err());
}
