//! The reader, outcome by outcome: each repair with its words, each refusal
//! with its sentence, and the corpus of bad files in `tests/fixtures/bad`.

use super::*;
use crate::domain::calendar::Timestamp;
use crate::domain::format::{parse_plan, to_file_text, to_storage_text};
use crate::domain::goals::{add_goal, GoalTree, NewGoal};
use crate::domain::plan::{GoalStatus, Id};
use serde_json::json;

fn now() -> Timestamp {
    Timestamp::parse("2026-11-23T10:00:00Z").unwrap()
}

/// A plan with a vision, an asset, an option and a goal under a goal under
/// a goal: "Publish a picture book" › "Find an agent" › two steps.
fn book() -> Plan {
    let mut plan = Plan::default();
    plan.vision.statement = "Become a bestselling author of children's books".into();
    plan.vision.excitement = Some(9);
    plan.vision.horizon_years = Some(5);
    crate::domain::method::add_asset(
        &mut plan,
        Id::from("a-1"),
        crate::domain::plan::AssetKind::Skill,
        "Storytelling",
        now(),
    );
    crate::domain::method::add_option(
        &mut plan,
        Id::from("o-1"),
        crate::domain::plan::OptionKind::StartBusiness,
        "Start a studio",
        now(),
    );
    plan.options[0].assets_used.push(Id::from("a-1"));
    for (id, parent, title) in [
        ("g-1", None, "Publish a picture book"),
        ("g-2", Some("g-1"), "Find an agent"),
        ("g-3", Some("g-2"), "Write a query letter"),
        ("g-4", Some("g-2"), "Send it to ten agents"),
    ] {
        add_goal(
            &mut plan,
            NewGoal {
                id: Id::from(id),
                parent: parent.map(Id::from),
                title: title.into(),
            },
            now(),
        )
        .unwrap();
    }
    plan
}

/// The book plan as JSON, changed by `change`, then read.
fn read_changed(change: impl FnOnce(&mut Value)) -> ReadPlan {
    let mut value = serde_json::to_value(book()).unwrap();
    change(&mut value);
    let read = read_plan(&serde_json::to_string_pretty(&value).unwrap())
        .unwrap_or_else(|problem| panic!("refused: {problem:?}"));
    assert_eq!(check_integrity(&read.plan), Ok(()), "{:?}", read.repairs);
    read
}

fn words(read: &ReadPlan) -> Vec<&str> {
    read.repairs
        .iter()
        .map(|repair| repair.words.as_str())
        .collect()
}

fn only_repair(read: &ReadPlan) -> &Repair {
    assert_eq!(read.repairs.len(), 1, "{:#?}", read.repairs);
    &read.repairs[0]
}

#[test]
fn a_plan_as_the_app_writes_it_reads_without_repairs() {
    let plan = book();
    for text in [to_file_text(&plan), to_storage_text(&plan)] {
        let read = read_plan(&text).unwrap();
        assert_eq!(read.plan, plan);
        assert!(read.repairs.is_empty());
    }
}

#[test]
fn a_plan_that_keeps_the_rules_reads_the_same_a_slice_at_a_time() {
    let plan = book();
    for text in [to_file_text(&plan), to_storage_text(&plan)] {
        let mut reader = PlanReader::start(text).unwrap();
        while !reader.read_some(1) {}
        let read = reader.finish().unwrap();
        assert_eq!(read.plan, plan);
        assert!(read.repairs.is_empty());
    }
}

/// The items of a JSON list as serde_json finds them, to check the scan.
fn items_by_serde(list: &str) -> Vec<&str> {
    serde_json::from_str::<Vec<&RawValue>>(list)
        .unwrap()
        .into_iter()
        .map(RawValue::get)
        .collect()
}

fn items_by_scan(list: &str) -> Vec<&str> {
    list_items(list)
        .unwrap()
        .into_iter()
        .map(|(from, to)| &list[from..to])
        .collect()
}

