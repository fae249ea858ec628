//! Population and talent: change and growth, natural increase, net migration by the residual
//! method, age structure and the tertiary-educated share.
//!
//! # Source
//! The paper, section 3.3 (population outflow: income-seeking migration, the "4-2-1" family
//! burden) and 4.3 (3) (introduce and train talent). It gives no formula; the measures are the
//! standard demographic ones:
//! - Net migration, residual (balancing-equation) method: change minus natural increase.
//! - Mid-year population = mean of the start and end populations (the NBS 年平均人口 convention
//!   for birth, death and natural growth rates). It is the denominator of every per-1,000 rate.
//! - Old-age dependency = persons 65+ per 100 persons aged 15–64 (UN / NBS 老年抚养比).
//! - Working-age share = 15–64 / (0–14 + 15–64 + 65+).
//! - Tertiary-educated share = persons with university (大专及以上) education / population, the
//!   census "per 100,000 persons" indicator divided by 100,000.
//!
//! # Units
//! All counts (population, births, deaths, age groups, tertiary-educated) in one unit of the
//! caller's choosing (persons or 10k persons); rates per 1,000 (‰) are unit-free.
//!
//! # Caveats
//! A residual estimate books every error of the population series as migration: across a
//! statistical break (for example the Northeast's post-2020-census revision) it is not migration.

/// One year of population data. Counts refer to the year end (or census day); births, deaths
/// and the natural growth rate to the events during the year.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PopulationYear {
    /// Calendar year.
    pub year: i32,
    /// Resident population at year end.
    pub population: f64,
    /// Live births during the year.
    pub births: Option<f64>,
    /// Deaths during the year.
    pub deaths: Option<f64>,
    /// Natural growth rate during the year, ‰ of the mid-year population (may be negative).
    pub natural_growth_rate_permille: Option<f64>,
    /// Persons aged 0–14.
    pub age_0_14: Option<f64>,
    /// Persons aged 15–64.
    pub age_15_64: Option<f64>,
    /// Persons aged 65 and over.
    pub age_65_plus: Option<f64>,
    /// Persons with tertiary (大专及以上) education.
    pub tertiary_educated: Option<f64>,
}

/// Which value of a row an error is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum PopulationField {
    /// [`PopulationYear::population`].
    Population,
    /// [`PopulationYear::births`].
    Births,
    /// [`PopulationYear::deaths`].
    Deaths,
    /// [`PopulationYear::natural_growth_rate_permille`].
    NaturalGrowthRate,
    /// [`PopulationYear::age_0_14`].
    Age0To14,
    /// [`PopulationYear::age_15_64`].
    Age15To64,
    /// [`PopulationYear::age_65_plus`].
    Age65Plus,
    /// [`PopulationYear::tertiary_educated`].
    TertiaryEducated,
}

impl std::fmt::Display for PopulationField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Population => "population",
            Self::Births => "births",
            Self::Deaths => "deaths",
            Self::NaturalGrowthRate => "natural growth rate",
            Self::Age0To14 => "age 0-14",
            Self::Age15To64 => "age 15-64",
            Self::Age65Plus => "age 65+",
            Self::TertiaryEducated => "tertiary-educated",
        })
    }
}

/// Why the rows cannot be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum PopulationError {
    /// No rows.
    #[error("no population rows")]
    Empty,
    /// A value is NaN or infinite.
    #[error("{year}: {field} is not a finite number ({value})")]
    NotFinite {
        /// Year of the row.
        year: i32,
        /// Which value.
        field: PopulationField,
        /// The value.
        value: f64,
    },
    /// The population is zero or negative.
    #[error("{year}: {field} must be positive ({value})")]
    NotPositive {
        /// Year of the row.
        year: i32,
        /// Which value.
        field: PopulationField,
        /// The value.
        value: f64,
    },
    /// A count (births, deaths, an age group, tertiary-educated) is negative.
    #[error("{year}: {field} is negative ({value})")]
    Negative {
        /// Year of the row.
        year: i32,
        /// Which value.
        field: PopulationField,
        /// The value.
        value: f64,
    },
    /// Years are not strictly increasing.
    #[error("row {index}: year {year} does not come after {previous}")]
    YearsNotIncreasing {
        /// Position (0-based).
        index: usize,
        /// The year.
        year: i32,
        /// The year before it.
        previous: i32,
    },
    /// More tertiary-educated persons than residents.
    #[error("{year}: tertiary-educated {tertiary} exceeds the population {population}")]
    TertiaryAbovePopulation {
        /// Year.
        year: i32,
        /// Tertiary-educated count.
        tertiary: f64,
        /// Population.
        population: f64,
    },
}

