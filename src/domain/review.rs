//! Seeing progress and adjusting the plan: the weekly burn-up, momentum, the
//! timeline of what happened, and when the next review is due.
//!
//! Every day here is the person's own: instants are read through the time
//! zone where the plan is viewed, and weeks start on the day their locale
//! starts them, so the figures and the timeline agree on which day a step
//! was done.

use super::calendar::{Date, TimeZone, Timestamp, Weekday};
use super::goals::GoalTree;
use super::plan::{CheckIn, Goal, GoalStatus, Id, Plan, ReviewRhythm};
use std::cmp::Reverse;

/// One week of the burn-up chart: steps done by its end against steps planned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WeekPoint {
    /// The week's first day, on the person's calendar.
    pub week_start: Date,
    /// Steps completed during this week.
    pub completed: usize,
    /// Steps completed by the end of this week.
    pub done: usize,
    /// Steps in the plan by the end of this week (dropped ones left out).
    pub scope: usize,
}

/// A step as the charts count it: the days it was planned and done on.
struct CountedStep {
    planned: Date,
    done: Option<Date>,
}

/// Every step that counts (not dropped, nor under something dropped), with
/// its local days in `zone`. A step under a goal marked done counts as done then.
fn counted_steps(plan: &Plan, zone: &dyn TimeZone) -> Vec<CountedStep> {
    let tree = GoalTree::new(plan);
    plan.goals
        .iter()
        .filter(|goal| !tree.has_children(&goal.id))
        .filter_map(|step| {
            let line: Vec<&Goal> = std::iter::once(step)
                .chain(tree.ancestors(&step.id).into_iter().rev())
                .collect();
            if line.iter().any(|goal| goal.status == GoalStatus::Dropped) {
                return None;
            }
            let done = line
                .iter()
                .find(|goal| goal.status == GoalStatus::Done)
                .and_then(|goal| goal.completed_at)
                .map(|completed| completed.local_date(zone));
            Some(CountedStep {
                planned: step.created_at.local_date(zone),
                done,
            })
        })
        .collect()
}

/// Steps done and planned, week by week, from the first planned step's week
/// to this week, in weeks that start on `week_starts_on`. Empty when there
/// are no steps.
pub fn burn_up(
    plan: &Plan,
    today: Date,
    zone: &dyn TimeZone,
    week_starts_on: Weekday,
) -> Vec<WeekPoint> {
    let steps = counted_steps(plan, zone);
    let Some(first) = steps.iter().map(|step| step.planned).min() else {
        return Vec::new();
    };
    let last_week = today.max(first).week_start(week_starts_on);
    let mut points = Vec::new();
    let mut week = first.week_start(week_starts_on);
    while week <= last_week {
        let week_end = week.add_days(6);
        let done_by = |end: Date| {
            steps
                .iter()
                .filter(|s| s.done.is_some_and(|d| d <= end))
                .count()
        };
        let done = done_by(week_end);
        points.push(WeekPoint {
            week_start: week,
            completed: done - done_by(week.add_days(-1)),
            done,
            scope: steps.iter().filter(|s| s.planned <= week_end).count(),
        });
        week = week.add_days(7);
    }
    points
}

/// Whether the person is moving, at a glance.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Momentum {
    pub done_last_7_days: usize,
    pub done_last_30_days: usize,
    /// `None` until a first step is done.
    pub days_since_last_step: Option<i64>,
    /// Open long- and short-term goals with nothing open under them.
    pub goals_without_next_step: usize,
    /// Open goals and steps past their target date.
    pub overdue: usize,
}

