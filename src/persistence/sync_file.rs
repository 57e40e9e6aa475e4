//! The plan kept in a file the person chose (the File System Access API, in
//! Chromium on desktop): the file pickers, reading and writing the file, the
//! browser's permission to, and the file remembered across visits. The
//! browser can keep a file's handle in IndexedDB only, so that is where it
//! is kept, with when the file was last synced.
//!
//! Handles to the origin-private file system (`navigator.storage
//! .getDirectory()`) have the same interface, which is how the browser tests
//! stand in for a picked file.

use crate::domain::calendar::Timestamp;
use js_sys::{Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{FileSystemFileHandle, IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

#[wasm_bindgen]
extern "C" {
    /// The same handle, with the permission calls of the File System Access
    /// API, which web-sys offers only among its unstable interfaces.
    #[wasm_bindgen(js_name = FileSystemFileHandle)]
    type HandleWithPermissions;

    #[wasm_bindgen(method, catch, js_name = queryPermission)]
    fn query_permission(
        this: &HandleWithPermissions,
        descriptor: &JsValue,
    ) -> Result<Promise, JsValue>;

    #[wasm_bindgen(method, catch, js_name = requestPermission)]
    fn request_permission(
        this: &HandleWithPermissions,
        descriptor: &JsValue,
    ) -> Result<Promise, JsValue>;

    #[wasm_bindgen(catch, js_namespace = window, js_name = showSaveFilePicker)]
    fn show_save_file_picker(options: &JsValue) -> Result<Promise, JsValue>;

    #[wasm_bindgen(catch, js_namespace = window, js_name = showOpenFilePicker)]
    fn show_open_file_picker(options: &JsValue) -> Result<Promise, JsValue>;
}

/// Why the file could not be used, in words for the person.
#[derive(Clone, Debug, PartialEq)]
pub enum FileProblem {
    /// The browser (or the person) did not allow Waypoint to use it.
    NotAllowed,
    /// It is no longer where it was: moved, renamed or deleted.
    Gone,
    Other(String),
}

impl std::fmt::Display for FileProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NotAllowed => f.write_str("the browser did not allow Waypoint to use the file"),
            Self::Gone => {
                f.write_str("the file is no longer where it was (moved, renamed or deleted)")
            }
            Self::Other(detail) => write!(f, "the browser could not use the file ({detail})"),
        }
    }
}

fn problem_of(error: JsValue) -> FileProblem {
    let name = Reflect::get(&error, &"name".into())
        .ok()
        .and_then(|name| name.as_string())
        .unwrap_or_default();
    match name.as_str() {
        "NotAllowedError" | "SecurityError" => FileProblem::NotAllowed,
        "NotFoundError" => FileProblem::Gone,
        _ => FileProblem::Other(
            Reflect::get(&error, &"message".into())
                .ok()
                .and_then(|message| message.as_string())
                .filter(|message| !message.is_empty())
                .unwrap_or(name),
        ),
    }
}

/// Whether this browser lets a page keep a file the person picks.
pub fn file_pickers_available() -> bool {
    let window = leptos::prelude::window();
    Reflect::has(&window, &"showSaveFilePicker".into()).unwrap_or(false)
        && Reflect::has(&window, &"indexedDB".into()).unwrap_or(false)
}

/// Whether Waypoint may read and write the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Permission {
    Granted,
    /// The browser will ask the person (only after a click of theirs).
    Ask,
    Denied,
}

/// What the file held when it was read.
#[derive(Clone, Debug, PartialEq)]
pub struct FileContents {
    pub text: String,
    pub version: FileVersion,
}

/// When the file was last written and how long it is: enough to tell that it
/// has not changed without reading it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FileVersion {
    pub modified: f64,
    pub size: f64,
}

/// A file the plan is kept in.
#[derive(Clone, Debug, PartialEq)]
pub struct KeptFile {
    handle: FileSystemFileHandle,
}

impl KeptFile {
    /// A file from a handle (a picked file, or one of the origin-private
    /// file system in tests).
    pub fn from_handle(handle: FileSystemFileHandle) -> Self {
        Self { handle }
    }

    /// The file's name (browsers don't tell pages where it is).
    pub fn name(&self) -> String {
        self.handle.name()
    }

