//! History format 2 (issue 18): every assessment is stored on its own, as a snapshot of format 1,
//! under its own key, so saving one never rewrites another and two tabs saving at the same
//! moment both keep what they saved. The storage keys are the browser edge's business; this
//! module says what is written under them, how a format-1 history (one array) is split into
//! them without loss, and how an imported file is read an entry at a time, so a big import can
//! yield to the page between entries.

use crc::{CRC_32_ISO_HDLC, Crc};
use serde::Deserialize;
use serde_json::value::RawValue;

use std::collections::HashSet;

use super::*;

/// The history format this build writes: one stored snapshot per assessment. Format 1 was one
/// array of them under a single key; it is still read, and split into format 2.
pub const HISTORY_FORMAT: u32 = 2;

/// One assessment as it is stored on its own. With `original` (the text it was read from), what
/// this build could not represent is written back as it was: fields it does not know, and
/// answers of the same question bank to a question or option it does not have; answers of an
/// older bank are not, since the assessment is now written in this bank's terms.
pub fn encode_entry(bank: &Bank, snapshot: &Snapshot, original: Option<&str>) -> String {
    let original = original
        .and_then(|text| parse(text).ok())
        .and_then(|value| schema::<SnapshotV1>(&value).ok());
    entry_json(bank, snapshot, original).to_string()
}

/// `encode_entry` as a JSON value, from an original already read (`merge` adds its revisions
/// to it before writing).
pub(crate) fn entry_json(bank: &Bank, snapshot: &Snapshot, original: Option<SnapshotV1>) -> Value {
    let Some(original) = original else {
        return json(&to_v1(bank, snapshot, Map::new()));
    };
    let same_bank = whole(&original.bank, u32::MAX) == Some(bank.version);
    // The versions and plans are written from `snapshot`; only what this build could not read
    // of them stays as it was.
    let mut extra = original.extra;
    versions::take(bank, &mut extra);
    let mut v1 = to_v1(bank, snapshot, extra);
    if same_bank {
        for (id, answer) in original.answers {
            if place(bank, &id, &answer).is_none() && !v1.answers.contains_key(&id) {
                v1.answers.insert(id, answer);
            }
        }
    }
    json(&v1)
}

/// A format-1 history split into format 2: each entry's id (made unique) and its text.
#[derive(Clone, Debug, PartialEq)]
pub struct Migrated {
    /// In stored order; each text is the entry as it was read, apart from a duplicate's new id.
    pub entries: Vec<(String, String)>,
    pub notes: ReadNotes,
    /// False when the split leaves something out (entries that could not be read, fields of the
    /// history itself): the caller then keeps the whole history aside before removing it.
    pub lossless: bool,
}

/// Splits a stored history of format 1 into one entry per assessment. Readable entries and
/// entries of a newer build are kept exactly as they were (a duplicate id is renamed, so each
/// has its own key); entries that cannot be read are counted.
pub fn split_history(bank: &Bank, text: &str) -> Result<Migrated, SnapshotError> {
    split_history_among(bank, text, &HashSet::new())
}

/// `split_history` beside the assessments already stored (`stored`, their ids): an entry keeps
/// its id the first time the file names it (a key already holding it is the same assessment,
/// split a moment ago by another tab), and a later entry of the same id gets a fresh one that
/// neither the file nor storage uses (issue 30: the second `dup` was given `dup-2`, whose key
/// held another assessment, and was stored nowhere).
pub fn split_history_among(
    bank: &Bank,
    text: &str,
    stored: &HashSet<String>,
) -> Result<Migrated, SnapshotError> {
    let value = parse(text)?;
    version_of(&value, HISTORY)?;
    let v1: HistoryV1 = schema(&value)?;
    let mut notes = ReadNotes::default();
    let mut ids = Ids::among(
        stored,
        v1.assessments.iter().filter_map(|e| e.get("id")?.as_str()),
    );
    let mut entries = Vec::new();
    for (n, mut entry) in v1.assessments.into_iter().enumerate() {
        let (id, readable) = match from_value(bank, &entry, &mut notes.dropped) {
            Ok((snapshot, _)) => (snapshot.id, true),
            Err(error) if error.is_newer() => {
                notes.newer += 1;
                let id = entry
                    .get("id")
                    .and_then(Value::as_str)
                    .filter(|id| !id.is_empty() && id.len() <= 64)
                    .map_or_else(|| format!("newer-{}", n + 1), str::to_string);
                (id, false)
            }
            Err(_) => {
                notes.unreadable += 1;
                continue;
            }
        };
        let unique = ids.unique(&id);
        // Only an entry this build reads is given its new id; a newer one keeps every byte.
        if readable
            && unique != id
            && let Some(fields) = entry.as_object_mut()
        {
            fields.insert("id".to_string(), Value::from(unique.clone()));
        }
        entries.push((unique, entry.to_string()));
    }
    Ok(Migrated {
        entries,
        lossless: notes.unreadable == 0 && v1.extra.is_empty(),
        notes,
    })
}

