//! Moving focus to something that is about to appear, such as a field on the
//! section being opened.

use leptos::prelude::*;
use std::time::Duration;

/// How often, and how many times, to look for the element.
const POLL: Duration = Duration::from_millis(50);
const ATTEMPTS: u8 = 40;

/// Focuses the element with `id` (opening it first if it is a `<details>`)
/// as soon as it is on the page, for up to two seconds.
pub fn focus_when_shown(id: String) {
    fn attempt(id: String, left: u8) {
        if let Some(element) = document().get_element_by_id(&id) {
            if let Some(details) =
                wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlDetailsElement>(&element)
            {
                details.set_open(true);
                if let Ok(Some(summary)) = details.query_selector("summary") {
                    if let Some(summary) =
                        wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&summary)
                    {
                        let _ = summary.focus();
                    }
                }
                return;
            }
            if let Some(element) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&element) {
                let _ = element.focus();
                return;
            }
        }
        if left > 0 {
            set_timeout(move || attempt(id, left - 1), POLL);
        }
    }
    attempt(id, ATTEMPTS);
}
