//! The one store of the plan, created in `App` and shared by context, and the
//! autosave that keeps localStorage in step with it.

use crate::clock;
use crate::domain::calendar::Timestamp;
use crate::domain::format::{parse_plan, StorageText};
use crate::domain::goals::RemovedGoals;
use crate::domain::plan::{Goal, Id, Plan};
use crate::domain::safekeeping::snooze_until;
use crate::persistence::{self, ExportRecord, LoadOutcome, SaveError, UnreadablePlan};
use leptos::prelude::*;
use std::collections::VecDeque;
use std::time::Duration;

/// How long typing must pause before the plan is written.
pub const SAVE_DELAY: Duration = Duration::from_millis(500);

/// Where the plan stands against what is stored.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    Saved,
    /// Changed; a save is scheduled.
    Pending,
    Failed(SaveError),
    /// Saved data could not be backed up, so saving would destroy it.
    Blocked,
}

/// The plan and the state around it. `Copy`, so any closure can hold it.
#[derive(Clone, Copy)]
pub struct PlanStore {
    plan: RwSignal<Plan>,
    save_state: RwSignal<SaveState>,
    /// Saved data found unreadable at start, until the person dismisses the notice.
    recovery: RwSignal<Option<UnreadablePlan>>,
    /// The last removed goals, for the undo notice.
    last_removed: RwSignal<Option<RemovedGoals>>,
    pending_save: StoredValue<Option<TimeoutHandle>>,
    /// A plan another tab saved while this one had unsaved changes.
    other_tab_plan: RwSignal<Option<Plan>>,
    /// The next change came from another tab and is already stored.
    skip_next_save: StoredValue<bool>,
    /// When the plan was last downloaded, for the reminder to keep a copy.
    export_record: RwSignal<ExportRecord>,
    /// Earlier and undone versions of the plan, for undo and redo.
    history: StoredValue<History>,
    /// What undo and redo can do now, for their buttons.
    can_undo: RwSignal<bool>,
    can_redo: RwSignal<bool>,
    /// What the live region last said: "Undone", "Redone", "Marked done: …".
    announcement: RwSignal<Option<String>>,
    /// What the latest changes touched, for the goal list and the autosave.
    changes: StoredValue<ChangeLog>,
    /// The plan's storage text as last saved, and the revision it shows, so
    /// that a save after typing in a title writes that goal afresh.
    storage_text: StoredValue<(u64, StorageText)>,
}

/// What one change of the plan touched.
#[derive(Clone, Debug, PartialEq)]
enum Touched {
    /// One goal's own fields (its words, status or dates), not where it sits.
    OneGoal(Id),
    Anything,
}

/// The latest changes, numbered, so that a view or a save that deals with
/// thousands of goals can ask what changed since it last looked and redo
/// only that. Typing in one title makes one entry, however long it goes on.
#[derive(Default)]
struct ChangeLog {
    revision: u64,
    /// Each entry with the revision of its latest change.
    recent: VecDeque<(u64, Touched)>,
    /// The latest revision no longer in `recent`.
    forgotten: u64,
}

impl ChangeLog {
    /// A few dozen distinct changes between two looks is already a lot.
    const KEPT: usize = 32;

    fn note(&mut self, touched: Touched) {
        self.revision += 1;
        match self.recent.back_mut() {
            Some((at, latest)) if *latest == touched && touched != Touched::Anything => {
                *at = self.revision;
            }
            _ => self.recent.push_back((self.revision, touched)),
        }
        if self.recent.len() > Self::KEPT {
            if let Some((at, _)) = self.recent.pop_front() {
                self.forgotten = at;
            }
        }
    }

    fn goals_edited_since(&self, revision: u64) -> Option<Vec<Id>> {
        if revision < self.forgotten {
            // Forgotten: anything may have changed.
            return None;
        }
        let mut edited: Vec<Id> = Vec::new();
        for (_, touched) in self.recent.iter().filter(|(at, _)| *at > revision) {
            match touched {
                Touched::OneGoal(id) if !edited.contains(id) => edited.push(id.clone()),
                Touched::OneGoal(_) => {}
                Touched::Anything => return None,
            }
        }
        Some(edited)
    }
}

