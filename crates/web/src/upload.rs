//! Uploaded files, read off the main thread: the messages between the page and the upload worker
//! (`src/bin/worker.rs`), and the work the worker does, as plain Rust tested natively.
//!
//! The worker receives the file's bytes and the [`ParseOptions`], reads them with the data
//! crate's pieces of [`renewal_data::parse_table`] (so XLSX/XLS/ODS, GB18030 and UTF-16 work),
//! evaluates hourly or daily air-quality series with [`renewal_calc::air_statistics`], and
//! answers with a [`UploadResult`] small enough to cross to the page cheaply: the preview (how
//! each column was read, the rejected cells), the annual values, and per city the daily AQI and
//! the HJ 663 annual statistics. The hourly values themselves never leave the worker.
//!
//! Only the worker calls [`process`], so the workbook reader (calamine) is linked into the
//! worker's wasm and not into the page's.
//!
//! Messages are JSON strings ([`ToPage`]); the bytes travel as a transferred `ArrayBuffer`.

use renewal_calc::air_statistics::{
    evaluate_daily, evaluate_hourly, DailyValue, Evaluation, HourlyValue, Options, HJ663,
};
use renewal_calc::aqi::{Pollutant, PollutantKey, StandardId};
use renewal_calc::compliance::{limits, Grade, LimitSet, Metric, Statistic};
use renewal_calc::time::CivilDate;
use renewal_data::delimited::{decode, read_grid, sniff_delimiter, TextEncoding};
use renewal_data::grid::Grid;
use renewal_data::table::interpret;
use renewal_data::xlsx::{looks_like_workbook, read_workbook};
use renewal_data::{
    ColumnRole, IndicatorId, Lang, ParseOptions, ParsedTable, Source, TableIssue, TimeKey, Unit,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The worker's script, relative to the page (Trunk names worker files after the binary).
pub const WORKER_URL: &str = "./renewal-worker_loader.js";

/// Rejected cells sent to the page for the preview (the total is in the summary). Measured: a
/// 200-row table took one 102 ms main-thread task to render in Chromium on the shared machine;
/// 50 rows stay well under the 50 ms long-task threshold.
pub const MAX_REJECTIONS_SHOWN: usize = 50;

/// Days of daily AQI kept per city in the workspace (the latest ones): 30 years, about 45 KB of
/// JSON per city, well inside the 5 MB that browsers give `localStorage`.
pub const MAX_DAYS_KEPT: usize = 30 * 366;

/// A text in both languages, rendered in the worker (where the data crate's types are).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bi {
    /// English.
    pub en: String,
    /// Chinese.
    pub zh: String,
}

impl Bi {
    /// Render with `f` in both languages.
    pub fn of(f: impl Fn(Lang) -> String) -> Self {
        Self {
            en: f(Lang::En),
            zh: f(Lang::Zh),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            _ => &self.en,
        }
    }
}

/// What the worker is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Phase {
    /// Decoding the bytes (text encodings) or opening the workbook.
    Decoding,
    /// Splitting the text into rows (`done` of `total` lines).
    Reading,
    /// Recognising columns, units and values.
    Interpreting,
    /// Daily and annual statistics (`done` of `total` series).
    Statistics,
}

/// A progress report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// The phase.
    pub phase: Phase,
    /// Units done within the phase.
    pub done: u64,
    /// Units in the phase (0: unknown).
    pub total: u64,
}

impl Progress {
    /// Overall fraction done, 0–1: the phases take the shares 5 %, 40 %, 35 %, 20 % (measured
    /// roughly on a 1,000,000-row hourly CSV; the bar only needs to move honestly).
    pub fn fraction(self) -> f64 {
        let (start, width) = match self.phase {
            Phase::Decoding => (0.0, 0.05),
            Phase::Reading => (0.05, 0.40),
            Phase::Interpreting => (0.45, 0.35),
            Phase::Statistics => (0.80, 0.20),
        };
        let within = if self.total == 0 {
            0.0
        } else {
            (self.done as f64 / self.total as f64).clamp(0.0, 1.0)
        };
        start + width * within
    }
}

/// A message from the worker to the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ToPage {
    /// The worker's wasm is running and listening (messages sent earlier would be lost).
    Ready,
    /// Progress.
    Progress(Progress),
    /// The result.
    Done(Box<UploadResult>),
    /// Nothing could be read; why.
    Failed(Bi),
}

