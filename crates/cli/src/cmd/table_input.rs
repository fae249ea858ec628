//! Reading the tables of the subcommands whose columns are not indicators of the data crate's
//! catalogue (energy sources, sectors, diagnostics, composite indicators …), through the data
//! crate's pieces so the same input forms work everywhere: UTF-8 with or without BOM, UTF-16,
//! GBK ([`renewal_data::delimited::decode`]); comma, semicolon, tab or pipe
//! ([`renewal_data::delimited::sniff_delimiter`]); XLSX, XLS and ODS
//! ([`renewal_data::xlsx::read_workbook`]); decimal comma, thousands separators, full-width
//! digits, Excel error cells and missing markers ([`renewal_data::number`], the decimal mark
//! chosen per column by [`renewal_data::number::decide_mark`]); years as the data crate reads them
//! ([`renewal_data::time::parse_time`]).
//!
//! The header is the first row that is not blank and not a `#` comment. Header names are matched
//! case-insensitively after dropping a unit in brackets (`发电量（亿千瓦时）` matches `发电量`).
//!
//! # Errors and rejections
//! A file that cannot be read, has no header or no data rows, or lacks a required column is an
//! input error. A bad cell is *rejected*, not fatal: the row (or, for an optional cell, only the
//! cell) is left out, the rejection is located like the data crate's
//! ([`renewal_data::Rejection`]: row as the source numbers it, column letter, header, raw text,
//! reason in the chosen language) and the command lists it on stderr and in its JSON under
//! `rejections`. Only when every row is rejected does the command fail (exit 1), with every
//! located message.

use std::cell::RefCell;
use std::io::Read;
use std::path::Path;

use renewal_data::delimited::{decode, read_grid, sniff_delimiter};
use renewal_data::grid::{column_letter, CellRef, Row};
use renewal_data::number::{decide_mark, evidence_of, scan, DecimalMark, MarkEvidence, Scan};
use renewal_data::time::{parse_time, TimeKey};
use renewal_data::validate::RejectKind;
use renewal_data::xlsx::{looks_like_workbook, read_workbook};
use renewal_data::Lang;

use crate::output::CliError;

/// `--lang en|zh` of the commands that read files: the language of located messages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum LangArg {
    /// English.
    #[default]
    En,
    /// Chinese.
    Zh,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::En => Lang::En,
            LangArg::Zh => Lang::Zh,
        }
    }
}

/// One rejected cell, located as the data crate locates them, with its message rendered.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Rejected {
    /// Row as the source numbers it (line of the text, row of the sheet), 1-based.
    pub row: usize,
    /// Column, 1-based.
    pub column: usize,
    /// Column letter (A, B, …).
    pub column_letter: String,
    /// The column's header as written.
    pub header: String,
    /// The cell's original text.
    pub raw: String,
    /// Why, in the chosen language.
    pub reason: String,
    /// The whole located message, in the chosen language.
    pub message: String,
}

/// Why a cell is rejected: one of the data crate's reasons, or a command's own (en, zh).
pub enum Reason {
    /// A reason of the data crate.
    Data(RejectKind),
    /// A command-specific reason in English and Chinese.
    Text(String, String),
}

impl From<RejectKind> for Reason {
    fn from(k: RejectKind) -> Self {
        Self::Data(k)
    }
}

/// A parsed file: header, data rows, the decimal mark of each column, and the rejections so far.
pub struct Table {
    name: String,
    lang: Lang,
    headers: Vec<String>,
    keys: Vec<String>,
    rows: Vec<Row>,
    marks: Vec<Option<DecimalMark>>,
    rejected: RefCell<Vec<Rejected>>,
}

/// A header as matched: lower case, trimmed, a trailing bracketed unit dropped.
fn key(header: &str) -> String {
    let h = header.trim().trim_start_matches('\u{feff}');
    let cut = h.find(['(', '（', '[', '【']).unwrap_or(h.len());
    h.get(..cut).unwrap_or(h).trim().to_lowercase()
}

fn cell_text(c: Option<CellRef<'_>>) -> String {
    match c {
        Some(CellRef::Text(t)) => t.trim().to_string(),
        Some(CellRef::Number(n)) => format!("{n}"),
        None => String::new(),
    }
}

impl Table {
    /// Reads `path` (or stdin for `-`).
    ///
    /// # Errors
    /// [`CliError::Input`] when the file cannot be read or has no data rows.
    pub fn read(path: &Path, lang: Lang) -> Result<Self, CliError> {
        let name = path.display().to_string();
        let bytes = if name == "-" {
            let mut b = Vec::new();
            std::io::stdin().read_to_end(&mut b)?;
            b
        } else {
            std::fs::read(path).map_err(|e| CliError::Input(format!("cannot read {name}: {e}")))?
        };
        Self::parse(&name, &bytes, lang)
    }

