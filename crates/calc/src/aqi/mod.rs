//! Air quality index: China HJ 633-2012 and HJ 633-2026, US EPA AQI 2024 and pre-2024.
//!
//! Each standard is a data table ([`tables`], transcribed from `reference/aqi-breakpoints.toml`
//! and tested against it) selected by [`StandardId`]. The engine is generic: it rounds or
//! truncates the concentration as the standard says, finds the band with exact decimal
//! arithmetic (so 125.5 never becomes 125.4999…), interpolates, rounds the index (China: up;
//! US: to nearest), and applies each standard's rules above the table. Results name the standard
//! they used.
//!
//! ```
//! use renewal_calc::aqi::{aqi, CategoryId, PollutantKey as K, StandardId};
//! let r = aqi(StandardId::CnHj633_2012, &[(K::Pm25_24h, 170.0), (K::Pm10_24h, 194.0)]).unwrap();
//! assert_eq!(r.aqi, Some(220));
//! assert_eq!(r.category, Some(CategoryId::CnHeavilyPolluted));
//! assert_eq!(r.primary, vec![K::Pm25_24h]);
//! ```

mod category;
mod decimal;
mod iaqi;
mod inverse;
mod standard;
mod tables;

#[cfg(test)]
mod python_aqi_tests;
#[cfg(test)]
mod tests;

pub use category::{
    categories, category, sensitive_groups, Category, CategoryId, Rgb, Text, CN_CATEGORIES,
    SENSITIVE_GROUPS_ABOVE, US_CATEGORIES,
};
pub use iaqi::{iaqi, SubIndex, SubIndexStatus};
pub use inverse::{inverse, inverse_category, ConcentrationRange, InverseOutcome, InverseRow};
pub use standard::{
    AboveTopRule, Averaging, Band, ConcentrationRounding, ConcentrationUnit, Family, IndexRounding,
    Pollutant, PollutantKey, PollutantTable, Standard, StandardId, Status, TableShape,
    UnknownStandard,
};
pub use tables::standard;

/// Why an AQI could not be computed. Carries data; the interface words it.
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum AqiError {
    /// The standard has no table for this key (e.g. `co_8h` under HJ 633).
    #[error("{key} is not rated by {standard}")]
    PollutantNotInStandard {
        /// The key.
        key: PollutantKey,
        /// The standard.
        standard: StandardId,
    },
    /// A concentration below zero.
    #[error("{key}: negative concentration {value}")]
    NegativeConcentration {
        /// The key.
        key: PollutantKey,
        /// The value given.
        value: f64,
    },
    /// NaN or infinite.
    #[error("{key}: concentration is not a finite number")]
    NotFinite {
        /// The key.
        key: PollutantKey,
    },
    /// The same key given twice.
    #[error("{key} given more than once")]
    DuplicateKey {
        /// The key.
        key: PollutantKey,
    },
    /// No concentration at all.
    #[error("no concentrations given")]
    NoPollutants,
    /// A value fell between two bands of a table (a defect of the table; never expected).
    #[error("{key}: {value} falls between two bands of the table")]
    BetweenBands {
        /// The key.
        key: PollutantKey,
        /// The (rounded) value.
        value: f64,
    },
    /// The category belongs to another family of standards.
    #[error("category {category:?} is not used by {standard}")]
    CategoryNotInStandard {
        /// The category.
        category: CategoryId,
        /// The standard.
        standard: StandardId,
    },
    /// The index asked for is not defined by the standard (inverse).
    #[error("AQI {aqi} is outside the scale of {standard}")]
    IndexOutOfScale {
        /// The index.
        aqi: u32,
        /// The standard.
        standard: StandardId,
    },
}

/// The sensitive groups of one pollutant whose index exceeds [`SENSITIVE_GROUPS_ABOVE`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SensitiveGroups {
    /// The pollutant.
    pub pollutant: Pollutant,
    /// Who is sensitive.
    pub groups: Text,
}

/// The AQI of a set of concentrations under one standard.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct AqiResult {
    /// The standard used.
    pub standard: StandardId,
    /// The AQI; `None` when some pollutant is beyond the index, or nothing was rated.
    pub aqi: Option<u32>,
    /// When `aqi` is `None` because of [`Self::beyond_index`]: the AQI is at least this.
    pub aqi_at_least: Option<u32>,
    /// The category of `aqi` (or of `aqi_at_least` when that already lies in the open top
    /// category).
    pub category: Option<CategoryId>,
    /// The primary (US: main) pollutant keys, ties all listed; empty when the standard names
    /// none (HJ 633: AQI <= 50) or it cannot be told.
    pub primary: Vec<PollutantKey>,
    /// Every key given, in input order.
    pub sub_indices: Vec<SubIndex>,
    /// Keys above their table with no rule that rates them.
    pub beyond_index: Vec<PollutantKey>,
    /// Sensitive groups of the pollutants with an index above 100.
    pub sensitive_groups: Vec<SensitiveGroups>,
}

