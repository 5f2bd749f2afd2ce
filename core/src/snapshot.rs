//! Saved assessments: the versioned, ground-state-only format used in browser storage and in
//! exported files, and the merge rules for importing them.
//!
//! A snapshot holds what the person said (answers by question id, stage override, label,
//! timestamps, bank version) and never a computed score, so a better model improves old results.
//! The JSON is read and written by hand through `super::json`, field by field.
//! Decoding text from outside is the one thing here that can fail, and it fails with a
//! `SnapshotError`, never a panic. Version numbers are never reused; a newer version than this
//! build knows is reported as such, so the caller can keep the data aside untouched.

use std::fmt;

use super::answers::{Answer, Answers};
use super::bank::Bank;
use super::json::{self, Value};
use super::report::clean_label;
use super::stage::Stage;

/// The newest snapshot format this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;

const SNAPSHOT: &str = "stagefit-snapshot";
const HISTORY: &str = "stagefit-history";
const DRAFT: &str = "stagefit-draft";

/// One saved assessment.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    /// Stable identity across edits, exports and imports.
    pub id: String,
    pub label: String,
    pub answers: Answers,
    /// Whole milliseconds since 1970, as the browser reports them.
    pub created: f64,
    pub updated: f64,
}

/// An assessment in progress: a snapshot and the step the person was on.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub snapshot: Snapshot,
    pub step: usize,
}

/// Why text could not be read as saved Stagefit data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SnapshotError {
    /// Not JSON at all (or cut short).
    NotJson,
    /// JSON, but not the shape of a Stagefit file of the expected kind.
    WrongShape,
    /// Written by a newer Stagefit than this one.
    NewerVersion(u32),
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SnapshotError::NotJson => {
                f.write_str("it is not readable data (perhaps cut short or edited)")
            }
            SnapshotError::WrongShape => {
                f.write_str("it is not a Stagefit file of the expected kind")
            }
            SnapshotError::NewerVersion(v) => {
                write!(
                    f,
                    "it was saved by a newer version of Stagefit (format {v}); reload the page to update"
                )
            }
        }
    }
}

/// What reading a snapshot left out, so the person can be told.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dropped {
    /// Answers to questions this bank no longer has, or to options it no longer offers.
    pub answers: usize,
}

fn to_v1(bank: &Bank, s: &Snapshot) -> Value {
    let mut answers = Vec::new();
    for (q, a) in bank.questions.iter().zip(s.answers.iter()) {
        let value = match a {
            Answer::Unanswered => continue,
            Answer::Unknown => Value::str("unknown"),
            Answer::Chosen(i) => Value::Num(f64::from(i)),
        };
        answers.push((q.id.to_string(), value));
    }
    Value::object(vec![
        ("format", Value::str(SNAPSHOT)),
        ("version", Value::Num(f64::from(FORMAT_VERSION))),
        ("bank", Value::Num(f64::from(bank.version))),
        ("id", Value::str(&s.id)),
        ("label", Value::str(&s.label)),
        ("created", Value::Num(s.created)),
        ("updated", Value::Num(s.updated)),
        (
            "stage",
            s.answers
                .stage_override
                .map_or(Value::Null, |st| Value::str(st.id())),
        ),
        ("answers", Value::Obj(answers)),
    ])
}

/// Reads the `version` field first, so a newer file is reported as newer rather than as
/// malformed, and an older one could be migrated step by step.
pub(crate) fn version_of(value: &Value, format: &str) -> Result<u32, SnapshotError> {
    if value.get("format").and_then(Value::as_str) != Some(format) {
        return Err(SnapshotError::WrongShape);
    }
    let version = value
        .get("version")
        .and_then(Value::as_f64)
        .filter(|v| *v >= 0.0 && v.fract() == 0.0)
        .ok_or(SnapshotError::WrongShape)?;
    match version {
        0.0 => Err(SnapshotError::WrongShape),
        v if v > f64::from(FORMAT_VERSION) => Err(SnapshotError::NewerVersion(
            v.min(f64::from(u32::MAX)) as u32,
        )),
        v => Ok(v as u32),
    }
}

/// A text field that may be missing (read as empty) but is text when present.
pub(crate) fn optional_text(value: &Value, key: &str) -> Result<String, SnapshotError> {
    match value.get(key) {
        None | Some(Value::Null) => Ok(String::new()),
        Some(v) => v
            .as_str()
            .map(str::to_string)
            .ok_or(SnapshotError::WrongShape),
    }
}

fn from_value(
    bank: &Bank,
    value: &Value,
    dropped: &mut Dropped,
) -> Result<Snapshot, SnapshotError> {
    // Only version 1 exists; a version 2 would add a `migrate_v1_to_v2` step here.
    let _version = version_of(value, SNAPSHOT)?;
    let shape = SnapshotError::WrongShape;
    let id = value
        .get("id")
        .and_then(Value::as_str)
        .ok_or(shape.clone())?;
    let time = |key| {
        value
            .get(key)
            .and_then(Value::as_f64)
            .filter(|t| t.is_finite())
    };
    let (Some(created), Some(updated)) = (time("created"), time("updated")) else {
        return Err(shape);
    };
    if id.is_empty()
        || id.len() > 64
        || value
            .get("bank")
            .and_then(|b| b.as_whole(u32::MAX))
            .is_none()
    {
        return Err(shape);
    }
    let label = optional_text(value, "label")?;
    let mut answers = Answers::new(bank);
    for (id, answer) in value
        .get("answers")
        .and_then(Value::as_object)
        .ok_or(shape.clone())?
    {
        let index = bank.questions.iter().position(|q| q.id == id);
        let answer = match (index, answer) {
            (Some(i), Value::Num(_)) => answer
                .as_whole(255)
                .filter(|c| (*c as usize) < bank.questions[i].options.len())
                .map(|c| (i, Answer::Chosen(c as u8))),
            (Some(i), Value::Str(w)) if w == "unknown" => Some((i, Answer::Unknown)),
            _ => None,
        };
        match answer {
            Some((i, a)) => answers.set(i, a),
            None => dropped.answers += 1,
        }
    }
    answers.stage_override = match optional_text(value, "stage")?.as_str() {
        "" => None,
        "early" => Some(Stage::Early),
        "growth" => Some(Stage::Growth),
        "mature" => Some(Stage::Mature),
        _ => return Err(shape),
    };
    Ok(Snapshot {
        id: id.to_string(),
        label: clean_label(&label),
        answers,
        created,
        updated,
    })
}

