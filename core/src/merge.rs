//! What two tabs (or two devices) saving one assessment at once must agree on (issue 30): pure
//! functions from a stored value and an incoming change to the value to store, and what happened
//! as data, so a write that does not happen is never silent.
//!
//! The rules:
//!
//! - **Revisions, not clocks.** Every stored value carries `Rev`s, a number that only goes up
//!   and the id of the tab that wrote it, totally ordered by (number, tab). A write is stamped one
//!   above everything its tab has seen (`Writer`), and two values are ordered by their revisions,
//!   never by wall-clock times, which stay as information for people (`created`, `updated`). A
//!   clock that jumps back therefore never stops a save.
//! - **Merge, do not overwrite.** Each merge is a join: it gives the same value whatever the
//!   order in which tabs see each other's writes, so two tabs that have seen the same writes show
//!   the same thing. A draft merges per answer (`RevDraft`: each answer, the stage and the label
//!   keep their own revision; the higher wins, ties broken by value); a saved assessment
//!   (`RevEntry`) merges its label the same way, its versions as a union by identity (two versions
//!   made at once in two tabs are both kept, the later numbered after the earlier), its plans by
//!   id, and it remembers what it deleted (versions, plans) so a copy that has not heard of the
//!   delete cannot bring them back.
//! - **A delete wins over what was made without seeing it.** Deleting an assessment leaves a
//!   tombstone under its key (`Tombstone`). Each assessment has a `life`, raised only by a
//!   deliberate return (Undo, an import): a tombstone ends its life and every earlier one, so a
//!   rename, a new version or a finish made in a tab that had not seen the delete loses to it,
//!   whatever its revision. Only a tab that read the tombstone can start a new life. A delete
//!   follows the assessment, not the key (`Tombstone::at`, `Tombstone::ends`), and answers
//!   finished into a copy the delete did not include come back as the draft (`unfinished`).
//! - **A key holds one assessment.** Two assessments are told apart by the moment they were made
//!   (`created`), never merged: when two tabs give one id to two assessments at once (each
//!   importing a different file against a copy of storage without the other's), the one made
//!   first keeps the key and the other tab moves its own to a fresh id (`Heard::Collided`,
//!   `relocate`).
//! - **Every write says what happened.** A decision is `Decision::Write` (the text to store, then
//!   `Pending::stored` with whether storage took it) or `Decision::Done`; either ends in an
//!   `Outcome`: written, merged (show the merged value), unchanged, refused by storage, deleted or
//!   removed elsewhere, or not written because the key holds what this build cannot read or
//!   another assessment's draft. The state layer tells the person everything but the first three.
//! - **Nothing this build cannot read is dropped.** Fields, answers and `revs` a newer build
//!   added travel with an assessment through merges, moves and writes (`RevEntry`).
//! - **Backups restore exactly** (`import`): an entry whose key is free is written byte for byte,
//!   fields, answers and formats this build does not know included; ids never collide
//!   (`fresh_id` checks every stored key).
//!
//! This module must never read a clock, storage or randomness: the state layer hands in the text
//! it read, the tab's `Writer` and the time, writes what it is told, and reports the outcome.

use std::collections::{BTreeMap, HashSet};

mod draft;
mod entry;
mod import;
mod json;

pub use draft::{RevDraft, decode_draft, encode_draft, hear_draft, save_draft, unfinished};
pub use entry::{
    RevEntry, Slot, Tombstone, create, decode_slot, delete, encode_slot, finish, hear_entry,
    relocate, restore, save_entry,
};
pub use import::{Import, ImportAction, ImportStep, import};

/// A revision: `n` only goes up, `by` is the tab (or device) that wrote it. Revisions are
/// ordered by `n`, then by `by`, so two tabs writing at once are ordered the same way everywhere.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rev {
    pub n: u64,
    pub by: String,
}

impl Rev {
    /// The revision of everything written before revisions existed: below every other.
    pub const ZERO: Rev = Rev {
        n: 0,
        by: String::new(),
    };

    /// A revision above both `stored` and `mine`, written by `by`.
    pub fn next(stored: Option<&Rev>, mine: Option<&Rev>, by: &str) -> Rev {
        let n = stored
            .map_or(0, |r| r.n)
            .max(mine.map_or(0, |r| r.n))
            .saturating_add(1);
        Rev {
            n,
            by: by.to_string(),
        }
    }
}

