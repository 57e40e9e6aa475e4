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
use crate::domain::format::PlanFileError;
use crate::domain::plan::Plan;
use crate::domain::reader::{read_plan, Explanation, Origin, ReadPlan, Repair};
use crate::js_text;
use js_sys::JsString;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Storage;

mod records;
pub mod sync_file;

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
/// A saved plan that opened only with repairs is kept as it was under this
/// prefix plus the time it was repaired.
pub const BEFORE_REPAIR_KEY_PREFIX: &str = "waypoint.before-repair.";

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
    /// A first visit, storage cleared, or nothing but blank text: start a
    /// new plan.
    NothingSaved,
    Loaded(Box<Plan>),
    /// A plan that opened only with repairs; the text as it was is kept.
    Repaired(Box<Plan>, RepairedPlan),
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
    /// Where in the text, for the curious.
    pub detail: Option<String>,
    /// The text itself, so the person can download it whatever else fails.
    pub text: String,
    /// Where the text was copied, or `None` when even that failed, in which
    /// case the app must not save over the original.
    pub backup_key: Option<String>,
}

/// A saved plan that opened with repairs.
#[derive(Clone, Debug, PartialEq)]
pub struct RepairedPlan {
    pub repairs: Vec<Repair>,
    /// The text as it was saved, to download whatever else fails.
    pub text: String,
    /// Where that text was copied, or `None` when even that failed, in
    /// which case the app must not save the repaired plan over it until
    /// the person has downloaded it.
    pub backup_key: Option<String>,
}

/// Why a text was kept aside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeptBecause {
    /// It could not be read as a plan.
    Unreadable,
    /// It was read, but only with repairs; this is the text before them.
    Repaired,
}

/// A copy of saved text kept aside in storage.
#[derive(Clone, Debug, PartialEq)]
pub struct KeptText {
    pub key: String,
    pub text: String,
    pub because: KeptBecause,
    /// When it was kept, as the key says (`2026-11-23T10:00:00Z`).
    pub kept_at: String,
}

impl KeptText {
    /// The day it was kept, on the person's calendar ("23 Nov 2026"); the
    /// key's own words if they are not a time.
    pub fn kept_on(&self) -> String {
        Timestamp::parse(&self.kept_at).map_or_else(
            || self.kept_at.clone(),
            |instant| crate::clock::local_date(instant).short_label(),
        )
    }
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

/// Reads the saved plan once, at start, through the one careful reader.
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
    match read_plan(&text) {
        Ok(ReadPlan { plan, repairs }) if repairs.is_empty() => LoadOutcome::Loaded(Box::new(plan)),
        Ok(ReadPlan { plan, repairs }) => LoadOutcome::Repaired(
            Box::new(plan),
            RepairedPlan {
                repairs,
                backup_key: keep_aside(&storage, KeptBecause::Repaired, &text),
                text,
            },
        ),
        // Nothing to lose, and nothing worth a copy.
        Err(PlanFileError::Empty | PlanFileError::Blank) => LoadOutcome::NothingSaved,
        Err(problem) => {
            let Explanation { message, detail } = problem.explain(Origin::Saved);
            LoadOutcome::Unreadable(UnreadablePlan {
                problem: message,
                detail,
                backup_key: keep_aside(&storage, KeptBecause::Unreadable, &text),
                text,
            })
        }
    }
}

fn prefix_for(because: KeptBecause) -> &'static str {
    match because {
        KeptBecause::Unreadable => UNREADABLE_KEY_PREFIX,
        KeptBecause::Repaired => BEFORE_REPAIR_KEY_PREFIX,
    }
}

