//! Energy transition: generation mix shares, growth per source, capacity factors, CO2 avoided by
//! wind and solar, and the comparison with the Northeast's 2016→2020 growth.
//!
//! # Source
//! The paper, sections 4.6–4.7 and Figure 2 (solar 20 → 187, wind 437 → 727 between 2016 and
//! 2020; growth multiples ×9.35 and ×1.66). Those figures live in the data crate; this module
//! takes any reference growth as an argument ([`ReferenceGrowth`]) so the maths does not depend
//! on where the numbers come from.
//!
//! # Classification
//! [`SOURCE_CLASSES`] is the data table: coal, gas and oil are fossil; hydro, wind, solar and
//! biomass are renewable; nuclear is non-fossil but not renewable. `Other` (waste heat, unknown
//! remainders) is counted in the total only, neither fossil nor non-fossil, so both shares are
//! conservative when `Other` is large.
//!
//! # Units
//! Generation enters as [`units::Kwh`] and capacity as [`units::Kw`]; the caller converts with
//! [`units`]. Results are in kWh and kW, CO2 in tonnes.

pub mod grid_factor;
pub mod units;

use crate::time::days_in_year;
use std::fmt;
use std::str::FromStr;
use units::{Kw, Kwh};

/// A generation source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum EnergySource {
    /// Coal-fired.
    Coal,
    /// Natural gas.
    Gas,
    /// Oil.
    Oil,
    /// Hydropower.
    Hydro,
    /// Nuclear.
    Nuclear,
    /// Wind.
    Wind,
    /// Solar (photovoltaic and thermal).
    Solar,
    /// Biomass (including waste-to-energy).
    Biomass,
    /// Anything else.
    Other,
}

/// How a source counts in the shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SourceClass {
    /// The source.
    pub source: EnergySource,
    /// Counted as fossil.
    pub fossil: bool,
    /// Counted as renewable.
    pub renewable: bool,
    /// Counted as non-fossil.
    pub non_fossil: bool,
}

const fn class(
    source: EnergySource,
    fossil: bool,
    renewable: bool,
    non_fossil: bool,
) -> SourceClass {
    SourceClass {
        source,
        fossil,
        renewable,
        non_fossil,
    }
}

/// Every source with its classification, in the order of [`EnergySource`].
pub const SOURCE_CLASSES: [SourceClass; 9] = [
    class(EnergySource::Coal, true, false, false),
    class(EnergySource::Gas, true, false, false),
    class(EnergySource::Oil, true, false, false),
    class(EnergySource::Hydro, false, true, true),
    class(EnergySource::Nuclear, false, false, true),
    class(EnergySource::Wind, false, true, true),
    class(EnergySource::Solar, false, true, true),
    class(EnergySource::Biomass, false, true, true),
    class(EnergySource::Other, false, false, false),
];

impl EnergySource {
    /// Position in [`SOURCE_CLASSES`].
    const fn index(self) -> usize {
        self as usize
    }

    /// Its classification.
    pub const fn class(self) -> SourceClass {
        SOURCE_CLASSES[self.index()]
    }

    /// The key used in files and JSON.
    pub const fn key(self) -> &'static str {
        match self {
            Self::Coal => "coal",
            Self::Gas => "gas",
            Self::Oil => "oil",
            Self::Hydro => "hydro",
            Self::Nuclear => "nuclear",
            Self::Wind => "wind",
            Self::Solar => "solar",
            Self::Biomass => "biomass",
            Self::Other => "other",
        }
    }
}

impl fmt::Display for EnergySource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A source name that is not one of the known spellings.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown energy source {found:?}")]
pub struct UnknownSource {
    /// What was given.
    pub found: String,
}

impl FromStr for EnergySource {
    type Err = UnknownSource;

