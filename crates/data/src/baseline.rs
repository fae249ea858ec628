//! The Northeast China baseline printed in the seed paper (Table 1 and Figure 2).
//!
//! Values are transcribed as printed from `reference/northeast-baselines.md` (sections B1 and B2),
//! which cites the paper. A test reads that Markdown table and checks every number here, so the
//! constants and their documented source cannot drift apart. The paper's inconsistencies (its
//! printed AQI and grades cannot be reproduced from its concentrations; its energy unit is very
//! likely a mistranslation) are data too: see [`PAPER_NOTES`] and [`GENERATION_UNIT_NOTE`].

/// The citation shown wherever the baseline appears.
pub const PAPER_CITATION: &str = "Miao, Xiong, Feng, He: \"Exploring the Challenges and Strategies of Sustainable Urban Renewal in Industrial Cities in Northeast China\"";

/// The Chinese short name of the same source, for the Chinese interface.
pub const PAPER_CITATION_ZH: &str =
    "Miao、Xiong、Feng、He：《东北地区工业城市可持续城市更新的挑战与策略》";

/// One row of the paper's Table 1: annual air quality in Northeast China.
///
/// The paper prints no units; by the convention of China's standards (and the reference notes)
/// particulate and gaseous pollutants are µg/m³ and CO is mg/m³. The paper does not say whether O3
/// is an annual mean or the 90th percentile of MDA8; it is read as O3-8h.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct AirQualityYear {
    /// Calendar year.
    pub year: i32,
    /// "Average AQI" as printed (not reproducible from the concentrations; see [`PAPER_NOTES`]).
    pub printed_aqi: u16,
    /// The grade as printed.
    pub printed_grade: PrintedGrade,
    /// PM2.5, µg/m³.
    pub pm25_ug_m3: f64,
    /// PM10, µg/m³.
    pub pm10_ug_m3: f64,
    /// SO2, µg/m³.
    pub so2_ug_m3: f64,
    /// CO, mg/m³.
    pub co_mg_m3: f64,
    /// NO2, µg/m³.
    pub no2_ug_m3: f64,
    /// O3 (read as 8-hour), µg/m³.
    pub o3_ug_m3: f64,
}

/// The grade words the paper prints. They do not follow HJ 633's bands (see [`PAPER_NOTES`]);
/// they are kept as printed, never mapped onto a standard category.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum PrintedGrade {
    /// "Heavy pollution".
    HeavyPollution,
    /// "Mild pollution".
    MildPollution,
    /// "Good".
    Good,
}

impl PrintedGrade {
    /// The words as printed in the paper.
    pub fn as_printed(self) -> &'static str {
        match self {
            Self::HeavyPollution => "Heavy pollution",
            Self::MildPollution => "Mild pollution",
            Self::Good => "Good",
        }
    }
}

/// One pollutant column of Table 1, for charts and tables that iterate over the columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Column {
    /// Stable key (`pm25`, `pm10`, `so2`, `co`, `no2`, `o3`).
    pub key: &'static str,
    /// Display label (the chemical notation is the same in both languages).
    pub label: &'static str,
    /// The unit the value is read in.
    pub unit: &'static str,
}

/// Table 1's pollutant columns in the paper's order.
pub const AIR_QUALITY_COLUMNS: [Column; 6] = [
    Column {
        key: "pm25",
        label: "PM2.5",
        unit: "µg/m³",
    },
    Column {
        key: "pm10",
        label: "PM10",
        unit: "µg/m³",
    },
    Column {
        key: "so2",
        label: "SO2",
        unit: "µg/m³",
    },
    Column {
        key: "co",
        label: "CO",
        unit: "mg/m³",
    },
    Column {
        key: "no2",
        label: "NO2",
        unit: "µg/m³",
    },
    Column {
        key: "o3",
        label: "O3",
        unit: "µg/m³",
    },
];

impl AirQualityYear {
    /// The value of one of [`AIR_QUALITY_COLUMNS`] by key; `None` for an unknown key.
    pub fn value(&self, key: &str) -> Option<f64> {
        Some(match key {
            "pm25" => self.pm25_ug_m3,
            "pm10" => self.pm10_ug_m3,
            "so2" => self.so2_ug_m3,
            "co" => self.co_mg_m3,
            "no2" => self.no2_ug_m3,
            "o3" => self.o3_ug_m3,
            _ => return None,
        })
    }
}

macro_rules! year {
    ($year:literal, $aqi:literal, $grade:ident, $pm25:literal, $pm10:literal, $so2:literal, $co:literal, $no2:literal, $o3:literal) => {
        AirQualityYear {
            year: $year,
            printed_aqi: $aqi,
            printed_grade: PrintedGrade::$grade,
            pm25_ug_m3: $pm25 as f64,
            pm10_ug_m3: $pm10 as f64,
            so2_ug_m3: $so2 as f64,
            co_mg_m3: $co,
            no2_ug_m3: $no2 as f64,
            o3_ug_m3: $o3 as f64,
        }
    };
}

// Paper, Table 1 (reference/northeast-baselines.md, B1), as printed.
const TABLE_1: [AirQualityYear; 9] = [
    year!(2014, 183, HeavyPollution, 170, 194, 75, 2.9383, 121, 205),
    year!(2015, 176, HeavyPollution, 159, 178, 54, 2.5830, 97, 195),
    year!(2016, 167, HeavyPollution, 139, 187, 53, 2.0378, 98, 187),
    year!(2017, 149, MildPollution, 105, 155, 32, 1.7863, 73, 178),
    year!(2018, 143, MildPollution, 76, 132, 22, 1.4232, 75, 142),
    year!(2019, 135, MildPollution, 73, 120, 20, 0.9273, 45, 157),
    year!(2020, 127, MildPollution, 54, 121, 23, 0.8231, 54, 135),
    year!(2021, 99, Good, 34, 78, 9, 0.9234, 29, 97),
    year!(2022, 93, Good, 23, 40, 11, 0.7456, 14, 93),
];