/// Copies saved text under a key of its own, unless an identical copy is
/// already kept for the same reason. Returns the key holding the copy.
fn keep_aside(storage: &Storage, because: KeptBecause, text: &str) -> Option<String> {
    if let Some(existing) = kept_texts()
        .into_iter()
        .find(|kept| kept.because == because && kept.text == text)
    {
        return Some(existing.key);
    }
    let key = format!("{}{}", prefix_for(because), crate::clock::now());
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

/// Every copy of saved text kept aside, oldest first.
pub fn kept_texts() -> Vec<KeptText> {
    let Ok(storage) = local_storage() else {
        return Vec::new();
    };
    let count = storage.length().unwrap_or(0);
    let mut kept: Vec<KeptText> = (0..count)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter_map(|key| {
            let because = [KeptBecause::Unreadable, KeptBecause::Repaired]
                .into_iter()
                .find(|&because| key.starts_with(prefix_for(because)))?;
            let text = read_text(&storage, &key).ok().flatten()?;
            Some(KeptText {
                kept_at: key[prefix_for(because).len()..].to_owned(),
                key,
                text,
                because,
            })
        })
        .collect();
    kept.sort_by(|a, b| a.kept_at.cmp(&b.kept_at));
    kept
}

/// Deletes a kept copy once the person has downloaded it or no longer wants it.
pub fn discard_kept_text(key: &str) -> Result<(), String> {
    if !key.starts_with(UNREADABLE_KEY_PREFIX) && !key.starts_with(BEFORE_REPAIR_KEY_PREFIX) {
        return Err(format!("{key} is not a kept copy"));
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

/// The plan kept aside as found in storage: read (perhaps with repairs,
/// through the same reader as any plan), or kept as text that can't be.
#[derive(Clone, Debug, PartialEq)]
pub enum KeptPrevious {
    Read {
        previous: Box<PreviousPlan>,
        repairs: Vec<Repair>,
    },
    Unreadable {
        text: String,
        problem: Explanation,
    },
}

/// The plan kept before the last import, merge or fresh start, if any.
pub fn previous_plan() -> Option<KeptPrevious> {
    let storage = local_storage().ok()?;
    let text = read_text(&storage, PREVIOUS_PLAN_KEY).ok().flatten()?;
    Some(read_previous(text))
}

/// A kept record's text: what replaced the plan and when, and the plan
/// itself, read carefully.
fn read_previous(text: String) -> KeptPrevious {
    #[derive(Deserialize)]
    struct Record<'a> {
        replaced_by: String,
        kept_at: Timestamp,
        #[serde(borrow)]
        plan: &'a serde_json::value::RawValue,
    }
    let record = match serde_json::from_str::<Record>(&text) {
        Ok(record) => record,
        Err(_) => {
            // Not a record at all: perhaps the plan alone.
            let problem = match read_plan(&text) {
                Ok(_) => PlanFileError::NotAPlan.explain(Origin::Kept),
                Err(problem) => problem.explain(Origin::Kept),
            };
            return KeptPrevious::Unreadable { text, problem };
        }
    };
    match read_plan(record.plan.get()) {
        Ok(ReadPlan { plan, repairs }) => KeptPrevious::Read {
            previous: Box::new(PreviousPlan {
                replaced_by: record.replaced_by,
                kept_at: record.kept_at,
                plan,
            }),
            repairs,
        },
        Err(problem) => {
            let problem = problem.explain(Origin::Kept);
            KeptPrevious::Unreadable { text, problem }
        }
    }
}

pub fn discard_previous_plan() {
    records::forget(PREVIOUS_PLAN_KEY);
}

/// Where syncing by hand (a chosen file merged in, the result downloaded)
/// last left off on this device.
pub const BY_HAND_SYNC_KEY: &str = "waypoint.sync-by-hand";

/// The last sync by hand on this device.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ByHandSync {
    /// The file chosen, by its name.
    pub file_name: String,
    /// The newest time in the plan as it was synced, which tells a change
    /// made since on both devices from one made on one.
    pub synced_through: Option<Timestamp>,
    pub synced_at: Timestamp,
}

pub fn by_hand_sync() -> Option<ByHandSync> {
    records::read(BY_HAND_SYNC_KEY)
}

pub fn save_by_hand_sync(sync: &ByHandSync) -> Result<(), SaveError> {
    records::write(BY_HAND_SYNC_KEY, sync)
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
    /// The plan kept aside before the last replacement.
    pub previous_units: usize,
    /// Saved texts kept aside (unreadable, or as they were before repairs).
    pub kept_texts_units: usize,
    /// Everything Waypoint keeps: the plan, the previous plan, kept texts.
    pub waypoint_units: usize,
    /// Everything this site keeps.
    pub site_units: usize,
}

impl StorageUsage {
    /// Share of the common quota in use, in whole percent.
    pub fn percent_of_common_quota(&self) -> u32 {
        (self.site_units as f64 * 100.0 / COMMON_QUOTA_UNITS as f64).round() as u32
    }

    /// Whether a plan whose storage text is `plan_units` long fits in place
    /// of the current one, with the current one kept aside as the plan
    /// before (in place of any kept now), and without that copy.
    pub fn fit(&self, plan_units: usize) -> Fit {
        let others = self
            .site_units
            .saturating_sub(self.plan_units + self.previous_units);
        let plan = PLAN_KEY.len() + plan_units;
        // The record of the plan kept aside: the current plan's text and a
        // few words around it.
        let copy = PREVIOUS_PLAN_KEY.len() + self.plan_units.saturating_sub(PLAN_KEY.len()) + 200;
        let room = COMMON_QUOTA_UNITS - FIT_MARGIN_UNITS;
        Fit {
            with_copy: others + plan + copy <= room,
            without_copy: others + plan <= room,
            needed_units: others + plan + copy,
            plan_units: plan,
            kept_units: self.previous_units + self.kept_texts_units,
            room_units: COMMON_QUOTA_UNITS,
        }
    }
}

/// Kept free when checking whether a plan fits: the browser's own count of
/// a text can differ a little from ours.
const FIT_MARGIN_UNITS: usize = 16 * 1024;

/// Whether a plan would fit in this browser's storage, checked before it
/// takes the current plan's place.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fit {
    /// It fits, with the current plan kept aside as the plan before.
    pub with_copy: bool,
    /// It fits without that copy.
    pub without_copy: bool,
    /// What all Waypoint and this site keep would take, with the copy.
    pub needed_units: usize,
    /// The plan alone.
    pub plan_units: usize,
    /// The copies kept now (the plan before, kept texts): what deleting
    /// them would free.
    pub kept_units: usize,
    pub room_units: usize,
}

