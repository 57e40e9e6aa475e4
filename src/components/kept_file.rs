//! The plan kept in a file the person chose, where the browser lets a page
//! keep one (the File System Access API: Chromium on desktop). The file sits
//! in a folder the person's devices share; each device writes its plan there
//! after every save, and when Waypoint comes back into view (the page shown
//! again, or the window focused) it reads the file and merges in what other
//! devices wrote, the same sync step "Sync with a file…" makes by hand.
//!
//! Nothing here touches storage itself: the file and its remembered handle
//! go through `persistence::sync_file`, the plan through the store.

use crate::clock;
use crate::components::sync_panel::{clock_time, sync_with_file_text, sync_words, FileSynced};
use crate::domain::calendar::Timestamp;
use crate::domain::format::{to_file_text, PlanFileError, MAX_PLAN_FILE_BYTES};
use crate::domain::merge::{lacks_unrecorded_items, merge_plans};
use crate::domain::plan::Plan;
use crate::domain::stamps::newest_time;
use crate::import_flow::ImportFlow;
use crate::persistence::sync_file::{
    self, FileProblem, FileVersion, KeptFile, Permission, RememberedFile,
};
use crate::state::PlanStore;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::rc::Rc;

/// The name a new file is offered under.
const NEW_FILE_NAME: &str = "waypoint-plan.json";

/// Where keeping the plan in a file stands, as the page shows it.
#[derive(Clone, Debug, PartialEq)]
pub enum KeptState {
    /// The plan is kept in this browser only.
    NotKept,
    /// Looking for the file remembered from an earlier visit.
    Starting,
    /// The browser wants the person's permission again (which takes a click
    /// of theirs); until then the file is neither read nor written.
    NeedsPermission { name: String },
    Kept {
        name: String,
        synced_at: Option<Timestamp>,
    },
    /// The file could not be used; nothing is written to it until it can be
    /// read as a plan again.
    Paused { name: String, problem: String },
}

/// The file in use and how this device last left it.
#[derive(Clone)]
struct Link {
    file: KeptFile,
    /// The file as this device last read or wrote it: while it stays so,
    /// no other device has written it since.
    seen: Option<FileVersion>,
    /// A digest of the text it held then, to skip writing the same again.
    seen_digest: Option<u64>,
    /// The plan the file held then, known in this visit.
    file_plan: Option<Rc<Plan>>,
    /// When this device last took in what the file held: the newest time
    /// in the plan then. Changes made here after it that the file has not
    /// seen, and changes there after it, were made apart.
    met_at: Option<Timestamp>,
}

impl Link {
    fn new(file: KeptFile, met_at: Option<Timestamp>) -> Self {
        Self {
            file,
            seen: None,
            seen_digest: None,
            file_plan: None,
            met_at,
        }
    }

    /// When this device and the file's plan `theirs` last met: when this
    /// device last wrote the file, if `theirs` holds everything written
    /// then (the device that wrote it since had seen it); otherwise when
    /// this device last took in what the file held.
    fn met_with(&self, theirs: &Plan) -> Option<Timestamp> {
        let written_seen = self.file_plan.as_deref().is_some_and(|written| {
            merge_plans(theirs, written, None).is_ok_and(|(merged, _)| merged == *theirs)
        });
        if written_seen {
            self.file_plan
                .as_deref()
                .and_then(newest_time)
                .max(self.met_at)
        } else {
            self.met_at
        }
    }
}

/// Keeps the plan in a file: shared by context, started once by `App`.
#[derive(Clone, Copy)]
pub struct KeptFileSync {
    store: PlanStore,
    flow: ImportFlow,
    state: RwSignal<KeptState>,
    /// What the last choice of the person's came to, when it needs saying.
    said: RwSignal<Option<Said>>,
    /// The person was asked for permission to use the file and it was not given.
    asked_in_vain: RwSignal<bool>,
    link: StoredValue<Option<Link>, LocalStorage>,
    /// Grows whenever the file in use changes, so that a sync that began
    /// with another file leaves the new one alone.
    generation: StoredValue<u64>,
    busy: StoredValue<bool>,
    /// Asked to sync while a sync was under way: one more follows it.
    again: StoredValue<bool>,
}

