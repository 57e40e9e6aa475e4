//! The rules every change of the plan goes through, apart from the browser:
//! one clock reading per change, stamped everywhere it is stamped; a step of
//! the one history for each change; an entry in the change log; and the
//! plan's integrity rules, which no change may break.
//!
//! The store (`mod.rs`) holds an `Editor` beside the plan's signal and does
//! nothing to the plan but through it, so these host-tested rules are the
//! rules of the app.

use super::changes::{ChangeLog, Touched};
use super::history::{
    Begun, History, Latest, PutBack, Replacement, Scope, Snapshot, StepId, StepInfo, StepLabel,
};
use crate::domain::calendar::Timestamp;
use crate::domain::format::check_integrity;
use crate::domain::plan::{Goal, Id, Plan, Vision};
use crate::domain::stamps::stamp_put_back;
use std::fmt;

/// A change that would have broken the plan, and so was not made.
#[derive(Clone, Debug, PartialEq)]
pub struct Refused {
    pub problem: String,
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "That change was not made, because it would have damaged your plan ({}). \
             Your plan is as it was.",
            self.problem
        )
    }
}

/// What a change gave back, and the history step it made or extended
/// (`None` when it changed nothing, which makes no step).
#[derive(Debug, PartialEq)]
pub(super) struct Done<R> {
    pub result: R,
    pub step: Option<StepId>,
}

/// The history and the change log, and the rules of changing the plan.
/// `E` names the text field being typed in (see [`History`]).
#[derive(Debug)]
pub(super) struct Editor<E> {
    history: History<E>,
    log: ChangeLog,
}

impl<E> Default for Editor<E> {
    fn default() -> Self {
        Self {
            history: History::default(),
            log: ChangeLog::default(),
        }
    }
}

impl<E: PartialEq> Editor<E> {
    /// Changes anything in the plan. `change` gets the change's one time,
    /// which stamps the plan too. A change that alters nothing makes no
    /// step; one that would break the plan's integrity is undone at once and
    /// refused.
    pub(super) fn change<R>(
        &mut self,
        plan: &mut Plan,
        name: impl FnOnce(&R) -> StepLabel,
        editing: Option<E>,
        now: Timestamp,
        change: impl FnOnce(&mut Plan, Timestamp) -> R,
    ) -> Result<Done<R>, Refused> {
        let begun = self.history.begin(plan, &Scope::Anything, editing.as_ref());
        let result = change(plan, now);
        if let Begun::New(before) = &begun {
            if before.matches(plan) {
                return Ok(Done { result, step: None });
            }
        }
        plan.updated_at = Some(now);
        if let Err(problem) = check_integrity(plan) {
            self.history.refuse(plan, begun);
            return Err(Refused {
                problem: problem.to_string(),
            });
        }
        let step = self.history.record(begun, name(&result), editing);
        self.log.note(Touched::Anything);
        Ok(Done {
            result,
            step: Some(step),
        })
    }

    /// Changes goal `id`'s own fields: `edit` gets that goal alone, so it
    /// cannot reach another, and the change's one time. `result` is `None`
    /// when the goal is not in the plan. Changing the goal's id or its
    /// parent is not an edit of its own fields, and is refused.
    pub(super) fn edit_goal<R>(
        &mut self,
        plan: &mut Plan,
        id: &Id,
        label: StepLabel,
        editing: Option<E>,
        now: Timestamp,
        edit: impl FnOnce(&mut Goal, Timestamp) -> R,
    ) -> Result<Done<Option<R>>, Refused> {
        let Some(position) = plan.goals.iter().position(|goal| &goal.id == id) else {
            return Ok(Done {
                result: None,
                step: None,
            });
        };
        let scope = Scope::OneGoal(id.clone());
        let begun = self.history.begin(plan, &scope, editing.as_ref());
        let was = plan.goals[position].clone();
        let goal = &mut plan.goals[position];
        let result = edit(goal, now);
        if *goal == was {
            return Ok(Done {
                result: Some(result),
                step: None,
            });
        }
        if goal.id != was.id || goal.parent != was.parent {
            *goal = was;
            if matches!(begun, Begun::Continues(_)) {
                self.history.end_typing();
            }
            return Err(Refused {
                problem: "an edit of one goal tried to move it or change its id".into(),
            });
        }
        goal.updated_at = now;
        plan.updated_at = Some(now);
        self.check_in_tests(plan);
        let step = self.history.record(begun, label, editing);
        self.log.note(Touched::OneGoal(id.clone()));
        Ok(Done {
            result: Some(result),
            step: Some(step),
        })
    }

