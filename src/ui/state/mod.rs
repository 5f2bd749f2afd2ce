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

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;

use crate::platform::{
    self,
    storage::{self, ASSESSMENT_PREFIX, DRAFT_KEY, HISTORY_KEY, StorageError, WORKSHOPS_KEY},
};
use stagefit_core::BANK;
use stagefit_core::snapshot::{self, Draft, Kept, MergeReport, ReadNotes, Snapshot, SnapshotError};
use stagefit_core::workshop::{self, Workshop};

/// Something the person should know about their saved data.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Storage cannot be used at all: the app works in memory only.
    SavingOff,
    /// Storage is full: everything stored is shown, but changes are not saved until there is
    /// room (issue 18: full is not off).
    Full,
    /// A write failed (refused); what was stored before is unchanged. The words are the view's.
    NotSaved(String),
    /// Saving failed for this reason; what was stored before is unchanged.
    SaveFailed(StorageError),
    /// Stored data could not be read and was kept aside, or, failing that, left in place under
    /// `key`, where it is never written over until the person downloads or discards it.
    Unreadable {
        what: Stored,
        reason: SnapshotError,
        aside: Option<String>,
        key: String,
        text: String,
    },
    /// A plain message in the view's words, such as what an import did.
    Info(String),
    /// Something reading or saving found, said in the language in use when it is shown.
    Told(Told),
    /// An assessment was deleted; it can be put back.
    Deleted(Snapshot),
}

/// Which stored value a notice is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stored {
    History,
    Workshops,
    Draft,
    /// One saved assessment of the history.
    Entry,
}

/// What reading or saving found, as data; `notices` words it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Told {
    /// Saved assessments that could not be read, kept aside.
    UnreadableEntries(usize),
    /// Saved assessments a newer Stagefit wrote, not shown, kept.
    NewerEntries(usize),
    /// Entries of a format-1 history left out when it was split (the whole was kept aside).
    SplitUnreadable(usize),
    /// Answers left out of the saved history (questions that changed).
    DroppedInHistory(usize),
    /// Answers left out of the unfinished assessment.
    DroppedInDraft(usize),
    /// The assessment on screen was deleted from the history, so it was not saved again.
    DeletedNotSaved,
    /// The assessment to rename was deleted in another tab.
    RenameGone,
    /// The unfinished assessment was removed in another tab.
    DraftRemoved,
}

/// What one assessment's key holds, as read.
enum Entry {
    Shown(Snapshot, String),
    Newer(String),
    Gone,
}

/// What reading assessment keys found.
#[derive(Default)]
struct Read {
    list: Vec<Snapshot>,
    stored: HashMap<String, String>,
    newer: HashMap<String, String>,
    notes: ReadNotes,
}

/// How many assessments an import writes before letting the page draw.
const IMPORT_CHUNK: usize = 250;

/// How long (ms) reading the history at start-up works before letting the page draw.
const READ_PART_MS: f64 = 25.0;

#[derive(Clone, Copy)]
pub struct Store {
    pub history: RwSignal<Vec<Snapshot>>,
    /// False while the history is still being read at start-up, a part at a time after the
    /// first view is drawn: the views that list it say so meanwhile.
    pub ready: RwSignal<bool>,
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
    pub notices: RwSignal<Vec<Notice>>,
    /// The unfinished assessment found when the page opened (or changed by another tab).
    pub draft: RwSignal<Option<Draft>>,
    /// False while a stored value could not be read nor kept aside: it must not be overwritten.
    history_writable: RwSignal<bool>,
    draft_writable: RwSignal<bool>,
    /// The workshops this browser facilitates.
    pub workshops: RwSignal<Vec<Workshop>>,
    /// Stored workshops this build cannot read, as stored: listed as unreadable, written back.
    pub workshops_unreadable: RwSignal<Vec<String>>,
    workshops_writable: RwSignal<bool>,
}

fn entry_key(id: &str) -> String {
    format!("{ASSESSMENT_PREFIX}{id}")
}

