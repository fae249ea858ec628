//! Resource depletion: extraction ratio, reserve-to-production years, the paper's
//! resource-depleted-city test, and when each threshold is crossed.
//!
//! # Source
//! The paper, section 3.2 (2): a city is called resource-depleted when cumulative extraction
//! has reached more than 70 % of the originally proven (measured) reserves, or when at the
//! current technology and mining capacity the remaining reserves sustain mining for 5 years or
//! less. The two thresholds are the data constant [`PAPER_CRITERION`]; no threshold is written
//! in the computing code.
//!
//! # Units
//! Reserves, cumulative extraction and annual production are in one unit of the caller's
//! choosing (Mt of coal, 10^8 m³ of gas, t of ore...). Every ratio here is unit-free and the
//! years are calendar years.
//!
//! # Projection methods
//! - Constant production: every future year produces what the last year of the series produced
//!   (the paper's "current mining capacity"). Closed form, no horizon.
//! - Production trend: ordinary least squares line `P(year) = a + b·year` through the production
//!   series on real years (gaps allowed), extrapolated year by year and floored at zero, for at
//!   most [`PROJECTION_HORIZON_YEARS`] years. OLS rather than Theil–Sen because production series
//!   are short (a handful of years) and OLS is the textbook linear trend; the dedicated `trend`
//!   module is the place for robust estimators. Under the trend, the reserve-to-production ratio
//!   of a future year is that year's remaining reserves over that year's trend production.
//!
//! A threshold is "crossed in year Y" when the state at the end of year Y satisfies it. If the
//! state at the end of the last observed year already satisfies it, the crossing is reported
//! with `already_met = true` and that year.

use std::fmt;

/// The resource-depleted-city test: both thresholds and where they come from.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DepletionCriterion {
    /// Identifier of the criterion.
    pub id: &'static str,
    /// Depleted when the extraction ratio (cumulative / original reserves) is strictly above this.
    pub extraction_ratio_above: f64,
    /// Depleted when the reserve-to-production ratio, in years, is at or below this.
    pub reserve_years_at_most: f64,
    /// Where the thresholds are stated.
    pub source: &'static str,
}

/// The paper's criterion, section 3.2 (2): "more than 70 % of the original measured total",
/// or "can only sustain mining for 5 years".
pub const PAPER_CRITERION: DepletionCriterion = DepletionCriterion {
    id: "paper_3_2_2",
    extraction_ratio_above: 0.70,
    reserve_years_at_most: 5.0,
    source: "Miao, Xiong, Feng, He, section 3.2 (2)",
};

/// How far ahead the trend projection looks before giving up, in years.
pub const PROJECTION_HORIZON_YEARS: u32 = 500;

/// Relative tolerance for checking `original = cumulative + remaining` when all three are given.
pub const RESERVE_BALANCE_TOLERANCE: f64 = 1e-6;

/// Annual production of one calendar year, in the reserves' unit.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ProductionYear {
    /// Calendar year.
    pub year: i32,
    /// Production in that year, in the reserves' unit.
    pub production: f64,
}

/// One resource as the caller knows it. Cumulative extraction and remaining reserves are as of
/// the end of the last year of `production`.
#[derive(Debug, Clone, PartialEq)]
pub struct ResourceInput {
    /// Originally proven (measured) reserves.
    pub original_reserves: f64,
    /// Cumulative extraction up to the end of the last production year.
    pub cumulative_extraction: f64,
    /// Remaining reserves, if reported separately; must then equal original − cumulative.
    pub remaining_reserves: Option<f64>,
    /// Annual production, years strictly increasing (gaps allowed).
    pub production: Vec<ProductionYear>,
}

/// Which input a value error is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub enum Field {
    /// [`ResourceInput::original_reserves`].
    OriginalReserves,
    /// [`ResourceInput::cumulative_extraction`].
    CumulativeExtraction,
    /// [`ResourceInput::remaining_reserves`].
    RemainingReserves,
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::OriginalReserves => "original reserves",
            Self::CumulativeExtraction => "cumulative extraction",
            Self::RemainingReserves => "remaining reserves",
        })
    }
}

