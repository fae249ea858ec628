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
    evaluate_daily, evaluate_hourly, evaluate_hourly_rows, evaluate_pollutant_days,
    pollutant_days_of_rows, AnnualStatistic, CategoryCount, DayIndicator, DayReport, Evaluation,
    Options, PollutantDays, YearReport, HJ663_ANNUAL_STATISTICS,
};
pub use percentile::percentile;

use crate::time::{days_in_month, CivilDate, CivilHour};
use std::borrow::Cow;

/// Hourly values sorted by hours since the epoch, as rows: `hours` strictly increasing, `values`
/// beside them, NaN where the row has no value (several pollutants can then share one `hours`
/// column), the first and the last row with a value. Sorted columns with contiguous day ranges
/// rather than a `BTreeMap`: the statistics only ever read contiguous hour ranges (BENCHMARKS.md).
/// Borrowed when the caller's rows are already in strictly increasing hour order (a file in time
/// order), so a million rows are neither copied nor sorted.
struct HourMap<'a> {
    hours: Cow<'a, [i64]>,
    values: Cow<'a, [f64]>,
}

/// Consecutive rows of an [`HourMap`].
#[derive(Clone, Copy)]
struct Rows<'a> {
    hours: &'a [i64],
    values: &'a [f64],
}

impl<'a> Rows<'a> {
    /// The values present, with their hours, in hour order.
    fn present(self) -> impl Iterator<Item = (i64, f64)> + 'a {
        self.hours
            .iter()
            .copied()
            .zip(self.values.iter().copied())
            .filter(|(_, v)| !v.is_nan())
    }

    /// The rows whose hour is in `from..to`.
    fn between(self, from: i64, to: i64) -> Rows<'a> {
        let lo = self.hours.partition_point(|h| *h < from);
        let hi = self.hours.partition_point(|h| *h < to);
        Rows {
            hours: self.hours.get(lo..hi).unwrap_or_default(),
            values: self.values.get(lo..hi).unwrap_or_default(),
        }
    }

    /// The first `n` rows and the rest.
    fn split_at(self, n: usize) -> (Rows<'a>, Rows<'a>) {
        let (h0, h1) = self.hours.split_at(n.min(self.hours.len()));
        let (v0, v1) = self.values.split_at(n.min(self.values.len()));
        (
            Rows {
                hours: h0,
                values: v0,
            },
            Rows {
                hours: h1,
                values: v1,
            },
        )
    }

    /// The number of leading rows with an hour before `end`.
    fn count_before(self, end: i64) -> usize {
        self.hours.iter().take_while(|h| **h < end).count()
    }

    /// Count and sum of the values present, in hour order (one pass; the sum is `Iterator::sum`,
    /// as everywhere else).
    fn count_sum(self) -> (usize, f64) {
        let mut n = 0usize;
        let sum = self
            .values
            .iter()
            .filter(|v| !v.is_nan())
            .inspect(|_| n += 1)
            .sum();
        (n, sum)
    }
}

/// A day, its rows and every row from its first on (see [`HourMap::days`]).
type Day<'a> = (CivilDate, Rows<'a>, Rows<'a>);

impl HourMap<'_> {
    fn rows(&self) -> Rows<'_> {
        Rows {
            hours: &self.hours,
            values: &self.values,
        }
    }

    fn keys_first_last(&self) -> Option<(i64, i64)> {
        Some((*self.hours.first()?, *self.hours.last()?))
    }

    /// Every day from the first to the last hour present, with its rows in hour order (none
    /// for a day without any) and, for windows that may reach past midnight, every row from
    /// that day on: one walk over the sorted rows.
    fn days(&self) -> impl Iterator<Item = Day<'_>> + '_ {
        let (d0, d1) = match self.keys_first_last() {
            Some((first, last)) => (first.div_euclid(24), last.div_euclid(24)),
            None => (1, 0),
        };
        let mut rest = self.rows();
        (d0..=d1).map(move |day| {
            let from_today = rest;
            let (today, tail) = rest.split_at(rest.count_before((day + 1) * 24));
            rest = tail;
            (CivilDate::from_days_since_epoch(day), today, from_today)
        })
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
fn hour_map(values: &[HourlyValue]) -> Result<HourMap<'static>, StatsError> {
    check_values(values.iter().map(|v| v.concentration))?;
    let v: Vec<(i64, f64)> = values
        .iter()
        .map(|x| (x.hour.hours_since_epoch(), x.concentration))
        .collect();
    sorted_unique(v)
}

