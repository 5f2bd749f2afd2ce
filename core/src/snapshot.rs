//! Saved assessments: the versioned, ground-state-only format used in browser storage and in
//! exported files, and the merge rules for importing them.
//!
//! A snapshot holds what the person said (answers by question id, stage override, label,
//! timestamps, bank version) and never a computed score, so a better model improves old results.
//! The JSON is read and written with serde through the `…V1` schema types, which only this
//! module (and the workshops' format) sees; they are converted to and from the domain types by
//! hand. Decoding text from outside is the one thing here that can fail, and it fails with a
//! `SnapshotError`, never a panic. Version numbers are never reused; a newer format or question
//! bank than this build knows is reported as such, so the caller can keep the data aside
//! untouched. This module must never drop what a newer build saved: in a history, entries of a
//! newer format or bank and fields this build does not know are kept and written back unchanged.

use std::collections::{HashMap, HashSet};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Number, Value};

use super::answers::{Answer, Answers};
use super::bank::Bank;
use super::report::clean_label;
use super::stage::Stage;

/// The newest snapshot format this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;

pub(crate) const SNAPSHOT: &str = "stagefit-snapshot";
const HISTORY: &str = "stagefit-history";
pub(crate) const DRAFT: &str = "stagefit-draft";

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
    /// The current version's number (from 1; see `Snapshot::number`).
    pub current: u32,
    /// The earlier versions, oldest first (issue 26): changing an answer never overwrites one.
    pub earlier: Vec<Version>,
    /// What-if plans saved with the assessment.
    pub plans: Vec<SavedPlan>,
}

impl Snapshot {
    /// An assessment with one version and no plans.
    pub fn new(
        id: String,
        label: String,
        answers: Answers,
        created: f64,
        updated: f64,
    ) -> Snapshot {
        Snapshot {
            id,
            label,
            answers,
            created,
            updated,
            current: 1,
            earlier: Vec::new(),
            plans: Vec::new(),
        }
    }
}

/// An assessment in progress: a snapshot and the step the person was on.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub snapshot: Snapshot,
    pub step: usize,
}

/// Why text could not be read as saved Stagefit data: data, which the app words in the
/// reader's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SnapshotError {
    /// Not JSON at all (or cut short).
    NotJson,
    /// JSON, but not the shape of a Stagefit file of the expected kind.
    WrongShape,
    /// Written by a newer Stagefit than this one: a newer format (this version of it, the JSON
    /// number as written out again: issue 30, a version of 99999999999 is told as that, not cut
    /// to what a `u32` holds).
    NewerVersion(String),
    /// Written by a newer Stagefit than this one: the format is known, but the answers are to a
    /// newer question bank (this version of it, as written), which this build cannot read
    /// without loss.
    NewerBank(String),
}

impl SnapshotError {
    /// Whether the data was saved by a newer Stagefit (format or question bank), so it must be
    /// kept as it is rather than read with loss or written over.
    pub fn is_newer(&self) -> bool {
        matches!(
            self,
            SnapshotError::NewerVersion(_) | SnapshotError::NewerBank(_)
        )
    }
}

/// What reading a snapshot left out, so the person can be told.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dropped {
    /// Answers to questions this bank no longer has (an older questionnaire's).
    pub answers: usize,
    /// Answers that are no answer at all (issue 30): a value that is neither an option's place
    /// nor "unknown" (`1.5`, `-1`, `true`), or a place its question does not have. The data was
    /// damaged or edited; this is not what an older version wrote.
    pub damaged: usize,
}

/// What reading several saved assessments (a history or an imported file) could not show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadNotes {
    /// Entries that could not be read at all.
    pub unreadable: usize,
    /// Entries saved by a newer Stagefit (a newer format or question bank): not shown here, and
    /// in a stored history kept whole and written back unchanged.
    pub newer: usize,
    /// Answers left out of the entries that were read.
    pub dropped: Dropped,
}

/// A stored history as this build reads it: the assessments it can show, and what it must
/// write back without understanding it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    /// The readable assessments, in stored order.
    pub assessments: Vec<Snapshot>,
    pub kept: Kept,
}

/// What a history holds that this build cannot show but must not lose: entries saved by a newer
/// Stagefit, as they were read, and fields a newer build added (to the history, and to each
/// assessment by id). The UI never looks inside; it hands this back to `encode_history_keeping`.
///
/// Unknown fields of an assessment are kept by its id rather than inside `Snapshot`, so they
/// survive the UI building a fresh `Snapshot` of the same assessment on every save.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Kept {
    newer: Vec<Value>,
    fields: Vec<(String, Map<String, Value>)>,
    history_fields: Map<String, Value>,
}

