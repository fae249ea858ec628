//! Rejected cells, table-level issues, and the summary, each renderable in English and Chinese.
//!
//! A [`Rejection`] locates one cell (row as the source numbers it, column number and letter,
//! header, original text) and says why in a [`RejectKind`] that carries data, not a sentence;
//! [`Rejection::message`] renders it in the user's language.

use crate::grid::column_letter;
use crate::indicator::IndicatorId;
use crate::lang::Lang;
use crate::number::{DecimalMark, NumberError};
use crate::time::{Granularity, TimeKey, TimeParseError};
use crate::units::Unit;

/// Why a cell was rejected.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum RejectKind {
    /// Not a number.
    NotANumber,
    /// A spreadsheet error value.
    ExcelError {
        /// The code, e.g. `#DIV/0!`.
        code: String,
    },
    /// NaN, infinity or overflow (1e309).
    NotFinite,
    /// A unit that is not in the unit table.
    UnknownUnit {
        /// The unit text.
        found: String,
    },
    /// A unit that cannot be converted to the indicator's unit.
    UnitMismatch {
        /// The unit found.
        found: Unit,
        /// The indicator's canonical unit.
        expected: Unit,
    },
    /// Readable both with a decimal point and a decimal comma, and nothing decides.
    AmbiguousDecimalMark {
        /// Value with a decimal point.
        as_point: f64,
        /// Value with a decimal comma.
        as_comma: f64,
    },
    /// Readable only with the other decimal mark than its column.
    ConflictingDecimalMark {
        /// The column's mark.
        column_mark: DecimalMark,
    },
    /// A concentration below zero.
    NegativeConcentration {
        /// The value in the canonical unit.
        value: f64,
    },
    /// A count or amount below zero.
    Negative {
        /// The value in the canonical unit.
        value: f64,
    },
    /// A share above 100 %.
    PercentAbove100 {
        /// The value in percent.
        value: f64,
    },
    /// The time cell is not a year, date or hour.
    NotATime,
    /// The date or hour does not exist.
    InvalidDate,
    /// Day-first and month-first both possible.
    AmbiguousDayMonth,
    /// Minutes not zero in hourly data.
    NotOnTheHour {
        /// The minutes.
        minute: u32,
    },
    /// A year outside the accepted range.
    YearOutOfRange {
        /// The year.
        year: i32,
        /// Lowest accepted.
        min: i32,
        /// Highest accepted.
        max: i32,
    },
    /// The same time twice for one city (and indicator, in long layout).
    DuplicateTime {
        /// The time.
        time: TimeKey,
        /// The source row of the first occurrence, which is kept.
        first_row: usize,
    },
    /// A year among dates, or a date among hours.
    MixedGranularity {
        /// What this cell is.
        found: Granularity,
        /// What the table is.
        expected: Granularity,
    },
    /// A row has values but no time.
    MissingTime,
    /// Long layout: the indicator name is not in the synonym table.
    UnknownIndicator {
        /// The name as written.
        name: String,
    },
    /// A value to the right of the last header column.
    BeyondLastColumn,
}

impl From<NumberError> for RejectKind {
    fn from(e: NumberError) -> Self {
        match e {
            NumberError::NotANumber => Self::NotANumber,
            NumberError::ExcelError { code } => Self::ExcelError { code },
            NumberError::NotFinite => Self::NotFinite,
            NumberError::UnknownUnit { found } => Self::UnknownUnit { found },
            NumberError::AmbiguousDecimalMark { as_point, as_comma } => {
                Self::AmbiguousDecimalMark { as_point, as_comma }
            }
            NumberError::ConflictingDecimalMark { column_mark } => {
                Self::ConflictingDecimalMark { column_mark }
            }
        }
    }
}

