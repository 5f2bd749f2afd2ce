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

    /// `theirs` (a copy saved elsewhere, say another tab, since `base` was read) with the
    /// changes `ours` made to `base` on top: an answer changed here wins, every other answer is
    /// theirs. Two tabs answering different questions of one assessment both keep their answers.
    pub fn with_changes(theirs: &Answers, base: &Answers, ours: &Answers) -> Answers {
        let mut merged = theirs.clone();
        for (index, answer) in ours.iter().enumerate() {
            if answer != base.get(index) {
                merged.set(index, answer);
            }
        }
        if ours.stage_override != base.stage_override {
            merged.stage_override = ours.stage_override;
        }
        merged
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

    #[test]
    fn changes_made_here_go_on_top_of_a_copy_saved_elsewhere() {
        use Answer::{Chosen, Unanswered, Unknown};
        // (base, ours, theirs, merged), for the first three questions.
        type Three = [Answer; 3];
        let cases: [(Three, Three, Three, Three); 4] = [
            // Different questions answered here and there: both kept.
            (
                [Unanswered; 3],
                [Chosen(1), Unanswered, Unanswered],
                [Unanswered, Chosen(2), Unanswered],
                [Chosen(1), Chosen(2), Unanswered],
            ),
            // Nothing changed here: theirs as it is.
            (
                [Chosen(0), Unanswered, Unanswered],
                [Chosen(0), Unanswered, Unanswered],
                [Chosen(3), Unknown, Unanswered],
                [Chosen(3), Unknown, Unanswered],
            ),
            // The same question changed in both: the change made here wins.
            (
                [Chosen(0), Unanswered, Unanswered],
                [Chosen(2), Unanswered, Unanswered],
                [Chosen(1), Unanswered, Unanswered],
                [Chosen(2), Unanswered, Unanswered],
            ),
            // A change back to nothing counts as a change.
            (
                [Chosen(0), Chosen(1), Unanswered],
                [Unanswered, Chosen(1), Unanswered],
                [Chosen(0), Chosen(1), Chosen(2)],
                [Unanswered, Chosen(1), Chosen(2)],
            ),
        ];
        let of = |three: [Answer; 3]| {
            let mut a = Answers::new(&BANK);
            three.iter().enumerate().for_each(|(i, &x)| a.set(i, x));
            a
        };
        for (base, ours, theirs, merged) in cases {
            assert_eq!(
                Answers::with_changes(&of(theirs), &of(base), &of(ours)),
                of(merged),
                "base {base:?}, ours {ours:?}, theirs {theirs:?}"
            );
        }
        // The stage chosen by the person merges the same way.
        let mut ours = Answers::new(&BANK);
        ours.stage_override = Some(Stage::Mature);
        let mut theirs = Answers::new(&BANK);
        theirs.set(0, Chosen(1));
        let merged = Answers::with_changes(&theirs, &Answers::new(&BANK), &ours);
        assert_eq!(
            (merged.get(0), merged.stage_override),
            (Chosen(1), Some(Stage::Mature))
        );
    }
}
