//! Mending a plan read item by item into one that keeps every rule of
//! `check_integrity`, with a note for each thing mended:
//!
//! 1. an item found twice, word for word, is kept once;
//! 2. an item without an id, or with the id of an item before it, gets an
//!    id of its own (links to an empty id follow the first item that had it;
//!    links to a shared id stay with the item that keeps it);
//! 3. an option's link to an asset, or a goal's to an option, that is not in
//!    the plan is dropped;
//! 4. a goal under a goal that is not in the plan becomes a long-term goal;
//! 5. in a loop of goals each under the next, the first in the text becomes
//!    a long-term goal;
//! 6. a goal nested deeper than the plan's levels is lifted to the deepest
//!    level, under the nearest goal above it that has room;
//! 7. a score or weight out of range is brought within it;
//! 8. a goal without a place among its siblings (a rank) gets one where the
//!    list has it, its siblings ranked again in the list's order.
//!
//! Then, without notes, since the person's plan is the same either way: the
//! goals are put in outline order (a file may list them in any), and the
//! records of removed items sorted by id, the newest of any item's two
//! kept, and the record of an item the plan still has let go.
//!
//! New ids are `<kind>-repaired-<n>`, the first such not yet in the plan, so
//! the same text always reads the same.

use super::fields::mend_number;
use super::{Note, Parts, Subject};
use crate::domain::format::{
    check_integrity, PlanFileError, ASSET_STRENGTHS, EXCITEMENT_SCORES, HORIZON_YEARS,
    SUCCESS_WEIGHTS,
};
use crate::domain::goals::MAX_DEPTH;
use crate::domain::plan::{Asset, CareerOption, Goal, Id, Plan, Removal};
use crate::domain::rank::{outline_positions, Rank};
use std::collections::{HashMap, HashSet, VecDeque};
use std::ops::RangeInclusive;

/// The mended plan, and for each item its place in the text (by position
/// in the plan's lists), so that notes can name it.
pub(super) struct Mended {
    pub(super) plan: Plan,
    pub(super) assets_from: Vec<usize>,
    pub(super) options_from: Vec<usize>,
    pub(super) goals_from: Vec<usize>,
    pub(super) check_ins_from: Vec<usize>,
    /// The places in the text of the removal records, and of the goals that
    /// had no rank, kept for the mending of a plan as read.
    removed_from: Vec<usize>,
    unranked: Vec<usize>,
}

/// Mends what needs it; a plan read as it keeps every rule (nearly every
/// plan, and the check is a fraction of the mending's work) and whose goals
/// all had ranks is taken as it is.
pub(super) fn mend(parts: Parts, notes: &mut Vec<Note>) -> Result<Mended, PlanFileError> {
    let as_read = Mended::as_read(parts);
    if as_read.unranked.is_empty() && check_integrity(&as_read.plan).is_ok() {
        return Ok(as_read);
    }
    let mended = mend_all(as_read.into_parts(), notes);
    // The mending makes every rule hold; this is the promise kept.
    check_integrity(&mended.plan)?;
    Ok(mended)
}

impl Mended {
    fn as_read(parts: Parts) -> Self {
        let (assets_from, assets) = split_places(parts.assets);
        let (options_from, options) = split_places(parts.options);
        let (goals_from, goals) = split_places(parts.goals);
        let (check_ins_from, check_ins) = split_places(parts.check_ins);
        let (removed_from, removed) = split_places(parts.removed);
        Self {
            plan: Plan {
                vision: parts.vision,
                assets,
                options,
                goals,
                check_ins,
                review_rhythm: parts.review_rhythm,
                review_rhythm_updated_at: parts.review_rhythm_updated_at,
                removed,
                updated_at: parts.updated_at,
                ..Plan::default()
            },
            assets_from,
            options_from,
            goals_from,
            check_ins_from,
            removed_from,
            unranked: parts.unranked,
        }
    }

    fn into_parts(self) -> Parts {
        let Self {
            plan,
            assets_from,
            options_from,
            goals_from,
            check_ins_from,
            removed_from,
            unranked,
        } = self;
        Parts {
            vision: plan.vision,
            assets: assets_from.into_iter().zip(plan.assets).collect(),
            options: options_from.into_iter().zip(plan.options).collect(),
            goals: goals_from.into_iter().zip(plan.goals).collect(),
            check_ins: check_ins_from.into_iter().zip(plan.check_ins).collect(),
            review_rhythm: plan.review_rhythm,
            review_rhythm_updated_at: plan.review_rhythm_updated_at,
            removed: removed_from.into_iter().zip(plan.removed).collect(),
            updated_at: plan.updated_at,
            unranked,
        }
    }
}

