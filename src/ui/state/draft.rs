//! The assessment in progress (the draft): read at start-up, saved as it changes, adopted when
//! another tab moved the same one on.

use leptos::prelude::*;

use super::{Notice, Store, Stored, Told};
use crate::platform::storage::{self, DRAFT_KEY};
use stagefit_core::snapshot::{self, Draft};
use stagefit_core::{Answers, BANK};

impl Store {
    pub(super) fn read_draft(&self) -> Option<Draft> {
        self.read_stored(DRAFT_KEY, Stored::Draft, self.draft_writable, |text| {
            let (draft, dropped) = snapshot::decode_draft(&BANK, text)?;
            if dropped.answers > 0 {
                self.notify(Notice::Told(Told::DroppedInDraft(dropped.answers)));
            }
            Ok(draft)
        })
    }

    /// Saves the assessment in progress. When another tab saved a newer copy of the same one
    /// since this tab last read or wrote it, the answers changed here go on top of that copy
    /// (`Answers::with_changes`) and the result is saved: neither tab's answers are lost, and
    /// the `draft` signal, which the session follows, shows the merged copy.
    pub fn save_draft(&self, mut draft: Draft) {
        if !self.draft_writable.get_untracked() {
            self.draft.set(Some(draft));
            return;
        }
        if self.removed.with_value(|r| r.contains(&draft.snapshot.id)) {
            self.notify(Notice::Told(Told::DraftRemoved));
            self.draft.set(Some(draft));
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
            // What this tab last saw of it: the base its own changes are made against.
            let base = self
                .draft
                .with_untracked(|d| {
                    d.as_ref()
                        .filter(|d| d.snapshot.id == stored.snapshot.id)
                        .map(|d| d.snapshot.answers.clone())
                })
                .unwrap_or_else(|| stored.snapshot.answers.clone());
            draft.snapshot.answers =
                Answers::with_changes(&stored.snapshot.answers, &base, &draft.snapshot.answers);
            draft.snapshot.updated = stored.snapshot.updated;
        }
        self.write(DRAFT_KEY, &snapshot::encode_draft(&BANK, &draft));
        self.draft.set(Some(draft));
    }

    pub fn clear_draft(&self) {
        if self.draft_writable.get_untracked() {
            let _ = storage::remove(DRAFT_KEY);
        }
        self.draft.set(None);
    }
}
