//! Reports over the workspace and the paper: annual compliance, PM2.5 beside the Northeast,
//! and Table 1 recomputed.

use super::model::*;
use super::text::M;
use crate::components::chart::EChart;
use crate::components::export::ExportTable;
use crate::export::Src;
use crate::state::Workspace;
use leptos::prelude::*;
use renewal_calc::audit::Caveat;
use renewal_data::{baseline, Lang};

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
        <ExportTable source=Src::Compliance.text(l).to_string()>
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
                        let value = format!("{} ({})", fmt_value(r.value, l), r.year);
                        r.checks.into_iter().map(move |c| view! {
                            <tr>
                                <th scope="row">{r.pollutant}</th>
                                <td class="num">{value.clone()}</td>
                                <td>{c.against.name().text(l)}</td>
                                <td class="num">{c.limit.map(|v| fmt_value(v, l)).unwrap_or_else(|| "—".into())}</td>
                                <td class="num">{c.ratio.map(|x| format!("×{}", crate::format::number(x, 2, l))).unwrap_or_else(|| "—".into())}</td>
                                <td>{verdict(c.pass, l)}</td>
                                <td>{who_text(&c, l)}</td>
                            </tr>
                        }).collect::<Vec<_>>()
                    }).collect_view()}
                </tbody>
            </table>
        </ExportTable>
    }
}

#[component]
pub fn Compliance() -> impl IntoView {
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
pub fn Pm25Overlay() -> impl IntoView {
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
                    {
                        let table = view! {
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
                                            <td class="num">{tb.northeast.get(i).copied().flatten().map(|v| fmt_value(v, l)).unwrap_or_else(|| "—".into())}</td>
                                            {tb.cities.iter().map(|(_, s)| view! { <td class="num">{s.get(i).copied().flatten().map(|v| fmt_value(v, l)).unwrap_or_else(|| "—".into())}</td> }).collect_view()}
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        };
                        view! { <ExportTable source=Src::Pm25.text(l).to_string()>{table}</ExportTable> }
                    }
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
pub fn PaperAudit() -> impl IntoView {
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
                    <ExportTable source=Src::Audit.text(l).to_string()>
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
                    </ExportTable>
                }.into_any()
            }}
        </section>
    }
}
