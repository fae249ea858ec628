//! `air-native FILE`: [`renewal_bench::evaluate_csv`] natively, timed after reading the
//! file (as the browser page times the wasm call after fetching it), with its two halves timed
//! too. Prints `{"seconds": s, "read_seconds": s, "evaluate_seconds": s, "result": ...}`.

use std::time::Instant;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: air-native FILE.csv");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let start = Instant::now();
    let result = renewal_bench::read_series(&text).and_then(|(rows, series)| {
        let read = start.elapsed().as_secs_f64();
        renewal_bench::evaluate(rows, &series).map(|json| (read, json))
    });
    let seconds = start.elapsed().as_secs_f64();
    match result {
        Ok((read, json)) => println!(
            "{{\"seconds\":{seconds},\"read_seconds\":{read},\"evaluate_seconds\":{},\"result\":{json}}}",
            seconds - read
        ),
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    }
}
