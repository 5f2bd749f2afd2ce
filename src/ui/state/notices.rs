//! The notices about saved data: what the person should know (storage off or full, a value
//! kept aside, what reading found, an assessment deleted), held as data and worded by the view.

use leptos::prelude::*;

use super::Store;
use crate::platform::storage::StorageError;
use stagefit_core::snapshot::{Snapshot, SnapshotError};

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
    /// A finished assessment could not be stored (issue 30): its results are on screen, its
    /// draft (if it had one) stays, and it can be downloaded right here.
    ResultNotSaved(Snapshot),
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
    /// Answers in the saved history that were no answer at all (damaged or edited data, not an
    /// older questionnaire's: issue 30), left out.
    DamagedInHistory(usize),
    /// The same in the unfinished assessment.
    DamagedInDraft(usize),
    /// The assessment on screen was deleted from the history, so it was not saved again.
    DeletedNotSaved,
    /// The assessment to rename was deleted in another tab.
    RenameGone,
    /// The unfinished assessment was removed in another tab.
    DraftRemoved,
    /// Another tab is answering a different unfinished assessment, which holds the one place
    /// for it: this one stays on this page until its results save it.
    DraftOccupied,
    /// The assessment's key holds what this build cannot read (a newer Stagefit saved it in
    /// another tab): the change was not saved over it.
    EntryInTheWay,
    /// The last import was cut short by the page going away while it wrote (issue 30): it had
    /// written `written` of its `total` assessments, which are in the history.
    ImportInterrupted { written: usize, total: usize },
}

impl Store {
    pub fn notify(&self, notice: Notice) {
        self.notices.update(|n| {
            n.retain(|old| old != &notice);
            // One notice per unsaved result, however often saving it was tried.
            if let Notice::ResultNotSaved(s) = &notice {
                n.retain(|old| !matches!(old, Notice::ResultNotSaved(o) if o.id == s.id));
            }
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

    pub(super) fn saving_off(&self) -> bool {
        self.notices
            .with_untracked(|n| n.contains(&Notice::SavingOff))
    }
}
