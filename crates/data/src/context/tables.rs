//! The row types of the "Northeast context" tables and the constants `build.rs` generates from
//! `reference/northeast-context/*.csv` (one constant per CSV, rows in file order).

/// A province of Northeast China, or the three together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Region {
    /// Liaoning (辽宁, LN).
    Liaoning,
    /// Jilin province (吉林, JL).
    Jilin,
    /// Heilongjiang (黑龙江, HLJ).
    Heilongjiang,
    /// The three provinces together ("Northeast (3 provinces)").
    Northeast,
}

impl Region {
    /// Liaoning, Jilin, Heilongjiang and the Northeast total, in the reference's order.
    pub const ALL: [Region; 4] = [
        Region::Liaoning,
        Region::Jilin,
        Region::Heilongjiang,
        Region::Northeast,
    ];

    /// The three provinces (without the total).
    pub const PROVINCES: [Region; 3] = [Region::Liaoning, Region::Jilin, Region::Heilongjiang];

    /// English name as the reference writes it.
    pub const fn name_en(self) -> &'static str {
        match self {
            Self::Liaoning => "Liaoning",
            Self::Jilin => "Jilin",
            Self::Heilongjiang => "Heilongjiang",
            Self::Northeast => "Northeast (3 provinces)",
        }
    }

    /// Chinese name.
    pub const fn name_zh(self) -> &'static str {
        match self {
            Self::Liaoning => "辽宁省",
            Self::Jilin => "吉林省",
            Self::Heilongjiang => "黑龙江省",
            Self::Northeast => "东北三省",
        }
    }

    /// Parses `liaoning`, `ln`, `辽宁`, `northeast`, `ne`, `东北` … (case-insensitive).
    pub fn parse(text: &str) -> Option<Region> {
        let t = text.trim().to_lowercase();
        Some(match t.as_str() {
            "liaoning" | "ln" | "辽宁" | "辽宁省" => Self::Liaoning,
            "jilin" | "jl" | "吉林" | "吉林省" => Self::Jilin,
            "heilongjiang" | "hlj" | "黑龙江" | "黑龙江省" => Self::Heilongjiang,
            "northeast" | "ne" | "东北" | "东北三省" | "northeast (3 provinces)" => {
                Self::Northeast
            }
            _ => return None,
        })
    }
}

/// The confidence a value is given in the reference (its `confidence` column, or the statement
/// under its table where the CSV has no such column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Confidence {
    /// No source was found: the value is blank in the reference.
    NotVerified,
    /// Low: one weak or unattributed source, conflicting sources, or a rough derivation.
    Low,
    /// Medium.
    Medium,
    /// Medium-high.
    MediumHigh,
    /// High.
    High,
}

impl Confidence {
    /// The word the reference uses (`high`, `medium-high`, `medium`, `low`, empty).
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::High => "high",
            Self::MediumHigh => "medium-high",
            Self::Medium => "medium",
            Self::Low => "low",
            Self::NotVerified => "",
        }
    }

    /// Whether comparisons leave the value out unless asked to include it.
    pub const fn is_low(self) -> bool {
        matches!(self, Self::Low | Self::NotVerified)
    }
}

/// The tables of `reference/northeast-context.md`, by their ids there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum TableId {
    /// Census population 2010 and 2020.
    N1a,
    /// Census change 2010 to 2020.
    N1b,
    /// Year-end population 2014–2022, NBS series revised to the 2020 census.
    N1c,
    /// Year-end population as first published.
    N1d,
    /// GDP by the three industries.
    N2,
    /// Resource-exhausted city batches.
    N3a,
    /// Northeast members of the resource-exhausted list (verified rows).
    N3b,
    /// 2013 resource-city plan: counts.
    N3c,
    /// 2013 plan: Northeast classifications.
    N3d,
    /// Birth, death and natural growth rates.
    N4,
    /// Derived net migration (not an official statistic).
    N4b,
}

