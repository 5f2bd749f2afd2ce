//! Importing a file of saved assessments into what is stored (issue 30): each entry is added,
//! merged with the stored copy of the same assessment, put back over its tombstone, or left as
//! stored, decided against every stored key, so ids never collide and nothing stored is written
//! over by an unrelated entry. An entry that goes to a free key is written exactly as it is in
//! the file: fields, answers and formats this build does not know included.
//!
//! Two entries are the same assessment when they have the same id, or one was given the id
//! `ID-2`, `ID-3`, … by an earlier import or split of a file holding both, and were made at the
//! same moment (`created`). So importing a file twice adds nothing the second time.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::entry::{Slot, decode_slot, encode_slot};
use super::{Pending, RevEntry, Writer, fresh_id};
use crate::bank::Bank;
use crate::snapshot::{ReadNotes, SnapshotError, import_entries, parse};

/// What an import does with one entry of the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportAction {
    /// A new assessment, written as it is in the file (with its new id, if it had to change).
    Added,
    /// The same assessment, the file's copy holding all that is stored and more: written as it
    /// is in the file.
    Replaced,
    /// The same assessment, each copy holding something the other lacks: the merge is written.
    Merged,
    /// The same assessment, deleted here: the file's copy is put back (a new life).
    Restored,
    /// The same assessment, already stored with everything the file's copy holds.
    Unchanged,
    /// The stored copy under this id was saved by a newer Stagefit, which this build cannot
    /// compare with the file's: the stored one is kept, the file's not imported.
    KeptNewer,
}

/// One entry of the file and what becomes of it.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportStep {
    /// The id (and key) it goes to.
    pub id: String,
    /// Its id in the file: differs from `id` when that belongs to another stored assessment.
    pub from: String,
    pub action: ImportAction,
    /// The write to make, in order (two entries may go to one key): `None` inside for an entry of
    /// a newer build, which this build stores but cannot show.
    pub write: Option<Pending<Option<Slot>>>,
}

/// An imported file, entry by entry, and what could not be read of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Import {
    pub steps: Vec<ImportStep>,
    /// Entries that could not be read (not imported), entries of a newer build (imported as
    /// they are), answers this build left out of what it shows.
    pub notes: ReadNotes,
}

/// An entry of the file as this build reads it.
#[allow(
    clippy::large_enum_variant,
    reason = "one at a time, and almost always live"
)]
enum Incoming<'a> {
    Live(RevEntry),
    Newer(&'a str),
}

/// Decides what importing `file` does, given `stored`: every assessment key's id and text
/// (tombstones and entries this build cannot read included) as this tab holds it, that is, with
/// its own copies storage refused in their place (`encode_slot` of them), so an import never
/// replaces a change not yet stored. The state layer makes the writes in order, each through its
/// `Pending`, and reports the outcomes (a refused one: not imported, say so).
pub fn import(
    bank: &Bank,
    stored: &HashMap<String, String>,
    file: &str,
    writer: &mut Writer,
) -> Result<Import, SnapshotError> {
    let entries = import_entries(bank, file)?;
    let mut notes = ReadNotes::default();
    let mut taken: HashSet<String> = stored.keys().cloned().collect();
    let mut read = Vec::new();
    for raw in entries {
        let text = raw.get();
        let id = parse(text).ok().and_then(|value| {
            value
                .get("id")
                .and_then(Value::as_str)
                .filter(|id| !id.is_empty() && id.len() <= 64)
                .map(str::to_string)
        });
        let incoming = match decode_slot(bank, id.as_deref().unwrap_or("newer"), text) {
            Ok((Slot::Live(entry), dropped)) => {
                notes.dropped.answers += dropped.answers;
                notes.dropped.damaged += dropped.damaged;
                Incoming::Live(entry)
            }
            // A tombstone in a file deletes nothing here.
            Ok((Slot::Deleted(_), _)) => continue,
            Err(error) if error.is_newer() => {
                notes.newer += 1;
                Incoming::Newer(text)
            }
            Err(_) => {
                notes.unreadable += 1;
                continue;
            }
        };
        let id = id.unwrap_or_else(|| "newer".to_string());
        taken.insert(id.clone());
        read.push((id, text, incoming));
    }
    // What each key holds as the import goes: stored, then what earlier steps wrote.
    let mut written: HashMap<String, String> = HashMap::new();
    let mut steps = Vec::new();
    for (from, text, incoming) in read {
        let keys = Keys {
            stored,
            written: &written,
        };
        let step = match incoming {
            Incoming::Live(entry) => live_step(bank, &from, text, entry, &keys, &taken, writer),
            Incoming::Newer(text) => newer_step(&from, text, &keys, &taken),
        };
        if let Some(pending) = &step.write {
            written.insert(step.id.clone(), pending.text().to_string());
        }
        taken.insert(step.id.clone());
        steps.push(step);
    }
    Ok(Import { steps, notes })
}

