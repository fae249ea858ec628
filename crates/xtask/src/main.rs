//! Dev tasks for the Industrial City Renewal Calculator (rust-analyzer's `cargo xtask` pattern).
//!
//! ```text
//! cargo xtask serve    install what is missing, build, serve the app on http://127.0.0.1:8080
//! cargo xtask test     install what is missing (browser included), run every test
//! cargo xtask dist     install what is missing, release build into dist/, print asset sizes
//! cargo xtask setup    only install what is missing (add --browser for the e2e browser)
//! cargo xtask bench    run the benchmarks of BENCHMARKS.md (minutes; not part of `test`)
//! ```
//!
//! Every install step is idempotent: a tool already at the right version is skipped, so a warm
//! run costs seconds. Nothing is downloaded from anywhere but crates.io, the npm registry and
//! Debian's archive, and nothing at run time.

mod bench;
mod bench_data;
mod bench_recompute;
mod csp;
mod dist;
mod offline;
mod setup;
mod sh;
mod test;

use std::process::ExitCode;

const HELP: &str = "\
cargo xtask <task>

tasks:
  serve [--port N]   install what is missing, build the release app, serve it on 127.0.0.1
  test               install what is missing (Chromium included), run the Rust and browser tests
  dist [--public-url /sub/path/]
                     install what is missing, build the release app into dist/, print sizes
  setup [--browser]  only install what is missing
  bench [--runs N] [--skip-dist] [--skip-wasm] [--skip-trend]
                     run the benchmarks of BENCHMARKS.md (native vs pandas/pyMannKendall,
                     wasm in Chromium, first-load sizes); Python in target/bench-venv
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => dist::serve(&args[1..]),
        Some("test") => test::run(),
        Some("dist") => dist::build_cli(&args[1..]).map(|_| ()),
        Some("bench") => bench::run(&args[1..]),
        Some("setup") => setup::run(setup::Needs {
            browser: args.iter().any(|a| a == "--browser"),
        }),
        Some("-h" | "--help" | "help") | None => {
            print!("{HELP}");
            Ok(())
        }
        Some(other) => Err(format!("unknown task `{other}`\n\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}
