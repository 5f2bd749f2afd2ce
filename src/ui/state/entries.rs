//! Changes to saved assessments through the merge rules (issue 30, `stagefit_core::merge`):
//! finish, rename and every other change (`apply`), delete (a tombstone), Undo (a new life), and
//! what this tab does on hearing that another tab changed an assessment's key. Each stored value
//! carries revisions, so the order of two tabs' changes never depends on their clocks; each
//! change is merged with what is stored now, and what did not happen is said.
//!
//! A format-1 history (`legacy`) and a page whose storage is off keep the older paths: the first
//! is one value rewritten whole, the second lives in memory only.

use leptos::prelude::*;

use super::history::entry_key;
use super::{Notice, Store, Told};
use crate::platform::storage;
use stagefit_core::BANK;
use stagefit_core::merge::{self, Decision, Heard, Outcome, RevDraft, RevEntry, Slot};
use stagefit_core::snapshot::{self, Draft, Snapshot};

impl Store {
    /// The key of `id` as this tab last read or wrote it.
    pub(super) fn known_slot(&self, id: &str) -> Option<Slot> {
        self.stored.with_value(|m| {
            let text = m.get(id)?;
            merge::decode_slot(&BANK, id, text)
                .ok()
                .map(|(slot, _)| slot)
        })
    }

    /// Makes a decision's write under `id`'s key, and remembers what the key holds afterwards:
    /// the text written, or, when nothing was written, `stored` as read.
    fn run_entry(
        &self,
        id: &str,
        stored: Option<String>,
        decision: Decision<Slot>,
    ) -> Outcome<Slot> {
        let key = entry_key(id);
        let mut now = stored;
        let outcome = decision.run(|text| {
            let ok = self.write(&key, text);
            if ok {
                now = Some(text.to_string());
            }
            ok
        });
        if outcome.saved() {
            self.stored.update_value(|m| match now {
                Some(text) => drop(m.insert(id.to_string(), text)),
                None => drop(m.remove(id)),
            });
        }
        outcome
    }

    /// Shows what a change left stored, and says what did not happen. The assessment after
    /// the change, when it is stored and live.
    fn settle(&self, id: &str, outcome: Outcome<Slot>) -> Option<Snapshot> {
        match outcome {
            Outcome::Written(slot) | Outcome::Merged(slot) | Outcome::Unchanged(slot) => {
                self.show_slot(id, slot)
            }
            // Storage refused it: the storage notice says so, and what is stored stays shown.
            Outcome::Refused(_) => None,
            // Deleted (or deleted and put back) in another tab: that wins; what is stored is
            // shown, and anything this tab knew that storage lacks is written back.
            Outcome::Deleted(known) | Outcome::Superseded(known) => {
                self.notify(Notice::Told(Told::RenameGone));
                self.hear_entry(id, Some(known));
                None
            }
            Outcome::Removed(_) => {
                self.stored.update_value(|m| drop(m.remove(id)));
                self.forget(id);
                self.notify(Notice::Told(Told::RenameGone));
                None
            }
            Outcome::Unreadable(_) => {
                self.notify(Notice::Told(Told::EntryInTheWay));
                None
            }
            // Another assessment holds the id (two tabs gave it out at once): this one moves.
            Outcome::Occupied(Slot::Live(mine)) => self.relocate(&mine),
            Outcome::Occupied(Slot::Deleted(_)) => None,
        }
    }

    /// Shows a slot as stored: a live assessment in the history, a tombstone as gone.
    fn show_slot(&self, id: &str, slot: Slot) -> Option<Snapshot> {
        match slot {
            Slot::Live(entry) => {
                self.removed.update_value(|r| {
                    r.remove(id);
                });
                let shown = entry.into_snapshot();
                self.show(shown.clone());
                Some(shown)
            }
            Slot::Deleted(_) => {
                self.forget(id);
                None
            }
        }
    }

