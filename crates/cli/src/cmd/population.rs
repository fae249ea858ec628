//! `renewal population`: population change, CAGR, natural increase, net migration (residual
//! method), age structure and the tertiary-educated share (paper sections 3.3, 4.3 (3)).

use super::table_input::{LangArg, Rejected, Table};
use crate::output::{print_json, CliError};
use renewal_calc::population::{self, PopulationYear};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Options of `renewal population`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
The file has one row per year; only year and population are required, other cells may be empty.
All counts in one unit (persons or 10k persons); natural_growth_permille in ‰.
  year,population,births,deaths,natural_growth_permille,age_0_14,age_15_64,age_65_plus,tertiary
  2019,4277,,,-0.80,,,,
  2020,4255,,,-1.08,473,2956,743,788

Examples:
  renewal population liaoning.csv
  cat liaoning.csv | renewal population -

Net migration = change - natural increase (births - deaths, or the natural growth rate x the
mid-year population); rates per 1,000 use the mid-year population (start + end) / 2 as
denominator. Rows more than one year apart get a change but no migration estimate.")]
pub struct Args {
    /// CSV file (`-` for stdin).
    file: PathBuf,
    /// Language of the located messages about rejected cells.
    #[arg(long, value_enum, default_value = "en")]
    lang: LangArg,
}

#[derive(serde::Serialize)]
struct Output {
    #[serde(flatten)]
    report: population::PopulationReport,
    rate_denominator: &'static str,
    diagnostics: BTreeMap<&'static str, f64>,
    /// Rejected cells, located: a bad year or population leaves its row out, a bad optional
    /// cell only that cell. Absent when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    rejections: Vec<Rejected>,
}

fn read_rows(t: Table) -> Result<(Vec<PopulationYear>, Vec<Rejected>), CliError> {
    let y = t.require(&["year", "年份"])?;
    let p = t.require(&["population", "常住人口", "人口"])?;
    let col = |names: &[&str]| t.column(names);
    let births = col(&["births", "出生人口"]);
    let deaths = col(&["deaths", "死亡人口"]);
    let ngr = col(&[
        "natural_growth_permille",
        "natural_growth_rate_permille",
        "自然增长率",
    ]);
    let a0 = col(&["age_0_14", "0-14"]);
    let a1 = col(&["age_15_64", "15-64"]);
    let a2 = col(&["age_65_plus", "65+"]);
    let ter = col(&["tertiary", "tertiary_educated", "大专及以上"]);
    let kept = (0..t.len())
        .filter_map(|r| {
            let (year, population) = (t.year(r, y), t.number(r, p));
            let row = PopulationYear {
                year: year.unwrap_or_default(),
                population: population.unwrap_or_default(),
                births: t.opt_number(r, births),
                deaths: t.opt_number(r, deaths),
                natural_growth_rate_permille: t.opt_number(r, ngr),
                age_0_14: t.opt_number(r, a0),
                age_15_64: t.opt_number(r, a1),
                age_65_plus: t.opt_number(r, a2),
                tertiary_educated: t.opt_number(r, ter),
            };
            (year.is_some() && population.is_some()).then_some(row)
        })
        .collect();
    t.finish(kept)
}

/// Computes and prints the population report.
pub fn run(args: Args) -> Result<(), CliError> {
    let table = Table::read(&args.file, args.lang.into())?;
    let (rows, rejections) = read_rows(table)?;
    let report = population::assess(&rows)
        .map_err(|e| CliError::Input(format!("{}: {e}", args.file.display())))?;
    // The latest available value of each diagnostic, for `renewal advise`.
    let mut diagnostics = BTreeMap::new();
    if let Some(m) = report
        .intervals
        .iter()
        .rev()
        .find_map(|i| i.net_migration_per_1000)
    {
        diagnostics.insert("population.net_migration_per_1000", m);
    }
    if let Some(c) = report.overall.cagr {
        diagnostics.insert("population.cagr", c);
    }
    if let Some(d) = report
        .years
        .iter()
        .rev()
        .find_map(|y| y.old_age_dependency_per_100)
    {
        diagnostics.insert("population.old_age_dependency_per_100", d);
    }
    if let Some(s) = report.years.iter().rev().find_map(|y| y.tertiary_share) {
        diagnostics.insert("population.tertiary_share", s);
    }
    print_json(&Output {
        report,
        rate_denominator:
            "mid-year population = (start-of-interval + end-of-interval population) / 2",
        diagnostics,
        rejections,
    })
}