impl TableId {
    /// Every table, in the reference's order.
    pub const ALL: [TableId; 11] = [
        Self::N1a,
        Self::N1b,
        Self::N1c,
        Self::N1d,
        Self::N2,
        Self::N3a,
        Self::N3b,
        Self::N3c,
        Self::N3d,
        Self::N4,
        Self::N4b,
    ];

    /// The CSV twin under `reference/northeast-context/`.
    pub const fn csv_file(self) -> &'static str {
        match self {
            Self::N1a => "census_population.csv",
            Self::N1b => "census_change_2010_2020.csv",
            Self::N1c => "population_yearend_revised.csv",
            Self::N1d => "population_yearend_as_published.csv",
            Self::N2 => "gdp_by_industry.csv",
            Self::N3a => "resource_exhausted_batches.csv",
            Self::N3b => "resource_exhausted_cities_northeast.csv",
            Self::N3c => "resource_plan_2013_counts.csv",
            Self::N3d => "resource_plan_2013_northeast.csv",
            Self::N4 => "natural_growth.csv",
            Self::N4b => "net_migration_derived.csv",
        }
    }

    /// The table's title in the reference.
    pub const fn title(self) -> &'static str {
        match self {
            Self::N1a => "Resident population at the 2010 (6th) and 2020 (7th) censuses",
            Self::N1b => "Census change 2010 to 2020",
            Self::N1c => "Year-end resident population 2014-2022, NBS series revised to the 2020 census",
            Self::N1d => "Year-end resident population as first published in each year's communique",
            Self::N2 => "GDP by the three industries, 2014-2022",
            Self::N3a => "Resource-exhausted cities: the three batches",
            Self::N3b => "Northeast members of the resource-exhausted list (verified rows only)",
            Self::N3c => "National Sustainable Development Plan for Resource-Based Cities (2013-2020): counts",
            Self::N3d => "Northeast cities in the 2013 plan's classification",
            Self::N4 => "Birth, death and natural growth rates",
            Self::N4b => "Derived net migration (not an official statistic)",
        }
    }
}

/// Where a value comes from and how far to trust it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Provenance {
    /// The reference table.
    pub table: TableId,
    /// The full citation, as in the CSV's `source` column.
    pub source: &'static str,
    /// The confidence given in the reference.
    pub confidence: Confidence,
    /// The row's own note where the CSV has one, else the statement under the table.
    pub confidence_note: &'static str,
    /// Computed in the reference (a sum or a residual), not an official figure.
    pub derived: bool,
}

/// Which year-end population series a value belongs to (N1c or N1d).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Series {
    /// Values on the current basis: population revised to the 2020 census (N1c); for GDP only
    /// the values on the 4th-economic-census basis. The consistent default.
    #[default]
    Revised,
    /// Values as first published each year (N1d; GDP as published), breaks included.
    AsFirstPublished,
}

/// The statistical basis a value was published on; values on different bases are not
/// comparable (see [`super::Break`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Basis {
    /// Year-end population published before the 2020 census, not yet revised to it.
    PopulationPreCensus2020,
    /// Year-end population consistent with the 2020 census (revised, or published after it).
    PopulationCensus2020,
    /// GDP before the 4th National Economic Census revision (first published, up to 2018).
    GdpPreEconomicCensus2018,
    /// GDP on the 4th National Economic Census basis (published from 2019).
    GdpPostEconomicCensus2018,
    /// Rates from the annual sample surveys (natural growth), not affected by either break.
    SampleSurveyRate,
}

/// How a census count was obtained (N1a `basis`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum CensusBasis {
    /// The 2010 national communique No.2 (quick count).
    NationalQuickCount,
    /// Sum of the three provinces (computed in the reference).
    ComputedSum,
    /// The 2010 count used in the province's 7th-census bulletin.
    ProvinceBulletinBase,
    /// The 2020 national bulletin No.3.
    NationalBulletin,
}

