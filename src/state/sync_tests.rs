//! Property tests of syncing: two or three simulated devices, each with its
//! own store rules (the editor and its history), its own clock (set apart by
//! up to an hour) and its own random edits, undos and redos included, meet in
//! one plan file in a random order, as the app's "Keep in a file" does.
//!
//! They check the laws a sync relies on (merging is commutative, associative
//! and idempotent, on the plans the devices reach), that once every device
//! has seen every change they all hold the same plan byte for byte, and that
//! a removal made anywhere holds wherever the item was not changed after it,
//! while an item changed after its removal stays.
//!
//! `make test` runs a few hundred histories; a longer run:
//! `WAYPOINT_SYNC_HISTORIES=20000 cargo test --release --lib sync_tests`.

use super::editor::Editor;
use super::history::{Replacement, StepLabel};
use crate::domain::calendar::{Date, Timestamp};
use crate::domain::format::{check_integrity, parse_plan, to_file_text};
use crate::domain::goals::{
    add_goal, add_goal_after, indent_goal, move_goal_beside, outdent_goal, remove_goal, shift_goal,
    NewGoal, Removed,
};
use crate::domain::merge::merge_plans;
use crate::domain::method::{
    add_asset, add_option, edit_asset, option_to_goal, remove_asset, remove_option,
};
use crate::domain::plan::{AssetKind, CheckIn, GoalStatus, Id, OptionKind, Plan, ReviewRhythm};
use crate::domain::review::record_check_in;
use crate::domain::stamps::{newest_time, ChangeClock};
use proptest::prelude::*;
use proptest::sample::Index;
use std::collections::HashMap;

/// What a person does on one device.
#[derive(Clone, Debug)]
enum Edit {
    Add { under: Option<Index> },
    AddBelow { at: Index },
    Rename { at: Index, title: &'static str },
    Status { at: Index, status: GoalStatus },
    Remove { at: Index },
    Indent { at: Index },
    Outdent { at: Index },
    Shift { at: Index, down: bool },
    Drag { at: Index, onto: Index, after: bool },
    Vision { text: &'static str },
    RestoreVision { at: Index },
    Asset,
    AssetLevel { at: Index, level: u8 },
    RemoveAsset { at: Index },
    OptionToGoal,
    RemoveOption { at: Index },
    CheckIn,
    Rhythm { rhythm: ReviewRhythm },
    Undo,
    Redo,
}

/// What happens next, on which device, after how many seconds.
#[derive(Clone, Debug)]
enum Event {
    Edit(Edit),
    /// The device comes into view: it reads the file, merges, writes.
    Sync,
}

fn words() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "Find an agent",
        "",
        "Write daily",
        "Écrire 🌱",
        "Query",
    ])
}

fn edit() -> impl Strategy<Value = Edit> {
    let index = any::<Index>;
    prop_oneof![
        6 => prop::option::of(index()).prop_map(|under| Edit::Add { under }),
        2 => index().prop_map(|at| Edit::AddBelow { at }),
        4 => (index(), words()).prop_map(|(at, title)| Edit::Rename { at, title }),
        3 => (index(), prop::sample::select(GoalStatus::ALL.to_vec()))
            .prop_map(|(at, status)| Edit::Status { at, status }),
        4 => index().prop_map(|at| Edit::Remove { at }),
        2 => index().prop_map(|at| Edit::Indent { at }),
        2 => index().prop_map(|at| Edit::Outdent { at }),
        2 => (index(), any::<bool>()).prop_map(|(at, down)| Edit::Shift { at, down }),
        2 => (index(), index(), any::<bool>())
            .prop_map(|(at, onto, after)| Edit::Drag { at, onto, after }),
        2 => words().prop_map(|text| Edit::Vision { text }),
        1 => index().prop_map(|at| Edit::RestoreVision { at }),
        1 => Just(Edit::Asset),
        1 => (index(), 1u8..=5).prop_map(|(at, level)| Edit::AssetLevel { at, level }),
        1 => index().prop_map(|at| Edit::RemoveAsset { at }),
        1 => Just(Edit::OptionToGoal),
        1 => index().prop_map(|at| Edit::RemoveOption { at }),
        1 => Just(Edit::CheckIn),
        1 => prop::sample::select(ReviewRhythm::ALL.to_vec()).prop_map(|rhythm| Edit::Rhythm { rhythm }),
        3 => Just(Edit::Undo),
        2 => Just(Edit::Redo),
    ]
}

