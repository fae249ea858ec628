//! Trends of a yearly or dated series: change, CAGR, index, Mann–Kendall, Theil–Sen, and the
//! Open SDG progress status, reported together with the test's significance.
//!
//! Time is real time in years ([`TimeSeries`]): integer years for yearly data, decimal years
//! ([`crate::time::CivilDate::decimal_year`]) for dated data. Missing values and absent years are
//! kept as explicit lists and left out of every statistic; slopes use the true time distance, so a
//! gap never compresses the time axis.
//!
//! Main entry points:
//! - [`TimeSeries::yearly`], [`TimeSeries::dated`]: validated input.
//! - [`change()`], [`index_to_base`]: absolute and percent change, CAGR, index (base = 100).
//! - [`mann_kendall()`]: S (Knight's O(n log n) method), Var(S) with the tie correction, Z, p,
//!   Kendall's tau, decision at alpha.
//! - [`hamed_rao`], [`yue_wang`]: autocorrelation-corrected variance, as pyMannKendall.
//! - [`theil_sen()`]: Sen's slope on real time, Conover intercept, Sen (1968) rank confidence
//!   interval; exact randomised slope selection in O(n log n) expected time for long series.
//! - [`progress()`]: Open SDG progress status with or without a target.
//! - [`analyse`]: all of the above for one series, as the CLI and the app show it.
//!
//! ```
//! use renewal_calc::trend::{analyse, AnalysisOptions, TimeSeries};
//! let series = TimeSeries::yearly(&[
//!     (2015, Some(10.0)), (2016, Some(11.0)), (2017, None), (2018, Some(12.5)),
//!     (2019, Some(12.0)), (2020, Some(14.0)),
//! ]).unwrap();
//! let report = analyse(&series, &AnalysisOptions::default()).unwrap();
//! let mk = report.mann_kendall.as_ref().unwrap();
//! assert_eq!(mk.s, 8); // 9 increasing pairs, 1 decreasing
//! assert_eq!(report.series.missing_times, vec![2017.0]);
//! ```

mod analysis;
mod autocorrelation;
mod change;
mod mann_kendall;
mod normal;
mod progress;
mod series;
mod slope_selection;
mod theil_sen;

pub use analysis::{
    analyse, AnalysisOptions, Movement, Statistic, TrendReport, TrendSummary, Unavailable,
};
pub use autocorrelation::{hamed_rao, yue_wang, AutocorrelationCorrection, VarianceMethod};
pub use change::{change, index_to_base, Change, IndexPoint};
pub use mann_kendall::{
    mann_kendall, s_statistic, s_statistic_brute_force, tie_groups, MannKendall, TrendDirection,
    MIN_POINTS,
};
pub use progress::{
    progress, Direction, Progress, ProgressMethod, ProgressStatus, ProgressThresholds, Target,
    OPEN_SDG_QUALITATIVE, OPEN_SDG_QUANTITATIVE,
};
pub use series::{Observation, SeriesSummary, TimeSeries};
pub use slope_selection::{SlopeAlgorithm, DEFAULT_SEED, EXHAUSTIVE_MAX_PAIRS};
pub use theil_sen::{theil_sen, SlopeInterval, TheilSen};

/// Why a trend statistic could not be computed.
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum TrendError {
    /// Fewer present observations than the statistic needs.
    #[error("{got} observations; at least {needed} are needed")]
    TooFewPoints {
        /// Minimum number of present observations.
        needed: usize,
        /// Number of present observations.
        got: usize,
    },
    /// A time is NaN or infinite.
    #[error("time at row {index} is not a finite number")]
    NonFiniteTime {
        /// Row index in the input.
        index: usize,
    },
    /// A value is infinite (missing values are `None`, not NaN or infinity).
    #[error("value at row {index} is not finite ({value})")]
    NonFiniteValue {
        /// Row index in the input.
        index: usize,
        /// The value as given.
        value: f64,
    },
    /// Two rows have the same time.
    #[error("time {time} appears twice (row {index})")]
    DuplicateTime {
        /// Row index of the second occurrence.
        index: usize,
        /// The repeated time, in years.
        time: f64,
    },
    /// The significance level is not in (0, 1).
    #[error("alpha {alpha} is not in (0, 1)")]
    InvalidAlpha {
        /// The level as given.
        alpha: f64,
    },
    /// The series has more points than the index type of the slope selection holds.
    #[error("{n} points is more than the {max} this implementation supports")]
    TooManyPoints {
        /// Number of points.
        n: usize,
        /// Supported maximum.
        max: usize,
    },
    /// The detrended series is constant, so its autocorrelation (Hamed–Rao, Yue–Wang) is 0/0.
    #[error("the detrended series is constant; its autocorrelation is undefined")]
    ConstantDetrendedSeries,
    /// The autocorrelation correction made the variance of S zero or negative.
    #[error("the autocorrelation correction factor {factor} makes Var(S) non-positive")]
    NonPositiveCorrectedVariance {
        /// The factor n/n* applied to Var(S).
        factor: f64,
    },
    /// The requested base time is not one of the present observations.
    #[error("base time {time} is not a present observation")]
    BaseTimeNotInSeries {
        /// The requested base time, in years.
        time: f64,
    },
    /// A ratio or rate needs a non-zero base value.
    #[error("the base value is zero")]
    ZeroBaseValue,
    /// CAGR needs base and current values of the same sign.
    #[error("base {base} and current {current} have different signs")]
    SignChange {
        /// Base value.
        base: f64,
        /// Current value.
        current: f64,
    },
    /// The target year is not after the base year, or the current year is not after the base.
    #[error("{later} is not after {earlier}")]
    TimeNotAfterBase {
        /// The base time.
        earlier: f64,
        /// The time that should be later.
        later: f64,
    },
    /// The target equals the base value, so the required CAGR is 0 and the ratio undefined.
    #[error("the target equals the base value")]
    TargetEqualsBase,
    /// The confidence level is not in (0, 1).
    #[error("confidence {confidence} is not in (0, 1)")]
    InvalidConfidence {
        /// The level as given.
        confidence: f64,
    },
    /// The randomised slope selection did not isolate the rank (only with adversarial rounding).
    #[error("slope selection did not converge for rank {rank}")]
    SlopeSelectionDidNotConverge {
        /// 0-based rank that was sought.
        rank: u64,
    },
}