#[test]
fn the_scan_for_list_items_finds_what_a_json_reader_finds() {
    for list in [
        "[]",
        "[ ]",
        "[1]",
        "[ 1 , -2.5e3 ,true,null ]",
        r#"["a,b", "c]d", "e\"],[f", "\\", "\\\"x"]"#,
        r#"[{"a": [1, {"b": "}]"}]}, [[], {}], "é ✓ 日本"]"#,
        "[\n  {\n    \"id\": \"g-1\"\n  },\n  {\n    \"id\": \"g-2\"\n  }\n]",
    ] {
        assert_eq!(items_by_scan(list), items_by_serde(list), "{list}");
    }
    let plan = book();
    for text in [to_file_text(&plan), to_storage_text(&plan)] {
        let value: Value = serde_json::from_str(&text).unwrap();
        let goals = serde_json::to_string_pretty(&value["goals"]).unwrap();
        assert_eq!(items_by_scan(&goals), items_by_serde(&goals));
    }
    assert_eq!(list_items("{\"goals\": []}"), None);
    assert_eq!(list_items("12"), None);
}

#[test]
fn two_different_goals_with_one_id_keep_both_and_the_children_stay_with_the_first() {
    let read = read_changed(|plan| plan["goals"][3]["id"] = json!("g-3"));
    let repair = only_repair(&read);
    assert_eq!(
        repair.words,
        "The step ‘Send it to ten agents’ under ‘Find an agent’ had the same id as ‘Write a \
         query letter’ (“g-3”), though the two differ; it was given an id of its own."
    );
    assert_eq!(repair.path, "goals[3].id");
    let titles: Vec<&str> = read.plan.goals.iter().map(|g| g.title.as_str()).collect();
    assert_eq!(titles.len(), 4, "both are kept");
    assert_eq!(read.plan.goals[3].id, Id::from("g-repaired-1"));
    assert_eq!(read.plan.goals[3].parent, Some(Id::from("g-2")));
}

#[test]
fn an_item_twice_word_for_word_is_kept_once() {
    let read = read_changed(|plan| {
        let copy = plan["goals"][2].clone();
        plan["goals"].as_array_mut().unwrap().push(copy);
    });
    let repair = only_repair(&read);
    assert_eq!(
        repair.words,
        "The step ‘Write a query letter’ under ‘Find an agent’ was in the file twice, word for \
         word; it is kept once."
    );
    assert_eq!(repair.path, "goals[4]");
    assert_eq!(read.plan, book());
}

#[test]
fn an_empty_id_gets_one_and_the_goals_under_it_follow_without_a_word_of_a_missing_parent() {
    let read = read_changed(|plan| {
        plan["goals"][1]["id"] = json!("");
        plan["goals"][2]["parent"] = json!("");
        plan["goals"][3]["parent"] = json!("");
    });
    let repair = only_repair(&read);
    assert_eq!(
        repair.words,
        "The short-term goal ‘Find an agent’ under ‘Publish a picture book’ had no id, which \
         every item needs; it was given one."
    );
    let agent = read.plan.goals[1].id.clone();
    assert_eq!(agent, Id::from("g-repaired-1"));
    assert_eq!(read.plan.goals[2].parent.as_ref(), Some(&agent));
    assert_eq!(read.plan.goals[3].parent.as_ref(), Some(&agent));
}

#[test]
fn a_goal_under_a_goal_that_is_not_there_becomes_a_long_term_goal() {
    let read = read_changed(|plan| plan["goals"][1]["parent"] = json!("g-gone"));
    assert_eq!(
        only_repair(&read).words,
        "‘Find an agent’ sat under a goal that is not in the plan (“g-gone”); it is now a \
         long-term goal."
    );
    assert_eq!(read.plan.goals[1].parent, None);
    // Its steps stay under it.
    assert_eq!(read.plan.goals[2].parent, Some(Id::from("g-2")));
}

