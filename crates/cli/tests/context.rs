//! `renewal context` and `renewal resource-city` end to end: values against the reference CSVs,
//! the breaks, the low-confidence gate, the name lookup and the error paths.

use serde_json::Value;
use std::process::Command;

fn run(args: &[&str]) -> (i32, Value, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_renewal"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs");
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

/// `(year, heilongjiang_10k, source)` of the revised population CSV, read at test time.
fn reference_hlj_revised() -> Vec<(i64, f64, String)> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../data/reference/northeast-context/population_yearend_revised.csv"
    );
    let mut reader = csv::Reader::from_path(path).expect("the reference CSV exists");
    reader
        .records()
        .map(|r| {
            let r = r.expect("a well-formed row");
            (
                r[0].parse().expect("a year"),
                r[3].parse().expect("a number"),
                r[6].to_string(),
            )
        })
        .collect()
}

#[test]
fn context_table_prints_the_reference_rows_with_their_source() {
    let (code, v, _) = run(&[
        "context",
        "--table",
        "population-revised",
        "--province",
        "heilongjiang",
    ]);
    assert_eq!(code, 0);
    let rows = v["population_revised"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let reference = reference_hlj_revised();
    assert_eq!(rows.len(), reference.len());
    for (row, (year, value, source)) in rows.iter().zip(&reference) {
        assert_eq!(row["region"], "heilongjiang");
        assert_eq!(row["year"].as_i64(), Some(*year));
        assert_eq!(f(&row["population_10k"]), *value);
        assert_eq!(row["provenance"]["source"].as_str(), Some(source.as_str()));
        assert_eq!(row["provenance"]["confidence"], "high");
    }
    // Only the asked table is printed.
    assert!(v.get("gdp_by_industry").is_none());
}

#[test]
fn context_without_options_prints_every_table_and_both_breaks() {
    let (code, v, _) = run(&["context"]);
    assert_eq!(code, 0);
    assert_eq!(v["tables"].as_array().map(Vec::len), Some(11));
    assert_eq!(v["breaks"][0]["id"], "population_census2020");
    assert_eq!(v["breaks"][1]["last_year_before"], 2018);
    assert_eq!(v["plan_2013_counts"][0]["count"], 262);
    assert_eq!(v["exhausted_batches"][1]["cities_in_batch"], 32);
}

#[test]
fn context_compare_gives_consistent_cagr_and_gates_low_confidence() {
    let (code, v, _) = run(&["context", "--compare"]);
    assert_eq!(code, 0);
    // Heilongjiang revised 2014 -> 2022: (3099 / 3608)^(1/8) - 1 = -0.018829729.
    let hlj = &v["regions"][2];
    assert_eq!(hlj["region"], "heilongjiang");
    assert!((f(&hlj["population_change"]["Ok"]["cagr"]) + 0.018_829_729).abs() < 1e-9);
    assert_eq!(hlj["net_migration"]["Err"]["kind"], "low_confidence");
    assert_eq!(
        f(&hlj["industry_shares"]["Ok"]["secondary_share_pct"]),
        26.7
    );

    let (code, v, _) = run(&[
        "context",
        "--compare",
        "--include-low-confidence",
        "--province",
        "ln",
    ]);
    assert_eq!(code, 0);
    assert_eq!(v["regions"].as_array().map(Vec::len), Some(1));
    // Liaoning 2019: -10.57 / ((4291 + 4277) / 2) x 1000 = -2.467320261.
    let m = &v["regions"][0]["net_migration"]["Ok"];
    assert!((f(&m["rate_per_1000"]) + 2.467_320_261).abs() < 1e-8);
    assert_eq!(m["low_confidence"], true);
    assert_eq!(m["derived"], true);
}

#[test]
fn context_compare_refuses_a_change_across_the_census_break() {
    let (code, v, _) = run(&[
        "context",
        "--compare",
        "--series",
        "as-published",
        "--from",
        "2015",
        "--to",
        "2021",
    ]);
    assert_eq!(code, 0);
    let err = &v["regions"][2]["population_change"]["Err"];
    assert_eq!(err["kind"], "crosses_break");
    assert_eq!(err["id"], "population_census2020");
}

#[test]
fn context_indicator_prints_segments_and_the_gdp_break() {
    let (code, v, _) = run(&[
        "context",
        "--indicator",
        "gdp",
        "--province",
        "heilongjiang",
        "--series",
        "as-published",
    ]);
    assert_eq!(code, 0);
    let s = &v["series"][0]["Ok"];
    assert_eq!(s["breaks"][0]["id"], "gdp_economic_census2018");
    assert_eq!(s["segments"].as_array().map(Vec::len), Some(2));
    assert_eq!(s["segments"][0]["to_year"], 2018);
    assert_eq!(s["segments"][1]["from_year"], 2019);
}

#[test]
fn context_rejects_an_unknown_province() {
    let (code, v, err) = run(&["context", "--province", "atlantis"]);
    assert_eq!(code, 2);
    assert_eq!(v, Value::Null);
    assert!(err.contains("unknown province"));
}

#[test]
fn resource_city_matches_variants_and_lists_ambiguous_candidates() {
    let (code, v, _) = run(&["resource-city", "Fushun City, Liaoning"]);
    assert_eq!(code, 0);
    assert_eq!(v["outcome"], "matched");
    let c = &v["candidates"][0];
    assert_eq!(c["city_zh"], "抚顺市");
    assert_eq!(c["resource_exhausted"]["status"], "listed");
    assert_eq!(c["resource_exhausted"]["batch"], 2);
    assert_eq!(c["resource_exhausted"]["year"], 2009);
    assert_eq!(c["plan_2013"]["categories"][0], "declining");

    let (code, v, _) = run(&["resource-city", "Yichun"]);
    assert_eq!(code, 0);
    assert_eq!(v["outcome"], "ambiguous");
    assert_eq!(v["candidates"][0]["province"], "Heilongjiang");
    assert_eq!(v["candidates"][1]["province"], "Jiangxi");
}

#[test]
fn resource_city_unknown_is_not_on_the_verified_list_and_empty_is_an_error() {
    let (code, v, _) = run(&["resource-city", "沈阳"]);
    assert_eq!(code, 0);
    assert_eq!(v["outcome"], "not_on_verified_list");
    assert!(v["note"]
        .as_str()
        .unwrap_or("")
        .contains("does not mean the city is not resource-exhausted"));
    let (code, v, err) = run(&["resource-city", "  "]);
    assert_eq!(code, 2);
    assert_eq!(v, Value::Null);
    assert!(err.contains("empty"));
}