/// What each key holds as the import goes.
struct Keys<'m> {
    stored: &'m HashMap<String, String>,
    written: &'m HashMap<String, String>,
}

impl<'m> Keys<'m> {
    fn get(&self, id: &str) -> Option<&'m str> {
        self.written
            .get(id)
            .or_else(|| self.stored.get(id))
            .map(String::as_str)
    }
}

/// `id`, then the ids an earlier import or split may have given a namesake (`ID-2`, `ID-3`, …),
/// as long as they are in use.
fn namesakes(id: &str, taken: &HashSet<String>) -> Vec<String> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let mut candidate = id.to_string();
    while taken.contains(&candidate) {
        out.push(candidate.clone());
        seen.insert(candidate);
        candidate = fresh_id(id, &seen);
    }
    out
}

/// The file's text with `id` in place of its own (field order and everything else kept).
fn with_id(text: &str, id: &str, from: &str) -> String {
    if id == from {
        return text.to_string();
    }
    match parse(text) {
        Ok(Value::Object(mut fields)) => {
            fields.insert("id".to_string(), Value::from(id));
            Value::Object(fields).to_string()
        }
        _ => text.to_string(),
    }
}

fn same_assessment(a: &RevEntry, b: &RevEntry) -> bool {
    a.snapshot().created.to_bits() == b.snapshot().created.to_bits()
}

fn live_step(
    bank: &Bank,
    from: &str,
    text: &str,
    entry: RevEntry,
    keys: &Keys<'_>,
    taken: &HashSet<String>,
    writer: &mut Writer,
) -> ImportStep {
    let step = |id: &str, action, write| ImportStep {
        id: id.to_string(),
        from: from.to_string(),
        action,
        write,
    };
    writer.saw(entry.rev());
    for id in namesakes(from, taken) {
        let Some(held) = keys.get(&id) else { continue };
        match decode_slot(bank, &id, held) {
            Ok((Slot::Live(stored), _)) if same_assessment(&stored, &entry) => {
                writer.saw(stored.rev());
                // An import counts in the life stored: it is what the person asked for.
                let life = stored.life();
                let mine = Slot::Live(entry.with_life(life, &id));
                let stored = Slot::Live(stored);
                let joined = stored.join(&mine);
                if joined == stored {
                    return step(&id, ImportAction::Unchanged, None);
                }
                // The file's copy holds all that is stored: written as it is in the file.
                if joined == mine && entry.life() == life {
                    let write = Pending::new(with_id(text, &id, from), Some(joined), false);
                    return step(&id, ImportAction::Replaced, Some(write));
                }
                let out = encode_slot(bank, &joined);
                let write = Pending::new(out, Some(joined), true);
                return step(&id, ImportAction::Merged, Some(write));
            }
            Ok((Slot::Deleted(t), _))
                if t.created.to_bits() == entry.snapshot().created.to_bits() =>
            {
                writer.saw(&t.rev);
                let life = t.life.saturating_add(1).max(entry.life());
                let mut mine = entry.with_life(life, &id);
                mine.stamp(writer);
                let slot = Slot::Live(mine);
                let out = encode_slot(bank, &slot);
                let write = Pending::new(out, Some(slot), false);
                return step(&id, ImportAction::Restored, Some(write));
            }
            Err(error) if id == from && error.is_newer() => {
                return step(&id, ImportAction::KeptNewer, None);
            }
            _ => {}
        }
    }
    let id = if keys.get(from).is_none() {
        from.to_string()
    } else {
        fresh_id(from, taken)
    };
    let slot = Slot::Live(entry.with_life(entry.life(), &id));
    let write = Pending::new(with_id(text, &id, from), Some(slot), false);
    step(&id, ImportAction::Added, Some(write))
}

fn newer_step(from: &str, text: &str, keys: &Keys<'_>, taken: &HashSet<String>) -> ImportStep {
    let step = |id: &str, action, write| ImportStep {
        id: id.to_string(),
        from: from.to_string(),
        action,
        write,
    };
    if let Some(id) = namesakes(from, taken)
        .into_iter()
        .find(|id| keys.get(id) == Some(text))
    {
        return step(&id, ImportAction::Unchanged, None);
    }
    // The key names the assessment, so an entry this build cannot read keeps every byte even
    // when it must go under another id.
    let id = if keys.get(from).is_none() {
        from.to_string()
    } else {
        fresh_id(from, taken)
    };
    step(
        &id,
        ImportAction::Added,
        Some(Pending::new(text.to_string(), None, false)),
    )
}
