//! Which incidents the user wants to see. An empty set means "any".

use super::{Claim, Incident, IncidentKind};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filter {
    pub countries: BTreeSet<String>,
    pub admin1: BTreeSet<String>,
    pub kinds: BTreeSet<IncidentKind>,
    pub methods: BTreeSet<String>,
    pub targets: BTreeSet<String>,
    pub claims: BTreeSet<Claim>,
    /// Only incidents with at least this many killed (best estimate, else the high figure).
    pub min_killed: u32,
    /// Only incidents placed at a site or a town, not at a district, province or country.
    pub exact_places: bool,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// The filter in words, for exports: "no filters", or "country PAK; kind attack".
    pub fn describe(&self) -> String {
        fn set<T>(name: &str, items: &BTreeSet<T>, text: impl Fn(&T) -> String) -> Option<String> {
            (!items.is_empty()).then(|| {
                let words: Vec<String> = items.iter().map(text).collect();
                format!("{name} {}", words.join(", "))
            })
        }
        let parts: Vec<String> = [
            set("country", &self.countries, |c| c.clone()),
            set("province", &self.admin1, |c| c.clone()),
            set("kind", &self.kinds, |k| k.label().to_lowercase()),
            set("method", &self.methods, |m| m.clone()),
            set("target", &self.targets, |t| t.clone()),
            set("claim", &self.claims, |c| c.code().replace('_', " ")),
            (self.min_killed > 0).then(|| format!("at least {} killed", self.min_killed)),
            self.exact_places.then(|| "exact places only".to_owned()),
        ]
        .into_iter()
        .flatten()
        .collect();
        if parts.is_empty() {
            "no filters".to_owned()
        } else {
            parts.join("; ")
        }
    }

    pub fn matches(&self, i: &Incident) -> bool {
        (self.countries.is_empty() || self.countries.contains(&i.country))
            && (self.admin1.is_empty() || self.admin1.contains(&i.admin1))
            && (self.kinds.is_empty() || self.kinds.contains(&i.kind))
            && (self.methods.is_empty() || self.methods.contains(&i.method))
            && (self.targets.is_empty() || i.targets.iter().any(|t| self.targets.contains(t)))
            && (self.claims.is_empty() || self.claims.contains(&i.claim))
            && (self.min_killed == 0 || best_killed(i).is_some_and(|k| k >= self.min_killed))
            && !(self.exact_places && i.geo_precision.is_area())
    }
}

/// Victims killed, as the atlas sizes and counts them: the best estimate, else the top of
/// the range. Operations and leadership events have none, whatever their file says.
pub fn best_killed(i: &Incident) -> Option<u32> {
    if i.kind.counts_militants() {
        return None;
    }
    i.killed.or(i.killed_high)
}

/// Militants killed, by the same rule: best estimate, else the top of the range.
pub fn best_militants(i: &Incident) -> Option<u32> {
    i.militants_killed.or(i.militants_killed_high)
}

/// One line on what an incident cost, saying whose deaths: "31 killed", "36 militants
/// killed", "toll not known".
pub fn toll_text(i: &Incident) -> String {
    if i.kind.counts_militants() {
        let mut text = match best_militants(i) {
            Some(n) => format!("{n} militants killed"),
            None => "militants killed: not known".to_owned(),
        };
        if let Some(c) = i.civilians_killed.filter(|&c| c > 0) {
            text.push_str(&format!(", {c} bystanders killed"));
        }
        text
    } else {
        match best_killed(i) {
            Some(n) => format!("{n} killed"),
            None if i.killed_low.is_some() => {
                format!("at least {} killed", i.killed_low.unwrap_or(0))
            }
            None => "toll not known".to_owned(),
        }
    }
}
