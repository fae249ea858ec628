//! `renewal air-annual`: daily AQI and HJ 663 annual statistics of one city or station from an
//! hourly or daily table, checked against GB 3095 and WHO 2021.
//!
//! The file (CSV/TSV with comma, semicolon or tab, XLSX, ODS; any encoding the data crate
//! decodes) is read through the data crate ([`super::table_input`]): a header row, then a first
//! column with the timestamp (hourly) or the date (daily) in any form
//! [`renewal_data::time::parse_time`] reads (`2023-05-01 13:00`, `2023/5/1 13:00`,
//! `2023年5月1日` …), then one column per pollutant. Hourly columns: `pm25 pm10 so2 no2 co o3`.
//! Daily columns: `pm25_24h pm10_24h so2_24h no2_24h co_24h o3_8h` (O3 as MDA8) and, for
//! HJ 633-2012, `o3_1h` (daily max); bare names are read as these. Other headers are recognised
//! through the data crate's synonym table (`PM2.5 (μg/m³)`, `细颗粒物`, `二氧化硫(ppb)` …) and
//! their unit converted to µg/m³ (CO mg/m³). Empty cells and missing markers (`NA`, `-`, `缺测`
//! …) are missing values; decimal comma and thousands separators are read per column.
//!
//! # Errors
//! A cell that is not a number, a negative concentration or an impossible unit is rejected,
//! located (row, column, header, raw text, reason in `--lang`), listed on stderr and under
//! `rejections`, and left out; a bad timestamp leaves its row out. Only a file whose every row
//! (or every value) is rejected is an input error.

use super::aqi::StandardArg;
use crate::output::{print_json, CliError};
use renewal_calc::air_statistics::{
    evaluate_daily, evaluate_hourly, evaluate_pollutant_days, pollutant_days_of_rows, DailyValue,
    Evaluation, HourlyValue, Options, StatsError, HJ663,
};
use renewal_calc::aqi::{Pollutant, PollutantKey, StandardId};
use renewal_calc::compliance::{
    check_gb3095, check_who_2021, limits, Grade, LimitCheck, LimitSet, Metric, Statistic, WhoCheck,
};
use renewal_calc::time::{CivilDate, CivilHour};
use std::path::PathBuf;

use super::table_input::{LangArg, Reason, Rejected, Table};
use renewal_data::indicator::{recognise, IndicatorSpec};
use renewal_data::time::TimeKey;
use renewal_data::units::{convert, Unit};
use renewal_data::validate::RejectKind;
use renewal_data::{ColumnRole, IndicatorId};

/// GB 3095 grade on the command line.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum GradeArg {
    /// Grade I (class 1 areas).
    #[value(name = "I")]
    I,
    /// Grade II (class 2 areas; cities).
    #[value(name = "II")]
    II,
}

/// How hourly timestamps are labelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum HourLabel {
    /// `10:00` is the hour 10:00–11:00.
    Start,
    /// `10:00` is the hour 09:00–10:00 (common on Chinese platforms; `24:00` allowed).
    End,
}

/// Options of `renewal air-annual`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  renewal air-annual --standard hj633-2026 hourly.csv
  renewal air-annual --standard hj633-2012 --grade I --annual-only daily.xlsx
  renewal air-annual --standard hj633-2026 --hour-label end --lang zh 逐时数据.csv

Input: a header row, the time in the first column (hourly timestamps or daily dates), then one
column per pollutant (pm25 pm10 so2 no2 co o3, or headers such as PM2.5 (μg/m³), 二氧化硫).
Output: daily AQI per day (unless --annual-only), HJ 663 annual statistics and GB 3095 / WHO
checks per year, and the located rejections.")]
pub struct Args {
    /// The HJ 633 revision for the daily AQI (China only).
    #[arg(long, value_enum)]
    pub standard: StandardArg,
    /// GB 3095 grade for the compliance checks.
    #[arg(long, value_enum, default_value = "II")]
    pub grade: GradeArg,
    /// Label convention of hourly timestamps.
    #[arg(long, value_enum, default_value = "start")]
    pub hour_label: HourLabel,
    /// Leave the per-day reports out of the output.
    #[arg(long)]
    pub annual_only: bool,
    /// Print JSON (the only format).
    #[arg(long)]
    pub json: bool,
    /// The file: CSV/TSV (comma, semicolon, tab), XLSX or ODS.
    pub file: PathBuf,
    /// Language of the located messages about rejected cells.
    #[arg(long, value_enum, default_value = "en")]
    pub lang: LangArg,
}