fn event() -> impl Strategy<Value = Event> {
    prop_oneof![
        5 => edit().prop_map(Event::Edit),
        1 => Just(Event::Sync),
    ]
}

/// One device: its plan, the rules it changes it by, its clock, and the
/// file's text as it last read or wrote it.
struct Device {
    prefix: char,
    plan: Plan,
    editor: Editor<u32>,
    clock: ChangeClock,
    /// This device's wall clock runs this many seconds from the world's.
    skew: i64,
    ids: u32,
    /// The newest time in the plan as last synced.
    synced_through: Option<Timestamp>,
}

/// What every device shared through the file, to judge the end by: each
/// item's newest version and newest removal. (A version a device never
/// wrote to the file, say one it took back by undoing a sync, was never
/// anyone else's to keep.)
#[derive(Default)]
struct Seen {
    changed: HashMap<Id, Timestamp>,
    removed: HashMap<Id, Timestamp>,
    vision: Option<Timestamp>,
}

impl Seen {
    fn note(&mut self, plan: &Plan) {
        let note = |map: &mut HashMap<Id, Timestamp>, id: &Id, time: Timestamp| {
            let kept = map.entry(id.clone()).or_insert(time);
            *kept = (*kept).max(time);
        };
        for goal in &plan.goals {
            note(&mut self.changed, &goal.id, goal.updated_at);
        }
        for asset in &plan.assets {
            note(
                &mut self.changed,
                &asset.id,
                asset.updated_at.unwrap_or(asset.created_at),
            );
        }
        for option in &plan.options {
            note(
                &mut self.changed,
                &option.id,
                option.updated_at.unwrap_or(option.created_at),
            );
        }
        for check_in in &plan.check_ins {
            note(
                &mut self.changed,
                &check_in.id,
                check_in.updated_at.unwrap_or(check_in.created_at),
            );
        }
        for record in &plan.removed {
            note(&mut self.removed, &record.id, record.removed_at);
        }
        self.vision = self.vision.max(plan.vision.updated_at);
    }
}

impl Device {
    fn new(prefix: char, start: &Plan, skew: i64) -> Self {
        let mut clock = ChangeClock::default();
        clock.observe(newest_time(start));
        Self {
            prefix,
            plan: start.clone(),
            editor: Editor::default(),
            clock,
            skew,
            ids: 0,
            synced_through: None,
        }
    }

    fn new_id(&mut self, kind: &str) -> Id {
        self.ids += 1;
        Id::from(format!("{kind}-{}{}", self.prefix, self.ids).as_str())
    }

    fn goal_at(&self, at: &Index) -> Option<Id> {
        (!self.plan.goals.is_empty())
            .then(|| self.plan.goals[at.index(self.plan.goals.len())].id.clone())
    }

    fn change<R>(&mut self, now: Timestamp, change: impl FnOnce(&mut Plan, Timestamp) -> R) {
        self.editor
            .change(&mut self.plan, |_| StepLabel::Edit, None, now, change)
            .expect("no edit a person can make is refused");
    }

