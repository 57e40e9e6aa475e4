//! Model-based tests of the store's rules: random sequences of what a person
//! can do, run against the real editor, history, change log and domain, and
//! checked against a reference model of the history (the plan's versions, and
//! where undo and redo stand among them).
//!
//! After every operation: the integrity rules hold; the plan is the version
//! the model expects; exporting and importing it gives the same plan, byte for
//! byte; and the text the autosave would write is a fresh serialization of
//! the plan. An undo or redo is a change of its own: it gives back the
//! version the model expects as the person sees it, with what it put back
//! stamped with its own time and what it took away recorded as removed (see
//! `domain::stamps`). At the end, undoing every step gives back the plan the
//! sequence started from (or, after another tab's plan was taken, which
//! clears the history, the plan taken), as the person sees it.
//!
//! `make test` runs a few thousand sequences. A long soak:
//! `WAYPOINT_SOAK_SEQUENCES=100000 cargo test --profile host-tests --lib sequences_of_edits`.

use super::autosave::KeptText;
use super::editor::{Done, Editor};
use super::history::{Replacement, StepId, StepInfo, StepLabel};
use crate::domain::calendar::{Date, Timestamp};
use crate::domain::example::example_plan;
use crate::domain::format::{check_integrity, parse_plan, to_file_text, to_storage_text};
use crate::domain::goals::{
    add_goal, add_goal_after, indent_goal, move_goal_beside, outdent_goal, remove_goal, shift_goal,
    GoalTree, NewGoal, Removed,
};
use crate::domain::merge::merge_plans;
use crate::domain::method::{add_asset, add_option, option_to_goal, remove_asset};
use crate::domain::plan::{AssetKind, CheckIn, GoalStatus, Id, OptionKind, Plan};
use crate::domain::review::record_check_in;
use crate::domain::stamps::{without_times, ChangeClock};
use proptest::prelude::*;
use proptest::sample::Index;
use std::collections::HashSet;

/// What a person can do, with the choices left to the plan at hand.
#[derive(Clone, Debug)]
enum Action {
    /// A goal under the chosen goal, or a long-term goal.
    Add {
        under: Option<Index>,
    },
    /// Enter in a title: a new sibling right below.
    AddBelow {
        at: Index,
    },
    Rename {
        at: Index,
        title: String,
    },
    /// Typing in one title, a character at a time: one step of the history.
    Type {
        at: Index,
        letters: String,
    },
    Remove {
        at: Index,
    },
    Undo,
    Redo,
    /// The removal notice's "Undo removal", while it shows.
    NoticeUndo,
    /// "Undo removal" clicked on a notice left from the last removal,
    /// whatever happened since (the route of the bug this guards against).
    StaleNoticeUndo,
    NoticeRedo,
    Indent {
        at: Index,
    },
    Outdent {
        at: Index,
    },
    Shift {
        at: Index,
        down: bool,
    },
    Drag {
        at: Index,
        onto: Index,
        after: bool,
    },
    Status {
        at: Index,
        status: GoalStatus,
    },
    ToggleDone {
        at: Index,
    },
    /// Next step's "Mark done", or the X key.
    MarkNextStepDone,
    Date {
        at: Index,
        day: Option<u16>,
    },
    Notes {
        at: Index,
        text: String,
    },
    /// A check-in that rewords a goal, adds a step under one, and maybe
    /// rewrites the vision.
    CheckIn {
        reword: Option<(Index, String)>,
        add_under: Option<(Index, String)>,
        new_vision: Option<String>,
    },
    Vision {
        text: String,
    },
    RestoreVision {
        at: Index,
    },
    Asset {
        name: String,
    },
    RemoveAsset {
        at: Index,
    },
    OptionToGoal {
        title: String,
    },
    /// A file: an earlier version of this plan (another device's copy),
    /// changed there, or the example plan.
    ImportReplace {
        from: Index,
        changed: bool,
    },
    ImportMerge {
        from: Index,
        changed: bool,
    },
    /// Another tab saved an earlier version, changed there.
    OtherTab {
        from: Index,
    },
    StartOver,
}

