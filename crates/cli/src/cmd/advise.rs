//! `renewal advise`: from computed diagnostics to the paper's challenges (section 3) and
//! strategies (section 4), saying which number triggered which.

use super::small_csv::Table;
use crate::output::{print_json, CliError};
use renewal_calc::advisor::{self, Diagnostic, Rule, Section};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Options of `renewal advise`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
The file has two columns, a diagnostic id and its value:
  diagnostic,value
  depletion.extraction_ratio,0.74
  air.pm25_annual_ug_m3,54
  energy.renewable_share,0.18
  population.net_migration_per_1000,-4.2

The `diagnostics` object printed by `renewal depletion`, `energy`, `structure` and `population`
uses the same ids. Values can also be given on the command line:
  renewal advise --set structure.secondary_share=0.52 --set exports.primary_materials_share=0.6
  renewal advise city.csv --set air.pm25_annual_ug_m3=41
  renewal advise --list-rules

Fractions are 0-1 (0.18, not 18 %). Each finding names the rule, the value that fired it, the
threshold with its source (paper criterion, standard limit or stated judgement) and the paper's
sections.")]
pub struct Args {
    /// CSV file with columns `diagnostic,value` (`-` for stdin).
    file: Option<PathBuf>,
    /// A diagnostic as ID=VALUE (repeatable; overrides the file).
    #[arg(long = "set", value_name = "ID=VALUE", allow_hyphen_values = true)]
    set: Vec<String>,
    /// Print the rules, diagnostics and sections and exit.
    #[arg(long)]
    list_rules: bool,
}

#[derive(serde::Serialize)]
struct RuleList {
    rules: &'static [Rule],
    diagnostics: &'static [Diagnostic],
    sections: &'static [Section],
}

#[derive(serde::Serialize)]
struct Output {
    diagnostics: BTreeMap<String, f64>,
    #[serde(flatten)]
    advice: advisor::Advice,
}

fn known(id: &str) -> Result<(), String> {
    if advisor::diagnostic(id).is_some() {
        Ok(())
    } else {
        Err(format!(
            "unknown diagnostic {id:?}; known: {}",
            advisor::DIAGNOSTICS
                .iter()
                .map(|d| d.id)
                .collect::<Vec<_>>()
                .join(", ")
        ))
    }
}

fn read_file(path: &Path, into: &mut BTreeMap<String, f64>) -> Result<(), CliError> {
    let t = Table::read(path)?;
    let d = t.require(&["diagnostic", "id", "指标"])?;
    let v = t.require(&["value", "数值"])?;
    for r in 0..t.len() {
        let id = t.text(r, d).to_string();
        known(&id).map_err(|m| t.cell_error(r, d, &format!("is not a diagnostic ({m})")))?;
        let value = t.number(r, v)?;
        if into.insert(id, value).is_some() {
            return Err(t.cell_error(r, d, "appears twice"));
        }
    }
    Ok(())
}

/// Evaluates the rules and prints the advice.
pub fn run(args: Args) -> Result<(), CliError> {
    if args.list_rules {
        return print_json(&RuleList {
            rules: &advisor::RULES,
            diagnostics: &advisor::DIAGNOSTICS,
            sections: &advisor::SECTIONS,
        });
    }
    if args.file.is_none() && args.set.is_empty() {
        return Err(CliError::Usage(
            "give a CSV file (diagnostic,value), --set ID=VALUE, or --list-rules".into(),
        ));
    }
    let mut diagnostics = BTreeMap::new();
    if let Some(path) = &args.file {
        read_file(path, &mut diagnostics)?;
    }
    for s in &args.set {
        let (id, v) = s
            .split_once('=')
            .ok_or_else(|| CliError::Usage(format!("--set {s:?} is not ID=VALUE")))?;
        let id = id.trim();
        known(id).map_err(|m| CliError::Usage(format!("--set: {m}")))?;
        let value: f64 = v
            .trim()
            .parse()
            .map_err(|_| CliError::Usage(format!("--set {s:?}: {v:?} is not a number")))?;
        diagnostics.insert(id.to_string(), value);
    }
    let advice =
        advisor::advise(&diagnostics).map_err(|e| CliError::Input(format!("advise: {e}")))?;
    print_json(&Output {
        diagnostics,
        advice,
    })
}
