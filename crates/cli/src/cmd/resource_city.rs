//! `renewal resource-city NAME`: whether a city is on the verified resource-exhausted list or in
//! the 2013 plan's Northeast classification, with batch, year, category and source, as JSON.

use crate::output::{print_json, CliError};
use renewal_data::context::resource_city_status;

/// Options of `renewal resource-city`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  renewal resource-city 阜新
  renewal resource-city \"Yichun, Heilongjiang\"")]
pub struct Args {
    /// City name in Chinese or English (阜新, 阜新市, Fuxin, "Fuxin City", "Yichun, Heilongjiang").
    name: String,
}

/// Print the lookup. A name that matches nothing is a valid answer ("not on the verified list"),
/// printed with exit code 0; only an empty name is an error.
pub fn run(args: Args) -> Result<(), CliError> {
    if args.name.trim().is_empty() {
        return Err(CliError::Usage("the city name is empty".into()));
    }
    print_json(&resource_city_status(&args.name))
}
