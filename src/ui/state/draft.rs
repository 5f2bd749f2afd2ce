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
            self.draft_seen.set_value(Some(text.to_string()));
            if dropped.answers > 0 {
                self.notify(Notice::Told(Told::DroppedInDraft(dropped.answers)));
            }
            if dropped.damaged > 0 {
                self.notify(Notice::Told(Told::DamagedInDraft(dropped.damaged)));
            }
            Ok(draft)
        })
    }

    /// Saves the assessment in progress. When another tab saved the same one since this tab
    /// last read or wrote it, the answers changed here go on top of that copy
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
        // Another tab saved the same assessment since this tab last read or wrote it (its
        // storage event may not have arrived yet, and its clock may differ): the answers changed
        // here go on top of that copy. What this tab last saw of it is the base of its changes.
        let stored = storage::read(DRAFT_KEY).ok().flatten();
        if let Some(text) = &stored
            && self
                .draft_seen
                .with_value(|seen| seen.as_deref() != Some(text.as_str()))
            && let Ok((theirs, _)) = snapshot::decode_draft(&BANK, text)
            && theirs.snapshot.id == draft.snapshot.id
        {
            let base = self
                .draft
                .with_untracked(|d| {
                    d.as_ref()
                        .filter(|d| d.snapshot.id == theirs.snapshot.id)
                        .map(|d| d.snapshot.answers.clone())
                })
                .unwrap_or_else(|| Answers::new(&BANK));
            draft.snapshot.answers =
                Answers::with_changes(&theirs.snapshot.answers, &base, &draft.snapshot.answers);
            // Later than both, so either tab reads the merged copy as the newest.
            draft.snapshot.updated = draft.snapshot.updated.max(theirs.snapshot.updated + 1.0);
        }
        let text = snapshot::encode_draft(&BANK, &draft);
        if self.write(DRAFT_KEY, &text) {
            self.draft_seen.set_value(Some(text));
        }
        self.draft.set(Some(draft));
    }

    pub fn clear_draft(&self) {
        if self.draft_writable.get_untracked() {
            let _ = storage::remove(DRAFT_KEY);
        }
        self.draft_seen.set_value(None);
        self.draft.set(None);
    }
}
