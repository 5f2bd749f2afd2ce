//! Native tests of the merge rules, one rule at a time. The model of tabs racing each other is
//! in `model.rs`.

use std::collections::{HashMap, HashSet};

use proptest::prelude::*;
use serde_json::Value;

use super::*;
use crate::snapshot::{self, Draft, SavedPlan, Snapshot, history_of_entries};
use crate::{Answer, Answers, BANK, Stage};

const HOUR: f64 = 3_600_000.0;
const NOW: f64 = 1.764e12;

fn answers(pairs: &[(usize, Answer)]) -> Answers {
    let mut a = Answers::new(&BANK);
    for &(q, answer) in pairs {
        a.set(q, answer);
    }
    a
}

fn draft(id: &str, pairs: &[(usize, Answer)], label: &str, at: f64) -> Draft {
    Draft {
        snapshot: Snapshot::new(id.to_string(), label.to_string(), answers(pairs), at, at),
        step: 0,
    }
}

/// A stored key and the write a decision asks for, as a tab makes it: storage refuses when
/// `room` is false.
fn run<T>(decision: Decision<T>, key: &mut Option<String>, room: bool) -> Outcome<T> {
    decision.run(|text| {
        if room {
            *key = Some(text.to_string());
        }
        room
    })
}

fn saved_draft(key: &Option<String>) -> RevDraft {
    decode_draft(&BANK, key.as_deref().expect("a draft is stored"))
        .expect("reads")
        .0
}

fn slot(key: &Option<String>, id: &str) -> Slot {
    decode_slot(&BANK, id, key.as_deref().expect("stored"))
        .expect("reads")
        .0
}

#[test]
fn revisions_order_by_number_then_tab_and_next_is_above_both() {
    fn rev(n: u64, by: &str) -> Rev {
        Rev {
            n,
            by: by.to_string(),
        }
    }
    assert!(rev(2, "a") < rev(2, "b") && rev(2, "b") < rev(3, "a"));
    assert!(Rev::ZERO < rev(0, "a"));
    let cases = [
        (None, None, rev(1, "t")),
        (Some(rev(4, "x")), None, rev(5, "t")),
        (None, Some(rev(4, "x")), rev(5, "t")),
        (Some(rev(9, "a")), Some(rev(4, "z")), rev(10, "t")),
        (Some(rev(3, "z")), Some(rev(7, "a")), rev(8, "t")),
    ];
    for (stored, mine, expected) in cases {
        assert_eq!(Rev::next(stored.as_ref(), mine.as_ref(), "t"), expected);
    }
    let mut writer = Writer::new("t");
    writer.saw(&rev(41, "other"));
    assert_eq!(writer.stamp(), rev(42, "t"));
    assert_eq!(writer.stamp(), rev(43, "t"));
}

#[test]
fn fresh_ids_never_collide_with_any_stored_id() {
    fn check(wanted: &str, taken: &[&str], expected: &str) {
        let taken: HashSet<String> = taken.iter().map(|s| s.to_string()).collect();
        assert_eq!(
            fresh_id(wanted, &taken),
            expected,
            "{wanted} among {taken:?}"
        );
    }
    check("a", &[], "a");
    check("a", &["b"], "a");
    check("dup", &["dup"], "dup-2");
    check("dup", &["dup", "dup-2"], "dup-3");
    check("imp", &["imp", "imp-2", "imp-3", "imp-5"], "imp-4");
    let long = "x".repeat(64);
    check(&long, &[long.as_str()], &format!("{}-2", "x".repeat(62)));
    // A character cut in two is not an id.
    let wide = format!("{}é", "x".repeat(62));
    check(&wide, &[wide.as_str()], &format!("{}-2", "x".repeat(62)));
}

/// Issue 30, point 3: two tabs answering the same unfinished assessment keep both answers, and
/// the same question answered in both at the same instant resolves the same way in both.
#[test]
fn issue_30_two_tabs_answering_at_the_same_instant_agree() {
    let mut key = None;
    let mut a = Writer::new("tab-a");
    let mut b = Writer::new("tab-b");
    let start = draft("d", &[], "", NOW);
    let first = run(
        save_draft(&BANK, None, None, &start, &mut a),
        &mut key,
        true,
    );
    let seen = first.into_value();
    let stored = key.clone();
    // Both tabs change what they saw, neither seeing the other's save (the same instant).
    let mut mine_a = seen.draft.clone();
    mine_a.snapshot.answers.set(0, Answer::Chosen(1));
    mine_a.snapshot.answers.set(1, Answer::Chosen(2));
    let mut mine_b = seen.draft.clone();
    mine_b.snapshot.answers.set(0, Answer::Chosen(3));
    mine_b.snapshot.answers.set(2, Answer::Unknown);
    let (mut key_a, mut key_b) = (stored.clone(), stored.clone());
    let shown_a = run(
        save_draft(&BANK, stored.as_deref(), Some(&seen), &mine_a, &mut a),
        &mut key_a,
        true,
    );
    let shown_b = run(
        save_draft(&BANK, stored.as_deref(), Some(&seen), &mine_b, &mut b),
        &mut key_b,
        true,
    );
    assert!(matches!(shown_a, Outcome::Written(_)) && matches!(shown_b, Outcome::Written(_)));
    // Storage keeps the last write; each tab then hears the other's.
    let (shown_a, shown_b) = (shown_a.into_value(), shown_b.into_value());
    let heard_a = hear_draft(&BANK, Some(&shown_a), key_b.as_deref(), None, &mut a);
    let heard_b = hear_draft(&BANK, Some(&shown_b), key_a.as_deref(), None, &mut b);
    let (Heard::Write(from_a), Heard::Write(from_b)) = (heard_a, heard_b) else {
        panic!("each tab holds an answer the other's save lacks");
    };
    assert_eq!(from_a.value(), from_b.value(), "both tabs show the same");
    let merged = from_a.value().draft.snapshot.answers.clone();
    assert_eq!(merged.get(1), Answer::Chosen(2));
    assert_eq!(merged.get(2), Answer::Unknown);
    // The later revision wins the question both answered: tab-b's, as (1, "tab-b") > (1, "tab-a").
    assert_eq!(merged.get(0), Answer::Chosen(3));
    // Once either merge is stored, the other tab has nothing more to write.
    assert_eq!(
        hear_draft(
            &BANK,
            Some(from_b.value()),
            Some(from_a.text()),
            None,
            &mut b
        ),
        Heard::Show(from_a.value().clone())
    );
}

