//! `renewal aqi` end to end: the built binary, real values in the JSON, and the error paths.

use serde_json::Value;
use std::process::Command;

fn run(args: &[&str]) -> (i32, Value, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_renewal"))
        .arg("aqi")
        .args(args)
        .output()
        .expect("binary runs");
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let json = serde_json::from_str(&stdout).unwrap_or(Value::Null);
    (
        out.status.code().unwrap_or(-1),
        json,
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

#[test]
fn paper_2014_row_under_hj633_2012() {
    // Hand-checked: PM2.5 170 -> 220, PM10 194 -> 122, SO2 75 -> 63, CO 2.9383 -> 74,
    // NO2 121 -> 121, O3 205 -> 141 (see calc's aqi tests).
    let (code, j, _) = run(&[
        "--standard",
        "hj633-2012",
        "pm25_24h=170",
        "pm10_24h=194",
        "so2_24h=75",
        "co_24h=2.9383",
        "no2_24h=121",
        "o3_8h=205",
    ]);
    assert_eq!(code, 0);
    assert_eq!(j["standard"], "cn_hj633_2012");
    assert_eq!(j["aqi"], 220);
    assert_eq!(j["category"], "cn_heavily_polluted");
    assert_eq!(j["primary"], serde_json::json!(["pm25_24h"]));
    assert_eq!(j["sub_indices"]["co_24h"], 74);
    assert_eq!(j["sub_indices"]["o3_8h"], 141);
    assert_eq!(j["beyond_index"], serde_json::json!([]));
}

#[test]
fn us_2024_exact_half_rounds_up_and_beyond_extrapolates() {
    let (code, j, _) = run(&["--standard", "us-epa-2024", "--json", "o3_8h=0.078"]);
    assert_eq!(code, 0);
    assert_eq!(j["aqi"], 126);
    assert_eq!(j["standard"], "us_epa_2024");
    let (_, j, _) = run(&["--standard", "us-epa-2024", "pm25_24h=500"]);
    assert_eq!(j["aqi"], 848);
    assert_eq!(j["category"], "us_hazardous");
}

#[test]
fn us_with_ugm3_converts_gases_at_25_c() {
    // 150 µg/m³ O3 = 150 * 24.45 / 47.997 = 76.41 ppb = 0.076 ppm (truncated):
    // 101 + 49/0.014 * 0.005 = 118.5 -> 119.
    let (code, j, _) = run(&["--standard", "us-epa-2024", "--units", "ugm3", "o3_8h=150"]);
    assert_eq!(code, 0);
    assert_eq!(j["aqi"], 119);
    assert_eq!(j["details"][0]["concentration_used"], 0.076);
}

#[test]
fn beyond_index_gives_null_aqi_and_lists_the_key() {
    let (code, j, _) = run(&["--standard", "hj633-2026", "pm25_24h=600", "pm10_24h=20"]);
    assert_eq!(code, 0);
    assert_eq!(j["aqi"], Value::Null);
    assert_eq!(j["aqi_at_least"], 500);
    assert_eq!(j["beyond_index"], serde_json::json!(["pm25_24h"]));
    assert_eq!(j["sub_indices"]["pm25_24h"], Value::Null);
    assert_eq!(j["sub_indices"]["pm10_24h"], 20);
}

#[test]
fn bad_arguments_fail_with_a_message() {
    let (code, _, err) = run(&["--standard", "hj633-2012", "pm25=3"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown pollutant key \"pm25\""), "{err}");
    let (code, _, err) = run(&["--standard", "hj633-2012", "pm25_24h=abc"]);
    assert_eq!(code, 2);
    assert!(err.contains("not a number"), "{err}");
    let (code, _, err) = run(&["--standard", "hj633-2012", "co_8h=1"]);
    assert_eq!(code, 1);
    assert!(err.contains("co_8h is not rated by cn_hj633_2012"), "{err}");
    let (code, _, err) = run(&["--standard", "hj633-2012", "pm25_24h=-4"]);
    assert_eq!(code, 1);
    assert!(err.contains("negative"), "{err}");
    let (code, _, _) = run(&["--standard", "who", "pm25_24h=4"]);
    assert_eq!(code, 2);
}
