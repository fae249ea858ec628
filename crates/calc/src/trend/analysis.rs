//! Every trend statistic of one series, with explicit outcomes for what could not be computed.

use super::autocorrelation::{hamed_rao, yue_wang, AutocorrelationCorrection, VarianceMethod};
use super::change::{change, Change};
use super::mann_kendall::{check_alpha, mann_kendall, MannKendall, TrendDirection};
use super::progress::{progress, Direction, Progress, ProgressStatus, Target};
use super::series::{SeriesSummary, TimeSeries};
use super::slope_selection::SlopeAlgorithm;
use super::theil_sen::{theil_sen, TheilSen};
use super::TrendError;

/// Options of [`analyse`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AnalysisOptions {
    /// Significance level of the Mann–Kendall test (default 0.05).
    pub alpha: f64,
    /// Confidence level of the Sen slope interval (default 0.95).
    pub confidence: f64,
    /// Variance of S: original, Hamed–Rao or Yue–Wang (default original).
    pub method: VarianceMethod,
    /// Largest autocorrelation lag for Hamed–Rao / Yue–Wang (`None`: all, as pyMannKendall).
    pub lag: Option<usize>,
    /// Base time for change, CAGR and progress (default: the first present observation).
    pub base_time: Option<f64>,
    /// Which way is better (default higher).
    pub direction: Direction,
    /// Target for the Open SDG progress status.
    pub target: Option<Target>,
    /// How Sen's slope is selected.
    pub slope_algorithm: SlopeAlgorithm,
}

impl Default for AnalysisOptions {
    fn default() -> Self {
        Self {
            alpha: 0.05,
            confidence: 0.95,
            method: VarianceMethod::Original,
            lag: None,
            base_time: None,
            direction: Direction::HigherIsBetter,
            target: None,
            slope_algorithm: SlopeAlgorithm::default(),
        }
    }
}

/// A statistic of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Statistic {
    /// Change and CAGR.
    Change,
    /// Mann–Kendall test (with its variance correction).
    MannKendall,
    /// Theil–Sen slope.
    TheilSen,
    /// Open SDG progress status.
    Progress,
}

/// A statistic that could not be computed, and why.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Unavailable {
    /// Which statistic.
    pub statistic: Statistic,
    /// Why.
    pub reason: TrendError,
}

/// Whether the series moved the better or the worse way (by the sign of Sen's slope).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Movement {
    /// Sen's slope points the better way.
    Improving,
    /// Sen's slope points the worse way.
    Worsening,
    /// Sen's slope is 0.
    Unchanged,
}

/// The headline: direction of movement, its significance, and the progress status, so a UI can
/// say "improving, statistically significant (p = 0.01), on track".
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TrendSummary {
    /// Movement by Sen's slope and the direction; `None` below 2 points.
    pub movement: Option<Movement>,
    /// Whether the Mann–Kendall test is significant at alpha; `None` below 4 points.
    pub significant: Option<bool>,
    /// The two-sided p-value.
    pub p: Option<f64>,
    /// The significance level.
    pub alpha: f64,
    /// Open SDG progress status.
    pub status: Option<ProgressStatus>,
}

/// Everything [`analyse`] computed.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct TrendReport {
    /// Counts, missing values and absent years.
    pub series: SeriesSummary,
    /// The Mann–Kendall test (variance corrected when a variant was asked for).
    pub mann_kendall: Option<MannKendall>,
    /// The variance correction, for Hamed–Rao and Yue–Wang.
    pub correction: Option<AutocorrelationCorrection>,
    /// Sen's slope and interval.
    pub theil_sen: Option<TheilSen>,
    /// Change and CAGR from the base.
    pub change: Option<Change>,
    /// Open SDG progress.
    pub progress: Option<Progress>,
    /// The headline.
    pub summary: TrendSummary,
    /// What could not be computed, with the reason (for example fewer than 4 points).
    pub unavailable: Vec<Unavailable>,
}