/// How one column was read (the preview's mapping table).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnView {
    /// 0-based column index.
    pub column: usize,
    /// Column letter.
    pub letter: String,
    /// Header as written.
    pub header: String,
    /// Role detected or chosen.
    pub role: ColumnRole,
    /// Unit, if known.
    pub unit: Option<Unit>,
    /// Unit text that was not understood.
    pub unknown_unit_text: Option<String>,
    /// Cells accepted.
    pub accepted: usize,
    /// Cells rejected.
    pub rejected: usize,
}

/// One rejected cell, located, with its reason in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RejectionView {
    /// Cell reference (`C12`).
    pub cell: String,
    /// Header of its column.
    pub header: String,
    /// The cell's text.
    pub raw: String,
    /// Why.
    pub reason: Bi,
}

/// The preview of an upload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UploadPreview {
    /// Where the rows came from: the sheet name, or the encoding and delimiter.
    pub source: Bi,
    /// Data rows read.
    pub data_rows: usize,
    /// Indicators recognised.
    pub indicators: Vec<IndicatorId>,
    /// Values accepted.
    pub cells_accepted: usize,
    /// Values rejected.
    pub cells_rejected: usize,
    /// Columns.
    pub columns: Vec<ColumnView>,
    /// Table-level notes.
    pub issues: Vec<Bi>,
    /// The first [`MAX_REJECTIONS_SHOWN`] rejected cells.
    pub rejections: Vec<RejectionView>,
    /// How many were rejected in all.
    pub rejections_total: usize,
}

/// One city's annual values of one indicator, year -> value (canonical unit).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnnualSeries {
    /// City named in the table, if any.
    pub city: Option<String>,
    /// Indicator.
    pub indicator: IndicatorId,
    /// (year, value).
    pub points: Vec<(i32, f64)>,
}

/// An HJ 663 annual statistic, as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Stat {
    /// Annual mean of the valid daily means.
    AnnualMean,
    /// 98th percentile of daily means (SO2, NO2).
    P98Daily,
    /// 95th percentile of daily means (PM10, PM2.5, CO).
    P95Daily,
    /// 90th percentile of the daily maximum 8-hour means (O3).
    P90Mda8,
}

impl Stat {
    fn of(s: Statistic) -> Option<Self> {
        Some(match s {
            Statistic::AnnualMean => Self::AnnualMean,
            Statistic::P98OfDailyMeans => Self::P98Daily,
            Statistic::P95OfDailyMeans => Self::P95Daily,
            Statistic::P90OfMda8 => Self::P90Mda8,
            _ => return None,
        })
    }

    /// The compliance crate's statistic.
    pub fn statistic(self) -> Statistic {
        match self {
            Self::AnnualMean => Statistic::AnnualMean,
            Self::P98Daily => Statistic::P98OfDailyMeans,
            Self::P95Daily => Statistic::P95OfDailyMeans,
            Self::P90Mda8 => Statistic::P90OfMda8,
        }
    }
}

/// One annual statistic of one pollutant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatValue {
    /// Pollutant key (`pm25`, …, `o3`).
    pub pollutant: String,
    /// Statistic.
    pub stat: Stat,
    /// Value (µg/m³; CO mg/m³) when HJ 663's completeness rules are met.
    pub value: Option<f64>,
    /// Valid daily values behind it.
    pub days: usize,
}

impl StatValue {
    /// The pollutant.
    pub fn pollutant(&self) -> Option<Pollutant> {
        Pollutant::from_key(&self.pollutant)
    }

    /// The GB 3095 metric this statistic is compared with.
    pub fn metric(&self) -> Option<Metric> {
        Metric::of(self.pollutant()?, self.stat.statistic())
    }
}

/// One calendar year's HJ 663 statistics.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AirYear {
    /// Year.
    pub year: i32,
    /// Days with a valid daily AQI.
    pub valid_days: usize,
    /// Valid days with AQI <= 100.
    pub good_days: usize,
    /// The statistics.
    pub stats: Vec<StatValue>,
}

/// A city's air quality from hourly or daily data: daily AQI (HJ 633-2012) and HJ 663 annual
/// statistics. This is what the workspace keeps; the hourly values are not kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AirRecord {
    /// Whether the input was hourly (otherwise daily).
    pub hourly: bool,
    /// The first day of `daily_aqi`, `YYYY-MM-DD`.
    pub first_day: String,
    /// Daily AQI from `first_day` on, one per day (`None`: no valid AQI that day).
    pub daily_aqi: Vec<Option<u32>>,
    /// Days of data before `first_day` that were not kept (see [`MAX_DAYS_KEPT`]).
    pub days_dropped: usize,
    /// One per calendar year, every year of the data.
    pub years: Vec<AirYear>,
}

