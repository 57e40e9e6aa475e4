//! The example plan a first-time visitor can explore: someone on the way to
//! becoming a bestselling author of children's books, as in the method.

use super::calendar::{Date, Timestamp};
use super::plan::*;
use super::rank::{in_outline_order, rank_in_list_order, Rank};

/// Every id in the example starts with this, so the example can be told apart.
pub const EXAMPLE_ID_PREFIX: &str = "example-";

/// Whether the plan still holds the example's items.
pub fn holds_example(plan: &Plan) -> bool {
    let is_example = |id: &Id| id.as_str().starts_with(EXAMPLE_ID_PREFIX);
    plan.goals.iter().any(|goal| is_example(&goal.id))
        || plan.assets.iter().any(|asset| is_example(&asset.id))
}

fn id(name: &str) -> Id {
    Id::from(format!("{EXAMPLE_ID_PREFIX}{name}").as_str())
}

/// The example for tests that need its plan but not its days: the calendar
/// days are counted from the day `now` falls on in UTC, which is nobody's day,
/// so the app never calls this. (The store's model-based tests, which run on
/// the host only, start from it.)
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) fn example_plan(now: Timestamp) -> Plan {
    example_plan_on(now, now.local_date(&super::calendar::FixedOffset::UTC))
}

/// The example, dated around `now` (which is `today` on the person's
/// calendar) so its steps are current.
pub fn example_plan_on(now: Timestamp, today: Date) -> Plan {
    let day = |offset: i64| Timestamp::from_seconds(now.seconds_since_epoch() + offset * 86_400);
    let date = |offset: i64| today.add_days(offset);
    let facet = |weight: u8, words: &str| SuccessFacet {
        weight,
        words: words.into(),
    };
    let vision = Vision {
        want: "To write stories that children ask for again and again, and to make a living from them.".into(),
        willing_to_work_for: "An hour of writing before work every day, rejection letters, and learning the business of publishing.".into(),
        believe_can_be_real: "A first picture book in shops within two years, and a shelf of my own books in the library within five.".into(),
        success: SuccessMeaning {
            money: facet(3, "Enough from books to teach part-time."),
            accomplishments: facet(4, "A bestseller, and books that stay in print."),
            mission: facet(5, "Children who love reading because of a story of mine."),
            own_terms: facet(2, "Time to read my drafts to my own class."),
        },
        statement: "Become a bestselling author of children's books".into(),
        horizon_years: Some(5),
        excitement: Some(9),
        history: vec![VisionVersion {
            statement: "Write a children's book one day".into(),
            horizon_years: None,
            excitement: Some(5),
            replaced_at: day(-60),
        }],
        updated_at: Some(day(-60)),
    };
    let asset = |name: &str, kind: AssetKind, title: &str, note: &str, level: Option<u8>| Asset {
        id: id(name),
        kind,
        name: title.into(),
        note: note.into(),
        level,
        private: kind == AssetKind::SavingsAndResources,
        created_at: day(-58),
        updated_at: Some(day(-58)),
    };
    let assets = vec![
        asset(
            "storytelling",
            AssetKind::Skill,
            "Storytelling",
            "Ten years of reading aloud to a class; I know what makes them laugh.",
            Some(4),
        ),
        asset(
            "drawing",
            AssetKind::Skill,
            "Simple drawing",
            "Good enough for dummies of a picture book, not for the final art.",
            Some(2),
        ),
        asset(
            "librarian",
            AssetKind::Person,
            "Ana, the town's children's librarian",
            "Knows which books children borrow twice, and runs the Saturday story hour.",
            None,
        ),
        asset(
            "teacher",
            AssetKind::PositionAndReputation,
            "Primary school teacher",
            "Parents and schools trust me with their children's reading.",
            None,
        ),
        asset(
            "savings",
            AssetKind::SavingsAndResources,
            "Six months of savings",
            "Enough to go part-time for a term once a book is sold.",
            None,
        ),
    ];
    let option = |name: &str, kind: OptionKind, title: &str, status: OptionStatus| CareerOption {
        status,
        ..CareerOption::new(id(name), kind, title.into(), day(-55))
    };
    let mut role_model = option(
        "role-model",
        OptionKind::StudyRoleModel,
        "Learn how a local author got her first book deal",
        OptionStatus::Chosen,
    );
    role_model.role_model = RoleModel {
        who: "A picture-book author from the next town".into(),
        their_path: "Teacher first, wrote at night, found an agent at a writers' conference."
            .into(),
        what_to_learn: "How she wrote her query letter and picked agents.".into(),
        how_to_reach: "Her reading at the library in spring.".into(),
    };
    role_model.assets_used = vec![id("librarian")];
    let mut readings = option(
        "readings",
        OptionKind::TrialAndError,
        "Try drafts out on my class",
        OptionStatus::Chosen,
    );
    readings.experiment = Experiment {
        what_to_try: "Read one draft a week at story time.".into(),
        what_it_will_teach: "Which stories children ask for again.".into(),
    };
    readings.assets_used = vec![id("storytelling"), id("teacher")];
    let mut society = option(
        "society",
        OptionKind::Networking,
        "Join the society of children's writers",
        OptionStatus::Considering,
    );
    society.money_cost = "A yearly membership".into();
    society.upside = "Critique groups, and agents at its conference.".into();
    let mut course = option(
        "course",
        OptionKind::BackToSchool,
        "An evening course in illustration",
        OptionStatus::SetAside,
    );
    course.notes = "Publishers pair authors with illustrators; the words come first.".into();
    let options = vec![role_model, readings, society, course];

    let mut goals = Vec::new();
    let mut goal =
        |name: &str, parent: Option<&str>, title: &str, status: GoalStatus, target: Option<i64>| {
            goals.push(Goal {
                id: id(name),
                parent: parent.map(id),
                wanted_parent: None,
                rank: Rank::first(),
                title: title.into(),
                status,
                target_date: target.map(date),
                notes: String::new(),
                created_at: day(-50),
                completed_at: (status == GoalStatus::Done).then(|| day(-7)),
                dropped_reason: None,
                from_option: None,
                updated_at: day(-7),
            });
        };
    use GoalStatus::{Done, InProgress, Open};
    goal(
        "book",
        None,
        "Publish my first picture book",
        Open,
        Some(540),
    );
    goal(
        "manuscript",
        Some("book"),
        "Finish a manuscript children love",
        InProgress,
        Some(90),
    );
    goal(
        "mornings",
        Some("manuscript"),
        "Write for an hour every morning for a month",
        Done,
        None,
    );
    goal(
        "draft",
        Some("manuscript"),
        "Finish the first full draft",
        Done,
        None,
    );
    goal(
        "read-class",
        Some("manuscript"),
        "Read the draft to my class and note what works",
        InProgress,
        Some(7),
    );
    goal(
        "revise",
        Some("manuscript"),
        "Revise with the class's and Ana's notes",
        Open,
        Some(30),
    );
    goal(
        "agent",
        Some("book"),
        "Find a literary agent",
        Open,
        Some(180),
    );
    goal(
        "list-agents",
        Some("agent"),
        "List twenty agents who sell picture books",
        Open,
        Some(45),
    );
    goal(
        "query",
        Some("agent"),
        "Write a query letter",
        Open,
        Some(60),
    );
    goal(
        "send",
        Some("agent"),
        "Send the first five queries",
        Open,
        Some(75),
    );
    goal(
        "readers",
        None,
        "Build an audience of young readers",
        Open,
        None,
    );
    goal(
        "story-hour",
        Some("readers"),
        "Read at the library's story hour",
        Open,
        Some(60),
    );
    goal(
        "ask-ana",
        Some("story-hour"),
        "Ask Ana for a Saturday slot",
        Open,
        Some(14),
    );
    if let Some(agent) = goals.iter_mut().find(|g| g.id == id("agent")) {
        agent.from_option = Some(id("role-model"));
        agent.notes = "Ask the author from the next town how she chose hers.".into();
    }
    rank_in_list_order(&mut goals);
    let goals = in_outline_order(goals);

    let check_ins = vec![CheckIn {
        id: id("check-in"),
        date: date(-7),
        what_happened:
            "Finished the first draft. Read the opening to the class: they laughed at the goat."
                .into(),
        what_i_learned: "Short mornings work; weekends don't.".into(),
        what_i_will_change: "Give the goat a bigger part.".into(),
        created_at: day(-7),
        vision_still_right: Some(true),
        changes: vec!["Added a step: Read the draft to my class and note what works".into()],
        updated_at: None,
    }];

    Plan {
        vision,
        assets,
        options,
        goals,
        check_ins,
        review_rhythm: Some(ReviewRhythm::Weekly),
        updated_at: Some(now),
        ..Plan::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::format::{check_integrity, parse_plan, to_file_text};
    use crate::domain::goals::GoalTree;

    #[test]
    fn the_example_is_a_whole_plan_with_a_next_step() {
        let now = Timestamp::from_seconds(1_790_000_000);
        let plan = example_plan_on(now, Date::parse("2026-09-21").unwrap());
        check_integrity(&plan).unwrap();
        assert_eq!(parse_plan(&to_file_text(&plan)).unwrap(), plan);
        assert!(holds_example(&plan));
        assert!(!holds_example(&Plan::default()));
        let tree = GoalTree::new(&plan);
        assert_eq!(
            tree.plan_next_step().map(|step| step.title.as_str()),
            Some("Read the draft to my class and note what works")
        );
        assert!(plan.assets.iter().any(|asset| asset.private));
    }
}
