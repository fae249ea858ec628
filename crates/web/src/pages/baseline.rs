//! The Northeast China baseline: the paper's Table 1 and Figure 2, each as a chart with its data
//! table, the units, the provenance and the paper's inconsistencies.

use crate::charts::{generation_bars, pollutant_lines, source_name};
use crate::components::chart::EChart;
use crate::i18n::{Lang, Msg};
use leptos::prelude::*;
use renewal_data::baseline::{self, AIR_QUALITY_COLUMNS};

/// A Table 1 value as printed: CO with the paper's four decimals, the others as integers.
pub fn format_printed(key: &str, value: f64) -> String {
    if key == "co" {
        format!("{value:.4}")
    } else {
        format!("{value:.0}")
    }
}

fn citation(lang: Lang) -> &'static str {
    match lang {
        Lang::En => baseline::PAPER_CITATION,
        Lang::Zh => baseline::PAPER_CITATION_ZH,
    }
}

/// The baseline page.
#[component]
pub fn BaselinePage() -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let t = move |m: Msg| move || m.text(lang.get());
    view! {
        <section class="page" aria-labelledby="baseline-heading">
            <h2 id="baseline-heading">{t(Msg::BaselineHeading)}</h2>
            <p class="lead">{t(Msg::BaselineIntro)}</p>
            <AirQualitySection/>
            <GenerationSection/>
        </section>
    }
}

/// The pollutants of Table 1: chart, table and provenance (also an embed target).
#[component]
pub fn AirQualitySection() -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let t = move |m: Msg| move || m.text(lang.get());
    let rows = baseline::air_quality();
    view! {
        <section class="card" aria-labelledby="air-heading">
            <h3 id="air-heading">{t(Msg::AirTableHeading)}</h3>
            <figure class="chart-figure">
                <EChart
                    options=move || pollutant_lines(lang.get())
                    label=Signal::derive(move || Msg::PollutantChartTitle.text(lang.get()).to_string())
                />
            </figure>
            <div class="table-scroll" tabindex="0">
                <table class="data-table">
                    <caption>{t(Msg::AirTableCaption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(Msg::Year)}</th>
                            {AIR_QUALITY_COLUMNS
                                .iter()
                                .map(|c| view! {
                                    <th scope="col" class="num">{c.label}<span class="unit">{format!(" ({})", c.unit)}</span></th>
                                })
                                .collect_view()}
                            <th scope="col" class="num">{t(Msg::PrintedAqi)}</th>
                            <th scope="col">{t(Msg::PrintedGrade)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .iter()
                            .map(|r| view! {
                                <tr>
                                    <th scope="row">{r.year}</th>
                                    {AIR_QUALITY_COLUMNS
                                        .iter()
                                        .map(|c| view! {
                                            <td class="num">{r.value(c.key).map(|v| format_printed(c.key, v))}</td>
                                        })
                                        .collect_view()}
                                    <td class="num">{r.printed_aqi}</td>
                                    <td lang="en">{r.printed_grade.as_printed()}</td>
                                </tr>
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            <p class="note">{t(Msg::UnitsNote)}</p>
            <p class="provenance">{t(Msg::Provenance)}": "{move || citation(lang.get())}", "{t(Msg::Table1Ref)}"."</p>
            <details class="paper-notes">
                <summary>{t(Msg::PaperNotesHeading)}</summary>
                <ul>{baseline::PAPER_NOTES.iter().map(|n| view! { <li lang="en">{*n}</li> }).collect_view()}</ul>
            </details>
        </section>
    }
}

/// The generation of Figure 2: chart, table and provenance (also an embed target).
#[component]
pub fn GenerationSection() -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let t = move |m: Msg| move || m.text(lang.get());
    view! {
        <section class="card" aria-labelledby="generation-heading">
            <h3 id="generation-heading">{t(Msg::GenerationHeading)}</h3>
            <figure class="chart-figure">
                <EChart
                    options=move || generation_bars(lang.get())
                    label=Signal::derive(move || Msg::GenerationChartTitle.text(lang.get()).to_string())
                />
            </figure>
            <div class="table-scroll" tabindex="0">
                <table class="data-table">
                    <caption>{t(Msg::GenerationTableCaption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(Msg::Source)}</th>
                            <th scope="col" class="num">"2016"</th>
                            <th scope="col" class="num">"2020"</th>
                            <th scope="col" class="num">{t(Msg::Multiple)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {baseline::GENERATION_2016_2020
                            .iter()
                            .map(|p| {
                                let p = *p;
                                view! {
                                    <tr>
                                        <th scope="row">{move || source_name(p.source, lang.get())}</th>
                                        <td class="num">{p.y2016}</td>
                                        <td class="num">{p.y2020}</td>
                                        <td class="num">{format!("×{:.2}", p.multiple())}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            <p class="note">{t(Msg::GenerationUnitNote)}</p>
            <p class="provenance">{t(Msg::Provenance)}": "{move || citation(lang.get())}", "{t(Msg::Figure2Ref)}"."</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_values_keep_the_papers_precision() {
        assert_eq!(format_printed("co", 2.583), "2.5830");
        assert_eq!(format_printed("pm25", 170.0), "170");
    }
}
