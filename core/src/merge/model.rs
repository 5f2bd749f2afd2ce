//! A model of two or three tabs sharing one browser storage (issue 30), run over random
//! histories. Each tab answers the one draft, names it and finishes it (the assessment is
//! written first, the draft removed only once it is stored); it renames, revises, undoes and
//! deletes saved assessments, exports them, and imports its backups or two odd files (two
//! entries `imp` made at different moments, one with a field and an answer this build does not
//! know, an entry of a newer question bank, and an unrelated `imp-2`). Storage is a map of key to
//! text that fills up (refusing writes that need room) or refuses the next writes. Each tab reads
//! its own copy of storage, as a browser tab does, so it acts on stale copies; its writes go to
//! storage whatever is there (storage has no compare-and-set); the other tabs hear of them later,
//! in order, as storage events (an event older than the tab's own later write to that key does
//! not replace it, as in a browser), and merge what they hear. Each tab's clock jumps back and
//! forth by hours; times are only stored as information.
//!
//! The model tab does what the state layer must, with the `merge` functions: it makes the writes
//! they ask for and keeps their outcomes; shows the merged value it hears and writes back what it
//! knows that storage lacks (`Heard::Write`); removes a draft whose writes a finish holds;
//! retries what storage refused (as new, through `create`, for a copy storage never took); moves
//! its assessment to a fresh id when another took its key (`relocate`); gives back as the draft
//! answers a delete did not include (`unfinished`); makes a delete follow the assessment, not the
//! key (`Tombstone::at`); and decides an import against what it holds (storage as read, with its
//! own copies storage refused in place).
//!
//! After every history, storage is given room, every tab retries what it could not save, and
//! every event is delivered (with the merges and writes they cause) until nothing moves. Then:
//!
//! 1. **Nothing saved is lost.** Every value a tab was told was saved (written, merged or
//!    unchanged) is held by storage: wherever its assessment is stored (it may have moved to a
//!    fresh id), the stored value is its join with it, so it was replaced only by higher
//!    revisions of the same things (a later answer, name, version or plan, or an undo) or by a
//!    delete, which wins; or the assessment was deleted. A draft's answers are in the stored
//!    draft (at their revision or a higher one) or in a finish that was stored; answers finished
//!    into an assessment whose delete did not include them are back in the draft. An imported
//!    entry of a newer build is stored byte for byte, and an imported entry's fields and answers
//!    this build does not know are still in its text while it is not deleted.
//! 2. **Every tab shows what is stored**: its draft and every assessment it shows (tombstones
//!    included) are exactly what storage holds, nothing more, and its copy of storage is storage.
//! 3. **No resurrection**: once a tombstone of an assessment's life is stored, no key of storage
//!    holds that life (or an earlier one) of it at the end; and no tab ever writes a life it
//!    knows was deleted (checked at every write).
//! 4. **A refused write is always reported**: each write storage refused is exactly one
//!    `Outcome::Refused` given to the tab that tried it.
//!
//! It runs `crate::fuzz_cases(10_000)` histories of up to 24 actions (`STAGEFIT_FUZZ_CASES` for
//! more).

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

use proptest::prelude::*;
use serde_json::Value;

use super::*;
use crate::snapshot::{Draft, Snapshot, history_of_entries};
use crate::{Answer, BANK};

const DRAFT_KEY: &str = "stagefit.draft";
const ENTRY: &str = "stagefit.assessment.";
/// The one assessment every tab answers: it keeps races on one draft and one saved assessment.
const ID: &str = "a";
const HOUR: f64 = 3_600_000.0;
const START: f64 = 1.764e12;
const LABELS: [&str; 4] = ["", "Platform", "Team B", "Q3"];

fn entry_key(id: &str) -> String {
    format!("{ENTRY}{id}")
}

#[derive(Clone, Debug)]
enum Action {
    Answer {
        tab: usize,
        q: usize,
        a: u8,
    },
    Label {
        tab: usize,
        label: usize,
    },
    Finish {
        tab: usize,
    },
    Rename {
        tab: usize,
        pick: usize,
        label: usize,
    },
    Revise {
        tab: usize,
        pick: usize,
        q: usize,
        a: u8,
    },
    Undo {
        tab: usize,
        pick: usize,
    },
    Delete {
        tab: usize,
        pick: usize,
    },
    Export {
        tab: usize,
    },
    /// `file`: 0 a backup exported earlier, 1 and 2 the odd files.
    Import {
        tab: usize,
        file: usize,
        backup: usize,
    },
    Deliver {
        tab: usize,
        n: usize,
    },
    Clock {
        tab: usize,
        hours: i8,
    },
    /// Storage is full: a write that adds a key or makes a value longer is refused.
    Fill,
    Room,
    /// The next `n` writes are refused (storage failing).
    Fail {
        n: u8,
    },
}

fn answer(a: u8) -> Answer {
    match a {
        0 => Answer::Unanswered,
        1 => Answer::Unknown,
        c => Answer::Chosen(c - 2),
    }
}

