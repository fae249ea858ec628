//! Exact decimal numbers for breakpoint arithmetic.
//!
//! A concentration such as `125.5` or `0.078` is read as the shortest decimal that round-trips to
//! the same `f64` (what the user typed, what a CSV held), then kept as an integer mantissa and a
//! power-of-ten scale. Truncation (US EPA), round-half-even (HJ 633-2026 §4.2.2), the band lookup
//! and the IAQI fraction are then integer operations, so `125.5` can never become `125.4999…`.

use std::cmp::Ordering;

/// Most fractional digits kept when reading an `f64`; further digits are rounded half-even.
const MAX_FRACTION_DIGITS: u32 = 18;

/// Fractional digits tried by the fast path of [`Dec::from_f64`].
const SHORT_FRACTION_DIGITS: u32 = 6;

/// Mantissas of the fast path stay below 2^50 (see [`Dec::from_f64_short`]).
const SHORT_MANTISSA_LIMIT: f64 = 1_125_899_906_842_624.0;

/// Largest magnitude read exactly (exclusive). Every breakpoint table tops out far below it;
/// larger values are beyond every index and are reported as such by the caller.
pub(crate) const MAX_EXACT: f64 = 1e12;

/// The powers of ten exact in f64 (10^22 is the largest).
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// `mantissa / 10^scale`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Dec {
    pub(crate) mantissa: i128,
    pub(crate) scale: u32,
}

fn pow10(exp: u32) -> i128 {
    10i128.pow(exp)
}

impl Dec {
    /// The shortest decimal that round-trips to `x`; `None` for NaN, infinities and
    /// `|x| >= MAX_EXACT`.
    pub(crate) fn from_f64(x: f64) -> Option<Self> {
        Self::from_f64_short(x).or_else(|| Self::from_f64_formatted(x))
    }

    /// Fast path of [`Dec::from_f64`] for values with at most [`SHORT_FRACTION_DIGITS`]
    /// fractional digits (integers, most daily means), without formatting.
    ///
    /// # Formula
    /// ```text
    /// the least k in 0..=6 with m = round(x * 10^k), |m| < 2^50 and m / 10^k == x (IEEE)
    /// ```
    /// `m` and `10^k` are exact, so `m / 10^k` is the correctly rounded value of the decimal
    /// `m·10^-k`: that decimal round-trips to `x`. With `|m| < 2^50`, `10^-k` exceeds two ulps of
    /// `x`, so no other decimal with k fractional digits does, and none with fewer does (k is
    /// the least): it is the shortest round-trip decimal, the one `Display` prints. Otherwise
    /// `None` (the formatted path decides).
    fn from_f64_short(x: f64) -> Option<Self> {
        if !x.is_finite() || !x.is_sign_positive() || x >= MAX_EXACT {
            return None;
        }
        // Integers first (most breakpoints and many concentrations): one conversion each way,
        // the same answer as k = 0 below.
        if x < SHORT_MANTISSA_LIMIT {
            let m = x as i64;
            if m as f64 == x {
                return Some(Self {
                    mantissa: i128::from(m),
                    scale: 0,
                });
            }
        }
        let mut p = 1.0f64;
        for k in 0..=SHORT_FRACTION_DIGITS {
            let m = (x * p).round();
            if m >= SHORT_MANTISSA_LIMIT {
                return None;
            }
            if m / p == x {
                // m < 2^50: exact in i64.
                return Some(Self {
                    mantissa: i128::from(m as i64),
                    scale: k,
                });
            }
            p *= 10.0;
        }
        None
    }

