//! One saved assessment with its revisions (`RevEntry`), the tombstone a delete leaves under its
//! key (`Tombstone`), and how copies of either merge (`Slot::join`).
//!
//! Stored as a snapshot of format 1 with one more field, `revs` (see `json::EntryRevsV1`): an
//! older build reads the assessment as always and writes `revs` back untouched, as it does every
//! field it does not know. A tombstone is a snapshot object with `deleted: true` and no answers.
//!
//! Versions are told apart by identity, the revision of the write that made them and the number
//! they were made with, not by number: two versions made at once in two tabs are both kept, the
//! one of the lower identity keeping its number and the other numbered after it. The same change
//! made at once in two tabs (same number, same answers) is one version. A version or plan that is
//! deleted leaves its identity in `gone` (a version with a mark of its answers, so the same change
//! made in another tab goes with it), so a copy that has not heard of the delete cannot bring it
//! back. The current version is the one of the highest identity.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Number, Value};

use super::json::{EntryRevsV1, RevV1, TombstoneV1, rev_of, revs_in, seen_of, seen_v1};
use super::{
    Decision, Heard, Outcome, Pending, Rev, RevDraft, Seen, Writer, answer_code, answers_key,
};
use crate::answers::Answers;
use crate::bank::Bank;
use crate::snapshot::{
    Dropped, FORMAT_VERSION, SNAPSHOT, SavedPlan, Snapshot, SnapshotError, SnapshotV1, Version,
    entry_json, from_value, json, parse, place, schema, version_of, whole_millis,
};

/// Most deleted versions and plans remembered per assessment (the latest deletes are kept).
const MAX_GONE: usize = 100;

/// A version's identity: the revision of the write that made it, and the number it was made with.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct VersionId {
    rev: Rev,
    claim: u32,
}

/// One version as merged: its identity, answers and when it was saved (information).
#[derive(Clone, Debug, PartialEq)]
struct Ver {
    id: VersionId,
    answers: Answers,
    updated: f64,
}

impl Ver {
    /// A total order on the copies of one identity, so every tab keeps the same one: they differ
    /// only in time (a rename moves the current version's time, as `Snapshot` has always done) or,
    /// in data builds before revisions rewrote, in content. The later time wins, so a version's
    /// time, like everything else, depends on which copies were merged, not in which order.
    fn content(&self) -> (u64, Vec<u16>) {
        (self.updated.to_bits(), answers_key(&self.answers))
    }
}

/// A saved assessment and the revisions of what it holds.
#[derive(Clone, Debug, PartialEq)]
pub struct RevEntry {
    snapshot: Snapshot,
    life: u32,
    rev: Rev,
    label_rev: Rev,
    /// Each version's identity, in the order of `snapshot.versions()` (the current one last).
    ids: Vec<VersionId>,
    /// Deleted versions, with the mark of what they held (`mark`).
    gone: BTreeMap<VersionId, u64>,
    plan_revs: BTreeMap<String, Rev>,
    plans_gone: BTreeMap<String, Rev>,
    finished: Seen,
    /// What this build cannot read but must keep: fields a newer build added (with versions or
    /// plans it cannot read), answers of this question bank to questions or options it does not
    /// have, and fields of `revs` it does not know. They travel with the value through merges,
    /// moves and writes; in a merge, the stored copy's stand and the other's are added where
    /// missing.
    kept: Map<String, Value>,
    kept_answers: Map<String, Value>,
    kept_revs: Map<String, Value>,
}

impl RevEntry {
    /// `snapshot` as written before revisions: everything at revision zero, first life.
    pub fn new(snapshot: Snapshot) -> RevEntry {
        let ids = snapshot
            .versions()
            .map(|(number, _, _)| VersionId {
                rev: Rev::ZERO,
                claim: number,
            })
            .collect();
        RevEntry {
            snapshot,
            life: 0,
            rev: Rev::ZERO,
            label_rev: Rev::ZERO,
            ids,
            gone: BTreeMap::new(),
            plan_revs: BTreeMap::new(),
            plans_gone: BTreeMap::new(),
            finished: Seen::default(),
            kept: Map::new(),
            kept_answers: Map::new(),
            kept_revs: Map::new(),
        }
        .settled()
    }

    /// The assessment a draft becomes when it is finished, written at `rev`.
    pub fn from_draft(draft: &RevDraft, rev: &Rev) -> RevEntry {
        let mut entry = RevEntry::new(draft.draft.snapshot.clone());
        entry.ids = entry
            .ids
            .iter()
            .map(|id| VersionId {
                rev: rev.clone(),
                claim: id.claim,
            })
            .collect();
        entry.rev = rev.clone();
        entry.label_rev = draft.label_rev.clone();
        entry.finished = draft.seen.clone();
        entry.settled()
    }

