//! Daily AQI and HJ 663 annual statistics of uploaded hourly or daily data (computed by the
//! upload worker, kept in the workspace as [`AirRecord`]s): a year's statistics against the
//! GB 3095-2012 grade II limits, the daily AQI as a calendar table and a line chart.
//!
//! Strings are this view's own ([`D`]); the decisions are plain functions tested natively.

use super::model::pick;
use crate::charts::escape_html;
use crate::components::export::ExportTable;
use crate::export::Src;
use crate::state::Workspace;
use crate::upload::{AirRecord, Stat, GRADE};
use charming::component::{Aria, Axis, Grid, Title};
use charming::element::{AxisType, NameLocation, Tooltip, Trigger};
use charming::series::Line;
use charming::Chart;
use leptos::prelude::*;
use renewal_calc::aqi::{category, Family, Pollutant};
use renewal_calc::compliance::{check_gb3095, LimitSet};
use renewal_data::Lang;

/// This view's strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum D {
    Heading,
    Intro,
    Empty,
    City,
    Year,
    StatsCaption,
    Pollutant,
    Statistic,
    Value,
    Days,
    Limit,
    Ratio,
    Status,
    Meets,
    Exceeds,
    Incomplete,
    Summary,
    CalendarCaption,
    Month,
    ChartTitle,
    ChartLabel,
    NoValue,
    Dropped,
    AnnualMean,
    P98,
    P95,
    P90,
}

impl D {
    /// The text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        let (en, zh) = match self {
            Self::Heading => ("Daily AQI and annual statistics from uploaded data", "上传数据的日 AQI 和年统计"),
            Self::Intro => ("From hourly (or daily) concentrations uploaded in the Data view: daily means and the daily maximum 8-hour O3 mean with HJ 663-2013's validity rules, the daily AQI of HJ 633-2012, and HJ 663's annual statistics compared with the GB 3095-2012 grade II limits.", "根据在“数据”页上传的小时（或日）浓度：按 HJ 663-2013 的有效性规定计算日均值和臭氧日最大 8 小时平均，按 HJ 633-2012 计算日 AQI，并将 HJ 663 年评价统计量与 GB 3095-2012 二级浓度限值比较。"),
            Self::Empty => ("No hourly or daily data yet: upload a file of hourly concentrations (timestamp and PM2.5, PM10, SO2, NO2, CO, O3) in the Data view.", "尚无小时或日数据：请在“数据”页上传小时浓度文件（时间及 PM2.5、PM10、SO2、NO2、CO、O3）。"),
            Self::City => ("City", "城市"),
            Self::Year => ("Year", "年份"),
            Self::StatsCaption => ("HJ 663 annual statistics against GB 3095-2012 grade II", "HJ 663 年评价统计量与 GB 3095-2012 二级限值"),
            Self::Pollutant => ("Pollutant", "污染物"),
            Self::Statistic => ("Statistic", "统计量"),
            Self::Value => ("Value", "数值"),
            Self::Days => ("Valid days", "有效天数"),
            Self::Limit => ("Limit", "限值"),
            Self::Ratio => ("Value / limit", "数值/限值"),
            Self::Status => ("Status", "状态"),
            Self::Meets => ("meets the limit", "达标"),
            Self::Exceeds => ("exceeds the limit", "超标"),
            Self::Incomplete => ("too few valid days (HJ 663 needs 324)", "有效天数不足（HJ 663 要求 324 天）"),
            Self::Summary => ("days with a valid AQI; days with AQI ≤ 100:", "天有有效 AQI；AQI ≤ 100 的天数："),
            Self::CalendarCaption => ("Daily AQI (HJ 633-2012), by month and day", "日 AQI（HJ 633-2012），按月和日"),
            Self::Month => ("Month", "月"),
            Self::ChartTitle => ("Daily AQI", "日 AQI"),
            Self::ChartLabel => ("Line chart of the daily AQI; the numbers are in the calendar table", "日 AQI 折线图；数值见日历表"),
            Self::NoValue => ("no valid AQI", "无有效 AQI"),
            Self::Dropped => ("Older days not kept in the browser (their annual statistics are):", "未在浏览器中保留的较早天数（其年统计已保留）："),
            Self::AnnualMean => ("annual mean", "年平均"),
            Self::P98 => ("98th percentile of daily means", "日平均第 98 百分位数"),
            Self::P95 => ("95th percentile of daily means", "日平均第 95 百分位数"),
            Self::P90 => ("90th percentile of daily max 8-h means", "日最大 8 小时平均第 90 百分位数"),
        };
        match lang {
            Lang::Zh => zh,
            _ => en,
        }
    }
}

