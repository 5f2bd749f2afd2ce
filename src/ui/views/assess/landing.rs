//! The landing view: a short introduction with the first questionnaire step right under it, so a
//! new visitor starts by answering; or, when an unfinished assessment is saved, the offer to
//! resume it (starting anew asks first, and never drops it silently).

use leptos::prelude::*;

use leptos_i18n::Locale as _;

use crate::i18n::{t, use_i18n};
use crate::platform;
use crate::ui::state::{Navigator, Session, Store, answer_input};
use crate::ui::text::bank as bt;
use crate::ui::text::{results as rt, s};
use crate::ui::views::history;
use crate::ui::views::link::RouteLink;
use stagefit_core::route::{Pick, Route};
use stagefit_core::{Answers, BANK, assess, steps};

/// A returning visitor's latest result, before the first question: its score, stage, date and
/// top priority, with Open, Compare with the previous one, and Start a new assessment.
#[component]
fn LatestResult() -> impl IntoView {
    let i18n = use_i18n();
    let store = expect_context::<Store>();
    let session = expect_context::<Session>();
    let nav = expect_context::<Navigator>();
    let latest = Memo::new(move |_| {
        store.history().with(|h| {
            let latest = h
                .iter()
                .max_by(|a, b| a.updated.total_cmp(&b.updated))?
                .clone();
            // The previous one: the version before, else the assessment made before it.
            let previous = match latest.previous() {
                Some(v) => Some(Pick::at(latest.id.clone(), v.number)),
                None => h
                    .iter()
                    .filter(|s| s.id != latest.id && s.created <= latest.created)
                    .max_by(|a, b| a.created.total_cmp(&b.created))
                    .map(|s| Pick::current(s.id.clone())),
            };
            Some((latest, previous))
        })
    });
    move || {
        let (latest, previous) = latest.get()?;
        let assessment = assess(&BANK, &latest.answers);
        let locale = i18n.get_locale();
        let summary = s!(
            locale,
            assess.latest.summary,
            name = history::title(locale, &latest),
            date = rt::date(locale, latest.updated)
        );
        let stage = rt::stage_phrase(locale, &assessment.stage);
        let score = assessment.score;
        let top = match assessment.priorities.first() {
            Some(p) => s!(
                locale,
                assess.latest.top,
                priority = s!(locale, results.labelled, label = rt::kind(locale, p.kind))
                    + &bt::dimension_name(i18n, p.dimension)
            ),
            None => s!(locale, assess.latest.no_top),
        };
        let id = latest.id.clone();
        let open = move |_| session.open(latest.clone());
        let compare = previous.map(|previous| {
            view! {
                <button type="button" class="secondary" on:click=move |_| {
                    nav.go(Route::Compare(previous.clone(), Pick::current(id.clone())));
                }>{crate::tv!(i18n, assess.latest.compare)}</button>
            }
        });
        let first = BANK
            .questions
            .first()
            .map(|_| answer_input(&Answers::new(&BANK), 0));
        Some(view! {
            <section class="latest-result" data-testid="latest-result" aria-labelledby="latest-heading">
                <h2 id="latest-heading">{crate::tv!(i18n, assess.latest.heading)}</h2>
                <p class="latest-verdict">
                    {match score {
                        Some(score) => view! { <strong class="latest-score">{score}</strong> " " {s!(locale, assess.latest.out_of)} }.into_any(),
                        None => view! { <strong>{s!(locale, results.not_scored)}</strong> }.into_any(),
                    }}
                    " \u{b7} " {stage}
                </p>
                <p class="latest-summary">{summary}</p>
                <p>{top}</p>
                <div class="actions">
                    <button type="button" class="primary" on:click=open>{crate::tv!(i18n, assess.latest.open)}</button>
                    {compare}
                    <button type="button" class="secondary" on:click=move |_| {
                        session.start();
                        if let Some(first) = first.clone() {
                            crate::platform::focus_after_render(&first);
                        }
                    }>{crate::tv!(i18n, assess.latest.start)}</button>
                </div>
            </section>
        })
    }
}

/// The offer to pick up an unfinished assessment (or changes to a saved one, `is_change`), said
/// in `text`, and for an unfinished assessment when it was last saved (`saved`, a line of its
/// own); starting anew asks first. The page carries it too, with no text, and fills it in from the
/// saved draft before the app runs (`ui::prerender_shells`, issue 27): the sentence at once, the
/// date once the page is idle (the browser's first date format in a page costs about 100 ms on a
/// slow phone), in a line whose height is held so nothing moves. Its buttons have ids, so one pressed
/// on the page is pressed again by the app when it takes over.
#[component]
pub fn ResumeOffer(is_change: bool, text: String, saved: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<Session>();
    // Starting a new assessment would discard the unfinished one: ask first.
    let confirming = RwSignal::new(false);
    view! {
        <div class="resume">
            <h2>{if is_change { crate::tv!(i18n, assess.landing.changes_heading).into_any() } else { crate::tv!(i18n, assess.landing.resume_heading).into_any() }}</h2>
            <p>{text}</p>
            {saved.map(|saved| view! { <p class="saved">{saved}</p> })}
            <div class="actions">
                <button type="button" class="primary" id="resume-draft" on:click=move |_| session.resume()>
                    {if is_change { crate::tv!(i18n, assess.landing.changes_resume).into_any() } else { crate::tv!(i18n, assess.landing.resume).into_any() }}
                </button>
                <button type="button" class="secondary" id="start-new" on:click=move |_| {
                    confirming.set(true);
                    crate::platform::focus_after_render("confirm-new");
                }>{crate::tv!(i18n, assess.landing.start_new)}</button>
            </div>
            {move || confirming.get().then(|| view! {
                <div class="confirm" role="group" aria-labelledby="confirm-new-text">
                    <p id="confirm-new-text">
                        <strong>{if is_change { crate::tv!(i18n, assess.landing.changes_confirm).into_any() } else { crate::tv!(i18n, assess.landing.confirm_text).into_any() }}</strong>
                    </p>
                    <button type="button" id="confirm-new" class="danger" on:click=move |_| session.begin_new()>
                        {crate::tv!(i18n, assess.landing.confirm_discard)}
                    </button>
                    " "
                    <button type="button" class="secondary" on:click=move |_| confirming.set(false)>{crate::tv!(i18n, assess.landing.keep)}</button>
                </div>
            })}
        </div>
    }
}

