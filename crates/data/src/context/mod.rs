//! The "Northeast context" dataset: population, industrial structure and resource-city status
//! of Liaoning, Jilin and Heilongjiang beyond the paper (issue 9).
//!
//! The tables are generated at build time by `build.rs` from `reference/northeast-context/*.csv`
//! (documented in `reference/northeast-context.md`); every value carries its citation and
//! confidence ([`Provenance`]). The two statistical breaks (population revised to the 2020
//! census; GDP on the 4th-economic-census basis from 2019) are data ([`BREAKS`]): a
//! [`ContextSeries`] is split into [`Segment`]s on one basis, and change, CAGR and Mann–Kendall are
//! only reached through functions that refuse to span a break ([`ContextSeries::consistent_change`])
//! or flag it ([`ContextSeries::change_flagged`]).
//!
//! Main entry points:
//! - the tables: [`census_population`], [`census_change`], [`population_revised`],
//!   [`population_as_published`], [`gdp_by_industry`], [`natural_growth`],
//!   [`net_migration_derived`], [`exhausted_batches`], [`exhausted_cities`], [`plan_2013_counts`],
//!   [`plan_2013_northeast`];
//! - [`series`] and [`BREAKS`];
//! - comparisons: [`population_change`], [`net_migration_rate`], [`industry_shares`],
//!   [`compare_regions`];
//! - [`resource_city_status`] for the resources view;
//! - [`city_population_diagnostics`] for the advisor.
//!
//! ```
//! use renewal_data::context::{series, Indicator, Region, Series, ContextError};
//! let hlj = series(Region::Heilongjiang, Indicator::Population, Series::AsFirstPublished).unwrap();
//! assert_eq!(hlj.breaks.len(), 1); // 2019 (pre-census basis) | 2020 (census basis)
//! assert!(matches!(hlj.consistent_change(2018, 2021), Err(ContextError::CrossesBreak { .. })));
//! let revised = series(Region::Heilongjiang, Indicator::Population, Series::Revised).unwrap();
//! let c = revised.consistent_change(2014, 2022).unwrap();
//! assert_eq!(c.change.absolute, 3099.0 - 3608.0);
//! ```

mod cities;
mod compare;
mod series;
mod tables;
#[cfg(test)]
mod tests;

pub use cities::{
    known_cities, name_key, resource_city_status, CityLookup, CityStatus, ExhaustedStatus,
    LookupOutcome, PlanStatus, NOT_ON_VERIFIED_LIST,
};
pub use compare::{
    city_population_diagnostics, compare_regions, industry_shares, net_migration_rate,
    population_change, CityDiagnostic, CompareOptions, IndustryShares, NetMigrationRate,
    PopulationChange, RegionComparison, CAGR_MINUS_PROVINCE,
};
pub use series::{
    break_between, series, Break, BreakId, ConsistentChange, ContextSeries, FlaggedChange,
    Indicator, Segment, SeriesPoint, BREAKS,
};
pub use tables::{
    Basis, CensusBasis, CensusChange, CensusPopulation, Confidence, ExhaustedBatch, ExhaustedCity,
    GdpByIndustry, NaturalGrowth, NetMigrationDerived, PlanCategory, PlanCity, PlanCount,
    Provenance, Region, Series, ShareBasis, TableId, YearEndPopulation,
};

use renewal_calc::trend::TrendError;

/// Why a context series, change or comparison could not be given.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum ContextError {
    /// The reference has no value of this indicator for the region.
    #[error("no {indicator:?} data for {region:?} in the {series:?} series")]
    NoData {
        /// Region.
        region: Region,
        /// Indicator.
        indicator: Indicator,
        /// Series.
        series: Series,
    },
    /// The year has no verified value.
    #[error("no verified value for {year}")]
    YearNotInSeries {
        /// The year.
        year: i32,
    },
    /// The end year is not after the start year.
    #[error("{to} is not after {from}")]
    NotAfter {
        /// Start.
        from: i32,
        /// End.
        to: i32,
    },
    /// The period spans a statistical break; no change, CAGR or trend without the flag.
    #[error("{from}-{to} spans the {id:?} break: a revision, not a change")]
    CrossesBreak {
        /// Start.
        from: i32,
        /// End.
        to: i32,
        /// The break.
        id: BreakId,
    },
    /// The value rests on a low-confidence row and low-confidence values were not included.
    #[error("low confidence ({}): {note}", confidence.as_str())]
    LowConfidence {
        /// The confidence.
        confidence: Confidence,
        /// The reference's note.
        note: &'static str,
    },
    /// A city population value is not a positive finite number.
    #[error("city population at row {index} ({year}) is {value}: not a positive number")]
    InvalidCityValue {
        /// Row index.
        index: usize,
        /// Year.
        year: i32,
        /// Value.
        value: f64,
    },
    /// The city series shares fewer than two years with a consistent province segment.
    #[error("the city series shares fewer than two years with {province:?}'s consistent series")]
    NoCommonPeriod {
        /// Province.
        province: Region,
    },
    /// The trend computation failed.
    #[error(transparent)]
    Trend(#[from] TrendError),
}

/// N1a: census population 2010 and 2020 (both 2010 versions kept).
pub fn census_population() -> &'static [CensusPopulation] {
    tables::CENSUS_POPULATION
}

/// N1b: census change 2010 to 2020.
pub fn census_change() -> &'static [CensusChange] {
    tables::CENSUS_CHANGE
}

/// N1c: year-end population revised to the 2020 census, one row per region and year (the
/// Northeast rows are the reference's computed sum).
pub fn population_revised() -> &'static [YearEndPopulation] {
    tables::POPULATION_REVISED
}

/// N1d: year-end population as first published.
pub fn population_as_published() -> &'static [YearEndPopulation] {
    tables::POPULATION_AS_PUBLISHED
}

/// N2: GDP by the three industries.
pub fn gdp_by_industry() -> &'static [GdpByIndustry] {
    tables::GDP_BY_INDUSTRY
}

/// N4: birth, death and natural growth rates.
pub fn natural_growth() -> &'static [NaturalGrowth] {
    tables::NATURAL_GROWTH
}

/// N4b: derived net migration (not an official statistic).
pub fn net_migration_derived() -> &'static [NetMigrationDerived] {
    tables::NET_MIGRATION_DERIVED
}

/// N3a: the resource-exhausted batches.
pub fn exhausted_batches() -> &'static [ExhaustedBatch] {
    tables::EXHAUSTED_BATCHES
}

/// N3b: verified Northeast members of the resource-exhausted list.
pub fn exhausted_cities() -> &'static [ExhaustedCity] {
    tables::EXHAUSTED_CITIES
}

/// N3c: counts of the 2013 plan.
pub fn plan_2013_counts() -> &'static [PlanCount] {
    tables::PLAN_2013_COUNTS
}

/// N3d: Northeast cities in the 2013 plan's classification.
pub fn plan_2013_northeast() -> &'static [PlanCity] {
    tables::PLAN_2013_NORTHEAST
}
