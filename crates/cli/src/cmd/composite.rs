//! `renewal composite FILE.csv`: TOPSIS composite index over (entity, year) alternatives, with
//! weights, closeness and rank per alternative, dimension sub-scores, robustness and the full
//! working table, as one JSON object.
//!
//! Input is long (`entity,year,indicator,value`) or wide (`entity,year,<indicator>...`); the
//! header decides (`--format` overrides). Indicators keep the order of first appearance, which
//! is the order of positional `--weights w1,w2,...`.

use crate::output::{print_json, CliError};
use renewal_calc::composite::{
    evaluate, leave_one_indicator_out, perturb_weights, Alternative, Bounds, CompositeOptions,
    DecisionMatrix, Dimension, Direction, EntropyZeros, Indicator, Normalisation,
    PerturbationOptions, WeightScheme,
};
use renewal_data::baseline;
use std::collections::BTreeMap;
use std::path::PathBuf;

mod csv_input;
pub use csv_input::Format;
use csv_input::{read_table, Table};

/// Indicators that default to "lower is better" when no `--direction` is given: the pollutant
/// keys of the paper's Table 1 and the AQI. Every other indicator defaults to benefit.
const DEFAULT_COST_INDICATORS: [&str; 7] = ["pm25", "pm10", "so2", "co", "no2", "o3", "aqi"];

/// Entity name of the rows `--baseline` adds.
const BASELINE_ENTITY: &str = "Northeast China (paper Table 1)";

/// Normalisation choice on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum NormalizationArg {
    /// Min–max to [0, 1] (explicit `--bounds` are clamped, SDR style).
    Minmax,
    /// Vector (Euclidean) normalisation.
    Vector,
    /// z-scores (sample standard deviation).
    Zscore,
}

/// How zeros enter entropy weights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EntropyZerosArg {
    /// 0 ln 0 = 0 (the limit).
    Limit,
    /// pymcdm 1.0–1.3: a column with any zero gets entropy 0.
    Pymcdm,
}

/// Options of `renewal composite`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  renewal composite cities.csv
  renewal composite pollutants.csv --weights entropy --baseline   # columns of Table 1 (pm25 …)
  renewal composite cities.csv --normalization vector --weights critic --seed 7")]
pub struct Args {
    /// CSV/TSV/XLSX/ODS file, long (entity,year,indicator,value) or wide
    /// (entity,year,<indicators>).
    pub file: PathBuf,
    /// Language of the located messages about rejected cells.
    #[arg(long, value_enum, default_value = "en")]
    pub lang: super::table_input::LangArg,
    /// Input layout.
    #[arg(long, value_enum, default_value = "auto")]
    pub format: Format,
    /// Normalisation before weighting.
    #[arg(long, value_enum, default_value = "minmax")]
    pub normalization: NormalizationArg,
    /// `equal`, `entropy`, `critic`, or custom weights: `w1,w2,...` in indicator order or
    /// `name=w,...` (normalised to sum 1).
    #[arg(long, default_value = "equal")]
    pub weights: String,
    /// Zero handling of entropy weights.
    #[arg(long, value_enum, default_value = "limit")]
    pub entropy_zeros: EntropyZerosArg,
    /// Directions, e.g. `pm25=cost,gdp=benefit,x=target:35,y=range:30:40`. Default: cost for
    /// pm25, pm10, so2, co, no2, o3, aqi; benefit otherwise. May be repeated.
    #[arg(long)]
    pub direction: Vec<String>,
    /// Dimensions for sub-scores, e.g. `pm25=environment,gdp=industry` (environment,
    /// resources, energy, industry, population). May be repeated.
    #[arg(long)]
    pub dimension: Vec<String>,
    /// Explicit min–max bounds `name=worst:best` in criterion units (SDR style; distance to
    /// target for target indicators). May be repeated.
    #[arg(long)]
    pub bounds: Vec<String>,
    /// Add the Northeast baseline (paper Table 1, 2014–2022) as alternatives; every indicator
    /// must then be one of pm25, pm10, so2, co, no2, o3.
    #[arg(long)]
    pub baseline: bool,
    /// Seed of the weight-perturbation generator.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Number of weight-perturbation runs (0 skips the perturbation).
    #[arg(long, default_value_t = 1000)]
    pub perturbations: usize,
    /// Relative amplitude of the weight perturbation, in [0, 1).
    #[arg(long, default_value_t = 0.2)]
    pub amplitude: f64,
}

#[derive(serde::Serialize)]
struct WeightOut<'a> {
    indicator: &'a str,
    weight: f64,
}

#[derive(serde::Serialize)]
struct AlternativeOut<'a> {
    entity: &'a str,
    year: i32,
    closeness: f64,
    rank: usize,
}

