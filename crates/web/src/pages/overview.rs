//! The overview: for each city held, its latest values beside the Northeast baseline, with the
//! limit, a status in words and colour, and the city's own trend.

use crate::comparison::{air_quality_rows, Row, Status};
use crate::components::export::{today, ExportTable, JsonButton, PrintButton, PrintStamp};
use crate::export::{
    number as full_precision, ExportMeta, TableData, APP_VERSION, EXPORT_FORMAT_VERSION,
};
use crate::format::{adaptive, number, p_value, signed};
use crate::i18n::{tag, Lang, Msg};
use crate::route::Page;
use crate::state::{City, Workspace};
use leptos::prelude::*;
use renewal_calc::trend::TrendDirection;
use renewal_data::baseline;
use serde_json::{json, Value};

/// The overview's own export strings (the column headers of its CSV that the view does not
/// show, and the provenance of its numbers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum O {
    City,
    CityYear,
    CityValue,
    NortheastYear,
    NortheastValue,
    TrendP,
    SenSlope,
    Standard,
    Units,
    ResultsFile,
}

impl O {
    fn text(self, lang: Lang) -> &'static str {
        let (en, zh) = match self {
            O::City => ("City", "城市"),
            O::CityYear => ("City year", "城市年份"),
            O::CityValue => ("City value", "城市数值"),
            O::NortheastYear => ("Northeast year", "东北年份"),
            O::NortheastValue => ("Northeast value", "东北数值"),
            O::TrendP => ("Mann–Kendall p", "Mann–Kendall p 值"),
            O::SenSlope => ("Sen's slope per year", "Sen 斜率（每年）"),
            O::Standard => (
                "GB 3095-2012, Table 1, grade II annual limits (PM2.5, PM10, SO2, NO2; CO and O3 have no annual limit); trend: Mann–Kendall test at α = 0.05 with Sen's slope",
                "GB 3095-2012 表 1 二级年平均浓度限值（PM2.5、PM10、SO2、NO2；CO 与 O3 无年均限值）；趋势：Mann–Kendall 检验（α = 0.05）与 Sen 斜率",
            ),
            O::Units => ("µg/m³ (CO: mg/m³); p and ratio without unit", "µg/m³（CO：mg/m³）；p 值与倍数无单位"),
            O::ResultsFile => ("overview-results", "总览结果"),
        };
        match lang {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }
}

fn status_word(status: Status) -> Msg {
    match status {
        Status::Good => Msg::StatusGood,
        Status::Watch => Msg::StatusWatch,
        Status::Poor => Msg::StatusPoor,
    }
}

fn status_key(status: Status) -> &'static str {
    match status {
        Status::Good => "good",
        Status::Watch => "watch",
        Status::Poor => "poor",
    }
}

fn direction_key(d: TrendDirection) -> &'static str {
    match d {
        TrendDirection::Decreasing => "decreasing",
        TrendDirection::Increasing => "increasing",
        TrendDirection::NoTrend => "no trend",
    }
}

fn direction_word(d: TrendDirection, lang: Lang) -> &'static str {
    match d {
        TrendDirection::Decreasing => Msg::TrendFalling.text(lang),
        TrendDirection::Increasing => Msg::TrendRising.text(lang),
        TrendDirection::NoTrend => Msg::TrendNone.text(lang),
    }
}

/// Where the overview's numbers come from, for the CSV's `#` lines.
pub fn overview_meta(city: &str, lang: Lang) -> ExportMeta {
    let citation = match lang {
        Lang::En => baseline::PAPER_CITATION,
        Lang::Zh => baseline::PAPER_CITATION_ZH,
    };
    ExportMeta {
        title: format!("{city}: {}", Msg::AirVsNortheast.text(lang)),
        source: format!("{citation}, {}", Msg::Table1Ref.text(lang)),
        standard: O::Standard.text(lang).to_string(),
        units: O::Units.text(lang).to_string(),
    }
}