    pub fn snapshot(&self) -> &Snapshot {
        &self.snapshot
    }

    pub fn into_snapshot(self) -> Snapshot {
        self.snapshot
    }

    pub fn id(&self) -> &str {
        &self.snapshot.id
    }

    /// Which life of the assessment this is: 0, raised each time it is put back after a delete.
    pub fn life(&self) -> u32 {
        self.life
    }

    /// The last write.
    pub fn rev(&self) -> &Rev {
        &self.rev
    }

    pub fn label_rev(&self) -> &Rev {
        &self.label_rev
    }

    /// The revision of the write that made the current version.
    pub(crate) fn current_rev(&self) -> Rev {
        self.ids.last().map_or(Rev::ZERO, |id| id.rev.clone())
    }

    /// The drafts' writes finished into it.
    pub fn finished(&self) -> &Seen {
        &self.finished
    }

    /// This entry in `life`, under `id` (an import puts it there).
    pub(super) fn with_life(&self, life: u32, id: &str) -> RevEntry {
        let mut out = self.clone();
        out.life = life;
        out.snapshot.id = id.to_string();
        out
    }

    /// Marks this entry as written now.
    pub(super) fn stamp(&mut self, writer: &mut Writer) {
        self.rev = writer.stamp();
    }

    fn versions_key(s: &Snapshot) -> Vec<(u32, Vec<u16>)> {
        s.versions().map(|(n, a, _)| (n, answers_key(a))).collect()
    }

    /// Whether `edited` differs from this assessment in anything the person changes (label,
    /// versions, plans); times alone are not a change.
    pub fn changed_by(&self, edited: &Snapshot) -> bool {
        let a = &self.snapshot;
        a.label != edited.label
            || a.plans != edited.plans
            || RevEntry::versions_key(a) != RevEntry::versions_key(edited)
    }

    /// This assessment with the person's changes (`edited`, made from `self.snapshot()` with the
    /// `Snapshot` methods: a new version, undo, a version or plan deleted, a rename), each
    /// stamped with `rev`.
    pub fn with_edit(&self, edited: &Snapshot, rev: &Rev) -> RevEntry {
        let mut next = self.clone();
        let before: Vec<(u32, &Answers, &VersionId)> = self
            .snapshot
            .versions()
            .zip(&self.ids)
            .map(|((n, a, _), id)| (n, a, id))
            .collect();
        let mut vers = Vec::new();
        for (number, answers, updated) in edited.versions() {
            let id = before
                .iter()
                .find(|(n, a, _)| *n == number && *a == answers)
                .map_or_else(
                    || VersionId {
                        rev: rev.clone(),
                        claim: number,
                    },
                    |(_, _, id)| (*id).clone(),
                );
            vers.push(Ver {
                id,
                answers: answers.clone(),
                updated,
            });
        }
        for (_, answers, id) in &before {
            if !vers.iter().any(|v| &v.id == *id) {
                next.gone.insert((*id).clone(), mark(answers));
            }
        }
        if edited.label != self.snapshot.label {
            next.label_rev = rev.clone();
        }
        for plan in &edited.plans {
            if self.snapshot.plans.iter().find(|p| p.id == plan.id) != Some(plan) {
                next.plan_revs.insert(plan.id.clone(), rev.clone());
                next.plans_gone.remove(&plan.id);
            }
        }
        for plan in &self.snapshot.plans {
            if !edited.plans.iter().any(|p| p.id == plan.id) {
                next.plan_revs.remove(&plan.id);
                next.plans_gone.insert(plan.id.clone(), rev.clone());
            }
        }
        let id = self.snapshot.id.clone();
        next.snapshot = edited.clone();
        next.snapshot.id = id;
        next.rev = rev.clone();
        next.assemble(vers)
    }

