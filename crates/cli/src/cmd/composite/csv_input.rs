//! Reading `renewal composite`'s table: long (`entity,year,indicator,value`) or wide
//! (`entity,year,<indicator columns>`), through the data crate's pieces (CSV/TSV/semicolon,
//! decimal comma, thousands separators, BOM/GBK, XLSX/ODS; see [`super::super::table_input`]).
//!
//! # Errors
//! The indicator names are the user's own, so no catalogue applies. A rejected cell (a value that
//! is not a number, NaN, an Excel error, a year that is not a year) is an input error listing every
//! located message: a TOPSIS score is relative to the whole set of alternatives, so leaving one
//! out would silently change every other score.

use super::super::table_input::{self, LangArg};
use crate::output::CliError;
use renewal_calc::composite::Alternative;
use std::collections::HashMap;
use std::path::Path;

/// Input layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Long if the header is exactly `entity,year,indicator,value`, wide otherwise.
    Auto,
    /// `entity,year,indicator,value`, one value per line.
    Long,
    /// `entity,year,<indicator columns>`, one alternative per line.
    Wide,
}

/// Raw table read from the file.
pub(super) struct Table {
    pub(super) alternatives: Vec<Alternative>,
    pub(super) indicators: Vec<String>,
    pub(super) rows: Vec<Vec<f64>>,
}

const ENTITY: &[&str] = &["entity", "city", "城市", "地区"];
const YEAR: &[&str] = &["year", "年份", "年"];

/// Read the file in the given (or detected) layout. Errors name the row and column.
pub(super) fn read_table(path: &Path, format: Format, lang: LangArg) -> Result<Table, CliError> {
    let t = table_input::Table::read(path, lang.into())?;
    let header: Vec<String> = t.headers().to_vec();
    if t.column(ENTITY) != Some(0) || t.column(YEAR) != Some(1) {
        return Err(CliError::Input(format!(
            "{}: the header must start with entity,year (got {})",
            path.display(),
            header.join(",")
        )));
    }
    let lower: Vec<String> = header.iter().map(|h| h.trim().to_lowercase()).collect();
    let is_long = lower.get(2..) == Some(&["indicator".to_string(), "value".to_string()][..]);
    let long = match format {
        Format::Auto => is_long,
        Format::Long if !is_long => {
            return Err(CliError::Input(format!(
                "{}: long format needs the header entity,year,indicator,value",
                path.display()
            )))
        }
        Format::Long => true,
        Format::Wide => false,
    };
    let place = |r: usize| format!("{} row {}", path.display(), t.line(r));
    let mut alternatives: Interned<Alternative> = Interned::default();
    let mut indicators: Interned<String> = Interned::default();
    let mut cells: HashMap<(usize, usize), f64> = HashMap::new();
    if long {
        for r in 0..t.len() {
            let (entity, name) = (t.text(r, 0), t.text(r, 2));
            let (year, value) = (t.year(r, 1), t.number(r, 3));
            if entity.is_empty() || name.is_empty() {
                return Err(CliError::Input(format!(
                    "{}: empty entity or indicator",
                    place(r)
                )));
            }
            let (Some(year), Some(value)) = (year, value) else {
                continue;
            };
            let i = alternatives.index_of(Alternative { entity, year });
            let j = indicators.index_of(name);
            if cells.insert((i, j), value).is_some() {
                return Err(CliError::Input(format!(
                    "{}: a second value for {} {} {}",
                    place(r),
                    alternatives.list.get(i).map_or("", |a| a.entity.as_str()),
                    alternatives.list.get(i).map_or(0, |a| a.year),
                    indicators.list.get(j).map_or("", String::as_str)
                )));
            }
        }
    } else {
        for name in header.get(2..).unwrap_or_default() {
            if indicators.index.contains_key(name) {
                return Err(CliError::Input(format!(
                    "{}: indicator column {name:?} appears twice",
                    path.display(),
                )));
            }
            indicators.index_of(name.clone());
        }
        for r in 0..t.len() {
            let entity = t.text(r, 0);
            if entity.is_empty() {
                return Err(CliError::Input(format!("{}: empty entity", place(r))));
            }
            let Some(year) = t.year(r, 1) else { continue };
            let alt = Alternative { entity, year };
            if alternatives.index.contains_key(&alt) {
                return Err(CliError::Input(format!(
                    "{}: {} {} appears twice",
                    place(r),
                    alt.entity,
                    alt.year
                )));
            }
            let i = alternatives.index_of(alt);
            for j in 0..indicators.list.len() {
                if let Some(v) = t.number(r, j + 2) {
                    cells.insert((i, j), v);
                }
            }
        }
    }
    t.strict()?;
    let (alternatives, indicators) = (alternatives.list, indicators.list);
    if indicators.is_empty() {
        return Err(CliError::Input(format!(
            "{}: no indicator columns",
            path.display()
        )));
    }
    let mut rows = Vec::with_capacity(alternatives.len());
    for (i, alt) in alternatives.iter().enumerate() {
        let mut row = Vec::with_capacity(indicators.len());
        for (j, name) in indicators.iter().enumerate() {
            let v = cells.get(&(i, j)).copied().ok_or_else(|| {
                CliError::Input(format!(
                    "{}: no value for {} {} {name} (every alternative needs every indicator)",
                    path.display(),
                    alt.entity,
                    alt.year
                ))
            })?;
            row.push(v);
        }
        rows.push(row);
    }
    Ok(Table {
        alternatives,
        indicators,
        rows,
    })
}

/// Items in order of first appearance, with a hash index (large files stay linear).
struct Interned<T> {
    list: Vec<T>,
    index: HashMap<T, usize>,
}

impl<T> Default for Interned<T> {
    fn default() -> Self {
        Self {
            list: Vec::new(),
            index: HashMap::new(),
        }
    }
}

impl<T: Clone + Eq + std::hash::Hash> Interned<T> {
    /// Index of `item`, appending it if new.
    fn index_of(&mut self, item: T) -> usize {
        if let Some(&k) = self.index.get(&item) {
            return k;
        }
        let k = self.list.len();
        self.index.insert(item.clone(), k);
        self.list.push(item);
        k
    }
}
