//! Native tests of workshops: finding links in chat text, what is counted, and the aggregate.

use proptest::prelude::*;

use super::*;
use crate::BANK;
use crate::link::encode;

fn workshop() -> Workshop {
    Workshop {
        id: "w1".to_string(),
        name: "Platform day".to_string(),
        note: String::new(),
        created: 0.0,
        payloads: Vec::new(),
        agreed: Default::default(),
        unknown: Default::default(),
    }
}

/// A participant whose company answers sit at option `company` and platform answers at `platform`.
fn payload(company: u8, platform: u8, label: &str) -> String {
    let mut answers = Answers::new(&BANK);
    for (i, q) in BANK.questions.iter().enumerate() {
        let c = match q.part {
            Part::Company => company,
            Part::Strategy => 0,
            Part::Platform => platform,
        };
        answers.set(i, Answer::Chosen(c.min(q.options.len() as u8 - 1)));
    }
    encode(&BANK, &answers, label)
}

#[test]
fn links_are_found_in_a_chat_transcript_and_everything_else_is_counted() {
    let mut w = workshop();
    let (a, b) = (payload(0, 0, "Ana"), payload(4, 4, "Bo"));
    let text = format!(
        "[10:01] Ana: https://x.org/stagefit/#r={a}&w=w1\n[10:02] Bo: here #r={b}\n[10:03] Ana: again https://x.org/#r={a}&w=w1\n\
         [10:04] Cy: https://x.org/#r={b}&w=other\n[10:05] Di: https://x.org/#r=garbage!!\n[10:06] Ed: see https://example.com/page"
    );
    let report = gather(&BANK, &mut w, &text);
    assert_eq!(
        report,
        GatherReport {
            added: 2,
            duplicates: 1,
            unreadable: 1,
            newer: 0,
            other_workshop: 1,
            other_links: 1
        }
    );
    assert!(!report.found_nothing());
    assert_eq!(w.payloads, [a, b]);
}

