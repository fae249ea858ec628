//! Industry: each visible city's primary/secondary/tertiary shares, HHI and Shannon evenness
//! beside the shares of Liaoning, Jilin, Heilongjiang and the Northeast total in the same year
//! (or the nearest year on the same side of the 2018/2019 economic-census break), with the
//! source and confidence of every provincial value.

use crate::charts::{escape_html, PALETTE};
use crate::components::chart::EChart;
use crate::components::export::{ExportTable, PrintStamp};
use crate::export::Src;
use crate::format::number;
use crate::pages::population::sources_cell;
use crate::province::{
    city_structure, distinct_sources, gdp_break, latest_structure_year, reason, region_name,
    region_structures, RegionStructure,
};
use crate::state::{City, Workspace};
use charming::component::{Aria, Axis, Grid, Legend, Title};
use charming::element::{AxisType, Tooltip, Trigger};
use charming::series::Bar;
use charming::Chart;
use leptos::prelude::*;
use renewal_data::context::{Basis, CompareOptions};
use renewal_data::Lang;

/// The page's messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum M {
    Heading,
    Intro,
    IncludeLow,
    Caption,
    Region,
    Year,
    Primary,
    Secondary,
    Tertiary,
    Hhi,
    Evenness,
    Basis,
    Sources,
    YourData,
    NoStructure,
    Nearest,
    ChartTitle,
    BreakNote,
    PreCensus,
    PostCensus,
    Derived,
    LowMarker,
    CityShareNote,
}

impl M {
    fn text(self, lang: Lang) -> &'static str {
        let (en, zh) = match self {
            Self::Heading => ("Industry", "产业结构"),
            Self::Intro => ("Each city's shares of primary, secondary and tertiary industry in the sum of the three value-added series, their concentration (Herfindahl–Hirschman index, HHI = Σ share²; 1/3 is perfectly even, 1 a single industry) and Shannon evenness (J = −Σ s ln s / ln 3; 1 is perfectly even), beside the provinces' shares for the same year (renewal_calc::structure; Northeast context dataset, table N2). The paper (sections 3.1, 4.1, 4.5) argues that a heavy, single industrial structure holds the cities back.", "各城市第一、二、三产业增加值占三者合计的比重、集中度（赫芬达尔—赫希曼指数 HHI = Σ 比重²；1/3 为完全均衡，1 为单一产业）和香农均匀度（J = −Σ s ln s / ln 3；1 为完全均衡），与同年各省比重并列（renewal_calc::structure；东北背景数据集表 N2）。论文第3.1、4.1、4.5节认为偏重、单一的产业结构制约了这些城市。"),
            Self::IncludeLow => ("Include low-confidence values (marked ⚠)", "包含低可信度数值（标 ⚠）"),
            Self::Caption => ("industrial structure beside the provinces", "产业结构与各省对比"),
            Self::Region => ("City or region", "城市或地区"),
            Self::Year => ("Year", "年份"),
            Self::Primary => ("Primary, %", "第一产业，%"),
            Self::Secondary => ("Secondary, %", "第二产业，%"),
            Self::Tertiary => ("Tertiary, %", "第三产业，%"),
            Self::Hhi => ("HHI", "HHI"),
            Self::Evenness => ("Evenness", "均匀度"),
            Self::Basis => ("GDP basis", "GDP 口径"),
            Self::Sources => ("Source and confidence", "来源与可信度"),
            Self::YourData => ("your data", "您的数据"),
            Self::NoStructure => ("No year with all three industries' value added: paste primary, secondary and tertiary value-added columns on the Your data page.", "没有同时具备三次产业增加值的年份：请在“我的数据”页面粘贴第一、二、三产业增加值列。"),
            Self::Nearest => ("nearest year on the same GDP basis", "同一 GDP 口径下最近的年份"),
            Self::ChartTitle => ("Shares of the three industries, %", "三次产业比重，%"),
            Self::BreakNote => ("GDP figures published from 2019 are on the basis of the 4th national economic census (reference year 2018) and much lower in the Northeast than the figures first published for 2018: shares from 2014–2018 and from 2019 on are on different bases. A region without shares in the city's year is shown for the nearest year on the same side of this break, never across it.", "2019年起公布的 GDP 以第四次全国经济普查（2018年为基准年）为口径，东北各省数值远低于2018年初次公布数：2014–2018年与2019年起的比重口径不同。某地区若无城市所在年份的比重，则显示断点同侧最近年份的数值，绝不跨越断点。"),
            Self::PreCensus => ("before the 2018 economic census", "2018年经济普查前"),
            Self::PostCensus => ("4th economic census (2019 on)", "第四次经济普查口径（2019年起）"),
            Self::Derived => ("computed from levels", "由总量计算"),
            Self::LowMarker => ("⚠ low confidence", "⚠ 低可信度"),
            Self::CityShareNote => ("Your city's shares are of the sum of the three value-added series you gave, in the same year; on which GDP basis your figures are, only you know.", "您城市的比重为同年三次产业增加值合计中的占比；您的数据采用何种 GDP 口径，请自行确认。"),
        };
        lang.pick(en, zh)
    }
}

