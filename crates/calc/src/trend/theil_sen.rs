//! Theil–Sen slope on real time, Conover's intercept, and Sen's (1968) rank confidence interval.

use super::mann_kendall::tie_groups;
use super::normal::quantile;
use super::slope_selection::{select_ranks, SlopeAlgorithm};
use super::TrendError;

/// Sen's slope with its confidence interval.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TheilSen {
    /// Median of the pairwise slopes, in value units per year.
    pub slope_per_year: f64,
    /// Value of the line at `origin_time` (Conover 1980: median(y) − slope · median(t − origin)).
    pub intercept: f64,
    /// The time the intercept refers to: the first present observation.
    pub origin_time: f64,
    /// Rank confidence interval of the slope.
    pub interval: Option<SlopeInterval>,
    /// Number of pairwise slopes, n(n−1)/2.
    pub pairs: u64,
    /// Whether the randomised selection was used (the numbers are the same either way).
    pub randomised: bool,
}

/// Confidence interval of Sen's slope from the ranks of the ordered pairwise slopes.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SlopeInterval {
    /// Confidence level, e.g. 0.95.
    pub confidence: f64,
    /// Lower limit (slope of 1-based rank `lower_rank`).
    pub lower: f64,
    /// Upper limit (slope of 1-based rank `upper_rank`).
    pub upper: f64,
    /// 1-based rank of the lower limit among the ordered slopes.
    pub lower_rank: u64,
    /// 1-based rank of the upper limit.
    pub upper_rank: u64,
    /// Whether a rank was clamped to the ends (short series: the interval is then wider than
    /// the nominal level would need, and its coverage is not the nominal one).
    pub clamped: bool,
}

/// Theil–Sen slope of `values` against `times_years` (strictly increasing, as in
/// [`super::TimeSeries`]), with a rank confidence interval.
///
/// # Standard
/// Theil (1950), Sen (1968) for the slope; Conover (1980) for the intercept (pyMannKendall's
/// `sens_slope`); Sen (1968) eq. 2.6 for the interval, with the same ranks as Gilbert (1987)
/// §16.5 and scipy's `theilslopes`.
///
/// # Formula
/// ```text
/// Q_ij = (y_j − y_i)/(t_j − t_i), i < j;  N = n(n−1)/2;  slope = median(Q)
/// intercept (at t_1) = median(y) − slope · median(t − t_1)
/// C = Φ⁻¹((1 + confidence)/2) · √Var(S)        (Var(S) tie-corrected, as Mann–Kendall)
/// lower = Q_(M1), M1 = round((N − C)/2);  upper = Q_(M2+1), M2 = round((N + C)/2)
/// ```
/// Q_(k) is the k-th smallest slope (1-based); `round` is half to even (numpy); ranks outside
/// 1..=N are clamped as scipy does and the interval is marked `clamped`.
///
/// # Errors
/// [`TrendError::TooFewPoints`] below 2 points; [`TrendError::InvalidConfidence`];
/// [`TrendError::NonFiniteValue`].
///
/// # Edge cases
/// Slope selection is exact for any n ([`SlopeAlgorithm`]); `algorithm` only changes the time.
pub fn theil_sen(
    times_years: &[f64],
    values: &[f64],
    confidence: f64,
    algorithm: SlopeAlgorithm,
) -> Result<TheilSen, TrendError> {
    super::mann_kendall::check_values(values)?;
    if !(confidence > 0.0 && confidence < 1.0) {
        return Err(TrendError::InvalidConfidence { confidence });
    }
    let n = values.len().min(times_years.len());
    if n < 2 {
        return Err(TrendError::TooFewPoints { needed: 2, got: n });
    }
    let origin = times_years.first().copied().unwrap_or(0.0);
    let t: Vec<f64> = times_years.iter().take(n).map(|x| x - origin).collect();
    let y = values.get(..n).unwrap_or(values);
    let pairs = (n as u64) * (n as u64 - 1) / 2;

    let nf = n as f64;
    let tie_term: f64 = tie_groups(y)
        .iter()
        .map(|&g| {
            let g = g as f64;
            g * (g - 1.0) * (2.0 * g + 5.0)
        })
        .sum();
    let var_s = (nf * (nf - 1.0) * (2.0 * nf + 5.0) - tie_term) / 18.0;
    let c = quantile((1.0 + confidence) / 2.0) * var_s.sqrt();
    let big_n = pairs as f64;
    let upper0 = ((big_n + c) / 2.0).round_ties_even();
    let lower0 = ((big_n - c) / 2.0).round_ties_even() - 1.0;
    let last = (pairs - 1) as f64;
    let upper_index = upper0.min(last).max(0.0);
    let lower_index = lower0.max(0.0).min(last);
    let clamped = upper0 > last || lower0 < 0.0;

    let mut ranks = vec![pairs / 2];
    if pairs % 2 == 0 {
        ranks.push(pairs / 2 - 1);
    }
    ranks.push(lower_index as u64);
    ranks.push(upper_index as u64);
    let (picked, randomised) = select_ranks(&t, y, &ranks, algorithm)?;
    let get = |i: usize| picked.get(i).copied().unwrap_or(f64::NAN);
    let (slope, rest) = if pairs % 2 == 0 {
        ((get(0) + get(1)) / 2.0, 2)
    } else {
        (get(0), 1)
    };
    let intercept = median(y) - median(&t) * slope;
    Ok(TheilSen {
        slope_per_year: slope,
        intercept,
        origin_time: origin,
        interval: Some(SlopeInterval {
            confidence,
            lower: get(rest),
            upper: get(rest + 1),
            lower_rank: lower_index as u64 + 1,
            upper_rank: upper_index as u64 + 1,
            clamped,
        }),
        pairs,
        randomised,
    })
}