/// AQI, category, primary pollutant and sensitive groups for a set of concentrations.
///
/// # Standard
/// HJ 633-2012 §4.2–§4.4 and Table 1 notes 2–3; HJ 633-2026 §4.2–§4.3 and Table 3 notes b–c;
/// US EPA TAD EPA-454/B-24-002 §IV (O3 8-h vs 1-h, the SO2 1-h/24-h rule, extrapolation above
/// 500).
///
/// # Formula
/// ```text
/// AQI = max_p IAQI_p ; primary = { p : IAQI_p = AQI } when AQI > 50 (HJ 633)
/// ```
///
/// # Errors
/// [`AqiError::NoPollutants`], [`AqiError::DuplicateKey`], and the errors of [`iaqi`].
///
/// # Edge cases
/// - A key whose standard switches to another key (HJ 633-2012 SO2 1-h > 800 → 24-h; O3 8-h >
///   800 → 1-h; US O3 8-h > 0.200 ppm → 1-h; US SO2 1-h >= 305 ppb → 24-h, or exactly 200 when
///   the 24-h mean is below 305 ppb) is rated by that key; if that key is missing it is reported
///   in `beyond_index`.
/// - Any key in `beyond_index` makes `aqi` `None` with `aqi_at_least` set: never a clamp.
pub fn aqi(standard_id: StandardId, inputs: &[(PollutantKey, f64)]) -> Result<AqiResult, AqiError> {
    if inputs.is_empty() {
        return Err(AqiError::NoPollutants);
    }
    let std = standard(standard_id);
    let mut subs: Vec<SubIndex> = Vec::with_capacity(inputs.len());
    for &(key, c) in inputs {
        if subs.iter().any(|s| s.key == key) {
            return Err(AqiError::DuplicateKey { key });
        }
        subs.push(iaqi(standard_id, key, c)?);
    }
    // Rules that involve a second key.
    let snapshot = subs.clone();
    for sub in &mut subs {
        let SubIndexStatus::RatedByOther { other } = sub.status else {
            continue;
        };
        let other_sub = snapshot.iter().find(|s| s.key == other);
        let rule = std.table(sub.key).map(|t| t.above_top);
        match (other_sub, rule) {
            (None, _) => sub.status = SubIndexStatus::BeyondIndex,
            (Some(o), Some(AboveTopRule::UseOtherElseFixed { fixed, .. }))
                if o.status == SubIndexStatus::BelowTable =>
            {
                sub.iaqi = Some(fixed);
                sub.status = SubIndexStatus::FixedByRule;
            }
            (Some(_), _) => {}
        }
    }
    let family = standard_id.family();
    let max_known = subs.iter().filter_map(|s| s.iaqi).max();
    let beyond: Vec<PollutantKey> = subs
        .iter()
        .filter(|s| s.status == SubIndexStatus::BeyondIndex)
        .map(|s| s.key)
        .collect();
    let (value, at_least) = if beyond.is_empty() {
        (max_known, None)
    } else {
        let beyond_floor = beyond
            .iter()
            .filter_map(|k| std.table(*k).map(PollutantTable::top_index))
            .max();
        (None, max_known.max(beyond_floor))
    };
    let cats = categories(family);
    let category = match (value, at_least) {
        (Some(v), _) => Some(category(family, v).id),
        (None, Some(l)) => {
            let c = category(family, l);
            (Some(c.id) == cats.last().map(|c| c.id)).then_some(c.id)
        }
        (None, None) => None,
    };
    let primary = match (value, at_least) {
        (Some(v), _) if std.primary_only_above.is_none_or(|t| v > t) => subs
            .iter()
            .filter(|s| s.iaqi == Some(v))
            .map(|s| s.key)
            .collect(),
        (None, Some(l)) if max_known.is_none_or(|m| m < l) => beyond.clone(),
        _ => Vec::new(),
    };
    let mut groups: Vec<SensitiveGroups> = Vec::new();
    for s in &subs {
        let above = s.iaqi.is_some_and(|v| v > SENSITIVE_GROUPS_ABOVE)
            || s.status == SubIndexStatus::BeyondIndex;
        let p = s.key.pollutant();
        if above && !groups.iter().any(|g| g.pollutant == p) {
            groups.push(SensitiveGroups {
                pollutant: p,
                groups: sensitive_groups(family, p),
            });
        }
    }
    Ok(AqiResult {
        standard: standard_id,
        aqi: value,
        aqi_at_least: at_least,
        category,
        primary,
        sub_indices: subs,
        beyond_index: beyond,
        sensitive_groups: groups,
    })
}
