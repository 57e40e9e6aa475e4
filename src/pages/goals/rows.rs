//! One signal per goal row, so that a keystroke in one title redraws one row.
//!
//! A signal's subscribers are kept in an ordered set whose removal shifts the
//! rest, so thousands of rows all reading the plan (or one shared outline)
//! make every change cost O(rows²). Instead a single effect reads the plan,
//! works out what each row shows, and sets only the rows that differ; each
//! row subscribes to its own signal and nothing else.

use super::GoalListState;
use crate::domain::calendar::Date;
use crate::domain::goals::{dates_out_of_order, Outline, OutlineEntry, Progress};
use crate::domain::plan::{Goal, Id, Plan};
use crate::state::PlanStore;
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};

/// Everything one row of the goal list shows.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct RowData {
    pub(super) goal: Goal,
    pub(super) depth: usize,
    pub(super) progress: Progress,
    pub(super) next_step_title: Option<String>,
    pub(super) has_children: bool,
    /// Children on show (the filter may hide finished ones).
    pub(super) visible_children: Vec<Id>,
    pub(super) collapsed: bool,
    /// A later date set under this goal, when this goal's own date is earlier.
    pub(super) late_date: Option<Date>,
}

/// The rows' signals, kept in step with the plan by one effect.
#[derive(Clone, Copy)]
pub(super) struct GoalRows {
    rows: StoredValue<HashMap<Id, ArcRwSignal<RowData>>>,
    roots: RwSignal<Vec<Id>>,
}

/// The parts of the plan that change the tree's shape; typing a title
/// leaves it equal, so the outline is not recomputed per keystroke.
type Shape = Vec<(
    Id,
    Option<Id>,
    crate::domain::plan::GoalStatus,
    Option<Date>,
)>;

fn shape_of(plan: &Plan) -> Shape {
    plan.goals
        .iter()
        .map(|g| (g.id.clone(), g.parent.clone(), g.status, g.target_date))
        .collect()
}

impl GoalRows {
    pub(super) fn new(store: PlanStore, list_state: GoalListState) -> Self {
        let shape = Memo::new(move |_| store.with(shape_of));
        // Reading (not just tracking) the shape computes it, and so subscribes
        // it to the plan.
        let outline = Memo::new(move |_| {
            shape.with(|_| ());
            store.with_untracked(Outline::of)
        });
        let late_dates = Memo::new(move |_| {
            shape.with(|_| ());
            store.with_untracked(dates_out_of_order)
        });
        let rows = Self {
            rows: StoredValue::new(HashMap::new()),
            roots: RwSignal::new(Vec::new()),
        };
        // Runs once now, so the first render finds its rows, then on every change.
        let refresh = move || {
            let hide_finished = list_state.hide_finished.get();
            list_state.collapsed.with(|collapsed| {
                outline.with(|outline| {
                    late_dates.with(|late_dates| {
                        store.with(|plan| {
                            rows.refresh(plan, outline, late_dates, collapsed, hide_finished)
                        })
                    })
                })
            })
        };
        untrack(refresh);
        Effect::new(move |previous: Option<()>| {
            if previous.is_some() {
                refresh();
            } else {
                // Subscribe without redoing the work just done.
                list_state.hide_finished.track();
                list_state.collapsed.track();
                outline.with(|_| ());
                late_dates.with(|_| ());
                store.with(|_| ());
            }
        });
        rows
    }

    /// The signal of one goal's row.
    pub(super) fn row(&self, id: &Id) -> Option<ArcRwSignal<RowData>> {
        self.rows.with_value(|rows| rows.get(id).cloned())
    }

    /// Long-term goals on show.
    pub(super) fn roots(&self) -> ReadSignal<Vec<Id>> {
        self.roots.read_only()
    }

    fn refresh(
        &self,
        plan: &Plan,
        outline: &Outline,
        late_dates: &HashMap<Id, Date>,
        collapsed: &HashSet<Id>,
        hide_finished: bool,
    ) {
        let visible = |parent: Option<&Id>| {
            outline.children(parent).iter().filter(move |id| {
                !hide_finished || outline.entry(id).is_some_and(|e| e.status.is_active())
            })
        };
        let has_children = |id: &Id| !outline.children(Some(id)).is_empty();
        let next_step_title = |entry: &OutlineEntry| {
            let next = outline.entry(entry.next_step.as_ref()?)?;
            Some(plan.goals[next.position].title.as_str())
        };
        let build = |goal: &Goal, entry: &OutlineEntry| RowData {
            goal: goal.clone(),
            depth: entry.depth,
            progress: entry.progress,
            next_step_title: next_step_title(entry).map(str::to_owned),
            has_children: has_children(&goal.id),
            visible_children: visible(Some(&goal.id)).cloned().collect(),
            collapsed: collapsed.contains(&goal.id),
            late_date: late_dates.get(&goal.id).copied(),
        };
        // Compares by reference, so an unchanged row costs no allocation.
        let unchanged = |row: &RowData, goal: &Goal, entry: &OutlineEntry| {
            row.goal == *goal
                && row.depth == entry.depth
                && row.progress == entry.progress
                && row.next_step_title.as_deref() == next_step_title(entry)
                && row.has_children == has_children(&goal.id)
                && row.collapsed == collapsed.contains(&goal.id)
                && row.late_date == late_dates.get(&goal.id).copied()
                && row.visible_children.iter().eq(visible(Some(&goal.id)))
        };

        let mut changed = Vec::new();
        self.rows.update_value(|rows| {
            rows.retain(|id, _| outline.entry(id).is_some());
            for goal in &plan.goals {
                let Some(entry) = outline.entry(&goal.id) else {
                    continue;
                };
                match rows.get(&goal.id) {
                    Some(row) if row.with_untracked(|row| unchanged(row, goal, entry)) => {}
                    Some(row) => changed.push((row.clone(), build(goal, entry))),
                    None => {
                        rows.insert(goal.id.clone(), ArcRwSignal::new(build(goal, entry)));
                    }
                }
            }
        });
        for (row, data) in changed {
            row.set(data);
        }
        if !self
            .roots
            .with_untracked(|roots| roots.iter().eq(visible(None)))
        {
            self.roots.set(visible(None).cloned().collect());
        }
    }
}
