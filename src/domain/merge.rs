//! Merging two copies of a plan, so that one plan can live on several devices
//! and meet in a file.
//!
//! The merge is a replicated data type: merging is commutative, associative
//! and idempotent, so devices that have seen the same changes hold the same
//! plan, byte for byte, whatever order they saw them in (the property tests
//! below drive random edits on several simulated devices to check it).
//!
//! - Every item (goal, asset, option, check-in) is matched by its id, and the
//!   version changed last wins as a whole (its `updated_at`, a time that never
//!   goes backwards on one device, see `stamps`). Two versions stamped with
//!   the same time are told apart by their content, so both devices pick the
//!   same one.
//! - A removal leaves a record (`Plan::removed`); it applies to a copy of the
//!   item changed before it, and loses to one changed after it, which stays.
//! - The vision is one item too, and the statement that loses joins the
//!   vision's history, so no wording is lost. The review rhythm is another.
//! - Goals take their parent and rank from their winning version. Where that
//!   cannot be (the parent was removed, two moves make a loop, or the tree
//!   grows too deep) the goal is placed as near as it can be, keeping where it
//!   wants to be (`Goal::wanted_parent`) for a later merge, and the report
//!   names it.
//! - Goals are kept in outline order, and the other lists in the order they
//!   were made: the merged plan's order follows from its items alone.

use super::calendar::Timestamp;
use super::format::{check_integrity, PlanFileError};
use super::goals::MAX_DEPTH;
use super::plan::{
    Asset, CareerOption, CheckIn, Goal, Id, Plan, Removal, Vision, VisionVersion, FORMAT_ID,
    REMOVALS_KEPT_SECONDS, SCHEMA_VERSION,
};
use super::rank::in_outline_order;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};

/// The kinds of thing a merge reports on, as the app names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    Goal,
    Asset,
    Option,
    CheckIn,
    Vision,
    ReviewRhythm,
}

/// One thing a merge touched, by the words the person knows it by.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub kind: ItemKind,
    pub id: Option<Id>,
    pub title: String,
}

/// What became of an item both copies changed since they last met.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// This device's change was newer and stays.
    KeptThis,
    /// The other copy's change was newer and took its place.
    KeptOther,
    /// The other copy removed it after it was changed here.
    RemovedThere,
    /// It was removed here, and changed there after that: it is back.
    BackFromThere,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub item: Item,
    pub outcome: Outcome,
}

/// What a merge did to this device's plan, in the terms the person is told.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MergeReport {
    /// Items only in the other copy, now added (or back, see `conflicts`).
    pub added: Vec<Item>,
    /// Items that took the other copy's newer version.
    pub changed: Vec<Item>,
    /// Items the other copy removed later than they changed here.
    pub removed: Vec<Item>,
    /// Items both copies changed since they last met (when that is known).
    pub conflicts: Vec<Conflict>,
    /// Items where this device's version was newer than the other's, and stays.
    pub kept_mine: usize,
    /// The other copy's vision was newer and is now the current one.
    pub vision_from_other: bool,
    /// Goals placed elsewhere than their device put them, to keep the tree whole.
    pub goals_moved_to_fit: Vec<Item>,
}

impl MergeReport {
    /// True when merging changed nothing in this device's plan.
    pub fn changes_nothing(&self) -> bool {
        self.added.is_empty()
            && self.changed.is_empty()
            && self.removed.is_empty()
            && self.goals_moved_to_fit.is_empty()
            && !self.vision_from_other
    }
}

/// An item kept in a list by id, with the time it last changed.
trait Versioned: Clone + PartialEq + Serialize {
    const KIND: ItemKind;
    fn id(&self) -> &Id;
    fn changed_at(&self) -> Timestamp;
    fn title(&self) -> String;
    /// The version as its device made it (for a goal: where it wants to be).
    /// Borrowed where that is the item itself, as it nearly always is: a
    /// merge of tens of thousands of goals copies each only once.
    fn as_made(&self) -> Cow<'_, Self> {
        Cow::Borrowed(self)
    }
}

