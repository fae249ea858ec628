//! `renewal air-annual`: daily AQI and HJ 663 annual statistics of one city or station from an
//! hourly or daily CSV, checked against GB 3095 and WHO 2021.
//!
//! The CSV is read here, small and local: a header row, then a first column with the timestamp
//! (`YYYY-MM-DD HH[:00]` or `YYYY-MM-DDTHH[:00]`, hourly) or the date (`YYYY-MM-DD`, daily), then
//! one column per pollutant. Hourly columns: `pm25 pm10 so2 no2 co o3`. Daily columns:
//! `pm25_24h pm10_24h so2_24h no2_24h co_24h o3_8h` (O3 as MDA8) and, for HJ 633-2012, `o3_1h`
//! (daily max); bare names are read as these. Empty cells, `NA` and `-` are missing values.

use super::aqi::StandardArg;
use crate::output::{print_json, CliError};
use renewal_calc::air_statistics::{
    evaluate_daily, evaluate_hourly, DailyValue, Evaluation, HourlyValue, Options, HJ663,
};
use renewal_calc::aqi::{Pollutant, PollutantKey, StandardId};
use renewal_calc::compliance::{
    check_gb3095, check_who_2021, limits, Grade, LimitCheck, LimitSet, Metric, Statistic, WhoCheck,
};
use renewal_calc::time::{CivilDate, CivilHour};
use std::path::PathBuf;

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
    /// The CSV file.
    pub file: PathBuf,
}

enum Stamp {
    Hour(CivilHour),
    Day(CivilDate),
}

fn num(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Parse `YYYY-MM-DD`, `YYYY-MM-DD HH`, `YYYY-MM-DD HH:MM[:SS]` or with `T`.
fn parse_stamp(s: &str, label: HourLabel) -> Result<Stamp, String> {
    let s = s.trim();
    let (date_part, time_part) = match s.split_once(['T', ' ']) {
        Some((d, t)) => (d, Some(t.trim())),
        None => (s, None),
    };
    let mut it = date_part.split('-');
    let (Some(y), Some(m), Some(d), None) = (it.next(), it.next(), it.next(), it.next()) else {
        return Err(format!("{s:?} is not a date YYYY-MM-DD"));
    };
    let (Some(y), Some(m), Some(d)) = (num(y), num(m), num(d)) else {
        return Err(format!("{s:?} is not a date YYYY-MM-DD"));
    };
    let (y, m, d) = (
        i32::try_from(y).map_err(|_| format!("{s:?}: bad year"))?,
        u8::try_from(m).map_err(|_| format!("{s:?}: bad month"))?,
        u8::try_from(d).map_err(|_| format!("{s:?}: bad day"))?,
    );
    let date = CivilDate::new(y, m, d).map_err(|e| format!("{s:?}: {e}"))?;
    let Some(t) = time_part else {
        return Ok(Stamp::Day(date));
    };
    let mut parts = t.split(':');
    let hour = parts
        .next()
        .and_then(num)
        .ok_or_else(|| format!("{s:?}: bad hour"))?;
    for rest in parts {
        if num(rest) != Some(0) {
            return Err(format!("{s:?}: hourly data must be on the hour"));
        }
    }
    let max = if label == HourLabel::End { 24 } else { 23 };
    if hour > max {
        return Err(format!("{s:?}: hour {hour} is out of range"));
    }
    let base = CivilHour { date, hour: 0 }.hours_since_epoch() + i64::from(hour);
    let start = if label == HourLabel::End {
        base - 1
    } else {
        base
    };
    Ok(Stamp::Hour(CivilHour::from_hours_since_epoch(start)))
}

fn hourly_column(name: &str) -> Option<Pollutant> {
    Pollutant::from_key(name.strip_suffix("_1h").unwrap_or(name))
}

fn daily_column(name: &str) -> Option<PollutantKey> {
    PollutantKey::from_key(name).or_else(|| {
        Some(match Pollutant::from_key(name)? {
            Pollutant::Pm25 => PollutantKey::Pm25_24h,
            Pollutant::Pm10 => PollutantKey::Pm10_24h,
            Pollutant::So2 => PollutantKey::So2_24h,
            Pollutant::No2 => PollutantKey::No2_24h,
            Pollutant::Co => PollutantKey::Co_24h,
            Pollutant::O3 => PollutantKey::O3_8h,
        })
    })
}

fn cell_value(raw: &str, row: usize, header: &str) -> Result<Option<f64>, CliError> {
    let t = raw.trim();
    if t.is_empty() || t.eq_ignore_ascii_case("na") || t == "-" {
        return Ok(None);
    }
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(Some(v)),
        _ => Err(CliError::Input(format!(
            "row {row}, column {header:?}: {raw:?} is not a non-negative number"
        ))),
    }
}

struct Table {
    headers: Vec<String>,
    rows: Vec<(usize, Stamp, Vec<String>)>,
}