/// A whole link of a link format newer than this build's: its header, zeros, and the check
/// every format from 2 on ends in (a CRC-16 of what precedes it, then a CRC-8 of all before).
fn newer_payload() -> String {
    use base64::Engine as _;
    let mut bytes = vec![((link::LINK_FORMAT + 1) as u8) << 4, 0, 0];
    let crc_16 = crc::Crc::<u16>::new(&crc::CRC_16_IBM_SDLC).checksum(&bytes);
    bytes.extend_from_slice(&crc_16.to_be_bytes());
    bytes.push(crc::Crc::<u8>::new(&crc::CRC_8_SMBUS).checksum(&bytes));
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Issue 18: a result from a newer version of Stagefit is counted and named as such, with what
/// to do, not lumped with the unreadable ones.
#[test]
fn issue_18_results_from_a_newer_version_are_named_with_what_to_do() {
    // The app words each count (with what to do for `newer`); the core counts them apart.
    fn check(text: &str, expected: GatherReport) {
        let mut w = workshop();
        let report = gather(&BANK, &mut w, text);
        assert_eq!(report, expected, "{text}");
        assert!(!report.found_nothing(), "{text}");
    }
    let newer = newer_payload();
    let a = payload(0, 0, "Ana");
    check(
        &format!("#r={newer}&w=w1"),
        GatherReport {
            newer: 1,
            ..GatherReport::default()
        },
    );
    check(
        &format!("#r={a} #r={newer} #r=A{newer} https://x.org/#r={newer}&w=w1 https://x.org/"),
        GatherReport {
            added: 1,
            unreadable: 1,
            newer: 2,
            other_links: 1,
            ..GatherReport::default()
        },
    );
}

#[test]
fn text_without_links_is_reported_not_an_error() {
    let mut w = workshop();
    let report = gather(&BANK, &mut w, "hello everyone, no links today");
    assert!(report.found_nothing());
    assert_eq!(report, GatherReport::default());
    // Other web addresses alone are still "nothing found", counted so the app can say so.
    let report = gather(&BANK, &mut w, "see https://example.com/page");
    assert!(report.found_nothing());
    assert_eq!(report.other_links, 1);
}

#[test]
fn join_links_carry_the_workshop_and_survive_odd_names() {
    let mut w = workshop();
    w.name = "Q3 <b>platform</b> & friends ✓".to_string();
    let fragment = join_fragment(&w.id, &w.name);
    assert!(fragment.bytes().all(|b| b.is_ascii_graphic()));
    assert_eq!(
        parse_join(&format!("#{fragment}")),
        Some(("w1".to_string(), w.name.clone()))
    );
    assert_eq!(parse_join("#join=bad id.x"), None);
    assert_eq!(parse_join("#join=w1.%ZZ"), None);
    assert_eq!(parse_join("#r=abc"), None);
    assert_eq!(parse_join("#join=w1."), None, "a workshop needs a name");
    assert_eq!(
        parse_join("#join=w1.%20%E2%80%AE"),
        None,
        "nothing left once cleaned"
    );
    // Issue 18: a name of only invisible characters (zero-width space, word joiner, blank
    // Braille pattern) is no name.
    assert_eq!(parse_join("#join=w1.%E2%80%8B%E2%81%A0%E2%A0%80"), None);
    assert_eq!(
        parse_join("#join=w1.%E2%80%8Bx"),
        Some(("w1".to_string(), "\u{200b}x".to_string()))
    );
    assert!(
        looks_like_join("#join=w1.") && looks_like_join("join=x") && !looks_like_join("#r=abc")
    );
}

#[test]
fn a_payload_ends_where_base64url_ends_and_an_empty_one_is_skipped() {
    // Issue 12: this case once tested a second link finder, `link::payloads_in_text`.
    let mut w = workshop();
    let a = payload(1, 1, "");
    let text =
        format!("Ana: https://x.org/stagefit/#r={a}, thanks\nBo: see #r= and https://x.org/#other");
    let report = gather(&BANK, &mut w, &text);
    assert_eq!(
        report,
        GatherReport {
            added: 1,
            other_links: 1,
            ..GatherReport::default()
        }
    );
    assert_eq!(w.payloads, [a]);
}

/// One join-link name, as written and as read back.
fn check_name(name: &str, encoded: &str) {
    assert_eq!(encode_name(name), encoded, "{name:?}");
    assert_eq!(decode_name(encoded).as_deref(), Some(name), "{encoded:?}");
}

#[test]
fn join_names_keep_unreserved_characters_and_escape_the_rest() {
    check_name("Platform day", "Platform%20day");
    check_name("a-b_c.d~e", "a-b_c.d~e");
    check_name("Q3 <b>&</b>", "Q3%20%3Cb%3E%26%3C%2Fb%3E");
    check_name("100%", "100%25");
    check_name("caf\u{e9} \u{2713}", "caf%C3%A9%20%E2%9C%93");
    check_name("#join=x.y?z/", "%23join%3Dx.y%3Fz%2F");
}

#[test]
fn a_damaged_join_name_is_refused() {
    for damaged in [
        "%",
        "%Z",
        "%ZZ",
        "a%2",
        "%E0%A4%A",
        "%FF",
        "%C3",
        "%%41",
        "%+F",
        "%\u{e9}\u{e9}",
    ] {
        assert_eq!(decode_name(damaged), None, "{damaged:?}");
    }
    // Lower-case escapes and characters that were never escaped are read as they are.
    assert_eq!(decode_name("caf%c3%a9 ok").as_deref(), Some("caf\u{e9} ok"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::fuzz_cases(2000)))]

    #[test]
    fn decode_name_of_encode_name_is_the_identity(name in "\\PC{0,60}") {
        let encoded = encode_name(&name);
        prop_assert!(encoded.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.~%".contains(&b)));
        prop_assert_eq!(decode_name(&encoded), Some(name));
    }

    #[test]
    fn decoding_an_arbitrary_join_link_never_panics(text in "\\PC{0,80}") {
        let _ = parse_join(&format!("#join=w1.{text}"));
        let _ = decode_name(&text);
    }
}

#[test]
fn the_aggregate_shows_stages_spread_disagreement_median_and_prompts() {
    let mut w = workshop();
    let text = [
        payload(0, 0, ""),
        payload(0, 1, ""),
        payload(4, 4, ""),
        payload(2, 2, ""),
    ]
    .map(|p| format!("#r={p} "))
    .concat();
    gather(&BANK, &mut w, &text);
    let people = participants(&BANK, &w);
    let agg = aggregate(&BANK, &people);
    assert_eq!(agg.n_participants, 4);
    assert_eq!(agg.stages, [2, 1, 1]);
    assert_eq!(agg.spreads.len(), BANK.dimensions.len());
    let top = &agg.spreads[agg.by_disagreement[0]];
    assert!(top.deviation >= agg.spreads[*agg.by_disagreement.last().unwrap()].deviation);
    assert_eq!(top.over + top.under + top.fit + top.unknown, 4);
    assert!(agg.median.score.is_some());
    assert!(!agg.divergent.is_empty() && agg.divergent.len() <= 5);
    assert_eq!(agg.divergent[0].counts.iter().sum::<usize>(), 4);
}

#[test]
fn an_empty_workshop_aggregates_without_error() {
    let agg = aggregate(&BANK, &[]);
    assert_eq!(agg.n_participants, 0);
    assert_eq!(agg.median.score, None);
    assert!(agg.divergent.is_empty());
}

#[test]
fn three_hundred_participants_aggregate() {
    let mut w = workshop();
    let text: String = (0..300)
        .map(|i| {
            format!(
                "p{i}: https://x.org/#r={}&w=w1\n",
                payload((i % 5) as u8, (i % 7) as u8, &format!("P{i}"))
            )
        })
        .collect();
    let report = gather(&BANK, &mut w, &text);
    assert_eq!(report.added, 300);
    let agg = aggregate(&BANK, &participants(&BANK, &w));
    assert_eq!(agg.n_participants, 300);
}

#[test]
fn workshops_round_trip_and_bad_files_are_errors() {
    let mut w = workshop();
    w.payloads.push(payload(1, 1, ""));
    assert_eq!(
        decode_workshops(&encode_workshops(std::slice::from_ref(&w))),
        Ok(vec![w])
    );
    assert_eq!(decode_workshops("nope"), Err(SnapshotError::NotJson));
    assert_eq!(
        decode_workshops("{\"format\":\"stagefit-workshops\",\"version\":3,\"workshops\":[]}"),
        Err(SnapshotError::NewerVersion("3".into()))
    );
    assert_eq!(
        decode_workshops("{\"format\":\"x\",\"version\":1}"),
        Err(SnapshotError::WrongShape)
    );
}

/// Issue 12: the saved workshops are written exactly as the hand-written writer wrote them, so
/// older and newer builds read each other's data; and older files still read.
#[test]
fn issue_12_saved_workshops_read_and_write_as_before() {
    let w = Workshop {
        id: "w1".to_string(),
        name: "Day".to_string(),
        note: "n".to_string(),
        created: 5.0,
        payloads: vec!["abc".to_string(), "d".to_string()],
        agreed: Default::default(),
        unknown: Default::default(),
    };
    let text = "{\"format\":\"stagefit-workshops\",\"version\":1,\"workshops\":[{\"id\":\"w1\",\"name\":\"Day\",\"note\":\"n\",\"created\":5,\"payloads\":[\"abc\",\"d\"]}]}";
    assert_eq!(encode_workshops(std::slice::from_ref(&w)), text);
    fn check(text: &str, expected: Result<usize, SnapshotError>) {
        assert_eq!(decode_workshops(text).map(|l| l.len()), expected, "{text}");
    }
    check(text, Ok(1));
    let head = "{\"format\":\"stagefit-workshops\",\"version\":1.0,\"workshops\":";
    check(&format!("{head}[]}}"), Ok(0));
    check(
        &format!("{head}[{{\"id\":\"w1\",\"name\":\"x\",\"created\":1.5,\"payloads\":[]}}]}}"),
        Ok(1),
    );
    check(
        &format!("{head}[{{\"id\":\"bad id\"}},{{\"name\":\"no id\"}}]}}"),
        Ok(0),
    );
    check(
        &format!("{head}[{{\"id\":\"w1\",\"name\":\"x\",\"created\":null,\"payloads\":[]}}]}}"),
        Err(SnapshotError::WrongShape),
    );
    check(
        &format!(
            "{head}[{{\"id\":\"w1\",\"name\":\"x\",\"note\":3,\"created\":1,\"payloads\":[]}}]}}"
        ),
        Err(SnapshotError::WrongShape),
    );
    check(
        &format!("{head}[{{\"id\":\"w1\",\"name\":\"x\",\"created\":1,\"payloads\":[1]}}]}}"),
        Err(SnapshotError::WrongShape),
    );
    check(&format!("{head}{{}}}}"), Err(SnapshotError::WrongShape));
    check(&format!("{head}[]"), Err(SnapshotError::NotJson));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(crate::fuzz_cases(1000)))]

    #[test]
    fn decoding_arbitrary_text_as_workshops_never_panics(text in ".{0,300}") {
        let _ = decode_workshops(&text);
    }
}

