//! Air quality: the single-reading AQI calculator (four standards), its inverse, gas unit
//! conversion, each city's annual compliance, PM2.5 beside the Northeast, the paper's Table 1
//! recomputed, daily AQI and HJ 663 annual statistics of uploaded hourly data ([`daily`]), and
//! the method with its sources.
//!
//! Strings live in [`text`], decisions and maths in [`model`] (tested natively); the views in
//! `calculator`, `units_view` and `reports` only lay them out.

mod calculator;
pub mod daily;
pub mod model;
mod reports;
pub mod text;
mod units_view;

use crate::components::export::PrintStamp;
use calculator::{Calculator, Inverse};
use leptos::prelude::*;
use renewal_calc::aqi::StandardId;
use renewal_data::Lang;
use reports::{Compliance, PaperAudit, Pm25Overlay};
use text::M;
use units_view::UnitConverter;

/// The air quality page.
#[component]
pub fn AirQualityPage() -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let t = move |m: M| move || m.text(lang.get());
    let std_id = RwSignal::new(StandardId::CnHj633_2012);
    view! {
        <section class="page air-page" aria-labelledby="air-page-heading">
            <h2 id="air-page-heading">{t(M::Heading)}</h2>
            <PrintStamp/>
            <p class="lead">{t(M::Intro)}</p>
            <Calculator std_id=std_id/>
            <Inverse std_id=std_id/>
            <UnitConverter/>
            <Compliance/>
            <daily::DailyStats/>
            <Pm25Overlay/>
            <PaperAudit/>
            <section class="card" aria-labelledby="air-method-heading">
                <h3 id="air-method-heading">{t(M::MethodHeading)}</h3>
                <p>{t(M::Method)}</p>
            </section>
        </section>
    }
}
