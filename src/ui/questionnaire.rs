//! The questionnaire: one step at a time, each question a fieldset as the page contract says,
//! with Back, Next and a progress line. Next is never disabled: when something is missing it
//! says what, and moves focus to the first unanswered question.

use leptos::prelude::*;

use crate::platform;
use stagefit_core::{Answer, Answers, BANK, StepPlan, steps};

/// The id of the fieldset for a question, for focus and `aria-describedby`.
fn fieldset_id(question: usize) -> String {
    format!("q-{}", BANK.questions[question].id)
}

#[component]
pub fn Questionnaire(
    answers: RwSignal<Answers>,
    step: RwSignal<usize>,
    on_finish: Callback<()>,
    on_leave: Callback<()>,
) -> impl IntoView {
    let plans = StoredValue::new(steps(&BANK));
    let plan = Memo::new(move |_| {
        plans.with_value(|plans| {
            plans
                .get(step.get())
                .or(plans.last())
                .cloned()
                .expect("the bank has questions")
        })
    });
    // The questions that were missing when Next was last pressed and are still unanswered.
    let flagged = RwSignal::new(Vec::<usize>::new());
    let still_missing = Memo::new(move |_| {
        answers.with(|a| {
            flagged
                .get()
                .into_iter()
                .filter(|&q| !a.get(q).is_given())
                .collect::<Vec<_>>()
        })
    });

    let next = move |_| {
        let plan = plan.get_untracked();
        let missing = answers.with_untracked(|a| plan.missing(a));
        if let Some(&first) = missing.first() {
            flagged.set(missing);
            platform::focus_after_render(format!("{}-0", fieldset_id(first)));
            return;
        }
        flagged.set(Vec::new());
        if plan.is_last() {
            on_finish.run(());
        } else {
            step.update(|s| *s += 1);
            platform::focus_after_render("step-heading");
        }
    };
    let back = move |_| {
        flagged.set(Vec::new());
        if step.get_untracked() == 0 {
            on_leave.run(());
        } else {
            step.update(|s| *s -= 1);
            platform::focus_after_render("step-heading");
        }
    };

    view! {
        <section class="questionnaire" aria-labelledby="step-heading">
            <p class="progress" aria-hidden="true">
                {move || plan.with(|p| format!("Step {} of {}", p.number, p.total))}
            </p>
            <div class="progress-bar" aria-hidden="true">
                <div
                    class="progress-fill"
                    style:width=move || plan.with(|p| format!("{}%", p.number * 100 / p.total))
                ></div>
            </div>
            <h1 id="step-heading" tabindex="-1">
                {move || plan.with(|p| p.part.title())}
                <span class="visually-hidden">
                    {move || plan.with(|p| format!(", step {} of {}", p.number, p.total))}
                </span>
            </h1>
            <p class="visually-hidden" aria-live="polite">
                {move || plan.with(|p| format!("Step {} of {}: {}", p.number, p.total, p.part.title()))}
            </p>
            {move || {
                plan.get().questions.into_iter().map(|q| view! { <QuestionField question=q answers flagged=still_missing /> }).collect_view()
            }}
            <MissingNotice still_missing />
            <div class="step-buttons">
                <button type="button" class="secondary" on:click=back>"Back"</button>
                <button type="button" class="primary" on:click=next>
                    {move || if plan.with(StepPlan::is_last) { "See results" } else { "Next" }}
                </button>
            </div>
        </section>
    }
}

/// Says which questions still need an answer after Next was pressed too early.
#[component]
fn MissingNotice(still_missing: Memo<Vec<usize>>) -> impl IntoView {
    view! {
        <div class="missing" role="alert">
            {move || {
                let missing = still_missing.get();
                (!missing.is_empty()).then(|| {
                    let count = if missing.len() == 1 {
                        "One question still needs an answer:".to_string()
                    } else {
                        format!("{} questions still need an answer:", missing.len())
                    };
                    view! {
                        <p><strong>{count}</strong></p>
                        <ul>
                            {missing.into_iter().map(|q| view! { <li>{BANK.questions[q].prompt}</li> }).collect_view()}
                        </ul>
                        <p>"If you are not sure, choose \u{201c}Don't know\u{201d}: it is left out of the score."</p>
                    }
                })
            }}
        </div>
    }
}

/// One question as a fieldset: the prompt as legend, why we ask, the options, "Don't know".
#[component]
fn QuestionField(
    question: usize,
    answers: RwSignal<Answers>,
    flagged: Memo<Vec<usize>>,
) -> impl IntoView {
    let q = &BANK.questions[question];
    let id = fieldset_id(question);
    let why_id = format!("{id}-why");
    let described_by = why_id.clone();
    let is_flagged = move || flagged.with(|f| f.contains(&question));
    let option = move |input_id: String, value: String, label: &'static str, answer: Answer| {
        let label_for = input_id.clone();
        view! {
            <div class="option">
                <input
                    type="radio"
                    id=input_id
                    name=q.id
                    value=value
                    prop:checked=move || answers.with(|a| a.get(question) == answer)
                    on:change=move |_| answers.update(|a| a.set(question, answer))
                />
                <label for=label_for>{label}</label>
            </div>
        }
    };
    let options = q
        .options
        .iter()
        .enumerate()
        .map(|(i, choice)| {
            option(
                format!("{id}-{i}"),
                i.to_string(),
                choice.label,
                Answer::Chosen(i as u8),
            )
        })
        .collect_view();
    let unknown = option(
        format!("{id}-{}", q.options.len()),
        "unknown".to_string(),
        "Don't know",
        Answer::Unknown,
    );
    view! {
        <fieldset
            id=id.clone()
            class="question"
            class:flagged=is_flagged
            data-question=q.id
            data-part=q.part.id()
            aria-describedby=described_by
        >
            <legend>{q.prompt}</legend>
            <p class="why" id=why_id>
                <span class="why-label">"Why we ask: "</span>
                {q.why}
            </p>
            <div class="options">{options} {unknown}</div>
        </fieldset>
    }
}
