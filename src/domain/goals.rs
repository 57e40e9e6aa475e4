//! The goal tree: long-term goals, the short-term goals under them and the
//! steps under those, stored flat in `Plan::goals` with a parent id.
//!
//! Every change goes through a function here, so the tree stays a tree.

use super::calendar::{Date, Timestamp};
use super::plan::{Goal, GoalStatus, Id, Plan};
use super::rank::Rank;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// Depth 0 is a long-term goal, 1 a short-term goal, 2 a step, and 3 a
/// sub-step for a step that turned out to be big.
pub const MAX_DEPTH: usize = 3;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoalLevel {
    LongTerm,
    ShortTerm,
    Step,
}

impl GoalLevel {
    pub fn at_depth(depth: usize) -> Self {
        match depth {
            0 => Self::LongTerm,
            1 => Self::ShortTerm,
            _ => Self::Step,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::LongTerm => "Long-term goal",
            Self::ShortTerm => "Short-term goal",
            Self::Step => "Step",
        }
    }

    /// What a child of a goal at this level is called.
    pub fn child_label(self) -> &'static str {
        match self {
            Self::LongTerm => "short-term goal",
            Self::ShortTerm | Self::Step => "step",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GoalError {
    NotFound(Id),
    TooDeep,
    WouldCreateCycle,
}

impl fmt::Display for GoalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotFound(id) => write!(f, "no goal with id {id}"),
            Self::TooDeep => write!(
                f,
                "goals nest at most {} levels deep (long-term goal, short-term goal, step, sub-step)",
                MAX_DEPTH + 1
            ),
            Self::WouldCreateCycle => write!(f, "a goal cannot be moved under itself"),
        }
    }
}

/// Done and total steps under a goal. A step is a goal with nothing under it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

impl Progress {
    /// Percent done, to the nearest whole percent, or `None` when there is
    /// nothing to count yet. It says 100 only when every step is done and 0
    /// only when none is, however close the rounding comes.
    pub fn percent(self) -> Option<u8> {
        if self.total == 0 {
            return None;
        }
        let nearest = (self.done * 200 + self.total) / (self.total * 2);
        let percent = match self.done {
            0 => 0,
            done if done >= self.total => 100,
            _ => nearest.clamp(1, 99),
        };
        Some(percent as u8)
    }

    fn add(self, other: Progress) -> Progress {
        Progress {
            done: self.done + other.done,
            total: self.total + other.total,
        }
    }
}

/// A read-only view of the tree for walks over the plan (ancestors,
/// subtrees, the ranking of open steps), built once in O(n). Progress and
/// next steps come from the plan's [`Outline`], where their rules are
/// written, so every screen counts them the same way.
pub struct GoalTree<'a> {
    plan: &'a Plan,
    outline: Outline,
}

impl<'a> GoalTree<'a> {
    pub fn new(plan: &'a Plan) -> Self {
        Self {
            plan,
            outline: Outline::of(plan),
        }
    }

    /// The goal, if it is in the tree (a goal cut off from it by a missing
    /// parent is not).
    pub fn get(&self, id: &Id) -> Option<&'a Goal> {
        let entry = self.outline.entry(id)?;
        Some(&self.plan.goals[entry.position])
    }

    fn at(&self, position: usize) -> &'a Goal {
        &self.plan.goals[position]
    }

    /// The goals directly under `parent` (the long-term goals for `None`), in order.
    pub fn children(&self, parent: Option<&Id>) -> impl Iterator<Item = &'a Goal> + '_ {
        let positions: &[usize] = match parent {
            None => self.outline.roots(),
            Some(id) => self
                .outline
                .entry(id)
                .map_or(&[], |entry| self.outline.children_at(entry.position)),
        };
        positions.iter().map(|&at| self.at(at))
    }

    pub fn has_children(&self, id: &Id) -> bool {
        self.outline
            .entry(id)
            .is_some_and(|entry| !self.outline.children_at(entry.position).is_empty())
    }

    /// The goal's ancestors, the long-term goal first.
    pub fn ancestors(&self, id: &Id) -> Vec<&'a Goal> {
        let mut path = Vec::new();
        let mut current = self.outline.entry(id).map(|entry| entry.position);
        while let Some(parent) = current.and_then(|at| self.outline.parent_at(at)) {
            path.push(self.at(parent));
            current = Some(parent);
        }
        path.reverse();
        path
    }

    pub fn depth(&self, id: &Id) -> usize {
        self.outline.entry(id).map_or(0, |entry| entry.depth)
    }

    /// The goal and everything under it, parents before children.
    pub fn subtree(&self, id: &Id) -> Vec<&'a Goal> {
        let mut found = Vec::new();
        let mut to_visit: Vec<usize> = self
            .outline
            .entry(id)
            .map(|e| e.position)
            .into_iter()
            .collect();
        while let Some(at) = to_visit.pop() {
            found.push(self.at(at));
            to_visit.extend(self.outline.children_at(at).iter().rev());
        }
        found
    }

    /// How many levels lie below the goal (0 for a step with nothing under it).
    pub fn height(&self, id: &Id) -> usize {
        let Some(top) = self.outline.entry(id) else {
            return 0;
        };
        self.subtree(id)
            .iter()
            .filter_map(|goal| self.outline.entry(&goal.id))
            .map(|entry| entry.depth - top.depth)
            .max()
            .unwrap_or(0)
    }

    /// Steps done out of steps counted under (or at) this goal (see
    /// [`Outline`] for what counts).
    pub fn progress(&self, id: &Id) -> Progress {
        self.outline
            .entry(id)
            .map(|entry| entry.progress)
            .unwrap_or_default()
    }

    /// Progress over every long-term goal.
    pub fn overall_progress(&self) -> Progress {
        self.outline
            .roots()
            .iter()
            .filter_map(|&at| self.outline.entry_at(at))
            .map(|entry| entry.progress)
            .fold(Progress::default(), Progress::add)
    }

    /// The next step to take under a goal (see [`Outline`] for which).
    pub fn next_step(&self, id: &Id) -> Option<&'a Goal> {
        let next = self.outline.entry(id)?.next_step?;
        Some(self.at(next))
    }

    /// Every open or in-progress step under (or at) a goal, in order.
    pub fn open_steps(&self, id: &Id) -> Vec<&'a Goal> {
        let mut steps = Vec::new();
        let mut to_visit: Vec<usize> = self
            .outline
            .entry(id)
            .map(|e| e.position)
            .into_iter()
            .collect();
        while let Some(at) = to_visit.pop() {
            let children = self.outline.children_at(at);
            match OpenWork::of(self.at(at).status, children.is_empty()) {
                OpenWork::Closed => {}
                OpenWork::Step => steps.push(self.at(at)),
                OpenWork::Below => to_visit.extend(children.iter().rev()),
            }
        }
        steps
    }

    /// The one step that matters most now across the whole plan.
    pub fn plan_next_step(&self) -> Option<&'a Goal> {
        self.ranked_open_steps().into_iter().next()
    }

    /// Every open step in the plan, most pressing first: work in progress,
    /// then the nearest target date (a step inherits the date of its nearest
    /// dated goal), then the person's own order.
    pub fn ranked_open_steps(&self) -> Vec<&'a Goal> {
        let mut ranked: Vec<(UrgencyRank, &'a Goal)> = self
            .children(None)
            .flat_map(|root| self.open_steps(&root.id))
            .enumerate()
            .map(|(order, step)| {
                let date = self.effective_target_date(step);
                let rank = UrgencyRank {
                    not_started: step.status != GoalStatus::InProgress,
                    undated: date.is_none(),
                    date,
                    order,
                };
                (rank, step)
            })
            .collect();
        ranked.sort_by_key(|(rank, _)| *rank);
        ranked.into_iter().map(|(_, step)| step).collect()
    }

    /// The step's own target date, or that of its nearest dated ancestor.
    pub fn effective_target_date(&self, goal: &Goal) -> Option<Date> {
        goal.target_date.or_else(|| {
            self.ancestors(&goal.id)
                .iter()
                .rev()
                .find_map(|ancestor| ancestor.target_date)
        })
    }

    /// The plan's outline, for views that keep one.
    pub fn outline(&self) -> &Outline {
        &self.outline
    }
}

