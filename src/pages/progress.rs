//! How far the plan has come: overall and per long-term goal.

use crate::components::progress_meter::ProgressMeter;
use crate::domain::goals::{GoalTree, Progress};
use crate::domain::plan::GoalStatus;
use crate::routing::Section;
use crate::state::use_plan_store;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
struct GoalProgressView {
    title: String,
    status: GoalStatus,
    progress: Progress,
}

#[component]
pub fn ProgressPage() -> impl IntoView {
    let store = use_plan_store();
    let overall = Memo::new(move |_| store.with(|plan| GoalTree::new(plan).overall_progress()));
    let per_goal = Memo::new(move |_| {
        store.with(|plan| {
            let tree = GoalTree::new(plan);
            tree.children(None)
                .map(|goal| GoalProgressView {
                    title: goal.title.clone(),
                    status: goal.status,
                    progress: tree.progress(&goal.id),
                })
                .collect::<Vec<_>>()
        })
    });

    view! {
        <div class="page page--progress">
            <header class="page-header">
                <h1>"Progress"</h1>
                <p class="lede">"Keep a clear goal, take steps toward it, and see that you are moving."</p>
            </header>
            <Show
                when=move || !per_goal.with(Vec::is_empty)
                fallback=|| {
                    view! {
                        <div class="empty-state">
                            <p>"Progress appears here once you have goals with steps."</p>
                            <a class="button button--primary" href=Section::Goals.href()>"Add a goal"</a>
                        </div>
                    }
                }
            >
                <section class="panel" aria-labelledby="overall-heading">
                    <h2 id="overall-heading">"Overall"</h2>
                    <ProgressMeter progress=overall label="Overall progress".to_owned()/>
                </section>
                <section class="panel" aria-labelledby="per-goal-heading">
                    <h2 id="per-goal-heading">"By long-term goal"</h2>
                    <ul class="goal-progress-list">
                        // A handful of long-term goals: redrawn whole on any change.
                        {move || {
                            per_goal
                                .get()
                                .into_iter()
                                .map(|goal| {
                                    let dropped = goal.status == GoalStatus::Dropped;
                                    view! {
                                        <li class="goal-progress" class:goal-progress--dropped=dropped>
                                            <h3 class="goal-progress__title">{goal.title.clone()}</h3>
                                            {dropped.then(|| view! { <span class="badge">"Dropped"</span> })}
                                            <ProgressMeter progress=goal.progress label=format!("Progress of {}", goal.title)/>
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ul>
                </section>
            </Show>
        </div>
    }
}
