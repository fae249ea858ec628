//! `renewal trend` end to end: the built binary, real numbers in the JSON, and the error paths.

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_renewal"))
        .arg("trend")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    // The binary may exit before reading stdin (argument errors): a broken pipe is fine.
    let _ = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes());
    child.wait_with_output().expect("binary finishes")
}

fn json(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "exit {:?}, stderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is one JSON object")
}

fn close(v: &Value, want: f64) {
    let got = v.as_f64().unwrap_or_else(|| panic!("{v} is not a number"));
    assert!(
        (got - want).abs() <= 1e-9 * want.abs().max(1.0),
        "{got} vs {want}"
    );
}

/// The `short_ties` case of crates/calc/tests/fixtures/trend (pyMannKendall 1.4.3 values).
const SHORT_TIES: &str = "year,value\n2011,3\n2012,4\n2013,4\n2014,2\n2015,5\n2016,5\n2017,5\n\
                          2018,7\n2019,6\n2020,7\n";

#[test]
fn trend_prints_pymannkendall_fields() {
    let v = json(&run(&["--json"], SHORT_TIES));
    assert_eq!(v["trend"], "increasing");
    assert_eq!(v["h"], true);
    assert_eq!(v["s"], 32);
    close(&v["var_s"], 119.333_333_333_333_33);
    close(&v["z"], 2.837_793_619_292_693_6);
    close(&v["p"], 0.004_542_654_422_162_728_5);
    close(&v["tau"], 0.711_111_111_111_111_1);
    close(&v["slope"], 0.4);
    close(&v["intercept"], 3.2);
    close(&v["intercept_time"], 2011.0);
    // 3 -> 7 over 9 years: CAGR = (7/3)^(1/9) - 1.
    close(&v["cagr"], (7.0f64 / 3.0).powf(1.0 / 9.0) - 1.0);
    assert_eq!(v["class"], "substantial_progress");
    // Index to 2011 (= 3): 2014 has 2 -> 66.67, 2020 has 7 -> 233.33.
    assert_eq!(v["index"][0]["index"], 100.0);
    close(&v["index"][3]["index"], 200.0 / 3.0);
    close(&v["index"][9]["index"], 700.0 / 3.0);
    assert_eq!(
        v["headline"],
        "improving, statistically significant (p = 0.005); substantial_progress"
    );
}

