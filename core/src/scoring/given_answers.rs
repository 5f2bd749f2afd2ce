// Included (`include!`) by `scoring/tests.rs` and `examples/transition_jumps.rs`, so the property
// tests and the measurement draw the same answer sets; it is not a module of its own. Where it
// is included, `proptest::prelude::*`, `Answer`, `Answers`, `BANK` and `Stage` are in scope.

/// Answers a person could give: each question unanswered, "Don't know" or one of its options
/// (for a question that takes several at once, one in two times a set of them it accepts), with
/// or without a stage chosen.
fn given_answers() -> impl Strategy<Value = Answers> {
    let n = BANK.questions.len();
    (
        proptest::collection::vec((0_u8..=255, 0_u8..16, proptest::num::u16::ANY), n),
        proptest::option::weighted(0.2, 0_usize..3),
    )
        .prop_map(|(raw, stage)| {
            let mut a = Answers::new(&BANK);
            for (index, (kind, option, mask)) in raw.into_iter().enumerate() {
                let q = &BANK.questions[index];
                let n_options = q.options.len();
                let one = Answer::Chosen(option % n_options as u8);
                let several = Answer::picks(mask & ((1_u32 << n_options) - 1) as u16);
                a.set(
                    index,
                    match kind {
                        0..=15 => Answer::Unanswered,
                        16..=40 => Answer::Unknown,
                        k if k % 2 == 0 && q.several() && several.is_given() && several.fits(q) => {
                            several
                        }
                        _ => one,
                    },
                );
            }
            a.stage_override = stage.map(|i| Stage::ALL[i]);
            a
        })
}
