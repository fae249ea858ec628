//! From hourly or daily series to the daily AQI report and the HJ 663 annual statistics.

use super::{
    check_values, daily_max_1h_of, daily_means_of, hour_map, hour_map_of_rows, mda8_of, percentile,
    year_coverage, DailyStatistic, DailyValue, HourMap, HourlyValue, Invalid, StatsError,
    ValidityRules,
};
use crate::aqi::{self, CategoryId, Pollutant, PollutantKey, StandardId};
use crate::compliance::Statistic;
use crate::time::CivilDate;
use std::collections::{BTreeMap, BTreeSet};

/// How to evaluate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// The HJ 633 revision for the daily AQI.
    pub standard: StandardId,
    /// Validity thresholds (normally [`super::HJ663`]).
    pub rules: ValidityRules,
    /// O3 8-hour limit that rescues an MDA8 with too few windows (GB 3095 O3 8-h limit of the
    /// grade assessed); `None` disables the rescue.
    pub mda8_exceedance_limit_ug_m3: Option<f64>,
}

/// The annual statistics of HJ 663, per pollutant (reference `[hj663_annual_statistics]`).
pub const HJ663_ANNUAL_STATISTICS: &[(Pollutant, &[Statistic])] = &[
    (
        Pollutant::So2,
        &[Statistic::AnnualMean, Statistic::P98OfDailyMeans],
    ),
    (
        Pollutant::No2,
        &[Statistic::AnnualMean, Statistic::P98OfDailyMeans],
    ),
    (
        Pollutant::Pm10,
        &[Statistic::AnnualMean, Statistic::P95OfDailyMeans],
    ),
    (
        Pollutant::Pm25,
        &[Statistic::AnnualMean, Statistic::P95OfDailyMeans],
    ),
    (Pollutant::Co, &[Statistic::P95OfDailyMeans]),
    (Pollutant::O3, &[Statistic::P90OfMda8]),
];

/// The percentile of a percentile statistic.
fn percent(s: Statistic) -> Option<f64> {
    match s {
        Statistic::P98OfDailyMeans => Some(98.0),
        Statistic::P95OfDailyMeans => Some(95.0),
        Statistic::P90OfMda8 => Some(90.0),
        Statistic::P99OfDailyValues => Some(99.0),
        Statistic::AnnualMean | Statistic::PeakSeasonMean => None,
    }
}

/// The daily key of a pollutant in a daily report (O3: daily max 8-hour mean).
fn daily_key(p: Pollutant) -> PollutantKey {
    match p {
        Pollutant::Pm25 => PollutantKey::Pm25_24h,
        Pollutant::Pm10 => PollutantKey::Pm10_24h,
        Pollutant::So2 => PollutantKey::So2_24h,
        Pollutant::No2 => PollutantKey::No2_24h,
        Pollutant::Co => PollutantKey::Co_24h,
        Pollutant::O3 => PollutantKey::O3_8h,
    }
}

/// One daily indicator of one day.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DayIndicator {
    /// The key.
    pub key: PollutantKey,
    /// The value, when valid.
    pub value: Option<f64>,
    /// Hours or windows behind it (0 for daily input).
    pub count: usize,
    /// Why it is invalid.
    pub invalid: Option<Invalid>,
    /// MDA8 valid by exceeding the limit with too few windows.
    pub valid_by_exceedance: bool,
}

/// The daily report of one day.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DayReport {
    /// The day.
    #[cfg_attr(feature = "serde", serde(serialize_with = "super::ser_date"))]
    pub date: CivilDate,
    /// The daily indicators.
    pub indicators: Vec<DayIndicator>,
    /// Daily AQI (HJ 633), when valid and within the index.
    pub aqi: Option<u32>,
    /// Lower bound when an indicator is beyond the index.
    pub aqi_at_least: Option<u32>,
    /// Category.
    pub category: Option<CategoryId>,
    /// Primary pollutant(s).
    pub primary: Vec<PollutantKey>,
    /// Why the day has no valid AQI.
    pub invalid: Option<Invalid>,
}

/// One annual statistic.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct AnnualStatistic {
    /// The pollutant.
    pub pollutant: Pollutant,
    /// The statistic.
    pub statistic: Statistic,
    /// The value, when valid (µg/m³; CO mg/m³).
    pub value: Option<f64>,
    /// Valid daily values in the year.
    pub days: usize,
    /// Why it is invalid (all reasons).
    pub invalid: Vec<Invalid>,
}

/// Days in one category.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CategoryCount {
    /// The category.
    pub category: CategoryId,
    /// Days.
    pub days: usize,
}

