//! One module per subcommand: its clap `Args` and a `run` that prints JSON.

pub mod air_annual;
pub mod aqi;
pub mod aqi_inverse;
pub mod audit_paper;
pub mod baseline;
