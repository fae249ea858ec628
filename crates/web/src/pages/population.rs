//! Population: each visible city's change, CAGR and net migration beside Liaoning, Jilin,
//! Heilongjiang and the Northeast total over the same years, on the series revised to the 2020
//! census by default, with the source and confidence of every provincial value, and an index
//! chart (base year = 100) that never draws a line across the census revision.

use crate::components::chart::EChart;
use crate::components::export::{ExportTable, PrintStamp};
use crate::export::Src;
use crate::format::number;
use crate::province::{
    confidence_word, distinct_sources, index_chart, index_lines, population_break,
    population_comparison, reason, region_name, CityPopulation, CityProblem, IndexLine,
    PopulationComparison, RegionPopulation,
};
use crate::state::{City, Workspace};
use leptos::prelude::*;
use renewal_data::context::{CompareOptions, Provenance, Series};
use renewal_data::Lang;

/// The page's messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum M {
    Heading,
    Intro,
    SeriesLabel,
    SeriesRevised,
    SeriesPublished,
    IncludeLow,
    Caption,
    Region,
    From,
    To,
    Change,
    ChangePct,
    Cagr,
    NetMigration,
    Sources,
    YourData,
    DerivedResidual,
    NoPopulation,
    NoCommonPeriod,
    ChartTitle,
    ChartCaption,
    Year,
    BreakNote,
    LowMarker,
    LowNotes,
    NoMigrationInputs,
    Units,
}

impl M {
    fn text(self, lang: Lang) -> &'static str {
        let (en, zh) = match self {
            Self::Heading => ("Population", "人口"),
            Self::Intro => ("Each city's population change and compound annual growth (CAGR) over the years it shares with the provincial series, beside Liaoning, Jilin, Heilongjiang and the three provinces together over the same years, and its net migration estimated by the residual method (change minus natural increase, from births and deaths or the natural growth rate; renewal_calc::population). The paper's section 3.3 describes the outflow; the provincial figures are the Northeast context dataset (NBS year-end resident population and provincial communiqués), each with its source and confidence.", "各城市在与省级序列共有的年份内的人口变化和年均复合增长率（CAGR），与同期辽宁、吉林、黑龙江及东北三省合计并列；净迁移按余数法估算（人口变化减去自然增长，自然增长由出生和死亡人数或自然增长率得出；renewal_calc::population）。论文第3.3节描述了人口外流；省级数据来自东北背景数据集（国家统计局年末常住人口及各省统计公报），每个数值都注明来源和可信度。"),
            Self::SeriesLabel => ("Provincial series", "省级序列"),
            Self::SeriesRevised => ("Revised to the 2020 census (consistent; default)", "按2020年人口普查修订（口径一致；默认）"),
            Self::SeriesPublished => ("As first published (breaks at the 2020 census)", "初次公布数（在2020年人口普查处断开）"),
            Self::IncludeLow => ("Include low-confidence values (marked ⚠)", "包含低可信度数值（标 ⚠）"),
            Self::Caption => ("population change beside the provinces", "人口变化与各省对比"),
            Self::Region => ("City or region", "城市或地区"),
            Self::From => ("Start", "起始"),
            Self::To => ("End", "结束"),
            Self::Change => ("Change", "变化"),
            Self::ChangePct => ("Change, %", "变化率，%"),
            Self::Cagr => ("CAGR, % per year", "年均复合增长率，%/年"),
            Self::NetMigration => ("Net migration, ‰ of mid-year population", "净迁移率，‰（年中人口）"),
            Self::Sources => ("Source and confidence", "来源与可信度"),
            Self::YourData => ("your data", "您的数据"),
            Self::DerivedResidual => ("derived (residual)", "推算（余数法）"),
            Self::NoPopulation => ("No resident population for two or more years: paste a population column on the Your data page.", "常住人口不足两年：请在“我的数据”页面粘贴人口列。"),
            Self::NoCommonPeriod => ("The city's years do not overlap the provincial series (2014–2022): its own change is shown alone.", "该城市的年份与省级序列（2014–2022年）不重叠：仅显示其自身变化。"),
            Self::ChartTitle => ("Population index (base year = 100)", "人口指数（基年 = 100）"),
            Self::ChartCaption => ("population index by year (base year = 100)", "各年人口指数（基年 = 100）"),
            Self::Year => ("Year", "年份"),
            Self::BreakNote => ("Lines are never drawn across the 2019/2020 census revision: each part of a series on one basis is its own line, and the comparison period lies within one basis.", "折线从不跨越2019/2020年人口普查修订断点：同一口径的每段序列单独成线，对比期间也限定在同一口径内。"),
            Self::LowMarker => ("⚠ low confidence", "⚠ 低可信度"),
            Self::LowNotes => ("Notes on low-confidence values", "低可信度数值说明"),
            Self::NoMigrationInputs => ("needs births and deaths or the natural growth rate", "需要出生和死亡人数或自然增长率"),
            Self::Units => ("Populations in 10k persons (万人); your data are converted from persons.", "人口单位为万人；您的数据由“人”换算。"),
        };
        lang.pick(en, zh)
    }
}

