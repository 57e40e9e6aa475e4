//! Plans arriving from outside (a chosen file, a dropped file, a share link,
//! a copy Waypoint kept) and whole-plan replacements, which always keep the
//! plan before them.
//!
//! One flow, shared by context, so the Data section, a drop anywhere on the
//! page and the shared-plan view all lead to the same preview and choices.
//! Every plan is read by the one careful reader, a slice of goals at a time,
//! and everything the preview shows is worked out before it appears: what
//! the plan holds, the repairs it needed, what merging would do, and
//! whether either would fit in this browser's storage. Nothing changes until
//! the person chooses, and a choice that would not fit is not offered.

use crate::clock;
use crate::domain::calendar::Timestamp;
use crate::domain::format::{
    storage_units, PlanFileError, PlanSummary, StorageText, MAX_PLAN_FILE_BYTES,
};
use crate::domain::merge::{merge_plans, MergeReport};
use crate::domain::plan::Plan;
use crate::domain::reader::{Origin, PlanReader, ReadPlan, Repair};
use crate::persistence::{self, KeptPrevious, KeptText, PreviousPlan, SaveError, StorageUsage};
use crate::routing::Section;
use crate::slices::next_task;
use crate::state::{PlanStore, Refused, Replacement, StepId, StepLabel};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Goals read per task: about 10 ms of work in the browser.
const GOALS_READ_PER_TASK: usize = 2_000;

/// Where an incoming plan stands.
#[derive(Clone, Debug)]
pub enum ImportState {
    Idle,
    Reading {
        source: String,
        /// Goals read, and how many the text holds once known.
        goals_read: usize,
        goals_in_text: Option<usize>,
    },
    Refused {
        source: String,
        problem: String,
        /// Where in the text, for the curious.
        detail: Option<String>,
    },
    /// Read and checked; the person chooses replace, merge or cancel.
    Ready(Arc<Offer>),
    /// Put in place, as history step `step` (which "Undo import" undoes;
    /// none when the plan was already the same).
    Done {
        source: String,
        outcome: ImportOutcome,
        step: Option<StepId>,
    },
}

/// A plan read and ready to take the current one's place, with what the
/// preview says about it.
#[derive(Debug)]
pub struct Offer {
    pub source: String,
    pub plan: Plan,
    /// What the reader mended, in words (none for a plan read as it was).
    pub repairs: Vec<Repair>,
    pub summary: PlanSummary,
    /// The plan's storage text length, in UTF-16 units.
    pub plan_units: usize,
    /// Merging it into the current plan, unless that is blank.
    pub merge: Option<Result<MergePreview, PlanFileError>>,
    /// The store's revision the merge was worked out against.
    revision: u64,
}

/// What merging would give.
#[derive(Debug)]
pub struct MergePreview {
    pub plan: Plan,
    pub report: MergeReport,
    pub plan_units: usize,
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
    /// It would not fit in this browser's storage (the reason in words).
    WontFit(String),
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
                "These two plans can't be merged: {problem} Replace instead, or cancel."
            ),
            Self::WontFit(words) => f.write_str(words),
            Self::Refused(refused) => refused.fmt(f),
        }
    }
}

#[derive(Clone, Copy)]
pub struct ImportFlow {
    state: RwSignal<ImportState>,
    /// Read from storage when first asked for, not at start: it can be as
    /// large as the plan itself.
    previous: RwSignal<Option<KeptPrevious>>,
    previous_read: StoredValue<bool>,
    /// This site's storage as last measured, for whether an offer fits.
    usage: RwSignal<StorageUsage>,
    /// Counts readings begun, so that a reading overtaken by another (or
    /// cancelled) stops at its next slice.
    reading: StoredValue<u64>,
    store: PlanStore,
}

impl ImportFlow {
    pub fn new(store: PlanStore) -> Self {
        Self {
            state: RwSignal::new(ImportState::Idle),
            previous: RwSignal::new(None),
            previous_read: StoredValue::new(false),
            usage: RwSignal::new(StorageUsage::default()),
            reading: StoredValue::new(0),
            store,
        }
    }

    pub fn state(&self) -> ReadSignal<ImportState> {
        self.state.read_only()
    }

    /// This site's storage as measured when the offer was made (or copies
    /// were deleted since).
    pub fn usage(&self) -> ReadSignal<StorageUsage> {
        self.usage.read_only()
    }

    /// The plan kept before the last import, merge or fresh start.
    pub fn previous(&self) -> ReadSignal<Option<KeptPrevious>> {
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
        self.begin_reading();
        self.state.set(ImportState::Idle);
    }

    /// A new reading; any reading under way stops.
    fn begin_reading(&self) -> u64 {
        let reading = self.reading.get_value() + 1;
        self.reading.set_value(reading);
        reading
    }

