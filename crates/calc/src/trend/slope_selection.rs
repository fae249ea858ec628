//! Order statistics of the n(n−1)/2 pairwise slopes without listing them all.
//!
//! # Method
//! Exhaustive for up to [`EXHAUSTIVE_MAX_PAIRS`] pairs (every slope computed and sorted, as
//! pyMannKendall and scipy do). Above that, randomised slope selection in the manner of
//! Matoušek (1991, "Randomized optimal algorithm for slope selection", Inf. Proc. Letters 39)
//! and Dillencourt, Mount & Netanyahu (1992, Int. J. Comput. Geom. Appl. 2): keep an interval
//! (lo, hi] of slope values known to contain the k-th slope; draw a uniform sample of the slopes
//! inside it; shrink the interval to sample order statistics around the expected position of k;
//! confirm with exact counts; once few slopes remain, list them and select directly.
//!
//! # Formula
//! For points in time order, slope(i, j) ≤ θ ⇔ y_j − θ t_j ≤ y_i − θ t_i, so the number of slopes
//! ≤ θ is a count of inversions of the sequence u_θ = y − θ t: O(n log n) by merge sort. The slopes
//! inside (lo, hi] are the pairs whose order by u_lo and by u_hi disagree; a merge sort of the
//! u_lo order by u_hi lists them as, per element, a contiguous run of the merged left block, so
//! after an O(n log n) build a uniform sample of r slopes costs O(r log r) (the random pair
//! numbers are sorted and the runs walked once).
//!
//! Each stage keeps about 6/√r of the interval's slopes (r = max(n, 1024) draws, window ±3√r
//! sample ranks) and the slopes are listed once at most 24 n remain, so n = 100,000 needs two
//! sampling stages and one list of about two million slopes: O(n log n) expected time and memory.
//! The first stage samples all pairs directly and is shared by the ranks asked for (median and
//! interval ends); adjacent ranks (an even median) are selected together. The result is the k-th
//! smallest slope; the seed only changes the running time.
//!
//! # Edge cases
//! A value shared by many slopes (ties, frequent with integer data) is detected by counting the
//! slopes < v and ≤ v, so a tie block never has to be listed. Comparisons of u_θ are rounded;
//! a slope within rounding of an interval end may be classed to the other side, which can only
//! move the result by that rounding: when times are not exact binary fractions (decimal years),
//! one true slope such as −12/17 is several floats a few ulps apart and any of them may come
//! back. If counts and lists disagree, the two interval ends are within rounding (1e-10 of the
//! slope scale) of one value, and that value is returned.

use super::TrendError;

/// Above this many pairs, [`SlopeAlgorithm::Auto`] uses the randomised selection.
pub const EXHAUSTIVE_MAX_PAIRS: u64 = 1 << 21;

/// The seed [`SlopeAlgorithm::default`] uses.
pub const DEFAULT_SEED: u64 = 0x5EED_7E4D;

/// How the order statistics of the pairwise slopes are found. All give the same numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "snake_case"))]
pub enum SlopeAlgorithm {
    /// Exhaustive up to [`EXHAUSTIVE_MAX_PAIRS`] pairs, randomised above.
    Auto {
        /// Seed for the randomised selection.
        seed: u64,
    },
    /// Every pairwise slope: O(n²) time and memory.
    Exhaustive,
    /// Randomised selection: O(n log n) expected.
    Randomised {
        /// Seed of the generator (SplitMix64).
        seed: u64,
    },
}

impl Default for SlopeAlgorithm {
    fn default() -> Self {
        Self::Auto { seed: DEFAULT_SEED }
    }
}

/// Most points the randomised selection indexes (u32 indices).
pub(crate) const MAX_POINTS: usize = u32::MAX as usize;

const MAX_STAGES: usize = 64;
const WINDOW_SIGMAS: f64 = 3.0;
/// Interval ends closer than this (relative to the slope scale) are one value up to rounding.
const ROUNDING_TIE: f64 = 1e-10;

