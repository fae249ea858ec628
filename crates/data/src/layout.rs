//! Where the header is, and how the table is laid out.
//!
//! - **Wide**: one row per year/date/hour, one column per indicator, an optional city column
//!   (several cities are several blocks of rows).
//! - **Long**: city, time, indicator name, value[, unit] — one value per row.
//! - **Years across**: the statistical-yearbook shape, one row per indicator and one column per
//!   year (`指标, 2014, 2015, …`).

use crate::grid::{CellRef, Grid, Row};
use crate::indicator::{recognise, ColumnRole};
use crate::time::{parse_time, TimeKey};

/// The table's shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Layout {
    /// One row per time, one column per indicator.
    Wide,
    /// One row per value: city, time, indicator, value[, unit].
    Long,
    /// One row per indicator, one column per year.
    YearsAcross,
}

/// How many rows from the top may hold titles and notes before the header.
pub const HEADER_SEARCH_ROWS: usize = 20;

/// A cell's text for header purposes (a workbook number is printed: `2014`).
pub fn header_text(row: &Row, i: usize) -> String {
    match row.get(i) {
        Some(CellRef::Text(t)) => t.trim().to_string(),
        Some(CellRef::Number(n)) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{n:.0}"),
        Some(CellRef::Number(n)) => format!("{n}"),
        None => String::new(),
    }
}

/// Whether a header cell is a year (for the years-across layout).
pub fn is_year_header(text: &str) -> bool {
    matches!(parse_time(text), Ok(TimeKey::Year(_)))
}

/// Index (into `grid.rows`) of the header row: the first of the top rows with at least two filled
/// cells of which one is a known header (or two are years); failing that the first row of two or
/// more filled cells that are mostly not numbers; failing that the first non-blank row.
pub fn find_header(grid: &Grid) -> Option<usize> {
    let top = grid.rows.iter().enumerate().take(HEADER_SEARCH_ROWS);
    for (i, row) in top.clone() {
        if row.filled() < 2 {
            continue;
        }
        let texts: Vec<String> = (0..row.len()).map(|c| header_text(row, c)).collect();
        let known = texts
            .iter()
            .filter(|t| !t.is_empty() && recognise(t).role != ColumnRole::Unknown)
            .count();
        let years = texts.iter().filter(|t| is_year_header(t)).count();
        if known >= 1 || years >= 2 {
            return Some(i);
        }
    }
    for (i, row) in top {
        let filled = row.filled();
        if filled < 2 {
            continue;
        }
        let numeric = (0..row.len())
            .filter(|&c| match row.get(c) {
                Some(CellRef::Number(_)) => true,
                Some(CellRef::Text(t)) => {
                    matches!(crate::number::scan(t), crate::number::Scan::Number(_))
                }
                None => false,
            })
            .count();
        if numeric * 2 < filled {
            return Some(i);
        }
    }
    grid.rows.iter().position(|r| !r.is_blank())
}

/// Choose the layout from the column roles and the header texts.
pub fn detect_layout(roles: &[ColumnRole], headers: &[String]) -> Layout {
    let has = |r: ColumnRole| roles.contains(&r);
    if has(ColumnRole::IndicatorName) && has(ColumnRole::Value) {
        return Layout::Long;
    }
    let years = headers.iter().filter(|h| is_year_header(h)).count();
    if !has(ColumnRole::Time) && years >= 2 {
        return Layout::YearsAcross;
    }
    Layout::Wide
}
