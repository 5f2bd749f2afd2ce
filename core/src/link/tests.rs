//! Native tests of share links: size, round trips, fixtures of released links, bad links, and
//! properties over random input.

use proptest::prelude::*;

use super::*;
use crate::{BANK, Part};

/// The 64 characters of base64url, from RFC 4648, section 5.
const BASE64_ALPHABET: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Real links made with bank version 1 (their payloads), kept forever.
const FIXTURES_V1: &str = include_str!("../../../tests/fixtures/links-v1.txt");
/// Links made with bank version 2, kept forever from now on.
const FIXTURES_V2: &str = include_str!("../../../tests/fixtures/links-v2.txt");
const FIXTURES_V3: &str = include_str!("../../../tests/fixtures/links-v3.txt");
/// Links of link format 2 (issue 18), kept forever from now on.
const FIXTURES_FORMAT_2: &str = include_str!("../../../tests/fixtures/links-format2.txt");

/// The fixture lines of a file: (expected 'answered:label', payload).
fn fixture_lines(file: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    file.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|line| match line.rsplit_once(' ') {
            Some(pair) => pair,
            None => panic!("fixture lines are 'summary payload': {line}"),
        })
}

fn full(label: &str) -> (Answers, String) {
    full_in(&BANK, label)
}

/// Every question of `bank` answered (every fifth "Don't know"), the stage chosen.
fn full_in(bank: &Bank, label: &str) -> (Answers, String) {
    let mut answers = Answers::new(bank);
    for (i, q) in bank.questions.iter().enumerate() {
        answers.set(
            i,
            if i % 5 == 4 {
                Answer::Unknown
            } else {
                Answer::Chosen((i % q.options.len()) as u8)
            },
        );
    }
    answers.stage_override = Some(Stage::Growth);
    (answers, label.to_string())
}

#[test]
fn a_full_assessment_fits_in_a_short_link_near_the_minimum() {
    let (answers, _) = full("");
    let payload = encode(&BANK, &answers, "");
    let min_chars = minimum_bits(&BANK) / 6.0;
    assert!(f64::from(answer_bits(&BANK)) <= 1.25 * minimum_bits(&BANK));
    // Header, override, label length and check (CRC-16 and CRC-8) add 47 bits and the padding
    // of a byte: about 9 characters.
    assert!(
        (payload.len() as f64) <= 1.25 * min_chars + 10.0,
        "{} chars for a minimum of {min_chars:.1}",
        payload.len()
    );
    println!("link payload: {} characters without a label", payload.len());
}

#[test]
fn links_round_trip_with_label_and_override() {
    let (answers, label) = full("Platform team, Q3 <script>");
    let payload = encode(&BANK, &answers, &label);
    let (shared, notes) = decode(&BANK, &payload).expect("decodes");
    assert_eq!(shared, Shared { answers, label });
    assert_eq!(
        notes,
        LinkNotes {
            bank_version: BANK.version,
            dropped: 0,
            added: 0
        }
    );
}

#[test]
fn released_v1_links_still_open() {
    let mut n = 0;
    for line in FIXTURES_V1
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let (expect, payload) = line
            .rsplit_once(' ')
            .expect("fixture lines are 'summary payload'");
        let (shared, notes) = decode(&BANK, payload).unwrap_or_else(|e| panic!("{payload}: {e:?}"));
        assert_eq!(notes.bank_version, 1);
        // Since bank version 2, answers to questions whose meaning changed are dropped and
        // counted: together with those carried over, they are every answer the link held.
        let given = shared.answers.iter().filter(|a| a.is_given()).count();
        assert_eq!(
            format!("{}:{}", given + notes.dropped, shared.label),
            expect,
            "{payload}"
        );
        assert_eq!(notes.added, 6, "questions new in version 2");
        n += 1;
    }
    assert!(n >= 3);
}

#[test]
fn released_v2_links_open_with_every_answer() {
    let mut n = 0;
    for line in FIXTURES_V2
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let Some((expect, payload)) = line.rsplit_once(' ') else {
            panic!("fixture lines are 'summary payload'")
        };
        let (shared, notes) = decode(&BANK, payload).unwrap_or_else(|e| panic!("{payload}: {e:?}"));
        assert_eq!(notes.bank_version, 2);
        let given = shared.answers.iter().filter(|a| a.is_given()).count();
        assert_eq!(format!("{given}:{}", shared.label), expect, "{payload}");
        assert_eq!((notes.dropped, notes.added), (0, 0));
        n += 1;
    }
    assert!(n >= 3);
}

