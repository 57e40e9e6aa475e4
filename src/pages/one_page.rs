//! The whole plan on one read-only page: to read at a glance, to print or
//! save as PDF, and to show a plan someone shared.
//!
//! The goals are drawn a slice at a time: the first rows (what the screen
//! shows) at once, the rest a hundred per task, so that a plan of tens
//! of thousands of goals neither blocks the page nor waits to appear. Every
//! row is drawn in the end, for the browser's find, a screen reader and
//! printing; the Print button waits for the last one.

use crate::clock;
use crate::domain::calendar::{Date, TimeZone};
use crate::domain::goals::{GoalLevel, GoalTree, Outline};
use crate::domain::method::without_private;
use crate::domain::plan::{AssetKind, GoalStatus, OptionStatus, Plan};
use crate::routing::Section;
use crate::slices::next_task;
use crate::state::use_plan_store;
use leptos::prelude::*;
use std::sync::Arc;

/// How many of the latest check-ins the page shows.
const RECENT_CHECK_INS: usize = 3;
/// Goal rows drawn with the page: more than a tall screen shows.
const FIRST_ROWS: usize = 150;
/// Goal rows drawn per task after the first: a few tens of milliseconds.
const ROWS_PER_TASK: usize = 100;

/// The person's own plan on one page, with printing.
#[component]
pub fn OnePagePage() -> impl IntoView {
    let store = use_plan_store();
    let (hide_private, set_hide_private) = signal(false);
    let private_count = move || store.with(|plan| plan.assets.iter().filter(|a| a.private).count());
    // Set by the plan below once its last goal row is drawn.
    let all_drawn = RwSignal::new(false);
    let (waiting_to_print, set_waiting_to_print) = signal(false);
    let print = move |_| {
        if waiting_to_print.get_untracked() {
            return;
        }
        if all_drawn.get_untracked() {
            let _ = window().print();
            return;
        }
        set_waiting_to_print.set(true);
        leptos::task::spawn_local(async move {
            // Until the page is left or every row is there.
            while all_drawn.try_get_untracked() == Some(false) {
                next_task().await;
            }
            if set_waiting_to_print.try_set(false).is_none() {
                let _ = window().print();
            }
        });
    };
    view! {
        <div class="page page--one-page">
            <div class="one-page__tools no-print">
                <a class="button button--quiet" href=Section::Data.href()>"← Data"</a>
                <Show when=move || { private_count() > 0 }>
                    <label class="checkbox">
                        <input
                            type="checkbox"
                            prop:checked=hide_private
                            on:change=move |event| set_hide_private.set(event_target_checked(&event))
                        />
                        {move || format!("Leave out private entries ({})", private_count())}
                    </label>
                </Show>
                <button
                    type="button"
                    class="button button--primary"
                    on:click=print
                    aria-disabled=move || waiting_to_print.get().to_string()
                >
                    {move || if waiting_to_print.get() {
                        "Getting every goal ready to print…"
                    } else {
                        "Print or save as PDF"
                    }}
                </button>
            </div>
            {move || {
                let plan = store.with(|plan| {
                    if hide_private.get() { without_private(plan) } else { plan.clone() }
                });
                view! { <PlanOnOnePage plan=plan heading="My career plan" all_drawn=all_drawn/> }
            }}
        </div>
    }
}

