//! The one store of the plan, created in `App` and shared by context, and the
//! autosave that keeps localStorage in step with it.

use crate::clock;
use crate::domain::goals::RemovedGoals;
use crate::domain::plan::Plan;
use crate::persistence::{self, LoadOutcome, SaveError, UnreadablePlan};
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
}

impl PlanStore {
    /// Loads the saved plan (once) and starts autosaving.
    pub fn load_and_autosave() -> Self {
        let store = Self::from_outcome(persistence::load_plan());
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
        }
    }

    /// Reads the plan, tracking it.
    pub fn with<R>(&self, read: impl FnOnce(&Plan) -> R) -> R {
        self.plan.with(read)
    }

    pub fn with_untracked<R>(&self, read: impl FnOnce(&Plan) -> R) -> R {
        self.plan.with_untracked(read)
    }

    /// Changes the plan and stamps the change; autosave follows.
    pub fn update<R>(&self, change: impl FnOnce(&mut Plan) -> R) -> R {
        let mut result = None;
        self.plan.update(|plan| {
            result = Some(change(plan));
            plan.updated_at = Some(clock::now());
        });
        result.expect("update ran")
    }

    /// Puts a whole new plan in place of the current one.
    pub fn replace(&self, plan: Plan) {
        self.plan.set(plan);
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

    fn start_autosave(self) {
        // Only reads the plan: saving never writes back into it.
        Effect::new(move |previous: Option<()>| {
            self.plan.track();
            if previous.is_some() {
                self.schedule_save();
            }
        });
        // Closing or hiding the tab must not lose the last keystrokes.
        let flush = move || {
            if self.save_state.get_untracked() == SaveState::Pending {
                self.save_now();
            }
        };
        window_event_listener(leptos::ev::pagehide, move |_| flush());
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
        if self.save_state.get_untracked() == SaveState::Blocked {
            return;
        }
        let result = self.plan.with_untracked(persistence::save_plan);
        self.save_state.set(match result {
            Ok(()) => SaveState::Saved,
            Err(error) => SaveState::Failed(error),
        });
    }
}

/// The store given out by `App`.
pub fn use_plan_store() -> PlanStore {
    expect_context::<PlanStore>()
}
