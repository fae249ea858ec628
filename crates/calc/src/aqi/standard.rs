//! The shape of an AQI standard: identifiers, pollutant keys, units, rounding rules and the
//! breakpoint table of each pollutant. The numbers themselves live in [`super::tables`].

use std::fmt;
use std::str::FromStr;

/// An AQI standard revision, named by family and year as in `aqi-breakpoints.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum StandardId {
    /// China HJ 633-2012 (in force 2016-01-01 … 2026-02-28).
    #[cfg_attr(feature = "serde", serde(rename = "cn_hj633_2012"))]
    CnHj633_2012,
    /// China HJ 633-2026 (in force from 2026-03-01).
    #[cfg_attr(feature = "serde", serde(rename = "cn_hj633_2026"))]
    CnHj633_2026,
    /// US EPA AQI, TAD EPA-454/B-24-002 (from 2024-05-06).
    #[cfg_attr(feature = "serde", serde(rename = "us_epa_2024"))]
    UsEpa2024,
    /// US EPA AQI, TAD EPA-454/B-18-007 (before 2024-05-06).
    #[cfg_attr(feature = "serde", serde(rename = "us_epa_2018"))]
    UsEpa2018,
}

impl StandardId {
    /// Every standard, oldest China first.
    pub const ALL: [StandardId; 4] = [
        Self::CnHj633_2012,
        Self::CnHj633_2026,
        Self::UsEpa2024,
        Self::UsEpa2018,
    ];

    /// The table id used in `aqi-breakpoints.toml` (`cn_hj633_2012`, …).
    pub fn id(self) -> &'static str {
        match self {
            Self::CnHj633_2012 => "cn_hj633_2012",
            Self::CnHj633_2026 => "cn_hj633_2026",
            Self::UsEpa2024 => "us_epa_2024",
            Self::UsEpa2018 => "us_epa_2018",
        }
    }

    /// The short name used on the command line (`hj633-2012`, …).
    pub fn cli_name(self) -> &'static str {
        match self {
            Self::CnHj633_2012 => "hj633-2012",
            Self::CnHj633_2026 => "hj633-2026",
            Self::UsEpa2024 => "us-epa-2024",
            Self::UsEpa2018 => "us-epa-2018",
        }
    }

    /// The revision of `family` in force on `date` ("latest of a family", resolved explicitly).
    /// `None` before the earliest revision tabulated here: HJ 633-2012 applied nationwide from
    /// 2016-01-01 (major cities earlier, in phases); the pre-2024 EPA table is used for every
    /// earlier US date.
    ///
    /// # Standard
    /// HJ 633-2026 in force from 2026-03-01; TAD EPA-454/B-24-002 from 2024-05-06.
    pub fn in_force_on(family: Family, date: crate::time::CivilDate) -> Option<Self> {
        let ymd = (date.year, date.month, date.day);
        match family {
            Family::China if ymd < (2016, 1, 1) => None,
            Family::China if ymd < (2026, 3, 1) => Some(Self::CnHj633_2012),
            Family::China => Some(Self::CnHj633_2026),
            Family::Us if ymd < (2024, 5, 6) => Some(Self::UsEpa2018),
            Family::Us => Some(Self::UsEpa2024),
        }
    }

    /// The family this revision belongs to.
    pub fn family(self) -> Family {
        match self {
            Self::CnHj633_2012 | Self::CnHj633_2026 => Family::China,
            Self::UsEpa2024 | Self::UsEpa2018 => Family::Us,
        }
    }
}

impl fmt::Display for StandardId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// A string that names no standard.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown AQI standard {found:?}")]
pub struct UnknownStandard {
    /// What was given.
    pub found: String,
}

impl FromStr for StandardId {
    type Err = UnknownStandard;

    /// Accepts the table id (`cn_hj633_2026`) or the CLI name (`hj633-2026`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|id| id.id() == s || id.cli_name() == s)
            .ok_or_else(|| UnknownStandard {
                found: s.to_owned(),
            })
    }
}

/// Which national scheme a standard belongs to (categories, colours and advice differ).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Family {
    /// China, HJ 633.
    China,
    /// United States, EPA AQI.
    Us,
}

