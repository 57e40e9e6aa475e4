//! Property tests: every plan the app can hold survives its files, the
//! importer never panics on any input, merging keeps a plan whole, and the
//! goal list's one-pass outline says what the tree's own walks say.

use super::calendar::{Date, Timestamp};
use super::format::{
    check_integrity, parse_plan, to_file_text, to_storage_text, PlanFileError, StorageText,
    EXCITEMENT_SCORES, HORIZON_YEARS,
};
use super::goals::{GoalTree, Outline, Progress, MAX_DEPTH};
use super::merge::merge_plans;
use super::migrate::migrate_to_current;
use super::plan::*;
use super::rank::{in_outline_order, rank_in_list_order, Rank};
use super::reader::{read_plan, read_plan_bytes};
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..24).prop_map(String::from_iter)
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    (0i64..4_000_000_000).prop_map(Timestamp::from_seconds)
}

fn date() -> impl Strategy<Value = Date> {
    (0i64..40_000).prop_map(Date::from_days_since_epoch)
}

fn horizon() -> impl Strategy<Value = Option<u8>> {
    prop::option::of(HORIZON_YEARS)
}

fn excitement() -> impl Strategy<Value = Option<u8>> {
    prop::option::of(EXCITEMENT_SCORES)
}

fn facet() -> impl Strategy<Value = SuccessFacet> {
    (0u8..=5, text()).prop_map(|(weight, words)| SuccessFacet { weight, words })
}

fn vision() -> impl Strategy<Value = Vision> {
    let answers = (text(), text(), text(), text());
    let success = (facet(), facet(), facet(), facet()).prop_map(
        |(money, accomplishments, mission, own_terms)| SuccessMeaning {
            money,
            accomplishments,
            mission,
            own_terms,
        },
    );
    let history = prop::collection::vec(
        (text(), horizon(), excitement(), timestamp()).prop_map(
            |(statement, horizon_years, excitement, replaced_at)| VisionVersion {
                statement,
                horizon_years,
                excitement,
                replaced_at,
            },
        ),
        0..3,
    );
    (
        answers,
        success,
        horizon(),
        excitement(),
        history,
        prop::option::of(timestamp()),
    )
        .prop_map(
            |(
                (want, willing, believe, statement),
                success,
                horizon_years,
                excitement,
                history,
                updated_at,
            )| {
                Vision {
                    want,
                    willing_to_work_for: willing,
                    believe_can_be_real: believe,
                    success,
                    statement,
                    horizon_years,
                    excitement,
                    history,
                    updated_at,
                }
            },
        )
}

fn asset(index: usize) -> impl Strategy<Value = Asset> {
    (
        prop::sample::select(AssetKind::ALL.to_vec()),
        text(),
        text(),
        prop::option::of(1u8..=5),
        any::<bool>(),
        timestamp(),
        prop::option::of(timestamp()),
    )
        .prop_map(
            move |(kind, name, note, level, private, created_at, updated_at)| Asset {
                id: Id::from(format!("a-{index}").as_str()),
                kind,
                name,
                note,
                level,
                private,
                created_at,
                updated_at,
            },
        )
}

fn option(index: usize, assets: usize) -> impl Strategy<Value = CareerOption> {
    (
        (
            prop::sample::select(OptionKind::ALL.to_vec()),
            text(),
            text(),
            prop::sample::select(OptionStatus::ALL.to_vec()),
            timestamp(),
        ),
        prop::collection::vec(0..assets.max(1), 0..3),
        (text(), text(), text(), text()),
        (text(), text(), text(), text(), text(), text()),
        prop::option::of(timestamp()),
    )
        .prop_map(
            move |(
                (kind, title, notes, status, created_at),
                used,
                (time_cost, money_cost, upside, risks),
                (who, their_path, what_to_learn, how_to_reach, what_to_try, what_it_will_teach),
                updated_at,
            )| {
                let mut assets_used: Vec<Id> = Vec::new();
                if assets > 0 {
                    for used in used {
                        let id = Id::from(format!("a-{used}").as_str());
                        if !assets_used.contains(&id) {
                            assets_used.push(id);
                        }
                    }
                }
                CareerOption {
                    id: Id::from(format!("o-{index}").as_str()),
                    kind,
                    title,
                    notes,
                    status,
                    created_at,
                    assets_used,
                    time_cost,
                    money_cost,
                    upside,
                    risks,
                    role_model: RoleModel {
                        who,
                        their_path,
                        what_to_learn,
                        how_to_reach,
                    },
                    experiment: Experiment {
                        what_to_try,
                        what_it_will_teach,
                    },
                    updated_at,
                }
            },
        )
}