/// What an imported file starts with; its entries are read one at a time afterwards.
#[derive(Deserialize)]
struct ImportHead<'a> {
    format: Option<String>,
    version: Option<Value>,
    #[serde(borrow)]
    assessments: Option<Vec<&'a RawValue>>,
}

/// The entries of an imported file, unread: a history's assessments, or the file itself when it
/// holds one assessment. A file that is neither, or is of a newer format, is an error; so is a
/// single assessment that cannot be read (it is all the file holds).
pub fn import_entries<'a>(bank: &Bank, text: &'a str) -> Result<Vec<&'a RawValue>, SnapshotError> {
    let head: ImportHead<'a> = match serde_json::from_str(text) {
        Ok(head) => head,
        Err(_) if serde_json::from_str::<&RawValue>(text).is_ok() => {
            return Err(SnapshotError::WrongShape);
        }
        Err(_) => return Err(SnapshotError::NotJson),
    };
    let mut fields = Map::new();
    if let Some(format) = head.format {
        fields.insert("format".to_string(), Value::from(format));
    }
    if let Some(version) = head.version {
        fields.insert("version".to_string(), version);
    }
    let value = Value::Object(fields);
    match version_of(&value, HISTORY) {
        Ok(_) => head.assessments.ok_or(SnapshotError::WrongShape),
        Err(SnapshotError::WrongShape) => {
            decode_snapshot(bank, text)?;
            let whole: &'a RawValue =
                serde_json::from_str(text).map_err(|_| SnapshotError::NotJson)?;
            Ok(vec![whole])
        }
        Err(error) => Err(error),
    }
}

/// One imported entry: the assessment, or `None` with the reason counted in `notes` (an entry
/// of a newer build is counted as such and not imported).
pub fn decode_import_entry(
    bank: &Bank,
    entry: &RawValue,
    notes: &mut ReadNotes,
) -> Option<Snapshot> {
    let Ok(value) = parse(entry.get()) else {
        notes.unreadable += 1;
        return None;
    };
    match from_value(bank, &value, &mut notes.dropped) {
        Ok((snapshot, _)) => Some(snapshot),
        Err(error) if error.is_newer() => {
            notes.newer += 1;
            None
        }
        Err(_) => {
            notes.unreadable += 1;
            None
        }
    }
}

/// Makes the ids of `list` unique in order: the first of each keeps its id, later duplicates
/// get `ID-2`, `ID-3`, …
pub fn unique_ids(list: &mut [Snapshot]) {
    unique_ids_among(list, &HashSet::new());
}

/// `unique_ids` beside what is stored (`stored`, every stored id): the first of each id keeps
/// it (it may be the stored assessment's copy, which the import then merges), and a later
/// duplicate gets the first `ID-2`, `ID-3`, … that neither the list nor storage uses (issue 30:
/// a second `imp` became `imp-2` and overwrote the unrelated `imp-2` stored).
pub fn unique_ids_among(list: &mut [Snapshot], stored: &HashSet<String>) {
    let names: Vec<String> = list.iter().map(|s| s.id.clone()).collect();
    let mut ids = Ids::among(stored, names.iter().map(String::as_str));
    for snapshot in list {
        snapshot.id = ids.unique(&snapshot.id);
    }
}

/// A short name for a text's content (its length and CRC-32), so a value kept aside is kept
/// once however often it is met.
pub fn fingerprint(text: &str) -> String {
    const CRC32: Crc<u32> = Crc::<u32>::new(&CRC_32_ISO_HDLC);
    format!("{:x}-{:08x}", text.len(), CRC32.checksum(text.as_bytes()))
}

/// Stored entries, each exactly as stored, as one history of format 1: the "export all" file,
/// which loses nothing a newer build saved and reads in any build.
pub fn history_of_entries<'a>(entries: impl IntoIterator<Item = &'a str>) -> String {
    let v1 = HistoryV1 {
        format: HISTORY.to_string(),
        version: FORMAT_VERSION.into(),
        assessments: entries
            .into_iter()
            .filter_map(|text| parse(text).ok())
            .collect(),
        extra: Map::new(),
    };
    json(&v1).to_string()
}