/// Issue 30, point 1: with the clock an hour fast when a draft was saved, then corrected, the
/// next answers are still saved (times are information; only revisions order writes).
#[test]
fn issue_30_a_clock_an_hour_fast_then_corrected_still_saves() {
    let mut key = None;
    let mut tab = Writer::new("t");
    let fast = draft("d", &[(0, Answer::Chosen(1))], "", NOW + HOUR);
    let mut shown = run(
        save_draft(&BANK, None, None, &fast, &mut tab),
        &mut key,
        true,
    )
    .into_value();
    for q in 1..6 {
        let mut next = shown.draft.clone();
        next.snapshot.answers.set(q, Answer::Chosen(0));
        next.snapshot.updated = NOW + q as f64;
        let outcome = run(
            save_draft(&BANK, key.clone().as_deref(), Some(&shown), &next, &mut tab),
            &mut key,
            true,
        );
        assert!(
            matches!(outcome, Outcome::Written(_)),
            "answer {q}: {outcome:?}"
        );
        shown = outcome.into_value();
        assert_eq!(
            saved_draft(&key).draft.snapshot.answers.get(q),
            Answer::Chosen(0)
        );
    }
    // The same for renaming a finished assessment.
    let mut entry_key = None;
    let done = run(
        finish(&BANK, None, None, &shown, &mut tab),
        &mut entry_key,
        true,
    )
    .into_value();
    let mut renamed = done.live().expect("live").snapshot().clone();
    renamed.label = "After the clock was fixed".to_string();
    renamed.updated = NOW - HOUR;
    let outcome = run(
        save_entry(
            &BANK,
            entry_key.clone().as_deref(),
            &done,
            &renamed,
            &mut tab,
        ),
        &mut entry_key,
        true,
    );
    assert!(matches!(outcome, Outcome::Written(_)), "{outcome:?}");
    assert_eq!(
        slot(&entry_key, "d").live().unwrap().snapshot().label,
        "After the clock was fixed"
    );
}

#[test]
fn a_refused_write_is_reported_and_nothing_is_claimed() {
    let mut key = None;
    let mut tab = Writer::new("t");
    let d = draft("d", &[(0, Answer::Chosen(1))], "", NOW);
    let outcome = run(save_draft(&BANK, None, None, &d, &mut tab), &mut key, false);
    assert!(matches!(outcome, Outcome::Refused(_)) && !outcome.saved());
    assert_eq!(key, None);
    // What the person has is in the outcome, to keep showing and offer for download.
    assert_eq!(
        outcome.value().draft.snapshot.answers.get(0),
        Answer::Chosen(1)
    );
}

/// Issue 30, point 2: finishing writes the assessment first; a refused write leaves the draft
/// (the state layer removes it only when the outcome is saved).
#[test]
fn issue_30_finishing_with_storage_full_keeps_the_draft() {
    let mut tab = Writer::new("t");
    let mut draft_key = None;
    let d = draft("d", &[(0, Answer::Chosen(1))], "Team", NOW);
    let shown = run(
        save_draft(&BANK, None, None, &d, &mut tab),
        &mut draft_key,
        true,
    )
    .into_value();
    let mut entry_key = None;
    let outcome = run(
        finish(&BANK, None, None, &shown, &mut tab),
        &mut entry_key,
        false,
    );
    assert!(
        matches!(outcome, Outcome::Refused(Slot::Live(_))),
        "{outcome:?}"
    );
    assert!(!outcome.saved() && entry_key.is_none() && draft_key.is_some());
    let outcome = run(
        finish(&BANK, None, None, &shown, &mut tab),
        &mut entry_key,
        true,
    );
    assert!(outcome.saved());
    // Finishing the same draft again (another tab, or Open) writes nothing new.
    let known = outcome.into_value();
    let again = finish(&BANK, entry_key.as_deref(), Some(&known), &shown, &mut tab);
    assert!(
        matches!(again, Decision::Done(Outcome::Unchanged(_))),
        "{again:?}"
    );
}

fn finished(tab: &mut Writer, label: &str) -> (Option<String>, Slot) {
    let mut draft_key = None;
    let d = draft("x", &[(0, Answer::Chosen(1))], label, NOW);
    let shown = run(save_draft(&BANK, None, None, &d, tab), &mut draft_key, true).into_value();
    let mut key = None;
    let done = run(finish(&BANK, None, None, &shown, tab), &mut key, true).into_value();
    (key, done)
}

fn renamed(slot: &Slot, label: &str) -> Snapshot {
    let mut s = slot.live().expect("live").snapshot().clone();
    s.label = label.to_string();
    s
}

