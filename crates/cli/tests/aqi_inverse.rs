//! `renewal aqi-inverse` end to end.

use serde_json::Value;
use std::process::Command;

fn run(args: &[&str]) -> (i32, Value, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_renewal"))
        .arg("aqi-inverse")
        .args(args)
        .output()
        .expect("binary runs");
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    (
        out.status.code().unwrap_or(-1),
        serde_json::from_str(&stdout).unwrap_or(Value::Null),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

#[test]
fn us_pm25_151_is_55_5_to_56_2() {
    // [55.5, g(151.5)) with g(151.5) = 55.5 + 0.5 * 69.9 / 49 = 56.21: truncated 55.5..=56.2.
    let (code, j, _) = run(&["--standard", "us-epa-2024", "--aqi", "151"]);
    assert_eq!(code, 0);
    let r = &j["ranges"]["pm25_24h"];
    assert_eq!(r["kind"], "range");
    assert_eq!(r["min"], 55.5);
    assert_eq!(r["max"], 56.2);
    assert_eq!(j["category"], "us_unhealthy");
}

#[test]
fn china_category_range_and_unbounded_rule() {
    let (code, j, _) = run(&["--standard", "hj633-2026", "--category", "cn_good"]);
    assert_eq!(code, 0);
    assert_eq!(j["ranges"]["pm25_24h"]["min"], 36.0);
    assert_eq!(j["ranges"]["pm25_24h"]["max"], 60.0);
    let (_, j, _) = run(&["--standard", "hj633-2026", "--aqi", "200"]);
    assert_eq!(j["ranges"]["so2_1h"]["min"], 798.0);
    assert_eq!(j["ranges"]["so2_1h"]["max"], Value::Null);
}

#[test]
fn out_of_scale_and_bad_category_fail() {
    let (code, _, err) = run(&["--standard", "hj633-2012", "--aqi", "501"]);
    assert_eq!(code, 1);
    assert!(err.contains("outside the scale"), "{err}");
    let (code, _, err) = run(&["--standard", "us-epa-2024", "--category", "cn_good"]);
    assert_eq!(code, 2);
    assert!(err.contains("not used by us_epa_2024"), "{err}");
    let (code, _, _) = run(&["--standard", "us-epa-2024"]);
    assert_eq!(code, 2);
}
