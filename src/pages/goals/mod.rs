//! The goal tree, edited like an outliner: long-term goals, short-term goals
//! and steps.

pub mod item;
pub mod keys;
pub mod list;
mod rows;
mod windowing;

use crate::clock;
use crate::domain::goals::{add_goal, GoalLevel, GoalTree, NewGoal};
use crate::domain::plan::{Id, Plan};
use crate::routing::Section;
use crate::state::{quoted, use_plan_store, PlanStore, StepId, StepInfo, StepLabel};
use leptos::html;
use leptos::prelude::*;
use list::GoalList;
use rows::GoalRows;
use std::collections::HashSet;

/// How the goal list is shown. Created once in `App`, so collapsed branches
/// and the filter survive a visit to another section.
#[derive(Clone, Copy)]
pub struct GoalListState {
    collapsed: RwSignal<HashSet<Id>>,
    hide_finished: RwSignal<bool>,
    /// The goal being dragged with the mouse, if any.
    dragging: RwSignal<Option<Id>>,
    /// A title waiting for the caret once the list is redrawn. Not a signal:
    /// rows check it when they mount, without subscribing to it.
    pending_focus: StoredValue<Option<Id>>,
    /// A goal the list is to bring on screen (and so draw) when it next
    /// lays itself out: the list draws only the rows near the screen.
    scroll_request: RwSignal<Option<Id>>,
    /// The store's count of whole-plan replacements this view was set up
    /// for: a plan that replaced the last one starts from its own view.
    replacements_seen: StoredValue<u64>,
    /// Esc was the last key pressed in a title: the next Tab or Shift+Tab
    /// moves the focus on, as it does everywhere else, instead of indenting.
    tab_moves_focus: StoredValue<bool>,
}

/// Above this many goals, the list opens with every branch collapsed, so
/// the first view draws the long-term goals rather than the whole plan.
pub const LARGE_PLAN_GOALS: usize = 150;

impl GoalListState {
    pub fn new() -> Self {
        Self {
            collapsed: RwSignal::new(HashSet::new()),
            hide_finished: RwSignal::new(false),
            dragging: RwSignal::new(None),
            pending_focus: StoredValue::new(None),
            scroll_request: RwSignal::new(None),
            replacements_seen: StoredValue::new(0),
            tab_moves_focus: StoredValue::new(false),
        }
    }

    /// Moves the caret to a goal's title once the list has been redrawn. A
    /// row made for the goal (after Enter, an indent or an undo, or drawn
    /// when the list brings it on screen) takes it as it mounts. A row that
    /// was only moved loses focus when the list moves it, so the caret is put
    /// back in each of the next few microtasks (the redraw runs in them,
    /// before the next key arrives) and once more at each of the next two
    /// frames (the list draws a row it scrolls to in the first), the second
    /// of which ends the request.
    fn focus_title(&self, id: &Id) {
        self.pending_focus.set_value(Some(id.clone()));
        self.scroll_request.set(Some(id.clone()));
        let state = *self;
        let refocus = move || {
            // The page may be gone by then.
            let Some(id) = state.pending_focus.try_get_value().flatten() else {
                return;
            };
            if let Some(field) = title_field(&id) {
                if document().active_element().as_deref() != Some(field.as_ref()) {
                    let _ = field.focus();
                }
            }
        };
        fn in_microtasks(hops: u8, refocus: impl Fn() + Copy + 'static) {
            queue_microtask(move || {
                refocus();
                if hops > 1 {
                    in_microtasks(hops - 1, refocus);
                }
            });
        }
        in_microtasks(8, refocus);
        request_animation_frame(move || {
            refocus();
            request_animation_frame(move || {
                refocus();
                let _ = state.pending_focus.try_set_value(None);
            });
        });
    }

    /// Puts the caret in a goal's title: at once if its row is drawn, or
    /// once the list has brought it on screen.
    fn focus_goal(&self, id: &Id) -> bool {
        match title_field(id) {
            Some(field) => field.focus().is_ok(),
            None => {
                self.focus_title(id);
                true
            }
        }
    }