#[test]
fn work_under_way_takes_the_rooms_most_common_answer_not_a_middle() {
    // Issue 13: platform.building has no order; the median of five answers such as templates,
    // templates, a portal, an orchestrator and a re-platforming would be the portal, which
    // only one person named.
    fn check(sorted: &[u8], expected: Option<u8>) {
        assert_eq!(most_common(sorted), expected, "{sorted:?}");
    }
    check(&[], None);
    check(&[4], Some(4));
    check(&[2, 2, 5, 6, 7], Some(2));
    check(&[2, 5, 5, 7, 7], Some(5));
    check(&[3, 6, 7, 7], Some(7));
}

/// Issue 29: a question that takes several answers at once gets every option at least half the
/// room picked, as far as the question accepts; each person counts once per option picked.
#[test]
fn several_answers_at_once_give_the_room_what_half_of_it_picked() {
    use crate::Answer::{Chosen, Several, Unanswered};
    let pains = BANK
        .questions
        .iter()
        .find(|q| q.id == "company.pains")
        .unwrap();
    let under_way = BANK
        .questions
        .iter()
        .find(|q| q.id == "platform.under_way")
        .unwrap();
    // (question, answers given, the room's answer).
    let cases: [(&crate::Question, Vec<Answer>, Answer); 6] = [
        (pains, vec![], Unanswered),
        (pains, vec![Chosen(1), Chosen(1), Chosen(4)], Chosen(1)),
        // 1 by all three, 4 by two of them: both, most picked first.
        (
            pains,
            vec![Several(0b1_0010), Several(0b1_0010), Chosen(1)],
            Several(0b1_0010),
        ),
        // Three options each picked by half the room: only two fit.
        (
            pains,
            vec![
                Several(0b0110),
                Several(0b1_0010),
                Several(0b1_0100),
                Chosen(1),
            ],
            Several(0b0110),
        ),
        // "No single pain" by most of the room stands alone.
        (pains, vec![Chosen(7), Chosen(7), Several(0b11)], Chosen(7)),
        // Work under way: all that half the room builds.
        (
            under_way,
            vec![
                Several(0b1_1000),
                Several(0b1_1000_1000),
                Chosen(0),
                Several(0b1000_1000),
            ],
            Several(0b1000_1000),
        ),
    ];
    for (q, given, expected) in cases {
        assert_eq!(room_answer(q, &given), expected, "{} {given:?}", q.id);
    }
    // In the counts, two pains count once each.
    let index = BANK
        .questions
        .iter()
        .position(|q| q.id == "company.pains")
        .unwrap();
    let people: Vec<Participant> = [Several(0b1_0010), Chosen(0), Chosen(4)]
        .into_iter()
        .map(|a| {
            let mut answers = crate::Answers::new(&BANK);
            answers.set(index, a);
            let payload = link::encode(&BANK, &answers, "");
            participant(&BANK, &payload).expect("reads")
        })
        .collect();
    let room = aggregate(&BANK, &people);
    let d = room
        .divergent
        .iter()
        .find(|d| d.question == index)
        .expect("they differ");
    assert_eq!(d.counts, [1, 1, 0, 0, 2, 0, 0, 0]);
}

