//! Generates the "Northeast context" dataset (`src/context`) from the CSV twins in
//! `reference/northeast-context/` at build time, so the wasm carries typed constants and no CSV
//! parser.
//!
//! Every row keeps its `source` column as the citation. Confidence comes from the row's
//! `confidence` column where the CSV has one; otherwise from the statement under the table in
//! `reference/northeast-context.md`, which is copied into [`TABLE_STATEMENTS`] below and emitted
//! with the data (the tests compare both the values and these statements with the reference).
//! A malformed reference file stops the build with a message naming the file, row and column:
//! the data are ours, not user input.

use std::error::Error;
use std::fmt::Write as _;
use std::path::Path;

type Res<T> = Result<T, Box<dyn Error>>;

const DIR: &str = "reference/northeast-context";

/// The confidence statements of `northeast-context.md`, one per table, as written there.
const TABLE_STATEMENTS: [(&str, &str); 11] = [
    ("N1A", "high for the 2020 counts (national bulletin, consistent with all three provincial bulletins). The 2010 national quick-count figures differ slightly from the 2010 bases in the 2020 provincial bulletins: JL 27462297 vs 27452815, HLJ 38312224 vs 38313991; LN is the same. Use the province-bulletin bases (C3-C5) for 2010-2020 change, as in N1b. Both versions are kept."),
    ("N1B", "high for the printed changes. The JL average annual rate and the Northeast totals are computed here from printed counts."),
    ("N1C", "high. Independent cross-checks agree: HLJ 2017-2022 match the Heilongjiang table at maigoo.com; HLJ 2015 = 3529 (Heilongjiang Statistical Yearbook 2021); JL 2018 = 2484.35; JL 2019 = 2447.52. LN 2014-2019 revised values had no second source."),
    ("N1D", "medium-high. HLJ 2017-2019 is confirmed by two independent reproductions (the rounded wwwleb table and the communique figures). The other cells rest on one reproduction of the communique each. Not comparable with the revised series (N1c) for 2014-2019."),
    ("N2", "per row (`conf.`). Wherever all four levels are given, primary + secondary + tertiary add up to the total (checked), and any printed shares match the levels to within 0.1 point."),
    ("N3A", "high for batch 2 (contemporaneous Xinhua list). Medium for the counts and the resource-type breakdown. The member lists of batches 1 and 3 could not be verified."),
    ("N3B", "high for batch 2; low for Hegang. Not verified: the Northeast members of batches 1 (2008) and 3 (2011/2012), and coal/oil/metal types for individual cities."),
    ("N3C", "high for 262 and its breakdown (plan text) and for 67 declining (Xinhua). The counts of growing, mature and regenerating cities could not be verified in any source read; they are left blank."),
    ("N3D", "high for the 20 prefecture-level rows on which both sources agree. Low for Songyuan, where they conflict, and for every row that rests on the unattributed R script alone."),
    ("N4", "high for HLJ, which has two or more sources for most years. Medium for LN and JL, with one reproduction each."),
    ("N4B", "low as a measure of migration, given the revision issues (population series revised to the 2020 census vs as first published). Rates from the sample surveys are applied to year-end populations. The arithmetic is exact."),
];

struct Table {
    file: &'static str,
    headers: csv::StringRecord,
    rows: Vec<csv::StringRecord>,
}

impl Table {
    fn read(file: &'static str) -> Res<Self> {
        let path = Path::new(DIR).join(file);
        println!("cargo:rerun-if-changed={}", path.display());
        let mut reader = csv::Reader::from_path(&path)?;
        let headers = reader.headers()?.clone();
        let rows = reader.records().collect::<Result<Vec<_>, _>>()?;
        Ok(Self {
            file,
            headers,
            rows,
        })
    }