impl Store {
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
            workshops: RwSignal::new(Vec::new()),
            workshops_unreadable: RwSignal::new(Vec::new()),
            workshops_writable: RwSignal::new(true),
        }
    }

    /// Reads what is stored and starts listening to other tabs.
    pub fn load() -> Store {
        let store = Store::empty();
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
            leptos::task::spawn_local(
                store.read_history_in_parts(crate::ui::app::takeover::on_page()),
            );
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
            // A refused write says "full" once, not once per failed save.
            if notice == Notice::Full {
                n.retain(|old| !matches!(old, Notice::NotSaved(_) | Notice::SaveFailed(_)));
            }
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
            Err(error) => {
                writable.set(self.set_aside(what, key, text, error));
                None
            }
        }
    }

    /// The stored history, newest first: a format-1 history is split into one key per
    /// assessment first; then every assessment's key is read.
    fn read_history(&self) -> Vec<Snapshot> {
        self.split_legacy();
        if self.legacy.get_untracked() {
            return self.read_legacy().unwrap_or_default();
        }
        let mut read = Read::default();
        for key in storage::keys() {
            self.read_into(key, &mut read);
        }
        self.stored.set_value(read.stored);
        self.newer.set_value(read.newer);
        self.tell(&read.notes);
        let mut list = read.list;
        snapshot::sort_newest_first(&mut list);
        list
    }

    /// Reads one key into `read`, if it is an assessment's.
    fn read_into(&self, key: String, read: &mut Read) {
        let Some(id) = key.strip_prefix(ASSESSMENT_PREFIX) else {
            return;
        };
        match self.read_entry(&key, id, &mut read.notes) {
            Entry::Shown(s, text) => {
                read.stored.insert(s.id.clone(), text);
                read.list.push(s);
            }
            Entry::Newer(text) => {
                read.newer.insert(key, text);
            }
            Entry::Gone => {}
        }
    }

    /// The history at start-up (issue 18): the keys are listed, then read and decoded a part
    /// at a time, the page drawing in between, so the first view never waits for them and no
    /// task holds the page for long. What this tab changed meanwhile (saved, deleted, heard
    /// from another tab) stands over what was read before it; then `ready`.
    async fn read_history_in_parts(self, on_page: impl Future<Output = ()>) {
        let Some(generation) = self.generation.try_get_value() else {
            return;
        };
        // The first view is drawn, and on the page, before anything is read.
        on_page.await;
        platform::next_task().await;
        if self.generation.try_get_value() != Some(generation) {
            return;
        }
        let mut read = Read::default();
        let mut part = storage::now();
        for key in storage::keys() {
            if storage::now() - part > READ_PART_MS {
                platform::next_task().await;
                part = storage::now();
            }
            // Gone (the app), or everything was cleared meanwhile: nothing read stands.
            if self.generation.try_get_value() != Some(generation) {
                return;
            }
            self.read_into(key, &mut read);
        }
        let Read {
            mut list,
            stored,
            newer,
            notes,
        } = read;
        self.removed
            .with_value(|removed| list.retain(|s| !removed.contains(&s.id)));
        self.history.update(|shown| {
            list.retain(|s| !shown.iter().any(|x| x.id == s.id));
            self.stored.update_value(|m| {
                for s in &list {
                    if let Some(text) = stored.get(&s.id) {
                        m.entry(s.id.clone()).or_insert_with(|| text.clone());
                    }
                }
            });
            shown.append(&mut list);
            snapshot::sort_newest_first(shown);
        });
        self.newer.update_value(|m| {
            for (key, text) in newer {
                m.entry(key).or_insert(text);
            }
        });
        self.tell(&notes);
        self.ready.set(true);
    }

    /// The assessment `id`, as shown, or, while the history is still being read, as stored:
    /// a result opened by its address does not wait for the whole history.
    pub fn find(&self, id: &str) -> Option<Snapshot> {
        let shown = self
            .history
            .with_untracked(|h| h.iter().find(|s| s.id == id).cloned());
        if shown.is_some() || self.ready.get_untracked() {
            return shown;
        }
        if self.removed.with_value(|r| r.contains(id)) {
            return None;
        }
        let text = storage::read(&entry_key(id)).ok().flatten()?;
        let (mut s, _) = snapshot::decode_snapshot(&BANK, &text).ok()?;
        s.id = id.to_string();
        Some(s)
    }

    /// One assessment's key. An entry that cannot be read is moved aside (or, failing that,
    /// left where it is and offered for download); one of a newer build is kept as it is.
    fn read_entry(&self, key: &str, id: &str, notes: &mut ReadNotes) -> Entry {
        let Some(text) = storage::read(key).ok().flatten() else {
            return Entry::Gone;
        };
        match snapshot::decode_snapshot(&BANK, &text) {
            Ok((mut s, dropped)) => {
                notes.dropped.answers += dropped.answers;
                // The key names the assessment: deleting or saving it acts on this key.
                s.id = id.to_string();
                Entry::Shown(s, text)
            }
            Err(error) if error.is_newer() => {
                notes.newer += 1;
                Entry::Newer(text)
            }
            Err(error) => {
                if storage::move_aside(key, &text).is_ok() {
                    notes.unreadable += 1;
                } else {
                    self.notify(Notice::Unreadable {
                        what: Stored::Entry,
                        reason: error,
                        aside: None,
                        key: key.to_string(),
                        text,
                    });
                }
                Entry::Gone
            }
        }
    }

    /// Tells what reading the history could not show.
    fn tell(&self, notes: &ReadNotes) {
        let unreadable = notes.unreadable;
        if unreadable > 0 {
            self.notify(Notice::Told(Told::UnreadableEntries(unreadable)));
        }
        // Told when their number changes, not on every change to the history.
        let newer = self.newer.with_value(HashMap::len);
        if newer > 0 && newer != self.told_newer.get_value() {
            self.notify(Notice::Told(Told::NewerEntries(newer)));
        }
        self.told_newer.set_value(newer);
        if notes.dropped.answers > 0 {
            self.notify(Notice::Told(Told::DroppedInHistory(notes.dropped.answers)));
        }
    }

    /// Splits a stored format-1 history into one key per assessment, then removes it. Whatever
    /// the split leaves out (entries it cannot read, fields of the history itself) is kept
    /// aside first. When storage has no room for the split, the keys written so far are
    /// removed again and the history stays format 1 (`legacy`).
    fn split_legacy(&self) {
        let Some(text) = storage::read(HISTORY_KEY).ok().flatten() else {
            self.legacy.set(false);
            return;
        };
        if !self.history_writable.get_untracked() {
            // Unreadable and not kept aside: left where it is, and read as nothing.
            self.legacy.set(false);
            return;
        }
        let migrated = match snapshot::split_history(&BANK, &text) {
            Ok(migrated) => migrated,
            Err(error) => {
                // Moved aside, so the next load does not meet it again.
                let aside = storage::move_aside(HISTORY_KEY, &text).ok();
                self.history_writable.set(aside.is_some());
                self.notify(Notice::Unreadable {
                    what: Stored::History,
                    reason: error,
                    aside,
                    key: HISTORY_KEY.to_string(),
                    text,
                });
                self.legacy.set(false);
                return;
            }
        };
        if !migrated.lossless && storage::keep_aside(HISTORY_KEY, &text).is_err() {
            self.stay_legacy();
            return;
        }
        let mut written: Vec<String> = Vec::new();
        for (id, entry) in &migrated.entries {
            let key = entry_key(id);
            // Already split (by another tab at the same moment): that copy stands.
            if storage::read(&key).ok().flatten().is_some() {
                continue;
            }
            if storage::write(&key, entry).is_err() {
                for key in written {
                    let _ = storage::remove(&key);
                }
                self.stay_legacy();
                return;
            }
            written.push(key);
        }
        let _ = storage::remove(HISTORY_KEY);
        self.legacy.set(false);
        let unreadable = migrated.notes.unreadable;
        if unreadable > 0 {
            self.notify(Notice::Told(Told::SplitUnreadable(unreadable)));
        }
    }

    fn stay_legacy(&self) {
        self.legacy.set(true);
        self.notify(Notice::Full);
    }

    /// A format-1 history, read as it always was (only while `legacy`).
    fn read_legacy(&self) -> Option<Vec<Snapshot>> {
        let writable = self.history_writable;
        self.read_stored(HISTORY_KEY, Stored::History, writable, |text| {
            let (history, notes) = snapshot::decode_history(&BANK, text)?;
            if notes.unreadable > 0 {
                // Keep the whole stored value aside before any later write drops those entries.
                writable.set(storage::keep_aside(HISTORY_KEY, text).is_ok());
            }
            let tell = ReadNotes { newer: 0, ..notes };
            self.tell(&tell);
            self.history_kept.set(history.kept);
            let mut list = history.assessments;
            snapshot::sort_newest_first(&mut list);
            Ok(list)
        })
    }

    fn read_workshops(&self) -> Option<Vec<Workshop>> {
        let unreadable = self.workshops_unreadable;
        unreadable.set(Vec::new());
        self.read_stored(
            WORKSHOPS_KEY,
            Stored::Workshops,
            self.workshops_writable,
            |text| {
                let (list, kept) = workshop::decode_workshops_keeping(text)?;
                unreadable.set(kept);
                Ok(list)
            },
        )
    }

    fn read_draft(&self) -> Option<Draft> {
        self.read_stored(DRAFT_KEY, Stored::Draft, self.draft_writable, |text| {
            let (draft, dropped) = snapshot::decode_draft(&BANK, text)?;
            if dropped.answers > 0 {
                self.notify(Notice::Told(Told::DroppedInDraft(dropped.answers)));
            }
            Ok(draft)
        })
    }

    /// Applies `change` to a stored list: reads what is stored (another tab may have changed
    /// it, or removed it: then the change applies to nothing stored, not to this tab's copy),
    /// applies the change, writes it back unless the stored value must not be overwritten, and
    /// updates `signal`. With storage off, the change applies to the list in memory.
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
            read().unwrap_or_default()
        };
        change(&mut list);
        // Not writable: the notice about the value in the way says so, with its buttons.
        if writable.get_untracked() {
            self.write(key, &encode(&list));
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
            |list| {
                self.workshops_unreadable
                    .with_untracked(|kept| workshop::encode_workshops_keeping(list, kept))
            },
        );
    }

    /// Removes a stored workshop that cannot be read (the person chose "Remove it"), from
    /// what is stored now (another tab may have changed it).
    pub fn remove_unreadable_workshop(&self, text: &str) {
        let list = self.read_workshops().unwrap_or_default();
        if !self.workshops_writable.get_untracked() {
            return;
        }
        self.workshops_unreadable
            .update(|kept| kept.retain(|t| t != text));
        let encoded = self
            .workshops_unreadable
            .with_untracked(|kept| workshop::encode_workshops_keeping(&list, kept));
        self.write(WORKSHOPS_KEY, &encoded);
        self.workshops.set(list);
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

    /// Applies `change` to a format-1 history (only while `legacy`), writing back what it keeps
    /// for a newer build.
    fn update_legacy(&self, change: impl FnOnce(&mut Vec<Snapshot>)) {
        self.update_stored(
            HISTORY_KEY,
            self.history,
            self.history_writable,
            || self.read_legacy(),
            |list| {
                change(list);
                snapshot::sort_newest_first(list);
            },
            |list| {
                self.history_kept
                    .with_untracked(|kept| snapshot::encode_history_keeping(&BANK, list, kept))
            },
        );
    }

    /// Shows `s` in the history, in place of its older copy.
    fn show(&self, s: Snapshot) {
        self.history.update(|h| {
            match h.iter().position(|x| x.id == s.id) {
                Some(i) => h[i] = s,
                None => h.push(s),
            }
            snapshot::sort_newest_first(h);
        });
    }

    /// Writes one assessment under its own key, unless a newer copy is stored (then that one is
    /// shown), keeping what this build could not represent in the stored copy. Shows it when
    /// it was saved (or storage is off).
    fn put(&self, snapshot: Snapshot) {
        if self.saving_off() {
            self.show(snapshot);
            return;
        }
        let key = entry_key(&snapshot.id);
        let stored = storage::read(&key).ok().flatten();
        if let Some(text) = &stored
            && let Ok((mut newer, _)) = snapshot::decode_snapshot(&BANK, text)
            && newer.updated > snapshot.updated
        {
            newer.id = snapshot.id.clone();
            self.stored
                .update_value(|m| drop(m.insert(newer.id.clone(), text.clone())));
            self.show(newer);
            return;
        }
        let original = stored.or_else(|| self.stored.with_value(|m| m.get(&snapshot.id).cloned()));
        let text = snapshot::encode_entry(&BANK, &snapshot, original.as_deref());
        if self.write(&key, &text) {
            self.stored
                .update_value(|m| drop(m.insert(snapshot.id.clone(), text)));
            self.show(snapshot);
        }
    }

    /// Adds or updates one assessment (the results view saves what is on screen), never
    /// replacing a newer stored copy, and never bringing back one that was deleted or cleared
    /// (here or in another tab) since.
    pub fn upsert(&self, snapshot: Snapshot) {
        if self.legacy.get_untracked() {
            self.update_legacy(|list| {
                snapshot::merge(list, vec![snapshot]);
            });
            return;
        }
        if self.removed.with_value(|r| r.contains(&snapshot.id)) {
            self.notify(Notice::Told(Told::DeletedNotSaved));
            return;
        }
        self.put(snapshot);
    }

    /// Puts a deleted assessment back (Undo), as it was stored.
    pub fn restore(&self, snapshot: Snapshot) {
        self.removed.update_value(|r| {
            r.remove(&snapshot.id);
        });
        if self.legacy.get_untracked() {
            self.update_legacy(|list| {
                snapshot::merge(list, vec![snapshot]);
            });
        } else {
            self.put(snapshot);
        }
    }

    /// Renames the assessment `id` as stored now. One another tab deleted is not brought back.
    pub fn rename(&self, id: &str, label: String) {
        let updated = storage::now();
        if self.legacy.get_untracked() || self.saving_off() {
            let change = |list: &mut Vec<Snapshot>| {
                if let Some(s) = list.iter_mut().find(|s| s.id == id) {
                    s.label = label;
                    s.updated = updated;
                }
            };
            if self.saving_off() {
                self.history.update(change);
            } else {
                self.update_legacy(change);
            }
            return;
        }
        let key = entry_key(id);
        let stored = storage::read(&key).ok().flatten();
        let Some((text, Ok((mut s, _)))) = stored
            .map(|text| (snapshot::decode_snapshot(&BANK, &text), text))
            .map(|(r, t)| (t, r))
        else {
            self.forget(id);
            self.notify(Notice::Told(Told::RenameGone));
            return;
        };
        s.id = id.to_string();
        s.label = label;
        s.updated = updated;
        let out = snapshot::encode_entry(&BANK, &s, Some(&text));
        if self.write(&key, &out) {
            self.stored
                .update_value(|m| drop(m.insert(s.id.clone(), out)));
            self.show(s);
        }
    }

    /// This tab's copy of `id` goes: it was removed from storage.
    fn forget(&self, id: &str) {
        self.removed.update_value(|r| {
            r.insert(id.to_string());
        });
        self.history.update(|h| h.retain(|s| s.id != id));
    }

    /// Deletes the assessment `id` (its key only) and offers to put it back.
    pub fn delete(&self, id: &str) {
        let Some(gone) = self
            .history
            .with_untracked(|h| h.iter().find(|s| s.id == id).cloned())
        else {
            return;
        };
        if self.legacy.get_untracked() {
            self.update_legacy(|list| list.retain(|s| s.id != id));
        } else if !self.saving_off() {
            let _ = storage::remove(&entry_key(id));
        }
        self.forget(id);
        self.notify(Notice::Deleted(gone));
    }

    /// Imports `incoming` (ids already unique): new assessments are added and newer copies
    /// replace older ones, each written under its own key, a part at a time with the page
    /// drawing in between (`progress(done, total)`). All or nothing: when storage refuses one,
    /// those written so far are taken back and the error says why.
    pub async fn import(
        &self,
        mut incoming: Vec<Snapshot>,
        progress: impl Fn(usize, usize),
    ) -> Result<MergeReport, StorageError> {
        // An id whose key holds an entry of a newer build is that entry: never written over.
        let count = incoming.len();
        self.newer
            .with_value(|newer| incoming.retain(|s| !newer.contains_key(&entry_key(&s.id))));
        let kept_for_newer = count - incoming.len();
        let mut list = self.history.get_untracked();
        let before: HashMap<String, f64> = list.iter().map(|s| (s.id.clone(), s.updated)).collect();
        let mut report = snapshot::merge(&mut list, incoming);
        report.skipped += kept_for_newer;
        if self.legacy.get_untracked() {
            self.update_legacy(|stored| {
                *stored = list;
            });
            return Ok(report);
        }
        let changed: Vec<&Snapshot> = list
            .iter()
            .filter(|s| before.get(&s.id) != Some(&s.updated))
            .collect();
        let total = changed.len();
        let mut written: Vec<(String, String)> = Vec::with_capacity(total);
        if !self.saving_off() {
            for (n, part) in changed.chunks(IMPORT_CHUNK).enumerate() {
                for s in part {
                    let original = self.stored.with_value(|m| m.get(&s.id).cloned());
                    let text = snapshot::encode_entry(&BANK, s, original.as_deref());
                    let key = entry_key(&s.id);
                    if let Err(error) = storage::write(&key, &text) {
                        self.take_back(&written).await;
                        return Err(error);
                    }
                    written.push((s.id.clone(), text));
                }
                progress((n * IMPORT_CHUNK + part.len()).min(total), total);
                platform::next_task().await;
            }
        }
        self.stored
            .update_value(|m| m.extend(written.iter().cloned()));
        self.removed.update_value(|r| {
            written.iter().for_each(|(id, _)| {
                r.remove(id);
            })
        });
        self.history.set(list);
        Ok(report)
    }

    /// Undoes an import's writes: keys it added are removed, copies it replaced are put back.
    async fn take_back(&self, written: &[(String, String)]) {
        for (n, (id, _)) in written.iter().enumerate() {
            let key = entry_key(id);
            match self.stored.with_value(|m| m.get(id).cloned()) {
                Some(before) => drop(storage::write(&key, &before)),
                None => drop(storage::remove(&key)),
            }
            if n % (IMPORT_CHUNK * 4) == 0 {
                platform::next_task().await;
            }
        }
    }

    /// The whole history as an export file: each assessment exactly as stored, then what a
    /// newer build saved, so a backup made here loses nothing.
    pub fn export_history(&self) -> String {
        if self.legacy.get_untracked() {
            return self.history.with_untracked(|list| {
                self.history_kept
                    .with_untracked(|kept| snapshot::encode_history_keeping(&BANK, list, kept))
            });
        }
        if !self.ready.get_untracked() {
            // Still being read (the storage-full notice offers a backup from the first view):
            // every assessment's key as stored, so a backup taken now is whole.
            let texts: Vec<String> = storage::keys()
                .iter()
                .filter(|key| key.starts_with(ASSESSMENT_PREFIX))
                .filter_map(|key| storage::read(key).ok().flatten())
                .collect();
            return snapshot::history_of_entries(texts.iter().map(String::as_str));
        }
        self.history.with_untracked(|list| {
            self.stored.with_value(|stored| {
                self.newer.with_value(|newer| {
                    let shown = list
                        .iter()
                        .filter_map(|s| stored.get(&s.id).map(String::as_str));
                    snapshot::history_of_entries(shown.chain(newer.values().map(String::as_str)))
                })
            })
        })
    }

    /// Saves the assessment in progress, unless another tab saved a newer one since.
    pub fn save_draft(&self, draft: &Draft) {
        if !self.draft_writable.get_untracked() {
            return;
        }
        if self.removed.with_value(|r| r.contains(&draft.snapshot.id)) {
            self.notify(Notice::Told(Told::DraftRemoved));
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
            let mut notes = ReadNotes::default();
            match self.read_entry(key, id, &mut notes) {
                Entry::Shown(s, text) => {
                    self.removed.update_value(|r| {
                        r.remove(id);
                    });
                    self.stored
                        .update_value(|m| drop(m.insert(s.id.clone(), text)));
                    self.show(s);
                }
                Entry::Newer(text) => {
                    self.newer
                        .update_value(|m| drop(m.insert(key.to_string(), text)));
                    self.forget(id);
                }
                Entry::Gone => {
                    self.newer.update_value(|m| drop(m.remove(key)));
                    self.forget(id);
                }
            }
            self.tell(&notes);
        }
        if key == DRAFT_KEY {
            let read = self.read_draft();
            // Removed by another tab (Clear all data, a new start): this tab's copy goes too,
            // and is not written back.
            if read.is_none()
                && let Some(gone) = self.draft.get_untracked()
            {
                self.removed.update_value(|r| {
                    r.insert(gone.snapshot.id);
                });
            }
            self.draft.set(read);
        }
        if key == WORKSHOPS_KEY {
            self.workshops
                .set(self.read_workshops().unwrap_or_default());
        }
    }
}
