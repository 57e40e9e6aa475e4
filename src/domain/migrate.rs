//! Bringing plan files written by earlier versions of the format up to the
//! current one, one explicit step at a time.
//!
//! Each step takes the JSON of one version and returns the JSON of the next,
//! so a file from any earlier version reaches the current shape through the
//! same tested path. A file's text is never changed in place: the migrated
//! plan is what the person sees, and it is written in the current format the
//! next time it is saved or exported.
//!
//! Version 0 is the draft layout used before the first release:
//!
//! ```json
//! {
//!   "format": "waypoint-plan",
//!   "schema_version": 0,
//!   "saved_at": "2026-01-05T09:00:00Z",
//!   "vision": "Become a bestselling children's author",
//!   "goals": [
//!     { "id": "g-1", "title": "Finish the first book", "done": false, "due": "2026-06-01",
//!       "children": [ { "id": "g-2", "title": "Write every morning", "done": true } ] }
//!   ]
//! }
//! ```
//!
//! The vision was only its statement, goals were nested through `children`,
//! a goal was done or not, and `due` held its target date.
//!
//! Version 1 kept the order of siblings as their order in the file; version
//! 2 gives each goal a `rank` among its siblings (so that two devices' moves
//! can be merged), and adds `removed`, the records of removed items. A
//! version 1 file gets ranks in its own sibling order, and no records.

use super::format::PlanFileError;
use super::plan::SCHEMA_VERSION;
use super::rank::Rank;
use serde_json::{json, Map, Value};
use std::collections::HashMap;

/// Brings the JSON of a plan at `version` up to [`SCHEMA_VERSION`].
pub fn migrate_to_current(mut plan: Value, version: u64) -> Result<Value, PlanFileError> {
    let mut version = version;
    while version < u64::from(SCHEMA_VERSION) {
        plan = match version {
            0 => version_0_to_1(plan)?,
            1 => version_1_to_2(plan),
            other => {
                return Err(PlanFileError::UnknownVersion {
                    found: other.to_string(),
                })
            }
        };
        version += 1;
    }
    Ok(plan)
}

/// Version 0 → 1: the vision becomes an object, goals become a flat list with
/// parent ids, `done` becomes a status and `due` a target date.
fn version_0_to_1(plan: Value) -> Result<Value, PlanFileError> {
    let Value::Object(old) = plan else {
        return Err(bad("plan", "it is not a plan"));
    };
    let saved_at = match old.get("saved_at") {
        Some(Value::String(text)) => text.clone(),
        _ => return Err(bad("saved_at", "the time it was saved is missing")),
    };
    let statement = match old.get("vision") {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(text)) => text.clone(),
        Some(_) => return Err(bad("vision", "its vision is not words")),
    };
    let mut goals = Vec::new();
    match old.get("goals") {
        None | Some(Value::Null) => {}
        Some(Value::Array(roots)) => {
            flatten_goals(roots, None, "goals", &saved_at, &mut goals)?;
        }
        Some(_) => return Err(bad("goals", "its goals are not a list")),
    }
    Ok(json!({
        "format": old.get("format").cloned().unwrap_or(Value::Null),
        "schema_version": 1,
        "vision": { "statement": statement },
        "assets": [],
        "options": [],
        "goals": goals,
        "check_ins": [],
        "review_rhythm": null,
        "updated_at": saved_at,
    }))
}

