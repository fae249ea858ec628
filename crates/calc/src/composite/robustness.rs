//! Robustness of the ranking: random weight perturbation (seeded) and leave-one-indicator-out.

use super::decision_matrix::DecisionMatrix;
use super::error::CompositeError;
use super::normalise::criterion_columns;
use super::topsis::{rank_descending, topsis};
use super::weighting::{compute_weights, WeightScheme};
use super::working_table::{evaluate, normalised_columns, CompositeOptions};
use std::collections::BTreeMap;

/// SplitMix64, a small seeded pseudo-random generator (no OS randomness, wasm-safe).
///
/// # Standard
/// Steele, Lea & Flood (2014), "Fast splittable pseudorandom number generators", OOPSLA '14;
/// constants as in Vigna's reference `splitmix64.c` (prng.di.unimi.it).
///
/// # Formula
/// ```text
/// state += 0x9E3779B97F4A7C15
/// z = state; z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9; z = (z ^ (z >> 27)) * 0x94D049BB133111EB
/// output z ^ (z >> 31)
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform number in [0, 1) from the top 53 bits.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}

/// Settings of the weight perturbation.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PerturbationOptions {
    /// Seed of the [`SplitMix64`] generator; the same seed gives the same result everywhere.
    pub seed: u64,
    /// Number of perturbed runs (at least 1).
    pub runs: usize,
    /// Relative amplitude `a` in [0, 1): each weight is multiplied by a uniform factor in
    /// `[1 - a, 1 + a]`, then all are renormalised to sum 1.
    pub amplitude: f64,
}

/// The share of runs in which an alternative took one rank.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct RankShare {
    /// The rank (1 = best).
    pub rank: usize,
    /// Share of runs, in (0, 1].
    pub share: f64,
}

/// How one alternative's rank behaves under perturbation.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct RankStability {
    /// Rank with the unperturbed weights.
    pub base_rank: usize,
    /// Shares of runs per rank taken, by increasing rank; ranks never taken are left out
    /// (so the list stays short when there are many alternatives).
    pub rank_share: Vec<RankShare>,
    /// Mean rank over the runs.
    pub mean_rank: f64,
    /// Share of runs in which it kept its base rank.
    pub share_at_base_rank: f64,
}

/// Result of the weight perturbation.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct WeightPerturbation {
    /// The settings used.
    pub options: PerturbationOptions,
    /// Per alternative, in row order.
    pub alternatives: Vec<RankStability>,
    /// Mean Spearman correlation between each run's ranking and the base ranking.
    pub spearman_mean: f64,
    /// Smallest Spearman correlation over the runs.
    pub spearman_min: f64,
}

/// Spearman's rank correlation of two rankings without ties (permutations of `1..=n`).
///
/// # Formula
/// ```text
/// rho = 1 - 6 * sum_i (a_i - b_i)^2 / (n (n^2 - 1))
/// ```
/// Returns 1 for `n < 2` (nothing can be out of order).
pub fn spearman_of_ranks(a: &[usize], b: &[usize]) -> f64 {
    let n = a.len().min(b.len()) as f64;
    if n < 2.0 {
        return 1.0;
    }
    let d2: f64 = a
        .iter()
        .zip(b)
        .map(|(&x, &y)| (x as f64 - y as f64).powi(2))
        .sum();
    1.0 - 6.0 * d2 / (n * (n * n - 1.0))
}

/// Rank stability under random perturbation of the weights.
///
/// # Formula
/// ```text
/// run k: u_j ~ U[0, 1) from SplitMix64(seed), in indicator order, run after run
///        w'_j = w_j (1 + a (2 u_j - 1)),  w' <- w' / sum w'
///        ranks_k = rank(TOPSIS(normalised matrix, w'))
/// ```
/// The normalised matrix is fixed (it does not depend on the weights); only TOPSIS reruns.
/// This is the one-at-a-time-free Monte Carlo weight sensitivity of the OECD/JRC Handbook
/// (2008) §7, with a uniform multiplicative perturbation.
///
/// # Errors
/// `NoRuns`, `InvalidAmplitude`, and those of [`evaluate`].
pub fn perturb_weights(
    matrix: &DecisionMatrix,
    options: &CompositeOptions,
    perturbation: PerturbationOptions,
) -> Result<WeightPerturbation, CompositeError> {
    if perturbation.runs == 0 {
        return Err(CompositeError::NoRuns);
    }
    let a = perturbation.amplitude;
    if !(a.is_finite() && (0.0..1.0).contains(&a)) {
        return Err(CompositeError::InvalidAmplitude { amplitude: a });
    }
    let criterion = criterion_columns(matrix);
    let normalised = normalised_columns(matrix, &criterion, options.normalisation)?;
    let (weights, _) = compute_weights(matrix, &options.weights)?;
    let base = rank_descending(&topsis(&normalised, &weights)?.closeness);
    let m = matrix.n_alternatives();
    // Sparse counts per alternative: rank -> runs.
    let mut counts = vec![BTreeMap::<usize, usize>::new(); m];
    let mut rank_sums = vec![0usize; m];
    let mut rho_sum = 0.0;
    let mut rho_min = f64::INFINITY;
    let mut rng = SplitMix64::new(perturbation.seed);
    for _ in 0..perturbation.runs {
        let mut w: Vec<f64> = weights
            .iter()
            .map(|w| w * (1.0 + a * (2.0 * rng.next_f64() - 1.0)))
            .collect();
        let sum: f64 = w.iter().sum();
        w.iter_mut().for_each(|x| *x /= sum);
        let ranks = rank_descending(&topsis(&normalised, &w)?.closeness);
        for ((row, sum), &r) in counts.iter_mut().zip(rank_sums.iter_mut()).zip(&ranks) {
            *row.entry(r).or_insert(0) += 1;
            *sum += r;
        }
        let rho = spearman_of_ranks(&base, &ranks);
        rho_sum += rho;
        rho_min = rho_min.min(rho);
    }
    let runs = perturbation.runs as f64;
    let alternatives = counts
        .iter()
        .zip(&rank_sums)
        .zip(&base)
        .map(|((row, &sum), &b)| RankStability {
            base_rank: b,
            rank_share: row
                .iter()
                .map(|(&rank, &c)| RankShare {
                    rank,
                    share: c as f64 / runs,
                })
                .collect(),
            mean_rank: sum as f64 / runs,
            share_at_base_rank: row.get(&b).map_or(0.0, |&c| c as f64 / runs),
        })
        .collect();
    Ok(WeightPerturbation {
        options: perturbation,
        alternatives,
        spearman_mean: rho_sum / runs,
        spearman_min: rho_min,
    })
}

