//! HJ 663 statistics on synthetic data with hand-checked values, including gaps that make a day,
//! a window or a year invalid.

use super::*;
use crate::aqi::{CategoryId, Pollutant, PollutantKey as K, StandardId};
use crate::compliance::Statistic;

const REFERENCE_TOML: &str = include_str!("../../reference/aqi-breakpoints.toml");

fn h(y: i32, m: u8, d: u8, hour: u8, c: f64) -> HourlyValue {
    HourlyValue {
        hour: CivilHour::new(y, m, d, hour).unwrap(),
        concentration: c,
    }
}

fn date(y: i32, m: u8, d: u8) -> CivilDate {
    CivilDate::new(y, m, d).unwrap()
}

#[test]
fn daily_mean_needs_20_hours_and_gap_days_are_reported() {
    let mut v: Vec<HourlyValue> = (0..24).map(|x| h(2024, 3, 1, x, f64::from(x))).collect();
    // 2024-03-02: 19 hours (0..=18) -> invalid.
    v.extend((0..19).map(|x| h(2024, 3, 2, x, 10.0)));
    // 2024-03-03: nothing. 2024-03-04: exactly 20 hours of 5.0 -> valid.
    v.extend((0..20).map(|x| h(2024, 3, 4, x, 5.0)));
    let d = daily_means(&v, &HJ663).unwrap();
    assert_eq!(d.len(), 4);
    // 0 + 1 + … + 23 = 276; 276 / 24 = 11.5.
    assert_eq!(d[0].value, Some(11.5));
    assert_eq!(d[1].value, None);
    assert_eq!(
        d[1].invalid,
        Some(Invalid::TooFewHours {
            needed: 20,
            got: 19
        })
    );
    assert_eq!(
        d[2].invalid,
        Some(Invalid::TooFewHours { needed: 20, got: 0 })
    );
    assert_eq!(d[3].value, Some(5.0));
    assert_eq!(d[3].count, 20);
}

#[test]
fn eight_hour_windows_need_6_values() {
    // Hours 0..=23 except 2, 3 and 9: window 0 (0..=7) has 6 values -> valid,
    // window 2 (2..=9) has 5 -> invalid.
    let v: Vec<HourlyValue> = (0..24)
        .filter(|x| ![2, 3, 9].contains(x))
        .map(|x| h(2024, 6, 1, x, f64::from(x)))
        .collect();
    let w = eight_hour_means(&v, &HJ663).unwrap();
    assert_eq!(w.len(), 17);
    // Window 0: 0, 1, 4, 5, 6, 7 -> 23 / 6.
    assert_eq!(w[0].count, 6);
    assert!((w[0].value.unwrap() - 23.0 / 6.0).abs() < 1e-12);
    assert_eq!(w[2].count, 5);
    assert_eq!(w[2].value, None);
    assert_eq!(w[16].start.hour, 16);
}

#[test]
fn mda8_is_the_maximum_window_and_needs_14_windows_unless_above_the_limit() {
    // Full day, O3 = 10 * hour: window s has mean 10 * (s + 3.5); the last window (16..=23)
    // gives the maximum 195.
    let full: Vec<HourlyValue> = (0..24)
        .map(|x| h(2024, 7, 1, x, 10.0 * f64::from(x)))
        .collect();
    let m = mda8(&full, &HJ663, Some(160.0)).unwrap();
    assert_eq!(m[0].value, Some(195.0));
    assert_eq!(m[0].count, 17);
    // Hours 0..=12 only: windows 0..=7 have >= 6 values (8 windows < 14) -> invalid; the max
    // window (7..=12) is 10 * 9.5 = 95, below 160.
    let part: Vec<HourlyValue> = (0..13)
        .map(|x| h(2024, 7, 1, x, 10.0 * f64::from(x)))
        .collect();
    let m = mda8(&part, &HJ663, Some(160.0)).unwrap();
    assert_eq!(m[0].value, None);
    assert_eq!(
        m[0].invalid,
        Some(Invalid::TooFewWindows { needed: 14, got: 8 })
    );
    // Same gaps with O3 = 100 * hour: the max window is 950 > 160, so the day counts.
    let high: Vec<HourlyValue> = (0..13)
        .map(|x| h(2024, 7, 1, x, 100.0 * f64::from(x)))
        .collect();
    let m = mda8(&high, &HJ663, Some(160.0)).unwrap();
    assert_eq!(m[0].value, Some(950.0));
    assert!(m[0].valid_by_exceedance);
    // Without a limit there is no rescue.
    assert_eq!(mda8(&high, &HJ663, None).unwrap()[0].value, None);
}