impl Versioned for Goal {
    const KIND: ItemKind = ItemKind::Goal;
    fn id(&self) -> &Id {
        &self.id
    }
    fn changed_at(&self) -> Timestamp {
        self.updated_at
    }
    fn title(&self) -> String {
        self.title.trim().to_owned()
    }
    fn as_made(&self) -> Cow<'_, Self> {
        match &self.wanted_parent {
            None => Cow::Borrowed(self),
            Some(wanted) => Cow::Owned(Goal {
                parent: Some(wanted.clone()),
                wanted_parent: None,
                ..self.clone()
            }),
        }
    }
}

impl Versioned for Asset {
    const KIND: ItemKind = ItemKind::Asset;
    fn id(&self) -> &Id {
        &self.id
    }
    fn changed_at(&self) -> Timestamp {
        self.updated_at.unwrap_or(self.created_at)
    }
    fn title(&self) -> String {
        self.name.trim().to_owned()
    }
}

impl Versioned for CareerOption {
    const KIND: ItemKind = ItemKind::Option;
    fn id(&self) -> &Id {
        &self.id
    }
    fn changed_at(&self) -> Timestamp {
        self.updated_at.unwrap_or(self.created_at)
    }
    fn title(&self) -> String {
        self.title.trim().to_owned()
    }
}

impl Versioned for CheckIn {
    const KIND: ItemKind = ItemKind::CheckIn;
    fn id(&self) -> &Id {
        &self.id
    }
    fn changed_at(&self) -> Timestamp {
        self.updated_at.unwrap_or(self.created_at)
    }
    fn title(&self) -> String {
        format!("the check-in of {}", self.date)
    }
}

fn item_of<T: Versioned>(version: &T) -> Item {
    Item {
        kind: T::KIND,
        id: Some(version.id().clone()),
        title: version.title(),
    }
}

/// Whether `challenger` beats `holder`: changed later, or, changed at the
/// same time, greater in content (an order both devices agree on). The same
/// version on both sides, by far the most common case, is settled without
/// writing either out.
fn newer<K: Ord, T: PartialEq + Serialize>(challenger: (K, &T), holder: (K, &T)) -> bool {
    match challenger.0.cmp(&holder.0) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal if challenger.1 == holder.1 => false,
        std::cmp::Ordering::Equal => content(challenger.1) > content(holder.1),
    }
}

fn content<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("plan items always serialize")
}

/// Merges `other` into `mine`. `since` is when the two copies last met (the
/// newest time in the plan as it was last synced), which tells an item both
/// changed from one only one of them changed; `None` when unknown. Fails only
/// when the two copies cannot form one plan (one id used for two kinds of
/// item).
pub fn merge_plans(
    mine: &Plan,
    other: &Plan,
    since: Option<Timestamp>,
) -> Result<(Plan, MergeReport), PlanFileError> {
    if mine == other {
        return Ok((mine.clone(), MergeReport::default()));
    }
    same_kind_for_each_id(mine, other)?;
    let mut report = MergeReport::default();
    let removed = merge_removals(&mine.removed, &other.removed);
    let assets = merge_list(&mine.assets, &other.assets, &removed, since, &mut report);
    let options = merge_list(&mine.options, &other.options, &removed, since, &mut report);
    let check_ins = merge_list(
        &mine.check_ins,
        &other.check_ins,
        &removed,
        since,
        &mut report,
    );
    let goals = merge_list(&mine.goals, &other.goals, &removed, since, &mut report);
    let mut merged = Plan {
        format: FORMAT_ID.to_owned(),
        schema_version: SCHEMA_VERSION,
        vision: merge_vision(&mine.vision, &other.vision, since, &mut report),
        assets: in_order_made(assets),
        options: in_order_made(options),
        goals: Vec::new(),
        check_ins: in_order_made(check_ins),
        review_rhythm: None,
        review_rhythm_updated_at: None,
        removed: Vec::new(),
        updated_at: mine.updated_at.max(other.updated_at),
    };
    merge_review_rhythm(&mut merged, mine, other, &mut report);
    merged.goals = place_goals(goals, &removed);
    report_goals_placed(mine, &merged, &mut report);
    // A record of an item that stays is spent; records older than a year
    // before the plan's newest change are let go.
    let present: HashSet<&Id> = merged.item_ids().collect();
    let oldest_kept = merged.updated_at.map_or(i64::MIN, |newest| {
        newest.seconds_since_epoch() - REMOVALS_KEPT_SECONDS
    });
    let records: Vec<Removal> = removed
        .into_values()
        .filter(|record| {
            !present.contains(&record.id) && record.removed_at.seconds_since_epoch() >= oldest_kept
        })
        .collect();
    merged.removed = records;
    // Records older than a year are let go, and links to what they named.
    merged.let_go_of_dangling_links();
    check_integrity(&merged)?;
    Ok((merged, report))
}

