//! The assessment in progress with a revision per answer, and how two copies of it merge.
//!
//! Stored as a draft of format 1 with one more field, `revs` (see `json::DraftRevsV1`): an
//! older build reads the answers and ignores it; a draft without it (an older build's) reads as
//! all revision zero.

use std::cmp::Ordering;

use serde_json::{Map, Number, Value};

use super::json::{DraftRevsV1, RevV1, rev_of, revs_in, seen_of, seen_v1};
use super::{Decision, Heard, Outcome, Pending, Rev, Seen, Slot, Writer, answer_code, stage_code};
use crate::bank::Bank;
use crate::snapshot::{
    self, DRAFT, Draft, DraftV1, Dropped, FORMAT_VERSION, SnapshotError, SnapshotV1, entry_json,
    json, parse, schema,
};

/// A draft and the revision of each thing the person set in it. Two copies of one assessment's
/// draft merge with `join`: per answer (and for the stage chosen and the label) the higher
/// revision wins, equal revisions (only in data of builds before revisions) by the greater value;
/// the step and `updated` go with the higher `rev`; `created` is the earlier.
#[derive(Clone, Debug, PartialEq)]
pub struct RevDraft {
    pub draft: Draft,
    /// The draft's last write.
    pub rev: Rev,
    /// One per question of the bank, in its order.
    pub answer_revs: Vec<Rev>,
    pub stage_rev: Rev,
    pub label_rev: Rev,
    /// The writes this copy includes.
    pub seen: Seen,
}

impl RevDraft {
    /// `draft` as written before revisions: everything at revision zero.
    pub fn new(draft: Draft) -> RevDraft {
        let n = draft.snapshot.answers.iter().count();
        RevDraft {
            draft,
            rev: Rev::ZERO,
            answer_revs: vec![Rev::ZERO; n],
            stage_rev: Rev::ZERO,
            label_rev: Rev::ZERO,
            seen: Seen::default(),
        }
    }

    /// The assessment this is the draft of.
    pub fn id(&self) -> &str {
        &self.draft.snapshot.id
    }

    /// Whether `edited` differs from this draft in anything the person sets (answers, stage,
    /// label, step); `updated` alone is not a change.
    pub fn changed_by(&self, edited: &Draft) -> bool {
        let (a, b) = (&self.draft.snapshot, &edited.snapshot);
        a.id != b.id
            || a.answers != b.answers
            || a.label != b.label
            || self.draft.step != edited.step
    }

    /// This draft with the person's changes (`edited`, made from this draft as shown), each
    /// stamped with `rev`. A draft of another assessment starts afresh: what it holds is stamped.
    pub fn with_edit(&self, edited: &Draft, rev: &Rev) -> RevDraft {
        let mut next = if self.id() == edited.snapshot.id {
            self.clone()
        } else {
            blank(edited)
        };
        let before = &next.draft.snapshot;
        let after = &edited.snapshot;
        for (i, answer) in after.answers.iter().enumerate() {
            if answer != before.answers.get(i)
                && let Some(slot) = next.answer_revs.get_mut(i)
            {
                *slot = rev.clone();
            }
        }
        if after.answers.stage_override != before.answers.stage_override {
            next.stage_rev = rev.clone();
        }
        if after.label != before.label {
            next.label_rev = rev.clone();
        }
        next.draft = edited.clone();
        next.rev = rev.clone();
        next.seen = next.seen.with(rev);
        next
    }

    /// The merge of two copies of one assessment's draft (`None` for drafts of two assessments).
    /// Commutative, associative and idempotent, so every tab that has seen the same writes shows
    /// the same draft.
    pub fn join(&self, other: &RevDraft) -> Option<RevDraft> {
        if self.id() != other.id() {
            return None;
        }
        let (a, b) = (&self.draft.snapshot, &other.draft.snapshot);
        // The copy with the later write gives the step and the times people read.
        let later = match self.rev.cmp(&other.rev).then_with(|| {
            (self.draft.step, a.updated.to_bits()).cmp(&(other.draft.step, b.updated.to_bits()))
        }) {
            Ordering::Less => other,
            _ => self,
        };
        let mut out = later.clone();
        let n = self.answer_revs.len().max(other.answer_revs.len());
        out.answer_revs = vec![Rev::ZERO; n];
        let zero = Rev::ZERO;
        for i in 0..n {
            let mine = (self.answer_revs.get(i).unwrap_or(&zero), a.answers.get(i));
            let theirs = (other.answer_revs.get(i).unwrap_or(&zero), b.answers.get(i));
            let (rev, answer) = if (theirs.0, answer_code(theirs.1)) > (mine.0, answer_code(mine.1))
            {
                theirs
            } else {
                mine
            };
            out.answer_revs[i] = rev.clone();
            out.draft.snapshot.answers.set(i, answer);
        }
        let stage = |d: &RevDraft| {
            let chosen = d.draft.snapshot.answers.stage_override;
            (d.stage_rev.clone(), stage_code(chosen))
        };
        let chosen = if stage(other) > stage(self) {
            other
        } else {
            self
        };
        out.stage_rev = chosen.stage_rev.clone();
        out.draft.snapshot.answers.stage_override = chosen.draft.snapshot.answers.stage_override;
        let label = |d: &RevDraft| (d.label_rev.clone(), d.draft.snapshot.label.clone());
        let (label_rev, text) = label(self).max(label(other));
        out.label_rev = label_rev;
        out.draft.snapshot.label = text;
        out.draft.snapshot.created = a.created.min(b.created);
        out.rev = self.rev.clone().max(other.rev.clone());
        out.seen = self.seen.join(&other.seen);
        Some(out)
    }
}

