//! The paper audit: recompute a Table-1-like row's AQI, category and primary pollutant under
//! HJ 633 from its printed concentrations, next to the printed values, and flag every mismatch.
//!
//! The rows come from the caller as plain data (the CLI takes them from
//! `renewal_data::baseline::air_quality()`). The paper applies daily IAQI tables to annual means;
//! the audit repeats that convention only to check the printed numbers and says so
//! ([`Caveat::DailyTablesOnAnnualMeans`]); the standard's way to judge a year is the GB 3095
//! annual limits, which the audit also reports.
//!
//! ```
//! use renewal_calc::aqi::{CategoryId, StandardId};
//! use renewal_calc::audit::{audit, AuditInput};
//! let row = AuditInput {
//!     year: 2014, printed_aqi: Some(183), printed_category: Some(CategoryId::CnHeavilyPolluted),
//!     pm25_ug_m3: 170.0, pm10_ug_m3: 194.0, so2_ug_m3: 75.0, co_mg_m3: 2.9383,
//!     no2_ug_m3: 121.0, o3_ug_m3: 205.0,
//! };
//! let a = audit(&[row], &[StandardId::CnHj633_2012]).unwrap();
//! assert_eq!(a.rows[0].recomputed[0].aqi, Some(220));
//! assert_eq!(a.rows[0].recomputed[0].aqi_matches, Some(false));
//! ```

use crate::aqi::{self, AqiError, CategoryId, Family, PollutantKey, StandardId};
use crate::compliance::{check_gb3095, ComplianceError, Grade, LimitCheck, LimitSet, Metric};

/// One printed row: year, printed AQI and grade, and annual mean concentrations.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AuditInput {
    /// Year.
    pub year: i32,
    /// The AQI as printed.
    pub printed_aqi: Option<u32>,
    /// The HJ 633 category the printed grade words name (the caller's reading of the words).
    pub printed_category: Option<CategoryId>,
    /// PM2.5, µg/m³.
    pub pm25_ug_m3: f64,
    /// PM10, µg/m³.
    pub pm10_ug_m3: f64,
    /// SO2, µg/m³.
    pub so2_ug_m3: f64,
    /// CO, mg/m³.
    pub co_mg_m3: f64,
    /// NO2, µg/m³.
    pub no2_ug_m3: f64,
    /// O3, µg/m³, read as the 8-hour statistic.
    pub o3_ug_m3: f64,
}

impl AuditInput {
    fn as_daily_inputs(&self) -> [(PollutantKey, f64); 6] {
        [
            (PollutantKey::Pm25_24h, self.pm25_ug_m3),
            (PollutantKey::Pm10_24h, self.pm10_ug_m3),
            (PollutantKey::So2_24h, self.so2_ug_m3),
            (PollutantKey::Co_24h, self.co_mg_m3),
            (PollutantKey::No2_24h, self.no2_ug_m3),
            (PollutantKey::O3_8h, self.o3_ug_m3),
        ]
    }
}

/// One standard's recomputation of a row.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Recomputed {
    /// The standard.
    pub standard: StandardId,
    /// Recomputed AQI.
    pub aqi: Option<u32>,
    /// Its category.
    pub category: Option<CategoryId>,
    /// Primary pollutant(s).
    pub primary: Vec<PollutantKey>,
    /// Sub-indices in the paper's column order.
    pub sub_indices: Vec<(PollutantKey, Option<u32>)>,
    /// Whether the printed AQI equals the recomputed one (`None` if either is missing).
    pub aqi_matches: Option<bool>,
    /// Recomputed minus printed AQI.
    pub aqi_difference: Option<i64>,
    /// Whether the printed grade names the recomputed category.
    pub category_matches: Option<bool>,
}

