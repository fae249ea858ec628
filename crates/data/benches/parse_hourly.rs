//! Benchmark (not a test): parse 1,000,000 hourly rows (timestamp + 6 pollutants), native.
//!
//! Run: `cargo bench -p renewal-data --bench parse_hourly --profile release-native`
//! (the workspace's `release` profile optimises for wasm size; `release-native` for speed).
//! Rows are generated deterministically (a fixed-seed linear congruential generator), so every
//! run parses the same 1,000,000 rows (1980-01-01 00:00 to 2094-01-28 15:00, inside the default
//! year range); the timing covers `parse_table` only.

use std::fmt::Write as _;
use std::time::Instant;

use renewal_calc::time::CivilHour;
use renewal_data::{parse_table, ParseOptions};

/// Numerical Recipes' 64-bit LCG constants; any fixed generator would do.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn generate(rows: usize) -> String {
    let mut rng = Lcg(20_240_105);
    let mut s = String::with_capacity(rows * 48);
    s.push_str("time,PM2.5,PM10,SO2,NO2,CO,O3\n");
    let start = CivilHour::new(1980, 1, 1, 0)
        .expect("valid start hour")
        .hours_since_epoch();
    for i in 0..rows {
        let h = CivilHour::from_hours_since_epoch(start + i as i64);
        let _ = writeln!(
            s,
            "{} {:02}:00,{:.0},{:.0},{:.0},{:.0},{:.1},{:.0}",
            h.date,
            h.hour,
            5.0 + 150.0 * rng.next(),
            10.0 + 250.0 * rng.next(),
            2.0 + 60.0 * rng.next(),
            5.0 + 80.0 * rng.next(),
            0.2 + 3.0 * rng.next(),
            5.0 + 200.0 * rng.next(),
        );
    }
    s
}

fn main() {
    let rows = 1_000_000;
    let text = generate(rows);
    let mb = text.len() as f64 / 1e6;
    let mut best = f64::INFINITY;
    for run in 1..=3 {
        let t0 = Instant::now();
        let t = parse_table(text.as_bytes(), &ParseOptions::default()).expect("parses");
        let secs = t0.elapsed().as_secs_f64();
        assert_eq!(t.summary.cells_accepted, rows * 6, "every value accepted");
        assert!(t.rejections.is_empty());
        best = best.min(secs);
        println!(
            "run {run}: {rows} rows, {mb:.1} MB in {secs:.3} s = {:.1} MB/s, {:.0} rows/s",
            mb / secs,
            rows as f64 / secs
        );
    }
    println!("best: {:.1} MB/s", mb / best);
}
