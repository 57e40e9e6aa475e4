//! Undo and redo: the plan's one history.
//!
//! Every change to the plan is a step here, whatever made it (a keystroke, a
//! removal, an import). A step is a value that lives on exactly one of the two
//! stacks: undoing pops it from one and pushes its reverse on the other, so a
//! step can be undone once and redone once, whoever asks (the header, Ctrl+Z,
//! or a notice such as "Undo removal", which names the step it offers to undo
//! and can act only while that step is the latest).
//!
//! Plain data, tested on the host; the store in `mod.rs` wraps it.

use crate::domain::calendar::Timestamp;
use crate::domain::merge::MergeReport;
use crate::domain::plan::{Goal, Id, Plan, Vision};

/// Names one step for as long as it lives, through undo and redo.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct StepId(u64);

/// What a step did, in the terms a notice or an announcement tells it.
#[derive(Clone, Debug, PartialEq)]
pub enum StepLabel {
    /// Any change the person made in place (typing, moving, adding).
    Edit,
    /// Goal `goal` removed with everything under it (`count` goals in all).
    Removal {
        goal: Id,
        title: String,
        count: usize,
    },
    /// A goal marked done (its box, Ctrl+Enter, Next step's "Mark done" or
    /// the X shortcut).
    MarkedDone { title: String },
    /// A goal marked done before, open again.
    Reopened { title: String },
    /// A goal moved in the outline (Tab, Shift+Tab, Alt+arrows).
    Moved { title: String },
    /// The whole plan put in place of another.
    Replacement(Replacement),
}

/// The ways a whole plan takes the place of another.
#[derive(Clone, Debug, PartialEq)]
pub enum Replacement {
    /// A file or a share link, by the name the person knows it by.
    Import {
        source: String,
    },
    Merge {
        source: String,
        report: MergeReport,
    },
    /// The plan kept in a file, merged in: changes another device made there
    /// (`source` names the file).
    Sync {
        source: String,
        report: MergeReport,
    },
    StartOver,
    /// The plan kept aside before an earlier replacement, brought back.
    RestorePrevious,
    Example,
}

impl StepLabel {
    pub fn is_replacement(&self) -> bool {
        matches!(self, Self::Replacement(_))
    }

    /// What undoing or redoing it did, said after "Undone: " or "Redone: ".
    pub fn describe(&self) -> String {
        match self {
            Self::Edit => "your last change".to_owned(),
            Self::Removal { title, .. } => format!("the removal of {}", quoted(title)),
            Self::MarkedDone { title } => format!("marking {} done", quoted(title)),
            Self::Reopened { title } => format!("opening {} again", quoted(title)),
            Self::Moved { title } => format!("moving {}", quoted(title)),
            Self::Replacement(Replacement::Import { source }) => format!("the import of {source}"),
            Self::Replacement(Replacement::Merge { source, .. }) => {
                format!("merging in {source}")
            }
            Self::Replacement(Replacement::Sync { source, .. }) => {
                format!("syncing with {source}")
            }
            Self::Replacement(Replacement::StartOver) => "starting a new plan".to_owned(),
            Self::Replacement(Replacement::RestorePrevious) => {
                "restoring an earlier plan".to_owned()
            }
            Self::Replacement(Replacement::Example) => "opening the example plan".to_owned(),
        }
    }
}

/// A title in quotes, or "an untitled goal".
pub fn quoted(title: &str) -> String {
    let title = title.trim();
    if title.is_empty() {
        "an untitled goal".to_owned()
    } else {
        format!("“{title}”")
    }
}

/// A step as the notices and buttons see it.
#[derive(Clone, Debug, PartialEq)]
pub struct StepInfo {
    pub id: StepId,
    pub label: StepLabel,
}

/// The latest step each way, which is all that undo, redo and the notices
/// built on them can act on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Latest {
    pub undo: Option<StepInfo>,
    pub redo: Option<StepInfo>,
}

/// What a change will touch, so that its step keeps only that.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Scope {
    /// One goal's own fields (its words, status or dates), not where it sits.
    OneGoal(Id),
    /// The vision's answers and statement.
    Vision,
    Anything,
}

/// What one undo or redo puts back.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Snapshot {
    /// The whole plan, for a change that could touch anything.
    Whole(Box<Plan>),
    /// One goal and the plan's change time, for a change to that goal's own
    /// fields: a toggle or a title typed on a plan of thousands of goals
    /// keeps one goal, not a copy of the plan.
    OneGoal {
        goal: Box<Goal>,
        updated_at: Option<Timestamp>,
    },
    Vision {
        vision: Box<Vision>,
        updated_at: Option<Timestamp>,
    },
}

/// What putting a snapshot back changed.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum PutBack {
    OneGoal(Id),
    Vision,
    Whole,
}

