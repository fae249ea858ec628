//! The embed view (`#/embed/<target>?lang=&theme=&s=`): one chart, table or comparison with
//! minimal chrome, for an `<iframe>` on another site.
//!
//! - The cities come only from the link (`s=`), or the fictional example when it has none: an
//!   embed shows every visitor the same thing, and it never reads or writes the visitor's saved
//!   workspace (in a same-site frame that would overwrite their own data).
//! - It works without storage or a service worker (a sandboxed or partitioned frame): nothing
//!   here needs them.
//! - It posts `{type: "renewal:height", height}` to the parent when its size changes, and
//!   nothing else (see [`crate::embed`]).

use crate::components::theme::ThemeContext;
use crate::embed::{EmbedSpec, EmbedTarget, Theme, HEIGHT_MESSAGE};
use crate::i18n::{tag, Lang, Msg};
use crate::pages::{
    air_quality::AirQualityPage, baseline, industry::IndustryPage, overview::OverviewPage,
    population::PopulationPage, resources::ResourcesPage,
};
use crate::share;
use crate::state::Workspace;
use crate::theme::Palette;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[derive(Clone, Copy)]
enum M {
    OpenFull,
}

impl M {
    fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::OpenFull, Lang::En) => "Open in the Industrial City Renewal Calculator",
            (Self::OpenFull, Lang::Zh) => "在工业城市更新计算器中打开",
        }
    }
}

/// Post the height of `el` to the parent window, if there is one.
fn post_height(el: &web_sys::HtmlElement) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
    let height = f64::from(el.offset_height()).ceil();
    let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
    // Only a number leaves the frame, so any origin may receive it.
    let _ = parent.post_message(&message, "*");
}

/// The embed view for `spec`.
#[component]
pub fn EmbedRoot(spec: EmbedSpec) -> impl IntoView {
    let decoded = spec.token.as_deref().map(share::decode);
    let link_lang = decoded
        .as_ref()
        .and_then(|r| r.as_ref().ok())
        .map(|l| l.lang);
    let lang = RwSignal::new(
        spec.lang
            .or(link_lang)
            .unwrap_or_else(crate::i18n::initial_lang),
    );
    provide_context(lang);
    provide_context(RwSignal::new(spec.target.page()));
    let (workspace, error) = match decoded {
        Some(Ok(l)) => (l.workspace, None),
        Some(Err(e)) => (Workspace::with_example(lang.get_untracked()), Some(e)),
        None => (Workspace::with_example(lang.get_untracked()), None),
    };
    provide_context(RwSignal::new(workspace));
    // The embed's `theme` parameter decides the scheme (the host page chose it), not the system.
    provide_context(ThemeContext {
        dark: Signal::stored(spec.theme == Theme::Dark),
        palette: RwSignal::new(Palette::default()),
    });

    let doc = web_sys::window().and_then(|w| w.document());
    if let Some(root) = doc.as_ref().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-theme", spec.theme.slug());
        let _ = root.set_attribute("data-embed", "");
    }
    Effect::new(move |_| {
        let l = lang.get();
        if let Some(d) = web_sys::window().and_then(|w| w.document()) {
            if let Some(root) = d.document_element() {
                let _ = root.set_attribute("lang", tag(l));
            }
            d.set_title(&format!(
                "{} — {}",
                spec.target.name(l),
                Msg::AppTitle.text(l)
            ));
        }
    });

    let node = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        let target: web_sys::HtmlElement = el.clone().into();
        let on_resize = Closure::<dyn FnMut()>::new(move || post_height(&target));
        if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            observer.observe(&el);
        }
        // The observer lives as long as the page: the embed view is never unmounted.
        on_resize.forget();
        post_height(&el);
    });

    let full = format!(
        "{}{}",
        crate::components::share::app_url(),
        spec.target.page().hash()
    );
    let target = spec.target;
    view! {
        <div class="embed" node_ref=node>
            <main id="main">
                {error.map(|e| view! { <p class="share-notice share-notice--error" role="alert">{move || e.message(lang.get())}</p> })}
                {match target {
                    EmbedTarget::BaselineAir => view! { <baseline::AirQualitySection/> }.into_any(),
                    EmbedTarget::BaselineGeneration => view! { <baseline::GenerationSection/> }.into_any(),
                    EmbedTarget::Overview => view! { <OverviewPage/> }.into_any(),
                    EmbedTarget::Air => view! { <AirQualityPage/> }.into_any(),
                    EmbedTarget::Resources => view! { <ResourcesPage/> }.into_any(),
                    EmbedTarget::Industry => view! { <IndustryPage/> }.into_any(),
                    EmbedTarget::Population => view! { <PopulationPage/> }.into_any(),
                }}
            </main>
            <p class="embed__credit">
                <a href=full target="_blank" rel="noopener noreferrer">{move || M::OpenFull.text(lang.get())}</a>
            </p>
        </div>
    }
}
