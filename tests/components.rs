//! Components mounted in a real browser, driven through the DOM.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use waypoint::app::{provide_plan_contexts, Shell};
use waypoint::components::progress_meter::ProgressMeter;
use waypoint::domain::calendar::Timestamp;
use waypoint::domain::goals::{add_goal, NewGoal, Progress};
use waypoint::domain::plan::{GoalStatus, Id, Plan};
use waypoint::domain::reader::Repair;
use waypoint::persistence::{LoadOutcome, RepairedPlan, UnreadablePlan};
use waypoint::state::{PlanStore, SaveState};

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> web_sys::HtmlElement {
    let document = document();
    let element: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&element).unwrap();
    element
}

fn text_of(root: &web_sys::HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn button_named(root: &web_sys::HtmlElement, name: &str) -> web_sys::HtmlElement {
    let buttons = root.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|index| buttons.item(index))
        .map(|node| node.unchecked_into::<web_sys::HtmlElement>())
        .find(|button| button.text_content().unwrap_or_default().trim() == name)
        .unwrap_or_else(|| panic!("no button named {name}"))
}

/// Long-term goal > short-term goal > two steps.
fn plan_with_two_steps() -> Plan {
    let mut plan = Plan::default();
    plan.vision.statement = "Become a bestselling author of children's books".into();
    let now = Timestamp::from_seconds(1_790_000_000);
    for (id, parent, title) in [
        ("lt", None, "Publish a picture book"),
        ("st", Some("lt"), "Find a literary agent"),
        ("s1", Some("st"), "Shortlist ten agents"),
        ("s2", Some("st"), "Write a query letter"),
    ] {
        let new_goal = NewGoal {
            id: Id::from(id),
            parent: parent.map(Id::from),
            title: title.into(),
        };
        add_goal(&mut plan, new_goal, now).unwrap();
    }
    plan
}

#[wasm_bindgen_test]
async fn progress_meter_shows_the_bar_and_the_words() {
    let root = container();
    let (progress, set_progress) = signal(Progress { done: 1, total: 4 });
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        view! { <ProgressMeter progress=progress label="Overall progress".to_owned()/> }
    });
    leptos::task::tick().await;
    assert_eq!(text_of(&root, ".meter__words"), "1 of 4 steps done (25%)");
    let bar = root.query_selector("progress").unwrap().unwrap();
    assert_eq!(
        bar.get_attribute("aria-label").as_deref(),
        Some("Overall progress")
    );
    assert_eq!(bar.get_attribute("max").as_deref(), Some("4"));

    set_progress.set(Progress::default());
    leptos::task::tick().await;
    assert_eq!(text_of(&root, ".meter__words"), "No steps yet");
}

#[wasm_bindgen_test]
async fn next_step_marks_done_and_moves_on() {
    window().location().set_hash("#/next").unwrap();
    let root = container();
    let store = PlanStore::from_outcome(LoadOutcome::Loaded(Box::new(plan_with_two_steps())));
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        provide_plan_contexts(store);
        view! { <Shell/> }
    });
    leptos::task::tick().await;
    assert_eq!(text_of(&root, "h1"), "Next step");
    assert_eq!(text_of(&root, ".next-card__title"), "Shortlist ten agents");
    assert!(text_of(&root, ".next-card__path").contains("Find a literary agent"));
    assert_eq!(
        text_of(&root, ".next-card__after"),
        "After this: Write a query letter"
    );

    button_named(&root, "Mark done").click();
    leptos::task::tick().await;
    assert_eq!(text_of(&root, ".next-card__title"), "Write a query letter");
    let status = store.with_untracked(|plan| plan.goal(&Id::from("s1")).unwrap().status);
    assert_eq!(status, GoalStatus::Done);
    assert!(store.with_untracked(|plan| plan
        .goal(&Id::from("s1"))
        .unwrap()
        .completed_at
        .is_some()));
    window().location().set_hash("").unwrap();
}

#[wasm_bindgen_test]
async fn unreadable_data_shows_the_recovery_notice_until_dismissed() {
    window().location().set_hash("#/vision").unwrap();
    let root = container();
    let store = PlanStore::from_outcome(LoadOutcome::Unreadable(UnreadablePlan {
        problem: "The plan saved in this browser ends in the middle of the plan.".into(),
        detail: Some("The text stops at line 1, character 10.".into()),
        text: "{\"format\"".into(),
        backup_key: Some("waypoint.unreadable.2026-11-23T10:00:00Z".into()),
    }));
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        provide_plan_contexts(store);
        view! { <Shell/> }
    });
    leptos::task::tick().await;
    let notice = text_of(&root, "[role=alert]");
    assert!(
        notice.contains("We couldn't read the plan saved in this browser"),
        "{notice}"
    );
    assert!(
        notice.contains("ends in the middle of the plan"),
        "{notice}"
    );
    assert!(notice.contains("line 1, character 10"), "{notice}");
    button_named(&root, "Dismiss").click();
    leptos::task::tick().await;
    assert!(root.query_selector("[role=alert]").unwrap().is_none());
    window().location().set_hash("").unwrap();
}

