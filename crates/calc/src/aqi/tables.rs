//! The breakpoint tables, transcribed from `reference/aqi-breakpoints.toml`.
//!
//! This is the only place breakpoint numbers appear. `tests::tables_equal_the_reference_toml`
//! parses the TOML and asserts that every list, unit, truncation and category here equals it, so
//! the two cannot drift apart.

use super::standard::{
    AboveTopRule, ConcentrationRounding as R, ConcentrationUnit as U, IndexRounding,
    PollutantKey as K, PollutantTable, Standard, StandardId, Status, TableShape,
};

const CN_IAQI_8: &[u32] = &[0, 50, 100, 150, 200, 300, 400, 500];
const CN_IAQI_SO2_1H: &[u32] = &[0, 50, 100, 150, 200];
const CN_IAQI_O3_8H: &[u32] = &[0, 50, 100, 150, 200, 300];

const CN_SO2_24H: &[f64] = &[0.0, 50.0, 150.0, 475.0, 800.0, 1600.0, 2100.0, 2620.0];
const CN_SO2_1H: &[f64] = &[0.0, 150.0, 500.0, 650.0, 800.0];
const CN_NO2_24H: &[f64] = &[0.0, 40.0, 80.0, 180.0, 280.0, 565.0, 750.0, 940.0];
const CN_NO2_1H: &[f64] = &[0.0, 100.0, 200.0, 700.0, 1200.0, 2340.0, 3090.0, 3840.0];
const CN_CO_24H: &[f64] = &[0.0, 2.0, 4.0, 14.0, 24.0, 36.0, 48.0, 60.0];
const CN_CO_1H: &[f64] = &[0.0, 5.0, 10.0, 35.0, 60.0, 90.0, 120.0, 150.0];
const CN_O3_8H: &[f64] = &[0.0, 100.0, 160.0, 215.0, 265.0, 800.0];
const CN_O3_1H: &[f64] = &[0.0, 160.0, 200.0, 300.0, 400.0, 800.0, 1000.0, 1200.0];
const CN2012_PM10_24H: &[f64] = &[0.0, 50.0, 150.0, 250.0, 350.0, 420.0, 500.0, 600.0];
const CN2012_PM25_24H: &[f64] = &[0.0, 35.0, 75.0, 115.0, 150.0, 250.0, 350.0, 500.0];
const CN2026_PM10_24H: &[f64] = &[0.0, 50.0, 120.0, 250.0, 350.0, 420.0, 500.0, 600.0];
const CN2026_PM25_24H: &[f64] = &[0.0, 35.0, 60.0, 115.0, 150.0, 250.0, 350.0, 500.0];

const fn cn(
    key: K,
    unit: U,
    rounding: R,
    bp: &'static [f64],
    iaqi: &'static [u32],
    above_top: AboveTopRule,
    clause: &'static str,
) -> PollutantTable {
    PollutantTable {
        key,
        unit,
        rounding,
        shape: TableShape::Continuous { bp, iaqi },
        above_top,
        clause,
    }
}

const C12: &str = "HJ 633-2012 Table 1";
const R12: R = R::AsGiven;

