//! One signal per goal row, so that a keystroke in one title redraws one row.
//!
//! A signal's subscribers are kept in an ordered set whose removal shifts the
//! rest, so thousands of rows all reading the plan (or one shared outline)
//! make every change cost O(rows²). Instead a single effect reads the plan,
//! works out what each row shows, and sets only the rows that differ; each
//! row subscribes to its own signal and nothing else.
//!
//! The effect does as little as the change allows. An edit of one goal's
//! own fields made through [`PlanStore::edit_goal`] (typing a title,
//! marking a step done) redoes that goal's row and the rows above it, from the
//! outline's [`Outline::follow_edit`]. Any other change is checked against
//! the outline: if the shape is the same ([`Outline::has_shape_of`]) each
//! row's goal is compared with the plan's, in order and without allocating;
//! if not, or if the view changed (a branch collapsed, finished goals
//! hidden), every drawn row is laid out again and only those that differ are
//! set. Rows are made when first drawn, so a collapsed plan costs its
//! long-term goals only.

use super::GoalListState;
use crate::domain::calendar::Date;
use crate::domain::goals::{Outline, Progress};
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
    rows: StoredValue<Rows>,
    roots: RwSignal<Vec<Id>>,
    store: PlanStore,
    list_state: GoalListState,
}

/// How the list is shown, as far as laying out the rows is concerned.
#[derive(Clone, Copy, Debug, PartialEq)]
struct ViewSettings {
    hide_finished: bool,
    /// Counts changes to the set of collapsed branches.
    collapsed_version: u64,
}

#[derive(Default)]
struct Rows {
    /// The outline the rows were last laid out from.
    outline: Outline,
    laid_out_for: Option<ViewSettings>,
    /// The plan's revision the rows show.
    seen_revision: u64,
    /// The signals of the rows drawn so far: a goal keeps its signal (and so
    /// its row) for as long as it is in the tree.
    by_id: HashMap<Id, ArcRwSignal<RowData>>,
    /// The same signals in the plan's order, as in `outline`.
    in_plan_order: Vec<Option<ArcRwSignal<RowData>>>,
}

/// Rows to set, with what they now show.
type Changed = Vec<(ArcRwSignal<RowData>, RowData)>;

impl GoalRows {
    pub(super) fn new(store: PlanStore, list_state: GoalListState) -> Self {
        let collapsed_version = Memo::new(move |previous: Option<&u64>| {
            list_state.collapsed.track();
            previous.map_or(0, |version| version + 1)
        });
        let rows = Self {
            rows: StoredValue::new(Rows::default()),
            roots: RwSignal::new(Vec::new()),
            store,
            list_state,
        };
        // Runs once now, so the first render finds its rows, then on every change.
        let refresh = move || {
            list_state.follow_replacements(store);
            let settings = ViewSettings {
                hide_finished: list_state.hide_finished.get(),
                collapsed_version: collapsed_version.get(),
            };
            list_state.collapsed.with(|collapsed| {
                store.with(|plan| rows.refresh(store, plan, collapsed, settings));
            });
        };
        untrack(refresh);
        Effect::new(move |previous: Option<()>| {
            if previous.is_some() {
                refresh();
            } else {
                // Subscribe without redoing the work just done.
                list_state.hide_finished.track();
                list_state.collapsed.track();
                collapsed_version.track();
                store.with(|_| ());
            }
        });
        rows
    }

    /// The signal of one goal's row, made when the row is first drawn: a
    /// large plan opens collapsed, and rows never drawn cost nothing.
    pub(super) fn row(&self, id: &Id) -> Option<ArcRwSignal<RowData>> {
        if let Some(row) = self.rows.with_value(|rows| rows.by_id.get(id).cloned()) {
            return Some(row);
        }
        let hide_finished = self.list_state.hide_finished.get_untracked();
        let (position, data) = self.list_state.collapsed.with_untracked(|collapsed| {
            self.store.with_untracked(|plan| {
                self.rows.with_value(|rows| {
                    let position = rows.outline.entry(id)?.position;
                    Some((
                        position,
                        rows.row_data(plan, position, collapsed, hide_finished)?,
                    ))
                })
            })
        })?;
        let row = ArcRwSignal::new(data);
        self.rows.update_value(|rows| {
            rows.by_id.insert(id.clone(), row.clone());
            if let Some(slot) = rows.in_plan_order.get_mut(position) {
                *slot = Some(row.clone());
            }
        });
        Some(row)
    }

