//! The standard normal distribution, from statrs (`erfc`, `erfc_inv`).
//!
//! statrs (no default features: only `approx` and `num-traits` come with it) is pure Rust and
//! builds for wasm32. Its `erfc` is accurate to about 1e-11 relative in the range p-values use
//! (checked against scipy in the tests below), which is ample for a p-value.

use statrs::distribution::{ContinuousCDF, Normal};

/// Two-sided p-value of a standard normal statistic: `2 (1 - Φ(|z|)) = erfc(|z| / √2)`.
///
/// The `erfc` form keeps precision in the tail, where `1 - Φ` cancels.
pub(crate) fn two_sided_p(z: f64) -> f64 {
    statrs::function::erf::erfc(z.abs() / std::f64::consts::SQRT_2)
}

/// The standard normal quantile `Φ⁻¹(p)` for `p` in (0, 1).
pub(crate) fn quantile(p: f64) -> f64 {
    Normal::standard().inverse_cdf(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantile_and_p_match_tabulated_values() {
        // Φ⁻¹(0.975) = 1.959963984540054 (scipy.stats.norm.ppf(0.975)).
        assert!((quantile(0.975) - 1.959_963_984_540_054).abs() < 1e-12);
        // 2 (1 - Φ(1.96)) = erfc(1.96/√2) = 0.04999579029644087 (scipy.special.erfc).
        // statrs 0.18's erfc gives 0.04999579029419518 here: 2.2e-12 off, well inside the
        // 1e-9 agreement the fixtures ask for, and the reason this bound is 1e-11.
        assert!((two_sided_p(1.96) - 0.049_995_790_296_440_87).abs() < 1e-11);
        assert!((two_sided_p(-1.96) - two_sided_p(1.96)).abs() < 1e-16);
        assert_eq!(two_sided_p(0.0), 1.0);
    }
}
