//! HJ 663 statistics of one city or station: daily means, O3 8-hour means and MDA8, daily AQI
//! (HJ 633), good-days ratio, days per category, and the annual statistics (annual means and
//! P98/P95/P90) with their data-validity rules.
//!
//! Statistics that do not meet the validity rules are returned as invalid with the reason
//! ([`Invalid`]), never computed from too little data.
//!
//! Hourly data are labelled by the hour they **start** (`CivilHour { hour: 0 }` is 00:00–01:00).
//! Chinese platforms often label by the hour that ends; shift such data by one hour first.
//!
//! ```
//! use renewal_calc::air_statistics::{daily_means, HourlyValue, HJ663};
//! use renewal_calc::time::CivilHour;
//! let hours: Vec<HourlyValue> = (0..20)
//!     .map(|h| HourlyValue { hour: CivilHour::new(2024, 1, 1, h).unwrap(), concentration: 10.0 })
//!     .collect();
//! let days = daily_means(&hours, &HJ663).unwrap();
//! assert_eq!(days[0].value, Some(10.0)); // 20 hours: valid
//! ```

mod evaluate;
mod percentile;
#[cfg(test)]
mod tests;

pub use evaluate::{
    evaluate_daily, evaluate_hourly, AnnualStatistic, CategoryCount, DayIndicator, DayReport,
    Evaluation, Options, YearReport, HJ663_ANNUAL_STATISTICS,
};
pub use percentile::percentile;

use crate::time::{days_in_month, CivilDate, CivilHour};

/// Hourly values sorted by hours since the epoch. A sorted `Vec` with binary-searched ranges
/// rather than a `BTreeMap`: the statistics only ever read contiguous hour ranges, and on a year
/// of hourly data this halves `renewal air-annual`'s time (BENCHMARKS.md).
struct HourMap(Vec<(i64, f64)>);

impl HourMap {
    fn keys_first_last(&self) -> Option<(i64, i64)> {
        Some((self.0.first()?.0, self.0.last()?.0))
    }
}

/// The data-validity thresholds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ValidityRules {
    /// Hourly values needed for a daily mean.
    pub min_hours_per_day: usize,
    /// Hourly values needed in an 8-hour window.
    pub min_hours_per_8h_window: usize,
    /// Start hours (inclusive) of the 8-hour windows of a day that enter MDA8: windows ending
    /// 08:00 … 24:00, i.e. starting 00:00 … 16:00.
    pub mda8_window_starts: (u8, u8),
    /// Valid 8-hour windows needed for a valid MDA8 (fewer: valid only if above the limit).
    pub min_windows_per_day: usize,
    /// Valid daily values needed in a year.
    pub min_days_per_year: usize,
    /// Valid daily values needed in each month except February.
    pub min_days_per_month: usize,
    /// Valid daily values needed in February.
    pub min_days_in_february: usize,
}

/// GB 3095-2012/2026 Table 4: a daily mean needs at least 20 hourly values, an 8-hour mean at
/// least 6, an annual mean at least 324 daily values with at least 27 in each month (25 in
/// February). HJ 663 §6.1.2 as quoted by secondary sources: MDA8 over the windows ending
/// 08:00–24:00 with at least 14 valid windows (reference §3.3, confidence medium).
pub const HJ663: ValidityRules = ValidityRules {
    min_hours_per_day: 20,
    min_hours_per_8h_window: 6,
    mda8_window_starts: (0, 16),
    min_windows_per_day: 14,
    min_days_per_year: 324,
    min_days_per_month: 27,
    min_days_in_february: 25,
};

/// One hourly value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HourlyValue {
    /// The hour (labelled by its start).
    pub hour: CivilHour,
    /// Concentration (µg/m³; CO mg/m³).
    pub concentration: f64,
}

/// One daily value (a daily mean, or for O3 the MDA8).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DailyValue {
    /// The day.
    pub date: CivilDate,
    /// Concentration (µg/m³; CO mg/m³).
    pub concentration: f64,
}

