//! The composite view's logic as plain Rust: which alternatives and criteria the workspace
//! offers for a year, the decision matrix built from them (with the Northeast reference where
//! the paper's Table 1 allows it), manual weights read from text, the TOPSIS run with its
//! robustness checks, and the radar chart of dimension sub-scores.
//!
//! The maths is `renewal_calc::composite` (TOPSIS after Hwang & Yoon 1981; entropy weights after
//! Shannon 1948 and Zeleny 1982; CRITIC after Diakoulaki, Mavrotas & Papayannakis 1995); this
//! module only assembles its inputs from the workspace and shapes its outputs for the page.
//!
//! Length note: just past 600 lines because rustfmt spreads the data tables and result types one
//! field a line; the tests are in `composite/tests.rs`.

use crate::charts::{escape_html, PALETTE};
use crate::state::Workspace;
use charming::component::{Aria, Legend, RadarCoordinate, Title};
use charming::element::{AreaStyle, Color, Tooltip, Trigger};
use charming::series::Radar;
use charming::Chart;
use renewal_calc::composite::{
    evaluate, leave_one_indicator_out, perturb_weights, Alternative, CompositeError,
    CompositeOptions, CompositeResult, DecisionMatrix, Dimension, Direction, EntropyZeros,
    Indicator, LeaveOneOut, Normalisation, PerturbationOptions, WeightPerturbation, WeightScheme,
};
use renewal_data::baseline;
use renewal_data::indicator::{Family, CATALOGUE};
use renewal_data::{IndicatorId, Lang};
use std::collections::BTreeSet;

/// Indicators for which less is better by default (the user can turn any of them round).
///
/// A stated judgement, shown in the view: concentrations and the AQI (GB 3095-2012: lower is
/// cleaner); resource extraction (depletion, paper §3.2); fossil generation (the paper's energy
/// transition, §4.6–4.7); the share of primary products in exports (single-industry dependence,
/// §4.1); deaths, the death rate and the share aged 65 and over (ageing and shrinking, §3.3).
/// Every other indicator of the catalogue defaults to "more is better".
pub const DEFAULT_COST: [IndicatorId; 15] = [
    IndicatorId::Pm25,
    IndicatorId::Pm10,
    IndicatorId::So2,
    IndicatorId::No2,
    IndicatorId::Co,
    IndicatorId::O3,
    IndicatorId::Aqi,
    IndicatorId::ResourceExtraction,
    IndicatorId::GenerationThermal,
    IndicatorId::GenerationCoal,
    IndicatorId::GenerationGas,
    IndicatorId::GenerationOil,
    IndicatorId::PrimaryProductsExportShare,
    IndicatorId::Deaths,
    IndicatorId::DeathRate,
];

/// Indicators that the paper's Table 1 gives for the Northeast (their ids are the table's keys).
pub const TABLE_1: [IndicatorId; 6] = [
    IndicatorId::Pm25,
    IndicatorId::Pm10,
    IndicatorId::So2,
    IndicatorId::Co,
    IndicatorId::No2,
    IndicatorId::O3,
];

/// The seed, number of runs and amplitude of the weight perturbation (the CLI's defaults, with
/// fewer runs: 500 runs of a TOPSIS on a few rows take well under a frame).
pub const PERTURBATION: PerturbationOptions = PerturbationOptions {
    seed: 0,
    runs: 500,
    amplitude: 0.2,
};

/// Largest distance of manual weights' sum from 1 that is still accepted (three typed decimals,
/// such as 0.333 + 0.333 + 0.334, must pass; the weights are then rescaled to sum exactly 1).
pub const WEIGHT_SUM_TOLERANCE: f64 = 0.001;

/// The default direction of an indicator: cost for [`DEFAULT_COST`], benefit otherwise.
pub fn default_direction(id: IndicatorId) -> Direction {
    if DEFAULT_COST.contains(&id) {
        Direction::Cost
    } else {
        Direction::Benefit
    }
}

