//! The person's data: export it, import a plan file, and reach any copies of
//! saved text that could not be read.

use crate::domain::format::{parse_plan, PlanSummary, MAX_PLAN_FILE_BYTES};
use crate::domain::plan::Plan;
use crate::download::{download_plan, download_text};
use crate::pages::goals::GoalListState;
use crate::persistence::{self, UnreadableBackup};
use crate::state::use_plan_store;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Where an import stands.
#[derive(Clone, Debug, PartialEq)]
enum ImportState {
    Idle,
    Reading {
        file_name: String,
    },
    Refused {
        file_name: String,
        problem: String,
    },
    /// Read and checked; waiting for the person to confirm.
    Ready {
        file_name: String,
        plan: Box<Plan>,
    },
    Done {
        file_name: String,
    },
}

#[component]
pub fn DataPage() -> impl IntoView {
    view! {
        <div class="page page--data">
            <header class="page-header">
                <h1>"Data"</h1>
                <p class="lede">
                    "Your plan lives only in this browser. Download it to keep a copy or move it to another device, and import a plan file to bring one back."
                </p>
            </header>
            <ExportPanel/>
            <ImportPanel/>
            <UnreadableBackupsPanel/>
        </div>
    }
}

#[component]
fn ExportPanel() -> impl IntoView {
    let store = use_plan_store();
    let (problem, set_problem) = signal(None::<String>);
    let export = move |_| {
        let result = store.with_untracked(download_plan);
        set_problem.set(
            result
                .err()
                .map(|_| "The download did not start. Please try again.".to_owned()),
        );
    };
    view! {
        <section class="panel" aria-labelledby="export-heading">
            <h2 id="export-heading">"Export"</h2>
            <p>"A JSON file with everything in your plan. It opens in Waypoint on any device."</p>
            <button type="button" class="button button--primary" on:click=export>
                "Download plan (.json)"
            </button>
            {move || problem.get().map(|problem| view! { <p class="field__error" role="alert">{problem}</p> })}
        </section>
    }
}

#[component]
fn ImportPanel() -> impl IntoView {
    let store = use_plan_store();
    let (state, set_state) = signal(ImportState::Idle);
    // The plan as it was before the last import, so the import can be undone.
    let replaced = RwSignal::new(None::<Plan>);
    let file_input_ref: NodeRef<html::Input> = NodeRef::new();
    let confirm_ref: NodeRef<html::Button> = NodeRef::new();

    let choose_file = move |_| {
        let Some(input) = file_input_ref.get_untracked() else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        let file_name = file.name();
        if file.size() > MAX_PLAN_FILE_BYTES as f64 {
            set_state.set(ImportState::Refused {
                file_name,
                problem: crate::domain::format::PlanFileError::TooLarge {
                    bytes: file.size() as usize,
                }
                .to_string(),
            });
            return;
        }
        set_state.set(ImportState::Reading {
            file_name: file_name.clone(),
        });
        // `File` can't live in a signal: read it here, in the task.
        leptos::task::spawn_local(async move {
            let next = match JsFuture::from(file.text()).await {
                Ok(text) => match parse_plan(&text.as_string().unwrap_or_default()) {
                    Ok(plan) => ImportState::Ready {
                        file_name,
                        plan: Box::new(plan),
                    },
                    Err(problem) => ImportState::Refused {
                        file_name,
                        problem: problem.to_string(),
                    },
                },
                Err(_) => ImportState::Refused {
                    file_name,
                    problem: "The browser could not read the file.".into(),
                },
            };
            set_state.set(next);
        });
    };

    // Bring the confirmation to the person as soon as it appears.
    Effect::new(move |_| {
        if matches!(state.get(), ImportState::Ready { .. }) {
            if let Some(button) = confirm_ref.get() {
                let _ = button.focus();
            }
        }
    });

    let reset_input = move || {
        if let Some(input) = file_input_ref.get_untracked() {
            input.set_value("");
        }
    };
    let confirm = move |_| {
        let ImportState::Ready { file_name, plan } = state.get_untracked() else {
            return;
        };
        replaced.set(Some(store.with_untracked(Plan::clone)));
        if let Some(goal_list) = use_context::<GoalListState>() {
            goal_list.start_over(&plan);
        }
        store.replace(*plan);
        set_state.set(ImportState::Done { file_name });
        reset_input();
    };
    let cancel = move |_| {
        set_state.set(ImportState::Idle);
        reset_input();
    };
    let undo = move |_| {
        if let Some(previous) = replaced.try_update(Option::take).flatten() {
            store.replace(previous);
            set_state.set(ImportState::Idle);
        }
    };

    view! {
        <section class="panel" aria-labelledby="import-heading">
            <h2 id="import-heading">"Import"</h2>
            <p>"Open a Waypoint plan file. You'll see what it holds before anything changes."</p>
            <div class="field">
                <label for="import-file">"Plan file to import"</label>
                <input
                    id="import-file"
                    type="file"
                    accept=".json,application/json"
                    node_ref=file_input_ref
                    on:change=choose_file
                />
            </div>
            <div role="status" class="import-status">
                {move || match state.get() {
                    ImportState::Reading { file_name } => Some(view! { <p>{format!("Reading {file_name}…")}</p> }.into_any()),
                    ImportState::Done { file_name } => Some(view! {
                        <p class="import-status__done">
                            {format!("Your plan now comes from {file_name}. ")}
                            <Show when=move || replaced.with(Option::is_some)>
                                <button type="button" class="button button--small" on:click=undo>
                                    "Undo import"
                                </button>
                            </Show>
                        </p>
                    }.into_any()),
                    _ => None,
                }}
            </div>
            {move || match state.get() {
                ImportState::Refused { file_name, problem } => Some(view! {
                    <div class="notice notice--error" role="alert">
                        <h3>{format!("{file_name} was not imported")}</h3>
                        <p>{problem}</p>
                        <p>"Your plan has not changed."</p>
                    </div>
                }.into_any()),
                ImportState::Ready { file_name, plan } => {
                    let summary = PlanSummary::of(&plan);
                    Some(view! {
                        <div class="confirm" role="group" aria-labelledby="confirm-import-heading">
                            <h3 id="confirm-import-heading">{format!("Replace your plan with {file_name}?")}</h3>
                            <ImportSummary summary=summary/>
                            <p>"Your current plan will be replaced. You can undo this right after."</p>
                            <div class="button-row">
                                <button type="button" class="button button--primary" node_ref=confirm_ref on:click=confirm>
                                    "Replace my plan"
                                </button>
                                <button type="button" class="button button--quiet" on:click=cancel>
                                    "Cancel"
                                </button>
                            </div>
                        </div>
                    }.into_any())
                }
                _ => None,
            }}
        </section>
    }
}

