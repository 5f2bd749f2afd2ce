//! The saved state of the app: the finished assessments (history), the assessment in progress,
//! the workshops, and the notices about saving. It keeps signals in step with browser storage,
//! through `platform::storage`, and never writes over data it could not read.
//!
//! Storage is the source of truth between tabs. Each finished assessment has its own key
//! (history format 2, issue 18), so saving one never rewrites another, and two tabs saving at
//! the same moment both keep what they saved. A format-1 history (one array) is split into
//! those keys when it is read, without loss; if storage is too full for that, it stays as it is
//! and changes rewrite it as before (`legacy`). A storage event from another tab refreshes the
//! signals; a key another tab removed is dropped here, never written back.

mod draft;
mod entries;
mod history;
mod navigation;
mod notices;
mod scores;
mod session;
mod workshops;

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;

pub use navigation::{Focus, Navigator};
pub use notices::{Notice, Stored, Told};
pub use session::{BadLink, Opened, Session, Whose, answer_input};
pub use workshops::WorkshopsImported;

use crate::platform::storage::{
    self, ASSESSMENT_PREFIX, DRAFT_KEY, HISTORY_KEY, StorageError, WORKSHOPS_KEY,
};
use stagefit_core::merge::{RevDraft, RevEntry, Writer};
use stagefit_core::snapshot::{Draft, Kept, Snapshot, SnapshotError};
use stagefit_core::workshop::Workshop;

/// The result a shared link at the page's address carries, with its label, assessed; none for
/// any other address or a link that cannot be read (the app says why). The viewer draws it
/// before the app runs (`ui::app::viewer`); the app reads the same link again.
pub fn shared_at_address() -> Option<(stagefit_core::Assessment, String)> {
    use stagefit_core::{BANK, assess, link, route};
    let route::Route::Shared { payload, .. } = route::parse(&crate::platform::fragment()) else {
        return None;
    };
    let (shared, _) = link::decode(&BANK, &payload).ok()?;
    Some((assess(&BANK, &shared.answers), shared.label))
}

#[derive(Clone, Copy)]
pub struct Store {
    history: RwSignal<Vec<Snapshot>>,
    /// False while the history is still being read at start-up, a part at a time after the
    /// first view is drawn: the views that list it say so meanwhile.
    ready: RwSignal<bool>,
    /// Changes when everything this tab holds is dropped (clear all): a read under way stops.
    generation: StoredValue<u32>,
    /// Each shown assessment's stored text, by id, as last read or written: saving it again
    /// keeps what this build cannot represent, and Undo puts a deleted one back as it was.
    stored: StoredValue<HashMap<String, String>>,
    /// Entries a newer Stagefit saved, by key, as stored: never written here, exported whole.
    newer: StoredValue<HashMap<String, String>>,
    /// Ids this tab has seen removed (deleted here or in another tab, or cleared): this tab
    /// never writes one back unless the person puts it back (Undo, an import).
    removed: StoredValue<HashSet<String>>,
    /// How many entries of a newer build the person was last told about.
    told_newer: StoredValue<usize>,
    /// True while the stored history is still format 1, because storage had no room to split it.
    legacy: RwSignal<bool>,
    /// What a format-1 history holds for a newer build; written back with every legacy change.
    history_kept: RwSignal<Kept>,
    notices: RwSignal<Vec<Notice>>,
    /// The unfinished assessment found when the page opened (or changed by another tab).
    draft: RwSignal<Option<Draft>>,
    /// False while a stored value could not be read nor kept aside: it must not be overwritten.
    history_writable: RwSignal<bool>,
    draft_writable: RwSignal<bool>,
    /// The draft as this tab last read, wrote or merged it, with its revisions: a save stamps
    /// only what the person changed since, and merges it with what is stored (issue 30).
    draft_known: StoredValue<Option<RevDraft>>,
    /// This tab's revision clock: its id and the highest revision it has written or read.
    writer: StoredValue<Writer>,
    /// Assessments deleted here, with their revisions, for Undo.
    undo: StoredValue<HashMap<String, RevEntry>>,
    /// The workshops this browser facilitates.
    workshops: RwSignal<Vec<Workshop>>,
    /// Stored workshops this build cannot read, as stored: listed as unreadable, written back.
    workshops_unreadable: RwSignal<Vec<String>>,
    workshops_writable: RwSignal<bool>,
    /// The score of each version in the history, by (id, version, saved at), worked out a part
    /// at a time (`scores.rs`).
    scores: RwSignal<HashMap<scores::ScoreKey, Option<u8>>>,
}

impl Store {
    /// The finished assessments shown, newest first.
    pub fn history(&self) -> ReadSignal<Vec<Snapshot>> {
        self.history.read_only()
    }

