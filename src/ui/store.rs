//! The saved state of the app: the finished assessments (history), the assessment in progress,
//! and the notices about saving. It keeps signals in step with browser storage, through
//! `platform::storage`, and never writes over data it could not read.
//!
//! Storage is the source of truth between tabs: every change to the history reads what is
//! stored, applies the change, writes it back and then updates the signal, so a change made in
//! another tab is never lost; a storage event from another tab refreshes the signals. What the
//! stored history holds for a newer Stagefit (assessments of a newer format or question bank,
//! fields this build does not know) is kept beside the signal and written back with every change.

use leptos::prelude::*;

use crate::platform::storage::{self, DRAFT_KEY, HISTORY_KEY, StorageError, WORKSHOPS_KEY};
use stagefit_core::BANK;
use stagefit_core::snapshot::{self, Draft, Kept, Snapshot, SnapshotError};
use stagefit_core::workshop::{self, Workshop};

/// Something the person should know about their saved data.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Storage cannot be used at all: the app works in memory only.
    SavingOff,
    /// A write failed (storage full, refused); what was stored before is unchanged.
    NotSaved(String),
    /// Stored data could not be read and was kept aside (or, failing that, left in place).
    Unreadable {
        what: &'static str,
        reason: String,
        aside: Option<String>,
        text: String,
    },
    /// A plain message, such as what an import did.
    Info(String),
    /// An assessment was deleted; it can be put back.
    Deleted(Snapshot),
}

#[derive(Clone, Copy)]
pub struct Store {
    pub history: RwSignal<Vec<Snapshot>>,
    /// What the stored history holds for a newer build; written back with every change.
    history_kept: RwSignal<Kept>,
    pub notices: RwSignal<Vec<Notice>>,
    /// The unfinished assessment found when the page opened (or changed by another tab).
    pub draft: RwSignal<Option<Draft>>,
    /// False while a stored value could not be read nor kept aside: it must not be overwritten.
    history_writable: RwSignal<bool>,
    draft_writable: RwSignal<bool>,
    /// The workshops this browser facilitates.
    pub workshops: RwSignal<Vec<Workshop>>,
    workshops_writable: RwSignal<bool>,
}

impl Store {
    /// Nothing saved, nothing read: what a new visitor's page shows, prerendered at build time.
    pub(crate) fn empty() -> Store {
        Store {
            history: RwSignal::new(Vec::new()),
            history_kept: RwSignal::new(Kept::default()),
            notices: RwSignal::new(Vec::new()),
            draft: RwSignal::new(None),
            history_writable: RwSignal::new(true),
            draft_writable: RwSignal::new(true),
            workshops: RwSignal::new(Vec::new()),
            workshops_writable: RwSignal::new(true),
        }
    }

    /// Reads what is stored and starts listening to other tabs.
    pub fn load() -> Store {
        let store = Store::empty();
        if !storage::available() {
            store.notices.set(vec![Notice::SavingOff]);
            return store;
        }
        if let Some(list) = store.read_history() {
            store.history.set(list);
        }
        store.draft.set(store.read_draft());
        store
            .workshops
            .set(store.read_workshops().unwrap_or_default());
        let listener = storage::on_change(move |key| store.refresh(key.as_deref()));
        on_cleanup(move || listener.remove());
        store
    }

    pub fn notify(&self, notice: Notice) {
        self.notices.update(|n| {
            n.retain(|old| old != &notice);
            n.push(notice);
        });
    }

    pub fn dismiss(&self, index: usize) {
        self.notices.update(|n| {
            if index < n.len() {
                n.remove(index);
            }
        });
    }

    fn saving_off(&self) -> bool {
        self.notices
            .with_untracked(|n| n.contains(&Notice::SavingOff))
    }

    /// Keeps an unreadable value aside and says so. Returns whether the original key may now
    /// be written (only when the copy succeeded).
    fn set_aside(&self, what: &'static str, key: &str, text: String, error: SnapshotError) -> bool {
        let aside = storage::keep_aside(key, &text).ok();
        let writable = aside.is_some();
        self.notify(Notice::Unreadable {
            what,
            reason: error.to_string(),
            aside,
            text,
        });
        writable
    }

