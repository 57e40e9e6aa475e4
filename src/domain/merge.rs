//! Merging two copies of a plan by id, so a person can carry a plan between
//! devices by file.
//!
//! Every item (goal, asset, option, check-in) is matched by its id. An item on
//! one side only is kept. An item on both sides that differs keeps the side
//! that changed it last (its `updated_at`); on a tie, this device's copy wins.
//! The vision as a whole follows the same rule, and the statement that loses
//! joins the vision's history, so no wording is lost. There are no deletion
//! records: an item removed on one side and still present on the other comes
//! back, which errs on the side of keeping the person's words.
//!
//! Moves made on both sides can combine into a loop or a tree too deep; the
//! goals involved go back to where they sat on this device, or to the top
//! level, and the report lists them.

use super::calendar::Timestamp;
use super::format::{check_integrity, PlanFileError};
use super::plan::{Asset, CareerOption, CheckIn, Goal, Id, Plan, Vision, VisionVersion};
use std::collections::HashMap;

/// What a merge did, in the terms the person confirms it in.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MergeReport {
    /// Items only in the other copy, now added.
    pub added: usize,
    /// Items in both copies where the other copy's change was newer.
    pub updated: usize,
    /// Items in both copies where this device's change was newer (or as new).
    pub kept_mine: usize,
    /// The other copy's vision was newer and is now the current one.
    pub vision_from_other: bool,
    /// Goals moved back (or to the top level) to keep the tree whole.
    pub goals_moved_to_fit: Vec<Id>,
}

impl MergeReport {
    /// True when merging would change nothing.
    pub fn changes_nothing(&self) -> bool {
        self.added == 0 && self.updated == 0 && !self.vision_from_other
    }
}

/// An item kept in a list by id, with the time it last changed.
trait Stamped: Clone + PartialEq {
    fn id(&self) -> &Id;
    fn changed_at(&self) -> Timestamp;
}

impl Stamped for Goal {
    fn id(&self) -> &Id {
        &self.id
    }
    fn changed_at(&self) -> Timestamp {
        self.updated_at
    }
}

impl Stamped for Asset {
    fn id(&self) -> &Id {
        &self.id
    }
    fn changed_at(&self) -> Timestamp {
        self.updated_at.unwrap_or(self.created_at)
    }
}

impl Stamped for CareerOption {
    fn id(&self) -> &Id {
        &self.id
    }
    fn changed_at(&self) -> Timestamp {
        self.updated_at.unwrap_or(self.created_at)
    }
}

impl Stamped for CheckIn {
    fn id(&self) -> &Id {
        &self.id
    }
    fn changed_at(&self) -> Timestamp {
        self.created_at
    }
}

/// Merges `other` into `mine`. Fails only when the two copies cannot form one
/// valid plan (the same id used for two different kinds of item).
pub fn merge_plans(
    mine: &Plan,
    other: &Plan,
    now: Timestamp,
) -> Result<(Plan, MergeReport), PlanFileError> {
    let mut report = MergeReport::default();
    let mut merged = mine.clone();
    merged.assets = merge_list(&mine.assets, &other.assets, &mut report);
    merged.options = merge_list(&mine.options, &other.options, &mut report);
    merged.check_ins = merge_list(&mine.check_ins, &other.check_ins, &mut report);
    merged.check_ins.sort_by_key(|check_in| check_in.date);
    merged.goals = merge_goals(&mine.goals, &other.goals, &mut report);
    merged.vision = merge_vision(&mine.vision, &other.vision, now, &mut report);
    let other_is_newer = other.updated_at > mine.updated_at;
    if merged.review_rhythm.is_none() || (other_is_newer && other.review_rhythm.is_some()) {
        merged.review_rhythm = other.review_rhythm;
    }
    report.goals_moved_to_fit = keep_tree_whole(&mut merged, mine)?;
    if !report.changes_nothing() {
        merged.updated_at = Some(now);
    }
    Ok((merged, report))
}