    /// The merge of two copies of one assessment in the same life (the caller, `Slot::join`,
    /// keeps the later life whole). Commutative, associative and idempotent.
    fn join(&self, other: &RevEntry) -> RevEntry {
        // Everything but the id (the same) is merged below.
        let mut out = self.clone();
        let label = |e: &RevEntry| (e.label_rev.clone(), e.snapshot.label.clone());
        let (label_rev, text) = label(self).max(label(other));
        out.label_rev = label_rev;
        out.snapshot.label = text;
        out.snapshot.created = self.snapshot.created.min(other.snapshot.created);
        out.rev = self.rev.clone().max(other.rev.clone());
        out.finished = self.finished.join(&other.finished);
        for (mine, theirs) in [
            (&mut out.kept, &other.kept),
            (&mut out.kept_answers, &other.kept_answers),
            (&mut out.kept_revs, &other.kept_revs),
        ] {
            for (key, value) in theirs {
                if !mine.contains_key(key) {
                    mine.insert(key.clone(), value.clone());
                }
            }
        }
        out.gone = self.gone.clone();
        for (id, m) in &other.gone {
            let held = out.gone.entry(id.clone()).or_insert(*m);
            *held = (*held).max(*m);
        }
        // Plans: per id, the higher revision wins, a delete over a save of the same revision.
        let mut registers: BTreeMap<String, (Rev, bool, Option<SavedPlan>)> = BTreeMap::new();
        for entry in [self, other] {
            let live = entry.snapshot.plans.iter().map(|p| {
                let rev = entry.plan_revs.get(&p.id).cloned().unwrap_or_default();
                (p.id.clone(), (rev, false, Some(p.clone())))
            });
            let gone = entry
                .plans_gone
                .iter()
                .map(|(id, rev)| (id.clone(), (rev.clone(), true, None)));
            for (id, candidate) in live.chain(gone) {
                match registers.get(&id) {
                    Some(held) if plan_order(held) >= plan_order(&candidate) => {}
                    _ => {
                        registers.insert(id, candidate);
                    }
                }
            }
        }
        out.snapshot.plans.clear();
        out.plan_revs.clear();
        out.plans_gone.clear();
        for (id, (rev, _, plan)) in registers {
            match plan {
                Some(plan) => {
                    out.plan_revs.insert(id, rev);
                    out.snapshot.plans.push(plan);
                }
                None => {
                    out.plans_gone.insert(id, rev);
                }
            }
        }
        let vers = self.vers().chain(other.vers()).collect();
        out.assemble(vers)
    }

    /// Every version with its identity (the current one's time is the assessment's `updated`).
    fn vers(&self) -> impl Iterator<Item = Ver> + '_ {
        self.snapshot
            .versions()
            .zip(&self.ids)
            .map(|((_, answers, updated), id)| Ver {
                id: id.clone(),
                answers: answers.clone(),
                updated,
            })
    }

    /// Sets the versions from `vers` (any order, identities possibly repeated) and puts
    /// everything in the one order every tab uses.
    fn assemble(mut self, vers: Vec<Ver>) -> RevEntry {
        // One copy per identity.
        let mut by_id: BTreeMap<VersionId, Ver> = BTreeMap::new();
        for v in vers {
            match by_id.get(&v.id) {
                Some(held) if held.content() >= v.content() => {}
                _ => {
                    by_id.insert(v.id.clone(), v);
                }
            }
        }
        // The same change made at once in two tabs (the same number and answers) is one
        // version, the lower identity; a delete of either deletes both. A deleted version is
        // known by its identity and mark only, so its group is too.
        let deleted: BTreeSet<(u32, u64)> =
            self.gone.iter().map(|(id, m)| (id.claim, *m)).collect();
        let mut groups: BTreeMap<(u32, u64), Vec<VersionId>> = BTreeMap::new();
        for (id, v) in &by_id {
            groups
                .entry((id.claim, mark(&v.answers)))
                .or_default()
                .push(id.clone());
        }
        let mut live: Vec<VersionId> = groups
            .into_iter()
            .filter(|(group, _)| !deleted.contains(group))
            .filter_map(|(_, ids)| ids.into_iter().min())
            .collect();
        live.sort();
        // Every version deleted at once in different tabs: the latest stays, as an assessment
        // always has one (it stays deleted in `gone` if another of its group is, and is chosen
        // again by every merge).
        if live.is_empty()
            && let Some((id, _)) = by_id.last_key_value()
        {
            self.gone.remove(id);
            live.push(id.clone());
        }
        while self.gone.len() > MAX_GONE {
            self.gone.pop_first();
        }
        // Numbers: each version keeps the number it was made with unless one of a lower
        // identity has it; then the next free one.
        let mut numbered = Vec::new();
        let mut previous = 0;
        for id in live {
            let number = id.claim.max(previous + 1);
            previous = number;
            if let Some(v) = by_id.remove(&id) {
                numbered.push((number, v));
            }
        }
        if let Some(((number, current), earlier)) = numbered.split_last() {
            self.snapshot.answers = current.answers.clone();
            self.snapshot.updated = current.updated;
            self.snapshot.current = *number;
            self.snapshot.earlier = earlier
                .iter()
                .map(|(n, v)| Version {
                    number: *n,
                    answers: v.answers.clone(),
                    updated: v.updated,
                })
                .collect();
            self.ids = numbered.iter().map(|(_, v)| v.id.clone()).collect();
        }
        self.snapshot.plans.sort_by(|a, b| {
            a.created
                .total_cmp(&b.created)
                .then_with(|| a.id.cmp(&b.id))
        });
        if self.plans_gone.len() > MAX_GONE {
            let mut by_rev: Vec<(Rev, String)> = self
                .plans_gone
                .iter()
                .map(|(id, rev)| (rev.clone(), id.clone()))
                .collect();
            by_rev.sort();
            for (_, id) in by_rev.iter().take(by_rev.len() - MAX_GONE) {
                self.plans_gone.remove(id);
            }
        }
        self
    }

    /// The entry in the one order every tab uses (versions numbered, plans ordered).
    fn settled(self) -> RevEntry {
        let vers = self.vers().collect();
        self.assemble(vers)
    }

    fn from_stored(
        snapshot: Snapshot,
        mut revs: EntryRevsV1,
        kept: Map<String, Value>,
        kept_answers: Map<String, Value>,
    ) -> RevEntry {
        let ids = snapshot
            .versions()
            .map(|(number, _, _)| VersionId {
                rev: rev_of(revs.versions.get(&number.to_string())),
                // Renumbering only ever raises a number.
                claim: revs
                    .claims
                    .get(&number.to_string())
                    .copied()
                    .filter(|c| (1..=number).contains(c))
                    .unwrap_or(number),
            })
            .collect();
        let plan_revs = snapshot
            .plans
            .iter()
            .filter_map(|p| Some((p.id.clone(), revs.plans.get(&p.id)?.rev())))
            .collect();
        RevEntry {
            snapshot,
            life: revs.life,
            rev: rev_of(revs.rev.as_ref()),
            label_rev: rev_of(revs.label.as_ref()),
            ids,
            gone: revs
                .gone
                .iter()
                .filter_map(|(rev, claim, m)| {
                    let id = VersionId {
                        rev: rev.rev(),
                        claim: *claim,
                    };
                    Some((id, u64::from_str_radix(m, 16).ok()?))
                })
                .collect(),
            plan_revs,
            plans_gone: revs
                .plans_gone
                .iter()
                .map(|(id, rev)| (id.clone(), rev.rev()))
                .collect(),
            finished: seen_of(&revs.finished),
            kept,
            kept_answers,
            kept_revs: std::mem::take(&mut revs.extra),
        }
        .settled()
    }

    fn revs_v1(&self) -> EntryRevsV1 {
        let mut revs = EntryRevsV1 {
            rev: RevV1::of(&self.rev),
            life: self.life,
            label: RevV1::of(&self.label_rev),
            finished: seen_v1(&self.finished),
            extra: self.kept_revs.clone(),
            ..EntryRevsV1::default()
        };
        for ((number, _, _), id) in self.snapshot.versions().zip(&self.ids) {
            if let Some(rev) = RevV1::of(&id.rev) {
                revs.versions.insert(number.to_string(), rev);
            }
            if id.claim != number {
                revs.claims.insert(number.to_string(), id.claim);
            }
        }
        revs.gone = self
            .gone
            .iter()
            .map(|(id, m)| (RevV1::always(&id.rev), id.claim, format!("{m:016x}")))
            .collect();
        for (id, rev) in &self.plan_revs {
            if let Some(rev) = RevV1::of(rev) {
                revs.plans.insert(id.clone(), rev);
            }
        }
        for (id, rev) in &self.plans_gone {
            revs.plans_gone.insert(id.clone(), RevV1::always(rev));
        }
        revs
    }
}

