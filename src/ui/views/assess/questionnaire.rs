//! The questionnaire: one step at a time, each question a fieldset as the page contract says,
//! with Back, Next and a progress line. Next is never disabled: when something is missing it
//! says what, and moves focus to the first unanswered question.

use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::platform;
use crate::ui::state::{Session, Whose, answer_input};
use crate::ui::text::bank as bt;
use stagefit_core::{Answer, Answers, BANK, StepPlan, steps};

/// The id of the fieldset for a question, for focus and `aria-describedby`.
fn fieldset_id(question: usize) -> String {
    format!("q-{}", BANK.questions[question].id)
}

/// One step of the questionnaire. `embedded` is the first step on the landing view, under its
/// own heading; elsewhere the step is the view. Moving between steps goes through `on_go`, so
/// every step has an address.
#[component]
pub fn Questionnaire(embedded: bool) -> impl IntoView {
    let session = expect_context::<Session>();
    let answers = session.answers(Whose::Own);
    let step = session.step();
    let plans = StoredValue::new(steps(&BANK));
    let plan = Memo::new(move |_| {
        plans.with_value(|plans| {
            plans
                .get(step.get())
                .or(plans.last())
                .cloned()
                .unwrap_or_else(|| StepPlan {
                    part: stagefit_core::Part::Company,
                    questions: Vec::new(),
                    number: 1,
                    total: 1,
                })
        })
    });
    // The questions that were missing when Next was last pressed and are still unanswered.
    let flagged = RwSignal::new(Vec::<usize>::new());
    let still_missing = Memo::new(move |_| {
        answers.with(|a| {
            flagged
                .get()
                .into_iter()
                .filter(|&q| a.needs(&BANK, q))
                .collect::<Vec<_>>()
        })
    });
    // Once every question has an answer, the results and the review are one action away from
    // any step (after changing one answer from the results, say).
    let complete = Memo::new(move |_| answers.with(|a| a.complete(&BANK)));

    let next = move || {
        let plan = plan.get_untracked();
        let missing = answers.with_untracked(|a| plan.missing(&BANK, a));
        if let Some(&first) = missing.first() {
            flagged.set(missing);
            // The first unanswered question comes into view with its message beside it.
            let id = format!("{}-0", fieldset_id(first));
            leptos::prelude::request_animation_frame(move || platform::focus_showing(&id));
            return;
        }
        flagged.set(Vec::new());
        if plan.is_last() {
            session.finish();
        } else {
            session.go_step(step.get_untracked() + 1);
        }
    };
    let back = move |_| {
        flagged.set(Vec::new());
        session.go_step(step.get_untracked().saturating_sub(1));
    };
    // After a digit or a tap chose an answer, focus goes on to the next question of the step,
    // or to the step's main button after the last one.
    let chosen = Callback::new(move |question: usize| {
        let after = plan.with_untracked(|p| {
            p.questions
                .iter()
                .skip_while(|&&q| q != question)
                .nth(1)
                .copied()
        });
        // The next question is already on the page: focus moves at once, so a quick second key
        // press lands on it; the page scrolls only as far as needed to show it.
        platform::focus_showing(&after.map_or_else(
            || "step-primary".to_string(),
            |q| answers.with_untracked(|a| answer_input(a, q)),
        ));
    });
    let submit = Callback::new(move |()| next());
    let i18n = use_i18n();
    let heading = move || plan.with(|p| bt::part_title(i18n, p.part));
    let number = move || plan.with(|p| p.number);
    let total = move || plan.with(|p| p.total);

    view! {
        <section class="questionnaire" class:embedded=embedded aria-labelledby="step-heading">
            <p class="progress" aria-hidden="true">
                {crate::tf!(i18n, assess.step.progress, number = number(), total = total())}
            </p>
            // An SVG attribute, not a style: the prerendered page's policy refuses inline styles.
            <svg class="progress-bar" aria-hidden="true" focusable="false">
                <rect
                    class="progress-fill"
                    height="100%"
                    width=move || plan.with(|p| format!("{}%", p.number * 100 / p.total))
                ></rect>
            </svg>
            {if embedded {
                view! {
                    <h2 id="step-heading" tabindex="-1">
                        {heading} <span class="visually-hidden">{crate::tf!(i18n, assess.step.position, number = number(), total = total())}</span>
                    </h2>
                }.into_any()
            } else {
                view! {
                    <h1 id="step-heading" tabindex="-1">
                        {heading} <span class="visually-hidden">{crate::tf!(i18n, assess.step.position, number = number(), total = total())}</span>
                    </h1>
                }.into_any()
            }}
            <p class="visually-hidden" aria-live="polite">
                {move || {
                    let (number, total) = (number(), total());
                    crate::ui::text::s!(
                        i18n.get_locale(),
                        common.title.step,
                        number = number,
                        total = total,
                        part = heading()
                    )
                }}
            </p>
            <p class="keys-hint">
                {crate::tv!(i18n, assess.step.keys_hint)}
            </p>
            {move || {
                plan.get().questions.into_iter().map(|q| view! { <QuestionField question=q answers flagged=still_missing chosen submit /> }).collect_view()
            }}
            <MissingNotice still_missing />
            <div class="step-buttons">
                <Show when=move || step.get() != 0>
                    <button type="button" class="secondary back" on:click=back>{crate::tv!(i18n, assess.step.back)}</button>
                </Show>
                <Show when=move || complete.get()>
                    <button type="button" class="secondary" on:click=move |_| session.review()>{crate::tv!(i18n, assess.step.review)}</button>
                </Show>
                <Show when=move || complete.get() && !plan.with(StepPlan::is_last)>
                    <button type="button" class="secondary" on:click=move |_| session.finish()>{crate::tv!(i18n, assess.step.see_results)}</button>
                </Show>
                <button type="button" id="step-primary" class="primary" on:click=move |_| next()>
                    {move || if plan.with(StepPlan::is_last) {
                        crate::tr!(i18n, assess.step.see_results)
                    } else {
                        crate::tr!(i18n, assess.step.next)
                    }}
                </button>
            </div>
        </section>
    }
}