#[derive(serde::Serialize)]
struct Robustness {
    weight_perturbation: Option<renewal_calc::composite::WeightPerturbation>,
    leave_one_out: Vec<renewal_calc::composite::LeaveOneOut>,
}

#[derive(serde::Serialize)]
struct Output<'a> {
    file: String,
    normalization: &'static str,
    weight_scheme: &'a WeightScheme,
    weights: Vec<WeightOut<'a>>,
    alternatives: Vec<AlternativeOut<'a>>,
    dimensions: &'a [renewal_calc::composite::DimensionScore],
    robustness: Robustness,
    working_table: &'a renewal_calc::composite::WorkingTable,
}

/// Run the command.
pub fn run(args: Args) -> Result<(), CliError> {
    let mut table = read_table(&args.file, args.format, args.lang)?;
    if args.baseline {
        add_baseline(&mut table)?;
    }
    let directions = parse_assignments(&args.direction, "--direction", parse_direction)?;
    let dimensions = parse_assignments(&args.dimension, "--dimension", |s| {
        Dimension::from_key(s).ok_or_else(|| {
            format!(
                "unknown dimension {s:?} (environment, resources, energy, industry, population)"
            )
        })
    })?;
    let bounds = parse_assignments(&args.bounds, "--bounds", parse_bounds)?;
    for (flag, names) in [
        ("--direction", directions.keys().collect::<Vec<_>>()),
        ("--dimension", dimensions.keys().collect()),
        ("--bounds", bounds.keys().collect()),
    ] {
        if let Some(unknown) = names.into_iter().find(|n| !table.indicators.contains(n)) {
            return Err(CliError::Usage(format!(
                "{flag}: indicator {unknown:?} is not in the file (indicators: {})",
                table.indicators.join(", ")
            )));
        }
    }
    let indicators: Vec<Indicator> = table
        .indicators
        .iter()
        .map(|name| Indicator {
            name: name.clone(),
            direction: directions
                .get(name)
                .copied()
                .unwrap_or_else(|| default_direction(name)),
            dimension: dimensions.get(name).copied(),
            bounds: bounds.get(name).copied(),
        })
        .collect();
    let weights = parse_weights(&args.weights, &table.indicators, args.entropy_zeros)?;
    let normalisation = match args.normalization {
        NormalizationArg::Minmax => Normalisation::MinMax,
        NormalizationArg::Vector => Normalisation::Vector,
        NormalizationArg::Zscore => Normalisation::ZScore,
    };
    let options = CompositeOptions {
        normalisation,
        weights,
    };
    let matrix = DecisionMatrix::from_rows(table.alternatives, indicators, &table.rows)
        .map_err(|e| CliError::Input(e.to_string()))?;
    let result = evaluate(&matrix, &options).map_err(|e| CliError::Input(e.to_string()))?;
    let weight_perturbation = if args.perturbations == 0 {
        None
    } else {
        Some(
            perturb_weights(
                &matrix,
                &options,
                PerturbationOptions {
                    seed: args.seed,
                    runs: args.perturbations,
                    amplitude: args.amplitude,
                },
            )
            .map_err(|e| CliError::Usage(e.to_string()))?,
        )
    };
    let leave_one_out =
        leave_one_indicator_out(&matrix, &options).map_err(|e| CliError::Input(e.to_string()))?;
    let t = &result.table;
    print_json(&Output {
        file: args.file.display().to_string(),
        normalization: normalisation.key(),
        weight_scheme: &options.weights,
        weights: t
            .indicators
            .iter()
            .zip(&t.weights)
            .map(|(ind, &weight)| WeightOut {
                indicator: &ind.name,
                weight,
            })
            .collect(),
        alternatives: t
            .alternatives
            .iter()
            .zip(t.closeness.iter().zip(&t.rank))
            .map(|(a, (&closeness, &rank))| AlternativeOut {
                entity: &a.entity,
                year: a.year,
                closeness,
                rank,
            })
            .collect(),
        dimensions: &result.dimensions,
        robustness: Robustness {
            weight_perturbation,
            leave_one_out,
        },
        working_table: t,
    })
}

fn default_direction(name: &str) -> Direction {
    if DEFAULT_COST_INDICATORS.contains(&name.to_ascii_lowercase().as_str()) {
        Direction::Cost
    } else {
        Direction::Benefit
    }
}

