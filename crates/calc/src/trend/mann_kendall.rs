//! The Mann–Kendall trend test: S by Knight's merge-sort method, Var(S) with the tie correction.

use super::normal::{quantile, two_sided_p};
use super::TrendError;

/// Fewer present observations than this and the test is not run (an explicit outcome): with
/// n = 3 the largest possible |Z| is 1.04, so no level would ever call a trend.
pub const MIN_POINTS: usize = 4;

/// The decision of the two-sided test at level alpha, named as in pyMannKendall.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum TrendDirection {
    /// Z > 0 and significant.
    Increasing,
    /// Z < 0 and significant.
    Decreasing,
    /// Not significant at alpha.
    #[cfg_attr(feature = "serde", serde(rename = "no trend"))]
    NoTrend,
}

/// Result of the Mann–Kendall test (fields named as pyMannKendall's `original_test`).
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct MannKendall {
    /// Number of present observations.
    pub n: usize,
    /// S = Σ_{i<j} sgn(x_j − x_i).
    pub s: i64,
    /// Var(S), tie-corrected (or autocorrelation-corrected by [`super::hamed_rao`] and
    /// [`super::yue_wang`]).
    pub var_s: f64,
    /// Z with continuity correction.
    pub z: f64,
    /// Two-sided p-value.
    pub p: f64,
    /// Whether |Z| > Φ⁻¹(1 − alpha/2).
    pub h: bool,
    /// The decision.
    pub trend: TrendDirection,
    /// Kendall's tau as pyMannKendall defines it: S / (n(n−1)/2) (tau-a; ties lower it).
    pub tau: f64,
    /// Kendall's tau-b: S / sqrt(n0 (n0 − n_ties)), the tie-adjusted tau (as scipy's
    /// `kendalltau`); time has no ties.
    pub tau_b: f64,
    /// The significance level used.
    pub alpha: f64,
}

/// Mann–Kendall test of a series in time order.
///
/// # Standard
/// Mann (1945), Kendall (1975); Gilbert (1987) §16.4; as implemented by pyMannKendall 1.4.3
/// `original_test`.
///
/// # Formula
/// ```text
/// S      = Σ_{i<j} sgn(x_j − x_i)                         (Knight 1966: O(n log n))
/// Var(S) = [n(n−1)(2n+5) − Σ_g t_g(t_g−1)(2t_g+5)] / 18    (t_g: size of tie group g)
/// Z      = (S − 1)/√Var(S) if S > 0;  0 if S = 0;  (S + 1)/√Var(S) if S < 0
/// p      = 2 (1 − Φ(|Z|)),   h = |Z| > Φ⁻¹(1 − α/2)
/// tau    = S / (n(n−1)/2)
/// ```
///
/// # Errors
/// [`TrendError::TooFewPoints`] when n < [`MIN_POINTS`]; [`TrendError::InvalidAlpha`] when alpha
/// is not in (0, 1); [`TrendError::NonFiniteValue`] for NaN or infinity.
///
/// # Edge cases
/// A constant series has S = 0, Var(S) = 0 and Z = 0 (pyMannKendall's convention), p = 1.
pub fn mann_kendall(values: &[f64], alpha: f64) -> Result<MannKendall, TrendError> {
    check_values(values)?;
    check_alpha(alpha)?;
    let n = values.len();
    if n < MIN_POINTS {
        return Err(TrendError::TooFewPoints {
            needed: MIN_POINTS,
            got: n,
        });
    }
    let s = s_statistic(values);
    let groups = tie_groups(values);
    let nf = n as f64;
    let tie_term: f64 = groups
        .iter()
        .map(|&t| {
            let t = t as f64;
            t * (t - 1.0) * (2.0 * t + 5.0)
        })
        .sum();
    let var_s = (nf * (nf - 1.0) * (2.0 * nf + 5.0) - tie_term) / 18.0;
    let n0 = nf * (nf - 1.0) / 2.0;
    let tied_pairs: f64 = groups
        .iter()
        .map(|&t| (t as f64) * (t as f64 - 1.0) / 2.0)
        .sum();
    let tau_b = if n0 - tied_pairs > 0.0 {
        s as f64 / (n0 * (n0 - tied_pairs)).sqrt()
    } else {
        0.0
    };
    Ok(decide(n, s, var_s, s as f64 / n0, tau_b, alpha))
}

