//! China grid CO2 emission factors for "CO2 avoided" estimates, each labelled with its series,
//! publisher and data year.
//!
//! # Source
//! `crates/calc/reference/air-quality-standards.md` §5 (national factors §5.1, regional §5.2).
//! tCO2/MWh and kgCO2/kWh are numerically identical. The series differ in method: do not mix
//! the MEE ETS factor with the MEE & NBS series in one time series (reference §6).
//!
//! The default, [`DEFAULT_GRID_FACTOR_ID`], is the latest MEE & NBS average for the Northeast
//! regional grid (2023): the calculator is about the Northeast, and an average factor is the
//! conservative choice the reference recommends. Average factors describe the whole mix, so
//! they understate what extra wind and solar displace; the fossil-power-only factor is offered
//! as an upper bound. The OM/BM (CCER) factors of reference §5.3 are unverified and not shipped.

/// One published grid emission factor.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct GridFactor {
    /// Identifier: publisher series, data year, scope.
    pub id: &'static str,
    /// The factor, tCO2/MWh (= kgCO2/kWh).
    pub t_co2_per_mwh: f64,
    /// Geographic scope.
    pub region: &'static str,
    /// Scope of generation covered.
    pub scope: &'static str,
    /// The series and announcement it comes from.
    pub series: &'static str,
    /// The data year, as labelled by the publisher.
    pub data_year: &'static str,
}

const MEE_NBS_2024_12: &str =
    "MEE & NBS electricity CO2 emission factors, announcement 2024 No. 12 (2024-04-12)";
const MEE_NBS_2024_12_20: &str =
    "MEE & NBS electricity CO2 emission factors, announcement of 2024-12-20";
const MEE_NBS_2023: &str =
    "MEE & NBS electricity CO2 emission factors, announcement on 2023 factors (reported Jan 2026)";

/// The shipped factors (reference §5.1 and §5.2).
pub const GRID_FACTORS: [GridFactor; 10] = [
    GridFactor {
        id: "cn_mee_ets_2022_national",
        t_co2_per_mwh: 0.5703,
        region: "China (national grid average)",
        scope: "all generation",
        series: "MEE notice on 2023-2025 power-sector GHG reporting (Feb 2023), \"2022年度全国电网平均排放因子\"",
        data_year: "2022 (as labelled; basis not stated)",
    },
    GridFactor {
        id: "cn_mee_nbs_2021_national",
        t_co2_per_mwh: 0.5568,
        region: "China (national)",
        scope: "all generation",
        series: MEE_NBS_2024_12,
        data_year: "2021",
    },
    GridFactor {
        id: "cn_mee_nbs_2021_national_fossil",
        t_co2_per_mwh: 0.8426,
        region: "China (national)",
        scope: "fossil-fuel power only (upper bound for displaced generation)",
        series: MEE_NBS_2024_12,
        data_year: "2021",
    },
    GridFactor {
        id: "cn_mee_nbs_2022_national",
        t_co2_per_mwh: 0.5366,
        region: "China (national)",
        scope: "all generation",
        series: MEE_NBS_2024_12_20,
        data_year: "2022",
    },
    GridFactor {
        id: "cn_mee_nbs_2022_national_fossil",
        t_co2_per_mwh: 0.8325,
        region: "China (national)",
        scope: "fossil-fuel power only (upper bound for displaced generation)",
        series: MEE_NBS_2024_12_20,
        data_year: "2022",
    },
    GridFactor {
        id: "cn_mee_nbs_2022_northeast",
        t_co2_per_mwh: 0.5564,
        region: "Northeast regional grid (东北)",
        scope: "all generation",
        series: MEE_NBS_2024_12_20,
        data_year: "2022",
    },
    GridFactor {
        id: "cn_mee_nbs_2023_national",
        t_co2_per_mwh: 0.5306,
        region: "China (national)",
        scope: "all generation",
        series: MEE_NBS_2023,
        data_year: "2023",
    },
    GridFactor {
        id: "cn_mee_nbs_2023_national_excl_traded_non_fossil",
        t_co2_per_mwh: 0.6096,
        region: "China (national)",
        scope: "excluding market-traded non-fossil electricity",
        series: MEE_NBS_2023,
        data_year: "2023",
    },
    GridFactor {
        id: "cn_mee_nbs_2023_national_fossil",
        t_co2_per_mwh: 0.8273,
        region: "China (national)",
        scope: "fossil-fuel power only (upper bound for displaced generation)",
        series: MEE_NBS_2023,
        data_year: "2023",
    },
    GridFactor {
        id: "cn_mee_nbs_2023_northeast",
        t_co2_per_mwh: 0.5122,
        region: "Northeast regional grid (东北)",
        scope: "all generation",
        series: MEE_NBS_2023,
        data_year: "2023",
    },
];

/// The factor used when the user chooses none.
pub const DEFAULT_GRID_FACTOR_ID: &str = "cn_mee_nbs_2023_northeast";

/// The shipped factor with this id.
pub fn grid_factor(id: &str) -> Option<&'static GridFactor> {
    GRID_FACTORS.iter().find(|f| f.id == id)
}

/// The default factor ([`DEFAULT_GRID_FACTOR_ID`]).
pub fn default_grid_factor() -> &'static GridFactor {
    // The table is a constant that contains the default id (checked by a test); fall back to
    // its last row rather than panic.
    grid_factor(DEFAULT_GRID_FACTOR_ID).unwrap_or(&GRID_FACTORS[GRID_FACTORS.len() - 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_is_the_2023_northeast_average() {
        let f = default_grid_factor();
        assert_eq!(f.id, DEFAULT_GRID_FACTOR_ID);
        assert_eq!(f.t_co2_per_mwh, 0.5122);
        assert_eq!(f.data_year, "2023");
    }

    #[test]
    fn ids_are_unique_and_every_factor_is_labelled() {
        for (i, a) in GRID_FACTORS.iter().enumerate() {
            assert!(!a.series.is_empty() && !a.data_year.is_empty() && !a.region.is_empty());
            assert!(a.t_co2_per_mwh > 0.0 && a.t_co2_per_mwh < 1.5, "{}", a.id);
            for b in GRID_FACTORS.iter().skip(i + 1) {
                assert_ne!(a.id, b.id);
            }
        }
    }

    #[test]
    fn reference_values_as_printed() {
        let v = |id| grid_factor(id).map(|f| f.t_co2_per_mwh);
        assert_eq!(v("cn_mee_ets_2022_national"), Some(0.5703));
        assert_eq!(v("cn_mee_nbs_2022_northeast"), Some(0.5564));
        assert_eq!(v("cn_mee_nbs_2023_national_fossil"), Some(0.8273));
        assert_eq!(v("nope"), None);
    }
}
