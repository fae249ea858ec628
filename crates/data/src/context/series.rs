//! Yearly series out of the context tables, with the two statistical breaks as data, and the
//! only doors to `renewal_calc::trend` for them: change/CAGR and Mann–Kendall refuse to span a
//! break unless the caller takes the flagged variant.

use super::tables::{
    Basis, Confidence, Provenance, Region, Series, GDP_BY_INDUSTRY, NATURAL_GROWTH,
    NET_MIGRATION_DERIVED, POPULATION_AS_PUBLISHED, POPULATION_REVISED,
};
use super::ContextError;
use renewal_calc::trend::{self, Change, MannKendall, TimeSeries};

/// Which break.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum BreakId {
    /// Year-end population before / after the revision to the 2020 census.
    PopulationCensus2020,
    /// GDP before / after the 4th National Economic Census (reference year 2018).
    GdpEconomicCensus2018,
}

/// A statistical break: values on its two sides are on different bases and must not be joined
/// into one line, change or trend without saying so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Break {
    /// Which break.
    pub id: BreakId,
    /// What breaks.
    pub what: &'static str,
    /// The basis before the break.
    pub before: Basis,
    /// The basis after it.
    pub after: Basis,
    /// The last year on the old basis.
    pub last_year_before: i32,
    /// The first year on the new basis.
    pub first_year_after: i32,
    /// Why.
    pub why: &'static str,
    /// Where this is stated.
    pub source: &'static str,
}

/// The two breaks of 2014–2022 (`northeast-context.md`, "Caveats that apply throughout").
pub const BREAKS: [Break; 2] = [
    Break {
        id: BreakId::PopulationCensus2020,
        what: "year-end resident population",
        before: Basis::PopulationPreCensus2020,
        after: Basis::PopulationCensus2020,
        last_year_before: 2019,
        first_year_after: 2020,
        why: "Year-end population published before the 2020 census (2014-2019) overstated the census count; NBS later revised the pre-census years to fit the census. The revised series (N1c) and the figures as first published (N1d) differ by up to about 5 million in Heilongjiang (3751.3 vs 3255 ten-thousand for 2019). Don't mix the two in one time series.",
        source: "northeast-context.md, caveat 1 (Population); N1c (NBS E0103 via pik-piam/PyPSA-China-PIK) vs N1d (provincial communiques)",
    },
    Break {
        id: BreakId::GdpEconomicCensus2018,
        what: "GDP and its industry levels and shares",
        before: Basis::GdpPreEconomicCensus2018,
        after: Basis::GdpPostEconomicCensus2018,
        last_year_before: 2018,
        first_year_after: 2019,
        why: "Figures published from 2019 onward are on the basis of the 4th National Economic Census (reference year 2018), much lower in the Northeast: HLJ 2018 is 16361.6 as first published but HLJ 2019 is 13612.7; JL 2018 is 15074 but JL 2019 is 11726.82. A comparison across 2018/2019 is a revision, not growth.",
        source: "northeast-context.md, caveat 2 (GDP); N2 vintage column",
    },
];

/// The break between two bases, if any.
pub fn break_between(a: Basis, b: Basis) -> Option<&'static Break> {
    BREAKS
        .iter()
        .find(|k| (k.before == a && k.after == b) || (k.before == b && k.after == a))
}

/// A quantity of the context tables that can be read as a yearly series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Indicator {
    /// Year-end resident population, 10k persons (N1c / N1d).
    Population,
    /// GDP, 100 million yuan (N2).
    Gdp,
    /// Primary industry value added, 100 million yuan (N2).
    PrimaryIndustry,
    /// Secondary industry value added, 100 million yuan (N2).
    SecondaryIndustry,
    /// Tertiary industry value added, 100 million yuan (N2).
    TertiaryIndustry,
    /// Primary share of GDP, % (N2).
    PrimaryShare,
    /// Secondary share of GDP, % (N2).
    SecondaryShare,
    /// Tertiary share of GDP, % (N2).
    TertiaryShare,
    /// Natural growth rate, ‰ (N4).
    NaturalGrowthRate,
    /// Derived net migration, 10k persons (N4b; not an official statistic).
    NetMigration,
}

impl Indicator {
    /// The unit of the values.
    pub const fn unit(self) -> &'static str {
        match self {
            Self::Population | Self::NetMigration => "10k persons",
            Self::Gdp
            | Self::PrimaryIndustry
            | Self::SecondaryIndustry
            | Self::TertiaryIndustry => "100 million yuan (current prices)",
            Self::PrimaryShare | Self::SecondaryShare | Self::TertiaryShare => "% of GDP",
            Self::NaturalGrowthRate => "‰",
        }
    }

    fn is_level(self) -> bool {
        matches!(
            self,
            Self::Population
                | Self::Gdp
                | Self::PrimaryIndustry
                | Self::SecondaryIndustry
                | Self::TertiaryIndustry
                | Self::NetMigration
        )
    }
}

