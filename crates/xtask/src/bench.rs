//! `cargo xtask bench`: the benchmarks of BENCHMARKS.md, each a ratio measured in one run on the
//! same input.
//!
//! 1. One million hourly rows to daily AQI and HJ 663 annual statistics: `renewal air-annual`
//!    (release-native build) vs `benches/air_annual_pandas.py` vs reading the file's bytes from
//!    the page cache (the floor); the two programs' numbers are compared first
//!    (`benches/check_air_annual.py`).
//! 2. Mann–Kendall and Theil–Sen at n = 10,000 and 100,000: `renewal trend` vs pyMannKendall
//!    (`benches/trend_pymannkendall.py`); at n = 100,000 pyMannKendall's `sens_slope` needs
//!    40 GB, so its time is extrapolated (O(n²)) from n = 20,000, and said so.
//! 3. First-load transfer: `cargo xtask dist`'s asset sizes, raw and gzip.
//! 4. Recompute in the browser after an edit of a 10-year, 3-city dataset (`bench_recompute`).
//!
//! Inputs are generated deterministically (`bench_data`) into `target/bench/`; the Python peers
//! run in `target/bench-venv`, created once from `benches/requirements.txt` (PyPI only). Times
//! are wall-clock medians of `--runs` runs (default 3), interleaved so that load from other users
//! of the machine hits every contender alike. The summary is printed and written to
//! `target/bench/latest.md`.

use crate::bench_data::{write_air, write_trend, AIR_VERSION};
use crate::dist;
use crate::sh::{cmd, exec, root, step};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

const TARGET_NATIVE_VS_PANDAS: f64 = 5.0;
const TARGET_MK_VS_PYMK: f64 = 100.0;
const TARGET_FIRST_LOAD_GZIP_KB: f64 = 450.0;

struct Options {
    runs: usize,
    dist: bool,
    wasm: bool,
    trend: bool,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        runs: 3,
        dist: true,
        wasm: true,
        trend: true,
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--runs" => {
                o.runs = it
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|n| *n > 0)
                    .ok_or("--runs needs a positive number")?;
            }
            "--skip-dist" => o.dist = false,
            "--skip-wasm" => o.wasm = false,
            "--skip-trend" => o.trend = false,
            other => {
                return Err(format!(
                    "unknown option `{other}`\nusage: cargo xtask bench [--runs N] [--skip-dist] [--skip-wasm] [--skip-trend]"
                ))
            }
        }
    }
    Ok(o)
}

/// Run every benchmark and print the summary.
pub fn run(args: &[String]) -> Result<(), String> {
    let opts = parse(args)?;
    let dir = root().join("target/bench");
    fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let inputs = step("bench inputs", || inputs(&dir))?;
    let python = step("python venv", venv)?;
    step("release-native binaries", || {
        exec(cmd(
            "cargo",
            &[
                "build",
                "-p",
                "renewal-cli",
                "-p",
                "renewal-bench",
                "--bins",
                "--profile",
                "release-native",
            ],
        ))
    })?;
    let mut report = String::new();
    let _ = writeln!(report, "{}", machine());
    step("benchmark 1: air-annual", || {
        air(&opts, &dir, &inputs.air, &python, &mut report)
    })?;
    if opts.wasm {
        step("benchmark 1b: wasm in headless Chromium", || {
            wasm(&opts, &dir, &inputs.air, &mut report)
        })?;
    } else {
        let _ = writeln!(report, "\n### 1b. wasm vs native\n\nskipped (--skip-wasm)");
    }
    if opts.trend {
        step("benchmark 2: trend", || {
            trend(&opts, &dir, &inputs, &python, &mut report)
        })?;
    } else {
        let _ = writeln!(report, "\n## 2. Trend\n\nskipped (--skip-trend)");
    }
    if opts.dist {
        step("benchmark 3: first load", || first_load(&mut report))?;
        step("benchmark 4: recompute in the browser", || {
            crate::bench_recompute::run(opts.runs * 5, &mut report)
        })?;
    } else {
        let _ = writeln!(
            report,
            "\n## 3. First load\n\nskipped (--skip-dist)\n\n## 4. Recompute\n\nskipped (--skip-dist)"
        );
    }
    println!("\n{report}");
    let latest = dir.join("latest.md");
    fs::write(&latest, &report).map_err(|e| format!("{}: {e}", latest.display()))?;
    println!("(written to {})", latest.display());
    Ok(())
}

