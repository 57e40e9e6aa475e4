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
//! set. A row's signal is made when the row is drawn and let go when it
//! leaves the screen, so a plan costs the rows on screen, whatever its size.
//!
//! The same effect keeps the list of rows on show, in order (every goal
//! whose branch is open, less finished ones when they are hidden), which
//! the list draws a screenful of at a time (`list.rs`).

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
    pub(super) collapsed: bool,
    /// The last row of its long-term goal's card in the list.
    pub(super) ends_card: bool,
    /// A later date set under this goal, when this goal's own date is earlier.
    pub(super) late_date: Option<Date>,
}

/// One row of the list on show: which goal, and how deep it sits (the
/// list guesses the height of a row not yet drawn from its depth).
#[derive(Clone, Debug, PartialEq)]
pub(super) struct ShownRow {
    pub(super) id: Id,
    pub(super) depth: usize,
}

/// Called when the rows on show change, before any row is redone: lays
/// the list out and gives back the rows it draws now.
type DrawShown = Box<dyn Fn() -> Option<HashSet<Id>>>;

/// The rows' signals, kept in step with the plan by one effect.
#[derive(Clone, Copy)]
pub(super) struct GoalRows {
    rows: StoredValue<Rows>,
    /// Every row on show, in order, drawn or not.
    shown: RwSignal<Vec<ShownRow>>,
    /// The list that draws them, once it is there.
    draw_shown: StoredValue<Option<DrawShown>, LocalStorage>,
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
    /// The signals of the rows drawn now: a row takes its signal when it is
    /// drawn and gives it back when it goes.
    by_id: HashMap<Id, ArcRwSignal<RowData>>,
    /// The same signals in the plan's order, as in `outline`.
    in_plan_order: Vec<Option<ArcRwSignal<RowData>>>,
    /// The rows on show that end a long-term goal's card.
    card_ends: HashSet<Id>,
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
            shown: RwSignal::new(Vec::new()),
            draw_shown: StoredValue::new_local(None),
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

