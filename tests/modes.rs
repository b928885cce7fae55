//! The map's modes driven through the real app headlessly: points with incidents placed at
//! an area, density, provinces (and a click on one), two periods side by side, the ruler,
//! and notes saved with a slide.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use iskp_atlas::commands::Command;
use iskp_atlas::map::notes::Tool;
use iskp_atlas::model::{Compare, DatePrecision, MapMode, Selection};
use iskp_atlas::state::View;
use iskp_atlas::ui::mode_key::ModeKey;
use iskp_atlas::{AtlasApp, Launch};

fn harness() -> Harness<'static, AtlasApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_step_dt(0.1)
        .build_eframe(move |cc| AtlasApp::new(&cc.egui_ctx, None, Launch::default()));
    h.run_steps(3);
    h
}

fn run(h: &mut Harness<'static, AtlasApp>, c: Command) {
    h.state_mut().run(c);
    h.run_steps(2);
}

/// A click on the map at a longitude and latitude, as the last frame drew it.
fn click_map(h: &mut Harness<'static, AtlasApp>, lon: f64, lat: f64) {
    let at = h
        .state()
        .last_frame
        .transform
        .unwrap()
        .lonlat_to_screen(lon, lat);
    h.hover_at(at);
    h.run_steps(1);
    h.drag_at(at);
    h.drop_at(at);
    h.run_steps(2);
}

#[test]
fn each_mode_draws_and_its_legend_says_how_to_read_it() {
    let mut h = harness();
    let key = |h: &Harness<'static, AtlasApp>| h.state().last_frame.mode_key.clone();
    match key(&h) {
        Some(ModeKey::Points { at_area }) => assert!(at_area > 100, "{at_area}"),
        other => panic!("points first: {other:?}"),
    }
    run(&mut h, Command::SetMode(MapMode::Density));
    match key(&h) {
        Some(ModeKey::Density {
            scale, left_out, ..
        }) => {
            assert!(scale.top >= 10.0, "Kabul alone has dozens: {scale:?}");
            assert!(scale.km > 10.0 && scale.km < 200.0, "{scale:?}");
            assert!(
                left_out > 0,
                "province- and country-level ones are said to be left out"
            );
        }
        other => panic!("{other:?}"),
    }
    h.get_by_label_contains("Density of incidents");
    assert_eq!(
        h.state().last_frame.markers_drawn,
        0,
        "no markers over the surface"
    );

    run(&mut h, Command::ToggleMeasure);
    h.get_by_label_contains("Density of victims killed");
    run(&mut h, Command::SetMode(MapMode::Provinces));
    let frame = &h.state().last_frame;
    assert!(frame.provinces_filled > 20, "{}", frame.provinces_filled);
    assert!(
        frame.provinces_counted > frame.provinces_filled,
        "provinces with none are drawn too"
    );
    match key(&h) {
        Some(ModeKey::Provinces { breaks, period, .. }) => {
            assert_eq!(breaks.first(), Some(&1));
            assert!(breaks.len() >= 3, "{breaks:?}");
            assert_eq!(period, "Jan 2015 \u{2013} Feb 2026");
        }
        other => panic!("{other:?}"),
    }
    h.get_by_label_contains("Victims killed per province");

    run(&mut h, Command::SetCompare(Box::new(Compare::waves(None))));
    run(&mut h, Command::SetMode(MapMode::Compare));
    let sides = h.state().last_frame.compare_sides.clone();
    assert_eq!(sides.len(), 2, "{sides:?}");
    assert!(sides[0].1.starts_with("Emergence"), "{sides:?}");
    assert!(sides[1].1.starts_with("Resurgence"), "{sides:?}");
    assert!(sides[0].0.right() < sides[1].0.left(), "side by side");
    assert!(sides.iter().all(|(_, s)| s.contains(" incidents")));
    // M cycles back to points.
    h.key_press(egui::Key::M);
    h.run_steps(2);
    assert_eq!(h.state().state.mode, MapMode::Points);
}