    /// Moves this tab's assessment to a fresh id: its own was taken by another assessment.
    fn relocate(&self, mine: &RevEntry) -> Option<Snapshot> {
        let taken = self.ids();
        let decision = self.stamp_with(|w| merge::relocate(&BANK, mine, &taken, w));
        let Decision::Write(pending) = decision else {
            return None;
        };
        let id = match pending.value() {
            Slot::Live(e) => e.id().to_string(),
            Slot::Deleted(t) => t.id.clone(),
        };
        let outcome = self.run_entry(&id, None, Decision::Write(pending));
        self.settle(&id, outcome)
    }

    /// Another tab changed the key of `id` (or this tab's change lost to a delete made
    /// elsewhere): shows what is stored, merged with `known`, writing back what this tab knew
    /// that storage lacks.
    pub(super) fn hear_entry(&self, id: &str, known: Option<Slot>) {
        let key = entry_key(id);
        let stored = storage::read(&key).ok().flatten();
        let heard =
            self.stamp_with(|w| merge::hear_entry(&BANK, id, known.as_ref(), stored.as_deref(), w));
        match heard {
            Heard::Show(slot) => {
                self.newer.update_value(|m| drop(m.remove(&key)));
                if let Some(text) = stored {
                    self.stored
                        .update_value(|m| drop(m.insert(id.to_string(), text)));
                }
                self.show_slot(id, slot);
            }
            Heard::Write(pending) => {
                let outcome = self.run_entry(id, stored, Decision::Write(pending));
                self.settle(id, outcome);
            }
            Heard::Forget | Heard::Remove => {
                self.newer.update_value(|m| drop(m.remove(&key)));
                self.stored.update_value(|m| drop(m.remove(id)));
                self.forget(id);
            }
            Heard::Unreadable => {
                let mut notes = snapshot::ReadNotes::default();
                if let super::history::Entry::Newer(text) = self.read_entry(&key, id, &mut notes) {
                    self.newer
                        .update_value(|m| drop(m.insert(key.clone(), text)));
                }
                self.stored.update_value(|m| drop(m.remove(id)));
                self.forget(id);
                self.tell(&notes);
            }
            Heard::Collided { shown, moved } => {
                if let Some(text) = stored {
                    self.stored
                        .update_value(|m| drop(m.insert(id.to_string(), text)));
                }
                self.show_slot(id, shown);
                if let Slot::Live(mine) = moved {
                    self.relocate(&mine);
                }
            }
        }
    }

    /// Keeps a finished assessment (its results are on screen). A new one is saved; a saved one
    /// whose answers changed gets a new version, the earlier one kept (issue 26); a new name
    /// alone is a rename. Only once it is stored does its draft, if it was the unfinished one,
    /// end: a refused write leaves the draft where it was (issue 30).
    pub fn finish(&self, snapshot: Snapshot) {
        let saved = if self.legacy.get_untracked() || self.saving_off() {
            self.finish_unmerged(&snapshot)
        } else {
            self.finish_merged(&snapshot)
        };
        let Some(saved) = saved else {
            if !self.saving_off() {
                self.notify(Notice::ResultNotSaved(snapshot));
            }
            return;
        };
        self.notices.update(|n| {
            n.retain(|old| !matches!(old, Notice::ResultNotSaved(o) if o.id == snapshot.id))
        });
        self.end_finished_draft(&saved);
    }

    /// `finish` through the merge rules: `Some` with what is stored once it is.
    fn finish_merged(&self, snapshot: &Snapshot) -> Option<Option<Slot>> {
        let id = snapshot.id.clone();
        let known = self.known_slot(&id);
        if let Some(Slot::Live(entry)) = &known
            && entry.snapshot().answers == snapshot.answers
        {
            if entry.snapshot().label == snapshot.label {
                return Some(known.clone());
            }
            let label = snapshot.label.clone();
            return self
                .apply(&id, |s| {
                    let mut next = s.clone();
                    next.label = label;
                    Some(next)
                })
                .map(|_| self.known_slot(&id));
        }
        if self.removed.with_value(|r| r.contains(&id)) && known.is_none() {
            self.notify(Notice::Told(Told::DeletedNotSaved));
            return None;
        }
        let draft = self.finishing_draft(snapshot, known.as_ref());
        let key = entry_key(&id);
        let stored = storage::read(&key).ok().flatten();
        let decision =
            self.stamp_with(|w| merge::finish(&BANK, stored.as_deref(), known.as_ref(), &draft, w));
        match self.run_entry(&id, stored, decision) {
            outcome if outcome.saved() => {
                let slot = outcome.value().clone();
                self.settle(&id, outcome);
                Some(Some(slot))
            }
            Outcome::Deleted(_) | Outcome::Superseded(_) | Outcome::Removed(_) => {
                self.notify(Notice::Told(Told::DeletedNotSaved));
                None
            }
            Outcome::Occupied(slot) => {
                let moved = self.settle(&id, Outcome::Occupied(slot));
                moved.map(|s| self.known_slot(&s.id))
            }
            _ => None,
        }
    }