    /// Long-term goals on show.
    pub(super) fn roots(&self) -> ReadSignal<Vec<Id>> {
        self.roots.read_only()
    }

    /// How many long-term goals on show, from the `from`th on, to draw next:
    /// at most `most`, and no more once they fill `rows` rows (but at least
    /// one), counting each with what is open under it. `None` once the list
    /// is gone (a frame asked after the page was left).
    pub(super) fn roots_to_draw(&self, from: usize, most: usize, rows: usize) -> Option<usize> {
        let hide_finished = self.list_state.hide_finished.try_get_untracked()?;
        self.list_state.collapsed.try_with_untracked(|collapsed| {
            self.roots.try_with_untracked(|roots| {
                self.rows.try_with_value(|drawn| {
                    let (mut count, mut filled) = (0, 0);
                    for id in roots.iter().skip(from).take(most) {
                        if count > 0 && filled >= rows {
                            break;
                        }
                        count += 1;
                        if let Some(entry) = drawn.outline.entry(id) {
                            filled +=
                                drawn.rows_shown_from(entry.position, collapsed, hide_finished);
                        }
                    }
                    count.max(1)
                })
            })
        })??
    }

    fn refresh(
        &self,
        store: PlanStore,
        plan: &Plan,
        collapsed: &HashSet<Id>,
        settings: ViewSettings,
    ) {
        let hide_finished = settings.hide_finished;
        let mut changed = Vec::new();
        let mut new_roots = None;
        self.rows.update_value(|rows| {
            let edited = (rows.laid_out_for == Some(settings))
                .then(|| store.goals_edited_since(rows.seen_revision))
                .flatten();
            rows.seen_revision = store.revision();
            let attempted = edited.is_some();
            let followed = edited.is_some_and(|edited| {
                edited
                    .iter()
                    .all(|id| rows.follow_edit(plan, id, collapsed, hide_finished, &mut changed))
            });
            if !followed {
                changed.clear();
                let reshaped = !rows.outline.has_shape_of(plan);
                if reshaped {
                    rows.outline = Outline::of(plan);
                }
                // An edit that could not be followed may have left rows
                // half redone: lay them all out.
                if reshaped || attempted || rows.laid_out_for != Some(settings) {
                    rows.lay_out(plan, collapsed, hide_finished, &mut changed);
                    rows.laid_out_for = Some(settings);
                } else {
                    rows.follow_edits(plan, &mut changed);
                }
            }
            let roots = rows.outline.roots();
            let shown = self.roots.with_untracked(|shown| {
                shown.iter().eq(rows.visible_children(roots, hide_finished))
            });
            if !shown {
                new_roots = Some(
                    rows.visible_children(roots, hide_finished)
                        .cloned()
                        .collect(),
                );
            }
        });
        for (row, data) in changed {
            row.set(data);
        }
        if let Some(roots) = new_roots {
            self.roots.set(roots);
        }
    }
}