impl AirRecord {
    /// The first kept day.
    pub fn first_date(&self) -> Option<CivilDate> {
        parse_day(&self.first_day)
    }

    /// (date, AQI) for every kept day.
    pub fn days(&self) -> Vec<(CivilDate, Option<u32>)> {
        let Some(first) = self.first_date() else {
            return Vec::new();
        };
        let start = first.days_since_epoch();
        self.daily_aqi
            .iter()
            .enumerate()
            .map(|(i, a)| (CivilDate::from_days_since_epoch(start + i as i64), *a))
            .collect()
    }
}

/// `YYYY-MM-DD` of a date.
pub fn day_text(d: CivilDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

fn parse_day(s: &str) -> Option<CivilDate> {
    let mut it = s.splitn(3, '-');
    let y = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok()?;
    let d = it.next()?.parse().ok()?;
    CivilDate::new(y, m, d).ok()
}

/// One city's air quality, as computed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CityAir {
    /// City named in the table, if any.
    pub city: Option<String>,
    /// The record.
    pub record: AirRecord,
}

/// Everything the worker sends back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UploadResult {
    /// The preview.
    pub preview: UploadPreview,
    /// Annual values found in the table.
    pub annual: Vec<AnnualSeries>,
    /// Daily AQI and HJ 663 statistics, per city, for hourly or daily air-quality data.
    pub air: Vec<CityAir>,
    /// Why hourly or daily data could not be evaluated (duplicate hours …).
    pub air_error: Option<Bi>,
}