    /// False while the history is still being read at start-up.
    pub fn ready(&self) -> ReadSignal<bool> {
        self.ready.read_only()
    }

    /// What the person should know about their saved data, oldest first.
    pub fn notices(&self) -> ReadSignal<Vec<Notice>> {
        self.notices.read_only()
    }

    /// The unfinished assessment as stored (by this tab or another).
    pub fn draft(&self) -> ReadSignal<Option<Draft>> {
        self.draft.read_only()
    }

    /// The workshops this browser facilitates.
    pub fn workshops(&self) -> ReadSignal<Vec<Workshop>> {
        self.workshops.read_only()
    }

    /// Stored workshops this build cannot read, as stored.
    pub fn workshops_unreadable(&self) -> ReadSignal<Vec<String>> {
        self.workshops_unreadable.read_only()
    }

    /// Nothing saved, nothing read: what a new visitor's page shows, prerendered at build time.
    pub(crate) fn empty() -> Store {
        Store {
            history: RwSignal::new(Vec::new()),
            ready: RwSignal::new(false),
            generation: StoredValue::new(0),
            stored: StoredValue::new(HashMap::new()),
            newer: StoredValue::new(HashMap::new()),
            removed: StoredValue::new(HashSet::new()),
            told_newer: StoredValue::new(0),
            legacy: RwSignal::new(false),
            history_kept: RwSignal::new(Kept::default()),
            notices: RwSignal::new(Vec::new()),
            draft: RwSignal::new(None),
            history_writable: RwSignal::new(true),
            draft_writable: RwSignal::new(true),
            draft_known: StoredValue::new(None),
            // The prerendered page never writes; `load` gives the tab its own id.
            writer: StoredValue::new(Writer::new("prerender")),
            undo: StoredValue::new(HashMap::new()),
            workshops: RwSignal::new(Vec::new()),
            workshops_unreadable: RwSignal::new(Vec::new()),
            workshops_writable: RwSignal::new(true),
            scores: RwSignal::new(HashMap::new()),
        }
    }

    /// Reads what is stored and starts listening to other tabs. A long history is read after
    /// `on_page` (the first view is on the page): the start-up hands it in, so the store never
    /// reaches up into it.
    pub fn load(on_page: impl Future<Output = ()> + 'static) -> Store {
        let store = Store::empty();
        let tab = storage::new_id(storage::now());
        store.writer.set_value(Writer::new(&tab));
        match storage::probe() {
            Ok(()) => {}
            // Full is not off: everything stored is read and shown.
            Err(StorageError::Full) => store.notify(Notice::Full),
            Err(_) => {
                store.notices.set(vec![Notice::SavingOff]);
                store.ready.set(true);
                return store;
            }
        }
        // A format-1 history is split now (once); the keys are read after the first view.
        store.split_legacy();
        if store.legacy.get_untracked() {
            store.history.set(store.read_legacy().unwrap_or_default());
            store.ready.set(true);
        } else {
            leptos::task::spawn_local(store.read_history_in_parts(on_page));
        }
        store.tell_interrupted_import();
        store.draft.set(store.read_draft());
        store
            .workshops
            .set(store.read_workshops().unwrap_or_default());
        let listener = storage::on_change(move |key| store.refresh(key.as_deref()));
        on_cleanup(move || listener.remove());
        store
    }

    /// Removes a stored value that could not be read nor kept aside, once the person chose
    /// "Discard it": the key may be written again.
    pub fn discard(&self, key: &str) {
        if storage::remove(key).is_err() {
            return;
        }
        match key {
            HISTORY_KEY => {
                self.history_writable.set(true);
                self.legacy.set(false);
            }
            DRAFT_KEY => self.draft_writable.set(true),
            WORKSHOPS_KEY => self.workshops_writable.set(true),
            _ => {}
        }
        self.notices.update(|n| {
            n.retain(|old| !matches!(old, Notice::Unreadable { key: k, .. } if k == key))
        });
    }

