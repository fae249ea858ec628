//! The overview: for each city held, its latest values beside the Northeast baseline, with the
//! limit, a status in words and colour, and the city's own trend.

use crate::comparison::{air_quality_rows, Row, Status};
use crate::format::{adaptive, number, p_value, signed};
use crate::i18n::{Lang, Msg};
use crate::route::Page;
use crate::state::{City, Workspace};
use leptos::prelude::*;
use renewal_calc::trend::TrendDirection;

/// The overview page.
#[component]
pub fn OverviewPage() -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let workspace = expect_context::<RwSignal<Workspace>>();
    let t = move |m: Msg| move || m.text(lang.get());
    view! {
        <section class="page" aria-labelledby="overview-heading">
            <h2 id="overview-heading">{t(Msg::OverviewHeading)}</h2>
            <p class="lead">{t(Msg::OverviewIntro)}</p>
            <p class="cta">
                <a class="button button--primary" href=Page::Data.hash()>{t(Msg::CallToAction)}</a>
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
    view! {
        <section class="card" aria-labelledby=heading_id.clone()>
            <h3 id=heading_id.clone()>{name}</h3>
            {if rows.is_empty() {
                view! { <p>{t(Msg::NoComparableData)}</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll" tabindex="0">
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
                    </div>
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

    #[test]
    fn differences_keep_adaptive_decimals_and_a_plus_when_above() {
        assert_eq!(difference(13.4, Lang::En), "+13.4");
        assert_eq!(difference(-0.3231, Lang::Zh), "-0.32");
        assert_eq!(difference(1234.0, Lang::En), "+1,234");
        assert_eq!(difference(0.0, Lang::En), "0.00");
    }
}