    /// The value stored under `key`, decoded; `None` when there is none or it cannot be read.
    /// An unreadable value is kept aside, and `writable` says whether the key may be written
    /// over from now on (only when the copy aside succeeded).
    fn read_stored<T>(
        &self,
        key: &str,
        what: &'static str,
        writable: RwSignal<bool>,
        decode: impl FnOnce(&str) -> Result<T, SnapshotError>,
    ) -> Option<T> {
        let text = storage::read(key).ok().flatten()?;
        match decode(&text) {
            Ok(value) => Some(value),
            Err(error) => {
                writable.set(self.set_aside(what, key, text, error));
                None
            }
        }
    }

    /// The stored history, newest first. What it keeps for a newer build is held in
    /// `history_kept`, and the person is told what could not be shown.
    fn read_history(&self) -> Option<Vec<Snapshot>> {
        let writable = self.history_writable;
        self.read_stored(HISTORY_KEY, "Your saved history", writable, |text| {
            let (history, notes) = snapshot::decode_history(&BANK, text)?;
            let unreadable = notes.unreadable;
            if unreadable > 0 {
                // Keep the whole stored value aside before any later write drops those entries.
                writable.set(storage::keep_aside(HISTORY_KEY, text).is_ok());
                self.notify(Notice::Info(if unreadable == 1 {
                    "1 saved assessment could not be read and was left out; the stored data was kept aside.".to_string()
                } else {
                    format!("{unreadable} saved assessments could not be read and were left out; the stored data was kept aside.")
                }));
            }
            // Told once, when their number changes, rather than on every change to the history.
            let newer = history.kept.newer();
            if newer > 0 && newer != self.history_kept.with_untracked(Kept::newer) {
                self.notify(Notice::Info(if newer == 1 {
                    "1 assessment in your history was saved by a newer version of Stagefit, so it is not shown here; it is kept unchanged. Reload the page to update.".to_string()
                } else {
                    format!("{newer} assessments in your history were saved by a newer version of Stagefit, so they are not shown here; they are kept unchanged. Reload the page to update.")
                }));
            }
            if notes.dropped.answers > 0 {
                self.notify(Notice::Info(format!("In your saved history, {}", notes.dropped)));
            }
            self.history_kept.set(history.kept);
            let mut list = history.assessments;
            snapshot::sort_newest_first(&mut list);
            Ok(list)
        })
    }

    fn read_workshops(&self) -> Option<Vec<Workshop>> {
        self.read_stored(
            WORKSHOPS_KEY,
            "Your saved workshops",
            self.workshops_writable,
            workshop::decode_workshops,
        )
    }

    fn read_draft(&self) -> Option<Draft> {
        self.read_stored(
            DRAFT_KEY,
            "Your unfinished assessment",
            self.draft_writable,
            |text| {
                let (draft, dropped) = snapshot::decode_draft(&BANK, text)?;
                if dropped.answers > 0 {
                    self.notify(Notice::Info(format!(
                        "In your unfinished assessment, {dropped}"
                    )));
                }
                Ok(draft)
            },
        )
    }