/// The paper's dimension of an indicator, from its catalogue family.
pub fn dimension_of(id: IndicatorId) -> Dimension {
    match id.spec().family {
        Family::AirQuality => Dimension::Environment,
        Family::Resources => Dimension::Resources,
        Family::Energy => Dimension::Energy,
        Family::Industry => Dimension::Industry,
        _ => Dimension::Population,
    }
}

/// A dimension's name: the catalogue family's name in `lang`.
pub fn dimension_name(d: Dimension, lang: Lang) -> &'static str {
    let family = match d {
        Dimension::Environment => Family::AirQuality,
        Dimension::Resources => Family::Resources,
        Dimension::Energy => Family::Energy,
        Dimension::Industry => Family::Industry,
        Dimension::Population => Family::Population,
    };
    family.name(lang)
}

/// The Northeast reference's name.
pub fn northeast_name(lang: Lang) -> &'static str {
    lang.pick("Northeast China (paper, Table 1)", "东北地区（论文表1）")
}

/// Years in which some visible city has a value, newest first.
pub fn years(ws: &Workspace) -> Vec<i32> {
    let set: BTreeSet<i32> = ws
        .visible()
        .flat_map(|c| c.series.values().flat_map(|s| s.keys().copied()))
        .collect();
    set.into_iter().rev().collect()
}

/// Indicators with a value in `year` for at least one visible city, in catalogue order.
pub fn available(ws: &Workspace, year: i32) -> Vec<IndicatorId> {
    CATALOGUE
        .iter()
        .map(|s| s.id)
        .filter(|id| {
            ws.visible()
                .any(|c| c.series.get(id).is_some_and(|s| s.contains_key(&year)))
        })
        .collect()
}

/// Visible cities with at least one value in `year`.
fn cities_in(ws: &Workspace, year: i32) -> usize {
    ws.visible()
        .filter(|c| c.series.values().any(|s| s.contains_key(&year)))
        .count()
}

/// The year shown first: the newest year in which the most visible cities have values.
pub fn default_year(ws: &Workspace) -> Option<i32> {
    // `years` is newest first and `max_by_key` keeps the last maximum, so iterate oldest first.
    years(ws)
        .into_iter()
        .rev()
        .max_by_key(|&y| cities_in(ws, y))
}

/// The criteria ticked at first for `year`: the indicators every city with data in that year
/// has. With a single such city, only its Table 1 pollutants (if it has any), so that the
/// Northeast reference can join as a second alternative.
pub fn default_criteria(ws: &Workspace, year: i32) -> Vec<IndicatorId> {
    let with_data: Vec<_> = ws
        .visible()
        .filter(|c| c.series.values().any(|s| s.contains_key(&year)))
        .collect();
    let shared: Vec<IndicatorId> = available(ws, year)
        .into_iter()
        .filter(|id| {
            with_data
                .iter()
                .all(|c| c.series.get(id).is_some_and(|s| s.contains_key(&year)))
        })
        .collect();
    if with_data.len() == 1 {
        let pollutants: Vec<IndicatorId> = shared
            .iter()
            .copied()
            .filter(|id| TABLE_1.contains(id) && table_1_value(*id, year).is_some())
            .collect();
        if !pollutants.is_empty() {
            return pollutants;
        }
    }
    shared
}

/// Table 1's value of `id` in `year`, if the table has that pollutant and year.
pub fn table_1_value(id: IndicatorId, year: i32) -> Option<f64> {
    if !TABLE_1.contains(&id) {
        return None;
    }
    baseline::air_quality()
        .iter()
        .find(|r| r.year == year)
        .and_then(|r| r.value(id.as_str()))
}

/// One criterion as the user set it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Criterion {
    /// The indicator.
    pub id: IndicatorId,
    /// Benefit or cost.
    pub direction: Direction,
}

/// Whether the Northeast reference is among the alternatives, and if not, why.
#[derive(Debug, Clone, PartialEq)]
pub enum NortheastStatus {
    /// A row of the matrix.
    Included,
    /// The user switched it off.
    Off,
    /// Table 1 has no row for the year (it covers 2014–2022).
    YearOutside,
    /// Table 1 has none of these criteria.
    NotInTable(Vec<IndicatorId>),
}