    fn get<'a>(&self, row: &'a csv::StringRecord, index: usize, column: &str) -> Res<&'a str> {
        let col = self
            .headers
            .iter()
            .position(|h| h == column)
            .ok_or_else(|| format!("{}: no column {column}", self.file))?;
        row.get(col)
            .map(str::trim)
            .ok_or_else(|| format!("{} row {}: no value in {column}", self.file, index + 2).into())
    }

    fn f64(&self, row: &csv::StringRecord, index: usize, column: &str) -> Res<String> {
        let raw = self.get(row, index, column)?;
        let v: f64 = raw.parse().map_err(|e| {
            format!(
                "{} row {} column {column}: {raw:?}: {e}",
                self.file,
                index + 2
            )
        })?;
        Ok(format!("{v:?}"))
    }

    fn opt_f64(&self, row: &csv::StringRecord, index: usize, column: &str) -> Res<String> {
        if self.get(row, index, column)?.is_empty() {
            Ok("None".into())
        } else {
            Ok(format!("Some({})", self.f64(row, index, column)?))
        }
    }

    fn int(&self, row: &csv::StringRecord, index: usize, column: &str) -> Res<i64> {
        let raw = self.get(row, index, column)?;
        raw.parse().map_err(|e| {
            format!(
                "{} row {} column {column}: {raw:?}: {e}",
                self.file,
                index + 2
            )
            .into()
        })
    }

    fn str(&self, row: &csv::StringRecord, index: usize, column: &str) -> Res<String> {
        Ok(lit(self.get(row, index, column)?))
    }

    fn opt_str(&self, row: &csv::StringRecord, index: usize, column: &str) -> Res<String> {
        let raw = self.get(row, index, column)?;
        Ok(if raw.is_empty() {
            "None".into()
        } else {
            format!("Some({})", lit(raw))
        })
    }
}

fn lit(s: &str) -> String {
    format!("{s:?}")
}

fn region(raw: &str) -> Res<&'static str> {
    Ok(match raw {
        "Liaoning" => "Region::Liaoning",
        "Jilin" => "Region::Jilin",
        "Heilongjiang" => "Region::Heilongjiang",
        "Northeast (3 provinces)" => "Region::Northeast",
        _ => return Err(format!("unknown region {raw:?}").into()),
    })
}

fn confidence(raw: &str) -> Res<&'static str> {
    Ok(match raw {
        "high" => "Confidence::High",
        "medium-high" => "Confidence::MediumHigh",
        "medium" => "Confidence::Medium",
        "low" => "Confidence::Low",
        "" => "Confidence::NotVerified",
        _ => return Err(format!("unknown confidence {raw:?}").into()),
    })
}

fn statement(table: &str) -> String {
    format!("TableId::{}.confidence_statement()", table_variant(table))
}

fn table_variant(table: &str) -> String {
    let mut chars = table.chars();
    let mut out = String::new();
    if let Some(first) = chars.next() {
        out.push(first);
    }
    out.extend(chars.map(|c| c.to_ascii_lowercase()));
    out
}

/// A `Provenance` literal. `note` is the row's own note, or empty for "see the table statement".
fn provenance(table: &str, source: &str, conf: &str, note: &str, derived: bool) -> String {
    let note = if note.is_empty() {
        statement(table)
    } else {
        lit(note)
    };
    format!(
        "Provenance {{ table: TableId::{}, source: {}, confidence: {conf}, confidence_note: {note}, derived: {derived} }}",
        table_variant(table),
        lit(source)
    )
}

fn main() -> Res<()> {
    println!("cargo:rerun-if-changed=build.rs");
    let mut out = String::new();
    writeln!(
        out,
        "// Generated by crates/data/build.rs from {DIR}/*.csv. Do not edit."
    )?;
    writeln!(out, "impl TableId {{")?;
    writeln!(
        out,
        "    /// The confidence statement under the table in `northeast-context.md`."
    )?;
    writeln!(
        out,
        "    pub const fn confidence_statement(self) -> &'static str {{"
    )?;
    writeln!(out, "        match self {{")?;
    for (table, text) in TABLE_STATEMENTS {
        writeln!(
            out,
            "            Self::{} => {},",
            table_variant(table),
            lit(text)
        )?;
    }
    writeln!(out, "        }}\n    }}\n}}")?;
    census(&mut out)?;
    census_change(&mut out)?;
    revised(&mut out)?;
    as_published(&mut out)?;
    gdp(&mut out)?;
    natural_growth(&mut out)?;
    net_migration(&mut out)?;
    batches(&mut out)?;
    exhausted_cities(&mut out)?;
    plan_counts(&mut out)?;
    plan_cities(&mut out)?;
    let dest = Path::new(&std::env::var("OUT_DIR")?).join("northeast_context.rs");
    std::fs::write(dest, out)?;
    Ok(())
}