/// The slopes at the given 0-based ranks (ascending order), for points with strictly increasing
/// times. `ranks` must be < n(n−1)/2.
pub(crate) fn select_ranks(
    t: &[f64],
    y: &[f64],
    ranks: &[u64],
    algorithm: SlopeAlgorithm,
) -> Result<(Vec<f64>, bool), TrendError> {
    let n = t.len() as u64;
    let pairs = n * n.saturating_sub(1) / 2;
    let randomised = match algorithm {
        SlopeAlgorithm::Exhaustive => None,
        SlopeAlgorithm::Randomised { seed } => Some(seed),
        SlopeAlgorithm::Auto { seed } => (pairs > EXHAUSTIVE_MAX_PAIRS).then_some(seed),
    };
    match randomised {
        None => {
            let mut slopes = all_slopes(t, y);
            slopes.sort_by(f64::total_cmp);
            let picked = ranks
                .iter()
                .map(|&k| {
                    slopes
                        .get(k as usize)
                        .copied()
                        .ok_or(TrendError::SlopeSelectionDidNotConverge { rank: k })
                })
                .collect::<Result<Vec<_>, _>>()?;
            Ok((picked, false))
        }
        Some(seed) => {
            if t.len() > MAX_POINTS {
                return Err(TrendError::TooManyPoints {
                    n: t.len(),
                    max: MAX_POINTS,
                });
            }
            let points = Points::new(t, y);
            let mut rng = SplitMix64(seed);
            let first_sample = points.sample_all(points.draws, &mut rng);
            let mut sorted: Vec<u64> = ranks.to_vec();
            sorted.sort_unstable();
            sorted.dedup();
            let mut found: Vec<(u64, f64)> = Vec::with_capacity(sorted.len());
            let mut i = 0;
            while let Some(&first) = sorted.get(i) {
                let mut last = first;
                while sorted.get(i + 1) == Some(&(last + 1)) {
                    last += 1;
                    i += 1;
                }
                let values = points.select_block(first, last, &first_sample, &mut rng)?;
                found.extend((first..=last).zip(values));
                i += 1;
            }
            let picked = ranks
                .iter()
                .map(|k| {
                    found
                        .iter()
                        .find(|(r, _)| r == k)
                        .map(|&(_, v)| v)
                        .ok_or(TrendError::SlopeSelectionDidNotConverge { rank: *k })
                })
                .collect::<Result<Vec<_>, _>>()?;
            Ok((picked, true))
        }
    }
}

/// Every slope (y_j − y_i)/(t_j − t_i), i < j, in pyMannKendall's order.
pub(crate) fn all_slopes(t: &[f64], y: &[f64]) -> Vec<f64> {
    let n = t.len();
    let mut slopes = Vec::with_capacity(n * n.saturating_sub(1) / 2);
    for (i, (ti, yi)) in t.iter().zip(y).enumerate() {
        for (tj, yj) in t.iter().zip(y).skip(i + 1) {
            slopes.push((yj - yi) / (tj - ti));
        }
    }
    slopes
}

/// SplitMix64 (Steele, Lea & Flood 2014): small, seedable, good enough for sampling.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, bound) (Lemire's multiply-shift; the bias is below 2⁻⁶⁴·bound).
    fn below(&mut self, bound: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(bound)) >> 64) as u64
    }
}

struct Points<'a> {
    t: &'a [f64],
    y: &'a [f64],
    /// List the slopes once no more than this many are left in the interval.
    enumerate_limit: u64,
    /// Sample size per stage.
    draws: usize,
}

/// An interval end: a slope value and whether slopes equal to it are inside.
#[derive(Clone, Copy)]
struct Bound {
    theta: f64,
    inclusive: bool,
}

impl<'a> Points<'a> {
    fn new(t: &'a [f64], y: &'a [f64]) -> Self {
        let n = t.len();
        Self {
            t,
            y,
            enumerate_limit: (24 * n as u64).max(1 << 16),
            draws: n.max(1024),
        }
    }

    fn len(&self) -> usize {
        self.t.len()
    }

    fn key(&self, theta: f64, i: usize) -> f64 {
        let (t, y) = (self.t.get(i).copied(), self.y.get(i).copied());
        let (t, y) = (t.unwrap_or(0.0), y.unwrap_or(0.0));
        if theta == f64::NEG_INFINITY {
            t
        } else if theta == f64::INFINITY {
            -t
        } else {
            y - theta * t
        }
    }

