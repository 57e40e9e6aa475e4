//! Autosave and tab sync: localStorage kept in step with the plan, the plan
//! kept in step with what another tab saves, and the saved plan that could
//! not be read at start.

use super::editor::Editor;
use super::{changes::ChangeLog, PlanStore};
use crate::domain::format::StorageText;
use crate::domain::plan::Plan;
use crate::domain::reader::read_plan;
use crate::persistence::{self, LoadOutcome, RepairedPlan, SaveError, UnreadablePlan};
use leptos::prelude::*;
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

/// What the saved plan needed at start, said until the person dismisses it.
#[derive(Clone, Debug, PartialEq)]
pub enum Recovery {
    /// It could not be read; a new plan took its place.
    Unreadable(UnreadablePlan),
    /// It opened with repairs.
    Repaired(RepairedPlan),
}

impl Recovery {
    /// Where the saved text was kept aside, if it could be.
    pub fn backup_key(&self) -> Option<&str> {
        match self {
            Self::Unreadable(unreadable) => unreadable.backup_key.as_deref(),
            Self::Repaired(repaired) => repaired.backup_key.as_deref(),
        }
    }

    /// The saved text as it was.
    pub fn text(&self) -> &str {
        match self {
            Self::Unreadable(unreadable) => &unreadable.text,
            Self::Repaired(repaired) => &repaired.text,
        }
    }
}

/// The plan's storage text as last written, and the revision it shows, so
/// that a save after typing in a title writes that goal afresh and copies
/// the text of the thousands of others.
#[derive(Default)]
pub(super) struct KeptText {
    written_at: u64,
    text: StorageText,
}

impl KeptText {
    /// The plan's storage text, writing afresh only the goals edited since
    /// the last time when that is all that changed: always exactly what a
    /// fresh serialization of the plan gives.
    pub(super) fn write(&mut self, plan: &Plan, log: &ChangeLog) -> String {
        let text = match log.goals_edited_since(self.written_at) {
            Some(edited) => self.text.write_after_edits(plan, &edited),
            None => self.text.write(plan),
        };
        self.written_at = log.revision();
        text
    }

    /// Whether every goal's text is kept for the plan as it is, so that
    /// writing it copies them rather than writing them afresh.
    fn is_ready(&self, plan: &Plan, log: &ChangeLog) -> bool {
        log.goals_edited_since(self.written_at).is_some()
            && self.text.goals_kept() == plan.goals.len()
    }

    /// Writes up to `count` more goals' texts ahead of the first save;
    /// true once done.
    fn write_ahead(&mut self, plan: &Plan, log: &ChangeLog, count: usize) -> bool {
        if log.goals_edited_since(self.written_at).is_none() {
            // Changed beyond single goals since it began: begin again.
            self.text = StorageText::default();
            self.written_at = log.revision();
        }
        self.text.write_ahead(plan, count)
    }
}

/// How long after the start the storage text begins to be prepared, and how
/// many goals each task of that prepares (a few milliseconds' work).
const PREPARE_DELAY: Duration = Duration::from_millis(100);
const GOALS_PREPARED_PER_TASK: usize = 250;
/// Goals written per task when a save waits for them (after a whole plan
/// took the place of the last one), about 10 ms of work.
const GOALS_PREPARED_PER_SAVE_TASK: usize = 2_000;

/// The autosave's state, part of the store.
#[derive(Clone, Copy)]
pub(super) struct Autosave {
    save_state: RwSignal<SaveState>,
    /// Saved data found unreadable or repaired at start, until the person
    /// dismisses the notice.
    recovery: RwSignal<Option<Recovery>>,
    pending_save: StoredValue<Option<TimeoutHandle>>,
    /// A plan another tab saved while this one had unsaved changes.
    other_tab_plan: RwSignal<Option<Plan>>,
    /// The next change came from another tab and is already stored.
    skip_next_save: StoredValue<bool>,
    kept_text: StoredValue<KeptText>,
    /// How many times the plan was written; what keeps a copy elsewhere
    /// (the file the plan is kept in) follows it.
    saves: RwSignal<u64>,
}