#[test]
fn bad_hourly_input_is_an_error_with_its_position() {
    let v = vec![h(2024, 1, 1, 0, 1.0), h(2024, 1, 1, 0, 2.0)];
    assert_eq!(
        daily_means(&v, &HJ663),
        Err(StatsError::DuplicateHour {
            hour: CivilHour::new(2024, 1, 1, 0).unwrap()
        })
    );
    let v = vec![h(2024, 1, 1, 0, 1.0), h(2024, 1, 1, 1, -2.0)];
    assert_eq!(
        daily_means(&v, &HJ663),
        Err(StatsError::NegativeConcentration {
            index: 1,
            value: -2.0
        })
    );
    let v = vec![h(2024, 1, 1, 0, f64::NAN)];
    assert_eq!(
        daily_means(&v, &HJ663),
        Err(StatsError::NotFinite { index: 0 })
    );
    assert_eq!(daily_means(&[], &HJ663), Ok(vec![]));
}

fn year_dates(year: i32, keep: impl Fn(CivilDate) -> bool) -> Vec<CivilDate> {
    let start = date(year, 1, 1).days_since_epoch();
    let end = date(year, 12, 31).days_since_epoch();
    (start..=end)
        .map(CivilDate::from_days_since_epoch)
        .filter(|d| keep(*d))
        .collect()
}

#[test]
fn year_coverage_applies_324_27_and_25() {
    assert!(year_coverage(2023, &year_dates(2023, |_| true), &HJ663).is_empty());
    // February with 25 days is enough; with 24 it is not.
    let feb25 = year_dates(2023, |d| !(d.month == 2 && d.day > 25));
    assert!(year_coverage(2023, &feb25, &HJ663).is_empty());
    let feb24 = year_dates(2023, |d| !(d.month == 2 && d.day > 24));
    assert_eq!(
        year_coverage(2023, &feb24, &HJ663),
        vec![Invalid::TooFewDaysInMonth {
            month: 2,
            needed: 25,
            got: 24
        }]
    );
    // 27 days in every month and 25 in February: 11 * 27 + 25 = 322 < 324, months all fine.
    let thin = year_dates(2023, |d| {
        if d.month == 2 {
            d.day <= 25
        } else {
            d.day <= 27
        }
    });
    assert_eq!(
        year_coverage(2023, &thin, &HJ663),
        vec![Invalid::TooFewDaysInYear {
            needed: 324,
            got: 322
        }]
    );
    // A month with 26 days.
    let july = year_dates(2023, |d| !(d.month == 7 && d.day > 26));
    assert_eq!(
        year_coverage(2023, &july, &HJ663),
        vec![Invalid::TooFewDaysInMonth {
            month: 7,
            needed: 27,
            got: 26
        }]
    );
}

fn options(standard: StandardId) -> Options {
    Options {
        standard,
        rules: HJ663,
        mda8_exceedance_limit_ug_m3: Some(160.0),
    }
}

