//! The air quality page as plain Rust: reading the fields, the calculator's result, the inverse,
//! unit conversion, annual compliance, the PM2.5 chart and the paper audit. No browser types, so
//! all of it is tested natively; the views only call these functions.
//!
//! The maths is the engine's (`renewal_calc::aqi`, `units`, `compliance`, `audit`); this module
//! decides what is shown and how a field the user typed is read.

use crate::charts::escape_html;
use crate::state::City;
use charming::component::{Aria, Axis, Grid, Legend, Title};
use charming::element::{AxisType, Color, NameLocation, Tooltip, Trigger};
use charming::series::Line;
use charming::Chart;
use renewal_calc::aqi::{
    self, standard, AqiError, AqiResult, Averaging, ConcentrationRange, ConcentrationUnit,
    InverseRow, PollutantKey, StandardId, Text,
};
use renewal_calc::audit::{audit, Audit, AuditError, AuditInput};
use renewal_calc::compliance::{check_gb3095, check_who_2021, Grade, LimitSet, Metric};
use renewal_calc::units::{self, Gas, MgPerM3, Ppb, Ppm, UgPerM3};
use renewal_data::baseline::{self, PrintedGrade};
use renewal_data::{IndicatorId, Lang};
use std::collections::BTreeMap;

use super::text::M;

/// A bilingual engine text in `lang`.
pub fn pick(t: Text, lang: Lang) -> &'static str {
    match lang {
        Lang::En => t.en,
        Lang::Zh => t.zh,
    }
}

/// The interface name of a standard.
pub fn standard_name(id: StandardId) -> M {
    match id {
        StandardId::CnHj633_2012 => M::StdHj2012,
        StandardId::CnHj633_2026 => M::StdHj2026,
        StandardId::UsEpa2024 => M::StdEpa2024,
        StandardId::UsEpa2018 => M::StdEpa2018,
    }
}

/// The standard whose id (`cn_hj633_2012`, …) a `<select>` returned; anything else is HJ
/// 633-2012.
pub fn standard_from_id(id: &str) -> StandardId {
    StandardId::ALL
        .into_iter()
        .find(|s| s.id() == id)
        .unwrap_or(StandardId::CnHj633_2012)
}

/// A unit as printed to a reader.
pub fn unit_label(u: ConcentrationUnit) -> &'static str {
    match u {
        ConcentrationUnit::UgM3 => "µg/m³",
        ConcentrationUnit::MgM3 => "mg/m³",
        ConcentrationUnit::Ppm => "ppm",
        ConcentrationUnit::Ppb => "ppb",
    }
}

/// "PM2.5, 24-hour mean" in `lang`.
pub fn key_label(key: PollutantKey, lang: Lang) -> String {
    let avg = match key.averaging() {
        Averaging::OneHour => M::Hour1,
        Averaging::EightHour => M::Hour8,
        Averaging::Day => M::Day,
    };
    let sep = match lang {
        Lang::En => ", ",
        Lang::Zh => " ",
    };
    format!("{}{sep}{}", key.pollutant().label(), avg.text(lang))
}

/// One input of the calculator: a key of the chosen standard in that standard's unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// The key rated.
    pub key: PollutantKey,
    /// The unit the standard's table is in.
    pub unit: ConcentrationUnit,
}

impl Field {
    /// Where the field's text is kept. Key and unit together, so a PM2.5 value (µg/m³ in every
    /// standard) follows a change of standard, while an SO2 value in µg/m³ is never read as ppb.
    pub fn slot(self) -> String {
        format!("{}:{}", self.key.key(), self.unit.symbol())
    }
}

/// The fields of a standard, in the order of [`PollutantKey::ALL`].
pub fn fields(id: StandardId) -> Vec<Field> {
    let std = standard(id);
    PollutantKey::ALL
        .into_iter()
        .filter_map(|key| std.table(key).map(|t| Field { key, unit: t.unit }))
        .collect()
}

