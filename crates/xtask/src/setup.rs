//! Install whatever the build and the tests need and is missing, at the versions they need.
//!
//! The recipe is the one verified on this kind of machine (Debian 12, rustup, node 20, root):
//! - the wasm32 target, by rustup;
//! - trunk 0.21 from crates.io (0.22 needs a newer rustc);
//! - wasm-bindgen-cli at exactly the `wasm-bindgen` version in Cargo.lock (Trunk refuses any
//!   other in offline mode); without `--locked`, whose lockfile pins a crate the registry lacks;
//! - npm packages from the lockfiles: ECharts, esbuild and binaryen 132 (web/), Playwright
//!   (tests/e2e/);
//! - for the browser tests, Debian's Chromium, its driver and CJK fonts.

use crate::sh::{cmd, exec, output, root, step};
use std::fs;
use std::path::Path;

/// What a task needs beyond the build.
#[derive(Debug, Clone, Copy)]
pub struct Needs {
    /// Chromium and the e2e npm project.
    pub browser: bool,
}

/// Install what is missing.
pub fn run(needs: Needs) -> Result<(), String> {
    step("setup", || {
        wasm_target()?;
        trunk()?;
        wasm_bindgen()?;
        npm_project("web")?;
        if needs.browser {
            debian_packages(&["chromium", "chromium-driver", "fonts-noto-cjk"])?;
            npm_project("tests/e2e")?;
        }
        Ok(())
    })
}

fn wasm_target() -> Result<(), String> {
    let installed = output(cmd("rustup", &["target", "list", "--installed"])).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        println!("ok: wasm32-unknown-unknown target");
        return Ok(());
    }
    exec(cmd("rustup", &["target", "add", "wasm32-unknown-unknown"]))
}

fn trunk() -> Result<(), String> {
    let version = output(cmd("trunk", &["--version"])).unwrap_or_default();
    if version.trim().starts_with("trunk 0.21.") {
        println!("ok: {}", version.trim());
        return Ok(());
    }
    exec(cmd(
        "cargo",
        &["install", "trunk", "--version", "^0.21", "--locked"],
    ))
}

/// The `wasm-bindgen` version Cargo.lock pins.
pub fn locked_wasm_bindgen() -> Result<String, String> {
    let lock =
        fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
            {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen entry".into())
}

fn wasm_bindgen() -> Result<(), String> {
    let wanted = locked_wasm_bindgen()?;
    let have = output(cmd("wasm-bindgen", &["--version"])).unwrap_or_default();
    if have.split_whitespace().nth(1) == Some(wanted.as_str()) {
        println!("ok: wasm-bindgen {wanted}");
        return Ok(());
    }
    exec(cmd(
        "cargo",
        &[
            "install",
            "wasm-bindgen-cli",
            "--version",
            &format!("={wanted}"),
        ],
    ))
}

/// `npm ci` in `dir` unless node_modules was installed from this very lockfile.
fn npm_project(dir: &str) -> Result<(), String> {
    let project = root().join(dir);
    let lock = fs::read(project.join("package-lock.json"))
        .map_err(|e| format!("{dir}/package-lock.json: {e}"))?;
    let stamp = project.join("node_modules/.xtask-installed-lock");
    if fs::read(&stamp).ok().as_deref() == Some(lock.as_slice()) {
        println!("ok: {dir}/node_modules matches its lockfile");
        return Ok(());
    }
    let mut c = cmd("npm", &["ci", "--no-audit", "--no-fund"]);
    c.current_dir(&project);
    exec(c)?;
    fs::write(&stamp, &lock).map_err(|e| format!("{}: {e}", stamp.display()))
}

fn debian_packages(packages: &[&str]) -> Result<(), String> {
    let missing: Vec<&str> = packages
        .iter()
        .copied()
        .filter(|p| !dpkg_installed(p))
        .collect();
    if missing.is_empty() {
        println!("ok: Debian packages {}", packages.join(" "));
        return Ok(());
    }
    let as_root = output(cmd("id", &["-u"])).is_some_and(|u| u.trim() == "0");
    let (program, prefix): (&str, &[&str]) = if as_root {
        ("apt-get", &[])
    } else {
        ("sudo", &["apt-get"])
    };
    let apt = |args: &[&str]| {
        let all: Vec<&str> = prefix.iter().chain(args).copied().collect();
        let mut c = cmd(program, &all);
        c.env("DEBIAN_FRONTEND", "noninteractive");
        c
    };
    exec(apt(&["update"]))?;
    let mut install = vec!["install", "-y", "--no-install-recommends"];
    install.extend(&missing);
    exec(apt(&install))
}

fn dpkg_installed(package: &str) -> bool {
    output(cmd("dpkg-query", &["-W", "-f=${Status}", package]))
        .is_some_and(|s| s.contains("install ok installed"))
}

/// Whether `path` exists and is newer than every file in `inputs`.
pub fn is_fresh(path: &Path, inputs: &[&Path]) -> bool {
    let Ok(built) = fs::metadata(path).and_then(|m| m.modified()) else {
        return false;
    };
    inputs.iter().all(|i| {
        fs::metadata(i)
            .and_then(|m| m.modified())
            .is_ok_and(|t| t <= built)
    })
}
