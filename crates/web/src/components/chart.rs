//! The one place that talks to ECharts.
//!
//! [`EChart`] renders a `charming::Chart` into a `<div>` with the SVG renderer (crisp text in both
//! scripts, and an SVG export for free), re-renders when the options' signals change, follows its
//! container's size through a `ResizeObserver`, and disposes the instance when it unmounts.
//! Options reach ECharts as JSON text read by the browser's `JSON.parse` (plain objects, and no
//! code: the text is data, never evaluated). Every JS call that can throw is bound with `catch`: a chart that
//! fails logs to the console and leaves its data table as the fallback; it never stops the app.
//!
//! Every chart has "PNG" and "SVG" download buttons. The SVG is ECharts' own
//! `renderToSVGString` (text written as escaped SVG text, so a user's string stays text); the PNG
//! draws that SVG, as a `data:` image (allowed by the CSP's `img-src 'self' data: blob:`), on a
//! canvas at twice the chart's size over a white background. No script is evaluated.
//!
//! Every chart is drawn in the page's theme ([`crate::theme::ChartTheme`]: light or dark scheme,
//! standard or colour-vision-safe palette), read from context, and redrawn when it changes.

use crate::components::download::{save_blob, save_text};
use crate::components::theme::current_chart_theme;
use crate::export::{file_stem, M};
use crate::i18n::Lang;
use crate::theme::{fit_to_width, ChartTheme};
use charming::Chart;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// An ECharts instance.
    type Instance;

    #[wasm_bindgen(catch, js_namespace = echarts, js_name = init)]
    fn init(el: &web_sys::Element, theme: &JsValue, opts: &JsValue) -> Result<Instance, JsValue>;

    #[wasm_bindgen(catch, method, js_name = setOption)]
    fn set_option(this: &Instance, option: &JsValue, not_merge: bool) -> Result<(), JsValue>;

    /// Resize to `opts.width` × `opts.height` (given, so ECharts need not read the layout).
    #[wasm_bindgen(method)]
    fn resize(this: &Instance, opts: &JsValue);

    #[wasm_bindgen(method)]
    fn dispose(this: &Instance);

    /// The chart as an SVG document (SVG renderer only); ECharts escapes the text it writes.
    #[wasm_bindgen(catch, method, js_name = renderToSVGString)]
    fn render_to_svg_string(this: &Instance) -> Result<String, JsValue>;

    #[wasm_bindgen(method, js_name = getWidth)]
    fn get_width(this: &Instance) -> f64;

    #[wasm_bindgen(method, js_name = getHeight)]
    fn get_height(this: &Instance) -> f64;
}

/// ECharts is not part of the page's first load (the first view has no chart): the first chart
/// adds its `<script>` (same origin, so the CSP's `script-src 'self'` allows it) from the URL
/// `cargo xtask dist` writes into `<meta name="renewal-echarts">`, and every chart waits for the
/// same load. The service worker precaches the file, so this works offline as well.
mod loader {
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    thread_local! {
        static LOADING: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
    }

    /// Whether the global `echarts` exists.
    pub fn loaded() -> bool {
        js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("echarts"))
            .is_ok_and(|v| !v.is_undefined())
    }

    /// Resolves when ECharts is loaded; one script element however many charts ask.
    pub async fn ready() -> Result<(), JsValue> {
        if loaded() {
            return Ok(());
        }
        let promise = LOADING.with(|slot| -> Result<js_sys::Promise, JsValue> {
            if let Some(p) = slot.borrow().as_ref() {
                return Ok(p.clone());
            }
            let p = add_script()?;
            *slot.borrow_mut() = Some(p.clone());
            Ok(p)
        })?;
        let result = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .map(|_| ());
        if result.is_err() {
            // Let a later chart try again (e.g. the network came back).
            LOADING.with(|slot| slot.borrow_mut().take());
        }
        result
    }

    fn add_script() -> Result<js_sys::Promise, JsValue> {
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or_else(|| JsValue::from_str("no document"))?;
        let src = document
            .query_selector(r#"meta[name="renewal-echarts"]"#)?
            .and_then(|m| m.get_attribute("content"))
            .ok_or_else(|| JsValue::from_str("index.html names no ECharts file"))?;
        let script: web_sys::HtmlScriptElement = document.create_element("script")?.dyn_into()?;
        script.set_src(&src);
        let head = document
            .head()
            .ok_or_else(|| JsValue::from_str("no <head>"))?;
        let element = script.clone();
        let promise = js_sys::Promise::new(&mut |resolve, reject| {
            element.set_onload(Some(&resolve));
            element.set_onerror(Some(&reject));
        });
        head.append_child(&script)?;
        Ok(promise)
    }
}

/// What a chart holds between draws.
#[derive(Default)]
struct State {
    /// Created when the container's size is first known.
    instance: Option<Instance>,
    /// The latest options and theme, drawn as soon as there is an instance.
    latest: Option<(Chart, ChartTheme)>,
}