/// Z, p, h and the decision for a given S and Var(S) (shared with the corrected variants).
pub(crate) fn decide(
    n: usize,
    s: i64,
    var_s: f64,
    tau: f64,
    tau_b: f64,
    alpha: f64,
) -> MannKendall {
    let z = z_score(s, var_s);
    let p = two_sided_p(z);
    let h = z.abs() > quantile(1.0 - alpha / 2.0);
    let trend = match (h, z > 0.0) {
        (true, true) => TrendDirection::Increasing,
        (true, false) => TrendDirection::Decreasing,
        (false, _) => TrendDirection::NoTrend,
    };
    MannKendall {
        n,
        s,
        var_s,
        z,
        p,
        h,
        trend,
        tau,
        tau_b,
        alpha,
    }
}

fn z_score(s: i64, var_s: f64) -> f64 {
    match s.cmp(&0) {
        std::cmp::Ordering::Greater => (s as f64 - 1.0) / var_s.sqrt(),
        std::cmp::Ordering::Equal => 0.0,
        std::cmp::Ordering::Less => (s as f64 + 1.0) / var_s.sqrt(),
    }
}

pub(crate) fn check_alpha(alpha: f64) -> Result<(), TrendError> {
    if alpha > 0.0 && alpha < 1.0 {
        Ok(())
    } else {
        Err(TrendError::InvalidAlpha { alpha })
    }
}

pub(crate) fn check_values(values: &[f64]) -> Result<(), TrendError> {
    match values.iter().position(|v| !v.is_finite()) {
        Some(index) => Err(TrendError::NonFiniteValue {
            index,
            value: values.get(index).copied().unwrap_or(f64::NAN),
        }),
        None => Ok(()),
    }
}

/// S = Σ_{i<j} sgn(x_j − x_i) in O(n log n).
///
/// # Formula
/// Knight (1966): with n0 = n(n−1)/2 pairs, T the pairs tied in x and D the strictly discordant
/// pairs (i < j, x_i > x_j, counted as merge-sort inversions), S = n0 − T − 2D.
///
/// # Edge cases
/// Values must be finite (NaN has no order); [`mann_kendall`] checks this first.
pub fn s_statistic(values: &[f64]) -> i64 {
    let n = values.len() as i64;
    let pairs = n * (n - 1) / 2;
    let tied: i64 = tie_groups(values)
        .iter()
        .map(|&t| (t as i64) * (t as i64 - 1) / 2)
        .sum();
    let mut work = values.to_vec();
    let mut buffer = vec![0.0; values.len()];
    let discordant = count_strict_inversions(&mut work, &mut buffer) as i64;
    pairs - tied - 2 * discordant
}

/// S by the definition, O(n²): for tests and as a reference.
pub fn s_statistic_brute_force(values: &[f64]) -> i64 {
    let mut s = 0i64;
    for (i, a) in values.iter().enumerate() {
        for b in values.iter().skip(i + 1) {
            s += match b.partial_cmp(a) {
                Some(std::cmp::Ordering::Greater) => 1,
                Some(std::cmp::Ordering::Less) => -1,
                _ => 0,
            };
        }
    }
    s
}

/// Sizes of the groups of exactly equal values with more than one member, O(n log n).
pub fn tie_groups(values: &[f64]) -> Vec<usize> {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mut groups = Vec::new();
    let mut run = 1usize;
    for pair in sorted.windows(2) {
        if let [a, b] = pair {
            if a == b {
                run += 1;
            } else {
                if run > 1 {
                    groups.push(run);
                }
                run = 1;
            }
        }
    }
    if run > 1 {
        groups.push(run);
    }
    groups
}

