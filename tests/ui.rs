//! The whole app driven through egui_kittest: boot, keys, clicks, the timeline and layers.
//! These run the real `AtlasApp` headlessly; no GPU is needed.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use iskp_atlas::basemap::BasemapKind;
use iskp_atlas::io::import::DataFile;
use iskp_atlas::io::write::SaveAs;
use iskp_atlas::model::RegionRole;
use iskp_atlas::theme::Theme;
use iskp_atlas::{AtlasApp, Launch};
use std::time::{Duration, Instant};

fn harness(launch: Launch) -> Harness<'static, AtlasApp> {
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_step_dt(0.1)
        .build_eframe(move |cc| AtlasApp::new(&cc.egui_ctx, None, launch))
}

/// Steps until the offline tile workers have nothing left to draw for the current view.
fn wait_for_tiles(h: &mut Harness<'static, AtlasApp>) {
    let start = Instant::now();
    loop {
        h.step();
        let app = h.state();
        if app.offline_tiles_pending() == 0 && app.offline_tiles_ready() > 16 {
            h.step();
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "tiles never finished rendering"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// How many of the first `n` incidents (date order) lie inside the map as last drawn.
fn in_view(app: &AtlasApp, n: usize) -> usize {
    let view = app.state.view.unwrap();
    let rect = app.last_frame.map_rect.unwrap();
    let t = iskp_atlas::map::ScreenTransform::new(rect, view.zoom, view.lon, view.lat);
    app.dataset.incidents()[..n]
        .iter()
        .filter(|i| {
            rect.expand(iskp_atlas::map::incidents::CULL_MARGIN_PX)
                .contains(t.lonlat_to_screen(i.lon, i.lat))
        })
        .count()
}

#[test]
fn boots_on_the_offline_basemap_framing_the_region() {
    let mut h = harness(Launch::default());
    wait_for_tiles(&mut h);
    let app = h.state();
    assert_eq!(app.state.basemap, BasemapKind::Offline);
    assert!(app.load_errors.is_empty(), "{:?}", app.load_errors);
    // The 16 always-ready base tiles plus the ones for this view.
    assert!(
        app.offline_tiles_ready() > 20,
        "only {} tiles",
        app.offline_tiles_ready()
    );
    let view = app.state.view.expect("first frame sets the view");
    assert!(
        (60.0..72.0).contains(&view.lon) && (30.0..39.0).contains(&view.lat),
        "{view:?}"
    );
    let frame = &app.last_frame;
    assert!(frame.regions_drawn.contains(&RegionRole::Core));
    assert!(frame.regions_drawn.contains(&RegionRole::Claimed));
    for city in [
        "Kabul",
        "Jalalabad",
        "Kandahar",
        "Peshawar",
        "Quetta",
        "Tashkent",
        "Dushanbe",
        "Termez",
    ] {
        assert!(
            frame.labels.iter().any(|l| l == city),
            "{city} not labelled: {:?}",
            frame.labels
        );
    }
    // Starts showing everything up to the last year in the data.
    let last_year = app.dataset.year_span().unwrap().1;
    assert_eq!(app.state.timeline.year(), last_year);
    // Every incident in view is drawn, at its point or, placed only at a province or a
    // country, as that area (whose badge may sit in view while its point does not).
    let at_area = app
        .dataset
        .incidents()
        .iter()
        .filter(|i| {
            matches!(
                i.geo_precision,
                iskp_atlas::model::GeoPrecision::Province
                    | iskp_atlas::model::GeoPrecision::Country
            )
        })
        .count();
    let points = in_view(app, app.dataset.incidents().len());
    assert!(
        frame.incidents_drawn + at_area >= points && frame.incidents_drawn <= points + at_area,
        "{} drawn, {points} in view, {at_area} at an area",
        frame.incidents_drawn
    );
    assert!(
        frame.incidents_drawn >= 15,
        "most incidents are in the region"
    );
    h.get_by_label("ISKP core (Afghanistan)");
}

#[test]
fn the_year_slider_is_found_by_its_label_and_moves_the_cursor() {
    let mut h = harness(Launch {
        year: Some(2018),
        ..Default::default()
    });
    h.run_steps(2);
    let slider = h.get_by_role_and_label(Role::Slider, "Year");
    slider.set_value_accesskit(f64::from(2021 * 12 + 7));
    h.run_steps(2);
    let app = h.state();
    assert_eq!(app.state.timeline.cursor(), 2021 * 12 + 7);
    assert_eq!(app.state.timeline.year(), 2021);
    // The count shown is the model's count up to August 2021, and exactly those of them
    // inside the map are drawn.
    let up_to = app.dataset.up_to_month(2021 * 12 + 7);
    assert_eq!(app.last_frame.incidents_shown, up_to.len());
    let expected = in_view(app, up_to.len());
    assert!(expected > 0);
    assert_eq!(app.last_frame.incidents_drawn, expected);
    assert!(up_to.len() < app.dataset.incidents().len());
}

#[test]
fn space_starts_playback_and_the_year_advances() {
    let mut h = harness(Launch::default());
    h.run_steps(2);
    assert!(!h.state().state.timeline.playing);
    h.key_press(egui::Key::Space);
    h.run_steps(1);
    let start = h.state().state.timeline.cursor();
    let stamp = h.state().last_frame.date_stamp.clone();
    assert!(stamp.ends_with("2015"), "{stamp}");
    assert!(h.state().state.timeline.playing);
    assert_eq!(
        h.state().state.timeline.year(),
        2015,
        "play from the end restarts"
    );
    // 6 months per second at 0.1 s a step: 30 steps is 18 months.
    h.run_steps(30);
    let t = &h.state().state.timeline;
    assert!(
        t.cursor() >= start + 12,
        "cursor only moved from {start} to {}",
        t.cursor()
    );
    assert!(t.year() >= 2016);
    assert_ne!(
        h.state().last_frame.date_stamp,
        stamp,
        "the date stamp follows"
    );
    h.key_press(egui::Key::Space);
    h.run_steps(1);
    let paused_at = h.state().state.timeline.cursor();
    h.run_steps(10);
    assert_eq!(
        h.state().state.timeline.cursor(),
        paused_at,
        "paused timeline moved"
    );
}

#[test]
fn arrows_step_months_shift_arrows_years_home_and_end() {
    let mut h = harness(Launch {
        year: Some(2020),
        ..Default::default()
    });
    h.run_steps(1);
    let dec_2020 = 2020 * 12 + 11;
    assert_eq!(h.state().state.timeline.cursor(), dec_2020);
    h.key_press(egui::Key::ArrowLeft);
    h.run_steps(1);
    assert_eq!(h.state().state.timeline.cursor(), dec_2020 - 1);
    h.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::ArrowLeft);
    h.run_steps(1);
    assert_eq!(h.state().state.timeline.cursor(), dec_2020 - 13);
    h.key_press(egui::Key::ArrowRight);
    h.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::ArrowRight);
    h.run_steps(1);
    assert_eq!(h.state().state.timeline.cursor(), dec_2020);
    h.key_press(egui::Key::Home);
    h.run_steps(1);
    assert_eq!(h.state().state.timeline.cursor(), 2015 * 12);
    h.key_press(egui::Key::End);
    h.run_steps(1);
    let t = &h.state().state.timeline;
    assert_eq!(t.cursor(), t.last);
}

#[test]
fn filters_change_the_count_and_reset_restores_it() {
    let mut h = harness(Launch::default());
    h.run_steps(2);
    let all = h.state().last_frame.incidents_shown;
    assert_eq!(all, h.state().dataset.incidents().len());
    h.state_mut()
        .state
        .filter
        .countries
        .insert("PAK".to_owned());
    h.state_mut().state.filter.min_killed = 10;
    h.run_steps(2);
    let expected = h
        .state()
        .dataset
        .incidents()
        .iter()
        .filter(|i| i.country == "PAK" && i.killed.or(i.killed_high).is_some_and(|k| k >= 10))
        .count();
    assert!(expected > 0 && expected < all);
    assert_eq!(h.state().last_frame.incidents_shown, expected);
    // The filters sit below the story and the legend: a tall window shows them all.
    h.set_size(egui::vec2(1400.0, 1500.0));
    h.run_steps(2);
    h.get_by_label("Reset").click();
    h.run_steps(2);
    assert!(h.state().state.filter.is_empty());
    assert_eq!(h.state().last_frame.incidents_shown, all);
}

#[test]
fn clicking_an_incident_opens_its_details_and_escape_closes_them() {
    let mut h = harness(Launch::default());
    let kerman = h
        .state()
        .dataset
        .incidents()
        .iter()
        .position(|i| i.id.contains("kerman") && i.kind == iskp_atlas::model::IncidentKind::Attack)
        .expect("the Kerman bombing is in the data");
    let (lon, lat, title) = {
        let i = &h.state().dataset.incidents()[kerman];
        (i.lon, i.lat, i.title.clone())
    };
    h.state_mut().set_view(iskp_atlas::state::View {
        lon,
        lat,
        zoom: 9.0,
    });
    h.run_steps(2);
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
    // Kerman's bombing shares its spot with a later raid: the panel lists both first.
    if let iskp_atlas::model::Selection::Many(ids) = h.state().selection().clone() {
        assert!(ids.contains(&(kerman as u32)), "{ids:?}");
        h.get_by_label_contains(&title).click();
        h.run_steps(2);
    }
    assert_eq!(
        *h.state().selection(),
        iskp_atlas::model::Selection::Incident(kerman as u32)
    );
    h.get_by_label(&title);
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert_eq!(*h.state().selection(), iskp_atlas::model::Selection::None);
}

#[test]
fn zoomed_out_markers_cluster_and_a_chart_click_moves_the_cursor() {
    let mut h = harness(Launch::default());
    h.run_steps(2);
    let clusters = h.state().last_frame.clusters_drawn;
    assert!(
        clusters > 0,
        "Kabul's incidents should merge at the opening zoom"
    );
    h.key_press(egui::Key::C);
    h.run_steps(3);
    let bar = h
        .state()
        .last_frame
        .chart_years
        .iter()
        .find(|(y, _)| *y == 2017)
        .map(|(_, p)| *p)
        .expect("a 2017 bar");
    h.hover_at(bar);
    h.run_steps(1);
    h.drag_at(bar);
    h.drop_at(bar);
    h.run_steps(2);
    assert_eq!(h.state().state.timeline.year(), 2017);
}

#[test]
fn unticking_a_legend_entry_hides_its_layer() {
    let mut h = harness(Launch::default());
    h.run_steps(2);
    assert!(
        h.state()
            .last_frame
            .regions_drawn
            .contains(&RegionRole::Core)
    );
    h.get_by_label("ISKP core (Afghanistan)").click();
    h.run_steps(2);
    assert!(!h.state().state.layers.core);
    assert!(
        !h.state()
            .last_frame
            .regions_drawn
            .contains(&RegionRole::Core)
    );
    assert!(
        h.state()
            .last_frame
            .regions_drawn
            .contains(&RegionRole::Claimed)
    );
    // The same command from the keyboard brings it back.
    h.key_press(egui::Key::Num1);
    h.run_steps(2);
    assert!(
        h.state()
            .last_frame
            .regions_drawn
            .contains(&RegionRole::Core)
    );
    // Historical Khorasan starts hidden and appears when ticked.
    h.get_by_label("Historical Khorasan").click();
    h.run_steps(2);
    assert!(
        h.state()
            .last_frame
            .regions_drawn
            .contains(&RegionRole::Historical)
    );
}

#[test]
fn zoom_keys_and_help_overlay() {
    let mut h = harness(Launch::default());
    h.run_steps(2);
    let z0 = h.state().state.view.unwrap().zoom;
    h.key_press(egui::Key::Plus);
    h.run_steps(2);
    let z1 = h.state().state.view.unwrap().zoom;
    assert!(z1 > z0 + 0.5, "{z0} -> {z1}");
    h.key_press(egui::Key::Minus);
    h.run_steps(2);
    assert!((h.state().state.view.unwrap().zoom - z0).abs() < 1e-6);
    h.key_press(egui::Key::F1);
    h.run_steps(2);
    assert!(h.state().help_open());
    h.get_by_label("Play / pause the timeline");
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert!(!h.state().help_open());
}

#[test]
fn theme_switch_rerenders_tiles_and_state_survives_a_restart() {
    let mut h = harness(Launch {
        theme: Some(Theme::Projector),
        year: Some(2022),
        ..Default::default()
    });
    wait_for_tiles(&mut h);
    h.key_press(egui::Key::T);
    h.run_steps(1);
    assert_eq!(h.state().state.theme, Theme::Light);
    wait_for_tiles(&mut h);

    let saved = h.state().state.save();
    let ctx = egui::Context::default();
    let restored = AtlasApp::new(&ctx, Some(&saved), Launch::default());
    assert_eq!(restored.state, h.state().state);
    let broken = AtlasApp::new(
        &ctx,
        Some("{\"version\": 1, \"view\": 12"),
        Launch::default(),
    );
    assert_eq!(broken.state.theme, Theme::Light);
    assert_eq!(broken.state.view, None);
}

#[test]
fn presentation_mode_steps_through_chapters_blanks_and_leaves() {
    let mut h = harness(Launch::default());
    h.run_steps(2);
    assert!(h.query_by_label("ISKP core (Afghanistan)").is_some());
    h.key_press(egui::Key::F5);
    h.run_steps(2);
    assert!(h.state().presenting());
    assert_eq!(h.state().state.theme, Theme::Projector);
    assert!(
        h.query_by_label("ISKP core (Afghanistan)").is_none(),
        "side panels are hidden on stage"
    );
    assert_eq!(h.state().chapter_index(), Some(0));

    h.key_press(egui::Key::PageDown);
    h.run_steps(25); // the flight takes about a second
    let app = h.state();
    assert_eq!(app.chapter_index(), Some(1));
    let chapter = &app.chapters()[1];
    let view = app.state.view.unwrap();
    let width = app.last_frame.map_rect.unwrap().width();
    let zoom = iskp_atlas::app::chapter_zoom(chapter.view.zoom, width);
    assert!((view.lon - chapter.view.lon).abs() < 1e-6 && (view.zoom - zoom).abs() < 1e-6);
    assert_eq!(
        app.state.timeline.year(),
        chapter.years[1].min(app.state.timeline.last_year())
    );
    // Right arrow is a clicker's "next" on stage, not a month step.
    h.key_press(egui::Key::ArrowRight);
    h.run_steps(2);
    assert_eq!(h.state().chapter_index(), Some(2));
    h.key_press(egui::Key::ArrowLeft);
    h.run_steps(2);
    assert_eq!(h.state().chapter_index(), Some(1));

    h.key_press(egui::Key::B);
    h.run_steps(1);
    assert!(h.state().blanked());
    h.key_press(egui::Key::B);
    h.run_steps(1);
    assert!(!h.state().blanked());

    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert!(!h.state().presenting());
    assert_eq!(
        h.state().state.theme,
        Theme::Light,
        "the desk theme comes back"
    );
    assert!(h.query_by_label("ISKP core (Afghanistan)").is_some());
}

#[test]
fn slides_save_reorder_go_export_and_import_and_a_broken_file_changes_nothing() {
    let mut h = harness(Launch {
        year: Some(2017),
        ..Default::default()
    });
    h.run_steps(2);
    h.state_mut().save_slide("Opening, 2017");
    h.state_mut().set_view(iskp_atlas::state::View {
        lon: 69.2,
        lat: 34.5,
        zoom: 9.0,
    });
    h.key_press(egui::Key::End);
    h.run_steps(2);
    h.state_mut().save_slide("Kabul today");
    h.state_mut().move_slide(1, true);
    assert_eq!(h.state().state.slides[0].name, "Kabul today");

    // Going to a slide restores its month and flies to its view.
    h.state_mut().go_to_slide(1);
    h.run_steps(25);
    assert_eq!(h.state().state.timeline.year(), 2017);
    assert!(h.state().state.view.unwrap().zoom < 8.0);

    let dir = std::env::temp_dir().join(format!("iskp-slides-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("slides.json");
    let file = file.to_str().unwrap();
    h.state().export_slides(file).unwrap();
    h.state_mut().delete_slide(0);
    assert_eq!(h.state().state.slides.len(), 1);
    h.state_mut().import_slides(file).unwrap();
    assert_eq!(h.state().state.slides.len(), 3);

    std::fs::write(
        dir.join("broken.json"),
        "{\"format\": \"iskp-atlas-bookmarks\", \"version\": 7}",
    )
    .unwrap();
    let err = h
        .state_mut()
        .import_slides(dir.join("broken.json").to_str().unwrap())
        .unwrap_err();
    assert!(err.contains("version 7"), "{err}");
    assert_eq!(h.state().state.slides.len(), 3, "nothing changed");
    // Slides survive a restart with the rest of the state.
    let saved = h.state().state.save();
    let restored = AtlasApp::new(&egui::Context::default(), Some(&saved), Launch::default());
    assert_eq!(restored.state.slides, h.state().state.slides);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn data_files_load_on_top_and_their_bad_rows_are_reported_not_fatal() {
    let file = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/extra_incidents.geojson");
    let embedded = iskp_atlas::io::embedded::load().0.incidents().len();
    let mut h = harness(Launch {
        data: vec![DataFile::new(file), DataFile::new("/no/such/file.geojson")],
        ..Default::default()
    });
    h.run_steps(2);
    let app = h.state();
    assert_eq!(
        app.dataset.incidents().len(),
        embedded + 2,
        "two good extra incidents"
    );
    assert!(
        app.dataset
            .incidents()
            .iter()
            .any(|i| i.id == "test-extra-two")
    );
    let errors = app.load_errors.join("\n");
    assert!(
        errors.contains("test-extra-bad") && errors.contains("field 'date'"),
        "{errors}"
    );
    assert!(errors.contains("id already loaded"), "{errors}");
    assert!(
        errors.contains("/no/such/file.geojson: cannot read"),
        "{errors}"
    );
    assert_eq!(app.last_frame.incidents_shown, embedded + 2);
}

#[test]
fn opening_a_ucdp_file_adds_a_layer_on_a_worker_and_a_bad_file_changes_nothing() {
    let fixtures = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut h = harness(Launch::default());
    h.run_steps(2);
    let base = h.state().dataset.incidents().len();
    h.state_mut()
        .open_file(fixtures.join("ucdp/ucdp_ged_pakistan221_bangladesh_is191.csv"));
    let start = Instant::now();
    while h.state().loading() {
        h.step(); // the window keeps drawing while the file loads
        assert!(start.elapsed() < Duration::from_secs(60));
        std::thread::sleep(Duration::from_millis(5));
    }
    h.run_steps(2);
    let app = h.state();
    assert_eq!(
        app.dataset.incidents().len(),
        base + 6466,
        "{}",
        app.data_message()
    );
    assert_eq!(app.dataset.layers.len(), 2);
    assert!(
        app.state.timeline.first_year() <= 1990,
        "the timeline spans the new layer"
    );
    let all = app.last_frame.incidents_shown;
    // Hiding the layer gives the timeline back to the atlas's own years, showing it again
    // spans the file.
    h.state_mut().set_layer_visible(1, false);
    assert_eq!(h.state().state.timeline.first_year(), 2015);
    h.state_mut().set_layer_visible(1, true);
    assert!(h.state().state.timeline.first_year() <= 1990);
    h.state_mut().set_is_only(1, true);
    h.run_steps(2);
    assert_eq!(h.state().last_frame.incidents_shown, all - 6466 + 107);

    // Save the filtered UCDP layer and read it back with the atlas's own reader.
    let out = std::env::temp_dir().join(format!("iskp-layer-{}.geojson", std::process::id()));
    let msg = h
        .state()
        .save_layer(1, out.to_str().unwrap(), SaveAs::GeoJson)
        .unwrap();
    assert!(msg.contains("107 incidents"), "{msg}");
    let text = std::fs::read_to_string(&out).unwrap();
    let (back, errors) = iskp_atlas::io::incidents::parse("out", &text);
    assert_eq!((back.len(), errors.len()), (107, 0));
    let _ = std::fs::remove_file(&out);
    // The same as KML for Google Earth, read back through the import.
    let kml = SaveAs::Kml.path(out.to_str().unwrap());
    assert!(kml.ends_with(".kml"), "{kml}");
    h.state().save_layer(1, &kml, SaveAs::Kml).unwrap();
    let bytes = std::fs::read(&kml).unwrap();
    let (format, back, report) =
        iskp_atlas::io::import::read("out.kml", &bytes, 2, &Default::default()).unwrap();
    assert_eq!(format, iskp_atlas::io::import::Format::Kml);
    assert_eq!((back.len(), report.skipped), (107, 0));
    let _ = std::fs::remove_file(&kml);

    // A file that cannot be read is refused; what was loaded stays.
    h.state_mut().open_file(fixtures.join("no-such-file.csv"));
    while h.state().loading() {
        h.step();
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(
        h.state().data_message().contains("cannot read"),
        "{}",
        h.state().data_message()
    );
    assert_eq!(h.state().dataset.incidents().len(), base + 6466);

    h.state_mut().remove_layer(1);
    h.run_steps(2);
    assert_eq!(h.state().dataset.incidents().len(), base);
    assert_eq!(h.state().dataset.layers.len(), 1);
}

#[test]
fn file_open_browses_to_a_csv_and_the_column_step_reads_it() {
    let fixtures = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut h = harness(Launch::default());
    h.run_steps(2);
    let base = h.state().dataset.incidents().len();

    // Ctrl+O opens the browser and Esc closes it; so does File > Open data file….
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    h.run_steps(2);
    assert!(h.state().browser_open());
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert!(!h.state().browser_open());
    // Type the fixtures folder and press Enter.
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label_contains("Open data file").click();
    h.run_steps(2);
    assert!(h.state().browser_open());
    let field = h.get_by_label("Folder or file");
    field.focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Folder or file")
        .type_text(fixtures.to_str().unwrap());
    h.run_steps(1);
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    // Folders first: the UCDP folder is listed, and files that are not data are not.
    assert!(h.query_by_label_contains("ucdp").is_some());
    assert!(h.query_by_label_contains("README").is_none());
    // Arrows walk the list (folders first: counts/, formats/, ucdp/): the first Down leaves the path
    // field.
    for _ in 0..4 {
        h.key_press(egui::Key::ArrowDown);
        h.run_steps(1);
    }
    h.run_steps(1);
    let toggled = |h: &Harness<'static, AtlasApp>, name: &str| {
        h.get_by_label_contains(name).accesskit_node().toggled()
            == Some(egui::accesskit::Toggled::True)
    };
    assert!(
        toggled(&h, "acled_sample.csv") && !toggled(&h, "ucdp/"),
        "the fourth entry, after the three folders, is selected"
    );
    h.get_by_label_contains("own_columns.csv").click();
    h.run_steps(1);
    h.get_by_label("Open").click();
    h.run_steps(1);
    assert!(!h.state().browser_open());
    let start = Instant::now();
    while h.state().choosing_columns().is_none() {
        h.step();
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{}",
            h.state().data_message()
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    h.run_steps(2);
    {
        let (name, preview, guess) = h.state().choosing_columns().unwrap();
        assert_eq!(name, "own_columns.csv");
        assert_eq!(preview.rows.len(), 4);
        assert_eq!(guess.date, "Datum", "the one column of dates is guessed");
        assert!(guess.lat.is_empty(), "Nord is not a name the atlas knows");
    }
    assert!(
        h.query_by_label_contains("0 of the first 4 rows read")
            .is_some()
    );
    // Pick the columns the way a user does: open each list and choose.
    for (role, column) in [
        ("Latitude", "Nord"),
        ("Longitude", "Ost"),
        ("Deaths", "Opfer"),
        ("Title", "Stelle"),
    ] {
        h.get_by_label(role).click();
        h.run_steps(2);
        h.get_by_label(column).click();
        h.run_steps(2);
    }
    assert!(
        h.query_by_label_contains("3 of the first 4 rows read")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("2021-08-26 at 34.56, 69.21, 170 killed")
            .is_some()
    );
    h.get_by_label("Import").click();
    h.run_steps(1);
    let start = Instant::now();
    while h.state().loading() {
        h.step();
        assert!(start.elapsed() < Duration::from_secs(20));
        std::thread::sleep(Duration::from_millis(5));
    }
    h.run_steps(2);
    let app = h.state();
    assert!(app.choosing_columns().is_none());
    assert_eq!(
        app.dataset.incidents().len(),
        base + 3,
        "{}",
        app.data_message()
    );
    assert!(
        app.data_message().contains("3 of 4 rows loaded") && app.data_message().contains("line 5"),
        "{}",
        app.data_message()
    );
    let crocus = app
        .dataset
        .incidents()
        .iter()
        .find(|i| i.layer == 1 && i.title.starts_with("Crocus"))
        .unwrap();
    assert_eq!(crocus.killed, Some(145));
    assert_eq!(crocus.date.to_string(), "2024-03-22");
    // The choice travels with the layer, so an export reads the file the same way.
    let layer = &app.dataset.layers[1];
    assert_eq!(
        layer.columns.as_deref(),
        Some("date=Datum,lat=Nord,lon=Ost,place=,deaths=Opfer,title=Stelle,category=")
    );
    assert_eq!(app.state.open_dir.as_deref(), fixtures.to_str());
}

#[test]
fn a_file_named_with_columns_on_the_command_line_is_a_layer_the_stage_legend_names() {
    let file =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/own_columns.csv");
    let columns =
        iskp_atlas::io::import::Mapping::parse_spec("lat=Nord,lon=Ost,deaths=Opfer").unwrap();
    let embedded = iskp_atlas::io::embedded::load().0.incidents().len();
    let mut h = harness(Launch {
        data: vec![DataFile {
            path: file,
            columns: Some(columns),
        }],
        present: true,
        ..Default::default()
    });
    h.run_steps(3);
    let app = h.state();
    assert_eq!(app.dataset.incidents().len(), embedded + 3);
    assert!(
        app.load_errors
            .join("\n")
            .contains("own_columns.csv:5: Datum 'unbekannt' is not a date"),
        "the undated row is reported: {:?}",
        app.load_errors
    );
    // Named roles are used, the rest guessed (the date from its values); the layer keeps
    // what was named, so an export reads the file the same way.
    assert_eq!(
        app.dataset.layers[1].columns.as_deref(),
        Some("lat=Nord,lon=Ost,deaths=Opfer")
    );
    let crocus = app
        .dataset
        .incidents()
        .iter()
        .find(|i| i.layer == 1 && i.date.to_string() == "2024-03-22")
        .unwrap();
    assert_eq!(crocus.killed, Some(145));
    assert!(h.query_by_label("own_columns.csv").is_some());
}

/// The per-year values the chart should draw for incidents of `kinds`, all countries.
fn per_year_counts(app: &AtlasApp, kinds: &[iskp_atlas::model::IncidentKind]) -> Vec<(i32, u32)> {
    let mut by_year = std::collections::BTreeMap::new();
    for i in app
        .dataset
        .incidents()
        .iter()
        .filter(|i| kinds.contains(&i.kind))
    {
        *by_year.entry(i.date.year).or_insert(0u32) += 1;
    }
    by_year.into_iter().collect()
}

#[test]
fn the_chart_counts_attacks_and_its_kind_selector_changes_the_bars() {
    use iskp_atlas::model::IncidentKind;
    let mut h = harness(Launch::default());
    h.run_steps(2);
    h.key_press(egui::Key::C);
    h.run_steps(3);
    let attacks = h.state().last_frame.chart_values.clone();
    assert_eq!(attacks, per_year_counts(h.state(), &[IncidentKind::Attack]));
    assert!(
        h.query_by_label_contains("Data through").is_some(),
        "the top bar says how far the data reaches"
    );
    h.get_by_label("operations").click();
    h.run_steps(3);
    let operations = h.state().last_frame.chart_values.clone();
    assert_ne!(operations, attacks);
    assert_eq!(
        operations,
        per_year_counts(
            h.state(),
            &[IncidentKind::CtOperation, IncidentKind::Leadership]
        )
    );
    // Militants killed, for operations: never the victims' numbers.
    h.get_by_label("killed").click();
    h.run_steps(3);
    let militants = h.state().last_frame.chart_values.clone();
    let expected: u32 = h
        .state()
        .dataset
        .incidents()
        .iter()
        .filter(|i| i.kind.counts_militants())
        .filter_map(iskp_atlas::model::filter::best_militants)
        .sum();
    assert_eq!(militants.iter().map(|(_, v)| v).sum::<u32>(), expected);
    assert_eq!(
        h.state().state.chart.kind,
        iskp_atlas::model::stats::ChartKind::Operations
    );
}

#[test]
fn on_stage_g_shows_the_per_year_chart_and_g_again_the_map() {
    let mut h = harness(Launch::default());
    h.run_steps(2);
    h.key_press(egui::Key::F5);
    h.run_steps(3);
    assert!(!h.state().last_frame.stage_chart);
    h.key_press(egui::Key::G);
    h.run_steps(3);
    let app = h.state();
    assert!(app.last_frame.stage_chart);
    let year = app.state.timeline.year();
    assert!(
        app.last_frame.chart_years.iter().any(|(y, _)| *y == year),
        "the cursor's year has a bar"
    );
    assert!(
        h.query_all_by_label_contains("Data through")
            .next()
            .is_some()
    );
    h.key_press(egui::Key::G);
    h.run_steps(2);
    assert!(!h.state().last_frame.stage_chart);
    // A chapter that asks for the chart opens with it.
    let numbers = h
        .state()
        .chapters()
        .iter()
        .position(|c| c.chart.is_some())
        .expect("a chapter with a chart");
    h.state_mut().go_to_chapter(numbers);
    h.run_steps(3);
    assert!(h.state().last_frame.stage_chart);
}

#[test]
fn a_cluster_of_an_operation_and_an_attack_counts_only_the_attacks_victims() {
    let file = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/counts/attack_and_operation.geojson");
    let mut h = harness(Launch {
        data: vec![DataFile::new(file)],
        ..Default::default()
    });
    h.run_steps(3);
    h.key_press(egui::Key::End);
    h.run_steps(3);
    let app = h.state();
    assert!(app.load_errors.is_empty(), "{:?}", app.load_errors);
    // Both sit on one spot in Turkmenistan, far from any other incident.
    let t = app.last_frame.transform.unwrap();
    let spot = t.lonlat_to_screen(59.5, 39.5);
    let (_, count, killed) = app
        .last_frame
        .clusters
        .iter()
        .find(|(at, _, _)| at.distance(spot) < 30.0)
        .expect("the two incidents share a cluster at the opening zoom");
    assert_eq!(*count, 2);
    assert_eq!(*killed, 5, "the operation's 100 militants are not victims");
}

#[test]
fn esc_closes_one_thing_at_a_time_in_the_written_order() {
    use iskp_atlas::commands::{Closable, Command, ESC_ORDER};
    use iskp_atlas::model::Selection;
    assert_eq!(ESC_ORDER[0], Closable::Help);
    let mut h = harness(Launch::default());
    h.run_steps(2);
    h.state_mut().run(Command::Select(0));
    h.state_mut().run(Command::ToggleHelp);
    h.run_steps(2);
    // The help is before the details in the order: it goes first, the details stay.
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert!(!h.state().help_open());
    assert_eq!(*h.state().selection(), Selection::Incident(0));
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert_eq!(*h.state().selection(), Selection::None);
    // On stage with the details open, the stage goes before the details.
    h.key_press(egui::Key::F5);
    h.run_steps(2);
    assert!(h.state().presenting());
    h.state_mut().run(Command::Select(1));
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert!(!h.state().presenting());
    assert_eq!(*h.state().selection(), Selection::Incident(1));
}

#[test]
fn buttons_and_menus_carry_the_command_tables_labels() {
    use iskp_atlas::commands::Command;
    let mut h = harness(Launch::default());
    h.run_steps(2);
    // The top bar's buttons are the table's labels; a click runs the command.
    h.get_by_label(Command::ResetView.label());
    h.get_by_label(Command::ToggleHelp.label()).click();
    h.run_steps(2);
    assert!(h.state().help_open());
    h.key_press(egui::Key::Escape);
    h.get_by_label(Command::ToggleExport.label()).click();
    h.run_steps(2);
    h.get_by_label("Save PNG");
    h.get_by_label("File").click();
    h.run_steps(2);
    // The menu item shows its key beside its label, both from the table.
    let item = h.get_by_label_contains(Command::OpenFile.label());
    let key = iskp_atlas::commands::shortcut(&Command::OpenFile).unwrap();
    assert_eq!(
        item.accesskit_node().label().as_deref(),
        Some(format!("{} {key}", Command::OpenFile.label()).as_str())
    );
    item.click();
    h.run_steps(2);
    assert!(h.state().browser_open());
}

#[test]
fn the_about_window_names_the_edition_the_citations_and_the_licences() {
    use iskp_atlas::commands::Command;
    let mut h = harness(Launch::default());
    h.run_steps(2);
    // From the Help menu ...
    h.get_by_label("Help").click();
    h.run_steps(2);
    h.get_by_label_contains(Command::ToggleAbout.label())
        .click();
    h.run_steps(2);
    assert!(h.state().about_open());
    let through = iskp_atlas::io::embedded::data_through().map(iskp_atlas::model::date::month_long);
    let through = through.expect("the embedded data states its month");
    let count = iskp_atlas::io::embedded::load().0.incidents().len();
    h.get_by_label(&format!("ISKP Atlas {}", env!("CARGO_PKG_VERSION")));
    h.get_by_label(&format!(
        "Data through {through} · {count} incidents of its own"
    ));
    h.get_by_label(&iskp_atlas::model::cite::atlas(&format!(
        "data through {through}"
    )));
    h.get_by_label_contains(iskp_atlas::model::cite::PAPER_TITLE);
    // ("ISKP Atlas" is also the top bar's title.)
    for (name, licence, _) in iskp_atlas::ui::about::ATTRIBUTIONS {
        assert!(h.query_all_by_label(name).next().is_some(), "{name}");
        assert!(
            h.query_all_by_label(&format!("· {licence}"))
                .next()
                .is_some(),
            "{licence}"
        );
    }
    for name in ["Natural Earth", "UCDP GED", "OpenStreetMap", "OpenTopoMap"] {
        assert!(
            iskp_atlas::ui::about::ATTRIBUTIONS
                .iter()
                .any(|a| a.0 == name),
            "{name}"
        );
    }
    h.get_by_label_contains("data/sources.json");
    // ... closed by Esc, and opened again from the help's button.
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert!(!h.state().about_open());
    h.key_press(egui::Key::F1);
    h.run_steps(2);
    h.get_by_label(Command::ToggleAbout.label()).click();
    h.run_steps(2);
    assert!(h.state().about_open() && h.state().help_open());
    // Esc closes the help first, then the About window.
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert!(!h.state().help_open() && h.state().about_open());
}

#[test]
fn the_presenter_window_shows_the_notes_and_follows_page_down_on_the_stage() {
    let mut h = harness(Launch::default());
    h.run_steps(2);
    h.key_press(egui::Key::F6);
    h.run_steps(3);
    assert!(h.state().presenter_open());
    assert!(h.state().presenting(), "F6 also puts the atlas on stage");
    let chapters = h.state().chapters().to_vec();
    let first = &chapters[0];
    assert!(!first.notes.is_empty());
    h.get_by_label(&first.notes);
    h.get_by_label("Next");
    h.get_by_label(&chapters[1].title);
    h.key_press(egui::Key::PageDown);
    h.run_steps(3);
    assert_eq!(h.state().chapter_index(), Some(1));
    h.get_by_label(&chapters[1].notes);
    assert!(h.query_by_label(&first.notes).is_none());
    h.key_press(egui::Key::F6);
    h.run_steps(2);
    assert!(!h.state().presenter_open());
    assert!(h.query_by_label(&chapters[1].notes).is_none());
}

#[test]
fn the_story_cities_names_stay_readable_above_the_clusters() {
    let mut h = harness(Launch::default());
    wait_for_tiles(&mut h);
    h.run_steps(2);
    let frame = &h.state().last_frame;
    assert!(frame.clusters_drawn > 0, "the opening view clusters");
    // At the opening view the clusters sit on Kabul, Jalalabad and Peshawar: their names are
    // drawn again above them, and only names that were placed.
    assert!(
        !frame.labels_lifted.is_empty(),
        "no name was lifted: {:?}",
        frame.labels
    );
    for name in &frame.labels_lifted {
        assert!(frame.labels.contains(name), "{name} lifted but not placed");
        let label = iskp_atlas::map::labels::Labels::embedded();
        assert!(
            label.find(name).is_some_and(|l| l.story),
            "{name} is not a story city"
        );
    }
}