    /// Parses the bytes of a delimited text or a workbook; `name` is used in messages.
    ///
    /// # Errors
    /// [`CliError::Input`] for an unreadable workbook, or no data rows under the header.
    pub fn parse(name: &str, bytes: &[u8], lang: Lang) -> Result<Self, CliError> {
        Self::parse_with(name, bytes, lang, None)
    }

    /// Like [`Table::parse`]; with `headers`, a first row whose first cell is a number or a time
    /// is data, not a header, and the columns are named `headers`.
    ///
    /// # Errors
    /// As [`Table::parse`].
    pub fn parse_with(
        name: &str,
        bytes: &[u8],
        lang: Lang,
        headers: Option<&[&str]>,
    ) -> Result<Self, CliError> {
        let grid = if looks_like_workbook(bytes) {
            read_workbook(bytes, None)
                .map_err(|e| CliError::Input(format!("{name}: {e}")))?
                .0
        } else {
            let (text, _) = decode(bytes);
            read_grid(&text, sniff_delimiter(&text).unwrap_or(b','))
        };
        let is_comment =
            |r: &Row| matches!(r.get(0), Some(CellRef::Text(t)) if t.trim_start().starts_with('#'));
        let rows = grid
            .rows
            .into_iter()
            .filter(|r| !r.is_blank() && !is_comment(r));
        let mut rows = rows.peekable();
        let first = rows
            .peek()
            .ok_or_else(|| CliError::Input(format!("{name}: no data rows")))?;
        let first_is_data = match first.get(0) {
            Some(CellRef::Number(_)) => true,
            Some(CellRef::Text(t)) => matches!(scan(t), Scan::Number(_)) || parse_time(t).is_ok(),
            None => false,
        };
        let headers: Vec<String> = match headers {
            Some(h) if first_is_data => h.iter().map(|s| (*s).to_string()).collect(),
            _ => {
                let header = rows
                    .next()
                    .ok_or_else(|| CliError::Input(format!("{name}: no data rows")))?;
                (0..header.len())
                    .map(|i| cell_text(header.get(i)))
                    .collect()
            }
        };
        let keys = headers.iter().map(|h| key(h)).collect();
        let rows: Vec<Row> = rows.collect();
        if rows.is_empty() {
            return Err(CliError::Input(format!("{name}: no data rows")));
        }
        let mut evidence = vec![MarkEvidence::default(); headers.len()];
        let mut table = MarkEvidence::default();
        for r in &rows {
            for (i, e) in evidence.iter_mut().enumerate() {
                if let Some(CellRef::Text(t)) = r.get(i) {
                    if let Some(ev) = evidence_of(t) {
                        e.add(ev);
                        table.add(ev);
                    }
                }
            }
        }
        let marks = evidence
            .into_iter()
            .map(|e| decide_mark(e, table, None).0)
            .collect();
        Ok(Self {
            name: name.to_string(),
            lang,
            headers,
            keys,
            rows,
            marks,
            rejected: RefCell::new(Vec::new()),
        })
    }

    /// The index of the first header equal to one of `names` (case-insensitive, unit dropped).
    pub fn column(&self, names: &[&str]) -> Option<usize> {
        self.keys
            .iter()
            .position(|h| names.iter().any(|n| *h == n.to_lowercase()))
    }

    /// Like [`Table::column`], but a missing column is an error.
    ///
    /// # Errors
    /// [`CliError::Input`] naming the columns looked for and found.
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

