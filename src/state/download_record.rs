//! When the plan was last downloaded, for the reminder to keep a copy.

use super::PlanStore;
use crate::clock;
use crate::domain::safekeeping::snooze_until;
use crate::persistence::{self, ExportRecord};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub(super) struct DownloadRecord {
    record: RwSignal<ExportRecord>,
}

impl DownloadRecord {
    pub(super) fn read() -> Self {
        Self {
            record: RwSignal::new(persistence::export_record()),
        }
    }

    fn keep(&self, record: ExportRecord) {
        // Not being able to note it only means an early reminder.
        let _ = persistence::save_export_record(record);
        self.record.set(record);
    }
}

impl PlanStore {
    pub fn export_record(&self) -> ReadSignal<ExportRecord> {
        self.download_record.record.read_only()
    }

    /// Downloads the whole plan as a file and notes when, so the reminder to
    /// keep a copy rests.
    pub fn download_plan(&self) -> Result<(), wasm_bindgen::JsValue> {
        self.plan.with_untracked(crate::download::download_plan)?;
        self.download_record.keep(ExportRecord {
            exported_at: Some(clock::now()),
            snoozed_until: None,
        });
        Ok(())
    }

    /// Puts the reminder to keep a copy off for a few days.
    pub fn snooze_export_reminder(&self) {
        let record = self.download_record.record.get_untracked();
        self.download_record.keep(ExportRecord {
            snoozed_until: Some(snooze_until(clock::now())),
            ..record
        });
    }
}