impl Snapshot {
    /// What `scope` will change in `plan`, as it is now.
    pub(super) fn before(plan: &Plan, scope: &Scope) -> Self {
        match scope {
            Scope::OneGoal(id) => match plan.goal(id) {
                Some(goal) => Self::OneGoal {
                    goal: Box::new(goal.clone()),
                    updated_at: plan.updated_at,
                },
                None => Self::Whole(Box::new(plan.clone())),
            },
            Scope::Vision => Self::Vision {
                vision: Box::new(plan.vision.clone()),
                updated_at: plan.updated_at,
            },
            Scope::Anything => Self::Whole(Box::new(plan.clone())),
        }
    }

    /// Whether `plan` is still as this snapshot kept it.
    pub(super) fn matches(&self, plan: &Plan) -> bool {
        match self {
            Self::Whole(kept) => **kept == *plan,
            Self::OneGoal { goal, updated_at } => {
                plan.updated_at == *updated_at && plan.goal(&goal.id) == Some(&**goal)
            }
            Self::Vision { vision, updated_at } => {
                plan.updated_at == *updated_at && plan.vision == **vision
            }
        }
    }

    /// Whether a further change of `scope` is undone with this snapshot.
    fn covers(&self, scope: &Scope) -> bool {
        match (self, scope) {
            (Self::Whole(_), _) => true,
            (Self::OneGoal { goal, .. }, Scope::OneGoal(id)) => goal.id == *id,
            (Self::Vision { .. }, Scope::Vision) => true,
            _ => false,
        }
    }

    fn weight(&self) -> usize {
        match self {
            Self::Whole(plan) => plan.goals.len() + 1,
            Self::OneGoal { .. } | Self::Vision { .. } => 1,
        }
    }

    /// Puts this snapshot back into `plan`. Returns the snapshot that
    /// reverses it and what it changed, or `None` when it changes nothing.
    fn put_back(self, plan: &mut Plan) -> Option<(Self, PutBack)> {
        match self {
            Self::Whole(version) if *version == *plan => None,
            Self::Whole(version) => Some((
                Self::Whole(Box::new(std::mem::replace(plan, *version))),
                PutBack::Whole,
            )),
            Self::OneGoal { goal, updated_at } => {
                let id = goal.id.clone();
                let now = plan.goal_mut(&id).filter(|now| **now != *goal)?;
                let goal_now = std::mem::replace(now, *goal);
                let reverse = Self::OneGoal {
                    goal: Box::new(goal_now),
                    updated_at: std::mem::replace(&mut plan.updated_at, updated_at),
                };
                Some((reverse, PutBack::OneGoal(id)))
            }
            Self::Vision { vision, updated_at } if plan.vision == *vision => {
                // Only the time differs: put it back without a step.
                plan.updated_at = updated_at;
                None
            }
            Self::Vision { vision, updated_at } => {
                let reverse = Self::Vision {
                    vision: Box::new(std::mem::replace(&mut plan.vision, *vision)),
                    updated_at: std::mem::replace(&mut plan.updated_at, updated_at),
                };
                Some((reverse, PutBack::Vision))
            }
        }
    }
}

/// One step of the history.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Step {
    id: StepId,
    label: StepLabel,
    before: Snapshot,
}

impl Step {
    fn info(&self) -> StepInfo {
        StepInfo {
            id: self.id,
            label: self.label.clone(),
        }
    }
}

/// Undo and redo stacks. `E` names the text field a typing step began in
/// (a DOM element in the browser), so that typing on in it extends that step.
#[derive(Debug)]
pub(super) struct History<E> {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// The text field whose edit the latest step holds, if any.
    editing: Option<E>,
    next_id: u64,
}

impl<E> Default for History<E> {
    fn default() -> Self {
        Self {
            undo: Vec::new(),
            redo: Vec::new(),
            editing: None,
            next_id: 1,
        }
    }
}

/// The whole plans kept hold about this many goals in all...
const GOALS_KEPT: usize = 50_000;
/// ...and no more steps than this are kept, nor fewer than `FEWEST_STEPS`.
pub(super) const MOST_STEPS: usize = 100;
const FEWEST_STEPS: usize = 5;

/// How a change begins: a new step, or more of the typing step before it.
pub(super) enum Begun {
    /// A new step, with what it will need to put back.
    New(Snapshot),
    /// Typing on in the field that step `StepId`, the latest, began in: it
    /// already holds what to put back.
    Continues(StepId),
}

impl<E: PartialEq> History<E> {
    /// How a change of `scope`, typed in `editing` (if any), begins.
    pub(super) fn begin(&self, plan: &Plan, scope: &Scope, editing: Option<&E>) -> Begun {
        match self.undo.last() {
            Some(step)
                if editing.is_some()
                    && self.editing.as_ref() == editing
                    && step.before.covers(scope) =>
            {
                Begun::Continues(step.id)
            }
            _ => Begun::New(Snapshot::before(plan, scope)),
        }
    }

