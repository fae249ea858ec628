//! Criterion values (direction and targets) and the three normalisations, oriented so that a
//! larger normalised value is always better.

use super::decision_matrix::{DecisionMatrix, Direction, Indicator};
use super::error::CompositeError;

/// How columns are rescaled before weighting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "snake_case")
)]
pub enum Normalisation {
    /// Min–max: to [0, 1] between the data's minimum and maximum, or between the indicator's
    /// explicit [`Bounds`](super::Bounds) (clamped, SDR style) when it has them.
    #[default]
    MinMax,
    /// Vector (Euclidean) normalisation, TOPSIS's original choice.
    Vector,
    /// z-scores with the sample standard deviation.
    ZScore,
}

impl Normalisation {
    /// Stable key: `minmax`, `vector`, `zscore`.
    pub fn key(self) -> &'static str {
        match self {
            Normalisation::MinMax => "minmax",
            Normalisation::Vector => "vector",
            Normalisation::ZScore => "zscore",
        }
    }
}

/// The criterion value of a raw value: the raw value for benefit and cost, the distance to the
/// target for target indicators (see [`Direction`]).
///
/// # Formula
/// ```text
/// Target t:        c = |x - t|
/// TargetRange l,h: c = max(l - x, 0, x - h)
/// ```
pub fn criterion_value(direction: Direction, x: f64) -> f64 {
    match direction {
        Direction::Benefit | Direction::Cost => x,
        Direction::Target { value } => (x - value).abs(),
        Direction::TargetRange { low, high } => (low - x).max(x - high).max(0.0),
    }
}

/// Every column of `matrix` as criterion values (targets turned into distances).
pub(super) fn criterion_columns(matrix: &DecisionMatrix) -> Vec<Vec<f64>> {
    matrix
        .columns()
        .iter()
        .zip(matrix.indicators())
        .map(|(column, ind)| {
            column
                .iter()
                .map(|&x| criterion_value(ind.direction, x))
                .collect()
        })
        .collect()
}

/// Normalise one column of criterion values `c` for `indicator` (column index `column`).
///
/// # Standard
/// Min–max with data bounds and vector normalisation: Hwang & Yoon (1981) §2.2.4; pymcdm
/// `minmax_normalization`, `vector_normalization`. Min–max with explicit bounds: SDR 2023
/// Methods ("values above the upper bound are scored 100, below the lower bound 0"; here 1 and
/// 0). z-score: OECD/JRC Handbook (2008) §5.
///
/// # Formula
/// ```text
/// benefit (higher better)                lower better (cost; distance to target)
/// minmax data:  (c - min) / (max - min)    (max - c) / (max - min)
/// minmax bounds: clamp((c - worst) / (best - worst), 0, 1)   (same formula both ways)
/// vector:        c / ||c||                 1 - c / ||c||          ||c|| = sqrt(sum c^2)
/// zscore:        (c - mean) / s            (mean - c) / s         s = sample std (n - 1)
/// ```
/// `1 - c/||c||` for costs is pymcdm's convention; the classical TOPSIS keeps `c/||c||` and
/// takes the column minimum as ideal. The two give the same distances to the ideal and
/// anti-ideal (a reflection `r -> 1 - r` preserves |r_i - r_k|), hence the same closeness.
///
/// # Errors
/// `ConstantColumn` for min–max with data bounds or z-score when every `c` is equal (pymcdm's
/// min–max returns a column of ones instead; see the fixtures README); `ZeroColumn` for vector
/// normalisation of an all-zero column; `Overflow` when the norm or variance overflows.
///
/// # Edge cases
/// Explicit bounds are used by min–max only; vector and z-score ignore them.
pub fn normalise_column(
    normalisation: Normalisation,
    indicator: &Indicator,
    column: usize,
    c: &[f64],
) -> Result<Vec<f64>, CompositeError> {
    let higher = indicator.direction.higher_is_better();
    let constant = || CompositeError::ConstantColumn {
        column,
        indicator: indicator.name.clone(),
        value: c.first().copied().unwrap_or(0.0),
    };
    let overflow = || CompositeError::Overflow {
        column,
        indicator: indicator.name.clone(),
    };
    let out: Vec<f64> = match (normalisation, indicator.bounds) {
        (Normalisation::MinMax, Some(b)) => c
            .iter()
            .map(|&x| ((x - b.worst) / (b.best - b.worst)).clamp(0.0, 1.0))
            .collect(),
        (Normalisation::MinMax, None) => {
            let (min, max) = min_max(c);
            let range = max - min;
            if range == 0.0 {
                return Err(constant());
            }
            if higher {
                c.iter().map(|&x| (x - min) / range).collect()
            } else {
                c.iter().map(|&x| (max - x) / range).collect()
            }
        }
        (Normalisation::Vector, _) => {
            let norm = euclidean_norm(c);
            if norm == 0.0 {
                return Err(CompositeError::ZeroColumn {
                    column,
                    indicator: indicator.name.clone(),
                });
            }
            if higher {
                c.iter().map(|&x| x / norm).collect()
            } else {
                c.iter().map(|&x| 1.0 - x / norm).collect()
            }
        }
        (Normalisation::ZScore, _) => {
            let (min, max) = min_max(c);
            if max == min {
                return Err(constant());
            }
            let (mean, sd) = mean_and_sample_sd(c);
            if sd == 0.0 {
                return Err(constant());
            }
            if higher {
                c.iter().map(|&x| (x - mean) / sd).collect()
            } else {
                c.iter().map(|&x| (mean - x) / sd).collect()
            }
        }
    };
    if out.iter().all(|v| v.is_finite()) {
        Ok(out)
    } else {
        Err(overflow())
    }
}

