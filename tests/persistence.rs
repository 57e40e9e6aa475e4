//! The storage door in a real browser: what loads, what saves, and that
//! unreadable data is kept rather than overwritten.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;
use waypoint::domain::calendar::Timestamp;
use waypoint::domain::format::to_storage_text;
use waypoint::domain::goals::{add_goal, NewGoal};
use waypoint::domain::plan::{Id, Plan};
use waypoint::js_text;
use waypoint::persistence::{
    discard_kept_text, kept_texts, load_plan, save_plan_text, KeptBecause, LoadOutcome, SaveError,
    BEFORE_REPAIR_KEY_PREFIX, PLAN_KEY, UNREADABLE_KEY_PREFIX,
};

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn fresh_storage() -> web_sys::Storage {
    let storage = storage();
    storage.clear().unwrap();
    storage
}

fn sample_plan() -> Plan {
    let mut plan = Plan::default();
    plan.vision.statement = "Run a product team at a climate company".into();
    add_goal(
        &mut plan,
        NewGoal {
            id: Id::from("g-1"),
            parent: None,
            title: "Move into product management".into(),
        },
        Timestamp::from_seconds(1_790_000_000),
    )
    .unwrap();
    plan
}

#[wasm_bindgen_test]
fn text_of_any_script_crosses_from_javascript_intact() {
    let long_ascii = "a".repeat(10_000);
    let mixed = format!("{long_ascii}é漢字🙂 and more 🙂🙂 ☕ {long_ascii}");
    let all_wide = "漢🙂".repeat(5_000);
    for text in ["", "plain", "é", "🙂", &long_ascii, &mixed, &all_wide] {
        assert_eq!(js_text::from_js(&js_sys::JsString::from(text)), text);
    }
    // A lone surrogate (possible in a JavaScript string) becomes U+FFFD,
    // as wasm-bindgen's own conversion makes it.
    let lone = js_sys::JsString::from_char_code(&[0x61, 0xD83D, 0x62]);
    assert_eq!(js_text::from_js(&lone), "a\u{FFFD}b");
    assert_eq!(js_text::from_js(&lone), lone.as_string().unwrap());
}

#[wasm_bindgen_test]
fn a_stored_plan_in_many_scripts_loads_back_unchanged() {
    fresh_storage();
    let mut plan = sample_plan();
    plan.vision.statement = "Écrire des livres — 書く 🙂".repeat(1_000);
    save_plan_text(&to_storage_text(&plan)).unwrap();
    assert_eq!(load_plan(), LoadOutcome::Loaded(Box::new(plan)));
}

#[wasm_bindgen_test]
fn an_empty_store_is_nothing_saved_and_stays_empty() {
    let storage = fresh_storage();
    assert_eq!(load_plan(), LoadOutcome::NothingSaved);
    assert_eq!(storage.length().unwrap(), 0, "loading writes nothing");
}

#[wasm_bindgen_test]
fn a_saved_plan_loads_back_unchanged() {
    let storage = fresh_storage();
    let plan = sample_plan();
    save_plan_text(&to_storage_text(&plan)).unwrap();
    assert!(storage
        .get_item(PLAN_KEY)
        .unwrap()
        .unwrap()
        .contains("climate company"));
    assert_eq!(load_plan(), LoadOutcome::Loaded(Box::new(plan)));
}

#[wasm_bindgen_test]
fn unreadable_text_is_kept_in_place_and_copied_once() {
    let storage = fresh_storage();
    let corrupt = r#"{"format": "waypoint-plan", "schema_version": 1, "goals": [tru"#;
    storage.set_item(PLAN_KEY, corrupt).unwrap();

    let LoadOutcome::Unreadable(first) = load_plan() else {
        panic!("expected unreadable");
    };
    assert!(
        first.problem.contains("ends in the middle of the plan"),
        "{}",
        first.problem
    );
    assert_eq!(first.text, corrupt);
    let backup_key = first.backup_key.clone().expect("a copy was made");
    assert!(backup_key.starts_with(UNREADABLE_KEY_PREFIX));
    assert_eq!(
        storage.get_item(&backup_key).unwrap().as_deref(),
        Some(corrupt)
    );
    assert_eq!(
        storage.get_item(PLAN_KEY).unwrap().as_deref(),
        Some(corrupt),
        "the original is untouched"
    );

    // Loading again finds the same copy instead of making another.
    let LoadOutcome::Unreadable(second) = load_plan() else {
        panic!("expected unreadable");
    };
    assert_eq!(second.backup_key, Some(backup_key.clone()));
    assert_eq!(kept_texts().len(), 1);
    assert_eq!(kept_texts()[0].text, corrupt);
}

