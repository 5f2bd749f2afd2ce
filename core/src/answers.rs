//! What a person answered: one `Answer` per question of the bank, in the bank's order.
//!
//! This is ground state. Everything else (stage, findings, score) is derived from it.

use super::bank::{Bank, Question};
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
    /// Two or more options of a question that takes several answers at once (`Question::most`
    /// above 1): bit N is option N. One option picked is always `Chosen`, so an answer has one
    /// spelling (`Answer::picks`).
    Several(u16),
}

impl Answer {
    /// Whether the person has said something, "Don't know" included.
    pub fn is_given(self) -> bool {
        self != Answer::Unanswered
    }

    /// The answer that picks the options of `mask` (bit N for option N): nothing picked is
    /// unanswered, one option is `Chosen`, more are `Several`.
    pub fn picks(mask: u16) -> Answer {
        match mask.count_ones() {
            0 => Answer::Unanswered,
            1 => Answer::Chosen(mask.trailing_zeros() as u8),
            _ => Answer::Several(mask),
        }
    }

    /// The options picked, as a mask (bit N for option N); 0 for no option. A `Chosen` past
    /// bit 15 picks nothing a mask can hold.
    pub fn mask(self) -> u16 {
        match self {
            Answer::Chosen(c) => 1_u16.checked_shl(u32::from(c)).unwrap_or(0),
            Answer::Several(mask) => mask,
            Answer::Unanswered | Answer::Unknown => 0,
        }
    }

    /// The options picked, in the bank's order.
    pub fn picked(self) -> impl Iterator<Item = usize> {
        let (single, mask) = match self {
            Answer::Chosen(c) => (Some(usize::from(c)), 0),
            other => (None, other.mask()),
        };
        single
            .into_iter()
            .chain((0..16).filter(move |i| mask & (1 << i) != 0))
    }

    /// Whether `question` can hold this answer: an option it has, or a set of options it
    /// accepts (`Question::accepts`).
    pub fn fits(self, question: &Question) -> bool {
        match self {
            Answer::Unanswered | Answer::Unknown => true,
            Answer::Chosen(c) => usize::from(c) < question.options.len(),
            Answer::Several(mask) => question.several() && question.accepts(mask),
        }
    }

    /// The plausible answers next to this one: the option before or after the one chosen; for a
    /// question that takes several at once, also one of them moved to the option before or
    /// after it, one of them left out, or one more picked. Each answer is a neighbour of its
    /// neighbours, which the score's smoothness rests on. "Don't know" and no answer have none.
    pub fn neighbours(self, question: &Question) -> Vec<Answer> {
        let n = question.options.len();
        let mask = self.mask();
        let mut out = Vec::new();
        for picked in self.picked().filter(|&p| p < n) {
            let others = mask & !(1 << picked);
            for next in [picked.checked_sub(1), Some(picked + 1)]
                .into_iter()
                .flatten()
            {
                if next < n && others & (1 << next) == 0 {
                    out.push(Answer::picks(others | (1 << next)));
                }
            }
            if others != 0 {
                out.push(Answer::picks(others));
            }
        }
        if question.several() && mask != 0 {
            for more in (0..n).filter(|&k| mask & (1 << k) == 0) {
                out.push(Answer::picks(mask | (1 << more)));
            }
        }
        out.retain(|a| a.fits(question) && *a != self);
        out
    }

