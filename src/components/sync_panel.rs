//! Syncing by hand: one plan file kept in a folder every device shares (a
//! cloud drive, a synced folder). The person picks that file; what other
//! devices changed there is merged in, as a step Undo takes back, and the
//! merged plan is downloaded to save over the file, so the file stays the
//! place where the devices meet. It needs nothing but a file input and a
//! download, so it works in every browser, phones included.

use crate::clock;
use crate::components::kept_file::{use_kept_file, KeptFileSection, KeptState};
use crate::components::repairs::RepairList;
use crate::domain::calendar::{TimeZone, Timestamp};
use crate::domain::format::{to_file_text, PlanFileError, MAX_PLAN_FILE_BYTES};
use crate::domain::merge::{Conflict, ItemKind, MergeReport, Outcome};
use crate::domain::plan::Plan;
use crate::domain::reader::{read_plan, Origin, Repair};
use crate::domain::stamps::newest_time;
use crate::download::download_text;
use crate::import_flow::{use_import_flow, ImportFlow, ReplaceError};
use crate::js_text;
use crate::persistence::{self, ByHandSync};
use crate::state::{use_plan_store, PlanStore, Replacement, StepId, StepInfo, StepLabel};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Where the last sync by hand stands.
#[derive(Clone, Debug, PartialEq)]
enum SyncState {
    Idle,
    Reading {
        source: String,
    },
    Refused {
        source: String,
        problem: String,
    },
    Done {
        source: String,
        report: MergeReport,
        /// The sync's step in the history; none when it changed nothing here.
        step: Option<StepId>,
        /// Whether the merged plan was downloaded to go back to the file.
        downloaded: bool,
        /// What the careful reader mended in the file before merging it.
        repairs: Vec<Repair>,
    },
}

