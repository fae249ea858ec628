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

pub mod time;
pub mod trend;
