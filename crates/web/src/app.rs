//! The root component: shared state through context (language, page, workspace), the header,
//! the navigation and the current page.

use crate::components::language_switch::LanguageSwitch;
use crate::components::offline_status::OfflineStatus;
use crate::components::share::{receive, Incoming, ShareControl, ShareNotice, SharePanel};
use crate::components::theme::{provide_theme, PaletteSwitch};
use crate::embed::EmbedSpec;
use crate::i18n::{apply_to_document, initial_lang, Lang, Msg};
use crate::pages::embed::EmbedRoot;
use crate::pages::{
    advisor::AdvisorPage, air_quality::AirQualityPage, baseline::BaselinePage,
    composite::CompositePage, data::DataPage, energy::EnergyPage, industry::IndustryPage,
    overview::OverviewPage, population::PopulationPage, resources::ResourcesPage,
};
use crate::route::Page;
use crate::storage;
use leptos::prelude::*;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    // Before the embed check: an embedded chart follows the scheme and palette too.
    provide_theme();
    let current_hash = || {
        web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default()
    };
    // An embed (`#/embed/…`) is its own minimal page: no header, navigation or storage.
    if let Some(spec) = EmbedSpec::from_hash(&current_hash()) {
        return view! { <EmbedRoot spec=spec/> }.into_any();
    }

    let lang = RwSignal::new(initial_lang());
    provide_context(lang);
    Effect::new(move |_| apply_to_document(lang.get()));

    let page = RwSignal::new(Page::from_hash(&current_hash()));
    provide_context(page);

    let workspace = RwSignal::new(storage::load_workspace(lang.get_untracked()));
    provide_context(workspace);
    Effect::new(move |_| workspace.with(|ws| storage::save_workspace(ws)));

    // A shared link (`#/page?s=…`), on load or pasted into the address bar of an open tab.
    let incoming = RwSignal::new(None::<Incoming>);
    receive(&current_hash(), lang, page, workspace, incoming);
    let share_open = RwSignal::new(false);
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        let hash = current_hash();
        if EmbedSpec::from_hash(&hash).is_some() {
            // The embed view is a different page shell: start it afresh.
            let _ = web_sys::window().map(|w| w.location().reload());
            return;
        }
        page.set(Page::from_hash(&hash));
        receive(&hash, lang, page, workspace, incoming);
    });

    view! {
        <a class="skip-link" href="#main">{move || Msg::SkipToContent.text(lang.get())}</a>
        <header class="site-header">
            <div class="site-header__titles">
                <h1 class="site-header__title">{move || Msg::AppTitle.text(lang.get())}</h1>
                <p class="site-header__tagline">{move || Msg::AppTagline.text(lang.get())}</p>
            </div>
            <div class="site-header__tools">
                <ShareControl open=share_open/>
                <LanguageSwitch/>
                <PaletteSwitch/>
            </div>
        </header>
        <Nav/>
        <main id="main" tabindex="-1">
            <SharePanel open=share_open/>
            <ShareNotice incoming=incoming/>
            {move || match page.get() {
                Page::Data => view! { <DataPage/> }.into_any(),
                Page::Baseline => view! { <BaselinePage/> }.into_any(),
                Page::Air => view! { <AirQualityPage/> }.into_any(),
                Page::Population => view! { <PopulationPage/> }.into_any(),
                Page::Industry => view! { <IndustryPage/> }.into_any(),
                Page::Resources => view! { <ResourcesPage/> }.into_any(),
                Page::Energy => view! { <EnergyPage/> }.into_any(),
                Page::Advisor => view! { <AdvisorPage/> }.into_any(),
                Page::Composite => view! { <CompositePage/> }.into_any(),
                _ => view! { <OverviewPage/> }.into_any(),
            }}
        </main>
        <footer class="site-footer">
            <p>{move || Msg::FooterPrivacy.text(lang.get())}</p>
            <OfflineStatus/>
        </footer>
    }
    .into_any()
}

/// The name of a page in the navigation.
pub fn page_name(page: Page, lang: Lang) -> &'static str {
    let msg = match page {
        Page::Overview => Msg::NavOverview,
        Page::Data => Msg::NavData,
        Page::Air => Msg::NavAir,
        Page::Resources => Msg::NavResources,
        Page::Energy => Msg::NavEnergy,
        Page::Industry => Msg::NavIndustry,
        Page::Population => Msg::NavPopulation,
        Page::Composite => Msg::NavComposite,
        Page::Advisor => Msg::NavAdvisor,
        Page::Baseline => Msg::NavBaseline,
    };
    msg.text(lang)
}

#[component]
fn Nav() -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let page = expect_context::<RwSignal<Page>>();
    view! {
        <nav class="site-nav" aria-label=move || Msg::NavLabel.text(lang.get())>
            <ul>
                {Page::ALL
                    .into_iter()
                    .map(|p| view! {
                        <li>
                            <a
                                href=p.hash()
                                aria-current=move || (page.get() == p).then_some("page")
                            >
                                {move || page_name(p, lang.get())}
                            </a>
                        </li>
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
