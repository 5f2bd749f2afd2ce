//! Two saved assessments compared: for the score and each area, the change and its direction
//! in words (better, worse, moved within the band), and both radars drawn over each other in
//! one chart. The words and directions come from `stagefit_core::compare`, the shapes from
//! `stagefit_core::chart`; the table is the chart's text alternative.

use leptos::prelude::*;

use crate::ui::charts::{BandSwatch, LevelSwatch};
use crate::ui::history::title;
use crate::ui::store::Store;
use stagefit_core::compare::{self, Change};
use stagefit_core::snapshot::Snapshot;
use stagefit_core::{Assessment, BANK, assess, chart, explain, report};

/// The rows of the comparison, older assessment first: the stage, then the score and each area.
fn comparison(x: &Assessment, y: &Assessment, i18n: crate::ui::bank_text::I18n) -> Vec<Change> {
    let (from, to) = (
        explain::stage_headline(&x.stage).0,
        explain::stage_headline(&y.stage).0,
    );
    let mut rows = vec![Change {
        measure: "Company stage".to_string(),
        change: if x.stage.stage == y.stage.stage {
            String::new()
        } else {
            "stage moved".to_string()
        },
        before: from,
        after: to,
        direction: compare::Direction::Same,
    }];
    rows.extend(compare::changes(
        &BANK,
        &crate::ui::bank_text::words(i18n),
        x,
        y,
    ));
    rows
}

/// Both radars in one chart: the newer assessment's band, the older levels dashed, the newer
/// solid, with a legend drawn with the chart's own classes.
#[component]
fn OverlaidRadars(
    pair: Memo<Option<(Snapshot, Snapshot)>>,
    assessed: Memo<Option<(Assessment, Assessment)>>,
) -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    move || {
        let (older, newer) = assessed.with(|a| {
            a.as_ref().map(|(x, y)| {
                let words = crate::ui::bank_text::words(i18n);
                (
                    chart::radar(&BANK, &words, x),
                    chart::radar(&BANK, &words, y),
                )
            })
        })?;
        pair.with(|p| {
            p.as_ref().map(|(first, second)| {
                let (a, b) = (report::date_text(first.created), report::date_text(second.created));
                view! {
                    <figure class="chart compare-chart">
                        <figcaption id="compare-radar-title">"Both assessments on one radar: platform level by area"</figcaption>
                        <svg class="radar" viewBox=newer.view_box role="img" aria-labelledby="compare-radar-title" aria-describedby="compare-radar-desc">
                            <desc id="compare-radar-desc">{format!("The {a} assessment dashed, the {b} one solid, over the band that fits the {b} stage. The table lists every change.")}</desc>
                            {newer.rings.into_iter().map(|points| view! { <polygon class="ring" points=points /> }).collect_view()}
                            {newer.spokes.into_iter().map(|(x, y)| view! { <line class="spoke" x1="0" y1="0" x2=x y2=y /> }).collect_view()}
                            <path class="band" d=newer.band_path fill-rule="evenodd" />
                            <polygon class="level level-before" points=older.level_points />
                            {older.dots.into_iter().map(|(x, y)| view! { <rect class="dot-before" x=x y=y width="6" height="6" transform="translate(-3 -3)" /> }).collect_view()}
                            <polygon class="level" points=newer.level_points />
                            {newer.dots.into_iter().map(|(x, y)| view! { <circle class="dot" cx=x cy=y r="3.5" /> }).collect_view()}
                            {newer.labels.into_iter().map(|l| view! { <text class="axis-label" x=l.x y=l.y text-anchor=l.anchor>{l.text}</text> }).collect_view()}
                        </svg>
                        <ul class="legend">
                            <li>
                                <svg class="swatch" viewBox="0 0 24 12" aria-hidden="true">
                                    <line class="level level-before" x1="1" y1="6" x2="23" y2="6" />
                                    <rect class="dot-before" x="9" y="3" width="6" height="6" />
                                </svg>
                                {format!(" Dashed, squares: {a} (older)")}
                            </li>
                            <li>
                                <LevelSwatch />
                                {format!(" Solid, dots: {b} (newer)")}
                            </li>
                            <li>
                                <BandSwatch />
                                " Shaded: the band that fits the newer assessment's stage"
                            </li>
                        </ul>
                    </figure>
                }
            })
        })
    }
}