/// `a=x,b=y` lists (possibly repeated flags) into a map, each value parsed by `parse`.
fn parse_assignments<T>(
    specs: &[String],
    flag: &str,
    parse: impl Fn(&str) -> Result<T, String>,
) -> Result<BTreeMap<String, T>, CliError> {
    let mut out = BTreeMap::new();
    for item in specs.iter().flat_map(|s| s.split(',')) {
        let item = item.trim();
        if item.is_empty() {
            continue;
        }
        let (name, value) = item
            .split_once('=')
            .ok_or_else(|| CliError::Usage(format!("{flag}: expected name=value, got {item:?}")))?;
        let value =
            parse(value.trim()).map_err(|e| CliError::Usage(format!("{flag} {name}: {e}")))?;
        if out.insert(name.trim().to_string(), value).is_some() {
            return Err(CliError::Usage(format!("{flag}: {name} given twice")));
        }
    }
    Ok(out)
}

fn parse_number(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => Err(format!("{s:?} is not a finite number")),
    }
}

/// `benefit`, `cost`, `target:T`, `range:LOW:HIGH`.
fn parse_direction(s: &str) -> Result<Direction, String> {
    let mut parts = s.split(':');
    let kind = parts.next().unwrap_or_default();
    let numbers: Vec<&str> = parts.collect();
    match (kind, numbers.as_slice()) {
        ("benefit", []) => Ok(Direction::Benefit),
        ("cost", []) => Ok(Direction::Cost),
        ("target", [t]) => Ok(Direction::Target {
            value: parse_number(t)?,
        }),
        ("range", [lo, hi]) => {
            let (low, high) = (parse_number(lo)?, parse_number(hi)?);
            if low > high {
                return Err(format!("range {low}:{high} is inverted"));
            }
            Ok(Direction::TargetRange { low, high })
        }
        _ => Err(format!(
            "{s:?} is not benefit, cost, target:T or range:LOW:HIGH"
        )),
    }
}

/// `worst:best`.
fn parse_bounds(s: &str) -> Result<Bounds, String> {
    let (w, b) = s
        .split_once(':')
        .ok_or_else(|| format!("{s:?} is not worst:best"))?;
    let bounds = Bounds {
        worst: parse_number(w)?,
        best: parse_number(b)?,
    };
    if bounds.worst == bounds.best {
        return Err(format!("worst and best are both {}", bounds.worst));
    }
    Ok(bounds)
}

fn parse_weights(
    s: &str,
    indicators: &[String],
    zeros: EntropyZerosArg,
) -> Result<WeightScheme, CliError> {
    match s.trim() {
        "equal" => return Ok(WeightScheme::Equal),
        "entropy" => {
            return Ok(WeightScheme::Entropy {
                zeros: match zeros {
                    EntropyZerosArg::Limit => EntropyZeros::Limit,
                    EntropyZerosArg::Pymcdm => EntropyZeros::PymcdmZeroEntropy,
                },
            })
        }
        "critic" => return Ok(WeightScheme::Critic),
        _ => {}
    }
    let given = if s.contains('=') {
        let named = parse_assignments(&[s.to_string()], "--weights", parse_number)?;
        if let Some(unknown) = named.keys().find(|k| !indicators.contains(k)) {
            return Err(CliError::Usage(format!(
                "--weights: indicator {unknown:?} is not in the file"
            )));
        }
        indicators
            .iter()
            .map(|name| {
                named.get(name).copied().ok_or_else(|| {
                    CliError::Usage(format!("--weights: no weight for indicator {name:?}"))
                })
            })
            .collect::<Result<Vec<_>, _>>()?
    } else {
        s.split(',')
            .map(|w| parse_number(w).map_err(|e| CliError::Usage(format!("--weights: {e}"))))
            .collect::<Result<Vec<_>, _>>()?
    };
    renewal_calc::composite::custom_weights(&given, indicators.len())
        .map_err(|e| CliError::Usage(format!("--weights: {e} ({})", indicators.join(", "))))?;
    Ok(WeightScheme::Custom { given })
}

/// Append the paper's Table 1 years as alternatives of the Northeast baseline.
fn add_baseline(table: &mut Table) -> Result<(), CliError> {
    let keys: Vec<String> = table
        .indicators
        .iter()
        .map(|n| n.to_ascii_lowercase())
        .collect();
    for year in baseline::air_quality() {
        let row = keys
            .iter()
            .zip(&table.indicators)
            .map(|(k, name)| {
                year.value(k).ok_or_else(|| {
                    CliError::Usage(format!(
                        "--baseline: the paper's Table 1 has no {name:?} (it has pm25, pm10, so2, co, no2, o3)"
                    ))
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let alt = Alternative {
            entity: BASELINE_ENTITY.to_string(),
            year: year.year,
        };
        if table.alternatives.contains(&alt) {
            return Err(CliError::Input(format!(
                "--baseline: the file already has {BASELINE_ENTITY} {}",
                year.year
            )));
        }
        table.alternatives.push(alt);
        table.rows.push(row);
    }
    Ok(())
}