/// The basis in words.
fn basis_text(basis: Basis, lang: Lang) -> &'static str {
    match basis {
        Basis::GdpPreEconomicCensus2018 => M::PreCensus.text(lang),
        _ => M::PostCensus.text(lang),
    }
}

/// One bar group of the shares chart: a name and its primary, secondary, tertiary shares in %.
pub type ShareRow = (String, [Option<f64>; 3]);

/// Stacked horizontal bars of the three shares per city or region (names escaped here).
pub fn shares_chart(title: &str, sectors: [&str; 3], rows: &[ShareRow]) -> Chart {
    let names: Vec<String> = rows.iter().map(|(n, _)| escape_html(n)).collect();
    let mut chart = Chart::new()
        .title(Title::new().text(title).left("center"))
        .aria(Aria::new().enabled(true))
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .legend(Legend::new().bottom(0))
        .grid(
            Grid::new()
                .left(8)
                .right(24)
                .top(48)
                .bottom(56)
                .contain_label(true),
        )
        .x_axis(Axis::new().type_(AxisType::Value).max(100))
        .y_axis(
            Axis::new()
                .type_(AxisType::Category)
                .inverse(true)
                .data(names),
        );
    for (i, sector) in sectors.iter().enumerate() {
        let data: Vec<Option<f64>> = rows
            .iter()
            .map(|(_, v)| {
                v.get(i)
                    .copied()
                    .flatten()
                    .map(|x| (x * 10.0).round() / 10.0)
            })
            .collect();
        let colour = PALETTE.get(i + 4).copied().unwrap_or("#000000");
        chart = chart.series(
            Bar::new()
                .name(escape_html(sector))
                .stack("shares")
                .item_style(charming::element::ItemStyle::new().color(colour))
                .data(data),
        );
    }
    chart
}

/// The industry page.
#[component]
pub fn IndustryPage() -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let workspace = expect_context::<RwSignal<Workspace>>();
    let t = move |m: M| move || m.text(lang.get());
    let options = RwSignal::new(CompareOptions::default());
    view! {
        <section class="page" aria-labelledby="industry-heading">
            <h2 id="industry-heading">{t(M::Heading)}</h2>
            <PrintStamp/>
            <p class="lead">{t(M::Intro)}</p>
            <div class="card context-controls">
                <label class="context-controls__check">
                    <input
                        type="checkbox"
                        prop:checked=move || options.get().include_low_confidence
                        on:change=move |ev| options.update(|o| o.include_low_confidence = event_target_checked(&ev))
                    />
                    {t(M::IncludeLow)}
                </label>
            </div>
            <p class="note">{t(M::BreakNote)}</p>
            <For
                each=move || workspace.with(|ws| ws.visible().cloned().collect::<Vec<_>>())
                key=|c| (c.id, c.name.clone(), c.series.values().map(|s| s.len()).sum::<usize>())
                let:city
            >
                <CityIndustryCard city=city options=options/>
            </For>
            {gdp_break().map(|b| view! { <p class="provenance" lang="en">{b.why}" ("{b.source}")"</p> })}
        </section>
    }
}

/// A share in percent with one decimal, an index (HHI, evenness) with three.
fn pct(v: f64, lang: Lang) -> String {
    number(v, 1, lang)
}

fn index(v: f64, lang: Lang) -> String {
    number(v, 3, lang)
}