/// Why a statistic is invalid.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "reason", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Invalid {
    /// No value at all.
    NoData,
    /// Too few hourly values in the day.
    TooFewHours {
        /// Needed.
        needed: usize,
        /// Present.
        got: usize,
    },
    /// Too few valid 8-hour windows in the day (and the maximum does not exceed the limit).
    TooFewWindows {
        /// Needed.
        needed: usize,
        /// Present.
        got: usize,
    },
    /// Too few valid daily values in the year.
    TooFewDaysInYear {
        /// Needed.
        needed: usize,
        /// Present.
        got: usize,
    },
    /// Too few valid daily values in a month.
    TooFewDaysInMonth {
        /// The month, 1..=12.
        month: u8,
        /// Needed.
        needed: usize,
        /// Present.
        got: usize,
    },
    /// Daily AQI: indicators missing and the AQI of the others is not above 100 (HJ 633-2026
    /// §5.3.1).
    MissingIndicators {
        /// The missing keys.
        keys: Vec<crate::aqi::PollutantKey>,
    },
}

/// Why a series cannot be evaluated at all.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum StatsError {
    /// The same hour twice in one series.
    #[error("hour {hour} appears more than once")]
    DuplicateHour {
        /// The hour.
        hour: CivilHour,
    },
    /// The same date twice in one series.
    #[error("date {date} appears more than once")]
    DuplicateDate {
        /// The date.
        date: CivilDate,
    },
    /// A negative concentration.
    #[error("value {index}: negative concentration {value}")]
    NegativeConcentration {
        /// Position in the input.
        index: usize,
        /// The value.
        value: f64,
    },
    /// NaN or infinite.
    #[error("value {index}: not a finite number")]
    NotFinite {
        /// Position in the input.
        index: usize,
    },
    /// The daily AQI could not be computed.
    #[error("daily AQI: {0}")]
    Aqi(#[from] crate::aqi::AqiError),
}

/// A daily statistic of one pollutant.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DailyStatistic {
    /// The day.
    #[cfg_attr(feature = "serde", serde(serialize_with = "ser_date"))]
    pub date: CivilDate,
    /// The value, when valid.
    pub value: Option<f64>,
    /// Hourly values (daily mean, daily max) or valid 8-hour windows (MDA8) behind it.
    pub count: usize,
    /// Why it is invalid.
    pub invalid: Option<Invalid>,
    /// MDA8 only: valid although fewer than 14 windows, because it exceeds the limit.
    pub valid_by_exceedance: bool,
}

