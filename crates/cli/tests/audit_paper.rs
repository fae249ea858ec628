//! `renewal audit-paper` end to end.

use serde_json::Value;
use std::process::Command;

#[test]
fn table_1_audit_flags_every_row() {
    let out = Command::new(env!("CARGO_BIN_EXE_renewal"))
        .arg("audit-paper")
        .output()
        .expect("binary runs");
    assert!(out.status.success());
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = j["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 9);
    let r2014 = &rows[0];
    assert_eq!(r2014["year"], 2014);
    assert_eq!(r2014["printed_aqi"], 183);
    assert_eq!(r2014["printed_grade"], "Heavy pollution");
    assert_eq!(r2014["category_of_printed_aqi"], "cn_moderately_polluted");
    assert_eq!(r2014["recomputed"]["cn_hj633_2012"]["aqi"], 220);
    assert_eq!(r2014["recomputed"]["cn_hj633_2012"]["aqi_difference"], 37);
    assert_eq!(
        r2014["recomputed"]["cn_hj633_2012"]["sub_indices"]["pm25_24h"],
        220
    );
    // 2019 under 2012: PM2.5 and O3 tie at 98.
    assert_eq!(
        rows[5]["recomputed"]["cn_hj633_2012"]["primary"],
        serde_json::json!(["pm25_24h", "o3_8h"])
    );
    // 2020 under 2026: PM10 121 -> 100 + 50/130 -> 101 (2012: 86).
    assert_eq!(rows[6]["recomputed"]["cn_hj633_2026"]["aqi"], 101);
    assert_eq!(rows[6]["recomputed"]["cn_hj633_2012"]["aqi"], 86);
    assert_eq!(j["aqi_mismatches"]["cn_hj633_2012"], 9);
    assert_eq!(j["category_mismatches"]["cn_hj633_2012"], 4);
    assert!(j["caveats"]
        .as_array()
        .unwrap()
        .contains(&Value::from("daily_tables_on_annual_means")));
}

#[test]
fn unknown_options_are_refused() {
    let out = Command::new(env!("CARGO_BIN_EXE_renewal"))
        .args(["audit-paper", "--year", "2014"])
        .output()
        .expect("binary runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(!out.stderr.is_empty());
}