/// What an imported file holds.
#[component]
fn ImportSummary(summary: PlanSummary) -> impl IntoView {
    let vision = if summary.vision.is_empty() {
        "No vision statement".to_owned()
    } else {
        format!("Vision: “{}”", summary.vision)
    };
    let last_change = summary
        .last_change
        .map_or("never".to_owned(), |instant| instant.date().to_string());
    view! {
        <ul class="summary-list">
            <li>{vision}</li>
            <li>{format!("{} long-term goals, {} short-term goals", summary.long_term_goals, summary.short_term_goals)}</li>
            <li>{format!("{} steps ({} done)", summary.steps, summary.steps_done)}</li>
            <li>{format!("{} check-ins", summary.check_ins)}</li>
            <li>{format!("Last changed: {last_change}")}</li>
        </ul>
    }
}

#[component]
fn UnreadableBackupsPanel() -> impl IntoView {
    let backups = RwSignal::new(persistence::unreadable_backups());
    let armed_delete = RwSignal::new(None::<String>);
    let (problem, set_problem) = signal(None::<String>);

    let backup_row = move |backup: UnreadableBackup| {
        let key = backup.key.clone();
        let found = key
            .trim_start_matches(persistence::UNREADABLE_KEY_PREFIX)
            .to_owned();
        let download = {
            let found = found.clone();
            move |_| {
                let file_name = format!("waypoint-unreadable-{}.txt", found.replace(':', "-"));
                if download_text(&file_name, "text/plain", &backup.text).is_err() {
                    set_problem.set(Some("The download did not start. Please try again.".into()));
                }
            }
        };
        let delete = {
            let key = key.clone();
            move |_| {
                if armed_delete.get_untracked().as_ref() != Some(&key) {
                    armed_delete.set(Some(key.clone()));
                    return;
                }
                match persistence::discard_unreadable_backup(&key) {
                    Ok(()) => backups.set(persistence::unreadable_backups()),
                    Err(reason) => set_problem.set(Some(format!("Could not delete it: {reason}"))),
                }
                armed_delete.set(None);
            }
        };
        let armed = move || armed_delete.get().as_ref() == Some(&key);
        view! {
            <li class="backup">
                <span>{format!("Found unreadable on {found}")}</span>
                <div class="button-row">
                    <button type="button" class="button button--small" on:click=download>
                        "Download"
                    </button>
                    <button type="button" class="button button--small button--danger" on:click=delete>
                        {move || if armed() { "Really delete it?" } else { "Delete" }}
                    </button>
                </div>
            </li>
        }
    };

    view! {
        <Show when=move || !backups.with(Vec::is_empty)>
            <section class="panel" aria-labelledby="backups-heading">
                <h2 id="backups-heading">"Saved text that could not be read"</h2>
                <p>
                    "Waypoint keeps anything it could not read as a plan, so nothing is lost. Download it to repair it or to ask for help."
                </p>
                <ul class="backup-list">
                    {move || backups.get().into_iter().map(backup_row).collect_view()}
                </ul>
                {move || problem.get().map(|problem| view! { <p class="field__error" role="alert">{problem}</p> })}
            </section>
        </Show>
    }
}
