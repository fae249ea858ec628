//! The page's colour settings in the browser: the system's light or dark preference (followed
//! live through `matchMedia("(prefers-color-scheme: dark)")`), the palette the reader chose
//! (`?palette=cvd` in the URL, remembered in localStorage beside the language), and the switch
//! that changes the palette. The colours themselves are data in [`crate::theme`] and
//! `web/style.css`; this module only connects them to the browser.

use crate::i18n::Lang;
use crate::theme::{ChartTheme, Palette, Scheme};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// The localStorage key of the palette (beside `renewal.lang`).
const PALETTE_KEY: &str = "renewal.palette";

/// The colour settings shared through context.
#[derive(Debug, Clone, Copy)]
pub struct ThemeContext {
    /// Whether the system prefers dark (follows changes while the page is open).
    pub dark: Signal<bool>,
    /// The reader's palette.
    pub palette: RwSignal<Palette>,
}

impl ThemeContext {
    /// The theme charts are drawn with (reactive).
    pub fn chart_theme(&self) -> ChartTheme {
        ChartTheme {
            scheme: if self.dark.get() {
                Scheme::Dark
            } else {
                Scheme::Light
            },
            palette: self.palette.get(),
        }
    }
}

/// The chart theme from context, tracked, so a chart re-renders when the scheme or the palette
/// changes; the default theme where no context was provided.
pub fn current_chart_theme() -> ChartTheme {
    use_context::<ThemeContext>()
        .map(|t| t.chart_theme())
        .unwrap_or_default()
}

/// Create the colour settings, provide them as context, and keep `<html data-palette>` and
/// storage in step with the palette.
pub fn provide_theme() -> ThemeContext {
    let palette = RwSignal::new(initial_palette());
    let context = ThemeContext {
        dark: prefers_dark(),
        palette,
    };
    provide_context(context);
    Effect::new(move |_| {
        let p = palette.get();
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Some(root) = window.document().and_then(|d| d.document_element()) {
            let _ = root.set_attribute("data-palette", p.slug());
        }
        if let Ok(Some(storage)) = window.local_storage() {
            let _ = storage.set_item(PALETTE_KEY, p.slug());
        }
    });
    context
}

/// `?palette=` in the URL, then the remembered choice, then the standard palette.
fn initial_palette() -> Palette {
    let Some(window) = web_sys::window() else {
        return Palette::default();
    };
    let from_query = window
        .location()
        .search()
        .ok()
        .and_then(|q| web_sys::UrlSearchParams::new_with_str(&q).ok())
        .and_then(|p| p.get("palette"))
        .and_then(|t| Palette::from_slug(&t));
    from_query
        .or_else(|| {
            window
                .local_storage()
                .ok()
                .flatten()
                .and_then(|s| s.get_item(PALETTE_KEY).ok().flatten())
                .and_then(|t| Palette::from_slug(&t))
        })
        .unwrap_or_default()
}

#[wasm_bindgen]
extern "C" {
    /// A `MediaQueryList` (bound here rather than through a web-sys feature).
    type MediaQueryList;

    #[wasm_bindgen(catch, js_namespace = window, js_name = matchMedia)]
    fn match_media(query: &str) -> Result<MediaQueryList, JsValue>;

    #[wasm_bindgen(method, getter)]
    fn matches(this: &MediaQueryList) -> bool;

    #[wasm_bindgen(method, js_name = addEventListener)]
    fn add_event_listener(this: &MediaQueryList, kind: &str, listener: &js_sys::Function);
}

/// Whether the system prefers a dark scheme, updated when that preference changes.
fn prefers_dark() -> Signal<bool> {
    let Ok(query) = match_media("(prefers-color-scheme: dark)") else {
        return Signal::derive(|| false);
    };
    let dark = RwSignal::new(query.matches());
    let source: MediaQueryList = JsValue::clone(&query).unchecked_into();
    let on_change = Closure::<dyn FnMut()>::new(move || dark.set(source.matches()));
    // The listener lives as long as the page: the app root never unmounts.
    query.add_event_listener("change", on_change.as_ref().unchecked_ref());
    on_change.forget();
    dark.into()
}

/// The palette switch's messages.
#[derive(Debug, Clone, Copy)]
enum M {
    Label,
    Hint,
}

impl M {
    fn text(self, lang: Lang) -> &'static str {
        let (en, zh) = match self {
            Self::Label => ("Colour-blind-safe palette", "色盲友好配色"),
            Self::Hint => (
                "Patterns and high contrast in charts; blue, yellow and dark red statuses",
                "图表使用图案与高对比度；状态使用蓝、黄、深红",
            ),
        };
        lang.pick(en, zh)
    }
}

/// A checkbox that switches between the standard and the colour-vision-safe palette.
#[component]
pub fn PaletteSwitch() -> impl IntoView {
    let lang = expect_context::<RwSignal<Lang>>();
    let Some(theme) = use_context::<ThemeContext>() else {
        return ().into_any();
    };
    let palette = theme.palette;
    view! {
        <label class="palette-switch" title=move || M::Hint.text(lang.get())>
            <input
                type="checkbox"
                prop:checked=move || palette.get() == Palette::Cvd
                on:change=move |ev| palette.set(if event_target_checked(&ev) { Palette::Cvd } else { Palette::Standard })
            />
            {move || M::Label.text(lang.get())}
        </label>
    }
    .into_any()
}
