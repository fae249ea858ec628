//! The decision matrix: alternatives (entity, year) in rows, indicators in columns, validated once.

use super::error::CompositeError;
use std::collections::BTreeMap;

/// One alternative: an entity (city, province, the Northeast baseline…) in one year.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Alternative {
    /// Entity name as given by the user.
    pub entity: String,
    /// Calendar year of the observation.
    pub year: i32,
}

/// Which way an indicator is good.
///
/// # Formula
/// ```text
/// Benefit, Cost:        c = x                       (criterion value = raw value)
/// Target { value: t }:  c = |x - t|                 (distance to target; lower is better)
/// TargetRange { l, h }: c = max(l - x, 0, x - h)    (0 inside the range; lower is better)
/// ```
/// Targets are handled as "distance to target" criteria (the target-based normalisation of
/// Jahan, Mustapha, Ismail, Sapuan & Bahraminasab 2011, *Materials & Design* 32, 1215–1221,
/// in its distance form): the distance is then a cost criterion.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(tag = "kind", rename_all = "snake_case")
)]
pub enum Direction {
    /// Higher is better.
    Benefit,
    /// Lower is better.
    Cost,
    /// Closest to `value` is best.
    Target {
        /// The target value, in the indicator's unit.
        value: f64,
    },
    /// Anywhere in `[low, high]` is best; outside, closer is better.
    TargetRange {
        /// Lower end of the range, in the indicator's unit.
        low: f64,
        /// Upper end of the range, in the indicator's unit.
        high: f64,
    },
}

impl Direction {
    /// Whether a larger criterion value is better (only for `Benefit`).
    pub fn higher_is_better(self) -> bool {
        matches!(self, Direction::Benefit)
    }
}

/// The paper's five dimensions, used for sub-scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
pub enum Dimension {
    /// Air, water, emissions (paper §3.4).
    Environment,
    /// Natural-resource depletion (paper §3.2).
    Resources,
    /// Energy mix and transition (paper §4.6–4.7).
    Energy,
    /// Industrial structure (paper §3.1, §4.1).
    Industry,
    /// Population and talent (paper §3.3).
    Population,
}

impl Dimension {
    /// All dimensions in the order sub-scores are reported.
    pub const ALL: [Dimension; 5] = [
        Dimension::Environment,
        Dimension::Resources,
        Dimension::Energy,
        Dimension::Industry,
        Dimension::Population,
    ];

    /// Stable lower-case key (`environment`, …).
    pub fn key(self) -> &'static str {
        match self {
            Dimension::Environment => "environment",
            Dimension::Resources => "resources",
            Dimension::Energy => "energy",
            Dimension::Industry => "industry",
            Dimension::Population => "population",
        }
    }

    /// The dimension with this key; `None` for an unknown key.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.key() == key)
    }
}

/// Explicit normalisation bounds (the Sustainable Development Report's "lower/upper bound"),
/// in criterion units (raw units for benefit and cost, distance to target for targets).
///
/// `worst` maps to 0 and `best` to 1; values beyond are clamped. For a cost indicator `worst`
/// is the larger number; for a target indicator `best` is usually 0 (on target).
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Bounds {
    /// Criterion value scored 0.
    pub worst: f64,
    /// Criterion value scored 1.
    pub best: f64,
}

/// One indicator (a column of the decision matrix).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Indicator {
    /// Name (column header or indicator key).
    pub name: String,
    /// Which way is good.
    pub direction: Direction,
    /// Dimension for sub-scores; `None` takes part only in the overall index.
    pub dimension: Option<Dimension>,
    /// Explicit min–max bounds; `None` uses the data's own minimum and maximum.
    pub bounds: Option<Bounds>,
}

impl Indicator {
    /// A benefit or cost indicator without dimension or bounds.
    pub fn new(name: impl Into<String>, direction: Direction) -> Self {
        Self {
            name: name.into(),
            direction,
            dimension: None,
            bounds: None,
        }
    }
}

/// A validated decision matrix: at least 2 alternatives, at least 1 indicator, every value
/// finite, names unique, targets and bounds well formed.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionMatrix {
    alternatives: Vec<Alternative>,
    indicators: Vec<Indicator>,
    /// Column-major: `columns[j][i]` is alternative `i` on indicator `j`.
    columns: Vec<Vec<f64>>,
}