#[test]
fn in_a_loop_the_first_goal_in_the_file_becomes_a_long_term_goal() {
    let read = read_changed(|plan| plan["goals"][0]["parent"] = json!("g-3"));
    let repair = only_repair(&read);
    assert_eq!(
        repair.words,
        "‘Publish a picture book’ was, through the goals above it, under itself; it is now a \
         long-term goal."
    );
    assert_eq!(repair.path, "goals[0].parent");
    assert_eq!(read.plan, book());

    let read = read_changed(|plan| plan["goals"][3]["parent"] = json!("g-4"));
    assert!(only_repair(&read)
        .words
        .starts_with("‘Send it to ten agents’ was, through"));
    assert_eq!(read.plan.goals[3].parent, None);
}

#[test]
fn a_goal_nested_too_deep_is_lifted_to_the_deepest_level_with_its_own_below_it() {
    let read = read_changed(|plan| {
        let goals = plan["goals"].as_array_mut().unwrap();
        for (id, parent) in [("g-5", "g-4"), ("g-6", "g-5"), ("g-7", "g-6")] {
            let mut goal = goals[3].clone();
            goal["id"] = json!(id);
            goal["parent"] = json!(parent);
            goal["title"] = json!(format!("Deeper {id}"));
            goals.push(goal);
        }
    });
    // g-5 is a sub-step (the fourth level); g-6 and g-7 were deeper.
    assert_eq!(
        words(&read),
        [
            "‘Deeper g-6’ was nested deeper than the four levels a plan has; it now sits under \
             ‘Send it to ten agents’.",
            "‘Deeper g-7’ was nested deeper than the four levels a plan has; it now sits under \
             ‘Send it to ten agents’.",
        ]
    );
    let tree = GoalTree::new(&read.plan);
    for id in ["g-5", "g-6", "g-7"] {
        assert_eq!(tree.depth(&Id::from(id)), 3, "{id}");
    }
}

#[test]
fn links_to_items_that_are_not_there_are_dropped() {
    let read = read_changed(|plan| {
        plan["options"][0]["assets_used"] = json!(["a-1", "a-gone"]);
        plan["goals"][0]["from_option"] = json!("o-gone");
    });
    assert_eq!(
        words(&read),
        [
            "The option ‘Start a studio’ was built on leverage that is not in the plan \
             (“a-gone”); that link was dropped.",
            "The long-term goal ‘Publish a picture book’ was made from an option that is not in \
             the plan (“o-gone”); that link was dropped.",
        ]
    );
    assert_eq!(read.plan.options[0].assets_used, [Id::from("a-1")]);
    assert_eq!(read.plan.goals[0].from_option, None);
}

#[test]
fn numbers_out_of_range_are_brought_within_it() {
    let read = read_changed(|plan| {
        plan["vision"]["excitement"] = json!(11);
        plan["vision"]["horizon_years"] = json!(0);
        plan["vision"]["success"]["money"]["weight"] = json!(9);
        plan["assets"][0]["level"] = json!(300);
    });
    assert_eq!(
        words(&read),
        [
            "The strength of the leverage entry ‘Storytelling’ was 300, more than the most it \
             can be (5); it is now 5.",
            "The vision's time horizon was 0, less than the least it can be (1); it is now 1.",
            "The vision's excitement score was 11, more than the most it can be (10); it is now 10.",
            "The vision's weight of “Money” in what success means was 9, more than the most it \
             can be (5); it is now 5.",
        ]
    );
    let vision = &read.plan.vision;
    assert_eq!(
        (vision.excitement, vision.horizon_years),
        (Some(10), Some(1))
    );
    assert_eq!(vision.success.money.weight, 5);
    assert_eq!(read.plan.assets[0].level, Some(5));

    let read = read_changed(|plan| plan["vision"]["excitement"] = json!("7"));
    assert_eq!(
        only_repair(&read).words,
        "The vision's excitement score was “7”, a number written as words; it is now 7."
    );
    let read = read_changed(|plan| plan["vision"]["excitement"] = json!(7.6));
    assert_eq!(read.plan.vision.excitement, Some(8));
    let read = read_changed(|plan| plan["vision"]["excitement"] = json!(-3));
    assert_eq!(read.plan.vision.excitement, Some(1));
}