/// A city left out of the matrix, with the criteria it has no value of in the year.
#[derive(Debug, Clone, PartialEq)]
pub struct Excluded {
    /// The city's name.
    pub name: String,
    /// Criteria without a value; empty when the city has no value at all in the year.
    pub missing: Vec<IndicatorId>,
}

/// The alternatives and criteria for one year, before any computation.
#[derive(Debug, Clone, PartialEq)]
pub struct Assembly {
    /// The year.
    pub year: i32,
    /// Alternatives' names in row order (the Northeast reference, if included, is last).
    pub names: Vec<String>,
    /// Criteria in column order.
    pub criteria: Vec<Criterion>,
    /// Raw values, `rows[i][j]`, in each indicator's canonical unit.
    pub rows: Vec<Vec<f64>>,
    /// Cities left out.
    pub excluded: Vec<Excluded>,
    /// The Northeast reference.
    pub northeast: NortheastStatus,
}

/// Build the alternatives for `year` from the visible cities that have every criterion, plus the
/// Northeast reference when `with_northeast` and Table 1 has every criterion in that year.
pub fn assemble(
    ws: &Workspace,
    year: i32,
    criteria: &[Criterion],
    with_northeast: bool,
    lang: Lang,
) -> Assembly {
    let mut names = Vec::new();
    let mut rows = Vec::new();
    let mut excluded = Vec::new();
    for city in ws.visible() {
        let values: Vec<Option<f64>> = criteria
            .iter()
            .map(|c| city.series.get(&c.id).and_then(|s| s.get(&year)).copied())
            .collect();
        let has_year = city.series.values().any(|s| s.contains_key(&year));
        if values.iter().all(Option::is_some) {
            names.push(city.name.clone());
            rows.push(values.into_iter().flatten().collect());
        } else if !has_year {
            excluded.push(Excluded {
                name: city.name.clone(),
                missing: Vec::new(),
            });
        } else {
            let missing = criteria
                .iter()
                .zip(&values)
                .filter(|(_, v)| v.is_none())
                .map(|(c, _)| c.id)
                .collect();
            excluded.push(Excluded {
                name: city.name.clone(),
                missing,
            });
        }
    }
    let northeast = if !with_northeast {
        NortheastStatus::Off
    } else if !baseline::air_quality().iter().any(|r| r.year == year) {
        NortheastStatus::YearOutside
    } else {
        let outside: Vec<IndicatorId> = criteria
            .iter()
            .map(|c| c.id)
            .filter(|id| !TABLE_1.contains(id))
            .collect();
        let values: Option<Vec<f64>> = criteria.iter().map(|c| table_1_value(c.id, year)).collect();
        match values {
            Some(v) if outside.is_empty() && !criteria.is_empty() => {
                names.push(northeast_name(lang).to_string());
                rows.push(v);
                NortheastStatus::Included
            }
            _ => NortheastStatus::NotInTable(outside),
        }
    };
    Assembly {
        year,
        names,
        criteria: criteria.to_vec(),
        rows,
        excluded,
        northeast,
    }
}

/// The weighting method the user picked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Weighting {
    /// `1/n` each.
    #[default]
    Equal,
    /// Shannon entropy weights.
    Entropy,
    /// CRITIC.
    Critic,
    /// Typed by the user.
    Manual,
}

impl Weighting {
    /// Every method, in the order offered.
    pub const ALL: [Weighting; 4] = [
        Weighting::Equal,
        Weighting::Entropy,
        Weighting::Critic,
        Weighting::Manual,
    ];

    /// Stable key for the `<select>`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Equal => "equal",
            Self::Entropy => "entropy",
            Self::Critic => "critic",
            Self::Manual => "manual",
        }
    }

    /// The method with `key`.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|w| w.key() == key)
    }

    /// The engine's scheme; `manual` are the weights already read by [`parse_manual`].
    pub fn scheme(self, manual: &[f64]) -> WeightScheme {
        match self {
            Self::Equal => WeightScheme::Equal,
            Self::Entropy => WeightScheme::Entropy {
                zeros: EntropyZeros::Limit,
            },
            Self::Critic => WeightScheme::Critic,
            Self::Manual => WeightScheme::Custom {
                given: manual.to_vec(),
            },
        }
    }
}