/// Issue 30, point 4: a rename racing a delete in another tab never brings the deleted
/// assessment back, even after several renames that tab made without seeing the delete.
#[test]
fn issue_30_a_tombstone_beats_renames_made_without_seeing_it() {
    let mut a = Writer::new("tab-a");
    let mut b = Writer::new("tab-b");
    let (key, shown) = finished(&mut a, "Team");
    b.saw(shown.rev());
    // Tab A deletes; tab B, not having seen it, renames twice against its stale copy.
    let mut store = key.clone();
    let tomb = run(
        delete(&BANK, key.as_deref(), &shown, NOW, &mut a),
        &mut store,
        true,
    )
    .into_value();
    let mut stale_key = key.clone();
    let mut b_shown = shown.clone();
    for label in ["First", "Second"] {
        let out = run(
            save_entry(
                &BANK,
                stale_key.clone().as_deref(),
                &b_shown,
                &renamed(&b_shown, label),
                &mut b,
            ),
            &mut stale_key,
            true,
        );
        b_shown = out.into_value();
    }
    assert!(
        b_shown.rev() > tomb.rev(),
        "B's revision is above the delete's"
    );
    // B's write lands last, over the tombstone. A hears it and writes the tombstone back.
    let heard = hear_entry(&BANK, "x", Some(&tomb), stale_key.as_deref(), &mut a);
    let Heard::Write(back) = heard else {
        panic!("A writes its tombstone back: {heard:?}")
    };
    assert_eq!(back.value(), &tomb);
    // B hears the tombstone and shows it deleted; a further rename is reported, not stored.
    assert_eq!(
        hear_entry(&BANK, "x", Some(&b_shown), Some(back.text()), &mut b),
        Heard::Show(tomb.clone())
    );
    let late = save_entry(
        &BANK,
        Some(back.text()),
        &b_shown,
        &renamed(&b_shown, "Third"),
        &mut b,
    );
    assert!(
        matches!(late, Decision::Done(Outcome::Deleted(Slot::Deleted(_)))),
        "{late:?}"
    );
    // Only an explicit return (Undo, an import) brings it back: a new life.
    let Slot::Live(entry) = &shown else {
        unreachable!()
    };
    let mut undone = Some(back.text().to_string());
    let back_again = run(
        restore(&BANK, undone.clone().as_deref(), entry, &mut a),
        &mut undone,
        true,
    );
    assert!(
        matches!(&back_again, Outcome::Written(Slot::Live(e)) if e.life() == 1),
        "{back_again:?}"
    );
    // A stale rename of the old life does not touch the new one.
    let stale = save_entry(
        &BANK,
        undone.as_deref(),
        &b_shown,
        &renamed(&b_shown, "Stale"),
        &mut b,
    );
    assert!(
        matches!(
            stale,
            Decision::Done(Outcome::Deleted(_) | Outcome::Superseded(_))
        ),
        "{stale:?}"
    );
}

/// Issue 30, point 4: two tabs renaming at once end with the same name in both; a tab still
/// showing the old name never writes it back (Open, a save with no change).
#[test]
fn issue_30_two_renames_resolve_alike_and_a_stale_tab_never_writes_the_old_name() {
    let mut a = Writer::new("tab-a");
    let mut b = Writer::new("tab-b");
    let (key, shown) = finished(&mut a, "Team");
    let (mut ka, mut kb) = (key.clone(), key.clone());
    let ra = run(
        save_entry(
            &BANK,
            key.as_deref(),
            &shown,
            &renamed(&shown, "Alpha"),
            &mut a,
        ),
        &mut ka,
        true,
    )
    .into_value();
    let rb = run(
        save_entry(
            &BANK,
            key.as_deref(),
            &shown,
            &renamed(&shown, "Beta"),
            &mut b,
        ),
        &mut kb,
        true,
    )
    .into_value();
    // B's rename is the later revision ((3, "tab-b") > (3, "tab-a")): A writes nothing and
    // shows it; B hears A's and writes its own back over it.
    let Heard::Show(at_a) = hear_entry(&BANK, "x", Some(&ra), kb.as_deref(), &mut a) else {
        panic!("B's name is the later: A has nothing to write")
    };
    let Heard::Write(from_b) = hear_entry(&BANK, "x", Some(&rb), ka.as_deref(), &mut b) else {
        panic!("B knows a name A's copy lacks")
    };
    assert_eq!(from_b.value(), &at_a, "both tabs show one name");
    assert_eq!(at_a.live().unwrap().snapshot().label, "Beta");
    // Tab A, still showing "Alpha" (B's write not heard yet), saves with no change (Open):
    // nothing is written, and the stored name stands.
    let stale = save_entry(
        &BANK,
        Some(from_b.text()),
        &ra,
        ra.live().unwrap().snapshot(),
        &mut a,
    );
    let Decision::Done(Outcome::Unchanged(now)) = stale else {
        panic!("{stale:?}")
    };
    assert_eq!(now.live().unwrap().snapshot().label, "Beta");
}

fn with_answer(s: &Snapshot, q: usize, answer: Answer, at: f64) -> Snapshot {
    let mut a = s.answers.clone();
    a.set(q, answer);
    s.with_version(a, at)
}

#[test]
fn versions_made_at_once_in_two_tabs_are_both_kept_and_numbered_alike() {
    let mut a = Writer::new("tab-a");
    let mut b = Writer::new("tab-b");
    let (key, shown) = finished(&mut a, "Team");
    let base = shown.live().unwrap().snapshot().clone();
    let (mut ka, mut kb) = (key.clone(), key.clone());
    let va = run(
        save_entry(
            &BANK,
            key.as_deref(),
            &shown,
            &with_answer(&base, 1, Answer::Chosen(1), NOW + 1.0),
            &mut a,
        ),
        &mut ka,
        true,
    )
    .into_value();
    let vb = run(
        save_entry(
            &BANK,
            key.as_deref(),
            &shown,
            &with_answer(&base, 1, Answer::Chosen(2), NOW + 2.0),
            &mut b,
        ),
        &mut kb,
        true,
    )
    .into_value();
    let merged_a = va.join(&vb);
    assert_eq!(merged_a, vb.join(&va));
    let s = merged_a.live().unwrap().snapshot();
    let numbers: Vec<u32> = s.versions().map(|(n, _, _)| n).collect();
    assert_eq!(numbers, [1, 2, 3]);
    // Tab A's (lower revision) keeps number 2; tab B's is current, numbered 3.
    assert_eq!(s.earlier[1].answers.get(1), Answer::Chosen(1));
    assert_eq!(s.answers.get(1), Answer::Chosen(2));
    // The same change made in both tabs is one version.
    let same_a = shown.live().unwrap().with_edit(
        &with_answer(&base, 1, Answer::Chosen(1), NOW),
        &Rev {
            n: 9,
            by: "tab-a".into(),
        },
    );
    let same_b = shown.live().unwrap().with_edit(
        &with_answer(&base, 1, Answer::Chosen(1), NOW),
        &Rev {
            n: 9,
            by: "tab-b".into(),
        },
    );
    let one = Slot::Live(same_a).join(&Slot::Live(same_b));
    assert_eq!(one.live().unwrap().snapshot().version_count(), 2);
    // Written and read back, the merge is the same (numbers, identities, renumbering).
    let text = encode_slot(&BANK, &merged_a);
    assert_eq!(decode_slot(&BANK, "x", &text).unwrap().0, merged_a);
}