fn merge_list<T: Stamped>(mine: &[T], other: &[T], report: &mut MergeReport) -> Vec<T> {
    let mut merged = mine.to_vec();
    let positions: HashMap<Id, usize> = mine
        .iter()
        .enumerate()
        .map(|(index, item)| (item.id().clone(), index))
        .collect();
    for item in other {
        match positions.get(item.id()) {
            Some(&index) => take_newer(&mut merged[index], item, report),
            None => {
                merged.push(item.clone());
                report.added += 1;
            }
        }
    }
    merged
}

fn take_newer<T: Stamped>(kept: &mut T, other: &T, report: &mut MergeReport) {
    if kept == other {
        return;
    }
    if other.changed_at() > kept.changed_at() {
        *kept = other.clone();
        report.updated += 1;
    } else {
        report.kept_mine += 1;
    }
}

/// Like [`merge_list`], but a new goal is placed right after the sibling it
/// follows in the other copy, so sibling order survives. Each goal is looked
/// up by id once, so merging plans of tens of thousands of goals takes a
/// moment, not seconds.
fn merge_goals(mine: &[Goal], other: &[Goal], report: &mut MergeReport) -> Vec<Goal> {
    let mut kept = mine.to_vec();
    let position_in_mine: HashMap<&Id, usize> = mine
        .iter()
        .enumerate()
        .map(|(position, goal)| (&goal.id, position))
        .collect();
    // New goals, each to follow the goal it came after among its siblings
    // (in the order they came: a later one goes nearer that goal), or, as
    // the first of its siblings, at the end.
    let mut following: HashMap<&Id, Vec<&Goal>> = HashMap::new();
    let mut at_the_end: Vec<&Goal> = Vec::new();
    let mut previous_sibling: HashMap<Option<&Id>, &Id> = HashMap::new();
    for goal in other {
        let follows = previous_sibling.insert(goal.parent.as_ref(), &goal.id);
        match position_in_mine.get(&goal.id) {
            Some(&position) => take_newer(&mut kept[position], goal, report),
            None => {
                match follows {
                    Some(sibling) => following.entry(sibling).or_default().push(goal),
                    None => at_the_end.push(goal),
                }
                report.added += 1;
            }
        }
    }
    let mut merged = Vec::with_capacity(kept.len() + report.added);
    let place = |first: Goal, merged: &mut Vec<Goal>, following: &mut HashMap<&Id, Vec<&Goal>>| {
        let mut to_place = vec![first];
        while let Some(goal) = to_place.pop() {
            if let Some(next) = following.remove(&goal.id) {
                to_place.extend(next.into_iter().cloned());
            }
            merged.push(goal);
        }
    };
    for goal in kept {
        place(goal, &mut merged, &mut following);
    }
    for goal in at_the_end {
        place(goal.clone(), &mut merged, &mut following);
    }
    merged
}

fn merge_vision(mine: &Vision, other: &Vision, now: Timestamp, report: &mut MergeReport) -> Vision {
    if mine == other {
        return mine.clone();
    }
    let other_is_newer = other.updated_at > mine.updated_at;
    report.vision_from_other = other_is_newer;
    let (mut winner, loser) = if other_is_newer {
        (other.clone(), mine)
    } else {
        (mine.clone(), other)
    };
    for version in &loser.history {
        if !winner.history.contains(version) {
            winner.history.push(version.clone());
        }
    }
    let loser_statement = loser.statement.trim();
    let already_kept = winner
        .history
        .iter()
        .any(|version| version.statement.trim() == loser_statement);
    if !loser_statement.is_empty() && loser_statement != winner.statement.trim() && !already_kept {
        winner.history.push(VisionVersion {
            statement: loser.statement.clone(),
            horizon_years: loser.horizon_years,
            excitement: loser.excitement,
            replaced_at: winner.updated_at.or(loser.updated_at).unwrap_or(now),
        });
    }
    winner.history.sort_by_key(|version| version.replaced_at);
    winner
}

