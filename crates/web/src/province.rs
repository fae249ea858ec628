//! The user's cities beside Liaoning, Jilin, Heilongjiang and the Northeast total (issue 9), as
//! plain data for the population and industry views. No browser types: tested natively.
//!
//! Population: the comparison period is the first and last year the city shares with the
//! Northeast's population series on the chosen series, within one of its segments (one basis),
//! so no change, CAGR or index line ever spans the 2019/2020 census revision. The city's change,
//! CAGR and net migration (residual method) come from `renewal_calc::population`; the regions'
//! from `renewal_data::context` (which refuses a period across a break and gates low-confidence
//! rows).
//!
//! Industry: the city's primary/secondary/tertiary shares of the sum of the three value-added
//! series, HHI and Shannon evenness (`renewal_calc::structure::concentration`), beside the
//! regions' shares for the same year, or the nearest year on the same side of the 2018/2019
//! economic-census break.

use crate::charts::{escape_html, PALETTE};
use crate::state::City;
use charming::component::{Aria, Axis, Grid, Legend, Title};
use charming::element::{AxisType, ItemStyle, LineStyle, NameLocation, Tooltip, Trigger};
use charming::series::Line;
use charming::Chart;
use renewal_calc::population::{self, PopulationError, PopulationYear};
use renewal_calc::structure::{concentration, Concentration, StructureError};
use renewal_data::context::{
    self, BreakId, CompareOptions, ContextError, Indicator, IndustryShares, NetMigrationRate,
    PopulationChange, Provenance, Region, Series, BREAKS,
};
use renewal_data::{IndicatorId, Lang};

/// Persons per 10k persons: the workspace stores persons (the catalogue's canonical unit), the
/// context tables 10k persons (万人).
pub const PERSONS_PER_10K: f64 = 10_000.0;

/// The city's own population figures over the comparison period, in 10k persons.
#[derive(Debug, Clone, PartialEq)]
pub struct CityPopulation {
    /// First year.
    pub from_year: i32,
    /// Last year.
    pub to_year: i32,
    /// Population in the first year, 10k persons.
    pub from_10k: f64,
    /// Population in the last year, 10k persons.
    pub to_10k: f64,
    /// Change, 10k persons.
    pub change_10k: f64,
    /// Change, % of the first year.
    pub change_pct: f64,
    /// Compound annual growth, fraction per year.
    pub cagr: Option<f64>,
    /// The latest year in the period with a net-migration estimate, and its rate per 1,000 of
    /// the mid-year population (residual method; derived).
    pub net_migration: Option<(i32, f64)>,
}

/// Why the city's own figures could not be computed.
#[derive(Debug, Clone, PartialEq)]
pub enum CityProblem {
    /// Fewer than two years of population.
    TooFewYears,
    /// The engine refused the rows.
    Invalid(PopulationError),
}

/// One region's row.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionPopulation {
    /// Region.
    pub region: Region,
    /// Change and CAGR over the period.
    pub change: Result<PopulationChange, ContextError>,
    /// Net migration rate in the city's migration year (or the period's last year).
    pub migration: Result<NetMigrationRate, ContextError>,
}

/// The population comparison of one city.
#[derive(Debug, Clone, PartialEq)]
pub struct PopulationComparison {
    /// The period compared; `None` when the city has fewer than two years.
    pub period: Option<(i32, i32)>,
    /// Whether the period is shared with the regions' series (otherwise it is the city's own
    /// span and the regions are not compared).
    pub shared: bool,
    /// The city's figures.
    pub city: Result<CityPopulation, CityProblem>,
    /// Liaoning, Jilin, Heilongjiang, Northeast.
    pub regions: Vec<RegionPopulation>,
}

/// The latest segment of the Northeast population series on `series` that holds two or more of
/// `years`: its first and last such year.
pub fn comparison_period(years: &[i32], series: Series) -> Option<(i32, i32)> {
    let base = context::series(Region::Northeast, Indicator::Population, series).ok()?;
    base.segments.iter().rev().find_map(|seg| {
        let inside: Vec<i32> = years
            .iter()
            .copied()
            .filter(|&y| y >= seg.from_year && y <= seg.to_year && base.point(y).is_some())
            .collect();
        match (inside.iter().min(), inside.iter().max()) {
            (Some(&a), Some(&b)) if b > a => Some((a, b)),
            _ => None,
        }
    })
}