/// Change, Mann–Kendall (with the chosen variance), Theil–Sen and Open SDG progress of a series.
///
/// # Errors
/// Only for bad options: [`TrendError::InvalidAlpha`], [`TrendError::InvalidConfidence`].
/// Statistics that the data cannot support (too few points, zero base, …) are listed in
/// [`TrendReport::unavailable`] with the reason.
pub fn analyse(series: &TimeSeries, options: &AnalysisOptions) -> Result<TrendReport, TrendError> {
    check_alpha(options.alpha)?;
    if !(options.confidence > 0.0 && options.confidence < 1.0) {
        return Err(TrendError::InvalidConfidence {
            confidence: options.confidence,
        });
    }
    let times = series.times();
    let values = series.values();
    let mut unavailable = Vec::new();

    let sen = keep_or_record(
        &mut unavailable,
        Statistic::TheilSen,
        theil_sen(&times, &values, options.confidence, options.slope_algorithm),
    );
    let mk = match (options.method, sen) {
        (VarianceMethod::Original, _) => keep_or_record(
            &mut unavailable,
            Statistic::MannKendall,
            mann_kendall(&values, options.alpha),
        )
        .map(|m| (m, None)),
        (VarianceMethod::HamedRao | VarianceMethod::YueWang, None) => keep_or_record(
            &mut unavailable,
            Statistic::MannKendall,
            Err(TrendError::TooFewPoints {
                needed: super::MIN_POINTS,
                got: values.len(),
            }),
        ),
        (method, Some(sen)) => {
            let corrected = if method == VarianceMethod::HamedRao {
                hamed_rao(
                    &times,
                    &values,
                    sen.slope_per_year,
                    options.alpha,
                    options.lag,
                )
            } else {
                yue_wang(
                    &times,
                    &values,
                    sen.slope_per_year,
                    options.alpha,
                    options.lag,
                )
            };
            keep_or_record(&mut unavailable, Statistic::MannKendall, corrected)
                .map(|(m, c)| (m, Some(c)))
        }
    };
    let change = keep_or_record(
        &mut unavailable,
        Statistic::Change,
        change(series, options.base_time),
    );
    let progress = match change {
        Some(c) => keep_or_record(
            &mut unavailable,
            Statistic::Progress,
            progress(
                super::Observation {
                    time_years: c.base_time,
                    value: c.base_value,
                },
                super::Observation {
                    time_years: c.current_time,
                    value: c.current_value,
                },
                options.direction,
                options.target,
            ),
        ),
        None => None,
    };
    let movement = sen.map(|s| {
        let better = match options.direction {
            Direction::HigherIsBetter => s.slope_per_year,
            Direction::LowerIsBetter => -s.slope_per_year,
        };
        if better > 0.0 {
            Movement::Improving
        } else if better < 0.0 {
            Movement::Worsening
        } else {
            Movement::Unchanged
        }
    });
    let (mann_kendall, correction) = match mk {
        Some((m, c)) => (Some(m), c),
        None => (None, None),
    };
    Ok(TrendReport {
        series: series.summary(),
        summary: TrendSummary {
            movement,
            significant: mann_kendall.map(|m| m.h),
            p: mann_kendall.map(|m| m.p),
            alpha: options.alpha,
            status: progress.map(|p| p.status),
        },
        mann_kendall,
        correction,
        theil_sen: sen,
        change,
        progress,
        unavailable,
    })
}

fn keep_or_record<T>(
    unavailable: &mut Vec<Unavailable>,
    statistic: Statistic,
    result: Result<T, TrendError>,
) -> Option<T> {
    match result {
        Ok(v) => Some(v),
        Err(reason) => {
            unavailable.push(Unavailable { statistic, reason });
            None
        }
    }
}

impl TrendReport {
    /// The Mann–Kendall decision, if the test ran.
    pub fn trend(&self) -> Option<TrendDirection> {
        self.mann_kendall.map(|m| m.trend)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn analyse_never_panics_and_keeps_p_in_range(
            start in 1950i32..2020,
            steps in prop::collection::vec(
                (1i32..3, prop::option::weighted(0.8, -1e6f64..1e6)), 0..40),
            alpha in 0.001f64..0.5,
            method in 0usize..3,
            lower in any::<bool>(),
            target in prop::option::of((-100.0f64..100.0, 2000.0f64..2060.0)),
        ) {
            let mut year = start;
            let rows: Vec<(i32, Option<f64>)> = steps
                .iter()
                .map(|&(gap, v)| {
                    year += gap;
                    (year, v)
                })
                .collect();
            let series = TimeSeries::yearly(&rows).unwrap();
            let options = AnalysisOptions {
                alpha,
                method: [
                    VarianceMethod::Original,
                    VarianceMethod::HamedRao,
                    VarianceMethod::YueWang,
                ][method],
                direction: if lower { Direction::LowerIsBetter } else { Direction::HigherIsBetter },
                target: target.map(|(value, year)| Target { value, year }),
                ..AnalysisOptions::default()
            };
            let report = analyse(&series, &options).unwrap();
            if let Some(mk) = report.mann_kendall {
                prop_assert!((0.0..=1.0).contains(&mk.p));
                prop_assert!(series.len() >= super::super::MIN_POINTS);
            } else {
                prop_assert!(report
                    .unavailable
                    .iter()
                    .any(|u| u.statistic == Statistic::MannKendall));
            }
            if let Some(ts) = report.theil_sen {
                let ci = ts.interval.unwrap();
                prop_assert!(ci.lower <= ts.slope_per_year && ts.slope_per_year <= ci.upper);
            }
        }
    }

    #[test]
    fn three_points_give_change_and_slope_but_no_test() {
        let s =
            TimeSeries::yearly(&[(2015, Some(1.0)), (2016, Some(2.0)), (2017, Some(4.0))]).unwrap();
        let r = analyse(&s, &AnalysisOptions::default()).unwrap();
        assert!(r.mann_kendall.is_none());
        assert_eq!(
            r.unavailable,
            vec![Unavailable {
                statistic: Statistic::MannKendall,
                reason: TrendError::TooFewPoints { needed: 4, got: 3 }
            }]
        );
        assert_eq!(r.summary.movement, Some(Movement::Improving));
        assert_eq!(r.summary.significant, None);
        assert!((r.change.unwrap().cagr.unwrap() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn lower_is_better_falling_series_is_improving_and_significant() {
        let rows: Vec<(i32, Option<f64>)> = (0..12)
            .map(|i| (2010 + i, Some(80.0 - 3.0 * f64::from(i))))
            .collect();
        let s = TimeSeries::yearly(&rows).unwrap();
        let options = AnalysisOptions {
            direction: Direction::LowerIsBetter,
            ..AnalysisOptions::default()
        };
        let r = analyse(&s, &options).unwrap();
        assert_eq!(r.summary.movement, Some(Movement::Improving));
        assert_eq!(r.summary.significant, Some(true));
        assert_eq!(r.trend(), Some(TrendDirection::Decreasing));
        assert_eq!(r.mann_kendall.unwrap().s, -66);
    }
}
