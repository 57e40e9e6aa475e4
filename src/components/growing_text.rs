//! A text field that grows with its words, for what a person must be able to
//! read back in full: titles, names, notes. A one-line field cuts a long
//! title off at its edge; this one wraps onto as many lines as it needs.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Whether the browser sizes a field to its text by itself
/// (`field-sizing: content`); asked once.
fn sizes_fields_itself() -> bool {
    thread_local! {
        static SUPPORTED: bool = {
            let supports = || -> Option<bool> {
                let css = js_sys::Reflect::get(&window(), &"CSS".into()).ok()?;
                let supports: js_sys::Function =
                    js_sys::Reflect::get(&css, &"supports".into()).ok()?.dyn_into().ok()?;
                supports
                    .call2(&css, &"field-sizing".into(), &"content".into())
                    .ok()?
                    .as_bool()
            };
            supports().unwrap_or(false)
        };
    }
    SUPPORTED.with(|supported| *supported)
}

/// Sets the field's height to what its text needs, for browsers without
/// `field-sizing: content`. Through the style object, which the content
/// security policy allows (it forbids style attributes in markup).
pub fn fit_to_text(field: &web_sys::HtmlTextAreaElement) {
    // The element's own style object (not tachys' `style` helper).
    let style = web_sys::HtmlElement::style(field);
    let _ = style.set_property("height", "auto");
    // scrollHeight leaves out the borders, which the height includes.
    let borders = field.offset_height() - field.client_height();
    let _ = style.set_property(
        "height",
        &format!("{}px", field.scroll_height() + borders.max(0)),
    );
}

/// A labelled text area that grows with its text. The label is the
/// caller's (`<label for=id>`), so that it can sit where the layout wants it.
#[component]
pub fn GrowingText(
    /// The field's id, for its label.
    id: String,
    /// The text shown; the field follows it when the plan changes (an undo).
    #[prop(into)]
    value: Signal<String>,
    /// Called with the new text on every keystroke.
    on_input: Callback<String>,
    /// A title or a name: Enter adds no line, and line breaks pasted in
    /// become spaces, so the words stay one line of the plan.
    #[prop(optional)]
    one_line: bool,
    /// The id of a hint that describes the field.
    #[prop(optional, into)]
    described_by: Option<String>,
    /// Lets the caller move the focus into the field.
    #[prop(optional)]
    node_ref: Option<NodeRef<html::Textarea>>,
) -> impl IntoView {
    let field_ref = node_ref.unwrap_or_default();
    if !sizes_fields_itself() {
        // After each change of the text, once the field shows it.
        Effect::new(move |_| {
            value.track();
            if let Some(field) = field_ref.get() {
                request_animation_frame(move || fit_to_text(&field));
            }
        });
    }
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        if one_line && event.key() == "Enter" {
            event.prevent_default();
        }
    };
    let on_text = move |event: leptos::ev::Event| {
        let text = event_target_value(&event);
        let text = if one_line && text.contains(['\n', '\r']) {
            text.replace("\r\n", " ").replace(['\n', '\r'], " ")
        } else {
            text
        };
        on_input.run(text);
        if !sizes_fields_itself() {
            if let Some(field) = field_ref.get_untracked() {
                fit_to_text(&field);
            }
        }
    };
    view! {
        <textarea
            id=id
            class="growing-field"
            class:growing-field--sentences=!one_line
            rows="1"
            aria-describedby=described_by
            node_ref=field_ref
            prop:value=value
            on:keydown=on_keydown
            on:input=on_text
        ></textarea>
    }
}
