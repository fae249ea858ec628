//! One module per subcommand: its clap `Args` and a `run` that prints JSON.

pub mod baseline;
pub mod parse;
