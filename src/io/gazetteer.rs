//! Places by name, offline: Natural Earth's towns and the region's provinces
//! (assets/gazetteer.tsv) with the other spellings sources use (assets/place_aliases.tsv), so
//! a file that says "Jalalabad, Afghanistan" and gives no coordinates can still be mapped.
//! A name is placed only when it names one place; anything else is reported, never guessed.

use crate::model::GeoPrecision;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Town,
    Province,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub kind: PlaceKind,
    pub iso3: String,
    /// The province under Natural Earth's admin-1 name (a province's own, or a town's).
    pub admin1: String,
    pub name: String,
    pub lon: f64,
    pub lat: f64,
}

/// A name placed: where, how precisely, and what it matched, for the preview and details.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub place: usize,
    pub precision: GeoPrecision,
    pub matched: String,
}

pub struct Gazetteer {
    pub places: Vec<Place>,
    towns: HashMap<String, Vec<usize>>,
    provinces: HashMap<String, Vec<usize>>,
    countries: HashMap<String, String>,
    /// Each province's shown name, by country and admin-1 name.
    province_names: HashMap<(String, String), String>,
}

/// Words that say what kind of place a name is, dropped before matching.
const PROVINCE_WORDS: [&str; 6] = [
    "province",
    "provinces",
    "wilayat",
    "velayat",
    "ostan",
    "oblast",
];
const DISTRICT_WORDS: [&str; 4] = ["district", "districts", "tehsil", "woleswali"];
const TOWN_WORDS: [&str; 3] = ["city", "town", "village"];

/// Other names of countries, beyond the outlines' own and their ISO codes.
const COUNTRY_ALIASES: [(&str, &str); 12] = [
    ("islamic republic of afghanistan", "AFG"),
    ("islamic emirate of afghanistan", "AFG"),
    ("islamic republic of pakistan", "PAK"),
    ("islamic republic of iran", "IRN"),
    ("russian federation", "RUS"),
    ("kyrgyz republic", "KGZ"),
    ("turkiye", "TUR"),
    ("turkey", "TUR"),
    ("usa", "USA"),
    ("united states", "USA"),
    ("uk", "GBR"),
    ("uae", "ARE"),
];

