//! `renewal context`: the built-in "Northeast context" dataset (population, industry, resource
//! cities) with its provenance, one series with its breaks, or the province comparison, as JSON.

use crate::output::{print_json, CliError};
use renewal_data::context::{self, CompareOptions, Indicator, Region, Series, TableId};
use serde::Serialize;

/// A table of the dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Table {
    /// N1a: census population 2010 and 2020.
    Census,
    /// N1b: census change 2010 to 2020.
    CensusChange,
    /// N1c: year-end population revised to the 2020 census.
    PopulationRevised,
    /// N1d: year-end population as first published.
    PopulationAsPublished,
    /// N2: GDP by the three industries.
    Gdp,
    /// N4: birth, death and natural growth rates.
    NaturalGrowth,
    /// N4b: derived net migration (not an official statistic).
    NetMigration,
    /// N3a: resource-exhausted batches.
    ExhaustedBatches,
    /// N3b: verified Northeast resource-exhausted cities.
    ExhaustedCities,
    /// N3c: 2013 plan counts.
    PlanCounts,
    /// N3d: 2013 plan Northeast classification.
    PlanCities,
    /// The two statistical breaks.
    Breaks,
}

/// A series to print with its segments and breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum IndicatorArg {
    /// Year-end population, 10k persons.
    Population,
    /// GDP, 100 million yuan.
    Gdp,
    /// Primary industry, 100 million yuan.
    Primary,
    /// Secondary industry, 100 million yuan.
    Secondary,
    /// Tertiary industry, 100 million yuan.
    Tertiary,
    /// Primary share, %.
    PrimaryShare,
    /// Secondary share, %.
    SecondaryShare,
    /// Tertiary share, %.
    TertiaryShare,
    /// Natural growth rate, ‰.
    NaturalGrowth,
    /// Derived net migration, 10k persons.
    NetMigration,
}

impl From<IndicatorArg> for Indicator {
    fn from(a: IndicatorArg) -> Self {
        match a {
            IndicatorArg::Population => Indicator::Population,
            IndicatorArg::Gdp => Indicator::Gdp,
            IndicatorArg::Primary => Indicator::PrimaryIndustry,
            IndicatorArg::Secondary => Indicator::SecondaryIndustry,
            IndicatorArg::Tertiary => Indicator::TertiaryIndustry,
            IndicatorArg::PrimaryShare => Indicator::PrimaryShare,
            IndicatorArg::SecondaryShare => Indicator::SecondaryShare,
            IndicatorArg::TertiaryShare => Indicator::TertiaryShare,
            IndicatorArg::NaturalGrowth => Indicator::NaturalGrowthRate,
            IndicatorArg::NetMigration => Indicator::NetMigration,
        }
    }
}

/// Which series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SeriesArg {
    /// Revised to the 2020 census / 4th-economic-census basis only (consistent; default).
    Revised,
    /// As first published, breaks included and flagged.
    AsPublished,
}

/// Options of `renewal context`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  renewal context
  renewal context --compare
  renewal context --province liaoning --province jilin")]
pub struct Args {
    /// Print only this table (default: every table).
    #[arg(long, value_enum)]
    table: Option<Table>,
    /// Keep only rows of these regions: liaoning, jilin, heilongjiang, northeast (or 辽宁 …).
    #[arg(long = "province", value_name = "NAME")]
    provinces: Vec<String>,
    /// Print the series of this indicator for each region, with its segments and breaks.
    #[arg(long, value_enum, conflicts_with_all = ["table", "compare"])]
    indicator: Option<IndicatorArg>,
    /// Print the province comparison (population change and CAGR, net migration rate, shares).
    #[arg(long, conflicts_with = "table")]
    compare: bool,
    /// Series for --indicator and --compare.
    #[arg(long, value_enum, default_value = "revised")]
    series: SeriesArg,
    /// First year of the population change (--compare).
    #[arg(long, default_value_t = 2014)]
    from: i32,
    /// Last year of the population change (--compare).
    #[arg(long, default_value_t = 2022)]
    to: i32,
    /// Year of the net migration rate (--compare).
    #[arg(long, default_value_t = 2019)]
    migration_year: i32,
    /// Year of the industry shares (--compare).
    #[arg(long, default_value_t = 2021)]
    shares_year: i32,
    /// Include low-confidence values (marked) instead of leaving them out (--compare).
    #[arg(long)]
    include_low_confidence: bool,
}

#[derive(Serialize)]
struct TableInfo {
    id: TableId,
    title: &'static str,
    csv: &'static str,
    confidence_statement: &'static str,
}