fn mend_all(parts: Parts, notes: &mut Vec<Note>) -> Mended {
    let mut assets = collapse_copies(parts.assets, |a| &a.id, Subject::Asset, "assets", notes);
    let mut options = collapse_copies(parts.options, |o| &o.id, Subject::Option, "options", notes);
    let mut goals = collapse_copies(parts.goals, |g| &g.id, Subject::Goal, "goals", notes);
    let mut check_ins = collapse_copies(
        parts.check_ins,
        |c| &c.id,
        Subject::CheckIn,
        "check_ins",
        notes,
    );

    let mut ids = Ids::new(
        goals
            .iter()
            .map(|(_, g)| &g.id)
            .chain(assets.iter().map(|(_, a)| &a.id))
            .chain(options.iter().map(|(_, o)| &o.id))
            .chain(check_ins.iter().map(|(_, c)| &c.id)),
    );
    // The same order as `check_integrity`: goals first.
    let first_empty_goal = ids.give_own(
        &mut goals,
        |g| &mut g.id,
        "g",
        Subject::Goal,
        "goals",
        notes,
    );
    let first_empty_asset = ids.give_own(
        &mut assets,
        |a| &mut a.id,
        "a",
        Subject::Asset,
        "assets",
        notes,
    );
    let first_empty_option = ids.give_own(
        &mut options,
        |o| &mut o.id,
        "o",
        Subject::Option,
        "options",
        notes,
    );
    ids.give_own(
        &mut check_ins,
        |c| &mut c.id,
        "c",
        Subject::CheckIn,
        "check_ins",
        notes,
    );
    let empty = Id::from("");
    for (at, goal) in &mut goals {
        if goal.wanted_parent.as_ref() == Some(&empty) {
            goal.wanted_parent = None;
            notes.push(Note::new(
                Subject::Goal(*at),
                format!("goals[{at}].wanted_parent"),
                Some("place another device gave it"),
                "named no goal; it stays where it is.".into(),
            ));
        }
    }
    for (_, goal) in &mut goals {
        follow_empty(&mut goal.parent, &empty, &first_empty_goal);
        follow_empty(&mut goal.from_option, &empty, &first_empty_option);
    }
    for (_, option) in &mut options {
        for used in &mut option.assets_used {
            if *used == empty {
                if let Some(id) = &first_empty_asset {
                    *used = id.clone();
                }
            }
        }
    }

    let recorded: HashSet<&Id> = parts.removed.iter().map(|(_, record)| &record.id).collect();
    drop_missing_links(&mut options, &assets, &mut goals, &recorded, notes);
    mend_tree(&mut goals, notes);
    if !parts.unranked.is_empty() {
        rank_in_list_order(&mut goals, &parts.unranked);
    }
    let goals = in_outline_order(goals);

    let mut plan = Plan {
        vision: parts.vision,
        review_rhythm: parts.review_rhythm,
        review_rhythm_updated_at: parts.review_rhythm_updated_at,
        updated_at: parts.updated_at,
        ..Plan::default()
    };
    let (assets_from, list) = split_places(assets);
    plan.assets = list;
    let (options_from, list) = split_places(options);
    plan.options = list;
    let (goals_from, list) = split_places(goals);
    plan.goals = list;
    let (check_ins_from, list) = split_places(check_ins);
    plan.check_ins = list;
    plan.removed = records_in_order(parts.removed, &plan, notes);
    mend_ranges(&mut plan, &assets_from, notes);
    Mended {
        plan,
        assets_from,
        options_from,
        goals_from,
        check_ins_from,
        removed_from: Vec::new(),
        unranked: Vec::new(),
    }
}

/// Ranks again, in the order the list has them, the siblings of each goal
/// that had no rank (`unranked`, by place in the text).
fn rank_in_list_order(goals: &mut [(usize, Goal)], unranked: &[usize]) {
    let unranked: HashSet<usize> = unranked.iter().copied().collect();
    let parents: HashSet<Option<Id>> = goals
        .iter()
        .filter(|(at, _)| unranked.contains(at))
        .map(|(_, goal)| goal.parent.clone())
        .collect();
    for parent in parents {
        let siblings: Vec<usize> = (0..goals.len())
            .filter(|&position| goals[position].1.parent == parent)
            .collect();
        for (position, rank) in siblings.iter().zip(Rank::spread(siblings.len())) {
            goals[*position].1.rank = rank;
        }
    }
}