impl Kept {
    /// How many assessments were saved by a newer Stagefit and are kept for it.
    pub fn newer(&self) -> usize {
        self.newer.len()
    }

    fn fields_of(&self, id: &str) -> Map<String, Value> {
        self.fields
            .iter()
            .find(|(owner, _)| owner == id)
            .map(|(_, fields)| fields.clone())
            .unwrap_or_default()
    }
}

/// A snapshot of format 1. Numbers are `Number`s so that whole numbers written as `2.0` read as
/// they always have; unknown fields (from a newer build) land in `extra` and are written back
/// after the known ones.
#[derive(Serialize, Deserialize)]
pub(crate) struct SnapshotV1 {
    pub(crate) format: String,
    pub(crate) version: Number,
    pub(crate) bank: Number,
    pub(crate) id: String,
    pub(crate) label: Option<String>,
    /// `None` (written as null) only for a time that is not a whole number of milliseconds
    /// below 2^53; reading one is an error, as it always was.
    pub(crate) created: Option<Number>,
    pub(crate) updated: Option<Number>,
    pub(crate) stage: Option<String>,
    /// By question id: an option's index, or `"unknown"` for "Don't know".
    pub(crate) answers: Map<String, Value>,
    #[serde(flatten)]
    pub(crate) extra: Map<String, Value>,
}

/// A history of format 1. Each entry is read on its own, so one bad entry is counted instead of
/// making the whole history unreadable, and an entry of a newer build is kept as it is.
#[derive(Serialize, Deserialize)]
struct HistoryV1 {
    format: String,
    version: Number,
    assessments: Vec<Value>,
    #[serde(flatten)]
    extra: Map<String, Value>,
}

/// An assessment in progress, format 1; its snapshot is read like any other. `revs` (issue 30,
/// `merge::RevDraft`) is written only by builds that merge drafts; fields this build does not
/// know land in `extra`. Neither is required, so a draft of any build of format 1 reads here, and
/// an older build, which neither requires nor rejects fields it does not know, reads this
/// build's drafts.
#[derive(Serialize, Deserialize)]
pub(crate) struct DraftV1 {
    pub(crate) format: String,
    pub(crate) version: Number,
    pub(crate) step: Number,
    pub(crate) snapshot: Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) revs: Option<Value>,
    #[serde(flatten)]
    pub(crate) extra: Map<String, Value>,
}

/// Text as a JSON value; anything that is not exactly one JSON value is `NotJson`.
pub(crate) fn parse(text: &str) -> Result<Value, SnapshotError> {
    serde_json::from_str(text).map_err(|_| SnapshotError::NotJson)
}

/// A JSON value read as a schema type; a mismatch is `WrongShape`.
pub(crate) fn schema<T: DeserializeOwned>(value: &Value) -> Result<T, SnapshotError> {
    T::deserialize(value).map_err(|_| SnapshotError::WrongShape)
}

/// A schema value as JSON. serde_json fails to serialize only a map whose keys are not strings
/// or a hand-written `Serialize` that fails; the schema types have neither, so this cannot fail
/// on any data. Were that ever broken, stopping is better than writing a wrong value over what
/// is stored.
pub(crate) fn json<T: Serialize>(schema: &T) -> Value {
    serde_json::to_value(schema).expect("schema types serialize with string keys only")
}

/// A whole number from 0 up to `max`, written as an integer or as a float such as `2.0`.
pub(crate) fn whole(n: &Number, max: u32) -> Option<u32> {
    let n = n.as_f64()?;
    (n >= 0.0 && n <= f64::from(max) && n.fract() == 0.0).then_some(n as u32)
}

/// A time as it has always been written: the nearest whole number, or `None` (null) when it
/// is not a finite number an f64 holds exactly.
pub(crate) fn whole_millis(n: f64) -> Option<Number> {
    (n.is_finite() && n.abs() < 9.007_199_254_740_992e15).then(|| Number::from(n.round() as i64))
}

pub(crate) fn to_v1(bank: &Bank, s: &Snapshot, mut extra: Map<String, Value>) -> SnapshotV1 {
    let answers = versions::answers_json(bank, &s.answers);
    versions::put(bank, s, &mut extra);
    SnapshotV1 {
        format: SNAPSHOT.to_string(),
        version: FORMAT_VERSION.into(),
        bank: bank.version.into(),
        id: s.id.clone(),
        label: Some(s.label.clone()),
        created: whole_millis(s.created),
        updated: whole_millis(s.updated),
        stage: s.answers.stage_override.map(|st| st.id().to_string()),
        answers,
        extra,
    }
}