enum Stamp {
    Hour(CivilHour),
    Day(CivilDate),
}

/// A time cell as a stamp: dates are days, hours are shifted by the label convention (`24:00`
/// is read by the data crate as 00:00 of the next day, so `end` gives 23:00–24:00).
fn stamp(t: &Table, row: usize, label: HourLabel) -> Option<Stamp> {
    match t.time(row, 0)? {
        TimeKey::Date(d) => Some(Stamp::Day(d)),
        TimeKey::Hour(h) if label == HourLabel::End => Some(Stamp::Hour(
            CivilHour::from_hours_since_epoch(h.hours_since_epoch() - 1),
        )),
        TimeKey::Hour(h) => Some(Stamp::Hour(h)),
        TimeKey::Year(_) => {
            t.reject(
                row,
                0,
                Reason::Text(
                    "a year; hourly timestamps or daily dates are needed".into(),
                    "是年份；需要小时时刻或日期".into(),
                ),
            );
            None
        }
    }
}

/// The series and the rejections; an input error when cells were rejected and no value is left.
#[allow(clippy::type_complexity)]
fn finish<K, V>(
    t: Table,
    series: Vec<(K, Vec<V>)>,
) -> Result<(Vec<(K, Vec<V>)>, Vec<Rejected>), CliError> {
    if series.iter().all(|(_, v)| v.is_empty()) && t.rejected_count() > 0 {
        t.finish(Vec::<()>::new())?;
        return Ok((series, Vec::new()));
    }
    t.finish(series)
}

fn hourly_column(name: &str) -> Option<Pollutant> {
    Pollutant::from_key(name.strip_suffix("_1h").unwrap_or(name))
}

fn daily_column(name: &str) -> Option<PollutantKey> {
    PollutantKey::from_key(name).or_else(|| Some(daily_key(Pollutant::from_key(name)?)))
}

fn daily_key(p: Pollutant) -> PollutantKey {
    match p {
        Pollutant::Pm25 => PollutantKey::Pm25_24h,
        Pollutant::Pm10 => PollutantKey::Pm10_24h,
        Pollutant::So2 => PollutantKey::So2_24h,
        Pollutant::No2 => PollutantKey::No2_24h,
        Pollutant::Co => PollutantKey::Co_24h,
        Pollutant::O3 => PollutantKey::O3_8h,
    }
}

/// A header the command's keys do not know, recognised through the data crate's synonym table
/// (`PM2.5 (μg/m³)`, `细颗粒物`, `二氧化硫(ppb)` …): the pollutant and the header's unit, if any.
fn recognised(header: &str) -> Option<(Pollutant, Option<Unit>)> {
    let r = recognise(header);
    let p = match r.role {
        ColumnRole::Indicator(IndicatorId::Pm25) => Pollutant::Pm25,
        ColumnRole::Indicator(IndicatorId::Pm10) => Pollutant::Pm10,
        ColumnRole::Indicator(IndicatorId::So2) => Pollutant::So2,
        ColumnRole::Indicator(IndicatorId::No2) => Pollutant::No2,
        ColumnRole::Indicator(IndicatorId::Co) => Pollutant::Co,
        ColumnRole::Indicator(IndicatorId::O3) => Pollutant::O3,
        _ => return None,
    };
    Some((p, r.unit))
}

/// A concentration cell in the indicator's canonical unit (µg/m³; CO mg/m³): missing markers
/// are `None`; not a number, a negative value or a unit that does not convert is rejected.
fn concentration(
    t: &Table,
    row: usize,
    col: usize,
    unit: Option<(Unit, &IndicatorSpec)>,
) -> Option<f64> {
    let v = t.opt_number(row, Some(col))?;
    let v = match unit {
        Some((u, spec)) => match convert(v, u, spec.canonical_unit, spec.gas) {
            Ok(c) => c,
            Err(_) => {
                t.reject(
                    row,
                    col,
                    RejectKind::UnitMismatch {
                        found: u,
                        expected: spec.canonical_unit,
                    },
                );
                return None;
            }
        },
        _ => v,
    };
    if v < 0.0 {
        t.reject(row, col, RejectKind::NegativeConcentration { value: v });
        return None;
    }
    Some(v)
}

#[derive(serde::Serialize)]
struct YearCompliance {
    year: i32,
    gb3095: LimitSet,
    grade: Grade,
    gb3095_checks: Vec<LimitCheck>,
    who_2021_annual_means: Vec<WhoCheck>,
}

