//! Leverage: the skills, people, position and savings a person starts from.
//!
//! Each entry reads as what the person wrote, in full, and opens to edit.

use crate::clock;
use crate::components::close_on_escape;
use crate::components::growing_text::GrowingText;
use crate::domain::method::{
    add_asset, edit_asset, options_using, remove_asset, strength_words, STRENGTHS,
};
use crate::domain::plan::{Asset, AssetKind, Id};
use crate::focus::focus_when_shown;
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
            <div class="asset-groups">
                {AssetKind::ALL.into_iter().map(|kind| view! { <AssetGroup kind=kind/> }).collect_view()}
            </div>
        </div>
    }
}

/// Reads one asset, if it is still in the plan.
fn read_asset<R>(store: PlanStore, id: &Id, read: impl FnOnce(&Asset) -> R) -> Option<R> {
    store.with(|plan| plan.assets.iter().find(|asset| &asset.id == id).map(read))
}

/// The labels of an asset's two words, by its kind.
fn field_labels(kind: AssetKind) -> (&'static str, &'static str) {
    match kind {
        AssetKind::Person => ("Who", "How they can help"),
        _ => ("Name", "Note"),
    }
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
        let added = store
            .update(|plan, now| add_asset(plan, clock::new_id("a"), kind, &text, now))
            .is_ok();
        if added {
            set_name.set(String::new());
            set_problem.set(None);
        }
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
            <form class="add-entry" on:submit=add>
                <label for=field_id.clone()>{add_label}</label>
                <div class="add-entry__row">
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

/// One asset: its words in full, or, open, the fields to change them.
#[component]
fn AssetEntry(id: Id, kind: AssetKind) -> impl IntoView {
    let store = use_plan_store();
    let editing = RwSignal::new(false);
    let entry_id = format!("asset-{id}");
    let summary_id = id.clone();
    let private = {
        let id = id.clone();
        Memo::new(move |_| read_asset(store, &id, |asset| asset.private).unwrap_or(false))
    };
    view! {
        // Find focuses the entry itself (it has no tab stop of its own).
        <li
            id=entry_id
            tabindex="-1"
            class="asset"
            class:asset--editing=move || editing.get()
            class:asset--private=move || private.get()
        >
            <Show
                when=move || editing.get()
                fallback=move || view! { <AssetSummary id=summary_id.clone() editing=editing/> }
            >
                <AssetEditor id=id.clone() kind=kind editing=editing/>
            </Show>
        </li>
    }
}

/// What an asset holds, as the person wrote it, with its strength, whether
/// it is private, and the options that build on it.
#[component]
fn AssetSummary(id: Id, editing: RwSignal<bool>) -> impl IntoView {
    let store = use_plan_store();
    let asset = {
        let id = id.clone();
        Memo::new(move |_| read_asset(store, &id, Asset::clone))
    };
    let used_by = {
        let id = id.clone();
        Memo::new(move |_| {
            store.with(|plan| {
                options_using(plan, &id)
                    .iter()
                    .map(|option| option.title.trim().to_owned())
                    .filter(|title| !title.is_empty())
                    .collect::<Vec<_>>()
            })
        })
    };
    let name = move || {
        asset.with(|a| {
            a.as_ref()
                .map(|a| a.name.trim().to_owned())
                .filter(|name| !name.is_empty())
                .unwrap_or_else(|| "Unnamed".to_owned())
        })
    };
    let note = move || {
        asset.with(|a| {
            a.as_ref()
                .map(|a| a.note.trim().to_owned())
                .filter(|note| !note.is_empty())
        })
    };
    let strength =
        move || asset.with(|a| a.as_ref().and_then(|a| a.level).and_then(strength_words));
    let private = move || asset.with(|a| a.as_ref().is_some_and(|a| a.private));
    let open = {
        let id = id.clone();
        move |_| {
            editing.set(true);
            focus_when_shown(format!("asset-{id}-name"));
        }
    };
    view! {
        <div class="asset__summary">
            <p class="asset__name">{name}</p>
            {move || note().map(|note| view! { <p class="asset__note">{note}</p> })}
            <p class="asset__tags">
                {move || strength().map(|words| view! { <span class="badge">{format!("Strength {words}")}</span> })}
                {move || private().then(|| view! { <span class="badge">"Private"</span> })}
            </p>
            {move || used_by.with(|titles| (!titles.is_empty()).then(|| {
                let list = titles.iter().map(|title| format!("“{title}”")).collect::<Vec<_>>().join(", ");
                view! { <p class="asset__used">{format!("Used by {list}.")}</p> }
            }))}
        </div>
        <button type="button" id=format!("asset-{id}-edit") class="button button--small asset__edit" on:click=open>
            "Edit"
            <span class="visually-hidden">{move || format!(" {}", name())}</span>
        </button>
    }
}

/// An asset open for editing: its name and note in fields that grow with
/// their words, its strength, whether it is private, and removing it.
#[component]
fn AssetEditor(id: Id, kind: AssetKind, editing: RwSignal<bool>) -> impl IntoView {
    let store = use_plan_store();
    let prefix = format!("asset-{id}");
    // Small lists: each entry keeps its own copy of its asset.
    let asset = {
        let id = id.clone();
        Memo::new(move |_| read_asset(store, &id, Asset::clone))
    };
    let edit = {
        let id = id.clone();
        move |change: Box<dyn FnOnce(&mut Asset)>| {
            let _ = store.update(|plan, now| edit_asset(plan, &id, now, change));
        }
    };
    let (name_label, note_label) = field_labels(kind);
    let name = move || asset.with(|a| a.as_ref().map(|a| a.name.clone()).unwrap_or_default());
    let note = move || asset.with(|a| a.as_ref().map(|a| a.note.clone()).unwrap_or_default());
    let read_level = move || asset.with(|a| a.as_ref().and_then(|a| a.level));
    let read_private = move || asset.with(|a| a.as_ref().is_some_and(|a| a.private));
    let set_name = {
        let edit = edit.clone();
        Callback::new(move |text: String| edit(Box::new(move |asset| asset.name = text)))
    };
    let set_note = {
        let edit = edit.clone();
        Callback::new(move |text: String| edit(Box::new(move |asset| asset.note = text)))
    };
    let (edit_level, edit_private) = (edit.clone(), edit);
    let close = {
        let id = id.clone();
        move || {
            editing.set(false);
            focus_when_shown(format!("asset-{id}-edit"));
        }
    };
    let on_keydown = close_on_escape(close.clone());
    let armed = RwSignal::new(false);
    let remove = {
        let id = id.clone();
        move |_| {
            if !armed.get_untracked() {
                armed.set(true);
                return;
            }
            let field = format!("new-asset-{}", kind.key());
            if matches!(
                store.update(|plan, now| remove_asset(plan, &id, now)),
                Ok(Some(_))
            ) {
                focus_when_shown(field);
            }
        }
    };
    view! {
        <div class="asset__editor" on:keydown=on_keydown>
            <div class="asset__fields">
                <div class="field">
                    <label for=format!("{prefix}-name")>{name_label}</label>
                    <GrowingText id=format!("{prefix}-name") one_line=true value=Signal::derive(name) on_input=set_name/>
                </div>
                <div class="field">
                    <label for=format!("{prefix}-note")>{note_label}</label>
                    <GrowingText id=format!("{prefix}-note") value=Signal::derive(note) on_input=set_note/>
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
                        {STRENGTHS
                            .into_iter()
                            .map(|(level, words)| view! { <option value=level.to_string()>{format!("{level}: {words}")}</option> })
                            .collect_view()}
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
                <div class="button-row asset__actions">
                    <button type="button" class="button button--small button--danger" on:click=remove>
                        {move || if armed.get() { "Really remove?" } else { "Remove" }}
                        <span class="visually-hidden">{move || format!(" {}", name())}</span>
                    </button>
                    <button type="button" class="button button--small" on:click=move |_| close()>
                        "Done"
                        <span class="visually-hidden">{move || format!(" editing {}", name())}</span>
                    </button>
                </div>
            </div>
        </div>
    }
}
