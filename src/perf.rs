//! User-timing marks for the benchmark (bench/run.mjs) and the browser's
//! performance panel: `waypoint:interactive` once the first render with the
//! stored plan is on the page, a `waypoint:load` measure around reading the
//! stored plan at start, and a `waypoint:save` measure around each save.
//! They cost a call each and never fail the app.

/// Sets a `performance.mark` named `name`.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.mark(name);
    }
}

/// Runs `work` inside a `performance.measure` named `name` (with the marks
/// `name-start` and `name-end` around it).
pub fn measure<R>(name: &str, work: impl FnOnce() -> R) -> R {
    let start = format!("{name}-start");
    mark(&start);
    let result = work();
    mark(&format!("{name}-end"));
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.measure_with_start_mark(name, &start);
    }
    result
}
