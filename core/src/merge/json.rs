//! The stored shape of revisions (issue 30): the `revs` field added to a draft and to a saved
//! assessment, and the tombstone a delete leaves. Only these `…V1` types derive serde; they are
//! converted to `Rev`, `Seen` and the merge types by hand.
//!
//! `revs` is a field older builds do not know: they read the draft's or assessment's answers as
//! always and ignore it (a draft) or write it back untouched (an assessment). Everything in it is
//! optional, absent meaning revision zero, so this build reads older builds' data as written at
//! revision zero. A `revs` this build cannot read is treated as absent (all revision zero), never
//! as an error: the answers beside it are what matter.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Number, Value};

use super::{Rev, Seen};

/// The largest revision number read: JSON numbers above 2^53 are not exact everywhere.
const MAX_N: u64 = 1 << 53;

/// A revision as stored: `[n, "by"]`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(super) struct RevV1(u64, String);

impl RevV1 {
    pub(super) fn of(rev: &Rev) -> Option<RevV1> {
        (*rev != Rev::ZERO).then(|| RevV1(rev.n, rev.by.clone()))
    }

    /// A revision written even when it is zero (an identity, not an absent revision).
    pub(super) fn always(rev: &Rev) -> RevV1 {
        RevV1(rev.n, rev.by.clone())
    }

    pub(super) fn rev(&self) -> Rev {
        Rev {
            n: self.0.min(MAX_N),
            by: self.1.clone(),
        }
    }
}

pub(super) fn rev_of(v1: Option<&RevV1>) -> Rev {
    v1.map_or(Rev::ZERO, RevV1::rev)
}

pub(super) fn seen_of(map: &BTreeMap<String, u64>) -> Seen {
    Seen(
        map.iter()
            .map(|(by, n)| (by.clone(), (*n).min(MAX_N)))
            .collect(),
    )
}

pub(super) fn seen_v1(seen: &Seen) -> BTreeMap<String, u64> {
    seen.0.clone()
}

/// A draft's revisions: `{"rev", "answers": {question id: rev}, "stage", "label", "seen"}`.
/// `rev` is the draft's last write, which the step goes with.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(super) struct DraftRevsV1 {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) rev: Option<RevV1>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(super) answers: BTreeMap<String, RevV1>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) stage: Option<RevV1>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) label: Option<RevV1>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(super) seen: BTreeMap<String, u64>,
    /// Fields a newer build added, written back as they were.
    #[serde(flatten)]
    pub(super) extra: Map<String, Value>,
}

/// A saved assessment's revisions, and a tombstone's:
/// `{"rev", "life", "label", "versions": {number: rev}, "claims": {number: number},
/// "gone": [[rev, number, mark]], "plans": {id: rev}, "plans_gone": {id: rev},
/// "finished": {tab: n}}`.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(super) struct EntryRevsV1 {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) rev: Option<RevV1>,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub(super) life: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) label: Option<RevV1>,
    /// Each version's identity, by its number (the current one's too).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(super) versions: BTreeMap<String, RevV1>,
    /// The number a version was made with, for a version numbered after another made at once.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(super) claims: BTreeMap<String, u32>,
    /// Versions deleted (undone, or dropped beyond the most kept): their identities and the
    /// mark of their answers (16 hexadecimal digits).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) gone: Vec<(RevV1, u32, String)>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(super) plans: BTreeMap<String, RevV1>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(super) plans_gone: BTreeMap<String, RevV1>,
    /// The drafts' writes finished into this assessment.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(super) finished: BTreeMap<String, u64>,
    #[serde(flatten)]
    pub(super) extra: Map<String, Value>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// What a delete leaves under the assessment's key, in format 1 of the snapshot so a reader
/// checks `format` and `version` first as always:
/// `{"format": "stagefit-snapshot", "version": 1, "id", "deleted": true, "created", "updated",
/// "revs": {"rev", "life", "finished"}}`. It has no `bank` or `answers`, so an older build finds
/// it unreadable and moves it aside rather than showing the deleted assessment.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct TombstoneV1 {
    pub(super) format: String,
    pub(super) version: Number,
    pub(super) id: String,
    pub(super) deleted: bool,
    /// When the assessment was made: with the id, what an import compares to tell it apart.
    pub(super) created: Option<Number>,
    /// When it was deleted (information for people).
    pub(super) updated: Option<Number>,
    #[serde(default)]
    pub(super) revs: EntryRevsV1,
    #[serde(flatten)]
    pub(super) extra: Map<String, Value>,
}

/// `revs` of a stored value read as `T`, or `T::default()` (all revision zero) when it is absent
/// or cannot be read.
pub(super) fn revs_in<T: Default + for<'de> Deserialize<'de>>(value: Option<&Value>) -> T {
    value
        .and_then(|v| T::deserialize(v).ok())
        .unwrap_or_default()
}
