//! How the questionnaire is cut into steps: each part in order, a few questions per step, so a
//! phone screen holds one step and progress reads "Step 2 of 4".

use super::answers::Answers;
use super::bank::{Bank, Part};

/// The most questions one step shows.
const MAX_PER_STEP: usize = 3;

/// One step of the questionnaire.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepPlan {
    pub part: Part,
    /// Indices into the bank's questions, in order.
    pub questions: Vec<usize>,
    /// 1-based position of this step and the number of steps, for "Step 2 of 4".
    pub number: usize,
    pub total: usize,
}

impl StepPlan {
    /// The questions of this step that still need an answer ("Don't know" counts as an answer;
    /// a question that takes several at once may be left empty: `Answers::needs`).
    pub fn missing(&self, bank: &Bank, answers: &Answers) -> Vec<usize> {
        self.questions
            .iter()
            .copied()
            .filter(|&q| answers.needs(bank, q))
            .collect()
    }

    /// Whether this is the last step, after which the results come.
    pub fn is_last(&self) -> bool {
        self.number == self.total
    }
}

/// The steps for a bank: parts in the order company, strategy, platform; each part split into
/// the fewest steps of at most `MAX_PER_STEP` questions, as evenly as possible.
pub fn steps(bank: &Bank) -> Vec<StepPlan> {
    let mut plans = Vec::new();
    for part in [Part::Company, Part::Strategy, Part::Platform] {
        let questions: Vec<usize> = bank
            .questions
            .iter()
            .enumerate()
            .filter(|(_, q)| q.part == part)
            .map(|(i, _)| i)
            .collect();
        if questions.is_empty() {
            continue;
        }
        let n_steps = questions.len().div_ceil(MAX_PER_STEP);
        let mut start = 0;
        for step in 0..n_steps {
            // Spread the remainder over the first steps so no step is much shorter than another.
            let size = questions.len() / n_steps + usize::from(step < questions.len() % n_steps);
            plans.push(StepPlan {
                part,
                questions: questions[start..start + size].to_vec(),
                number: 0,
                total: 0,
            });
            start += size;
        }
    }
    let total = plans.len();
    for (index, plan) in plans.iter_mut().enumerate() {
        plan.number = index + 1;
        plan.total = total;
    }
    plans
}

/// The step (counted from 0) that asks `question`, so "Change" can open it.
pub fn step_of(plans: &[StepPlan], question: usize) -> Option<usize> {
    plans.iter().position(|p| p.questions.contains(&question))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Answer, BANK};

    #[test]
    fn every_question_is_asked_by_exactly_the_step_step_of_names() {
        let plans = steps(&BANK);
        for q in 0..BANK.questions.len() {
            let step = step_of(&plans, q).expect("every question is on a step");
            assert!(plans[step].questions.contains(&q));
        }
        assert_eq!(step_of(&plans, BANK.questions.len()), None);
    }

    #[test]
    fn every_question_is_in_exactly_one_step_in_bank_order_within_a_part() {
        let plans = steps(&BANK);
        let mut seen: Vec<usize> = plans.iter().flat_map(|p| p.questions.clone()).collect();
        assert_eq!(seen.len(), BANK.questions.len());
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), BANK.questions.len());
        for plan in &plans {
            assert!(!plan.questions.is_empty() && plan.questions.len() <= MAX_PER_STEP);
            assert!(
                plan.questions
                    .iter()
                    .all(|&q| BANK.questions[q].part == plan.part)
            );
        }
    }

    #[test]
    fn steps_are_numbered_and_only_the_last_is_last() {
        let plans = steps(&BANK);
        assert!(plans.len() >= 2);
        for (index, plan) in plans.iter().enumerate() {
            assert_eq!((plan.number, plan.total), (index + 1, plans.len()));
            assert_eq!(plan.is_last(), index + 1 == plans.len());
        }
    }

    #[test]
    fn missing_lists_unanswered_questions_and_dont_know_counts_as_answered() {
        let plan = &steps(&BANK)[0];
        let mut answers = Answers::new(&BANK);
        assert_eq!(plan.missing(&BANK, &answers), plan.questions);
        answers.set(plan.questions[0], Answer::Unknown);
        assert_eq!(plan.missing(&BANK, &answers), plan.questions[1..].to_vec());
    }
}
