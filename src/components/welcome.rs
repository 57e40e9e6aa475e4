//! The first-run choice of exploring an example plan and, while the example
//! is in use, a way to clear it or keep it.

use crate::clock;
use crate::domain::example::{example_plan_on, holds_example};
use crate::import_flow::use_import_flow;
use crate::persistence;
use crate::routing::Section;
use crate::state::{use_plan_store, Replacement};
use leptos::prelude::*;

/// The first-run choice: fill the plan with the example to look around.
#[component]
pub fn ExploreExample() -> impl IntoView {
    let store = use_plan_store();
    let explore = move |_| {
        let _ = store.replace(
            example_plan_on(clock::now(), clock::today()),
            Replacement::Example,
        );
        let _ = window().location().set_hash(&Section::NextStep.href());
    };
    view! {
        <p class="welcome__example">
            "Or look around first: "
            <button type="button" class="button" on:click=explore>
                "Explore an example plan"
            </button>
            " (a teacher on the way to becoming a bestselling author of children's books; clear it whenever you like)."
        </p>
    }
}

/// Shown while the plan holds the example, until it is cleared or kept.
#[component]
pub fn ExampleNotice() -> impl IntoView {
    let store = use_plan_store();
    let flow = use_import_flow();
    let kept = RwSignal::new(persistence::example_kept());
    let showing = Memo::new(move |_| store.with(holds_example));
    let clear = move |_| {
        // The example is kept aside like any replaced plan, in case it was
        // edited; if storage can't hold it, it goes anyway.
        let _ = flow.start_over(true);
        let _ = window().location().set_hash(&Section::Vision.href());
    };
    let keep = move |_| {
        let _ = persistence::keep_example();
        kept.set(true);
    };
    view! {
        <Show when=move || showing.get() && !kept.get()>
            <section class="notice notice--quiet" aria-label="Example plan">
                <p>
                    <strong>"You're exploring an example plan. "</strong>
                    "Change anything you like; clear it when you're ready for your own."
                </p>
                <div class="button-row">
                    <button type="button" class="button button--small button--primary" on:click=clear>
                        "Clear the example"
                    </button>
                    <button type="button" class="button button--small button--quiet" on:click=keep>
                        "Keep it as my plan"
                    </button>
                </div>
            </section>
        </Show>
    }
}
