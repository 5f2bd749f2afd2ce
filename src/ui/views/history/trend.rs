//! History's score trend: one line through the scores of the saved assessments, oldest on the
//! left, shown once two or more have a score, with a table as its text alternative. The shape
//! comes from `stagefit_core::chart::score_trend`; scores from `stagefit_core::assess`.

use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::ui::state::Store;
use crate::ui::text::{results as rt, s};
use stagefit_core::chart;

/// Most points drawn as dots; a longer trend draws its line with the first and last dots.
const MAX_DOTS: usize = 60;

#[component]
pub fn ScoreTrend() -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let table_open = RwSignal::new(false);
    // Every version's score, worked out by the store a part at a time (so a long history never
    // holds the page); the trend draws once they are known. Each version of a re-answered
    // assessment is a point of its own, at the time it was saved (an assessment with one
    // version stays at the time it was made).
    Effect::new(move |_| {
        store.history().track();
        leptos::task::spawn_local(store.score_history());
    });
    // (when, score) of every scored version.
    let scored = Memo::new(move |_| {
        store.scores().with(|scores| {
            store.history().with(|h| {
                h.iter()
                    .flat_map(|s| {
                        let single = s.version_count() == 1;
                        s.versions().filter_map(move |(n, _, when)| {
                            let score =
                                scores.get(&(s.id.clone(), n, when.to_bits())).copied()??;
                            Some((if single { s.created } else { when }, score))
                        })
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    move || {
        let trend = chart::score_trend(&scored.get())?;
        let (first, last) = (trend.points.first()?, trend.points.last()?);
        let locale = i18n.get_locale();
        // Two points of one day are told apart by their time of day.
        let same_day = trend
            .points
            .windows(2)
            .any(|w| rt::date(locale, w[0].created) == rt::date(locale, w[1].created));
        let date = move |millis: f64| {
            if same_day {
                rt::date_time(locale, millis)
            } else {
                rt::date(locale, millis)
            }
        };
        let points = trend.points.clone();
        let summary = s!(
            locale,
            results.trend.summary,
            n = trend.points.len(),
            first = first.score,
            first_date = date(first.created),
            last = last.score,
            last_date = date(last.created)
        );
        Some(view! {
            <figure class="chart trend-chart">
                <figcaption id="trend-title">{crate::tv!(i18n, results.trend.title)}</figcaption>
                <svg class="trend" viewBox=trend.view_box role="img" aria-labelledby="trend-title" aria-describedby="trend-desc">
                    <desc id="trend-desc">{summary.clone()}</desc>
                    {trend.grid.iter().map(|(y, score)| view! {
                        <line class="grid" x1=trend.left.clone() x2=trend.right.clone() y1=y.clone() y2=y.clone() />
                        <text class="axis-label" x="36" y=y.clone() dy="5" text-anchor="end">{score.to_string()}</text>
                    }).collect_view()}
                    <path class="trend-line" d=trend.line.clone() />
                    // A dot per point while they can be told apart; beyond that the line carries
                    // the shape, with the first and last dots (thousands of dots, each with its
                    // title, made opening a big history slow to draw).
                    {trend.points.iter().enumerate().filter(|(i, _)| trend.points.len() <= MAX_DOTS || *i == 0 || *i + 1 == trend.points.len()).map(|(_, p)| view! {
                        <circle class="dot" cx=p.x.clone() cy=p.y.clone() r="4"><title>{s!(locale, results.trend.point, date = date(p.created), score = p.score)}</title></circle>
                    }).collect_view()}
                    <text class="axis-label" x=trend.left.clone() y="164">{date(first.created)}</text>
                    <text class="axis-label" x=trend.right.clone() y="164" text-anchor="end">{date(last.created)}</text>
                </svg>
                <p class="trend-summary">{summary}</p>
            </figure>
            // The table's rows are drawn when it is opened.
            <details class="chart-data" on:toggle=move |ev| table_open.set(event_target::<web_sys::Element>(&ev).has_attribute("open"))>
                <summary>{crate::tv!(i18n, results.trend.show_table)}</summary>
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="trend-data-caption">
                    <table>
                        <caption id="trend-data-caption">{crate::tv!(i18n, results.trend.caption)}</caption>
                        <thead><tr><th scope="col">{crate::tv!(i18n, results.trend.col_date)}</th><th scope="col">{crate::tv!(i18n, results.trend.col_fit)}</th></tr></thead>
                        <tbody>
                            // The points of the line, nothing more: the names are in the list below.
                            {move || table_open.get().then(|| points.iter().map(|p| view! {
                                <tr><th scope="row">{date(p.created)}</th><td>{rt::score_text(locale, Some(p.score))}</td></tr>
                            }).collect_view())}
                        </tbody>
                    </table>
                </div>
            </details>
        })
    }
}
