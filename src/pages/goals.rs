//! The goal tree: long-term goals, short-term goals and steps.

use crate::clock;
use crate::components::progress_meter::ProgressMeter;
use crate::domain::goals::{
    add_goal, remove_goal, rename_goal, restore_goals, set_status, GoalLevel, NewGoal, Outline,
    MAX_DEPTH,
};
use crate::domain::plan::{Goal, GoalStatus, Id};
use crate::routing::Section;
use crate::state::use_plan_store;
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn GoalsPage() -> impl IntoView {
    let store = use_plan_store();
    // One pass over the plan per change, shared by every row.
    let outline = Memo::new(move |_| store.with(Outline::of));
    let long_term_ids = Memo::new(move |_| outline.with(|o| o.children(None).to_vec()));
    let has_vision = move || store.with(|plan| !plan.vision.statement.trim().is_empty());
    let vision = move || store.with(|plan| plan.vision.statement.clone());

    view! {
        <div class="page page--goals">
            <header class="page-header">
                <h1>"Goals"</h1>
                <p class="lede">
                    "Break your vision into long-term goals, short-term goals under them, and steps you can take this week."
                </p>
            </header>
            <Show
                when=has_vision
                fallback=|| {
                    view! {
                        <p class="hint-card">
                            "Goals work best under a vision. "
                            <a href=Section::Vision.href()>"Write your vision first"</a>
                            ", or start with a goal you already know."
                        </p>
                    }
                }
            >
                <p class="vision-banner">
                    <span class="vision-banner__label">"Your vision"</span>
                    <span class="vision-banner__text">{vision}</span>
                </p>
            </Show>
            <AddGoalForm parent=None level=GoalLevel::LongTerm/>
            <RemovalUndoNotice/>
            <Show
                when=move || !long_term_ids.with(Vec::is_empty)
                fallback=|| {
                    view! {
                        <p class="empty-state">
                            "No goals yet. What is one big thing that would move you toward your vision in the next few years?"
                        </p>
                    }
                }
            >
                <ul class="goal-tree" aria-label="Goal tree">
                    <For each=move || long_term_ids.get() key=|id| id.clone() let:id>
                        <GoalItem id=id outline=outline/>
                    </For>
                </ul>
            </Show>
        </div>
    }
}

/// A text field and button that add a goal under `parent`.
#[component]
fn AddGoalForm(
    parent: Option<Id>,
    level: GoalLevel,
    /// Called when the person closes the form with Escape.
    #[prop(optional)]
    on_close: Option<Callback<()>>,
    /// Put the caret in the field as soon as the form appears.
    #[prop(optional)]
    autofocus: bool,
) -> impl IntoView {
    let store = use_plan_store();
    let (title, set_title) = signal(String::new());
    let (problem, set_problem) = signal(None::<String>);
    let input_ref: NodeRef<html::Input> = NodeRef::new();
    let field_id = format!(
        "new-goal-{}",
        parent.as_ref().map_or("root".to_owned(), Id::to_string)
    );
    let label = format!("New {}", level.label().to_lowercase());
    let button_label = format!("Add {}", level.label().to_lowercase());
    let nested = parent.is_some();

    if autofocus {
        Effect::new(move |_| {
            if let Some(input) = input_ref.get() {
                let _ = input.focus();
            }
        });
    }

    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let text = title.get_untracked();
        if text.trim().is_empty() {
            set_problem.set(Some("Give it a title first.".into()));
            return;
        }
        let new_goal = NewGoal {
            id: clock::new_id("g"),
            parent: parent.clone(),
            title: text,
        };
        match store.update(|plan| add_goal(plan, new_goal, clock::now())) {
            Ok(()) => {
                set_title.set(String::new());
                set_problem.set(None);
                // Stay open, ready for the next sibling.
                if let Some(input) = input_ref.get_untracked() {
                    let _ = input.focus();
                }
            }
            Err(error) => set_problem.set(Some(error.to_string())),
        }
    };

    view! {
        <form class="add-goal" class:add-goal--nested=nested on:submit=submit>
            <label for=field_id.clone() class:visually-hidden=nested>
                {label.clone()}
            </label>
            <div class="add-goal__row">
                <input
                    id=field_id
                    type="text"
                    autocomplete="off"
                    node_ref=input_ref
                    placeholder=if nested { label.clone() } else { "e.g. Publish my first picture book".to_owned() }
                    prop:value=title
                    on:input=move |event| set_title.set(event_target_value(&event))
                    on:keydown=move |event| {
                        if event.key() == "Escape" {
                            if let Some(close) = on_close {
                                close.run(());
                            }
                        }
                    }
                />
                <button type="submit" class="button">{button_label}</button>
            </div>
            {move || problem.get().map(|problem| view! { <p class="field__error" role="alert">{problem}</p> })}
        </form>
    }
}