    /// The keys (any case) and the Chinese names 煤电/火电, 气电, 油, 水电, 核电, 风电, 太阳能/光伏,
    /// 生物质, 其他.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        Ok(match t.to_ascii_lowercase().as_str() {
            "coal" | "煤电" | "燃煤" | "煤" => Self::Coal,
            "gas" | "natural_gas" | "气电" | "燃气" => Self::Gas,
            "oil" | "油" | "燃油" => Self::Oil,
            "hydro" | "水电" => Self::Hydro,
            "nuclear" | "核电" => Self::Nuclear,
            "wind" | "风电" => Self::Wind,
            "solar" | "pv" | "太阳能" | "光伏" => Self::Solar,
            "biomass" | "生物质" => Self::Biomass,
            "other" | "其他" => Self::Other,
            _ => {
                return Err(UnknownSource {
                    found: t.to_string(),
                })
            }
        })
    }
}

/// One reported value pair: generation and/or installed capacity of one source in one year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EnergyRecord {
    /// Calendar year.
    pub year: i32,
    /// The source.
    pub source: EnergySource,
    /// Generation in the year.
    pub generation: Option<Kwh>,
    /// Installed capacity at year end.
    pub capacity: Option<Kw>,
}

/// Why the records cannot be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum EnergyError {
    /// No records.
    #[error("no energy records")]
    NoRecords,
    /// A value is NaN, infinite or negative.
    #[error("record {index} ({year}, {energy_source}): value {value} is not a finite non-negative number")]
    BadValue {
        /// Record position (0-based).
        index: usize,
        /// Its year.
        year: i32,
        /// Its source.
        energy_source: EnergySource,
        /// The value.
        value: f64,
    },
    /// The same source appears twice in one year.
    #[error("record {index}: {energy_source} in {year} appears twice")]
    Duplicate {
        /// Record position (0-based) of the second occurrence.
        index: usize,
        /// Year.
        year: i32,
        /// Source.
        energy_source: EnergySource,
    },
    /// Generation exceeds what the capacity could produce running all year: usually a unit mix-up.
    #[error("{energy_source} in {year}: capacity factor {capacity_factor:.3} is above 1 (check the units)")]
    CapacityFactorAboveOne {
        /// Year.
        year: i32,
        /// Source.
        energy_source: EnergySource,
        /// Generation / (capacity × hours in the year).
        capacity_factor: f64,
    },
    /// The grid emission factor is NaN, infinite or negative.
    #[error("grid emission factor {0} is not a finite non-negative number")]
    BadGridFactor(f64),
}

/// One source in one year.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SourceYear {
    /// The source.
    pub source: EnergySource,
    /// Generation, kWh.
    pub generation_kwh: Option<f64>,
    /// Share of the year's total generation.
    pub share: Option<f64>,
    /// Installed capacity, kW.
    pub capacity_kw: Option<f64>,
    /// Generation / (capacity × hours in the year).
    pub capacity_factor: Option<f64>,
}

/// The generation mix of one year. Shares are `None` when the total is zero.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct YearMix {
    /// Calendar year.
    pub year: i32,
    /// Hours in the year (8760, or 8784 in a leap year).
    pub hours: f64,
    /// Sum of the reported generation, kWh.
    pub total_generation_kwh: f64,
    /// Fossil generation, kWh.
    pub fossil_kwh: f64,
    /// Renewable generation, kWh.
    pub renewable_kwh: f64,
    /// Non-fossil generation, kWh.
    pub non_fossil_kwh: f64,
    /// Renewable / total.
    pub renewable_share: Option<f64>,
    /// Non-fossil / total.
    pub non_fossil_share: Option<f64>,
    /// Fossil / total.
    pub fossil_share: Option<f64>,
    /// (Wind + solar) / total.
    pub wind_solar_share: Option<f64>,
    /// Each source reported in that year.
    pub sources: Vec<SourceYear>,
}

/// Growth of one source between its first and last reported year.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Growth {
    /// The source.
    pub source: EnergySource,
    /// First year with a value.
    pub from_year: i32,
    /// Last year with a value.
    pub to_year: i32,
    /// Value in the first year (kWh or kW).
    pub from_value: f64,
    /// Value in the last year (kWh or kW).
    pub to_value: f64,
    /// to / from; `None` when from is zero.
    pub multiple: Option<f64>,
    /// multiple^(1 / years) − 1; `None` when from is zero or the years are equal.
    pub cagr: Option<f64>,
}