/// The audit of one row.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct AuditRow {
    /// Year.
    pub year: i32,
    /// Printed AQI.
    pub printed_aqi: Option<u32>,
    /// Category named by the printed grade.
    pub printed_category: Option<CategoryId>,
    /// HJ 633 category of the printed AQI itself.
    pub category_of_printed_aqi: Option<CategoryId>,
    /// Whether the printed grade agrees with the printed AQI (an internal inconsistency of the
    /// source when `false`).
    pub printed_grade_matches_printed_aqi: Option<bool>,
    /// One recomputation per standard.
    pub recomputed: Vec<Recomputed>,
    /// The annual means against GB 3095-2012 grade II annual limits (the standard's way to judge
    /// a year).
    pub gb3095_2012_annual: Vec<LimitCheck>,
}

/// Something the reader must know to interpret the audit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Caveat {
    /// HJ 633's IAQI tables rate daily (24-h) values; applying them to annual means is the
    /// paper's convention, not the standard's.
    DailyTablesOnAnnualMeans,
    /// O3 is read as the 8-hour statistic; the source does not say which.
    O3ReadAsEightHour,
    /// Units are not printed; µg/m³ (CO mg/m³) assumed by China's convention.
    UnitsAssumed,
}

/// The audit.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Audit {
    /// Per row.
    pub rows: Vec<AuditRow>,
    /// What to keep in mind.
    pub caveats: Vec<Caveat>,
    /// Rows whose printed AQI differs from the recomputation, per standard.
    pub aqi_mismatches: Vec<(StandardId, usize)>,
    /// Rows whose printed grade differs from the recomputed category, per standard.
    pub category_mismatches: Vec<(StandardId, usize)>,
}

/// Why the audit failed.
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum AuditError {
    /// An AQI could not be computed.
    #[error("year {year}: {source}")]
    Aqi {
        /// Row year.
        year: i32,
        /// Cause.
        source: AqiError,
    },
    /// A compliance check could not be made.
    #[error("year {year}: {source}")]
    Compliance {
        /// Row year.
        year: i32,
        /// Cause.
        source: ComplianceError,
    },
}

