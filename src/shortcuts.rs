//! Keyboard shortcuts for the frequent actions, listed in the help (`?`).

use crate::domain::goals::GoalTree;
use crate::focus::focus_when_shown;
use crate::routing::Section;
use crate::state::PlanStore;
use leptos::prelude::*;

/// Whether keys typed now go into a field rather than to the app.
fn typing_in_a_field(event: &web_sys::KeyboardEvent) -> bool {
    let Some(element) = event
        .target()
        .and_then(|target| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(target).ok())
    else {
        return false;
    };
    let tag = element.tag_name().to_ascii_lowercase();
    matches!(tag.as_str(), "input" | "textarea" | "select")
        || element.get_attribute("contenteditable").is_some()
}

/// Listens for the shortcuts on the whole page.
pub fn listen_for_shortcuts(
    store: PlanStore,
    help_open: RwSignal<bool>,
    find_open: RwSignal<bool>,
) {
    window_event_listener(leptos::ev::keydown, move |event| {
        if event.default_prevented() || event.is_composing() {
            return;
        }
        let command = event.ctrl_key() || event.meta_key();
        let key = event.key();
        let handled = match (command, event.shift_key(), key.as_str()) {
            (true, false, "z" | "Z") => {
                store.undo();
                true
            }
            (true, true, "z" | "Z") | (true, false, "y" | "Y") => {
                store.redo();
                true
            }
            (true, _, "k" | "K") => {
                find_open.set(true);
                true
            }
            (true, _, _) => false,
            _ if event.alt_key() || typing_in_a_field(&event) => false,
            (false, _, "?") => {
                help_open.set(true);
                true
            }
            (false, _, "/") => {
                find_open.set(true);
                true
            }
            (false, false, "n" | "N") => {
                let _ = window().location().set_hash(&Section::Goals.href());
                focus_when_shown("new-goal-root".to_owned());
                true
            }
            (false, false, "s" | "S") => {
                let _ = window().location().set_hash(&Section::NextStep.href());
                true
            }
            (false, false, "x" | "X") => {
                mark_next_step_done(store);
                true
            }
            _ => false,
        };
        if handled {
            event.prevent_default();
        }
    });
}

/// Marks the plan's next step done and says which it was.
fn mark_next_step_done(store: PlanStore) {
    let next = store.with_untracked(|plan| {
        GoalTree::new(plan)
            .plan_next_step()
            .map(|step| step.id.clone())
    });
    match next.and_then(|id| store.mark_step_done(&id)) {
        Some(title) => store.announce(format!("Marked done: {title}. Ctrl+Z to undo.")),
        None => store.announce("There is no open step to mark done."),
    }
}
