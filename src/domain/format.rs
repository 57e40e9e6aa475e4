//! The plan file: reading and writing it, and refusing anything that would
//! put a broken plan in front of the person.

use super::calendar::Timestamp;
use super::goals::{GoalLevel, GoalTree, MAX_DEPTH};
use super::migrate::migrate_to_current;
use super::plan::{
    Asset, CareerOption, CheckIn, GoalStatus, Id, Plan, ReviewRhythm, Vision, FORMAT_ID,
    SCHEMA_VERSION,
};
use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// Larger files are refused before parsing; a plan kept for decades is far smaller.
pub const MAX_PLAN_FILE_BYTES: usize = 10 * 1024 * 1024;

/// Why a text is not a plan this build can open. Each says what to do in plain words.
#[derive(Clone, Debug, PartialEq)]
pub enum PlanFileError {
    TooLarge { bytes: usize },
    NotJson { detail: String },
    NotAPlan,
    NewerVersion { found: u64 },
    UnknownVersion { found: String },
    BadField { path: String, detail: String },
    DuplicateId { id: Id },
    MissingParent { goal: Id, parent: Id },
    Cycle { goal: Id },
    TooDeep { goal: Id },
}

impl fmt::Display for PlanFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooLarge { bytes } => write!(
                f,
                "The file is {:.1} MB, far larger than any plan ({} MB at most).",
                *bytes as f64 / 1_048_576.0,
                MAX_PLAN_FILE_BYTES / 1_048_576
            ),
            Self::NotJson { detail } => write!(f, "The file is not valid JSON ({detail})."),
            Self::NotAPlan => write!(
                f,
                "The file is JSON but not a Waypoint plan (it has no \"format\": \"{FORMAT_ID}\")."
            ),
            Self::NewerVersion { found } => write!(
                f,
                "The plan was saved by a newer Waypoint (file version {found}; this one reads up to \
                 {SCHEMA_VERSION}). Open it with the newer version."
            ),
            Self::UnknownVersion { found } => {
                write!(f, "The plan's schema_version {found} is not one Waypoint knows.")
            }
            Self::BadField { path, detail } => write!(f, "{path}: {detail}."),
            Self::DuplicateId { id } => write!(f, "Two items share the id \"{id}\"."),
            Self::MissingParent { goal, parent } => write!(
                f,
                "Goal \"{goal}\" sits under \"{parent}\", which is not in the plan."
            ),
            Self::Cycle { goal } => write!(f, "Goal \"{goal}\" is, through its parents, under itself."),
            Self::TooDeep { goal } => write!(
                f,
                "Goal \"{goal}\" is nested more than {} levels deep.",
                MAX_DEPTH + 1
            ),
        }
    }
}

/// The plan as a person downloads it: pretty-printed, keys in a fixed order.
pub fn to_file_text(plan: &Plan) -> String {
    let mut text = serde_json::to_string_pretty(plan).expect("a plan always serializes");
    text.push('\n');
    text
}

/// The plan as kept in browser storage: compact.
pub fn to_storage_text(plan: &Plan) -> String {
    serde_json::to_string(plan).expect("a plan always serializes")
}

/// The plan's storage text, kept from one save to the next so that a save
/// after edits to a few goals writes those goals afresh and copies the text of
/// the thousands of others. Gives exactly [`to_storage_text`].
#[derive(Default)]
pub struct StorageText {
    /// Each goal's text, in the plan's order, as of the last write.
    goals: Vec<Box<RawValue>>,
}

impl StorageText {
    /// Writes the whole plan, keeping each goal's text for the next write.
    pub fn write(&mut self, plan: &Plan) -> String {
        self.goals = plan.goals.iter().map(goal_text).collect();
        self.assemble(plan)
    }

    /// Writes the plan when, since the last write, only the goals `edited`
    /// changed, in their own fields (none added, removed or moved). Anything
    /// it cannot match to the last write makes it write the whole plan.
    pub fn write_after_edits(&mut self, plan: &Plan, edited: &[Id]) -> String {
        if self.goals.len() != plan.goals.len() {
            return self.write(plan);
        }
        for id in edited {
            let Some(at) = plan.goals.iter().position(|goal| goal.id == *id) else {
                return self.write(plan);
            };
            self.goals[at] = goal_text(&plan.goals[at]);
        }
        self.assemble(plan)
    }