/// Age and education structure of one year.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct YearStructure {
    /// Calendar year.
    pub year: i32,
    /// Population at year end.
    pub population: f64,
    /// 65+ per 100 aged 15–64; needs both groups.
    pub old_age_dependency_per_100: Option<f64>,
    /// (0–14 + 65+) per 100 aged 15–64; needs all three groups.
    pub total_dependency_per_100: Option<f64>,
    /// 15–64 / (0–14 + 15–64 + 65+); needs all three groups.
    pub working_age_share: Option<f64>,
    /// 65+ / (0–14 + 15–64 + 65+); needs all three groups.
    pub aged_65_plus_share: Option<f64>,
    /// Tertiary-educated / population.
    pub tertiary_share: Option<f64>,
    /// The same per 100,000 persons (the census presentation).
    pub tertiary_per_100k: Option<f64>,
}

/// Where a natural increase came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum NaturalIncreaseBasis {
    /// Births − deaths of the end year.
    BirthsMinusDeaths,
    /// Natural growth rate of the end year × mid-year population / 1000.
    NaturalGrowthRate,
}

/// Change between two consecutive rows.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Interval {
    /// Start year.
    pub from_year: i32,
    /// End year.
    pub to_year: i32,
    /// P_end − P_start.
    pub change: f64,
    /// Change / P_start.
    pub change_rate: f64,
    /// (P_start + P_end) / 2: the denominator of the per-1,000 rates.
    pub mid_year_population: f64,
    /// Natural increase during the end year; `None` without births and deaths or a rate, or
    /// when the rows are not consecutive years.
    pub natural_increase: Option<f64>,
    /// Where the natural increase came from.
    pub natural_increase_basis: Option<NaturalIncreaseBasis>,
    /// Natural increase per 1,000 mid-year population.
    pub natural_increase_per_1000: Option<f64>,
    /// Change − natural increase (residual method); negative = net out-migration.
    pub net_migration: Option<f64>,
    /// Net migration per 1,000 mid-year population.
    pub net_migration_per_1000: Option<f64>,
}

/// Change over the whole series.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Overall {
    /// First year.
    pub from_year: i32,
    /// Last year.
    pub to_year: i32,
    /// P_last − P_first.
    pub change: f64,
    /// Change / P_first.
    pub change_rate: f64,
    /// (P_last / P_first)^(1 / years) − 1; `None` with a single row.
    pub cagr: Option<f64>,
    /// Sum of the interval net migrations, when every interval has one.
    pub net_migration_total: Option<f64>,
}

/// Everything computed from the rows.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PopulationReport {
    /// Structure per year.
    pub years: Vec<YearStructure>,
    /// Change between consecutive rows.
    pub intervals: Vec<Interval>,
    /// Change over the whole series.
    pub overall: Overall,
}

fn validate(rows: &[PopulationYear]) -> Result<(), PopulationError> {
    let mut previous: Option<i32> = None;
    for (index, r) in rows.iter().enumerate() {
        if let Some(prev) = previous {
            if r.year <= prev {
                return Err(PopulationError::YearsNotIncreasing {
                    index,
                    year: r.year,
                    previous: prev,
                });
            }
        }
        previous = Some(r.year);
        let year = r.year;
        let finite = |field, value: f64| {
            if value.is_finite() {
                Ok(value)
            } else {
                Err(PopulationError::NotFinite { year, field, value })
            }
        };
        let p = finite(PopulationField::Population, r.population)?;
        if p <= 0.0 {
            return Err(PopulationError::NotPositive {
                year,
                field: PopulationField::Population,
                value: p,
            });
        }
        if let Some(v) = r.natural_growth_rate_permille {
            finite(PopulationField::NaturalGrowthRate, v)?;
        }
        let counts = [
            (PopulationField::Births, r.births),
            (PopulationField::Deaths, r.deaths),
            (PopulationField::Age0To14, r.age_0_14),
            (PopulationField::Age15To64, r.age_15_64),
            (PopulationField::Age65Plus, r.age_65_plus),
            (PopulationField::TertiaryEducated, r.tertiary_educated),
        ];
        for (field, value) in counts {
            if let Some(v) = value {
                if finite(field, v)? < 0.0 {
                    return Err(PopulationError::Negative {
                        year,
                        field,
                        value: v,
                    });
                }
            }
        }
        if let Some(t) = r.tertiary_educated.filter(|&t| t > p) {
            return Err(PopulationError::TertiaryAbovePopulation {
                year,
                tertiary: t,
                population: p,
            });
        }
    }
    Ok(())
}