/// Where open work lies at a goal: the one rule behind next steps and the
/// list of open steps. Work under a done or dropped goal is not open; a goal
/// with nothing under it is a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum OpenWork {
    Closed,
    Step,
    Below,
}

impl OpenWork {
    fn of(status: GoalStatus, is_step: bool) -> Self {
        match (status.is_active(), is_step) {
            (false, _) => Self::Closed,
            (true, true) => Self::Step,
            (true, false) => Self::Below,
        }
    }
}

/// Sorts steps: work in progress first, then dated before undated, earlier
/// dates first, then the person's own order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct UrgencyRank {
    not_started: bool,
    undated: bool,
    date: Option<Date>,
    order: usize,
}

/// What the goal list shows for one goal.
#[derive(Clone, Debug, PartialEq)]
pub struct OutlineEntry {
    /// Index in `Plan::goals`.
    pub position: usize,
    pub depth: usize,
    pub status: GoalStatus,
    pub target_date: Option<Date>,
    pub progress: Progress,
    /// Where the next step under this goal is in `Plan::goals`.
    pub next_step: Option<usize>,
    /// The latest date set under this goal, when it comes after the goal's own.
    pub late_date: Option<Date>,
    /// What the goal above rolls up: the first open step and the first step
    /// in progress under (or at) this goal, and the latest date set below it.
    first_open: Option<usize>,
    first_in_progress: Option<usize>,
    latest_below: Option<Date>,
}

/// The shape of the goal tree (who is under whom, each goal's status and
/// date) with each goal's roll-ups, built in one pass over the plan and
/// shared by every row of the goal list. Renaming a goal or editing its notes
/// leaves the shape as it was, which [`Outline::has_shape_of`] tells without
/// building a new one; a change to one goal's status or date is followed by
/// [`Outline::follow_edit`], which redoes that goal's roll-ups and those of
/// the goals above it.
///
/// The rules of progress and next steps live here, in [`Outline::roll_up`],
/// and nowhere else: a step is a goal with nothing under it; dropped work
/// counts for nothing; a goal marked done counts every step under it as
/// done; a goal's next step is its first step in progress, else its first
/// open step, in the person's order, skipping work under done or dropped
/// goals.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outline {
    /// Ids in the plan's order.
    ids: Vec<Id>,
    position_of: HashMap<Id, usize>,
    /// By position; `None` for a goal cut off from the tree (validation refuses
    /// such plans, but the outline must not loop or panic on one).
    entries: Vec<Option<OutlineEntry>>,
    parents: Vec<Option<usize>>,
    /// Positions of each goal's children in order, by position.
    children: Vec<Vec<usize>>,
    roots: Vec<usize>,
}

impl Outline {
    pub fn of(plan: &Plan) -> Self {
        let count = plan.goals.len();
        let ids: Vec<Id> = plan.goals.iter().map(|goal| goal.id.clone()).collect();
        let position_of: HashMap<Id, usize> = ids
            .iter()
            .enumerate()
            .map(|(position, id)| (id.clone(), position))
            .collect();
        let mut outline = Self {
            ids,
            position_of,
            entries: vec![None; count],
            parents: vec![None; count],
            children: vec![Vec::new(); count],
            roots: Vec::new(),
        };
        for (position, goal) in plan.goals.iter().enumerate() {
            match &goal.parent {
                None => outline.roots.push(position),
                // A goal whose parent is missing is cut off from the tree:
                // not shown, and counted for nothing.
                Some(parent) => {
                    if let Some(&at) = outline.position_of.get(parent) {
                        outline.parents[position] = Some(at);
                        outline.children[at].push(position);
                    }
                }
            }
        }

        // Parents come before their children in this order, so walking it
        // backwards sees every child before its parent. Only goals reachable
        // from a long-term goal are in it.
        let mut top_down = Vec::with_capacity(count);
        let mut depths = vec![0; count];
        let mut stack: Vec<usize> = outline.roots.iter().rev().copied().collect();
        while let Some(position) = stack.pop() {
            top_down.push(position);
            for &child in outline.children[position].iter().rev() {
                depths[child] = depths[position] + 1;
                stack.push(child);
            }
        }
        for &position in top_down.iter().rev() {
            outline.entries[position] = Some(outline.roll_up(plan, position, depths[position]));
        }
        outline
    }