/// One action from a few numbers: `kind` picks it, with these weights (out of 25), and the
/// others fill it in. (Built from one tuple rather than `prop_oneof!`, whose alternatives each
/// fork the random generator: most of the time of a debug run.)
fn action() -> impl Strategy<Value = Action> {
    const KINDS: [(u8, u8); 14] = [
        (0, 4),  // Answer
        (1, 1),  // Label
        (2, 2),  // Finish
        (3, 2),  // Rename
        (4, 1),  // Revise
        (5, 1),  // Undo
        (6, 2),  // Delete
        (7, 1),  // Export
        (8, 1),  // Import
        (9, 5),  // Deliver
        (10, 1), // Clock
        (11, 1), // Fill
        (12, 1), // Room
        (13, 2), // Fail
    ];
    (0_u8..25, 0_usize..3, 0_usize..4, 0_usize..4, 0_u8..4).prop_map(|(roll, tab, x, y, a)| {
        let mut left = roll;
        let kind = KINDS
            .iter()
            .find(|(_, weight)| {
                let here = left < *weight;
                left = left.saturating_sub(*weight);
                here
            })
            .map_or(9, |(kind, _)| *kind);
        match kind {
            0 => Action::Answer { tab, q: x, a },
            1 => Action::Label { tab, label: x },
            2 => Action::Finish { tab },
            3 => Action::Rename {
                tab,
                pick: x,
                label: y,
            },
            4 => Action::Revise {
                tab,
                pick: x,
                q: y,
                a,
            },
            5 => Action::Undo { tab, pick: x },
            6 => Action::Delete { tab, pick: x },
            7 => Action::Export { tab },
            8 => Action::Import {
                tab,
                file: x % 3,
                backup: y,
            },
            10 => Action::Clock {
                tab,
                hours: a as i8 * 2 - 3,
            },
            11 => Action::Fill,
            12 => Action::Room,
            13 => Action::Fail { n: a % 2 + 1 },
            _ => Action::Deliver { tab, n: x + 1 },
        }
    })
}

/// What a tab was told was saved.
#[derive(Clone, Debug)]
#[allow(
    clippy::large_enum_variant,
    reason = "a test's record, matched through: boxing would only add noise"
)]
enum Claim {
    Draft(RevDraft),
    Entry(Slot),
    /// An entry this build cannot read, written by an import: its key and text.
    Newer(String, String),
    /// Fields and answers this build does not know, in the text of the imported assessment made
    /// at this moment (wherever it is stored).
    Kept(u64, Vec<&'static str>),
}

struct Event {
    seq: u64,
    key: String,
    value: Option<String>,
}

struct Tab {
    writer: Writer,
    clock: f64,
    /// Storage as this tab reads it.
    cache: BTreeMap<String, String>,
    /// The order number of this tab's last write to each key: an older event does not replace
    /// what it wrote (as a browser keeps a tab's own later write).
    own: HashMap<String, u64>,
    events: VecDeque<Event>,
    draft: Option<RevDraft>,
    /// What the draft shown holds that storage refused.
    draft_unsaved: bool,
    entries: BTreeMap<String, Slot>,
    unsaved: BTreeSet<String>,
    /// Assessments this tab holds that storage never took (a move it refused).
    unsaved_new: BTreeSet<String>,
    /// The latest tombstone this tab has seen of each assessment (by its moment): a delete
    /// follows the assessment, whatever key it was written under.
    dead: BTreeMap<u64, Tombstone>,
    newer: BTreeMap<String, String>,
    claims: Vec<Claim>,
    refused: u32,
}

struct World {
    storage: BTreeMap<String, String>,
    full: bool,
    fail_next: u8,
    seq: u64,
    tabs: Vec<Tab>,
    /// Writes storage refused, by the tab that tried them.
    failures: Vec<u32>,
    /// Every (assessment's moment, life) a stored tombstone ended.
    deleted: BTreeSet<(u64, u32)>,
    backups: Vec<String>,
    /// The drafts' writes some stored finish included: from then on they are the saved
    /// assessment's, whose own claims are checked.
    finished: Seen,
    errors: Vec<String>,
}

/// Two entries `imp` made at different moments, the second with fields and an answer this
/// build does not know, and an entry of a newer question bank.
fn odd_file_one() -> String {
    let entry = |created: f64, label: &str| -> Value {
        let s = Snapshot::new(
            "imp".to_string(),
            label.to_string(),
            crate::Answers::new(&BANK),
            created,
            created,
        );
        serde_json::from_str(&crate::snapshot::encode_entry(&BANK, &s, None)).expect("JSON")
    };
    let first = entry(START - 10.0 * HOUR, "First");
    let mut second = entry(START - 9.0 * HOUR, "Second");
    second["notes"] = Value::from("kept as written");
    second["answers"]["company.not_yet_asked"] = Value::from(3);
    let mut newer = entry(START - 8.0 * HOUR, "Newer");
    newer["id"] = Value::from("nb");
    newer["bank"] = Value::from(99);
    let texts = [first, second, newer].map(|v| v.to_string());
    history_of_entries(texts.iter().map(String::as_str))
}

/// An unrelated entry `imp-2`.
fn odd_file_two() -> String {
    let s = Snapshot::new(
        "imp-2".to_string(),
        "Unrelated".to_string(),
        crate::Answers::new(&BANK),
        START - 7.0 * HOUR,
        START - 7.0 * HOUR,
    );
    history_of_entries([crate::snapshot::encode_entry(&BANK, &s, None).as_str()])
}

impl World {
    fn new(tabs: usize) -> World {
        World {
            storage: BTreeMap::new(),
            full: false,
            fail_next: 0,
            seq: 0,
            tabs: (0..tabs)
                .map(|t| Tab {
                    writer: Writer::new(&format!("t{t}")),
                    clock: START + t as f64 * 1000.0,
                    cache: BTreeMap::new(),
                    own: HashMap::new(),
                    events: VecDeque::new(),
                    draft: None,
                    draft_unsaved: false,
                    entries: BTreeMap::new(),
                    unsaved: BTreeSet::new(),
                    unsaved_new: BTreeSet::new(),
                    dead: BTreeMap::new(),
                    newer: BTreeMap::new(),
                    claims: Vec::new(),
                    refused: 0,
                })
                .collect(),
            failures: vec![0; tabs],
            deleted: BTreeSet::new(),
            backups: Vec::new(),
            finished: Seen::default(),
            errors: Vec::new(),
        }
    }

