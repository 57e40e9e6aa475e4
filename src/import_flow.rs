//! Plans arriving from outside (a chosen file, a dropped file, a share link)
//! and whole-plan replacements, which always keep the plan before them.
//!
//! One flow, shared by context, so the Data section, a drop anywhere on the
//! page and the shared-plan view all lead to the same preview and choices.

use crate::clock;
use crate::domain::format::{parse_plan, PlanFileError, MAX_PLAN_FILE_BYTES};
use crate::domain::merge::{merge_plans, MergeReport};
use crate::domain::plan::Plan;
use crate::js_text;
use crate::persistence::{self, PreviousPlan, SaveError};
use crate::state::{PlanStore, Refused, Replacement, StepId, StepLabel};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Where an incoming plan stands.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportState {
    Idle,
    Reading {
        source: String,
    },
    Refused {
        source: String,
        problem: String,
    },
    /// Read and checked; the person chooses replace, merge or cancel.
    Ready {
        source: String,
        plan: Box<Plan>,
    },
    /// Put in place, as history step `step` (which "Undo import" undoes;
    /// none when the plan was already the same).
    Done {
        source: String,
        outcome: ImportOutcome,
        step: Option<StepId>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum ImportOutcome {
    Replaced,
    Merged(MergeReport),
}

/// Why a whole-plan change did not happen.
#[derive(Clone, Debug, PartialEq)]
pub enum ReplaceError {
    /// The plan before could not be kept aside (storage full or blocked).
    CouldNotKeepPrevious(SaveError),
    /// The two plans can't be merged.
    CannotMerge(PlanFileError),
    /// The plan would have been damaged (see [`Refused`]).
    Refused(Refused),
}

impl std::fmt::Display for ReplaceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::CouldNotKeepPrevious(reason) => write!(
                f,
                "Waypoint could not keep a copy of your current plan first ({reason}). \
                 Download your plan, then choose again to go ahead without the copy."
            ),
            Self::CannotMerge(problem) => write!(
                f,
                "These two plans can't be merged ({problem}). Replace instead, or cancel."
            ),
            Self::Refused(refused) => refused.fmt(f),
        }
    }
}

#[derive(Clone, Copy)]
pub struct ImportFlow {
    state: RwSignal<ImportState>,
    /// Read from storage when first asked for, not at start: it can be as
    /// large as the plan itself.
    previous: RwSignal<Option<PreviousPlan>>,
    previous_read: StoredValue<bool>,
    store: PlanStore,
}

impl ImportFlow {
    pub fn new(store: PlanStore) -> Self {
        Self {
            state: RwSignal::new(ImportState::Idle),
            previous: RwSignal::new(None),
            previous_read: StoredValue::new(false),
            store,
        }
    }

    pub fn state(&self) -> ReadSignal<ImportState> {
        self.state.read_only()
    }

    /// The plan kept before the last import, merge or fresh start.
    pub fn previous(&self) -> ReadSignal<Option<PreviousPlan>> {
        self.read_previous_once();
        self.previous.read_only()
    }

    fn read_previous_once(&self) {
        if !self.previous_read.get_value() {
            self.previous_read.set_value(true);
            self.previous.set(persistence::previous_plan());
        }
    }

    pub fn cancel(&self) {
        self.state.set(ImportState::Idle);
    }

    /// Reads and checks a file; the preview follows.
    pub fn read_file(&self, file: web_sys::File) {
        let source = file.name();
        if file.size() > MAX_PLAN_FILE_BYTES as f64 {
            self.state.set(ImportState::Refused {
                source,
                problem: PlanFileError::TooLarge {
                    bytes: file.size() as usize,
                }
                .to_string(),
            });
            return;
        }
        self.state.set(ImportState::Reading {
            source: source.clone(),
        });
        let state = self.state;
        // `File` can't live in a signal: read it here, in the task.
        leptos::task::spawn_local(async move {
            let next = match JsFuture::from(file.text()).await {
                Ok(text) => {
                    match parse_plan(&text.dyn_ref().map(js_text::from_js).unwrap_or_default()) {
                        Ok(plan) => ImportState::Ready {
                            source,
                            plan: Box::new(plan),
                        },
                        Err(problem) => ImportState::Refused {
                            source,
                            problem: problem.to_string(),
                        },
                    }
                }
                Err(_) => ImportState::Refused {
                    source,
                    problem: "The browser could not read the file.".into(),
                },
            };
            state.set(next);
        });
    }