/// Why a field could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldError {
    /// Not a number at all (the text as typed).
    NotANumber(String),
    /// A number below zero.
    Negative(f64),
    /// Too large to be a finite number.
    NotFinite,
}

impl FieldError {
    /// The message shown next to the field.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Self::NotANumber(t) => format!("“{t}” {}", M::NotANumber.text(lang)),
            Self::Negative(v) => format!("{v} {}", M::Negative.text(lang)),
            Self::NotFinite => M::NotFinite.text(lang).to_string(),
        }
    }
}

/// Read a concentration as typed. Empty means "not measured" (`Ok(None)`), never 0.
///
/// Full-width digits (from a Chinese input method) are folded; a single comma with no point is a
/// decimal comma (`12,5`). Only plain decimal notation is accepted: `inf`, `NaN`, `0x10` and
/// thousands separators are not numbers here.
///
/// # Errors
/// [`FieldError`] with the offending text or value.
pub fn parse_concentration(text: &str) -> Result<Option<f64>, FieldError> {
    let folded: String = text.chars().map(renewal_data::number::fold_width).collect();
    let t = folded.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let normalised = if !t.contains('.') && t.matches(',').count() == 1 {
        t.replace(',', ".")
    } else {
        t.to_string()
    };
    let plain = normalised
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'))
        && normalised.chars().any(|c| c.is_ascii_digit());
    let value: f64 = match normalised.parse() {
        Ok(v) if plain => v,
        _ => return Err(FieldError::NotANumber(t.to_string())),
    };
    if !value.is_finite() {
        return Err(FieldError::NotFinite);
    }
    if value < 0.0 {
        return Err(FieldError::Negative(value));
    }
    Ok(Some(value))
}

/// What the calculator shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Calculation {
    /// Nothing entered.
    Empty,
    /// Some fields cannot be read; nothing is computed.
    Invalid(Vec<(PollutantKey, FieldError)>),
    /// The engine refused the input (should not happen after [`parse_concentration`]).
    Failed(AqiError),
    /// The result.
    Done(AqiResult),
}

/// The calculator: read the chosen standard's fields from `texts` (by [`Field::slot`]) and rate
/// them.
pub fn calculate(id: StandardId, texts: &BTreeMap<String, String>) -> Calculation {
    let mut values = Vec::new();
    let mut errors = Vec::new();
    for f in fields(id) {
        let text = texts.get(&f.slot()).map(String::as_str).unwrap_or_default();
        match parse_concentration(text) {
            Ok(Some(v)) => values.push((f.key, v)),
            Ok(None) => {}
            Err(e) => errors.push((f.key, e)),
        }
    }
    if !errors.is_empty() {
        return Calculation::Invalid(errors);
    }
    if values.is_empty() {
        return Calculation::Empty;
    }
    match aqi::aqi(id, &values) {
        Ok(r) => Calculation::Done(r),
        Err(e) => Calculation::Failed(e),
    }
}

/// A number with the decimals it needs: integers plain, others to at most three decimals
/// without trailing zeros, in `lang`'s number symbols.
pub fn fmt_value(v: f64, lang: Lang) -> String {
    crate::format::compact(v, 3, lang)
}

/// A concentration range as an inequality on `c`: `35 < c ≤ 75`, `c ≥ 500`.
pub fn fmt_range(r: &ConcentrationRange, lang: Lang) -> String {
    let lo = if r.min_inclusive { "≤" } else { "<" };
    match r.max {
        Some(max) if max == r.min && r.min_inclusive && r.max_inclusive => {
            format!("c = {}", fmt_value(max, lang))
        }
        Some(max) => {
            let hi = if r.max_inclusive { "≤" } else { "<" };
            format!(
                "{} {lo} c {hi} {}",
                fmt_value(r.min, lang),
                fmt_value(max, lang)
            )
        }
        None => {
            let op = if r.min_inclusive { "≥" } else { ">" };
            format!("c {op} {}", fmt_value(r.min, lang))
        }
    }
}

