//! What a person answered: one `Answer` per question of the bank, in the bank's order.
//!
//! This is ground state. Everything else (stage, findings, score) is derived from it.

use super::bank::Bank;
use super::stage::Stage;

/// The answer to one question.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Answer {
    /// Not answered yet.
    #[default]
    Unanswered,
    /// "Don't know": an answer, but one that is left out of scoring.
    Unknown,
    /// The index of the chosen option.
    Chosen(u8),
}

impl Answer {
    /// Whether the person has said something, "Don't know" included.
    pub fn is_given(self) -> bool {
        self != Answer::Unanswered
    }
}

/// The answers to every question of one bank, and the stage the person says the company is in
/// when they disagree with the inferred one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answers {
    by_question: Vec<Answer>,
    /// The person's own choice of stage; `None` means "use the inferred stage".
    pub stage_override: Option<Stage>,
}

impl Answers {
    /// No question answered yet.
    pub fn new(bank: &Bank) -> Answers {
        Answers {
            by_question: vec![Answer::Unanswered; bank.questions.len()],
            stage_override: None,
        }
    }

    /// The answer to the question at `index`; unanswered for an index the bank does not have.
    pub fn get(&self, index: usize) -> Answer {
        self.by_question.get(index).copied().unwrap_or_default()
    }

    /// Records an answer; an index the bank does not have is ignored.
    pub fn set(&mut self, index: usize, answer: Answer) {
        if let Some(slot) = self.by_question.get_mut(index) {
            *slot = answer;
        }
    }

    /// Every answer, in the bank's order.
    pub fn iter(&self) -> impl Iterator<Item = Answer> + '_ {
        self.by_question.iter().copied()
    }
}
