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

    /// The answers a page's checked options hold, as (name, value) pairs: the name is a
    /// question's id, the value an option's index or `"unknown"` (the page contract's
    /// "Don't know"). This is how the app takes over the answers given on the prerendered page
    /// before it started. A pair that names no question or no option of it is left out.
    pub fn from_form<'a>(
        bank: &Bank,
        checked: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Answers {
        let mut answers = Answers::new(bank);
        for (name, value) in checked {
            let Some(index) = bank.questions.iter().position(|q| q.id == name) else {
                continue;
            };
            let answer = if value == "unknown" {
                Answer::Unknown
            } else {
                match value.parse::<u8>() {
                    Ok(i) if usize::from(i) < bank.questions[index].options.len() => {
                        Answer::Chosen(i)
                    }
                    _ => continue,
                }
            };
            answers.set(index, answer);
        }
        answers
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::BANK;

    #[test]
    fn a_page_s_checked_options_become_answers() {
        let first = BANK.questions[0].id;
        let second = BANK.questions[1].id;
        let n = BANK.questions[0].options.len();
        let answers = Answers::from_form(&BANK, [(first, "1"), (second, "unknown")]);
        assert_eq!(answers.get(0), Answer::Chosen(1));
        assert_eq!(answers.get(1), Answer::Unknown);
        assert!(answers.iter().skip(2).all(|a| a == Answer::Unanswered));
        // What the page cannot mean is left out: no such question, no such option, not a number.
        let past = n.to_string();
        let odd = Answers::from_form(
            &BANK,
            [
                ("no.such.question", "0"),
                (first, past.as_str()),
                (first, "-1"),
                (first, ""),
            ],
        );
        assert_eq!(odd, Answers::new(&BANK));
    }
}