fn words() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "Find an agent",
        "",
        "  Write every day  ",
        "<b>Query</b> & \"letters\"",
        "Écrire 🌱",
        "Finish the manuscript",
    ])
    .prop_map(str::to_owned)
}

fn action() -> impl Strategy<Value = Action> {
    let index = any::<Index>;
    prop_oneof![
        6 => prop::option::of(index()).prop_map(|under| Action::Add { under }),
        3 => index().prop_map(|at| Action::AddBelow { at }),
        3 => (index(), words()).prop_map(|(at, title)| Action::Rename { at, title }),
        2 => (index(), "[a-z ]{1,6}").prop_map(|(at, letters)| Action::Type { at, letters }),
        4 => index().prop_map(|at| Action::Remove { at }),
        5 => Just(Action::Undo),
        3 => Just(Action::Redo),
        3 => Just(Action::NoticeUndo),
        3 => Just(Action::StaleNoticeUndo),
        1 => Just(Action::NoticeRedo),
        2 => index().prop_map(|at| Action::Indent { at }),
        2 => index().prop_map(|at| Action::Outdent { at }),
        2 => (index(), any::<bool>()).prop_map(|(at, down)| Action::Shift { at, down }),
        2 => (index(), index(), any::<bool>()).prop_map(|(at, onto, after)| Action::Drag { at, onto, after }),
        2 => (index(), prop::sample::select(GoalStatus::ALL.to_vec()))
            .prop_map(|(at, status)| Action::Status { at, status }),
        2 => index().prop_map(|at| Action::ToggleDone { at }),
        2 => Just(Action::MarkNextStepDone),
        1 => (index(), prop::option::of(0u16..800)).prop_map(|(at, day)| Action::Date { at, day }),
        1 => (index(), words()).prop_map(|(at, text)| Action::Notes { at, text }),
        1 => (
            prop::option::of((index(), words())),
            prop::option::of((index(), words())),
            prop::option::of(words()),
        )
            .prop_map(|(reword, add_under, new_vision)| Action::CheckIn { reword, add_under, new_vision }),
        2 => words().prop_map(|text| Action::Vision { text }),
        1 => index().prop_map(|at| Action::RestoreVision { at }),
        1 => words().prop_map(|name| Action::Asset { name }),
        1 => index().prop_map(|at| Action::RemoveAsset { at }),
        1 => words().prop_map(|title| Action::OptionToGoal { title }),
        1 => (index(), any::<bool>()).prop_map(|(from, changed)| Action::ImportReplace { from, changed }),
        1 => (index(), any::<bool>()).prop_map(|(from, changed)| Action::ImportMerge { from, changed }),
        1 => index().prop_map(|from| Action::OtherTab { from }),
        1 => Just(Action::StartOver),
    ]
}

/// The reference model: every version of the plan the history can reach,
/// oldest first, and the one on show. A change that changes something drops
/// the versions ahead (what redo would have reached) and adds the new one.
struct Model {
    versions: Vec<Plan>,
    at: usize,
}

impl Model {
    fn changed(&mut self, plan: &Plan) {
        self.versions.truncate(self.at + 1);
        self.versions.push(plan.clone());
        self.at += 1;
    }

    fn current(&self) -> &Plan {
        &self.versions[self.at]
    }
}

/// One sequence: the real code, the model, and the things a person sees.
struct Run {
    plan: Plan,
    editor: Editor<u32>,
    model: Model,
    kept_text: KeptText,
    now: i64,
    clock: ChangeClock,
    ids: u32,
    /// The step the removal notice was last shown for.
    last_removal: Option<StepId>,
    /// Every version seen, for files from "another device".
    seen: Vec<Plan>,
}

impl Run {
    fn new(start: Plan) -> Self {
        Self {
            plan: start.clone(),
            editor: Editor::default(),
            model: Model {
                versions: vec![start.clone()],
                at: 0,
            },
            kept_text: KeptText::default(),
            now: 1_790_000_000,
            clock: ChangeClock::default(),
            ids: 0,
            last_removal: None,
            seen: vec![start],
        }
    }

