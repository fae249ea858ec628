//! Tests of the slope selection: randomised against sorting every slope.
use super::*;
use proptest::prelude::*;

fn brute(t: &[f64], y: &[f64], k: u64) -> f64 {
    let mut s = all_slopes(t, y);
    s.sort_by(f64::total_cmp);
    s[k as usize]
}

/// Small interval and sample sizes, so that short series go through several sampling
/// stages (the defaults would list them at once).
fn staged<'a>(t: &'a [f64], y: &'a [f64]) -> Points<'a> {
    Points {
        t,
        y,
        enumerate_limit: 500,
        draws: 256,
    }
}

#[test]
fn randomised_selection_matches_sorting_on_a_long_tied_series() {
    // 400 points with values in 0..7: large tie blocks (slope 0 and simple fractions).
    let t: Vec<f64> = (0..400).map(|i| 1990.0 + f64::from(i)).collect();
    let y: Vec<f64> = (0..400u32)
        .map(|i| f64::from((i * 7919 + i / 3) % 7))
        .collect();
    let total = 400u64 * 399 / 2;
    let points = staged(&t, &y);
    let mut rng = SplitMix64(7);
    for k in [0, total / 2 - 1, total / 2, total / 3, total - 1] {
        assert_eq!(
            points.select(k, &mut rng).unwrap(),
            brute(&t, &y, k),
            "rank {k}"
        );
    }
}

#[test]
fn randomised_selection_matches_sorting_on_a_noisy_trend() {
    let n = 600u32;
    let t: Vec<f64> = (0..n).map(|i| 2000.0 + f64::from(i) / 365.0).collect();
    let mut rng = SplitMix64(3);
    let y: Vec<f64> = (0..n)
        .map(|i| 0.01 * f64::from(i) + (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64)
        .collect();
    let total = u64::from(n) * u64::from(n - 1) / 2;
    let points = staged(&t, &y);
    for k in [total / 2, total / 2 - 1, 12_345, total - 10] {
        assert_eq!(
            points.select(k, &mut rng).unwrap(),
            brute(&t, &y, k),
            "rank {k}"
        );
    }
}

#[test]
fn auto_switches_to_randomised_above_the_pair_limit() {
    let t: Vec<f64> = (0..2100).map(f64::from).collect();
    let y: Vec<f64> = t.iter().map(|v| (v * 0.37).sin()).collect();
    let (_, randomised) = select_ranks(&t, &y, &[0], SlopeAlgorithm::default()).unwrap();
    assert!(randomised, "2100 points = 2.2 million pairs > 2^21");
    let (_, randomised) =
        select_ranks(&t[..2000], &y[..2000], &[0], SlopeAlgorithm::default()).unwrap();
    assert!(!randomised);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn randomised_equals_exhaustive_on_small_series(
        v in prop::collection::vec(0u8..5, 2..120),
        seed in any::<u64>(),
        frac in 0.0f64..1.0,
    ) {
        let t: Vec<f64> = (0..v.len()).map(|i| 2000.0 + i as f64 * 1.5).collect();
        let y: Vec<f64> = v.iter().map(|&a| f64::from(a) * 0.5).collect();
        let total = (v.len() * (v.len() - 1) / 2) as u64;
        let k = ((total as f64 * frac) as u64).min(total - 1);
        let points = Points { t: &t, y: &y, enumerate_limit: 4, draws: 64 };
        let got = points.select(k, &mut SplitMix64(seed)).unwrap();
        prop_assert_eq!(got, brute(&t, &y, k));
    }

    #[test]
    fn a_block_of_two_ranks_equals_exhaustive(
        v in prop::collection::vec(-3i8..4, 3..150),
        seed in any::<u64>(),
        frac in 0.0f64..1.0,
    ) {
        // Decimal-year times far from 0 and integer values: ties and rounding together.
        let t: Vec<f64> = (0..v.len()).map(|i| 2015.0 + i as f64 / 12.0).collect();
        let y: Vec<f64> = v.iter().map(|&a| f64::from(a)).collect();
        let total = (v.len() * (v.len() - 1) / 2) as u64;
        let k = ((total as f64 * frac) as u64).min(total - 2);
        let points = Points { t: &t, y: &y, enumerate_limit: 8, draws: 48 };
        let mut rng = SplitMix64(seed);
        let first = points.sample_all(points.draws, &mut rng);
        let got = points.select_block(k, k + 1, &first, &mut rng).unwrap();
        let mut all = all_slopes(&t, &y);
        all.sort_by(f64::total_cmp);
        // t_j − t_i is rounded here (1/12 steps), so one true slope such as −12/17 appears
        // as several floats a few ulps apart; the selection may return any of them
        // (module doc, Edge cases). Exact-time series are compared exactly above.
        for (g, w) in got.iter().zip([all[k as usize], all[k as usize + 1]]) {
            prop_assert!((g - w).abs() <= 1e-9 * w.abs().max(1.0), "{} vs {}", g, w);
        }
    }
}