/// A word on the person's last choice.
#[derive(Clone, Debug, PartialEq)]
pub enum Said {
    Done(String),
    Refused(String),
}

impl KeptFileSync {
    pub fn new(store: PlanStore, flow: ImportFlow) -> Self {
        Self {
            store,
            flow,
            state: RwSignal::new(KeptState::NotKept),
            said: RwSignal::new(None),
            asked_in_vain: RwSignal::new(false),
            link: StoredValue::new_local(None),
            generation: StoredValue::new(0),
            busy: StoredValue::new(false),
            again: StoredValue::new(false),
        }
    }

    /// Whether this browser can keep the plan in a file at all.
    pub fn available() -> bool {
        sync_file::file_pickers_available()
    }

    pub fn state(&self) -> ReadSignal<KeptState> {
        self.state.read_only()
    }

    pub fn said(&self) -> ReadSignal<Option<Said>> {
        self.said.read_only()
    }

    /// Picks up the file remembered from an earlier visit, then syncs with
    /// it after every save and whenever Waypoint comes back into view.
    pub fn start(self) {
        if !Self::available() {
            return;
        }
        self.state.set(KeptState::Starting);
        spawn_local(async move {
            match sync_file::remembered_file().await {
                Some(remembered) => {
                    self.state.set(KeptState::Kept {
                        name: remembered.file.name(),
                        synced_at: remembered.synced_at,
                    });
                    self.link
                        .set_value(Some(Link::new(remembered.file, remembered.synced_through)));
                    self.request_sync();
                }
                None => self.state.set(KeptState::NotKept),
            }
        });
        let saves = self.store.saves();
        Effect::new(move |previous: Option<()>| {
            saves.track();
            if previous.is_some() {
                self.request_sync();
            }
        });
        window_event_listener(leptos::ev::focus, move |_| self.request_sync());
        window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Visible {
                self.request_sync();
            }
        });
    }

    /// Syncs now, or once more after the sync under way.
    pub fn request_sync(self) {
        if self.link.with_value(Option::is_none) {
            return;
        }
        if self.busy.get_value() {
            self.again.set_value(true);
            return;
        }
        self.busy.set_value(true);
        spawn_local(async move {
            loop {
                self.again.set_value(false);
                self.sync_once().await;
                if !self.again.get_value() {
                    break;
                }
            }
            self.busy.set_value(false);
        });
    }

    /// The person chose to keep the plan in a new file (the save dialog,
    /// which also lets them pick one that exists).
    pub fn keep_in_new_file(self) {
        self.said.set(None);
        spawn_local(async move {
            match sync_file::pick_file_to_keep(NEW_FILE_NAME).await {
                Ok(Some(file)) => self.adopt(file).await,
                Ok(None) => {}
                Err(problem) => self.refuse_choice(&problem_words("the file", &problem)),
            }
        });
    }

    /// The person chose a plan file another device already keeps the plan in.
    pub fn use_existing_file(self) {
        self.said.set(None);
        spawn_local(async move {
            match sync_file::pick_kept_file().await {
                Ok(Some(file)) => self.adopt(file).await,
                Ok(None) => {}
                Err(problem) => self.refuse_choice(&problem_words("the file", &problem)),
            }
        });
    }

    /// Asks the browser again for permission to use the file: only from a
    /// click of the person's, the one time a browser will ask them.
    pub fn allow_access(self) {
        let Some(file) = self
            .link
            .with_value(|link| link.as_ref().map(|link| link.file.clone()))
        else {
            return;
        };
        spawn_local(async move {
            let granted = file.permission(true).await == Permission::Granted;
            self.asked_in_vain.set(!granted);
            if granted {
                self.request_sync();
            }
        });
    }

    /// Stops keeping the plan in the file; the file stays as it was last written.
    pub fn stop_keeping(self) {
        let name = self
            .link
            .with_value(|link| link.as_ref().map(|link| link.file.name()));
        self.generation.update_value(|generation| *generation += 1);
        self.link.set_value(None);
        self.state.set(KeptState::NotKept);
        spawn_local(sync_file::forget_file());
        if let Some(name) = name {
            self.said.set(Some(Said::Done(format!(
                "Your plan is no longer kept in {name}. The file stays where it is, as it was last written; your plan stays in this browser."
            ))));
        }
    }

    /// Takes `file` as the one to keep the plan in, once it is known to
    /// hold a plan (or nothing yet).
    async fn adopt(self, file: KeptFile) {
        let name = file.name();
        // Writing needs the person's yes, asked while their click still counts.
        let permission = file.permission(true).await;
        // A file that holds something else is never written over.
        match file.read().await {
            Ok(contents) if too_large(contents.version) => {
                let too_large = PlanFileError::TooLarge {
                    bytes: contents.version.size as usize,
                };
                return self.refuse_choice(&format!("{name} can't be used: {too_large}"));
            }
            Ok(contents) if !contents.text.trim().is_empty() => {
                if let Err(problem) = crate::domain::format::parse_plan(&contents.text) {
                    return self.refuse_choice(&format!(
                        "{name} is not a Waypoint plan file, so Waypoint has not written to it: {problem} Choose your plan file, or keep your plan in a new file."
                    ));
                }
            }
            Ok(_) => {}
            Err(FileProblem::NotAllowed) => {}
            Err(problem) => return self.refuse_choice(&problem_words(&name, &problem)),
        }
        self.generation.update_value(|generation| *generation += 1);
        // Until the file is read, this device's plan as it is now.
        let met_at = self.store.with_untracked(newest_time);
        self.link.set_value(Some(Link::new(file.clone(), met_at)));
        self.state.set(if permission == Permission::Granted {
            KeptState::Kept {
                name,
                synced_at: None,
            }
        } else {
            KeptState::NeedsPermission { name }
        });
        let remembered = RememberedFile {
            file,
            synced_through: met_at,
            synced_at: None,
        };
        if sync_file::remember_file(&remembered).await.is_err() {
            self.said.set(Some(Said::Refused(
                "This browser could not remember the file for your next visit: choose it again then.".to_owned(),
            )));
        }
        self.request_sync();
    }

    fn refuse_choice(&self, words: &str) {
        self.said.set(Some(Said::Refused(words.to_owned())));
    }

    fn is_current(&self, generation: u64) -> bool {
        self.generation.get_value() == generation
    }

    fn pause(&self, generation: u64, name: String, problem: String) {
        if self.is_current(generation) {
            self.state.set(KeptState::Paused { name, problem });
        }
    }

    /// Brings the file's changes in, then writes the plan there if the file
    /// lacks anything. Reads before it writes, so that what another device
    /// wrote is merged, never written over.
    async fn sync_once(self) {
        let generation = self.generation.get_value();
        let Some(link) = self.link.with_value(Clone::clone) else {
            return;
        };
        let file = link.file.clone();
        let name = file.name();
        if file.permission(false).await != Permission::Granted {
            if self.is_current(generation) {
                self.state.set(KeptState::NeedsPermission { name });
            }
            return;
        }
        let version = match file.version().await {
            Ok(version) => version,
            Err(problem) => return self.file_failed(generation, name, problem),
        };
        let mut seen_digest = link.seen_digest;
        let mut file_plan = link.file_plan.clone();
        let mut met_at = link.met_at;
        if Some(version) != link.seen {
            if too_large(version) {
                let too_large = PlanFileError::TooLarge {
                    bytes: version.size as usize,
                };
                return self.pause(generation, name, too_large.to_string());
            }
            let contents = match file.read().await {
                Ok(contents) => contents,
                Err(problem) => return self.file_failed(generation, name, problem),
            };
            if !self.is_current(generation) {
                return;
            }
            // An empty file is a new one: it gets the plan below.
            if !contents.text.trim().is_empty() {
                let since = |theirs: &Plan| link.met_with(theirs);
                match sync_with_file_text(self.flow, &name, &contents.text, since) {
                    Ok(FileSynced {
                        theirs,
                        repairs,
                        step,
                        report,
                        ..
                    }) => {
                        // A mended file gets the mended plan back below.
                        let mended = if repairs.is_empty() {
                            ""
                        } else {
                            " The file needed repairs; the mended plan goes back to it."
                        };
                        if step.is_some() || !repairs.is_empty() {
                            self.store.announce(format!(
                                "Synced with {name}: {}.{mended}",
                                sync_words(&report)
                            ));
                        }
                        file_plan = Some(Rc::new(theirs));
                        met_at = self.store.with_untracked(newest_time);
                    }
                    Err(problem) => {
                        return self.pause(
                            generation,
                            name.clone(),
                            format!("{name} does not hold a plan Waypoint can read: {problem}"),
                        );
                    }
                }
            }
            seen_digest = Some(digest(&contents.text));
        } else if let Some(theirs) = file_plan.clone().filter(|theirs| {
            self.store
                .with_untracked(|mine| lacks_unrecorded_items(mine, theirs))
        }) {
            // The file is as this device left it, but an undo or a redo of a
            // sync here since put back a plan without items the file holds,
            // and with no record of their removal: merged in first, so that
            // writing the plan over the file loses none of them.
            let since = link.met_with(&theirs);
            if let Ok((_, Some(_), report)) = self.flow.sync_with(&name, &theirs, since) {
                self.store
                    .announce(format!("Synced with {name}: {}.", sync_words(&report)));
            }
        }
        let mut seen = Some(version);
        let text = self.store.with_untracked(to_file_text);
        let text_digest = digest(&text);
        if seen_digest != Some(text_digest) {
            // The plan as written: the text is made from it in this same task.
            let written_plan = self.store.with_untracked(Plan::clone);
            match file.write(&text).await {
                Ok(written) => seen = Some(written),
                Err(problem) => return self.file_failed(generation, name, problem),
            }
            seen_digest = Some(text_digest);
            file_plan = Some(Rc::new(written_plan));
        }
        if !self.is_current(generation) {
            return;
        }
        let synced_through = file_plan.as_deref().and_then(newest_time).or(met_at);
        let synced_at = clock::now();
        self.link.set_value(Some(Link {
            file: file.clone(),
            seen,
            seen_digest,
            file_plan,
            met_at,
        }));
        self.state.set(KeptState::Kept {
            name,
            synced_at: Some(synced_at),
        });
        // On a later visit, the file as this device last left it is where
        // the two met. Without the record that visit only names fewer
        // items as changed on both devices.
        let remembered = RememberedFile {
            file,
            synced_through,
            synced_at: Some(synced_at),
        };
        let _ = sync_file::remember_file(&remembered).await;
    }

    fn file_failed(&self, generation: u64, name: String, problem: FileProblem) {
        if problem == FileProblem::NotAllowed {
            if self.is_current(generation) {
                self.state.set(KeptState::NeedsPermission { name });
            }
        } else {
            let words = problem_words(&name, &problem);
            self.pause(generation, name, words);
        }
    }
}