/// Whether `mine` lacks an item `theirs` holds, with no record of removing
/// it: what an undo or a redo of a whole sync leaves, since those record no
/// removals (so that they never remove another device's items). Writing
/// `mine` over a file that holds `theirs` would lose such an item; the file
/// is merged in first.
pub fn lacks_unrecorded_items(mine: &Plan, theirs: &Plan) -> bool {
    let accounted: HashSet<&Id> = mine
        .item_ids()
        .chain(mine.removed.iter().map(|record| &record.id))
        .collect();
    theirs.item_ids().any(|id| !accounted.contains(id))
}

/// Refuses two copies that use one id for two kinds of item.
fn same_kind_for_each_id(mine: &Plan, other: &Plan) -> Result<(), PlanFileError> {
    let mut kinds: HashMap<&Id, ItemKind> = HashMap::new();
    for plan in [mine, other] {
        let items = plan
            .goals
            .iter()
            .map(|goal| (&goal.id, ItemKind::Goal))
            .chain(plan.assets.iter().map(|asset| (&asset.id, ItemKind::Asset)))
            .chain(
                plan.options
                    .iter()
                    .map(|option| (&option.id, ItemKind::Option)),
            )
            .chain(
                plan.check_ins
                    .iter()
                    .map(|check_in| (&check_in.id, ItemKind::CheckIn)),
            );
        for (id, kind) in items {
            if *kinds.entry(id).or_insert(kind) != kind {
                return Err(PlanFileError::DuplicateId { id: id.clone() });
            }
        }
    }
    Ok(())
}

/// Both copies' removal records, the newest for each id.
fn merge_removals(mine: &[Removal], other: &[Removal]) -> BTreeMap<Id, Removal> {
    let mut records: BTreeMap<Id, Removal> = BTreeMap::new();
    for record in mine.iter().chain(other) {
        match records.get(&record.id) {
            Some(kept)
                if (kept.removed_at, &kept.parent) >= (record.removed_at, &record.parent) => {}
            _ => {
                records.insert(record.id.clone(), record.clone());
            }
        }
    }
    records
}