#[test]
fn a_link_from_bank_version_1_joins_and_its_dropped_answers_are_counted() {
    // Issue 13: workshop exports hold participants' links; a version 1 link still counts, and
    // the answers to questions whose meaning changed are dropped, counted and told.
    let mut w = workshop();
    w.payloads.push("EBTlLkIpylOUpylOAAAY".to_string());
    w.payloads.push(payload(0, 0, "new"));
    let people = participants(&BANK, &w);
    let dropped: Vec<usize> = people.iter().map(|p| p.dropped).collect();
    assert_eq!(dropped, [6, 0]);
    let room = aggregate(&BANK, &people);
    assert_eq!(room.dropped, 6);
}

/// Issue 18: a stored workshop that cannot be read is listed as unreadable and written back
/// unchanged, instead of hiding it or making every workshop unreadable.
#[test]
fn issue_18_an_unreadable_workshop_is_listed_and_kept() {
    let good = encode_workshops(&[Workshop {
        id: "w1".to_string(),
        name: "Platform day".to_string(),
        note: String::new(),
        created: 1.0e12,
        payloads: Vec::new(),
        agreed: Default::default(),
        unknown: Default::default(),
    }]);
    let mut value: Value = serde_json::from_str(&good).expect("JSON");
    let bad = serde_json::json!({"id": "bad id!", "name": 3});
    value["workshops"]
        .as_array_mut()
        .expect("a list")
        .push(bad.clone());
    let (read, unreadable) = decode_workshops_keeping(&value.to_string()).expect("reads");
    assert_eq!(read.len(), 1);
    assert_eq!(unreadable.len(), 1);
    let written: Value =
        serde_json::from_str(&encode_workshops_keeping(&read, &unreadable)).expect("JSON");
    assert_eq!(written["workshops"][1], bad);
    assert_eq!(written, value);
}