#[derive(Serialize, Default)]
struct Dataset {
    dataset: &'static str,
    reference: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tables: Vec<TableInfo>,
    #[serde(skip_serializing_if = "Option::is_none")]
    breaks: Option<&'static [context::Break]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    census_population: Option<Vec<&'static context::CensusPopulation>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    census_change: Option<Vec<&'static context::CensusChange>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    population_revised: Option<Vec<&'static context::YearEndPopulation>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    population_as_published: Option<Vec<&'static context::YearEndPopulation>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    gdp_by_industry: Option<Vec<&'static context::GdpByIndustry>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    natural_growth: Option<Vec<&'static context::NaturalGrowth>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    net_migration_derived: Option<Vec<&'static context::NetMigrationDerived>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    exhausted_batches: Option<&'static [context::ExhaustedBatch]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    exhausted_cities: Option<Vec<&'static context::ExhaustedCity>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    plan_2013_counts: Option<&'static [context::PlanCount]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    plan_2013_northeast: Option<Vec<&'static context::PlanCity>>,
}

#[derive(Serialize)]
struct Comparison {
    options: CompareOptions,
    from: i32,
    to: i32,
    migration_year: i32,
    shares_year: i32,
    regions: Vec<context::RegionComparison>,
}

#[derive(Serialize)]
struct SeriesOutput {
    series: Vec<Result<context::ContextSeries, context::ContextError>>,
}

const DATASET: &str = "Northeast context (issue 9): population, industrial structure, resource-city status of Liaoning, Jilin, Heilongjiang";
const REFERENCE: &str = "crates/data/reference/northeast-context.md and northeast-context/*.csv";

fn regions(names: &[String]) -> Result<Vec<Region>, CliError> {
    if names.is_empty() {
        return Ok(Region::ALL.to_vec());
    }
    names
        .iter()
        .map(|n| {
            Region::parse(n).ok_or_else(|| {
                CliError::Usage(format!(
                    "unknown province {n:?}: use liaoning, jilin, heilongjiang or northeast"
                ))
            })
        })
        .collect()
}

fn rows<T>(all: &'static [T], keep: impl Fn(&T) -> bool) -> Option<Vec<&'static T>> {
    Some(all.iter().filter(|r| keep(r)).collect())
}

/// Print the dataset, a series or the comparison.
pub fn run(args: Args) -> Result<(), CliError> {
    let chosen = regions(&args.provinces)?;
    let series = match args.series {
        SeriesArg::Revised => Series::Revised,
        SeriesArg::AsPublished => Series::AsFirstPublished,
    };
    if let Some(indicator) = args.indicator {
        let out = chosen
            .iter()
            .map(|&r| context::series(r, indicator.into(), series))
            .collect();
        return print_json(&SeriesOutput { series: out });
    }
    if args.compare {
        let options = CompareOptions {
            series,
            include_low_confidence: args.include_low_confidence,
        };
        let regions = context::compare_regions(
            args.from,
            args.to,
            args.migration_year,
            args.shares_year,
            &options,
        )
        .into_iter()
        .filter(|r| chosen.contains(&r.region))
        .collect();
        return print_json(&Comparison {
            options,
            from: args.from,
            to: args.to,
            migration_year: args.migration_year,
            shares_year: args.shares_year,
            regions,
        });
    }
    let has = |r: Region| chosen.contains(&r);
    // City tables name the province in words; "northeast" keeps them all.
    let city = |province: &str| {
        has(Region::Northeast) || chosen.iter().any(|r| province.contains(r.name_en()))
    };
    let want = |t: Table| args.table.is_none_or(|x| x == t);
    let mut out = Dataset {
        dataset: DATASET,
        reference: REFERENCE,
        ..Dataset::default()
    };
    if args.table.is_none() {
        out.tables = TableId::ALL
            .iter()
            .map(|&id| TableInfo {
                id,
                title: id.title(),
                csv: id.csv_file(),
                confidence_statement: id.confidence_statement(),
            })
            .collect();
    }
    if want(Table::Breaks) {
        out.breaks = Some(&context::BREAKS);
    }
    if want(Table::Census) {
        out.census_population = rows(context::census_population(), |r| has(r.region));
    }
    if want(Table::CensusChange) {
        out.census_change = rows(context::census_change(), |r| has(r.region));
    }
    if want(Table::PopulationRevised) {
        out.population_revised = rows(context::population_revised(), |r| has(r.region));
    }
    if want(Table::PopulationAsPublished) {
        out.population_as_published = rows(context::population_as_published(), |r| has(r.region));
    }
    if want(Table::Gdp) {
        out.gdp_by_industry = rows(context::gdp_by_industry(), |r| has(r.region));
    }
    if want(Table::NaturalGrowth) {
        out.natural_growth = rows(context::natural_growth(), |r| has(r.region));
    }
    if want(Table::NetMigration) {
        out.net_migration_derived = rows(context::net_migration_derived(), |r| has(r.region));
    }
    if want(Table::ExhaustedBatches) {
        out.exhausted_batches = Some(context::exhausted_batches());
    }
    if want(Table::ExhaustedCities) {
        out.exhausted_cities = rows(context::exhausted_cities(), |r| city(r.province));
    }
    if want(Table::PlanCounts) {
        out.plan_2013_counts = Some(context::plan_2013_counts());
    }
    if want(Table::PlanCities) {
        out.plan_2013_northeast = rows(context::plan_2013_northeast(), |r| city(r.province));
    }
    print_json(&out)
}
