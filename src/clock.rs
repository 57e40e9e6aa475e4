//! The browser's clock and randomness, turned into the domain's types.

use crate::domain::calendar::{Date, Timestamp};
use crate::domain::plan::Id;

/// Now, in UTC.
pub fn now() -> Timestamp {
    Timestamp::from_millis(js_sys::Date::now())
}

/// Today on the person's own calendar (their time zone, not UTC).
pub fn today() -> Date {
    let local = js_sys::Date::new_0();
    Date::new(
        local.get_full_year() as i32,
        local.get_month() as u8 + 1,
        local.get_date() as u8,
    )
    .unwrap_or_else(|| now().date())
}

/// A fresh id such as `g-mfz1k2x3-1a2b3c`.
pub fn new_id(prefix: &str) -> Id {
    let random = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    Id::generate(prefix, js_sys::Date::now() as u64, random)
}
