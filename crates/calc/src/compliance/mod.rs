//! Annual compliance with China's ambient air quality standard GB 3095 (2012; 2026 transition
//! and final limits; grades I and II) and with the WHO 2021 air quality guidelines and interim
//! targets.
//!
//! Limits are data ([`limits`], [`who_2021`]) transcribed from `reference/aqi-breakpoints.toml`
//! and tested against it. The checks compare a statistic with its limit: which statistic goes
//! with which limit follows HJ 663 ([`Metric::hj663_statistic`]).
//!
//! ```
//! use renewal_calc::compliance::{check_gb3095, Grade, LimitSet, Metric};
//! let r = check_gb3095(LimitSet::Gb3095_2012, Grade::II, &[(Metric::Pm25Annual, 42.0)]).unwrap();
//! assert_eq!(r[0].limit, 35.0);
//! assert!(!r[0].pass);
//! assert!((r[0].ratio - 1.2).abs() < 1e-12);
//! ```

mod tables;
#[cfg(test)]
mod tests;

use crate::time::CivilDate;
pub use tables::{limits, who_2021, Limit, WhoGuideline};

/// A pollutant statistic that a limit applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[allow(non_camel_case_types)]
pub enum Metric {
    /// SO2 annual mean, µg/m³.
    So2Annual,
    /// SO2 24-hour, µg/m³.
    So2_24h,
    /// SO2 1-hour, µg/m³.
    So2_1h,
    /// NO2 annual mean, µg/m³.
    No2Annual,
    /// NO2 24-hour, µg/m³.
    No2_24h,
    /// NO2 1-hour, µg/m³.
    No2_1h,
    /// CO 24-hour, mg/m³.
    Co_24h,
    /// CO 1-hour, mg/m³.
    Co_1h,
    /// O3 daily maximum 8-hour mean, µg/m³.
    O3_8h,
    /// O3 1-hour, µg/m³.
    O3_1h,
    /// O3 peak season (WHO: mean of MDA8 over the six highest consecutive months), µg/m³.
    O3PeakSeason,
    /// PM10 annual mean, µg/m³.
    Pm10Annual,
    /// PM10 24-hour, µg/m³.
    Pm10_24h,
    /// PM2.5 annual mean, µg/m³.
    Pm25Annual,
    /// PM2.5 24-hour, µg/m³.
    Pm25_24h,
}

/// The statistic of a year of data compared with a limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Statistic {
    /// Annual mean of daily means.
    AnnualMean,
    /// 98th percentile of daily means.
    P98OfDailyMeans,
    /// 95th percentile of daily means.
    P95OfDailyMeans,
    /// 90th percentile of daily maximum 8-hour means.
    P90OfMda8,
    /// 99th percentile of daily values (WHO short-term guidelines: 3–4 exceedance days a year).
    P99OfDailyValues,
    /// WHO peak-season mean.
    PeakSeasonMean,
}

impl Metric {
    /// Key in `aqi-breakpoints.toml` (`pm25_annual_ugm3`, `o3_8h_max_daily_ugm3`, …) for GB 3095.
    pub fn gb3095_key(self) -> Option<&'static str> {
        Some(match self {
            Self::So2Annual => "so2_annual_ugm3",
            Self::So2_24h => "so2_24h_ugm3",
            Self::So2_1h => "so2_1h_ugm3",
            Self::No2Annual => "no2_annual_ugm3",
            Self::No2_24h => "no2_24h_ugm3",
            Self::No2_1h => "no2_1h_ugm3",
            Self::Co_24h => "co_24h_mgm3",
            Self::Co_1h => "co_1h_mgm3",
            Self::O3_8h => "o3_8h_max_daily_ugm3",
            Self::O3_1h => "o3_1h_ugm3",
            Self::Pm10Annual => "pm10_annual_ugm3",
            Self::Pm10_24h => "pm10_24h_ugm3",
            Self::Pm25Annual => "pm25_annual_ugm3",
            Self::Pm25_24h => "pm25_24h_ugm3",
            Self::O3PeakSeason => return None,
        })
    }

    /// Key in `aqi-breakpoints.toml` `[who_2021.*]`.
    pub fn who_key(self) -> Option<&'static str> {
        Some(match self {
            Self::Pm25Annual => "pm25_annual",
            Self::Pm25_24h => "pm25_24h",
            Self::Pm10Annual => "pm10_annual",
            Self::Pm10_24h => "pm10_24h",
            Self::O3PeakSeason => "o3_peak_season",
            Self::O3_8h => "o3_8h",
            Self::No2Annual => "no2_annual",
            Self::No2_24h => "no2_24h",
            Self::So2_24h => "so2_24h",
            Self::Co_24h => "co_24h",
            _ => return None,
        })
    }

    /// Whether the value is in mg/m³ (CO) rather than µg/m³.
    pub fn is_mg_m3(self) -> bool {
        matches!(self, Self::Co_24h | Self::Co_1h)
    }

    /// The HJ 663 annual statistic compared with this GB 3095 limit; `None` for 1-hour limits,
    /// which HJ 663 assesses hour by hour, not as an annual statistic.
    ///
    /// # Standard
    /// HJ 663-2013 (reference §3.4): annual mean for SO2, NO2, PM10, PM2.5; P98 of daily means for
    /// SO2, NO2; P95 for PM10, PM2.5, CO; P90 of MDA8 for O3.
    pub fn hj663_statistic(self) -> Option<Statistic> {
        Some(match self {
            Self::So2Annual | Self::No2Annual | Self::Pm10Annual | Self::Pm25Annual => {
                Statistic::AnnualMean
            }
            Self::So2_24h | Self::No2_24h => Statistic::P98OfDailyMeans,
            Self::Pm10_24h | Self::Pm25_24h | Self::Co_24h => Statistic::P95OfDailyMeans,
            Self::O3_8h => Statistic::P90OfMda8,
            Self::So2_1h | Self::No2_1h | Self::Co_1h | Self::O3_1h | Self::O3PeakSeason => {
                return None
            }
        })
    }

    /// The statistic WHO 2021 compares with this guideline.
    pub fn who_statistic(self) -> Statistic {
        match self {
            Self::So2Annual | Self::No2Annual | Self::Pm10Annual | Self::Pm25Annual => {
                Statistic::AnnualMean
            }
            Self::O3PeakSeason => Statistic::PeakSeasonMean,
            _ => Statistic::P99OfDailyValues,
        }
    }
}

