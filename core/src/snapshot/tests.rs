//! Native tests of the saved-data format: fixtures of every released version (kept forever),
//! round trips, bad input, and the merge rules.

use proptest::prelude::*;

use super::*;
use crate::BANK;

const SNAPSHOT_V1: &str = include_str!("../../../tests/fixtures/snapshot-v1.json");
const HISTORY_V1: &str = include_str!("../../../tests/fixtures/history-v1.json");
const DRAFT_V1: &str = include_str!("../../../tests/fixtures/draft-v1.json");

fn index(id: &str) -> usize {
    BANK.questions
        .iter()
        .position(|q| q.id == id)
        .unwrap_or(usize::MAX)
}

fn sample(id: &str, created: f64, updated: f64) -> Snapshot {
    let mut answers = Answers::new(&BANK);
    answers.set(0, Answer::Chosen(1));
    answers.set(1, Answer::Unknown);
    answers.stage_override = Some(Stage::Mature);
    Snapshot {
        id: id.to_string(),
        label: "Team <b>A</b>".to_string(),
        answers,
        created,
        updated,
    }
}

#[test]
fn the_released_v1_snapshot_fixture_still_reads() {
    let (s, dropped) = decode_snapshot(&BANK, SNAPSHOT_V1).expect("v1 fixture reads");
    assert_eq!(s.id, "18f3a2b4c00-7a1e");
    assert_eq!(s.label, "Platform team, Q3 review");
    assert_eq!(s.answers.get(index("company.engineers")), Answer::Chosen(2));
    assert_eq!(s.answers.get(index("platform.vendors")), Answer::Unknown);
    assert_eq!(s.answers.stage_override, None);
    // Bank version 2 (issue 13) gave six of its questions new ids: their answers are dropped
    // and counted.
    assert_eq!(dropped, Dropped { answers: 6 });
}

#[test]
fn the_released_v1_history_fixture_reads_and_reports_what_it_left_out() {
    let (list, unreadable, dropped) = decode_history(&BANK, HISTORY_V1).expect("v1 history reads");
    assert_eq!(list.len(), 2);
    assert_eq!(unreadable, 1, "the entry of another format");
    assert_eq!(
        dropped.answers, 2,
        "the answers to a retired question and to platform.delivery, replaced in bank version 2"
    );
    assert_eq!(list[0].answers.stage_override, Some(Stage::Mature));
}

#[test]
fn the_released_v1_draft_fixture_reads() {
    let draft = decode_draft(&BANK, DRAFT_V1).expect("v1 draft reads");
    assert_eq!(draft.step, 3);
    assert_eq!(
        draft.snapshot.answers.get(index("company.product_fit")),
        Answer::Unknown
    );
}

#[test]
fn snapshots_histories_and_drafts_round_trip() {
    let s = sample("a-1", 1.0e12, 1.0e12 + 5.0);
    assert_eq!(
        decode_snapshot(&BANK, &encode_snapshot(&BANK, &s)).map(|r| r.0),
        Ok(s.clone())
    );
    let list = vec![s.clone(), sample("b-2", 2.0e12, 2.0e12)];
    let (back, unreadable, _) =
        decode_history(&BANK, &encode_history(&BANK, &list)).expect("reads");
    assert_eq!((back, unreadable), (list, 0));
    let draft = Draft {
        snapshot: s,
        step: 4,
    };
    assert_eq!(decode_draft(&BANK, &encode_draft(&BANK, &draft)), Ok(draft));
}

