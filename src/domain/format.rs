//! The plan file: writing it, the rules every plan keeps, and what a file
//! holds in a person's terms. Reading it is the careful reader's
//! (`super::reader`): it mends what breaks the rules, and refuses only what
//! is no plan at all.

use super::calendar::Timestamp;
use super::goals::{GoalLevel, GoalTree, MAX_DEPTH};
use super::plan::{
    Asset, CareerOption, CheckIn, GoalStatus, Id, Plan, Removal, ReviewRhythm, Vision,
};
use super::rank::first_out_of_outline_order;
use serde::Serialize;
use serde_json::value::RawValue;
use std::collections::{HashMap, HashSet};
use std::ops::RangeInclusive;

/// Larger files are refused before parsing; a plan kept for decades is far
/// smaller (20,000 goals take under 6 MB as a file).
pub const MAX_PLAN_FILE_BYTES: usize = 10 * 1024 * 1024;

/// How exciting the vision feels: 1 (flat) to 10 (spine-tingling).
pub const EXCITEMENT_SCORES: RangeInclusive<u8> = 1..=10;
/// How many years ahead the vision looks.
pub const HORIZON_YEARS: RangeInclusive<u8> = 1..=50;
/// An asset's strength, when rated.
pub const ASSET_STRENGTHS: RangeInclusive<u8> = 1..=5;
/// How much a meaning of success matters: 0 (not at all) to 5.
pub const SUCCESS_WEIGHTS: RangeInclusive<u8> = 0..=5;

/// Why a text is not a plan this build can open, or what in a plan breaks
/// its rules. The reader (`super::reader`) says each in words for the
/// screen, naming where the text came from; `Display` is the plain version
/// for the rare change the store refuses.
#[derive(Clone, Debug, PartialEq)]
pub enum PlanFileError {
    // Texts that are not a plan at all.
    TooLarge {
        bytes: usize,
    },
    Empty,
    /// Only spaces and line breaks.
    Blank,
    /// Not UTF-8 text: `at` is the first byte that can't be part of a
    /// character; `looks_like` names a kind of file recognised by its first
    /// bytes ("a PNG picture").
    NotText {
        at: usize,
        looks_like: Option<&'static str>,
    },
    /// Starts with UTF-16's byte order mark, but is not UTF-16 text.
    BrokenUtf16,
    /// Text, but not JSON: where the reader stopped, and whether it was
    /// because the text ended too soon.
    NotJson {
        line: usize,
        column: usize,
        cut_off: bool,
    },
    /// JSON nested deeper than the reader follows (far deeper than a plan).
    TooDeeplyNested,
    NotAPlan,
    NewerVersion {
        found: u64,
    },
    UnknownVersion {
        found: String,
    },
    /// A part of a plan from an earlier version that its migration can't
    /// bring forward (`detail` in plain words).
    BadField {
        path: String,
        detail: String,
    },
    /// Read, but only with repairs, where a plan exactly as written was
    /// asked for ([`parse_plan`]).
    NeedsRepair {
        first: String,
        count: usize,
    },
    // The plan's rules, which the store keeps and the reader repairs.
    EmptyId,
    DuplicateId {
        id: Id,
    },
    MissingParent {
        goal: Id,
        parent: Id,
    },
    Cycle {
        goal: Id,
    },
    TooDeep {
        goal: Id,
    },
    /// An option built on an asset, or a goal made from an option, that is
    /// not in the plan.
    MissingReference {
        from: Id,
        to: Id,
    },
    /// A score or weight outside what the app lets a person choose.
    OutOfRange {
        what: &'static str,
        value: u8,
    },
    /// The goals are not in outline order (each followed by what is under
    /// it, siblings by rank): the reader puts a file's goals in order, so
    /// only a change made in the app can break this.
    OutOfOrder {
        goal: Id,
    },
    /// The removal records are not sorted by id, or name one item twice.
    RemovalsOutOfOrder {
        id: Id,
    },
    /// An item is both in the plan and recorded as removed.
    RemovedYetPresent {
        id: Id,
    },
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