fn too_large(version: FileVersion) -> bool {
    version.size > MAX_PLAN_FILE_BYTES as f64
}

fn digest(text: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

/// What went wrong with the file, in the person's words.
fn problem_words(name: &str, problem: &FileProblem) -> String {
    match problem {
        FileProblem::NotAllowed => format!("The browser did not allow Waypoint to use {name}."),
        FileProblem::Gone => {
            format!("{name} is no longer where it was: it may have been moved, renamed or deleted.")
        }
        FileProblem::Other(detail) => format!("The browser could not use {name} ({detail})."),
    }
}

/// "at 10:42", or "on 2026-11-02 at 10:42" before today (on the person's
/// own calendar and clock).
fn when_words(at: Timestamp) -> String {
    let day = clock::local_date(at);
    if day == clock::today() {
        format!("at {}", clock_time(at))
    } else {
        format!("on {day} at {}", clock_time(at))
    }
}

pub fn use_kept_file() -> Option<KeptFileSync> {
    use_context::<KeptFileSync>()
}

/// The Data page's part on keeping the plan in a file: shown only where the
/// browser allows it.
#[component]
pub fn KeptFileSection() -> impl IntoView {
    let Some(kept) = use_kept_file().filter(|_| KeptFileSync::available()) else {
        return ().into_any();
    };
    let state = kept.state();
    let said = kept.said();
    let choices = move || {
        view! {
            <div class="button-row">
                <button type="button" class="button" on:click=move |_| kept.keep_in_new_file()>
                    "Keep in a new file…"
                </button>
                <button type="button" class="button button--quiet" on:click=move |_| kept.use_existing_file()>
                    "Use an existing file…"
                </button>
            </div>
        }
    };
    let stop = move |name: String| {
        view! {
            <div class="button-row">
                <button type="button" class="button button--quiet" on:click=move |_| kept.stop_keeping()>
                    {format!("Stop keeping the plan in {name}")}
                </button>
            </div>
        }
    };
    view! {
        <div class="kept-file">
            {move || match state.get() {
                KeptState::NotKept => view! {
                    <p>
                        "This browser can keep your plan in that file by itself: every change is written to it, and what your other devices wrote there is merged in whenever you come back to Waypoint. Keep it in a new file in the shared folder, or use the file another device keeps it in."
                    </p>
                    {choices()}
                }
                .into_any(),
                KeptState::Starting => view! { <p>"Looking for the file your plan is kept in…"</p> }.into_any(),
                KeptState::Kept { name, synced_at } => view! {
                    <p class="kept-file__where">
                        {match synced_at {
                            Some(at) => format!("Kept in {name}, last synced {}. ", when_words(at)),
                            None => format!("Kept in {name}. "),
                        }}
                        "There is no need to sync with it by hand on this device."
                    </p>
                    {stop(name)}
                }
                .into_any(),
                KeptState::NeedsPermission { name } => view! {
                    <p class="kept-file__where">
                        {format!("Kept in {name}, but the browser needs your permission again to use it (see the notice at the top of the page).")}
                    </p>
                    {stop(name)}
                }
                .into_any(),
                KeptState::Paused { name, .. } => view! {
                    <p class="kept-file__where">
                        {format!("Your plan is not being kept in {name} for now (see the notice at the top of the page). Choose the file again, or another one:")}
                    </p>
                    {choices()}
                    {stop(name)}
                }
                .into_any(),
            }}
            // Not a second status region: the panel's one says what a sync did.
            <div aria-live="polite">
                {move || match said.get() {
                    Some(Said::Done(words)) => Some(view! { <p>{words}</p> }),
                    _ => None,
                }}
            </div>
            {move || match said.get() {
                Some(Said::Refused(words)) => Some(view! {
                    <div class="notice notice--error" role="alert">
                        <p>{words}</p>
                        <p>"Your plan has not changed."</p>
                    </div>
                }),
                _ => None,
            }}
        </div>
    }
    .into_any()
}

/// Shown on every page while the file the plan is kept in can't be used:
/// the browser's permission to ask for, or a problem with the file.
#[component]
pub fn KeptFileNotice() -> impl IntoView {
    let Some(kept) = use_kept_file() else {
        return ().into_any();
    };
    let state = kept.state();
    let asked_in_vain = kept.asked_in_vain;
    (move || match state.get() {
        KeptState::NeedsPermission { name } => Some(
            view! {
                <section class="notice notice--warning" aria-labelledby="kept-file-title">
                    <h2 id="kept-file-title">{format!("Your plan is kept in {name}")}</h2>
                    <p>
                        "The browser needs your permission again before Waypoint can read and write that file. Until then, your plan is saved in this browser as usual."
                    </p>
                    {move || asked_in_vain.get().then(|| view! {
                        <p role="alert">
                            "The browser did not allow it. You can ask again here, or stop keeping the plan in the file on the Data page."
                        </p>
                    })}
                    <div class="button-row">
                        <button type="button" class="button" on:click=move |_| kept.allow_access()>
                            {format!("Allow access to {name}")}
                        </button>
                    </div>
                </section>
            }
            .into_any(),
        ),
        KeptState::Paused { name, problem } => Some(
            view! {
                <section class="notice notice--error" role="alert" aria-labelledby="kept-file-title">
                    <h2 id="kept-file-title">{format!("Your plan can't be kept in {name} for now")}</h2>
                    <p>{problem}</p>
                    <p>
                        "Nothing was written over the file, and your plan is safe in this browser. Put the file back and try again, or choose another on the Data page."
                    </p>
                    <div class="button-row">
                        <button type="button" class="button" on:click=move |_| kept.request_sync()>
                            "Try again"
                        </button>
                    </div>
                </section>
            }
            .into_any(),
        ),
        _ => None,
    })
    .into_any()
}
