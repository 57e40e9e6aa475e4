//! The text field that grows with its words, in a real browser: with the
//! app's own style sheet it shows a long text whole, the fallback for
//! browsers without `field-sizing` does the same, and a one-line field keeps
//! its words on one line.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use waypoint::components::growing_text::{fit_to_text, GrowingText};

wasm_bindgen_test_configure!(run_in_browser);

const LONG: &str = "Evenings already go to marking and planning, so the critique group may \
                    be one more thing to drop when the term gets busy and the reports are due";

/// A column as narrow as a phone's card, with the app's shared styles.
fn narrow_column() -> web_sys::HtmlElement {
    let document = document();
    let style = document.create_element("style").unwrap();
    style.set_text_content(Some(concat!(
        include_str!("../style/base.css"),
        include_str!("../style/components.css")
    )));
    document.head().unwrap().append_child(&style).unwrap();
    let column: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    column.set_attribute("class", "narrow").unwrap();
    let _ = web_sys::HtmlElement::style(&column).set_property("width", "220px");
    document.body().unwrap().append_child(&column).unwrap();
    column
}

fn field_in(root: &web_sys::HtmlElement) -> web_sys::HtmlTextAreaElement {
    root.query_selector("textarea")
        .unwrap()
        .expect("the field is drawn")
        .unchecked_into()
}

fn shows_all(field: &web_sys::HtmlTextAreaElement) -> bool {
    field.scroll_height() <= field.client_height()
}

#[wasm_bindgen_test]
async fn a_long_text_shows_whole_and_follows_the_plan() {
    let root = narrow_column();
    let (value, set_value) = signal(LONG.to_owned());
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! { <GrowingText id="long".to_owned() value=value on_input=Callback::new(|_: String| {})/> }
    });
    leptos::task::tick().await;
    let field = field_in(&root);
    assert_eq!(field.value(), LONG);
    let tall = field.client_height();
    assert!(
        shows_all(&field),
        "{} of {} px shown",
        field.client_height(),
        field.scroll_height()
    );
    assert!(tall > 100, "several lines at 220 px, not one: {tall} px");

    // Shorter words (an undo, say): the field shrinks with them.
    set_value.set("Two evenings".to_owned());
    leptos::task::tick().await;
    assert_eq!(field.value(), "Two evenings");
    assert!(field.client_height() < tall / 2);
    assert!(shows_all(&field));
}

#[wasm_bindgen_test]
async fn without_field_sizing_the_height_is_set_from_the_text() {
    let root = narrow_column();
    let field: web_sys::HtmlTextAreaElement = document()
        .create_element("textarea")
        .unwrap()
        .unchecked_into();
    field.set_class_name("growing-field");
    field.set_rows(1);
    // As in a browser that does not know field-sizing.
    let style = web_sys::HtmlElement::style(&field);
    style.set_property("field-sizing", "fixed").unwrap();
    style.set_property("width", "100%").unwrap();
    root.append_child(&field).unwrap();
    field.set_value(LONG);
    assert!(!shows_all(&field), "the browser's own sizing cuts it off");
    fit_to_text(&field);
    assert!(
        shows_all(&field),
        "{} of {} px shown",
        field.client_height(),
        field.scroll_height()
    );
}

#[wasm_bindgen_test]
async fn a_one_line_field_keeps_its_words_on_one_line() {
    let root = narrow_column();
    let (typed, set_typed) = signal(Vec::<String>::new());
    let (value, _) = signal("A title".to_owned());
    let on_input = Callback::new(move |text: String| set_typed.update(|typed| typed.push(text)));
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! { <GrowingText id="title".to_owned() one_line=true value=value on_input=on_input/> }
    });
    leptos::task::tick().await;
    let field = field_in(&root);

    let enter = web_sys::KeyboardEventInit::new();
    enter.set_key("Enter");
    enter.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &enter).unwrap();
    field.dispatch_event(&event).unwrap();
    assert!(event.default_prevented(), "Enter adds no line");

    // Line breaks pasted in become spaces.
    field.set_value("A title\nwith a pasted\r\nbreak");
    field
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    assert_eq!(typed.get_untracked(), ["A title with a pasted break"]);
}