/// Minimum and maximum of a non-empty slice (`(inf, -inf)` for an empty one).
pub(super) fn min_max(c: &[f64]) -> (f64, f64) {
    c.iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &x| {
            (lo.min(x), hi.max(x))
        })
}

/// `sqrt(sum c^2)`, scaled by the largest magnitude first so that finite inputs near f64's
/// range do not overflow.
fn euclidean_norm(c: &[f64]) -> f64 {
    let scale = c.iter().fold(0.0_f64, |m, x| m.max(x.abs()));
    if scale == 0.0 {
        return 0.0;
    }
    scale * c.iter().map(|x| (x / scale).powi(2)).sum::<f64>().sqrt()
}

/// Mean and sample standard deviation (divisor n - 1); the caller guarantees n >= 2.
pub(super) fn mean_and_sample_sd(c: &[f64]) -> (f64, f64) {
    let n = c.len() as f64;
    let mean = c.iter().sum::<f64>() / n;
    let ss: f64 = c.iter().map(|x| (x - mean).powi(2)).sum();
    (mean, (ss / (n - 1.0)).sqrt())
}

#[cfg(test)]
mod tests {
    use super::super::decision_matrix::Bounds;
    use super::*;

    fn check(
        normalisation: Normalisation,
        indicator: Indicator,
        c: &[f64],
        expected: Result<Vec<f64>, CompositeError>,
    ) {
        let got = normalise_column(normalisation, &indicator, 0, c);
        match (got, expected) {
            (Ok(g), Ok(e)) => {
                assert_eq!(g.len(), e.len());
                for (a, b) in g.iter().zip(&e) {
                    assert!((a - b).abs() < 1e-12, "{g:?} vs {e:?}");
                }
            }
            (g, e) => assert_eq!(g, e),
        }
    }

    #[test]
    fn minmax_cost_puts_the_smallest_at_one() {
        // (max - c)/(max - min) with min 2, max 10: 10 -> 0, 4 -> 0.75, 2 -> 1.
        check(
            Normalisation::MinMax,
            Indicator::new("pm25", Direction::Cost),
            &[10.0, 4.0, 2.0],
            Ok(vec![0.0, 0.75, 1.0]),
        );
    }

    #[test]
    fn minmax_with_bounds_clamps_sdr_style() {
        // Cost indicator scored between worst 75 and best 5 (e.g. PM2.5 µg/m³):
        // 40 -> (40-75)/(5-75) = 0.5; 100 -> below worst -> 0; 3 -> beyond best -> 1.
        let mut ind = Indicator::new("pm25", Direction::Cost);
        ind.bounds = Some(Bounds {
            worst: 75.0,
            best: 5.0,
        });
        check(
            Normalisation::MinMax,
            ind,
            &[40.0, 100.0, 3.0],
            Ok(vec![0.5, 0.0, 1.0]),
        );
    }

    #[test]
    fn vector_benefit_divides_by_norm() {
        // ||(3, 4)|| = 5.
        check(
            Normalisation::Vector,
            Indicator::new("gdp", Direction::Benefit),
            &[3.0, 4.0],
            Ok(vec![0.6, 0.8]),
        );
        check(
            Normalisation::Vector,
            Indicator::new("pm25", Direction::Cost),
            &[3.0, 4.0],
            Ok(vec![0.4, 0.2]),
        );
    }

    #[test]
    fn zscore_uses_sample_sd() {
        // mean 2, sample sd of (1,2,3) = 1.
        check(
            Normalisation::ZScore,
            Indicator::new("gdp", Direction::Benefit),
            &[1.0, 2.0, 3.0],
            Ok(vec![-1.0, 0.0, 1.0]),
        );
    }

    #[test]
    fn constant_column_is_an_error_under_minmax_and_zscore() {
        for n in [Normalisation::MinMax, Normalisation::ZScore] {
            check(
                n,
                Indicator::new("x", Direction::Benefit),
                &[7.0, 7.0],
                Err(CompositeError::ConstantColumn {
                    column: 0,
                    indicator: "x".into(),
                    value: 7.0,
                }),
            );
        }
    }

    #[test]
    fn constant_nonzero_column_is_fine_under_vector() {
        check(
            Normalisation::Vector,
            Indicator::new("x", Direction::Benefit),
            &[2.0, 2.0, 2.0, 2.0],
            Ok(vec![0.5; 4]),
        );
    }

    #[test]
    fn zero_column_is_an_error_under_vector() {
        check(
            Normalisation::Vector,
            Indicator::new("x", Direction::Cost),
            &[0.0, 0.0],
            Err(CompositeError::ZeroColumn {
                column: 0,
                indicator: "x".into(),
            }),
        );
    }

    #[test]
    fn huge_values_do_not_overflow_the_vector_norm() {
        check(
            Normalisation::Vector,
            Indicator::new("x", Direction::Benefit),
            &[3e300, 4e300],
            Ok(vec![0.6, 0.8]),
        );
    }

    #[test]
    fn target_distance_is_zero_inside_the_range() {
        let r = Direction::TargetRange {
            low: 30.0,
            high: 40.0,
        };
        assert_eq!(criterion_value(r, 35.0), 0.0);
        assert_eq!(criterion_value(r, 25.0), 5.0);
        assert_eq!(criterion_value(r, 42.0), 2.0);
        assert_eq!(
            criterion_value(Direction::Target { value: 35.0 }, 30.0),
            5.0
        );
    }
}
