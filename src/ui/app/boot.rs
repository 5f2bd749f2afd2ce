//! Start-up: the words of the language in use are fetched, then the app takes over the
//! prerendered page (`takeover`); and, natively, the prerender that draws that page at build time
//! with the app's own components.

use leptos::prelude::*;

#[cfg(not(target_arch = "wasm32"))]
use super::chrome::{SiteFooter, SiteHeader};
use super::shell::App;
use super::takeover;
use crate::platform;
use crate::ui::text::lang;
#[cfg(not(target_arch = "wasm32"))]
use crate::ui::{
    state::{Navigator, Session, Store},
    views::assess::{
        Landing, Questionnaire,
        landing::{JoiningBanner, LatestShell, ResumeOffer},
    },
    views::results::shell::SharedShell,
};
#[cfg(all(test, not(target_arch = "wasm32")))]
use stagefit_core::{BANK, steps};

/// Mounts the app on the page; called once by `main`.
///
/// The page already shows the landing view and the first step, prerendered at build time by
/// these same components (`prerender`), and a person may have answered, moved focus and
/// scrolled before the app started. The app starts with those answers and takes the page over
/// without a flash (`takeover`).
pub fn start() {
    wasm_bindgen_futures::spawn_local(async move {
        // Instantiating the wasm is a task of its own; asking for the strings (the crate builds a
        // request per namespace) is the next one, so neither holds the page up for long.
        platform::next_task().await;
        let mut locale = lang::initial();
        if !lang::load(locale).await {
            // Its files did not come (a connection lost on a first visit): English, if its
            // files come; else the page's own "could not start" notice, with Reload.
            if locale == lang::Locale::en || !lang::load(lang::Locale::en).await {
                wasm_bindgen::throw_str("Stagefit's words could not be fetched");
            }
            locale = lang::Locale::en;
        }
        // The takeover starts in a task of its own. And the prerendered page is drawn first: where the wasm comes
        // quickly (from a cache, a fast network) the page would otherwise first be drawn by the app,
        // as late as the wasm, and its largest text would count as painted then.
        platform::after_next_paint(move || take_over(locale));
    });
}

/// Takes the prerendered page over with the app (see `takeover`), in `locale`.
pub fn take_over(locale: lang::Locale) {
    takeover::take_over(locale, |early| view! { <App early /> }.into_any());
    platform::keep_scroll_over_reload();
}

/// The landing view with the first step and the page's header and footer, as HTML, drawn by the
/// app's own components as a new visitor first sees them. The build puts it in `dist/index.html`
/// (`src/bin/prerender.rs`, run by `src/web/post_build.py`), so the first question can be
/// answered before the wasm has arrived; `start` takes it over.
#[cfg(not(target_arch = "wasm32"))]
pub fn prerender() -> String {
    prerender_in(lang::Locale::en)
}

/// `prerender`, in `locale`: the page carries each other language's copy too, and swaps it in
/// before it is first drawn for a visitor who reads that language (`src/web/post_build.py`).
#[cfg(not(target_arch = "wasm32"))]
pub fn prerender_in(locale: lang::Locale) -> String {
    use leptos::tachys::view::RenderHtml;

    lang::once_in(locale, || {
        let (store, nav) = (Store::empty(), Navigator::new());
        provide_context(store);
        provide_context(nav);
        provide_context(Session::prerendered(store, nav));
        let view = view! {
            <SiteHeader current=Signal::stored("assessment") />
            <main id="main">
                <Landing>
                    <Questionnaire embedded=true />
                </Landing>
            </main>
            <SiteFooter />
        };
        view.to_html()
    })
}

/// The page's frames for the two link forms that arrive from outside (issue 27), in `locale`:
/// index.html's first script shows one before the app runs, picked by the address.
#[cfg(not(target_arch = "wasm32"))]
pub struct Shells {
    /// Replaces the landing view in `<main>` for a shared result's address (`#r=`).
    pub shared: String,
    /// Goes under the landing view's introduction for a join link (`#join=`), its `<bdi>`
    /// empty: the page fills it with the workshop's name, as text.
    pub joining: String,
    /// The most characters of a name the app shows (`report::LABEL_MAX`), which the page keeps to.
    pub name_max: usize,
    /// Replaces the first step for a return visit with an unfinished assessment saved: the offer
    /// to resume it, its text empty (the page fills it from the saved draft, in `resume_text`'s
    /// and `resume_when`'s words, with the bank's counts below).
    pub resume: String,
    /// Goes under the landing view's heading for a return visit with saved results and no
    /// unfinished assessment: where the latest result will be.
    pub latest: String,
    /// The bank versions whose drafts this build reads whole (`link::banks_read_whole`, the
    /// current one included), and the number of questions and of steps, which a saved draft is
    /// read against.
    pub banks: Vec<u32>,
    pub questions: usize,
    pub steps: usize,
}

