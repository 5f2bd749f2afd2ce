//! The workshops this browser facilitates, kept with the stored ones this build cannot read.

use leptos::prelude::*;

use super::{Store, Stored};
use crate::platform::storage::WORKSHOPS_KEY;
use stagefit_core::workshop::{self, Workshop};

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
}
