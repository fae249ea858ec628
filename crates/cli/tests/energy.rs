//! `renewal energy` end to end: shares, capacity factors, CO2 avoided, the Northeast comparison.

mod common;

use serde_json::Value;

fn run(args: &[&str]) -> (i32, Value, String) {
    common::renewal("energy", args)
}

fn f(v: &Value) -> f64 {
    v.as_f64().unwrap_or(f64::NAN)
}

const MIX: &str = "tests/fixtures/families/energy_mix.csv";

#[test]
fn energy_mix_in_hundred_million_kwh() {
    // 2020: coal 600, wind 80, solar 30, hydro 35 (10^8 kWh) -> total 745;
    // renewable (80 + 30 + 35) / 745 = 0.194631; wind CF = 80e8 kWh / (3000 MW * 1000 * 8784 h)
    // = 0.303582; CO2 avoided by wind at the default 0.5122 t/MWh = 8e9 kWh * 0.5122 / 1000
    // = 4 097 600 t.
    let (code, v, _) = run(&[MIX, "--unit", "1e8kWh", "--capacity-unit", "MW"]);
    assert_eq!(code, 0);
    assert_eq!(v["grid_factor"]["id"], "cn_mee_nbs_2023_northeast");
    assert_eq!(v["grid_factor"]["data_year"], "2023");
    let y2020 = &v["years"][1];
    assert_eq!(y2020["year"], 2020);
    assert_eq!(f(&y2020["total_generation_kwh"]), 745e8);
    assert!((f(&y2020["renewable_share"]) - 145.0 / 745.0).abs() < 1e-12);
    let wind = y2020["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["source"] == "wind")
        .unwrap();
    assert!((f(&wind["capacity_factor"]) - 8e9 / (3e6 * 8784.0)).abs() < 1e-12);
    assert!((f(&v["co2_avoided"][1]["wind_t_co2"]) - 4_097_600.0).abs() < 1e-6);
}

#[test]
fn energy_compares_growth_with_the_papers_figure_2() {
    // Reference (paper Figure 2): solar 20 -> 187 = x9.35, CAGR 0.748650; wind 437 -> 727.
    // City solar 4 -> 30 (x7.5, CAGR 7.5^(1/4) - 1 = 0.654875): difference -0.093775.
    let (code, v, _) = run(&[MIX]);
    assert_eq!(code, 0);
    let solar = &v["northeast_comparison"][0];
    assert_eq!(solar["source"], "solar");
    assert!((f(&solar["reference_multiple"]) - 9.35).abs() < 1e-12);
    assert!((f(&solar["city"]["multiple"]) - 7.5).abs() < 1e-12);
    assert!((f(&solar["cagr_difference"]) - (-0.093_775)).abs() < 1e-6);
    assert_eq!(solar["same_period"], true);
    let wind = &v["northeast_comparison"][1];
    assert!((f(&wind["reference_multiple"]) - 727.0 / 437.0).abs() < 1e-12);
    assert!(v["diagnostics"]["energy.renewable_share"].is_number());
}

#[test]
fn energy_units_and_factors_are_selectable() {
    // Same numbers read as GWh are 10^5 times smaller: total 745 GWh = 7.45e8 kWh.
    // With the 2023 fossil-power factor 0.8273: wind 80 GWh = 80 000 MWh -> 66 184 t.
    // (Capacity stays in MW: wind CF 8e7 kWh / (3e6 kW * 8784 h) = 0.003, still valid.)
    let (code, v, _) = run(&[
        MIX,
        "--unit",
        "GWh",
        "--grid-factor",
        "cn_mee_nbs_2023_national_fossil",
    ]);
    assert_eq!(code, 0);
    assert_eq!(f(&v["years"][1]["total_generation_kwh"]), 7.45e8);
    assert!((f(&v["co2_avoided"][1]["wind_t_co2"]) - 66_184.0).abs() < 1e-6);
    let (code, v, _) = run(&[MIX, "--grid-factor", "0.6"]);
    assert_eq!(code, 0);
    assert_eq!(v["grid_factor"]["id"], "user");
    let (code, v, _) = run(&["--list-grid-factors"]);
    assert_eq!(code, 0);
    assert_eq!(v["default"], "cn_mee_nbs_2023_northeast");
    assert_eq!(v["grid_factors"].as_array().map(Vec::len), Some(10));
}

#[test]
fn energy_rejects_bad_input() {
    // 10^8 kWh with capacity in kW: 80e8 kWh from 3000 kW is a capacity factor far above 1.
    let (code, v, err) = run(&[MIX, "--capacity-unit", "kW"]);
    assert_eq!(code, 1);
    assert_eq!(v, Value::Null);
    assert!(
        err.contains("capacity factor") && err.contains("check the units"),
        "{err}"
    );
    let (code, _, err) = run(&[MIX, "--unit", "PJ"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown unit \"PJ\""), "{err}");
    let (code, _, err) = run(&[MIX, "--grid-factor", "nope"]);
    assert_eq!(code, 2);
    assert!(err.contains("--grid-factor"), "{err}");
    let (code, _, err) = run(&["tests/fixtures/families/sectors.csv"]);
    assert_eq!(code, 1);
    assert!(err.contains("missing column year"), "{err}");
}

#[test]
fn energy_reads_tsv_with_chinese_headers_and_sources() {
    // Generation in 亿千瓦时 (the default --unit): 风电 40,5 → 40.5e8 kWh; 煤电 600 → 600e8 kWh.
    let dir = std::env::temp_dir().join(format!("renewal-energy-in-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("mix.tsv");
    std::fs::write(
        &p,
        "年份\t电源\t发电量（亿千瓦时）\n2020\t风电\t40,5\n2020\t煤电\t600\n2020\t潮汐\t1\n",
    )
    .unwrap();
    let (code, v, err) = run(&[p.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!((f(&v["years"][0]["total_generation_kwh"]) - 640.5e8).abs() < 1.0);
    assert!((f(&v["years"][0]["renewable_share"]) - 40.5 / 640.5).abs() < 1e-12);
    // The tidal row is rejected, located, and left out.
    let msg = "row 4, column B (电源): \"潮汐\": not a known source";
    assert_eq!(v["rejections"][0]["message"], msg);
    assert!(err.contains(msg), "{err}");
}

#[test]
fn a_unit_in_the_header_wins_over_the_default() {
    // 发电量（GWh）: 4050 GWh = 40.5e8 kWh wind, "60 000" (space as thousands separator) GWh = 600e8 kWh coal.
    let dir = std::env::temp_dir().join(format!("renewal-energy-unit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("mix.csv");
    std::fs::write(
        &p,
        "年份,电源,发电量（GWh）\n2020,风电,4050\n2020,煤电,60 000\n",
    )
    .unwrap();
    let (code, v, err) = run(&[p.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(v["input_unit"], "GWh");
    assert!((f(&v["years"][0]["total_generation_kwh"]) - 640.5e8).abs() < 1.0);
    std::fs::write(&p, "year,source,generation (PJ)\n2020,wind,1\n").unwrap();
    let (code, _, err) = run(&[p.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("\"PJ\" is not a unit of this column"), "{err}");
}