/// Why the inputs cannot describe a real resource.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum DepletionError {
    /// A stock value is NaN or infinite.
    #[error("{field} is not a finite number ({value})")]
    NotFinite {
        /// Which value.
        field: Field,
        /// The value.
        value: f64,
    },
    /// A stock value is negative.
    #[error("{field} is negative ({value})")]
    Negative {
        /// Which value.
        field: Field,
        /// The value.
        value: f64,
    },
    /// Original reserves of zero make every ratio undefined.
    #[error("original reserves are zero")]
    ZeroReserves,
    /// More has been extracted than was ever proven.
    #[error("cumulative extraction {cumulative} exceeds the original reserves {original}")]
    ExtractionAboveReserves {
        /// Cumulative extraction.
        cumulative: f64,
        /// Original reserves.
        original: f64,
    },
    /// Remaining reserves disagree with original − cumulative.
    #[error("remaining reserves {remaining} differ from original − cumulative = {implied}")]
    RemainingMismatch {
        /// Remaining reserves as given.
        remaining: f64,
        /// Original minus cumulative.
        implied: f64,
    },
    /// No production year given.
    #[error("the production series is empty")]
    NoProduction,
    /// A production value is NaN, infinite or negative.
    #[error("production of {year} (row {index}) is not a finite non-negative number ({value})")]
    BadProduction {
        /// Position in the series (0-based).
        index: usize,
        /// Its year.
        year: i32,
        /// The value.
        value: f64,
    },
    /// Years are not strictly increasing.
    #[error("year {year} (row {index}) does not come after {previous}")]
    YearsNotIncreasing {
        /// Position in the series (0-based).
        index: usize,
        /// The year at that position.
        year: i32,
        /// The year before it.
        previous: i32,
    },
    /// The listed production alone adds up to more than the cumulative extraction.
    #[error("the production series sums to {production_sum}, more than the cumulative extraction {cumulative}")]
    CumulativeBelowProductionSum {
        /// Sum of the production series.
        production_sum: f64,
        /// Cumulative extraction as given.
        cumulative: f64,
    },
}

/// Which condition of the test fired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Condition {
    /// Extraction ratio above the threshold.
    ExtractionRatio,
    /// Reserve-to-production years at or below the threshold.
    ReserveYears,
}

/// The outcome of the depleted-city test for the last observed year.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DepletionTest {
    /// The criterion applied.
    pub criterion: DepletionCriterion,
    /// Whether either condition holds.
    pub depleted: bool,
    /// The conditions that hold, in the criterion's order.
    pub fired: Vec<Condition>,
}

/// When a threshold is first met.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Crossing {
    /// The first calendar year whose end-of-year state meets the threshold.
    pub year: i32,
    /// Years after the last observed year (0 when already met).
    pub years_ahead: u32,
    /// Whether the last observed year already meets it.
    pub already_met: bool,
}

/// A least-squares line through the production series.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct LinearTrend {
    /// Change of production per year.
    pub slope_per_year: f64,
    /// Production the line gives for the last observed year.
    pub fitted_last_year: f64,
}

/// How future production is assumed.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case", tag = "method"))]
pub enum ProjectionMethod {
    /// Every future year produces the last observed year's production.
    ConstantProduction {
        /// That production.
        production_per_year: f64,
    },
    /// Ordinary least squares line on (year, production), floored at zero.
    LinearTrend(LinearTrend),
}

/// When each threshold is crossed under one production assumption. `None` means not within
/// the projection (production zero, or beyond [`PROJECTION_HORIZON_YEARS`] for the trend).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Projection {
    /// The production assumption.
    pub assumption: ProjectionMethod,
    /// When the extraction ratio first exceeds the criterion's threshold.
    pub extraction_ratio_crossing: Option<Crossing>,
    /// When the reserve-to-production years first fall to the criterion's threshold.
    pub reserve_years_crossing: Option<Crossing>,
    /// The earlier of the two: the year the city would first count as resource-depleted.
    pub depleted_from: Option<Crossing>,
    /// When remaining reserves reach zero.
    pub exhausted: Option<Crossing>,
}

