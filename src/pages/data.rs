//! The person's data: download it in every useful form, share it without a
//! server, bring a plan in, see how much room is left, and undo any
//! whole-plan change.

use crate::clock;
use crate::components::repairs::RepairList;
use crate::components::sync_panel::SyncPanel;
use crate::domain::format::{to_file_text, PlanSummary};
use crate::domain::merge::MergeReport;
use crate::domain::method::without_private;
use crate::domain::readable::{to_ics, to_markdown};
use crate::download::download_text;
use crate::import_flow::{use_import_flow, ImportOutcome, ImportState, ReplaceError};
use crate::persistence::{self, KeptBecause, KeptPrevious, KeptText, Persistence};
use crate::routing::Section;
use crate::share_link::make_share_link;
use crate::state::{use_plan_store, SaveState};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// From this share of the common quota on, the storage panel warns.
const STORAGE_WARNING_PERCENT: u32 = 80;

const DOWNLOAD_FAILED: &str = "The download did not start. Please try again.";

#[component]
pub fn DataPage() -> impl IntoView {
    view! {
        <div class="page page--data">
            <header class="page-header">
                <h1>"Data"</h1>
                <p class="lede">
                    "Your plan lives only in this browser. Download it to keep a copy or move it to another device, share it without any server, and bring a plan file back in."
                </p>
            </header>
            <ImportPanel/>
            <SyncPanel/>
            <ExportPanel/>
            <SharePanel/>
            <PreviousPlanPanel/>
            <StoragePanel/>
            <StartOverPanel/>
            <KeptTextsPanel/>
        </div>
    }
}

/// Names the private entries a shared copy leaves out.
fn private_note(count: usize) -> String {
    match count {
        0 => "You have no private entries, so nothing is left out.".to_owned(),
        1 => "Your 1 private entry is left out.".to_owned(),
        count => format!("Your {count} private entries are left out."),
    }
}