    /// Storage's `setItem`, by tab `t`: refused when failing, or when full and it needs room.
    fn write(&mut self, t: usize, key: &str, text: &str) -> bool {
        let grows = self
            .storage
            .get(key)
            .is_none_or(|old| text.len() > old.len());
        if self.fail_next > 0 || (self.full && grows) {
            self.fail_next = self.fail_next.saturating_sub(1);
            self.failures[t] += 1;
            return false;
        }
        if let Some(id) = key.strip_prefix(ENTRY)
            && let Ok((slot, _)) = decode_slot(&BANK, id, text)
        {
            match &slot {
                Slot::Live(e) => {
                    if let Some(Slot::Deleted(t_known)) = self.tabs[t].entries.get(id)
                        && t_known.life >= e.life()
                    {
                        self.errors.push(format!(
                            "tab {t} wrote life {} of {id}, which it knew deleted",
                            e.life()
                        ));
                    }
                }
                Slot::Deleted(tomb) => {
                    self.deleted.insert((tomb.created.to_bits(), tomb.life));
                }
            }
        }
        self.publish(t, key, Some(text.to_string()));
        true
    }

    /// Storage's `removeItem`, which never fails.
    fn remove(&mut self, t: usize, key: &str) {
        self.publish(t, key, None);
    }

    fn publish(&mut self, t: usize, key: &str, value: Option<String>) {
        self.seq += 1;
        match &value {
            Some(text) => {
                self.storage.insert(key.to_string(), text.clone());
                self.tabs[t].cache.insert(key.to_string(), text.clone());
            }
            None => {
                self.storage.remove(key);
                self.tabs[t].cache.remove(key);
            }
        }
        self.tabs[t].own.insert(key.to_string(), self.seq);
        for (other, tab) in self.tabs.iter_mut().enumerate() {
            if other != t {
                tab.events.push_back(Event {
                    seq: self.seq,
                    key: key.to_string(),
                    value: value.clone(),
                });
            }
        }
    }

    fn run<T>(&mut self, t: usize, key: &str, decision: Decision<T>) -> Outcome<T> {
        decision.run(|text| self.write(t, key, text))
    }

    fn took_draft(&mut self, t: usize, outcome: Outcome<RevDraft>) {
        let tab = &mut self.tabs[t];
        let saved = outcome.saved();
        if matches!(outcome, Outcome::Refused(_)) {
            tab.refused += 1;
        }
        let draft = outcome.into_value();
        if saved {
            tab.claims.push(Claim::Draft(draft.clone()));
        }
        tab.draft_unsaved = !saved;
        tab.draft = Some(draft);
    }

    fn took_entry(&mut self, t: usize, id: &str, outcome: Outcome<Slot>) {
        if let Outcome::Deleted(now) = &outcome {
            self.deleted_here(t, id, now);
        }
        let tab = &mut self.tabs[t];
        match outcome {
            Outcome::Written(slot) | Outcome::Merged(slot) | Outcome::Unchanged(slot) => {
                tab.claims.push(Claim::Entry(slot.clone()));
                tab.entries.insert(id.to_string(), slot);
                tab.unsaved.remove(id);
                tab.unsaved_new.remove(id);
            }
            Outcome::Refused(slot) => {
                tab.refused += 1;
                tab.entries.insert(id.to_string(), slot);
                tab.unsaved.insert(id.to_string());
            }
            // Shown, and storage heard again: what this tab knew that storage lacks is written.
            Outcome::Deleted(slot) | Outcome::Superseded(slot) => {
                tab.entries.insert(id.to_string(), slot);
                tab.unsaved.insert(id.to_string());
            }
            Outcome::Removed(_) => {
                tab.entries.remove(id);
                tab.unsaved.remove(id);
            }
            Outcome::Occupied(Slot::Live(mine)) => self.relocate(t, &mine),
            Outcome::Unreadable(_) | Outcome::Occupied(_) => {
                self.errors
                    .push(format!("tab {t}: {id} unexpectedly blocked"));
            }
        }
    }

