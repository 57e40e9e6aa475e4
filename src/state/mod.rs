//! The one store of the plan, created in `App` and shared by context.
//!
//! It is split by concern:
//! - `editor`: the rules every change goes through (one clock reading per
//!   change, a step of the one history, the change log, the integrity
//!   rules), plain Rust tested on the host;
//! - `history` and `changes`: the undo history and the change log it keeps;
//! - `autosave`: writing the plan to storage, and following other tabs;
//! - `download_record`: when the plan was last downloaded.
//!
//! This file is the reactive face of the editor: the plan's signal, and the
//! history's latest steps for the buttons and notices built on them.

mod autosave;
mod changes;
mod download_record;
mod editor;
mod history;
// Property tests run on the host only (proptest is a host dev-dependency).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod model_tests;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod sync_tests;

pub use autosave::{Recovery, SaveState, SAVE_DELAY};
pub use editor::Refused;
pub use history::{quoted, Latest, Replacement, StepId, StepInfo, StepLabel};

use crate::clock;
use crate::domain::plan::{Goal, GoalStatus, Id, Plan, Vision};
use crate::persistence::{self, LoadOutcome};
use autosave::Autosave;
use download_record::DownloadRecord;
use editor::{Done, Editor};
use leptos::prelude::*;

/// The plan and the state around it. `Copy`, so any closure can hold it.
#[derive(Clone, Copy)]
pub struct PlanStore {
    plan: RwSignal<Plan>,
    /// Everything that changes the plan goes through it; kept beside the
    /// signal, so that the history is never read by the view directly.
    editor: StoredValue<Editor<web_sys::Element>>,
    /// The latest step each way, for undo, redo and the notices.
    latest: RwSignal<Latest>,
    /// What the live region last said: "Undone: …", "Marked done: …".
    announcement: RwSignal<Option<String>>,
    autosave: Autosave,
    download_record: DownloadRecord,
}

/// The text field being typed in, when the change comes from typing (an
/// `input` event in the focused field); not for keys such as Enter or Tab
/// that act on the plan from inside a field.
fn typing_field() -> Option<web_sys::Element> {
    let event = js_sys::Reflect::get(&window(), &"event".into()).ok()?;
    let event_type = js_sys::Reflect::get(&event, &"type".into())
        .ok()?
        .as_string()?;
    if event_type != "input" {
        return None;
    }
    let element = document().active_element()?;
    let tag = element.tag_name();
    let typing = tag.eq_ignore_ascii_case("textarea")
        || (tag.eq_ignore_ascii_case("input")
            && matches!(
                element.get_attribute("type").as_deref(),
                None | Some("text" | "search" | "url" | "email" | "date" | "number")
            ));
    typing.then_some(element)
}

impl PlanStore {
    /// Loads the saved plan (once) and starts autosaving.
    pub fn load_and_autosave() -> Self {
        let store = Self::from_outcome(crate::perf::measure(
            "waypoint:load",
            persistence::load_plan,
        ));
        store.autosave.start(store);
        // A field edit ends when the focus moves.
        window_event_listener(leptos::ev::focusin, move |_| {
            store.editor.update_value(Editor::end_typing);
        });
        store
    }

    /// The store for what storage held, without autosave (components' tests use this).
    pub fn from_outcome(outcome: LoadOutcome) -> Self {
        let (plan, autosave) = Autosave::from_outcome(outcome);
        // The plan carries the times this device stamped on earlier visits.
        clock::observe(&plan);
        Self {
            plan: RwSignal::new(plan),
            editor: StoredValue::new(Editor::default()),
            latest: RwSignal::new(Latest::default()),
            announcement: RwSignal::new(None),
            autosave,
            download_record: DownloadRecord::read(),
        }
    }

    /// Reads the plan, tracking it.
    pub fn with<R>(&self, read: impl FnOnce(&Plan) -> R) -> R {
        self.plan.with(read)
    }

    pub fn with_untracked<R>(&self, read: impl FnOnce(&Plan) -> R) -> R {
        self.plan.with_untracked(read)
    }

