//! The check-in: a review guided by the method's questions that can adjust
//! the plan in place and records what it changed.

use crate::clock;
use crate::domain::goals::{add_goal, GoalLevel, GoalTree, NewGoal};
use crate::domain::plan::{CheckIn, Id};
use crate::domain::review::record_check_in;
use crate::state::use_plan_store;
use leptos::html;
use leptos::prelude::*;

/// What an adjustment does to a goal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Adjustment {
    Reword,
    Drop,
    AddNextStep,
}

impl Adjustment {
    fn label(self) -> &'static str {
        match self {
            Self::Reword => "Reword",
            Self::Drop => "Drop",
            Self::AddNextStep => "Add a next step",
        }
    }

    fn field_label(self) -> &'static str {
        match self {
            Self::Reword => "New wording",
            Self::Drop => "Why drop it?",
            Self::AddNextStep => "The next step",
        }
    }
}

/// An open long- or short-term goal the check-in can adjust.
#[derive(Clone, Debug, PartialEq)]
struct AdjustableGoal {
    id: Id,
    title: String,
    level: GoalLevel,
}

#[component]
pub fn CheckInForm(
    /// Called once the check-in is saved or set aside.
    on_close: Callback<bool>,
) -> impl IntoView {
    let store = use_plan_store();
    let (happened, set_happened) = signal(String::new());
    let (learned, set_learned) = signal(String::new());
    let (will_change, set_will_change) = signal(String::new());
    let (vision_right, set_vision_right) = signal(None::<bool>);
    let (new_vision, set_new_vision) =
        signal(store.with_untracked(|plan| plan.vision.statement.clone()));
    let changes = RwSignal::new(Vec::<String>::new());
    let heading_ref: NodeRef<html::H3> = NodeRef::new();
    Effect::new(move |_| {
        if let Some(heading) = heading_ref.get() {
            let _ = heading.focus();
        }
    });

    let goals = Memo::new(move |_| {
        store.with(|plan| {
            let tree = GoalTree::new(plan);
            plan.goals
                .iter()
                .filter(|goal| goal.status.is_active())
                .filter_map(|goal| {
                    let depth = tree.depth(&goal.id);
                    (depth < 2).then(|| AdjustableGoal {
                        id: goal.id.clone(),
                        title: goal.title.clone(),
                        level: GoalLevel::at_depth(depth),
                    })
                })
                .collect::<Vec<_>>()
        })
    });
    let adjusting = RwSignal::new(None::<(Id, Adjustment)>);
    let (adjust_text, set_adjust_text) = signal(String::new());

    let apply = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some((id, adjustment)) = adjusting.get_untracked() else {
            return;
        };
        let text = adjust_text.get_untracked().trim().to_owned();
        if text.is_empty() && adjustment != Adjustment::Drop {
            return;
        }
        let title = store
            .with_untracked(|plan| plan.goal(&id).map(|g| g.title.clone()))
            .unwrap_or_default();
        let change = match adjustment {
            Adjustment::Reword => matches!(
                store.edit_goal(&id, |goal, now| goal.rename(&text, now)),
                Ok(Some(()))
            )
            .then(|| format!("Reworded “{title}” as “{text}”")),
            Adjustment::Drop => matches!(
                store.edit_goal(&id, |goal, now| goal.drop_because(&text, now)),
                Ok(Some(()))
            )
            .then(|| {
                if text.is_empty() {
                    format!("Dropped “{title}”")
                } else {
                    format!("Dropped “{title}”: {text}")
                }
            }),
            Adjustment::AddNextStep => {
                let new_goal = NewGoal {
                    id: clock::new_id("g"),
                    parent: Some(id.clone()),
                    title: text.clone(),
                };
                matches!(
                    store.update(|plan, now| add_goal(plan, new_goal, now)),
                    Ok(Ok(()))
                )
                .then(|| format!("Added “{text}” under “{title}”"))
            }
        };
        if let Some(change) = change {
            changes.update(|changes| changes.push(change));
        }
        adjusting.set(None);
        set_adjust_text.set(String::new());
    };

    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let mut recorded = changes.get_untracked();
        let revised = new_vision.get_untracked().trim().to_owned();
        let rewrite = vision_right.get_untracked() == Some(false)
            && !revised.is_empty()
            && store.with_untracked(|plan| plan.vision.statement.trim() != revised);
        if rewrite {
            recorded.push(format!("Rewrote the vision as “{revised}”"));
        }
        let id = clock::new_id("c");
        let date = clock::today();
        let _ = store.update(|plan, now| {
            if rewrite {
                plan.vision.keep_current(now);
                plan.vision.statement = revised;
                plan.vision.updated_at = Some(now);
            }
            let check_in = CheckIn {
                id,
                date,
                what_happened: happened.get_untracked().trim().to_owned(),
                what_i_learned: learned.get_untracked().trim().to_owned(),
                what_i_will_change: will_change.get_untracked().trim().to_owned(),
                created_at: now,
                vision_still_right: vision_right.get_untracked(),
                changes: recorded,
                updated_at: None,
            };
            record_check_in(plan, check_in);
        });
        on_close.run(true);
    };

    let text_field = |id: &'static str,
                      label: &'static str,
                      value: ReadSignal<String>,
                      set: WriteSignal<String>| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <textarea
                    id=id
                    rows="3"
                    prop:value=value
                    on:input=move |event| set.set(event_target_value(&event))
                ></textarea>
            </div>
        }
    };

    view! {
        <form class="panel check-in" on:submit=save aria-labelledby="check-in-heading">
            <h3 id="check-in-heading" tabindex="-1" node_ref=heading_ref>"Check-in"</h3>
            <p class="hint">"Keep the goal clear, take steps toward it, learn and adjust."</p>
            {text_field("check-in-happened", "What happened since last time?", happened, set_happened)}
            {text_field("check-in-learned", "What did you learn?", learned, set_learned)}
            <fieldset class="facet">
                <legend>"Is your vision still right?"</legend>
                <label class="toggle">
                    <input
                        type="radio"
                        name="vision-still-right"
                        prop:checked=move || vision_right.get() == Some(true)
                        on:change=move |_| set_vision_right.set(Some(true))
                    />
                    "Yes, still right"
                </label>
                <label class="toggle">
                    <input
                        type="radio"
                        name="vision-still-right"
                        prop:checked=move || vision_right.get() == Some(false)
                        on:change=move |_| set_vision_right.set(Some(false))
                    />
                    "It needs to change"
                </label>
                <Show when=move || vision_right.get() == Some(false)>
                    <div class="field">
                        <label for="check-in-vision">"Your revised vision"</label>
                        <textarea
                            id="check-in-vision"
                            rows="2"
                            prop:value=new_vision
                            on:input=move |event| set_new_vision.set(event_target_value(&event))
                        ></textarea>
                        <p class="field__hint">"The current one is kept in the vision's history."</p>
                    </div>
                </Show>
            </fieldset>
            {text_field("check-in-change", "What will you change?", will_change, set_will_change)}
            <section class="adjust" aria-labelledby="adjust-heading">
                <h4 id="adjust-heading">"Adjust your plan"</h4>
                <p class="hint">"Changes here apply to your plan at once, and the check-in records them."</p>
                <Show
                    when=move || !goals.with(Vec::is_empty)
                    fallback=|| view! { <p class="hint">"No open goals to adjust."</p> }
                >
                    <ul class="adjust__list">
                        <For each=move || goals.get() key=|goal| (goal.id.clone(), goal.title.clone()) let:goal>
                            {
                                let AdjustableGoal { id, title, level } = goal;
                                let buttons = [Adjustment::Reword, Adjustment::Drop, Adjustment::AddNextStep]
                                    .into_iter()
                                    .map(|adjustment| {
                                        let id = id.clone();
                                        let title = title.clone();
                                        let label = if adjustment == Adjustment::AddNextStep {
                                            format!("Add a {}", level.child_label())
                                        } else {
                                            adjustment.label().to_owned()
                                        };
                                        view! {
                                            <button
                                                type="button"
                                                class="button button--small button--quiet"
                                                aria-label=format!("{label}: {title}")
                                                on:click=move |_| {
                                                    set_adjust_text.set(if adjustment == Adjustment::Reword { title.clone() } else { String::new() });
                                                    adjusting.set(Some((id.clone(), adjustment)));
                                                }
                                            >
                                                {label.clone()}
                                            </button>
                                        }
                                    })
                                    .collect_view();
                                let this_goal = id.clone();
                                view! {
                                    <li class="adjust__goal">
                                        <span class="adjust__title">
                                            <span class="adjust__level">{level.label()}</span>
                                            {title.clone()}
                                        </span>
                                        <div class="button-row">{buttons}</div>
                                        {move || {
                                            adjusting
                                                .get()
                                                .filter(|(target, _)| *target == this_goal)
                                                .map(|(_, adjustment)| {
                                                    view! {
                                                        <form class="adjust__form" on:submit=apply>
                                                            <label for="adjust-text">{adjustment.field_label()}</label>
                                                            <div class="add-goal__row">
                                                                <input
                                                                    id="adjust-text"
                                                                    type="text"
                                                                    autofocus
                                                                    prop:value=adjust_text
                                                                    on:input=move |event| set_adjust_text.set(event_target_value(&event))
                                                                />
                                                                <button type="submit" class="button">{adjustment.label()}</button>
                                                                <button type="button" class="button button--quiet" on:click=move |_| adjusting.set(None)>
                                                                    "Cancel"
                                                                </button>
                                                            </div>
                                                        </form>
                                                    }
                                                })
                                        }}
                                    </li>
                                }
                            }
                        </For>
                    </ul>
                </Show>
                <Show when=move || !changes.with(Vec::is_empty)>
                    <div role="status">
                        <p class="adjust__changes-title">"Changed so far:"</p>
                        <ul class="adjust__changes">
                            {move || changes.get().into_iter().map(|change| view! { <li>{change}</li> }).collect_view()}
                        </ul>
                    </div>
                </Show>
            </section>
            <div class="button-row">
                <button type="submit" class="button button--primary">"Save check-in"</button>
                <button type="button" class="button button--quiet" on:click=move |_| on_close.run(false)>
                    "Not now"
                </button>
            </div>
        </form>
    }
}