impl From<TimeParseError> for RejectKind {
    fn from(e: TimeParseError) -> Self {
        match e {
            TimeParseError::NotATime => Self::NotATime,
            TimeParseError::Invalid { .. } => Self::InvalidDate,
            TimeParseError::AmbiguousDayMonth => Self::AmbiguousDayMonth,
            TimeParseError::NotOnTheHour { minute } => Self::NotOnTheHour { minute },
        }
    }
}

fn mark_name(m: DecimalMark, lang: Lang) -> &'static str {
    match m {
        DecimalMark::Point => lang.pick("decimal point", "小数点"),
        DecimalMark::Comma => lang.pick("decimal comma", "小数逗号"),
    }
}

fn granularity_name(g: Granularity, lang: Lang) -> &'static str {
    match g {
        Granularity::Year => lang.pick("years", "年"),
        Granularity::Date => lang.pick("dates", "日期"),
        Granularity::Hour => lang.pick("hours", "小时"),
    }
}

impl RejectKind {
    /// The reason in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use Lang::{En, Zh};
        match (self, lang) {
            (Self::NotANumber, En) => "not a number".into(),
            (Self::NotANumber, Zh) => "不是数字".into(),
            (Self::ExcelError { code }, En) => format!("spreadsheet error {code}"),
            (Self::ExcelError { code }, Zh) => format!("表格错误值 {code}"),
            (Self::NotFinite, En) => "not a finite number (NaN, infinity or too large)".into(),
            (Self::NotFinite, Zh) => "不是有限数值（NaN、无穷大或超出范围）".into(),
            (Self::UnknownUnit { found }, En) => format!("unknown unit \"{found}\""),
            (Self::UnknownUnit { found }, Zh) => format!("无法识别的单位“{found}”"),
            (Self::UnitMismatch { found, expected }, En) => format!(
                "unit mismatch: {} cannot be converted to {}",
                found.symbol(En),
                expected.symbol(En)
            ),
            (Self::UnitMismatch { found, expected }, Zh) => format!(
                "单位不符：{} 无法换算为 {}",
                found.symbol(Zh),
                expected.symbol(Zh)
            ),
            (Self::AmbiguousDecimalMark { as_point, as_comma }, En) => format!(
                "ambiguous number: {as_point} with a decimal point or {as_comma} with a decimal comma; choose the decimal mark"
            ),
            (Self::AmbiguousDecimalMark { as_point, as_comma }, Zh) => format!(
                "数字有歧义：按小数点为 {as_point}，按小数逗号为 {as_comma}；请选择小数分隔符"
            ),
            (Self::ConflictingDecimalMark { column_mark }, l) => match l {
                En => format!(
                    "cannot be read with the column's {}",
                    mark_name(*column_mark, En)
                ),
                Zh => format!("无法按本列的{}读取", mark_name(*column_mark, Zh)),
            },
            (Self::NegativeConcentration { value }, En) => {
                format!("negative concentration {value}")
            }
            (Self::NegativeConcentration { value }, Zh) => format!("浓度为负值 {value}"),
            (Self::Negative { value }, En) => format!("negative value {value}"),
            (Self::Negative { value }, Zh) => format!("数值为负 {value}"),
            (Self::PercentAbove100 { value }, En) => format!("percentage above 100: {value}"),
            (Self::PercentAbove100 { value }, Zh) => format!("百分比超过 100：{value}"),
            (Self::NotATime, En) => "not a year, date or hour".into(),
            (Self::NotATime, Zh) => "不是年份、日期或时刻".into(),
            (Self::InvalidDate, En) => "this date or hour does not exist".into(),
            (Self::InvalidDate, Zh) => "日期或时刻不存在".into(),
            (Self::AmbiguousDayMonth, En) => {
                "ambiguous date: day and month could be either way round; write it as YYYY-MM-DD"
                    .into()
            }
            (Self::AmbiguousDayMonth, Zh) => "日期有歧义：无法区分日和月，请写成 YYYY-MM-DD".into(),
            (Self::NotOnTheHour { minute }, En) => {
                format!("not on the hour (minute {minute}); hourly data expected")
            }
            (Self::NotOnTheHour { minute }, Zh) => format!("不是整点（{minute} 分）；应为小时数据"),
            (Self::YearOutOfRange { year, min, max }, En) => {
                format!("year {year} out of range {min}–{max}")
            }
            (Self::YearOutOfRange { year, min, max }, Zh) => {
                format!("年份 {year} 超出范围 {min}–{max}")
            }
            (Self::DuplicateTime { time, first_row }, En) => {
                format!("duplicate {time} for this city (first in row {first_row}, which is kept)")
            }
            (Self::DuplicateTime { time, first_row }, Zh) => {
                format!("该城市 {time} 重复（首次出现在第 {first_row} 行，保留首次）")
            }
            (Self::MixedGranularity { found, expected }, l) => match l {
                En => format!(
                    "{} among {}",
                    granularity_name(*found, En),
                    granularity_name(*expected, En)
                ),
                Zh => format!(
                    "{}数据中混入了{}",
                    granularity_name(*expected, Zh),
                    granularity_name(*found, Zh)
                ),
            },
            (Self::MissingTime, En) => "row has values but no year or date".into(),
            (Self::MissingTime, Zh) => "该行有数值但缺少年份或日期".into(),
            (Self::UnknownIndicator { name }, En) => format!("unknown indicator \"{name}\""),
            (Self::UnknownIndicator { name }, Zh) => format!("无法识别的指标“{name}”"),
            (Self::BeyondLastColumn, En) => "value to the right of the last header".into(),
            (Self::BeyondLastColumn, Zh) => "数值位于最后一个表头之外".into(),
        }
    }
}

