use crate::state::{use_plan_store, SaveState};
use leptos::prelude::*;

/// A quiet word in the header on whether the plan is stored.
///
/// Not a live region: it changes after every pause in typing, and a screen
/// reader would say "Saving…" and "All changes saved" each time. A save that
/// fails is announced by its own alert (see `notices`).
#[component]
pub fn SaveIndicator() -> impl IntoView {
    let save_state = use_plan_store().save_state();
    let (label, state_name) = (
        move || match save_state.get() {
            SaveState::Saved => "All changes saved",
            SaveState::Pending => "Saving…",
            SaveState::Failed(_) => "Not saved",
            SaveState::Blocked => "Saving paused",
        },
        move || match save_state.get() {
            SaveState::Saved => "saved",
            SaveState::Pending => "pending",
            SaveState::Failed(_) | SaveState::Blocked => "failed",
        },
    );
    view! {
        <p class="save-indicator" data-state=state_name>
            {label}
        </p>
    }
}
