//! Drawing in parts while the app takes over the prerendered page (`ui::app::takeover`): a view
//! wraps what can wait in `Later`, and the takeover draws each part in a browser task of its own,
//! so no one task holds a slow phone for long. Outside a takeover (tests, the prerender) and
//! once the app is on the page, `Later` draws at once.

use leptos::prelude::*;

/// The page's frame around the view (header, notices and footer), the first part. It is a part
/// of its own because, drawn with the app's set-up, it made that the longest task of a takeover.
pub const FRAME: u8 = 1;
/// The view in `<main>`.
pub const MAIN: u8 = 2;
/// What a result shows below its verdict (actions, answers, area cards): issue 27, so a shared
/// result's address draws its score, stage and priorities in one task and the rest in the next.
pub const DETAILS: u8 = 3;
/// A result's charts and how it was worked out.
pub const CHARTS: u8 = 4;
/// The first step's questions on the landing view: the last part.
pub const QUESTIONS: u8 = 5;
/// Past the last part: the app is on the page.
pub const ON_PAGE: u8 = 6;

/// How many parts of the app are drawn so far, while it takes over; provided by the takeover.
#[derive(Clone, Copy)]
pub struct Drawing(pub RwSignal<u8>);

/// Draws its children once part `part` of the app is due (at once, outside a takeover). Once
/// drawn, they stay: later parts do not draw them again.
#[component]
pub fn Later(part: u8, children: ChildrenFn) -> impl IntoView {
    match use_context::<Drawing>() {
        None => children().into_any(),
        Some(Drawing(drawn)) => {
            let due = Memo::new(move |_| drawn.get() >= part);
            (move || due.get().then(|| children())).into_any()
        }
    }
}
