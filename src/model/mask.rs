//! Which incidents pass the filters and the layer switches, and running counts of them, so
//! "how many are shown between two months" is two lookups, not a scan. Rebuilt only when
//! what it depends on changes.

use super::{Filter, Incident};
use std::ops::Range;

#[derive(Debug, Default)]
pub struct Mask {
    passes: Vec<bool>,
    passing: Running,
    /// What the mask was built from; `None` forces a rebuild.
    built_from: Option<(Filter, Vec<bool>, Vec<bool>)>,
}

impl Mask {
    /// Rebuilds the mask if the filter, the visible layers or the IS-only layers differ from
    /// what it was built from; says whether it did. `visible` and `is_only` are per layer
    /// (missing means visible and all rows).
    pub fn update(
        &mut self,
        incidents: &[Incident],
        filter: &Filter,
        visible: &[bool],
        is_only: &[bool],
    ) -> bool {
        if let Some((f, v, o)) = &self.built_from
            && f == filter
            && v == visible
            && o == is_only
        {
            return false;
        }
        self.passes = incidents
            .iter()
            .map(|i| {
                let l = usize::from(i.layer);
                filter.matches(i)
                    && visible.get(l).copied().unwrap_or(true)
                    && (!is_only.get(l).copied().unwrap_or(false)
                        || i.actors.iter().any(|a| a == "IS"))
            })
            .collect();
        self.passing = Running::new(self.passes.iter().copied());
        self.built_from = Some((filter.clone(), visible.to_vec(), is_only.to_vec()));
        true
    }

    /// Forgets what it was built from: the next update rebuilds (new data).
    pub fn invalidate(&mut self) {
        self.built_from = None;
    }

    /// One flag per incident, in the dataset's order.
    pub fn passes(&self) -> &[bool] {
        &self.passes
    }

    /// How many incidents in `range` (indices into the dataset) pass.
    pub fn count(&self, range: Range<usize>) -> usize {
        self.passing.count(&range)
    }
}

/// Running counts of a flag per incident, so how many are set in a range is two lookups.
#[derive(Debug, Default, Clone)]
pub struct Running {
    /// `prefix[n]`: how many of the first `n` are set.
    prefix: Vec<u32>,
}

impl Running {
    pub fn new(flags: impl Iterator<Item = bool>) -> Self {
        let prefix = std::iter::once(0)
            .chain(flags.scan(0u32, |n, f| {
                *n += u32::from(f);
                Some(*n)
            }))
            .collect();
        Self { prefix }
    }

    pub fn count(&self, range: &Range<usize>) -> usize {
        match (self.prefix.get(range.end), self.prefix.get(range.start)) {
            (Some(end), Some(start)) if range.start <= range.end => (end - start) as usize,
            _ => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::IncidentKind;

    fn incidents() -> Vec<Incident> {
        let mut all = Vec::new();
        for (n, (country, layer, actor)) in [
            ("AFG", 0, ""),
            ("PAK", 0, ""),
            ("AFG", 1, "IS"),
            ("AFG", 1, "Taliban"),
        ]
        .into_iter()
        .enumerate()
        {
            let date = crate::model::Date::new(2020, 1, 1).unwrap();
            let mut i = Incident::new(format!("i{n}"), date, 69.0, 34.0);
            i.country = country.into();
            i.layer = layer;
            i.kind = IncidentKind::Attack;
            if !actor.is_empty() {
                i.actors = vec![actor.into()];
            }
            all.push(i);
        }
        all
    }

    #[test]
    fn counts_follow_the_filter_and_the_layers_and_rebuild_only_on_change() {
        let all = incidents();
        let mut m = Mask::default();
        assert!(m.update(&all, &Filter::default(), &[], &[]));
        assert_eq!(m.count(0..4), 4);
        assert!(
            !m.update(&all, &Filter::default(), &[], &[]),
            "nothing changed"
        );
        let mut f = Filter::default();
        f.countries.insert("AFG".into());
        assert!(m.update(&all, &f, &[], &[]));
        assert_eq!(m.passes(), [true, false, true, true]);
        assert_eq!(m.count(0..2), 1);
        assert_eq!(m.count(1..4), 2);
        assert!(m.update(&all, &f, &[true, true], &[false, true]));
        assert_eq!(m.passes(), [true, false, true, false], "IS only on layer 1");
        assert!(m.update(&all, &f, &[true, false], &[]));
        assert_eq!(m.count(0..4), 1, "layer 1 hidden");
        assert_eq!(m.count(3..9), 0, "a range past the end counts nothing");
        m.invalidate();
        assert!(m.update(&all, &f, &[true, false], &[]));
    }
}
