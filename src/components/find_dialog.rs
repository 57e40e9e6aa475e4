//! Find anything in the plan by its words, and jump to it.

use super::dialog::Dialog;
use crate::domain::find::{find, Found, FoundKind};
use crate::focus::focus_when_shown;
use crate::routing::Section;
use crate::state::use_plan_store;
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn FindDialog(
    open: RwSignal<bool>,
    /// Shows a goal found, wherever it is in the goal list, with the caret
    /// in its title (the Goals section is opened first).
    reveal_goal: Callback<crate::domain::plan::Id>,
) -> impl IntoView {
    let store = use_plan_store();
    let (query, set_query) = signal(String::new());
    let input_ref: NodeRef<html::Input> = NodeRef::new();
    let results = Memo::new(move |_| {
        let query = query.get();
        store.with(|plan| find(plan, &query))
    });
    // A fresh search each time it opens, with the caret in the box.
    Effect::new(move |_| {
        if open.get() {
            set_query.set(String::new());
            if let Some(input) = input_ref.get_untracked() {
                let _ = input.focus();
            }
        }
    });

    let go_to = move |found: Found| {
        open.set(false);
        let (section, field) = match found.kind {
            FoundKind::Goal(_) => (Section::Goals, None),
            // An option's card and a leverage entry read as text until
            // opened; the focus goes to the card or the entry itself.
            FoundKind::Option => (Section::Options, Some(format!("option-{}", found.id))),
            FoundKind::Asset => (Section::Leverage, Some(format!("asset-{}", found.id))),
            FoundKind::CheckIn => (Section::Progress, Some(format!("check-in-{}", found.id))),
        };
        let _ = window().location().set_hash(&section.href());
        match field {
            Some(field) => focus_when_shown(field),
            None => reveal_goal.run(found.id),
        }
    };
    let on_key = move |event: leptos::ev::KeyboardEvent| match event.key().as_str() {
        // A search box would only clear itself; Escape closes Find at once.
        "Escape" => {
            event.prevent_default();
            open.set(false);
        }
        "Enter" => {
            event.prevent_default();
            if let Some(first) = results.with_untracked(|results| results.first().cloned()) {
                go_to(first);
            }
        }
        "ArrowDown" => {
            event.prevent_default();
            if let Ok(Some(first)) = document().query_selector(".find-results button") {
                if let Some(first) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&first) {
                    let _ = first.focus();
                }
            }
        }
        _ => {}
    };
    let on_result_key = move |event: leptos::ev::KeyboardEvent| {
        let Some(target) = event
            .target()
            .and_then(|target| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(target).ok())
        else {
            return;
        };
        let item = target.parent_element();
        let next = match event.key().as_str() {
            "ArrowDown" => item.and_then(|item| item.next_element_sibling()),
            "ArrowUp" => item.and_then(|item| item.previous_element_sibling()),
            _ => return,
        };
        event.prevent_default();
        let focus_target = match next.and_then(|next| next.query_selector("button").ok().flatten())
        {
            Some(button) => Some(button),
            None if event.key() == "ArrowUp" => input_ref.get_untracked().map(Into::into),
            None => None,
        };
        if let Some(element) = focus_target {
            if let Some(element) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&element) {
                let _ = element.focus();
            }
        }
    };

    view! {
        <Dialog open=open title="Find" heading_id="find-heading" class="dialog--find">
            <label for="find-query" class="visually-hidden">"Find in your plan"</label>
            <input
                id="find-query"
                type="search"
                autocomplete="off"
                autofocus
                placeholder="Goals, steps, options, leverage, check-ins…"
                node_ref=input_ref
                prop:value=query
                on:input=move |event| set_query.set(event_target_value(&event))
                on:keydown=on_key
            />
            <p class="visually-hidden" role="status">
                {move || {
                    if query.with(|query| query.trim().is_empty()) {
                        String::new()
                    } else {
                        match results.with(Vec::len) {
                            0 => "Nothing found".to_owned(),
                            1 => "1 result".to_owned(),
                            count => format!("{count} results"),
                        }
                    }
                }}
            </p>
            <Show when=move || !query.with(|query| query.trim().is_empty()) && results.with(Vec::is_empty)>
                <p class="muted">"Nothing in your plan has those words."</p>
            </Show>
            <ul class="find-results" on:keydown=on_result_key>
                {move || {
                    results
                        .get()
                        .into_iter()
                        .map(|found| {
                            let label = found.kind.label();
                            let title = if found.title.is_empty() { "(untitled)".to_owned() } else { found.title.clone() };
                            let context = found.context.clone();
                            view! {
                                <li>
                                    <button type="button" class="find-result" on:click=move |_| go_to(found.clone())>
                                        <span class="find-result__kind">{label}</span>
                                        <span class="find-result__title">{title}</span>
                                        {context.map(|context| view! { <span class="find-result__context">{context}</span> })}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </Dialog>
    }
}
