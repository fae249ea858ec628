//! Composite index: TOPSIS over (entity, year) alternatives, with its normalisations, weights,
//! dimension sub-scores, robustness checks and a full working table.
//!
//! The paper compares Northeast China's industrial cities across environment, resources, energy,
//! industry and population; this module turns a decision matrix of such indicators into one
//! closeness score and rank per alternative. An alternative is an (entity, year) pair, so the
//! same city in two years, or the Northeast baseline, is simply another row.
//!
//! # Pipeline
//! ```text
//! raw x_ij --direction--> criterion c_ij --normalise--> r_ij (oriented: higher is better)
//!          --weights w_j--> v_ij = w_j r_ij --> ideal v+_j = max_i v_ij, anti-ideal v-_j = min_i v_ij
//!          --> D+_i, D-_i (Euclidean) --> closeness C_i = D-_i / (D+_i + D-_i) --> rank
//! ```
//! Every normalised column is oriented so that a larger value is better (cost and target
//! columns are turned round inside the normalisation), so the ideal is always the column maximum.
//!
//! # Example
//! pymcdm's TOPSIS docstring example: a cost and a benefit criterion, equal weights, min–max.
//! ```
//! use renewal_calc::composite::{
//!     evaluate, Alternative, CompositeOptions, DecisionMatrix, Direction, Indicator,
//!     Normalisation, WeightScheme,
//! };
//! let alternatives = (2020..2023)
//!     .map(|year| Alternative { entity: "Shenyang".into(), year })
//!     .collect();
//! let indicators = vec![
//!     Indicator::new("cost", Direction::Cost),
//!     Indicator::new("benefit", Direction::Benefit),
//! ];
//! let rows = [vec![1.0, 3000.0], vec![2.0, 3750.0], vec![5.0, 4500.0]];
//! let matrix = DecisionMatrix::from_rows(alternatives, indicators, &rows)?;
//! let options = CompositeOptions {
//!     normalisation: Normalisation::MinMax,
//!     weights: WeightScheme::Equal,
//! };
//! let table = evaluate(&matrix, &options)?.table;
//! // pymcdm: [0.500, 0.617, 0.500]; the tie is ranked by input order.
//! assert!((table.closeness[1] - 0.6172177814626812).abs() < 1e-12);
//! assert_eq!(table.rank, vec![2, 1, 3]);
//! # Ok::<(), renewal_calc::composite::CompositeError>(())
//! ```
//!
//! # Standard
//! TOPSIS: Hwang, C.-L. & Yoon, K. (1981), *Multiple Attribute Decision Making*, Springer,
//! pp. 128–140. Entropy weights: Zeleny (1982), *Multiple Criteria Decision Making*, after
//! Shannon (1948). CRITIC: Diakoulaki, Mavrotas & Papayannakis (1995), *Computers & Operations
//! Research* 22(7), 763–770. Min–max with explicit bounds: Sustainable Development Report
//! (Sachs, Lafortune, Fuller, Drumm, SDR 2023, Methods section; Lafortune et al. 2018, "SDG Index
//! and Dashboards – Detailed Methodological paper"). z-scores: OECD/JRC (2008), *Handbook on
//! Constructing Composite Indicators*, §5. The independent implementation the tests compare with
//! is pymcdm (PyPI, versions 1.4.0 and 1.3.1); see `tests/fixtures/composite/README.md`.

mod critic_weights;
mod decision_matrix;
mod dimension_scores;
mod entropy_weights;
mod error;
mod normalise;
mod robustness;
mod topsis;
mod weighting;
mod working_table;

pub use critic_weights::{critic_weights, CriticWeights};
pub use decision_matrix::{Alternative, Bounds, DecisionMatrix, Dimension, Direction, Indicator};
pub use dimension_scores::{dimension_scores, DimensionOutcome, DimensionScore};
pub use entropy_weights::{entropy_weights, EntropyWeights, EntropyZeros};
pub use error::CompositeError;
pub use normalise::{criterion_value, normalise_column, Normalisation};
pub use robustness::{
    leave_one_indicator_out, perturb_weights, spearman_of_ranks, LeaveOneOut, LeaveOneOutOutcome,
    PerturbationOptions, RankShare, RankStability, SplitMix64, WeightPerturbation,
};
pub use topsis::{rank_descending, topsis, Topsis};
pub use weighting::{compute_weights, custom_weights, WeightDetail, WeightScheme};
pub use working_table::{
    evaluate, CompositeOptions, CompositeResult, IndicatorColumn, WorkingTable,
};
