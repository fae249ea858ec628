//! Progress status towards a target, as Open SDG computes it.
//!
//! # Standard
//! Open SDG, `sdg-build` package, `sdg/ProgressMeasure.py` (`SeriesProgress`,
//! `get_progress_thresholds`, `growth_calculation`, `get_progress_status`), read at commit
//! 139fede74ba534d2ed8b9eee4cd878b41f54cb67 of github.com/open-sdg/sdg-build. Its method 1
//! (no target) compares the observed CAGR with fixed thresholds; method 2 (with a target)
//! compares the observed CAGR with the CAGR the target requires.

use super::change::cagr;
use super::series::Observation;
use super::TrendError;

/// Progress thresholds (Open SDG `progress_thresholds`): value ≥ high is substantial progress,
/// ≥ med moderate, ≥ low limited, below low deterioration.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ProgressThresholds {
    /// Lower end of "substantial progress / on track".
    pub high: f64,
    /// Lower end of "moderate progress / acceleration needed".
    pub med: f64,
    /// Lower end of "limited progress"; below it, deterioration.
    pub low: f64,
    /// Where the numbers come from.
    pub source: &'static str,
}

/// Open SDG method 1 (no target): thresholds on the observed CAGR (fraction per year) in the
/// desired direction: 1.5 %, 0.5 %, 0.
pub const OPEN_SDG_QUALITATIVE: ProgressThresholds = ProgressThresholds {
    high: 0.015,
    med: 0.005,
    low: 0.0,
    source: "Open SDG sdg-build ProgressMeasure.py get_progress_thresholds, method 1",
};

/// Open SDG method 2 (target given): thresholds on observed CAGR / |required CAGR|:
/// 95 %, 60 %, 0.
pub const OPEN_SDG_QUANTITATIVE: ProgressThresholds = ProgressThresholds {
    high: 0.95,
    med: 0.6,
    low: 0.0,
    source: "Open SDG sdg-build ProgressMeasure.py get_progress_thresholds, method 2",
};

/// Which way is better (Open SDG `direction`: positive / negative).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Direction {
    /// Higher values are better (Open SDG `positive`).
    #[default]
    HigherIsBetter,
    /// Lower values are better (Open SDG `negative`, its default).
    LowerIsBetter,
}

impl Direction {
    fn sign(self) -> f64 {
        match self {
            Self::HigherIsBetter => 1.0,
            Self::LowerIsBetter => -1.0,
        }
    }
}

/// A target value to reach by a year.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Target {
    /// Target value, in the series' unit.
    pub value: f64,
    /// Year (or decimal year) by which it should be reached.
    pub year: f64,
}

/// Open SDG's method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ProgressMethod {
    /// Method 1: no target, fixed CAGR thresholds.
    Qualitative,
    /// Method 2: observed CAGR against the CAGR the target requires.
    Quantitative,
}

/// Open SDG progress status (labels as Open SDG writes them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ProgressStatus {
    /// The current value already meets the target.
    TargetAchieved,
    /// "Substantial progress / on track": value ≥ high (≥ 95 % of the required CAGR).
    SubstantialProgress,
    /// "Moderate progress / acceleration needed": med ≤ value < high (60–95 %).
    ModerateProgress,
    /// "Limited progress": low ≤ value < med (0–60 %).
    LimitedProgress,
    /// "Deterioration": value < low (moving away from the target).
    Deterioration,
}

/// The progress assessment with its components.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Progress {
    /// The status.
    pub status: ProgressStatus,
    /// Method 1 or 2.
    pub method: ProgressMethod,
    /// The number compared with the thresholds: sign · direction · CAGR (method 1) or
    /// sign · direction · CAGR_observed / |CAGR_required| (method 2). `None` only when the
    /// target is achieved and the growth is undefined.
    pub progress_value: Option<f64>,
    /// Observed CAGR from base to current (fraction per year).
    pub observed_cagr: Option<f64>,
    /// CAGR needed from the base to reach the target by its year (method 2).
    pub required_cagr: Option<f64>,
    /// Base observation.
    pub base: Observation,
    /// Current (latest) observation.
    pub current: Observation,
    /// Which way is better.
    pub direction: Direction,
    /// The target, if any.
    pub target: Option<Target>,
    /// The thresholds used.
    pub thresholds: ProgressThresholds,
}

