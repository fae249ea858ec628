//! `renewal trend`: Mann–Kendall, Sen's slope, change, CAGR and the Open SDG progress status of a
//! `year,value` series, as one JSON object. The file is read through the data crate
//! ([`super::table_input`]): CSV/TSV/semicolon, decimal comma, XLSX/ODS, header optional.

use crate::output::{print_json, CliError};
use renewal_calc::trend::{
    analyse, index_to_base, AnalysisOptions, AutocorrelationCorrection, Change, Direction,
    IndexPoint, Movement, Progress, ProgressStatus, SeriesSummary, SlopeInterval, Target,
    TimeSeries, TrendDirection, TrendSummary, Unavailable, VarianceMethod,
};
use std::io::Read;
use std::path::PathBuf;

use super::table_input::{LangArg, Rejected, Table};
use renewal_data::grid::CellRef;
use renewal_data::time::{parse_time, TimeKey};
use renewal_data::validate::RejectKind;

/// Options of `renewal trend`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  renewal trend pm25.csv --direction lower
  printf '2015,60\n2016,58\n2018,50\n2019,47\n2020,45\n' | renewal trend --target-value 35 --target-year 2030 --direction lower
  renewal trend series.xlsx --method hamed-rao --confidence 0.9")]
pub struct Args {
    /// File of `year,value` rows: CSV/TSV (comma, semicolon, tab), XLSX or ODS, a header row
    /// optional (a date such as 2015-06-30 or 2015年6月30日, or a decimal year, also works as the
    /// time; an empty value, NA, NaN or `-` is missing). Reads stdin when absent or `-`.
    file: Option<PathBuf>,
    /// Language of the located messages about rejected cells.
    #[arg(long, value_enum, default_value = "en")]
    lang: LangArg,
    /// Print JSON (the only format; accepted so scripts can say so).
    #[arg(long)]
    json: bool,
    /// Target value for the Open SDG progress status (with --target-year).
    #[arg(long, requires = "target_year", allow_negative_numbers = true)]
    target_value: Option<f64>,
    /// Year by which the target should be reached (with --target-value).
    #[arg(long, requires = "target_value")]
    target_year: Option<f64>,
    /// Which way is better.
    #[arg(long, value_enum, default_value_t = DirectionArg::Higher)]
    direction: DirectionArg,
    /// Significance level of the Mann–Kendall test.
    #[arg(long, default_value_t = 0.05)]
    alpha: f64,
    /// Variance of S: original, or corrected for autocorrelation as pyMannKendall.
    #[arg(long, value_enum, default_value_t = MethodArg::Original)]
    method: MethodArg,
    /// Largest autocorrelation lag for hamed-rao / yue-wang (default: all, as pyMannKendall).
    #[arg(long)]
    lag: Option<usize>,
    /// Confidence level of Sen's slope interval.
    #[arg(long, default_value_t = 0.95)]
    confidence: f64,
    /// Base year for change, CAGR and progress (default: the first year with a value).
    #[arg(long)]
    base_year: Option<f64>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum DirectionArg {
    Higher,
    Lower,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum MethodArg {
    Original,
    HamedRao,
    YueWang,
}

/// The printed object: pyMannKendall's field names first, then the rest of the report.
#[derive(serde::Serialize)]
struct Output {
    method: VarianceMethod,
    n: usize,
    alpha: f64,
    trend: Option<TrendDirection>,
    h: Option<bool>,
    p: Option<f64>,
    z: Option<f64>,
    tau: Option<f64>,
    s: Option<i64>,
    var_s: Option<f64>,
    slope: Option<f64>,
    intercept: Option<f64>,
    /// The time `intercept` refers to (first present observation).
    intercept_time: Option<f64>,
    tau_b: Option<f64>,
    slope_ci: Option<SlopeInterval>,
    correction: Option<AutocorrelationCorrection>,
    change: Option<Change>,
    cagr: Option<f64>,
    /// Each value as an index to the base year (= 100); absent when the base value is 0.
    index: Option<Vec<IndexPoint>>,
    class: Option<ProgressStatus>,
    progress: Option<Progress>,
    summary: TrendSummary,
    headline: String,
    series: SeriesSummary,
    unavailable: Vec<Unavailable>,
    /// Rejected cells, located: a bad time leaves its row out, a bad value is read as missing.
    /// Absent when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    rejections: Vec<Rejected>,
}

/// Read the series, analyse it, print the JSON.
pub fn run(args: Args) -> Result<(), CliError> {
    // JSON is the only output format; `--json` is accepted so scripts can say so.
    let _ = args.json;
    let table = read_input(args.file.as_ref(), args.lang)?;
    let (series, rejections) = parse_series(table)?;
    let target = match (args.target_value, args.target_year) {
        (Some(value), Some(year)) => Some(Target { value, year }),
        _ => None,
    };
    let options = AnalysisOptions {
        alpha: args.alpha,
        confidence: args.confidence,
        method: match args.method {
            MethodArg::Original => VarianceMethod::Original,
            MethodArg::HamedRao => VarianceMethod::HamedRao,
            MethodArg::YueWang => VarianceMethod::YueWang,
        },
        lag: args.lag,
        base_time: args.base_year,
        direction: match args.direction {
            DirectionArg::Higher => Direction::HigherIsBetter,
            DirectionArg::Lower => Direction::LowerIsBetter,
        },
        target,
        ..AnalysisOptions::default()
    };
    let report = analyse(&series, &options).map_err(|e| CliError::Usage(e.to_string()))?;
    let mk = report.mann_kendall;
    let sen = report.theil_sen;
    print_json(&Output {
        method: options.method,
        n: report.series.n,
        alpha: options.alpha,
        trend: mk.map(|m| m.trend),
        h: mk.map(|m| m.h),
        p: mk.map(|m| m.p),
        z: mk.map(|m| m.z),
        tau: mk.map(|m| m.tau),
        s: mk.map(|m| m.s),
        var_s: mk.map(|m| m.var_s),
        slope: sen.map(|s| s.slope_per_year),
        intercept: sen.map(|s| s.intercept),
        intercept_time: sen.map(|s| s.origin_time),
        tau_b: mk.map(|m| m.tau_b),
        slope_ci: sen.and_then(|s| s.interval),
        correction: report.correction,
        change: report.change,
        cagr: report.change.and_then(|c| c.cagr),
        index: report
            .change
            .and_then(|c| index_to_base(&series, c.base_time).ok()),
        class: report.progress.map(|p| p.status),
        progress: report.progress,
        headline: headline(&report.summary),
        summary: report.summary,
        series: report.series,
        unavailable: report.unavailable,
        rejections,
    })
}

/// "improving, statistically significant (p = 0.0123); substantial_progress".
fn headline(summary: &TrendSummary) -> String {
    let movement = match summary.movement {
        Some(Movement::Improving) => "improving",
        Some(Movement::Worsening) => "worsening",
        Some(Movement::Unchanged) => "unchanged",
        None => "not enough data",
    };
    let significance = match (summary.significant, summary.p) {
        (Some(true), Some(p)) => format!(", statistically significant (p = {p:.3})"),
        (Some(false), Some(p)) => format!(", not statistically significant (p = {p:.3})"),
        _ => String::from(", significance not tested (fewer than 4 values)"),
    };
    let status = match summary.status {
        Some(s) => format!(
            "; {}",
            serde_json::to_value(s)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default()
        ),
        None => String::new(),
    };
    format!("{movement}{significance}{status}")
}

fn read_input(file: Option<&PathBuf>, lang: LangArg) -> Result<Table, CliError> {
    let (name, bytes) = match file {
        Some(path) if path.as_os_str() != "-" => (
            path.display().to_string(),
            std::fs::read(path)
                .map_err(|e| CliError::Input(format!("cannot read {}: {e}", path.display())))?,
        ),
        _ => {
            let mut b = Vec::new();
            std::io::stdin().read_to_end(&mut b)?;
            ("-".to_string(), b)
        }
    };
    Table::parse_with(&name, &bytes, lang.into(), Some(&["year", "value"]))
}

enum Time {
    Year(i32),
    Decimal(f64),
}

/// `year,value` rows read through the data crate ([`super::table_input`]).
///
/// # Errors
/// A time cell that is not a year, a date or a decimal year is rejected and its row left out; a
/// value that is not a number is rejected and read as missing (Mann–Kendall and Sen's slope
/// skip missing values). Both are listed, located, under `rejections`; only a file whose every
/// row is rejected is an input error.
fn parse_series(t: Table) -> Result<(TimeSeries, Vec<Rejected>), CliError> {
    let mut rows: Vec<(Time, Option<f64>)> = Vec::new();
    for r in 0..t.len() {
        let Some(time) = time_of(&t, r) else { continue };
        let value = if t.text(r, 1).eq_ignore_ascii_case("nan") {
            None
        } else {
            t.opt_number(r, Some(1))
        };
        rows.push((time, value));
    }
    let (rows, rejections) = t.finish(rows)?;
    let all_years = rows.iter().all(|(t, _)| matches!(t, Time::Year(_)));
    let result = if all_years {
        let yearly: Vec<(i32, Option<f64>)> = rows
            .iter()
            .filter_map(|(t, v)| match t {
                Time::Year(y) => Some((*y, *v)),
                Time::Decimal(_) => None,
            })
            .collect();
        TimeSeries::yearly(&yearly)
    } else {
        let timed: Vec<(f64, Option<f64>)> = rows
            .iter()
            .map(|(t, v)| match t {
                Time::Year(y) => (f64::from(*y), *v),
                Time::Decimal(x) => (*x, *v),
            })
            .collect();
        TimeSeries::from_times(&timed)
    };
    result
        .map(|s| (s, rejections))
        .map_err(|e| CliError::Input(format!("series: {e}")))
}

/// The time of row `r`: an integer year; a date the data crate reads (as a decimal year); a
/// decimal year. Otherwise rejected.
fn time_of(t: &Table, r: usize) -> Option<Time> {
    if let Some(CellRef::Number(n)) = t.cell(r, 0) {
        return Some(if n.fract() == 0.0 && n.abs() < 1e6 {
            Time::Year(n as i32)
        } else {
            Time::Decimal(n)
        });
    }
    let raw = t.text(r, 0);
    if let Ok(year) = raw.parse::<i32>() {
        return Some(Time::Year(year));
    }
    match parse_time(&raw) {
        Ok(TimeKey::Year(y)) => return Some(Time::Year(y)),
        Ok(TimeKey::Date(d)) => return Some(Time::Decimal(d.decimal_year())),
        _ => {}
    }
    if let Some(x) = raw.parse::<f64>().ok().filter(|x| x.is_finite()) {
        return Some(Time::Decimal(x));
    }
    t.reject(r, 0, RejectKind::NotATime);
    None
}
