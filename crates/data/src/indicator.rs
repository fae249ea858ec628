//! The indicator catalogue and the one synonym table that maps headers to columns.
//!
//! [`CATALOGUE`] lists every indicator the calculator reads: a stable id (used in exports, links
//! and the CLI), its family, its canonical unit, display names in both languages, and the range
//! a valid value must lie in. [`SYNONYMS`] is the single table of header spellings, English and
//! Chinese, for indicators and for the structural columns (time, city, long-layout indicator,
//! value, unit). Templates are generated from the same two tables, so a template's headers are
//! always recognised.
//!
//! Headers are compared after [`normalise_header`]: lower case, full-width folded, subscripts
//! (PM₂.₅) to digits, and spaces, dots, dashes and underscores removed, so `PM2.5`, `PM₂.₅`,
//! `pm25` and `PM_2.5` are one key. A unit in brackets, or a known unit at the end of the header,
//! is split off first and returned separately.
//!
//! Length note: most of this file is the two tables (data, one row a line); the code is short.

use crate::units::{detect, Gas, Unit};

/// Stable identifier of an indicator. The snake-case name is the id in JSON, exports and links.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
#[allow(missing_docs)] // each variant is documented by its catalogue row (names in both languages)
pub enum IndicatorId {
    Pm25,
    Pm10,
    So2,
    No2,
    Co,
    O3,
    Aqi,
    ResourceReserves,
    ResourceExtraction,
    ResourceProduction,
    GenerationTotal,
    GenerationThermal,
    GenerationCoal,
    GenerationGas,
    GenerationOil,
    GenerationHydro,
    GenerationNuclear,
    GenerationWind,
    GenerationSolar,
    GenerationBiomass,
    GenerationOther,
    CapacityTotal,
    CapacityWind,
    CapacitySolar,
    Gdp,
    ValueAddedPrimary,
    ValueAddedSecondary,
    ValueAddedTertiary,
    HighTechShare,
    Exports,
    PrimaryProductsExportShare,
    Population,
    PopulationRegistered,
    Births,
    Deaths,
    BirthRate,
    DeathRate,
    NaturalGrowthRate,
    Age0To14Share,
    Age15To64Share,
    Age65PlusShare,
    TertiaryEducatedShare,
}

/// The indicator families of the product brief.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Family {
    /// Air quality (HJ 633, GB 3095).
    AirQuality,
    /// Resource depletion.
    Resources,
    /// Energy transition.
    Energy,
    /// Industrial structure.
    Industry,
    /// Population and talent.
    Population,
}

impl Family {
    /// Every family, in the product brief's order.
    pub const ALL: [Family; 5] = [
        Family::AirQuality,
        Family::Resources,
        Family::Energy,
        Family::Industry,
        Family::Population,
    ];

    /// Stable id (`air_quality`, …).
    pub fn id(self) -> &'static str {
        match self {
            Self::AirQuality => "air_quality",
            Self::Resources => "resources",
            Self::Energy => "energy",
            Self::Industry => "industry",
            Self::Population => "population",
        }
    }

    /// Name in English and Chinese.
    pub fn name(self, lang: crate::Lang) -> &'static str {
        match self {
            Self::AirQuality => lang.pick("Air quality", "空气质量"),
            Self::Resources => lang.pick("Resources", "资源"),
            Self::Energy => lang.pick("Energy", "能源"),
            Self::Industry => lang.pick("Industry", "产业结构"),
            Self::Population => lang.pick("Population", "人口"),
        }
    }
}

/// The range a valid value lies in, in the canonical unit, and the rule it expresses.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Bounds {
    /// A concentration: never negative.
    Concentration,
    /// A count, amount or quantity: never negative.
    NonNegative,
    /// A share in percent: 0 to 100.
    Percent,
    /// Any finite value (rates of natural growth can be negative).
    Any,
}

/// One indicator of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IndicatorSpec {
    /// Stable id.
    pub id: IndicatorId,
    /// Family.
    pub family: Family,
    /// The unit values are stored in.
    pub canonical_unit: Unit,
    /// English display name (also the English template header, before the unit).
    pub name_en: &'static str,
    /// Chinese display name (also the Chinese template header).
    pub name_zh: &'static str,
    /// The valid range.
    pub bounds: Bounds,
    /// The gas, for ppb/ppm conversion.
    pub gas: Option<Gas>,
}

const fn ind(
    id: IndicatorId,
    family: Family,
    canonical_unit: Unit,
    name_en: &'static str,
    name_zh: &'static str,
    bounds: Bounds,
) -> IndicatorSpec {
    IndicatorSpec {
        id,
        family,
        canonical_unit,
        name_en,
        name_zh,
        bounds,
        gas: None,
    }
}

const fn gas(mut s: IndicatorSpec, g: Gas) -> IndicatorSpec {
    s.gas = Some(g);
    s
}

use Bounds as B;
use Family as F;
use IndicatorId as I;