    /// What picking or unpicking option `option` of a question with several answers makes of
    /// this answer. An answer given alone clears the others, and another answer clears it;
    /// "Don't know" goes once an option is picked. `None` when the pick would go past the
    /// question's `most`: the person must unpick one first.
    pub fn toggled(self, question: &Question, option: usize) -> Option<Answer> {
        let bit = 1_u16
            .checked_shl(option as u32)
            .filter(|_| option < question.options.len())?;
        let mask = self.mask();
        if mask & bit != 0 {
            return Some(Answer::picks(mask & !bit));
        }
        let alone = |i: usize| question.options.get(i).is_some_and(|o| o.alone);
        let kept = if alone(option) {
            0
        } else {
            (0..question.options.len())
                .filter(|&i| mask & (1 << i) != 0 && !alone(i))
                .fold(0, |m, i| m | (1 << i))
        };
        let next = kept | bit;
        (next.count_ones() <= u32::from(question.most)).then(|| Answer::picks(next))
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

    /// Whether the question at `index` still needs an answer before the results: nothing given,
    /// where the question takes one answer. A question that takes several at once may be left
    /// with no box ticked (checkboxes read as "none of these"); it then counts as not answered,
    /// left out of scoring like "Don't know".
    pub fn needs(&self, bank: &Bank, index: usize) -> bool {
        !self.get(index).is_given() && bank.questions.get(index).is_some_and(|q| !q.several())
    }

    /// How many questions still need an answer (`needs`).
    pub fn still_needed(&self, bank: &Bank) -> usize {
        (0..bank.questions.len())
            .filter(|&i| self.needs(bank, i))
            .count()
    }

    /// Whether no question still needs an answer (`needs`).
    pub fn complete(&self, bank: &Bank) -> bool {
        self.still_needed(bank) == 0
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
            let question = &bank.questions[index];
            let answer = if value == "unknown" {
                Answer::Unknown
            } else {
                match value.parse::<u8>() {
                    Ok(i) if usize::from(i) < question.options.len() => Answer::Chosen(i),
                    _ => continue,
                }
            };
            // Checkboxes: every option checked is picked, as long as the question accepts them.
            let answer = match (answers.get(index), answer) {
                (before @ (Answer::Chosen(_) | Answer::Several(_)), Answer::Chosen(_))
                    if question.several() =>
                {
                    let both = Answer::picks(before.mask() | answer.mask());
                    if !both.fits(question) {
                        continue;
                    }
                    both
                }
                _ => answer,
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

/// For property tests: an answer a person could give to `question`, drawn from raw numbers:
/// `kind` 0 is no answer, 1 "Don't know", else an option; for a question with several answers
/// at once, an even `kind` picks the options of `mask` where the question accepts them. Native
/// only, as the property tests that draw answers are.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) fn drawn(question: &Question, kind: u8, option: u8, mask: u16) -> Answer {
    let n = question.options.len();
    let one = Answer::Chosen(option % n as u8);
    match kind % 8 {
        0 => Answer::Unanswered,
        1 => Answer::Unknown,
        k if question.several() && k % 2 == 0 => {
            let picks = Answer::picks(mask & ((1_u32 << n) - 1) as u16);
            if picks.is_given() && picks.fits(question) {
                picks
            } else {
                one
            }
        }
        _ => one,
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

    fn question(id: &str) -> &'static Question {
        BANK.questions.iter().find(|q| q.id == id).expect(id)
    }

    /// Issue 29: picking and unpicking options of a question that takes several answers at once.
    #[test]
    fn several_answers_are_picked_within_what_the_question_accepts() {
        use Answer::{Chosen, Several, Unanswered, Unknown};
        let pains = question("company.pains");
        let under_way = question("platform.under_way");
        assert_eq!(
            (pains.most, pains.several(), pains.all_apply()),
            (2, true, false)
        );
        assert!(under_way.all_apply());
        // (question, answer before, option toggled, answer after; None: refused).
        let cases: [(&Question, Answer, usize, Option<Answer>); 10] = [
            (pains, Unanswered, 1, Some(Chosen(1))),
            (pains, Unknown, 1, Some(Chosen(1))),
            (pains, Chosen(1), 4, Some(Several(0b1_0010))),
            (pains, Several(0b1_0010), 1, Some(Chosen(4))),
            (pains, Chosen(4), 4, Some(Unanswered)),
            // At most two: a third pick is refused, whatever it is.
            (pains, Several(0b1_0010), 0, None),
            // "No single pain stands out" stands alone: it clears the others, and they clear it.
            (pains, Several(0b1_0010), 7, Some(Chosen(7))),
            (pains, Chosen(7), 2, Some(Chosen(2))),
            // Work under way: all that apply, "nothing big" alone.
            (under_way, Several(0b110_0000_1000), 0, Some(Chosen(0))),
            (
                under_way,
                Several(0b110_0000_1000),
                2,
                Some(Several(0b110_0000_1100)),
            ),
        ];
        for (q, before, option, after) in cases {
            assert_eq!(
                before.toggled(q, option),
                after,
                "{} {before:?} {option}",
                q.id
            );
            if let Some(after) = after {
                assert!(after.fits(q), "{after:?}");
            }
        }
        // One spelling: a single pick is always `Chosen`.
        assert_eq!(Answer::picks(0b100), Chosen(2));
        assert_eq!(Answer::picks(0), Unanswered);
        assert!(!Several(0b111).fits(pains), "three pains");
        assert!(!Several(0b1000_0001).fits(pains), "alone with another");
        assert!(
            !Several(0b11).fits(question("company.engineers")),
            "one answer only"
        );
        assert_eq!(Several(0b1_0010).picked().collect::<Vec<_>>(), [1, 4]);
    }

    /// Issue 29: the plausible answers next to several at once, for the transition rule and the
    /// score's smoothness: each is a neighbour of its neighbours.
    #[test]
    fn the_neighbours_of_several_answers_move_leave_out_or_add_one_of_them() {
        use Answer::{Chosen, Several};
        let pains = question("company.pains");
        let mut next = Several(0b1_0010).neighbours(pains);
        next.sort_by_key(|a| a.mask());
        // 1 and 4 picked: 1 moves to 0 or 2, 4 moves to 3 or 5, or one of them is left out.
        assert_eq!(
            next,
            [
                Chosen(1),
                Several(0b1010),
                Chosen(4),
                Several(0b1_0001),
                Several(0b1_0100),
                Several(0b10_0010),
            ]
        );
        // One pain: the next one, or one more beside it (not "no single pain", which is alone);
        // each of these has the one pain among its own neighbours.
        let one = Chosen(0).neighbours(pains);
        assert_eq!(
            one,
            [
                Chosen(1),
                Several(0b11),
                Several(0b101),
                Several(0b1001),
                Several(0b1_0001),
                Several(0b10_0001),
                Several(0b100_0001)
            ]
        );
        assert!(one.iter().all(|n| n.neighbours(pains).contains(&Chosen(0))));
    }

    /// Issue 29: a question that takes several answers may be left with no box ticked; one
    /// that takes one answer may not.
    #[test]
    fn only_questions_with_several_answers_may_be_left_empty() {
        let mut a = Answers::new(&BANK);
        let several: Vec<usize> = (0..BANK.questions.len())
            .filter(|&i| BANK.questions[i].several())
            .collect();
        assert_eq!(several.len(), 2);
        assert_eq!(a.still_needed(&BANK), BANK.questions.len() - 2);
        for i in 0..BANK.questions.len() {
            assert_eq!(a.needs(&BANK, i), !several.contains(&i));
            if !several.contains(&i) {
                a.set(i, Answer::Unknown);
            }
        }
        assert!(a.complete(&BANK));
    }

    #[test]
    fn a_page_s_checked_boxes_become_several_answers() {
        let answers = Answers::from_form(
            &BANK,
            [
                ("company.pains", "1"),
                ("company.pains", "4"),
                ("company.pains", "5"),
                ("platform.under_way", "3"),
            ],
        );
        let at = |id: &str| BANK.questions.iter().position(|q| q.id == id).unwrap();
        // A third pain is more than the question accepts: left out.
        assert_eq!(answers.get(at("company.pains")), Answer::Several(0b1_0010));
        assert_eq!(answers.get(at("platform.under_way")), Answer::Chosen(3));
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