/// A signed number with `decimals` places.
fn signed(v: f64, decimals: usize, lang: Lang) -> String {
    crate::format::signed(v, decimals, lang)
}

/// The population page.
#[component]
pub fn PopulationPage() -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let workspace = expect_context::<RwSignal<Workspace>>();
    let t = move |m: M| move || m.text(lang.get());
    let options = RwSignal::new(CompareOptions::default());
    view! {
        <section class="page" aria-labelledby="population-heading">
            <h2 id="population-heading">{t(M::Heading)}</h2>
            <PrintStamp/>
            <p class="lead">{t(M::Intro)}</p>
            <div class="card context-controls">
                <label for="population-series">{t(M::SeriesLabel)}</label>
                <select
                    id="population-series"
                    on:change=move |ev| {
                        let series = if event_target_value(&ev) == "published" { Series::AsFirstPublished } else { Series::Revised };
                        options.update(|o| o.series = series);
                    }
                >
                    <option value="revised" selected=true>{t(M::SeriesRevised)}</option>
                    <option value="published">{t(M::SeriesPublished)}</option>
                </select>
                <label class="context-controls__check">
                    <input
                        type="checkbox"
                        prop:checked=move || options.get().include_low_confidence
                        on:change=move |ev| options.update(|o| o.include_low_confidence = event_target_checked(&ev))
                    />
                    {t(M::IncludeLow)}
                </label>
            </div>
            <For
                each=move || workspace.with(|ws| ws.visible().cloned().collect::<Vec<_>>())
                key=|c| (c.id, c.name.clone(), c.series.values().map(|s| s.len()).sum::<usize>())
                let:city
            >
                <CityPopulationCard city=city options=options/>
            </For>
            <p class="note">{t(M::BreakNote)}</p>
            {population_break().map(|b| view! {
                <p class="provenance" lang="en">{b.why}" ("{b.source}")"</p>
            })}
        </section>
    }
}

#[component]
fn CityPopulationCard(city: City, options: RwSignal<CompareOptions>) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let heading_id = format!("population-city-{}", city.id);
    let name = city.name.clone();
    view! {
        <section class="card" aria-labelledby=heading_id.clone()>
            <h3 id=heading_id.clone()>{name}</h3>
            {move || {
                let o = options.get();
                let cmp = population_comparison(&city, &o);
                comparison_view(&city, cmp, o.series, lang)
            }}
        </section>
    }
}