/// A bank with version 1's questions, as `link_layouts.txt` froze them (ids and option
/// An option with no words, value 0 and no effects: what a test bank needs when only the number
/// of options matters.
const BLANK_CHOICE: crate::Choice = crate::Choice {
    value: 0,
    note: false,
    shifts: &[],
    neutral: false,
    fit: crate::Fit::Band,
    counts: &[],
    people: None,
    cost_pressure: false,
    cost_cutting: false,
    replatform: false,
    alone: false,
};

/// counts; the words do not matter to a link).
fn bank_v1() -> Bank {
    bank_of(1)
}

/// A bank with the questions of released version `version`, as `link_layouts.txt` froze them:
/// what a build of that version wrote links with (format 1 was written up to version 2).
fn bank_of(version: u32) -> Bank {
    use crate::{Choice, Question};
    let options: Vec<Choice> = (0..16).map(|_| BLANK_CHOICE).collect();
    let options: &'static [Choice] = Box::leak(options.into_boxed_slice());
    let questions: Vec<Question> = layout(version)
        .into_iter()
        .map(|(id, n, most)| Question {
            id,
            part: Part::Company,
            dimension: None,
            share_of: None,
            most: most as u8,
            options: &options[..n],
        })
        .collect();
    Bank {
        version,
        dimensions: BANK.dimensions,
        questions: Box::leak(questions.into_boxed_slice()),
    }
}

#[test]
fn version_1_answers_map_to_the_current_bank_exactly_where_the_meaning_is_unchanged() {
    let v1 = bank_v1();
    let kept: Vec<&str> = layout(1)
        .into_iter()
        .filter(|item| layout(BANK.version).contains(item))
        .map(|(id, _, _)| id)
        .collect();
    // 21 kept their meaning in version 2; version 3 added options to growth and the goal,
    // whose answers move to their new places.
    assert_eq!(kept.len(), 19, "{kept:?}");
    let hiring = BANK.questions.iter().position(|q| q.id == "company.hiring");
    let focus = BANK.questions.iter().position(|q| q.id == "strategy.focus");
    for line in FIXTURES_V1
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let Some((_, payload)) = line.rsplit_once(' ') else {
            panic!("fixture lines are 'summary payload'")
        };
        let (old, _) = decode(&v1, payload).expect("a v1 link reads with the v1 layout");
        let (new, notes) = decode(&BANK, payload).expect("and with the current bank");
        let mut dropped = 0;
        for (i, q) in v1.questions.iter().enumerate() {
            let answer = old.answers.get(i);
            match (q.id, BANK.questions.iter().position(|n| n.id == q.id)) {
                (id, Some(j)) if kept.contains(&id) => {
                    assert_eq!(new.answers.get(j), answer, "{}", q.id)
                }
                ("company.growth", _) => {
                    let moved = match answer {
                        Answer::Chosen(c) => Answer::Chosen([0, 1, 3, 4][usize::from(c)]),
                        other => other,
                    };
                    assert_eq!(new.answers.get(hiring.unwrap_or(0)), moved);
                }
                ("strategy.focus", _) => assert_eq!(new.answers.get(focus.unwrap_or(0)), answer),
                _ => dropped += usize::from(answer.is_given()),
            }
        }
        assert_eq!(notes.dropped, dropped, "{payload}");
        assert_eq!(new.answers.stage_override, old.answers.stage_override);
        assert_eq!(new.label, old.label);
    }
}

/// Where each option of version 2's company questions pointed on the stage scale (frozen from
/// that bank), to check that reading a version-2 link with this bank keeps its stage.
const V2_COMPANY_VALUES: [(&str, &[Option<u8>]); 7] = [
    (
        "company.engineers",
        &[Some(0), Some(1), Some(2), Some(3), Some(4)],
    ),
    ("company.product_fit", &[Some(0), Some(1), Some(2), Some(4)]),
    ("company.growth", &[Some(0), Some(2), Some(3), Some(4)]),
    (
        "company.teams",
        &[Some(0), Some(1), Some(2), Some(3), Some(4)],
    ),
    (
        "company.legacy",
        &[Some(0), Some(1), Some(2), Some(3), Some(4)],
    ),
    ("company.budget", &[Some(0), Some(2), Some(3), Some(4)]),
    (
        "company.biggest_pain",
        &[Some(0), Some(1), Some(2), Some(4), None],
    ),
];

