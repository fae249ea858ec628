//! `renewal energy`: generation mix, growth, capacity factors and CO2 avoided (paper sections
//! 4.6–4.7), compared with the Northeast's 2016→2020 growth from the paper's Figure 2.

use super::table_input::{LangArg, Reason, Rejected, Table};
use crate::output::{print_json, CliError};
use renewal_calc::energy::grid_factor::{self, GridFactor, GRID_FACTORS};
use renewal_calc::energy::units::{EnergyUnit, PowerUnit};
use renewal_calc::energy::{self, EnergyRecord, EnergySource, ReferenceGrowth};
use renewal_data::baseline::{self, FigureSource};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Options of `renewal energy`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
The file has a header and one row per source and year; generation and capacity may be empty:
  year,source,generation,capacity
  2016,coal,620,
  2016,wind,40,1500
  2020,coal,600,
  2020,wind,80,2800
Sources: coal, gas, oil, hydro, nuclear, wind, solar, biomass, other (or 煤电, 水电, 风电, 光伏...).

Examples:
  renewal energy mix.csv --unit 1e8kWh --capacity-unit MW
  renewal energy mix.csv --unit GWh --grid-factor cn_mee_nbs_2023_national_fossil
  renewal energy mix.csv --grid-factor 0.6
  renewal energy --list-grid-factors

Energy units: kWh, MWh, GWh, TWh, 1e8kWh (亿千瓦时). Power units: kW, MW, 1e4kW (万千瓦), GW.
Output values are in kWh and kW; CO2 in tonnes. `northeast_comparison` puts each source's CAGR
beside the paper's Figure 2 (solar x9.35, wind x1.66, 2016 -> 2020).")]
pub struct Args {
    /// CSV file (`-` for stdin).
    file: Option<PathBuf>,
    /// Unit of the generation column.
    #[arg(long, default_value = "1e8kWh")]
    unit: String,
    /// Unit of the capacity column.
    #[arg(long, default_value = "MW")]
    capacity_unit: String,
    /// Grid emission factor: a shipped id (see --list-grid-factors) or a value in tCO2/MWh.
    #[arg(long, default_value = grid_factor::DEFAULT_GRID_FACTOR_ID)]
    grid_factor: String,
    /// Print the shipped grid emission factors and exit.
    #[arg(long)]
    list_grid_factors: bool,
    /// Language of the located messages about rejected cells.
    #[arg(long, value_enum, default_value = "en")]
    lang: LangArg,
}

#[derive(serde::Serialize)]
struct AppliedFactor {
    id: String,
    t_co2_per_mwh: f64,
    region: String,
    scope: String,
    series: String,
    data_year: String,
}

impl From<&GridFactor> for AppliedFactor {
    fn from(f: &GridFactor) -> Self {
        Self {
            id: f.id.into(),
            t_co2_per_mwh: f.t_co2_per_mwh,
            region: f.region.into(),
            scope: f.scope.into(),
            series: f.series.into(),
            data_year: f.data_year.into(),
        }
    }
}

#[derive(serde::Serialize)]
struct Output {
    input_unit: &'static str,
    input_capacity_unit: &'static str,
    grid_factor: AppliedFactor,
    #[serde(flatten)]
    report: energy::EnergyReport,
    northeast_comparison: Vec<energy::GrowthComparison>,
    northeast_source: &'static str,
    northeast_unit_note: &'static str,
    diagnostics: BTreeMap<&'static str, f64>,
    /// Rejected cells (their rows left out), located; absent when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    rejections: Vec<Rejected>,
}

#[derive(serde::Serialize)]
struct FactorList {
    default: &'static str,
    grid_factors: &'static [GridFactor],
}