/// Open SDG progress status from a base and a current observation.
///
/// # Standard
/// Open SDG `sdg-build` `ProgressMeasure.py` (see the module doc).
///
/// # Formula
/// ```text
/// CAGR(a → b) = (x_b / x_a)^(1/(t_b − t_a)) − 1
/// sign = −1 if x_base < 0 else 1;  dir = +1 higher is better, −1 lower is better
/// method 1: v = sign · dir · CAGR(base → current)
/// method 2: v = sign · dir · CAGR(base → current) / |CAGR(base → target)|
/// status: target achieved if current meets the target; else v ≥ high substantial,
///         ≥ med moderate, ≥ low limited, < low deterioration
/// ```
///
/// # Errors
/// [`TrendError::TimeNotAfterBase`] when current (or the target year) is not after the base;
/// [`TrendError::ZeroBaseValue`]; [`TrendError::SignChange`] when base and current (or target)
/// differ in sign; [`TrendError::TargetEqualsBase`] when the required CAGR is 0.
///
/// # Edge cases
/// Open SDG replaces a zero base or target by 0.001 and computes on; here a zero base is an
/// error and a zero target is used as it is (required CAGR −100 %). Open SDG's `limit` option
/// (threshold reduction near a floor) is not implemented.
pub fn progress(
    base: Observation,
    current: Observation,
    direction: Direction,
    target: Option<Target>,
) -> Result<Progress, TrendError> {
    if current.time_years <= base.time_years {
        return Err(TrendError::TimeNotAfterBase {
            earlier: base.time_years,
            later: current.time_years,
        });
    }
    if base.value == 0.0 {
        return Err(TrendError::ZeroBaseValue);
    }
    let sign = if base.value < 0.0 { -1.0 } else { 1.0 };
    let achieved = target.is_some_and(|t| match direction {
        Direction::HigherIsBetter => current.value >= t.value,
        Direction::LowerIsBetter => current.value <= t.value,
    });
    let observed = cagr(
        base.value,
        current.value,
        current.time_years - base.time_years,
    );
    let (method, thresholds) = match target {
        None => (ProgressMethod::Qualitative, OPEN_SDG_QUALITATIVE),
        Some(_) => (ProgressMethod::Quantitative, OPEN_SDG_QUANTITATIVE),
    };
    let mut required = None;
    let value: Result<f64, TrendError> = (|| {
        let observed = observed.ok_or(TrendError::SignChange {
            base: base.value,
            current: current.value,
        })?;
        match target {
            None => Ok(sign * direction.sign() * observed),
            Some(t) => {
                if t.year <= base.time_years {
                    return Err(TrendError::TimeNotAfterBase {
                        earlier: base.time_years,
                        later: t.year,
                    });
                }
                let r = cagr(base.value, t.value, t.year - base.time_years).ok_or(
                    TrendError::SignChange {
                        base: base.value,
                        current: t.value,
                    },
                )?;
                required = Some(r);
                if r == 0.0 {
                    return Err(TrendError::TargetEqualsBase);
                }
                Ok(sign * direction.sign() * observed / r.abs())
            }
        }
    })();
    let (status, progress_value) = match (achieved, value) {
        (true, v) => (ProgressStatus::TargetAchieved, v.ok()),
        (false, Ok(v)) => (classify(v, &thresholds), Some(v)),
        (false, Err(e)) => return Err(e),
    };
    Ok(Progress {
        status,
        method,
        progress_value,
        observed_cagr: observed,
        required_cagr: required,
        base,
        current,
        direction,
        target,
        thresholds,
    })
}