/// Why an AQI typed into the inverse was not used.
#[derive(Debug, Clone, PartialEq)]
pub enum InverseError {
    /// Not a whole number from 0 up (the text).
    NotAWholeNumber(String),
    /// The engine's refusal (outside the scale).
    Engine(AqiError),
}

/// The inverse of the AQI typed in `text` under `id`.
///
/// # Errors
/// [`InverseError`].
pub fn inverse_of(id: StandardId, text: &str) -> Result<Vec<InverseRow>, InverseError> {
    let folded: String = text.chars().map(renewal_data::number::fold_width).collect();
    let t = folded.trim();
    let n: u32 = t
        .parse()
        .map_err(|_| InverseError::NotAWholeNumber(t.to_string()))?;
    aqi::inverse(id, n).map_err(InverseError::Engine)
}

/// Direction of a unit conversion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// µg/m³ → ppb (CO: mg/m³ → ppm).
    MassToVolume,
    /// ppb → µg/m³ (CO: ppm → mg/m³).
    VolumeToMass,
}

/// The mass and volume units of a gas: (`µg/m³`, `ppb`), for CO (`mg/m³`, `ppm`).
pub fn gas_units(gas: Gas) -> (&'static str, &'static str) {
    match gas {
        Gas::Co => ("mg/m³", "ppm"),
        _ => ("µg/m³", "ppb"),
    }
}

/// Convert at 25 °C, 1 atm (see [`renewal_calc::units`]). CO pairs mg/m³ with ppm (the same
/// factor as µg/m³ with ppb).
pub fn convert(gas: Gas, direction: Direction, value: f64) -> f64 {
    match (gas, direction) {
        (Gas::Co, Direction::MassToVolume) => units::ppm_from_mg_m3(gas, MgPerM3(value)).0,
        (Gas::Co, Direction::VolumeToMass) => units::mg_m3_from_ppm(gas, Ppm(value)).0,
        (_, Direction::MassToVolume) => units::ppb_from_ug_m3(gas, UgPerM3(value)).0,
        (_, Direction::VolumeToMass) => units::ug_m3_from_ppb(gas, Ppb(value)).0,
    }
}

/// The annual pollutants compared with limits, with the workspace indicator holding each.
pub const ANNUAL: [(Metric, IndicatorId, &str); 4] = [
    (Metric::Pm25Annual, IndicatorId::Pm25, "PM2.5"),
    (Metric::Pm10Annual, IndicatorId::Pm10, "PM10"),
    (Metric::So2Annual, IndicatorId::So2, "SO2"),
    (Metric::No2Annual, IndicatorId::No2, "NO2"),
];

/// What an annual value is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Against {
    /// GB 3095-2012 grade II.
    Gb2012,
    /// GB 3095-2026 grade II, transition limits.
    Gb2026Transition,
    /// GB 3095-2026 grade II, final limits.
    Gb2026Final,
    /// WHO 2021 air quality guideline.
    Who2021,
}

impl Against {
    /// In the order shown.
    pub const ALL: [Against; 4] = [
        Self::Gb2012,
        Self::Gb2026Transition,
        Self::Gb2026Final,
        Self::Who2021,
    ];

    /// The name shown.
    pub fn name(self) -> M {
        match self {
            Self::Gb2012 => M::Gb2012,
            Self::Gb2026Transition => M::Gb2026Transition,
            Self::Gb2026Final => M::Gb2026Final,
            Self::Who2021 => M::Who2021,
        }
    }
}

/// One comparison of an annual mean with a limit.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    /// The limit set.
    pub against: Against,
    /// The limit (WHO: the guideline level); `None` when the set has none for the pollutant.
    pub limit: Option<f64>,
    /// Value over limit.
    pub ratio: Option<f64>,
    /// Within the limit.
    pub pass: Option<bool>,
    /// WHO only: the best interim target met (`Some(None)`: none met).
    pub who_interim: Option<Option<u8>>,
}

/// One pollutant's annual mean and its comparisons.
#[derive(Debug, Clone, PartialEq)]
pub struct ComplianceRow {
    /// Pollutant label.
    pub pollutant: &'static str,
    /// Year of the value.
    pub year: i32,
    /// Annual mean, µg/m³.
    pub value: f64,
    /// One per [`Against::ALL`].
    pub checks: Vec<Check>,
}