/// The paper's Table 1, 2014–2022, in year order.
pub fn air_quality() -> &'static [AirQualityYear] {
    &TABLE_1
}

/// The known inconsistencies of Table 1, to be shown next to its values (reference B1).
pub const PAPER_NOTES: [&str; 3] = [
    "The printed average AQI cannot be reproduced from the printed concentrations with the HJ 633-2012 IAQI tables: 2014 PM2.5 = 170 alone gives IAQI 220.",
    "The printed grades do not follow HJ 633 bands: AQI 167–183 is 'moderately polluted' (151–200), not 'heavy'; 'mild' corresponds to 'lightly polluted' (101–150).",
    "Applying daily IAQI tables to annual means is the paper's convention, not the standard's; annual compliance is judged against GB 3095 annual limits.",
];

/// Energy sources in Figure 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum FigureSource {
    /// Solar (photovoltaic) generation.
    Solar,
    /// Wind generation.
    Wind,
}

/// One bar pair of the paper's Figure 2 (section 4.7).
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct GenerationPair {
    /// The source.
    pub source: FigureSource,
    /// Generation in 2016, in the printed unit (see [`GENERATION_UNIT_NOTE`]).
    pub y2016: f64,
    /// Generation in 2020, in the printed unit.
    pub y2020: f64,
}

impl GenerationPair {
    /// Growth multiple 2020 / 2016: unit-free, so independent of the unit question.
    pub fn multiple(&self) -> f64 {
        self.y2020 / self.y2016
    }
}

/// The paper's Figure 2: solar and wind generation in Northeast China, 2016 and 2020.
pub const GENERATION_2016_2020: [GenerationPair; 2] = [
    GenerationPair {
        source: FigureSource::Solar,
        y2016: 20.0,
        y2020: 187.0,
    },
    GenerationPair {
        source: FigureSource::Wind,
        y2016: 437.0,
        y2020: 727.0,
    },
];

/// The unit as printed in Figure 2.
pub const GENERATION_UNIT_AS_PRINTED: &str = "trillion watt hours";

/// Why the printed unit is doubted (reference B2).
pub const GENERATION_UNIT_NOTE: &str = "Unit as printed (\"trillion watt hours\"), likely 10^8 kWh (亿千瓦时 = 0.1 TWh): 727 TWh of wind in the Northeast alone would exceed all of China's wind generation in 2020. Growth multiples are unit-free.";

#[cfg(test)]
mod tests {
    use super::*;

    const REFERENCE: &str = include_str!("../reference/northeast-baselines.md");

    /// The rows of the Markdown table under `heading`, split into trimmed cells.
    fn markdown_rows(heading: &str) -> Vec<Vec<String>> {
        let start = REFERENCE
            .find(heading)
            .expect("heading present in the reference");
        REFERENCE[start..]
            .lines()
            .skip_while(|l| !l.starts_with('|'))
            .take_while(|l| l.starts_with('|'))
            .skip(2) // header and separator
            .map(|l| {
                l.trim_matches('|')
                    .split('|')
                    .map(|c| c.trim().to_string())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn table_1_matches_the_reference_markdown() {
        let rows = markdown_rows("## B1.");
        assert_eq!(rows.len(), TABLE_1.len());
        for (row, year) in rows.iter().zip(air_quality()) {
            let num = |i: usize| row[i].parse::<f64>().unwrap();
            assert_eq!(num(0), f64::from(year.year));
            assert_eq!(num(1), f64::from(year.printed_aqi));
            assert_eq!(row[2], year.printed_grade.as_printed());
            let values = [
                year.pm25_ug_m3,
                year.pm10_ug_m3,
                year.so2_ug_m3,
                year.co_mg_m3,
                year.no2_ug_m3,
                year.o3_ug_m3,
            ];
            for (i, v) in values.iter().enumerate() {
                assert_eq!(num(3 + i), *v, "year {} column {}", year.year, i + 3);
            }
        }
    }

    #[test]
    fn figure_2_matches_the_reference_markdown() {
        let rows = markdown_rows("## B2.");
        assert_eq!(rows.len(), 2);
        for (row, pair) in rows.iter().zip(GENERATION_2016_2020) {
            assert!(row[0].starts_with(match pair.source {
                FigureSource::Solar => "solar",
                FigureSource::Wind => "wind",
            }));
            assert_eq!(row[1].parse::<f64>().unwrap(), pair.y2016);
            assert_eq!(row[2].parse::<f64>().unwrap(), pair.y2020);
        }
    }

    #[test]
    fn figure_2_multiples_match_the_reference() {
        // Reference B2: solar x9.35, wind x1.66.
        assert!((GENERATION_2016_2020[0].multiple() - 9.35).abs() < 1e-12);
        assert!((GENERATION_2016_2020[1].multiple() - 1.6636).abs() < 1e-4);
    }

    #[test]
    fn value_by_key_covers_every_column() {
        let y = air_quality()[8];
        let got: Vec<f64> = AIR_QUALITY_COLUMNS
            .iter()
            .map(|c| y.value(c.key).unwrap())
            .collect();
        assert_eq!(got, vec![23.0, 40.0, 11.0, 0.7456, 14.0, 93.0]);
        assert_eq!(y.value("lead"), None);
    }
}
