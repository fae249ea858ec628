//! Gas unit conversion at 25 °C, 1 atm, with the factor table.

use super::model::*;
use super::text::M;
use crate::components::export::ExportTable;
use crate::export::Src;
use leptos::prelude::*;
use renewal_calc::units::Gas;
use renewal_data::Lang;

fn gas_from_formula(s: &str) -> Gas {
    Gas::ALL
        .into_iter()
        .find(|g| g.formula() == s)
        .unwrap_or(Gas::So2)
}

#[component]
pub fn UnitConverter() -> impl IntoView {
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
                        Ok(Some(v)) => format!("{}: {} {from} {} = {} {to}", M::ConvertedValue.text(l), fmt_value(v, l), g.formula(), fmt_value(convert(g, d, v), l)),
                        Ok(None) => String::new(),
                        Err(e) => e.message(l),
                    }
                }}
            </p>
            <ExportTable source=Signal::derive(move || Src::UnitFactors.text(lang.get()).to_string())>
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
                                    <td class="num">{move || fmt_value(g.molecular_weight_g_per_mol(), lang.get())}</td>
                                    <td class="num">{move || format!("{} {mass}", fmt_value(convert(g, Direction::VolumeToMass, 1.0), lang.get()))}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </ExportTable>
        </section>
    }
}