/// One kind of item: the newest version of each, less those removed after
/// they last changed, by id; notes in `report` what this device's plan gains
/// and loses.
fn merge_list<T: Versioned>(
    mine: &[T],
    other: &[T],
    removed: &BTreeMap<Id, Removal>,
    since: Option<Timestamp>,
    report: &mut MergeReport,
) -> Vec<T> {
    let mine_by_id: HashMap<&Id, &T> = mine.iter().map(|item| (item.id(), item)).collect();
    let other_by_id: HashMap<&Id, &T> = other.iter().map(|item| (item.id(), item)).collect();
    let mut newest: BTreeMap<&Id, Cow<T>> = BTreeMap::new();
    for item in mine.iter().chain(other) {
        let made = item.as_made();
        match newest.get(item.id()) {
            Some(kept)
                if !newer(
                    (made.changed_at(), made.as_ref()),
                    (kept.changed_at(), kept.as_ref()),
                ) => {}
            _ => {
                newest.insert(item.id(), made);
            }
        }
    }
    let changed_since = |stamp: Timestamp| since.is_some_and(|since| stamp > since);
    let mut kept = Vec::with_capacity(newest.len());
    for (id, version) in newest {
        let record = removed.get(id);
        let stays = record.is_none_or(|record| version.changed_at() >= record.removed_at);
        let here = mine_by_id.get(id).map(|item| item.as_made());
        let there = other_by_id.get(id).map(|item| item.as_made());
        if !stays {
            if let Some(here) = &here {
                report.removed.push(item_of(here.as_ref()));
                if changed_since(here.changed_at()) {
                    report.conflicts.push(Conflict {
                        item: item_of(here.as_ref()),
                        outcome: Outcome::RemovedThere,
                    });
                }
            }
            continue;
        }
        match (&here, &there) {
            (None, _) => {
                report.added.push(item_of(version.as_ref()));
                // A record of an item the other copy has, and this one does
                // not, is this device's own removal.
                if record.is_some_and(|record| changed_since(record.removed_at))
                    && changed_since(version.changed_at())
                {
                    report.conflicts.push(Conflict {
                        item: item_of(version.as_ref()),
                        outcome: Outcome::BackFromThere,
                    });
                }
            }
            (Some(here), Some(there)) if here != there => {
                let outcome = if *here == version {
                    report.kept_mine += 1;
                    Outcome::KeptThis
                } else {
                    report.changed.push(item_of(version.as_ref()));
                    Outcome::KeptOther
                };
                if changed_since(here.changed_at()) && changed_since(there.changed_at()) {
                    report.conflicts.push(Conflict {
                        item: item_of(version.as_ref()),
                        outcome,
                    });
                }
            }
            _ => {}
        }
        kept.push(version.into_owned());
    }
    kept
}

/// Assets, options and check-ins in the order they were made.
fn in_order_made<T: Versioned + HasCreation>(mut items: Vec<T>) -> Vec<T> {
    items.sort_by(|a, b| (a.created(), a.id()).cmp(&(b.created(), b.id())));
    items
}

trait HasCreation {
    fn created(&self) -> Timestamp;
}

impl HasCreation for Asset {
    fn created(&self) -> Timestamp {
        self.created_at
    }
}

impl HasCreation for CareerOption {
    fn created(&self) -> Timestamp {
        self.created_at
    }
}

impl HasCreation for CheckIn {
    fn created(&self) -> Timestamp {
        self.created_at
    }
}