/// Issue 29: every released version-2 link (and format-2 link) opens with this bank with the
/// stage it had: its company answers map to options that point where they pointed.
#[test]
fn issue_29_released_version_2_links_keep_their_stage() {
    let v2 = bank_of(2);
    let mut n = 0;
    for (_, payload) in fixture_lines(FIXTURES_V2).chain(fixture_lines(FIXTURES_FORMAT_2)) {
        let (old, _) = decode(&v2, payload).expect("a v2 link reads with the v2 layout");
        let (new, notes) = decode(&BANK, payload).expect("and with the current bank");
        assert_eq!(notes.dropped, 0, "{payload}");
        let then: Vec<u8> = V2_COMPANY_VALUES
            .iter()
            .filter_map(|(id, values)| {
                let i = v2.questions.iter().position(|q| q.id == *id)?;
                match old.answers.get(i) {
                    Answer::Chosen(c) => values[usize::from(c)],
                    _ => None,
                }
            })
            .collect();
        let now: Vec<u8> = crate::assess(&BANK, &new.answers)
            .stage
            .evidence
            .iter()
            .map(|e| e.value as u8)
            .collect();
        assert_eq!(now, then, "{payload}");
        let mean = |v: &[u8]| v.iter().map(|&x| f32::from(x)).sum::<f32>() / v.len().max(1) as f32;
        if !then.is_empty() {
            assert_eq!(
                crate::assess(&BANK, &new.answers).stage.inferred,
                Stage::at(mean(&then)),
                "{payload}"
            );
        }
        n += 1;
    }
    assert!(n >= 6);
}

/// Issue 29: every link the released version-3 build made opens with this bank with nothing
/// dropped, every answer kept (a single pain or piece of work under way becomes that one option
/// picked), and the stage that build read.
#[test]
fn version_3_links_open_with_every_answer_and_the_stage_they_had() {
    let v3 = bank_of(3);
    let mut n = 0;
    for line in FIXTURES_V3
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let (summary, payload) = line.rsplit_once(' ').expect("'summary payload'");
        let mut fields = summary.splitn(4, ':');
        let answered: usize = fields
            .next()
            .and_then(|a| a.parse().ok())
            .expect("answered");
        let stage = fields.next().expect("stage");
        let shown = fields.next().expect("shown");
        let label = fields.next().expect("label");
        let (old, _) = decode(&v3, payload).expect("a v3 link reads with the v3 layout");
        let (new, notes) = decode(&BANK, payload).expect("and with the current bank");
        assert_eq!(
            (notes.bank_version, notes.dropped, notes.added),
            (3, 0, 0),
            "{line}"
        );
        assert_eq!(
            new.answers.iter().filter(|a| a.is_given()).count(),
            answered
        );
        assert_eq!(new.label, label);
        assert_eq!(new.answers.stage_override, old.answers.stage_override);
        let read = crate::assess(&BANK, &new.answers).stage;
        if shown != "-" {
            assert_eq!(read.stage.id(), shown, "{line}");
        }
        let now = if read.position.is_some() {
            read.inferred.id()
        } else {
            "-"
        };
        assert_eq!(now, stage, "{line}");
        n += 1;
    }
    assert!(n >= 10);
}

/// Issue 27 and 29: the answers of bank versions 2 and 3 all map to version 4 (options were
/// added, several answers allowed, nothing taken away), so their drafts can be offered for
/// resuming before the app runs; version 1's questions were replaced, so its drafts wait.
#[test]
fn the_banks_read_whole_are_those_whose_every_answer_maps_across() {
    assert_eq!(banks_read_whole(&BANK), [2, 3, 4]);
}

#[test]
fn the_frozen_layout_of_the_current_bank_matches_the_bank() {
    let frozen = layout(BANK.version);
    let current: Vec<(&str, usize, usize)> = BANK
        .questions
        .iter()
        .map(|q| (q.id, q.options.len(), usize::from(q.most)))
        .collect();
    assert_eq!(
        frozen, current,
        "bank changed: bump its version and add its layout to link_layouts.txt"
    );
}

#[test]
fn bad_links_give_clear_errors() {
    let (answers, _) = full("x");
    let good = encode(&BANK, &answers, "x");
    let mut altered = good.clone().into_bytes();
    altered[6] = if altered[6] == b'A' { b'B' } else { b'A' };
    let altered = String::from_utf8(altered).unwrap_or_default();
    let newer = {
        let mut bits = Bits {
            bytes: Vec::new(),
            len: 0,
        };
        bits.push(LINK_FORMAT + 1, 4);
        bits.push(0, 20);
        let sum = check(LINK_FORMAT, &bits.bytes);
        bits.bytes.extend_from_slice(&sum);
        BASE64.encode(&bits.bytes)
    };
    for (payload, expected) in [
        ("", LinkError::Empty),
        (&"A".repeat(MAX_PAYLOAD + 1)[..], LinkError::TooLong),
        ("abc$def", LinkError::NotBase64),
        ("a b", LinkError::NotBase64),
        ("%3Cscript%3E", LinkError::NotBase64),
        ("QQ==", LinkError::NotBase64),
        ("QUI=", LinkError::NotBase64),
        ("QUJD\u{e9}", LinkError::NotBase64),
        ("QUJDR", LinkError::Truncated),
        (&good[..good.len() / 2], LinkError::Truncated),
        (&good[..1], LinkError::Truncated),
        (&altered[..], LinkError::Altered),
        ("Zm9vYmFyYmF6cXV4", LinkError::Altered),
        (&newer[..], LinkError::Newer),
    ] {
        assert_eq!(
            decode(&BANK, payload).map(|_| ()),
            Err(expected),
            "{payload:?}"
        );
    }
}

