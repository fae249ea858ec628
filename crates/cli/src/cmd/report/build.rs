//! Reading the files and computing every family per city: the report as data.

use super::catalogue::{progress, Msg};
use super::Progress;
use crate::cmd::air_annual::limit_set;
use crate::cmd::hourly_csv;
use renewal_calc::advisor::{self, Advice};
use renewal_calc::air_statistics::{
    evaluate_daily, evaluate_hourly, DailyValue, Evaluation, HourlyValue, Options, HJ663,
};
use renewal_calc::aqi::{Pollutant, PollutantKey, StandardId};
use renewal_calc::compliance::{check_gb3095, limits, Grade, Metric, Statistic};
use renewal_calc::composite::{
    evaluate as topsis_evaluate, Alternative, CompositeOptions, DecisionMatrix, Direction,
    Indicator, Normalisation, WeightScheme,
};
use renewal_calc::energy::units::EnergyUnit;
use renewal_calc::energy::{self, EnergyRecord, EnergySource, ReferenceGrowth};
use renewal_calc::population::{self, PopulationYear};
use renewal_calc::structure::{self, Sector, SectorClass};
use renewal_calc::trend::{analyse, AnalysisOptions, Direction as TrendDirection, TimeSeries};
use renewal_data::baseline::{self, FigureSource};
use renewal_data::{parse_table, IndicatorId, Lang, ParseOptions, Point, TimeKey};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The whole report (the JSON document).
#[derive(Serialize)]
pub struct Report {
    /// Always `renewal-report`.
    pub format: &'static str,
    /// [`super::REPORT_VERSION`].
    pub version: u32,
    /// Language of the human-readable strings.
    pub lang: &'static str,
    /// HJ 633 revision of the daily AQI.
    pub standard: &'static str,
    /// GB 3095 grade of the checks.
    pub grade: &'static str,
    /// Where the Northeast comparison values come from.
    pub baseline_source: &'static str,
    /// One entry per input file, in the order given.
    pub files: Vec<FileStatus>,
    /// One entry per city, in order of first appearance.
    pub cities: Vec<CityReport>,
    /// TOPSIS across the cities.
    pub composite: CompositeOut,
}