#[test]
fn an_undo_stands_against_a_copy_that_had_not_heard_of_it() {
    let mut a = Writer::new("tab-a");
    let mut b = Writer::new("tab-b");
    let (key, shown) = finished(&mut a, "Team");
    let base = shown.live().unwrap().snapshot().clone();
    let mut k = key.clone();
    let two = run(
        save_entry(
            &BANK,
            k.clone().as_deref(),
            &shown,
            &with_answer(&base, 1, Answer::Chosen(2), NOW),
            &mut a,
        ),
        &mut k,
        true,
    )
    .into_value();
    let stored_two = k.clone();
    // A undoes; B, still on version 2, renames.
    let undone = run(
        save_entry(
            &BANK,
            k.clone().as_deref(),
            &two,
            &two.live().unwrap().snapshot().undo().unwrap(),
            &mut a,
        ),
        &mut k,
        true,
    )
    .into_value();
    let mut kb = stored_two.clone();
    let rb = run(
        save_entry(
            &BANK,
            stored_two.as_deref(),
            &two,
            &renamed(&two, "Renamed"),
            &mut b,
        ),
        &mut kb,
        true,
    )
    .into_value();
    let merged = undone.join(&rb);
    let s = merged.live().unwrap().snapshot();
    assert_eq!((s.version_count(), s.label.as_str()), (1, "Renamed"));
    assert_eq!(s.answers.get(1), Answer::Unanswered);
}

#[test]
fn plans_merge_by_id_and_a_deleted_plan_stays_deleted() {
    let plan = |id: &str, name: &str| SavedPlan {
        id: id.to_string(),
        name: name.to_string(),
        created: NOW,
        version: 1,
        moves: vec![(0, 2)],
        strategy: vec![],
    };
    let mut a = Writer::new("tab-a");
    let mut b = Writer::new("tab-b");
    let (key, shown) = finished(&mut a, "Team");
    let base = shown.live().unwrap().snapshot().clone();
    let mut k = key.clone();
    let with_p1 = run(
        save_entry(
            &BANK,
            key.as_deref(),
            &shown,
            &base.with_plan(plan("p1", "One")),
            &mut a,
        ),
        &mut k,
        true,
    )
    .into_value();
    let stored = k.clone();
    let (mut ka, mut kb) = (stored.clone(), stored.clone());
    let s1 = with_p1.live().unwrap().snapshot().clone();
    let ra = run(
        save_entry(
            &BANK,
            stored.as_deref(),
            &with_p1,
            &s1.without_plan("p1"),
            &mut a,
        ),
        &mut ka,
        true,
    )
    .into_value();
    let rb = run(
        save_entry(
            &BANK,
            stored.as_deref(),
            &with_p1,
            &s1.with_plan(plan("p2", "Two")),
            &mut b,
        ),
        &mut kb,
        true,
    )
    .into_value();
    let merged = ra.join(&rb);
    assert_eq!(merged, rb.join(&ra));
    let ids: Vec<&str> = merged
        .live()
        .unwrap()
        .snapshot()
        .plans
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(ids, ["p2"]);
}

/// An older build's draft (no revisions) reads as revision zero and merges; an older build reads
/// this build's draft and entry (it ignores `revs`), and a tombstone is nothing it would show.
#[test]
fn issue_30_drafts_and_entries_read_across_builds() {
    let old = draft("d", &[(0, Answer::Chosen(2))], "Old", NOW);
    let old_text = snapshot::encode_draft(&BANK, &old);
    let (read, _) = decode_draft(&BANK, &old_text).expect("reads");
    assert_eq!(read, RevDraft::new(old.clone()));
    // This build's change over it is stamped and wins; the untouched answer stays.
    let mut tab = Writer::new("t");
    let mut edited = old.clone();
    edited.snapshot.answers.set(1, Answer::Unknown);
    let mut key = Some(old_text.clone());
    let out = run(
        save_draft(&BANK, Some(&old_text), Some(&read), &edited, &mut tab),
        &mut key,
        true,
    );
    assert!(matches!(out, Outcome::Written(_)), "{out:?}");
    let new_text = key.clone().unwrap();
    // The older build reads the answers; fields it does not know at either level are fine.
    let (as_old, _) = snapshot::decode_draft(&BANK, &new_text).expect("an older build reads it");
    assert_eq!(as_old.snapshot.answers, edited.snapshot.answers);
    let mut value: Value = serde_json::from_str(&new_text).unwrap();
    value["from_the_future"] = Value::from(1);
    value["snapshot"]["notes"] = Value::from("kept");
    value["revs"]["someday"] = Value::from(true);
    let extended = value.to_string();
    assert!(snapshot::decode_draft(&BANK, &extended).is_ok());
    let (with_revs, _) = decode_draft(&BANK, &extended).expect("reads");
    assert_eq!(with_revs.answer_revs[1].by, "t");
    // And this build keeps those fields when it writes the draft again.
    let mut next = with_revs.draft.clone();
    next.snapshot.answers.set(2, Answer::Chosen(0));
    let mut key = Some(extended.clone());
    let _ = run(
        save_draft(&BANK, Some(&extended), Some(&with_revs), &next, &mut tab),
        &mut key,
        true,
    );
    let again: Value = serde_json::from_str(key.as_deref().unwrap()).unwrap();
    assert_eq!(again["from_the_future"], 1);
    assert_eq!(again["snapshot"]["notes"], "kept");
    assert_eq!(again["revs"]["someday"], true);
    // Entries: an older build reads the answers of a revised entry, and not a tombstone.
    let (ekey, shown) = finished(&mut tab, "Team");
    let text = ekey.unwrap();
    assert!(text.contains("\"revs\""));
    assert_eq!(
        snapshot::decode_snapshot(&BANK, &text).unwrap().0.label,
        "Team"
    );
    let mut k = Some(text.clone());
    let _ = run(
        delete(&BANK, Some(&text), &shown, NOW, &mut tab),
        &mut k,
        true,
    );
    assert_eq!(
        snapshot::decode_snapshot(&BANK, k.as_deref().unwrap()).map(|r| r.0),
        Err(snapshot::SnapshotError::WrongShape)
    );
    // An entry of an older build (no revs) reads as revision zero, first life.
    let plain = snapshot::encode_entry(&BANK, shown.live().unwrap().snapshot(), None);
    let Slot::Live(read) = decode_slot(&BANK, "x", &plain).unwrap().0 else {
        panic!("live")
    };
    assert_eq!((read.life(), read.rev()), (0, &Rev::ZERO));
}

