//! The Leptos UI: components that hold the ground state (the answers, the current view) in
//! signals and render what the core derives from it.
//!
//! Components never compute a score, a stage or a finding themselves; they call
//! `crate::assessment` through `Memo`s. Browser APIs go through `crate::platform`.

mod charts;
mod how;
mod landing;
mod questionnaire;
mod results;

use leptos::prelude::*;

use crate::assessment::{Answers, BANK, assess};
use crate::platform;

pub use how::HowScoring;
pub use landing::Landing;
pub use questionnaire::Questionnaire;
pub use results::Results;

/// Which view the app shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Screen {
    Landing,
    Questionnaire,
    Results,
    /// The "how scoring works" page; remembers the view to go back to.
    HowScoring(HowFrom),
}

/// Where the "how scoring works" page was opened from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum HowFrom {
    Landing,
    Results,
}

/// The whole app: the landing view, the questionnaire or the results.
#[component]
pub fn App() -> impl IntoView {
    let screen = RwSignal::new(Screen::Landing);
    let answers = RwSignal::new(Answers::new(&BANK));
    let step = RwSignal::new(0_usize);
    let label = RwSignal::new(String::new());
    let assessment = Memo::new(move |_| answers.with(|a| assess(&BANK, a)));

    let start = Callback::new(move |()| {
        step.set(0);
        screen.set(Screen::Questionnaire);
        platform::focus_after_render("step-heading");
    });
    let finish = Callback::new(move |()| {
        screen.set(Screen::Results);
        platform::focus_after_render("results-heading");
    });
    let leave = Callback::new(move |()| {
        screen.set(Screen::Landing);
        platform::focus_after_render("landing-heading");
    });
    let restart = Callback::new(move |()| {
        answers.set(Answers::new(&BANK));
        label.set(String::new());
        start.run(());
    });
    let how_from_landing = Callback::new(move |()| {
        screen.set(Screen::HowScoring(HowFrom::Landing));
        platform::focus_after_render("how-heading");
    });
    let how_from_results = Callback::new(move |()| {
        screen.set(Screen::HowScoring(HowFrom::Results));
        platform::focus_after_render("how-heading");
    });
    let how_back = Callback::new(move |()| match screen.get_untracked() {
        Screen::HowScoring(HowFrom::Results) => finish.run(()),
        _ => leave.run(()),
    });
    let edit = Callback::new(move |()| {
        screen.set(Screen::Questionnaire);
        platform::focus_after_render("step-heading");
    });

    view! {
        <header class="site-header">
            <p class="brand">"Stagefit"</p>
        </header>
        <main id="main">
            {move || match screen.get() {
                Screen::Landing => view! { <Landing on_start=start on_how=how_from_landing /> }.into_any(),
                Screen::HowScoring(_) => view! { <HowScoring on_back=how_back /> }.into_any(),
                Screen::Questionnaire => {
                    view! { <Questionnaire answers step on_finish=finish on_leave=leave /> }.into_any()
                }
                Screen::Results => view! { <Results assessment answers label on_edit=edit on_restart=restart on_how=how_from_results /> }.into_any(),
            }}
        </main>
        <footer class="site-footer">
            <p>"Stagefit runs entirely in your browser. Nothing you enter is sent anywhere."</p>
        </footer>
    }
}

/// Mounts the app on the page; called once by `main`.
pub fn start() {
    platform::remove_loading_notice();
    leptos::mount::mount_to_body(App);
}