impl DecisionMatrix {
    /// Build from rows (`rows[i][j]`: alternative `i`, indicator `j`).
    ///
    /// # Errors
    /// `NoIndicators`, `TooFewAlternatives`, `RowCount`, `RaggedRow { row, expected, got }`,
    /// `NonFinite { row, column, indicator, value }`, `DuplicateAlternative`,
    /// `DuplicateIndicator`, `InvalidTarget`, `InvalidBounds`.
    pub fn from_rows(
        alternatives: Vec<Alternative>,
        indicators: Vec<Indicator>,
        rows: &[Vec<f64>],
    ) -> Result<Self, CompositeError> {
        if indicators.is_empty() {
            return Err(CompositeError::NoIndicators);
        }
        if rows.len() != alternatives.len() {
            return Err(CompositeError::RowCount {
                alternatives: alternatives.len(),
                rows: rows.len(),
            });
        }
        let mut columns = vec![Vec::with_capacity(rows.len()); indicators.len()];
        for (i, row) in rows.iter().enumerate() {
            if row.len() != indicators.len() {
                return Err(CompositeError::RaggedRow {
                    row: i,
                    expected: indicators.len(),
                    got: row.len(),
                });
            }
            for (column, &value) in columns.iter_mut().zip(row) {
                column.push(value);
            }
        }
        Self::from_columns(alternatives, indicators, columns)
    }

    /// Build from columns (`columns[j][i]`: indicator `j`, alternative `i`).
    ///
    /// # Errors
    /// As [`DecisionMatrix::from_rows`], with `RaggedRow` naming the first short column's length.
    pub fn from_columns(
        alternatives: Vec<Alternative>,
        indicators: Vec<Indicator>,
        columns: Vec<Vec<f64>>,
    ) -> Result<Self, CompositeError> {
        if indicators.is_empty() {
            return Err(CompositeError::NoIndicators);
        }
        if alternatives.len() < 2 {
            return Err(CompositeError::TooFewAlternatives {
                got: alternatives.len(),
            });
        }
        if columns.len() != indicators.len() {
            return Err(CompositeError::ColumnCount {
                indicators: indicators.len(),
                columns: columns.len(),
            });
        }
        for (j, column) in columns.iter().enumerate() {
            if column.len() != alternatives.len() {
                return Err(CompositeError::ColumnLength {
                    column: j,
                    expected: alternatives.len(),
                    got: column.len(),
                });
            }
        }
        let mut seen: BTreeMap<&Alternative, usize> = BTreeMap::new();
        for (i, a) in alternatives.iter().enumerate() {
            if let Some(&first) = seen.get(a) {
                return Err(CompositeError::DuplicateAlternative {
                    row: i,
                    first_row: first,
                    entity: a.entity.clone(),
                    year: a.year,
                });
            }
            seen.insert(a, i);
        }
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        for (j, ind) in indicators.iter().enumerate() {
            if let Some(&first) = seen.get(ind.name.as_str()) {
                return Err(CompositeError::DuplicateIndicator {
                    column: j,
                    first_column: first,
                    indicator: ind.name.clone(),
                });
            }
            seen.insert(&ind.name, j);
            let target_ok = match ind.direction {
                Direction::Benefit | Direction::Cost => true,
                Direction::Target { value } => value.is_finite(),
                Direction::TargetRange { low, high } => {
                    low.is_finite() && high.is_finite() && low <= high
                }
            };
            if !target_ok {
                return Err(CompositeError::InvalidTarget {
                    column: j,
                    indicator: ind.name.clone(),
                });
            }
            if let Some(b) = ind.bounds {
                if !(b.worst.is_finite() && b.best.is_finite()) || b.worst == b.best {
                    return Err(CompositeError::InvalidBounds {
                        column: j,
                        indicator: ind.name.clone(),
                        worst: b.worst,
                        best: b.best,
                    });
                }
            }
        }
        for (j, (column, ind)) in columns.iter().zip(&indicators).enumerate() {
            if let Some((i, &value)) = column.iter().enumerate().find(|(_, v)| !v.is_finite()) {
                return Err(CompositeError::NonFinite {
                    row: i,
                    column: j,
                    indicator: ind.name.clone(),
                    value,
                });
            }
        }
        Ok(Self {
            alternatives,
            indicators,
            columns,
        })
    }

    /// The alternatives, in row order.
    pub fn alternatives(&self) -> &[Alternative] {
        &self.alternatives
    }

    /// The indicators, in column order.
    pub fn indicators(&self) -> &[Indicator] {
        &self.indicators
    }

    /// The raw values, column-major.
    pub fn columns(&self) -> &[Vec<f64>] {
        &self.columns
    }

    /// Number of alternatives (rows), at least 2.
    pub fn n_alternatives(&self) -> usize {
        self.alternatives.len()
    }

    /// Number of indicators (columns), at least 1.
    pub fn n_indicators(&self) -> usize {
        self.indicators.len()
    }

