//! `renewal aqi`: AQI, category, primary pollutant and sub-indices of `key=value` concentrations.

use crate::output::{print_json, CliError};
use renewal_calc::aqi::{self, standard, AqiResult, Category, PollutantKey, StandardId, SubIndex};
use renewal_calc::units::{self, Gas, MgPerM3, UgPerM3};
use std::collections::BTreeMap;

/// An AQI standard as named on the command line.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum StandardArg {
    /// China HJ 633-2012 (µg/m³, CO mg/m³).
    #[value(name = "hj633-2012")]
    Hj633_2012,
    /// China HJ 633-2026 (µg/m³, CO mg/m³).
    #[value(name = "hj633-2026")]
    Hj633_2026,
    /// US EPA AQI from 2024-05-06 (ppm/ppb, PM µg/m³).
    #[value(name = "us-epa-2024")]
    UsEpa2024,
    /// US EPA AQI before 2024-05-06.
    #[value(name = "us-epa-2018")]
    UsEpa2018,
}

impl From<StandardArg> for StandardId {
    fn from(s: StandardArg) -> Self {
        match s {
            StandardArg::Hj633_2012 => StandardId::CnHj633_2012,
            StandardArg::Hj633_2026 => StandardId::CnHj633_2026,
            StandardArg::UsEpa2024 => StandardId::UsEpa2024,
            StandardArg::UsEpa2018 => StandardId::UsEpa2018,
        }
    }
}

/// Units of the values given.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum UnitsArg {
    /// The standard's own units (China µg/m³ and CO mg/m³; US ppm/ppb and PM µg/m³).
    #[default]
    Native,
    /// µg/m³ for every pollutant, CO in mg/m³; gases are converted for US standards at 25 °C,
    /// 1 atm.
    Ugm3,
}

/// Options of `renewal aqi`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  renewal aqi --standard hj633-2012 pm25_24h=170 pm10_24h=194 so2_24h=75 co_24h=2.9383 no2_24h=121 o3_8h=205
  renewal aqi --standard hj633-2026 pm25_24h=35 o3_8h=160
  renewal aqi --standard us-epa-2024 pm25_24h=35.5")]
pub struct Args {
    /// The standard.
    #[arg(long, value_enum)]
    pub standard: StandardArg,
    /// Units of the values (US standards only differ).
    #[arg(long, value_enum, default_value = "native")]
    pub units: UnitsArg,
    /// Print JSON (the only format; accepted for scripts that pass it).
    #[arg(long)]
    pub json: bool,
    /// Concentrations as `key=value`, keys: pm25_24h pm10_24h so2_24h so2_1h no2_24h no2_1h
    /// co_24h co_1h co_8h o3_8h o3_1h.
    #[arg(required = true, value_name = "KEY=VALUE")]
    pub values: Vec<String>,
}

/// A category as printed.
#[derive(serde::Serialize)]
pub struct CategoryOut {
    id: &'static str,
    level: u8,
    name: aqi::Text,
    colour_hex: String,
    colour_vision_hex: String,
    health_effects: Option<aqi::Text>,
    advice: aqi::Text,
}

impl From<&Category> for CategoryOut {
    fn from(c: &Category) -> Self {
        Self {
            id: c.id.as_str(),
            level: c.level,
            name: c.name,
            colour_hex: c.rgb.hex(),
            colour_vision_hex: c.colour_vision_rgb.hex(),
            health_effects: c.health_effects,
            advice: c.advice,
        }
    }
}

#[derive(serde::Serialize)]
struct Output {
    standard: StandardId,
    standard_title: &'static str,
    aqi: Option<u32>,
    aqi_at_least: Option<u32>,
    category: Option<&'static str>,
    category_detail: Option<CategoryOut>,
    primary: Vec<PollutantKey>,
    sub_indices: BTreeMap<&'static str, Option<u32>>,
    beyond_index: Vec<PollutantKey>,
    sensitive_groups: Vec<aqi::SensitiveGroups>,
    details: Vec<SubIndex>,
    converted_from_ugm3: BTreeMap<&'static str, f64>,
}

/// Parse `key=value` pairs; the error names the offending argument.
pub fn parse_pairs(values: &[String]) -> Result<Vec<(PollutantKey, f64)>, CliError> {
    values
        .iter()
        .map(|arg| {
            let (k, v) = arg
                .split_once('=')
                .ok_or_else(|| CliError::Usage(format!("{arg:?} is not key=value")))?;
            let key = PollutantKey::from_key(k.trim()).ok_or_else(|| {
                let known: Vec<&str> = PollutantKey::ALL.iter().map(|k| k.key()).collect();
                CliError::Usage(format!(
                    "unknown pollutant key {k:?} (known: {})",
                    known.join(" ")
                ))
            })?;
            let value: f64 = v
                .trim()
                .parse()
                .map_err(|_| CliError::Usage(format!("{k}: {v:?} is not a number")))?;
            Ok((key, value))
        })
        .collect()
}

/// Convert µg/m³ (CO mg/m³) to the US standard's ppb/ppm; PM is unchanged.
fn to_us_native(key: PollutantKey, value: f64) -> f64 {
    use renewal_calc::aqi::Pollutant as P;
    match key.pollutant() {
        P::Pm25 | P::Pm10 => value,
        P::So2 => units::ppb_from_ug_m3(Gas::So2, UgPerM3(value)).0,
        P::No2 => units::ppb_from_ug_m3(Gas::No2, UgPerM3(value)).0,
        P::O3 => units::ppm_from_ppb(units::ppb_from_ug_m3(Gas::O3, UgPerM3(value))).0,
        P::Co => units::ppm_from_mg_m3(Gas::Co, MgPerM3(value)).0,
    }
}

fn output(id: StandardId, r: AqiResult, converted: BTreeMap<&'static str, f64>) -> Output {
    let detail = r.category.map(|c| CategoryOut::from(c.category()));
    Output {
        standard: id,
        standard_title: standard(id).title,
        aqi: r.aqi,
        aqi_at_least: r.aqi_at_least,
        category: r.category.map(|c| c.as_str()),
        category_detail: detail,
        primary: r.primary,
        sub_indices: r
            .sub_indices
            .iter()
            .map(|s| (s.key.key(), s.iaqi))
            .collect(),
        beyond_index: r.beyond_index,
        sensitive_groups: r.sensitive_groups,
        details: r.sub_indices,
        converted_from_ugm3: converted,
    }
}

/// Compute and print.
pub fn run(args: Args) -> Result<(), CliError> {
    let id = StandardId::from(args.standard);
    let mut pairs = parse_pairs(&args.values)?;
    let mut converted = BTreeMap::new();
    if args.units == UnitsArg::Ugm3 && id.family() == aqi::Family::Us {
        for (key, value) in &mut pairs {
            converted.insert(key.key(), *value);
            *value = to_us_native(*key, *value);
        }
    }
    let r = aqi::aqi(id, &pairs).map_err(|e| CliError::Input(e.to_string()))?;
    print_json(&output(id, r, converted))
}