#[test]
fn fields_the_plan_does_not_have_are_left_out_with_a_word() {
    let read = read_changed(|plan| {
        plan["goals"][3]["priority"] = json!("high");
        plan["vision"]["mood"] = json!("sunny");
        plan["exported_by"] = json!("another app");
    });
    assert_eq!(
        words(&read),
        [
            "The plan had a field Waypoint doesn't know, “exported_by”, which was left out (it \
             held “another app”).",
            "The vision had a field Waypoint doesn't know, “mood”, which was left out (it held \
             “sunny”).",
            "The step ‘Send it to ten agents’ under ‘Find an agent’ had a field Waypoint doesn't \
             know, “priority”, which was left out (it held “high”).",
        ]
    );
    assert_eq!(read.repairs[2].path, "goals[3].priority");
    assert_eq!(read.plan, book());
}

#[test]
fn values_of_the_wrong_kind_keep_the_words_they_hold() {
    let read = read_changed(|plan| {
        plan["goals"][2]["title"] = json!(42);
        plan["goals"][3]["status"] = json!("finished");
        plan["goals"][1]["status"] = json!("In progress");
        plan["goals"][0]["target_date"] = json!("next spring");
        plan["goals"][0]["notes"] = json!(["first", "second"]);
    });
    assert_eq!(
        words(&read),
        [
            "The target date of the long-term goal ‘Publish a picture book’ was “next spring”, \
             not a date Waypoint can read (such as 2026-03-31); it is left out.",
            "The notes of the long-term goal ‘Publish a picture book’ was a group of values, not \
             words; they are kept as the words “[\"first\",\"second\"]”.",
            "The status of the short-term goal ‘Find an agent’ under ‘Publish a picture book’ was \
             written “In progress”; it is read as In progress.",
            "The title of the step ‘42’ under ‘Find an agent’ was 42, not words; it is kept as the \
             words “42”.",
            "The status of the step ‘Send it to ten agents’ under ‘Find an agent’ was \
             “finished”, which Waypoint doesn't know; it is now Open.",
        ]
    );
    let goals = &read.plan.goals;
    assert_eq!(goals[2].title, "42");
    assert_eq!(goals[1].status, GoalStatus::InProgress);
    assert_eq!(goals[3].status, GoalStatus::Open);
}

#[test]
fn a_missing_time_is_taken_from_the_item_or_the_plan() {
    let read = read_changed(|plan| {
        let goal = plan["goals"][1].as_object_mut().unwrap();
        goal.remove("created_at");
        goal.insert("updated_at".into(), json!("2026-11-20T08:00:00Z"));
    });
    assert_eq!(
        only_repair(&read).words,
        "The short-term goal ‘Find an agent’ under ‘Publish a picture book’ had no creation \
         time; it is taken from its last change (2026-11-20)."
    );
    assert_eq!(
        read.plan.goals[1].created_at,
        Timestamp::parse("2026-11-20T08:00:00Z").unwrap()
    );
}

#[test]
fn untitled_goals_are_named_by_their_place() {
    let read = read_changed(|plan| {
        plan["goals"][3]["title"] = json!("");
        plan["goals"][3]["status"] = json!("someday");
        plan["goals"][1]["title"] = json!("");
        plan["goals"][2]["status"] = json!("someday");
    });
    assert_eq!(
        words(&read),
        [
            "The status of the step ‘Write a query letter’ under the first short-term goal under \
             ‘Publish a picture book’ was “someday”, which Waypoint doesn't know; it is now Open.",
            "The status of the second step under the first short-term goal under ‘Publish a \
             picture book’ was “someday”, which Waypoint doesn't know; it is now Open.",
        ]
    );
}

#[test]
fn privacy_in_doubt_is_kept_private() {
    let read = read_changed(|plan| plan["assets"][0]["private"] = json!("maybe"));
    assert_eq!(
        only_repair(&read).words,
        "The privacy of the leverage entry ‘Storytelling’ was “maybe”, not yes or no; it is \
         taken as yes."
    );
    assert!(read.plan.assets[0].private);
}