/// Every indicator, grouped by family.
///
/// Canonical units follow the reference data: µg/m³ (CO mg/m³) as in GB 3095 and the paper's
/// Table 1; GWh and MW for electricity (亿千瓦时 = 100 GWh); 10^8 yuan (亿元) as China's
/// statistical yearbooks publish GDP; persons; ‰ for birth, death and natural growth rates; % for
/// shares.
pub const CATALOGUE: &[IndicatorSpec] = &[
    ind(
        I::Pm25,
        F::AirQuality,
        Unit::UgM3,
        "PM2.5",
        "PM2.5",
        B::Concentration,
    ),
    ind(
        I::Pm10,
        F::AirQuality,
        Unit::UgM3,
        "PM10",
        "PM10",
        B::Concentration,
    ),
    gas(
        ind(
            I::So2,
            F::AirQuality,
            Unit::UgM3,
            "SO2",
            "SO2",
            B::Concentration,
        ),
        Gas::So2,
    ),
    gas(
        ind(
            I::No2,
            F::AirQuality,
            Unit::UgM3,
            "NO2",
            "NO2",
            B::Concentration,
        ),
        Gas::No2,
    ),
    gas(
        ind(
            I::Co,
            F::AirQuality,
            Unit::MgM3,
            "CO",
            "CO",
            B::Concentration,
        ),
        Gas::Co,
    ),
    gas(
        ind(
            I::O3,
            F::AirQuality,
            Unit::UgM3,
            "O3",
            "O3",
            B::Concentration,
        ),
        Gas::O3,
    ),
    ind(
        I::Aqi,
        F::AirQuality,
        Unit::Index,
        "AQI",
        "空气质量指数",
        B::NonNegative,
    ),
    ind(
        I::ResourceReserves,
        F::Resources,
        Unit::Tonne,
        "Reserves",
        "资源储量",
        B::NonNegative,
    ),
    ind(
        I::ResourceExtraction,
        F::Resources,
        Unit::Tonne,
        "Extraction",
        "开采量",
        B::NonNegative,
    ),
    ind(
        I::ResourceProduction,
        F::Resources,
        Unit::Tonne,
        "Production",
        "产量",
        B::NonNegative,
    ),
    ind(
        I::GenerationTotal,
        F::Energy,
        Unit::Gwh,
        "Generation, total",
        "发电量",
        B::NonNegative,
    ),
    ind(
        I::GenerationThermal,
        F::Energy,
        Unit::Gwh,
        "Generation, thermal",
        "火电发电量",
        B::NonNegative,
    ),
    ind(
        I::GenerationCoal,
        F::Energy,
        Unit::Gwh,
        "Generation, coal",
        "煤电发电量",
        B::NonNegative,
    ),
    ind(
        I::GenerationGas,
        F::Energy,
        Unit::Gwh,
        "Generation, gas",
        "气电发电量",
        B::NonNegative,
    ),
    ind(
        I::GenerationOil,
        F::Energy,
        Unit::Gwh,
        "Generation, oil",
        "油电发电量",
        B::NonNegative,
    ),
    ind(
        I::GenerationHydro,
        F::Energy,
        Unit::Gwh,
        "Generation, hydro",
        "水电发电量",
        B::NonNegative,
    ),
    ind(
        I::GenerationNuclear,
        F::Energy,
        Unit::Gwh,
        "Generation, nuclear",
        "核电发电量",
        B::NonNegative,
    ),
    ind(
        I::GenerationWind,
        F::Energy,
        Unit::Gwh,
        "Generation, wind",
        "风电发电量",
        B::NonNegative,
    ),
    ind(
        I::GenerationSolar,
        F::Energy,
        Unit::Gwh,
        "Generation, solar",
        "光伏发电量",
        B::NonNegative,
    ),
    ind(
        I::GenerationBiomass,
        F::Energy,
        Unit::Gwh,
        "Generation, biomass",
        "生物质发电量",
        B::NonNegative,
    ),
    ind(
        I::GenerationOther,
        F::Energy,
        Unit::Gwh,
        "Generation, other",
        "其他发电量",
        B::NonNegative,
    ),
    ind(
        I::CapacityTotal,
        F::Energy,
        Unit::Mw,
        "Installed capacity",
        "装机容量",
        B::NonNegative,
    ),
    ind(
        I::CapacityWind,
        F::Energy,
        Unit::Mw,
        "Wind capacity",
        "风电装机容量",
        B::NonNegative,
    ),
    ind(
        I::CapacitySolar,
        F::Energy,
        Unit::Mw,
        "Solar capacity",
        "光伏装机容量",
        B::NonNegative,
    ),
    ind(
        I::Gdp,
        F::Industry,
        Unit::Yuan1e8,
        "GDP",
        "地区生产总值",
        B::NonNegative,
    ),
    ind(
        I::ValueAddedPrimary,
        F::Industry,
        Unit::Yuan1e8,
        "Primary industry value added",
        "第一产业增加值",
        B::Any,
    ),
    ind(
        I::ValueAddedSecondary,
        F::Industry,
        Unit::Yuan1e8,
        "Secondary industry value added",
        "第二产业增加值",
        B::Any,
    ),
    ind(
        I::ValueAddedTertiary,
        F::Industry,
        Unit::Yuan1e8,
        "Tertiary industry value added",
        "第三产业增加值",
        B::Any,
    ),
    ind(
        I::HighTechShare,
        F::Industry,
        Unit::Percent,
        "High-tech share",
        "高技术产业占比",
        B::Percent,
    ),
    ind(
        I::Exports,
        F::Industry,
        Unit::Yuan1e8,
        "Exports",
        "出口总额",
        B::NonNegative,
    ),
    ind(
        I::PrimaryProductsExportShare,
        F::Industry,
        Unit::Percent,
        "Primary products share of exports",
        "初级产品出口占比",
        B::Percent,
    ),
    ind(
        I::Population,
        F::Population,
        Unit::Person,
        "Resident population",
        "常住人口",
        B::NonNegative,
    ),
    ind(
        I::PopulationRegistered,
        F::Population,
        Unit::Person,
        "Registered population",
        "户籍人口",
        B::NonNegative,
    ),
    ind(
        I::Births,
        F::Population,
        Unit::Person,
        "Births",
        "出生人口",
        B::NonNegative,
    ),
    ind(
        I::Deaths,
        F::Population,
        Unit::Person,
        "Deaths",
        "死亡人口",
        B::NonNegative,
    ),
    ind(
        I::BirthRate,
        F::Population,
        Unit::PerMille,
        "Birth rate",
        "出生率",
        B::NonNegative,
    ),
    ind(
        I::DeathRate,
        F::Population,
        Unit::PerMille,
        "Death rate",
        "死亡率",
        B::NonNegative,
    ),
    ind(
        I::NaturalGrowthRate,
        F::Population,
        Unit::PerMille,
        "Natural growth rate",
        "自然增长率",
        B::Any,
    ),
    ind(
        I::Age0To14Share,
        F::Population,
        Unit::Percent,
        "Aged 0-14",
        "0-14岁人口占比",
        B::Percent,
    ),
    ind(
        I::Age15To64Share,
        F::Population,
        Unit::Percent,
        "Aged 15-64",
        "15-64岁人口占比",
        B::Percent,
    ),
    ind(
        I::Age65PlusShare,
        F::Population,
        Unit::Percent,
        "Aged 65+",
        "65岁及以上人口占比",
        B::Percent,
    ),
    ind(
        I::TertiaryEducatedShare,
        F::Population,
        Unit::Percent,
        "Tertiary-educated share",
        "大专及以上学历人口占比",
        B::Percent,
    ),
];

