//! What a room decides (issue 28): the slides of "Present results", a summary first and the
//! decision last; the answers the room agreed on; and the room's own assessment made of them.
//!
//! The agreed answers are ground state (what the facilitator recorded), kept with the workshop
//! by question id; the room's assessment is always recomputed from them and from the room's
//! median answers, never stored.

use std::collections::BTreeMap;

use super::{Aggregate, Position, Workshop};
use crate::answers::{Answer, Answers};
use crate::bank::Bank;
use crate::scoring::{Assessment, assess};

/// The room's agreed answers: a question's stable id to the index of the option agreed on.
pub type Agreed = BTreeMap<String, u8>;

/// One slide of "Present results", in the order they are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slide {
    /// The room at a glance: the stage split, the score of its median answers and its
    /// priorities.
    Summary,
    /// One area (a dimension index) where people do not all sit within the room's band: where
    /// each person places it.
    Area(usize),
    /// The areas where people differ that have no slide of their own (`other_areas`): a line
    /// each, so the deck stays short enough for one meeting.
    OtherAreas,
    /// Every area where everyone sits within the band, together (`agreed_areas`).
    Agreement,
    /// One of the questions the room answered most differently (an index into
    /// `Aggregate::divergent`), with the split of its answers and the room's answer to record.
    Question(usize),
    /// What the room decided: its own assessment, made of the agreed answers.
    Decision,
}

/// The areas anyone answered where every level sits within the band of the room's stage, in
/// the bank's order: nothing to discuss there, so they share one slide.
pub fn agreed_areas(aggregate: &Aggregate) -> Vec<usize> {
    aggregate
        .spreads
        .iter()
        .filter(|s| !s.levels.is_empty())
        .filter(|s| {
            let band = aggregate.median.dimensions[s.dimension].band;
            s.levels
                .iter()
                .all(|&level| Position::of(level, band) == Position::Within)
        })
        .map(|s| s.dimension)
        .collect()
}

/// The most slides a deck has (issue 28: twenty slides for a room of eight was more than one
/// meeting can go through).
pub const MOST_SLIDES: usize = 12;

/// The areas where people differ, most disagreement first, split into those with a slide of
/// their own and the rest (`Slide::OtherAreas`): the summary, the questions, the decision and
/// the slide of agreement come first, the areas take the slides left of `MOST_SLIDES`.
fn area_split(aggregate: &Aggregate) -> (Vec<usize>, Vec<usize>) {
    let agreed = agreed_areas(aggregate);
    let mut differ: Vec<usize> = aggregate
        .by_disagreement
        .iter()
        .copied()
        .filter(|&d| !aggregate.spreads[d].levels.is_empty() && !agreed.contains(&d))
        .collect();
    let fixed = 2 + usize::from(!agreed.is_empty()) + aggregate.divergent.len();
    let room = MOST_SLIDES.saturating_sub(fixed);
    if differ.len() <= room {
        return (differ, Vec::new());
    }
    // One of the slides left lists the rest.
    let rest = differ.split_off(room.saturating_sub(1));
    (differ, rest)
}

/// The areas where people differ that have no slide of their own, most disagreement first.
pub fn other_areas(aggregate: &Aggregate) -> Vec<usize> {
    area_split(aggregate).1
}

/// The slides for a room: the summary; each area where people differ, most disagreement first
/// (those past what `MOST_SLIDES` leaves room for share one slide); one slide for the areas
/// where everyone agrees; each question to discuss, one a slide so its answers can be read from
/// the back of the room; and the decision. An empty room has none.
pub fn slides(aggregate: &Aggregate) -> Vec<Slide> {
    if aggregate.n_participants == 0 {
        return Vec::new();
    }
    let (own, others) = area_split(aggregate);
    let mut slides = vec![Slide::Summary];
    slides.extend(own.into_iter().map(Slide::Area));
    if !others.is_empty() {
        slides.push(Slide::OtherAreas);
    }
    if !agreed_areas(aggregate).is_empty() {
        slides.push(Slide::Agreement);
    }
    slides.extend((0..aggregate.divergent.len()).map(Slide::Question));
    slides.push(Slide::Decision);
    slides
}

/// The id of a workshop's own result in History: one per workshop, so finishing again adds a
/// version to it rather than a second result. A workshop id is at most 32 characters, so this
/// stays within a snapshot id's 64.
pub fn room_result_id(workshop_id: &str) -> String {
    format!("room-{workshop_id}")
}

/// The option the room agreed on for the question at `question`, if one is recorded and the
/// question still has it.
pub fn agreed_option(bank: &Bank, agreed: &Agreed, question: usize) -> Option<u8> {
    let q = bank.questions.get(question)?;
    agreed
        .get(q.id)
        .copied()
        .filter(|&o| usize::from(o) < q.options.len())
}

/// Records (`Some`) or clears (`None`) the room's answer to the question at `question`. An
/// option the question does not have is not recorded.
pub fn record_agreed(bank: &Bank, workshop: &mut Workshop, question: usize, option: Option<u8>) {
    let Some(q) = bank.questions.get(question) else {
        return;
    };
    match option {
        Some(o) if usize::from(o) < q.options.len() => {
            workshop.agreed.insert(q.id.to_string(), o);
        }
        Some(_) => {}
        None => {
            workshop.agreed.remove(q.id);
        }
    }
}

/// The room's own answers: what it agreed on, and the room's median answer wherever nothing
/// was recorded. Agreed answers to questions this bank no longer asks are left out.
pub fn room_answers(bank: &Bank, aggregate: &Aggregate, agreed: &Agreed) -> Answers {
    let mut answers = aggregate.answers.clone();
    for q in 0..bank.questions.len() {
        if let Some(o) = agreed_option(bank, agreed, q) {
            answers.set(q, Answer::Chosen(o));
        }
    }
    answers
}

/// The room's own assessment: `room_answers`, assessed.
pub fn room_result(bank: &Bank, aggregate: &Aggregate, agreed: &Agreed) -> Assessment {
    assess(bank, &room_answers(bank, aggregate, agreed))
}

/// The questions with an agreed answer this bank can read, in the bank's order, each with the
/// option agreed on.
pub fn agreed_answers(bank: &Bank, agreed: &Agreed) -> Vec<(usize, u8)> {
    (0..bank.questions.len())
        .filter_map(|q| agreed_option(bank, agreed, q).map(|o| (q, o)))
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