/// Serialise a date as `YYYY-MM-DD`.
#[cfg(feature = "serde")]
pub(crate) fn ser_date<S: serde::Serializer>(d: &CivilDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

fn check_values(values: impl Iterator<Item = f64>) -> Result<(), StatsError> {
    for (index, v) in values.enumerate() {
        if !v.is_finite() {
            return Err(StatsError::NotFinite { index });
        }
        if v < 0.0 {
            return Err(StatsError::NegativeConcentration { index, value: v });
        }
    }
    Ok(())
}

/// Hourly values keyed by hours since the epoch, checked.
fn hour_map(values: &[HourlyValue]) -> Result<HourMap, StatsError> {
    check_values(values.iter().map(|v| v.concentration))?;
    let mut v: Vec<(i64, f64)> = values
        .iter()
        .map(|x| (x.hour.hours_since_epoch(), x.concentration))
        .collect();
    v.sort_by_key(|(h, _)| *h);
    for w in v.windows(2) {
        if let [a, b] = w {
            if a.0 == b.0 {
                return Err(StatsError::DuplicateHour {
                    hour: CivilHour::from_hours_since_epoch(a.0),
                });
            }
        }
    }
    Ok(HourMap(v))
}

/// Every date from the first to the last hour present.
fn date_range(map: &HourMap) -> Vec<CivilDate> {
    let Some((first, last)) = map.keys_first_last() else {
        return Vec::new();
    };
    let (d0, d1) = (first.div_euclid(24), last.div_euclid(24));
    (d0..=d1).map(CivilDate::from_days_since_epoch).collect()
}

/// The day's values, in hour order, with their hours.
fn day_slice(map: &HourMap, date: CivilDate) -> &[(i64, f64)] {
    let start = date.days_since_epoch() * 24;
    let a = map.0.partition_point(|(h, _)| *h < start);
    let b = map.0.partition_point(|(h, _)| *h < start + 24);
    map.0.get(a..b).unwrap_or_default()
}

fn day_hours(map: &HourMap, date: CivilDate) -> Vec<f64> {
    day_slice(map, date).iter().map(|(_, v)| *v).collect()
}

/// Daily means with the HJ 663 / GB 3095 Table 4 rule (>= 20 hourly values).
///
/// # Standard
/// GB 3095-2012/2026 Table 4: a daily mean needs at least 20 hourly means.
///
/// # Errors
/// [`StatsError::DuplicateHour`], [`StatsError::NegativeConcentration`],
/// [`StatsError::NotFinite`].
///
/// # Edge cases
/// Every day from the first to the last hour present is reported; a day without any value is
/// invalid with `TooFewHours { got: 0 }`.
pub fn daily_means(
    values: &[HourlyValue],
    rules: &ValidityRules,
) -> Result<Vec<DailyStatistic>, StatsError> {
    let map = hour_map(values)?;
    Ok(date_range(&map)
        .into_iter()
        .map(|date| {
            let v = day_hours(&map, date);
            let n = v.len();
            let ok = n >= rules.min_hours_per_day;
            DailyStatistic {
                date,
                value: ok.then(|| v.iter().sum::<f64>() / n as f64),
                count: n,
                invalid: (!ok).then_some(Invalid::TooFewHours {
                    needed: rules.min_hours_per_day,
                    got: n,
                }),
                valid_by_exceedance: false,
            }
        })
        .collect())
}

/// Daily maximum of the hourly values (HJ 633-2012's O3 daily max 1-h indicator), valid with
/// the same >= 20 hourly values as a daily mean (our reading; the reference gives no rule).
///
/// # Errors
/// As [`daily_means`].
pub fn daily_max_1h(
    values: &[HourlyValue],
    rules: &ValidityRules,
) -> Result<Vec<DailyStatistic>, StatsError> {
    let map = hour_map(values)?;
    Ok(date_range(&map)
        .into_iter()
        .map(|date| {
            let v = day_hours(&map, date);
            let n = v.len();
            let ok = n >= rules.min_hours_per_day;
            DailyStatistic {
                date,
                value: if ok {
                    v.iter().cloned().reduce(f64::max)
                } else {
                    None
                },
                count: n,
                invalid: (!ok).then_some(Invalid::TooFewHours {
                    needed: rules.min_hours_per_day,
                    got: n,
                }),
                valid_by_exceedance: false,
            }
        })
        .collect())
}

/// One 8-hour moving mean.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct EightHourMean {
    /// First hour of the window (the window covers `start` … `start + 7`).
    pub start: CivilHour,
    /// Mean of the values present, when at least 6.
    pub value: Option<f64>,
    /// Values present.
    pub count: usize,
}

/// The 8-hour moving means of each day that enter MDA8 (windows starting 00:00 … 16:00).
///
/// # Standard
/// GB 3095 Table 4 (>= 6 hourly values per 8-hour mean); HJ 663 §6.1.2 (windows of the day).
///
/// # Errors
/// As [`daily_means`].
pub fn eight_hour_means(
    values: &[HourlyValue],
    rules: &ValidityRules,
) -> Result<Vec<EightHourMean>, StatsError> {
    let map = hour_map(values)?;
    let mut out = Vec::new();
    for date in date_range(&map) {
        out.extend(day_windows(&map, date, rules));
    }
    Ok(out)
}