/// Reads the `format` and `version` fields first, so a newer file is reported as newer rather
/// than as malformed, and an older one could be migrated step by step.
pub(crate) fn version_of(value: &Value, format: &str) -> Result<u32, SnapshotError> {
    if value.get("format").and_then(Value::as_str) != Some(format) {
        return Err(SnapshotError::WrongShape);
    }
    let number = value
        .get("version")
        .and_then(Value::as_number)
        .ok_or(SnapshotError::WrongShape)?;
    let version = number
        .as_f64()
        .filter(|v| *v >= 0.0 && v.fract() == 0.0)
        .ok_or(SnapshotError::WrongShape)?;
    match version {
        0.0 => Err(SnapshotError::WrongShape),
        v if v > f64::from(FORMAT_VERSION) => Err(SnapshotError::NewerVersion(number.to_string())),
        v => Ok(v as u32),
    }
}

/// Where a stored answer goes in `bank`: its question's index and the answer, or `None` when
/// this build has no such question or option.
/// An answer to a question whose answers moved when options were added (`link::moved`) goes
/// where they moved: saved results of every released bank keep their meaning. Several answers
/// at once are stored as a list of option indexes (issue 29); a list the question does not
/// accept (too many, an answer given alone with others, an option twice) is not placed.
pub(crate) fn place(bank: &Bank, id: &str, answer: &Value) -> Option<(usize, Answer)> {
    let given = match answer {
        Value::Number(n) => Answer::Chosen(u8::try_from(whole(n, 255)?).ok()?),
        Value::String(w) if w == "unknown" => Answer::Unknown,
        Value::Array(list) => several(list)?,
        _ => return None,
    };
    match bank.questions.iter().position(|q| q.id == id) {
        Some(i) => given.fits(&bank.questions[i]).then_some((i, given)),
        None => crate::link::moved(bank, id, None, given),
    }
}

/// A stored list of option indexes as an answer: at least two, each at most 15, none twice.
fn several(list: &[Value]) -> Option<Answer> {
    let mut mask = 0_u16;
    for value in list {
        let bit = 1_u16.checked_shl(whole(value.as_number()?, 15)?)?;
        if mask & bit != 0 {
            return None;
        }
        mask |= bit;
    }
    (list.len() >= 2).then(|| Answer::picks(mask))
}

/// Whether a stored answer that `place` could not place is no answer at all (issue 30): a value
/// that is neither a whole number from 0, a list of them, nor "unknown", or, for a question this
/// build has, a place it does not offer (an option's place never changes meaning, and a newer
/// bank is read no further). An answer to a question this build does not have is an older
/// questionnaire's.
fn damaged(bank: &Bank, id: &str, answer: &Value) -> bool {
    let well_formed = match answer {
        Value::Number(n) => whole(n, u32::MAX).is_some(),
        Value::String(w) => w == "unknown",
        Value::Array(list) => several(list).is_some(),
        _ => false,
    };
    !well_formed || bank.questions.iter().any(|q| q.id == id)
}

/// One snapshot and the fields this build does not know. Answers it cannot place are counted in
/// `dropped` only when the snapshot is read.
pub(crate) fn from_value(
    bank: &Bank,
    value: &Value,
    dropped: &mut Dropped,
) -> Result<(Snapshot, Map<String, Value>), SnapshotError> {
    // Only version 1 exists; a version 2 would add a `migrate_v1_to_v2` step here.
    let _version = version_of(value, SNAPSHOT)?;
    // A newer bank is told before the shape is judged: its answers are not this build's to read.
    if let Some(newer) = value.get("bank").and_then(Value::as_number).filter(|b| {
        b.as_f64()
            .is_some_and(|b| b.fract() == 0.0 && b > f64::from(bank.version))
    }) {
        return Err(SnapshotError::NewerBank(newer.to_string()));
    }
    let mut v1: SnapshotV1 = schema(value)?;
    let shape = SnapshotError::WrongShape;
    // Only times a JSON number holds exactly (below 2^53), which are written back as they were
    // read; a time beyond them would be written back as null, losing the entry.
    let time = |t: &Option<Number>| {
        t.as_ref()
            .and_then(Number::as_f64)
            .filter(|t| whole_millis(*t).is_some())
    };
    let (Some(created), Some(updated)) = (time(&v1.created), time(&v1.updated)) else {
        return Err(shape);
    };
    if v1.id.is_empty() || v1.id.len() > 64 || whole(&v1.bank, u32::MAX).is_none() {
        return Err(shape);
    }
    let mut answers = Answers::new(bank);
    let (mut left_out, mut no_answer) = (0, 0);
    for (id, answer) in &v1.answers {
        match place(bank, id, answer) {
            Some((i, a)) => answers.set(i, a),
            None if damaged(bank, id, answer) => no_answer += 1,
            None => left_out += 1,
        }
    }
    answers.stage_override = match v1.stage.as_deref() {
        None | Some("") => None,
        Some("early") => Some(Stage::Early),
        Some("growth") => Some(Stage::Growth),
        Some("mature") => Some(Stage::Mature),
        Some(_) => return Err(shape),
    };
    dropped.answers += left_out;
    dropped.damaged += no_answer;
    let (current, earlier, plans) = versions::take(bank, &mut v1.extra);
    let snapshot = Snapshot {
        id: v1.id,
        label: clean_label(v1.label.as_deref().unwrap_or_default()),
        answers,
        created,
        updated,
        current,
        earlier,
        plans,
    };
    Ok((snapshot, v1.extra))
}

