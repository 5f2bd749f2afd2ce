//! Native tests of what a room decides: the slides, the agreed answers and the room's result.

use super::super::{aggregate, decode_workshops, encode_workshops, gather, participants};
use super::*;
use crate::BANK;

/// The room of eight the end-to-end tests use (issue 28), as a workshop.
fn room_of_eight() -> Workshop {
    let mut w = Workshop {
        id: "bench".to_string(),
        name: "Room of eight".to_string(),
        note: String::new(),
        created: 0.0,
        payloads: Vec::new(),
        agreed: Agreed::new(),
        unknown: Default::default(),
    };
    let text = include_str!("../../../../tests/fixtures/workshop-8.txt");
    assert_eq!(gather(&BANK, &mut w, text).added, 8);
    w
}

/// The workshop as stored, after checking that it reads back as it was.
fn snapshot_text_round_trip(w: &Workshop) -> String {
    let text = encode_workshops(std::slice::from_ref(w));
    assert_eq!(decode_workshops(&text), Ok(vec![w.clone()]));
    text
}

#[test]
fn issue_28_a_room_of_eight_shows_a_summary_first_the_decision_last_and_at_most_12_slides() {
    let w = room_of_eight();
    let agg = aggregate(&BANK, &participants(&BANK, &w));
    let all = slides(&agg);
    assert_eq!(all.first(), Some(&Slide::Summary));
    assert_eq!(all.last(), Some(&Slide::Decision));
    assert!(all.len() <= 12, "{} slides: {all:?}", all.len());
    // Every answered area is on a slide of its own or on the one where everyone agrees.
    let agreed = agreed_areas(&agg);
    let areas: Vec<usize> = all
        .iter()
        .filter_map(|s| match s {
            Slide::Area(d) => Some(*d),
            _ => None,
        })
        .collect();
    let answered = agg.spreads.iter().filter(|s| !s.levels.is_empty()).count();
    let others = other_areas(&agg);
    assert_eq!(areas.len() + others.len() + agreed.len(), answered);
    assert_eq!(all.contains(&Slide::Agreement), !agreed.is_empty());
    assert_eq!(all.contains(&Slide::OtherAreas), !others.is_empty());
    // The areas with a slide of their own are those with the most disagreement.
    let mut differ = areas.clone();
    differ.extend(&others);
    assert_eq!(&differ[..areas.len()], &areas[..]);
    // Most disagreement first.
    let order: Vec<usize> = agg
        .by_disagreement
        .iter()
        .copied()
        .filter(|d| differ.contains(d))
        .collect();
    assert_eq!(differ, order);
}

#[test]
fn an_empty_room_has_no_slides() {
    assert_eq!(slides(&aggregate(&BANK, &[])), []);
}

#[test]
fn agreed_answers_replace_the_median_and_the_rest_stays_the_rooms() {
    let mut w = room_of_eight();
    let agg = aggregate(&BANK, &participants(&BANK, &w));
    // Nothing recorded: the room's result is its median answers'.
    assert_eq!(room_result(&BANK, &agg, &w.agreed), agg.median);
    let (first, second) = (agg.divergent[0].question, agg.divergent[1].question);
    record_agreed(&BANK, &mut w, first, Some(0));
    record_agreed(&BANK, &mut w, second, Some(1));
    // An option the question does not have, or a question that is not there, is not recorded.
    record_agreed(&BANK, &mut w, first, Some(200));
    record_agreed(&BANK, &mut w, 10_000, Some(0));
    assert_eq!(agreed_answers(&BANK, &w.agreed), {
        let mut both = vec![(first, 0), (second, 1)];
        both.sort();
        both
    });
    let answers = room_answers(&BANK, &agg, &w.agreed);
    for q in 0..BANK.questions.len() {
        let expected = match q {
            q if q == first => Answer::Chosen(0),
            q if q == second => Answer::Chosen(1),
            q => agg.answers.get(q),
        };
        assert_eq!(answers.get(q), expected, "question {q}");
    }
    // Cleared: the median again.
    record_agreed(&BANK, &mut w, first, None);
    assert_eq!(agreed_option(&BANK, &w.agreed, first), None);
    assert_eq!(agreed_option(&BANK, &w.agreed, second), Some(1));
}

#[test]
fn agreed_answers_this_build_cannot_use_are_left_out_not_an_error() {
    let mut agreed = Agreed::new();
    agreed.insert("no-such-question".to_string(), 0);
    agreed.insert(BANK.questions[0].id.to_string(), 250);
    assert_eq!(agreed_answers(&BANK, &agreed), []);
    let agg = aggregate(&BANK, &participants(&BANK, &room_of_eight()));
    assert_eq!(room_result(&BANK, &agg, &agreed), agg.median);
}

#[test]
fn issue_28_agreed_answers_are_stored_with_the_workshop_and_kept_by_older_builds() {
    let mut w = room_of_eight();
    // None: stored exactly as before.
    assert!(!snapshot_text_round_trip(&w).contains("agreed"));
    record_agreed(&BANK, &mut w, 3, Some(1));
    let text = snapshot_text_round_trip(&w);
    assert!(text.contains(&format!("\"agreed\":{{\"{}\":1}}", BANK.questions[3].id)));
    // A shape this build does not write (a newer build's) is kept as it was, never lost.
    let newer = text.replace(
        &format!("{{\"{}\":1}}", BANK.questions[3].id),
        "[{\"q\":\"x\",\"votes\":[1,2]}]",
    );
    let read = decode_workshops(&newer).unwrap();
    assert!(read[0].agreed.is_empty());
    assert!(encode_workshops(&read).contains("\"agreed\":[{\"q\":\"x\",\"votes\":[1,2]}]"));
}