/// What happened to one file.
#[derive(Serialize)]
pub struct FileStatus {
    /// The path as given.
    pub file: String,
    /// `read`, `partial` (some cells rejected) or `unreadable`.
    pub status: &'static str,
    /// Cities found in it.
    pub cities: Vec<String>,
    /// Values accepted.
    pub values_accepted: usize,
    /// Cells rejected.
    pub cells_rejected: usize,
    /// The located messages of the rejected cells, in the report's language.
    pub rejections: Vec<String>,
    /// Why nothing was read (unreadable files only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// One number of the report: a row of the CSV.
#[derive(Serialize, Clone)]
pub struct Finding {
    /// City.
    pub city: String,
    /// Family id (`air_quality`, `resources`, `energy`, `industry`, `population`, `composite`).
    pub family: &'static str,
    /// Indicator key (`pm25.annual_mean`, `energy.renewable_share` …).
    pub indicator: String,
    /// Year, when the number belongs to one.
    pub year: Option<i32>,
    /// The number.
    pub value: f64,
    /// Its unit (`µg/m³`, `fraction`, `years`, `per year` …).
    pub unit: String,
    /// The Northeast value it is compared with (the paper's Table 1 or Figure 2).
    pub comparison: Option<f64>,
    /// Which Northeast value (year and table of the paper).
    pub comparison_source: Option<String>,
    /// The GB 3095 limit it is checked against.
    pub limit: Option<f64>,
    /// Which limit (limit set, metric, grade).
    pub limit_source: Option<String>,
    /// Machine-readable status: `pass`/`exceed` (GB 3095), `improving`/`worsening`/`unchanged`
    /// with `_significant` (trend), `above_northeast`/`below_northeast`.
    pub status: Option<String>,
}

/// One family for one city.
#[derive(Serialize)]
pub struct FamilyReport {
    /// Family id.
    pub family: &'static str,
    /// `computed` or `skipped`.
    pub status: &'static str,
    /// Why it was skipped, in the report's language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The key numbers.
    pub findings: Vec<Finding>,
    /// The calc functions' full results.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<serde_json::Value>,
}

/// One city.
#[derive(Serialize)]
pub struct CityReport {
    /// Name (from the table's city column, else the file stem).
    pub city: String,
    /// The five families in a fixed order.
    pub families: Vec<FamilyReport>,
    /// The numbers handed to the advisor.
    pub diagnostics: BTreeMap<String, f64>,
    /// The advisor's result.
    pub advice: Option<Advice>,
}

/// The composite index across the cities.
#[derive(Serialize)]
pub struct CompositeOut {
    /// `computed` or `skipped`.
    pub status: &'static str,
    /// Why skipped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Indicators used (each city's latest value; direction in brackets).
    pub indicators: Vec<String>,
    /// Per city: year used, closeness, rank.
    pub ranking: Vec<Ranked>,
}

/// One city in the composite.
#[derive(Serialize)]
pub struct Ranked {
    /// City.
    pub city: String,
    /// Closeness to the ideal, in [0, 1].
    pub closeness: f64,
    /// 1 = best.
    pub rank: usize,
}

type CityData = BTreeMap<IndicatorId, Vec<Point>>;

const POLLUTANTS: [(Pollutant, IndicatorId); 6] = [
    (Pollutant::Pm25, IndicatorId::Pm25),
    (Pollutant::Pm10, IndicatorId::Pm10),
    (Pollutant::So2, IndicatorId::So2),
    (Pollutant::No2, IndicatorId::No2),
    (Pollutant::Co, IndicatorId::Co),
    (Pollutant::O3, IndicatorId::O3),
];

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Reads one file into `cities`; the file's status.
fn read_file(path: &Path, lang: Lang, cities: &mut Vec<(String, CityData)>) -> FileStatus {
    let file = path.display().to_string();
    let unreadable = |error: String| FileStatus {
        file: file.clone(),
        status: "unreadable",
        cities: Vec::new(),
        values_accepted: 0,
        cells_rejected: 0,
        rejections: Vec::new(),
        error: Some(error),
    };
    let bytes = match crate::cmd::air_annual::read_bytes(path) {
        Ok(b) => b,
        Err(e) => return unreadable(e.to_string()),
    };
    let city_default = stem(path);
    let mut found: Vec<(Option<String>, IndicatorId, Vec<Point>)> = Vec::new();
    let mut rejections = Vec::new();
    if let Some(fast) = hourly_csv::read(&bytes, 0, Some(renewal_data::table::DEFAULT_YEAR_RANGE)) {
        // A plain hourly export: the fast reader gives the same values as the data crate.
        for (p, values) in &fast.columns {
            let Some(id) = POLLUTANTS.iter().find(|(q, _)| q == p).map(|(_, i)| *i) else {
                continue;
            };
            let points = fast
                .hours
                .iter()
                .zip(values)
                .filter(|(_, v)| !v.is_nan())
                .map(|(hour, value)| Point {
                    time: TimeKey::Hour(renewal_calc::time::CivilHour::from_hours_since_epoch(
                        *hour,
                    )),
                    value: *value,
                })
                .collect();
            found.push((None, id, points));
        }
    } else {
        let options = ParseOptions {
            default_city: Some(city_default.clone()),
            ..ParseOptions::default()
        };
        match parse_table(&bytes, &options) {
            Ok(t) => {
                rejections = t.rejections.iter().map(|r| r.message(lang)).collect();
                for s in t.series {
                    found.push((s.city, s.indicator, s.points));
                }
            }
            Err(e) => return unreadable(e.message(lang)),
        }
    }
    let values_accepted = found.iter().map(|(_, _, p)| p.len()).sum();
    if values_accepted == 0 {
        let mut s = unreadable(Msg::NoKnownIndicator.text(lang).to_string());
        s.cells_rejected = rejections.len();
        s.rejections = rejections;
        return s;
    }
    let mut names = Vec::new();
    for (city, id, points) in found {
        let city = city.unwrap_or_else(|| city_default.clone());
        if !names.contains(&city) {
            names.push(city.clone());
        }
        let slot = match cities.iter().position(|(c, _)| *c == city) {
            Some(i) => i,
            None => {
                cities.push((city, CityData::new()));
                cities.len() - 1
            }
        };
        if let Some((_, data)) = cities.get_mut(slot) {
            data.entry(id).or_default().extend(points);
        }
    }
    FileStatus {
        file,
        status: if rejections.is_empty() {
            "read"
        } else {
            "partial"
        },
        cities: names,
        values_accepted,
        cells_rejected: rejections.len(),
        rejections,
        error: None,
    }
}

/// Builds the report.
pub fn build(
    files: &[PathBuf],
    lang: Lang,
    standard: StandardId,
    grade: Grade,
    progress_out: &Progress,
) -> Report {
    let mut cities: Vec<(String, CityData)> = Vec::new();
    let n = files.len();
    let mut statuses = Vec::new();
    for (i, path) in files.iter().enumerate() {
        let name = path.display().to_string();
        progress_out.say(|l| progress(i + 1, n, &name, Msg::PhaseReading, l));
        statuses.push(read_file(path, lang, &mut cities));
    }
    let mut reports = Vec::new();
    let m = cities.len();
    for (i, (city, data)) in cities.iter().enumerate() {
        progress_out.say(|l| progress(i + 1, m, city, Msg::PhaseComputing, l));
        reports.push(city_report(city, data, lang, standard, grade));
    }
    progress_out.say(|l| Msg::PhaseComposite.text(l).to_string());
    let composite = composite(&reports, lang);
    Report {
        format: "renewal-report",
        version: super::REPORT_VERSION,
        lang: lang.pick("en", "zh"),
        standard: match standard {
            StandardId::CnHj633_2012 => "hj633-2012",
            _ => "hj633-2026",
        },
        grade: match grade {
            Grade::I => "I",
            _ => "II",
        },
        baseline_source: lang.pick(baseline::PAPER_CITATION, baseline::PAPER_CITATION_ZH),
        files: statuses,
        cities: reports,
        composite,
    }
}

fn finding(
    city: &str,
    family: &'static str,
    indicator: String,
    year: Option<i32>,
    value: f64,
    unit: &str,
) -> Finding {
    Finding {
        city: city.to_string(),
        family,
        indicator,
        year,
        value,
        unit: unit.to_string(),
        comparison: None,
        comparison_source: None,
        limit: None,
        limit_source: None,
        status: None,
    }
}

fn skipped(family: &'static str, reason: Msg, lang: Lang) -> FamilyReport {
    FamilyReport {
        family,
        status: "skipped",
        reason: Some(reason.text(lang).to_string()),
        findings: Vec::new(),
        detail: None,
    }
}

fn computed(
    family: &'static str,
    findings: Vec<Finding>,
    detail: serde_json::Value,
) -> FamilyReport {
    FamilyReport {
        family,
        status: "computed",
        reason: None,
        findings,
        detail: Some(detail),
    }
}

/// Yearly values of one indicator, sorted, later duplicates of a year ignored.
fn yearly(data: &CityData, id: IndicatorId) -> Vec<(i32, f64)> {
    let mut out: Vec<(i32, f64)> = data
        .get(&id)
        .into_iter()
        .flatten()
        .filter_map(|p| match p.time {
            TimeKey::Year(y) => Some((y, p.value)),
            _ => None,
        })
        .collect();
    out.sort_by_key(|(y, _)| *y);
    out.dedup_by_key(|(y, _)| *y);
    out
}

fn city_report(
    city: &str,
    data: &CityData,
    lang: Lang,
    standard: StandardId,
    grade: Grade,
) -> CityReport {
    let mut diagnostics = BTreeMap::new();
    let families = vec![
        air(city, data, lang, standard, grade, &mut diagnostics),
        resources(city, data, lang, &mut diagnostics),
        energy_family(city, data, lang, &mut diagnostics),
        industry(city, data, lang, &mut diagnostics),
        population_family(city, data, lang, &mut diagnostics),
    ];
    let advice = advisor::advise(&diagnostics).ok();
    CityReport {
        city: city.to_string(),
        families,
        diagnostics,
        advice,
    }
}

/// The statistic an annual value of Table 1 stands for: annual means, CO as the 95th percentile
/// of daily means and O3 as the 90th percentile of MDA8 (GB 3095's annual evaluation items; the
/// baseline module reads the paper's O3 as 8-hour).
fn headline(p: Pollutant) -> Statistic {
    match p {
        Pollutant::Co => Statistic::P95OfDailyMeans,
        Pollutant::O3 => Statistic::P90OfMda8,
        _ => Statistic::AnnualMean,
    }
}

fn statistic_key(s: Statistic) -> String {
    serde_json::to_value(s)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| format!("{s:?}").to_lowercase())
}