/// Goals whose parents come earlier in the list, never deeper than allowed.
fn goals(count: usize) -> impl Strategy<Value = Vec<Goal>> {
    prop::collection::vec(
        (
            any::<prop::sample::Index>(),
            any::<bool>(),
            text(),
            prop::sample::select(GoalStatus::ALL.to_vec()),
            prop::option::of(date()),
            text(),
            timestamp(),
            prop::option::of(timestamp()),
            prop::option::of(text()),
        ),
        count,
    )
    .prop_map(|drafts| {
        let mut depths: Vec<usize> = Vec::new();
        let mut goals: Vec<Goal> = Vec::new();
        for (index, (pick, top, title, status, target_date, notes, created_at, done_at, reason)) in
            drafts.into_iter().enumerate()
        {
            let parent = (!top && index > 0)
                .then(|| pick.index(index))
                .filter(|&parent| depths[parent] < MAX_DEPTH);
            depths.push(parent.map_or(0, |parent| depths[parent] + 1));
            goals.push(Goal {
                id: Id::from(format!("g-{index}").as_str()),
                parent: parent.map(|parent| goals[parent].id.clone()),
                wanted_parent: None,
                rank: Rank::first(),
                title,
                status,
                target_date,
                notes,
                created_at,
                completed_at: done_at,
                dropped_reason: reason,
                from_option: None,
                updated_at: created_at,
            });
        }
        // As a plan keeps them: ranked, in outline order.
        rank_in_list_order(&mut goals);
        in_outline_order(goals)
    })
}

fn check_in(index: usize) -> impl Strategy<Value = CheckIn> {
    (
        date(),
        text(),
        text(),
        text(),
        timestamp(),
        prop::option::of(any::<bool>()),
        prop::collection::vec(text(), 0..3),
    )
        .prop_map(
            move |(date, happened, learned, change, created_at, still_right, changes)| CheckIn {
                id: Id::from(format!("c-{index}").as_str()),
                date,
                what_happened: happened,
                what_i_learned: learned,
                what_i_will_change: change,
                created_at,
                vision_still_right: still_right,
                changes,
                updated_at: None,
            },
        )
}

