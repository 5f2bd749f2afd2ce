//! The landing view: what the assessment does, how long it takes, and the way in.

use leptos::prelude::*;

use crate::assessment::BANK;

#[component]
pub fn Landing(on_start: Callback<()>, on_how: Callback<()>) -> impl IntoView {
    let n_questions = BANK.questions.len();
    view! {
        <section class="landing" aria-labelledby="landing-heading">
            <h1 id="landing-heading" tabindex="-1">"Does your platform fit your company's stage?"</h1>
            <p class="lead">
                "Answer " {n_questions} " short questions about your company and your platform, "
                "which takes about five minutes. Stagefit works out whether your company is at an "
                "early, growth or mature stage, then shows where your platform is ahead of it "
                "(money spent before it pays off) or behind it (growing pains), with a score for "
                "how well the two fit. A bigger platform is not a better one; one that fits is."
            </p>
            <div class="actions">
                <button type="button" class="primary" on:click=move |_| on_start.run(())>
                    "Start assessment"
                </button>
                <button type="button" class="secondary" on:click=move |_| on_how.run(())>
                    "How scoring works"
                </button>
            </div>
        </section>
    }
}
