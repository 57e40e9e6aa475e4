//! The repairs the reader made to a plan, listed in words before anything
//! changes: in the import preview, on a shared plan, and in the notice for a
//! saved plan repaired at start.

use crate::domain::reader::Repair;
use leptos::prelude::*;

/// How many repairs are listed one by one; the rest are counted.
const REPAIRS_LISTED: usize = 20;

/// Each repair in words, with where it was for the curious.
#[component]
pub fn RepairList(
    repairs: Vec<Repair>,
    /// The summary of each place's details: "Where in the file".
    where_label: &'static str,
) -> impl IntoView {
    let more = repairs.len().saturating_sub(REPAIRS_LISTED);
    view! {
        <ul class="repair-list">
            {repairs
                .into_iter()
                .take(REPAIRS_LISTED)
                .map(|repair| view! {
                    <li>
                        {repair.words}
                        <details class="repair-list__where">
                            <summary>{where_label}</summary>
                            <code>{repair.path}</code>
                        </details>
                    </li>
                })
                .collect_view()}
        </ul>
        {(more > 0).then(|| view! {
            <p class="muted">
                {if more == 1 {
                    "…and 1 more repair.".to_owned()
                } else {
                    format!("…and {more} more repairs.")
                }}
            </p>
        })}
    }
}
