//! The room drawn: the stage split, the spread per area, the questions people answered
//! differently, as charts with text alternatives.

use leptos::prelude::*;

use crate::i18n::{Locale, use_i18n};
use crate::ui::text::bank as bt;
use crate::ui::text::results::{band_name, band_range, stage_name};
use crate::ui::text::s;
use crate::ui::text::workshop::{disagreement_line, number};
use stagefit_core::workshop::{self};
use stagefit_core::{BANK, BankText, chart};

/// A stacked bar of answers with its legend: each part's count is written in the bar where it
/// fits and always in the legend, so neither colour nor width carries a number alone.
#[component]
pub(super) fn StackedBar(
    /// People per answer, in the answers' order.
    counts: Vec<usize>,
    /// The answers' words, in the same order.
    labels: Vec<String>,
    /// What the bar shows, for its accessible name.
    title: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let segments = chart::stacked_bar(&counts);
    let total: usize = counts.iter().sum();
    // The accessible name: what it shows, then each answer's count ("12 × Basic"; the sign
    // and the numbers read the same in every language). An attribute, so that the bar's text
    // on the page stays its legend alone.
    let l = i18n.get_locale_untracked();
    let parts = labels
        .iter()
        .zip(&counts)
        .filter(|(_, n)| **n > 0)
        .map(|(answer, n)| format!("{n} \u{d7} {answer}"))
        .collect::<Vec<_>>()
        .join(&s!(l, workshop.list_separator));
    let name = format!("{title}{}{parts}", s!(l, workshop.label_separator));
    view! {
        <div class="stacked">
            <svg class="stacked-bar" viewBox="0 0 1000 64" preserveAspectRatio="none" role="img" aria-label=name>
                {segments.iter().map(|seg| view! {
                    <rect class=format!("seg seg-{}", seg.option % 6) x=seg.x.clone() y="0" width=seg.width.clone() height="64" />
                }).collect_view()}
            </svg>
            <ul class="stacked-legend">
                {labels.iter().zip(&counts).enumerate().filter(|(_, (_, n))| **n > 0).map(|(i, (label, n))| view! {
                    <li>
                        <svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect class=format!("seg seg-{}", i % 6) width="10" height="10" /></svg>
                        <strong>{n.to_string()}</strong>
                        {crate::tf_once!(i18n, workshop.bar_of, total = total)}
                        <bdi>{label.clone()}</bdi>
                    </li>
                }).collect_view()}
            </ul>
        </div>
    }
}

/// The room's stage split as a stacked bar. Drawn inside views that follow the language in
/// use, so `l` is always the current one.
pub(super) fn stage_bar(l: Locale, a: &workshop::Aggregate) -> impl IntoView + use<> {
    view! {
        <StackedBar
            counts=a.stages.to_vec()
            labels=(0..3).map(|i| stage_name(l, workshop::stage_at(i))).collect()
            title=s!(l, workshop.stage_bar_title)
        />
    }
}

/// A question to discuss with the split of its answers.
pub(super) fn question_bar(d: &workshop::Divergence) -> impl IntoView + use<> {
    let q = &BANK.questions[d.question];
    let words = bt::words_in(use_i18n().get_locale());
    view! {
        <StackedBar
            counts=d.counts.clone()
            labels=(0..q.options.len()).map(|o| words.option(q, o)).collect()
            title=words.question(q)
        />
    }
}

/// The dot plot of the whole room: every area's spread against the band of the group's stage,
/// level names on the axis, and a legend for dot size, the median and the band.
pub(super) fn spread_chart(
    l: Locale,
    a: &workshop::Aggregate,
    most: Option<usize>,
) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let plot = chart::spread_plot(&BANK, &bt::words_in(l), a);
    let band = band_name(l, a.median.stage.stage);
    let legend_y = plot.legend.y.clone();
    let largest = most.map(|d| disagreement_line(l, a, d));
    view! {
        <figure class="chart">
            <figcaption id="spread-title">{crate::tv!(i18n, workshop.spread_caption)}</figcaption>
            <svg class="spread" viewBox=plot.view_box role="img" aria-labelledby="spread-title" aria-describedby="spread-desc">
                <desc id="spread-desc">
                    {crate::tf_once!(
                        i18n,
                        workshop.spread_desc,
                        count = a.n_participants,
                        lowest = bt::words_in(l).level(0),
                        highest = bt::words_in(l).level(4),
                        band = band.clone()
                    )}
                    " "
                    {largest.map(|line| view! { {crate::tv!(i18n, workshop.spread_desc_largest)} " " {line} {crate::tv!(i18n, workshop.sentence_end)} })}
                    " "
                    {crate::tv!(i18n, workshop.spread_desc_table)}
                </desc>
                {plot.rows.iter().map(|r| view! {
                    <rect class="band" x=r.band_x.clone() y=r.band_y.clone() width=r.band_width.clone() height=r.band_height.clone() />
                }).collect_view()}
                {plot.axis.iter().map(|t| view! {
                    <line class="grid" x1=t.tick_x.clone() x2=t.tick_x.clone() y1=plot.grid_top.clone() y2=plot.grid_bottom.clone() />
                    <text class="axis-label" x=t.x.clone() y=t.y.clone() text-anchor=t.anchor>{t.text.clone()}</text>
                }).collect_view()}
                {plot.rows.into_iter().map(|r| view! {
                    <text class="row-label" x="0" y=r.text_y>{r.label}</text>
                    {r.median_x.map(|m| view! { <line class="median" x1=m.clone() x2=m y1=r.tick_top y2=r.tick_bottom /> })}
                    {r.dots.into_iter().map(|(x, radius, n)| view! {
                        <circle class="dot" cx=x cy=r.center_y.clone() r=radius><title>{crate::tf_once!(i18n, workshop.people, count = n)}</title></circle>
                    }).collect_view()}
                }).collect_view()}
                <g class="legend">
                    <circle class="dot" cx="8" cy=legend_y.clone() r=plot.legend.small.0.clone() />
                    <text class="axis-label" x="16" y=legend_y.clone() dy="5">{crate::tf_once!(i18n, workshop.people, count = 1_usize)}</text>
                    {plot.legend.large.clone().map(|(r, n)| view! {
                        <circle class="dot" cx="102" cy=legend_y.clone() r=r />
                        <text class="axis-label" x="117" y=legend_y.clone() dy="5">{crate::tf_once!(i18n, workshop.people, count = n)}</text>
                    })}
                    <line class="median" x1="208" x2="208" y1=plot.legend.mark_top.clone() y2=plot.legend.mark_bottom.clone() />
                    <text class="axis-label" x="214" y=legend_y.clone() dy="5">{crate::tv!(i18n, workshop.legend_median)}</text>
                    <rect class="band" x="280" y=plot.legend.swatch_y.clone() width="18" height="20" />
                    <text class="axis-label" x="302" y=legend_y dy="5">{band}</text>
                </g>
            </svg>
        </figure>
    }
}

