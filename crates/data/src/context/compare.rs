//! Province comparisons for the population and industry views, and the advisor hook that puts a
//! city's population series beside its province's.

use super::series::{series, Indicator, SeriesPoint};
use super::tables::{Basis, Confidence, Provenance, Region, Series};
use super::ContextError;
use renewal_calc::trend::{self, TimeSeries};

/// Options shared by the comparison helpers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CompareOptions {
    /// The series to compare on; the consistent [`Series::Revised`] by default.
    pub series: Series,
    /// Include values of low confidence (or not verified), marked as such. By default they are
    /// left out with [`ContextError::LowConfidence`], which carries the note.
    pub include_low_confidence: bool,
}

/// Population change and CAGR of one region over a consistent period.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PopulationChange {
    /// Region.
    pub region: Region,
    /// Series used.
    pub series: Series,
    /// First year.
    pub from_year: i32,
    /// Last year.
    pub to_year: i32,
    /// Population in `from_year`, 10k persons.
    pub from_10k: f64,
    /// Population in `to_year`, 10k persons.
    pub to_10k: f64,
    /// Change, 10k persons.
    pub change_10k: f64,
    /// Change, % of the first year.
    pub change_pct: Option<f64>,
    /// Compound annual growth, fraction per year.
    pub cagr: Option<f64>,
    /// Lowest confidence of the two values.
    pub confidence: Confidence,
    /// Whether the result rests on a low-confidence value (shown with a marker).
    pub low_confidence: bool,
    /// The rows it rests on.
    pub provenance: Vec<Provenance>,
}

/// Net migration rate of one year from the derived residual (N4b).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct NetMigrationRate {
    /// Region.
    pub region: Region,
    /// Year.
    pub year: i32,
    /// Population series the residual is computed on.
    pub series: Series,
    /// Derived net migration, 10k persons.
    pub net_migration_10k: f64,
    /// Mean of the start and end populations, 10k persons.
    pub mid_year_population_10k: f64,
    /// Net migration per 1,000 of the mid-year population, ‰.
    pub rate_per_1000: f64,
    /// Always true: the residual is not an official statistic.
    pub derived: bool,
    /// Lowest confidence of its rows (low for N4b).
    pub confidence: Confidence,
    /// Whether the result rests on a low-confidence value.
    pub low_confidence: bool,
    /// The rows it rests on.
    pub provenance: Vec<Provenance>,
}

/// Secondary and tertiary (and primary) shares of GDP in one year.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct IndustryShares {
    /// Region.
    pub region: Region,
    /// Year.
    pub year: i32,
    /// Primary share, % (where verified).
    pub primary_share_pct: Option<f64>,
    /// Secondary share, %.
    pub secondary_share_pct: f64,
    /// Tertiary share, %.
    pub tertiary_share_pct: f64,
    /// GDP basis of the year: shares on the two sides of 2018/2019 are on different bases.
    pub basis: Basis,
    /// Computed from levels (in the reference or here) rather than printed.
    pub derived: bool,
    /// Lowest confidence of its rows.
    pub confidence: Confidence,
    /// Whether the result rests on a low-confidence value.
    pub low_confidence: bool,
    /// The rows it rests on.
    pub provenance: Vec<Provenance>,
}

fn gate(
    confidence: Confidence,
    provenance: &[Provenance],
    options: &CompareOptions,
) -> Result<bool, ContextError> {
    let low = confidence.is_low();
    if low && !options.include_low_confidence {
        let note = provenance
            .iter()
            .find(|p| p.confidence.is_low())
            .map_or("", |p| p.confidence_note);
        return Err(ContextError::LowConfidence { confidence, note });
    }
    Ok(low)
}

/// Population change and CAGR of `region` from `from` to `to` on `options.series`.
///
/// # Formula
/// `renewal_calc::trend::change`: `CAGR = (P_to / P_from)^(1/(to − from)) − 1`.
///
/// # Errors
/// [`ContextError::CrossesBreak`] when the period spans the 2020-census break (only possible on
/// [`Series::AsFirstPublished`]); [`ContextError::YearNotInSeries`]; [`ContextError::NotAfter`];
/// [`ContextError::LowConfidence`] unless low-confidence values are included.
pub fn population_change(
    region: Region,
    from: i32,
    to: i32,
    options: &CompareOptions,
) -> Result<PopulationChange, ContextError> {
    let s = series(region, Indicator::Population, options.series)?;
    let c = s.consistent_change(from, to)?;
    let low_confidence = gate(c.confidence, &c.provenance, options)?;
    Ok(PopulationChange {
        region,
        series: options.series,
        from_year: from,
        to_year: to,
        from_10k: c.change.base_value,
        to_10k: c.change.current_value,
        change_10k: c.change.absolute,
        change_pct: c.change.percent,
        cagr: c.change.cagr,
        confidence: c.confidence,
        low_confidence,
        provenance: c.provenance,
    })
}

