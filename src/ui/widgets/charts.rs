//! The results charts: a radar of levels against the stage's band and bars of the signed gaps.
//! Each is an SVG with `role="img"`, a title and a label, and a data table alternative that
//! keyboard and screen-reader users can open. Shapes come from `stagefit_core::chart`. Ahead and
//! behind differ in hue, in fill (solid against hatched) and in marker (▲ against ▼), and each
//! legend swatch is a small SVG drawn with the chart's own classes, so it matches exactly.

use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::ui::text::bank as bt;
use crate::ui::text::{results as rt, s};
use stagefit_core::{Assessment, BANK, BankText, Finding, chart};

/// The id of the hatching that fills "behind" bars (defined once, in the gap chart; the style
/// sheet's `.bar-under` refers to it).
const HATCH: &str = "hatch-under";

#[component]
pub fn Charts(assessment: Memo<Assessment>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h2 class="charts-heading">{crate::tv!(i18n, results.charts.heading)}</h2>
        <div class="charts">
            <figure class="chart">
                <figcaption id="radar-title">{crate::tv!(i18n, results.charts.radar_title)}</figcaption>
                <RadarChart assessment />
                <ul class="legend">
                    <li>
                        <BandSwatch />
                        " "
                        {crate::tv!(i18n, results.charts.legend_band)}
                    </li>
                    <li>
                        <LevelSwatch />
                        " "
                        {crate::tv!(i18n, results.charts.legend_level)}
                    </li>
                </ul>
            </figure>
            <figure class="chart">
                <figcaption id="gaps-title">{crate::tv!(i18n, results.charts.gaps_title)}</figcaption>
                <GapChart assessment />
                <ul class="legend">
                    <li>
                        <svg class="swatch" viewBox="0 0 24 12" aria-hidden="true"><rect class="bar bar-over" x="1" y="1" width="22" height="10" rx="2" /></svg>
                        " "
                        {move || s!(i18n.get_locale(), results.charts.legend_ahead, marker = chart::marker(Finding::Over))}
                    </li>
                    <li>
                        <svg class="swatch" viewBox="0 0 24 12" aria-hidden="true"><rect class="bar bar-under" x="1" y="1" width="22" height="10" rx="2" /></svg>
                        " "
                        {move || s!(i18n.get_locale(), results.charts.legend_behind, marker = chart::marker(Finding::Under))}
                    </li>
                </ul>
            </figure>
        </div>
        <details class="chart-data">
            <summary>{crate::tv!(i18n, results.charts.show_table)}</summary>
            <DataTable assessment />
        </details>
    }
}

/// The legend's swatch for a radar's shaded band, drawn with the chart's own class.
#[component]
pub(crate) fn BandSwatch() -> impl IntoView {
    view! { <svg class="swatch" viewBox="0 0 24 12" aria-hidden="true"><rect class="band" x="1" y="1" width="22" height="10" /></svg> }
}

/// The legend's swatch for a radar's solid line and dots, drawn with the chart's own classes.
#[component]
pub(crate) fn LevelSwatch() -> impl IntoView {
    view! {
        <svg class="swatch" viewBox="0 0 24 12" aria-hidden="true">
            <line class="level" x1="1" y1="6" x2="23" y2="6" />
            <circle class="dot" cx="12" cy="6" r="3.5" />
        </svg>
    }
}

#[component]
fn RadarChart(assessment: Memo<Assessment>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let locale = i18n.get_locale();
        let radar = assessment.with(|a| chart::radar(&BANK, &bt::words_in(locale), a));
        let label = assessment.with(|a| {
            s!(
                i18n.get_locale(),
                results.charts.radar_desc,
                n = a.dimensions.len(),
                summary = summary_sentence(locale, a)
            )
        });
        view! {
            <svg class="radar" viewBox=radar.view_box role="img" aria-labelledby="radar-title" aria-describedby="radar-desc">
                <desc id="radar-desc">{label}</desc>
                {radar.rings.into_iter().map(|points| view! { <polygon class="ring" points=points /> }).collect_view()}
                {radar.spokes.into_iter().map(|(x, y)| view! { <line class="spoke" x1="0" y1="0" x2=x y2=y /> }).collect_view()}
                <path class="band" d=radar.band_path fill-rule="evenodd" />
                <polygon class="level" points=radar.level_points />
                {radar.dots.into_iter().map(|(x, y)| view! { <circle class="dot" cx=x cy=y r="3.5" /> }).collect_view()}
                {radar.labels.into_iter().map(|l| view! { <text class="axis-label" x=l.x y=l.y text-anchor=l.anchor>{l.text}</text> }).collect_view()}
            </svg>
        }
    }
}