/// The vision changed last wins; the losing statement joins the history,
/// which keeps one version of each statement (the latest replaced), oldest
/// first, and never the current statement itself.
fn merge_vision(
    mine: &Vision,
    other: &Vision,
    since: Option<Timestamp>,
    report: &mut MergeReport,
) -> Vision {
    if mine == other {
        return mine.clone();
    }
    // Chosen on the vision without its history, which merges separately.
    let bare = |vision: &Vision| Vision {
        history: Vec::new(),
        ..vision.clone()
    };
    let other_wins = newer(
        (other.updated_at, &bare(other)),
        (mine.updated_at, &bare(mine)),
    );
    let (winner, loser) = if other_wins {
        (other, mine)
    } else {
        (mine, other)
    };
    if bare(mine) != bare(other) {
        report.vision_from_other = other_wins;
        if !other_wins {
            report.kept_mine += 1;
        }
        let changed_since = |vision: &Vision| {
            since.is_some_and(|since| vision.updated_at.is_some_and(|at| at > since))
        };
        if changed_since(mine) && changed_since(other) {
            report.conflicts.push(Conflict {
                item: Item {
                    kind: ItemKind::Vision,
                    id: None,
                    title: winner.statement.trim().to_owned(),
                },
                outcome: if other_wins {
                    Outcome::KeptOther
                } else {
                    Outcome::KeptThis
                },
            });
        }
    }
    let mut history: BTreeMap<String, VisionVersion> = BTreeMap::new();
    let losing_statement = (!loser.statement.trim().is_empty()).then(|| VisionVersion {
        statement: loser.statement.clone(),
        horizon_years: loser.horizon_years,
        excitement: loser.excitement,
        replaced_at: loser
            .updated_at
            .or(winner.updated_at)
            .unwrap_or(Timestamp::from_seconds(0)),
    });
    for version in mine
        .history
        .iter()
        .chain(&other.history)
        .chain(&losing_statement)
    {
        let key = version.statement.trim().to_owned();
        match history.get(&key) {
            Some(kept) if !newer((version.replaced_at, version), (kept.replaced_at, kept)) => {}
            _ => {
                history.insert(key, version.clone());
            }
        }
    }
    history.remove(winner.statement.trim());
    let mut history: Vec<VisionVersion> = history.into_values().collect();
    history.sort_by(|a, b| (a.replaced_at, &a.statement).cmp(&(b.replaced_at, &b.statement)));
    Vision {
        history,
        ..winner.clone()
    }
}

/// The review rhythm chosen last wins.
fn merge_review_rhythm(merged: &mut Plan, mine: &Plan, other: &Plan, report: &mut MergeReport) {
    let choice = |plan: &Plan| {
        (
            plan.review_rhythm_updated_at,
            plan.review_rhythm.map(|rhythm| rhythm.key()),
        )
    };
    let other_wins = choice(other) > choice(mine);
    let winner = if other_wins { other } else { mine };
    merged.review_rhythm = winner.review_rhythm;
    merged.review_rhythm_updated_at = winner.review_rhythm_updated_at;
    if other_wins && other.review_rhythm != mine.review_rhythm {
        report.changed.push(Item {
            kind: ItemKind::ReviewRhythm,
            id: None,
            title: merged
                .review_rhythm
                .map_or("no review rhythm".to_owned(), |rhythm| {
                    rhythm.label().to_lowercase()
                }),
        });
    }
}

/// Puts each goal under the parent its version wants, or as near as the
/// tree allows, and the goals in outline order. Everything here follows from
/// the goals and the records alone, so any two devices place them alike.
fn place_goals(goals: Vec<Goal>, records: &BTreeMap<Id, Removal>) -> Vec<Goal> {
    let position_of: HashMap<Id, usize> = goals
        .iter()
        .enumerate()
        .map(|(position, goal)| (goal.id.clone(), position))
        .collect();
    // A parent that is gone: the nearest goal above it that is still here,
    // by the parents its removal records kept.
    let mut parents: Vec<Option<usize>> = goals
        .iter()
        .map(|goal| {
            let mut wanted = goal.parent.as_ref();
            let mut passed: HashSet<&Id> = HashSet::new();
            while let Some(parent) = wanted {
                if let Some(&position) = position_of.get(parent) {
                    return Some(position);
                }
                if !passed.insert(parent) {
                    break;
                }
                wanted = records
                    .get(parent)
                    .and_then(|record| record.parent.as_ref());
            }
            None
        })
        .collect();
    break_loops(&goals, &mut parents);
    keep_within_depth(&goals, &mut parents);
    let placed_under: Vec<Option<Id>> = parents
        .iter()
        .map(|parent| parent.map(|position| goals[position].id.clone()))
        .collect();
    let placed: Vec<Goal> = goals
        .into_iter()
        .zip(placed_under)
        .map(|(mut goal, parent)| {
            if parent != goal.parent {
                goal.wanted_parent = std::mem::replace(&mut goal.parent, parent);
            }
            goal
        })
        .collect();
    in_outline_order(placed)
}