/// HJ 633-2012 Table 1 with notes 2 and 3.
const CN_HJ633_2012_TABLES: &[PollutantTable] = &[
    cn(
        K::So2_24h,
        U::UgM3,
        R12,
        CN_SO2_24H,
        CN_IAQI_8,
        AboveTopRule::BeyondIndex,
        C12,
    ),
    cn(
        K::So2_1h,
        U::UgM3,
        R12,
        CN_SO2_1H,
        CN_IAQI_SO2_1H,
        AboveTopRule::UseOther(K::So2_24h),
        "HJ 633-2012 Table 1, note 2",
    ),
    cn(
        K::No2_24h,
        U::UgM3,
        R12,
        CN_NO2_24H,
        CN_IAQI_8,
        AboveTopRule::BeyondIndex,
        C12,
    ),
    cn(
        K::No2_1h,
        U::UgM3,
        R12,
        CN_NO2_1H,
        CN_IAQI_8,
        AboveTopRule::BeyondIndex,
        C12,
    ),
    cn(
        K::Pm10_24h,
        U::UgM3,
        R12,
        CN2012_PM10_24H,
        CN_IAQI_8,
        AboveTopRule::BeyondIndex,
        C12,
    ),
    cn(
        K::Co_24h,
        U::MgM3,
        R12,
        CN_CO_24H,
        CN_IAQI_8,
        AboveTopRule::BeyondIndex,
        C12,
    ),
    cn(
        K::Co_1h,
        U::MgM3,
        R12,
        CN_CO_1H,
        CN_IAQI_8,
        AboveTopRule::BeyondIndex,
        C12,
    ),
    cn(
        K::O3_1h,
        U::UgM3,
        R12,
        CN_O3_1H,
        CN_IAQI_8,
        AboveTopRule::BeyondIndex,
        C12,
    ),
    cn(
        K::O3_8h,
        U::UgM3,
        R12,
        CN_O3_8H,
        CN_IAQI_O3_8H,
        AboveTopRule::UseOther(K::O3_1h),
        "HJ 633-2012 Table 1, note 3",
    ),
    cn(
        K::Pm25_24h,
        U::UgM3,
        R12,
        CN2012_PM25_24H,
        CN_IAQI_8,
        AboveTopRule::BeyondIndex,
        C12,
    ),
];

const C26: &str = "HJ 633-2026 Table 3; concentrations rounded per §4.2.2";
/// HJ 633-2026 §4.2.2: SO2, NO2, O3, PM10, PM2.5 in µg/m³ to an integer.
const R26_UG: R = R::HalfEven { decimals: 0 };
/// HJ 633-2026 §4.2.2: CO in mg/m³ to one decimal.
const R26_MG: R = R::HalfEven { decimals: 1 };
/// HJ 633-2026 Table 3 note b: SO2 1-h above the table gives IAQI 200.
const CN2026_SO2_1H_ABOVE: u32 = 200;
/// HJ 633-2026 Table 3 note c: O3 8-h above the table gives IAQI 300.
const CN2026_O3_8H_ABOVE: u32 = 300;

/// HJ 633-2026 Table 3 with notes b and c.
const CN_HJ633_2026_TABLES: &[PollutantTable] = &[
    cn(
        K::So2_24h,
        U::UgM3,
        R26_UG,
        CN_SO2_24H,
        CN_IAQI_8,
        AboveTopRule::BeyondIndex,
        C26,
    ),
    cn(
        K::So2_1h,
        U::UgM3,
        R26_UG,
        CN_SO2_1H,
        CN_IAQI_SO2_1H,
        AboveTopRule::Fixed(CN2026_SO2_1H_ABOVE),
        "HJ 633-2026 Table 3, note b",
    ),
    cn(
        K::No2_24h,
        U::UgM3,
        R26_UG,
        CN_NO2_24H,
        CN_IAQI_8,
        AboveTopRule::BeyondIndex,
        C26,
    ),
    cn(
        K::No2_1h,
        U::UgM3,
        R26_UG,
        CN_NO2_1H,
        CN_IAQI_8,
        AboveTopRule::BeyondIndex,
        C26,
    ),
    cn(
        K::Co_24h,
        U::MgM3,
        R26_MG,
        CN_CO_24H,
        CN_IAQI_8,
        AboveTopRule::BeyondIndex,
        C26,
    ),
    cn(
        K::Co_1h,
        U::MgM3,
        R26_MG,
        CN_CO_1H,
        CN_IAQI_8,
        AboveTopRule::BeyondIndex,
        C26,
    ),
    cn(
        K::O3_8h,
        U::UgM3,
        R26_UG,
        CN_O3_8H,
        CN_IAQI_O3_8H,
        AboveTopRule::Fixed(CN2026_O3_8H_ABOVE),
        "HJ 633-2026 Table 3, note c",
    ),
    cn(
        K::O3_1h,
        U::UgM3,
        R26_UG,
        CN_O3_1H,
        CN_IAQI_8,
        AboveTopRule::BeyondIndex,
        C26,
    ),
    cn(
        K::Pm10_24h,
        U::UgM3,
        R26_UG,
        CN2026_PM10_24H,
        CN_IAQI_8,
        AboveTopRule::BeyondIndex,
        C26,
    ),
    cn(
        K::Pm25_24h,
        U::UgM3,
        R26_UG,
        CN2026_PM25_24H,
        CN_IAQI_8,
        AboveTopRule::BeyondIndex,
        C26,
    ),
];

