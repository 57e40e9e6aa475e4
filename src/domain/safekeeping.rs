//! When to remind the person to download a copy of their plan.
//!
//! A browser can clear its storage (a "clear browsing data", a full disk, a
//! new device), so a plan worth keeping is worth a copy. The reminder comes
//! only when there is something new to keep and the last copy is old, and it
//! can be put off.

use super::calendar::Timestamp;
use super::plan::Plan;

/// Days after a download before a changed plan prompts another one.
pub const DAYS_BETWEEN_REMINDERS: i64 = 7;
/// How long "remind me later" puts the reminder off.
pub const SNOOZE_DAYS: i64 = 3;
/// A plan with this many entries is worth a first copy.
const ENTRIES_WORTH_A_FIRST_COPY: usize = 5;

/// What the reminder says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportReminder {
    /// Never downloaded, and the plan has grown worth keeping.
    NeverExported,
    /// Changed since a download this many days ago.
    ChangedSince { days: i64 },
}

impl ExportReminder {
    pub fn message(self) -> String {
        match self {
            Self::NeverExported => {
                "Your plan lives only in this browser. Download a copy to keep it safe.".into()
            }
            Self::ChangedSince { days } => {
                format!("You last downloaded your plan {days} days ago and have changed it since.")
            }
        }
    }
}

/// Whether to remind the person, given when they last downloaded the plan and
/// until when they put the reminder off.
pub fn export_reminder(
    plan: &Plan,
    exported_at: Option<Timestamp>,
    snoozed_until: Option<Timestamp>,
    now: Timestamp,
) -> Option<ExportReminder> {
    let changed_at = plan.updated_at?;
    if snoozed_until.is_some_and(|until| until > now) {
        return None;
    }
    match exported_at {
        Some(exported_at) => {
            let days = (now.seconds_since_epoch() - exported_at.seconds_since_epoch()) / 86_400;
            (changed_at > exported_at && days >= DAYS_BETWEEN_REMINDERS)
                .then_some(ExportReminder::ChangedSince { days })
        }
        None => {
            let entries = plan.goals.len()
                + plan.assets.len()
                + plan.options.len()
                + plan.check_ins.len()
                + usize::from(!plan.vision.statement.trim().is_empty());
            (entries >= ENTRIES_WORTH_A_FIRST_COPY).then_some(ExportReminder::NeverExported)
        }
    }
}

/// When a reminder put off now comes back.
pub fn snooze_until(now: Timestamp) -> Timestamp {
    Timestamp::from_seconds(now.seconds_since_epoch() + SNOOZE_DAYS * 86_400)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::goals::{add_goal, NewGoal};
    use crate::domain::plan::Id;

    fn day(days: i64) -> Timestamp {
        Timestamp::from_seconds(1_790_000_000 + days * 86_400)
    }

    fn plan_with_goals(count: usize, at: Timestamp) -> Plan {
        let mut plan = Plan::default();
        for index in 0..count {
            add_goal(
                &mut plan,
                NewGoal {
                    id: Id::from(format!("g-{index}").as_str()),
                    parent: None,
                    title: "A goal".into(),
                },
                at,
            )
            .unwrap();
        }
        plan
    }

    #[test]
    fn a_blank_or_small_plan_never_downloaded_is_left_alone() {
        assert_eq!(export_reminder(&Plan::default(), None, None, day(30)), None);
        assert_eq!(
            export_reminder(&plan_with_goals(4, day(0)), None, None, day(30)),
            None
        );
        assert_eq!(
            export_reminder(&plan_with_goals(5, day(0)), None, None, day(0)),
            Some(ExportReminder::NeverExported)
        );
    }

    #[test]
    fn a_changed_plan_is_reminded_a_week_after_its_download() {
        let plan = plan_with_goals(5, day(8));
        assert_eq!(export_reminder(&plan, Some(day(2)), None, day(8)), None);
        assert_eq!(
            export_reminder(&plan, Some(day(1)), None, day(8)),
            Some(ExportReminder::ChangedSince { days: 7 })
        );
        // Nothing new since the download: no reminder, however old.
        assert_eq!(export_reminder(&plan, Some(day(9)), None, day(90)), None);
    }

    #[test]
    fn later_puts_it_off_for_three_days() {
        let plan = plan_with_goals(5, day(0));
        let until = snooze_until(day(10));
        assert_eq!(export_reminder(&plan, None, Some(until), day(12)), None);
        assert!(export_reminder(&plan, None, Some(until), day(13)).is_some());
    }
}
