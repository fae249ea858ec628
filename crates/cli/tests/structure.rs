//! `renewal structure` end to end: sector and export concentration.

mod common;

use serde_json::Value;

fn run(args: &[&str]) -> (i32, Value, String) {
    common::renewal("structure", args)
}

fn f(v: &Value) -> f64 {
    v.as_f64().unwrap_or(f64::NAN)
}

#[test]
fn structure_of_sectors_and_exports() {
    // Sectors 320, 410, 60, 150, 560 (total 1500): secondary (320 + 410 + 60) / 1500 = 0.526667;
    // high-tech 60 / 1500 = 0.04; HHI = (320² + 410² + 60² + 150² + 560²) / 1500² = 610 200 /
    // 2 250 000 = 0.2712. Exports 45, 12, 30 (87): primary (45 + 12) / 87 = 0.655172;
    // HHI = (2025 + 144 + 900) / 7569 = 0.405470.
    let (code, v, _) = run(&[
        "--sectors",
        "tests/fixtures/families/sectors.csv",
        "--exports",
        "tests/fixtures/families/exports.csv",
    ]);
    assert_eq!(code, 0);
    let s = &v["sectors"];
    assert!((f(&s["secondary_share"]) - 790.0 / 1500.0).abs() < 1e-12);
    assert!((f(&s["high_tech_share"]) - 0.04).abs() < 1e-12);
    assert!((f(&s["concentration"]["hhi"]) - 0.2712).abs() < 1e-12);
    assert_eq!(s["concentration"]["n"], 5);
    let e = &v["exports"];
    assert!((f(&e["primary_materials_share"]) - 57.0 / 87.0).abs() < 1e-12);
    assert!((f(&e["concentration"]["hhi"]) - 3069.0 / 7569.0).abs() < 1e-12);
    assert!((f(&v["diagnostics"]["structure.sector_hhi"]) - 0.2712).abs() < 1e-12);
}

#[test]
fn structure_rejects_bad_cells_and_missing_files() {
    let dir = std::env::temp_dir().join(format!("renewal-structure-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.csv");
    std::fs::write(&bad, "sector,value,class\nmining,-3,secondary\n").unwrap();
    let (code, v, err) = run(&["--sectors", bad.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(v, Value::Null);
    // Every row rejected: an input error, with the located message of the data crate's form.
    assert!(
        err.contains("row 2, column B (value): \"-3\": negative value -3"),
        "{err}"
    );
    std::fs::write(&bad, "sector,value,class\nmining,3,quaternary\n").unwrap();
    let (code, _, err) = run(&["--sectors", bad.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("\"quaternary\""), "{err}");
    std::fs::write(&bad, "sector,value,class\nmining,0,secondary\n").unwrap();
    let (code, _, err) = run(&["--sectors", bad.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("all values are zero"), "{err}");
    let (code, _, _) = run(&[]);
    assert_eq!(code, 2);
    std::fs::remove_dir_all(&dir).ok();
}

fn temp(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("renewal-structure-in-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn structure_reads_tsv_with_chinese_headers_units_and_decimal_comma() {
    // 采矿 1.200,5 (decimal comma, point as thousands) = 1200.5; 农业 799,5 = 799.5; total 2000:
    // secondary share 1200.5 / 2000 = 0.60025.
    let p = temp(
        "sectors.tsv",
        "\u{feff}行业\t增加值（亿元）\t三次产业\t高技术\n采矿\t1.200,5\tsecondary\t否\n农业\t799,5\tprimary\t否\n"
            .as_bytes(),
    );
    let (code, v, err) = run(&["--sectors", p.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!((f(&v["sectors"]["secondary_share"]) - 0.60025).abs() < 1e-12);
    assert_eq!(v.get("rejections"), None);
}

#[test]
fn structure_keeps_good_rows_and_locates_a_bad_cell_in_chinese() {
    // The mining row is rejected (an Excel error cell); agriculture alone: secondary share 0.
    let p = temp(
        "bad_cell.csv",
        "行业,增加值,三次产业\n采矿,#DIV/0!,secondary\n农业,10,primary\n".as_bytes(),
    );
    let (code, v, err) = run(&["--sectors", p.to_str().unwrap(), "--lang", "zh"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(f(&v["sectors"]["secondary_share"]), 0.0);
    let msg = "第 2 行 B 列（增加值）：“#DIV/0!”：表格错误值 #DIV/0!";
    assert_eq!(v["rejections"][0]["message"], msg);
    assert_eq!(v["rejections"][0]["row"], 2);
    assert_eq!(v["rejections"][0]["column_letter"], "B");
    assert!(err.contains(msg), "{err}");
}
