//! One goal in the tree: its row, its details, and everything under it.

use super::keys::{outliner_command, KeyPress, OutlinerCommand};
use super::rows::{GoalRows, RowData};
use super::{title_field_id, AddGoalForm, GoalListState};
use crate::clock;
use crate::components::due_date::DueDate;
use crate::components::progress_meter::ProgressMeter;
use crate::domain::calendar::Date;
use crate::domain::goals::{
    add_goal_after, indent_goal, move_goal_beside, outdent_goal, remove_goal, shift_goal,
    GoalLevel, Removed, MAX_DEPTH,
};
use crate::domain::plan::{GoalStatus, Id};
use crate::routing::Section;
use crate::state::{use_plan_store, PlanStore, StepLabel};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// One goal with everything under it.
#[component]
pub fn GoalItem(id: Id) -> impl IntoView {
    let store = use_plan_store();
    let list_state = expect_context::<GoalListState>();
    let Some(row) = expect_context::<GoalRows>().row(&id) else {
        return ().into_any();
    };
    // This row's own signal: the only shared state a row subscribes to.
    let row: RwSignal<RowData> = row.into();

    let depth = move || row.with(|r| r.depth);
    let level = move || GoalLevel::at_depth(depth());
    let title = move || row.with(|r| r.goal.title.clone());
    let display_title = move || {
        let title = title();
        if title.trim().is_empty() {
            "untitled goal".to_owned()
        } else {
            title
        }
    };
    let status = move || row.with(|r| r.goal.status);
    let has_children = move || row.with(|r| r.has_children);
    let collapsed = move || row.with(|r| r.collapsed);
    let target_date = move || row.with(|r| r.goal.target_date);
    let next_step_title = move || row.with(|r| r.next_step_title.clone());
    // An unfinished goal needs a concrete step under it.
    let needs_next_step = move || {
        status().is_active() && depth() < 2 && (!has_children() || next_step_title().is_none())
    };
    let (adding, set_adding) = signal(false);
    let (showing_details, set_showing_details) = signal(false);
    let (drop_side, set_drop_side) = signal(None::<bool>);
    let add_button_ref: NodeRef<html::Button> = NodeRef::new();
    let title_ref: NodeRef<html::Input> = NodeRef::new();
    {
        // A row made by Enter, a move or an undo takes the caret as it mounts.
        let id = id.clone();
        Effect::new(move |_| {
            if let Some(input) = title_ref.get() {
                if list_state.take_pending_focus(&id) {
                    let _ = input.focus();
                }
            }
        });
    }
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
            let _ = store.edit_goal(&id, |goal, now| goal.rename(&text, now));
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
            let _ = store.edit_goal(&id, |goal, now| goal.set_status(status, now));
        }
    };
    let remove = {
        let id = id.clone();
        move |_| remove_with_undo(store, &id)
    };
    let on_title_keydown = {
        let id = id.clone();
        move |event: leptos::ev::KeyboardEvent| {
            let press = KeyPress {
                key: &event.key(),
                shift: event.shift_key(),
                alt: event.alt_key(),
                command: event.ctrl_key() || event.meta_key(),
                title_empty: event_target_value(&event).is_empty(),
            };
            let Some(command) = outliner_command(press) else {
                return;
            };
            if run_outliner_command(store, list_state, &id, command) {
                event.prevent_default();
            }
        }
    };

    // Dragging: the grip starts it; a row takes the drop above or below itself.
    let drag_start = {
        let id = id.clone();
        move |event: leptos::ev::DragEvent| {
            if let Some(transfer) = event.data_transfer() {
                let _ = transfer.set_data("text/plain", id.as_str());
                transfer.set_effect_allowed("move");
            }
            list_state.dragging.set(Some(id.clone()));
        }
    };
    let drag_over = {
        let id = id.clone();
        move |event: leptos::ev::DragEvent| {
            let dragging = list_state.dragging.get_untracked();
            if dragging.is_none() || dragging.as_ref() == Some(&id) {
                return;
            }
            event.prevent_default();
            set_drop_side.set(Some(drops_after(&event)));
        }
    };
    let drop = {
        let id = id.clone();
        move |event: leptos::ev::DragEvent| {
            event.prevent_default();
            set_drop_side.set(None);
            let Some(dragged) = list_state.dragging.get_untracked() else {
                return;
            };
            list_state.dragging.set(None);
            let after = drops_after(&event);
            if let Ok(Ok(())) =
                store.update(|plan, now| move_goal_beside(plan, &dragged, &id, after, now))
            {
                list_state.focus_title(&dragged);
            }
        }
    };

    let title_input_id = title_field_id(&id);
    let details_id = format!("goal-details-{id}");
    let children_id = format!("goal-children-{id}");
    let children_list_id = children_id.clone();
    let item_id = id.clone();
    let details_goal_id = id.clone();
    let add_parent_id = id.clone();
    let collapse_id = id.clone();

    view! {
        <li
            class="goal"
            class:goal--done=move || status() == GoalStatus::Done
            class:goal--dropped=move || status() == GoalStatus::Dropped
            class:goal--drop-before=move || drop_side.get() == Some(false)
            class:goal--drop-after=move || drop_side.get() == Some(true)
            data-depth=move || depth().to_string()
            data-goal-id=item_id.to_string()
        >
            <div
                class="goal__row"
                on:dragover=drag_over
                on:dragleave=move |_| set_drop_side.set(None)
                on:drop=drop
            >
                <span
                    class="goal__grip"
                    draggable="true"
                    title="Drag to move"
                    aria-hidden="true"
                    on:dragstart=drag_start
                    on:dragend=move |_| list_state.dragging.set(None)
                >
                    "⠿"
                </span>
                <Show
                    when=has_children
                    fallback=move || {
                        view! {
                            <input
                                type="checkbox"
                                class="goal__check"
                                prop:checked=move || status() == GoalStatus::Done
                                aria-label=move || format!("Done: {}", display_title())
                                on:change=toggle_done.clone()
                            />
                        }
                    }
                >
                    <button
                        type="button"
                        class="goal__twisty"
                        aria-expanded=move || (!collapsed()).to_string()
                        aria-controls=children_id.clone()
                        on:click={
                            let id = collapse_id.clone();
                            move |_| list_state.set_collapsed(&id, !row.with_untracked(|r| r.collapsed))
                        }
                    >
                        <span aria-hidden="true">{move || if collapsed() { "▸" } else { "▾" }}</span>
                        <span class="visually-hidden">
                            {move || format!("{} {}", if collapsed() { "Expand" } else { "Collapse" }, display_title())}
                        </span>
                    </button>
                </Show>
                <div class="goal__heading">
                    // Steps are marked by their checkbox; the higher levels are named.
                    <Show when=move || { depth() < 2 }>
                        <span class="goal__level" aria-hidden="true">{move || level().label()}</span>
                    </Show>
                    <label class="visually-hidden" for=title_input_id.clone()>
                        {move || format!("{} title", level().label())}
                    </label>
                    <input
                        id=title_input_id.clone()
                        node_ref=title_ref
                        class="goal__title"
                        type="text"
                        autocomplete="off"
                        placeholder="Untitled goal"
                        prop:value=title
                        on:input=rename
                        on:keydown=on_title_keydown
                    />
                </div>
                <Show when=move || status() == GoalStatus::InProgress>
                    <span class="badge badge--progress">"In progress"</span>
                </Show>
                <Show when=move || status() == GoalStatus::Dropped>
                    <span class="badge">"Dropped"</span>
                </Show>
                {move || target_date().filter(|_| status().is_active()).map(|date| view! { <DueDate date=date/> })}
                <div class="goal__actions">
                    <button
                        type="button"
                        class="button button--small button--quiet"
                        aria-expanded=move || showing_details.get().to_string()
                        aria-controls=details_id.clone()
                        on:click=move |_| set_showing_details.update(|open| *open = !*open)
                    >
                        "Details"
                        <span class="visually-hidden">{move || format!(" of {}", display_title())}</span>
                    </button>
                    <Show when=move || { depth() < MAX_DEPTH }>
                        <button
                            type="button"
                            class="button button--small button--quiet"
                            node_ref=add_button_ref
                            aria-expanded=move || adding.get().to_string()
                            on:click=move |_| set_adding.update(|open| *open = !*open)
                        >
                            {move || format!("Add {}", level().child_label())}
                            <span class="visually-hidden">{move || format!(" under {}", display_title())}</span>
                        </button>
                    </Show>
                    <button type="button" class="button button--small button--danger" on:click=remove.clone()>
                        "Remove"
                        <span class="visually-hidden">{move || format!(" {}", display_title())}</span>
                    </button>
                </div>
            </div>
            <Show when=move || showing_details.get()>
                <GoalDetails id=details_goal_id.clone() row=row panel_id=details_id.clone()/>
            </Show>
            {move || {
                row.with(|r| r.late_date)
                    .filter(|_| status().is_active())
                    .map(|later| {
                        view! {
                            <p class="goal__warning">
                                {format!("Its target date comes before {}, a date set for something under it.", later.short_label())}
                            </p>
                        }
                    })
            }}
            <Show when=move || has_children() && status().is_active()>
                <div class="goal__summary">
                    <ProgressMeter
                        progress=Signal::derive(move || row.with(|r| r.progress))
                        label=Signal::derive(move || format!("Progress of {}", display_title()))
                    />
                    {move || next_step_title().map(|next| view! { <p class="goal__next">"Next: " <strong>{next}</strong></p> })}
                </div>
            </Show>
            <Show when=needs_next_step>
                <p class="goal__flag">
                    "Needs a next step. What is one thing you could do this week? "
                    <button type="button" class="button button--small" on:click=move |_| set_adding.set(true)>
                        {move || format!("Add a {}", level().child_label())}
                    </button>
                </p>
            </Show>
            <Show when=move || adding.get()>
                <AddGoalForm
                    parent=Some(add_parent_id.clone())
                    level=GoalLevel::at_depth(depth() + 1)
                    on_close=close_add_form
                    autofocus=true
                />
            </Show>
            <Show when=move || has_children() && !collapsed()>
                <ul class="goal-tree__children" id=children_list_id.clone()>
                    <For each=move || row.with(|r| r.visible_children.clone()) key=|id| id.clone() let:child_id>
                        {view! { <GoalItem id=child_id/> }.into_any()}
                    </For>
                </ul>
            </Show>
        </li>
    }
    .into_any()
}