/// Why typed weights were not accepted; indices are criterion positions.
#[derive(Debug, Clone, PartialEq)]
pub enum WeightInputError {
    /// The field is empty or not a number.
    NotANumber {
        /// Criterion position.
        index: usize,
        /// What was typed.
        raw: String,
    },
    /// A negative weight.
    Negative {
        /// Criterion position.
        index: usize,
        /// The value.
        value: f64,
    },
    /// The weights do not sum to 1.
    Sum {
        /// Their sum.
        sum: f64,
    },
}

/// Read typed weights (a decimal point or a decimal comma) and check that they sum to 1 within
/// [`WEIGHT_SUM_TOLERANCE`]. Every bad field is reported, in order; the sum is checked only
/// when every field is a number.
pub fn parse_manual(texts: &[String]) -> Result<Vec<f64>, Vec<WeightInputError>> {
    let mut errors = Vec::new();
    let mut values = Vec::new();
    for (index, raw) in texts.iter().enumerate() {
        let t = raw.trim().replace(',', ".");
        match t.parse::<f64>() {
            Ok(v) if v.is_finite() && v < 0.0 => {
                errors.push(WeightInputError::Negative { index, value: v })
            }
            Ok(v) if v.is_finite() => values.push(v),
            _ => errors.push(WeightInputError::NotANumber {
                index,
                raw: raw.clone(),
            }),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let sum: f64 = values.iter().sum();
    if (sum - 1.0).abs() > WEIGHT_SUM_TOLERANCE {
        return Err(vec![WeightInputError::Sum { sum }]);
    }
    Ok(values)
}

/// Equal shares as text, for the manual fields' first values (three decimals, the last one
/// taking the rounding so that the texts sum to exactly 1).
pub fn equal_weight_texts(n: usize) -> Vec<String> {
    if n == 0 {
        return Vec::new();
    }
    let each = (1000 / n) as f64 / 1000.0;
    let last = 1.0 - each * (n - 1) as f64;
    (0..n)
        .map(|i| {
            let v = if i + 1 == n { last } else { each };
            format!("{v:.3}")
        })
        .collect()
}

/// Ranks of the alternatives under another weighting method, or why it has none.
#[derive(Debug, Clone, PartialEq)]
pub struct MethodRanks {
    /// The method.
    pub weighting: Weighting,
    /// Ranks in row order, or the engine's error.
    pub ranks: Result<Vec<usize>, CompositeError>,
}

/// Everything the page shows after a successful run.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The working table and the dimension sub-scores.
    pub result: CompositeResult,
    /// Rank stability under random weight perturbation ([`PERTURBATION`]).
    pub perturbation: Result<WeightPerturbation, CompositeError>,
    /// Ranks without each criterion in turn.
    pub leave_one_out: Vec<LeaveOneOut>,
    /// Ranks under the other weighting methods (same normalisation).
    pub methods: Vec<MethodRanks>,
}

/// Why there is nothing to compute.
#[derive(Debug, Clone, PartialEq)]
pub enum RunError {
    /// No criterion chosen.
    NoCriteria,
    /// Fewer than two alternatives.
    TooFewAlternatives {
        /// How many there are.
        got: usize,
    },
    /// The engine refused.
    Engine(CompositeError),
}

fn matrix(a: &Assembly) -> Result<DecisionMatrix, CompositeError> {
    let alternatives = a
        .names
        .iter()
        .map(|n| Alternative {
            entity: n.clone(),
            year: a.year,
        })
        .collect();
    let indicators = a
        .criteria
        .iter()
        .map(|c| {
            let mut ind = Indicator::new(c.id.as_str(), c.direction);
            ind.dimension = Some(dimension_of(c.id));
            ind
        })
        .collect();
    DecisionMatrix::from_rows(alternatives, indicators, &a.rows)
}

/// TOPSIS on the assembly with `weighting` (`manual` already read by [`parse_manual`]) and
/// `normalisation`, with the robustness checks.
pub fn run(
    a: &Assembly,
    weighting: Weighting,
    manual: &[f64],
    normalisation: Normalisation,
) -> Result<Outcome, RunError> {
    if a.criteria.is_empty() {
        return Err(RunError::NoCriteria);
    }
    if a.names.len() < 2 {
        return Err(RunError::TooFewAlternatives { got: a.names.len() });
    }
    let m = matrix(a).map_err(RunError::Engine)?;
    let options = CompositeOptions {
        normalisation,
        weights: weighting.scheme(manual),
    };
    let result = evaluate(&m, &options).map_err(RunError::Engine)?;
    let perturbation = perturb_weights(&m, &options, PERTURBATION);
    let leave_one_out = leave_one_indicator_out(&m, &options).unwrap_or_default();
    let methods = Weighting::ALL
        .into_iter()
        .filter(|w| *w != weighting && *w != Weighting::Manual)
        .map(|w| MethodRanks {
            weighting: w,
            ranks: evaluate(
                &m,
                &CompositeOptions {
                    normalisation,
                    weights: w.scheme(&[]),
                },
            )
            .map(|r| r.table.rank),
        })
        .collect();
    Ok(Outcome {
        result,
        perturbation,
        leave_one_out,
        methods,
    })
}

/// One alternative's sub-scores for the radar: a value per scored dimension, in [0, 1].
#[derive(Debug, Clone, PartialEq)]
pub struct RadarData {
    /// Dimensions with scores, in the engine's order.
    pub dimensions: Vec<Dimension>,
    /// Per alternative (row order): its name and a sub-score per dimension.
    pub alternatives: Vec<(String, Vec<f64>)>,
}

/// The scored dimensions of `result` arranged per alternative (dimensions without scores, all
/// weights zero or no spread, are left out; the table beside the chart says why).
pub fn radar_data(names: &[String], result: &CompositeResult) -> RadarData {
    use renewal_calc::composite::DimensionOutcome;
    let scored: Vec<(Dimension, &Vec<f64>)> = result
        .dimensions
        .iter()
        .filter_map(|d| match &d.outcome {
            DimensionOutcome::Scored { closeness, .. } => Some((d.dimension, closeness)),
            _ => None,
        })
        .collect();
    RadarData {
        dimensions: scored.iter().map(|(d, _)| *d).collect(),
        alternatives: names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                (
                    n.clone(),
                    scored
                        .iter()
                        .map(|(_, c)| c.get(i).copied().unwrap_or(0.0))
                        .collect(),
                )
            })
            .collect(),
    }
}

