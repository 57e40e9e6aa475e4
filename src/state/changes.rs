//! The plan's change log: what each change touched, numbered, so that a view
//! or a save that deals with thousands of goals can ask what changed since it
//! last looked and redo only that.

use crate::domain::plan::Id;
use std::collections::VecDeque;

/// What one change of the plan touched.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Touched {
    /// One goal's own fields (its words, status or dates), not where it sits.
    OneGoal(Id),
    /// The vision only: no goal.
    Vision,
    Anything,
    /// A whole plan took the place of the last one (an import, a merge,
    /// starting over, or the undo of one of those):
    /// views of the plan start afresh.
    Replaced,
}

/// The latest changes. Typing in one title makes one entry, however long it
/// goes on.
#[derive(Debug, Default)]
pub(super) struct ChangeLog {
    revision: u64,
    /// Each entry with the revision of its latest change.
    recent: VecDeque<(u64, Touched)>,
    /// The latest revision no longer in `recent`.
    forgotten: u64,
    /// How many times a whole plan took the place of the last one.
    replacements: u64,
}

impl ChangeLog {
    /// A few dozen distinct changes between two looks is already a lot.
    const KEPT: usize = 32;

    pub(super) fn note(&mut self, touched: Touched) {
        self.revision += 1;
        if touched == Touched::Replaced {
            self.replacements += 1;
        }
        match self.recent.back_mut() {
            Some((at, latest))
                if *latest == touched
                    && matches!(touched, Touched::OneGoal(_) | Touched::Vision) =>
            {
                *at = self.revision;
            }
            _ => self.recent.push_back((self.revision, touched)),
        }
        if self.recent.len() > Self::KEPT {
            if let Some((at, _)) = self.recent.pop_front() {
                self.forgotten = at;
            }
        }
    }

    /// A number that grows with every change.
    pub(super) fn revision(&self) -> u64 {
        self.revision
    }

    /// How many whole plans have taken the place of the last one.
    pub(super) fn replacements(&self) -> u64 {
        self.replacements
    }

    /// The goals changed since `revision`, when every change since then was
    /// to one goal's own fields (or to the vision); `None` when anything else
    /// may have changed.
    pub(super) fn goals_edited_since(&self, revision: u64) -> Option<Vec<Id>> {
        if revision < self.forgotten {
            // Forgotten: anything may have changed.
            return None;
        }
        let mut edited: Vec<Id> = Vec::new();
        for (_, touched) in self.recent.iter().filter(|(at, _)| *at > revision) {
            match touched {
                Touched::OneGoal(id) if !edited.contains(id) => edited.push(id.clone()),
                Touched::OneGoal(_) | Touched::Vision => {}
                Touched::Anything | Touched::Replaced => return None,
            }
        }
        Some(edited)
    }
}

#[cfg(test)]
mod tests {
    use super::{ChangeLog, Touched};
    use crate::domain::plan::Id;

    #[test]
    fn the_change_log_names_the_goals_edited_since_a_revision() {
        let mut log = ChangeLog::default();
        assert_eq!(log.goals_edited_since(0), Some(vec![]));
        log.note(Touched::OneGoal(Id::from("a")));
        log.note(Touched::OneGoal(Id::from("b")));
        log.note(Touched::OneGoal(Id::from("a")));
        assert_eq!(log.revision(), 3);
        assert_eq!(
            log.goals_edited_since(0),
            Some(vec![Id::from("a"), Id::from("b")])
        );
        assert_eq!(log.goals_edited_since(2), Some(vec![Id::from("a")]));
        assert_eq!(log.goals_edited_since(3), Some(vec![]));
        log.note(Touched::Vision);
        assert_eq!(log.goals_edited_since(3), Some(vec![]));
        log.note(Touched::Anything);
        assert_eq!(log.goals_edited_since(2), None);
        assert_eq!(log.goals_edited_since(5), Some(vec![]));
    }

    #[test]
    fn a_change_too_old_to_be_kept_counts_as_anything() {
        let mut log = ChangeLog::default();
        for index in 0..=ChangeLog::KEPT {
            log.note(Touched::OneGoal(Id::from(index.to_string().as_str())));
        }
        assert_eq!(log.goals_edited_since(0), None);
        assert_eq!(
            log.goals_edited_since(1).map(|ids| ids.len()),
            Some(ChangeLog::KEPT)
        );
    }

    #[test]
    fn typing_on_in_one_goal_is_one_entry() {
        let mut log = ChangeLog::default();
        log.note(Touched::OneGoal(Id::from("a")));
        for _ in 0..ChangeLog::KEPT * 3 {
            log.note(Touched::OneGoal(Id::from("b")));
        }
        assert_eq!(
            log.goals_edited_since(0),
            Some(vec![Id::from("a"), Id::from("b")])
        );
        assert_eq!(
            log.goals_edited_since(log.revision() - 1),
            Some(vec![Id::from("b")])
        );
        assert_eq!(log.recent.len(), 2);
    }

    #[test]
    fn replacements_are_counted_for_good() {
        let mut log = ChangeLog::default();
        log.note(Touched::Replaced);
        for _ in 0..ChangeLog::KEPT * 2 {
            log.note(Touched::Anything);
        }
        log.note(Touched::Replaced);
        assert_eq!(log.replacements(), 2);
        assert_eq!(log.goals_edited_since(log.revision() - 1), None);
    }
}