impl IndicatorId {
    /// This indicator's catalogue row. Every id has one (checked by a test).
    pub fn spec(self) -> &'static IndicatorSpec {
        CATALOGUE
            .iter()
            .find(|s| s.id == self)
            .unwrap_or(&CATALOGUE[0])
    }

    /// The stable snake-case id (`pm25`, `generation_wind`, …).
    pub fn as_str(self) -> &'static str {
        ID_STRINGS
            .iter()
            .find(|(i, _)| *i == self)
            .map_or("", |(_, s)| s)
    }

    /// Look an id up by its stable string.
    pub fn from_id(s: &str) -> Option<Self> {
        ID_STRINGS.iter().find(|(_, t)| *t == s).map(|(i, _)| *i)
    }

    /// Display name in `lang`.
    pub fn name(self, lang: crate::Lang) -> &'static str {
        let s = self.spec();
        lang.pick(s.name_en, s.name_zh)
    }
}

/// Stable string ids; the same names serde uses.
const ID_STRINGS: &[(IndicatorId, &str)] = &[
    (I::Pm25, "pm25"),
    (I::Pm10, "pm10"),
    (I::So2, "so2"),
    (I::No2, "no2"),
    (I::Co, "co"),
    (I::O3, "o3"),
    (I::Aqi, "aqi"),
    (I::ResourceReserves, "resource_reserves"),
    (I::ResourceExtraction, "resource_extraction"),
    (I::ResourceProduction, "resource_production"),
    (I::GenerationTotal, "generation_total"),
    (I::GenerationThermal, "generation_thermal"),
    (I::GenerationCoal, "generation_coal"),
    (I::GenerationGas, "generation_gas"),
    (I::GenerationOil, "generation_oil"),
    (I::GenerationHydro, "generation_hydro"),
    (I::GenerationNuclear, "generation_nuclear"),
    (I::GenerationWind, "generation_wind"),
    (I::GenerationSolar, "generation_solar"),
    (I::GenerationBiomass, "generation_biomass"),
    (I::GenerationOther, "generation_other"),
    (I::CapacityTotal, "capacity_total"),
    (I::CapacityWind, "capacity_wind"),
    (I::CapacitySolar, "capacity_solar"),
    (I::Gdp, "gdp"),
    (I::ValueAddedPrimary, "value_added_primary"),
    (I::ValueAddedSecondary, "value_added_secondary"),
    (I::ValueAddedTertiary, "value_added_tertiary"),
    (I::HighTechShare, "high_tech_share"),
    (I::Exports, "exports"),
    (
        I::PrimaryProductsExportShare,
        "primary_products_export_share",
    ),
    (I::Population, "population"),
    (I::PopulationRegistered, "population_registered"),
    (I::Births, "births"),
    (I::Deaths, "deaths"),
    (I::BirthRate, "birth_rate"),
    (I::DeathRate, "death_rate"),
    (I::NaturalGrowthRate, "natural_growth_rate"),
    (I::Age0To14Share, "age_0_14_share"),
    (I::Age15To64Share, "age_15_64_share"),
    (I::Age65PlusShare, "age_65_plus_share"),
    (I::TertiaryEducatedShare, "tertiary_educated_share"),
];

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "role", content = "indicator", rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum ColumnRole {
    /// Year, date or timestamp (the granularity is read from the cells).
    Time,
    /// Hour of day, when the date is in another column.
    Hour,
    /// City or region name.
    City,
    /// Long layout: the indicator's name.
    IndicatorName,
    /// Long layout: the value.
    Value,
    /// Long layout: the value's unit.
    UnitName,
    /// One indicator's values (wide layout).
    Indicator(IndicatorId),
    /// Not recognised: kept, reported, not read.
    Unknown,
    /// Ignored on the user's request.
    Ignore,
}

