//! `renewal baseline`: the built-in Northeast baseline with its provenance, as JSON.

use crate::output::{print_json, CliError};
use renewal_data::baseline;

/// Options of `renewal baseline` (none yet: it prints everything).
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  renewal baseline
  renewal baseline | jq '.air_quality[] | {year, pm25_ug_m3}'")]
pub struct Args {}

#[derive(serde::Serialize)]
struct Baseline {
    source: &'static str,
    air_quality: &'static [baseline::AirQualityYear],
    air_quality_notes: &'static [&'static str],
    generation: &'static [baseline::GenerationPair],
    generation_unit_as_printed: &'static str,
    generation_unit_note: &'static str,
}

/// Print the baseline.
pub fn run(_args: Args) -> Result<(), CliError> {
    print_json(&Baseline {
        source: baseline::PAPER_CITATION,
        air_quality: baseline::air_quality(),
        air_quality_notes: &baseline::PAPER_NOTES,
        generation: &baseline::GENERATION_2016_2020,
        generation_unit_as_printed: baseline::GENERATION_UNIT_AS_PRINTED,
        generation_unit_note: baseline::GENERATION_UNIT_NOTE,
    })
}