fn read(path: &PathBuf, label: HourLabel) -> Result<Table, CliError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .trim(csv::Trim::All)
        .from_path(path)
        .map_err(|e| CliError::Input(format!("{}: {e}", path.display())))?;
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| CliError::Input(format!("{}: {e}", path.display())))?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').to_ascii_lowercase())
        .collect();
    let mut rows = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let row = i + 2; // 1-based, after the header line
        let rec = rec.map_err(|e| CliError::Input(format!("{}: {e}", path.display())))?;
        let first = rec.get(0).unwrap_or_default();
        let stamp = parse_stamp(first, label)
            .map_err(|m| CliError::Input(format!("row {row}, column 1: {m}")))?;
        rows.push((row, stamp, rec.iter().skip(1).map(str::to_owned).collect()));
    }
    Ok(Table { headers, rows })
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
}

fn metric_of(p: Pollutant, s: Statistic) -> Option<Metric> {
    Some(match (p, s) {
        (Pollutant::So2, Statistic::AnnualMean) => Metric::So2Annual,
        (Pollutant::So2, Statistic::P98OfDailyMeans) => Metric::So2_24h,
        (Pollutant::No2, Statistic::AnnualMean) => Metric::No2Annual,
        (Pollutant::No2, Statistic::P98OfDailyMeans) => Metric::No2_24h,
        (Pollutant::Pm10, Statistic::AnnualMean) => Metric::Pm10Annual,
        (Pollutant::Pm10, Statistic::P95OfDailyMeans) => Metric::Pm10_24h,
        (Pollutant::Pm25, Statistic::AnnualMean) => Metric::Pm25Annual,
        (Pollutant::Pm25, Statistic::P95OfDailyMeans) => Metric::Pm25_24h,
        (Pollutant::Co, Statistic::P95OfDailyMeans) => Metric::Co_24h,
        (Pollutant::O3, Statistic::P90OfMda8) => Metric::O3_8h,
        _ => return None,
    })
}

fn limit_set(standard: StandardId, year: i32) -> LimitSet {
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
                .filter_map(|s| Some((metric_of(s.pollutant, s.statistic)?, s.value?)))
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
    let table = read(&args.file, args.hour_label)?;
    let hourly = table
        .rows
        .iter()
        .all(|(_, s, _)| matches!(s, Stamp::Hour(_)));
    let daily = table
        .rows
        .iter()
        .all(|(_, s, _)| matches!(s, Stamp::Day(_)));
    if table.rows.is_empty() {
        return Err(CliError::Input(format!(
            "{}: no data rows",
            args.file.display()
        )));
    }
    let columns = table.headers.get(1..).unwrap_or_default();
    let evaluation = if hourly {
        let mut series: Vec<(Pollutant, Vec<HourlyValue>)> = Vec::new();
        for (c, name) in columns.iter().enumerate() {
            let p = hourly_column(name).ok_or_else(|| {
                CliError::Input(format!(
                    "column {:?}: not a pollutant (pm25 pm10 so2 no2 co o3)",
                    name
                ))
            })?;
            let mut values = Vec::new();
            for (row, stamp, cells) in &table.rows {
                let (Stamp::Hour(hour), Some(raw)) = (stamp, cells.get(c)) else {
                    continue;
                };
                if let Some(v) = cell_value(raw, *row, name)? {
                    values.push(HourlyValue {
                        hour: *hour,
                        concentration: v,
                    });
                }
            }
            series.push((p, values));
        }
        evaluate_hourly(&options, &series)
    } else if daily {
        let mut series: Vec<(PollutantKey, Vec<DailyValue>)> = Vec::new();
        for (c, name) in columns.iter().enumerate() {
            let k = daily_column(name).ok_or_else(|| {
                CliError::Input(format!(
                    "column {:?}: not a daily key (pm25_24h … o3_8h)",
                    name
                ))
            })?;
            let mut values = Vec::new();
            for (row, stamp, cells) in &table.rows {
                let (Stamp::Day(date), Some(raw)) = (stamp, cells.get(c)) else {
                    continue;
                };
                if let Some(v) = cell_value(raw, *row, name)? {
                    values.push(DailyValue {
                        date: *date,
                        concentration: v,
                    });
                }
            }
            series.push((k, values));
        }
        evaluate_daily(&options, &series)
    } else {
        return Err(CliError::Input(
            "the first column mixes dates and hourly timestamps".into(),
        ));
    }
    .map_err(|e| CliError::Input(e.to_string()))?;
    let compliance = compliance(&evaluation, grade)?;
    let mut evaluation = evaluation;
    if args.annual_only {
        evaluation.daily.clear();
    }
    print_json(&Output {
        input: if hourly { "hourly" } else { "daily" },
        rows_read: table.rows.len(),
        evaluation,
        compliance,
    })
}
