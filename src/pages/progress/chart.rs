//! The burn-up chart: steps done against steps planned, week by week, drawn
//! as inline SVG with a text alternative.

use crate::domain::calendar::Weekday;
use crate::domain::review::WeekPoint;
use leptos::prelude::*;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 220.0;
const LEFT: f64 = 36.0;
const BOTTOM: f64 = 24.0;
const TOP: f64 = 12.0;

/// The chart's points as an SVG path through (x, y) pairs.
fn path_through(points: &[(f64, f64)]) -> String {
    points
        .iter()
        .enumerate()
        .map(|(index, (x, y))| format!("{}{x:.1},{y:.1}", if index == 0 { "M" } else { "L" }))
        .collect::<Vec<_>>()
        .join(" ")
}

#[component]
pub fn BurnUpChart(
    /// The weeks to draw, oldest first (at least one).
    points: Vec<WeekPoint>,
    /// The day the weeks start on, which the chart names.
    week_starts_on: Weekday,
) -> impl IntoView {
    let last = *points.last().expect("a chart has at least one week");
    let max = points
        .iter()
        .map(|p| p.scope.max(p.done))
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let weeks = points.len().max(2) as f64 - 1.0;
    let x = |index: usize| LEFT + (WIDTH - LEFT - 8.0) * index as f64 / weeks;
    let y = |value: usize| HEIGHT - BOTTOM - (HEIGHT - BOTTOM - TOP) * value as f64 / max;
    // A single week is drawn as a short flat line.
    let spread = |values: Vec<(f64, f64)>| {
        if values.len() == 1 {
            vec![values[0], (x(1), values[0].1)]
        } else {
            values
        }
    };
    let done_line = spread(
        points
            .iter()
            .enumerate()
            .map(|(i, p)| (x(i), y(p.done)))
            .collect(),
    );
    let scope_line = spread(
        points
            .iter()
            .enumerate()
            .map(|(i, p)| (x(i), y(p.scope)))
            .collect(),
    );
    let area = format!(
        "{} L{:.1},{:.1} L{:.1},{:.1} Z",
        path_through(&done_line),
        done_line.last().map_or(LEFT, |p| p.0),
        HEIGHT - BOTTOM,
        LEFT,
        HEIGHT - BOTTOM
    );
    let first_week = points[0].week_start.short_label();
    let last_week = last.week_start.short_label();
    let summary = format!(
        "{} of {} steps done by the week of {}; {} completed that week. The chart starts in the week of {}. Weeks start on {}.",
        last.done,
        last.scope,
        last_week,
        last.completed,
        first_week,
        week_starts_on.name()
    );
    let recent: Vec<WeekPoint> = points.iter().rev().take(12).copied().collect();
    view! {
        <figure class="chart">
            <svg
                class="chart__svg"
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                role="img"
                aria-labelledby="burn-up-title burn-up-desc"
                preserveAspectRatio="none"
            >
                <title id="burn-up-title">"Steps done and planned, by week"</title>
                <desc id="burn-up-desc">{summary.clone()}</desc>
                <line class="chart__axis" x1=LEFT y1=HEIGHT - BOTTOM x2=WIDTH - 8.0 y2=HEIGHT - BOTTOM></line>
                <line class="chart__axis" x1=LEFT y1=TOP x2=LEFT y2=HEIGHT - BOTTOM></line>
                <path class="chart__done-area" d=area></path>
                <path class="chart__scope" d=path_through(&scope_line)></path>
                <path class="chart__done" d=path_through(&done_line)></path>
            </svg>
            // The axis numbers sit beside the drawing, not in it: the drawing
            // stretches to the panel's width, and its text shrank with it.
            <span class="chart__label chart__label--max" aria-hidden="true">{max.to_string()}</span>
            <span class="chart__label chart__label--zero" aria-hidden="true">"0"</span>
            <figcaption class="chart__caption">
                <span class="chart__key chart__key--done">"Done"</span>
                <span class="chart__key chart__key--scope">"Planned"</span>
                <span class="chart__range">{format!("{first_week} – {last_week}")}</span>
            </figcaption>
            <p class="chart__summary">{summary}</p>
            <details class="chart__table">
                <summary>"The last weeks as a table"</summary>
                <table>
                    <thead>
                        <tr>
                            <th scope="col">"Week of"</th>
                            <th scope="col">"Done that week"</th>
                            <th scope="col">"Done so far"</th>
                            <th scope="col">"Planned"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {recent
                            .into_iter()
                            .map(|week| {
                                view! {
                                    <tr>
                                        <td>{week.week_start.short_label()}</td>
                                        <td>{week.completed}</td>
                                        <td>{week.done}</td>
                                        <td>{week.scope}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </details>
        </figure>
    }
}