/// A pollutant, independent of averaging period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Pollutant {
    /// Fine particulate matter.
    Pm25,
    /// Coarse particulate matter.
    Pm10,
    /// Sulphur dioxide.
    So2,
    /// Nitrogen dioxide.
    No2,
    /// Carbon monoxide.
    Co,
    /// Ozone.
    O3,
}

impl Pollutant {
    /// Every pollutant in the order of HJ 633's tables.
    pub const ALL: [Pollutant; 6] = [
        Self::So2,
        Self::No2,
        Self::Pm10,
        Self::Co,
        Self::O3,
        Self::Pm25,
    ];

    /// Lower-case key (`pm25`, `so2`, …).
    pub fn key(self) -> &'static str {
        match self {
            Self::Pm25 => "pm25",
            Self::Pm10 => "pm10",
            Self::So2 => "so2",
            Self::No2 => "no2",
            Self::Co => "co",
            Self::O3 => "o3",
        }
    }

    /// Display label (`PM2.5`, `SO2`, …), the same in both languages.
    pub fn label(self) -> &'static str {
        match self {
            Self::Pm25 => "PM2.5",
            Self::Pm10 => "PM10",
            Self::So2 => "SO2",
            Self::No2 => "NO2",
            Self::Co => "CO",
            Self::O3 => "O3",
        }
    }

    /// The pollutant named by `key` (`pm25`, `so2`, …).
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// Averaging period of a concentration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Averaging {
    /// One-hour mean.
    OneHour,
    /// Eight-hour mean (for O3 in a daily report: the daily maximum 8-h mean).
    EightHour,
    /// 24-hour (daily) mean.
    Day,
}

/// A pollutant together with its averaging period: the unit an AQI table rates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[allow(non_camel_case_types)]
pub enum PollutantKey {
    /// PM2.5 24-hour mean.
    Pm25_24h,
    /// PM10 24-hour mean.
    Pm10_24h,
    /// SO2 24-hour mean.
    So2_24h,
    /// SO2 1-hour mean.
    So2_1h,
    /// NO2 24-hour mean.
    No2_24h,
    /// NO2 1-hour mean.
    No2_1h,
    /// CO 24-hour mean.
    Co_24h,
    /// CO 1-hour mean.
    Co_1h,
    /// CO 8-hour mean (US EPA).
    Co_8h,
    /// O3 8-hour mean (China daily report: daily maximum 8-h mean).
    O3_8h,
    /// O3 1-hour mean.
    O3_1h,
}

impl PollutantKey {
    /// Every key, in the order of the CLI documentation.
    pub const ALL: [PollutantKey; 11] = [
        Self::Pm25_24h,
        Self::Pm10_24h,
        Self::So2_24h,
        Self::So2_1h,
        Self::No2_24h,
        Self::No2_1h,
        Self::Co_24h,
        Self::Co_1h,
        Self::Co_8h,
        Self::O3_8h,
        Self::O3_1h,
    ];

    /// The key as written in `aqi-breakpoints.toml` and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            Self::Pm25_24h => "pm25_24h",
            Self::Pm10_24h => "pm10_24h",
            Self::So2_24h => "so2_24h",
            Self::So2_1h => "so2_1h",
            Self::No2_24h => "no2_24h",
            Self::No2_1h => "no2_1h",
            Self::Co_24h => "co_24h",
            Self::Co_1h => "co_1h",
            Self::Co_8h => "co_8h",
            Self::O3_8h => "o3_8h",
            Self::O3_1h => "o3_1h",
        }
    }

    /// The key named `key` (`pm25_24h`, …).
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The pollutant rated.
    pub fn pollutant(self) -> Pollutant {
        match self {
            Self::Pm25_24h => Pollutant::Pm25,
            Self::Pm10_24h => Pollutant::Pm10,
            Self::So2_24h | Self::So2_1h => Pollutant::So2,
            Self::No2_24h | Self::No2_1h => Pollutant::No2,
            Self::Co_24h | Self::Co_1h | Self::Co_8h => Pollutant::Co,
            Self::O3_8h | Self::O3_1h => Pollutant::O3,
        }
    }

    /// The averaging period.
    pub fn averaging(self) -> Averaging {
        match self {
            Self::Pm25_24h | Self::Pm10_24h | Self::So2_24h | Self::No2_24h | Self::Co_24h => {
                Averaging::Day
            }
            Self::So2_1h | Self::No2_1h | Self::Co_1h | Self::O3_1h => Averaging::OneHour,
            Self::Co_8h | Self::O3_8h => Averaging::EightHour,
        }
    }
}

