//! Native tests of the saved-data format: fixtures of every released version (kept forever),
//! round trips, bad input, and the merge rules.

use proptest::prelude::*;
use serde_json::Value;

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
    Snapshot::new(
        id.to_string(),
        "Team <b>A</b>".to_string(),
        answers,
        created,
        updated,
    )
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
    assert_eq!(
        dropped,
        Dropped {
            answers: 6,
            damaged: 0
        }
    );
}

#[test]
fn the_released_v1_history_fixture_reads_and_reports_what_it_left_out() {
    let (history, notes) = decode_history(&BANK, HISTORY_V1).expect("v1 history reads");
    let list = history.assessments;
    assert_eq!(list.len(), 2);
    assert_eq!(notes.unreadable, 1, "the entry of another format");
    assert_eq!(notes.newer, 0);
    assert_eq!(
        notes.dropped.answers, 2,
        "the answers to a retired question and to platform.delivery, replaced in bank version 2"
    );
    assert_eq!(list[0].answers.stage_override, Some(Stage::Mature));
}

#[test]
fn the_released_v1_draft_fixture_reads() {
    let (draft, dropped) = decode_draft(&BANK, DRAFT_V1).expect("v1 draft reads");
    assert_eq!(draft.step, 3);
    assert_eq!(dropped, Dropped::default());
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
    let (back, notes) = decode_history(&BANK, &encode_history(&BANK, &list)).expect("reads");
    assert_eq!((back.assessments, notes), (list, ReadNotes::default()));
    let draft = Draft {
        snapshot: s,
        step: 4,
    };
    assert_eq!(
        decode_draft(&BANK, &encode_draft(&BANK, &draft)),
        Ok((draft, Dropped::default()))
    );
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
        SnapshotError::NewerVersion("2".into()),
    );
    check(
        "{\"format\":\"stagefit-history\",\"version\":99999999999,\"assessments\":[]}",
        SnapshotError::NewerVersion("99999999999".into()),
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
    assert_eq!(
        decode_snapshot(
            &BANK,
            &SNAPSHOT_V1.replace("\"version\": 1", "\"version\": 7")
        )
        .map(|r| r.0),
        Err(SnapshotError::NewerVersion("7".into()))
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
        Ok((
            2,
            ReadNotes {
                unreadable: 1,
                newer: 0,
                // platform.delivery was replaced in bank version 2 (issue 13).
                dropped: Dropped {
                    answers: 2,
                    damaged: 0
                }
            }
        ))
    );
    assert_eq!(
        decode_import(&BANK, SNAPSHOT_V1).map(|r| (r.0.len(), r.1)),
        Ok((
            1,
            ReadNotes {
                // Six of its questions were given new ids in bank version 2 (issue 13).
                dropped: Dropped {
                    answers: 6,
                    damaged: 0
                },
                ..ReadNotes::default()
            }
        ))
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
        let s = Snapshot::new("x-1".to_string(), clean_label(&label), answers, created, created);
        prop_assert_eq!(decode_snapshot(&BANK, &encode_snapshot(&BANK, &s)).map(|r| r.0), Ok(s));
    }

    #[test]
    fn every_history_with_fields_of_a_newer_build_round_trips(
        key in "x_[a-z]{1,8}",
        text in ".{0,40}",
        number in 0_u64..u64::MAX,
    ) {
        let mut entry: Value = serde_json::from_str(&encode_snapshot(&BANK, &sample("x-1", 1.0, 2.0)))
            .expect("writes JSON");
        entry[key.as_str()] = Value::from(text);
        let mut stored = serde_json::json!({"format": HISTORY, "version": 1, "assessments": [entry]});
        stored[key.as_str()] = Value::from(number);
        let (history, notes) = decode_history(&BANK, &stored.to_string()).expect("reads");
        prop_assert_eq!(notes, ReadNotes::default());
        let written = encode_history_keeping(&BANK, &history.assessments, &history.kept);
        prop_assert_eq!(&written, &stored.to_string());
        let (back, _) = decode_history(&BANK, &written).expect("reads");
        prop_assert_eq!(back, history);
    }
}