/// What a version holds (its answers and the stage chosen), as a number: two versions with the
/// same number and mark are the same change. CRC-64, so two different changes share a mark with
/// a chance of one in 2^64.
fn mark(answers: &Answers) -> u64 {
    const CRC64: crc::Crc<u64> = crc::Crc::<u64>::new(&crc::CRC_64_ECMA_182);
    let bytes: Vec<u8> = answers_key(answers)
        .into_iter()
        .flat_map(u16::to_le_bytes)
        .collect();
    CRC64.checksum(&bytes)
}

/// The order of two claims on one plan id: revision, then a delete over a save, then content.
fn plan_order(register: &(Rev, bool, Option<SavedPlan>)) -> (Rev, bool, Option<PlanKey>) {
    let (rev, deleted, plan) = register;
    (rev.clone(), *deleted, plan.as_ref().map(plan_key))
}

type PlanKey = (String, u64, u32, Vec<(usize, u8)>, Vec<(usize, u16)>);

fn plan_key(p: &SavedPlan) -> PlanKey {
    (
        p.name.clone(),
        p.created.to_bits(),
        p.version,
        p.moves.clone(),
        p.strategy
            .iter()
            .map(|&(q, a)| (q, answer_code(a)))
            .collect(),
    )
}

/// What a delete leaves under the assessment's key.
#[derive(Clone, Debug, PartialEq)]
pub struct Tombstone {
    pub id: String,
    /// The life it ended (and every earlier one).
    pub life: u32,
    pub rev: Rev,
    /// When the assessment was made and when it was deleted (information for people).
    pub created: f64,
    pub deleted: f64,
    /// The drafts' writes the deleted assessment held.
    pub finished: Seen,
}