fn stored_map(pairs: &[(&str, String)]) -> HashMap<String, String> {
    pairs
        .iter()
        .map(|(id, text)| (id.to_string(), text.clone()))
        .collect()
}

fn entry_text(id: &str, created: f64, label: &str) -> String {
    let s = Snapshot::new(
        id.to_string(),
        label.to_string(),
        answers(&[(0, Answer::Chosen(1))]),
        created,
        created,
    );
    snapshot::encode_entry(&BANK, &s, None)
}

fn steps_of(stored: &HashMap<String, String>, file: &str) -> Vec<(String, String, ImportAction)> {
    let mut tab = Writer::new("t");
    import(&BANK, stored, file, &mut tab)
        .expect("reads")
        .steps
        .into_iter()
        .map(|s| (s.from, s.id, s.action))
        .collect()
}

/// Issue 30, point 7: two entries `imp` in a file while an unrelated `imp-2` is stored: each
/// gets a key of its own and the unrelated one is untouched; importing again adds nothing.
#[test]
fn issue_30_import_ids_never_collide() {
    use ImportAction::*;
    let stored = stored_map(&[("imp-2", entry_text("imp-2", 5.0, "Unrelated"))]);
    let file = history_of_entries([
        entry_text("imp", 1.0, "First").as_str(),
        entry_text("imp", 2.0, "Second").as_str(),
    ]);
    let owned = |v: &[(&str, &str, ImportAction)]| -> Vec<(String, String, ImportAction)> {
        v.iter()
            .map(|(a, b, c)| (a.to_string(), b.to_string(), *c))
            .collect()
    };
    assert_eq!(
        steps_of(&stored, &file),
        owned(&[("imp", "imp", Added), ("imp", "imp-3", Added)])
    );
    // Stored after the import, the same file changes nothing.
    let mut tab = Writer::new("t");
    let mut after = stored.clone();
    for step in import(&BANK, &stored, &file, &mut tab).unwrap().steps {
        after.insert(step.id.clone(), step.write.unwrap().text().to_string());
    }
    assert_eq!(
        after["imp-2"], stored["imp-2"],
        "the unrelated entry is untouched"
    );
    assert!(after["imp-3"].contains("\"id\":\"imp-3\""));
    assert_eq!(
        steps_of(&after, &file),
        owned(&[("imp", "imp", Unchanged), ("imp", "imp-3", Unchanged)])
    );
    // Two stored `dup` entries (a format-1 history) while `dup-2` exists: neither is lost.
    let stored = stored_map(&[("dup-2", entry_text("dup-2", 9.0, "Other"))]);
    let legacy = history_of_entries([
        entry_text("dup", 1.0, "One").as_str(),
        entry_text("dup", 2.0, "Two").as_str(),
    ]);
    assert_eq!(
        steps_of(&stored, &legacy),
        owned(&[("dup", "dup", Added), ("dup", "dup-3", Added)])
    );
}

/// Issue 30, point 5: Export all, Clear all data, Import gives back every entry byte for byte:
/// fields and answers this build does not know, and entries of a newer build.
#[test]
fn issue_30_export_then_import_restores_every_byte() {
    let mut tab = Writer::new("t");
    let (key, _) = finished(&mut tab, "Mine");
    let mine = key.unwrap();
    let mut odd: Value = serde_json::from_str(&entry_text("odd", 3.0, "Odd")).unwrap();
    odd["notes"] = Value::from("keep me");
    odd["tags"] = serde_json::json!(["a", "b"]);
    odd["reviewed"] = Value::from(true);
    odd["answers"]["company.not_yet_asked"] = Value::from(3);
    let odd = odd.to_string();
    let mut newer: Value = serde_json::from_str(&entry_text("new", 4.0, "Newer")).unwrap();
    newer["bank"] = Value::from(99);
    let newer = newer.to_string();
    let mut newer_format: Value = serde_json::from_str(&entry_text("fmt", 6.0, "Format")).unwrap();
    newer_format["version"] = Value::from(7);
    let newer_format = newer_format.to_string();
    let stored = stored_map(&[
        ("x", mine.clone()),
        ("odd", odd.clone()),
        ("new", newer.clone()),
        ("fmt", newer_format.clone()),
    ]);
    let backup = history_of_entries(stored.values().map(String::as_str));
    let imported = import(&BANK, &HashMap::new(), &backup, &mut tab).expect("reads");
    assert_eq!(imported.notes.newer, 2);
    let mut restored = HashMap::new();
    for step in imported.steps {
        assert_eq!(step.action, ImportAction::Added);
        restored.insert(step.id, step.write.expect("a write").text().to_string());
    }
    assert_eq!(restored, stored, "byte for byte");
}

#[test]
fn an_import_merges_versions_and_restores_over_a_tombstone() {
    let mut a = Writer::new("tab-a");
    let (key, shown) = finished(&mut a, "Team");
    let base = shown.live().unwrap().snapshot().clone();
    let mut k = key.clone();
    let two = run(
        save_entry(
            &BANK,
            key.as_deref(),
            &shown,
            &with_answer(&base, 1, Answer::Chosen(2), NOW),
            &mut a,
        ),
        &mut k,
        true,
    )
    .into_value();
    // A backup taken at version 1; here, version 2 was made since: merged, nothing lost.
    let backup = history_of_entries([key.as_deref().unwrap()]);
    let stored = stored_map(&[("x", k.clone().unwrap())]);
    assert_eq!(
        steps_of(&stored, &backup),
        [("x".to_string(), "x".to_string(), ImportAction::Unchanged)]
    );
    // A backup with a version made elsewhere: merged.
    let mut b = Writer::new("tab-b");
    let mut kb = key.clone();
    let _ = run(
        save_entry(
            &BANK,
            key.as_deref(),
            &shown,
            &with_answer(&base, 2, Answer::Chosen(3), NOW),
            &mut b,
        ),
        &mut kb,
        true,
    );
    let other = history_of_entries([kb.as_deref().unwrap()]);
    let plan = import(&BANK, &stored, &other, &mut a).unwrap();
    let step = &plan.steps[0];
    assert_eq!(step.action, ImportAction::Merged);
    let merged = step.write.as_ref().unwrap().value().clone().unwrap();
    assert_eq!(merged.live().unwrap().snapshot().version_count(), 3);
    // Deleted here: the import puts it back, in a new life.
    let mut kd = k.clone();
    let _ = run(
        delete(&BANK, k.as_deref(), &two, NOW, &mut a),
        &mut kd,
        true,
    );
    let stored = stored_map(&[("x", kd.clone().unwrap())]);
    let plan = import(&BANK, &stored, &backup, &mut a).unwrap();
    assert_eq!(plan.steps[0].action, ImportAction::Restored);
    let back = plan.steps[0]
        .write
        .as_ref()
        .unwrap()
        .value()
        .clone()
        .unwrap();
    assert_eq!(back.life(), 1);
    assert_eq!(
        Slot::Live(back.live().unwrap().clone()).join(&slot(&kd, "x")),
        back
    );
}

