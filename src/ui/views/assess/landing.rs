//! The landing view: a short introduction with the first questionnaire step right under it, so a
//! new visitor starts by answering; or, when an unfinished assessment is saved, the offer to
//! resume it (starting anew asks first, and never drops it silently).

use leptos::prelude::*;

use leptos_i18n::Locale as _;

use crate::i18n::{t, use_i18n};
use crate::platform;
use crate::ui::state::{Navigator, Session, Store};
use stagefit_core::route::Route;
use stagefit_core::{BANK, steps};

#[component]
pub fn Landing(
    /// The first questionnaire step.
    children: ChildrenFn,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = expect_context::<Store>();
    let session = expect_context::<Session>();
    let nav = expect_context::<Navigator>();
    let joining = session.joining();
    // Whether an unfinished assessment other than the one on screen is saved.
    let offer_resume = session.offer_resume();
    let n_questions = BANK.questions.len();
    let n_steps = steps(&BANK).len();
    // Derived from the words to read and the questions to answer, so it follows the bank.
    let minutes = move || stagefit_core::minutes(&BANK, &crate::ui::text::bank::words(i18n));
    // Starting a new assessment would discard the unfinished one: ask first.
    let confirming = RwSignal::new(false);
    let resume = move || {
        store.draft().get().filter(|_| offer_resume.get()).map(|draft| {
            let answered = draft.snapshot.answers.iter().filter(|a| a.is_given()).count();
            let updated = draft.snapshot.updated;
            // Written as the language in use writes dates (the browser's own formats).
            let when = move || platform::format_date(i18n.get_locale().as_str(), updated, false);
            let step = draft.step.min(n_steps.saturating_sub(1)) + 1;
            view! {
                <div class="resume">
                    <h2>{crate::tv!(i18n, assess.landing.resume_heading)}</h2>
                    <p>
                        {crate::tf!(
                            i18n,
                            assess.landing.resume_text,
                            when = when(),
                            answered = answered,
                            total = n_questions,
                            step = step,
                            steps = n_steps
                        )}
                    </p>
                    <div class="actions">
                        <button type="button" class="primary" on:click=move |_| session.resume()>{crate::tv!(i18n, assess.landing.resume)}</button>
                        <button type="button" class="secondary" on:click=move |_| {
                            confirming.set(true);
                            crate::platform::focus_after_render("confirm-new");
                        }>{crate::tv!(i18n, assess.landing.start_new)}</button>
                    </div>
                    {move || confirming.get().then(|| view! {
                        <div class="confirm" role="group" aria-labelledby="confirm-new-text">
                            <p id="confirm-new-text">
                                <strong>{crate::tv!(i18n, assess.landing.confirm_text)}</strong>
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
        })
    };
    view! {
        <section class="landing" aria-labelledby="landing-heading">
            <h1 id="landing-heading" tabindex="-1">{crate::tv!(i18n, common.title.landing)}</h1>
            <p class="lead">
                {crate::tf!(i18n, assess.landing.lead, n_questions = n_questions, minutes = minutes())}
                " "
                <button type="button" class="link-button" on:click=move |_| nav.go(Route::How)>
                    {crate::tv!(i18n, common.title.how)}
                </button>
            </p>
            {move || joining.get().map(|(_, name)| {
                // The workshop's name is someone's typed text: isolated, and always text.
                let name = move || view! { <bdi>{name.clone()}</bdi> };
                view! {
                    <div class="resume joining">
                        <h2>{t!(i18n, assess.landing.joining_heading, name)}</h2>
                        <p>{crate::tv!(i18n, assess.landing.joining_text)}</p>
                    </div>
                }
            })}
            {resume}
            {move || (!offer_resume.get()).then(|| children())}
        </section>
    }
}
