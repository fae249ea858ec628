//! Industrial structure: sector shares, concentration (Herfindahl–Hirschman index), diversity
//! (Shannon entropy and evenness), secondary-industry and high-tech shares, and the same
//! concentration measures for export products with the primary-materials share.
//!
//! # Source
//! The paper argues that single, resource-based industrial structures hold the cities back
//! (sections 3.1 and 3.2 (1)), calls for diversification (4.5 (1)), emerging and high-tech
//! industry (4.1, 4.4 (4)) and an export structure less dependent on primary materials such as
//! steel and aluminium (4.3 (1)). It gives no formula; the measures here are the standard ones:
//! - HHI: Herfindahl (1950), Hirschman (1945); on shares in [0, 1] (multiply by 10,000 for the
//!   antitrust "points" scale, also reported).
//! - Normalised HHI: (HHI − 1/n) / (1 − 1/n), in [0, 1].
//! - Shannon entropy with the natural logarithm, evenness (Pielou's J) = H / ln n.
//!
//! # Conventions
//! `n` counts every listed item, including items with value zero (a listed but empty sector is
//! part of the classification). Sector classes follow China's three-industry division (GB/T 4754
//! 三次产业划分): primary, secondary (mining, manufacturing, utilities, construction), tertiary.
//! The high-tech share is over the total of all listed items: list all sectors for a share of
//! the economy, or only manufacturing branches for a share of manufacturing.

use std::fmt;
use std::str::FromStr;

/// The three-industry class of a sector.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum SectorClass {
    /// Agriculture, forestry, animal husbandry, fishery.
    Primary,
    /// Mining, manufacturing, utilities, construction.
    Secondary,
    /// Services.
    Tertiary,
}

impl fmt::Display for SectorClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Primary => "primary",
            Self::Secondary => "secondary",
            Self::Tertiary => "tertiary",
        })
    }
}

/// A class name that is not primary, secondary or tertiary.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown sector class {found:?} (expected primary, secondary or tertiary)")]
pub struct UnknownClass {
    /// What was given.
    pub found: String,
}

impl FromStr for SectorClass {
    type Err = UnknownClass;

    /// `primary`/`1`/`第一产业`, `secondary`/`2`/`第二产业`, `tertiary`/`3`/`第三产业` (any case).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        Ok(match t.to_ascii_lowercase().as_str() {
            "primary" | "1" | "第一产业" | "一产" => Self::Primary,
            "secondary" | "2" | "第二产业" | "二产" => Self::Secondary,
            "tertiary" | "3" | "第三产业" | "三产" => Self::Tertiary,
            _ => {
                return Err(UnknownClass {
                    found: t.to_string(),
                })
            }
        })
    }
}

/// Why the values cannot be turned into shares.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum StructureError {
    /// Nothing listed.
    #[error("no items listed")]
    Empty,
    /// A value is NaN, infinite or negative.
    #[error("item {index}: value {value} is not a finite non-negative number")]
    BadValue {
        /// Position (0-based).
        index: usize,
        /// The value.
        value: f64,
    },
    /// All values are zero.
    #[error("all values are zero")]
    ZeroTotal,
}

/// Concentration and diversity of one distribution.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Concentration {
    /// Number of items, zeros included.
    pub n: usize,
    /// Sum of the values.
    pub total: f64,
    /// Each item's share of the total, in input order.
    pub shares: Vec<f64>,
    /// Σ share², in [1/n, 1].
    pub hhi: f64,
    /// HHI on the 0–10,000 scale.
    pub hhi_points: f64,
    /// (HHI − 1/n) / (1 − 1/n), in [0, 1]; `None` when n = 1.
    pub hhi_normalised: Option<f64>,
    /// −Σ s ln s (nats), with 0 ln 0 = 0.
    pub shannon_entropy: f64,
    /// H / ln n, in [0, 1]; `None` when n = 1.
    pub evenness: Option<f64>,
    /// 1 / HHI: the number of equal-sized items with the same HHI.
    pub equivalent_number: f64,
}

