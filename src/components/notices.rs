//! Notices that stay until the person acts: data that could not be read or
//! needed repairs, and changes that could not be saved.

use crate::components::repairs::RepairList;
use crate::domain::safekeeping::export_reminder;
use crate::download::download_text;
use crate::state::{use_plan_store, Recovery, SaveState};
use leptos::prelude::*;

/// Shown when the saved plan could not be read at start, or opened only
/// with repairs: what happened, the text as it was to download, and a way
/// on.
#[component]
pub fn RecoveryNotice() -> impl IntoView {
    let store = use_plan_store();
    let recovery = store.recovery();
    let download_problem = RwSignal::new(None::<String>);
    // Without a safe copy, saving waits until the text is downloaded.
    let downloaded = RwSignal::new(false);
    let download = move |_| {
        let Some(recovery) = recovery.get_untracked() else {
            return;
        };
        let file_name = match recovery {
            Recovery::Unreadable(_) => {
                format!("waypoint-unreadable-{}.json", crate::clock::today())
            }
            Recovery::Repaired(_) => {
                format!("waypoint-plan-before-repair-{}.json", crate::clock::today())
            }
        };
        let result = download_text(&file_name, "application/json", recovery.text());
        downloaded.set(result.is_ok());
        download_problem.set(
            result
                .err()
                .map(|_| "The download did not start. Please try again.".to_owned()),
        );
    };
    move || {
        recovery.get().map(|recovery| {
            let safe = recovery.backup_key().is_some();
            let (title, explained, download_label, go_on) = match &recovery {
                Recovery::Unreadable(unreadable) => (
                    "We couldn't read the plan saved in this browser",
                    view! {
                        <p>{unreadable.problem.clone()}</p>
                        {unreadable.detail.clone().map(|detail| view! {
                            <details class="notice__details">
                                <summary>"Details"</summary>
                                <p>{detail}</p>
                            </details>
                        })}
                        {if safe {
                            view! {
                                <p>
                                    "Nothing has been written over it: its text is kept in this browser, and you can download it here or from the Data section at any time. You are looking at a new, empty plan."
                                </p>
                            }
                        } else {
                            view! {
                                <p>
                                    "Waypoint couldn't keep a separate copy of it, so nothing will be saved until you download the text and choose to start a new plan."
                                </p>
                            }
                        }}
                    }
                    .into_any(),
                    "Download the unreadable text",
                    if safe { "Dismiss" } else { "Start a new plan" },
                ),
                Recovery::Repaired(repaired) => (
                    "Your saved plan needed repairs to open",
                    view! {
                        <p>
                            {if repaired.repairs.len() == 1 {
                                "Waypoint found one thing in your saved plan that broke its rules, and repaired it:".to_owned()
                            } else {
                                format!(
                                    "Waypoint found {} things in your saved plan that broke its rules, and repaired them:",
                                    repaired.repairs.len()
                                )
                            }}
                        </p>
                        <RepairList repairs=repaired.repairs.clone() where_label="Where in the saved plan"/>
                        {if safe {
                            view! {
                                <p>
                                    "The plan as it was saved is kept in this browser: download it here or from the Data section at any time."
                                </p>
                            }
                        } else {
                            view! {
                                <p>
                                    "Waypoint couldn't keep a separate copy of the plan as it was saved, so the repaired plan won't be saved until you download that copy."
                                </p>
                            }
                        }}
                    }
                    .into_any(),
                    "Download the plan as it was saved",
                    if safe { "Dismiss" } else { "Keep the repaired plan" },
                ),
            };
            view! {
                <section class="notice notice--warning" role="alert" aria-labelledby="recovery-title">
                    <h2 id="recovery-title">{title}</h2>
                    {explained}
                    <div class="button-row">
                        <button type="button" class="button" on:click=download>
                            {download_label}
                        </button>
                        <button
                            type="button"
                            class="button button--quiet"
                            prop:disabled=move || !safe && !downloaded.get()
                            on:click=move |_| store.dismiss_recovery()
                        >
                            {go_on}
                        </button>
                    </div>
                    {move || download_problem.get().map(|problem| view! { <p class="notice__detail">{problem}</p> })}
                </section>
            }
        })
    }
}

