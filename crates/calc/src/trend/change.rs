//! Absolute and percent change, compound annual growth rate, and an index to a base year.

use super::series::{Observation, TimeSeries};
use super::TrendError;

/// Change from a base observation to the latest one.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Change {
    /// Base time (years).
    pub base_time: f64,
    /// Value at the base time.
    pub base_value: f64,
    /// Time of the latest present observation.
    pub current_time: f64,
    /// Latest value.
    pub current_value: f64,
    /// current_time − base_time, in years.
    pub elapsed_years: f64,
    /// current − base, in the series' unit.
    pub absolute: f64,
    /// 100 · (current − base) / |base|; `None` when the base is 0.
    pub percent: Option<f64>,
    /// (current / base)^(1 / elapsed) − 1 as a fraction per year; `None` when the base is 0 or
    /// the two values have different signs.
    pub cagr: Option<f64>,
}

/// One point of an index series (base = 100).
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct IndexPoint {
    /// Time (years).
    pub time_years: f64,
    /// The value.
    pub value: f64,
    /// 100 · value / base value.
    pub index: f64,
}

/// Change from `base_time` (default: the first present observation) to the last observation.
///
/// # Formula
/// ```text
/// absolute = x_c − x_b;  percent = 100 (x_c − x_b)/|x_b|
/// CAGR = (x_c / x_b)^(1/(t_c − t_b)) − 1        (Open SDG `growth_calculation`)
/// ```
/// |x_b| in the percent keeps its sign equal to the direction of change for negative bases.
///
/// # Errors
/// [`TrendError::TooFewPoints`] below 2 observations; [`TrendError::BaseTimeNotInSeries`];
/// [`TrendError::TimeNotAfterBase`] when the base is the last observation.
pub fn change(series: &TimeSeries, base_time: Option<f64>) -> Result<Change, TrendError> {
    let obs = series.observations();
    if obs.len() < 2 {
        return Err(TrendError::TooFewPoints {
            needed: 2,
            got: obs.len(),
        });
    }
    let base = find_base(obs, base_time)?;
    let current = obs.last().copied().unwrap_or(base);
    if current.time_years <= base.time_years {
        return Err(TrendError::TimeNotAfterBase {
            earlier: base.time_years,
            later: current.time_years,
        });
    }
    let elapsed = current.time_years - base.time_years;
    Ok(Change {
        base_time: base.time_years,
        base_value: base.value,
        current_time: current.time_years,
        current_value: current.value,
        elapsed_years: elapsed,
        absolute: current.value - base.value,
        percent: (base.value != 0.0)
            .then(|| 100.0 * (current.value - base.value) / base.value.abs()),
        cagr: cagr(base.value, current.value, elapsed),
    })
}

/// (current / base)^(1/years) − 1, `None` when base is 0, the signs differ, or years ≤ 0.
pub(crate) fn cagr(base: f64, current: f64, years: f64) -> Option<f64> {
    let ratio = current / base;
    (base != 0.0 && ratio >= 0.0 && years > 0.0).then(|| ratio.powf(1.0 / years) - 1.0)
}

fn find_base(obs: &[Observation], base_time: Option<f64>) -> Result<Observation, TrendError> {
    match base_time {
        None => obs
            .first()
            .copied()
            .ok_or(TrendError::TooFewPoints { needed: 2, got: 0 }),
        Some(time) => obs
            .iter()
            .find(|o| o.time_years == time)
            .copied()
            .ok_or(TrendError::BaseTimeNotInSeries { time }),
    }
}

/// Every present observation as an index to the value at `base_time` (= 100).
///
/// # Errors
/// [`TrendError::BaseTimeNotInSeries`]; [`TrendError::ZeroBaseValue`].
pub fn index_to_base(series: &TimeSeries, base_time: f64) -> Result<Vec<IndexPoint>, TrendError> {
    let base = find_base(series.observations(), Some(base_time))?;
    if base.value == 0.0 {
        return Err(TrendError::ZeroBaseValue);
    }
    Ok(series
        .observations()
        .iter()
        .map(|o| IndexPoint {
            time_years: o.time_years,
            value: o.value,
            index: 100.0 * o.value / base.value,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yearly(rows: &[(i32, Option<f64>)]) -> TimeSeries {
        TimeSeries::yearly(rows).unwrap()
    }

    #[test]
    fn cagr_over_a_gap_uses_elapsed_years() {
        // 100 -> 121 over 2015..2017 with 2016 missing: CAGR 10 % (1.1² = 1.21).
        let c = change(
            &yearly(&[(2015, Some(100.0)), (2016, None), (2017, Some(121.0))]),
            None,
        )
        .unwrap();
        assert_eq!(c.elapsed_years, 2.0);
        assert_eq!(c.absolute, 21.0);
        assert!((c.percent.unwrap() - 21.0).abs() < 1e-12);
        assert!((c.cagr.unwrap() - 0.1).abs() < 1e-12);
    }

    #[test]
    fn northeast_solar_multiple_gives_its_cagr() {
        // Solar x9.35 from 2016 to 2020 (the paper): CAGR = 9.35^(1/4) - 1 = 0.74865...
        let c = change(&yearly(&[(2016, Some(1.0)), (2020, Some(9.35))]), None).unwrap();
        assert!((c.cagr.unwrap() - (9.35f64.powf(0.25) - 1.0)).abs() < 1e-12);
        assert!((c.cagr.unwrap() - 0.748_6).abs() < 1e-4);
    }

    #[test]
    fn zero_base_has_no_percent_and_no_cagr() {
        let c = change(&yearly(&[(2015, Some(0.0)), (2016, Some(2.0))]), None).unwrap();
        assert_eq!((c.percent, c.cagr), (None, None));
    }

    #[test]
    fn sign_change_has_no_cagr() {
        let c = change(&yearly(&[(2015, Some(-1.0)), (2016, Some(2.0))]), None).unwrap();
        assert_eq!(c.percent, Some(300.0));
        assert_eq!(c.cagr, None);
    }

    #[test]
    fn index_is_100_at_the_base_year() {
        let s = yearly(&[(2015, Some(50.0)), (2016, Some(75.0)), (2017, Some(40.0))]);
        let idx = index_to_base(&s, 2016.0).unwrap();
        let values: Vec<f64> = idx.iter().map(|p| p.index).collect();
        assert!((values[0] - 200.0 / 3.0).abs() < 1e-12);
        assert_eq!(values[1], 100.0);
        assert!((values[2] - 160.0 / 3.0).abs() < 1e-12);
        assert_eq!(
            index_to_base(&s, 2014.0),
            Err(TrendError::BaseTimeNotInSeries { time: 2014.0 })
        );
    }

    #[test]
    fn one_point_is_too_few_for_change() {
        assert_eq!(
            change(&yearly(&[(2015, Some(1.0))]), None),
            Err(TrendError::TooFewPoints { needed: 2, got: 1 })
        );
    }
}