    fn edit(&mut self, edit: Edit, now: Timestamp) {
        match edit {
            Edit::Add { under } => {
                let parent = under.and_then(|at| self.goal_at(&at));
                let new_goal = NewGoal {
                    id: self.new_id("g"),
                    parent,
                    title: format!("A goal from {}", self.prefix),
                };
                self.change(now, |plan, now| add_goal(plan, new_goal, now));
            }
            Edit::AddBelow { at } => {
                if let Some(sibling) = self.goal_at(&at) {
                    let id = self.new_id("g");
                    self.change(now, |plan, now| add_goal_after(plan, &sibling, id, "", now));
                }
            }
            Edit::Rename { at, title } => {
                if let Some(id) = self.goal_at(&at) {
                    let title = format!("{title} ({})", self.prefix);
                    self.editor
                        .edit_goal(
                            &mut self.plan,
                            &id,
                            StepLabel::Edit,
                            None,
                            now,
                            |goal, now| goal.rename(&title, now),
                        )
                        .expect("a rename is never refused");
                }
            }
            Edit::Status { at, status } => {
                if let Some(id) = self.goal_at(&at) {
                    self.editor
                        .edit_goal(
                            &mut self.plan,
                            &id,
                            StepLabel::Edit,
                            None,
                            now,
                            |goal, now| goal.set_status(status, now),
                        )
                        .expect("a status is never refused");
                }
            }
            Edit::Remove { at } => {
                if let Some(id) = self.goal_at(&at) {
                    self.editor
                        .change(
                            &mut self.plan,
                            |removed: &Result<Removed, _>| match removed {
                                Ok(removed) => StepLabel::Removal {
                                    goal: id.clone(),
                                    title: removed.title.clone(),
                                    count: removed.count,
                                },
                                Err(_) => StepLabel::Edit,
                            },
                            None,
                            now,
                            |plan, now| remove_goal(plan, &id, now),
                        )
                        .expect("a removal is never refused");
                }
            }
            Edit::Indent { at } => {
                if let Some(id) = self.goal_at(&at) {
                    self.change(now, |plan, now| indent_goal(plan, &id, now));
                }
            }
            Edit::Outdent { at } => {
                if let Some(id) = self.goal_at(&at) {
                    self.change(now, |plan, now| outdent_goal(plan, &id, now));
                }
            }
            Edit::Shift { at, down } => {
                if let Some(id) = self.goal_at(&at) {
                    let offset = if down { 1 } else { -1 };
                    self.change(now, |plan, now| shift_goal(plan, &id, offset, now));
                }
            }
            Edit::Drag { at, onto, after } => {
                if let (Some(id), Some(target)) = (self.goal_at(&at), self.goal_at(&onto)) {
                    self.change(now, |plan, now| {
                        move_goal_beside(plan, &id, &target, after, now)
                    });
                }
            }
            Edit::Vision { text } => {
                let text = format!("{text} ({})", self.prefix);
                self.editor
                    .edit_vision(&mut self.plan, None, now, |vision, now| {
                        vision.keep_current(now);
                        vision.statement = text;
                    });
            }
            Edit::RestoreVision { at } => {
                let count = self.plan.vision.history.len();
                if count > 0 {
                    self.editor
                        .edit_vision(&mut self.plan, None, now, |vision, now| {
                            vision.restore(at.index(count), now)
                        });
                }
            }
            Edit::Asset => {
                let id = self.new_id("a");
                self.change(now, |plan, now| {
                    add_asset(plan, id, AssetKind::Skill, "Statistics", now)
                });
            }
            Edit::AssetLevel { at, level } => {
                if !self.plan.assets.is_empty() {
                    let id = self.plan.assets[at.index(self.plan.assets.len())]
                        .id
                        .clone();
                    self.change(now, |plan, now| {
                        edit_asset(plan, &id, now, |asset| asset.level = Some(level))
                    });
                }
            }
            Edit::RemoveAsset { at } => {
                if !self.plan.assets.is_empty() {
                    let id = self.plan.assets[at.index(self.plan.assets.len())]
                        .id
                        .clone();
                    self.change(now, |plan, now| remove_asset(plan, &id, now));
                }
            }
            Edit::OptionToGoal => {
                let (option, goal) = (self.new_id("o"), self.new_id("g"));
                self.change(now, |plan, now| {
                    add_option(
                        plan,
                        option.clone(),
                        OptionKind::Networking,
                        "Meet people",
                        now,
                    );
                    option_to_goal(plan, &option, goal, now)
                });
            }
            Edit::RemoveOption { at } => {
                if !self.plan.options.is_empty() {
                    let id = self.plan.options[at.index(self.plan.options.len())]
                        .id
                        .clone();
                    self.change(now, |plan, now| remove_option(plan, &id, now));
                }
            }
            Edit::CheckIn => {
                let id = self.new_id("c");
                self.change(now, |plan, now| {
                    let check_in = CheckIn {
                        id,
                        date: Date::from_days_since_epoch(now.seconds_since_epoch() / 86_400),
                        what_happened: "Sent letters".into(),
                        what_i_learned: String::new(),
                        what_i_will_change: String::new(),
                        created_at: now,
                        vision_still_right: None,
                        changes: Vec::new(),
                        updated_at: None,
                    };
                    record_check_in(plan, check_in);
                });
            }
            Edit::Rhythm { rhythm } => {
                self.change(now, |plan, now| {
                    crate::domain::review::set_review_rhythm(plan, Some(rhythm), now)
                });
            }
            Edit::Undo => {
                self.editor.undo(&mut self.plan, now);
            }
            Edit::Redo => {
                self.editor.redo(&mut self.plan, now);
            }
        }
    }

