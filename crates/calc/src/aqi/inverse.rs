//! The inverse of the index: which concentrations give an AQI value or a category.

use super::category::{categories, CategoryId};
use super::decimal::{div_ceil, div_floor, Dec};
use super::standard::{
    AboveTopRule, Band, ConcentrationRounding, ConcentrationUnit, IndexRounding, PollutantKey,
    PollutantTable, TableShape,
};
use super::tables::standard;
use super::{AqiError, StandardId};

/// A range of concentrations, in the table's unit.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ConcentrationRange {
    /// Lower end.
    pub min: f64,
    /// Whether `min` itself is in the range.
    pub min_inclusive: bool,
    /// Upper end; `None` when unbounded (a rule or extrapolation above the table).
    pub max: Option<f64>,
    /// Whether `max` itself is in the range.
    pub max_inclusive: bool,
    /// When the standard rounds or truncates first: the step of the values in the range (the
    /// range then lists rounded/truncated concentrations, both ends inclusive).
    pub grid_step: Option<f64>,
}

impl ConcentrationRange {
    /// Whether `c` (already rounded as the standard says) lies in the range.
    pub fn contains(&self, c: f64) -> bool {
        let above = if self.min_inclusive {
            c >= self.min
        } else {
            c > self.min
        };
        let below = match self.max {
            None => true,
            Some(m) if self.max_inclusive => c <= m,
            Some(m) => c < m,
        };
        above && below
    }
}

/// The inverse for one key.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum InverseOutcome {
    /// These concentrations give the index (or category).
    Range(ConcentrationRange),
    /// No concentration on the standard's rounding/truncation grid gives exactly this index.
    Unreachable,
    /// The index lies above what this key's table defines.
    BeyondTable,
    /// The index lies below what this key's table defines (US 1-h O3 below 101, 24-h SO2 below
    /// 201).
    BelowTable,
}

/// One key's inverse.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct InverseRow {
    /// The key.
    pub key: PollutantKey,
    /// Unit of the range.
    pub unit: ConcentrationUnit,
    /// The range or why there is none.
    pub outcome: InverseOutcome,
}

fn grid_decimals(r: ConcentrationRounding) -> Option<u32> {
    match r {
        ConcentrationRounding::AsGiven => None,
        ConcentrationRounding::HalfEven { decimals }
        | ConcentrationRounding::Truncate { decimals } => Some(decimals),
    }
}

fn scaled(x: f64, s: u32) -> Option<i128> {
    Dec::from_f64(x).map(|d| d.at_scale(s))
}

fn to_f64(units: i128, s: u32) -> f64 {
    Dec {
        mantissa: units,
        scale: s,
    }
    .to_f64()
}

/// Rational `num/den` (units of 10^-s) of the concentration where a continuous table's
/// equation equals `y`.
fn continuous_at(bands: &[Band], y: u32, s: u32) -> Option<(i128, i128)> {
    let band = bands.iter().find(|b| b.i_lo <= y && y <= b.i_hi)?;
    let lo = scaled(band.c_lo, s)?;
    let hi = scaled(band.c_hi, s)?;
    let di = i128::from(band.i_hi) - i128::from(band.i_lo);
    if di <= 0 {
        return None;
    }
    Some((
        lo * di + (i128::from(y) - i128::from(band.i_lo)) * (hi - lo),
        di,
    ))
}

fn continuous(table: &PollutantTable, bands: &[Band], a: u32, b: Option<u32>) -> InverseOutcome {
    let top_index = table.top_index();
    let grid = grid_decimals(table.rounding);
    let bp_scale = bands
        .iter()
        .flat_map(|bd| [bd.c_lo, bd.c_hi])
        .filter_map(Dec::from_f64)
        .map(|d| d.scale)
        .max()
        .unwrap_or(0);
    let s = grid.unwrap_or(bp_scale).max(bp_scale);
    let fixed_above = matches!(
        table.above_top,
        AboveTopRule::Fixed(v) if a <= v && b.is_none_or(|b| v <= b)
    );
    let Some(top) = scaled(table.top(), s) else {
        return InverseOutcome::BeyondTable;
    };
    if a > top_index {
        return if fixed_above {
            range(top, false, None, s, grid)
        } else {
            InverseOutcome::BeyondTable
        };
    }
    let b_in = b.map_or(top_index, |b| b.min(top_index));
    // Lower end: C > G(a - 1), or C >= 0 for a = 0.
    let lower = if a == 0 {
        Some((0, 1, true))
    } else {
        continuous_at(bands, a - 1, s).map(|(n, d)| (n, d, false))
    };
    let upper = continuous_at(bands, b_in, s);
    let (Some((ln, ld, l_incl)), Some((un, ud))) = (lower, upper) else {
        return InverseOutcome::Unreachable;
    };
    match grid {
        Some(_) => {
            let min = if l_incl {
                div_ceil(ln, ld)
            } else {
                div_floor(ln, ld) + 1
            };
            let max = if fixed_above {
                None
            } else {
                Some(div_floor(un, ud))
            };
            if max.is_some_and(|m| m < min) {
                return InverseOutcome::Unreachable;
            }
            range(min, true, max, s, grid)
        }
        None => {
            let min = ln as f64 / ld as f64 / 10f64.powi(s as i32);
            let max = un as f64 / ud as f64 / 10f64.powi(s as i32);
            InverseOutcome::Range(ConcentrationRange {
                min,
                min_inclusive: l_incl,
                max: (!fixed_above).then_some(max),
                max_inclusive: true,
                grid_step: None,
            })
        }
    }
}

