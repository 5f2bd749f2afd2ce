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
//! deleted leaves its identity in `gone`, so a copy that has not heard of the delete cannot bring
//! it back. The current version is the one of the highest identity.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Number, Value};

use super::json::{EntryRevsV1, RevV1, TombstoneV1, rev_of, revs_in, seen_of, seen_v1};
use super::{
    Decision, Heard, Outcome, Pending, Rev, RevDraft, Seen, Writer, answer_code, answers_key,
};
use crate::answers::Answers;
use crate::bank::Bank;
use crate::snapshot::{
    Dropped, FORMAT_VERSION, SNAPSHOT, SavedPlan, Snapshot, SnapshotError, SnapshotV1, Version,
    entry_json, from_value, json, parse, schema, version_of, whole_millis,
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
    gone: BTreeSet<VersionId>,
    plan_revs: BTreeMap<String, Rev>,
    plans_gone: BTreeMap<String, Rev>,
    finished: Seen,
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
            gone: BTreeSet::new(),
            plan_revs: BTreeMap::new(),
            plans_gone: BTreeMap::new(),
            finished: Seen::default(),
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
        for (_, _, id) in &before {
            if !vers.iter().any(|v| &v.id == *id) {
                next.gone.insert((*id).clone());
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
        out.gone = self.gone.union(&other.gone).cloned().collect();
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
        // The same change made at once in two tabs is one version, the lower identity; a delete
        // of either deletes both.
        let mut groups: BTreeMap<(u32, Vec<u16>), Vec<VersionId>> = BTreeMap::new();
        for (id, v) in &by_id {
            groups
                .entry((id.claim, answers_key(&v.answers)))
                .or_default()
                .push(id.clone());
        }
        let mut live = Vec::new();
        for ids in groups.into_values() {
            if ids.iter().any(|id| self.gone.contains(id)) {
                self.gone.extend(ids);
            } else if let Some(first) = ids.into_iter().min() {
                live.push(first);
            }
        }
        live.sort();
        // Every version deleted at once in different tabs: the latest stays, as an assessment
        // always has one.
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

    fn from_stored(snapshot: Snapshot, revs: EntryRevsV1) -> RevEntry {
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
                .map(|(rev, claim)| VersionId {
                    rev: rev.rev(),
                    claim: *claim,
                })
                .collect(),
            plan_revs,
            plans_gone: revs
                .plans_gone
                .iter()
                .map(|(id, rev)| (id.clone(), rev.rev()))
                .collect(),
            finished: seen_of(&revs.finished),
        }
        .settled()
    }

    fn revs_v1(&self, extra: serde_json::Map<String, Value>) -> EntryRevsV1 {
        let mut revs = EntryRevsV1 {
            rev: RevV1::of(&self.rev),
            life: self.life,
            label: RevV1::of(&self.label_rev),
            finished: seen_v1(&self.finished),
            extra,
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
            .map(|id| (RevV1::always(&id.rev), id.claim))
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
    /// assessment merge (`RevEntry`). Commutative, associative and idempotent.
    pub fn join(&self, other: &Slot) -> Slot {
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
    let (mut snapshot, extra) = from_value(bank, &value, &mut dropped)?;
    snapshot.id = id.to_string();
    let revs: EntryRevsV1 = revs_in(extra.get("revs"));
    Ok((Slot::Live(RevEntry::from_stored(snapshot, revs)), dropped))
}

/// What to store under an assessment's key. With `original` (the stored text it was merged
/// with), what this build cannot represent is written back as it was (`encode_entry`), and so
/// are fields of `revs` a newer build added.
pub fn encode_slot(bank: &Bank, slot: &Slot, original: Option<&str>) -> String {
    match slot {
        Slot::Live(entry) => {
            let original = original
                .and_then(|text| parse(text).ok())
                .and_then(|value| schema::<SnapshotV1>(&value).ok());
            let revs_extra = original
                .as_ref()
                .map(|o| revs_in::<EntryRevsV1>(o.extra.get("revs")).extra)
                .unwrap_or_default();
            let mut value = entry_json(bank, &entry.snapshot, original);
            if let Some(fields) = value.as_object_mut() {
                fields.insert("revs".to_string(), json(&entry.revs_v1(revs_extra)));
            }
            value.to_string()
        }
        Slot::Deleted(t) => {
            let millis = |t: f64| whole_millis(t);
            let v1 = TombstoneV1 {
                format: SNAPSHOT.to_string(),
                version: FORMAT_VERSION.into(),
                id: t.id.clone(),
                deleted: true,
                created: millis(t.created),
                updated: millis(t.deleted),
                revs: EntryRevsV1 {
                    rev: RevV1::of(&t.rev),
                    life: t.life,
                    finished: seen_v1(&t.finished),
                    ..EntryRevsV1::default()
                },
                extra: serde_json::Map::new(),
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
fn decide(bank: &Bank, stored: Option<(&Slot, &str)>, mine: Slot) -> Decision<Slot> {
    let Some((stored, text)) = stored else {
        let text = encode_slot(bank, &mine, None);
        return Decision::Write(Pending::new(text, mine, false));
    };
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
    let text = encode_slot(bank, &joined, Some(text));
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
/// never writes it back over a newer one.
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
        (Ok(Some(slot)), Some(text)) => decide(bank, Some((&slot, text)), mine),
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
    decide(bank, stored_slot.as_ref().zip(stored), mine)
}

/// Deletes a saved assessment: a tombstone of the life this tab showed, at `now` (information).
pub fn delete(
    bank: &Bank,
    stored: Option<&str>,
    known: &Slot,
    now: f64,
    writer: &mut Writer,
) -> Decision<Slot> {
    let read = read_for_write(bank, known.id(), stored, writer);
    writer.saw(known.rev());
    let (slot, text) = match (read, stored) {
        (Err(()), _) => return Decision::Done(Outcome::Unreadable(known.clone())),
        (Ok(Some(slot)), Some(text)) => (slot, text),
        _ => return Decision::Done(Outcome::Removed(known.clone())),
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
    decide(bank, Some((&slot, text)), mine)
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
    decide(bank, stored_slot.as_ref().zip(stored), Slot::Live(mine))
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
    let joined = match known {
        Some(known) => slot.join(known),
        None => slot.clone(),
    };
    if joined == slot {
        Heard::Show(joined)
    } else {
        let text = encode_slot(bank, &joined, Some(text));
        Heard::Write(Pending::new(text, joined, true))
    }
}
