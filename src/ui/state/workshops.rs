//! The workshops this browser facilitates, kept with the stored ones this build cannot read.

use leptos::prelude::*;

use super::{Store, Stored};
use crate::platform::storage::{self, WORKSHOPS_KEY};
use stagefit_core::snapshot::{Snapshot, SnapshotError};
use stagefit_core::workshop::{self, Workshop, WorkshopImport};
use stagefit_core::{Answers, BANK};

/// What importing a workshops file did, and whether it is stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkshopsImported {
    pub report: WorkshopImport,
    /// False when nothing could be written (storage off or full, or the stored workshops are in
    /// a state that must not be written over): the notices say why.
    pub saved: bool,
}

impl Store {
    pub(super) fn read_workshops(&self) -> Option<Vec<Workshop>> {
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

    /// Applies `change` to the stored workshops; returns whether it is stored.
    pub fn update_workshops(&self, change: impl FnOnce(&mut Vec<Workshop>)) -> bool {
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
        )
    }

    /// Imports a workshops file (a workshop's own export, issue 30) into the stored workshops,
    /// as `workshop::import_workshops` says: what it did, and whether that is stored. A file that
    /// is not of the workshops format, or is of a newer one, is an error and changes nothing.
    pub fn import_workshops(&self, text: &str) -> Result<WorkshopsImported, SnapshotError> {
        let (file, file_unreadable) = workshop::decode_workshops_keeping(text)?;
        let kept = self.workshops_unreadable;
        let mut report = WorkshopImport::default();
        let saved = self.update_workshops(|list| {
            kept.update(|kept| {
                report = workshop::import_workshops(list, kept, file, file_unreadable);
            });
        });
        Ok(WorkshopsImported { report, saved })
    }

    /// Records (`Some`) or clears (`None`) the room's agreed answer to the question at `question`
    /// in the workshop `id` (issue 28); returns whether it is stored.
    pub fn record_agreed(&self, id: &str, question: usize, option: Option<u8>) -> bool {
        self.update_workshops(|list| {
            if let Some(w) = list.iter_mut().find(|w| w.id == id) {
                workshop::record_agreed(&BANK, w, question, option);
            }
        })
    }

    /// Keeps the room's own assessment (its agreed answers, the median elsewhere) in History as
    /// a result named after the workshop (issue 28), through `finish` like any assessment: the
    /// first time it is added, later with other answers it gets a new version. Returns its id
    /// once it is kept (a refused write is told by the notices, as for any result).
    pub fn finish_room(&self, room: &Workshop, answers: Answers) -> Option<String> {
        let id = workshop::room_result_id(&room.id);
        let created = self.find(&id).map_or_else(storage::now, |s| s.created);
        let now = storage::now();
        self.finish(Snapshot::new(
            id.clone(),
            room.name.clone(),
            answers.clone(),
            created,
            now,
        ));
        self.find(&id)
            .is_some_and(|kept| kept.answers == answers)
            .then_some(id)
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
}