impl Autosave {
    /// The plan to start from and the autosave's state, for what storage held.
    pub(super) fn from_outcome(outcome: LoadOutcome) -> (Plan, Self) {
        let (plan, save_state, recovery) = match outcome {
            LoadOutcome::NothingSaved => (Plan::default(), SaveState::Saved, None),
            LoadOutcome::Loaded(plan) => (*plan, SaveState::Saved, None),
            LoadOutcome::Unreadable(unreadable) => {
                let state = if unreadable.backup_key.is_some() {
                    SaveState::Saved
                } else {
                    SaveState::Blocked
                };
                (
                    Plan::default(),
                    state,
                    Some(Recovery::Unreadable(unreadable)),
                )
            }
            // The text as it was is kept aside: save the repaired plan over
            // it. Without that copy, wait until the person has downloaded it.
            LoadOutcome::Repaired(plan, repaired) => {
                let state = if repaired.backup_key.is_some() {
                    SaveState::Pending
                } else {
                    SaveState::Blocked
                };
                (*plan, state, Some(Recovery::Repaired(repaired)))
            }
            // Every save would fail: say so from the start.
            LoadOutcome::StorageUnavailable { reason } => (
                Plan::default(),
                SaveState::Failed(SaveError::Refused { reason }),
                None,
            ),
        };
        let autosave = Self {
            save_state: RwSignal::new(save_state),
            recovery: RwSignal::new(recovery),
            pending_save: StoredValue::new(None),
            other_tab_plan: RwSignal::new(None),
            skip_next_save: StoredValue::new(false),
            kept_text: StoredValue::new(KeptText::default()),
            saves: RwSignal::new(0),
        };
        (plan, autosave)
    }

    /// Starts saving every change, following other tabs and saving at once
    /// when the tab is hidden or closed.
    pub(super) fn start(self, store: PlanStore) {
        // Only reads the plan: saving never writes back into it.
        Effect::new(move |previous: Option<()>| {
            store.plan.track();
            if previous.is_some() {
                if self.skip_next_save.get_value() {
                    self.skip_next_save.set_value(false);
                } else {
                    store.schedule_save();
                }
            }
        });
        persistence::watch_other_tabs(move |text| store.on_other_tab_saved(text));
        set_timeout(move || store.prepare_storage_text(), PREPARE_DELAY);
        // A plan repaired at start is saved as soon as the app is up.
        if self.save_state.get_untracked() == SaveState::Pending {
            store.schedule_save();
        }
        // Closing or hiding the tab must not lose the last keystrokes.
        let flush = move || {
            if self.save_state.get_untracked() == SaveState::Pending {
                store.save_now();
            }
        };
        window_event_listener(leptos::ev::pagehide, move |_| flush());
        window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                flush();
            }
        });
    }

    fn cancel_pending_save(&self) {
        if let Some(handle) = self.pending_save.get_value() {
            handle.clear();
            self.pending_save.set_value(None);
        }
    }
}

impl PlanStore {
    pub fn save_state(&self) -> ReadSignal<SaveState> {
        self.autosave.save_state.read_only()
    }

    pub fn recovery(&self) -> ReadSignal<Option<Recovery>> {
        self.autosave.recovery.read_only()
    }

    /// Closes the recovery notice. If saving was blocked because the unreadable
    /// text had no safe copy, the person has now chosen to start over.
    pub fn dismiss_recovery(&self) {
        self.autosave.recovery.set(None);
        if self.autosave.save_state.get_untracked() == SaveState::Blocked {
            self.autosave.save_state.set(SaveState::Pending);
            self.save_now();
        }
    }

    /// A plan saved by another tab while this one had unsaved changes.
    pub fn other_tab_plan(&self) -> ReadSignal<Option<Plan>> {
        self.autosave.other_tab_plan.read_only()
    }

    /// Takes the other tab's plan in place of this tab's unsaved changes.
    pub fn use_other_tab_plan(&self) {
        if let Some(plan) = self
            .autosave
            .other_tab_plan
            .try_update(Option::take)
            .flatten()
        {
            self.take_from_other_tab(plan);
        }
    }

    /// Keeps this tab's changes, writing them over the other tab's.
    pub fn keep_this_tab_plan(&self) {
        self.autosave.other_tab_plan.set(None);
        self.save_now();
    }