/// Everything computed for one resource.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DepletionReport {
    /// Last observed year (the year the stocks refer to).
    pub as_of_year: i32,
    /// Original reserves.
    pub original_reserves: f64,
    /// Cumulative extraction.
    pub cumulative_extraction: f64,
    /// Remaining reserves, original − cumulative.
    pub remaining_reserves: f64,
    /// Cumulative extraction / original reserves.
    pub extraction_ratio: f64,
    /// Remaining / original reserves (1 − extraction ratio).
    pub remaining_share: f64,
    /// Production of the last observed year.
    pub current_production: f64,
    /// Remaining reserves / current production, in years; `None` when production is zero.
    pub reserve_to_production_years: Option<f64>,
    /// The paper's test on the last observed year.
    pub test: DepletionTest,
    /// Projection at constant production.
    pub constant_production: Projection,
    /// Projection under the linear production trend; `None` with fewer than two production years.
    pub production_trend: Option<Projection>,
}

fn check_stock(field: Field, value: f64) -> Result<f64, DepletionError> {
    if !value.is_finite() {
        return Err(DepletionError::NotFinite { field, value });
    }
    if value < 0.0 {
        return Err(DepletionError::Negative { field, value });
    }
    Ok(value)
}

fn validate_production(production: &[ProductionYear]) -> Result<(), DepletionError> {
    if production.is_empty() {
        return Err(DepletionError::NoProduction);
    }
    let mut previous: Option<i32> = None;
    for (index, p) in production.iter().enumerate() {
        if !p.production.is_finite() || p.production < 0.0 {
            return Err(DepletionError::BadProduction {
                index,
                year: p.year,
                value: p.production,
            });
        }
        if let Some(prev) = previous {
            if p.year <= prev {
                return Err(DepletionError::YearsNotIncreasing {
                    index,
                    year: p.year,
                    previous: prev,
                });
            }
        }
        previous = Some(p.year);
    }
    Ok(())
}

/// Ordinary least squares on (year, production), centred on the mean year.
///
/// # Formula
/// ```text
/// b = Σ (t - t̄)(P - P̄) / Σ (t - t̄)²,   P(t) = P̄ + b (t - t̄)
/// ```
/// `None` with fewer than two points (the years are distinct, so Σ (t - t̄)² > 0 otherwise).
fn ols(production: &[ProductionYear]) -> Option<(f64, f64, f64)> {
    if production.len() < 2 {
        return None;
    }
    let n = production.len() as f64;
    let t_mean = production.iter().map(|p| f64::from(p.year)).sum::<f64>() / n;
    let p_mean = production.iter().map(|p| p.production).sum::<f64>() / n;
    let (mut sxy, mut sxx) = (0.0, 0.0);
    for p in production {
        let dt = f64::from(p.year) - t_mean;
        sxy += dt * (p.production - p_mean);
        sxx += dt * dt;
    }
    Some((sxy / sxx, t_mean, p_mean))
}