fn unit_of(p: Pollutant) -> &'static str {
    if p == Pollutant::Co {
        "mg/m³"
    } else {
        "µg/m³"
    }
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

/// Air quality: HJ 663 statistics (hourly or daily input) or the annual values as given, GB 3095
/// per year, the Northeast baseline for the same year, and a trend per pollutant.
fn air(
    city: &str,
    data: &CityData,
    lang: Lang,
    standard: StandardId,
    grade: Grade,
    diagnostics: &mut BTreeMap<String, f64>,
) -> FamilyReport {
    const F: &str = "air_quality";
    let mut hourly: Vec<(Pollutant, Vec<HourlyValue>)> = Vec::new();
    let mut daily: Vec<(PollutantKey, Vec<DailyValue>)> = Vec::new();
    // (year, pollutant, statistic, value)
    let mut annual: Vec<(i32, Pollutant, Statistic, f64)> = Vec::new();
    for (p, id) in POLLUTANTS {
        let Some(points) = data.get(&id) else {
            continue;
        };
        let h: Vec<HourlyValue> = points
            .iter()
            .filter_map(|pt| match pt.time {
                TimeKey::Hour(hour) => Some(HourlyValue {
                    hour,
                    concentration: pt.value,
                }),
                _ => None,
            })
            .collect();
        let d: Vec<DailyValue> = points
            .iter()
            .filter_map(|pt| match pt.time {
                TimeKey::Date(date) => Some(DailyValue {
                    date,
                    concentration: pt.value,
                }),
                _ => None,
            })
            .collect();
        if !h.is_empty() {
            hourly.push((p, h));
        }
        if !d.is_empty() {
            daily.push((daily_key(p), d));
        }
        for (y, v) in yearly(data, id) {
            annual.push((y, p, headline(p), v));
        }
    }
    if hourly.is_empty() && daily.is_empty() && annual.is_empty() {
        return skipped(F, Msg::AirNoPollutant, lang);
    }
    let o3_limit = limits(limit_set(standard, 2026))
        .iter()
        .find(|l| l.metric == Metric::O3_8h)
        .map(|l| match grade {
            Grade::I => l.grade_i,
            _ => l.grade_ii,
        });
    let options = Options {
        standard,
        rules: HJ663,
        mda8_exceedance_limit_ug_m3: o3_limit,
    };
    let mut findings = Vec::new();
    let mut detail = serde_json::Map::new();
    let evaluation: Option<Result<Evaluation, _>> = if !hourly.is_empty() {
        detail.insert("input".into(), "hourly".into());
        Some(evaluate_hourly(&options, &hourly))
    } else if !daily.is_empty() {
        detail.insert("input".into(), "daily".into());
        Some(evaluate_daily(&options, &daily))
    } else {
        detail.insert("input".into(), "annual".into());
        None
    };
    if let Some(result) = evaluation {
        match result {
            Ok(mut e) => {
                annual.clear();
                for y in &e.annual {
                    for s in &y.statistics {
                        if let Some(v) = s.value {
                            annual.push((y.year, s.pollutant, s.statistic, v));
                        }
                    }
                    findings.push(finding(
                        city,
                        F,
                        "aqi.valid_days".into(),
                        Some(y.year),
                        y.valid_aqi_days as f64,
                        "days",
                    ));
                    findings.push(finding(
                        city,
                        F,
                        "aqi.good_days".into(),
                        Some(y.year),
                        y.good_days as f64,
                        "days",
                    ));
                    if let Some(r) = y.good_days_ratio {
                        findings.push(finding(
                            city,
                            F,
                            "aqi.good_day_share".into(),
                            Some(y.year),
                            r,
                            "fraction",
                        ));
                    }
                }
                e.daily.clear();
                detail.insert(
                    "annual_statistics".into(),
                    serde_json::to_value(&e.annual).unwrap_or_default(),
                );
            }
            Err(err) => {
                detail.insert("error".into(), err.to_string().into());
            }
        }
    }
    // GB 3095 per year, and the baseline of the same year.
    let mut years: Vec<i32> = annual.iter().map(|a| a.0).collect();
    years.sort_unstable();
    years.dedup();
    for &year in &years {
        let values: Vec<(Metric, f64)> = annual
            .iter()
            .filter(|a| a.0 == year)
            .filter_map(|&(_, p, s, v)| Some((Metric::of(p, s)?, v)))
            .collect();
        let checks = check_gb3095(limit_set(standard, year), grade, &values).unwrap_or_default();
        for &(y, p, s, v) in annual.iter().filter(|a| a.0 == year) {
            let mut f = finding(
                city,
                F,
                format!("{}.{}", p.key(), statistic_key(s)),
                Some(y),
                v,
                unit_of(p),
            );
            if let Some(c) = Metric::of(p, s).and_then(|m| checks.iter().find(|c| c.metric == m)) {
                f.status = Some(if c.pass { "pass" } else { "exceed" }.into());
                f.limit = Some(c.limit);
                f.limit_source = Some(format!(
                    "{:?} {:?} grade {}",
                    limit_set(standard, y),
                    c.metric,
                    if grade == Grade::I { "I" } else { "II" }
                ));
            }
            if s == headline(p) {
                if let Some(b) = baseline::air_quality().iter().find(|b| b.year == y) {
                    if let Some(bv) = b.value(p.key()) {
                        f.comparison = Some(bv);
                        f.comparison_source = Some(format!("Northeast {y}, paper Table 1"));
                    }
                }
            }
            findings.push(f);
        }
    }
    // Advisor diagnostics: the latest annual means.
    for (p, key) in [
        (Pollutant::Pm25, "air.pm25_annual_ug_m3"),
        (Pollutant::Pm10, "air.pm10_annual_ug_m3"),
        (Pollutant::So2, "air.so2_annual_ug_m3"),
        (Pollutant::No2, "air.no2_annual_ug_m3"),
    ] {
        if let Some(&(_, _, _, v)) = annual
            .iter()
            .filter(|a| a.1 == p && a.2 == Statistic::AnnualMean)
            .max_by_key(|a| a.0)
        {
            diagnostics.insert(key.to_string(), v);
        }
    }
    // Trend per pollutant on its headline statistic.
    let mut trends = serde_json::Map::new();
    for (p, _) in POLLUTANTS {
        let rows: Vec<(i32, Option<f64>)> = annual
            .iter()
            .filter(|a| a.1 == p && a.2 == headline(p))
            .map(|a| (a.0, Some(a.3)))
            .collect();
        if rows.len() < 2 {
            continue;
        }
        if let Some((f, report)) = trend_finding(
            city,
            F,
            &format!("{}.sen_slope", p.key()),
            &rows,
            TrendDirection::LowerIsBetter,
            &format!("{}/year", unit_of(p)),
        ) {
            findings.push(f);
            trends.insert(p.key().into(), report);
        }
    }
    if !trends.is_empty() {
        detail.insert("trends".into(), trends.into());
    }
    computed(F, findings, detail.into())
}

