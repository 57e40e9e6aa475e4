//! The vision: the three soul-searching questions, what success means, and
//! the statement they add up to.

use crate::components::welcome::ExploreExample;
use crate::domain::method::{draft_statement, EXCITING_ENOUGH};
use crate::domain::plan::{SuccessFacet, SuccessMeaning, Vision};
use crate::routing::Section;
use crate::state::use_plan_store;
use leptos::prelude::*;

/// Reads one text of the vision.
type ReadText = fn(&Vision) -> &String;
/// Writes one text of the vision.
type WriteText = fn(&mut Vision) -> &mut String;

/// The guide's steps, in the method's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum GuideStep {
    Want,
    WorkFor,
    Believe,
    Success,
    Statement,
    Excitement,
}

impl GuideStep {
    const ALL: [GuideStep; 6] = [
        Self::Want,
        Self::WorkFor,
        Self::Believe,
        Self::Success,
        Self::Statement,
        Self::Excitement,
    ];

    fn index(self) -> usize {
        Self::ALL.iter().position(|step| *step == self).unwrap_or(0)
    }

    fn short_title(self) -> &'static str {
        match self {
            Self::Want => "What you want",
            Self::WorkFor => "What you'll work for",
            Self::Believe => "What can be real",
            Self::Success => "What success means",
            Self::Statement => "Your vision",
            Self::Excitement => "The excitement test",
        }
    }

    fn explanation(self) -> &'static str {
        match self {
            Self::Want => "You don't need to know the job title or the company. Think broadly about what you'd like to achieve through your work.",
            Self::WorkFor => "Dreams cost effort. Which ones are worth the early mornings, the learning and the setbacks to you?",
            Self::Believe => "Some dreams you can make real and some you may choose to give up. Which do you believe can be real for you?",
            Self::Success => "Is it money for your family and retirement, the things you'll accomplish, or a larger mission? Pick some words for these fuzzy ideas, and say how much each matters.",
            Self::Statement => "Your answers add up to a vision: where you are going, not yet how. Write it in a sentence or two.",
            Self::Excitement => "A vision should make your spine tingle. If yours doesn't, that is worth knowing now.",
        }
    }

    /// Examples from the method, shown on request.
    fn examples(self) -> &'static [&'static str] {
        match self {
            Self::Want => &[
                "Write a book",
                "Become a top sales rep",
                "A job with plenty of work/life balance",
                "Start my own business",
                "Make it to the C-level",
            ],
            Self::WorkFor => &[
                "Evenings of study for a qualification",
                "A year of lower pay to switch fields",
                "Putting myself forward for the hard projects",
            ],
            Self::Believe => &[
                "Leading a team within three years",
                "Publishing one book, then another",
                "Running a small business that pays my bills",
            ],
            Self::Success => &[
                "Money: enough to retire at 60",
                "Accomplishments: ten published books",
                "A larger mission: children who love reading",
            ],
            Self::Statement => &[
                "Become a bestselling author of children's books",
                "Lead product at a company fighting climate change",
                "Run my own design studio with five people",
            ],
            Self::Excitement => &[],
        }
    }

    fn is_answered(self, vision: &Vision) -> bool {
        let filled = |text: &str| !text.trim().is_empty();
        match self {
            Self::Want => filled(&vision.want),
            Self::WorkFor => filled(&vision.willing_to_work_for),
            Self::Believe => filled(&vision.believe_can_be_real),
            Self::Success => {
                let success = &vision.success;
                [
                    &success.money,
                    &success.accomplishments,
                    &success.mission,
                    &success.own_terms,
                ]
                .iter()
                .any(|facet| facet.weight > 0 || filled(&facet.words))
            }
            Self::Statement => filled(&vision.statement),
            Self::Excitement => vision.excitement.is_some(),
        }
    }

    /// Where a person coming back picks up: the first step not yet answered,
    /// or their vision once everything is.
    fn resume_point(vision: &Vision) -> Self {
        Self::ALL
            .into_iter()
            .find(|step| !step.is_answered(vision))
            .unwrap_or(Self::Statement)
    }
}