#[test]
fn hostile_labels_come_back_as_plain_cleaned_text() {
    let (answers, _) = full("");
    for (raw, clean) in [
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),
        ("javascript:alert(1)", "javascript:alert(1)"),
        ("a\u{0}\u{1b}[31mb\nc", "a [31mb c"),
    ] {
        let (shared, _) = decode(&BANK, &encode(&BANK, &answers, raw)).expect("decodes");
        assert_eq!(shared.label, clean);
    }
}

#[test]
fn the_payload_is_read_from_a_fragment() {
    assert_eq!(payload_in_fragment("#r=abc"), Some("abc"));
    assert_eq!(payload_in_fragment("r=abc"), Some("abc"));
    assert_eq!(payload_in_fragment("#other"), None);
}

#[test]
fn the_checksum_is_the_catalogues_crc_8_smbus() {
    // The catalogue's check value: the CRC of the ASCII digits 1 to 9.
    assert_eq!(checksum(b"123456789"), 0xF4);
}

#[test]
fn leftover_bits_in_the_last_character_are_ignored_as_they_always_were() {
    // A payload whose length is not a multiple of 4 characters leaves 2 or 4 bits over in its
    // last one; the encoder writes them as zero, and a reader has never looked at them.
    let (answers, _) = full("");
    let mut checked = 0;
    for label in ["", "a", "ab", "abc"] {
        let good = encode(&BANK, &answers, label);
        assert!(decode(&BANK, &good).is_ok(), "{good}");
        if (good.len() * 6).is_multiple_of(8) {
            continue;
        }
        let last = good.as_bytes()[good.len() - 1];
        let value = BASE64_ALPHABET.iter().position(|&c| c == last).unwrap_or(0);
        assert_eq!(value & 1, 0, "{good}: the lowest bit is a leftover one");
        let noisy = format!(
            "{}{}",
            &good[..good.len() - 1],
            char::from(BASE64_ALPHABET[value | 1])
        );
        assert_eq!(decode(&BANK, &noisy), decode(&BANK, &good), "{noisy}");
        checked += 1;
    }
    assert!(checked >= 2);
}

#[test]
fn every_part_is_in_the_layout() {
    assert!(BANK.questions.iter().any(|q| q.part == Part::Strategy));
}

fn any_shared() -> impl Strategy<Value = (Answers, String)> {
    (
        proptest::collection::vec(
            (0_u8..8, 0_u8..16, proptest::num::u16::ANY),
            BANK.questions.len(),
        ),
        proptest::option::of(0_usize..3),
        "\\PC{0,90}",
    )
        .prop_map(|(raw, stage, label)| {
            let mut answers = Answers::new(&BANK);
            for (i, (kind, option, mask)) in raw.into_iter().enumerate() {
                answers.set(
                    i,
                    crate::answers::drawn(&BANK.questions[i], kind, option, mask),
                );
            }
            answers.stage_override = stage.map(|i| Stage::ALL[i]);
            (answers, clean_label(&label))
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::fuzz_cases(2000)))]

    #[test]
    fn decode_of_encode_is_the_identity((answers, label) in any_shared()) {
        let payload = encode(&BANK, &answers, &label);
        prop_assert_eq!(decode(&BANK, &payload).map(|r| r.0), Ok(Shared { answers, label }));
    }

    #[test]
    fn decoding_arbitrary_text_never_panics(text in "\\PC{0,200}") {
        let _ = decode(&BANK, &text);
    }

    #[test]
    fn text_outside_the_alphabet_or_of_an_impossible_length_is_refused_as_before(
        text in "[A-Za-z0-9_=+/. -]{1,40}"
    ) {
        let outside = text.bytes().any(|b| !BASE64_ALPHABET.contains(&b));
        let result = decode(&BANK, &text).map(|_| ());
        if outside {
            prop_assert_eq!(result, Err(LinkError::NotBase64));
        } else if text.len() % 4 == 1 {
            // A length no base64 has: cut short, or (issue 18) one character too many.
            prop_assert!(
                matches!(result, Err(LinkError::Truncated | LinkError::Altered)),
                "{:?}", result
            );
        } else {
            prop_assert!(!matches!(result, Err(LinkError::NotBase64)));
        }
    }

    #[test]
    fn decoding_arbitrary_base64_never_panics(text in "[A-Za-z0-9_-]{0,80}") {
        let _ = decode(&BANK, &text);
    }
}