/// Mann–Kendall and Theil–Sen of a yearly series: the finding (Sen's slope, status by
/// direction and significance) and the full report.
fn trend_finding(
    city: &str,
    family: &'static str,
    indicator: &str,
    rows: &[(i32, Option<f64>)],
    direction: TrendDirection,
    unit: &str,
) -> Option<(Finding, serde_json::Value)> {
    let series = TimeSeries::yearly(rows).ok()?;
    let options = AnalysisOptions {
        direction,
        ..AnalysisOptions::default()
    };
    let report = analyse(&series, &options).ok()?;
    let slope = report.theil_sen.as_ref()?.slope_per_year;
    let mut f = finding(
        city,
        family,
        indicator.to_string(),
        rows.last().map(|r| r.0),
        slope,
        unit,
    );
    let movement = serde_json::to_value(report.summary.movement)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string));
    f.status = movement.map(|m| {
        if report.summary.significant == Some(true) {
            format!("{m}_significant")
        } else {
            m
        }
    });
    Some((f, serde_json::to_value(&report).unwrap_or_default()))
}

/// Resources: reserve-to-production years of the latest year with both, and the production
/// trend. The paper's depletion test needs the original reserves and the cumulative extraction,
/// which a yearly table does not give (`renewal depletion` takes them).
fn resources(
    city: &str,
    data: &CityData,
    lang: Lang,
    diagnostics: &mut BTreeMap<String, f64>,
) -> FamilyReport {
    const F: &str = "resources";
    let reserves = yearly(data, IndicatorId::ResourceReserves);
    let mut production = yearly(data, IndicatorId::ResourceProduction);
    if production.is_empty() {
        production = yearly(data, IndicatorId::ResourceExtraction);
    }
    let latest = reserves.iter().rev().find_map(|&(y, r)| {
        production
            .iter()
            .find(|p| p.0 == y && p.1 > 0.0)
            .map(|p| (y, r / p.1))
    });
    let Some((year, rp)) = latest else {
        return skipped(F, Msg::ResourcesNeedBoth, lang);
    };
    diagnostics.insert("depletion.reserve_years".into(), rp);
    let mut findings = vec![finding(
        city,
        F,
        "resources.reserve_years".into(),
        Some(year),
        rp,
        "years",
    )];
    let mut detail = serde_json::Map::new();
    let rows: Vec<(i32, Option<f64>)> = production.iter().map(|&(y, v)| (y, Some(v))).collect();
    if rows.len() >= 2 {
        if let Some((f, r)) = trend_finding(
            city,
            F,
            "resources.production_sen_slope",
            &rows,
            TrendDirection::HigherIsBetter,
            "t/year",
        ) {
            findings.push(f);
            detail.insert("production_trend".into(), r);
        }
    }
    detail.insert("reserve_to_production_years".into(), rp.into());
    computed(F, findings, detail.into())
}