fn plan() -> impl Strategy<Value = Plan> {
    (0usize..4, 0usize..4, 0usize..14, 0usize..3)
        .prop_flat_map(|(assets, options, goal_count, check_ins)| {
            (
                vision(),
                (0..assets).map(asset).collect::<Vec<_>>(),
                (0..options)
                    .map(|index| option(index, assets))
                    .collect::<Vec<_>>(),
                goals(goal_count),
                (0..check_ins).map(check_in).collect::<Vec<_>>(),
                prop::option::of(prop::sample::select(ReviewRhythm::ALL.to_vec())),
                prop::option::of(timestamp()),
            )
        })
        .prop_map(
            |(vision, assets, options, goals, check_ins, review_rhythm, updated_at)| Plan {
                vision,
                assets,
                options,
                goals,
                check_ins,
                review_rhythm,
                updated_at,
                ..Plan::default()
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_plan_survives_export_and_import(plan in plan()) {
        prop_assert_eq!(check_integrity(&plan), Ok(()));
        let file = to_file_text(&plan);
        prop_assert_eq!(&parse_plan(&file).unwrap(), &plan);
        prop_assert_eq!(&parse_plan(&to_storage_text(&plan)).unwrap(), &plan);
        // Stable: exporting the imported plan gives the same bytes.
        prop_assert_eq!(to_file_text(&parse_plan(&file).unwrap()), file);
    }

    /// One value of the wrong type anywhere in a file: the plan reads, with
    /// a repair at the place a path-tracking reader (serde_path_to_error)
    /// names, in a pretty file or a compact one, and keeps every rule.
    #[test]
    fn a_value_of_the_wrong_type_is_repaired_where_a_path_tracking_reader_points(
        plan in plan(),
        pick in any::<prop::sample::Index>(),
        pretty in any::<bool>(),
    ) {
        let mut value = serde_json::to_value(&plan).unwrap();
        let mut leaves = Vec::new();
        collect_leaves(&value, String::new(), &mut leaves);
        let pointer = &leaves[pick.index(leaves.len())];
        let leaf = value.pointer_mut(pointer).unwrap();
        *leaf = match leaf {
            serde_json::Value::String(_) => serde_json::json!(7),
            serde_json::Value::Null => serde_json::json!({ "odd": true }),
            _ => serde_json::json!("seven"),
        };
        let text = if pretty {
            serde_json::to_string_pretty(&value).unwrap()
        } else {
            value.to_string()
        };
        let error = serde_path_to_error::deserialize::<_, Plan>(value).unwrap_err();
        let path = error.path().to_string();
        let read = read_plan(&text).map_err(|problem| TestCaseError::fail(problem.to_string()))?;
        prop_assert!(
            read.repairs.iter().any(|repair| repair.path == path),
            "no repair at {}: {:?}", path, read.repairs
        );
        prop_assert_eq!(check_integrity(&read.plan), Ok(()));
    }

    /// Rules broken at random in a plan's file: the plan reads, mended,
    /// with a repair said for each kind of break, into a plan that keeps every
    /// rule, keeps every title, and reads back as written; or, where what
    /// says it is a plan was broken, it is refused. Never a panic.
    #[test]
    fn a_plan_with_rules_broken_reads_mended_or_is_refused(
        plan in plan(),
        breakages in prop::collection::vec(breakage(), 1..6),
        pretty in any::<bool>(),
    ) {
        let mut value = serde_json::to_value(&plan).unwrap();
        let mut broke = false;
        for breakage in &breakages {
            broke |= breakage.apply(&mut value);
        }
        let mut text = if pretty {
            serde_json::to_string_pretty(&value).unwrap()
        } else {
            value.to_string()
        };
        if let Some(Breakage::CutOff(at)) = breakages.iter().find(|b| matches!(b, Breakage::CutOff(_))) {
            let mut end = at.index(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            text.truncate(end);
        }
        let refusable = breakages.iter().any(Breakage::refuses);
        match read_plan(&text) {
            Ok(read) => {
                prop_assert_eq!(check_integrity(&read.plan), Ok(()));
                if broke && !refusable {
                    prop_assert!(!read.repairs.is_empty(), "no repair for {:?}", breakages);
                }
                for goal in plan.goals.iter().filter(|goal| !goal.title.is_empty()) {
                    prop_assert!(
                        read.plan.goals.iter().any(|read| read.title == goal.title),
                        "the title {:?} was lost", goal.title
                    );
                }
                prop_assert_eq!(parse_plan(&to_file_text(&read.plan)), Ok(read.plan.clone()));
            }
            Err(problem) => prop_assert!(refusable, "refused: {:?} for {:?}", problem, breakages),
        }
    }

    #[test]
    fn the_kept_storage_text_follows_edits_exactly(
        plan in plan(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), text(), prop::sample::select(GoalStatus::ALL.to_vec())), 0..4),
    ) {
        let mut kept = StorageText::default();
        prop_assert_eq!(kept.write(&plan), to_storage_text(&plan));
        let mut plan = plan;
        let mut edited = Vec::new();
        if !plan.goals.is_empty() {
            for (at, title, status) in edits {
                let at = at.index(plan.goals.len());
                let goal = &mut plan.goals[at];
                goal.title = title;
                goal.status = status;
                edited.push(goal.id.clone());
            }
        }
        plan.updated_at = Some(Timestamp::from_seconds(1_800_000_000));
        // Kept ahead a few goals at a time, from the edited plan.
        let mut ahead = StorageText::default();
        while !ahead.write_ahead(&plan, 3) {}
        prop_assert_eq!(ahead.write_after_edits(&plan, &[]), to_storage_text(&plan));
        prop_assert_eq!(kept.write_after_edits(&plan, &edited), to_storage_text(&plan));
        // A goal added since is noticed, and the whole plan written.
        let mut grown = plan.clone();
        grown.goals.push(Goal { id: Id::from("g-new"), parent: None, ..plan.goals.first().cloned().unwrap_or_else(sample_goal) });
        prop_assert_eq!(kept.write_after_edits(&grown, &[]), to_storage_text(&grown));
    }

    #[test]
    fn the_importer_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        if let Ok(read) = read_plan_bytes(bytes) {
            prop_assert_eq!(check_integrity(&read.plan), Ok(()));
        }
    }

    #[test]
    fn the_importer_never_panics_on_damaged_plans(
        plan in plan(),
        cuts in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
    ) {
        let mut bytes = to_file_text(&plan).into_bytes();
        for (at, byte) in cuts {
            let at = at.index(bytes.len());
            bytes[at] = byte;
        }
        if let Ok(read) = read_plan_bytes(bytes) {
            prop_assert_eq!(check_integrity(&read.plan), Ok(()));
        }
    }

    #[test]
    fn the_migration_never_panics_on_any_json(value in json_value(3)) {
        let _ = migrate_to_current(value, 0);
    }

    #[test]
    fn merging_keeps_a_valid_plan_and_every_id(base in plan(), edits in plan()) {
        // Two copies of one plan: the second takes the other's texts and
        // parents where ids match, so moves and edits collide.
        let mine = base.clone();
        let mut other = base;
        for (goal, edit) in other.goals.iter_mut().zip(&edits.goals) {
            goal.title = edit.title.clone();
            goal.updated_at = edit.updated_at;
            if let Some(parent) = &edit.parent {
                goal.parent = Some(parent.clone()).filter(|parent| parent != &goal.id);
            }
        }
        other.goals.retain(|goal| goal.parent.as_ref().is_none_or(|p| mine.goal(p).is_some()));
        let (merged, _) = merge_plans(&mine, &other, None).unwrap();
        prop_assert_eq!(check_integrity(&merged), Ok(()));
        for goal in mine.goals.iter().chain(&other.goals) {
            prop_assert!(merged.goal(&goal.id).is_some());
        }
        let (again, report) = merge_plans(&merged, &merged, None).unwrap();
        prop_assert_eq!(&again, &merged);
        prop_assert!(report.changes_nothing());
    }
}

