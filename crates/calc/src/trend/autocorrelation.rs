//! Mann–Kendall with the variance of S corrected for serial correlation, as pyMannKendall 1.4.3
//! defines `hamed_rao_modification_test` and `yue_wang_modification_test`.

use super::mann_kendall::{decide, mann_kendall, MannKendall};
use super::normal::quantile;
use super::TrendError;

/// Which variance of S a Mann–Kendall result uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum VarianceMethod {
    /// Tie-corrected Var(S), no serial correlation (pyMannKendall `original_test`).
    #[default]
    Original,
    /// Hamed & Rao (1998) effective sample size from the ranks' autocorrelation.
    HamedRao,
    /// Yue & Wang (2004) effective sample size from the values' autocorrelation.
    YueWang,
}

/// The correction applied to Var(S).
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct AutocorrelationCorrection {
    /// The method.
    pub method: VarianceMethod,
    /// n / n*: the factor Var(S) was multiplied by.
    pub factor: f64,
    /// Largest lag considered.
    pub max_lag: usize,
    /// Lags whose autocorrelation entered the sum (Hamed–Rao keeps only significant ones).
    pub lags_used: usize,
    /// Var(S) before the correction.
    pub var_s_uncorrected: f64,
}

/// Hamed–Rao modified Mann–Kendall test.
///
/// # Standard
/// Hamed & Rao (1998), J. Hydrol. 204, 182–196; pyMannKendall 1.4.3
/// `hamed_rao_modification_test(x, alpha, lag)`.
///
/// # Formula
/// ```text
/// d_i   = x_i − (1 + t_i − t_1) · slope          (pyMannKendall detrends with index 1..n)
/// R     = average ranks of d;  ρ_k = ACF of R at lag k (biased, divisor n)
/// keep ρ_k only if |ρ_k| > Φ⁻¹(1 − α/2)/√n,  k = 1 .. L
/// n/n*  = 1 + 2/(n(n−1)(n−2)) · Σ (n−k)(n−k−1)(n−k−2) ρ_k
/// Var*(S) = Var(S) · n/n*
/// ```
/// L = n − 1 when `lag` is `None`, else `lag` (clamped to n − 1).
///
/// # Errors
/// As [`mann_kendall`]; [`TrendError::ConstantDetrendedSeries`] when the detrended ranks are
/// constant (pyMannKendall returns NaN); [`TrendError::NonPositiveCorrectedVariance`].
///
/// # Edge cases
/// Time is real time: with missing years the detrending uses t − t_1, where pyMannKendall uses
/// the position after dropping the missing values. Lags are in observations, as pyMannKendall.
/// O(n · L) time for short series, O(n log n) by FFT for long ones (see `acf`).
pub fn hamed_rao(
    times_years: &[f64],
    values: &[f64],
    slope_per_year: f64,
    alpha: f64,
    lag: Option<usize>,
) -> Result<(MannKendall, AutocorrelationCorrection), TrendError> {
    let base = mann_kendall(values, alpha)?;
    let n = base.n;
    let detrended = detrend(times_years, values, slope_per_year);
    let ranks = average_ranks(&detrended);
    let max_lag = lag.unwrap_or(n - 1).min(n - 1);
    let rho = acf(&ranks, max_lag).ok_or(TrendError::ConstantDetrendedSeries)?;
    let bound = quantile(1.0 - alpha / 2.0) / (n as f64).sqrt();
    let nf = n as f64;
    let mut sum = 0.0;
    let mut used = 0;
    for (k, &r) in rho.iter().enumerate().skip(1) {
        if r <= bound && r >= -bound {
            continue;
        }
        let m = nf - k as f64;
        sum += m * (m - 1.0) * (m - 2.0) * r;
        used += 1;
    }
    let factor = 1.0 + 2.0 / (nf * (nf - 1.0) * (nf - 2.0)) * sum;
    finish(base, VarianceMethod::HamedRao, factor, max_lag, used, alpha)
}