#[component]
fn ExportPanel() -> impl IntoView {
    let store = use_plan_store();
    let (problem, set_problem) = signal(None::<&'static str>);
    let report = move |result: Result<(), wasm_bindgen::JsValue>| {
        set_problem.set(result.err().map(|_| DOWNLOAD_FAILED));
    };
    let export = move |_| report(store.download_plan());
    let markdown = move |_| {
        let text = store.with_untracked(|plan| {
            to_markdown(&without_private(plan), clock::today(), &clock::time_zone())
        });
        let name = format!("waypoint-plan-{}.md", clock::today());
        report(download_text(&name, "text/markdown", &text));
    };
    let calendar = move |_| {
        let text = store.with_untracked(|plan| {
            to_ics(
                plan,
                clock::now(),
                &clock::time_zone(),
                clock::week_starts_on(),
            )
        });
        let name = format!("waypoint-dates-{}.ics", clock::today());
        report(download_text(&name, "text/calendar", &text));
    };
    let dated_goals = move || {
        store.with(|plan| {
            plan.goals
                .iter()
                .filter(|goal| goal.target_date.is_some() && goal.status.is_active())
                .count()
        })
    };
    let last_export = move || {
        store.export_record().get().exported_at.map_or_else(
            || "You haven't downloaded this plan yet.".to_owned(),
            |at| format!("Last downloaded on {}.", clock::local_date(at)),
        )
    };
    view! {
        <section class="panel" aria-labelledby="export-heading">
            <h2 id="export-heading">"Download"</h2>
            <div class="export-row">
                <div>
                    <h3>"The whole plan"</h3>
                    <p>"A JSON file with everything, private entries included. It opens in Waypoint on any device."</p>
                    <p class="muted">{last_export}</p>
                </div>
                <button type="button" class="button button--primary" on:click=export>
                    "Download plan (.json)"
                </button>
            </div>
            <div class="export-row">
                <div>
                    <h3>"A page to paste anywhere"</h3>
                    <p>"Your vision, leverage, options, goals and latest check-ins as Markdown. Private entries are left out."</p>
                </div>
                <button type="button" class="button" on:click=markdown>
                    "Download as Markdown (.md)"
                </button>
            </div>
            <div class="export-row">
                <div>
                    <h3>"Dates for your calendar"</h3>
                    <p>
                        {move || match dated_goals() {
                            0 => "No open goal has a target date yet: once one has, it goes in this file with a reminder the day before. Your review rhythm goes in too, if you have one. ".to_owned(),
                            1 => "Your 1 open goal with a target date, with a reminder the day before, and your review rhythm if you have one. ".to_owned(),
                            count => format!("Your {count} open goals with target dates, each with a reminder the day before, and your review rhythm if you have one. "),
                        }}
                        "Open the file with your calendar app."
                    </p>
                </div>
                <button type="button" class="button" on:click=calendar>
                    "Download dates (.ics)"
                </button>
            </div>
            <div class="export-row">
                <div>
                    <h3>"Print"</h3>
                    <p>"The whole plan on one page, to print or save as PDF."</p>
                </div>
                <a class="button" href=Section::OnePage.href()>"Plan on a page"</a>
            </div>
            {move || problem.get().map(|problem| view! { <p class="field__error" role="alert">{problem}</p> })}
        </section>
    }
}

/// Where making a share link stands.
#[derive(Clone, Debug, PartialEq)]
enum LinkState {
    None,
    Making,
    Made(String),
    Failed(String),
}

#[component]
fn SharePanel() -> impl IntoView {
    let store = use_plan_store();
    let (problem, set_problem) = signal(None::<&'static str>);
    let (link, set_link) = signal(LinkState::None);
    let (copied, set_copied) = signal(None::<String>);
    let link_ref: NodeRef<html::Input> = NodeRef::new();
    let private_count = move || store.with(|plan| plan.assets.iter().filter(|a| a.private).count());

    let share_file = move |_| {
        let text = store.with_untracked(|plan| to_file_text(&without_private(plan)));
        let name = format!("waypoint-plan-shared-{}.json", clock::today());
        let result = download_text(&name, "application/json", &text);
        set_problem.set(result.err().map(|_| DOWNLOAD_FAILED));
    };
    let make_link = move |_| {
        set_link.set(LinkState::Making);
        set_copied.set(None);
        let shared = store.with_untracked(without_private);
        leptos::task::spawn_local(async move {
            set_link.set(match make_share_link(&shared).await {
                Ok(link) => LinkState::Made(link),
                Err(problem) => LinkState::Failed(problem.to_string()),
            });
        });
    };
    // The link is stale once the plan changes.
    Effect::new(move |first: Option<()>| {
        store.with(|_| ());
        if first.is_some() {
            set_link.set(LinkState::None);
        }
    });
    let copy = move |_| {
        let LinkState::Made(text) = link.get_untracked() else {
            return;
        };
        if let Some(input) = link_ref.get_untracked() {
            input.select();
        }
        let navigator = window().navigator();
        // The clipboard exists only on secure pages (https, localhost).
        let has_clipboard = js_sys::Reflect::has(&navigator, &"clipboard".into()).unwrap_or(false);
        if !has_clipboard {
            set_copied.set(Some(
                "The link is selected: copy it with Ctrl+C (⌘C on a Mac).".into(),
            ));
            return;
        }
        let promise = navigator.clipboard().write_text(&text);
        leptos::task::spawn_local(async move {
            set_copied.set(Some(match JsFuture::from(promise).await {
                Ok(_) => "Link copied.".into(),
                Err(_) => "The link is selected: copy it with Ctrl+C (⌘C on a Mac).".into(),
            }));
        });
    };

    view! {
        <section class="panel" aria-labelledby="share-heading">
            <h2 id="share-heading">"Share"</h2>
            <p>
                "Share your plan with a mentor or a friend without any server. "
                {move || private_note(private_count())}
            </p>
            <div class="export-row">
                <div>
                    <h3>"A file for sharing"</h3>
                    <p>"A plan file they can open in their own Waypoint."</p>
                </div>
                <button type="button" class="button" on:click=share_file>
                    "Download for sharing (.json)"
                </button>
            </div>
            <div class="export-row">
                <div>
                    <h3>"A link"</h3>
                    <p>
                        "The plan is packed into the link itself, after the #, which browsers never send to any server. It opens read-only; they can import it if they want."
                    </p>
                </div>
                <button type="button" class="button" on:click=make_link disabled=move || link.get() == LinkState::Making>
                    "Make a share link"
                </button>
            </div>
            {move || match link.get() {
                LinkState::None => None,
                LinkState::Making => Some(view! { <p role="status">"Packing the plan…"</p> }.into_any()),
                LinkState::Failed(problem) => Some(view! {
                    <p class="field__error" role="alert">{problem}</p>
                }.into_any()),
                LinkState::Made(text) => {
                    let length = text.chars().count();
                    Some(view! {
                        <div class="share-link">
                            <label for="share-link">{format!("Share link ({length} characters)")}</label>
                            <div class="share-link__row">
                                <input id="share-link" type="text" readonly prop:value=text node_ref=link_ref/>
                                <button type="button" class="button" on:click=copy>"Copy link"</button>
                            </div>
                            <p role="status" class="muted">{move || copied.get()}</p>
                        </div>
                    }.into_any())
                }
            }}
            {move || problem.get().map(|problem| view! { <p class="field__error" role="alert">{problem}</p> })}
        </section>
    }
}

#[component]
fn ImportPanel() -> impl IntoView {
    let flow = use_import_flow();
    let store = use_plan_store();
    let state = flow.state();
    let file_input_ref: NodeRef<html::Input> = NodeRef::new();
    let choice_ref: NodeRef<html::Div> = NodeRef::new();
    let status_ref: NodeRef<html::Div> = NodeRef::new();
    // A replace or merge that could not first keep the current plan aside.
    let (blocked, set_blocked) = signal(None::<ReplaceError>);

    let choose_file = move |_| {
        let Some(input) = file_input_ref.get_untracked() else {
            return;
        };
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            set_blocked.set(None);
            flow.read_file(file);
        }
        // The same file can be chosen again after a refusal.
        input.set_value("");
    };

    // Bring the choice to the person as soon as it appears.
    Effect::new(move |_| {
        if matches!(state.get(), ImportState::Ready { .. }) {
            if let Some(choice) = choice_ref.get() {
                let _ = choice.focus();
            }
        }
    });

    let act = move |merge: bool| {
        let anyway = blocked.get_untracked().is_some();
        let result = if merge {
            flow.merge(anyway)
        } else {
            flow.replace(anyway)
        };
        set_blocked.set(result.err());
    };
    // Once the choice is made it goes, with the button that had the focus:
    // the focus goes to what came of it.
    Effect::new(move |was_choosing: Option<bool>| {
        let state = state.get();
        if was_choosing == Some(true) && matches!(state, ImportState::Done { .. }) {
            if let Some(status) = status_ref.get_untracked() {
                let _ = status.focus();
            }
        }
        matches!(state, ImportState::Ready { .. })
    });
    let download_current = move |_| {
        let _ = store.download_plan();
    };
    let latest = store.latest();
    let usage = flow.usage();

    view! {
        <section class="panel" aria-labelledby="import-heading">
            <h2 id="import-heading">"Import"</h2>
            <p>
                "Open a Waypoint plan file, or drop one anywhere on this page. You'll see what it holds, then choose to replace your plan or merge the two, before anything changes."
            </p>
            // The browser's own file button looks like no other control here:
            // the input is hidden from sight (not from the keyboard or screen
            // readers) and a second label, drawn as a button, opens it.
            <div class="field file-picker">
                <label for="import-file">"Plan file to import"</label>
                <input
                    id="import-file"
                    class="file-picker__input"
                    type="file"
                    accept=".json,application/json"
                    node_ref=file_input_ref
                    on:change=choose_file
                />
                <label for="import-file" class="button file-picker__button">"Choose a file…"</label>
            </div>
            <div role="status" class="import-status" tabindex="-1" node_ref=status_ref>
                {move || match state.get() {
                    ImportState::Reading { source, goals_read, goals_in_text } => {
                        let progress = match goals_in_text {
                            Some(total) if total > GOALS_WORTH_COUNTING => {
                                format!(" {goals_read} of {total} goals read.")
                            }
                            _ => String::new(),
                        };
                        Some(view! { <p>{format!("Reading {source}…{progress}")}</p> }.into_any())
                    }
                    ImportState::Done { source, outcome, step } => {
                        // A view of the import's step in the history: Undo
                        // while it is the latest change, Redo once undone.
                        let (done, undone, undo_label, redo_label) = match outcome {
                            ImportOutcome::Replaced => (
                                format!("Your plan now comes from {source}. "),
                                format!("The import of {source} is undone: your plan is as it was. "),
                                "Undo import",
                                "Redo import",
                            ),
                            ImportOutcome::Merged(report) => (
                                format!("Merged {source} into your plan: {}. ", merge_words(&report)),
                                format!("Merging in {source} is undone: your plan is as it was. "),
                                "Undo merge",
                                "Redo merge",
                            ),
                        };
                        Some((move || {
                            let (latest_undo, latest_redo) = latest.with(|latest| {
                                (latest.undo.as_ref().map(|s| s.id), latest.redo.as_ref().map(|s| s.id))
                            });
                            if step.is_some() && latest_redo == step {
                                view! {
                                    <p class="import-status__done">
                                        {undone.clone()}
                                        <button type="button" class="button button--small" on:click=move |_| { step.map(|step| store.redo_step(step)); }>
                                            {redo_label}
                                        </button>
                                    </p>
                                }.into_any()
                            } else {
                                let can_undo = step.is_some() && latest_undo == step;
                                view! {
                                    <p class="import-status__done">
                                        {done.clone()}
                                        {can_undo.then(|| view! {
                                            <button type="button" class="button button--small" on:click=move |_| { step.map(|step| store.undo_step(step)); }>
                                                {undo_label}
                                            </button>
                                        })}
                                    </p>
                                }.into_any()
                            }
                        }).into_any())
                    }
                    _ => None,
                }}
            </div>
            {move || match state.get() {
                ImportState::Refused { source, problem, detail } => Some(view! {
                    <div class="notice notice--error" role="alert">
                        <h3>{format!("{source} was not imported")}</h3>
                        <p>{problem}</p>
                        {detail.map(|detail| view! {
                            <details class="notice__details">
                                <summary>"Details"</summary>
                                <p>{detail}</p>
                            </details>
                        })}
                        <p>"Your plan has not changed."</p>
                    </div>
                }.into_any()),
                ImportState::Ready(offer) => {
                    let mine_is_blank = offer.merge.is_none();
                    let repairs = offer.repairs.clone();
                    let source = offer.source.clone();
                    Some(view! {
                        <div class="confirm" role="group" aria-labelledby="confirm-import-heading" tabindex="-1" node_ref=choice_ref>
                            <h3 id="confirm-import-heading">{format!("Import {source}?")}</h3>
                            <ImportSummary summary=offer.summary.clone()/>
                            {(!repairs.is_empty()).then(|| view! {
                                <div class="notice notice--info repairs" role="note" aria-label="Repairs">
                                    <p>{repaired_words(repairs.len())}</p>
                                    <RepairList repairs=repairs where_label="Where in the file"/>
                                </div>
                            })}
                            {move || {
                                let offer = offer.clone();
                                let usage = usage.get();
                                let replace_fit = usage.fit(offer.plan_units);
                                if let Some(refusal) = replace_fit.refusal() {
                                    return view! {
                                        <WontFit refusal=refusal fits_without_copy=replace_fit.without_copy kept={replace_fit.kept_units > 0}/>
                                    }.into_any();
                                }
                                let merge = offer.merge.as_ref().map(|merge| match merge {
                                    Ok(preview) => match usage.fit(preview.plan_units).refusal() {
                                        None => Ok(format!("Merging would bring in {}.", merge_words(&preview.report))),
                                        Some(_) => Err("Merging the two would not fit in this browser's storage; replacing still does.".to_owned()),
                                    },
                                    Err(problem) => Err(format!("These plans can't be merged: {problem}")),
                                });
                                let can_merge = matches!(merge, Some(Ok(_)));
                                view! {
                                    {(!mine_is_blank).then(|| view! {
                                        <p>
                                            <strong>"Replace"</strong>" puts this plan in place of yours. "
                                            <strong>"Merge"</strong>" keeps both: items only in one are kept, and where both have an item, the newer change wins. "
                                            {merge.map(|words| words.unwrap_or_else(|problem| problem))}
                                        </p>
                                        <p>"Either way your current plan is kept, and Undo brings it back."</p>
                                    })}
                                    {move || blocked.get().map(|problem| view! {
                                        <div class="notice notice--warning" role="alert">
                                            <p>{problem.to_string()}</p>
                                            <button type="button" class="button button--small" on:click=download_current>
                                                "Download my current plan"
                                            </button>
                                        </div>
                                    })}
                                    <div class="button-row">
                                        <button type="button" class="button button--primary" on:click=move |_| act(false)>
                                            {move || if blocked.get().is_some() { "Replace without a kept copy" } else { "Replace my plan" }}
                                        </button>
                                        {can_merge.then(|| view! {
                                            <button type="button" class="button" on:click=move |_| act(true)>
                                                {move || if blocked.get().is_some() { "Merge without a kept copy" } else { "Merge into my plan" }}
                                            </button>
                                        })}
                                        <button type="button" class="button button--quiet" on:click=move |_| { set_blocked.set(None); flow.cancel(); }>
                                            "Cancel"
                                        </button>
                                    </div>
                                }.into_any()
                            }}
                        </div>
                    }.into_any())
                }
                _ => None,
            }}
        </section>
    }
}

/// Above this many goals, reading says how far it has got.
const GOALS_WORTH_COUNTING: usize = 2_000;

/// "Waypoint repaired 3 things in this plan so that it opens."
fn repaired_words(count: usize) -> String {
    let things = if count == 1 {
        "1 thing".to_owned()
    } else {
        format!("{count} things")
    };
    format!(
        "Waypoint repaired {things} in this plan so that it opens. Nothing has changed yet: \
         choose below, or cancel."
    )
}

/// The preview of a plan that would not fit in this browser's storage: why,
/// and what is left to do.
#[component]
fn WontFit(
    refusal: String,
    /// Whether it would fit without keeping the current plan aside first.
    fits_without_copy: bool,
    /// Whether there are kept copies to delete.
    kept: bool,
) -> impl IntoView {
    let flow = use_import_flow();
    let store = use_plan_store();
    let (delete_armed, set_delete_armed) = signal(false);
    let (replace_armed, set_replace_armed) = signal(false);
    let (problem, set_problem) = signal(None::<String>);
    let delete_kept = move |_| {
        if !delete_armed.get_untracked() {
            set_delete_armed.set(true);
            return;
        }
        set_delete_armed.set(false);
        flow.forget_previous();
        let failed = persistence::kept_texts()
            .into_iter()
            .find_map(|kept| persistence::discard_kept_text(&kept.key).err());
        set_problem.set(failed.map(|reason| format!("Some copies could not be deleted: {reason}")));
        flow.measure_storage();
    };
    let replace_without_copy = move |_| {
        if !replace_armed.get_untracked() {
            set_replace_armed.set(true);
            return;
        }
        set_problem.set(
            flow.replace_without_copy()
                .err()
                .map(|problem| problem.to_string()),
        );
    };
    view! {
        <div class="notice notice--warning" role="alert">
            <p>{refusal}</p>
            <div class="button-row">
                <button type="button" class="button button--small" on:click=move |_| { let _ = store.download_plan(); }>
                    "Download my current plan"
                </button>
                {kept.then(|| view! {
                    <button type="button" class="button button--small button--danger" on:click=delete_kept>
                        {move || if delete_armed.get() { "Really delete the kept copies?" } else { "Delete kept copies" }}
                    </button>
                })}
                {fits_without_copy.then(|| view! {
                    <button type="button" class="button button--small" on:click=replace_without_copy>
                        {move || if replace_armed.get() { "Yes, replace without keeping my plan" } else { "Replace without keeping my plan" }}
                    </button>
                })}
                <button type="button" class="button button--quiet button--small" on:click=move |_| flow.cancel()>
                    "Cancel"
                </button>
            </div>
            {move || problem.get().map(|problem| view! { <p class="field__error">{problem}</p> })}
        </div>
    }
}

/// A merge's effect in words: "2 new items and 1 newer change (your newer changes to 3 items stay)".
fn merge_words(report: &MergeReport) -> String {
    if report.changes_nothing() {
        return "nothing new (your plan already has everything in it)".to_owned();
    }
    let mut parts = Vec::new();
    match report.added.len() {
        0 => {}
        1 => parts.push("1 new item".to_owned()),
        count => parts.push(format!("{count} new items")),
    }
    match report.changed.len() {
        0 => {}
        1 => parts.push("1 newer change".to_owned()),
        count => parts.push(format!("{count} newer changes")),
    }
    match report.removed.len() {
        0 => {}
        1 => parts.push("1 removal".to_owned()),
        count => parts.push(format!("{count} removals")),
    }
    if report.vision_from_other {
        parts.push("its newer vision (yours joins the vision's history)".to_owned());
    }
    let mut words = parts.join(", ");
    if report.kept_mine > 0 {
        words.push_str(&format!(
            "; your newer changes to {} item{} stay",
            report.kept_mine,
            if report.kept_mine == 1 { "" } else { "s" }
        ));
    }
    if !report.goals_moved_to_fit.is_empty() {
        words.push_str(&format!(
            "; {} goal{} moved back to keep the tree whole",
            report.goals_moved_to_fit.len(),
            if report.goals_moved_to_fit.len() == 1 {
                ""
            } else {
                "s"
            }
        ));
    }
    words
}

/// What an imported file holds.
#[component]
fn ImportSummary(summary: PlanSummary) -> impl IntoView {
    let vision = if summary.vision.is_empty() {
        "No vision statement".to_owned()
    } else {
        format!("Vision: “{}”", summary.vision)
    };
    let last_change = summary.last_change.map_or("never".to_owned(), |instant| {
        clock::local_date(instant).short_label()
    });
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    view! {
        <ul class="summary-list">
            <li>{vision}</li>
            <li>{format!(
                "{}, {}",
                count(summary.long_term_goals, "long-term goal", "long-term goals"),
                count(summary.short_term_goals, "short-term goal", "short-term goals"),
            )}</li>
            <li>{format!("{} ({} done)", count(summary.steps, "step", "steps"), summary.steps_done)}</li>
            <li>{count(summary.check_ins, "check-in", "check-ins")}</li>
            <li>{format!("Last changed: {last_change}")}</li>
        </ul>
    }
}

/// The plan kept aside before the last import, merge or fresh start.
#[component]
fn PreviousPlanPanel() -> impl IntoView {
    let flow = use_import_flow();
    let previous = flow.previous();
    let (problem, set_problem) = signal(None::<String>);
    let restore = move |_| set_problem.set(flow.restore_previous().err().map(|e| e.to_string()));
    let (forget_armed, set_forget_armed) = signal(false);
    let forget = move |_| {
        if !forget_armed.get_untracked() {
            set_forget_armed.set(true);
            return;
        }
        set_forget_armed.set(false);
        flow.forget_previous();
    };
    let download = move |_| {
        let (name, text) = match previous.get_untracked() {
            Some(KeptPrevious::Read { previous, .. }) => (
                format!(
                    "waypoint-plan-before-{}.json",
                    clock::local_date(previous.kept_at)
                ),
                to_file_text(&previous.plan),
            ),
            Some(KeptPrevious::Unreadable { text, .. }) => (
                format!("waypoint-plan-before-{}.json", clock::today()),
                text,
            ),
            None => return,
        };
        let result = download_text(&name, "application/json", &text);
        set_problem.set(result.err().map(|_| DOWNLOAD_FAILED.to_owned()));
    };
    let buttons = move |can_restore: bool| {
        view! {
            <div class="button-row">
                {can_restore.then(|| view! {
                    <button type="button" class="button" on:click=restore>"Restore it"</button>
                })}
                <button type="button" class="button button--quiet" on:click=download>"Download it"</button>
                <button type="button" class="button button--quiet button--danger" on:click=forget>
                    {move || if forget_armed.get() { "Really delete it?" } else { "Delete it" }}
                </button>
            </div>
        }
    };
    move || {
        previous.get().map(|kept| {
            let body = match kept {
                KeptPrevious::Read { previous: kept, repairs } => {
                    let summary = PlanSummary::of(&kept.plan);
                    view! {
                        <p>{format!("Kept on {} before {}.", clock::local_date(kept.kept_at), kept.replaced_by)}</p>
                        <ImportSummary summary=summary/>
                        {(!repairs.is_empty()).then(|| view! {
                            <div class="notice notice--info repairs" role="note" aria-label="Repairs">
                                <p>"Waypoint repaired this kept copy to read it; restoring it brings the repaired plan back:"</p>
                                <RepairList repairs=repairs where_label="Where in the kept copy"/>
                            </div>
                        })}
                        {buttons(true)}
                        <p class="muted">"Restoring keeps the plan you have now in its place, so that can be undone too."</p>
                    }
                    .into_any()
                }
                KeptPrevious::Unreadable { problem, .. } => view! {
                    <p>{problem.message}</p>
                    {problem.detail.map(|detail| view! {
                        <details class="notice__details">
                            <summary>"Details"</summary>
                            <p>{detail}</p>
                        </details>
                    })}
                    <p>"Its text is kept as it is: download it to keep it or to ask for help."</p>
                    {buttons(false)}
                }
                .into_any(),
            };
            view! {
                <section class="panel" aria-labelledby="previous-heading">
                    <h2 id="previous-heading">"Your plan before"</h2>
                    {body}
                    {move || problem.get().map(|problem| view! { <p class="field__error" role="alert">{problem}</p> })}
                </section>
            }
        })
    }
}

#[component]
fn StoragePanel() -> impl IntoView {
    let store = use_plan_store();
    let usage = RwSignal::new(persistence::storage_usage());
    // Measure again after each save.
    Effect::new(move |_| {
        if store.save_state().get() == SaveState::Saved {
            usage.set(persistence::storage_usage());
        }
    });
    let (persistence_state, set_persistence_state) = signal(None::<Persistence>);
    leptos::task::spawn_local(async move {
        set_persistence_state.set(Some(persistence::storage_persistence().await));
    });
    let ask = move |_| {
        leptos::task::spawn_local(async move {
            set_persistence_state.set(Some(persistence::request_storage_persistence().await));
        });
    };
    // Plan text is nearly all ASCII: a character is about a byte on disk,
    // which is how people picture a file's size.
    let megabytes = |units: usize| format!("{:.2} MB", units as f64 / 1_048_576.0);
    let percent = move || usage.get().percent_of_common_quota();
    view! {
        <section class="panel" aria-labelledby="storage-heading">
            <h2 id="storage-heading">"Storage"</h2>
            <div class="storage-meter">
                <meter
                    min="0"
                    max="100"
                    low="60"
                    high=STORAGE_WARNING_PERCENT
                    optimum="0"
                    value=percent
                    aria-label="Share of this browser's storage for Waypoint in use"
                ></meter>
                <p>
                    {move || {
                        let usage = usage.get();
                        format!(
                            "{}% used: your plan takes {}, and all Waypoint keeps here {} of about {}.",
                            percent(),
                            megabytes(usage.plan_units),
                            megabytes(usage.waypoint_units),
                            megabytes(persistence::COMMON_QUOTA_UNITS),
                        )
                    }}
                </p>
            </div>
            <Show when=move || { percent() >= STORAGE_WARNING_PERCENT }>
                <div class="notice notice--warning" role="alert">
                    <p>
                        "This browser's storage for Waypoint is nearly full. Download your plan now, then free room: delete kept copies below that you no longer need."
                    </p>
                </div>
            </Show>
            <p class="muted">
                "Browsers give each site about 5 MB of local storage. A plan of thousands of goals takes well under half of it."
            </p>
            <h3>"Keeping it"</h3>
            <p>
                {move || match persistence_state.get() {
                    None => "Checking whether this browser keeps your plan for good…",
                    Some(Persistence::Granted) => "This browser has agreed to keep Waypoint's storage until you clear it yourself; it won't clear it to free space. Clearing your browsing data still removes it, so keep a downloaded copy too.",
                    Some(Persistence::NotGranted) => "This browser may clear Waypoint's storage if the device runs short of space (most browsers grant lasting storage only to sites you use often or install). Ask it below, and keep a downloaded copy.",
                    Some(Persistence::NotSupported) => "This browser can't be asked to keep storage for good (for example when Waypoint is opened from a file). Keep a downloaded copy of your plan.",
                }}
            </p>
            <Show when=move || persistence_state.get() == Some(Persistence::NotGranted)>
                <button type="button" class="button" on:click=ask>"Ask the browser to keep it"</button>
            </Show>
        </section>
    }
}

#[component]
fn StartOverPanel() -> impl IntoView {
    let flow = use_import_flow();
    let store = use_plan_store();
    let (armed, set_armed) = signal(false);
    let (problem, set_problem) = signal(None::<ReplaceError>);
    let start_over = move |_| {
        if !armed.get_untracked() {
            set_armed.set(true);
            return;
        }
        let anyway = problem.get_untracked().is_some();
        match flow.start_over(anyway) {
            Ok(()) => {
                set_armed.set(false);
                set_problem.set(None);
                let _ = window().location().set_hash(&Section::Vision.href());
            }
            Err(reason) => set_problem.set(Some(reason)),
        }
    };
    view! {
        <Show when=move || !store.with(|plan| plan.is_blank())>
            <section class="panel" aria-labelledby="start-over-heading">
                <h2 id="start-over-heading">"Start over"</h2>
                <p>"Begin a new, empty plan. The one you have now is kept, and can be restored from this page."</p>
                {move || problem.get().map(|problem| view! {
                    <div class="notice notice--warning" role="alert">
                        <p>{problem.to_string()}</p>
                        <button type="button" class="button button--small" on:click=move |_| { let _ = store.download_plan(); }>
                            "Download my current plan"
                        </button>
                    </div>
                })}
                <div class="button-row">
                    <button type="button" class="button button--danger" on:click=start_over>
                        {move || match (armed.get(), problem.get().is_some()) {
                            (_, true) => "Start over without a kept copy",
                            (true, false) => "Yes, start a new plan",
                            (false, false) => "Start a new plan",
                        }}
                    </button>
                    <Show when=move || armed.get()>
                        <button type="button" class="button button--quiet" on:click=move |_| { set_armed.set(false); set_problem.set(None); }>
                            "Cancel"
                        </button>
                    </Show>
                </div>
            </section>
        </Show>
    }
}

/// Saved texts kept aside: ones that could not be read, and saved plans as
/// they were before the repairs they needed. Each can be downloaded, brought
/// back through the import preview, or deleted.
#[component]
fn KeptTextsPanel() -> impl IntoView {
    let flow = use_import_flow();
    let kept = RwSignal::new(persistence::kept_texts());
    let armed_delete = RwSignal::new(None::<String>);
    let (problem, set_problem) = signal(None::<String>);
    // Deleting kept copies elsewhere (to make room for an import) shows here.
    Effect::new(move |_| {
        flow.usage().track();
        kept.set(persistence::kept_texts());
    });

    let row = move |text: KeptText| {
        let key = text.key.clone();
        let kept_on = text.kept_on();
        let file_stamp = text.kept_at.replace(':', "-");
        let (label, file_name) = match text.because {
            KeptBecause::Unreadable => (
                format!("Could not be read; kept on {kept_on}"),
                format!("waypoint-unreadable-{file_stamp}.json"),
            ),
            KeptBecause::Repaired => (
                format!("Your saved plan as it was before the repairs of {kept_on}"),
                format!("waypoint-plan-before-repair-{file_stamp}.json"),
            ),
        };
        let download = {
            let text = text.text.clone();
            move |_| {
                if download_text(&file_name, "application/json", &text).is_err() {
                    set_problem.set(Some(DOWNLOAD_FAILED.into()));
                }
            }
        };
        let review = {
            let text = text.clone();
            move |_| {
                flow.read_kept_text(&text);
                scroll_to_import();
            }
        };
        let delete = {
            let key = key.clone();
            move |_| {
                if armed_delete.get_untracked().as_ref() != Some(&key) {
                    armed_delete.set(Some(key.clone()));
                    return;
                }
                match persistence::discard_kept_text(&key) {
                    Ok(()) => kept.set(persistence::kept_texts()),
                    Err(reason) => set_problem.set(Some(format!("Could not delete it: {reason}"))),
                }
                armed_delete.set(None);
            }
        };
        let armed = move || armed_delete.get().as_ref() == Some(&key);
        view! {
            <li class="backup">
                <span>{label}</span>
                <div class="button-row">
                    <button type="button" class="button button--small" on:click=download>
                        "Download"
                    </button>
                    <button type="button" class="button button--small" on:click=review>
                        "Review and import…"
                    </button>
                    <button type="button" class="button button--small button--danger" on:click=delete>
                        {move || if armed() { "Really delete it?" } else { "Delete" }}
                    </button>
                </div>
            </li>
        }
    };

    view! {
        <Show when=move || !kept.with(Vec::is_empty)>
            <section class="panel" aria-labelledby="kept-texts-heading">
                <h2 id="kept-texts-heading">"Saved text kept aside"</h2>
                <p>
                    "Waypoint keeps saved text it could not read, and your saved plan as it was before any repairs, so nothing is lost. Download it to keep it or to ask for help, or review it in the import preview to bring it back."
                </p>
                <ul class="backup-list">
                    {move || kept.get().into_iter().map(row).collect_view()}
                </ul>
                {move || problem.get().map(|problem| view! { <p class="field__error" role="alert">{problem}</p> })}
            </section>
        </Show>
    }
}

/// Brings the import panel, where the preview appears, into view.
fn scroll_to_import() {
    if let Some(panel) = document().get_element_by_id("import-heading") {
        panel.scroll_into_view();
    }
}