fn open(out: &mut String, name: &str, ty: &str) -> Res<()> {
    writeln!(
        out,
        "/// Generated from the reference CSV; see the type's documentation."
    )?;
    writeln!(out, "pub(super) const {name}: &[{ty}] = &[")?;
    Ok(())
}

fn census(out: &mut String) -> Res<()> {
    let t = Table::read("census_population.csv")?;
    open(out, "CENSUS_POPULATION", "CensusPopulation")?;
    for (i, r) in t.rows.iter().enumerate() {
        let census = t.get(r, i, "census")?;
        let year = if census.contains("2010") {
            2010
        } else if census.contains("2020") {
            2020
        } else {
            return Err(format!("census_population.csv row {}: census {census:?}", i + 2).into());
        };
        let basis = t.get(r, i, "basis")?;
        let kind = if basis.starts_with("national communique") {
            "CensusBasis::NationalQuickCount"
        } else if basis.starts_with("sum of") {
            "CensusBasis::ComputedSum"
        } else if basis.contains("province's 7th census bulletin") {
            "CensusBasis::ProvinceBulletinBase"
        } else if basis.starts_with("national bulletin") {
            "CensusBasis::NationalBulletin"
        } else {
            return Err(format!("census_population.csv row {}: basis {basis:?}", i + 2).into());
        };
        // N1a rates only the 2020 counts ("high"); the 2010 counts are rated medium-high here
        // because two versions differ slightly (the statement says so).
        let conf = if year == 2020 {
            "Confidence::High"
        } else {
            "Confidence::MediumHigh"
        };
        let derived = kind == "CensusBasis::ComputedSum";
        writeln!(
            out,
            "    CensusPopulation {{ region: {}, census_year: {year}, census: {}, reference_date: {}, basis: {}, basis_kind: {kind}, persons: {}, share_of_national_pct: {}, provenance: {} }},",
            region(t.get(r, i, "province")?)?,
            t.str(r, i, "census")?,
            t.str(r, i, "reference_date")?,
            lit(basis),
            t.int(r, i, "resident_population_persons")?,
            t.opt_f64(r, i, "share_of_national_pct")?,
            provenance("N1A", t.get(r, i, "source")?, conf, "", derived),
        )?;
    }
    writeln!(out, "];")?;
    Ok(())
}

fn census_change(out: &mut String) -> Res<()> {
    let t = Table::read("census_change_2010_2020.csv")?;
    open(out, "CENSUS_CHANGE", "CensusChange")?;
    for (i, r) in t.rows.iter().enumerate() {
        let reg = region(t.get(r, i, "province")?)?;
        let derived = reg == "Region::Northeast";
        writeln!(
            out,
            "    CensusChange {{ region: {reg}, pop_2010_persons: {}, pop_2020_persons: {}, change_persons: {}, change_pct: {}, avg_annual_change_pct: {}, avg_annual_basis: {}, share_national_2010_pct: {}, share_national_2020_pct: {}, provenance: {} }},",
            t.int(r, i, "pop_2010_persons")?,
            t.int(r, i, "pop_2020_persons")?,
            t.int(r, i, "change_persons")?,
            t.f64(r, i, "change_pct")?,
            t.f64(r, i, "avg_annual_change_pct")?,
            t.str(r, i, "avg_annual_basis")?,
            t.f64(r, i, "share_national_2010_pct")?,
            t.f64(r, i, "share_national_2020_pct")?,
            provenance("N1B", t.get(r, i, "source")?, "Confidence::High", "", derived),
        )?;
    }
    writeln!(out, "];")?;
    Ok(())
}