/// One value of a series with where it comes from.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SeriesPoint {
    /// Year.
    pub year: i32,
    /// The value in [`ContextSeries::unit`].
    pub value: f64,
    /// Its basis.
    pub basis: Basis,
    /// The lowest confidence among its sources.
    pub confidence: Confidence,
    /// Computed (a sum of the provinces, a share from levels, a residual), not read as printed.
    pub derived: bool,
    /// Every row it rests on.
    pub provenance: Vec<Provenance>,
}

/// A run of consecutive points on one basis: the part of a series that may be drawn as one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Segment {
    /// The basis.
    pub basis: Basis,
    /// First year.
    pub from_year: i32,
    /// Last year.
    pub to_year: i32,
    /// Number of points.
    pub points: usize,
}

/// A yearly series with its consistent segments and the breaks between them.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ContextSeries {
    /// Region.
    pub region: Region,
    /// Indicator.
    pub indicator: Indicator,
    /// The series asked for.
    pub series: Series,
    /// Unit of the values.
    pub unit: &'static str,
    /// The values in year order (years without a verified value are absent).
    pub points: Vec<SeriesPoint>,
    /// Runs of one basis; draw each as its own line.
    pub segments: Vec<Segment>,
    /// The breaks between consecutive segments.
    pub breaks: Vec<Break>,
}

/// A change over a consistent period: both ends and everything between on one basis.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ConsistentChange {
    /// Absolute and percent change and CAGR from `renewal_calc::trend::change` (CAGR as a
    /// fraction per year).
    pub change: Change,
    /// The one basis of the period.
    pub basis: Basis,
    /// The lowest confidence of the two end values.
    pub confidence: Confidence,
    /// The rows of the two end values.
    pub provenance: Vec<Provenance>,
}

/// A change computed although it spans a break: never to be shown without `crosses`.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct FlaggedChange {
    /// The arithmetic change; across a break it mixes a revision with real change.
    pub change: Change,
    /// The breaks it spans (empty when the period is consistent).
    pub crosses: Vec<Break>,
    /// `crosses.is_empty()`.
    pub comparable: bool,
    /// The rows of the two end values.
    pub provenance: Vec<Provenance>,
}

/// The yearly series of one indicator for one region.
///
/// # Series
/// `Series::Revised` is the consistent default: population revised to the 2020 census (N1c); GDP
/// levels and shares only on the 4th-economic-census basis (2019 onward). `Series::AsFirstPublished`
/// gives every value as published (N1d; all N2 rows) and lists the break between its segments.
/// Natural growth rates are the same in both (sample-survey rates, not revised).
///
/// # Northeast
/// Uses the reference's own total where it has one (N1c's computed sum). Otherwise the three
/// provinces are summed for a year only when all three have a value on the same basis (marked
/// `derived`, lowest confidence of the three); shares of the total come from summed levels. No
/// Northeast natural growth rate is derived (a population-weighted rate is not in the reference).
///
/// # Errors
/// [`ContextError::NoData`] when no value exists.
pub fn series(
    region: Region,
    indicator: Indicator,
    series: Series,
) -> Result<ContextSeries, ContextError> {
    let mut points = match (region, indicator) {
        (Region::Northeast, Indicator::NaturalGrowthRate) => Vec::new(),
        (Region::Northeast, Indicator::Population) if series == Series::Revised => {
            province_points(region, indicator, series)
        }
        (Region::Northeast, _) => northeast_points(indicator, series),
        _ => province_points(region, indicator, series),
    };
    points.sort_by_key(|p| p.year);
    if points.is_empty() {
        return Err(ContextError::NoData {
            region,
            indicator,
            series,
        });
    }
    let mut segments: Vec<Segment> = Vec::new();
    let mut breaks = Vec::new();
    for p in &points {
        match segments.last_mut() {
            Some(s) if s.basis == p.basis => {
                s.to_year = p.year;
                s.points += 1;
            }
            last => {
                if let Some(k) = last.and_then(|s| break_between(s.basis, p.basis)) {
                    breaks.push(*k);
                }
                segments.push(Segment {
                    basis: p.basis,
                    from_year: p.year,
                    to_year: p.year,
                    points: 1,
                });
            }
        }
    }
    Ok(ContextSeries {
        region,
        indicator,
        series,
        unit: indicator.unit(),
        points,
        segments,
        breaks,
    })
}