/// One goal with everything under it.
#[component]
fn GoalItem(id: Id, outline: Memo<Outline>) -> impl IntoView {
    let store = use_plan_store();
    let goal = {
        let id = id.clone();
        Memo::new(move |_| {
            let position = outline.with(|o| o.entry(&id).map(|entry| entry.position));
            position.and_then(|at| store.with(|plan| plan.goals.get(at).cloned()))
        })
    };
    let entry = {
        let id = id.clone();
        Memo::new(move |_| outline.with(|o| o.entry(&id).cloned()))
    };
    let child_ids = {
        let id = id.clone();
        Memo::new(move |_| outline.with(|o| o.children(Some(&id)).to_vec()))
    };
    let depth = move || entry.with(|e| e.as_ref().map_or(0, |e| e.depth));
    let level = move || GoalLevel::at_depth(depth());
    let title = move || goal.with(|g| g.as_ref().map(|g| g.title.clone()).unwrap_or_default());
    let status = move || goal.with(|g| g.as_ref().map_or(GoalStatus::Open, |g| g.status));
    let has_children = move || child_ids.with(|ids| !ids.is_empty());
    let next_step_title = move || {
        let next = entry.with(|e| e.as_ref().and_then(|e| e.next_step.clone()))?;
        let position = outline.with(|o| o.entry(&next).map(|e| e.position))?;
        store.with(|plan| plan.goals.get(position).map(|g| g.title.clone()))
    };
    // An unfinished goal needs a concrete step under it.
    let needs_next_step = move || {
        status().is_active() && depth() < 2 && (!has_children() || next_step_title().is_none())
    };
    let (adding, set_adding) = signal(false);
    let add_button_ref: NodeRef<html::Button> = NodeRef::new();
    let close_add_form = Callback::new(move |_| {
        set_adding.set(false);
        // Back to where the keyboard was before the form opened.
        if let Some(button) = add_button_ref.get_untracked() {
            let _ = button.focus();
        }
    });

    let rename = {
        let id = id.clone();
        move |event: leptos::ev::Event| {
            let text = event_target_value(&event);
            let _ = store.update(|plan| rename_goal(plan, &id, &text, clock::now()));
        }
    };
    let toggle_done = {
        let id = id.clone();
        move |event: leptos::ev::Event| {
            let status = if event_target_checked(&event) {
                GoalStatus::Done
            } else {
                GoalStatus::Open
            };
            let _ = store.update(|plan| set_status(plan, &id, status, clock::now()));
        }
    };
    let remove = {
        let id = id.clone();
        move |_| {
            if let Ok(removed) = store.update(|plan| remove_goal(plan, &id, clock::now())) {
                store.last_removed().set(Some(removed));
            }
        }
    };
    let title_field_id = format!("goal-title-{id}");
    let parent_for_children = id.clone();

    view! {
        <li
            class="goal"
            class:goal--done=move || status() == GoalStatus::Done
            class:goal--dropped=move || status() == GoalStatus::Dropped
            data-depth=move || depth().to_string()
        >
            <div class="goal__row">
                // Steps are marked by their checkbox; the higher levels are named.
                <Show when=move || { depth() < 2 }>
                    <span class="goal__level" aria-hidden="true">{move || level().label()}</span>
                </Show>
                <Show when=move || !has_children()>
                    <input
                        type="checkbox"
                        class="goal__check"
                        prop:checked=move || status() == GoalStatus::Done
                        aria-label=move || format!("Done: {}", title())
                        on:change=toggle_done.clone()
                    />
                </Show>
                <label class="visually-hidden" for=title_field_id.clone()>
                    {move || format!("{} title", level().label())}
                </label>
                <input
                    id=title_field_id
                    class="goal__title"
                    type="text"
                    autocomplete="off"
                    prop:value=title
                    on:input=rename
                />
                <Show when=move || status() == GoalStatus::InProgress>
                    <span class="badge badge--progress">"In progress"</span>
                </Show>
                <div class="goal__actions">
                    <Show when=move || { depth() < MAX_DEPTH }>
                        <button
                            type="button"
                            class="button button--small button--quiet"
                            node_ref=add_button_ref
                            aria-expanded=move || adding.get().to_string()
                            on:click=move |_| set_adding.update(|open| *open = !*open)
                        >
                            {move || format!("Add {}", level().child_label())}
                            <span class="visually-hidden">{move || format!(" under {}", title())}</span>
                        </button>
                    </Show>
                    <button type="button" class="button button--small button--danger" on:click=remove.clone()>
                        "Remove"
                        <span class="visually-hidden">{move || format!(" {}", title())}</span>
                    </button>
                </div>
            </div>
            <Show when=has_children>
                <div class="goal__summary">
                    <ProgressMeter
                        progress=Signal::derive(move || entry.with(|e| e.as_ref().map(|e| e.progress).unwrap_or_default()))
                        label=Signal::derive(move || format!("Progress of {}", title()))
                    />
                    {move || next_step_title().map(|next| view! { <p class="goal__next">"Next: " <strong>{next}</strong></p> })}
                </div>
            </Show>
            <Show when=needs_next_step>
                <p class="goal__flag">
                    "Needs a next step. What is one thing you could do this week?"
                </p>
            </Show>
            <Show when=move || adding.get()>
                <AddGoalForm
                    parent=Some(parent_for_children.clone())
                    level=GoalLevel::at_depth(depth() + 1)
                    on_close=close_add_form
                    autofocus=true
                />
            </Show>
            <Show when=has_children>
                <ul class="goal-tree__children">
                    <For each=move || child_ids.get() key=|id| id.clone() let:child_id>
                        {view! { <GoalItem id=child_id outline=outline/> }.into_any()}
                    </For>
                </ul>
            </Show>
        </li>
    }
}

/// "Removed X. Undo" after a removal, until the next one or a click.
#[component]
fn RemovalUndoNotice() -> impl IntoView {
    let store = use_plan_store();
    let last_removed = store.last_removed();
    let undo = move |_| {
        if let Some(removed) = last_removed.try_update(Option::take).flatten() {
            store.update(|plan| restore_goals(plan, removed, clock::now()));
        }
    };
    view! {
        <div class="undo-slot" role="status">
            {move || {
                last_removed
                    .with(|removed| removed.as_ref().map(|removed| describe_removal(removed.top(), removed.len())))
                    .map(|message| {
                        view! {
                            <p class="undo-notice">
                                {message}
                                <button type="button" class="button button--small" on:click=undo>
                                    "Undo"
                                </button>
                            </p>
                        }
                    })
            }}
        </div>
    }
}

fn describe_removal(top: &Goal, count: usize) -> String {
    match count {
        1 => format!("Removed “{}”.", top.title),
        2 => format!("Removed “{}” and 1 item under it.", top.title),
        _ => format!("Removed “{}” and {} items under it.", top.title, count - 1),
    }
}