/// The resource's ratios, the paper's test and both projections.
///
/// # Formula
/// ```text
/// remaining         = original − cumulative
/// extraction ratio  = cumulative / original
/// R/P years         = remaining / production(last year)
/// depleted          = extraction ratio > 0.70  or  R/P <= 5      (paper 3.2 (2))
/// constant production P > 0, cumulative C, original R0, remaining Rem, j years ahead:
///   ratio crossing  j = 0 if C > 0.7 R0, else floor((0.7 R0 − C) / P) + 1
///   R/P crossing    j = max(0, ceil(Rem / P − 5))
///   exhausted       j = ceil(Rem / P)
/// ```
///
/// # Errors
/// Non-finite or negative stocks, zero original reserves, cumulative above original, a
/// remaining value that disagrees with original − cumulative (relative
/// [`RESERVE_BALANCE_TOLERANCE`]), an empty or badly ordered production series, negative
/// production, or listed production summing to more than the cumulative extraction.
///
/// # Edge cases
/// Zero current production: R/P is `None` (infinite), the R/P condition does not fire, and the
/// constant-production projection crosses nothing that is not already met. A single production
/// year: no trend projection.
///
/// ```
/// use renewal_calc::depletion::{assess, ProductionYear, ResourceInput, PAPER_CRITERION};
/// let r = assess(
///     &ResourceInput {
///         original_reserves: 1000.0,
///         cumulative_extraction: 600.0,
///         remaining_reserves: None,
///         production: vec![ProductionYear { year: 2020, production: 50.0 }],
///     },
///     &PAPER_CRITERION,
/// )
/// .unwrap();
/// assert_eq!(r.extraction_ratio, 0.6);
/// assert_eq!(r.reserve_to_production_years, Some(8.0));
/// assert!(!r.test.depleted);
/// // 700 is exceeded after 3 more years (750 > 700): 2023.
/// assert_eq!(r.constant_production.extraction_ratio_crossing.unwrap().year, 2023);
/// ```
pub fn assess(
    input: &ResourceInput,
    criterion: &DepletionCriterion,
) -> Result<DepletionReport, DepletionError> {
    let original = check_stock(Field::OriginalReserves, input.original_reserves)?;
    let cumulative = check_stock(Field::CumulativeExtraction, input.cumulative_extraction)?;
    if original == 0.0 {
        return Err(DepletionError::ZeroReserves);
    }
    if cumulative > original {
        return Err(DepletionError::ExtractionAboveReserves {
            cumulative,
            original,
        });
    }
    let implied = original - cumulative;
    if let Some(remaining) = input.remaining_reserves {
        let remaining = check_stock(Field::RemainingReserves, remaining)?;
        if (remaining - implied).abs() > RESERVE_BALANCE_TOLERANCE * original {
            return Err(DepletionError::RemainingMismatch { remaining, implied });
        }
    }
    validate_production(&input.production)?;
    let production_sum: f64 = input.production.iter().map(|p| p.production).sum();
    if production_sum > cumulative * (1.0 + RESERVE_BALANCE_TOLERANCE) {
        return Err(DepletionError::CumulativeBelowProductionSum {
            production_sum,
            cumulative,
        });
    }
    let Some(last) = input.production.last() else {
        return Err(DepletionError::NoProduction);
    };
    let as_of_year = last.year;
    let current = last.production;
    let remaining = implied;
    let extraction_ratio = cumulative / original;
    let rp = (current > 0.0).then(|| remaining / current);

    let ratio_fired = extraction_ratio > criterion.extraction_ratio_above;
    let rp_fired = rp.is_some_and(|y| y <= criterion.reserve_years_at_most);
    let mut fired = Vec::new();
    if ratio_fired {
        fired.push(Condition::ExtractionRatio);
    }
    if rp_fired {
        fired.push(Condition::ReserveYears);
    }

    let state = State {
        as_of_year,
        original,
        cumulative,
    };
    let constant = state.constant(current, criterion);
    let trend = ols(&input.production).map(|(slope, t_mean, p_mean)| {
        let at = |year: i32| (p_mean + slope * (f64::from(year) - t_mean)).max(0.0);
        state.simulate(
            ProjectionMethod::LinearTrend(LinearTrend {
                slope_per_year: slope,
                fitted_last_year: p_mean + slope * (f64::from(as_of_year) - t_mean),
            }),
            criterion,
            current,
            at,
        )
    });

    Ok(DepletionReport {
        as_of_year,
        original_reserves: original,
        cumulative_extraction: cumulative,
        remaining_reserves: remaining,
        extraction_ratio,
        remaining_share: remaining / original,
        current_production: current,
        reserve_to_production_years: rp,
        test: DepletionTest {
            criterion: *criterion,
            depleted: ratio_fired || rp_fired,
            fired,
        },
        constant_production: constant,
        production_trend: trend,
    })
}

struct State {
    as_of_year: i32,
    original: f64,
    cumulative: f64,
}

fn crossing(as_of_year: i32, years_ahead: u32) -> Crossing {
    Crossing {
        year: as_of_year.saturating_add_unsigned(years_ahead),
        years_ahead,
        already_met: years_ahead == 0,
    }
}