fn comparison_view(
    city: &City,
    cmp: PopulationComparison,
    series: Series,
    lang: RwSignal<Lang>,
) -> AnyView {
    let t = move |m: M| move || m.text(lang.get());
    let Some(period) = cmp.period else {
        return view! { <p>{t(M::NoPopulation)}</p> }.into_any();
    };
    let name = city.name.clone();
    let row_name = name.clone();
    let caption = {
        let name = name.clone();
        move || {
            format!(
                "{name}: {}, {}–{}",
                M::Caption.text(lang.get()),
                period.0,
                period.1
            )
        }
    };
    let lines = if cmp.shared {
        index_lines(city, period, series)
    } else {
        Vec::new()
    };
    let low_notes: Vec<Provenance> = distinct_sources(
        cmp.regions
            .iter()
            .flat_map(|r| {
                r.change
                    .iter()
                    .flat_map(|c| &c.provenance)
                    .chain(r.migration.iter().flat_map(|m| &m.provenance))
            })
            .filter(|p| p.confidence.is_low()),
    );
    view! {
        {(!cmp.shared).then(|| view! { <p class="note">{t(M::NoCommonPeriod)}</p> })}
        <ExportTable source=Signal::derive(move || Src::Context.text(lang.get()).to_string())>
            <table class="data-table context-table">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(M::Region)}</th>
                        <th scope="col" class="num">{t(M::From)}" "{period.0}</th>
                        <th scope="col" class="num">{t(M::To)}" "{period.1}</th>
                        <th scope="col" class="num">{t(M::Change)}</th>
                        <th scope="col" class="num">{t(M::ChangePct)}</th>
                        <th scope="col" class="num">{t(M::Cagr)}</th>
                        <th scope="col" class="num">{t(M::NetMigration)}</th>
                        <th scope="col">{t(M::Sources)}</th>
                    </tr>
                </thead>
                <tbody>
                    {city_row(row_name, cmp.city, lang)}
                    {cmp.regions.into_iter().map(|r| region_row(r, lang)).collect_view()}
                </tbody>
            </table>
        </ExportTable>
        <p class="provenance">{t(M::Units)}</p>
        {(!low_notes.is_empty()).then(|| view! {
            <details class="context-notes" open=true>
                <summary>{t(M::LowNotes)}</summary>
                <ul>
                    {low_notes.into_iter().map(|p| view! {
                        <li><strong>{format!("{:?}", p.table)}</strong>" ⚠ "<span lang="en">{p.confidence_note}</span></li>
                    }).collect_view()}
                </ul>
            </details>
        })}
        {(!lines.is_empty()).then(|| index_figure(name, period, lines, lang))}
    }
    .into_any()
}

fn city_row(
    name: String,
    city: Result<CityPopulation, CityProblem>,
    lang: RwSignal<Lang>,
) -> AnyView {
    let t = move |m: M| move || m.text(lang.get());
    let l = lang.get_untracked();
    match city {
        Ok(c) => view! {
            <tr class="context-table__city">
                <th scope="row">{name}</th>
                <td class="num">{number(c.from_10k, 2, l)}</td>
                <td class="num">{number(c.to_10k, 2, l)}</td>
                <td class="num">{signed(c.change_10k, 2, l)}</td>
                <td class="num">{signed(c.change_pct, 2, l)}</td>
                <td class="num">{c.cagr.map(|g| signed(g * 100.0, 2, l))}</td>
                <td class="num">
                    {match c.net_migration {
                        Some((year, rate)) => view! {
                            {signed(rate, 2, l)}<span class="year">{format!(" ({year})")}</span>
                            <span class="marker">" "{t(M::DerivedResidual)}</span>
                        }.into_any(),
                        None => view! { <span class="muted">{t(M::NoMigrationInputs)}</span> }.into_any(),
                    }}
                </td>
                <td>{t(M::YourData)}</td>
            </tr>
        }
        .into_any(),
        Err(problem) => view! {
            <tr class="context-table__city">
                <th scope="row">{name}</th>
                <td colspan="7">
                    {move || match &problem {
                        CityProblem::TooFewYears => M::NoPopulation.text(lang.get()).to_string(),
                        CityProblem::Invalid(e) => e.to_string(),
                    }}
                </td>
            </tr>
        }
        .into_any(),
    }
}

fn region_row(r: RegionPopulation, lang: RwSignal<Lang>) -> impl IntoView {
    let region = r.region;
    let sources = distinct_sources(
        r.change
            .iter()
            .flat_map(|c| &c.provenance)
            .chain(r.migration.iter().flat_map(|m| &m.provenance)),
    );
    let change = r.change.clone();
    let cells = move || {
        let l = lang.get();
        match &change {
            Ok(c) => {
                let low = c.low_confidence.then(
                    || view! { <span class="marker marker--low">" "{M::LowMarker.text(l)}</span> },
                );
                view! {
                    <td class="num">{number(c.from_10k, 2, l)}</td>
                    <td class="num">{number(c.to_10k, 2, l)}</td>
                    <td class="num">{signed(c.change_10k, 2, l)}{low}</td>
                    <td class="num">{c.change_pct.map(|p| signed(p, 2, l))}</td>
                    <td class="num">{c.cagr.map(|g| signed(g * 100.0, 2, l))}</td>
                }
                .into_any()
            }
            Err(e) => view! { <td colspan="5" class="muted">{reason(e, l)}</td> }.into_any(),
        }
    };
    let migration = r.migration.clone();
    let migration_cell = move || {
        let l = lang.get();
        match &migration {
            Ok(m) => view! {
                <td class="num">
                    {signed(m.rate_per_1000, 2, l)}<span class="year">{format!(" ({})", m.year)}</span>
                    <span class="marker">" "{M::DerivedResidual.text(l)}</span>
                    {m.low_confidence.then(|| view! { <span class="marker marker--low">" "{M::LowMarker.text(l)}</span> })}
                </td>
            }
            .into_any(),
            Err(e) => view! { <td class="muted">{reason(e, l)}</td> }.into_any(),
        }
    };
    view! {
        <tr>
            <th scope="row">{move || region_name(region, lang.get())}</th>
            {cells}
            {migration_cell}
            <td>{sources_cell(sources, lang)}</td>
        </tr>
    }
}

