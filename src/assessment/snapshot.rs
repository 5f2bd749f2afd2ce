//! Saved assessments: the versioned, ground-state-only format used in browser storage and in
//! exported files, and the merge rules for importing them.
//!
//! A snapshot holds what the person said (answers by question id, stage override, label,
//! timestamps, bank version) and never a computed score, so a better model improves old results.
//! Only the `...V1` schema types derive serde; they are converted to domain types by hand.
//! Decoding text from outside is the one thing here that can fail, and it fails with a
//! `SnapshotError`, never a panic. Version numbers are never reused; a newer version than this
//! build knows is reported as such, so the caller can keep the data aside untouched.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::answers::{Answer, Answers};
use super::bank::Bank;
use super::report::clean_label;
use super::scoring::Stage;

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

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum AnswerV1 {
    Choice(u8),
    Word(String),
}

#[derive(Serialize, Deserialize)]
struct SnapshotV1 {
    format: String,
    version: u32,
    bank: u32,
    id: String,
    #[serde(default)]
    label: String,
    created: f64,
    updated: f64,
    #[serde(default)]
    stage: Option<String>,
    answers: BTreeMap<String, AnswerV1>,
}

#[derive(Serialize, Deserialize)]
struct HistoryV1 {
    format: String,
    version: u32,
    assessments: Vec<serde_json::Value>,
}

#[derive(Serialize, Deserialize)]
struct DraftV1 {
    format: String,
    version: u32,
    step: usize,
    snapshot: serde_json::Value,
}

fn stage_id(stage: Stage) -> &'static str {
    match stage {
        Stage::Early => "early",
        Stage::Growth => "growth",
        Stage::Mature => "mature",
    }
}

fn to_v1(bank: &Bank, s: &Snapshot) -> SnapshotV1 {
    let mut answers = BTreeMap::new();
    for (q, a) in bank.questions.iter().zip(s.answers.iter()) {
        match a {
            Answer::Unanswered => {}
            Answer::Unknown => {
                answers.insert(q.id.to_string(), AnswerV1::Word("unknown".to_string()));
            }
            Answer::Chosen(i) => {
                answers.insert(q.id.to_string(), AnswerV1::Choice(i));
            }
        }
    }
    SnapshotV1 {
        format: SNAPSHOT.to_string(),
        version: FORMAT_VERSION,
        bank: bank.version,
        id: s.id.clone(),
        label: s.label.clone(),
        created: s.created,
        updated: s.updated,
        stage: s.answers.stage_override.map(|st| stage_id(st).to_string()),
        answers,
    }
}

/// Reads the `version` field first, so a newer file is reported as newer rather than as
/// malformed, and an older one could be migrated step by step.
fn version_of(value: &serde_json::Value, format: &str) -> Result<u32, SnapshotError> {
    let object = value.as_object().ok_or(SnapshotError::WrongShape)?;
    if object.get("format").and_then(|f| f.as_str()) != Some(format) {
        return Err(SnapshotError::WrongShape);
    }
    let version = object
        .get("version")
        .and_then(|v| v.as_u64())
        .ok_or(SnapshotError::WrongShape)?;
    let version = u32::try_from(version).map_err(|_| SnapshotError::NewerVersion(u32::MAX))?;
    match version {
        0 => Err(SnapshotError::WrongShape),
        v if v > FORMAT_VERSION => Err(SnapshotError::NewerVersion(v)),
        v => Ok(v),
    }
}