/// [`hour_map`] of rows (`hours[i]`, `values[i]`), NaN where a row has no value: the values
/// present are checked in order (an error's index counts them only) and, when the rows with a
/// value are in strictly increasing hour order, borrowed; otherwise the values present are
/// copied and sorted. The same map and errors as [`hour_map`] of the values present.
fn hour_map_of_rows<'a>(hours: &'a [i64], values: &'a [f64]) -> Result<HourMap<'a>, StatsError> {
    let values = values.get(..hours.len()).unwrap_or(values);
    let hours = hours.get(..values.len()).unwrap_or(hours);
    check_values(values.iter().copied().filter(|v| !v.is_nan()))?;
    let first = values.iter().position(|v| !v.is_nan());
    let last = values.iter().rposition(|v| !v.is_nan());
    let (Some(first), Some(last)) = (first, last) else {
        return Ok(HourMap {
            hours: Cow::Borrowed(&[]),
            values: Cow::Borrowed(&[]),
        });
    };
    let (h, v) = (
        hours.get(first..=last).unwrap_or_default(),
        values.get(first..=last).unwrap_or_default(),
    );
    if h.windows(2).all(|w| matches!(w, [a, b] if a < b)) {
        return Ok(HourMap {
            hours: Cow::Borrowed(h),
            values: Cow::Borrowed(v),
        });
    }
    let rows = Rows {
        hours: h,
        values: v,
    };
    sorted_unique(rows.present().collect())
}

fn sorted_unique(mut v: Vec<(i64, f64)>) -> Result<HourMap<'static>, StatsError> {
    if !v.windows(2).all(|w| matches!(w, [a, b] if a.0 < b.0)) {
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
    }
    Ok(HourMap {
        hours: Cow::Owned(v.iter().map(|(h, _)| *h).collect()),
        values: Cow::Owned(v.iter().map(|(_, x)| *x).collect()),
    })
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
    Ok(daily_means_of(&hour_map(values)?, rules))
}

fn daily_means_of(map: &HourMap<'_>, rules: &ValidityRules) -> Vec<DailyStatistic> {
    map.days()
        .map(|(date, v, _)| {
            let (n, sum) = v.count_sum();
            let ok = n >= rules.min_hours_per_day;
            DailyStatistic {
                date,
                value: ok.then(|| sum / n as f64),
                count: n,
                invalid: (!ok).then_some(Invalid::TooFewHours {
                    needed: rules.min_hours_per_day,
                    got: n,
                }),
                valid_by_exceedance: false,
            }
        })
        .collect()
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
    Ok(daily_max_1h_of(&hour_map(values)?, rules))
}

fn daily_max_1h_of(map: &HourMap<'_>, rules: &ValidityRules) -> Vec<DailyStatistic> {
    map.days()
        .map(|(date, v, _)| {
            let n = v.present().count();
            let ok = n >= rules.min_hours_per_day;
            DailyStatistic {
                date,
                value: if ok {
                    v.present().map(|(_, x)| x).reduce(f64::max)
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
        .collect()
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
    for (date, _, from_day) in map.days() {
        out.extend(day_windows(from_day, date, rules));
    }
    Ok(out)
}

/// The MDA8 windows of `date` from `from_day`, the sorted rows from that day's first on.
/// With HJ 663's starts (00:00 … 16:00) every window ends by 24:00, so only the day's own
/// values are read; later starts would reach into the next day, as the rules say.
fn day_windows<'a>(
    from_day: Rows<'a>,
    date: CivilDate,
    rules: &'a ValidityRules,
) -> impl Iterator<Item = EightHourMean> + 'a {
    let (first, last) = rules.mda8_window_starts;
    let day_start = date.days_since_epoch() * 24;
    let span_end = day_start + i64::from(last) + 8;
    let (span, _) = from_day.split_at(from_day.count_before(span_end));
    // The rows before each hour of the span, from one walk, so each window is cut without a
    // search (spans up to 64 hours; a longer one, which no standard has, is searched).
    let mut before = [0usize; 65];
    let span_hours = usize::from(last) + 8;
    let indexed = span_hours < before.len();
    if indexed {
        let mut r = 0usize;
        for (t, slot) in (0i64..).zip(before.iter_mut().take(span_hours + 1)) {
            while span.hours.get(r).is_some_and(|x| *x < day_start + t) {
                r += 1;
            }
            *slot = r;
        }
    }
    (first..=last).map(move |h| {
        let start = day_start + i64::from(h);
        let window = match (before.get(usize::from(h)), before.get(usize::from(h) + 8)) {
            (Some(a), Some(b)) if indexed => span.split_at(*b).0.split_at(*a).1,
            _ => span.between(start, start + 8),
        };
        let (n, sum) = window.count_sum();
        EightHourMean {
            start: CivilHour { date, hour: h },
            value: (n >= rules.min_hours_per_8h_window).then(|| sum / n as f64),
            count: n,
        }
    })
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
    Ok(mda8_of(&hour_map(values)?, rules, exceedance_limit))
}

fn mda8_of(
    map: &HourMap<'_>,
    rules: &ValidityRules,
    exceedance_limit: Option<f64>,
) -> Vec<DailyStatistic> {
    map.days()
        .map(|(date, _, from_day)| {
            let (mut n, mut max) = (0usize, None::<f64>);
            for v in day_windows(from_day, date, rules).filter_map(|w| w.value) {
                n += 1;
                max = Some(max.map_or(v, |m| m.max(v)));
            }
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
        .collect()
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