impl Rows {
    fn next_step_title<'a>(&self, plan: &'a Plan, position: usize) -> Option<&'a str> {
        let next = self.outline.entry_at(position)?.next_step?;
        Some(plan.goals[next].title.as_str())
    }

    fn visible_children<'a>(
        &'a self,
        positions: &'a [usize],
        hide_finished: bool,
    ) -> impl Iterator<Item = &'a Id> + 'a {
        positions
            .iter()
            .filter(move |&&child| {
                !hide_finished
                    || self
                        .outline
                        .entry_at(child)
                        .is_some_and(|entry| entry.status.is_active())
            })
            .map(|&child| self.outline.id_at(child))
    }

    /// The rows that the goal at `position` and everything open under it take.
    fn rows_shown_from(
        &self,
        position: usize,
        collapsed: &HashSet<Id>,
        hide_finished: bool,
    ) -> usize {
        let mut rows = 0;
        let mut to_count = vec![position];
        while let Some(at) = to_count.pop() {
            rows += 1;
            if !collapsed.contains(self.outline.id_at(at)) {
                to_count.extend(self.outline.children_at(at).iter().filter(|&&child| {
                    !hide_finished
                        || self
                            .outline
                            .entry_at(child)
                            .is_some_and(|entry| entry.status.is_active())
                }));
            }
        }
        rows
    }

    /// What the row of the goal at `position` shows, if it is in the tree.
    fn row_data(
        &self,
        plan: &Plan,
        position: usize,
        collapsed: &HashSet<Id>,
        hide_finished: bool,
    ) -> Option<RowData> {
        let entry = self.outline.entry_at(position)?;
        let goal = &plan.goals[position];
        let children = self.outline.children_at(position);
        Some(RowData {
            goal: goal.clone(),
            depth: entry.depth,
            progress: entry.progress,
            next_step_title: self.next_step_title(plan, position).map(str::to_owned),
            has_children: !children.is_empty(),
            visible_children: self
                .visible_children(children, hide_finished)
                .cloned()
                .collect(),
            collapsed: collapsed.contains(&goal.id),
            late_date: entry.late_date,
        })
    }

    /// Whether a row already shows what [`Rows::row_data`] would give, found
    /// without copying anything.
    fn shows(
        &self,
        row: &RowData,
        plan: &Plan,
        position: usize,
        collapsed: &HashSet<Id>,
        hide_finished: bool,
    ) -> bool {
        let Some(entry) = self.outline.entry_at(position) else {
            return false;
        };
        let goal = &plan.goals[position];
        let children = self.outline.children_at(position);
        row.goal == *goal
            && row.depth == entry.depth
            && row.progress == entry.progress
            && row.next_step_title.as_deref() == self.next_step_title(plan, position)
            && row.has_children != children.is_empty()
            && row.collapsed == collapsed.contains(&goal.id)
            && row.late_date == entry.late_date
            && row
                .visible_children
                .iter()
                .eq(self.visible_children(children, hide_finished))
    }

    /// Notes the row of the goal at `position` to be set, if it shows
    /// something else.
    fn redo_row(
        &self,
        row: &ArcRwSignal<RowData>,
        plan: &Plan,
        position: usize,
        collapsed: &HashSet<Id>,
        hide_finished: bool,
        changed: &mut Changed,
    ) {
        if !row.with_untracked(|shown| self.shows(shown, plan, position, collapsed, hide_finished))
        {
            if let Some(data) = self.row_data(plan, position, collapsed, hide_finished) {
                changed.push((row.clone(), data));
            }
        }
    }

    /// Follows an edit of one goal's own fields: its roll-ups and those above
    /// it, then their rows. False when the goal is not in the outline.
    fn follow_edit(
        &mut self,
        plan: &Plan,
        id: &Id,
        collapsed: &HashSet<Id>,
        hide_finished: bool,
        changed: &mut Changed,
    ) -> bool {
        let Some(redone) = self.outline.follow_edit(plan, id) else {
            return false;
        };
        // A goal never drawn has no row to redo; its row, once made, reads
        // the outline as it is then.
        for position in redone {
            if let Some(Some(row)) = self.in_plan_order.get(position) {
                self.redo_row(row, plan, position, collapsed, hide_finished, changed);
            }
        }
        true
    }

    /// Works out every drawn row anew (after a change of shape or view),
    /// keeping each goal's signal and setting only those that differ.
    fn lay_out(
        &mut self,
        plan: &Plan,
        collapsed: &HashSet<Id>,
        hide_finished: bool,
        changed: &mut Changed,
    ) {
        let outline = &self.outline;
        self.by_id.retain(|id, _| outline.entry(id).is_some());
        let mut in_plan_order = vec![None; plan.goals.len()];
        for (id, row) in &self.by_id {
            let Some(position) = outline.entry(id).map(|entry| entry.position) else {
                continue;
            };
            self.redo_row(row, plan, position, collapsed, hide_finished, changed);
            in_plan_order[position] = Some(row.clone());
        }
        self.in_plan_order = in_plan_order;
    }

    /// After a change that left the shape alone (a title, notes): sets the
    /// rows whose goal or next step now reads differently.
    fn follow_edits(&self, plan: &Plan, changed: &mut Changed) {
        for (position, (goal, row)) in plan.goals.iter().zip(&self.in_plan_order).enumerate() {
            let Some(row) = row else { continue };
            let next_step_title = self.next_step_title(plan, position);
            let unchanged = row.with_untracked(|shown| {
                shown.goal == *goal && shown.next_step_title.as_deref() == next_step_title
            });
            if !unchanged {
                let mut data = row.get_untracked();
                data.goal = goal.clone();
                data.next_step_title = next_step_title.map(str::to_owned);
                changed.push((row.clone(), data));
            }
        }
    }
}