/// Median as numpy: the mean of the two middle values for an even count.
pub(crate) fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    match (v.get(n / 2), n % 2) {
        (Some(&m), 1) => m,
        (Some(&upper), _) => (v.get(n / 2 - 1).copied().unwrap_or(upper) + upper) / 2.0,
        (None, _) => f64::NAN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sen_slope_uses_real_time_across_a_gap() {
        // 2010: 1, 2011: 2, 2015: 6 (2012-2014 missing): slopes 1, 1, 1 on real time.
        let ts = theil_sen(
            &[2010.0, 2011.0, 2015.0],
            &[1.0, 2.0, 6.0],
            0.95,
            SlopeAlgorithm::Exhaustive,
        )
        .unwrap();
        assert_eq!(ts.slope_per_year, 1.0);
        // median(y) = 2, median(t - 2010) = 1 -> intercept 1 at 2010.
        assert_eq!(ts.intercept, 1.0);
        assert_eq!(ts.origin_time, 2010.0);
    }

    #[test]
    fn even_number_of_slopes_averages_the_middle_two() {
        // 4 points: 6 slopes. y = 0, 1, 3, 2 at t = 0..3:
        // slopes: 1, 1.5, 0.6667, 2, 0.5, -1 -> sorted -1, .5, .667, 1, 1.5, 2 -> (0.667+1)/2.
        let ts = theil_sen(
            &[0.0, 1.0, 2.0, 3.0],
            &[0.0, 1.0, 3.0, 2.0],
            0.95,
            SlopeAlgorithm::Exhaustive,
        )
        .unwrap();
        assert!((ts.slope_per_year - (2.0 / 3.0 + 1.0) / 2.0).abs() < 1e-15);
        let ci = ts.interval.unwrap();
        assert!(ci.clamped);
        assert_eq!((ci.lower, ci.upper), (-1.0, 2.0));
    }

    #[test]
    fn invalid_confidence_is_rejected() {
        assert_eq!(
            theil_sen(&[0.0, 1.0], &[0.0, 1.0], 1.0, SlopeAlgorithm::Exhaustive),
            Err(TrendError::InvalidConfidence { confidence: 1.0 })
        );
    }

    proptest! {
        #[test]
        fn slope_is_invariant_to_adding_a_constant(
            v in prop::collection::vec(-20i32..20, 2..40), c in -1000.0f64..1000.0
        ) {
            let t: Vec<f64> = (0..v.len()).map(|i| 1990.0 + i as f64).collect();
            let y: Vec<f64> = v.iter().map(|&a| f64::from(a)).collect();
            let shifted: Vec<f64> = y.iter().map(|a| a + c).collect();
            let a = theil_sen(&t, &y, 0.95, SlopeAlgorithm::Exhaustive).unwrap();
            let b = theil_sen(&t, &shifted, 0.95, SlopeAlgorithm::Exhaustive).unwrap();
            prop_assert!((a.slope_per_year - b.slope_per_year).abs() < 1e-9);
            prop_assert!((a.intercept + c - b.intercept).abs() < 1e-9);
        }

        #[test]
        fn slope_of_an_exact_line_is_its_slope(
            n in 2usize..50, m in -5.0f64..5.0, q in -100.0f64..100.0
        ) {
            let t: Vec<f64> = (0..n).map(|i| 2000.0 + i as f64 * 0.25).collect();
            let y: Vec<f64> = t.iter().map(|x| q + m * (x - 2000.0)).collect();
            let ts = theil_sen(&t, &y, 0.95, SlopeAlgorithm::Exhaustive).unwrap();
            prop_assert!((ts.slope_per_year - m).abs() < 1e-9);
            prop_assert!((ts.intercept - q).abs() < 1e-9);
        }

        #[test]
        fn interval_contains_the_slope(v in prop::collection::vec(-20i32..20, 3..40)) {
            let t: Vec<f64> = (0..v.len()).map(|i| i as f64).collect();
            let y: Vec<f64> = v.iter().map(|&a| f64::from(a)).collect();
            let ts = theil_sen(&t, &y, 0.9, SlopeAlgorithm::Exhaustive).unwrap();
            let ci = ts.interval.unwrap();
            prop_assert!(ci.lower <= ts.slope_per_year && ts.slope_per_year <= ci.upper);
        }
    }
}