/// Issue 12: the move to serde must not change a byte of what is written, so that older builds
/// (with the hand-written JSON writer) and this one read each other's data. These are the old
/// writer's exact outputs for the same values.
#[test]
fn issue_12_the_written_json_is_what_the_old_writer_wrote() {
    fn check(actual: String, expected: &str) {
        assert_eq!(actual, expected);
    }
    let s = sample("a-1", 1.0e12, 1.0e12 + 5.0);
    // Since bank version 4 (issue 29) the bank number written is 4; the bytes are otherwise
    // the old writer's.
    let entry = "{\"format\":\"stagefit-snapshot\",\"version\":1,\"bank\":4,\"id\":\"a-1\",\"label\":\"Team <b>A</b>\",\"created\":1000000000000,\"updated\":1000000000005,\"stage\":\"mature\",\"answers\":{\"company.engineers\":1,\"company.product_fit\":\"unknown\"}}";
    check(
        encode_snapshot(&BANK, &s),
        "{\n  \"format\": \"stagefit-snapshot\",\n  \"version\": 1,\n  \"bank\": 4,\n  \"id\": \"a-1\",\n  \"label\": \"Team <b>A</b>\",\n  \"created\": 1000000000000,\n  \"updated\": 1000000000005,\n  \"stage\": \"mature\",\n  \"answers\": {\n    \"company.engineers\": 1,\n    \"company.product_fit\": \"unknown\"\n  }\n}",
    );
    check(
        encode_history(&BANK, std::slice::from_ref(&s)),
        &format!("{{\"format\":\"stagefit-history\",\"version\":1,\"assessments\":[{entry}]}}"),
    );
    check(
        encode_history(&BANK, &[]),
        "{\"format\":\"stagefit-history\",\"version\":1,\"assessments\":[]}",
    );
    check(
        encode_draft(
            &BANK,
            &Draft {
                snapshot: s,
                step: 4,
            },
        ),
        &format!("{{\"format\":\"stagefit-draft\",\"version\":1,\"step\":4,\"snapshot\":{entry}}}"),
    );
    let mut odd = sample("b", 1.4, f64::NAN);
    odd.answers = Answers::new(&BANK);
    odd.label = String::new();
    check(
        encode_history(&BANK, &[odd]),
        "{\"format\":\"stagefit-history\",\"version\":1,\"assessments\":[{\"format\":\"stagefit-snapshot\",\"version\":1,\"bank\":4,\"id\":\"b\",\"label\":\"\",\"created\":1,\"updated\":null,\"stage\":null,\"answers\":{}}]}",
    );
}

const EXTRA_FIELDS: &str = include_str!("../../../tests/fixtures/history-v1-extra-fields.json");

/// Issue 12: fields a newer build added, to an assessment or to the history, are written back
/// unchanged when this build rewrites the history, even after the assessment was saved again.
#[test]
fn issue_12_fields_of_a_newer_build_survive_a_rewrite() {
    let (history, notes) = decode_history(&BANK, EXTRA_FIELDS).expect("reads");
    // Bank version 2 (issue 13) replaced platform.delivery: that answer is dropped and counted,
    // and the rewrite is of bank 2; every other byte is the fixture's.
    assert_eq!(
        notes,
        ReadNotes {
            dropped: Dropped {
                answers: 1,
                damaged: 0
            },
            ..ReadNotes::default()
        }
    );
    assert_eq!(history.assessments.len(), 2);
    let rewritten = encode_history_keeping(&BANK, &history.assessments, &history.kept);
    let expected = EXTRA_FIELDS
        .trim_end()
        .replace("\"bank\":1", "\"bank\":4")
        .replace(",\"platform.delivery\":3", "");
    assert_eq!(rewritten, expected, "byte for byte");

    // The UI saves an assessment as a fresh `Snapshot`; its fields are kept by id.
    let mut list = history.assessments.clone();
    let mut edited = list[0].clone();
    edited.label = "Q3, revised".to_string();
    edited.updated += 1000.0;
    merge(&mut list, vec![edited]);
    let value: Value = serde_json::from_str(&encode_history_keeping(&BANK, &list, &history.kept))
        .expect("writes JSON");
    let fixture: Value = serde_json::from_str(EXTRA_FIELDS).expect("fixture is JSON");
    assert_eq!(value["sync"], fixture["sync"]);
    assert_eq!(value["assessments"][0]["label"], "Q3, revised");
    for field in ["notes", "tags", "reviewed"] {
        assert_eq!(
            value["assessments"][0][field], fixture["assessments"][0][field],
            "{field}"
        );
    }
    assert!(!encode_history(&BANK, &list).contains("reviewed"));
}

