//! The indicator maths of the Industrial City Renewal Calculator.
//!
//! Everything here is a pure function on plain data: no I/O, no clock, no browser or wasm types,
//! and randomness only as a seeded argument. The same code runs natively (CLI, tests, benchmarks)
//! and in the browser (compiled to wasm by the app crate).
//!
//! One module per indicator family, named for what it computes. Standards and thresholds are
//! data tables inside their module, selected by an identifier; no breakpoint or limit is written
//! as a literal in the computing code.
//!
//! Errors carry data (the bad value, the index), not sentences: the app and the CLI turn them into
//! text in the user's language.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

/// Strategy advisor: rules from computed diagnostics to the paper's challenges and strategies.
pub mod advisor;
/// HJ 663 statistics: daily means, O3 MDA8, daily AQI, good-days ratio, annual means and percentiles.
pub mod air_statistics;
/// Air quality index under HJ 633-2012/2026 and US EPA 2024/pre-2024: IAQI, AQI, category, inverse.
pub mod aqi;
/// The paper audit: Table 1 recomputed under HJ 633-2012/2026 next to its printed values.
pub mod audit;
/// Annual compliance with GB 3095-2012/2026 (grades I, II) and WHO 2021 guidelines and interim targets.
pub mod compliance;
/// Composite index: normalisation, entropy/CRITIC weights, TOPSIS, robustness, working table.
pub mod composite;
/// Resource depletion: extraction ratio, reserve-to-production years, the paper's depleted-city test.
pub mod depletion;
/// Energy transition: generation mix, growth, capacity factors, CO2 avoided; energy units.
pub mod energy;
/// Population and talent: change, CAGR, net migration, age structure, tertiary share.
pub mod population;
/// Industrial structure: sector shares, HHI, Shannon entropy and evenness, export concentration.
pub mod structure;
/// Civil (time-zone-free) dates and hours.
pub mod time;
/// Trends: change, CAGR, Mann–Kendall (and autocorrelation-robust variants), Theil–Sen, Open SDG progress.
pub mod trend;
/// Concentration units of gases (µg/m³ ↔ ppb, mg/m³ ↔ ppm) at 25 °C and 1 atm.
pub mod units;