/// Undoes combined moves that broke the tree: each goal involved goes back to
/// its parent on this device, or to the top level. Returns the goals moved.
fn keep_tree_whole(merged: &mut Plan, mine: &Plan) -> Result<Vec<Id>, PlanFileError> {
    let mut moved = Vec::new();
    // Each pass fixes one goal, and a goal at the top level can't be wrong.
    for _ in 0..=merged.goals.len() * 2 {
        let goal_id = match check_integrity(merged) {
            Ok(()) => return Ok(moved),
            Err(PlanFileError::Cycle { goal })
            | Err(PlanFileError::TooDeep { goal })
            | Err(PlanFileError::MissingParent { goal, .. }) => goal,
            Err(other) => return Err(other),
        };
        let parent_on_this_device = mine.goal(&goal_id).map(|goal| goal.parent.clone());
        let Some(goal) = merged.goal_mut(&goal_id) else {
            break;
        };
        goal.parent = match parent_on_this_device {
            Some(parent) if parent != goal.parent => parent,
            _ => None,
        };
        if !moved.contains(&goal_id) {
            moved.push(goal_id);
        }
    }
    check_integrity(merged).map(|()| moved)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The first way of merging goals, one lookup along the list per goal:
    /// the order the quicker one must give.
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn merge_goals_one_by_one(mine: &[Goal], other: &[Goal]) -> Vec<Goal> {
        let mut report = MergeReport::default();
        let mut merged = mine.to_vec();
        let mut previous_sibling: HashMap<Option<&Id>, &Id> = HashMap::new();
        for goal in other {
            let follows = previous_sibling.insert(goal.parent.as_ref(), &goal.id);
            match merged.iter().position(|kept| kept.id == goal.id) {
                Some(index) => take_newer(&mut merged[index], goal, &mut report),
                None => {
                    let after = follows
                        .and_then(|sibling| merged.iter().position(|kept| &kept.id == sibling));
                    match after {
                        Some(index) => merged.insert(index + 1, goal.clone()),
                        None => merged.push(goal.clone()),
                    }
                }
            }
        }
        merged
    }

    /// The goals merged the quick way, for the property tests.
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn merged_goals(mine: &[Goal], other: &[Goal]) -> Vec<Goal> {
        merge_goals(mine, other, &mut MergeReport::default())
    }
    use crate::domain::goals::{add_goal, mark_done, rename_goal, NewGoal};
    use crate::domain::method::{add_asset, edit_asset};
    use crate::domain::plan::AssetKind;

    fn at(seconds: i64) -> Timestamp {
        Timestamp::from_seconds(1_790_000_000 + seconds)
    }

    fn add(plan: &mut Plan, id: &str, parent: Option<&str>, when: i64) {
        add_goal(
            plan,
            NewGoal {
                id: Id::from(id),
                parent: parent.map(Id::from),
                title: format!("goal {id}"),
            },
            at(when),
        )
        .unwrap();
    }

    fn base() -> Plan {
        let mut plan = Plan::default();
        plan.vision.statement = "Teach data science".into();
        plan.vision.updated_at = Some(at(0));
        add(&mut plan, "lt", None, 0);
        add(&mut plan, "st", Some("lt"), 0);
        add(&mut plan, "s1", Some("st"), 0);
        add(&mut plan, "s2", Some("st"), 0);
        add_asset(
            &mut plan,
            Id::from("a"),
            AssetKind::Skill,
            "Statistics",
            at(0),
        );
        plan
    }

    fn titles_under(plan: &Plan, parent: &str) -> Vec<String> {
        let parent = Id::from(parent);
        plan.goals
            .iter()
            .filter(|goal| goal.parent.as_ref() == Some(&parent))
            .map(|goal| goal.title.clone())
            .collect()
    }

    #[test]
    fn merging_a_plan_with_itself_changes_nothing() {
        let plan = base();
        let (merged, report) = merge_plans(&plan, &plan, at(100)).unwrap();
        assert_eq!(merged, plan);
        assert!(report.changes_nothing());
    }

    #[test]
    fn the_newer_change_wins_per_item_and_new_items_from_both_sides_stay() {
        let mut laptop = base();
        let mut phone = base();
        rename_goal(&mut laptop, &Id::from("s1"), "Laptop wording", at(10)).unwrap();
        rename_goal(&mut phone, &Id::from("s1"), "Phone wording", at(20)).unwrap();
        mark_done(&mut laptop, &Id::from("s2"), at(30)).unwrap();
        add(&mut laptop, "laptop-step", Some("st"), 40);
        add(&mut phone, "phone-step", Some("st"), 50);
        edit_asset(&mut phone, &Id::from("a"), at(60), |asset| {
            asset.level = Some(4)
        });

        let (merged, report) = merge_plans(&laptop, &phone, at(100)).unwrap();
        assert_eq!(merged.goal(&Id::from("s1")).unwrap().title, "Phone wording");
        assert!(merged.goal(&Id::from("s2")).unwrap().completed_at.is_some());
        assert_eq!(
            titles_under(&merged, "st"),
            [
                "Phone wording",
                "goal s2",
                "goal phone-step",
                "goal laptop-step"
            ]
        );
        assert_eq!(merged.assets[0].level, Some(4));
        assert_eq!(report.added, 1);
        assert_eq!(report.updated, 2);
        assert_eq!(report.kept_mine, 1);
        assert_eq!(merged.updated_at, Some(at(100)));
        check_integrity(&merged).unwrap();

        // The other way round gives the same content.
        let (reverse, _) = merge_plans(&phone, &laptop, at(100)).unwrap();
        assert_eq!(
            reverse.goal(&Id::from("s1")).unwrap().title,
            "Phone wording"
        );
        assert!(reverse
            .goal(&Id::from("s2"))
            .unwrap()
            .completed_at
            .is_some());
        assert_eq!(reverse.goals.len(), merged.goals.len());
    }

    #[test]
    fn a_new_goal_follows_its_sibling_from_the_other_copy() {
        let mine = base();
        let mut other = base();
        add(&mut other, "s1b", Some("st"), 5);
        let position = other
            .goals
            .iter()
            .position(|g| g.id == Id::from("s1b"))
            .unwrap();
        let goal = other.goals.remove(position);
        let after_s1 = other
            .goals
            .iter()
            .position(|g| g.id == Id::from("s1"))
            .unwrap();
        other.goals.insert(after_s1 + 1, goal);

        let (merged, _) = merge_plans(&mine, &other, at(100)).unwrap();
        assert_eq!(
            titles_under(&merged, "st"),
            ["goal s1", "goal s1b", "goal s2"]
        );
    }

    #[test]
    fn the_losing_vision_statement_joins_the_history() {
        let mut mine = base();
        let mut other = base();
        mine.vision.statement = "Teach data science at a university".into();
        mine.vision.updated_at = Some(at(10));
        other.vision.statement = "Run a data science school".into();
        other.vision.updated_at = Some(at(20));

        let (merged, report) = merge_plans(&mine, &other, at(100)).unwrap();
        assert!(report.vision_from_other);
        assert_eq!(merged.vision.statement, "Run a data science school");
        let kept: Vec<&str> = merged
            .vision
            .history
            .iter()
            .map(|version| version.statement.as_str())
            .collect();
        assert_eq!(kept, ["Teach data science at a university"]);
    }

    #[test]
    fn moves_that_combine_into_a_loop_are_undone() {
        let mut mine = base();
        add(&mut mine, "lt2", None, 0);
        let mut other = mine.clone();
        // Here "lt2" moves under "lt"; there "lt" moves under "lt2".
        let lt2 = mine.goal_mut(&Id::from("lt2")).unwrap();
        lt2.parent = Some(Id::from("lt"));
        lt2.updated_at = at(10);
        let lt = other.goal_mut(&Id::from("lt")).unwrap();
        lt.parent = Some(Id::from("lt2"));
        lt.updated_at = at(20);

        let (merged, report) = merge_plans(&mine, &other, at(100)).unwrap();
        check_integrity(&merged).unwrap();
        assert_eq!(report.goals_moved_to_fit, [Id::from("lt")]);
        assert_eq!(merged.goal(&Id::from("lt")).unwrap().parent, None);
    }

    #[test]
    fn the_same_id_for_two_kinds_of_item_cannot_be_merged() {
        let mine = base();
        let mut other = base();
        add_asset(&mut other, Id::from("s1"), AssetKind::Person, "Ada", at(5));
        assert!(matches!(
            merge_plans(&mine, &other, at(100)),
            Err(PlanFileError::DuplicateId { .. })
        ));
    }
}