    /// How many goals' texts are kept.
    pub fn goals_kept(&self) -> usize {
        self.goals.len()
    }

    /// The UTF-16 units of the text [`write`](Self::write) would give, once
    /// every goal's text is kept ([`write_ahead`](Self::write_ahead) has
    /// returned true), without writing it.
    pub fn utf16_units(&self, plan: &Plan) -> usize {
        let empty_goals: Vec<Box<RawValue>> = Vec::new();
        let rest = serde_json::to_string(&StoredPlan {
            goals: &empty_goals,
            ..self.stored(plan)
        })
        .expect("a plan always serializes");
        let goals: usize = self.goals.iter().map(|goal| utf16_units(goal.get())).sum();
        // The goals, and a comma between each two.
        utf16_units(&rest) + goals + self.goals.len().saturating_sub(1)
    }

    fn stored<'a>(&'a self, plan: &'a Plan) -> StoredPlan<'a> {
        StoredPlan {
            format: &plan.format,
            schema_version: plan.schema_version,
            vision: &plan.vision,
            assets: &plan.assets,
            options: &plan.options,
            goals: &self.goals,
            check_ins: &plan.check_ins,
            review_rhythm: plan.review_rhythm,
            review_rhythm_updated_at: plan.review_rhythm_updated_at,
            removed: &plan.removed,
            updated_at: plan.updated_at,
        }
    }

