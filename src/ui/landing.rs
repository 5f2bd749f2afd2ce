//! The landing view: a short introduction with the first questionnaire step right under it, so a
//! new visitor starts by answering; or, when an unfinished assessment is saved, the offer to
//! resume it (starting anew asks first, and never drops it silently).

use leptos::prelude::*;

use crate::ui::store::Store;
use stagefit_core::{BANK, report, steps};

#[component]
pub fn Landing(
    joining: RwSignal<Option<(String, String)>>,
    store: Store,
    /// Whether an unfinished assessment other than the one on screen is saved.
    offer_resume: Signal<bool>,
    on_start: Callback<()>,
    on_resume: Callback<()>,
    on_how: Callback<()>,
    /// The first questionnaire step.
    children: ChildrenFn,
) -> impl IntoView {
    let n_questions = BANK.questions.len();
    let n_steps = steps(&BANK).len();
    // Derived from the words to read and the questions to answer, so it follows the bank.
    let i18n = crate::i18n::use_i18n();
    let minutes = move || stagefit_core::minutes(&BANK, &super::bank_text::words(i18n));
    // Starting a new assessment would discard the unfinished one: ask first.
    let confirming = RwSignal::new(false);
    let resume = move || {
        store.draft.get().filter(|_| offer_resume.get()).map(|draft| {
            let answered = draft.snapshot.answers.iter().filter(|a| a.is_given()).count();
            let when = report::date_text(draft.snapshot.updated);
            let step = draft.step.min(n_steps.saturating_sub(1));
            view! {
                <div class="resume">
                    <h2>"Pick up where you left off"</h2>
                    <p>
                        {format!(
                            "You have an unfinished assessment from {when}: {answered} of {n_questions} questions answered, at step {} of {n_steps}.",
                            step + 1
                        )}
                    </p>
                    <div class="actions">
                        <button type="button" class="primary" on:click=move |_| on_resume.run(())>"Resume assessment"</button>
                        <button type="button" class="secondary" on:click=move |_| {
                            confirming.set(true);
                            crate::platform::focus_after_render("confirm-new");
                        }>"Start a new assessment"</button>
                    </div>
                    {move || confirming.get().then(|| view! {
                        <div class="confirm" role="group" aria-labelledby="confirm-new-text">
                            <p id="confirm-new-text">
                                <strong>"Starting a new assessment discards the unfinished one. Finished assessments in your history are kept."</strong>
                            </p>
                            <button type="button" id="confirm-new" class="danger" on:click=move |_| on_start.run(())>
                                "Discard it and start a new assessment"
                            </button>
                            " "
                            <button type="button" class="secondary" on:click=move |_| confirming.set(false)>"Keep it"</button>
                        </div>
                    })}
                </div>
            }
        })
    };
    view! {
        <section class="landing" aria-labelledby="landing-heading">
            <h1 id="landing-heading" tabindex="-1">"Does your platform fit your company's stage?"</h1>
            <p class="lead">
                "Answer " {n_questions} " short questions about your company, its strategy and your "
                "platform (about " {minutes} " minutes). Stagefit tells you whether your company is at an early, "
                "growth or mature stage, and where your platform is ahead of it or behind it. A bigger "
                "platform is not a better one; one that fits is. "
                <button type="button" class="link-button" on:click=move |_| on_how.run(())>
                    "How scoring works"
                </button>
            </p>
            {move || joining.get().map(|(_, name)| view! {
                <div class="resume joining">
                    <h2>"You are joining \u{201c}"<bdi>{name}</bdi>"\u{201d}"</h2>
                    <p>
                        "Answer the questions on your own; at the end you get a link to send to the "
                        "facilitator through the room's chat. Your name is optional: you are anonymous by default."
                    </p>
                </div>
            })}
            {resume}
            {move || (!offer_resume.get()).then(|| children())}
        </section>
    }
}