/// The room in detail, below its summary (`summary::RoomSummary`): how many see each stage, the
/// spread per area, where it disagrees most, and the questions to discuss.
/// A section with nothing in it is not drawn, on screen or in print.
#[component]
pub(super) fn RoomView(aggregate: Memo<workshop::Aggregate>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        // Read here, so that the room is drawn again in a newly chosen language.
        let l = i18n.get_locale();
        let a = aggregate.get();
        if a.n_participants == 0 {
            return view! { <p class="no-print">{crate::tv!(i18n, workshop.room_empty)}</p> }
                .into_any();
        }
        let disagreement: Vec<usize> = a
            .by_disagreement
            .iter()
            .copied()
            .filter(|&d| !a.spreads[d].levels.is_empty())
            .take(5)
            .collect();
        let chart = spread_chart(l, &a, disagreement.first().copied());
        let disagree_section = (!disagreement.is_empty()).then(|| {
            view! {
                <h2>{crate::tv!(i18n, workshop.disagree_title)}</h2>
                <ol>{disagreement.iter().map(|&d| view! { <li>{disagreement_line(l, &a, d)}</li> }).collect_view()}</ol>
            }
        });
        let questions = (!a.divergent.is_empty()).then(|| view! {
            <h2>{crate::tv!(i18n, workshop.questions_title)}</h2>
            <p>{crate::tv!(i18n, workshop.questions_intro)}</p>
            <ul class="prompts">
                {a.divergent.iter().map(|d| view! {
                    <li><strong>{bt::question_text(i18n, d.question)}</strong> {question_bar(d)}</li>
                }).collect_view()}
            </ul>
        });
        view! {
            <div class="room">
                <h2>{crate::tv!(i18n, workshop.stages_title)}</h2>
                <ul class="stage-counts">
                    {(0..3).map(|i| view! {
                        <li>{crate::tf_once!(i18n, workshop.stage_count, stage = stage_name(l, workshop::stage_at(i)), count = a.stages[i])}</li>
                    }).collect_view()}
                </ul>
                {chart}
                <details class="chart-data">
                    <summary>{crate::tv!(i18n, workshop.table_show)}</summary>
                    <div class="table-scroll">
                        <table>
                            <caption>{crate::tv!(i18n, workshop.table_caption)}</caption>
                            <thead><tr>
                                <th scope="col">{crate::tv!(i18n, workshop.col_area)}</th>
                                <th scope="col">{crate::tv!(i18n, workshop.col_answered)}</th>
                                <th scope="col">{crate::tv!(i18n, workshop.col_lowest)}</th>
                                <th scope="col">{crate::tv!(i18n, workshop.col_median)}</th>
                                <th scope="col">{crate::tv!(i18n, workshop.col_highest)}</th>
                                <th scope="col">{crate::tv!(i18n, workshop.col_spread)}</th>
                                <th scope="col">{band_name(l, a.median.stage.stage)}</th>
                                <th scope="col">{crate::tv!(i18n, workshop.col_positions)}</th>
                            </tr></thead>
                            <tbody>
                                {a.by_disagreement.iter().map(|&d| {
                                    let s = &a.spreads[d];
                                    let band = a.median.dimensions[d].band;
                                    let f = |v: Option<&f32>| v.map_or("\u{2014}".to_string(), |v| number(l, *v, 1));
                                    view! {
                                        <tr>
                                            <th scope="row">{bt::dimension_name(i18n, d)}</th>
                                            <td>{s.levels.len()}</td>
                                            <td>{f(s.levels.first())}</td>
                                            <td>{f(s.median.as_ref())}</td>
                                            <td>{f(s.levels.last())}</td>
                                            <td>{number(l, s.deviation, 2)}</td>
                                            <td>{band_range(l, band)}</td>
                                            <td>{format!("{} / {} / {}", s.over, s.under, s.fit)}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                </details>
                {disagree_section}
                {questions}
            </div>
        }
        .into_any()
    }
}