#[test]
fn annual_means_and_percentiles_of_a_full_year() {
    // Daily value = day of year (1..=365) for every pollutant.
    let days = year_dates(2023, |_| true);
    let series: Vec<(crate::aqi::PollutantKey, Vec<DailyValue>)> =
        [K::So2_24h, K::Pm25_24h, K::Co_24h, K::O3_8h]
            .into_iter()
            .map(|k| {
                (
                    k,
                    days.iter()
                        .map(|d| DailyValue {
                            date: *d,
                            concentration: f64::from(d.ordinal()),
                        })
                        .collect(),
                )
            })
            .collect();
    let e = evaluate_daily(&options(StandardId::CnHj633_2026), &series).unwrap();
    assert_eq!(e.annual.len(), 1);
    let stat = |p: Pollutant, s: Statistic| {
        e.annual[0]
            .statistics
            .iter()
            .find(|x| x.pollutant == p && x.statistic == s)
            .unwrap()
            .clone()
    };
    // Mean of 1..=365 = 183. P98: k = 1 + 364 * 0.98 = 357.72 -> 357.72.
    // P95: k = 1 + 364 * 0.95 = 346.8. P90: k = 1 + 364 * 0.9 = 328.6.
    assert_eq!(
        stat(Pollutant::So2, Statistic::AnnualMean).value,
        Some(183.0)
    );
    assert!(
        (stat(Pollutant::So2, Statistic::P98OfDailyMeans)
            .value
            .unwrap()
            - 357.72)
            .abs()
            < 1e-9
    );
    assert!(
        (stat(Pollutant::Pm25, Statistic::P95OfDailyMeans)
            .value
            .unwrap()
            - 346.8)
            .abs()
            < 1e-9
    );
    assert!(
        (stat(Pollutant::Co, Statistic::P95OfDailyMeans)
            .value
            .unwrap()
            - 346.8)
            .abs()
            < 1e-9
    );
    assert!((stat(Pollutant::O3, Statistic::P90OfMda8).value.unwrap() - 328.6).abs() < 1e-9);
    assert_eq!(stat(Pollutant::So2, Statistic::AnnualMean).days, 365);
}

#[test]
fn a_thin_year_is_invalid_with_the_reason_not_computed() {
    let days = year_dates(2023, |d| !(d.month == 2 && d.day > 20));
    let series = vec![(
        K::Pm25_24h,
        days.iter()
            .map(|d| DailyValue {
                date: *d,
                concentration: 30.0,
            })
            .collect(),
    )];
    let e = evaluate_daily(&options(StandardId::CnHj633_2012), &series).unwrap();
    let s = &e.annual[0].statistics[0];
    assert_eq!(s.value, None);
    assert_eq!(
        s.invalid,
        vec![Invalid::TooFewDaysInMonth {
            month: 2,
            needed: 25,
            got: 20
        }]
    );
}

fn day(
    d: CivilDate,
    values: &[(crate::aqi::PollutantKey, f64)],
) -> Vec<(crate::aqi::PollutantKey, DailyValue)> {
    values
        .iter()
        .map(|(k, c)| {
            (
                *k,
                DailyValue {
                    date: d,
                    concentration: *c,
                },
            )
        })
        .collect()
}