    fn take_from_other_tab(&self, theirs: Plan) {
        crate::clock::observe(&theirs);
        self.autosave.cancel_pending_save();
        self.autosave.skip_next_save.set_value(true);
        self.plan.update(|plan| {
            self.editor
                .update_value(|editor| editor.take_from_other_tab(plan, theirs));
        });
        self.autosave.save_state.set(SaveState::Saved);
        self.refresh_latest();
    }

    /// Another tab saved: follow it, unless this tab has changes of its own,
    /// in which case ask before either side is overwritten.
    fn on_other_tab_saved(&self, text: Option<String>) {
        let Some(plan) = text
            .and_then(|text| read_plan(&text).ok())
            .map(|read| read.plan)
        else {
            return;
        };
        if self.plan.with_untracked(|current| *current == plan) {
            return;
        }
        match self.autosave.save_state.get_untracked() {
            SaveState::Saved => self.take_from_other_tab(plan),
            SaveState::Pending | SaveState::Failed(_) => {
                self.autosave.cancel_pending_save();
                self.autosave.other_tab_plan.set(Some(plan));
            }
            SaveState::Blocked => {}
        }
    }

    fn schedule_save(self) {
        let autosave = self.autosave;
        if autosave.save_state.get_untracked() == SaveState::Blocked {
            return;
        }
        autosave.save_state.set(SaveState::Pending);
        // While the person decides between this tab and another, don't write.
        if autosave.other_tab_plan.with_untracked(Option::is_some) {
            return;
        }
        autosave.cancel_pending_save();
        let handle = set_timeout_with_handle(move || self.save_when_ready(), SAVE_DELAY).ok();
        autosave.pending_save.set_value(handle);
    }

    /// Saves, first writing the goals' texts a few thousand per task when
    /// many are not kept (after an import, say), so that no one task writes
    /// tens of thousands of goals. A change meanwhile starts the wait again.
    fn save_when_ready(self) {
        let autosave = self.autosave;
        autosave.pending_save.set_value(None);
        let mut ready = false;
        self.editor.with_value(|editor| {
            autosave.kept_text.update_value(|kept| {
                ready = self.plan.with_untracked(|plan| {
                    kept.is_ready(plan, editor.log())
                        || kept.write_ahead(plan, editor.log(), GOALS_PREPARED_PER_SAVE_TASK)
                });
            });
        });
        if ready {
            self.save_now();
        } else {
            let handle =
                set_timeout_with_handle(move || self.save_when_ready(), Duration::ZERO).ok();
            autosave.pending_save.set_value(handle);
        }
    }

    /// Writes the plan now (also the "try again" after a failure).
    pub fn save_now(&self) {
        let autosave = self.autosave;
        autosave.cancel_pending_save();
        if autosave.save_state.get_untracked() == SaveState::Blocked
            || autosave.other_tab_plan.with_untracked(Option::is_some)
        {
            return;
        }
        let result = crate::perf::measure("waypoint:save", || {
            persistence::save_plan_text(&self.storage_text())
        });
        autosave.save_state.set(match result {
            Ok(()) => SaveState::Saved,
            Err(error) => SaveState::Failed(error),
        });
        if autosave.save_state.get_untracked() == SaveState::Saved {
            autosave.saves.update(|saves| *saves += 1);
        }
    }

    /// Counts the plan's writes to storage, tracked: a copy kept elsewhere
    /// is written after each (never inside the save itself).
    pub fn saves(&self) -> ReadSignal<u64> {
        self.autosave.saves.read_only()
    }

    /// Prepares the kept storage text a few hundred goals at a time after
    /// the plan loads, so that even the first save after typing in a large
    /// plan copies the goals' text rather than writing it all in one task.
    fn prepare_storage_text(self) {
        let mut done = true;
        self.editor.with_value(|editor| {
            self.autosave.kept_text.update_value(|kept| {
                done = self.plan.with_untracked(|plan| {
                    kept.write_ahead(plan, editor.log(), GOALS_PREPARED_PER_TASK)
                });
            });
        });
        if !done {
            set_timeout(move || self.prepare_storage_text(), Duration::ZERO);
        }
    }

    /// The plan's storage text (see [`KeptText::write`]).
    fn storage_text(&self) -> String {
        let mut text = String::new();
        self.editor.with_value(|editor: &Editor<web_sys::Element>| {
            self.autosave.kept_text.update_value(|kept| {
                text = self
                    .plan
                    .with_untracked(|plan| kept.write(plan, editor.log()));
            });
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
