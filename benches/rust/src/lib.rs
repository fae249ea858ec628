//! Benchmark 1 in the browser: an hourly CSV (`timestamp,pm25,pm10,so2,no2,co,o3`, as written by
//! `cargo xtask bench`) to daily AQI (HJ 633-2026) and HJ 663 annual statistics, with the options
//! of `renewal air-annual --standard hj633-2026` (grade II). The same function is compiled to
//! wasm (driven in headless Chromium) and natively (`air-native`), so the ratio compares
//! compilers and runtimes, not two programs.
//!
//! The reader is deliberately small (it is not the CLI's: the CLI is a binary crate): timestamps
//! `YYYY-MM-DD HH:00` labelled by their start, empty cells and `NA` missing.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

use renewal_calc::air_statistics::{evaluate_hourly, HourlyValue, Options, HJ663};
use renewal_calc::aqi::{Pollutant, StandardId};
use renewal_calc::compliance::{limits, LimitSet, Metric};
use renewal_calc::time::{CivilDate, CivilHour};

fn stamp(s: &str) -> Option<CivilHour> {
    let (date, time) = s.trim().split_once([' ', 'T'])?;
    let mut d = date.split('-');
    let y = d.next()?.parse().ok()?;
    let m = d.next()?.parse().ok()?;
    let day = d.next()?.parse().ok()?;
    let h = time.split(':').next()?.parse().ok()?;
    CivilHour::new(y, m, day, h).ok()
}

/// Read the CSV, evaluate, and return `{"rows": n, "annual": [...]}` (the `annual` array of
/// `renewal air-annual`'s output).
///
/// # Errors
/// A message naming the row for an unreadable timestamp or cell, or the evaluation's error.
pub fn evaluate_csv(text: &str) -> Result<String, String> {
    let (rows, series) = read_series(text)?;
    evaluate(rows, &series)
}

/// One series of hourly values per pollutant column.
pub type Series = Vec<(Pollutant, Vec<HourlyValue>)>;

/// The reading half of [`evaluate_csv`]: rows read and the series.
///
/// # Errors
/// As [`evaluate_csv`].
pub fn read_series(text: &str) -> Result<(usize, Series), String> {
    let mut lines = text.lines();
    let header = lines.next().ok_or("empty file")?;
    let mut series: Series = Vec::new();
    for name in header.split(',').skip(1) {
        let p = Pollutant::from_key(name.trim().to_ascii_lowercase().as_str())
            .ok_or_else(|| format!("column {name:?}: not a pollutant"))?;
        series.push((p, Vec::new()));
    }
    let mut rows = 0usize;
    for (i, line) in lines.enumerate() {
        if line.is_empty() {
            continue;
        }
        let mut cells = line.split(',');
        let hour = cells
            .next()
            .and_then(stamp)
            .ok_or_else(|| format!("row {}: bad timestamp", i + 2))?;
        for ((_, values), cell) in series.iter_mut().zip(cells) {
            let c = cell.trim();
            if c.is_empty() || c.eq_ignore_ascii_case("na") || c == "-" {
                continue;
            }
            let v: f64 = c
                .parse()
                .map_err(|_| format!("row {}: {c:?} is not a number", i + 2))?;
            values.push(HourlyValue {
                hour,
                concentration: v,
            });
        }
        rows += 1;
    }
    Ok((rows, series))
}

/// The computing half of [`evaluate_csv`]: daily AQI and HJ 663 statistics, annual JSON.
///
/// # Errors
/// The evaluation's error.
pub fn evaluate(rows: usize, series: &[(Pollutant, Vec<HourlyValue>)]) -> Result<String, String> {
    let set = CivilDate::new(2026, 12, 31)
        .ok()
        .and_then(LimitSet::for_date)
        .unwrap_or(LimitSet::Gb3095_2026Transition);
    let o3_limit = limits(set)
        .iter()
        .find(|l| l.metric == Metric::O3_8h)
        .map(|l| l.grade_ii);
    let options = Options {
        standard: StandardId::CnHj633_2026,
        rules: HJ663,
        mda8_exceedance_limit_ug_m3: o3_limit,
    };
    let e = evaluate_hourly(&options, series).map_err(|e| e.to_string())?;
    let annual = serde_json::to_string(&e.annual).map_err(|e| e.to_string())?;
    Ok(format!("{{\"rows\":{rows},\"annual\":{annual}}}"))
}

/// The wasm entry: [`evaluate_csv`], errors as JS exceptions.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn air_annual(text: &str) -> Result<String, wasm_bindgen::JsError> {
    evaluate_csv(text).map_err(|e| wasm_bindgen::JsError::new(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_days_give_two_daily_reports_and_no_valid_annual_statistic() {
        let mut csv = String::from("timestamp,pm25,o3\n");
        for d in 1..=2 {
            for h in 0..24 {
                csv.push_str(&format!("2024-01-0{d} {h:02}:00,40,NA\n"));
            }
        }
        let out = evaluate_csv(&csv).unwrap();
        assert!(out.starts_with("{\"rows\":48,\"annual\":[{\"year\":2024"));
        // Two days cannot make a valid year (>= 324 days): the annual mean is null.
        assert!(out.contains("\"statistic\":\"annual_mean\",\"value\":null,\"days\":2"));
        assert!(evaluate_csv("timestamp,pm25\n2024-13-01 00:00,1\n").is_err());
        assert!(evaluate_csv("timestamp,xx\n").is_err());
    }
}
