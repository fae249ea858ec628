//! `renewal advise`: from computed diagnostics to the paper's challenges (section 3) and
//! strategies (section 4), saying which number triggered which.

use super::table_input::{LangArg, Reason, Rejected, Table};
use crate::output::{print_json, CliError};
use renewal_calc::advisor::{self, Diagnostic, Rule, Section};
use std::collections::BTreeMap;
use std::io::Read;
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
uses the same ids, and their JSON output can be given as a file directly:
  renewal depletion --original 1000 --cumulative 740 --production 2020=30 > depletion.json
  renewal population city.csv > population.json
  renewal advise depletion.json population.json

Values can also be given on the command line:
  renewal advise --set structure.secondary_share=0.52 --set exports.primary_materials_share=0.6
  renewal advise city.csv --set air.pm25_annual_ug_m3=41
  renewal advise --list-rules

Fractions are 0-1 (0.18, not 18 %). Each finding names the rule, the value that fired it, the
threshold with its source (paper criterion, standard limit or stated judgement) and the paper's
sections.")]
pub struct Args {
    /// CSV files with columns `diagnostic,value`, or JSON output of the other subcommands
    /// (`-` for stdin).
    files: Vec<PathBuf>,
    /// A diagnostic as ID=VALUE (repeatable; overrides the files).
    #[arg(long = "set", value_name = "ID=VALUE", allow_hyphen_values = true)]
    set: Vec<String>,
    /// Print the rules, diagnostics and sections and exit.
    #[arg(long)]
    list_rules: bool,
    /// Language of the located messages about rejected cells.
    #[arg(long, value_enum, default_value = "en")]
    lang: LangArg,
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
    /// Rejected cells of CSV/XLSX inputs (their rows left out), located; absent when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    rejections: Vec<Rejected>,
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

fn insert(
    into: &mut BTreeMap<String, f64>,
    id: String,
    value: f64,
    origin: &str,
) -> Result<(), CliError> {
    if into.insert(id.clone(), value).is_some() {
        return Err(CliError::Input(format!(
            "{origin}: diagnostic {id:?} is given twice"
        )));
    }
    Ok(())
}

/// A table (CSV, TSV, XLSX …) of `diagnostic,value` rows, read through the data crate.
fn read_table(
    name: &str,
    bytes: &[u8],
    lang: LangArg,
    into: &mut BTreeMap<String, f64>,
) -> Result<Vec<Rejected>, CliError> {
    let t = Table::parse(name, bytes, lang.into())?;
    let d = t.require(&["diagnostic", "id", "指标"])?;
    let v = t.require(&["value", "数值"])?;
    let mut kept = Vec::new();
    for r in 0..t.len() {
        let id = t.text(r, d);
        let id_ok = known(&id).map_err(|m| {
            t.reject(
                r,
                d,
                Reason::Text(
                    format!("not a diagnostic ({m})"),
                    format!("不是已知的诊断指标（{m}）"),
                ),
            )
        });
        let value = t.number(r, v);
        if let (Ok(()), Some(value)) = (id_ok, value) {
            kept.push((id, value));
        }
    }
    let (kept, rejected) = t.finish(kept)?;
    for (id, value) in kept {
        insert(into, id, value, name)?;
    }
    Ok(rejected)
}

/// The JSON output of another subcommand: its `diagnostics` object (or a flat object of
/// id -> number).
fn read_json(name: &str, text: &str, into: &mut BTreeMap<String, f64>) -> Result<(), CliError> {
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| CliError::Input(format!("{name}: not valid JSON: {e}")))?;
    let object = value
        .get("diagnostics")
        .unwrap_or(&value)
        .as_object()
        .ok_or_else(|| CliError::Input(format!("{name}: expected a JSON object")))?;
    for (id, v) in object {
        known(id).map_err(|m| CliError::Input(format!("{name}: {m}")))?;
        let value = v.as_f64().ok_or_else(|| {
            CliError::Input(format!("{name}: diagnostic {id:?} is not a number ({v})"))
        })?;
        insert(into, id.clone(), value, name)?;
    }
    Ok(())
}

fn read_file(
    path: &Path,
    lang: LangArg,
    into: &mut BTreeMap<String, f64>,
) -> Result<Vec<Rejected>, CliError> {
    let name = path.display().to_string();
    let bytes = if name == "-" {
        let mut b = Vec::new();
        std::io::stdin().read_to_end(&mut b)?;
        b
    } else {
        std::fs::read(path).map_err(|e| CliError::Input(format!("cannot read {name}: {e}")))?
    };
    let (text, _) = renewal_data::delimited::decode(&bytes);
    if text.trim_start().starts_with('{') {
        read_json(&name, &text, into)?;
        Ok(Vec::new())
    } else {
        read_table(&name, &bytes, lang, into)
    }
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
    if args.files.is_empty() && args.set.is_empty() {
        return Err(CliError::Usage(
            "give a CSV file (diagnostic,value), a subcommand's JSON output, --set ID=VALUE, or --list-rules"
                .into(),
        ));
    }
    let mut diagnostics = BTreeMap::new();
    let mut rejections = Vec::new();
    for path in &args.files {
        rejections.extend(read_file(path, args.lang, &mut diagnostics)?);
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
        rejections,
    })
}
