//! CRITIC weights (CRiteria Importance Through Intercriteria Correlation): an indicator gets
//! more weight when it varies more and agrees less with the others.

use super::decision_matrix::{check_columns, Indicator};
use super::error::CompositeError;
use super::normalise::{mean_and_sample_sd, min_max};

/// CRITIC weights with their intermediate values, for the working table.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CriticWeights {
    /// Sample standard deviation `s_j` of each min–max normalised column.
    pub std_dev: Vec<f64>,
    /// Pearson correlation matrix `r_jk` between the normalised columns (row `j`, column `k`).
    pub correlation: Vec<Vec<f64>>,
    /// Information content `C_j = s_j * sum_k (1 - r_jk)`.
    pub information: Vec<f64>,
    /// Weights `w_j = C_j / sum C`.
    pub weights: Vec<f64>,
}

/// CRITIC weights of criterion-value columns (`columns[j][i]`).
///
/// # Standard
/// Diakoulaki, D., Mavrotas, G., Papayannakis, L. (1995), "Determining objective weights in
/// multiple criteria problems: the CRITIC method", *Computers & Operations Research* 22(7),
/// 763–770, eqs. (1)–(3); pymcdm `weights.critic_weights`.
///
/// # Formula
/// ```text
/// r_ij = (c_ij - worst_j) / (best_j - worst_j)   (data min–max, oriented by direction)
/// s_j  = sample standard deviation of r_.j       (divisor m - 1, as pymcdm)
/// R_jk = Pearson correlation of r_.j and r_.k
/// C_j  = s_j * sum_k (1 - R_jk)
/// w_j  = C_j / sum_k C_k
/// ```
/// The normalisation is oriented by each indicator's direction, as in Diakoulaki et al.
/// pymcdm instead min–max normalises every column as a benefit; with a cost column the
/// correlations of that column change sign and the weights differ (tested separately). The
/// divisor of `s_j` cancels in `w_j`.
///
/// # Errors
/// Shape errors (`NoIndicators`, `ColumnCount`, `ColumnLength`, `TooFewAlternatives`,
/// `NonFinite`) for bare columns; `ConstantColumn` when a column has zero range (its correlations are 0/0);
/// `DegenerateWeights` when every `C_j` is 0 (all columns perfectly correlated).
pub fn critic_weights(
    columns: &[Vec<f64>],
    indicators: &[Indicator],
) -> Result<CriticWeights, CompositeError> {
    let names: Vec<&str> = indicators.iter().map(|i| i.name.as_str()).collect();
    check_columns(columns, &names)?;
    let mut normalised = Vec::with_capacity(columns.len());
    for (j, (column, ind)) in columns.iter().zip(indicators).enumerate() {
        let (min, max) = min_max(column);
        let range = max - min;
        if !range.is_finite() {
            return Err(CompositeError::Overflow {
                column: j,
                indicator: ind.name.clone(),
            });
        }
        if range == 0.0 {
            return Err(CompositeError::ConstantColumn {
                column: j,
                indicator: ind.name.clone(),
                value: min,
            });
        }
        let r: Vec<f64> = if ind.direction.higher_is_better() {
            column.iter().map(|&x| (x - min) / range).collect()
        } else {
            column.iter().map(|&x| (max - x) / range).collect()
        };
        normalised.push(r);
    }
    let stats: Vec<(f64, f64)> = normalised.iter().map(|r| mean_and_sample_sd(r)).collect();
    let std_dev: Vec<f64> = stats.iter().map(|&(_, s)| s).collect();
    let correlation: Vec<Vec<f64>> = normalised
        .iter()
        .zip(&stats)
        .map(|(a, &(ma, sa))| {
            normalised
                .iter()
                .zip(&stats)
                .map(|(b, &(mb, sb))| pearson(a, ma, sa, b, mb, sb))
                .collect()
        })
        .collect();
    let information: Vec<f64> = std_dev
        .iter()
        .zip(&correlation)
        .map(|(s, row)| s * row.iter().map(|r| 1.0 - r).sum::<f64>())
        .collect();
    let sum: f64 = information.iter().sum();
    if sum <= 0.0 || !sum.is_finite() {
        return Err(CompositeError::DegenerateWeights);
    }
    let weights = information.iter().map(|c| (c / sum).max(0.0)).collect();
    Ok(CriticWeights {
        std_dev,
        correlation,
        information,
        weights,
    })
}

/// Pearson correlation from precomputed means and sample standard deviations (both > 0),
/// clamped to [-1, 1] against rounding.
fn pearson(a: &[f64], ma: f64, sa: f64, b: &[f64], mb: f64, sb: f64) -> f64 {
    let n = a.len() as f64;
    let cov: f64 = a
        .iter()
        .zip(b)
        .map(|(x, y)| (x - ma) * (y - mb))
        .sum::<f64>()
        / (n - 1.0);
    (cov / (sa * sb)).clamp(-1.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::super::decision_matrix::Direction;
    use super::*;

    #[test]
    fn two_anticorrelated_columns_split_by_spread() {
        // r0 = (0, 0.5, 1), r1 = (1, 0, 0) after min–max (both benefit).
        // s0 = 0.5, s1 = sqrt(1/3) = 0.5773502691896258.
        // corr(r0, r1): means 0.5, 1/3; cov = [(-0.5)(2/3) + 0 + (0.5)(-1/3)]/2 = -0.25;
        //   R = -0.25 / (0.5 * 0.57735) = -0.8660254037844387.
        // C0 = 0.5 * ((1 - 1) + (1 + 0.8660254)) = 0.9330127018922194;
        // C1 = 0.57735 * 1.8660254 = 1.077350269189626 (pymcdm: w = [0.46410162, 0.53589838]).
        let inds = vec![
            Indicator::new("a", Direction::Benefit),
            Indicator::new("b", Direction::Benefit),
        ];
        let got = critic_weights(&[vec![1.0, 2.0, 3.0], vec![9.0, 5.0, 5.0]], &inds);
        let got = got.map(|c| c.weights).unwrap_or_default();
        let expected = [
            0.9330127018922194 / 2.0103629710818454,
            1.077350269189626 / 2.0103629710818454,
        ];
        for (g, e) in got.iter().zip(&expected) {
            assert!((g - e).abs() < 1e-12, "{got:?}");
        }
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn constant_column_is_rejected() {
        let inds = vec![
            Indicator::new("a", Direction::Benefit),
            Indicator::new("b", Direction::Cost),
        ];
        let got = critic_weights(&[vec![1.0, 2.0], vec![4.0, 4.0]], &inds);
        assert_eq!(
            got,
            Err(CompositeError::ConstantColumn {
                column: 1,
                indicator: "b".into(),
                value: 4.0
            })
        );
    }

    #[test]
    fn perfectly_correlated_columns_have_no_information() {
        let inds = vec![
            Indicator::new("a", Direction::Benefit),
            Indicator::new("b", Direction::Benefit),
        ];
        let got = critic_weights(&[vec![1.0, 2.0, 3.0], vec![2.0, 4.0, 6.0]], &inds);
        assert_eq!(got, Err(CompositeError::DegenerateWeights));
    }
}