fn earlier(a: Option<Crossing>, b: Option<Crossing>) -> Option<Crossing> {
    match (a, b) {
        (Some(x), Some(y)) => Some(if y.years_ahead < x.years_ahead { y } else { x }),
        (x, None) => x,
        (None, y) => y,
    }
}

/// Converts a non-negative whole number of years to `u32`; `None` when out of range.
fn whole_years(j: f64) -> Option<u32> {
    (j.is_finite() && (0.0..=f64::from(u32::MAX)).contains(&j)).then_some(j as u32)
}

impl State {
    fn remaining(&self) -> f64 {
        self.original - self.cumulative
    }

    fn constant(&self, p: f64, c: &DepletionCriterion) -> Projection {
        let method = ProjectionMethod::ConstantProduction {
            production_per_year: p,
        };
        let limit = c.extraction_ratio_above * self.original;
        let ratio_now = self.cumulative > limit;
        let rem = self.remaining();
        let (ratio, rp, exhausted) = if p > 0.0 {
            let ratio = if ratio_now {
                Some(0)
            } else {
                whole_years(((limit - self.cumulative) / p).floor() + 1.0)
            };
            let rp = whole_years((rem / p - c.reserve_years_at_most).ceil().max(0.0));
            let exhausted = whole_years((rem / p).ceil());
            (ratio, rp, exhausted)
        } else {
            (ratio_now.then_some(0), None, (rem <= 0.0).then_some(0))
        };
        let ratio = ratio.map(|j| crossing(self.as_of_year, j));
        let rp = rp.map(|j| crossing(self.as_of_year, j));
        Projection {
            assumption: method,
            extraction_ratio_crossing: ratio,
            reserve_years_crossing: rp,
            depleted_from: earlier(ratio, rp),
            exhausted: exhausted.map(|j| crossing(self.as_of_year, j)),
        }
    }

