//! "Ready to work offline", said only once the service worker reports that every asset of this
//! version is cached, and the update prompt when a new version is waiting. The service worker
//! and its registration are in web/sw.js and web/offline.js; they report through DOM events.

use crate::i18n::{Lang, Msg};
use leptos::prelude::*;

/// The offline status line and, when a new version waits, the button that switches to it.
#[component]
pub fn OfflineStatus() -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    // web/offline.js may have emitted its events before this component mounted: it also leaves
    // them as attributes on <html>.
    let flag = |name: &str, value: &str| {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|e| e.get_attribute(name))
            .is_some_and(|v| v == value)
    };
    let ready = RwSignal::new(flag("data-offline", "ready"));
    let update = RwSignal::new(flag("data-update", "waiting"));
    let _ = window_event_listener_untyped("renewal-offline-ready", move |_| ready.set(true));
    let _ = window_event_listener_untyped("renewal-update-waiting", move |_| update.set(true));
    let apply = move |_| {
        if let Some(w) = web_sys::window() {
            if let Ok(event) = web_sys::Event::new("renewal-apply-update") {
                let _ = w.dispatch_event(&event);
            }
        }
    };
    view! {
        <p class="offline-status" role="status">
            {move || ready.get().then(|| Msg::OfflineReady.text(lang.get()))}
        </p>
        <Show when=move || update.get()>
            <p class="update-prompt" role="alert">
                {move || Msg::UpdateAvailable.text(lang.get())}" "
                <button type="button" class="button" on:click=apply>{move || Msg::UpdateReload.text(lang.get())}</button>
            </p>
        </Show>
    }
}