#[component]
pub fn VisionPage() -> impl IntoView {
    let store = use_plan_store();
    let (step, set_step) =
        signal(store.with_untracked(|plan| GuideStep::resume_point(&plan.vision)));
    let answered = Memo::new(move |_| {
        store.with(|plan| GuideStep::ALL.map(|step| step.is_answered(&plan.vision)))
    });
    // A step can be opened once every step before it has an answer; when all
    // are answered, any step can be.
    let reachable = move |target: GuideStep| {
        answered.with(|answered| answered[..target.index()].iter().all(|done| *done))
    };
    let heading_ref: NodeRef<leptos::html::H2> = NodeRef::new();
    let go_to = move |target: GuideStep| {
        set_step.set(target);
        // Start reading and typing at the new question.
        request_animation_frame(move || {
            if let Some(heading) = heading_ref.get_untracked() {
                let _ = heading.focus();
            }
        });
    };
    let (showing_examples, set_showing_examples) = signal(false);
    Effect::new(move |_| {
        step.track();
        set_showing_examples.set(false);
    });
    let is_blank = move || store.with(|plan| plan.is_blank());

    view! {
        <div class="page page--vision">
            <header class="page-header">
                <h1>"Vision"</h1>
                <p class="lede">"Where do you want your work to take you? Six short steps to a vision that excites you."</p>
            </header>
            <Show when=is_blank>
                <section class="welcome" aria-labelledby="welcome-heading">
                    <h2 id="welcome-heading">"Welcome to Waypoint"</h2>
                    <p>
                        "Start here, with where you want to go. Then take stock of what you start from ("
                        <a href=Section::Leverage.href()>"Leverage"</a>
                        "), the ways to get there ("
                        <a href=Section::Options.href()>"Options"</a>
                        "), and break it all into "
                        <a href=Section::Goals.href()>"goals"</a>
                        " and a next step. Everything stays in this browser."
                    </p>
                    <ExploreExample/>
                </section>
            </Show>
            <nav class="guide-steps" aria-label="Vision steps">
                <p class="guide-steps__count">
                    {move || format!("Step {} of {}", step.get().index() + 1, GuideStep::ALL.len())}
                </p>
                <ol>
                    {GuideStep::ALL
                        .into_iter()
                        .map(|target| {
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="guide-steps__step"
                                        class:guide-steps__step--done=move || answered.with(|a| a[target.index()])
                                        aria-current=move || (step.get() == target).then_some("step")
                                        disabled=move || !reachable(target)
                                        on:click=move |_| go_to(target)
                                    >
                                        <span class="guide-steps__number" aria-hidden="true">
                                            {move || if answered.with(|a| a[target.index()]) { "✓".to_owned() } else { (target.index() + 1).to_string() }}
                                        </span>
                                        <span class="guide-steps__label">{target.short_title()}</span>
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </nav>
            <section class="panel guide" aria-labelledby="guide-question">
                <h2 id="guide-question" tabindex="-1" node_ref=heading_ref>
                    {move || match step.get() {
                        GuideStep::Want => "What do you want?",
                        GuideStep::WorkFor => "What are you willing to work for?",
                        GuideStep::Believe => "What do you believe can be real for you?",
                        GuideStep::Success => "What does success mean to you?",
                        GuideStep::Statement => "Your vision statement",
                        GuideStep::Excitement => "How exciting does your vision feel?",
                    }}
                </h2>
                <p class="guide__explanation">{move || step.get().explanation()}</p>
                <Show when=move || !step.get().examples().is_empty()>
                    <button
                        type="button"
                        class="button button--small button--quiet"
                        aria-expanded=move || showing_examples.get().to_string()
                        aria-controls="guide-examples"
                        on:click=move |_| set_showing_examples.update(|open| *open = !*open)
                    >
                        {move || if showing_examples.get() { "Hide examples" } else { "Show examples" }}
                    </button>
                    <Show when=move || showing_examples.get()>
                        <ul class="guide__examples" id="guide-examples">
                            {move || step.get().examples().iter().map(|example| view! { <li>{*example}</li> }).collect_view()}
                        </ul>
                    </Show>
                </Show>
                {move || match step.get() {
                    GuideStep::Want => view! {
                        <VisionText field_id="vision-want" label="Your answer" read=|v| &v.want write=|v| &mut v.want/>
                    }.into_any(),
                    GuideStep::WorkFor => view! {
                        <VisionText
                            field_id="vision-work"
                            label="Your answer"
                            read=|v| &v.willing_to_work_for
                            write=|v| &mut v.willing_to_work_for
                        />
                    }.into_any(),
                    GuideStep::Believe => view! {
                        <VisionText
                            field_id="vision-real"
                            label="Your answer"
                            read=|v| &v.believe_can_be_real
                            write=|v| &mut v.believe_can_be_real
                        />
                    }.into_any(),
                    GuideStep::Success => view! {
                        <SuccessFacetField field_id="success-money" name="Money" pick=|success| &mut success.money/>
                        <SuccessFacetField
                            field_id="success-accomplishments"
                            name="Accomplishments"
                            pick=|success| &mut success.accomplishments
                        />
                        <SuccessFacetField field_id="success-mission" name="A larger mission" pick=|success| &mut success.mission/>
                        <SuccessFacetField field_id="success-own" name="In your own terms" pick=|success| &mut success.own_terms/>
                    }.into_any(),
                    GuideStep::Statement => view! { <StatementStep/> }.into_any(),
                    GuideStep::Excitement => view! { <ExcitementField on_rethink=Callback::new(move |_| go_to(GuideStep::Want))/> }.into_any(),
                }}
                <div class="guide__nav button-row">
                    <Show when=move || { step.get() != GuideStep::Want }>
                        <button
                            type="button"
                            class="button button--quiet"
                            on:click=move |_| go_to(GuideStep::ALL[step.get_untracked().index() - 1])
                        >
                            "Back"
                        </button>
                    </Show>
                    <Show when=move || { step.get() != GuideStep::Excitement }>
                        <button
                            type="button"
                            class="button button--primary"
                            on:click=move |_| go_to(GuideStep::ALL[step.get_untracked().index() + 1])
                        >
                            {move || if answered.with(|a| a[step.get().index()]) { "Next" } else { "Skip for now" }}
                        </button>
                    </Show>
                </div>
            </section>
        </div>
    }
}

/// The statement, a draft built from the answers, its horizon and its history.
#[component]
fn StatementStep() -> impl IntoView {
    let store = use_plan_store();
    let draft = move || store.with(|plan| draft_statement(&plan.vision));
    let use_draft = move |_| {
        let text = draft();
        store.edit_vision(|vision, now| {
            vision.keep_current(now);
            vision.statement = text;
        });
    };
    let history = move || store.with(|plan| plan.vision.history.clone());
    view! {
        <VisionText
            field_id="vision-statement"
            label="Vision statement"
            hint="One or two sentences, such as “Become a bestselling author of children's books.”"
            read=|vision| &vision.statement
            write=|vision| &mut vision.statement
            keeps_history=true
        />
        // Offered while it differs from what is written.
        <Show when=move || {
            let draft = draft();
            !draft.is_empty() && store.with(|plan| plan.vision.statement.trim() != draft)
        }>
            <div class="draft">
                <p class="draft__label">"A draft from your answers:"</p>
                <p class="draft__text">{draft}</p>
                <button type="button" class="button button--small" on:click=use_draft>
                    "Use this draft"
                </button>
            </div>
        </Show>
        <HorizonField/>
        <Show when=move || !history().is_empty()>
            <section class="vision-history" aria-labelledby="vision-history-heading">
                <h3 id="vision-history-heading">"Earlier versions"</h3>
                <p class="hint">"Your goal may change over a life. Here is how your vision has changed."</p>
                <ol reversed>
                    {move || {
                        history()
                            .into_iter()
                            .enumerate()
                            .rev()
                            .map(|(index, version)| {
                                let restore = move |_| {
                                    store.edit_vision(|vision, now| vision.restore(index, now));
                                };
                                view! {
                                    <li class="vision-history__item">
                                        <p class="vision-history__statement">{version.statement.clone()}</p>
                                        <p class="vision-history__meta">
                                            {format!("Until {}", crate::clock::local_date(version.replaced_at).short_label())}
                                            {version.excitement.map(|score| format!(" · excitement {score}/10"))}
                                        </p>
                                        <button
                                            type="button"
                                            class="button button--small"
                                            aria-label=format!("Restore this version: {}", version.statement)
                                            on:click=restore
                                        >
                                            "Restore this version"
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ol>
            </section>
        </Show>
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
    /// Keep the text as it was before each rewrite (the vision statement).
    #[prop(optional)]
    keeps_history: bool,
) -> impl IntoView {
    let store = use_plan_store();
    let hint_id = format!("{field_id}-hint");
    // One kept version per rewrite: the first keystroke after focusing keeps
    // the text as it stood.
    let rewrite_started = StoredValue::new(false);
    view! {
        <div class="field">
            <label for=field_id>{label}</label>
            {hint.map(|hint| view! { <p class="field__hint" id=hint_id.clone()>{hint}</p> })}
            <textarea
                id=field_id
                rows="3"
                aria-describedby=hint.map(|_| hint_id.clone())
                prop:value=move || store.with(|plan| read(&plan.vision).clone())
                on:focus=move |_| rewrite_started.set_value(false)
                on:input=move |event| {
                    let text = event_target_value(&event);
                    let keep = keeps_history && !rewrite_started.get_value();
                    rewrite_started.set_value(true);
                    store.edit_vision(|vision, now| {
                        if keep {
                            vision.keep_current(now);
                        }
                        *write(vision) = text;
                    });
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
                        store.edit_vision(|vision, _| pick(&mut vision.success).weight = weight);
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
                        store.edit_vision(|vision, _| pick(&mut vision.success).words = words);
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
                    store.edit_vision(|vision, _| vision.horizon_years = years);
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
fn ExcitementField(
    /// Back to the drawing board: the first question.
    on_rethink: Callback<()>,
) -> impl IntoView {
    let store = use_plan_store();
    let excitement = move || store.with(|plan| plan.vision.excitement);
    let verdict = move || {
        match excitement() {
        None => None,
        Some(score) if score < EXCITING_ENOUGH => Some(view! {
            <div class="verdict verdict--low">
                <p>
                    {if score <= 5 { "Not compelling yet. " } else { "Close, but not quite. " }}
                    "The method is blunt: a vision should excite you, and if it doesn't, go back to the drawing board. Your answers stay; look at them again, or try another direction, until the vision excites you. You can still go on to goals whenever you like."
                </p>
                <div class="button-row">
                    <button type="button" class="button" on:click=move |_| on_rethink.run(())>
                        "Back to the drawing board"
                    </button>
                    <a class="button button--quiet" href=Section::Goals.href()>"Go on to goals anyway"</a>
                </div>
            </div>
        }
        .into_any()),
        Some(_) => Some(view! {
            <div class="verdict verdict--high">
                <p>"That's a vision worth working for. Next: what you start from, the ways to get there, and the goals."</p>
                <div class="button-row">
                    <a class="button button--primary" href=Section::Leverage.href()>"Take stock of what you have"</a>
                    <a class="button button--quiet" href=Section::Goals.href()>"Go to goals"</a>
                </div>
            </div>
        }
        .into_any()),
    }
    };
    let statement = move || store.with(|plan| plan.vision.statement.trim().to_owned());
    view! {
        {move || {
            let statement = statement();
            (!statement.is_empty()).then(|| view! { <blockquote class="vision-quote">{statement}</blockquote> })
        }}
        <div class="field">
            <label for="vision-excitement">"Excitement"</label>
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
                        store.edit_vision(|vision, _| vision.excitement = score);
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
