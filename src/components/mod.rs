//! Pieces reused across sections.

pub mod notices;
pub mod progress_meter;
pub mod save_indicator;