    /// A sync: the file's text is merged in as a step of the history, even
    /// when this device wrote it last (an undo or redo of a sync since may
    /// have put back a plan without what the file holds, and the file must
    /// not lose it: a kept file is merged then too), then the plan is
    /// written.
    fn sync(&mut self, file: &mut Option<String>) -> Result<(), TestCaseError> {
        if let Some(text) = file.as_ref() {
            let theirs =
                parse_plan(text).map_err(|problem| TestCaseError::fail(problem.to_string()))?;
            let (merged, report) = merge_plans(&self.plan, &theirs, self.synced_through)
                .map_err(|problem| TestCaseError::fail(problem.to_string()))?;
            self.clock.observe(newest_time(&merged));
            let how = Replacement::Sync {
                source: "plan.json".into(),
                report,
            };
            self.editor
                .replace(&mut self.plan, merged, how)
                .map_err(|refused| TestCaseError::fail(refused.problem))?;
        }
        *file = Some(to_file_text(&self.plan));
        self.synced_through = newest_time(&self.plan);
        Ok(())
    }
}

/// A plan that all devices start from: a few goals, a vision, an asset.
fn starting_plan() -> Plan {
    let mut plan = Plan::default();
    let at = Timestamp::from_seconds(1_789_990_000);
    for (id, parent) in [
        ("g-1", None),
        ("g-2", Some("g-1")),
        ("g-3", Some("g-2")),
        ("g-4", None),
    ] {
        let new_goal = NewGoal {
            id: Id::from(id),
            parent: parent.map(Id::from),
            title: format!("Shared {id}"),
        };
        add_goal(&mut plan, new_goal, at).unwrap();
    }
    plan.vision.statement = "Write for children".into();
    plan.vision.updated_at = Some(at);
    add_asset(
        &mut plan,
        Id::from("a-0"),
        AssetKind::Person,
        "An editor",
        at,
    );
    plan
}

fn merged(a: &Plan, b: &Plan) -> Result<Plan, TestCaseError> {
    merge_plans(a, b, None)
        .map(|(plan, _)| plan)
        .map_err(|problem| TestCaseError::fail(problem.to_string()))
}

/// The laws, on three plans the devices reached: the same plan, byte for
/// byte, whatever the order and grouping.
fn check_laws(a: &Plan, b: &Plan, c: &Plan) -> Result<(), TestCaseError> {
    let ab = merged(a, b)?;
    prop_assert_eq!(check_integrity(&ab), Ok(()));
    prop_assert_eq!(
        to_file_text(&ab),
        to_file_text(&merged(b, a)?),
        "not commutative"
    );
    prop_assert_eq!(&merged(a, a)?, a, "not idempotent");
    prop_assert_eq!(&merged(&ab, &ab)?, &ab, "not idempotent on a merge");
    prop_assert_eq!(&merged(&ab, b)?, &ab, "merging again changed it");
    prop_assert_eq!(&merged(a, &ab)?, &ab, "merging an older copy changed it");
    let left = merged(&ab, c)?;
    let right = merged(a, &merged(b, c)?)?;
    prop_assert_eq!(to_file_text(&left), to_file_text(&right), "not associative");
    let other_grouping = merged(&merged(a, c)?, b)?;
    prop_assert_eq!(
        to_file_text(&left),
        to_file_text(&other_grouping),
        "not associative"
    );
    Ok(())
}