/// One tab's revision clock: its id and the highest revision it has written or read. It never
/// goes back, so each of the tab's writes is above all its earlier ones and everything it saw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Writer {
    by: String,
    last: Rev,
}

impl Writer {
    /// The clock of the tab `by` (an id unique to the tab, made by the state layer).
    pub fn new(by: &str) -> Writer {
        Writer {
            by: by.to_string(),
            last: Rev::ZERO,
        }
    }

    /// The tab's id.
    pub fn by(&self) -> &str {
        &self.by
    }

    /// The highest revision written or seen so far.
    pub fn last(&self) -> &Rev {
        &self.last
    }

    /// Notes a revision read from storage, so the next write is above it.
    pub fn saw(&mut self, rev: &Rev) {
        if rev.n > self.last.n {
            self.last = rev.clone();
        }
    }

    /// The revision of a new write: above everything seen (the save functions stamp their own;
    /// this is for a change made to a copy storage never took, before `create`).
    pub fn stamp(&mut self) -> Rev {
        let rev = Rev::next(None, Some(&self.last), &self.by);
        self.last = rev.clone();
        rev
    }
}

/// Which writes a value includes: for each tab, the highest revision number of its writes that
/// went into it. A tab's writes are stamped in rising order and each holds all the tab knew, so
/// a value that includes a tab's write `n` includes all its writes up to `n`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Seen(BTreeMap<String, u64>);

impl Seen {
    /// Whether every write `other` includes is included here.
    pub fn covers(&self, other: &Seen) -> bool {
        other
            .0
            .iter()
            .all(|(by, n)| self.0.get(by).is_some_and(|m| m >= n))
    }

    /// Whether no write of this build is included (a value of an older build, or none).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub(crate) fn join(&self, other: &Seen) -> Seen {
        let mut out = self.0.clone();
        for (by, n) in &other.0 {
            let m = out.entry(by.clone()).or_insert(0);
            *m = (*m).max(*n);
        }
        Seen(out)
    }

    pub(crate) fn with(&self, rev: &Rev) -> Seen {
        let mut out = self.clone();
        let m = out.0.entry(rev.by.clone()).or_insert(0);
        *m = (*m).max(rev.n);
        out
    }
}

/// What happened to a change, for the state layer to show and, for all but the first three, to
/// tell the person. `T` is what to show afterwards.
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome<T> {
    /// Stored as this tab had it.
    Written(T),
    /// Stored, merged with changes saved elsewhere that this tab had not seen: show `T`.
    Merged(T),
    /// Nothing to write: what is stored already holds it.
    Unchanged(T),
    /// Storage refused the write (full, off, or failing): nothing was stored. `T` is what the
    /// person has, to keep showing, say is not saved, and offer for download.
    Refused(T),
    /// The assessment was deleted in another tab, which this tab had not seen: a delete wins, so
    /// the change was not stored. `T` is its tombstone as this tab now knows it (what is stored,
    /// merged with what this tab knew): show it, and hear the key again (`hear_entry`), which
    /// writes back anything this tab knew that storage lacks.
    Deleted(T),
    /// The assessment was deleted, then put back, in another tab: this tab's change or delete
    /// applied to the deleted copy and was not stored. `T` is what is stored now, as for
    /// `Deleted`.
    Superseded(T),
    /// The key is empty though this tab had a copy (removed by "Clear all data" or an older
    /// build): not written back. `T` is what this tab had.
    Removed(T),
    /// The key holds what this build cannot read (a newer build's, or damaged): not written
    /// over. `T` is what the person has.
    Unreadable(T),
    /// The key holds another assessment (another draft's, or a saved one made at another moment
    /// under the same id): not written over. `T` is this tab's, to move to a fresh id
    /// (`relocate`) or, for a draft, to ask the person about.
    Occupied(T),
}

impl<T> Outcome<T> {
    /// Whether what the person did is stored (written, merged, or already there).
    pub fn saved(&self) -> bool {
        matches!(
            self,
            Outcome::Written(_) | Outcome::Merged(_) | Outcome::Unchanged(_)
        )
    }

    pub fn value(&self) -> &T {
        match self {
            Outcome::Written(v)
            | Outcome::Merged(v)
            | Outcome::Unchanged(v)
            | Outcome::Refused(v)
            | Outcome::Deleted(v)
            | Outcome::Superseded(v)
            | Outcome::Removed(v)
            | Outcome::Unreadable(v)
            | Outcome::Occupied(v) => v,
        }
    }

