//! The finished assessments: one key per assessment (history format 2), read a part at a time
//! after the first view, a format-1 history split into those keys without loss, and every change
//! (save, rename, delete, restore, import, export) applied to what is stored now.

use leptos::prelude::*;

use std::collections::{HashMap, HashSet};

use super::{Notice, Store, Stored, Told};
use crate::platform::{
    self,
    storage::{self, ASSESSMENT_PREFIX, HISTORY_KEY, IMPORT_KEY, StorageError},
};
use stagefit_core::BANK;
use stagefit_core::snapshot::{self, MergeReport, ReadNotes, SavedPlan, Snapshot};

/// What one assessment's key holds, as read.
pub(super) enum Entry {
    Shown(Snapshot, String),
    Newer(String),
    Gone,
}

/// What reading assessment keys found.
#[derive(Default)]
pub(super) struct Read {
    list: Vec<Snapshot>,
    stored: HashMap<String, String>,
    newer: HashMap<String, String>,
    notes: ReadNotes,
}

/// How many assessments an import writes before letting the page draw.
const IMPORT_CHUNK: usize = 250;

/// How long (ms) reading the history at start-up works before letting the page draw.
const READ_PART_MS: f64 = 25.0;

/// Notes under `IMPORT_KEY` that an import is writing: `written` of its `total` assessments so
/// far. Removed when it ends; found on a load, it means the page went away part way.
fn mark_import(written: usize, total: usize) {
    let mark = format!("{{\"written\":{written},\"total\":{total}}}");
    // A mark that cannot be written only means a reload part way would not be told.
    let _ = storage::write(IMPORT_KEY, &mark);
}

pub(super) fn entry_key(id: &str) -> String {
    format!("{ASSESSMENT_PREFIX}{id}")
}

