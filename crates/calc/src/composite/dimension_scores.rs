//! Dimension sub-scores: TOPSIS closeness within each of the paper's five dimensions.

use super::decision_matrix::{Dimension, Indicator};
use super::topsis::{rank_descending, topsis};

/// The sub-score of one dimension.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DimensionScore {
    /// The dimension.
    pub dimension: Dimension,
    /// Its indicators, in column order.
    pub indicators: Vec<String>,
    /// Scores, or why there are none.
    pub outcome: DimensionOutcome,
}

/// A dimension's scores or the reason it has none.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(tag = "status", rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum DimensionOutcome {
    /// TOPSIS within the dimension.
    Scored {
        /// The overall weights of the dimension's indicators, renormalised to sum 1.
        weights: Vec<f64>,
        /// Closeness per alternative, in [0, 1].
        closeness: Vec<f64>,
        /// Rank per alternative (1 = best; ties by input order).
        rank: Vec<usize>,
    },
    /// Every indicator of the dimension has weight 0.
    ZeroWeight,
    /// All alternatives are identical on the dimension's weighted indicators.
    NoSpread,
}

/// Sub-scores for every dimension that has at least one indicator, in [`Dimension::ALL`] order.
///
/// # Formula
/// ```text
/// S = { j : dimension_j = d },  w'_j = w_j / sum_{k in S} w_k  (j in S)
/// sub-score_i(d) = TOPSIS closeness on columns S of the overall normalised matrix with w'
/// ```
/// TOPSIS rather than a weighted mean, so a sub-score reads like the overall index; since the
/// ideal and anti-ideal are per column, they are the overall ones restricted to `S`. A
/// dimension with one indicator scores `(r_i - min r) / (max r - min r)`.
///
/// # Edge cases
/// Indicators without a dimension are left out; a dimension with no indicator is not
/// reported; zero total weight or no spread are reported as outcomes, not errors.
pub fn dimension_scores(
    indicators: &[Indicator],
    normalised: &[Vec<f64>],
    weights: &[f64],
) -> Vec<DimensionScore> {
    let mut out = Vec::new();
    for dimension in Dimension::ALL {
        let members: Vec<(&Indicator, &Vec<f64>, f64)> = indicators
            .iter()
            .zip(normalised)
            .zip(weights)
            .filter(|((ind, _), _)| ind.dimension == Some(dimension))
            .map(|((ind, col), &w)| (ind, col, w))
            .collect();
        if members.is_empty() {
            continue;
        }
        let names = members.iter().map(|(ind, _, _)| ind.name.clone()).collect();
        let total: f64 = members.iter().map(|(_, _, w)| w).sum();
        let outcome = if total <= 0.0 {
            DimensionOutcome::ZeroWeight
        } else {
            let w: Vec<f64> = members.iter().map(|(_, _, w)| w / total).collect();
            let cols: Vec<Vec<f64>> = members.iter().map(|(_, c, _)| (*c).clone()).collect();
            match topsis(&cols, &w) {
                Ok(t) => DimensionOutcome::Scored {
                    rank: rank_descending(&t.closeness),
                    closeness: t.closeness,
                    weights: w,
                },
                Err(_) => DimensionOutcome::NoSpread,
            }
        };
        out.push(DimensionScore {
            dimension,
            indicators: names,
            outcome,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::decision_matrix::Direction;
    use super::*;

    fn ind(name: &str, d: Option<Dimension>) -> Indicator {
        Indicator {
            dimension: d,
            ..Indicator::new(name, Direction::Benefit)
        }
    }

    #[test]
    fn single_indicator_dimension_is_its_minmax() {
        let inds = [
            ind("pm25", Some(Dimension::Environment)),
            ind("gdp", Some(Dimension::Industry)),
            ind("free", None),
        ];
        let normalised = [
            vec![0.0, 0.25, 1.0],
            vec![1.0, 1.0, 1.0],
            vec![0.3, 0.2, 0.1],
        ];
        let got = dimension_scores(&inds, &normalised, &[0.5, 0.3, 0.2]);
        assert_eq!(got.len(), 2);
        assert_eq!(
            got.first().map(|d| &d.outcome),
            Some(&DimensionOutcome::Scored {
                weights: vec![1.0],
                closeness: vec![0.0, 0.25, 1.0],
                rank: vec![3, 2, 1],
            })
        );
        assert_eq!(
            got.get(1).map(|d| (&d.dimension, &d.outcome)),
            Some((&Dimension::Industry, &DimensionOutcome::NoSpread))
        );
    }

    #[test]
    fn zero_weight_dimension_is_reported() {
        let inds = [
            ind("a", Some(Dimension::Energy)),
            ind("b", Some(Dimension::Population)),
        ];
        let got = dimension_scores(&inds, &[vec![0.0, 1.0], vec![1.0, 0.0]], &[1.0, 0.0]);
        assert_eq!(
            got.get(1).map(|d| &d.outcome),
            Some(&DimensionOutcome::ZeroWeight)
        );
    }
}