impl Tombstone {
    /// This tombstone under `id`. A delete follows the assessment, not the key: when a copy of
    /// the deleted life turns up under another id (moved there by a tab that had not seen the
    /// delete, see `relocate`), the state layer writes the tombstone there, through `hear_entry`
    /// with it as the known copy.
    pub fn at(&self, id: &str) -> Slot {
        Slot::Deleted(Tombstone {
            id: id.to_string(),
            ..self.clone()
        })
    }

    /// Whether this tombstone ends `slot`'s assessment in `slot`'s life.
    pub fn ends(&self, slot: &Slot) -> bool {
        match slot {
            Slot::Live(e) => {
                e.snapshot.created.to_bits() == self.created.to_bits() && e.life <= self.life
            }
            Slot::Deleted(_) => false,
        }
    }
}

/// What one assessment's key holds, as this build reads it.
#[derive(Clone, Debug, PartialEq)]
#[allow(
    clippy::large_enum_variant,
    reason = "almost every slot is live: boxing would add an allocation per read and save nothing"
)]
pub enum Slot {
    Live(RevEntry),
    Deleted(Tombstone),
}

impl Slot {
    pub fn id(&self) -> &str {
        match self {
            Slot::Live(e) => e.id(),
            Slot::Deleted(t) => &t.id,
        }
    }

    pub fn life(&self) -> u32 {
        match self {
            Slot::Live(e) => e.life,
            Slot::Deleted(t) => t.life,
        }
    }

    pub fn rev(&self) -> &Rev {
        match self {
            Slot::Live(e) => &e.rev,
            Slot::Deleted(t) => &t.rev,
        }
    }

    /// When the assessment was made: with the id, what tells one assessment from another.
    pub fn created(&self) -> f64 {
        match self {
            Slot::Live(e) => e.snapshot.created,
            Slot::Deleted(t) => t.created,
        }
    }

    /// Whether both are copies of one assessment (made at the same moment). Two tabs can give
    /// one id to two assessments at once (each importing a different file against a copy of
    /// storage that lacks the other's): those are never merged.
    pub fn same_assessment(&self, other: &Slot) -> bool {
        self.created().to_bits() == other.created().to_bits()
    }

    /// The assessment, unless deleted.
    pub fn live(&self) -> Option<&RevEntry> {
        match self {
            Slot::Live(e) => Some(e),
            Slot::Deleted(_) => None,
        }
    }

    /// Whether every write `seen` includes was finished into this assessment.
    pub fn covers(&self, seen: &Seen) -> bool {
        match self {
            Slot::Live(e) => e.finished.covers(seen),
            Slot::Deleted(t) => t.finished.covers(seen),
        }
    }

    /// The merge of two copies of one assessment's key. A later life wins whole; in one life, a
    /// tombstone wins over the assessment, whatever the revisions, and two copies of the
    /// assessment merge (`RevEntry`). Two different assessments under one key are not merged:
    /// the one made first keeps the key, and the tab holding the other moves it
    /// (`Heard::Collided`, `Outcome::Occupied`, `relocate`). Commutative, associative and
    /// idempotent.
    pub fn join(&self, other: &Slot) -> Slot {
        if !self.same_assessment(other) {
            let first = |s: &Slot| (s.created().to_bits(), s.life(), s.rev().clone());
            return (if first(other) < first(self) {
                other
            } else {
                self
            })
            .clone();
        }
        match (self, other) {
            (Slot::Live(a), Slot::Live(b)) if a.life == b.life => Slot::Live(a.join(b)),
            (Slot::Live(a), Slot::Live(b)) => {
                Slot::Live((if a.life > b.life { a } else { b }).clone())
            }
            (Slot::Live(a), Slot::Deleted(t)) | (Slot::Deleted(t), Slot::Live(a)) => {
                if t.life >= a.life {
                    Slot::Deleted(t.clone())
                } else {
                    Slot::Live(a.clone())
                }
            }
            (Slot::Deleted(a), Slot::Deleted(b)) => {
                let key = |t: &Tombstone| {
                    (
                        t.life,
                        t.rev.clone(),
                        t.deleted.to_bits(),
                        t.created.to_bits(),
                    )
                };
                let mut out = (if key(b) > key(a) { b } else { a }).clone();
                if a.life == b.life {
                    out.finished = a.finished.join(&b.finished);
                }
                Slot::Deleted(out)
            }
        }
    }
}