fn point(
    year: i32,
    value: f64,
    basis: Basis,
    provenance: Provenance,
    derived: bool,
) -> SeriesPoint {
    SeriesPoint {
        year,
        value,
        basis,
        confidence: provenance.confidence,
        derived: derived || provenance.derived,
        provenance: vec![provenance],
    }
}

fn province_points(region: Region, indicator: Indicator, series: Series) -> Vec<SeriesPoint> {
    match indicator {
        Indicator::Population => {
            let table = match series {
                Series::Revised => POPULATION_REVISED,
                Series::AsFirstPublished => POPULATION_AS_PUBLISHED,
            };
            table
                .iter()
                .filter(|r| r.region == region)
                .map(|r| point(r.year, r.population_10k, r.basis, r.provenance, false))
                .collect()
        }
        Indicator::NaturalGrowthRate => NATURAL_GROWTH
            .iter()
            .filter(|r| r.region == region)
            .map(|r| {
                let b = Basis::SampleSurveyRate;
                point(
                    r.year,
                    r.natural_growth_rate_permille,
                    b,
                    r.provenance,
                    false,
                )
            })
            .collect(),
        Indicator::NetMigration => NET_MIGRATION_DERIVED
            .iter()
            .filter(|r| r.region == region && r.series == series)
            .map(|r| {
                let basis = match series {
                    Series::Revised => Basis::PopulationCensus2020,
                    Series::AsFirstPublished if r.year <= 2019 => Basis::PopulationPreCensus2020,
                    Series::AsFirstPublished => Basis::PopulationCensus2020,
                };
                point(
                    r.year,
                    r.net_migration_10k_derived,
                    basis,
                    r.provenance,
                    true,
                )
            })
            .collect(),
        _ => GDP_BY_INDUSTRY
            .iter()
            .filter(|r| r.region == region)
            .filter(|r| {
                series == Series::AsFirstPublished || r.basis == Basis::GdpPostEconomicCensus2018
            })
            .filter_map(|r| {
                let (value, derived) = match indicator {
                    Indicator::Gdp => (r.gdp_total_100m_yuan?, false),
                    Indicator::PrimaryIndustry => (r.primary_100m_yuan?, false),
                    Indicator::SecondaryIndustry => (r.secondary_100m_yuan?, false),
                    Indicator::TertiaryIndustry => (r.tertiary_100m_yuan?, false),
                    Indicator::PrimaryShare => (r.primary_share_pct?, computed(r.share_basis)),
                    Indicator::SecondaryShare => (r.secondary_share_pct?, computed(r.share_basis)),
                    Indicator::TertiaryShare => (r.tertiary_share_pct?, computed(r.share_basis)),
                    _ => return None,
                };
                Some(point(r.year, value, r.basis, r.provenance, derived))
            })
            .collect(),
    }
}

fn computed(basis: Option<super::tables::ShareBasis>) -> bool {
    basis == Some(super::tables::ShareBasis::ComputedFromLevels)
}

/// Sums the three provinces year by year where all three have a value on one basis.
fn sum_provinces(indicator: Indicator, series: Series) -> Vec<SeriesPoint> {
    let per_province: Vec<Vec<SeriesPoint>> = Region::PROVINCES
        .iter()
        .map(|&r| province_points(r, indicator, series))
        .collect();
    let Some((first, rest)) = per_province.split_first() else {
        return Vec::new();
    };
    first
        .iter()
        .filter_map(|p| {
            let mut total = p.clone();
            total.derived = true;
            for other in rest {
                let q = other
                    .iter()
                    .find(|q| q.year == p.year && q.basis == p.basis)?;
                total.value += q.value;
                total.confidence = total.confidence.min(q.confidence);
                total.provenance.extend(q.provenance.iter().copied());
            }
            Some(total)
        })
        .collect()
}

fn northeast_points(indicator: Indicator, series: Series) -> Vec<SeriesPoint> {
    let share_of = |part: Indicator| -> Vec<SeriesPoint> {
        let totals = sum_provinces(Indicator::Gdp, series);
        sum_provinces(part, series)
            .into_iter()
            .filter_map(|mut p| {
                let t = totals
                    .iter()
                    .find(|t| t.year == p.year && t.basis == p.basis)?;
                if t.value <= 0.0 {
                    return None;
                }
                p.value = 100.0 * p.value / t.value;
                p.confidence = p.confidence.min(t.confidence);
                Some(p)
            })
            .collect()
    };
    match indicator {
        Indicator::PrimaryShare => share_of(Indicator::PrimaryIndustry),
        Indicator::SecondaryShare => share_of(Indicator::SecondaryIndustry),
        Indicator::TertiaryShare => share_of(Indicator::TertiaryIndustry),
        i if i.is_level() => sum_provinces(i, series),
        _ => Vec::new(),
    }
}

