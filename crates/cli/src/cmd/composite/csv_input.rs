//! Reading `renewal composite`'s CSV: long (`entity,year,indicator,value`) or wide
//! (`entity,year,<indicator columns>`), with line numbers in every error.

use crate::output::CliError;
use renewal_calc::composite::Alternative;
use std::collections::HashMap;
use std::path::PathBuf;

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

/// Raw table read from the CSV.
pub(super) struct Table {
    pub(super) alternatives: Vec<Alternative>,
    pub(super) indicators: Vec<String>,
    pub(super) rows: Vec<Vec<f64>>,
}

/// Read the CSV in the given (or detected) layout. Errors name the line.
pub(super) fn read_table(path: &PathBuf, format: Format) -> Result<Table, CliError> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_path(path)
        .map_err(|e| csv_error(path, e))?;
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| csv_error(path, e))?
        .iter()
        .map(str::to_string)
        .collect();
    let lower: Vec<String> = header.iter().map(|h| h.to_ascii_lowercase()).collect();
    if lower.first().map(String::as_str) != Some("entity")
        || lower.get(1).map(String::as_str) != Some("year")
    {
        return Err(CliError::Input(format!(
            "{}: the header must start with entity,year (got {})",
            path.display(),
            header.join(",")
        )));
    }
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
    let mut records = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(path, e))?;
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(str::is_empty) {
            continue;
        }
        records.push((line, record));
    }
    let place = |line: u64| format!("{} line {line}", path.display());
    let year_of = |line: u64, s: &str| {
        s.parse::<i32>()
            .map_err(|_| CliError::Input(format!("{}: year {s:?} is not an integer", place(line))))
    };
    let value_of = |line: u64, column: &str, s: &str| match s.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => Err(CliError::Input(format!(
            "{}: {column} value {s:?} is not a finite number",
            place(line)
        ))),
    };
    let mut alternatives: Interned<Alternative> = Interned::default();
    let mut indicators: Interned<String> = Interned::default();
    let mut cells: HashMap<(usize, usize), f64> = HashMap::new();
    if long {
        for (line, r) in &records {
            let field = |k: usize| r.get(k).unwrap_or_default();
            if r.len() != 4 {
                return Err(CliError::Input(format!(
                    "{}: expected 4 fields, got {}",
                    place(*line),
                    r.len()
                )));
            }
            let alt = Alternative {
                entity: field(0).to_string(),
                year: year_of(*line, field(1))?,
            };
            let name = field(2).to_string();
            if alt.entity.is_empty() || name.is_empty() {
                return Err(CliError::Input(format!(
                    "{}: empty entity or indicator",
                    place(*line)
                )));
            }
            let value = value_of(*line, &name, field(3))?;
            let i = alternatives.index_of(alt);
            let j = indicators.index_of(name);
            if cells.insert((i, j), value).is_some() {
                return Err(CliError::Input(format!(
                    "{}: a second value for {} {} {}",
                    place(*line),
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
        for (line, r) in &records {
            let alt = Alternative {
                entity: r.get(0).unwrap_or_default().to_string(),
                year: year_of(*line, r.get(1).unwrap_or_default())?,
            };
            if alt.entity.is_empty() {
                return Err(CliError::Input(format!("{}: empty entity", place(*line))));
            }
            if alternatives.index.contains_key(&alt) {
                return Err(CliError::Input(format!(
                    "{}: {} {} appears twice",
                    place(*line),
                    alt.entity,
                    alt.year
                )));
            }
            let i = alternatives.index_of(alt);
            for (j, name) in indicators.list.iter().enumerate() {
                let raw = r.get(j + 2).unwrap_or_default();
                if raw.is_empty() {
                    return Err(CliError::Input(format!(
                        "{}: no value for {name}",
                        place(*line)
                    )));
                }
                cells.insert((i, j), value_of(*line, name, raw)?);
            }
        }
    }
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

fn csv_error(path: &std::path::Path, e: csv::Error) -> CliError {
    let line = e.position().map(|p| format!(" line {}", p.line()));
    CliError::Input(format!(
        "{}{}: {e}",
        path.display(),
        line.unwrap_or_default()
    ))
}
