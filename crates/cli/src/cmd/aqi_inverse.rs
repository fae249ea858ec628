//! `renewal aqi-inverse`: the concentration range of every pollutant key for an AQI value or a
//! category.

use super::aqi::{CategoryOut, StandardArg};
use crate::output::{print_json, CliError};
use renewal_calc::aqi::{
    category, inverse, inverse_category, CategoryId, ConcentrationUnit, InverseOutcome, StandardId,
};
use std::collections::BTreeMap;

/// Options of `renewal aqi-inverse`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  renewal aqi-inverse --standard us-epa-2024 --aqi 151
  renewal aqi-inverse --standard hj633-2026 --category cn_lightly_polluted")]
#[command(group(clap::ArgGroup::new("target").required(true).args(["aqi", "category"])))]
pub struct Args {
    /// The standard.
    #[arg(long, value_enum)]
    pub standard: StandardArg,
    /// The AQI value.
    #[arg(long)]
    pub aqi: Option<u32>,
    /// A category id instead (e.g. `cn_lightly_polluted`, `us_hazardous`).
    #[arg(long)]
    pub category: Option<String>,
    /// Print JSON (the only format).
    #[arg(long)]
    pub json: bool,
}

#[derive(serde::Serialize)]
struct Row {
    unit: ConcentrationUnit,
    #[serde(flatten)]
    outcome: InverseOutcome,
}

#[derive(serde::Serialize)]
struct Output {
    standard: StandardId,
    aqi: Option<u32>,
    category: Option<&'static str>,
    category_detail: Option<CategoryOut>,
    ranges: BTreeMap<&'static str, Row>,
}

/// Compute and print.
pub fn run(args: Args) -> Result<(), CliError> {
    let id = StandardId::from(args.standard);
    let (rows, cat) = match (args.aqi, &args.category) {
        (Some(n), _) => {
            let rows = inverse(id, n).map_err(|e| CliError::Input(e.to_string()))?;
            (rows, category(id.family(), n))
        }
        (None, Some(c)) => {
            let cid = CategoryId::from_id(c)
                .ok_or_else(|| CliError::Usage(format!("unknown category {c:?}")))?;
            let rows = inverse_category(id, cid).map_err(|e| CliError::Usage(e.to_string()))?;
            (rows, cid.category())
        }
        (None, None) => return Err(CliError::Usage("give --aqi or --category".into())),
    };
    print_json(&Output {
        standard: id,
        aqi: args.aqi,
        category: Some(cat.id.as_str()),
        category_detail: Some(CategoryOut::from(cat)),
        ranges: rows
            .into_iter()
            .map(|r| {
                (
                    r.key.key(),
                    Row {
                        unit: r.unit,
                        outcome: r.outcome,
                    },
                )
            })
            .collect(),
    })
}