struct Inputs {
    air: PathBuf,
    /// n and file, of the sizes pyMannKendall and the CLI are timed at.
    trend: Vec<(usize, PathBuf)>,
}

fn inputs(dir: &Path) -> Result<Inputs, String> {
    let air = dir.join(format!("air-hourly-1m-v{AIR_VERSION}.csv"));
    if air.exists() {
        println!("ok: {}", air.display());
    } else {
        write_air(&air)?;
        println!("wrote {}", air.display());
    }
    let mut trend = Vec::new();
    for n in [10_000usize, 20_000, 100_000] {
        let p = dir.join(format!("trend-{n}-v{AIR_VERSION}.csv"));
        if !p.exists() {
            write_trend(&p, n)?;
        }
        trend.push((n, p));
    }
    Ok(Inputs { air, trend })
}

/// `target/bench-venv` with `benches/requirements.txt`, reinstalled only when that file changes.
fn venv() -> Result<PathBuf, String> {
    let venv = root().join("target/bench-venv");
    let python = venv.join("bin/python");
    if !python.exists() {
        exec(cmd("python3", &["-m", "venv", &venv.to_string_lossy()]))?;
    }
    let req = root().join("benches/requirements.txt");
    let wanted = fs::read_to_string(&req).map_err(|e| format!("{}: {e}", req.display()))?;
    let stamp = venv.join("requirements.installed");
    if fs::read_to_string(&stamp).ok().as_deref() == Some(wanted.as_str()) {
        println!("ok: {} has benches/requirements.txt", venv.display());
        return Ok(python);
    }
    exec(cmd(
        &python.to_string_lossy(),
        &[
            "-m",
            "pip",
            "install",
            "--disable-pip-version-check",
            "--quiet",
            "--index-url",
            "https://pypi.org/simple",
            "-r",
            &req.to_string_lossy(),
        ],
    ))?;
    fs::write(&stamp, wanted).map_err(|e| format!("{}: {e}", stamp.display()))?;
    Ok(python)
}

fn renewal() -> String {
    native_bin("renewal")
}

fn native_bin(name: &str) -> String {
    root()
        .join("target/release-native")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// Run with stdout to `out` (or discarded), return wall seconds; fail on a non-zero exit.
fn timed(mut c: Command, out: Option<&Path>) -> Result<f64, String> {
    let shown = format!("{c:?}");
    let stdout = match out {
        Some(p) => Stdio::from(fs::File::create(p).map_err(|e| format!("{}: {e}", p.display()))?),
        None => Stdio::null(),
    };
    c.stdout(stdout);
    let start = Instant::now();
    let status = c.status().map_err(|e| format!("{shown}: {e}"))?;
    let secs = start.elapsed().as_secs_f64();
    if !status.success() {
        return Err(format!("{shown} failed with {status}"));
    }
    Ok(secs)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

/// The first number after `"key":` in a JSON text (enough for our flat outputs; no serde here).
fn json_number(text: &str, key: &str) -> Option<f64> {
    let pat = format!("\"{key}\":");
    let at = text.find(&pat)? + pat.len();
    let rest = text[at..].trim_start();
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || "+-.eE".contains(c)))
        .unwrap_or(rest.len());
    rest[..end].parse().ok()
}

fn read_file(p: &Path) -> Result<String, String> {
    fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))
}

fn verdict(ratio: f64, target: f64) -> String {
    if ratio >= target {
        format!("met ({:.1}x the target)", ratio / target)
    } else {
        format!("MISSED (by a factor {:.1})", target / ratio)
    }
}