/// The radar chart of dimension sub-scores: one axis per scored dimension (0 to 1), one polygon
/// per alternative. Names are escaped here; values rounded to three decimals as in the table.
pub fn radar_chart(title: &str, data: &RadarData, lang: Lang) -> Chart {
    let indicators: Vec<(String, f64, f64)> = data
        .dimensions
        .iter()
        .map(|d| (escape_html(dimension_name(*d, lang)), 0.0, 1.0))
        .collect();
    let radar = RadarCoordinate::new()
        .indicator(
            indicators
                .iter()
                .map(|(n, lo, hi)| (n.as_str(), *lo, *hi))
                .collect::<Vec<_>>(),
        )
        .radius("60%");
    let points: Vec<(Vec<f64>, String)> = data
        .alternatives
        .iter()
        .map(|(n, v)| {
            (
                v.iter().map(|x| (x * 1000.0).round() / 1000.0).collect(),
                escape_html(n),
            )
        })
        .collect();
    Chart::new()
        .title(Title::new().text(title).left("center"))
        .color(PALETTE.iter().map(|c| Color::from(*c)).collect())
        .aria(Aria::new().enabled(true))
        .tooltip(Tooltip::new().trigger(Trigger::Item))
        .legend(Legend::new().bottom(0))
        .radar(radar)
        .series(
            Radar::new()
                .name(escape_html(title))
                .area_style(AreaStyle::new().opacity(0.1))
                .data(points),
        )
}

#[cfg(test)]
mod tests;