/// Compare annual means `(metric, year, value µg/m³)` with every limit set.
///
/// # Standard
/// GB 3095-2012 Table 1 and GB 3095-2026 Table 1 (grade II annual means); WHO global air quality
/// guidelines 2021, summary table. Through `renewal_calc::compliance`.
pub fn compliance(values: &[(Metric, i32, f64)]) -> Vec<ComplianceRow> {
    values
        .iter()
        .filter_map(|&(metric, year, value)| {
            let pollutant = ANNUAL.iter().find(|a| a.0 == metric)?.2;
            let checks = Against::ALL
                .into_iter()
                .map(|against| {
                    let set = match against {
                        Against::Gb2012 => Some(LimitSet::Gb3095_2012),
                        Against::Gb2026Transition => Some(LimitSet::Gb3095_2026Transition),
                        Against::Gb2026Final => Some(LimitSet::Gb3095_2026Final),
                        Against::Who2021 => None,
                    };
                    match set {
                        Some(set) => match check_gb3095(set, Grade::II, &[(metric, value)])
                            .ok()
                            .and_then(|c| c.into_iter().next())
                        {
                            Some(c) => Check {
                                against,
                                limit: Some(c.limit),
                                ratio: Some(c.ratio),
                                pass: Some(c.pass),
                                who_interim: None,
                            },
                            None => Check {
                                against,
                                limit: None,
                                ratio: None,
                                pass: None,
                                who_interim: None,
                            },
                        },
                        None => match check_who_2021(&[(metric, value)])
                            .ok()
                            .and_then(|c| c.into_iter().next())
                        {
                            Some(c) => Check {
                                against,
                                limit: Some(c.aqg),
                                ratio: Some(c.ratio_to_aqg),
                                pass: Some(c.meets_aqg),
                                who_interim: Some(c.best_interim_target_met),
                            },
                            None => Check {
                                against,
                                limit: None,
                                ratio: None,
                                pass: None,
                                who_interim: None,
                            },
                        },
                    }
                })
                .collect();
            Some(ComplianceRow {
                pollutant,
                year,
                value,
                checks,
            })
        })
        .collect()
}

/// The WHO column: empty on GB rows and where WHO sets no annual guideline.
pub fn who_text(c: &Check, l: Lang) -> String {
    match (c.pass, c.who_interim) {
        (_, None) => String::new(),
        (Some(true), Some(_)) => M::WhoMeetsAqg.text(l).to_string(),
        (_, Some(Some(n))) => format!("{} {n}", M::WhoInterim.text(l)),
        (_, Some(None)) => M::WhoNoneMet.text(l).to_string(),
    }
}

/// A city's latest annual PM2.5, PM10, SO2 and NO2 (each its own latest year).
pub fn city_annual(city: &City) -> Vec<(Metric, i32, f64)> {
    ANNUAL
        .iter()
        .filter_map(|&(metric, indicator, _)| city.latest(indicator).map(|(y, v)| (metric, y, v)))
        .collect()
}

/// The Northeast baseline's latest year of Table 1.
pub fn baseline_annual() -> Vec<(Metric, i32, f64)> {
    let Some(r) = baseline::air_quality().last() else {
        return Vec::new();
    };
    vec![
        (Metric::Pm25Annual, r.year, r.pm25_ug_m3),
        (Metric::Pm10Annual, r.year, r.pm10_ug_m3),
        (Metric::So2Annual, r.year, r.so2_ug_m3),
        (Metric::No2Annual, r.year, r.no2_ug_m3),
    ]
}

/// The PM2.5 chart's data: the years (Table 1's and every city's), the Northeast series and each
/// city's (name, series), `None` where a year has no value.
#[derive(Debug, Clone, PartialEq)]
pub struct Pm25Table {
    /// Years, ascending.
    pub years: Vec<i32>,
    /// Table 1's PM2.5.
    pub northeast: Vec<Option<f64>>,
    /// Each visible city.
    pub cities: Vec<(String, Vec<Option<f64>>)>,
}

