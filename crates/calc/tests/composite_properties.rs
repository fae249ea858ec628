//! Property tests of the composite index: weights, closeness, ranks and invariances.

use proptest::prelude::*;
use renewal_calc::composite::{
    evaluate, leave_one_indicator_out, perturb_weights, Alternative, CompositeOptions,
    DecisionMatrix, Direction, EntropyZeros, Indicator, LeaveOneOutOutcome, Normalisation,
    PerturbationOptions, WeightScheme,
};

fn direction(code: u8) -> Direction {
    match code % 4 {
        0 => Direction::Benefit,
        1 => Direction::Cost,
        2 => Direction::Target { value: 50.0 },
        _ => Direction::TargetRange {
            low: 30.0,
            high: 60.0,
        },
    }
}

fn build(rows: &[Vec<f64>], codes: &[u8]) -> Option<DecisionMatrix> {
    let alternatives = (0..rows.len())
        .map(|i| Alternative {
            entity: format!("city{i}"),
            year: 2000 + i as i32,
        })
        .collect();
    let indicators = codes
        .iter()
        .enumerate()
        .map(|(j, &c)| Indicator::new(format!("x{j}"), direction(c)))
        .collect();
    DecisionMatrix::from_rows(alternatives, indicators, rows).ok()
}

/// m x n matrices of positive values, m in 2..10, n in 1..6, with a direction code per column.
fn problem() -> impl Strategy<Value = (Vec<Vec<f64>>, Vec<u8>)> {
    (2usize..10, 1usize..6).prop_flat_map(|(m, n)| {
        (
            prop::collection::vec(prop::collection::vec(0.5f64..100.0, n), m),
            prop::collection::vec(0u8..4, n),
        )
    })
}

fn schemes(n: usize, custom: &[f64]) -> Vec<WeightScheme> {
    vec![
        WeightScheme::Equal,
        WeightScheme::Entropy {
            zeros: EntropyZeros::Limit,
        },
        WeightScheme::Critic,
        WeightScheme::Custom {
            given: custom.iter().copied().cycle().take(n).collect(),
        },
    ]
}

fn is_permutation(rank: &[usize]) -> bool {
    let mut sorted = rank.to_vec();
    sorted.sort_unstable();
    sorted.iter().enumerate().all(|(k, &r)| r == k + 1)
}

