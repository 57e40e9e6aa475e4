use crate::domain::goals::Progress;
use leptos::prelude::*;

/// A bar and the words for it: "3 of 8 steps done".
#[component]
pub fn ProgressMeter(
    /// What is being measured.
    #[prop(into)]
    progress: Signal<Progress>,
    /// Names the bar for assistive technology, e.g. "Progress of Find an agent".
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    let words = move || {
        let Progress { done, total } = progress.get();
        match (total, progress.get().percent()) {
            (0, _) | (_, None) => "No steps yet".to_owned(),
            (1, Some(percent)) => format!("{done} of 1 step done ({percent}%)"),
            (_, Some(percent)) => format!("{done} of {total} steps done ({percent}%)"),
        }
    };
    view! {
        <div class="meter">
            <progress
                class="meter__bar"
                max=move || progress.get().total.max(1)
                value=move || progress.get().done
                aria-label=label
            ></progress>
            <span class="meter__words">{words}</span>
        </div>
    }
}