fn histories() -> u32 {
    std::env::var("WAYPOINT_SYNC_HISTORIES")
        .ok()
        .and_then(|count| count.parse().ok())
        .unwrap_or(300)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: histories(), ..ProptestConfig::default() })]

    #[test]
    fn devices_that_saw_the_same_changes_hold_the_same_plan(
        three in any::<bool>(),
        skews in prop::collection::vec(-3_600i64..3_600, 3),
        events in prop::collection::vec((0usize..3, event(), 0i64..3), 20..70),
        first_syncs in prop::collection::vec(0usize..3, 3),
    ) {
        let start = starting_plan();
        let count = if three { 3 } else { 2 };
        let mut devices: Vec<Device> = ['l', 'p', 't']
            .into_iter()
            .zip(&skews)
            .take(count)
            .map(|(prefix, &skew)| Device::new(prefix, &start, skew))
            .collect();
        let mut file: Option<String> = None;
        let mut seen = Seen::default();
        let mut world = 1_790_000_000i64;
        for (device, event, seconds) in events {
            world += seconds;
            let device = &mut devices[device % count];
            match event {
                Event::Edit(edit) => {
                    let now = device.clock.stamp(Timestamp::from_seconds(world + device.skew));
                    device.edit(edit, now);
                }
                Event::Sync => {
                    device.sync(&mut file)?;
                    seen.note(&device.plan);
                }
            }
            prop_assert_eq!(check_integrity(&device.plan), Ok(()));
        }

        // The laws, on the plans the devices hold now and the file.
        let file_plan = file.as_deref().map_or_else(|| start.clone(), |text| parse_plan(text).unwrap());
        let (a, b) = (&devices[0].plan, &devices[1].plan);
        let c = devices.get(2).map_or(&file_plan, |device| &device.plan);
        check_laws(a, b, c)?;

        // Every device comes into view twice more, in a random order first:
        // then each has seen every change.
        for round in 0..3 {
            for (step, first) in first_syncs.iter().enumerate().take(count) {
                let device = if round == 0 { first % count } else { step };
                devices[device].sync(&mut file)?;
                    seen.note(&devices[device].plan);
            }
        }
        let file = file.expect("every device wrote the file");
        for device in &devices {
            prop_assert_eq!(&to_file_text(&device.plan), &file, "device {} differs", device.prefix);
        }

        // A removal holds unless the item changed after it, anywhere; an item
        // changed after its removal stays.
        let plan = &devices[0].plan;
        let present: std::collections::HashSet<&Id> = plan.item_ids().collect();
        for (id, changed) in &seen.changed {
            let removed = seen.removed.get(id);
            let stays = removed.is_none_or(|removed| changed >= removed);
            prop_assert_eq!(present.contains(id), stays, "{} changed {} removed {:?}", id, changed, removed);
        }
        for record in &plan.removed {
            prop_assert!(!present.contains(&record.id));
        }
        // The vision is the one changed last, and its history repeats no
        // statement, nor holds the current one.
        prop_assert_eq!(plan.vision.updated_at, seen.vision);
        let mut statements: Vec<&str> = plan.vision.history.iter().map(|version| version.statement.trim()).collect();
        statements.sort_unstable();
        let count_before = statements.len();
        statements.dedup();
        prop_assert_eq!(statements.len(), count_before);
        prop_assert!(!statements.contains(&plan.vision.statement.trim()));
    }
}