    /// Changes the vision: `edit` gets the vision alone and the change's one
    /// time, which stamps the vision (so that a merge can tell which side
    /// rewrote it last) and the plan.
    pub(super) fn edit_vision<R>(
        &mut self,
        plan: &mut Plan,
        editing: Option<E>,
        now: Timestamp,
        edit: impl FnOnce(&mut Vision, Timestamp) -> R,
    ) -> Done<R> {
        let begun = self.history.begin(plan, &Scope::Vision, editing.as_ref());
        let was = plan.vision.clone();
        let result = edit(&mut plan.vision, now);
        if plan.vision == was {
            return Done { result, step: None };
        }
        plan.vision.updated_at = Some(now);
        plan.updated_at = Some(now);
        self.check_in_tests(plan);
        let step = self.history.record(begun, StepLabel::Edit, editing);
        self.log.note(Touched::Vision);
        Done {
            result,
            step: Some(step),
        }
    }

    /// Puts a whole plan in place of the current one, as a step that undo
    /// takes back (none when the two are the same). The new plan keeps its
    /// own times: it was made elsewhere.
    pub(super) fn replace(
        &mut self,
        plan: &mut Plan,
        replacement: Plan,
        how: Replacement,
    ) -> Result<Option<StepId>, Refused> {
        check_integrity(&replacement).map_err(|problem| Refused {
            problem: problem.to_string(),
        })?;
        if *plan == replacement {
            return Ok(None);
        }
        let begun = self.history.begin(plan, &Scope::Anything, None);
        *plan = replacement;
        let step = self
            .history
            .record(begun, StepLabel::Replacement(how), None);
        self.log.note(Touched::Replaced);
        Ok(Some(step))
    }

    /// Takes the plan another tab saved in place of this one. The history
    /// goes: undoing would silently bring back what the other tab replaced.
    /// It is the same plan, changed elsewhere, so views keep their state
    /// (which branches are open) rather than start afresh.
    pub(super) fn take_from_other_tab(&mut self, plan: &mut Plan, theirs: Plan) {
        *plan = theirs;
        self.history.clear();
        self.log.note(Touched::Anything);
    }

    /// Takes back the latest change (steps that change nothing now are
    /// skipped), as a change made at `now`. Returns the step undone.
    pub(super) fn undo(&mut self, plan: &mut Plan, now: Timestamp) -> Option<StepInfo> {
        let stepped = self.history.step(plan, true);
        self.note_step(plan, stepped, true, now)
    }

    /// Makes the latest undone change again, as a change made at `now`.
    pub(super) fn redo(&mut self, plan: &mut Plan, now: Timestamp) -> Option<StepInfo> {
        let stepped = self.history.step(plan, false);
        self.note_step(plan, stepped, false, now)
    }

    /// Undoes step `id` if, and only if, it is the latest change: what a
    /// notice's "Undo" does. A second click finds it undone and does nothing.
    pub(super) fn undo_step(
        &mut self,
        plan: &mut Plan,
        id: StepId,
        now: Timestamp,
    ) -> Option<StepInfo> {
        let stepped = self.history.step_only(plan, true, id);
        self.note_step(plan, stepped, true, now)
    }

    /// Redoes step `id` if, and only if, it is the latest change undone.
    pub(super) fn redo_step(
        &mut self,
        plan: &mut Plan,
        id: StepId,
        now: Timestamp,
    ) -> Option<StepInfo> {
        let stepped = self.history.step_only(plan, false, id);
        self.note_step(plan, stepped, false, now)
    }

    fn note_step(
        &mut self,
        plan: &mut Plan,
        stepped: Option<(StepInfo, PutBack)>,
        backwards: bool,
        now: Timestamp,
    ) -> Option<StepInfo> {
        let (info, put_back) = stepped?;
        self.stamp_what_was_put_back(plan, &info, backwards, now);
        self.log.note(match put_back {
            PutBack::OneGoal(id) => Touched::OneGoal(id),
            PutBack::Vision => Touched::Vision,
            PutBack::Whole if info.label.is_replacement() => Touched::Replaced,
            PutBack::Whole => Touched::Anything,
        });
        self.check_in_tests(plan);
        Some(info)
    }