/// Two moves made apart can put goals under each other: in each such loop,
/// the goal moved longest ago (the oldest change, then the lowest id) goes to
/// the top level, so the newer moves stand.
fn break_loops(goals: &[Goal], parents: &mut [Option<usize>]) {
    const UNSEEN: u8 = 0;
    const ON_WALK: u8 = 1;
    const DONE: u8 = 2;
    let mut state = vec![UNSEEN; goals.len()];
    for start in 0..goals.len() {
        let mut walk = Vec::new();
        let mut at = Some(start);
        while let Some(position) = at {
            match state[position] {
                UNSEEN => {
                    state[position] = ON_WALK;
                    walk.push(position);
                    at = parents[position];
                }
                ON_WALK => {
                    let from = walk
                        .iter()
                        .position(|&p| p == position)
                        .expect("on the walk");
                    let oldest = walk[from..]
                        .iter()
                        .copied()
                        .min_by(|&a, &b| {
                            (goals[a].updated_at, &goals[a].id)
                                .cmp(&(goals[b].updated_at, &goals[b].id))
                        })
                        .expect("a loop has goals");
                    parents[oldest] = None;
                    break;
                }
                _ => break,
            }
        }
        for position in walk {
            state[position] = DONE;
        }
    }
}

/// Moves made apart can nest goals deeper than the app allows: a goal too
/// deep goes under its ancestor at the deepest level that has room.
fn keep_within_depth(goals: &[Goal], parents: &mut [Option<usize>]) {
    let ancestors = |parents: &[Option<usize>], position: usize| {
        let mut chain = Vec::new();
        let mut at = parents[position];
        while let Some(above) = at {
            chain.push(above);
            at = parents[above];
        }
        chain.reverse();
        chain
    };
    let mut by_depth: Vec<(usize, &Id, usize)> = (0..goals.len())
        .map(|position| {
            (
                ancestors(parents, position).len(),
                &goals[position].id,
                position,
            )
        })
        .collect();
    by_depth.sort();
    for (_, _, position) in by_depth {
        let chain = ancestors(parents, position);
        if chain.len() > MAX_DEPTH {
            parents[position] = Some(chain[MAX_DEPTH - 1]);
        }
    }
}

