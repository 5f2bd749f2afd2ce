//! The review: every question with the answer given, each with a "Change" button that opens
//! it, and "See results" one action away. It shows answers; it never changes them itself.

use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::ui::state::{Session, Whose};
use crate::ui::text::bank as bt;
use crate::ui::text::messages::I18n;
use stagefit_core::{Answer, BANK, Part, steps};

/// The words of an answer, as the person chose it: several options at once, each quoted.
fn answer_text(i18n: I18n, question: usize, answer: Answer) -> String {
    let picked = bt::picked_texts(i18n, question, answer);
    match (answer, picked.as_slice()) {
        (Answer::Unknown, _) => crate::tr!(i18n, assess.review.dont_know),
        (_, []) => crate::tr!(i18n, assess.review.not_answered),
        (_, [one]) => one.clone(),
        (_, _) => crate::ui::text::results::picked_quoted(i18n, question, answer),
    }
}

#[component]
pub fn Review() -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<Session>();
    let answers = session.answers(Whose::Own);
    let last = steps(&BANK).len().saturating_sub(1);
    let missing = Memo::new(move |_| answers.with(|a| a.still_needed(&BANK)));
    let part = move |part: Part| {
        let rows = BANK
            .questions
            .iter()
            .enumerate()
            .filter(|(_, q)| q.part == part)
            .map(|(i, _)| {
                let text = move || answers.with(|a| answer_text(i18n, i, a.get(i)));
                let question = move || bt::question_text(i18n, i);
                let unanswered = move || answers.with(|a| !a.get(i).is_given());
                view! {
                    <li class="review-item" class:unanswered=unanswered>
                        <p class="review-question">{question}</p>
                        <p class="review-answer">{text}</p>
                        <button type="button" class="link-button" on:click=move |_| session.change_answer(i)>
                            {crate::tv!(i18n, assess.review.change)}
                            <span class="visually-hidden">{crate::tf!(i18n, assess.review.change_what, question = question())}</span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h2>{move || bt::part_title(i18n, part)}</h2>
            <ul class="review-list">{rows}</ul>
        }
    };
    view! {
        <section class="review" aria-labelledby="review-heading">
            <h1 id="review-heading" tabindex="-1">{crate::tv!(i18n, common.title.review)}</h1>
            <p>
                {move || match missing.get() {
                    0 => crate::tv!(i18n, assess.review.all_answered).into_any(),
                    count => crate::tf!(i18n, assess.review.missing, count = count as u64).into_any(),
                }}
            </p>
            {part(Part::Company)}
            {part(Part::Strategy)}
            {part(Part::Platform)}
            <div class="step-buttons">
                <button type="button" class="secondary back" on:click=move |_| session.go_step(last)>{crate::tv!(i18n, assess.step.back)}</button>
                <button type="button" class="primary" on:click=move |_| session.finish()>{crate::tv!(i18n, assess.step.see_results)}</button>
            </div>
        </section>
    }
}
