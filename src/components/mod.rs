//! Pieces reused across sections.

pub mod dialog;
pub mod due_date;
pub mod find_dialog;
pub mod growing_text;
pub mod help_dialog;
pub mod history_buttons;
pub mod notices;
pub mod progress_meter;
pub mod repairs;
pub mod save_indicator;
pub mod theme_switch;
pub mod welcome;
