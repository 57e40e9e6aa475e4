//! The whole plan on one read-only page: to read at a glance, to print or
//! save as PDF, and to show a plan someone shared.

use crate::clock;
use crate::domain::calendar::TimeZone;
use crate::domain::goals::{GoalLevel, GoalTree};
use crate::domain::method::without_private;
use crate::domain::plan::{AssetKind, GoalStatus, Id, OptionStatus, Plan};
use crate::routing::Section;
use crate::state::use_plan_store;
use leptos::prelude::*;

/// How many of the latest check-ins the page shows.
const RECENT_CHECK_INS: usize = 3;

/// The person's own plan on one page, with printing.
#[component]
pub fn OnePagePage() -> impl IntoView {
    let store = use_plan_store();
    let (hide_private, set_hide_private) = signal(false);
    let private_count = move || store.with(|plan| plan.assets.iter().filter(|a| a.private).count());
    let print = move |_| {
        let _ = window().print();
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
                <button type="button" class="button button--primary" on:click=print>
                    "Print or save as PDF"
                </button>
            </div>
            {move || {
                let plan = store.with(|plan| {
                    if hide_private.get() { without_private(plan) } else { plan.clone() }
                });
                view! { <PlanOnOnePage plan=plan heading="My career plan"/> }
            }}
        </div>
    }
}

/// A plan, read-only, in the order of the method.
#[component]
pub fn PlanOnOnePage(plan: Plan, heading: &'static str) -> impl IntoView {
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

    let goals = goal_list(&tree, &clock::time_zone(), None);
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
                    goals.into_any()
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

/// The goals under `parent`, nested, with status, dates and progress in words.
fn goal_list(tree: &GoalTree<'_>, zone: &dyn TimeZone, parent: Option<&Id>) -> impl IntoView {
    let items: Vec<_> = tree
        .children(parent)
        .map(|goal| {
            let level = GoalLevel::at_depth(tree.depth(&goal.id));
            let mut notes = Vec::new();
            match (goal.status, goal.completed_at) {
                (GoalStatus::Open, _) => {}
                // The day it was done where the page is read, as the
                // timeline and the Markdown download give it.
                (GoalStatus::Done, Some(completed)) => {
                    notes.push(format!("done on {}", completed.local_date(zone)));
                }
                (status, _) => notes.push(status.label().to_lowercase()),
            }
            if let Some(date) = goal.target_date {
                notes.push(format!("by {date}"));
            }
            if tree.has_children(&goal.id) {
                if let Some(percent) = tree.progress(&goal.id).percent() {
                    notes.push(format!("{percent}% done"));
                }
            }
            let children = tree
                .has_children(&goal.id)
                .then(|| goal_list(tree, zone, Some(&goal.id)).into_any());
            let class = format!(
                "one-page__goal one-page__goal--{} one-page__goal--{}",
                level.label().to_lowercase().replace(' ', "-"),
                goal.status.key()
            );
            let mark = match goal.status {
                GoalStatus::Done => "☑",
                GoalStatus::Dropped => "☒",
                _ => "☐",
            };
            view! {
                <li class=class>
                    <span aria-hidden="true" class="one-page__mark">{mark}</span>
                    " "
                    <span class="one-page__title">{goal.title.trim().to_owned()}</span>
                    {(!notes.is_empty()).then(|| view! {
                        <span class="muted">{format!(" ({})", notes.join(", "))}</span>
                    })}
                    {children}
                </li>
            }
        })
        .collect();
    view! { <ul class="one-page__goals">{items}</ul> }
}
