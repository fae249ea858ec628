//! Compliance tests: tables against the reference TOML, hand-checked verdicts.

use super::*;
use crate::time::CivilDate;

const REFERENCE_TOML: &str = include_str!("../../reference/aqi-breakpoints.toml");

#[test]
fn gb3095_limits_equal_the_reference_toml() {
    let t: toml::Table = REFERENCE_TOML.parse().unwrap();
    for (set, section) in [
        (LimitSet::Gb3095_2012, &t["gb3095_2012"]["limits"]),
        (
            LimitSet::Gb3095_2026Transition,
            &t["gb3095_2026"]["limits_transition"],
        ),
        (
            LimitSet::Gb3095_2026Final,
            &t["gb3095_2026"]["limits_final"],
        ),
    ] {
        let section = section.as_table().unwrap();
        assert_eq!(section.len(), limits(set).len(), "{set:?}");
        for row in limits(set) {
            let key = row.metric.gb3095_key().unwrap();
            let pair = section[key].as_array().unwrap();
            assert_eq!(pair[0].as_float(), Some(row.grade_i), "{set:?} {key}");
            assert_eq!(pair[1].as_float(), Some(row.grade_ii), "{set:?} {key}");
        }
    }
}

#[test]
fn who_guidelines_equal_the_reference_toml() {
    let t: toml::Table = REFERENCE_TOML.parse().unwrap();
    let who = t["who_2021"].as_table().unwrap();
    assert_eq!(who.len(), who_2021().len());
    for g in who_2021() {
        let e = &who[g.metric.who_key().unwrap()];
        assert_eq!(e["aqg"].as_float(), Some(g.aqg));
        let it: Vec<f64> = e["interim"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_float().unwrap())
            .collect();
        assert_eq!(it, g.interim);
        assert_eq!(e["unit"].as_str().unwrap() == "mg/m3", g.metric.is_mg_m3());
    }
}

#[test]
fn limit_is_met_at_equality_and_missed_just_above() {
    let r = check_gb3095(
        LimitSet::Gb3095_2012,
        Grade::II,
        &[
            (Metric::Pm25Annual, 35.0),
            (Metric::Pm25Annual, 35.1),
            (Metric::O3_8h, 170.0),
        ],
    )
    .unwrap();
    assert!(r[0].pass && r[0].ratio == 1.0);
    assert!(!r[1].pass);
    assert_eq!(r[2].statistic, Some(Statistic::P90OfMda8));
    assert!((r[2].ratio - 170.0 / 160.0).abs() < 1e-12);
}

#[test]
fn the_2026_limits_tighten_pm_first_then_everything() {
    // PM2.5 annual 32 µg/m³: passes 2012 (35), fails the 2026 transition (30) and final (25).
    let v = [(Metric::Pm25Annual, 32.0), (Metric::So2Annual, 25.0)];
    let a = check_gb3095(LimitSet::Gb3095_2012, Grade::II, &v).unwrap();
    let b = check_gb3095(LimitSet::Gb3095_2026Transition, Grade::II, &v).unwrap();
    let c = check_gb3095(LimitSet::Gb3095_2026Final, Grade::II, &v).unwrap();
    assert_eq!((a[0].pass, b[0].pass, c[0].pass), (true, false, false));
    // SO2 annual 25: 60 until 2030, 20 from 2031.
    assert_eq!((a[1].pass, b[1].pass, c[1].pass), (true, true, false));
    // Grade I is stricter.
    let g1 = check_gb3095(LimitSet::Gb3095_2012, Grade::I, &v).unwrap();
    assert_eq!(g1[0].limit, 15.0);
}

#[test]
fn limit_set_follows_the_date() {
    let d = |y, m, dd| CivilDate::new(y, m, dd).unwrap();
    assert_eq!(LimitSet::for_date(d(2015, 12, 31)), None);
    assert_eq!(
        LimitSet::for_date(d(2016, 1, 1)),
        Some(LimitSet::Gb3095_2012)
    );
    assert_eq!(
        LimitSet::for_date(d(2026, 2, 28)),
        Some(LimitSet::Gb3095_2012)
    );
    assert_eq!(
        LimitSet::for_date(d(2026, 3, 1)),
        Some(LimitSet::Gb3095_2026Transition)
    );
    assert_eq!(
        LimitSet::for_date(d(2030, 12, 31)),
        Some(LimitSet::Gb3095_2026Transition)
    );
    assert_eq!(
        LimitSet::for_date(d(2031, 1, 1)),
        Some(LimitSet::Gb3095_2026Final)
    );
}

#[test]
fn who_reports_the_best_interim_target_met() {
    let r = check_who_2021(&[
        (Metric::Pm25Annual, 12.0), // <= IT-3 (15), > IT-4 (10)
        (Metric::Pm25Annual, 4.0),  // below the AQG (5): IT-4 met too
        (Metric::Pm25Annual, 40.0), // above IT-1 (35)
        (Metric::Co_24h, 7.0),      // exactly IT-1
        (Metric::So2_24h, 45.0),    // IT-2 (50) met, AQG 40 not
    ])
    .unwrap();
    assert_eq!(r[0].best_interim_target_met, Some(3));
    assert!(!r[0].meets_aqg);
    assert_eq!(r[1].best_interim_target_met, Some(4));
    assert!(r[1].meets_aqg);
    assert!((r[1].ratio_to_aqg - 0.8).abs() < 1e-12);
    assert_eq!(r[2].best_interim_target_met, None);
    assert_eq!(r[3].best_interim_target_met, Some(1));
    assert_eq!(r[4].best_interim_target_met, Some(2));
    assert_eq!(r[4].statistic, Statistic::P99OfDailyValues);
}

#[test]
fn bad_values_and_missing_limits_are_errors() {
    assert_eq!(
        check_gb3095(
            LimitSet::Gb3095_2012,
            Grade::II,
            &[(Metric::O3PeakSeason, 1.0)]
        ),
        Err(ComplianceError::MetricNotInStandard {
            metric: Metric::O3PeakSeason,
            set: "GB 3095-2012"
        })
    );
    assert_eq!(
        check_who_2021(&[(Metric::So2_1h, 1.0)]),
        Err(ComplianceError::MetricNotInStandard {
            metric: Metric::So2_1h,
            set: "WHO 2021"
        })
    );
    assert_eq!(
        check_who_2021(&[(Metric::Pm25Annual, -1.0)]),
        Err(ComplianceError::NegativeValue {
            metric: Metric::Pm25Annual,
            value: -1.0
        })
    );
    assert_eq!(
        check_gb3095(
            LimitSet::Gb3095_2012,
            Grade::I,
            &[(Metric::Pm25Annual, f64::NAN)]
        ),
        Err(ComplianceError::NotFinite {
            metric: Metric::Pm25Annual
        })
    );
}

#[test]
fn hj663_statistics_map_to_the_gb3095_metric_they_are_checked_against() {
    use crate::aqi::Pollutant as P;
    assert_eq!(
        Metric::of(P::Pm25, Statistic::AnnualMean),
        Some(Metric::Pm25Annual)
    );
    assert_eq!(
        Metric::of(P::So2, Statistic::P98OfDailyMeans),
        Some(Metric::So2_24h)
    );
    assert_eq!(Metric::of(P::O3, Statistic::P90OfMda8), Some(Metric::O3_8h));
    // CO has no annual limit in GB 3095; O3 is not judged by its annual mean.
    assert_eq!(Metric::of(P::Co, Statistic::AnnualMean), None);
    assert_eq!(Metric::of(P::O3, Statistic::AnnualMean), None);
}
