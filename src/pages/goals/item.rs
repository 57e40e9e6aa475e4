//! One goal's row in the list: what it shows at a glance, its outliner keys,
//! and its details.

use super::keys::{outliner_command, KeyPress, OutlinerCommand};
use super::rows::{GoalRows, RowData};
use super::{title_field, title_field_id, AddGoalForm, GoalListState};
use crate::clock;
use crate::components::progress_meter::ProgressMeter;
use crate::domain::calendar::{Date, Due};
use crate::domain::goals::{
    add_goal_after, indent_goal, move_goal_beside, outdent_goal, remove_goal, shift_goal,
    GoalError, GoalLevel, Progress, Removed, MAX_DEPTH,
};
use crate::domain::plan::{GoalStatus, Id};
use crate::routing::Section;
use crate::state::{quoted, use_plan_store, PlanStore, StepLabel};
use leptos::either::Either;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What a row says under its title: its level, its status and its date.
#[derive(Clone, Debug, PartialEq)]
struct Meta {
    level: Option<&'static str>,
    status: GoalStatus,
    due: Option<Date>,
}

impl Meta {
    fn of(row: &RowData) -> Self {
        Meta {
            level: (row.depth < 2).then(|| GoalLevel::at_depth(row.depth).label()),
            status: row.goal.status,
            due: row.goal.target_date.filter(|_| row.goal.status.is_active()),
        }
    }
}

/// Everything a row shows of itself but its title and its summary, which
/// change with the keystrokes in it and under it.
#[derive(Clone, Debug, PartialEq)]
struct Look {
    depth: usize,
    collapsed: bool,
    ends_card: bool,
    meta: Meta,
}

impl Look {
    fn of(row: &RowData) -> Self {
        Look {
            depth: row.depth,
            collapsed: row.collapsed,
            ends_card: row.ends_card,
            meta: Meta::of(row),
        }
    }
}

/// What a goal's row says below its title line: its progress and next
/// step, a missing next step, a date out of order.
#[derive(Clone, Debug, PartialEq)]
struct Summary {
    /// For a goal with work under it, still to be done.
    progress: Option<Progress>,
    next_step: Option<String>,
    /// An unfinished goal needs a concrete step under it: what to add.
    needs_next_step: Option<&'static str>,
    late_date: Option<Date>,
}

impl Summary {
    fn of(row: &RowData) -> Self {
        let active = row.goal.status.is_active();
        Summary {
            progress: (row.has_children && active).then_some(row.progress),
            next_step: row
                .next_step_title
                .clone()
                .filter(|_| row.has_children && active),
            needs_next_step: (active
                && row.depth < 2
                && (!row.has_children || row.next_step_title.is_none()))
            .then(|| GoalLevel::at_depth(row.depth).child_label()),
            late_date: row.late_date.filter(|_| active),
        }
    }
}