impl Store {
    /// The stored history, newest first: a format-1 history is split into one key per
    /// assessment first; then every assessment's key is read.
    pub(super) fn read_history(&self) -> Vec<Snapshot> {
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
    pub(super) fn read_into(&self, key: String, read: &mut Read) {
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
    pub(super) async fn read_history_in_parts(self, on_page: impl Future<Output = ()>) {
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
    pub(super) fn read_entry(&self, key: &str, id: &str, notes: &mut ReadNotes) -> Entry {
        let Some(text) = storage::read(key).ok().flatten() else {
            return Entry::Gone;
        };
        match snapshot::decode_snapshot(&BANK, &text) {
            Ok((mut s, dropped)) => {
                notes.dropped.answers += dropped.answers;
                notes.dropped.damaged += dropped.damaged;
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
    pub(super) fn tell(&self, notes: &ReadNotes) {
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
        if notes.dropped.damaged > 0 {
            self.notify(Notice::Told(Told::DamagedInHistory(notes.dropped.damaged)));
        }
    }

    /// Splits a stored format-1 history into one key per assessment, then removes it. Whatever
    /// the split leaves out (entries it cannot read, fields of the history itself) is kept
    /// aside first. When storage has no room for the split, the keys written so far are
    /// removed again and the history stays format 1 (`legacy`).
    pub(super) fn split_legacy(&self) {
        let Some(text) = storage::read(HISTORY_KEY).ok().flatten() else {
            self.legacy.set(false);
            return;
        };
        if !self.history_writable.get_untracked() {
            // Unreadable and not kept aside: left where it is, and read as nothing.
            self.legacy.set(false);
            return;
        }
        // Ids already stored under their own keys: a duplicate in the old history is never
        // given one of them (issue 30).
        let stored: HashSet<String> = storage::keys()
            .iter()
            .filter_map(|k| k.strip_prefix(ASSESSMENT_PREFIX).map(str::to_string))
            .collect();
        let migrated = match snapshot::split_history_among(&BANK, &text, &stored) {
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

    pub(super) fn stay_legacy(&self) {
        self.legacy.set(true);
        self.notify(Notice::Full);
    }

    /// A format-1 history, read as it always was (only while `legacy`).
    pub(super) fn read_legacy(&self) -> Option<Vec<Snapshot>> {
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

    /// Applies `change` to a format-1 history (only while `legacy`), writing back what it keeps
    /// for a newer build.
    pub(super) fn update_legacy(&self, change: impl FnOnce(&mut Vec<Snapshot>)) {
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
    pub(super) fn show(&self, s: Snapshot) {
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
    pub(super) fn put(&self, snapshot: Snapshot) -> bool {
        if self.saving_off() {
            self.show(snapshot);
            return true;
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
            return true;
        }
        let original = stored.or_else(|| self.stored.with_value(|m| m.get(&snapshot.id).cloned()));
        let text = snapshot::encode_entry(&BANK, &snapshot, original.as_deref());
        if !self.write(&key, &text) {
            return false;
        }
        self.stored
            .update_value(|m| drop(m.insert(snapshot.id.clone(), text)));
        self.show(snapshot);
        true
    }

    /// Adds or updates one assessment (the results view saves what is on screen), never
    /// replacing a newer stored copy, and never bringing back one that was deleted or cleared
    /// (here or in another tab) since.
    pub fn upsert(&self, snapshot: Snapshot) -> bool {
        if self.legacy.get_untracked() {
            self.update_legacy(|list| {
                snapshot::merge(list, vec![snapshot]);
            });
            return true;
        }
        if self.removed.with_value(|r| r.contains(&snapshot.id)) {
            self.notify(Notice::Told(Told::DeletedNotSaved));
            return false;
        }
        self.put(snapshot)
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
    pub(super) fn forget(&self, id: &str) {
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
            // Between parts the page may be closed or reloaded: the mark says how far the import
            // got until it ends, and the next load tells the person (issue 30).
            mark_import(0, total);
            for (n, part) in changed.chunks(IMPORT_CHUNK).enumerate() {
                for s in part {
                    let original = self.stored.with_value(|m| m.get(&s.id).cloned());
                    let text = snapshot::encode_entry(&BANK, s, original.as_deref());
                    let key = entry_key(&s.id);
                    if let Err(error) = storage::write(&key, &text) {
                        self.take_back(&written).await;
                        let _ = storage::remove(IMPORT_KEY);
                        return Err(error);
                    }
                    written.push((s.id.clone(), text));
                }
                mark_import(written.len(), total);
                progress((n * IMPORT_CHUNK + part.len()).min(total), total);
                platform::next_task().await;
            }
            let _ = storage::remove(IMPORT_KEY);
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

    /// Tells the person when the last import was cut short by the page going away (a reload, a
    /// closed tab) while it was writing, and how far it got: what it wrote is in the history;
    /// importing the file again adds the rest and skips what is here (issue 30).
    pub(super) fn tell_interrupted_import(&self) {
        let Some(mark) = storage::read(IMPORT_KEY).ok().flatten() else {
            return;
        };
        let count = |field: &str| {
            serde_json::from_str::<serde_json::Value>(&mark)
                .ok()
                .and_then(|v| v.get(field).and_then(serde_json::Value::as_u64))
                .map_or(0, |n| n as usize)
        };
        self.notify(Notice::Told(Told::ImportInterrupted {
            written: count("written"),
            total: count("total"),
        }));
        let _ = storage::remove(IMPORT_KEY);
    }

    /// Undoes an import's writes: keys it added are removed, copies it replaced are put back.
    pub(super) async fn take_back(&self, written: &[(String, String)]) {
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
}

impl Store {
    /// Keeps a finished assessment (its results are on screen). A new one is saved; a saved one
    /// whose answers changed gets a new version, the earlier one kept (issue 26); a new name
    /// alone is a rename. Only once it is stored does its draft, if it was the unfinished one,
    /// end: a refused write leaves the draft where it was (issue 30).
    pub fn finish(&self, snapshot: Snapshot) {
        let saved = match self.find(&snapshot.id) {
            None => self.upsert(snapshot.clone()),
            Some(s) if s.answers == snapshot.answers && s.label == snapshot.label => true,
            Some(_) => self
                .apply(&snapshot.id, |stored| {
                    let mut next = stored.with_version(snapshot.answers.clone(), snapshot.updated);
                    next.label = snapshot.label.clone();
                    // A new name alone is a change too: when it was made is when it was saved.
                    next.updated = snapshot.updated;
                    Some(next)
                })
                .is_some(),
        };
        if !saved {
            if !self.saving_off() {
                self.notify(Notice::ResultNotSaved(snapshot));
            }
            return;
        }
        self.notices.update(|n| {
            n.retain(|old| !matches!(old, Notice::ResultNotSaved(o) if o.id == snapshot.id))
        });
        if self
            .draft
            .with_untracked(|d| d.as_ref().is_some_and(|d| d.snapshot.id == snapshot.id))
        {
            self.clear_draft();
        }
    }

    /// Applies `change` to the assessment `id` as it is stored now (as shown, when nothing can
    /// be stored), writes it back keeping what this build cannot read of it, and shows it.
    /// What is stored afterwards, or `None` when it is gone, `change` declined, or the write
    /// was refused (then a notice says so).
    pub(super) fn apply(
        &self,
        id: &str,
        change: impl FnOnce(&Snapshot) -> Option<Snapshot>,
    ) -> Option<Snapshot> {
        if self.saving_off() {
            let shown = self
                .history
                .with_untracked(|h| h.iter().find(|s| s.id == id).cloned())?;
            let next = change(&shown)?;
            self.show(next.clone());
            return Some(next);
        }
        if self.legacy.get_untracked() {
            let mut out = None;
            self.update_legacy(|list| {
                if let Some(i) = list.iter().position(|s| s.id == id)
                    && let Some(next) = change(&list[i])
                {
                    list[i] = next.clone();
                    out = Some(next);
                }
            });
            return out;
        }
        let key = entry_key(id);
        let Some(text) = storage::read(&key).ok().flatten() else {
            self.forget(id);
            self.notify(Notice::Told(Told::RenameGone));
            return None;
        };
        let (mut stored, _) = snapshot::decode_snapshot(&BANK, &text).ok()?;
        stored.id = id.to_string();
        let next = change(&stored)?;
        let out = snapshot::encode_entry(&BANK, &next, Some(&text));
        if !self.write(&key, &out) {
            return None;
        }
        self.stored
            .update_value(|m| drop(m.insert(next.id.clone(), out)));
        self.show(next.clone());
        Some(next)
    }

    /// Every id stored or shown: assessments, entries a newer build saved, and ones this tab
    /// holds that storage refused. A generated or imported id is checked against them all.
    pub fn ids(&self) -> HashSet<String> {
        let mut ids: HashSet<String> = self
            .history
            .with_untracked(|h| h.iter().map(|s| s.id.clone()).collect());
        self.newer.with_value(|newer| {
            ids.extend(
                newer
                    .keys()
                    .filter_map(|k| k.strip_prefix(ASSESSMENT_PREFIX).map(str::to_string)),
            )
        });
        ids.extend(
            storage::keys()
                .iter()
                .filter_map(|k| k.strip_prefix(ASSESSMENT_PREFIX).map(str::to_string)),
        );
        ids
    }

    /// Undoes the last change of `id`: the version before becomes current again.
    pub fn undo_version(&self, id: &str) -> Option<Snapshot> {
        self.apply(id, Snapshot::undo)
    }

    /// Deletes one version of `id` (the whole assessment stays).
    pub fn delete_version(&self, id: &str, number: u32) -> Option<Snapshot> {
        self.apply(id, |s| s.without_version(number))
    }

    /// Saves a plan with the assessment `id` (in place of the one with its id).
    pub fn save_plan(&self, id: &str, plan: SavedPlan) -> Option<Snapshot> {
        self.apply(id, |s| Some(s.with_plan(plan)))
    }

    /// Deletes the plan `plan` of the assessment `id`.
    pub fn delete_plan(&self, id: &str, plan: &str) -> Option<Snapshot> {
        self.apply(id, |s| Some(s.without_plan(plan)))
    }
}
