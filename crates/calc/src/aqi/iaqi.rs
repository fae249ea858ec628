//! The individual index (IAQI) of one concentration on one table.

use super::decimal::{div_ceil, div_round_half_up, Dec};
use super::standard::{
    AboveTopRule, Band, ConcentrationRounding, IndexRounding, PollutantKey, PollutantTable,
};
use super::tables::standard;
use super::{AqiError, StandardId};

/// How a sub-index was obtained (or why there is none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum SubIndexStatus {
    /// Linear interpolation inside band `band` (0-based).
    Interpolated {
        /// Band (segment) index in the table.
        band: usize,
    },
    /// Above the table, by the top band's equation (US EPA 2024, AQI above 500).
    Extrapolated,
    /// Above the table, set by the standard's rule (HJ 633-2026 notes b and c; US SO2 = 200).
    FixedByRule,
    /// This averaging period gives no index; `other` rates the pollutant (HJ 633-2012 notes 2
    /// and 3, US O3 8-h above 0.200 ppm, US SO2 1-h >= 305 ppb).
    RatedByOther {
        /// The key that rates the pollutant instead.
        other: PollutantKey,
    },
    /// Below the table, disregarded by the standard (US 1-h O3 below 0.125 ppm; US 24-h SO2
    /// below 305 ppb, which only defines AQI 201 and above).
    BelowTable,
    /// Above the table and the standard gives no rule (or the key it refers to is missing):
    /// no index, never a clamp.
    BeyondIndex,
}

/// The individual index of one pollutant key.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SubIndex {
    /// The key rated.
    pub key: PollutantKey,
    /// The concentration as given, in the table's unit.
    pub concentration: f64,
    /// The concentration after the standard's rounding or truncation (`None` when it is too
    /// large to be read exactly, at or above 1e12).
    pub concentration_used: Option<f64>,
    /// The index, when there is one.
    pub iaqi: Option<u32>,
    /// How it was obtained.
    pub status: SubIndexStatus,
}

/// Apply a table's rounding to an exact concentration.
pub(crate) fn round_concentration(rounding: ConcentrationRounding, c: Dec) -> Dec {
    match rounding {
        ConcentrationRounding::AsGiven => c,
        ConcentrationRounding::HalfEven { decimals } => c.round_half_even(decimals),
        ConcentrationRounding::Truncate { decimals } => c.truncate(decimals),
    }
}

/// Whether `c` lies in `band`.
pub(crate) fn band_contains(band: &Band, c: Dec) -> Option<bool> {
    let lo = Dec::from_f64(band.c_lo)?;
    let hi = Dec::from_f64(band.c_hi)?;
    let above_lo = if band.lower_open { c > lo } else { c >= lo };
    Some(above_lo && c <= hi)
}

/// The band's equation at `c`, rounded as the standard says; `None` if the result does not fit.
///
/// # Formula
/// ```text
/// I = (I_hi - I_lo) / (BP_hi - BP_lo) * (C - BP_lo) + I_lo
///   = [I_lo * (BP_hi - BP_lo) + (I_hi - I_lo) * (C - BP_lo)] / (BP_hi - BP_lo)
/// ```
/// evaluated on integers at a common decimal scale, then `ceil` (HJ 633) or half-up (EPA).
pub(crate) fn interpolate(band: &Band, c: Dec, rounding: IndexRounding) -> Option<u32> {
    let lo = Dec::from_f64(band.c_lo)?;
    let hi = Dec::from_f64(band.c_hi)?;
    let s = c.scale.max(lo.scale).max(hi.scale);
    let (c, lo, hi) = (c.at_scale(s), lo.at_scale(s), hi.at_scale(s));
    let den = hi - lo;
    if den <= 0 {
        return None;
    }
    let i_lo = i128::from(band.i_lo);
    let i_hi = i128::from(band.i_hi);
    let num = i_lo * den + (i_hi - i_lo) * (c - lo);
    let v = match rounding {
        IndexRounding::Ceil => div_ceil(num, den),
        IndexRounding::HalfUp => div_round_half_up(num, den),
    };
    u32::try_from(v).ok()
}

