//! Options: candidate moves that bridge the gap between where a person is
//! and their vision, weighed, chosen, and turned into goals.

use crate::clock;
use crate::domain::method::{
    add_option, edit_option, goal_from_option, option_to_goal, remove_option,
};
use crate::domain::plan::{CareerOption, Id, OptionKind, OptionStatus};
use crate::routing::Section;
use crate::state::{use_plan_store, PlanStore};
use leptos::prelude::*;

/// Reads one option, if it is still in the plan.
fn read_option<R>(store: PlanStore, id: &Id, read: impl FnOnce(&CareerOption) -> R) -> Option<R> {
    store.with(|plan| {
        plan.options
            .iter()
            .find(|option| &option.id == id)
            .map(read)
    })
}

#[component]
pub fn OptionsPage() -> impl IntoView {
    let store = use_plan_store();
    let ids = Memo::new(move |_| {
        store.with(|plan| {
            plan.options
                .iter()
                .map(|option| option.id.clone())
                .collect::<Vec<_>>()
        })
    });
    view! {
        <div class="page page--options">
            <header class="page-header">
                <h1>"Options"</h1>
                <p class="lede">
                    "Ways to bridge the gap between where you are and your vision. Weigh them, choose, and turn the chosen ones into goals."
                </p>
            </header>
            <AddOptionForm/>
            <Show
                when=move || !ids.with(Vec::is_empty)
                fallback=|| view! {
                    <p class="empty-state">
                        "No options yet. Who has already made the journey you want to make? Start by studying their path, or pick any way above."
                    </p>
                }
            >
                <ul class="option-list" aria-label="Your options">
                    <For each=move || ids.get() key=|id| id.clone() let:id>
                        <OptionCard id=id/>
                    </For>
                </ul>
            </Show>
        </div>
    }
}

#[component]
fn AddOptionForm() -> impl IntoView {
    let store = use_plan_store();
    let (kind, set_kind) = signal(OptionKind::StudyRoleModel);
    let (title, set_title) = signal(String::new());
    let (problem, set_problem) = signal(None::<&'static str>);
    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let text = title.get_untracked();
        if text.trim().is_empty() {
            set_problem.set(Some("Describe the option first."));
            return;
        }
        let chosen_kind = kind.get_untracked();
        let _ =
            store.update(|plan, now| add_option(plan, clock::new_id("o"), chosen_kind, &text, now));
        set_title.set(String::new());
        set_problem.set(None);
    };
    view! {
        <form class="panel add-option" on:submit=add>
            <h2>"Add an option"</h2>
            <div class="field">
                <label for="new-option-kind">"Kind of option"</label>
                <select
                    id="new-option-kind"
                    aria-describedby="new-option-hint"
                    prop:value=move || kind.get().key()
                    on:change=move |event| {
                        if let Some(chosen) = OptionKind::from_key(&event_target_value(&event)) {
                            set_kind.set(chosen);
                        }
                    }
                >
                    {OptionKind::ALL
                        .into_iter()
                        .map(|kind| view! { <option value=kind.key()>{kind.label()}</option> })
                        .collect_view()}
                </select>
                <p class="field__hint" id="new-option-hint">{move || kind.get().hint()}</p>
            </div>
            <div class="field">
                <label for="new-option-title">"The option"</label>
                <div class="add-goal__row">
                    <input
                        id="new-option-title"
                        type="text"
                        autocomplete="off"
                        placeholder="e.g. Interview two authors about how they found an agent"
                        prop:value=title
                        on:input=move |event| set_title.set(event_target_value(&event))
                    />
                    <button type="submit" class="button button--primary">"Add option"</button>
                </div>
                {move || problem.get().map(|problem| view! { <p class="field__error" role="alert">{problem}</p> })}
            </div>
        </form>
    }
}

/// A text field of an option.
#[component]
fn OptionText(
    id: Id,
    field: &'static str,
    label: &'static str,
    read: fn(&CareerOption) -> &String,
    write: fn(&mut CareerOption) -> &mut String,
    #[prop(optional)] multiline: bool,
) -> impl IntoView {
    let store = use_plan_store();
    let field_id = format!("option-{id}-{field}");
    let value = {
        let id = id.clone();
        move || read_option(store, &id, |option| read(option).clone()).unwrap_or_default()
    };
    let on_input = move |event: leptos::ev::Event| {
        let text = event_target_value(&event);
        let _ =
            store.update(|plan, now| edit_option(plan, &id, now, |option| *write(option) = text));
    };
    view! {
        <div class="field">
            <label for=field_id.clone()>{label}</label>
            {if multiline {
                view! { <textarea id=field_id rows="2" prop:value=value on:input=on_input></textarea> }.into_any()
            } else {
                view! { <input id=field_id type="text" prop:value=value on:input=on_input/> }.into_any()
            }}
        </div>
    }
}

