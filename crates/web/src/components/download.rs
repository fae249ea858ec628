//! Saving text as a file and reading a chosen file as text, in the browser, without a server.

use wasm_bindgen::JsCast;

/// Offer `text` as a download named `filename` with MIME type `mime`. False when the browser
/// refused (no document, blob URLs unavailable).
pub fn save_text(filename: &str, mime: &str, text: &str) -> bool {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    save_blob(filename, &blob)
}

/// Offer `blob` as a download named `filename`. False when the browser refused.
pub fn save_blob(filename: &str, blob: &web_sys::Blob) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
        return false;
    };
    let saved = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .map(|a| {
            a.set_href(&url);
            a.set_download(filename);
            a.click();
        })
        .is_some();
    let _ = web_sys::Url::revoke_object_url(&url);
    saved
}

/// The text of the first file chosen in the `<input type="file">` that fired `ev`, with its name.
pub async fn read_chosen_file(ev: &web_sys::Event) -> Option<(String, String)> {
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let file = input.files()?.get(0)?;
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()?
        .as_string()?;
    input.set_value("");
    Some((file.name(), text))
}