/// Reads what an assessment's key holds: `id` is the key's id (the key names the assessment).
/// A tombstone, or an assessment with its revisions (none: all revision zero); an error for what
/// this build cannot read (a newer format or bank, or damage), as `decode_snapshot`.
pub fn decode_slot(bank: &Bank, id: &str, text: &str) -> Result<(Slot, Dropped), SnapshotError> {
    let value = parse(text)?;
    version_of(&value, SNAPSHOT)?;
    if value.get("deleted").and_then(Value::as_bool) == Some(true) {
        let v1: TombstoneV1 = schema(&value)?;
        let time = |n: &Option<Number>| {
            n.as_ref()
                .and_then(Number::as_f64)
                .filter(|t| whole_millis(*t).is_some())
                .unwrap_or(0.0)
        };
        let tombstone = Tombstone {
            id: id.to_string(),
            life: v1.revs.life,
            rev: rev_of(v1.revs.rev.as_ref()),
            created: time(&v1.created),
            deleted: time(&v1.updated),
            finished: seen_of(&v1.revs.finished),
        };
        return Ok((Slot::Deleted(tombstone), Dropped::default()));
    }
    let mut dropped = Dropped::default();
    let (mut snapshot, mut kept) = from_value(bank, &value, &mut dropped)?;
    snapshot.id = id.to_string();
    let revs: EntryRevsV1 = revs_in(kept.remove("revs").as_ref());
    // Answers to questions or options this build does not have are kept for a build that has
    // them, when they are of this question bank (an older bank's are now written in this one's).
    let same_bank = value.get("bank").and_then(Value::as_u64) == Some(u64::from(bank.version));
    let kept_answers = match value.get("answers") {
        Some(Value::Object(answers)) if same_bank => answers
            .iter()
            .filter(|(id, answer)| place(bank, id, answer).is_none())
            .map(|(id, answer)| (id.clone(), answer.clone()))
            .collect(),
        _ => Map::new(),
    };
    let entry = RevEntry::from_stored(snapshot, revs, kept, kept_answers);
    Ok((Slot::Live(entry), dropped))
}

/// What to store under an assessment's key: the snapshot of format 1 with its `revs`, and what
/// this build cannot read of it written back as it was read.
pub fn encode_slot(bank: &Bank, slot: &Slot) -> String {
    match slot {
        Slot::Live(entry) => {
            // What this build cannot read, in the shape `entry_json` keeps it from.
            let kept = SnapshotV1 {
                format: SNAPSHOT.to_string(),
                version: FORMAT_VERSION.into(),
                bank: bank.version.into(),
                id: entry.id().to_string(),
                label: None,
                created: None,
                updated: None,
                stage: None,
                answers: entry.kept_answers.clone(),
                extra: entry.kept.clone(),
            };
            let mut value = entry_json(bank, &entry.snapshot, Some(kept));
            if let Some(fields) = value.as_object_mut() {
                fields.insert("revs".to_string(), json(&entry.revs_v1()));
            }
            value.to_string()
        }
        Slot::Deleted(t) => {
            let v1 = TombstoneV1 {
                format: SNAPSHOT.to_string(),
                version: FORMAT_VERSION.into(),
                id: t.id.clone(),
                deleted: true,
                created: whole_millis(t.created),
                updated: whole_millis(t.deleted),
                revs: EntryRevsV1 {
                    rev: RevV1::of(&t.rev),
                    life: t.life,
                    finished: seen_v1(&t.finished),
                    ..EntryRevsV1::default()
                },
                extra: Map::new(),
            };
            json(&v1).to_string()
        }
    }
}

/// The stored slot, read for a write: `Err(())` when the key holds what this build cannot read.
fn read_for_write(
    bank: &Bank,
    id: &str,
    stored: Option<&str>,
    writer: &mut Writer,
) -> Result<Option<Slot>, ()> {
    match stored.map(|text| decode_slot(bank, id, text)) {
        None => Ok(None),
        Some(Ok((slot, _))) => {
            writer.saw(slot.rev());
            Ok(Some(slot))
        }
        Some(Err(_)) => Err(()),
    }
}

/// Writes `mine` over what is stored, merged with it.
fn decide(bank: &Bank, stored: Option<&Slot>, mine: Slot) -> Decision<Slot> {
    let Some(stored) = stored else {
        let text = encode_slot(bank, &mine);
        return Decision::Write(Pending::new(text, mine, false));
    };
    if !stored.same_assessment(&mine) {
        return Decision::Done(Outcome::Occupied(mine));
    }
    let joined = stored.join(&mine);
    match (&mine, &joined) {
        // What this tab did applied to a copy deleted elsewhere.
        (Slot::Live(m), Slot::Deleted(_)) if joined.life() >= m.life => {
            return Decision::Done(Outcome::Deleted(joined));
        }
        (_, Slot::Live(j)) if j.life > mine.life() => {
            return Decision::Done(Outcome::Superseded(joined));
        }
        _ => {}
    }
    if joined == *stored {
        return Decision::Done(Outcome::Unchanged(joined));
    }
    // Merged only when another tab's change came in: a time alone (the later of two clocks) is
    // not one.
    let merged = untimed(&joined) != untimed(&mine);
    let text = encode_slot(bank, &joined);
    Decision::Write(Pending::new(text, joined, merged))
}