/// CO2 avoided by wind and solar in one year.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Co2Avoided {
    /// Calendar year.
    pub year: i32,
    /// Wind generation, kWh (0 when not reported).
    pub wind_kwh: f64,
    /// Solar generation, kWh (0 when not reported).
    pub solar_kwh: f64,
    /// Tonnes CO2 avoided by wind.
    pub wind_t_co2: f64,
    /// Tonnes CO2 avoided by solar.
    pub solar_t_co2: f64,
    /// Their sum.
    pub total_t_co2: f64,
}

/// Everything computed from the records.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct EnergyReport {
    /// The mix per year, years ascending.
    pub years: Vec<YearMix>,
    /// Generation growth per source.
    pub generation_growth: Vec<Growth>,
    /// Capacity growth per source.
    pub capacity_growth: Vec<Growth>,
    /// The grid factor applied, tCO2/MWh.
    pub grid_factor_t_co2_per_mwh: f64,
    /// CO2 avoided by wind and solar per year.
    pub co2_avoided: Vec<Co2Avoided>,
}

/// Growth between two values `years` apart.
///
/// # Formula
/// ```text
/// multiple = to / from,   CAGR = multiple^(1 / years) − 1
/// ```
/// `multiple` is `None` when `from` is zero; `cagr` also when `years` is zero.
///
/// ```
/// use renewal_calc::energy::growth_multiple_and_cagr;
/// // The paper's Figure 2, solar: 20 -> 187 over 2016..2020.
/// let (m, c) = growth_multiple_and_cagr(20.0, 187.0, 4);
/// assert!((m.unwrap() - 9.35).abs() < 1e-12);
/// assert!((c.unwrap() - 0.748_650).abs() < 1e-6);
/// ```
pub fn growth_multiple_and_cagr(from: f64, to: f64, years: u32) -> (Option<f64>, Option<f64>) {
    if from <= 0.0 {
        return (None, None);
    }
    let m = to / from;
    let cagr = (years > 0).then(|| m.powf(1.0 / f64::from(years)) - 1.0);
    (Some(m), cagr)
}

fn growth_of(source: EnergySource, points: &[(i32, f64)]) -> Option<Growth> {
    let (&(y0, v0), &(y1, v1)) = (points.first()?, points.last()?);
    let years = u32::try_from(i64::from(y1) - i64::from(y0)).unwrap_or(0);
    let (multiple, cagr) = growth_multiple_and_cagr(v0, v1, years);
    Some(Growth {
        source,
        from_year: y0,
        to_year: y1,
        from_value: v0,
        to_value: v1,
        multiple,
        cagr,
    })
}

fn check_value(index: usize, r: &EnergyRecord, v: f64) -> Result<f64, EnergyError> {
    if v.is_finite() && v >= 0.0 {
        Ok(v)
    } else {
        Err(EnergyError::BadValue {
            index,
            year: r.year,
            energy_source: r.source,
            value: v,
        })
    }
}