    /// Writes up to `count` more goals' texts ahead of the next write, so
    /// that it can copy them; true once every goal's text is kept. Goals
    /// edited after their text was kept must be among the next write's
    /// `edited`, as with any write.
    pub fn write_ahead(&mut self, plan: &Plan, count: usize) -> bool {
        let kept = self.goals.len();
        if kept > plan.goals.len() {
            self.goals.clear();
            return false;
        }
        self.goals
            .extend(plan.goals[kept..].iter().take(count).map(goal_text));
        self.goals.len() == plan.goals.len()
    }

    fn assemble(&self, plan: &Plan) -> String {
        serde_json::to_string(&StoredPlan {
            format: &plan.format,
            schema_version: plan.schema_version,
            vision: &plan.vision,
            assets: &plan.assets,
            options: &plan.options,
            goals: &self.goals,
            check_ins: &plan.check_ins,
            review_rhythm: plan.review_rhythm,
            updated_at: plan.updated_at,
        })
        .expect("a plan always serializes")
    }
}

fn goal_text(goal: &super::plan::Goal) -> Box<RawValue> {
    serde_json::value::to_raw_value(goal).expect("a goal always serializes")
}

/// [`Plan`]'s fields in its order, with the goals already written. The tests
/// check that it writes what `Plan` writes.
#[derive(Serialize)]
struct StoredPlan<'a> {
    format: &'a str,
    schema_version: u32,
    vision: &'a Vision,
    assets: &'a [Asset],
    options: &'a [CareerOption],
    goals: &'a [Box<RawValue>],
    check_ins: &'a [CheckIn],
    review_rhythm: Option<ReviewRhythm>,
    updated_at: Option<Timestamp>,
}

/// Reads and checks a plan file (or stored plan).
pub fn parse_plan(text: &str) -> Result<Plan, PlanFileError> {
    if text.len() > MAX_PLAN_FILE_BYTES {
        return Err(PlanFileError::TooLarge { bytes: text.len() });
    }
    // Nearly every text is a plan of this version: read it straight into a
    // plan. Anything else takes the careful way below, which says what is
    // wrong and where, and migrates earlier versions.
    if let Ok(plan) = serde_json::from_str::<Plan>(text) {
        if plan.format == FORMAT_ID && plan.schema_version == SCHEMA_VERSION {
            check_integrity(&plan)?;
            return Ok(plan);
        }
    }
    let value: Value = serde_json::from_str(text).map_err(|error| PlanFileError::NotJson {
        detail: error.to_string(),
    })?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT_ID) {
        return Err(PlanFileError::NotAPlan);
    }
    let migrated = match value.get("schema_version") {
        Some(Value::Number(number)) => match number.as_u64() {
            Some(version) if version == u64::from(SCHEMA_VERSION) => None,
            Some(version) if version > u64::from(SCHEMA_VERSION) => {
                return Err(PlanFileError::NewerVersion { found: version })
            }
            // Every earlier version has a migration step.
            Some(version) => Some(migrate_to_current(value, version)?.to_string()),
            None => {
                return Err(PlanFileError::UnknownVersion {
                    found: number.to_string(),
                })
            }
        },
        Some(other) => {
            return Err(PlanFileError::UnknownVersion {
                found: other.to_string(),
            })
        }
        None => {
            return Err(PlanFileError::BadField {
                path: "schema_version".into(),
                detail: "missing".into(),
            })
        }
    };
    // The plan's own text, or the text of what an earlier version's plan
    // became, read again to say where it is wrong.
    let text = migrated.as_deref().unwrap_or(text);
    let plan: Plan = serde_json::from_str(text).map_err(|error| {
        let message = error.to_string();
        let detail = match message.rfind(" at line ") {
            Some(at) if error.line() > 0 => &message[..at],
            _ => &message,
        };
        PlanFileError::BadField {
            path: json_path_at(text, error.line(), error.column()),
            detail: detail.to_owned(),
        }
    })?;
    check_integrity(&plan)?;
    Ok(plan)
}