fn air(
    opts: &Options,
    dir: &Path,
    file: &Path,
    python: &Path,
    report: &mut String,
) -> Result<(), String> {
    let file_s = file.to_string_lossy().into_owned();
    let py = python.to_string_lossy().into_owned();
    let pandas_script = root().join("benches/air_annual_pandas.py");
    let pandas_script = pandas_script.to_string_lossy();
    // The check (also the warm-up: the file is in the page cache afterwards).
    let cli_full = dir.join("air-cli.json");
    let pd_full = dir.join("air-pandas.json");
    let mut c = cmd(
        &renewal(),
        &["air-annual", "--standard", "hj633-2026", &file_s],
    );
    timed(c, Some(&cli_full))?;
    c = cmd(
        &py,
        &[
            &pandas_script,
            &file_s,
            "--daily",
            "--out",
            &pd_full.to_string_lossy(),
        ],
    );
    timed(c, None)?;
    let check = root().join("benches/check_air_annual.py");
    exec(cmd(
        &py,
        &[
            &check.to_string_lossy(),
            &cli_full.to_string_lossy(),
            &pd_full.to_string_lossy(),
        ],
    ))?;

    let (mut floor_read, mut floor_cat, mut native, mut pandas, mut pandas_compute) =
        (vec![], vec![], vec![], vec![], vec![]);
    let pd_out = dir.join("air-pandas-annual.json");
    for run in 1..=opts.runs {
        let start = Instant::now();
        let bytes = fs::read(file).map_err(|e| format!("{file_s}: {e}"))?;
        floor_read.push(start.elapsed().as_secs_f64());
        let size = bytes.len();
        drop(bytes);
        let mut cat = Command::new("cat");
        cat.arg(file);
        floor_cat.push(timed(cat, None)?);
        let c = cmd(
            &renewal(),
            &[
                "air-annual",
                "--standard",
                "hj633-2026",
                "--annual-only",
                &file_s,
            ],
        );
        native.push(timed(c, Some(&dir.join("air-cli-annual.json")))?);
        let c = cmd(
            &py,
            &[&pandas_script, &file_s, "--out", &pd_out.to_string_lossy()],
        );
        pandas.push(timed(c, None)?);
        let compute = json_number(&read_file(&pd_out)?, "compute_s").unwrap_or(f64::NAN);
        pandas_compute.push(compute);
        println!(
            "run {run}: read {:.3} s, cat {:.3} s, native {:.2} s, pandas {:.2} s (compute {:.2} s) [{size} B]",
            floor_read[run - 1],
            floor_cat[run - 1],
            native[run - 1],
            pandas[run - 1],
            compute
        );
    }
    let size = fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    let (fr, fc, n, p, pc) = (
        median(floor_read),
        median(floor_cat),
        median(native),
        median(pandas),
        median(pandas_compute),
    );
    let _ = writeln!(
        report,
        "\n## 1. One million hourly rows -> daily AQI and HJ 663 annual statistics\n\n\
         Input: {} ({:.1} MB, 1,000,000 rows). Medians of {} runs, wall clock.\n\n\
         | contender | median s | time / native |\n|---|---:|---:|\n\
         | floor: read the bytes (std::fs::read, page cache) | {fr:.3} | {:.2} |\n\
         | floor: `cat FILE > /dev/null` | {fc:.3} | {:.2} |\n\
         | native: `renewal air-annual --standard hj633-2026 --annual-only` | {n:.2} | 1 |\n\
         | pandas: whole process (interpreter, imports, compute) | {p:.2} | {:.2} |\n\
         | pandas: compute only (after imports, read_csv included) | {pc:.2} | {:.2} |\n\n\
         Native vs pandas (whole process): {:.2}x; target >= {TARGET_NATIVE_VS_PANDAS}x: {}.\n\
         Native vs pandas (compute only): {:.2}x. Native vs the floor: {:.0}x slower than reading the bytes.",
        file.file_name().map(|f| f.to_string_lossy()).unwrap_or_default(),
        size as f64 / 1e6,
        opts.runs,
        fr / n,
        fc / n,
        p / n,
        pc / n,
        p / n,
        verdict(p / n, TARGET_NATIVE_VS_PANDAS),
        pc / n,
        n / fr,
    );
    Ok(())
}