/// Version 1 → 2: each goal gets a rank among its siblings, in the order
/// the file lists them. Anything that is not as version 1 wrote it is left
/// for the reader to name.
fn version_1_to_2(mut plan: Value) -> Value {
    if let Some(Value::Array(goals)) = plan.get_mut("goals") {
        // A goal listed twice word for word is one goal twice, for the
        // reader to keep once: both copies get its one rank.
        let mut first_copy: HashMap<String, usize> = HashMap::new();
        let mut copy_of: Vec<Option<usize>> = vec![None; goals.len()];
        let mut siblings: HashMap<String, Vec<usize>> = HashMap::new();
        for (position, goal) in goals.iter().enumerate() {
            if let Value::Object(fields) = goal {
                if let Some(&first) = first_copy.get(&goal.to_string()) {
                    copy_of[position] = Some(first);
                    continue;
                }
                first_copy.insert(goal.to_string(), position);
                let parent = fields.get("parent").cloned().unwrap_or(Value::Null);
                siblings
                    .entry(parent.to_string())
                    .or_default()
                    .push(position);
            }
        }
        let mut rank_of: Vec<Option<Rank>> = vec![None; goals.len()];
        for positions in siblings.values() {
            for (&position, rank) in positions.iter().zip(Rank::spread(positions.len())) {
                rank_of[position] = Some(rank);
            }
        }
        for (position, goal) in goals.iter_mut().enumerate() {
            let rank = match copy_of[position] {
                Some(first) => rank_of[first].clone(),
                None => rank_of[position].clone(),
            };
            if let (Value::Object(goal), Some(rank)) = (goal, rank) {
                goal.insert("rank".into(), Value::String(rank.as_str().to_owned()));
            }
        }
    }
    if let Value::Object(fields) = &mut plan {
        fields.insert("schema_version".into(), json!(2));
        fields.entry("removed").or_insert_with(|| json!([]));
    }
    plan
}

fn flatten_goals(
    goals: &[Value],
    parent: Option<&str>,
    path: &str,
    saved_at: &str,
    flat: &mut Vec<Value>,
) -> Result<(), PlanFileError> {
    for (index, goal) in goals.iter().enumerate() {
        let here = format!("{path}[{index}]");
        let Value::Object(goal) = goal else {
            return Err(bad(&here, "one of its goals is not a goal"));
        };
        let id = text_field(goal, "id", &here)?;
        let title = text_field(goal, "title", &here)?;
        let done = match goal.get("done") {
            None | Some(Value::Null) => false,
            Some(Value::Bool(done)) => *done,
            Some(_) => {
                return Err(bad(
                    &format!("{here}.done"),
                    "a goal's done mark is neither yes nor no",
                ))
            }
        };
        let due = match goal.get("due") {
            None | Some(Value::Null) => Value::Null,
            Some(Value::String(date)) => Value::String(date.clone()),
            Some(_) => {
                return Err(bad(
                    &format!("{here}.due"),
                    "a goal's due date is not a date",
                ))
            }
        };
        flat.push(json!({
            "id": id,
            "parent": parent,
            "title": title,
            "status": if done { "done" } else { "open" },
            "target_date": due,
            "notes": "",
            "created_at": saved_at,
            "completed_at": if done { Value::String(saved_at.to_owned()) } else { Value::Null },
            "dropped_reason": null,
            "from_option": null,
            "updated_at": saved_at,
        }));
        match goal.get("children") {
            None | Some(Value::Null) => {}
            Some(Value::Array(children)) => {
                flatten_goals(
                    children,
                    Some(&id),
                    &format!("{here}.children"),
                    saved_at,
                    flat,
                )?;
            }
            Some(_) => {
                return Err(bad(
                    &format!("{here}.children"),
                    "a goal's goals below it are not a list",
                ))
            }
        }
    }
    Ok(())
}

fn text_field(goal: &Map<String, Value>, name: &str, path: &str) -> Result<String, PlanFileError> {
    match goal.get(name) {
        Some(Value::String(text)) => Ok(text.clone()),
        _ => Err(bad(
            &format!("{path}.{name}"),
            &format!("a goal has no words for its {name}"),
        )),
    }
}

