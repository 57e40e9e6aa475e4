//! Waypoint: a career planner that runs entirely in the browser.

pub mod domain;
