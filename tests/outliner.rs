//! The outliner's keyboard handling, with real key events in a real browser.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use waypoint::app::{provide_plan_contexts, Shell};
use waypoint::domain::calendar::Timestamp;
use waypoint::domain::goals::{add_goal, GoalTree, NewGoal};
use waypoint::domain::plan::{GoalStatus, Id, Plan};
use waypoint::persistence::LoadOutcome;
use waypoint::state::PlanStore;

wasm_bindgen_test_configure!(run_in_browser);

/// lt > st > (s1, s2), with ids prefixed by `test`: the harness runs async
/// tests side by side in one page, so element ids must not repeat.
fn plan(test: &str) -> Plan {
    let mut plan = Plan::default();
    let now = Timestamp::from_seconds(1_790_000_000);
    for (id, parent, title) in [
        ("lt", None, "Become a staff engineer"),
        ("st", Some("lt"), "Lead a cross-team project"),
        ("s1", Some("st"), "Write the design doc"),
        ("s2", Some("st"), "Get two reviewers"),
    ] {
        let new_goal = NewGoal {
            id: Id::from(format!("{test}-{id}").as_str()),
            parent: parent.map(|parent| Id::from(format!("{test}-{parent}").as_str())),
            title: title.into(),
        };
        add_goal(&mut plan, new_goal, now).unwrap();
    }
    plan
}

/// The app mounted in its own container, removed again when the test ends so
/// that element ids never repeat across tests.
struct Mounted {
    test: &'static str,
    store: PlanStore,
    root: web_sys::HtmlElement,
    _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

fn new_root() -> web_sys::HtmlElement {
    let root: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    root
}

async fn mount_goals(test: &'static str) -> Mounted {
    let mut mounted = mount_goals_with(LoadOutcome::Loaded(Box::new(plan(test)))).await;
    mounted.test = test;
    mounted
}

async fn mount_goals_with(outcome: LoadOutcome) -> Mounted {
    window().location().set_hash("#/goals").unwrap();
    let root = new_root();
    let store = PlanStore::from_outcome(outcome);
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_plan_contexts(store);
        view! { <Shell/> }.into_any()
    });
    leptos::task::tick().await;
    Mounted {
        test: "",
        store,
        root,
        _handle: handle,
    }
}

impl Mounted {
    fn id(&self, goal: &str) -> String {
        format!("{}-{goal}", self.test)
    }
}

/// Presses a key in a goal's title field; returns whether the app took it.
async fn press(
    mounted: &Mounted,
    goal: &str,
    key: &str,
    shift: bool,
    alt: bool,
    ctrl: bool,
) -> bool {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_shift_key(shift);
    init.set_alt_key(alt);
    init.set_ctrl_key(ctrl);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    let field = mounted
        .root
        .query_selector(&format!("#goal-title-{}", mounted.id(goal)))
        .unwrap()
        .unwrap_or_else(|| panic!("no title field for {goal}"));
    field.dispatch_event(&event).unwrap();
    leptos::task::tick().await;
    event.default_prevented()
}

/// The parent of a goal, without the test's prefix.
fn parent_of(mounted: &Mounted, goal: &str) -> Option<String> {
    let id = Id::from(mounted.id(goal).as_str());
    let prefix = format!("{}-", mounted.test);
    mounted.store.with_untracked(|plan| {
        plan.goal(&id)
            .unwrap()
            .parent
            .as_ref()
            .map(|parent| parent.as_str().trim_start_matches(&prefix).to_owned())
    })
}

fn children_of(mounted: &Mounted, goal: &str) -> Vec<String> {
    let id = Id::from(mounted.id(goal).as_str());
    mounted.store.with_untracked(|plan| {
        GoalTree::new(plan)
            .children(Some(&id))
            .map(|g| g.title.clone())
            .collect()
    })
}

