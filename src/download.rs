//! Hands text to the person as a downloaded file, without any server.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Starts a download of `text` named `file_name`.
pub fn download_text(file_name: &str, mime_type: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime_type);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let document = leptos::prelude::document();
    let anchor: HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    document
        .body()
        .ok_or_else(|| JsValue::from_str("no body"))?
        .append_child(&anchor)?;
    anchor.click();
    anchor.remove();
    // Let the click start the download before the URL goes away.
    leptos::prelude::set_timeout(
        move || {
            let _ = Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}

/// Downloads the whole plan as a `.json` file named for today.
pub fn download_plan(plan: &crate::domain::plan::Plan) -> Result<(), JsValue> {
    let file_name = format!("waypoint-plan-{}.json", crate::clock::today());
    download_text(
        &file_name,
        "application/json",
        &crate::domain::format::to_file_text(plan),
    )
}
