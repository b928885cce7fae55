use iskp_atlas::io::gazetteer::Gazetteer;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let mut r = csv::Reader::from_path(&path).unwrap();
    let h = r.headers().unwrap().clone();
    let col = h.iter().position(|c| c == "location").unwrap();
    let g = Gazetteer::shared();
    let (mut town, mut district, mut prov, mut none, mut many) = (0, 0, 0, 0, 0);
    let mut reasons = std::collections::BTreeMap::<String, usize>::new();
    let mut rows = 0;
    for rec in r.records() {
        let rec = rec.unwrap();
        rows += 1;
        let loc = rec.get(col).unwrap_or("");
        match g.find(loc) {
            Ok(hit) => match hit.precision {
                iskp_atlas::model::GeoPrecision::Town => town += 1,
                iskp_atlas::model::GeoPrecision::District => {
                    district += 1;
                    println!("DISTRICT {loc} -> {}", hit.matched)
                }
                _ => {
                    prov += 1;
                    println!("PROV {loc} -> {}", hit.matched)
                }
            },
            Err(e) => {
                if e.contains("could be") {
                    many += 1
                } else {
                    none += 1
                }
                *reasons.entry(format!("{loc}: {e}")).or_default() += 1;
            }
        }
    }
    println!(
        "rows {rows}: town {town}, district {district}, province {prov}, not found {none}, several {many}"
    );
    for (k, v) in reasons {
        println!("{v:3} {k}");
    }
}