/// Undo and redo: for each change, what it changed as it was before.
///
/// Typing is one step per field edit: changes made while the same text field
/// keeps the focus extend the step it began; focusing anything else ends it.
#[derive(Default)]
struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// The text field whose edit the latest step holds, if any.
    editing: Option<web_sys::Element>,
}

/// What one undo or redo puts back.
#[derive(Clone, Debug, PartialEq)]
enum Step {
    /// The whole plan, for a change that could touch anything.
    Whole(Box<Plan>),
    /// One goal and the plan's change time, for a change to that goal's own
    /// fields: a toggle or a title typed on a plan of thousands of goals
    /// keeps one goal, not a copy of the plan.
    OneGoal {
        goal: Goal,
        updated_at: Option<Timestamp>,
    },
}

impl Step {
    /// The whole plans kept hold about this many goals in all...
    const GOALS_KEPT: usize = 50_000;
    /// ...and no more steps than this are kept, nor fewer than `FEWEST_STEPS`.
    const MOST_STEPS: usize = 100;
    const FEWEST_STEPS: usize = 5;

    /// The step that brings back what `touched` will change in `plan`.
    fn before(plan: &Plan, touched: &Touched) -> Self {
        match touched {
            Touched::OneGoal(id) => match plan.goal(id) {
                Some(goal) => Self::OneGoal {
                    goal: goal.clone(),
                    updated_at: plan.updated_at,
                },
                None => Self::Whole(Box::new(plan.clone())),
            },
            Touched::Anything => Self::Whole(Box::new(plan.clone())),
        }
    }

    /// Whether a further change that touches `touched` is undone with this step.
    fn covers(&self, touched: &Touched) -> bool {
        match (self, touched) {
            (Self::Whole(_), _) => true,
            (Self::OneGoal { goal, .. }, Touched::OneGoal(id)) => goal.id == *id,
            (Self::OneGoal { .. }, Touched::Anything) => false,
        }
    }

    fn weight(&self) -> usize {
        match self {
            Self::Whole(plan) => plan.goals.len() + 1,
            Self::OneGoal { .. } => 1,
        }
    }

    /// Puts this step back into `plan`. Returns the step that reverses it and
    /// what it touched, or `None` when it would change nothing.
    fn put_back(self, plan: &mut Plan) -> Option<(Self, Touched)> {
        match self {
            Self::Whole(version) if *version == *plan => None,
            Self::Whole(version) => Some((
                Self::Whole(Box::new(std::mem::replace(plan, *version))),
                Touched::Anything,
            )),
            Self::OneGoal { goal, updated_at } => {
                let id = goal.id.clone();
                let now = plan.goal_mut(&id).filter(|now| **now != goal)?;
                let goal_now = std::mem::replace(now, goal);
                let reverse = Self::OneGoal {
                    goal: goal_now,
                    updated_at: std::mem::replace(&mut plan.updated_at, updated_at),
                };
                Some((reverse, Touched::OneGoal(id)))
            }
        }
    }
}

impl History {
    /// Keeps what the change to come will touch, unless it continues typing
    /// in the field the latest step began in.
    fn record(&mut self, plan: &Plan, touched: &Touched, editing: Option<web_sys::Element>) {
        let continues = editing.is_some()
            && self.editing == editing
            && self.undo.last().is_some_and(|step| step.covers(touched));
        if !continues {
            self.undo.push(Step::before(plan, touched));
            self.forget_oldest();
        }
        self.editing = editing;
        self.redo.clear();
    }

    fn forget_oldest(&mut self) {
        let mut weight: usize = self.undo.iter().map(Step::weight).sum();
        let mut kept = self.undo.len();
        let mut forgotten = 0;
        for step in &self.undo {
            let too_heavy = weight > Step::GOALS_KEPT && kept > Step::FEWEST_STEPS;
            if kept <= Step::MOST_STEPS && !too_heavy {
                break;
            }
            weight -= step.weight();
            kept -= 1;
            forgotten += 1;
        }
        self.undo.drain(..forgotten);
    }