/// Says which questions still need an answer after Next was pressed too early.
#[component]
fn MissingNotice(still_missing: Memo<Vec<usize>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="missing" role="alert">
            {move || {
                let missing = still_missing.get();
                (!missing.is_empty()).then(|| {
                    let count = missing.len();
                    view! {
                        <p><strong>{crate::tf!(i18n, assess.step.missing, count = count as u64)}</strong></p>
                        <ul>
                            {missing.into_iter().map(|q| view! { <li>{move || bt::question_text(i18n, q)}</li> }).collect_view()}
                        </ul>
                        <p>{crate::tv!(i18n, assess.step.missing_hint)}</p>
                    }
                })
            }}
        </div>
    }
}

/// How many options a question that takes several answers at once accepts ("Choose up to 2.",
/// "Choose all that apply."), where the question's `aria-describedby` points.
#[component]
fn HowMany(question: usize) -> impl IntoView {
    let i18n = use_i18n();
    let q = &BANK.questions[question];
    let most = u64::from(q.most);
    let all = q.all_apply();
    view! {
        <p class="how-many" id=format!("{}-how-many", fieldset_id(question))>
            {move || all.then(|| crate::tr!(i18n, assess.step.all_that_apply))}
            {move || (!all).then(|| crate::tf!(i18n, assess.step.up_to, count = most))}
        </p>
    }
}

/// The keys of a question: number keys choose the nth option ("Don't know" is the last), or
/// pick and unpick it where several can be picked; Enter is the step's main action, except on
/// an answered question that takes several answers, where it says "done" and moves on to the
/// next question.
fn option_keys(
    question: usize,
    answers: ReadSignal<Answers>,
    pick: impl Fn(Option<usize>) + Copy + 'static,
    chosen: Callback<usize>,
    submit: Callback<()>,
) -> impl Fn(leptos::ev::KeyboardEvent) + Copy + 'static {
    let q = &BANK.questions[question];
    let several = q.several();
    let n_choices = q.options.len() + 1;
    move |ev: leptos::ev::KeyboardEvent| {
        if ev.ctrl_key() || ev.alt_key() || ev.meta_key() {
            return;
        }
        let key = ev.key();
        if key == "Enter" {
            ev.prevent_default();
            if several && answers.with_untracked(|a| a.get(question).is_given()) {
                chosen.run(question);
            } else {
                submit.run(());
            }
            return;
        }
        let Some(n) = key
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=n_choices).contains(n))
        else {
            return;
        };
        ev.prevent_default();
        pick((n < n_choices).then(|| n - 1));
        if !several {
            chosen.run(question);
        }
    }
}