    /// [`Dec::from_f64`] through `Display`'s shortest round-trip digits.
    fn from_f64_formatted(x: f64) -> Option<Self> {
        if !x.is_finite() || x.abs() >= MAX_EXACT {
            return None;
        }
        // `Display` for f64 prints the shortest round-trip digits and never uses an exponent.
        let text = format!("{x}");
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.as_str()),
        };
        let (int_part, frac_part) = digits.split_once('.').unwrap_or((digits, ""));
        let mut mantissa: i128 = 0;
        for ch in int_part.chars() {
            mantissa = mantissa * 10 + i128::from(ch.to_digit(10)?);
        }
        // Keep at most MAX_FRACTION_DIGITS fractional digits; round the rest half to even
        // (5e-324 prints 324 fractional digits).
        let keep = frac_part.len().min(MAX_FRACTION_DIGITS as usize);
        let (kept, rest) = frac_part.split_at(keep);
        let mut scale = 0u32;
        for ch in kept.chars() {
            mantissa = mantissa.checked_mul(10)? + i128::from(ch.to_digit(10)?);
            scale += 1;
        }
        let mut rest_digits = rest.chars();
        let round_up = match rest_digits.next().and_then(|c| c.to_digit(10)) {
            None => false,
            Some(d) if d > 5 => true,
            Some(d) if d < 5 => false,
            Some(_) => rest_digits.any(|c| c != '0') || mantissa % 2 == 1,
        };
        if round_up {
            mantissa += 1;
        }
        let d = Self {
            mantissa: if negative { -mantissa } else { mantissa },
            scale,
        };
        Some(d)
    }

    /// [`Dec::from_f64`] then [`Dec::round_half_even`] to `decimals`, the same `Dec`, without
    /// the shortest digits when they are not needed.
    ///
    /// # Formula
    /// ```text
    /// y = x * 10^decimals (one rounding); if y < 2^20 and frac(y) is more than 1e-6 away
    /// from 0, 1/2 and 1: the result is (round(y), decimals)
    /// ```
    /// The shortest decimal `s` of `x` is within half an ulp of `x`, and `y` within half an ulp
    /// of `x·10^d`; below 2^20 both errors are under 1e-9 on the scale of `y`. So `s·10^d` lies
    /// on the same side of every integer and half-integer as `y`: it is not an integer (`s` has
    /// more than `decimals` digits, so rounding does apply) and its half-even rounding is
    /// `round(y)` (no tie). Otherwise the exact path decides.
    pub(crate) fn from_f64_round_half_even(x: f64, decimals: u32) -> Option<Self> {
        const MARGIN: f64 = 1e-6;
        let p = POW10
            .get(decimals as usize)
            .copied()
            .unwrap_or(f64::INFINITY);
        let y = x * p;
        if x.is_finite() && x >= 0.0 && y < 1_048_576.0 {
            let frac = y - y.floor();
            let clear = frac > MARGIN && frac < 1.0 - MARGIN && (frac - 0.5).abs() > MARGIN;
            if clear {
                // y < 2^20: exact in i64.
                return Some(Self {
                    mantissa: i128::from(y.round() as i64),
                    scale: decimals,
                });
            }
        }
        Self::from_f64(x).map(|d| d.round_half_even(decimals))
    }

    /// The nearest `f64` (exact decimal text parsed by the standard library, or the same value
    /// by one division when both parts are exact).
    ///
    /// # Formula
    /// ```text
    /// |m| < 2^53 and scale <= 22: m / 10^scale, both exact in f64, one correctly rounded
    /// division (Clinger's fast path), the value `str::parse` gives
    /// ```
    pub(crate) fn to_f64(self) -> f64 {
        const EXACT_MANTISSA: u128 = 1 << 53;
        if let Some(p) = POW10.get(self.scale as usize) {
            if self.mantissa.unsigned_abs() < EXACT_MANTISSA {
                return self.mantissa as f64 / p;
            }
        }
        let s = format!("{}e-{}", self.mantissa, self.scale);
        s.parse().unwrap_or(f64::NAN)
    }

    /// The mantissa at a larger or equal `scale`.
    pub(crate) fn at_scale(self, scale: u32) -> i128 {
        if scale >= self.scale {
            self.mantissa * pow10(scale - self.scale)
        } else {
            // Only called with scale >= self.scale; dividing keeps it total anyway.
            self.mantissa / pow10(self.scale - scale)
        }
    }

    /// Truncate toward zero to `decimals` fractional digits (US EPA TAD step 1).
    pub(crate) fn truncate(self, decimals: u32) -> Self {
        if self.scale <= decimals {
            return self;
        }
        Self {
            mantissa: self.mantissa / pow10(self.scale - decimals),
            scale: decimals,
        }
    }

    /// Round to `decimals` fractional digits, ties to even (GB/T 8170 "四舍六入五成双").
    pub(crate) fn round_half_even(self, decimals: u32) -> Self {
        if self.scale <= decimals {
            return self;
        }
        let div = pow10(self.scale - decimals);
        let q = self.mantissa.div_euclid(div);
        let r = self.mantissa.rem_euclid(div);
        let twice = r * 2;
        let q = match twice.cmp(&div) {
            Ordering::Less => q,
            Ordering::Greater => q + 1,
            Ordering::Equal if q % 2 == 0 => q,
            Ordering::Equal => q + 1,
        };
        Self {
            mantissa: q,
            scale: decimals,
        }
    }
}

