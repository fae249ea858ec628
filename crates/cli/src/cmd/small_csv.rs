//! Reading the small CSV files of the indicator-family subcommands (depletion, energy,
//! structure, population, advise), with errors that name the file, line and column.
//!
//! A stop-gap shared by those five subcommands until the data crate's general paste/CSV parser
//! lands: comma-separated, a header row, `#` comment lines, surrounding spaces trimmed, header
//! names matched case-insensitively, `-` as the path reads stdin.

use crate::output::CliError;
use std::io::Read;
use std::path::Path;

/// A parsed file: its header and its data rows with their line numbers.
pub struct Table {
    name: String,
    headers: Vec<String>,
    rows: Vec<(u64, csv::StringRecord)>,
}

fn csv_error(name: &str, e: &csv::Error) -> CliError {
    let line = e.position().map(|p| p.line()).unwrap_or(0);
    CliError::Input(format!("{name}, line {line}: {e}"))
}

impl Table {
    /// Reads `path` (or stdin for `-`).
    pub fn read(path: &Path) -> Result<Self, CliError> {
        let name = path.display().to_string();
        let text = if name == "-" {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s)?;
            s
        } else {
            std::fs::read_to_string(path)
                .map_err(|e| CliError::Input(format!("cannot read {name}: {e}")))?
        };
        Self::parse(&name, &text)
    }

    /// Parses CSV text; `name` is used in messages.
    pub fn parse(name: &str, text: &str) -> Result<Self, CliError> {
        let mut reader = csv::ReaderBuilder::new()
            .trim(csv::Trim::All)
            .comment(Some(b'#'))
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| csv_error(name, &e))?
            .iter()
            .map(|h| h.to_ascii_lowercase())
            .collect();
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| csv_error(name, &e))?;
            let line = record.position().map(|p| p.line()).unwrap_or(0);
            if record.iter().all(str::is_empty) {
                continue;
            }
            rows.push((line, record));
        }
        if rows.is_empty() {
            return Err(CliError::Input(format!("{name}: no data rows")));
        }
        Ok(Self {
            name: name.to_string(),
            headers,
            rows,
        })
    }

    /// The index of the first header equal to one of `names` (case-insensitive).
    pub fn column(&self, names: &[&str]) -> Option<usize> {
        self.headers
            .iter()
            .position(|h| names.iter().any(|n| h == &n.to_ascii_lowercase()))
    }

    /// Like [`Table::column`], but a missing column is an error.
    pub fn require(&self, names: &[&str]) -> Result<usize, CliError> {
        self.column(names).ok_or_else(|| {
            CliError::Input(format!(
                "{}: missing column {} (found: {})",
                self.name,
                names.join(" or "),
                self.headers.join(", ")
            ))
        })
    }

    /// Number of data rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// The trimmed text of a cell ("" when the row is short).
    pub fn text(&self, row: usize, col: usize) -> &str {
        self.rows
            .get(row)
            .and_then(|(_, r)| r.get(col))
            .unwrap_or("")
    }

    /// An error about a cell, located by file, line and column.
    pub fn cell_error(&self, row: usize, col: usize, what: &str) -> CliError {
        let line = self.rows.get(row).map(|(l, _)| *l).unwrap_or(0);
        let header = self.headers.get(col).map(String::as_str).unwrap_or("?");
        CliError::Input(format!(
            "{}, line {line}, column {header:?}: {:?} {what}",
            self.name,
            self.text(row, col)
        ))
    }

    /// A required number.
    pub fn number(&self, row: usize, col: usize) -> Result<f64, CliError> {
        self.opt_number(row, Some(col))?
            .ok_or_else(|| self.cell_error(row, col, "is empty, a number is required"))
    }

    /// An optional number: absent column or empty cell gives `None`.
    pub fn opt_number(&self, row: usize, col: Option<usize>) -> Result<Option<f64>, CliError> {
        let Some(col) = col else { return Ok(None) };
        let t = self.text(row, col);
        if t.is_empty() {
            return Ok(None);
        }
        match t.parse::<f64>() {
            Ok(v) if v.is_finite() => Ok(Some(v)),
            _ => Err(self.cell_error(row, col, "is not a number")),
        }
    }

    /// A required calendar year.
    pub fn year(&self, row: usize, col: usize) -> Result<i32, CliError> {
        self.text(row, col)
            .parse::<i32>()
            .map_err(|_| self.cell_error(row, col, "is not a year"))
    }

    /// An optional yes/no flag (yes/no, true/false, 1/0, y/n, 是/否); empty or absent is no.
    pub fn flag(&self, row: usize, col: Option<usize>) -> Result<bool, CliError> {
        let Some(col) = col else { return Ok(false) };
        match self.text(row, col).to_ascii_lowercase().as_str() {
            "" | "no" | "n" | "false" | "0" | "否" => Ok(false),
            "yes" | "y" | "true" | "1" | "是" => Ok(true),
            _ => Err(self.cell_error(row, col, "is not yes/no")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_header_comments_and_optional_cells() {
        let t = Table::parse(
            "t.csv",
            "# note\nYear, Value ,flag\n2020, 1.5,yes\n2021,,\n",
        )
        .unwrap();
        assert_eq!(t.len(), 2);
        let (y, v, f) = (
            t.require(&["year"]).unwrap(),
            t.column(&["value"]),
            t.column(&["flag"]),
        );
        assert_eq!(t.year(0, y).unwrap(), 2020);
        assert_eq!(t.opt_number(0, v).unwrap(), Some(1.5));
        assert_eq!(t.opt_number(1, v).unwrap(), None);
        assert!(t.flag(0, f).unwrap());
        assert!(!t.flag(1, f).unwrap());
    }

    #[test]
    fn errors_name_the_line_and_column() {
        let t = Table::parse("t.csv", "year,value\n2020,abc\n").unwrap();
        let e = t.number(0, 1).unwrap_err().to_string();
        assert_eq!(
            e,
            "t.csv, line 2, column \"value\": \"abc\" is not a number"
        );
        assert!(t.require(&["nope"]).is_err());
        assert!(Table::parse("e.csv", "year,value\n").is_err());
    }
}