    /// Year-by-year projection with production `at(year)` (already floored at zero) for the
    /// future years and the observed `current` production for the last observed year.
    fn simulate(
        &self,
        method: ProjectionMethod,
        c: &DepletionCriterion,
        current: f64,
        at: impl Fn(i32) -> f64,
    ) -> Projection {
        let limit = c.extraction_ratio_above * self.original;
        let rp_met = |remaining: f64, p: f64| p > 0.0 && remaining / p <= c.reserve_years_at_most;
        let mut cumulative = self.cumulative;
        let mut ratio = (cumulative > limit).then_some(0u32);
        // The last observed year uses its observed production, as the test does; the trend only
        // drives the future years.
        let mut rp = rp_met(self.remaining(), current).then_some(0u32);
        let mut exhausted = (self.remaining() <= 0.0).then_some(0u32);
        for j in 1..=PROJECTION_HORIZON_YEARS {
            if ratio.is_some() && rp.is_some() && exhausted.is_some() {
                break;
            }
            let year = self.as_of_year.saturating_add_unsigned(j);
            let p = at(year);
            cumulative = (cumulative + p).min(self.original);
            let remaining = self.original - cumulative;
            if ratio.is_none() && cumulative > limit {
                ratio = Some(j);
            }
            if rp.is_none() && rp_met(remaining, p) {
                rp = Some(j);
            }
            if exhausted.is_none() && remaining <= 0.0 {
                exhausted = Some(j);
            }
        }
        let ratio = ratio.map(|j| crossing(self.as_of_year, j));
        let rp = rp.map(|j| crossing(self.as_of_year, j));
        Projection {
            assumption: method,
            extraction_ratio_crossing: ratio,
            reserve_years_crossing: rp,
            depleted_from: earlier(ratio, rp),
            exhausted: exhausted.map(|j| crossing(self.as_of_year, j)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn series(points: &[(i32, f64)]) -> Vec<ProductionYear> {
        points
            .iter()
            .map(|&(year, production)| ProductionYear { year, production })
            .collect()
    }

    fn input(original: f64, cumulative: f64, points: &[(i32, f64)]) -> ResourceInput {
        ResourceInput {
            original_reserves: original,
            cumulative_extraction: cumulative,
            remaining_reserves: None,
            production: series(points),
        }
    }

    fn check(input: &ResourceInput) -> DepletionReport {
        match assess(input, &PAPER_CRITERION) {
            Ok(r) => r,
            Err(e) => panic!("unexpected error {e}"),
        }
    }

    fn err(input: &ResourceInput) -> DepletionError {
        match assess(input, &PAPER_CRITERION) {
            Ok(r) => panic!("expected an error, got {r:?}"),
            Err(e) => e,
        }
    }

    #[test]
    fn criterion_is_the_papers_70_percent_or_5_years() {
        assert_eq!(PAPER_CRITERION.extraction_ratio_above, 0.70);
        assert_eq!(PAPER_CRITERION.reserve_years_at_most, 5.0);
        assert!(PAPER_CRITERION.source.contains("3.2 (2)"));
    }

    #[test]
    fn ratio_condition_fires_alone_above_70_percent() {
        // 750 of 1000 extracted: ratio 0.75 > 0.70; remaining 250 at 10/yr = 25 years > 5.
        let r = check(&input(1000.0, 750.0, &[(2019, 10.0), (2020, 10.0)]));
        assert_eq!(r.extraction_ratio, 0.75);
        assert_eq!(r.remaining_share, 0.25);
        assert_eq!(r.reserve_to_production_years, Some(25.0));
        assert!(r.test.depleted);
        assert_eq!(r.test.fired, vec![Condition::ExtractionRatio]);
        let c = r.constant_production.extraction_ratio_crossing.unwrap();
        assert_eq!((c.year, c.years_ahead, c.already_met), (2020, 0, true));
        // R/P <= 5 when remaining <= 50: 250 - 10 j <= 50 -> j = 20 -> 2040.
        assert_eq!(
            r.constant_production.reserve_years_crossing.unwrap().year,
            2040
        );
        // Exhausted after 25 years.
        assert_eq!(r.constant_production.exhausted.unwrap().year, 2045);
    }

    #[test]
    fn reserve_years_condition_fires_alone_at_exactly_5_years() {
        // 500 of 1000 extracted (0.5, not > 0.7); remaining 500 at 100/yr = 5.0 years <= 5.
        let r = check(&input(1000.0, 500.0, &[(2020, 100.0)]));
        assert_eq!(r.reserve_to_production_years, Some(5.0));
        assert_eq!(r.test.fired, vec![Condition::ReserveYears]);
        // Ratio: 700 exceeded when 500 + 100 j > 700 -> j = floor(2) + 1 = 3 -> 2023.
        let c = r.constant_production.extraction_ratio_crossing.unwrap();
        assert_eq!((c.year, c.already_met), (2023, false));
        assert_eq!(r.constant_production.depleted_from.unwrap().year, 2020);
        // One production year: no trend.
        assert!(r.production_trend.is_none());
    }

    #[test]
    fn exactly_70_percent_is_not_above_70_percent() {
        let r = check(&input(1000.0, 700.0, &[(2020, 10.0)]));
        assert!(!r.test.depleted);
        // 700 + 10 j > 700 -> j = floor(0) + 1 = 1.
        assert_eq!(
            r.constant_production
                .extraction_ratio_crossing
                .unwrap()
                .years_ahead,
            1
        );
    }

    #[test]
    fn trend_projection_uses_least_squares_on_real_years() {
        // Production 10, 20, 30 in 2018..2020: slope 10/yr, fitted 2020 = 30.
        // Original 1000, cumulative 400 (>= 60 listed). Future: 2021 40, 2022 50, 2023 60...
        // Cumulative: 440, 490, 550, 620, 700, 790 -> first > 700 in 2026 (j = 6).
        // R/P: end 2021 remaining 560 / 40 = 14; 2022 510/50 = 10.2; 2023 450/60 = 7.5;
        // 2024 380/70 = 5.43; 2025 300/80 = 3.75 <= 5 -> 2025 (j = 5).
        let r = check(&input(
            1000.0,
            400.0,
            &[(2018, 10.0), (2019, 20.0), (2020, 30.0)],
        ));
        let t = r.production_trend.unwrap();
        match t.assumption {
            ProjectionMethod::LinearTrend(l) => {
                assert!((l.slope_per_year - 10.0).abs() < 1e-12);
                assert!((l.fitted_last_year - 30.0).abs() < 1e-12);
            }
            other => panic!("unexpected method {other:?}"),
        }
        assert_eq!(t.extraction_ratio_crossing.unwrap().year, 2026);
        assert_eq!(t.reserve_years_crossing.unwrap().year, 2025);
        assert_eq!(t.depleted_from.unwrap().year, 2025);
        // Constant 30/yr: ratio j = floor(300/30) + 1 = 11 -> 2031; R/P: ceil(600/30 - 5) = 15.
        assert_eq!(
            r.constant_production
                .extraction_ratio_crossing
                .unwrap()
                .year,
            2031
        );
        assert_eq!(
            r.constant_production.reserve_years_crossing.unwrap().year,
            2035
        );
    }

    #[test]
    fn declining_trend_that_reaches_zero_never_crosses() {
        // 30, 20, 10 in 2018..2020: zero from 2021 on; 100 of 1000 extracted.
        let r = check(&input(
            1000.0,
            100.0,
            &[(2018, 30.0), (2019, 20.0), (2020, 10.0)],
        ));
        let t = r.production_trend.unwrap();
        assert_eq!(t.extraction_ratio_crossing, None);
        assert_eq!(t.reserve_years_crossing, None);
        assert_eq!(t.depleted_from, None);
    }

    #[test]
    fn trend_projection_starts_from_the_observed_last_year() {
        // 50, 50, 5 (2018-2020): OLS mean 35, slope -22.5, fitted 2020 = 12.5, zero from 2021.
        // Remaining 50: observed R/P 50 / 5 = 10 (> 5, not fired); the fitted 50 / 12.5 = 4 must
        // not count as "already met"; afterwards production is zero, so never.
        let r = check(&input(
            200.0,
            150.0,
            &[(2018, 50.0), (2019, 50.0), (2020, 5.0)],
        ));
        assert_eq!(r.reserve_to_production_years, Some(10.0));
        assert_eq!(r.test.fired, vec![Condition::ExtractionRatio]);
        let t = r.production_trend.unwrap();
        assert_eq!(t.reserve_years_crossing, None);
        assert!(t.extraction_ratio_crossing.unwrap().already_met);
    }

    #[test]
    fn zero_production_has_no_reserve_years() {
        let r = check(&input(1000.0, 100.0, &[(2020, 0.0)]));
        assert_eq!(r.reserve_to_production_years, None);
        assert!(!r.test.depleted);
        assert_eq!(r.constant_production.extraction_ratio_crossing, None);
    }

    #[test]
    fn inconsistent_inputs_are_errors_with_the_values() {
        assert_eq!(
            err(&input(100.0, 120.0, &[(2020, 1.0)])),
            DepletionError::ExtractionAboveReserves {
                cumulative: 120.0,
                original: 100.0
            }
        );
        assert_eq!(
            err(&input(-1.0, 0.0, &[(2020, 1.0)])),
            DepletionError::Negative {
                field: Field::OriginalReserves,
                value: -1.0
            }
        );
        assert_eq!(
            err(&input(0.0, 0.0, &[(2020, 1.0)])),
            DepletionError::ZeroReserves
        );
        assert!(matches!(
            err(&input(f64::NAN, 0.0, &[(2020, 1.0)])),
            DepletionError::NotFinite { .. }
        ));
        assert_eq!(err(&input(100.0, 10.0, &[])), DepletionError::NoProduction);
        assert_eq!(
            err(&input(100.0, 10.0, &[(2020, 1.0), (2019, 1.0)])),
            DepletionError::YearsNotIncreasing {
                index: 1,
                year: 2019,
                previous: 2020
            }
        );
        assert_eq!(
            err(&input(100.0, 10.0, &[(2020, -1.0)])),
            DepletionError::BadProduction {
                index: 0,
                year: 2020,
                value: -1.0
            }
        );
        assert_eq!(
            err(&input(100.0, 10.0, &[(2019, 6.0), (2020, 6.0)])),
            DepletionError::CumulativeBelowProductionSum {
                production_sum: 12.0,
                cumulative: 10.0
            }
        );
        let mut bad = input(100.0, 10.0, &[(2020, 1.0)]);
        bad.remaining_reserves = Some(80.0);
        assert_eq!(
            err(&bad),
            DepletionError::RemainingMismatch {
                remaining: 80.0,
                implied: 90.0
            }
        );
        bad.remaining_reserves = Some(90.0);
        assert!(assess(&bad, &PAPER_CRITERION).is_ok());
    }

    proptest! {
        #[test]
        fn extraction_ratio_and_remaining_share_sum_to_one(
            original in 1e-3f64..1e9,
            frac in 0.0f64..=1.0,
            p in 0.0f64..1e6,
        ) {
            let cumulative = original * frac;
            let inp = ResourceInput {
                original_reserves: original,
                cumulative_extraction: cumulative,
                remaining_reserves: None,
                production: vec![ProductionYear { year: 2020, production: p.min(cumulative) }],
            };
            let r = assess(&inp, &PAPER_CRITERION).unwrap();
            prop_assert!((r.extraction_ratio + r.remaining_share - 1.0).abs() < 1e-12);
            prop_assert!((0.0..=1.0).contains(&r.extraction_ratio));
            prop_assert_eq!(r.test.depleted, !r.test.fired.is_empty());
        }

        #[test]
        fn projections_already_met_agree_with_the_test(
            original in 1.0f64..1e6,
            frac in 0.0f64..=1.0,
            p in proptest::collection::vec(0.0f64..1e3, 1..6),
        ) {
            let cumulative = original * frac;
            let sum: f64 = p.iter().sum();
            prop_assume!(sum <= cumulative);
            let production = p.iter().enumerate()
                .map(|(i, &v)| ProductionYear { year: 2000 + i as i32, production: v })
                .collect();
            let inp = ResourceInput {
                original_reserves: original,
                cumulative_extraction: cumulative,
                remaining_reserves: None,
                production,
            };
            let r = assess(&inp, &PAPER_CRITERION).unwrap();
            let ratio = r.test.fired.contains(&Condition::ExtractionRatio);
            let rp = r.test.fired.contains(&Condition::ReserveYears);
            let mut projections = vec![r.constant_production.clone()];
            projections.extend(r.production_trend.clone());
            for proj in projections {
                let met = |c: Option<Crossing>| c.is_some_and(|c| c.already_met);
                prop_assert_eq!(met(proj.extraction_ratio_crossing), ratio);
                prop_assert_eq!(met(proj.reserve_years_crossing), rp);
                prop_assert_eq!(met(proj.depleted_from), r.test.depleted);
            }
        }

        #[test]
        fn flat_trend_agrees_with_constant_production(
            original in 100.0f64..1e6,
            frac in 0.0f64..0.99,
            p in 1.0f64..100.0,
        ) {
            // A flat series: the trend is the constant; the closed form and the simulation
            // must give the same crossings (when within the horizon).
            let cumulative = original * frac;
            prop_assume!(cumulative >= 2.0 * p);
            let inp = ResourceInput {
                original_reserves: original,
                cumulative_extraction: cumulative,
                remaining_reserves: None,
                production: vec![
                    ProductionYear { year: 2019, production: p },
                    ProductionYear { year: 2020, production: p },
                ],
            };
            let r = assess(&inp, &PAPER_CRITERION).unwrap();
            let t = r.production_trend.unwrap();
            let c = r.constant_production;
            let within = |x: &Option<Crossing>| x.is_some_and(|x| x.years_ahead < PROJECTION_HORIZON_YEARS - 1);
            if within(&c.extraction_ratio_crossing) {
                prop_assert_eq!(t.extraction_ratio_crossing, c.extraction_ratio_crossing);
            }
            if within(&c.depleted_from) {
                prop_assert_eq!(t.depleted_from.map(|x| x.years_ahead), c.depleted_from.map(|x| x.years_ahead));
            }
        }
    }
}