    /// The time of the next change, `seconds` on by the wall clock, as the
    /// app's change clock gives it: never the same twice.
    fn tick(&mut self, seconds: i64) -> Timestamp {
        self.now += seconds;
        self.clock.stamp(Timestamp::from_seconds(self.now))
    }

    fn new_id(&mut self, prefix: &str) -> Id {
        self.ids += 1;
        Id::from(format!("{prefix}-{}", self.ids).as_str())
    }

    fn goal_at(&self, at: &Index) -> Option<Id> {
        (!self.plan.goals.is_empty())
            .then(|| self.plan.goals[at.index(self.plan.goals.len())].id.clone())
    }

    /// A change through the editor, as the store makes it; the model follows.
    fn change<R>(
        &mut self,
        seconds: i64,
        name: impl FnOnce(&R) -> StepLabel,
        change: impl FnOnce(&mut Plan, Timestamp) -> R,
    ) -> Option<R> {
        let now = self.tick(seconds);
        let done = self.editor.change(&mut self.plan, name, None, now, change);
        self.follow(done)
    }

    fn edit_goal(
        &mut self,
        seconds: i64,
        id: &Id,
        label: StepLabel,
        editing: Option<u32>,
        edit: impl FnOnce(&mut crate::domain::plan::Goal, Timestamp),
    ) {
        let now = self.tick(seconds);
        let done = self
            .editor
            .edit_goal(&mut self.plan, id, label, editing, now, edit);
        self.follow(done);
    }

    fn follow<R>(&mut self, done: Result<Done<R>, super::Refused>) -> Option<R> {
        let done = done.expect("no action a person can take is refused");
        if done.step.is_some() {
            self.model.changed(&self.plan);
            self.seen.push(self.plan.clone());
        }
        Some(done.result)
    }

    fn replace(&mut self, plan: Plan, how: Replacement) {
        let step = self
            .editor
            .replace(&mut self.plan, plan, how)
            .expect("a checked plan");
        if step.is_some() {
            self.model.changed(&self.plan);
        }
    }

    /// Undo or redo by any route, from the plan as it was `before`, at
    /// `now`; the model moves along with it.
    fn stepped(
        &mut self,
        stepped: Option<StepInfo>,
        backwards: bool,
        before: &Plan,
        now: Timestamp,
    ) {
        let Some(info) = stepped else {
            assert_eq!(
                &self.plan, before,
                "an undo or redo that did nothing changed the plan"
            );
            return;
        };
        if backwards {
            self.model.at -= 1;
        } else {
            self.model.at += 1;
        }
        assert_eq!(
            without_times(&self.plan),
            without_times(self.model.current()),
            "an undo or redo put back another version than the history's"
        );
        assert_put_back_is_stamped(before, &self.plan, now, !info.label.is_replacement());
        // From here on the model expects this plan exactly, times and all.
        self.model.versions[self.model.at] = self.plan.clone();
    }

    /// Another device's copy of the plan: a version seen before, maybe
    /// changed there after this device last saw it.
    fn other_copy(&mut self, from: &Index, changed: bool) -> Plan {
        let mut copy = self.seen[from.index(self.seen.len())].clone();
        if changed {
            let now = self.tick(1);
            if let Some(goal) = copy.goals.last_mut() {
                goal.rename("Changed on the other device", now);
            }
            let new_goal = NewGoal {
                id: self.new_id("other"),
                parent: None,
                title: "Added on the other device".into(),
            };
            add_goal(&mut copy, new_goal, now).unwrap();
        }
        // As a file: written out and read back in.
        parse_plan(&to_file_text(&copy)).expect("a plan's own file reads back")
    }

