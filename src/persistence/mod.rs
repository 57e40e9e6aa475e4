//! The one door to the browser's localStorage. Nothing else reads or writes it.
//!
//! The plan's own text takes a fast path of its own (it is a megabyte or more
//! on a large plan); the small typed records beside it go through
//! gloo-storage (`records`).
//!
//! Two rules keep a person's plan safe:
//! - "nothing saved yet" and "saved, but unreadable" are different outcomes;
//!   unreadable text is copied under its own key before anything could
//!   overwrite it, and the app never saves while that copy is missing;
//! - a failed write is reported, never swallowed.

use crate::domain::calendar::Timestamp;
use crate::domain::format::{check_integrity, parse_plan};
use crate::domain::plan::{Plan, FORMAT_ID, SCHEMA_VERSION};
use crate::js_text;
use js_sys::JsString;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Storage;

mod records;

#[wasm_bindgen]
extern "C" {
    /// The same `Storage` object, with `getItem` leaving the text in
    /// JavaScript: see [`read_text`].
    #[wasm_bindgen(js_name = Storage)]
    type StorageInJs;

    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item(this: &StorageInJs, key: &str) -> Result<Option<JsString>, JsValue>;

    /// The same `StorageEvent`, with the new text left in JavaScript.
    #[wasm_bindgen(js_name = StorageEvent)]
    type StorageEventInJs;

    #[wasm_bindgen(method, getter, js_name = newValue)]
    fn new_value(this: &StorageEventInJs) -> Option<JsString>;
}

fn get_item_in_js(storage: &Storage, key: &str) -> Result<Option<JsString>, JsValue> {
    storage.unchecked_ref::<StorageInJs>().get_item(key)
}

/// A stored text, brought into Rust the quick way (a plan is a megabyte or more).
fn read_text(storage: &Storage, key: &str) -> Result<Option<String>, JsValue> {
    Ok(get_item_in_js(storage, key)?.map(|text| js_text::from_js(&text)))
}

/// Where the plan lives.
pub const PLAN_KEY: &str = "waypoint.plan";
/// Unreadable plans are kept under this prefix plus the time they were found.
pub const UNREADABLE_KEY_PREFIX: &str = "waypoint.unreadable.";

/// The plan as it was before the last import, merge or fresh start.
pub const PREVIOUS_PLAN_KEY: &str = "waypoint.previous-plan";
/// When the plan was last downloaded, and until when the reminder is snoozed.
pub const EXPORT_RECORD_KEY: &str = "waypoint.last-export";
/// Every key of Waypoint's starts with this.
const KEY_PREFIX: &str = "waypoint.";
/// What browsers commonly allow one site in local storage: 5 MiB, counted in
/// UTF-16 code units of keys and values (Chromium allows 10 MiB of bytes at
/// two bytes per unit; Firefox and Safari 5 MiB).
pub const COMMON_QUOTA_UNITS: usize = 5 * 1024 * 1024;

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
    let text = match read_text(&storage, PLAN_KEY) {
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

/// Writes the plan, given as its storage text (`to_storage_text`, or the
/// store's `StorageText` that keeps it between saves).
pub fn save_plan_text(text: &str) -> Result<(), SaveError> {
    let storage = local_storage().map_err(|reason| SaveError::Refused { reason })?;
    storage
        .set_item(PLAN_KEY, text)
        .map_err(|error| to_save_error(&error))
}

fn to_save_error(error: &wasm_bindgen::JsValue) -> SaveError {
    if is_quota_error(error) {
        SaveError::QuotaExceeded
    } else {
        SaveError::Refused {
            reason: describe_js_error(error),
        }
    }
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
            let text = read_text(&storage, &key).ok().flatten()?;
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
            let text = event.unchecked_ref::<StorageEventInJs>().new_value();
            on_change(text.map(|text| js_text::from_js(&text)));
        }
    });
}

/// A whole plan kept aside before an import, merge or fresh start replaced it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PreviousPlan {
    /// What replaced it, in words: "an import of plan.json", "a fresh start".
    pub replaced_by: String,
    pub kept_at: Timestamp,
    pub plan: Plan,
}

/// Keeps `previous` under its own key, replacing any earlier one.
pub fn keep_previous_plan(previous: &PreviousPlan) -> Result<(), SaveError> {
    records::write(PREVIOUS_PLAN_KEY, previous)
}

/// The plan kept before the last import, merge or fresh start, if any can be read.
pub fn previous_plan() -> Option<PreviousPlan> {
    let previous: PreviousPlan = records::read(PREVIOUS_PLAN_KEY)?;
    // The kept plan must pass the same checks as any file of this version.
    let plan = &previous.plan;
    let current = plan.format == FORMAT_ID && plan.schema_version == SCHEMA_VERSION;
    (current && check_integrity(plan).is_ok()).then_some(previous)
}

pub fn discard_previous_plan() {
    records::forget(PREVIOUS_PLAN_KEY);
}