#[component]
fn CityIndustryCard(city: City, options: RwSignal<CompareOptions>) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let t = move |m: M| move || m.text(lang.get());
    let heading_id = format!("industry-city-{}", city.id);
    let name = city.name.clone();
    let body = move || {
        let l = lang.get();
        let Some(year) = latest_structure_year(&city) else {
            return view! { <p>{t(M::NoStructure)}</p> }.into_any();
        };
        let own = city_structure(&city, year);
        let regions = region_structures(year, &options.get());
        let name = city.name.clone();
        let caption = {
            let name = name.clone();
            move || format!("{name}: {}, {year}", M::Caption.text(lang.get()))
        };
        let mut chart_rows: Vec<(Option<renewal_data::context::Region>, [Option<f64>; 3])> =
            Vec::new();
        let city_cells = match &own {
            Some(Ok(s)) => {
                let sh = &s.concentration.shares;
                let shares = [sh.first(), sh.get(1), sh.get(2)].map(|x| x.map(|v| v * 100.0));
                chart_rows.push((None, shares));
                view! {
                    <td class="num">{year}</td>
                    {shares.into_iter().map(|v| view! { <td class="num">{v.map(|v| pct(v, l))}</td> }).collect_view()}
                    <td class="num">{index(s.concentration.hhi, l)}</td>
                    <td class="num">{s.concentration.evenness.map(|e| index(e, l))}</td>
                    <td>"–"</td>
                    <td>{t(M::YourData)}</td>
                }
                .into_any()
            }
            Some(Err(e)) => view! { <td colspan="8">{e.to_string()}</td> }.into_any(),
            None => view! { <td colspan="8">{t(M::NoStructure)}</td> }.into_any(),
        };
        for r in &regions {
            if let Ok(s) = &r.shares {
                chart_rows.push((
                    Some(r.region),
                    [
                        s.primary_share_pct,
                        Some(s.secondary_share_pct),
                        Some(s.tertiary_share_pct),
                    ],
                ));
            }
        }
        let chart_name = name.clone();
        let named_rows = move |l: Lang| -> Vec<ShareRow> {
            chart_rows
                .iter()
                .map(|(r, v)| {
                    (
                        r.map_or_else(|| chart_name.clone(), |r| region_name(r, l).to_string()),
                        *v,
                    )
                })
                .collect()
        };
        view! {
            <ExportTable source=Signal::derive(move || Src::Context.text(lang.get()).to_string())>
                <table class="data-table context-table">
                    <caption>{caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(M::Region)}</th>
                            <th scope="col" class="num">{t(M::Year)}</th>
                            <th scope="col" class="num">{t(M::Primary)}</th>
                            <th scope="col" class="num">{t(M::Secondary)}</th>
                            <th scope="col" class="num">{t(M::Tertiary)}</th>
                            <th scope="col" class="num">{t(M::Hhi)}</th>
                            <th scope="col" class="num">{t(M::Evenness)}</th>
                            <th scope="col">{t(M::Basis)}</th>
                            <th scope="col">{t(M::Sources)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <tr class="context-table__city"><th scope="row">{name}</th>{city_cells}</tr>
                        {regions.into_iter().map(|r| region_row(r, lang)).collect_view()}
                    </tbody>
                </table>
            </ExportTable>
            <p class="provenance">{t(M::CityShareNote)}</p>
            <figure class="chart-figure chart-figure--short">
                <EChart
                    options=move || {
                        let l = lang.get();
                        shares_chart(M::ChartTitle.text(l), [M::Primary.text(l), M::Secondary.text(l), M::Tertiary.text(l)], &named_rows(l))
                    }
                    label=Signal::derive(move || M::ChartTitle.text(lang.get()).to_string())
                />
            </figure>
        }
        .into_any()
    };
    view! {
        <section class="card" aria-labelledby=heading_id.clone()>
            <h3 id=heading_id.clone()>{name}</h3>
            {body}
        </section>
    }
}

fn region_row(r: RegionStructure, lang: RwSignal<Lang>) -> impl IntoView {
    let region = r.region;
    let l = lang.get_untracked();
    let cells = match &r.shares {
        Ok(s) => {
            let low = s.low_confidence.then(
                || view! { <span class="marker marker--low">" "{M::LowMarker.text(l)}</span> },
            );
            view! {
                <td class="num">{s.year}{r.nearest.then(|| view! { <span class="year">" ("{M::Nearest.text(l)}")"</span> })}</td>
                <td class="num">{s.primary_share_pct.map(|v| pct(v, l)).unwrap_or_else(|| "–".into())}</td>
                <td class="num">{pct(s.secondary_share_pct, l)}{low}</td>
                <td class="num">{pct(s.tertiary_share_pct, l)}</td>
                <td class="num">{r.concentration.as_ref().map(|c| index(c.hhi, l))}</td>
                <td class="num">{r.concentration.as_ref().and_then(|c| c.evenness).map(|e| index(e, l))}</td>
                <td>{basis_text(s.basis, l)}{s.derived.then(|| view! { <span class="marker">" · "{M::Derived.text(l)}</span> })}</td>
            }
            .into_any()
        }
        Err(e) => view! { <td colspan="7" class="muted">{reason(e, l)}</td> }.into_any(),
    };
    let sources = distinct_sources(r.shares.iter().flat_map(|s| &s.provenance));
    view! {
        <tr>
            <th scope="row">{region_name(region, l)}</th>
            {cells}
            <td>{sources_cell(sources, lang)}</td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_chart_stacks_three_sectors_and_escapes_names() {
        let rows = vec![
            ("<x>".to_string(), [Some(10.0), Some(40.0), Some(50.0)]),
            ("Liaoning".to_string(), [None, Some(40.6), Some(50.5)]),
        ];
        let v: serde_json::Value =
            serde_json::from_str(&shares_chart("t", ["P", "S", "T"], &rows).to_string()).unwrap();
        assert_eq!(v["yAxis"]["data"][0], "&lt;x&gt;");
        let s = v["series"].as_array().unwrap();
        assert_eq!(s.len(), 3);
        assert_eq!(s[1]["stack"], "shares");
        assert_eq!(s[1]["data"][1], 40.6);
        assert!(s[0]["data"][1].is_null());
    }

    #[test]
    fn basis_words_differ_across_the_break() {
        assert_ne!(
            basis_text(Basis::GdpPreEconomicCensus2018, Lang::En),
            basis_text(Basis::GdpPostEconomicCensus2018, Lang::En)
        );
        assert_eq!(
            crate::province::confidence_word(renewal_data::context::Confidence::High, Lang::En),
            "high"
        );
    }
}