    /// Records a change that was made: a new step with what it changed, or
    /// more of the latest one. Clears the redo stack.
    pub(super) fn record(&mut self, begun: Begun, label: StepLabel, editing: Option<E>) -> StepId {
        let id = match begun {
            Begun::Continues(id) => id,
            Begun::New(before) => self.push(before, label),
        };
        self.editing = editing;
        self.redo.clear();
        id
    }

    /// Puts the plan back as it was before a change that was refused: from
    /// the change's own snapshot, or, for typing on, from the typing step's,
    /// which then goes.
    pub(super) fn refuse(&mut self, plan: &mut Plan, begun: Begun) {
        let before = match begun {
            Begun::New(before) => before,
            Begun::Continues(id) => match self.undo.pop() {
                Some(step) if step.id == id => step.before,
                Some(other) => {
                    self.undo.push(other);
                    return;
                }
                None => return,
            },
        };
        let _ = before.put_back(plan);
        self.editing = None;
    }

    fn push(&mut self, before: Snapshot, label: StepLabel) -> StepId {
        let id = StepId(self.next_id);
        self.next_id += 1;
        self.undo.push(Step { id, label, before });
        self.forget_oldest();
        id
    }

    /// Ends the typing step: the next change starts a new one.
    pub(super) fn end_typing(&mut self) {
        self.editing = None;
    }

    fn forget_oldest(&mut self) {
        let mut weight: usize = self.undo.iter().map(|step| step.before.weight()).sum();
        let mut kept = self.undo.len();
        let mut forgotten = 0;
        for step in &self.undo {
            let too_heavy = weight > GOALS_KEPT && kept > FEWEST_STEPS;
            if kept <= MOST_STEPS && !too_heavy {
                break;
            }
            weight -= step.before.weight();
            kept -= 1;
            forgotten += 1;
        }
        self.undo.drain(..forgotten);
    }

    /// Undoes (or redoes) the latest step that changes anything, in `plan`.
    /// Returns that step and what it changed, or `None` when there was
    /// nothing to do.
    pub(super) fn step(&mut self, plan: &mut Plan, backwards: bool) -> Option<(StepInfo, PutBack)> {
        self.step_if(plan, backwards, |_| true)
    }

    /// Undoes (or redoes) step `id`, only if it is the latest that way.
    pub(super) fn step_only(
        &mut self,
        plan: &mut Plan,
        backwards: bool,
        id: StepId,
    ) -> Option<(StepInfo, PutBack)> {
        self.step_if(plan, backwards, |step| step.id == id)
    }

    fn step_if(
        &mut self,
        plan: &mut Plan,
        backwards: bool,
        wanted: impl Fn(&Step) -> bool,
    ) -> Option<(StepInfo, PutBack)> {
        self.editing = None;
        let (from, to) = if backwards {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        while from.last().is_some_and(&wanted) {
            let Step { id, label, before } = from.pop()?;
            if let Some((reverse, put_back)) = before.put_back(plan) {
                let step = Step {
                    id,
                    label,
                    before: reverse,
                };
                let info = step.info();
                to.push(step);
                return Some((info, put_back));
            }
        }
        None
    }

    /// What the latest undo (`backwards`) or redo took the plan from: the
    /// snapshot that would reverse it.
    pub(super) fn just_put_back(&self, backwards: bool) -> Option<&Snapshot> {
        let to = if backwards { &self.redo } else { &self.undo };
        to.last().map(|step| &step.before)
    }

    /// Forgets every step (the plan was taken from another tab: undoing
    /// would silently bring back what that tab replaced).
    pub(super) fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.editing = None;
    }

    pub(super) fn latest(&self) -> Latest {
        Latest {
            undo: self.undo.last().map(Step::info),
            redo: self.redo.last().map(Step::info),
        }
    }

    #[cfg(test)]
    pub(super) fn len(&self) -> (usize, usize) {
        (self.undo.len(), self.redo.len())
    }

