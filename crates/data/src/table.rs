//! The entry point: bytes or text in, a [`ParsedTable`] out — the accepted values per city,
//! indicator and time in canonical units, every rejected cell located, the column mapping, and
//! a summary. Valid data are kept when some cells fail.
//!
//! Re-running with the user's corrections is calling [`parse_table`] again with
//! [`ParseOptions::overrides`] (column roles and units), a decimal mark, a header row, a default
//! city or year: parsing is a pure function of the input and the options.
//!
//! Length note: this is one parser (header → mapping → marks → rows) kept together so its state
//! is in one struct; its cases are tested from outside in `tests/paste_corpus.rs`.

use std::collections::HashMap;

use crate::delimited::{decode, read_grid, sniff_delimiter, TextEncoding};
use crate::grid::{column_letter, CellRef, Grid, Row};
use crate::indicator::{
    recognise, recognise_indicator, Bounds, ColumnRole, Confidence, IndicatorId,
};
use crate::layout::{detect_layout, find_header, header_text, Layout};
use crate::number::{
    decide_mark, evidence_of, scan, DecimalMark, MarkDecision, MarkEvidence, Scan,
};
use crate::time::{date_at_hour, parse_hour_of_day, parse_time, Granularity, TimeKey};
use crate::units::{convert, detect, ConversionError, Unit};
use crate::validate::{RejectKind, Rejection, Summary, TableIssue, UnknownColumn};
use crate::xlsx::{looks_like_workbook, read_workbook, WorkbookError};

/// The user's correction of one column.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ColumnOverride {
    /// 1-based column, as reported in [`ColumnMapping::column`].
    pub column: usize,
    /// The role to use instead of the recognised one.
    pub role: Option<ColumnRole>,
    /// The unit to use instead of the header's.
    pub unit: Option<Unit>,
    /// The decimal mark for this column.
    pub decimal_mark: Option<DecimalMark>,
}

/// Options of one parse. `Default` is "detect everything".
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ParseOptions {
    /// Field delimiter for text; `None` sniffs it.
    pub delimiter: Option<u8>,
    /// Decimal mark for every column; `None` decides per column.
    pub decimal_mark: Option<DecimalMark>,
    /// 1-based row number of the header; `None` finds it.
    pub header_row: Option<usize>,
    /// Column corrections.
    pub overrides: Vec<ColumnOverride>,
    /// City for rows that name none.
    pub default_city: Option<String>,
    /// Year for a table without a time column (a one-year cross-section).
    pub default_year: Option<i32>,
    /// Lowest accepted year.
    pub year_min: i32,
    /// Highest accepted year.
    pub year_max: i32,
    /// Workbook sheet to read; `None` reads the first that has cells.
    pub sheet: Option<String>,
}

/// Years accepted by default: 1900–2100, wide enough for any statistical series the calculator
/// compares and narrow enough to catch a value typed in the year column.
pub const DEFAULT_YEAR_RANGE: (i32, i32) = (1900, 2100);

impl Default for ParseOptions {
    fn default() -> Self {
        Self {
            delimiter: None,
            decimal_mark: None,
            header_row: None,
            overrides: Vec::new(),
            default_city: None,
            default_year: None,
            year_min: DEFAULT_YEAR_RANGE.0,
            year_max: DEFAULT_YEAR_RANGE.1,
            sheet: None,
        }
    }
}

impl ParseOptions {
    /// These options plus one column correction (replacing an earlier one for that column).
    pub fn with_override(mut self, o: ColumnOverride) -> Self {
        self.overrides.retain(|x| x.column != o.column);
        self.overrides.push(o);
        self
    }
}

/// Where the table came from.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Source {
    /// Delimited text.
    Text {
        /// How the bytes were decoded.
        encoding: TextEncoding,
        /// The delimiter used (`None`: one column).
        delimiter: Option<char>,
    },
    /// A workbook sheet.
    Workbook {
        /// The sheet read.
        sheet: String,
    },
}

/// How one column was understood.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ColumnMapping {
    /// 1-based column.
    pub column: usize,
    /// Letter as a spreadsheet shows it.
    pub letter: String,
    /// Header as written.
    pub header: String,
    /// What the column holds.
    pub role: ColumnRole,
    /// The unit from the header (or the user); `None` means the indicator's canonical unit.
    pub unit: Option<Unit>,
    /// Unit text in the header that names no known unit.
    pub unknown_unit_text: Option<String>,
    /// How sure the recognition is.
    pub confidence: Confidence,
    /// The decimal mark the column was read with.
    pub decimal_mark: Option<DecimalMark>,
    /// How that mark was decided (value columns only).
    pub mark_decision: Option<MarkDecision>,
    /// Values accepted from this column.
    pub accepted: usize,
    /// Cells rejected in this column.
    pub rejected: usize,
}

