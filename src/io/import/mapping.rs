//! Which column (or GeoJSON property) holds what, for files whose layout is not fixed: a
//! spreadsheet's CSV or a GeoJSON of points. The window asks the user with a preview of the
//! first rows; the command line takes `--columns date=...,lat=...,lon=...` (or `place=...`
//! instead of the coordinates, to place rows by name). Without either, columns are guessed
//! from their names and their values.

/// Column names as they appear in the file; matching ignores case and surrounding spaces.
/// For GeoJSON points `lat` and `lon` are unused (the geometry has them).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Mapping {
    pub date: String,
    pub lat: String,
    pub lon: String,
    /// A place's name ("Jalalabad, Afghanistan"): where there are no coordinates, rows are
    /// placed by it against the gazetteer.
    pub place: Option<String>,
    pub deaths: Option<String>,
    pub title: Option<String>,
    pub category: Option<String>,
    /// A workbook's sheet, by name; the first when not given.
    pub sheet: Option<String>,
}

impl Mapping {
    /// Reads `date=When,lat=Y,lon=X[,place=..][,deaths=..][,title=..][,category=..][,sheet=..]`.
    /// Roles left out
    /// are guessed where the spec is used (`read_columns`).
    pub fn parse_spec(spec: &str) -> Result<Self, String> {
        let mut m = Self::default();
        for part in spec.split(',').filter(|p| !p.trim().is_empty()) {
            let (key, column) = part
                .split_once('=')
                .map(|(k, c)| (k.trim().to_lowercase(), c.trim().to_owned()))
                .ok_or_else(|| format!("'{part}' is not role=column"))?;
            // An optional role may be given as empty: "not in this file", not to be guessed.
            let required = matches!(
                key.as_str(),
                "date" | "lat" | "latitude" | "lon" | "lng" | "longitude"
            );
            if column.is_empty() && required {
                return Err(format!("'{part}' names no column"));
            }
            match key.as_str() {
                "date" => m.date = column,
                "lat" | "latitude" => m.lat = column,
                "lon" | "lng" | "longitude" => m.lon = column,
                "place" | "location" => m.place = Some(column),
                "deaths" | "killed" => m.deaths = Some(column),
                "title" => m.title = Some(column),
                "category" | "kind" => m.category = Some(column),
                "sheet" => m.sheet = Some(column),
                _ => {
                    return Err(format!(
                        "'{key}' is not one of date, lat, lon, place, deaths, title, category, sheet"
                    ));
                }
            }
        }
        if m == Self::default() {
            return Err(
                "name at least one column: date=COLUMN,lat=COLUMN,lon=COLUMN or date=COLUMN,place=COLUMN"
                    .into(),
            );
        }
        Ok(m)
    }

    /// Fills the roles left unnamed from a guess.
    pub fn or_guessed(self, guess: Mapping) -> Mapping {
        let pick = |a: String, b: String| if a.is_empty() { b } else { a };
        Mapping {
            date: pick(self.date, guess.date),
            lat: pick(self.lat, guess.lat),
            lon: pick(self.lon, guess.lon),
            place: self.place.or(guess.place),
            deaths: self.deaths.or(guess.deaths),
            title: self.title.or(guess.title),
            category: self.category.or(guess.category),
            sheet: self.sheet.or(guess.sheet),
        }
    }

    /// The same mapping as a `--columns` value.
    pub fn to_spec(&self) -> String {
        let mut parts = Vec::new();
        for (key, value) in [("date", &self.date), ("lat", &self.lat), ("lon", &self.lon)] {
            if !value.is_empty() {
                parts.push(format!("{key}={value}"));
            }
        }
        for (key, value) in [
            ("place", &self.place),
            ("deaths", &self.deaths),
            ("title", &self.title),
            ("category", &self.category),
            ("sheet", &self.sheet),
        ] {
            if let Some(v) = value {
                parts.push(format!("{key}={v}"));
            }
        }
        parts.join(",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spec_reads_back_as_written() {
        let m = Mapping::parse_spec("date=When, lat=Y,lon=X,deaths=Dead").unwrap();
        assert_eq!(
            (m.date.as_str(), m.lat.as_str(), m.lon.as_str()),
            ("When", "Y", "X")
        );
        assert_eq!(m.deaths.as_deref(), Some("Dead"));
        assert_eq!(Mapping::parse_spec(&m.to_spec()).unwrap(), m);
        assert_eq!(Mapping::parse_spec("lat=Y").unwrap().lat, "Y");
        assert!(
            Mapping::parse_spec("")
                .unwrap_err()
                .contains("at least one")
        );
        assert!(
            Mapping::parse_spec("date=A,size=B")
                .unwrap_err()
                .contains("size")
        );
        assert!(Mapping::parse_spec("date").is_err());
        let m = Mapping::parse_spec("date=When,place=Where,sheet=2016").unwrap();
        assert_eq!(
            (m.place.as_deref(), m.sheet.as_deref()),
            (Some("Where"), Some("2016"))
        );
        assert_eq!(Mapping::parse_spec(&m.to_spec()).unwrap(), m);
    }
}