/// Whether a drop at this point of a row lands below it (lower half) or above it.
fn drops_after(event: &leptos::ev::DragEvent) -> bool {
    event
        .current_target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .map(|row| {
            let rect = row.get_bounding_client_rect();
            f64::from(event.client_y()) > rect.top() + rect.height() / 2.0
        })
        .unwrap_or(true)
}

/// Removes a goal with everything under it, as a step of the history that
/// the notice "Removed … Undo removal" names.
fn remove_with_undo(store: PlanStore, id: &Id) {
    let _ = store.update_named(
        |plan, now| remove_goal(plan, id, now),
        |removed| match removed {
            Ok(Removed { title, count }) => StepLabel::Removal {
                goal: id.clone(),
                title: title.clone(),
                count: *count,
            },
            Err(_) => StepLabel::Edit,
        },
    );
}

/// Carries out an outliner command on goal `id`. Returns false when it did
/// nothing, so the key keeps its usual meaning (Tab leaves the field, say).
pub(super) fn run_outliner_command(
    store: PlanStore,
    list_state: GoalListState,
    id: &Id,
    command: OutlinerCommand,
) -> bool {
    match command {
        OutlinerCommand::AddSiblingBelow => {
            let new_id = clock::new_id("g");
            if let Ok(Ok(())) =
                store.update(|plan, now| add_goal_after(plan, id, new_id.clone(), "", now))
            {
                list_state.focus_title(&new_id);
            }
            true
        }
        OutlinerCommand::Indent => {
            let parent_before =
                store.with_untracked(|plan| plan.goal(id).and_then(|g| g.parent.clone()));
            match store.update(|plan, now| indent_goal(plan, id, now)) {
                Ok(Ok(true)) => {
                    // Show the goal in its new place, even if that branch was collapsed.
                    if let Some(new_parent) =
                        store.with_untracked(|plan| plan.goal(id).and_then(|g| g.parent.clone()))
                    {
                        if Some(&new_parent) != parent_before.as_ref() {
                            list_state.set_collapsed(&new_parent, false);
                        }
                    }
                    list_state.focus_title(id);
                    true
                }
                // First among its siblings, or too deep: keep the caret here.
                _ => true,
            }
        }
        OutlinerCommand::Outdent => {
            if let Ok(Ok(true)) = store.update(|plan, now| outdent_goal(plan, id, now)) {
                list_state.focus_title(id);
            }
            true
        }
        OutlinerCommand::MoveUp | OutlinerCommand::MoveDown => {
            let offset = if command == OutlinerCommand::MoveUp {
                -1
            } else {
                1
            };
            if let Ok(Ok(true)) = store.update(|plan, now| shift_goal(plan, id, offset, now)) {
                list_state.focus_title(id);
            }
            true
        }
        OutlinerCommand::FocusPrevious | OutlinerCommand::FocusNext => {
            focus_neighbour(id, command == OutlinerCommand::FocusNext)
        }
        OutlinerCommand::RemoveEmpty => {
            let previous = neighbour_title(id, false);
            remove_with_undo(store, id);
            if let Some(previous) = previous {
                let _ = previous.focus();
            }
            true
        }
        OutlinerCommand::ToggleDone => {
            matches!(
                store.edit_goal(id, |goal, now| goal.toggle_done(now)),
                Ok(Some(()))
            )
        }
    }
}