/// Yue–Wang modified Mann–Kendall test.
///
/// # Standard
/// Yue & Wang (2004), Water Resour. Manag. 18, 201–218; pyMannKendall 1.4.3
/// `yue_wang_modification_test(x, alpha, lag)`.
///
/// # Formula
/// ```text
/// d_i   = x_i − (1 + t_i − t_1) · slope;  ρ_k = ACF of d at lag k (divisor n)
/// n/n*  = 1 + 2 Σ_{k=1..L} (1 − k/n) ρ_k
/// Var*(S) = Var(S) · n/n*
/// ```
///
/// # Errors
/// As [`hamed_rao`].
///
/// # Edge cases
/// As [`hamed_rao`].
pub fn yue_wang(
    times_years: &[f64],
    values: &[f64],
    slope_per_year: f64,
    alpha: f64,
    lag: Option<usize>,
) -> Result<(MannKendall, AutocorrelationCorrection), TrendError> {
    let base = mann_kendall(values, alpha)?;
    let n = base.n;
    let detrended = detrend(times_years, values, slope_per_year);
    let max_lag = lag.unwrap_or(n - 1).min(n - 1);
    let rho = acf(&detrended, max_lag).ok_or(TrendError::ConstantDetrendedSeries)?;
    let nf = n as f64;
    let sum: f64 = rho
        .iter()
        .enumerate()
        .skip(1)
        .map(|(k, r)| (1.0 - k as f64 / nf) * r)
        .sum();
    let factor = 1.0 + 2.0 * sum;
    finish(
        base,
        VarianceMethod::YueWang,
        factor,
        max_lag,
        max_lag,
        alpha,
    )
}

fn finish(
    base: MannKendall,
    method: VarianceMethod,
    factor: f64,
    max_lag: usize,
    lags_used: usize,
    alpha: f64,
) -> Result<(MannKendall, AutocorrelationCorrection), TrendError> {
    let var_s = base.var_s * factor;
    if (var_s.is_nan() || var_s <= 0.0) && base.s != 0 {
        return Err(TrendError::NonPositiveCorrectedVariance { factor });
    }
    let corrected = decide(base.n, base.s, var_s, base.tau, base.tau_b, alpha);
    Ok((
        corrected,
        AutocorrelationCorrection {
            method,
            factor,
            max_lag,
            lags_used,
            var_s_uncorrected: base.var_s,
        },
    ))
}

fn detrend(times_years: &[f64], values: &[f64], slope: f64) -> Vec<f64> {
    let origin = times_years.first().copied().unwrap_or(0.0);
    values
        .iter()
        .zip(times_years)
        .map(|(x, t)| x - (1.0 + (t - origin)) * slope)
        .collect()
}

/// Average ranks (1-based; ties share the mean of their ranks), as scipy's `rankdata`.
fn average_ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    let at = |i: usize| values.get(i).copied().unwrap_or(0.0);
    order.sort_by(|&a, &b| at(a).total_cmp(&at(b)));
    let mut ranks = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let first = order.get(start).map_or(0.0, |&i| at(i));
        let mut end = start + 1;
        while order.get(end).is_some_and(|&i| at(i) == first) {
            end += 1;
        }
        // Ranks start+1 ..= end share their mean.
        let rank = (start + 1 + end) as f64 / 2.0;
        for &i in order.get(start..end).unwrap_or(&[]) {
            if let Some(r) = ranks.get_mut(i) {
                *r = rank;
            }
        }
        start = end;
    }
    ranks
}

/// Above this many products n · (L + 1), the autocovariances come from an FFT.
const DIRECT_ACF_MAX_WORK: usize = 1 << 26;

/// Sample autocorrelation ρ_0..=ρ_max_lag with divisor n (numpy `correlate` / n, as
/// pyMannKendall's `__acf`); `None` when the series is constant.
///
/// Direct sums, O(n · L), up to [`DIRECT_ACF_MAX_WORK`]; above it (long series with all lags,
/// pyMannKendall's default) the Wiener–Khinchin route, O(n log n): zero-pad to m ≥ 2n, FFT,
/// |X|², inverse FFT. The two agree to about 1e-13 (tested); a lag whose ρ lies that close to
/// Hamed–Rao's significance bound could be kept by one route and dropped by the other.
fn acf(x: &[f64], max_lag: usize) -> Option<Vec<f64>> {
    let n = x.len();
    if n.saturating_mul(max_lag + 1) > DIRECT_ACF_MAX_WORK {
        acf_fft(x, max_lag)
    } else {
        acf_direct(x, max_lag)
    }
}

fn acf_direct(x: &[f64], max_lag: usize) -> Option<Vec<f64>> {
    let n = x.len();
    let mean = x.iter().sum::<f64>() / n as f64;
    let y: Vec<f64> = x.iter().map(|v| v - mean).collect();
    let acov = |k: usize| -> f64 {
        y.iter()
            .zip(y.iter().skip(k))
            .map(|(a, b)| a * b)
            .sum::<f64>()
            / n as f64
    };
    let c0 = acov(0);
    if c0.is_nan() || c0 <= 0.0 {
        return None;
    }
    Some((0..=max_lag).map(|k| acov(k) / c0).collect())
}