#[test]
fn daily_aqi_good_days_ratio_and_days_per_category() {
    // HJ 633-2012 daily indicators (no O3 1-h column: not required).
    let low = [
        (K::So2_24h, 10.0),
        (K::No2_24h, 20.0),
        (K::Co_24h, 0.5),
        (K::Pm10_24h, 40.0),
        (K::Pm25_24h, 20.0),
        (K::O3_8h, 80.0),
    ];
    let mut rows = day(date(2023, 1, 1), &low);
    // Day 2: PM2.5 150 -> 200 (moderately polluted).
    let mut d2 = low;
    d2[4].1 = 150.0;
    rows.extend(day(date(2023, 1, 2), &d2));
    // Day 3: CO missing, others give PM2.5 40 -> 50 + 50 * 5/40 = 56.25 -> 57 (<= 100): invalid.
    let mut d3: Vec<_> = low
        .iter()
        .copied()
        .filter(|(k, _)| *k != K::Co_24h)
        .collect();
    d3[3].1 = 40.0;
    rows.extend(day(date(2023, 1, 3), &d3));
    // Day 4: CO missing, PM2.5 150 -> 200 (> 100): the AQI stands.
    let mut d4: Vec<_> = low
        .iter()
        .copied()
        .filter(|(k, _)| *k != K::Co_24h)
        .collect();
    d4[3].1 = 150.0;
    rows.extend(day(date(2023, 1, 4), &d4));
    let mut series: Vec<(crate::aqi::PollutantKey, Vec<DailyValue>)> = Vec::new();
    for (k, v) in rows {
        match series.iter_mut().find(|(key, _)| *key == k) {
            Some((_, list)) => list.push(v),
            None => series.push((k, vec![v])),
        }
    }
    let e = evaluate_daily(&options(StandardId::CnHj633_2012), &series).unwrap();
    // Day 1: SO2 10 -> 10, NO2 20 -> 25, CO 0.5 -> 12.5 -> 13, PM10 40 -> 40, PM2.5 20 -> 28.57 -> 29,
    // O3 80 -> 40: AQI 40, excellent, no primary.
    assert_eq!(e.daily[0].aqi, Some(40));
    assert_eq!(e.daily[0].category, Some(CategoryId::CnExcellent));
    assert!(e.daily[0].primary.is_empty());
    assert_eq!(e.daily[1].aqi, Some(200));
    assert_eq!(e.daily[1].primary, vec![K::Pm25_24h]);
    assert_eq!(e.daily[2].aqi, None);
    assert_eq!(
        e.daily[2].invalid,
        Some(Invalid::MissingIndicators {
            keys: vec![K::Co_24h]
        })
    );
    assert_eq!(e.daily[3].aqi, Some(200));
    let y = &e.annual[0];
    assert_eq!((y.valid_aqi_days, y.good_days), (3, 1));
    assert!((y.good_days_ratio.unwrap() - 1.0 / 3.0).abs() < 1e-12);
    let count = |c: CategoryId| {
        y.days_per_category
            .iter()
            .find(|x| x.category == c)
            .unwrap()
            .days
    };
    assert_eq!(count(CategoryId::CnExcellent), 1);
    assert_eq!(count(CategoryId::CnModeratelyPolluted), 2);
    assert_eq!(count(CategoryId::CnGood), 0);
    assert_eq!(y.days_per_category.len(), 6);
}