    /// Tab `t` moves its assessment, whose key `id` holds another, to a fresh id.
    fn relocate(&mut self, t: usize, mine: &RevEntry) {
        if self.tabs[t]
            .dead
            .values()
            .any(|tomb| tomb.ends(&Slot::Live(mine.clone())))
        {
            return;
        }
        let taken = self.tabs[t]
            .cache
            .keys()
            .filter_map(|key| key.strip_prefix(ENTRY).map(str::to_string))
            .chain(self.tabs[t].entries.keys().cloned())
            .collect();
        let decision = relocate(&BANK, mine, &taken, &mut self.tabs[t].writer);
        let Decision::Write(pending) = decision else {
            return;
        };
        let to = pending.value().id().to_string();
        self.write_new(t, &to, Decision::Write(pending));
    }

    /// A new assessment's write: one storage refused is kept, to be written again as new.
    fn write_new(&mut self, t: usize, id: &str, decision: Decision<Slot>) {
        match self.run(t, &entry_key(id), decision) {
            Outcome::Refused(slot) => {
                let tab = &mut self.tabs[t];
                tab.refused += 1;
                tab.entries.insert(id.to_string(), slot);
                tab.unsaved_new.insert(id.to_string());
            }
            outcome => {
                self.tabs[t].unsaved_new.remove(id);
                self.took_entry(t, id, outcome);
            }
        }
    }

    /// Tab `t` finds `id` deleted (`now`): the answers finished into the copy it showed that the
    /// delete did not include come back as its draft (`unfinished`).
    fn deleted_here(&mut self, t: usize, id: &str, now: &Slot) {
        let Some(known) = self.tabs[t].entries.get(id).cloned() else {
            return;
        };
        let Some(back) = unfinished(&known, now, &mut self.tabs[t].writer) else {
            return;
        };
        let mine = match &self.tabs[t].draft {
            Some(d) => d.join(&back).unwrap_or(back),
            None => back,
        };
        let stored = self.tabs[t].cache.get(DRAFT_KEY).cloned();
        let decision = save_draft(
            &BANK,
            stored.as_deref(),
            Some(&mine),
            &mine.draft,
            &mut self.tabs[t].writer,
        );
        let outcome = self.run(t, DRAFT_KEY, decision);
        self.took_draft(t, outcome);
    }

    /// The draft's edit by tab `t`: `change` applied to what it shows (a new draft if none).
    fn edit_draft(&mut self, t: usize, change: impl FnOnce(&mut Draft)) {
        let tab = &self.tabs[t];
        let mut edited = tab.draft.as_ref().map_or_else(
            || Draft {
                // One assessment is made once: every tab's copy of it has the same moment.
                snapshot: Snapshot::new(
                    ID.to_string(),
                    String::new(),
                    crate::Answers::new(&BANK),
                    START,
                    tab.clock,
                ),
                step: 0,
            },
            |d| d.draft.clone(),
        );
        change(&mut edited);
        edited.snapshot.updated = tab.clock;
        let stored = tab.cache.get(DRAFT_KEY).cloned();
        let known = tab.draft.clone();
        let decision = save_draft(
            &BANK,
            stored.as_deref(),
            known.as_ref(),
            &edited,
            &mut self.tabs[t].writer,
        );
        let outcome = self.run(t, DRAFT_KEY, decision);
        self.took_draft(t, outcome);
    }

    /// The assessment tab `t` shows at `pick` (among those not deleted), and its stored text.
    fn pick(&self, t: usize, pick: usize) -> Option<(String, Slot)> {
        let live: Vec<(&String, &Slot)> = self.tabs[t]
            .entries
            .iter()
            .filter(|(_, s)| s.live().is_some())
            .collect();
        let (id, slot) = live.get(pick % live.len().max(1))?;
        Some(((*id).clone(), (*slot).clone()))
    }

    fn edit_entry(
        &mut self,
        t: usize,
        pick: usize,
        change: impl FnOnce(&Snapshot) -> Option<Snapshot>,
    ) {
        let Some((id, known)) = self.pick(t, pick) else {
            return;
        };
        let Some(edited) = known.live().and_then(|e| change(e.snapshot())) else {
            return;
        };
        let stored = self.tabs[t].cache.get(&entry_key(&id)).cloned();
        // A copy storage never took is still new: its change is written as new.
        if self.tabs[t].unsaved_new.contains(&id)
            && let Slot::Live(entry) = &known
        {
            let writer = &mut self.tabs[t].writer;
            let changed = entry.with_edit(&edited, &writer.stamp());
            let decision = create(&BANK, stored.as_deref(), &changed, writer);
            self.write_new(t, &id, decision);
            return;
        }
        let decision = save_entry(
            &BANK,
            stored.as_deref(),
            &known,
            &edited,
            &mut self.tabs[t].writer,
        );
        let outcome = self.run(t, &entry_key(&id), decision);
        self.took_entry(t, &id, outcome);
    }