    fn act(&mut self, action: Action, seconds: i64) {
        match action {
            Action::Add { under } => {
                let parent = under.and_then(|at| self.goal_at(&at));
                let new_goal = NewGoal {
                    id: self.new_id("g"),
                    parent,
                    title: "A goal".into(),
                };
                self.change(
                    seconds,
                    |_| StepLabel::Edit,
                    |plan, now| add_goal(plan, new_goal, now),
                );
            }
            Action::AddBelow { at } => {
                if let Some(sibling) = self.goal_at(&at) {
                    let id = self.new_id("g");
                    self.change(
                        seconds,
                        |_| StepLabel::Edit,
                        |plan, now| add_goal_after(plan, &sibling, id, "", now),
                    );
                }
            }
            Action::Rename { at, title } => {
                if let Some(id) = self.goal_at(&at) {
                    self.edit_goal(seconds, &id, StepLabel::Edit, None, |goal, now| {
                        goal.rename(&title, now)
                    });
                }
            }
            Action::Type { at, letters } => {
                if let Some(id) = self.goal_at(&at) {
                    // One field: every keystroke extends the step it began,
                    // so the model sees one change when the typing ends.
                    let field = self.ids + 1_000;
                    let mut typed = self.plan.goal(&id).unwrap().title.clone();
                    let mut first = true;
                    for letter in letters.chars() {
                        typed.push(letter);
                        let now = self.tick(if first { seconds } else { 0 });
                        let done = self
                            .editor
                            .edit_goal(
                                &mut self.plan,
                                &id,
                                StepLabel::Edit,
                                Some(field),
                                now,
                                |goal, now| goal.rename(&typed, now),
                            )
                            .unwrap();
                        if done.step.is_some() && first {
                            self.model.changed(&self.plan);
                            first = false;
                        } else if done.step.is_some() {
                            *self.model.versions.last_mut().unwrap() = self.plan.clone();
                        }
                    }
                    self.seen.push(self.plan.clone());
                    self.editor.end_typing();
                }
            }
            Action::Remove { at } => {
                if let Some(id) = self.goal_at(&at) {
                    self.change(
                        seconds,
                        |removed| match removed {
                            Ok(Removed { title, count }) => StepLabel::Removal {
                                goal: id.clone(),
                                title: title.clone(),
                                count: *count,
                            },
                            Err(_) => StepLabel::Edit,
                        },
                        |plan, now| remove_goal(plan, &id, now),
                    );
                    self.last_removal = self.editor.latest().undo.map(|step| step.id);
                }
            }
            Action::Undo => {
                let (before, now) = (self.plan.clone(), self.tick(seconds));
                let stepped = self.editor.undo(&mut self.plan, now);
                self.stepped(stepped, true, &before, now);
            }
            Action::Redo => {
                let (before, now) = (self.plan.clone(), self.tick(seconds));
                let stepped = self.editor.redo(&mut self.plan, now);
                self.stepped(stepped, false, &before, now);
            }
            Action::NoticeUndo => {
                // The notice shows while a removal is the latest change.
                if let Some(StepInfo {
                    id,
                    label: StepLabel::Removal { .. },
                }) = self.editor.latest().undo
                {
                    let (before, now) = (self.plan.clone(), self.tick(seconds));
                    let stepped = self.editor.undo_step(&mut self.plan, id, now);
                    assert!(stepped.is_some(), "the notice's step was the latest");
                    self.stepped(stepped, true, &before, now);
                }
            }
            Action::StaleNoticeUndo => {
                if let Some(id) = self.last_removal {
                    let (before, now) = (self.plan.clone(), self.tick(seconds));
                    let stepped = self.editor.undo_step(&mut self.plan, id, now);
                    self.stepped(stepped, true, &before, now);
                }
            }
            Action::NoticeRedo => {
                if let Some(StepInfo {
                    id,
                    label: StepLabel::Removal { .. },
                }) = self.editor.latest().redo
                {
                    let (before, now) = (self.plan.clone(), self.tick(seconds));
                    let stepped = self.editor.redo_step(&mut self.plan, id, now);
                    self.stepped(stepped, false, &before, now);
                }
            }
            Action::Indent { at } => {
                if let Some(id) = self.goal_at(&at) {
                    self.change(
                        seconds,
                        |_| StepLabel::Edit,
                        |plan, now| indent_goal(plan, &id, now),
                    );
                }
            }
            Action::Outdent { at } => {
                if let Some(id) = self.goal_at(&at) {
                    self.change(
                        seconds,
                        |_| StepLabel::Edit,
                        |plan, now| outdent_goal(plan, &id, now),
                    );
                }
            }
            Action::Shift { at, down } => {
                if let Some(id) = self.goal_at(&at) {
                    let offset = if down { 1 } else { -1 };
                    self.change(
                        seconds,
                        |_| StepLabel::Edit,
                        |plan, now| shift_goal(plan, &id, offset, now),
                    );
                }
            }
            Action::Drag { at, onto, after } => {
                if let (Some(id), Some(target)) = (self.goal_at(&at), self.goal_at(&onto)) {
                    self.change(
                        seconds,
                        |_| StepLabel::Edit,
                        |plan, now| move_goal_beside(plan, &id, &target, after, now),
                    );
                }
            }
            Action::Status { at, status } => {
                if let Some(id) = self.goal_at(&at) {
                    self.edit_goal(seconds, &id, StepLabel::Edit, None, |goal, now| {
                        goal.set_status(status, now)
                    });
                }
            }
            Action::ToggleDone { at } => {
                if let Some(id) = self.goal_at(&at) {
                    self.edit_goal(seconds, &id, StepLabel::Edit, None, |goal, now| {
                        goal.toggle_done(now)
                    });
                }
            }
            Action::MarkNextStepDone => {
                let next = GoalTree::new(&self.plan)
                    .plan_next_step()
                    .map(|step| (step.id.clone(), step.title.clone()));
                if let Some((id, title)) = next {
                    self.edit_goal(
                        seconds,
                        &id,
                        StepLabel::MarkedDone { title },
                        None,
                        |goal, now| goal.set_status(GoalStatus::Done, now),
                    );
                }
            }
            Action::Date { at, day } => {
                if let Some(id) = self.goal_at(&at) {
                    let date = day.map(|day| Date::from_days_since_epoch(20_000 + i64::from(day)));
                    self.edit_goal(seconds, &id, StepLabel::Edit, None, |goal, now| {
                        goal.set_target_date(date, now)
                    });
                }
            }
            Action::Notes { at, text } => {
                if let Some(id) = self.goal_at(&at) {
                    self.edit_goal(seconds, &id, StepLabel::Edit, None, |goal, now| {
                        goal.set_notes(&text, now)
                    });
                }
            }
            Action::CheckIn {
                reword,
                add_under,
                new_vision,
            } => {
                // Adjustments first, each its own change, as the form makes them.
                if let Some((at, text)) = reword {
                    if let Some(id) = self.goal_at(&at) {
                        self.edit_goal(seconds, &id, StepLabel::Edit, None, |goal, now| {
                            goal.rename(&text, now)
                        });
                    }
                }
                if let Some((at, text)) = add_under {
                    if let Some(parent) = self.goal_at(&at) {
                        let new_goal = NewGoal {
                            id: self.new_id("g"),
                            parent: Some(parent),
                            title: text,
                        };
                        self.change(
                            seconds,
                            |_| StepLabel::Edit,
                            |plan, now| add_goal(plan, new_goal, now),
                        );
                    }
                }
                let id = self.new_id("c");
                self.change(
                    seconds,
                    |_| StepLabel::Edit,
                    |plan, now| {
                        if let Some(revised) = new_vision {
                            plan.vision.keep_current(now);
                            plan.vision.statement = revised;
                            plan.vision.updated_at = Some(now);
                        }
                        let check_in = CheckIn {
                            id,
                            date: Date::from_days_since_epoch(now.seconds_since_epoch() / 86_400),
                            what_happened: "Sent three letters".into(),
                            what_i_learned: String::new(),
                            what_i_will_change: String::new(),
                            created_at: now,
                            vision_still_right: None,
                            changes: Vec::new(),
                            updated_at: None,
                        };
                        record_check_in(plan, check_in);
                    },
                );
            }
            Action::Vision { text } => {
                let now = self.tick(seconds);
                let done = self
                    .editor
                    .edit_vision(&mut self.plan, None, now, |vision, now| {
                        vision.keep_current(now);
                        vision.statement = text;
                    });
                self.follow(Ok(done));
            }
            Action::RestoreVision { at } => {
                let count = self.plan.vision.history.len();
                if count > 0 {
                    let now = self.tick(seconds);
                    let done = self
                        .editor
                        .edit_vision(&mut self.plan, None, now, |vision, now| {
                            vision.restore(at.index(count), now)
                        });
                    self.follow(Ok(done));
                }
            }
            Action::Asset { name } => {
                let id = self.new_id("a");
                self.change(
                    seconds,
                    |_| StepLabel::Edit,
                    |plan, now| add_asset(plan, id, AssetKind::Skill, &name, now),
                );
            }
            Action::RemoveAsset { at } => {
                if !self.plan.assets.is_empty() {
                    let id = self.plan.assets[at.index(self.plan.assets.len())]
                        .id
                        .clone();
                    self.change(
                        seconds,
                        |_| StepLabel::Edit,
                        |plan, now| remove_asset(plan, &id, now),
                    );
                }
            }
            Action::OptionToGoal { title } => {
                let (option, goal) = (self.new_id("o"), self.new_id("g"));
                self.change(
                    seconds,
                    |_| StepLabel::Edit,
                    |plan, now| {
                        add_option(plan, option.clone(), OptionKind::Networking, &title, now);
                        option_to_goal(plan, &option, goal, now)
                    },
                );
            }
            Action::ImportReplace { from, changed } => {
                let file = if changed && from.index(4) == 0 {
                    example_plan(self.tick(seconds))
                } else {
                    self.other_copy(&from, changed)
                };
                self.replace(
                    file,
                    Replacement::Import {
                        source: "plan.json".into(),
                    },
                );
            }
            Action::ImportMerge { from, changed } => {
                let file = self.other_copy(&from, changed);
                let now = self.tick(seconds);
                let _ = now;
                let (merged, report) =
                    merge_plans(&self.plan, &file, None).expect("copies of one plan merge");
                self.replace(
                    merged,
                    Replacement::Merge {
                        source: "plan.json".into(),
                        report,
                    },
                );
            }
            Action::OtherTab { from } => {
                let theirs = self.other_copy(&from, true);
                // As the storage event brings it: the stored text, read.
                let theirs = parse_plan(&to_storage_text(&theirs)).unwrap();
                self.editor.take_from_other_tab(&mut self.plan, theirs);
                self.model = Model {
                    versions: vec![self.plan.clone()],
                    at: 0,
                };
                self.last_removal = None;
            }
            Action::StartOver => self.replace(Plan::default(), Replacement::StartOver),
        }
    }

