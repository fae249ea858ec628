//! `renewal advise` end to end: which number triggered which challenge and strategy.

mod common;

use serde_json::Value;
use std::process::Command;

fn run(args: &[&str]) -> (i32, Value, String) {
    common::renewal("advise", args)
}

fn ids(v: &Value, key: &str) -> Vec<String> {
    v[key]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|x| {
                    x["rule"]["id"]
                        .as_str()
                        .or(x["section"]["id"].as_str())
                        .unwrap_or("")
                        .to_string()
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn advise_links_each_number_to_sections() {
    // diagnostics.csv: extraction ratio 0.74 (> 0.70, paper 3.2 (2)), PM2.5 54 (> 35 and > 30),
    // renewable share 0.18 (< 0.30), net migration -4.2 per 1,000 (< 0); secondary 0.40 (< 0.45).
    let (code, v, _) = run(&[
        "tests/fixtures/families/diagnostics.csv",
        "--set",
        "structure.secondary_share=0.40",
    ]);
    assert_eq!(code, 0);
    assert_eq!(
        ids(&v, "findings"),
        vec![
            "depletion_extraction_ratio",
            "air_pm25_gb3095_2012",
            "air_pm25_gb3095_2026_transition",
            "energy_renewable_share_low",
            "population_net_out_migration"
        ]
    );
    assert_eq!(v["findings"][0]["value"], 0.74);
    assert_eq!(
        v["findings"][0]["rule"]["threshold_source"]["kind"],
        "paper"
    );
    assert_eq!(
        v["findings"][1]["rule"]["threshold_source"]["kind"],
        "standard"
    );
    assert_eq!(
        ids(&v, "challenges"),
        vec!["3.2(1)", "3.2(2)", "3.2(3)", "3.3(1)"]
    );
    let strategies = ids(&v, "strategies");
    for s in ["4.3(3)", "4.5(1)", "4.5(2)", "4.6", "4.7"] {
        assert!(strategies.contains(&s.to_string()), "{s} in {strategies:?}");
    }
    assert_eq!(v["not_triggered"][0]["rule"], "structure_secondary_heavy");
}

#[test]
fn advise_lists_its_rules() {
    let (code, v, _) = run(&["--list-rules"]);
    assert_eq!(code, 0);
    // 19 rules of issue 4 + population_shrinking_faster_than_province (issue 9).
    assert_eq!(v["rules"].as_array().map(Vec::len), Some(20));
    assert_eq!(v["rules"][0]["threshold"], 0.7);
}

#[test]
fn advise_rejects_unknown_ids_and_bad_values() {
    let (code, v, err) = run(&["--set", "air.pm25=40"]);
    assert_eq!(code, 2);
    assert_eq!(v, Value::Null);
    assert!(err.contains("unknown diagnostic \"air.pm25\""), "{err}");
    let (code, _, err) = run(&["--set", "air.pm25_annual_ug_m3=lots"]);
    assert_eq!(code, 2);
    assert!(err.contains("not a number"), "{err}");
    let (code, _, err) = run(&["tests/fixtures/families/sectors.csv"]);
    assert_eq!(code, 1);
    assert!(err.contains("missing column diagnostic"), "{err}");
    let (code, _, _) = run(&[]);
    assert_eq!(code, 2);
}

#[test]
fn advise_reads_the_json_output_of_other_subcommands() {
    // depletion: 740 of 1000 extracted -> ratio 0.74 fires 3.2(2); R/P 260 / 30 = 8.67 does not.
    let out = Command::new(env!("CARGO_BIN_EXE_renewal"))
        .args([
            "depletion",
            "--original",
            "1000",
            "--cumulative",
            "740",
            "--production",
            "2020=30",
        ])
        .output()
        .expect("the binary runs");
    assert!(out.status.success());
    let dir = std::env::temp_dir().join(format!("renewal-advise-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let json = dir.join("depletion.json");
    std::fs::write(&json, &out.stdout).unwrap();
    let path = json.to_str().unwrap();
    let (code, v, _) = run(&[path, "--set", "population.cagr=-0.01"]);
    assert_eq!(code, 0);
    assert_eq!(v["diagnostics"]["depletion.extraction_ratio"], 0.74);
    assert_eq!(
        ids(&v, "findings"),
        vec!["depletion_extraction_ratio", "population_shrinking"]
    );
    // The same file twice gives every id twice: an error, not a silent overwrite.
    let (code, _, err) = run(&[path, path]);
    assert_eq!(code, 1);
    assert!(err.contains("given twice"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn advise_reads_tsv_with_decimal_comma_and_locates_unknown_ids() {
    let dir = std::env::temp_dir().join(format!("renewal-advise-in-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("d.tsv");
    std::fs::write(
        &p,
        "指标\t数值\ndepletion.extraction_ratio\t0,74\nair.pm25\t40\n",
    )
    .unwrap();
    let (code, v, err) = run(&[p.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(v["diagnostics"]["depletion.extraction_ratio"], 0.74);
    assert_eq!(v["rejections"][0]["row"], 3);
    assert_eq!(v["rejections"][0]["column_letter"], "A");
    let msg = v["rejections"][0]["message"].as_str().unwrap_or("");
    assert!(
        msg.starts_with(
            "row 3, column A (指标): \"air.pm25\": not a diagnostic (unknown diagnostic"
        ),
        "{msg}"
    );
    assert!(err.contains("row 3, column A"), "{err}");
}
