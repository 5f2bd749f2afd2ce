//! Stagefit: a platform-alignment self-assessment that runs entirely in the browser.
//!
//! Three layers, each in its own module (see ARCHITECTURE.md):
//! - `assessment`: the pure core (question bank, scoring); no browser, no UI;
//! - `platform`: the thin edge that alone touches the browser's APIs;
//! - `ui`: Leptos components that hold ground state and render what the core derives.

pub mod assessment;
pub mod platform;
pub mod ui;