    fn assemble(&self, plan: &Plan) -> String {
        serde_json::to_string(&self.stored(plan)).expect("a plan always serializes")
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
    #[serde(skip_serializing_if = "Option::is_none")]
    review_rhythm_updated_at: Option<Timestamp>,
    removed: &'a [Removal],
    updated_at: Option<Timestamp>,
}

/// Reads a plan that needs no repair, such as one the app wrote itself:
/// anything the careful reader would have to mend is an error here. Where
/// repairs are welcome, use [`read_plan`](super::reader::read_plan).
pub fn parse_plan(text: &str) -> Result<Plan, PlanFileError> {
    let read = super::reader::read_plan(text)?;
    match read.repairs.first() {
        None => Ok(read.plan),
        Some(first) => Err(PlanFileError::NeedsRepair {
            first: first.words.clone(),
            count: read.repairs.len(),
        }),
    }
}

/// How many UTF-16 code units the plan's storage text takes.
pub fn storage_units(plan: &Plan) -> usize {
    utf16_units(&to_storage_text(plan))
}

/// How many UTF-16 code units a text takes: what browsers count their
/// storage quota in.
pub fn utf16_units(text: &str) -> usize {
    // Every character but the four-byte ones is one unit: count the bytes
    // that begin a character, and once more those that begin four.
    text.bytes()
        .map(|byte| usize::from(byte & 0xC0 != 0x80) + usize::from(byte >= 0xF0))
        .sum()
}

/// The plan's rules: every item has an id of its own; the goals form a tree
/// no deeper than the app allows; an option's assets and a goal's option
/// are in the plan; scores and weights are within what the app offers; the
/// goals are in outline order, and the removal records sorted by id, none
/// for an item still in the plan. The store refuses any change that breaks them, and the reader mends a text
/// that does (`reader::mend`), so what the one makes the other reads as is.
/// One pass over the goals: each goal's parent is looked up once and each
/// goal's depth worked out once, however long the plan.
pub fn check_integrity(plan: &Plan) -> Result<(), PlanFileError> {
    let mut position_of: HashMap<&Id, usize> = HashMap::with_capacity(plan.goals.len());
    for (position, goal) in plan.goals.iter().enumerate() {
        let empty_wanted = goal
            .wanted_parent
            .as_ref()
            .is_some_and(|wanted| wanted.as_str().is_empty());
        if goal.id.as_str().is_empty() || empty_wanted {
            return Err(PlanFileError::EmptyId);
        }
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
        if id.as_str().is_empty() {
            return Err(PlanFileError::EmptyId);
        }
        if position_of.contains_key(id) || !other_ids.insert(id) {
            return Err(PlanFileError::DuplicateId { id: id.clone() });
        }
    }
    check_references(plan)?;
    check_ranges(plan)?;
    goal_depths(plan, &position_of)?;
    if let Some(at) = first_out_of_outline_order(&plan.goals) {
        return Err(PlanFileError::OutOfOrder {
            goal: plan.goals[at].id.clone(),
        });
    }
    for (at, record) in plan.removed.iter().enumerate() {
        let empty_parent = record
            .parent
            .as_ref()
            .is_some_and(|parent| parent.as_str().is_empty());
        if record.id.as_str().is_empty() || empty_parent {
            return Err(PlanFileError::EmptyId);
        }
        if at > 0 && plan.removed[at - 1].id >= record.id {
            return Err(PlanFileError::RemovalsOutOfOrder {
                id: record.id.clone(),
            });
        }
        if position_of.contains_key(&record.id) || other_ids.contains(&record.id) {
            return Err(PlanFileError::RemovedYetPresent {
                id: record.id.clone(),
            });
        }
    }
    Ok(())
}

/// Each goal's depth by its position (0 for a long-term goal), or why the
/// goals don't make a tree of the plan's levels. `position_of` finds each
/// goal's position by its id (ids known to be unique).
fn goal_depths(
    plan: &Plan,
    position_of: &HashMap<&Id, usize>,
) -> Result<Vec<usize>, PlanFileError> {
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
    Ok(depths)
}

/// An option's assets and a goal's option are in the plan, or recorded as
/// removed.
/// A link may also name an item recorded as removed: another device's copy
/// of the link outlives the item there, and dropping it here would make
/// merges disagree on the linking item.
fn check_references(plan: &Plan) -> Result<(), PlanFileError> {
    let removed: HashSet<&Id> = plan.removed.iter().map(|record| &record.id).collect();
    let assets: HashSet<&Id> = plan
        .assets
        .iter()
        .map(|asset| &asset.id)
        .chain(removed.iter().copied())
        .collect();
    for option in &plan.options {
        if let Some(missing) = option.assets_used.iter().find(|id| !assets.contains(id)) {
            return Err(PlanFileError::MissingReference {
                from: option.id.clone(),
                to: missing.clone(),
            });
        }
    }
    let options: HashSet<&Id> = plan
        .options
        .iter()
        .map(|option| &option.id)
        .chain(removed.iter().copied())
        .collect();
    for goal in &plan.goals {
        if let Some(option) = goal.from_option.as_ref().filter(|id| !options.contains(id)) {
            return Err(PlanFileError::MissingReference {
                from: goal.id.clone(),
                to: option.clone(),
            });
        }
    }
    Ok(())
}

/// Every score and weight is one the app lets a person choose.
fn check_ranges(plan: &Plan) -> Result<(), PlanFileError> {
    let vision = &plan.vision;
    let versions = vision
        .history
        .iter()
        .map(|version| (version.horizon_years, version.excitement));
    for (horizon, excitement) in
        std::iter::once((vision.horizon_years, vision.excitement)).chain(versions)
    {
        within("time horizon", horizon, &HORIZON_YEARS)?;
        within("excitement score", excitement, &EXCITEMENT_SCORES)?;
    }
    let success = &vision.success;
    for facet in [
        &success.money,
        &success.accomplishments,
        &success.mission,
        &success.own_terms,
    ] {
        within(
            "weight of a meaning of success",
            Some(facet.weight),
            &SUCCESS_WEIGHTS,
        )?;
    }
    for asset in &plan.assets {
        within("strength of an asset", asset.level, &ASSET_STRENGTHS)?;
    }
    Ok(())
}

fn within(
    what: &'static str,
    value: Option<u8>,
    range: &RangeInclusive<u8>,
) -> Result<(), PlanFileError> {
    match value {
        Some(value) if !range.contains(&value) => Err(PlanFileError::OutOfRange { what, value }),
        _ => Ok(()),
    }
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
        let mut summary = PlanSummary {
            vision: plan.vision.statement.trim().to_owned(),
            check_ins: plan.check_ins.len(),
            last_change: plan.updated_at,
            ..PlanSummary::default()
        };
        for (goal, depth) in plan.goals.iter().zip(goal_levels(plan)) {
            match GoalLevel::at_depth(depth) {
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

/// Each goal's depth, by position. A plan read by the reader keeps the
/// rules, and its depths take one walk up the parents, a fraction of the
/// work of the whole goal tree (progress, next steps), which a plan that
/// breaks them falls back to.
fn goal_levels(plan: &Plan) -> Vec<usize> {
    let position_of: HashMap<&Id, usize> = plan
        .goals
        .iter()
        .enumerate()
        .map(|(position, goal)| (&goal.id, position))
        .collect();
    let depths =
        (position_of.len() == plan.goals.len()).then(|| goal_depths(plan, &position_of).ok());
    match depths.flatten() {
        Some(depths) => depths,
        None => {
            let tree = GoalTree::new(plan);
            plan.goals.iter().map(|goal| tree.depth(&goal.id)).collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::Date;
    use crate::domain::goals::{add_goal, mark_done, NewGoal};
    use crate::domain::plan::{Asset, AssetKind};
    use serde_json::Value;

    fn now() -> Timestamp {
        Timestamp::parse("2026-11-23T10:00:00Z").unwrap()
    }

    /// Adds each goal, under its parent, titled "goal <id>".
    fn add_goals_titled_by_id(plan: &mut Plan, goals: &[(&str, Option<&str>)]) {
        for &(id, parent) in goals {
            let new_goal = NewGoal {
                id: Id::from(id),
                parent: parent.map(Id::from),
                title: format!("goal {id}"),
            };
            add_goal(plan, new_goal, now()).unwrap();
        }
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
        add_goals_titled_by_id(
            &mut plan,
            &[("g-1", None), ("g-2", Some("g-1")), ("g-3", Some("g-2"))],
        );
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
        assert!(text.starts_with("{\n  \"format\": \"waypoint-plan\",\n  \"schema_version\": 2,"));
        assert!(text.contains("\"target_date\": \"2027-05-01\""));
        assert!(text.contains("\"status\": \"done\""));
    }

    #[test]
    fn a_goal_leaves_out_what_it_has_no_value_for_and_null_reads_the_same() {
        let plan = filled_plan();
        let text = to_storage_text(&plan);
        let root = r#"{"id":"g-1","rank":"V","title":"goal g-1","status":"open","notes":"","#;
        let goals_start = text.find(root).expect("the long-term goal, written bare");
        let goals_end = text.find(r#"],"check_ins""#).unwrap();
        assert!(!text[goals_start..goals_end].contains("null"), "{text}");

        let mut value: Value = serde_json::from_str(&text).unwrap();
        for goal in value["goals"].as_array_mut().unwrap() {
            let goal = goal.as_object_mut().unwrap();
            for field in [
                "parent",
                "wanted_parent",
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
    fn the_rules_of_a_plan_are_checked_one_by_one() {
        let broken = |change: fn(&mut Plan)| {
            let mut plan = filled_plan();
            change(&mut plan);
            check_integrity(&plan)
        };
        assert_eq!(check_integrity(&filled_plan()), Ok(()));
        assert_eq!(
            broken(|plan| plan.goals[1].id = Id::from("g-1")),
            Err(PlanFileError::DuplicateId {
                id: Id::from("g-1")
            })
        );
        assert_eq!(
            broken(|plan| plan.assets[0].id = Id::from("g-2")),
            Err(PlanFileError::DuplicateId {
                id: Id::from("g-2")
            })
        );
        assert_eq!(
            broken(|plan| plan.goals[0].id = Id::from("")),
            Err(PlanFileError::EmptyId)
        );
        assert_eq!(
            broken(|plan| plan.assets[0].id = Id::from("")),
            Err(PlanFileError::EmptyId)
        );
        assert!(matches!(
            broken(|plan| plan.goals[1].parent = Some(Id::from("gone"))),
            Err(PlanFileError::MissingParent { .. })
        ));
        assert!(matches!(
            broken(|plan| plan.goals[0].parent = Some(Id::from("g-3"))),
            Err(PlanFileError::Cycle { .. })
        ));
        assert_eq!(
            broken(|plan| plan.goals[2].from_option = Some(Id::from("o-9"))),
            Err(PlanFileError::MissingReference {
                from: Id::from("g-3"),
                to: Id::from("o-9")
            })
        );
        assert_eq!(
            broken(|plan| plan.vision.excitement = Some(11)),
            Err(PlanFileError::OutOfRange {
                what: "excitement score",
                value: 11
            })
        );
        assert!(broken(|plan| plan.vision.horizon_years = Some(0)).is_err());
        assert!(broken(|plan| plan.vision.success.money.weight = 6).is_err());
        assert!(broken(|plan| plan.assets[0].level = Some(0)).is_err());
        assert!(broken(|plan| plan
            .vision
            .history
            .push(crate::domain::plan::VisionVersion {
                statement: "Earlier".into(),
                horizon_years: None,
                excitement: Some(0),
                replaced_at: now(),
            }))
        .is_err());
    }

    #[test]
    fn the_kept_text_counts_what_it_would_write() {
        let mut plan = filled_plan();
        plan.goals[0].title = "Écrire 🙂".into();
        let mut kept = StorageText::default();
        while !kept.write_ahead(&plan, 1) {}
        assert_eq!(
            kept.utf16_units(&plan),
            utf16_units(&to_storage_text(&plan))
        );
        let empty = Plan::default();
        assert_eq!(
            StorageText::default().utf16_units(&empty),
            utf16_units(&to_storage_text(&empty))
        );
    }

    #[test]
    fn storage_is_counted_in_utf16_units() {
        for text in ["", "plain", "é", "漢字", "🙂", "a🙂b é"] {
            assert_eq!(utf16_units(text), text.encode_utf16().count(), "{text}");
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

    #[test]
    fn the_summary_counts_levels_as_the_goal_tree_does_even_in_a_plan_that_breaks_the_rules() {
        let by_tree = |plan: &Plan| {
            let tree = GoalTree::new(plan);
            let mut counts = [0; 3];
            for goal in &plan.goals {
                counts[match GoalLevel::at_depth(tree.depth(&goal.id)) {
                    GoalLevel::LongTerm => 0,
                    GoalLevel::ShortTerm => 1,
                    GoalLevel::Step => 2,
                }] += 1;
            }
            counts
        };
        let counts = |plan: &Plan| {
            let summary = PlanSummary::of(plan);
            [
                summary.long_term_goals,
                summary.short_term_goals,
                summary.steps,
            ]
        };
        let mut plan = filled_plan();
        add_goals_titled_by_id(
            &mut plan,
            &[("g-4", Some("g-3")), ("g-5", None), ("g-6", Some("g-5"))],
        );
        assert_eq!(counts(&plan), [2, 2, 2]);
        assert_eq!(counts(&plan), by_tree(&plan));
        // A goal under one that isn't there, and two with one id.
        plan.goals[5].parent = Some(Id::from("gone"));
        assert_eq!(counts(&plan), by_tree(&plan));
        plan.goals[4].id = Id::from("g-1");
        assert_eq!(counts(&plan), by_tree(&plan));
    }
}