fn room(people: &[(u8, u8)]) -> Workshop {
    let mut w = workshop();
    w.payloads = people
        .iter()
        .enumerate()
        .map(|(i, &(c, p))| payload(c, p, &format!("P{i}")))
        .collect();
    w
}

#[test]
fn issue_18_reusing_earlier_participants_gives_exactly_what_decoding_anew_gives() {
    let mut w = room(&[(0, 0), (2, 2), (4, 4), (1, 3)]);
    let first = participants(&BANK, &w);
    // One removed, one added: the rest come from the earlier list.
    w.payloads.remove(1);
    w.payloads.push(payload(3, 1, "new"));
    assert_eq!(
        participants_reusing(&BANK, &w, &first),
        participants(&BANK, &w)
    );
    assert_eq!(participants_reusing(&BANK, &workshop(), &first), []);
    // Those known show at once, in the workshop's order; what is left to decode is the new link.
    let mut read = participants(&BANK, &w);
    read.reverse();
    assert_eq!(in_workshop_order(&w, read), participants(&BANK, &w));
    let known = participants_known(&w, &first);
    assert_eq!(known, participants(&BANK, &w)[..3]);
    assert_eq!(new_payloads(&w, &first), [w.payloads[3].as_str()]);
    assert_eq!(new_payloads(&w, &[]).len(), 4);
}

#[test]
fn issue_18_the_count_is_the_links_that_open_in_the_list_and_the_view() {
    let mut w = room(&[(0, 0), (2, 2)]);
    w.payloads.push("EBxxxxbroken".to_string());
    assert_eq!(participant_count(&BANK, &w), 2);
    let people = participants(&BANK, &w);
    assert_eq!(aggregate(&BANK, &people).n_participants, 2);
}

