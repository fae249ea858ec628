//! `renewal report`: the built binary on the fixtures in tests/fixtures/report (see its README),
//! checking numbers computed by hand below, the three formats, Chinese output and every exit code.

mod common;

use common::renewal;
use serde_json::Value;
use std::process::Command;

const TWO: &str = "tests/fixtures/report/two-cities.csv";
const HOURLY: &str = "tests/fixtures/report/丙市.csv";

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_renewal"))
        .arg("report")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn city<'a>(j: &'a Value, name: &str) -> &'a Value {
    j["cities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["city"] == name)
        .unwrap_or_else(|| panic!("no city {name}"))
}

fn family<'a>(c: &'a Value, family: &str) -> &'a Value {
    c["families"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["family"] == family)
        .unwrap()
}

fn finding<'a>(c: &'a Value, fam: &str, indicator: &str, year: i64) -> &'a Value {
    family(c, fam)["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["indicator"] == indicator && f["year"] == year)
        .unwrap_or_else(|| panic!("no {indicator} {year}"))
}

fn close(v: &Value, expected: f64) {
    let x = v.as_f64().unwrap_or(f64::NAN);
    assert!((x - expected).abs() < 1e-9, "{x} != {expected}");
}

#[test]
fn two_cities_and_an_hourly_file_give_every_family_with_hand_checked_values() {
    let (code, j, err) = renewal("report", &[TWO, HOURLY]);
    // Two garbage cells in 乙市: the report is written without them, exit 1.
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("row 7, column C (PM2.5): \"abc\": not a number"),
        "{err}"
    );
    assert_eq!(j["format"], "renewal-report");
    assert_eq!(j["version"], 1);
    assert_eq!(j["files"][0]["status"], "partial");
    assert_eq!(j["files"][0]["cells_rejected"], 2);
    assert_eq!(j["files"][0]["cities"], serde_json::json!(["甲市", "乙市"]));
    assert_eq!(j["files"][1]["status"], "read");
    // 6 pollutants x 24 hours.
    assert_eq!(j["files"][1]["values_accepted"], 144);

    let a = city(&j, "甲市");
    // PM2.5 2022 = 40 as given; GB 3095-2012 grade II annual limit 35; Northeast 2022 in the
    // paper's Table 1 = 23.
    let pm = finding(a, "air_quality", "pm25.annual_mean", 2022);
    close(&pm["value"], 40.0);
    close(&pm["limit"], 35.0);
    close(&pm["comparison"], 23.0);
    assert_eq!(pm["status"], "exceed");
    assert_eq!(
        finding(a, "air_quality", "no2.annual_mean", 2022)["status"],
        "pass"
    );
    // Sen's slope of 50, 45, 42, 40 (2019–2022): pairwise slopes -5, -4, -10/3, -3, -2.5, -2;
    // median = (-10/3 - 3) / 2 = -19/6. MK: S = -6, var S = 4·3·13/18 = 26/3,
    // z = (S + 1)/sqrt(var S) = -1.698, p = 0.0895 > 0.05: improving, not significant.
    let t = finding(a, "air_quality", "pm25.sen_slope", 2022);
    close(&t["value"], -19.0 / 6.0);
    assert_eq!(t["status"], "improving");
    // Energy 2022: wind 121, coal 879 GWh: renewable share 121/1000; wind 100 -> 121 over two
    // years: CAGR 1.21^(1/2) - 1 = 0.1, below the Northeast's 2016–2020 wind CAGR (Figure 2).
    close(
        &finding(a, "energy", "energy.renewable_share", 2022)["value"],
        0.121,
    );
    let w = finding(a, "energy", "energy.wind_generation_cagr", 2022);
    close(&w["value"], 0.1);
    assert_eq!(w["status"], "below_northeast");
    // Industry 2022: 10, 40, 50: shares .1 .4 .5, HHI .01 + .16 + .25 = .42.
    close(
        &finding(a, "industry", "structure.sector_hhi", 2022)["value"],
        0.42,
    );
    close(
        &finding(a, "industry", "structure.secondary_share", 2022)["value"],
        0.4,
    );
    // Population 1,000,000 -> 980,100 over two years: CAGR 0.9801^(1/2) - 1 = -0.01.
    close(
        &finding(a, "population", "population.cagr", 2022)["value"],
        -0.01,
    );
    assert_eq!(family(a, "resources")["status"], "skipped");
    assert!(family(a, "resources")["reason"]
        .as_str()
        .unwrap()
        .contains("reserves"));
    // Advisor: PM2.5 above 35 fires the GB 3095 rule.
    let fired: Vec<&str> = a["advice"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"]["id"].as_str().unwrap())
        .collect();
    assert!(fired.contains(&"air_pm25_gb3095_2012"), "{fired:?}");

    // 乙市: the rejected PM2.5 of 2020 is left out; Sen's slope of 30, 28, 26 at 2019, 2021,
    // 2022: slopes -1, -4/3, -2, median -4/3.
    let b = city(&j, "乙市");
    close(
        &finding(b, "air_quality", "pm25.sen_slope", 2022)["value"],
        -4.0 / 3.0,
    );
    assert!(family(b, "air_quality")["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| !(f["indicator"] == "pm25.annual_mean" && f["year"] == 2020)));

    // 丙市 (hourly, one day of constant values): daily means PM2.5 35 (IAQI 50), PM10 50 (50),
    // SO2 10 (4), NO2 20 (10), CO 1.0 (25), O3 MDA8 100 (50): AQI 50, excellent, a good day.
    let c = city(&j, "丙市");
    close(
        &finding(c, "air_quality", "aqi.valid_days", 2023)["value"],
        1.0,
    );
    close(
        &finding(c, "air_quality", "aqi.good_days", 2023)["value"],
        1.0,
    );
    assert_eq!(family(c, "energy")["status"], "skipped");

    // Composite over 甲市 and 乙市 (丙市 has no annual indicator): 7 indicators, min–max over
    // two cities gives 0/1 per column; 乙市 is better on 6 (PM2.5, PM10, SO2, NO2, secondary
    // share, population CAGR), 甲市 on the renewable share. Equal weights 1/7: for 乙市
    // d+ = 1/7, d- = sqrt(6)/7, closeness = sqrt6/(1 + sqrt6) = 0.71010.
    let comp = &j["composite"];
    assert_eq!(comp["status"], "computed");
    assert_eq!(comp["indicators"].as_array().unwrap().len(), 7);
    let r = comp["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["city"] == "乙市")
        .unwrap();
    assert_eq!(r["rank"], 1);
    close(&r["closeness"], 6f64.sqrt() / (1.0 + 6f64.sqrt()));
}

#[test]
fn csv_is_long_format_with_the_documented_columns() {
    let (code, out, _) = run(&["--format", "csv", TWO]);
    assert_eq!(code, 1);
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("city,family,indicator,year,value,unit,comparison,comparison_source,limit,limit_source,status")
    );
    assert!(out.contains(
        "甲市,air_quality,pm25.annual_mean,2022,40,µg/m³,23,\"Northeast 2022, paper Table 1\",35,Gb3095_2012 Pm25Annual grade II,exceed\n"
    ), "{out}");
    assert!(out.contains("甲市,industry,structure.tertiary_share,2022,0.5,fraction,,,,,\n"));
    assert!(out.contains("乙市,composite,composite.closeness,,"));
    // Every row has the 11 columns (no field here contains a comma outside quotes).
    for l in out.lines() {
        let unquoted: String = l.split('"').step_by(2).collect();
        assert_eq!(unquoted.matches(',').count(), 10, "{l}");
    }
}

#[test]
fn markdown_in_chinese_has_the_families_baseline_and_source() {
    let (code, out, err) = run(&["--format", "md", "--lang", "zh", TWO, HOURLY]);
    assert_eq!(code, 1);
    assert!(out.starts_with("# 工业城市更新报告\n"), "{out}");
    for s in [
        "## 甲市",
        "### 空气质量",
        "| PM2.5 年均值 | 2022 | 40 | µg/m³ | 23 | 超过 GB 3095 |",
        "| PM2.5 Sen 斜率（每年） | 2022 | -3.1667 | µg/m³/year |  | 改善 (不显著) |",
        "| 产业 HHI | 2022 | 0.42 | index |  |  |",
        "### 资源\n\n跳过",
        "| 1 | 乙市 | 0.7101 |",
        "《东北地区工业城市可持续城市更新的挑战与策略》",
        "第 7 行 C 列（PM2.5）：“abc”：不是数字",
    ] {
        assert!(out.contains(s), "missing {s:?} in\n{out}");
    }
    // The Markdown lists at most 20 rejected cells (all are in the JSON and on stderr).
    let many: String = std::iter::once("年份,PM2.5\n".to_string())
        .chain((0..25).map(|i| format!("{},x{i}\n", 2000 + i)))
        .chain(std::iter::once("2030,30\n".to_string()))
        .collect();
    let dir = std::env::temp_dir().join(format!("renewal-report-many-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("丁市.csv");
    std::fs::write(&f, many).unwrap();
    let (code, md, _) = run(&["--format", "md", &f.to_string_lossy()]);
    assert_eq!(code, 1);
    assert_eq!(md.matches("not a number").count(), 20, "{md}");
    assert!(
        md.contains("- … 5 more (all of them are in report.json and on stderr)"),
        "{md}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
    // Messages on stderr are Chinese too.
    assert!(err.contains("报告已写出"), "{err}");
}

#[test]
fn out_dir_gets_three_files_and_stdout_stays_empty() {
    let dir = std::env::temp_dir().join(format!("renewal-report-test-{}", std::process::id()));
    let d = dir.to_string_lossy().into_owned();
    let (code, out, _) = run(&["--out", &d, HOURLY]);
    assert_eq!(code, 0);
    assert_eq!(out, "");
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("report.json")).unwrap()).unwrap();
    assert_eq!(json["cities"][0]["city"], "丙市");
    assert!(std::fs::read_to_string(dir.join("report.csv"))
        .unwrap()
        .contains("丙市,air_quality,aqi.good_days,2023,1,days"));
    assert!(std::fs::read_to_string(dir.join("report.md"))
        .unwrap()
        .contains("## 丙市"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_fast_hourly_reader_and_the_data_crate_give_the_same_report() {
    // A quote in the header sends the file through parse_table instead of the fast reader.
    let dir = std::env::temp_dir().join(format!("renewal-report-slow-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(HOURLY))
            .unwrap();
    let slow = dir.join("丙市.csv");
    std::fs::write(&slow, text.replacen("timestamp", "\"timestamp\"", 1)).unwrap();
    let (c1, fast, _) = renewal("report", &[HOURLY]);
    let (c2, slow_j, _) = renewal("report", &[&slow.to_string_lossy()]);
    assert_eq!((c1, c2), (0, 0));
    assert_eq!(fast["cities"], slow_j["cities"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn exit_codes_are_documented_and_kept() {
    // 0: everything read.
    assert_eq!(run(&[HOURLY]).0, 0);
    // 1: covered above (rejected cells); also a missing file next to a good one.
    let (code, out, err) = run(&[HOURLY, "tests/fixtures/report/missing.csv"]);
    assert_eq!(code, 1, "{err}");
    let j: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(j["files"][1]["status"], "unreadable");
    // 2: usage errors (clap, and a standard the report cannot evaluate).
    assert_eq!(run(&[]).0, 2);
    assert_eq!(run(&["--format", "pdf", HOURLY]).0, 2);
    assert_eq!(run(&["--standard", "us-epa-2024", HOURLY]).0, 2);
    // 3: nothing could be read, or the output cannot be written.
    let (code, out, err) = run(&["tests/fixtures/report/missing.csv"]);
    assert_eq!(code, 3);
    assert_eq!(out, "");
    assert!(err.contains("nothing could be read"), "{err}");
    assert_eq!(
        run(&["--out", "tests/fixtures/report/two-cities.csv", HOURLY]).0,
        3
    );
    // The exit codes are in --help.
    let help = Command::new(env!("CARGO_BIN_EXE_renewal"))
        .args(["report", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains("3  nothing could be read"), "{help}");
    assert!(help.contains("Examples:"));
}

#[test]
fn progress_goes_to_stderr_only_when_asked() {
    let (code, out, err) = run(&["--progress", TWO, HOURLY]);
    assert_eq!(code, 1);
    assert!(
        err.contains("[1/2] tests/fixtures/report/two-cities.csv: reading"),
        "{err}"
    );
    assert!(err.contains("[3/3] 丙市: computing"), "{err}");
    assert!(serde_json::from_str::<Value>(&out).is_ok());
    // Not a terminal and no --progress: no progress lines.
    assert!(!run(&[TWO]).2.contains("reading"));
}