/// The goals in outline order, each with its place in the text.
fn in_outline_order(goals: Vec<(usize, Goal)>) -> Vec<(usize, Goal)> {
    let order = {
        let just_goals: Vec<&Goal> = goals.iter().map(|(_, goal)| goal).collect();
        outline_positions(&just_goals)
    };
    let mut slots: Vec<Option<(usize, Goal)>> = goals.into_iter().map(Some).collect();
    order
        .into_iter()
        .map(|position| slots[position].take().expect("each goal placed once"))
        .collect()
}

/// The removal records sorted by id, the newest of an item's two, none for
/// an item the plan has.
fn records_in_order(
    records: Vec<(usize, Removal)>,
    plan: &Plan,
    notes: &mut Vec<Note>,
) -> Vec<Removal> {
    let mut records: Vec<Removal> = records
        .into_iter()
        .filter_map(|(at, mut record)| {
            if record
                .parent
                .as_ref()
                .is_some_and(|parent| parent.as_str().is_empty())
            {
                record.parent = None;
                notes.push(Note::new(
                    Subject::Plan,
                    format!("removed[{at}].parent"),
                    None,
                    "had a record of a removed goal whose place in the tree named no goal; that \
                     place was left out."
                        .into(),
                ));
            }
            if record.id.as_str().is_empty() {
                notes.push(Note::new(
                    Subject::Plan,
                    format!("removed[{at}].id"),
                    None,
                    "had a record of a removed item without the item's id; the record was let go."
                        .into(),
                ));
                return None;
            }
            Some(record)
        })
        .collect();
    records.sort_by(|a, b| a.id.cmp(&b.id).then(b.removed_at.cmp(&a.removed_at)));
    records.dedup_by(|later, first| later.id == first.id);
    if !records.is_empty() {
        let present: HashSet<&Id> = plan.item_ids().collect();
        records.retain(|record| !present.contains(&record.id));
    }
    records
}

/// The places in the text, and the items, as two lists.
fn split_places<T>(items: Vec<(usize, T)>) -> (Vec<usize>, Vec<T>) {
    items.into_iter().unzip()
}

fn follow_empty(link: &mut Option<Id>, empty: &Id, first: &Option<Id>) {
    if link.as_ref() == Some(empty) {
        if let Some(id) = first {
            *link = Some(id.clone());
        }
    }
}

/// Keeps one of each item found more than once, word for word.
fn collapse_copies<T: PartialEq>(
    items: Vec<(usize, T)>,
    id: fn(&T) -> &Id,
    subject: fn(usize) -> Subject,
    list: &str,
    notes: &mut Vec<Note>,
) -> Vec<(usize, T)> {
    let mut kept: Vec<(usize, T)> = Vec::with_capacity(items.len());
    let mut by_id: HashMap<Id, Vec<usize>> = HashMap::new();
    for (at, item) in items {
        let same_id = by_id.entry(id(&item).clone()).or_default();
        if let Some(&first) = same_id.iter().find(|&&index| kept[index].1 == item) {
            notes.push(Note::new(
                subject(kept[first].0),
                format!("{list}[{at}]"),
                None,
                "was in the file twice, word for word; it is kept once.".into(),
            ));
            continue;
        }
        same_id.push(kept.len());
        kept.push((at, item));
    }
    kept
}

/// The ids in use, and new ones that are not.
struct Ids {
    all: HashSet<Id>,
    seen: HashMap<Id, Subject>,
    made: usize,
}

