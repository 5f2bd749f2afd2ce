//! The Leptos UI, by concern (see ARCHITECTURE.md):
//! - `app`: the shell: start-up and the takeover of the prerendered page, the router, the
//!   session (the assessment in progress) and the page's frame;
//! - `views`: what is shown at each address; they read state and call its methods;
//! - `state`: what is stored, kept in step with browser storage; the only writer of state;
//! - `text`: every word, in the language in use;
//! - `widgets`: small pieces shared by several views.
//!
//! Imports run one way: app -> views -> widgets -> state, text -> platform -> core.

pub mod app;
pub mod state;
pub mod text;
pub mod views;
pub mod widgets;

pub use app::{App, start, start_viewer, take_over};
#[cfg(not(target_arch = "wasm32"))]
pub use app::{Shells, prerender, prerender_in, prerender_shells};
pub use state::Store;
pub use text::lang;
