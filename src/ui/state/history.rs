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
use serde_json::value::RawValue;
use stagefit_core::BANK;
use stagefit_core::merge::{self, ImportAction, Slot};
use stagefit_core::snapshot::{self, MergeReport, ReadNotes, SavedPlan, Snapshot};

/// What one assessment's key holds, as read.
pub(super) enum Entry {
    Shown(Snapshot, String),
    /// A delete's tombstone (issue 30): nothing to show, but known, so a copy another tab still
    /// holds is not brought back.
    Deleted(String),
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

/// How long a delete's tombstone stays under its key: long enough for every tab open at the
/// time to have heard of it; a tab that comes back later finds the key empty, which it never
/// writes back either.
const TOMBSTONE_DAYS: f64 = 7.0;
const DAY_MS: f64 = 86_400_000.0;

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

/// Adds what one part of an import could not read or show to the whole import's notes.
fn add_notes(all: &mut ReadNotes, part: &ReadNotes) {
    all.unreadable += part.unreadable;
    all.newer += part.newer;
    all.dropped.answers += part.dropped.answers;
    all.dropped.damaged += part.dropped.damaged;
}

/// Counts one imported entry in the words the import message uses.
fn count(report: &mut MergeReport, action: ImportAction) {
    match action {
        ImportAction::Added => report.added += 1,
        ImportAction::Replaced | ImportAction::Merged | ImportAction::Restored => {
            report.updated += 1
        }
        ImportAction::Unchanged | ImportAction::KeptNewer => report.skipped += 1,
    }
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
            Entry::Deleted(text) => {
                read.stored.insert(id.to_string(), text);
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
                for (id, text) in stored {
                    m.entry(id).or_insert(text);
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
    /// left where it is and offered for download); one of a newer build is kept as it is. A
    /// tombstone older than `TOMBSTONE_DAYS` has been seen by every tab that was open when it
    /// was written, and goes.
    pub(super) fn read_entry(&self, key: &str, id: &str, notes: &mut ReadNotes) -> Entry {
        let Some(text) = storage::read(key).ok().flatten() else {
            return Entry::Gone;
        };
        match merge::decode_slot(&BANK, id, &text) {
            Ok((Slot::Live(entry), dropped)) => {
                notes.dropped.answers += dropped.answers;
                notes.dropped.damaged += dropped.damaged;
                self.writer.update_value(|w| w.saw(entry.rev()));
                Entry::Shown(entry.into_snapshot(), text)
            }
            Ok((Slot::Deleted(tomb), _)) => {
                if tomb.deleted < storage::now() - TOMBSTONE_DAYS * DAY_MS {
                    let _ = storage::remove(key);
                    return Entry::Gone;
                }
                self.writer.update_value(|w| w.saw(&tomb.rev));
                Entry::Deleted(text)
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
            // A newer build's history stays under its key untouched (issue 30): never written
            // over here, and offered for download.
            Err(error) if error.is_newer() => {
                self.history_writable.set(false);
                self.notify(Notice::Unreadable {
                    what: Stored::History,
                    reason: error,
                    aside: None,
                    key: HISTORY_KEY.to_string(),
                    text,
                });
                self.legacy.set(false);
                return;
            }
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

    /// Imports a file's entries (issue 30: backups restore exactly). Each is decided against
    /// every stored key by the merge rules: a new assessment is written exactly as it is in the
    /// file (fields, answers and formats this build does not know included, a newer build's
    /// entry too), the same assessment is merged or put back, and an id another assessment has
    /// is never written over. A part at a time, the page drawing in between
    /// (`progress(done, total)`). All or nothing: when storage refuses one, those written so far
    /// are taken back and the error says why.
    pub async fn import(
        &self,
        entries: &[&RawValue],
        progress: impl Fn(usize, usize),
    ) -> Result<(MergeReport, ReadNotes), StorageError> {
        if self.legacy.get_untracked() || self.saving_off() {
            return Ok(self.import_unmerged(entries));
        }
        let total = entries.len();
        // Every assessment key as stored: ids are decided against all of them.
        let mut held: HashMap<String, String> = storage::keys()
            .into_iter()
            .filter_map(|key| {
                let id = key.strip_prefix(ASSESSMENT_PREFIX)?.to_string();
                storage::read(&key).ok().flatten().map(|text| (id, text))
            })
            .collect();
        let mut report = MergeReport::default();
        let mut notes = ReadNotes::default();
        let mut written: Vec<(String, Option<String>)> = Vec::new();
        let mut shown: Vec<(Snapshot, String)> = Vec::new();
        let mut newer: Vec<(String, String)> = Vec::new();
        mark_import(0, total);
        for (n, part) in entries.chunks(IMPORT_CHUNK).enumerate() {
            let file = snapshot::history_of_entries(part.iter().map(|raw| raw.get()));
            let decided = self.stamp_with(|w| merge::import(&BANK, &held, &file, w));
            let Ok(decided) = decided else {
                notes.unreadable += part.len();
                continue;
            };
            add_notes(&mut notes, &decided.notes);
            for step in decided.steps {
                count(&mut report, step.action);
                let Some(pending) = step.write else {
                    continue;
                };
                let key = entry_key(&step.id);
                if let Err(error) = storage::write(&key, pending.text()) {
                    self.take_back(&written).await;
                    let _ = storage::remove(IMPORT_KEY);
                    return Err(error);
                }
                let text = pending.text().to_string();
                match pending.value() {
                    Some(Slot::Live(entry)) => shown.push((entry.snapshot().clone(), text.clone())),
                    Some(Slot::Deleted(_)) => {}
                    // A newer build's entry: stored as it is, not shown.
                    None => newer.push((entry_key(&step.id), text.clone())),
                }
                let before = held.insert(step.id.clone(), text);
                written.push((step.id, before));
            }
            mark_import(written.len(), total);
            progress(((n + 1) * IMPORT_CHUNK).min(total), total);
            platform::next_task().await;
        }
        let _ = storage::remove(IMPORT_KEY);
        self.show_imported(shown, newer);
        Ok((report, notes))
    }

    /// Shows what an import wrote, in one change to the history: its assessments as written,
    /// and the entries of a newer build it stored.
    fn show_imported(&self, written: Vec<(Snapshot, String)>, newer: Vec<(String, String)>) {
        let mut shown = Vec::with_capacity(written.len());
        self.stored.update_value(|m| {
            self.removed.update_value(|r| {
                for (s, text) in written {
                    r.remove(&s.id);
                    m.insert(s.id.clone(), text);
                    shown.push(s);
                }
            })
        });
        self.newer.update_value(|m| m.extend(newer));
        self.history.update(|list| {
            let ids: HashSet<&str> = shown.iter().map(|s| s.id.as_str()).collect();
            list.retain(|s| !ids.contains(s.id.as_str()));
            list.append(&mut shown);
            snapshot::sort_newest_first(list);
        });
        let newer = self.newer.with_value(HashMap::len);
        self.told_newer.set_value(newer);
    }

    /// An import into a format-1 history, or into memory when storage is off: decoded, made
    /// unique, and merged by the older rules.
    fn import_unmerged(&self, entries: &[&RawValue]) -> (MergeReport, ReadNotes) {
        let mut notes = ReadNotes::default();
        let mut incoming: Vec<Snapshot> = entries
            .iter()
            .filter_map(|entry| snapshot::decode_import_entry(&BANK, entry, &mut notes))
            .collect();
        snapshot::unique_ids_among(&mut incoming, &self.ids());
        let mut list = self.history.get_untracked();
        let report = snapshot::merge(&mut list, incoming);
        if self.legacy.get_untracked() {
            self.update_legacy(|stored| *stored = list);
        } else {
            self.history.set(list);
        }
        (report, notes)
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

    /// Undoes an import's writes: keys it added are removed, values it replaced are put back.
    pub(super) async fn take_back(&self, written: &[(String, Option<String>)]) {
        for (n, (id, before)) in written.iter().enumerate().rev() {
            let key = entry_key(id);
            match before {
                Some(before) => drop(storage::write(&key, before)),
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