impl Ids {
    fn new<'a>(ids: impl Iterator<Item = &'a Id>) -> Self {
        Self {
            all: ids.cloned().collect(),
            seen: HashMap::new(),
            made: 0,
        }
    }

    fn fresh(&mut self, kind: &str) -> Id {
        loop {
            self.made += 1;
            let id = Id::from(format!("{kind}-repaired-{}", self.made).as_str());
            if self.all.insert(id.clone()) {
                return id;
            }
        }
    }

    /// Gives each item without an id, or with one an item before it has,
    /// an id of its own. Returns the id given to the first item that had
    /// none, which links to an empty id then follow.
    fn give_own<T>(
        &mut self,
        items: &mut [(usize, T)],
        id: fn(&mut T) -> &mut Id,
        kind: &str,
        subject: fn(usize) -> Subject,
        list: &str,
        notes: &mut Vec<Note>,
    ) -> Option<Id> {
        let mut first_empty = None;
        for (at, item) in items.iter_mut() {
            let here = subject(*at);
            let current = id(item);
            let path = format!("{list}[{at}].id");
            if current.as_str().is_empty() {
                let fresh = self.fresh(kind);
                first_empty.get_or_insert_with(|| fresh.clone());
                *current = fresh;
                notes.push(Note::new(
                    here,
                    path,
                    None,
                    "had no id, which every item needs; it was given one.".into(),
                ));
            } else if let Some(&first) = self.seen.get(current) {
                let mut note = Note::new(
                    here,
                    path,
                    None,
                    format!(
                        "had the same id as {{other}} (“{}”), though the two differ; it was given \
                         an id of its own.",
                        super::fields::cut(current.as_str(), 40)
                    ),
                );
                note.other = Some(first);
                notes.push(note);
                *current = self.fresh(kind);
            } else {
                self.seen.insert(current.clone(), here);
            }
        }
        first_empty
    }
}

/// Drops an option's links to assets, and a goal's link to an option, that
/// are not in the plan.
fn drop_missing_links(
    options: &mut [(usize, CareerOption)],
    assets: &[(usize, Asset)],
    goals: &mut [(usize, Goal)],
    recorded: &HashSet<&Id>,
    notes: &mut Vec<Note>,
) {
    let asset_ids: HashSet<&Id> = assets
        .iter()
        .map(|(_, asset)| &asset.id)
        .chain(recorded.iter().copied())
        .collect();
    for (at, option) in options.iter_mut() {
        let mut index = 0;
        option.assets_used.retain(|used| {
            let keep = asset_ids.contains(used);
            if !keep {
                notes.push(Note::new(
                    Subject::Option(*at),
                    format!("options[{at}].assets_used[{index}]"),
                    None,
                    format!(
                        "was built on leverage that is not in the plan (“{}”); that link was dropped.",
                        super::fields::cut(used.as_str(), 40)
                    ),
                ));
            }
            index += 1;
            keep
        });
    }
    let option_ids: HashSet<&Id> = options
        .iter()
        .map(|(_, option)| &option.id)
        .chain(recorded.iter().copied())
        .collect();
    for (at, goal) in goals.iter_mut() {
        if let Some(option) = goal
            .from_option
            .take_if(|option| !option_ids.contains(option))
        {
            notes.push(Note::new(
                Subject::Goal(*at),
                format!("goals[{at}].from_option"),
                None,
                format!(
                    "was made from an option that is not in the plan (“{}”); that link was dropped.",
                    super::fields::cut(option.as_str(), 40)
                ),
            ));
        }
    }
}

