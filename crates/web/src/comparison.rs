//! The overview's comparison of a city with the Northeast baseline, as plain data.
//!
//! For each indicator the city has and the paper gives a Northeast value for (Table 1's six
//! pollutants), one [`Row`]: the city's latest value, the baseline in the same year or the
//! nearest one, difference and ratio, the GB 3095-2012 grade II annual limit where one applies,
//! a status, and the city's own trend (Mann–Kendall and Sen's slope over its annual series).
//!
//! Status rule (a stated judgement, shown in the view): against the limit where there is one
//! (within it: good; up to 1.5 times: watch; above: poor); otherwise against the baseline
//! (lower concentration is better).

use crate::state::City;
use renewal_calc::compliance::{check_gb3095, Grade, LimitSet, Metric};
use renewal_calc::trend::{analyse, AnalysisOptions, Direction, TimeSeries, TrendDirection};
use renewal_data::baseline;
use renewal_data::IndicatorId;

/// The traffic light, always shown with its word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Within the limit (or at or below the baseline).
    Good,
    /// Above the limit by at most half (or above the baseline).
    Watch,
    /// More than 1.5 times the limit.
    Poor,
}

/// The city's own trend.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Trend {
    /// Mann–Kendall's verdict at alpha = 0.05.
    pub direction: TrendDirection,
    /// Two-sided p.
    pub p: f64,
    /// Sen's slope per year.
    pub slope_per_year: f64,
    /// Whether the movement is an improvement (lower concentrations are better).
    pub improving: Option<bool>,
}

/// One line of the overview.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The indicator.
    pub indicator: IndicatorId,
    /// Table 1's column key.
    pub key: &'static str,
    /// Unit of all values in the row.
    pub unit: &'static str,
    /// The city's latest year and value.
    pub city: (i32, f64),
    /// The baseline's year (the same as the city's, or the nearest) and value.
    pub baseline: (i32, f64),
    /// City minus baseline.
    pub difference: f64,
    /// City over baseline.
    pub ratio: Option<f64>,
    /// GB 3095-2012 grade II annual limit, where one applies to an annual value.
    pub limit: Option<f64>,
    /// The status.
    pub status: Status,
    /// The trend, when the city has at least four years.
    pub trend: Option<Trend>,
}

/// The Table 1 key, the indicator, and the GB 3095 metric for an annual value (CO and O3 have no
/// annual-mean limit: GB 3095 limits them as daily / 8-hour statistics).
const AIR: [(&str, IndicatorId, Option<Metric>); 6] = [
    ("pm25", IndicatorId::Pm25, Some(Metric::Pm25Annual)),
    ("pm10", IndicatorId::Pm10, Some(Metric::Pm10Annual)),
    ("so2", IndicatorId::So2, Some(Metric::So2Annual)),
    ("co", IndicatorId::Co, None),
    ("no2", IndicatorId::No2, Some(Metric::No2Annual)),
    ("o3", IndicatorId::O3, None),
];

fn limit(metric: Metric) -> Option<f64> {
    check_gb3095(LimitSet::Gb3095_2012, Grade::II, &[(metric, 1.0)])
        .ok()?
        .first()
        .map(|c| c.limit)
}

fn baseline_value(key: &str, year: i32) -> Option<(i32, f64)> {
    baseline::air_quality()
        .iter()
        .min_by_key(|r| (r.year - year).abs())
        .and_then(|r| Some((r.year, r.value(key)?)))
}

fn trend(series: &[(i32, f64)]) -> Option<Trend> {
    if series.len() < 4 {
        return None;
    }
    let rows: Vec<(i32, Option<f64>)> = series.iter().map(|(y, v)| (*y, Some(*v))).collect();
    let ts = TimeSeries::yearly(&rows).ok()?;
    let options = AnalysisOptions {
        direction: Direction::LowerIsBetter,
        ..AnalysisOptions::default()
    };
    let report = analyse(&ts, &options).ok()?;
    let mk = report.mann_kendall?;
    let sen = report.theil_sen?;
    let improving = match mk.trend {
        TrendDirection::Decreasing => Some(true),
        TrendDirection::Increasing => Some(false),
        TrendDirection::NoTrend => None,
    };
    Some(Trend {
        direction: mk.trend,
        p: mk.p,
        slope_per_year: sen.slope_per_year,
        improving,
    })
}