#[test]
fn clicking_a_province_lists_its_numbers_and_incidents() {
    let mut h = harness();
    run(&mut h, Command::SetMode(MapMode::Provinces));
    h.state_mut().set_view(View {
        lon: 70.6,
        lat: 34.3,
        zoom: 8.0,
    });
    h.run_steps(3);
    // Rodat district, Nangarhar: inside the province, away from its edges.
    click_map(&mut h, 70.55, 34.2);
    let Selection::Province(p) = *h.state().selection() else {
        panic!("{:?}", h.state().selection());
    };
    let province = iskp_atlas::io::provinces::Provinces::shared()
        .get(p)
        .unwrap();
    assert_eq!(province.name, "Nangarhar");
    h.get_by_label("Nangarhar");
    let count = h
        .state()
        .dataset
        .incidents()
        .iter()
        .filter(|i| i.country == "AFG" && i.admin1 == "Nangarhar")
        .count();
    h.get_by_label_contains(&format!(": {count} incidents"));
    h.get_by_label_contains("killed by ISKP (victims)");
}

#[test]
fn an_incident_placed_at_a_province_is_drawn_as_that_area_until_exact_places_only() {
    let mut h = harness();
    let none_at_area = |h: &Harness<'static, AtlasApp>| {
        h.state().last_frame.mode_key == Some(ModeKey::Points { at_area: 0 })
    };
    let shown = h.state().shown_count();
    let at_area = h.state().at_area_count();
    assert!(
        at_area > 0 && !none_at_area(&h),
        "some are placed at an area"
    );
    assert!(
        h.state().last_frame.areas_drawn > 5,
        "drawn as their provinces and countries"
    );
    run(&mut h, Command::ToggleExactPlaces);
    assert_eq!(h.state().shown_count(), shown - at_area);
    assert!(none_at_area(&h), "{:?}", h.state().last_frame.mode_key);
    assert_eq!(h.state().last_frame.areas_drawn, 0);
    assert!(
        h.state()
            .state
            .filter
            .describe()
            .contains("exact places only"),
        "exports say so"
    );
    // A year-dated incident reads "sometime in" in the details.
    run(&mut h, Command::ToggleExactPlaces);
    let year_dated = h
        .state()
        .dataset
        .incidents()
        .iter()
        .position(|i| i.date_precision == DatePrecision::Year)
        .expect("some incidents are dated to a year only");
    run(&mut h, Command::Select(year_dated as u32));
    h.get_by_label_contains("sometime in");
}

#[test]
fn the_ruler_measures_the_great_circle_distance_between_two_clicks() {
    let mut h = harness();
    h.state_mut().set_view(View {
        lon: 69.8,
        lat: 34.5,
        zoom: 8.0,
    });
    h.run_steps(3);
    run(&mut h, Command::ToggleRuler);
    assert_eq!(h.state().tool(), Tool::Ruler);
    click_map(&mut h, 69.17, 34.53); // Kabul
    click_map(&mut h, 70.45, 34.43); // Jalalabad
    let km = h.state().last_frame.ruler_km.expect("a ruler is drawn");
    assert!((110.0..130.0).contains(&km), "{km}");
    assert_eq!(
        *h.state().selection(),
        Selection::None,
        "the ruler's clicks select nothing"
    );
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert_eq!(h.state().tool(), Tool::None);
    assert_eq!(h.state().last_frame.ruler_km, None);
}

#[test]
fn a_note_and_an_arrow_are_saved_with_a_slide_and_come_back_with_it() {
    let mut h = harness();
    run(&mut h, Command::AddNote);
    click_map(&mut h, 70.45, 34.43);
    h.state_mut()
        .draft_mut()
        .expect("a note is being written")
        .text = "Nangarhar: where ISKP first held ground".into();
    run(&mut h, Command::SaveNote);
    run(&mut h, Command::AddArrow);
    click_map(&mut h, 70.45, 34.43);
    assert_eq!(h.state().tool_points().len(), 1);
    click_map(&mut h, 71.1, 34.9);
    run(&mut h, Command::SaveNote);
    let notes = h.state().state.notes.clone();
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(notes[1].from.is_some(), "the second is an arrow");
    assert_eq!(h.state().last_frame.notes_drawn, 2);
    h.get_by_label_contains("Note: Nangarhar");

    run(&mut h, Command::SaveSlide);
    run(&mut h, Command::ClearNotes);
    assert!(h.state().state.notes.is_empty());
    let last = h.state().state.slides.len() - 1;
    run(&mut h, Command::GoToSlide(last));
    assert_eq!(
        h.state().state.notes,
        notes,
        "the slide brings its notes back"
    );
    run(&mut h, Command::RemoveNote(0));
    assert_eq!(h.state().state.notes.len(), 1);
}