/// One question as a fieldset: the prompt as legend, why we ask, the options, "Don't know".
#[component]
fn QuestionField(
    question: usize,
    answers: ReadSignal<Answers>,
    flagged: Memo<Vec<usize>>,
    /// Called after a digit key chose an answer, to move focus on.
    chosen: Callback<usize>,
    /// Called when Enter is pressed on an option: the step's main action.
    submit: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<Session>();
    let q = &BANK.questions[question];
    let id = fieldset_id(question);
    let why_id = format!("{id}-why");
    let described_by = why_id.clone();
    let is_flagged = move || flagged.with(|f| f.contains(&question));
    // The first question still missing says so beside it, where Next put focus.
    let first_missing = move || flagged.with(|f| f.first() == Some(&question));
    let missing_id = format!("{id}-missing");
    let described_by = move || {
        if first_missing() {
            format!("{described_by} {}-missing", fieldset_id(question))
        } else {
            described_by.clone()
        }
    };
    // Several answers at once: checkboxes. A pick past what the question accepts is refused,
    // said beside the options, and the box stays as it was.
    let several = q.several();
    let refused = RwSignal::new(false);
    let pick = move |option: Option<usize>| match option {
        Some(o) if several => refused.set(!session.toggle(question, o)),
        Some(o) => session.answer(question, Answer::Chosen(o as u8)),
        None => {
            refused.set(false);
            session.answer(question, Answer::Unknown);
        }
    };
    // A tap or click on an option (not the arrow keys, whose clicks have no detail) moves on to
    // the next question, as a digit does; not where several answers can be picked.
    let option = move |input_id: String,
                       value: String,
                       label: Signal<String>,
                       option: Option<usize>| {
        let label_for = input_id.clone();
        let checked = move || {
            answers.with(|a| match (a.get(question), option) {
                (Answer::Unknown, None) => true,
                (answer, Some(o)) => answer.picked().any(|p| p == o),
                _ => false,
            })
        };
        view! {
            <div class="option">
                <input
                    type=if several { "checkbox" } else { "radio" }
                    // The browser must not bring back a choice from an earlier visit on the
                    // prerendered page: the app takes over every checked option as an answer.
                    autocomplete="off"
                    id=input_id
                    name=q.id
                    value=value
                    prop:checked=checked
                    on:change=move |ev| {
                        pick(option);
                        // A refused pick leaves the box as the answers say.
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        input.set_checked(checked());
                    }
                    on:click=move |ev: leptos::ev::MouseEvent| { if ev.detail() > 0 && !several { chosen.run(question) } }
                />
                <label for=label_for>{label}</label>
            </div>
        }
    };
    let options = q
        .options
        .iter()
        .enumerate()
        .map(|(i, _)| {
            option(
                format!("{id}-{i}"),
                i.to_string(),
                Signal::derive(move || bt::option_text(i18n, question, i)),
                Some(i),
            )
        })
        .collect_view();
    let unknown = option(
        format!("{id}-{}", q.options.len()),
        "unknown".to_string(),
        Signal::derive(move || bt::dont_know(i18n)),
        None,
    );
    let on_key = option_keys(question, answers, pick, chosen, submit);
    let most = u64::from(q.most);
    let described_by = move || {
        if several {
            format!("{} {}", described_by(), fieldset_id(question) + "-how-many")
        } else {
            described_by()
        }
    };
    view! {
        <fieldset
            on:keydown=on_key
            id=id.clone()
            class="question"
            class:flagged=is_flagged
            data-question=q.id
            data-part=q.part.id()
            aria-describedby=described_by
        >
            <legend>{move || bt::question_text(i18n, question)}</legend>
            {move || first_missing().then(|| view! {
                <p class="field-error" id=missing_id.clone()>
                    {move || {
                        let count = flagged.with(Vec::len);
                        crate::tf!(i18n, assess.step.missing_here, count = count as u64)
                    }}
                </p>
            })}
            <p class="why" id=why_id>
                <span class="why-label">{move || bt::why_label(i18n)} " "</span>
                {move || bt::why_text(i18n, question)}
            </p>
            {several.then(|| view! { <HowMany question /> })}
            <div class="options">{options} {unknown}</div>
            <p class="pick-limit" role="status">
                {move || refused.get().then(|| crate::tf!(i18n, assess.step.too_many, count = most))}
            </p>
        </fieldset>
    }
}