/// Names the goals the merge placed elsewhere than their device put them,
/// that this device did not already have placed so.
fn report_goals_placed(mine: &Plan, merged: &Plan, report: &mut MergeReport) {
    let mine_by_id: HashMap<&Id, &Goal> = mine.goals.iter().map(|goal| (&goal.id, goal)).collect();
    for goal in &merged.goals {
        if goal.wanted_parent.is_some()
            && mine_by_id.get(&goal.id).is_none_or(|here| {
                (&here.parent, &here.wanted_parent) != (&goal.parent, &goal.wanted_parent)
            })
        {
            report.goals_moved_to_fit.push(item_of(goal));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::goals::{add_goal, mark_done, move_goal, remove_goal, rename_goal, NewGoal};
    use crate::domain::method::{add_asset, edit_asset, remove_asset};
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

    fn titles(items: &[Item]) -> Vec<&str> {
        items.iter().map(|item| item.title.as_str()).collect()
    }

    #[test]
    fn merging_a_plan_with_itself_changes_nothing() {
        let plan = base();
        let (merged, report) = merge_plans(&plan, &plan, None).unwrap();
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

        let (merged, report) = merge_plans(&laptop, &phone, Some(at(0))).unwrap();
        assert_eq!(merged.goal(&Id::from("s1")).unwrap().title, "Phone wording");
        assert!(merged.goal(&Id::from("s2")).unwrap().completed_at.is_some());
        // Both devices added a step at the end of "st": they share a rank,
        // and the ids order them.
        assert_eq!(
            titles_under(&merged, "st"),
            [
                "Phone wording",
                "goal s2",
                "goal laptop-step",
                "goal phone-step"
            ]
        );
        assert_eq!(merged.assets[0].level, Some(4));
        assert_eq!(titles(&report.added), ["goal phone-step"]);
        assert_eq!(titles(&report.changed), ["Statistics", "Phone wording"]);
        assert_eq!(report.kept_mine, 1);
        assert_eq!(
            report.conflicts,
            [Conflict {
                item: item_of(merged.goal(&Id::from("s1")).unwrap()),
                outcome: Outcome::KeptOther
            }]
        );
        assert_eq!(merged.updated_at, Some(at(60)));
        check_integrity(&merged).unwrap();

        // The other way round gives the same plan.
        let (reverse, reverse_report) = merge_plans(&phone, &laptop, Some(at(0))).unwrap();
        assert_eq!(reverse, merged);
        assert_eq!(titles(&reverse_report.added), ["goal laptop-step"]);
        assert_eq!(reverse_report.conflicts[0].outcome, Outcome::KeptThis);
    }

    #[test]
    fn a_new_goal_keeps_its_place_among_its_siblings() {
        let mine = base();
        let mut other = base();
        add(&mut other, "s1b", Some("st"), 5);
        move_goal(
            &mut other,
            &Id::from("s1b"),
            Some(&Id::from("st")),
            1,
            at(5),
        )
        .unwrap();

        let (merged, _) = merge_plans(&mine, &other, None).unwrap();
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

        let (merged, report) = merge_plans(&mine, &other, None).unwrap();
        assert!(report.vision_from_other);
        assert_eq!(merged.vision.statement, "Run a data science school");
        let kept: Vec<&str> = merged
            .vision
            .history
            .iter()
            .map(|version| version.statement.as_str())
            .collect();
        assert_eq!(kept, ["Teach data science at a university"]);
        assert_eq!(merge_plans(&other, &mine, None).unwrap().0, merged);
    }

    #[test]
    fn a_vision_changed_on_one_side_only_adds_nothing_to_the_history() {
        let mine = base();
        let mut other = base();
        other.vision.excitement = Some(9);
        other.vision.updated_at = Some(at(5));
        let (merged, _) = merge_plans(&mine, &other, None).unwrap();
        assert_eq!(merged.vision.excitement, Some(9));
        assert!(merged.vision.history.is_empty());
    }

    #[test]
    fn moves_that_combine_into_a_loop_keep_the_newer_move() {
        let mut mine = base();
        add(&mut mine, "lt2", None, 0);
        let mut other = mine.clone();
        // Here "lt2" moves under "lt"; there, later, "lt" moves under "lt2".
        move_goal(
            &mut mine,
            &Id::from("lt2"),
            Some(&Id::from("lt")),
            9,
            at(10),
        )
        .unwrap();
        move_goal(
            &mut other,
            &Id::from("lt"),
            Some(&Id::from("lt2")),
            9,
            at(20),
        )
        .unwrap();

        let (merged, report) = merge_plans(&mine, &other, None).unwrap();
        check_integrity(&merged).unwrap();
        assert_eq!(titles(&report.goals_moved_to_fit), ["goal lt2"]);
        let lt2 = merged.goal(&Id::from("lt2")).unwrap();
        assert_eq!(lt2.parent, None);
        assert_eq!(lt2.wanted_parent, Some(Id::from("lt")));
        assert_eq!(
            merged.goal(&Id::from("lt")).unwrap().parent,
            Some(Id::from("lt2"))
        );
        assert_eq!(merge_plans(&other, &mine, None).unwrap().0, merged);
    }

    #[test]
    fn a_removal_stays_removed_unless_changed_later_elsewhere() {
        let laptop = base();
        let mut phone = base();
        let mut laptop_later = laptop.clone();
        remove_goal(&mut laptop_later, &Id::from("s2"), at(10)).unwrap();
        remove_asset(&mut laptop_later, &Id::from("a"), at(10));
        assert_eq!(laptop_later.removed.len(), 2);

        // The phone still has both, unchanged: they go there too.
        let (merged, report) = merge_plans(&phone, &laptop_later, Some(at(0))).unwrap();
        assert!(merged.goal(&Id::from("s2")).is_none());
        assert!(merged.assets.is_empty());
        assert_eq!(titles(&report.removed), ["Statistics", "goal s2"]);
        assert_eq!(merged.removed, laptop_later.removed);
        assert_eq!(
            merge_plans(&laptop_later, &phone, Some(at(0))).unwrap().0,
            merged
        );

        // Renamed on the phone after the removal: it stays, and the record goes.
        rename_goal(&mut phone, &Id::from("s2"), "Still wanted", at(20)).unwrap();
        let (merged, report) = merge_plans(&laptop_later, &phone, Some(at(0))).unwrap();
        assert_eq!(merged.goal(&Id::from("s2")).unwrap().title, "Still wanted");
        assert!(merged
            .removed
            .iter()
            .all(|record| record.id != Id::from("s2")));
        assert_eq!(titles(&report.added), ["Still wanted"]);
        assert_eq!(report.conflicts[0].outcome, Outcome::BackFromThere);
    }

    #[test]
    fn a_goal_changed_after_its_parent_was_removed_stays_under_the_nearest_goal_left() {
        let laptop = base();
        let mut removed = laptop.clone();
        remove_goal(&mut removed, &Id::from("st"), at(10)).unwrap();
        let mut phone = laptop;
        rename_goal(&mut phone, &Id::from("s1"), "Done on the phone", at(20)).unwrap();

        let (merged, report) = merge_plans(&removed, &phone, None).unwrap();
        assert!(merged.goal(&Id::from("st")).is_none());
        assert!(merged.goal(&Id::from("s2")).is_none());
        let kept = merged.goal(&Id::from("s1")).unwrap();
        assert_eq!(kept.parent, Some(Id::from("lt")));
        assert_eq!(kept.wanted_parent, Some(Id::from("st")));
        assert_eq!(titles(&report.goals_moved_to_fit), ["Done on the phone"]);
        assert_eq!(merge_plans(&phone, &removed, None).unwrap().0, merged);
    }

    #[test]
    fn a_plan_lacking_an_item_without_a_record_of_its_removal_is_told() {
        let file = base();
        let mut removed = file.clone();
        let first = removed.goals[0].id.clone();
        remove_goal(&mut removed, &first, at(100)).unwrap();
        assert!(!lacks_unrecorded_items(&removed, &file));
        let mut grown = file.clone();
        add(&mut grown, "g-new", None, 100);
        assert!(!lacks_unrecorded_items(&grown, &file));
        // Put back as it was before the goals came, with no records.
        let mut put_back = file.clone();
        put_back.goals.clear();
        assert!(lacks_unrecorded_items(&put_back, &file));
    }

    #[test]
    fn removal_records_older_than_a_year_are_let_go() {
        let mut plan = base();
        remove_goal(&mut plan, &Id::from("s2"), at(0)).unwrap();
        let mut later = plan.clone();
        rename_goal(
            &mut later,
            &Id::from("s1"),
            "A year on",
            at(REMOVALS_KEPT_SECONDS + 1),
        )
        .unwrap();
        let (merged, _) = merge_plans(&plan, &later, None).unwrap();
        assert!(merged.removed.is_empty());
        assert!(merged.goal(&Id::from("s2")).is_none());
    }

    #[test]
    fn the_same_id_for_two_kinds_of_item_cannot_be_merged() {
        let mine = base();
        let mut other = base();
        add_asset(&mut other, Id::from("s1"), AssetKind::Person, "Ada", at(5));
        assert!(matches!(
            merge_plans(&mine, &other, None),
            Err(PlanFileError::DuplicateId { .. })
        ));
    }
}
