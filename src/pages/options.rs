//! Options: candidate moves that bridge the gap between where a person is
//! and their vision, weighed, chosen, and turned into goals.
//!
//! Two views of the same options: a board of cards, each a summary of what
//! the person has said about the option that opens to edit it, and a compare
//! view that puts the options under consideration side by side.

use crate::clock;
use crate::components::close_on_escape;
use crate::components::growing_text::GrowingText;
use crate::domain::method::{
    add_option, assets_used, details_to_add, edit_option, filled_details, goal_from_option,
    option_to_goal, options_to_compare, remove_option, set_option_status, OptionDetail,
};
use crate::domain::plan::{CareerOption, Id, OptionKind, OptionStatus, Plan};
use crate::focus::focus_when_shown;
use crate::routing::Section;
use crate::state::{use_plan_store, PlanStore};
use leptos::prelude::*;
use std::collections::HashSet;

/// From this width the compare view is a table, a column per option; below
/// it, the options are stacked one under another.
const TABLE_WIDTH: &str = "(min-width: 48rem)";

/// Reads one option, if it is still in the plan.
fn read_option<R>(store: PlanStore, id: &Id, read: impl FnOnce(&CareerOption) -> R) -> Option<R> {
    store.with(|plan| {
        plan.options
            .iter()
            .find(|option| &option.id == id)
            .map(read)
    })
}

/// An option's title as its card and column name it.
fn shown_title(title: &str) -> String {
    if title.trim().is_empty() {
        "Untitled option".to_owned()
    } else {
        title.to_owned()
    }
}

