//! A modal dialog on the browser's own `<dialog>`: it keeps focus inside,
//! closes with Escape, and gives focus back to where it was when it closes.

use leptos::html;
use leptos::prelude::*;

#[component]
pub fn Dialog(
    /// Open while true; the dialog sets it false when it closes.
    open: RwSignal<bool>,
    /// The dialog's heading, which names it.
    title: &'static str,
    /// An id for the heading, unique on the page.
    heading_id: &'static str,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    let dialog_ref: NodeRef<html::Dialog> = NodeRef::new();
    Effect::new(move |_| {
        let Some(dialog) = dialog_ref.get() else {
            return;
        };
        match (open.get(), dialog.open()) {
            (true, false) => {
                let _ = dialog.show_modal();
            }
            (false, true) => dialog.close(),
            _ => {}
        }
    });
    view! {
        <dialog
            class=format!("dialog {class}")
            aria-labelledby=heading_id
            node_ref=dialog_ref
            on:close=move |_| open.set(false)
        >
            <div class="dialog__header">
                <h2 id=heading_id>{title}</h2>
                <button type="button" class="button button--quiet" on:click=move |_| open.set(false)>
                    "Close"
                </button>
            </div>
            {children()}
        </dialog>
    }
}