/// When an assessment this tab showed (`known`) is found deleted (`now`) by a tab that had not
/// seen every draft write finished into it, the draft that gives those answers back: they were
/// saved, and the delete was of a copy without them (a finish made in a tab that had not seen the
/// delete). The assessment stays deleted; its current answers and name come back as the draft.
/// Every answer carries the revision of the version it comes from (the version says them all,
/// unanswered ones included), so an answer given since in any draft still wins over it. The
/// state layer joins it with its own draft, saves it with `save_draft` and tells the person.
/// `None` when the delete included everything finished into it.
pub fn unfinished(known: &Slot, now: &Slot, writer: &mut Writer) -> Option<RevDraft> {
    let (Slot::Live(entry), Slot::Deleted(tombstone)) = (known, now) else {
        return None;
    };
    if tombstone.life < entry.life() || tombstone.finished.covers(entry.finished()) {
        return None;
    }
    let s = entry.snapshot();
    let draft = Draft {
        snapshot: crate::snapshot::Snapshot::new(
            s.id.clone(),
            s.label.clone(),
            s.answers.clone(),
            s.created,
            s.updated,
        ),
        step: 0,
    };
    let write = writer.stamp();
    let made = Some(entry.current_rev())
        .filter(|r| *r != Rev::ZERO)
        .unwrap_or_else(|| write.clone());
    let mut out = RevDraft::new(draft);
    out.answer_revs.fill(made.clone());
    out.stage_rev = made;
    out.label_rev = entry.label_rev().clone();
    out.rev = write.clone();
    out.seen = entry.finished().with(&write);
    Some(out)
}

/// `edited`'s assessment with nothing set yet, at revision zero: what a new draft is a change of.
fn blank(edited: &Draft) -> RevDraft {
    let mut empty = edited.clone();
    let n = empty.snapshot.answers.iter().count();
    for i in 0..n {
        empty.snapshot.answers.set(i, crate::Answer::Unanswered);
    }
    empty.snapshot.answers.stage_override = None;
    empty.snapshot.label = String::new();
    RevDraft::new(empty)
}

/// Reads a stored draft with its revisions (none: all revision zero), and what it left out.
pub fn decode_draft(bank: &Bank, text: &str) -> Result<(RevDraft, Dropped), SnapshotError> {
    read(bank, text).map(|(draft, dropped, _)| (draft, dropped))
}

/// `decode_draft`, with the text read as JSON (to keep what this build cannot read of it).
fn read(bank: &Bank, text: &str) -> Result<(RevDraft, Dropped, Value), SnapshotError> {
    let value = parse(text)?;
    let (draft, dropped, v1) = snapshot::draft_of(bank, &value)?;
    let revs: DraftRevsV1 = revs_in(v1.revs.as_ref());
    let mut out = RevDraft::new(draft);
    for (i, q) in bank.questions.iter().enumerate() {
        if let Some(slot) = out.answer_revs.get_mut(i) {
            *slot = rev_of(revs.answers.get(q.id));
        }
    }
    out.rev = rev_of(revs.rev.as_ref());
    out.stage_rev = rev_of(revs.stage.as_ref());
    out.label_rev = rev_of(revs.label.as_ref());
    out.seen = seen_of(&revs.seen);
    Ok((out, dropped, value))
}

/// A draft with its revisions as JSON. With `original` (the stored text it was merged with),
/// what this build could not represent in it is written back as it was: fields it does not know
/// (of the draft, its snapshot and its `revs`) and answers of the same bank to questions it does
/// not have.
pub fn encode_draft(bank: &Bank, draft: &RevDraft, original: Option<&str>) -> String {
    let original = original.and_then(|text| parse(text).ok());
    encode_over(bank, draft, original.as_ref())
}

