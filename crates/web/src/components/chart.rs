//! The one place that talks to ECharts.
//!
//! [`EChart`] renders a `charming::Chart` into a `<div>` with the SVG renderer (crisp text in both
//! scripts, and an SVG export for free), re-renders when the options' signals change, follows its
//! container's size through a `ResizeObserver`, and disposes the instance when it unmounts.
//! Options are serialised with `serde_wasm_bindgen`'s JSON-compatible serialiser, so maps reach
//! ECharts as plain objects. Every JS call that can throw is bound with `catch`: a chart that
//! fails logs to the console and leaves its data table as the fallback; it never stops the app.
//!
//! Every chart is drawn in the page's theme ([`crate::theme::ChartTheme`]: light or dark scheme,
//! standard or colour-vision-safe palette), read from context, and redrawn when it changes.

use crate::components::theme::current_chart_theme;
use crate::theme::{fit_to_width, ChartTheme};
use charming::Chart;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use serde::Serialize;
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

    #[wasm_bindgen(method)]
    fn resize(this: &Instance);

    #[wasm_bindgen(method)]
    fn dispose(this: &Instance);
}

#[derive(Serialize)]
struct InitOptions {
    renderer: &'static str,
}

/// A mounted chart: the ECharts instance and the observer that resizes it.
struct Mounted {
    instance: Instance,
    observer: Option<web_sys::ResizeObserver>,
    // Kept alive as long as the observer may call it.
    _on_resize: Option<Closure<dyn FnMut()>>,
}

impl Mounted {
    fn new(el: &web_sys::Element) -> Result<Self, JsValue> {
        let opts = serde_wasm_bindgen::to_value(&InitOptions { renderer: "svg" })?;
        let instance = init(el, &JsValue::NULL, &opts)?;
        let target: Instance = JsValue::clone(&instance).unchecked_into();
        let on_resize = Closure::<dyn FnMut()>::new(move || target.resize());
        let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
        if let Some(observer) = &observer {
            observer.observe(el);
        }
        Ok(Self {
            instance,
            observer,
            _on_resize: Some(on_resize),
        })
    }

    fn show(&self, chart: &Chart, theme: ChartTheme, width_px: f64) -> Result<(), JsValue> {
        let mut options =
            serde_json::to_value(chart).map_err(|e| JsValue::from_str(&e.to_string()))?;
        theme.apply(&mut options);
        // Laid out for the width at drawing time; a later resize only rescales.
        fit_to_width(&mut options, width_px);
        let options = options.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?;
        self.instance.set_option(&options, true)
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(observer) = &self.observer {
            observer.disconnect();
        }
        self.instance.dispose();
    }
}

/// A chart drawn from `options`, redrawn whenever the signals `options` reads or the theme
/// change.
///
/// `label` names the chart for assistive technology; the data table beside each chart carries
/// the numbers.
#[component]
pub fn EChart<F>(options: F, #[prop(into)] label: Signal<String>) -> impl IntoView
where
    F: Fn() -> Chart + 'static,
{
    let node = NodeRef::<leptos::html::Div>::new();
    let mounted: Rc<RefCell<Option<Mounted>>> = Rc::default();
    let slot = Rc::clone(&mounted);
    Effect::new(move |_| {
        let chart = options();
        let theme = current_chart_theme();
        let Some(el) = node.get() else { return };
        let mut slot = slot.borrow_mut();
        if slot.is_none() {
            match Mounted::new(&el) {
                Ok(m) => *slot = Some(m),
                Err(e) => {
                    web_sys::console::error_2(&"chart could not be created".into(), &e);
                    return;
                }
            }
        }
        if let Some(m) = slot.as_ref() {
            if let Err(e) = m.show(&chart, theme, f64::from(el.client_width())) {
                web_sys::console::error_2(&"chart options were rejected".into(), &e);
            }
        }
    });
    let mounted = SendWrapper::new(mounted);
    on_cleanup(move || drop(mounted.take()));

    view! { <div class="chart" node_ref=node role="img" aria-label=move || label.get()></div> }
}