fn focused_id() -> String {
    document()
        .active_element()
        .map(|element| element.id())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn tab_indents_and_shift_tab_outdents() {
    let mounted = mount_goals("tab_i").await;
    assert!(press(&mounted, "s2", "Tab", false, false, false).await);
    assert_eq!(parent_of(&mounted, "s2").as_deref(), Some("s1"));
    assert!(
        document()
            .get_element_by_id(&format!("goal-title-{}", mounted.id("s2")))
            .is_some(),
        "still on screen"
    );

    assert!(press(&mounted, "s2", "Tab", true, false, false).await);
    assert_eq!(parent_of(&mounted, "s2").as_deref(), Some("st"));
    assert_eq!(
        children_of(&mounted, "st"),
        ["Write the design doc", "Get two reviewers"]
    );

    // The first child has nothing above to go under: the key is still taken,
    // so Tab doesn't jump away, and nothing changes.
    assert!(press(&mounted, "s1", "Tab", false, false, false).await);
    assert_eq!(parent_of(&mounted, "s1").as_deref(), Some("st"));
}

#[wasm_bindgen_test]
async fn enter_adds_a_sibling_below_and_focuses_it() {
    let mounted = mount_goals("enter").await;
    assert!(press(&mounted, "s1", "Enter", false, false, false).await);
    assert_eq!(
        children_of(&mounted, "st"),
        ["Write the design doc", "", "Get two reviewers"]
    );
    // Focus moves in a microtask after the redraw.
    leptos::task::tick().await;
    let new_id = mounted.store.with_untracked(|plan| {
        plan.goals
            .iter()
            .find(|g| g.title.is_empty())
            .unwrap()
            .id
            .clone()
    });
    let field_id = format!("goal-title-{new_id}");
    assert!(
        document().get_element_by_id(&field_id).is_some(),
        "the new goal is on screen"
    );
    assert_eq!(focused_id(), field_id);
}

#[wasm_bindgen_test]
async fn alt_arrows_move_and_ctrl_enter_marks_done() {
    let mounted = mount_goals("alt_a").await;
    assert!(press(&mounted, "s2", "ArrowUp", false, true, false).await);
    assert_eq!(
        children_of(&mounted, "st"),
        ["Get two reviewers", "Write the design doc"]
    );
    assert!(press(&mounted, "s2", "ArrowDown", false, true, false).await);
    assert_eq!(
        children_of(&mounted, "st"),
        ["Write the design doc", "Get two reviewers"]
    );

    assert!(press(&mounted, "s1", "Enter", false, false, true).await);
    let status = mounted.store.with_untracked(|plan| {
        plan.goal(&Id::from(mounted.id("s1").as_str()))
            .unwrap()
            .status
    });
    assert_eq!(status, GoalStatus::Done);
}

#[wasm_bindgen_test]
async fn ordinary_keys_are_left_alone() {
    let mounted = mount_goals("ordin").await;
    let before = mounted.store.with_untracked(Plan::clone);
    assert!(!press(&mounted, "s1", "a", false, false, false).await);
    assert!(
        !press(&mounted, "s1", "Backspace", false, false, false).await,
        "the title is not empty"
    );
    assert_eq!(mounted.store.with_untracked(Plan::clone), before);
}

#[wasm_bindgen_test]
async fn a_goal_added_to_an_empty_plan_appears() {
    let mounted = mount_goals_with(LoadOutcome::NothingSaved).await;
    mounted
        .store
        .update(|plan, now| {
            let new_goal = NewGoal {
                id: Id::from("new"),
                parent: None,
                title: "Start a studio".into(),
            };
            add_goal(plan, new_goal, now)
        })
        .unwrap()
        .unwrap();
    leptos::task::tick().await;
    let field = mounted.root.query_selector("#goal-title-new").unwrap();
    assert!(field.is_some(), "{}", mounted.root.inner_html());
}

/// What a goal's row says under it: its progress in words and its next step.
fn summary_of(mounted: &Mounted, goal: &str) -> (String, String) {
    let text = |selector: &str| {
        mounted
            .root
            .query_selector(&format!(
                "li[data-goal-id='{}'] > .goal__below > .goal__summary {selector}",
                mounted.id(goal)
            ))
            .unwrap()
            .and_then(|element| element.text_content())
            .unwrap_or_default()
    };
    (text(".meter__words"), text(".goal__next strong"))
}

#[wasm_bindgen_test]
async fn an_edit_to_one_goal_redraws_the_rows_above_it() {
    let mounted = mount_goals("above").await;
    assert_eq!(
        summary_of(&mounted, "st"),
        (
            "0 of 2 steps done (0%)".into(),
            "Write the design doc".into()
        )
    );

    // Typing in the next step's title shows in the next step of every goal above.
    let field: web_sys::HtmlInputElement = mounted
        .root
        .query_selector(&format!("#goal-title-{}", mounted.id("s1")))
        .unwrap()
        .unwrap()
        .unchecked_into();
    field.set_value("Write the design doc, short");
    let input = web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    field.dispatch_event(&input).unwrap();
    leptos::task::tick().await;
    assert_eq!(summary_of(&mounted, "st").1, "Write the design doc, short");
    assert_eq!(summary_of(&mounted, "lt").1, "Write the design doc, short");

    // Marking it done moves progress and the next step, here and above.
    assert!(press(&mounted, "s1", "Enter", false, false, true).await);
    assert_eq!(
        summary_of(&mounted, "st"),
        ("1 of 2 steps done (50%)".into(), "Get two reviewers".into())
    );
    assert_eq!(summary_of(&mounted, "lt").0, "1 of 2 steps done (50%)");

    // Undo is a change of anything: every row follows it back.
    assert!(mounted.store.undo());
    leptos::task::tick().await;
    assert_eq!(summary_of(&mounted, "st").0, "0 of 2 steps done (0%)");
    assert_eq!(summary_of(&mounted, "lt").1, "Write the design doc, short");
}

/// Resolves at the browser's next animation frame.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().request_animation_frame(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_plan_opens_with_a_screenful_of_rows_and_draws_the_rest_after() {
    // Ten long-term goals, each with a short-term goal and four steps: six
    // rows a branch, all open (a plan this small opens expanded).
    let mut plan = Plan::default();
    let now = Timestamp::from_seconds(1_790_000_000);
    for branch in 0..10 {
        let mut add = |id: String, parent: Option<String>| {
            let new_goal = NewGoal {
                id: Id::from(id.as_str()),
                parent: parent.map(|parent| Id::from(parent.as_str())),
                title: format!("Goal {id}"),
            };
            add_goal(&mut plan, new_goal, now).unwrap();
        };
        add(format!("screenful-{branch}"), None);
        add(
            format!("screenful-{branch}-st"),
            Some(format!("screenful-{branch}")),
        );
        for step in 0..4 {
            add(
                format!("screenful-{branch}-{step}"),
                Some(format!("screenful-{branch}-st")),
            );
        }
    }
    window().location().set_hash("#/goals").unwrap();
    let root = new_root();
    let store = PlanStore::from_outcome(LoadOutcome::Loaded(Box::new(plan)));
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_plan_contexts(store);
        view! { <Shell/> }.into_any()
    });
    let rows = || root.query_selector_all("li.goal").unwrap().length();
    // Drawn with the page: the rows that fill a window (a row's height is
    // guessed from its depth until it is drawn), not all sixty.
    let at_first = rows();
    assert!(
        (1..60).contains(&at_first),
        "{at_first} rows drawn with the page"
    );
    for _ in 0..20 {
        if rows() == 60 {
            break;
        }
        next_frame().await;
    }
    assert_eq!(rows(), 60, "the other branches follow in the next frames");
    root.remove();
}
