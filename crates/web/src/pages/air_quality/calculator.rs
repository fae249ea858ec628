//! The single-reading calculator: fields of the chosen standard, the result (AQI, category
//! with colour and name, primary pollutant, sub-indices, health advice), and its inverse.

use super::model::*;
use super::text::M;
use crate::components::export::ExportTable;
use leptos::prelude::*;
use renewal_calc::aqi::{
    standard, AqiResult, InverseOutcome, PollutantKey, StandardId, SubIndexStatus,
};
use renewal_data::Lang;
use std::collections::BTreeMap;

#[component]
pub fn Calculator(std_id: RwSignal<StandardId>) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let t = move |m: M| move || m.text(lang.get());
    // A reading to start from: the paper's 2014 PM2.5 and PM10, as daily values.
    let texts = RwSignal::new(BTreeMap::from([
        ("pm25_24h:ug/m3".to_string(), "170".to_string()),
        ("pm10_24h:ug/m3".to_string(), "194".to_string()),
    ]));
    let on_standard =
        move |ev: leptos::ev::Event| std_id.set(standard_from_id(&event_target_value(&ev)));
    view! {
        <section class="card" aria-labelledby="aqi-calc-heading">
            <h3 id="aqi-calc-heading">{t(M::CalcHeading)}</h3>
            <p>{t(M::CalcIntro)}</p>
            <div class="air-form">
                <div class="air-field">
                    <label for="aqi-standard">{t(M::Standard)}</label>
                    <select id="aqi-standard" on:change=on_standard>
                        {StandardId::ALL
                            .into_iter()
                            .map(|s| view! {
                                <option value=s.id() selected=move || std_id.get() == s>
                                    {move || standard_name(s).text(lang.get())}
                                </option>
                            })
                            .collect_view()}
                    </select>
                </div>
            </div>
            {move || {
                let id = std_id.get();
                view! {
                    <div class="air-form air-form--grid">
                        {fields(id).into_iter().map(|f| view! { <ConcentrationField field=f texts=texts/> }).collect_view()}
                    </div>
                }
            }}
            {move || {
                let l = lang.get();
                let id = std_id.get();
                match texts.with(|m| calculate(id, m)) {
                    Calculation::Empty => view! { <p class="status" role="status">{M::EnterAReading.text(l)}</p> }.into_any(),
                    Calculation::Invalid(_) => view! { <p class="status air-error" role="status">{M::FixMarkedFields.text(l)}</p> }.into_any(),
                    Calculation::Failed(e) => view! { <p class="status air-error" role="status">{e.to_string()}</p> }.into_any(),
                    Calculation::Done(r) => result_view(&r, l).into_any(),
                }
            }}
        </section>
    }
}

#[component]
fn ConcentrationField(field: Field, texts: RwSignal<BTreeMap<String, String>>) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let slot = field.slot();
    let id = format!("aqi-in-{}", field.key.key());
    let err_id = format!("{id}-error");
    let initial = texts.with_untracked(|m| m.get(&slot).cloned().unwrap_or_default());
    let slot_read = slot.clone();
    let error = Memo::new(move |_| {
        texts.with(|m| {
            parse_concentration(m.get(&slot_read).map(String::as_str).unwrap_or_default()).err()
        })
    });
    let err_for_attr = err_id.clone();
    view! {
        <div class="air-field">
            <label for=id.clone()>
                {move || key_label(field.key, lang.get())}
                <span class="unit">{format!(" ({})", unit_label(field.unit))}</span>
            </label>
            <input
                id=id.clone()
                type="text"
                inputmode="decimal"
                autocomplete="off"
                value=initial
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=move || error.get().is_some().then(|| err_for_attr.clone())
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    texts.update(|m| {
                        m.insert(slot.clone(), v);
                    });
                }
            />
            {move || error.get().map(|e| view! { <p class="field-error" id=err_id.clone()>{e.message(lang.get())}</p> })}
        </div>
    }
}

fn how(status: SubIndexStatus, l: Lang) -> String {
    match status {
        SubIndexStatus::Interpolated { .. } => M::HowInterpolated.text(l).to_string(),
        SubIndexStatus::Extrapolated => M::HowExtrapolated.text(l).to_string(),
        SubIndexStatus::FixedByRule => M::HowFixed.text(l).to_string(),
        SubIndexStatus::RatedByOther { other } => {
            format!("{} {}", M::HowRatedBy.text(l), key_label(other, l))
        }
        SubIndexStatus::BelowTable => M::HowBelowTable.text(l).to_string(),
        SubIndexStatus::BeyondIndex => M::HowBeyond.text(l).to_string(),
        _ => M::HowOther.text(l).to_string(),
    }
}

