//! The data features in a real browser: undo and redo in the store, whole-plan
//! replacements that keep the plan before, and share links packed by the
//! browser's CompressionStream.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use waypoint::domain::calendar::{Date, Timestamp};
use waypoint::domain::example::example_plan_on;
use waypoint::domain::goals::{add_goal, NewGoal};
use waypoint::domain::method::without_private;
use waypoint::domain::plan::{Id, Plan};
use waypoint::domain::reader::ReadPlan;
use waypoint::domain::share::SHARE_FRAGMENT_PREFIX;
use waypoint::import_flow::{ImportFlow, ImportState};
use waypoint::persistence::{self, KeptPrevious, LoadOutcome, PreviousPlan};
use waypoint::share_link::{make_share_link, open_share_link, ShareLinkError};
use waypoint::slices::next_task;
use waypoint::state::{PlanStore, Replacement};

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> Timestamp {
    Timestamp::from_seconds(1_790_000_000)
}

/// The day of `now()` on the example plan's calendar.
fn today() -> Date {
    Date::parse("2026-09-21").unwrap()
}

fn plan_with_goal(title: &str) -> Plan {
    let mut plan = Plan::default();
    add_goal(
        &mut plan,
        NewGoal {
            id: Id::from("g-1"),
            parent: None,
            title: title.into(),
        },
        now(),
    )
    .unwrap();
    plan
}

#[wasm_bindgen_test]
fn undo_and_redo_step_through_every_change() {
    let owner = Owner::new();
    owner.with(|| {
        let store = PlanStore::from_outcome(LoadOutcome::NothingSaved);
        let can_undo = || {
            store
                .latest()
                .with_untracked(|latest| latest.undo.is_some())
        };
        let can_redo = || {
            store
                .latest()
                .with_untracked(|latest| latest.redo.is_some())
        };
        assert!(!can_undo());
        store.edit_vision(|vision, _| vision.statement = "First".into());
        store.edit_vision(|vision, _| vision.statement = "Second".into());
        let imported = Replacement::Import {
            source: "plan.json".into(),
        };
        let step = store.replace(plan_with_goal("Imported"), imported).unwrap();
        assert!(can_undo());
        assert_eq!(store.latest().get_untracked().undo.map(|s| s.id), step);

        assert!(store.undo());
        assert_eq!(
            store.with_untracked(|plan| plan.vision.statement.clone()),
            "Second"
        );
        assert!(store.with_untracked(|plan| plan.goals.is_empty()));
        assert_eq!(
            store.announcement().get_untracked().as_deref(),
            Some("Undone: the import of plan.json")
        );
        assert!(store.undo());
        assert_eq!(
            store.with_untracked(|plan| plan.vision.statement.clone()),
            "First"
        );
        assert!(store.redo());
        assert!(store.redo());
        assert_eq!(store.with_untracked(|plan| plan.goals.len()), 1);
        assert!(!store.redo());
        assert!(!can_redo());

        // A new change after an undo drops what could have been redone.
        assert!(store.undo());
        store.edit_vision(|vision, _| vision.statement = "Third".into());
        assert!(!can_redo());
        // A change that changes nothing is no step at all.
        store.update(|_, _| ()).unwrap();
        assert!(store.undo());
        assert_eq!(
            store.with_untracked(|plan| plan.vision.statement.clone()),
            "Second"
        );
    });
}

/// Mounting sets up Leptos's tasks, which the import flow reads plans in;
/// nothing else in these tests mounts the app.
fn start_tasks() {
    let element: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    drop(leptos::mount::mount_to(element, || ()));
}

/// Waits, a task at a time, until the preview is ready.
async fn until_offered(flow: ImportFlow) {
    while !matches!(flow.state().get_untracked(), ImportState::Ready(_)) {
        assert!(
            matches!(flow.state().get_untracked(), ImportState::Reading { .. }),
            "{:?}",
            flow.state().get_untracked()
        );
        next_task().await;
    }
}

fn kept_previous() -> PreviousPlan {
    match persistence::previous_plan() {
        Some(KeptPrevious::Read { previous, repairs }) => {
            assert!(repairs.is_empty(), "{repairs:?}");
            *previous
        }
        other => panic!("expected the plan before, read: {other:?}"),
    }
}

#[wasm_bindgen_test]
async fn a_replaced_plan_is_kept_in_storage_and_restored() {
    start_tasks();
    let owner = Owner::new();
    let (store, flow) = owner.with(|| {
        persistence::discard_previous_plan();
        let store = PlanStore::from_outcome(LoadOutcome::Loaded(Box::new(plan_with_goal("Mine"))));
        let flow = ImportFlow::new(store);
        flow.offer(
            "other.json",
            ReadPlan {
                plan: example_plan_on(now(), today()),
                repairs: Vec::new(),
            },
        );
        (store, flow)
    });
    until_offered(flow).await;
    owner.with(|| {
        flow.replace(false).unwrap();
        assert_eq!(
            store.with_untracked(|plan| plan.vision.statement.clone()),
            "Become a bestselling author of children's books"
        );

        let kept = kept_previous();
        assert_eq!(kept.plan.goals[0].title, "Mine");
        assert_eq!(kept.replaced_by, "the import of other.json");

        flow.restore_previous().unwrap();
        assert_eq!(
            store.with_untracked(|plan| plan.goals[0].title.clone()),
            "Mine"
        );
        // The example it replaced is kept in turn.
        let kept = kept_previous();
        assert!(kept.plan.vision.statement.contains("children's books"));
        flow.forget_previous();
        assert!(persistence::previous_plan().is_none());
    });
}

#[wasm_bindgen_test]
async fn a_share_link_carries_the_plan_and_a_damaged_one_is_refused() {
    let shared = without_private(&example_plan_on(now(), today()));
    let link = make_share_link(&shared).await.expect("a link");
    let payload = link
        .split_once(SHARE_FRAGMENT_PREFIX)
        .map(|(_, payload)| payload)
        .expect("the link has the fragment");
    assert!(
        payload.len() < 6_000,
        "compressed to {} characters",
        payload.len()
    );
    let opened = open_share_link(payload).await.unwrap();
    assert_eq!(opened.plan, shared);
    assert!(opened.repairs.is_empty(), "{:?}", opened.repairs);

    let cut = &payload[..payload.len() / 2];
    assert!(matches!(
        open_share_link(cut).await,
        Err(ShareLinkError::Damaged | ShareLinkError::NotAPlan(_))
    ));
    assert_eq!(
        open_share_link("not base64!").await,
        Err(ShareLinkError::Damaged)
    );
}