/// One assessment as JSON (the per-assessment export).
pub fn encode_snapshot(bank: &Bank, snapshot: &Snapshot) -> String {
    format!("{:#}", json(&to_v1(bank, snapshot, Map::new())))
}

/// Reads one assessment (a newer one is an error, so the caller keeps it as it is).
pub fn decode_snapshot(bank: &Bank, text: &str) -> Result<(Snapshot, Dropped), SnapshotError> {
    let mut dropped = Dropped::default();
    let (snapshot, _) = from_value(bank, &parse(text)?, &mut dropped)?;
    Ok((snapshot, dropped))
}

/// A list of assessments as JSON, with nothing kept for a newer build (the "export all" file).
pub fn encode_history(bank: &Bank, history: &[Snapshot]) -> String {
    encode_history_keeping(bank, history, &Kept::default())
}

/// A list of assessments as JSON (storage), writing back what `decode_history` kept: unknown
/// fields of the history and of each assessment still listed, then the newer entries, unchanged.
pub fn encode_history_keeping(bank: &Bank, history: &[Snapshot], kept: &Kept) -> String {
    let assessments = history
        .iter()
        .map(|s| json(&to_v1(bank, s, kept.fields_of(&s.id))))
        .chain(kept.newer.iter().cloned())
        .collect();
    let v1 = HistoryV1 {
        format: HISTORY.to_string(),
        version: FORMAT_VERSION.into(),
        assessments,
        extra: kept.history_fields.clone(),
    };
    json(&v1).to_string()
}

/// Reads a list of assessments. Entries that cannot be read are counted, not fatal; entries of
/// a newer build are counted and kept; a file that is not a history at all, or is newer, is an
/// error.
pub fn decode_history(bank: &Bank, text: &str) -> Result<(History, ReadNotes), SnapshotError> {
    let value = parse(text)?;
    version_of(&value, HISTORY)?;
    let v1: HistoryV1 = schema(&value)?;
    let mut history = History::default();
    history.kept.history_fields = v1.extra;
    let mut notes = ReadNotes::default();
    let names: Vec<String> = v1
        .assessments
        .iter()
        .filter_map(|e| Some(e.get("id")?.as_str()?.to_string()))
        .collect();
    let mut ids = Ids::among(&HashSet::new(), names.iter().map(String::as_str));
    for entry in v1.assessments {
        match from_value(bank, &entry, &mut notes.dropped) {
            Ok((mut snapshot, fields)) => {
                snapshot.id = ids.unique(&snapshot.id);
                if !fields.is_empty() {
                    history.kept.fields.push((snapshot.id.clone(), fields));
                }
                history.assessments.push(snapshot);
            }
            Err(error) if error.is_newer() => {
                history.kept.newer.push(entry);
                notes.newer += 1;
            }
            Err(_) => notes.unreadable += 1,
        }
    }
    Ok((history, notes))
}

/// An assessment in progress as JSON.
pub fn encode_draft(bank: &Bank, draft: &Draft) -> String {
    let v1 = DraftV1 {
        format: DRAFT.to_string(),
        version: FORMAT_VERSION.into(),
        step: Number::from(draft.step),
        snapshot: json(&to_v1(bank, &draft.snapshot, Map::new())),
        revs: None,
        extra: Map::new(),
    };
    json(&v1).to_string()
}