    fn slope(&self, a: usize, b: usize) -> f64 {
        let (ta, tb) = (
            self.key(f64::NEG_INFINITY, a),
            self.key(f64::NEG_INFINITY, b),
        );
        let ya = self.y.get(a).copied().unwrap_or(0.0);
        let yb = self.y.get(b).copied().unwrap_or(0.0);
        if ta < tb {
            (yb - ya) / (tb - ta)
        } else {
            (ya - yb) / (ta - tb)
        }
    }

    /// Number of slopes ≤ θ (inclusive) or < θ (not inclusive).
    fn count(&self, bound: Bound) -> u64 {
        let mut keys: Vec<f64> = (0..self.len()).map(|i| self.key(bound.theta, i)).collect();
        let mut buffer = vec![0.0; keys.len()];
        // slope(i, j) <= θ  <=>  key(j) <= key(i): count pairs i < j with key(i) >= key(j).
        count_inversions(&mut keys, &mut buffer, bound.inclusive)
    }

    /// A natural unit of slope for this series: value range over time range.
    fn slope_scale(&self) -> f64 {
        let (lo, hi) = self
            .y
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| {
                (a.min(v), b.max(v))
            });
        let span = self.t.last().copied().unwrap_or(0.0) - self.t.first().copied().unwrap_or(0.0);
        if span > 0.0 && hi > lo {
            (hi - lo) / span
        } else {
            1.0
        }
    }

    fn total(&self) -> u64 {
        let n = self.len() as u64;
        n * n.saturating_sub(1) / 2
    }

    /// A sorted uniform sample (with replacement) of all slopes: a random pair i ≠ j.
    fn sample_all(&self, draws: usize, rng: &mut SplitMix64) -> Vec<f64> {
        let n = self.len() as u64;
        if n < 2 {
            return Vec::new();
        }
        let mut sample: Vec<f64> = (0..draws)
            .map(|_| {
                let i = rng.below(n);
                let mut j = rng.below(n - 1);
                if j >= i {
                    j += 1;
                }
                self.slope(i as usize, j as usize)
            })
            .collect();
        sample.sort_by(f64::total_cmp);
        sample
    }

    /// The k-th smallest slope (0-based).
    #[cfg(test)]
    fn select(&self, k: u64, rng: &mut SplitMix64) -> Result<f64, TrendError> {
        let first_sample = self.sample_all(self.draws, rng);
        self.select_block(k, k, &first_sample, rng)?
            .first()
            .copied()
            .ok_or(TrendError::SlopeSelectionDidNotConverge { rank: k })
    }

    /// The slopes of ranks `first..=last` (0-based, consecutive; a median needs two). The first
    /// stage uses `first_sample`, a sorted sample of all slopes shared between blocks.
    fn select_block(
        &self,
        first: u64,
        last: u64,
        first_sample: &[f64],
        rng: &mut SplitMix64,
    ) -> Result<Vec<f64>, TrendError> {
        let total = self.total();
        let fail = TrendError::SlopeSelectionDidNotConverge { rank: first };
        if last >= total || first > last {
            return Err(fail);
        }
        let mut lo = Bound {
            theta: f64::NEG_INFINITY,
            inclusive: true,
        };
        let mut hi = Bound {
            theta: f64::INFINITY,
            inclusive: true,
        };
        let (mut below, mut up_to_hi) = (0u64, total);
        // Counts and lists classify a slope by comparing rounded y − θt; they can disagree only
        // when both ends lie within rounding of one slope value. Then that value is the answer
        // to within rounding (module doc, Edge cases).
        let count = (last - first + 1) as usize;
        let rounding_tie = |lo: Bound, hi: Bound| -> Result<Vec<f64>, TrendError> {
            let width = hi.theta - lo.theta;
            let scale = lo.theta.abs().max(hi.theta.abs()).max(self.slope_scale());
            if width.is_finite() && width <= ROUNDING_TIE * scale {
                Ok(vec![hi.theta; count])
            } else {
                Err(fail)
            }
        };
        for stage in 0..MAX_STAGES {
            let inside = up_to_hi.saturating_sub(below);
            if first < below || last >= up_to_hi {
                return rounding_tie(lo, hi);
            }
            let enumerate = inside <= self.enumerate_limit;
            let runs = (stage > 0 || enumerate).then(|| Runs::build(self, lo, hi));
            if runs.as_ref().is_some_and(|r| r.total != inside) {
                return rounding_tie(lo, hi);
            }
            let sample = match &runs {
                Some(runs) if enumerate => {
                    let mut slopes = runs.slopes(self);
                    return (first..=last)
                        .map(|k| select_nth(&mut slopes, (k - below) as usize))
                        .collect::<Option<Vec<f64>>>()
                        .ok_or(fail);
                }
                Some(runs) => runs.sample(self, self.draws.min(inside as usize), rng),
                None => first_sample.to_vec(),
            };
            let r = sample.len() as f64;
            let window = WINDOW_SIGMAS * r.sqrt() + 1.0;
            let low_index = ((first - below) as f64 / inside as f64 * r - window).floor();
            let high_index = ((last - below) as f64 / inside as f64 * r + window).ceil();
            let candidate_lo = (low_index >= 0.0)
                .then(|| sample.get(low_index as usize).copied())
                .flatten();
            let candidate_hi = sample.get(high_index as usize).copied();
            let mut narrowed = false;
            for v in [candidate_lo, candidate_hi].into_iter().flatten() {
                let le = self.count(Bound {
                    theta: v,
                    inclusive: true,
                });
                if first >= le {
                    // Every wanted rank is above v.
                    if le > below {
                        lo = Bound {
                            theta: v,
                            inclusive: true,
                        };
                        below = le;
                        narrowed = true;
                    }
                    continue;
                }
                if last >= le {
                    continue; // v splits the block: no use as an end.
                }
                // Every wanted rank is at or below v.
                let lt = self.count(Bound {
                    theta: v,
                    inclusive: false,
                });
                if first >= lt {
                    return Ok(vec![v; (last - first + 1) as usize]);
                }
                let (bound, count) = if last < lt {
                    (
                        Bound {
                            theta: v,
                            inclusive: false,
                        },
                        lt,
                    )
                } else {
                    (
                        Bound {
                            theta: v,
                            inclusive: true,
                        },
                        le,
                    )
                };
                if count < up_to_hi {
                    hi = bound;
                    up_to_hi = count;
                    narrowed = true;
                }
            }
            if !narrowed && runs.is_some() {
                // The sample could not narrow the interval: list it.
                let runs = Runs::build(self, lo, hi);
                let mut slopes = runs.slopes(self);
                if slopes.len() as u64 != inside {
                    return rounding_tie(lo, hi);
                }
                return (first..=last)
                    .map(|k| select_nth(&mut slopes, (k - below) as usize))
                    .collect::<Option<Vec<f64>>>()
                    .ok_or(fail);
            }
        }
        Err(fail)
    }
}