/// A plan, read-only, in the order of the method.
#[component]
pub fn PlanOnOnePage(
    plan: Plan,
    heading: &'static str,
    /// Set once every goal row is drawn (for printing).
    #[prop(optional)]
    all_drawn: Option<RwSignal<bool>>,
) -> impl IntoView {
    let plan = Arc::new(plan);
    let tree = GoalTree::new(&plan);
    let vision = plan.vision.clone();
    let statement = vision.statement.trim().to_owned();
    let mut facts = Vec::new();
    if let Some(years) = vision.horizon_years {
        facts.push(format!("Horizon: {years} years"));
    }
    if let Some(score) = vision.excitement {
        facts.push(format!("Excitement: {score}/10"));
    }
    let answers: Vec<(&str, String)> = vision
        .given_answers()
        .into_iter()
        .map(|(question, answer)| (question, answer.to_owned()))
        .collect();
    let facets: Vec<(&str, u8, String)> = vision
        .success
        .stated_facets()
        .into_iter()
        .map(|(name, facet)| (name, facet.weight, facet.words.trim().to_owned()))
        .collect();

    let leverage = AssetKind::ALL
        .into_iter()
        .filter_map(|kind| {
            let entries: Vec<_> = plan
                .assets
                .iter()
                .filter(|asset| asset.kind == kind)
                .map(|asset| {
                    let mut words = asset.name.trim().to_owned();
                    if let Some(level) = asset.level {
                        words.push_str(&format!(" (strength {level}/5)"));
                    }
                    if !asset.note.trim().is_empty() {
                        words.push_str(&format!(": {}", asset.note.trim()));
                    }
                    view! {
                        <li>
                            {words}
                            {asset.private.then(|| view! { <span class="tag">"private"</span> })}
                        </li>
                    }
                })
                .collect();
            (!entries.is_empty()).then(|| {
                view! {
                    <div class="one-page__group">
                        <h3>{kind.label()}</h3>
                        <ul>{entries}</ul>
                    </div>
                }
            })
        })
        .collect::<Vec<_>>();

    let options: Vec<_> = plan
        .options
        .iter()
        .filter(|option| option.status != OptionStatus::SetAside)
        .map(|option| {
            view! {
                <li>
                    <strong>{option.title.trim().to_owned()}</strong>
                    {format!(" ({}, {})", option.kind.label(), option.status.label().to_lowercase())}
                    {(!option.notes.trim().is_empty()).then(|| format!(": {}", option.notes.trim()))}
                </li>
            }
        })
        .collect();

    let rows = Arc::new(GoalRows::of(plan.clone(), &tree, &clock::time_zone()));
    let total = rows.rows.len();
    let (drawn, set_drawn) = signal(total.min(FIRST_ROWS));
    if let Some(all_drawn) = all_drawn {
        all_drawn.set(total <= FIRST_ROWS);
    }
    if total > FIRST_ROWS {
        leptos::task::spawn_local(async move {
            let finished = loop {
                next_task().await;
                let more = set_drawn.try_update(|drawn| {
                    *drawn = total.min(*drawn + ROWS_PER_TASK);
                    *drawn < total
                });
                match more {
                    Some(true) => {}
                    Some(false) => break true,
                    // The page is gone, or drawn anew for a changed plan,
                    // which says for itself when it is done.
                    None => break false,
                }
            };
            if let (true, Some(all_drawn)) = (finished, all_drawn) {
                let _ = all_drawn.try_set(true);
            }
        });
    }
    let goals = goal_list(rows, None, drawn);
    let still_drawing = move || {
        let drawn = drawn.get();
        (drawn < total).then(|| {
            view! {
                <p class="muted one-page__drawing">
                    {format!("Showing {drawn} of {total} goals; the rest follow in a moment.")}
                </p>
            }
        })
    };
    let next_step = tree
        .plan_next_step()
        .map(|step| step.title.trim().to_owned());
    let check_ins: Vec<_> = plan
        .check_ins
        .iter()
        .rev()
        .take(RECENT_CHECK_INS)
        .map(|check_in| {
            let lines: Vec<_> = [
                ("What happened", check_in.what_happened.trim()),
                ("What I learned", check_in.what_i_learned.trim()),
                ("What I will change", check_in.what_i_will_change.trim()),
            ]
            .into_iter()
            .filter(|(_, text)| !text.is_empty())
            .map(|(label, text)| view! { <li><strong>{label}": "</strong>{text.to_owned()}</li> })
            .collect();
            view! {
                <div class="one-page__group">
                    <h3>{check_in.date.to_string()}</h3>
                    <ul>{lines}</ul>
                </div>
            }
        })
        .collect();
    let has_leverage = !leverage.is_empty();
    let has_options = !options.is_empty();
    let has_check_ins = !check_ins.is_empty();

    view! {
        <article class="one-page" aria-labelledby="one-page-heading">
            <h1 id="one-page-heading">{heading}</h1>
            <section aria-labelledby="one-page-vision">
                <h2 id="one-page-vision">"Vision"</h2>
                {if statement.is_empty() {
                    view! { <p class="muted">"No vision statement yet."</p> }.into_any()
                } else {
                    view! { <blockquote class="one-page__statement">{statement}</blockquote> }.into_any()
                }}
                {(!facts.is_empty()).then(|| view! { <p class="muted">{facts.join(" · ")}</p> })}
                {(!answers.is_empty()).then(|| view! {
                    <dl class="one-page__answers">
                        {answers.into_iter().map(|(question, answer)| view! {
                            <dt>{question}</dt>
                            <dd>{answer}</dd>
                        }).collect_view()}
                    </dl>
                })}
                {(!facets.is_empty()).then(|| view! {
                    <h3>"What success means to me"</h3>
                    <ul>
                        {facets.into_iter().map(|(name, weight, words)| view! {
                            <li>
                                <strong>{name}</strong>
                                {format!(" (matters {weight}/5)")}
                                {(!words.is_empty()).then(|| format!(": {words}"))}
                            </li>
                        }).collect_view()}
                    </ul>
                })}
            </section>
            {has_leverage.then(|| view! {
                <section aria-labelledby="one-page-leverage">
                    <h2 id="one-page-leverage">"Leverage"</h2>
                    <div class="one-page__columns">{leverage}</div>
                </section>
            })}
            {has_options.then(|| view! {
                <section aria-labelledby="one-page-options">
                    <h2 id="one-page-options">"Options"</h2>
                    <ul>{options}</ul>
                </section>
            })}
            <section aria-labelledby="one-page-goals">
                <h2 id="one-page-goals">"Goals"</h2>
                {next_step.map(|step| view! {
                    <p class="one-page__next"><strong>"Next step: "</strong>{step}</p>
                })}
                {if plan.goals.is_empty() {
                    view! { <p class="muted">"No goals yet."</p> }.into_any()
                } else {
                    view! { {goals} {still_drawing} }.into_any()
                }}
            </section>
            {has_check_ins.then(|| view! {
                <section aria-labelledby="one-page-check-ins">
                    <h2 id="one-page-check-ins">"Latest check-ins"</h2>
                    {check_ins}
                </section>
            })}
        </article>
    }
}