/// Shown while the latest changes could not be written to storage.
#[component]
pub fn SaveFailureNotice() -> impl IntoView {
    let store = use_plan_store();
    let save_state = store.save_state();
    let failure = move || match save_state.get() {
        SaveState::Failed(error) => Some(error.to_string()),
        _ => None,
    };
    move || {
        failure().map(|reason| {
            view! {
                <section class="notice notice--error" role="alert" aria-labelledby="save-failure-title">
                    <h2 id="save-failure-title">"Your latest changes are not saved"</h2>
                    <p>
                        {format!("Waypoint could not save because {reason}. ")}
                        "Your plan is still here in this tab, so keep it open: download a copy to keep it safe, then free up space or allow storage and try again."
                    </p>
                    <div class="button-row">
                        <button
                            type="button"
                            class="button"
                            on:click=move |_| {
                                let _ = store.download_plan();
                            }
                        >
                            "Download your plan"
                        </button>
                        <button type="button" class="button button--quiet" on:click=move |_| store.save_now()>
                            "Try saving again"
                        </button>
                    </div>
                </section>
            }
        })
    }
}

/// Shown when another tab saved the plan while this one had unsaved changes.
#[component]
pub fn OtherTabNotice() -> impl IntoView {
    let store = use_plan_store();
    let other = store.other_tab_plan();
    move || {
        other.with(Option::is_some).then(|| {
            view! {
                <section class="notice notice--warning" role="alert" aria-labelledby="other-tab-title">
                    <h2 id="other-tab-title">"Your plan was changed in another tab"</h2>
                    <p>
                        "This tab has changes that are not saved yet. Nothing is saved here until you choose which version to keep."
                    </p>
                    <div class="button-row">
                        <button type="button" class="button" on:click=move |_| store.use_other_tab_plan()>
                            "Use the other tab's version"
                        </button>
                        <button type="button" class="button button--quiet" on:click=move |_| store.keep_this_tab_plan()>
                            "Keep this tab's version"
                        </button>
                    </div>
                </section>
            }
        })
    }
}

/// A quiet reminder to download a copy once the plan has changed since the
/// last one, with the download a click away.
#[component]
pub fn ExportReminderNotice() -> impl IntoView {
    let store = use_plan_store();
    let record = store.export_record();
    // Re-checked when the plan or the record changes; the clock only matters
    // at those moments.
    let reminder = Memo::new(move |_| {
        let record = record.get();
        store.with(|plan| {
            // Nothing of the person's own to keep yet.
            if crate::domain::example::holds_example(plan) {
                return None;
            }
            export_reminder(
                plan,
                record.exported_at,
                record.snoozed_until,
                crate::clock::now(),
            )
        })
    });
    let (problem, set_problem) = signal(None::<&'static str>);
    let download = move |_| {
        set_problem.set(
            store
                .download_plan()
                .err()
                .map(|_| "The download did not start. Please try again."),
        );
    };
    move || {
        reminder.get().map(|reminder| {
            view! {
                <section class="notice notice--quiet" aria-label="Keep a copy of your plan">
                    <p>{reminder.message()}</p>
                    <div class="button-row">
                        <button type="button" class="button button--small button--primary" on:click=download>
                            "Download a copy"
                        </button>
                        <button
                            type="button"
                            class="button button--small button--quiet"
                            on:click=move |_| store.snooze_export_reminder()
                        >
                            "Remind me later"
                        </button>
                    </div>
                    {move || problem.get().map(|problem| view! { <p class="field__error" role="alert">{problem}</p> })}
                </section>
            }
        })
    }
}