/// The provenance of a row: table and confidence in the summary, the citation inside.
pub fn sources_cell(sources: Vec<Provenance>, lang: RwSignal<Lang>) -> impl IntoView {
    sources
        .into_iter()
        .map(|p| {
            view! {
                <details class="source">
                    <summary>
                        {format!("{:?}", p.table)}" · "
                        {move || confidence_word(p.confidence, lang.get())}
                        {p.confidence.is_low().then_some(" ⚠")}
                        {p.derived.then(|| view! { " · "{move || M::DerivedResidual.text(lang.get())} })}
                    </summary>
                    <p class="source__citation">{p.source}</p>
                </details>
            }
        })
        .collect_view()
}

fn index_figure(
    name: String,
    period: (i32, i32),
    lines: Vec<IndexLine>,
    lang: RwSignal<Lang>,
) -> impl IntoView {
    let t = move |m: M| move || m.text(lang.get());
    let label = move |l: &IndexLine, lang: Lang| -> String {
        let who = match l.region {
            None => name.clone(),
            Some(r) => region_name(r, lang).to_string(),
        };
        if l.base_year == period.0 {
            who
        } else {
            format!("{who} ({} = 100)", l.base_year)
        }
    };
    let label_for_chart = label.clone();
    let lines_for_chart = lines.clone();
    let named = move || {
        let l = lang.get();
        lines_for_chart
            .iter()
            .map(|line| (label_for_chart(line, l), line.clone()))
            .collect::<Vec<_>>()
    };
    let named_table = named.clone();
    view! {
        <figure class="chart-figure">
            <EChart
                options=move || {
                    let l = lang.get();
                    index_chart(M::ChartTitle.text(l), &format!("{} = 100", period.0), period, &named())
                }
                label=Signal::derive(move || M::ChartTitle.text(lang.get()).to_string())
            />
        </figure>
        <ExportTable source=Signal::derive(move || Src::Context.text(lang.get()).to_string())>
            {move || {
                let named = named_table();
                let years: Vec<i32> = (period.0..=period.1).collect();
                view! {
                    <table class="data-table">
                        <caption>{move || format!("{}, {}–{}", M::ChartCaption.text(lang.get()), period.0, period.1)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t(M::Year)}</th>
                                {named.iter().map(|(n, _)| view! { <th scope="col" class="num">{n.clone()}</th> }).collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {years.into_iter().map(|y| view! {
                                <tr>
                                    <th scope="row">{y}</th>
                                    {named.iter().map(|(_, line)| {
                                        let v = line.points.iter().find(|(py, _)| *py == y).map(|(_, v)| number(*v, 2, lang.get()));
                                        view! { <td class="num">{v.unwrap_or_else(|| "–".to_string())}</td> }
                                    }).collect_view()}
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }
            }}
        </ExportTable>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_numbers_carry_their_sign() {
        assert_eq!(signed(-1.234, 2, Lang::En), "-1.23");
        assert_eq!(signed(0.5, 1, Lang::Zh), "+0.5");
        assert_eq!(signed(-1_234.5, 1, Lang::En), "-1,234.5");
    }

    #[test]
    fn every_message_has_both_languages() {
        for m in [M::Heading, M::Intro, M::BreakNote, M::IncludeLow] {
            assert_ne!(m.text(Lang::En), m.text(Lang::Zh));
        }
    }
}
