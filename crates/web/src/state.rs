//! The user's workspace as plain Rust: the cities held, their annual series, and the rules for
//! accepting a paste. No browser types, so all of it is tested natively (the todomvc shape).
//!
//! A parse never touches the workspace: [`Workspace::accept`] merges a finished
//! [`ParsedTable`] only when the user accepts it, so a failed paste cannot replace good data.
//! The persisted form is this module's own versioned struct ([`Saved`]), not the data crate's
//! types, so the storage format changes only on purpose.

use crate::upload::{AirRecord, Stat, UploadResult};
use renewal_data::example_city;
use renewal_data::{IndicatorId, Lang, ParsedTable, TimeKey};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The version of [`Saved`] this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// One indicator's annual values, year -> value in the indicator's canonical unit.
pub type Annual = BTreeMap<i32, f64>;

/// A city the user holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct City {
    /// Stable id within the workspace (names can change).
    pub id: u32,
    /// Display name, exactly as the user typed it (rendered as text, never as HTML).
    pub name: String,
    /// Hidden cities stay in the workspace but out of views and charts.
    pub hidden: bool,
    /// Whether this is the built-in fictional example.
    pub example: bool,
    /// Annual series by indicator.
    pub series: BTreeMap<IndicatorId, Annual>,
}

impl City {
    /// The latest year with a value of `indicator`, and that value.
    pub fn latest(&self, indicator: IndicatorId) -> Option<(i32, f64)> {
        self.series
            .get(&indicator)?
            .iter()
            .next_back()
            .map(|(y, v)| (*y, *v))
    }

    /// The annual series of `indicator` as (year, value) pairs in year order.
    pub fn annual(&self, indicator: IndicatorId) -> Vec<(i32, f64)> {
        self.series
            .get(&indicator)
            .map(|s| s.iter().map(|(y, v)| (*y, *v)).collect())
            .unwrap_or_default()
    }
}

/// What accepting a parse did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AcceptReport {
    /// Cities created.
    pub added: Vec<String>,
    /// Cities that received new or replaced values.
    pub updated: Vec<String>,
    /// Annual values stored.
    pub values: usize,
    /// Daily or hourly values not stored here (they feed the air-quality statistics instead).
    pub sub_annual: usize,
}

/// Everything the user has entered that outlives a page load.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Workspace {
    /// The cities, in the order they were added.
    pub cities: Vec<City>,
    /// Daily AQI and HJ 663 annual statistics from uploaded hourly or daily data, by city id.
    /// Only these derived values are kept, never the hourly values (a year of hourly data for
    /// six pollutants is about 1 MB of JSON; `localStorage` holds about 5 MB per site).
    pub air: BTreeMap<u32, AirRecord>,
    next_id: u32,
}

/// The persisted form of a [`Workspace`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    /// [`FORMAT_VERSION`] when written.
    pub version: u32,
    /// The cities.
    pub cities: Vec<City>,
    /// [`Workspace::air`] (absent in files written before it existed).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub air: BTreeMap<u32, AirRecord>,
}

/// Why a saved workspace or project file was not loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON of the expected shape.
    Corrupt(String),
    /// Written by a newer version of the app.
    Newer {
        /// The file's version.
        found: u32,
    },
}

impl LoadError {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Self::Corrupt(why) => match lang {
                Lang::En => format!("The file is not a project of this calculator ({why})."),
                Lang::Zh => format!("该文件不是本计算器的项目文件（{why}）。"),
            },
            Self::Newer { found } => match lang {
                Lang::En => format!("The project was saved by a newer version of the calculator (format {found}; this one reads {FORMAT_VERSION}). Nothing was changed."),
                Lang::Zh => format!("该项目由更新版本的计算器保存（格式 {found}，本版本读取 {FORMAT_VERSION}）。未做任何更改。"),
            },
        }
    }
}

impl Workspace {
    /// The first-visit workspace: the fictional example city, so every view has content.
    pub fn with_example(lang: Lang) -> Self {
        let mut ws = Self::default();
        let mut city = City {
            id: 0,
            name: example_city::name(lang).to_string(),
            hidden: false,
            example: true,
            series: BTreeMap::new(),
        };
        for s in example_city::series() {
            let annual = city.series.entry(s.indicator).or_default();
            for p in s.points {
                if let TimeKey::Year(y) = p.time {
                    annual.insert(y, p.value);
                }
            }
        }
        ws.push(city);
        ws
    }

