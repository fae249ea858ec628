//! The Northeast China baseline: the paper's Table 1 and Figure 2, each as a chart with its data
//! table, the units, the provenance and the paper's inconsistencies.

use crate::charts::{generation_bars, pollutant_lines, source_name};
use crate::components::chart::EChart;
use crate::format::number;
use crate::i18n::{Lang, Msg};
use leptos::prelude::*;
use renewal_data::baseline::{self, AIR_QUALITY_COLUMNS};

/// A Table 1 value as printed: CO with the paper's four decimals, the others as integers.
pub fn format_printed(key: &str, value: f64, lang: Lang) -> String {
    number(value, if key == "co" { 4 } else { 0 }, lang)
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

#[component]
fn AirQualitySection() -> impl IntoView {
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
                                            <td class="num">{move || r.value(c.key).map(|v| format_printed(c.key, v, lang.get()))}</td>
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

#[component]
fn GenerationSection() -> impl IntoView {
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
                                        <td class="num">{move || number(p.y2016, 0, lang.get())}</td>
                                        <td class="num">{move || number(p.y2020, 0, lang.get())}</td>
                                        <td class="num">{move || format!("×{}", number(p.multiple(), 2, lang.get()))}</td>
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
        assert_eq!(format_printed("co", 2.583, Lang::En), "2.5830");
        assert_eq!(format_printed("pm25", 170.0, Lang::Zh), "170");
        assert_eq!(format_printed("pm10", 1_234.0, Lang::En), "1,234");
    }
}