/// The rules of progress and next steps, walked the plain way over the flat
/// list (each goal's children searched for afresh): the oracle the outline,
/// where the app keeps these rules, is held to.
mod walked {
    use super::*;

    fn children<'a>(plan: &'a Plan, id: &'a Id) -> impl Iterator<Item = &'a Goal> + 'a {
        plan.goals
            .iter()
            .filter(move |goal| goal.parent.as_ref() == Some(id))
    }

    pub(super) fn progress(plan: &Plan, goal: &Goal, done_above: bool) -> Progress {
        if goal.status == GoalStatus::Dropped {
            return Progress::default();
        }
        let done_here = done_above || goal.status == GoalStatus::Done;
        if children(plan, &goal.id).next().is_none() {
            return Progress {
                done: usize::from(done_here),
                total: 1,
            };
        }
        children(plan, &goal.id)
            .map(|child| progress(plan, child, done_here))
            .fold(Progress::default(), |sum, part| Progress {
                done: sum.done + part.done,
                total: sum.total + part.total,
            })
    }

    pub(super) fn open_steps<'a>(plan: &'a Plan, goal: &'a Goal, steps: &mut Vec<&'a Goal>) {
        if !goal.status.is_active() {
            return;
        }
        if children(plan, &goal.id).next().is_none() {
            steps.push(goal);
        }
        for child in children(plan, &goal.id) {
            open_steps(plan, child, steps);
        }
    }

    pub(super) fn next_step<'a>(plan: &'a Plan, goal: &'a Goal) -> Option<&'a Goal> {
        let mut steps = Vec::new();
        open_steps(plan, goal, &mut steps);
        steps
            .iter()
            .find(|step| step.status == GoalStatus::InProgress)
            .or_else(|| steps.first())
            .copied()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_outline_agrees_with_the_walks_of_the_tree(
        goals in (0usize..40).prop_flat_map(goals),
        edit in any::<prop::sample::Index>(),
        status in prop::sample::select(GoalStatus::ALL.to_vec()),
    ) {
        let mut plan = Plan { goals, ..Plan::default() };
        let outline = Outline::of(&plan);
        let tree = GoalTree::new(&plan);
        for (position, goal) in plan.goals.iter().enumerate() {
            let entry = outline.entry_at(position).unwrap();
            prop_assert_eq!(entry.position, position);
            prop_assert_eq!(entry.depth, tree.depth(&goal.id));
            prop_assert_eq!(entry.progress, walked::progress(&plan, goal, false));
            prop_assert_eq!(tree.progress(&goal.id), entry.progress);
            prop_assert_eq!(
                entry.next_step.map(|at| &plan.goals[at].id),
                walked::next_step(&plan, goal).map(|step| &step.id)
            );
            let mut open = Vec::new();
            walked::open_steps(&plan, goal, &mut open);
            let open: Vec<&Id> = open.iter().map(|step| &step.id).collect();
            let listed: Vec<&Id> = tree.open_steps(&goal.id).iter().map(|step| &step.id).collect();
            prop_assert_eq!(listed, open);
            let latest_below = tree
                .subtree(&goal.id)
                .into_iter()
                .skip(1)
                .filter(|below| below.status != GoalStatus::Dropped)
                .filter_map(|below| below.target_date)
                .max();
            let late = goal.target_date.and(latest_below).filter(|latest| Some(*latest) > goal.target_date);
            prop_assert_eq!(entry.late_date, late);
            let children: Vec<&Id> = outline.children(Some(&goal.id)).collect();
            let walked: Vec<&Id> = tree.children(Some(&goal.id)).map(|child| &child.id).collect();
            prop_assert_eq!(children, walked);
        }
        prop_assert!(outline.has_shape_of(&plan));

        // Words leave the shape as it was; a status or a date does not, and
        // following that one edit gives the outline built afresh.
        if !plan.goals.is_empty() {
            let at = edit.index(plan.goals.len());
            let id = plan.goals[at].id.clone();
            let depth = tree.depth(&id);
            plan.goals[at].title.push_str(" and more");
            plan.goals[at].notes.push('!');
            prop_assert!(outline.has_shape_of(&plan));
            let was = plan.goals[at].status;
            plan.goals[at].status = status;
            prop_assert_eq!(outline.has_shape_of(&plan), status == was);
            let mut followed = outline.clone();
            let redone = followed.follow_edit(&plan, &id).unwrap();
            prop_assert_eq!(redone.len(), depth + 1);
            prop_assert_eq!(&followed, &Outline::of(&plan));
            plan.goals[at].target_date = plan.goals[at].target_date.map_or(Date::parse("2030-01-01"), |_| None);
            prop_assert!(!followed.has_shape_of(&plan));
            followed.follow_edit(&plan, &id).unwrap();
            prop_assert_eq!(&followed, &Outline::of(&plan));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Any parents at all, loops, missing parents, repeated ids and deep
    /// chains included: the one-pass check finds what a walk up from each goal
    /// in turn finds, and names the same goal.
    #[test]
    fn the_integrity_check_finds_what_walking_up_each_goal_finds(
        parents in prop::collection::vec(prop::option::of(0usize..14), 0..14),
        repeated in prop::option::of((0usize..14, 0usize..14)),
    ) {
        let mut goals: Vec<Goal> = parents
            .iter()
            .enumerate()
            .map(|(position, parent)| Goal {
                id: Id::from(format!("g{position}").as_str()),
                // A parent past the end is a goal that is not in the plan.
                parent: parent.map(|at| Id::from(format!("g{at}").as_str())),
                ..sample_goal()
            })
            .collect();
        if let Some((from, to)) = repeated {
            if from < goals.len() && to < goals.len() {
                goals[to].id = goals[from].id.clone();
            }
        }
        // In outline order, as reading a file puts them.
        let plan = Plan { goals: in_outline_order(goals), ..Plan::default() };
        prop_assert_eq!(check_integrity(&plan), integrity_by_walking_up(&plan));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    /// Times are read byte by byte, for speed: a time's text, with or without
    /// a fraction of a second, and that text with one character changed,
    /// added or taken out (mostly at the separators), reads as it does by
    /// splitting the text and parsing its numbers.
    #[test]
    fn times_read_as_the_plain_reading_does(
        instant in timestamp(),
        fraction in prop::option::weighted(0.7, "[0-9Z.,]{0,3}"),
        at in prop_oneof![0usize..26, prop::sample::select(vec![4usize, 7, 10, 13, 16, 19])],
        edit in 0u8..4,
        other in prop_oneof![
            2 => prop::sample::select(b"-:TZ., ".to_vec()).prop_map(char::from),
            2 => prop::sample::select(b"0123456789".to_vec()).prop_map(char::from),
            1 => any::<char>(),
        ],
    ) {
        let mut text: Vec<char> = instant.to_string().chars().collect();
        if let Some(fraction) = fraction {
            text.splice(19..19, std::iter::once('.').chain(fraction.chars()));
        }
        let at = at.min(text.len() - 1);
        match edit {
            0 => text[at] = other,
            1 => text.insert(at, other),
            2 => {
                text.remove(at);
            }
            _ => {}
        }
        let text = String::from_iter(text);
        prop_assert_eq!(Timestamp::parse(&text), time_by_splitting(&text), "{}", text);
    }
}

/// A rule of the plan broken in its JSON, the way a hand edit, another
/// tool or a damaged copy might.
#[derive(Clone, Debug)]
enum Breakage {
    /// A goal twice, word for word.
    CopyGoal(prop::sample::Index),
    /// A goal takes another's id.
    ShareId(prop::sample::Index, prop::sample::Index),
    EmptyId(prop::sample::Index),
    LostParent(prop::sample::Index),
    /// Two goals (or one) each under the other.
    Loop(prop::sample::Index, prop::sample::Index),
    /// A chain of goals hung below a goal, deeper than the plan's levels.
    Deeper(prop::sample::Index),
    MissingAsset(prop::sample::Index),
    MissingOption(prop::sample::Index),
    /// A score or weight out of range, or not a whole number.
    Score(&'static str, serde_json::Value),
    UnknownField(prop::sample::Index),
    /// A field the goal must have, taken out.
    DropField(prop::sample::Index, &'static str),
    /// A field of the goal given a value of the wrong kind.
    WrongKind(prop::sample::Index, &'static str),
    /// Breaks what says the text is a plan: refused, not mended.
    NewerVersion,
    CutOff(prop::sample::Index),
}

fn breakage() -> impl Strategy<Value = Breakage> {
    use serde_json::json;
    let index = any::<prop::sample::Index>;
    prop_oneof![
        6 => index().prop_map(Breakage::CopyGoal),
        6 => (index(), index()).prop_map(|(a, b)| Breakage::ShareId(a, b)),
        4 => index().prop_map(Breakage::EmptyId),
        4 => index().prop_map(Breakage::LostParent),
        6 => (index(), index()).prop_map(|(a, b)| Breakage::Loop(a, b)),
        4 => index().prop_map(Breakage::Deeper),
        3 => index().prop_map(Breakage::MissingAsset),
        3 => index().prop_map(Breakage::MissingOption),
        6 => (
            prop::sample::select(vec!["/vision/excitement", "/vision/horizon_years", "/vision/success/mission/weight"]),
            prop::sample::select(vec![json!(51), json!(-4), json!(7.5), json!("7"), json!(300), json!("lots")]),
        )
            .prop_map(|(at, value)| Breakage::Score(at, value)),
        4 => index().prop_map(Breakage::UnknownField),
        4 => (index(), prop::sample::select(vec!["status", "notes", "created_at", "updated_at", "id"]))
            .prop_map(|(at, field)| Breakage::DropField(at, field)),
        4 => (index(), prop::sample::select(vec!["status", "created_at", "updated_at", "target_date", "parent", "notes"]))
            .prop_map(|(at, field)| Breakage::WrongKind(at, field)),
        1 => Just(Breakage::NewerVersion),
        1 => index().prop_map(Breakage::CutOff),
    ]
}

impl Breakage {
    /// Breaks `plan`; false when there was nothing to break (no goals, say).
    fn apply(&self, plan: &mut serde_json::Value) -> bool {
        use serde_json::json;
        let goals = plan["goals"].as_array().map_or(0, Vec::len);
        let goal = |index: &prop::sample::Index| (goals > 0).then(|| index.index(goals));
        match self {
            Self::CopyGoal(at) => goal(at).is_some_and(|at| {
                let copy = plan["goals"][at].clone();
                plan["goals"].as_array_mut().unwrap().push(copy);
                true
            }),
            Self::ShareId(from, to) => match (goal(from), goal(to)) {
                (Some(from), Some(to)) if from != to => {
                    plan["goals"][to]["id"] = plan["goals"][from]["id"].clone();
                    true
                }
                _ => false,
            },
            Self::EmptyId(at) => goal(at).is_some_and(|at| {
                plan["goals"][at]["id"] = json!("");
                true
            }),
            Self::LostParent(at) => goal(at).is_some_and(|at| {
                plan["goals"][at]["parent"] = json!("g-gone");
                true
            }),
            Self::Loop(a, b) => match (goal(a), goal(b)) {
                (Some(a), Some(b)) => {
                    let (id_a, id_b) = (
                        plan["goals"][a]["id"].clone(),
                        plan["goals"][b]["id"].clone(),
                    );
                    plan["goals"][a]["parent"] = id_b;
                    plan["goals"][b]["parent"] = id_a;
                    true
                }
                _ => false,
            },
            Self::Deeper(at) => goal(at).is_some_and(|at| {
                let mut parent = plan["goals"][at]["id"].clone();
                for link in 0..5 {
                    let mut child = plan["goals"][at].clone();
                    let id = json!(format!("g-chain-{at}-{link}"));
                    child["id"] = id.clone();
                    child["parent"] = parent;
                    parent = id;
                    plan["goals"].as_array_mut().unwrap().push(child);
                }
                true
            }),
            Self::MissingAsset(at) => {
                let options = plan["options"].as_array().map_or(0, Vec::len);
                options > 0 && {
                    let used = &mut plan["options"][at.index(options)]["assets_used"];
                    used.as_array_mut().unwrap().push(json!("a-gone"));
                    true
                }
            }
            Self::MissingOption(at) => goal(at).is_some_and(|at| {
                plan["goals"][at]["from_option"] = json!("o-gone");
                true
            }),
            Self::Score(at, value) => {
                *plan.pointer_mut(at).unwrap() = value.clone();
                true
            }
            Self::UnknownField(at) => goal(at).is_some_and(|at| {
                plan["goals"][at]["mood"] = json!("hopeful");
                true
            }),
            Self::DropField(at, field) => goal(at).is_some_and(|at| {
                plan["goals"][at].as_object_mut().unwrap().remove(*field);
                true
            }),
            Self::WrongKind(at, field) => goal(at).is_some_and(|at| {
                plan["goals"][at][*field] = json!({ "odd": [1, 2] });
                true
            }),
            Self::NewerVersion => {
                plan["schema_version"] = json!(SCHEMA_VERSION + 1);
                true
            }
            Self::CutOff(_) => true,
        }
    }

    fn refuses(&self) -> bool {
        matches!(self, Self::NewerVersion | Self::CutOff(_))
    }
}

/// What `Timestamp::parse` accepts, read the plain way.
fn time_by_splitting(text: &str) -> Option<Timestamp> {
    let number = |digits: &str| -> Option<u32> {
        (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse().ok())
            .flatten()
    };
    let (date, time) = text.strip_suffix('Z')?.split_once('T')?;
    let (time, millis) = match time.split_once('.') {
        None => (time, 0),
        Some((time, fraction)) => {
            number(fraction)?;
            let digits: String = fraction.chars().chain("00".chars()).take(3).collect();
            (time, number(&digits)?)
        }
    };
    let [year, month, day] = <[&str; 3]>::try_from(date.split('-').collect::<Vec<_>>()).ok()?;
    let [hours, minutes, seconds] =
        <[&str; 3]>::try_from(time.split(':').collect::<Vec<_>>()).ok()?;
    if [
        year.len(),
        month.len(),
        day.len(),
        hours.len(),
        minutes.len(),
        seconds.len(),
    ] != [4, 2, 2, 2, 2, 2]
    {
        return None;
    }
    let date = Date::new(
        number(year)? as i32,
        number(month)? as u8,
        number(day)? as u8,
    )?;
    let (hours, minutes, seconds) = (number(hours)?, number(minutes)?, number(seconds)?);
    (hours <= 23 && minutes <= 59 && seconds <= 60).then(|| {
        let whole = Timestamp::from_seconds(
            date.days_since_epoch() * 86_400 + i64::from(hours * 3600 + minutes * 60 + seconds),
        );
        (0..millis).fold(whole, |time, _| time.next_millisecond())
    })
}

/// JSON pointers to every value in `value` with nothing inside it, but for
/// the two fields that say what the file is.
fn collect_leaves(value: &serde_json::Value, at: String, leaves: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(fields) if !fields.is_empty() => {
            for (key, field) in fields {
                collect_leaves(field, format!("{at}/{key}"), leaves);
            }
        }
        serde_json::Value::Array(items) if !items.is_empty() => {
            for (index, item) in items.iter().enumerate() {
                collect_leaves(item, format!("{at}/{index}"), leaves);
            }
        }
        _ if at == "/format" || at == "/schema_version" => {}
        _ => leaves.push(at),
    }
}

/// The integrity check written the plain way: a walk up from every goal.
fn integrity_by_walking_up(plan: &Plan) -> Result<(), PlanFileError> {
    let mut seen = std::collections::HashSet::new();
    if let Some(goal) = plan.goals.iter().find(|goal| !seen.insert(&goal.id)) {
        return Err(PlanFileError::DuplicateId {
            id: goal.id.clone(),
        });
    }
    let goal = |id: &Id| plan.goals.iter().find(|goal| &goal.id == id);
    for start in &plan.goals {
        if let Some(parent) = start
            .parent
            .as_ref()
            .filter(|parent| goal(parent).is_none())
        {
            return Err(PlanFileError::MissingParent {
                goal: start.id.clone(),
                parent: parent.clone(),
            });
        }
    }
    for start in &plan.goals {
        let mut ancestors = 0;
        let mut at = start.parent.as_ref();
        while let Some(id) = at {
            if id == &start.id || ancestors > plan.goals.len() {
                return Err(PlanFileError::Cycle {
                    goal: start.id.clone(),
                });
            }
            ancestors += 1;
            at = goal(id).and_then(|goal| goal.parent.as_ref());
        }
        if ancestors > MAX_DEPTH {
            return Err(PlanFileError::TooDeep {
                goal: start.id.clone(),
            });
        }
    }
    Ok(())
}

fn sample_goal() -> Goal {
    Goal {
        id: Id::from("g-sample"),
        parent: None,
        wanted_parent: None,
        rank: Rank::first(),
        title: "A goal".into(),
        status: GoalStatus::Open,
        target_date: None,
        notes: String::new(),
        created_at: Timestamp::from_seconds(0),
        completed_at: None,
        dropped_reason: None,
        from_option: None,
        updated_at: Timestamp::from_seconds(0),
    }
}

fn json_value(depth: u32) -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(depth, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop::sample::select(vec![
                        "goals", "vision", "saved_at", "children", "id", "title", "done", "due",
                        "x"
                    ]),
                    inner
                ),
                0..6
            )
            .prop_map(|entries| Value::Object(
                entries
                    .into_iter()
                    .map(|(key, value)| (key.to_owned(), value))
                    .collect()
            )),
        ]
    })
}
