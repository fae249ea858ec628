//! The trend statistics against pyMannKendall 1.4.3 and scipy, on the fixtures in
//! `tests/fixtures/trend/` (see the README there for provenance and conventions).

use renewal_calc::trend::{
    hamed_rao, mann_kendall, theil_sen, yue_wang, AutocorrelationCorrection, MannKendall,
    SlopeAlgorithm, TimeSeries, TrendDirection, TrendError,
};
use serde_json::Value;

/// Agreement asked for by issue 4.
const TOL: f64 = 1e-9;

fn fixtures() -> Vec<Value> {
    let text = include_str!("fixtures/trend/pymannkendall.json");
    let root: Value = serde_json::from_str(text).expect("fixture is JSON");
    root["cases"].as_array().expect("cases").clone()
}

fn num(v: &Value, key: &str) -> f64 {
    v[key]
        .as_f64()
        .unwrap_or_else(|| panic!("{key} missing in {v}"))
}

fn close(name: &str, what: &str, got: f64, want: f64) {
    let scale = want.abs().max(1.0);
    assert!(
        (got - want).abs() <= TOL * scale,
        "{name}: {what} = {got}, pyMannKendall/scipy {want}"
    );
}

fn series(case: &Value) -> TimeSeries {
    let times: Vec<f64> = case["times"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    let values: Vec<Option<f64>> = case["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(Value::as_f64)
        .collect();
    if case["dated"].as_bool() == Some(true) {
        let rows: Vec<(f64, Option<f64>)> = times.into_iter().zip(values).collect();
        TimeSeries::from_times(&rows).unwrap()
    } else {
        let rows: Vec<(i32, Option<f64>)> =
            times.into_iter().map(|t| t as i32).zip(values).collect();
        TimeSeries::yearly(&rows).unwrap()
    }
}

fn check_test(name: &str, got: &MannKendall, want: &Value) {
    close(name, "s", got.s as f64, num(want, "s"));
    close(name, "var_s", got.var_s, num(want, "var_s"));
    close(name, "z", got.z, num(want, "z"));
    close(name, "p", got.p, num(want, "p"));
    assert_eq!(got.h, want["h"].as_bool().unwrap(), "{name}: h");
    let trend = match got.trend {
        TrendDirection::Increasing => "increasing",
        TrendDirection::Decreasing => "decreasing",
        TrendDirection::NoTrend => "no trend",
    };
    assert_eq!(trend, want["trend"].as_str().unwrap(), "{name}: trend");
    if want.get("Tau").is_some() {
        close(name, "tau", got.tau, num(want, "Tau"));
    }
}

#[test]
fn mann_kendall_agrees_with_pymannkendall_original_test() {
    for case in fixtures() {
        let name = case["name"].as_str().unwrap();
        let s = series(&case);
        let alpha = num(&case, "alpha");
        let mk = mann_kendall(&s.values(), alpha).unwrap();
        check_test(name, &mk, &case["original"]);
        // tau-b is scipy's kendalltau; pyMannKendall's Tau is tau-a (README).
        close(name, "tau_b", mk.tau_b, num(&case, "scipy_kendalltau_b"));
    }
}

#[test]
fn sen_slope_and_intercept_agree_with_pymannkendall_on_real_time() {
    for case in fixtures() {
        if case["dated"].as_bool() == Some(true) {
            continue;
        }
        let name = case["name"].as_str().unwrap();
        let s = series(&case);
        for algorithm in [
            SlopeAlgorithm::default(),
            SlopeAlgorithm::Randomised { seed: 1 },
        ] {
            let ts = theil_sen(&s.times(), &s.values(), 0.95, algorithm).unwrap();
            close(
                name,
                "slope",
                ts.slope_per_year,
                num(&case["original"], "slope"),
            );
            close(
                name,
                "intercept",
                ts.intercept,
                num(&case["original"], "intercept"),
            );
        }
    }
}

#[test]
fn sen_confidence_interval_agrees_with_scipy_theilslopes() {
    for case in fixtures() {
        let name = case["name"].as_str().unwrap();
        let s = series(&case);
        for (confidence, key) in [
            (0.95, "scipy_theilslopes_95"),
            (0.90, "scipy_theilslopes_90"),
        ] {
            let want = &case[key];
            for algorithm in [
                SlopeAlgorithm::default(),
                SlopeAlgorithm::Randomised { seed: 99 },
            ] {
                let ts = theil_sen(&s.times(), &s.values(), confidence, algorithm).unwrap();
                let ci = ts.interval.unwrap();
                close(name, "slope", ts.slope_per_year, num(want, "slope"));
                close(
                    name,
                    "intercept",
                    ts.intercept,
                    num(want, "intercept_at_t0"),
                );
                close(name, "ci lower", ci.lower, num(want, "low_slope"));
                close(name, "ci upper", ci.upper, num(want, "high_slope"));
            }
        }
    }
}

#[test]
fn long_series_uses_the_randomised_selection_and_still_agrees() {
    let cases = fixtures();
    let case = cases.iter().find(|c| c["name"] == "long_3000").unwrap();
    let s = series(case);
    let ts = theil_sen(&s.times(), &s.values(), 0.95, SlopeAlgorithm::default()).unwrap();
    assert!(
        ts.randomised,
        "3000 points = 4.5 million pairs, above the exhaustive limit"
    );
    close(
        "long_3000",
        "slope",
        ts.slope_per_year,
        num(&case["original"], "slope"),
    );
}

type Variant = fn(
    &[f64],
    &[f64],
    f64,
    f64,
    Option<usize>,
) -> Result<(MannKendall, AutocorrelationCorrection), TrendError>;

#[test]
fn hamed_rao_and_yue_wang_agree_with_pymannkendall_on_gap_free_series() {
    let variants: [(&str, Variant, Option<usize>); 4] = [
        ("hamed_rao", hamed_rao, None),
        ("hamed_rao_lag3", hamed_rao, Some(3)),
        ("yue_wang", yue_wang, None),
        ("yue_wang_lag1", yue_wang, Some(1)),
    ];
    let mut checked = 0;
    for case in fixtures() {
        let name = case["name"].as_str().unwrap();
        let s = series(&case);
        if case.get("hamed_rao").is_none() || !s.summary().missing_times.is_empty() {
            continue;
        }
        let alpha = num(&case, "alpha");
        let slope = num(&case["original"], "slope");
        for (key, f, lag) in variants {
            let want = &case[key];
            let label = format!("{name}/{key}");
            match f(&s.times(), &s.values(), slope, alpha, lag) {
                Ok((mk, _)) => check_test(&label, &mk, want),
                Err(e) => panic!("{label}: {e}"),
            }
            checked += 1;
        }
    }
    assert!(checked >= 20, "only {checked} comparisons");
}

#[test]
fn with_missing_years_the_variants_detrend_on_real_time() {
    // pyMannKendall detrends by position after dropping NaN; we detrend by real time. The
    // fixture's `*_real_time` entries are pyMannKendall's code with that one change.
    let cases = fixtures();
    let case = cases
        .iter()
        .find(|c| c["name"] == "missing_values")
        .unwrap();
    let s = series(case);
    let alpha = num(case, "alpha");
    let slope = num(&case["original"], "slope");
    // Hamed–Rao: the real-time correction factor is negative, so Var(S) < 0 and pyMannKendall's
    // code gives z = NaN: an explicit error here.
    let want = &case["hamed_rao_real_time"];
    assert!(num(want, "var_s") < 0.0 && want["z"].is_null());
    match hamed_rao(&s.times(), &s.values(), slope, alpha, None) {
        Err(TrendError::NonPositiveCorrectedVariance { factor }) => {
            close("missing_values", "factor", factor, num(want, "factor"));
        }
        other => panic!("expected a non-positive variance, got {other:?}"),
    }
    let want = &case["yue_wang_real_time"];
    let (mk, correction) = yue_wang(&s.times(), &s.values(), slope, alpha, None).unwrap();
    check_test("missing_values/yue_wang_real_time", &mk, want);
    close(
        "missing_values",
        "factor",
        correction.factor,
        num(want, "factor"),
    );
    // And it differs from pyMannKendall's own (position-based) Yue–Wang by design.
    let position_based = num(&case["yue_wang"], "var_s");
    assert!((mk.var_s - position_based).abs() > 1.0);
}
