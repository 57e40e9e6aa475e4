//! Long work (reading a plan of tens of thousands of goals, preparing its
//! storage text) done a slice at a time, letting the browser draw and answer
//! between slices, so that no one task keeps the page from responding.

use wasm_bindgen_futures::JsFuture;

/// Resolves in a later task of the browser's event loop, once whatever is
/// waiting (input, a frame) has had its turn.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = JsFuture::from(promise).await;
}