#[component]
pub fn SyncPanel() -> impl IntoView {
    let store = use_plan_store();
    let flow = use_import_flow();
    let (state, set_state) = signal(SyncState::Idle);
    let (last_sync, set_last_sync) = signal(persistence::by_hand_sync());
    let file_input_ref = NodeRef::<html::Input>::new();

    let sync_with_text = move |source: String, text: String| {
        // Changes since the last sync with this same file were made apart.
        let since = last_sync
            .get_untracked()
            .filter(|last| last.file_name == source)
            .and_then(|last| last.synced_through);
        let FileSynced {
            merged,
            theirs,
            repairs,
            step,
            report,
        } = match sync_with_file_text(flow, &source, &text, |_| since) {
            Ok(synced) => synced,
            Err(problem) => {
                set_state.set(SyncState::Refused { source, problem });
                return;
            }
        };
        // The file needs the merged plan only if it lacks something, or
        // was mended on the way in.
        let downloaded = (merged != theirs || !repairs.is_empty())
            && download_text(&source, "application/json", &to_file_text(&merged)).is_ok();
        let record = ByHandSync {
            file_name: source.clone(),
            synced_through: newest_time(&merged),
            synced_at: clock::now(),
        };
        // Without the record the next sync only reports fewer conflicts.
        let _ = persistence::save_by_hand_sync(&record);
        set_last_sync.set(Some(record));
        set_state.set(SyncState::Done {
            source,
            report,
            step,
            downloaded,
            repairs,
        });
    };

    let choose_file = move |_| {
        let Some(input) = file_input_ref.get() else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        // The same file can be chosen again at the next sync.
        input.set_value("");
        let source = file.name();
        if file.size() > MAX_PLAN_FILE_BYTES as f64 {
            set_state.set(SyncState::Refused {
                source,
                problem: PlanFileError::TooLarge {
                    bytes: file.size() as usize,
                }
                .to_string(),
            });
            return;
        }
        set_state.set(SyncState::Reading {
            source: source.clone(),
        });
        leptos::task::spawn_local(async move {
            match JsFuture::from(file.text()).await {
                Ok(text) => sync_with_text(
                    source,
                    text.dyn_ref().map(js_text::from_js).unwrap_or_default(),
                ),
                Err(_) => set_state.set(SyncState::Refused {
                    source,
                    problem: "The browser could not read the file.".into(),
                }),
            }
        });
    };

    // While the plan is kept in a file, the part above says where and when;
    // a word on never having synced by hand would only contradict it.
    let kept_file = use_kept_file();
    let kept_in_file =
        move || kept_file.is_some_and(|kept| matches!(kept.state().get(), KeptState::Kept { .. }));
    let where_kept = move || match last_sync.get() {
        Some(last) => Some(format!(
            "Last synced with {} on {} at {}.",
            last.file_name,
            clock::local_date(last.synced_at),
            clock_time(last.synced_at)
        )),
        None if kept_in_file() => None,
        None => Some("You haven't synced this plan with a file on this device yet.".to_owned()),
    };
    let latest = store.latest();

    view! {
        <section class="panel" aria-labelledby="sync-heading">
            <h2 id="sync-heading">"Sync between devices"</h2>
            <p>
                "Keep one plan on every device you use, with no server: keep your plan file in a folder all your devices share (Dropbox, Google Drive, iCloud Drive, a Syncthing folder). Sync with that file here, and whatever your other devices changed is merged into your plan; then save the merged plan that downloads over the file in that folder."
            </p>
            <KeptFileSection/>
            {move || where_kept().map(|words| view! { <p class="muted">{words}</p> })}
            // Drawn like the import's picker: the input itself is hidden
            // from sight only, and a second label, drawn as a button, opens it.
            <div class="field file-picker">
                <label for="sync-file">"Sync with a file…"</label>
                <input
                    id="sync-file"
                    class="file-picker__input"
                    type="file"
                    accept=".json,application/json"
                    node_ref=file_input_ref
                    on:change=choose_file
                />
                <label for="sync-file" class="button file-picker__button">"Choose the shared file…"</label>
            </div>
            <div role="status" class="import-status">
                {move || {
                    let current = state.get();
                    if let SyncState::Reading { source } = &current {
                        return Some(view! { <p>{format!("Reading {source}…")}</p> }.into_any());
                    }
                    // The latest sync is a view of its step in the history:
                    // while it is the latest change it offers Undo, once
                    // undone Redo, wherever the person went meanwhile.
                    let latest_sync = latest.with(|latest| {
                        let as_sync = |step: &Option<StepInfo>| match step.as_ref().map(|step| (step.id, &step.label)) {
                            Some((id, StepLabel::Replacement(Replacement::Sync { source, report }))) => {
                                Some((id, source.clone(), report.clone()))
                            }
                            _ => None,
                        };
                        as_sync(&latest.undo)
                            .map(|sync| (sync, false))
                            .or_else(|| as_sync(&latest.redo).map(|sync| (sync, true)))
                    });
                    match (latest_sync, current) {
                        (Some(((id, source, report), undone)), current) => {
                            // Known only in the panel that made the sync.
                            let downloaded = match current {
                                SyncState::Done { step: Some(step), downloaded, .. } if step == id => {
                                    Some(downloaded)
                                }
                                _ => None,
                            };
                            Some(sync_done(store, source, report, Some(id), undone, downloaded))
                        }
                        (None, SyncState::Done { source, report, step: None, downloaded, .. }) => {
                            Some(sync_done(store, source, report, None, false, Some(downloaded)))
                        }
                        _ => None,
                    }
                }}
            </div>
            {move || match state.get() {
                SyncState::Done { source, repairs, .. } if !repairs.is_empty() => Some(view! {
                    <div class="notice">
                        <h3>{format!("{source} needed repairs before it was merged")}</h3>
                        <RepairList repairs=repairs where_label="Where in the file" />
                    </div>
                }.into_any()),
                SyncState::Refused { source, problem } => Some(view! {
                    <div class="notice notice--error" role="alert">
                        <h3>{format!("Could not sync with {source}")}</h3>
                        <p>{problem}</p>
                        <p>"Your plan has not changed."</p>
                    </div>
                }.into_any()),
                _ => None,
            }}
        </section>
    }
}

/// A sync with the text of a plan file other devices keep too, as both ways
/// of syncing make it (by hand, and the file the plan is kept in).
pub(crate) struct FileSynced {
    pub merged: Plan,
    /// The plan the file held.
    pub theirs: Plan,
    /// What the careful reader mended in the file before merging it: the
    /// file needs the merged plan back then.
    pub repairs: Vec<Repair>,
    /// The sync's step in the history; none when it changed nothing here.
    pub step: Option<StepId>,
    pub report: MergeReport,
}

