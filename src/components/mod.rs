//! Pieces reused across sections.

pub mod dialog;
pub mod due_date;
pub mod find_dialog;
pub mod growing_text;
pub mod help_dialog;
pub mod history_buttons;
pub mod kept_file;
pub mod notices;
pub mod progress_meter;
pub mod repairs;
pub mod save_indicator;
pub mod sync_panel;
pub mod theme_switch;
pub mod welcome;

/// A keydown handler for an editor that closes on Escape (the key is then
/// the editor's alone).
pub fn close_on_escape(close: impl Fn() + 'static) -> impl Fn(web_sys::KeyboardEvent) + 'static {
    move |event| {
        if event.key() == "Escape" {
            event.prevent_default();
            close();
        }
    }
}