    /// Undoes (or redoes) the latest step that changes anything, in `plan`.
    /// Returns what it touched, or `None` when there was nothing to do.
    fn step(&mut self, plan: &mut Plan, backwards: bool) -> Option<Touched> {
        self.editing = None;
        let (from, to) = if backwards {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        while let Some(step) = from.pop() {
            if let Some((reverse, touched)) = step.put_back(plan) {
                to.push(reverse);
                return Some(touched);
            }
        }
        None
    }
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
        store.start_autosave();
        store
    }

    /// The store for what storage held, without autosave (components' tests use this).
    pub fn from_outcome(outcome: LoadOutcome) -> Self {
        let (plan, save_state, recovery) = match outcome {
            LoadOutcome::NothingSaved => (Plan::default(), SaveState::Saved, None),
            LoadOutcome::Loaded(plan) => (*plan, SaveState::Saved, None),
            LoadOutcome::Unreadable(unreadable) => {
                let state = if unreadable.backup_key.is_some() {
                    SaveState::Saved
                } else {
                    SaveState::Blocked
                };
                (Plan::default(), state, Some(unreadable))
            }
            // Every save would fail: say so from the start.
            LoadOutcome::StorageUnavailable { reason } => (
                Plan::default(),
                SaveState::Failed(SaveError::Refused { reason }),
                None,
            ),
        };
        Self {
            plan: RwSignal::new(plan),
            save_state: RwSignal::new(save_state),
            recovery: RwSignal::new(recovery),
            last_removed: RwSignal::new(None),
            pending_save: StoredValue::new(None),
            other_tab_plan: RwSignal::new(None),
            skip_next_save: StoredValue::new(false),
            export_record: RwSignal::new(persistence::export_record()),
            history: StoredValue::new(History::default()),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            announcement: RwSignal::new(None),
            changes: StoredValue::new(ChangeLog::default()),
            storage_text: StoredValue::new((0, StorageText::default())),
        }
    }

    /// Reads the plan, tracking it.
    pub fn with<R>(&self, read: impl FnOnce(&Plan) -> R) -> R {
        self.plan.with(read)
    }

    pub fn with_untracked<R>(&self, read: impl FnOnce(&Plan) -> R) -> R {
        self.plan.with_untracked(read)
    }

    /// Changes the plan and stamps the change; autosave follows, and undo can
    /// take it back.
    pub fn update<R>(&self, change: impl FnOnce(&mut Plan) -> R) -> R {
        self.change(Touched::Anything, change)
    }

    /// Like [`update`](Self::update), for a change to goal `id`'s own fields
    /// (its words, status or dates; not where it sits, nor any other goal), so
    /// the goal list redraws that goal's row and the rows above it rather
    /// than looking at every row. Debug builds check the promise.
    pub fn update_goal<R>(&self, id: &Id, change: impl FnOnce(&mut Plan) -> R) -> R {
        #[cfg(debug_assertions)]
        let before = self.plan.with_untracked(Plan::clone);
        let result = self.change(Touched::OneGoal(id.clone()), change);
        #[cfg(debug_assertions)]
        self.plan.with_untracked(|after| {
            let mut expected = before;
            if let (Some(was), Some(now)) = (expected.goal_mut(id), after.goal(id)) {
                if was.id == now.id && was.parent == now.parent {
                    *was = now.clone();
                }
            }
            expected.updated_at = after.updated_at;
            debug_assert!(
                expected == *after,
                "update_goal changed more than goal {id}'s own fields"
            );
        });
        result
    }

    fn change<R>(&self, touched: Touched, change: impl FnOnce(&mut Plan) -> R) -> R {
        self.record_undo_step(&touched, typing_field());
        let mut result = None;
        self.changes.update_value(|log| log.note(touched));
        self.plan.update(|plan| {
            result = Some(change(plan));
            plan.updated_at = Some(clock::now());
        });
        result.expect("update ran")
    }

    /// Puts a new version of the plan in place, as a change of anything.
    fn set_plan(&self, plan: Plan) {
        self.changes.update_value(|log| log.note(Touched::Anything));
        self.plan.set(plan);
    }

    /// A number that grows with every change of the plan (untracked).
    pub fn revision(&self) -> u64 {
        self.changes.with_value(|log| log.revision)
    }

    /// The goals changed since `revision`, when every change since then was
    /// to one goal's own fields; `None` when anything else may have changed.
    pub fn goals_edited_since(&self, revision: u64) -> Option<Vec<Id>> {
        self.changes
            .with_value(|log| log.goals_edited_since(revision))
    }

