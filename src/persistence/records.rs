//! The small typed records Waypoint keeps beside the plan: when the plan was
//! last downloaded, the plan kept aside before a replacement, the theme, and
//! whether the example plan was kept. They go through gloo-storage, whose
//! calls throw where the browser blocks storage, so every one of them asks
//! first whether storage is there at all (once per visit).

use super::SaveError;
use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Whether this browser lets Waypoint use localStorage, asked once.
fn available() -> bool {
    thread_local! {
        static AVAILABLE: bool = web_sys::window()
            .and_then(|window| window.local_storage().ok().flatten())
            .is_some();
    }
    AVAILABLE.with(|available| *available)
}

const NO_STORAGE: &str = "this browser does not let Waypoint keep anything";

/// The record under `key`, if storage is there, holds one, and it reads.
pub(super) fn read<T: DeserializeOwned>(key: &str) -> Option<T> {
    available().then(|| LocalStorage::get(key).ok()).flatten()
}

/// Keeps `value` under `key`. A full storage is told apart by the error's
/// name, so the person hears that it is full rather than a browser message.
pub(super) fn write<T: Serialize>(key: &str, value: &T) -> Result<(), SaveError> {
    if !available() {
        return Err(SaveError::Refused {
            reason: NO_STORAGE.into(),
        });
    }
    LocalStorage::set(key, value).map_err(|error| match error {
        StorageError::JsError(error) if error.name == "QuotaExceededError" => {
            SaveError::QuotaExceeded
        }
        StorageError::JsError(error) => SaveError::Refused {
            reason: error.message,
        },
        other => SaveError::Refused {
            reason: other.to_string(),
        },
    })
}

/// A word kept as it is, not as JSON (the theme: the page reads it before
/// the app starts).
pub(super) fn read_word(key: &str) -> Option<String> {
    available()
        .then(|| LocalStorage::raw().get_item(key).ok().flatten())
        .flatten()
}

pub(super) fn write_word(key: &str, word: &str) -> Result<(), SaveError> {
    if !available() {
        return Err(SaveError::Refused {
            reason: NO_STORAGE.into(),
        });
    }
    LocalStorage::raw()
        .set_item(key, word)
        .map_err(|error| super::to_save_error(&error))
}

/// Forgets the record under `key`; nothing to do where storage is blocked.
pub(super) fn forget(key: &str) {
    if available() {
        LocalStorage::delete(key);
    }
}
