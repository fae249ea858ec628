//! `renewal composite`: the built binary on small CSV files, checked against pymcdm 1.4.0
//! values (computed with `pymcdm.methods.TOPSIS` and `pymcdm.weights.entropy_weights` on the
//! same matrix, types [-1, 1, 1]) and hand computation; and its error paths.

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

const WIDE: &str = "entity,year,pm25,gdp_per_capita,renewable_share
Shenyang,2020,42,68000,0.12
Shenyang,2022,35,73000,0.18
Harbin,2020,45,52000,0.10
Harbin,2022,38,56000,0.15
Changchun,2022,30,70000,0.20
";

fn write(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("renewal-composite-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write csv");
    path
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_renewal"))
        .arg("composite")
        .args(args)
        .output()
        .expect("run renewal")
}

fn json(args: &[&str]) -> Value {
    let out = run(args);
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

fn closeness(v: &Value) -> Vec<f64> {
    v["alternatives"]
        .as_array()
        .expect("alternatives")
        .iter()
        .map(|a| a["closeness"].as_f64().expect("closeness"))
        .collect()
}

fn ranks(v: &Value) -> Vec<u64> {
    v["alternatives"]
        .as_array()
        .expect("alternatives")
        .iter()
        .map(|a| a["rank"].as_u64().expect("rank"))
        .collect()
}

fn weights(v: &Value) -> Vec<f64> {
    v["weights"]
        .as_array()
        .expect("weights")
        .iter()
        .map(|w| w["weight"].as_f64().expect("weight"))
        .collect()
}

fn close(got: &[f64], expected: &[f64]) {
    assert_eq!(got.len(), expected.len(), "{got:?}");
    for (g, e) in got.iter().zip(expected) {
        assert!((g - e).abs() < 1e-9, "{got:?} vs {expected:?}");
    }
}

fn fails(args: &[&str], code: i32, needle: &str) {
    let out = run(args);
    assert_eq!(out.status.code(), Some(code), "{out:?}");
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(needle), "stderr {err:?} lacks {needle:?}");
}

#[test]
fn wide_minmax_equal_weights_match_pymcdm() {
    let f = write("wide.csv", WIDE);
    let v = json(&[f.to_str().expect("path"), "--perturbations", "0"]);
    close(&weights(&v), &[1.0 / 3.0; 3]);
    close(
        &closeness(&v),
        &[
            0.4127816674312443,
            0.787867879865483,
            0.0,
            0.39426665657832255,
            0.9204824293023293,
        ],
    );
    assert_eq!(ranks(&v), vec![3, 2, 5, 4, 1]);
    assert_eq!(v["alternatives"][4]["entity"], "Changchun");
    assert_eq!(v["alternatives"][4]["year"], 2022);
    // pm25 defaults to cost: the working table's normalised pm25 of Changchun (the minimum) is 1.
    assert_eq!(v["working_table"]["normalised"][4][0], 1.0);
    assert_eq!(
        v["working_table"]["indicators"][0]["direction"]["kind"],
        "cost"
    );
    assert_eq!(v["working_table"]["d_minus"][2], 0.0);
}

#[test]
fn long_input_gives_the_wide_result() {
    let mut long = String::from("entity,year,indicator,value\n");
    for line in WIDE.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        for (name, value) in ["pm25", "gdp_per_capita", "renewable_share"]
            .iter()
            .zip(&cells[2..])
        {
            long.push_str(&format!("{},{},{name},{value}\n", cells[0], cells[1]));
        }
    }
    let w = json(&[
        write("w.csv", WIDE).to_str().expect("path"),
        "--perturbations",
        "0",
    ]);
    let l = json(&[
        write("l.csv", &long).to_str().expect("path"),
        "--perturbations",
        "0",
    ]);
    assert_eq!(closeness(&w), closeness(&l));
    assert_eq!(w["working_table"], l["working_table"]);
}

#[test]
fn entropy_weights_match_pymcdm() {
    let f = write("entropy.csv", WIDE);
    let v = json(&[
        f.to_str().expect("path"),
        "--weights",
        "entropy",
        "--perturbations",
        "0",
    ]);
    close(
        &weights(&v),
        &[0.19808620944318225, 0.17447008043083082, 0.627443710125987],
    );
    close(
        &closeness(&v),
        &[
            0.26158434008988424,
            0.7943063597116785,
            0.0,
            0.47737440066932624,
            0.9643772913299336,
        ],
    );
    assert_eq!(v["working_table"]["weight_detail"]["kind"], "entropy");
}

