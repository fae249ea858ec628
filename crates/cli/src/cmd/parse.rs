//! `renewal parse FILE`: read a paste, CSV/TSV, XLSX/XLS or ODS file through the data crate and
//! print what was understood: summary, column mapping, table issues and every rejected cell with
//! its reason in the chosen language; `--series` adds the accepted values.

use std::path::PathBuf;

use clap::Args as ClapArgs;
use renewal_data::indicator::IndicatorId;
use renewal_data::number::DecimalMark;
use renewal_data::{
    parse_table, ColumnMapping, ColumnOverride, ColumnRole, Lang, ParseOptions, Rejection, Series,
    Source, Summary, TableIssue,
};

use crate::output::{print_json, CliError};

/// Arguments of `renewal parse`.
#[derive(Debug, ClapArgs)]
#[command(after_help = "\
Examples:
  renewal parse sheet.xlsx
  renewal parse 城市数据.csv --lang zh
  renewal parse paste.tsv --decimal comma --default-city 沈阳")]
pub struct Args {
    /// The file to read (`-` for standard input).
    pub file: PathBuf,
    /// Language of the messages: en or zh.
    #[arg(long, default_value = "en", value_parser = ["en", "zh"])]
    pub lang: String,
    /// Decimal mark for every column: point or comma (default: detect per column).
    #[arg(long, value_parser = ["point", "comma"])]
    pub decimal: Option<String>,
    /// 1-based row number of the header (default: detect).
    #[arg(long)]
    pub header_row: Option<usize>,
    /// Map a column: `COL=ROLE`, COL a number or letter, ROLE `time`, `hour`, `city`,
    /// `indicator_name`, `value`, `unit`, `ignore` or an indicator id such as `pm25`. Repeatable.
    #[arg(long = "map", value_name = "COL=ROLE")]
    pub maps: Vec<String>,
    /// Set a column's unit: `COL=UNIT` (e.g. `3=亿千瓦时`, `C=ppb`). Repeatable.
    #[arg(long = "unit", value_name = "COL=UNIT")]
    pub units: Vec<String>,
    /// City for rows that name none.
    #[arg(long)]
    pub default_city: Option<String>,
    /// Year for a table without a time column.
    #[arg(long)]
    pub default_year: Option<i32>,
    /// Workbook sheet to read.
    #[arg(long)]
    pub sheet: Option<String>,
    /// Include the accepted values.
    #[arg(long)]
    pub series: bool,
}

#[derive(serde::Serialize)]
struct Located {
    #[serde(flatten)]
    rejection: Rejection,
    message: String,
}

#[derive(serde::Serialize)]
struct Issue {
    #[serde(flatten)]
    issue: TableIssue,
    message: String,
}

#[derive(serde::Serialize)]
struct Output {
    source: Source,
    layout: renewal_data::layout::Layout,
    summary: Summary,
    columns: Vec<ColumnMapping>,
    issues: Vec<Issue>,
    rejections: Vec<Located>,
    #[serde(skip_serializing_if = "Option::is_none")]
    series: Option<Vec<Series>>,
}

/// A column given as `3` or `C` → 1-based number.
fn column(s: &str) -> Result<usize, CliError> {
    let s = s.trim();
    if let Ok(n) = s.parse::<usize>() {
        if n >= 1 {
            return Ok(n);
        }
    }
    if !s.is_empty() && s.chars().all(|c| c.is_ascii_alphabetic()) {
        let n = s.to_ascii_uppercase().bytes().fold(0usize, |acc, b| {
            acc.saturating_mul(26)
                .saturating_add(usize::from(b - b'A' + 1))
        });
        return Ok(n);
    }
    Err(CliError::Usage(format!("not a column: {s:?}")))
}

fn role(s: &str) -> Result<ColumnRole, CliError> {
    Ok(match s.trim() {
        "time" => ColumnRole::Time,
        "hour" => ColumnRole::Hour,
        "city" => ColumnRole::City,
        "indicator_name" => ColumnRole::IndicatorName,
        "value" => ColumnRole::Value,
        "unit" => ColumnRole::UnitName,
        "ignore" => ColumnRole::Ignore,
        other => ColumnRole::Indicator(
            IndicatorId::from_id(other)
                .ok_or_else(|| CliError::Usage(format!("unknown role or indicator: {other:?}")))?,
        ),
    })
}

fn split(pair: &str) -> Result<(&str, &str), CliError> {
    pair.split_once('=')
        .ok_or_else(|| CliError::Usage(format!("expected COL=VALUE, got {pair:?}")))
}

fn options(args: &Args) -> Result<ParseOptions, CliError> {
    let mut opts = ParseOptions {
        decimal_mark: args.decimal.as_deref().map(|d| {
            if d == "comma" {
                DecimalMark::Comma
            } else {
                DecimalMark::Point
            }
        }),
        header_row: args.header_row,
        default_city: args.default_city.clone(),
        default_year: args.default_year,
        sheet: args.sheet.clone(),
        ..ParseOptions::default()
    };
    let mut overrides: Vec<ColumnOverride> = Vec::new();
    let mut slot = |col: usize| -> usize {
        if let Some(i) = overrides.iter().position(|o| o.column == col) {
            return i;
        }
        overrides.push(ColumnOverride {
            column: col,
            role: None,
            unit: None,
            decimal_mark: None,
        });
        overrides.len() - 1
    };
    let mut pending = Vec::new();
    for m in &args.maps {
        let (c, r) = split(m)?;
        pending.push((slot(column(c)?), Some(role(r)?), None));
    }
    for u in &args.units {
        let (c, t) = split(u)?;
        let unit = renewal_data::units::detect(t)
            .ok_or_else(|| CliError::Usage(format!("unknown unit: {t:?}")))?;
        pending.push((slot(column(c)?), None, Some(unit)));
    }
    for (i, r, u) in pending {
        if let Some(o) = overrides.get_mut(i) {
            o.role = r.or(o.role);
            o.unit = u.or(o.unit);
        }
    }
    opts.overrides = overrides;
    Ok(opts)
}

/// Run the subcommand.
///
/// # Errors
/// [`CliError::Io`] when the file cannot be read, [`CliError::Input`] when it is empty or an
/// unreadable workbook, [`CliError::Usage`] for a bad `--map` or `--unit`.
pub fn run(args: Args) -> Result<(), CliError> {
    let lang = if args.lang == "zh" {
        Lang::Zh
    } else {
        Lang::En
    };
    let opts = options(&args)?;
    let bytes = if args.file.as_os_str() == "-" {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut b)?;
        b
    } else {
        std::fs::read(&args.file).map_err(|e| {
            CliError::Io(std::io::Error::new(
                e.kind(),
                format!("{}: {e}", args.file.display()),
            ))
        })?
    };
    let t = parse_table(&bytes, &opts)
        .map_err(|e| CliError::Input(format!("{}: {}", args.file.display(), e.message(lang))))?;
    let out = Output {
        source: t.source,
        layout: t.layout,
        summary: t.summary,
        columns: t.columns,
        issues: t
            .issues
            .into_iter()
            .map(|i| Issue {
                message: i.message(lang),
                issue: i,
            })
            .collect(),
        rejections: t
            .rejections
            .into_iter()
            .map(|r| Located {
                message: r.message(lang),
                rejection: r,
            })
            .collect(),
        series: args.series.then_some(t.series),
    };
    print_json(&out)
}
