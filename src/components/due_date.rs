use crate::clock;
use crate::domain::calendar::{Date, Due};
use leptos::prelude::*;

/// "Due in 3 days · 26 Nov 2026"; overdue and due-soon dates stand out. The
/// target date is a calendar day: it turns overdue at the person's own
/// midnight, and the words move on then without a reload.
#[component]
pub fn DueDate(date: Date) -> impl IntoView {
    let due = Memo::new(move |_| Due::of(date, clock::today()));
    view! {
        <span class="due" class:due--pressing=move || due.get().is_pressing()>
            <time datetime=date.to_string()>{move || format!("{} · {}", due.get().phrase(), date.short_label())}</time>
        </span>
    }
}