fn pollutant_of(id: IndicatorId) -> Option<Pollutant> {
    Some(match id {
        IndicatorId::Pm25 => Pollutant::Pm25,
        IndicatorId::Pm10 => Pollutant::Pm10,
        IndicatorId::So2 => Pollutant::So2,
        IndicatorId::No2 => Pollutant::No2,
        IndicatorId::Co => Pollutant::Co,
        IndicatorId::O3 => Pollutant::O3,
        _ => return None,
    })
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

/// The evaluation options: HJ 633-2012 daily AQI, HJ 663 rules, and the GB 3095-2012 grade II
/// O3 8-hour limit for MDA8 days valid by exceedance (as `renewal air-annual` by default).
pub fn air_options() -> Options {
    let o3_limit = limits(LimitSet::Gb3095_2012)
        .iter()
        .find(|l| l.metric == Metric::O3_8h)
        .map(|l| l.grade_ii);
    Options {
        standard: StandardId::CnHj633_2012,
        rules: HJ663,
        mda8_exceedance_limit_ug_m3: o3_limit,
    }
}

/// The grade the annual statistics are checked against (cities: grade II).
pub const GRADE: Grade = Grade::II;

/// Lines per chunk when splitting text into rows, so progress can be reported between chunks.
const LINES_PER_CHUNK: usize = 50_000;

/// Split `text` into rows like [`read_grid`], in chunks of whole lines, reporting lines done.
/// Text with a quote character is read in one piece (a quoted cell may hold a line break).
fn read_grid_chunked(text: &str, delimiter: u8, progress: &mut impl FnMut(Progress)) -> Grid {
    let total = text.bytes().filter(|b| *b == b'\n').count() as u64 + 1;
    if text.contains('"') || total as usize <= LINES_PER_CHUNK {
        let g = read_grid(text, delimiter);
        progress(Progress {
            phase: Phase::Reading,
            done: total,
            total,
        });
        return g;
    }
    let mut grid = Grid::default();
    let mut rest = text;
    let mut lines_before = 0usize;
    while !rest.is_empty() {
        // The end of the LINES_PER_CHUNK-th line from here (or the end of the text).
        let mut end = rest.len();
        let mut seen = 0usize;
        for (i, b) in rest.bytes().enumerate() {
            if b == b'\n' {
                seen += 1;
                if seen == LINES_PER_CHUNK {
                    end = i + 1;
                    break;
                }
            }
        }
        let (chunk, tail) = rest.split_at(end);
        let part = read_grid(chunk, delimiter);
        grid.rows.extend(part.rows.into_iter().map(|mut r| {
            r.line += lines_before;
            r
        }));
        lines_before += seen;
        rest = tail;
        progress(Progress {
            phase: Phase::Reading,
            done: lines_before as u64,
            total,
        });
    }
    grid
}

/// Read `bytes` as [`renewal_data::parse_table`] does, reporting progress between the phases
/// and between chunks of lines.
///
/// # Errors
/// As `parse_table`: an empty input, an unreadable workbook, a missing header row.
pub fn parse_with_progress(
    bytes: &[u8],
    opts: &ParseOptions,
    progress: &mut impl FnMut(Progress),
) -> Result<ParsedTable, renewal_data::TableError> {
    progress(Progress {
        phase: Phase::Decoding,
        done: 0,
        total: 1,
    });
    if looks_like_workbook(bytes) {
        let (grid, sheet) = read_workbook(bytes, opts.sheet.as_deref())?;
        progress(Progress {
            phase: Phase::Interpreting,
            done: 0,
            total: 1,
        });
        return interpret(&grid, Source::Workbook { sheet }, opts);
    }
    let (text, encoding) = decode(bytes);
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    if text.trim().is_empty() {
        return Err(renewal_data::TableError::Empty);
    }
    let delimiter = opts.delimiter.or_else(|| sniff_delimiter(text));
    let grid = read_grid_chunked(text, delimiter.unwrap_or(0xFF), progress);
    progress(Progress {
        phase: Phase::Interpreting,
        done: 0,
        total: 1,
    });
    let mut t = interpret(
        &grid,
        Source::Text {
            encoding,
            delimiter: delimiter.map(char::from),
        },
        opts,
    )?;
    if encoding == TextEncoding::Gb18030 {
        t.issues.insert(0, TableIssue::DecodedAsGb18030);
    }
    Ok(t)
}

fn source_text(s: &Source, lang: Lang) -> String {
    match (s, lang) {
        (Source::Workbook { sheet }, Lang::Zh) => format!("工作簿，工作表“{sheet}”"),
        (Source::Workbook { sheet }, _) => format!("workbook, sheet “{sheet}”"),
        (
            Source::Text {
                encoding,
                delimiter,
            },
            l,
        ) => {
            let d = match delimiter {
                Some('\t') => "tab".to_string(),
                Some(c) => format!("“{c}”"),
                None => "-".to_string(),
            };
            match l {
                Lang::Zh => format!("文本（{encoding:?}，分隔符 {d}）"),
                _ => format!("text ({encoding:?}, delimiter {d})"),
            }
        }
        _ => String::new(),
    }
}

/// The preview of a parsed table.
pub fn preview(t: &ParsedTable) -> UploadPreview {
    UploadPreview {
        source: Bi::of(|l| source_text(&t.source, l)),
        data_rows: t.summary.data_rows,
        indicators: t.summary.indicators_recognised.clone(),
        cells_accepted: t.summary.cells_accepted,
        cells_rejected: t.summary.cells_rejected,
        columns: t
            .columns
            .iter()
            .map(|c| ColumnView {
                column: c.column,
                letter: c.letter.clone(),
                header: c.header.clone(),
                role: c.role,
                unit: c.unit,
                unknown_unit_text: c.unknown_unit_text.clone(),
                accepted: c.accepted,
                rejected: c.rejected,
            })
            .collect(),
        issues: t.issues.iter().map(|i| Bi::of(|l| i.message(l))).collect(),
        rejections: t
            .rejections
            .iter()
            .take(MAX_REJECTIONS_SHOWN)
            .map(|r| RejectionView {
                cell: format!("{}{}", r.column_letter, r.row),
                header: r.header.clone(),
                raw: r.raw.clone(),
                reason: Bi::of(|l| r.message(l)),
            })
            .collect(),
        rejections_total: t.rejections.len(),
    }
}

/// The annual values of a parsed table.
pub fn annual_series(t: &ParsedTable) -> Vec<AnnualSeries> {
    t.series
        .iter()
        .filter_map(|s| {
            let points: Vec<(i32, f64)> = s
                .points
                .iter()
                .filter_map(|p| match p.time {
                    TimeKey::Year(y) => Some((y, p.value)),
                    _ => None,
                })
                .collect();
            (!points.is_empty()).then(|| AnnualSeries {
                city: s.city.clone(),
                indicator: s.indicator,
                points,
            })
        })
        .collect()
}

/// The stored form of an evaluation: the latest [`MAX_DAYS_KEPT`] daily AQI values and every
/// year's statistics.
pub fn record_of(e: &Evaluation, hourly: bool) -> Option<AirRecord> {
    let first = e.daily.first()?.date;
    let dropped = e.daily.len().saturating_sub(MAX_DAYS_KEPT);
    let kept = e.daily.get(dropped..).unwrap_or_default();
    let first_kept = kept.first().map_or(first, |d| d.date);
    Some(AirRecord {
        hourly,
        first_day: day_text(first_kept),
        daily_aqi: kept.iter().map(|d| d.aqi).collect(),
        days_dropped: dropped,
        years: e
            .annual
            .iter()
            .map(|y| AirYear {
                year: y.year,
                valid_days: y.valid_aqi_days,
                good_days: y.good_days,
                stats: y
                    .statistics
                    .iter()
                    .filter_map(|s| {
                        Some(StatValue {
                            pollutant: s.pollutant.key().to_string(),
                            stat: Stat::of(s.statistic)?,
                            value: s.value,
                            days: s.days,
                        })
                    })
                    .collect(),
            })
            .collect(),
    })
}

/// Daily AQI and HJ 663 statistics of every city with hourly (or else daily) pollutant series.
///
/// # Standard
/// HJ 663-2013 (validity, daily means, MDA8, annual statistics) and HJ 633-2012 (daily AQI)
/// through [`evaluate_hourly`] / [`evaluate_daily`], as `renewal air-annual` with its defaults
/// (hours labelled by their start, GB 3095-2012 grade II O3 limit for MDA8 rescue).
///
/// # Errors
/// The statistics' error (duplicate hours or dates), in both languages.
pub fn evaluate(t: &ParsedTable, progress: &mut impl FnMut(Progress)) -> Result<Vec<CityAir>, Bi> {
    // city -> pollutant -> values
    let mut hourly: BTreeMap<Option<String>, Vec<(Pollutant, Vec<HourlyValue>)>> = BTreeMap::new();
    let mut daily: BTreeMap<Option<String>, Vec<(PollutantKey, Vec<DailyValue>)>> = BTreeMap::new();
    for s in &t.series {
        let Some(p) = pollutant_of(s.indicator) else {
            continue;
        };
        let mut h = Vec::new();
        let mut d = Vec::new();
        for point in &s.points {
            match point.time {
                TimeKey::Hour(hour) => h.push(HourlyValue {
                    hour,
                    concentration: point.value,
                }),
                TimeKey::Date(date) => d.push(DailyValue {
                    date,
                    concentration: point.value,
                }),
                TimeKey::Year(_) => {}
            }
        }
        if !h.is_empty() {
            hourly.entry(s.city.clone()).or_default().push((p, h));
        }
        if !d.is_empty() {
            daily
                .entry(s.city.clone())
                .or_default()
                .push((daily_key(p), d));
        }
    }
    let options = air_options();
    let total = (hourly.len() + daily.len()) as u64;
    let mut done = 0;
    let mut out = Vec::new();
    let fail = |e: renewal_calc::air_statistics::StatsError| {
        Bi::of(|l| match l {
            Lang::Zh => format!("无法计算日 AQI 和年统计：{e}"),
            _ => format!("Daily AQI and annual statistics could not be computed: {e}"),
        })
    };
    for (city, series) in hourly {
        progress(Progress {
            phase: Phase::Statistics,
            done,
            total,
        });
        let e = evaluate_hourly(&options, &series).map_err(fail)?;
        done += 1;
        if let Some(record) = record_of(&e, true) {
            out.push(CityAir { city, record });
        }
    }
    for (city, series) in daily {
        if out.iter().any(|c| c.city == city) {
            continue; // hourly data of the same city take precedence
        }
        progress(Progress {
            phase: Phase::Statistics,
            done,
            total,
        });
        let e = evaluate_daily(&options, &series).map_err(fail)?;
        done += 1;
        if let Some(record) = record_of(&e, false) {
            out.push(CityAir { city, record });
        }
    }
    progress(Progress {
        phase: Phase::Statistics,
        done: total,
        total,
    });
    Ok(out)
}

/// Everything the worker does with one file.
///
/// # Errors
/// The parse error, in both languages, when nothing could be read.
pub fn process(
    bytes: &[u8],
    opts: &ParseOptions,
    progress: &mut impl FnMut(Progress),
) -> Result<UploadResult, Bi> {
    let t = parse_with_progress(bytes, opts, progress).map_err(|e| Bi::of(|l| e.message(l)))?;
    let (air, air_error) = match evaluate(&t, progress) {
        Ok(a) => (a, None),
        Err(e) => (Vec::new(), Some(e)),
    };
    Ok(UploadResult {
        preview: preview(&t),
        annual: annual_series(&t),
        air,
        air_error,
    })
}

#[cfg(test)]
mod tests;