/// One value.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Point {
    /// When.
    pub time: TimeKey,
    /// Value in the series' canonical unit.
    pub value: f64,
}

/// The accepted values of one indicator for one city, in input order.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Series {
    /// City; `None` when the table names none.
    pub city: Option<String>,
    /// Indicator.
    pub indicator: IndicatorId,
    /// Canonical unit of the values.
    pub unit: Unit,
    /// Values.
    pub points: Vec<Point>,
}

/// The result of a parse.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ParsedTable {
    /// Where it came from.
    pub source: Source,
    /// Its shape.
    pub layout: Layout,
    /// Line (text) or row (sheet) of the header, 1-based: where the preview grid starts.
    pub header_line: usize,
    /// Line of a units row under the header, which is not data.
    pub units_line: Option<usize>,
    /// Every column's mapping, in column order.
    pub columns: Vec<ColumnMapping>,
    /// Accepted values.
    pub series: Vec<Series>,
    /// Every rejected cell, in row order.
    pub rejections: Vec<Rejection>,
    /// Table-level problems.
    pub issues: Vec<TableIssue>,
    /// Counts.
    pub summary: Summary,
}

impl ParsedTable {
    /// The series of `indicator` for `city` (`None`: the unnamed city).
    pub fn series_for(&self, city: Option<&str>, indicator: IndicatorId) -> Option<&Series> {
        self.series
            .iter()
            .find(|s| s.indicator == indicator && s.city.as_deref() == city)
    }

    /// The value of `indicator` for `city` at `time`.
    pub fn value(&self, city: Option<&str>, indicator: IndicatorId, time: TimeKey) -> Option<f64> {
        self.series_for(city, indicator)?
            .points
            .iter()
            .find(|p| p.time == time)
            .map(|p| p.value)
    }
}

/// Why nothing could be parsed at all. Everything else is reported inside [`ParsedTable`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TableError {
    /// Nothing but whitespace.
    #[error("the input is empty")]
    Empty,
    /// A workbook that cannot be read.
    #[error(transparent)]
    Workbook(#[from] WorkbookError),
    /// The header row the user named has no cells.
    #[error("row {row} is not a row of the table")]
    NoSuchHeaderRow {
        /// The row asked for (1-based).
        row: usize,
    },
}

impl TableError {
    /// The error in `lang`.
    pub fn message(&self, lang: crate::Lang) -> String {
        match (self, lang) {
            (Self::Empty, crate::Lang::En) => "the input is empty".into(),
            (Self::Empty, crate::Lang::Zh) => "输入为空".into(),
            (Self::Workbook(e), crate::Lang::En) => e.to_string(),
            (Self::Workbook(_), crate::Lang::Zh) => "无法读取该工作簿（XLSX/XLS/ODS）".into(),
            (Self::NoSuchHeaderRow { row }, crate::Lang::En) => {
                format!("row {row} is not a row of the table")
            }
            (Self::NoSuchHeaderRow { row }, crate::Lang::Zh) => format!("表格中没有第 {row} 行"),
        }
    }
}

/// Parse pasted text or an uploaded file (CSV, TSV, XLSX, XLS, ODS: the format is detected).
///
/// # Errors
/// [`TableError::Empty`] for blank input, [`TableError::Workbook`] for an unreadable workbook.
/// Bad cells are not errors: they are in [`ParsedTable::rejections`].
///
/// ```
/// use renewal_data::{parse_table, ParseOptions, IndicatorId, TimeKey};
/// let t = parse_table("年份\tPM2.5 (μg/m³)\tCO (μg/m³)\n2014\t50\t1500\n2015\t#DIV/0!\t1200\n".as_bytes(), &ParseOptions::default()).unwrap();
/// assert_eq!(t.value(None, IndicatorId::Pm25, TimeKey::Year(2014)), Some(50.0));
/// assert_eq!(t.value(None, IndicatorId::Co, TimeKey::Year(2015)), Some(1.2)); // mg/m³
/// assert_eq!(t.rejections.len(), 1);
/// assert_eq!((t.rejections[0].row, t.rejections[0].column), (3, 2));
/// ```
pub fn parse_table(input: &[u8], opts: &ParseOptions) -> Result<ParsedTable, TableError> {
    if looks_like_workbook(input) {
        let (grid, sheet) = read_workbook(input, opts.sheet.as_deref())?;
        return interpret(&grid, Source::Workbook { sheet }, opts);
    }
    let (text, encoding) = decode(input);
    let mut t = parse_decoded(&text, encoding, opts)?;
    if encoding == TextEncoding::Gb18030 {
        t.issues.insert(0, TableIssue::DecodedAsGb18030);
    }
    Ok(t)
}