/// N1a: resident population at a census.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CensusPopulation {
    /// Region.
    pub region: Region,
    /// 2010 or 2020.
    pub census_year: i32,
    /// The census as written ("6th (2010)").
    pub census: &'static str,
    /// The census day (ISO date).
    pub reference_date: &'static str,
    /// The basis as written.
    pub basis: &'static str,
    /// The basis, typed.
    pub basis_kind: CensusBasis,
    /// Resident population, persons.
    pub persons: u64,
    /// Share of the national population, %.
    pub share_of_national_pct: Option<f64>,
    /// Provenance.
    pub provenance: Provenance,
}

/// N1b: census change 2010 to 2020.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CensusChange {
    /// Region.
    pub region: Region,
    /// 2010 count (province-bulletin basis), persons.
    pub pop_2010_persons: u64,
    /// 2020 count, persons.
    pub pop_2020_persons: u64,
    /// Change, persons.
    pub change_persons: i64,
    /// Change over the decade, %.
    pub change_pct: f64,
    /// Average annual change, % per year.
    pub avg_annual_change_pct: f64,
    /// Whether the average annual rate is printed or computed.
    pub avg_annual_basis: &'static str,
    /// Share of the national population in 2010, %.
    pub share_national_2010_pct: f64,
    /// Share of the national population in 2020, %.
    pub share_national_2020_pct: f64,
    /// Provenance.
    pub provenance: Provenance,
}

/// N1c or N1d: year-end resident population.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct YearEndPopulation {
    /// Region.
    pub region: Region,
    /// Year (31 December).
    pub year: i32,
    /// Population, 10k persons (万人).
    pub population_10k: f64,
    /// The series (N1c revised or N1d as first published).
    pub series: Series,
    /// The basis of this value.
    pub basis: Basis,
    /// The vintage as written.
    pub vintage: &'static str,
    /// The row's note.
    pub note: Option<&'static str>,
    /// Provenance.
    pub provenance: Provenance,
}

/// How a GDP share was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ShareBasis {
    /// As printed in the source.
    Printed,
    /// Calculated in the reference from the printed levels.
    ComputedFromLevels,
}

/// N2: GDP by the three industries (100 million yuan, current prices; shares in %).
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct GdpByIndustry {
    /// Region.
    pub region: Region,
    /// Year.
    pub year: i32,
    /// GDP, 100 million yuan (亿元).
    pub gdp_total_100m_yuan: Option<f64>,
    /// Primary industry, 100 million yuan.
    pub primary_100m_yuan: Option<f64>,
    /// Secondary industry, 100 million yuan.
    pub secondary_100m_yuan: Option<f64>,
    /// Tertiary industry, 100 million yuan.
    pub tertiary_100m_yuan: Option<f64>,
    /// Primary share, %.
    pub primary_share_pct: Option<f64>,
    /// Secondary share, %.
    pub secondary_share_pct: Option<f64>,
    /// Tertiary share, %.
    pub tertiary_share_pct: Option<f64>,
    /// Whether the shares are printed or computed; `None` when there are none.
    pub share_basis: Option<ShareBasis>,
    /// The vintage as written.
    pub vintage: &'static str,
    /// Before or after the 4th economic census revision.
    pub basis: Basis,
    /// The row's note.
    pub note: Option<&'static str>,
    /// Provenance.
    pub provenance: Provenance,
}

/// N4: birth, death and natural growth rates (‰).
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct NaturalGrowth {
    /// Region.
    pub region: Region,
    /// Year.
    pub year: i32,
    /// Birth rate, ‰.
    pub birth_rate_permille: f64,
    /// Death rate, ‰.
    pub death_rate_permille: f64,
    /// Natural growth rate, ‰.
    pub natural_growth_rate_permille: f64,
    /// Provenance.
    pub provenance: Provenance,
}