fn trend(
    opts: &Options,
    dir: &Path,
    inputs: &Inputs,
    python: &Path,
    report: &mut String,
) -> Result<(), String> {
    let py = python.to_string_lossy().into_owned();
    let script = root().join("benches/trend_pymannkendall.py");
    let script = script.to_string_lossy().into_owned();
    let file_of = |n: usize| {
        inputs
            .trend
            .iter()
            .find(|(m, _)| *m == n)
            .map(|(_, p)| p.to_string_lossy().into_owned())
            .ok_or(format!("no trend input of n = {n}"))
    };
    // pyMannKendall: one Python process per measurement; `seconds` is the call alone.
    let pymk = |n: usize, mode: &str| -> Result<(f64, String), String> {
        let out = dir.join(format!("pymk-{n}-{mode}.json"));
        let wall = timed(
            cmd(&py, &[&script, &file_of(n)?, "--mode", mode]),
            Some(&out),
        )?;
        let text = read_file(&out)?;
        let secs = json_number(&text, "seconds").unwrap_or(f64::NAN);
        println!("pyMannKendall {mode} n = {n}: {secs:.2} s (process {wall:.2} s)");
        Ok((secs, text))
    };
    // Native: in-process MK and Theil–Sen (trend-native), and the whole CLI process.
    struct Native {
        mk: f64,
        sen: f64,
        cli: f64,
        text: String,
    }
    let native = |n: usize| -> Result<Native, String> {
        let out = dir.join(format!("native-trend-{n}.json"));
        let (mut mk, mut sen, mut cli) = (vec![], vec![], vec![]);
        for _ in 0..opts.runs {
            timed(
                cmd(&native_bin("trend-native"), &[&file_of(n)?]),
                Some(&out),
            )?;
            let text = read_file(&out)?;
            mk.push(json_number(&text, "mk_seconds").unwrap_or(f64::NAN));
            sen.push(json_number(&text, "sen_seconds").unwrap_or(f64::NAN));
            cli.push(timed(
                cmd(&renewal(), &["trend", &file_of(n)?]),
                Some(&dir.join(format!("cli-trend-{n}.json"))),
            )?);
        }
        let r = Native {
            mk: median(mk),
            sen: median(sen),
            cli: median(cli),
            text: read_file(&out)?,
        };
        println!(
            "native n = {n}: MK {:.4} s, Theil–Sen {:.4} s, renewal trend process {:.3} s",
            r.mk, r.sen, r.cli
        );
        Ok(r)
    };
    let same = |a: &str, b: &str, key: &str| -> bool {
        matches!((json_number(a, key), json_number(b, key)), (Some(x), Some(y)) if x == y)
    };

    // n = 10,000: everything measured.
    let nat10 = native(10_000)?;
    let (orig10, orig10_text) = pymk(10_000, "original")?;
    let (mk10, _) = pymk(10_000, "mk")?;
    let (sens10, _) = pymk(10_000, "sens")?;
    // n = 100,000: MK part measured; sens_slope extrapolated from n = 20,000 (n² pairs).
    let nat100 = native(100_000)?;
    let (mk100, mk100_text) = pymk(100_000, "mk")?;
    let (sens20, _) = pymk(20_000, "sens")?;
    let sens100 = sens20 * 25.0;
    let orig100 = mk100 + sens100;
    let same_s10 = same(&nat10.text, &orig10_text, "s");
    let same_s100 = same(&nat100.text, &mk100_text, "s");
    let same_slope10 = same(&nat10.text, &orig10_text, "slope");

    let _ = writeln!(
        report,
        "\n## 2. Mann–Kendall and Theil–Sen\n\n\
         Series: `year,value`, years 1..n, AR(1) noise on a weak trend, no ties. Seconds of the\n\
         calls alone, after reading the file, in one process each: native = renewal-calc's\n\
         `mann_kendall` (Knight's S) and `theil_sen` (slope selection, with its confidence\n\
         interval) via `benches/rust` `trend-native`, median of {runs} runs; pyMannKendall 1.4.3 =\n\
         the MK part of `original_test` and `sens_slope`, one run each (a 100k run takes\n\
         minutes). `sens_slope` at n = 100,000 would need 40 GB (all n(n-1)/2 slopes): its time is\n\
         extrapolated from n = 20,000 by n² (x 25), marked (extrapolated).\n\n\
         | n | native MK s | pyMK MK s | MK ratio | native Theil–Sen s | pyMK sens_slope s | Sen ratio |\n\
         |---:|---:|---:|---:|---:|---:|---:|\n\
         | 10,000 | {:.4} | {mk10:.2} | {:.0}x | {:.4} | {sens10:.2} | {:.0}x |\n\
         | 100,000 | {:.4} | {mk100:.1} | {:.0}x | {:.4} | {sens100:.0} (extrapolated; {sens20:.1} at n = 20,000) | {:.0}x |\n\n\
         Whole programs: `renewal trend FILE` (parse, MK, Theil–Sen with interval, change, index,\n\
         JSON; median of {runs}) vs `original_test` (MK + Sen): n = 10,000 {:.3} s vs {orig10:.2} s\n\
         ({:.0}x); n = 100,000 {:.3} s vs {orig100:.0} s extrapolated ({:.0}x).\n\n\
         Same S as pyMannKendall: n = 10,000 {same_s10}, n = 100,000 {same_s100}; same Sen slope at\n\
         n = 10,000: {same_slope10}.\n\n\
         **MK at n = 100,000: {:.0}x pyMannKendall (measured); target >= {TARGET_MK_VS_PYMK}x: {}.**",
        nat10.mk,
        mk10 / nat10.mk,
        nat10.sen,
        sens10 / nat10.sen,
        nat100.mk,
        mk100 / nat100.mk,
        nat100.sen,
        sens100 / nat100.sen,
        nat10.cli,
        orig10 / nat10.cli,
        nat100.cli,
        orig100 / nat100.cli,
        mk100 / nat100.mk,
        verdict(mk100 / nat100.mk, TARGET_MK_VS_PYMK),
        runs = opts.runs,
    );
    if !(same_s10 && same_s100) {
        return Err("renewal-calc and pyMannKendall disagree on S".into());
    }
    Ok(())
}