    /// Whether Waypoint may read and write the file; with `ask`, the
    /// browser asks the person if it needs to (which needs a click of theirs).
    pub async fn permission(&self, ask: bool) -> Permission {
        let descriptor = Object::new();
        let _ = Reflect::set(&descriptor, &"mode".into(), &"readwrite".into());
        let handle: &HandleWithPermissions = self.handle.unchecked_ref();
        let has_permissions =
            Reflect::has(&self.handle, &"queryPermission".into()).unwrap_or(false);
        if !has_permissions {
            // Handles of the origin-private file system need no permission.
            return Permission::Granted;
        }
        let promise = if ask {
            handle.request_permission(&descriptor)
        } else {
            handle.query_permission(&descriptor)
        };
        let Ok(promise) = promise else {
            return Permission::Denied;
        };
        match JsFuture::from(promise)
            .await
            .ok()
            .and_then(|state| state.as_string())
        {
            Some(state) if state == "granted" => Permission::Granted,
            Some(state) if state == "prompt" => Permission::Ask,
            _ => Permission::Denied,
        }
    }

    /// When the file last changed, without reading it.
    pub async fn version(&self) -> Result<FileVersion, FileProblem> {
        let file = self.file().await?;
        Ok(FileVersion {
            modified: file.last_modified(),
            size: file.size(),
        })
    }

    /// The file's text and version.
    pub async fn read(&self) -> Result<FileContents, FileProblem> {
        let file = self.file().await?;
        let version = FileVersion {
            modified: file.last_modified(),
            size: file.size(),
        };
        let text = JsFuture::from(file.text()).await.map_err(problem_of)?;
        let text = text
            .dyn_ref::<js_sys::JsString>()
            .map(crate::js_text::from_js)
            .unwrap_or_default();
        Ok(FileContents { text, version })
    }

    async fn file(&self) -> Result<web_sys::File, FileProblem> {
        let file = JsFuture::from(self.handle.get_file())
            .await
            .map_err(problem_of)?;
        Ok(file.unchecked_into())
    }

    /// Writes `text` as the file's whole content. Browsers write to a copy
    /// and put it in place when it is closed, so a write cut short leaves the
    /// file as it was.
    pub async fn write(&self, text: &str) -> Result<FileVersion, FileProblem> {
        let writable: web_sys::FileSystemWritableFileStream =
            JsFuture::from(self.handle.create_writable())
                .await
                .map_err(problem_of)?
                .unchecked_into();
        let written = match writable.write_with_str(text) {
            Ok(promise) => JsFuture::from(promise).await.map(drop),
            Err(error) => Err(error),
        };
        if let Err(error) = written {
            let _ = JsFuture::from(writable.abort()).await;
            return Err(problem_of(error));
        }
        JsFuture::from(writable.close()).await.map_err(problem_of)?;
        self.version().await
    }
}

fn picker_options(suggested_name: Option<&str>) -> JsValue {
    let accept = Object::new();
    let _ = Reflect::set(
        &accept,
        &"application/json".into(),
        &js_sys::Array::of1(&".json".into()),
    );
    let kind = Object::new();
    let _ = Reflect::set(&kind, &"description".into(), &"Waypoint plan".into());
    let _ = Reflect::set(&kind, &"accept".into(), &accept);
    let options = Object::new();
    let _ = Reflect::set(&options, &"types".into(), &js_sys::Array::of1(&kind));
    // The pickers open where the last one for this purpose was left.
    let _ = Reflect::set(&options, &"id".into(), &"waypoint-plan".into());
    if let Some(name) = suggested_name {
        let _ = Reflect::set(&options, &"suggestedName".into(), &name.into());
    }
    options.into()
}

/// The person picks where to keep the plan: a new file, or an existing one
/// to use (the save dialog allows both). `None` when they cancel.
pub async fn pick_file_to_keep(suggested_name: &str) -> Result<Option<KeptFile>, FileProblem> {
    let promise =
        show_save_file_picker(&picker_options(Some(suggested_name))).map_err(problem_of)?;
    settle_pick(JsFuture::from(promise).await).map(|handle| handle.map(KeptFile::from_handle))
}

/// The person picks a plan file another device keeps the plan in.
pub async fn pick_kept_file() -> Result<Option<KeptFile>, FileProblem> {
    let promise = show_open_file_picker(&picker_options(None)).map_err(problem_of)?;
    let picked = settle_pick(JsFuture::from(promise).await)?;
    Ok(picked
        .and_then(|files| js_sys::Array::from(&files).get(0).dyn_into().ok())
        .map(KeptFile::from_handle))
}

/// A picker's answer: the handle(s), `None` when the person cancelled.
fn settle_pick<T: JsCast>(answer: Result<JsValue, JsValue>) -> Result<Option<T>, FileProblem> {
    match answer {
        Ok(handle) => Ok(handle.dyn_into().ok()),
        Err(error) => {
            let cancelled = Reflect::get(&error, &"name".into())
                .ok()
                .and_then(|name| name.as_string())
                .is_some_and(|name| name == "AbortError");
            if cancelled {
                Ok(None)
            } else {
                Err(problem_of(error))
            }
        }
    }
}

