//! A yearly or dated series on real time, with missing values and absent years kept explicit.

use super::TrendError;
use crate::time::CivilDate;

/// One present observation: time in years (integer years or decimal years) and its value.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Observation {
    /// Time in years (2015.0, or 2015.4959 for 2015-07-01).
    pub time_years: f64,
    /// The value, finite.
    pub value: f64,
}

/// A validated series sorted by time, the present observations separated from the missing ones.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeSeries {
    observations: Vec<Observation>,
    missing_times: Vec<f64>,
    absent_years: Vec<i32>,
}

/// What the series contained, for reports: counts, missing values and absent years.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SeriesSummary {
    /// Number of present observations used by every statistic.
    pub n: usize,
    /// Time of the first present observation.
    pub first_time: Option<f64>,
    /// Time of the last present observation.
    pub last_time: Option<f64>,
    /// Times that had a row with no value (left out).
    pub missing_times: Vec<f64>,
    /// For yearly series: years between the first and last row that had no row at all.
    pub absent_years: Vec<i32>,
}

impl TimeSeries {
    /// A yearly series: `(year, value)` rows in any order, `None` for a missing value.
    ///
    /// # Errors
    /// [`TrendError::DuplicateTime`] for a year given twice, [`TrendError::NonFiniteValue`] for an
    /// infinite or NaN value (write `None` for missing).
    ///
    /// # Edge cases
    /// Years between the first and the last row that have no row at all are listed in
    /// [`SeriesSummary::absent_years`]; rows with `None` in [`SeriesSummary::missing_times`].
    pub fn yearly(rows: &[(i32, Option<f64>)]) -> Result<Self, TrendError> {
        let timed: Vec<(f64, Option<f64>)> = rows.iter().map(|&(y, v)| (f64::from(y), v)).collect();
        let mut series = Self::from_times(&timed)?;
        let mut years: Vec<i32> = rows.iter().map(|&(y, _)| y).collect();
        years.sort_unstable();
        if let (Some(&first), Some(&last)) = (years.first(), years.last()) {
            let mut next = years.iter().peekable();
            for year in first..=last {
                while next.peek().is_some_and(|&&y| y < year) {
                    next.next();
                }
                if next.peek() != Some(&&year) {
                    series.absent_years.push(year);
                }
            }
        }
        Ok(series)
    }

    /// A dated series: each date becomes its decimal year
    /// ([`CivilDate::decimal_year`]), so slopes are per year of real time.
    ///
    /// # Errors
    /// As [`TimeSeries::from_times`].
    pub fn dated(rows: &[(CivilDate, Option<f64>)]) -> Result<Self, TrendError> {
        let timed: Vec<(f64, Option<f64>)> =
            rows.iter().map(|&(d, v)| (d.decimal_year(), v)).collect();
        Self::from_times(&timed)
    }

    /// A series from times in years (any finite reals) and optional values.
    ///
    /// # Errors
    /// [`TrendError::NonFiniteTime`], [`TrendError::NonFiniteValue`] (NaN or infinity; a missing
    /// value is `None`), [`TrendError::DuplicateTime`].
    pub fn from_times(rows: &[(f64, Option<f64>)]) -> Result<Self, TrendError> {
        let mut indexed: Vec<(usize, f64, Option<f64>)> = Vec::with_capacity(rows.len());
        for (index, &(time, value)) in rows.iter().enumerate() {
            if !time.is_finite() {
                return Err(TrendError::NonFiniteTime { index });
            }
            if let Some(v) = value {
                if !v.is_finite() {
                    return Err(TrendError::NonFiniteValue { index, value: v });
                }
            }
            indexed.push((index, time, value));
        }
        indexed.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        for pair in indexed.windows(2) {
            if let [a, b] = pair {
                if a.1 == b.1 {
                    return Err(TrendError::DuplicateTime {
                        index: a.0.max(b.0),
                        time: b.1,
                    });
                }
            }
        }
        let mut observations = Vec::with_capacity(indexed.len());
        let mut missing_times = Vec::new();
        for (_, time, value) in indexed {
            match value {
                Some(value) => observations.push(Observation {
                    time_years: time,
                    value,
                }),
                None => missing_times.push(time),
            }
        }
        Ok(Self {
            observations,
            missing_times,
            absent_years: Vec::new(),
        })
    }

    /// The present observations, sorted by time.
    pub fn observations(&self) -> &[Observation] {
        &self.observations
    }

    /// Number of present observations.
    pub fn len(&self) -> usize {
        self.observations.len()
    }

    /// Whether there is no present observation.
    pub fn is_empty(&self) -> bool {
        self.observations.is_empty()
    }

    /// The values of the present observations in time order.
    pub fn values(&self) -> Vec<f64> {
        self.observations.iter().map(|o| o.value).collect()
    }

    /// The times of the present observations in time order.
    pub fn times(&self) -> Vec<f64> {
        self.observations.iter().map(|o| o.time_years).collect()
    }

    /// Counts, missing values and absent years.
    pub fn summary(&self) -> SeriesSummary {
        SeriesSummary {
            n: self.observations.len(),
            first_time: self.observations.first().map(|o| o.time_years),
            last_time: self.observations.last().map(|o| o.time_years),
            missing_times: self.missing_times.clone(),
            absent_years: self.absent_years.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yearly_series_sorts_and_lists_missing_and_absent_years() {
        let s = TimeSeries::yearly(&[
            (2020, Some(3.0)),
            (2015, Some(1.0)),
            (2017, None),
            (2016, Some(2.0)),
        ])
        .unwrap();
        assert_eq!(s.times(), vec![2015.0, 2016.0, 2020.0]);
        assert_eq!(s.values(), vec![1.0, 2.0, 3.0]);
        let summary = s.summary();
        assert_eq!(summary.missing_times, vec![2017.0]);
        assert_eq!(summary.absent_years, vec![2018, 2019]);
    }

    #[test]
    fn duplicate_year_is_rejected_with_its_row() {
        assert_eq!(
            TimeSeries::yearly(&[(2015, Some(1.0)), (2016, Some(1.0)), (2015, None)]),
            Err(TrendError::DuplicateTime {
                index: 2,
                time: 2015.0
            })
        );
    }

    #[test]
    fn nan_value_is_an_error_not_a_missing_value() {
        assert!(matches!(
            TimeSeries::yearly(&[(2015, Some(f64::NAN))]),
            Err(TrendError::NonFiniteValue { index: 0, .. })
        ));
    }

    #[test]
    fn dated_series_uses_decimal_years() {
        let d = CivilDate::new(2023, 7, 2).unwrap();
        let s = TimeSeries::dated(&[(d, Some(1.0))]).unwrap();
        assert!((s.times()[0] - (2023.0 + 182.0 / 365.0)).abs() < 1e-12);
    }
}