/// A slot with its times (information for people) set aside, to tell changes from clocks.
fn untimed(slot: &Slot) -> Slot {
    let mut out = slot.clone();
    match &mut out {
        Slot::Live(e) => {
            e.snapshot.created = 0.0;
            e.snapshot.updated = 0.0;
            for v in &mut e.snapshot.earlier {
                v.updated = 0.0;
            }
            for p in &mut e.snapshot.plans {
                p.created = 0.0;
            }
        }
        Slot::Deleted(t) => {
            t.created = 0.0;
            t.deleted = 0.0;
        }
    }
    out
}

/// Saves the person's changes to a saved assessment: `stored` is its key's text as read now,
/// `known` the copy this tab shows, `edited` that copy's snapshot with the changes (`Snapshot`
/// methods). Only what differs from `known` is stamped, so a tab still showing an older name
/// never writes it back over a newer one. An empty key means removed elsewhere (`Removed`):
/// a change to a copy storage never took goes through `create` instead.
pub fn save_entry(
    bank: &Bank,
    stored: Option<&str>,
    known: &Slot,
    edited: &Snapshot,
    writer: &mut Writer,
) -> Decision<Slot> {
    let read = read_for_write(bank, known.id(), stored, writer);
    writer.saw(known.rev());
    let mine = match known {
        Slot::Live(entry) if entry.changed_by(edited) => {
            Slot::Live(entry.with_edit(edited, &writer.stamp()))
        }
        _ => known.clone(),
    };
    match (read, stored) {
        (Err(()), _) => Decision::Done(Outcome::Unreadable(mine)),
        (Ok(Some(slot)), Some(_)) => decide(bank, Some(&slot), mine),
        // Empty: removed elsewhere. Not brought back.
        _ => Decision::Done(match known {
            Slot::Deleted(_) => Outcome::Deleted(mine),
            Slot::Live(_) => Outcome::Removed(mine),
        }),
    }
}

/// Finishes a draft: writes the assessment (a new one, or a new version of the saved one when
/// the answers differ), recording the draft's writes as finished. Only when the outcome is saved
/// may the state layer remove the draft (write before remove). An assessment deleted elsewhere is
/// not brought back: `Deleted`, and the draft stays.
pub fn finish(
    bank: &Bank,
    stored: Option<&str>,
    known: Option<&Slot>,
    draft: &RevDraft,
    writer: &mut Writer,
) -> Decision<Slot> {
    let read = read_for_write(bank, draft.id(), stored, writer);
    writer.saw(&draft.rev);
    if let Some(known) = known {
        writer.saw(known.rev());
    }
    let stored_slot = match read {
        Ok(slot) => slot,
        Err(()) => {
            let mine = RevEntry::from_draft(draft, &writer.stamp());
            return Decision::Done(Outcome::Unreadable(Slot::Live(mine)));
        }
    };
    // The id is another assessment's (made at another moment): the draft's goes elsewhere
    // (`relocate`).
    let made = draft.draft.snapshot.created.to_bits();
    if stored_slot
        .as_ref()
        .or(known)
        .is_some_and(|s| s.created().to_bits() != made)
    {
        let mine = RevEntry::from_draft(draft, &writer.stamp());
        return Decision::Done(Outcome::Occupied(Slot::Live(mine)));
    }
    let base = match (&stored_slot, known) {
        (Some(s), Some(k)) => Some(s.join(k)),
        (Some(s), None) => Some(s.clone()),
        (None, Some(k @ Slot::Deleted(_))) => return Decision::Done(Outcome::Deleted(k.clone())),
        (None, Some(k)) => return Decision::Done(Outcome::Removed(k.clone())),
        (None, None) => None,
    };
    let mine = match base {
        Some(deleted @ Slot::Deleted(_)) => return Decision::Done(Outcome::Deleted(deleted)),
        Some(Slot::Live(entry)) => {
            let d = &draft.draft.snapshot;
            let mut edited = entry.snapshot.clone();
            if d.answers != edited.answers {
                edited = edited.with_version(d.answers.clone(), d.updated);
            }
            if d.label != edited.label && draft.label_rev > entry.label_rev {
                edited.label = d.label.clone();
            }
            if !entry.changed_by(&edited) && entry.finished.covers(&draft.seen) {
                Slot::Live(entry)
            } else {
                let mut next = entry.with_edit(&edited, &writer.stamp());
                next.finished = entry.finished.join(&draft.seen);
                Slot::Live(next)
            }
        }
        None => Slot::Live(RevEntry::from_draft(draft, &writer.stamp())),
    };
    decide(bank, stored_slot.as_ref(), mine)
}

