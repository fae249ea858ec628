//! Tests of the composite view's logic, with hand-computed expected values.

use super::*;
use crate::state::City;
use renewal_calc::composite::DimensionOutcome;
use std::collections::BTreeMap;

fn city(name: &str, values: &[(IndicatorId, i32, f64)]) -> City {
    let mut series: BTreeMap<IndicatorId, crate::state::Annual> = BTreeMap::new();
    for (id, y, v) in values {
        series.entry(*id).or_default().insert(*y, *v);
    }
    City {
        id: 0,
        name: name.to_string(),
        hidden: false,
        example: false,
        series,
    }
}

fn workspace(cities: Vec<City>) -> Workspace {
    let mut ws = Workspace::default();
    ws.cities = cities;
    ws
}

fn crit(id: IndicatorId) -> Criterion {
    Criterion {
        id,
        direction: default_direction(id),
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

/// Two cities in 2020: A (PM2.5 30, GDP 100), B (PM2.5 40, GDP 300).
fn two_cities() -> Workspace {
    use IndicatorId::{Gdp, Pm25};
    workspace(vec![
        city(
            "A",
            &[(Pm25, 2020, 30.0), (Gdp, 2020, 100.0), (Pm25, 2019, 35.0)],
        ),
        city("B", &[(Pm25, 2020, 40.0), (Gdp, 2020, 300.0)]),
    ])
}

#[test]
fn pollutants_are_costs_and_gdp_is_a_benefit_by_default() {
    assert_eq!(default_direction(IndicatorId::Pm25), Direction::Cost);
    assert_eq!(default_direction(IndicatorId::DeathRate), Direction::Cost);
    assert_eq!(default_direction(IndicatorId::Gdp), Direction::Benefit);
    assert_eq!(
        default_direction(IndicatorId::GenerationWind),
        Direction::Benefit
    );
}

#[test]
fn dimensions_follow_the_catalogue_families() {
    assert_eq!(dimension_of(IndicatorId::So2), Dimension::Environment);
    assert_eq!(
        dimension_of(IndicatorId::GenerationSolar),
        Dimension::Energy
    );
    assert_eq!(dimension_of(IndicatorId::Gdp), Dimension::Industry);
    assert_eq!(dimension_of(IndicatorId::BirthRate), Dimension::Population);
    assert_eq!(
        dimension_of(IndicatorId::ResourceReserves),
        Dimension::Resources
    );
    assert_eq!(dimension_name(Dimension::Environment, Lang::Zh), "空气质量");
}

#[test]
fn the_default_year_is_the_newest_with_the_most_cities() {
    let ws = two_cities();
    assert_eq!(years(&ws), vec![2020, 2019]);
    assert_eq!(default_year(&ws), Some(2020));
    assert_eq!(
        available(&ws, 2020),
        vec![IndicatorId::Pm25, IndicatorId::Gdp]
    );
    assert_eq!(
        default_criteria(&ws, 2020),
        vec![IndicatorId::Pm25, IndicatorId::Gdp]
    );
    assert_eq!(default_year(&workspace(Vec::new())), None);
}

#[test]
fn a_single_city_starts_with_its_table_1_pollutants_so_the_northeast_joins() {
    use IndicatorId::{Gdp, Pm10, Pm25};
    let ws = workspace(vec![city(
        "沈阳",
        &[(Pm25, 2022, 36.4), (Pm10, 2022, 65.0), (Gdp, 2022, 7695.8)],
    )]);
    assert_eq!(default_criteria(&ws, 2022), vec![Pm25, Pm10]);
    let a = assemble(&ws, 2022, &[crit(Pm25), crit(Pm10)], true, Lang::En);
    assert_eq!(a.northeast, NortheastStatus::Included);
    assert_eq!(
        a.names,
        vec!["沈阳".to_string(), northeast_name(Lang::En).to_string()]
    );
    // Paper, Table 1, 2022: PM2.5 23, PM10 40.
    assert_eq!(a.rows, vec![vec![36.4, 65.0], vec![23.0, 40.0]]);
}

#[test]
fn the_northeast_is_left_out_with_its_reason() {
    use IndicatorId::{Gdp, Pm25};
    let ws = two_cities();
    let a = assemble(&ws, 2020, &[crit(Pm25), crit(Gdp)], true, Lang::En);
    assert_eq!(a.northeast, NortheastStatus::NotInTable(vec![Gdp]));
    assert_eq!(a.names, vec!["A", "B"]);
    let ws = workspace(vec![city("C", &[(Pm25, 2023, 20.0)])]);
    let a = assemble(&ws, 2023, &[crit(Pm25)], true, Lang::En);
    assert_eq!(a.northeast, NortheastStatus::YearOutside);
    let a = assemble(&ws, 2023, &[crit(Pm25)], false, Lang::En);
    assert_eq!(a.northeast, NortheastStatus::Off);
}

#[test]
fn a_city_without_a_ticked_value_is_excluded_with_what_it_lacks() {
    use IndicatorId::{Gdp, Pm25};
    let ws = two_cities();
    let a = assemble(&ws, 2019, &[crit(Pm25), crit(Gdp)], false, Lang::En);
    assert!(a.names.is_empty());
    assert_eq!(
        a.excluded,
        vec![
            Excluded {
                name: "A".into(),
                missing: vec![Gdp]
            },
            // B has no value at all in 2019: nothing to list but the year.
            Excluded {
                name: "B".into(),
                missing: vec![]
            },
        ]
    );
    assert_eq!(
        run(&a, Weighting::Equal, &[], Normalisation::Vector),
        Err(RunError::TooFewAlternatives { got: 0 })
    );
    let none = assemble(&ws, 2020, &[], false, Lang::En);
    assert_eq!(
        run(&none, Weighting::Equal, &[], Normalisation::Vector),
        Err(RunError::NoCriteria)
    );
}

#[test]
fn topsis_on_two_cities_matches_the_hand_computation() {
    use IndicatorId::{Gdp, Pm25};
    // Vector normalisation, equal weights (0.5 each):
    //   PM2.5 (cost): ||(30, 40)|| = 50 -> r = 1 - 30/50 = 0.4, 1 - 40/50 = 0.2
    //   GDP (benefit): ||(100, 300)|| = sqrt(100000) = 316.227766 -> r = 0.316228, 0.948683
    //   v = 0.5 r: PM2.5 (0.2, 0.1), GDP (0.158114, 0.474342)
    //   ideal (0.2, 0.474342), anti-ideal (0.1, 0.158114)
    //   A: D+ = 0.316228, D- = 0.1      -> C = 0.1 / 0.416228 = 0.240253
    //   B: D+ = 0.1,      D- = 0.316228 -> C = 0.316228 / 0.416228 = 0.759747
    let ws = two_cities();
    let a = assemble(&ws, 2020, &[crit(Pm25), crit(Gdp)], true, Lang::En);
    let o = run(&a, Weighting::Equal, &[], Normalisation::Vector).unwrap();
    let t = &o.result.table;
    assert!(close(t.normalised[0][0], 0.4) && close(t.normalised[1][1], 0.948683));
    assert!(close(t.d_plus[0], 0.316228) && close(t.d_minus[0], 0.1));
    assert!(close(t.closeness[0], 0.240253), "{:?}", t.closeness);
    assert!(close(t.closeness[1], 0.759747));
    assert_eq!(t.rank, vec![2, 1]);
    // Manual weights 0.8 / 0.2: v = PM2.5 (0.32, 0.16), GDP (0.063246, 0.189737)
    //   A: D+ = 0.126491, D- = 0.16 -> C = 0.16 / 0.286491 = 0.558482
    let w = parse_manual(&["0,8".into(), "0.2".into()]).unwrap();
    let o = run(&a, Weighting::Manual, &w, Normalisation::Vector).unwrap();
    assert!(close(o.result.table.closeness[0], 0.558482));
    assert_eq!(o.result.table.rank, vec![1, 2]);
    // Each dimension has one indicator: sub-score (r - min) / (max - min).
    let radar = radar_data(&a.names, &o.result);
    assert_eq!(
        radar.dimensions,
        vec![Dimension::Environment, Dimension::Industry]
    );
    assert_eq!(radar.alternatives[0], ("A".to_string(), vec![1.0, 0.0]));
    // Leave-one-out: without PM2.5, B (more GDP) is first; without GDP, A is.
    let ranks: Vec<Vec<usize>> = o
        .leave_one_out
        .iter()
        .filter_map(|l| match &l.outcome {
            renewal_calc::composite::LeaveOneOutOutcome::Ranked { rank, .. } => Some(rank.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(ranks, vec![vec![2, 1], vec![1, 2]]);
    // The other methods are equal, entropy and CRITIC (manual is the current one).
    let methods: Vec<Weighting> = o.methods.iter().map(|m| m.weighting).collect();
    assert_eq!(
        methods,
        vec![Weighting::Equal, Weighting::Entropy, Weighting::Critic]
    );
    assert_eq!(o.methods[0].ranks, Ok(vec![2, 1]));
    // With two alternatives every perturbed run keeps or swaps the order: shares sum to 1.
    let p = o.perturbation.unwrap();
    let total: f64 = p.alternatives[0].rank_share.iter().map(|s| s.share).sum();
    assert!(close(total, 1.0));
}

#[test]
fn a_dimension_where_all_alternatives_are_equal_has_no_score() {
    use IndicatorId::{Gdp, Pm25};
    let ws = workspace(vec![
        city("A", &[(Pm25, 2020, 30.0), (Gdp, 2020, 100.0)]),
        city("B", &[(Pm25, 2020, 30.0), (Gdp, 2020, 300.0)]),
    ]);
    let a = assemble(&ws, 2020, &[crit(Pm25), crit(Gdp)], false, Lang::En);
    let o = run(&a, Weighting::Equal, &[], Normalisation::Vector).unwrap();
    assert_eq!(o.result.dimensions[0].outcome, DimensionOutcome::NoSpread);
    assert_eq!(
        radar_data(&a.names, &o.result).dimensions,
        vec![Dimension::Industry]
    );
    // Min–max cannot rescale the constant PM2.5 column: the engine says which column.
    assert!(matches!(
        run(&a, Weighting::Equal, &[], Normalisation::MinMax),
        Err(RunError::Engine(CompositeError::ConstantColumn {
            column: 0,
            ..
        }))
    ));
}

#[test]
fn manual_weights_report_every_bad_field_then_the_sum() {
    assert_eq!(
        parse_manual(&["0,25".into(), " 0.75 ".into()]),
        Ok(vec![0.25, 0.75])
    );
    assert_eq!(
        parse_manual(&["abc".into(), "-0.1".into(), "".into()]),
        Err(vec![
            WeightInputError::NotANumber {
                index: 0,
                raw: "abc".into()
            },
            WeightInputError::Negative {
                index: 1,
                value: -0.1
            },
            WeightInputError::NotANumber {
                index: 2,
                raw: "".into()
            },
        ])
    );
    match parse_manual(&["0.5".into(), "0.4".into()]) {
        Err(e) => assert!(matches!(e[..], [WeightInputError::Sum { sum }] if close(sum, 0.9))),
        Ok(w) => panic!("accepted {w:?}"),
    }
    // Within the tolerance: 0.9995 passes, 0.998 does not.
    assert!(parse_manual(&["0.4995".into(), "0.5".into()]).is_ok());
    assert!(parse_manual(&["0.498".into(), "0.5".into()]).is_err());
}

#[test]
fn equal_weight_texts_sum_to_one() {
    assert_eq!(equal_weight_texts(3), vec!["0.333", "0.333", "0.334"]);
    assert_eq!(equal_weight_texts(2), vec!["0.500", "0.500"]);
    assert!(equal_weight_texts(0).is_empty());
    for n in 1..12 {
        assert!(parse_manual(&equal_weight_texts(n)).is_ok(), "{n}");
    }
}

#[test]
fn weighting_keys_round_trip() {
    for w in Weighting::ALL {
        assert_eq!(Weighting::from_key(w.key()), Some(w));
    }
    assert_eq!(Weighting::from_key("topsis"), None);
}

#[test]
fn radar_chart_escapes_names_and_spans_zero_to_one() {
    let data = RadarData {
        dimensions: vec![
            Dimension::Environment,
            Dimension::Energy,
            Dimension::Industry,
        ],
        alternatives: vec![
            ("<b>X</b>".to_string(), vec![0.12345, 1.0, 0.0]),
            ("沈阳".to_string(), vec![0.5, 0.25, 0.75]),
        ],
    };
    let chart = radar_chart("Sub-scores", &data, Lang::En);
    let text = chart.to_string();
    assert!(!text.contains("<b>"), "{text}");
    assert!(!text.contains("function"));
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let radar = if v["radar"].is_array() {
        &v["radar"][0]
    } else {
        &v["radar"]
    };
    assert_eq!(radar["indicator"][0]["name"], "Air quality");
    assert_eq!(radar["indicator"][2]["max"], 1.0);
    let series = &v["series"][0];
    assert_eq!(series["type"], "radar");
    assert_eq!(series["data"][0]["name"], "&lt;b&gt;X&lt;/b&gt;");
    assert_eq!(series["data"][0]["value"][0], 0.123);
    assert_eq!(series["data"][1]["value"][2], 0.75);
    assert_eq!(v["aria"]["enabled"], true);
}
