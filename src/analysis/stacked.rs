//! Counts arranged for a stacked chart: the largest groups as series, the rest gathered.

use super::PeriodCounts;

/// The counts of each period split into a few series, ready to stack: the
/// groups with the most events, in order, and one series for the rest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stacked {
    /// The group position of each series in [`PeriodCounts::groups`]; `None` for the rest.
    pub(crate) series: Vec<Option<u32>>,
    /// For each period of the counts, the count of each series.
    pub(crate) values: Vec<Vec<u32>>,
}

impl Stacked {
    /// The total of one period.
    pub(crate) fn period_total(&self, period: usize) -> u32 {
        self.values[period].iter().sum()
    }
}

impl PeriodCounts {
    /// The counts as at most `top` series (groups in their own order when all
    /// fit, else the largest first) plus one for the rest.
    pub(crate) fn stacked(&self, top: usize) -> Stacked {
        let totals = self.group_totals();
        let mut present: Vec<u32> = (0..totals.len() as u32)
            .filter(|&g| totals[g as usize] > 0)
            .collect();
        let gathered = present.len() > top;
        if gathered {
            present.sort_by(|&a, &b| totals[b as usize].cmp(&totals[a as usize]).then(a.cmp(&b)));
            present.truncate(top);
        }
        let mut series_of_group = vec![present.len(); self.groups.len()];
        for (s, &g) in present.iter().enumerate() {
            series_of_group[g as usize] = s;
        }
        let mut series: Vec<Option<u32>> = present.into_iter().map(Some).collect();
        if gathered {
            series.push(None);
        }
        let mut values = vec![vec![0u32; series.len()]; self.periods.len()];
        for cell in &self.cells {
            values[cell.period as usize][series_of_group[cell.group as usize]] += cell.count;
        }
        Stacked { series, values }
    }
}