/// Benchmark 1 as wasm in headless Chromium vs the same code native (`benches/rust`).
fn wasm(opts: &Options, dir: &Path, file: &Path, report: &mut String) -> Result<(), String> {
    let wasm_target = dir.join("wasm-target");
    let www = dir.join("www");
    // opt-level 3 like the native build (the app's own release profile is size-optimised).
    exec(cmd(
        "cargo",
        &[
            "build",
            "-p",
            "renewal-bench",
            "--lib",
            "--target",
            "wasm32-unknown-unknown",
            "--release",
            "--config",
            "profile.release.opt-level=3",
            "--target-dir",
            &wasm_target.to_string_lossy(),
        ],
    ))?;
    let wasm_file = wasm_target.join("wasm32-unknown-unknown/release/renewal_bench.wasm");
    exec(cmd(
        "wasm-bindgen",
        &[
            "--target",
            "web",
            "--out-dir",
            &www.join("pkg").to_string_lossy(),
            &wasm_file.to_string_lossy(),
        ],
    ))?;
    fs::copy(
        root().join("benches/rust/www/index.html"),
        www.join("index.html"),
    )
    .map_err(|e| format!("index.html: {e}"))?;

    // Native: the same function, one process per run, timed in-process after reading.
    let file_s = file.to_string_lossy().into_owned();
    let native_out = dir.join("air-native.json");
    let (mut native, mut native_read, mut native_eval) = (vec![], vec![], vec![]);
    for _ in 0..opts.runs {
        timed(
            cmd(&native_bin("air-native"), &[&file_s]),
            Some(&native_out),
        )?;
        let text = read_file(&native_out)?;
        native.push(json_number(&text, "seconds").unwrap_or(f64::NAN));
        native_read.push(json_number(&text, "read_seconds").unwrap_or(f64::NAN));
        native_eval.push(json_number(&text, "evaluate_seconds").unwrap_or(f64::NAN));
    }
    let native_text = read_file(&native_out)?;
    let native_result = native_text
        .split_once("\"result\":")
        .and_then(|(_, r)| r.trim_end().strip_suffix('}'))
        .unwrap_or_default();

    // The browser: serve.py on a free port, Chromium in its own process group.
    let result = dir.join("wasm-result.txt");
    let _ = fs::remove_file(&result);
    let mut server = Command::new("python3")
        .arg(root().join("benches/rust/serve.py"))
        .arg(&www)
        .arg(file)
        .arg(&result)
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("serve.py: {e}"))?;
    let mut port = String::new();
    if let Some(out) = server.stdout.take() {
        use std::io::BufRead;
        std::io::BufReader::new(out)
            .read_line(&mut port)
            .map_err(|e| format!("serve.py: {e}"))?;
    }
    let profile = dir.join("chromium-profile");
    let _ = fs::remove_dir_all(&profile);
    let url = format!(
        "http://127.0.0.1:{}/index.html?runs={}",
        port.trim(),
        opts.runs
    );
    use std::os::unix::process::CommandExt;
    let mut chromium = Command::new("/usr/bin/chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            &format!("--user-data-dir={}", profile.display()),
            &url,
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .map_err(|e| format!("/usr/bin/chromium: {e}"))?;
    println!("chromium (pid {}) on {url}", chromium.id());
    let served = server.wait();
    // Chromium's helpers share its process group: end that group (ours), then reap.
    let _ = Command::new("kill")
        .args(["-TERM", "--", &format!("-{}", chromium.id())])
        .status();
    let _ = chromium.wait();
    served.map_err(|e| format!("serve.py: {e}"))?;
    let text = read_file(&result).map_err(|e| format!("no result from the page: {e}"))?;
    let (timing, wasm_result) = text.split_once('\n').unwrap_or((&text, ""));
    if timing.contains("\"error\"") {
        return Err(format!("the wasm page failed: {timing}"));
    }
    let list = timing
        .split_once("\"seconds\":[")
        .and_then(|(_, r)| r.split_once(']'))
        .map(|(l, _)| l)
        .unwrap_or_default();
    let wasm_times: Vec<f64> = list.split(',').filter_map(|x| x.parse().ok()).collect();
    let agent = timing
        .split_once("Chrome/")
        .and_then(|(_, r)| r.split_once(' '))
        .map(|(v, _)| v)
        .unwrap_or("?");
    let same = wasm_result.trim() == native_result.trim();
    let (w, n) = (median(wasm_times), median(native));
    let _ = writeln!(
        report,
        "\n### 1b. wasm in headless Chromium vs native (the same code)\n\n\
         `benches/rust`: one function (small CSV reader + `evaluate_hourly` + JSON of the annual\n\
         reports) built natively (release-native) and for wasm32 (opt-level 3, wasm-bindgen, no\n\
         wasm-opt), timed in-process after the file is read / fetched; the wasm time includes\n\
         copying the 35 MB string into wasm memory. Chromium {agent}, medians of {} runs.\n\n\
         | | median s |\n|---|---:|\n| native | {n:.2} |\n\
         | native: reading the CSV into series | {:.2} |\n\
         | native: `evaluate_hourly` + annual JSON | {:.2} |\n| wasm | {w:.2} |\n\n\
         Same output (byte for byte): {same}. **wasm / native = {:.2}; target <= 2: {}.**",
        opts.runs,
        median(native_read),
        median(native_eval),
        w / n,
        if w / n <= 2.0 {
            "met".to_string()
        } else {
            format!("MISSED by a factor {:.2}", w / n / 2.0)
        }
    );
    if !same {
        return Err("wasm and native outputs differ".into());
    }
    Ok(())
}

