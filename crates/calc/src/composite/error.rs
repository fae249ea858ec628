//! Why a composite index cannot be computed: every variant carries the data that caused it.

/// Errors of the composite-index family. Column-level variants carry both the column index
/// and the indicator name; row-level ones the row index.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(tag = "kind", rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum CompositeError {
    /// The matrix has no indicator column.
    #[error("no indicator columns")]
    NoIndicators,
    /// Fewer than 2 alternatives: nothing to compare.
    #[error("at least 2 alternatives are needed, got {got}")]
    TooFewAlternatives {
        /// Number of alternatives given.
        got: usize,
    },
    /// The number of rows differs from the number of alternatives.
    #[error("{rows} rows of values for {alternatives} alternatives")]
    RowCount {
        /// Alternatives given.
        alternatives: usize,
        /// Rows given.
        rows: usize,
    },
    /// The number of columns differs from the number of indicators.
    #[error("{columns} columns of values for {indicators} indicators")]
    ColumnCount {
        /// Indicators given.
        indicators: usize,
        /// Columns given.
        columns: usize,
    },
    /// A row has the wrong number of values.
    #[error("row {row} has {got} values, expected {expected}")]
    RaggedRow {
        /// Row index (0-based).
        row: usize,
        /// Number of indicators.
        expected: usize,
        /// Values in that row.
        got: usize,
    },
    /// A column has the wrong number of values.
    #[error("column {column} has {got} values, expected {expected}")]
    ColumnLength {
        /// Column index (0-based).
        column: usize,
        /// Number of alternatives.
        expected: usize,
        /// Values in that column.
        got: usize,
    },
    /// A value is NaN or infinite.
    #[error("value {value} at row {row}, column {column} ({indicator}) is not finite")]
    NonFinite {
        /// Row index (0-based).
        row: usize,
        /// Column index (0-based).
        column: usize,
        /// Indicator name.
        indicator: String,
        /// The value.
        value: f64,
    },
    /// The same (entity, year) appears twice.
    #[error("alternative {entity} {year} at row {row} repeats row {first_row}")]
    DuplicateAlternative {
        /// Row of the repetition.
        row: usize,
        /// Row of the first occurrence.
        first_row: usize,
        /// Entity.
        entity: String,
        /// Year.
        year: i32,
    },
    /// The same indicator name appears twice.
    #[error("indicator {indicator} at column {column} repeats column {first_column}")]
    DuplicateIndicator {
        /// Column of the repetition.
        column: usize,
        /// Column of the first occurrence.
        first_column: usize,
        /// Indicator name.
        indicator: String,
    },
    /// A target value is not finite, or a target range has `low > high`.
    #[error("target of column {column} ({indicator}) is not finite or its range is inverted")]
    InvalidTarget {
        /// Column index.
        column: usize,
        /// Indicator name.
        indicator: String,
    },
    /// Explicit bounds are not finite or equal.
    #[error(
        "bounds worst = {worst}, best = {best} of column {column} ({indicator}) are not usable"
    )]
    InvalidBounds {
        /// Column index.
        column: usize,
        /// Indicator name.
        indicator: String,
        /// Given worst bound.
        worst: f64,
        /// Given best bound.
        best: f64,
    },
    /// Every alternative has the same criterion value, and the normalisation divides by the
    /// column's range (min–max) or standard deviation (z-score); CRITIC needs a range too.
    #[error("column {column} ({indicator}) is constant ({value}): its range is zero")]
    ConstantColumn {
        /// Column index.
        column: usize,
        /// Indicator name.
        indicator: String,
        /// The common criterion value.
        value: f64,
    },
    /// Every criterion value is 0, and vector normalisation divides by the column's norm.
    #[error("column {column} ({indicator}) is all zeros: its vector norm is zero")]
    ZeroColumn {
        /// Column index.
        column: usize,
        /// Indicator name.
        indicator: String,
    },
    /// Entropy weights need non-negative values (shares of the column total).
    #[error(
        "entropy weights need values >= 0: {value} at row {row}, column {column} ({indicator})"
    )]
    NegativeForEntropy {
        /// Row index.
        row: usize,
        /// Column index.
        column: usize,
        /// Indicator name.
        indicator: String,
        /// The value.
        value: f64,
    },
    /// A computed intermediate (norm, variance) overflowed for this column.
    #[error("column {column} ({indicator}) overflows floating point when normalised")]
    Overflow {
        /// Column index.
        column: usize,
        /// Indicator name.
        indicator: String,
    },
    /// The weighting method gives every indicator zero information (every entropy is 1, or
    /// every CRITIC information content is 0), so weights are undefined.
    #[error("the weighting method finds no information in any indicator")]
    DegenerateWeights,
    /// Custom weights: wrong count.
    #[error("{got} weights given for {expected} indicators")]
    WeightCount {
        /// Number of indicators.
        expected: usize,
        /// Number of weights given.
        got: usize,
    },
    /// Custom weights: a negative weight.
    #[error("weight {index} is negative ({value})")]
    NegativeWeight {
        /// Weight index.
        index: usize,
        /// The value.
        value: f64,
    },
    /// Custom weights: a NaN or infinite weight.
    #[error("weight {index} is not finite ({value})")]
    NonFiniteWeight {
        /// Weight index.
        index: usize,
        /// The value.
        value: f64,
    },
    /// Custom weights: all zero.
    #[error("the weights sum to zero")]
    ZeroWeightSum,
    /// The weighted matrix has the same value in every row of every column, so the ideal and
    /// the anti-ideal coincide and closeness is 0/0.
    #[error("all alternatives are identical on the weighted indicators: ideal equals anti-ideal")]
    IdealEqualsAntiIdeal,
    /// Robustness: the perturbation amplitude must be finite and in [0, 1).
    #[error("perturbation amplitude {amplitude} is not in [0, 1)")]
    InvalidAmplitude {
        /// The amplitude given.
        amplitude: f64,
    },
    /// Robustness: zero perturbation runs were asked for.
    #[error("at least one perturbation run is needed")]
    NoRuns,
}