fn choose_factor(s: &str) -> Result<AppliedFactor, CliError> {
    if let Some(f) = grid_factor::grid_factor(s) {
        return Ok(f.into());
    }
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(AppliedFactor {
            id: "user".into(),
            t_co2_per_mwh: v,
            region: "as chosen by the user".into(),
            scope: "as chosen by the user".into(),
            series: "user-supplied value".into(),
            data_year: "unspecified".into(),
        }),
        _ => Err(CliError::Usage(format!(
            "--grid-factor {s:?} is neither a shipped id ({}) nor a non-negative number",
            GRID_FACTORS
                .iter()
                .map(|f| f.id)
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

/// The unit written in a column's header (`发电量（亿千瓦时）`, `capacity (MW)`), if any.
///
/// # Errors
/// [`CliError::Input`] when the bracket holds something that is not a unit of that kind.
fn header_unit<U: std::str::FromStr>(t: &Table, col: Option<usize>) -> Result<Option<U>, CliError> {
    let Some(h) = col.and_then(|c| t.headers().get(c)) else {
        return Ok(None);
    };
    match renewal_data::indicator::split_unit(h).1 {
        None => Ok(None),
        Some(b) => b.parse().map(Some).map_err(|_| {
            CliError::Input(format!("column {h:?}: {b:?} is not a unit of this column"))
        }),
    }
}

/// The records, the units they were read in, and the rejections.
type Records = (Vec<EnergyRecord>, EnergyUnit, PowerUnit, Vec<Rejected>);

/// A unit in a column header wins over `--unit` / `--capacity-unit` for that column.
fn read_records(t: Table, unit: EnergyUnit, cap_unit: PowerUnit) -> Result<Records, CliError> {
    let y = t.require(&["year", "年份"])?;
    let s = t.require(&["source", "来源", "电源"])?;
    let g = t.column(&["generation", "发电量"]);
    let c = t.column(&["capacity", "装机容量"]);
    if g.is_none() && c.is_none() {
        return Err(CliError::Input(
            "the file needs a generation or a capacity column".into(),
        ));
    }
    let unit = header_unit(&t, g)?.unwrap_or(unit);
    let cap_unit = header_unit(&t, c)?.unwrap_or(cap_unit);
    let kept = (0..t.len())
        .filter_map(|r| {
            let source = t.text(r, s).parse::<EnergySource>().ok();
            if source.is_none() {
                t.reject(
                    r,
                    s,
                    Reason::Text("not a known source".into(), "无法识别的电源类型".into()),
                );
            }
            let year = t.year(r, y);
            // A bad generation or capacity cell is left out of the row, which is kept.
            let generation = t.opt_number(r, g).map(|v| unit.to_kwh(v));
            let capacity = t.opt_number(r, c).map(|v| cap_unit.to_kw(v));
            Some(EnergyRecord {
                year: year?,
                source: source?,
                generation,
                capacity,
            })
        })
        .collect();
    let (kept, rejected) = t.finish(kept)?;
    Ok((kept, unit, cap_unit, rejected))
}

fn northeast_reference() -> Vec<ReferenceGrowth> {
    baseline::GENERATION_2016_2020
        .iter()
        .map(|p| ReferenceGrowth {
            source: match p.source {
                FigureSource::Solar => EnergySource::Solar,
                FigureSource::Wind => EnergySource::Wind,
            },
            from_year: 2016,
            to_year: 2020,
            from_value: p.y2016,
            to_value: p.y2020,
        })
        .collect()
}

/// Computes and prints the energy report.
pub fn run(args: Args) -> Result<(), CliError> {
    if args.list_grid_factors {
        return print_json(&FactorList {
            default: grid_factor::DEFAULT_GRID_FACTOR_ID,
            grid_factors: &GRID_FACTORS,
        });
    }
    let Some(path) = &args.file else {
        return Err(CliError::Usage(
            "give a CSV file (year,source,generation,capacity) or --list-grid-factors".into(),
        ));
    };
    let unit: EnergyUnit = args
        .unit
        .parse()
        .map_err(|e| CliError::Usage(format!("--unit: {e} (kWh, MWh, GWh, TWh, 1e8kWh)")))?;
    let cap_unit: PowerUnit = args
        .capacity_unit
        .parse()
        .map_err(|e| CliError::Usage(format!("--capacity-unit: {e} (kW, MW, 1e4kW, GW)")))?;
    let factor = choose_factor(&args.grid_factor)?;
    let table = Table::read(path, args.lang.into())?;
    let (records, unit, cap_unit, rejections) = read_records(table, unit, cap_unit)?;
    let report = energy::assess(&records, factor.t_co2_per_mwh)
        .map_err(|e| CliError::Input(format!("energy: {e}")))?;
    let northeast_comparison = energy::compare_growth(&report, &northeast_reference());

    let mut diagnostics = BTreeMap::new();
    if let Some(share) = report.years.last().and_then(|y| y.renewable_share) {
        diagnostics.insert("energy.renewable_share", share);
    }
    for g in &report.generation_growth {
        let key = match g.source {
            EnergySource::Wind => "energy.wind_generation_cagr",
            EnergySource::Solar => "energy.solar_generation_cagr",
            _ => continue,
        };
        if let Some(c) = g.cagr {
            diagnostics.insert(key, c);
        }
    }
    print_json(&Output {
        input_unit: unit.symbol(),
        input_capacity_unit: cap_unit.symbol(),
        grid_factor: factor,
        report,
        northeast_comparison,
        northeast_source: baseline::PAPER_CITATION,
        northeast_unit_note: baseline::GENERATION_UNIT_NOTE,
        diagnostics,
        rejections,
    })
}
