//! One module per subcommand: its clap `Args` and a `run` that prints JSON.

pub mod air_annual;
pub mod aqi;
pub mod aqi_inverse;
pub mod audit_paper;
pub mod baseline;
mod hourly_csv;

// Indicator families (issue 4: depletion, energy, structure, population, advisor).
pub mod advise;
pub mod composite;
pub mod depletion;
pub mod energy;
pub mod parse;
pub mod population;
pub mod structure;
mod table_input;
pub mod trend;

// Northeast context dataset (issue 9).
pub mod context;
pub mod resource_city;

// Every family over many files (issue 8).
pub mod report;