impl Metric {
    /// The GB 3095 metric an HJ 663 annual statistic of `pollutant` is checked against, if any
    /// (GB 3095-2012/2026 Table 1: annual means for SO2, NO2, PM10, PM2.5; the 24-hour limits
    /// through the HJ 663 §5.2 percentiles of daily values; O3 through the 90th percentile of
    /// MDA8). The one mapping the CLI and the web app share.
    pub fn of(pollutant: crate::aqi::Pollutant, statistic: Statistic) -> Option<Self> {
        use crate::aqi::Pollutant as P;
        Some(match (pollutant, statistic) {
            (P::So2, Statistic::AnnualMean) => Self::So2Annual,
            (P::So2, Statistic::P98OfDailyMeans) => Self::So2_24h,
            (P::No2, Statistic::AnnualMean) => Self::No2Annual,
            (P::No2, Statistic::P98OfDailyMeans) => Self::No2_24h,
            (P::Pm10, Statistic::AnnualMean) => Self::Pm10Annual,
            (P::Pm10, Statistic::P95OfDailyMeans) => Self::Pm10_24h,
            (P::Pm25, Statistic::AnnualMean) => Self::Pm25Annual,
            (P::Pm25, Statistic::P95OfDailyMeans) => Self::Pm25_24h,
            (P::Co, Statistic::P95OfDailyMeans) => Self::Co_24h,
            (P::O3, Statistic::P90OfMda8) => Self::O3_8h,
            _ => return None,
        })
    }
}

/// Which GB 3095 limit values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[allow(non_camel_case_types)]
pub enum LimitSet {
    /// GB 3095-2012 (with its 2018 amendment), 2016-01-01 … 2026-02-28.
    Gb3095_2012,
    /// GB 3095-2026 transition limits, 2026-03-01 … 2030-12-31.
    Gb3095_2026Transition,
    /// GB 3095-2026 final limits, from 2031-01-01.
    Gb3095_2026Final,
}

impl LimitSet {
    /// The limits in force on `date`; `None` before GB 3095-2012 took effect nationwide
    /// (2016-01-01), since the earlier GB 3095-1996 is not tabulated here.
    ///
    /// # Standard
    /// GB 3095-2026 Foreword and §4 (transition 2026-03-01 … 2030-12-31, final from 2031-01-01).
    pub fn for_date(date: CivilDate) -> Option<Self> {
        let ymd = (date.year, date.month, date.day);
        if ymd < (2016, 1, 1) {
            None
        } else if ymd < (2026, 3, 1) {
            Some(Self::Gb3095_2012)
        } else if ymd < (2031, 1, 1) {
            Some(Self::Gb3095_2026Transition)
        } else {
            Some(Self::Gb3095_2026Final)
        }
    }
}

/// GB 3095 grade of the area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Grade {
    /// Grade I (class 1 areas: nature reserves, national parks, …).
    I,
    /// Grade II (class 2 areas: residential, commercial, industrial, rural; cities are assessed
    /// against it).
    II,
}

/// Why a compliance check could not be made.
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ComplianceError {
    /// The standard has no limit for this metric.
    #[error("{metric:?} has no limit in {set}")]
    MetricNotInStandard {
        /// The metric.
        metric: Metric,
        /// The standard.
        set: &'static str,
    },
    /// A negative value.
    #[error("{metric:?}: negative value {value}")]
    NegativeValue {
        /// The metric.
        metric: Metric,
        /// The value.
        value: f64,
    },
    /// NaN or infinite.
    #[error("{metric:?}: value is not a finite number")]
    NotFinite {
        /// The metric.
        metric: Metric,
    },
}

