//! The viewer (issue 27): the same crate's second entry point (`src/bin/viewer.rs`), built as a
//! wasm of its own that carries only what a shared result's verdict needs. On a shared result's
//! address the page starts it first; it reads the link, fetches the words and draws the score,
//! the stage and the priorities into the page's frame with the results view's own components,
//! long before the whole app has arrived. The app then takes the page over as on any address.

use leptos::prelude::*;

use crate::platform;
use crate::ui::state;
use crate::ui::text::lang;
use crate::ui::views::results::SharedVerdict;

/// Draws the shared result at the page's address into its frame; says it is done either way.
pub fn start_viewer() {
    let Some((assessment, label)) = state::shared_at_address() else {
        // A link the app will say it cannot read, or no link at all: nothing to draw.
        platform::viewer_done();
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let locale = lang::of_page();
        let loaded = lang::load_results(locale).await;
        // The words are read in the task the last file arrived in; drawing is a task of its own,
        // so neither holds a slow phone for long.
        platform::next_task().await;
        if loaded && let Some(frame) = platform::shared_frame() {
            leptos::mount::mount_to(frame, move || {
                lang::provide(locale);
                view! { <SharedVerdict assessment label /> }
            })
            .forget();
        }
        platform::viewer_done();
    });
}
