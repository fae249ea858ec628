//! The Northeast China baseline: the paper's Table 1 and Figure 2, each as a chart with its data
//! table, the units, the provenance and the paper's inconsistencies.

use crate::charts::{generation_bars, pollutant_lines, source_name};
use crate::components::chart::EChart;
use crate::components::export::{ExportTable, PrintStamp};
use crate::export::TableData;
use crate::format::number;
use crate::i18n::{Lang, Msg};
use leptos::prelude::*;
use renewal_data::baseline::{self, AIR_QUALITY_COLUMNS};

/// A Table 1 value as printed: CO with the paper's four decimals, the others as integers.
pub fn format_printed(key: &str, value: f64, lang: Lang) -> String {
    number(value, if key == "co" { 4 } else { 0 }, lang)
}

/// Table 1 as CSV rows, the values as the paper prints them (the same strings as the view).
pub fn table1_data(lang: Lang) -> TableData {
    let mut headers = vec![Msg::Year.text(lang).to_string()];
    headers.extend(
        AIR_QUALITY_COLUMNS
            .iter()
            .map(|c| format!("{} ({})", c.label, c.unit)),
    );
    headers.push(Msg::PrintedAqi.text(lang).to_string());
    headers.push(Msg::PrintedGrade.text(lang).to_string());
    let rows = baseline::air_quality()
        .iter()
        .map(|r| {
            let mut row = vec![r.year.to_string()];
            row.extend(AIR_QUALITY_COLUMNS.iter().map(|c| {
                r.value(c.key)
                    // CSV is for machines: the printed decimals, no grouping, whatever the language.
                    .map(|v| format_printed(c.key, v, Lang::En))
                    .unwrap_or_default()
            }));
            row.push(r.printed_aqi.to_string());
            row.push(r.printed_grade.as_printed().to_string());
            row
        })
        .collect();
    TableData { headers, rows }
}

/// Figure 2 as CSV rows: each source's 2016 and 2020 values and the multiple.
pub fn figure2_data(lang: Lang) -> TableData {
    TableData {
        headers: vec![
            Msg::Source.text(lang).to_string(),
            "2016".to_string(),
            "2020".to_string(),
            Msg::Multiple.text(lang).to_string(),
        ],
        rows: baseline::GENERATION_2016_2020
            .iter()
            .map(|p| {
                vec![
                    source_name(p.source, lang).to_string(),
                    p.y2016.to_string(),
                    p.y2020.to_string(),
                    crate::export::number(p.multiple(), 4),
                ]
            })
            .collect(),
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
            <PrintStamp/>
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
            <ExportTable
                source=Signal::derive(move || format!("{}, {}", citation(lang.get()), Msg::Table1Ref.text(lang.get())))
                units=Signal::derive(move || Msg::UnitsNote.text(lang.get()).to_string())
                rows=Callback::new(table1_data)
            >
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
            </ExportTable>
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
            <ExportTable
                source=Signal::derive(move || format!("{}, {}", citation(lang.get()), Msg::Figure2Ref.text(lang.get())))
                units=Signal::derive(move || Msg::GenerationUnitNote.text(lang.get()).to_string())
                rows=Callback::new(figure2_data)
            >
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
            </ExportTable>
            <p class="note">{t(Msg::GenerationUnitNote)}</p>
            <p class="provenance">{t(Msg::Provenance)}": "{move || citation(lang.get())}", "{t(Msg::Figure2Ref)}"."</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table1_csv_rows_are_the_papers_values() {
        let t = table1_data(Lang::En);
        assert_eq!(t.headers[0], "Year");
        assert_eq!(t.headers[1], "PM2.5 (µg/m³)");
        assert_eq!(t.rows.len(), 9);
        // 2014: PM2.5 170 µg/m³ as printed in Table 1; CO with four decimals.
        assert_eq!(t.rows[0][0], "2014");
        assert_eq!(t.rows[0][1], "170");
        assert_eq!(t.rows[8][1], "23");
        assert!(t.rows[0][4].contains('.'));
        assert_eq!(t.rows[0].len(), t.headers.len());
    }

    #[test]
    fn figure2_csv_rows_carry_the_multiple() {
        let t = figure2_data(Lang::Zh);
        assert_eq!(t.headers[0], Msg::Source.text(Lang::Zh));
        assert_eq!(t.rows[0][0], "光伏");
        // Solar 20 (2016) to 187 (2020): 187 / 20 = 9.35; wind 727 / 437 = 1.66361...
        assert_eq!(t.rows[0][1..], ["20", "187", "9.35"]);
        assert_eq!(t.rows[1][3], "1.6636");
    }

    #[test]
    fn printed_values_keep_the_papers_precision() {
        assert_eq!(format_printed("co", 2.583, Lang::En), "2.5830");
        assert_eq!(format_printed("pm25", 170.0, Lang::Zh), "170");
        assert_eq!(format_printed("pm10", 1_234.0, Lang::En), "1,234");
    }
}