    /// What must hold after every action.
    fn check(&mut self, save: bool) -> Result<(), TestCaseError> {
        prop_assert_eq!(check_integrity(&self.plan), Ok(()));
        prop_assert_eq!(
            &self.plan,
            self.model.current(),
            "the plan is not the version the history should show"
        );
        let file = to_file_text(&self.plan);
        let read = parse_plan(&file).map_err(|problem| TestCaseError::fail(problem.to_string()))?;
        prop_assert_eq!(&read, &self.plan);
        prop_assert_eq!(to_file_text(&read), file, "export, import, export differ");
        if save {
            let saved = self.kept_text.write(&self.plan, self.editor.log());
            prop_assert_eq!(
                &saved,
                &to_storage_text(&self.plan),
                "the autosave's text fell behind"
            );
            let stored = parse_plan(&saved).ok();
            prop_assert_eq!(stored.as_ref(), Some(&self.plan));
        }
        Ok(())
    }

    /// Undoes every step: back to the version the history began at, as the
    /// person sees it.
    fn undo_everything(&mut self) -> Result<(), TestCaseError> {
        let mut undone = 0;
        loop {
            let (before, now) = (self.plan.clone(), self.tick(1));
            let stepped = self.editor.undo(&mut self.plan, now);
            if stepped.is_none() {
                break;
            }
            undone += 1;
            self.stepped(stepped, true, &before, now);
            prop_assert_eq!(check_integrity(&self.plan), Ok(()));
        }
        prop_assert_eq!(
            self.model.at,
            0,
            "undo stopped early, after {} steps",
            undone
        );
        prop_assert_eq!(
            without_times(&self.plan),
            without_times(&self.model.versions[0])
        );
        Ok(())
    }
}

