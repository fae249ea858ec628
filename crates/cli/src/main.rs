//! `renewal`: the Industrial City Renewal Calculator on the command line.
//!
//! Each subcommand runs one indicator family over the same crates the browser app uses and prints
//! one JSON object on stdout. Errors go to stderr with a non-zero exit code:
//! 1 for bad input data, 2 for bad arguments (clap's convention); `report` adds 3 for nothing
//! read or output not written (its `--help`).

mod cmd;
mod output;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// The Industrial City Renewal Calculator: the paper's indicators for one or many cities.
#[derive(Debug, Parser)]
#[command(name = "renewal", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print the built-in Northeast China baseline (the paper's Table 1 and Figure 2).
    Baseline(cmd::baseline::Args),
    /// Resource depletion: extraction ratio, reserve years, the paper's depleted-city test.
    Depletion(cmd::depletion::Args),
    /// Energy transition: generation mix, growth, capacity factors, CO2 avoided.
    Energy(cmd::energy::Args),
    /// Industrial structure: sector shares, HHI, evenness; export concentration.
    Structure(cmd::structure::Args),
    /// Population and talent: change, net migration, age structure, tertiary share.
    Population(cmd::population::Args),
    /// Strategy advisor: which numbers point to which of the paper's challenges and strategies.
    Advise(cmd::advise::Args),
    /// Composite index (TOPSIS) over (entity, year) alternatives from a CSV file.
    Composite(cmd::composite::Args),
    /// AQI, category and primary pollutant of concentrations (HJ 633-2012/2026, US EPA).
    Aqi(cmd::aqi::Args),
    /// Concentration ranges of every pollutant for an AQI value or a category.
    AqiInverse(cmd::aqi_inverse::Args),
    /// Daily AQI and HJ 663 annual statistics of an hourly or daily CSV, with GB 3095/WHO checks.
    AirAnnual(cmd::air_annual::Args),
    /// The paper's Table 1 recomputed under HJ 633-2012 and 2026, mismatches flagged.
    AuditPaper(cmd::audit_paper::Args),
    /// Trend of a `year,value` series: Mann–Kendall, Sen's slope, change, CAGR, progress status.
    Trend(cmd::trend::Args),
    /// Parse a paste, CSV/TSV, XLSX or ODS file: summary, column mapping and located rejections.
    Parse(cmd::parse::Args),
    /// The Northeast context dataset (population, industry, resource cities), a series with its
    /// breaks, or the province comparison.
    Context(cmd::context::Args),
    /// Whether a city is on the verified resource-exhausted list or in the 2013 plan's Northeast
    /// classification.
    ResourceCity(cmd::resource_city::Args),
    /// Every applicable family on one or more files: JSON, long CSV and a Markdown summary.
    Report(cmd::report::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Baseline(args) => cmd::baseline::run(args),
        Command::Depletion(args) => cmd::depletion::run(args),
        Command::Energy(args) => cmd::energy::run(args),
        Command::Structure(args) => cmd::structure::run(args),
        Command::Population(args) => cmd::population::run(args),
        Command::Advise(args) => cmd::advise::run(args),
        Command::Composite(args) => cmd::composite::run(args),
        Command::Aqi(args) => cmd::aqi::run(args),
        Command::AqiInverse(args) => cmd::aqi_inverse::run(args),
        Command::AirAnnual(args) => cmd::air_annual::run(args),
        Command::AuditPaper(args) => cmd::audit_paper::run(args),
        Command::Trend(args) => cmd::trend::run(args),
        Command::Parse(args) => cmd::parse::run(args),
        Command::Context(args) => cmd::context::run(args),
        Command::ResourceCity(args) => cmd::resource_city::run(args),
        Command::Report(args) => cmd::report::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("renewal: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}
