//! `renewal`: the Industrial City Renewal Calculator on the command line.
//!
//! Each subcommand runs one indicator family over the same crates the browser app uses and prints
//! one JSON object on stdout. Errors go to stderr with a non-zero exit code:
//! 1 for bad input data, 2 for bad arguments (clap's convention).

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
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("renewal: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}