    fn push(&mut self, mut city: City) {
        city.id = self.next_id;
        self.next_id += 1;
        self.cities.push(city);
    }

    /// The cities shown in views (not hidden).
    pub fn visible(&self) -> impl Iterator<Item = &City> {
        self.cities.iter().filter(|c| !c.hidden)
    }

    /// The city with `id`.
    pub fn city(&self, id: u32) -> Option<&City> {
        self.cities.iter().find(|c| c.id == id)
    }

    /// Merge the annual values of `table` into the workspace: a city named like an existing one
    /// receives the values (a year already present is replaced); any other becomes a new city.
    /// Rows that name no city go to `default_name`.
    pub fn accept(&mut self, table: &ParsedTable, default_name: &str) -> AcceptReport {
        let mut report = AcceptReport::default();
        for s in &table.series {
            let annual: Vec<(i32, f64)> = s
                .points
                .iter()
                .filter_map(|p| match p.time {
                    TimeKey::Year(y) => Some((y, p.value)),
                    _ => None,
                })
                .collect();
            report.sub_annual += s.points.len() - annual.len();
            self.merge(
                &mut report,
                s.city.as_deref(),
                default_name,
                s.indicator,
                &annual,
            );
        }
        report
    }

    /// The index of the (non-example) city named `city` (or `default_name`), created if needed.
    fn city_index(
        &mut self,
        report: &mut AcceptReport,
        city: Option<&str>,
        default_name: &str,
    ) -> usize {
        let name = city
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .unwrap_or(default_name);
        match self
            .cities
            .iter()
            .position(|c| !c.example && c.name == name)
        {
            Some(i) => {
                if !report.updated.iter().any(|n| n == name)
                    && !report.added.iter().any(|n| n == name)
                {
                    report.updated.push(name.to_string());
                }
                i
            }
            None => {
                self.push(City {
                    id: 0,
                    name: name.to_string(),
                    hidden: false,
                    example: false,
                    series: BTreeMap::new(),
                });
                report.added.push(name.to_string());
                self.cities.len() - 1
            }
        }
    }

    fn merge(
        &mut self,
        report: &mut AcceptReport,
        city: Option<&str>,
        default_name: &str,
        indicator: IndicatorId,
        annual: &[(i32, f64)],
    ) {
        if annual.is_empty() {
            return;
        }
        let index = self.city_index(report, city, default_name);
        let Some(city) = self.cities.get_mut(index) else {
            return;
        };
        let target = city.series.entry(indicator).or_default();
        for &(y, v) in annual {
            target.insert(y, v);
            report.values += 1;
        }
    }

    /// Merge an upload read by the worker: its annual values as [`Workspace::accept`] does, and
    /// per city the daily AQI and HJ 663 statistics (replacing the city's earlier ones). The
    /// valid HJ 663 annual means of PM2.5, PM10, SO2 and NO2 also become the city's annual
    /// values of those indicators (they are what annual tables such as the paper's Table 1
    /// report); CO and O3 have no annual mean in HJ 663 and are kept only as statistics.
    pub fn accept_upload(&mut self, upload: &UploadResult, default_name: &str) -> AcceptReport {
        let mut report = AcceptReport::default();
        for s in &upload.annual {
            self.merge(
                &mut report,
                s.city.as_deref(),
                default_name,
                s.indicator,
                &s.points,
            );
        }
        for a in &upload.air {
            report.sub_annual += a.record.daily_aqi.len();
            for (key, indicator) in [
                ("pm25", IndicatorId::Pm25),
                ("pm10", IndicatorId::Pm10),
                ("so2", IndicatorId::So2),
                ("no2", IndicatorId::No2),
            ] {
                let means: Vec<(i32, f64)> = a
                    .record
                    .years
                    .iter()
                    .filter_map(|y| {
                        let s = y
                            .stats
                            .iter()
                            .find(|s| s.pollutant == key && s.stat == Stat::AnnualMean)?;
                        Some((y.year, s.value?))
                    })
                    .collect();
                self.merge(
                    &mut report,
                    a.city.as_deref(),
                    default_name,
                    indicator,
                    &means,
                );
            }
            let index = self.city_index(&mut report, a.city.as_deref(), default_name);
            if let Some(c) = self.cities.get(index) {
                self.air.insert(c.id, a.record.clone());
            }
        }
        report
    }