fn energy_source(id: IndicatorId) -> Option<EnergySource> {
    Some(match id {
        // 火电 is read as coal, as `renewal energy` reads it.
        IndicatorId::GenerationThermal | IndicatorId::GenerationCoal => EnergySource::Coal,
        IndicatorId::GenerationGas => EnergySource::Gas,
        IndicatorId::GenerationOil => EnergySource::Oil,
        IndicatorId::GenerationHydro => EnergySource::Hydro,
        IndicatorId::GenerationNuclear => EnergySource::Nuclear,
        IndicatorId::GenerationWind => EnergySource::Wind,
        IndicatorId::GenerationSolar => EnergySource::Solar,
        IndicatorId::GenerationBiomass => EnergySource::Biomass,
        IndicatorId::GenerationOther => EnergySource::Other,
        _ => return None,
    })
}

/// Energy: `energy::assess` on the generation by source (GWh, the data crate's canonical unit),
/// and the wind/solar growth against the paper's Figure 2.
fn energy_family(
    city: &str,
    data: &CityData,
    lang: Lang,
    diagnostics: &mut BTreeMap<String, f64>,
) -> FamilyReport {
    const F: &str = "energy";
    let gwh = EnergyUnit::Gwh;
    let mut records = Vec::new();
    for (&id, _) in data.iter() {
        let Some(source) = energy_source(id) else {
            continue;
        };
        for (year, v) in yearly(data, id) {
            records.push(EnergyRecord {
                year,
                source,
                generation: Some(gwh.to_kwh(v)),
                capacity: None,
            });
        }
    }
    if records.is_empty() {
        return skipped(F, Msg::EnergyNeedSources, lang);
    }
    let factor = renewal_calc::energy::grid_factor::grid_factor(
        renewal_calc::energy::grid_factor::DEFAULT_GRID_FACTOR_ID,
    )
    .map_or(0.0, |f| f.t_co2_per_mwh);
    let report = match energy::assess(&records, factor) {
        Ok(r) => r,
        Err(e) => {
            let mut s = skipped(F, Msg::EnergyNeedSources, lang);
            s.reason = Some(e.to_string());
            return s;
        }
    };
    let reference: Vec<ReferenceGrowth> = baseline::GENERATION_2016_2020
        .iter()
        .map(|p| ReferenceGrowth {
            source: match p.source {
                FigureSource::Solar => EnergySource::Solar,
                FigureSource::Wind => EnergySource::Wind,
            },
            from_year: 2016,
            to_year: 2020,
            from_value: p.y2016,
            to_value: p.y2020,
        })
        .collect();
    let comparison = energy::compare_growth(&report, &reference);
    let mut findings = Vec::new();
    if let Some(y) = report.years.last() {
        if let Some(s) = y.renewable_share {
            diagnostics.insert("energy.renewable_share".into(), s);
            findings.push(finding(
                city,
                F,
                "energy.renewable_share".into(),
                Some(y.year),
                s,
                "fraction",
            ));
        }
        if let Some(s) = y.wind_solar_share {
            findings.push(finding(
                city,
                F,
                "energy.wind_solar_share".into(),
                Some(y.year),
                s,
                "fraction",
            ));
        }
    }
    for g in &report.generation_growth {
        let key = match g.source {
            EnergySource::Wind => "energy.wind_generation_cagr",
            EnergySource::Solar => "energy.solar_generation_cagr",
            _ => continue,
        };
        let Some(c) = g.cagr else { continue };
        diagnostics.insert(key.into(), c);
        let mut f = finding(city, F, key.into(), Some(g.to_year), c, "per year");
        if let Some(cmp) = comparison.iter().find(|cmp| cmp.source == g.source) {
            if let Some(rc) = cmp.reference_cagr {
                f.comparison = Some(rc);
                f.comparison_source = Some("Northeast 2016–2020, paper Figure 2".into());
                f.status = Some(
                    if c >= rc {
                        "above_northeast"
                    } else {
                        "below_northeast"
                    }
                    .into(),
                );
            }
        }
        findings.push(f);
    }
    let detail = serde_json::json!({ "report": report, "northeast_comparison": comparison });
    computed(F, findings, detail)
}

