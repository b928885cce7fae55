//! Import time of the UCDP extract in tests/fixtures (6,466 rows): read and parse, median of
//! 20 runs. Reports numbers; asserts nothing.
//!
//!     cargo bench --bench import

use iskp_atlas::io::import::{Progress, read};
use std::time::Instant;

fn main() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/ucdp/ucdp_ged_pakistan221_bangladesh_is191.csv"
    );
    let mut times: Vec<f64> = (0..20)
        .map(|_| {
            let t = Instant::now();
            let bytes = std::fs::read(path).expect("fixture");
            let (_, incidents, _) =
                read("ucdp.csv", &bytes, 1, &Progress::default()).expect("reads");
            std::hint::black_box(incidents);
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "UCDP extract (6,466 rows): median {:.1} ms, min {:.1} ms, max {:.1} ms",
        times[10], times[0], times[19]
    );
}