#[test]
fn a_finished_draft_is_removed_only_when_the_finish_holds_all_its_answers() {
    let mut a = Writer::new("tab-a");
    let mut b = Writer::new("tab-b");
    let mut key = None;
    let d = draft("d", &[(0, Answer::Chosen(1))], "", NOW);
    let seen = run(save_draft(&BANK, None, None, &d, &mut a), &mut key, true).into_value();
    // B answers another question (stored); A finishes what it saw and removes the draft.
    let mut more = seen.draft.clone();
    more.snapshot.answers.set(5, Answer::Chosen(2));
    let b_shown = run(
        save_draft(&BANK, key.clone().as_deref(), Some(&seen), &more, &mut b),
        &mut key,
        true,
    )
    .into_value();
    let mut entry = None;
    let done = run(finish(&BANK, None, None, &seen, &mut a), &mut entry, true).into_value();
    // B hears the draft removed: its answer is in no finish, so it writes the draft back.
    let heard = hear_draft(&BANK, Some(&b_shown), None, Some(&done), &mut b);
    assert!(
        matches!(heard, Heard::Write(ref p) if p.value() == &b_shown),
        "{heard:?}"
    );
    // Had A's finish included B's answer, B would forget the draft.
    let both = seen.join(&b_shown).unwrap();
    let done_both = run(finish(&BANK, None, None, &both, &mut a), &mut entry, true).into_value();
    assert_eq!(
        hear_draft(&BANK, Some(&b_shown), None, Some(&done_both), &mut b),
        Heard::Forget
    );
    // And a stored draft all of whose writes are finished is removed by whoever sees it.
    let text = encode_draft(&BANK, &b_shown, None);
    assert_eq!(
        hear_draft(&BANK, None, Some(&text), Some(&done_both), &mut a),
        Heard::Remove
    );
}

/// Issue 30, point 7, at the same moment in two tabs: each imports a different file whose entry
/// gets the free id `imp-2` in its copy of storage. The key holds one of them; the tab whose
/// assessment lost the key hears so and moves it to a fresh id: both are kept, never merged.
#[test]
fn issue_30_two_assessments_given_one_id_at_once_are_both_kept() {
    let mut a = Writer::new("tab-a");
    let mut b = Writer::new("tab-b");
    let first = entry_text("imp-2", 1.0, "From file one");
    let second = entry_text("imp-2", 2.0, "From file two");
    let mine = slot(&Some(first.clone()), "imp-2");
    let theirs = slot(&Some(second.clone()), "imp-2");
    // Never merged: the join keeps the one made first, whichever way round.
    assert_eq!(mine.join(&theirs), mine);
    assert_eq!(theirs.join(&mine), mine);
    // Tab A's write landed first, B's over it; A hears B's.
    let Heard::Collided { shown, moved } =
        hear_entry(&BANK, "imp-2", Some(&mine), Some(&second), &mut a)
    else {
        panic!("A's assessment lost its key")
    };
    assert_eq!((shown, moved.clone()), (theirs.clone(), mine.clone()));
    let taken: HashSet<String> = ["imp-2".to_string()].into();
    let Decision::Write(move_it) = relocate(&BANK, moved.live().unwrap(), &taken, &mut a) else {
        panic!("a move is a write")
    };
    assert_eq!(move_it.value().id(), "imp-2-2");
    assert_eq!(
        move_it.value().live().unwrap().snapshot().label,
        "From file one"
    );
    // A write of either over the other is refused as occupied, never merged.
    let edit = save_entry(
        &BANK,
        Some(&second),
        &mine,
        &renamed(&mine, "Renamed"),
        &mut a,
    );
    assert!(
        matches!(edit, Decision::Done(Outcome::Occupied(_))),
        "{edit:?}"
    );
    // B, whose assessment holds the key, has nothing to do.
    assert_eq!(
        hear_entry(&BANK, "imp-2", Some(&theirs), Some(&second), &mut b),
        Heard::Show(theirs.clone())
    );
}

/// A finish made in a tab that had not seen the assessment deleted is lost with the delete, as
/// any change is; but the answers it held that the deleted copy did not come back as the draft.
#[test]
fn answers_a_delete_did_not_include_come_back_as_the_draft() {
    let mut a = Writer::new("tab-a");
    let mut b = Writer::new("tab-b");
    // A finishes the draft; B, stale, answers one more question.
    let mut draft_key = None;
    let d = draft("d", &[(0, Answer::Chosen(1))], "", NOW);
    let seen = run(
        save_draft(&BANK, None, None, &d, &mut a),
        &mut draft_key,
        true,
    )
    .into_value();
    let mut entry_key = None;
    let done = run(
        finish(&BANK, None, None, &seen, &mut a),
        &mut entry_key,
        true,
    )
    .into_value();
    let mut more = seen.draft.clone();
    more.snapshot.answers.set(4, Answer::Chosen(2));
    let b_draft = seen.with_edit(
        &more,
        &Rev {
            n: 9,
            by: "tab-b".into(),
        },
    );
    // A deletes what it finished; B finishes its copy without having seen either.
    let tomb = run(
        delete(&BANK, entry_key.clone().as_deref(), &done, NOW, &mut a),
        &mut entry_key,
        true,
    )
    .into_value();
    let mut b_key = None;
    let b_done = run(
        finish(&BANK, None, None, &b_draft, &mut b),
        &mut b_key,
        true,
    )
    .into_value();
    // The delete wins...
    assert_eq!(tomb.join(&b_done), tomb);
    // ...and B, hearing it, gets back what only its finish held, as the draft.
    let back = unfinished(&b_done, &tomb, &mut b).expect("B's answer was not in the deleted copy");
    assert_eq!(back.draft.snapshot.answers.get(4), Answer::Chosen(2));
    assert!(back.seen.covers(&b_draft.seen));
    // Nothing comes back when the delete held everything.
    assert_eq!(unfinished(&done, &tomb, &mut a), None);
}

