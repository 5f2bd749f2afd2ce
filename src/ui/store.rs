//! The saved state of the app: the finished assessments (history), the assessment in progress,
//! and the notices about saving. It keeps signals in step with browser storage, through
//! `platform::storage`, and never writes over data it could not read.
//!
//! Storage is the source of truth between tabs: every change to the history reads what is
//! stored, applies the change, writes it back and then updates the signal, so a change made in
//! another tab is never lost; a storage event from another tab refreshes the signals.

use leptos::prelude::*;

use crate::assessment::BANK;
use crate::assessment::snapshot::{self, Draft, Snapshot, SnapshotError};
use crate::assessment::workshop::{self, Workshop};
use crate::platform::storage::{self, DRAFT_KEY, HISTORY_KEY, StorageError, WORKSHOPS_KEY};

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
    /// Reads what is stored and starts listening to other tabs.
    pub fn load() -> Store {
        let store = Store {
            history: RwSignal::new(Vec::new()),
            notices: RwSignal::new(Vec::new()),
            draft: RwSignal::new(None),
            history_writable: RwSignal::new(true),
            draft_writable: RwSignal::new(true),
            workshops: RwSignal::new(Vec::new()),
            workshops_writable: RwSignal::new(true),
        };
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
        storage::on_change(move |key| store.refresh(key.as_deref()));
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

    /// The stored history; `None` when there is none or it cannot be read (then it is kept aside).
    fn read_history(&self) -> Option<Vec<Snapshot>> {
        let text = storage::read(HISTORY_KEY).ok().flatten()?;
        match snapshot::decode_history(&BANK, &text) {
            Ok((mut list, unreadable, _)) => {
                if unreadable > 0 {
                    // Keep the whole stored value aside before any later write drops those entries.
                    let writable = storage::keep_aside(HISTORY_KEY, &text).is_ok();
                    self.history_writable.set(writable);
                    self.notify(Notice::Info(format!(
                        "{unreadable} saved assessment(s) could not be read and were left out; the stored data was kept aside."
                    )));
                }
                snapshot::sort_newest_first(&mut list);
                Some(list)
            }
            Err(error) => {
                let writable = self.set_aside("Your saved history", HISTORY_KEY, text, error);
                self.history_writable.set(writable);
                None
            }
        }
    }

    fn read_workshops(&self) -> Option<Vec<Workshop>> {
        let text = storage::read(WORKSHOPS_KEY).ok().flatten()?;
        match workshop::decode_workshops(&text) {
            Ok(list) => Some(list),
            Err(error) => {
                let writable = self.set_aside("Your saved workshops", WORKSHOPS_KEY, text, error);
                self.workshops_writable.set(writable);
                None
            }
        }
    }

    /// Applies `change` to the stored workshops, as `update_history` does for assessments.
    pub fn update_workshops(&self, change: impl FnOnce(&mut Vec<Workshop>)) {
        let mut list = if self.saving_off() || !self.workshops_writable.get_untracked() {
            self.workshops.get_untracked()
        } else {
            self.read_workshops()
                .unwrap_or_else(|| self.workshops.get_untracked())
        };
        change(&mut list);
        if self.workshops_writable.get_untracked() {
            self.write(WORKSHOPS_KEY, &workshop::encode_workshops(&list));
        }
        self.workshops.set(list);
    }

    fn read_draft(&self) -> Option<Draft> {
        let text = storage::read(DRAFT_KEY).ok().flatten()?;
        match snapshot::decode_draft(&BANK, &text) {
            Ok(draft) => Some(draft),
            Err(error) => {
                let writable = self.set_aside("Your unfinished assessment", DRAFT_KEY, text, error);
                self.draft_writable.set(writable);
                None
            }
        }
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

    /// Applies `change` to the stored history (or, when storage is off, to the one in memory).
    pub fn update_history(&self, change: impl FnOnce(&mut Vec<Snapshot>)) {
        let mut list = if self.saving_off() || !self.history_writable.get_untracked() {
            self.history.get_untracked()
        } else {
            self.read_history()
                .unwrap_or_else(|| self.history.get_untracked())
        };
        change(&mut list);
        snapshot::sort_newest_first(&mut list);
        if self.history_writable.get_untracked() {
            self.write(HISTORY_KEY, &snapshot::encode_history(&BANK, &list));
        } else {
            self.notify(Notice::NotSaved(
                "Your stored history could not be read or kept aside, so Stagefit will not overwrite it. Download it from the notice above, then clear it to save again.".to_string(),
            ));
        }
        self.history.set(list);
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