/// The file remembered from an earlier visit, with how far it was synced.
#[derive(Clone, Debug, PartialEq)]
pub struct RememberedFile {
    pub file: KeptFile,
    /// The newest time in the plan when it was last synced with the file.
    pub synced_through: Option<Timestamp>,
    /// When that was.
    pub synced_at: Option<Timestamp>,
}

const DATABASE: &str = "waypoint";
const STORE: &str = "kept-file";
const KEY: &str = "plan-file";

/// Waits for an IndexedDB request to finish.
async fn finished(request: &IdbRequest) -> Result<JsValue, JsValue> {
    let promise = Promise::new(&mut |resolve, reject| {
        let done = request.clone();
        let on_success = Closure::once_into_js(move || {
            let _ = resolve.call1(
                &JsValue::UNDEFINED,
                &done.result().unwrap_or(JsValue::UNDEFINED),
            );
        });
        let failed = request.clone();
        let on_error = Closure::once_into_js(move || {
            let error = failed
                .error()
                .ok()
                .flatten()
                .map_or(JsValue::NULL, JsValue::from);
            let _ = reject.call1(&JsValue::UNDEFINED, &error);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise).await
}

/// Waits until a transaction's writes are stored: a reload right after
/// must find them.
async fn committed(transaction: &IdbTransaction) -> Result<(), JsValue> {
    let promise = Promise::new(&mut |resolve, reject| {
        let on_complete = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        });
        let failed = transaction.clone();
        let on_error = Closure::once_into_js(move || {
            let error = failed.error().map_or(JsValue::NULL, JsValue::from);
            let _ = reject.call1(&JsValue::UNDEFINED, &error);
        });
        transaction.set_oncomplete(Some(on_complete.unchecked_ref()));
        transaction.set_onerror(Some(on_error.unchecked_ref()));
        transaction.set_onabort(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise).await.map(drop)
}

async fn database() -> Result<IdbDatabase, JsValue> {
    let factory = leptos::prelude::window()
        .indexed_db()?
        .ok_or_else(|| JsValue::from_str("IndexedDB is not available"))?;
    let request = factory.open_with_u32(DATABASE, 1)?;
    let upgrading = request.clone();
    let on_upgrade = Closure::once_into_js(move || {
        if let Ok(database) = upgrading.result() {
            let database: IdbDatabase = database.unchecked_into();
            let _ = database.create_object_store(STORE);
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    Ok(finished(&request).await?.unchecked_into())
}

/// The file kept from an earlier visit, if any.
pub async fn remembered_file() -> Option<RememberedFile> {
    let database = database().await.ok()?;
    let store = database
        .transaction_with_str(STORE)
        .and_then(|transaction| transaction.object_store(STORE))
        .ok()?;
    let record = finished(&store.get(&KEY.into()).ok()?).await.ok()?;
    database.close();
    let handle: FileSystemFileHandle = Reflect::get(&record, &"handle".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let time = |field: &str| {
        Reflect::get(&record, &field.into())
            .ok()
            .and_then(|text| text.as_string())
            .and_then(|text| Timestamp::parse(&text))
    };
    Some(RememberedFile {
        file: KeptFile::from_handle(handle),
        synced_through: time("syncedThrough"),
        synced_at: time("syncedAt"),
    })
}

/// Remembers the file for later visits, with how far it is synced.
pub async fn remember_file(remembered: &RememberedFile) -> Result<(), String> {
    let record = Object::new();
    let _ = Reflect::set(&record, &"handle".into(), &remembered.file.handle);
    for (field, time) in [
        ("syncedThrough", remembered.synced_through),
        ("syncedAt", remembered.synced_at),
    ] {
        let value = time.map_or(JsValue::NULL, |time| time.to_string().into());
        let _ = Reflect::set(&record, &field.into(), &value);
    }
    let stored = async {
        let database = database().await?;
        let transaction =
            database.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?;
        transaction
            .object_store(STORE)?
            .put_with_key(&record, &KEY.into())?;
        let written = committed(&transaction).await;
        database.close();
        written
    };
    stored
        .await
        .map_err(|error| format!("{}", problem_of(error)))
}

/// Forgets the kept file (the file itself stays where it is).
pub async fn forget_file() {
    let forgotten = async {
        let database = database().await?;
        let transaction =
            database.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?;
        transaction.object_store(STORE)?.delete(&KEY.into())?;
        let done = committed(&transaction).await;
        database.close();
        done
    };
    let _ = forgotten.await;
}