/// A history holding one entry written by a newer build: `bank` for a newer question bank,
/// `version` for a newer snapshot format.
fn newer_history(bank: u32, version: u32) -> (String, Value) {
    let entry = format!(
        "{{\"format\":\"stagefit-snapshot\",\"version\":{version},\"bank\":{bank},\"id\":\"from-a-newer-build\",\"label\":\"Next\",\"created\":1800000000000,\"updated\":1800000000000,\"stage\":null,\"answers\":{{\"company.engineers\":3,\"company.a_later_question\":1}},\"confidence\":\"high\"}}"
    );
    let value = serde_json::from_str(&entry).expect("the entry is JSON");
    let text =
        format!("{{\"format\":\"stagefit-history\",\"version\":1,\"assessments\":[{entry}]}}");
    (text, value)
}

/// Issue 12: nothing saved is lost to a newer bank or format. An entry this build cannot read
/// without loss is kept whole when it adds an assessment, and is told as "newer", not unreadable.
#[test]
fn issue_12_an_entry_of_a_newer_build_survives_this_build_saving_another() {
    fn check(bank: u32, version: u32) {
        let (stored, entry) = newer_history(bank, version);
        let (mut history, notes) = decode_history(&BANK, &stored).expect("reads");
        assert_eq!(
            notes,
            ReadNotes {
                newer: 1,
                ..ReadNotes::default()
            }
        );
        assert!(history.assessments.is_empty());
        assert_eq!(history.kept.newer(), 1);
        merge(
            &mut history.assessments,
            vec![sample("new-1", 1.0e12, 1.0e12)],
        );
        let rewritten = encode_history_keeping(&BANK, &history.assessments, &history.kept);
        let value: Value = serde_json::from_str(&rewritten).expect("writes JSON");
        assert_eq!(value["assessments"].as_array().map(Vec::len), Some(2));
        assert_eq!(value["assessments"][1], entry, "kept whole");
        let (again, notes) = decode_history(&BANK, &rewritten).expect("reads");
        assert_eq!((again.assessments.len(), notes.newer), (1, 1));
    }
    check(BANK.version + 1, FORMAT_VERSION);
    check(BANK.version, FORMAT_VERSION + 1);
    check(BANK.version + 1, FORMAT_VERSION + 1);
}

/// Issue 12: a single assessment or a draft of a newer bank is an error that says so, so the
/// store keeps the stored value aside instead of writing over it.
#[test]
fn issue_12_a_snapshot_or_draft_of_a_newer_bank_is_an_error() {
    let newer = BANK.version + 1;
    // The fixtures were written with bank version 1.
    let snapshot = SNAPSHOT_V1.replace("\"bank\": 1", &format!("\"bank\": {newer}"));
    let draft = DRAFT_V1.replace("\"bank\":1", &format!("\"bank\":{newer}"));
    assert_ne!(snapshot, SNAPSHOT_V1);
    assert_ne!(draft, DRAFT_V1);
    let expected = SnapshotError::NewerBank(newer.to_string());
    assert_eq!(
        decode_snapshot(&BANK, &snapshot).map(|r| r.0),
        Err(expected.clone())
    );
    assert_eq!(
        decode_import(&BANK, &snapshot).map(|r| r.0),
        Err(expected.clone())
    );
    assert_eq!(
        decode_draft(&BANK, &draft).map(|r| r.0),
        Err(expected.clone())
    );
    assert!(expected.is_newer() && !SnapshotError::WrongShape.is_newer());
    // Data, not words: the app says it in the reader's language, with the bank version.
    assert_eq!(expected, SnapshotError::NewerBank(newer.to_string()));
}