/// What a version 0 plan lacks, in words (the reader says it of the file,
/// the link or the saved plan).
fn bad(path: &str, detail: &str) -> PlanFileError {
    PlanFileError::BadField {
        path: path.to_owned(),
        detail: format!("{detail}, in this plan from an early version of Waypoint"),
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::format::{parse_plan, to_file_text, PlanFileError};
    use crate::domain::goals::GoalTree;
    use crate::domain::plan::{GoalStatus, Id, SCHEMA_VERSION};
    use crate::domain::reader::read_plan;

    const VERSION_0_FIXTURE: &str = include_str!("../../tests/fixtures/plan-v0.json");
    const VERSION_1_FIXTURE: &str = include_str!("../../tests/fixtures/plan-v1.json");

    #[test]
    fn the_version_0_fixture_opens_as_a_current_plan() {
        let plan = parse_plan(VERSION_0_FIXTURE).expect("the fixture migrates");
        assert_eq!(plan.schema_version, SCHEMA_VERSION);
        assert_eq!(
            plan.vision.statement,
            "Become a bestselling author of children's books"
        );
        let tree = GoalTree::new(&plan);
        let book = Id::from("g-book");
        assert_eq!(tree.depth(&book), 0);
        let children: Vec<&str> = plan
            .goals
            .iter()
            .filter(|goal| goal.parent.as_ref() == Some(&book))
            .map(|goal| goal.title.as_str())
            .collect();
        assert_eq!(children, ["Write the first draft", "Find a literary agent"]);
        let morning = plan.goal(&Id::from("g-mornings")).unwrap();
        assert_eq!(morning.status, GoalStatus::Done);
        assert!(morning.completed_at.is_some());
        assert_eq!(tree.depth(&morning.id), 2);
        let draft = plan.goal(&Id::from("g-draft")).unwrap();
        assert_eq!(draft.target_date.unwrap().to_string(), "2026-09-30");
        assert_eq!(draft.status, GoalStatus::Open);
        // Once migrated it is written, and read back, in the current format.
        let text = to_file_text(&plan);
        assert!(text.contains("\"schema_version\": 2"));
        assert_eq!(parse_plan(&text).unwrap(), plan);
    }

    #[test]
    fn a_version_1_plan_keeps_its_order_in_ranks() {
        let plan = parse_plan(VERSION_1_FIXTURE).expect("the fixture migrates");
        assert_eq!(plan.schema_version, SCHEMA_VERSION);
        assert!(plan.removed.is_empty());
        let titles_under = |parent: Option<&str>| -> Vec<(String, String)> {
            let parent = parent.map(Id::from);
            plan.goals
                .iter()
                .filter(|goal| goal.parent == parent)
                .map(|goal| (goal.rank.to_string(), goal.title.clone()))
                .collect()
        };
        // Siblings keep the order the version 1 file gave them, now in ranks.
        let under_book = titles_under(Some("g-book"));
        let titles: Vec<&str> = under_book.iter().map(|(_, title)| title.as_str()).collect();
        assert_eq!(
            titles,
            ["Finish a manuscript", "Find an agent", "Read it to a class"]
        );
        assert!(under_book.windows(2).all(|pair| pair[0].0 < pair[1].0));
        // The file listed a step before its parent's sibling: the goals are
        // now in outline order, every branch together.
        let order: Vec<&str> = plan.goals.iter().map(|goal| goal.id.as_str()).collect();
        assert_eq!(
            order,
            [
                "g-book",
                "g-manuscript",
                "g-mornings",
                "g-agent",
                "g-class",
                "g-talk"
            ]
        );
        let text = to_file_text(&plan);
        assert!(text.contains("\"rank\": \"V\""));
        assert_eq!(parse_plan(&text).unwrap(), plan);
    }

    #[test]
    fn a_broken_version_0_file_is_named_by_its_path() {
        let broken = VERSION_0_FIXTURE.replace("\"done\": true", "\"done\": \"yes\"");
        match parse_plan(&broken) {
            Err(PlanFileError::BadField { path, .. }) => {
                assert_eq!(path, "goals[0].children[0].children[0].done")
            }
            other => panic!("expected a bad field, got {other:?}"),
        }
        let no_time = VERSION_0_FIXTURE.replace("\"saved_at\"", "\"saved\"");
        assert!(matches!(
            parse_plan(&no_time),
            Err(PlanFileError::BadField { path, .. }) if path == "saved_at"
        ));
    }

    #[test]
    fn a_migrated_tree_is_mended_like_any_other() {
        let duplicated = VERSION_0_FIXTURE.replace("\"g-agent\"", "\"g-draft\"");
        assert!(matches!(
            parse_plan(&duplicated),
            Err(PlanFileError::NeedsRepair { .. })
        ));
        let read = read_plan(&duplicated).unwrap();
        assert_eq!(read.repairs.len(), 1, "{:?}", read.repairs);
        assert!(
            read.repairs[0].words.contains("had the same id as"),
            "{}",
            read.repairs[0].words
        );
        assert_eq!(read.plan.goals.len(), 6);
    }
}