    /// Offers a plan already read (from a share link) for import.
    pub fn offer(&self, source: &str, plan: Plan) {
        self.state.set(ImportState::Ready {
            source: source.to_owned(),
            plan: Box::new(plan),
        });
    }

    /// What merging the offered plan into the current one would do.
    pub fn merge_preview(&self, incoming: &Plan) -> Result<MergeReport, PlanFileError> {
        self.store
            .with_untracked(|mine| merge_plans(mine, incoming, clock::now()))
            .map(|(_, report)| report)
    }

    /// Replaces the current plan with the offered one.
    pub fn replace(&self, without_copy: bool) -> Result<(), ReplaceError> {
        let ImportState::Ready { source, plan } = self.state.get_untracked() else {
            return Ok(());
        };
        let how = Replacement::Import {
            source: source.clone(),
        };
        let step = self.put_in_place(*plan, how, without_copy)?;
        self.state.set(ImportState::Done {
            source,
            outcome: ImportOutcome::Replaced,
            step,
        });
        Ok(())
    }

    /// Merges the offered plan into the current one by id.
    pub fn merge(&self, without_copy: bool) -> Result<(), ReplaceError> {
        let ImportState::Ready { source, plan } = self.state.get_untracked() else {
            return Ok(());
        };
        let (merged, report) = self
            .store
            .with_untracked(|mine| merge_plans(mine, &plan, clock::now()))
            .map_err(ReplaceError::CannotMerge)?;
        let how = Replacement::Merge {
            source: source.clone(),
            report: report.clone(),
        };
        let step = self.put_in_place(merged, how, without_copy)?;
        self.state.set(ImportState::Done {
            source,
            outcome: ImportOutcome::Merged(report),
            step,
        });
        Ok(())
    }

    /// Starts a new, empty plan; the current one is kept aside.
    pub fn start_over(&self, without_copy: bool) -> Result<(), ReplaceError> {
        self.put_in_place(Plan::default(), Replacement::StartOver, without_copy)?;
        self.state.set(ImportState::Idle);
        Ok(())
    }

    /// Brings back the plan kept aside; the current one takes its place there,
    /// and Undo brings it back too.
    pub fn restore_previous(&self) -> Result<(), ReplaceError> {
        self.read_previous_once();
        let Some(previous) = self.previous.get_untracked() else {
            return Ok(());
        };
        self.put_in_place(previous.plan, Replacement::RestorePrevious, true)?;
        self.state.set(ImportState::Idle);
        Ok(())
    }

    /// Lets go of the plan kept aside, to free storage.
    pub fn forget_previous(&self) {
        persistence::discard_previous_plan();
        self.previous_read.set_value(true);
        self.previous.set(None);
    }

    /// Keeps the current plan aside, then puts `plan` in its place as a step
    /// of the history. Without a kept copy nothing changes, unless the person
    /// said to go ahead anyway. The goal list, like every view of the plan,
    /// follows the replacement from the store.
    fn put_in_place(
        &self,
        plan: Plan,
        how: Replacement,
        without_copy: bool,
    ) -> Result<Option<StepId>, ReplaceError> {
        let previous = PreviousPlan {
            replaced_by: StepLabel::Replacement(how.clone()).describe(),
            kept_at: clock::now(),
            plan: self.store.with_untracked(Plan::clone),
        };
        match persistence::keep_previous_plan(&previous) {
            Ok(()) => {}
            Err(_) if without_copy => {}
            Err(reason) => return Err(ReplaceError::CouldNotKeepPrevious(reason)),
        }
        // Even unsaved, the copy stays reachable in this tab.
        self.previous_read.set_value(true);
        self.previous.set(Some(previous));
        self.store.replace(plan, how).map_err(ReplaceError::Refused)
    }
}

pub fn use_import_flow() -> ImportFlow {
    expect_context::<ImportFlow>()
}