proptest! {
    #[test]
    fn weights_closeness_and_ranks_are_well_formed(
        (rows, codes) in problem(),
        custom in prop::collection::vec(0.01f64..5.0, 1..6),
    ) {
        let Some(m) = build(&rows, &codes) else { return Ok(()); };
        for normalisation in [Normalisation::MinMax, Normalisation::Vector, Normalisation::ZScore] {
            for weights in schemes(m.n_indicators(), &custom) {
                let opts = CompositeOptions { normalisation, weights };
                // Errors (constant or zero columns, degenerate weights) are allowed; panics are not.
                let Ok(r) = evaluate(&m, &opts) else { continue; };
                let t = &r.table;
                let sum: f64 = t.weights.iter().sum();
                prop_assert!((sum - 1.0).abs() < 1e-12, "sum {}", sum);
                prop_assert!(t.weights.iter().all(|&w| w >= 0.0 && w.is_finite()));
                prop_assert!(t.closeness.iter().all(|&c| (0.0..=1.0).contains(&c)));
                prop_assert!(is_permutation(&t.rank));
                // The best-ranked alternative has the largest closeness.
                let best = t.rank.iter().position(|&r| r == 1).unwrap_or(0);
                let max = t.closeness.iter().copied().fold(f64::MIN, f64::max);
                prop_assert_eq!(t.closeness.get(best).copied(), Some(max));
                for d in &r.dimensions {
                    if let renewal_calc::composite::DimensionOutcome::Scored { closeness, rank, .. } = &d.outcome {
                        prop_assert!(closeness.iter().all(|&c| (0.0..=1.0).contains(&c)));
                        prop_assert!(is_permutation(rank));
                    }
                }
            }
        }
    }

    #[test]
    fn scaling_a_benefit_column_leaves_vector_topsis_unchanged(
        (rows, codes) in problem(),
        k in 0.001f64..1000.0,
        col in 0usize..6,
    ) {
        let mut codes = codes;
        let n = codes.len();
        let col = col % n;
        if let Some(c) = codes.get_mut(col) { *c = 0; } // benefit
        let Some(m) = build(&rows, &codes) else { return Ok(()); };
        let scaled: Vec<Vec<f64>> = rows
            .iter()
            .map(|r| r.iter().enumerate().map(|(j, &x)| if j == col { x * k } else { x }).collect())
            .collect();
        let Some(ms) = build(&scaled, &codes) else { return Ok(()); };
        for weights in [WeightScheme::Equal, WeightScheme::Entropy { zeros: EntropyZeros::Limit }] {
            let opts = CompositeOptions { normalisation: Normalisation::Vector, weights };
            let (Ok(a), Ok(b)) = (evaluate(&m, &opts), evaluate(&ms, &opts)) else { continue; };
            for (x, y) in a.table.closeness.iter().zip(&b.table.closeness) {
                prop_assert!((x - y).abs() < 1e-9, "{} vs {}", x, y);
            }
        }
    }

    #[test]
    fn reordering_alternatives_permutes_closeness(
        (rows, codes) in problem(),
    ) {
        let Some(m) = build(&rows, &codes) else { return Ok(()); };
        let reversed: Vec<Vec<f64>> = rows.iter().rev().cloned().collect();
        let Some(mr) = build(&reversed, &codes) else { return Ok(()); };
        let opts = CompositeOptions { normalisation: Normalisation::MinMax, weights: WeightScheme::Critic };
        let (Ok(a), Ok(b)) = (evaluate(&m, &opts), evaluate(&mr, &opts)) else { return Ok(()); };
        for (x, y) in a.table.closeness.iter().zip(b.table.closeness.iter().rev()) {
            prop_assert!((x - y).abs() < 1e-12);
        }
    }

    #[test]
    fn perturbation_shares_sum_to_one_and_repeat_with_the_seed(
        (rows, codes) in problem(),
        seed in any::<u64>(),
        amplitude in 0.0f64..0.99,
    ) {
        let Some(m) = build(&rows, &codes) else { return Ok(()); };
        let opts = CompositeOptions { normalisation: Normalisation::Vector, weights: WeightScheme::Equal };
        let p = PerturbationOptions { seed, runs: 20, amplitude };
        let Ok(a) = perturb_weights(&m, &opts, p) else { return Ok(()); };
        let b = perturb_weights(&m, &opts, p);
        prop_assert_eq!(Ok(&a), b.as_ref());
        for s in &a.alternatives {
            let total: f64 = s.rank_share.iter().map(|r| r.share).sum();
            prop_assert!((total - 1.0).abs() < 1e-12);
            prop_assert!(s.mean_rank >= 1.0 && s.mean_rank <= m.n_alternatives() as f64);
        }
        prop_assert!(a.spearman_min <= a.spearman_mean + 1e-12);
        prop_assert!(a.spearman_mean <= 1.0 + 1e-12 && a.spearman_min >= -1.0 - 1e-12);
    }

    #[test]
    fn leave_one_out_lists_every_indicator_when_there_are_several(
        (rows, codes) in problem(),
    ) {
        let Some(m) = build(&rows, &codes) else { return Ok(()); };
        let opts = CompositeOptions { normalisation: Normalisation::Vector, weights: WeightScheme::Equal };
        let Ok(loo) = leave_one_indicator_out(&m, &opts) else { return Ok(()); };
        let expected = if m.n_indicators() > 1 { m.n_indicators() } else { 0 };
        prop_assert_eq!(loo.len(), expected);
        for l in &loo {
            if let LeaveOneOutOutcome::Ranked { weights, rank, spearman, .. } = &l.outcome {
                prop_assert_eq!(weights.len(), m.n_indicators() - 1);
                prop_assert!(is_permutation(rank));
                prop_assert!((-1.0..=1.0).contains(spearman));
            }
        }
    }

    #[test]
    fn arbitrary_values_never_panic(
        rows in prop::collection::vec(prop::collection::vec(prop::num::f64::ANY, 3), 0..5),
        codes in prop::collection::vec(0u8..4, 3),
    ) {
        if let Some(m) = build(&rows, &codes) {
            for normalisation in [Normalisation::MinMax, Normalisation::Vector, Normalisation::ZScore] {
                for weights in schemes(3, &[1.0]) {
                    let _ = evaluate(&m, &CompositeOptions { normalisation, weights });
                }
            }
        }
    }
}