/// Where a returning visitor's latest result goes, before the app has read the history: its
/// heading, and shapes where its score, stage and actions will be (issue 27). Drawn at build time
/// only (`ui::prerender_shells`); the wasm never carries it.
#[cfg(not(target_arch = "wasm32"))]
#[component]
pub fn LatestShell() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="latest-result" aria-labelledby="latest-heading" aria-busy="true" data-testid="latest-shell">
            <h2 id="latest-heading">{crate::tv!(i18n, assess.latest.heading)}</h2>
            <span class="skeleton skeleton-line wide"></span>
            <span class="skeleton skeleton-line"></span>
            <span class="skeleton skeleton-line"></span>
            <span class="skeleton skeleton-actions"></span>
        </section>
    }
}

/// Above the first step of someone joining a workshop: the workshop's name and what happens at the
/// end. The page carries it too, drawn with no name (`ui::prerender_joining`), and fills the name
/// from a join link before the app runs (issue 27).
#[component]
pub fn JoiningBanner(name: String) -> impl IntoView {
    let i18n = use_i18n();
    // The workshop's name is someone's typed text: isolated, and always text.
    let name = move || view! { <bdi>{name.clone()}</bdi> };
    view! {
        <div class="resume joining" data-testid="joining">
            <h2>{t!(i18n, assess.landing.joining_heading, name)}</h2>
            <p>{crate::tv!(i18n, assess.landing.joining_text)}</p>
        </div>
    }
}

#[component]
pub fn Landing(
    /// The first questionnaire step.
    children: ChildrenFn,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = expect_context::<Store>();
    let session = expect_context::<Session>();
    let joining = session.joining();
    // Whether an unfinished assessment other than the one on screen is saved.
    let offer_resume = session.offer_resume();
    let n_questions = BANK.questions.len();
    let n_steps = steps(&BANK).len();
    // Derived from the words to read and the questions to answer, so it follows the bank.
    let minutes = move || stagefit_core::minutes(&BANK, &crate::ui::text::bank::words(i18n));
    let resume = move || {
        store
            .draft()
            .get()
            .filter(|_| offer_resume.get())
            .map(|draft| {
                let answered = draft
                    .snapshot
                    .answers
                    .iter()
                    .filter(|a| a.is_given())
                    .count();
                let updated = draft.snapshot.updated;
                // Written as the language in use writes dates (the browser's own formats).
                let when =
                    move || platform::format_date(i18n.get_locale().as_str(), updated, false);
                let step = draft.step.min(n_steps.saturating_sub(1)) + 1;
                // Changes to a saved assessment are not an unfinished assessment: said as they are.
                let changing = store.history().with(|h| {
                    h.iter()
                        .find(|s| s.id == draft.snapshot.id)
                        .map(|s| history::title(i18n.get_locale_untracked(), s))
                });
                let is_change = changing.is_some();
                let (text, saved) = match changing {
                    Some(name) => (
                        s!(
                            i18n.get_locale(),
                            assess.landing.changes_text,
                            when = when(),
                            name = name
                        ),
                        None,
                    ),
                    None => (
                        s!(
                            i18n.get_locale(),
                            assess.landing.resume_text,
                            answered = answered,
                            total = n_questions,
                            step = step,
                            steps = n_steps
                        ),
                        Some(s!(
                            i18n.get_locale(),
                            assess.landing.resume_when,
                            when = when()
                        )),
                    ),
                };
                view! { <ResumeOffer is_change text saved /> }
            })
    };
    view! {
        <section class="landing" aria-labelledby="landing-heading">
            <h1 id="landing-heading" tabindex="-1">{crate::tv!(i18n, common.title.landing)}</h1>
            // A returning visitor's latest result comes first.
            {move || (!offer_resume.get() && joining.with(Option::is_none)).then(|| view! { <LatestResult /> })}
            <p class="lead">
                {crate::tf!(i18n, assess.landing.lead, n_questions = n_questions, minutes = minutes())}
                " "
                <RouteLink route=Route::How class="link-button">
                    {crate::tv!(i18n, common.title.how)}
                </RouteLink>
            </p>
            {move || joining.get().map(|(_, name)| view! { <JoiningBanner name /> })}
            {resume}
            {move || (!offer_resume.get()).then(|| children())}
        </section>
    }
}