/// The k-th smallest (0-based) of `values`, or `None` when k is out of range.
fn select_nth(values: &mut [f64], k: usize) -> Option<f64> {
    if k >= values.len() {
        return None;
    }
    let (_, nth, _) = values.select_nth_unstable_by(k, f64::total_cmp);
    Some(*nth)
}

/// Bottom-up merge sort of `keys` (ascending) counting pairs i < j with keys[i] >= keys[j]
/// (`inclusive`) or keys[i] > keys[j] (not inclusive).
pub(super) fn count_inversions(keys: &mut [f64], buffer: &mut [f64], inclusive: bool) -> u64 {
    let n = keys.len();
    let mut inversions = 0u64;
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                let take_left = if inclusive {
                    keys[i] < keys[j]
                } else {
                    keys[i] <= keys[j]
                };
                if take_left {
                    buffer[k] = keys[i];
                    i += 1;
                } else {
                    buffer[k] = keys[j];
                    inversions += (mid - i) as u64;
                    j += 1;
                }
                k += 1;
            }
            buffer[k..k + (mid - i)].copy_from_slice(&keys[i..mid]);
            k += mid - i;
            buffer[k..k + (end - j)].copy_from_slice(&keys[j..end]);
            start = end;
        }
        keys.copy_from_slice(buffer);
        width *= 2;
    }
    inversions
}

/// The slopes inside (lo, hi] (or (lo, hi)) as runs: for each merge step of a merge sort of the
/// u_lo order by u_hi, an element `b` and the run of the left block that forms an inside pair
/// with it.
struct Runs {
    /// The index arrays before each merge level.
    levels: Vec<Vec<u32>>,
    /// (level, start of the run in that level's array, b).
    runs: Vec<(u8, u32, u32)>,
    /// Cumulative run lengths (exclusive end of each run in the 0..total numbering).
    ends: Vec<u64>,
    total: u64,
}