/// One statistic against its GB 3095 limit.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct LimitCheck {
    /// The metric.
    pub metric: Metric,
    /// The statistic HJ 663 compares with the limit (`None`: hourly limit).
    pub statistic: Option<Statistic>,
    /// The value given.
    pub value: f64,
    /// The limit.
    pub limit: f64,
    /// `value / limit`.
    pub ratio: f64,
    /// `value <= limit`.
    pub pass: bool,
}

fn validate(metric: Metric, value: f64) -> Result<(), ComplianceError> {
    if !value.is_finite() {
        return Err(ComplianceError::NotFinite { metric });
    }
    if value < 0.0 {
        return Err(ComplianceError::NegativeValue { metric, value });
    }
    Ok(())
}

fn set_name(set: LimitSet) -> &'static str {
    match set {
        LimitSet::Gb3095_2012 => "GB 3095-2012",
        LimitSet::Gb3095_2026Transition => "GB 3095-2026 (transition)",
        LimitSet::Gb3095_2026Final => "GB 3095-2026 (final)",
    }
}

/// Compare statistics with GB 3095 limits.
///
/// # Standard
/// GB 3095-2012 Table 1; GB 3095-2026 Table 1 (transition and final columns); statistics per
/// HJ 663 (reference §3.4). A statistic meets the limit when it is at most the limit.
///
/// # Formula
/// ```text
/// ratio = value / limit ; pass = value <= limit
/// ```
///
/// # Errors
/// [`ComplianceError::MetricNotInStandard`] (e.g. O3 peak season), [`ComplianceError::NegativeValue`],
/// [`ComplianceError::NotFinite`].
pub fn check_gb3095(
    set: LimitSet,
    grade: Grade,
    values: &[(Metric, f64)],
) -> Result<Vec<LimitCheck>, ComplianceError> {
    values
        .iter()
        .map(|&(metric, value)| {
            validate(metric, value)?;
            let row = limits(set).iter().find(|l| l.metric == metric).ok_or(
                ComplianceError::MetricNotInStandard {
                    metric,
                    set: set_name(set),
                },
            )?;
            let limit = match grade {
                Grade::I => row.grade_i,
                Grade::II => row.grade_ii,
            };
            Ok(LimitCheck {
                metric,
                statistic: metric.hj663_statistic(),
                value,
                limit,
                ratio: value / limit,
                pass: value <= limit,
            })
        })
        .collect()
}

/// One statistic against the WHO 2021 guideline and interim targets.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct WhoCheck {
    /// The metric.
    pub metric: Metric,
    /// The statistic WHO compares (annual mean, 99th percentile, peak season).
    pub statistic: Statistic,
    /// The value given.
    pub value: f64,
    /// The air quality guideline level.
    pub aqg: f64,
    /// `value / aqg`.
    pub ratio_to_aqg: f64,
    /// `value <= aqg`.
    pub meets_aqg: bool,
    /// The interim targets, IT-1 first (least strict).
    pub interim_targets: &'static [f64],
    /// The most stringent interim target met (1-based: 4 means IT-4), `None` if not even IT-1.
    pub best_interim_target_met: Option<u8>,
}

/// Compare statistics with the WHO 2021 guidelines.
///
/// # Standard
/// WHO global air quality guidelines 2021 (ISBN 9789240034228), summary table (reference §4).
/// Short-term guidelines are 99th percentiles of daily values.
///
/// # Formula
/// ```text
/// best IT = max { k : value <= IT_k } ; meets AQG = value <= AQG
/// ```
///
/// # Errors
/// [`ComplianceError::MetricNotInStandard`] for metrics WHO 2021 gives no guideline for
/// (1-hour values, SO2 and NO2 annual); [`ComplianceError::NegativeValue`], [`ComplianceError::NotFinite`].
pub fn check_who_2021(values: &[(Metric, f64)]) -> Result<Vec<WhoCheck>, ComplianceError> {
    values
        .iter()
        .map(|&(metric, value)| {
            validate(metric, value)?;
            let g = who_2021().iter().find(|g| g.metric == metric).ok_or(
                ComplianceError::MetricNotInStandard {
                    metric,
                    set: "WHO 2021",
                },
            )?;
            let best = g
                .interim
                .iter()
                .enumerate()
                .filter(|(_, &it)| value <= it)
                .map(|(k, _)| u8::try_from(k + 1).unwrap_or(u8::MAX))
                .max();
            Ok(WhoCheck {
                metric,
                statistic: metric.who_statistic(),
                value,
                aqg: g.aqg,
                ratio_to_aqg: value / g.aqg,
                meets_aqg: value <= g.aqg,
                interim_targets: g.interim,
                best_interim_target_met: best,
            })
        })
        .collect()
}