fn first_load(report: &mut String) -> Result<(), String> {
    let dist = dist::build()?;
    let sizes = dist::sizes(&dist)?;
    let first = first_view_files()?;
    let _ = writeln!(
        report,
        "\n## 3. First load (release build, `cargo xtask dist`)\n\n\
         `first view`: requested by the page when the default view is opened in a fresh profile \
         (tests/e2e/bench/first_load.bench.ts); `later`: fetched when needed (charts, upload) and \
         by the service worker's precache after the load.\n\n\
         | asset | raw B | gzip -9 B | loaded |\n|---|---:|---:|---|"
    );
    let (mut raw, mut gz, mut first_raw, mut first_gz) = (0u64, 0u64, 0u64, 0u64);
    for (name, r, g) in &sizes {
        raw += r;
        gz += g;
        let now = first.iter().any(|f| f == name);
        if now {
            first_raw += r;
            first_gz += g;
        }
        let when = if now { "first view" } else { "later" };
        let _ = writeln!(report, "| {name} | {r} | {g} | {when} |");
    }
    let kb = first_gz as f64 / 1000.0;
    let _ = writeln!(
        report,
        "| **first view** | {first_raw} | {first_gz} | |\n| **every file** | {raw} | {gz} | |\n\n\
         First view {kb:.0} KB gzip; target <= {TARGET_FIRST_LOAD_GZIP_KB} KB: {}.",
        if kb <= TARGET_FIRST_LOAD_GZIP_KB {
            format!("met ({:.0} KB to spare)", TARGET_FIRST_LOAD_GZIP_KB - kb)
        } else {
            format!(
                "MISSED by {:.0} KB (a factor {:.2})",
                kb - TARGET_FIRST_LOAD_GZIP_KB,
                kb / TARGET_FIRST_LOAD_GZIP_KB
            )
        }
    );
    Ok(())
}