/// Where in a plan's JSON the reader stood when it stopped, as a path such
/// as `goals[2].status`, from the line and column serde_json reports (the
/// bytes read so far on that line). `plan` for the whole plan.
fn json_path_at(text: &str, line: usize, column: usize) -> String {
    enum Container<'a> {
        Object {
            key: Option<&'a str>,
            at_value: bool,
        },
        Array {
            index: usize,
        },
    }
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(at, _)| at + 1)
    };
    let read = text
        .get(..(line_start + column).min(text.len()))
        .unwrap_or(text);
    let bytes = read.as_bytes();
    let mut open: Vec<Container> = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'"' => {
                // To the closing quote, past escapes.
                let start = at + 1;
                at = start;
                while at < bytes.len() && bytes[at] != b'"' {
                    at += if bytes[at] == b'\\' { 2 } else { 1 };
                }
                if let Some(Container::Object {
                    key,
                    at_value: false,
                }) = open.last_mut()
                {
                    *key = read.get(start..at.min(read.len()));
                }
            }
            b'{' => open.push(Container::Object {
                key: None,
                at_value: false,
            }),
            b'[' => open.push(Container::Array { index: 0 }),
            b'}' | b']' => {
                open.pop();
            }
            b':' => {
                if let Some(Container::Object { at_value, .. }) = open.last_mut() {
                    *at_value = true;
                }
            }
            b',' => match open.last_mut() {
                Some(Container::Object { key, at_value }) => {
                    *key = None;
                    *at_value = false;
                }
                Some(Container::Array { index }) => *index += 1,
                None => {}
            },
            _ => {}
        }
        at += 1;
    }
    let mut path = String::new();
    for container in &open {
        match container {
            Container::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Container::Object { key: None, .. } => {}
            Container::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    if path.is_empty() {
        "plan".into()
    } else {
        path
    }
}

/// Ids are unique and the goals form a tree no deeper than the app allows.
/// One pass over the goals: each goal's parent is looked up once and each
/// goal's depth worked out once, however long the plan.
pub fn check_integrity(plan: &Plan) -> Result<(), PlanFileError> {
    let mut position_of: HashMap<&Id, usize> = HashMap::with_capacity(plan.goals.len());
    for (position, goal) in plan.goals.iter().enumerate() {
        if position_of.insert(&goal.id, position).is_some() {
            return Err(PlanFileError::DuplicateId {
                id: goal.id.clone(),
            });
        }
    }
    let mut other_ids: HashSet<&Id> = HashSet::new();
    let other_items = plan
        .assets
        .iter()
        .map(|a| &a.id)
        .chain(plan.options.iter().map(|o| &o.id))
        .chain(plan.check_ins.iter().map(|c| &c.id));
    for id in other_items {
        if position_of.contains_key(id) || !other_ids.insert(id) {
            return Err(PlanFileError::DuplicateId { id: id.clone() });
        }
    }

    let mut parent_positions = Vec::with_capacity(plan.goals.len());
    for goal in &plan.goals {
        parent_positions.push(match &goal.parent {
            None => None,
            Some(parent) => {
                Some(
                    *position_of
                        .get(parent)
                        .ok_or_else(|| PlanFileError::MissingParent {
                            goal: goal.id.clone(),
                            parent: parent.clone(),
                        })?,
                )
            }
        });
    }

    // Depths by position; a goal on the walk in progress is marked so that
    // meeting it again means its parents loop.
    const NOT_YET: usize = usize::MAX;
    const ON_THE_WALK: usize = usize::MAX - 1;
    let mut depths = vec![NOT_YET; plan.goals.len()];
    let mut walk = Vec::new();
    for (start, goal) in plan.goals.iter().enumerate() {
        // Up from this goal to a long-term goal or a goal of known depth...
        let mut at = Some(start);
        let depth_above_walk = loop {
            let Some(position) = at else { break 0 };
            match depths[position] {
                NOT_YET => {
                    depths[position] = ON_THE_WALK;
                    walk.push(position);
                    at = parent_positions[position];
                }
                ON_THE_WALK => {
                    return Err(PlanFileError::Cycle {
                        goal: goal.id.clone(),
                    })
                }
                known => break known + 1,
            }
        };
        // ...then down again, numbering the goals on the way.
        for (below, position) in walk.drain(..).rev().enumerate() {
            depths[position] = depth_above_walk + below;
        }
        if depths[start] > MAX_DEPTH {
            return Err(PlanFileError::TooDeep {
                goal: goal.id.clone(),
            });
        }
    }
    Ok(())
}

/// What a plan file holds, in the terms a person checks before importing it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanSummary {
    pub vision: String,
    pub long_term_goals: usize,
    pub short_term_goals: usize,
    pub steps: usize,
    pub steps_done: usize,
    pub check_ins: usize,
    pub last_change: Option<Timestamp>,
}