/// Parse text that is already a string (a paste).
///
/// # Errors
/// [`TableError::Empty`] for blank input.
pub fn parse_text(text: &str, opts: &ParseOptions) -> Result<ParsedTable, TableError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    parse_decoded(text, TextEncoding::Utf8, opts)
}

fn parse_decoded(
    text: &str,
    encoding: TextEncoding,
    opts: &ParseOptions,
) -> Result<ParsedTable, TableError> {
    if text.trim().is_empty() {
        return Err(TableError::Empty);
    }
    let delimiter = opts.delimiter.or_else(|| sniff_delimiter(text));
    // One column: split on nothing (a byte that cannot occur in UTF-8 text).
    let grid = read_grid(text, delimiter.unwrap_or(0xFF));
    interpret(
        &grid,
        Source::Text {
            encoding,
            delimiter: delimiter.map(char::from),
        },
        opts,
    )
}

/// Where a value column gets its unit from.
#[derive(Debug, Clone)]
enum UnitHint {
    Canonical,
    Known(Unit),
    Unknown(String),
}

/// Interpret a grid (the format-independent part).
///
/// # Errors
/// [`TableError::Empty`] when every row is blank.
pub fn interpret(
    grid: &Grid,
    source: Source,
    opts: &ParseOptions,
) -> Result<ParsedTable, TableError> {
    let header_idx = match opts.header_row {
        Some(line) => Some(
            grid.rows
                .iter()
                .position(|r| r.line == line && !r.is_blank())
                .ok_or(TableError::NoSuchHeaderRow { row: line })?,
        ),
        None => find_header(grid),
    };
    let Some(header_idx) = header_idx else {
        return Err(TableError::Empty);
    };
    let Some(header) = grid.rows.get(header_idx) else {
        return Err(TableError::Empty);
    };
    let mut p = Parser::new(grid, header_idx, header, source, opts);
    p.run();
    Ok(p.finish())
}

struct Parser<'g> {
    grid: &'g Grid,
    opts: &'g ParseOptions,
    header_idx: usize,
    /// Line of a units row under the header, which is not data.
    units_line: Option<usize>,
    width: usize,
    headers: Vec<String>,
    columns: Vec<ColumnMapping>,
    hints: Vec<UnitHint>,
    layout: Layout,
    source: Source,
    series: Vec<Series>,
    series_index: HashMap<(u32, IndicatorId), usize, FnvBuild>,
    cities: Vec<Option<String>>,
    city_index: HashMap<Option<String>, u32, FnvBuild>,
    seen: HashMap<(u32, Option<IndicatorId>, TimeKey), usize, FnvBuild>,
    granularity: Option<Granularity>,
    rejections: Vec<Rejection>,
    issues: Vec<TableIssue>,
    summary: Summary,
}

/// A footnote under the table: one filled cell, in the first column, starting like a note.
fn is_note_row(row: &Row) -> bool {
    let Some(t) = row.text(0) else { return false };
    let t = t.trim_start();
    let starts = |p: &str| {
        t.get(..p.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(p))
    };
    NOTE_PREFIXES.iter().any(|p| starts(p)) && row.filled() == 1
}

/// How footnotes under a table begin.
const NOTE_PREFIXES: &[&str] = &[
    "注",
    "备注",
    "说明",
    "资料来源",
    "数据来源",
    "来源",
    "note",
    "source",
    "*",
];

/// A repeated header (two pasted blocks), compared without allocating for text cells.
fn repeats_header(row: &Row, header: &[String]) -> bool {
    if row.len() < header.len() {
        return false;
    }
    header.iter().enumerate().all(|(i, h)| match row.get(i) {
        Some(CellRef::Text(t)) => t.trim() == h,
        Some(CellRef::Number(_)) | None => header_text(row, i) == *h,
    })
}