#[derive(serde::Serialize)]
struct Output {
    input: &'static str,
    rows_read: usize,
    #[serde(flatten)]
    evaluation: Evaluation,
    compliance: Vec<YearCompliance>,
    /// Rejected cells, located: a bad timestamp leaves its row out, a bad concentration only
    /// that value (HJ 663's completeness rules then apply). Absent when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    rejections: Vec<Rejected>,
}

/// The GB 3095 limit set that applies to `year` under the AQI standard chosen (shared with `report`).
pub(crate) fn limit_set(standard: StandardId, year: i32) -> LimitSet {
    match standard {
        StandardId::CnHj633_2026 => CivilDate::new(year, 12, 31)
            .ok()
            .and_then(LimitSet::for_date)
            .unwrap_or(LimitSet::Gb3095_2026Transition),
        _ => LimitSet::Gb3095_2012,
    }
}

fn compliance(e: &Evaluation, grade: Grade) -> Result<Vec<YearCompliance>, CliError> {
    e.annual
        .iter()
        .map(|y| {
            let values: Vec<(Metric, f64)> = y
                .statistics
                .iter()
                .filter_map(|s| Some((Metric::of(s.pollutant, s.statistic)?, s.value?)))
                .collect();
            let set = limit_set(e.standard, y.year);
            let gb =
                check_gb3095(set, grade, &values).map_err(|e| CliError::Input(e.to_string()))?;
            let annual: Vec<(Metric, f64)> = values
                .iter()
                .copied()
                .filter(|(m, _)| {
                    m.who_statistic() == Statistic::AnnualMean && m.who_key().is_some()
                })
                .collect();
            let who = check_who_2021(&annual).map_err(|e| CliError::Input(e.to_string()))?;
            Ok(YearCompliance {
                year: y.year,
                gb3095: set,
                grade,
                gb3095_checks: gb,
                who_2021_annual_means: who,
            })
        })
        .collect()
}

/// Read, evaluate and print.
pub fn run(args: Args) -> Result<(), CliError> {
    let standard = StandardId::from(args.standard);
    if standard.family() != renewal_calc::aqi::Family::China {
        return Err(CliError::Usage(
            "air-annual evaluates HJ 663 / HJ 633: use --standard hj633-2012 or hj633-2026".into(),
        ));
    }
    let grade = match args.grade {
        GradeArg::I => Grade::I,
        GradeArg::II => Grade::II,
    };
    // The O3 8-hour limit that rescues a thin MDA8 day is the same in every GB 3095 limit set
    // (grade I 100, grade II 160); take it from the set of the standard.
    let set = limit_set(standard, 2026);
    let o3_limit = limits(set)
        .iter()
        .find(|l| l.metric == Metric::O3_8h)
        .map(|l| match grade {
            Grade::I => l.grade_i,
            Grade::II => l.grade_ii,
        });
    let options = Options {
        standard,
        rules: HJ663,
        mda8_exceedance_limit_ug_m3: o3_limit,
    };
    let bytes = read_bytes(&args.file)?;
    let shift = if args.hour_label == HourLabel::End {
        -1
    } else {
        0
    };
    if let Some(fast) = super::hourly_csv::read(&bytes, shift, None) {
        let evaluation = evaluate_on_two_threads(&options, &fast.hours, &fast.columns)
            .map_err(|e| CliError::Input(e.to_string()))?;
        return print_output(
            evaluation,
            grade,
            args.annual_only,
            "hourly",
            fast.hours.len(),
            Vec::new(),
        );
    }
    let t = Table::parse(&args.file.display().to_string(), &bytes, args.lang.into())?;
    let stamps: Vec<(usize, Stamp)> = (0..t.len())
        .filter_map(|r| Some((r, stamp(&t, r, args.hour_label)?)))
        .collect();
    if stamps.is_empty() {
        // Every time cell was rejected: an input error listing them.
        t.finish(Vec::<()>::new())?;
        return Err(CliError::Input(format!(
            "{}: no data rows",
            args.file.display()
        )));
    }
    let hourly = stamps.iter().all(|(_, s)| matches!(s, Stamp::Hour(_)));
    let daily = stamps.iter().all(|(_, s)| matches!(s, Stamp::Day(_)));
    let headers = t.headers().to_vec();
    let columns: Vec<(usize, String)> = headers
        .iter()
        .enumerate()
        .skip(1)
        .map(|(c, h)| (c, h.trim().to_lowercase()))
        .collect();
    let evaluation = if hourly {
        let mut series: Vec<(Pollutant, Vec<HourlyValue>)> = Vec::new();
        for (c, name) in &columns {
            let (p, unit) = hourly_column(name)
                .map(|p| (p, None))
                .or_else(|| recognised(name))
                .ok_or_else(|| {
                    CliError::Input(format!(
                        "column {name:?}: not a pollutant (pm25 pm10 so2 no2 co o3)"
                    ))
                })?;
            let unit = unit.and_then(|u| Some((u, IndicatorId::from_id(p.key())?.spec())));
            let mut values = Vec::new();
            for (row, stamp) in &stamps {
                let Stamp::Hour(hour) = stamp else { continue };
                if let Some(v) = concentration(&t, *row, *c, unit) {
                    values.push(HourlyValue {
                        hour: *hour,
                        concentration: v,
                    });
                }
            }
            series.push((p, values));
        }
        let (series, rejections) = finish(t, series)?;
        (evaluate_hourly(&options, &series), rejections)
    } else if daily {
        let mut series: Vec<(PollutantKey, Vec<DailyValue>)> = Vec::new();
        for (c, name) in &columns {
            let (k, unit) = daily_column(name)
                .map(|k| (k, None))
                .or_else(|| recognised(name).map(|(p, u)| (daily_key(p), u)))
                .ok_or_else(|| {
                    CliError::Input(format!(
                        "column {name:?}: not a daily key (pm25_24h … o3_8h)"
                    ))
                })?;
            let unit =
                unit.and_then(|u| Some((u, IndicatorId::from_id(k.pollutant().key())?.spec())));
            let mut values = Vec::new();
            for (row, stamp) in &stamps {
                let Stamp::Day(date) = stamp else { continue };
                if let Some(v) = concentration(&t, *row, *c, unit) {
                    values.push(DailyValue {
                        date: *date,
                        concentration: v,
                    });
                }
            }
            series.push((k, values));
        }
        let (series, rejections) = finish(t, series)?;
        (evaluate_daily(&options, &series), rejections)
    } else {
        return Err(CliError::Input(
            "the first column mixes dates and hourly timestamps".into(),
        ));
    };
    let rows_read = stamps.len();
    let (evaluation, rejections) = evaluation;
    let evaluation = evaluation.map_err(|e| CliError::Input(e.to_string()))?;
    let input = if hourly { "hourly" } else { "daily" };
    print_output(
        evaluation,
        grade,
        args.annual_only,
        input,
        rows_read,
        rejections,
    )
}

