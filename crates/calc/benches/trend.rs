//! Mann–Kendall (Knight's O(n log n) S) and Theil–Sen (randomised slope selection) at
//! n = 10,000 and 100,000, to show the growth is n log n and not n².
//!
//! Run: `cargo bench -p renewal-calc --bench trend`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use renewal_calc::trend::{mann_kendall, theil_sen, SlopeAlgorithm};
use std::hint::black_box;

/// A daily series with a trend, noise and ties (values rounded to 0.1), from a fixed LCG.
fn series(n: usize) -> (Vec<f64>, Vec<f64>) {
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut noise = || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 11) as f64 / (1u64 << 53) as f64 - 0.5
    };
    let t: Vec<f64> = (0..n).map(|i| 2000.0 + i as f64 / 365.0).collect();
    let y: Vec<f64> = t
        .iter()
        .map(|x| (((x - 2000.0) * 0.3 + 5.0 * noise()) * 10.0).round() / 10.0)
        .collect();
    (t, y)
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("trend");
    group.sample_size(10);
    for n in [10_000usize, 100_000] {
        let (t, y) = series(n);
        group.bench_with_input(BenchmarkId::new("mann_kendall", n), &y, |b, y| {
            b.iter(|| mann_kendall(black_box(y), 0.05))
        });
        group.bench_with_input(BenchmarkId::new("theil_sen", n), &(t, y), |b, (t, y)| {
            b.iter(|| theil_sen(black_box(t), black_box(y), 0.95, SlopeAlgorithm::default()))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
