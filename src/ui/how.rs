//! "How scoring works": a short page for newcomers on what the stage, the bands, the score and
//! the priorities mean. Static text; the numbers it quotes are the model's own constants.

use leptos::prelude::*;

#[component]
pub fn HowScoring(on_back: Callback<()>) -> impl IntoView {
    view! {
        <section class="how" aria-labelledby="how-heading">
            <h1 id="how-heading" tabindex="-1">"How scoring works"</h1>
            <p class="lead">
                "Most maturity checks reward doing more. Stagefit does not: it asks whether your "
                "platform fits the stage your company is in. A startup running a platform built "
                "for a thousand engineers loses points, just as a fast-growing company still "
                "deploying by hand does."
            </p>
            <h2>"1. Your company's stage"</h2>
            <p>
                "Each company answer points somewhere between early (0) and mature (4). Stagefit "
                "takes their average: below 1.33 is early, from 2.67 on is mature, in between is "
                "growth. Near a line between two stages you are \u{201c}in transition\u{201d}. "
                "Confidence is high when most questions are answered and the answers agree. You "
                "can always choose the stage yourself on the results page."
            </p>
            <h2>"2. Your strategy"</h2>
            <p>
                "Your main goal for the next year or so changes what matters. Moving upmarket to "
                "enterprise customers, for example, makes security and compliance matter most; "
                "cutting costs puts cost management and retiring old systems first."
            </p>
            <h2>"3. Each platform area"</h2>
            <p>
                "Platform answers are levels from 0 (no investment) to 4 (heavy investment). An "
                "area's level is the average of its answers. Each stage has a band for each area: "
                "the range of investment that suits it. Below the band is \u{201c}behind your "
                "stage\u{201d}, above it \u{201c}ahead of your stage\u{201d}, inside it \u{201c}fits\u{201d}."
            </p>
            <h2>"4. The stage-fit score"</h2>
            <p>
                "Each area has a weight: how much it matters at your stage. An area one level "
                "outside its band loses half its weight, two levels or more all of it; ahead and "
                "behind cost the same. The score is 100 \u{d7} (1 \u{2212} the share of weight "
                "lost)\u{b2}, so one small gap costs little and many gaps cost a lot. 85 or more, "
                "with at most two areas off, means the platform fits the company well. Under each "
                "area, \u{201c}How this was worked out\u{201d} shows the answers and the arithmetic."
            </p>
            <h2>"5. Priorities and draft goals"</h2>
            <p>
                "The three areas that cost the most points become your priorities: invest where you "
                "are behind, stop or defer where you are ahead, prepare where the next stage is "
                "coming. Each comes with a draft goal that describes an outcome (\u{201c}from X "
                "to Y\u{201d}) rather than a list of things to build. Replace the example numbers "
                "with your own."
            </p>
            <h2>"\u{201c}Don't know\u{201d}"</h2>
            <p>
                "\u{201c}Don't know\u{201d} is always a fair answer. It is left out of the "
                "averages, and it lowers the confidence instead of guessing."
            </p>
            <div class="step-buttons">
                <button type="button" class="secondary" on:click=move |_| on_back.run(())>"Back"</button>
            </div>
        </section>
    }
}