impl PartialOrd for Dec {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Dec {
    fn cmp(&self, other: &Self) -> Ordering {
        let s = self.scale.max(other.scale);
        self.at_scale(s).cmp(&other.at_scale(s))
    }
}

/// `ceil(num / den)` for `den > 0`.
pub(crate) fn div_ceil(num: i128, den: i128) -> i128 {
    -(-num).div_euclid(den)
}

/// `floor(num / den)` for `den > 0`.
pub(crate) fn div_floor(num: i128, den: i128) -> i128 {
    num.div_euclid(den)
}

/// `num / den` rounded to the nearest integer, halves away from zero for positive values
/// (US EPA TAD step 4), for `den > 0`.
pub(crate) fn div_round_half_up(num: i128, den: i128) -> i128 {
    (2 * num + den).div_euclid(2 * den)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(x: f64) -> Dec {
        Dec::from_f64(x).unwrap()
    }

    #[test]
    fn fast_path_agrees_with_the_formatted_digits_on_daily_means() {
        // Means of 1..=24 integer or one-decimal hourly values, as the daily statistics make.
        for n in 1..=24u32 {
            for sum in (0..3000u32).step_by(7) {
                for x in [
                    f64::from(sum) / f64::from(n),
                    f64::from(sum) / 10.0 / f64::from(n),
                ] {
                    assert_eq!(Dec::from_f64(x), Dec::from_f64_formatted(x), "{x}");
                }
            }
        }
        assert_eq!(
            Dec::from_f64_short(0.1),
            Some(Dec {
                mantissa: 1,
                scale: 1
            })
        );
        assert_eq!(Dec::from_f64_short(1.0 / 3.0), None);
        assert_eq!(Dec::from_f64_short(-1.5), None);
    }

    proptest::proptest! {
        #[test]
        fn fast_path_is_the_shortest_round_trip_decimal(x in 0.0f64..1e9, k in 0u32..8) {
            // Arbitrary doubles, and doubles with exactly k decimals.
            let y = (x * 10f64.powi(k as i32)).round() / 10f64.powi(k as i32);
            for v in [x, y] {
                if let Some(fast) = Dec::from_f64_short(v) {
                    proptest::prop_assert_eq!(Some(fast), Dec::from_f64_formatted(v));
                }
            }
        }
    }

    /// `to_f64` by the text path, to check the division against.
    fn parsed(d: Dec) -> f64 {
        format!("{}e-{}", d.mantissa, d.scale).parse().unwrap()
    }

    #[test]
    fn rounded_reading_and_to_f64_agree_with_the_exact_paths() {
        // Daily means of integer and one-decimal hours (sums over 1..=24 hours), rounded as
        // HJ 633-2026 does (0 decimals; CO 1), including exact ties such as 2.5 and 0.25.
        for n in 1..=24u32 {
            for sum in 0..4000u32 {
                for x in [
                    f64::from(sum) / f64::from(n),
                    f64::from(sum) / 10.0 / f64::from(n),
                ] {
                    for decimals in [0, 1, 2] {
                        let exact = Dec::from_f64(x).unwrap().round_half_even(decimals);
                        assert_eq!(
                            Dec::from_f64_round_half_even(x, decimals),
                            Some(exact),
                            "{x}"
                        );
                        assert_eq!(exact.to_f64(), parsed(exact), "{x}");
                    }
                    let d = Dec::from_f64(x).unwrap();
                    assert_eq!(d.to_f64(), parsed(d), "{x}");
                }
            }
        }
        assert_eq!(Dec::from_f64_round_half_even(f64::NAN, 0), None);
        assert_eq!(Dec::from_f64_round_half_even(1e12, 0), None);
        // Beyond the division: 2^53 and more, and scales above 22, are parsed.
        for d in [
            Dec {
                mantissa: (1 << 53) + 1,
                scale: 3,
            },
            Dec {
                mantissa: 12345,
                scale: 25,
            },
            Dec {
                mantissa: -(1 << 60),
                scale: 0,
            },
        ] {
            assert_eq!(d.to_f64(), parsed(d));
        }
    }

    proptest::proptest! {
        #[test]
        fn rounded_reading_is_the_exact_reading_rounded(x in 0.0f64..2e6, decimals in 0u32..4) {
            let exact = Dec::from_f64(x).map(|d| d.round_half_even(decimals));
            proptest::prop_assert_eq!(Dec::from_f64_round_half_even(x, decimals), exact);
        }

        #[test]
        fn to_f64_is_the_parsed_decimal(m in -(1i128 << 60)..(1i128 << 60), scale in 0u32..30) {
            let d = Dec { mantissa: m, scale };
            proptest::prop_assert_eq!(d.to_f64().to_bits(), parsed(d).to_bits());
        }
    }

    #[test]
    fn shortest_digits_are_read_exactly() {
        assert_eq!(
            d(125.5),
            Dec {
                mantissa: 1255,
                scale: 1
            }
        );
        assert_eq!(
            d(0.078),
            Dec {
                mantissa: 78,
                scale: 3
            }
        );
        assert_eq!(
            d(35.0),
            Dec {
                mantissa: 35,
                scale: 0
            }
        );
        assert_eq!(
            d(-1.25),
            Dec {
                mantissa: -125,
                scale: 2
            }
        );
        // 0.1 + 0.2 = 0.30000000000000004 keeps its 17 digits: we do not invent rounding.
        assert_eq!(
            d(0.1 + 0.2),
            Dec {
                mantissa: 30_000_000_000_000_004,
                scale: 17
            }
        );
    }

    #[test]
    fn non_finite_and_huge_values_are_refused() {
        assert_eq!(Dec::from_f64(f64::NAN), None);
        assert_eq!(Dec::from_f64(f64::INFINITY), None);
        assert_eq!(Dec::from_f64(1e12), None);
        assert!(Dec::from_f64(999_999_999_999.5).is_some());
    }

    #[test]
    fn truncation_and_half_even_rounding() {
        assert_eq!(d(35.49).truncate(1), d(35.4));
        assert_eq!(d(0.0789).truncate(3), d(0.078));
        assert_eq!(d(2.45).round_half_even(1), d(2.4));
        assert_eq!(d(2.55).round_half_even(1), d(2.6));
        assert_eq!(d(2.451).round_half_even(1), d(2.5));
        assert_eq!(d(74.5).round_half_even(0), d(74.0));
        assert_eq!(d(75.5).round_half_even(0), d(76.0));
        assert_eq!(d(75.49).round_half_even(0), d(75.0));
    }

    #[test]
    fn integer_divisions_round_as_named() {
        assert_eq!(div_ceil(7, 2), 4);
        assert_eq!(div_ceil(8, 2), 4);
        assert_eq!(div_floor(7, 2), 3);
        assert_eq!(div_round_half_up(251, 2), 126); // 125.5 -> 126
        assert_eq!(div_round_half_up(2509, 20), 125); // 125.45 -> 125
    }

    #[test]
    fn ordering_compares_across_scales() {
        assert!(d(125.5) > d(125.4));
        assert_eq!(
            d(1.0).cmp(&Dec {
                mantissa: 1000,
                scale: 3
            }),
            Ordering::Equal
        );
    }
}