/// A bank as it might be after the next release, with the first question removed, a new
/// question added at the end, and the second question's options changed.
fn next_bank() -> Bank {
    use crate::{Choice, Question};
    static NEW_OPTIONS: [Choice; 2] = [
        BLANK_CHOICE,
        Choice {
            value: 4,
            ..BLANK_CHOICE
        },
    ];
    let copy = |q: &'static Question| Question {
        id: q.id,
        part: q.part,
        dimension: q.dimension,
        share_of: q.share_of,
        most: q.most,
        options: q.options,
    };
    let mut questions: Vec<Question> = BANK.questions[1..].iter().map(copy).collect();
    questions[0].options = &NEW_OPTIONS;
    questions.push(Question {
        id: "company.new_question",
        part: Part::Company,
        dimension: None,
        share_of: None,
        most: 1,
        options: &NEW_OPTIONS,
    });
    Bank {
        version: BANK.version + 1,
        dimensions: BANK.dimensions,
        questions: Box::leak(questions.into_boxed_slice()),
    }
}

#[test]
fn a_link_of_this_version_opens_with_the_next_bank_and_says_what_changed() {
    let next = next_bank();
    let (answers, _) = full("kept");
    let payload = encode(&BANK, &answers, "kept");
    let (shared, notes) = decode(&next, &payload).expect("an old link still opens");
    assert_eq!(
        notes,
        LinkNotes {
            bank_version: BANK.version,
            dropped: 2,
            added: 1
        }
    );
    assert_eq!(shared.label, "kept");
    // Unchanged questions keep their answers, moved to their new places.
    for (i, q) in next.questions.iter().enumerate().skip(1) {
        let old = BANK.questions.iter().position(|o| o.id == q.id);
        match old {
            Some(o) => assert_eq!(shared.answers.get(i), answers.get(o), "{}", q.id),
            None => assert_eq!(shared.answers.get(i), Answer::Unanswered, "{}", q.id),
        }
    }
    assert_eq!(
        shared.answers.get(0),
        Answer::Unanswered,
        "changed options: not carried over"
    );
}

#[test]
fn format_2_links_open_with_every_answer() {
    let mut n = 0;
    for (expect, payload) in fixture_lines(FIXTURES_FORMAT_2) {
        let (shared, notes) = decode(&BANK, payload).unwrap_or_else(|e| panic!("{payload}: {e:?}"));
        assert_eq!(
            notes,
            LinkNotes {
                bank_version: 2,
                dropped: 0,
                added: 0
            }
        );
        let given = shared.answers.iter().filter(|a| a.is_given()).count();
        assert_eq!(format!("{given}:{}", shared.label), expect, "{payload}");
        // Bank version 3 moved three questions' answers (every one of them mapped): written
        // again, it is a version-3 link that opens with the same answers.
        let again = encode(&BANK, &shared.answers, &shared.label);
        let (back, notes) = decode(&BANK, &again).expect("reads");
        assert_eq!(back, shared);
        assert_eq!(notes.bank_version, BANK.version);
        n += 1;
    }
    assert!(n >= 3);
}

/// What a build that reads only format 1 does with a link: the rule it was released with
/// (a format above its own is "newer" when the link ends in a CRC-8 of what precedes it, and
/// noise otherwise), so this test holds every link written now to the promise made then.
fn as_a_format_1_build_reads_it(payload: &str) -> Result<(), LinkError> {
    let bytes = from_base64(payload)?;
    let Some((&sum, body)) = bytes.split_last() else {
        return Err(LinkError::Truncated);
    };
    match body.first().map(|b| b >> 4) {
        None => Err(LinkError::Truncated),
        Some(0) => Err(LinkError::Altered),
        Some(1) => Ok(()),
        Some(_) if checksum(body) == sum => Err(LinkError::Newer),
        Some(_) => Err(LinkError::Altered),
    }
}

#[test]
fn an_older_build_tells_a_format_2_link_from_noise() {
    let (answers, _) = full("x");
    let written = encode(&BANK, &answers, "x");
    for payload in fixture_lines(FIXTURES_FORMAT_2)
        .map(|(_, p)| p)
        .chain([&written[..]])
    {
        assert_eq!(
            as_a_format_1_build_reads_it(payload),
            Err(LinkError::Newer),
            "{payload}"
        );
    }
    assert_eq!(
        as_a_format_1_build_reads_it("Zm9vYmFyYmF6cXV4"),
        Err(LinkError::Altered)
    );
}