fn day_windows(map: &HourMap, date: CivilDate, rules: &ValidityRules) -> Vec<EightHourMean> {
    let (first, last) = rules.mda8_window_starts;
    // The windows of a day start 00:00 … 16:00 and so end within the next day at most: search
    // the map once for that span, then cut each window from it (same values, same order).
    let day_start = date.days_since_epoch() * 24;
    let span_end = day_start + i64::from(last) + 8;
    let a = map
        .0
        .partition_point(|(h, _)| *h < day_start + i64::from(first));
    let b = map.0.partition_point(|(h, _)| *h < span_end);
    let span = map.0.get(a..b).unwrap_or_default();
    (first..=last)
        .map(|h| {
            let start = day_start + i64::from(h);
            let lo = span.partition_point(|(x, _)| *x < start);
            let hi = span.partition_point(|(x, _)| *x < start + 8);
            let v = span.get(lo..hi).unwrap_or_default();
            let n = v.len();
            EightHourMean {
                start: CivilHour { date, hour: h },
                value: (n >= rules.min_hours_per_8h_window)
                    .then(|| v.iter().map(|(_, x)| x).sum::<f64>() / n as f64),
                count: n,
            }
        })
        .collect()
}

/// Daily maximum 8-hour mean of O3 (MDA8).
///
/// # Standard
/// HJ 663 §6.1.2 (reference §3.3, secondary): the maximum of the day's valid 8-hour means;
/// valid with at least 14 valid windows, otherwise only when it exceeds the limit
/// (`exceedance_limit`, the GB 3095 O3 8-hour limit; `None` disables that rescue).
///
/// # Errors
/// As [`daily_means`].
pub fn mda8(
    values: &[HourlyValue],
    rules: &ValidityRules,
    exceedance_limit: Option<f64>,
) -> Result<Vec<DailyStatistic>, StatsError> {
    let map = hour_map(values)?;
    Ok(date_range(&map)
        .into_iter()
        .map(|date| {
            let windows = day_windows(&map, date, rules);
            let valid: Vec<f64> = windows.iter().filter_map(|w| w.value).collect();
            let n = valid.len();
            let max = valid.iter().cloned().reduce(f64::max);
            let enough = n >= rules.min_windows_per_day;
            let rescued = !enough && matches!((max, exceedance_limit), (Some(m), Some(l)) if m > l);
            let ok = enough || rescued;
            DailyStatistic {
                date,
                value: if ok { max } else { None },
                count: n,
                invalid: (!ok).then_some(Invalid::TooFewWindows {
                    needed: rules.min_windows_per_day,
                    got: n,
                }),
                valid_by_exceedance: rescued,
            }
        })
        .collect())
}

/// Reasons a year of valid daily values is too thin for an annual statistic; empty when enough.
///
/// # Standard
/// GB 3095-2012/2026 Table 4: at least 324 daily values a year and 27 a month (25 in
/// February). Applied to the percentile statistics as well (our reading of HJ 663).
pub fn year_coverage(year: i32, dates: &[CivilDate], rules: &ValidityRules) -> Vec<Invalid> {
    let in_year: Vec<&CivilDate> = dates.iter().filter(|d| d.year == year).collect();
    let mut reasons = Vec::new();
    if in_year.len() < rules.min_days_per_year {
        reasons.push(Invalid::TooFewDaysInYear {
            needed: rules.min_days_per_year,
            got: in_year.len(),
        });
    }
    for month in 1..=12u8 {
        if days_in_month(year, month).is_none() {
            continue;
        }
        let got = in_year.iter().filter(|d| d.month == month).count();
        let needed = if month == 2 {
            rules.min_days_in_february
        } else {
            rules.min_days_per_month
        };
        if got < needed {
            reasons.push(Invalid::TooFewDaysInMonth { month, needed, got });
        }
    }
    reasons
}