#[component]
fn GapChart(assessment: Memo<Assessment>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let locale = i18n.get_locale();
        let bars = assessment.with(|a| gap_bars(locale, a));
        let label = assessment.with(|a| summary_sentence(locale, a));
        let value_x = bars.value_x.clone();
        view! {
            <svg class="gaps" viewBox=bars.view_box role="img" aria-labelledby="gaps-title" aria-describedby="gaps-desc">
                <desc id="gaps-desc">{label}</desc>
                <defs>
                    <pattern id=HATCH width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect class="hatch-ground" width="6" height="6" />
                        <line class="hatch-line" x1="0" y1="0" x2="0" y2="6" />
                    </pattern>
                </defs>
                <text class="axis-label" x=bars.behind_x y="14" text-anchor="end">{crate::tv!(i18n, results.charts.behind_axis)}</text>
                <text class="axis-label" x=bars.ahead_x y="14" text-anchor="start">{crate::tv!(i18n, results.charts.ahead_axis)}</text>
                <line class="zero" x1=bars.zero_x.clone() y1="18" x2=bars.zero_x y2=bars.zero_bottom />
                {bars.rows.into_iter().map(|r| {
                    let class = format!("bar bar-{}", r.finding.id());
                    view! {
                        <text class="row-label" x="0" y=r.text_y.clone()>{r.label}</text>
                        <rect class=class x=r.bar_x y=r.bar_y width=r.bar_width height="14" rx="2" />
                        <text class=format!("bar-value value-{}", r.finding.id()) x=value_x.clone() y=r.text_y>{rt::gap_value(locale, r.finding, r.gap)}</text>
                    }
                }).collect_view()}
            </svg>
        }
    }
}

/// The gap bars, with the value column as wide as its words in `locale`.
fn gap_bars(locale: crate::i18n::Locale, a: &Assessment) -> chart::GapBars {
    let words = rt::gap_words(locale);
    chart::gap_bars(
        &BANK,
        &bt::words_in(locale),
        a,
        &[words[0].as_str(), words[1].as_str()],
    )
}

/// One sentence for screen readers that sums up both charts.
fn summary_sentence(locale: crate::i18n::Locale, a: &Assessment) -> String {
    let words = bt::words_in(locale);
    let names = |f: Finding| {
        let list: Vec<String> = a
            .dimensions
            .iter()
            .filter(|d| d.finding == f)
            .map(|d| words.dimension_short(&BANK.dimensions[d.dimension]))
            .collect();
        if list.is_empty() {
            s!(locale, results.charts.none)
        } else {
            list.join(", ")
        }
    };
    s!(
        locale,
        results.charts.summary,
        ahead = names(Finding::Over),
        behind = names(Finding::Under)
    )
}

#[component]
fn DataTable(assessment: Memo<Assessment>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        // Focusable, so a keyboard can scroll it where a long language makes it wider than a phone.
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="chart-data-caption">
            <table>
                <caption id="chart-data-caption">{crate::tv!(i18n, results.charts.caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{crate::tv!(i18n, results.charts.col_area)}</th>
                        <th scope="col">{crate::tv!(i18n, results.charts.col_level)}</th>
                        <th scope="col">{crate::tv!(i18n, results.charts.col_band)}</th>
                        <th scope="col">{crate::tv!(i18n, results.charts.col_gap)}</th>
                        <th scope="col">{crate::tv!(i18n, results.charts.col_finding)}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || assessment.with(|a| {
                        let locale = i18n.get_locale();
                        a.dimensions.iter().map(|d| view! {
                            <tr>
                                <th scope="row">{bt::words_in(locale).dimension_name(&BANK.dimensions[d.dimension])}</th>
                                <td>{rt::level_text(locale, d.level)}</td>
                                <td>{rt::band(locale, d.band)}</td>
                                <td>{rt::gap_value(locale, d.finding, d.gap)}</td>
                                <td>{rt::finding(locale, d.finding)}</td>
                            </tr>
                        }).collect_view()
                    })}
                </tbody>
            </table>
        </div>
    }
}
