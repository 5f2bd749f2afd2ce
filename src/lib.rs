//! Stagefit: a platform-alignment self-assessment that runs entirely in the browser.
//!
//! The pure core (question bank, scoring, formats) is the `stagefit-core` crate in `core/`; this
//! crate is the browser app around it, in two layers (see ARCHITECTURE.md):
//! - `platform`: the thin edge that alone touches the browser's APIs;
//! - `ui`: Leptos components that hold ground state and render what the core derives.

// Rendering views to HTML natively (the prerendered page) resolves deeply nested view types.
#![recursion_limit = "256"]

pub mod platform;
pub mod ui;