    /// The entry of the goal at `position`, from the entries of its children.
    fn roll_up(&self, plan: &Plan, position: usize, depth: usize) -> OutlineEntry {
        let goal = &plan.goals[position];
        let under = || {
            self.children[position]
                .iter()
                .filter_map(|&child| self.entries[child].as_ref())
        };
        let is_step = self.children[position].is_empty();
        let progress = if goal.status == GoalStatus::Dropped {
            Progress::default()
        } else if is_step {
            Progress {
                done: usize::from(goal.status == GoalStatus::Done),
                total: 1,
            }
        } else {
            let summed = under()
                .map(|entry| entry.progress)
                .fold(Progress::default(), Progress::add);
            // A goal marked done counts every step under it as done.
            if goal.status == GoalStatus::Done {
                Progress {
                    done: summed.total,
                    total: summed.total,
                }
            } else {
                summed
            }
        };
        let (first_open, first_in_progress) = match OpenWork::of(goal.status, is_step) {
            OpenWork::Closed => (None, None),
            OpenWork::Step => (
                Some(position),
                (goal.status == GoalStatus::InProgress).then_some(position),
            ),
            OpenWork::Below => (
                under().find_map(|entry| entry.first_open),
                under().find_map(|entry| entry.first_in_progress),
            ),
        };
        let latest_below = under()
            .flat_map(|entry| {
                let counted = entry.status != GoalStatus::Dropped;
                [entry.target_date.filter(|_| counted), entry.latest_below]
            })
            .flatten()
            .max();
        OutlineEntry {
            position,
            depth,
            status: goal.status,
            target_date: goal.target_date,
            progress,
            next_step: first_in_progress.or(first_open),
            late_date: goal
                .target_date
                .and(latest_below)
                .filter(|latest| Some(*latest) > goal.target_date),
            first_open,
            first_in_progress,
            latest_below,
        }
    }

    /// Follows a change to one goal's own fields (its status or date; not
    /// where it sits) by redoing its roll-ups and those of every goal above
    /// it. Returns the positions of those goals, the edited one first, or
    /// `None` when the goal is not in the outline.
    pub fn follow_edit(&mut self, plan: &Plan, id: &Id) -> Option<Vec<usize>> {
        let mut position = *self.position_of.get(id)?;
        let mut redone = Vec::new();
        loop {
            let depth = self.entries[position].as_ref()?.depth;
            self.entries[position] = Some(self.roll_up(plan, position, depth));
            redone.push(position);
            match self.parents[position] {
                Some(parent) => position = parent,
                None => return Some(redone),
            }
        }
    }

    /// Whether this outline still describes `plan`: the same goals in the same
    /// order under the same parents, with the same statuses and dates. Costs
    /// a comparison per goal and no allocation, so it can run per keystroke.
    /// A plan with a goal cut off from the tree (which validation refuses)
    /// never matches, so its outline is simply built again.
    pub fn has_shape_of(&self, plan: &Plan) -> bool {
        self.ids.len() == plan.goals.len()
            && plan.goals.iter().enumerate().all(|(position, goal)| {
                self.ids[position] == goal.id
                    && goal.parent.as_ref() == self.parents[position].map(|at| &self.ids[at])
                    && self.entries[position].as_ref().is_some_and(|entry| {
                        entry.status == goal.status && entry.target_date == goal.target_date
                    })
            })
    }

    /// Ids of the goals under `parent` (the long-term goals for `None`), in order.
    pub fn children(&self, parent: Option<&Id>) -> impl ExactSizeIterator<Item = &Id> + '_ {
        let positions: &[usize] = match parent {
            None => &self.roots,
            Some(id) => self
                .position_of
                .get(id)
                .map_or(&[], |&at| self.children[at].as_slice()),
        };
        positions.iter().map(|&at| &self.ids[at])
    }

    /// Positions of the goals under the goal at `position`, in order.
    pub fn children_at(&self, position: usize) -> &[usize] {
        &self.children[position]
    }

    /// The position of the goal above the one at `position`, if any.
    pub fn parent_at(&self, position: usize) -> Option<usize> {
        self.parents[position]
    }

    /// Positions of the long-term goals, in order.
    pub fn roots(&self) -> &[usize] {
        &self.roots
    }

    pub fn entry(&self, id: &Id) -> Option<&OutlineEntry> {
        self.entry_at(*self.position_of.get(id)?)
    }

    /// The entry of the goal at `position` in `Plan::goals`.
    pub fn entry_at(&self, position: usize) -> Option<&OutlineEntry> {
        self.entries.get(position)?.as_ref()
    }

    pub fn id_at(&self, position: usize) -> &Id {
        &self.ids[position]
    }
}

/// Adds goals given as (id, parent, title), in order: the trees tests start from.
#[cfg(test)]
pub(crate) fn add_goals(plan: &mut Plan, goals: &[(&str, Option<&str>, &str)], now: Timestamp) {
    for &(id, parent, title) in goals {
        let new_goal = NewGoal {
            id: Id::from(id),
            parent: parent.map(Id::from),
            title: title.into(),
        };
        add_goal(plan, new_goal, now).expect("a test's tree is valid");
    }
}

/// What the person gives when adding a goal.
pub struct NewGoal {
    pub id: Id,
    pub parent: Option<Id>,
    pub title: String,
}

/// Adds a goal as the last child of its parent (or as the last long-term goal).
pub fn add_goal(plan: &mut Plan, new_goal: NewGoal, now: Timestamp) -> Result<(), GoalError> {
    if let Some(parent) = &new_goal.parent {
        let tree = GoalTree::new(plan);
        if tree.get(parent).is_none() {
            return Err(GoalError::NotFound(parent.clone()));
        }
        if tree.depth(parent) + 1 > MAX_DEPTH {
            return Err(GoalError::TooDeep);
        }
    }
    let rank = plan
        .goals
        .iter()
        .filter(|goal| goal.parent == new_goal.parent)
        .map(|goal| &goal.rank)
        .max()
        .map_or_else(Rank::first, Rank::after);
    // Goals are kept in outline order: a last child goes at the end of its
    // parent's branch.
    let at = match &new_goal.parent {
        None => plan.goals.len(),
        Some(parent) => {
            let position = plan
                .goals
                .iter()
                .position(|goal| &goal.id == parent)
                .expect("found in the tree above");
            branch_end(&plan.goals, position)
        }
    };
    plan.goals.insert(
        at,
        Goal {
            id: new_goal.id,
            parent: new_goal.parent,
            wanted_parent: None,
            rank,
            title: new_goal.title.trim().to_owned(),
            status: GoalStatus::Open,
            target_date: None,
            notes: String::new(),
            created_at: now,
            completed_at: None,
            dropped_reason: None,
            from_option: None,
            updated_at: now,
        },
    );
    plan.updated_at = Some(now);
    Ok(())
}

/// Where the branch of the goal at `position` ends (everything under it
/// follows it in outline order): the position just past its last goal.
fn branch_end(goals: &[Goal], position: usize) -> usize {
    let mut inside: HashSet<&Id> = HashSet::from([&goals[position].id]);
    let mut end = position + 1;
    while let Some(goal) = goals.get(end) {
        match &goal.parent {
            Some(parent) if inside.contains(parent) => {
                inside.insert(&goal.id);
                end += 1;
            }
            _ => break,
        }
    }
    end
}

/// Edits of one goal's own fields (its words, status and dates; never where
/// it sits), each stamping the goal with the change's time. The store's
/// single-goal edit hands its closure a `&mut Goal`, so such an edit cannot
/// reach any other goal.
impl Goal {
    pub fn rename(&mut self, title: &str, now: Timestamp) {
        self.title = title.to_owned();
        self.updated_at = now;
    }