/// Net migration per 1,000 of the mid-year population in `year` (the change from 31 Dec of
/// `year − 1`), from the reference's derived residual.
///
/// # Formula
/// Residual method as in `northeast-context.md` N4b (and `renewal_calc::population`):
/// ```text
/// M = (P_t − P_{t−1}) − NGR_t/1000 · (P_{t−1} + P_t)/2;   rate = 1000 · M / ((P_{t−1} + P_t)/2)
/// ```
///
/// # Errors
/// [`ContextError::LowConfidence`] unless low-confidence values are included: N4b is rated low
/// as a measure of migration, so by default every call is refused with its note.
/// [`ContextError::YearNotInSeries`] for a year the reference does not derive.
pub fn net_migration_rate(
    region: Region,
    year: i32,
    options: &CompareOptions,
) -> Result<NetMigrationRate, ContextError> {
    let migration = series(region, Indicator::NetMigration, options.series)?;
    let m = migration
        .point(year)
        .ok_or(ContextError::YearNotInSeries { year })?;
    let population = series(region, Indicator::Population, options.series)?;
    let start = population.point(year - 1);
    let end = population.point(year);
    let (Some(start), Some(end)) = (start, end) else {
        return Err(ContextError::YearNotInSeries { year: year - 1 });
    };
    if let Some(k) = population.breaks_between(year - 1, year).first() {
        return Err(ContextError::CrossesBreak {
            from: year - 1,
            to: year,
            id: k.id,
        });
    }
    let mid = (start.value + end.value) / 2.0;
    if mid <= 0.0 {
        return Err(ContextError::YearNotInSeries { year });
    }
    let mut provenance = m.provenance.clone();
    provenance.extend(start.provenance.iter().chain(&end.provenance).copied());
    let confidence = m.confidence.min(start.confidence).min(end.confidence);
    let low_confidence = gate(confidence, &provenance, options)?;
    Ok(NetMigrationRate {
        region,
        year,
        series: options.series,
        net_migration_10k: m.value,
        mid_year_population_10k: mid,
        rate_per_1000: 1000.0 * m.value / mid,
        derived: true,
        confidence,
        low_confidence,
        provenance,
    })
}