/// Past check-ins, newest first.
#[component]
pub fn PastCheckIns() -> impl IntoView {
    let store = use_plan_store();
    let check_ins = Memo::new(move |_| {
        store.with(|plan| {
            let mut check_ins = plan.check_ins.clone();
            check_ins.sort_by_key(|check_in| std::cmp::Reverse(check_in.created_at));
            check_ins
        })
    });
    view! {
        <Show
            when=move || !check_ins.with(Vec::is_empty)
            fallback=|| view! { <p class="hint">"No check-ins yet."</p> }
        >
            <ul class="check-in-list">
                {move || {
                    check_ins
                        .get()
                        .into_iter()
                        .map(|check_in| {
                            let answer = |label: &'static str, text: String| {
                                (!text.is_empty()).then(|| view! { <p><strong>{label}</strong>" " {text}</p> })
                            };
                            let vision = check_in.vision_still_right.map(|right| {
                                if right { "Vision still right." } else { "Vision needed to change." }
                            });
                            view! {
                                <li>
                                    <details class="check-in-entry" id=format!("check-in-{}", check_in.id)>
                                        <summary>{format!("Check-in of {}", check_in.date.short_label())}</summary>
                                        {answer("What happened:", check_in.what_happened)}
                                        {answer("What I learned:", check_in.what_i_learned)}
                                        {vision.map(|text| view! { <p>{text}</p> })}
                                        {answer("What I will change:", check_in.what_i_will_change)}
                                        {(!check_in.changes.is_empty()).then(|| view! {
                                            <p><strong>"Changed in the plan:"</strong></p>
                                            <ul>{check_in.changes.into_iter().map(|change| view! { <li>{change}</li> }).collect_view()}</ul>
                                        })}
                                    </details>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </Show>
    }
}