    /// Changes the vision (and maybe more), stamping the vision's own change
    /// time so a merge can tell which side rewrote it last.
    pub fn update_vision<R>(&self, change: impl FnOnce(&mut Plan) -> R) -> R {
        self.update(|plan| {
            let result = change(plan);
            plan.vision.updated_at = plan.updated_at.or(Some(clock::now()));
            result
        })
    }

    /// Puts a whole new plan in place of the current one (undo brings the
    /// current one back).
    pub fn replace(&self, plan: Plan) {
        self.record_undo_step(&Touched::Anything, None);
        self.set_plan(plan);
    }

    /// Keeps what the change to come will touch as an undo step, unless the
    /// change continues typing in the field the latest step began in.
    fn record_undo_step(&self, touched: &Touched, editing: Option<web_sys::Element>) {
        self.plan.with_untracked(|plan| {
            self.history
                .update_value(|history| history.record(plan, touched, editing));
        });
        self.refresh_history_flags();
    }

    /// Ends the current typing step: the next change starts a new one.
    pub fn end_typing_step(&self) {
        self.history.update_value(|history| history.editing = None);
    }

    fn refresh_history_flags(&self) {
        let (undo, redo) = self
            .history
            .with_value(|history| (!history.undo.is_empty(), !history.redo.is_empty()));
        self.can_undo.set(undo);
        self.can_redo.set(redo);
    }

    pub fn can_undo(&self) -> ReadSignal<bool> {
        self.can_undo.read_only()
    }

    pub fn can_redo(&self) -> ReadSignal<bool> {
        self.can_redo.read_only()
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
        self.step_through_history(true)
    }

    /// Makes the latest undone change again.
    pub fn redo(&self) -> bool {
        self.step_through_history(false)
    }

    fn step_through_history(&self, backwards: bool) -> bool {
        let mut changed = false;
        self.plan.maybe_update(|plan| {
            let touched = self
                .history
                .try_update_value(|history| history.step(plan, backwards))
                .flatten();
            if let Some(touched) = touched {
                // Noted before the plan's readers run, so they see it.
                self.changes.update_value(|log| log.note(touched));
                changed = true;
            }
            changed
        });
        if changed {
            self.announce(if backwards { "Undone" } else { "Redone" });
        }
        self.refresh_history_flags();
        changed
    }

    pub fn export_record(&self) -> ReadSignal<ExportRecord> {
        self.export_record.read_only()
    }

    /// Downloads the whole plan as a file and notes when, so the reminder to
    /// keep a copy rests.
    pub fn download_plan(&self) -> Result<(), wasm_bindgen::JsValue> {
        self.plan.with_untracked(crate::download::download_plan)?;
        let record = ExportRecord {
            exported_at: Some(clock::now()),
            snoozed_until: None,
        };
        // Not being able to note it only means an early reminder.
        let _ = persistence::save_export_record(record);
        self.export_record.set(record);
        Ok(())
    }

    /// Puts the reminder to keep a copy off for a few days.
    pub fn snooze_export_reminder(&self) {
        let record = ExportRecord {
            snoozed_until: Some(snooze_until(clock::now())),
            ..self.export_record.get_untracked()
        };
        let _ = persistence::save_export_record(record);
        self.export_record.set(record);
    }

    pub fn save_state(&self) -> ReadSignal<SaveState> {
        self.save_state.read_only()
    }

    pub fn recovery(&self) -> ReadSignal<Option<UnreadablePlan>> {
        self.recovery.read_only()
    }

    /// Closes the recovery notice. If saving was blocked because the unreadable
    /// text had no safe copy, the person has now chosen to start over.
    pub fn dismiss_recovery(&self) {
        self.recovery.set(None);
        if self.save_state.get_untracked() == SaveState::Blocked {
            self.save_state.set(SaveState::Pending);
            self.save_now();
        }
    }

    pub fn last_removed(&self) -> RwSignal<Option<RemovedGoals>> {
        self.last_removed
    }

    /// A plan saved by another tab while this one had unsaved changes.
    pub fn other_tab_plan(&self) -> ReadSignal<Option<Plan>> {
        self.other_tab_plan.read_only()
    }

