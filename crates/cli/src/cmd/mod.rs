//! One module per subcommand: its clap `Args` and a `run` that prints JSON.

pub mod aqi;
pub mod aqi_inverse;
pub mod baseline;