#[test]
fn trend_reads_a_file_and_a_target_with_lower_is_better() {
    let dir = std::env::temp_dir().join(format!("renewal-trend-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("pm25.csv");
    std::fs::write(
        &path,
        "2015,60\n2016,58\n2017,\n2018,50\n2019,47\n2020,45\n",
    )
    .unwrap();
    let out = run(
        &[
            path.to_str().unwrap(),
            "--target-value",
            "35",
            "--target-year",
            "2030",
            "--direction",
            "lower",
        ],
        "",
    );
    let v = json(&out);
    assert_eq!(v["n"], 5);
    assert_eq!(v["series"]["missing_times"][0], 2017.0);
    assert_eq!(v["trend"], "decreasing");
    // Required CAGR (35/60)^(1/15) - 1; observed (45/60)^(1/5) - 1; ratio >= 0.95: on track.
    close(
        &v["progress"]["required_cagr"],
        (35.0f64 / 60.0).powf(1.0 / 15.0) - 1.0,
    );
    close(
        &v["progress"]["progress_value"],
        (0.75f64.powf(0.2) - 1.0) / ((35.0f64 / 60.0).powf(1.0 / 15.0) - 1.0),
    );
    assert_eq!(v["class"], "substantial_progress");
    assert_eq!(v["summary"]["movement"], "improving");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn hamed_rao_method_reports_the_correction() {
    let v = json(&run(&["--method", "hamed-rao"], SHORT_TIES));
    assert_eq!(v["method"], "hamed-rao");
    close(
        &v["correction"]["var_s_uncorrected"],
        119.333_333_333_333_33,
    );
    assert_eq!(v["s"], 32);
}

#[test]
fn three_values_are_an_explicit_outcome_not_an_error() {
    let v = json(&run(&[], "2018,1\n2019,2\n2020,4\n"));
    assert!(v["trend"].is_null());
    assert_eq!(v["unavailable"][0]["statistic"], "mann_kendall");
    assert_eq!(v["unavailable"][0]["reason"]["kind"], "too_few_points");
    assert_eq!(v["unavailable"][0]["reason"]["got"], 3);
    close(&v["slope"], 1.5);
}

#[test]
fn bad_value_is_located_and_read_as_missing() {
    // A bad value among good ones is a warning: located, read as missing, listed in the JSON.
    let out = run(&[], "year,value\n2015,1\n2016,abc\n2017,3\n");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    let v = json(&out);
    let msg = "row 3, column B (value): \"abc\": not a number";
    assert!(err.contains(msg), "{err}");
    assert_eq!(v["rejections"][0]["message"], msg);
    // n counts the values present: 2015 and 2017. Sen's slope on (2015, 1), (2017, 3): 1 / year.
    assert_eq!(v["n"], 2);
    close(&v["slope"], 1.0);
    // Every row rejected: an input error.
    let out = run(&[], "year,value\nsometime,1\n");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("row 2, column A (year): \"sometime\": not a year, date or hour"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn semicolon_decimal_comma_and_chinese_years_read_as_the_plain_series() {
    // 2018年;1,5 … : the values 1.5, 2.5, 4.5 at 2018–2020. Sen's slope: median of
    // (1, 1.5, 2) / 1, 3 / 2 → pairwise slopes 1, 2, 1.5 → 1.5 per year.
    let v = json(&run(&[], "年份;数值\n2018年;1,5\n2019年;2,5\n2020年;4,5\n"));
    close(&v["slope"], 1.5);
    assert_eq!(v["n"], 3);
    assert!(v.get("rejections").is_none());
}

#[test]
fn duplicate_year_is_an_input_error() {
    let out = run(&[], "2015,1\n2016,2\n2015,3\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("2015"));
}

#[test]
fn alpha_out_of_range_is_a_usage_error() {
    let out = run(&["--alpha", "2"], SHORT_TIES);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("alpha"));
}

#[test]
fn target_value_without_year_is_rejected_by_the_parser() {
    let out = run(&["--target-value", "35"], SHORT_TIES);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn dates_become_decimal_years_for_the_slope() {
    // 2024 is a leap year: 2024-01-15 = 2024 + 14/366; 2025-01-15 = 2025 + 14/365.
    let v = json(&run(
        &[],
        "date,value\n2024-01-15,1\n2024-07-01,2\n2025-01-15,3\n2025-07-01,3.5\n",
    ));
    close(&v["intercept_time"], 2024.0 + 14.0 / 366.0);
    close(&v["series"]["last_time"], 2025.0 + 181.0 / 365.0);
    assert_eq!(v["s"], 6);
    // The slope between the 2024-01-15 and 2025-01-15 points is 2 per (1 + 14/365 − 14/366)
    // years; every slope is per year of real time, none per row.
    let slope = v["slope"].as_f64().unwrap();
    assert!(slope > 1.5 && slope < 2.5, "{slope}");
}

#[test]
fn base_year_moves_change_and_cagr() {
    // Base 2014 (value 2) to 2020 (value 7): +5, +250 %, CAGR 3.5^(1/6) − 1.
    let v = json(&run(&["--base-year", "2014"], SHORT_TIES));
    assert_eq!(v["change"]["absolute"], 5.0);
    close(&v["change"]["percent"], 250.0);
    close(&v["cagr"], 3.5f64.powf(1.0 / 6.0) - 1.0);
    let out = run(&["--base-year", "1999"], SHORT_TIES);
    let v = json(&out);
    assert!(v["change"].is_null());
    assert_eq!(
        v["unavailable"][0]["reason"]["kind"],
        "base_time_not_in_series"
    );
}

#[test]
fn yue_wang_with_lag_one_matches_pymannkendall() {
    // pyMannKendall 1.4.3 yue_wang_modification_test(short_ties, lag=1) (fixture
    // crates/calc/tests/fixtures/trend/pymannkendall.json, case short_ties, yue_wang_lag1).
    let fixture: Value = serde_json::from_str(include_str!(
        "../../calc/tests/fixtures/trend/pymannkendall.json"
    ))
    .unwrap();
    let case = fixture["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "short_ties")
        .unwrap();
    let want = &case["yue_wang_lag1"];
    let v = json(&run(&["--method", "yue-wang", "--lag", "1"], SHORT_TIES));
    close(&v["var_s"], want["var_s"].as_f64().unwrap());
    close(&v["z"], want["z"].as_f64().unwrap());
    close(&v["p"], want["p"].as_f64().unwrap());
    assert_eq!(v["correction"]["max_lag"], 1);
}