/// Rate `c` (already rounded) on `table`, before any rule that involves another key.
fn rate(
    table: &PollutantTable,
    rounding: IndexRounding,
    c: Option<Dec>,
) -> Result<(Option<u32>, SubIndexStatus), AqiError> {
    let Some(c) = c else {
        // At or above 1e12 in any unit: above every table.
        return Ok(above_top(table, None, rounding));
    };
    let first = table
        .shape
        .band_iter()
        .next()
        .and_then(|b| Dec::from_f64(b.c_lo));
    if let Some(bottom) = first {
        if c < bottom {
            return Ok((None, SubIndexStatus::BelowTable));
        }
    }
    for (k, band) in table.shape.band_iter().enumerate() {
        if band_contains(&band, c) == Some(true) {
            return match interpolate(&band, c, rounding) {
                Some(v) => Ok((Some(v), SubIndexStatus::Interpolated { band: k })),
                None => Ok((None, SubIndexStatus::BeyondIndex)),
            };
        }
    }
    let top = table
        .shape
        .band_iter()
        .last()
        .and_then(|b| Dec::from_f64(b.c_hi));
    match top {
        Some(top) if c > top => Ok(above_top(table, Some(c), rounding)),
        _ => Err(AqiError::BetweenBands {
            key: table.key,
            value: c.to_f64(),
        }),
    }
}

fn above_top(
    table: &PollutantTable,
    c: Option<Dec>,
    rounding: IndexRounding,
) -> (Option<u32>, SubIndexStatus) {
    match table.above_top {
        AboveTopRule::BeyondIndex => (None, SubIndexStatus::BeyondIndex),
        AboveTopRule::Fixed(v) => (Some(v), SubIndexStatus::FixedByRule),
        AboveTopRule::UseOther(other) | AboveTopRule::UseOtherElseFixed { other, .. } => {
            (None, SubIndexStatus::RatedByOther { other })
        }
        AboveTopRule::Extrapolate => {
            let top = table.shape.bands().last().copied();
            match (top, c) {
                (Some(band), Some(c)) => match interpolate(&band, c, rounding) {
                    Some(v) => (Some(v), SubIndexStatus::Extrapolated),
                    None => (None, SubIndexStatus::BeyondIndex),
                },
                _ => (None, SubIndexStatus::BeyondIndex),
            }
        }
    }
}

/// Individual AQI of one pollutant key under one standard revision, on its own.
///
/// Rules that involve a second key (HJ 633-2012's switch to the 24-h SO2 or 1-h O3 index, the
/// US SO2 rule) are reported as [`SubIndexStatus::RatedByOther`] here and resolved by
/// [`super::aqi`].
///
/// # Standard
/// HJ 633-2012 Table 1 and §6.2; HJ 633-2026 Table 3, §4.2.2 (concentration rounding) and
/// §4.2.6 (round up); US EPA TAD EPA-454/B-24-002 §IV and Table 6 (truncate, round to nearest).
///
/// # Formula
/// ```text
/// IAQI = (I_hi - I_lo) / (BP_hi - BP_lo) * (C - BP_lo) + I_lo
/// ```
///
/// # Errors
/// [`AqiError::PollutantNotInStandard`], [`AqiError::NegativeConcentration`],
/// [`AqiError::NotFinite`].
///
/// # Edge cases
/// A concentration exactly on a breakpoint gets the index of that breakpoint. Above the table the
/// standard's rule applies; without one the status is [`SubIndexStatus::BeyondIndex`].
///
/// ```
/// use renewal_calc::aqi::{iaqi, PollutantKey, StandardId};
/// // TAD 2024: 8-h O3 0.078 ppm is exactly 125.5, which rounds to 126.
/// let s = iaqi(StandardId::UsEpa2024, PollutantKey::O3_8h, 0.078).unwrap();
/// assert_eq!(s.iaqi, Some(126));
/// ```
pub fn iaqi(
    standard_id: StandardId,
    key: PollutantKey,
    concentration: f64,
) -> Result<SubIndex, AqiError> {
    let std = standard(standard_id);
    let table = std.table(key).ok_or(AqiError::PollutantNotInStandard {
        key,
        standard: standard_id,
    })?;
    if !concentration.is_finite() {
        return Err(AqiError::NotFinite { key });
    }
    if concentration < 0.0 {
        return Err(AqiError::NegativeConcentration {
            key,
            value: concentration,
        });
    }
    let used = match table.rounding {
        // The commonest case (HJ 633-2026) without the shortest digits when they do not matter.
        ConcentrationRounding::HalfEven { decimals } => {
            Dec::from_f64_round_half_even(concentration, decimals)
        }
        r => Dec::from_f64(concentration).map(|c| round_concentration(r, c)),
    };
    let (value, status) = rate(table, std.index_rounding, used)?;
    Ok(SubIndex {
        key,
        concentration,
        concentration_used: used.map(Dec::to_f64),
        iaqi: value,
        status,
    })
}