#[test]
fn bad_input_is_an_error_never_a_panic() {
    fn check(text: &str, expected: SnapshotError) {
        assert_eq!(
            decode_history(&BANK, text).map(|r| r.1),
            Err(expected),
            "{text:?}"
        );
    }
    check("", SnapshotError::NotJson);
    check("not json", SnapshotError::NotJson);
    check(&HISTORY_V1[..HISTORY_V1.len() / 2], SnapshotError::NotJson);
    check("[]", SnapshotError::WrongShape);
    check(
        "{\"format\":\"stagefit-history\"}",
        SnapshotError::WrongShape,
    );
    check(
        "{\"format\":\"stagefit-history\",\"version\":0,\"assessments\":[]}",
        SnapshotError::WrongShape,
    );
    check(
        "{\"format\":\"stagefit-history\",\"version\":2,\"assessments\":[]}",
        SnapshotError::NewerVersion(2),
    );
    check(
        "{\"format\":\"stagefit-history\",\"version\":99999999999,\"assessments\":[]}",
        SnapshotError::NewerVersion(u32::MAX),
    );
    check(
        "{\"format\":\"stagefit-history\",\"version\":1,\"assessments\":{}}",
        SnapshotError::WrongShape,
    );
    assert_eq!(
        decode_snapshot(&BANK, "{\"format\":\"stagefit-snapshot\",\"version\":1}").map(|r| r.0),
        Err(SnapshotError::WrongShape)
    );
    assert_eq!(
        decode_draft(&BANK, SNAPSHOT_V1),
        Err(SnapshotError::WrongShape)
    );
}

#[test]
fn imported_labels_are_cleaned() {
    let text = SNAPSHOT_V1.replace("Platform team, Q3 review", "a\\u0000b\\nc");
    let (s, _) = decode_snapshot(&BANK, &text).expect("reads");
    assert_eq!(s.label, "a b c");
}

#[test]
fn an_import_accepts_a_history_or_a_single_assessment() {
    assert_eq!(
        decode_import(&BANK, HISTORY_V1).map(|r| (r.0.len(), r.1)),
        Ok((2, 1))
    );
    assert_eq!(
        decode_import(&BANK, SNAPSHOT_V1).map(|r| (r.0.len(), r.1)),
        Ok((1, 0))
    );
    assert_eq!(
        decode_import(&BANK, "{}").map(|r| r.1),
        Err(SnapshotError::WrongShape)
    );
}

#[test]
fn merging_adds_new_replaces_older_and_never_overwrites_newer() {
    let mut history = vec![sample("a", 1.0, 10.0), sample("b", 2.0, 20.0)];
    let report = merge(
        &mut history,
        vec![
            sample("a", 1.0, 5.0),
            sample("b", 2.0, 25.0),
            sample("c", 3.0, 3.0),
            sample("a", 1.0, 10.0),
        ],
    );
    assert_eq!(
        report,
        MergeReport {
            added: 1,
            updated: 1,
            skipped: 2
        }
    );
    assert_eq!(
        report.to_string(),
        "1 added, 1 updated to a newer copy, 2 already there and skipped"
    );
    let order: Vec<(&str, f64)> = history.iter().map(|s| (s.id.as_str(), s.updated)).collect();
    assert_eq!(order, [("c", 3.0), ("b", 25.0), ("a", 10.0)]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::fuzz_cases(1000)))]

    #[test]
    fn decoding_arbitrary_text_never_panics(text in ".{0,300}") {
        let _ = decode_history(&BANK, &text);
        let _ = decode_snapshot(&BANK, &text);
        let _ = decode_draft(&BANK, &text);
    }

    #[test]
    fn every_valid_snapshot_round_trips(
        raw in proptest::collection::vec(0_u8..8, BANK.questions.len()),
        label in "[ -~]{0,80}",
        stage in proptest::option::of(0_usize..3),
        created in (0_u64..4_000_000_000_000).prop_map(|ms| ms as f64),
    ) {
        let mut answers = Answers::new(&BANK);
        for (i, r) in raw.into_iter().enumerate() {
            let n = BANK.questions[i].options.len() as u8;
            answers.set(i, match r { 0 => Answer::Unanswered, 1 => Answer::Unknown, c => Answer::Chosen((c - 2) % n) });
        }
        answers.stage_override = stage.map(|i| Stage::ALL[i]);
        let s = Snapshot { id: "x-1".to_string(), label: clean_label(&label), answers, created, updated: created };
        prop_assert_eq!(decode_snapshot(&BANK, &encode_snapshot(&BANK, &s)).map(|r| r.0), Ok(s));
    }
}