    /// The daily and annual air statistics of city `id`, if any were uploaded.
    pub fn air_of(&self, id: u32) -> Option<&AirRecord> {
        self.air.get(&id)
    }

    /// Rename a city; an empty name is refused (returns false).
    pub fn rename(&mut self, id: u32, name: &str) -> bool {
        let name = name.trim();
        match self.cities.iter_mut().find(|c| c.id == id) {
            Some(c) if !name.is_empty() => {
                c.name = name.to_string();
                true
            }
            _ => false,
        }
    }

    /// Show or hide a city.
    pub fn set_hidden(&mut self, id: u32, hidden: bool) {
        if let Some(c) = self.cities.iter_mut().find(|c| c.id == id) {
            c.hidden = hidden;
        }
    }

    /// Delete a city.
    pub fn remove(&mut self, id: u32) {
        self.cities.retain(|c| c.id != id);
        self.air.remove(&id);
    }

    /// The persisted form.
    pub fn to_saved(&self) -> Saved {
        Saved {
            version: FORMAT_VERSION,
            cities: self.cities.clone(),
            air: self.air.clone(),
        }
    }

    /// Serialise for storage or a project file.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.to_saved()).unwrap_or_default()
    }

    /// Read a stored workspace or a project file. Checks the version before the shape, so a
    /// newer file is reported as newer rather than as corrupt.
    ///
    /// # Errors
    /// [`LoadError::Newer`] for a file from a newer version, [`LoadError::Corrupt`] otherwise.
    pub fn from_json(text: &str) -> Result<Self, LoadError> {
        #[derive(Deserialize)]
        struct VersionOnly {
            version: u32,
        }
        let v: VersionOnly =
            serde_json::from_str(text).map_err(|e| LoadError::Corrupt(e.to_string()))?;
        if v.version > FORMAT_VERSION {
            return Err(LoadError::Newer { found: v.version });
        }
        let saved: Saved =
            serde_json::from_str(text).map_err(|e| LoadError::Corrupt(e.to_string()))?;
        let next_id = saved.cities.iter().map(|c| c.id + 1).max().unwrap_or(0);
        Ok(Self {
            cities: saved.cities,
            air: saved.air,
            next_id,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use renewal_data::{parse_text, ParseOptions};

    fn parse(text: &str) -> ParsedTable {
        parse_text(text, &ParseOptions::default()).unwrap()
    }

    #[test]
    fn first_visit_holds_the_fictional_example_with_annual_air_quality() {
        let ws = Workspace::with_example(Lang::En);
        assert_eq!(ws.cities.len(), 1);
        let c = &ws.cities[0];
        assert!(c.example);
        assert!(c.name.contains("fictional"));
        assert!(c.latest(IndicatorId::Pm25).is_some());
    }

    #[test]
    fn accepting_a_paste_adds_a_city_and_a_second_paste_updates_it() {
        let mut ws = Workspace::default();
        let r = ws.accept(
            &parse("城市\t年份\tPM2.5\nShenyang\t2021\t40\nShenyang\t2022\t35\n"),
            "My city",
        );
        assert_eq!(r.added, vec!["Shenyang"]);
        assert_eq!(r.values, 2);
        assert_eq!(
            ws.cities[0].annual(IndicatorId::Pm25),
            vec![(2021, 40.0), (2022, 35.0)]
        );
        let r = ws.accept(&parse("city,year,PM2.5\nShenyang,2022,33\n"), "My city");
        assert_eq!(r.updated, vec!["Shenyang"]);
        assert_eq!(ws.cities.len(), 1);
        assert_eq!(ws.cities[0].latest(IndicatorId::Pm25), Some((2022, 33.0)));
    }

    #[test]
    fn rows_without_a_city_go_to_the_default_name() {
        let mut ws = Workspace::default();
        ws.accept(&parse("year\tPM10\n2020\t80\n"), "My city");
        assert_eq!(ws.cities[0].name, "My city");
        assert_eq!(ws.cities[0].latest(IndicatorId::Pm10), Some((2020, 80.0)));
    }

    #[test]
    fn rename_hide_remove() {
        let mut ws = Workspace::with_example(Lang::En);
        let id = ws.cities[0].id;
        assert!(!ws.rename(id, "   "));
        assert!(ws.rename(id, "<b>Town</b>"));
        assert_eq!(ws.cities[0].name, "<b>Town</b>");
        ws.set_hidden(id, true);
        assert_eq!(ws.visible().count(), 0);
        ws.remove(id);
        assert!(ws.cities.is_empty());
    }

    #[test]
    fn saved_workspace_round_trips_and_keeps_ids_unique() {
        let mut ws = Workspace::with_example(Lang::Zh);
        ws.accept(&parse("year,PM2.5\n2020,50\n"), "A");
        let back = Workspace::from_json(&ws.to_json()).unwrap();
        assert_eq!(back.cities, ws.cities);
        let mut back = back;
        back.accept(&parse("year,PM2.5\n2020,50\n"), "B");
        let ids: Vec<u32> = back.cities.iter().map(|c| c.id).collect();
        assert_eq!(ids, vec![0, 1, 2]);
    }

    #[test]
    fn corrupt_and_newer_files_are_rejected_with_the_reason() {
        assert!(matches!(
            Workspace::from_json("not json"),
            Err(LoadError::Corrupt(_))
        ));
        assert!(matches!(
            Workspace::from_json(r#"{"version":1,"cities":"x"}"#),
            Err(LoadError::Corrupt(_))
        ));
        assert_eq!(
            Workspace::from_json(r#"{"version":99,"cities":[]}"#),
            Err(LoadError::Newer { found: 99 })
        );
        assert!(LoadError::Newer { found: 99 }
            .message(Lang::Zh)
            .contains("更新版本"));
    }

    #[test]
    fn an_upload_keeps_daily_aqi_and_annual_means_and_survives_saving() {
        use crate::upload::{process, AirRecord, AirYear, CityAir, StatValue, UploadResult};
        // A hand-made result: 2022 with a valid PM2.5 annual mean and an invalid PM10 one.
        let record = AirRecord {
            hourly: true,
            first_day: "2022-01-01".into(),
            daily_aqi: vec![Some(50), None, Some(107)],
            days_dropped: 0,
            years: vec![AirYear {
                year: 2022,
                valid_days: 2,
                good_days: 1,
                stats: vec![
                    StatValue {
                        pollutant: "pm25".into(),
                        stat: Stat::AnnualMean,
                        value: Some(41.5),
                        days: 330,
                    },
                    StatValue {
                        pollutant: "pm10".into(),
                        stat: Stat::AnnualMean,
                        value: None,
                        days: 2,
                    },
                ],
            }],
        };
        let mut upload = process(
            b"year,PM2.5\n2020,50\n",
            &ParseOptions::default(),
            &mut |_| {},
        )
        .unwrap();
        upload.air = vec![CityAir {
            city: None,
            record: record.clone(),
        }];
        let upload: UploadResult = upload;
        let mut ws = Workspace::with_example(Lang::En);
        let r = ws.accept_upload(&upload, "My city");
        assert_eq!(r.added, vec!["My city"]);
        assert_eq!(r.values, 2); // 2020 from the table, 2022 from the statistics
        let id = ws.cities[1].id;
        assert_eq!(
            ws.cities[1].annual(IndicatorId::Pm25),
            vec![(2020, 50.0), (2022, 41.5)]
        );
        assert!(ws.cities[1].annual(IndicatorId::Pm10).is_empty());
        assert_eq!(ws.air_of(id), Some(&record));
        let back = Workspace::from_json(&ws.to_json()).unwrap();
        assert_eq!(back, ws);
        // Files written before `air` existed still load.
        assert!(Workspace::from_json(r#"{"version":1,"cities":[]}"#)
            .unwrap()
            .air
            .is_empty());
        ws.remove(id);
        assert!(ws.air.is_empty());
    }
}
