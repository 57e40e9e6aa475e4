//! Seeing progress and adjusting the plan: the weekly burn-up, momentum, the
//! timeline of what happened, and when the next review is due.

use super::calendar::{Date, Timestamp};
use super::goals::GoalTree;
use super::plan::{CheckIn, Goal, GoalStatus, Id, Plan};
use std::cmp::Reverse;

impl Date {
    /// The Monday of the week this date falls in.
    pub fn week_start(self) -> Date {
        let days = self.days_since_epoch();
        // 1970-01-01 was a Thursday: three days after a Monday.
        Date::from_days_since_epoch(days - (days + 3).rem_euclid(7))
    }

    pub fn add_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + days)
    }
}

/// One week of the burn-up chart: steps done by its end against steps planned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WeekPoint {
    pub week_start: Date,
    /// Steps completed during this week.
    pub completed: usize,
    /// Steps completed by the end of this week.
    pub done: usize,
    /// Steps in the plan by the end of this week (dropped ones left out).
    pub scope: usize,
}

/// A step as the charts count it: when it was planned, and when it was done.
struct CountedStep {
    planned: Date,
    done: Option<Date>,
}

/// Every step that counts (not dropped, nor under something dropped), with
/// its dates. A step under a goal marked done counts as done then.
fn counted_steps(plan: &Plan) -> Vec<CountedStep> {
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
                .map(Timestamp::date);
            Some(CountedStep {
                planned: step.created_at.date(),
                done,
            })
        })
        .collect()
}

/// Steps done and planned, week by week, from the first planned step's week
/// to this week. Empty when there are no steps.
pub fn burn_up(plan: &Plan, today: Date) -> Vec<WeekPoint> {
    let steps = counted_steps(plan);
    let Some(first) = steps.iter().map(|step| step.planned).min() else {
        return Vec::new();
    };
    let last_week = today.max(first).week_start();
    let mut points = Vec::new();
    let mut week = first.week_start();
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

pub fn momentum(plan: &Plan, today: Date) -> Momentum {
    let tree = GoalTree::new(plan);
    let done_dates: Vec<Date> = counted_steps(plan)
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
    pub kind: EventKind,
    pub text: String,
    /// The long-term goal it belongs to, for filtering.
    pub long_term_goal: Option<Id>,
}

/// What happened, most recent first.
pub fn timeline(plan: &Plan) -> Vec<TimelineEvent> {
    let tree = GoalTree::new(plan);
    let mut events = Vec::new();
    for goal in &plan.goals {
        let root = tree
            .ancestors(&goal.id)
            .first()
            .map_or(goal.id.clone(), |root| root.id.clone());
        let level = super::goals::GoalLevel::at_depth(tree.depth(&goal.id)).label();
        let event = |when, kind, text| TimelineEvent {
            when,
            kind,
            text,
            long_term_goal: Some(root.clone()),
        };
        events.push(event(
            goal.created_at,
            EventKind::GoalAdded,
            format!("Added {} “{}”", level.to_lowercase(), goal.title),
        ));
        if let Some(completed) = goal.completed_at {
            events.push(event(
                completed,
                EventKind::GoalDone,
                format!("Completed “{}”", goal.title),
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
                format!("Dropped “{}”{reason}", goal.title),
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

/// Adds a finished check-in to the plan.
pub fn record_check_in(plan: &mut Plan, check_in: CheckIn) {
    plan.updated_at = Some(check_in.created_at);
    plan.check_ins.push(check_in);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::goals::{add_goal, drop_goal, mark_done, set_target_date, NewGoal};
    use crate::domain::method::keep_current_vision;
    use crate::domain::plan::ReviewRhythm;

    fn day(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn at(text: &str) -> Timestamp {
        Timestamp::parse(&format!("{text}T10:00:00Z")).unwrap()
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
    fn weeks_start_on_monday() {
        assert_eq!(day("2026-11-23").week_start(), day("2026-11-23"));
        assert_eq!(day("2026-11-29").week_start(), day("2026-11-23"));
        assert_eq!(day("2026-11-22").week_start(), day("2026-11-16"));
        assert_eq!(day("1970-01-01").week_start(), day("1969-12-29"));
    }

    #[test]
    fn an_empty_plan_has_no_chart_and_quiet_momentum() {
        let plan = Plan::default();
        assert!(burn_up(&plan, day("2026-11-23")).is_empty());
        assert_eq!(momentum(&plan, day("2026-11-23")), Momentum::default());
        assert!(timeline(&plan).is_empty());
    }

    #[test]
    fn a_single_day_is_one_week() {
        let mut plan = plan();
        mark_done(&mut plan, &Id::from("shortlist"), at("2026-11-02")).unwrap();
        let points = burn_up(&plan, day("2026-11-02"));
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
        let points = burn_up(&plan, day("2026-11-23"));
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
        let points = burn_up(&plan, day("2026-11-23"));
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
        let points = burn_up(&plan, day("2026-11-08"));
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
        let found = momentum(&plan, day("2026-11-23"));
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
            },
        );
        let events = timeline(&plan);
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
            },
        );
        let due = review_due(&plan, day("2026-11-22")).unwrap();
        assert_eq!(due.due_on, day("2026-11-23"));
        assert!(!due.is_due);
        assert!(review_due(&plan, day("2026-11-23")).unwrap().is_due);
        plan.review_rhythm = Some(ReviewRhythm::Monthly);
        assert!(!review_due(&plan, day("2026-12-15")).unwrap().is_due);
    }
}
