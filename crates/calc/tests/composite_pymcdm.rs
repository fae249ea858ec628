//! The composite index against pymcdm (fixtures in tests/fixtures/composite/, see its README):
//! agreement to 1e-9 under matching conventions, and the documented differences.

use renewal_calc::composite::{
    entropy_weights, evaluate, spearman_of_ranks, Alternative, CompositeError, CompositeOptions,
    DecisionMatrix, Direction, EntropyZeros, Indicator, Normalisation, WeightDetail, WeightScheme,
};
use serde_json::Value;

const TOL: f64 = 1e-9;

fn load(name: &str) -> Value {
    let path = format!(
        "{}/tests/fixtures/composite/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn vec_f64(v: &Value) -> Vec<f64> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|x| x.as_f64().expect("number"))
        .collect()
}

fn matrix_f64(v: &Value) -> Vec<Vec<f64>> {
    v.as_array().expect("array").iter().map(vec_f64).collect()
}

fn close(label: &str, got: &[f64], expected: &[f64]) {
    assert_eq!(got.len(), expected.len(), "{label}: lengths");
    for (k, (g, e)) in got.iter().zip(expected).enumerate() {
        assert!(
            (g - e).abs() <= TOL,
            "{label}[{k}]: got {g}, pymcdm {e} (diff {})",
            (g - e).abs()
        );
    }
}

fn close_matrix(label: &str, got: &[Vec<f64>], expected: &[Vec<f64>]) {
    assert_eq!(got.len(), expected.len(), "{label}: rows");
    for (i, (g, e)) in got.iter().zip(expected).enumerate() {
        close(&format!("{label} row {i}"), g, e);
    }
}

/// Types 1 / -1 as pymcdm writes them; `force_benefit` ignores them (pymcdm's CRITIC).
fn decision_matrix(case: &Value, force_benefit: bool) -> DecisionMatrix {
    let rows = matrix_f64(&case["matrix"]);
    let n = rows.first().map_or(0, Vec::len);
    let types: Vec<i64> = match case["types"].as_array() {
        Some(t) => t.iter().map(|x| x.as_i64().expect("type")).collect(),
        None => vec![1; n],
    };
    let indicators = types
        .iter()
        .enumerate()
        .map(|(j, &t)| {
            let d = if t < 0 && !force_benefit {
                Direction::Cost
            } else {
                Direction::Benefit
            };
            Indicator::new(format!("c{j}"), d)
        })
        .collect();
    let alternatives = (0..rows.len())
        .map(|i| Alternative {
            entity: format!("a{i}"),
            year: 2020,
        })
        .collect();
    DecisionMatrix::from_rows(alternatives, indicators, &rows).expect("valid fixture matrix")
}

fn options(normalisation: Normalisation, weights: WeightScheme) -> CompositeOptions {
    CompositeOptions {
        normalisation,
        weights,
    }
}

fn ranks_as_f64(r: &[usize]) -> Vec<f64> {
    r.iter().map(|&x| x as f64).collect()
}

/// Compare every step of our working table with pymcdm's TOPSIS steps.
fn check_topsis_steps(label: &str, m: &DecisionMatrix, opts: &CompositeOptions, steps: &Value) {
    let r = evaluate(m, opts).unwrap_or_else(|e| panic!("{label}: {e}"));
    let t = &r.table;
    close_matrix(
        &format!("{label} normalised"),
        &t.normalised,
        &matrix_f64(&steps["normalised"]),
    );
    close_matrix(
        &format!("{label} weighted"),
        &t.weighted,
        &matrix_f64(&steps["weighted"]),
    );
    close(
        &format!("{label} ideal"),
        &t.ideal,
        &vec_f64(&steps["ideal"]),
    );
    close(
        &format!("{label} anti"),
        &t.anti_ideal,
        &vec_f64(&steps["anti_ideal"]),
    );
    close(
        &format!("{label} d+"),
        &t.d_plus,
        &vec_f64(&steps["d_plus"]),
    );
    close(
        &format!("{label} d-"),
        &t.d_minus,
        &vec_f64(&steps["d_minus"]),
    );
    close(
        &format!("{label} closeness"),
        &t.closeness,
        &vec_f64(&steps["closeness"]),
    );
    close(
        &format!("{label} rank"),
        &ranks_as_f64(&t.rank),
        &vec_f64(&steps["rank"]),
    );
}

#[test]
fn entropy_weights_agree_with_pymcdm_on_positive_matrices() {
    let f = load("pymcdm_1_4_0.json");
    let cases = f["cases"].as_array().expect("cases");
    assert_eq!(cases.len(), 5);
    for case in cases.iter().chain([&f["constant"]]) {
        let m = decision_matrix(case, false);
        let got = entropy_weights(m.columns(), m.indicators(), EntropyZeros::Limit)
            .expect("positive matrix");
        close(
            case["name"].as_str().unwrap_or("?"),
            &got.weights,
            &vec_f64(&case["entropy_weights"]),
        );
    }
}

#[test]
fn directional_critic_agrees_with_pymcdm_on_negated_cost_columns() {
    // pymcdm min-max normalises every column as a benefit; min-max of -x as a benefit is
    // min-max of x as a cost, so pymcdm on the sign-flipped matrix is Diakoulaki's CRITIC.
    let f = load("pymcdm_1_4_0.json");
    for case in f["cases"].as_array().expect("cases") {
        let m = decision_matrix(case, false);
        let r =
            evaluate(&m, &options(Normalisation::MinMax, WeightScheme::Critic)).expect("critic");
        close(
            case["name"].as_str().unwrap_or("?"),
            &r.table.weights,
            &vec_f64(&case["critic_weights_directional"]),
        );
    }
}

#[test]
fn critic_with_all_benefit_directions_agrees_with_pymcdm_ignoring_types() {
    let f = load("pymcdm_1_4_0.json");
    for case in f["cases"].as_array().expect("cases") {
        let m = decision_matrix(case, true);
        let r =
            evaluate(&m, &options(Normalisation::MinMax, WeightScheme::Critic)).expect("critic");
        close(
            case["name"].as_str().unwrap_or("?"),
            &r.table.weights,
            &vec_f64(&case["critic_weights_ignoring_types"]),
        );
    }
}

#[test]
fn convention_difference_critic_differs_from_pymcdm_when_cost_columns_exist() {
    // Documented difference: pymcdm's CRITIC ignores the criterion types. Every fixture case
    // has a cost column (the last), and a flipped column changes the sign of its correlations.
    // With exactly two columns the difference vanishes: C_j = s_j (1 - R) or s_j (1 + R) for
    // both j alike, so w_0 / w_1 = s_0 / s_1 either way (case seed5_3x2 checks that).
    let f = load("pymcdm_1_4_0.json");
    for case in f["cases"].as_array().expect("cases") {
        let m = decision_matrix(case, false);
        let ours = evaluate(&m, &options(Normalisation::MinMax, WeightScheme::Critic))
            .expect("critic")
            .table
            .weights;
        let theirs = vec_f64(&case["critic_weights_ignoring_types"]);
        let max_diff = ours
            .iter()
            .zip(&theirs)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max);
        if m.n_indicators() == 2 {
            assert!(max_diff < TOL, "{}: {max_diff}", case["name"]);
        } else {
            assert!(max_diff > 1e-3, "{}: {max_diff}", case["name"]);
        }
    }
}

