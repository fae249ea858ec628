//! `renewal structure` end to end: sector and export concentration.

use serde_json::Value;
use std::process::Command;

fn run(args: &[&str]) -> (i32, Value, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_renewal"))
        .arg("structure")
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
    assert!(
        err.contains("line 2, column \"value\": \"-3\" is negative"),
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