#[test]
fn answers_that_no_longer_fit_are_counted_when_reading_a_draft() {
    let text = DRAFT_V1.replace(
        "\"company.engineers\":1",
        "\"company.engineers\":99,\"company.gone\":1",
    );
    // A place the question does not offer is no answer at all (issue 30); a question this bank
    // does not have is an older questionnaire's.
    assert_eq!(
        decode_draft(&BANK, &text).map(|r| r.1),
        Ok(Dropped {
            answers: 1,
            damaged: 1
        })
    );
}

/// Issue 18: the format-1 history fixture splits into one entry per assessment, each exactly as
/// stored, and says that the split leaves out the one entry it cannot read.
#[test]
fn issue_18_a_format_1_history_splits_into_one_entry_per_assessment_without_loss() {
    let migrated = split_history(&BANK, HISTORY_V1).expect("the v1 fixture splits");
    let ids: Vec<&str> = migrated.entries.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["18f3a2b4c00-7a1e", "18f0000000-0001"]);
    assert_eq!(migrated.notes.unreadable, 1);
    assert!(
        !migrated.lossless,
        "the unreadable entry means the whole history is kept aside"
    );
    let fixture: Value = serde_json::from_str(HISTORY_V1).expect("fixture is JSON");
    for (n, (_, text)) in migrated.entries.iter().enumerate() {
        let entry: Value = serde_json::from_str(text).expect("an entry is JSON");
        assert_eq!(
            entry, fixture["assessments"][n],
            "entry {n} as it was stored"
        );
    }
    // Fields a newer build added and entries of a newer build are kept too.
    let extra = split_history(&BANK, EXTRA_FIELDS).expect("splits");
    assert!(
        !extra.lossless,
        "the history's own fields are kept aside with the whole value"
    );
    assert!(extra.entries[0].1.contains("\"reviewed\""));
    let (text, newer) = newer_history(9, 1);
    let split = split_history(&BANK, &text).expect("splits");
    assert_eq!(split.notes.newer, 1);
    assert!(split.lossless);
    let entry: Value = serde_json::from_str(&split.entries[0].1).expect("JSON");
    assert_eq!(entry, newer);
    assert_eq!(split.entries[0].0, "from-a-newer-build");
}

/// Issue 18: two assessments with the same id are two rows: the second is given its own id,
/// in a stored history, in its split and in an import.
#[test]
fn issue_18_duplicate_ids_are_made_unique_on_reading() {
    let entry = encode_snapshot(&BANK, &sample("same", 1.0e12, 1.0e12));
    let text = format!(
        "{{\"format\":\"stagefit-history\",\"version\":1,\"assessments\":[{entry},{entry},{entry}]}}"
    );
    let (history, _) = decode_history(&BANK, &text).expect("reads");
    let ids: Vec<&str> = history.assessments.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["same", "same-2", "same-3"]);
    let split = split_history(&BANK, &text).expect("splits");
    let ids: Vec<&str> = split.entries.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["same", "same-2", "same-3"]);
    let second = decode_snapshot(&BANK, &split.entries[1].1)
        .expect("reads")
        .0;
    assert_eq!(second.id, "same-2");
    let mut list = vec![sample(&"x".repeat(64), 1.0, 1.0); 2];
    unique_ids(&mut list);
    assert_eq!(list[1].id.len(), 64);
    assert_ne!(list[0].id, list[1].id);
}