    pub fn into_value(self) -> T {
        match self {
            Outcome::Written(v)
            | Outcome::Merged(v)
            | Outcome::Unchanged(v)
            | Outcome::Refused(v)
            | Outcome::Deleted(v)
            | Outcome::Superseded(v)
            | Outcome::Removed(v)
            | Outcome::Unreadable(v)
            | Outcome::Occupied(v) => v,
        }
    }
}

/// A write to make: store `text` under the key, then say whether storage took it.
#[must_use = "a write that is not made must still be reported with `stored(false)`"]
#[derive(Clone, Debug, PartialEq)]
pub struct Pending<T> {
    text: String,
    value: T,
    merged: bool,
}

impl<T> Pending<T> {
    pub(crate) fn new(text: String, value: T, merged: bool) -> Pending<T> {
        Pending {
            text,
            value,
            merged,
        }
    }

    /// The text to store.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// What is shown once it is stored.
    pub fn value(&self) -> &T {
        &self.value
    }

    /// What happened, once the state layer tried the write: `ok` is whether storage took it.
    pub fn stored(self, ok: bool) -> Outcome<T> {
        match (ok, self.merged) {
            (false, _) => Outcome::Refused(self.value),
            (true, true) => Outcome::Merged(self.value),
            (true, false) => Outcome::Written(self.value),
        }
    }
}

/// What a change needs: a write, or nothing (with what happened).
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum Decision<T> {
    Write(Pending<T>),
    Done(Outcome<T>),
}

impl<T> Decision<T> {
    /// The outcome, with `write` making the write if there is one (`write` returns whether
    /// storage took the text).
    pub fn run(self, write: impl FnOnce(&str) -> bool) -> Outcome<T> {
        match self {
            Decision::Write(pending) => {
                let ok = write(pending.text());
                pending.stored(ok)
            }
            Decision::Done(outcome) => outcome,
        }
    }
}

/// What a tab does when it hears that a key changed (a storage event, or a read).
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum Heard<T> {
    /// Show `T`: it is what is stored, with nothing this tab knows missing from it.
    Show(T),
    /// This tab knows something the stored value lacks (a change storage refused earlier, a
    /// delete another tab wrote over without seeing it, answers a finish left out): write the
    /// merge, then show it.
    Write(Pending<T>),
    /// The key was removed: drop this tab's copy and never write it back.
    Forget,
    /// The stored draft is wholly in the finished assessment: remove the key, then forget it.
    Remove,
    /// The key holds what this build cannot read: keep it as it is.
    Unreadable,
    /// The key holds another assessment than the one this tab showed under it (two tabs gave
    /// one id to two assessments at once): show `shown` there, and move `moved`, this tab's, to
    /// a fresh id (`relocate`).
    Collided { shown: T, moved: T },
}

/// `wanted` if no key has it, otherwise the first of `wanted-2`, `wanted-3`, … that none has,
/// shortened (on a character boundary) to stay within 64 bytes. `taken` must hold every stored
/// id (tombstones and entries this build cannot read included) and every id given out since.
pub fn fresh_id(wanted: &str, taken: &HashSet<String>) -> String {
    let mut candidate = wanted.to_string();
    let mut n = 2_u64;
    while taken.contains(&candidate) {
        let suffix = format!("-{n}");
        let mut base = wanted.len().min(64 - suffix.len());
        while !wanted.is_char_boundary(base) {
            base -= 1;
        }
        candidate = format!("{}{suffix}", &wanted[..base]);
        n += 1;
    }
    candidate
}

/// An order for values that must be tie-broken the same way in every tab.
fn answer_code(answer: crate::Answer) -> u16 {
    match answer {
        crate::Answer::Unanswered => 0,
        crate::Answer::Unknown => 1,
        crate::Answer::Chosen(i) => 2 + u16::from(i),
        // After every single answer: 2 + 255 is the highest a `Chosen` takes.
        crate::Answer::Several(mask) => 258_u16.saturating_add(mask),
    }
}

fn stage_code(stage: Option<crate::Stage>) -> u8 {
    stage.map_or(0, |s| s.index() as u8 + 1)
}

/// Every answer and the stage chosen, as numbers (for tie-breaks and for telling versions apart).
fn answers_key(answers: &crate::Answers) -> Vec<u16> {
    answers
        .iter()
        .map(answer_code)
        .chain(std::iter::once(u16::from(stage_code(
            answers.stage_override,
        ))))
        .collect()
}

// Native only: the property tests use proptest, which is not built for wasm32.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod model;