#[test]
fn items_that_are_not_items_are_left_out_or_kept_as_words() {
    let read = read_changed(|plan| {
        let goals = plan["goals"].as_array_mut().unwrap();
        goals.push(json!(17));
        goals.push(json!("Call the library"));
    });
    assert_eq!(
        words(&read),
        [
            "The fifth goal in the file was 17, not a goal; it was left out.",
            "The long-term goal ‘Call the library’ was only words, not a goal; it is now a goal \
             with those words.",
            "The long-term goal ‘Call the library’ had no id, which every item needs; it was \
             given one.",
        ]
    );
    assert_eq!(read.plan.goals.len(), 5);
}

#[test]
fn a_missing_part_of_the_plan_starts_empty() {
    let read = read_changed(|plan| {
        plan.as_object_mut().unwrap().remove("check_ins");
    });
    assert_eq!(
        only_repair(&read).words,
        "The plan had no list of check-ins; it starts with none."
    );
}

#[test]
fn the_same_text_always_reads_the_same_and_a_repaired_plan_reads_clean() {
    let mut value = serde_json::to_value(book()).unwrap();
    value["goals"][1]["id"] = json!("g-1");
    value["goals"][2]["id"] = json!("");
    value["goals"][3]["parent"] = json!("g-3");
    value["vision"]["excitement"] = json!(12);
    let text = value.to_string();
    let first = read_plan(&text).unwrap();
    assert_eq!(read_plan(&text).unwrap(), first);
    assert!(first.repairs.len() >= 3);
    assert_eq!(
        parse_plan(&to_file_text(&first.plan)),
        Ok(first.plan.clone())
    );
}

#[test]
fn read_a_slice_at_a_time_it_reads_the_same() {
    let mut value = serde_json::to_value(book()).unwrap();
    value["goals"][1]["id"] = json!("g-1");
    value["goals"][2]["title"] = json!(7);
    value["vision"]["mood"] = json!("sunny");
    let text = serde_json::to_string_pretty(&value).unwrap();
    let mut reader = PlanReader::start(text.clone()).unwrap();
    assert!(!reader.read_some(1), "the first call splits the goals");
    assert_eq!(reader.goals_in_text(), Some(4));
    while !reader.read_some(1) {}
    assert_eq!(reader.goals_read(), 4);
    assert_eq!(reader.finish().unwrap(), read_plan(&text).unwrap());
}

#[test]
fn utf16_text_with_its_mark_reads_with_a_word_and_a_utf8_mark_is_skipped() {
    let text = to_file_text(&book());
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let read = read_plan_bytes(utf16).unwrap();
    assert_eq!(read.plan, book());
    assert_eq!(
        only_repair(&read).words,
        "The text was saved as UTF-16 rather than UTF-8, the encoding of plan files; \
         Waypoint read it all the same."
    );
    let mut big_endian = vec![0xFE, 0xFF];
    big_endian.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    assert_eq!(read_plan_bytes(big_endian).unwrap().plan, book());

    let mut marked = vec![0xEF, 0xBB, 0xBF];
    marked.extend(text.as_bytes());
    assert_eq!(
        read_plan_bytes(marked).unwrap(),
        ReadPlan {
            plan: book(),
            repairs: Vec::new()
        }
    );
}