/// One goal's row: its done box (or, with goals under it, the toggle of its
/// branch), its title, what it says at a glance, and its details on request.
/// The goals under it are rows of their own, after it in the list.
#[component]
pub fn GoalItem(id: Id) -> impl IntoView {
    let store = use_plan_store();
    let list_state = expect_context::<GoalListState>();
    let rows = expect_context::<GoalRows>();
    let Some(row) = rows.row(&id) else {
        return ().into_any();
    };
    {
        let id = id.clone();
        on_cleanup(move || rows.release(&id));
    }
    // This row's own signal: the only shared state a row subscribes to.
    // A few memos on it, so that typing in the title redraws the title
    // alone, and a row costs few reactive nodes to make and to take away.
    let row: RwSignal<RowData> = row.into();
    let title = Memo::new(move |_| row.with(|r| r.goal.title.clone()));
    let display_title = Memo::new(move |_| {
        title.with(|title| {
            if title.trim().is_empty() {
                "untitled goal".to_owned()
            } else {
                title.clone()
            }
        })
    });
    let has_children = Memo::new(move |_| row.with(|r| r.has_children));
    let look = Memo::new(move |_| row.with(Look::of));
    let summary = Memo::new(move |_| row.with(Summary::of));
    let depth = move || look.with(|look| look.depth);
    let level = move || GoalLevel::at_depth(depth());
    let status = move || look.with(|look| look.meta.status);
    let collapsed = move || look.with(|look| look.collapsed);
    let (adding, set_adding) = signal(false);
    let (showing_details, set_showing_details) = signal(false);
    let (drop_side, set_drop_side) = signal(None::<bool>);
    let details_button_ref: NodeRef<html::Button> = NodeRef::new();
    let title_ref: NodeRef<html::Textarea> = NodeRef::new();
    {
        // A row made by Enter, a move or an undo, or brought on screen for
        // the caret, takes the caret as it mounts.
        let id = id.clone();
        Effect::new(move |_| {
            if let Some(field) = title_ref.get() {
                fit_to_text(&field);
                if list_state.take_pending_focus(&id) {
                    let _ = field.focus();
                }
            }
        });
    }
    // Where the browser cannot size a field to its text, the title's height
    // follows it here (a title set from elsewhere: an undo, another tab).
    if !browser_fits_fields_to_text() {
        Effect::new(move |_| {
            title.track();
            if let Some(field) = title_ref.get_untracked() {
                fit_to_text(&field);
            }
        });
    }
    let close_add_form = Callback::new(move |_| {
        set_adding.set(false);
        // Back to where the keyboard was before the form opened.
        if let Some(button) = details_button_ref.get_untracked() {
            let _ = button.focus();
        }
    });
    let open_add_form = Callback::new(move |_| {
        set_showing_details.set(false);
        set_adding.set(true);
    });

    let rename = {
        let id = id.clone();
        move |event: leptos::ev::Event| {
            let Some(field) = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
            else {
                return;
            };
            let text = field.value();
            // A title is one line: a line break pasted or dropped in becomes
            // a space (one for one, so the caret stays where it was).
            let text = if text.contains(['\n', '\r']) {
                let caret = field.selection_start().ok().flatten();
                let one_line = text.replace(['\n', '\r'], " ");
                field.set_value(&one_line);
                if let Some(caret) = caret {
                    let _ = field.set_selection_range(caret, caret);
                }
                one_line
            } else {
                text
            };
            fit_to_text(&field);
            let _ = store.edit_goal(&id, |goal, now| goal.rename(&text, now));
        }
    };
    let toggle_done = {
        let id = id.clone();
        move |event: leptos::ev::Event| {
            let _ = store.set_done(&id, event_target_checked(&event));
        }
    };
    let on_title_keydown = {
        let id = id.clone();
        move |event: leptos::ev::KeyboardEvent| {
            let key = event.key();
            if key == "Enter" {
                // No Enter breaks a title, whatever it does besides.
                event.prevent_default();
            }
            // Tab indents in a title; after Esc it leaves the title, so
            // that the keyboard can always get out. Shift alone (on its way
            // to Shift+Tab) keeps the way out open.
            if !matches!(key.as_str(), "Shift" | "Control" | "Alt" | "Meta") {
                let after_escape = list_state.tab_moves_focus.get_value();
                list_state.tab_moves_focus.set_value(key == "Escape");
                if after_escape && key == "Tab" {
                    return;
                }
            }
            let Some(field) = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
            else {
                return;
            };
            let value = field.value();
            let (start, end) = (
                field.selection_start().ok().flatten(),
                field.selection_end().ok().flatten(),
            );
            let length = value.encode_utf16().count() as u32;
            let caret = (start == end).then_some(start).flatten();
            let arrow = key == "ArrowUp" || key == "ArrowDown";
            let press = KeyPress {
                key: &key,
                shift: event.shift_key(),
                alt: event.alt_key(),
                command: event.ctrl_key() || event.meta_key(),
                title_empty: value.is_empty(),
                // Measured for the arrows only: it reads the field's layout.
                wraps: arrow && wraps(&field),
                caret_at_start: caret == Some(0),
                caret_at_end: caret == Some(length),
            };
            let Some(command) = outliner_command(press) else {
                return;
            };
            if run_outliner_command(store, list_state, rows, &id, command) {
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
    let item_id = id.clone();
    let details_goal_id = id.clone();
    let add_parent_id = id.clone();
    let collapse_id = id.clone();

    let control = move || {
        if has_children.get() {
            let id = collapse_id.clone();
            Either::Left(view! {
                <button
                    type="button"
                    class="goal__control goal__twisty"
                    aria-expanded=move || (!collapsed()).to_string()
                    on:click=move |_| list_state.set_collapsed(&id, !row.with_untracked(|r| r.collapsed))
                >
                    <span aria-hidden="true">{move || if collapsed() { "▸" } else { "▾" }}</span>
                    <span class="visually-hidden">
                        {move || format!("{} {}", if collapsed() { "Expand" } else { "Collapse" }, display_title.get())}
                    </span>
                </button>
            })
        } else {
            // A label round the box: the whole fingertip-sized square ticks it.
            Either::Right(view! {
                <label class="goal__control">
                    <input
                        type="checkbox"
                        class="goal__check"
                        prop:checked=move || status() == GoalStatus::Done
                        aria-label=move || format!("Done: {}", display_title.get())
                        on:change=toggle_done.clone()
                    />
                </label>
            })
        }
    };
    let meta_line = move || {
        let Meta { level, status, due } = look.with(|look| look.meta.clone());
        let badge = match status {
            GoalStatus::InProgress => {
                Some(view! { <span class="badge badge--progress">"In progress"</span> })
            }
            GoalStatus::Dropped => Some(view! { <span class="badge">"Dropped"</span> }),
            _ => None,
        };
        (level.is_some() || badge.is_some() || due.is_some()).then(|| {
            view! {
                <div class="goal__meta">
                    // The level is in the title's name; on screen it leads the line.
                    {level.map(|level| view! { <span class="goal__level" aria-hidden="true">{level}</span> })}
                    {badge}
                    {due.map(row_due_date)}
                </div>
            }
        })
    };
    // Each part of the summary follows its own part of the row: typing in
    // a step's title changes its parents' "Next:" line, and redraws those
    // words and nothing else of theirs (redrawing their meters as well cost
    // every keystroke a restyle of each parent's summary).
    let late_date = Memo::new(move |_| summary.with(|summary| summary.late_date));
    let progress = Memo::new(move |_| summary.with(|summary| summary.progress));
    let has_progress = Memo::new(move |_| progress.with(Option::is_some));
    let next_step = Memo::new(move |_| summary.with(|summary| summary.next_step.clone()));
    let has_next_step = Memo::new(move |_| next_step.with(Option::is_some));
    let needs_next_step = Memo::new(move |_| summary.with(|summary| summary.needs_next_step));
    let summary_view = view! {
        {move || late_date.get().map(|later| {
            view! {
                <p class="goal__warning">
                    {format!("Its target date comes before {}, a date set for something under it.", later.short_label())}
                </p>
            }
        })}
        {move || has_progress.get().then(|| {
            view! {
                <div class="goal__summary">
                    <ProgressMeter
                        progress=Signal::derive(move || progress.get().unwrap_or_default())
                        label=Signal::derive(move || format!("Progress of {}", display_title.get()))
                    />
                    {move || has_next_step.get().then(|| view! {
                        <p class="goal__next">"Next: " <strong>{move || next_step.get().unwrap_or_default()}</strong></p>
                    })}
                </div>
            }
        })}
        // While the form that adds it is open, the call to add one goes.
        {move || needs_next_step.get().filter(|_| !adding.get()).map(|child| {
            view! {
                <p class="goal__flag">
                    "Needs a next step. What is one thing you could do this week? "
                    <button type="button" class="button button--small" on:click=move |_| open_add_form.run(())>
                        {format!("Add a {child}")}
                    </button>
                </p>
            }
        })}
    };
    let class = move || {
        let mut class = String::from("goal");
        match status() {
            GoalStatus::Done => class.push_str(" goal--done"),
            GoalStatus::Dropped => class.push_str(" goal--dropped"),
            _ => {}
        }
        if look.with(|look| look.ends_card) {
            class.push_str(" goal--ends-card");
        }
        match drop_side.get() {
            Some(false) => class.push_str(" goal--drop-before"),
            Some(true) => class.push_str(" goal--drop-after"),
            None => {}
        }
        class
    };

    view! {
        <li
            class=class
            data-depth=move || depth().to_string()
            attr:aria-level=move || (depth() + 1).to_string()
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
                {control}
                <label class="visually-hidden" for=title_input_id.clone()>
                    {move || format!("{} title", level().label())}
                </label>
                <textarea
                    id=title_input_id.clone()
                    node_ref=title_ref
                    class="goal__title"
                    rows="1"
                    autocomplete="off"
                    placeholder="Untitled goal"
                    prop:value=move || title.get()
                    on:input=rename
                    on:keydown=on_title_keydown
                ></textarea>
                {meta_line}
                <button
                    type="button"
                    class="goal__more"
                    node_ref=details_button_ref
                    title="Details"
                    aria-expanded=move || showing_details.get().to_string()
                    aria-controls=details_id.clone()
                    on:click=move |_| set_showing_details.update(|open| *open = !*open)
                >
                    <span aria-hidden="true">"⋯"</span>
                    <span class="visually-hidden">{move || format!("Details of {}", display_title.get())}</span>
                </button>
            </div>
            <div class="goal__below">
                {summary_view}
                {move || showing_details.get().then(|| view! {
                    <GoalDetails
                        id=details_goal_id.clone()
                        row=row
                        panel_id=details_id.clone()
                        display_title=display_title
                        on_add=open_add_form
                    />
                })}
                {move || adding.get().then(|| view! {
                    <AddGoalForm
                        parent=Some(add_parent_id.clone())
                        level=GoalLevel::at_depth(row.with_untracked(|r| r.depth) + 1)
                        on_close=close_add_form
                        autofocus=true
                    />
                })}
            </div>
        </li>
    }
    .into_any()
}

/// A row's target date in a few words, so that a step's line below its
/// title stays one line on a phone: how near it is when it is pressing
/// ("Due in 3 days", "Overdue by 2 days"), else the date ("Due 22 May
/// 2028"). Details give both.
fn row_due_date(date: Date) -> impl IntoView {
    let due = Due::of(date, clock::today());
    let words = if due.is_pressing() {
        due.phrase()
    } else {
        format!("Due {}", date.short_label())
    };
    view! {
        <span class="due" class:due--pressing=due.is_pressing()>
            <time datetime=date.to_string()>{words}</time>
        </span>
    }
}

/// Whether a title wraps onto more than one line, from its height and the
/// height of a line.
fn wraps(field: &web_sys::HtmlTextAreaElement) -> bool {
    let Some(style) = window().get_computed_style(field).ok().flatten() else {
        return false;
    };
    let pixels = |property: &str| {
        style
            .get_property_value(property)
            .ok()
            .and_then(|value| value.trim_end_matches("px").parse::<f64>().ok())
    };
    let (Some(line), Some(top), Some(bottom)) = (
        pixels("line-height"),
        pixels("padding-top"),
        pixels("padding-bottom"),
    ) else {
        return false;
    };
    let text_height = f64::from(field.scroll_height()) - top - bottom;
    text_height > line * 1.5
}

/// Whether the browser sizes a field to its text from the style sheet
/// (`field-sizing: content`), asked once.
fn browser_fits_fields_to_text() -> bool {
    thread_local! {
        static FITS: bool = document()
            .body()
            .map(|body| js_sys::Reflect::has(&body.style(), &"fieldSizing".into()).unwrap_or(false))
            .unwrap_or(false);
    }
    FITS.with(|fits| *fits)
}

/// Sizes a title field to its text where the browser cannot do it from the
/// style sheet (`field-sizing: content`, which Chromium has): without it, a
/// field of one row would hide the rest of a title that wraps.
fn fit_to_text(field: &web_sys::HtmlTextAreaElement) {
    if browser_fits_fields_to_text() {
        return;
    }
    let style = web_sys::HtmlElement::style(field);
    let _ = style.set_property("height", "auto");
    let border = f64::from(field.offset_height() - field.client_height());
    let height = f64::from(field.scroll_height()) + border;
    let _ = style.set_property("height", &format!("{height}px"));
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
    rows: GoalRows,
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
            let (title, parent_before) = store.with_untracked(|plan| title_and_parent(plan, id));
            match store.update_named(|plan, now| indent_goal(plan, id, now), |_| moved(&title)) {
                Ok(Ok(true)) => {
                    // Show the goal in its new place, even if that branch was collapsed.
                    let (_, new_parent) = store.with_untracked(|plan| title_and_parent(plan, id));
                    if let Some((new_parent, parent_title)) = new_parent {
                        if Some(&new_parent) != parent_before.as_ref().map(|(id, _)| id) {
                            list_state.set_collapsed(&new_parent, false);
                        }
                        store.announce(format!(
                            "{} is now under {}.",
                            quoted(&title),
                            quoted(&parent_title)
                        ));
                    }
                    list_state.focus_title(id);
                }
                // First among its siblings, or too deep: the caret stays,
                // and the person hears why, and how to leave the title.
                Ok(Ok(false)) => store.announce(format!(
                    "{} has no goal above it at its level to go under. {LEAVE_TITLE}",
                    quoted(&title)
                )),
                Ok(Err(GoalError::TooDeep)) => store.announce(format!(
                    "{} can't go deeper: goals nest {} levels deep at most (long-term goal, short-term goal, step, sub-step). {LEAVE_TITLE}",
                    quoted(&title),
                    MAX_DEPTH + 1
                )),
                // A refusal the store announced, or a goal no longer there.
                _ => {}
            }
            true
        }
        OutlinerCommand::Outdent => {
            let (title, parent) = store.with_untracked(|plan| title_and_parent(plan, id));
            match store.update_named(|plan, now| outdent_goal(plan, id, now), |_| moved(&title)) {
                Ok(Ok(true)) => {
                    if let Some((_, parent_title)) = parent {
                        store.announce(format!(
                            "{} is no longer under {}.",
                            quoted(&title),
                            quoted(&parent_title)
                        ));
                    }
                    list_state.focus_title(id);
                }
                Ok(Ok(false)) => store.announce(format!(
                    "{} is a long-term goal already. {LEAVE_TITLE}",
                    quoted(&title)
                )),
                _ => {}
            }
            true
        }
        OutlinerCommand::MoveUp | OutlinerCommand::MoveDown => {
            let offset = if command == OutlinerCommand::MoveUp {
                -1
            } else {
                1
            };
            let (title, _) = store.with_untracked(|plan| title_and_parent(plan, id));
            if let Ok(Ok(true)) = store.update_named(
                |plan, now| shift_goal(plan, id, offset, now),
                |_| moved(&title),
            ) {
                list_state.focus_title(id);
            }
            true
        }
        OutlinerCommand::FocusPrevious | OutlinerCommand::FocusNext => {
            let below = command == OutlinerCommand::FocusNext;
            match rows.neighbour(id, below) {
                Some(neighbour) => {
                    let focused = list_state.focus_goal(&neighbour);
                    // Going up, the caret comes into a title at its end (the
                    // next ↑ goes through its lines); going down, at its start.
                    if let Some(field) = title_field(&neighbour)
                        .and_then(|field| field.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
                    {
                        let at = if below {
                            0
                        } else {
                            field.value().encode_utf16().count() as u32
                        };
                        let _ = field.set_selection_range(at, at);
                    }
                    focused
                }
                None => false,
            }
        }
        OutlinerCommand::RemoveEmpty => {
            let next = rows.after_removal(id);
            remove_with_undo(store, id);
            if let Some(next) = next {
                list_state.focus_goal(&next);
            }
            true
        }
        OutlinerCommand::ToggleDone => {
            let done = store
                .with_untracked(|plan| plan.goal(id).map(|goal| goal.status == GoalStatus::Done));
            done.is_some_and(|done| store.set_done(id, !done).is_some())
        }
    }
}

/// What Tab and Shift+Tab say when the goal cannot move that way.
const LEAVE_TITLE: &str = "To leave the title, press Esc, then Tab.";

/// A goal's title, and its parent's id and title (if it has one).
fn title_and_parent(plan: &crate::domain::plan::Plan, id: &Id) -> (String, Option<(Id, String)>) {
    let goal = plan.goal(id);
    let title = goal.map(|goal| goal.title.clone()).unwrap_or_default();
    let parent = goal
        .and_then(|goal| goal.parent.as_ref())
        .and_then(|parent| plan.goal(parent))
        .map(|parent| (parent.id.clone(), parent.title.clone()));
    (title, parent)
}

/// The history's name for a goal moved in the outline.
fn moved(title: &str) -> StepLabel {
    StepLabel::Moved {
        title: title.trim().to_owned(),
    }
}

/// A goal's details: adding under it and removing it, its status, target
/// date, notes and moves.
#[component]
fn GoalDetails(
    id: Id,
    row: RwSignal<RowData>,
    panel_id: String,
    /// The title as the row shows it, to name the buttons by.
    display_title: Memo<String>,
    /// Opens the form that adds a goal under this one.
    on_add: Callback<()>,
) -> impl IntoView {
    let store = use_plan_store();
    let list_state = expect_context::<GoalListState>();
    let rows = expect_context::<GoalRows>();
    let status = move || row.with(|r| r.goal.status);
    let depth = move || row.with(|r| r.depth);
    // The caret goes to the row above, or the one that takes the removed
    // goal's place: the button pressed goes with its row.
    let remove = {
        let id = id.clone();
        move |_| {
            let next = rows.after_removal(&id);
            remove_with_undo(store, &id);
            if let Some(next) = next {
                list_state.focus_goal(&next);
            }
        }
    };
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
            run_outliner_command(store, list_state, rows, &id, command);
        }
    };

    view! {
        <div class="goal__details" id=panel_id.clone()>
            <div class="button-row goal__actions">
                {move || (depth() < MAX_DEPTH).then(|| view! {
                    <button type="button" class="button button--small" on:click=move |_| on_add.run(())>
                        {format!("Add {}", GoalLevel::at_depth(depth()).child_label())}
                        <span class="visually-hidden">{move || format!(" under {}", display_title.get())}</span>
                    </button>
                })}
                <button type="button" class="button button--small button--danger" on:click=remove>
                    "Remove"
                    <span class="visually-hidden">{move || format!(" {}", display_title.get())}</span>
                </button>
            </div>
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