#[test]
fn issue_18_a_paste_of_two_thousand_links_skips_repeats_by_set_not_by_scan() {
    let mut w = workshop();
    let text: String = (0..40)
        .map(|i| {
            format!(
                "#r={} ",
                payload((i % 5) as u8, (i / 5 % 5) as u8, &format!("{i}"))
            )
        })
        .collect();
    let twice = format!("{text}{text}");
    let report = gather(&BANK, &mut w, &twice);
    assert_eq!((report.added, report.duplicates), (40, 40));
}

#[test]
fn slides_show_the_summary_then_areas_by_disagreement_then_the_questions_then_the_decision() {
    assert_eq!(slides(&aggregate(&BANK, &[])), []);
    let people = participants(&BANK, &room(&[(0, 0), (4, 4), (2, 1)]));
    let agg = aggregate(&BANK, &people);
    let all = slides(&agg);
    assert_eq!(all.first(), Some(&Slide::Summary));
    assert_eq!(all.last(), Some(&Slide::Decision));
    let mut areas: Vec<usize> = all
        .iter()
        .filter_map(|s| match s {
            Slide::Area(d) => Some(*d),
            _ => None,
        })
        .collect();
    let own = areas.len();
    areas.extend(other_areas(&agg));
    let agreed = agreed_areas(&agg);
    let answered: Vec<usize> = agg
        .by_disagreement
        .iter()
        .copied()
        .filter(|&d| !agg.spreads[d].levels.is_empty() && !agreed.contains(&d))
        .collect();
    assert_eq!(areas, answered);
    let mut questions: Vec<Slide> = (0..agg.divergent.len()).map(Slide::Question).collect();
    assert!(!questions.is_empty());
    questions.push(Slide::Decision);
    assert!(all.ends_with(&questions));
    let agreement = usize::from(!agreed.is_empty());
    let others = usize::from(own < areas.len());
    assert_eq!(all.len(), 1 + own + others + agreement + questions.len());
    assert!(all.len() <= MOST_SLIDES);
    // A room that agrees on everything has nothing to discuss: no question slides.
    let same = participants(&BANK, &room(&[(1, 1), (1, 1)]));
    assert!(
        !slides(&aggregate(&BANK, &same))
            .iter()
            .any(|s| matches!(s, Slide::Question(_)))
    );
}

#[test]
fn a_level_is_behind_within_or_ahead_of_a_band_ends_included() {
    use crate::Band;
    let band = Band { low: 1, high: 2 };
    let check = |level: f32, expected: Position| assert_eq!(Position::of(level, band), expected);
    check(0.5, Position::Behind);
    check(1.0, Position::Within);
    check(2.0, Position::Within);
    check(2.25, Position::Ahead);
}

/// The spellings of a payload that differ only in the leftover bits of its last character
/// (which no reader looks at), the canonical one first.
fn spellings(payload: &str) -> Vec<String> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let leftover = (payload.len() * 6) % 8;
    let last = payload.as_bytes()[payload.len() - 1];
    let value = ALPHABET.iter().position(|&c| c == last).unwrap_or(0);
    (0..1 << leftover)
        .map(|bits| {
            let c = char::from(ALPHABET[value | bits]);
            format!("{}{c}", &payload[..payload.len() - 1])
        })
        .collect()
}