/// [`renewal_calc::air_statistics::evaluate_hourly_rows`] with the pollutants' daily statistics
/// computed on two threads (each series is independent; the calc crate stays single-threaded
/// for wasm). Results are put back in series order before the reports are built, so the output
/// and the error reported (the first series' in order) are those of the one-thread call.
pub(crate) fn evaluate_on_two_threads(
    options: &Options,
    hours: &[i64],
    series: &[(Pollutant, Vec<f64>)],
) -> Result<Evaluation, StatsError> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        // Each thread takes the next series not yet taken (O3's MDA8 costs most).
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some((p, values)) = series.get(i) else {
                break;
            };
            done.push((i, pollutant_days_of_rows(options, *p, hours, values)));
        }
        done
    };
    let mut done = std::thread::scope(|s| {
        let other = s.spawn(work);
        let mut done = work();
        done.extend(
            other
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e)),
        );
        done
    });
    done.sort_by_key(|(i, _)| *i);
    let days = done
        .into_iter()
        .map(|(_, d)| d)
        .collect::<Result<Vec<_>, _>>()?;
    evaluate_pollutant_days(options, days)
}

/// The file's bytes (stdin for `-`).
///
/// # Errors
/// [`CliError::Input`] when the file cannot be read.
pub fn read_bytes(path: &std::path::Path) -> Result<Vec<u8>, CliError> {
    let name = path.display().to_string();
    if name == "-" {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut b)?;
        return Ok(b);
    }
    std::fs::read(path).map_err(|e| CliError::Input(format!("cannot read {name}: {e}")))
}

fn print_output(
    mut evaluation: Evaluation,
    grade: Grade,
    annual_only: bool,
    input: &'static str,
    rows_read: usize,
    rejections: Vec<Rejected>,
) -> Result<(), CliError> {
    let compliance = compliance(&evaluation, grade)?;
    if annual_only {
        evaluation.daily.clear();
    }
    print_json(&Output {
        input,
        rows_read,
        evaluation,
        compliance,
        rejections,
    })
}
