//! Entropy weights: an indicator whose values are spread unevenly across alternatives carries
//! more information and gets more weight.

use super::decision_matrix::{check_columns, Indicator};
use super::error::CompositeError;

/// How `p ln p` is treated when a share `p` is 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
pub enum EntropyZeros {
    /// `0 ln 0 = 0`, the limit of `p ln p` as `p -> 0` (Shannon 1948's convention). A zero
    /// only removes its own term. Default.
    #[default]
    Limit,
    /// pymcdm 1.0–1.3's convention: a column with any zero gets entropy 0 (divergence 1, the
    /// largest possible weight). pymcdm 1.4 instead rejects zeros (`sum_normalization requires
    /// all positive values`). Offered only to reproduce pymcdm results.
    PymcdmZeroEntropy,
}

/// Entropy weights with their intermediate values, for the working table.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct EntropyWeights {
    /// Zero convention used.
    pub zeros: EntropyZeros,
    /// Normalised entropy `e_j` in [0, 1] per indicator.
    pub entropy: Vec<f64>,
    /// Divergence `d_j = 1 - e_j` per indicator.
    pub divergence: Vec<f64>,
    /// Weights `w_j = d_j / sum d`.
    pub weights: Vec<f64>,
}

/// Entropy weights of criterion-value columns (`columns[j][i]`).
///
/// # Standard
/// Zeleny (1982), *Multiple Criteria Decision Making*, McGraw-Hill, §7.4 (entropy as a measure
/// of contrast intensity); pymcdm `weights.entropy_weights`.
///
/// # Formula
/// ```text
/// p_ij = c_ij / sum_i c_ij
/// e_j  = -(1 / ln m) * sum_i p_ij ln p_ij       (m alternatives, e_j in [0, 1])
/// d_j  = 1 - e_j
/// w_j  = d_j / sum_k d_k
/// ```
/// Entropy works on the criterion values, not on the normalised matrix, and ignores direction
/// (as pymcdm does): a cost indicator's dispersion is as informative as a benefit's. For target
/// indicators the criterion value is the distance to the target.
///
/// # Errors
/// Shape errors (`NoIndicators`, `ColumnCount`, `ColumnLength`, `TooFewAlternatives`,
/// `NonFinite`) for bare columns; `NegativeForEntropy` for a value < 0 (shares need non-negative values); `ZeroColumn` for an
/// all-zero column (no shares); `DegenerateWeights` when every divergence is 0 (every column is
/// constant).
///
/// # Edge cases
/// A constant column has `p_ij = 1/m`, entropy 1 and weight 0 (rounding that pushes `e_j`
/// above 1 is clamped, so a weight is never negative). Zeros follow `zeros`.
pub fn entropy_weights(
    columns: &[Vec<f64>],
    indicators: &[Indicator],
    zeros: EntropyZeros,
) -> Result<EntropyWeights, CompositeError> {
    let names: Vec<&str> = indicators.iter().map(|i| i.name.as_str()).collect();
    check_columns(columns, &names)?;
    let mut entropy = Vec::with_capacity(columns.len());
    for (j, (column, ind)) in columns.iter().zip(indicators).enumerate() {
        if let Some((i, &value)) = column.iter().enumerate().find(|(_, &v)| v < 0.0) {
            return Err(CompositeError::NegativeForEntropy {
                row: i,
                column: j,
                indicator: ind.name.clone(),
                value,
            });
        }
        let total: f64 = column.iter().sum();
        if total == 0.0 {
            return Err(CompositeError::ZeroColumn {
                column: j,
                indicator: ind.name.clone(),
            });
        }
        if !total.is_finite() {
            return Err(CompositeError::Overflow {
                column: j,
                indicator: ind.name.clone(),
            });
        }
        let m = column.len() as f64;
        let e = if zeros == EntropyZeros::PymcdmZeroEntropy && column.contains(&0.0) {
            0.0
        } else {
            let sum_plogp: f64 = column
                .iter()
                .map(|&x| x / total)
                .filter(|&p| p > 0.0)
                .map(|p| p * p.ln())
                .sum();
            -sum_plogp / m.ln()
        };
        entropy.push(e);
    }
    let divergence: Vec<f64> = entropy.iter().map(|e| (1.0 - e).max(0.0)).collect();
    let sum: f64 = divergence.iter().sum();
    if sum <= 0.0 {
        return Err(CompositeError::DegenerateWeights);
    }
    let weights = divergence.iter().map(|d| d / sum).collect();
    Ok(EntropyWeights {
        zeros,
        entropy,
        divergence,
        weights,
    })
}