    fn act(&mut self, action: &Action) {
        self.act_only(action);
        for t in 0..self.tabs.len() {
            self.follow_deletes(t);
        }
    }

    fn act_only(&mut self, action: &Action) {
        let tabs = self.tabs.len();
        match *action {
            Action::Answer { tab, q, a } => {
                let t = tab % tabs;
                self.tick(t);
                self.edit_draft(t, |d| {
                    d.snapshot.answers.set(q, answer(a));
                    d.step = q;
                });
            }
            Action::Label { tab, label } => {
                let t = tab % tabs;
                self.tick(t);
                self.edit_draft(t, |d| d.snapshot.label = LABELS[label].to_string());
            }
            Action::Finish { tab } => {
                let t = tab % tabs;
                self.tick(t);
                let Some(draft) = self.tabs[t].draft.clone() else {
                    return;
                };
                let key = entry_key(ID);
                let stored = self.tabs[t].cache.get(&key).cloned();
                let known = self.tabs[t].entries.get(ID).cloned();
                let decision = finish(
                    &BANK,
                    stored.as_deref(),
                    known.as_ref(),
                    &draft,
                    &mut self.tabs[t].writer,
                );
                let outcome = self.run(t, &key, decision);
                // Write before remove: the draft goes only once the assessment is stored. A
                // refused finish is reported; the draft stays, to finish again.
                let saved = outcome.saved();
                if matches!(outcome, Outcome::Refused(_)) {
                    self.tabs[t].refused += 1;
                } else {
                    self.took_entry(t, ID, outcome);
                }
                if saved {
                    self.finished = self.finished.join(&draft.seen);
                    self.remove(t, DRAFT_KEY);
                    self.tabs[t].draft = None;
                    self.tabs[t].draft_unsaved = false;
                }
            }
            Action::Rename { tab, pick, label } => {
                let t = tab % tabs;
                self.tick(t);
                self.edit_entry(t, pick, |s| {
                    let mut s = s.clone();
                    s.label = LABELS[label].to_string();
                    Some(s)
                });
            }
            Action::Revise { tab, pick, q, a } => {
                let t = tab % tabs;
                self.tick(t);
                let now = self.tabs[t].clock;
                self.edit_entry(t, pick, |s| {
                    let mut answers = s.answers.clone();
                    answers.set(q, answer(a));
                    Some(s.with_version(answers, now))
                });
            }
            Action::Undo { tab, pick } => {
                let t = tab % tabs;
                self.tick(t);
                self.edit_entry(t, pick, Snapshot::undo);
            }
            Action::Delete { tab, pick } => {
                let t = tab % tabs;
                self.tick(t);
                let Some((id, known)) = self.pick(t, pick) else {
                    return;
                };
                let key = entry_key(&id);
                let stored = self.tabs[t].cache.get(&key).cloned();
                let now = self.tabs[t].clock;
                let decision = delete(
                    &BANK,
                    stored.as_deref(),
                    &known,
                    now,
                    &mut self.tabs[t].writer,
                );
                let outcome = self.run(t, &key, decision);
                // A delete storage refused is not shown as done: the assessment stays, and the
                // person is told it could not be deleted.
                if matches!(outcome, Outcome::Refused(_)) {
                    self.tabs[t].refused += 1;
                    return;
                }
                self.took_entry(t, &id, outcome);
            }
            Action::Export { tab } => {
                let t = tab % tabs;
                let texts: Vec<&String> = self.tabs[t]
                    .cache
                    .iter()
                    .filter_map(|(key, text)| {
                        let id = key.strip_prefix(ENTRY)?;
                        let deleted =
                            matches!(decode_slot(&BANK, id, text), Ok((Slot::Deleted(_), _)));
                        (!deleted).then_some(text)
                    })
                    .collect();
                let backup = history_of_entries(texts.iter().map(|t| t.as_str()));
                self.backups.push(backup);
            }
            Action::Import { tab, file, backup } => {
                let t = tab % tabs;
                self.tick(t);
                let file = match file {
                    0 if self.backups.is_empty() => return,
                    0 => self.backups[backup % self.backups.len()].clone(),
                    1 => odd_file_one(),
                    _ => odd_file_two(),
                };
                self.import(t, &file);
            }
            Action::Deliver { tab, n } => {
                let t = tab % tabs;
                for _ in 0..n {
                    self.deliver(t);
                }
            }
            Action::Clock { tab, hours } => {
                let t = tab % tabs;
                self.tabs[t].clock += f64::from(hours) * HOUR;
            }
            Action::Fill => self.full = true,
            Action::Room => self.full = false,
            Action::Fail { n } => self.fail_next = n,
        }
    }

