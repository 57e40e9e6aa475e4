//! Waypoint: a career planner that runs entirely in the browser.
//!
//! `domain` is the plan and its rules, pure Rust; `persistence` is the only
//! door to browser storage; `state` holds the one store shared by context;
//! `app`, `pages` and `components` are the view.

pub mod app;
pub mod clock;
pub mod components;
pub mod domain;
pub mod download;
pub mod focus;
pub mod import_flow;
pub mod js_text;
pub mod pages;
pub mod perf;
pub mod persistence;
pub mod routing;
pub mod share_link;
pub mod shortcuts;
pub mod slices;
pub mod state;

/// Id of the shell's skeleton in `index.html`, painted while the app loads.
const SKELETON_ID: &str = "waypoint-skeleton";

/// Mounts the app on the page, in place of the skeleton.
pub fn start() {
    console_error_panic_hook::set_once();
    // Taken away in the same task as the app is drawn, so that no frame shows
    // both, or neither.
    if let Some(skeleton) = leptos::prelude::document().get_element_by_id(SKELETON_ID) {
        skeleton.remove();
    }
    leptos::mount::mount_to_body(app::App);
    perf::mark("waypoint:interactive");
}
