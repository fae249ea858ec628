//! `renewal audit-paper`: the paper's Table 1 recomputed under HJ 633-2012 and 2026, next to the
//! printed AQI and grade, with every mismatch flagged.

use crate::output::{print_json, CliError};
use renewal_calc::aqi::{CategoryId, PollutantKey, StandardId};
use renewal_calc::audit::{audit, Audit, AuditInput, Caveat};
use renewal_calc::compliance::LimitCheck;
use renewal_data::baseline::{self, PrintedGrade};
use std::collections::BTreeMap;

/// Options of `renewal audit-paper` (none: it audits the built-in Table 1).
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  renewal audit-paper
  renewal audit-paper | jq '.years[] | select(.mismatch)'")]
pub struct Args {
    /// Print JSON (the only format).
    #[arg(long)]
    pub json: bool,
}

/// The HJ 633 category the paper's grade words name. "Heavy pollution" is 重度污染 and "Mild
/// pollution" 轻度污染 (reference B1), "Good" is 良.
fn category_of_words(g: PrintedGrade) -> CategoryId {
    match g {
        PrintedGrade::HeavyPollution => CategoryId::CnHeavilyPolluted,
        PrintedGrade::MildPollution => CategoryId::CnLightlyPolluted,
        PrintedGrade::Good => CategoryId::CnGood,
    }
}

#[derive(serde::Serialize)]
struct Recomputed {
    aqi: Option<u32>,
    category: Option<&'static str>,
    primary: Vec<PollutantKey>,
    sub_indices: BTreeMap<&'static str, Option<u32>>,
    aqi_matches: Option<bool>,
    aqi_difference: Option<i64>,
    category_matches: Option<bool>,
}

#[derive(serde::Serialize)]
struct Row {
    year: i32,
    printed_aqi: Option<u32>,
    printed_grade: &'static str,
    printed_grade_as_category: Option<&'static str>,
    category_of_printed_aqi: Option<&'static str>,
    printed_grade_matches_printed_aqi: Option<bool>,
    recomputed: BTreeMap<StandardId, Recomputed>,
    gb3095_2012_grade_ii_annual: Vec<LimitCheck>,
}

#[derive(serde::Serialize)]
struct Output {
    source: &'static str,
    standards: Vec<StandardId>,
    rows: Vec<Row>,
    aqi_mismatches: BTreeMap<StandardId, usize>,
    category_mismatches: BTreeMap<StandardId, usize>,
    caveats: Vec<Caveat>,
    notes: &'static [&'static str],
}

fn output(a: Audit, standards: &[StandardId]) -> Output {
    let rows = a
        .rows
        .into_iter()
        .zip(baseline::air_quality())
        .map(|(r, printed)| Row {
            year: r.year,
            printed_aqi: r.printed_aqi,
            printed_grade: printed.printed_grade.as_printed(),
            printed_grade_as_category: r.printed_category.map(CategoryId::as_str),
            category_of_printed_aqi: r.category_of_printed_aqi.map(CategoryId::as_str),
            printed_grade_matches_printed_aqi: r.printed_grade_matches_printed_aqi,
            recomputed: r
                .recomputed
                .into_iter()
                .map(|c| {
                    (
                        c.standard,
                        Recomputed {
                            aqi: c.aqi,
                            category: c.category.map(CategoryId::as_str),
                            primary: c.primary,
                            sub_indices: c.sub_indices.iter().map(|(k, v)| (k.key(), *v)).collect(),
                            aqi_matches: c.aqi_matches,
                            aqi_difference: c.aqi_difference,
                            category_matches: c.category_matches,
                        },
                    )
                })
                .collect(),
            gb3095_2012_grade_ii_annual: r.gb3095_2012_annual,
        })
        .collect();
    Output {
        source: baseline::PAPER_CITATION,
        standards: standards.to_vec(),
        rows,
        aqi_mismatches: a.aqi_mismatches.into_iter().collect(),
        category_mismatches: a.category_mismatches.into_iter().collect(),
        caveats: a.caveats,
        notes: &baseline::PAPER_NOTES,
    }
}

/// Audit and print.
pub fn run(_args: Args) -> Result<(), CliError> {
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
    let standards = [StandardId::CnHj633_2012, StandardId::CnHj633_2026];
    let a = audit(&rows, &standards).map_err(|e| CliError::Input(e.to_string()))?;
    print_json(&output(a, &standards))
}