fn parse(text: &str) -> Result<Value, SnapshotError> {
    json::parse(text).ok_or(SnapshotError::NotJson)
}

/// One assessment as JSON (the per-assessment export).
pub fn encode_snapshot(bank: &Bank, snapshot: &Snapshot) -> String {
    json::write(&to_v1(bank, snapshot), true)
}

/// Reads one assessment.
pub fn decode_snapshot(bank: &Bank, text: &str) -> Result<(Snapshot, Dropped), SnapshotError> {
    let mut dropped = Dropped::default();
    let snapshot = from_value(bank, &parse(text)?, &mut dropped)?;
    Ok((snapshot, dropped))
}

/// A list of assessments as JSON (storage and the "export all" file).
pub fn encode_history(bank: &Bank, history: &[Snapshot]) -> String {
    json::write(
        &Value::object(vec![
            ("format", Value::str(HISTORY)),
            ("version", Value::Num(f64::from(FORMAT_VERSION))),
            (
                "assessments",
                Value::Arr(history.iter().map(|s| to_v1(bank, s)).collect()),
            ),
        ]),
        false,
    )
}

/// Reads a list of assessments. Entries that cannot be read are counted, not fatal; a file
/// that is not a history at all, or is newer, is an error.
pub fn decode_history(
    bank: &Bank,
    text: &str,
) -> Result<(Vec<Snapshot>, usize, Dropped), SnapshotError> {
    let value = parse(text)?;
    version_of(&value, HISTORY)?;
    let entries = value
        .get("assessments")
        .and_then(Value::as_array)
        .ok_or(SnapshotError::WrongShape)?;
    let mut dropped = Dropped::default();
    let mut unreadable = 0;
    let mut list = Vec::new();
    for entry in entries {
        match from_value(bank, entry, &mut dropped) {
            Ok(s) => list.push(s),
            Err(_) => unreadable += 1,
        }
    }
    Ok((list, unreadable, dropped))
}

/// An assessment in progress as JSON.
pub fn encode_draft(bank: &Bank, draft: &Draft) -> String {
    json::write(
        &Value::object(vec![
            ("format", Value::str(DRAFT)),
            ("version", Value::Num(f64::from(FORMAT_VERSION))),
            ("step", Value::Num(draft.step as f64)),
            ("snapshot", to_v1(bank, &draft.snapshot)),
        ]),
        false,
    )
}

/// Reads an assessment in progress.
pub fn decode_draft(bank: &Bank, text: &str) -> Result<Draft, SnapshotError> {
    let value = parse(text)?;
    version_of(&value, DRAFT)?;
    let step = value
        .get("step")
        .and_then(|s| s.as_whole(u32::MAX))
        .ok_or(SnapshotError::WrongShape)?;
    let snapshot = value.get("snapshot").ok_or(SnapshotError::WrongShape)?;
    let snapshot = from_value(bank, snapshot, &mut Dropped::default())?;
    Ok(Draft {
        snapshot,
        step: step as usize,
    })
}

/// Reads an imported file: a whole history or a single assessment.
pub fn decode_import(bank: &Bank, text: &str) -> Result<(Vec<Snapshot>, usize), SnapshotError> {
    match decode_history(bank, text) {
        Ok((list, unreadable, _)) => Ok((list, unreadable)),
        Err(SnapshotError::WrongShape) => decode_snapshot(bank, text).map(|(s, _)| (vec![s], 0)),
        Err(e) => Err(e),
    }
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub added: usize,
    /// Same assessment, newer copy: replaced.
    pub updated: usize,
    /// Same assessment, same or older copy: left alone.
    pub skipped: usize,
}

impl fmt::Display for MergeReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} added", self.added)?;
        if self.updated > 0 {
            write!(f, ", {} updated to a newer copy", self.updated)?;
        }
        write!(f, ", {} already there and skipped", self.skipped)
    }
}

/// Merges `incoming` into `history` by id: new ones are added, newer copies replace older
/// ones, and nothing newer is ever overwritten. The result is ordered newest first.
pub fn merge(history: &mut Vec<Snapshot>, incoming: Vec<Snapshot>) -> MergeReport {
    let mut report = MergeReport::default();
    for s in incoming {
        match history.iter_mut().find(|h| h.id == s.id) {
            None => {
                history.push(s);
                report.added += 1;
            }
            Some(existing) if s.updated > existing.updated => {
                *existing = s;
                report.updated += 1;
            }
            Some(_) => report.skipped += 1,
        }
    }
    sort_newest_first(history);
    report
}

/// Orders by creation time, newest first (ties by id, so the order is stable).
pub fn sort_newest_first(history: &mut [Snapshot]) {
    history.sort_by(|a, b| {
        b.created
            .total_cmp(&a.created)
            .then_with(|| a.id.cmp(&b.id))
    });
}

// Native only: the property tests use proptest, which is not built for wasm32.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
