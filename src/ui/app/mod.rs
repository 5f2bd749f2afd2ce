//! The app shell: start-up (`boot`), the takeover of the prerendered page (`takeover`), the
//! shell that provides the state every view reads and draws the page's frame (`shell`), the
//! router that maps addresses to views (`router`), and the frame itself (`chrome`).

mod boot;
mod chrome;
mod router;
mod shell;
pub mod takeover;
mod viewer;

#[cfg(not(target_arch = "wasm32"))]
pub use boot::{Shells, prerender, prerender_in, prerender_shells};
pub use boot::{start, take_over};
pub use shell::App;
pub use viewer::start_viewer;