    /// The draft a finish takes: the one this tab saved, with what the person changed since (a
    /// save storage refused included), or, with no draft, the saved assessment changed to what
    /// is on screen, each change stamped now.
    fn finishing_draft(&self, snapshot: &Snapshot, known: Option<&Slot>) -> RevDraft {
        let known_draft = self.known_draft().filter(|d| d.id() == snapshot.id);
        let step = known_draft.as_ref().map_or(0, |d| d.draft.step);
        let edited = Draft {
            snapshot: snapshot.clone(),
            step,
        };
        self.stamp_with(|w| {
            if let Some(slot) = known {
                w.saw(slot.rev());
            }
            match known_draft {
                Some(d) if d.changed_by(&edited) => d.with_edit(&edited, &w.stamp()),
                Some(d) => d,
                None => match known.and_then(Slot::live) {
                    Some(entry) => RevDraft::new(Draft {
                        snapshot: entry.snapshot().clone(),
                        step,
                    })
                    .with_edit(&edited, &w.stamp()),
                    None => RevDraft::new(edited),
                },
            }
        })
    }

    /// The older `finish`, for a format-1 history or storage that is off.
    fn finish_unmerged(&self, snapshot: &Snapshot) -> Option<Option<Slot>> {
        let shown = self
            .history
            .with_untracked(|h| h.iter().find(|s| s.id == snapshot.id).cloned());
        let saved = match shown {
            None if self.saving_off() => {
                self.show(snapshot.clone());
                true
            }
            None => {
                let mut done = false;
                self.update_legacy(|list| {
                    snapshot::merge(list, vec![snapshot.clone()]);
                    done = true;
                });
                done
            }
            Some(s) if s.answers == snapshot.answers && s.label == snapshot.label => true,
            Some(_) => self
                .apply(&snapshot.id, |stored| {
                    let mut next = stored.with_version(snapshot.answers.clone(), snapshot.updated);
                    next.label = snapshot.label.clone();
                    next.updated = snapshot.updated;
                    Some(next)
                })
                .is_some(),
        };
        saved.then_some(None)
    }

    /// The draft of a finished assessment ends once the finish is stored, unless it holds
    /// answers (from another tab) the finish did not take: then it stays, to resume.
    fn end_finished_draft(&self, finished: &Option<Slot>) {
        let Some(known) = self.known_draft() else {
            return;
        };
        let Some(slot) = finished.as_ref().filter(|s| s.id() == known.id()) else {
            if finished.is_none()
                && self
                    .draft
                    .with_untracked(|d| d.as_ref().is_some_and(|d| d.snapshot.id == known.id()))
            {
                self.clear_draft();
            }
            return;
        };
        let stored = storage::read(crate::platform::storage::DRAFT_KEY)
            .ok()
            .flatten();
        // Nothing in it but what this tab knew, which the finish took (a draft of an older build
        // has no revisions to tell by): it ends.
        let only_mine = stored
            .as_deref()
            .and_then(|text| merge::decode_draft(&BANK, text).ok())
            .is_some_and(|(d, _)| d == known);
        if stored.is_none() || only_mine {
            self.clear_draft();
            return;
        }
        let heard = self.stamp_with(|w| {
            merge::hear_draft(&BANK, Some(&known), stored.as_deref(), Some(slot), w)
        });
        match heard {
            Heard::Remove | Heard::Forget => self.clear_draft(),
            // Answers another tab gave that the finish did not include: kept as the draft.
            _ => self.hear_draft(),
        }
    }