/// A mounted chart: its state and the observer that reports the container's size.
///
/// Sizes come from the `ResizeObserver`, which the browser calls after it has laid the page out:
/// reading `clientWidth` instead (as `echarts.init` and `resize()` do by default) forces a
/// synchronous layout of the whole view, once per chart, while the view is still being built
/// (measured: most of the time of opening the air-quality view, benchmark 4). So the instance
/// is created with the observed size, redraws reuse it, and a resize passes the new size.
struct Mounted {
    state: Rc<RefCell<State>>,
    observer: web_sys::ResizeObserver,
    // Kept alive as long as the observer may call it.
    _on_resize: Closure<dyn FnMut(js_sys::Array)>,
}

impl Mounted {
    fn new(el: &web_sys::Element, state: Rc<RefCell<State>>) -> Result<Self, JsValue> {
        let container = el.clone();
        let shared = Rc::clone(&state);
        let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() else {
                return;
            };
            let rect = entry.content_rect();
            let (w, h) = (rect.width().round(), rect.height().round());
            // Hidden (display: none, a closed <details>): draw when it is shown.
            if w <= 0.0 || h <= 0.0 {
                return;
            }
            if let Err(e) = sized(&container, &mut shared.borrow_mut(), w, h) {
                web_sys::console::error_2(&"chart could not be drawn".into(), &e);
            }
        });
        let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref())?;
        observer.observe(el);
        Ok(Self {
            state,
            observer,
            _on_resize: on_resize,
        })
    }
}

/// The container is `w` × `h`: create the instance and draw, or resize it if that changed.
fn sized(el: &web_sys::Element, state: &mut State, w: f64, h: f64) -> Result<(), JsValue> {
    match &state.instance {
        None => {
            // Colours come from our own theme (crate::theme), applied to the options.
            let opts =
                js_sys::JSON::parse(&format!(r#"{{"renderer":"svg","width":{w},"height":{h}}}"#))?;
            let instance = init(el, &JsValue::NULL, &opts)?;
            if let Some((chart, theme)) = &state.latest {
                show(el, &instance, chart, *theme)?;
            }
            state.instance = Some(instance);
        }
        Some(instance) if instance.get_width() != w || instance.get_height() != h => {
            // A resize only rescales what was laid out for the width at drawing time.
            instance.resize(&js_sys::JSON::parse(&format!(
                r#"{{"width":{w},"height":{h}}}"#
            ))?);
            fit_view_box(el, instance);
        }
        Some(_) => {}
    }
    Ok(())
}

/// Draw `chart` in `theme` on `instance`, laid out for its width.
fn show(
    el: &web_sys::Element,
    instance: &Instance,
    chart: &Chart,
    theme: ChartTheme,
) -> Result<(), JsValue> {
    let mut options = serde_json::to_value(chart).map_err(|e| JsValue::from_str(&e.to_string()))?;
    theme.apply(&mut options);
    // No animation: a chart redrawn on every edit would spend the frames after each
    // keystroke tweening (benchmark 4), and motion is not what these charts are for.
    if let Some(o) = options.as_object_mut() {
        o.insert("animation".into(), false.into());
    }
    fit_to_width(&mut options, instance.get_width());
    // One string and the browser's JSON.parse, not an object built key by key across the
    // wasm boundary: a chart redrawn on each edit built thousands of small JS values.
    let text = serde_json::to_string(&options).map_err(|e| JsValue::from_str(&e.to_string()))?;
    let options = js_sys::JSON::parse(&text)?;
    instance.set_option(&options, true)?;
    fit_view_box(el, instance);
    Ok(())
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.observer.disconnect();
        if let Some(instance) = self.state.borrow_mut().instance.take() {
            instance.dispose();
        }
    }
}

/// Give the live `<svg>` a `viewBox` equal to its size. ECharts draws it with a fixed width and
/// height and no `viewBox`, so it could not shrink to the page in print; with one, the print
/// stylesheet scales it to A4's width. On screen nothing changes (the box equals the size).
/// ECharts' own updates leave an attribute it does not manage in place, so this runs after each
/// draw and resize.
fn fit_view_box(el: &web_sys::Element, instance: &Instance) {
    if let Ok(Some(svg)) = el.query_selector("svg") {
        let (w, h) = (instance.get_width(), instance.get_height());
        if w > 0.0 && h > 0.0 {
            let _ = svg.set_attribute("viewBox", &format!("0 0 {w} {h}"));
        }
    }
}

/// The chart's SVG and its size in CSS pixels, or None when it is not drawn.
fn svg_of(state: &RefCell<State>) -> Option<(String, f64, f64)> {
    let state = state.borrow();
    let instance = state.instance.as_ref()?;
    match instance.render_to_svg_string() {
        Ok(svg) => Some((svg, instance.get_width(), instance.get_height())),
        Err(e) => {
            web_sys::console::error_2(&"chart could not be exported".into(), &e);
            None
        }
    }
}

/// Draw `svg` (of `width` × `height` CSS pixels) at 2× on a white canvas and save it as a PNG.
fn save_png(svg: &str, width: f64, height: f64, filename: String) -> Result<(), JsValue> {
    const SCALE: f64 = 2.0;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    canvas.set_width((width * SCALE).round().max(1.0) as u32);
    canvas.set_height((height * SCALE).round().max(1.0) as u32);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("no 2d context"))?
        .dyn_into()?;
    let image = web_sys::HtmlImageElement::new()?;
    let drawn = image.clone();
    let on_load = Closure::once_into_js(move || {
        let draw = || -> Result<(), JsValue> {
            context.scale(SCALE, SCALE)?;
            context.set_fill_style_str("#ffffff");
            context.fill_rect(0.0, 0.0, width, height);
            context.draw_image_with_html_image_element_and_dw_and_dh(
                &drawn, 0.0, 0.0, width, height,
            )?;
            let on_blob = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
                if let Some(blob) = blob {
                    save_blob(&filename, &blob);
                }
            });
            canvas.to_blob_with_type(on_blob.unchecked_ref(), "image/png")
        };
        if let Err(e) = draw() {
            web_sys::console::error_2(&"chart PNG could not be drawn".into(), &e);
        }
    });
    image.set_onload(Some(on_load.unchecked_ref()));
    let encoded = String::from(js_sys::encode_uri_component(svg));
    image.set_src(&format!("data:image/svg+xml;charset=utf-8,{encoded}"));
    Ok(())
}