#[test]
fn texts_that_are_no_plan_are_refused_each_with_its_own_sentence() {
    let refused = |bytes: &[u8]| read_plan_bytes(bytes.to_vec()).unwrap_err();
    assert_eq!(refused(b""), PlanFileError::Empty);
    assert_eq!(refused(b" \n\t\r\n"), PlanFileError::Blank);
    assert_eq!(
        refused(b"\x89PNG\r\n\x1a\n\0\0"),
        PlanFileError::NotText {
            at: 0,
            looks_like: Some("a PNG picture")
        }
    );
    assert_eq!(
        refused("{\"title\": \"caf\u{e9}\"}".as_bytes())
            .explain(Origin::File)
            .message,
        "The file holds data from another program, not a Waypoint plan (a plan begins with \
         \"format\": \"waypoint-plan\")."
    );
    assert!(matches!(
        refused(b"{\"a\": \"caf\xe9\"}"),
        PlanFileError::NotText {
            at: 10,
            looks_like: None
        }
    ));
    assert_eq!(refused(b"\xFF\xFE{\0\0\xD8"), PlanFileError::BrokenUtf16);
    assert_eq!(refused(b"\xFF\xFE{"), PlanFileError::BrokenUtf16);
    assert_eq!(
        refused(b"{\"format\": \"waypoint-plan\", \"goals\": [x]}"),
        PlanFileError::NotJson {
            line: 1,
            column: 39,
            cut_off: false
        }
    );
    assert!(matches!(
        refused(b"{\"format\": \"waypoint-plan\", \"goals\": ["),
        PlanFileError::NotJson { cut_off: true, .. }
    ));
    let deep = format!("{}{}", "[".repeat(500), "]".repeat(500));
    assert_eq!(refused(deep.as_bytes()), PlanFileError::TooDeeplyNested);
    let deep_in_a_plan = format!(
        "{{\"format\": \"waypoint-plan\", \"schema_version\": 1, \"vision\": {}{}}}",
        "[".repeat(500),
        "]".repeat(500)
    );
    assert_eq!(
        refused(deep_in_a_plan.as_bytes()),
        PlanFileError::TooDeeplyNested
    );
    assert_eq!(refused(b"[1, 2, 3]"), PlanFileError::NotAPlan);
    assert_eq!(refused(b"\"waypoint-plan\""), PlanFileError::NotAPlan);
    assert_eq!(refused(b"{\"goals\": []}"), PlanFileError::NotAPlan);
    assert_eq!(
        refused(b"{\"format\": \"waypoint-plan\", \"schema_version\": 7}"),
        PlanFileError::NewerVersion { found: 7 }
    );
    assert_eq!(
        refused(b"{\"format\": \"waypoint-plan\", \"schema_version\": \"1\"}"),
        PlanFileError::UnknownVersion {
            found: "\"1\"".into()
        }
    );
    assert_eq!(
        refused(b"{\"format\": \"waypoint-plan\"}"),
        PlanFileError::UnknownVersion {
            found: "none".into()
        }
    );
    let huge = vec![b' '; MAX_PLAN_FILE_BYTES + 1];
    assert_eq!(
        refused(&huge),
        PlanFileError::TooLarge {
            bytes: MAX_PLAN_FILE_BYTES + 1
        }
    );
}

#[test]
fn a_refusal_names_where_the_text_came_from() {
    let cut = PlanFileError::NotJson {
        line: 3,
        column: 14,
        cut_off: true,
    };
    assert_eq!(
        cut.explain(Origin::File),
        Explanation {
            message: "The file ends in the middle of the plan, as if it was cut off while it was \
                      saved or copied. A complete copy will open."
                .into(),
            detail: Some("The text stops at line 3, column 14.".into()),
        }
    );
    assert!(cut
        .explain(Origin::Saved)
        .message
        .starts_with("The plan saved in this browser ends in the middle"));
    assert!(cut
        .explain(Origin::Link)
        .message
        .starts_with("The plan in this link ends in the middle"));
    // A link's size is where unpacking stopped, not the link's: it is not given.
    let link = PlanFileError::TooLarge { bytes: 10_485_800 }.explain(Origin::Link);
    assert_eq!(
        link.message,
        "The link unpacks into more than 10 MB, far more than any plan; Waypoint stopped \
         unpacking it."
    );
    let newer = PlanFileError::NewerVersion { found: 3 }.explain(Origin::File);
    assert_eq!(
        newer.detail.as_deref(),
        Some("Plan format version 3; this Waypoint reads up to version 2.")
    );
}

