//! A plan someone shared by link, shown read-only. The reader's own plan is
//! not touched unless they choose to import this one.

use crate::components::repairs::RepairList;
use crate::import_flow::use_import_flow;
use crate::pages::one_page::PlanOnOnePage;
use crate::routing::Section;
use crate::share_link::open_share_link;
use crate::slices::next_task;
use leptos::prelude::*;

#[component]
pub fn SharedPlanPage(#[prop(into)] payload: Signal<String>) -> impl IntoView {
    let flow = use_import_flow();
    let opened = LocalResource::new(move || {
        let payload = payload.get();
        async move {
            let opened = open_share_link(&payload).await;
            // The plan is drawn in a task of its own.
            next_task().await;
            opened
        }
    });
    view! {
        <div class="page page--shared">
            <Suspense fallback=|| view! { <p role="status">"Opening the shared plan…"</p> }>
                {move || opened.get().map(|result| match result {
                    Ok(read) => {
                        let plan = read.plan.clone();
                        let repairs = read.repairs.clone();
                        let to_import = read.clone();
                        let import = move |_| {
                            flow.offer("the shared link", to_import.clone());
                            let _ = window().location().set_hash(&Section::Data.href());
                        };
                        view! {
                            <div class="notice notice--info shared-banner" role="region" aria-label="Shared plan">
                                // The plan below carries the page's one h1.
                                <p class="shared-banner__title">"A plan shared with you, read-only"</p>
                                <p>
                                    "You're looking at a plan from a link. Nothing here is saved, and your own plan is unchanged unless you import this one."
                                </p>
                                {(!repairs.is_empty()).then(|| view! {
                                    <p>
                                        {if repairs.len() == 1 {
                                            "Waypoint repaired one thing in this plan so that it opens:".to_owned()
                                        } else {
                                            format!("Waypoint repaired {} things in this plan so that it opens:", repairs.len())
                                        }}
                                    </p>
                                    <RepairList repairs=repairs where_label="Where in the plan"/>
                                })}
                                <div class="button-row">
                                    <button type="button" class="button button--primary" on:click=import>
                                        "Import this plan…"
                                    </button>
                                    <a class="button button--quiet" href=Section::NextStep.href()>
                                        "Back to my plan"
                                    </a>
                                </div>
                            </div>
                            <PlanOnOnePage plan=plan heading="The shared plan"/>
                        }.into_any()
                    }
                    Err(problem) => view! {
                        <div class="notice notice--error" role="alert">
                            <h1 class="shared-banner__title">"This shared plan can't be opened"</h1>
                            <p>{problem.to_string()}</p>
                            {problem.detail().map(|detail| view! {
                                <details class="notice__details">
                                    <summary>"Details"</summary>
                                    <p>{detail}</p>
                                </details>
                            })}
                            <p>"Your own plan is unchanged."</p>
                            <a class="button" href=Section::NextStep.href()>"Back to my plan"</a>
                        </div>
                    }.into_any(),
                })}
            </Suspense>
        </div>
    }
}