#[test]
fn hourly_evaluation_builds_daily_means_and_mda8() {
    // Two days of constant hourly values; day 2 loses hours 20..=23 of PM2.5 (20 left: valid)
    // and hours 4..=23 of CO (4 left: invalid -> CO missing; under 2026 the rest give at most
    // PM2.5 40 -> 50 + 50 * 5/25 = 60 <= 100, so the day is invalid).
    let mut series: Vec<(Pollutant, Vec<HourlyValue>)> = Vec::new();
    let constant = [
        (Pollutant::So2, 10.0),
        (Pollutant::No2, 20.0),
        (Pollutant::Pm10, 40.0),
        (Pollutant::O3, 80.0),
    ];
    for (p, c) in constant {
        let v = (1..=2u8)
            .flat_map(|d| (0..24).map(move |x| h(2023, 5, d, x, c)))
            .collect();
        series.push((p, v));
    }
    series.push((
        Pollutant::Pm25,
        (1..=2u8)
            .flat_map(|d| {
                (0..24)
                    .filter(move |x| d == 1 || *x < 20)
                    .map(move |x| h(2023, 5, d, x, 40.0))
            })
            .collect(),
    ));
    series.push((
        Pollutant::Co,
        (1..=2u8)
            .flat_map(|d| {
                (0..24)
                    .filter(move |x| d == 1 || *x < 4)
                    .map(move |x| h(2023, 5, d, x, 1.0))
            })
            .collect(),
    ));
    let e = evaluate_hourly(&options(StandardId::CnHj633_2026), &series).unwrap();
    assert_eq!(e.daily.len(), 2);
    let ind = |d: usize, k| {
        e.daily[d]
            .indicators
            .iter()
            .find(|i| i.key == k)
            .unwrap()
            .clone()
    };
    assert_eq!(ind(0, K::O3_8h).value, Some(80.0));
    assert_eq!(ind(1, K::Pm25_24h).value, Some(40.0));
    assert_eq!(
        ind(1, K::Co_24h).invalid,
        Some(Invalid::TooFewHours { needed: 20, got: 4 })
    );
    // Day 1 under 2026: PM2.5 40 -> 50 + 50 * 5/25 = 60 is the maximum.
    assert_eq!(e.daily[0].aqi, Some(60));
    assert_eq!(e.daily[0].primary, vec![K::Pm25_24h]);
    assert_eq!(
        e.daily[1].invalid,
        Some(Invalid::MissingIndicators {
            keys: vec![K::Co_24h]
        })
    );
    // Two days are far from a valid year.
    let pm = e.annual[0]
        .statistics
        .iter()
        .find(|s| s.pollutant == Pollutant::Pm25)
        .unwrap();
    assert_eq!(pm.value, None);
    assert!(pm.invalid.contains(&Invalid::TooFewDaysInYear {
        needed: 324,
        got: 2
    }));
}

#[test]
fn hj633_2012_adds_the_o3_daily_max_1h_from_hourly_data() {
    // O3 = 10 * hour: daily max 1-h 230 -> 1-h table 200..300 -> 100 + 50 * 30/100 = 115;
    // MDA8 195 -> 8-h segment 160..215 -> 100 + 50 * 35/55 = 131.8 -> 132.
    let v: Vec<HourlyValue> = (0..24)
        .map(|x| h(2023, 7, 1, x, 10.0 * f64::from(x)))
        .collect();
    let e = evaluate_hourly(&options(StandardId::CnHj633_2012), &[(Pollutant::O3, v)]).unwrap();
    let ind = |k| {
        e.daily[0]
            .indicators
            .iter()
            .find(|i| i.key == k)
            .unwrap()
            .clone()
    };
    assert_eq!(ind(K::O3_1h).value, Some(230.0));
    assert_eq!(ind(K::O3_8h).value, Some(195.0));
    // Other indicators missing, AQI 132 > 100: the day stands with O3-8h primary.
    assert_eq!(e.daily[0].aqi, Some(132));
    assert_eq!(e.daily[0].primary, vec![K::O3_8h]);
}

#[test]
fn annual_statistics_table_equals_the_reference_toml() {
    let t: toml::Table = REFERENCE_TOML.parse().unwrap();
    let s = t["hj663_annual_statistics"].as_table().unwrap();
    let name = |x: &Statistic| match x {
        Statistic::AnnualMean => "annual_mean",
        Statistic::P98OfDailyMeans => "p98_of_24h_means",
        Statistic::P95OfDailyMeans => "p95_of_24h_means",
        Statistic::P90OfMda8 => "p90_of_daily_max_8h_means",
        _ => "?",
    };
    for (p, stats) in HJ663_ANNUAL_STATISTICS {
        let theirs: Vec<&str> = s[p.key()]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        let ours: Vec<&str> = stats.iter().map(name).collect();
        assert_eq!(ours, theirs, "{p:?}");
    }
}

