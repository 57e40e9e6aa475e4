//! The times changes are stamped with, which merges compare.
//!
//! A merge keeps the version changed last, so a device's times must never go
//! backwards, and a change made after seeing another device's change must be
//! stamped later than it, even when this device's clock is behind. The
//! change clock is the wall clock kept that way (a hybrid logical clock): it
//! gives the current whole second, unless this device has already given or
//! seen that time or a later one, in which case it gives one millisecond
//! after the latest. Most stamps are whole seconds, as people read them;
//! changes made within one second are still ordered.
//!
//! Undo and redo are changes too: what they put back is stamped with their
//! own time, so that another device takes the undo rather than keeping what
//! it undid.

use super::calendar::Timestamp;
use super::plan::{Id, Plan, Removal};
use std::collections::{BTreeMap, HashMap, HashSet};

/// A device's clock for stamping changes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ChangeClock {
    latest: Option<Timestamp>,
}

impl ChangeClock {
    /// The time of a new change, the wall clock reading `wall` (in whole
    /// seconds) permitting: later than any time given or seen before.
    pub fn stamp(&mut self, wall: Timestamp) -> Timestamp {
        let time = match self.latest {
            Some(latest) if latest >= wall => latest.next_millisecond(),
            _ => wall,
        };
        self.latest = Some(time);
        time
    }

    /// Takes note of a time seen in a plan (loaded, merged, or taken from
    /// another tab): the next change is stamped later.
    pub fn observe(&mut self, seen: Option<Timestamp>) {
        self.latest = self.latest.max(seen);
    }
}

/// The newest time a plan holds: its own change time, unless an item claims
/// a later one (a file edited by hand, say).
pub fn newest_time(plan: &Plan) -> Option<Timestamp> {
    let items = plan
        .goals
        .iter()
        .map(|goal| Some(goal.updated_at))
        .chain(plan.assets.iter().map(|asset| asset.updated_at))
        .chain(plan.options.iter().map(|option| option.updated_at))
        .chain(plan.check_ins.iter().map(|check_in| check_in.updated_at))
        .chain(plan.removed.iter().map(|record| Some(record.removed_at)));
    items
        .chain([
            plan.updated_at,
            plan.vision.updated_at,
            plan.review_rhythm_updated_at,
        ])
        .max()
        .flatten()
}

/// After an undo or a redo put `plan` back as it was at another time (it was
/// `before` just now), stamps everything it changed with `now`: what came
/// back and what changed, so that it wins over the versions another device
/// may have taken in the meantime. The removal records `before` held stay,
/// but for what came back. When `record_removals`, what it took away is
/// recorded as removed at `now` (undoing an addition removes it everywhere);
/// the undo of a whole replacement (an import, a merge, a sync) records none,
/// so that it never removes another device's items.
pub fn stamp_put_back(before: &Plan, plan: &mut Plan, now: Timestamp, record_removals: bool) {
    let goals_before: HashMap<&Id, _> = before.goals.iter().map(|goal| (&goal.id, goal)).collect();
    for goal in &mut plan.goals {
        if goals_before.get(&goal.id) != Some(&&*goal) {
            goal.updated_at = now;
        }
    }
    let assets_before: HashMap<&Id, _> = before.assets.iter().map(|a| (&a.id, a)).collect();
    for asset in &mut plan.assets {
        if assets_before.get(&asset.id) != Some(&&*asset) {
            asset.updated_at = Some(now);
        }
    }
    let options_before: HashMap<&Id, _> = before.options.iter().map(|o| (&o.id, o)).collect();
    for option in &mut plan.options {
        if options_before.get(&option.id) != Some(&&*option) {
            option.updated_at = Some(now);
        }
    }
    let check_ins_before: HashMap<&Id, _> = before.check_ins.iter().map(|c| (&c.id, c)).collect();
    for check_in in &mut plan.check_ins {
        if check_ins_before.get(&check_in.id) != Some(&&*check_in) {
            check_in.updated_at = Some(now);
        }
    }
    if plan.vision != before.vision {
        plan.vision.updated_at = Some(now);
    }
    if (plan.review_rhythm, plan.review_rhythm_updated_at)
        != (before.review_rhythm, before.review_rhythm_updated_at)
    {
        plan.review_rhythm_updated_at = Some(now);
    }
    let present: HashSet<Id> = plan.item_ids().cloned().collect();
    let mut records: BTreeMap<Id, Removal> = plan
        .removed
        .drain(..)
        .map(|record| (record.id.clone(), record))
        .collect();
    // What was removed stays removed, whatever version is put back, but for
    // what that version brings back.
    for record in &before.removed {
        let newer = records
            .get(&record.id)
            .is_none_or(|kept| kept.removed_at < record.removed_at);
        if newer {
            records.insert(record.id.clone(), record.clone());
        }
    }
    if record_removals {
        let taken_away = before
            .goals
            .iter()
            .map(|goal| (&goal.id, goal.parent.clone()))
            .chain(before.assets.iter().map(|asset| (&asset.id, None)))
            .chain(before.options.iter().map(|option| (&option.id, None)))
            .chain(before.check_ins.iter().map(|check_in| (&check_in.id, None)))
            .filter(|(id, _)| !present.contains(*id));
        for (id, parent) in taken_away {
            let record = Removal {
                id: id.clone(),
                removed_at: now,
                parent,
            };
            records.insert(id.clone(), record);
        }
    }
    plan.removed = records
        .into_values()
        .filter(|record| !present.contains(&record.id))
        .collect();
    plan.forget_old_removals(now);
    plan.updated_at = Some(now);
}