impl Gazetteer {
    /// The embedded gazetteer, read once.
    pub fn shared() -> &'static Gazetteer {
        static SHARED: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        SHARED.get_or_init(|| {
            let countries = crate::io::countries::Countries::embedded();
            let names: Vec<(String, String)> = countries
                .names()
                .map(|(iso, n)| (iso.to_owned(), n.to_owned()))
                .collect();
            static PLACES: &str = include_str!("../../assets/gazetteer.tsv");
            let gazetteer = Gazetteer::parse(
                PLACES,
                include_str!("../../assets/place_aliases.tsv"),
                &names,
            );
            crate::io::pages::release(PLACES.as_bytes(), PLACES.as_bytes());
            gazetteer
        })
    }

    /// Reads the gazetteer and alias tables; `countries` are `(iso3, name)`. Lines that do
    /// not parse are left out (both files are the atlas's own, checked by its tests).
    pub fn parse(places: &str, aliases: &str, countries: &[(String, String)]) -> Self {
        let mut g = Gazetteer {
            places: Vec::new(),
            towns: HashMap::new(),
            provinces: HashMap::new(),
            countries: HashMap::new(),
            province_names: HashMap::new(),
        };
        let mut alternates = Vec::new();
        for line in places.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            let [kind, iso3, admin1, name, lon, lat, alts] = f[..] else {
                continue;
            };
            let (Ok(lon), Ok(lat)) = (lon.parse(), lat.parse()) else {
                continue;
            };
            let kind = if kind == "province" {
                PlaceKind::Province
            } else {
                PlaceKind::Town
            };
            if kind == PlaceKind::Province {
                g.province_names
                    .insert((iso3.to_owned(), admin1.to_owned()), name.to_owned());
            }
            alternates.push(
                alts.split('|')
                    .filter(|a| !a.is_empty())
                    .map(str::to_owned)
                    .collect::<Vec<_>>(),
            );
            g.places.push(Place {
                kind,
                iso3: iso3.to_owned(),
                admin1: admin1.to_owned(),
                name: name.to_owned(),
                lon,
                lat,
            });
        }
        for (i, alts) in alternates.iter().enumerate() {
            let name = g.places[i].name.clone();
            g.add(&name, i);
            for a in alts {
                g.add(a, i);
            }
        }
        for line in aliases.lines().filter(|l| !l.starts_with('#')) {
            let [spelling, name, iso3] = line.split('\t').collect::<Vec<_>>()[..] else {
                continue;
            };
            let targets: Vec<usize> = (0..g.places.len())
                .filter(|&i| g.places[i].iso3 == iso3 && g.places[i].name == name)
                .collect();
            for i in targets {
                g.add(spelling, i);
            }
        }
        for (iso, name) in countries {
            g.countries.insert(key(name).0, iso.clone());
            g.countries.insert(iso.to_lowercase(), iso.clone());
        }
        for (name, iso) in COUNTRY_ALIASES {
            g.countries.insert(key(name).0, iso.to_owned());
        }
        g
    }

    fn add(&mut self, name: &str, i: usize) {
        let k = key(name).0;
        if k.is_empty() {
            return;
        }
        let map = match self.places[i].kind {
            PlaceKind::Town => &mut self.towns,
            PlaceKind::Province => &mut self.provinces,
        };
        let list = map.entry(k).or_default();
        if !list.contains(&i) {
            list.push(i);
        }
    }

    /// The country a name is, if it is one.
    pub fn country(&self, name: &str) -> Option<&str> {
        self.countries.get(&key(name).0).map(String::as_str)
    }

    /// A province's shown name.
    pub fn province_name(&self, iso3: &str, admin1: &str) -> String {
        self.province_names
            .get(&(iso3.to_owned(), admin1.to_owned()))
            .cloned()
            .unwrap_or_else(|| admin1.to_owned())
    }

    /// Where a place's text points: "Jalalabad", "Jalalabad, Afghanistan", "Achin District,
    /// Nangarhar", "Shinwar, Nangarhar Province, Afghanistan". The error says why not.
    pub fn find(&self, text: &str) -> Result<Hit, String> {
        let mut parts: Vec<&str> = text
            .split([',', ';'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if parts.is_empty() {
            return Err("no place given".into());
        }
        let mut country = None;
        if parts.len() > 1
            && let Some(iso) = self.country(parts[parts.len() - 1])
        {
            country = Some(iso.to_owned());
            parts.pop();
        }
        if parts.len() == 1 && country.is_none() && self.country(parts[0]).is_some() {
            return Err(format!("'{}' names only a country", parts[0]));
        }
        // "X, Province": the last part, when it names a province, narrows the rest.
        let mut within: Option<usize> = None;
        if parts.len() > 1 {
            let last = parts[parts.len() - 1];
            let found = self.lookup(&self.provinces, last, country.as_deref(), None);
            match found.as_slice() {
                [one] => {
                    within = Some(*one);
                    country = Some(self.places[*one].iso3.clone());
                    parts.pop();
                }
                [] => {}
                many => return Err(self.ambiguous(last, many)),
            }
        }
        for part in &parts {
            let (_, hint) = key(part);
            let towns = if hint == Hint::Province {
                Vec::new()
            } else {
                self.lookup(&self.towns, part, country.as_deref(), within)
            };
            let provinces = if within.is_some() || hint == Hint::Town || hint == Hint::District {
                Vec::new()
            } else {
                self.lookup(&self.provinces, part, country.as_deref(), None)
            };
            // A town and the province named after it ("Kabul", "Kunduz"): the town.
            let provinces: Vec<usize> = provinces
                .into_iter()
                .filter(|&p| {
                    !towns.iter().any(|&t| {
                        self.places[t].iso3 == self.places[p].iso3
                            && self.places[t].admin1 == self.places[p].admin1
                    })
                })
                .collect();
            let all: Vec<usize> = towns.iter().chain(&provinces).copied().collect();
            match all.as_slice() {
                [] => continue,
                [one] => {
                    let place = &self.places[*one];
                    let precision = match (place.kind, hint) {
                        (PlaceKind::Province, _) => GeoPrecision::Province,
                        (PlaceKind::Town, Hint::District) => GeoPrecision::District,
                        (PlaceKind::Town, _) => GeoPrecision::Town,
                    };
                    return Ok(Hit {
                        place: *one,
                        precision,
                        matched: self.describe(*one),
                    });
                }
                many => return Err(self.ambiguous(part, many)),
            }
        }
        let missing = parts.join(", ");
        match within {
            Some(p) => Ok(Hit {
                place: p,
                precision: GeoPrecision::Province,
                matched: format!(
                    "{} ('{missing}' is not in the gazetteer, so only the province)",
                    self.describe(p)
                ),
            }),
            None => Err(format!("'{missing}' is not in the gazetteer")),
        }
    }

    fn lookup(
        &self,
        map: &HashMap<String, Vec<usize>>,
        name: &str,
        country: Option<&str>,
        within: Option<usize>,
    ) -> Vec<usize> {
        let within = within.map(|w| &self.places[w]);
        map.get(&key(name).0)
            .map(|list| {
                list.iter()
                    .copied()
                    .filter(|&i| {
                        let p = &self.places[i];
                        country.is_none_or(|c| p.iso3 == c)
                            && within.is_none_or(|w| p.iso3 == w.iso3 && p.admin1 == w.admin1)
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// "the town of Jalalabad, Nangarhar, AFG" / "the province of Nangarhar, AFG".
    pub fn describe(&self, i: usize) -> String {
        let p = &self.places[i];
        match p.kind {
            PlaceKind::Town if !p.admin1.is_empty() => format!(
                "the town of {}, {}, {}",
                p.name,
                self.province_name(&p.iso3, &p.admin1),
                p.iso3
            ),
            PlaceKind::Town => format!("the town of {}, {}", p.name, p.iso3),
            PlaceKind::Province => format!("the province of {}, {}", p.name, p.iso3),
        }
    }

    fn ambiguous(&self, name: &str, many: &[usize]) -> String {
        let list: Vec<String> = many.iter().take(4).map(|&i| self.describe(i)).collect();
        format!(
            "'{name}' could be {} places ({}{}); add the province or country",
            many.len(),
            list.join("; "),
            if many.len() > 4 { "; ..." } else { "" }
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hint {
    None,
    Town,
    District,
    Province,
}

/// A name as matched: case, accents, punctuation, spaces and the Persian connector ("-e-",
/// "-i-") dropped, so "Mazar-i-Sharif", "Mazar-e Sharif" and "MAZAR E SHARIF" meet; and what
/// a trailing word ("Province", "District", "City") says the place is.
fn key(name: &str) -> (String, Hint) {
    let folded: String = name
        .chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            'ā' | 'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => Some('a'),
            'ē' | 'é' | 'è' | 'ê' | 'ë' => Some('e'),
            'ī' | 'í' | 'ì' | 'î' | 'ï' | 'ı' => Some('i'),
            'ō' | 'ó' | 'ò' | 'ô' | 'ö' | 'õ' => Some('o'),
            'ū' | 'ú' | 'ù' | 'û' | 'ü' => Some('u'),
            'ş' | 'š' | 'ś' => Some('s'),
            'ç' | 'č' => Some('c'),
            'ğ' => Some('g'),
            'ñ' => Some('n'),
            'ž' => Some('z'),
            '\'' | '’' | '‘' | 'ʼ' | '`' | 'ʻ' => None,
            c if c.is_alphanumeric() => Some(c),
            _ => Some(' '),
        })
        .collect();
    let mut words: Vec<&str> = folded.split_whitespace().collect();
    let mut hint = Hint::None;
    while words.len() > 1 {
        let last = words[words.len() - 1];
        let h = if PROVINCE_WORDS.contains(&last) {
            Hint::Province
        } else if DISTRICT_WORDS.contains(&last) {
            Hint::District
        } else if TOWN_WORDS.contains(&last) {
            Hint::Town
        } else {
            break;
        };
        hint = h;
        words.pop();
    }
    let joined: String = words
        .iter()
        .filter(|w| !matches!(**w, "e" | "i" | "ye" | "al" | "el"))
        .copied()
        .collect();
    (joined, hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shared() -> &'static Gazetteer {
        Gazetteer::shared()
    }

    fn placed(text: &str) -> (String, GeoPrecision) {
        let g = shared();
        let hit = g.find(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        (g.places[hit.place].name.clone(), hit.precision)
    }

    #[test]
    fn spellings_meet() {
        assert_eq!(key("Mazar-i-Sharif").0, key("Mazar-e Sharif").0);
        assert_eq!(key("MAZAR E SHARIF").0, key("mazar-e-sharif").0);
        assert_eq!(key("Lashkar Gah").0, key("Lashkargah").0);
        assert_eq!(
            key("Nangarhar Province"),
            ("nangarhar".into(), Hint::Province)
        );
        assert_eq!(key("Achin District").1, Hint::District);
        assert_eq!(key("Samangān").0, "samangan");
    }

    #[test]
    fn names_are_placed_at_what_they_name() {
        use GeoPrecision::*;
        assert_eq!(placed("Jalalabad, Afghanistan"), ("Jalalabad".into(), Town));
        assert_eq!(placed("Jelalabad, Afghanistan"), ("Jalalabad".into(), Town));
        assert_eq!(placed("Ningarhar"), ("Nangarhar".into(), Province));
        assert_eq!(
            placed("Nangarhar Province, Afghanistan"),
            ("Nangarhar".into(), Province)
        );
        assert_eq!(placed("Hilmand"), ("Helmand".into(), Province));
        assert_eq!(
            placed("Kabul"),
            ("Kabul".into(), Town),
            "the city, not the province"
        );
        assert_eq!(placed("Kabul Province"), ("Kabul".into(), Province));
        assert_eq!(
            placed("Mazar-I-sharif, Afghanistan"),
            ("Mazar-e Sharif".into(), Town)
        );
        assert_eq!(placed("Peshawar, KPK, Pakistan"), ("Peshawar".into(), Town));
        assert_eq!(placed("Kunduz, Afghanistan"), ("Kondoz".into(), Town));
        assert_eq!(placed("Kermanshah, Iran"), ("Kermanshah".into(), Town));
        // "District, Province": the district is not in the gazetteer, so the province.
        let g = shared();
        let hit = g.find("Achin District, Nangarhar").unwrap();
        assert_eq!(
            (g.places[hit.place].name.as_str(), hit.precision),
            ("Nangarhar", Province)
        );
        assert!(
            hit.matched
                .contains("'Achin District' is not in the gazetteer"),
            "{}",
            hit.matched
        );
        let p = &g.places[g.find("Quetta, Balochistan").unwrap().place];
        assert_eq!((p.iso3.as_str(), p.admin1.as_str()), ("PAK", "Baluchistan"));
    }

    #[test]
    fn what_names_nothing_or_several_is_not_placed() {
        let g = shared();
        assert!(
            g.find("Achin, Afghanistan")
                .unwrap_err()
                .contains("not in the gazetteer")
        );
        assert!(g.find("Pakistan").unwrap_err().contains("only a country"));
        // Kyrgyzstan has a Jalal-Abad too.
        let e = g.find("Jalalabad").unwrap_err();
        assert!(e.contains("AFG") && e.contains("KGZ"), "{e}");
        let e = g.find("Hyderabad").unwrap_err();
        assert!(
            e.contains("could be 2 places") && e.contains("PAK") && e.contains("IND"),
            "{e}"
        );
        assert_eq!(placed("Hyderabad, Pakistan").0, "Hyderabad");
        assert!(g.find("Punjab").unwrap_err().contains("could be"));
        assert!(g.find("").is_err());
    }
}
