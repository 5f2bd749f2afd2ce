//! Measures how far one neighbouring company answer moves the score of a company in transition
//! (issue 29): over random answer sets drawn as the property tests draw them, it counts the
//! pairs (answers, the same with one company answer moved to its neighbouring option) where
//! either side is in transition and the score moves more than 20 points, by kind of pair, and
//! the same over every neighbouring pair. The head count is left out, as in the property test:
//! the platform team's share is read from it, so changing it changes a measurement too.
//! Run: `cargo run --release -p stagefit-core --example transition_jumps [-- CASES]`; with
//! `SHOW=1` it also prints each pair that moves more than 20 points, with the stages weighed.

// Native only: its random answer sets come from proptest, a native dev-dependency.
fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    measure::main();
}

#[cfg(not(target_arch = "wasm32"))]
mod measure {
    use proptest::prelude::*;
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    use stagefit_core::{Answer, Answers, Assessment, BANK, Part, Stage, assess, explain};

    // The answer sets the scoring tests draw.
    include!("../src/scoring/given_answers.rs");

    fn in_transition(r: &Assessment) -> bool {
        r.stage.transition.is_some() && !r.stage.chosen
    }

    fn anywhere(r: &Assessment) -> bool {
        r.stage
            .transition
            .is_some_and(|t| (t.from, t.to) == (Stage::Early, Stage::Mature))
    }

    pub fn main() {
        let cases: usize = std::env::args()
            .nth(1)
            .and_then(|n| n.parse().ok())
            .unwrap_or(100_000);
        let company: Vec<usize> = (0..BANK.questions.len())
            .filter(|&i| BANK.questions[i].part == Part::Company)
            .filter(|&i| {
                !BANK
                    .questions
                    .iter()
                    .any(|q| q.share_of.is_some_and(|s| s.question == i))
            })
            .collect();
        let mut runner = TestRunner::deterministic();
        let strategy = given_answers();
        // Pairs with either side in transition, and of those the jumps over 20, by kind:
        // [same line, across the line, into or out of the transition, "anywhere" on either side].
        let mut pairs = [0_usize; 4];
        let mut jumps = [0_usize; 4];
        let mut largest = 0_u8;
        // Of the pairs with a side in transition, those whose verdict ("fits well", "partly fits",
        // "out of step") differs.
        let mut verdicts = 0_usize;
        // Every neighbouring pair, in transition or not, and the largest move among them.
        let (mut all_pairs, mut all_jumps, mut all_largest) = (0_usize, 0_usize, 0_u8);
        for _ in 0..cases {
            let Ok(tree) = strategy.new_tree(&mut runner) else {
                continue;
            };
            let a = tree.current();
            let before = assess(&BANK, &a);
            for &index in &company {
                // Each neighbour: the option before or after, or for several answers at once one
                // of them moved or left out (`Answer::neighbours`).
                for next in a.get(index).neighbours(&BANK.questions[index]) {
                    let mut b = a.clone();
                    b.set(index, next);
                    let after = assess(&BANK, &b);
                    let (Some(x), Some(y)) = (before.score, after.score) else {
                        continue;
                    };
                    all_pairs += 1;
                    all_jumps += usize::from(x.abs_diff(y) > 20);
                    if x.abs_diff(y) > 20 && std::env::var("SHOW").is_ok() {
                        let w = |r: &Assessment| {
                            r.stage
                                .weighed
                                .iter()
                                .map(|w| (w.stage, w.share, w.answers_away))
                                .collect::<Vec<_>>()
                        };
                        eprintln!(
                            "{x} -> {y}: q{index} {:?} -> {:?}\n  {:?}\n  {:?}\n  company {:?}",
                            a.get(index),
                            b.get(index),
                            w(&before),
                            w(&after),
                            (0..BANK.questions.len())
                                .filter(|&i| BANK.questions[i].part == Part::Company)
                                .map(|i| a.get(i))
                                .collect::<Vec<_>>()
                        );
                    }
                    all_largest = all_largest.max(x.abs_diff(y));
                    if !in_transition(&before) && !in_transition(&after) {
                        continue;
                    }
                    let kind = if anywhere(&before) || anywhere(&after) {
                        3
                    } else if before.stage.transition != after.stage.transition
                        || before.stage.chosen != after.stage.chosen
                    {
                        2
                    } else if before.stage.stage != after.stage.stage {
                        1
                    } else {
                        0
                    };
                    pairs[kind] += 1;
                    if x.abs_diff(y) > 20 {
                        jumps[kind] += 1;
                    }
                    largest = largest.max(x.abs_diff(y));
                    verdicts +=
                        usize::from(explain::verdict_of(&before) != explain::verdict_of(&after));
                }
            }
        }
        let names = [
            "same line, same stage",
            "across the line",
            "into or out of transition",
            "early to mature (\"anywhere\") on a side",
        ];
        println!("{cases} random answer sets; neighbouring pairs with a side in transition:");
        for k in 0..4 {
            println!(
                "  {:<42} {:>7} pairs, {:>7} jump > 20",
                names[k], pairs[k], jumps[k]
            );
        }
        println!(
            "  {:<42} {:>7} pairs, {:>7} jump > 20 (largest {largest})",
            "all",
            pairs.iter().sum::<usize>(),
            jumps.iter().sum::<usize>()
        );
        println!("  of which the verdict differs: {verdicts}");
        println!(
            "every neighbouring pair (in transition or not): {all_pairs} pairs, {all_jumps} jump > 20 (largest {all_largest})"
        );
    }
}