#[test]
fn vector_with_custom_weights_matches_pymcdm() {
    // Weights 2,3,5 are normalised to 0.2, 0.3, 0.5 (pymcdm was given 0.2, 0.3, 0.5).
    let f = write("vector.csv", WIDE);
    let v = json(&[
        f.to_str().expect("path"),
        "--normalization",
        "vector",
        "--weights",
        "2,3,5",
        "--perturbations",
        "0",
    ]);
    close(&weights(&v), &[0.2, 0.3, 0.5]);
    close(
        &closeness(&v),
        &[
            0.27219330344793585,
            0.801456529017916,
            0.0,
            0.4743886348442372,
            0.9608578012631804,
        ],
    );
    assert_eq!(ranks(&v), vec![4, 2, 5, 3, 1]);
}

#[test]
fn named_custom_weights_follow_the_names() {
    let f = write("named.csv", WIDE);
    let v = json(&[
        f.to_str().expect("path"),
        "--weights",
        "renewable_share=5,pm25=2,gdp_per_capita=3",
        "--perturbations",
        "0",
    ]);
    close(&weights(&v), &[0.2, 0.3, 0.5]);
}

#[test]
fn target_direction_scores_distance_to_target() {
    // pm25 target 35: distances (7, 0, 10, 3, 5) as a cost column; pymcdm on that matrix.
    let f = write("target.csv", WIDE);
    let v = json(&[
        f.to_str().expect("path"),
        "--direction",
        "pm25=target:35",
        "--perturbations",
        "0",
    ]);
    close(
        &closeness(&v),
        &[
            0.43622977711541433,
            0.8903994091594468,
            0.0,
            0.4689701367717132,
            0.7303981814371051,
        ],
    );
    assert_eq!(ranks(&v), vec![4, 1, 5, 3, 2]);
    assert_eq!(v["working_table"]["criterion"][0][0], 7.0);
}

#[test]
fn explicit_bounds_are_clamped_sdr_style() {
    // pm25 scored between worst 75 and best 5: (x - 75) / (5 - 75); 42 -> 33/70.
    // gdp bounds 20000..80000: 68000 -> 0.8; renewable_share bounds 0..0.1: all clamp to 1.
    let f = write("bounds.csv", WIDE);
    let v = json(&[
        f.to_str().expect("path"),
        "--bounds",
        "pm25=75:5,gdp_per_capita=20000:80000",
        "--bounds",
        "renewable_share=0:0.1",
        "--perturbations",
        "0",
    ]);
    let row0: Vec<f64> = v["working_table"]["normalised"][0]
        .as_array()
        .expect("row")
        .iter()
        .map(|x| x.as_f64().expect("number"))
        .collect();
    close(&row0, &[33.0 / 70.0, 0.8, 1.0]);
    assert_eq!(
        v["working_table"]["indicators"][0]["bounds_used"]["worst"],
        75.0
    );
}

#[test]
fn baseline_rows_join_as_ordinary_alternatives() {
    // One cost indicator, pm25: closeness = (max - x) / (max - min) with the paper's Table 1
    // range 23 (2022) .. 170 (2014): CityA 30 -> 140/147 = 0.9523809523809523.
    let f = write(
        "baseline.csv",
        "entity,year,indicator,value\nCityA,2022,pm25,30\nCityB,2022,pm25,50\n",
    );
    let v = json(&[
        f.to_str().expect("path"),
        "--baseline",
        "--perturbations",
        "0",
    ]);
    let alts = v["alternatives"].as_array().expect("alternatives");
    assert_eq!(alts.len(), 11);
    assert!((alts[0]["closeness"].as_f64().expect("c") - 140.0 / 147.0).abs() < 1e-12);
    let ne2022 = alts
        .iter()
        .find(|a| a["entity"] == "Northeast China (paper Table 1)" && a["year"] == 2022)
        .expect("baseline 2022");
    assert_eq!(ne2022["rank"], 1);
    assert_eq!(ne2022["closeness"], 1.0);
}

#[test]
fn perturbation_is_reproducible_with_a_seed() {
    let f = write("seed.csv", WIDE);
    let args = [
        f.to_str().expect("path"),
        "--seed",
        "42",
        "--perturbations",
        "300",
        "--weights",
        "critic",
    ];
    let a = json(&args);
    let b = json(&args);
    let p = &a["robustness"]["weight_perturbation"];
    assert_eq!(p, &b["robustness"]["weight_perturbation"]);
    assert_eq!(p["options"]["runs"], 300);
    for alt in p["alternatives"].as_array().expect("alternatives") {
        let shares: f64 = alt["rank_share"]
            .as_array()
            .expect("shares")
            .iter()
            .map(|s| s["share"].as_f64().expect("share"))
            .sum();
        assert!((shares - 1.0).abs() < 1e-12);
    }
    // Harbin 2020 is dominated (worst on every indicator): last in every run.
    assert_eq!(p["alternatives"][2]["share_at_base_rank"], 1.0);
    assert_eq!(p["alternatives"][2]["mean_rank"], 5.0);
    assert_eq!(
        a["robustness"]["leave_one_out"]
            .as_array()
            .expect("loo")
            .len(),
        3
    );
}