/// One city's overview as CSV rows: the rows the view shows, with years and trend statistics
/// in their own columns and numbers unformatted (at most 4 decimals).
pub fn overview_table(city: &str, rows: &[Row], lang: Lang) -> TableData {
    let headers = [
        O::City.text(lang),
        Msg::Indicator.text(lang),
        Msg::Unit.text(lang),
        O::CityYear.text(lang),
        O::CityValue.text(lang),
        O::NortheastYear.text(lang),
        O::NortheastValue.text(lang),
        Msg::Difference.text(lang),
        Msg::Ratio.text(lang),
        Msg::Limit.text(lang),
        Msg::Status.text(lang),
        Msg::Trend.text(lang),
        O::TrendP.text(lang),
        O::SenSlope.text(lang),
    ];
    TableData {
        headers: headers.iter().map(|h| h.to_string()).collect(),
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    city.to_string(),
                    r.indicator.name(lang).to_string(),
                    r.unit.to_string(),
                    r.city.0.to_string(),
                    full_precision(r.city.1, 4),
                    r.baseline.0.to_string(),
                    full_precision(r.baseline.1, 4),
                    full_precision(r.difference, 4),
                    r.ratio.map(|v| full_precision(v, 4)).unwrap_or_default(),
                    r.limit.map(|v| full_precision(v, 4)).unwrap_or_default(),
                    status_word(r.status).text(lang).to_string(),
                    r.trend
                        .map(|t| direction_word(t.direction, lang).to_string())
                        .unwrap_or_else(|| Msg::TrendTooShort.text(lang).to_string()),
                    r.trend.map(|t| full_precision(t.p, 4)).unwrap_or_default(),
                    r.trend
                        .map(|t| full_precision(t.slope_per_year, 4))
                        .unwrap_or_default(),
                ]
            })
            .collect(),
    }
}

