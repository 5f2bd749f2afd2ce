//! The results view: the inferred stage, the stage-fit score and one finding per dimension,
//! with the page contract's `data-testid`, `data-dimension` and `data-finding` hooks.

use leptos::prelude::*;

use crate::assessment::{Assessment, BANK, DimensionResult, Finding};

#[component]
pub fn Results(
    assessment: Memo<Assessment>,
    on_edit: Callback<()>,
    on_restart: Callback<()>,
) -> impl IntoView {
    let stage = move || assessment.with(|a| a.stage.stage);
    let stage_basis = move || {
        assessment.with(|a| {
            let s = &a.stage;
            if s.position.is_none() {
                "Every company answer was \u{201c}Don't know\u{201d}, so this assumes the middle stage. \
                 Answer a few company questions for a real reading."
                    .to_string()
            } else {
                format!("Read from {} of {} company answers.", s.n_known, s.n_questions)
            }
        })
    };
    let score = move || assessment.with(|a| a.score);

    view! {
        <section class="results" aria-labelledby="results-heading">
            <h1 id="results-heading" tabindex="-1">"Your results"</h1>
            <div class="headline">
                <div class="headline-item">
                    <p class="headline-label">"Company stage"</p>
                    <p class="headline-value" data-testid="stage">{move || stage().to_string()}</p>
                    <p class="headline-note">
                        {move || format!("{}: {}.", stage(), stage().motto())} " " {stage_basis}
                    </p>
                </div>
                <div class="headline-item">
                    <p class="headline-label">"Stage fit"</p>
                    <p class="headline-value" data-testid="alignment-score">
                        {move || match score() {
                            Some(score) => format!("{score} out of 100"),
                            None => "Not scored".to_string(),
                        }}
                    </p>
                    <p class="headline-note">
                        {move || match score() {
                            Some(_) => format!(
                                "100 means every area below sits in the range that suits {}. \
                                 Investing too much costs points just as investing too little does.",
                                stage().company()
                            ),
                            None => "Every platform answer was \u{201c}Don't know\u{201d}, so there is nothing to score yet."
                                .to_string(),
                        }}
                    </p>
                </div>
            </div>
            <h2>"Area by area"</h2>
            <ul class="findings">
                {move || {
                    assessment.with(|a| a.dimensions.iter().map(|d| view! { <FindingItem result=d.clone() /> }).collect_view())
                }}
            </ul>
            <div class="step-buttons">
                <button type="button" class="secondary" on:click=move |_| on_edit.run(())>"Change answers"</button>
                <button type="button" class="secondary" on:click=move |_| on_restart.run(())>"Start again"</button>
            </div>
        </section>
    }
}

/// One dimension's finding: its verdict, its level and the band the stage calls for.
#[component]
fn FindingItem(result: DimensionResult) -> impl IntoView {
    let dimension = &BANK.dimensions[result.dimension];
    let detail = match result.level {
        Some(level) => format!(
            "Your level: {level:.1} of 4. This stage fits {} to {}.",
            result.band.low, result.band.high
        ),
        None => "Every answer here was \u{201c}Don't know\u{201d}, so this area is not scored."
            .to_string(),
    };
    let marker = match result.finding {
        Finding::Over => "\u{25b2}",
        Finding::Under => "\u{25bc}",
        Finding::Fit => "\u{2713}",
        Finding::Unknown => "?",
    };
    view! {
        <li class="finding" data-dimension=dimension.id data-finding=result.finding.id()>
            <h3>{dimension.name}</h3>
            <p class="verdict">
                <span class="marker" aria-hidden="true">{marker}</span>
                " "
                {result.finding.label()}
            </p>
            <p class="detail">{detail}</p>
            <p class="summary">{dimension.summary}</p>
        </li>
    }
}