/// FNV-1a: the maps here are keyed by small integers and times; SipHash's protection against
/// crafted collisions buys nothing for a table the user parses in their own browser.
#[derive(Default, Clone, Copy)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FnvBuild = std::hash::BuildHasherDefault<Fnv>;

impl<'g> Parser<'g> {
    fn new(
        grid: &'g Grid,
        header_idx: usize,
        header: &'g Row,
        source: Source,
        opts: &'g ParseOptions,
    ) -> Self {
        let header_width = (0..header.len())
            .rev()
            .find(|&i| header.get(i).is_some_and(|c| !c.is_blank()))
            .map_or(0, |i| i + 1);
        let headers: Vec<String> = (0..header_width).map(|i| header_text(header, i)).collect();
        // A row of units right under the header (a two-row header, merged in the sheet).
        let units_row = grid
            .rows
            .iter()
            .skip(header_idx + 1)
            .find(|r| !r.is_blank())
            .filter(|r| {
                (0..r.len()).all(|i| match r.get(i) {
                    Some(CellRef::Text(t)) => t.trim().is_empty() || detect(t).is_some(),
                    _ => false,
                })
            });
        let mut columns = Vec::with_capacity(header_width);
        let mut hints = Vec::with_capacity(header_width);
        for (i, h) in headers.iter().enumerate() {
            let r = recognise(h);
            let unknown_unit_text = if r.unknown_unit {
                crate::indicator::split_unit(h).1.map(str::to_string)
            } else {
                None
            };
            let mut m = ColumnMapping {
                column: i + 1,
                letter: column_letter(i),
                header: h.clone(),
                role: r.role,
                unit: r.unit,
                unknown_unit_text,
                confidence: r.confidence,
                decimal_mark: None,
                mark_decision: None,
                accepted: 0,
                rejected: 0,
            };
            if let (None, None, Some(u)) = (
                m.unit,
                &m.unknown_unit_text,
                units_row.and_then(|r| r.text(i)).and_then(detect),
            ) {
                m.unit = Some(u);
            }
            if let Some(o) = opts.overrides.iter().find(|o| o.column == i + 1) {
                if let Some(role) = o.role {
                    m.role = role;
                    m.confidence = Confidence::User;
                }
                if let Some(u) = o.unit {
                    m.unit = Some(u);
                    m.unknown_unit_text = None;
                }
            }
            hints.push(match (&m.unit, &m.unknown_unit_text) {
                (Some(u), _) => UnitHint::Known(*u),
                (None, Some(t)) => UnitHint::Unknown(t.clone()),
                (None, None) => UnitHint::Canonical,
            });
            columns.push(m);
        }
        let roles: Vec<ColumnRole> = columns.iter().map(|c| c.role).collect();
        let layout = detect_layout(&roles, &headers);
        let summary = Summary {
            rows: grid.rows.iter().filter(|r| !r.is_blank()).count(),
            header_row: Some(header.line),
            rows_above_header: grid
                .rows
                .iter()
                .take(header_idx)
                .filter(|r| !r.is_blank())
                .count(),
            ..Summary::default()
        };
        Self {
            grid,
            opts,
            header_idx,
            units_line: units_row.map(|r| r.line),
            width: header_width,
            headers,
            columns,
            hints,
            layout,
            source,
            series: Vec::new(),
            series_index: HashMap::default(),
            cities: Vec::new(),
            city_index: HashMap::default(),
            seen: HashMap::default(),
            granularity: None,
            rejections: Vec::new(),
            issues: Vec::new(),
            summary,
        }
    }

    fn data_rows(&self) -> impl Iterator<Item = &'g Row> + 'g {
        let header_cells: Vec<String> = self.headers.clone();
        let units_line = self.units_line;
        self.grid
            .rows
            .iter()
            .skip(self.header_idx + 1)
            .filter(move |r| {
                !r.is_blank()
                    && Some(r.line) != units_line
                    && !is_note_row(r)
                    && !repeats_header(r, &header_cells)
            })
    }

    fn first_role(&self, role: ColumnRole) -> Option<usize> {
        self.columns.iter().position(|c| c.role == role)
    }