/// Shares, growth, capacity factors and CO2 avoided from generation and capacity records.
///
/// # Formula
/// ```text
/// share_s            = G_s / Σ G            (Σ over the sources reported that year)
/// renewable share    = Σ G_{hydro, wind, solar, biomass} / Σ G
/// non-fossil share   = Σ G_{hydro, nuclear, wind, solar, biomass} / Σ G
/// capacity factor    = G_s [kWh] / (C_s [kW] × 24 × days in the year)   (8760 or 8784 h)
/// CO2 avoided [t]    = G [kWh] × EF [tCO2/MWh] / 1000
/// multiple, CAGR     = see growth_multiple_and_cagr, first to last reported year per source
/// ```
/// Capacity is year-end installed capacity, so capacity factors of fast-growing sources are
/// understated (capacity added late in the year produced little).
///
/// # Errors
/// No records, a NaN/infinite/negative value (with its record index), the same source twice in
/// one year, a capacity factor above 1 (a unit mix-up), or a bad grid factor.
///
/// # Edge cases
/// A year whose total is zero has `None` shares. A source with zero generation in its first
/// year has no multiple or CAGR. Missing generation is not zero: it is left out of that year's
/// total, so compare shares only across years that report the same sources.
pub fn assess(
    records: &[EnergyRecord],
    grid_factor_t_co2_per_mwh: f64,
) -> Result<EnergyReport, EnergyError> {
    if records.is_empty() {
        return Err(EnergyError::NoRecords);
    }
    if !grid_factor_t_co2_per_mwh.is_finite() || grid_factor_t_co2_per_mwh < 0.0 {
        return Err(EnergyError::BadGridFactor(grid_factor_t_co2_per_mwh));
    }
    // Years ascending, each with its per-source values.
    let mut years: Vec<i32> = records.iter().map(|r| r.year).collect();
    years.sort_unstable();
    years.dedup();
    /// (generation kWh, capacity kW) of one source in one year.
    type Cell = (Option<f64>, Option<f64>);
    type Cells = [Cell; 9];
    let mut table: Vec<Cells> = vec![[(None, None); 9]; years.len()];
    let mut seen: Vec<[bool; 9]> = vec![[false; 9]; years.len()];
    for (index, r) in records.iter().enumerate() {
        let Ok(y) = years.binary_search(&r.year) else {
            continue;
        };
        let (Some(row), Some(seen_row)) = (table.get_mut(y), seen.get_mut(y)) else {
            continue;
        };
        let s = r.source.index();
        if seen_row[s] {
            return Err(EnergyError::Duplicate {
                index,
                year: r.year,
                energy_source: r.source,
            });
        }
        seen_row[s] = true;
        let g = r
            .generation
            .map(|g| check_value(index, r, g.0))
            .transpose()?;
        let c = r.capacity.map(|c| check_value(index, r, c.0)).transpose()?;
        row[s] = (g, c);
    }

    let mut mixes = Vec::with_capacity(years.len());
    let mut co2 = Vec::with_capacity(years.len());
    for (&year, row) in years.iter().zip(&table) {
        let hours = f64::from(days_in_year(year)) * 24.0;
        let total: f64 = row.iter().filter_map(|c| c.0).sum();
        let sum_where = |pick: fn(SourceClass) -> bool| -> f64 {
            SOURCE_CLASSES
                .iter()
                .zip(row)
                .filter(|(k, _)| pick(**k))
                .filter_map(|(_, c)| c.0)
                .sum()
        };
        let fossil = sum_where(|k| k.fossil);
        let renewable = sum_where(|k| k.renewable);
        let non_fossil = sum_where(|k| k.non_fossil);
        let wind = row[EnergySource::Wind.index()].0.unwrap_or(0.0);
        let solar = row[EnergySource::Solar.index()].0.unwrap_or(0.0);
        let share = |v: f64| (total > 0.0).then(|| v / total);
        let mut sources = Vec::new();
        for (k, &(g, c)) in SOURCE_CLASSES.iter().zip(row) {
            if g.is_none() && c.is_none() {
                continue;
            }
            let cf = match (g, c) {
                (Some(g), Some(c)) if c > 0.0 => Some(g / (c * hours)),
                _ => None,
            };
            if let Some(cf) = cf.filter(|&cf| cf > 1.0) {
                return Err(EnergyError::CapacityFactorAboveOne {
                    year,
                    energy_source: k.source,
                    capacity_factor: cf,
                });
            }
            sources.push(SourceYear {
                source: k.source,
                generation_kwh: g,
                share: g.and_then(share),
                capacity_kw: c,
                capacity_factor: cf,
            });
        }
        mixes.push(YearMix {
            year,
            hours,
            total_generation_kwh: total,
            fossil_kwh: fossil,
            renewable_kwh: renewable,
            non_fossil_kwh: non_fossil,
            renewable_share: share(renewable),
            non_fossil_share: share(non_fossil),
            fossil_share: share(fossil),
            wind_solar_share: share(wind + solar),
            sources,
        });
        let t = |kwh: f64| kwh * grid_factor_t_co2_per_mwh / 1000.0;
        co2.push(Co2Avoided {
            year,
            wind_kwh: wind,
            solar_kwh: solar,
            wind_t_co2: t(wind),
            solar_t_co2: t(solar),
            total_t_co2: t(wind + solar),
        });
    }

    let series = |s: usize, pick: fn(&Cell) -> Option<f64>| {
        years
            .iter()
            .zip(&table)
            .filter_map(|(&y, row)| row.get(s).and_then(pick).map(|v| (y, v)))
            .collect::<Vec<_>>()
    };
    let mut generation_growth = Vec::new();
    let mut capacity_growth = Vec::new();
    for k in SOURCE_CLASSES {
        let s = k.source.index();
        generation_growth.extend(growth_of(k.source, &series(s, |c| c.0)));
        capacity_growth.extend(growth_of(k.source, &series(s, |c| c.1)));
    }

    Ok(EnergyReport {
        years: mixes,
        generation_growth,
        capacity_growth,
        grid_factor_t_co2_per_mwh,
        co2_avoided: co2,
    })
}