#[test]
fn zero_amplitude_keeps_every_rank() {
    let rows = vec![vec![1.0, 9.0], vec![2.0, 5.0], vec![3.0, 4.0]];
    let m = build(&rows, &[0, 1]).expect("matrix");
    let opts = CompositeOptions {
        normalisation: Normalisation::MinMax,
        weights: WeightScheme::Equal,
    };
    let p = perturb_weights(
        &m,
        &opts,
        PerturbationOptions {
            seed: 7,
            runs: 10,
            amplitude: 0.0,
        },
    )
    .expect("runs");
    assert_eq!(p.spearman_min, 1.0);
    for s in &p.alternatives {
        assert_eq!(s.share_at_base_rank, 1.0);
        assert_eq!(s.mean_rank, s.base_rank as f64);
    }
}

#[test]
fn amplitude_of_one_or_more_is_rejected() {
    let m = build(&[vec![1.0], vec![2.0]], &[0]).expect("matrix");
    let opts = CompositeOptions {
        normalisation: Normalisation::MinMax,
        weights: WeightScheme::Equal,
    };
    let got = perturb_weights(
        &m,
        &opts,
        PerturbationOptions {
            seed: 1,
            runs: 1,
            amplitude: 1.0,
        },
    );
    assert_eq!(
        got.map(|_| ()),
        Err(renewal_calc::composite::CompositeError::InvalidAmplitude { amplitude: 1.0 })
    );
}

/// Keep only the columns in `keep` (a sub-matrix with the same alternatives).
fn restrict(m: &DecisionMatrix, keep: &[usize]) -> Option<DecisionMatrix> {
    let columns = keep
        .iter()
        .filter_map(|&j| m.columns().get(j).cloned())
        .collect();
    let indicators = keep
        .iter()
        .filter_map(|&j| m.indicators().get(j).cloned())
        .collect();
    DecisionMatrix::from_columns(m.alternatives().to_vec(), indicators, columns).ok()
}

proptest! {
    #[test]
    fn dimension_score_is_topsis_on_the_dimension_alone(
        (rows, codes) in problem(),
        dims in prop::collection::vec(0usize..2, 6),
        custom in prop::collection::vec(0.01f64..5.0, 6),
    ) {
        use renewal_calc::composite::{Dimension, DimensionOutcome};
        let Some(m) = build(&rows, &codes) else { return Ok(()); };
        let n = m.n_indicators();
        let pick = [Dimension::Energy, Dimension::Industry];
        let inds: Vec<Indicator> = m
            .indicators()
            .iter()
            .zip(&dims)
            .map(|(i, &d)| Indicator { dimension: pick.get(d).copied(), ..i.clone() })
            .collect();
        let Ok(m) = DecisionMatrix::from_columns(m.alternatives().to_vec(), inds, m.columns().to_vec()) else {
            return Ok(());
        };
        let given: Vec<f64> = custom.iter().copied().take(n).collect();
        for normalisation in [Normalisation::MinMax, Normalisation::Vector, Normalisation::ZScore] {
            let opts = CompositeOptions { normalisation, weights: WeightScheme::Custom { given: given.clone() } };
            let Ok(r) = evaluate(&m, &opts) else { continue; };
            for d in &r.dimensions {
                let keep: Vec<usize> = m
                    .indicators()
                    .iter()
                    .enumerate()
                    .filter(|(_, i)| i.dimension == Some(d.dimension))
                    .map(|(j, _)| j)
                    .collect();
                let Some(sub) = restrict(&m, &keep) else { continue; };
                let sub_given = keep.iter().filter_map(|&j| given.get(j).copied()).collect();
                let sub_opts = CompositeOptions { normalisation, weights: WeightScheme::Custom { given: sub_given } };
                match (&d.outcome, evaluate(&sub, &sub_opts)) {
                    (DimensionOutcome::Scored { closeness, .. }, Ok(s)) => {
                        for (a, b) in closeness.iter().zip(&s.table.closeness) {
                            prop_assert!((a - b).abs() < 1e-12);
                        }
                    }
                    (DimensionOutcome::NoSpread, Err(_)) => {}
                    (o, e) => prop_assert!(false, "{:?} vs {:?}", o, e.map(|_| ())),
                }
            }
        }
    }

    #[test]
    fn minmax_closeness_ignores_positive_affine_rescaling(
        (rows, codes) in problem(),
        k in 0.01f64..100.0,
        shift in -50.0f64..50.0,
        col in 0usize..6,
    ) {
        // Min–max maps a*x + b (a > 0) to the same [0, 1] values, so nothing downstream moves.
        // Only benefit/cost columns: a target's distance does not rescale that way.
        let mut codes = codes;
        let col = col % codes.len();
        if let Some(c) = codes.get_mut(col) { *c %= 2; }
        let Some(m) = build(&rows, &codes) else { return Ok(()); };
        let moved: Vec<Vec<f64>> = rows
            .iter()
            .map(|r| r.iter().enumerate().map(|(j, &x)| if j == col { k * x + shift } else { x }).collect())
            .collect();
        let Some(mm) = build(&moved, &codes) else { return Ok(()); };
        for weights in [WeightScheme::Equal, WeightScheme::Critic] {
            let opts = CompositeOptions { normalisation: Normalisation::MinMax, weights };
            let (Ok(a), Ok(b)) = (evaluate(&m, &opts), evaluate(&mm, &opts)) else { continue; };
            for (x, y) in a.table.closeness.iter().zip(&b.table.closeness) {
                prop_assert!((x - y).abs() < 1e-9, "{} vs {}", x, y);
            }
        }
    }
}

