//! The results charts: a radar of levels against the stage's band and bars of the signed gaps.
//! Each is an SVG with `role="img"`, a title and a label, and a data table alternative that
//! keyboard and screen-reader users can open. Shapes come from `stagefit_core::chart`. Ahead and
//! behind differ in hue, in fill (solid against hatched) and in marker (▲ against ▼), and each
//! legend swatch is a small SVG drawn with the chart's own classes, so it matches exactly.

use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::ui::bank_text::{self as bt, I18n};
use stagefit_core::report::tenths;
use stagefit_core::{Assessment, BANK, Finding, chart, explain};

/// The id of the hatching that fills "behind" bars (defined once, in the gap chart; the style
/// sheet's `.bar-under` refers to it).
const HATCH: &str = "hatch-under";

#[component]
pub fn Charts(assessment: Memo<Assessment>) -> impl IntoView {
    view! {
        <h2 class="charts-heading">"Charts"</h2>
        <div class="charts">
            <figure class="chart">
                <figcaption id="radar-title">"Platform level by area, against the band that fits your stage"</figcaption>
                <RadarChart assessment />
                <ul class="legend">
                    <li>
                        <BandSwatch />
                        " Shaded: the band that fits your stage"
                    </li>
                    <li>
                        <LevelSwatch />
                        " Line and dots: your platform"
                    </li>
                </ul>
            </figure>
            <figure class="chart">
                <figcaption id="gaps-title">"Gap to the band by area: ahead to the right, behind to the left"</figcaption>
                <GapChart assessment />
                <ul class="legend">
                    <li>
                        <svg class="swatch" viewBox="0 0 24 12" aria-hidden="true"><rect class="bar bar-over" x="1" y="1" width="22" height="10" rx="2" /></svg>
                        {format!(" Solid, {}: ahead of your stage", chart::marker(Finding::Over))}
                    </li>
                    <li>
                        <svg class="swatch" viewBox="0 0 24 12" aria-hidden="true"><rect class="bar bar-under" x="1" y="1" width="22" height="10" rx="2" /></svg>
                        {format!(" Hatched, {}: behind your stage", chart::marker(Finding::Under))}
                    </li>
                </ul>
            </figure>
        </div>
        <details class="chart-data">
            <summary>"Show the chart data as a table"</summary>
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
        let radar = assessment.with(|a| chart::radar(&BANK, &bt::words(i18n), a));
        let label = assessment.with(|a| {
            format!(
                "Radar chart of {} areas. {}",
                a.dimensions.len(),
                summary_sentence(a, i18n)
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
        let bars = assessment.with(|a| chart::gap_bars(&BANK, &bt::words(i18n), a));
        let label = assessment.with(|a| summary_sentence(a, i18n));
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
                <text class="axis-label" x=bars.behind_x y="14" text-anchor="end">"\u{25c0} behind"</text>
                <text class="axis-label" x=bars.ahead_x y="14" text-anchor="start">"ahead \u{25b6}"</text>
                <line class="zero" x1=bars.zero_x.clone() y1="18" x2=bars.zero_x y2=bars.zero_bottom />
                {bars.rows.into_iter().map(|r| {
                    let class = format!("bar bar-{}", r.finding.id());
                    view! {
                        <text class="row-label" x="0" y=r.text_y.clone()>{r.label}</text>
                        <rect class=class x=r.bar_x y=r.bar_y width=r.bar_width height="14" rx="2" />
                        <text class=format!("bar-value value-{}", r.finding.id()) x=value_x.clone() y=r.text_y>{r.value}</text>
                    }
                }).collect_view()}
            </svg>
        }
    }
}

/// One sentence for screen readers that sums up both charts.
fn summary_sentence(a: &Assessment, i18n: I18n) -> String {
    let names = |f: Finding| {
        let list: Vec<String> = a
            .dimensions
            .iter()
            .filter(|d| d.finding == f)
            .map(|d| bt::dimension_short(i18n, d.dimension))
            .collect();
        if list.is_empty() {
            "none".to_string()
        } else {
            list.join(", ")
        }
    };
    format!(
        "Ahead of the stage: {}. Behind the stage: {}. The data table below lists every value.",
        names(Finding::Over),
        names(Finding::Under)
    )
}

#[component]
fn DataTable(assessment: Memo<Assessment>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="table-scroll">
            <table>
                <caption>"Level, band and gap for each area"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Area"</th>
                        <th scope="col">"Your level (0 to 4)"</th>
                        <th scope="col">"Band for your stage"</th>
                        <th scope="col">"Gap"</th>
                        <th scope="col">"Finding"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || assessment.with(|a| {
                        let bars = chart::gap_bars(&BANK, &bt::words(i18n), a);
                        a.dimensions.iter().zip(bars.rows).map(|(d, row)| view! {
                            <tr>
                                <th scope="row">{bt::dimension_name(i18n, d.dimension)}</th>
                                <td>{d.level.map_or("not answered".to_string(), tenths)}</td>
                                <td>{explain::band(d.band)}</td>
                                <td>{row.value}</td>
                                <td>{d.finding.label()}</td>
                            </tr>
                        }).collect_view()
                    })}
                </tbody>
            </table>
        </div>
    }
}