impl fmt::Display for PollutantKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// Unit of a concentration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ConcentrationUnit {
    /// Micrograms per cubic metre.
    #[cfg_attr(feature = "serde", serde(rename = "ug/m3"))]
    UgM3,
    /// Milligrams per cubic metre.
    #[cfg_attr(feature = "serde", serde(rename = "mg/m3"))]
    MgM3,
    /// Parts per million by volume.
    Ppm,
    /// Parts per billion by volume.
    Ppb,
}

impl ConcentrationUnit {
    /// The unit as written in `aqi-breakpoints.toml` (`ug/m3`, `mg/m3`, `ppm`, `ppb`).
    pub fn symbol(self) -> &'static str {
        match self {
            Self::UgM3 => "ug/m3",
            Self::MgM3 => "mg/m3",
            Self::Ppm => "ppm",
            Self::Ppb => "ppb",
        }
    }
}

/// What a standard does to a concentration before looking it up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum ConcentrationRounding {
    /// Used as given (HJ 633-2012 specifies no rounding).
    AsGiven,
    /// Round half to even to `decimals` digits (HJ 633-2026 §4.2.2, GB/T 8170).
    HalfEven {
        /// Fractional digits kept.
        decimals: u32,
    },
    /// Truncate to `decimals` digits (US EPA TAD step 1).
    Truncate {
        /// Fractional digits kept.
        decimals: u32,
    },
}

/// How the interpolated index becomes an integer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum IndexRounding {
    /// Round up (HJ 633-2012 §6.2 "进位取整数"; HJ 633-2026 §4.2.6 "向上进位取整数").
    Ceil,
    /// Round to nearest, halves up (US EPA TAD step 4).
    HalfUp,
}

/// The breakpoints of one pollutant table, in the two shapes of `aqi-breakpoints.toml`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TableShape {
    /// One breakpoint list and one index list of equal length (China): segment k runs from
    /// `bp[k]` to `bp[k+1]` and maps to `iaqi[k]..iaqi[k+1]`.
    Continuous {
        /// Concentration breakpoints, strictly increasing.
        bp: &'static [f64],
        /// Index values at the breakpoints.
        iaqi: &'static [u32],
    },
    /// Closed bands that touch only after truncation (US EPA).
    Banded {
        /// Lower concentration of each band.
        c_lo: &'static [f64],
        /// Upper concentration of each band.
        c_hi: &'static [f64],
        /// Index at `c_lo`.
        i_lo: &'static [u32],
        /// Index at `c_hi`.
        i_hi: &'static [u32],
    },
}

/// One linear segment of a table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    /// Lower concentration.
    pub c_lo: f64,
    /// Upper concentration.
    pub c_hi: f64,
    /// Index at `c_lo`.
    pub i_lo: u32,
    /// Index at `c_hi`.
    pub i_hi: u32,
    /// Whether `c_lo` itself belongs to the previous segment (continuous tables).
    pub lower_open: bool,
}

impl TableShape {
    /// The segments in increasing order. Mismatched list lengths yield only the common prefix
    /// (the table tests check the lengths).
    pub fn bands(&self) -> Vec<Band> {
        self.band_iter().collect()
    }