    /// Changes the plan. `change` gets the change's time, the one reading of
    /// the clock for it, to stamp whatever it stamps; the store stamps the
    /// plan with the same. Autosave follows, and undo can take it back. A
    /// change that would break the plan is refused, said, and never saved.
    pub fn update<R>(&self, change: impl FnOnce(&mut Plan, Timestamp) -> R) -> Result<R, Refused> {
        self.update_named(change, |_| StepLabel::Edit)
    }

    /// Like [`update`](Self::update), naming the history step from the
    /// change's result (a removal, say), for the notices that offer to undo it.
    pub fn update_named<R>(
        &self,
        change: impl FnOnce(&mut Plan, Timestamp) -> R,
        name: impl FnOnce(&R) -> StepLabel,
    ) -> Result<R, Refused> {
        let editing = typing_field();
        self.apply(|editor, plan, now| editor.change(plan, name, editing, now, change))
    }

    /// Changes goal `id`'s own fields (its words, status or dates). `edit`
    /// gets that goal alone, and the change's time. Cheaper than
    /// [`update`](Self::update) on a plan of thousands: the history keeps
    /// the goal, the goal list redraws its row and those above it, the save
    /// writes that goal afresh. `None` when the goal is gone.
    pub fn edit_goal<R>(
        &self,
        id: &Id,
        edit: impl FnOnce(&mut Goal, Timestamp) -> R,
    ) -> Result<Option<R>, Refused> {
        self.edit_goal_named(id, StepLabel::Edit, edit)
    }

    /// Like [`edit_goal`](Self::edit_goal), with a name for the step.
    pub fn edit_goal_named<R>(
        &self,
        id: &Id,
        label: StepLabel,
        edit: impl FnOnce(&mut Goal, Timestamp) -> R,
    ) -> Result<Option<R>, Refused> {
        let editing = typing_field();
        self.apply(|editor, plan, now| editor.edit_goal(plan, id, label, editing, now, edit))
    }

    /// Marks step `id` done, as a step of the history named for it (what
    /// Next step's "Mark done" and the X shortcut do, so that their notice
    /// can show it and undo it). Returns the step's title.
    pub fn mark_step_done(&self, id: &Id) -> Option<String> {
        self.set_done(id, true)
    }

    /// Marks goal `id` done, or open again, as a step of the history named
    /// for it ("marking … done", "opening … again"): its box, Ctrl+Enter,
    /// Next step's "Mark done" and the X shortcut. Returns the goal's title
    /// when it changed.
    pub fn set_done(&self, id: &Id, done: bool) -> Option<String> {
        let title =
            self.with_untracked(|plan| plan.goal(id).map(|goal| goal.title.trim().to_owned()))?;
        let (status, label) = if done {
            let label = StepLabel::MarkedDone {
                title: title.clone(),
            };
            (GoalStatus::Done, label)
        } else {
            let label = StepLabel::Reopened {
                title: title.clone(),
            };
            (GoalStatus::Open, label)
        };
        self.edit_goal_named(id, label, |goal, now| goal.set_status(status, now))
            .ok()??;
        Some(title)
    }

    /// Changes the vision, stamping it with the change's own time so a merge
    /// can tell which side rewrote it last.
    pub fn edit_vision<R>(&self, edit: impl FnOnce(&mut Vision, Timestamp) -> R) -> R {
        let editing = typing_field();
        self.apply(|editor, plan, now| Ok(editor.edit_vision(plan, editing, now, edit)))
            .expect("a vision edit is never refused")
    }

    /// Puts a whole new plan in place of the current one, as a step of the
    /// history (undo brings the current one back).
    /// `None` when the new plan is the same as the current one.
    pub fn replace(&self, plan: Plan, how: Replacement) -> Result<Option<StepId>, Refused> {
        // Changes from now on are stamped after anything the plan holds.
        clock::observe(&plan);
        self.apply(|editor, current, _| {
            editor
                .replace(current, plan, how)
                .map(|step| Done { result: step, step })
        })
    }