    /// The headers as written.
    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// Number of data rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Cell `col` of data row `row` as the grid holds it (a workbook number stays a number).
    pub fn cell(&self, row: usize, col: usize) -> Option<CellRef<'_>> {
        self.rows.get(row).and_then(|r| r.get(col))
    }

    /// The trimmed text of a cell ("" when the row is short; a workbook number printed).
    pub fn text(&self, row: usize, col: usize) -> String {
        cell_text(self.rows.get(row).and_then(|r| r.get(col)))
    }

    /// The source row number of data row `row` (line of the text, row of the sheet).
    pub fn line(&self, row: usize) -> usize {
        self.rows.get(row).map_or(0, |r| r.line)
    }

    /// Record a rejection of cell (`row`, `col`).
    pub fn reject(&self, row: usize, col: usize, reason: impl Into<Reason>) {
        let reason = match reason.into() {
            Reason::Data(k) => k.message(self.lang),
            Reason::Text(en, zh) => self.lang.pick(&en, &zh).to_string(),
        };
        let line = self.line(row);
        let header = self.headers.get(col).cloned().unwrap_or_default();
        let raw = self.text(row, col);
        let letter = column_letter(col);
        let message = match self.lang {
            Lang::En => format!("row {line}, column {letter} ({header}): \"{raw}\": {reason}"),
            Lang::Zh => format!("第 {line} 行 {letter} 列（{header}）：“{raw}”：{reason}"),
        };
        self.rejected.borrow_mut().push(Rejected {
            row: line,
            column: col + 1,
            column_letter: letter,
            header,
            raw,
            reason,
            message,
        });
    }

    /// An optional number: absent column, empty cell or missing marker (`-`, `NA`, `缺测` …)
    /// gives `None`; so does a cell that is not a number, recorded as rejected (the row is kept).
    pub fn opt_number(&self, row: usize, col: Option<usize>) -> Option<f64> {
        self.read_number(row, col?).ok().flatten()
    }

    /// `Ok(None)` for a missing value, `Err(())` (recorded) for a rejected cell.
    fn read_number(&self, row: usize, col: usize) -> Result<Option<f64>, ()> {
        let cell = self.rows.get(row).and_then(|r| r.get(col));
        let result = match cell {
            None => return Ok(None),
            Some(CellRef::Number(n)) if n.is_finite() => return Ok(Some(n)),
            Some(CellRef::Number(_)) => Err(RejectKind::NotFinite),
            Some(CellRef::Text(t)) => match scan(t) {
                Scan::Missing => return Ok(None),
                Scan::Invalid(e) => Err(e.into()),
                Scan::Number(r) if r.unit.is_some() => Err(RejectKind::NotANumber),
                Scan::Number(r) => r
                    .resolve(self.marks.get(col).copied().flatten())
                    .map_err(RejectKind::from),
            },
        };
        result.map(Some).map_err(|k| self.reject(row, col, k))
    }

    /// A number, recorded as rejected when the cell is empty or not a number.
    pub fn number(&self, row: usize, col: usize) -> Option<f64> {
        match self.read_number(row, col) {
            Ok(Some(v)) => Some(v),
            Ok(None) => {
                self.reject(
                    row,
                    col,
                    Reason::Text(
                        "empty, a number is required".into(),
                        "为空，需要数值".into(),
                    ),
                );
                None
            }
            Err(()) => None,
        }
    }

    /// A non-negative number (`None` and recorded when negative or not a number).
    pub fn non_negative(&self, row: usize, col: usize) -> Option<f64> {
        let v = self.number(row, col)?;
        if v < 0.0 {
            self.reject(row, col, RejectKind::Negative { value: v });
            return None;
        }
        Some(v)
    }

    /// A calendar year (a workbook number or text the data crate reads as a year).
    pub fn year(&self, row: usize, col: usize) -> Option<i32> {
        let cell = self.rows.get(row).and_then(|r| r.get(col));
        let year = match cell {
            Some(CellRef::Number(n)) if n.fract() == 0.0 && (1.0..=9999.0).contains(&n) => {
                Some(n as i32)
            }
            Some(CellRef::Text(t)) => match parse_time(t) {
                Ok(TimeKey::Year(y)) => Some(y),
                _ => None,
            },
            _ => None,
        };
        if year.is_none() {
            self.reject(row, col, RejectKind::NotATime);
        }
        year
    }

    /// A time cell as the data crate reads it (ISO, `2024/1/5 13:00`, `2024年1月5日`, a
    /// workbook date), rejected with the data crate's reason when it is not one.
    pub fn time(&self, row: usize, col: usize) -> Option<TimeKey> {
        let parsed = match self.cell(row, col) {
            Some(CellRef::Text(t)) => parse_time(t),
            other => parse_time(&cell_text(other)),
        };
        match parsed {
            Ok(t) => Some(t),
            Err(e) => {
                self.reject(row, col, RejectKind::from(e));
                None
            }
        }
    }

    /// An optional yes/no flag (yes/no, true/false, 1/0, y/n, 是/否); empty or absent is no.
    pub fn flag(&self, row: usize, col: Option<usize>) -> Option<bool> {
        let Some(col) = col else { return Some(false) };
        match self.text(row, col).to_lowercase().as_str() {
            "" | "no" | "n" | "false" | "0" | "否" => Some(false),
            "yes" | "y" | "true" | "1" | "是" => Some(true),
            _ => {
                self.reject(
                    row,
                    col,
                    Reason::Text("not yes/no".into(), "不是“是/否”".into()),
                );
                None
            }
        }
    }

    /// How many cells were rejected so far.
    pub fn rejected_count(&self) -> usize {
        self.rejected.borrow().len()
    }

    /// Finish: the kept rows, or an input error when rows were read but every one was rejected.
    /// Each rejection is printed on stderr as a warning.
    ///
    /// # Errors
    /// [`CliError::Input`] with every located message when `kept` is empty.
    pub fn finish<T>(self, kept: Vec<T>) -> Result<(Vec<T>, Vec<Rejected>), CliError> {
        let rejected = self.rejected.into_inner();
        if kept.is_empty() {
            let mut msg = match self.lang {
                Lang::En => format!("{}: every row was rejected", self.name),
                Lang::Zh => format!("{}：所有行均被拒绝", self.name),
            };
            for r in &rejected {
                msg.push('\n');
                msg.push_str(&r.message);
            }
            return Err(CliError::Input(msg));
        }
        warn(&self.name, &rejected);
        Ok((kept, rejected))
    }
}