/// Makes the goals a tree of at most `MAX_DEPTH + 1` levels (steps 4 to 6).
fn mend_tree(goals: &mut [(usize, Goal)], notes: &mut Vec<Note>) {
    let position_of: HashMap<Id, usize> = goals
        .iter()
        .enumerate()
        .map(|(position, (_, goal))| (goal.id.clone(), position))
        .collect();
    let mut parents: Vec<Option<usize>> = Vec::with_capacity(goals.len());
    for (at, goal) in goals.iter_mut() {
        let parent = match &goal.parent {
            None => None,
            Some(parent) => match position_of.get(parent) {
                Some(&position) => Some(position),
                None => {
                    let mut note = Note::new(
                        Subject::Goal(*at),
                        format!("goals[{at}].parent"),
                        None,
                        format!(
                            "sat under a goal that is not in the plan (“{}”); it is now a long-term goal.",
                            super::fields::cut(parent.as_str(), 40)
                        ),
                    );
                    note.by_title = true;
                    notes.push(note);
                    goal.parent = None;
                    None
                }
            },
        };
        parents.push(parent);
    }

    // Loops: walk up from each goal; meeting a goal of the walk in progress
    // means a loop, which the first of its goals in the text leaves.
    const NOT_YET: u8 = 0;
    const ON_THE_WALK: u8 = 1;
    const DONE: u8 = 2;
    let mut state = vec![NOT_YET; goals.len()];
    let mut walk: Vec<usize> = Vec::new();
    for start in 0..goals.len() {
        let mut at = Some(start);
        while let Some(position) = at {
            match state[position] {
                DONE => break,
                ON_THE_WALK => {
                    let from = walk
                        .iter()
                        .position(|&on_walk| on_walk == position)
                        .expect("a goal on the walk is in it");
                    let first = *walk[from..].iter().min().expect("a loop has goals");
                    parents[first] = None;
                    let (place, goal) = &mut goals[first];
                    goal.parent = None;
                    let mut note = Note::new(
                        Subject::Goal(*place),
                        format!("goals[{place}].parent"),
                        None,
                        "was, through the goals above it, under itself; it is now a long-term goal."
                            .into(),
                    );
                    note.by_title = true;
                    notes.push(note);
                    break;
                }
                _ => {
                    state[position] = ON_THE_WALK;
                    walk.push(position);
                    at = parents[position];
                }
            }
        }
        for position in walk.drain(..) {
            state[position] = DONE;
        }
    }

    // Depth, from the long-term goals down; a goal that would sit below the
    // deepest level moves up beside its parent.
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); goals.len()];
    let mut queue = VecDeque::new();
    for (position, parent) in parents.iter().enumerate() {
        match parent {
            Some(parent) => children[*parent].push(position),
            None => queue.push_back(position),
        }
    }
    let mut depth = vec![0usize; goals.len()];
    while let Some(goal) = queue.pop_front() {
        for &child in &children[goal] {
            if depth[goal] >= MAX_DEPTH {
                let above = parents[goal].expect("a goal below the top has a parent");
                parents[child] = Some(above);
                let new_parent = goals[above].1.id.clone();
                let (place, moved) = &mut goals[child];
                moved.parent = Some(new_parent);
                let mut note = Note::new(
                    Subject::Goal(*place),
                    format!("goals[{place}].parent"),
                    None,
                    "was nested deeper than the four levels a plan has; it now sits under {other}."
                        .into(),
                );
                note.by_title = true;
                note.other = Some(Subject::Goal(goals[above].0));
                notes.push(note);
                depth[child] = MAX_DEPTH;
            } else {
                depth[child] = depth[goal] + 1;
            }
            queue.push_back(child);
        }
    }
}

/// Brings every score and weight within what the app offers (step 7).
fn mend_ranges(plan: &mut Plan, assets_from: &[usize], notes: &mut Vec<Note>) {
    let mut within = |value: &mut u8,
                      range: &RangeInclusive<u8>,
                      subject: Subject,
                      path: String,
                      name: &'static str| {
        if !range.contains(value) {
            let (mended, said) = mend_number(f64::from(*value), &value.to_string(), range);
            *value = mended;
            notes.push(Note::new(subject, path, Some(name), said));
        }
    };
    let vision = &mut plan.vision;
    if let Some(years) = &mut vision.horizon_years {
        within(
            years,
            &HORIZON_YEARS,
            Subject::Vision,
            "vision.horizon_years".into(),
            "time horizon",
        );
    }
    if let Some(score) = &mut vision.excitement {
        within(
            score,
            &EXCITEMENT_SCORES,
            Subject::Vision,
            "vision.excitement".into(),
            "excitement score",
        );
    }
    let success = &mut vision.success;
    for (key, facet, name) in [
        (
            "money",
            &mut success.money,
            "weight of “Money” in what success means",
        ),
        (
            "accomplishments",
            &mut success.accomplishments,
            "weight of “Accomplishments” in what success means",
        ),
        (
            "mission",
            &mut success.mission,
            "weight of “A larger mission” in what success means",
        ),
        (
            "own_terms",
            &mut success.own_terms,
            "weight of “On my own terms” in what success means",
        ),
    ] {
        within(
            &mut facet.weight,
            &SUCCESS_WEIGHTS,
            Subject::Vision,
            format!("vision.success.{key}.weight"),
            name,
        );
    }
    for (at, version) in vision.history.iter_mut().enumerate() {
        if let Some(years) = &mut version.horizon_years {
            within(
                years,
                &HORIZON_YEARS,
                Subject::EarlierVision(at),
                format!("vision.history[{at}].horizon_years"),
                "time horizon",
            );
        }
        if let Some(score) = &mut version.excitement {
            within(
                score,
                &EXCITEMENT_SCORES,
                Subject::EarlierVision(at),
                format!("vision.history[{at}].excitement"),
                "excitement score",
            );
        }
    }
    for (asset, &place) in plan.assets.iter_mut().zip(assets_from) {
        if let Some(level) = &mut asset.level {
            within(
                level,
                &ASSET_STRENGTHS,
                Subject::Asset(place),
                format!("assets[{place}].level"),
                "strength",
            );
        }
    }
}