/// The annual report of one calendar year.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct YearReport {
    /// The year.
    pub year: i32,
    /// HJ 663 statistics of the pollutants present.
    pub statistics: Vec<AnnualStatistic>,
    /// Days with a valid daily AQI (or category).
    pub valid_aqi_days: usize,
    /// Valid days with AQI <= 100.
    pub good_days: usize,
    /// `good_days / valid_aqi_days`; `None` without valid days.
    pub good_days_ratio: Option<f64>,
    /// Valid days per category, best first, zero counts included.
    pub days_per_category: Vec<CategoryCount>,
}

/// Daily reports and annual statistics.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Evaluation {
    /// The HJ 633 revision used.
    pub standard: StandardId,
    /// The rules used.
    pub rules: ValidityRules,
    /// One report per day from the first to the last day of data.
    pub daily: Vec<DayReport>,
    /// One report per calendar year.
    pub annual: Vec<YearReport>,
}

/// The "good day" threshold: AQI <= 100 (categories 优 and 良, HJ 633 Table 1/2).
const GOOD_DAY_MAX_AQI: u32 = 100;

/// Evaluate hourly series (one per pollutant).
///
/// # Standard
/// Daily means and MDA8 per GB 3095 Table 4 / HJ 663; daily AQI per HJ 633 with its daily
/// indicators (2012 adds the O3 daily max 1-h, computed here from the hourly O3); annual
/// statistics per HJ 663.
///
/// # Errors
/// [`StatsError`] for duplicate hours and negative or non-finite values.
pub fn evaluate_hourly(
    options: &Options,
    series: &[(Pollutant, Vec<HourlyValue>)],
) -> Result<Evaluation, StatsError> {
    let days = series
        .iter()
        .map(|(p, values)| Ok(pollutant_days(options, *p, &hour_map(values)?)))
        .collect::<Result<Vec<_>, StatsError>>()?;
    evaluate_pollutant_days(options, days)
}

/// [`evaluate_hourly`] of rows, as a file holds them: `hours[i]` is the hour of row `i` as
/// hours since 1970-01-01T00 ([`crate::time::CivilHour::hours_since_epoch`]), and each column
/// has the pollutant's value in row `i`, **NaN where the row has none**. The same result as
/// [`evaluate_hourly`] on each column's values present. Rows already in strictly increasing hour
/// order (a file in time order) are read in place, neither copied nor sorted. Only the first
/// `hours.len()` values of a column are read.
///
/// # Errors
/// As [`evaluate_hourly`] (an error's value index counts the values present in the column).
pub fn evaluate_hourly_rows(
    options: &Options,
    hours: &[i64],
    columns: &[(Pollutant, Vec<f64>)],
) -> Result<Evaluation, StatsError> {
    let days = columns
        .iter()
        .map(|(p, values)| pollutant_days_of_rows(options, *p, hours, values))
        .collect::<Result<Vec<_>, StatsError>>()?;
    evaluate_pollutant_days(options, days)
}

/// The daily statistics of one pollutant: its daily means (O3: MDA8, and for HJ 633-2012 also
/// the daily max 1-h), every day from its first to its last hour. The first half of
/// [`evaluate_hourly_rows`], split out so that a caller may compute pollutants concurrently
/// (the CLI does, on two threads); [`evaluate_pollutant_days`] is the second half.
#[derive(Debug, Clone, PartialEq)]
pub struct PollutantDays(Vec<(PollutantKey, Vec<DailyStatistic>)>);

/// [`PollutantDays`] of one column of rows (as in [`evaluate_hourly_rows`]).
///
/// # Errors
/// As [`evaluate_hourly_rows`].
pub fn pollutant_days_of_rows(
    options: &Options,
    pollutant: Pollutant,
    hours: &[i64],
    values: &[f64],
) -> Result<PollutantDays, StatsError> {
    Ok(pollutant_days(
        options,
        pollutant,
        &hour_map_of_rows(hours, values)?,
    ))
}

fn pollutant_days(options: &Options, p: Pollutant, map: &HourMap<'_>) -> PollutantDays {
    let rules = &options.rules;
    if p == Pollutant::O3 {
        let mut out = vec![(
            PollutantKey::O3_8h,
            mda8_of(map, rules, options.mda8_exceedance_limit_ug_m3),
        )];
        if aqi::standard(options.standard)
            .daily_indicators
            .contains(&PollutantKey::O3_1h)
        {
            out.push((PollutantKey::O3_1h, daily_max_1h_of(map, rules)));
        }
        PollutantDays(out)
    } else {
        PollutantDays(vec![(daily_key(p), daily_means_of(map, rules))])
    }
}

