//! Choosing indicator weights: equal, entropy, CRITIC or custom, with the working values.

use super::critic_weights::{critic_weights, CriticWeights};
use super::decision_matrix::DecisionMatrix;
use super::entropy_weights::{entropy_weights, EntropyWeights, EntropyZeros};
use super::error::CompositeError;
use super::normalise::criterion_columns;

/// How weights are obtained.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(tag = "kind", rename_all = "snake_case")
)]
pub enum WeightScheme {
    /// `1/n` each.
    Equal,
    /// Entropy weights ([`entropy_weights`]) with the given zero convention.
    Entropy {
        /// How zeros are treated.
        zeros: EntropyZeros,
    },
    /// CRITIC weights ([`critic_weights`]).
    Critic,
    /// User weights, validated and normalised to sum 1 ([`custom_weights`]).
    Custom {
        /// Weights in indicator order, any positive scale.
        given: Vec<f64>,
    },
}

/// The weights' working values, per scheme.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(tag = "kind", rename_all = "snake_case")
)]
pub enum WeightDetail {
    /// Equal weights: nothing to show.
    Equal,
    /// Entropies and divergences.
    Entropy(EntropyWeights),
    /// Standard deviations, correlations and information content.
    Critic(CriticWeights),
    /// The weights as the user gave them, before normalisation.
    Custom {
        /// As given.
        given: Vec<f64>,
    },
}

/// Validate custom weights and normalise them to sum 1.
///
/// # Errors
/// `WeightCount { expected, got }` when `given.len() != n_indicators`; `NonFiniteWeight` and
/// `NegativeWeight` with the index and value; `ZeroWeightSum` when all are 0.
pub fn custom_weights(given: &[f64], n_indicators: usize) -> Result<Vec<f64>, CompositeError> {
    if given.len() != n_indicators {
        return Err(CompositeError::WeightCount {
            expected: n_indicators,
            got: given.len(),
        });
    }
    for (index, &value) in given.iter().enumerate() {
        if !value.is_finite() {
            return Err(CompositeError::NonFiniteWeight { index, value });
        }
        if value < 0.0 {
            return Err(CompositeError::NegativeWeight { index, value });
        }
    }
    let sum: f64 = given.iter().sum();
    if sum == 0.0 {
        return Err(CompositeError::ZeroWeightSum);
    }
    if !sum.is_finite() {
        // Finite weights whose sum overflows: rescale first.
        let max = given.iter().fold(0.0_f64, |m, &w| m.max(w));
        let scaled: Vec<f64> = given.iter().map(|w| w / max).collect();
        return custom_weights(&scaled, n_indicators);
    }
    Ok(given.iter().map(|w| w / sum).collect())
}

/// Weights of `matrix` under `scheme`, with their working values.
///
/// # Errors
/// Those of [`entropy_weights`], [`critic_weights`] and [`custom_weights`].
pub fn compute_weights(
    matrix: &DecisionMatrix,
    scheme: &WeightScheme,
) -> Result<(Vec<f64>, WeightDetail), CompositeError> {
    let n = matrix.n_indicators();
    match scheme {
        WeightScheme::Equal => Ok((vec![1.0 / n as f64; n], WeightDetail::Equal)),
        WeightScheme::Entropy { zeros } => {
            let e = entropy_weights(&criterion_columns(matrix), matrix.indicators(), *zeros)?;
            Ok((e.weights.clone(), WeightDetail::Entropy(e)))
        }
        WeightScheme::Critic => {
            let c = critic_weights(&criterion_columns(matrix), matrix.indicators())?;
            Ok((c.weights.clone(), WeightDetail::Critic(c)))
        }
        WeightScheme::Custom { given } => Ok((
            custom_weights(given, n)?,
            WeightDetail::Custom {
                given: given.clone(),
            },
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn custom_weights_are_normalised() {
        assert_eq!(custom_weights(&[1.0, 3.0], 2), Ok(vec![0.25, 0.75]));
    }

    #[test]
    fn custom_weights_with_wrong_count_say_both_counts() {
        assert_eq!(
            custom_weights(&[1.0], 3),
            Err(CompositeError::WeightCount {
                expected: 3,
                got: 1
            })
        );
    }

    #[test]
    fn negative_and_nan_weights_are_rejected_with_index() {
        assert_eq!(
            custom_weights(&[1.0, -0.5], 2),
            Err(CompositeError::NegativeWeight {
                index: 1,
                value: -0.5
            })
        );
        assert!(matches!(
            custom_weights(&[f64::NAN, 1.0], 2),
            Err(CompositeError::NonFiniteWeight { index: 0, .. })
        ));
        assert_eq!(
            custom_weights(&[0.0, 0.0], 2),
            Err(CompositeError::ZeroWeightSum)
        );
    }

    #[test]
    fn huge_custom_weights_do_not_overflow() {
        assert_eq!(custom_weights(&[f64::MAX, f64::MAX], 2), Ok(vec![0.5, 0.5]));
    }
}