    /// Keeps an unreadable value aside and says so. Returns whether the original key may now
    /// be written (only when the copy succeeded).
    fn set_aside(&self, what: Stored, key: &str, text: String, error: SnapshotError) -> bool {
        let aside = storage::keep_aside(key, &text).ok();
        let writable = aside.is_some();
        self.notify(Notice::Unreadable {
            what,
            reason: error,
            aside,
            key: key.to_string(),
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
        what: Stored,
        writable: RwSignal<bool>,
        decode: impl FnOnce(&str) -> Result<T, SnapshotError>,
    ) -> Option<T> {
        let text = storage::read(key).ok().flatten()?;
        match decode(&text) {
            Ok(value) => Some(value),
            // A newer build's value stays under its key untouched (issue 30): this build does
            // not write there, and the notice says so, with a download.
            Err(error) if error.is_newer() => {
                writable.set(false);
                self.notify(Notice::Unreadable {
                    what,
                    reason: error,
                    aside: None,
                    key: key.to_string(),
                    text,
                });
                None
            }
            Err(error) => {
                writable.set(self.set_aside(what, key, text, error));
                None
            }
        }
    }

    /// Runs `f` with this tab's revision clock.
    fn stamp_with<T>(&self, f: impl FnOnce(&mut Writer) -> T) -> T {
        let mut writer = self.writer.get_value();
        let out = f(&mut writer);
        self.writer.set_value(writer);
        out
    }

    /// Applies `change` to a stored list: reads what is stored (another tab may have changed
    /// it, or removed it: then the change applies to nothing stored, not to this tab's copy),
    /// applies the change, writes it back unless the stored value must not be overwritten, and
    /// updates `signal`. With storage off, the change applies to the list in memory. Returns
    /// whether the change is stored (false: storage is off, the stored value must not be
    /// written over, or the write was refused, which the notices say).
    fn update_stored<T: Clone + Send + Sync + 'static>(
        &self,
        key: &str,
        signal: RwSignal<Vec<T>>,
        writable: RwSignal<bool>,
        read: impl FnOnce() -> Option<Vec<T>>,
        change: impl FnOnce(&mut Vec<T>),
        encode: impl FnOnce(&[T]) -> String,
    ) -> bool {
        let mut list = if self.saving_off() || !writable.get_untracked() {
            signal.get_untracked()
        } else {
            read().unwrap_or_default()
        };
        change(&mut list);
        // Not writable: the notice about the value in the way says so, with its buttons.
        let stored = writable.get_untracked() && self.write(key, &encode(&list));
        // A change storage refused is not shown as made (issue 30): what is stored stays on
        // screen, and the caller says what was not saved. With saving off, or a stored value in
        // the way, the page works in memory, as its notice says.
        if stored || self.saving_off() || !writable.get_untracked() {
            signal.set(list);
        }
        stored
    }

    /// Whether storage cannot be used at all, so changes live in this page only (its notice
    /// says so): an action then need not report each change as not saved.
    pub fn saving_is_off(&self) -> bool {
        self.saving_off()
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
            Err(StorageError::Full) => {
                self.notify(Notice::Full);
                false
            }
            Err(error) => {
                self.notify(Notice::SaveFailed(error));
                false
            }
        }
    }

    /// Removes everything Stagefit stored, the values kept aside included.
    pub fn clear_all(&self) {
        let _ = storage::clear_all();
        self.forget_all();
        self.history_writable.set(true);
        self.draft_writable.set(true);
        self.workshops_writable.set(true);
        self.legacy.set(false);
        let off = self.saving_off();
        self.notices.set(if off {
            vec![Notice::SavingOff]
        } else {
            Vec::new()
        });
    }

    /// Every copy this tab holds goes, and none is written back.
    fn forget_all(&self) {
        // A read of the history under way stops: what it read is gone.
        self.generation.update_value(|g| *g = g.wrapping_add(1));
        self.ready.set(true);
        let ids: Vec<String> = self
            .history
            .with_untracked(|h| h.iter().map(|s| s.id.clone()).collect());
        self.removed.update_value(|r| r.extend(ids));
        self.history.set(Vec::new());
        self.stored.update_value(HashMap::clear);
        self.undo.update_value(HashMap::clear);
        self.draft_known.set_value(None);
        self.newer.update_value(HashMap::clear);
        self.history_kept.set(Kept::default());
        self.draft.set(None);
        self.workshops.set(Vec::new());
        self.workshops_unreadable.set(Vec::new());
    }

    /// Another tab changed `key` (`None`: everything was cleared).
    fn refresh(&self, key: Option<&str>) {
        let Some(key) = key else {
            self.forget_all();
            return;
        };
        if key == HISTORY_KEY || (self.legacy.get_untracked() && key.starts_with(ASSESSMENT_PREFIX))
        {
            self.history.set(self.read_history());
        } else if let Some(id) = key.strip_prefix(ASSESSMENT_PREFIX) {
            let known = self.known_slot(id);
            self.hear_entry(id, known);
            self.tell(&stagefit_core::snapshot::ReadNotes::default());
        }
        if key == DRAFT_KEY {
            self.hear_draft();
        }
        if key == WORKSHOPS_KEY {
            self.workshops
                .set(self.read_workshops().unwrap_or_default());
        }
    }
}
