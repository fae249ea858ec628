//! `renewal parse`: the built binary on small files, checking real values in its JSON and the
//! error paths.

use std::path::PathBuf;
use std::process::{Command, Output};

fn write(name: &str, bytes: &[u8]) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_renewal"))
        .arg("parse")
        .args(args)
        .output()
        .unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn parse_reports_summary_mapping_and_located_rejections() {
    let f = write(
        "errors.tsv",
        "年份\tPM2.5(μg/m³)\tCO(μg/m³)\n2014\t#DIV/0!\t1500\n2015\t53\t-2\n".as_bytes(),
    );
    let v = json(&run(&[f.to_str().unwrap(), "--lang", "zh", "--series"]));
    assert_eq!(v["summary"]["cells_accepted"], 2);
    assert_eq!(v["summary"]["cells_rejected"], 2);
    assert_eq!(v["columns"][1]["role"]["role"], "indicator");
    assert_eq!(v["columns"][1]["role"]["indicator"], "pm25");
    assert_eq!(v["columns"][2]["unit"], "ug_m3");
    let r0 = &v["rejections"][0];
    assert_eq!(
        (r0["row"].as_u64(), r0["column_letter"].as_str()),
        (Some(2), Some("B"))
    );
    assert_eq!(r0["reason"]["kind"], "excel_error");
    assert_eq!(
        r0["message"],
        "第 2 行 B 列（PM2.5(μg/m³)）：“#DIV/0!”：表格错误值 #DIV/0!"
    );
    let r1 = &v["rejections"][1];
    assert_eq!(r1["reason"]["kind"], "negative_concentration");
    // CO 1500 µg/m³ = 1.5 mg/m³ (the canonical unit).
    let co = v["series"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["indicator"] == "co")
        .unwrap();
    assert_eq!(co["unit"], "mg_m3");
    assert_eq!(co["points"][0]["value"], 1.5);
    assert_eq!(co["points"][0]["time"]["at"], 2014);
}

#[test]
fn parse_applies_the_users_column_mapping() {
    let f = write("jahr.csv", b"Jahr;Feinstaub\n2014;35,5\n");
    let v = json(&run(&[f.to_str().unwrap()]));
    assert_eq!(v["issues"][0]["kind"], "no_time_column");
    let v = json(&run(&[
        f.to_str().unwrap(),
        "--map",
        "A=time",
        "--map",
        "2=pm25",
        "--unit",
        "B=mg/m³",
        "--series",
    ]));
    // 35,5 mg/m³ with a decimal comma = 35,500 µg/m³.
    assert_eq!(v["series"][0]["points"][0]["value"], 35_500.0);
    assert_eq!(v["columns"][0]["confidence"], "user");
}

#[test]
fn parse_fails_cleanly_on_missing_empty_or_bad_arguments() {
    let out = run(&["/nonexistent/file.csv"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/file.csv"));

    let f = write("empty.csv", b"  \n");
    let out = run(&[f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty"));

    let out = run(&[f.to_str().unwrap(), "--map", "A=wind_speed"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("wind_speed"));
}