/// The index above which HJ 633 names a primary pollutant (2012 §4.4 / 2026 §4.3.1).
const CN_PRIMARY_ABOVE: u32 = 50;

/// HJ 633-2012 daily report: 24-h means, O3 daily max 1-h and daily max 8-h (§5.1).
const CN_HJ633_2012_DAILY: &[K] = &[
    K::So2_24h,
    K::No2_24h,
    K::Pm10_24h,
    K::Pm25_24h,
    K::Co_24h,
    K::O3_1h,
    K::O3_8h,
];

/// HJ 633-2026 daily report: six indicators (§5.2).
const CN_HJ633_2026_DAILY: &[K] = &[
    K::So2_24h,
    K::No2_24h,
    K::Co_24h,
    K::Pm10_24h,
    K::Pm25_24h,
    K::O3_8h,
];

/// HJ 633-2012.
pub(crate) const CN_HJ633_2012: Standard = Standard {
    id: StandardId::CnHj633_2012,
    title: "HJ 633-2012 Technical Regulation on Ambient Air Quality Index (on trial)",
    status: Status::Superseded,
    effective: Some("2016-01-01"),
    superseded_on: Some("2026-03-01"),
    index_rounding: IndexRounding::Ceil,
    index_rounding_clause: "HJ 633-2012 §6.2: IAQI and AQI carried up to an integer",
    primary_only_above: Some(CN_PRIMARY_ABOVE),
    daily_indicators: CN_HJ633_2012_DAILY,
    tables: CN_HJ633_2012_TABLES,
};

/// HJ 633-2026.
pub(crate) const CN_HJ633_2026: Standard = Standard {
    id: StandardId::CnHj633_2026,
    title: "HJ 633-2026 Technical specifications on ambient air quality index",
    status: Status::Current,
    effective: Some("2026-03-01"),
    superseded_on: None,
    index_rounding: IndexRounding::Ceil,
    index_rounding_clause: "HJ 633-2026 §4.2.6: IAQI and AQI rounded up to an integer",
    primary_only_above: Some(CN_PRIMARY_ABOVE),
    daily_indicators: CN_HJ633_2026_DAILY,
    tables: CN_HJ633_2026_TABLES,
};

// One argument per TOML field keeps each table a single readable entry.
#[allow(clippy::too_many_arguments)]
const fn us(
    key: K,
    unit: U,
    decimals: u32,
    c_lo: &'static [f64],
    c_hi: &'static [f64],
    i_lo: &'static [u32],
    i_hi: &'static [u32],
    above_top: AboveTopRule,
    clause: &'static str,
) -> PollutantTable {
    PollutantTable {
        key,
        unit,
        rounding: R::Truncate { decimals },
        shape: TableShape::Banded {
            c_lo,
            c_hi,
            i_lo,
            i_hi,
        },
        above_top,
        clause,
    }
}

const US_I_LO_5: &[u32] = &[0, 51, 101, 151, 201];
const US_I_HI_5: &[u32] = &[50, 100, 150, 200, 300];
const US_I_LO_6: &[u32] = &[0, 51, 101, 151, 201, 301];
const US_I_HI_6: &[u32] = &[50, 100, 150, 200, 300, 500];
const US_I_LO_7: &[u32] = &[0, 51, 101, 151, 201, 301, 401];
const US_I_HI_7: &[u32] = &[50, 100, 150, 200, 300, 400, 500];
const US_SO2_1H_I_LO: &[u32] = &[0, 51, 101, 151];
const US_SO2_1H_I_HI: &[u32] = &[50, 100, 150, 200];