proptest::proptest! {
    #[test]
    fn evaluation_never_panics_and_valid_days_have_enough_hours(
        hours in proptest::collection::btree_set(0i64..24 * 40, 0..400),
        value in 0.0f64..400.0,
    ) {
        let base = CivilHour::new(2024, 2, 20, 0).unwrap().hours_since_epoch();
        let v: Vec<HourlyValue> = hours
            .iter()
            .map(|h| HourlyValue { hour: CivilHour::from_hours_since_epoch(base + h), concentration: value })
            .collect();
        for d in daily_means(&v, &HJ663).unwrap() {
            proptest::prop_assert_eq!(d.value.is_some(), d.count >= 20);
        }
        for d in mda8(&v, &HJ663, Some(160.0)).unwrap() {
            if let Some(m) = d.value {
                proptest::prop_assert!((m - value).abs() < 1e-9);
                proptest::prop_assert!(d.count >= 14 || m > 160.0);
            }
        }
        let e = evaluate_hourly(&options(StandardId::CnHj633_2026), &[(Pollutant::Pm25, v.clone()), (Pollutant::O3, v)]).unwrap();
        for y in &e.annual {
            let total: usize = y.days_per_category.iter().map(|c| c.days).sum();
            proptest::prop_assert_eq!(total, y.valid_aqi_days);
            proptest::prop_assert!(y.good_days <= y.valid_aqi_days);
        }
    }
}

/// Daily means and MDA8 straight from the definitions, one day and one window at a time over
/// the whole input (the shape of the code before the sorted walk), to check the walk against.
fn naive_days(
    v: &[HourlyValue],
    rules: &ValidityRules,
    limit: Option<f64>,
) -> (Vec<Option<f64>>, Vec<Option<f64>>) {
    let mut hv: Vec<(i64, f64)> = v
        .iter()
        .map(|x| (x.hour.hours_since_epoch(), x.concentration))
        .collect();
    hv.sort_by_key(|x| x.0);
    let Some((first, last)) = hv.first().zip(hv.last()).map(|(a, b)| (a.0, b.0)) else {
        return (vec![], vec![]);
    };
    let in_range = |a: i64, b: i64| -> Vec<f64> {
        hv.iter()
            .filter(|(h, _)| (a..b).contains(h))
            .map(|x| x.1)
            .collect()
    };
    let (mut means, mut mda8s) = (vec![], vec![]);
    for day in first.div_euclid(24)..=last.div_euclid(24) {
        let v = in_range(day * 24, day * 24 + 24);
        means.push(
            (v.len() >= rules.min_hours_per_day).then(|| v.iter().sum::<f64>() / v.len() as f64),
        );
        let (s, e) = rules.mda8_window_starts;
        let valid: Vec<f64> = (s..=e)
            .filter_map(|h| {
                let w = in_range(day * 24 + i64::from(h), day * 24 + i64::from(h) + 8);
                (w.len() >= rules.min_hours_per_8h_window)
                    .then(|| w.iter().sum::<f64>() / w.len() as f64)
            })
            .collect();
        let max = valid.iter().cloned().reduce(f64::max);
        let ok = valid.len() >= rules.min_windows_per_day
            || matches!((max, limit), (Some(m), Some(l)) if m > l);
        mda8s.push(if ok { max } else { None });
    }
    (means, mda8s)
}

#[test]
fn windows_past_midnight_read_the_next_day_when_the_rules_say_so() {
    // Starts up to 20:00: the window at 20:00 covers 20:00–03:59 of the next day.
    let rules = ValidityRules {
        mda8_window_starts: (0, 20),
        min_windows_per_day: 1,
        ..HJ663
    };
    let v: Vec<HourlyValue> = (0..24)
        .map(|x| h(2023, 7, 1, x, 1.0))
        .chain((0..4).map(|x| h(2023, 7, 2, x, 100.0)))
        .collect();
    let m = mda8(&v, &rules, None).unwrap();
    // 20:00–03:59: 4 x 1 + 4 x 100 -> 50.5; 17:00 … 19:00 windows have fewer next-day hours.
    assert_eq!(m[0].value, Some(50.5));
    assert_eq!(m[0].value, naive_days(&v, &rules, None).1[0]);
}