    fn reject(&mut self, row: &Row, col: usize, reason: RejectKind) {
        let raw = row.get(col).map(CellRef::raw).unwrap_or_default();
        let header = self.headers.get(col).cloned().unwrap_or_default();
        if let Some(m) = self.columns.get_mut(col) {
            m.rejected += 1;
        }
        self.summary.cells_rejected += 1;
        self.rejections
            .push(Rejection::new(row.line, col, &header, raw, reason));
    }

    fn value_columns(&self) -> Vec<usize> {
        match self.layout {
            Layout::Wide => self
                .columns
                .iter()
                .enumerate()
                .filter(|(_, c)| matches!(c.role, ColumnRole::Indicator(_)))
                .map(|(i, _)| i)
                .collect(),
            Layout::Long => self.first_role(ColumnRole::Value).into_iter().collect(),
            Layout::YearsAcross => self
                .headers
                .iter()
                .enumerate()
                .filter(|(i, h)| {
                    crate::layout::is_year_header(h)
                        && self.columns.get(*i).is_some_and(|c| {
                            matches!(c.role, ColumnRole::Unknown | ColumnRole::Value)
                        })
                })
                .map(|(i, _)| i)
                .collect(),
        }
    }

    /// Decide each value column's decimal mark from its cells, then the table's.
    fn decide_marks(&mut self, value_cols: &[usize]) {
        let mut per_col = vec![MarkEvidence::default(); self.width];
        for row in self.data_rows() {
            for &c in value_cols {
                if let Some(CellRef::Text(t)) = row.get(c) {
                    if let (Some(ev), Some(e)) = (evidence_of(t), per_col.get_mut(c)) {
                        e.add(ev);
                    }
                }
            }
        }
        let mut table = MarkEvidence::default();
        for e in &per_col {
            table.merge(*e);
        }
        for &c in value_cols {
            let user = self
                .opts
                .overrides
                .iter()
                .find(|o| o.column == c + 1)
                .and_then(|o| o.decimal_mark)
                .or(self.opts.decimal_mark);
            let ev = per_col.get(c).copied().unwrap_or_default();
            let (mark, decision) = decide_mark(ev, table, user);
            if decision == MarkDecision::Ambiguous {
                self.issues.push(TableIssue::AmbiguousDecimalMark {
                    column: c + 1,
                    header: self.headers.get(c).cloned().unwrap_or_default(),
                    cells: ev.either,
                });
            }
            if let Some(m) = self.columns.get_mut(c) {
                m.decimal_mark = mark;
                m.mark_decision = Some(decision);
            }
        }
    }

    fn city_id(&mut self, city: Option<String>) -> u32 {
        if let Some(&i) = self.city_index.get(&city) {
            return i;
        }
        let i = u32::try_from(self.cities.len()).unwrap_or(u32::MAX);
        self.cities.push(city.clone());
        self.city_index.insert(city, i);
        i
    }

    /// Read the time of a row from the time column (and the hour column), checking range and
    /// granularity. Rejections are recorded; `None` means the row's values are not read.
    fn row_time(&mut self, row: &Row, tc: Option<usize>, hc: Option<usize>) -> Option<TimeKey> {
        let Some(tc) = tc else {
            return self.opts.default_year.map(TimeKey::Year);
        };
        let number_text;
        let raw: &str = match row.get(tc) {
            Some(CellRef::Number(n)) if n.fract() == 0.0 && n.abs() < 1e15 => {
                number_text = format!("{n:.0}");
                &number_text
            }
            Some(CellRef::Number(n)) => {
                number_text = format!("{n}");
                &number_text
            }
            Some(CellRef::Text(t)) => t,
            None => "",
        };
        if raw.trim().is_empty() {
            self.reject(row, tc, RejectKind::MissingTime);
            return None;
        }
        let mut t = match parse_time(raw) {
            Ok(t) => t,
            Err(e) => {
                self.reject(row, tc, e.into());
                return None;
            }
        };
        if let (Some(hc), TimeKey::Date(d)) = (hc, t) {
            let hraw = row.get(hc).map(CellRef::raw).unwrap_or_default();
            match parse_hour_of_day(&hraw).and_then(|h| date_at_hour(d, h)) {
                Ok(h) => t = TimeKey::Hour(h),
                Err(e) => {
                    self.reject(row, hc, e.into());
                    return None;
                }
            }
        }
        let year = t.year();
        if year < self.opts.year_min || year > self.opts.year_max {
            self.reject(
                row,
                tc,
                RejectKind::YearOutOfRange {
                    year,
                    min: self.opts.year_min,
                    max: self.opts.year_max,
                },
            );
            return None;
        }
        match self.granularity {
            None => self.granularity = Some(t.granularity()),
            Some(g) if g != t.granularity() => {
                self.reject(
                    row,
                    tc,
                    RejectKind::MixedGranularity {
                        found: t.granularity(),
                        expected: g,
                    },
                );
                return None;
            }
            Some(_) => {}
        }
        Some(t)
    }