#[test]
fn deletes_creates_and_edits_over_an_empty_key() {
    let mut tab = Writer::new("t");
    let (_, shown) = finished(&mut tab, "Team");
    // An edit: the key was emptied elsewhere (Clear all data, an older build): not brought back.
    let edit = save_entry(&BANK, None, &shown, &renamed(&shown, "New"), &mut tab);
    assert!(
        matches!(edit, Decision::Done(Outcome::Removed(_))),
        "{edit:?}"
    );
    // A delete is recorded there all the same, for any tab still holding a copy.
    let gone = delete(&BANK, None, &shown, NOW, &mut tab);
    assert!(
        matches!(&gone, Decision::Write(p) if matches!(p.value(), Slot::Deleted(_))),
        "{gone:?}"
    );
    // A copy storage never took is written as new.
    let Slot::Live(entry) = &shown else {
        unreachable!()
    };
    let new = create(&BANK, None, entry, &mut tab);
    assert!(
        matches!(&new, Decision::Write(p) if p.value() == &shown),
        "{new:?}"
    );
    // A tombstone follows the assessment to any id, and ends only its life.
    let Decision::Write(p) = gone else {
        unreachable!()
    };
    let Slot::Deleted(t) = p.value() else {
        unreachable!()
    };
    let elsewhere = Slot::Live(entry.with_life(0, "moved"));
    assert!(t.ends(&elsewhere));
    assert!(!t.ends(&Slot::Live(entry.with_life(1, "moved"))));
    assert_eq!(elsewhere.join(&t.at("moved")), t.at("moved"));
}

/// Fields and answers this build does not know travel with the assessment: written back after a
/// rename, a merge, a move, and a tombstone written over without seeing them.
#[test]
fn what_this_build_cannot_read_travels_with_the_assessment() {
    let mut tab = Writer::new("t");
    let mut odd: Value = serde_json::from_str(&entry_text("odd", 3.0, "Odd")).unwrap();
    odd["notes"] = Value::from("keep me");
    odd["answers"]["company.not_yet_asked"] = Value::from(3);
    odd["revs"] = serde_json::json!({"someday": [1, 2]});
    let text = odd.to_string();
    let shown = slot(&Some(text.clone()), "odd");
    let check = |written: &str| {
        let v: Value = serde_json::from_str(written).unwrap();
        assert_eq!(v["notes"], "keep me", "{written}");
        assert_eq!(v["answers"]["company.not_yet_asked"], 3, "{written}");
        assert_eq!(v["revs"]["someday"], serde_json::json!([1, 2]), "{written}");
    };
    let Decision::Write(renamed_write) =
        save_entry(&BANK, Some(&text), &shown, &renamed(&shown, "R"), &mut tab)
    else {
        panic!("a rename is a write")
    };
    check(renamed_write.text());
    let Slot::Live(entry) = &shown else {
        unreachable!()
    };
    let Decision::Write(moved) = relocate(&BANK, entry, &HashSet::new(), &mut tab) else {
        panic!("a move is a write")
    };
    check(moved.text());
    // A stale tab wrote a tombstone over it without seeing a restore: re-asserting the restored
    // copy over the tombstone keeps the fields, though the tombstone has none.
    let tomb = Tombstone {
        id: "odd".into(),
        life: 0,
        rev: Rev {
            n: 1,
            by: "x".into(),
        },
        created: 3.0,
        deleted: NOW,
        finished: Seen::default(),
    };
    let restored = Slot::Live(entry.with_life(1, "odd"));
    let Heard::Write(back) = hear_entry(
        &BANK,
        "odd",
        Some(&restored),
        Some(&encode_slot(&BANK, &Slot::Deleted(tomb))),
        &mut tab,
    ) else {
        panic!("the restored copy is written back")
    };
    check(back.text());
}

/// The released draft of format 1 (kept forever in `tests/fixtures`) reads with every revision
/// zero, and merges: anything this build stamps wins over it.
#[test]
fn the_released_v1_draft_fixture_reads_as_revision_zero() {
    let text = include_str!("../../../tests/fixtures/draft-v1.json");
    let (read, _) = decode_draft(&BANK, text).expect("v1 draft reads");
    assert_eq!(read.rev, Rev::ZERO);
    assert!(read.answer_revs.iter().all(|r| *r == Rev::ZERO) && read.seen.is_empty());
    let mut edited = read.draft.clone();
    edited.snapshot.answers.set(0, Answer::Chosen(0));
    let mut tab = Writer::new("t");
    let out = save_draft(&BANK, Some(text), Some(&read), &edited, &mut tab);
    let Decision::Write(pending) = out else {
        panic!("{out:?}")
    };
    assert_eq!(
        pending.value().draft.snapshot.answers.get(0),
        Answer::Chosen(0)
    );
}

/// The draft key holds one draft: another assessment's draft stored over this tab's is shown,
/// and this tab's (holding answers it saved) is handed back for the state layer to keep and ask
/// about, never dropped; saving over another's is refused as occupied.
#[test]
fn another_assessment_s_draft_is_never_written_over_or_silently_dropped() {
    let mut tab = Writer::new("t");
    let mut key = None;
    let mine = run(
        save_draft(
            &BANK,
            None,
            None,
            &draft("mine", &[(0, Answer::Chosen(1))], "", NOW),
            &mut tab,
        ),
        &mut key,
        true,
    )
    .into_value();
    let other = encode_draft(
        &BANK,
        &RevDraft::new(draft("other", &[(1, Answer::Unknown)], "", NOW)),
        None,
    );
    let heard = hear_draft(&BANK, Some(&mine), Some(&other), None, &mut tab);
    assert!(
        matches!(&heard, Heard::Collided { shown, moved } if shown.id() == "other" && moved == &mine),
        "{heard:?}"
    );
    let mut next = mine.draft.clone();
    next.snapshot.answers.set(2, Answer::Unknown);
    let saved = save_draft(&BANK, Some(&other), Some(&mine), &next, &mut tab);
    assert!(
        matches!(saved, Decision::Done(Outcome::Occupied(_))),
        "{saved:?}"
    );
}