#[test]
fn one_perturbed_run_uses_the_documented_weights() {
    // Rebuild the single run's weights from SplitMix64 by the documented formula and check
    // that TOPSIS with those weights gives the run's ranks.
    use renewal_calc::composite::SplitMix64;
    let rows = vec![
        vec![1.0, 9.0, 3.0],
        vec![2.0, 5.0, 1.0],
        vec![3.0, 4.0, 2.0],
        vec![2.5, 7.0, 2.5],
    ];
    let m = build(&rows, &[0, 1, 0]).expect("matrix");
    let base = CompositeOptions {
        normalisation: Normalisation::MinMax,
        weights: WeightScheme::Custom {
            given: vec![0.5, 0.3, 0.2],
        },
    };
    let a = 0.9;
    for seed in 0..20u64 {
        let mut g = SplitMix64::new(seed);
        let w: Vec<f64> = [0.5, 0.3, 0.2]
            .iter()
            .map(|w| w * (1.0 + a * (2.0 * g.next_f64() - 1.0)))
            .collect();
        let expected = evaluate(
            &m,
            &CompositeOptions {
                normalisation: Normalisation::MinMax,
                weights: WeightScheme::Custom { given: w },
            },
        )
        .expect("run")
        .table
        .rank;
        let p = perturb_weights(
            &m,
            &base,
            PerturbationOptions {
                seed,
                runs: 1,
                amplitude: a,
            },
        )
        .expect("perturb");
        let got: Vec<f64> = p.alternatives.iter().map(|s| s.mean_rank).collect();
        let expected: Vec<f64> = expected.iter().map(|&r| r as f64).collect();
        assert_eq!(got, expected, "seed {seed}");
    }
}

#[test]
fn leave_one_out_reports_a_reduced_problem_without_weight() {
    // Custom weights (1, 0): without indicator 0 the remaining weight sums to 0.
    let m = build(&[vec![1.0, 4.0], vec![2.0, 3.0], vec![3.0, 1.0]], &[0, 0]).expect("matrix");
    let opts = CompositeOptions {
        normalisation: Normalisation::MinMax,
        weights: WeightScheme::Custom {
            given: vec![1.0, 0.0],
        },
    };
    let loo = leave_one_indicator_out(&m, &opts).expect("loo");
    assert_eq!(loo.len(), 2);
    assert_eq!(
        loo.first().map(|l| (&l.indicator, &l.outcome)),
        Some((
            &"x0".to_string(),
            &LeaveOneOutOutcome::Failed {
                error: renewal_calc::composite::CompositeError::ZeroWeightSum
            }
        ))
    );
    // Without x1 (weight 0) nothing changes: ranks (3, 2, 1), Spearman 1.
    match loo.get(1).map(|l| &l.outcome) {
        Some(LeaveOneOutOutcome::Ranked { rank, spearman, .. }) => {
            assert_eq!(rank, &vec![3, 2, 1]);
            assert_eq!(*spearman, 1.0);
        }
        other => panic!("{other:?}"),
    }
}