#[wasm_bindgen_test]
async fn without_a_safe_copy_starting_over_waits_for_the_download() {
    window().location().set_hash("#/data").unwrap();
    let root = container();
    let store = PlanStore::from_outcome(LoadOutcome::Unreadable(UnreadablePlan {
        problem: "The plan saved in this browser is not a plan Waypoint can read.".into(),
        detail: None,
        text: "{\"format\"".into(),
        backup_key: None,
    }));
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        provide_plan_contexts(store);
        view! { <Shell/> }
    });
    leptos::task::tick().await;
    assert_eq!(store.save_state().get_untracked(), SaveState::Blocked);
    let start_over: web_sys::HtmlButtonElement =
        button_named(&root, "Start a new plan").unchecked_into();
    assert!(start_over.disabled(), "the text is not downloaded yet");

    button_named(&root, "Download the unreadable text").click();
    leptos::task::tick().await;
    assert!(!start_over.disabled());
    start_over.click();
    leptos::task::tick().await;
    assert_eq!(store.save_state().get_untracked(), SaveState::Saved);
    root.remove();
}

fn repaired_outcome(backup_key: Option<&str>) -> LoadOutcome {
    let mut plan = Plan::default();
    plan.vision.statement = "Illustrate picture books".into();
    LoadOutcome::Repaired(
        Box::new(plan),
        RepairedPlan {
            repairs: vec![Repair {
                words: "The goal ‘Find an agent’ had the same id as ‘Publish a picture book’; it was given an id of its own.".into(),
                path: "goals[1].id".into(),
            }],
            text: "{\"format\": \"waypoint-plan\"}".into(),
            backup_key: backup_key.map(str::to_owned),
        },
    )
}

#[wasm_bindgen_test]
async fn a_repaired_plan_opens_with_a_notice_listing_the_repair() {
    window().location().set_hash("#/vision").unwrap();
    let root = container();
    let store = PlanStore::from_outcome(repaired_outcome(Some(
        "waypoint.before-repair.2026-11-23T10:00:00Z",
    )));
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        provide_plan_contexts(store);
        view! { <Shell/> }
    });
    leptos::task::tick().await;
    assert_eq!(
        store.with_untracked(|plan| plan.vision.statement.clone()),
        "Illustrate picture books",
        "the repaired plan is the one open"
    );
    let notice = text_of(&root, "[role=alert]");
    assert!(
        notice.contains("Your saved plan needed repairs to open"),
        "{notice}"
    );
    assert!(
        notice.contains("had the same id as ‘Publish a picture book’"),
        "{notice}"
    );
    assert!(
        notice.contains("goals[1].id"),
        "the place, for the curious: {notice}"
    );
    assert_eq!(
        store.save_state().get_untracked(),
        SaveState::Pending,
        "the copy is kept: the repaired plan saves"
    );
    button_named(&root, "Dismiss").click();
    leptos::task::tick().await;
    assert!(root.query_selector("[role=alert]").unwrap().is_none());
    root.remove();
    window().location().set_hash("").unwrap();
}

#[wasm_bindgen_test]
async fn without_a_copy_the_repaired_plan_waits_for_the_download() {
    window().location().set_hash("#/vision").unwrap();
    let root = container();
    let store = PlanStore::from_outcome(repaired_outcome(None));
    let _mounted = leptos::mount::mount_to(root.clone(), move || {
        provide_plan_contexts(store);
        view! { <Shell/> }
    });
    leptos::task::tick().await;
    assert_eq!(store.save_state().get_untracked(), SaveState::Blocked);
    let keep: web_sys::HtmlButtonElement =
        button_named(&root, "Keep the repaired plan").unchecked_into();
    assert!(keep.disabled(), "the saved text is not downloaded yet");
    button_named(&root, "Download the plan as it was saved").click();
    leptos::task::tick().await;
    assert!(!keep.disabled());
    keep.click();
    leptos::task::tick().await;
    assert_eq!(store.save_state().get_untracked(), SaveState::Saved);
    root.remove();
    window().location().set_hash("").unwrap();
}

/// Resolves after the browser has had `ms` milliseconds, so that events such
/// as `hashchange` have been dispatched.
async fn pause(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_step_between_sections_is_no_news_to_the_shared_plan_view() {
    window().location().set_hash("#/vision").unwrap();
    pause(20).await;
    let owner = Owner::new();
    owner.set();
    let payload = waypoint::routing::use_shared_payload_from_address();
    let news = RwSignal::new(0);
    // The section on show is drawn from the payload: news of it draws the
    // section anew, so a step from one section to another must be none.
    let _reading = RenderEffect::new(move |_| {
        payload.track();
        news.update_untracked(|count| *count += 1);
    });
    window().location().set_hash("#/goals").unwrap();
    pause(20).await;
    window().location().set_hash("#/data").unwrap();
    pause(20).await;
    assert_eq!(news.get_untracked(), 1, "only the first reading");

    window().location().set_hash("#/shared/abc").unwrap();
    pause(20).await;
    assert_eq!(payload.get_untracked().as_deref(), Some("abc"));
    assert_eq!(news.get_untracked(), 2, "a shared plan is news");
    window().location().set_hash("").unwrap();
}