    /// Applies `change` to the assessment `id` as this tab shows it, merges it with what is
    /// stored now, writes it, and shows it. Only what the change made differ is stamped, so a
    /// name or version another tab saved meanwhile is kept. What is stored afterwards, or `None`
    /// when it is gone, `change` declined, or it was not stored (a notice says why).
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
        let stored = storage::read(&key).ok().flatten();
        // Known here, or (still being read at start-up) as stored now.
        let known = self.known_slot(id).or_else(|| {
            let text = stored.as_deref()?;
            merge::decode_slot(&BANK, id, text).ok().map(|(s, _)| s)
        });
        let Some(known) = known else {
            self.forget(id);
            self.notify(Notice::Told(Told::RenameGone));
            return None;
        };
        let edited = change(known.live()?.snapshot())?;
        let decision =
            self.stamp_with(|w| merge::save_entry(&BANK, stored.as_deref(), &known, &edited, w));
        let outcome = self.run_entry(id, stored, decision);
        self.settle(id, outcome)
    }

    /// Renames the assessment `id`. A name another tab gave it since is replaced by this one
    /// (the later revision); one another tab deleted is not brought back.
    pub fn rename(&self, id: &str, label: String) {
        let updated = storage::now();
        self.apply(id, |s| {
            let mut next = s.clone();
            next.label = label;
            // When it was renamed, for people: revisions, not this time, order the change.
            next.updated = updated;
            Some(next)
        });
    }

    /// This tab's copy of `id` goes: it was removed from storage.
    pub(super) fn forget(&self, id: &str) {
        self.removed.update_value(|r| {
            r.insert(id.to_string());
        });
        self.history.update(|h| h.retain(|s| s.id != id));
    }

    /// Deletes the assessment `id`, leaving a tombstone under its key that every tab holding a
    /// copy hears (a rename or finish made there without seeing it loses to it), and offers to
    /// put it back.
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
            let key = entry_key(id);
            let stored = storage::read(&key).ok().flatten();
            let known = self
                .known_slot(id)
                .unwrap_or_else(|| Slot::Live(RevEntry::new(gone.clone())));
            if let Slot::Live(entry) = &known {
                self.undo
                    .update_value(|u| drop(u.insert(id.to_string(), entry.clone())));
            }
            let now = storage::now();
            let decision =
                self.stamp_with(|w| merge::delete(&BANK, stored.as_deref(), &known, now, w));
            let outcome = self.run_entry(id, stored, decision);
            if !outcome.saved() {
                // Not deleted (storage refused the tombstone, or the key holds what this build
                // cannot read): the notice says why, and the assessment stays.
                self.settle(id, outcome);
                return;
            }
        }
        self.forget(id);
        self.notify(Notice::Deleted(gone));
    }

    /// Puts a deleted assessment back (Undo): a new life, above its tombstone, so the delete
    /// no longer applies to it in any tab.
    pub fn restore(&self, snapshot: Snapshot) {
        let id = snapshot.id.clone();
        self.removed.update_value(|r| {
            r.remove(&id);
        });
        if self.legacy.get_untracked() {
            self.update_legacy(|list| {
                snapshot::merge(list, vec![snapshot]);
            });
            return;
        }
        if self.saving_off() {
            self.show(snapshot);
            return;
        }
        let entry = self
            .undo
            .with_value(|u| u.get(&id).cloned())
            .unwrap_or_else(|| RevEntry::new(snapshot));
        let key = entry_key(&id);
        let stored = storage::read(&key).ok().flatten();
        let decision = self.stamp_with(|w| merge::restore(&BANK, stored.as_deref(), &entry, w));
        let outcome = self.run_entry(&id, stored, decision);
        if outcome.saved() {
            self.undo.update_value(|u| drop(u.remove(&id)));
        }
        self.settle(&id, outcome);
    }
}
