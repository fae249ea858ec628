//! `trend-native FILE`: Mann–Kendall and Theil–Sen of renewal-calc on a `year,value` file, each
//! timed in-process after reading (as `benches/trend_pymannkendall.py` times pyMannKendall's
//! calls). Prints `{"n":…,"mk_seconds":…,"sen_seconds":…,"s":…,"slope":…}`.
//!
//! Theil–Sen here includes its confidence interval (two more order statistics), which
//! pyMannKendall's `sens_slope` does not compute.

use renewal_calc::trend::{mann_kendall, theil_sen, SlopeAlgorithm};
use std::time::Instant;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: trend-native FILE");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    });
    let mut t = Vec::new();
    let mut y = Vec::new();
    for line in text.lines().skip(1) {
        let mut f = line.split(',');
        let (Some(Ok(a)), Some(Ok(b))) = (
            f.next().map(str::parse::<f64>),
            f.next().map(str::parse::<f64>),
        ) else {
            eprintln!("{path}: bad line {line:?}");
            std::process::exit(1);
        };
        t.push(a);
        y.push(b);
    }
    let start = Instant::now();
    let mk = mann_kendall(&y, 0.05);
    let mk_seconds = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let ts = theil_sen(&t, &y, 0.95, SlopeAlgorithm::default());
    let sen_seconds = start.elapsed().as_secs_f64();
    match (mk, ts) {
        (Ok(mk), Ok(ts)) => println!(
            "{{\"n\":{},\"mk_seconds\":{mk_seconds},\"sen_seconds\":{sen_seconds},\"s\":{},\"slope\":{}}}",
            y.len(),
            mk.s,
            ts.slope_per_year
        ),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    }
}