fn stat_name(s: Stat) -> D {
    match s {
        Stat::AnnualMean => D::AnnualMean,
        Stat::P98Daily => D::P98,
        Stat::P95Daily => D::P95,
        Stat::P90Mda8 => D::P90,
    }
}

/// One row of the statistics table.
#[derive(Debug, Clone, PartialEq)]
pub struct StatRow {
    /// Pollutant.
    pub pollutant: Pollutant,
    /// Statistic.
    pub stat: Stat,
    /// Value (µg/m³; CO mg/m³), `None` when HJ 663's completeness rule is not met.
    pub value: Option<f64>,
    /// Valid days.
    pub days: usize,
    /// GB 3095-2012 grade II limit.
    pub limit: Option<f64>,
    /// Value / limit.
    pub ratio: Option<f64>,
    /// Within the limit.
    pub pass: Option<bool>,
}

/// The statistics of `year`, each with its GB 3095-2012 grade II check.
///
/// # Standard
/// HJ 663-2013 statistics; GB 3095-2012 Table 1 grade II, through
/// `renewal_calc::compliance::check_gb3095`.
pub fn stat_rows(rec: &AirRecord, year: i32) -> Vec<StatRow> {
    let Some(y) = rec.years.iter().find(|y| y.year == year) else {
        return Vec::new();
    };
    y.stats
        .iter()
        .filter_map(|s| {
            let pollutant = s.pollutant()?;
            let check = match (s.metric(), s.value) {
                (Some(m), Some(v)) => check_gb3095(LimitSet::Gb3095_2012, GRADE, &[(m, v)])
                    .ok()
                    .and_then(|c| c.into_iter().next()),
                _ => None,
            };
            let limit = s.metric().and_then(|m| {
                renewal_calc::compliance::limits(LimitSet::Gb3095_2012)
                    .iter()
                    .find(|l| l.metric == m)
                    .map(|l| l.grade_ii)
            });
            Some(StatRow {
                pollutant,
                stat: s.stat,
                value: s.value,
                days: s.days,
                limit,
                ratio: check.as_ref().map(|c| c.ratio),
                pass: check.map(|c| c.pass),
            })
        })
        .collect()
}

/// Daily AQI of `year` as 12 months × 31 days: `None` where the day does not exist or is not
/// in the data, `Some(None)` for a day without a valid AQI.
pub fn calendar(rec: &AirRecord, year: i32) -> Vec<Vec<Option<Option<u32>>>> {
    let mut months = vec![vec![None; 31]; 12];
    for (d, aqi) in rec.days() {
        if d.year != year {
            continue;
        }
        if let Some(cell) = months
            .get_mut(usize::from(d.month).saturating_sub(1))
            .and_then(|m| m.get_mut(usize::from(d.day).saturating_sub(1)))
        {
            *cell = Some(aqi);
        }
    }
    months
}

/// Years that have kept days, latest first; then years with statistics only.
pub fn years(rec: &AirRecord) -> Vec<i32> {
    let mut y: Vec<i32> = rec.years.iter().map(|y| y.year).collect();
    y.sort_unstable_by(|a, b| b.cmp(a));
    y
}