    /// Takes the goal the list is to bring on screen, if any.
    fn take_scroll_request(&self) -> Option<Id> {
        let request = self.scroll_request.try_get_untracked().flatten();
        if request.is_some() {
            self.scroll_request
                .update_untracked(|request| *request = None);
        }
        request
    }

    /// A title waiting for the caret gives it up once the person presses a
    /// key or a pointer anywhere but in a goal's title: they have moved on
    /// (to the page, a button, another field), and the caret stays with
    /// them. Listens while the Goals page is shown, in the capture phase, so
    /// that the key or click that asks for the caret comes before its ask.
    fn withdraw_focus_when_the_person_acts_elsewhere(&self) {
        let state = *self;
        let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(
            move |event: web_sys::Event| {
                let in_title = event
                    .target()
                    .and_then(|target| {
                        wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(target).ok()
                    })
                    .is_some_and(|target| target.class_list().contains("goal__title"));
                if !in_title {
                    let _ = state.pending_focus.try_set_value(None);
                }
            },
        );
        let window = window();
        for kind in ["keydown", "pointerdown"] {
            let _ = window.add_event_listener_with_callback_and_bool(
                kind,
                wasm_bindgen::JsCast::unchecked_ref(listener.as_ref()),
                true,
            );
        }
        let listener = StoredValue::new_local(listener);
        on_cleanup(move || {
            listener.try_with_value(|listener| {
                for kind in ["keydown", "pointerdown"] {
                    let _ = window.remove_event_listener_with_callback_and_bool(
                        kind,
                        wasm_bindgen::JsCast::unchecked_ref(listener.as_ref()),
                        true,
                    );
                }
            });
        });
    }

    /// Whether a newly mounted row for `id` should take the caret.
    fn take_pending_focus(&self, id: &Id) -> bool {
        let wanted = self
            .pending_focus
            .with_value(|pending| pending.as_ref() == Some(id));
        if wanted {
            self.pending_focus.set_value(None);
        }
        wanted
    }

    /// The starting view for a plan: large plans start collapsed.
    pub fn for_plan(plan: &Plan) -> Self {
        let state = Self::new();
        state.start_over(plan);
        state
    }

    /// Back to the starting view if a whole plan replaced the last one (an
    /// import, a merge, starting over, or the undo of one) since this view
    /// last looked. Before the rows are laid out, so a
    /// large plan arriving never draws its thousands of rows open.
    fn follow_replacements(&self, store: PlanStore) {
        let replacements = store.replacements();
        if self.replacements_seen.get_value() != replacements {
            self.replacements_seen.set_value(replacements);
            store.with_untracked(|plan| self.start_over(plan));
        }
    }

    /// Back to the starting view.
    fn start_over(&self, plan: &Plan) {
        let collapsed = if plan.goals.len() > LARGE_PLAN_GOALS {
            parents(plan)
        } else {
            HashSet::new()
        };
        self.collapsed.set(collapsed);
    }

    /// Opens every branch. The list draws what comes on screen, so this is
    /// one frame's work on a plan of thousands.
    pub fn expand_all(&self) {
        self.collapsed.update(HashSet::clear);
    }

    /// Closes every branch.
    pub fn collapse_all(&self, plan: &Plan) {
        self.collapsed.set(parents(plan));
    }

    /// Shows a goal wherever it is (its branches opened, finished goals shown
    /// if it is one) and puts the caret in its title.
    pub fn reveal(&self, plan: &Plan, id: &Id) {
        let tree = GoalTree::new(plan);
        let Some(goal) = tree.get(id) else {
            return;
        };
        if !goal.status.is_active() {
            self.hide_finished.set(false);
        }
        let ancestors: Vec<Id> = tree.ancestors(id).iter().map(|a| a.id.clone()).collect();
        self.collapsed.update(|set| {
            for ancestor in &ancestors {
                set.remove(ancestor);
            }
        });
        // Focusing the title scrolls it into view.
        self.focus_title(id);
        crate::focus::focus_when_shown(title_field_id(id));
    }