/// Two saved assessments side by side, with what moved and which way in words as well as
/// colour. It follows the stored history, so a rename or deletion in another tab shows here too.
#[component]
pub fn Compare(store: Store, a: String, b: String, on_back: Callback<()>) -> impl IntoView {
    let pair = Memo::new(move |_| {
        store.history.with(|h| {
            let find = |id: &str| h.iter().find(|s| s.id == id).cloned();
            let (first, second) = (find(&a)?, find(&b)?);
            // Older on the left, so "what moved" reads forwards in time.
            Some(if first.created > second.created {
                (second, first)
            } else {
                (first, second)
            })
        })
    });
    // Each side assessed once, for the table and the chart alike.
    let assessed = Memo::new(move |_| {
        pair.with(|p| {
            p.as_ref().map(|(first, second)| {
                (
                    assess(&BANK, &first.answers),
                    assess(&BANK, &second.answers),
                )
            })
        })
    });
    let i18n = crate::i18n::use_i18n();
    let rows = Memo::new(move |_| {
        assessed.with(|a| {
            a.as_ref()
                .map(|(x, y)| comparison(x, y, i18n))
                .unwrap_or_default()
        })
    });
    let heading = move |pick: fn(&(Snapshot, Snapshot)) -> &Snapshot| {
        pair.with(|p| {
            p.as_ref().map(|p| {
                let s = pick(p);
                view! { {title(s)} <br /> {report::date_text(s.created)} }
            })
        })
    };
    let back = move |_| on_back.run(());
    move || {
        if pair.with(Option::is_none) {
            return view! {
                <section aria-labelledby="compare-heading">
                    <h1 id="compare-heading" tabindex="-1">"Compare"</h1>
                    <p>"One of these assessments is no longer in the history."</p>
                    <button type="button" class="secondary" on:click=back>"Back to history"</button>
                </section>
            }
            .into_any();
        }
        view! {
            <section class="compare" aria-labelledby="compare-heading">
                <h1 id="compare-heading" tabindex="-1">"Compare two assessments"</h1>
                <p>
                    "Older on the left. \u{2197} better: the score rose, or an area came closer to its band. "
                    "\u{2198} worse: it fell, or moved further away. \u{2194} moved within the band: a different level that still fits."
                </p>
                <div class="table-scroll">
                    <table class="compare-table">
                        <thead>
                            <tr>
                                <th scope="col">"Measure"</th>
                                <th scope="col">{move || heading(|p| &p.0)}</th>
                                <th scope="col">{move || heading(|p| &p.1)}</th>
                                <th scope="col">"Change"</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || rows.get()
                                key=|row| row.clone()
                                children=|row| {
                                    let moved = row.direction != compare::Direction::Same || !row.change.is_empty();
                                    view! {
                                        <tr class=format!("direction-{}", row.direction.class()) class:moved=moved>
                                            <th scope="row">{row.measure}</th>
                                            <td>{row.before}</td>
                                            <td>{row.after}</td>
                                            <td>
                                                {(row.direction != compare::Direction::Same || row.change.is_empty()).then(|| view! {
                                                    <span class="direction">{row.direction.label()}</span>
                                                })}
                                                {(!row.change.is_empty()).then(|| format!(" {}", row.change))}
                                            </td>
                                        </tr>
                                    }
                                }
                            />
                        </tbody>
                    </table>
                </div>
                <OverlaidRadars pair assessed />
                <div class="step-buttons">
                    <button type="button" class="secondary" on:click=back>"Back to history"</button>
                </div>
            </section>
        }
        .into_any()
    }
}