/// The files of `dist/` the default view requests, from the `FIRSTLOAD` line of the Playwright
/// benchmark.
fn first_view_files() -> Result<Vec<String>, String> {
    let (stdout, stderr) = crate::bench_recompute::playwright("first_load", None)?;
    first_load_line(&stdout)
        .ok_or_else(|| format!("benchmark 3 printed no FIRSTLOAD line:\n{stdout}\n{stderr}"))
}

/// The names of the `FIRSTLOAD a b c` line.
fn first_load_line(stdout: &str) -> Option<Vec<String>> {
    stdout
        .lines()
        .find_map(|l| l.trim().strip_prefix("FIRSTLOAD "))
        .map(|l| l.split_whitespace().map(str::to_string).collect())
}

/// nproc, CPU model and memory, from /proc.
fn machine() -> String {
    let cpus = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map(|l| l.trim_start_matches([' ', '\t', ':']).to_string())
        .unwrap_or_else(|| "unknown".into());
    let meminfo = fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let mem_gb = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|l| l.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map(|kb| kb / 1024.0 / 1024.0)
        .unwrap_or(0.0);
    format!("# cargo xtask bench\n\nMachine: {cpus} CPUs available ({model}), {mem_gb:.1} GiB RAM.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_number_reads_flat_and_pretty_json() {
        let t = r#"{"n": 10000, "mode": "mk", "seconds": 0.71, "s": 920900.0}"#;
        assert_eq!(json_number(t, "seconds"), Some(0.71));
        assert_eq!(json_number(t, "s"), Some(920_900.0));
        let pretty = "{\n  \"tau\": 0.5,\n  \"s\": 1401304042,\n  \"slope\": 1.9e-5\n}";
        assert_eq!(json_number(pretty, "s"), Some(1_401_304_042.0));
        assert_eq!(json_number(pretty, "slope"), Some(1.9e-5));
        assert_eq!(json_number(pretty, "missing"), None);
    }

    #[test]
    fn first_load_names_come_from_their_line() {
        let out =
            "Running 1 test\n  FIRSTLOAD index.html style-0123.css renewal-web-ab.js\n  1 passed";
        assert_eq!(
            first_load_line(out).unwrap(),
            ["index.html", "style-0123.css", "renewal-web-ab.js"]
        );
        assert_eq!(first_load_line("1 passed"), None);
    }

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(vec![3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(vec![4.0, 1.0, 2.0, 3.0]), 2.5);
    }

    #[test]
    fn options() {
        let o = parse(&["--runs".into(), "5".into(), "--skip-dist".into()]).unwrap();
        assert_eq!((o.runs, o.dist, o.trend), (5, false, true));
        assert!(!parse(&["--skip-trend".into()]).unwrap().trend);
        assert!(parse(&["--runs".into(), "0".into()]).is_err());
    }
}