/// Merges the plan in `text` (from the file named `source`) into this
/// device's plan as a step of the history ("Undo sync"). `since` says, from
/// the plan the file holds, when this device and the file last met. The
/// error is what to tell the person; the plan has not changed then.
pub(crate) fn sync_with_file_text(
    flow: ImportFlow,
    source: &str,
    text: &str,
    since: impl FnOnce(&Plan) -> Option<Timestamp>,
) -> Result<FileSynced, String> {
    // Read like any file: what can be mended is, and said.
    let read = read_plan(text).map_err(|problem| problem.explain(Origin::File).message)?;
    let (theirs, repairs) = (read.plan, read.repairs);
    let since = since(&theirs);
    let (merged, step, report) =
        flow.sync_with(source, &theirs, since)
            .map_err(|problem| match problem {
                ReplaceError::CannotMerge(why) => {
                    format!("Your plan and this file can't be merged: {why}")
                }
                other => other.to_string(),
            })?;
    Ok(FileSynced {
        merged,
        theirs,
        repairs,
        step,
        report,
    })
}

/// What a sync did, with Undo while its step is the latest change (Redo once
/// undone), and whether the merged plan went back to the file (when known).
fn sync_done(
    store: PlanStore,
    source: String,
    report: MergeReport,
    step: Option<StepId>,
    undone: bool,
    downloaded: Option<bool>,
) -> AnyView {
    if undone {
        return view! {
            <div class="import-status__done">
                <p>
                    {format!("Syncing with {source} is undone: your plan is as it was. ")}
                    <button type="button" class="button button--small" on:click=move |_| { step.map(|step| store.redo_step(step)); }>
                        "Redo sync"
                    </button>
                </p>
            </div>
        }
        .into_any();
    }
    let back_to_file = match downloaded {
        Some(true) => format!(
            "The merged plan was downloaded as {source}: save it over the file in your shared folder. "
        ),
        Some(false) => format!("{source} already has everything in your plan. "),
        None => String::new(),
    };
    let conflicts = report.conflicts.clone();
    view! {
        <div class="import-status__done">
            <p>
                {format!("Synced with {source}: {}. ", sync_words(&report))}
                {back_to_file}
                {step.map(|step| view! {
                    <button type="button" class="button button--small" on:click=move |_| { store.undo_step(step); }>
                        "Undo sync"
                    </button>
                })}
            </p>
            {(!conflicts.is_empty()).then(|| view! {
                <h3>"Changed on both devices"</h3>
                <ul class="sync-conflicts">
                    {conflicts.iter().map(|conflict| view! { <li>{conflict_words(conflict)}</li> }).collect_view()}
                </ul>
            })}
        </div>
    }
    .into_any()
}

/// `HH:MM` of a time, on the clocks where the browser is.
pub(crate) fn clock_time(at: Timestamp) -> String {
    let offset = clock::BrowserTimeZone.utc_offset_seconds(at);
    let local = Timestamp::from_seconds(at.seconds_since_epoch() + i64::from(offset));
    local.to_string().get(11..16).unwrap_or_default().to_owned()
}

fn count(number: usize, one: &str, many: &str) -> Option<String> {
    match number {
        0 => None,
        1 => Some(format!("1 {one}")),
        number => Some(format!("{number} {many}")),
    }
}

/// What a sync did to this device's plan, in a few words.
pub(crate) fn sync_words(report: &MergeReport) -> String {
    if report.changes_nothing() {
        return "nothing new from other devices".to_owned();
    }
    let mut parts: Vec<String> = [
        count(report.added.len(), "item added", "items added"),
        count(report.changed.len(), "item changed", "items changed"),
        count(report.removed.len(), "item removed", "items removed"),
    ]
    .into_iter()
    .flatten()
    .collect();
    if report.vision_from_other {
        parts.push("a newer vision (yours joins the vision's history)".to_owned());
    }
    if let Some(moved) = count(
        report.goals_moved_to_fit.len(),
        "goal placed elsewhere to keep the goal tree whole",
        "goals placed elsewhere to keep the goal tree whole",
    ) {
        parts.push(moved);
    }
    parts.join(", ")
}

/// One item both devices changed, and what was kept.
fn conflict_words(conflict: &Conflict) -> String {
    let name = match conflict.item.kind {
        ItemKind::Vision => "Your vision".to_owned(),
        ItemKind::ReviewRhythm => "Your review rhythm".to_owned(),
        ItemKind::CheckIn => {
            let title = &conflict.item.title;
            let mut chars = title.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
        _ => format!("“{}”", conflict.item.title),
    };
    let outcome = match conflict.outcome {
        Outcome::KeptThis => "this device's change was newer and stays.",
        Outcome::KeptOther => {
            "the other device's change was newer and is kept; Undo sync brings this device's back."
        }
        Outcome::RemovedThere => {
            "another device removed it after it was changed here, so it is removed; Undo sync brings it back."
        }
        Outcome::BackFromThere => {
            "it was removed here, and another device changed it after that, so it is back."
        }
    };
    format!("{name}: {outcome}")
}
