//! The shell: header, navigation, notices and the current section.

use crate::components::find_dialog::FindDialog;
use crate::components::help_dialog::HelpDialog;
use crate::components::history_buttons::HistoryButtons;
use crate::components::kept_file::{KeptFileNotice, KeptFileSync};
use crate::components::notices::{
    ExportReminderNotice, OtherTabNotice, RecoveryNotice, SaveFailureNotice,
};
use crate::components::save_indicator::SaveIndicator;
use crate::components::theme_switch::ThemeSwitch;
use crate::components::welcome::ExampleNotice;
use crate::import_flow::{accept_plan_files_from_system, use_import_flow, ImportFlow};
use crate::pages::data::DataPage;
use crate::pages::goals::{GoalListState, GoalsPage};
use crate::pages::leverage::LeveragePage;
use crate::pages::next_step::NextStepPage;
use crate::pages::one_page::OnePagePage;
use crate::pages::options::OptionsPage;
use crate::pages::progress::ProgressPage;
use crate::pages::shared::SharedPlanPage;
use crate::pages::vision::VisionPage;
use crate::routing::{use_section_from_address, use_shared_payload_from_address, Section};
use crate::shortcuts::listen_for_shortcuts;
use crate::state::PlanStore;
use leptos::html;
use leptos::prelude::*;

/// The whole app. The plan store is created here, once, and shared by context.
#[component]
pub fn App() -> impl IntoView {
    provide_plan_contexts(PlanStore::load_and_autosave());
    expect_context::<KeptFileSync>().start();
    accept_plan_files_from_system(use_import_flow());
    view! { <Shell/> }
}

/// Shares the store, and the state built on it, with everything below.
pub fn provide_plan_contexts(store: PlanStore) {
    provide_context(store);
    provide_context(store.with_untracked(GoalListState::for_plan));
    let flow = ImportFlow::new(store);
    provide_context(flow);
    provide_context(KeptFileSync::new(store, flow));
}

