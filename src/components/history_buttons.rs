//! Undo and redo for every change to the plan, as buttons.

use crate::state::{use_plan_store, PlanStore};
use leptos::prelude::*;

#[component]
pub fn HistoryButtons() -> impl IntoView {
    let latest = use_plan_store().latest();
    view! {
        <div class="history-buttons" role="group" aria-label="Undo and redo">
            <HistoryButton
                label="Undo"
                keys="Control+Z Meta+Z"
                available=Signal::derive(move || latest.with(|latest| latest.undo.is_some()))
                step=PlanStore::undo
            />
            <HistoryButton
                label="Redo"
                keys="Control+Shift+Z Meta+Shift+Z Control+Y"
                available=Signal::derive(move || latest.with(|latest| latest.redo.is_some()))
                step=PlanStore::redo
            />
        </div>
    }
}

/// One step back or forward through the plan's history, disabled when there
/// is none to take.
#[component]
fn HistoryButton(
    label: &'static str,
    /// The shortcuts, as `aria-keyshortcuts` names them.
    keys: &'static str,
    available: Signal<bool>,
    step: fn(&PlanStore) -> bool,
) -> impl IntoView {
    let store = use_plan_store();
    view! {
        <button
            type="button"
            class="button button--small button--header"
            aria-keyshortcuts=keys
            disabled=move || !available.get()
            on:click=move |_| {
                step(&store);
            }
        >
            {label}
        </button>
    }
}
