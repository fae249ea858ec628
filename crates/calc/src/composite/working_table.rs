//! The whole computation, step by step, as one table the app can show and export.

use super::decision_matrix::{Alternative, Bounds, DecisionMatrix, Dimension, Direction};
use super::dimension_scores::{dimension_scores, DimensionScore};
use super::error::CompositeError;
use super::normalise::{criterion_columns, normalise_column, Normalisation};
use super::topsis::{rank_descending, topsis};
use super::weighting::{compute_weights, WeightDetail, WeightScheme};

/// What to compute.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct CompositeOptions {
    /// Normalisation before weighting.
    pub normalisation: Normalisation,
    /// Weighting scheme.
    pub weights: WeightScheme,
}

/// One indicator column as the working table describes it.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct IndicatorColumn {
    /// Name.
    pub name: String,
    /// Direction.
    pub direction: Direction,
    /// Dimension, if any.
    pub dimension: Option<Dimension>,
    /// Explicit bounds actually used (only min–max uses them).
    pub bounds_used: Option<Bounds>,
}

/// Every step of one TOPSIS run. Matrices are row-major: `normalised[i][j]` is alternative `i`
/// on indicator `j`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct WorkingTable {
    /// Normalisation used.
    pub normalisation: Normalisation,
    /// Weighting scheme used.
    pub weight_scheme: WeightScheme,
    /// Alternatives, in row order.
    pub alternatives: Vec<Alternative>,
    /// Indicators, in column order.
    pub indicators: Vec<IndicatorColumn>,
    /// Raw values.
    pub raw: Vec<Vec<f64>>,
    /// Criterion values (raw, or distance to target).
    pub criterion: Vec<Vec<f64>>,
    /// Normalised values, oriented so that higher is better.
    pub normalised: Vec<Vec<f64>>,
    /// Working values of the weights (entropies, CRITIC statistics, …).
    pub weight_detail: WeightDetail,
    /// Final weights, summing to 1.
    pub weights: Vec<f64>,
    /// Weighted normalised matrix.
    pub weighted: Vec<Vec<f64>>,
    /// Ideal per indicator.
    pub ideal: Vec<f64>,
    /// Anti-ideal per indicator.
    pub anti_ideal: Vec<f64>,
    /// Distance to the ideal per alternative.
    pub d_plus: Vec<f64>,
    /// Distance to the anti-ideal per alternative.
    pub d_minus: Vec<f64>,
    /// Closeness per alternative, in [0, 1].
    pub closeness: Vec<f64>,
    /// Rank per alternative (1 = best; equal closeness ranked by input order).
    pub rank: Vec<usize>,
}

/// The composite index with its working table and dimension sub-scores.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CompositeResult {
    /// Every step.
    pub table: WorkingTable,
    /// Sub-scores per dimension (dimensions with indicators only).
    pub dimensions: Vec<DimensionScore>,
}

/// Compute the composite index of `matrix`.
///
/// # Standard
/// See the module documentation: TOPSIS (Hwang & Yoon 1981) on the chosen normalisation and
/// weights.
///
/// # Errors
/// Those of [`normalise_column`], [`compute_weights`] and [`topsis`](super::topsis()).
pub fn evaluate(
    matrix: &DecisionMatrix,
    options: &CompositeOptions,
) -> Result<CompositeResult, CompositeError> {
    let criterion = criterion_columns(matrix);
    let normalised = normalised_columns(matrix, &criterion, options.normalisation)?;
    let (weights, weight_detail) = compute_weights(matrix, &options.weights)?;
    let t = topsis(&normalised, &weights)?;
    let rank = rank_descending(&t.closeness);
    let dimensions = dimension_scores(matrix.indicators(), &normalised, &weights);
    let uses_bounds = options.normalisation == Normalisation::MinMax;
    let table = WorkingTable {
        normalisation: options.normalisation,
        weight_scheme: options.weights.clone(),
        alternatives: matrix.alternatives().to_vec(),
        indicators: matrix
            .indicators()
            .iter()
            .map(|ind| IndicatorColumn {
                name: ind.name.clone(),
                direction: ind.direction,
                dimension: ind.dimension,
                bounds_used: ind.bounds.filter(|_| uses_bounds),
            })
            .collect(),
        raw: transpose(matrix.columns()),
        criterion: transpose(&criterion),
        normalised: transpose(&normalised),
        weight_detail,
        weights,
        weighted: transpose(&t.weighted),
        ideal: t.ideal,
        anti_ideal: t.anti_ideal,
        d_plus: t.d_plus,
        d_minus: t.d_minus,
        closeness: t.closeness,
        rank,
    };
    Ok(CompositeResult { table, dimensions })
}

/// Every criterion column normalised (column-major).
pub(super) fn normalised_columns(
    matrix: &DecisionMatrix,
    criterion: &[Vec<f64>],
    normalisation: Normalisation,
) -> Result<Vec<Vec<f64>>, CompositeError> {
    criterion
        .iter()
        .zip(matrix.indicators())
        .enumerate()
        .map(|(j, (c, ind))| normalise_column(normalisation, ind, j, c))
        .collect()
}

/// Column-major to row-major.
fn transpose(columns: &[Vec<f64>]) -> Vec<Vec<f64>> {
    let m = columns.first().map_or(0, Vec::len);
    (0..m)
        .map(|i| columns.iter().filter_map(|c| c.get(i).copied()).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::decision_matrix::Indicator;
    use super::*;

    #[test]
    fn classical_vector_cost_gives_the_same_closeness() {
        // Classical TOPSIS keeps r = c/||c|| for costs and takes the minimum as ideal; we
        // store 1 - r and take the maximum. Same distances, so same closeness. Check by hand
        // on costs (3, 4) and benefits (1, 2), equal weights:
        // cost r = (0.6, 0.8); benefit r = (1, 2)/sqrt 5 = (0.4472136, 0.8944272).
        // Classical: v = 0.5 r; ideal = (0.3, 0.4472136), anti = (0.4, 0.2236068).
        // Row 0: D+ = 0.2236068, D- = 0.1; C = 0.1 / 0.3236068 = 0.30901699437494745.
        let alternatives = vec![
            Alternative {
                entity: "a".into(),
                year: 2020,
            },
            Alternative {
                entity: "b".into(),
                year: 2020,
            },
        ];
        let m = DecisionMatrix::from_rows(
            alternatives,
            vec![
                Indicator::new("cost", Direction::Cost),
                Indicator::new("benefit", Direction::Benefit),
            ],
            &[vec![3.0, 1.0], vec![4.0, 2.0]],
        );
        let got = m.and_then(|m| {
            evaluate(
                &m,
                &CompositeOptions {
                    normalisation: Normalisation::Vector,
                    weights: WeightScheme::Equal,
                },
            )
        });
        let c = got.map(|r| r.table.closeness).unwrap_or_default();
        assert_eq!(c.len(), 2);
        assert!((c.first().copied().unwrap_or(0.0) - 0.30901699437494745).abs() < 1e-12);
        assert!((c.get(1).copied().unwrap_or(0.0) - 0.6909830056250525).abs() < 1e-12);
    }
}
