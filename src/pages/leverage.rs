//! Leverage: the skills, people, position and savings a person starts from.

use crate::clock;
use crate::domain::method::{add_asset, edit_asset, remove_asset};
use crate::domain::plan::{Asset, AssetKind, Id};
use crate::state::{use_plan_store, PlanStore};
use leptos::prelude::*;

#[component]
pub fn LeveragePage() -> impl IntoView {
    view! {
        <div class="page page--leverage">
            <header class="page-header">
                <h1>"Leverage"</h1>
                <p class="lede">
                    "What you start from: the launching pad for your vision. Savings start private, and anything private stays out of shared copies of your plan."
                </p>
            </header>
            {AssetKind::ALL.into_iter().map(|kind| view! { <AssetGroup kind=kind/> }).collect_view()}
        </div>
    }
}

/// Reads one asset, if it is still in the plan.
fn read_asset<R>(store: PlanStore, id: &Id, read: impl FnOnce(&Asset) -> R) -> Option<R> {
    store.with(|plan| plan.assets.iter().find(|asset| &asset.id == id).map(read))
}

/// One kind of asset: its entries and a field to add another.
#[component]
fn AssetGroup(kind: AssetKind) -> impl IntoView {
    let store = use_plan_store();
    let ids = Memo::new(move |_| {
        store.with(|plan| {
            plan.assets
                .iter()
                .filter(|asset| asset.kind == kind)
                .map(|asset| asset.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let (name, set_name) = signal(String::new());
    let (problem, set_problem) = signal(None::<&'static str>);
    let field_id = format!("new-asset-{}", kind.key());
    let heading_id = format!("assets-{}", kind.key());
    let labelled_by = heading_id.clone();
    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let text = name.get_untracked();
        if text.trim().is_empty() {
            set_problem.set(Some("Give it a name first."));
            return;
        }
        let _ = store.update(|plan, now| add_asset(plan, clock::new_id("a"), kind, &text, now));
        set_name.set(String::new());
        set_problem.set(None);
    };
    let add_label = match kind {
        AssetKind::Skill => "New skill",
        AssetKind::Person => "New person",
        AssetKind::PositionAndReputation => "New position or reputation",
        AssetKind::SavingsAndResources => "New savings or resource",
    };
    view! {
        <section class="panel asset-group" aria-labelledby=labelled_by>
            <h2 id=heading_id>{kind.label()}</h2>
            <p class="hint">{kind.prompt()}</p>
            <ul class="asset-list">
                <For each=move || ids.get() key=|id| id.clone() let:id>
                    <AssetEntry id=id kind=kind/>
                </For>
            </ul>
            <form class="add-goal" on:submit=add>
                <label for=field_id.clone()>{add_label}</label>
                <div class="add-goal__row">
                    <input
                        id=field_id
                        type="text"
                        autocomplete="off"
                        prop:value=name
                        on:input=move |event| set_name.set(event_target_value(&event))
                    />
                    <button type="submit" class="button">"Add"</button>
                </div>
                {move || problem.get().map(|problem| view! { <p class="field__error" role="alert">{problem}</p> })}
            </form>
        </section>
    }
}

/// One asset, edited in place.
#[component]
fn AssetEntry(id: Id, kind: AssetKind) -> impl IntoView {
    let store = use_plan_store();
    let prefix = format!("asset-{id}");
    // Small lists: each entry keeps its own copy of its asset.
    let asset = {
        let id = id.clone();
        Memo::new(move |_| read_asset(store, &id, Asset::clone))
    };
    let name = move || asset.with(|a| a.as_ref().map(|a| a.name.clone()).unwrap_or_default());
    let edit = {
        let id = id.clone();
        move |change: Box<dyn FnOnce(&mut Asset)>| {
            let _ = store.update(|plan, now| edit_asset(plan, &id, now, change));
        }
    };
    let (name_label, note_label) = match kind {
        AssetKind::Person => ("Who", "How they can help"),
        _ => ("Name", "Note"),
    };
    let armed = RwSignal::new(false);
    let remove = {
        let id = id.clone();
        move |_| {
            if !armed.get_untracked() {
                armed.set(true);
                return;
            }
            let _ = store.update(|plan, now| remove_asset(plan, &id, now));
        }
    };
    let read_note = move || asset.with(|a| a.as_ref().map(|a| a.note.clone()).unwrap_or_default());
    let read_level = move || asset.with(|a| a.as_ref().and_then(|a| a.level));
    let read_private = move || asset.with(|a| a.as_ref().is_some_and(|a| a.private));
    let (edit_name, edit_note, edit_level, edit_private) =
        (edit.clone(), edit.clone(), edit.clone(), edit);
    view! {
        <li class="asset">
            <div class="asset__fields">
                <div class="field">
                    <label for=format!("{prefix}-name")>{name_label}</label>
                    <input
                        id=format!("{prefix}-name")
                        type="text"
                        prop:value=name
                        on:input=move |event| {
                            let text = event_target_value(&event);
                            edit_name(Box::new(move |asset| asset.name = text));
                        }
                    />
                </div>
                <div class="field">
                    <label for=format!("{prefix}-note")>{note_label}</label>
                    <input
                        id=format!("{prefix}-note")
                        type="text"
                        prop:value=read_note
                        on:input=move |event| {
                            let text = event_target_value(&event);
                            edit_note(Box::new(move |asset| asset.note = text));
                        }
                    />
                </div>
            </div>
            <div class="asset__meta">
                <div class="field field--inline">
                    <label for=format!("{prefix}-level")>"Strength"</label>
                    <select
                        id=format!("{prefix}-level")
                        prop:value=move || read_level().map(|level| level.to_string()).unwrap_or_default()
                        on:change=move |event| {
                            let level = event_target_value(&event).parse().ok();
                            edit_level(Box::new(move |asset| asset.level = level));
                        }
                    >
                        <option value="">"Not rated"</option>
                        <option value="1">"1: a start"</option>
                        <option value="2">"2: some"</option>
                        <option value="3">"3: solid"</option>
                        <option value="4">"4: strong"</option>
                        <option value="5">"5: exceptional"</option>
                    </select>
                </div>
                <label class="toggle">
                    <input
                        type="checkbox"
                        prop:checked=read_private
                        on:change=move |event| {
                            let private = event_target_checked(&event);
                            edit_private(Box::new(move |asset| asset.private = private));
                        }
                    />
                    "Private"
                    <span class="visually-hidden">{move || format!(": keep {} out of shared copies", name())}</span>
                </label>
                <button type="button" class="button button--small button--danger" on:click=remove>
                    {move || if armed.get() { "Really remove?" } else { "Remove" }}
                    <span class="visually-hidden">{move || format!(" {}", name())}</span>
                </button>
            </div>
        </li>
    }
}