const US_O3_8H_LO: &[f64] = &[0.000, 0.055, 0.071, 0.086, 0.106];
const US_O3_8H_HI: &[f64] = &[0.054, 0.070, 0.085, 0.105, 0.200];
const US_SO2_1H_LO: &[f64] = &[0.0, 36.0, 76.0, 186.0];
const US_SO2_1H_HI: &[f64] = &[35.0, 75.0, 185.0, 304.0];
/// US EPA: 1-h SO2 >= 305 ppb with a 24-h mean < 305 ppb gives AQI 200 (TAD §IV, SO2 rule).
const US_SO2_1H_ABOVE_FIXED: u32 = 200;

const T24: &str = "US EPA TAD EPA-454/B-24-002 (May 2024) Table 6";

/// US EPA 2024.
const US_EPA_2024_TABLES: &[PollutantTable] = &[
    us(
        K::O3_8h,
        U::Ppm,
        3,
        US_O3_8H_LO,
        US_O3_8H_HI,
        US_I_LO_5,
        US_I_HI_5,
        AboveTopRule::UseOther(K::O3_1h),
        "TAD 2024 Table 6, footnote 2",
    ),
    us(
        K::O3_1h,
        U::Ppm,
        3,
        &[0.125, 0.165, 0.205, 0.405],
        &[0.164, 0.204, 0.404, 0.604],
        &[101, 151, 201, 301],
        &[150, 200, 300, 500],
        AboveTopRule::Extrapolate,
        "TAD 2024 Table 6, footnotes 1 and 4",
    ),
    us(
        K::Pm25_24h,
        U::UgM3,
        1,
        &[0.0, 9.1, 35.5, 55.5, 125.5, 225.5],
        &[9.0, 35.4, 55.4, 125.4, 225.4, 325.4],
        US_I_LO_6,
        US_I_HI_6,
        AboveTopRule::Extrapolate,
        T24,
    ),
    us(
        K::Pm10_24h,
        U::UgM3,
        0,
        &[0.0, 55.0, 155.0, 255.0, 355.0, 425.0],
        &[54.0, 154.0, 254.0, 354.0, 424.0, 604.0],
        US_I_LO_6,
        US_I_HI_6,
        AboveTopRule::Extrapolate,
        T24,
    ),
    us(
        K::Co_8h,
        U::Ppm,
        1,
        &[0.0, 4.5, 9.5, 12.5, 15.5, 30.5],
        &[4.4, 9.4, 12.4, 15.4, 30.4, 50.4],
        US_I_LO_6,
        US_I_HI_6,
        AboveTopRule::Extrapolate,
        T24,
    ),
    us(
        K::So2_1h,
        U::Ppb,
        0,
        US_SO2_1H_LO,
        US_SO2_1H_HI,
        US_SO2_1H_I_LO,
        US_SO2_1H_I_HI,
        AboveTopRule::UseOtherElseFixed {
            other: K::So2_24h,
            fixed: US_SO2_1H_ABOVE_FIXED,
        },
        "TAD 2024 Table 6, footnote 3",
    ),
    us(
        K::So2_24h,
        U::Ppb,
        0,
        &[305.0, 605.0],
        &[604.0, 1004.0],
        &[201, 301],
        &[300, 500],
        AboveTopRule::Extrapolate,
        "TAD 2024 Table 6, footnote 3",
    ),
    us(
        K::No2_1h,
        U::Ppb,
        0,
        &[0.0, 54.0, 101.0, 361.0, 650.0, 1250.0],
        &[53.0, 100.0, 360.0, 649.0, 1249.0, 2049.0],
        US_I_LO_6,
        US_I_HI_6,
        AboveTopRule::Extrapolate,
        T24,
    ),
];

pub(crate) const US_EPA_2024: Standard = Standard {
    id: StandardId::UsEpa2024,
    title: "US EPA AQI, 40 CFR Part 58 Appendix G; TAD EPA-454/B-24-002 (May 2024)",
    status: Status::Current,
    effective: Some("2024-05-06"),
    superseded_on: None,
    index_rounding: IndexRounding::HalfUp,
    index_rounding_clause: "TAD 2024 §IV step 4: round to the nearest integer",
    primary_only_above: None,
    daily_indicators: &[],
    tables: US_EPA_2024_TABLES,
};