    fn still_reading(&self, reading: u64) -> bool {
        self.reading.try_get_value() == Some(reading)
    }

    fn refuse(&self, source: String, problem: &PlanFileError, origin: Origin) {
        let explained = problem.explain(origin);
        self.state.set(ImportState::Refused {
            source,
            problem: explained.message,
            detail: explained.detail,
        });
    }

    /// Reads and checks a file; the preview follows.
    pub fn read_file(&self, file: web_sys::File) {
        let source = file.name();
        let reading = self.begin_reading();
        if file.size() > MAX_PLAN_FILE_BYTES as f64 {
            let too_large = PlanFileError::TooLarge {
                bytes: file.size() as usize,
            };
            self.refuse(source, &too_large, Origin::File);
            return;
        }
        self.state.set(ImportState::Reading {
            source: source.clone(),
            goals_read: 0,
            goals_in_text: None,
        });
        let flow = *self;
        // `File` can't live in a signal: read it here, in the task. Its
        // bytes, not its text: the reader says what is wrong with an
        // encoding, where the browser would quietly replace what it can't read.
        leptos::task::spawn_local(async move {
            let bytes = match JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
                Err(_) => {
                    if flow.still_reading(reading) {
                        flow.state.set(ImportState::Refused {
                            source,
                            problem: "The browser could not read the file. Try choosing it again."
                                .into(),
                            detail: None,
                        });
                    }
                    return;
                }
            };
            if !flow.still_reading(reading) {
                return;
            }
            match PlanReader::from_bytes(bytes) {
                Ok(reader) => flow.read_on(source, reader, Origin::File, reading).await,
                Err(problem) => flow.refuse(source, &problem, Origin::File),
            }
        });
    }

    /// Reads a copy of saved text Waypoint kept, to bring it back.
    pub fn read_kept_text(&self, kept: &KeptText) {
        let source = format!("the text kept on {}", kept.kept_on());
        let reading = self.begin_reading();
        self.state.set(ImportState::Reading {
            source: source.clone(),
            goals_read: 0,
            goals_in_text: None,
        });
        let flow = *self;
        let text = kept.text.clone();
        leptos::task::spawn_local(async move {
            next_task().await;
            if !flow.still_reading(reading) {
                return;
            }
            match PlanReader::start(text) {
                Ok(reader) => flow.read_on(source, reader, Origin::Kept, reading).await,
                Err(problem) => flow.refuse(source, &problem, Origin::Kept),
            }
        });
    }

    /// Reads the rest of a text a slice of goals at a time, then prepares
    /// the preview.
    async fn read_on(self, source: String, mut reader: PlanReader, origin: Origin, reading: u64) {
        loop {
            if reader.read_some(GOALS_READ_PER_TASK) {
                break;
            }
            self.state.set(ImportState::Reading {
                source: source.clone(),
                goals_read: reader.goals_read(),
                goals_in_text: reader.goals_in_text(),
            });
            next_task().await;
            if !self.still_reading(reading) {
                return;
            }
        }
        next_task().await;
        if !self.still_reading(reading) {
            return;
        }
        match reader.finish() {
            Ok(read) => self.prepare(source, read, reading).await,
            Err(problem) => self.refuse(source, &problem, origin),
        }
    }

    /// Offers a plan already read (from a share link) for import.
    pub fn offer(&self, source: &str, read: ReadPlan) {
        let reading = self.begin_reading();
        self.state.set(ImportState::Reading {
            source: source.to_owned(),
            goals_read: read.plan.goals.len(),
            goals_in_text: Some(read.plan.goals.len()),
        });
        let flow = *self;
        let source = source.to_owned();
        leptos::task::spawn_local(async move { flow.prepare(source, read, reading).await });
    }

    /// Works out what the preview shows, a task at a time: what the plan
    /// holds, what merging would do, and how much storage each would take.
    async fn prepare(self, source: String, read: ReadPlan, reading: u64) {
        let ReadPlan { plan, repairs } = read;
        let summary = PlanSummary::of(&plan);
        next_task().await;
        if !self.still_reading(reading) {
            return;
        }
        let revision = self.store.revision();
        let merge = if self.store.with_untracked(Plan::is_blank) {
            None
        } else {
            Some(
                self.store
                    .with_untracked(|mine| merge_plans(mine, &plan, None)),
            )
        };
        next_task().await;
        let Some(plan_units) = self.units_of(&plan, reading).await else {
            return;
        };
        let merge = match merge {
            None => None,
            Some(Err(problem)) => Some(Err(problem)),
            Some(Ok((merged, report))) => {
                let Some(plan_units) = self.units_of(&merged, reading).await else {
                    return;
                };
                Some(Ok(MergePreview {
                    plan: merged,
                    report,
                    plan_units,
                }))
            }
        };
        self.usage.set(persistence::storage_usage());
        self.state.set(ImportState::Ready(Arc::new(Offer {
            source,
            plan,
            repairs,
            summary,
            plan_units,
            merge,
            revision,
        })));
    }

    /// The length of `plan`'s storage text, written a slice of goals at a
    /// time; `None` when the reading was overtaken.
    async fn units_of(&self, plan: &Plan, reading: u64) -> Option<usize> {
        let mut text = StorageText::default();
        while !text.write_ahead(plan, GOALS_READ_PER_TASK) {
            next_task().await;
            if !self.still_reading(reading) {
                return None;
            }
        }
        Some(text.utf16_units(plan))
    }

    /// Measures storage again (after kept copies were deleted).
    pub fn measure_storage(&self) {
        self.usage.set(persistence::storage_usage());
    }

    /// Replaces the current plan with the offered one; `without_copy` goes
    /// ahead when the current plan could not be kept aside.
    pub fn replace(&self, without_copy: bool) -> Result<(), ReplaceError> {
        self.replace_keeping(if without_copy {
            KeepCopy::IfPossible
        } else {
            KeepCopy::Kept
        })
    }

    /// Replaces the current plan with the offered one, keeping no copy of
    /// it (and letting go of the one kept before), where the two would not
    /// fit together and the person chose the new plan.
    pub fn replace_without_copy(&self) -> Result<(), ReplaceError> {
        self.replace_keeping(KeepCopy::None)
    }

    fn replace_keeping(&self, copy: KeepCopy) -> Result<(), ReplaceError> {
        let ImportState::Ready(offer) = self.state.get_untracked() else {
            return Ok(());
        };
        self.check_fit(offer.plan_units, copy)?;
        let how = Replacement::Import {
            source: offer.source.clone(),
        };
        let step = self.put_in_place(offer.plan.clone(), how, copy)?;
        self.state.set(ImportState::Done {
            source: offer.source.clone(),
            outcome: ImportOutcome::Replaced,
            step,
        });
        Ok(())
    }

    /// Merges the offered plan into the current one by id.
    pub fn merge(&self, without_copy: bool) -> Result<(), ReplaceError> {
        let ImportState::Ready(offer) = self.state.get_untracked() else {
            return Ok(());
        };
        // The merge shown, unless the plan changed since it was worked out.
        let (merged, report, units) = match &offer.merge {
            Some(Ok(preview)) if offer.revision == self.store.revision() => (
                preview.plan.clone(),
                preview.report.clone(),
                preview.plan_units,
            ),
            _ => {
                let (merged, report) = self
                    .store
                    .with_untracked(|mine| merge_plans(mine, &offer.plan, None))
                    .map_err(ReplaceError::CannotMerge)?;
                let units = storage_units(&merged);
                (merged, report, units)
            }
        };
        let copy = if without_copy {
            KeepCopy::IfPossible
        } else {
            KeepCopy::Kept
        };
        self.check_fit(units, copy)?;
        let how = Replacement::Merge {
            source: offer.source.clone(),
            report: report.clone(),
        };
        let step = self.put_in_place(merged, how, copy)?;
        self.state.set(ImportState::Done {
            source: offer.source.clone(),
            outcome: ImportOutcome::Merged(report),
            step,
        });
        Ok(())
    }

    /// Refuses what would not fit in storage, measured now.
    fn check_fit(&self, plan_units: usize, copy: KeepCopy) -> Result<(), ReplaceError> {
        let usage = persistence::storage_usage();
        self.usage.set(usage);
        let fit = usage.fit(plan_units);
        if fit.with_copy || (copy == KeepCopy::None && fit.without_copy) {
            return Ok(());
        }
        Err(ReplaceError::WontFit(fit.refusal().unwrap_or_default()))
    }

    /// Starts a new, empty plan; the current one is kept aside.
    pub fn start_over(&self, without_copy: bool) -> Result<(), ReplaceError> {
        let copy = if without_copy {
            KeepCopy::IfPossible
        } else {
            KeepCopy::Kept
        };
        self.put_in_place(Plan::default(), Replacement::StartOver, copy)?;
        self.state.set(ImportState::Idle);
        Ok(())
    }

    /// Brings back the plan kept aside; the current one takes its place there,
    /// and Undo brings it back too.
    pub fn restore_previous(&self) -> Result<(), ReplaceError> {
        self.read_previous_once();
        let Some(KeptPrevious::Read { previous, .. }) = self.previous.get_untracked() else {
            return Ok(());
        };
        self.put_in_place(
            previous.plan,
            Replacement::RestorePrevious,
            KeepCopy::IfPossible,
        )?;
        self.state.set(ImportState::Idle);
        Ok(())
    }

    /// Lets go of the plan kept aside, to free storage.
    pub fn forget_previous(&self) {
        persistence::discard_previous_plan();
        self.previous_read.set_value(true);
        self.previous.set(None);
        self.measure_storage();
    }

    /// Syncs by hand with a plan file other devices keep too: merges it in
    /// as a step of the history ("Undo sync"), keeping the current plan
    /// aside first as any merge does. `since` is how far this device synced
    /// with that file last time, which tells an item changed on both
    /// devices. Returns the merged plan, the step (none when nothing changed
    /// here) and what the sync did.
    pub fn sync_with(
        &self,
        source: &str,
        theirs: &Plan,
        since: Option<Timestamp>,
    ) -> Result<(Plan, Option<StepId>, MergeReport), ReplaceError> {
        let (merged, report) = self
            .store
            .with_untracked(|mine| merge_plans(mine, theirs, since))
            .map_err(ReplaceError::CannotMerge)?;
        let how = Replacement::Sync {
            source: source.to_owned(),
            report: report.clone(),
        };
        let unchanged = self.store.with_untracked(|mine| *mine == merged);
        let step = if unchanged {
            None
        } else {
            self.put_in_place(merged.clone(), how, KeepCopy::IfPossible)?
        };
        Ok((merged, step, report))
    }

    /// Keeps the current plan aside, then puts `plan` in its place as a step
    /// of the history. Without a kept copy nothing changes, unless the person
    /// said to go ahead anyway. The goal list, like every view of the plan,
    /// follows the replacement from the store.
    fn put_in_place(
        &self,
        plan: Plan,
        how: Replacement,
        copy: KeepCopy,
    ) -> Result<Option<StepId>, ReplaceError> {
        let previous = PreviousPlan {
            replaced_by: StepLabel::Replacement(how.clone()).describe(),
            kept_at: clock::now(),
            plan: self.store.with_untracked(Plan::clone),
        };
        if copy == KeepCopy::None {
            persistence::discard_previous_plan();
        } else {
            match persistence::keep_previous_plan(&previous) {
                Ok(()) => {}
                Err(_) if copy == KeepCopy::IfPossible => {}
                Err(reason) => return Err(ReplaceError::CouldNotKeepPrevious(reason)),
            }
        }
        // Even unsaved, the copy stays reachable in this tab.
        self.previous_read.set_value(true);
        self.previous.set(Some(KeptPrevious::Read {
            previous: Box::new(previous),
            repairs: Vec::new(),
        }));
        self.store.replace(plan, how).map_err(ReplaceError::Refused)
    }
}