/// The rows of one column: hours and values.
fn rows(v: &[HourlyValue]) -> (Vec<i64>, Vec<f64>) {
    v.iter()
        .map(|x| (x.hour.hours_since_epoch(), x.concentration))
        .unzip()
}

#[test]
fn rows_give_the_same_evaluation_and_errors() {
    // Unsorted input with a gap day: the rows path sorts a copy, as the hourly path does.
    let mut v: Vec<HourlyValue> = (1..=3u8)
        .filter(|d| *d != 2)
        .flat_map(|d| (0..24).map(move |x| h(2023, 5, d, x, f64::from(x) + 0.3)))
        .collect();
    v.reverse();
    let o = options(StandardId::CnHj633_2026);
    let (hours, values) = rows(&v);
    let a = evaluate_hourly(
        &o,
        &[(Pollutant::Pm25, v.clone()), (Pollutant::O3, v.clone())],
    );
    let b = evaluate_hourly_rows(
        &o,
        &hours,
        &[
            (Pollutant::Pm25, values.clone()),
            (Pollutant::O3, values.clone()),
        ],
    );
    assert_eq!(a, b);
    assert_eq!(a.unwrap().daily.len(), 3);
    // A duplicate hour and a negative value: the same errors at the same positions.
    let mut dup = v.clone();
    dup.push(v[5]);
    let (dh, dv) = rows(&dup);
    assert_eq!(
        evaluate_hourly_rows(&o, &dh, &[(Pollutant::Pm25, dv)]),
        evaluate_hourly(&o, &[(Pollutant::Pm25, dup)])
    );
    // NaN is no value: not counted in an error's index.
    assert!(matches!(
        evaluate_hourly_rows(
            &o,
            &[0, 1, 2],
            &[(Pollutant::Pm25, vec![f64::NAN, 1.0, -2.0])]
        ),
        Err(StatsError::NegativeConcentration { index: 1, .. })
    ));
    assert!(matches!(
        evaluate_hourly_rows(&o, &[0, 1], &[(Pollutant::Pm25, vec![1.0, f64::INFINITY])]),
        Err(StatsError::NotFinite { index: 1 })
    ));
    assert_eq!(evaluate_hourly_rows(&o, &[], &[]), evaluate_hourly(&o, &[]));
    assert_eq!(
        evaluate_hourly_rows(&o, &[5, 6], &[(Pollutant::Pm25, vec![f64::NAN; 2])]),
        evaluate_hourly(&o, &[(Pollutant::Pm25, vec![])])
    );
}

#[test]
fn rows_share_hours_and_a_missing_value_is_no_hour() {
    // Two columns on one hours column with an hour given twice (rows 30 and 31). PM2.5 has
    // values on the second day only, and none in row 31; CO has none in row 31 either: neither
    // column has a duplicate hour (a missing value is no hour).
    let base = CivilHour::new(2022, 12, 31, 0).unwrap().hours_since_epoch();
    let mut hours: Vec<i64> = (0..72).map(|i| base + i).collect();
    hours.insert(30, base + 30);
    let pm: Vec<f64> = (0..hours.len())
        .map(|i| {
            if (24..48).contains(&i) && i != 31 {
                i as f64
            } else {
                f64::NAN
            }
        })
        .collect();
    let mut co: Vec<f64> = (0..hours.len()).map(|i| i as f64 / 10.0).collect();
    co[31] = f64::NAN;
    let o = options(StandardId::CnHj633_2026);
    let present = |v: &[f64]| -> Vec<HourlyValue> {
        hours
            .iter()
            .zip(v)
            .filter(|(_, x)| !x.is_nan())
            .map(|(h, x)| HourlyValue {
                hour: CivilHour::from_hours_since_epoch(*h),
                concentration: *x,
            })
            .collect()
    };
    let got = evaluate_hourly_rows(
        &o,
        &hours,
        &[(Pollutant::Pm25, pm.clone()), (Pollutant::Co, co.clone())],
    );
    let want = evaluate_hourly(
        &o,
        &[
            (Pollutant::Pm25, present(&pm)),
            (Pollutant::Co, present(&co)),
        ],
    );
    assert_eq!(got, want);
    let e = got.unwrap();
    // The report spans CO's three days; PM2.5 has its one day (2023-01-01), 23 hours.
    assert_eq!(e.daily.len(), 3);
    let pm_day = |d: usize| {
        e.daily[d]
            .indicators
            .iter()
            .find(|i| i.key == K::Pm25_24h)
            .unwrap()
            .clone()
    };
    assert_eq!(pm_day(1).count, 23);
    assert_eq!(pm_day(0).invalid, Some(Invalid::NoData));
    // With PM2.5 present in both rows of the repeated hour: a duplicate, as for HourlyValues.
    let mut pm2 = pm.clone();
    pm2[30] = 1.0;
    pm2[31] = 2.0;
    assert_eq!(
        evaluate_hourly_rows(&o, &hours, &[(Pollutant::Pm25, pm2.clone())]),
        evaluate_hourly(&o, &[(Pollutant::Pm25, present(&pm2))])
    );
    assert!(evaluate_hourly_rows(&o, &hours, &[(Pollutant::Pm25, pm2)]).is_err());
}

