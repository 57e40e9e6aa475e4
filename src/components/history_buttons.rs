//! Undo and redo for every change to the plan, as buttons.

use crate::state::use_plan_store;
use leptos::prelude::*;

#[component]
pub fn HistoryButtons() -> impl IntoView {
    let store = use_plan_store();
    view! {
        <div class="history-buttons" role="group" aria-label="Undo and redo">
            <button
                type="button"
                class="button button--small button--header"
                aria-keyshortcuts="Control+Z Meta+Z"
                disabled=move || !store.can_undo().get()
                on:click=move |_| {
                    store.undo();
                }
            >
                "Undo"
            </button>
            <button
                type="button"
                class="button button--small button--header"
                aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
                disabled=move || !store.can_redo().get()
                on:click=move |_| {
                    store.redo();
                }
            >
                "Redo"
            </button>
        </div>
    }
}