/// What the page shows of a goal that takes the whole tree to know,
/// worked out once for the whole list; the rest is put into words as the
/// row is drawn.
struct GoalRow {
    /// The goal's position in the plan.
    goal: usize,
    level: GoalLevel,
    /// The day it was done where the page is read, as the timeline and the
    /// Markdown download give it.
    done_on: Option<Date>,
    percent_done: Option<u8>,
    /// The rows of the goals under it.
    children: Vec<usize>,
}

/// Every goal in the tree as a row, in the page's order: each goal, then
/// the goals under it. A row's index is thus also its turn to be drawn.
struct GoalRows {
    plan: Arc<Plan>,
    rows: Vec<GoalRow>,
    long_term: Vec<usize>,
}

impl GoalRows {
    /// By the goals' positions in the plan, as the tree's outline keeps
    /// them: no goal is looked up by its id.
    fn of(plan: Arc<Plan>, tree: &GoalTree<'_>, zone: &dyn TimeZone) -> Self {
        let outline = tree.outline();
        let mut rows = Vec::with_capacity(plan.goals.len());
        let long_term = outline
            .roots()
            .iter()
            .map(|&goal| Self::add(&plan, outline, zone, goal, &mut rows))
            .collect();
        Self {
            plan,
            rows,
            long_term,
        }
    }