fn classify(value: f64, t: &ProgressThresholds) -> ProgressStatus {
    if value >= t.high {
        ProgressStatus::SubstantialProgress
    } else if value >= t.med {
        ProgressStatus::ModerateProgress
    } else if value >= t.low {
        ProgressStatus::LimitedProgress
    } else {
        ProgressStatus::Deterioration
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obs(t: f64, v: f64) -> Observation {
        Observation {
            time_years: t,
            value: v,
        }
    }

    fn check(
        base: (f64, f64),
        current: (f64, f64),
        direction: Direction,
        target: Option<(f64, f64)>,
        expected: ProgressStatus,
    ) -> Progress {
        let p = progress(
            obs(base.0, base.1),
            obs(current.0, current.1),
            direction,
            target.map(|(value, year)| Target { value, year }),
        )
        .unwrap();
        assert_eq!(p.status, expected, "{p:?}");
        p
    }

    #[test]
    fn thresholds_are_open_sdg_defaults() {
        assert_eq!(
            (
                OPEN_SDG_QUALITATIVE.high,
                OPEN_SDG_QUALITATIVE.med,
                OPEN_SDG_QUALITATIVE.low
            ),
            (0.015, 0.005, 0.0)
        );
        assert_eq!(
            (
                OPEN_SDG_QUANTITATIVE.high,
                OPEN_SDG_QUANTITATIVE.med,
                OPEN_SDG_QUANTITATIVE.low
            ),
            (0.95, 0.6, 0.0)
        );
    }

    #[test]
    fn without_target_cagr_thresholds_decide() {
        // 100 -> 110 over 5 years: CAGR = 1.1^(1/5) - 1 = 1.924 % >= 1.5 % -> substantial.
        let p = check(
            (2015.0, 100.0),
            (2020.0, 110.0),
            Direction::HigherIsBetter,
            None,
            ProgressStatus::SubstantialProgress,
        );
        assert!((p.progress_value.unwrap() - (1.1f64.powf(0.2) - 1.0)).abs() < 1e-15);
        // 100 -> 102 over 2 years: 0.995 % -> moderate.
        check(
            (2015.0, 100.0),
            (2017.0, 102.0),
            Direction::HigherIsBetter,
            None,
            ProgressStatus::ModerateProgress,
        );
        // Lower is better and the value rises: deterioration.
        check(
            (2015.0, 100.0),
            (2017.0, 102.0),
            Direction::LowerIsBetter,
            None,
            ProgressStatus::Deterioration,
        );
    }

    #[test]
    fn with_target_ratio_of_cagrs_decides() {
        // PM2.5 60 (2015) -> 45 (2020), target 35 by 2030, lower is better.
        // observed = 0.75^(1/5) - 1 = -0.055912; required = (35/60)^(1/15) - 1 = -0.035288;
        // v = -1 * -0.055912 / 0.035288 = 1.5845 >= 0.95 -> substantial progress (on track).
        let p = check(
            (2015.0, 60.0),
            (2020.0, 45.0),
            Direction::LowerIsBetter,
            Some((35.0, 2030.0)),
            ProgressStatus::SubstantialProgress,
        );
        let expected = (0.75f64.powf(0.2) - 1.0) / ((35.0f64 / 60.0).powf(1.0 / 15.0) - 1.0);
        assert!((p.progress_value.unwrap() - expected).abs() < 1e-12);
        // 60 -> 57 in 5 years: v = 0.29 -> limited progress.
        check(
            (2015.0, 60.0),
            (2020.0, 57.0),
            Direction::LowerIsBetter,
            Some((35.0, 2030.0)),
            ProgressStatus::LimitedProgress,
        );
        // 60 -> 52: v = 0.8058 -> moderate (acceleration needed).
        check(
            (2015.0, 60.0),
            (2020.0, 52.0),
            Direction::LowerIsBetter,
            Some((35.0, 2030.0)),
            ProgressStatus::ModerateProgress,
        );
        // Already at 34: target achieved.
        check(
            (2015.0, 60.0),
            (2020.0, 34.0),
            Direction::LowerIsBetter,
            Some((35.0, 2030.0)),
            ProgressStatus::TargetAchieved,
        );
    }

    #[test]
    fn zero_base_and_sign_change_are_errors() {
        assert_eq!(
            progress(
                obs(2015.0, 0.0),
                obs(2016.0, 1.0),
                Direction::HigherIsBetter,
                None
            ),
            Err(TrendError::ZeroBaseValue)
        );
        assert_eq!(
            progress(
                obs(2015.0, -1.0),
                obs(2016.0, 1.0),
                Direction::HigherIsBetter,
                None
            ),
            Err(TrendError::SignChange {
                base: -1.0,
                current: 1.0
            })
        );
    }
}