fn revised(out: &mut String) -> Res<()> {
    let t = Table::read("population_yearend_revised.csv")?;
    open(out, "POPULATION_REVISED", "YearEndPopulation")?;
    let columns = [
        ("liaoning_10k", "Region::Liaoning"),
        ("jilin_10k", "Region::Jilin"),
        ("heilongjiang_10k", "Region::Heilongjiang"),
        ("northeast_sum_10k_computed", "Region::Northeast"),
    ];
    for (i, r) in t.rows.iter().enumerate() {
        for (column, reg) in columns {
            let derived = reg == "Region::Northeast";
            writeln!(
                out,
                "    YearEndPopulation {{ region: {reg}, year: {}, population_10k: {}, series: Series::Revised, basis: Basis::PopulationCensus2020, vintage: {}, note: None, provenance: {} }},",
                t.int(r, i, "year")?,
                t.f64(r, i, column)?,
                t.str(r, i, "series")?,
                provenance("N1C", t.get(r, i, "source")?, "Confidence::High", "", derived),
            )?;
        }
    }
    writeln!(out, "];")?;
    Ok(())
}

fn as_published(out: &mut String) -> Res<()> {
    let t = Table::read("population_yearend_as_published.csv")?;
    open(out, "POPULATION_AS_PUBLISHED", "YearEndPopulation")?;
    for (i, r) in t.rows.iter().enumerate() {
        let vintage = t.get(r, i, "vintage")?;
        let basis = if vintage.contains("pre-2020-census") {
            "Basis::PopulationPreCensus2020"
        } else if vintage.contains("post-2020-census") {
            "Basis::PopulationCensus2020"
        } else {
            return Err(format!("as_published row {}: vintage {vintage:?}", i + 2).into());
        };
        writeln!(
            out,
            "    YearEndPopulation {{ region: {}, year: {}, population_10k: {}, series: Series::AsFirstPublished, basis: {basis}, vintage: {}, note: {}, provenance: {} }},",
            region(t.get(r, i, "province")?)?,
            t.int(r, i, "year")?,
            t.f64(r, i, "population_10k")?,
            lit(vintage),
            t.opt_str(r, i, "note")?,
            provenance("N1D", t.get(r, i, "source")?, "Confidence::MediumHigh", "", false),
        )?;
    }
    writeln!(out, "];")?;
    Ok(())
}

fn gdp(out: &mut String) -> Res<()> {
    let t = Table::read("gdp_by_industry.csv")?;
    open(out, "GDP_BY_INDUSTRY", "GdpByIndustry")?;
    for (i, r) in t.rows.iter().enumerate() {
        let year = t.int(r, i, "year")?;
        let vintage = t.get(r, i, "vintage")?;
        let basis = if vintage.contains("post-2018-census") {
            "Basis::GdpPostEconomicCensus2018"
        } else if year <= 2018 {
            "Basis::GdpPreEconomicCensus2018"
        } else {
            return Err(format!("gdp row {}: {year} with vintage {vintage:?}", i + 2).into());
        };
        let share_basis = match t.get(r, i, "share_basis")? {
            "printed" => "Some(ShareBasis::Printed)",
            "computed from levels" => "Some(ShareBasis::ComputedFromLevels)",
            "" => "None",
            other => return Err(format!("gdp row {}: share_basis {other:?}", i + 2).into()),
        };
        let conf = confidence(t.get(r, i, "confidence")?)?;
        let note = t.get(r, i, "note")?;
        writeln!(
            out,
            "    GdpByIndustry {{ region: {}, year: {year}, gdp_total_100m_yuan: {}, primary_100m_yuan: {}, secondary_100m_yuan: {}, tertiary_100m_yuan: {}, primary_share_pct: {}, secondary_share_pct: {}, tertiary_share_pct: {}, share_basis: {share_basis}, vintage: {}, basis: {basis}, note: {}, provenance: {} }},",
            region(t.get(r, i, "province")?)?,
            t.opt_f64(r, i, "gdp_total_100m_yuan")?,
            t.opt_f64(r, i, "primary_100m_yuan")?,
            t.opt_f64(r, i, "secondary_100m_yuan")?,
            t.opt_f64(r, i, "tertiary_100m_yuan")?,
            t.opt_f64(r, i, "primary_share_pct")?,
            t.opt_f64(r, i, "secondary_share_pct")?,
            t.opt_f64(r, i, "tertiary_share_pct")?,
            lit(vintage),
            t.opt_str(r, i, "note")?,
            provenance("N2", t.get(r, i, "source")?, conf, note, false),
        )?;
    }
    writeln!(out, "];")?;
    Ok(())
}

