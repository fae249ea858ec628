//! TOPSIS: distances to the ideal and anti-ideal alternative, relative closeness, and ranks.

use super::decision_matrix::check_columns;
use super::error::CompositeError;

/// TOPSIS working values (column-major matrices: `weighted[j][i]`).
#[derive(Debug, Clone, PartialEq)]
pub struct Topsis {
    /// Weighted normalised matrix `v_ij = w_j r_ij`, column-major.
    pub weighted: Vec<Vec<f64>>,
    /// Ideal `v+_j = max_i v_ij` per indicator.
    pub ideal: Vec<f64>,
    /// Anti-ideal `v-_j = min_i v_ij` per indicator.
    pub anti_ideal: Vec<f64>,
    /// Distance to the ideal per alternative.
    pub d_plus: Vec<f64>,
    /// Distance to the anti-ideal per alternative.
    pub d_minus: Vec<f64>,
    /// Relative closeness per alternative, in [0, 1].
    pub closeness: Vec<f64>,
}

/// TOPSIS on oriented normalised columns (`normalised[j][i]`, higher is better) with weights
/// summing to 1.
///
/// # Standard
/// Hwang & Yoon (1981), *Multiple Attribute Decision Making*, §2.2.4, steps 2–6; pymcdm
/// `methods.TOPSIS`.
///
/// # Formula
/// ```text
/// v_ij = w_j r_ij
/// v+_j = max_i v_ij            v-_j = min_i v_ij       (columns are oriented: higher is better)
/// D+_i = sqrt(sum_j (v_ij - v+_j)^2)    D-_i = sqrt(sum_j (v_ij - v-_j)^2)
/// C_i  = D-_i / (D+_i + D-_i)
/// ```
///
/// # Errors
/// `IdealEqualsAntiIdeal` when every weighted column is constant, so `D+ + D- = 0` for every
/// alternative (pymcdm returns NaN). `WeightCount` when the lengths differ; `NegativeWeight`,
/// `NonFiniteWeight`; shape errors for the columns as in [`DecisionMatrix`](super::DecisionMatrix).
///
/// # Edge cases
/// A zero weight removes its indicator from the distances.
pub fn topsis(normalised: &[Vec<f64>], weights: &[f64]) -> Result<Topsis, CompositeError> {
    if normalised.len() != weights.len() {
        return Err(CompositeError::WeightCount {
            expected: normalised.len(),
            got: weights.len(),
        });
    }
    check_columns(normalised, &[])?;
    if let Some((index, &value)) = weights
        .iter()
        .enumerate()
        .find(|(_, w)| !w.is_finite() || **w < 0.0)
    {
        return Err(if value.is_finite() {
            CompositeError::NegativeWeight { index, value }
        } else {
            CompositeError::NonFiniteWeight { index, value }
        });
    }
    let m = normalised.first().map_or(0, Vec::len);
    let weighted: Vec<Vec<f64>> = normalised
        .iter()
        .zip(weights)
        .map(|(col, w)| col.iter().map(|r| w * r).collect())
        .collect();
    let (anti_ideal, ideal): (Vec<f64>, Vec<f64>) = weighted
        .iter()
        .map(|col| super::normalise::min_max(col))
        .unzip();
    let mut sq_plus = vec![0.0; m];
    let mut sq_minus = vec![0.0; m];
    for ((col, best), worst) in weighted.iter().zip(&ideal).zip(&anti_ideal) {
        for ((v, p), n) in col.iter().zip(sq_plus.iter_mut()).zip(sq_minus.iter_mut()) {
            *p += (v - best).powi(2);
            *n += (v - worst).powi(2);
        }
    }
    let d_plus: Vec<f64> = sq_plus.iter().map(|s| s.sqrt()).collect();
    let d_minus: Vec<f64> = sq_minus.iter().map(|s| s.sqrt()).collect();
    let mut closeness = Vec::with_capacity(m);
    for (p, n) in d_plus.iter().zip(&d_minus) {
        let total = p + n;
        if total == 0.0 {
            return Err(CompositeError::IdealEqualsAntiIdeal);
        }
        closeness.push((n / total).clamp(0.0, 1.0));
    }
    Ok(Topsis {
        weighted,
        ideal,
        anti_ideal,
        d_plus,
        d_minus,
        closeness,
    })
}

/// Ranks (1 = best) by descending score; equal scores are ranked by input order (the earlier
/// row gets the better rank), so ranks are always a permutation of `1..=n`.
///
/// pymcdm's `rankdata(reverse=True)` gives tied alternatives the mean of their ranks instead
/// (two tied at the top both get 1.5).
pub fn rank_descending(scores: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    // Stable sort: ties keep input order.
    order.sort_by(|&a, &b| {
        let sa = scores.get(a).copied().unwrap_or(f64::NEG_INFINITY);
        let sb = scores.get(b).copied().unwrap_or(f64::NEG_INFINITY);
        sb.total_cmp(&sa)
    });
    let mut ranks = vec![0; scores.len()];
    for (position, &i) in order.iter().enumerate() {
        if let Some(r) = ranks.get_mut(i) {
            *r = position + 1;
        }
    }
    ranks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pymcdm_docstring_example() {
        // pymcdm TOPSIS docstring: matrix [[1, 3000], [2, 3750], [5, 4500]], weights [0.5, 0.5],
        // types [-1, 1], min–max -> preferences [0.500, 0.617, 0.500].
        // Oriented min–max by hand: cost (1,2,5) -> (1, 0.75, 0); benefit -> (0, 0.5, 1).
        // Row 2: v = (0.375, 0.25), ideal (0.5, 0.5), anti (0, 0):
        // D+ = sqrt(0.078125), D- = sqrt(0.203125), C = D-/(D+ + D-) = 0.6172177814626812.
        let t = topsis(&[vec![1.0, 0.75, 0.0], vec![0.0, 0.5, 1.0]], &[0.5, 0.5]);
        let c = t.map(|t| t.closeness).unwrap_or_default();
        let expected = [0.5, 0.6172177814626812, 0.5];
        assert_eq!(c.len(), 3);
        for (g, e) in c.iter().zip(&expected) {
            assert!((g - e).abs() < 1e-12, "{c:?}");
        }
    }

    #[test]
    fn identical_alternatives_have_no_ideal() {
        assert_eq!(
            topsis(&[vec![0.5, 0.5]], &[1.0]),
            Err(CompositeError::IdealEqualsAntiIdeal)
        );
    }

    #[test]
    fn bare_columns_are_checked() {
        assert_eq!(
            topsis(&[vec![0.5]], &[1.0]),
            Err(CompositeError::TooFewAlternatives { got: 1 })
        );
        assert_eq!(
            topsis(&[vec![0.5, 1.0], vec![0.5]], &[0.5, 0.5]),
            Err(CompositeError::ColumnLength {
                column: 1,
                expected: 2,
                got: 1
            })
        );
        assert_eq!(
            topsis(&[vec![0.5, 1.0]], &[-1.0]),
            Err(CompositeError::NegativeWeight {
                index: 0,
                value: -1.0
            })
        );
    }

    #[test]
    fn ties_rank_by_input_order() {
        assert_eq!(rank_descending(&[0.2, 0.9, 0.2, 0.5]), vec![3, 1, 4, 2]);
    }
}