    #[cfg(test)]
    pub(super) fn kinds(&self) -> Vec<&'static str> {
        self.undo
            .iter()
            .map(|step| match step.before {
                Snapshot::Whole(_) => "whole",
                Snapshot::OneGoal { .. } => "goal",
                Snapshot::Vision { .. } => "vision",
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::goals::{add_goal, add_goals, remove_goal, NewGoal};
    use crate::domain::plan::GoalStatus;

    fn at(second: i64) -> Timestamp {
        Timestamp::from_seconds(1_790_000_000 + second)
    }

    /// Changes `plan` as the editor does: the step begins, the change is
    /// made with its time, the step is recorded.
    fn change(history: &mut History<u8>, plan: &mut Plan, scope: Scope, second: i64) {
        let begun = history.begin(plan, &scope, None);
        match scope {
            Scope::OneGoal(id) => {
                let goal = plan.goal_mut(&id).unwrap();
                if second % 2 == 0 {
                    goal.rename(&format!("title {second}"), at(second));
                } else {
                    goal.toggle_done(at(second));
                }
            }
            Scope::Vision => plan.vision.statement = format!("vision {second}"),
            Scope::Anything if second % 3 == 0 && !plan.goals.is_empty() => {
                let last = plan.goals.last().unwrap().id.clone();
                remove_goal(plan, &last, at(second)).unwrap();
            }
            Scope::Anything => {
                let parent = plan.goals.first().map(|goal| goal.id.clone());
                let new_goal = NewGoal {
                    id: Id::from(format!("g-{second}").as_str()),
                    parent,
                    title: format!("goal {second}"),
                };
                add_goal(plan, new_goal, at(second)).unwrap();
            }
        }
        plan.updated_at = Some(at(second));
        history.record(begun, StepLabel::Edit, None);
    }

    #[test]
    fn undo_and_redo_walk_back_and_forth_through_every_version() {
        // Mixed changes in a fixed pseudo-random order: words and statuses of
        // one goal (kept as that goal), the vision, additions and removals
        // (kept whole).
        let mut plan = Plan::default();
        let mut history = History::<u8>::default();
        let mut versions = vec![plan.clone()];
        let mut seed: u64 = 7;
        for second in 0..250 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let pick = (seed >> 33) as usize;
            let scope = if plan.goals.is_empty() || pick.is_multiple_of(3) {
                Scope::Anything
            } else if pick.is_multiple_of(5) {
                Scope::Vision
            } else {
                Scope::OneGoal(plan.goals[pick % plan.goals.len()].id.clone())
            };
            change(&mut history, &mut plan, scope, second);
            versions.push(plan.clone());
        }
        let kinds = history.kinds();
        for kind in ["whole", "goal", "vision"] {
            assert!(kinds.contains(&kind), "{kinds:?}");
        }

        let kept = history.len().0;
        assert_eq!(kept, MOST_STEPS);
        let last = versions.len() - 1;
        for undone in 1..=kept {
            assert!(history.step(&mut plan, true).is_some());
            assert_eq!(plan, versions[last - undone], "after {undone} undos");
        }
        assert_eq!(history.step(&mut plan, true), None);
        for redone in 1..=kept {
            assert!(history.step(&mut plan, false).is_some());
            assert_eq!(plan, versions[last - kept + redone], "after {redone} redos");
        }
        assert_eq!(history.step(&mut plan, false), None);
    }

    #[test]
    fn whole_copies_of_a_large_plan_are_few_and_single_goals_many() {
        let mut plan = Plan::default();
        let mut history = History::<u8>::default();
        let ids: Vec<String> = (0..6_000).map(|number| format!("big-{number}")).collect();
        let goals: Vec<(&str, Option<&str>, &str)> =
            ids.iter().map(|id| (id.as_str(), None, "a goal")).collect();
        add_goals(&mut plan, &goals, at(0));
        for second in 0..20 {
            change(&mut history, &mut plan, Scope::Anything, second);
        }
        // About 50,000 goals' worth of whole plans: 8 of 6,000 goals.
        assert_eq!(history.len().0, 8);
        for second in 20..200 {
            let id = plan.goals[second as usize].id.clone();
            change(&mut history, &mut plan, Scope::OneGoal(id), second);
        }
        assert_eq!(history.len().0, MOST_STEPS);
        // The oldest whole copies went first, and no more than needed.
        assert!(history.kinds().iter().all(|kind| *kind == "goal"));
    }

    #[test]
    fn a_step_keeps_its_name_and_id_through_undo_and_redo() {
        let mut plan = Plan::default();
        let mut history = History::<u8>::default();
        add_goals(&mut plan, &[("a", None, "Write")], at(0));
        let begun = history.begin(&plan, &Scope::OneGoal(Id::from("a")), None);
        plan.goal_mut(&Id::from("a"))
            .unwrap()
            .set_status(GoalStatus::Done, at(1));
        let label = StepLabel::MarkedDone {
            title: "Write".into(),
        };
        let id = history.record(begun, label.clone(), None);
        let undone = history.step(&mut plan, true).unwrap().0;
        assert_eq!(undone, StepInfo { id, label });
        assert_eq!(history.latest().redo.map(|step| step.id), Some(id));
        assert_eq!(history.step_only(&mut plan, true, id), None);
        assert!(history.step_only(&mut plan, false, id).is_some());
        assert_eq!(history.latest().undo.map(|step| step.id), Some(id));
    }
}
