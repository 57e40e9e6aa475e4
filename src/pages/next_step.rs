//! "What is the next thing I can do to bring me closer to my vision?"

use crate::clock;
use crate::components::due_date::DueDate;
use crate::domain::calendar::Date;
use crate::domain::goals::GoalTree;
use crate::domain::plan::{GoalStatus, Id};
use crate::domain::review::review_due;
use crate::routing::Section;
use crate::state::{quoted, use_plan_store, StepInfo, StepLabel};
use leptos::prelude::*;

/// The next step, as the page shows it.
#[derive(Clone, Debug, PartialEq)]
struct NextStepView {
    id: Id,
    title: String,
    status: GoalStatus,
    /// Titles from the long-term goal down to the step's parent.
    path: Vec<String>,
    target_date: Option<Date>,
    after_it: Option<String>,
}

/// Another long-term goal and its own next step.
#[derive(Clone, Debug, PartialEq)]
struct OtherGoalView {
    goal_title: String,
    next_step: Option<String>,
}

#[component]
pub fn NextStepPage() -> impl IntoView {
    let store = use_plan_store();
    let next = Memo::new(move |_| {
        store.with(|plan| {
            let tree = GoalTree::new(plan);
            let ranked = tree.ranked_open_steps();
            let step = ranked.first()?;
            Some(NextStepView {
                id: step.id.clone(),
                title: step.title.clone(),
                status: step.status,
                path: tree
                    .ancestors(&step.id)
                    .iter()
                    .map(|g| g.title.clone())
                    .collect(),
                target_date: tree.effective_target_date(step),
                after_it: ranked.get(1).map(|g| g.title.clone()),
            })
        })
    });
    let others = Memo::new(move |_| {
        store.with(|plan| {
            let tree = GoalTree::new(plan);
            let current_root = next.with(|next| {
                next.as_ref().map(|n| {
                    tree.ancestors(&n.id)
                        .first()
                        .map_or(n.id.clone(), |root| root.id.clone())
                })
            });
            tree.children(None)
                .filter(|root| root.status.is_active() && Some(&root.id) != current_root.as_ref())
                .map(|root| OtherGoalView {
                    goal_title: root.title.clone(),
                    next_step: tree
                        .next_step(&root.id)
                        .filter(|step| step.id != root.id)
                        .map(|step| step.title.clone()),
                })
                .collect::<Vec<_>>()
        })
    });
    let has_goals = move || store.with(|plan| !plan.goals.is_empty());
    let vision = move || store.with(|plan| plan.vision.statement.trim().to_owned());
    // Marking done is a step of the history: the notice shows it while it
    // is the latest change, whether the button or the X key made it.
    let latest = store.latest();
    let just_done = move || {
        latest.with(|latest| match &latest.undo {
            Some(StepInfo {
                id,
                label: StepLabel::MarkedDone { title },
            }) => Some((*id, title.clone())),
            _ => None,
        })
    };
    let review_is_due =
        move || store.with(|plan| review_due(plan, clock::today()).is_some_and(|due| due.is_due));

    let complete = move |_| {
        if let Some(step) = next.get_untracked() {
            store.mark_step_done(&step.id);
        }
    };
    let start = move |_| {
        let Some(step) = next.get_untracked() else {
            return;
        };
        let _ = store.edit_goal(&step.id, |goal, now| {
            goal.set_status(GoalStatus::InProgress, now)
        });
    };

    view! {
        <div class="page page--next">
            <header class="page-header">
                <h1>"Next step"</h1>
                <p class="lede">"The next thing you can do to bring you closer to your vision."</p>
            </header>
            <Show when=review_is_due>
                <p class="review__due">
                    "A review of your plan is due. "
                    <a href=Section::Progress.href()>"Check in"</a>
                </p>
            </Show>
            <div role="status" class="done-slot">
                {move || just_done().map(|(step, title)| view! {
                    <p class="done-notice">
                        {format!("Done: {}. Well done. ", quoted(&title))}
                        <button type="button" class="button button--small button--quiet" on:click=move |_| { store.undo_step(step); }>
                            "Undo marking done"
                        </button>
                    </p>
                })}
            </div>
            {move || {
                if let Some(step) = next.get() {
                    let vision_text = vision();
                    view! {
                        <article class="next-card" aria-labelledby="next-step-title">
                            <p class="next-card__path">
                                <span class="visually-hidden">"Path: "</span>
                                {(!vision_text.is_empty()).then(|| view! { <span class="crumb crumb--vision">{vision_text}</span> })}
                                {step.path.into_iter().map(|title| view! { <span class="crumb">{title}</span> }).collect_view()}
                            </p>
                            <h2 id="next-step-title" class="next-card__title">{step.title.clone()}</h2>
                            <p class="next-card__meta">
                                {(step.status == GoalStatus::InProgress).then(|| view! { <span class="badge badge--progress">"In progress"</span> })}
                                {step.target_date.map(|date| view! { <DueDate date=date/> })}
                            </p>
                            <div class="button-row">
                                <button type="button" class="button button--primary" on:click=complete>
                                    "Mark done"
                                </button>
                                {(step.status == GoalStatus::Open).then(|| view! {
                                    <button type="button" class="button button--quiet" on:click=start>
                                        "Start it"
                                    </button>
                                })}
                            </div>
                            <p class="next-card__after">
                                {match step.after_it {
                                    Some(title) => format!("After this: {title}"),
                                    None => "This is your last open step. Add the next one in Goals when you know it.".to_owned(),
                                }}
                            </p>
                        </article>
                    }
                    .into_any()
                } else if has_goals() {
                    view! {
                        <div class="empty-state">
                            <p>"Every step is done or set aside. What is the next thing that would bring you closer?"</p>
                            <a class="button button--primary" href=Section::Goals.href()>"Add a next step"</a>
                        </div>
                    }
                    .into_any()
                } else if vision().is_empty() {
                    view! {
                        <div class="empty-state">
                            <p>"Start with where you want to go. Write your vision, then break it into goals and steps."</p>
                            <a class="button button--primary" href=Section::Vision.href()>"Write your vision"</a>
                        </div>
                    }
                    .into_any()
                } else {
                    view! {
                        <div class="empty-state">
                            <p>"You have a vision. Now break it into goals and a first step."</p>
                            <a class="button button--primary" href=Section::Goals.href()>"Add your first goal"</a>
                        </div>
                    }
                    .into_any()
                }
            }}
            <Show when=move || !others.with(Vec::is_empty)>
                <section class="other-steps" aria-labelledby="other-steps-heading">
                    <h2 id="other-steps-heading">"Your other goals"</h2>
                    <ul>
                        {move || {
                            others
                                .get()
                                .into_iter()
                                .map(|other| {
                                    view! {
                                        <li>
                                            <span class="other-steps__goal">{other.goal_title}</span>
                                            {match other.next_step {
                                                Some(step) => view! { <span class="other-steps__step">{format!("Next: {step}")}</span> }.into_any(),
                                                None => view! { <span class="other-steps__missing">"Needs a next step"</span> }.into_any(),
                                            }}
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
