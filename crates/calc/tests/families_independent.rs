//! `structure` and `depletion` against numpy/scipy fixtures (see fixtures/families/README.md).

use renewal_calc::depletion::{
    assess, ProductionYear, ProjectionMethod, ResourceInput, PAPER_CRITERION,
};
use renewal_calc::structure::concentration;
use serde_json::Value;

fn fixture(name: &str) -> Value {
    let path = format!(
        "{}/tests/fixtures/families/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect("fixture present");
    serde_json::from_str(&text).expect("fixture is JSON")
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn floats(v: &Value) -> Vec<f64> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_f64)
        .collect()
}

#[test]
fn concentration_agrees_with_scipy_entropy() {
    let f = fixture("concentration_scipy.json");
    let cases = f["cases"].as_array().expect("cases");
    assert_eq!(cases.len(), 36);
    for case in cases {
        let values = floats(&case["values"]);
        let c = concentration(&values).expect("valid fixture");
        let want = |k: &str| case[k].as_f64();
        assert!(
            close(c.hhi, want("hhi").unwrap()),
            "{values:?}: hhi {}",
            c.hhi
        );
        assert!(
            close(c.shannon_entropy, want("shannon_entropy").unwrap()),
            "{values:?}: H {}",
            c.shannon_entropy
        );
        match (c.evenness, want("evenness")) {
            (Some(a), Some(b)) => assert!(close(a, b), "{values:?}: J {a} vs {b}"),
            (a, b) => assert_eq!(a, b, "{values:?}"),
        }
    }
}

#[test]
fn production_trend_agrees_with_numpy_polyfit() {
    let f = fixture("ols_numpy.json");
    let cases = f["cases"].as_array().expect("cases");
    assert_eq!(cases.len(), 20);
    for case in cases {
        let years: Vec<i32> = case["years"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_i64)
            .filter_map(|y| i32::try_from(y).ok())
            .collect();
        let production: Vec<ProductionYear> = years
            .iter()
            .zip(floats(&case["production"]))
            .map(|(&year, production)| ProductionYear { year, production })
            .collect();
        let sum: f64 = production.iter().map(|p| p.production).sum();
        let r = assess(
            &ResourceInput {
                original_reserves: 10.0 * sum,
                cumulative_extraction: sum,
                remaining_reserves: None,
                production,
            },
            &PAPER_CRITERION,
        )
        .expect("valid fixture");
        let Some(ProjectionMethod::LinearTrend(t)) = r.production_trend.map(|p| p.assumption)
        else {
            panic!("no trend for {years:?}");
        };
        assert!(
            close(t.slope_per_year, case["slope"].as_f64().unwrap()),
            "{years:?}: {}",
            t.slope_per_year
        );
        assert!(
            close(
                t.fitted_last_year,
                case["fitted_last_year"].as_f64().unwrap()
            ),
            "{years:?}: {}",
            t.fitted_last_year
        );
    }
}
