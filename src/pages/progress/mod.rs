//! How far the plan has come, and the reviews that adjust it.

pub mod chart;
pub mod check_in;

use crate::clock;
use crate::components::progress_meter::ProgressMeter;
use crate::domain::goals::{GoalTree, Progress};
use crate::domain::plan::{GoalStatus, Id, ReviewRhythm};
use crate::domain::review::{
    burn_up, momentum, review_due, set_review_rhythm, timeline, EventKind,
};
use crate::routing::Section;
use crate::state::use_plan_store;
use chart::BurnUpChart;
use check_in::{CheckInForm, PastCheckIns};
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
struct GoalProgressView {
    id: Id,
    title: String,
    status: GoalStatus,
    progress: Progress,
}

#[component]
pub fn ProgressPage() -> impl IntoView {
    let store = use_plan_store();
    let has_goals = move || store.with(|plan| !plan.goals.is_empty());
    view! {
        <div class="page page--progress">
            <header class="page-header">
                <h1>"Progress"</h1>
                <p class="lede">"Keep a clear goal, take steps toward it, learn and adjust as you go."</p>
            </header>
            <ReviewPanel/>
            <Show
                when=has_goals
                fallback=|| {
                    view! {
                        <div class="empty-state">
                            <p>"Progress appears here once you have goals with steps."</p>
                            <a class="button button--primary" href=Section::Goals.href()>"Add a goal"</a>
                        </div>
                    }
                }
            >
                <MomentumPanel/>
                <GoalsProgressPanel/>
                <BurnUpPanel/>
                <TimelinePanel/>
            </Show>
        </div>
    }
}

/// The review rhythm, the "review due" prompt, the check-in and past ones.
#[component]
fn ReviewPanel() -> impl IntoView {
    let store = use_plan_store();
    let due = Memo::new(move |_| store.with(|plan| review_due(plan, clock::today())));
    let rhythm = move || store.with(|plan| plan.review_rhythm);
    let (checking_in, set_checking_in) = signal(false);
    let (saved, set_saved) = signal(false);
    let close = Callback::new(move |was_saved: bool| {
        set_checking_in.set(false);
        set_saved.set(was_saved);
    });
    view! {
        <section class="panel review" aria-labelledby="review-heading">
            <h2 id="review-heading">"Reviews"</h2>
            {move || {
                due.get()
                    .filter(|due| due.is_due)
                    .map(|due| {
                        let text = match due.last_check_in {
                            None => "Time for your first check-in.".to_owned(),
                            Some(last) => format!("A review is due: your last check-in was on {}.", last.short_label()),
                        };
                        view! { <p class="review__due">{text}</p> }
                    })
            }}
            <div class="review__controls">
                <div class="field field--inline">
                    <label for="review-rhythm">"Review my plan"</label>
                    <select
                        id="review-rhythm"
                        prop:value=move || rhythm().map(ReviewRhythm::key).unwrap_or_default()
                        on:change=move |event| {
                            let rhythm = ReviewRhythm::from_key(&event_target_value(&event));
                            let _ = store.update(|plan, now| set_review_rhythm(plan, rhythm, now));
                        }
                    >
                        <option value="">"When I choose"</option>
                        {ReviewRhythm::ALL
                            .into_iter()
                            .map(|rhythm| view! { <option value=rhythm.key()>{rhythm.label()}</option> })
                            .collect_view()}
                    </select>
                </div>
                <Show when=move || !checking_in.get()>
                    <button
                        type="button"
                        class="button button--primary"
                        on:click=move |_| {
                            set_saved.set(false);
                            set_checking_in.set(true);
                        }
                    >
                        "Start a check-in"
                    </button>
                </Show>
            </div>
            <div role="status">
                {move || saved.get().then(|| view! { <p class="done-notice">"Check-in saved."</p> })}
            </div>
            <Show when=move || checking_in.get()>
                <CheckInForm on_close=close/>
            </Show>
            <h3>"Past check-ins"</h3>
            <PastCheckIns/>
        </section>
    }
}

/// Momentum at a glance.
#[component]
fn MomentumPanel() -> impl IntoView {
    let store = use_plan_store();
    let momentum =
        Memo::new(move |_| store.with(|plan| momentum(plan, clock::today(), &clock::time_zone())));
    let stat = |value: Signal<String>, label: &'static str| {
        view! {
            <div class="stat">
                <dt class="stat__label">{label}</dt>
                <dd class="stat__value">{value}</dd>
            </div>
        }
    };
    let number = move |pick: fn(&crate::domain::review::Momentum) -> usize| {
        Signal::derive(move || momentum.with(pick).to_string())
    };
    view! {
        <section class="panel" aria-labelledby="momentum-heading">
            <h2 id="momentum-heading">"Momentum"</h2>
            <dl class="stats">
                {stat(number(|m| m.done_last_7_days), "Steps done in the last 7 days")}
                {stat(number(|m| m.done_last_30_days), "Steps done in the last 30 days")}
                {stat(
                    Signal::derive(move || {
                        momentum.with(|m| match m.days_since_last_step {
                            None => "No step yet".to_owned(),
                            Some(0) => "Today".to_owned(),
                            Some(1) => "1 day".to_owned(),
                            Some(days) => format!("{days} days"),
                        })
                    }),
                    "Since your last step",
                )}
                {stat(number(|m| m.goals_without_next_step), "Goals without a next step")}
                {stat(number(|m| m.overdue), "Overdue")}
            </dl>
        </section>
    }
}