    /// Read, convert and check one value cell; record it or its rejection.
    #[allow(clippy::too_many_arguments)]
    fn take_value(
        &mut self,
        row: &Row,
        col: usize,
        city: u32,
        indicator: IndicatorId,
        time: TimeKey,
        hint: &UnitHint,
        mark: Option<DecimalMark>,
    ) {
        let Some(cell) = row.get(col) else {
            self.summary.cells_missing += 1;
            return;
        };
        match read_value(cell, mark, hint, indicator) {
            Ok(None) => self.summary.cells_missing += 1,
            Err(kind) => self.reject(row, col, kind),
            Ok(Some(v)) => {
                let key = (city, indicator);
                let idx = match self.series_index.get(&key) {
                    Some(&i) => i,
                    None => {
                        let spec = indicator.spec();
                        self.series.push(Series {
                            city: self.cities.get(city as usize).cloned().flatten(),
                            indicator,
                            unit: spec.canonical_unit,
                            points: Vec::new(),
                        });
                        self.series_index.insert(key, self.series.len() - 1);
                        self.series.len() - 1
                    }
                };
                if let Some(s) = self.series.get_mut(idx) {
                    s.points.push(Point { time, value: v });
                }
                if let Some(m) = self.columns.get_mut(col) {
                    m.accepted += 1;
                }
                self.summary.cells_accepted += 1;
            }
        }
    }

    /// Record `(city, indicator?, time)`; a repeat rejects `cols` of this row.
    fn check_duplicate(
        &mut self,
        row: &Row,
        key: (u32, Option<IndicatorId>, TimeKey),
        cols: &[usize],
    ) -> bool {
        if let Some(&first_row) = self.seen.get(&key) {
            for &c in cols {
                if row.get(c).is_some_and(|x| !x.is_blank()) {
                    self.reject(
                        row,
                        c,
                        RejectKind::DuplicateTime {
                            time: key.2,
                            first_row,
                        },
                    );
                }
            }
            return false;
        }
        self.seen.insert(key, row.line);
        true
    }

    fn row_city(&mut self, row: &Row, cc: Option<usize>, last: &mut Option<String>) -> u32 {
        let name = cc.and_then(|c| {
            let t = header_text(row, c);
            (!t.is_empty()).then_some(t)
        });
        let city = match (name, cc) {
            (Some(n), _) => {
                *last = Some(n.clone());
                Some(n)
            }
            (None, Some(_)) if last.is_some() => {
                self.summary.city_cells_filled_down += 1;
                last.clone()
            }
            _ => self.opts.default_city.clone(),
        };
        self.city_id(city)
    }