    pub fn set_notes(&mut self, notes: &str, now: Timestamp) {
        self.notes = notes.to_owned();
        self.updated_at = now;
    }

    pub fn set_target_date(&mut self, target_date: Option<Date>, now: Timestamp) {
        self.target_date = target_date;
        self.updated_at = now;
    }

    /// Sets the status; records when a goal is completed and forgets it when
    /// reopened.
    pub fn set_status(&mut self, status: GoalStatus, now: Timestamp) {
        if status == GoalStatus::Done && self.status != GoalStatus::Done {
            self.completed_at = Some(now);
        } else if status != GoalStatus::Done {
            self.completed_at = None;
        }
        if status != GoalStatus::Dropped {
            self.dropped_reason = None;
        }
        self.status = status;
        self.updated_at = now;
    }

    /// Done, or open again: what a goal's checkbox and Ctrl+Enter do.
    pub fn toggle_done(&mut self, now: Timestamp) {
        let next = if self.status == GoalStatus::Done {
            GoalStatus::Open
        } else {
            GoalStatus::Done
        };
        self.set_status(next, now);
    }

    /// Drops the goal, keeping it in the record with the reason.
    pub fn drop_because(&mut self, reason: &str, now: Timestamp) {
        self.set_status(GoalStatus::Dropped, now);
        self.dropped_reason = Some(reason.trim().to_owned()).filter(|r| !r.is_empty());
    }
}

/// Edits goal `id` of the plan in place and stamps the plan with the same time.
fn edit_goal(
    plan: &mut Plan,
    id: &Id,
    now: Timestamp,
    change: impl FnOnce(&mut Goal),
) -> Result<(), GoalError> {
    let goal = plan
        .goal_mut(id)
        .ok_or_else(|| GoalError::NotFound(id.clone()))?;
    change(goal);
    plan.updated_at = Some(now);
    Ok(())
}

pub fn rename_goal(plan: &mut Plan, id: &Id, title: &str, now: Timestamp) -> Result<(), GoalError> {
    edit_goal(plan, id, now, |goal| goal.rename(title, now))
}

pub fn set_notes(plan: &mut Plan, id: &Id, notes: &str, now: Timestamp) -> Result<(), GoalError> {
    edit_goal(plan, id, now, |goal| goal.set_notes(notes, now))
}

pub fn set_target_date(
    plan: &mut Plan,
    id: &Id,
    target_date: Option<Date>,
    now: Timestamp,
) -> Result<(), GoalError> {
    edit_goal(plan, id, now, |goal| goal.set_target_date(target_date, now))
}

/// Sets the status (see [`Goal::set_status`]).
pub fn set_status(
    plan: &mut Plan,
    id: &Id,
    status: GoalStatus,
    now: Timestamp,
) -> Result<(), GoalError> {
    edit_goal(plan, id, now, |goal| goal.set_status(status, now))
}

pub fn mark_done(plan: &mut Plan, id: &Id, now: Timestamp) -> Result<(), GoalError> {
    set_status(plan, id, GoalStatus::Done, now)
}

/// Drops a goal, keeping it in the record with the reason.
pub fn drop_goal(plan: &mut Plan, id: &Id, reason: &str, now: Timestamp) -> Result<(), GoalError> {
    edit_goal(plan, id, now, |goal| goal.drop_because(reason, now))
}

/// Moves a goal (with everything under it) to `index` among the children of
/// `new_parent`; an index past the end puts it last.
pub fn move_goal(
    plan: &mut Plan,
    id: &Id,
    new_parent: Option<&Id>,
    index: usize,
    now: Timestamp,
) -> Result<(), GoalError> {
    let from = {
        let tree = GoalTree::new(plan);
        if tree.get(id).is_none() {
            return Err(GoalError::NotFound(id.clone()));
        }
        let parent_depth = match new_parent {
            None => None,
            Some(parent) => {
                if tree.get(parent).is_none() {
                    return Err(GoalError::NotFound(parent.clone()));
                }
                if parent == id || tree.ancestors(parent).iter().any(|g| &g.id == id) {
                    return Err(GoalError::WouldCreateCycle);
                }
                Some(tree.depth(parent))
            }
        };
        let new_depth = parent_depth.map_or(0, |depth| depth + 1);
        if new_depth + tree.height(id) > MAX_DEPTH {
            return Err(GoalError::TooDeep);
        }
        plan.goals
            .iter()
            .position(|goal| &goal.id == id)
            .expect("found in the tree above")
    };

    // The branch leaves the list, and goes back in before the sibling it
    // will precede, or at the end of its new parent's branch.
    let branch: Vec<Goal> = plan
        .goals
        .drain(from..branch_end(&plan.goals, from))
        .collect();
    let mut goal_rank = branch[0].rank.clone();
    let stays = branch[0].parent.as_ref() == new_parent;
    let siblings: Vec<usize> = plan
        .goals
        .iter()
        .enumerate()
        .filter(|(_, other)| other.parent.as_ref() == new_parent)
        .map(|(position, _)| position)
        .collect();
    let index = index.min(siblings.len());
    let before = index.checked_sub(1).map(|at| siblings[at]);
    let after = siblings.get(index).copied();
    let fits = |rank: &Rank, plan: &Plan| {
        before.is_none_or(|at| plan.goals[at].rank < *rank)
            && after.is_none_or(|at| *rank < plan.goals[at].rank)
    };
    // A goal that stays where it was keeps its rank; any other takes one
    // between its new neighbours.
    if !(stays && fits(&goal_rank, plan)) {
        goal_rank = rank_between(plan, &siblings, index, now);
    }
    let insert_at = match (after, new_parent) {
        (Some(next), _) => next,
        (None, None) => plan.goals.len(),
        (None, Some(parent)) => {
            let position = plan
                .goals
                .iter()
                .position(|goal| &goal.id == parent)
                .expect("checked above");
            branch_end(&plan.goals, position)
        }
    };
    plan.goals.splice(insert_at..insert_at, branch);
    let goal = &mut plan.goals[insert_at];
    goal.parent = new_parent.cloned();
    goal.wanted_parent = None;
    goal.rank = goal_rank;
    goal.updated_at = now;
    plan.updated_at = Some(now);
    Ok(())
}

