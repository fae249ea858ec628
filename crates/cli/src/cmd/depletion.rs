//! `renewal depletion`: the paper's resource-depleted-city test (section 3.2 (2)) for one
//! resource, with the years each threshold is crossed.

use super::table_input::{LangArg, Rejected, Table};
use crate::output::{print_json, CliError};
use renewal_calc::depletion::{self, ProductionYear, ResourceInput};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Options of `renewal depletion`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
All quantities share one unit of your choice (--unit is only a label). Cumulative extraction and
remaining reserves are as of the end of the last production year.

Examples:
  renewal depletion --original 1000 --cumulative 650 --production 2018=40,2019=45,2020=50 --unit Mt
  renewal depletion --original 1000 --cumulative 650 --remaining 350 --production-file coal.csv

A production file has a header and two columns:
  year,production
  2018,40
  2019,45
  2020,50

Output: extraction_ratio, reserve_to_production_years, test.depleted and test.fired (which
condition of the paper's test holds), the crossing years under constant production and under the
least-squares production trend, and `diagnostics` ready for `renewal advise`.")]
pub struct Args {
    /// Originally proven (measured) reserves.
    #[arg(long, allow_hyphen_values = true)]
    original: f64,
    /// Cumulative extraction up to the end of the last production year.
    #[arg(long, allow_hyphen_values = true)]
    cumulative: f64,
    /// Remaining reserves (optional; checked against original − cumulative).
    #[arg(long, allow_hyphen_values = true)]
    remaining: Option<f64>,
    /// Annual production as YEAR=VALUE pairs, comma-separated (e.g. 2019=45,2020=50).
    #[arg(long, value_delimiter = ',', conflicts_with = "production_file")]
    production: Vec<String>,
    /// CSV file with columns `year,production` (`-` for stdin).
    #[arg(long)]
    production_file: Option<PathBuf>,
    /// Name of the resource, echoed in the output (e.g. coal).
    #[arg(long, default_value = "resource")]
    resource: String,
    /// Unit of the quantities, echoed in the output (e.g. Mt).
    #[arg(long, default_value = "")]
    unit: String,
    /// Language of the located messages about rejected cells of --production-file.
    #[arg(long, value_enum, default_value = "en")]
    lang: LangArg,
}

#[derive(serde::Serialize)]
struct Output {
    resource: String,
    unit: String,
    #[serde(flatten)]
    report: depletion::DepletionReport,
    diagnostics: BTreeMap<&'static str, f64>,
    /// Rejected cells (their rows left out), located; absent when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    rejections: Vec<Rejected>,
}

fn parse_pair(s: &str) -> Result<ProductionYear, CliError> {
    let bad = || {
        CliError::Usage(format!(
            "--production: {s:?} is not YEAR=VALUE (e.g. 2020=50)"
        ))
    };
    let (y, v) = s.split_once(['=', ':']).ok_or_else(bad)?;
    let year = y.trim().parse().map_err(|_| bad())?;
    let production: f64 = v.trim().parse().map_err(|_| bad())?;
    Ok(ProductionYear { year, production })
}

fn read_file(path: &Path, lang: LangArg) -> Result<(Vec<ProductionYear>, Vec<Rejected>), CliError> {
    let t = Table::read(path, lang.into())?;
    let (y, p) = (
        t.require(&["year", "年份"])?,
        t.require(&["production", "产量"])?,
    );
    let kept = (0..t.len())
        .filter_map(|r| {
            let (year, production) = (t.year(r, y), t.number(r, p));
            Some(ProductionYear {
                year: year?,
                production: production?,
            })
        })
        .collect();
    t.finish(kept)
}

/// Runs the test and prints the report.
pub fn run(args: Args) -> Result<(), CliError> {
    let mut rejections = Vec::new();
    let production = match &args.production_file {
        Some(path) => {
            let (rows, rejected) = read_file(path, args.lang)?;
            rejections = rejected;
            rows
        }
        None if args.production.is_empty() => return Err(CliError::Usage(
            "give the production series with --production YEAR=VALUE,... or --production-file FILE"
                .into(),
        )),
        None => args
            .production
            .iter()
            .map(|s| parse_pair(s))
            .collect::<Result<_, _>>()?,
    };
    let input = ResourceInput {
        original_reserves: args.original,
        cumulative_extraction: args.cumulative,
        remaining_reserves: args.remaining,
        production,
    };
    let report = depletion::assess(&input, &depletion::PAPER_CRITERION)
        .map_err(|e| CliError::Input(format!("depletion: {e}")))?;
    let mut diagnostics = BTreeMap::from([("depletion.extraction_ratio", report.extraction_ratio)]);
    if let Some(rp) = report.reserve_to_production_years {
        diagnostics.insert("depletion.reserve_years", rp);
    }
    print_json(&Output {
        resource: args.resource,
        unit: args.unit,
        report,
        diagnostics,
        rejections,
    })
}