#[cfg(test)]
mod tests {
    use super::super::decision_matrix::Direction;
    use super::*;

    fn inds(n: usize) -> Vec<Indicator> {
        (0..n)
            .map(|j| Indicator::new(format!("x{j}"), Direction::Benefit))
            .collect()
    }

    fn check(columns: &[Vec<f64>], zeros: EntropyZeros, expected: &[f64]) {
        let got = entropy_weights(columns, &inds(columns.len()), zeros).map(|e| e.weights);
        let got = got.unwrap_or_default();
        assert_eq!(got.len(), expected.len(), "{got:?}");
        for (g, e) in got.iter().zip(expected) {
            assert!((g - e).abs() < 1e-12, "{got:?} vs {expected:?}");
        }
    }

    #[test]
    fn constant_column_gets_zero_weight() {
        // Column 0 constant: e = 1, d = 0. Column 1 = (0, 1): p = (0, 1), e = 0 (limit), d = 1.
        check(
            &[vec![5.0, 5.0], vec![0.0, 1.0]],
            EntropyZeros::Limit,
            &[0.0, 1.0],
        );
    }

    #[test]
    fn limit_convention_drops_only_the_zero_term() {
        // m = 3. Column 0 = (0, 1, 1): p = (0, 1/2, 1/2), e = ln 2 / ln 3 = 0.6309297535714574.
        // Column 1 = (1, 2, 3): p = (1/6, 2/6, 3/6),
        //   e = -(1/6 ln 1/6 + 1/3 ln 1/3 + 1/2 ln 1/2) / ln 3 = 0.920619835714305.
        // d = (0.3690702464285426, 0.07938016428569505); w = d / sum d.
        check(
            &[vec![0.0, 1.0, 1.0], vec![1.0, 2.0, 3.0]],
            EntropyZeros::Limit,
            &[0.8229900956958253, 0.1770099043041747],
        );
    }

    #[test]
    fn pymcdm_convention_gives_a_zero_column_full_divergence() {
        // Column 0 has a zero: e = 0, d = 1; column 1 as above, d = 0.07938016428569505.
        // w = (1, 0.07938016428569505) / 1.07938016428569505.
        check(
            &[vec![0.0, 1.0, 1.0], vec![1.0, 2.0, 3.0]],
            EntropyZeros::PymcdmZeroEntropy,
            &[0.9264576403085685, 0.07354235969143154],
        );
    }

    #[test]
    fn negative_value_is_rejected_with_its_place() {
        let got = entropy_weights(&[vec![1.0, -2.0]], &inds(1), EntropyZeros::Limit);
        assert_eq!(
            got,
            Err(CompositeError::NegativeForEntropy {
                row: 1,
                column: 0,
                indicator: "x0".into(),
                value: -2.0
            })
        );
    }

    #[test]
    fn all_constant_columns_have_no_weights() {
        let got = entropy_weights(
            &[vec![1.0, 1.0], vec![3.0, 3.0]],
            &inds(2),
            EntropyZeros::Limit,
        );
        assert_eq!(got, Err(CompositeError::DegenerateWeights));
    }

    #[test]
    fn all_zero_column_is_rejected() {
        let got = entropy_weights(&[vec![0.0, 0.0]], &inds(1), EntropyZeros::Limit);
        assert_eq!(
            got,
            Err(CompositeError::ZeroColumn {
                column: 0,
                indicator: "x0".into()
            })
        );
    }
}