/// The line chart of a year's daily AQI (dates as categories, gaps where no valid AQI).
pub fn aqi_chart(rec: &AirRecord, year: i32, city: &str, lang: Lang) -> Chart {
    let days: Vec<_> = rec
        .days()
        .into_iter()
        .filter(|(d, _)| d.year == year)
        .collect();
    let x: Vec<String> = days
        .iter()
        .map(|(d, _)| format!("{:02}-{:02}", d.month, d.day))
        .collect();
    let y: Vec<Option<f64>> = days.iter().map(|(_, a)| a.map(f64::from)).collect();
    Chart::new()
        .title(
            Title::new()
                .text(format!(
                    "{} {year} · {}",
                    D::ChartTitle.text(lang),
                    escape_html(city)
                ))
                .left("center"),
        )
        .aria(Aria::new().enabled(true))
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .grid(Grid::new().left(48).right(24).top(48).bottom(40))
        .x_axis(Axis::new().type_(AxisType::Category).data(x))
        .y_axis(
            Axis::new()
                .type_(AxisType::Value)
                .name("AQI")
                .name_location(NameLocation::End),
        )
        .series(Line::new().name("AQI").show_symbol(false).data(y))
}

/// The CSS class of an AQI's category level (`aqi-level-1` … `aqi-level-6`).
pub fn level_class(aqi: u32) -> String {
    format!("aqi-level-{}", category(Family::China, aqi).level)
}

fn number(v: f64, lang: Lang) -> String {
    crate::format::number(v, if v.abs() < 10.0 { 2 } else { 1 }, lang)
}