fn rows_in(city: &City, from: i32, to: i32) -> Vec<PopulationYear> {
    let get = |id: IndicatorId, y: i32| city.series.get(&id).and_then(|s| s.get(&y)).copied();
    city.annual(IndicatorId::Population)
        .into_iter()
        .filter(|(y, _)| *y >= from && *y <= to)
        .map(|(year, persons)| PopulationYear {
            year,
            population: persons / PERSONS_PER_10K,
            births: get(IndicatorId::Births, year).map(|b| b / PERSONS_PER_10K),
            deaths: get(IndicatorId::Deaths, year).map(|d| d / PERSONS_PER_10K),
            natural_growth_rate_permille: get(IndicatorId::NaturalGrowthRate, year),
            ..PopulationYear::default()
        })
        .collect()
}

/// The city's change, CAGR and latest net migration rate from `from` to `to`.
///
/// # Formula
/// `renewal_calc::population::assess` on the city's rows in the period (10k persons):
/// ```text
/// CAGR = (P_to / P_from)^(1/(to − from)) − 1
/// net migration_t = (P_t − P_{t−1}) − natural increase_t   (births − deaths, or NGR × mid-year P)
/// rate = 1000 × net migration_t / ((P_{t−1} + P_t) / 2)
/// ```
///
/// # Errors
/// [`CityProblem::TooFewYears`] with fewer than two years in the period;
/// [`CityProblem::Invalid`] for values the engine refuses (non-positive population …).
pub fn city_population(city: &City, from: i32, to: i32) -> Result<CityPopulation, CityProblem> {
    let rows = rows_in(city, from, to);
    if rows.len() < 2 {
        return Err(CityProblem::TooFewYears);
    }
    let report = population::assess(&rows).map_err(CityProblem::Invalid)?;
    let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
        return Err(CityProblem::TooFewYears);
    };
    let net_migration = report
        .intervals
        .iter()
        .rev()
        .find_map(|i| i.net_migration_per_1000.map(|m| (i.to_year, m)));
    Ok(CityPopulation {
        from_year: first.year,
        to_year: last.year,
        from_10k: first.population,
        to_10k: last.population,
        change_10k: report.overall.change,
        change_pct: report.overall.change_rate * 100.0,
        cagr: report.overall.cagr,
        net_migration,
    })
}

/// The population comparison of `city` on `options.series`.
pub fn population_comparison(city: &City, options: &CompareOptions) -> PopulationComparison {
    let years: Vec<i32> = city
        .annual(IndicatorId::Population)
        .iter()
        .map(|(y, _)| *y)
        .collect();
    let shared = comparison_period(&years, options.series);
    let own = match (years.first(), years.last()) {
        (Some(&a), Some(&b)) if b > a => Some((a, b)),
        _ => None,
    };
    let period = shared.or(own);
    let city_result = match period {
        Some((from, to)) => city_population(city, from, to),
        None => Err(CityProblem::TooFewYears),
    };
    let regions = match shared {
        Some((from, to)) => {
            let migration_year = city_result
                .as_ref()
                .ok()
                .and_then(|c| c.net_migration.map(|(y, _)| y))
                .unwrap_or(to);
            Region::ALL
                .iter()
                .map(|&region| RegionPopulation {
                    region,
                    change: context::population_change(region, from, to, options),
                    migration: context::net_migration_rate(region, migration_year, options),
                })
                .collect()
        }
        None => Vec::new(),
    };
    PopulationComparison {
        period,
        shared: shared.is_some(),
        city: city_result,
        regions,
    }
}

/// One line of the population index chart: a run of values on one basis.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexLine {
    /// The region, or `None` for the city.
    pub region: Option<Region>,
    /// The year whose value is 100.
    pub base_year: i32,
    /// (year, index) in year order.
    pub points: Vec<(i32, f64)>,
}

fn index_of(points: &[(i32, f64)], base_year: i32) -> Option<Vec<(i32, f64)>> {
    let base = points.iter().find(|(y, _)| *y == base_year)?.1;
    (base > 0.0).then(|| points.iter().map(|&(y, v)| (y, 100.0 * v / base)).collect())
}

