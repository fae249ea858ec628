//! Data side of the Industrial City Renewal Calculator.
//!
//! Parsing of pasted and uploaded tables, validation with located errors, unit handling, time
//! aggregation, and the built-in Northeast China baselines. No DOM and no I/O beyond the bytes it
//! is given: the app and the CLI read files and hand the contents over, so everything here also
//! compiles to wasm and is tested natively.
//!
//! The built-in baseline is [`baseline`]: the paper's Table 1 (air quality 2014–2022) and
//! Figure 2 (solar and wind generation 2016 vs 2020), each value as printed, with provenance.
//!
//! ```
//! let table1 = renewal_data::baseline::air_quality();
//! assert_eq!(table1.len(), 9);
//! assert_eq!(table1[0].year, 2014);
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod baseline;
pub mod context;
