//! "How scoring works": a short page for newcomers on what the stage, the bands, the score and
//! the priorities mean. Static text; the numbers it quotes are the model's own constants.

use leptos::prelude::*;

use crate::i18n::use_i18n;

#[component]
pub fn HowScoring(on_back: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="how" aria-labelledby="how-heading">
            <h1 id="how-heading" tabindex="-1">{crate::tv!(i18n, common.title.how)}</h1>
            <p class="lead">{crate::tv!(i18n, assess.how.lead)}</p>
            <h2>{crate::tv!(i18n, assess.how.stage_heading)}</h2>
            <p>{crate::tv!(i18n, assess.how.stage)}</p>
            <h2>{crate::tv!(i18n, assess.how.strategy_heading)}</h2>
            <p>{crate::tv!(i18n, assess.how.strategy)}</p>
            <h2>{crate::tv!(i18n, assess.how.areas_heading)}</h2>
            <p>{crate::tv!(i18n, assess.how.areas)}</p>
            <h2>{crate::tv!(i18n, assess.how.score_heading)}</h2>
            <p>{crate::tv!(i18n, assess.how.score)}</p>
            <h2>{crate::tv!(i18n, assess.how.priorities_heading)}</h2>
            <p>{crate::tv!(i18n, assess.how.priorities)}</p>
            <h2>{crate::tv!(i18n, assess.how.dont_know_heading)}</h2>
            <p>{crate::tv!(i18n, assess.how.dont_know)}</p>
            <div class="step-buttons">
                <button type="button" class="secondary" on:click=move |_| on_back.run(())>{crate::tv!(i18n, assess.how.back)}</button>
            </div>
        </section>
    }
}
