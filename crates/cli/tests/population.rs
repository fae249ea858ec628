//! `renewal population` end to end, checked against the net migration the reference derives.

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], stdin: Option<&str>) -> (i32, Value, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_renewal"))
        .arg("population")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let (Some(text), Some(mut pipe)) = (stdin, child.stdin.take()) {
        pipe.write_all(text.as_bytes())
            .expect("stdin accepts the input");
    }
    let out = child.wait_with_output().expect("the binary finishes");
    let json = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (
        out.status.code().unwrap_or(-1),
        json,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn f(v: &Value) -> f64 {
    v.as_f64().unwrap_or(f64::NAN)
}

#[test]
fn population_liaoning_change_migration_and_structure() {
    // 2014 -> 2015: -20, NGR -0.42 permille x mid-year 4348 = -1.82616, migration -18.17384,
    // per 1,000: -18.17384 / 4348 * 1000 = -4.179816. 2016 -> 2020 is four years: no migration.
    // 2020: old-age dependency 743 / 2956 * 100 = 25.1353; working-age 2956 / 4172 = 0.708533;
    // tertiary 788 / 4255 = 0.185194. CAGR 2014-2020: (4255/4358)^(1/6) - 1 = -0.0039785.
    let (code, v, _) = run(&["tests/fixtures/families/population_liaoning.csv"], None);
    assert_eq!(code, 0);
    let i = &v["intervals"][0];
    assert!((f(&i["net_migration"]) + 18.17384).abs() < 1e-9);
    assert!((f(&i["net_migration_per_1000"]) + 4.179_816).abs() < 1e-6);
    assert_eq!(i["natural_increase_basis"], "natural_growth_rate");
    assert_eq!(v["intervals"][2]["net_migration"], Value::Null);
    let y = &v["years"][3];
    assert!((f(&y["old_age_dependency_per_100"]) - 743.0 / 2956.0 * 100.0).abs() < 1e-9);
    assert!((f(&y["working_age_share"]) - 2956.0 / 4172.0).abs() < 1e-12);
    assert!((f(&y["tertiary_share"]) - 788.0 / 4255.0).abs() < 1e-12);
    assert!((f(&v["overall"]["cagr"]) + 0.003_978_5).abs() < 1e-7);
    assert!(v["rate_denominator"]
        .as_str()
        .unwrap_or("")
        .contains("mid-year"));
}

#[test]
fn population_net_migration_matches_every_row_of_the_reference_derivation() {
    // The reference file was computed independently (by the reference's compiler) with
    // net = (P_end - P_start) - NGR/1000 * (P_start + P_end)/2, rounded to 0.01.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../data/reference/northeast-context/net_migration_derived.csv"
    );
    let text = std::fs::read_to_string(path).expect("the reference file is in the repository");
    let mut checked = 0;
    for line in text.lines().skip(1) {
        let cells: Vec<&str> = line.splitn(10, ',').collect();
        let [_, year, _, p0, p1, _, ngr, natural, net, _] = cells[..] else {
            panic!("unexpected row {line}");
        };
        let year: i32 = year.parse().unwrap();
        let input = format!(
            "year,population,natural_growth_permille\n{},{p0},\n{year},{p1},{ngr}\n",
            year - 1
        );
        let (code, v, err) = run(&["-"], Some(&input));
        assert_eq!(code, 0, "{err}");
        let i = &v["intervals"][0];
        let want_net: f64 = net.parse().unwrap();
        let want_nat: f64 = natural.parse().unwrap();
        assert!(
            (f(&i["net_migration"]) - want_net).abs() <= 0.005 + 1e-9,
            "{line}: {}",
            i["net_migration"]
        );
        assert!(
            (f(&i["natural_increase"]) - want_nat).abs() <= 0.005 + 1e-9,
            "{line}: {}",
            i["natural_increase"]
        );
        checked += 1;
    }
    assert_eq!(checked, 27);
}

#[test]
fn population_rejects_bad_rows() {
    let (code, v, err) = run(&["-"], Some("year,population\n2020,0\n"));
    assert_eq!(code, 1);
    assert_eq!(v, Value::Null);
    assert!(
        err.contains("2020: population must be positive (0)"),
        "{err}"
    );
    let (code, _, err) = run(&["-"], Some("year,population\n2020,10\n2019,11\n"));
    assert_eq!(code, 1);
    assert!(err.contains("year 2019 does not come after 2020"), "{err}");
    // A bad optional cell is a warning now: the row is kept without it, the cell is located.
    let (code, v, err) = run(&["-"], Some("year,population,deaths\n2020,10,many\n"));
    assert_eq!(code, 0);
    let msg = "row 2, column C (deaths): \"many\": not a number";
    assert!(err.contains(msg), "{err}");
    assert_eq!(v["rejections"][0]["message"], msg);
    assert_eq!(v["years"][0]["population"], 10.0);
    // Every row rejected: an input error.
    let (code, _, err) = run(&["-"], Some("year,population\n2020,lots\n"));
    assert_eq!(code, 1);
    assert!(
        err.contains("row 2, column B (population): \"lots\": not a number"),
        "{err}"
    );
    let (code, _, err) = run(&["-"], Some("year,people\n2020,10\n"));
    assert_eq!(code, 1);
    assert!(err.contains("missing column population"), "{err}");
}

#[test]
fn population_reads_semicolon_decimal_comma_with_bom_and_chinese_headers() {
    // 4.358,0 and 4.338,0 (decimal comma): change 4338 - 4358 = -20; NGR 0,26 ‰ → 0.26 ‰.
    let csv =
        "\u{feff}年份;常住人口（万人）;自然增长率（‰）\n2014;4.358,0;0,26\n2015;4.338,0;-0,42\n";
    let (code, v, err) = run(&["-"], Some(csv));
    assert_eq!(code, 0, "{err}");
    assert_eq!(v["years"][0]["population"], 4358.0);
    assert_eq!(v["years"][1]["population"], 4338.0);
    // Mid-year 4348; natural increase -0.42 / 1000 * 4348 = -1.82616; migration -18.17384.
    assert!((f(&v["intervals"][0]["net_migration"]) + 18.17384).abs() < 1e-9);
}

#[test]
fn population_reads_the_data_crates_xlsx_template_and_locates_its_empty_cells() {
    // The Chinese population template (years 2020–2021, no values yet): the workbook is read,
    // and every row is rejected for its empty population cell, located at the sheet's row.
    let bytes = renewal_data::template::xlsx(
        renewal_data::Family::Population,
        renewal_data::Lang::Zh,
        2020..=2021,
    )
    .expect("template");
    let dir = std::env::temp_dir().join(format!("renewal-population-xlsx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("template.xlsx");
    std::fs::write(&p, bytes).unwrap();
    let (code, v, err) = run(&[p.to_str().unwrap(), "--lang", "zh"], None);
    assert_eq!(code, 1);
    assert_eq!(v, Value::Null);
    assert!(err.contains("所有行均被拒绝"), "{err}");
    assert!(err.contains("第 2 行 B 列（常住人口"), "{err}");
    assert!(err.contains("第 3 行 B 列（常住人口"), "{err}");
    assert!(err.contains("为空，需要数值"), "{err}");
}