/// N4b: net migration by the residual method. DERIVED in the reference, not an official
/// statistic; low confidence.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct NetMigrationDerived {
    /// Region.
    pub region: Region,
    /// The year whose change it is (from 31 Dec of the year before).
    pub year: i32,
    /// Which population series it is computed on.
    pub series: Series,
    /// The basis as written.
    pub population_basis: &'static str,
    /// Population at the start, 10k persons.
    pub pop_start_10k: f64,
    /// Population at the end, 10k persons.
    pub pop_end_10k: f64,
    /// Change, 10k persons.
    pub pop_change_10k: f64,
    /// Natural growth rate, ‰.
    pub natural_growth_rate_permille: f64,
    /// Estimated natural increase, 10k persons.
    pub natural_increase_10k_est: f64,
    /// Derived net migration, 10k persons.
    pub net_migration_10k_derived: f64,
    /// Provenance (always `derived`).
    pub provenance: Provenance,
}

/// N3a: a batch of the resource-exhausted city list.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ExhaustedBatch {
    /// Batch number; `None` for the "all three" row.
    pub batch: Option<u8>,
    /// The batch as written.
    pub batch_label: &'static str,
    /// The year as written ("2011 or 2012 (sources differ)").
    pub year: &'static str,
    /// Number of cities (including county-level cities, counties and districts).
    pub cities_in_batch: u32,
    /// Breakdown by level or resource, as written.
    pub breakdown: Option<&'static str>,
    /// The row's note.
    pub note: Option<&'static str>,
    /// Provenance.
    pub provenance: Provenance,
}

/// N3b: a verified Northeast member of the resource-exhausted list.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ExhaustedCity {
    /// Batch (1, 2 or 3).
    pub batch: u8,
    /// The year as written ("2011 (per source)").
    pub year_label: &'static str,
    /// The year, where the label starts with one.
    pub year: Option<i32>,
    /// Chinese name as listed.
    pub city_zh: &'static str,
    /// English name.
    pub city_en: &'static str,
    /// Province as written.
    pub province: &'static str,
    /// Administrative level as written.
    pub admin_level: &'static str,
    /// Resource type, only where the source names it.
    pub resource_type_as_stated: Option<&'static str>,
    /// Provenance.
    pub provenance: Provenance,
}

/// A category of the 2013 resource-city plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum PlanCategory {
    /// 成长型.
    Growing,
    /// 成熟型.
    Mature,
    /// 衰退型.
    Declining,
    /// 再生型.
    Regenerating,
}

impl PlanCategory {
    /// Chinese term of the plan.
    pub const fn name_zh(self) -> &'static str {
        match self {
            Self::Growing => "成长型",
            Self::Mature => "成熟型",
            Self::Declining => "衰退型",
            Self::Regenerating => "再生型",
        }
    }
}

/// N3c: a count of the 2013 plan.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PlanCount {
    /// The category as written.
    pub category_label: &'static str,
    /// The category; `None` for "all resource-based cities".
    pub category: Option<PlanCategory>,
    /// The count; `None` where it could not be verified.
    pub count: Option<u32>,
    /// Breakdown or remark as written.
    pub breakdown: Option<&'static str>,
    /// Provenance.
    pub provenance: Provenance,
}

/// N3d: a Northeast city in the 2013 plan's classification.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PlanCity {
    /// Chinese name.
    pub city_zh: &'static str,
    /// English name.
    pub city_en: &'static str,
    /// Province as written.
    pub province: &'static str,
    /// Administrative level.
    pub admin_level: &'static str,
    /// The category as written.
    pub category_as_printed: &'static str,
    /// The category; two when the sources disagree (Songyuan).
    pub categories: &'static [PlanCategory],
    /// The row's note.
    pub note: Option<&'static str>,
    /// Provenance.
    pub provenance: Provenance,
}

include!(concat!(env!("OUT_DIR"), "/northeast_context.rs"));