proptest::proptest! {
    #[test]
    fn the_sorted_walk_equals_the_definitions_and_both_entry_points_agree(
        hours in proptest::collection::btree_map(0i64..24 * 50, 0u32..4000, 0..600),
        late_start in 16u8..23,
        shuffle in proptest::bool::ANY,
        gaps in proptest::collection::vec(proptest::bool::weighted(0.2), 600),
    ) {
        let base = CivilHour::new(2023, 12, 20, 0).unwrap().hours_since_epoch();
        let mut v: Vec<HourlyValue> = hours
            .iter()
            .map(|(h, c)| HourlyValue {
                hour: CivilHour::from_hours_since_epoch(base + h),
                concentration: f64::from(*c) / 10.0,
            })
            .collect();
        if shuffle {
            v.reverse();
        }
        for rules in [HJ663, ValidityRules { mda8_window_starts: (0, late_start), ..HJ663 }] {
            let (means, mda8s) = naive_days(&v, &rules, Some(160.0));
            let got: Vec<Option<f64>> = daily_means(&v, &rules).unwrap().iter().map(|d| d.value).collect();
            proptest::prop_assert_eq!(got, means);
            let got: Vec<Option<f64>> = mda8(&v, &rules, Some(160.0)).unwrap().iter().map(|d| d.value).collect();
            proptest::prop_assert_eq!(got, mda8s);
        }
        // Rows: the same hours, one column with gaps (NaN) and one without.
        let (row_hours, full) = rows(&v);
        let with_gaps: Vec<f64> = full.iter().zip(&gaps).map(|(x, gap)| if *gap { f64::NAN } else { *x }).collect();
        let present: Vec<HourlyValue> = v.iter().zip(&gaps).filter(|(_, gap)| !**gap).map(|(x, _)| *x).collect();
        for standard in [StandardId::CnHj633_2026, StandardId::CnHj633_2012] {
            let o = options(standard);
            let a = evaluate_hourly(&o, &[(Pollutant::Co, present.clone()), (Pollutant::O3, v.clone())]);
            let days = vec![
                pollutant_days_of_rows(&o, Pollutant::Co, &row_hours, &with_gaps).unwrap(),
                pollutant_days_of_rows(&o, Pollutant::O3, &row_hours, &full).unwrap(),
            ];
            proptest::prop_assert_eq!(&a, &evaluate_pollutant_days(&o, days));
            proptest::prop_assert_eq!(a, evaluate_hourly_rows(&o, &row_hours, &[(Pollutant::Co, with_gaps.clone()), (Pollutant::O3, full.clone())]));
        }
    }
}
