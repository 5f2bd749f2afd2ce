//! The pure core of Stagefit: the question bank, the answers people give, and the arithmetic
//! that turns answers into a stage, per-dimension findings and a stage-fit score.
//!
//! Plain data in, plain data out. This crate must never import leptos, web_sys, js_sys, gloo
//! or wasm_bindgen, never read a clock, storage or randomness, and cannot fail: everything here
//! is tested natively with `cargo test`.
//!
//! The public API is the `pub use` list below plus the modules the app calls by name
//! (`link::encode`, `snapshot::merge`, `merge::save_draft`, `workshop::gather`, `plan::project`,
//! …); everything else stays private.

mod answers;
mod bank;
pub mod chart;
pub mod compare;
pub mod explain;
pub mod link;
pub mod merge;
pub mod plan;
mod qr;
pub mod report;
pub mod route;
mod scoring;
pub mod snapshot;
mod stage;
mod steps;
pub mod workshop;

pub use answers::{Answer, Answers};
pub use bank::{
    Advice, AdviceKind, BANK, Band, Bank, BankText, Choice, Dimension, Fit, Goal, JsonBankText,
    Part, People, Question, Share, Shift, keys, minutes, reading_words, words,
};
pub use plan::{Move, Plan};
pub use qr::{Qr, qr};
pub use scoring::{
    Assessment, Confidence, DimensionResult, Evidence, Finding, LevelAnswer, Priority,
    PriorityKind, ShareRange, StageInference, StrategyEffect, StrategyNote, Transition, assess,
    confidence_from_counts, judged_across, share_words,
};
pub use stage::Stage;
pub use steps::{StepPlan, step_of, steps};

/// Every platform question answered with option `platform` and every other with `company`
/// (each clamped to the question's last option): the answers tests use to reach the model's
/// corners.
#[cfg(test)]
pub(crate) fn answered_all(company: u8, platform: u8) -> Answers {
    let mut answers = Answers::new(&BANK);
    for (i, q) in BANK.questions.iter().enumerate() {
        let pick = if q.part == Part::Platform {
            platform
        } else {
            company
        };
        let last = (q.options.len() - 1) as u8;
        answers.set(i, Answer::Chosen(pick.min(last)));
    }
    answers
}

/// How many cases each property test of the decoders runs: `STAGEFIT_FUZZ_CASES` (100,000 in the
/// long run of `./setup.sh bench`), or `default` in CI.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) fn fuzz_cases(default: u32) -> u32 {
    std::env::var("STAGEFIT_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