fn natural_growth(out: &mut String) -> Res<()> {
    let t = Table::read("natural_growth.csv")?;
    open(out, "NATURAL_GROWTH", "NaturalGrowth")?;
    for (i, r) in t.rows.iter().enumerate() {
        let reg = region(t.get(r, i, "province")?)?;
        // N4: "high for HLJ ... Medium for LN and JL".
        let conf = if reg == "Region::Heilongjiang" {
            "Confidence::High"
        } else {
            "Confidence::Medium"
        };
        writeln!(
            out,
            "    NaturalGrowth {{ region: {reg}, year: {}, birth_rate_permille: {}, death_rate_permille: {}, natural_growth_rate_permille: {}, provenance: {} }},",
            t.int(r, i, "year")?,
            t.f64(r, i, "birth_rate_permille")?,
            t.f64(r, i, "death_rate_permille")?,
            t.f64(r, i, "natural_growth_rate_permille")?,
            provenance("N4", t.get(r, i, "source")?, conf, "", false),
        )?;
    }
    writeln!(out, "];")?;
    Ok(())
}

fn net_migration(out: &mut String) -> Res<()> {
    let t = Table::read("net_migration_derived.csv")?;
    open(out, "NET_MIGRATION_DERIVED", "NetMigrationDerived")?;
    for (i, r) in t.rows.iter().enumerate() {
        let basis = t.get(r, i, "population_basis")?;
        let series = if basis.contains("N1c") {
            "Series::Revised"
        } else if basis.contains("N1d") {
            "Series::AsFirstPublished"
        } else {
            return Err(format!("net_migration row {}: basis {basis:?}", i + 2).into());
        };
        writeln!(
            out,
            "    NetMigrationDerived {{ region: {}, year: {}, series: {series}, population_basis: {}, pop_start_10k: {}, pop_end_10k: {}, pop_change_10k: {}, natural_growth_rate_permille: {}, natural_increase_10k_est: {}, net_migration_10k_derived: {}, provenance: {} }},",
            region(t.get(r, i, "province")?)?,
            t.int(r, i, "year")?,
            lit(basis),
            t.f64(r, i, "pop_start_10k")?,
            t.f64(r, i, "pop_end_10k")?,
            t.f64(r, i, "pop_change_10k")?,
            t.f64(r, i, "natural_growth_rate_permille")?,
            t.f64(r, i, "natural_increase_10k_est")?,
            t.f64(r, i, "net_migration_10k_derived")?,
            provenance("N4B", t.get(r, i, "source")?, "Confidence::Low", "", true),
        )?;
    }
    writeln!(out, "];")?;
    Ok(())
}

fn batches(out: &mut String) -> Res<()> {
    let t = Table::read("resource_exhausted_batches.csv")?;
    open(out, "EXHAUSTED_BATCHES", "ExhaustedBatch")?;
    for (i, r) in t.rows.iter().enumerate() {
        let batch = t.get(r, i, "batch")?;
        let batch_number = match batch.parse::<u8>() {
            Ok(n) => format!("Some({n})"),
            Err(_) => "None".into(),
        };
        writeln!(
            out,
            "    ExhaustedBatch {{ batch: {batch_number}, batch_label: {}, year: {}, cities_in_batch: {}, breakdown: {}, note: {}, provenance: {} }},",
            lit(batch),
            t.str(r, i, "year")?,
            t.int(r, i, "cities_in_batch")?,
            t.opt_str(r, i, "breakdown")?,
            t.opt_str(r, i, "note")?,
            provenance("N3A", t.get(r, i, "source")?, confidence(t.get(r, i, "confidence")?)?, t.get(r, i, "note")?, false),
        )?;
    }
    writeln!(out, "];")?;
    Ok(())
}