/// Issue 18: a time a JSON number cannot hold exactly is refused like any malformed field, so it
/// is never read and then written back as null.
#[test]
fn issue_18_times_beyond_what_json_numbers_hold_are_refused() {
    for time in ["9007199254740992", "1e300", "-9007199254740993"] {
        let text = encode_snapshot(&BANK, &sample("t", 1.0e12, 1.0e12)).replace(
            "\"created\": 1000000000000",
            &format!("\"created\": {time}"),
        );
        assert!(text.contains(time), "{text}");
        assert_eq!(
            decode_snapshot(&BANK, &text).map(|r| r.0),
            Err(SnapshotError::WrongShape),
            "{time}"
        );
    }
    let largest = encode_snapshot(&BANK, &sample("t", 9_007_199_254_740_991.0, 1.0e12));
    assert!(decode_snapshot(&BANK, &largest).is_ok());
}

/// Issue 18: what this build cannot represent in an entry of its own question bank (an option
/// out of range, a question it does not have, a field it does not know) is written back as it
/// was when the entry is saved again, say after a rename.
#[test]
fn issue_18_an_entry_is_saved_again_with_what_this_build_cannot_represent() {
    let mut value: Value =
        serde_json::from_str(&encode_snapshot(&BANK, &sample("k", 1.0e12, 1.0e12))).expect("JSON");
    value["answers"]["company.engineers"] = Value::from(200);
    value["answers"]["company.from_the_future"] = Value::from(1);
    value["reviewed"] = Value::from(true);
    let original = value.to_string();
    let (mut snapshot, dropped) = decode_snapshot(&BANK, &original).expect("reads");
    assert_eq!((dropped.answers, dropped.damaged), (1, 1));
    snapshot.label = "Renamed".to_string();
    let written: Value =
        serde_json::from_str(&encode_entry(&BANK, &snapshot, Some(&original))).expect("JSON");
    assert_eq!(written["label"], "Renamed");
    assert_eq!(written["answers"]["company.engineers"], 200);
    assert_eq!(written["answers"]["company.from_the_future"], 1);
    assert_eq!(written["reviewed"], true);
    // Answering the question again replaces what could not be shown.
    snapshot
        .answers
        .set(index("company.engineers"), Answer::Chosen(1));
    let written: Value =
        serde_json::from_str(&encode_entry(&BANK, &snapshot, Some(&original))).expect("JSON");
    assert_eq!(written["answers"]["company.engineers"], 1);
}

/// Issue 18: an import is read an entry at a time; a history, a single assessment and the
/// errors of a file that is neither.
#[test]
fn issue_18_an_import_is_read_an_entry_at_a_time() {
    let entries = import_entries(&BANK, HISTORY_V1).expect("a history");
    assert_eq!(entries.len(), 3);
    let mut notes = ReadNotes::default();
    let read: Vec<Snapshot> = entries
        .iter()
        .filter_map(|e| decode_import_entry(&BANK, e, &mut notes))
        .collect();
    assert_eq!(read.len(), 2);
    assert_eq!(notes.unreadable, 1);
    assert_eq!(import_entries(&BANK, SNAPSHOT_V1).map(|e| e.len()), Ok(1));
    let error = |text: &str| import_entries(&BANK, text).map(|e| e.len()).err();
    assert_eq!(error("nope"), Some(SnapshotError::NotJson));
    assert_eq!(error("[1]"), Some(SnapshotError::WrongShape));
    assert_eq!(
        error("{\"format\":\"stagefit-history\",\"version\":7,\"assessments\":[]}"),
        Some(SnapshotError::NewerVersion("7".into()))
    );
}

/// Issue 18: a saved draft's step past the last step resumes on the last one.
#[test]
fn issue_18_a_draft_step_past_the_last_is_clamped() {
    let draft = DRAFT_V1.replace("\"step\":3", "\"step\":4294967295");
    assert_ne!(draft, DRAFT_V1);
    let (read, _) = decode_draft(&BANK, &draft).expect("reads");
    assert_eq!(read.step, crate::steps(&BANK).len() - 1);
}