/// Words that belong to the code, not to the person reading the screen.
const NOT_FOR_THE_SCREEN: [&str; 14] = [
    "expected",
    "u8",
    "struct",
    "EOF",
    "parsing",
    "escape",
    "invalid type",
    "invalid value",
    "variant",
    "serde",
    "deserialize",
    "Option<",
    "integer",
    "sequence",
];

fn assert_plain(words: &str) {
    for jargon in NOT_FOR_THE_SCREEN {
        assert!(!words.contains(jargon), "“{jargon}” in: {words}");
    }
}

#[test]
fn every_refusal_and_repair_of_the_corpus_is_in_plain_words() {
    for (name, bytes, expected) in corpus() {
        match read_plan_bytes(bytes) {
            Ok(read) => {
                for repair in &read.repairs {
                    assert_plain(&repair.words);
                }
            }
            Err(problem) => {
                for origin in [Origin::File, Origin::Link, Origin::Saved, Origin::Kept] {
                    let explained = problem.explain(origin);
                    assert_plain(&explained.message);
                    assert_plain(explained.detail.as_deref().unwrap_or_default());
                }
            }
        }
        let _ = (name, expected);
    }
}

/// The bad corpus: each file's name, bytes and expected outcome.
fn corpus() -> Vec<(String, Vec<u8>, Value)> {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/bad");
    let expected: BTreeMap<String, Value> =
        serde_json::from_str(&std::fs::read_to_string(format!("{folder}/expected.json")).unwrap())
            .unwrap();
    let mut files: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name != "expected.json")
        .collect();
    files.sort();
    assert_eq!(
        files,
        expected.keys().cloned().collect::<Vec<_>>(),
        "expected.json names every file of the folder"
    );
    expected
        .into_iter()
        .map(|(name, outcome)| {
            let bytes = std::fs::read(format!("{folder}/{name}")).unwrap();
            (name, bytes, outcome)
        })
        .collect()
}

#[test]
fn every_file_of_the_bad_corpus_is_repaired_or_refused_as_expected() {
    let corpus = corpus();
    assert!(corpus.len() >= 25);
    for (name, bytes, expected) in corpus {
        let result = read_plan_bytes(bytes);
        match (&result, expected.get("repaired"), expected.get("refused")) {
            (Ok(read), Some(Value::String(words)), None) => {
                assert!(
                    read.repairs
                        .iter()
                        .any(|repair| repair.words.contains(words.as_str())),
                    "{name}: no repair says “{words}”: {:#?}",
                    read.repairs
                );
                assert_eq!(check_integrity(&read.plan), Ok(()), "{name}");
            }
            (Err(problem), None, Some(Value::String(words))) => {
                let message = problem.explain(Origin::File).message;
                assert!(
                    message.contains(words.as_str()),
                    "{name}: “{message}” does not say “{words}”"
                );
            }
            _ => panic!("{name}: {result:?} is not what expected.json says: {expected}"),
        }
    }
}

#[test]
fn markup_in_a_plan_is_kept_as_text() {
    let read = read_plan(include_str!("../../../tests/fixtures/html-in-text.json")).unwrap();
    assert!(read.plan.goals[0].title.starts_with("<script>"));
}

/// The scan over lists of any shape (proptest runs on the host only).
#[cfg(not(target_arch = "wasm32"))]
mod any_list {
    use super::*;
    use proptest::prelude::*;

    /// Any JSON value, with strings full of the characters the scan watches.
    fn any_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            "[\\[\\]{},:\"\\\\ a-é✓\n\t]{0,8}".prop_map(Value::from),
        ];
        leaf.prop_recursive(4, 40, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
                prop::collection::btree_map("[a-z\\]\\\\\"]{0,4}", inner, 0..4)
                    .prop_map(|map| Value::Object(map.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn any_list_is_scanned_into_the_items_a_json_reader_finds(
            items in prop::collection::vec(any_json(), 0..8),
        ) {
            let list = Value::from(items);
            for text in [list.to_string(), serde_json::to_string_pretty(&list).unwrap()] {
                prop_assert_eq!(items_by_scan(&text), items_by_serde(&text));
            }
        }
    }
}
