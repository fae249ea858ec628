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
//!
//! Ingestion starts at [`parse_table`] (bytes of a paste, CSV, TSV, XLSX, XLS or ODS) and returns
//! a [`ParsedTable`]: accepted values per city, indicator and time in canonical units, every
//! rejected cell located with its reason in English and Chinese, the column mapping, and a
//! summary. The modules, by what they do: [`delimited`] (encoding, delimiter, quotes), [`xlsx`]
//! (workbooks), [`number`] (decimal marks, thousands separators, Excel errors), [`indicator`] (the
//! catalogue and the one synonym table), [`units`] (detection and conversion), [`time`] (years,
//! dates, hours), [`layout`] (header row; wide, long, years-across), [`validate`] (rejections,
//! issues, summary), [`template`] (CSV and XLSX templates per family) and [`example_city`] (the
//! fictional example city).
//!
//! ```
//! use renewal_data::{parse_table, IndicatorId, ParseOptions, TimeKey};
//! let paste = "城市\t年份\tPM2.5\n示例市\t2014\t52\n示例市\t2015\t-3\n";
//! let t = parse_table(paste.as_bytes(), &ParseOptions::default()).unwrap();
//! assert_eq!(t.value(Some("示例市"), IndicatorId::Pm25, TimeKey::Year(2014)), Some(52.0));
//! assert_eq!(t.rejections[0].message(renewal_data::Lang::En),
//!            "row 3, column C (PM2.5): \"-3\": negative concentration -3");
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod baseline;
pub mod context;
pub mod delimited;
pub mod example_city;
pub mod grid;
pub mod indicator;
pub mod lang;
pub mod layout;
pub mod number;
pub mod table;
pub mod template;
pub mod time;
pub mod units;
pub mod validate;
pub mod xlsx;

pub use indicator::{ColumnRole, Family, IndicatorId};
pub use lang::Lang;
pub use table::{
    parse_table, parse_text, ColumnMapping, ColumnOverride, ParseOptions, ParsedTable, Point,
    Series, Source, TableError,
};
pub use time::TimeKey;
pub use units::Unit;
pub use validate::{RejectKind, Rejection, Summary, TableIssue};
