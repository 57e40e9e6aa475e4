//! The keyboard shortcuts, opened with `?`.

use super::dialog::Dialog;
use leptos::prelude::*;

/// Every shortcut, as the help lists it: keys and what they do.
pub const SHORTCUTS: [(&str, &str); 11] = [
    ("?", "Show these shortcuts"),
    ("/ or Ctrl+K", "Find anything in the plan"),
    ("N", "New long-term goal"),
    ("S", "Go to the next step"),
    ("X", "Mark the next step done"),
    ("Ctrl+Z", "Undo"),
    ("Ctrl+Shift+Z or Ctrl+Y", "Redo"),
    (
        "Enter, Tab, Shift+Tab",
        "In a goal's title: new goal below, indent, outdent",
    ),
    ("Alt+↑ / Alt+↓", "In a goal's title: move it up or down"),
    ("Ctrl+Enter", "In a goal's title: mark done, or open again"),
    ("Esc, then Tab", "Leave a goal's title (Tab alone indents)"),
];

#[component]
pub fn HelpDialog(open: RwSignal<bool>) -> impl IntoView {
    view! {
        <Dialog open=open title="Keyboard shortcuts" heading_id="help-heading" class="dialog--help">
            <p class="muted">"On a Mac, use ⌘ where these say Ctrl. Single keys work when you are not typing in a field."</p>
            <table class="shortcuts">
                <thead>
                    <tr>
                        <th scope="col">"Keys"</th>
                        <th scope="col">"Does"</th>
                    </tr>
                </thead>
                <tbody>
                    {SHORTCUTS
                        .into_iter()
                        .map(|(keys, does)| view! {
                            <tr>
                                <td><kbd>{keys}</kbd></td>
                                <td>{does}</td>
                            </tr>
                        })
                        .collect_view()}
                </tbody>
            </table>
        </Dialog>
    }
}
