// Included (`include!`) by `scoring/tests.rs` and `examples/transition_jumps.rs`, so the property
// tests and the measurement draw the same answer sets; it is not a module of its own. Where it
// is included, `proptest::prelude::*`, `Answer`, `Answers`, `BANK` and `Stage` are in scope.

/// Answers a person could give: each question unanswered, "Don't know" or one of its options,
/// with or without a stage chosen.
fn given_answers() -> impl Strategy<Value = Answers> {
    let n = BANK.questions.len();
    (
        proptest::collection::vec((0_u8..=255, 0_u8..8), n),
        proptest::option::weighted(0.2, 0_usize..3),
    )
        .prop_map(|(raw, stage)| {
            let mut a = Answers::new(&BANK);
            for (index, (kind, option)) in raw.into_iter().enumerate() {
                let n_options = BANK.questions[index].options.len() as u8;
                a.set(
                    index,
                    match kind {
                        0..=15 => Answer::Unanswered,
                        16..=40 => Answer::Unknown,
                        _ => Answer::Chosen(option % n_options),
                    },
                );
            }
            a.stage_override = stage.map(|i| Stage::ALL[i]);
            a
        })
}
