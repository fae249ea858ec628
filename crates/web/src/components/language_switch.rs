//! The language switch: two buttons, the current one pressed.

use crate::i18n::{tag, Lang, Msg};
use leptos::prelude::*;

/// Switches the interface between English and Chinese (the choice is remembered by the app).
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let button = move |target: Lang, text: &'static str| {
        view! {
            <button
                type="button"
                class="language-switch__button"
                lang=tag(target)
                aria-pressed=move || (lang.get() == target).to_string()
                on:click=move |_| lang.set(target)
            >
                {text}
            </button>
        }
    };
    view! {
        <div class="language-switch" role="group" aria-label=move || Msg::LanguageLabel.text(lang.get())>
            {button(Lang::En, "English")}
            {button(Lang::Zh, "中文")}
        </div>
    }
}