    /// An undo or redo is a change of its own: what it put back is stamped
    /// with its time, so that a merge with another device's copy keeps it
    /// (see `domain::stamps`).
    fn stamp_what_was_put_back(
        &self,
        plan: &mut Plan,
        info: &StepInfo,
        backwards: bool,
        now: Timestamp,
    ) {
        match self.history.just_put_back(backwards) {
            Some(Snapshot::Whole(before)) => {
                stamp_put_back(before, plan, now, !info.label.is_replacement());
            }
            Some(Snapshot::OneGoal { goal, .. }) => {
                if let Some(put_back) = plan.goal_mut(&goal.id) {
                    put_back.updated_at = now;
                }
                plan.updated_at = Some(now);
            }
            Some(Snapshot::Vision { .. }) => {
                plan.vision.updated_at = Some(now);
                plan.updated_at = Some(now);
            }
            None => {}
        }
    }

    /// Ends the current typing step: the next change starts a new one.
    pub(super) fn end_typing(&mut self) {
        self.history.end_typing();
    }

    /// The latest step each way.
    pub(super) fn latest(&self) -> Latest {
        self.history.latest()
    }

    pub(super) fn log(&self) -> &ChangeLog {
        &self.log
    }

    /// Changes that cannot break the plan by construction are checked anyway
    /// when tests run.
    fn check_in_tests(&self, plan: &Plan) {
        #[cfg(test)]
        assert_eq!(check_integrity(plan), Ok(()), "a change broke the plan");
        #[cfg(not(test))]
        let _ = plan;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::goals::{add_goal, add_goals, move_goal, remove_goal, NewGoal};
    use crate::domain::merge::merge_plans;
    use crate::domain::plan::GoalStatus;
    use crate::domain::stamps::without_times;

    fn at(second: i64) -> Timestamp {
        Timestamp::from_seconds(1_790_000_000 + second)
    }

    fn goal(plan: &Plan, id: &str) -> Goal {
        plan.goal(&Id::from(id)).unwrap().clone()
    }

    fn add(editor: &mut Editor<u8>, plan: &mut Plan, id: &str, parent: Option<&str>, second: i64) {
        let new_goal = NewGoal {
            id: Id::from(id),
            parent: parent.map(Id::from),
            title: format!("goal {id}"),
        };
        editor
            .change(
                plan,
                |_| StepLabel::Edit,
                None,
                at(second),
                |plan, now| add_goal(plan, new_goal, now),
            )
            .unwrap()
            .result
            .unwrap();
    }

    #[test]
    fn every_stamp_of_one_change_is_its_own_time() {
        let mut plan = Plan::default();
        let mut editor = Editor::<u8>::default();
        add(&mut editor, &mut plan, "a", None, 1);
        assert_eq!(plan.updated_at, Some(at(1)));
        assert_eq!(goal(&plan, "a").updated_at, at(1));

        editor
            .edit_goal(
                &mut plan,
                &Id::from("a"),
                StepLabel::Edit,
                None,
                at(5),
                |goal, now| goal.set_status(GoalStatus::Done, now),
            )
            .unwrap();
        let done = goal(&plan, "a");
        assert_eq!((done.updated_at, done.completed_at), (at(5), Some(at(5))));
        assert_eq!(plan.updated_at, Some(at(5)));

        // The vision is stamped with the time of the change that edits it,
        // not with the time of the change before.
        editor.edit_vision(&mut plan, None, at(9), |vision, now| {
            vision.statement = "Write books".into();
            let _ = now;
        });
        assert_eq!(plan.vision.updated_at, Some(at(9)));
        assert_eq!(plan.updated_at, Some(at(9)));
    }

    #[test]
    fn a_merge_keeps_the_vision_edited_last() {
        // Two devices from one plan: this one edits the vision at 20, the
        // other at 30 after a change of its own at 25. The other's is newer.
        let mut mine = Plan::default();
        let mut editor = Editor::<u8>::default();
        add(&mut editor, &mut mine, "a", None, 1);
        let mut theirs = mine.clone();
        let mut their_editor = Editor::<u8>::default();
        editor.edit_vision(&mut mine, None, at(20), |vision, _| {
            vision.statement = "Mine, older".into()
        });
        add(&mut their_editor, &mut theirs, "b", None, 25);
        their_editor.edit_vision(&mut theirs, None, at(30), |vision, _| {
            vision.statement = "Theirs, newer".into()
        });
        let (merged, report) = merge_plans(&mine, &theirs, None).unwrap();
        assert!(report.vision_from_other);
        assert_eq!(merged.vision.statement, "Theirs, newer");
        assert!(merged
            .vision
            .history
            .iter()
            .any(|version| version.statement == "Mine, older"));
        // And the other way round, the same vision wins.
        let (merged, _) = merge_plans(&theirs, &mine, None).unwrap();
        assert_eq!(merged.vision.statement, "Theirs, newer");
    }

    #[test]
    fn a_change_that_alters_nothing_makes_no_step_and_no_stamp() {
        let mut plan = Plan::default();
        let mut editor = Editor::<u8>::default();
        add(&mut editor, &mut plan, "a", None, 1);
        let before = plan.clone();
        let done = editor
            .change(
                &mut plan,
                |_| StepLabel::Edit,
                None,
                at(2),
                |plan, now| move_goal(plan, &Id::from("a"), None, 0, now),
            )
            .unwrap();
        // Moving a goal to where it is still stamps it in the domain...
        assert!(done.result.is_ok());
        let _ = before;
        let unchanged = editor
            .edit_goal(
                &mut plan,
                &Id::from("a"),
                StepLabel::Edit,
                None,
                at(3),
                |goal, now| {
                    let title = goal.title.clone();
                    goal.rename(&title, goal.updated_at);
                    let _ = now;
                },
            )
            .unwrap();
        assert_eq!(unchanged.step, None);
        let failed = editor
            .change(
                &mut plan,
                |_| StepLabel::Edit,
                None,
                at(4),
                |plan, now| remove_goal(plan, &Id::from("nowhere"), now),
            )
            .unwrap();
        assert!(failed.result.is_err());
        assert_eq!(failed.step, None);
        assert_ne!(plan.updated_at, Some(at(4)));
    }

    #[test]
    fn a_change_that_would_break_the_plan_is_refused_and_undone() {
        let mut plan = Plan::default();
        let mut editor = Editor::<u8>::default();
        add(&mut editor, &mut plan, "a", None, 1);
        add(&mut editor, &mut plan, "b", Some("a"), 2);
        let before = plan.clone();
        let refused = editor.change(
            &mut plan,
            |_| StepLabel::Edit,
            None,
            at(3),
            |plan, _| {
                // Something no domain function does: a goal under itself.
                plan.goals[0].parent = Some(Id::from("b"));
            },
        );
        assert!(refused.is_err(), "{refused:?}");
        assert_eq!(plan, before);
        assert_eq!(
            editor.latest().undo.map(|step| step.label),
            Some(StepLabel::Edit)
        );
        // Undo still walks back through the changes that were made; undoing
        // an addition is a removal, recorded for other devices.
        editor.undo(&mut plan, at(5));
        editor.undo(&mut plan, at(6));
        assert_eq!(without_times(&plan), Plan::default());
        let removed: Vec<&str> = plan.removed.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(removed, ["a", "b"]);

        let mut plan = before.clone();
        let moved = editor.edit_goal(
            &mut plan,
            &Id::from("b"),
            StepLabel::Edit,
            None,
            at(4),
            |goal, _| goal.parent = None,
        );
        assert!(moved.is_err());
        assert_eq!(plan, before);
    }

    #[test]
    fn a_notice_undoes_its_own_step_once_and_only_while_it_is_the_latest() {
        let mut plan = Plan::default();
        let mut editor = Editor::<u8>::default();
        add(&mut editor, &mut plan, "keep", None, 1);
        add(&mut editor, &mut plan, "remove", None, 2);
        let with_both = plan.clone();
        let removed = editor
            .change(
                &mut plan,
                |_| StepLabel::Removal {
                    goal: Id::from("remove"),
                    title: "remove".into(),
                    count: 1,
                },
                None,
                at(3),
                |plan, now| remove_goal(plan, &Id::from("remove"), now),
            )
            .unwrap();
        let removal = removed.step.unwrap();
        let without = plan.clone();
        assert_eq!(without.removed.len(), 1);
        // The header's Undo first, then the notice's: the second finds its
        // step already undone and does nothing. The removal's record goes
        // with it, and the goal comes back stamped after the removal, so
        // that a device that took the removal takes the undo too.
        assert_eq!(
            editor.undo(&mut plan, at(4)).map(|step| step.id),
            Some(removal)
        );
        assert_eq!(without_times(&plan), without_times(&with_both));
        assert!(plan.removed.is_empty());
        assert_eq!(goal(&plan, "remove").updated_at, at(4));
        assert_eq!(goal(&plan, "keep").updated_at, at(1));
        let undone = plan.clone();
        assert_eq!(editor.undo_step(&mut plan, removal, at(5)), None);
        assert_eq!(plan, undone);
        assert_eq!(plan.goals.len(), 2);
        // The notice now offers Redo, once.
        assert_eq!(editor.latest().redo.map(|step| step.id), Some(removal));
        assert!(editor.redo_step(&mut plan, removal, at(6)).is_some());
        assert_eq!(without_times(&plan), without_times(&without));
        assert_eq!(plan.removed[0].removed_at, at(6));
        assert_eq!(editor.redo_step(&mut plan, removal, at(7)), None);
        // Once something else happened, the removal is no longer the
        // latest and the notice can't undo it.
        add(&mut editor, &mut plan, "later", None, 8);
        assert_eq!(editor.undo_step(&mut plan, removal, at(9)), None);
        assert!(plan.goal(&Id::from("later")).is_some());
    }

    #[test]
    fn typing_on_in_one_field_is_one_step() {
        let mut plan = Plan::default();
        let mut editor = Editor::<u8>::default();
        add(&mut editor, &mut plan, "a", None, 1);
        let before = plan.clone();
        let field = 7u8;
        for (second, title) in [(2, "W"), (3, "Wr"), (4, "Wri")] {
            editor
                .edit_goal(
                    &mut plan,
                    &Id::from("a"),
                    StepLabel::Edit,
                    Some(field),
                    at(second),
                    |goal, now| goal.rename(title, now),
                )
                .unwrap();
        }
        assert_eq!(editor.history.len(), (2, 0));
        editor.undo(&mut plan, at(5));
        assert_eq!(without_times(&plan), without_times(&before));
        assert_eq!(goal(&plan, "a").updated_at, at(5));
        editor.redo(&mut plan, at(6));
        assert_eq!(goal(&plan, "a").title, "Wri");
        // Typing again after an undo or a focus change begins a new step.
        editor.end_typing();
        editor
            .edit_goal(
                &mut plan,
                &Id::from("a"),
                StepLabel::Edit,
                Some(field),
                at(7),
                |goal, now| goal.rename("Writ", now),
            )
            .unwrap();
        assert_eq!(editor.history.len(), (3, 0));
    }

    #[test]
    fn undoing_a_replacement_tells_the_views_to_start_afresh() {
        let mut plan = Plan::default();
        let mut editor = Editor::<u8>::default();
        add(&mut editor, &mut plan, "a", None, 1);
        let mut other = Plan::default();
        add_goals(&mut other, &[("x", None, "x")], at(2));
        editor
            .replace(
                &mut plan,
                other.clone(),
                Replacement::Import {
                    source: "plan.json".into(),
                },
            )
            .unwrap();
        assert_eq!(editor.log().replacements(), 1);
        assert_eq!(plan, other);
        editor.undo(&mut plan, at(3));
        assert_eq!(editor.log().replacements(), 2);
        // Undoing a replacement removes nothing from other devices.
        assert!(plan.removed.is_empty());
        assert!(plan.goal(&Id::from("a")).is_some());
        let mut broken = other;
        broken.goals[0].parent = Some(Id::from("x"));
        assert!(editor
            .replace(&mut plan, broken, Replacement::StartOver)
            .is_err());
    }

    #[test]
    fn a_vision_edit_is_kept_as_the_vision_alone() {
        let mut plan = Plan::default();
        let mut editor = Editor::<u8>::default();
        let ids: Vec<String> = (0..50).map(|n| format!("g{n}")).collect();
        let goals: Vec<(&str, Option<&str>, &str)> =
            ids.iter().map(|id| (id.as_str(), None, "a goal")).collect();
        add_goals(&mut plan, &goals, at(0));
        let before = plan.clone();
        editor.edit_vision(&mut plan, None, at(1), |vision, now| {
            vision.statement = "First".into();
            let _ = now;
        });
        editor.edit_vision(&mut plan, None, at(2), |vision, now| {
            vision.keep_current(now);
            vision.statement = "Second".into();
        });
        assert_eq!(editor.history.kinds(), ["vision", "vision"]);
        editor.undo(&mut plan, at(3));
        assert_eq!(plan.vision.statement, "First");
        assert_eq!(plan.vision.updated_at, Some(at(3)));
        editor.undo(&mut plan, at(4));
        assert_eq!(without_times(&plan), without_times(&before));
    }
}
