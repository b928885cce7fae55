//! Incidents grouped by place (a province, an area), each group's members in date order with
//! running sums of victims, so "how many in this province between two months" is two binary
//! searches, however many incidents there are.

use std::ops::Range;

#[derive(Debug, Default, Clone)]
pub struct Tally {
    groups: Vec<Group>,
}

#[derive(Debug, Default, Clone)]
struct Group {
    /// Positions in the dataset (its date order), ascending.
    members: Vec<u32>,
    /// Running sum of victims over `members`, one longer than it.
    killed: Vec<u32>,
}

impl Tally {
    /// Groups `(group, incident position, victims)` given in ascending incident position.
    pub fn build(groups: usize, items: impl Iterator<Item = (usize, u32, u32)>) -> Self {
        let mut out = vec![
            Group {
                members: Vec::new(),
                killed: vec![0],
            };
            groups
        ];
        for (g, i, killed) in items {
            if let Some(group) = out.get_mut(g) {
                let last = *group.killed.last().unwrap_or(&0);
                group.members.push(i);
                group.killed.push(last + killed);
            }
        }
        Self { groups: out }
    }

    pub fn len(&self) -> usize {
        self.groups.len()
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    fn bounds(&self, g: usize, range: &Range<usize>) -> Option<(&Group, usize, usize)> {
        let group = self.groups.get(g)?;
        let a = group
            .members
            .partition_point(|&m| (m as usize) < range.start);
        let b = group.members.partition_point(|&m| (m as usize) < range.end);
        Some((group, a, b.max(a)))
    }

    /// Group `g`'s incidents among dataset positions `range`.
    pub fn members(&self, g: usize, range: &Range<usize>) -> &[u32] {
        self.bounds(g, range)
            .map_or(&[], |(group, a, b)| &group.members[a..b])
    }

    pub fn count(&self, g: usize, range: &Range<usize>) -> usize {
        self.members(g, range).len()
    }

    /// Victims killed in group `g`'s incidents among `range`.
    pub fn killed(&self, g: usize, range: &Range<usize>) -> u32 {
        self.bounds(g, range)
            .map_or(0, |(group, a, b)| group.killed[b] - group.killed[a])
    }

    /// The groups with at least one incident in `range`.
    pub fn occupied<'a>(&'a self, range: &'a Range<usize>) -> impl Iterator<Item = usize> + 'a {
        (0..self.groups.len()).filter(move |&g| self.count(g, range) > 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_victims_in_a_range_by_group() {
        // Incidents 0..6 in date order, in groups 0, 1, 0, 2, 0, 1.
        let items = [
            (0, 0, 5),
            (1, 1, 1),
            (0, 2, 0),
            (2, 3, 7),
            (0, 4, 2),
            (1, 5, 3),
        ];
        let t = Tally::build(3, items.into_iter());
        assert_eq!(t.count(0, &(0..6)), 3);
        assert_eq!(t.count(0, &(1..4)), 1);
        assert_eq!(t.killed(0, &(0..6)), 7);
        assert_eq!(t.killed(0, &(3..6)), 2);
        assert_eq!(t.members(1, &(0..6)), &[1, 5]);
        assert_eq!(t.count(2, &(4..6)), 0);
        assert_eq!(t.occupied(&(4..6)).collect::<Vec<_>>(), vec![0, 1]);
        assert_eq!(t.count(9, &(0..6)), 0, "an unknown group is empty");
        assert_eq!(t.count(0, &(5..2)), 0, "a backwards range is empty");
    }
}