/// Daily reports and annual statistics from each pollutant's [`PollutantDays`], in the order of
/// the columns (a later column of the same pollutant replaces an earlier one, as in
/// [`evaluate_hourly`]).
///
/// # Errors
/// [`StatsError::Aqi`] when a daily AQI cannot be computed.
pub fn evaluate_pollutant_days(
    options: &Options,
    days: Vec<PollutantDays>,
) -> Result<Evaluation, StatsError> {
    let mut daily: BTreeMap<PollutantKey, Vec<DailyStatistic>> = BTreeMap::new();
    for PollutantDays(keys) in days {
        daily.extend(keys);
    }
    assemble(options, daily)
}

/// Evaluate daily series (one per daily key: `pm25_24h`, …, `o3_8h` as MDA8, optionally
/// `o3_1h` as daily max for HJ 633-2012). Each value is taken as valid.
///
/// # Errors
/// [`StatsError::DuplicateDate`], negative or non-finite values.
pub fn evaluate_daily(
    options: &Options,
    series: &[(PollutantKey, Vec<DailyValue>)],
) -> Result<Evaluation, StatsError> {
    let mut daily: BTreeMap<PollutantKey, Vec<DailyStatistic>> = BTreeMap::new();
    for (key, values) in series {
        check_values(values.iter().map(|v| v.concentration))?;
        let mut seen = BTreeSet::new();
        let mut stats = Vec::with_capacity(values.len());
        for v in values {
            if !seen.insert(v.date) {
                return Err(StatsError::DuplicateDate { date: v.date });
            }
            stats.push(DailyStatistic {
                date: v.date,
                value: Some(v.concentration),
                count: 0,
                invalid: None,
                valid_by_exceedance: false,
            });
        }
        daily.insert(*key, stats);
    }
    assemble(options, daily)
}

fn assemble(
    options: &Options,
    daily: BTreeMap<PollutantKey, Vec<DailyStatistic>>,
) -> Result<Evaluation, StatsError> {
    let std = aqi::standard(options.standard);
    let first = daily.values().flatten().map(|d| d.date).min();
    let last = daily.values().flatten().map(|d| d.date).max();
    let dates: Vec<CivilDate> = match (first, last) {
        (Some(a), Some(b)) => (a.days_since_epoch()..=b.days_since_epoch())
            .map(CivilDate::from_days_since_epoch)
            .collect(),
        _ => Vec::new(),
    };
    // Required daily indicators: the standard's list; HJ 633-2012's O3 1-h only when present.
    let required: Vec<PollutantKey> = std
        .daily_indicators
        .iter()
        .copied()
        .filter(|k| *k != PollutantKey::O3_1h || daily.contains_key(k))
        .collect();
    // Each key's statistics indexed by day offset from the first date (a later statistic of the
    // same date wins, as a map would keep it).
    let base = first.map_or(0, CivilDate::days_since_epoch);
    let by_date: BTreeMap<PollutantKey, Vec<Option<&DailyStatistic>>> = daily
        .iter()
        .map(|(k, v)| {
            let mut index = vec![None; dates.len()];
            for d in v {
                let slot = usize::try_from(d.date.days_since_epoch() - base)
                    .ok()
                    .and_then(|i| index.get_mut(i));
                if let Some(slot) = slot {
                    *slot = Some(d);
                }
            }
            (*k, index)
        })
        .collect();
    let mut reports = Vec::with_capacity(dates.len());
    for (i, date) in dates.iter().enumerate() {
        reports.push(day_report(options, *date, i, &required, &by_date)?);
    }
    let years: BTreeSet<i32> = dates.iter().map(|d| d.year).collect();
    // Series in date order (always so from hourly data) are cut per year by binary search; the
    // others are filtered. Either way a year's values keep their order, so sums are unchanged.
    let sorted: BTreeMap<PollutantKey, bool> = daily
        .iter()
        .map(|(k, v)| {
            (
                *k,
                v.windows(2)
                    .all(|w| matches!(w, [a, b] if a.date <= b.date)),
            )
        })
        .collect();
    let annual = years
        .into_iter()
        .map(|y| year_report(options, y, &daily, &sorted, &reports))
        .collect();
    Ok(Evaluation {
        standard: options.standard,
        rules: options.rules,
        daily: reports,
        annual,
    })
}