const T18: &str = "US EPA TAD EPA-454/B-18-007 (Sept 2018); PM2.5 table of Dec 2012";

/// US EPA before 2024-05-06.
const US_EPA_2018_TABLES: &[PollutantTable] = &[
    us(
        K::Pm25_24h,
        U::UgM3,
        1,
        &[0.0, 12.1, 35.5, 55.5, 150.5, 250.5, 350.5],
        &[12.0, 35.4, 55.4, 150.4, 250.4, 350.4, 500.4],
        US_I_LO_7,
        US_I_HI_7,
        AboveTopRule::BeyondIndex,
        T18,
    ),
    us(
        K::Pm10_24h,
        U::UgM3,
        0,
        &[0.0, 55.0, 155.0, 255.0, 355.0, 425.0, 505.0],
        &[54.0, 154.0, 254.0, 354.0, 424.0, 504.0, 604.0],
        US_I_LO_7,
        US_I_HI_7,
        AboveTopRule::BeyondIndex,
        T18,
    ),
    us(
        K::O3_8h,
        U::Ppm,
        3,
        US_O3_8H_LO,
        US_O3_8H_HI,
        US_I_LO_5,
        US_I_HI_5,
        AboveTopRule::UseOther(K::O3_1h),
        T18,
    ),
    us(
        K::O3_1h,
        U::Ppm,
        3,
        &[0.125, 0.165, 0.205, 0.405, 0.505],
        &[0.164, 0.204, 0.404, 0.504, 0.604],
        &[101, 151, 201, 301, 401],
        &[150, 200, 300, 400, 500],
        AboveTopRule::BeyondIndex,
        T18,
    ),
    us(
        K::Co_8h,
        U::Ppm,
        1,
        &[0.0, 4.5, 9.5, 12.5, 15.5, 30.5, 40.5],
        &[4.4, 9.4, 12.4, 15.4, 30.4, 40.4, 50.4],
        US_I_LO_7,
        US_I_HI_7,
        AboveTopRule::BeyondIndex,
        T18,
    ),
    us(
        K::So2_1h,
        U::Ppb,
        0,
        US_SO2_1H_LO,
        US_SO2_1H_HI,
        US_SO2_1H_I_LO,
        US_SO2_1H_I_HI,
        AboveTopRule::UseOtherElseFixed {
            other: K::So2_24h,
            fixed: US_SO2_1H_ABOVE_FIXED,
        },
        T18,
    ),
    us(
        K::So2_24h,
        U::Ppb,
        0,
        &[305.0, 605.0, 805.0],
        &[604.0, 804.0, 1004.0],
        &[201, 301, 401],
        &[300, 400, 500],
        AboveTopRule::BeyondIndex,
        T18,
    ),
    us(
        K::No2_1h,
        U::Ppb,
        0,
        &[0.0, 54.0, 101.0, 361.0, 650.0, 1250.0, 1650.0],
        &[53.0, 100.0, 360.0, 649.0, 1249.0, 1649.0, 2049.0],
        US_I_LO_7,
        US_I_HI_7,
        AboveTopRule::BeyondIndex,
        T18,
    ),
];

pub(crate) const US_EPA_2018: Standard = Standard {
    id: StandardId::UsEpa2018,
    title: "US EPA AQI, TAD EPA-454/B-18-007 (Sept 2018)",
    status: Status::Superseded,
    effective: None,
    superseded_on: Some("2024-05-06"),
    index_rounding: IndexRounding::HalfUp,
    index_rounding_clause: "TAD 2018 step 4: round to the nearest integer",
    primary_only_above: None,
    daily_indicators: &[],
    tables: US_EPA_2018_TABLES,
};

/// The standard named by `id`.
pub fn standard(id: StandardId) -> &'static Standard {
    match id {
        StandardId::CnHj633_2012 => &CN_HJ633_2012,
        StandardId::CnHj633_2026 => &CN_HJ633_2026,
        StandardId::UsEpa2024 => &US_EPA_2024,
        StandardId::UsEpa2018 => &US_EPA_2018,
    }
}