/// A rank for a goal going in at `index` among `siblings` (positions in the
/// plan's goals, in order). Two siblings can share a rank (each device gave
/// it to a goal of its own): to go between them, the later ones move on,
/// each stamped with `now`.
fn rank_between(plan: &mut Plan, siblings: &[usize], index: usize, now: Timestamp) -> Rank {
    let rank_at = |plan: &Plan, at: usize| plan.goals[siblings[at]].rank.clone();
    let low = index.checked_sub(1).map(|at| rank_at(plan, at));
    let high = (index < siblings.len()).then(|| rank_at(plan, index));
    if let Some(rank) = Rank::between(low.as_ref(), high.as_ref()) {
        return rank;
    }
    // The siblings on either side share a rank.
    let lowest_above = |plan: &Plan, floor: &Rank| {
        siblings
            .iter()
            .map(|&at| &plan.goals[at].rank)
            .filter(|rank| *rank > floor)
            .min()
            .cloned()
    };
    let low = low.expect("there is always room below a rank");
    let rank = Rank::between(Some(&low), lowest_above(plan, &low).as_ref())
        .expect("room up to the next rank");
    let mut floor = rank.clone();
    for &at in &siblings[index..] {
        if plan.goals[at].rank > floor {
            break;
        }
        floor = Rank::between(Some(&floor), lowest_above(plan, &floor).as_ref())
            .expect("room up to the next rank");
        let sibling = &mut plan.goals[at];
        sibling.rank = floor.clone();
        sibling.updated_at = now;
    }
    rank
}

/// Adds a goal right after `sibling`, under the same parent (Enter in the outliner).
pub fn add_goal_after(
    plan: &mut Plan,
    sibling: &Id,
    id: Id,
    title: &str,
    now: Timestamp,
) -> Result<(), GoalError> {
    let (parent, index) = place_of(plan, sibling)?;
    add_goal(
        plan,
        NewGoal {
            id: id.clone(),
            parent: parent.clone(),
            title: title.to_owned(),
        },
        now,
    )?;
    move_goal(plan, &id, parent.as_ref(), index + 1, now)
}

/// The goal's parent and its index among its siblings.
fn place_of(plan: &Plan, id: &Id) -> Result<(Option<Id>, usize), GoalError> {
    let goal = plan
        .goal(id)
        .ok_or_else(|| GoalError::NotFound(id.clone()))?;
    let index = plan
        .goals
        .iter()
        .filter(|other| other.parent == goal.parent)
        .position(|other| &other.id == id)
        .expect("a goal is among its own siblings");
    Ok((goal.parent.clone(), index))
}

/// Makes a goal the last child of the sibling above it (Tab in the outliner).
/// Returns `Ok(false)` when there is no sibling above.
pub fn indent_goal(plan: &mut Plan, id: &Id, now: Timestamp) -> Result<bool, GoalError> {
    let (parent, index) = place_of(plan, id)?;
    if index == 0 {
        return Ok(false);
    }
    let above = plan
        .goals
        .iter()
        .filter(|other| other.parent == parent)
        .nth(index - 1)
        .map(|goal| goal.id.clone())
        .expect("index - 1 is a sibling");
    move_goal(plan, id, Some(&above), usize::MAX, now)?;
    Ok(true)
}

/// Makes a goal the sibling right after its parent (Shift+Tab in the outliner).
/// Returns `Ok(false)` for a long-term goal, which has nowhere to go.
pub fn outdent_goal(plan: &mut Plan, id: &Id, now: Timestamp) -> Result<bool, GoalError> {
    let Some(parent) = plan.goal(id).and_then(|goal| goal.parent.clone()) else {
        return match plan.goal(id) {
            Some(_) => Ok(false),
            None => Err(GoalError::NotFound(id.clone())),
        };
    };
    let (grandparent, parent_index) = place_of(plan, &parent)?;
    move_goal(plan, id, grandparent.as_ref(), parent_index + 1, now)?;
    Ok(true)
}

/// Moves a goal one place up (`-1`) or down (`1`) among its siblings.
/// Returns `Ok(false)` when it is already first or last.
pub fn shift_goal(
    plan: &mut Plan,
    id: &Id,
    offset: isize,
    now: Timestamp,
) -> Result<bool, GoalError> {
    let (parent, index) = place_of(plan, id)?;
    let siblings = plan
        .goals
        .iter()
        .filter(|other| other.parent == parent)
        .count();
    let Some(target) = index
        .checked_add_signed(offset)
        .filter(|&target| target < siblings)
    else {
        return Ok(false);
    };
    move_goal(plan, id, parent.as_ref(), target, now)?;
    Ok(true)
}

/// Moves a goal next to `target`, before or after it, under the same parent
/// (where a dragged goal is dropped).
pub fn move_goal_beside(
    plan: &mut Plan,
    id: &Id,
    target: &Id,
    after: bool,
    now: Timestamp,
) -> Result<(), GoalError> {
    if id == target {
        return Ok(());
    }
    let parent = plan
        .goal(target)
        .ok_or_else(|| GoalError::NotFound(target.clone()))?
        .parent
        .clone();
    // The target's index among its siblings once the moved goal has left them.
    let index = plan
        .goals
        .iter()
        .filter(|other| other.parent == parent && &other.id != id)
        .position(|other| &other.id == target)
        .expect("the target is among its own siblings");
    move_goal(plan, id, parent.as_ref(), index + usize::from(after), now)
}

/// What a removal took out of the plan, in the terms the person is told it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removed {
    /// The title of the goal the person removed.
    pub title: String,
    /// That goal and everything that was under it.
    pub count: usize,
}