#[test]
fn a_fingerprint_names_content() {
    assert_eq!(fingerprint("abc"), fingerprint("abc"));
    assert_ne!(fingerprint("abc"), fingerprint("abd"));
}

/// Issue 30, 7: a duplicate id is never given an id that is stored, or that the same file names
/// for another entry.
#[test]
fn a_duplicate_id_never_takes_a_stored_one_or_one_the_file_names() {
    // Importing two `imp` while an unrelated `imp-2` is stored.
    let mut list = vec![sample("imp", 1.0, 1.0), sample("imp", 2.0, 2.0)];
    let stored: HashSet<String> = ["imp".to_string(), "imp-2".to_string()].into();
    unique_ids_among(&mut list, &stored);
    assert_eq!(list[0].id, "imp");
    assert_eq!(list[1].id, "imp-3");
    // A format-1 history holding `dup` twice while `dup-2` is already stored on its own key.
    let history = encode_history(&BANK, &[sample("dup", 1.0, 1.0), sample("dup", 2.0, 2.0)]);
    let stored: HashSet<String> = ["dup-2".to_string()].into();
    let split = split_history_among(&BANK, &history, &stored).unwrap();
    let ids: Vec<&str> = split.entries.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["dup", "dup-3"]);
    // Within one file: `dup`, `dup`, `dup-2` keeps the named `dup-2` for its own entry.
    let history = encode_history(
        &BANK,
        &[
            sample("dup", 1.0, 1.0),
            sample("dup", 2.0, 2.0),
            sample("dup-2", 3.0, 3.0),
        ],
    );
    let (read, _) = decode_history(&BANK, &history).unwrap();
    let ids: Vec<&str> = read.assessments.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["dup", "dup-3", "dup-2"]);
}

/// A snapshot of this bank as JSON, with `change` made to it.
fn this_bank_snapshot(change: impl FnOnce(&mut Value)) -> String {
    let mut value: Value =
        serde_json::from_str(&encode_snapshot(&BANK, &sample("s", 1.0e12, 1.0e12))).expect("JSON");
    change(&mut value);
    value.to_string()
}

/// Issue 30: an answer that is no answer at all (`1.5`, `-1`, `true`, a word, a place its
/// question does not offer) is counted as damaged, not as an older questionnaire's; an answer to
/// a question this bank does not have still is.
#[test]
fn issue_30_answers_that_are_no_answer_are_damaged_not_older() {
    let first = BANK.questions[0].id;
    let check = |value: &str, expected: (usize, usize)| {
        let answer: Value = serde_json::from_str(value).expect("JSON");
        let text = this_bank_snapshot(|v| v["answers"][first] = answer);
        let (_, dropped) = decode_snapshot(&BANK, &text).expect("the rest reads");
        assert_eq!((dropped.answers, dropped.damaged), expected, "{value}");
    };
    check("1", (0, 0));
    check("1.0", (0, 0));
    check("\"unknown\"", (0, 0));
    for damaged in [
        "1.5",
        "-1",
        "true",
        "false",
        "null",
        "\"2\"",
        "\"Unknown\"",
        "[1]",
        "{}",
        "99",
        "300",
        "1e300",
    ] {
        check(damaged, (0, 1));
    }
    // A question this bank does not have: an older questionnaire's, unless the value is no
    // answer at all.
    let older = this_bank_snapshot(|v| {
        v["answers"]["company.gone"] = Value::from(3);
        v["answers"]["company.also_gone"] = Value::from(-1);
    });
    let (_, dropped) = decode_snapshot(&BANK, &older).expect("reads");
    assert_eq!((dropped.answers, dropped.damaged), (1, 1));
}