/// A chart drawn from `options`, redrawn whenever the signals `options` reads or the theme
/// change, with PNG and SVG download buttons.
///
/// `label` names the chart for assistive technology and the downloaded files; the data table
/// beside each chart carries the numbers.
#[component]
pub fn EChart<F>(options: F, #[prop(into)] label: Signal<String>) -> impl IntoView
where
    F: Fn() -> Chart + 'static,
{
    let lang = expect_context::<RwSignal<Lang>>();
    let node = NodeRef::<leptos::html::Div>::new();
    let state: Rc<RefCell<State>> = Rc::default();
    let mounted: Rc<RefCell<Option<Mounted>>> = Rc::default();
    let slot = Rc::clone(&mounted);
    let drawn = Rc::clone(&state);
    let library = RwSignal::new(loader::loaded());
    if !library.get_untracked() {
        leptos::task::spawn_local(async move {
            match loader::ready().await {
                // The chart may have been unmounted meanwhile: then there is nothing to draw.
                Ok(()) => drop(library.try_set(true)),
                Err(e) => {
                    web_sys::console::error_2(&"the chart library could not be loaded".into(), &e)
                }
            }
        });
    }
    Effect::new(move |_| {
        let chart = options();
        let theme = current_chart_theme();
        if !library.get() {
            return;
        }
        let Some(el) = node.get() else { return };
        let mut state = drawn.borrow_mut();
        // Drawn now when the size is known; otherwise by the observer's first report.
        if let Some(instance) = &state.instance {
            if let Err(e) = show(&el, instance, &chart, theme) {
                web_sys::console::error_2(&"chart options were rejected".into(), &e);
            }
        }
        state.latest = Some((chart, theme));
        drop(state);
        let mut slot = slot.borrow_mut();
        if slot.is_none() {
            match Mounted::new(&el, Rc::clone(&drawn)) {
                Ok(m) => *slot = Some(m),
                Err(e) => web_sys::console::error_2(&"chart could not be created".into(), &e),
            }
        }
    });
    let for_svg = SendWrapper::new(Rc::clone(&state));
    let for_png = SendWrapper::new(state);
    let mounted = SendWrapper::new(mounted);
    on_cleanup(move || drop(mounted.take()));

    let download_svg = move |_| {
        if let Some((svg, _, _)) = svg_of(&for_svg) {
            let name = format!("{}.svg", file_stem(&label.get_untracked()));
            save_text(&name, "image/svg+xml", &svg);
        }
    };
    let download_png = move |_| {
        if let Some((svg, w, h)) = svg_of(&for_png) {
            let name = format!("{}.png", file_stem(&label.get_untracked()));
            if let Err(e) = save_png(&svg, w, h, name) {
                web_sys::console::error_2(&"chart PNG could not be drawn".into(), &e);
            }
        }
    };
    let group_label = move || format!("{}: {}", M::ChartExportLabel.text(lang.get()), label.get());

    view! {
        <div class="chart" node_ref=node role="img" aria-label=move || label.get()></div>
        <div class="export-bar chart-export" role="group" aria-label=group_label>
            <span class="export-bar__label" aria-hidden="true">{move || M::ChartExportLabel.text(lang.get())}</span>
            <button type="button" class="button button--small" on:click=download_png>{move || M::DownloadPng.text(lang.get())}</button>
            <button type="button" class="button button--small" on:click=download_svg>{move || M::DownloadSvg.text(lang.get())}</button>
        </div>
    }
}