fn primary_text(r: &AqiResult, l: Lang) -> String {
    if r.primary.is_empty() {
        M::NoPrimary.text(l).to_string()
    } else {
        r.primary
            .iter()
            .map(|k| key_label(*k, l))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn result_view(r: &AqiResult, l: Lang) -> impl IntoView {
    let std = standard(r.standard);
    let aqi_text = match (r.aqi, r.aqi_at_least) {
        (Some(v), _) => v.to_string(),
        (None, Some(at_least)) => format!("{} {at_least}", M::BeyondIndex.text(l)),
        (None, None) => "—".to_string(),
    };
    let cat = r.category.map(|c| c.category());
    let unit_of = |k: PollutantKey| std.table(k).map(|t| unit_label(t.unit)).unwrap_or_default();
    view! {
        <div class="air-result">
            {
                let table = view! {
                    <table class="data-table air-result__table">
                        <caption>{format!("{} ({})", M::ResultCaption.text(l), standard_name(r.standard).text(l))}</caption>
                        <tbody>
                            <tr><th scope="row">{M::Aqi.text(l)}</th><td class="air-result__aqi">{aqi_text}</td></tr>
                            <tr>
                                <th scope="row">{M::Category.text(l)}</th>
                                <td>
                                    {cat.map(|c| view! {
                                        <span class="aqi-swatch" aria-hidden="true" style=format!("background-color:{}", c.rgb.hex())></span>
                                        <span class="aqi-category">{pick(c.name, l)}</span>
                                        <span class="unit">{format!(" ({}, {})", pick(c.colour_name, l), c.rgb.hex())}</span>
                                    })}
                                </td>
                            </tr>
                            <tr><th scope="row">{M::Primary.text(l)}</th><td>{primary_text(r, l)}</td></tr>
                        </tbody>
                    </table>
                };
                view! { <ExportTable source=standard(r.standard).title.to_string() standard=standard(r.standard).index_rounding_clause.to_string()>{table}</ExportTable> }
            }
            {cat.map(|c| view! {
                <dl class="air-advice">
                    {c.health_effects.map(|h| view! { <dt>{M::HealthEffects.text(l)}</dt><dd>{pick(h, l)}</dd> })}
                    <dt>{M::Advice.text(l)}</dt>
                    <dd>{pick(c.advice, l)}</dd>
                </dl>
            })}
            <h4>{M::SensitiveGroups.text(l)}</h4>
            {if r.sensitive_groups.is_empty() {
                view! { <p>{M::NoSensitiveGroups.text(l)}</p> }.into_any()
            } else {
                view! {
                    <ul>
                        {r.sensitive_groups.iter().map(|g| view! { <li><strong>{g.pollutant.label()}</strong>": "{pick(g.groups, l)}</li> }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
            {
                let table = view! {
                    <table class="data-table">
                        <caption>{M::SubIndexCaption.text(l)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{M::Key.text(l)}</th>
                                <th scope="col" class="num">{M::Concentration.text(l)}</th>
                                <th scope="col" class="num">{M::ConcentrationUsed.text(l)}</th>
                                <th scope="col" class="num">{M::SubIndex.text(l)}</th>
                                <th scope="col">{M::How.text(l)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {r.sub_indices.iter().map(|s| view! {
                                <tr>
                                    <th scope="row">{key_label(s.key, l)}</th>
                                    <td class="num">{fmt_value(s.concentration, l)}<span class="unit">{format!(" {}", unit_of(s.key))}</span></td>
                                    <td class="num">{s.concentration_used.map(|v| fmt_value(v, l)).unwrap_or_else(|| "—".into())}</td>
                                    <td class="num">{s.iaqi.map(|v| v.to_string()).unwrap_or_else(|| "—".into())}</td>
                                    <td>{how(s.status, l)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                };
                view! { <ExportTable source=standard(r.standard).title.to_string() standard=standard(r.standard).index_rounding_clause.to_string()>{table}</ExportTable> }
            }
        </div>
    }
}

#[component]
pub fn Inverse(std_id: RwSignal<StandardId>) -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let t = move |m: M| move || m.text(lang.get());
    let text = RwSignal::new("150".to_string());
    view! {
        <section class="card" aria-labelledby="aqi-inverse-heading">
            <h3 id="aqi-inverse-heading">{t(M::InverseHeading)}</h3>
            <p>{t(M::InverseIntro)}</p>
            <div class="air-form">
                <div class="air-field">
                    <label for="aqi-inverse-value">{t(M::AqiValue)}</label>
                    <input id="aqi-inverse-value" type="text" inputmode="numeric" autocomplete="off"
                        value=text.get_untracked()
                        on:input=move |ev| text.set(event_target_value(&ev))/>
                </div>
            </div>
            {move || {
                let l = lang.get();
                let id = std_id.get();
                match text.with(|s| inverse_of(id, s)) {
                    Err(InverseError::NotAWholeNumber(s)) => view! { <p class="field-error" role="status">{format!("{} “{s}”", M::NotAWholeNumber.text(l))}</p> }.into_any(),
                    Err(InverseError::Engine(_)) => view! { <p class="field-error" role="status">{M::OutOfScale.text(l)}</p> }.into_any(),
                    Ok(rows) => view! {
                        {
                            let table = view! {
                                <table class="data-table">
                                    <caption>{format!("{} ({})", M::InverseCaption.text(l), standard_name(id).text(l))}</caption>
                                    <thead>
                                        <tr>
                                            <th scope="col">{M::Key.text(l)}</th>
                                            <th scope="col">{M::Range.text(l)}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {rows.into_iter().map(|r| {
                                            let cell = match r.outcome {
                                                InverseOutcome::Range(range) => {
                                                    let mut s = format!("{} {}", fmt_range(&range, l), unit_label(r.unit));
                                                    if let Some(step) = range.grid_step {
                                                        s.push_str(&format!(" ({} {})", M::Rounded.text(l), fmt_value(step, l)));
                                                    }
                                                    s
                                                }
                                                InverseOutcome::Unreachable => M::Unreachable.text(l).to_string(),
                                                InverseOutcome::BeyondTable => M::BeyondTable.text(l).to_string(),
                                                InverseOutcome::BelowTable => M::BelowTable.text(l).to_string(),
                                                _ => M::HowOther.text(l).to_string(),
                                            };
                                            view! { <tr><th scope="row">{key_label(r.key, l)}</th><td>{cell}</td></tr> }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            };
                            view! { <ExportTable source=standard(id).title.to_string() standard=standard(id).index_rounding_clause.to_string()>{table}</ExportTable> }
                        }
                    }.into_any(),
                }
            }}
        </section>
    }
}