#[test]
fn the_checks_are_the_catalogues_crcs() {
    // The catalogue's check values: the CRC of the ASCII digits 1 to 9.
    assert_eq!(CRC_16.checksum(b"123456789"), 0x906E);
    let sum = check(2, b"123456789");
    assert_eq!(sum[..2], [0x90, 0x6E]);
    assert_eq!(sum[2], checksum(b"123456789\x90\x6E"));
    assert_eq!(check(1, b"123456789"), [0xF4]);
}

/// Issue 18: a link with a character inserted anywhere says it is damaged, never "cut short",
/// and never opens; a link cut short still says so.
#[test]
fn issue_18_a_character_inserted_reads_as_damaged_not_cut_short() {
    fn check(payload: &str, expected: LinkError) {
        assert_eq!(
            decode(&BANK, payload).map(|_| ()),
            Err(expected),
            "{payload:?}"
        );
    }
    let (answers, _) = full("");
    let good = encode(&BANK, &answers, "");
    let old = encode_format(&BANK, &answers, "", 1);
    check(&format!("A{good}"), LinkError::Altered);
    check(
        &format!("{}x{}", &good[..5], &good[5..]),
        LinkError::Altered,
    );
    check(&format!("{good}A"), LinkError::Altered);
    check(&format!("{good}Q"), LinkError::Altered);
    check(&format!("{}_{}", &old[..9], &old[9..]), LinkError::Altered);
    check(&format!("{old}A"), LinkError::Altered);
    check(&good[..good.len() - 1], LinkError::Truncated);
    check(&good[..good.len() - 9], LinkError::Truncated);
    check(&good[..good.len() - 4], LinkError::Truncated);

    // Every character of base64url inserted at every place of every format-2 fixture.
    let mut n = 0;
    for (_, payload) in fixture_lines(FIXTURES_FORMAT_2) {
        for at in 0..=payload.len() {
            for &c in BASE64_ALPHABET {
                let inserted = format!("{}{}{}", &payload[..at], char::from(c), &payload[at..]);
                check(&inserted, LinkError::Altered);
                n += 1;
            }
        }
    }
    assert!(n > 10_000, "{n} insertions");
}

/// Every two-character change of a payload (positions `i < j`, each replaced by another
/// character of base64url), or, with `per_pair` below 63 × 63, a deterministic spread of them
/// for every pair of positions.
fn two_character_changes(payload: &str, per_pair: usize) -> Vec<String> {
    let bytes = payload.as_bytes();
    let others = |at: usize| -> Vec<u8> {
        BASE64_ALPHABET
            .iter()
            .copied()
            .filter(|&c| c != bytes[at])
            .collect()
    };
    let all = 63 * 63;
    let per_pair = per_pair.clamp(1, all);
    let mut changed = Vec::new();
    for i in 0..bytes.len() {
        for j in i + 1..bytes.len() {
            let (at_i, at_j) = (others(i), others(j));
            let offset = (i * 31 + j * 17) % all;
            for t in 0..per_pair {
                // 1000 is prime to 63 × 63, so the spread never repeats a change.
                let k = if per_pair == all {
                    t
                } else {
                    (offset + t * 1000) % all
                };
                let mut text = bytes.to_vec();
                text[i] = at_i[k / 63];
                text[j] = at_j[k % 63];
                changed.push(String::from_utf8(text).unwrap_or_default());
            }
        }
    }
    changed
}

/// The changes that open a result other than `original`'s.
fn opening_another_result<'a>(
    bank: &Bank,
    changes: &'a [String],
    original: &Shared,
) -> Vec<&'a String> {
    changes
        .iter()
        .filter(|text| matches!(decode(bank, text), Ok((shared, _)) if shared != *original))
        .collect()
}