/// The title field above or below this goal's, in the order shown.
fn neighbour_title(id: &Id, below: bool) -> Option<web_sys::HtmlElement> {
    let titles = document().query_selector_all(".goal__title").ok()?;
    let own_id = title_field_id(id);
    let fields: Vec<web_sys::HtmlElement> = (0..titles.length())
        .filter_map(|index| titles.item(index))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        .collect();
    let position = fields.iter().position(|field| field.id() == own_id)?;
    let target = if below {
        position.checked_add(1)
    } else {
        position.checked_sub(1)
    }?;
    fields.get(target).cloned()
}

fn focus_neighbour(id: &Id, below: bool) -> bool {
    match neighbour_title(id, below) {
        Some(field) => field.focus().is_ok(),
        None => false,
    }
}

/// Status, target date, notes and moves of one goal.
#[component]
fn GoalDetails(id: Id, row: RwSignal<RowData>, panel_id: String) -> impl IntoView {
    let store = use_plan_store();
    let list_state = expect_context::<GoalListState>();
    let status = move || row.with(|r| r.goal.status);
    let field = |name: &str| format!("{panel_id}-{name}");
    let (status_id, date_id, notes_id, reason_id) = (
        field("status"),
        field("date"),
        field("notes"),
        field("reason"),
    );

    let change_status = {
        let id = id.clone();
        move |event: leptos::ev::Event| {
            let Some(status) = GoalStatus::from_key(&event_target_value(&event)) else {
                return;
            };
            let _ = store.edit_goal(&id, |goal, now| goal.set_status(status, now));
        }
    };
    let change_reason = {
        let id = id.clone();
        move |event: leptos::ev::Event| {
            let reason = event_target_value(&event);
            let _ = store.edit_goal(&id, |goal, now| goal.drop_because(&reason, now));
        }
    };
    let change_date = {
        let id = id.clone();
        move |event: leptos::ev::Event| {
            let date = Date::parse(&event_target_value(&event));
            let _ = store.edit_goal(&id, |goal, now| goal.set_target_date(date, now));
        }
    };
    let change_notes = {
        let id = id.clone();
        move |event: leptos::ev::Event| {
            let notes = event_target_value(&event);
            let _ = store.edit_goal(&id, |goal, now| goal.set_notes(&notes, now));
        }
    };
    let move_by = move |command: OutlinerCommand| {
        let id = id.clone();
        move |_| {
            run_outliner_command(store, list_state, &id, command);
        }
    };

    view! {
        <div class="goal__details" id=panel_id.clone()>
            <div class="goal__details-row">
                <div class="field">
                    <label for=status_id.clone()>"Status"</label>
                    <select id=status_id prop:value=move || status().key() on:change=change_status>
                        {GoalStatus::ALL
                            .into_iter()
                            .map(|status| view! { <option value=status.key()>{status.label()}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=date_id.clone()>"Target date"</label>
                    <input
                        id=date_id
                        type="date"
                        prop:value=move || {
                            row.with(|r| r.goal.target_date.map(|d| d.to_string()).unwrap_or_default())
                        }
                        on:change=change_date
                    />
                </div>
            </div>
            <Show when=move || status() == GoalStatus::Dropped>
                <div class="field">
                    <label for=reason_id.clone()>"Why it was dropped"</label>
                    <input
                        id=reason_id.clone()
                        type="text"
                        prop:value=move || row.with(|r| r.goal.dropped_reason.clone().unwrap_or_default())
                        on:change=change_reason.clone()
                    />
                </div>
            </Show>
            {move || {
                let option_id = row.with(|r| r.goal.from_option.clone())?;
                let title = store.with(|plan| {
                    plan.options.iter().find(|option| option.id == option_id).map(|option| option.title.clone())
                })?;
                Some(view! {
                    <p class="goal__origin">
                        {format!("Came from the option “{title}”. ")}
                        <a href=Section::Options.href()>"See it in Options"</a>
                    </p>
                })
            }}
            <div class="field">
                <label for=notes_id.clone()>"Notes"</label>
                <textarea
                    id=notes_id
                    rows="2"
                    prop:value=move || row.with(|r| r.goal.notes.clone())
                    on:input=change_notes
                ></textarea>
            </div>
            <div class="button-row goal__moves" role="group" aria-label="Move">
                <button type="button" class="button button--small" on:click=move_by(OutlinerCommand::MoveUp)>
                    "Move up"
                </button>
                <button type="button" class="button button--small" on:click=move_by(OutlinerCommand::MoveDown)>
                    "Move down"
                </button>
                <button type="button" class="button button--small" on:click=move_by(OutlinerCommand::Outdent)>
                    "Move out a level"
                </button>
                <button type="button" class="button button--small" on:click=move_by(OutlinerCommand::Indent)>
                    "Move under the one above"
                </button>
            </div>
        </div>
    }
}
