//! The vision: the three soul-searching questions, what success means, and
//! the statement they add up to.

use crate::domain::plan::{SuccessFacet, SuccessMeaning, Vision};
use crate::routing::Section;
use crate::state::use_plan_store;
use leptos::prelude::*;

/// Reads one text of the vision.
type ReadText = fn(&Vision) -> &String;
/// Writes one text of the vision.
type WriteText = fn(&mut Vision) -> &mut String;

#[component]
pub fn VisionPage() -> impl IntoView {
    view! {
        <div class="page page--vision">
            <header class="page-header">
                <h1>"Vision"</h1>
                <p class="lede">
                    "Where do you want your work to take you? Answer three questions, say what success means to you, then write the vision they add up to."
                </p>
            </header>

            <section class="panel" aria-labelledby="soul-searching">
                <h2 id="soul-searching">"Soul-searching"</h2>
                <p class="hint">
                    "You don't need to know the job or the company. Think broadly: a book, top sales rep, work/life balance, your own business, the C-level."
                </p>
                <VisionText
                    field_id="vision-want"
                    label="What do you want?"
                    read=|vision| &vision.want
                    write=|vision| &mut vision.want
                />
                <VisionText
                    field_id="vision-work"
                    label="What are you willing to work for?"
                    read=|vision| &vision.willing_to_work_for
                    write=|vision| &mut vision.willing_to_work_for
                />
                <VisionText
                    field_id="vision-real"
                    label="What do you believe can be real for you?"
                    read=|vision| &vision.believe_can_be_real
                    write=|vision| &mut vision.believe_can_be_real
                />
            </section>

            <section class="panel" aria-labelledby="success-meaning">
                <h2 id="success-meaning">"What success means to you"</h2>
                <p class="hint">
                    "Pick some words for these fuzzy ideas, and say how much each one matters."
                </p>
                <SuccessFacetField field_id="success-money" name="Money" pick=|success| &mut success.money/>
                <SuccessFacetField
                    field_id="success-accomplishments"
                    name="Accomplishments"
                    pick=|success| &mut success.accomplishments
                />
                <SuccessFacetField
                    field_id="success-mission"
                    name="A larger mission"
                    pick=|success| &mut success.mission
                />
                <SuccessFacetField
                    field_id="success-own"
                    name="In your own terms"
                    pick=|success| &mut success.own_terms
                />
            </section>

            <section class="panel" aria-labelledby="vision-statement-heading">
                <h2 id="vision-statement-heading">"Your vision"</h2>
                <VisionText
                    field_id="vision-statement"
                    label="Vision statement"
                    hint="One or two sentences, such as “Become a bestselling author of children's books.”"
                    read=|vision| &vision.statement
                    write=|vision| &mut vision.statement
                />
                <HorizonField/>
                <ExcitementField/>
            </section>
        </div>
    }
}

/// A labelled text area bound to one text of the vision.
#[component]
fn VisionText(
    field_id: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    read: ReadText,
    write: WriteText,
) -> impl IntoView {
    let store = use_plan_store();
    let hint_id = format!("{field_id}-hint");
    view! {
        <div class="field">
            <label for=field_id>{label}</label>
            {hint.map(|hint| view! { <p class="field__hint" id=hint_id.clone()>{hint}</p> })}
            <textarea
                id=field_id
                rows="3"
                aria-describedby=hint.map(|_| hint_id.clone())
                prop:value=move || store.with(|plan| read(&plan.vision).clone())
                on:input=move |event| {
                    let text = event_target_value(&event);
                    store.update(|plan| *write(&mut plan.vision) = text);
                }
            ></textarea>
        </div>
    }
}

