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
    /// Parse a paste, CSV/TSV, XLSX or ODS file: summary, column mapping and located rejections.
    Parse(cmd::parse::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Baseline(args) => cmd::baseline::run(args),
        Command::Parse(args) => cmd::parse::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("renewal: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}
