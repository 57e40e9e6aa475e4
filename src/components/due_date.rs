use crate::clock;
use crate::domain::calendar::{Date, Due};
use leptos::prelude::*;

/// "Due in 3 days · 26 Nov 2026"; overdue and due-soon dates stand out.
#[component]
pub fn DueDate(date: Date) -> impl IntoView {
    let due = Due::of(date, clock::today());
    view! {
        <span class="due" class:due--pressing=due.is_pressing()>
            <time datetime=date.to_string()>{format!("{} · {}", due.phrase(), date.short_label())}</time>
        </span>
    }
}