#[wasm_bindgen_test]
fn a_saved_plan_with_a_duplicate_id_opens_repaired_and_its_text_is_kept() {
    let storage = fresh_storage();
    let mut plan = sample_plan();
    let mut twin = plan.goals[0].clone();
    twin.title = "Lead a design team".into();
    plan.goals.push(twin);
    let saved = serde_json::to_string(&plan).unwrap();
    storage.set_item(PLAN_KEY, &saved).unwrap();

    let LoadOutcome::Repaired(repaired_plan, repaired) = load_plan() else {
        panic!("expected the plan, repaired");
    };
    let titles: Vec<&str> = repaired_plan
        .goals
        .iter()
        .map(|goal| goal.title.as_str())
        .collect();
    assert_eq!(
        titles,
        ["Move into product management", "Lead a design team"]
    );
    assert_ne!(repaired_plan.goals[0].id, repaired_plan.goals[1].id);
    assert_eq!(repaired.repairs.len(), 1, "{:?}", repaired.repairs);
    assert!(
        repaired.repairs[0].words.contains("Lead a design team"),
        "{}",
        repaired.repairs[0].words
    );
    assert_eq!(repaired.text, saved);
    let key = repaired.backup_key.clone().expect("a copy was made");
    assert!(key.starts_with(BEFORE_REPAIR_KEY_PREFIX));
    assert_eq!(
        storage.get_item(&key).unwrap().as_deref(),
        Some(saved.as_str())
    );
    assert_eq!(
        storage.get_item(PLAN_KEY).unwrap().as_deref(),
        Some(saved.as_str()),
        "loading writes nothing over the plan"
    );
    let kept = kept_texts();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].because, KeptBecause::Repaired);

    // Loading again finds the same copy.
    let LoadOutcome::Repaired(_, again) = load_plan() else {
        panic!("expected the plan, repaired");
    };
    assert_eq!(again.backup_key, Some(key));
    assert_eq!(kept_texts().len(), 1);
}

#[wasm_bindgen_test]
fn blank_saved_text_is_nothing_saved_and_no_copy_is_made() {
    let storage = fresh_storage();
    for blank in ["", "  \n "] {
        storage.set_item(PLAN_KEY, blank).unwrap();
        assert_eq!(load_plan(), LoadOutcome::NothingSaved);
        assert!(kept_texts().is_empty());
    }
}

#[wasm_bindgen_test]
fn a_plan_from_a_newer_version_is_unreadable_not_empty() {
    let storage = fresh_storage();
    let newer = r#"{"format": "waypoint-plan", "schema_version": 3}"#;
    storage.set_item(PLAN_KEY, newer).unwrap();
    let LoadOutcome::Unreadable(unreadable) = load_plan() else {
        panic!("expected unreadable");
    };
    assert!(
        unreadable.problem.contains("newer version of Waypoint"),
        "{}",
        unreadable.problem
    );
}

#[wasm_bindgen_test]
fn backups_can_be_discarded_but_nothing_else_can() {
    let storage = fresh_storage();
    storage.set_item(PLAN_KEY, "not json").unwrap();
    let LoadOutcome::Unreadable(unreadable) = load_plan() else {
        panic!("expected unreadable");
    };
    assert!(discard_kept_text(PLAN_KEY).is_err());
    assert!(storage.get_item(PLAN_KEY).unwrap().is_some());
    discard_kept_text(&unreadable.backup_key.unwrap()).unwrap();
    assert!(kept_texts().is_empty());
}