    fn run(&mut self) {
        let value_cols = self.value_columns();
        self.decide_marks(&value_cols);
        let tc = self.first_role(ColumnRole::Time);
        let hc = self.first_role(ColumnRole::Hour);
        let cc = self.first_role(ColumnRole::City);
        let has_time = tc.is_some() || self.opts.default_year.is_some();
        if !has_time && self.layout != Layout::YearsAcross {
            self.issues.push(TableIssue::NoTimeColumn);
        }
        if self.layout == Layout::Wide && value_cols.is_empty() {
            self.issues.push(TableIssue::NoIndicatorColumns);
        }
        for &c in &value_cols {
            if let (Some(UnitHint::Known(u)), Some(ColumnRole::Indicator(id))) =
                (self.hints.get(c), self.columns.get(c).map(|m| m.role))
            {
                let spec = id.spec();
                if convert(1.0, *u, spec.canonical_unit, spec.gas).is_err() {
                    self.issues.push(TableIssue::ColumnUnitMismatch {
                        column: c + 1,
                        header: self.headers.get(c).cloned().unwrap_or_default(),
                    });
                }
            }
        }
        let marks: Vec<Option<DecimalMark>> = self.columns.iter().map(|m| m.decimal_mark).collect();
        let (mut short, mut long) = (0, 0);
        let mut last_city = None;
        let rows: Vec<&Row> = self.data_rows().collect();
        self.seen.reserve(rows.len());
        for row in rows {
            self.summary.data_rows += 1;
            if row.len() < self.width {
                short += 1;
            }
            if row.len() > self.width {
                long += 1;
                for c in self.width..row.len() {
                    if row.get(c).is_some_and(|x| !x.is_blank()) {
                        self.reject(row, c, RejectKind::BeyondLastColumn);
                    }
                }
            }
            if !has_time && self.layout != Layout::YearsAcross {
                continue;
            }
            let city = self.row_city(row, cc, &mut last_city);
            match self.layout {
                Layout::Wide => {
                    let filled: Vec<usize> = value_cols
                        .iter()
                        .copied()
                        .filter(|&c| row.get(c).is_some_and(|x| !x.is_blank()))
                        .collect();
                    if filled.is_empty() {
                        continue;
                    }
                    let Some(time) = self.row_time(row, tc, hc) else {
                        continue;
                    };
                    if !self.check_duplicate(row, (city, None, time), &filled) {
                        continue;
                    }
                    for &c in &value_cols {
                        let (Some(ColumnRole::Indicator(id)), Some(hint)) = (
                            self.columns.get(c).map(|m| m.role),
                            self.hints.get(c).cloned(),
                        ) else {
                            continue;
                        };
                        let mark = marks.get(c).copied().flatten();
                        self.take_value(row, c, city, id, time, &hint, mark);
                    }
                }
                Layout::Long => self.long_row(row, city, tc, hc, &marks),
                Layout::YearsAcross => self.years_across_row(row, city, &value_cols, &marks),
            }
        }
        if short + long > 0 {
            self.issues.push(TableIssue::RaggedRows { short, long });
        }
        if self.summary.data_rows == 0 {
            self.issues.push(TableIssue::OnlyHeader);
        }
    }

    fn long_row(
        &mut self,
        row: &Row,
        city: u32,
        tc: Option<usize>,
        hc: Option<usize>,
        marks: &[Option<DecimalMark>],
    ) {
        let (Some(nc), Some(vc)) = (
            self.first_role(ColumnRole::IndicatorName),
            self.first_role(ColumnRole::Value),
        ) else {
            return;
        };
        if row.get(vc).is_none_or(CellRef::is_blank) {
            self.summary.cells_missing += 1;
            return;
        }
        let name = header_text(row, nc);
        let Some((id, name_unit)) = recognise_indicator(&name) else {
            self.reject(row, nc, RejectKind::UnknownIndicator { name });
            return;
        };
        let Some(time) = self.row_time(row, tc, hc) else {
            return;
        };
        if !self.check_duplicate(row, (city, Some(id), time), &[vc]) {
            return;
        }
        let uc = self.first_role(ColumnRole::UnitName);
        let unit_text = uc.map(|c| header_text(row, c)).unwrap_or_default();
        let hint = if !unit_text.is_empty() {
            detect(&unit_text).map_or(UnitHint::Unknown(unit_text), UnitHint::Known)
        } else if let Some(u) = name_unit {
            UnitHint::Known(u)
        } else {
            self.hints.get(vc).cloned().unwrap_or(UnitHint::Canonical)
        };
        let mark = marks.get(vc).copied().flatten();
        self.take_value(row, vc, city, id, time, &hint, mark);
    }

    fn years_across_row(
        &mut self,
        row: &Row,
        city: u32,
        value_cols: &[usize],
        marks: &[Option<DecimalMark>],
    ) {
        // The indicator is named in the indicator column, or else the first text column.
        let nc = self
            .first_role(ColumnRole::IndicatorName)
            .or_else(|| (0..self.width).find(|c| !value_cols.contains(c)))
            .unwrap_or(0);
        let filled: Vec<usize> = value_cols
            .iter()
            .copied()
            .filter(|&c| row.get(c).is_some_and(|x| !x.is_blank()))
            .collect();
        if filled.is_empty() {
            return;
        }
        let name = header_text(row, nc);
        let Some((id, name_unit)) = recognise_indicator(&name) else {
            self.reject(row, nc, RejectKind::UnknownIndicator { name });
            return;
        };
        let uc = self.first_role(ColumnRole::UnitName);
        let unit_text = uc.map(|c| header_text(row, c)).unwrap_or_default();
        let hint = if !unit_text.is_empty() {
            detect(&unit_text).map_or(UnitHint::Unknown(unit_text), UnitHint::Known)
        } else {
            name_unit.map_or(UnitHint::Canonical, UnitHint::Known)
        };
        for &c in value_cols {
            let Ok(TimeKey::Year(y)) = parse_time(self.headers.get(c).map_or("", String::as_str))
            else {
                continue;
            };
            if y < self.opts.year_min || y > self.opts.year_max {
                continue;
            }
            self.granularity = Some(Granularity::Year);
            let time = TimeKey::Year(y);
            if !self.check_duplicate(row, (city, Some(id), time), &[c]) {
                continue;
            }
            let mark = marks.get(c).copied().flatten();
            self.take_value(row, c, city, id, time, &hint, mark);
        }
    }