fn from_value(
    bank: &Bank,
    value: serde_json::Value,
    dropped: &mut Dropped,
) -> Result<Snapshot, SnapshotError> {
    // Only version 1 exists; a version 2 would add a `migrate_v1_to_v2` step here.
    let _version = version_of(&value, SNAPSHOT)?;
    let v1: SnapshotV1 = serde_json::from_value(value).map_err(|_| SnapshotError::WrongShape)?;
    if v1.id.is_empty() || v1.id.len() > 64 || !v1.created.is_finite() || !v1.updated.is_finite() {
        return Err(SnapshotError::WrongShape);
    }
    let mut answers = Answers::new(bank);
    for (id, answer) in &v1.answers {
        let index = bank.questions.iter().position(|q| q.id == id);
        let answer = match (index, answer) {
            (Some(i), AnswerV1::Choice(c)) if usize::from(*c) < bank.questions[i].options.len() => {
                Some((i, Answer::Chosen(*c)))
            }
            (Some(i), AnswerV1::Word(w)) if w == "unknown" => Some((i, Answer::Unknown)),
            _ => None,
        };
        match answer {
            Some((i, a)) => answers.set(i, a),
            None => dropped.answers += 1,
        }
    }
    answers.stage_override = match v1.stage.as_deref() {
        None => None,
        Some("early") => Some(Stage::Early),
        Some("growth") => Some(Stage::Growth),
        Some("mature") => Some(Stage::Mature),
        Some(_) => return Err(SnapshotError::WrongShape),
    };
    Ok(Snapshot {
        id: v1.id,
        label: clean_label(&v1.label),
        answers,
        created: v1.created,
        updated: v1.updated,
    })
}

fn parse(text: &str) -> Result<serde_json::Value, SnapshotError> {
    serde_json::from_str(text).map_err(|_| SnapshotError::NotJson)
}

/// One assessment as JSON (the per-assessment export).
pub fn encode_snapshot(bank: &Bank, snapshot: &Snapshot) -> String {
    serde_json::to_string_pretty(&to_v1(bank, snapshot)).unwrap_or_default()
}

/// Reads one assessment.
pub fn decode_snapshot(bank: &Bank, text: &str) -> Result<(Snapshot, Dropped), SnapshotError> {
    let mut dropped = Dropped::default();
    let snapshot = from_value(bank, parse(text)?, &mut dropped)?;
    Ok((snapshot, dropped))
}

/// A list of assessments as JSON (storage and the "export all" file).
pub fn encode_history(bank: &Bank, history: &[Snapshot]) -> String {
    let file = HistoryV1 {
        format: HISTORY.to_string(),
        version: FORMAT_VERSION,
        assessments: history
            .iter()
            .filter_map(|s| serde_json::to_value(to_v1(bank, s)).ok())
            .collect(),
    };
    serde_json::to_string(&file).unwrap_or_default()
}

/// Reads a list of assessments. Entries that cannot be read are counted, not fatal; a file
/// that is not a history at all, or is newer, is an error.
pub fn decode_history(
    bank: &Bank,
    text: &str,
) -> Result<(Vec<Snapshot>, usize, Dropped), SnapshotError> {
    let value = parse(text)?;
    version_of(&value, HISTORY)?;
    let file: HistoryV1 = serde_json::from_value(value).map_err(|_| SnapshotError::WrongShape)?;
    let mut dropped = Dropped::default();
    let mut unreadable = 0;
    let mut list = Vec::new();
    for entry in file.assessments {
        match from_value(bank, entry, &mut dropped) {
            Ok(s) => list.push(s),
            Err(_) => unreadable += 1,
        }
    }
    Ok((list, unreadable, dropped))
}

/// An assessment in progress as JSON.
pub fn encode_draft(bank: &Bank, draft: &Draft) -> String {
    let file = DraftV1 {
        format: DRAFT.to_string(),
        version: FORMAT_VERSION,
        step: draft.step,
        snapshot: serde_json::to_value(to_v1(bank, &draft.snapshot)).unwrap_or_default(),
    };
    serde_json::to_string(&file).unwrap_or_default()
}

/// Reads an assessment in progress.
pub fn decode_draft(bank: &Bank, text: &str) -> Result<Draft, SnapshotError> {
    let value = parse(text)?;
    version_of(&value, DRAFT)?;
    let file: DraftV1 = serde_json::from_value(value).map_err(|_| SnapshotError::WrongShape)?;
    let snapshot = from_value(bank, file.snapshot, &mut Dropped::default())?;
    Ok(Draft {
        snapshot,
        step: file.step,
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