/// Reads an assessment in progress, and what it left out. A draft is rewritten from what the
/// person sees, so fields of a newer build are not kept here; a draft of a newer format or bank
/// is an error, so the caller keeps it aside.
pub fn decode_draft(bank: &Bank, text: &str) -> Result<(Draft, Dropped), SnapshotError> {
    draft_of(bank, &parse(text)?).map(|(draft, dropped, _)| (draft, dropped))
}

/// `decode_draft` of a value already read, with the draft's schema (`merge` reads its `revs`).
pub(crate) fn draft_of(
    bank: &Bank,
    value: &Value,
) -> Result<(Draft, Dropped, DraftV1), SnapshotError> {
    version_of(value, DRAFT)?;
    let mut v1: DraftV1 = schema(value)?;
    let step = whole(&v1.step, u32::MAX).ok_or(SnapshotError::WrongShape)?;
    let mut dropped = Dropped::default();
    let (snapshot, _) = from_value(bank, &v1.snapshot, &mut dropped)?;
    // A step past the last (a damaged or hand-edited draft) resumes on the last step, whose
    // Back button then works (issue 18).
    let last = crate::steps::steps(bank).len().saturating_sub(1);
    let draft = Draft {
        snapshot,
        step: (step as usize).min(last),
    };
    v1.snapshot = Value::Null;
    Ok((draft, dropped, v1))
}

/// Reads an imported file: a whole history or a single assessment, and what it could not show.
/// Entries of a newer build are counted in the notes, not imported.
pub fn decode_import(bank: &Bank, text: &str) -> Result<(Vec<Snapshot>, ReadNotes), SnapshotError> {
    match decode_history(bank, text) {
        Ok((history, notes)) => Ok((history.assessments, notes)),
        Err(SnapshotError::WrongShape) => decode_snapshot(bank, text).map(|(s, dropped)| {
            let notes = ReadNotes {
                dropped,
                ..ReadNotes::default()
            };
            (vec![s], notes)
        }),
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

/// Merges `incoming` into `history` by id: new ones are added, newer copies replace older
/// ones, and nothing newer is ever overwritten. The result is ordered newest first.
pub fn merge(history: &mut Vec<Snapshot>, incoming: Vec<Snapshot>) -> MergeReport {
    let mut report = MergeReport::default();
    // By id, so merging thousands into thousands stays linear.
    let mut index: HashMap<String, usize> = history
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.clone(), i))
        .collect();
    for s in incoming {
        match index.get(&s.id) {
            None => {
                index.insert(s.id.clone(), history.len());
                history.push(s);
                report.added += 1;
            }
            Some(&i) if s.updated > history[i].updated => {
                history[i] = s;
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

mod versions;
pub use versions::{MAX_PLANS, MAX_VERSIONS, SavedPlan, Version, VersionChange, version_change};

mod entries;
pub(crate) use entries::entry_json;
pub use entries::{
    HISTORY_FORMAT, Migrated, decode_import_entry, encode_entry, fingerprint, history_of_entries,
    import_entries, split_history, split_history_among, unique_ids, unique_ids_among,
};

/// Ids made unique in reading order: the first keeps its id, a later duplicate gets the first
/// free `ID-2`, `ID-3`, … (issue 18: deleting, restoring or renaming a row must act on that row).
#[derive(Default)]
pub(crate) struct Ids {
    given: HashSet<String>,
    /// Ids a duplicate must not take: stored ones, and every id the list names.
    reserved: HashSet<String>,
}

impl Ids {
    /// Ids given out beside `stored` (ids already stored) for a list naming `named`.
    pub(crate) fn among<'a>(
        stored: &HashSet<String>,
        named: impl IntoIterator<Item = &'a str>,
    ) -> Ids {
        let mut reserved = stored.clone();
        reserved.extend(named.into_iter().map(str::to_string));
        Ids {
            given: HashSet::new(),
            reserved,
        }
    }

    /// The id itself the first time it is met; after that the first `ID-2`, `ID-3`, … that is
    /// neither given out, stored, nor named elsewhere in the list.
    pub(crate) fn unique(&mut self, id: &str) -> String {
        if self.given.insert(id.to_string()) {
            return id.to_string();
        }
        let taken: HashSet<String> = self.given.union(&self.reserved).cloned().collect();
        let candidate = crate::merge::fresh_id(id, &taken);
        self.given.insert(candidate.clone());
        candidate
    }
}

// Native only: the property tests use proptest, which is not built for wasm32.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