fn range(
    min: i128,
    min_inclusive: bool,
    max: Option<i128>,
    s: u32,
    grid: Option<u32>,
) -> InverseOutcome {
    InverseOutcome::Range(ConcentrationRange {
        min: to_f64(min, s),
        min_inclusive,
        max: max.map(|m| to_f64(m, s)),
        max_inclusive: true,
        grid_step: grid.map(|d| to_f64(1, d)),
    })
}

fn banded(table: &PollutantTable, bands: &[Band], a: u32, b: Option<u32>) -> InverseOutcome {
    let d = grid_decimals(table.rounding).unwrap_or(0);
    let extrapolate = table.above_top == AboveTopRule::Extrapolate;
    let last = bands.len().saturating_sub(1);
    let mut found: Option<(i128, Option<i128>)> = None;
    for (k, band) in bands.iter().enumerate() {
        let (Some(lo), Some(hi)) = (scaled(band.c_lo, d), scaled(band.c_hi, d)) else {
            continue;
        };
        let di = i128::from(band.i_hi) - i128::from(band.i_lo);
        if di <= 0 {
            continue;
        }
        let open_top = extrapolate && k == last;
        // C >= g(a - 1/2), C < g(b + 1/2), with g(y) = lo + (y - i_lo) * (hi - lo) / di.
        let g2 = |twice_y: i128| {
            (
                2 * lo * di + (twice_y - 2 * i128::from(band.i_lo)) * (hi - lo),
                2 * di,
            )
        };
        let (ln, ld) = g2(2 * i128::from(a) - 1);
        let min = div_ceil(ln, ld).max(lo);
        let max = match b {
            Some(b) => {
                let (un, ud) = g2(2 * i128::from(b) + 1);
                let m = div_ceil(un, ud) - 1;
                Some(if open_top { m } else { m.min(hi) })
            }
            None if open_top => None,
            None => Some(hi),
        };
        if max.is_some_and(|m| m < min) {
            continue;
        }
        found = Some(match found {
            None => (min, max),
            Some((fmin, _)) => (fmin, max),
        });
    }
    match found {
        Some((min, max)) => range(min, true, max, d, Some(d)),
        None => {
            let first_lo = bands.first().map_or(0, |bd| bd.i_lo);
            let top = table.top_index();
            if b.is_some_and(|b| b < first_lo) {
                InverseOutcome::BelowTable
            } else if a > top && !extrapolate {
                InverseOutcome::BeyondTable
            } else {
                InverseOutcome::Unreachable
            }
        }
    }
}

fn check_scale(standard_id: StandardId, a: u32) -> Result<(), AqiError> {
    let std = standard(standard_id);
    let open = std
        .tables
        .iter()
        .any(|t| t.above_top == AboveTopRule::Extrapolate);
    let top = std
        .tables
        .iter()
        .map(PollutantTable::top_index)
        .max()
        .unwrap_or(0);
    if !open && a > top {
        return Err(AqiError::IndexOutOfScale {
            aqi: a,
            standard: standard_id,
        });
    }
    Ok(())
}

fn rows(standard_id: StandardId, a: u32, b: Option<u32>) -> Vec<InverseRow> {
    let std = standard(standard_id);
    std.tables
        .iter()
        .map(|t| {
            let bands = t.shape.bands();
            let outcome = match (t.shape, std.index_rounding) {
                (TableShape::Continuous { .. }, IndexRounding::Ceil) => continuous(t, &bands, a, b),
                _ => banded(t, &bands, a, b),
            };
            InverseRow {
                key: t.key,
                unit: t.unit,
                outcome,
            }
        })
        .collect()
}

/// The concentrations of every key that give exactly `aqi`.
///
/// # Standard
/// The inverse of [`super::iaqi`]: HJ 633 (ceiling) gives `G(N-1) < C <= G(N)`; US EPA (round
/// to nearest after truncation) gives `g(N - 1/2) <= C < g(N + 1/2)` within a band, on the
/// truncation grid.
///
/// # Errors
/// [`AqiError::IndexOutOfScale`] for an index above 500 under a standard that does not
/// extrapolate.
///
/// # Edge cases
/// With rounding or truncation first, some indices are produced by no concentration
/// ([`InverseOutcome::Unreachable`]); the fixed rules above the table (HJ 633-2026 notes b, c)
/// and EPA 2024 extrapolation give unbounded ranges.
///
/// ```
/// use renewal_calc::aqi::{inverse, InverseOutcome, PollutantKey, StandardId};
/// let rows = inverse(StandardId::UsEpa2024, 151).unwrap();
/// let pm = rows.iter().find(|r| r.key == PollutantKey::Pm25_24h).unwrap();
/// let InverseOutcome::Range(r) = pm.outcome else { panic!() };
/// assert_eq!((r.min, r.max), (55.5, Some(56.2)));
/// ```
pub fn inverse(standard_id: StandardId, aqi: u32) -> Result<Vec<InverseRow>, AqiError> {
    check_scale(standard_id, aqi)?;
    Ok(rows(standard_id, aqi, Some(aqi)))
}

/// The concentrations of every key that fall in a category.
///
/// # Errors
/// [`AqiError::CategoryNotInStandard`] when the category belongs to the other family.
pub fn inverse_category(
    standard_id: StandardId,
    category: CategoryId,
) -> Result<Vec<InverseRow>, AqiError> {
    let cat = categories(standard_id.family())
        .iter()
        .find(|c| c.id == category)
        .ok_or(AqiError::CategoryNotInStandard {
            category,
            standard: standard_id,
        })?;
    Ok(rows(standard_id, cat.aqi_min, cat.aqi_max))
}