impl Runs {
    fn build(points: &Points<'_>, lo: Bound, hi: Bound) -> Self {
        let n = points.len();
        let key_lo: Vec<f64> = (0..n).map(|i| points.key(lo.theta, i)).collect();
        let key_hi: Vec<f64> = (0..n).map(|i| points.key(hi.theta, i)).collect();
        let at = |v: &[f64], i: u32| v.get(i as usize).copied().unwrap_or(0.0);
        let mut order: Vec<u32> = (0..n as u32).collect();
        order.sort_by(|&a, &b| {
            at(&key_lo, a)
                .total_cmp(&at(&key_lo, b))
                .then(at(&key_hi, a).total_cmp(&at(&key_hi, b)))
        });
        let mut levels = Vec::new();
        let mut runs = Vec::new();
        let mut ends = Vec::new();
        let mut total = 0u64;
        let mut width = 1;
        let mut level = 0u8;
        while width < n {
            let mut next = vec![0u32; n];
            let mut start = 0;
            while start < n {
                let mid = (start + width).min(n);
                let end = (start + 2 * width).min(n);
                let (mut i, mut j, mut k) = (start, mid, start);
                while i < mid && j < end {
                    let (a, b) = (order[i], order[j]);
                    // Pair (a before b) is inside when u_hi(b) <= u_hi(a) (inclusive hi) or
                    // u_hi(b) < u_hi(a) (exclusive hi).
                    let take_left = if hi.inclusive {
                        at(&key_hi, a) < at(&key_hi, b)
                    } else {
                        at(&key_hi, a) <= at(&key_hi, b)
                    };
                    if take_left {
                        next[k] = a;
                        i += 1;
                    } else {
                        next[k] = b;
                        let run = (mid - i) as u64;
                        total += run;
                        runs.push((level, i as u32, b));
                        ends.push(total);
                        j += 1;
                    }
                    k += 1;
                }
                next[k..k + (mid - i)].copy_from_slice(&order[i..mid]);
                k += mid - i;
                next[k..k + (end - j)].copy_from_slice(&order[j..end]);
                start = end;
            }
            levels.push(std::mem::replace(&mut order, next));
            width *= 2;
            level = level.saturating_add(1);
        }
        // Exclusive lower end: pairs equal to lo must not be inside. The tie-break by u_hi keeps
        // them out for an inclusive hi; nothing more to do here.
        let _ = lo.inclusive;
        Self {
            levels,
            runs,
            ends,
            total,
        }
    }

    /// A sorted uniform sample (with replacement) of `draws` inside slopes: the random pair
    /// numbers are sorted first, so the runs are walked once instead of searched per draw.
    fn sample(&self, points: &Points<'_>, draws: usize, rng: &mut SplitMix64) -> Vec<f64> {
        let mut numbers: Vec<u64> = (0..draws).map(|_| rng.below(self.total)).collect();
        numbers.sort_unstable();
        let mut sample = Vec::with_capacity(draws);
        let (mut run, mut before) = (0usize, 0u64);
        for x in numbers {
            while self.ends.get(run).is_some_and(|&end| end <= x) {
                before = self.ends.get(run).copied().unwrap_or(before);
                run += 1;
            }
            let Some(&(level, start, b)) = self.runs.get(run) else {
                break;
            };
            let a = self
                .levels
                .get(usize::from(level))
                .and_then(|array| array.get(start as usize + (x - before) as usize));
            if let Some(&a) = a {
                sample.push(points.slope(a as usize, b as usize));
            }
        }
        sample.sort_by(f64::total_cmp);
        sample
    }

    /// Every inside slope.
    fn slopes(&self, points: &Points<'_>) -> Vec<f64> {
        let mut slopes = Vec::with_capacity(self.total as usize);
        let mut before = 0u64;
        for (&(level, start, b), &end) in self.runs.iter().zip(&self.ends) {
            if let Some(array) = self.levels.get(usize::from(level)) {
                let len = (end - before) as usize;
                let from = start as usize;
                for &a in array.get(from..from + len).unwrap_or(&[]) {
                    slopes.push(points.slope(a as usize, b as usize));
                }
            }
            before = end;
        }
        slopes
    }
}

#[cfg(test)]
mod tests;
