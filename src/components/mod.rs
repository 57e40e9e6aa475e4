//! Pieces reused across sections.

pub mod due_date;
pub mod notices;
pub mod progress_meter;
pub mod save_indicator;
pub mod theme_switch;