/// One meaning of success: how much it matters and what it means.
#[component]
fn SuccessFacetField(
    field_id: &'static str,
    name: &'static str,
    pick: fn(&mut SuccessMeaning) -> &mut SuccessFacet,
) -> impl IntoView {
    let store = use_plan_store();
    let read = move |plan: &crate::domain::plan::Plan| {
        let mut success = plan.vision.success.clone();
        pick(&mut success).clone()
    };
    let weight_id = format!("{field_id}-weight");
    let words_id = format!("{field_id}-words");
    let weight_words = move || match store.with(|plan| read(plan).weight) {
        0 => "doesn't matter",
        1 => "matters a little",
        2 => "matters somewhat",
        3 => "matters",
        4 => "matters a lot",
        _ => "matters most",
    };
    view! {
        <fieldset class="facet">
            <legend>{name}</legend>
            <div class="facet__weight">
                <label for=weight_id.clone()>"How much it matters"</label>
                <input
                    id=weight_id
                    type="range"
                    min="0"
                    max="5"
                    step="1"
                    prop:value=move || store.with(|plan| read(plan).weight.to_string())
                    aria-valuetext=weight_words
                    on:input=move |event| {
                        let weight = event_target_value(&event).parse().unwrap_or(0);
                        store.update(|plan| pick(&mut plan.vision.success).weight = weight);
                    }
                />
                <output class="facet__weight-words">{weight_words}</output>
            </div>
            <div class="field">
                <label for=words_id.clone()>"In your words"</label>
                <input
                    id=words_id
                    type="text"
                    prop:value=move || store.with(|plan| read(plan).words)
                    on:input=move |event| {
                        let words = event_target_value(&event);
                        store.update(|plan| pick(&mut plan.vision.success).words = words);
                    }
                />
            </div>
        </fieldset>
    }
}

/// How many years ahead the vision looks.
#[component]
fn HorizonField() -> impl IntoView {
    let store = use_plan_store();
    const CHOICES: [u8; 6] = [1, 2, 3, 5, 10, 20];
    view! {
        <div class="field field--inline">
            <label for="vision-horizon">"Time horizon"</label>
            <select
                id="vision-horizon"
                prop:value=move || {
                    store.with(|plan| plan.vision.horizon_years.map(|years| years.to_string()).unwrap_or_default())
                }
                on:change=move |event| {
                    let years = event_target_value(&event).parse().ok();
                    store.update(|plan| plan.vision.horizon_years = years);
                }
            >
                <option value="">"Not decided"</option>
                {CHOICES
                    .into_iter()
                    .map(|years| {
                        let label = if years == 1 { "1 year".to_owned() } else { format!("{years} years") };
                        view! { <option value=years.to_string()>{label}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// The excitement test: a vision should make your spine tingle.
#[component]
fn ExcitementField() -> impl IntoView {
    let store = use_plan_store();
    let excitement = move || store.with(|plan| plan.vision.excitement);
    let verdict = move || {
        match excitement() {
        None => None,
        Some(0..=5) => Some(view! {
            <p class="verdict verdict--low">
                "Not compelling yet. The method is blunt: a vision should excite you, and if it doesn't, go back to the drawing board. Try the questions again, or another direction, until it does."
            </p>
        }
        .into_any()),
        Some(6..=7) => Some(view! {
            <p class="verdict verdict--mid">
                "Getting there. What would make it more yours? Sharpen the words, or aim higher."
            </p>
        }
        .into_any()),
        Some(_) => Some(view! {
            <p class="verdict verdict--high">
                "That's a vision worth working for. Next, break it into goals: "
                <a href=Section::Goals.href()>"go to Goals"</a>
            </p>
        }
        .into_any()),
    }
    };
    view! {
        <div class="field">
            <label for="vision-excitement">"How exciting does this vision feel?"</label>
            <p class="field__hint" id="vision-excitement-hint">"1 is flat, 10 makes your spine tingle."</p>
            <div class="excitement">
                <input
                    id="vision-excitement"
                    type="range"
                    min="1"
                    max="10"
                    step="1"
                    aria-describedby="vision-excitement-hint"
                    prop:value=move || excitement().unwrap_or(5).to_string()
                    on:input=move |event| {
                        let score = event_target_value(&event).parse().ok();
                        store.update(|plan| plan.vision.excitement = score);
                    }
                />
                <output for="vision-excitement" class="excitement__score">
                    {move || excitement().map_or("Not rated".to_owned(), |score| format!("{score} / 10"))}
                </output>
            </div>
            {verdict}
        </div>
    }
}