/// Issue 30: a version is told as the data writes it, never cut to what 32 bits hold.
#[test]
fn issue_30_versions_are_told_as_written() {
    for (version, told) in [
        ("2", "2"),
        ("99999999999", "99999999999"),
        ("18446744073709551615", "18446744073709551615"),
        ("1e30", "1e+30"),
    ] {
        let history =
            format!("{{\"format\":\"stagefit-history\",\"version\":{version},\"assessments\":[]}}");
        assert_eq!(
            decode_history(&BANK, &history).map(|r| r.1),
            Err(SnapshotError::NewerVersion(told.to_string())),
            "{version}"
        );
        let number: Value = serde_json::from_str(version).expect("JSON");
        let text = this_bank_snapshot(|v| v["bank"] = number);
        let expected = if version == "2" {
            Ok(())
        } else {
            Err(SnapshotError::NewerBank(told.to_string()))
        };
        assert_eq!(
            decode_snapshot(&BANK, &text).map(|_| ()),
            expected,
            "bank {version}"
        );
    }
}

/// Issue 29: answers saved with bank versions 1 and 2 to the three questions version 3 added
/// options to go where `link_layouts.txt` says they moved; nothing else moves.
#[test]
fn issue_29_saved_answers_to_questions_with_added_options_keep_their_meaning() {
    fn check(id: &str, answer: Value, expected: Option<(&str, Answer)>) {
        let got = place(&BANK, id, &answer);
        assert_eq!(
            got,
            expected.map(|(to, a)| (index(to), a)),
            "{id}: {answer}"
        );
    }
    check(
        "company.growth",
        Value::from(2),
        Some(("company.hiring", Answer::Chosen(3))),
    );
    check(
        "company.growth",
        Value::from(1),
        Some(("company.hiring", Answer::Chosen(1))),
    );
    check(
        "company.growth",
        Value::from("unknown"),
        Some(("company.hiring", Answer::Unknown)),
    );
    check(
        "platform.deploy",
        Value::from(2),
        Some(("platform.path_to_production", Answer::Chosen(5))),
    );
    check(
        "strategy.focus",
        Value::from(7),
        Some(("strategy.focus", Answer::Chosen(7))),
    );
    // A place the old question never offered, and a question that did not move.
    check("company.growth", Value::from(4), None);
    check("company.pain", Value::from(1), None);
}

/// Issue 29: several answers at once are stored as a list of places and read back; a list its
/// question does not accept is damaged data, left out and counted.
#[test]
fn several_answers_are_stored_as_a_list_and_odd_lists_are_damaged() {
    let pains = BANK
        .questions
        .iter()
        .position(|q| q.id == "company.pains")
        .unwrap();
    let mut s = sample("m", 1.0e12, 1.0e12);
    s.answers.set(pains, Answer::Several(0b1_0010));
    let text = encode_snapshot(&BANK, &s);
    assert!(
        text.contains("\"company.pains\": [\n      1,\n      4\n    ]"),
        "{text}"
    );
    let (back, dropped) = decode_snapshot(&BANK, &text).expect("reads");
    assert_eq!((back, dropped), (s.clone(), Dropped::default()));
    for odd in [
        "[1, 4, 5]",
        "[1, 1]",
        "[7, 1]",
        "[1]",
        "[]",
        "[1.5, 2]",
        "[20, 1]",
    ] {
        let text = encode_snapshot(&BANK, &s).replace("[\n      1,\n      4\n    ]", odd);
        let (read, dropped) = decode_snapshot(&BANK, &text).expect("reads");
        assert_eq!(read.answers.get(pains), Answer::Unanswered, "{odd}");
        assert_eq!((dropped.answers, dropped.damaged), (0, 1), "{odd}");
    }
    // A single answer to a question of a bank that took one, moved to several: that one picked.
    let one = encode_snapshot(&BANK, &sample("o", 1.0e12, 1.0e12))
        .replace("\"bank\": 4", "\"bank\": 3")
        .replace("\"company.engineers\": 1", "\"company.biggest_pain\": 3");
    let (read, dropped) = decode_snapshot(&BANK, &one).expect("reads");
    assert_eq!(
        read.answers.get(pains),
        Answer::Chosen(5),
        "cost and old systems moved to 5"
    );
    assert_eq!(dropped, Dropped::default());
}
