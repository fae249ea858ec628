//! Air quality: the single-reading AQI calculator (four standards), its inverse, gas unit
//! conversion, each city's annual compliance, PM2.5 beside the Northeast, the paper's Table 1
//! recomputed, and the method with its sources.
//!
//! Strings live in [`text`], decisions and maths in [`model`] (tested natively); this file only
//! lays them out.

pub mod model;
pub mod text;

use crate::components::chart::EChart;
use crate::state::Workspace;
use leptos::prelude::*;
use model::*;
use renewal_calc::aqi::{
    standard, AqiResult, InverseOutcome, PollutantKey, StandardId, SubIndexStatus,
};
use renewal_calc::audit::Caveat;
use renewal_calc::units::Gas;
use renewal_data::{baseline, Lang};
use std::collections::BTreeMap;
use text::M;

/// The air quality page.
#[component]
pub fn AirQualityPage() -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let t = move |m: M| move || m.text(lang.get());
    let std_id = RwSignal::new(StandardId::CnHj633_2012);
    view! {
        <section class="page air-page" aria-labelledby="air-page-heading">
            <h2 id="air-page-heading">{t(M::Heading)}</h2>
            <p class="lead">{t(M::Intro)}</p>
            <Calculator std_id=std_id/>
            <Inverse std_id=std_id/>
            <UnitConverter/>
            <Compliance/>
            <Pm25Overlay/>
            <PaperAudit/>
            <section class="card" aria-labelledby="air-method-heading">
                <h3 id="air-method-heading">{t(M::MethodHeading)}</h3>
                <p>{t(M::Method)}</p>
            </section>
        </section>
    }
}

#[component]
fn Calculator(std_id: RwSignal<StandardId>) -> impl IntoView {
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
            <div class="table-scroll">
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
            </div>
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
            <div class="table-scroll">
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
                                <td class="num">{fmt_value(s.concentration)}<span class="unit">{format!(" {}", unit_of(s.key))}</span></td>
                                <td class="num">{s.concentration_used.map(fmt_value).unwrap_or_else(|| "—".into())}</td>
                                <td class="num">{s.iaqi.map(|v| v.to_string()).unwrap_or_else(|| "—".into())}</td>
                                <td>{how(s.status, l)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </div>
    }
}

#[component]
fn Inverse(std_id: RwSignal<StandardId>) -> impl IntoView {
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
                        <div class="table-scroll">
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
                                                let mut s = format!("{} {}", fmt_range(&range), unit_label(r.unit));
                                                if let Some(step) = range.grid_step {
                                                    s.push_str(&format!(" ({} {})", M::Rounded.text(l), fmt_value(step)));
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
                        </div>
                    }.into_any(),
                }
            }}
        </section>
    }
}

fn gas_from_formula(s: &str) -> Gas {
    Gas::ALL
        .into_iter()
        .find(|g| g.formula() == s)
        .unwrap_or(Gas::So2)
}

