//! "How scoring works": a short page for newcomers on what the stage, the bands, the score and
//! the priorities mean. Static text; the numbers it quotes are the model's own constants.

use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::ui::state::Navigator;
use stagefit_core::route::Route;

#[component]
pub fn HowScoring() -> impl IntoView {
    let i18n = use_i18n();
    let nav = expect_context::<Navigator>();
    // It returns to whichever view opened it, through the browser's history.
    let back = move || nav.back_or(Route::Start);
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
                <button type="button" class="secondary" on:click=move |_| back()>{crate::tv!(i18n, assess.how.back)}</button>
            </div>
        </section>
    }
}