/// Issue 30: one result pasted in three spellings of its ignored last bits is one participant,
/// kept in its one spelling; a room stored by an older build with such spellings counts it once.
#[test]
fn issue_30_one_result_in_three_spellings_is_one_participant() {
    let label = (0..4)
        .map(|n| "Ana".repeat(n))
        .find(|l| !payload(1, 2, l).len().is_multiple_of(4))
        .unwrap_or_default();
    let one = payload(1, 2, &label);
    let spelled = spellings(&one);
    assert!(spelled.len() >= 4, "{spelled:?}");
    assert_eq!(spelled[0], one, "the encoder writes the canonical spelling");
    let three: Vec<&String> = spelled.iter().rev().take(3).collect();
    for s in &three {
        assert_eq!(link::decode(&BANK, s), link::decode(&BANK, &one), "{s}");
    }
    let text = three
        .iter()
        .map(|s| format!("https://x.org/#r={s}&w=w1\n"))
        .collect::<String>();
    let mut w = workshop();
    let report = gather(&BANK, &mut w, &text);
    assert_eq!((report.added, report.duplicates), (1, 2), "{report:?}");
    assert_eq!(w.payloads, std::slice::from_ref(&one));
    assert_eq!(participant_count(&BANK, &w), 1);
    // Pasted again in the canonical spelling: already there.
    let again = gather(&BANK, &mut w, &format!("#r={one}"));
    assert_eq!((again.added, again.duplicates), (0, 1));

    // Stored by an older build, which compared spellings as written: read, each link once.
    let mut stored = workshop();
    stored.payloads = three.iter().map(|s| s.to_string()).collect();
    let (read, unreadable) = decode_workshops_keeping(&encode_workshops(&[stored])).expect("reads");
    assert!(unreadable.is_empty());
    assert_eq!(read[0].payloads, [three[0].clone()]);
    assert_eq!(participant_count(&BANK, &read[0]), 1);
}

/// A workshop with `payloads`, created at `created`.
fn workshop_with(id: &str, name: &str, payloads: &[&str]) -> Workshop {
    Workshop {
        id: id.to_string(),
        name: name.to_string(),
        note: String::new(),
        created: 1.0e12,
        payloads: payloads.iter().map(|p| p.to_string()).collect(),
        agreed: Default::default(),
        unknown: Default::default(),
    }
}

/// Issue 30: a workshop's own export imports back as that workshop, whole: its results, and
/// fields a newer build added to it, which this build writes back as they were.
#[test]
fn issue_30_a_workshops_export_imports_back_with_what_this_build_does_not_know() {
    let (a, b) = (payload(0, 0, "Ana"), payload(4, 4, "Bo"));
    let room = workshop_with("room-1", "Platform day", &[&a, &b]);
    let mut exported: Value =
        serde_json::from_str(&encode_workshops(std::slice::from_ref(&room))).expect("JSON");
    exported["workshops"][0]["agreed"] = serde_json::json!({"platform.ci": 2});
    exported["workshops"][0]["facilitator"] = Value::from("Cy");
    let file = exported.to_string();

    // Into a browser that has none (cleared, or another one).
    let (read, unreadable) = decode_workshops_keeping(&file).expect("a workshops file");
    assert!(unreadable.is_empty());
    let (mut list, mut kept) = (Vec::new(), Vec::new());
    let report = import_workshops(&mut list, &mut kept, read, unreadable);
    assert_eq!(
        report,
        WorkshopImport {
            added: 1,
            ..WorkshopImport::default()
        }
    );
    assert_eq!(list.len(), 1);
    assert_eq!((list[0].id.as_str(), list[0].payloads.len()), ("room-1", 2));
    assert_eq!(participant_count(&BANK, &list[0]), 2);
    // Stored, and exported again: every field as it was.
    let stored: Value = serde_json::from_str(&encode_workshops(&list)).expect("JSON");
    assert_eq!(stored, exported);

    // Imported again: unchanged. With a result more (the room went on elsewhere): updated, in
    // the file's order after its own, and the name here stands.
    let (read, unreadable) = decode_workshops_keeping(&file).expect("reads");
    let report = import_workshops(&mut list, &mut kept, read, unreadable);
    assert_eq!((report.unchanged, report.added, report.updated), (1, 0, 0));
    let c = payload(2, 2, "Cy");
    let mut later = workshop_with("room-1", "Renamed elsewhere", &[&b, &c, &a]);
    later.note = "n".to_string();
    let other = workshop_with("room-2", "Other", &[&a]);
    let text = encode_workshops(&[later, other]);
    let (read, unreadable) = decode_workshops_keeping(&text).expect("reads");
    let report = import_workshops(&mut list, &mut kept, read, unreadable);
    assert_eq!(
        report,
        WorkshopImport {
            added: 1,
            updated: 1,
            results_added: 1,
            ..WorkshopImport::default()
        }
    );
    assert_eq!(
        list.iter().map(|w| w.id.as_str()).collect::<Vec<_>>(),
        ["room-2", "room-1"]
    );
    assert_eq!(list[1].name, "Platform day");
    assert_eq!(list[1].payloads, [a.clone(), b.clone(), c.clone()]);
}