    /// [`TableShape::bands`] without collecting them (the IAQI of every day of a long record
    /// walks them; a `Vec` per call was a tenth of `renewal air-annual`'s instructions).
    pub(crate) fn band_iter(&self) -> impl Iterator<Item = Band> + '_ {
        let (continuous, banded) = match *self {
            Self::Continuous { bp, iaqi } => (Some((bp, iaqi)), None),
            Self::Banded {
                c_lo,
                c_hi,
                i_lo,
                i_hi,
            } => (None, Some((c_lo, c_hi, i_lo, i_hi))),
        };
        let continuous = continuous.into_iter().flat_map(|(bp, iaqi)| {
            bp.windows(2)
                .zip(iaqi.windows(2))
                .enumerate()
                .filter_map(|(k, (c, i))| match (c, i) {
                    ([c_lo, c_hi], [i_lo, i_hi]) => Some(Band {
                        c_lo: *c_lo,
                        c_hi: *c_hi,
                        i_lo: *i_lo,
                        i_hi: *i_hi,
                        lower_open: k > 0,
                    }),
                    _ => None,
                })
        });
        let banded = banded.into_iter().flat_map(|(c_lo, c_hi, i_lo, i_hi)| {
            c_lo.iter()
                .zip(c_hi)
                .zip(i_lo.iter().zip(i_hi))
                .map(|((c_lo, c_hi), (i_lo, i_hi))| Band {
                    c_lo: *c_lo,
                    c_hi: *c_hi,
                    i_lo: *i_lo,
                    i_hi: *i_hi,
                    lower_open: false,
                })
        });
        continuous.chain(banded)
    }
}

/// What a standard says about a concentration above its table's top breakpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum AboveTopRule {
    /// Nothing: the value is beyond the index.
    BeyondIndex,
    /// The index takes this fixed value (HJ 633-2026 Table 3 notes b and c).
    Fixed(u32),
    /// This averaging period gives no index; the pollutant is rated from `other` (HJ 633-2012
    /// Table 1 notes 2 and 3; US EPA O3 8-h above 0.200 ppm).
    UseOther(PollutantKey),
    /// Rated from `other` if `other` is inside its own table, otherwise fixed at `fixed`
    /// (US EPA SO2: 1-h >= 305 ppb with a 24-h mean < 305 ppb gives AQI 200).
    UseOtherElseFixed {
        /// The key whose index replaces this one.
        other: PollutantKey,
        /// The index when `other` is below its table.
        fixed: u32,
    },
    /// The top band's linear equation continues (US EPA 2024, AQI above 500).
    Extrapolate,
}

/// Breakpoint table of one pollutant key under one standard.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PollutantTable {
    /// The key rated.
    pub key: PollutantKey,
    /// Unit of the breakpoints and of the input.
    pub unit: ConcentrationUnit,
    /// What happens to the concentration before lookup.
    pub rounding: ConcentrationRounding,
    /// The breakpoints.
    pub shape: TableShape,
    /// The rule above the top breakpoint.
    pub above_top: AboveTopRule,
    /// Document and clause the numbers come from.
    pub clause: &'static str,
}

impl PollutantTable {
    /// The lowest concentration rated (0 except for US 1-h O3 and 24-h SO2).
    pub fn bottom(&self) -> f64 {
        self.shape.bands().first().map_or(0.0, |b| b.c_lo)
    }

    /// The highest concentration rated by the table itself.
    pub fn top(&self) -> f64 {
        self.shape.bands().last().map_or(0.0, |b| b.c_hi)
    }

    /// The index at the top breakpoint.
    pub fn top_index(&self) -> u32 {
        self.shape.bands().last().map_or(0, |b| b.i_hi)
    }
}

/// Whether a standard is in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Status {
    /// In force.
    Current,
    /// Replaced by a later revision.
    Superseded,
}

/// One AQI standard revision: metadata, rules and tables.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Standard {
    /// Identifier.
    pub id: StandardId,
    /// Full title.
    pub title: &'static str,
    /// In force or not.
    pub status: Status,
    /// Date from which it applies (ISO 8601), where the reference gives one.
    pub effective: Option<&'static str>,
    /// Date it was replaced (ISO 8601), if superseded.
    pub superseded_on: Option<&'static str>,
    /// Rounding of the index.
    pub index_rounding: IndexRounding,
    /// Clause of the rounding rule.
    pub index_rounding_clause: &'static str,
    /// The primary pollutant is named only when the AQI exceeds this value (HJ 633: 50);
    /// `None` names it at every AQI (US EPA "main pollutant").
    pub primary_only_above: Option<u32>,
    /// Indicators of the daily report (HJ 633), empty for the US.
    pub daily_indicators: &'static [PollutantKey],
    /// The tables.
    pub tables: &'static [PollutantTable],
}

impl Standard {
    /// The table for `key`, if this standard rates it.
    pub fn table(&self, key: PollutantKey) -> Option<&'static PollutantTable> {
        self.tables.iter().find(|t| t.key == key)
    }
}