/// Shares, HHI, Shannon entropy and evenness of non-negative values.
///
/// # Formula
/// ```text
/// s_i = x_i / Σ x
/// HHI = Σ s_i²                       HHI_norm = (HHI − 1/n) / (1 − 1/n)
/// H   = −Σ s_i ln s_i  (0 ln 0 = 0)   J = H / ln n
/// ```
///
/// # Edge cases
/// With n = 1 the normalised HHI and the evenness are undefined (`None`). Both are clamped to
/// [0, 1] to absorb floating-point rounding at the bounds (equal shares, one non-zero item).
///
/// # Errors
/// [`StructureError::Empty`], [`StructureError::BadValue`] (with the index),
/// [`StructureError::ZeroTotal`].
///
/// ```
/// use renewal_calc::structure::concentration;
/// let c = concentration(&[50.0, 30.0, 20.0]).unwrap();
/// assert!((c.hhi - 0.38).abs() < 1e-12); // 0.25 + 0.09 + 0.04
/// ```
pub fn concentration(values: &[f64]) -> Result<Concentration, StructureError> {
    if values.is_empty() {
        return Err(StructureError::Empty);
    }
    for (index, &value) in values.iter().enumerate() {
        if !value.is_finite() || value < 0.0 {
            return Err(StructureError::BadValue { index, value });
        }
    }
    let total: f64 = values.iter().sum();
    if total <= 0.0 {
        return Err(StructureError::ZeroTotal);
    }
    let shares: Vec<f64> = values.iter().map(|v| v / total).collect();
    let n = values.len();
    let nf = n as f64;
    let hhi: f64 = shares.iter().map(|s| s * s).sum();
    let shannon_entropy: f64 = -shares
        .iter()
        .filter(|&&s| s > 0.0)
        .map(|s| s * s.ln())
        .sum::<f64>();
    let (hhi_normalised, evenness) = if n > 1 {
        (
            Some(((hhi - 1.0 / nf) / (1.0 - 1.0 / nf)).clamp(0.0, 1.0)),
            Some((shannon_entropy / nf.ln()).clamp(0.0, 1.0)),
        )
    } else {
        (None, None)
    };
    Ok(Concentration {
        n,
        total,
        shares,
        hhi,
        hhi_points: hhi * 10_000.0,
        hhi_normalised,
        shannon_entropy: shannon_entropy.max(0.0),
        evenness,
        equivalent_number: 1.0 / hhi,
    })
}

/// One sector: its value (output, value added or employment) and its classes.
#[derive(Debug, Clone, PartialEq)]
pub struct Sector {
    /// Name as given.
    pub name: String,
    /// Value in any unit shared by all sectors.
    pub value: f64,
    /// Three-industry class.
    pub class: SectorClass,
    /// Whether it counts as high-tech (e.g. NBS high-tech manufacturing classification).
    pub high_tech: bool,
}

/// The structure of a set of sectors.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SectorStructure {
    /// Sector names in input order (aligned with `concentration.shares`).
    pub names: Vec<String>,
    /// Concentration of all sectors.
    pub concentration: Concentration,
    /// Share of primary-industry sectors.
    pub primary_share: f64,
    /// Share of secondary-industry sectors.
    pub secondary_share: f64,
    /// Share of tertiary-industry sectors.
    pub tertiary_share: f64,
    /// Share of high-tech sectors.
    pub high_tech_share: f64,
}

/// Shares and concentration of sectors.
///
/// # Formula
/// ```text
/// secondary share = Σ x_i over secondary sectors / Σ x    (likewise primary, tertiary)
/// high-tech share = Σ x_i over high-tech sectors / Σ x
/// ```
/// plus [`concentration`] of all sector values.
///
/// # Errors
/// As [`concentration`].
pub fn sector_structure(sectors: &[Sector]) -> Result<SectorStructure, StructureError> {
    let values: Vec<f64> = sectors.iter().map(|s| s.value).collect();
    let c = concentration(&values)?;
    let share_where = |pick: &dyn Fn(&Sector) -> bool| -> f64 {
        sectors
            .iter()
            .zip(&c.shares)
            .filter(|(s, _)| pick(s))
            .map(|(_, sh)| sh)
            .sum()
    };
    Ok(SectorStructure {
        names: sectors.iter().map(|s| s.name.clone()).collect(),
        primary_share: share_where(&|s| s.class == SectorClass::Primary),
        secondary_share: share_where(&|s| s.class == SectorClass::Secondary),
        tertiary_share: share_where(&|s| s.class == SectorClass::Tertiary),
        high_tech_share: share_where(&|s| s.high_tech),
        concentration: c,
    })
}

/// One export product group.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportProduct {
    /// Name as given.
    pub name: String,
    /// Export value in any unit shared by all products.
    pub value: f64,
    /// Whether it is a primary material (steel, aluminium, ores, unprocessed raw materials).
    pub primary_material: bool,
}

/// The structure of exports.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ExportStructure {
    /// Product names in input order (aligned with `concentration.shares`).
    pub names: Vec<String>,
    /// Concentration of export values.
    pub concentration: Concentration,
    /// Share of primary materials in exports (paper section 4.3 (1)).
    pub primary_materials_share: f64,
}