    /// Time passes in tab `t` (its clock may also have jumped).
    fn tick(&mut self, t: usize) {
        self.tabs[t].clock += 1000.0;
    }

    fn import(&mut self, t: usize, file: &str) {
        // What this tab holds: storage as read, with its own copies storage refused in place.
        let tab = &self.tabs[t];
        let mut stored: HashMap<String, String> = tab
            .cache
            .iter()
            .filter_map(|(key, text)| Some((key.strip_prefix(ENTRY)?.to_string(), text.clone())))
            .collect();
        for id in tab.unsaved.iter().chain(&tab.unsaved_new) {
            if let Some(slot) = tab.entries.get(id) {
                stored.insert(id.clone(), encode_slot(&BANK, slot));
            }
        }
        let Ok(plan) = import(&BANK, &stored, file, &mut self.tabs[t].writer) else {
            self.errors
                .push(format!("tab {t}: a file it made did not read"));
            return;
        };
        for step in plan.steps {
            let Some(pending) = step.write else { continue };
            let key = entry_key(&step.id);
            let text = pending.text().to_string();
            let outcome = self.run(t, &key, Decision::Write(pending));
            let tab = &mut self.tabs[t];
            match outcome {
                Outcome::Refused(_) => tab.refused += 1,
                outcome if outcome.saved() => match outcome.into_value() {
                    Some(slot) => {
                        if text.contains("\"notes\"") {
                            tab.claims.push(Claim::Kept(
                                slot.created().to_bits(),
                                vec!["\"notes\"", "\"company.not_yet_asked\""],
                            ));
                        }
                        tab.claims.push(Claim::Entry(slot.clone()));
                        tab.entries.insert(step.id.clone(), slot);
                    }
                    None => {
                        tab.claims.push(Claim::Newer(key, text.clone()));
                        tab.newer.insert(step.id.clone(), text);
                    }
                },
                _ => {}
            }
        }
    }

    /// Tab `t` takes note of every tombstone it shows, and writes each over any copy of the
    /// life it ended that it shows under another id.
    fn follow_deletes(&mut self, t: usize) {
        let tab = &mut self.tabs[t];
        for slot in tab.entries.values() {
            if let Slot::Deleted(tomb) = slot {
                let known = tab
                    .dead
                    .entry(tomb.created.to_bits())
                    .or_insert_with(|| tomb.clone());
                if (tomb.life, &tomb.rev) > (known.life, &known.rev) {
                    *known = tomb.clone();
                }
            }
        }
        let ended: Vec<(String, Slot)> = self.tabs[t]
            .entries
            .iter()
            .filter_map(|(id, slot)| {
                let created = slot.created().to_bits();
                let tomb = self.tabs[t].dead.get(&created)?;
                tomb.ends(slot).then(|| (id.clone(), tomb.at(id)))
            })
            .collect();
        for (id, tomb) in ended {
            let stored = self.tabs[t].cache.get(&entry_key(&id)).cloned();
            let tab = &mut self.tabs[t];
            match hear_entry(&BANK, &id, Some(&tomb), stored.as_deref(), &mut tab.writer) {
                Heard::Write(pending) => {
                    let outcome = self.run(t, &entry_key(&id), Decision::Write(pending));
                    self.took_entry(t, &id, outcome);
                }
                Heard::Show(slot) => {
                    tab.entries.insert(id, slot);
                }
                _ => {}
            }
        }
    }

    /// Delivers tab `t`'s next storage event and lets it react, as the state layer does.
    fn deliver(&mut self, t: usize) {
        let Some(event) = self.tabs[t].events.pop_front() else {
            return;
        };
        let tab = &mut self.tabs[t];
        if tab.own.get(&event.key).is_none_or(|own| *own < event.seq) {
            match event.value {
                Some(text) => tab.cache.insert(event.key.clone(), text),
                None => tab.cache.remove(&event.key),
            };
        }
        self.react(t, &event.key);
    }

    fn react(&mut self, t: usize, key: &str) {
        self.hear(t, key);
        self.follow_deletes(t);
    }