/// Issue 18 measured: two-character changes of the format-2 fixture links and of the same
/// assessments written in format 1. By default a deterministic spread of 32 changes for every
/// pair of positions (125,440 of format 2), of which none may open a different result, where
/// format 1 lets about one in 750 through. `STAGEFIT_TWO_CHARACTER_CHANGES=all` (in a release
/// build: it takes minutes) tries all 3,969 changes of every pair: a 24-bit check cannot rule
/// every one out, and that run found 2 of 15,558,480 that open a different result (format 1:
/// 18,988 of 13,629,546), so the bound asserted is one in a million.
#[test]
fn issue_18_no_two_character_change_opens_a_different_result() {
    let all = std::env::var("STAGEFIT_TWO_CHARACTER_CHANGES").is_ok_and(|v| v == "all");
    let per_pair = if all { 63 * 63 } else { 32 };
    let (mut tried, mut tried_1, mut format_1) = (0, 0, 0);
    let mut format_2 = Vec::new();
    // The fixtures are bank version 2's, the last bank format 1 was written with: read by a
    // build of that bank, as they were made.
    let v2 = bank_of(2);
    for (_, payload) in fixture_lines(FIXTURES_FORMAT_2) {
        let Ok((original, _)) = decode(&v2, payload) else {
            panic!("{payload} decodes")
        };
        let changes = two_character_changes(payload, per_pair);
        tried += changes.len();
        format_2.extend(
            opening_another_result(&v2, &changes, &original)
                .into_iter()
                .map(|text| format!("{payload} -> {text}")),
        );
        let old = encode_format(&v2, &original.answers, &original.label, 1);
        let changes = two_character_changes(&old, per_pair);
        tried_1 += changes.len();
        format_1 += opening_another_result(&v2, &changes, &original).len();
    }
    println!(
        "two-character changes of 4 links: format 2, {} of {tried} opened a different result \
         {format_2:?}; format 1, {format_1} of {tried_1}",
        format_2.len()
    );
    assert!(tried >= per_pair * 3000, "{tried}");
    assert!(format_1 > 0, "the measure finds what a CRC-8 lets through");
    assert!(format_2.len() <= tried / 1_000_000, "{format_2:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::fuzz_cases(500)))]

    #[test]
    fn format_1_links_still_round_trip((raw, label) in any_shared()) {
        // Format 1 was written up to bank version 2: a build of that bank reads its own links.
        let v2 = bank_of(2);
        let mut answers = Answers::new(&v2);
        for (i, q) in v2.questions.iter().enumerate() {
            answers.set(i, match raw.get(i) {
                Answer::Chosen(c) => Answer::Chosen(c % q.options.len() as u8),
                // Bank 2 took one answer per question.
                several @ Answer::Several(_) => Answer::Chosen(several.mask().trailing_zeros() as u8 % q.options.len() as u8),
                other => other,
            });
        }
        answers.stage_override = raw.stage_override;
        let payload = encode_format(&v2, &answers, &label, 1);
        prop_assert_eq!(decode(&v2, &payload).map(|r| r.0), Ok(Shared { answers, label }));
    }
}

/// Links to try damage on: the format-2 fixtures, and written links with labels of a few
/// lengths (the label's length field sits at the end of the answers).
fn links_to_damage() -> Vec<String> {
    let mut links: Vec<String> = fixture_lines(FIXTURES_FORMAT_2)
        .map(|(_, p)| p.to_string())
        .collect();
    for label in ["", "Ana", "Platform team, Q3 review", "Équipe plateforme ✓"] {
        let (answers, _) = full(label);
        links.push(encode(&BANK, &answers, label));
    }
    links
}

/// Issue 30: a link with a character changed is damaged, never "cut short", wherever the
/// change is and whatever it becomes (the report found 1,671 such changes called cut short,
/// where a changed label length or header made the link seem to need more than it holds).
#[test]
fn issue_30_a_character_changed_reads_as_damaged_not_cut_short() {
    let (mut tried, mut seemed_cut) = (0, 0);
    let mut cut_short = Vec::new();
    for link in links_to_damage() {
        for at in 0..link.len() {
            for &c in BASE64_ALPHABET {
                if c == link.as_bytes()[at] {
                    continue;
                }
                let mut changed = link.clone().into_bytes();
                changed[at] = c;
                let changed = String::from_utf8(changed).unwrap_or_default();
                tried += 1;
                seemed_cut +=
                    usize::from(decode_exactly(&BANK, &changed) == Err(LinkError::Truncated));
                match decode(&BANK, &changed) {
                    Err(LinkError::Altered) => {}
                    // A change in the leftover bits of the last character is no change.
                    Ok((shared, _))
                        if decode(&BANK, &link).is_ok_and(|(original, _)| original == shared) => {}
                    other => cut_short.push(format!("{link} -> {changed}: {other:?}")),
                }
            }
        }
    }
    println!(
        "one character changed: {seemed_cut} of {tried} end too soon; none is called cut short"
    );
    assert!(
        seemed_cut > 100,
        "the test reaches the case it is about: {seemed_cut}"
    );
    assert!(cut_short.is_empty(), "{cut_short:#?}");
}

/// Issue 30, measured for two characters changed (a deterministic spread of 8 changes for every
/// pair of positions): no single change explains these, so only the beginning's own reading
/// can tell them from a cut; it does for almost all.
#[test]
fn issue_30_two_characters_changed_are_almost_never_called_cut_short() {
    let (mut tried, mut seemed_cut, mut called_cut) = (0, 0, 0);
    for link in links_to_damage() {
        for changed in two_character_changes(&link, 8) {
            tried += 1;
            if decode_exactly(&BANK, &changed) == Err(LinkError::Truncated) {
                seemed_cut += 1;
                called_cut += usize::from(decode(&BANK, &changed) == Err(LinkError::Truncated));
            }
        }
    }
    println!(
        "two characters changed: {seemed_cut} of {tried} end too soon, {called_cut} called cut short"
    );
    assert!(seemed_cut > 100, "{seemed_cut}");
    assert!(
        called_cut * 10 <= seemed_cut,
        "{called_cut} of {seemed_cut}"
    );
}

/// Issue 30: a link cut short anywhere is still said to be cut short, in every format.
#[test]
fn issue_30_a_link_cut_short_anywhere_still_says_so() {
    let mut links = links_to_damage();
    let v2 = bank_of(2);
    for label in ["", "Ana", "Équipe plateforme ✓"] {
        let (answers, _) = full_in(&v2, label);
        links.push(encode_format(&v2, &answers, label, 1));
    }
    let mut wrong = Vec::new();
    for link in &links {
        for end in 1..link.len() {
            let cut = &link[..end];
            let read = decode(&BANK, cut).map(|_| ());
            if read != Err(LinkError::Truncated) {
                wrong.push(format!("{cut}: {read:?}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// A link of format `format` with bank version `bank` and `body_bits` zero bits after its
/// header, ending in `check`'s bytes.
fn made_up_link(
    format: u32,
    bank: u32,
    body_bits: u32,
    check: impl Fn(&[u8]) -> Vec<u8>,
) -> String {
    let mut bits = Bits {
        bytes: Vec::new(),
        len: 0,
    };
    bits.push(format, 4);
    bits.push(bank, 8);
    for _ in 0..body_bits {
        bits.push(0, 1);
    }
    let sum = check(&bits.bytes);
    bits.bytes.extend_from_slice(&sum);
    BASE64.encode(&bits.bytes)
}

/// Issue 30: only a whole link whose format or bank is really newer is "newer". Noise (or damage)
/// that happens to end in a matching CRC-8, one time in 256, is damaged; so is a format-1 link
/// naming a bank no build ever wrote in format 1.
#[test]
fn issue_30_only_a_whole_link_of_a_newer_version_is_newer() {
    fn check_case(payload: &str, expected: Result<(), LinkError>) {
        assert_eq!(decode(&BANK, payload).map(|_| ()), expected, "{payload:?}");
    }
    let crc_8_only = |body: &[u8]| vec![checksum(body)];
    let format_2_check = |body: &[u8]| check(2, body);
    let next = BANK.version + 1;
    // A newer format, whole: it ends as format 2 ends.
    check_case(
        &made_up_link(LINK_FORMAT + 1, next, 20, format_2_check),
        Err(LinkError::Newer),
    );
    check_case(
        &made_up_link(15, 200, 100, format_2_check),
        Err(LinkError::Newer),
    );
    // A newer format whose last byte merely is a CRC-8 of what precedes it.
    check_case(
        &made_up_link(LINK_FORMAT + 1, next, 20, crc_8_only),
        Err(LinkError::Altered),
    );
    check_case(&made_up_link(9, 0, 36, crc_8_only), Err(LinkError::Altered));
    // Format 2 with a newer bank and its checks intact; and damaged.
    check_case(
        &made_up_link(2, next, 60, format_2_check),
        Err(LinkError::Newer),
    );
    let damaged = |body: &[u8]| {
        let mut sum = check(2, body);
        sum[0] ^= 0x10;
        sum
    };
    check_case(&made_up_link(2, next, 60, damaged), Err(LinkError::Altered));
    // Format 1 ended with bank 2: a format-1 link of a later bank was never made, whatever its
    // check says.
    check_case(
        &made_up_link(1, next, 60, crc_8_only),
        Err(LinkError::Altered),
    );
    check_case(
        &made_up_link(1, 200, 60, crc_8_only),
        Err(LinkError::Altered),
    );

    // Random noise of a newer format: one in 256 ends in a matching CRC-8; none is newer.
    let mut crc_8_matches = 0;
    for n in 0..20_000_u32 {
        let bytes: Vec<u8> = (0..12_u32)
            .map(|i| {
                (n.wrapping_mul(2_654_435_761).rotate_left(i * 5) ^ i.wrapping_mul(0x9e37)) as u8
            })
            .collect();
        let mut bytes = bytes;
        bytes[0] = (bytes[0] & 0x0f) | 0x30;
        let last = bytes.len() - 1;
        crc_8_matches += usize::from(checksum(&bytes[..last]) == bytes[last]);
        let payload = BASE64.encode(&bytes);
        assert_ne!(decode(&BANK, &payload), Err(LinkError::Newer), "{payload}");
    }
    println!("{crc_8_matches} of 20,000 noises end in a matching CRC-8; none is called newer");
}
