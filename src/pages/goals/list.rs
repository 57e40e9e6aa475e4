//! The goal list, drawn a screenful at a time.
//!
//! Every goal on show is a row of one flat list, indented by its depth
//! (`rows.rs` keeps the rows on show in order). A list of a few hundred
//! rows is drawn whole, over a few frames, so that the browser's own find
//! and a screen reader's reading see all of it. A longer one (a large plan
//! with its branches open) draws only the rows on screen and a margin around
//! them, with blank space above and below standing in for the rest: the
//! space is the sum of the rows' heights, measured once they were drawn and
//! guessed from others of their depth until then. Drawing a row costs about
//! a millisecond, so 6,000 rows drawn at once kept the page from answering
//! for seconds; this way "Expand all" is one frame's work.

use super::item::GoalItem;
use super::rows::{GoalRows, ShownRow};
use super::windowing::{grow_within, rows_in, tops, HeightGuess};
use super::GoalListState;
use crate::domain::plan::Id;
use leptos::html;
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Lists of up to this many rows are drawn whole.
const DRAW_ALL_UP_TO: usize = 200;
/// Rows drawn in a frame beyond those on screen (a row costs about a
/// millisecond, a long-term goal's two): a frame's work stays well under a
/// long task (50 ms) on a busy phone.
const NEW_ROWS_PER_FRAME: usize = 10;
/// How far above and below the screen a long list is drawn (CSS pixels), so
/// that scrolling a little, or moving the caret a row, finds rows there.
const MARGIN_PX: f64 = 600.0;
/// Heights of rows not yet measured, before any row of their kind was
/// measured: a long-term goal, a short-term goal, a step (CSS pixels).
const STARTING_GUESS: [f64; 3] = [150.0, 110.0, 48.0];

/// What the list knows about its rows' heights and which are drawn.
struct Layout {
    /// Measured heights (margins included) of rows drawn before.
    measured: HashMap<Id, f64>,
    guess: HeightGuess,
    /// Where each row on show starts, from `measured` and `guess`; `None`
    /// when the rows on show or their heights changed since.
    tops: Option<Vec<f64>>,
    /// The rows drawn, as a range of the rows on show, and their goals.
    range: Range<usize>,
    drawn: HashSet<Id>,
    /// The blank space above and below the rows drawn, as last set.
    space: (f64, f64),
    /// Where the list's top was on the screen when last looked at, in a
    /// frame or after the browser laid the page out: reading it at other
    /// times would make the browser lay the page out just for that.
    list_top: Option<f64>,
    /// A frame is asked for to lay the list out again.
    frame_asked: bool,
    /// How many rows were on show when the list was last laid out.
    shown_count: usize,
}

impl Layout {
    fn new() -> Self {
        Self {
            measured: HashMap::new(),
            guess: HeightGuess::new(STARTING_GUESS),
            tops: None,
            range: 0..0,
            drawn: HashSet::new(),
            space: (0.0, 0.0),
            list_top: None,
            frame_asked: false,
            shown_count: 0,
        }
    }

    fn height_of(&self, row: &ShownRow) -> f64 {
        self.measured
            .get(&row.id)
            .copied()
            .unwrap_or_else(|| self.guess.of(row.depth))
    }

    fn tops(&mut self, shown: &[ShownRow]) -> &[f64] {
        if self.tops.is_none() {
            let tops = tops(shown.iter().map(|row| self.height_of(row)));
            self.tops = Some(tops);
        }
        self.tops.as_deref().unwrap_or(&[0.0])
    }

    /// Sets the blank space above and below the rows drawn to the height
    /// of the rows they stand for. Through the style object, which the
    /// page's Content-Security-Policy allows (it forbids style attributes).
    fn set_space(&mut self, shown: &[ShownRow], list: &web_sys::HtmlElement) {
        let range = self.range.clone();
        let tops = self.tops(shown);
        let space = (tops[range.start], tops[shown.len()] - tops[range.end]);
        if space != self.space {
            let style = web_sys::HtmlElement::style(list);
            let _ = style.set_property("padding-top", &format!("{}px", space.0));
            let _ = style.set_property("padding-bottom", &format!("{}px", space.1));
            self.space = space;
        }
    }

    /// Notes a drawn row's height. True when it differs from what was assumed.
    fn measure(&mut self, row: &ShownRow, height: f64) -> bool {
        let before = self.height_of(row);
        if let Some(old) = self.measured.insert(row.id.clone(), height) {
            self.guess.forget(row.depth, old);
        }
        self.guess.learn(row.depth, height);
        (before - height).abs() > 0.5
    }
}