/// Momentum on `today`, counting each step on the day it was done in `zone`.
pub fn momentum(plan: &Plan, today: Date, zone: &dyn TimeZone) -> Momentum {
    let tree = GoalTree::new(plan);
    let done_dates: Vec<Date> = counted_steps(plan, zone)
        .iter()
        .filter_map(|step| step.done)
        .collect();
    let done_within = |days: i64| {
        let since = today.add_days(-(days - 1));
        done_dates
            .iter()
            .filter(|date| **date >= since && **date <= today)
            .count()
    };
    Momentum {
        done_last_7_days: done_within(7),
        done_last_30_days: done_within(30),
        days_since_last_step: done_dates.iter().max().map(|last| last.days_until(today)),
        goals_without_next_step: plan
            .goals
            .iter()
            .filter(|goal| goal.status.is_active() && tree.depth(&goal.id) < 2)
            .filter(|goal| !tree.has_children(&goal.id) || tree.next_step(&goal.id).is_none())
            .count(),
        overdue: plan
            .goals
            .iter()
            .filter(|goal| {
                goal.status.is_active() && goal.target_date.is_some_and(|date| date < today)
            })
            .count(),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventKind {
    GoalAdded,
    GoalDone,
    GoalDropped,
    VisionRewritten,
    CheckIn,
}

/// Something that happened to the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineEvent {
    pub when: Timestamp,
    /// The day it happened on, on the calendar where the plan is viewed.
    pub day: Date,
    pub kind: EventKind,
    pub text: String,
    /// The long-term goal it belongs to, for filtering.
    pub long_term_goal: Option<Id>,
}

/// What happened, most recent first, each on its day in `zone`.
pub fn timeline(plan: &Plan, zone: &dyn TimeZone) -> Vec<TimelineEvent> {
    let tree = GoalTree::new(plan);
    let mut events = Vec::new();
    for goal in &plan.goals {
        let root = tree
            .ancestors(&goal.id)
            .first()
            .map_or(goal.id.clone(), |root| root.id.clone());
        let level = super::goals::GoalLevel::at_depth(tree.depth(&goal.id)).label();
        let event = |when: Timestamp, kind, text| TimelineEvent {
            when,
            day: when.local_date(zone),
            kind,
            text,
            long_term_goal: Some(root.clone()),
        };
        events.push(event(
            goal.created_at,
            EventKind::GoalAdded,
            format!("Added {} {}", level.to_lowercase(), titled(&goal.title)),
        ));
        if let Some(completed) = goal.completed_at {
            events.push(event(
                completed,
                EventKind::GoalDone,
                format!("Completed {}", titled(&goal.title)),
            ));
        }
        if goal.status == GoalStatus::Dropped {
            let reason = goal
                .dropped_reason
                .as_ref()
                .map_or(String::new(), |reason| format!(": {reason}"));
            events.push(event(
                goal.updated_at,
                EventKind::GoalDropped,
                format!("Dropped {}{reason}", titled(&goal.title)),
            ));
        }
    }
    let mut versions = plan.vision.history.iter().peekable();
    while let Some(version) = versions.next() {
        let became = versions
            .peek()
            .map_or(plan.vision.statement.as_str(), |next| {
                next.statement.as_str()
            });
        events.push(TimelineEvent {
            when: version.replaced_at,
            day: version.replaced_at.local_date(zone),
            kind: EventKind::VisionRewritten,
            text: format!(
                "Rewrote the vision: “{}” became “{}”",
                version.statement, became
            ),
            long_term_goal: None,
        });
    }
    for check_in in &plan.check_ins {
        let summary = check_in.what_happened.trim();
        let mut text = if summary.is_empty() {
            "Checked in".to_owned()
        } else {
            format!("Checked in: {summary}")
        };
        if !check_in.changes.is_empty() {
            text = format!("{text} (changed: {})", check_in.changes.join("; "));
        }
        events.push(TimelineEvent {
            when: check_in.created_at,
            // The day the check-in was written down for, as the person's
            // calendar said then; its heading and the review rhythm use it too.
            day: check_in.date,
            kind: EventKind::CheckIn,
            text,
            long_term_goal: None,
        });
    }
    events.sort_by_key(|event| Reverse(event.when));
    events
}

/// When the next review is due, for a plan with a chosen rhythm.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReviewDue {
    pub last_check_in: Option<Date>,
    pub due_on: Date,
    pub is_due: bool,
}

pub fn review_due(plan: &Plan, today: Date) -> Option<ReviewDue> {
    let rhythm = plan.review_rhythm?;
    let last_check_in = plan.check_ins.iter().map(|check_in| check_in.date).max();
    let due_on = last_check_in.map_or(today, |last| last.add_days(rhythm.days()));
    Some(ReviewDue {
        last_check_in,
        due_on,
        is_due: due_on <= today,
    })
}