#[component]
fn GoalsProgressPanel() -> impl IntoView {
    let store = use_plan_store();
    let overall = Memo::new(move |_| store.with(|plan| GoalTree::new(plan).overall_progress()));
    let per_goal = Memo::new(move |_| {
        store.with(|plan| {
            let tree = GoalTree::new(plan);
            tree.children(None)
                .map(|goal| GoalProgressView {
                    id: goal.id.clone(),
                    title: goal.title.clone(),
                    status: goal.status,
                    progress: tree.progress(&goal.id),
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="panel" aria-labelledby="overall-heading">
            <h2 id="overall-heading">"Overall"</h2>
            <ProgressMeter progress=overall label="Overall progress".to_owned()/>
            <h3 class="goal-progress-heading">"By long-term goal"</h3>
            <ul class="goal-progress-list">
                // A handful of long-term goals: redrawn whole on any change.
                {move || {
                    per_goal
                        .get()
                        .into_iter()
                        .map(|goal| {
                            let dropped = goal.status == GoalStatus::Dropped;
                            view! {
                                <li class="goal-progress" class:goal-progress--dropped=dropped data-goal=goal.id.to_string()>
                                    <h4 class="goal-progress__title">{goal.title.clone()}</h4>
                                    {dropped.then(|| view! { <span class="badge">"Dropped"</span> })}
                                    <ProgressMeter progress=goal.progress label=format!("Progress of {}", goal.title)/>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </section>
    }
}

#[component]
fn BurnUpPanel() -> impl IntoView {
    let store = use_plan_store();
    let week_starts_on = clock::week_starts_on();
    let points = Memo::new(move |_| {
        store.with(|plan| burn_up(plan, clock::today(), &clock::time_zone(), week_starts_on))
    });
    view! {
        <section class="panel" aria-labelledby="burn-up-heading">
            <h2 id="burn-up-heading">"Steps over time"</h2>
            {move || {
                let points = points.get();
                if points.is_empty() {
                    view! { <p class="hint">"The chart starts with your first step."</p> }.into_any()
                } else {
                    view! { <BurnUpChart points=points week_starts_on=week_starts_on/> }.into_any()
                }
            }}
        </section>
    }
}

/// What happened, most recent first, filterable by long-term goal.
#[component]
fn TimelinePanel() -> impl IntoView {
    const SHOWN_AT_FIRST: usize = 30;
    let store = use_plan_store();
    let events = Memo::new(move |_| store.with(|plan| timeline(plan, &clock::time_zone())));
    let long_term_goals = Memo::new(move |_| {
        store.with(|plan| {
            GoalTree::new(plan)
                .children(None)
                .map(|goal| (goal.id.clone(), goal.title.clone()))
                .collect::<Vec<_>>()
        })
    });
    let (filter, set_filter) = signal(None::<Id>);
    let (show_all, set_show_all) = signal(false);
    let shown = move || {
        let filter = filter.get();
        events.with(|events| {
            events
                .iter()
                .filter(|event| filter.is_none() || event.long_term_goal == filter)
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="panel" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">"Timeline"</h2>
            <div class="field field--inline">
                <label for="timeline-filter">"Show"</label>
                <select
                    id="timeline-filter"
                    on:change=move |event| {
                        let value = event_target_value(&event);
                        set_filter.set((!value.is_empty()).then(|| Id::from(value.as_str())));
                    }
                >
                    <option value="">"Everything"</option>
                    {move || {
                        long_term_goals
                            .get()
                            .into_iter()
                            .map(|(id, title)| view! { <option value=id.to_string()>{title}</option> })
                            .collect_view()
                    }}
                </select>
            </div>
            <ol class="timeline">
                {move || {
                    let all = shown();
                    let total = all.len();
                    let limit = if show_all.get() { total } else { SHOWN_AT_FIRST };
                    let items = all
                        .into_iter()
                        .take(limit)
                        .map(|event| {
                            let kind = match event.kind {
                                EventKind::GoalAdded => "added",
                                EventKind::GoalDone => "done",
                                EventKind::GoalDropped => "dropped",
                                EventKind::VisionRewritten => "vision",
                                EventKind::CheckIn => "check-in",
                            };
                            view! {
                                <li class="timeline__event" data-kind=kind>
                                    <time datetime=event.when.to_string()>{event.day.short_label()}</time>
                                    <span>{event.text}</span>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        {items}
                        {(total > limit).then(|| view! {
                            <li>
                                <button type="button" class="button button--small" on:click=move |_| set_show_all.set(true)>
                                    {format!("Show all {total}")}
                                </button>
                            </li>
                        })}
                    }
                }}
            </ol>
        </section>
    }
}