/// Everything on screen, for a store already in context.
#[component]
pub fn Shell() -> impl IntoView {
    let store = crate::state::use_plan_store();
    let address_section = use_section_from_address();
    // Where an address without a section lands: the next step once there is a
    // vision to work toward, the vision until then. Decided once, so typing a
    // vision doesn't move the person elsewhere.
    let home = if store.with_untracked(|plan| plan.vision.statement.trim().is_empty()) {
        Section::Vision
    } else {
        Section::NextStep
    };
    let section = Memo::new(move |_| address_section.get().unwrap_or(home));
    let shared_payload = use_shared_payload_from_address();
    let dragging_file = accept_dropped_plan_files();
    let help_open = RwSignal::new(false);
    let find_open = RwSignal::new(false);
    let goal_list = expect_context::<GoalListState>();
    let reveal_goal =
        Callback::new(move |id| store.with_untracked(|plan| goal_list.reveal(plan, &id)));
    listen_for_shortcuts(store, help_open, find_open);

    let main_ref: NodeRef<html::Main> = NodeRef::new();
    // Keep the tab title in step, and after navigating move focus to the new
    // section so screen readers and keyboard users start there. The section
    // opens at the top of the page, as a new page would: focusing it alone
    // scrolled it up under the header, past the notices above it.
    Effect::new(move |previous: Option<Section>| {
        let current = section.get();
        document().set_title(&format!("{} · Waypoint", current.title()));
        if previous.is_some_and(|previous| previous != current) {
            if let Some(main) = main_ref.get() {
                let _ = main.focus();
                window().scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
        current
    });

    view! {
        <header class="app-header">
            <div class="app-header__inner">
                <a class="brand" href=Section::NextStep.href()>
                    <span class="brand__mark" aria-hidden="true">"◆"</span>
                    "Waypoint"
                </a>
                <nav class="app-nav" aria-label="Sections">
                    <ul>
                        {Section::ALL
                            .into_iter()
                            .map(|item| {
                                view! {
                                    <li>
                                        <a
                                            href=item.href()
                                            aria-current=move || {
                                                (shared_payload.with(Option::is_none) && section.get() == item)
                                                    .then_some("page")
                                            }
                                        >
                                            {item.title()}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </nav>
                <div class="app-tools">
                    <button
                        type="button"
                        class="button button--small button--header"
                        aria-keyshortcuts="/ Control+K"
                        on:click=move |_| find_open.set(true)
                    >
                        "Find"
                    </button>
                    <HistoryButtons/>
                    <button
                        type="button"
                        class="button button--small button--header"
                        aria-label="Keyboard shortcuts"
                        aria-keyshortcuts="?"
                        on:click=move |_| help_open.set(true)
                    >
                        "?"
                    </button>
                </div>
                <SaveIndicator/>
                <ThemeSwitch/>
            </div>
        </header>
        <Announcer/>
        <div class="notices">
            <RecoveryNotice/>
            <SaveFailureNotice/>
            <OtherTabNotice/>
            <KeptFileNotice/>
            <Show when=move || shared_payload.with(Option::is_none)>
                <ExampleNotice/>
                <ExportReminderNotice/>
            </Show>
        </div>
        <Show when=move || dragging_file.get()>
            <div class="drop-overlay" aria-hidden="true">
                <p>"Drop a plan file to import it"</p>
            </div>
        </Show>
        <main id="main" class="app-main" tabindex="-1" node_ref=main_ref>
            {move || match (shared_payload.get(), section.get()) {
                (Some(payload), _) => view! { <SharedPlanPage payload=payload/> }.into_any(),
                (None, section) => match section {
                Section::Vision => view! { <VisionPage/> }.into_any(),
                Section::Leverage => view! { <LeveragePage/> }.into_any(),
                Section::Options => view! { <OptionsPage/> }.into_any(),
                Section::Goals => view! { <GoalsPage/> }.into_any(),
                Section::NextStep => view! { <NextStepPage/> }.into_any(),
                Section::Progress => view! { <ProgressPage/> }.into_any(),
                Section::Data => view! { <DataPage/> }.into_any(),
                Section::OnePage => view! { <OnePagePage/> }.into_any(),
                },
            }}
        </main>
        <footer class="app-footer">
            <p>"Your plan stays in this browser. Nothing is sent anywhere."</p>
        </footer>
        // Last in the page, so their headings follow the section's.
        <HelpDialog open=help_open/>
        <FindDialog open=find_open reveal_goal=reveal_goal/>
    }
}

/// A file dragged over any part of the page can be dropped to import it: the
/// Data section opens with its preview. Returns whether a file is over the
/// page. Dragging a goal by its grip carries no file and is left alone.
fn accept_dropped_plan_files() -> ReadSignal<bool> {
    let flow = use_import_flow();
    let (dragging_file, set_dragging_file) = signal(false);
    let carries_files = |event: &web_sys::DragEvent| {
        event
            .data_transfer()
            .is_some_and(|transfer| transfer.types().includes(&"Files".into(), 0))
    };
    window_event_listener(leptos::ev::dragover, move |event| {
        if carries_files(&event) {
            // Without this the browser would open the file in place of the app.
            event.prevent_default();
            set_dragging_file.set(true);
        }
    });
    window_event_listener(leptos::ev::dragleave, move |event| {
        // Leaving the window reports no element to go to.
        if event.related_target().is_none() {
            set_dragging_file.set(false);
        }
    });
    window_event_listener(leptos::ev::drop, move |event| {
        if !carries_files(&event) {
            return;
        }
        event.prevent_default();
        set_dragging_file.set(false);
        let file = event
            .data_transfer()
            .and_then(|transfer| transfer.files())
            .and_then(|files| files.get(0));
        if let Some(file) = file {
            flow.read_file(file);
            let _ = window().location().set_hash(&Section::Data.href());
        }
    });
    dragging_file
}

/// Says what a shortcut or an undo did, to screen readers and on screen, for
/// a few seconds.
#[component]
fn Announcer() -> impl IntoView {
    let store = crate::state::use_plan_store();
    let announcement = store.announcement();
    let (shown, set_shown) = signal(None::<String>);
    Effect::new(move |_| {
        let words = announcement.get();
        set_shown.set(words.clone());
        if words.is_some() {
            set_timeout(
                move || {
                    if announcement.get_untracked() == words {
                        set_shown.set(None);
                    }
                },
                std::time::Duration::from_secs(5),
            );
        }
    });
    // The live region is always on the page, so screen readers hear each
    // change; the toast shows the same words for a few seconds.
    view! {
        <p class="visually-hidden" role="status">{move || announcement.get()}</p>
        <p class="toast" class:toast--shown=move || shown.with(Option::is_some) aria-hidden="true">
            {move || shown.get()}
        </p>
    }
}