/// The names of the assets an option builds on, as one line.
fn asset_names(plan: &Plan, option: &CareerOption) -> String {
    assets_used(plan, option)
        .iter()
        .map(|asset| asset.name.trim())
        .collect::<Vec<_>>()
        .join(", ")
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum OptionsView {
    Board,
    Compare,
}

/// The cards open for editing. The page keeps them, so a card stays open
/// across a switch to the compare view and back, and the compare view can
/// open one.
#[derive(Clone, Copy)]
struct OpenCards(RwSignal<HashSet<Id>>);

impl OpenCards {
    fn new() -> Self {
        Self(RwSignal::new(HashSet::new()))
    }

    fn is_open(self, id: &Id) -> bool {
        self.0.with(|open| open.contains(id))
    }

    fn open(self, id: Id) {
        self.0.update(|open| {
            open.insert(id);
        });
    }

    fn close(self, id: &Id) {
        self.0.update(|open| {
            open.remove(id);
        });
    }
}

/// Whether the window is wide enough for the compare table, following it
/// as it is resized or turned.
fn wide_enough_for_table() -> ReadSignal<bool> {
    let matches = || {
        window()
            .match_media(TABLE_WIDTH)
            .ok()
            .flatten()
            .is_some_and(|query| query.matches())
    };
    let (wide, set_wide) = signal(matches());
    let listener = window_event_listener(leptos::ev::resize, move |_| {
        let now_wide = matches();
        if now_wide != wide.get_untracked() {
            set_wide.set(now_wide);
        }
    });
    on_cleanup(move || listener.remove());
    wide
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
    let shown = RwSignal::new(OptionsView::Board);
    let open_cards = OpenCards::new();
    let switch_to = move |view: OptionsView| move |_| shown.set(view);
    view! {
        <div class="page page--options">
            <header class="page-header">
                <h1>"Options"</h1>
                <p class="lede">
                    "Ways to bridge the gap between where you are and your vision. Weigh them, choose, and turn the chosen ones into goals."
                </p>
            </header>
            <Show when=move || !ids.with(Vec::is_empty)>
                <div class="view-switch" role="group" aria-label="Show your options">
                    <button
                        type="button"
                        class="button view-switch__button"
                        aria-pressed=move || (shown.get() == OptionsView::Board).to_string()
                        on:click=switch_to(OptionsView::Board)
                    >
                        "Board"
                    </button>
                    <button
                        type="button"
                        class="button view-switch__button"
                        aria-pressed=move || (shown.get() == OptionsView::Compare).to_string()
                        on:click=switch_to(OptionsView::Compare)
                    >
                        "Compare"
                    </button>
                </div>
            </Show>
            {move || match shown.get() {
                OptionsView::Board => view! {
                    <AddOptionForm open_cards=open_cards/>
                    <Show
                        when=move || !ids.with(Vec::is_empty)
                        fallback=|| view! {
                            <p class="empty-state">
                                "No options yet. Who has already made the journey you want to make? Start by studying their path, or pick any way above."
                            </p>
                        }
                    >
                        <ul class="option-board" aria-label="Your options">
                            <For each=move || ids.get() key=|id| id.clone() let:id>
                                <OptionCard id=id open_cards=open_cards/>
                            </For>
                        </ul>
                    </Show>
                }
                .into_any(),
                OptionsView::Compare => view! { <CompareView open_cards=open_cards shown=shown/> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn AddOptionForm(open_cards: OpenCards) -> impl IntoView {
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
        let id = clock::new_id("o");
        let added = store
            .update(|plan, now| add_option(plan, id.clone(), chosen_kind, &text, now))
            .is_ok();
        if added {
            // A new option opens for weighing; the caret stays here for the next.
            open_cards.open(id);
            set_title.set(String::new());
            set_problem.set(None);
        }
    };
    view! {
        <form class="panel add-option" on:submit=add>
            <h2>"Add an option"</h2>
            <div class="add-option__fields">
                <div class="field add-option__kind">
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
                </div>
                <div class="field add-option__title">
                    <label for="new-option-title">"The option"</label>
                    <div class="add-entry__row">
                        <input
                            id="new-option-title"
                            type="text"
                            autocomplete="off"
                            placeholder="e.g. Interview two authors"
                            prop:value=title
                            on:input=move |event| set_title.set(event_target_value(&event))
                        />
                        <button type="submit" class="button button--primary">"Add option"</button>
                    </div>
                </div>
            </div>
            <p class="field__hint" id="new-option-hint">{move || kind.get().hint()}</p>
            {move || problem.get().map(|problem| view! { <p class="field__error" role="alert">{problem}</p> })}
        </form>
    }
}

/// An option on the board: what the person has said about it, or, open,
/// the fields to say more.
#[component]
fn OptionCard(id: Id, open_cards: OpenCards) -> impl IntoView {
    let store = use_plan_store();
    let editing = {
        let id = id.clone();
        Memo::new(move |_| open_cards.is_open(&id))
    };
    let status = {
        let id = id.clone();
        Memo::new(move |_| read_option(store, &id, |option| option.status))
    };
    let title = {
        let id = id.clone();
        Memo::new(move |_| read_option(store, &id, |option| shown_title(&option.title)))
    };
    let kind = {
        let id = id.clone();
        Memo::new(move |_| read_option(store, &id, |option| option.kind))
    };
    let heading_id = format!("option-{id}-heading");
    let labelled_by = heading_id.clone();
    let is = move |wanted: OptionStatus| move || status.get() == Some(wanted);
    let summary_id = id.clone();
    let card_id = format!("option-{id}");
    view! {
        // Find focuses the card itself (it has no tab stop of its own).
        <li
            id=card_id
            tabindex="-1"
            class="option-card panel"
            class:option-card--chosen=is(OptionStatus::Chosen)
            class:option-card--set-aside=is(OptionStatus::SetAside)
            class:option-card--editing=move || editing.get()
            aria-labelledby=labelled_by
        >
            <div class="option-card__head">
                <h2 id=heading_id class="option-card__title">{move || title.get().unwrap_or_default()}</h2>
                <span class="badge" class:badge--progress=is(OptionStatus::Chosen)>
                    {move || status.get().map(OptionStatus::label)}
                </span>
            </div>
            <p class="option-card__kind">{move || kind.get().map(OptionKind::label)}</p>
            <Show
                when=move || editing.get()
                fallback=move || view! { <OptionSummary id=summary_id.clone() open_cards=open_cards/> }
            >
                <OptionEditor id=id.clone() open_cards=open_cards/>
            </Show>
        </li>
    }
}

/// What the person has said about an option, a line each, and its actions.
#[component]
fn OptionSummary(id: Id, open_cards: OpenCards) -> impl IntoView {
    let store = use_plan_store();
    // (label, words) for each line of the card, and the names of the
    // other details that hold words.
    let facts = {
        let id = id.clone();
        Memo::new(move |_| {
            store.with(|plan| {
                let Some(option) = plan.options.iter().find(|option| option.id == id) else {
                    return (Vec::new(), Vec::new());
                };
                let mut lines = Vec::new();
                let assets = asset_names(plan, option);
                if !assets.is_empty() {
                    lines.push(("Builds on", assets));
                }
                let mut others = Vec::new();
                for detail in filled_details(option) {
                    if detail.on_the_card() {
                        lines.push((detail.label(), detail.text(option).trim().to_owned()));
                    } else {
                        others.push(detail.label());
                    }
                }
                (lines, others)
            })
        })
    };
    let title = {
        let id = id.clone();
        move || read_option(store, &id, |option| shown_title(&option.title)).unwrap_or_default()
    };
    let edit = {
        let id = id.clone();
        move |_| {
            open_cards.open(id.clone());
            focus_when_shown(format!("option-{id}-title"));
        }
    };
    view! {
        {move || facts.with(|(lines, others)| {
            let lines_view = (!lines.is_empty()).then(|| view! {
                <dl class="option-card__facts">
                    {lines
                        .iter()
                        .map(|(label, words)| view! {
                            <div class="option-card__fact">
                                <dt>{*label}</dt>
                                <dd>{words.clone()}</dd>
                            </div>
                        })
                        .collect_view()}
                </dl>
            });
            let others_view = (!others.is_empty()).then(|| {
                let names = others.iter().map(|name| name.to_lowercase()).collect::<Vec<_>>().join(", ");
                view! { <p class="option-card__more">{format!("Also noted: {names}.")}</p> }
            });
            let nothing_yet = (lines.is_empty() && others.is_empty()).then(|| view! {
                <p class="option-card__more">
                    "Nothing weighed yet: edit it to say what it costs, what it could bring and what could go wrong."
                </p>
            });
            view! { {lines_view} {others_view} {nothing_yet} }
        })}
        <div class="button-row option-card__actions">
            <button
                type="button"
                id=format!("option-{id}-edit")
                class="button"
                on:click=edit
            >
                "Edit"
                <span class="visually-hidden">{move || format!(" {}", title())}</span>
            </button>
            <GoalOfOption id=id.clone() focus_id=format!("option-{id}-goal")/>
        </div>
    }
}

/// "Make it a goal", or the goal it became with a link to it.
#[component]
fn GoalOfOption(
    id: Id,
    /// The id for the link to the goal, which takes the focus once the
    /// button that made the goal is gone.
    focus_id: String,
) -> impl IntoView {
    let store = use_plan_store();
    let linked_goal = {
        let id = id.clone();
        Memo::new(move |_| {
            store.with(|plan| goal_from_option(plan, &id).map(|goal| goal.title.clone()))
        })
    };
    let title = {
        let id = id.clone();
        move || read_option(store, &id, |option| shown_title(&option.title)).unwrap_or_default()
    };
    let make_goal = {
        let focus_id = focus_id.clone();
        move |_| {
            let made = store
                .update(|plan, now| option_to_goal(plan, &id, clock::new_id("g"), now))
                .is_ok_and(|made| made.is_ok());
            if made {
                focus_when_shown(focus_id.clone());
            }
        }
    };
    move || match linked_goal.get() {
        Some(goal) => view! {
            <p class="option-card__goal">
                {format!("Now a goal: “{goal}”. ")}
                <a id=focus_id.clone() href=Section::Goals.href()>"See it in Goals"</a>
            </p>
        }
        .into_any(),
        None => view! {
            <button
                type="button"
                class="button button--primary"
                aria-label=format!("Make it a goal: {}", title())
                on:click=make_goal.clone()
            >
                "Make it a goal"
            </button>
        }
        .into_any(),
    }
}

/// An option open for editing: its title, kind and status, the assets it
/// builds on, the details that hold words, and buttons to add the others.
#[component]
fn OptionEditor(id: Id, open_cards: OpenCards) -> impl IntoView {
    let store = use_plan_store();
    let prefix = format!("option-{id}");
    let option = {
        let id = id.clone();
        Memo::new(move |_| read_option(store, &id, CareerOption::clone))
    };
    // Details asked for while the card is open stay shown, even emptied.
    let asked = RwSignal::new(Vec::<OptionDetail>::new());
    let shown_details = Memo::new(move |_| {
        option.with(|option| {
            let Some(option) = option else {
                return Vec::new();
            };
            let mut shown = filled_details(option);
            asked.with(|asked| {
                for detail in asked {
                    if detail.applies_to(option.kind) && !shown.contains(detail) {
                        shown.push(*detail);
                    }
                }
            });
            shown.sort_by_key(|detail| OptionDetail::ALL.iter().position(|known| known == detail));
            shown
        })
    });
    // Shown once asked for or once they hold words; a detail emptied while
    // the card is open stays, so the field does not vanish under the caret.
    Effect::new(move |_| {
        let shown = shown_details.get();
        asked.update_untracked(|asked| {
            for detail in shown {
                if !asked.contains(&detail) {
                    asked.push(detail);
                }
            }
        });
    });
    let to_add = Memo::new(move |_| {
        option.with(|option| {
            option
                .as_ref()
                .map(|option| shown_details.with(|shown| details_to_add(option, shown)))
                .unwrap_or_default()
        })
    });
    let kind = move || option.with(|o| o.as_ref().map_or(OptionKind::Other, |o| o.kind));
    let status =
        move || option.with(|o| o.as_ref().map_or(OptionStatus::Considering, |o| o.status));
    let title = move || {
        option.with(|o| {
            o.as_ref()
                .map(|o| shown_title(&o.title))
                .unwrap_or_default()
        })
    };

    let edit = {
        let id = id.clone();
        move |change: Box<dyn FnOnce(&mut CareerOption)>| {
            let _ = store.update(|plan, now| edit_option(plan, &id, now, change));
        }
    };
    let set_title = {
        let edit = edit.clone();
        Callback::new(move |text: String| edit(Box::new(move |option| option.title = text)))
    };
    let set_kind = {
        let edit = edit.clone();
        move |event: leptos::ev::Event| {
            if let Some(kind) = OptionKind::from_key(&event_target_value(&event)) {
                edit(Box::new(move |option| option.kind = kind));
            }
        }
    };
    let set_status = {
        let id = id.clone();
        move |event: leptos::ev::Event| {
            if let Some(status) = OptionStatus::from_key(&event_target_value(&event)) {
                let _ = store.update(|plan, now| set_option_status(plan, &id, status, now));
            }
        }
    };
    let close = {
        let id = id.clone();
        move || {
            open_cards.close(&id);
            focus_when_shown(format!("option-{id}-edit"));
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
            let removed = store.update(|plan, now| remove_option(plan, &id, now));
            if matches!(removed, Ok(Some(_))) {
                open_cards.close(&id);
                focus_when_shown("new-option-title".to_owned());
            }
        }
    };
    let title_value = Signal::derive(move || {
        option.with(|o| o.as_ref().map(|o| o.title.clone()).unwrap_or_default())
    });
    let detail_id = id.clone();
    let add_id = id.clone();
    let add_label_id = format!("{prefix}-add-label");
    let assets_id = id.clone();
    let goal_id = id.clone();

    view! {
        <div class="option-editor" on:keydown=on_keydown>
            <div class="field">
                <label for=format!("{prefix}-title")>"The option"</label>
                <GrowingText id=format!("{prefix}-title") one_line=true value=title_value on_input=set_title/>
            </div>
            <div class="option-editor__choices">
                <div class="field">
                    <label for=format!("{prefix}-kind")>"Kind"</label>
                    <select
                        id=format!("{prefix}-kind")
                        aria-describedby=format!("{prefix}-kind-hint")
                        prop:value=move || kind().key()
                        on:change=set_kind
                    >
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
            <p class="field__hint" id=format!("{prefix}-kind-hint")>{move || kind().hint()}</p>
            <AssetsOfOption id=assets_id option=option/>
            <div class="option-editor__details">
                <For each=move || shown_details.get() key=|detail| *detail let:detail>
                    <DetailField id=detail_id.clone() detail=detail option=option/>
                </For>
            </div>
            <Show when=move || !to_add.with(Vec::is_empty)>
                <div class="option-editor__add" role="group" aria-labelledby=add_label_id.clone()>
                    <p class="option-editor__add-label" id=add_label_id.clone()>"Add details"</p>
                    <div class="button-row">
                        {
                            let add_id = add_id.clone();
                            move || {
                                to_add
                                    .get()
                                    .into_iter()
                                    .map(|detail| {
                                        let field_id = format!("option-{add_id}-{}", detail.key());
                                        view! {
                                            <button
                                                type="button"
                                                class="button button--small option-editor__add-button"
                                                on:click=move |_| {
                                                    asked.update(|asked| asked.push(detail));
                                                    focus_when_shown(field_id.clone());
                                                }
                                            >
                                                <span class="option-editor__plus" aria-hidden="true">"+"</span>
                                                <span class="visually-hidden">"Add "</span>
                                                {detail.label()}
                                            </button>
                                        }
                                    })
                                    .collect_view()
                            }
                        }
                    </div>
                </div>
            </Show>
            <div class="button-row option-card__actions">
                <button type="button" id=format!("{prefix}-done") class="button" on:click=move |_| close()>
                    "Done"
                    <span class="visually-hidden">{move || format!(" editing {}", title())}</span>
                </button>
                <GoalOfOption id=goal_id focus_id=format!("{prefix}-editor-goal")/>
                <button type="button" class="button button--small button--danger option-card__remove" on:click=remove>
                    {move || if armed.get() { "Really remove?" } else { "Remove" }}
                    <span class="visually-hidden">{move || format!(" {}", title())}</span>
                </button>
            </div>
        </div>
    }
}

/// One written detail of an option, in a field that grows with its words.
#[component]
fn DetailField(id: Id, detail: OptionDetail, option: Memo<Option<CareerOption>>) -> impl IntoView {
    let store = use_plan_store();
    let field_id = format!("option-{id}-{}", detail.key());
    let value = Signal::derive(move || {
        option.with(|o| {
            o.as_ref()
                .map(|o| detail.text(o).to_owned())
                .unwrap_or_default()
        })
    });
    let on_input = Callback::new(move |text: String| {
        let _ = store.update(|plan, now| {
            edit_option(plan, &id, now, |option| *detail.text_mut(option) = text)
        });
    });
    view! {
        <div class="field" class:field--sentences=detail.takes_sentences()>
            <label for=field_id.clone()>{detail.label()}</label>
            <GrowingText id=field_id value=value on_input=on_input one_line=!detail.takes_sentences()/>
        </div>
    }
}

/// The assets an option builds on, ticked from the person's leverage.
#[component]
fn AssetsOfOption(id: Id, option: Memo<Option<CareerOption>>) -> impl IntoView {
    let store = use_plan_store();
    let assets = Memo::new(move |_| {
        store.with(|plan| {
            plan.assets
                .iter()
                .map(|asset| (asset.id.clone(), asset.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <fieldset class="facet option-editor__assets">
            <legend>"What it builds on"</legend>
            {move || {
                let assets = assets.get();
                if assets.is_empty() {
                    return view! {
                        <p class="hint">
                            "List your skills, people, position and savings in "
                            <a href=Section::Leverage.href()>"Leverage"</a>
                            " to link them here."
                        </p>
                    }
                    .into_any();
                }
                let option_id = id.clone();
                let toggles = assets
                    .into_iter()
                    .map(|(asset_id, name)| {
                        let used = {
                            let asset_id = asset_id.clone();
                            move || option.with(|o| o.as_ref().is_some_and(|o| o.assets_used.contains(&asset_id)))
                        };
                        let option_id = option_id.clone();
                        let toggle = move |event: leptos::ev::Event| {
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
                        };
                        view! {
                            <label class="toggle">
                                <input type="checkbox" prop:checked=used on:change=toggle/>
                                {name}
                            </label>
                        }
                    })
                    .collect_view();
                view! { <div class="option-editor__asset-list">{toggles}</div> }.into_any()
            }}
        </fieldset>
    }
}

/// One option as the compare view shows it: every attribute, filled or not,
/// in the same order for each, so that gaps show too.
#[derive(Clone, Debug, PartialEq)]
struct Compared {
    id: Id,
    title: String,
    kind: &'static str,
    status: OptionStatus,
    builds_on: String,
    time_cost: String,
    money_cost: String,
    upside: String,
    risks: String,
}

impl Compared {
    fn of(plan: &Plan, option: &CareerOption) -> Self {
        let words = |detail: OptionDetail| detail.text(option).trim().to_owned();
        Self {
            id: option.id.clone(),
            title: shown_title(&option.title),
            kind: option.kind.label(),
            status: option.status,
            builds_on: asset_names(plan, option),
            time_cost: words(OptionDetail::TimeCost),
            money_cost: words(OptionDetail::MoneyCost),
            upside: words(OptionDetail::Upside),
            risks: words(OptionDetail::Risks),
        }
    }
}

/// A row of the comparison: an attribute, and its words for an option.
type ComparedRow = (&'static str, fn(&Compared) -> String);

/// The rows of the comparison, before the status.
const COMPARED_ROWS: [ComparedRow; 6] = [
    ("Kind", |option| option.kind.to_owned()),
    ("Builds on", |option| option.builds_on.clone()),
    ("Time it costs", |option| option.time_cost.clone()),
    ("Money it costs", |option| option.money_cost.clone()),
    ("Upside", |option| option.upside.clone()),
    ("Risks", |option| option.risks.clone()),
];

/// A compared attribute's words, or a quiet note that there are none yet.
fn compared_words(words: String) -> impl IntoView {
    if words.is_empty() {
        view! { <span class="compare__missing">"Not noted yet"</span> }.into_any()
    } else {
        view! { <span>{words}</span> }.into_any()
    }
}

/// The options under consideration side by side, with their costs, upside,
/// risks and the assets they use, and the buttons to decide.
#[component]
fn CompareView(open_cards: OpenCards, shown: RwSignal<OptionsView>) -> impl IntoView {
    let store = use_plan_store();
    let wide = wide_enough_for_table();
    let with_set_aside = RwSignal::new(false);
    // Options set aside here stay in view, so the choice can be seen and
    // taken back where it was made.
    let kept_in_view = RwSignal::new(Vec::<Id>::new());
    let compared = Memo::new(move |_| {
        let with_set_aside = with_set_aside.get();
        store.with(|plan| {
            kept_in_view
                .with(|kept| options_to_compare(plan, with_set_aside, kept))
                .into_iter()
                .map(|option| Compared::of(plan, option))
                .collect::<Vec<_>>()
        })
    });
    let ids = Memo::new(move |_| {
        compared.with(|all| all.iter().map(|c| c.id.clone()).collect::<Vec<_>>())
    });
    let set_aside_count = Memo::new(move |_| {
        store.with(|plan| {
            plan.options
                .iter()
                .filter(|option| option.status == OptionStatus::SetAside)
                .count()
        })
    });
    // One option's compared attributes, for the cells that show them.
    let of = move |id: &Id| compared.with(|all| all.iter().find(|c| &c.id == id).cloned());
    let edit = move |id: Id| {
        open_cards.open(id.clone());
        shown.set(OptionsView::Board);
        focus_when_shown(format!("option-{id}-title"));
    };

    view! {
        <section class="compare" aria-labelledby="compare-heading">
            <h2 id="compare-heading">"Side by side"</h2>
            <p class="hint">
                "The options you are considering and the ones you chose, with what each costs, what it could bring and what could go wrong."
            </p>
            <Show when=move || { set_aside_count.get() > 0 }>
                <label class="toggle">
                    <input
                        type="checkbox"
                        prop:checked=move || with_set_aside.get()
                        on:change=move |event| with_set_aside.set(event_target_checked(&event))
                    />
                    {move || format!("Include the options set aside ({})", set_aside_count.get())}
                </label>
            </Show>
            {move || match ids.with(Vec::len) {
                0 => Some(view! {
                    <p class="empty-state">
                        "Nothing to compare: every option is set aside. Include them above, or add another on the board."
                    </p>
                }.into_any()),
                1 => Some(view! {
                    <p class="hint">"With one more option under consideration you can weigh them against each other."</p>
                }.into_any()),
                _ => None,
            }}
            {move || {
                if ids.with(Vec::is_empty) {
                    return None;
                }
                Some(if wide.get() {
                    view! {
                        // Scrolls sideways when there are more options than fit; a
                        // tab stop of its own lets a keyboard scroll it.
                        <div class="compare__scroll" role="region" aria-labelledby="compare-caption" tabindex="0">
                            <table class="compare-table">
                                <caption id="compare-caption">
                                    {move || format!("Your options side by side: {} compared", ids.with(Vec::len))}
                                </caption>
                                <thead>
                                    <tr>
                                        <td class="compare-table__corner"></td>
                                        <For each=move || ids.get() key=|id| id.clone() let:id>
                                            <th scope="col">
                                                <span class="compare-table__title">{
                                                    let id = id.clone();
                                                    move || of(&id).map(|c| c.title)
                                                }</span>
                                            </th>
                                        </For>
                                    </tr>
                                </thead>
                                <tbody>
                                    {COMPARED_ROWS
                                        .into_iter()
                                        .map(|(label, words)| view! {
                                            <tr>
                                                <th scope="row">{label}</th>
                                                <For each=move || ids.get() key=|id| id.clone() let:id>
                                                    <td>{move || of(&id).map(|c| compared_words(words(&c)))}</td>
                                                </For>
                                            </tr>
                                        })
                                        .collect_view()}
                                    <tr>
                                        <th scope="row">"Status"</th>
                                        <For each=move || ids.get() key=|id| id.clone() let:id>
                                            <td>
                                                <Decision id=id.clone() place="table" of=Callback::new(move |id: Id| of(&id)) edit=Callback::new(edit) kept_in_view=kept_in_view/>
                                            </td>
                                        </For>
                                    </tr>
                                </tbody>
                            </table>
                        </div>
                    }
                    .into_any()
                } else {
                    view! {
                        <ul class="compare-stack" aria-label="Your options side by side">
                            <For each=move || ids.get() key=|id| id.clone() let:id>
                                <li class="compare-stack__option panel">
                                    <h3 class="compare-stack__title">{
                                        let id = id.clone();
                                        move || of(&id).map(|c| c.title)
                                    }</h3>
                                    <dl class="compare-stack__facts">
                                        {
                                            let id = id.clone();
                                            COMPARED_ROWS
                                                .into_iter()
                                                .map(|(label, words)| {
                                                    let id = id.clone();
                                                    view! {
                                                        <div class="compare-stack__fact">
                                                            <dt>{label}</dt>
                                                            <dd>{move || of(&id).map(|c| compared_words(words(&c)))}</dd>
                                                        </div>
                                                    }
                                                })
                                                .collect_view()
                                        }
                                    </dl>
                                    <Decision id=id.clone() place="stack" of=Callback::new(move |id: Id| of(&id)) edit=Callback::new(edit) kept_in_view=kept_in_view/>
                                </li>
                            </For>
                        </ul>
                    }
                    .into_any()
                })
            }}
        </section>
    }
}

/// The buttons to decide about one compared option: choose it or set it
/// aside (each a toggle, pressed while it holds), make it a goal, or edit it.
#[component]
fn Decision(
    id: Id,
    /// Where the buttons are ("table" or "stack"), to keep element ids apart.
    place: &'static str,
    of: Callback<Id, Option<Compared>>,
    edit: Callback<Id>,
    /// The options set aside in this view, which it keeps showing.
    kept_in_view: RwSignal<Vec<Id>>,
) -> impl IntoView {
    let store = use_plan_store();
    let status = {
        let id = id.clone();
        Memo::new(move |_| of.run(id.clone()).map(|c| c.status))
    };
    let title = {
        let id = id.clone();
        move || of.run(id.clone()).map(|c| c.title).unwrap_or_default()
    };
    let toggle = {
        let id = id.clone();
        move |wanted: OptionStatus| {
            let id = id.clone();
            move |_| {
                // Pressing a pressed toggle takes the option back to weighing.
                let status = if status.get_untracked() == Some(wanted) {
                    OptionStatus::Considering
                } else {
                    wanted
                };
                if status == OptionStatus::SetAside {
                    kept_in_view.update(|kept| kept.push(id.clone()));
                }
                let _ = store.update(|plan, now| set_option_status(plan, &id, status, now));
            }
        }
    };
    let pressed = move |wanted: OptionStatus| move || (status.get() == Some(wanted)).to_string();
    let edit_id = id.clone();
    view! {
        <p class="compare__status">{move || status.get().map(OptionStatus::label)}</p>
        <div class="button-row compare__decide">
            <button
                type="button"
                class="button button--small"
                aria-pressed=pressed(OptionStatus::Chosen)
                on:click=toggle(OptionStatus::Chosen)
            >
                "Choose"
                <span class="visually-hidden">{let title = title.clone(); move || format!(" {}", title())}</span>
            </button>
            <button
                type="button"
                class="button button--small"
                aria-pressed=pressed(OptionStatus::SetAside)
                on:click=toggle(OptionStatus::SetAside)
            >
                "Set aside"
                <span class="visually-hidden">{let title = title.clone(); move || format!(" {}", title())}</span>
            </button>
        </div>
        <div class="compare__goal">
            <GoalOfOption id=id.clone() focus_id=format!("compare-{place}-{id}-goal")/>
        </div>
        <button type="button" class="button button--small button--quiet compare__edit" on:click=move |_| edit.run(edit_id.clone())>
            "Edit"
            <span class="visually-hidden">{move || format!(" {}", title())}</span>
        </button>
    }
}