/// Chooses how often to review the plan (or no rhythm), stamping the choice
/// so that a merge keeps the one made last.
pub fn set_review_rhythm(plan: &mut Plan, rhythm: Option<ReviewRhythm>, now: Timestamp) {
    if plan.review_rhythm != rhythm {
        plan.review_rhythm = rhythm;
        plan.review_rhythm_updated_at = Some(now);
        plan.updated_at = Some(now);
    }
}

/// Adds a finished check-in to the plan.
pub fn record_check_in(plan: &mut Plan, check_in: CheckIn) {
    plan.updated_at = Some(check_in.created_at);
    plan.check_ins.push(check_in);
}

/// A goal's title in quotes, as the timeline names it; "(no title)" for a
/// goal whose title is empty, rather than two quotes around nothing.
fn titled(title: &str) -> String {
    let title = title.trim();
    if title.is_empty() {
        "(no title)".to_owned()
    } else {
        format!("“{title}”")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::test_zones::*;
    use crate::domain::calendar::FixedOffset;
    use crate::domain::goals::{add_goal, drop_goal, mark_done, set_target_date, NewGoal};
    use crate::domain::method::keep_current_vision;
    use crate::domain::plan::ReviewRhythm;

    const UTC: FixedOffset = FixedOffset::UTC;

    fn day(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn at(text: &str) -> Timestamp {
        Timestamp::parse(&format!("{text}T10:00:00Z")).unwrap()
    }

    #[test]
    fn a_goal_without_a_title_is_named_as_such_in_the_timeline() {
        assert_eq!(titled("  Write the synopsis "), "“Write the synopsis”");
        assert_eq!(titled(""), "(no title)");
        assert_eq!(titled("   "), "(no title)");
    }

    fn add(plan: &mut Plan, id: &str, parent: Option<&str>, when: &str) {
        let new_goal = NewGoal {
            id: Id::from(id),
            parent: parent.map(Id::from),
            title: id.to_owned(),
        };
        add_goal(plan, new_goal, at(when)).unwrap();
    }

    /// author > agent > (shortlist, letters, call), planned on 2026-11-02 (a Monday).
    fn plan() -> Plan {
        let mut plan = Plan::default();
        add(&mut plan, "author", None, "2026-11-02");
        add(&mut plan, "agent", Some("author"), "2026-11-02");
        for step in ["shortlist", "letters", "call"] {
            add(&mut plan, step, Some("agent"), "2026-11-02");
        }
        plan
    }

    #[test]
    fn an_empty_plan_has_no_chart_and_quiet_momentum() {
        let plan = Plan::default();
        assert!(burn_up(&plan, day("2026-11-23"), &UTC, Weekday::Monday).is_empty());
        assert_eq!(
            momentum(&plan, day("2026-11-23"), &UTC),
            Momentum::default()
        );
        assert!(timeline(&plan, &UTC).is_empty());
    }

    #[test]
    fn a_single_day_is_one_week() {
        let mut plan = plan();
        mark_done(&mut plan, &Id::from("shortlist"), at("2026-11-02")).unwrap();
        let points = burn_up(&plan, day("2026-11-02"), &UTC, Weekday::Monday);
        assert_eq!(
            points,
            [WeekPoint {
                week_start: day("2026-11-02"),
                completed: 1,
                done: 1,
                scope: 3,
            }]
        );
    }

    #[test]
    fn the_burn_up_counts_each_week_and_leaves_dropped_work_out() {
        let mut plan = plan();
        mark_done(&mut plan, &Id::from("shortlist"), at("2026-11-04")).unwrap();
        mark_done(&mut plan, &Id::from("letters"), at("2026-11-18")).unwrap();
        add(&mut plan, "website", Some("author"), "2026-11-10");
        drop_goal(&mut plan, &Id::from("call"), "", at("2026-11-20")).unwrap();
        let points = burn_up(&plan, day("2026-11-23"), &UTC, Weekday::Monday);
        let summary: Vec<(String, usize, usize, usize)> = points
            .iter()
            .map(|p| (p.week_start.to_string(), p.completed, p.done, p.scope))
            .collect();
        assert_eq!(
            summary,
            [
                ("2026-11-02".to_owned(), 1, 1, 2),
                ("2026-11-09".to_owned(), 0, 1, 3),
                ("2026-11-16".to_owned(), 1, 2, 3),
                ("2026-11-23".to_owned(), 0, 2, 3),
            ]
        );
    }

    #[test]
    fn plans_spanning_years_chart_every_week() {
        let mut plan = Plan::default();
        add(&mut plan, "old", None, "2023-01-02");
        add(&mut plan, "recent", None, "2026-11-20");
        mark_done(&mut plan, &Id::from("old"), at("2024-06-05")).unwrap();
        let points = burn_up(&plan, day("2026-11-23"), &UTC, Weekday::Monday);
        assert_eq!(points.first().unwrap().week_start, day("2023-01-02"));
        assert_eq!(points.last().unwrap().week_start, day("2026-11-23"));
        assert_eq!(points.len(), 204);
        assert!(points
            .windows(2)
            .all(|pair| pair[1].week_start == pair[0].week_start.add_days(7)));
        assert_eq!(points.last().unwrap().done, 1);
        assert_eq!(points.iter().map(|p| p.completed).sum::<usize>(), 1);
    }

    #[test]
    fn a_goal_marked_done_completes_its_steps_in_the_chart() {
        let mut plan = plan();
        mark_done(&mut plan, &Id::from("agent"), at("2026-11-05")).unwrap();
        let points = burn_up(&plan, day("2026-11-08"), &UTC, Weekday::Monday);
        assert_eq!(points[0].done, 3);
    }

    #[test]
    fn momentum_counts_recent_steps_gaps_and_overdue_goals() {
        let mut plan = plan();
        mark_done(&mut plan, &Id::from("shortlist"), at("2026-11-01")).unwrap();
        mark_done(&mut plan, &Id::from("letters"), at("2026-11-20")).unwrap();
        add(&mut plan, "brand", None, "2026-11-02");
        set_target_date(
            &mut plan,
            &Id::from("call"),
            Some(day("2026-11-22")),
            at("2026-11-02"),
        )
        .unwrap();
        let found = momentum(&plan, day("2026-11-23"), &UTC);
        assert_eq!(
            found,
            Momentum {
                done_last_7_days: 1,
                done_last_30_days: 2,
                days_since_last_step: Some(3),
                goals_without_next_step: 1,
                overdue: 1,
            }
        );
    }

    #[test]
    fn the_timeline_lists_what_happened_newest_first() {
        let mut plan = plan();
        plan.vision.statement = "Write picture books".into();
        keep_current_vision(&mut plan, at("2026-11-10"));
        plan.vision.statement = "Become a bestselling author".into();
        mark_done(&mut plan, &Id::from("shortlist"), at("2026-11-12")).unwrap();
        drop_goal(
            &mut plan,
            &Id::from("call"),
            "Agents prefer email",
            at("2026-11-14"),
        )
        .unwrap();
        record_check_in(
            &mut plan,
            CheckIn {
                id: Id::from("c-1"),
                date: day("2026-11-16"),
                what_happened: "Sent five letters".into(),
                what_i_learned: String::new(),
                what_i_will_change: String::new(),
                created_at: at("2026-11-16"),
                vision_still_right: Some(true),
                changes: vec!["Reworded “letters” as “query letters”".into()],
                updated_at: None,
            },
        );
        let events = timeline(&plan, &UTC);
        let texts: Vec<&str> = events.iter().take(4).map(|e| e.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Checked in: Sent five letters (changed: Reworded “letters” as “query letters”)",
                "Dropped “call”: Agents prefer email",
                "Completed “shortlist”",
                "Rewrote the vision: “Write picture books” became “Become a bestselling author”",
            ]
        );
        assert_eq!(events[1].long_term_goal, Some(Id::from("author")));
        assert_eq!(events.len(), 4 + 5, "and the five goals added");
    }

    #[test]
    fn a_review_is_due_after_the_rhythm_passes() {
        let mut plan = plan();
        assert_eq!(
            review_due(&plan, day("2026-11-23")),
            None,
            "no rhythm chosen"
        );
        plan.review_rhythm = Some(ReviewRhythm::Weekly);
        let first = review_due(&plan, day("2026-11-23")).unwrap();
        assert!(first.is_due, "the first review is due at once");
        record_check_in(
            &mut plan,
            CheckIn {
                id: Id::from("c-1"),
                date: day("2026-11-16"),
                what_happened: String::new(),
                what_i_learned: String::new(),
                what_i_will_change: String::new(),
                created_at: at("2026-11-16"),
                vision_still_right: None,
                changes: Vec::new(),
                updated_at: None,
            },
        );
        let due = review_due(&plan, day("2026-11-22")).unwrap();
        assert_eq!(due.due_on, day("2026-11-23"));
        assert!(!due.is_due);
        assert!(review_due(&plan, day("2026-11-23")).unwrap().is_due);
        plan.review_rhythm = Some(ReviewRhythm::Monthly);
        assert!(!review_due(&plan, day("2026-12-15")).unwrap().is_due);
    }

    /// The exact instant `text` names.
    fn instant(text: &str) -> Timestamp {
        Timestamp::parse(text).unwrap()
    }

    /// Checks that every figure built on days counts what the timeline shows
    /// on those days: the last 7 and 30 days, the days since the last step,
    /// and each week of the burn-up. For plans whose done goals are all steps.
    pub(super) fn assert_figures_agree_with_timeline(
        plan: &Plan,
        today: Date,
        zone: &dyn TimeZone,
        week_starts_on: Weekday,
    ) {
        let done_days: Vec<Date> = timeline(plan, zone)
            .into_iter()
            .filter(|event| event.kind == EventKind::GoalDone)
            .map(|event| event.day)
            .collect();
        let shown_within = |days: i64| {
            done_days
                .iter()
                .filter(|day| (0..days).contains(&day.days_until(today)))
                .count()
        };
        let found = momentum(plan, today, zone);
        assert_eq!(found.done_last_7_days, shown_within(7));
        assert_eq!(found.done_last_30_days, shown_within(30));
        assert_eq!(
            found.days_since_last_step,
            done_days.iter().max().map(|last| last.days_until(today))
        );
        for week in burn_up(plan, today, zone, week_starts_on) {
            assert_eq!(week.week_start.weekday(), week_starts_on);
            let shown = done_days
                .iter()
                .filter(|day| day.week_start(week_starts_on) == week.week_start)
                .count();
            assert_eq!(week.completed, shown, "week of {}", week.week_start);
            let shown_by_then = done_days
                .iter()
                .filter(|day| **day <= week.week_start.add_days(6))
                .count();
            assert_eq!(week.done, shown_by_then, "week of {}", week.week_start);
        }
    }

    /// Steps done at moments that fall on different days in different zones.
    fn plan_done_around_the_world() -> Plan {
        let mut plan = Plan::default();
        add(&mut plan, "author", None, "2026-10-20");
        add(&mut plan, "agent", Some("author"), "2026-10-20");
        let steps = [
            // Half past midnight in Berlin, summer time, the day its clocks go back.
            ("berlin-change-day", "2026-10-24T22:30:00Z"),
            // Half past midnight in Los Angeles, summer time, the day its clocks go back.
            ("los-angeles-change-day", "2026-11-01T07:30:00Z"),
            // 8 am on 29 November in Kiritimati.
            ("kiritimati-morning", "2026-11-28T18:00:00Z"),
            // 8:30 pm on 28 November in Los Angeles.
            ("los-angeles-evening", "2026-11-29T04:30:00Z"),
            // A quarter past midnight on 30 November in Kolkata.
            ("kolkata-past-midnight", "2026-11-29T18:45:00Z"),
        ];
        for (step, _) in steps {
            add(&mut plan, step, Some("agent"), "2026-10-20");
        }
        add(&mut plan, "still-open", Some("agent"), "2026-10-20");
        for (step, done) in steps {
            mark_done(&mut plan, &Id::from(step), instant(done)).unwrap();
        }
        plan
    }

    #[test]
    fn the_same_plan_viewed_in_four_zones_puts_each_step_on_that_zones_day() {
        let plan = plan_done_around_the_world();
        let now = instant("2026-11-30T09:00:00Z");
        let los_angeles = los_angeles_2026();
        let berlin = berlin_2026();
        // Zone, the day each step shows as done (in the order above), and the
        // days since the last step.
        let views: [(&str, &dyn TimeZone, [&str; 5], i64); 4] = [
            (
                "Los Angeles",
                &los_angeles,
                [
                    "2026-10-24",
                    "2026-11-01",
                    "2026-11-28",
                    "2026-11-28",
                    "2026-11-29",
                ],
                1,
            ),
            (
                "Kiritimati",
                &KIRITIMATI,
                [
                    "2026-10-25",
                    "2026-11-01",
                    "2026-11-29",
                    "2026-11-29",
                    "2026-11-30",
                ],
                0,
            ),
            (
                "Kolkata",
                &KOLKATA,
                [
                    "2026-10-25",
                    "2026-11-01",
                    "2026-11-28",
                    "2026-11-29",
                    "2026-11-30",
                ],
                0,
            ),
            (
                "Berlin",
                &berlin,
                [
                    "2026-10-25",
                    "2026-11-01",
                    "2026-11-28",
                    "2026-11-29",
                    "2026-11-29",
                ],
                1,
            ),
        ];
        for (name, zone, expected, days_since) in views {
            let today = now.local_date(zone);
            assert_eq!(today, day("2026-11-30"), "{name}");
            let mut shown: Vec<(Timestamp, Date)> = timeline(&plan, zone)
                .into_iter()
                .filter(|event| event.kind == EventKind::GoalDone)
                .map(|event| (event.when, event.day))
                .collect();
            shown.sort();
            let shown: Vec<String> = shown.iter().map(|(_, day)| day.to_string()).collect();
            assert_eq!(shown, expected, "{name}");
            let found = momentum(&plan, today, zone);
            assert_eq!(found.days_since_last_step, Some(days_since), "{name}");
            for first_day in [Weekday::Monday, Weekday::Sunday, Weekday::Saturday] {
                assert_figures_agree_with_timeline(&plan, today, zone, first_day);
            }
        }
    }

    #[test]
    fn the_burn_up_files_each_step_in_the_local_week_of_the_locale() {
        let plan = plan_done_around_the_world();
        let completed_by_week = |zone: &dyn TimeZone, first_day| -> Vec<(String, usize)> {
            burn_up(&plan, day("2026-11-30"), zone, first_day)
                .into_iter()
                .filter(|week| week.completed > 0)
                .map(|week| (week.week_start.to_string(), week.completed))
                .collect()
        };
        let owned = |pairs: &[(&str, usize)]| -> Vec<(String, usize)> {
            pairs
                .iter()
                .map(|(week, count)| (week.to_string(), *count))
                .collect()
        };
        // Kolkata's step after midnight on Monday 30 November starts a new
        // week there; in Berlin it is still Sunday evening.
        assert_eq!(
            completed_by_week(&KOLKATA, Weekday::Monday),
            owned(&[
                ("2026-10-19", 1),
                ("2026-10-26", 1),
                ("2026-11-23", 2),
                ("2026-11-30", 1)
            ])
        );
        assert_eq!(
            completed_by_week(&berlin_2026(), Weekday::Monday),
            owned(&[("2026-10-19", 1), ("2026-10-26", 1), ("2026-11-23", 3)])
        );
        // In weeks that start on Sunday, Los Angeles's Saturday evening and
        // its Sunday morning fall in different weeks.
        assert_eq!(
            completed_by_week(&los_angeles_2026(), Weekday::Sunday),
            owned(&[
                ("2026-10-18", 1),
                ("2026-11-01", 1),
                ("2026-11-22", 2),
                ("2026-11-29", 1)
            ])
        );
        let weeks = burn_up(
            &plan,
            day("2026-11-30"),
            &los_angeles_2026(),
            Weekday::Sunday,
        );
        assert_eq!(weeks.first().unwrap().week_start, day("2026-10-18"));
        assert_eq!(weeks.last().unwrap().week_start, day("2026-11-29"));
        assert_eq!(weeks.last().unwrap().scope, 6);
    }

    #[test]
    fn a_step_planned_just_after_local_midnight_counts_from_that_day() {
        let mut plan = Plan::default();
        let new_goal = NewGoal {
            id: Id::from("step"),
            parent: None,
            title: "step".to_owned(),
        };
        // 12:10 am on Monday 30 November in Kolkata; Sunday in UTC.
        add_goal(&mut plan, new_goal, instant("2026-11-29T18:40:00Z")).unwrap();
        let weeks = burn_up(&plan, day("2026-11-30"), &KOLKATA, Weekday::Monday);
        assert_eq!(weeks.len(), 1);
        assert_eq!(weeks[0].week_start, day("2026-11-30"));
        let weeks = burn_up(&plan, day("2026-11-30"), &UTC, Weekday::Monday);
        assert_eq!(weeks[0].week_start, day("2026-11-23"));
    }

    #[test]
    fn the_timeline_dates_a_check_in_by_its_own_day() {
        let mut plan = plan();
        // Written at 8:30 pm on 28 November in Los Angeles.
        record_check_in(
            &mut plan,
            CheckIn {
                id: Id::from("c-1"),
                date: day("2026-11-28"),
                what_happened: String::new(),
                what_i_learned: String::new(),
                what_i_will_change: String::new(),
                created_at: instant("2026-11-29T04:30:00Z"),
                vision_still_right: None,
                changes: Vec::new(),
                updated_at: None,
            },
        );
        // Seen from Kiritimati, where it was already the 29th, it stays the
        // check-in of the 28th, as its heading says.
        let events = timeline(&plan, &KIRITIMATI);
        let check_in = events
            .iter()
            .find(|event| event.kind == EventKind::CheckIn)
            .unwrap();
        assert_eq!(check_in.day, day("2026-11-28"));
    }
}

/// Figures built on days agree with the timeline for any steps, zone and week.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::tests::assert_figures_agree_with_timeline;
    use super::*;
    use crate::domain::calendar::test_zones::{berlin_2026, los_angeles_2026};
    use crate::domain::calendar::FixedOffset;
    use crate::domain::goals::{add_goal, mark_done, NewGoal};
    use proptest::prelude::*;

    /// Where the plan is viewed: a fixed offset from UTC−12 to UTC+14, or a
    /// rule with daylight saving.
    #[derive(Clone, Debug)]
    enum Zone {
        Fixed(i32),
        LosAngeles,
        Berlin,
    }

    fn zone() -> impl Strategy<Value = Zone> {
        prop_oneof![
            (-48i32..=56).prop_map(|quarters| Zone::Fixed(quarters * 15)),
            Just(Zone::LosAngeles),
            Just(Zone::Berlin),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn every_figure_built_on_days_agrees_with_the_timeline(
            zone in zone(),
            first_day in 1u8..=7,
            done in prop::collection::vec(prop::option::of(0i64..365 * 86_400), 1..14),
            viewed_after in 0i64..45 * 86_400,
        ) {
            let start = Timestamp::parse("2026-01-01T00:00:00Z").unwrap().seconds_since_epoch();
            let mut plan = Plan::default();
            for (index, completed) in done.iter().enumerate() {
                let id = Id::from(format!("s{index}").as_str());
                let new_goal = NewGoal { id: id.clone(), parent: None, title: String::new() };
                add_goal(&mut plan, new_goal, Timestamp::from_seconds(start)).unwrap();
                if let Some(offset) = completed {
                    mark_done(&mut plan, &id, Timestamp::from_seconds(start + offset)).unwrap();
                }
            }
            let latest = done.iter().flatten().max().copied().unwrap_or(0);
            let now = Timestamp::from_seconds(start + latest + viewed_after);
            let (los_angeles, berlin) = (los_angeles_2026(), berlin_2026());
            let fixed;
            let zone: &dyn TimeZone = match zone {
                Zone::Fixed(minutes) => {
                    fixed = FixedOffset::minutes_ahead(minutes);
                    &fixed
                }
                Zone::LosAngeles => &los_angeles,
                Zone::Berlin => &berlin,
            };
            let first_day = Weekday::from_iso_number(first_day).unwrap();
            assert_figures_agree_with_timeline(&plan, now.local_date(zone), zone, first_day);
        }
    }
}
