//! The upload worker: a dedicated Web Worker running this wasm, built by Trunk from
//! `web/index.html` (`data-type="worker"`, loaded through Trunk's `renewal-worker_loader.js`).
//!
//! It announces [`ToPage::Ready`] once its message handler is installed (messages sent before
//! that would be lost), then for each message `[options JSON, ArrayBuffer]` reads the file with
//! [`renewal_web::upload::process`] and posts progress and the result as JSON strings. Cancel is
//! `Worker.terminate()` on the page's side: the computation stops wherever it is.

use renewal_data::ParseOptions;
use renewal_web::upload::{process, ToPage};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn post(scope: &DedicatedWorkerGlobalScope, msg: &ToPage) {
    if let Ok(json) = serde_json::to_string(msg) {
        let _ = scope.post_message(&JsValue::from_str(&json));
    }
}

fn main() {
    console_error_panic_hook::set_once();
    let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else {
        return;
    };
    let reply = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        let data = js_sys::Array::from(&ev.data());
        let opts: ParseOptions = data
            .get(0)
            .as_string()
            .and_then(|j| serde_json::from_str(&j).ok())
            .unwrap_or_default();
        let bytes = js_sys::Uint8Array::new(&data.get(1)).to_vec();
        let msg = match process(&bytes, &opts, &mut |p| post(&reply, &ToPage::Progress(p))) {
            Ok(r) => ToPage::Done(Box::new(r)),
            Err(e) => ToPage::Failed(e),
        };
        drop(bytes);
        post(&reply, &msg);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&scope, &ToPage::Ready);
}