fn structure(r: &PopulationYear) -> YearStructure {
    let per = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) if b > 0.0 => Some(a / b),
        _ => None,
    };
    let all = match (r.age_0_14, r.age_15_64, r.age_65_plus) {
        (Some(a), Some(b), Some(c)) => Some((a, b, c, a + b + c)),
        _ => None,
    };
    let tertiary_share = r.tertiary_educated.map(|t| t / r.population);
    YearStructure {
        year: r.year,
        population: r.population,
        old_age_dependency_per_100: per(r.age_65_plus, r.age_15_64).map(|x| x * 100.0),
        total_dependency_per_100: all
            .and_then(|(a, b, c, _)| per(Some(a + c), Some(b)))
            .map(|x| x * 100.0),
        working_age_share: all.and_then(|(_, b, _, t)| per(Some(b), Some(t))),
        aged_65_plus_share: all.and_then(|(_, _, c, t)| per(Some(c), Some(t))),
        tertiary_share,
        tertiary_per_100k: tertiary_share.map(|s| s * 100_000.0),
    }
}

fn interval(start: &PopulationYear, end: &PopulationYear) -> Interval {
    let change = end.population - start.population;
    let mid = (start.population + end.population) / 2.0;
    let consecutive = i64::from(end.year) - i64::from(start.year) == 1;
    let natural = if !consecutive {
        None
    } else if let (Some(b), Some(d)) = (end.births, end.deaths) {
        Some((b - d, NaturalIncreaseBasis::BirthsMinusDeaths))
    } else {
        end.natural_growth_rate_permille
            .map(|r| (r / 1000.0 * mid, NaturalIncreaseBasis::NaturalGrowthRate))
    };
    let natural_increase = natural.map(|n| n.0);
    let net_migration = natural_increase.map(|n| change - n);
    Interval {
        from_year: start.year,
        to_year: end.year,
        change,
        change_rate: change / start.population,
        mid_year_population: mid,
        natural_increase,
        natural_increase_basis: natural.map(|n| n.1),
        natural_increase_per_1000: natural_increase.map(|n| n / mid * 1000.0),
        net_migration,
        net_migration_per_1000: net_migration.map(|m| m / mid * 1000.0),
    }
}