/// Draws the `Shells` with the app's own components.
#[cfg(not(target_arch = "wasm32"))]
pub fn prerender_shells(locale: lang::Locale) -> Shells {
    use leptos::tachys::view::RenderHtml;

    lang::once_in(locale, || {
        let (store, nav) = (Store::empty(), Navigator::new());
        provide_context(store);
        provide_context(Session::prerendered(store, nav));
        Shells {
            shared: view! { <SharedShell /> }.to_html(),
            joining: view! { <JoiningBanner name=String::new() /> }.to_html(),
            name_max: stagefit_core::report::LABEL_MAX,
            resume: view! { <ResumeOffer is_change=false text=String::new() saved=Some(String::new()) /> }.to_html(),
            latest: view! { <LatestShell /> }.to_html(),
            banks: stagefit_core::link::banks_read_whole(&stagefit_core::BANK),
            questions: stagefit_core::BANK.questions.len(),
            steps: stagefit_core::steps(&stagefit_core::BANK).len(),
        }
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// The prerendered page is the page contract's markup for the first step, and needs nothing
    /// the page's policy refuses.
    #[test]
    fn the_prerendered_page_is_the_first_step_as_the_contract_says() {
        for (locale, _) in lang::LANGUAGES {
            the_first_step_as_the_contract_says(&prerender_in(locale));
        }
        assert!(prerender().contains(">Next</button>"));
        // Each language's copy is in its own words.
        let next: Vec<String> = lang::LANGUAGES
            .iter()
            .map(|(locale, _)| {
                let html = prerender_in(*locale);
                let end = html.find("</button>").expect("a button");
                html[..end]
                    .rsplit('>')
                    .next()
                    .unwrap_or_default()
                    .to_string()
            })
            .collect();
        let distinct: std::collections::BTreeSet<&String> = next.iter().collect();
        assert_eq!(distinct.len(), next.len(), "{next:?}");
    }

    /// Issue 27: the frames for shared, join and return visits are in every language, in its
    /// words, with what the page's script fills in, and nothing the page's policy refuses.
    #[test]
    fn the_shells_are_drawn_in_every_language_with_what_the_page_fills() {
        let mut headings = std::collections::BTreeSet::new();
        for (locale, _) in lang::LANGUAGES {
            let shells = prerender_shells(locale);
            assert!(shells.shared.contains("data-testid=\"shared-shell\""));
            assert!(shells.shared.contains("aria-busy=\"true\""));
            assert!(
                !shells.shared.contains("data-testid=\"alignment-score\""),
                "no number before the link is read"
            );
            assert!(shells.joining.contains("<bdi>"));
            assert!(
                shells.resume.contains("id=\"resume-draft\"")
                    && shells.resume.contains("id=\"start-new\"")
            );
            assert!(shells.latest.contains("data-testid=\"latest-shell\""));
            for html in [
                &shells.shared,
                &shells.joining,
                &shells.resume,
                &shells.latest,
            ] {
                assert!(
                    !html.contains(" style="),
                    "an inline style would be refused by the page's policy"
                );
                assert!(!html.contains("<script"));
            }
            let start = shells.shared.find("<h1").expect("a heading");
            headings.insert(
                shells.shared[start..start + shells.shared[start..].find("</h1>").unwrap()]
                    .to_string(),
            );
            assert_eq!(shells.questions, BANK.questions.len());
            assert_eq!(shells.steps, steps(&BANK).len());
        }
        assert_eq!(
            headings.len(),
            lang::LANGUAGES.len(),
            "each language in its own words: {headings:?}"
        );
    }

    fn the_first_step_as_the_contract_says(html: &str) {
        let first = steps(&BANK).into_iter().next().expect("a first step");
        for q in first.questions {
            let question = &BANK.questions[q];
            let open = format!(
                "data-question=\"{}\" data-part=\"{}\"",
                question.id,
                question.part.id()
            );
            let start = html
                .find(&open)
                .unwrap_or_else(|| panic!("{open} is on the page"));
            let fieldset = &html[start..start + html[start..].find("</fieldset>").unwrap()];
            let values: Vec<&str> = fieldset
                .split("value=\"")
                .skip(1)
                .map(|v| &v[..v.find('"').unwrap()])
                .collect();
            let mut expected: Vec<String> =
                (0..question.options.len()).map(|i| i.to_string()).collect();
            expected.push("unknown".to_string());
            assert_eq!(
                values, expected,
                "{}: options in order, \"Don't know\" last",
                question.id
            );
            for i in 0..=question.options.len() {
                assert!(fieldset.contains(&format!("<label for=\"q-{}-{i}\">", question.id)));
            }
        }
        assert!(html.contains("id=\"step-primary\""));
        assert!(html.contains("<h1 id=\"landing-heading\""));
        assert!(
            !html.contains(" style="),
            "an inline style would be refused by the page's policy"
        );
        assert!(
            !html.contains("<script"),
            "no script in the prerendered page"
        );
    }
}