/// One rejected cell, located.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Rejection {
    /// Row as the source numbers it (line of the text, row of the sheet), 1-based.
    pub row: usize,
    /// Column, 1-based.
    pub column: usize,
    /// Column letter as a spreadsheet shows it (A, B, …, AA).
    pub column_letter: String,
    /// The column's header as written.
    pub header: String,
    /// The cell's original text.
    pub raw: String,
    /// Why.
    pub reason: RejectKind,
}

impl Rejection {
    /// A rejection at `row`, 0-based `column_index`.
    pub fn new(
        row: usize,
        column_index: usize,
        header: &str,
        raw: String,
        reason: RejectKind,
    ) -> Self {
        Self {
            row,
            column: column_index + 1,
            column_letter: column_letter(column_index),
            header: header.to_string(),
            raw,
            reason,
        }
    }

    /// The whole message in `lang`: where, what, why.
    ///
    /// ```
    /// use renewal_data::validate::{Rejection, RejectKind};
    /// use renewal_data::Lang;
    /// let r = Rejection::new(3, 1, "PM2.5", "#DIV/0!".into(), RejectKind::ExcelError { code: "#DIV/0!".into() });
    /// assert_eq!(r.message(Lang::En), "row 3, column B (PM2.5): \"#DIV/0!\": spreadsheet error #DIV/0!");
    /// assert_eq!(r.message(Lang::Zh), "第 3 行 B 列（PM2.5）：“#DIV/0!”：表格错误值 #DIV/0!");
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => format!(
                "row {}, column {} ({}): \"{}\": {}",
                self.row,
                self.column_letter,
                self.header,
                self.raw,
                self.reason.message(lang)
            ),
            Lang::Zh => format!(
                "第 {} 行 {} 列（{}）：“{}”：{}",
                self.row,
                self.column_letter,
                self.header,
                self.raw,
                self.reason.message(lang)
            ),
        }
    }
}