#[test]
fn the_stage_chosen_and_the_label_of_a_draft_merge_like_answers() {
    let base = RevDraft::new(draft("d", &[], "", NOW));
    let mut a = base.draft.clone();
    a.snapshot.answers.stage_override = Some(Stage::Mature);
    let mut b = base.draft.clone();
    b.snapshot.label = "Named in B".to_string();
    let ra = base.with_edit(
        &a,
        &Rev {
            n: 1,
            by: "a".into(),
        },
    );
    let rb = base.with_edit(
        &b,
        &Rev {
            n: 1,
            by: "b".into(),
        },
    );
    let joined = ra.join(&rb).unwrap();
    assert_eq!(joined, rb.join(&ra).unwrap());
    assert_eq!(
        joined.draft.snapshot.answers.stage_override,
        Some(Stage::Mature)
    );
    assert_eq!(joined.draft.snapshot.label, "Named in B");
    assert_eq!(ra.join(&RevDraft::new(draft("other", &[], "", NOW))), None);
}

/// One tab's random history of a draft, from the same empty draft as every other tab's: each
/// step changes one answer, the stage or the label, stamped above the last (from a random start,
/// so the tabs' revisions interleave).
fn draft_strategy(by: &'static str) -> impl Strategy<Value = RevDraft> {
    let step = (0_usize..6, 0_u8..5, 0_usize..4);
    (0_u64..4, proptest::collection::vec(step, 0..8)).prop_map(move |(start, steps)| {
        let mut d = RevDraft::new(draft("d", &[], "", NOW));
        for (n, (q, a, what)) in steps.into_iter().enumerate() {
            let mut edited = d.draft.clone();
            match what {
                0 | 1 => edited.snapshot.answers.set(
                    q,
                    if a == 0 {
                        Answer::Unknown
                    } else {
                        Answer::Chosen(a - 1)
                    },
                ),
                2 => edited.snapshot.answers.stage_override = Stage::ALL.get(q % 4).copied(),
                _ => edited.snapshot.label = format!("L{a}"),
            }
            edited.step = q;
            edited.snapshot.updated = NOW + (n as f64) * 1000.0;
            let rev = Rev {
                n: start + n as u64 + 1,
                by: by.to_string(),
            };
            d = d.with_edit(&edited, &rev);
        }
        d
    })
}

/// One tab's random history of a saved assessment (new versions, undo, renames, plans), from the
/// same stored copy as every other tab's, in life 0 or 1.
fn entry_strategy(by: &'static str) -> impl Strategy<Value = Slot> {
    let step = (0_usize..6, 0_u8..4, 0_usize..6);
    (0_u32..2, 0_u64..4, proptest::collection::vec(step, 0..6)).prop_map(
        move |(life, start, steps)| {
            let text = entry_text("e", NOW, "Start");
            let Slot::Live(mut e) = decode_slot(&BANK, "e", &text).unwrap().0 else {
                unreachable!()
            };
            e = e.with_life(life, "e");
            for (n, (q, a, what)) in steps.into_iter().enumerate() {
                let s = e.snapshot();
                let edited = match what {
                    0 | 1 => with_answer(s, q, Answer::Chosen(a), NOW + n as f64),
                    2 => s.undo().unwrap_or_else(|| s.clone()),
                    3 => {
                        let mut r = s.clone();
                        r.label = format!("L{a}");
                        r
                    }
                    4 => s.with_plan(SavedPlan {
                        id: format!("p{a}"),
                        name: format!("P{q}"),
                        created: NOW,
                        version: 1,
                        moves: vec![(q, a)],
                        strategy: vec![],
                    }),
                    _ => s.without_plan(&format!("p{a}")),
                };
                let rev = Rev {
                    n: start + n as u64 + 1,
                    by: by.to_string(),
                };
                e = e.with_edit(&edited, &rev);
            }
            Slot::Live(e)
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::fuzz_cases(500)))]

    /// The joins are commutative, associative and idempotent: every tab that has seen the same
    /// writes shows the same thing, whatever order it saw them in.
    #[test]
    fn draft_joins_are_a_semilattice(
        a in draft_strategy("a"),
        b in draft_strategy("b"),
        c in draft_strategy("c"),
    ) {
        let j = |x: &RevDraft, y: &RevDraft| x.join(y).unwrap();
        prop_assert_eq!(j(&a, &b), j(&b, &a));
        prop_assert_eq!(j(&j(&a, &b), &c), j(&a, &j(&b, &c)));
        prop_assert_eq!(j(&a, &a), a.clone());
        prop_assert_eq!(decode_draft(&BANK, &encode_draft(&BANK, &a, None)).unwrap().0, a);
    }

    #[test]
    fn entry_joins_are_a_semilattice(
        a in entry_strategy("a"),
        b in entry_strategy("b"),
        c in entry_strategy("c"),
    ) {
        prop_assert_eq!(a.join(&b), b.join(&a));
        prop_assert_eq!(a.join(&b).join(&c), a.join(&b.join(&c)));
        prop_assert_eq!(a.join(&a), a.clone());
        let ab = a.join(&b);
        prop_assert_eq!(ab.join(&a), ab.clone());
        prop_assert_eq!(decode_slot(&BANK, "e", &encode_slot(&BANK, &ab)).unwrap().0, ab);
    }

    #[test]
    fn reading_arbitrary_text_never_panics(text in ".{0,300}") {
        let _ = decode_slot(&BANK, "x", &text);
        let _ = decode_draft(&BANK, &text);
        let _ = import(&BANK, &HashMap::new(), &text, &mut Writer::new("t"));
    }
}
