//! `renewal air-annual` end to end on synthetic CSVs written to a temporary directory.

use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

fn write(name: &str, text: &str) -> PathBuf {
    let p = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&p, text).expect("write fixture");
    p
}

fn run(args: &[&str]) -> (i32, Value, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_renewal"))
        .arg("air-annual")
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

/// Two days of hourly data: constant PM2.5 40, PM10 40, SO2 10, NO2 20; CO 1.0 on day 1 and
/// only hours 0–3 on day 2; O3 = 10 × hour.
fn hourly_csv() -> String {
    let mut s = String::from("timestamp,pm25,pm10,so2,no2,co,o3\n");
    for d in 1..=2 {
        for h in 0..24 {
            let co = if d == 1 || h < 4 { "1.0" } else { "" };
            s.push_str(&format!(
                "2023-05-0{d} {h:02}:00,40,40,10,20,{co},{}\n",
                10 * h
            ));
        }
    }
    s
}

#[test]
fn hourly_csv_gives_daily_aqi_and_invalid_days_with_reasons() {
    let p = write("hourly.csv", &hourly_csv());
    let (code, j, err) = run(&["--standard", "hj633-2026", p.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(j["input"], "hourly");
    assert_eq!(j["standard"], "cn_hj633_2026");
    let d0 = &j["daily"][0];
    assert_eq!(d0["date"], "2023-05-01");
    // MDA8 = last window 16..23 = 10 * 19.5 = 195 -> 100 + 50 * 35/55 = 131.8 -> 132 (O3 primary).
    assert_eq!(d0["aqi"], 132);
    assert_eq!(d0["primary"], serde_json::json!(["o3_8h"]));
    assert_eq!(d0["category"], "cn_lightly_polluted");
    // Day 2: CO has 4 hours (invalid) but O3 still gives 132 > 100, so the AQI stands.
    let d1 = &j["daily"][1];
    let co = d1["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["key"] == "co_24h")
        .unwrap();
    assert_eq!(co["invalid"]["reason"], "too_few_hours");
    assert_eq!(co["invalid"]["got"], 4);
    assert_eq!(d1["aqi"], 132);
    // Two days cannot make a valid year.
    let stat = &j["annual"][0]["statistics"][0];
    assert_eq!(stat["value"], Value::Null);
    assert_eq!(stat["invalid"][0]["reason"], "too_few_days_in_year");
}

#[test]
fn end_labelled_hours_shift_back_by_one() {
    // "24:00" end-labelled is the hour 23:00-24:00 of the same day.
    let text = "time,pm25\n2023-05-01 24:00,10\n2023-05-01 01:00,20\n";
    let p = write("end.csv", text);
    let (code, j, err) = run(&[
        "--standard",
        "hj633-2012",
        "--hour-label",
        "end",
        p.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(j["daily"].as_array().unwrap().len(), 1);
    let pm = &j["daily"][0]["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["key"] == "pm25_24h")
        .unwrap()
        .clone();
    assert_eq!(pm["count"], 2);
}

#[test]
fn daily_csv_full_year_gives_annual_statistics_and_compliance() {
    // PM2.5 = day of year (1..=365): mean 183, P95 = 346.8 (k = 1 + 364 * 0.95).
    let mut s = String::from("date,pm25_24h\n");
    let days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let mut n = 0;
    for (m, len) in days.iter().enumerate() {
        for d in 1..=*len {
            n += 1;
            s.push_str(&format!("2023-{:02}-{d:02},{n}\n", m + 1));
        }
    }
    let p = write("daily.csv", &s);
    let (code, j, err) = run(&[
        "--standard",
        "hj633-2012",
        "--annual-only",
        p.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(j["daily"], serde_json::json!([]));
    let stats = j["annual"][0]["statistics"].as_array().unwrap();
    assert_eq!(stats[0]["statistic"], "annual_mean");
    assert_eq!(stats[0]["value"], 183.0);
    assert!((stats[1]["value"].as_f64().unwrap() - 346.8).abs() < 1e-9);
    // Every day lacks five of six indicators: only days with AQI > 100 count.
    // PM2.5 > 75 gives IAQI > 100 under 2012: days 76..=365 -> 290 valid, none good.
    assert_eq!(j["annual"][0]["valid_aqi_days"], 290);
    assert_eq!(j["annual"][0]["good_days"], 0);
    let c = &j["compliance"][0];
    assert_eq!(c["gb3095"], "gb3095_2012");
    assert_eq!(c["gb3095_checks"][0]["limit"], 35.0);
    assert_eq!(c["gb3095_checks"][0]["pass"], false);
    assert_eq!(
        c["who_2021_annual_means"][0]["best_interim_target_met"],
        Value::Null
    );
}

#[test]
fn bad_files_fail_with_row_and_column() {
    let p = write(
        "bad_value.csv",
        "date,pm25_24h\n2023-01-01,12\n2023-01-02,abc\n",
    );
    // A bad value among good ones is a warning: the value is left out, the cell located.
    let (code, j, err) = run(&["--standard", "hj633-2012", p.to_str().unwrap()]);
    assert_eq!(code, 0);
    let msg = "row 3, column B (pm25_24h): \"abc\": not a number";
    assert!(err.contains(msg), "{err}");
    assert_eq!(j["rejections"][0]["message"], msg);
    // Every row rejected: an input error.
    let p = write("bad_date.csv", "date,pm25_24h\n2023-02-30,12\n");
    let (code, _, err) = run(&["--standard", "hj633-2012", p.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        err.contains("row 2, column A (date): \"2023-02-30\": this date or hour does not exist"),
        "{err}"
    );
    let p = write("bad_col.csv", "date,benzene\n2023-01-01,1\n");
    let (code, _, err) = run(&["--standard", "hj633-2012", p.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("benzene"), "{err}");
    let p = write(
        "dup.csv",
        "timestamp,pm25\n2023-01-01 01:00,1\n2023-01-01 01:00,2\n",
    );
    let (code, _, err) = run(&["--standard", "hj633-2012", p.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("more than once"), "{err}");
    let (code, _, err) = run(&["--standard", "hj633-2012", "/nonexistent/file.csv"]);
    assert_eq!(code, 1);
    assert!(err.contains("file.csv"), "{err}");
    let (code, _, _) = run(&["--standard", "us-epa-2024", p.to_str().unwrap()]);
    assert_eq!(code, 2);
}

#[test]
fn chinese_tsv_with_units_and_decimal_comma_reads_like_the_plain_csv() {
    // The hourly fixture as a Chinese WPS paste: tab-separated, `2023/5/1 0:00` timestamps,
    // headers 时间 / 细颗粒物(μg/m³) / 一氧化碳(mg/m³) / 臭氧(μg/m³), decimal comma in CO.
    // Same values, so the same daily AQI (132, O3 primary) and CO count as the plain CSV.
    let mut s =
        String::from("时间\t细颗粒物(μg/m³)\tPM10\tSO2\tNO2\t一氧化碳(mg/m³)\t臭氧(μg/m³)\n");
    for d in 1..=2 {
        for h in 0..24 {
            let co = if d == 1 || h < 4 { "1,0" } else { "" };
            s.push_str(&format!(
                "2023/5/{d} {h}:00\t40\t40\t10\t20\t{co}\t{}\n",
                10 * h
            ));
        }
    }
    let p = write("hourly_zh.tsv", &s);
    let (code, j, err) = run(&["--standard", "hj633-2026", p.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(j["input"], "hourly");
    assert_eq!(j["rows_read"], 48);
    assert_eq!(j["daily"][0]["date"], "2023-05-01");
    assert_eq!(j["daily"][0]["aqi"], 132);
    let co = j["daily"][1]["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["key"] == "co_24h")
        .unwrap()
        .clone();
    assert_eq!(co["invalid"]["got"], 4);
    assert_eq!(j.get("rejections"), None);
}

#[test]
fn ppb_header_converts_and_negative_concentration_is_located_in_chinese() {
    // SO2 in ppb: 10 ppb × 64.066 g/mol / 24.45 L/mol = 26.2029 µg/m³ (the data crate's
    // conversion at 25 °C, 1 atm). Day 2's value -5 is rejected (negative concentration) and left out.
    let text = "日期,二氧化硫(ppb)\n2023-01-01,10\n2023-01-02,-5\n";
    let p = write("ppb.csv", text);
    let (code, j, err) = run(&[
        "--standard",
        "hj633-2012",
        "--lang",
        "zh",
        p.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let so2 = j["daily"][0]["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["key"] == "so2_24h")
        .unwrap()
        .clone();
    let c = so2["value"].as_f64().unwrap_or(f64::NAN);
    assert!((c - 10.0 * 64.066 / 24.45).abs() < 1e-3, "{so2}");
    // The value in the message is in µg/m³, as the data crate reports it: -5 ppb = -13.1014.
    let msg = "第 3 行 B 列（二氧化硫(ppb)）：“-5”：浓度为负值 -13.1014";
    let got = j["rejections"][0]["message"].as_str().unwrap_or("");
    assert!(got.starts_with(msg), "{got}");
    assert!(err.contains(msg), "{err}");
}

#[test]
fn xlsx_with_excel_dates_is_read_and_a_half_hour_is_located() {
    // The data crate's fixture (openpyxl, make_fixtures.py): 时间 | PM2.5 with Excel datetimes
    // 2024-01-05 13:00 → 80, 14:00 → 82, 14:30 → 83. The half hour is rejected, the two hours
    // count for the day.
    let p = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../data/tests/fixtures/paste/workbook_hourly_dates.xlsx"
    );
    let (code, j, err) = run(&["--standard", "hj633-2012", p]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(j["input"], "hourly");
    assert_eq!(j["rows_read"], 2);
    assert_eq!(j["daily"][0]["date"], "2024-01-05");
    let pm = j["daily"][0]["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["key"] == "pm25_24h")
        .unwrap()
        .clone();
    assert_eq!(pm["count"], 2);
    let msg = "row 4, column A (时间): \"2024-01-05 14:30\": not on the hour (minute 30); hourly data expected";
    assert_eq!(j["rejections"][0]["message"], msg);
    assert!(err.contains(msg), "{err}");
}