impl PlanSummary {
    pub fn of(plan: &Plan) -> Self {
        let tree = GoalTree::new(plan);
        let mut summary = PlanSummary {
            vision: plan.vision.statement.trim().to_owned(),
            check_ins: plan.check_ins.len(),
            last_change: plan.updated_at,
            ..PlanSummary::default()
        };
        for goal in &plan.goals {
            match GoalLevel::at_depth(tree.depth(&goal.id)) {
                GoalLevel::LongTerm => summary.long_term_goals += 1,
                GoalLevel::ShortTerm => summary.short_term_goals += 1,
                GoalLevel::Step => {
                    summary.steps += 1;
                    summary.steps_done += usize::from(goal.status == GoalStatus::Done);
                }
            }
        }
        summary
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::Date;
    use crate::domain::goals::{add_goal, mark_done, NewGoal};
    use crate::domain::plan::{Asset, AssetKind};

    fn now() -> Timestamp {
        Timestamp::parse("2026-11-23T10:00:00Z").unwrap()
    }

    fn filled_plan() -> Plan {
        let mut plan = Plan::default();
        plan.vision.statement = "Become a bestselling author of children's books".into();
        plan.vision.want = "Write <b>books</b> & \"stories\"".into();
        plan.vision.horizon_years = Some(5);
        plan.vision.excitement = Some(9);
        plan.vision.success.mission.weight = 4;
        plan.assets.push(Asset {
            id: Id::from("a-1"),
            kind: AssetKind::SavingsAndResources,
            name: "Six months of savings".into(),
            note: String::new(),
            level: None,
            private: true,
            created_at: now(),
            updated_at: None,
        });
        for (id, parent) in [("g-1", None), ("g-2", Some("g-1")), ("g-3", Some("g-2"))] {
            add_goal(
                &mut plan,
                NewGoal {
                    id: Id::from(id),
                    parent: parent.map(Id::from),
                    title: format!("goal {id}"),
                },
                now(),
            )
            .unwrap();
        }
        plan.goals[2].target_date = Date::parse("2027-05-01");
        mark_done(&mut plan, &Id::from("g-3"), now()).unwrap();
        plan
    }

    #[test]
    fn a_plan_survives_the_file_and_storage_round_trips() {
        let plan = filled_plan();
        assert_eq!(parse_plan(&to_file_text(&plan)).unwrap(), plan);
        assert_eq!(parse_plan(&to_storage_text(&plan)).unwrap(), plan);
    }

    #[test]
    fn file_text_is_stable_and_starts_with_the_format() {
        let plan = filled_plan();
        let text = to_file_text(&plan);
        assert_eq!(text, to_file_text(&parse_plan(&text).unwrap()));
        assert!(text.starts_with("{\n  \"format\": \"waypoint-plan\",\n  \"schema_version\": 1,"));
        assert!(text.contains("\"target_date\": \"2027-05-01\""));
        assert!(text.contains("\"status\": \"done\""));
    }

    #[test]
    fn a_goal_leaves_out_what_it_has_no_value_for_and_null_reads_the_same() {
        let plan = filled_plan();
        let text = to_storage_text(&plan);
        let root = r#"{"id":"g-1","title":"goal g-1","status":"open","notes":"","#;
        let goals_start = text.find(root).expect("the long-term goal, written bare");
        let goals_end = text.find(r#"],"check_ins""#).unwrap();
        assert!(!text[goals_start..goals_end].contains("null"), "{text}");

        let mut value: Value = serde_json::from_str(&text).unwrap();
        for goal in value["goals"].as_array_mut().unwrap() {
            let goal = goal.as_object_mut().unwrap();
            for field in [
                "parent",
                "target_date",
                "completed_at",
                "dropped_reason",
                "from_option",
            ] {
                goal.entry(field).or_insert(Value::Null);
            }
        }
        let with_nulls = value.to_string();
        assert!(with_nulls.contains(r#""parent":null"#));
        assert_eq!(parse_plan(&with_nulls).unwrap(), plan);
    }

    #[test]
    fn non_json_and_foreign_json_are_told_apart() {
        assert!(matches!(
            parse_plan("{not json"),
            Err(PlanFileError::NotJson { .. })
        ));
        assert_eq!(parse_plan("[1, 2, 3]"), Err(PlanFileError::NotAPlan));
        assert_eq!(parse_plan(r#"{"goals": []}"#), Err(PlanFileError::NotAPlan));
    }

    #[test]
    fn newer_and_unknown_versions_are_refused() {
        let text =
            to_file_text(&filled_plan()).replace("\"schema_version\": 1", "\"schema_version\": 7");
        assert_eq!(
            parse_plan(&text),
            Err(PlanFileError::NewerVersion { found: 7 })
        );
        let text = to_file_text(&filled_plan())
            .replace("\"schema_version\": 1", "\"schema_version\": \"1\"");
        assert!(matches!(
            parse_plan(&text),
            Err(PlanFileError::UnknownVersion { .. })
        ));
    }

    #[test]
    fn a_wrongly_typed_field_is_named_by_its_path() {
        let text = to_file_text(&filled_plan())
            .replace("\"status\": \"done\"", "\"status\": \"finished\"");
        match parse_plan(&text) {
            Err(PlanFileError::BadField { path, detail }) => {
                assert_eq!(path, "goals[2].status");
                assert!(detail.contains("finished"), "{detail}");
            }
            other => panic!("expected a bad field, got {other:?}"),
        }
        let text = to_file_text(&filled_plan()).replace(
            "\"target_date\": \"2027-05-01\"",
            "\"target_date\": \"May\"",
        );
        let error = parse_plan(&text).unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("goals[2].target_date: expected a date"),
            "{error}"
        );
    }

    #[test]
    fn broken_trees_are_refused() {
        let mut plan = filled_plan();
        plan.goals[1].id = Id::from("g-1");
        assert_eq!(
            check_integrity(&plan),
            Err(PlanFileError::DuplicateId {
                id: Id::from("g-1")
            })
        );

        let mut plan = filled_plan();
        plan.goals[1].parent = Some(Id::from("gone"));
        assert!(matches!(
            check_integrity(&plan),
            Err(PlanFileError::MissingParent { .. })
        ));

        let mut plan = filled_plan();
        plan.goals[0].parent = Some(Id::from("g-3"));
        assert!(matches!(
            check_integrity(&plan),
            Err(PlanFileError::Cycle { .. })
        ));
        // The same plan as text is refused the same way.
        assert!(matches!(
            parse_plan(&to_file_text(&plan)),
            Err(PlanFileError::Cycle { .. })
        ));
    }

    #[test]
    fn absurd_sizes_are_refused_before_parsing() {
        let huge = " ".repeat(MAX_PLAN_FILE_BYTES + 1);
        assert!(matches!(
            parse_plan(&huge),
            Err(PlanFileError::TooLarge { .. })
        ));
    }

    #[test]
    fn every_file_of_the_bad_corpus_is_refused_with_its_message() {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/bad");
        let expected: std::collections::BTreeMap<String, String> = serde_json::from_str(
            &std::fs::read_to_string(format!("{folder}/expected.json")).unwrap(),
        )
        .unwrap();
        assert!(expected.len() >= 15);
        for (file, message) in expected {
            let bytes = std::fs::read(format!("{folder}/{file}")).unwrap();
            match parse_plan(&String::from_utf8_lossy(&bytes)) {
                Ok(_) => panic!("{file} was accepted"),
                Err(problem) => assert!(
                    problem.to_string().contains(&message),
                    "{file}: {problem} does not mention {message}"
                ),
            }
        }
    }

    #[test]
    fn markup_in_text_is_kept_as_text() {
        let text = include_str!("../../tests/fixtures/html-in-text.json");
        let plan = parse_plan(text).unwrap();
        assert!(plan.goals[0].title.starts_with("<script>"));
    }

    #[test]
    fn the_summary_counts_each_level() {
        let summary = PlanSummary::of(&filled_plan());
        assert_eq!(
            summary.vision,
            "Become a bestselling author of children's books"
        );
        assert_eq!(
            (
                summary.long_term_goals,
                summary.short_term_goals,
                summary.steps,
                summary.steps_done
            ),
            (1, 1, 1, 1)
        );
        assert_eq!(summary.check_ins, 0);
        assert_eq!(summary.last_change, Some(now()));
    }
}