/// Build [`Pm25Table`] from the cities shown.
pub fn pm25_table(cities: &[City]) -> Pm25Table {
    let rows = baseline::air_quality();
    let mut years: Vec<i32> = rows.iter().map(|r| r.year).collect();
    for c in cities {
        years.extend(c.annual(IndicatorId::Pm25).into_iter().map(|(y, _)| y));
    }
    years.sort_unstable();
    years.dedup();
    let northeast = years
        .iter()
        .map(|y| rows.iter().find(|r| r.year == *y).map(|r| r.pm25_ug_m3))
        .collect();
    let cities = cities
        .iter()
        .filter(|c| c.series.contains_key(&IndicatorId::Pm25))
        .map(|c| {
            let s: BTreeMap<i32, f64> = c.annual(IndicatorId::Pm25).into_iter().collect();
            (
                c.name.clone(),
                years.iter().map(|y| s.get(y).copied()).collect(),
            )
        })
        .collect();
    Pm25Table {
        years,
        northeast,
        cities,
    }
}

/// The chart of [`Pm25Table`]: the Northeast line first, then one line per city (names escaped).
pub fn pm25_chart(t: &Pm25Table, lang: Lang) -> Chart {
    let mut chart = Chart::new()
        .title(Title::new().text(M::ChartTitle.text(lang)).left("center"))
        .color(
            crate::charts::PALETTE
                .iter()
                .map(|c| Color::from(*c))
                .collect(),
        )
        .aria(Aria::new().enabled(true))
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .legend(Legend::new().bottom(0))
        .grid(Grid::new().left(56).right(32).top(56).bottom(64))
        .x_axis(
            Axis::new()
                .type_(AxisType::Category)
                .data(t.years.iter().map(i32::to_string).collect()),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Value)
                .name(M::ChartAxis.text(lang))
                .name_location(NameLocation::End),
        )
        .series(
            Line::new()
                .name(M::Northeast.text(lang))
                .data(t.northeast.clone()),
        );
    for (name, values) in &t.cities {
        chart = chart.series(
            Line::new()
                .name(escape_html(name))
                .connect_nulls(true)
                .data(values.clone()),
        );
    }
    chart
}

/// The HJ 633 category the paper's grade words name (reference B1): "Heavy pollution" 重度污染,
/// "Mild pollution" 轻度污染, "Good" 良.
fn category_of_words(g: PrintedGrade) -> aqi::CategoryId {
    match g {
        PrintedGrade::HeavyPollution => aqi::CategoryId::CnHeavilyPolluted,
        PrintedGrade::MildPollution => aqi::CategoryId::CnLightlyPolluted,
        PrintedGrade::Good => aqi::CategoryId::CnGood,
    }
}

/// The standards the audit recomputes with.
pub const AUDIT_STANDARDS: [StandardId; 2] = [StandardId::CnHj633_2012, StandardId::CnHj633_2026];

/// Table 1 recomputed under HJ 633-2012 and 2026 (as `renewal audit-paper`).
///
/// # Errors
/// [`AuditError`] if Table 1 held a negative value (it does not).
pub fn paper_audit() -> Result<Audit, AuditError> {
    let rows: Vec<AuditInput> = baseline::air_quality()
        .iter()
        .map(|y| AuditInput {
            year: y.year,
            printed_aqi: Some(u32::from(y.printed_aqi)),
            printed_category: Some(category_of_words(y.printed_grade)),
            pm25_ug_m3: y.pm25_ug_m3,
            pm10_ug_m3: y.pm10_ug_m3,
            so2_ug_m3: y.so2_ug_m3,
            co_mg_m3: y.co_mg_m3,
            no2_ug_m3: y.no2_ug_m3,
            o3_ug_m3: y.o3_ug_m3,
        })
        .collect();
    audit(&rows, &AUDIT_STANDARDS)
}

#[cfg(test)]
mod tests;