/// Removes a goal and everything under it. Bringing them back is the
/// history's work (undo), not a second path.
pub fn remove_goal(plan: &mut Plan, id: &Id, now: Timestamp) -> Result<Removed, GoalError> {
    let (title, doomed): (String, HashSet<Id>) = {
        let tree = GoalTree::new(plan);
        let goal = tree
            .get(id)
            .ok_or_else(|| GoalError::NotFound(id.clone()))?;
        let doomed = tree.subtree(id).into_iter().map(|g| g.id.clone()).collect();
        (goal.title.clone(), doomed)
    };
    let records: Vec<(Id, Option<Id>)> = plan
        .goals
        .iter()
        .filter(|goal| doomed.contains(&goal.id))
        .map(|goal| (goal.id.clone(), goal.parent.clone()))
        .collect();
    for (id, parent) in &records {
        plan.remember_removal(id, parent.as_ref(), now);
    }
    plan.goals.retain(|goal| !doomed.contains(&goal.id));
    plan.updated_at = Some(now);
    Ok(Removed {
        title,
        count: doomed.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: i64) -> Timestamp {
        Timestamp::from_seconds(1_790_000_000 + seconds)
    }

    fn add(plan: &mut Plan, id: &str, parent: Option<&str>) {
        add_goal(
            plan,
            NewGoal {
                id: Id::from(id),
                parent: parent.map(Id::from),
                title: format!("  {id}  "),
            },
            at(0),
        )
        .unwrap();
    }

    /// author > agent > (query letters, shortlist agents); author > manuscript > draft
    fn sample_plan() -> Plan {
        let mut plan = Plan::default();
        add(&mut plan, "author", None);
        add(&mut plan, "agent", Some("author"));
        add(&mut plan, "shortlist", Some("agent"));
        add(&mut plan, "letters", Some("agent"));
        add(&mut plan, "manuscript", Some("author"));
        add(&mut plan, "draft", Some("manuscript"));
        plan
    }

    fn titles<'a>(goals: impl IntoIterator<Item = &'a Goal>) -> Vec<&'a str> {
        goals.into_iter().map(|g| g.title.as_str()).collect()
    }

    #[test]
    fn adding_builds_a_three_level_tree_with_trimmed_titles() {
        let plan = sample_plan();
        let tree = GoalTree::new(&plan);
        assert_eq!(titles(tree.children(None)), ["author"]);
        assert_eq!(
            titles(tree.children(Some(&Id::from("author")))),
            ["agent", "manuscript"]
        );
        assert_eq!(tree.depth(&Id::from("letters")), 2);
        assert_eq!(
            GoalLevel::at_depth(tree.depth(&Id::from("agent"))),
            GoalLevel::ShortTerm
        );
        assert_eq!(plan.updated_at, Some(at(0)));
    }

    #[test]
    fn adding_under_a_missing_or_too_deep_parent_fails() {
        let mut plan = sample_plan();
        add(&mut plan, "sub-step", Some("letters"));
        let too_deep = add_goal(
            &mut plan,
            NewGoal {
                id: Id::from("x"),
                parent: Some(Id::from("sub-step")),
                title: "x".into(),
            },
            at(1),
        );
        assert_eq!(too_deep, Err(GoalError::TooDeep));
        let orphan = add_goal(
            &mut plan,
            NewGoal {
                id: Id::from("y"),
                parent: Some(Id::from("nowhere")),
                title: "y".into(),
            },
            at(1),
        );
        assert_eq!(orphan, Err(GoalError::NotFound(Id::from("nowhere"))));
    }

    #[test]
    fn editing_stamps_the_goal_and_the_plan() {
        let mut plan = sample_plan();
        let id = Id::from("draft");
        rename_goal(&mut plan, &id, "Write the first draft", at(5)).unwrap();
        set_notes(&mut plan, &id, "500 words a day", at(6)).unwrap();
        let date = Date::parse("2027-03-01").unwrap();
        set_target_date(&mut plan, &id, Some(date), at(7)).unwrap();
        let goal = plan.goal(&id).unwrap();
        assert_eq!(goal.title, "Write the first draft");
        assert_eq!(goal.notes, "500 words a day");
        assert_eq!(goal.target_date, Some(date));
        assert_eq!(goal.updated_at, at(7));
        assert_eq!(plan.updated_at, Some(at(7)));
        assert_eq!(
            rename_goal(&mut plan, &Id::from("ghost"), "x", at(8)),
            Err(GoalError::NotFound(Id::from("ghost")))
        );
    }

    #[test]
    fn marking_done_records_when_and_reopening_forgets() {
        let mut plan = sample_plan();
        let id = Id::from("letters");
        mark_done(&mut plan, &id, at(10)).unwrap();
        assert_eq!(plan.goal(&id).unwrap().completed_at, Some(at(10)));
        mark_done(&mut plan, &id, at(20)).unwrap();
        assert_eq!(
            plan.goal(&id).unwrap().completed_at,
            Some(at(10)),
            "marking done again keeps the first completion time"
        );
        set_status(&mut plan, &id, GoalStatus::Open, at(30)).unwrap();
        assert_eq!(plan.goal(&id).unwrap().completed_at, None);
    }

    #[test]
    fn dropping_keeps_the_goal_with_its_reason() {
        let mut plan = sample_plan();
        let id = Id::from("manuscript");
        drop_goal(&mut plan, &id, " self-publishing instead ", at(3)).unwrap();
        let goal = plan.goal(&id).unwrap();
        assert_eq!(goal.status, GoalStatus::Dropped);
        assert_eq!(
            goal.dropped_reason.as_deref(),
            Some("self-publishing instead")
        );
        set_status(&mut plan, &id, GoalStatus::Open, at(4)).unwrap();
        assert_eq!(plan.goal(&id).unwrap().dropped_reason, None);
    }

    #[test]
    fn progress_rolls_up_from_steps_and_skips_dropped_work() {
        let mut plan = sample_plan();
        let tree = GoalTree::new(&plan);
        assert_eq!(
            tree.progress(&Id::from("author")),
            Progress { done: 0, total: 3 }
        );
        assert_eq!(tree.progress(&Id::from("author")).percent(), Some(0));

        mark_done(&mut plan, &Id::from("shortlist"), at(1)).unwrap();
        drop_goal(&mut plan, &Id::from("draft"), "", at(1)).unwrap();
        let tree = GoalTree::new(&plan);
        assert_eq!(
            tree.progress(&Id::from("agent")),
            Progress { done: 1, total: 2 }
        );
        assert_eq!(
            tree.progress(&Id::from("author")),
            Progress { done: 1, total: 2 },
            "the dropped draft step no longer counts"
        );
        assert_eq!(tree.overall_progress().percent(), Some(50));
    }

    #[test]
    fn a_goal_marked_done_counts_its_steps_done() {
        let mut plan = sample_plan();
        mark_done(&mut plan, &Id::from("agent"), at(1)).unwrap();
        let tree = GoalTree::new(&plan);
        assert_eq!(
            tree.progress(&Id::from("author")),
            Progress { done: 2, total: 3 }
        );
    }

    #[test]
    fn percents_round_to_the_nearest_but_never_claim_all_or_nothing_early() {
        let percent = |done, total| Progress { done, total }.percent();
        assert_eq!(percent(2, 3), Some(67));
        assert_eq!(percent(1, 3), Some(33));
        assert_eq!(percent(1, 8), Some(13));
        assert_eq!(percent(199, 200), Some(99));
        assert_eq!(percent(1, 1000), Some(1));
        assert_eq!(percent(0, 5), Some(0));
        assert_eq!(percent(5, 5), Some(100));
        assert_eq!(percent(0, 0), None);
    }

    #[test]
    fn an_empty_plan_has_no_percent() {
        let plan = Plan::default();
        let tree = GoalTree::new(&plan);
        assert_eq!(tree.overall_progress(), Progress::default());
        assert_eq!(tree.overall_progress().percent(), None);
        assert_eq!(tree.plan_next_step(), None);
    }

    #[test]
    fn next_step_follows_order_and_prefers_work_in_progress() {
        let mut plan = sample_plan();
        let author = Id::from("author");
        assert_eq!(
            GoalTree::new(&plan).next_step(&author).unwrap().id,
            Id::from("shortlist")
        );
        mark_done(&mut plan, &Id::from("shortlist"), at(1)).unwrap();
        assert_eq!(
            GoalTree::new(&plan).next_step(&author).unwrap().id,
            Id::from("letters")
        );
        set_status(&mut plan, &Id::from("draft"), GoalStatus::InProgress, at(2)).unwrap();
        assert_eq!(
            GoalTree::new(&plan).next_step(&author).unwrap().id,
            Id::from("draft")
        );
    }

    #[test]
    fn a_goal_with_nothing_open_has_no_next_step() {
        let mut plan = sample_plan();
        for id in ["shortlist", "letters"] {
            mark_done(&mut plan, &Id::from(id), at(1)).unwrap();
        }
        assert_eq!(GoalTree::new(&plan).next_step(&Id::from("agent")), None);
        // A long-term goal with no steps yet is its own next step.
        add(&mut plan, "lonely", None);
        assert_eq!(
            GoalTree::new(&plan)
                .next_step(&Id::from("lonely"))
                .unwrap()
                .id,
            Id::from("lonely")
        );
    }

    #[test]
    fn plan_next_step_weighs_progress_then_dates_then_order() {
        let mut plan = sample_plan();
        add(&mut plan, "brand", None);
        add(&mut plan, "website", Some("brand"));
        let tree = GoalTree::new(&plan);
        assert_eq!(tree.plan_next_step().unwrap().id, Id::from("shortlist"));

        // A dated goal pulls its steps forward.
        let soon = Date::parse("2027-01-15").unwrap();
        set_target_date(&mut plan, &Id::from("brand"), Some(soon), at(1)).unwrap();
        let tree = GoalTree::new(&plan);
        assert_eq!(tree.plan_next_step().unwrap().id, Id::from("website"));
        assert_eq!(
            tree.effective_target_date(plan.goal(&Id::from("website")).unwrap()),
            Some(soon)
        );

        // Work in progress beats any date.
        set_status(
            &mut plan,
            &Id::from("letters"),
            GoalStatus::InProgress,
            at(2),
        )
        .unwrap();
        assert_eq!(
            GoalTree::new(&plan).plan_next_step().unwrap().id,
            Id::from("letters")
        );
    }

    #[test]
    fn ancestors_give_the_path_from_the_vision() {
        let plan = sample_plan();
        let tree = GoalTree::new(&plan);
        assert_eq!(
            titles(tree.ancestors(&Id::from("letters"))),
            ["author", "agent"]
        );
        assert!(tree.ancestors(&Id::from("author")).is_empty());
    }

    #[test]
    fn moving_reorders_siblings_and_reparents_subtrees() {
        let mut plan = sample_plan();
        move_goal(
            &mut plan,
            &Id::from("letters"),
            Some(&Id::from("agent")),
            0,
            at(1),
        )
        .unwrap();
        let tree = GoalTree::new(&plan);
        assert_eq!(
            titles(tree.children(Some(&Id::from("agent")))),
            ["letters", "shortlist"]
        );

        move_goal(&mut plan, &Id::from("manuscript"), None, 0, at(2)).unwrap();
        let tree = GoalTree::new(&plan);
        assert_eq!(titles(tree.children(None)), ["manuscript", "author"]);
        assert_eq!(
            titles(tree.children(Some(&Id::from("manuscript")))),
            ["draft"]
        );
        assert_eq!(tree.depth(&Id::from("draft")), 1);

        move_goal(&mut plan, &Id::from("manuscript"), None, 99, at(3)).unwrap();
        assert_eq!(
            titles(GoalTree::new(&plan).children(None)),
            ["author", "manuscript"]
        );
        assert_eq!(
            plan.goal(&Id::from("manuscript")).unwrap().updated_at,
            at(3)
        );
    }

    #[test]
    fn moving_under_itself_or_too_deep_is_refused_and_changes_nothing() {
        let mut plan = sample_plan();
        let before = plan.clone();
        assert_eq!(
            move_goal(
                &mut plan,
                &Id::from("author"),
                Some(&Id::from("letters")),
                0,
                at(1)
            ),
            Err(GoalError::WouldCreateCycle)
        );
        assert_eq!(
            move_goal(
                &mut plan,
                &Id::from("agent"),
                Some(&Id::from("agent")),
                0,
                at(1)
            ),
            Err(GoalError::WouldCreateCycle)
        );
        // agent has two levels (itself and its steps); under draft (depth 2) it would reach depth 4.
        assert_eq!(
            move_goal(
                &mut plan,
                &Id::from("agent"),
                Some(&Id::from("draft")),
                0,
                at(1)
            ),
            Err(GoalError::TooDeep)
        );
        assert_eq!(plan, before);
    }

    #[test]
    fn removing_takes_the_subtree_and_says_what_it_took() {
        let mut plan = sample_plan();
        let removed = remove_goal(&mut plan, &Id::from("agent"), at(1)).unwrap();
        assert_eq!(
            removed,
            Removed {
                title: "agent".into(),
                count: 3
            }
        );
        assert_eq!(
            plan.goals.iter().map(|g| g.id.as_str()).collect::<Vec<_>>(),
            ["author", "manuscript", "draft"]
        );
        assert_eq!(plan.updated_at, Some(at(1)));
    }

    #[test]
    fn ranked_open_steps_list_the_whole_plan_in_order_of_urgency() {
        let mut plan = sample_plan();
        set_status(&mut plan, &Id::from("draft"), GoalStatus::InProgress, at(1)).unwrap();
        let tree = GoalTree::new(&plan);
        let ranked: Vec<&str> = tree
            .ranked_open_steps()
            .iter()
            .map(|g| g.id.as_str())
            .collect();
        assert_eq!(ranked, ["draft", "shortlist", "letters"]);
    }

    #[test]
    fn the_outline_agrees_with_the_tree() {
        let mut plan = sample_plan();
        mark_done(&mut plan, &Id::from("shortlist"), at(1)).unwrap();
        let outline = Outline::of(&plan);
        let tree = GoalTree::new(&plan);
        let children = |parent: Option<&str>| -> Vec<&Id> {
            outline.children(parent.map(Id::from).as_ref()).collect()
        };
        assert_eq!(children(None), [&Id::from("author")]);
        assert_eq!(
            children(Some("agent")),
            [&Id::from("shortlist"), &Id::from("letters")]
        );
        assert!(children(Some("draft")).is_empty());
        for goal in &plan.goals {
            let entry = outline.entry(&goal.id).unwrap();
            assert_eq!(&plan.goals[entry.position], goal);
            assert_eq!(entry.depth, tree.depth(&goal.id));
            assert_eq!(entry.progress, tree.progress(&goal.id));
            assert_eq!(
                entry.next_step.map(|at| outline.id_at(at)),
                tree.next_step(&goal.id).map(|g| &g.id)
            );
        }
        let next = outline.entry(&Id::from("author")).unwrap().next_step;
        assert_eq!(next.map(|at| outline.id_at(at)), Some(&Id::from("letters")));
    }

    fn sibling_ids(plan: &Plan, parent: Option<&str>) -> Vec<String> {
        let parent = parent.map(Id::from);
        GoalTree::new(plan)
            .children(parent.as_ref())
            .map(|g| g.id.to_string())
            .collect()
    }

    #[test]
    fn adding_after_a_sibling_puts_the_new_goal_right_below_it() {
        let mut plan = sample_plan();
        add_goal_after(
            &mut plan,
            &Id::from("shortlist"),
            Id::from("new"),
            "",
            at(1),
        )
        .unwrap();
        assert_eq!(
            sibling_ids(&plan, Some("agent")),
            ["shortlist", "new", "letters"]
        );
        assert_eq!(plan.goal(&Id::from("new")).unwrap().title, "");
        add_goal_after(
            &mut plan,
            &Id::from("author"),
            Id::from("second"),
            "Second",
            at(2),
        )
        .unwrap();
        assert_eq!(sibling_ids(&plan, None), ["author", "second"]);
    }

    #[test]
    fn indent_and_outdent_follow_outliner_rules() {
        let mut plan = sample_plan();
        // The first child has nothing above it to go under.
        assert_eq!(indent_goal(&mut plan, &Id::from("agent"), at(1)), Ok(false));
        // manuscript goes under agent, after its steps.
        assert_eq!(
            indent_goal(&mut plan, &Id::from("manuscript"), at(1)),
            Ok(true)
        );
        assert_eq!(
            sibling_ids(&plan, Some("agent")),
            ["shortlist", "letters", "manuscript"]
        );
        assert_eq!(sibling_ids(&plan, Some("manuscript")), ["draft"]);

        // And back out, right after agent.
        assert_eq!(
            outdent_goal(&mut plan, &Id::from("manuscript"), at(2)),
            Ok(true)
        );
        assert_eq!(sibling_ids(&plan, Some("author")), ["agent", "manuscript"]);
        // A step outdented lands right after its parent.
        assert_eq!(
            outdent_goal(&mut plan, &Id::from("shortlist"), at(3)),
            Ok(true)
        );
        assert_eq!(
            sibling_ids(&plan, Some("author")),
            ["agent", "shortlist", "manuscript"]
        );
        // A long-term goal cannot go further out.
        assert_eq!(
            outdent_goal(&mut plan, &Id::from("author"), at(4)),
            Ok(false)
        );
    }

    #[test]
    fn indenting_too_deep_is_refused() {
        let mut plan = sample_plan();
        add(&mut plan, "deep", Some("letters"));
        add(&mut plan, "deeper", Some("letters"));
        // deeper (depth 3) would go under deep, at depth 4.
        assert_eq!(
            indent_goal(&mut plan, &Id::from("deeper"), at(1)),
            Err(GoalError::TooDeep)
        );
    }

    #[test]
    fn shifting_moves_one_place_and_stops_at_the_ends() {
        let mut plan = sample_plan();
        assert_eq!(
            shift_goal(&mut plan, &Id::from("letters"), -1, at(1)),
            Ok(true)
        );
        assert_eq!(sibling_ids(&plan, Some("agent")), ["letters", "shortlist"]);
        assert_eq!(
            shift_goal(&mut plan, &Id::from("letters"), -1, at(1)),
            Ok(false)
        );
        assert_eq!(
            shift_goal(&mut plan, &Id::from("letters"), 1, at(1)),
            Ok(true)
        );
        assert_eq!(
            shift_goal(&mut plan, &Id::from("letters"), 1, at(1)),
            Ok(false)
        );
        assert_eq!(sibling_ids(&plan, Some("agent")), ["shortlist", "letters"]);
    }

    #[test]
    fn a_goal_dated_before_its_steps_is_pointed_out() {
        let mut plan = sample_plan();
        let date = |text: &str| Date::parse(text);
        set_target_date(&mut plan, &Id::from("agent"), date("2027-01-31"), at(1)).unwrap();
        set_target_date(&mut plan, &Id::from("letters"), date("2027-03-01"), at(1)).unwrap();
        set_target_date(&mut plan, &Id::from("shortlist"), date("2027-01-10"), at(1)).unwrap();
        let late_dates = |plan: &Plan| -> Vec<(String, Date)> {
            let outline = Outline::of(plan);
            plan.goals
                .iter()
                .filter_map(|goal| Some((goal.id.to_string(), outline.entry(&goal.id)?.late_date?)))
                .collect()
        };
        assert_eq!(
            late_dates(&plan),
            [("agent".to_owned(), date("2027-03-01").unwrap())]
        );
        // A dropped step no longer counts.
        drop_goal(&mut plan, &Id::from("letters"), "", at(2)).unwrap();
        assert!(late_dates(&plan).is_empty());
    }

    #[test]
    fn dropping_beside_a_goal_lands_before_or_after_it() {
        let mut plan = sample_plan();
        add(&mut plan, "third", Some("agent"));
        // agent: shortlist, letters, third
        move_goal_beside(
            &mut plan,
            &Id::from("shortlist"),
            &Id::from("third"),
            false,
            at(1),
        )
        .unwrap();
        assert_eq!(
            sibling_ids(&plan, Some("agent")),
            ["letters", "shortlist", "third"]
        );
        move_goal_beside(
            &mut plan,
            &Id::from("third"),
            &Id::from("letters"),
            false,
            at(2),
        )
        .unwrap();
        assert_eq!(
            sibling_ids(&plan, Some("agent")),
            ["third", "letters", "shortlist"]
        );
        move_goal_beside(
            &mut plan,
            &Id::from("third"),
            &Id::from("shortlist"),
            true,
            at(3),
        )
        .unwrap();
        assert_eq!(
            sibling_ids(&plan, Some("agent")),
            ["letters", "shortlist", "third"]
        );
        // Across parents: draft joins agent's steps after letters.
        move_goal_beside(
            &mut plan,
            &Id::from("draft"),
            &Id::from("letters"),
            true,
            at(4),
        )
        .unwrap();
        assert_eq!(
            sibling_ids(&plan, Some("agent")),
            ["letters", "draft", "shortlist", "third"]
        );
        assert!(sibling_ids(&plan, Some("manuscript")).is_empty());
        // Onto itself: nothing happens.
        let before = plan.clone();
        move_goal_beside(
            &mut plan,
            &Id::from("draft"),
            &Id::from("draft"),
            true,
            at(5),
        )
        .unwrap();
        assert_eq!(plan, before);
    }
}