/// The index lines (base year = 100) of the city and the four regions over `period`: the city
/// as one line, each region as one line per segment of its series (never joined across a
/// break), each based on the period's first year when the segment holds it, else on the
/// segment's own first year in the period.
pub fn index_lines(city: &City, period: (i32, i32), series: Series) -> Vec<IndexLine> {
    let (from, to) = period;
    let mut lines = Vec::new();
    let city_points: Vec<(i32, f64)> = city
        .annual(IndicatorId::Population)
        .into_iter()
        .filter(|(y, _)| *y >= from && *y <= to)
        .collect();
    if let Some(points) = index_of(&city_points, from) {
        lines.push(IndexLine {
            region: None,
            base_year: from,
            points,
        });
    }
    for region in Region::ALL {
        let Ok(s) = context::series(region, Indicator::Population, series) else {
            continue;
        };
        for seg in &s.segments {
            let points: Vec<(i32, f64)> = s
                .points
                .iter()
                .filter(|p| p.year >= from.max(seg.from_year) && p.year <= to.min(seg.to_year))
                .map(|p| (p.year, p.value))
                .collect();
            let Some(&(first, _)) = points.first() else {
                continue;
            };
            let base_year = if first == from { from } else { first };
            if let Some(points) = index_of(&points, base_year) {
                lines.push(IndexLine {
                    region: Some(region),
                    base_year,
                    points,
                });
            }
        }
    }
    lines
}

/// The colour of a line: the city first, then the regions, from [`PALETTE`] (a region keeps its
/// colour on both sides of a break).
pub fn line_colour(region: Option<Region>) -> &'static str {
    let i = match region {
        None => 0,
        Some(Region::Liaoning) => 1,
        Some(Region::Jilin) => 2,
        Some(Region::Heilongjiang) => 3,
        Some(Region::Northeast) => 6,
    };
    PALETTE.get(i).copied().unwrap_or("#000000")
}

/// The population index chart: one category per year of `period`, one line per [`IndexLine`]
/// (named in the reader's language; names are escaped here, the fixed `title` is not), gaps as
/// nulls that are never bridged.
pub fn index_chart(
    title: &str,
    axis: &str,
    period: (i32, i32),
    lines: &[(String, IndexLine)],
) -> Chart {
    let years: Vec<i32> = (period.0..=period.1).collect();
    let mut chart = Chart::new()
        .title(Title::new().text(title).left("center"))
        .aria(Aria::new().enabled(true))
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .legend(Legend::new().bottom(0))
        .grid(Grid::new().left(56).right(32).top(56).bottom(72))
        .x_axis(
            Axis::new()
                .type_(AxisType::Category)
                .data(years.iter().map(|y| y.to_string()).collect()),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Value)
                .scale(true)
                .name(axis)
                .name_location(NameLocation::End),
        );
    for (name, line) in lines {
        let data: Vec<Option<f64>> = years
            .iter()
            .map(|y| {
                line.points
                    .iter()
                    .find(|(py, _)| py == y)
                    .map(|(_, v)| (v * 100.0).round() / 100.0)
            })
            .collect();
        let colour = line_colour(line.region);
        chart = chart.series(
            Line::new()
                .name(escape_html(name))
                .connect_nulls(false)
                .item_style(ItemStyle::new().color(colour))
                .line_style(LineStyle::new().color(colour))
                .data(data),
        );
    }
    chart
}

/// The population break, for the note under the chart.
pub fn population_break() -> Option<&'static context::Break> {
    BREAKS
        .iter()
        .find(|b| b.id == BreakId::PopulationCensus2020)
}

/// The GDP break, for the industry view's note.
pub fn gdp_break() -> Option<&'static context::Break> {
    BREAKS
        .iter()
        .find(|b| b.id == BreakId::GdpEconomicCensus2018)
}

/// The city's industrial structure in one year.
#[derive(Debug, Clone, PartialEq)]
pub struct CityStructure {
    /// Year.
    pub year: i32,
    /// Primary, secondary, tertiary value added, 10^8 yuan.
    pub value_added: [f64; 3],
    /// Shares, HHI and evenness of the three.
    pub concentration: Concentration,
}

/// The latest year in which the city has all three value-added series.
pub fn latest_structure_year(city: &City) -> Option<i32> {
    let years = |id| {
        city.series
            .get(&id)
            .map(|s| s.keys().copied().collect::<Vec<_>>())
            .unwrap_or_default()
    };
    let secondary = years(IndicatorId::ValueAddedSecondary);
    let tertiary = years(IndicatorId::ValueAddedTertiary);
    years(IndicatorId::ValueAddedPrimary)
        .into_iter()
        .rev()
        .find(|y| secondary.contains(y) && tertiary.contains(y))
}