#[test]
fn topsis_minmax_steps_agree_with_pymcdm() {
    let f = load("pymcdm_1_4_0.json");
    for case in f["cases"].as_array().expect("cases") {
        let name = case["name"].as_str().unwrap_or("?");
        let m = decision_matrix(case, false);
        check_topsis_steps(
            &format!("{name} minmax equal"),
            &m,
            &options(Normalisation::MinMax, WeightScheme::Equal),
            &case["topsis_minmax_equal"],
        );
        check_topsis_steps(
            &format!("{name} minmax entropy"),
            &m,
            &options(
                Normalisation::MinMax,
                WeightScheme::Entropy {
                    zeros: EntropyZeros::Limit,
                },
            ),
            &case["topsis_minmax_entropy"],
        );
    }
}

#[test]
fn topsis_vector_steps_agree_with_pymcdm() {
    // pymcdm's vector cost is 1 - x/||x||, as ours, so even the normalised matrix agrees.
    let f = load("pymcdm_1_4_0.json");
    for case in f["cases"].as_array().expect("cases") {
        let name = case["name"].as_str().unwrap_or("?");
        check_topsis_steps(
            &format!("{name} vector entropy"),
            &decision_matrix(case, false),
            &options(
                Normalisation::Vector,
                WeightScheme::Entropy {
                    zeros: EntropyZeros::Limit,
                },
            ),
            &case["topsis_vector_entropy"],
        );
    }
}

#[test]
fn convention_difference_constant_column_is_an_error_not_a_column_of_ones() {
    // pymcdm's min-max turns a constant column into ones, which adds nothing to either
    // distance. We refuse it; dropping the column (keeping the other weights' ratio) gives
    // pymcdm's closeness.
    let f = load("pymcdm_1_4_0.json");
    let case = &f["constant"];
    let m = decision_matrix(case, false);
    let err = evaluate(&m, &options(Normalisation::MinMax, WeightScheme::Equal));
    assert_eq!(
        err.map(|_| ()),
        Err(CompositeError::ConstantColumn {
            column: 1,
            indicator: "c1".into(),
            value: 7.0
        })
    );
    let reduced = m.without_indicator(1).expect("3 columns");
    let r = evaluate(
        &reduced,
        &options(
            Normalisation::MinMax,
            WeightScheme::Custom {
                given: vec![1.0, 1.0],
            },
        ),
    )
    .expect("reduced");
    let steps = &case["topsis_minmax_equal"];
    close(
        "constant closeness",
        &r.table.closeness,
        &vec_f64(&steps["closeness"]),
    );
    close(
        "constant rank",
        &ranks_as_f64(&r.table.rank),
        &vec_f64(&steps["rank"]),
    );
}