/// Pairs i < j with data[i] > data[j] (equal values are not inversions), by the merge sort that
/// slope selection also counts with.
fn count_strict_inversions(data: &mut [f64], buffer: &mut [f64]) -> u64 {
    super::slope_selection::count_inversions(data, buffer, false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn mann_kendall_counts_ties_in_variance() {
        // x = 1, 2, 2, 3, 5: pairs: S = 4+2+2+1+... by hand: i=0: +4; i=1: 0,+1,+1 = +2;
        // i=2: +2; i=3: +1 -> S = 9. Tie group {2, 2}: t = 2 -> 2*1*9 = 18.
        // Var = (5*4*15 - 18)/18 = 282/18 = 15.666...; Z = 8/sqrt(15.667) = 2.02116.
        let mk = mann_kendall(&[1.0, 2.0, 2.0, 3.0, 5.0], 0.05).unwrap();
        assert_eq!(mk.s, 9);
        assert!((mk.var_s - 282.0 / 18.0).abs() < 1e-12);
        assert!((mk.z - 8.0 / (282.0f64 / 18.0).sqrt()).abs() < 1e-12);
        assert!((mk.tau - 0.9).abs() < 1e-12);
        // tau-b = 9 / sqrt(10 * 9)
        assert!((mk.tau_b - 9.0 / 90f64.sqrt()).abs() < 1e-12);
        assert_eq!(mk.trend, TrendDirection::Increasing);
    }

    #[test]
    fn three_points_are_too_few() {
        assert_eq!(
            mann_kendall(&[1.0, 2.0, 3.0], 0.05),
            Err(TrendError::TooFewPoints { needed: 4, got: 3 })
        );
    }

    #[test]
    fn constant_series_has_zero_z_and_p_one() {
        let mk = mann_kendall(&[2.0; 6], 0.05).unwrap();
        assert_eq!((mk.s, mk.z, mk.p, mk.h), (0, 0.0, 1.0, false));
        assert_eq!(mk.var_s, 0.0);
    }

    #[test]
    fn alpha_outside_unit_interval_is_rejected() {
        assert_eq!(
            mann_kendall(&[1.0, 2.0, 3.0, 4.0], 1.5),
            Err(TrendError::InvalidAlpha { alpha: 1.5 })
        );
    }

    proptest! {
        #[test]
        fn knight_s_equals_brute_force_s_with_ties(v in prop::collection::vec(0u8..6, 0..60)) {
            let x: Vec<f64> = v.iter().map(|&a| f64::from(a)).collect();
            prop_assert_eq!(s_statistic(&x), s_statistic_brute_force(&x));
        }

        #[test]
        fn s_is_antisymmetric_under_reversal(v in prop::collection::vec(-50i32..50, 0..80)) {
            let x: Vec<f64> = v.iter().map(|&a| f64::from(a)).collect();
            let mut r = x.clone();
            r.reverse();
            prop_assert_eq!(s_statistic(&r), -s_statistic(&x));
        }

        #[test]
        fn s_is_invariant_to_monotone_transforms(v in prop::collection::vec(-50i32..50, 4..80)) {
            let x: Vec<f64> = v.iter().map(|&a| f64::from(a)).collect();
            let y: Vec<f64> = x.iter().map(|a| 3.0 * a + 7.0).collect();
            prop_assert_eq!(s_statistic(&x), s_statistic(&y));
            let neg: Vec<f64> = x.iter().map(|a| -a).collect();
            prop_assert_eq!(s_statistic(&neg), -s_statistic(&x));
        }

        #[test]
        fn p_is_a_probability_and_tau_in_range(v in prop::collection::vec(-5i32..5, 4..60)) {
            let x: Vec<f64> = v.iter().map(|&a| f64::from(a)).collect();
            let mk = mann_kendall(&x, 0.05).unwrap();
            prop_assert!((0.0..=1.0).contains(&mk.p));
            prop_assert!((-1.0..=1.0).contains(&mk.tau));
            prop_assert!(mk.tau_b.abs() <= 1.0 + 1e-12);
        }
    }
}