/// The one synonym table: every header spelling we recognise, already in [`normalise_header`]
/// form, with the role it maps to. English and Chinese side by side.
pub const SYNONYMS: &[(&str, ColumnRole)] = {
    use ColumnRole as R;
    &[
        // Structure.
        ("year", R::Time),
        ("yr", R::Time),
        ("年份", R::Time),
        ("年", R::Time),
        ("年度", R::Time),
        ("date", R::Time),
        ("日期", R::Time),
        ("time", R::Time),
        ("时间", R::Time),
        ("datetime", R::Time),
        ("timestamp", R::Time),
        ("监测时间", R::Time),
        ("监测日期", R::Time),
        ("时间点", R::Time),
        ("hour", R::Hour),
        ("小时", R::Hour),
        ("时", R::Hour),
        ("city", R::City),
        ("cityname", R::City),
        ("城市", R::City),
        ("城市名称", R::City),
        ("市", R::City),
        ("地市", R::City),
        ("地区", R::City),
        ("region", R::City),
        ("area", R::City),
        ("indicator", R::IndicatorName),
        ("indicatorname", R::IndicatorName),
        ("variable", R::IndicatorName),
        ("pollutant", R::IndicatorName),
        ("item", R::IndicatorName),
        ("series", R::IndicatorName),
        ("指标", R::IndicatorName),
        ("指标名称", R::IndicatorName),
        ("项目", R::IndicatorName),
        ("污染物", R::IndicatorName),
        ("value", R::Value),
        ("数值", R::Value),
        ("值", R::Value),
        ("数据", R::Value),
        ("浓度", R::Value),
        ("amount", R::Value),
        ("unit", R::UnitName),
        ("units", R::UnitName),
        ("单位", R::UnitName),
        ("计量单位", R::UnitName),
        // Air quality.
        ("pm25", R::Indicator(I::Pm25)),
        ("细颗粒物", R::Indicator(I::Pm25)),
        ("细颗粒物pm25", R::Indicator(I::Pm25)),
        ("fineparticulatematter", R::Indicator(I::Pm25)),
        ("fineparticles", R::Indicator(I::Pm25)),
        ("pm10", R::Indicator(I::Pm10)),
        ("可吸入颗粒物", R::Indicator(I::Pm10)),
        ("可吸入颗粒物pm10", R::Indicator(I::Pm10)),
        ("inhalableparticles", R::Indicator(I::Pm10)),
        ("so2", R::Indicator(I::So2)),
        ("二氧化硫", R::Indicator(I::So2)),
        ("sulfurdioxide", R::Indicator(I::So2)),
        ("sulphurdioxide", R::Indicator(I::So2)),
        ("no2", R::Indicator(I::No2)),
        ("二氧化氮", R::Indicator(I::No2)),
        ("nitrogendioxide", R::Indicator(I::No2)),
        ("co", R::Indicator(I::Co)),
        ("一氧化碳", R::Indicator(I::Co)),
        ("carbonmonoxide", R::Indicator(I::Co)),
        ("o3", R::Indicator(I::O3)),
        ("o38h", R::Indicator(I::O3)),
        ("o38小时", R::Indicator(I::O3)),
        ("臭氧", R::Indicator(I::O3)),
        ("臭氧8小时", R::Indicator(I::O3)),
        ("ozone", R::Indicator(I::O3)),
        ("aqi", R::Indicator(I::Aqi)),
        ("空气质量指数", R::Indicator(I::Aqi)),
        ("airqualityindex", R::Indicator(I::Aqi)),
        // Resources.
        ("reserves", R::Indicator(I::ResourceReserves)),
        ("resourcereserves", R::Indicator(I::ResourceReserves)),
        ("provenreserves", R::Indicator(I::ResourceReserves)),
        ("储量", R::Indicator(I::ResourceReserves)),
        ("资源储量", R::Indicator(I::ResourceReserves)),
        ("保有储量", R::Indicator(I::ResourceReserves)),
        ("探明储量", R::Indicator(I::ResourceReserves)),
        ("剩余可采储量", R::Indicator(I::ResourceReserves)),
        ("extraction", R::Indicator(I::ResourceExtraction)),
        ("resourceextraction", R::Indicator(I::ResourceExtraction)),
        ("开采量", R::Indicator(I::ResourceExtraction)),
        ("采掘量", R::Indicator(I::ResourceExtraction)),
        ("资源开采量", R::Indicator(I::ResourceExtraction)),
        ("production", R::Indicator(I::ResourceProduction)),
        ("resourceproduction", R::Indicator(I::ResourceProduction)),
        ("产量", R::Indicator(I::ResourceProduction)),
        ("资源产量", R::Indicator(I::ResourceProduction)),
        ("原煤产量", R::Indicator(I::ResourceProduction)),
        ("原油产量", R::Indicator(I::ResourceProduction)),
        // Energy.
        ("generation", R::Indicator(I::GenerationTotal)),
        ("generationtotal", R::Indicator(I::GenerationTotal)),
        ("totalgeneration", R::Indicator(I::GenerationTotal)),
        ("electricitygeneration", R::Indicator(I::GenerationTotal)),
        ("powergeneration", R::Indicator(I::GenerationTotal)),
        ("发电量", R::Indicator(I::GenerationTotal)),
        ("总发电量", R::Indicator(I::GenerationTotal)),
        ("全社会发电量", R::Indicator(I::GenerationTotal)),
        ("thermal", R::Indicator(I::GenerationThermal)),
        ("generationthermal", R::Indicator(I::GenerationThermal)),
        ("火电", R::Indicator(I::GenerationThermal)),
        ("火电发电量", R::Indicator(I::GenerationThermal)),
        ("火力发电量", R::Indicator(I::GenerationThermal)),
        ("coal", R::Indicator(I::GenerationCoal)),
        ("generationcoal", R::Indicator(I::GenerationCoal)),
        ("coalfired", R::Indicator(I::GenerationCoal)),
        ("煤电", R::Indicator(I::GenerationCoal)),
        ("煤电发电量", R::Indicator(I::GenerationCoal)),
        ("燃煤发电量", R::Indicator(I::GenerationCoal)),
        ("gas", R::Indicator(I::GenerationGas)),
        ("generationgas", R::Indicator(I::GenerationGas)),
        ("naturalgas", R::Indicator(I::GenerationGas)),
        ("气电", R::Indicator(I::GenerationGas)),
        ("气电发电量", R::Indicator(I::GenerationGas)),
        ("燃气发电量", R::Indicator(I::GenerationGas)),
        ("oil", R::Indicator(I::GenerationOil)),
        ("generationoil", R::Indicator(I::GenerationOil)),
        ("油电", R::Indicator(I::GenerationOil)),
        ("油电发电量", R::Indicator(I::GenerationOil)),
        ("燃油发电量", R::Indicator(I::GenerationOil)),
        ("hydro", R::Indicator(I::GenerationHydro)),
        ("hydropower", R::Indicator(I::GenerationHydro)),
        ("generationhydro", R::Indicator(I::GenerationHydro)),
        ("水电", R::Indicator(I::GenerationHydro)),
        ("水电发电量", R::Indicator(I::GenerationHydro)),
        ("水力发电量", R::Indicator(I::GenerationHydro)),
        ("nuclear", R::Indicator(I::GenerationNuclear)),
        ("generationnuclear", R::Indicator(I::GenerationNuclear)),
        ("核电", R::Indicator(I::GenerationNuclear)),
        ("核电发电量", R::Indicator(I::GenerationNuclear)),
        ("wind", R::Indicator(I::GenerationWind)),
        ("windpower", R::Indicator(I::GenerationWind)),
        ("generationwind", R::Indicator(I::GenerationWind)),
        ("风电", R::Indicator(I::GenerationWind)),
        ("风电发电量", R::Indicator(I::GenerationWind)),
        ("风力发电量", R::Indicator(I::GenerationWind)),
        ("solar", R::Indicator(I::GenerationSolar)),
        ("solarpv", R::Indicator(I::GenerationSolar)),
        ("pv", R::Indicator(I::GenerationSolar)),
        ("generationsolar", R::Indicator(I::GenerationSolar)),
        ("光伏", R::Indicator(I::GenerationSolar)),
        ("光伏发电量", R::Indicator(I::GenerationSolar)),
        ("太阳能发电量", R::Indicator(I::GenerationSolar)),
        ("太阳能发电", R::Indicator(I::GenerationSolar)),
        ("biomass", R::Indicator(I::GenerationBiomass)),
        ("generationbiomass", R::Indicator(I::GenerationBiomass)),
        ("生物质发电", R::Indicator(I::GenerationBiomass)),
        ("生物质发电量", R::Indicator(I::GenerationBiomass)),
        ("生物质", R::Indicator(I::GenerationBiomass)),
        ("othergeneration", R::Indicator(I::GenerationOther)),
        ("generationother", R::Indicator(I::GenerationOther)),
        ("其他发电", R::Indicator(I::GenerationOther)),
        ("其他发电量", R::Indicator(I::GenerationOther)),
        ("installedcapacity", R::Indicator(I::CapacityTotal)),
        ("capacity", R::Indicator(I::CapacityTotal)),
        ("capacitytotal", R::Indicator(I::CapacityTotal)),
        ("装机容量", R::Indicator(I::CapacityTotal)),
        ("发电装机容量", R::Indicator(I::CapacityTotal)),
        ("windcapacity", R::Indicator(I::CapacityWind)),
        ("capacitywind", R::Indicator(I::CapacityWind)),
        ("风电装机", R::Indicator(I::CapacityWind)),
        ("风电装机容量", R::Indicator(I::CapacityWind)),
        ("solarcapacity", R::Indicator(I::CapacitySolar)),
        ("capacitysolar", R::Indicator(I::CapacitySolar)),
        ("光伏装机", R::Indicator(I::CapacitySolar)),
        ("光伏装机容量", R::Indicator(I::CapacitySolar)),
        ("太阳能发电装机容量", R::Indicator(I::CapacitySolar)),
        // Industry.
        ("gdp", R::Indicator(I::Gdp)),
        ("grp", R::Indicator(I::Gdp)),
        ("grossregionalproduct", R::Indicator(I::Gdp)),
        ("地区生产总值", R::Indicator(I::Gdp)),
        ("生产总值", R::Indicator(I::Gdp)),
        ("primaryindustry", R::Indicator(I::ValueAddedPrimary)),
        ("valueaddedprimary", R::Indicator(I::ValueAddedPrimary)),
        (
            "primaryindustryvalueadded",
            R::Indicator(I::ValueAddedPrimary),
        ),
        ("primarysector", R::Indicator(I::ValueAddedPrimary)),
        ("第一产业", R::Indicator(I::ValueAddedPrimary)),
        ("第一产业增加值", R::Indicator(I::ValueAddedPrimary)),
        ("secondaryindustry", R::Indicator(I::ValueAddedSecondary)),
        ("valueaddedsecondary", R::Indicator(I::ValueAddedSecondary)),
        (
            "secondaryindustryvalueadded",
            R::Indicator(I::ValueAddedSecondary),
        ),
        ("secondarysector", R::Indicator(I::ValueAddedSecondary)),
        ("第二产业", R::Indicator(I::ValueAddedSecondary)),
        ("第二产业增加值", R::Indicator(I::ValueAddedSecondary)),
        ("tertiaryindustry", R::Indicator(I::ValueAddedTertiary)),
        ("valueaddedtertiary", R::Indicator(I::ValueAddedTertiary)),
        (
            "tertiaryindustryvalueadded",
            R::Indicator(I::ValueAddedTertiary),
        ),
        ("tertiarysector", R::Indicator(I::ValueAddedTertiary)),
        ("第三产业", R::Indicator(I::ValueAddedTertiary)),
        ("第三产业增加值", R::Indicator(I::ValueAddedTertiary)),
        ("hightechshare", R::Indicator(I::HighTechShare)),
        ("hightechindustryshare", R::Indicator(I::HighTechShare)),
        ("高技术产业占比", R::Indicator(I::HighTechShare)),
        ("高新技术产业占比", R::Indicator(I::HighTechShare)),
        ("高技术制造业占比", R::Indicator(I::HighTechShare)),
        ("高技术制造业增加值占比", R::Indicator(I::HighTechShare)),
        ("exports", R::Indicator(I::Exports)),
        ("exportvalue", R::Indicator(I::Exports)),
        ("totalexports", R::Indicator(I::Exports)),
        ("出口", R::Indicator(I::Exports)),
        ("出口额", R::Indicator(I::Exports)),
        ("出口总额", R::Indicator(I::Exports)),
        (
            "primaryproductsshareofexports",
            R::Indicator(I::PrimaryProductsExportShare),
        ),
        (
            "primaryproductsexportshare",
            R::Indicator(I::PrimaryProductsExportShare),
        ),
        (
            "初级产品出口占比",
            R::Indicator(I::PrimaryProductsExportShare),
        ),
        (
            "初级产品出口比重",
            R::Indicator(I::PrimaryProductsExportShare),
        ),
        // Population.
        ("population", R::Indicator(I::Population)),
        ("residentpopulation", R::Indicator(I::Population)),
        ("totalpopulation", R::Indicator(I::Population)),
        ("人口", R::Indicator(I::Population)),
        ("常住人口", R::Indicator(I::Population)),
        ("年末常住人口", R::Indicator(I::Population)),
        ("总人口", R::Indicator(I::Population)),
        (
            "registeredpopulation",
            R::Indicator(I::PopulationRegistered),
        ),
        ("hukoupopulation", R::Indicator(I::PopulationRegistered)),
        ("户籍人口", R::Indicator(I::PopulationRegistered)),
        ("年末户籍人口", R::Indicator(I::PopulationRegistered)),
        ("births", R::Indicator(I::Births)),
        ("出生人口", R::Indicator(I::Births)),
        ("出生人数", R::Indicator(I::Births)),
        ("deaths", R::Indicator(I::Deaths)),
        ("死亡人口", R::Indicator(I::Deaths)),
        ("死亡人数", R::Indicator(I::Deaths)),
        ("birthrate", R::Indicator(I::BirthRate)),
        ("出生率", R::Indicator(I::BirthRate)),
        ("人口出生率", R::Indicator(I::BirthRate)),
        ("deathrate", R::Indicator(I::DeathRate)),
        ("死亡率", R::Indicator(I::DeathRate)),
        ("人口死亡率", R::Indicator(I::DeathRate)),
        ("naturalgrowthrate", R::Indicator(I::NaturalGrowthRate)),
        ("rateofnaturalincrease", R::Indicator(I::NaturalGrowthRate)),
        ("naturalincreaserate", R::Indicator(I::NaturalGrowthRate)),
        ("自然增长率", R::Indicator(I::NaturalGrowthRate)),
        ("人口自然增长率", R::Indicator(I::NaturalGrowthRate)),
        ("aged014", R::Indicator(I::Age0To14Share)),
        ("age014", R::Indicator(I::Age0To14Share)),
        ("014", R::Indicator(I::Age0To14Share)),
        ("014岁", R::Indicator(I::Age0To14Share)),
        ("014岁人口占比", R::Indicator(I::Age0To14Share)),
        ("014岁人口比重", R::Indicator(I::Age0To14Share)),
        ("aged1564", R::Indicator(I::Age15To64Share)),
        ("age1564", R::Indicator(I::Age15To64Share)),
        ("1564", R::Indicator(I::Age15To64Share)),
        ("1564岁", R::Indicator(I::Age15To64Share)),
        ("1564岁人口占比", R::Indicator(I::Age15To64Share)),
        ("1564岁人口比重", R::Indicator(I::Age15To64Share)),
        ("aged65+", R::Indicator(I::Age65PlusShare)),
        ("age65+", R::Indicator(I::Age65PlusShare)),
        ("65+", R::Indicator(I::Age65PlusShare)),
        ("aged65andover", R::Indicator(I::Age65PlusShare)),
        ("65岁及以上", R::Indicator(I::Age65PlusShare)),
        ("65岁以上", R::Indicator(I::Age65PlusShare)),
        ("65岁及以上人口占比", R::Indicator(I::Age65PlusShare)),
        ("65岁及以上人口比重", R::Indicator(I::Age65PlusShare)),
        (
            "tertiaryeducatedshare",
            R::Indicator(I::TertiaryEducatedShare),
        ),
        ("tertiaryeducated", R::Indicator(I::TertiaryEducatedShare)),
        (
            "withhighereducation",
            R::Indicator(I::TertiaryEducatedShare),
        ),
        ("大专及以上", R::Indicator(I::TertiaryEducatedShare)),
        (
            "大专及以上学历人口占比",
            R::Indicator(I::TertiaryEducatedShare),
        ),
        ("大学文化程度", R::Indicator(I::TertiaryEducatedShare)),
        ("受高等教育人口占比", R::Indicator(I::TertiaryEducatedShare)),
        (
            "每10万人中大学文化程度人数",
            R::Indicator(I::TertiaryEducatedShare),
        ),
    ]
};