    fn finish(mut self) -> ParsedTable {
        let mut indicators: Vec<IndicatorId> = self
            .series
            .iter()
            .filter(|s| !s.points.is_empty())
            .map(|s| s.indicator)
            .collect();
        indicators.sort();
        indicators.dedup();
        self.summary.indicators_recognised = indicators;
        self.summary.cities = self.cities.iter().flatten().cloned().collect();
        self.summary.granularity = self.granularity;
        let value_cols = self.value_columns();
        let structural = |r: ColumnRole| !matches!(r, ColumnRole::Unknown);
        for (i, m) in self.columns.iter().enumerate() {
            if structural(m.role) || value_cols.contains(&i) {
                continue;
            }
            let cells = self
                .grid
                .rows
                .iter()
                .skip(self.header_idx + 1)
                .filter(|r| r.get(i).is_some_and(|c| !c.is_blank()))
                .count();
            if cells > 0 || !m.header.is_empty() {
                self.summary.unknown_columns.push(UnknownColumn {
                    column: i + 1,
                    header: m.header.clone(),
                    cells,
                });
            }
        }
        self.rejections.sort_by_key(|r| (r.row, r.column));
        let header_line = self.grid.rows.get(self.header_idx).map_or(1, |r| r.line);
        ParsedTable {
            source: self.source,
            layout: self.layout,
            header_line,
            units_line: self.units_line,
            columns: self.columns,
            series: self.series,
            rejections: self.rejections,
            issues: self.issues,
            summary: self.summary,
        }
    }
}

/// Read one value cell into the indicator's canonical unit.
///
/// `Ok(None)` is a missing value (empty, `-`, `NA`, `缺测`), not an error.
fn read_value(
    cell: CellRef<'_>,
    mark: Option<DecimalMark>,
    hint: &UnitHint,
    indicator: IndicatorId,
) -> Result<Option<f64>, RejectKind> {
    let spec = indicator.spec();
    let (value, cell_unit) = match cell {
        CellRef::Number(n) if !n.is_finite() => return Err(RejectKind::NotFinite),
        CellRef::Number(n) => (n, None),
        CellRef::Text(t) => match scan(t) {
            Scan::Missing => return Ok(None),
            Scan::Invalid(e) => return Err(e.into()),
            Scan::Number(r) => (r.resolve(mark)?, r.unit),
        },
    };
    let from = match (cell_unit, hint) {
        (Some(u), _) => u,
        (None, UnitHint::Known(u)) => *u,
        (None, UnitHint::Unknown(found)) => {
            return Err(RejectKind::UnknownUnit {
                found: found.clone(),
            })
        }
        (None, UnitHint::Canonical) => spec.canonical_unit,
    };
    let v = convert(value, from, spec.canonical_unit, spec.gas).map_err(|e| match e {
        ConversionError::Incompatible { from, to } | ConversionError::NotAGas { from, to } => {
            RejectKind::UnitMismatch {
                found: from,
                expected: to,
            }
        }
    })?;
    if !v.is_finite() {
        return Err(RejectKind::NotFinite);
    }
    match spec.bounds {
        Bounds::Concentration if v < 0.0 => Err(RejectKind::NegativeConcentration { value: v }),
        Bounds::NonNegative | Bounds::Percent if v < 0.0 => Err(RejectKind::Negative { value: v }),
        // The tolerance only absorbs binary rounding of a converted value (1e5 per 100k → 100 %).
        Bounds::Percent if v > 100.0 + 1e-9 => Err(RejectKind::PercentAbove100 { value: v }),
        _ => Ok(Some(v)),
    }
}
