//! The HJ 663 percentile.

/// The `p`-th percentile of `values` by HJ 663's formula (linear interpolation between order
/// statistics, "type 7"). `None` for an empty slice or `p` outside 0..=100 or non-finite input.
///
/// # Standard
/// HJ 663-2013 (reference §3.4).
///
/// # Formula
/// ```text
/// sort ascending X(1) … X(n); k = 1 + (n - 1) · p / 100; s = floor(k)
/// m_p = X(s) + (X(s+1) - X(s)) · (k - s)        (X(n+1) taken as X(n))
/// ```
///
/// # Edge cases
/// One value: that value. NaN in the input: `None` (never a silent NaN).
///
/// ```
/// use renewal_calc::air_statistics::percentile;
/// // Reference §3.4 example: {2, 3, 4, 4, 5, 8}, p = 90 -> k = 5.5 -> 5 + (8 - 5) * 0.5 = 6.5.
/// assert_eq!(percentile(&[2.0, 3.0, 4.0, 4.0, 5.0, 8.0], 90.0), Some(6.5));
/// ```
pub fn percentile(values: &[f64], p: f64) -> Option<f64> {
    if values.is_empty() || !(0.0..=100.0).contains(&p) || values.iter().any(|v| !v.is_finite()) {
        return None;
    }
    let mut x = values.to_vec();
    x.sort_by(f64::total_cmp);
    let n = x.len();
    let k = 1.0 + (n as f64 - 1.0) * p / 100.0;
    let s = k.floor();
    let frac = k - s;
    // s is in 1..=n because p is in 0..=100.
    let i = (s as usize).clamp(1, n) - 1;
    let lo = *x.get(i)?;
    let hi = *x.get(i + 1).unwrap_or(&lo);
    Some(lo + (hi - lo) * frac)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn hj663_reference_example() {
        assert_eq!(percentile(&[8.0, 2.0, 4.0, 3.0, 5.0, 4.0], 90.0), Some(6.5));
    }

    #[test]
    fn ends_and_degenerate_inputs() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(percentile(&v, 0.0), Some(1.0));
        assert_eq!(percentile(&v, 100.0), Some(5.0));
        assert_eq!(percentile(&v, 50.0), Some(3.0));
        // n = 5, p = 95: k = 1 + 4 * 0.95 = 4.8 -> 4 + (5 - 4) * 0.8 = 4.8.
        assert!((percentile(&v, 95.0).unwrap() - 4.8).abs() < 1e-12);
        assert_eq!(percentile(&[7.0], 98.0), Some(7.0));
        assert_eq!(percentile(&[], 98.0), None);
        assert_eq!(percentile(&v, 101.0), None);
        assert_eq!(percentile(&[1.0, f64::NAN], 50.0), None);
    }

    proptest! {
        #[test]
        fn percentile_lies_between_min_and_max(v in prop::collection::vec(0.0f64..1000.0, 1..50), p in 0.0f64..=100.0) {
            let m = percentile(&v, p).unwrap();
            let lo = v.iter().cloned().fold(f64::INFINITY, f64::min);
            let hi = v.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
            prop_assert!(m >= lo - 1e-9 && m <= hi + 1e-9);
        }
    }
}