/// The plan without the times merges compare and its removal records: what
/// a person sees of it, for tests of what an undo puts back.
#[cfg(test)]
pub(crate) fn without_times(plan: &Plan) -> Plan {
    let mut bare = plan.clone();
    bare.updated_at = None;
    bare.vision.updated_at = None;
    bare.review_rhythm_updated_at = None;
    bare.removed.clear();
    for goal in &mut bare.goals {
        goal.updated_at = Timestamp::from_seconds(0);
    }
    for asset in &mut bare.assets {
        asset.updated_at = None;
    }
    for option in &mut bare.options {
        option.updated_at = None;
    }
    for check_in in &mut bare.check_ins {
        check_in.updated_at = None;
    }
    bare
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::goals::{add_goals, remove_goal, rename_goal};
    use crate::domain::method::add_asset;
    use crate::domain::plan::AssetKind;

    fn at(seconds: i64) -> Timestamp {
        Timestamp::from_seconds(1_790_000_000 + seconds)
    }

    #[test]
    fn the_change_clock_never_goes_back_and_orders_changes_within_a_second() {
        let mut clock = ChangeClock::default();
        let first = clock.stamp(at(10));
        let second = clock.stamp(at(10));
        let third = clock.stamp(at(10));
        assert_eq!(first, at(10));
        assert_eq!(second, at(10).next_millisecond());
        assert!(first < second && second < third);
        // The wall clock jumped back (set by hand, or a sync with a device
        // whose clock runs ahead): times still go forward.
        assert!(clock.stamp(at(4)) > third);
        clock.observe(Some(at(100)));
        assert_eq!(clock.stamp(at(20)), at(100).next_millisecond());
        // Once the wall clock is past it, whole seconds again.
        assert_eq!(clock.stamp(at(101)), at(101));
    }

    #[test]
    fn an_undone_removal_is_stamped_after_the_removal_and_an_undone_addition_is_removed() {
        let mut plan = Plan::default();
        add_goals(
            &mut plan,
            &[("a", None, "Keep"), ("b", Some("a"), "Under")],
            at(0),
        );
        add_asset(&mut plan, Id::from("s"), AssetKind::Skill, "Stats", at(0));
        let with_b = plan.clone();
        remove_goal(&mut plan, &Id::from("b"), at(5)).unwrap();
        assert_eq!(plan.removed.len(), 1);

        // Undo: the plan with "b" comes back, stamped now, with no record.
        let removed = plan;
        let mut plan = with_b.clone();
        stamp_put_back(&removed, &mut plan, at(9), true);
        assert!(plan.removed.is_empty());
        assert_eq!(plan.goal(&Id::from("b")).unwrap().updated_at, at(9));
        assert_eq!(plan.goal(&Id::from("a")).unwrap().updated_at, at(0));
        assert_eq!(plan.assets[0].updated_at, Some(at(0)));
        assert_eq!(plan.updated_at, Some(at(9)));

        // Undoing the renaming of "a" stamps "a"; undoing the addition of
        // "b" records it as removed.
        let mut renamed = with_b.clone();
        rename_goal(&mut renamed, &Id::from("a"), "Renamed", at(12)).unwrap();
        let mut plan = with_b.clone();
        stamp_put_back(&renamed, &mut plan, at(13), true);
        assert_eq!(plan.goal(&Id::from("a")).unwrap().updated_at, at(13));
        let mut without_b = Plan::default();
        add_goals(&mut without_b, &[("a", None, "Keep")], at(0));
        add_asset(
            &mut without_b,
            Id::from("s"),
            AssetKind::Skill,
            "Stats",
            at(0),
        );
        let mut undone = without_b.clone();
        stamp_put_back(&with_b, &mut undone, at(14), true);
        assert_eq!(undone.removed.len(), 1);
        assert_eq!(undone.removed[0].removed_at, at(14));
        assert_eq!(undone.removed[0].parent, Some(Id::from("a")));
        // The undo of a replacement takes items away without records.
        let mut undone = without_b;
        stamp_put_back(&with_b, &mut undone, at(15), false);
        assert!(undone.removed.is_empty());
        assert_eq!(newest_time(&undone), Some(at(15)));
    }
}
