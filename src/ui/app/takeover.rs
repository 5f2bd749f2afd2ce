//! The app taking over the prerendered page, drawn in parts.
//!
//! Drawing the whole app at once is one long task (on a slow phone, well over the 50 ms after
//! which a page feels stuck): most of it is the wasm running its render code for the first time.
//! So the app is drawn off the page, in parts (`widgets::later`), a task each: the prerendered
//! page is read, then the app is set up (its state, the router), then its frame (header, notices,
//! footer) is drawn, then the view in `<main>`, then a result's details and its charts (issue
//! 27), then the first step's questions. Between parts the
//! browser draws and answers input on the prerendered page, which stays in place and usable.
//! With the last part, in one task, the app takes the answers given meanwhile, goes on the page
//! in place of the prerendered copy, and focus and scroll go back where they were.
//!
//! Anywhere else (the tests, the prerender) there is no `Drawing`, and `Later` draws at once.

use leptos::prelude::*;

use crate::platform;
use crate::ui::text::lang;
use stagefit_core::{Answers, BANK};

use crate::ui::widgets::later::{Drawing, ON_PAGE};
pub use crate::ui::widgets::later::{FRAME, Later, MAIN, QUESTIONS};

/// Waits until the app is on the page: at once, outside a takeover. Called while the app is
/// drawn (it reads the takeover's context), by work that is to wait for the first view, such as
/// reading a long history.
pub fn on_page() -> impl Future<Output = ()> + 'static {
    let drawing = use_context::<Drawing>();
    async move {
        let Some(Drawing(drawn)) = drawing else {
            return;
        };
        while drawn.try_get_untracked().is_some_and(|d| d < ON_PAGE) {
            platform::next_task().await;
        }
    }
}

/// Takes the prerendered page over with the view `app` draws from the answers given on it (see
/// the module's text); called by `start` once the words are loaded and the prerendered page has
/// been drawn.
pub fn take_over(locale: lang::Locale, app: fn(RwSignal<Answers>) -> AnyView) {
    let first = given(&platform::prerendered());
    // Without a document there is nothing to draw in.
    let Some(offstage) = platform::offstage() else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        // Reading the prerendered page is this task; setting the app up is the next.
        platform::next_task().await;
        let answers = RwSignal::new(first.clone());
        let drawn = RwSignal::new(0_u8);
        leptos::mount::mount_to(offstage.clone(), move || {
            lang::provide(locale);
            provide_context(Drawing(drawn));
            app(answers)
        })
        .forget();
        for part in FRAME..QUESTIONS {
            platform::next_task().await;
            drawn.set(part);
        }
        platform::next_task().await;
        // The questions are drawn with the answers given until now, then shown in one go. Only
        // a change on the prerendered page counts: the app may have taken up a saved draft (the
        // page was hidden then, and says nothing was answered).
        let early = platform::prerendered();
        let latest = given(&early);
        if latest != first {
            answers.set(latest);
        }
        drawn.set(QUESTIONS);
        // A part is drawn by an effect, which runs in the executor's next turn: still this task.
        leptos::task::tick().await;
        platform::put_on_page(&offstage);
        finish(&early);
        drawn.set(ON_PAGE);
    });
}

/// The answers checked on the prerendered page.
fn given(early: &platform::Prerendered) -> Answers {
    Answers::from_form(
        &BANK,
        early
            .checked
            .iter()
            .map(|(name, value)| (name.as_str(), value.as_str())),
    )
}

/// Ends the takeover, the app drawn on the page: in the same task (so no frame shows both), the
/// prerendered page goes, and focus and scroll go back where they were on it.
fn finish(early: &platform::Prerendered) {
    // Where the app fails while it is drawn, the page's "could not start" notice is still there
    // to be shown. It goes before the takeover finds the controls again: its Reload buttons would
    // count among them, and a button pressed on the prerendered page would be looked for three
    // places too early.
    platform::remove_loading_notice();
    platform::finish_takeover(early);
    // The service worker's registration is a task of its own, after the app is on the page.
    wasm_bindgen_futures::spawn_local(async {
        platform::next_task().await;
        platform::keep_offline();
    });
}
