//! Stagefit: a platform-alignment self-assessment that runs entirely in the browser.
//!
//! The pure core (question bank, scoring, formats) is the `stagefit-core` crate in `core/`; this
//! crate is the browser app around it, in two layers (see ARCHITECTURE.md):
//! - `platform`: the thin edge that alone touches the browser's APIs;
//! - `ui`: Leptos components that hold ground state and render what the core derives.

// Rendering views to HTML natively (the prerendered page) resolves deeply nested view types.
#![recursion_limit = "256"]

// The generated `i18n` module: the `Locale` enum, `t!`, `use_i18n` and the other accessors,
// from `locales/` and `[package.metadata.leptos-i18n]` in Cargo.toml.
//
// The crate now prefers generating this module in build.rs, but a build script's code generator
// is compiled once, for the host, with one set of features: it cannot fetch the strings in the
// wasm and build them in for the native prerender and tests. The macro follows each target's
// features (`dynamic_load` in the browser only, see Cargo.toml), so it is kept.
#[allow(deprecated)]
mod generated {
    leptos_i18n::load_locales!();
}
pub use generated::i18n;

pub mod platform;
pub mod ui;