/// Secondary and tertiary shares of GDP in `year` (any year, either GDP basis; the result says
/// which basis, so shares on the two sides of the 2018/2019 break are never silently compared).
///
/// # Errors
/// [`ContextError::YearNotInSeries`] when the year has no verified shares (for the Northeast:
/// unless all three provinces have levels that year); [`ContextError::LowConfidence`].
pub fn industry_shares(
    region: Region,
    year: i32,
    options: &CompareOptions,
) -> Result<IndustryShares, ContextError> {
    let get = |indicator: Indicator| -> Result<Option<SeriesPoint>, ContextError> {
        match series(region, indicator, Series::AsFirstPublished) {
            Ok(s) => Ok(s.point(year).cloned()),
            Err(ContextError::NoData { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    };
    let (Some(secondary), Some(tertiary)) = (
        get(Indicator::SecondaryShare)?,
        get(Indicator::TertiaryShare)?,
    ) else {
        return Err(ContextError::YearNotInSeries { year });
    };
    let primary = get(Indicator::PrimaryShare)?;
    let mut provenance = secondary.provenance.clone();
    for p in tertiary
        .provenance
        .iter()
        .chain(primary.iter().flat_map(|p| &p.provenance))
    {
        if !provenance.contains(p) {
            provenance.push(*p);
        }
    }
    let confidence = secondary.confidence.min(tertiary.confidence);
    let low_confidence = gate(confidence, &provenance, options)?;
    Ok(IndustryShares {
        region,
        year,
        primary_share_pct: primary.map(|p| p.value),
        secondary_share_pct: secondary.value,
        tertiary_share_pct: tertiary.value,
        basis: secondary.basis,
        derived: secondary.derived || tertiary.derived,
        confidence,
        low_confidence,
        provenance,
    })
}

/// One region's row of the comparison table: each cell a value or the reason it is missing.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct RegionComparison {
    /// Region.
    pub region: Region,
    /// Population change and CAGR.
    pub population_change: Result<PopulationChange, ContextError>,
    /// Net migration rate.
    pub net_migration: Result<NetMigrationRate, ContextError>,
    /// Industry shares.
    pub industry_shares: Result<IndustryShares, ContextError>,
}

/// The comparison table for Liaoning, Jilin, Heilongjiang and the Northeast total.
pub fn compare_regions(
    from: i32,
    to: i32,
    migration_year: i32,
    shares_year: i32,
    options: &CompareOptions,
) -> Vec<RegionComparison> {
    Region::ALL
        .iter()
        .map(|&region| RegionComparison {
            region,
            population_change: population_change(region, from, to, options),
            net_migration: net_migration_rate(region, migration_year, options),
            industry_shares: industry_shares(region, shares_year, options),
        })
        .collect()
}

/// A diagnostic for `renewal_calc::advisor::advise`, with where its baseline comes from.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CityDiagnostic {
    /// The advisor's diagnostic id (`population.cagr_minus_province`).
    pub id: &'static str,
    /// The value, in `unit`.
    pub value: f64,
    /// Unit.
    pub unit: &'static str,
    /// The rule behind the number.
    pub rule_source: &'static str,
    /// Province compared with.
    pub province: Region,
    /// First year of the common period.
    pub from_year: i32,
    /// Last year of the common period.
    pub to_year: i32,
    /// The city's CAGR over the period, fraction per year.
    pub city_cagr: f64,
    /// The province's CAGR over the period, fraction per year.
    pub province_cagr: f64,
    /// The province rows used.
    pub provenance: Vec<Provenance>,
}

/// The advisor id of the city-minus-province population growth.
pub const CAGR_MINUS_PROVINCE: &str = "population.cagr_minus_province";

const CAGR_MINUS_PROVINCE_SOURCE: &str = "city CAGR minus province CAGR over the same years on one basis; province = NBS year-end resident population revised to the 2020 census (northeast-context.md N1c) unless another series is chosen; CAGR as renewal_calc::trend::change (Open SDG growth_calculation); the city series is the user's own and should be on the same (post-2020-census) basis";

/// Diagnostics of a city's population series relative to its province, for the advisor.
///
/// The period is the first and last year that the city series and the province series (on
/// `options.series`) both have, within one segment of the province series.
///
/// # Formula
/// ```text
/// population.cagr_minus_province = CAGR_city(t0, t1) − CAGR_province(t0, t1)
/// ```
///
/// # Errors
/// [`ContextError::InvalidCityValue`] for a non-positive or non-finite city value;
/// [`ContextError::NoCommonPeriod`] when fewer than two years are shared;
/// [`ContextError::LowConfidence`] for a low-confidence province value unless included;
/// [`ContextError::Trend`] for a duplicated year.
pub fn city_population_diagnostics(
    city: &[(i32, f64)],
    province: Region,
    options: &CompareOptions,
) -> Result<Vec<CityDiagnostic>, ContextError> {
    for (index, &(year, value)) in city.iter().enumerate() {
        if !value.is_finite() || value <= 0.0 {
            return Err(ContextError::InvalidCityValue { index, year, value });
        }
    }
    let rows: Vec<(i32, Option<f64>)> = city.iter().map(|&(y, v)| (y, Some(v))).collect();
    TimeSeries::yearly(&rows)?;
    let base = series(province, Indicator::Population, options.series)?;
    // The latest segment of the province series with two or more years in common.
    let period = base.segments.iter().rev().find_map(|seg| {
        let mut years: Vec<i32> = city
            .iter()
            .map(|&(y, _)| y)
            .filter(|&y| y >= seg.from_year && y <= seg.to_year && base.point(y).is_some())
            .collect();
        years.sort_unstable();
        match (years.first(), years.last()) {
            (Some(&a), Some(&b)) if b > a => Some((a, b)),
            _ => None,
        }
    });
    let Some((from, to)) = period else {
        return Err(ContextError::NoCommonPeriod { province });
    };
    let province_change = base.consistent_change(from, to)?;
    gate(
        province_change.confidence,
        &province_change.provenance,
        options,
    )?;
    let value_at = |year: i32| city.iter().find(|&&(y, _)| y == year).map(|&(_, v)| v);
    let (Some(a), Some(b)) = (value_at(from), value_at(to)) else {
        return Err(ContextError::NoCommonPeriod { province });
    };
    let city_series = TimeSeries::yearly(&[(from, Some(a)), (to, Some(b))])?;
    let city_change = trend::change(&city_series, Some(f64::from(from)))?;
    let (Some(city_cagr), Some(province_cagr)) = (city_change.cagr, province_change.change.cagr)
    else {
        return Err(ContextError::NoCommonPeriod { province });
    };
    Ok(vec![CityDiagnostic {
        id: CAGR_MINUS_PROVINCE,
        value: city_cagr - province_cagr,
        unit: "fraction per year",
        rule_source: CAGR_MINUS_PROVINCE_SOURCE,
        province,
        from_year: from,
        to_year: to,
        city_cagr,
        province_cagr,
        provenance: province_change.provenance,
    }])
}