/// Industry: the three industries' shares and HHI of the latest year with all three.
fn industry(
    city: &str,
    data: &CityData,
    lang: Lang,
    diagnostics: &mut BTreeMap<String, f64>,
) -> FamilyReport {
    const F: &str = "industry";
    let (p, s, t) = (
        yearly(data, IndicatorId::ValueAddedPrimary),
        yearly(data, IndicatorId::ValueAddedSecondary),
        yearly(data, IndicatorId::ValueAddedTertiary),
    );
    let latest = t.iter().rev().find_map(|&(y, tv)| {
        let pv = p.iter().find(|x| x.0 == y)?.1;
        let sv = s.iter().find(|x| x.0 == y)?.1;
        Some((y, pv, sv, tv))
    });
    let Some((year, pv, sv, tv)) = latest else {
        return skipped(F, Msg::IndustryNeedThree, lang);
    };
    let sector = |name: &str, value: f64, class: SectorClass| Sector {
        name: name.into(),
        value,
        class,
        high_tech: false,
    };
    let sectors = [
        sector("primary", pv, SectorClass::Primary),
        sector("secondary", sv, SectorClass::Secondary),
        sector("tertiary", tv, SectorClass::Tertiary),
    ];
    let st = match structure::sector_structure(&sectors) {
        Ok(st) => st,
        Err(e) => {
            let mut r = skipped(F, Msg::IndustryNeedThree, lang);
            r.reason = Some(e.to_string());
            return r;
        }
    };
    diagnostics.insert("structure.secondary_share".into(), st.secondary_share);
    diagnostics.insert("structure.sector_hhi".into(), st.concentration.hhi);
    let findings = vec![
        finding(
            city,
            F,
            "structure.primary_share".into(),
            Some(year),
            st.primary_share,
            "fraction",
        ),
        finding(
            city,
            F,
            "structure.secondary_share".into(),
            Some(year),
            st.secondary_share,
            "fraction",
        ),
        finding(
            city,
            F,
            "structure.tertiary_share".into(),
            Some(year),
            st.tertiary_share,
            "fraction",
        ),
        finding(
            city,
            F,
            "structure.sector_hhi".into(),
            Some(year),
            st.concentration.hhi,
            "index",
        ),
    ];
    computed(
        F,
        findings,
        serde_json::json!({ "year": year, "structure": st }),
    )
}