    fn set_collapsed(&self, id: &Id, collapsed: bool) {
        self.collapsed.update(|set| {
            if collapsed {
                set.insert(id.clone());
            } else {
                set.remove(id);
            }
        });
    }
}

impl Default for GoalListState {
    fn default() -> Self {
        Self::new()
    }
}

/// The goals with something under them, each once (a plan of 6,000 goals
/// has about 1,000).
fn parents(plan: &Plan) -> HashSet<Id> {
    let parents: HashSet<&Id> = plan
        .goals
        .iter()
        .filter_map(|goal| goal.parent.as_ref())
        .collect();
    parents.into_iter().cloned().collect()
}

/// Finds a goal's title field, if it is on screen.
fn title_field(id: &Id) -> Option<web_sys::HtmlElement> {
    document()
        .get_element_by_id(&title_field_id(id))
        .and_then(|element| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element).ok())
}

/// The id of a goal's title field.
pub fn title_field_id(id: &Id) -> String {
    format!("goal-title-{id}")
}

#[component]
pub fn GoalsPage() -> impl IntoView {
    let store = use_plan_store();
    let list_state = expect_context::<GoalListState>();
    let rows = GoalRows::new(store, list_state);
    provide_context(rows);
    // Memos, so typing in a title (which changes the plan) redraws neither.
    let has_goals = Memo::new(move |_| store.with(|plan| !plan.goals.is_empty()));
    let vision = Memo::new(move |_| store.with(|plan| plan.vision.statement.trim().to_owned()));
    let finished_count = Memo::new(move |_| {
        store.with(|plan| plan.goals.iter().filter(|g| !g.status.is_active()).count())
    });
    list_state.withdraw_focus_when_the_person_acts_elsewhere();

    view! {
        <div class="page page--goals">
            <header class="page-header">
                <h1>"Goals"</h1>
                <p class="lede">
                    "Break your vision into long-term goals, short-term goals under them, and steps you can take this week."
                </p>
            </header>
            {move || {
                let vision = vision.get();
                if vision.is_empty() {
                    view! {
                        <p class="hint-card">
                            "Goals work best under a vision. "
                            <a href=Section::Vision.href()>"Write your vision first"</a>
                            ", or start with a goal you already know."
                        </p>
                    }
                    .into_any()
                } else {
                    view! {
                        <p class="vision-banner">
                            <span class="vision-banner__label">"Your vision"</span>
                            <span class="vision-banner__text">{vision}</span>
                        </p>
                    }
                    .into_any()
                }
            }}
            <AddGoalForm parent=None level=GoalLevel::LongTerm/>
            <RemovalUndoNotice/>
            <Show
                when=move || has_goals.get()
                fallback=|| {
                    view! {
                        <p class="empty-state">
                            "No goals yet. What is one big thing that would move you toward your vision in the next few years?"
                        </p>
                    }
                }
            >
                <div class="goal-toolbar">
                    <label class="toggle">
                        <input
                            type="checkbox"
                            prop:checked=move || list_state.hide_finished.get()
                            on:change=move |event| list_state.hide_finished.set(event_target_checked(&event))
                        />
                        {move || format!("Hide done and dropped ({})", finished_count.get())}
                    </label>
                    <div class="button-row">
                        <button
                            type="button"
                            class="button button--small button--quiet"
                            on:click=move |_| list_state.expand_all()
                        >
                            "Expand all"
                        </button>
                        <button
                            type="button"
                            class="button button--small button--quiet"
                            on:click=move |_| store.with_untracked(|plan| list_state.collapse_all(plan))
                        >
                            "Collapse all"
                        </button>
                    </div>
                    <details class="keys-help">
                        <summary>"Keyboard"</summary>
                        <dl>
                            <dt>"Enter"</dt>
                            <dd>"new goal below"</dd>
                            <dt>"Tab / Shift+Tab"</dt>
                            <dd>"indent / outdent"</dd>
                            <dt>"Alt+↑ / Alt+↓"</dt>
                            <dd>"move up / down"</dd>
                            <dt>"↑ / ↓"</dt>
                            <dd>"previous / next goal"</dd>
                            <dt>"Ctrl+Enter"</dt>
                            <dd>"mark done"</dd>
                            <dt>"Backspace on an empty title"</dt>
                            <dd>"remove it (you can undo)"</dd>
                        </dl>
                    </details>
                </div>
                <GoalList/>
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
        match store.update(|plan, now| add_goal(plan, new_goal, now)) {
            Ok(Ok(())) => {
                set_title.set(String::new());
                set_problem.set(None);
                // Stay open, ready for the next sibling.
                if let Some(input) = input_ref.get_untracked() {
                    let _ = input.focus();
                }
            }
            Ok(Err(error)) => set_problem.set(Some(error.to_string())),
            Err(refused) => set_problem.set(Some(refused.to_string())),
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

/// "Removed X. Undo removal" while a removal is the latest change, and
/// "X is back. Redo removal" while it is the latest change undone: a view of
/// that step of the history, so it acts on the step itself, once.
#[component]
fn RemovalUndoNotice() -> impl IntoView {
    let store = use_plan_store();
    let list_state = expect_context::<GoalListState>();
    let latest = store.latest();
    let removal = |step: &Option<StepInfo>| match step {
        Some(StepInfo {
            id,
            label: StepLabel::Removal { goal, title, count },
        }) => Some((*id, goal.clone(), title.clone(), *count)),
        _ => None,
    };
    // "Dismiss" puts a notice away (the removal's step, and whether it
    // offered Undo or Redo); the next removal, undo or redo brings its own.
    let dismissed = RwSignal::new(None::<(StepId, bool)>);
    let dismiss_button = move |step: StepId, undoing: bool| {
        view! {
            <button type="button" class="button button--small button--quiet" on:click=move |_| dismissed.set(Some((step, undoing)))>
                "Dismiss"
            </button>
        }
    };
    let notice = move || {
        let (undo, redo) = latest.with(|latest| (removal(&latest.undo), removal(&latest.redo)));
        let shown = |found: &Option<(StepId, Id, String, usize)>, undoing: bool| {
            found
                .as_ref()
                .is_some_and(|(step, ..)| dismissed.get() != Some((*step, undoing)))
        };
        if shown(&undo, true) {
            let (step, goal, title, count) = undo?;
            let undo = move |_| {
                if store.undo_step(step) {
                    list_state.focus_title(&goal);
                }
            };
            return Some(
                view! {
                    <p class="undo-notice">
                        <span class="undo-notice__words">{describe_removal(&title, count)}</span>
                        <span class="undo-notice__actions">
                            <button type="button" class="button button--small" on:click=undo>
                                "Undo removal"
                            </button>
                            {dismiss_button(step, true)}
                        </span>
                    </p>
                }
                .into_any(),
            );
        }
        if !shown(&redo, false) {
            return None;
        }
        redo.map(|(step, _, title, _)| {
            view! {
                <p class="undo-notice">
                    <span class="undo-notice__words">{format!("{} is back.", quoted(&title))}</span>
                    <span class="undo-notice__actions">
                        <button type="button" class="button button--small" on:click=move |_| { store.redo_step(step); }>
                            "Redo removal"
                        </button>
                        {dismiss_button(step, false)}
                    </span>
                </p>
            }.into_any()
        })
    };
    view! { <div class="undo-slot" role="status">{notice}</div> }
}

fn describe_removal(title: &str, count: usize) -> String {
    let quoted = quoted(title);
    match count {
        1 => format!("Removed {quoted}."),
        2 => format!("Removed {quoted} and 1 item under it."),
        _ => format!("Removed {quoted} and {} items under it.", count - 1),
    }
}