/// The overview's results as JSON: format version, app version, source, standard, units, and
/// for each city its rows with full-precision numbers and language-neutral keys.
pub fn overview_json(cities: &[(String, Vec<Row>)], lang: Lang, date: &str) -> Value {
    let meta = overview_meta("", lang);
    json!({
        "format": "renewal-results",
        "version": EXPORT_FORMAT_VERSION,
        "app_version": APP_VERSION,
        "exported": date,
        "language": tag(lang),
        "view": "overview",
        "source": meta.source,
        "standard": meta.standard,
        "units": meta.units,
        "cities": cities.iter().map(|(name, rows)| json!({
            "name": name,
            "rows": rows.iter().map(|r| json!({
                "indicator": r.indicator.as_str(),
                "unit": r.unit,
                "city": { "year": r.city.0, "value": r.city.1 },
                "northeast": { "year": r.baseline.0, "value": r.baseline.1 },
                "difference": r.difference,
                "ratio": r.ratio,
                "limit": r.limit,
                "status": status_key(r.status),
                "trend": r.trend.map(|t| json!({
                    "direction": direction_key(t.direction),
                    "p": t.p,
                    "sen_slope_per_year": t.slope_per_year,
                })),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

/// The overview page.
#[component]
pub fn OverviewPage() -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let workspace = expect_context::<RwSignal<Workspace>>();
    let t = move |m: Msg| move || m.text(lang.get());
    view! {
        <section class="page" aria-labelledby="overview-heading">
            <h2 id="overview-heading">{t(Msg::OverviewHeading)}</h2>
            <PrintStamp/>
            <p class="lead">{t(Msg::OverviewIntro)}</p>
            <p class="cta">
                <a class="button button--primary" href=Page::Data.hash()>{t(Msg::CallToAction)}</a>
            </p>
            <p class="export-bar">
                <PrintButton/>
                <JsonButton
                    name=Signal::derive(move || O::ResultsFile.text(lang.get()).to_string())
                    json=Callback::new(move |l: Lang| {
                        let cities = workspace.with_untracked(|ws| {
                            ws.visible().map(|c| (c.name.clone(), air_quality_rows(c))).collect::<Vec<_>>()
                        });
                        serde_json::to_string_pretty(&overview_json(&cities, l, &today())).unwrap_or_default()
                    })
                />
            </p>
            <p class="note">{move || renewal_data::example_city::disclaimer(lang.get())}</p>
            <For
                each=move || workspace.with(|ws| ws.visible().cloned().collect::<Vec<_>>())
                key=|c| (c.id, c.name.clone(), c.series.len(), c.series.values().map(|s| s.len()).sum::<usize>())
                let:city
            >
                <CityOverview city=city/>
            </For>
            <p class="note">{t(Msg::StatusRule)}</p>
        </section>
    }
}

#[component]
fn CityOverview(city: City) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let t = move |m: Msg| move || m.text(lang.get());
    let rows = air_quality_rows(&city);
    let heading_id = format!("city-{}", city.id);
    let name = city.name.clone();
    let caption_name = name.clone();
    let export_rows = rows.clone();
    let export_name = name.clone();
    let meta_name = name.clone();
    view! {
        <section class="card" aria-labelledby=heading_id.clone()>
            <h3 id=heading_id.clone()>{name}</h3>
            {if rows.is_empty() {
                view! { <p>{t(Msg::NoComparableData)}</p> }.into_any()
            } else {
                view! {
                    <ExportTable
                        source=Signal::derive(move || overview_meta("", lang.get()).source)
                        standard=Signal::derive(move || O::Standard.text(lang.get()).to_string())
                        units=Signal::derive(move || O::Units.text(lang.get()).to_string())
                        title=Signal::derive(move || overview_meta(&meta_name, lang.get()).title)
                        rows=Callback::new(move |l: Lang| overview_table(&export_name, &export_rows, l))
                    >
                        <table class="data-table overview-table">
                            <caption>{move || format!("{}: {}", caption_name, Msg::AirVsNortheast.text(lang.get()))}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{t(Msg::Indicator)}</th>
                                    <th scope="col" class="num">{t(Msg::CityValue)}</th>
                                    <th scope="col" class="num">{t(Msg::NortheastValue)}</th>
                                    <th scope="col" class="num">{t(Msg::Difference)}</th>
                                    <th scope="col" class="num">{t(Msg::Ratio)}</th>
                                    <th scope="col" class="num">{t(Msg::Limit)}</th>
                                    <th scope="col">{t(Msg::Status)}</th>
                                    <th scope="col">{t(Msg::Trend)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows.into_iter().map(|r| view! { <OverviewRow row=r/> }).collect_view()}
                            </tbody>
                        </table>
                    </ExportTable>
                }
                .into_any()
            }}
        </section>
    }
}

/// City minus baseline with the decimals [`adaptive`] gives the difference, signed when above.
pub fn difference(d: f64, lang: Lang) -> String {
    if d > 0.0 {
        format!("+{}", adaptive(d, lang))
    } else {
        adaptive(d, lang)
    }
}

#[component]
fn OverviewRow(row: Row) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let (status_class, status_msg) = match row.status {
        Status::Good => ("status status--good", Msg::StatusGood),
        Status::Watch => ("status status--watch", Msg::StatusWatch),
        Status::Poor => ("status status--poor", Msg::StatusPoor),
    };
    let trend = row.trend;
    view! {
        <tr>
            <th scope="row">{move || row.indicator.name(lang.get()).to_string()}<span class="unit">{format!(" ({})", row.unit)}</span></th>
            <td class="num">{move || adaptive(row.city.1, lang.get())}<span class="year">{format!(" ({})", row.city.0)}</span></td>
            <td class="num">{move || adaptive(row.baseline.1, lang.get())}<span class="year">{format!(" ({})", row.baseline.0)}</span></td>
            <td class="num">{move || difference(row.difference, lang.get())}</td>
            <td class="num">{move || row.ratio.map(|r| format!("×{}", number(r, 2, lang.get())))}</td>
            <td class="num">{move || row.limit.map(|l| adaptive(l, lang.get()))}</td>
            <td><span class=status_class>{move || status_msg.text(lang.get())}</span></td>
            <td>
                {move || match trend {
                    None => Msg::TrendTooShort.text(lang.get()).to_string(),
                    Some(t) => {
                        let l = lang.get();
                        let (arrow, word) = match t.direction {
                            TrendDirection::Decreasing => ("↓", Msg::TrendFalling.text(l)),
                            TrendDirection::Increasing => ("↑", Msg::TrendRising.text(l)),
                            TrendDirection::NoTrend => ("→", Msg::TrendNone.text(l)),
                        };
                        format!("{arrow} {word} ({}; {}/{})", p_value(t.p, l), signed(t.slope_per_year, 2, l), Msg::PerYear.text(l))
                    }
                }}
            </td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use renewal_data::IndicatorId;
    use std::collections::BTreeMap;

    /// The paste_from_excel journey's city: PM2.5 42.5, 40.1, 38.0, 36.4 in 2019–2022.
    fn shenyang() -> City {
        let mut series = BTreeMap::new();
        series.insert(
            IndicatorId::Pm25,
            [(2019, 42.5), (2020, 40.1), (2021, 38.0), (2022, 36.4)]
                .into_iter()
                .collect(),
        );
        City {
            id: 0,
            name: "=HYPERLINK(\"http://x\")".into(),
            hidden: false,
            example: false,
            series,
        }
    }

    #[test]
    fn csv_rows_are_the_rows_the_view_shows() {
        let city = shenyang();
        let rows = air_quality_rows(&city);
        let t = overview_table(&city.name, &rows, Lang::En);
        assert_eq!(t.headers.len(), 14);
        assert_eq!(t.rows.len(), 1);
        let r = &t.rows[0];
        // Table 1 gives the Northeast PM2.5 for 2022 as 23 µg/m³; GB 3095-2012 grade II: 35.
        assert_eq!(r[0], city.name);
        assert_eq!(r[3..8], ["2022", "36.4", "2022", "23", "13.4"]);
        // 36.4 / 23 = 1.58260869...; 35 < 36.4 <= 52.5: watch.
        assert_eq!(r[8], "1.5826");
        assert_eq!(r[9], "35");
        assert_eq!(r[10], "watch");
        // Sen's slope: the median of the six pairwise slopes (-2.4, -2.25, -2.033.., -2.1,
        // -1.85, -1.6) is (-2.1 + -2.033..) / 2 = -2.0667.
        assert_eq!(r[13], "-2.0667");
    }

    #[test]
    fn csv_of_a_hostile_city_name_is_inert() {
        let city = shenyang();
        let rows = air_quality_rows(&city);
        let csv = crate::export::csv_document(
            &overview_meta(&city.name, Lang::En),
            &overview_table(&city.name, &rows, Lang::En),
            Lang::En,
            "2026-11-28",
        );
        let data_line = csv
            .lines()
            .find(|l| l.contains("HYPERLINK") && !l.contains('#'));
        assert_eq!(
            data_line.map(|l| l.split(',').next()),
            Some(Some("\"'=HYPERLINK(\"\"http://x\"\")\""))
        );
    }

    #[test]
    fn json_carries_version_source_and_full_numbers() {
        let city = shenyang();
        let rows = air_quality_rows(&city);
        let v = overview_json(&[(city.name.clone(), rows)], Lang::Zh, "2026-11-28");
        assert_eq!(v["version"], EXPORT_FORMAT_VERSION);
        assert_eq!(v["app_version"], APP_VERSION);
        assert_eq!(v["language"], "zh-CN");
        assert!(v["source"].as_str().unwrap().contains("表 1"));
        assert!(v["standard"].as_str().unwrap().contains("GB 3095-2012"));
        let row = &v["cities"][0]["rows"][0];
        assert_eq!(row["indicator"], "pm25");
        assert_eq!(row["city"]["value"], 36.4);
        assert_eq!(row["northeast"]["value"], 23.0);
        assert_eq!(row["limit"], 35.0);
        assert_eq!(row["status"], "watch");
        assert_eq!(row["trend"]["direction"], "no trend");
    }

    #[test]
    fn differences_keep_adaptive_decimals_and_a_plus_when_above() {
        assert_eq!(difference(13.4, Lang::En), "+13.4");
        assert_eq!(difference(-0.3231, Lang::Zh), "-0.32");
        assert_eq!(difference(1234.0, Lang::En), "+1,234");
        assert_eq!(difference(0.0, Lang::En), "0.00");
    }
}
