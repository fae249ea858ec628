//! `renewal depletion` end to end: the paper's test, the crossings, and the error path.

mod common;

use serde_json::Value;

fn run(args: &[&str]) -> (i32, Value, String) {
    common::renewal("depletion", args)
}

#[test]
fn depletion_reports_ratio_reserve_years_and_crossings() {
    // Original 1000, cumulative 650, production 40, 45, 50 (2018-2020):
    // ratio 0.65, remaining 350, R/P 350/50 = 7 -> not depleted.
    // Constant 50/yr: 650 + 50 j > 700 -> j = 2 (2022); R/P: ceil(350/50 - 5) = 2 (2022).
    // Trend: OLS slope 5/yr, 2021 -> 55: cumulative 705 > 700 -> 2021.
    let (code, v, _) = run(&[
        "--original",
        "1000",
        "--cumulative",
        "650",
        "--production",
        "2018=40,2019=45,2020=50",
        "--resource",
        "coal",
        "--unit",
        "Mt",
    ]);
    assert_eq!(code, 0);
    assert_eq!(v["resource"], "coal");
    assert_eq!(v["extraction_ratio"], 0.65);
    assert_eq!(v["reserve_to_production_years"], 7.0);
    assert_eq!(v["test"]["depleted"], false);
    assert_eq!(v["test"]["fired"], serde_json::json!([]));
    assert_eq!(
        v["constant_production"]["extraction_ratio_crossing"]["year"],
        2022
    );
    assert_eq!(
        v["constant_production"]["reserve_years_crossing"]["year"],
        2022
    );
    assert_eq!(v["production_trend"]["assumption"]["slope_per_year"], 5.0);
    assert_eq!(
        v["production_trend"]["extraction_ratio_crossing"]["year"],
        2021
    );
    assert_eq!(v["diagnostics"]["depletion.reserve_years"], 7.0);
}

#[test]
fn depletion_reads_a_production_file_and_names_the_fired_condition() {
    // 10, 20, 30 (2018-2020), cumulative 960 of 1000: ratio 0.96 > 0.7 and R/P 40/30 = 1.33 <= 5.
    let (code, v, _) = run(&[
        "--original",
        "1000",
        "--cumulative",
        "960",
        "--remaining",
        "40",
        "--production-file",
        "tests/fixtures/families/production.csv",
    ]);
    assert_eq!(code, 0);
    assert_eq!(v["test"]["depleted"], true);
    assert_eq!(
        v["test"]["fired"],
        serde_json::json!(["extraction_ratio", "reserve_years"])
    );
    assert_eq!(
        v["constant_production"]["depleted_from"]["already_met"],
        true
    );
    assert_eq!(v["as_of_year"], 2020);
}

#[test]
fn depletion_rejects_inconsistent_inputs() {
    let (code, v, err) = run(&[
        "--original",
        "100",
        "--cumulative",
        "120",
        "--production",
        "2020=1",
    ]);
    assert_eq!(code, 1);
    assert_eq!(v, Value::Null);
    assert!(
        err.contains("cumulative extraction 120 exceeds the original reserves 100"),
        "{err}"
    );
    let (code, _, err) = run(&[
        "--original",
        "-5",
        "--cumulative",
        "1",
        "--production",
        "2020=1",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("negative"), "{err}");
    let (code, _, err) = run(&[
        "--original",
        "100",
        "--cumulative",
        "1",
        "--production",
        "2020x1",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("YEAR=VALUE"), "{err}");
    let (code, _, err) = run(&[
        "--original",
        "100",
        "--cumulative",
        "50",
        "--remaining",
        "40",
        "--production",
        "2020=1",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("remaining reserves 40"), "{err}");
}

#[test]
fn depletion_reads_a_semicolon_file_with_decimal_comma_and_rejects_a_bad_year() {
    // Production 40,5 and 50,5 (decimal comma); the row "20x9" is rejected and left out.
    // Original 1000, cumulative 650: ratio 0.65; R/P on the last year 350 / 50.5.
    let dir = std::env::temp_dir().join(format!("renewal-depletion-in-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("prod.csv");
    std::fs::write(&p, "年份;产量（万吨）\n2019;40,5\n20x9;45\n2020;50,5\n").unwrap();
    let (code, v, err) = run(&[
        "--original",
        "1000",
        "--cumulative",
        "650",
        "--production-file",
        p.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let f = |v: &Value| v.as_f64().unwrap_or(f64::NAN);
    assert!((f(&v["reserve_to_production_years"]) - 350.0 / 50.5).abs() < 1e-12);
    let msg = "row 3, column A (年份): \"20x9\": not a year, date or hour";
    assert_eq!(v["rejections"][0]["message"], msg);
    assert!(err.contains(msg), "{err}");
}