fn leading_year(raw: &str) -> String {
    match raw.get(..4).and_then(|y| y.parse::<i32>().ok()) {
        Some(y) => format!("Some({y})"),
        None => "None".into(),
    }
}

fn exhausted_cities(out: &mut String) -> Res<()> {
    let t = Table::read("resource_exhausted_cities_northeast.csv")?;
    open(out, "EXHAUSTED_CITIES", "ExhaustedCity")?;
    for (i, r) in t.rows.iter().enumerate() {
        let year = t.get(r, i, "year")?;
        writeln!(
            out,
            "    ExhaustedCity {{ batch: {}, year_label: {}, year: {}, city_zh: {}, city_en: {}, province: {}, admin_level: {}, resource_type_as_stated: {}, provenance: {} }},",
            t.int(r, i, "batch")?,
            lit(year),
            leading_year(year),
            t.str(r, i, "city_zh")?,
            t.str(r, i, "city_en")?,
            t.str(r, i, "province")?,
            t.str(r, i, "admin_level")?,
            t.opt_str(r, i, "resource_type_as_stated")?,
            provenance("N3B", t.get(r, i, "source")?, confidence(t.get(r, i, "confidence")?)?, "", false),
        )?;
    }
    writeln!(out, "];")?;
    Ok(())
}

fn plan_category(raw: &str) -> Res<&'static str> {
    Ok(match raw {
        "declining" => "&[PlanCategory::Declining]",
        "mature" => "&[PlanCategory::Mature]",
        "regenerating" => "&[PlanCategory::Regenerating]",
        "growing" => "&[PlanCategory::Growing]",
        "growing or regenerating (sources disagree)" => {
            "&[PlanCategory::Growing, PlanCategory::Regenerating]"
        }
        _ => return Err(format!("unknown plan category {raw:?}").into()),
    })
}

fn plan_counts(out: &mut String) -> Res<()> {
    let t = Table::read("resource_plan_2013_counts.csv")?;
    open(out, "PLAN_2013_COUNTS", "PlanCount")?;
    for (i, r) in t.rows.iter().enumerate() {
        let category = t.get(r, i, "category")?;
        let kind = match category.split(' ').next().unwrap_or("") {
            "all" => "None".to_string(),
            word => format!(
                "Some({})",
                plan_category(word)?
                    .trim_start_matches("&[")
                    .trim_end_matches(']')
            ),
        };
        let count = t.get(r, i, "count")?;
        let count = if count.is_empty() {
            "None".to_string()
        } else {
            format!("Some({})", t.int(r, i, "count")?)
        };
        writeln!(
            out,
            "    PlanCount {{ category_label: {}, category: {kind}, count: {count}, breakdown: {}, provenance: {} }},",
            lit(category),
            t.opt_str(r, i, "breakdown")?,
            provenance("N3C", t.get(r, i, "source")?, confidence(t.get(r, i, "confidence")?)?, "", false),
        )?;
    }
    writeln!(out, "];")?;
    Ok(())
}

fn plan_cities(out: &mut String) -> Res<()> {
    let t = Table::read("resource_plan_2013_northeast.csv")?;
    open(out, "PLAN_2013_NORTHEAST", "PlanCity")?;
    for (i, r) in t.rows.iter().enumerate() {
        let category = t.get(r, i, "plan_category")?;
        writeln!(
            out,
            "    PlanCity {{ city_zh: {}, city_en: {}, province: {}, admin_level: {}, category_as_printed: {}, categories: {}, note: {}, provenance: {} }},",
            t.str(r, i, "city_zh")?,
            t.str(r, i, "city_en")?,
            t.str(r, i, "province")?,
            t.str(r, i, "admin_level")?,
            lit(category),
            plan_category(category)?,
            t.opt_str(r, i, "note")?,
            provenance("N3D", t.get(r, i, "source")?, confidence(t.get(r, i, "confidence")?)?, t.get(r, i, "note")?, false),
        )?;
    }
    writeln!(out, "];")?;
    Ok(())
}
