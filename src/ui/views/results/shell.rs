//! What a shared result's address shows before the app runs (issue 27): the page says at once
//! what it is (a result someone shared, and what Stagefit is), with the verdict's frame held in
//! place until the app has read the link and draws the score, stage and priorities over it.
//! Drawn at build time only, into the page (`ui::prerender_shells`); the wasm never carries it.

use leptos::prelude::*;

use crate::i18n::use_i18n;

/// The shared result's frame: a heading that says a shared result is being opened, the same
/// introduction and verdict layout as the results view a shared link opens, and placeholders
/// where the numbers go.
#[component]
pub fn SharedShell() -> impl IntoView {
    let i18n = use_i18n();
    let placeholder =
        |class: &'static str| view! { <span class=format!("skeleton {class}")></span> };
    view! {
        <section class="results shared-shell" aria-labelledby="shared-shell-heading" aria-busy="true" data-testid="shared-shell">
            <h1 id="shared-shell-heading">{crate::tv!(i18n, results.shared.opening_heading)}</h1>
            <div class="shared-intro">
                <super::WhatStagefitIs />
                <p class="shell-status" role="status">{crate::tv!(i18n, results.shared.opening)}</p>
            </div>
            <div class="verdict-board" aria-hidden="true">
                <div class="verdict-score">
                    <p class="verdict-label">{crate::tv!(i18n, results.gauge.stage_fit)}</p>
                    {placeholder("skeleton-gauge")}
                </div>
                <div class="verdict-stage">
                    <p class="verdict-label">{crate::tv!(i18n, results.stage_summary.label)}</p>
                    {placeholder("skeleton-line wide")}
                    {placeholder("skeleton-line")}
                </div>
                <section class="top-priorities">
                    <h2>{crate::tv!(i18n, results.results.priorities_heading)}</h2>
                    <ol class="priorities">
                        {(0..3).map(|_| view! { <li class="skeleton-card">{placeholder("skeleton-line wide")}{placeholder("skeleton-line")}</li> }).collect_view()}
                    </ol>
                </section>
            </div>
        </section>
    }
}
