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
pub mod state;

/// Mounts the app on the page.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
    perf::mark("waypoint:interactive");
}