/// How the list lays itself out: the goals on show, the rows drawn, and
/// the element they are drawn in.
#[derive(Clone, Copy)]
struct GoalListView {
    rows: GoalRows,
    list_state: GoalListState,
    layout: StoredValue<Layout>,
    drawn_ids: RwSignal<Vec<Id>>,
    /// More rows are still to be drawn in the coming frames.
    drawing: RwSignal<bool>,
    list_ref: NodeRef<html::Ul>,
}

impl GoalListView {
    /// Lays the list out again: which rows to draw, at most `new_rows` more
    /// than those on screen, and the blank space around them. Asks for
    /// another frame while rows it wants are still to be drawn. `in_frame`
    /// when the page is laid out (at a frame, or after a resize), so that
    /// where the list is can be read afresh; otherwise (straight after a
    /// change, such as "Expand all") it is taken as last read, and a goal
    /// to bring on screen waits for the frame.
    fn lay_out(self, new_rows: usize, in_frame: bool) {
        let Some(list) = self.list_ref.get_untracked() else {
            return;
        };
        let view_height = window()
            .inner_height()
            .ok()
            .and_then(|height| height.as_f64())
            .unwrap_or(800.0);
        let request = if in_frame {
            self.list_state.take_scroll_request()
        } else {
            if self
                .list_state
                .scroll_request
                .with_untracked(Option::is_some)
            {
                self.ask_for_frame();
            }
            None
        };
        let Some((range, wanted)) = self
            .rows
            .shown()
            .try_with_untracked(|shown| {
                self.layout.try_update_value(|layout| {
                    let mut list_top = match layout.list_top {
                        Some(top) if !in_frame => top,
                        _ => list.get_bounding_client_rect().top(),
                    };
                    if let Some(index) =
                        request.and_then(|id| shown.iter().position(|row| row.id == id))
                    {
                        let tops = layout.tops(shown);
                        let (top, bottom) = (list_top + tops[index], list_top + tops[index + 1]);
                        if top < 0.0 || bottom > view_height {
                            // A third of the way down, as a person reading it would have it.
                            window().scroll_by_with_x_and_y(0.0, top - view_height / 3.0);
                            list_top = list.get_bounding_client_rect().top();
                        }
                    }
                    layout.list_top = Some(list_top);
                    let (from, to) = (-list_top, view_height - list_top);
                    let tops = layout.tops(shown);
                    let on_screen = rows_in(tops, from, to);
                    let wanted = if shown.len() <= DRAW_ALL_UP_TO {
                        0..shown.len()
                    } else {
                        rows_in(tops, from - MARGIN_PX, to + MARGIN_PX)
                    };
                    let range = grow_within(
                        wanted.clone(),
                        on_screen,
                        |row| layout.drawn.contains(&shown[row].id),
                        new_rows,
                    );
                    self.draw(layout, shown, range.clone(), &list);
                    (range, wanted)
                })
            })
            .flatten()
        else {
            return;
        };
        let more = range != wanted;
        if self.drawing.get_untracked() != more {
            self.drawing.set(more);
        }
        if more {
            self.ask_for_frame();
        }
    }

    /// Draws the rows of `range` and sets the blank space around them.
    fn draw(
        self,
        layout: &mut Layout,
        shown: &[ShownRow],
        range: Range<usize>,
        list: &web_sys::HtmlElement,
    ) {
        let ids: Vec<Id> = shown[range.clone()]
            .iter()
            .map(|row| row.id.clone())
            .collect();
        layout.range = range;
        layout.set_space(shown, list);
        if self.drawn_ids.with_untracked(|drawn| *drawn != ids) {
            layout.drawn = ids.iter().cloned().collect();
            self.drawn_ids.set(ids);
        }
    }

    /// Lays the list out at the next frame (once, however often asked).
    fn ask_for_frame(self) {
        let asked = self
            .layout
            .try_update_value(|layout| std::mem::replace(&mut layout.frame_asked, true));
        if asked == Some(false) {
            request_animation_frame(move || {
                if self
                    .layout
                    .try_update_value(|layout| layout.frame_asked = false)
                    .is_some()
                {
                    self.lay_out(NEW_ROWS_PER_FRAME, true);
                }
            });
        }
    }

    /// Measures the rows drawn (after the browser laid them out, so reading
    /// their size costs nothing) and, if any differs from what was assumed,
    /// sets the blank space to match; the rows to draw follow at the next
    /// frame (drawing them here would make the browser lay out twice).
    fn measure(self) {
        let Some(list) = self.list_ref.get_untracked() else {
            return;
        };
        let items = list.children();
        let list_box = list.get_bounding_client_rect();
        let _ = self.rows.shown().try_with_untracked(|shown| {
            self.layout.try_update_value(|layout| {
                layout.list_top = Some(list_box.top());
                // A row's height runs from the bottom of the row above it (or
                // the blank space above the first), so it counts its margin.
                let mut above = list_box.top() + layout.space.0;
                let mut changed = false;
                let drawn = &shown[layout.range.clone()];
                for index in 0..items.length() {
                    let Some(item) = items.item(index) else {
                        continue;
                    };
                    let Some(id) = item.get_attribute("data-goal-id") else {
                        continue;
                    };
                    let bottom = item.get_bounding_client_rect().bottom();
                    let height = bottom - above;
                    above = bottom;
                    if let Some(row) = drawn.iter().find(|row| row.id.as_str() == id) {
                        changed |= layout.measure(row, height);
                    }
                }
                if changed {
                    layout.tops = None;
                    layout.set_space(shown, &list);
                }
            })
        });
        self.ask_for_frame();
    }
}