/// Shares of the three industries, HHI and Shannon evenness of the city in `year`.
///
/// # Formula
/// `renewal_calc::structure::concentration` on (primary, secondary, tertiary):
/// ```text
/// s_i = x_i / Σx   HHI = Σ s_i²   J = −Σ s_i ln s_i / ln 3
/// ```
///
/// # Errors
/// A negative or non-finite value, or a zero total ([`StructureError`]); `None` when a sector is
/// missing that year.
pub fn city_structure(city: &City, year: i32) -> Option<Result<CityStructure, StructureError>> {
    let get = |id: IndicatorId| city.series.get(&id).and_then(|s| s.get(&year)).copied();
    let values = [
        get(IndicatorId::ValueAddedPrimary)?,
        get(IndicatorId::ValueAddedSecondary)?,
        get(IndicatorId::ValueAddedTertiary)?,
    ];
    Some(concentration(&values).map(|c| CityStructure {
        year,
        value_added: values,
        concentration: c,
    }))
}

/// The last year on the old GDP basis (2018): shares on the two sides are not comparable.
fn gdp_side(year: i32) -> bool {
    gdp_break().is_some_and(|b| year >= b.first_year_after)
}

/// One region's shares beside a city year.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionStructure {
    /// Region.
    pub region: Region,
    /// The shares (of the city's year, or the nearest year on the same GDP basis).
    pub shares: Result<IndustryShares, ContextError>,
    /// Whether `shares` is of another year than asked (the nearest on the same basis).
    pub nearest: bool,
    /// HHI and evenness of the three shares, when the primary share is verified.
    pub concentration: Option<Concentration>,
}

/// The regions' shares for `year`; where a region has none that year, the nearest year on the
/// same side of the 2018/2019 GDP break (2014–2018 or 2019 on), marked `nearest`.
pub fn region_structures(year: i32, options: &CompareOptions) -> Vec<RegionStructure> {
    Region::ALL
        .iter()
        .map(|&region| {
            let mut nearest = false;
            let mut shares = context::industry_shares(region, year, options);
            if matches!(shares, Err(ContextError::YearNotInSeries { .. })) {
                let mut candidates: Vec<i32> = (2010..=2030)
                    .filter(|&y| y != year && gdp_side(y) == gdp_side(year))
                    .collect();
                candidates.sort_by_key(|&y| ((y - year).abs(), -y));
                if let Some(found) = candidates.into_iter().find_map(|y| {
                    match context::industry_shares(region, y, options) {
                        Err(ContextError::YearNotInSeries { .. }) => None,
                        other => Some(other),
                    }
                }) {
                    shares = found;
                    nearest = true;
                }
            }
            let concentration = shares.as_ref().ok().and_then(|s| {
                let p = s.primary_share_pct?;
                concentration(&[p, s.secondary_share_pct, s.tertiary_share_pct]).ok()
            });
            RegionStructure {
                region,
                shares,
                nearest,
                concentration,
            }
        })
        .collect()
}

/// A region's name in `lang`.
pub fn region_name(region: Region, lang: Lang) -> &'static str {
    match lang {
        Lang::En => region.name_en(),
        Lang::Zh => region.name_zh(),
    }
}

/// Each (table, source) once, in order.
pub fn distinct_sources<'a>(
    provenance: impl IntoIterator<Item = &'a Provenance>,
) -> Vec<Provenance> {
    let mut out: Vec<Provenance> = Vec::new();
    for p in provenance {
        if !out
            .iter()
            .any(|q| q.table == p.table && q.source == p.source)
        {
            out.push(*p);
        }
    }
    out
}

/// The confidence word in `lang`.
pub fn confidence_word(c: context::Confidence, lang: Lang) -> &'static str {
    use context::Confidence as C;
    match c {
        C::High => lang.pick("high", "高"),
        C::MediumHigh => lang.pick("medium-high", "中高"),
        C::Medium => lang.pick("medium", "中"),
        C::Low => lang.pick("low", "低"),
        C::NotVerified => lang.pick("not verified", "未核实"),
    }
}