/// Population: `population::assess` over the years with a resident population; age and
/// education shares (percent in the data crate) become counts of that population.
fn population_family(
    city: &str,
    data: &CityData,
    lang: Lang,
    diagnostics: &mut BTreeMap<String, f64>,
) -> FamilyReport {
    const F: &str = "population";
    let total = yearly(data, IndicatorId::Population);
    if total.is_empty() {
        return skipped(F, Msg::PopulationNeedTotal, lang);
    }
    let at = |id: IndicatorId, y: i32| yearly(data, id).into_iter().find(|r| r.0 == y).map(|r| r.1);
    let rows: Vec<PopulationYear> = total
        .iter()
        .map(|&(year, population)| {
            let share = |id| at(id, year).map(|pct| pct / 100.0 * population);
            PopulationYear {
                year,
                population,
                births: at(IndicatorId::Births, year),
                deaths: at(IndicatorId::Deaths, year),
                natural_growth_rate_permille: at(IndicatorId::NaturalGrowthRate, year),
                age_0_14: share(IndicatorId::Age0To14Share),
                age_15_64: share(IndicatorId::Age15To64Share),
                age_65_plus: share(IndicatorId::Age65PlusShare),
                tertiary_educated: share(IndicatorId::TertiaryEducatedShare),
            }
        })
        .collect();
    let report = match population::assess(&rows) {
        Ok(r) => r,
        Err(e) => {
            let mut r = skipped(F, Msg::PopulationNeedTotal, lang);
            r.reason = Some(e.to_string());
            return r;
        }
    };
    let mut findings = Vec::new();
    if let Some(&(y, v)) = total.last() {
        findings.push(finding(
            city,
            F,
            "population.population".into(),
            Some(y),
            v,
            "persons",
        ));
    }
    let o = &report.overall;
    if o.from_year != o.to_year {
        findings.push(finding(
            city,
            F,
            "population.change_rate".into(),
            Some(o.to_year),
            o.change_rate,
            "fraction",
        ));
        if let Some(c) = o.cagr {
            diagnostics.insert("population.cagr".into(), c);
            findings.push(finding(
                city,
                F,
                "population.cagr".into(),
                Some(o.to_year),
                c,
                "per year",
            ));
        }
    }
    if let Some(m) = report
        .intervals
        .iter()
        .rev()
        .find_map(|i| i.net_migration_per_1000.map(|m| (i, m)))
    {
        diagnostics.insert("population.net_migration_per_1000".into(), m.1);
        findings.push(finding(
            city,
            F,
            "population.net_migration_per_1000".into(),
            Some(m.0.to_year),
            m.1,
            "‰",
        ));
    }
    if let Some((y, d)) = report
        .years
        .iter()
        .rev()
        .find_map(|y| Some((y.year, y.old_age_dependency_per_100?)))
    {
        diagnostics.insert("population.old_age_dependency_per_100".into(), d);
        findings.push(finding(
            city,
            F,
            "population.old_age_dependency_per_100".into(),
            Some(y),
            d,
            "per 100",
        ));
    }
    if let Some((y, s)) = report
        .years
        .iter()
        .rev()
        .find_map(|y| Some((y.year, y.tertiary_share?)))
    {
        diagnostics.insert("population.tertiary_share".into(), s);
        findings.push(finding(
            city,
            F,
            "population.tertiary_share".into(),
            Some(y),
            s,
            "fraction",
        ));
    }
    computed(
        F,
        findings,
        serde_json::to_value(&report).unwrap_or_default(),
    )
}