/// The goals on show, as one list: a screenful (or all, when they are few)
/// drawn, and blank space for the rest.
#[component]
pub fn GoalList() -> impl IntoView {
    let rows = expect_context::<GoalRows>();
    let list_state = expect_context::<GoalListState>();
    let view = GoalListView {
        rows,
        list_state,
        layout: StoredValue::new(Layout::new()),
        drawn_ids: RwSignal::new(Vec::new()),
        drawing: RwSignal::new(false),
        list_ref: NodeRef::new(),
    };
    // Drawn with the page: the rows that would fill a screen if the list
    // started at its top (where it starts is not known before it is drawn);
    // the next frames draw the rest.
    rows.shown().with_untracked(|shown| {
        view.layout.update_value(|layout| {
            let view_height = window()
                .inner_height()
                .ok()
                .and_then(|height| height.as_f64())
                .unwrap_or(800.0);
            let range = rows_in(layout.tops(shown), 0.0, view_height);
            let ids: Vec<Id> = shown[range.clone()]
                .iter()
                .map(|row| row.id.clone())
                .collect();
            layout.drawn = ids.iter().cloned().collect();
            layout.range = range;
            layout.shown_count = shown.len();
            view.drawn_ids.set(ids);
        });
    });

    // The rows on show changed (a branch opened, a goal added or moved):
    // lay out again now, so the screen never shows the list half changed:
    // the rows on screen, and when a few rows came or went (a goal added,
    // moved or removed) a frame's worth more, so that a row just added next
    // to those drawn is drawn with the change; the rest frame by frame.
    // When many came or went ("Expand all", a large branch opened), the
    // rows on screen only: with ten more, "Expand all" on a large plan was
    // one task of about 60 ms, without them under 50.
    rows.when_shown_changes(move || {
        let count = rows.shown().with_untracked(Vec::len);
        let before = view.layout.try_update_value(|layout| {
            layout.tops = None;
            std::mem::replace(&mut layout.shown_count, count)
        })?;
        let new_rows = if count.abs_diff(before) <= NEW_ROWS_PER_FRAME {
            NEW_ROWS_PER_FRAME
        } else {
            0
        };
        view.lay_out(new_rows, false);
        view.layout.try_with_value(|layout| layout.drawn.clone())
    });
    // Once the page is drawn: measure, and go on drawing in the next frames.
    Effect::new(move |_| view.ask_for_frame());
    // A goal to bring on screen: at the next frame, once the list has
    // followed whatever change came with it.
    Effect::new(move |_| {
        if list_state.scroll_request.with(Option::is_some) {
            view.ask_for_frame();
        }
    });
    // Scrolling and resizing bring other rows near the screen.
    let on_scroll = window_event_listener(leptos::ev::scroll, move |_| view.ask_for_frame());
    let on_resize = window_event_listener(leptos::ev::resize, move |_| view.ask_for_frame());
    // The rows' heights, measured when the rows drawn change size together
    // (rows drawn in place of blank space, a title wrapping onto another
    // line, details opened, the screen turned).
    let measure = Closure::<dyn FnMut()>::new(move || view.measure());
    let observer = web_sys::ResizeObserver::new(measure.as_ref().unchecked_ref()).ok();
    let observing = StoredValue::new_local((measure, observer));
    Effect::new(move |_| {
        if let Some(list) = view.list_ref.get() {
            observing.with_value(|(_, observer)| {
                if let Some(observer) = observer {
                    observer.observe(&list);
                }
            });
        }
    });
    on_cleanup(move || {
        on_scroll.remove();
        on_resize.remove();
        // Before the callback is dropped with the rest of the page.
        observing.with_value(|(_, observer)| {
            if let Some(observer) = observer {
                observer.disconnect();
            }
        });
    });

    view! {
        <ul
            class="goal-tree"
            aria-label="Goal tree"
            aria-busy=move || view.drawing.get().then_some("true")
            data-rows-shown=move || rows.shown().with(Vec::len).to_string()
            node_ref=view.list_ref
        >
            <For each=move || view.drawn_ids.get() key=|id| id.clone() let:id>
                <GoalItem id=id/>
            </For>
        </ul>
    }
}