impl Table {
    /// Finish a command that cannot leave rows out (a composite index is relative to the whole
    /// set of alternatives): any rejection is an input error listing every located message.
    ///
    /// # Errors
    /// [`CliError::Input`] when a cell was rejected.
    pub fn strict(self) -> Result<(), CliError> {
        let rejected = self.rejected.into_inner();
        if rejected.is_empty() {
            return Ok(());
        }
        let mut msg = match self.lang {
            Lang::En => format!("{}: {} cell(s) rejected", self.name, rejected.len()),
            Lang::Zh => format!("{}：{} 个单元格被拒绝", self.name, rejected.len()),
        };
        for r in &rejected {
            msg.push('\n');
            msg.push_str(&r.message);
        }
        Err(CliError::Input(msg))
    }
}

/// Print located rejections on stderr as warnings.
pub fn warn(name: &str, rejected: &[Rejected]) {
    for r in rejected {
        eprintln!("renewal: warning: {name}: {}", r.message);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_header_comments_units_and_optional_cells() {
        let t = Table::parse(
            "t.csv",
            "# note\nYear, Value (万元) ,flag\n2020, 1.5,yes\n2021,,\n".as_bytes(),
            Lang::En,
        )
        .unwrap();
        assert_eq!(t.len(), 2);
        let (y, v, f) = (
            t.require(&["year"]).unwrap(),
            t.column(&["value"]),
            t.column(&["flag"]),
        );
        assert_eq!(t.year(0, y), Some(2020));
        assert_eq!(t.opt_number(0, v), Some(1.5));
        assert_eq!(t.opt_number(1, v), None);
        assert_eq!(t.flag(0, f), Some(true));
        assert_eq!(t.flag(1, f), Some(false));
        assert!(t.rejected.borrow().is_empty());
    }

    #[test]
    fn semicolon_decimal_comma_is_read_per_column() {
        // "1.234,5" can only be a decimal comma, which settles "2,5" in the same column.
        let t = Table::parse(
            "t.csv",
            "年份;数值\n2020;1.234,5\n2021;2,5\n".as_bytes(),
            Lang::Zh,
        )
        .unwrap();
        let v = t.require(&["数值"]).unwrap();
        assert_eq!(t.number(0, v), Some(1234.5));
        assert_eq!(t.number(1, v), Some(2.5));
    }

    #[test]
    fn rejections_are_located_in_both_languages() {
        let csv = "year,value\n2020,abc\n2021,#DIV/0!\n".as_bytes();
        let t = Table::parse("t.csv", csv, Lang::En).unwrap();
        assert_eq!(t.number(0, 1), None);
        assert_eq!(t.number(1, 1), None);
        let err = t.finish::<()>(Vec::new()).err().unwrap().to_string();
        assert_eq!(
            err,
            "t.csv: every row was rejected\n\
             row 2, column B (value): \"abc\": not a number\n\
             row 3, column B (value): \"#DIV/0!\": spreadsheet error #DIV/0!"
        );
        let t = Table::parse("t.csv", csv, Lang::Zh).unwrap();
        assert_eq!(t.number(0, 1), None);
        let (kept, rejected) = t.finish(vec![1]).unwrap();
        assert_eq!(kept, vec![1]);
        assert_eq!(
            rejected[0].message,
            "第 2 行 B 列（value）：“abc”：不是数字"
        );
        assert!(Table::parse("e.csv", b"year,value\n", Lang::En).is_err());
    }
}