#[wasm_bindgen_test]
fn a_full_quota_is_reported_as_such() {
    let storage = fresh_storage();
    save_plan_text(&to_storage_text(&sample_plan())).unwrap();
    // Fill the rest of the origin's quota.
    let mut chunk = "x".repeat(1 << 20);
    let mut index = 0;
    while !chunk.is_empty() {
        if storage
            .set_item(&format!("filler-{index}"), &chunk)
            .is_err()
        {
            chunk.truncate(chunk.len() / 2);
        }
        index += 1;
    }
    let mut bigger = sample_plan();
    bigger.vision.want = "y".repeat(4096);
    assert_eq!(
        save_plan_text(&to_storage_text(&bigger)),
        Err(SaveError::QuotaExceeded)
    );
    // The last good save is still there.
    storage.clear().unwrap();
    save_plan_text(&to_storage_text(&sample_plan())).unwrap();
    assert_eq!(load_plan(), LoadOutcome::Loaded(Box::new(sample_plan())));
    storage.clear().unwrap();
}

mod kept_file {
    //! The file the plan is kept in, with a file of the origin-private file
    //! system standing in for a picked one (the same interface).
    use super::*;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use waypoint::persistence::sync_file::{
        forget_file, remember_file, remembered_file, FileProblem, KeptFile, Permission,
        RememberedFile,
    };

    async fn call(target: &JsValue, method: &str, args: &[JsValue]) -> JsValue {
        let function: js_sys::Function = js_sys::Reflect::get(target, &method.into())
            .unwrap()
            .unchecked_into();
        let promise = function
            .apply(target, &args.iter().collect::<js_sys::Array>())
            .unwrap();
        JsFuture::from(js_sys::Promise::from(promise))
            .await
            .unwrap()
    }

    async fn folder() -> JsValue {
        let storage = web_sys::window().unwrap().navigator().storage();
        call(&storage, "getDirectory", &[]).await
    }

    async fn file_named(name: &str) -> KeptFile {
        let options = js_sys::Object::new();
        js_sys::Reflect::set(&options, &"create".into(), &true.into()).unwrap();
        let handle = call(
            &folder().await,
            "getFileHandle",
            &[name.into(), options.into()],
        )
        .await;
        KeptFile::from_handle(handle.unchecked_into())
    }

    #[wasm_bindgen_test]
    async fn what_is_written_is_read_back_and_a_new_write_is_a_new_version() {
        let file = file_named("written.json").await;
        assert_eq!(file.name(), "written.json");
        assert_eq!(file.permission(false).await, Permission::Granted);
        let first = file.write("{\"a\": 1}\n").await.unwrap();
        let read = file.read().await.unwrap();
        assert_eq!(read.text, "{\"a\": 1}\n");
        assert_eq!(read.version, first);
        assert_eq!(file.version().await.unwrap(), first);
        let second = file.write("{\"a\": 12}\n").await.unwrap();
        assert_ne!(second, first);
        assert_eq!(file.read().await.unwrap().text, "{\"a\": 12}\n");
    }

    #[wasm_bindgen_test]
    async fn a_deleted_file_is_gone_in_so_many_words() {
        let file = file_named("deleted.json").await;
        file.write("{}").await.unwrap();
        call(&folder().await, "removeEntry", &["deleted.json".into()]).await;
        assert_eq!(file.read().await, Err(FileProblem::Gone));
        // (A write would make it anew where it was: the sync looks first.)
        assert_eq!(file.version().await, Err(FileProblem::Gone));
    }

    #[wasm_bindgen_test]
    async fn the_file_is_remembered_until_forgotten() {
        let file = file_named("remembered.json").await;
        let remembered = RememberedFile {
            file,
            synced_through: Some(Timestamp::from_seconds(1_790_000_000)),
            synced_at: Some(Timestamp::from_seconds(1_790_000_600)),
        };
        remember_file(&remembered).await.unwrap();
        let found = remembered_file().await.expect("the file is remembered");
        assert_eq!(found.file.name(), "remembered.json");
        assert_eq!(found.synced_through, remembered.synced_through);
        assert_eq!(found.synced_at, remembered.synced_at);
        forget_file().await;
        assert_eq!(remembered_file().await, None);
    }
}