    /// Runs one change through the editor with one reading of the clock,
    /// tells the plan's readers only when it changed something, and says so
    /// when it was refused.
    fn apply<R>(
        &self,
        change: impl FnOnce(
            &mut Editor<web_sys::Element>,
            &mut Plan,
            Timestamp,
        ) -> Result<Done<R>, Refused>,
    ) -> Result<R, Refused> {
        let now = clock::stamp();
        let mut outcome = None;
        self.plan.maybe_update(|plan| {
            let done = self
                .editor
                .try_update_value(|editor| change(editor, plan, now))
                .expect("the store lives as long as the app");
            let changed = matches!(done, Ok(Done { step: Some(_), .. }));
            outcome = Some(done);
            changed
        });
        self.refresh_latest();
        match outcome.expect("the change ran") {
            Ok(done) => Ok(done.result),
            Err(refused) => {
                self.announce(refused.to_string());
                Err(refused)
            }
        }
    }

    /// A number that grows with every change of the plan (untracked).
    pub fn revision(&self) -> u64 {
        self.editor.with_value(|editor| editor.log().revision())
    }

    /// How many times a whole plan took the place of the last one
    /// (untracked): views that keep their own state for a plan, such as
    /// which branches of the goal list are open, start afresh when it moves.
    pub fn replacements(&self) -> u64 {
        self.editor.with_value(|editor| editor.log().replacements())
    }

    /// The goals changed since `revision`, when every change since then was
    /// to one goal's own fields; `None` when anything else may have changed.
    pub fn goals_edited_since(&self, revision: u64) -> Option<Vec<Id>> {
        self.editor
            .with_value(|editor| editor.log().goals_edited_since(revision))
    }

    fn refresh_latest(&self) {
        let latest = self.editor.with_value(Editor::latest);
        self.latest.maybe_update(|shown| {
            let changed = *shown != latest;
            *shown = latest;
            changed
        });
    }

    /// The latest step each way: what Undo and Redo act on, and what a
    /// notice such as "Removed …" shows while its step is the latest.
    pub fn latest(&self) -> ReadSignal<Latest> {
        self.latest.read_only()
    }

    /// What the live region says: the result of a shortcut or an undo.
    pub fn announcement(&self) -> ReadSignal<Option<String>> {
        self.announcement.read_only()
    }

    pub fn announce(&self, words: impl Into<String>) {
        self.announcement.set(Some(words.into()));
    }

    /// Takes back the latest change. Steps that changed nothing are skipped.
    pub fn undo(&self) -> bool {
        self.step_through_history(|editor, plan, now| editor.undo(plan, now), "Undone")
    }

    /// Makes the latest undone change again.
    pub fn redo(&self) -> bool {
        self.step_through_history(|editor, plan, now| editor.redo(plan, now), "Redone")
    }

    /// Undoes step `id`, only while it is the latest change: a notice's Undo.
    pub fn undo_step(&self, id: StepId) -> bool {
        self.step_through_history(
            |editor, plan, now| editor.undo_step(plan, id, now),
            "Undone",
        )
    }

    /// Redoes step `id`, only while it is the latest change undone.
    pub fn redo_step(&self, id: StepId) -> bool {
        self.step_through_history(
            |editor, plan, now| editor.redo_step(plan, id, now),
            "Redone",
        )
    }

    fn step_through_history(
        &self,
        step: impl FnOnce(&mut Editor<web_sys::Element>, &mut Plan, Timestamp) -> Option<StepInfo>,
        done_word: &str,
    ) -> bool {
        // An undo is a change too, stamped with its own time.
        let now = clock::stamp();
        let mut stepped = None;
        self.plan.maybe_update(|plan| {
            stepped = self
                .editor
                .try_update_value(|editor| step(editor, plan, now))
                .flatten();
            stepped.is_some()
        });
        self.refresh_latest();
        match stepped {
            Some(info) => {
                self.announce(format!("{done_word}: {}", info.label.describe()));
                true
            }
            None => false,
        }
    }

    /// Ends the current typing step: the next change starts a new one.
    pub fn end_typing_step(&self) {
        self.editor.update_value(Editor::end_typing);
    }
}

use crate::domain::calendar::Timestamp;

/// The store given out by `App`.
pub fn use_plan_store() -> PlanStore {
    expect_context::<PlanStore>()
}