/// Words that qualify a header without changing what it names ("PM2.5 年均浓度",
/// "Annual mean SO2"). Stripped, in normalised form, when the header is not found as written.
const QUALIFIERS: &[&str] = &[
    "年均浓度",
    "年平均浓度",
    "平均浓度",
    "浓度",
    "年均值",
    "年均",
    "平均值",
    "平均",
    "annualmean",
    "annualaverage",
    "concentration",
    "average",
    "mean",
    "annual",
    "avg",
    "conc",
];

/// How sure the recognition is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Confidence {
    /// Nothing matched.
    None,
    /// Matched after dropping qualifier words ("年均浓度", "annual mean").
    Medium,
    /// The header (without its unit) is in the synonym table.
    High,
    /// The user set this mapping.
    User,
}

/// Normalise a header or an indicator name for lookup.
///
/// ```
/// use renewal_data::indicator::normalise_header;
/// assert_eq!(normalise_header("PM₂.₅"), "pm25");
/// assert_eq!(normalise_header("PM_2.5 "), "pm25");
/// assert_eq!(normalise_header("Ｏ３"), "o3");
/// ```
pub fn normalise_header(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = crate::number::fold_width(c);
        match c {
            '\u{2080}'..='\u{2089}' => {
                out.push(char::from_u32(c as u32 - 0x2080 + u32::from(b'0')).unwrap_or(c));
            }
            '\u{00B2}' => out.push('2'),
            '\u{00B3}' => out.push('3'),
            c if c.is_whitespace() => {}
            '.' | '_' | '-' | '–' | '—' | '·' | '\u{2024}' | '/' | '\\' | ':' | '"' | '\''
            | '*' | ',' | '、' => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// A recognised header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recognised {
    /// What the column holds.
    pub role: ColumnRole,
    /// The unit named in the header, if any.
    pub unit: Option<Unit>,
    /// The unit text that was found but not recognised is reported by the caller; this flag says
    /// the header had a bracketed part that named no unit.
    pub unknown_unit: bool,
    /// How sure.
    pub confidence: Confidence,
}

fn lookup(key: &str) -> Option<ColumnRole> {
    SYNONYMS.iter().find(|(s, _)| *s == key).map(|&(_, r)| r)
}

/// Split a header into its name and a bracketed unit: `PM2.5 (μg/m³)`, `人口（万人）`,
/// `发电量[亿千瓦时]`. Returns the name and the bracket content.
pub fn split_unit(header: &str) -> (&str, Option<&str>) {
    let h = header.trim();
    for (open, close) in [('(', ')'), ('（', '）'), ('[', ']'), ('【', '】')] {
        if let (Some(o), true) = (h.rfind(open), h.ends_with(close)) {
            let inner = h.get(o + open.len_utf8()..h.len() - close.len_utf8());
            let name = h.get(..o).unwrap_or("").trim();
            if let (Some(inner), false) = (inner, name.is_empty()) {
                return (name, Some(inner.trim()));
            }
        }
    }
    (h, None)
}

/// Recognise a header: its role (via [`SYNONYMS`]), its unit and the confidence.
///
/// ```
/// use renewal_data::indicator::{recognise, ColumnRole, IndicatorId, Confidence};
/// use renewal_data::units::Unit;
/// let r = recognise("PM2.5 (μg/m³)");
/// assert_eq!(r.role, ColumnRole::Indicator(IndicatorId::Pm25));
/// assert_eq!(r.unit, Some(Unit::UgM3));
/// assert_eq!(recognise("常住人口（万人）").unit, Some(Unit::Person1e4));
/// assert_eq!(recognise("SO2年均浓度").confidence, Confidence::Medium);
/// ```
pub fn recognise(header: &str) -> Recognised {
    let (name, bracket) = split_unit(header);
    let mut unit = None;
    let mut unknown_unit = false;
    if let Some(b) = bracket {
        match detect(b) {
            Some(u) => unit = Some(u),
            None => {
                // "(年)" or "(PM2.5)" are part of the name, not a unit.
                let whole = normalise_header(header);
                if let Some(role) = lookup(&whole) {
                    return Recognised {
                        role,
                        unit: None,
                        unknown_unit: false,
                        confidence: Confidence::High,
                    };
                }
                unknown_unit = true;
            }
        }
    }
    let key = normalise_header(name);
    if let Some(role) = lookup(&key) {
        return Recognised {
            role,
            unit,
            unknown_unit,
            confidence: Confidence::High,
        };
    }
    // A unit written after the name without brackets: "PM2.5 μg/m³", "发电量 亿千瓦时".
    if unit.is_none() {
        if let Some((role, u)) = split_trailing_unit(name) {
            return Recognised {
                role,
                unit: Some(u),
                unknown_unit,
                confidence: Confidence::High,
            };
        }
    }
    let mut stripped = key.clone();
    for q in QUALIFIERS {
        stripped = stripped.replace(q, "");
    }
    if stripped != key && !stripped.is_empty() {
        if let Some(role) = lookup(&stripped) {
            return Recognised {
                role,
                unit,
                unknown_unit,
                confidence: Confidence::Medium,
            };
        }
    }
    Recognised {
        role: ColumnRole::Unknown,
        unit,
        unknown_unit,
        confidence: Confidence::None,
    }
}

/// Try every split point "name unit" where the tail is a known unit and the head a synonym.
fn split_trailing_unit(name: &str) -> Option<(ColumnRole, Unit)> {
    for (i, _) in name.char_indices().skip(1) {
        let (head, tail) = (name.get(..i)?, name.get(i..)?);
        let tail = tail.trim_start_matches([' ', '_', ',', '，', '/']);
        if let (Some(u), Some(role)) = (detect(tail), lookup(&normalise_header(head))) {
            return Some((role, u));
        }
    }
    None
}

/// Recognise an indicator name written in a cell (long layout).
pub fn recognise_indicator(name: &str) -> Option<(IndicatorId, Option<Unit>)> {
    match recognise(name) {
        Recognised {
            role: ColumnRole::Indicator(id),
            unit,
            ..
        } => Some((id, unit)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(header: &str, role: ColumnRole, unit: Option<Unit>) {
        let r = recognise(header);
        assert_eq!((r.role, r.unit), (role, unit), "{header}");
    }

    #[test]
    fn headers_from_the_issue_are_recognised() {
        use ColumnRole as R;
        check("PM2.5", R::Indicator(I::Pm25), None);
        check("PM₂.₅", R::Indicator(I::Pm25), None);
        check("pm25", R::Indicator(I::Pm25), None);
        check("细颗粒物", R::Indicator(I::Pm25), None);
        check("PM2.5 (μg/m³)", R::Indicator(I::Pm25), Some(Unit::UgM3));
        check(
            "PM2.5（微克/立方米）",
            R::Indicator(I::Pm25),
            Some(Unit::UgM3),
        );
        check("PM2.5 ug/m3", R::Indicator(I::Pm25), Some(Unit::UgM3));
        check("二氧化硫", R::Indicator(I::So2), None);
        check("SO2", R::Indicator(I::So2), None);
        check("年份", R::Time, None);
        check("年", R::Time, None);
        check("Year", R::Time, None);
        check("城市", R::City, None);
        check("人口", R::Indicator(I::Population), None);
        check(
            "常住人口(万人)",
            R::Indicator(I::Population),
            Some(Unit::Person1e4),
        );
        check(
            "发电量（亿千瓦时）",
            R::Indicator(I::GenerationTotal),
            Some(Unit::Kwh1e8),
        );
        check("风电", R::Indicator(I::GenerationWind), None);
        check("光伏", R::Indicator(I::GenerationSolar), None);
        check("O3-8h", R::Indicator(I::O3), None);
        check(
            "0-14岁人口占比(%)",
            R::Indicator(I::Age0To14Share),
            Some(Unit::Percent),
        );
        check("Annual mean NO2", R::Indicator(I::No2), None);
        check("wind speed", R::Unknown, None);
        check("浓度", R::Value, None);
        check("PM2.5浓度", R::Indicator(I::Pm25), None);
    }

    #[test]
    fn every_indicator_has_a_row_an_id_and_its_names_as_synonyms() {
        for spec in CATALOGUE {
            assert_eq!(spec.id.spec().id, spec.id);
            assert_eq!(IndicatorId::from_id(spec.id.as_str()), Some(spec.id));
            // Template headers must come back as the same indicator.
            for name in [spec.name_en, spec.name_zh] {
                assert_eq!(
                    recognise(name).role,
                    ColumnRole::Indicator(spec.id),
                    "{name}"
                );
            }
        }
        assert_eq!(ID_STRINGS.len(), CATALOGUE.len());
    }

    #[test]
    fn synonyms_are_normalised_and_unique() {
        for (s, _) in SYNONYMS {
            assert_eq!(normalise_header(s), *s, "synonym not in normal form");
            assert_eq!(SYNONYMS.iter().filter(|(t, _)| t == s).count(), 1, "{s}");
        }
    }

    #[test]
    fn every_family_has_indicators() {
        for f in Family::ALL {
            assert!(CATALOGUE.iter().filter(|s| s.family == f).count() >= 3);
        }
    }
}