#[test]
fn nan_value_is_an_input_error_with_its_line() {
    let f = write(
        "nan.csv",
        "entity,year,a,b\nX,2020,1,2\nY,2020,NaN,3\nZ,2020,2,4\n",
    );
    fails(
        &[f.to_str().expect("path")],
        1,
        "row 3, column C (a): \"NaN\": not a finite number",
    );
}

#[test]
fn constant_column_under_minmax_is_an_input_error() {
    let f = write("const.csv", "entity,year,a,b\nX,2020,1,5\nY,2020,2,5\n");
    fails(&[f.to_str().expect("path")], 1, "column 1 (b) is constant");
}

#[test]
fn zero_column_under_vector_is_an_input_error() {
    let f = write("zero.csv", "entity,year,a,b\nX,2020,1,0\nY,2020,2,0\n");
    fails(
        &[f.to_str().expect("path"), "--normalization", "vector"],
        1,
        "all zeros",
    );
}

#[test]
fn wrong_weight_count_is_a_usage_error() {
    let f = write("count.csv", WIDE);
    fails(
        &[f.to_str().expect("path"), "--weights", "1,2"],
        2,
        "2 weights given for 3 indicators",
    );
}

#[test]
fn negative_weight_is_a_usage_error() {
    let f = write("neg.csv", WIDE);
    fails(
        &[f.to_str().expect("path"), "--weights", "1,-2,1"],
        2,
        "weight 1 is negative",
    );
}

#[test]
fn unknown_indicator_in_direction_is_a_usage_error() {
    let f = write("unknown.csv", WIDE);
    fails(
        &[f.to_str().expect("path"), "--direction", "so2=cost"],
        2,
        "\"so2\" is not in the file",
    );
}

#[test]
fn missing_long_value_is_an_input_error() {
    let f = write(
        "missing.csv",
        "entity,year,indicator,value\nX,2020,a,1\nX,2020,b,2\nY,2020,a,3\n",
    );
    fails(&[f.to_str().expect("path")], 1, "no value for Y 2020 b");
}

#[test]
fn single_alternative_is_an_input_error() {
    let f = write("one.csv", "entity,year,a\nX,2020,1\n");
    fails(&[f.to_str().expect("path")], 1, "at least 2 alternatives");
}

#[test]
fn missing_file_is_an_error() {
    fails(&["/nonexistent/renewal.csv"], 1, "/nonexistent/renewal.csv");
}

#[test]
fn semicolon_decimal_comma_with_chinese_entity_header_reads_the_same_values() {
    // The WIDE matrix written the European way: `;` delimiter, decimal comma, point as thousands
    // separator, BOM, 城市/年份 headers. The scores must equal those of the plain CSV.
    let plain = write("plain.csv", WIDE);
    let euro = write(
        "euro.csv",
        "\u{feff}城市;年份;pm25;gdp_per_capita;renewable_share
Shenyang;2020;42;68.000;0,12
Shenyang;2022;35;73.000;0,18
Harbin;2020;45;52.000;0,10
Harbin;2022;38;56.000;0,15
Changchun;2022;30;70.000;0,20
",
    );
    let a = run(&[plain.to_str().expect("path")]);
    let b = run(&[euro.to_str().expect("path")]);
    assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
    let (a, b): (Value, Value) = (
        serde_json::from_slice(&a.stdout).expect("json"),
        serde_json::from_slice(&b.stdout).expect("json"),
    );
    assert_eq!(a["alternatives"], b["alternatives"]);
    assert!(a["alternatives"].as_array().is_some_and(|r| r.len() == 5));
}

#[test]
fn excel_error_cell_is_located_in_chinese() {
    let f = write(
        "err.tsv",
        "entity\tyear\ta\tb\nX\t2020\t1\t2\nY\t2020\t#N/A\t3\n",
    );
    fails(
        &[f.to_str().expect("path"), "--lang", "zh"],
        1,
        "第 3 行 C 列（a）：“#N/A”：表格错误值 #N/A",
    );
}