#[component]
fn OptionCard(id: Id) -> impl IntoView {
    let store = use_plan_store();
    // Small lists: each card keeps its own copy of its option.
    let option = {
        let id = id.clone();
        Memo::new(move |_| read_option(store, &id, CareerOption::clone))
    };
    let kind = move || option.with(|o| o.as_ref().map_or(OptionKind::Other, |o| o.kind));
    let status =
        move || option.with(|o| o.as_ref().map_or(OptionStatus::Considering, |o| o.status));
    let title = move || option.with(|o| o.as_ref().map(|o| o.title.clone()).unwrap_or_default());
    let linked_goal = {
        let id = id.clone();
        move || store.with(|plan| goal_from_option(plan, &id).map(|goal| goal.title.clone()))
    };
    let assets = move || {
        store.with(|plan| {
            plan.assets
                .iter()
                .map(|asset| (asset.id.clone(), asset.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    let set_kind = {
        let id = id.clone();
        move |event: leptos::ev::Event| {
            let Some(kind) = OptionKind::from_key(&event_target_value(&event)) else {
                return;
            };
            let _ =
                store.update(|plan, now| edit_option(plan, &id, now, |option| option.kind = kind));
        }
    };
    let set_status = {
        let id = id.clone();
        move |event: leptos::ev::Event| {
            let Some(status) = OptionStatus::from_key(&event_target_value(&event)) else {
                return;
            };
            let _ = store
                .update(|plan, now| edit_option(plan, &id, now, |option| option.status = status));
        }
    };
    let make_goal = {
        let id = id.clone();
        move |_| {
            let _ = store.update(|plan, now| option_to_goal(plan, &id, clock::new_id("g"), now));
        }
    };
    let armed = RwSignal::new(false);
    let remove = {
        let id = id.clone();
        move |_| {
            if !armed.get_untracked() {
                armed.set(true);
                return;
            }
            let _ = store.update(|plan, now| remove_option(plan, &id, now));
        }
    };
    let prefix = format!("option-{id}");
    let heading_id = format!("{prefix}-heading");
    let labelled_by = heading_id.clone();
    let assets_id = id.clone();
    let role_model_id = id.clone();
    let experiment_id = id.clone();

    view! {
        <li
            class="option-card panel"
            class:option-card--chosen=move || status() == OptionStatus::Chosen
            class:option-card--set-aside=move || status() == OptionStatus::SetAside
            aria-labelledby=labelled_by
        >
            <div class="option-card__head">
                <h2 id=heading_id class="option-card__title">
                    {move || { let t = title(); if t.trim().is_empty() { "Untitled option".to_owned() } else { t } }}
                </h2>
                <span class="badge" class:badge--progress=move || status() == OptionStatus::Chosen>
                    {move || status().label()}
                </span>
            </div>
            <p class="option-card__kind-hint">{move || kind().hint()}</p>
            <div class="option-card__grid">
                <OptionText id=id.clone() field="title" label="The option" read=|o| &o.title write=|o| &mut o.title/>
                <div class="field">
                    <label for=format!("{prefix}-kind")>"Kind"</label>
                    <select id=format!("{prefix}-kind") prop:value=move || kind().key() on:change=set_kind>
                        {OptionKind::ALL
                            .into_iter()
                            .map(|kind| view! { <option value=kind.key()>{kind.label()}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=format!("{prefix}-status")>"Status"</label>
                    <select id=format!("{prefix}-status") prop:value=move || status().key() on:change=set_status>
                        {OptionStatus::ALL
                            .into_iter()
                            .map(|status| view! { <option value=status.key()>{status.label()}</option> })
                            .collect_view()}
                    </select>
                </div>
            </div>
            <Show when=move || kind() == OptionKind::StudyRoleModel>
                <fieldset class="facet">
                    <legend>"The person who made it"</legend>
                    <OptionText id=role_model_id.clone() field="who" label="Who" read=|o| &o.role_model.who write=|o| &mut o.role_model.who/>
                    <OptionText
                        id=role_model_id.clone()
                        field="path"
                        label="Their path"
                        multiline=true
                        read=|o| &o.role_model.their_path
                        write=|o| &mut o.role_model.their_path
                    />
                    <OptionText
                        id=role_model_id.clone()
                        field="learn"
                        label="What to learn from them"
                        read=|o| &o.role_model.what_to_learn
                        write=|o| &mut o.role_model.what_to_learn
                    />
                    <OptionText
                        id=role_model_id.clone()
                        field="reach"
                        label="How to reach them"
                        read=|o| &o.role_model.how_to_reach
                        write=|o| &mut o.role_model.how_to_reach
                    />
                </fieldset>
            </Show>
            <Show when=move || kind() == OptionKind::TrialAndError>
                <fieldset class="facet">
                    <legend>"The experiment"</legend>
                    <OptionText
                        id=experiment_id.clone()
                        field="try"
                        label="What you will try"
                        read=|o| &o.experiment.what_to_try
                        write=|o| &mut o.experiment.what_to_try
                    />
                    <OptionText
                        id=experiment_id.clone()
                        field="teach"
                        label="What it will teach you"
                        read=|o| &o.experiment.what_it_will_teach
                        write=|o| &mut o.experiment.what_it_will_teach
                    />
                </fieldset>
            </Show>
            <div class="option-card__grid">
                <OptionText id=id.clone() field="time" label="Time it costs" read=|o| &o.time_cost write=|o| &mut o.time_cost/>
                <OptionText id=id.clone() field="money" label="Money it costs" read=|o| &o.money_cost write=|o| &mut o.money_cost/>
            </div>
            <div class="option-card__grid">
                <OptionText id=id.clone() field="upside" label="Upside" multiline=true read=|o| &o.upside write=|o| &mut o.upside/>
                <OptionText id=id.clone() field="risks" label="Risks" multiline=true read=|o| &o.risks write=|o| &mut o.risks/>
            </div>
            <OptionText id=id.clone() field="notes" label="Notes" multiline=true read=|o| &o.notes write=|o| &mut o.notes/>
            <fieldset class="facet">
                <legend>"What it builds on"</legend>
                {move || {
                    let assets = assets();
                    if assets.is_empty() {
                        view! {
                            <p class="hint">
                                "List your skills, people, position and savings in "
                                <a href=Section::Leverage.href()>"Leverage"</a>
                                " to link them here."
                            </p>
                        }
                        .into_any()
                    } else {
                        let option_id = assets_id.clone();
                        assets
                            .into_iter()
                            .map(|(asset_id, name)| {
                                let used = {
                                    let asset_id = asset_id.clone();
                                    move || option.with(|o| o.as_ref().is_some_and(|o| o.assets_used.contains(&asset_id)))
                                };
                                let toggle = {
                                    let option_id = option_id.clone();
                                    move |event: leptos::ev::Event| {
                                        let checked = event_target_checked(&event);
                                        let asset_id = asset_id.clone();
                                        let _ = store.update(|plan, now| {
                                            edit_option(plan, &option_id, now, |option| {
                                                option.assets_used.retain(|used| used != &asset_id);
                                                if checked {
                                                    option.assets_used.push(asset_id);
                                                }
                                            })
                                        });
                                    }
                                };
                                view! {
                                    <label class="toggle">
                                        <input type="checkbox" prop:checked=used on:change=toggle/>
                                        {name}
                                    </label>
                                }
                            })
                            .collect_view()
                            .into_any()
                    }
                }}
            </fieldset>
            <div class="button-row option-card__actions">
                {move || match linked_goal() {
                    Some(goal) => view! {
                        <p class="option-card__goal">
                            {format!("Now a goal: “{goal}”. ")}
                            <a href=Section::Goals.href()>"See it in Goals"</a>
                        </p>
                    }
                    .into_any(),
                    None => view! {
                        <button type="button" class="button button--primary" on:click=make_goal.clone()>
                            "Make it a goal"
                        </button>
                    }
                    .into_any(),
                }}
                <button type="button" class="button button--small button--danger" on:click=remove>
                    {move || if armed.get() { "Really remove?" } else { "Remove" }}
                    <span class="visually-hidden">{move || format!(" {}", title())}</span>
                </button>
            </div>
        </li>
    }
}