/// Issue 30: an entry of an imported workshops file that this build cannot read is kept as
/// written among the unreadable ones, once; a file of a newer format is an error that says so.
#[test]
fn issue_30_what_an_imported_workshops_file_cannot_give_is_kept_or_said() {
    let good = workshop_with("w1", "Day", &[]);
    let mut value: Value =
        serde_json::from_str(&encode_workshops(std::slice::from_ref(&good))).expect("JSON");
    value["workshops"]
        .as_array_mut()
        .expect("a list")
        .push(serde_json::json!({"id": "bad id!", "name": 3}));
    let text = value.to_string();
    let (mut list, mut kept) = (Vec::new(), Vec::new());
    for _ in 0..2 {
        let (read, unreadable) = decode_workshops_keeping(&text).expect("reads");
        let report = import_workshops(&mut list, &mut kept, read, unreadable);
        assert_eq!(report.unreadable, 1);
    }
    assert_eq!(kept.len(), 1, "kept once");
    assert_eq!(list.len(), 1);
    assert_eq!(
        decode_workshops_keeping(
            "{\"format\":\"stagefit-workshops\",\"version\":99999999999,\"workshops\":[]}"
        ),
        Err(SnapshotError::NewerVersion("99999999999".into()))
    );
    assert_eq!(
        decode_workshops_keeping(
            "{\"format\":\"stagefit-history\",\"version\":1,\"assessments\":[]}"
        ),
        Err(SnapshotError::WrongShape)
    );
}

/// Issue 30: History tells a workshops file by its format alone, whatever its version.
#[test]
fn issue_30_a_workshops_file_is_told_by_its_format() {
    let export = encode_workshops(&[workshop_with("w1", "Day", &[])]);
    for (text, expected) in [
        (&export[..], true),
        ("{\"format\":\"stagefit-workshops\",\"version\":7}", true),
        (
            "{\"format\":\"stagefit-history\",\"version\":1,\"assessments\":[]}",
            false,
        ),
        ("{\"format\":\"stagefit-snapshot\"}", false),
        ("[\"stagefit-workshops\"]", false),
        ("not JSON", false),
        ("", false),
    ] {
        assert_eq!(is_workshops_file(text), expected, "{text}");
    }
}

/// Issue 28: removed participants come back where they were with Undo, one or several.
#[test]
fn issue_28_removed_participants_are_put_back_where_they_were() {
    fn check(before: &[&str], gone: &[&str], after_removal: &[&str]) {
        let mut w = workshop();
        w.payloads = before.iter().map(|p| p.to_string()).collect();
        let gone: Vec<String> = gone.iter().map(|p| p.to_string()).collect();
        let removed = remove_payloads(&mut w, &gone);
        assert_eq!(w.payloads, after_removal, "{before:?} - {gone:?}");
        restore_payloads(&mut w, &removed);
        assert_eq!(w.payloads, before, "{before:?} - {gone:?} undone");
    }
    check(&["a", "b", "c"], &["b"], &["a", "c"]);
    check(&["a", "b", "c"], &["a", "c"], &["b"]);
    check(&["a", "b", "c"], &["a", "b", "c"], &[]);
    check(&["a", "b", "c"], &["x"], &["a", "b", "c"]);
    // One added again meanwhile is not doubled.
    let mut w = workshop();
    w.payloads = vec!["a".to_string(), "b".to_string()];
    let removed = remove_payloads(&mut w, &["a".to_string()]);
    w.payloads.push("a".to_string());
    restore_payloads(&mut w, &removed);
    assert_eq!(w.payloads, ["b", "a"]);
}