/// Export concentration and the primary-materials share.
///
/// # Errors
/// As [`concentration`].
pub fn export_structure(products: &[ExportProduct]) -> Result<ExportStructure, StructureError> {
    let values: Vec<f64> = products.iter().map(|p| p.value).collect();
    let c = concentration(&values)?;
    let primary_materials_share = products
        .iter()
        .zip(&c.shares)
        .filter(|(p, _)| p.primary_material)
        .map(|(_, s)| s)
        .sum();
    Ok(ExportStructure {
        names: products.iter().map(|p| p.name.clone()).collect(),
        concentration: c,
        primary_materials_share,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    fn check(values: &[f64], hhi: f64, hhi_norm: Option<f64>, h: f64, j: Option<f64>) {
        let c = concentration(values).unwrap();
        assert!(close(c.hhi, hhi), "hhi {} vs {hhi}", c.hhi);
        match (c.hhi_normalised, hhi_norm) {
            (Some(a), Some(b)) => assert!(close(a, b), "norm {a} vs {b}"),
            (a, b) => assert_eq!(a, b),
        }
        assert!(
            close(c.shannon_entropy, h),
            "H {} vs {h}",
            c.shannon_entropy
        );
        match (c.evenness, j) {
            (Some(a), Some(b)) => assert!(close(a, b), "J {a} vs {b}"),
            (a, b) => assert_eq!(a, b),
        }
    }

    #[test]
    fn hand_computed_concentrations() {
        // 50/30/20: HHI = .25 + .09 + .04 = .38; norm = (.38 - 1/3) / (2/3) = 0.07
        // H = -(.5 ln .5 + .3 ln .3 + .2 ln .2) = .346574 + .361192 + .321888 = 1.029653
        // J = 1.029653 / ln 3 = 0.937231
        let h = -(0.5f64 * 0.5f64.ln() + 0.3 * 0.3f64.ln() + 0.2 * 0.2f64.ln());
        assert!((h - 1.029_653).abs() < 1e-6);
        check(
            &[50.0, 30.0, 20.0],
            0.38,
            Some(0.07),
            h,
            Some(h / 3f64.ln()),
        );
        assert!((h / 3f64.ln() - 0.937_231).abs() < 1e-6);
        // Equal shares: HHI = 1/n, norm 0, H = ln n, J = 1.
        check(&[1.0; 4], 0.25, Some(0.0), 4f64.ln(), Some(1.0));
        // One non-zero of three: HHI 1, norm 1, H 0, J 0.
        check(&[0.0, 7.0, 0.0], 1.0, Some(1.0), 0.0, Some(0.0));
        // A single item: HHI 1, no normalised HHI or evenness.
        check(&[3.0], 1.0, None, 0.0, None);
    }

    #[test]
    fn sector_shares_by_class() {
        // Mining 30 (2nd, not HT), electronics 10 (2nd, HT), farming 10 (1st), services 50 (3rd).
        let s = |name: &str, value, class, high_tech| Sector {
            name: name.into(),
            value,
            class,
            high_tech,
        };
        let r = sector_structure(&[
            s("mining", 30.0, SectorClass::Secondary, false),
            s("electronics", 10.0, SectorClass::Secondary, true),
            s("farming", 10.0, SectorClass::Primary, false),
            s("services", 50.0, SectorClass::Tertiary, false),
        ])
        .unwrap();
        assert!(close(r.secondary_share, 0.4));
        assert!(close(r.primary_share, 0.1));
        assert!(close(r.tertiary_share, 0.5));
        assert!(close(r.high_tech_share, 0.1));
        // HHI = .09 + .01 + .01 + .25 = .36
        assert!(close(r.concentration.hhi, 0.36));
        assert!(close(r.concentration.hhi_points, 3600.0));
    }

    #[test]
    fn export_primary_materials_share() {
        // Steel 60 and aluminium 15 are primary materials; machinery 25 is not: 0.75.
        let p = |name: &str, value, primary_material| ExportProduct {
            name: name.into(),
            value,
            primary_material,
        };
        let r = export_structure(&[
            p("steel", 60.0, true),
            p("aluminium", 15.0, true),
            p("machinery", 25.0, false),
        ])
        .unwrap();
        assert!(close(r.primary_materials_share, 0.75));
        // HHI = .36 + .0225 + .0625 = .445
        assert!(close(r.concentration.hhi, 0.445));
    }

    #[test]
    fn bad_values_are_errors_with_their_index() {
        assert_eq!(concentration(&[]), Err(StructureError::Empty));
        assert_eq!(
            concentration(&[1.0, -2.0]),
            Err(StructureError::BadValue {
                index: 1,
                value: -2.0
            })
        );
        assert!(matches!(
            concentration(&[f64::INFINITY]),
            Err(StructureError::BadValue { index: 0, .. })
        ));
        assert_eq!(concentration(&[0.0, 0.0]), Err(StructureError::ZeroTotal));
        assert_eq!("第二产业".parse(), Ok(SectorClass::Secondary));
        assert!("quaternary".parse::<SectorClass>().is_err());
    }

    proptest! {
        #[test]
        fn shares_sum_to_one_and_indices_stay_in_range(
            values in proptest::collection::vec(0.0f64..1e12, 1..40),
        ) {
            prop_assume!(values.iter().sum::<f64>() > 0.0);
            let c = concentration(&values).unwrap();
            let n = values.len() as f64;
            prop_assert!((c.shares.iter().sum::<f64>() - 1.0).abs() < 1e-9);
            prop_assert!(c.hhi >= 1.0 / n - 1e-12 && c.hhi <= 1.0 + 1e-12);
            if let Some(j) = c.evenness {
                prop_assert!((0.0..=1.0).contains(&j));
            }
            if let Some(h) = c.hhi_normalised {
                prop_assert!((0.0..=1.0).contains(&h));
            }
            prop_assert!(c.shannon_entropy >= 0.0 && c.shannon_entropy <= n.ln() + 1e-9);
        }
    }
}