/// `encode_draft` over an original already read.
fn encode_over(bank: &Bank, draft: &RevDraft, original: Option<&Value>) -> String {
    let original: Option<DraftV1> = original.and_then(|value| schema(value).ok());
    let (snapshot_original, extra, revs_extra) = match original {
        Some(o) => (
            schema::<SnapshotV1>(&o.snapshot).ok(),
            o.extra,
            revs_in::<DraftRevsV1>(o.revs.as_ref()).extra,
        ),
        None => (None, Map::new(), Map::new()),
    };
    let mut revs = DraftRevsV1 {
        rev: RevV1::of(&draft.rev),
        stage: RevV1::of(&draft.stage_rev),
        label: RevV1::of(&draft.label_rev),
        seen: seen_v1(&draft.seen),
        extra: revs_extra,
        ..DraftRevsV1::default()
    };
    for (q, rev) in bank.questions.iter().zip(&draft.answer_revs) {
        if let Some(v1) = RevV1::of(rev) {
            revs.answers.insert(q.id.to_string(), v1);
        }
    }
    let v1 = DraftV1 {
        format: DRAFT.to_string(),
        version: FORMAT_VERSION.into(),
        step: Number::from(draft.draft.step),
        snapshot: entry_json(bank, &draft.draft.snapshot, snapshot_original),
        revs: Some(json(&revs)),
        extra,
    };
    json(&v1).to_string()
}

/// Saves the person's changes to the draft. `stored` is the draft key's text as read now;
/// `known` the draft as this tab shows it (read, written or merged last); `edited` is `known`
/// with the person's changes (or a new draft). Only what differs from `known` is stamped, so a
/// tab that has not yet shown another tab's answer never writes its older one over it.
pub fn save_draft(
    bank: &Bank,
    stored: Option<&str>,
    known: Option<&RevDraft>,
    edited: &Draft,
    writer: &mut Writer,
) -> Decision<RevDraft> {
    let theirs = match stored.map(|text| read(bank, text)) {
        None => None,
        Some(Ok((theirs, _, value))) => Some((theirs, value)),
        Some(Err(_)) => {
            let mine = known.map_or_else(
                || RevDraft::new(edited.clone()),
                |k| k.with_edit(edited, &k.rev),
            );
            return Decision::Done(Outcome::Unreadable(mine));
        }
    };
    if let Some((theirs, _)) = &theirs {
        writer.saw(&theirs.rev);
    }
    let known = known.filter(|k| k.id() == edited.snapshot.id);
    if let Some(known) = known {
        writer.saw(&known.rev);
    }
    let mine = match known {
        Some(known) if !known.changed_by(edited) => known.clone(),
        Some(known) => known.with_edit(edited, &writer.stamp()),
        None => blank(edited).with_edit(edited, &writer.stamp()),
    };
    match theirs {
        None => Decision::Write(Pending::new(encode_draft(bank, &mine, None), mine, false)),
        Some((theirs, value)) => match theirs.join(&mine) {
            None => Decision::Done(Outcome::Occupied(mine)),
            Some(joined) if joined == theirs => Decision::Done(Outcome::Unchanged(joined)),
            Some(joined) => {
                let merged = joined != mine;
                let text = encode_over(bank, &joined, Some(&value));
                Decision::Write(Pending::new(text, joined, merged))
            }
        },
    }
}

/// What a tab does on hearing the draft key changed: `stored` is its text now, `known` the draft
/// this tab shows, `finished` the assessment's key as stored (read now: the finish that removed
/// the draft wrote it first; never a copy storage refused, which finished nothing). A removed draft whose writes the finished assessment all
/// includes is forgotten; one holding answers no finish includes is written back, since they were
/// saved and must not vanish (the state layer forgets instead when the person discarded the
/// draft in another tab). A stored draft that is wholly in the finished assessment is removed.
pub fn hear_draft(
    bank: &Bank,
    known: Option<&RevDraft>,
    stored: Option<&str>,
    finished: Option<&Slot>,
    writer: &mut Writer,
) -> Heard<RevDraft> {
    let covered = |d: &RevDraft| {
        !d.seen.is_empty() && finished.is_some_and(|f| f.id() == d.id() && f.covers(&d.seen))
    };
    let Some(text) = stored else {
        return match known {
            Some(k) if !k.seen.is_empty() && !covered(k) => {
                Heard::Write(Pending::new(encode_draft(bank, k, None), k.clone(), false))
            }
            _ => Heard::Forget,
        };
    };
    let Ok((theirs, _, value)) = read(bank, text) else {
        return Heard::Unreadable;
    };
    writer.saw(&theirs.rev);
    // Another assessment's draft: there is one draft key, so this tab's cannot simply move;
    // the state layer keeps it and asks the person.
    if let Some(k) = known
        && k.id() != theirs.id()
        && !k.seen.is_empty()
        && !covered(k)
    {
        return Heard::Collided {
            shown: theirs,
            moved: k.clone(),
        };
    }
    let joined = match known.and_then(|k| theirs.join(k)) {
        Some(joined) => joined,
        None => theirs.clone(),
    };
    if covered(&joined) {
        Heard::Remove
    } else if joined == theirs {
        Heard::Show(joined)
    } else {
        Heard::Write(Pending::new(
            encode_over(bank, &joined, Some(&value)),
            joined,
            true,
        ))
    }
}