    /// Adds the row of the goal at `goal` and, after it, its children's;
    /// returns its index.
    fn add(
        plan: &Plan,
        outline: &Outline,
        zone: &dyn TimeZone,
        goal: usize,
        rows: &mut Vec<GoalRow>,
    ) -> usize {
        let entry = outline.entry_at(goal);
        let children = outline.children_at(goal);
        let at = rows.len();
        rows.push(GoalRow {
            goal,
            level: GoalLevel::at_depth(entry.map_or(0, |entry| entry.depth)),
            done_on: match (plan.goals[goal].status, plan.goals[goal].completed_at) {
                (GoalStatus::Done, Some(completed)) => Some(completed.local_date(zone)),
                _ => None,
            },
            percent_done: entry
                .filter(|_| !children.is_empty())
                .and_then(|entry| entry.progress.percent()),
            children: Vec::new(),
        });
        let children = children
            .iter()
            .map(|&child| Self::add(plan, outline, zone, child, rows))
            .collect();
        rows[at].children = children;
        at
    }

    /// The rows under `parent` (the long-term goals for `None`).
    fn under(&self, parent: Option<usize>) -> &[usize] {
        match parent {
            None => &self.long_term,
            Some(parent) => &self.rows[parent].children,
        }
    }
}

/// The goals under `parent`, nested, those among the first `drawn` rows.
fn goal_list(
    rows: Arc<GoalRows>,
    parent: Option<usize>,
    drawn: ReadSignal<usize>,
) -> impl IntoView {
    let shown = {
        let rows = rows.clone();
        // Rows are in drawing order, so those drawn come first.
        Memo::new(move |_| {
            let drawn = drawn.get();
            rows.under(parent).partition_point(|&row| row < drawn)
        })
    };
    let each = {
        let rows = rows.clone();
        move || rows.under(parent)[..shown.get()].to_vec()
    };
    let key = {
        let rows = rows.clone();
        move |row: &usize| rows.plan.goals[rows.rows[*row].goal].id.clone()
    };
    // No list until its first goal is drawn.
    view! {
        <Show when=move || { shown.get() > 0 }>
            <ul class="one-page__goals">
                <For
                    each=each.clone()
                    key=key.clone()
                    children={
                        let rows = rows.clone();
                        move |row| goal_item(rows.clone(), row, drawn)
                    }
                />
            </ul>
        </Show>
    }
}

/// One goal with, once drawn, the goals under it.
fn goal_item(rows: Arc<GoalRows>, at: usize, drawn: ReadSignal<usize>) -> impl IntoView {
    let row = &rows.rows[at];
    let goal = &rows.plan.goals[row.goal];
    let mut notes = Vec::new();
    match (goal.status, row.done_on) {
        (GoalStatus::Open, _) => {}
        (GoalStatus::Done, Some(day)) => notes.push(format!("done on {day}")),
        (status, _) => notes.push(status.label().to_lowercase()),
    }
    if let Some(date) = goal.target_date {
        notes.push(format!("by {date}"));
    }
    if let Some(percent) = row.percent_done {
        notes.push(format!("{percent}% done"));
    }
    let class = format!(
        "one-page__goal one-page__goal--{} one-page__goal--{}",
        row.level.label().to_lowercase().replace(' ', "-"),
        goal.status.key()
    );
    let mark = match goal.status {
        GoalStatus::Done => "☑",
        GoalStatus::Dropped => "☒",
        _ => "☐",
    };
    let title = goal.title.trim().to_owned();
    let children =
        (!row.children.is_empty()).then(|| goal_list(rows.clone(), Some(at), drawn).into_any());
    view! {
        <li class=class>
            <span aria-hidden="true" class="one-page__mark">{mark}</span>
            " "
            <span class="one-page__title">{title}</span>
            {(!notes.is_empty()).then(|| view! {
                <span class="muted">{format!(" ({})", notes.join(", "))}</span>
            })}
            {children}
        </li>
    }
}
