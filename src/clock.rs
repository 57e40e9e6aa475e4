//! The browser's clock, time zone, week and randomness, turned into the
//! domain's types.
//!
//! Instants are UTC; the days a person sees are their own. This is where the
//! domain's [`TimeZone`] meets the browser's rules, and where "today" is kept
//! current past midnight.

use crate::domain::calendar::{Date, OffsetsByDay, TimeZone, Timestamp, Weekday};
use crate::domain::plan::{Id, Plan};
use crate::domain::stamps::{newest_time, ChangeClock};
use leptos::prelude::*;
use std::cell::Cell;
use std::time::Duration;
use wasm_bindgen::prelude::*;

/// Now, in UTC.
pub fn now() -> Timestamp {
    Timestamp::from_millis(js_sys::Date::now())
}

/// The browser's own time zone. Each instant is asked about separately
/// (JavaScript's `Date` for that instant), so an instant in summer is read
/// with summer time even in winter, and a plan made in one zone is read in
/// the zone it is opened in.
#[derive(Clone, Copy, Debug, Default)]
pub struct BrowserTimeZone;

impl TimeZone for BrowserTimeZone {
    fn utc_offset_seconds(&self, instant: Timestamp) -> i32 {
        let millis = instant.seconds_since_epoch() as f64 * 1000.0;
        // JavaScript counts the minutes the local clock is *behind* UTC:
        // 480 in Los Angeles in winter, -330 in Kolkata.
        let minutes_behind = js_sys::Date::new(&JsValue::from_f64(millis)).get_timezone_offset();
        (-minutes_behind * 60.0).round() as i32
    }
}

/// The browser's time zone for one piece of work over many instants (a
/// page's figures, a download): it asks JavaScript about each day once.
pub fn time_zone() -> OffsetsByDay<BrowserTimeZone> {
    OffsetsByDay::new(BrowserTimeZone)
}

/// The day `instant` fell on where the browser is.
pub fn local_date(instant: Timestamp) -> Date {
    instant.local_date(&BrowserTimeZone)
}

/// Today on the person's own calendar (their time zone, not UTC).
///
/// Read inside a view or a memo, it also subscribes to the day changing, so
/// that "Due today", the momentum figures and "review due" move on at local
/// midnight without a reload.
pub fn today() -> Date {
    let today = local_date(now());
    DAY_WATCH.with(|watch| {
        watch.changed.track();
        if watch.day.get().is_none() {
            watch.day.set(Some(today));
            watch_for_a_new_day();
        }
    });
    today
}

/// The day of the week the person's locale starts weeks on: `Intl.Locale`'s
/// week info for the browser's language where the browser has it, Monday
/// otherwise. Read once: the language does not change while the app runs.
pub fn week_starts_on() -> Weekday {
    thread_local! {
        static FIRST_DAY: Weekday = locale_first_day().unwrap_or(Weekday::Monday);
    }
    FIRST_DAY.with(|day| *day)
}

fn locale_first_day() -> Option<Weekday> {
    let language = window().navigator().language()?;
    let locale = js_sys::Intl::Locale::new(&language).ok()?;
    // Chromium before 130 and Safari offer a `weekInfo` getter instead of the
    // `getWeekInfo()` method.
    let info = locale
        .get_week_info()
        .map(JsValue::from)
        .or_else(|_| js_sys::Reflect::get(&locale, &JsValue::from_str("weekInfo")))
        .ok()
        .filter(JsValue::is_object)?;
    let first_day = js_sys::Reflect::get(&info, &JsValue::from_str("firstDay"))
        .ok()?
        .as_f64()?;
    Weekday::from_iso_number(first_day as u8)
}

/// The day last announced, and the signal that a new one has begun.
struct DayWatch {
    day: Cell<Option<Date>>,
    changed: ArcTrigger,
}

thread_local! {
    // An `Arc` trigger belongs to no component, so it outlives every page
    // that reads it.
    static DAY_WATCH: DayWatch = DayWatch {
        day: Cell::new(None),
        changed: ArcTrigger::new(),
    };
}

/// Announces a new day at each local midnight, and when the page comes back
/// into view (a computer asleep over midnight runs no timers).
fn watch_for_a_new_day() {
    wake_at_next_midnight();
    let on_visible = Closure::<dyn Fn()>::new(announce_if_new_day);
    let _ = document()
        .add_event_listener_with_callback("visibilitychange", on_visible.as_ref().unchecked_ref());
    // The app watches the day for as long as it runs.
    on_visible.forget();
}

fn wake_at_next_midnight() {
    let current = js_sys::Date::new_0();
    // JavaScript's local-time constructor knows the zone's rules, including a
    // midnight that daylight saving skips.
    let next_midnight = js_sys::Date::new_with_year_month_day(
        current.get_full_year(),
        current.get_month() as i32,
        current.get_date() as i32 + 1,
    );
    let wait = (next_midnight.get_time() - current.get_time()).max(0.0);
    set_timeout(
        || {
            announce_if_new_day();
            wake_at_next_midnight();
        },
        Duration::from_millis(wait as u64),
    );
}

fn announce_if_new_day() {
    let today = local_date(now());
    DAY_WATCH.with(|watch| {
        if watch.day.replace(Some(today)) != Some(today) {
            watch.changed.notify();
        }
    });
}

/// A fresh id such as `g-mfz1k2x3-1a2b3c`.
pub fn new_id(prefix: &str) -> Id {
    let random = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    Id::generate(prefix, js_sys::Date::now() as u64, random)
}

thread_local! {
    static CHANGE_CLOCK: Cell<ChangeClock> = Cell::new(ChangeClock::default());
}

/// The time of a change to the plan: now, unless this device has already
/// stamped or seen a later time, in which case just after it (see
/// `domain::stamps`). Only the store calls it, once per change.
pub fn stamp() -> Timestamp {
    CHANGE_CLOCK.with(|cell| {
        let mut clock = cell.get();
        let time = clock.stamp(now());
        cell.set(clock);
        time
    })
}

/// Notes the newest time in a plan that arrived (loaded at start, merged in,
/// taken from another tab), so that later changes are stamped after it, and
/// the clock keeps going forward across visits.
pub fn observe(plan: &Plan) {
    let newest = newest_time(plan);
    CHANGE_CLOCK.with(|cell| {
        let mut clock = cell.get();
        clock.observe(newest);
        cell.set(clock);
    });
}