/// What an undo or redo from `before` to `after` at `now` must have stamped:
/// every item it changed or brought back carries its time, and (unless it
/// undid a whole replacement) every item it took away is recorded as removed
/// then.
fn assert_put_back_is_stamped(before: &Plan, after: &Plan, now: Timestamp, records: bool) {
    for goal in &after.goals {
        if before.goal(&goal.id) != Some(goal) {
            assert_eq!(goal.updated_at, now, "goal {} put back unstamped", goal.id);
        }
    }
    for asset in &after.assets {
        if !before.assets.contains(asset) {
            assert_eq!(
                asset.updated_at,
                Some(now),
                "asset {} put back unstamped",
                asset.id
            );
        }
    }
    for check_in in &after.check_ins {
        if !before.check_ins.contains(check_in) {
            assert_eq!(
                check_in.updated_at,
                Some(now),
                "check-in {} put back unstamped",
                check_in.id
            );
        }
    }
    if after.vision != before.vision {
        assert_eq!(
            after.vision.updated_at,
            Some(now),
            "the vision put back unstamped"
        );
    }
    let present: HashSet<&Id> = after
        .goals
        .iter()
        .map(|goal| &goal.id)
        .chain(after.assets.iter().map(|asset| &asset.id))
        .chain(after.options.iter().map(|option| &option.id))
        .chain(after.check_ins.iter().map(|check_in| &check_in.id))
        .collect();
    let gone = before
        .goals
        .iter()
        .map(|goal| &goal.id)
        .chain(before.assets.iter().map(|asset| &asset.id))
        .chain(before.options.iter().map(|option| &option.id))
        .chain(before.check_ins.iter().map(|check_in| &check_in.id))
        .filter(|id| !present.contains(id));
    for id in gone {
        let record = after.removed.iter().find(|record| &record.id == id);
        if records {
            assert_eq!(
                record.map(|record| record.removed_at),
                Some(now),
                "{id} taken away unrecorded"
            );
        }
    }
    {
        // What was removed stays removed, unless it came back.
        for record in &before.removed {
            if !present.contains(&record.id) {
                let kept = after.removed.iter().find(|kept| kept.id == record.id);
                assert!(
                    kept.is_some_and(|kept| kept.removed_at >= record.removed_at),
                    "the removal of {} was forgotten",
                    record.id
                );
            }
        }
    }
    assert_eq!(after.updated_at, Some(now));
}

fn sequences() -> u32 {
    std::env::var("WAYPOINT_SOAK_SEQUENCES")
        .ok()
        .and_then(|count| count.parse().ok())
        .unwrap_or(2_000)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: sequences(), ..ProptestConfig::default() })]

    #[test]
    fn sequences_of_edits_keep_the_plan_whole_and_undo_takes_them_all_back(
        start_with_example in any::<bool>(),
        steps in prop::collection::vec((action(), 0i64..3, any::<bool>()), 50..90),
    ) {
        let start = if start_with_example {
            example_plan(Timestamp::from_seconds(1_780_000_000))
        } else {
            Plan::default()
        };
        let mut run = Run::new(start);
        for (action, seconds, save) in steps {
            run.act(action, seconds);
            run.check(save)?;
        }
        run.undo_everything()?;
    }
}