/// Recompute each row under each standard and compare with the printed values.
///
/// # Standard
/// HJ 633-2012 / HJ 633-2026 (as in [`crate::aqi::aqi`]); GB 3095-2012 Table 1 annual limits,
/// grade II.
///
/// # Errors
/// [`AuditError`] when a row holds a negative or non-finite concentration.
///
/// # Edge cases
/// A US standard in `standards` is accepted, but the printed grade (a China category) then never
/// matches.
pub fn audit(rows: &[AuditInput], standards: &[StandardId]) -> Result<Audit, AuditError> {
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let year = row.year;
        let mut recomputed = Vec::with_capacity(standards.len());
        for &id in standards {
            let r = aqi::aqi(id, &row.as_daily_inputs())
                .map_err(|source| AuditError::Aqi { year, source })?;
            recomputed.push(Recomputed {
                standard: id,
                aqi: r.aqi,
                category: r.category,
                primary: r.primary,
                sub_indices: r.sub_indices.iter().map(|s| (s.key, s.iaqi)).collect(),
                aqi_matches: r.aqi.zip(row.printed_aqi).map(|(a, p)| a == p),
                aqi_difference: r
                    .aqi
                    .zip(row.printed_aqi)
                    .map(|(a, p)| i64::from(a) - i64::from(p)),
                category_matches: r.category.zip(row.printed_category).map(|(a, p)| a == p),
            });
        }
        let category_of_printed = row.printed_aqi.map(|a| aqi::category(Family::China, a).id);
        let annual = check_gb3095(
            LimitSet::Gb3095_2012,
            Grade::II,
            &[
                (Metric::Pm25Annual, row.pm25_ug_m3),
                (Metric::Pm10Annual, row.pm10_ug_m3),
                (Metric::So2Annual, row.so2_ug_m3),
                (Metric::No2Annual, row.no2_ug_m3),
            ],
        )
        .map_err(|source| AuditError::Compliance { year, source })?;
        out.push(AuditRow {
            year,
            printed_aqi: row.printed_aqi,
            printed_category: row.printed_category,
            category_of_printed_aqi: category_of_printed,
            printed_grade_matches_printed_aqi: category_of_printed
                .zip(row.printed_category)
                .map(|(a, b)| a == b),
            recomputed,
            gb3095_2012_annual: annual,
        });
    }
    let count = |f: fn(&Recomputed) -> Option<bool>| {
        standards
            .iter()
            .enumerate()
            .map(|(i, id)| {
                let n = out
                    .iter()
                    .filter(|r| r.recomputed.get(i).and_then(f) == Some(false))
                    .count();
                (*id, n)
            })
            .collect()
    };
    Ok(Audit {
        aqi_mismatches: count(|r| r.aqi_matches),
        category_mismatches: count(|r| r.category_matches),
        rows: out,
        caveats: vec![
            Caveat::DailyTablesOnAnnualMeans,
            Caveat::O3ReadAsEightHour,
            Caveat::UnitsAssumed,
        ],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aqi::PollutantKey as K;

    /// The paper's Table 1 as printed (crates/data/reference/northeast-baselines.md, B1), with the
    /// printed grade words read as HJ 633 categories: "Heavy pollution" = 重度污染, "Mild
    /// pollution" = 轻度污染, "Good" = 良.
    fn table_1() -> Vec<AuditInput> {
        use CategoryId::{CnGood as G, CnHeavilyPolluted as H, CnLightlyPolluted as M};
        let r = |year, aqi, cat, pm25, pm10, so2, co, no2, o3| AuditInput {
            year,
            printed_aqi: Some(aqi),
            printed_category: Some(cat),
            pm25_ug_m3: pm25,
            pm10_ug_m3: pm10,
            so2_ug_m3: so2,
            co_mg_m3: co,
            no2_ug_m3: no2,
            o3_ug_m3: o3,
        };
        vec![
            r(2014, 183, H, 170.0, 194.0, 75.0, 2.9383, 121.0, 205.0),
            r(2015, 176, H, 159.0, 178.0, 54.0, 2.5830, 97.0, 195.0),
            r(2016, 167, H, 139.0, 187.0, 53.0, 2.0378, 98.0, 187.0),
            r(2017, 149, M, 105.0, 155.0, 32.0, 1.7863, 73.0, 178.0),
            r(2018, 143, M, 76.0, 132.0, 22.0, 1.4232, 75.0, 142.0),
            r(2019, 135, M, 73.0, 120.0, 20.0, 0.9273, 45.0, 157.0),
            r(2020, 127, M, 54.0, 121.0, 23.0, 0.8231, 54.0, 135.0),
            r(2021, 99, G, 34.0, 78.0, 9.0, 0.9234, 29.0, 97.0),
            r(2022, 93, G, 23.0, 40.0, 11.0, 0.7456, 14.0, 93.0),
        ]
    }

    /// Expected (year, AQI 2012, primary 2012, AQI 2026, primary 2026), computed with the
    /// independent exact-rational implementation in tests/fixtures/aqi_boundaries/generate.py;
    /// 2014 by hand: PM2.5 170 -> 200 + 100 * 20/100 = 220.
    /// (year, AQI under 2012, primary under 2012, AQI under 2026, primary under 2026).
    type Expected = (i32, u32, &'static [K], u32, &'static [K]);

    const EXPECTED: [Expected; 9] = [
        (2014, 220, &[K::Pm25_24h], 220, &[K::Pm25_24h]),
        (2015, 209, &[K::Pm25_24h], 209, &[K::Pm25_24h]),
        (2016, 185, &[K::Pm25_24h], 185, &[K::Pm25_24h]),
        (2017, 138, &[K::Pm25_24h], 141, &[K::Pm25_24h]),
        (2018, 102, &[K::Pm25_24h], 115, &[K::Pm25_24h]),
        // A tie under 2012: PM2.5 73 -> 97.5 -> 98 and O3 157 -> 97.5 -> 98; both primary.
        (2019, 98, &[K::Pm25_24h, K::O3_8h], 112, &[K::Pm25_24h]),
        (2020, 86, &[K::Pm10_24h], 101, &[K::Pm10_24h]),
        (2021, 64, &[K::Pm10_24h], 70, &[K::Pm10_24h]),
        // AQI 47 <= 50: no primary pollutant.
        (2022, 47, &[], 47, &[]),
    ];

    #[test]
    fn table_1_recomputed_under_both_hj633_versions() {
        let a = audit(
            &table_1(),
            &[StandardId::CnHj633_2012, StandardId::CnHj633_2026],
        )
        .unwrap();
        for (row, (year, a12, p12, a26, p26)) in a.rows.iter().zip(EXPECTED) {
            assert_eq!(row.year, year);
            assert_eq!(row.recomputed[0].aqi, Some(a12), "{year} 2012");
            assert_eq!(row.recomputed[0].primary, p12, "{year} 2012");
            assert_eq!(row.recomputed[1].aqi, Some(a26), "{year} 2026");
            assert_eq!(row.recomputed[1].primary, p26, "{year} 2026");
            // No printed AQI is reproduced.
            assert_eq!(row.recomputed[0].aqi_matches, Some(false));
        }
        assert_eq!(
            a.aqi_mismatches,
            vec![(StandardId::CnHj633_2012, 9), (StandardId::CnHj633_2026, 9)]
        );
        assert!(a.caveats.contains(&Caveat::DailyTablesOnAnnualMeans));
    }

    #[test]
    fn printed_grades_are_checked_against_printed_and_recomputed_aqi() {
        let a = audit(&table_1(), &[StandardId::CnHj633_2012]).unwrap();
        let r2014 = &a.rows[0];
        // 183 is 中度污染 (151-200), not the printed "heavy"; the recomputed 220 is 重度污染.
        assert_eq!(
            r2014.category_of_printed_aqi,
            Some(CategoryId::CnModeratelyPolluted)
        );
        assert_eq!(r2014.printed_grade_matches_printed_aqi, Some(false));
        assert_eq!(r2014.recomputed[0].category_matches, Some(true));
        assert_eq!(r2014.recomputed[0].aqi_difference, Some(37));
        // 2021: printed 99 "Good" is consistent in itself; recomputed 64 is also 良.
        let r2021 = &a.rows[7];
        assert_eq!(r2021.printed_grade_matches_printed_aqi, Some(true));
        assert_eq!(r2021.recomputed[0].category_matches, Some(true));
        // 2022: recomputed 47 is 优, the printed "Good" (良) is not.
        assert_eq!(
            a.rows[8].recomputed[0].category,
            Some(CategoryId::CnExcellent)
        );
        assert_eq!(a.rows[8].recomputed[0].category_matches, Some(false));
        // Category mismatches under 2012: 2016 (185 moderately vs printed heavy), 2019 (98 good
        // vs mild), 2020 (86 good vs mild), 2022 (47 excellent vs good); the other five agree.
        assert_eq!(a.category_mismatches, vec![(StandardId::CnHj633_2012, 4)]);
    }

    #[test]
    fn annual_means_are_judged_against_gb3095_annual_limits() {
        let a = audit(&table_1(), &[StandardId::CnHj633_2012]).unwrap();
        // 2022: PM2.5 23 <= 35, PM10 40 <= 70, SO2 11 <= 60, NO2 14 <= 40: all pass.
        assert!(a.rows[8].gb3095_2012_annual.iter().all(|c| c.pass));
        // 2014: PM2.5 170 is 170/35 = 4.857 times the limit.
        let pm = &a.rows[0].gb3095_2012_annual[0];
        assert!(!pm.pass);
        assert!((pm.ratio - 170.0 / 35.0).abs() < 1e-12);
    }

    #[test]
    fn a_bad_row_is_an_error_with_its_year() {
        let mut rows = table_1();
        rows[3].pm25_ug_m3 = -1.0;
        assert!(matches!(
            audit(&rows, &[StandardId::CnHj633_2012]),
            Err(AuditError::Aqi { year: 2017, .. })
        ));
    }
}