/// The overview rows of one city.
pub fn air_quality_rows(city: &City) -> Vec<Row> {
    let mut rows = Vec::new();
    for (key, indicator, metric) in AIR {
        let Some((year, value)) = city.latest(indicator) else {
            continue;
        };
        let Some(base) = baseline_value(key, year) else {
            continue;
        };
        let limit = metric.and_then(limit);
        let status = match limit {
            Some(l) if value <= l => Status::Good,
            Some(l) if value <= 1.5 * l => Status::Watch,
            Some(_) => Status::Poor,
            None if value <= base.1 => Status::Good,
            None => Status::Watch,
        };
        let unit = baseline::AIR_QUALITY_COLUMNS
            .iter()
            .find(|c| c.key == key)
            .map(|c| c.unit)
            .unwrap_or("");
        rows.push(Row {
            indicator,
            key,
            unit,
            city: (year, value),
            baseline: base,
            difference: value - base.1,
            ratio: (base.1 != 0.0).then(|| value / base.1),
            limit,
            status,
            trend: trend(&city.annual(indicator)),
        });
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn city(values: &[(IndicatorId, &[(i32, f64)])]) -> City {
        let mut series = BTreeMap::new();
        for (id, vals) in values {
            series.insert(*id, vals.iter().copied().collect());
        }
        City {
            id: 0,
            name: "T".into(),
            hidden: false,
            example: false,
            series,
        }
    }

    #[test]
    fn pm25_is_compared_with_the_same_year_and_the_gb3095_limit() {
        let c = city(&[(
            IndicatorId::Pm25,
            &[(2019, 60.0), (2020, 50.0), (2021, 44.0), (2022, 40.0)],
        )]);
        let rows = air_quality_rows(&c);
        assert_eq!(rows.len(), 1);
        let r = &rows[0];
        assert_eq!(r.city, (2022, 40.0));
        // Table 1, 2022: PM2.5 = 23.
        assert_eq!(r.baseline, (2022, 23.0));
        assert_eq!(r.difference, 17.0);
        assert!((r.ratio.unwrap() - 40.0 / 23.0).abs() < 1e-12);
        // GB 3095-2012 grade II annual PM2.5: 35 µg/m³; 40 <= 52.5 -> watch.
        assert_eq!(r.limit, Some(35.0));
        assert_eq!(r.status, Status::Watch);
        // Four strictly falling years: S = -6, Var(S) = 4*3*13/18, Z = (|S|-1)/sqrt(Var) = 1.7,
        // p = 0.089 -> not significant at 0.05; Sen's slope is the median of the six pairwise
        // slopes (-10, -8, -6.67, -6, -5, -4) = -6.33.
        let t = r.trend.unwrap();
        assert_eq!(t.direction, TrendDirection::NoTrend);
        assert!((t.p - 0.0894).abs() < 1e-3);
        assert!((t.slope_per_year - (-19.0 / 3.0)).abs() < 1e-9);
    }

    #[test]
    fn nearest_baseline_year_is_used_outside_2014_2022() {
        let c = city(&[(IndicatorId::So2, &[(2024, 8.0)])]);
        let r = &air_quality_rows(&c)[0];
        assert_eq!(r.baseline, (2022, 11.0));
        assert_eq!(r.status, Status::Good);
        assert!(r.trend.is_none());
    }

    #[test]
    fn co_and_o3_have_no_annual_limit_and_are_judged_against_the_baseline() {
        let c = city(&[
            (IndicatorId::O3, &[(2020, 150.0)]),
            (IndicatorId::Co, &[(2020, 0.5)]),
        ]);
        let rows = air_quality_rows(&c);
        let o3 = rows.iter().find(|r| r.key == "o3").unwrap();
        assert_eq!(o3.limit, None);
        assert_eq!(o3.status, Status::Watch); // 150 > 135 (Table 1, 2020)
        let co = rows.iter().find(|r| r.key == "co").unwrap();
        assert_eq!(co.status, Status::Good); // 0.5 <= 0.8231
    }

    #[test]
    fn far_above_the_limit_is_poor() {
        let c = city(&[(IndicatorId::Pm10, &[(2015, 180.0)])]);
        assert_eq!(air_quality_rows(&c)[0].status, Status::Poor); // 180 > 1.5 * 70
    }
}
