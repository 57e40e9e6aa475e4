//! The one door to the browser's localStorage. Nothing else reads or writes it.
//!
//! Two rules keep a person's plan safe:
//! - "nothing saved yet" and "saved, but unreadable" are different outcomes;
//!   unreadable text is copied under its own key before anything could
//!   overwrite it, and the app never saves while that copy is missing;
//! - a failed write is reported, never swallowed.

use crate::domain::format::{parse_plan, to_storage_text};
use crate::domain::plan::Plan;
use wasm_bindgen::JsCast;
use web_sys::Storage;

/// Where the plan lives.
pub const PLAN_KEY: &str = "waypoint.plan";
/// Unreadable plans are kept under this prefix plus the time they were found.
pub const UNREADABLE_KEY_PREFIX: &str = "waypoint.unreadable.";

/// What the app found in storage at start.
#[derive(Debug, PartialEq)]
pub enum LoadOutcome {
    /// A first visit, or storage cleared: start a new plan.
    NothingSaved,
    Loaded(Box<Plan>),
    /// Something is saved but it is not a plan this build can read.
    Unreadable(UnreadablePlan),
    /// The browser refuses storage (disabled, or blocked by privacy settings).
    StorageUnavailable {
        reason: String,
    },
}

/// Saved text that could not be read as a plan.
#[derive(Clone, Debug, PartialEq)]
pub struct UnreadablePlan {
    pub problem: String,
    /// The text itself, so the person can download it whatever else fails.
    pub text: String,
    /// Where the text was copied, or `None` when even that failed, in which
    /// case the app must not save over the original.
    pub backup_key: Option<String>,
}

/// A copy of unreadable text kept in storage.
#[derive(Clone, Debug, PartialEq)]
pub struct UnreadableBackup {
    pub key: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    /// The browser's storage for this site is full.
    QuotaExceeded,
    /// Storage refused the write for another reason.
    Refused { reason: String },
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::QuotaExceeded => write!(f, "this browser's storage for Waypoint is full"),
            Self::Refused { reason } => write!(f, "the browser refused to store it ({reason})"),
        }
    }
}

fn local_storage() -> Result<Storage, String> {
    let window = web_sys::window().ok_or("no window")?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err("this browser offers no local storage".into()),
        Err(error) => Err(describe_js_error(&error)),
    }
}

fn describe_js_error(error: &wasm_bindgen::JsValue) -> String {
    if let Some(exception) = error.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", exception.name(), exception.message());
    }
    if let Some(error) = error.dyn_ref::<js_sys::Error>() {
        return String::from(error.message());
    }
    error.as_string().unwrap_or_else(|| "unknown error".into())
}

fn is_quota_error(error: &wasm_bindgen::JsValue) -> bool {
    error
        .dyn_ref::<web_sys::DomException>()
        .is_some_and(|exception| exception.name() == "QuotaExceededError" || exception.code() == 22)
}

/// Reads the saved plan once, at start.
pub fn load_plan() -> LoadOutcome {
    let storage = match local_storage() {
        Ok(storage) => storage,
        Err(reason) => return LoadOutcome::StorageUnavailable { reason },
    };
    let text = match storage.get_item(PLAN_KEY) {
        Ok(Some(text)) => text,
        Ok(None) => return LoadOutcome::NothingSaved,
        Err(error) => {
            return LoadOutcome::StorageUnavailable {
                reason: describe_js_error(&error),
            }
        }
    };
    match parse_plan(&text) {
        Ok(plan) => LoadOutcome::Loaded(Box::new(plan)),
        Err(problem) => LoadOutcome::Unreadable(UnreadablePlan {
            problem: problem.to_string(),
            backup_key: back_up_unreadable(&storage, &text),
            text,
        }),
    }
}

/// Copies unreadable text under a key of its own, unless an identical copy
/// is already kept. Returns the key holding the copy.
fn back_up_unreadable(storage: &Storage, text: &str) -> Option<String> {
    if let Some(existing) = unreadable_backups()
        .into_iter()
        .find(|backup| backup.text == text)
    {
        return Some(existing.key);
    }
    let key = format!("{UNREADABLE_KEY_PREFIX}{}", crate::clock::now());
    storage.set_item(&key, text).ok().map(|()| key)
}

/// Writes the plan.
pub fn save_plan(plan: &Plan) -> Result<(), SaveError> {
    let storage = local_storage().map_err(|reason| SaveError::Refused { reason })?;
    storage
        .set_item(PLAN_KEY, &to_storage_text(plan))
        .map_err(|error| {
            if is_quota_error(&error) {
                SaveError::QuotaExceeded
            } else {
                SaveError::Refused {
                    reason: describe_js_error(&error),
                }
            }
        })
}

/// Every kept copy of unreadable text, oldest first.
pub fn unreadable_backups() -> Vec<UnreadableBackup> {
    let Ok(storage) = local_storage() else {
        return Vec::new();
    };
    let count = storage.length().unwrap_or(0);
    let mut backups: Vec<UnreadableBackup> = (0..count)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|key| key.starts_with(UNREADABLE_KEY_PREFIX))
        .filter_map(|key| {
            let text = storage.get_item(&key).ok().flatten()?;
            Some(UnreadableBackup { key, text })
        })
        .collect();
    backups.sort_by(|a, b| a.key.cmp(&b.key));
    backups
}

/// Deletes a kept copy once the person has downloaded it or no longer wants it.
pub fn discard_unreadable_backup(key: &str) -> Result<(), String> {
    if !key.starts_with(UNREADABLE_KEY_PREFIX) {
        return Err(format!("{key} is not a backup"));
    }
    let storage = local_storage()?;
    storage
        .remove_item(key)
        .map_err(|error| describe_js_error(&error))
}

/// Calls `on_change` with the new text (or `None` when it was removed)
/// whenever another tab of this site writes the plan.
pub fn watch_other_tabs(on_change: impl Fn(Option<String>) + 'static) {
    leptos::prelude::window_event_listener(leptos::ev::storage, move |event| {
        if event.key().as_deref() == Some(PLAN_KEY) {
            on_change(event.new_value());
        }
    });
}
