//! `renewal structure`: sector shares, HHI, Shannon evenness, secondary and high-tech shares;
//! export concentration and the primary-materials share (paper sections 3.1, 4.1, 4.3, 4.5).

use super::table_input::{LangArg, Reason, Rejected, Table};
use crate::output::{print_json, CliError};
use renewal_calc::structure::{self, ExportProduct, Sector, SectorClass};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Options of `renewal structure`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Sector file: one row per sector, value = output, value added or employment (one unit for all);
class = primary, secondary or tertiary (or 1/2/3, 第一产业...); high_tech = yes/no (optional).
  sector,value,class,high_tech
  coal mining,320,secondary,no
  steel,410,secondary,no
  electronics,60,secondary,yes
  agriculture,150,primary,no
  services,560,tertiary,no

Export file: one row per product group; primary_material = yes/no.
  product,value,primary_material
  steel,45,yes
  aluminium,12,yes
  machinery,30,no

Examples:
  renewal structure --sectors sectors.csv
  renewal structure --sectors sectors.csv --exports exports.csv

HHI is on shares (0-1; hhi_points on the 0-10,000 scale); evenness = Shannon H / ln n.")]
pub struct Args {
    /// CSV of sectors: sector,value,class[,high_tech].
    #[arg(long)]
    sectors: Option<PathBuf>,
    /// CSV of export products: product,value[,primary_material].
    #[arg(long)]
    exports: Option<PathBuf>,
    /// Language of the located messages about rejected cells.
    #[arg(long, value_enum, default_value = "en")]
    lang: LangArg,
}

#[derive(serde::Serialize)]
struct Output {
    #[serde(skip_serializing_if = "Option::is_none")]
    sectors: Option<structure::SectorStructure>,
    #[serde(skip_serializing_if = "Option::is_none")]
    exports: Option<structure::ExportStructure>,
    diagnostics: BTreeMap<&'static str, f64>,
    /// Rejected cells (their rows left out), located; absent when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    rejections: Vec<Rejected>,
}

fn read_sectors(path: &Path, lang: LangArg) -> Result<(Vec<Sector>, Vec<Rejected>), CliError> {
    let t = Table::read(path, lang.into())?;
    let n = t.require(&["sector", "name", "行业", "产业"])?;
    let v = t.require(&["value", "数值", "增加值"])?;
    let c = t.require(&["class", "三次产业"])?;
    let h = t.column(&["high_tech", "高技术"]);
    let kept = (0..t.len())
        .filter_map(|r| {
            let class = t.text(r, c).parse::<SectorClass>().ok();
            if class.is_none() {
                t.reject(
                    r,
                    c,
                    Reason::Text(
                        "not primary, secondary or tertiary".into(),
                        "不是第一、第二或第三产业（primary/secondary/tertiary）".into(),
                    ),
                );
            }
            let value = t.non_negative(r, v);
            let high_tech = t.flag(r, h);
            Some(Sector {
                name: t.text(r, n),
                value: value?,
                class: class?,
                high_tech: high_tech?,
            })
        })
        .collect();
    t.finish(kept)
}

fn read_exports(
    path: &Path,
    lang: LangArg,
) -> Result<(Vec<ExportProduct>, Vec<Rejected>), CliError> {
    let t = Table::read(path, lang.into())?;
    let n = t.require(&["product", "name", "产品"])?;
    let v = t.require(&["value", "出口额"])?;
    let p = t.column(&["primary_material", "初级原材料"]);
    let kept = (0..t.len())
        .filter_map(|r| {
            let value = t.non_negative(r, v);
            let primary_material = t.flag(r, p);
            Some(ExportProduct {
                name: t.text(r, n),
                value: value?,
                primary_material: primary_material?,
            })
        })
        .collect();
    t.finish(kept)
}

/// Computes and prints the structure measures.
pub fn run(args: Args) -> Result<(), CliError> {
    if args.sectors.is_none() && args.exports.is_none() {
        return Err(CliError::Usage(
            "give --sectors FILE and/or --exports FILE".into(),
        ));
    }
    let mut diagnostics = BTreeMap::new();
    let mut rejections = Vec::new();
    let sectors = match &args.sectors {
        Some(path) => {
            let (rows, rejected) = read_sectors(path, args.lang)?;
            rejections.extend(rejected);
            let s = structure::sector_structure(&rows)
                .map_err(|e| CliError::Input(format!("{}: {e}", path.display())))?;
            diagnostics.insert("structure.secondary_share", s.secondary_share);
            diagnostics.insert("structure.sector_hhi", s.concentration.hhi);
            diagnostics.insert("structure.high_tech_share", s.high_tech_share);
            Some(s)
        }
        None => None,
    };
    let exports = match &args.exports {
        Some(path) => {
            let (rows, rejected) = read_exports(path, args.lang)?;
            rejections.extend(rejected);
            let e = structure::export_structure(&rows)
                .map_err(|e| CliError::Input(format!("{}: {e}", path.display())))?;
            diagnostics.insert("exports.primary_materials_share", e.primary_materials_share);
            diagnostics.insert("exports.hhi", e.concentration.hhi);
            Some(e)
        }
        None => None,
    };
    print_json(&Output {
        sectors,
        exports,
        diagnostics,
        rejections,
    })
}