/// Change, natural increase, net migration and structure of a population series.
///
/// # Formula
/// ```text
/// ΔP              = P_t − P_{t−1}
/// mid-year P      = (P_{t−1} + P_t) / 2
/// natural incr.   = B_t − D_t, or NGR_t [‰] / 1000 × mid-year P
/// net migration   = ΔP − natural increase
/// rate per 1,000  = net migration / mid-year P × 1000
/// CAGR            = (P_last / P_first)^(1 / (year_last − year_first)) − 1
/// old-age dep.    = P_65+ / P_15–64 × 100
/// working-age sh. = P_15–64 / (P_0–14 + P_15–64 + P_65+)
/// tertiary share  = tertiary-educated / P
/// ```
/// Births and deaths take precedence over a growth rate when both are given.
///
/// # Errors
/// No rows, years not strictly increasing, non-finite values, a non-positive population, a
/// negative count, or more tertiary-educated persons than residents.
///
/// # Edge cases
/// Rows more than one year apart get a change but no natural increase or net migration (the
/// events of the missing years are unknown). The age shares use the sum of the three groups, not
/// the total population, as denominator, so an unstated-age remainder does not bias them.
///
/// ```
/// use renewal_calc::population::{assess, PopulationYear};
/// // Liaoning, 10k persons (NBS revised series), natural growth rate 2015 −0.42 ‰.
/// let rows = [
///     PopulationYear { year: 2014, population: 4358.0, ..Default::default() },
///     PopulationYear { year: 2015, population: 4338.0, natural_growth_rate_permille: Some(-0.42), ..Default::default() },
/// ];
/// let r = assess(&rows).unwrap();
/// // −20 − (−0.42/1000 × 4348) = −18.17
/// assert!((r.intervals[0].net_migration.unwrap() + 18.17384).abs() < 1e-9);
/// ```
pub fn assess(rows: &[PopulationYear]) -> Result<PopulationReport, PopulationError> {
    validate(rows)?;
    let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
        return Err(PopulationError::Empty);
    };
    let intervals: Vec<Interval> = rows
        .windows(2)
        .filter_map(|w| match w {
            [a, b] => Some(interval(a, b)),
            _ => None,
        })
        .collect();
    let change = last.population - first.population;
    let years = i64::from(last.year) - i64::from(first.year);
    let cagr =
        (years > 0).then(|| (last.population / first.population).powf(1.0 / years as f64) - 1.0);
    let net_migration_total = if intervals.is_empty() {
        None
    } else {
        intervals
            .iter()
            .map(|i| i.net_migration)
            .sum::<Option<f64>>()
    };
    Ok(PopulationReport {
        years: rows.iter().map(structure).collect(),
        intervals,
        overall: Overall {
            from_year: first.year,
            to_year: last.year,
            change,
            change_rate: change / first.population,
            cagr,
            net_migration_total,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn row(year: i32, population: f64) -> PopulationYear {
        PopulationYear {
            year,
            population,
            ..Default::default()
        }
    }

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn net_migration_matches_the_reference_derivation() {
        // crates/data/reference/northeast-context/net_migration_derived.csv, NBS revised series:
        // Liaoning 2016: 4338 -> 4327, NGR -0.18: natural -0.18/1000 * 4332.5 = -0.77985,
        // net migration -11 + 0.77985 = -10.22 (CSV: -0.78, -10.22).
        let ln = assess(&[
            row(2015, 4338.0),
            PopulationYear {
                natural_growth_rate_permille: Some(-0.18),
                ..row(2016, 4327.0)
            },
        ])
        .unwrap();
        let i = ln.intervals[0];
        assert!(close(i.mid_year_population, 4332.5, 1e-12));
        assert!(close(i.natural_increase.unwrap(), -0.77985, 1e-9));
        assert!(close(i.net_migration.unwrap(), -10.22015, 1e-9));
        // per 1,000: -10.22015 / 4332.5 * 1000 = -2.358949
        assert!(close(i.net_migration_per_1000.unwrap(), -2.358_949, 1e-6));
        assert_eq!(
            i.natural_increase_basis,
            Some(NaturalIncreaseBasis::NaturalGrowthRate)
        );
    }

    #[test]
    fn births_and_deaths_take_precedence_over_the_rate() {
        // 1000 -> 990 with 8 births and 12 deaths: natural -4, migration -6, mid 995.
        let r = assess(&[
            row(2020, 1000.0),
            PopulationYear {
                births: Some(8.0),
                deaths: Some(12.0),
                natural_growth_rate_permille: Some(99.0),
                ..row(2021, 990.0)
            },
        ])
        .unwrap();
        let i = r.intervals[0];
        assert_eq!(i.natural_increase, Some(-4.0));
        assert_eq!(i.net_migration, Some(-6.0));
        assert!(close(
            i.net_migration_per_1000.unwrap(),
            -6.0 / 995.0 * 1000.0,
            1e-12
        ));
        assert_eq!(r.overall.net_migration_total, Some(-6.0));
    }

    #[test]
    fn census_decade_change_and_cagr() {
        // Heilongjiang censuses: 38 313 991 (2010) -> 31 850 088 (2020):
        // change -6 463 903 = -16.87 %; CAGR (31850088/38313991)^(1/10) - 1 = -1.83 %/yr
        // (the bulletin prints -16.87 % and -1.83 %). Ten years apart: no migration estimate.
        let r = assess(&[row(2010, 38_313_991.0), row(2020, 31_850_088.0)]).unwrap();
        assert_eq!(r.overall.change, -6_463_903.0);
        assert!(close(r.overall.change_rate * 100.0, -16.87, 0.005));
        assert!(close(r.overall.cagr.unwrap() * 100.0, -1.83, 0.005));
        assert_eq!(r.intervals[0].net_migration, None);
        assert_eq!(r.overall.net_migration_total, None);
    }

    #[test]
    fn age_structure_and_tertiary_share() {
        // 0-14: 100, 15-64: 700, 65+: 200 (sum 1000): old-age dependency 200/700*100 = 28.5714;
        // total dependency 300/700*100 = 42.857; working-age share 0.7; 65+ share 0.2.
        // Tertiary 155 of population 1000: 0.155 = 15 500 per 100k.
        let r = assess(&[PopulationYear {
            age_0_14: Some(100.0),
            age_15_64: Some(700.0),
            age_65_plus: Some(200.0),
            tertiary_educated: Some(155.0),
            ..row(2020, 1000.0)
        }])
        .unwrap();
        let y = r.years[0];
        assert!(close(
            y.old_age_dependency_per_100.unwrap(),
            28.571_428_571,
            1e-8
        ));
        assert!(close(
            y.total_dependency_per_100.unwrap(),
            42.857_142_857,
            1e-8
        ));
        assert!(close(y.working_age_share.unwrap(), 0.7, 1e-12));
        assert!(close(y.aged_65_plus_share.unwrap(), 0.2, 1e-12));
        assert!(close(y.tertiary_per_100k.unwrap(), 15_500.0, 1e-9));
        assert_eq!(r.overall.cagr, None);
    }

    #[test]
    fn bad_rows_are_errors_with_the_year() {
        assert_eq!(assess(&[]), Err(PopulationError::Empty));
        assert_eq!(
            assess(&[row(2020, 0.0)]),
            Err(PopulationError::NotPositive {
                year: 2020,
                field: PopulationField::Population,
                value: 0.0
            })
        );
        assert_eq!(
            assess(&[row(2020, 1.0), row(2020, 1.0)]),
            Err(PopulationError::YearsNotIncreasing {
                index: 1,
                year: 2020,
                previous: 2020
            })
        );
        assert_eq!(
            assess(&[PopulationYear {
                deaths: Some(-1.0),
                ..row(2020, 10.0)
            }]),
            Err(PopulationError::Negative {
                year: 2020,
                field: PopulationField::Deaths,
                value: -1.0
            })
        );
        assert!(matches!(
            assess(&[PopulationYear {
                natural_growth_rate_permille: Some(f64::NAN),
                ..row(2020, 10.0)
            }]),
            Err(PopulationError::NotFinite {
                field: PopulationField::NaturalGrowthRate,
                ..
            })
        ));
        assert_eq!(
            assess(&[PopulationYear {
                tertiary_educated: Some(11.0),
                ..row(2020, 10.0)
            }]),
            Err(PopulationError::TertiaryAbovePopulation {
                year: 2020,
                tertiary: 11.0,
                population: 10.0
            })
        );
    }

    proptest! {
        #[test]
        fn change_is_natural_increase_plus_migration(
            p0 in 1.0f64..1e8,
            p1 in 1.0f64..1e8,
            b in 0.0f64..1e6,
            d in 0.0f64..1e6,
        ) {
            let r = assess(&[
                row(2000, p0),
                PopulationYear { births: Some(b), deaths: Some(d), ..row(2001, p1) },
            ]).unwrap();
            let i = r.intervals[0];
            let sum = i.natural_increase.unwrap() + i.net_migration.unwrap();
            prop_assert!((sum - i.change).abs() <= 1e-9 * p0.max(p1));
        }

        #[test]
        fn age_shares_are_fractions(a in 0.0f64..1e6, b in 1.0f64..1e6, c in 0.0f64..1e6) {
            let r = assess(&[PopulationYear {
                age_0_14: Some(a), age_15_64: Some(b), age_65_plus: Some(c),
                ..row(2020, 1.0)
            }]).unwrap();
            let y = r.years[0];
            let w = y.working_age_share.unwrap();
            prop_assert!(w > 0.0 && w <= 1.0);
            prop_assert!(w + y.aged_65_plus_share.unwrap() <= 1.0 + 1e-12);
        }
    }
}
