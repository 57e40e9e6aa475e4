use crate::state::{use_plan_store, SaveState};
use leptos::prelude::*;

/// A quiet word in the header on whether the plan is stored.
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
        <p class="save-indicator" data-state=state_name role="status">
            {label}
        </p>
    }
}