fn acf_fft(x: &[f64], max_lag: usize) -> Option<Vec<f64>> {
    let n = x.len();
    let mean = x.iter().sum::<f64>() / n as f64;
    let m = (2 * n).next_power_of_two();
    let mut re: Vec<f64> = x.iter().map(|v| v - mean).collect();
    re.resize(m, 0.0);
    let mut im = vec![0.0; m];
    fft(&mut re, &mut im, false);
    for (r, i) in re.iter_mut().zip(im.iter_mut()) {
        *r = *r * *r + *i * *i;
        *i = 0.0;
    }
    fft(&mut re, &mut im, true);
    // re[k] = m · n · acov(k) (unnormalised inverse, divisor n); the scale cancels in ρ_k.
    let c0 = re.first().copied().unwrap_or(0.0);
    if c0.is_nan() || c0 <= 0.0 {
        return None;
    }
    Some(re.iter().take(max_lag + 1).map(|c| c / c0).collect())
}

/// In-place iterative radix-2 FFT (Cooley–Tukey); `re.len()` must be a power of two. Twiddle
/// factors come from one table of cos/sin, not from a recurrence, to keep rounding at O(log m).
fn fft(re: &mut [f64], im: &mut [f64], inverse: bool) {
    let m = re.len().min(im.len());
    if m < 2 {
        return;
    }
    let mut j = 0usize;
    for i in 1..m {
        let mut bit = m >> 1;
        while j & bit != 0 {
            j ^= bit;
            bit >>= 1;
        }
        j |= bit;
        if i < j {
            re.swap(i, j);
            im.swap(i, j);
        }
    }
    let sign = if inverse { 1.0 } else { -1.0 };
    let table: Vec<(f64, f64)> = (0..m / 2)
        .map(|k| {
            let angle = sign * 2.0 * std::f64::consts::PI * k as f64 / m as f64;
            (angle.cos(), angle.sin())
        })
        .collect();
    let mut len = 2;
    while len <= m {
        let half = len / 2;
        let stride = m / len;
        for start in (0..m).step_by(len) {
            for k in 0..half {
                let (wr, wi) = table.get(k * stride).copied().unwrap_or((1.0, 0.0));
                let (a, b) = (start + k, start + k + half);
                let xr = re[b] * wr - im[b] * wi;
                let xi = re[b] * wi + im[b] * wr;
                re[b] = re[a] - xr;
                im[b] = im[a] - xi;
                re[a] += xr;
                im[a] += xi;
            }
        }
        len *= 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn average_ranks_share_ties() {
        assert_eq!(
            average_ranks(&[3.0, 1.0, 3.0, 2.0]),
            vec![3.5, 1.0, 3.5, 2.0]
        );
    }

    #[test]
    fn acf_of_alternating_series_is_minus_one_ish_at_lag_one() {
        // x = 1, -1, 1, -1: mean 0, c0 = 1, c1 = -3/4 -> rho_1 = -0.75, rho_2 = 0.5.
        let r = acf(&[1.0, -1.0, 1.0, -1.0], 2).unwrap();
        assert_eq!(r, vec![1.0, -0.75, 0.5]);
    }

    #[test]
    fn fft_autocorrelation_equals_the_direct_sums() {
        // A deterministic AR(1)-like series with ties, n = 3001 (not a power of two).
        let mut state = 12_345u64;
        let mut e = 0.0;
        let x: Vec<f64> = (0..3001)
            .map(|i| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let u = (state >> 11) as f64 / (1u64 << 53) as f64 - 0.5;
                e = 0.7 * e + u;
                ((f64::from(i) * 0.001 + e) * 10.0).round() / 10.0
            })
            .collect();
        let direct = acf_direct(&x, 3000).unwrap();
        let fft = acf_fft(&x, 3000).unwrap();
        let worst = direct
            .iter()
            .zip(&fft)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max);
        assert!(worst < 1e-13, "largest difference {worst}");
        assert_eq!(acf_fft(&[2.0; 8], 3), None);
    }

    #[test]
    fn perfect_line_has_constant_detrended_series() {
        let t: Vec<f64> = (0..6).map(f64::from).collect();
        let x: Vec<f64> = t.iter().map(|v| 2.0 * v).collect();
        assert_eq!(
            yue_wang(&t, &x, 2.0, 0.05, None),
            Err(TrendError::ConstantDetrendedSeries)
        );
    }
}