/// When the person last downloaded their plan, and whether they asked not to
/// be reminded for a while.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ExportRecord {
    pub exported_at: Option<Timestamp>,
    pub snoozed_until: Option<Timestamp>,
}

pub fn export_record() -> ExportRecord {
    records::read(EXPORT_RECORD_KEY).unwrap_or_default()
}

pub fn save_export_record(record: ExportRecord) -> Result<(), SaveError> {
    records::write(EXPORT_RECORD_KEY, &record)
}

/// How much of the site's local storage Waypoint uses, in UTF-16 code units
/// (the unit browsers count quotas in).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct StorageUsage {
    /// The plan itself.
    pub plan_units: usize,
    /// Everything Waypoint keeps: the plan, the previous plan, unreadable copies.
    pub waypoint_units: usize,
    /// Everything this site keeps.
    pub site_units: usize,
}

impl StorageUsage {
    /// Share of the common quota in use, in whole percent.
    pub fn percent_of_common_quota(&self) -> u32 {
        (self.site_units as f64 * 100.0 / COMMON_QUOTA_UNITS as f64).round() as u32
    }
}

pub fn storage_usage() -> StorageUsage {
    let Ok(storage) = local_storage() else {
        return StorageUsage::default();
    };
    let mut usage = StorageUsage::default();
    let count = storage.length().unwrap_or(0);
    for key in (0..count).filter_map(|index| storage.key(index).ok().flatten()) {
        // JavaScript counts in UTF-16 units already: no text needs to cross.
        let value_units = get_item_in_js(&storage, &key)
            .ok()
            .flatten()
            .map_or(0, |value| value.length() as usize);
        let units = key.encode_utf16().count() + value_units;
        usage.site_units += units;
        if key.starts_with(KEY_PREFIX) {
            usage.waypoint_units += units;
        }
        if key == PLAN_KEY {
            usage.plan_units = units;
        }
    }
    usage
}

/// Whether the browser has agreed to keep this site's storage until the
/// person clears it themselves.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Persistence {
    Granted,
    /// The browser may clear the storage when the device runs short of space.
    NotGranted,
    /// The browser has no way to ask (an older browser, or a page opened from a file).
    NotSupported,
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Absent on file:// pages and in older browsers.
    js_sys::Reflect::has(&navigator, &"storage".into())
        .unwrap_or(false)
        .then(|| navigator.storage())
}

async fn ask(promise: Result<js_sys::Promise, wasm_bindgen::JsValue>) -> Persistence {
    let Ok(promise) = promise else {
        return Persistence::NotSupported;
    };
    match JsFuture::from(promise).await {
        Ok(answer) if answer.as_bool() == Some(true) => Persistence::Granted,
        Ok(_) => Persistence::NotGranted,
        Err(_) => Persistence::NotSupported,
    }
}

/// Whether storage is already persistent.
pub async fn storage_persistence() -> Persistence {
    match storage_manager() {
        Some(manager) => ask(manager.persisted()).await,
        None => Persistence::NotSupported,
    }
}

/// Asks the browser to keep storage until the person clears it.
pub async fn request_storage_persistence() -> Persistence {
    match storage_manager() {
        Some(manager) => ask(manager.persist()).await,
        None => Persistence::NotSupported,
    }
}

/// Set once the person chose to keep the example plan as their own.
pub const EXAMPLE_KEPT_KEY: &str = "waypoint.example-kept";

pub fn example_kept() -> bool {
    records::read_word(EXAMPLE_KEPT_KEY).is_some()
}

pub fn keep_example() -> Result<(), SaveError> {
    records::write_word(EXAMPLE_KEPT_KEY, "yes")
}

/// Where the person's choice of colour theme is kept.
pub const THEME_KEY: &str = "waypoint.theme";

/// The colour theme the person chose in the header.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ThemePreference {
    /// Follow the system's light or dark setting.
    #[default]
    System,
    Light,
    Dark,
}

impl ThemePreference {
    pub const ALL: [Self; 3] = [Self::System, Self::Light, Self::Dark];

    /// The word stored, also the `<option>` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::System => "system",
            Self::Light => "light",
            Self::Dark => "dark",
        }
    }

    pub fn from_word(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|theme| theme.as_str() == text)
    }
}

/// The saved theme; anything missing, unreadable or unknown follows the system.
pub fn theme_preference() -> ThemePreference {
    records::read_word(THEME_KEY)
        .and_then(|word| ThemePreference::from_word(&word))
        .unwrap_or_default()
}

/// Remembers the theme, as its word (the page reads it before the app
/// starts); following the system is the default, so it is stored by
/// removing the key.
pub fn save_theme_preference(theme: ThemePreference) -> Result<(), SaveError> {
    match theme {
        ThemePreference::System => {
            records::forget(THEME_KEY);
            Ok(())
        }
        theme => records::write_word(THEME_KEY, theme.as_str()),
    }
}