    /// Takes the other tab's plan in place of this tab's unsaved changes.
    pub fn use_other_tab_plan(&self) {
        if let Some(plan) = self.other_tab_plan.try_update(Option::take).flatten() {
            self.take_from_other_tab(plan);
        }
    }

    /// Keeps this tab's changes, writing them over the other tab's.
    pub fn keep_this_tab_plan(&self) {
        self.other_tab_plan.set(None);
        self.save_now();
    }

    fn take_from_other_tab(&self, plan: Plan) {
        if let Some(handle) = self.pending_save.get_value() {
            handle.clear();
            self.pending_save.set_value(None);
        }
        self.skip_next_save.set_value(true);
        self.set_plan(plan);
        self.save_state.set(SaveState::Saved);
        // Undoing now would silently bring back what the other tab changed.
        self.history.set_value(History::default());
        self.refresh_history_flags();
    }

    /// Another tab saved: follow it, unless this tab has changes of its own,
    /// in which case ask before either side is overwritten.
    fn on_other_tab_saved(&self, text: Option<String>) {
        let Some(plan) = text.and_then(|text| parse_plan(&text).ok()) else {
            return;
        };
        if self.plan.with_untracked(|current| *current == plan) {
            return;
        }
        match self.save_state.get_untracked() {
            SaveState::Saved => self.take_from_other_tab(plan),
            SaveState::Pending | SaveState::Failed(_) => {
                if let Some(handle) = self.pending_save.get_value() {
                    handle.clear();
                    self.pending_save.set_value(None);
                }
                self.other_tab_plan.set(Some(plan));
            }
            SaveState::Blocked => {}
        }
    }

    fn start_autosave(self) {
        // Only reads the plan: saving never writes back into it.
        Effect::new(move |previous: Option<()>| {
            self.plan.track();
            if previous.is_some() {
                if self.skip_next_save.get_value() {
                    self.skip_next_save.set_value(false);
                } else {
                    self.schedule_save();
                }
            }
        });
        persistence::watch_other_tabs(move |text| self.on_other_tab_saved(text));
        set_timeout(move || self.prepare_storage_text(), PREPARE_DELAY);
        // Closing or hiding the tab must not lose the last keystrokes.
        let flush = move || {
            if self.save_state.get_untracked() == SaveState::Pending {
                self.save_now();
            }
        };
        window_event_listener(leptos::ev::pagehide, move |_| flush());
        // A field edit ends when the focus moves.
        window_event_listener(leptos::ev::focusin, move |_| self.end_typing_step());
        window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                flush();
            }
        });
    }

    fn schedule_save(self) {
        if self.save_state.get_untracked() == SaveState::Blocked {
            return;
        }
        self.save_state.set(SaveState::Pending);
        // While the person decides between this tab and another, don't write.
        if self.other_tab_plan.with_untracked(Option::is_some) {
            return;
        }
        if let Some(handle) = self.pending_save.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(move || self.save_now(), SAVE_DELAY).ok();
        self.pending_save.set_value(handle);
    }

    /// Writes the plan now (also the "try again" after a failure).
    pub fn save_now(&self) {
        if let Some(handle) = self.pending_save.get_value() {
            handle.clear();
            self.pending_save.set_value(None);
        }
        if self.save_state.get_untracked() == SaveState::Blocked
            || self.other_tab_plan.with_untracked(Option::is_some)
        {
            return;
        }
        let result = crate::perf::measure("waypoint:save", || {
            persistence::save_plan_text(&self.storage_text())
        });
        self.save_state.set(match result {
            Ok(()) => SaveState::Saved,
            Err(error) => SaveState::Failed(error),
        });
    }
}

/// How long after the start the storage text begins to be prepared, and how
/// many goals each task of that prepares (a few milliseconds' work).
const PREPARE_DELAY: Duration = Duration::from_millis(100);
const GOALS_PREPARED_PER_TASK: usize = 250;