/// Deletes a saved assessment: a tombstone of the life this tab showed, at `now` (information),
/// written even over an empty key, so the delete is recorded for any tab holding a copy.
pub fn delete(
    bank: &Bank,
    stored: Option<&str>,
    known: &Slot,
    now: f64,
    writer: &mut Writer,
) -> Decision<Slot> {
    let read = read_for_write(bank, known.id(), stored, writer);
    writer.saw(known.rev());
    let stored_slot = match read {
        Err(()) => return Decision::Done(Outcome::Unreadable(known.clone())),
        Ok(slot) => slot,
    };
    let mine = match known {
        Slot::Live(entry) => Slot::Deleted(Tombstone {
            id: entry.id().to_string(),
            life: entry.life,
            rev: writer.stamp(),
            created: entry.snapshot.created,
            deleted: now,
            finished: entry.finished.clone(),
        }),
        Slot::Deleted(_) => known.clone(),
    };
    // Over an empty key too: the delete is recorded where other tabs holding a copy (say, one
    // storage never took, or one removed elsewhere) will find it.
    decide(bank, stored_slot.as_ref(), mine)
}

/// Puts a deleted assessment back (Undo, or an import of it): a new life, above the tombstone
/// stored, so the delete no longer applies to it.
pub fn restore(
    bank: &Bank,
    stored: Option<&str>,
    entry: &RevEntry,
    writer: &mut Writer,
) -> Decision<Slot> {
    let read = read_for_write(bank, entry.id(), stored, writer);
    writer.saw(&entry.rev);
    let stored_slot = match read {
        Ok(slot) => slot,
        Err(()) => return Decision::Done(Outcome::Unreadable(Slot::Live(entry.clone()))),
    };
    let mut mine = entry.clone();
    if let Some(Slot::Deleted(t)) = &stored_slot
        && t.life >= mine.life
    {
        mine.life = t.life.saturating_add(1);
    }
    mine.rev = writer.stamp();
    decide(bank, stored_slot.as_ref(), Slot::Live(mine))
}

/// What a tab does on hearing an assessment's key changed: `stored` is its text now, `known`
/// the copy this tab shows. A tab that knows more than what is stored (a tombstone another tab
/// wrote over without seeing it, a change storage refused) writes the merge.
pub fn hear_entry(
    bank: &Bank,
    id: &str,
    known: Option<&Slot>,
    stored: Option<&str>,
    writer: &mut Writer,
) -> Heard<Slot> {
    let Some(text) = stored else {
        return Heard::Forget;
    };
    let Ok((slot, _)) = decode_slot(bank, id, text) else {
        return Heard::Unreadable;
    };
    writer.saw(slot.rev());
    if let Some(known @ Slot::Live(_)) = known
        && !known.same_assessment(&slot)
    {
        return Heard::Collided {
            shown: slot,
            moved: known.clone(),
        };
    }
    let joined = match known.filter(|k| k.same_assessment(&slot)) {
        Some(known) => slot.join(known),
        None => slot.clone(),
    };
    if joined == slot {
        Heard::Show(joined)
    } else {
        Heard::Write(Pending::new(encode_slot(bank, &joined), joined, true))
    }
}

/// Moves an assessment to a fresh id (checked against `taken`, every stored id): what a tab
/// does when its assessment's key was taken by another assessment (`Heard::Collided`,
/// `Outcome::Occupied`). The write's value has the new id. Never for a copy this tab knows was
/// deleted (a tombstone it has seen that `ends` it, under any key): that one is gone.
pub fn relocate(
    bank: &Bank,
    entry: &RevEntry,
    taken: &std::collections::HashSet<String>,
    writer: &mut Writer,
) -> Decision<Slot> {
    writer.saw(&entry.rev);
    let id = super::fresh_id(entry.id(), taken);
    let mut moved = entry.with_life(entry.life, &id);
    moved.rev = writer.stamp();
    let slot = Slot::Live(moved);
    let text = encode_slot(bank, &slot);
    Decision::Write(Pending::new(text, slot, false))
}

/// Writes a new assessment (or a copy this tab holds that storage never took: a finish, a move
/// or an import it refused, and changes made to it since), merged with what is stored under its
/// id if that is the same assessment. Unlike `save_entry`, an empty key is written.
pub fn create(
    bank: &Bank,
    stored: Option<&str>,
    entry: &RevEntry,
    writer: &mut Writer,
) -> Decision<Slot> {
    let mine = Slot::Live(entry.clone());
    match read_for_write(bank, entry.id(), stored, writer) {
        Err(()) => Decision::Done(Outcome::Unreadable(mine)),
        Ok(slot) => decide(bank, slot.as_ref(), mine),
    }
}