#[component]
fn UnitConverter() -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let t = move |m: M| move || m.text(lang.get());
    let gas = RwSignal::new(Gas::So2);
    let direction = RwSignal::new(Direction::MassToVolume);
    let text = RwSignal::new("100".to_string());
    view! {
        <section class="card" aria-labelledby="aqi-units-heading">
            <h3 id="aqi-units-heading">{t(M::UnitsHeading)}</h3>
            <p class="note">{t(M::UnitsAssumption)}</p>
            <div class="air-form air-form--grid">
                <div class="air-field">
                    <label for="units-gas">{t(M::Gas)}</label>
                    <select id="units-gas" on:change=move |ev| gas.set(gas_from_formula(&event_target_value(&ev)))>
                        {Gas::ALL.into_iter().map(|g| view! { <option value=g.formula() selected=move || gas.get() == g>{g.formula()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="air-field">
                    <label for="units-direction">{t(M::Direction)}</label>
                    <select id="units-direction" on:change=move |ev| direction.set(if event_target_value(&ev) == "v2m" { Direction::VolumeToMass } else { Direction::MassToVolume })>
                        <option value="m2v" selected=move || direction.get() == Direction::MassToVolume>{t(M::MassToVolume)}</option>
                        <option value="v2m" selected=move || direction.get() == Direction::VolumeToMass>{t(M::VolumeToMass)}</option>
                    </select>
                </div>
                <div class="air-field">
                    <label for="units-value">
                        {t(M::Value)}
                        <span class="unit">{move || {
                            let (mass, vol) = gas_units(gas.get());
                            format!(" ({})", if direction.get() == Direction::MassToVolume { mass } else { vol })
                        }}</span>
                    </label>
                    <input id="units-value" type="text" inputmode="decimal" autocomplete="off"
                        value=text.get_untracked()
                        on:input=move |ev| text.set(event_target_value(&ev))/>
                </div>
            </div>
            <p class="air-converted" role="status">
                {move || {
                    let l = lang.get();
                    let g = gas.get();
                    let d = direction.get();
                    let (mass, vol) = gas_units(g);
                    let (from, to) = if d == Direction::MassToVolume { (mass, vol) } else { (vol, mass) };
                    match text.with(|s| parse_concentration(s)) {
                        Ok(Some(v)) => format!("{}: {} {from} {} = {} {to}", M::ConvertedValue.text(l), fmt_value(v), g.formula(), fmt_value(convert(g, d, v)), ),
                        Ok(None) => String::new(),
                        Err(e) => e.message(l),
                    }
                }}
            </p>
            <div class="table-scroll">
                <table class="data-table">
                    <caption>{t(M::FactorsCaption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(M::Gas)}</th>
                            <th scope="col" class="num">{t(M::MolecularWeight)}</th>
                            <th scope="col" class="num">{t(M::Factor)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {Gas::ALL.into_iter().map(|g| {
                            let (mass, _) = gas_units(g);
                            view! {
                                <tr>
                                    <th scope="row">{g.formula()}</th>
                                    <td class="num">{fmt_value(g.molecular_weight_g_per_mol())}</td>
                                    <td class="num">{format!("{} {mass}", fmt_value(convert(g, Direction::VolumeToMass, 1.0)))}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

fn verdict(pass: Option<bool>, l: Lang) -> AnyView {
    match pass {
        Some(true) => {
            view! { <span class="status status--good">{M::Meets.text(l)}</span> }.into_any()
        }
        Some(false) => {
            view! { <span class="status status--poor">{M::Exceeds.text(l)}</span> }.into_any()
        }
        None => view! { <span>{M::NoWhoAnnual.text(l)}</span> }.into_any(),
    }
}

fn compliance_table(name: String, rows: Vec<ComplianceRow>, l: Lang) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table class="data-table air-compliance">
                <caption>{format!("{name}: {}", M::ComplianceCaption.text(l))}</caption>
                <thead>
                    <tr>
                        <th scope="col">{M::Pollutant.text(l)}</th>
                        <th scope="col" class="num">{M::Value.text(l)}<span class="unit">" (µg/m³)"</span></th>
                        <th scope="col">{M::Standard.text(l)}</th>
                        <th scope="col" class="num">{M::Limit.text(l)}</th>
                        <th scope="col" class="num">{M::Ratio.text(l)}</th>
                        <th scope="col">{M::Result.text(l)}</th>
                        <th scope="col">{M::WhoTarget.text(l)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().flat_map(|r| {
                        let value = format!("{} ({})", fmt_value(r.value), r.year);
                        r.checks.into_iter().map(move |c| view! {
                            <tr>
                                <th scope="row">{r.pollutant}</th>
                                <td class="num">{value.clone()}</td>
                                <td>{c.against.name().text(l)}</td>
                                <td class="num">{c.limit.map(fmt_value).unwrap_or_else(|| "—".into())}</td>
                                <td class="num">{c.ratio.map(|x| format!("×{x:.2}")).unwrap_or_else(|| "—".into())}</td>
                                <td>{verdict(c.pass, l)}</td>
                                <td>{who_text(&c, l)}</td>
                            </tr>
                        }).collect::<Vec<_>>()
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn Compliance() -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let workspace = expect_context::<RwSignal<Workspace>>();
    let t = move |m: M| move || m.text(lang.get());
    view! {
        <section class="card" aria-labelledby="aqi-compliance-heading">
            <h3 id="aqi-compliance-heading">{t(M::ComplianceHeading)}</h3>
            <p>{t(M::ComplianceIntro)}</p>
            {move || {
                let l = lang.get();
                let cities = workspace.with(|ws| ws.visible().cloned().collect::<Vec<_>>());
                let mut out: Vec<AnyView> = cities.into_iter().map(|c| {
                    let rows = compliance(&city_annual(&c));
                    if rows.is_empty() {
                        view! { <p><strong>{c.name.clone()}</strong>": "{M::NoAnnualAir.text(l)}</p> }.into_any()
                    } else {
                        compliance_table(c.name.clone(), rows, l).into_any()
                    }
                }).collect();
                out.push(compliance_table(M::NortheastName.text(l).to_string(), compliance(&baseline_annual()), l).into_any());
                out
            }}
        </section>
    }
}

#[component]
fn Pm25Overlay() -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let workspace = expect_context::<RwSignal<Workspace>>();
    let t = move |m: M| move || m.text(lang.get());
    let table = Memo::new(move |_| {
        workspace.with(|ws| pm25_table(&ws.visible().cloned().collect::<Vec<_>>()))
    });
    view! {
        <section class="card" aria-labelledby="aqi-chart-heading">
            <h3 id="aqi-chart-heading">{t(M::ChartHeading)}</h3>
            <figure class="chart-figure">
                <EChart
                    options=move || table.with(|tb| pm25_chart(tb, lang.get()))
                    label=Signal::derive(move || M::ChartTitle.text(lang.get()).to_string())
                />
            </figure>
            {move || {
                let l = lang.get();
                table.with(|tb| view! {
                    <div class="table-scroll">
                        <table class="data-table">
                            <caption>{M::ChartCaption.text(l)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{M::Year.text(l)}</th>
                                    <th scope="col" class="num">{M::Northeast.text(l)}</th>
                                    {tb.cities.iter().map(|(n, _)| view! { <th scope="col" class="num">{n.clone()}</th> }).collect_view()}
                                </tr>
                            </thead>
                            <tbody>
                                {tb.years.iter().enumerate().map(|(i, y)| view! {
                                    <tr>
                                        <th scope="row">{*y}</th>
                                        <td class="num">{tb.northeast.get(i).copied().flatten().map(fmt_value).unwrap_or_else(|| "—".into())}</td>
                                        {tb.cities.iter().map(|(_, s)| view! { <td class="num">{s.get(i).copied().flatten().map(fmt_value).unwrap_or_else(|| "—".into())}</td> }).collect_view()}
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                })
            }}
        </section>
    }
}

fn caveat_text(c: Caveat) -> M {
    match c {
        Caveat::DailyTablesOnAnnualMeans => M::CaveatDaily,
        Caveat::O3ReadAsEightHour => M::CaveatO3,
        Caveat::UnitsAssumed => M::CaveatUnits,
        _ => M::CaveatDaily,
    }
}

fn match_cell(ok: Option<bool>, l: Lang) -> AnyView {
    match ok {
        Some(true) => {
            view! { <span class="status status--good">{M::Match.text(l)}</span> }.into_any()
        }
        Some(false) => {
            view! { <span class="status status--poor">{M::Mismatch.text(l)}</span> }.into_any()
        }
        None => view! { <span>"—"</span> }.into_any(),
    }
}

#[component]
fn PaperAudit() -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let t = move |m: M| move || m.text(lang.get());
    let audit = paper_audit().ok();
    let printed = baseline::air_quality();
    view! {
        <section class="card" aria-labelledby="aqi-audit-heading">
            <h3 id="aqi-audit-heading">{t(M::AuditHeading)}</h3>
            <p>{t(M::AuditIntro)}</p>
            {move || {
                let l = lang.get();
                let Some(a) = audit.clone() else { return view! { <p>"—"</p> }.into_any() };
                view! {
                    <ul class="note air-caveats">
                        {a.caveats.iter().map(|c| view! { <li>{caveat_text(*c).text(l)}</li> }).collect_view()}
                    </ul>
                    <div class="table-scroll">
                        <table class="data-table air-audit">
                            <caption>{M::AuditCaption.text(l)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col" rowspan="2">{M::Year.text(l)}</th>
                                    <th scope="col" rowspan="2" class="num">{M::PrintedAqi.text(l)}</th>
                                    <th scope="col" rowspan="2">{M::PrintedGrade.text(l)}</th>
                                    {AUDIT_STANDARDS.iter().map(|s| view! { <th scope="colgroup" colspan="5">{format!("{}, {}", standard_name(*s).text(l), M::Recomputed.text(l))}</th> }).collect_view()}
                                </tr>
                                <tr>
                                    {AUDIT_STANDARDS.iter().map(|_| view! {
                                        <th scope="col" class="num">{M::Aqi.text(l)}</th>
                                        <th scope="col">{M::Category.text(l)}</th>
                                        <th scope="col">{M::Primary.text(l)}</th>
                                        <th scope="col">{M::SameAqi.text(l)}</th>
                                        <th scope="col">{M::SameGrade.text(l)}</th>
                                    }).collect_view()}
                                </tr>
                            </thead>
                            <tbody>
                                {a.rows.iter().zip(printed.iter()).map(|(r, p)| view! {
                                    <tr>
                                        <th scope="row">{r.year}</th>
                                        <td class="num">{r.printed_aqi.map(|v| v.to_string())}</td>
                                        <td lang="en">{p.printed_grade.as_printed()}</td>
                                        {r.recomputed.iter().map(|c| view! {
                                            <td class="num">{c.aqi.map(|v| v.to_string()).unwrap_or_else(|| "—".into())}</td>
                                            <td>{c.category.map(|id| pick(id.category().name, l)).unwrap_or("—")}</td>
                                            <td>{if c.primary.is_empty() { "—".to_string() } else { c.primary.iter().map(|k| k.pollutant().label()).collect::<Vec<_>>().join(", ") }}</td>
                                            <td>{match_cell(c.aqi_matches, l)}{c.aqi_difference.filter(|d| *d != 0).map(|d| format!(" ({d:+})"))}</td>
                                            <td>{match_cell(c.category_matches, l)}</td>
                                        }).collect_view()}
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}