/// Problems with the table as a whole (the preview shows them above the mapping).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum TableIssue {
    /// A header row but no data rows.
    OnlyHeader,
    /// No column is a year, date or time column, and no default year was given.
    NoTimeColumn,
    /// No column was recognised as an indicator.
    NoIndicatorColumns,
    /// A column whose separated numbers read differently with either decimal mark.
    AmbiguousDecimalMark {
        /// 1-based column.
        column: usize,
        /// Header.
        header: String,
        /// Cells affected.
        cells: usize,
    },
    /// A header names a unit that cannot be converted to the indicator's unit.
    ColumnUnitMismatch {
        /// 1-based column.
        column: usize,
        /// Header.
        header: String,
    },
    /// Rows shorter or longer than the header.
    RaggedRows {
        /// Rows with fewer cells than the header.
        short: usize,
        /// Rows with more cells.
        long: usize,
    },
    /// The bytes were not UTF-8 and were read as GB18030.
    DecodedAsGb18030,
}

impl TableIssue {
    /// The issue in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use Lang::{En, Zh};
        match (self, lang) {
            (Self::OnlyHeader, En) => "the table has a header but no data rows".into(),
            (Self::OnlyHeader, Zh) => "表格只有表头，没有数据行".into(),
            (Self::NoTimeColumn, En) => "no year, date or time column was found".into(),
            (Self::NoTimeColumn, Zh) => "未找到年份、日期或时间列".into(),
            (Self::NoIndicatorColumns, En) => "no column was recognised as an indicator".into(),
            (Self::NoIndicatorColumns, Zh) => "没有识别出任何指标列".into(),
            (Self::AmbiguousDecimalMark { column, header, cells }, En) => format!(
                "column {column} ({header}): {cells} numbers read differently with a decimal point or comma; choose the decimal mark"
            ),
            (Self::AmbiguousDecimalMark { column, header, cells }, Zh) => format!(
                "第 {column} 列（{header}）：{cells} 个数字按小数点或小数逗号读法不同，请选择小数分隔符"
            ),
            (Self::ColumnUnitMismatch { column, header }, En) => format!(
                "column {column} ({header}): the unit in the header does not fit the indicator"
            ),
            (Self::ColumnUnitMismatch { column, header }, Zh) => {
                format!("第 {column} 列（{header}）：表头单位与指标不符")
            }
            (Self::RaggedRows { short, long }, En) => format!(
                "{short} rows are shorter and {long} rows longer than the header"
            ),
            (Self::RaggedRows { short, long }, Zh) => {
                format!("{short} 行比表头短，{long} 行比表头长")
            }
            (Self::DecodedAsGb18030, En) => "the file is not UTF-8; it was read as GB18030 (GBK)".into(),
            (Self::DecodedAsGb18030, Zh) => "文件不是 UTF-8 编码，已按 GB18030（GBK）读取".into(),
        }
    }
}

/// A column that was kept but not read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct UnknownColumn {
    /// 1-based column.
    pub column: usize,
    /// Header as written.
    pub header: String,
    /// Non-empty cells below the header.
    pub cells: usize,
}

/// What happened, in numbers.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Summary {
    /// Rows in the input (records of the text, rows of the sheet), blank rows not counted.
    pub rows: usize,
    /// The header's row number (1-based), if one was found.
    pub header_row: Option<usize>,
    /// Rows above the header (titles, notes) that were skipped.
    pub rows_above_header: usize,
    /// Rows below the header that were read.
    pub data_rows: usize,
    /// Indicators with at least one accepted value.
    pub indicators_recognised: Vec<IndicatorId>,
    /// Cities (empty when the table names none).
    pub cities: Vec<String>,
    /// Time granularity.
    pub granularity: Option<Granularity>,
    /// Values accepted.
    pub cells_accepted: usize,
    /// Cells rejected (each one in `rejections`).
    pub cells_rejected: usize,
    /// Empty or "missing" cells (`-`, `NA`, `缺测` …): not errors.
    pub cells_missing: usize,
    /// City cells left empty below a city (merged cells) that took the city above.
    pub city_cells_filled_down: usize,
    /// Columns kept but not read.
    pub unknown_columns: Vec<UnknownColumn>,
}