fn day_report(
    options: &Options,
    date: CivilDate,
    day_index: usize,
    required: &[PollutantKey],
    by_date: &BTreeMap<PollutantKey, Vec<Option<&DailyStatistic>>>,
) -> Result<DayReport, StatsError> {
    let indicators: Vec<DayIndicator> = required
        .iter()
        .map(|k| {
            match by_date
                .get(k)
                .and_then(|m| m.get(day_index).copied().flatten())
            {
                Some(d) => DayIndicator {
                    key: *k,
                    value: d.value,
                    count: d.count,
                    invalid: d.invalid.clone(),
                    valid_by_exceedance: d.valid_by_exceedance,
                },
                None => DayIndicator {
                    key: *k,
                    value: None,
                    count: 0,
                    invalid: Some(Invalid::NoData),
                    valid_by_exceedance: false,
                },
            }
        })
        .collect();
    let inputs: Vec<(PollutantKey, f64)> = indicators
        .iter()
        .filter_map(|i| i.value.map(|v| (i.key, v)))
        .collect();
    let missing: Vec<PollutantKey> = indicators
        .iter()
        .filter(|i| i.value.is_none())
        .map(|i| i.key)
        .collect();
    if inputs.is_empty() {
        return Ok(DayReport {
            date,
            indicators,
            aqi: None,
            aqi_at_least: None,
            category: None,
            primary: Vec::new(),
            invalid: Some(Invalid::NoData),
        });
    }
    let r = aqi::aqi(options.standard, &inputs)?;
    // HJ 633-2026 §5.3.1: with an indicator missing, the AQI stands only if it is above 100.
    let floor = r.aqi.or(r.aqi_at_least).unwrap_or(0);
    let valid = missing.is_empty() || floor > GOOD_DAY_MAX_AQI;
    Ok(if valid {
        DayReport {
            date,
            indicators,
            aqi: r.aqi,
            aqi_at_least: r.aqi_at_least,
            category: r.category,
            primary: r.primary,
            invalid: None,
        }
    } else {
        DayReport {
            date,
            indicators,
            aqi: None,
            aqi_at_least: None,
            category: None,
            primary: Vec::new(),
            invalid: Some(Invalid::MissingIndicators { keys: missing }),
        }
    })
}

/// The part of `items` (sorted by date) that falls in `year`.
fn year_slice<T>(items: &[T], year: i32, date: impl Fn(&T) -> CivilDate) -> &[T] {
    let a = items.partition_point(|x| date(x).year < year);
    let b = items.partition_point(|x| date(x).year <= year);
    items.get(a..b).unwrap_or_default()
}

fn year_report(
    options: &Options,
    year: i32,
    daily: &BTreeMap<PollutantKey, Vec<DailyStatistic>>,
    sorted: &BTreeMap<PollutantKey, bool>,
    reports: &[DayReport],
) -> YearReport {
    let mut statistics = Vec::new();
    for (p, stats) in HJ663_ANNUAL_STATISTICS {
        let key = daily_key(*p);
        let Some(series) = daily.get(&key) else {
            continue;
        };
        let series = if sorted.get(&key).copied().unwrap_or(false) {
            year_slice(series, year, |d| d.date)
        } else {
            series.as_slice()
        };
        let valid: Vec<(CivilDate, f64)> = series
            .iter()
            .filter(|d| d.date.year == year)
            .filter_map(|d| d.value.map(|v| (d.date, v)))
            .collect();
        let dates: Vec<CivilDate> = valid.iter().map(|(d, _)| *d).collect();
        let values: Vec<f64> = valid.iter().map(|(_, v)| *v).collect();
        let reasons = year_coverage(year, &dates, &options.rules);
        for s in *stats {
            let value = if reasons.is_empty() {
                match percent(*s) {
                    Some(q) => percentile(&values, q),
                    None => Some(values.iter().sum::<f64>() / values.len() as f64),
                }
            } else {
                None
            };
            statistics.push(AnnualStatistic {
                pollutant: *p,
                statistic: *s,
                value,
                days: values.len(),
                invalid: reasons.clone(),
            });
        }
    }
    // `reports` has one report per date, in date order (built from the date range).
    let days: Vec<&DayReport> = year_slice(reports, year, |r| r.date)
        .iter()
        .filter(|r| r.date.year == year && r.category.is_some())
        .collect();
    let good = days
        .iter()
        .filter(|r| r.aqi.is_some_and(|a| a <= GOOD_DAY_MAX_AQI))
        .count();
    let family = options.standard.family();
    let days_per_category = aqi::categories(family)
        .iter()
        .map(|c| CategoryCount {
            category: c.id,
            days: days.iter().filter(|r| r.category == Some(c.id)).count(),
        })
        .collect();
    YearReport {
        year,
        statistics,
        valid_aqi_days: days.len(),
        good_days: good,
        good_days_ratio: (!days.is_empty()).then(|| good as f64 / days.len() as f64),
        days_per_category,
    }
}