    /// The signal of one goal's row, made when the row is drawn: rows not
    /// on screen cost nothing.
    pub(super) fn row(&self, id: &Id) -> Option<ArcRwSignal<RowData>> {
        if let Some(row) = self.rows.with_value(|rows| rows.by_id.get(id).cloned()) {
            return Some(row);
        }
        let (position, data) = self.list_state.collapsed.with_untracked(|collapsed| {
            self.store.with_untracked(|plan| {
                self.rows.with_value(|rows| {
                    let position = rows.outline.entry(id)?.position;
                    Some((position, rows.row_data(plan, position, collapsed)?))
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

    /// Lets go of a row's signal when its row leaves the screen (a row
    /// drawn again later reads the plan as it is then).
    pub(super) fn release(&self, id: &Id) {
        let _ = self.rows.try_update_value(|rows| {
            if rows.by_id.remove(id).is_some() {
                if let Some(position) = rows.outline.entry(id).map(|entry| entry.position) {
                    if let Some(slot) = rows.in_plan_order.get_mut(position) {
                        *slot = None;
                    }
                }
            }
        });
    }

    /// Has the list laid itself out whenever the rows on show change, at
    /// once: before the rows that stay are redone, so that the rows that go
    /// (after "Expand all", all but those on screen) are not redone first.
    pub(super) fn when_shown_changes(&self, draw: impl Fn() -> Option<HashSet<Id>> + 'static) {
        self.draw_shown.set_value(Some(Box::new(draw)));
    }

    /// Every row on show, in order.
    pub(super) fn shown(&self) -> ReadSignal<Vec<ShownRow>> {
        self.shown.read_only()
    }

    /// The goal on show that would take `id`'s place were it removed with
    /// everything under it: the row above, or else the first row after its
    /// branch.
    pub(super) fn after_removal(&self, id: &Id) -> Option<Id> {
        self.shown.with_untracked(|shown| {
            let at = shown.iter().position(|row| &row.id == id)?;
            if let Some(above) = at.checked_sub(1) {
                return Some(shown[above].id.clone());
            }
            let depth = shown[at].depth;
            shown[at + 1..]
                .iter()
                .find(|row| row.depth <= depth)
                .map(|row| row.id.clone())
        })
    }

    /// The goal on show just above (or below) `id`, drawn or not.
    pub(super) fn neighbour(&self, id: &Id, below: bool) -> Option<Id> {
        self.shown.with_untracked(|shown| {
            let at = shown.iter().position(|row| &row.id == id)?;
            let next = if below {
                at.checked_add(1)
            } else {
                at.checked_sub(1)
            }?;
            shown.get(next).map(|row| row.id.clone())
        })
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
        let mut new_shown = None;
        self.rows.update_value(|rows| {
            let edited = (rows.laid_out_for == Some(settings))
                .then(|| store.goals_edited_since(rows.seen_revision))
                .flatten();
            rows.seen_revision = store.revision();
            let attempted = edited.is_some();
            let followed = edited.is_some_and(|edited| {
                edited
                    .iter()
                    .all(|id| rows.follow_edit(plan, id, collapsed, &mut changed))
            });
            let mut lay_out = false;
            if !followed {
                let reshaped = !rows.outline.has_shape_of(plan);
                if reshaped {
                    rows.outline = Outline::of(plan);
                }
                // An edit that could not be followed may have left rows
                // half redone: lay them all out.
                lay_out = reshaped || attempted || rows.laid_out_for != Some(settings);
            }
            // Typing in a title leaves the rows on show as they were; a
            // change of status can hide a row when finished goals are hidden.
            if !followed || hide_finished {
                let shown = rows.shown_rows(collapsed, hide_finished);
                let card_ends = card_ends(&shown);
                if card_ends != rows.card_ends {
                    rows.card_ends = card_ends;
                    lay_out = true;
                }
                if self.shown.with_untracked(|before| *before != shown) {
                    new_shown = Some(shown);
                }
            }
            if lay_out {
                changed.clear();
                rows.lay_out(plan, collapsed, &mut changed);
                rows.laid_out_for = Some(settings);
            } else if !followed {
                changed.clear();
                rows.follow_edits(plan, &mut changed);
            }
        });
        let mut drawn = None;
        if let Some(shown) = new_shown {
            self.shown.set(shown);
            drawn = self
                .draw_shown
                .try_with_value(|draw| draw.as_ref().and_then(|draw| draw()))
                .flatten();
        }
        for (row, data) in changed {
            // A row the list has just let go of will not be seen again.
            if drawn
                .as_ref()
                .is_none_or(|drawn| drawn.contains(&data.goal.id))
            {
                row.set(data);
            }
        }
    }
}

/// The rows that end a long-term goal's card: each followed by a long-term
/// goal, and the last.
fn card_ends(shown: &[ShownRow]) -> HashSet<Id> {
    shown
        .iter()
        .zip(shown.iter().skip(1).map(Some).chain([None]))
        .filter(|(_, next)| next.is_none_or(|next| next.depth == 0))
        .map(|(row, _)| row.id.clone())
        .collect()
}

impl Rows {
    fn next_step_title<'a>(&self, plan: &'a Plan, position: usize) -> Option<&'a str> {
        let next = self.outline.entry_at(position)?.next_step?;
        Some(plan.goals[next].title.as_str())
    }

    /// Whether the goal at `position` is on show when finished goals may be hidden.
    fn passes_filter(&self, position: usize, hide_finished: bool) -> bool {
        !hide_finished
            || self
                .outline
                .entry_at(position)
                .is_some_and(|entry| entry.status.is_active())
    }

    /// Every row on show, in order: each goal in an open branch, less the
    /// finished ones (with what is under them) when those are hidden.
    fn shown_rows(&self, collapsed: &HashSet<Id>, hide_finished: bool) -> Vec<ShownRow> {
        let mut shown = Vec::new();
        let mut to_visit: Vec<usize> = self.outline.roots().iter().rev().copied().collect();
        while let Some(at) = to_visit.pop() {
            let Some(entry) = self.outline.entry_at(at) else {
                continue;
            };
            if !self.passes_filter(at, hide_finished) {
                continue;
            }
            let id = self.outline.id_at(at);
            shown.push(ShownRow {
                id: id.clone(),
                depth: entry.depth,
            });
            if !collapsed.contains(id) {
                to_visit.extend(self.outline.children_at(at).iter().rev());
            }
        }
        shown
    }

    /// What the row of the goal at `position` shows, if it is in the tree.
    fn row_data(&self, plan: &Plan, position: usize, collapsed: &HashSet<Id>) -> Option<RowData> {
        let entry = self.outline.entry_at(position)?;
        let goal = &plan.goals[position];
        Some(RowData {
            goal: goal.clone(),
            depth: entry.depth,
            progress: entry.progress,
            next_step_title: self.next_step_title(plan, position).map(str::to_owned),
            has_children: !self.outline.children_at(position).is_empty(),
            collapsed: collapsed.contains(&goal.id),
            ends_card: self.card_ends.contains(&goal.id),
            late_date: entry.late_date,
        })
    }

    /// Whether a row already shows what [`Rows::row_data`] would give, found
    /// without copying anything.
    fn shows(&self, row: &RowData, plan: &Plan, position: usize, collapsed: &HashSet<Id>) -> bool {
        let Some(entry) = self.outline.entry_at(position) else {
            return false;
        };
        let goal = &plan.goals[position];
        row.goal == *goal
            && row.depth == entry.depth
            && row.progress == entry.progress
            && row.next_step_title.as_deref() == self.next_step_title(plan, position)
            && row.has_children != self.outline.children_at(position).is_empty()
            && row.collapsed == collapsed.contains(&goal.id)
            && row.ends_card == self.card_ends.contains(&goal.id)
            && row.late_date == entry.late_date
    }

    /// Notes the row of the goal at `position` to be set, if it shows
    /// something else.
    fn redo_row(
        &self,
        row: &ArcRwSignal<RowData>,
        plan: &Plan,
        position: usize,
        collapsed: &HashSet<Id>,
        changed: &mut Changed,
    ) {
        if !row.with_untracked(|shown| self.shows(shown, plan, position, collapsed)) {
            if let Some(data) = self.row_data(plan, position, collapsed) {
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
        changed: &mut Changed,
    ) -> bool {
        let Some(redone) = self.outline.follow_edit(plan, id) else {
            return false;
        };
        // A goal never drawn has no row to redo; its row, once made, reads
        // the outline as it is then.
        for position in redone {
            if let Some(Some(row)) = self.in_plan_order.get(position) {
                self.redo_row(row, plan, position, collapsed, changed);
            }
        }
        true
    }

    /// Works out every drawn row anew (after a change of shape or view),
    /// keeping each goal's signal and setting only those that differ.
    fn lay_out(&mut self, plan: &Plan, collapsed: &HashSet<Id>, changed: &mut Changed) {
        let outline = &self.outline;
        self.by_id.retain(|id, _| outline.entry(id).is_some());
        let mut in_plan_order = vec![None; plan.goals.len()];
        for (id, row) in &self.by_id {
            let Some(position) = outline.entry(id).map(|entry| entry.position) else {
                continue;
            };
            self.redo_row(row, plan, position, collapsed, changed);
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
