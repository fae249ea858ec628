//! Every test: the Rust unit, integration and doc tests of the whole workspace (natively), then
//! the release build driven by Playwright in Debian's Chromium. The last line is the total in
//! the plain `N passed, N failed` form.

use crate::dist;
use crate::setup::{self, Needs};
use crate::sh::{cmd, exec, root, step};
use std::fs;
use std::io::{BufRead, BufReader};
use std::process::Stdio;

#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    passed: u64,
    failed: u64,
}

/// Install what is missing, then run all tests.
pub fn run() -> Result<(), String> {
    setup::run(Needs { browser: true })?;
    let rust = step("rust tests", rust_tests);
    // The browser tests run even when a Rust test failed, so one run shows every failure.
    let dist = dist::build_only()?;
    let e2e = step("browser tests", || browser_tests(&dist));
    let rust = rust?;
    let e2e = e2e?;
    println!("rust tests: {} passed, {} failed", rust.passed, rust.failed);
    println!(
        "browser tests: {} passed, {} failed",
        e2e.passed, e2e.failed
    );
    let total = Tally {
        passed: rust.passed + e2e.passed,
        failed: rust.failed + e2e.failed,
    };
    println!("{} passed, {} failed", total.passed, total.failed);
    if total.failed > 0 {
        return Err(format!("{} tests failed", total.failed));
    }
    if rust.passed == 0 || e2e.passed == 0 {
        return Err("a test suite ran no test".into());
    }
    Ok(())
}

/// `cargo test --workspace`, echoing its output and adding up its `test result:` lines.
fn rust_tests() -> Result<Tally, String> {
    // Not --all-targets: that would also run the benchmarks (harness = false), in debug mode.
    let mut c = cmd(
        "cargo",
        &["test", "--workspace", "--lib", "--bins", "--tests"],
    );
    c.stdout(Stdio::piped());
    let tally = run_counting(c)?;
    // Doc tests are a target kind of their own.
    let mut d = cmd("cargo", &["test", "--workspace", "--doc"]);
    d.stdout(Stdio::piped());
    let doc = run_counting(d)?;
    Ok(Tally {
        passed: tally.passed + doc.passed,
        failed: tally.failed + doc.failed,
    })
}

fn run_counting(mut c: std::process::Command) -> Result<Tally, String> {
    let mut child = c
        .spawn()
        .map_err(|e| format!("could not start cargo test: {e}"))?;
    let mut tally = Tally::default();
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            println!("{line}");
            if let Some(rest) = line.strip_prefix("test result: ") {
                tally.passed += count_before(rest, " passed");
                tally.failed += count_before(rest, " failed");
            }
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if !status.success() && tally.failed == 0 {
        return Err(format!(
            "cargo test failed with {status} before running its tests"
        ));
    }
    Ok(tally)
}

/// The number just before `marker` in a `test result:` line ("ok. 12 passed; 0 failed; ...").
fn count_before(text: &str, marker: &str) -> u64 {
    text.find(marker)
        .and_then(|end| text[..end].rsplit(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// Playwright against the release build in `dist`, served by tests/e2e/serve.mjs.
fn browser_tests(dist: &std::path::Path) -> Result<Tally, String> {
    let e2e = root().join("tests/e2e");
    let report = e2e.join("test-results/report.json");
    let _ = fs::remove_file(&report);
    let mut c = cmd("npx", &["playwright", "test"]);
    c.current_dir(&e2e)
        .env("RENEWAL_DIST", dist)
        .env("PLAYWRIGHT_JSON_OUTPUT_NAME", &report);
    let outcome = exec(c);
    let json = fs::read_to_string(&report).unwrap_or_default();
    let tally = Tally {
        passed: json_stat(&json, "expected"),
        failed: json_stat(&json, "unexpected") + json_stat(&json, "flaky"),
    };
    match outcome {
        Ok(()) => Ok(tally),
        Err(_) if tally.failed > 0 => Ok(tally),
        Err(e) => Err(e),
    }
}

/// A number in the `stats` object of Playwright's JSON report.
fn json_stat(json: &str, key: &str) -> u64 {
    let Some(stats) = json.rfind("\"stats\"") else {
        return 0;
    };
    let needle = format!("\"{key}\":");
    json[stats..]
        .find(&needle)
        .map(|i| &json[stats + i + needle.len()..])
        .and_then(|rest| {
            rest.trim_start()
                .split(|c: char| !c.is_ascii_digit())
                .next()
        })
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_come_from_cargo_result_lines() {
        let line =
            "ok. 12 passed; 3 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s";
        assert_eq!(count_before(line, " passed"), 12);
        assert_eq!(count_before(line, " failed"), 3);
    }

    #[test]
    fn stats_come_from_playwright_json() {
        let json = r#"{"suites":[],"stats":{"startTime":"x","duration":1.5,"expected":7,"skipped":0,"unexpected":1,"flaky":0}}"#;
        assert_eq!(json_stat(json, "expected"), 7);
        assert_eq!(json_stat(json, "unexpected"), 1);
        assert_eq!(json_stat("", "expected"), 0);
    }
}