/// Why a region's value is missing, in `lang`.
pub fn reason(e: &ContextError, lang: Lang) -> String {
    match e {
        ContextError::CrossesBreak { from, to, id } => match (id, lang) {
            (BreakId::PopulationCensus2020, Lang::En) => format!("not computed: {from}–{to} spans the 2019/2020 census revision"),
            (BreakId::PopulationCensus2020, Lang::Zh) => format!("未计算：{from}–{to} 跨越 2019/2020 年人口普查修订断点"),
            (_, Lang::En) => format!("not computed: {from}–{to} spans the 2018/2019 economic-census revision"),
            (_, Lang::Zh) => format!("未计算：{from}–{to} 跨越 2018/2019 年经济普查修订断点"),
        },
        ContextError::LowConfidence { .. } => lang
            .pick(
                "left out: low confidence (tick “include low-confidence values” to show it, marked ⚠)",
                "未列入：可信度低（勾选“包含低可信度数值”后显示，并标 ⚠）",
            )
            .to_string(),
        ContextError::YearNotInSeries { year } => match lang {
            Lang::En => format!("no verified value for {year}"),
            Lang::Zh => format!("{year} 年无已核实数值"),
        },
        ContextError::NoData { .. } => lang.pick("no data in the reference", "参考资料中无数据").to_string(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn city(values: &[(IndicatorId, &[(i32, f64)])]) -> City {
        let mut series = BTreeMap::new();
        for (id, vals) in values {
            series.insert(*id, vals.iter().copied().collect());
        }
        City {
            id: 7,
            name: "T".into(),
            hidden: false,
            example: false,
            series,
        }
    }

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn period_is_the_citys_years_within_the_revised_series() {
        assert_eq!(
            comparison_period(&[2010, 2016, 2019, 2022, 2024], Series::Revised),
            Some((2016, 2022))
        );
        assert_eq!(comparison_period(&[2016], Series::Revised), None);
        assert_eq!(comparison_period(&[2000, 2005], Series::Revised), None);
    }

    #[test]
    fn period_on_the_first_published_figures_never_spans_the_census_break() {
        // As first published, the Northeast total exists for 2015, 2018, 2019 (old basis) and
        // 2021 (census basis): the latest segment holding two city years is 2015-2019.
        let p = comparison_period(&[2015, 2018, 2019, 2021, 2022], Series::AsFirstPublished);
        assert_eq!(p, Some((2015, 2019)));
    }

    #[test]
    fn city_change_cagr_and_net_migration_match_hand_computation() {
        // 3,400,000 -> 3,300,000 persons over 2016-2018; 2018 births 20,000, deaths 26,000.
        let c = city(&[
            (
                IndicatorId::Population,
                &[
                    (2016, 3_400_000.0),
                    (2017, 3_360_000.0),
                    (2018, 3_300_000.0),
                ],
            ),
            (IndicatorId::Births, &[(2018, 20_000.0)]),
            (IndicatorId::Deaths, &[(2018, 26_000.0)]),
        ]);
        let cmp = population_comparison(&c, &CompareOptions::default());
        assert_eq!(cmp.period, Some((2016, 2018)));
        assert!(cmp.shared);
        let p = cmp.city.unwrap();
        assert_eq!(p.from_10k, 340.0);
        assert_eq!(p.change_10k, -10.0);
        assert!(close(p.change_pct, -10.0 / 340.0 * 100.0, 1e-12));
        // CAGR = (330/340)^(1/2) - 1 = -0.014815
        assert!(close(
            p.cagr.unwrap(),
            (330.0f64 / 340.0).sqrt() - 1.0,
            1e-12
        ));
        // 2018: change -6, natural increase 2.0 - 2.6 = -0.6, migration -5.4 (10k);
        // mid-year 333 -> -5.4 / 333 * 1000 = -16.2162 per 1,000.
        let (year, rate) = p.net_migration.unwrap();
        assert_eq!(year, 2018);
        assert!(close(rate, -5.4 / 333.0 * 1000.0, 1e-9));
        // Regions over the same 2016-2018 on the revised series (N1c):
        // Liaoning 4327 -> 4291, CAGR = (4291/4327)^(1/2) - 1.
        let ln = &cmp.regions[0];
        assert_eq!(ln.region, Region::Liaoning);
        let ch = ln.change.as_ref().unwrap();
        assert_eq!((ch.from_10k, ch.to_10k), (4327.0, 4291.0));
        assert!(close(
            ch.cagr.unwrap(),
            (4291.0f64 / 4327.0).sqrt() - 1.0,
            1e-12
        ));
        let ne = &cmp.regions[3];
        assert_eq!(ne.change.as_ref().unwrap().to_10k, 10102.0);
        // N4b is derived and rated low: left out by default, with its note.
        assert!(matches!(
            ln.migration,
            Err(ContextError::LowConfidence { .. })
        ));
    }

    #[test]
    fn low_confidence_migration_is_included_and_marked_on_request() {
        let c = city(&[(
            IndicatorId::Population,
            &[(2018, 1_000_000.0), (2019, 990_000.0)],
        )]);
        let options = CompareOptions {
            include_low_confidence: true,
            ..CompareOptions::default()
        };
        let cmp = population_comparison(&c, &options);
        let ln = cmp.regions[0].migration.as_ref().unwrap();
        assert_eq!(ln.year, 2019);
        assert!(ln.low_confidence && ln.derived);
        // The city gave no births, deaths or rate: no estimate of its own.
        assert_eq!(cmp.city.unwrap().net_migration, None);
    }

    #[test]
    fn natural_growth_rate_stands_in_for_births_and_deaths() {
        // 2015: 100 -> 99 (10k), NGR -2 ‰: natural -0.199, migration -0.801, rate -8.0503 ‰.
        let c = city(&[
            (
                IndicatorId::Population,
                &[(2014, 1_000_000.0), (2015, 990_000.0)],
            ),
            (IndicatorId::NaturalGrowthRate, &[(2015, -2.0)]),
        ]);
        let p = city_population(&c, 2014, 2015).unwrap();
        let mid = 99.5;
        let m = -1.0 - (-2.0 / 1000.0 * mid);
        assert!(close(p.net_migration.unwrap().1, m / mid * 1000.0, 1e-9));
    }

    #[test]
    fn a_city_outside_the_reference_years_is_shown_alone() {
        let c = city(&[(
            IndicatorId::Population,
            &[(2001, 500_000.0), (2005, 480_000.0)],
        )]);
        let cmp = population_comparison(&c, &CompareOptions::default());
        assert!(!cmp.shared);
        assert_eq!(cmp.period, Some((2001, 2005)));
        assert!(cmp.regions.is_empty());
        assert!(cmp.city.is_ok());
        let one = city(&[(IndicatorId::Population, &[(2020, 1.0)])]);
        assert_eq!(
            population_comparison(&one, &CompareOptions::default()).city,
            Err(CityProblem::TooFewYears)
        );
    }

    #[test]
    fn index_lines_start_at_100_and_split_at_the_break() {
        let c = city(&[(
            IndicatorId::Population,
            &[(2016, 400_000.0), (2018, 380_000.0)],
        )]);
        let lines = index_lines(&c, (2016, 2018), Series::Revised);
        assert_eq!(lines.len(), 5);
        assert_eq!(lines[0].points, vec![(2016, 100.0), (2018, 95.0)]);
        let hlj = lines
            .iter()
            .find(|l| l.region == Some(Region::Heilongjiang))
            .unwrap();
        // 3463 (2016), 3399, 3327 -> 100, 98.15, 96.07
        assert_eq!(hlj.points.len(), 3);
        assert!(close(hlj.points[2].1, 100.0 * 3327.0 / 3463.0, 1e-9));
        // As first published, Heilongjiang 2015-2022 is two segments: two lines, never one.
        let wide = city(&[(IndicatorId::Population, &[(2015, 1.0e6), (2022, 0.9e6)])]);
        let lines = index_lines(&wide, (2015, 2022), Series::AsFirstPublished);
        let hlj: Vec<&IndexLine> = lines
            .iter()
            .filter(|l| l.region == Some(Region::Heilongjiang))
            .collect();
        assert_eq!(hlj.len(), 2);
        assert_eq!(hlj[0].base_year, 2015);
        assert!(hlj[0].points.iter().all(|(y, _)| *y <= 2019));
        assert_eq!(hlj[1].base_year, 2020);
        assert_eq!(hlj[1].points[0], (2020, 100.0));
    }

    #[test]
    fn city_structure_gives_shares_hhi_and_evenness() {
        // 2022: 100 / 400 / 500 -> shares 0.1, 0.4, 0.5; HHI = 0.01 + 0.16 + 0.25 = 0.42;
        // H = -(0.1 ln 0.1 + 0.4 ln 0.4 + 0.5 ln 0.5) = 0.94334; J = H / ln 3 = 0.85866.
        let c = city(&[
            (
                IndicatorId::ValueAddedPrimary,
                &[(2021, 90.0), (2022, 100.0)],
            ),
            (
                IndicatorId::ValueAddedSecondary,
                &[(2021, 380.0), (2022, 400.0)],
            ),
            (IndicatorId::ValueAddedTertiary, &[(2022, 500.0)]),
        ]);
        assert_eq!(latest_structure_year(&c), Some(2022));
        let s = city_structure(&c, 2022).unwrap().unwrap();
        assert!(close(s.concentration.hhi, 0.42, 1e-12));
        let h = -(0.1f64 * 0.1f64.ln() + 0.4 * 0.4f64.ln() + 0.5 * 0.5f64.ln());
        assert!(close(
            s.concentration.evenness.unwrap(),
            h / 3f64.ln(),
            1e-12
        ));
        assert!(city_structure(&c, 2021).is_none());
    }

    #[test]
    fn region_shares_are_of_the_same_year_or_the_nearest_on_the_same_gdp_basis() {
        let rows = region_structures(2022, &CompareOptions::default());
        let hlj = rows
            .iter()
            .find(|r| r.region == Region::Heilongjiang)
            .unwrap();
        let s = hlj.shares.as_ref().unwrap();
        // N2: Heilongjiang 2022, 22.7 / 29.2 / 48.1 (printed), post-census basis.
        assert_eq!(s.year, 2022);
        assert!(!hlj.nearest);
        assert_eq!(s.secondary_share_pct, 29.2);
        assert_eq!(s.tertiary_share_pct, 48.1);
        let c = hlj.concentration.as_ref().unwrap();
        let t = 22.7 + 29.2 + 48.1;
        let hhi = [22.7f64, 29.2, 48.1]
            .iter()
            .map(|x| (x / t).powi(2))
            .sum::<f64>();
        assert!(close(c.hhi, hhi, 1e-12));
        // A 2023 city year: the nearest on the post-2018 basis is 2022, never a pre-2019 year.
        let rows = region_structures(2023, &CompareOptions::default());
        for r in &rows {
            if let Ok(s) = &r.shares {
                assert!(r.nearest);
                assert!(s.year >= 2019, "{:?} {}", r.region, s.year);
            }
        }
    }

    #[test]
    fn reasons_are_worded_in_both_languages() {
        let e = ContextError::CrossesBreak {
            from: 2015,
            to: 2021,
            id: BreakId::PopulationCensus2020,
        };
        assert!(reason(&e, Lang::En).contains("census revision"));
        assert!(reason(&e, Lang::Zh).contains("断点"));
        assert_eq!(confidence_word(context::Confidence::Low, Lang::Zh), "低");
    }
    #[test]
    fn index_chart_never_bridges_the_break_and_escapes_names() {
        let wide = city(&[(IndicatorId::Population, &[(2015, 1.0e6), (2022, 0.9e6)])]);
        let lines = index_lines(&wide, (2015, 2022), Series::AsFirstPublished);
        let named: Vec<(String, IndexLine)> = lines
            .into_iter()
            .map(|l| (format!("<b>{:?}</b>", l.region), l))
            .collect();
        let chart = index_chart("Index", "2015 = 100", (2015, 2022), &named);
        let v: serde_json::Value = serde_json::from_str(&chart.to_string()).unwrap();
        assert_eq!(v["xAxis"]["data"].as_array().unwrap().len(), 8);
        let series = v["series"].as_array().unwrap();
        let hlj: Vec<&serde_json::Value> = series
            .iter()
            .filter(|s| s["name"].as_str().unwrap().contains("Heilongjiang"))
            .collect();
        assert_eq!(hlj.len(), 2);
        // Before the break: values up to 2019, null from 2020; after it the reverse.
        assert!(hlj[0]["data"][4].is_number() && hlj[0]["data"][5].is_null());
        assert!(hlj[1]["data"][4].is_null() && hlj[1]["data"][5] == 100.0);
        assert_eq!(hlj[0]["connectNulls"], false);
        assert!(series
            .iter()
            .all(|s| !s["name"].as_str().unwrap().contains('<')));
        assert!(!chart.to_string().contains("function"));
    }
}