    fn hear(&mut self, t: usize, key: &str) {
        let stored = self.tabs[t].cache.get(key).cloned();
        if key == DRAFT_KEY {
            let tab = &mut self.tabs[t];
            // The finished assessment as stored (not a copy storage refused).
            let finished = tab
                .cache
                .get(&entry_key(ID))
                .and_then(|text| decode_slot(&BANK, ID, text).ok())
                .map(|r| r.0);
            let heard = hear_draft(
                &BANK,
                tab.draft.as_ref(),
                stored.as_deref(),
                finished.as_ref(),
                &mut tab.writer,
            );
            match heard {
                Heard::Show(d) => {
                    tab.draft = Some(d);
                    tab.draft_unsaved = false;
                }
                Heard::Write(pending) => {
                    let outcome = self.run(t, DRAFT_KEY, Decision::Write(pending));
                    self.took_draft(t, outcome);
                }
                Heard::Forget => {
                    tab.draft = None;
                    tab.draft_unsaved = false;
                }
                Heard::Remove => {
                    self.remove(t, DRAFT_KEY);
                    self.tabs[t].draft = None;
                    self.tabs[t].draft_unsaved = false;
                }
                Heard::Unreadable | Heard::Collided { .. } => self
                    .errors
                    .push(format!("tab {t}: draft unreadable or another's")),
            }
        } else if let Some(id) = key.strip_prefix(ENTRY) {
            let tab = &mut self.tabs[t];
            let heard = hear_entry(
                &BANK,
                id,
                tab.entries.get(id),
                stored.as_deref(),
                &mut tab.writer,
            );
            match heard {
                Heard::Show(slot) => {
                    if matches!(slot, Slot::Deleted(_)) {
                        self.deleted_here(t, id, &slot);
                    }
                    let tab = &mut self.tabs[t];
                    tab.entries.insert(id.to_string(), slot);
                    tab.unsaved.remove(id);
                }
                Heard::Write(pending) => {
                    if let now @ Slot::Deleted(_) = pending.value() {
                        let now = now.clone();
                        self.deleted_here(t, id, &now);
                    }
                    let outcome = self.run(t, key, Decision::Write(pending));
                    self.took_entry(t, id, outcome);
                }
                Heard::Forget | Heard::Remove => {
                    tab.entries.remove(id);
                    tab.unsaved.remove(id);
                }
                Heard::Unreadable => {
                    tab.entries.remove(id);
                    if let Some(text) = stored {
                        tab.newer.insert(id.to_string(), text);
                    }
                }
                Heard::Collided { shown, moved } => {
                    if let Slot::Live(mine) = &moved {
                        self.relocate(t, mine);
                    }
                    let tab = &mut self.tabs[t];
                    tab.entries.insert(id.to_string(), shown);
                    tab.unsaved.remove(id);
                }
            }
        }
    }

    /// Storage has room; every tab saves what it could not, and hears everything, until
    /// nothing moves.
    fn settle(&mut self) -> Result<(), String> {
        self.full = false;
        self.fail_next = 0;
        for _ in 0..100 {
            let mut moved = false;
            for t in 0..self.tabs.len() {
                if self.tabs[t].draft_unsaved
                    && let Some(draft) = self.tabs[t].draft.clone()
                {
                    moved = true;
                    let stored = self.tabs[t].cache.get(DRAFT_KEY).cloned();
                    let decision = save_draft(
                        &BANK,
                        stored.as_deref(),
                        Some(&draft),
                        &draft.draft,
                        &mut self.tabs[t].writer,
                    );
                    let outcome = self.run(t, DRAFT_KEY, decision);
                    self.took_draft(t, outcome);
                }
                // What storage refused is written again: hearing storage, a tab writes back
                // what it knows that storage lacks.
                for id in self.tabs[t].unsaved.clone() {
                    moved = true;
                    self.tabs[t].unsaved.remove(&id);
                    self.react(t, &entry_key(&id));
                }
                for id in self.tabs[t].unsaved_new.clone() {
                    moved = true;
                    let Some(Slot::Live(entry)) = self.tabs[t].entries.get(&id).cloned() else {
                        self.tabs[t].unsaved_new.remove(&id);
                        continue;
                    };
                    let stored = self.tabs[t].cache.get(&entry_key(&id)).cloned();
                    let decision =
                        create(&BANK, stored.as_deref(), &entry, &mut self.tabs[t].writer);
                    self.write_new(t, &id, decision);
                }
                while !self.tabs[t].events.is_empty() {
                    moved = true;
                    self.deliver(t);
                }
            }
            if !moved {
                return Ok(());
            }
        }
        Err("the tabs never settled".to_string())
    }