#[test]
fn convention_difference_ties_are_ranked_by_input_order() {
    // pymcdm gives tied alternatives their mean rank (1.5, 1.5); ours are a permutation.
    let f = load("pymcdm_1_4_0.json");
    let case = &f["ties"];
    let steps = &case["topsis_minmax_equal"];
    let r = evaluate(
        &decision_matrix(case, false),
        &options(Normalisation::MinMax, WeightScheme::Equal),
    )
    .expect("ties");
    close(
        "ties closeness",
        &r.table.closeness,
        &vec_f64(&steps["closeness"]),
    );
    assert_eq!(vec_f64(&steps["rank"]), vec![4.0, 1.5, 3.0, 1.5]);
    assert_eq!(r.table.rank, vec![4, 1, 3, 2]);
}

#[test]
fn spearman_agrees_with_pymcdm() {
    let f = load("pymcdm_1_4_0.json");
    for s in f["spearman"].as_array().expect("spearman") {
        let a: Vec<usize> = vec_f64(&s["a"]).iter().map(|&x| x as usize).collect();
        let b: Vec<usize> = vec_f64(&s["b"]).iter().map(|&x| x as usize).collect();
        close(
            "spearman",
            &[spearman_of_ranks(&a, &b)],
            &[s["rho"].as_f64().expect("rho")],
        );
    }
}

#[test]
fn pymcdm_zero_convention_agrees_with_pymcdm_1_3_1() {
    let f = load("pymcdm_1_3_1_zeros.json");
    assert_eq!(f["pymcdm_version"], "1.3.1");
    for case in f["cases"].as_array().expect("cases") {
        let m = decision_matrix(case, false);
        let r = evaluate(
            &m,
            &options(
                Normalisation::Vector,
                WeightScheme::Entropy {
                    zeros: EntropyZeros::PymcdmZeroEntropy,
                },
            ),
        )
        .expect("zeros");
        close(
            case["name"].as_str().unwrap_or("?"),
            &r.table.weights,
            &vec_f64(&case["entropy_weights"]),
        );
    }
}

#[test]
fn convention_difference_limit_zeros_only_change_columns_with_zeros() {
    // Under the 0 ln 0 = 0 limit a zero-free column keeps its entropy, columns with zeros get
    // a proper entropy (< 1, > 0) instead of pymcdm's 0, so the weights differ.
    let f = load("pymcdm_1_3_1_zeros.json");
    for case in f["cases"].as_array().expect("cases") {
        let m = decision_matrix(case, false);
        let limit =
            entropy_weights(m.columns(), m.indicators(), EntropyZeros::Limit).expect("limit");
        let pym = entropy_weights(m.columns(), m.indicators(), EntropyZeros::PymcdmZeroEntropy)
            .expect("pymcdm");
        for ((col, el), ep) in m.columns().iter().zip(&limit.entropy).zip(&pym.entropy) {
            if col.contains(&0.0) {
                assert_eq!(*ep, 0.0);
                assert!(*el > 0.0 && *el < 1.0, "{el}");
            } else {
                assert_eq!(el, ep);
            }
        }
        let theirs = vec_f64(&case["entropy_weights"]);
        assert!(limit
            .weights
            .iter()
            .zip(&theirs)
            .any(|(a, b)| (a - b).abs() > 1e-3));
    }
}

#[test]
fn working_table_shows_entropy_details() {
    let f = load("pymcdm_1_4_0.json");
    let case = &f["cases"][0];
    let r = evaluate(
        &decision_matrix(case, false),
        &options(
            Normalisation::MinMax,
            WeightScheme::Entropy {
                zeros: EntropyZeros::Limit,
            },
        ),
    )
    .expect("entropy");
    match &r.table.weight_detail {
        WeightDetail::Entropy(e) => {
            close("detail weights", &e.weights, &r.table.weights);
            let d: f64 = e.divergence.iter().sum();
            for ((w, dj), ej) in e.weights.iter().zip(&e.divergence).zip(&e.entropy) {
                assert!((dj - (1.0 - ej)).abs() < 1e-15);
                assert!((w - dj / d).abs() < 1e-15);
            }
        }
        other => panic!("expected entropy detail, got {other:?}"),
    }
}
