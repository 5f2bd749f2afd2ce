//! The pure core of Stagefit: the question bank, the answers people give, and the arithmetic
//! that turns answers into a stage, per-dimension findings and a stage-fit score.
//!
//! Plain data in, plain data out. This crate must never import leptos, web_sys, js_sys, gloo
//! or wasm_bindgen, never read a clock, storage or randomness, and cannot fail: everything here
//! is tested natively with `cargo test`.

mod answers;
mod bank;
pub mod chart;
pub mod explain;
pub mod link;
pub mod numbers;
pub mod qr;
pub mod report;
mod scoring;
pub mod snapshot;
mod steps;
pub mod workshop;

pub use answers::{Answer, Answers};
pub use bank::{Advice, BANK, Band, Bank, Choice, Dimension, Okr, Part, Question, Shift};
pub use scoring::{
    Assessment, Confidence, DimensionResult, Evidence, Finding, LevelAnswer, Priority,
    PriorityKind, Stage, StageInference, StrategyEffect, Transition, assess,
};
pub use steps::{StepPlan, steps};

/// How many cases each property test of the decoders runs: `STAGEFIT_FUZZ_CASES` (100,000 in the
/// long run of `./setup.sh bench`), or `default` in CI.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) fn fuzz_cases(default: u32) -> u32 {
    std::env::var("STAGEFIT_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
