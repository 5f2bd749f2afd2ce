//! The assessment in progress (the draft): read at start-up, saved as it changes, and merged
//! answer by answer with what another tab saved of it (issue 30, `stagefit_core::merge`). Each
//! answer carries the revision of the write that set it, so the order of two tabs' answers never
//! depends on their clocks, and a save that does not happen is said.

use leptos::prelude::*;

use super::{Notice, Store, Stored, Told};
use crate::platform::storage::{self, DRAFT_KEY};
use stagefit_core::BANK;
use stagefit_core::merge::{self, Heard, Outcome, RevDraft, Slot};
use stagefit_core::snapshot::Draft;

use super::history::entry_key;

impl Store {
    pub(super) fn read_draft(&self) -> Option<Draft> {
        self.read_stored(DRAFT_KEY, Stored::Draft, self.draft_writable, |text| {
            let (draft, dropped) = merge::decode_draft(&BANK, text)?;
            self.writer.update_value(|w| w.saw(&draft.rev));
            if dropped.answers > 0 {
                self.notify(Notice::Told(Told::DroppedInDraft(dropped.answers)));
            }
            if dropped.damaged > 0 {
                self.notify(Notice::Told(Told::DamagedInDraft(dropped.damaged)));
            }
            let shown = draft.draft.clone();
            self.draft_known.set_value(Some(draft));
            Ok(shown)
        })
    }

    /// Saves the assessment in progress: only what the person changed since this tab last saw
    /// the draft is stamped, and merged over what is stored (another tab's answers to other
    /// questions stay; the same question goes to the later revision in both tabs). The `draft`
    /// signal, which the session follows, shows what is stored afterwards. A save storage refused
    /// is said by the storage notice, and retried with the next change.
    pub fn save_draft(&self, draft: Draft) {
        if !self.draft_writable.get_untracked() || self.saving_off() {
            self.draft.set(Some(draft));
            return;
        }
        if self.removed.with_value(|r| r.contains(&draft.snapshot.id)) {
            self.notify(Notice::Told(Told::DraftRemoved));
            self.draft.set(Some(draft));
            return;
        }
        let stored = storage::read(DRAFT_KEY).ok().flatten();
        let known = self.draft_known.get_value();
        let decision = self
            .stamp_with(|w| merge::save_draft(&BANK, stored.as_deref(), known.as_ref(), &draft, w));
        match decision.run(|text| self.write(DRAFT_KEY, text)) {
            Outcome::Written(saved) | Outcome::Merged(saved) | Outcome::Unchanged(saved) => {
                self.show_draft(saved)
            }
            // Another assessment's draft took the one draft key in another tab: it stays, and
            // this one is kept on this page until it is finished (its results save it).
            Outcome::Occupied(_) => self.notify(Notice::Told(Told::DraftOccupied)),
            // Refused (the storage notice says so) or not writable (its notice says so): what
            // is stored stays shown as stored, and the next change tries again with these.
            _ => {}
        }
    }

    fn show_draft(&self, saved: RevDraft) {
        let shown = saved.draft.clone();
        self.draft_known.set_value(Some(saved));
        if self.draft.with_untracked(|d| d.as_ref() != Some(&shown)) {
            self.draft.set(Some(shown));
        }
    }

    /// The person ends the draft (a new start, or their answers are back to the saved ones).
    pub fn clear_draft(&self) {
        if self.draft_writable.get_untracked() {
            let _ = storage::remove(DRAFT_KEY);
        }
        self.draft_known.set_value(None);
        self.draft.set(None);
    }

    /// The draft as this tab knows it, with its revisions.
    pub(super) fn known_draft(&self) -> Option<RevDraft> {
        self.draft_known.get_value()
    }

    /// Another tab changed the draft key. A removed draft that a finish took is forgotten; one
    /// holding answers no finish includes is written back (they were saved: they must not go);
    /// one removed by a new start or "Clear all data" is forgotten, never written back.
    pub(super) fn hear_draft(&self) {
        let stored = storage::read(DRAFT_KEY).ok().flatten();
        let known = self.draft_known.get_value();
        let finished: Option<Slot> = known.as_ref().and_then(|k| {
            let text = storage::read(&entry_key(k.id())).ok().flatten()?;
            merge::decode_slot(&BANK, k.id(), &text)
                .ok()
                .map(|(s, _)| s)
        });
        // Removed with no finish of it stored: the person ended it on purpose.
        let finished_here = finished
            .as_ref()
            .and_then(Slot::live)
            .is_some_and(|e| !e.finished().is_empty());
        if stored.is_none() && !finished_here {
            self.forget_draft();
            return;
        }
        let heard = self.stamp_with(|w| {
            merge::hear_draft(
                &BANK,
                known.as_ref(),
                stored.as_deref(),
                finished.as_ref(),
                w,
            )
        });
        match heard {
            Heard::Show(draft) => self.show_draft(draft),
            Heard::Write(pending) => {
                let ok = self.write(DRAFT_KEY, pending.text());
                if let Outcome::Written(d) | Outcome::Merged(d) = pending.stored(ok) {
                    self.show_draft(d);
                }
            }
            Heard::Forget => self.forget_draft(),
            Heard::Remove => {
                let _ = storage::remove(DRAFT_KEY);
                self.forget_draft();
            }
            Heard::Unreadable => {
                let read = self.read_draft();
                self.draft.set(read);
            }
            // Another assessment's draft is stored now: it is the one to resume; this tab's
            // stays on its page until finished.
            Heard::Collided { shown, .. } => {
                self.notify(Notice::Told(Told::DraftOccupied));
                self.show_draft(shown);
            }
        }
    }

    /// The draft key is empty: this tab's copy goes too, and is not written back.
    fn forget_draft(&self) {
        if let Some(gone) = self.draft.get_untracked() {
            self.removed.update_value(|r| {
                r.insert(gone.snapshot.id);
            });
        }
        self.draft_known.set_value(None);
        self.draft.set(None);
    }
}