/// Indicators of the composite and which way each is good.
const COMPOSITE: [(&str, bool); 8] = [
    ("air.pm25_annual_ug_m3", false),
    ("air.pm10_annual_ug_m3", false),
    ("air.so2_annual_ug_m3", false),
    ("air.no2_annual_ug_m3", false),
    ("energy.renewable_share", true),
    ("structure.secondary_share", false),
    ("population.cagr", true),
    ("population.tertiary_share", true),
];

/// TOPSIS across the cities on the advisor diagnostics every city has and that vary.
fn composite(cities: &[CityReport], lang: Lang) -> CompositeOut {
    let skip = |m: Msg| CompositeOut {
        status: "skipped",
        reason: Some(m.text(lang).to_string()),
        indicators: Vec::new(),
        ranking: Vec::new(),
    };
    // Cities with at least one indicator take part; the indicators are those they all have.
    let cities: Vec<&CityReport> = cities
        .iter()
        .filter(|c| {
            COMPOSITE
                .iter()
                .any(|(k, _)| c.diagnostics.contains_key(*k))
        })
        .collect();
    if cities.len() < 2 {
        return skip(Msg::NeedTwoCities);
    }
    let mut indicators = Vec::new();
    let mut columns = Vec::new();
    for (key, benefit) in COMPOSITE {
        let column: Option<Vec<f64>> = cities
            .iter()
            .map(|c| c.diagnostics.get(key).copied())
            .collect();
        let Some(column) = column else { continue };
        if column
            .iter()
            .all(|v| column.first().is_some_and(|f| (v - f).abs() < 1e-12))
        {
            continue;
        }
        indicators.push(Indicator::new(
            key,
            if benefit {
                Direction::Benefit
            } else {
                Direction::Cost
            },
        ));
        columns.push(column);
    }
    if indicators.is_empty() {
        return skip(Msg::NoSharedIndicator);
    }
    let alternatives = cities
        .iter()
        .map(|c| Alternative {
            entity: c.city.clone(),
            year: 0,
        })
        .collect();
    let names: Vec<String> = indicators.iter().map(|i| i.name.clone()).collect();
    let result = DecisionMatrix::from_columns(alternatives, indicators, columns).and_then(|m| {
        topsis_evaluate(
            &m,
            &CompositeOptions {
                normalisation: Normalisation::MinMax,
                weights: WeightScheme::Equal,
            },
        )
    });
    match result {
        Ok(r) => CompositeOut {
            status: "computed",
            reason: None,
            indicators: names,
            ranking: cities
                .iter()
                .zip(r.table.closeness.iter().zip(&r.table.rank))
                .map(|(c, (&closeness, &rank))| Ranked {
                    city: c.city.clone(),
                    closeness,
                    rank,
                })
                .collect(),
        },
        Err(e) => CompositeOut {
            status: "skipped",
            reason: Some(e.to_string()),
            indicators: names,
            ranking: Vec::new(),
        },
    }
}