    /// Applies `change` to a stored list: reads what is stored (another tab may have changed
    /// it), applies the change, writes it back unless the stored value must not be overwritten,
    /// and updates `signal`. With storage off, the change applies to the list in memory.
    fn update_stored<T: Clone + Send + Sync + 'static>(
        &self,
        key: &str,
        signal: RwSignal<Vec<T>>,
        writable: RwSignal<bool>,
        read: impl FnOnce() -> Option<Vec<T>>,
        change: impl FnOnce(&mut Vec<T>),
        encode: impl FnOnce(&[T]) -> String,
    ) {
        let mut list = if self.saving_off() || !writable.get_untracked() {
            signal.get_untracked()
        } else {
            read().unwrap_or_else(|| signal.get_untracked())
        };
        change(&mut list);
        if writable.get_untracked() {
            self.write(key, &encode(&list));
        } else {
            self.notify(Notice::NotSaved(
                "Stored data that could not be read or kept aside is in the way, so Stagefit will not overwrite it. Download it from the notice above, then clear all data to save again.".to_string(),
            ));
        }
        signal.set(list);
    }

    /// Applies `change` to the stored workshops.
    pub fn update_workshops(&self, change: impl FnOnce(&mut Vec<Workshop>)) {
        self.update_stored(
            WORKSHOPS_KEY,
            self.workshops,
            self.workshops_writable,
            || self.read_workshops(),
            change,
            workshop::encode_workshops,
        );
    }

    fn write(&self, key: &str, value: &str) -> bool {
        if self.saving_off() {
            return false;
        }
        match storage::write(key, value) {
            Ok(()) => true,
            Err(StorageError::Unavailable) => {
                self.notify(Notice::SavingOff);
                false
            }
            Err(error) => {
                self.notify(Notice::NotSaved(format!(
                    "Could not save: {error}. What was saved before is unchanged; export your history to keep a copy."
                )));
                false
            }
        }
    }

    /// Applies `change` to the stored history, kept newest first, writing back what it keeps for
    /// a newer build.
    pub fn update_history(&self, change: impl FnOnce(&mut Vec<Snapshot>)) {
        self.update_stored(
            HISTORY_KEY,
            self.history,
            self.history_writable,
            || self.read_history(),
            |list| {
                change(list);
                snapshot::sort_newest_first(list);
            },
            |list| self.encode_history(list),
        );
    }

    /// `list` as the stored history, with what this build keeps for a newer one written back.
    fn encode_history(&self, list: &[Snapshot]) -> String {
        self.history_kept
            .with_untracked(|kept| snapshot::encode_history_keeping(&BANK, list, kept))
    }

    /// The whole history as an export file: what this build shows, and unchanged what it keeps
    /// for a newer build (its entries and the fields it does not know), so a backup made here
    /// loses nothing a newer Stagefit saved.
    pub fn export_history(&self) -> String {
        self.history
            .with_untracked(|list| self.encode_history(list))
    }

    /// Adds or updates one assessment, never replacing a newer stored copy.
    pub fn upsert(&self, snapshot: Snapshot) {
        self.update_history(|list| {
            snapshot::merge(list, vec![snapshot]);
        });
    }

    /// Saves the assessment in progress, unless another tab saved a newer one since.
    pub fn save_draft(&self, draft: &Draft) {
        if !self.draft_writable.get_untracked() {
            return;
        }
        if let Some(stored) = storage::read(DRAFT_KEY)
            .ok()
            .flatten()
            .and_then(|t| snapshot::decode_draft(&BANK, &t).ok())
            .map(|(stored, _)| stored)
            && stored.snapshot.id == draft.snapshot.id
            && stored.snapshot.updated > draft.snapshot.updated
        {
            self.draft.set(Some(stored));
            return;
        }
        self.write(DRAFT_KEY, &snapshot::encode_draft(&BANK, draft));
    }

    pub fn clear_draft(&self) {
        if self.draft_writable.get_untracked() {
            let _ = storage::remove(DRAFT_KEY);
        }
        self.draft.set(None);
    }

    /// Removes everything Stagefit stored, the values kept aside included.
    pub fn clear_all(&self) {
        let _ = storage::clear_all();
        self.history.set(Vec::new());
        self.history_kept.set(Kept::default());
        self.draft.set(None);
        self.history_writable.set(true);
        self.draft_writable.set(true);
        self.workshops.set(Vec::new());
        self.workshops_writable.set(true);
        let off = self.saving_off();
        self.notices.set(if off {
            vec![Notice::SavingOff]
        } else {
            Vec::new()
        });
    }

    /// Another tab changed `key` (`None`: everything was cleared).
    fn refresh(&self, key: Option<&str>) {
        if key.is_none() || key == Some(HISTORY_KEY) {
            let list = self.read_history().unwrap_or_default();
            self.history.set(list);
        }
        if key.is_none() || key == Some(DRAFT_KEY) {
            self.draft.set(self.read_draft());
        }
        if key.is_none() || key == Some(WORKSHOPS_KEY) {
            self.workshops
                .set(self.read_workshops().unwrap_or_default());
        }
    }
}