/// The rows of two values, each row once.
fn merged(a: &[Provenance], b: &[Provenance]) -> Vec<Provenance> {
    let mut out = a.to_vec();
    for p in b {
        if !out.contains(p) {
            out.push(*p);
        }
    }
    out
}

impl ContextSeries {
    /// The point of `year`, if present.
    pub fn point(&self, year: i32) -> Option<&SeriesPoint> {
        self.points.iter().find(|p| p.year == year)
    }

    /// The breaks between `from` and `to` (both years inclusive), from the points' bases.
    pub fn breaks_between(&self, from: i32, to: i32) -> Vec<Break> {
        let (lo, hi) = (from.min(to), from.max(to));
        let inside: Vec<&SeriesPoint> = self
            .points
            .iter()
            .filter(|p| p.year >= lo && p.year <= hi)
            .collect();
        let mut out: Vec<Break> = Vec::new();
        for pair in inside.windows(2) {
            if let [a, b] = pair {
                if let Some(k) = break_between(a.basis, b.basis) {
                    if !out.contains(k) {
                        out.push(*k);
                    }
                }
            }
        }
        out
    }

    fn ends(&self, from: i32, to: i32) -> Result<(&SeriesPoint, &SeriesPoint), ContextError> {
        if to <= from {
            return Err(ContextError::NotAfter { from, to });
        }
        let a = self
            .point(from)
            .ok_or(ContextError::YearNotInSeries { year: from })?;
        let b = self
            .point(to)
            .ok_or(ContextError::YearNotInSeries { year: to })?;
        Ok((a, b))
    }

    fn change_unchecked(&self, from: i32, to: i32) -> Result<Change, ContextError> {
        let (a, b) = self.ends(from, to)?;
        let ts = TimeSeries::yearly(&[(from, Some(a.value)), (to, Some(b.value))])?;
        Ok(trend::change(&ts, Some(f64::from(from)))?)
    }

    /// Change and CAGR from `from` to `to`, only if the period lies on one basis.
    ///
    /// # Formula
    /// `renewal_calc::trend::change` (Open SDG `growth_calculation`):
    /// ```text
    /// CAGR = (x_to / x_from)^(1/(to − from)) − 1
    /// ```
    ///
    /// # Errors
    /// [`ContextError::CrossesBreak`] when a break lies between the two years (use
    /// [`ContextSeries::change_flagged`] to compute it anyway, flagged);
    /// [`ContextError::YearNotInSeries`], [`ContextError::NotAfter`].
    pub fn consistent_change(&self, from: i32, to: i32) -> Result<ConsistentChange, ContextError> {
        let (a, b) = self.ends(from, to)?;
        if let Some(k) = self.breaks_between(from, to).first() {
            return Err(ContextError::CrossesBreak { from, to, id: k.id });
        }
        Ok(ConsistentChange {
            change: self.change_unchecked(from, to)?,
            basis: a.basis,
            confidence: a.confidence.min(b.confidence),
            provenance: merged(&a.provenance, &b.provenance),
        })
    }

    /// The same arithmetic as [`ContextSeries::consistent_change`] without the refusal: the
    /// result lists the breaks it spans and says whether it is comparable.
    ///
    /// # Errors
    /// [`ContextError::YearNotInSeries`], [`ContextError::NotAfter`].
    pub fn change_flagged(&self, from: i32, to: i32) -> Result<FlaggedChange, ContextError> {
        let (a, b) = self.ends(from, to)?;
        let crosses = self.breaks_between(from, to);
        Ok(FlaggedChange {
            change: self.change_unchecked(from, to)?,
            comparable: crosses.is_empty(),
            crosses,
            provenance: merged(&a.provenance, &b.provenance),
        })
    }

    /// Mann–Kendall test over the points from `from` to `to`, only if they lie on one basis.
    ///
    /// # Standard
    /// Mann (1945), Kendall (1975), as `renewal_calc::trend::mann_kendall`.
    ///
    /// # Errors
    /// [`ContextError::CrossesBreak`]; [`ContextError::NotAfter`]; a [`ContextError::Trend`]
    /// error (too few points, bad alpha) from the test.
    pub fn consistent_mann_kendall(
        &self,
        from: i32,
        to: i32,
        alpha: f64,
    ) -> Result<MannKendall, ContextError> {
        if to <= from {
            return Err(ContextError::NotAfter { from, to });
        }
        if let Some(k) = self.breaks_between(from, to).first() {
            return Err(ContextError::CrossesBreak { from, to, id: k.id });
        }
        let values: Vec<f64> = self
            .points
            .iter()
            .filter(|p| p.year >= from && p.year <= to)
            .map(|p| p.value)
            .collect();
        Ok(trend::mann_kendall(&values, alpha)?)
    }
}
