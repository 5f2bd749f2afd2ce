//! History's score trend: one line through the scores of the saved assessments, oldest on the
//! left, shown once two or more have a score, with a table as its text alternative. The shape
//! comes from `stagefit_core::chart::score_trend`; scores from `stagefit_core::assess`.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::ui::store::Store;
use stagefit_core::{BANK, assess, chart, report};

#[component]
pub fn ScoreTrend(store: Store) -> impl IntoView {
    // Every assessment's score, by id and last change: an entry that did not change is not
    // scored again when another is renamed, deleted or added, so a long history stays quick.
    let scores = Memo::new(
        move |previous: Option<&HashMap<(String, u64), Option<u8>>>| {
            store.history.with(|h| {
                h.iter()
                    .map(|s| {
                        let key = (s.id.clone(), s.updated.to_bits());
                        let score = previous
                            .and_then(|p| p.get(&key).copied())
                            .unwrap_or_else(|| assess(&BANK, &s.answers).score);
                        (key, score)
                    })
                    .collect::<HashMap<_, _>>()
            })
        },
    );
    // (created, score) of every scored assessment.
    let scored = Memo::new(move |_| {
        scores.with(|scores| {
            store.history.with(|h| {
                h.iter()
                    .filter_map(|s| {
                        let score = scores
                            .get(&(s.id.clone(), s.updated.to_bits()))
                            .copied()??;
                        Some((s.created, score))
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    move || {
        let trend = chart::score_trend(&scored.get())?;
        let (first, last) = (trend.points.first()?, trend.points.last()?);
        let summary = format!(
            "Stage fit over {} assessments, from {} on {} to {} on {}.",
            trend.points.len(),
            first.score,
            report::date_text(first.created),
            last.score,
            report::date_text(last.created)
        );
        Some(view! {
            <figure class="chart trend-chart">
                <figcaption id="trend-title">"Stage fit over time"</figcaption>
                <svg class="trend" viewBox=trend.view_box role="img" aria-labelledby="trend-title" aria-describedby="trend-desc">
                    <desc id="trend-desc">{summary.clone()}</desc>
                    {trend.grid.iter().map(|(y, score)| view! {
                        <line class="grid" x1=trend.left.clone() x2=trend.right.clone() y1=y.clone() y2=y.clone() />
                        <text class="axis-label" x="36" y=y.clone() dy="5" text-anchor="end">{score.to_string()}</text>
                    }).collect_view()}
                    <path class="trend-line" d=trend.line.clone() />
                    {trend.points.iter().map(|p| view! {
                        <circle class="dot" cx=p.x.clone() cy=p.y.clone() r="4"><title>{format!("{}: {}", report::date_text(p.created), p.score)}</title></circle>
                    }).collect_view()}
                    <text class="axis-label" x=trend.left.clone() y="164">{report::date_text(first.created)}</text>
                    <text class="axis-label" x=trend.right.clone() y="164" text-anchor="end">{report::date_text(last.created)}</text>
                </svg>
                <p class="trend-summary">{summary}</p>
            </figure>
            <details class="chart-data">
                <summary>"Show the trend as a table"</summary>
                <div class="table-scroll">
                    <table>
                        <caption>"Stage fit of each scored assessment, oldest first"</caption>
                        <thead><tr><th scope="col">"Date"</th><th scope="col">"Stage fit"</th></tr></thead>
                        <tbody>
                            // The points of the line, nothing more: the names are in the list below.
                            {trend.points.iter().map(|p| view! {
                                <tr><th scope="row">{report::date_text(p.created)}</th><td>{format!("{} out of 100", p.score)}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </details>
        })
    }
}