/// The ranking without one indicator.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct LeaveOneOut {
    /// The indicator left out.
    pub indicator: String,
    /// What happened without it.
    pub outcome: LeaveOneOutOutcome,
}

/// Ranks without one indicator, or why they could not be computed.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(tag = "status", rename_all = "snake_case")
)]
pub enum LeaveOneOutOutcome {
    /// Computed.
    Ranked {
        /// Weights of the remaining indicators.
        weights: Vec<f64>,
        /// Closeness per alternative.
        closeness: Vec<f64>,
        /// Rank per alternative.
        rank: Vec<usize>,
        /// Spearman correlation with the base ranking.
        spearman: f64,
    },
    /// The reduced problem has no solution (e.g. the remaining weights are all zero).
    Failed {
        /// Why.
        error: CompositeError,
    },
}

/// The ranking recomputed without each indicator in turn.
///
/// # Formula
/// Weights are recomputed on the reduced matrix with the same scheme (equal, entropy and CRITIC
/// are properties of the remaining columns); custom weights lose the dropped entry and are
/// renormalised. The normalisation is per column and does not change.
///
/// # Errors
/// Those of [`evaluate`] for the full matrix; failures of a reduced problem are reported in
/// its [`LeaveOneOutOutcome::Failed`]. With a single indicator the list is empty.
pub fn leave_one_indicator_out(
    matrix: &DecisionMatrix,
    options: &CompositeOptions,
) -> Result<Vec<LeaveOneOut>, CompositeError> {
    let base = evaluate(matrix, options)?.table.rank;
    let mut out = Vec::new();
    for (j, ind) in matrix.indicators().iter().enumerate() {
        let Some(reduced) = matrix.without_indicator(j) else {
            continue;
        };
        let weights = match &options.weights {
            WeightScheme::Custom { given } => WeightScheme::Custom {
                given: given
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| *k != j)
                    .map(|(_, w)| *w)
                    .collect(),
            },
            other => other.clone(),
        };
        let reduced_options = CompositeOptions {
            normalisation: options.normalisation,
            weights,
        };
        let outcome = match evaluate(&reduced, &reduced_options) {
            Ok(r) => LeaveOneOutOutcome::Ranked {
                spearman: spearman_of_ranks(&base, &r.table.rank),
                weights: r.table.weights,
                closeness: r.table.closeness,
                rank: r.table.rank,
            },
            Err(error) => LeaveOneOutOutcome::Failed { error },
        };
        out.push(LeaveOneOut {
            indicator: ind.name.clone(),
            outcome,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_matches_the_reference_sequence() {
        // Vigna's splitmix64.c with x = 0: first outputs 0xE220A8397B1DCDAF,
        // 0x6E789E6AA1B965F4, 0x06C45D188009454F (as listed in many test suites, e.g. the
        // Rust `rand_xoshiro` crate's SplitMix64 test).
        let mut g = SplitMix64::new(0);
        assert_eq!(g.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(g.next_u64(), 0x6E78_9E6A_A1B9_65F4);
        assert_eq!(g.next_u64(), 0x06C4_5D18_8009_454F);
    }

    #[test]
    fn spearman_of_reversed_ranking_is_minus_one() {
        assert_eq!(spearman_of_ranks(&[1, 2, 3, 4], &[4, 3, 2, 1]), -1.0);
        // One swap of neighbours among 4: d^2 sum 2 -> 1 - 12/60 = 0.8.
        assert!((spearman_of_ranks(&[1, 2, 3, 4], &[2, 1, 3, 4]) - 0.8).abs() < 1e-15);
    }
}
