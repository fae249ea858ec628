//! The root component: the language shared through context, the header and the page.

use crate::components::language_switch::LanguageSwitch;
use crate::i18n::{Lang, Msg};
use crate::pages::baseline::BaselinePage;
use leptos::prelude::*;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let lang = RwSignal::new(Lang::from_browser());
    provide_context(lang);
    Effect::new(move |_| lang.get().apply_to_document());

    view! {
        <header class="site-header">
            <div class="site-header__titles">
                <h1>{move || Msg::AppTitle.text(lang.get())}</h1>
                <p class="site-header__tagline">{move || Msg::AppTagline.text(lang.get())}</p>
            </div>
            <LanguageSwitch/>
        </header>
        <main id="main">
            <BaselinePage/>
        </main>
        <footer class="site-footer">
            <p>{move || Msg::FooterPrivacy.text(lang.get())}</p>
        </footer>
    }
}
