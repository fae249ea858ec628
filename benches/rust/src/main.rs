//! `air-native FILE`: [`renewal_bench::evaluate_csv`] natively, timed after reading the
//! file (as the browser page times the wasm call after fetching it). Prints
//! `{"seconds": s, "result": ...}`.

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
    match renewal_bench::evaluate_csv(&text) {
        Ok(json) => println!(
            "{{\"seconds\":{},\"result\":{json}}}",
            start.elapsed().as_secs_f64()
        ),
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    }
}