/// The view: one city's uploaded statistics.
#[component]
pub fn DailyStats() -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let workspace = expect_context::<RwSignal<Workspace>>();
    let t = move |m: D| move || m.text(lang.get());
    let cities = Memo::new(move |_| {
        workspace.with(|ws| {
            ws.visible()
                .filter(|c| ws.air_of(c.id).is_some())
                .map(|c| (c.id, c.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let chosen_city = RwSignal::new(None::<u32>);
    let city_id = Memo::new(move |_| {
        let list = cities.get();
        chosen_city
            .get()
            .filter(|id| list.iter().any(|(i, _)| i == id))
            .or_else(|| list.first().map(|(i, _)| *i))
    });
    let record = Memo::new(move |_| {
        city_id
            .get()
            .and_then(|id| workspace.with(|ws| ws.air_of(id).cloned()))
    });
    let chosen_year = RwSignal::new(None::<i32>);
    let year = Memo::new(move |_| {
        let rec = record.get()?;
        let ys = years(&rec);
        chosen_year.get().filter(|y| ys.contains(y)).or_else(|| {
            // The latest year with kept days, else the latest year.
            let kept: Vec<i32> = rec.days().last().map(|(d, _)| d.year).into_iter().collect();
            kept.first().copied().or_else(|| ys.first().copied())
        })
    });
    let city_name = move || {
        let id = city_id.get();
        cities
            .get()
            .into_iter()
            .find(|(i, _)| Some(*i) == id)
            .map(|(_, n)| n)
            .unwrap_or_default()
    };

    view! {
        <section class="card air-daily" aria-labelledby="air-daily-heading">
            <h3 id="air-daily-heading">{t(D::Heading)}</h3>
            <p>{t(D::Intro)}</p>
            {move || match (record.get(), year.get()) {
                (Some(rec), Some(y)) => {
                    let l = lang.get();
                    let rows = stat_rows(&rec, y);
                    let cal = calendar(&rec, y);
                    let summary = rec.years.iter().find(|r| r.year == y).map(|r| {
                        format!("{y}: {} {} {}", r.valid_days, D::Summary.text(l), r.good_days)
                    });
                    let chart_rec = rec.clone();
                    let name = city_name();
                    let chart_name = name.clone();
                    let stats_caption = format!("{} — {name}, {y}", D::StatsCaption.text(l));
                    let calendar_caption = format!("{} — {name}, {y}", D::CalendarCaption.text(l));
                    view! {
                        <div class="air-daily__controls">
                            <label>
                                {D::City.text(l)}" "
                                <select on:change=move |ev| chosen_city.set(event_target_value(&ev).parse().ok())>
                                    {cities.get().into_iter().map(|(id, n)| {
                                        let selected = Some(id) == city_id.get_untracked();
                                        view! { <option value=id.to_string() selected=selected>{n}</option> }
                                    }).collect_view()}
                                </select>
                            </label>
                            " "
                            <label>
                                {D::Year.text(l)}" "
                                <select on:change=move |ev| chosen_year.set(event_target_value(&ev).parse().ok())>
                                    {years(&rec).into_iter().map(|yy| view! {
                                        <option value=yy.to_string() selected=yy == y>{yy}</option>
                                    }).collect_view()}
                                </select>
                            </label>
                        </div>
                        <p class="air-daily__summary">{summary}</p>
                        {(rec.days_dropped > 0).then(|| view! {
                            <p class="note">{D::Dropped.text(l)}" "{rec.days_dropped}</p>
                        })}
                        <ExportTable source=Signal::derive(move || Src::DailyAir.text(lang.get()).to_string())>
                            <table class="data-table air-daily__stats">
                                <caption>{stats_caption}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{D::Pollutant.text(l)}</th>
                                        <th scope="col">{D::Statistic.text(l)}</th>
                                        <th scope="col" class="num">{D::Value.text(l)}</th>
                                        <th scope="col" class="num">{D::Days.text(l)}</th>
                                        <th scope="col" class="num">{D::Limit.text(l)}</th>
                                        <th scope="col" class="num">{D::Ratio.text(l)}</th>
                                        <th scope="col">{D::Status.text(l)}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {rows.into_iter().map(|r| {
                                        let unit = if r.pollutant == Pollutant::Co { "mg/m³" } else { "µg/m³" };
                                        let status = match r.pass {
                                            Some(true) => D::Meets.text(l),
                                            Some(false) => D::Exceeds.text(l),
                                            None => D::Incomplete.text(l),
                                        };
                                        let class = match r.pass {
                                            Some(true) => "status-pass",
                                            Some(false) => "status-fail",
                                            None => "status-none",
                                        };
                                        view! {
                                            <tr>
                                                <th scope="row">{r.pollutant.label()}</th>
                                                <td>{stat_name(r.stat).text(l)}</td>
                                                <td class="num">{r.value.map(|v| format!("{} {unit}", number(v, l))).unwrap_or_else(|| "—".into())}</td>
                                                <td class="num">{r.days}</td>
                                                <td class="num">{r.limit.map(|v| number(v, l)).unwrap_or_default()}</td>
                                                <td class="num">{r.ratio.map(|v| crate::format::number(v, 2, l)).unwrap_or_default()}</td>
                                                <td class=class>{status}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </ExportTable>
                        <figure class="chart-figure">
                            <crate::components::chart::EChart
                                options=move || aqi_chart(&chart_rec, y, &chart_name, lang.get())
                                label=Signal::derive(move || D::ChartLabel.text(lang.get()).to_string())
                            />
                        </figure>
                        <ExportTable source=Signal::derive(move || Src::DailyAir.text(lang.get()).to_string())>
                            <table class="data-table aqi-calendar">
                                <caption>{calendar_caption}</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">{D::Month.text(l)}</th>
                                        {(1..=31).map(|d| view! { <th scope="col" class="num">{d}</th> }).collect_view()}
                                    </tr>
                                </thead>
                                <tbody>
                                    {cal.into_iter().enumerate().map(|(m, days)| view! {
                                        <tr>
                                            <th scope="row">{m + 1}</th>
                                            {days.into_iter().map(|cell| match cell {
                                                Some(Some(a)) => {
                                                    let c = category(Family::China, a);
                                                    view! { <td class=format!("num {}", level_class(a)) title=pick(c.name, l)>{a}</td> }.into_any()
                                                }
                                                Some(None) => view! { <td class="num" title=D::NoValue.text(l)>"·"</td> }.into_any(),
                                                None => view! { <td></td> }.into_any(),
                                            }).collect_view()}
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </ExportTable>
                        <ul class="aqi-legend">
                            {renewal_calc::aqi::categories(Family::China).iter().map(|c| view! {
                                <li>
                                    <span class=format!("aqi-swatch aqi-level-{}", c.level)></span>
                                    {format!("{}–{} {}", c.aqi_min, c.aqi_max.map(|m| m.to_string()).unwrap_or_default(), pick(c.name, l))}
                                </li>
                            }).collect_view()}
                        </ul>
                    }
                    .into_any()
                }
                _ => view! { <p class="note">{D::Empty.text(lang.get())}</p> }.into_any(),
            }}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::upload::{AirYear, StatValue};

    fn rec() -> AirRecord {
        AirRecord {
            hourly: true,
            first_day: "2022-12-30".into(),
            daily_aqi: vec![Some(40), None, Some(120), Some(310)],
            days_dropped: 0,
            years: vec![
                AirYear {
                    year: 2022,
                    valid_days: 1,
                    good_days: 1,
                    stats: vec![],
                },
                AirYear {
                    year: 2023,
                    valid_days: 330,
                    good_days: 300,
                    stats: vec![
                        StatValue {
                            pollutant: "pm25".into(),
                            stat: Stat::AnnualMean,
                            value: Some(42.0),
                            days: 330,
                        },
                        StatValue {
                            pollutant: "so2".into(),
                            stat: Stat::P98Daily,
                            value: Some(60.0),
                            days: 330,
                        },
                        StatValue {
                            pollutant: "pm10".into(),
                            stat: Stat::AnnualMean,
                            value: None,
                            days: 200,
                        },
                    ],
                },
            ],
        }
    }

    #[test]
    fn statistics_are_checked_against_gb3095_2012_grade_ii() {
        let rows = stat_rows(&rec(), 2023);
        // PM2.5 annual limit 35: 42 / 35 = 1.2, exceeds.
        assert_eq!(rows[0].limit, Some(35.0));
        assert!((rows[0].ratio.unwrap() - 1.2).abs() < 1e-12);
        assert_eq!(rows[0].pass, Some(false));
        // SO2 24-h limit 150 (compared with the 98th percentile): 0.4, meets.
        assert_eq!(rows[1].limit, Some(150.0));
        assert_eq!(rows[1].pass, Some(true));
        // No value: no check, but the limit is shown.
        assert_eq!(rows[2].limit, Some(70.0));
        assert_eq!(rows[2].pass, None);
        assert!(stat_rows(&rec(), 1999).is_empty());
    }

    #[test]
    fn the_calendar_places_days_by_month_and_day() {
        let c = calendar(&rec(), 2023);
        assert_eq!(c[0][0], Some(Some(120))); // 2023-01-01
        assert_eq!(c[0][1], Some(Some(310)));
        assert_eq!(c[0][2], None);
        let c = calendar(&rec(), 2022);
        assert_eq!(c[11][29], Some(Some(40)));
        assert_eq!(c[11][30], Some(None)); // 2022-12-31: no valid AQI
        assert_eq!(years(&rec()), vec![2023, 2022]);
    }

    #[test]
    fn categories_give_the_cell_class_and_the_chart_escapes_the_city() {
        assert_eq!(level_class(40), "aqi-level-1");
        assert_eq!(level_class(120), "aqi-level-3");
        assert_eq!(level_class(310), "aqi-level-6");
        let json = aqi_chart(&rec(), 2023, "<b>X</b>", Lang::En).to_string();
        assert!(json.contains("&lt;b&gt;X&lt;/b&gt;"), "{json}");
        assert!(json.contains("\"01-01\""));
        assert!(json.contains("120"));
    }
}