/// Whether a whole-plan change keeps the current plan aside first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum KeepCopy {
    /// It must: nothing changes if the copy can't be kept.
    Kept,
    /// If it can; the person said to go ahead without.
    IfPossible,
    /// It doesn't, and the copy kept before goes (for room).
    None,
}

pub fn use_import_flow() -> ImportFlow {
    expect_context::<ImportFlow>()
}

/// Plan files opened from the system with the installed app (the manifest's
/// `file_handlers`) arrive in the browser's launch queue: each lands on the
/// Data section's import preview, read as a chosen file is.
pub fn accept_plan_files_from_system(flow: ImportFlow) {
    let queue = js_sys::Reflect::get(&window(), &"launchQueue".into()).unwrap_or_default();
    if queue.is_undefined() || queue.is_null() {
        return;
    }
    let consumer = wasm_bindgen::closure::Closure::<dyn Fn(wasm_bindgen::JsValue)>::new(
        move |launch: wasm_bindgen::JsValue| {
            let first = js_sys::Reflect::get(&launch, &"files".into())
                .ok()
                .map(|files| js_sys::Array::from(&files).get(0));
            let Some(handle) =
                first.and_then(|first| first.dyn_into::<web_sys::FileSystemFileHandle>().ok())
            else {
                return;
            };
            leptos::task::spawn_local(async move {
                match JsFuture::from(handle.get_file()).await {
                    Ok(file) => flow.read_file(file.unchecked_into()),
                    Err(_) => flow.state.set(ImportState::Refused {
                        source: handle.name(),
                        problem: "The browser could not read the file. Try opening it again."
                            .into(),
                        detail: None,
                    }),
                }
                let _ = window().location().set_hash(&Section::Data.href());
            });
        },
    );
    let set_consumer = js_sys::Reflect::get(&queue, &"setConsumer".into())
        .ok()
        .and_then(|method| method.dyn_into::<js_sys::Function>().ok());
    if let Some(set_consumer) = set_consumer {
        // Called for the app's whole life: the closure is never dropped.
        if set_consumer.call1(&queue, consumer.as_ref()).is_ok() {
            consumer.forget();
        }
    }
}