impl PlanStore {
    /// Prepares the kept storage text a few hundred goals at a time after
    /// the plan loads, so that even the first save after typing in a large
    /// plan copies the goals' text rather than writing it all in one task.
    fn prepare_storage_text(self) {
        let revision = self.revision();
        let mut done = true;
        self.storage_text.update_value(|(kept_at, kept)| {
            if self.goals_edited_since(*kept_at).is_none() {
                // Changed beyond single goals since it began: begin again.
                *kept = StorageText::default();
                *kept_at = revision;
            }
            done = self
                .plan
                .with_untracked(|plan| kept.write_ahead(plan, GOALS_PREPARED_PER_TASK));
        });
        if !done {
            set_timeout(move || self.prepare_storage_text(), Duration::ZERO);
        }
    }

    /// The plan's storage text, writing afresh only the goals edited since the
    /// last time when that is all that changed.
    fn storage_text(&self) -> String {
        let revision = self.revision();
        let mut text = String::new();
        self.storage_text.update_value(|(written_at, kept)| {
            let edited = self.goals_edited_since(*written_at);
            text = self.plan.with_untracked(|plan| match edited {
                Some(edited) => kept.write_after_edits(plan, &edited),
                None => kept.write(plan),
            });
            *written_at = revision;
        });
        #[cfg(debug_assertions)]
        self.plan.with_untracked(|plan| {
            debug_assert!(
                text == crate::domain::format::to_storage_text(plan),
                "the kept storage text fell behind the plan"
            );
        });
        text
    }
}

/// The store given out by `App`.
pub fn use_plan_store() -> PlanStore {
    expect_context::<PlanStore>()
}

#[cfg(test)]
mod tests {
    use super::{ChangeLog, History, Step, Touched};
    use crate::domain::calendar::Timestamp;
    use crate::domain::goals::{
        add_goal, add_goals, remove_goal, rename_goal, set_status, NewGoal,
    };
    use crate::domain::plan::{GoalStatus, Id, Plan};

    fn at(second: i64) -> Timestamp {
        Timestamp::from_seconds(1_790_000_000 + second)
    }

    /// Changes `plan` as the store does: the undo step first, then the change
    /// and its time.
    fn change(history: &mut History, plan: &mut Plan, touched: Touched, second: i64) {
        history.record(plan, &touched, None);
        let id = match &touched {
            Touched::OneGoal(id) => Some(id.clone()),
            Touched::Anything => None,
        };
        match id {
            Some(id) if second % 2 == 0 => {
                rename_goal(plan, &id, &format!("title {second}"), at(second)).unwrap()
            }
            Some(id) => {
                let status = match plan.goal(&id).unwrap().status {
                    GoalStatus::Done => GoalStatus::Open,
                    _ => GoalStatus::Done,
                };
                set_status(plan, &id, status, at(second)).unwrap();
            }
            None if second % 3 == 0 && !plan.goals.is_empty() => {
                let last = plan.goals.last().unwrap().id.clone();
                remove_goal(plan, &last, at(second)).unwrap();
            }
            None => {
                let parent = plan.goals.first().map(|goal| goal.id.clone());
                let new_goal = NewGoal {
                    id: Id::from(format!("g-{second}").as_str()),
                    parent,
                    title: format!("goal {second}"),
                };
                add_goal(plan, new_goal, at(second)).unwrap();
            }
        }
        plan.updated_at = Some(at(second));
    }

    #[test]
    fn undo_and_redo_walk_back_and_forth_through_every_version() {
        // Mixed changes in a fixed pseudo-random order: words and statuses of
        // one goal (kept as that goal), additions and removals (kept whole).
        let mut plan = Plan::default();
        let mut history = History::default();
        let mut versions = vec![plan.clone()];
        let mut seed: u64 = 7;
        for second in 0..250 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let pick = (seed >> 33) as usize;
            let touched = if plan.goals.is_empty() || pick.is_multiple_of(3) {
                Touched::Anything
            } else {
                Touched::OneGoal(plan.goals[pick % plan.goals.len()].id.clone())
            };
            change(&mut history, &mut plan, touched, second);
            versions.push(plan.clone());
        }
        assert!(history
            .undo
            .iter()
            .any(|step| matches!(step, Step::Whole(_))));
        assert!(history
            .undo
            .iter()
            .any(|step| matches!(step, Step::OneGoal { .. })));

