//! Reads `data/regions/*.geojson`: polygon areas with a role, a name and a description.

use super::error::{LoadError, line_of_quoted};
use crate::model::{Region, RegionRole};
use serde_json::Value;

/// Parses one region file. Features that are wrong are reported and skipped; the rest load.
pub fn parse(file: &str, text: &str) -> (Vec<Region>, Vec<LoadError>) {
    let root: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return (Vec::new(), vec![LoadError::from_json(file, &e)]),
    };
    let Some(features) = root.get("features").and_then(Value::as_array) else {
        return (
            Vec::new(),
            vec![LoadError::file(file, "not a GeoJSON FeatureCollection").field("features")],
        );
    };
    let mut regions = Vec::new();
    let mut errors = Vec::new();
    for (index, feature) in features.iter().enumerate() {
        match parse_feature(feature) {
            Ok(region) => regions.push(region),
            Err((field, message)) => {
                let name = feature
                    .pointer("/properties/name")
                    .and_then(Value::as_str)
                    .map(str::to_owned);
                let line = name.as_deref().and_then(|n| line_of_quoted(text, n));
                let label = name.unwrap_or_else(|| format!("#{}", index + 1));
                errors.push(
                    LoadError::file(file, message)
                        .at_line(line)
                        .feature(Some(&label))
                        .field(field),
                );
            }
        }
    }
    (regions, errors)
}

type FieldError = (&'static str, String);

fn parse_feature(feature: &Value) -> Result<Region, FieldError> {
    let props = feature
        .get("properties")
        .and_then(Value::as_object)
        .ok_or(("properties", "missing or not an object".to_owned()))?;
    let text = |key: &'static str| -> Result<String, FieldError> {
        props
            .get(key)
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or((key, "missing or not a string".to_owned()))
    };
    let role_text = text("role")?;
    let role = RegionRole::parse(&role_text).ok_or((
        "role",
        format!("'{role_text}' is not one of core, claimed, periphery, historical"),
    ))?;
    let geometry = feature
        .get("geometry")
        .cloned()
        .ok_or(("geometry", "missing".to_owned()))?;
    let geometry =
        geojson::Geometry::from_json_value(geometry).map_err(|e| ("geometry", e.to_string()))?;
    let geometry: geo::Geometry<f64> = geometry
        .try_into()
        .map_err(|e: geojson::Error| ("geometry", e.to_string()))?;
    let geometry = match geometry {
        geo::Geometry::Polygon(p) => geo::MultiPolygon(vec![p]),
        geo::Geometry::MultiPolygon(mp) => mp,
        other => {
            return Err((
                "geometry",
                format!(
                    "expected Polygon or MultiPolygon, got {}",
                    kind_name(&other)
                ),
            ));
        }
    };
    check_coordinates(&geometry)?;
    Ok(Region {
        role,
        name: text("name")?,
        description: text("description")?,
        paper_ref: text("paper_ref")?,
        geometry,
    })
}

fn check_coordinates(mp: &geo::MultiPolygon<f64>) -> Result<(), FieldError> {
    use geo::CoordsIter;
    if mp.0.is_empty() {
        return Err(("geometry", "has no polygons".to_owned()));
    }
    for c in mp.coords_iter() {
        if !(c.x.is_finite() && c.y.is_finite() && (-180.0..=180.0).contains(&c.x))
            || !(-90.0..=90.0).contains(&c.y)
        {
            return Err((
                "geometry",
                format!(
                    "coordinate ({}, {}) is outside longitude -180..180 / latitude -90..90",
                    c.x, c.y
                ),
            ));
        }
    }
    Ok(())
}

fn kind_name(g: &geo::Geometry<f64>) -> &'static str {
    match g {
        geo::Geometry::Point(_) => "Point",
        geo::Geometry::Line(_) | geo::Geometry::LineString(_) => "LineString",
        geo::Geometry::MultiPoint(_) => "MultiPoint",
        geo::Geometry::MultiLineString(_) => "MultiLineString",
        geo::Geometry::GeometryCollection(_) => "GeometryCollection",
        _ => "another geometry",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUARE_WITH_HOLE: &str = r#"{"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"role":"core","name":"Box","description":"d","paper_ref":"p"},
       "geometry":{"type":"Polygon","coordinates":[[[60,30],[70,30],[70,38],[60,38],[60,30]],
                                                   [[62,32],[64,32],[64,34],[62,34],[62,32]]]}}]}"#;

    #[test]
    fn reads_a_polygon_with_a_hole() {
        let (regions, errors) = parse("t.geojson", SQUARE_WITH_HOLE);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(regions.len(), 1);
        assert_eq!(regions[0].role, RegionRole::Core);
        assert_eq!(regions[0].geometry.0[0].interiors().len(), 1);
    }

    #[test]
    fn a_bad_role_names_file_line_and_field_and_keeps_the_rest() {
        let text = r#"{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"role":"core","name":"Good","description":"d","paper_ref":"p"},
 "geometry":{"type":"Polygon","coordinates":[[[60,30],[70,30],[70,38],[60,30]]]}},
{"type":"Feature","properties":{"role":"heartland","name":"Bad","description":"d","paper_ref":"p"},
 "geometry":{"type":"Polygon","coordinates":[[[60,30],[70,30],[70,38],[60,30]]]}}]}"#;
        let (regions, errors) = parse("regions.geojson", text);
        assert_eq!(regions.len(), 1);
        assert_eq!(errors.len(), 1);
        let msg = errors[0].to_string();
        assert!(msg.starts_with("regions.geojson:4:"), "{msg}");
        assert!(msg.contains("field 'role'"), "{msg}");
        assert!(msg.contains("heartland"), "{msg}");
    }

    #[test]
    fn broken_json_reports_line_and_column() {
        let (regions, errors) = parse("x.geojson", "{\n \"features\": [\n  {,]}");
        assert!(regions.is_empty());
        assert_eq!(errors[0].line, Some(3));
        assert!(errors[0].column.is_some());
    }

    #[test]
    fn points_and_out_of_range_coordinates_are_refused() {
        let point = r#"{"features":[{"properties":{"role":"core","name":"P","description":"d","paper_ref":"p"},
            "geometry":{"type":"Point","coordinates":[60,30]}}]}"#;
        let (_, errors) = parse("p.geojson", point);
        assert!(errors[0].to_string().contains("expected Polygon"));
        let far = r#"{"features":[{"properties":{"role":"core","name":"F","description":"d","paper_ref":"p"},
            "geometry":{"type":"Polygon","coordinates":[[[60,30],[700,30],[70,38],[60,30]]]}}]}"#;
        let (_, errors) = parse("f.geojson", far);
        assert!(errors[0].to_string().contains("outside longitude"));
    }
}