    /// The same matrix without indicator `drop`; `None` when that would leave no indicator or
    /// `drop` is out of range.
    pub fn without_indicator(&self, drop: usize) -> Option<Self> {
        if drop >= self.indicators.len() || self.indicators.len() < 2 {
            return None;
        }
        Some(Self {
            alternatives: self.alternatives.clone(),
            indicators: self
                .indicators
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != drop)
                .map(|(_, x)| x.clone())
                .collect(),
            columns: self
                .columns
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != drop)
                .map(|(_, x)| x.clone())
                .collect(),
        })
    }
}

/// Shape and value checks for the public functions that take bare columns (`columns[j][i]`)
/// instead of a [`DecisionMatrix`]: at least one column, equal lengths of at least 2, finite
/// values, one name per column (`names` may be empty: columns are then named `#j`).
pub(super) fn check_columns(columns: &[Vec<f64>], names: &[&str]) -> Result<(), CompositeError> {
    let first = columns.first().ok_or(CompositeError::NoIndicators)?;
    if !names.is_empty() && names.len() != columns.len() {
        return Err(CompositeError::ColumnCount {
            indicators: names.len(),
            columns: columns.len(),
        });
    }
    if first.len() < 2 {
        return Err(CompositeError::TooFewAlternatives { got: first.len() });
    }
    for (j, column) in columns.iter().enumerate() {
        if column.len() != first.len() {
            return Err(CompositeError::ColumnLength {
                column: j,
                expected: first.len(),
                got: column.len(),
            });
        }
        if let Some((i, &value)) = column.iter().enumerate().find(|(_, v)| !v.is_finite()) {
            return Err(CompositeError::NonFinite {
                row: i,
                column: j,
                indicator: names
                    .get(j)
                    .map_or_else(|| format!("#{j}"), |n| n.to_string()),
                value,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alts(n: usize) -> Vec<Alternative> {
        (0..n)
            .map(|i| Alternative {
                entity: format!("c{i}"),
                year: 2020,
            })
            .collect()
    }

    fn check(rows: &[Vec<f64>], n_ind: usize, expected: Result<(), CompositeError>) {
        let inds = (0..n_ind)
            .map(|j| Indicator::new(format!("x{j}"), Direction::Benefit))
            .collect();
        let got = DecisionMatrix::from_rows(alts(rows.len()), inds, rows).map(|_| ());
        assert_eq!(got, expected);
    }

    #[test]
    fn nan_is_reported_with_row_and_column() {
        check(
            &[vec![1.0, 2.0], vec![3.0, f64::INFINITY]],
            2,
            Err(CompositeError::NonFinite {
                row: 1,
                column: 1,
                indicator: "x1".into(),
                value: f64::INFINITY,
            }),
        );
    }

    #[test]
    fn one_alternative_is_too_few() {
        check(
            &[vec![1.0]],
            1,
            Err(CompositeError::TooFewAlternatives { got: 1 }),
        );
    }

    #[test]
    fn no_indicator_is_an_error() {
        check(&[vec![], vec![]], 0, Err(CompositeError::NoIndicators));
    }

    #[test]
    fn ragged_row_names_the_row() {
        check(
            &[vec![1.0, 2.0], vec![3.0]],
            2,
            Err(CompositeError::RaggedRow {
                row: 1,
                expected: 2,
                got: 1,
            }),
        );
    }

    #[test]
    fn duplicate_alternative_is_rejected() {
        let a = vec![alts(1).remove(0), alts(1).remove(0)];
        let got = DecisionMatrix::from_rows(
            a,
            vec![Indicator::new("x", Direction::Cost)],
            &[vec![1.0], vec![2.0]],
        );
        assert_eq!(
            got,
            Err(CompositeError::DuplicateAlternative {
                row: 1,
                first_row: 0,
                entity: "c0".into(),
                year: 2020
            })
        );
    }

    #[test]
    fn inverted_target_range_is_rejected() {
        let got = DecisionMatrix::from_rows(
            alts(2),
            vec![Indicator::new(
                "x",
                Direction::TargetRange {
                    low: 5.0,
                    high: 1.0,
                },
            )],
            &[vec![1.0], vec![2.0]],
        );
        assert_eq!(
            got,
            Err(CompositeError::InvalidTarget {
                column: 0,
                indicator: "x".into()
            })
        );
    }

    #[test]
    fn dimension_keys_round_trip() {
        for d in Dimension::ALL {
            assert_eq!(Dimension::from_key(d.key()), Some(d));
        }
        assert_eq!(Dimension::from_key("economy"), None);
    }
}