        let kept = history.undo.len();
        assert_eq!(kept, Step::MOST_STEPS);
        let last = versions.len() - 1;
        for undone in 1..=kept {
            assert!(history.step(&mut plan, true).is_some());
            assert_eq!(plan, versions[last - undone], "after {undone} undos");
        }
        assert_eq!(history.step(&mut plan, true), None);
        for redone in 1..=kept {
            assert!(history.step(&mut plan, false).is_some());
            assert_eq!(plan, versions[last - kept + redone], "after {redone} redos");
        }
        assert_eq!(history.step(&mut plan, false), None);
    }

    #[test]
    fn an_edit_to_one_goal_is_kept_as_that_goal_and_says_so() {
        let mut plan = Plan::default();
        let mut history = History::default();
        change(&mut history, &mut plan, Touched::Anything, 1);
        let id = plan.goals[0].id.clone();
        let before = plan.clone();
        change(&mut history, &mut plan, Touched::OneGoal(id.clone()), 2);
        assert!(matches!(history.undo.last(), Some(Step::OneGoal { .. })));
        assert_eq!(
            history.step(&mut plan, true),
            Some(Touched::OneGoal(id.clone()))
        );
        assert_eq!(plan, before);
        assert_eq!(history.step(&mut plan, false), Some(Touched::OneGoal(id)));
    }

    #[test]
    fn whole_copies_of_a_large_plan_are_few_and_single_goals_many() {
        let mut plan = Plan::default();
        let mut history = History::default();
        let ids: Vec<String> = (0..6_000).map(|number| format!("big-{number}")).collect();
        let goals: Vec<(&str, Option<&str>, &str)> =
            ids.iter().map(|id| (id.as_str(), None, "a goal")).collect();
        add_goals(&mut plan, &goals, at(0));
        for second in 0..20 {
            change(&mut history, &mut plan, Touched::Anything, second);
        }
        // About 50,000 goals' worth of whole plans: 8 of 6,000 goals.
        assert_eq!(history.undo.len(), 8);
        for second in 20..200 {
            let id = plan.goals[second as usize].id.clone();
            change(&mut history, &mut plan, Touched::OneGoal(id), second);
        }
        assert_eq!(history.undo.len(), Step::MOST_STEPS);
        // The oldest whole copies went first, and no more than needed.
        assert!(history
            .undo
            .iter()
            .all(|step| matches!(step, Step::OneGoal { .. })));
    }

    #[test]
    fn the_change_log_names_the_goals_edited_since_a_revision() {
        let mut log = ChangeLog::default();
        assert_eq!(log.goals_edited_since(0), Some(vec![]));
        log.note(Touched::OneGoal(Id::from("a")));
        log.note(Touched::OneGoal(Id::from("b")));
        log.note(Touched::OneGoal(Id::from("a")));
        assert_eq!(log.revision, 3);
        assert_eq!(
            log.goals_edited_since(0),
            Some(vec![Id::from("a"), Id::from("b")])
        );
        assert_eq!(log.goals_edited_since(2), Some(vec![Id::from("a")]));
        assert_eq!(log.goals_edited_since(3), Some(vec![]));
        log.note(Touched::Anything);
        assert_eq!(log.goals_edited_since(2), None);
        assert_eq!(log.goals_edited_since(4), Some(vec![]));
    }

    #[test]
    fn a_change_too_old_to_be_kept_counts_as_anything() {
        let mut log = ChangeLog::default();
        for index in 0..=ChangeLog::KEPT {
            log.note(Touched::OneGoal(Id::from(index.to_string().as_str())));
        }
        assert_eq!(log.goals_edited_since(0), None);
        assert_eq!(
            log.goals_edited_since(1).map(|ids| ids.len()),
            Some(ChangeLog::KEPT)
        );
    }

    #[test]
    fn typing_on_in_one_goal_is_one_entry() {
        let mut log = ChangeLog::default();
        log.note(Touched::OneGoal(Id::from("a")));
        for _ in 0..ChangeLog::KEPT * 3 {
            log.note(Touched::OneGoal(Id::from("b")));
        }
        assert_eq!(
            log.goals_edited_since(0),
            Some(vec![Id::from("a"), Id::from("b")])
        );
        assert_eq!(
            log.goals_edited_since(log.revision - 1),
            Some(vec![Id::from("b")])
        );
        assert_eq!(log.recent.len(), 2);
    }
}