/// A reference growth to compare with, e.g. one bar pair of the paper's Figure 2. Only the
/// ratio matters, so the unit of the two values is irrelevant.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ReferenceGrowth {
    /// The source.
    pub source: EnergySource,
    /// First year.
    pub from_year: i32,
    /// Last year.
    pub to_year: i32,
    /// Value in the first year.
    pub from_value: f64,
    /// Value in the last year.
    pub to_value: f64,
}

/// A city's generation growth beside the reference growth of the same source.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct GrowthComparison {
    /// The source.
    pub source: EnergySource,
    /// The reference period and values.
    pub reference: ReferenceGrowth,
    /// Reference multiple.
    pub reference_multiple: Option<f64>,
    /// Reference CAGR.
    pub reference_cagr: Option<f64>,
    /// The city's growth over its own period; `None` when the city has no such series.
    pub city: Option<Growth>,
    /// City CAGR − reference CAGR (per year, as a fraction). CAGRs are compared rather than
    /// multiples because the periods may differ.
    pub cagr_difference: Option<f64>,
    /// Whether the city's multiple is over the same years as the reference.
    pub same_period: bool,
}

/// Compares the city's generation growth with reference growth figures.
///
/// # Formula
/// ```text
/// cagr_difference = CAGR_city − CAGR_reference
/// ```
pub fn compare_growth(
    report: &EnergyReport,
    reference: &[ReferenceGrowth],
) -> Vec<GrowthComparison> {
    reference
        .iter()
        .map(|r| {
            let years = u32::try_from(i64::from(r.to_year) - i64::from(r.from_year)).unwrap_or(0);
            let (reference_multiple, reference_cagr) =
                growth_multiple_and_cagr(r.from_value, r.to_value, years);
            let city = report
                .generation_growth
                .iter()
                .find(|g| g.source == r.source)
                .copied();
            let cagr_difference = match (city.and_then(|c| c.cagr), reference_cagr) {
                (Some(a), Some(b)) => Some(a - b),
                _ => None,
            };
            GrowthComparison {
                source: r.source,
                reference: *r,
                reference_multiple,
                reference_cagr,
                city,
                cagr_difference,
                same_period: city
                    .is_some_and(|c| c.from_year == r.from_year && c.to_year == r.to_year),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn rec(year: i32, source: EnergySource, g: Option<f64>, c: Option<f64>) -> EnergyRecord {
        EnergyRecord {
            year,
            source,
            generation: g.map(Kwh),
            capacity: c.map(Kw),
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
    }

    use EnergySource::*;

    #[test]
    fn classification_table_is_in_enum_order() {
        for (i, k) in SOURCE_CLASSES.iter().enumerate() {
            assert_eq!(k.source.index(), i);
            assert!(!(k.fossil && k.non_fossil));
        }
        assert!(Nuclear.class().non_fossil && !Nuclear.class().renewable);
        for k in SOURCE_CLASSES {
            assert_eq!(k.source.key().parse(), Ok(k.source));
        }
        assert_eq!("风电".parse(), Ok(Wind));
        assert_eq!("光伏".parse(), Ok(Solar));
        assert_eq!(
            "fusion".parse::<EnergySource>(),
            Err(UnknownSource {
                found: "fusion".into()
            })
        );
    }

    #[test]
    fn shares_capacity_factor_and_co2_of_a_small_mix() {
        // 2020 (leap year, 8784 h): coal 600, wind 200, solar 100, nuclear 100 (GWh -> kWh).
        // total 1000 GWh; renewable 300 -> 0.3; non-fossil 400 -> 0.4; fossil 0.6.
        // wind capacity 100 MW = 1e5 kW: CF = 2e8 / (1e5 * 8784) = 0.227686...
        // CO2 at 0.5122 t/MWh: wind 200 000 MWh * 0.5122 = 102 440 t; solar 51 220 t.
        let g = 1e6; // kWh per GWh
        let recs = [
            rec(2020, Coal, Some(600.0 * g), None),
            rec(2020, Wind, Some(200.0 * g), Some(1e5)),
            rec(2020, Solar, Some(100.0 * g), None),
            rec(2020, Nuclear, Some(100.0 * g), None),
        ];
        let r = assess(&recs, 0.5122).unwrap();
        let y = &r.years[0];
        assert_eq!(y.hours, 8784.0);
        assert!(close(y.renewable_share.unwrap(), 0.3));
        assert!(close(y.non_fossil_share.unwrap(), 0.4));
        assert!(close(y.fossil_share.unwrap(), 0.6));
        assert!(close(y.wind_solar_share.unwrap(), 0.3));
        let wind = y.sources.iter().find(|s| s.source == Wind).unwrap();
        assert!(close(wind.capacity_factor.unwrap(), 2e8 / (1e5 * 8784.0)));
        assert!(close(wind.capacity_factor.unwrap(), 0.227_686_703_096_539));
        assert!(close(r.co2_avoided[0].wind_t_co2, 102_440.0));
        assert!(close(r.co2_avoided[0].solar_t_co2, 51_220.0));
        assert!(close(r.co2_avoided[0].total_t_co2, 153_660.0));
    }

    #[test]
    fn non_leap_year_has_8760_hours() {
        let r = assess(&[rec(2021, Wind, Some(8760.0), Some(1.0))], 0.5).unwrap();
        assert_eq!(r.years[0].hours, 8760.0);
        assert!(close(r.years[0].sources[0].capacity_factor.unwrap(), 1.0));
    }

    #[test]
    fn growth_reproduces_the_papers_figure_2_multiples() {
        // Figure 2 as printed (unit irrelevant for multiples): solar 20 -> 187, wind 437 -> 727.
        // solar: 9.35, CAGR 9.35^(1/4) - 1 = 0.748 650; wind: 727/437 = 1.663 62, CAGR 0.135 699.
        let recs = [
            rec(2016, Solar, Some(20.0), None),
            rec(2020, Solar, Some(187.0), None),
            rec(2016, Wind, Some(437.0), None),
            rec(2020, Wind, Some(727.0), None),
        ];
        let r = assess(&recs, 0.5122).unwrap();
        let solar = r
            .generation_growth
            .iter()
            .find(|g| g.source == Solar)
            .unwrap();
        assert!(close(solar.multiple.unwrap(), 9.35));
        assert!((solar.cagr.unwrap() - 0.748_650).abs() < 1e-5);
        let wind = r
            .generation_growth
            .iter()
            .find(|g| g.source == Wind)
            .unwrap();
        assert!((wind.multiple.unwrap() - 1.663_62).abs() < 1e-5);
        assert!((wind.cagr.unwrap() - 0.135_699).abs() < 1e-5);
        // Compared with itself: zero difference, same period.
        let reference = [ReferenceGrowth {
            source: Solar,
            from_year: 2016,
            to_year: 2020,
            from_value: 20.0,
            to_value: 187.0,
        }];
        let c = compare_growth(&r, &reference);
        assert!(c[0].same_period);
        assert!(c[0].cagr_difference.unwrap().abs() < 1e-12);
    }

    #[test]
    fn comparison_uses_cagr_across_different_periods() {
        // City solar doubles over 2 years: CAGR sqrt(2) - 1 = 0.414 21; reference 0.748 650.
        let recs = [
            rec(2018, Solar, Some(1.0), None),
            rec(2020, Solar, Some(2.0), None),
        ];
        let r = assess(&recs, 0.5).unwrap();
        let reference = [ReferenceGrowth {
            source: Solar,
            from_year: 2016,
            to_year: 2020,
            from_value: 20.0,
            to_value: 187.0,
        }];
        let c = compare_growth(&r, &reference);
        assert!(!c[0].same_period);
        assert!((c[0].cagr_difference.unwrap() - (0.414_214 - 0.748_650)).abs() < 1e-5);
    }

    #[test]
    fn bad_records_are_errors_with_their_position() {
        assert_eq!(assess(&[], 0.5), Err(EnergyError::NoRecords));
        assert_eq!(
            assess(&[rec(2020, Coal, Some(-1.0), None)], 0.5),
            Err(EnergyError::BadValue {
                index: 0,
                year: 2020,
                energy_source: Coal,
                value: -1.0
            })
        );
        assert_eq!(
            assess(
                &[
                    rec(2020, Coal, Some(1.0), None),
                    rec(2020, Coal, Some(2.0), None)
                ],
                0.5
            ),
            Err(EnergyError::Duplicate {
                index: 1,
                year: 2020,
                energy_source: Coal
            })
        );
        // 1 MW (1000 kW) cannot produce 10 GWh in a year: CF = 1e7 / (1000 * 8760) = 1.1416.
        match assess(&[rec(2021, Wind, Some(1e7), Some(1000.0))], 0.5) {
            Err(EnergyError::CapacityFactorAboveOne {
                capacity_factor, ..
            }) => {
                assert!((capacity_factor - 1.141_552_5).abs() < 1e-6)
            }
            other => panic!("unexpected {other:?}"),
        }
        assert!(matches!(
            assess(&[rec(2020, Coal, Some(1.0), None)], f64::NAN),
            Err(EnergyError::BadGridFactor(v)) if v.is_nan()
        ));
        assert!(matches!(
            assess(&[rec(2020, Coal, Some(1.0), None)], -0.1),
            Err(EnergyError::BadGridFactor(_))
        ));
    }

    #[test]
    fn a_year_with_zero_total_has_no_shares() {
        let r = assess(
            &[
                rec(2020, Coal, Some(0.0), None),
                rec(2020, Wind, None, Some(5.0)),
            ],
            0.5,
        )
        .unwrap();
        let y = &r.years[0];
        assert_eq!(y.total_generation_kwh, 0.0);
        assert_eq!(y.renewable_share, None);
        assert_eq!(y.sources.len(), 2);
        assert_eq!(y.sources[1].capacity_factor, None);
    }

    #[test]
    fn zero_first_year_has_no_multiple() {
        let r = assess(
            &[
                rec(2019, Solar, Some(0.0), None),
                rec(2020, Solar, Some(5.0), None),
            ],
            0.5,
        )
        .unwrap();
        assert_eq!(r.generation_growth[0].multiple, None);
        assert_eq!(r.generation_growth[0].cagr, None);
    }

    proptest! {
        #[test]
        fn source_shares_sum_to_one_and_class_shares_are_consistent(
            values in proptest::collection::vec(0.0f64..1e9, 9),
        ) {
            let recs: Vec<_> = SOURCE_CLASSES
                .iter()
                .zip(&values)
                .map(|(k, &v)| rec(2022, k.source, Some(v), None))
                .collect();
            let r = assess(&recs, 0.5).unwrap();
            let y = &r.years[0];
            if y.total_generation_kwh > 0.0 {
                let sum: f64 = y.sources.iter().filter_map(|s| s.share).sum();
                prop_assert!((sum - 1.0).abs() < 1e-9);
                let other = y.sources.iter().find(|s| s.source == Other).and_then(|s| s.share).unwrap();
                prop_assert!((y.fossil_share.unwrap() + y.non_fossil_share.unwrap() + other - 1.0).abs() < 1e-9);
                prop_assert!(y.renewable_share.unwrap() <= y.non_fossil_share.unwrap() + 1e-12);
            }
        }
    }
}