    /// The four rules of the module's doc comment, once settled.
    fn check(&self) -> Result<(), String> {
        if let Some(error) = self.errors.first() {
            return Err(error.clone());
        }
        let stored_draft = self
            .storage
            .get(DRAFT_KEY)
            .map(|text| {
                decode_draft(&BANK, text)
                    .map(|r| r.0)
                    .map_err(|e| format!("{e:?}"))
            })
            .transpose()?;
        let slots: Vec<(&String, Slot)> = self.slots().collect();
        let stored_slot = |id: &str| -> Option<Slot> {
            slots
                .iter()
                .find(|(_, s)| s.id() == id)
                .map(|(_, s)| s.clone())
        };
        for (t, tab) in self.tabs.iter().enumerate() {
            // 1. Nothing saved is lost.
            for claim in &tab.claims {
                let held = match claim {
                    Claim::Draft(d) => {
                        let in_draft = stored_draft
                            .as_ref()
                            .and_then(|s| s.join(d).map(|j| j == *s))
                            .unwrap_or(false);
                        in_draft || self.finished.covers(&d.seen)
                    }
                    // Wherever the assessment is stored (it may have moved off a taken id).
                    // Wherever the assessment is stored (it may have moved off a taken id),
                    // unless it was deleted (its tombstone may since have given way to another
                    // assessment given the same id).
                    Claim::Entry(slot) => {
                        let created = slot.created().to_bits();
                        slots.iter().any(|(_, stored)| {
                            stored.same_assessment(slot)
                                && stored.join(&moved(slot, stored.id())) == *stored
                        }) || self
                            .deleted
                            .iter()
                            .any(|(c, life)| *c == created && *life >= slot.life())
                    }
                    Claim::Newer(key, text) => self.storage.get(key) == Some(text),
                    Claim::Kept(created, fields) => {
                        self.deleted.iter().any(|(c, _)| c == created)
                            || slots.iter().any(|(text, stored)| {
                                stored.created().to_bits() == *created
                                    && fields.iter().all(|f| text.contains(f))
                            })
                    }
                };
                if !held {
                    return Err(format!(
                        "tab {t} was told {claim:?} was saved; storage: {:#?}",
                        self.storage
                    ));
                }
            }
            // 1. Answers finished into an assessment whose delete did not include them (made
            // in a tab that had not seen the delete) come back as the draft.
            if let Some(Slot::Deleted(tomb)) = stored_slot(ID) {
                for claim in &tab.claims {
                    if let Claim::Entry(Slot::Live(e)) = claim
                        && e.id() == ID
                        && e.life() == tomb.life
                        && !tomb.finished.covers(e.finished())
                        && !stored_draft
                            .as_ref()
                            .is_some_and(|d| d.seen.covers(e.finished()))
                    {
                        return Err(format!(
                            "tab {t}: answers finished into {e:?} were lost with its delete"
                        ));
                    }
                }
            }
            // 2. Every tab shows what is stored.
            if tab.cache != self.storage {
                return Err(format!("tab {t} reads a different storage"));
            }
            if tab.draft != stored_draft {
                return Err(format!(
                    "tab {t} shows draft {:?}, stored {stored_draft:?}",
                    tab.draft
                ));
            }
            for (key, text) in &self.storage {
                let Some(id) = key.strip_prefix(ENTRY) else {
                    continue;
                };
                match decode_slot(&BANK, id, text) {
                    Ok((slot, _)) if tab.entries.get(id) != Some(&slot) => {
                        return Err(format!(
                            "tab {t} shows {:?} for {id}, stored {slot:?}",
                            tab.entries.get(id)
                        ));
                    }
                    Err(_) if tab.newer.get(id) != Some(text) => {
                        return Err(format!("tab {t} does not keep the newer entry {id}"));
                    }
                    _ => {}
                }
            }
            if let Some(id) = tab
                .entries
                .keys()
                .find(|id| !self.storage.contains_key(&entry_key(id)))
            {
                return Err(format!("tab {t} shows {id}, which is not stored"));
            }
            // 4. Every refused write was reported to the tab that tried it.
            if tab.refused != self.failures[t] {
                return Err(format!(
                    "tab {t}: {} writes refused, {} reported",
                    self.failures[t], tab.refused
                ));
            }
        }
        // 3. No resurrection, under any key.
        for (_, stored) in &slots {
            if let Slot::Live(e) = stored
                && let Some((_, life)) = self
                    .deleted
                    .range((e.snapshot().created.to_bits(), e.life())..)
                    .next()
                    .filter(|(c, _)| *c == e.snapshot().created.to_bits())
            {
                return Err(format!(
                    "life {life} of {} was deleted; stored {e:?}",
                    e.id()
                ));
            }
        }
        Ok(())
    }

    /// Every stored assessment key this build reads: its text and slot.
    fn slots(&self) -> impl Iterator<Item = (&String, Slot)> + '_ {
        self.storage.iter().filter_map(|(key, text)| {
            let id = key.strip_prefix(ENTRY)?;
            Some((text, decode_slot(&BANK, id, text).ok()?.0))
        })
    }
}

/// `slot` under `id` (to compare a claim with where its assessment is stored now).
fn moved(slot: &Slot, id: &str) -> Slot {
    match slot {
        Slot::Live(e) => Slot::Live(e.with_life(e.life(), id)),
        Slot::Deleted(t) => Slot::Deleted(Tombstone {
            id: id.to_string(),
            ..t.clone()
        }),
    }
}

fn history() -> impl Strategy<Value = (usize, Vec<Action>)> {
    (2_usize..4, proptest::collection::vec(action(), 1..25))
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: crate::fuzz_cases(10_000),
        max_shrink_iters: 10_000,
        ..ProptestConfig::default()
    })]

    /// Issue 30: the rules of this module's doc comment hold after every random history of two
    /// or three tabs.
    #[test]
    fn issue_30_tabs_racing_over_one_storage_lose_nothing_and_agree((tabs, actions) in history()) {
        let mut world = World::new(tabs);
        for action in &actions {
            world.act(action);
        }
        world.settle().map_err(TestCaseError::fail)?;
        world.check().map_err(TestCaseError::fail)?;
    }
}