impl Fit {
    /// Why it won't fit, and what can be done, in words; `None` when it fits
    /// with the copy.
    pub fn refusal(&self) -> Option<String> {
        if self.with_copy {
            return None;
        }
        let mb = |units: usize| format!("{:.1} MB", units as f64 / 1_048_576.0);
        let mut words = if self.without_copy {
            format!(
                "This won't fit in this browser's storage together with the copy of your \
                 current plan that Waypoint keeps first: the two need about {}, and this browser \
                 gives Waypoint about {}. Nothing has changed.",
                mb(self.needed_units),
                mb(self.room_units)
            )
        } else {
            format!(
                "This plan won't fit in this browser's storage: it takes about {} as Waypoint \
                 keeps it, and this browser gives Waypoint about {} in all. Nothing has changed.",
                mb(self.plan_units),
                mb(self.room_units)
            )
        };
        if self.kept_units > 0 {
            words.push_str(&format!(
                " Copies Waypoint keeps (your plan before, saved texts) take {}; you can \
                 download them and delete them to make room.",
                mb(self.kept_units)
            ));
        }
        Some(words)
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
        } else if key == PREVIOUS_PLAN_KEY {
            usage.previous_units = units;
        } else if key.starts_with(UNREADABLE_KEY_PREFIX)
            || key.starts_with(BEFORE_REPAIR_KEY_PREFIX)
        {
            usage.kept_texts_units += units;
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
