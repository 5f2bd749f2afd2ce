//! Two saved assessments compared: for the score and each area, the change and its direction
//! in words (better, worse, moved within the band), and both radars drawn over each other in
//! one chart. The changes and directions come from `stagefit_core::compare` as data and are
//! worded here from `results.json`; the shapes come from `stagefit_core::chart`; the table is
//! the chart's text alternative.

use leptos::prelude::*;

use crate::i18n::{Locale, use_i18n};
use crate::ui::state::{Navigator, Store};
use crate::ui::text::bank as bt;
use crate::ui::text::{results as rt, s};
use crate::ui::views::history::title;
use crate::ui::views::link::RouteLink;
use crate::ui::widgets::charts::{BandSwatch, LevelSwatch};
use stagefit_core::compare::{self, Delta, Direction, Measure, Value};
use stagefit_core::route::{Pick, Route};
use stagefit_core::snapshot::Snapshot;
use stagefit_core::{Assessment, BANK, BankText, assess, chart};

/// One row of the comparison, in words: the measure, its value before and after, the direction
/// (with its marker) and the signed change.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    measure: String,
    before: String,
    after: String,
    direction: Direction,
    change: String,
}

fn value_text(locale: Locale, value: Value) -> String {
    match value {
        Value::Score(score) => rt::score_text(locale, score),
        Value::Area { level, finding } => format!(
            "{} \u{b7} {} {}",
            rt::level_text(locale, level),
            stagefit_core::chart::marker(finding),
            rt::finding(locale, finding)
        ),
    }
}

fn direction_text(locale: Locale, direction: Direction) -> String {
    let words = match direction {
        Direction::Better => s!(locale, results.compare.direction.better),
        Direction::Worse => s!(locale, results.compare.direction.worse),
        Direction::WithinBand => s!(locale, results.compare.direction.within),
        Direction::Same => s!(locale, results.compare.direction.same),
        Direction::Unknown => s!(locale, results.compare.direction.unknown),
    };
    format!("{} {words}", direction.marker())
}

fn delta_text(locale: Locale, delta: Delta) -> String {
    let sign = |negative: bool| if negative { "\u{2212}" } else { "+" };
    match delta {
        Delta::None => String::new(),
        Delta::Points(d) => s!(
            locale,
            results.compare.points,
            count = u64::from(d.unsigned_abs()),
            sign = sign(d < 0)
        ),
        Delta::Level(d) => s!(
            locale,
            results.compare.level_change,
            sign = sign(d < 0.0),
            n = rt::tenths(locale, d.abs())
        ),
    }
}

/// The rows of the comparison, older assessment first: the stage, then the score and each area.
fn comparison(locale: Locale, x: &Assessment, y: &Assessment) -> Vec<Row> {
    let headline = |a: &Assessment| rt::stage_headline(locale, &a.stage).0;
    let mut rows = vec![Row {
        measure: s!(locale, results.compare.stage_row),
        before: headline(x),
        after: headline(y),
        direction: Direction::Same,
        change: if x.stage.stage == y.stage.stage {
            String::new()
        } else {
            s!(locale, results.compare.stage_moved)
        },
    }];
    rows.extend(compare::changes(x, y).into_iter().map(|c| Row {
        measure: match c.measure {
            Measure::Score => s!(locale, results.compare.score_row),
            Measure::Area(i) => bt::words_in(locale).dimension_name(&BANK.dimensions[i]),
        },
        before: value_text(locale, c.before),
        after: value_text(locale, c.after),
        direction: c.direction,
        change: delta_text(locale, c.change),
    }));
    rows
}

/// A side of the comparison in one line: its title, its version where it has several, and when
/// it was made (or last changed).
fn side_label(locale: Locale, s: &Snapshot) -> String {
    let versions = s.version_count() > 1;
    let when = rt::date(locale, if versions { s.updated } else { s.created });
    if versions {
        let version = s!(locale, results.history.version, n = s.number());
        format!("{} \u{b7} {version} \u{b7} {when}", title(locale, s))
    } else {
        format!("{} \u{b7} {when}", title(locale, s))
    }
}

/// Both radars in one chart: the newer assessment's band, the older levels dashed, the newer
/// solid, with a legend drawn with the chart's own classes.
#[component]
fn OverlaidRadars(
    pair: Memo<Option<(Snapshot, Snapshot)>>,
    assessed: Memo<Option<(Assessment, Assessment)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let locale = i18n.get_locale();
        let (older, newer) = assessed.with(|a| {
            a.as_ref().map(|(x, y)| {
                let words = bt::words_in(locale);
                (
                    chart::radar(&BANK, &words, x),
                    chart::radar(&BANK, &words, y),
                )
            })
        })?;
        pair.with(|p| {
            p.as_ref().map(|(first, second)| {
                // Two of the same day are told apart by their time of day, and in the legend by
                // their names too.
                let same_day = rt::date(locale, first.created) == rt::date(locale, second.created);
                let when = |s: &Snapshot| {
                    if same_day { rt::date_time(locale, s.created) } else { rt::date(locale, s.created) }
                };
                let (a, b) = (when(first), when(second));
                let (older_name, newer_name) = (
                    format!("{} \u{b7} {a}", title(locale, first)),
                    format!("{} \u{b7} {b}", title(locale, second)),
                );
                view! {
                    <figure class="chart compare-chart">
                        <figcaption id="compare-radar-title">{crate::tv!(i18n, results.compare.radar_title)}</figcaption>
                        <svg class="radar" viewBox=newer.view_box role="img" aria-labelledby="compare-radar-title" aria-describedby="compare-radar-desc">
                            <desc id="compare-radar-desc">{s!(locale, results.compare.radar_desc, older = a.clone(), newer = b.clone())}</desc>
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
                                " "
                                {s!(locale, results.compare.legend_older, date = older_name)}
                            </li>
                            <li>
                                <LevelSwatch />
                                " "
                                {s!(locale, results.compare.legend_newer, date = newer_name)}
                            </li>
                            <li>
                                <BandSwatch />
                                " "
                                {crate::tv!(i18n, results.compare.legend_band)}
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
pub fn Compare() -> impl IntoView {
    let i18n = use_i18n();
    let store = expect_context::<Store>();
    let nav = expect_context::<Navigator>();
    // The two assessments (or versions of them), as the address names them.
    let (a, b) = match nav.route().get_untracked() {
        Route::Compare(a, b) => (a, b),
        _ => (Pick::current(""), Pick::current("")),
    };
    let pair = Memo::new(move |_| {
        store.history().with(|h| {
            let find = |pick: &Pick| {
                let s = h.iter().find(|s| s.id == pick.id)?;
                match pick.version {
                    None => Some(s.clone()),
                    Some(n) => s.at_version(n),
                }
            };
            let (first, second) = (find(&a)?, find(&b)?);
            // Older on the left, so "what moved" reads forwards in time: two versions of one
            // assessment by their numbers, two assessments by when they were made.
            let swap = if first.id == second.id {
                first.number() > second.number()
            } else {
                first.created > second.created
            };
            Some(if swap {
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
    let rows = Memo::new(move |_| {
        let locale = i18n.get_locale();
        assessed.with(|a| {
            a.as_ref()
                .map(|(x, y)| comparison(locale, x, y))
                .unwrap_or_default()
        })
    });
    let heading = move |pick: fn(&(Snapshot, Snapshot)) -> &Snapshot| {
        pair.with(|p| {
            p.as_ref().map(|p| {
                let s = pick(p);
                let versions = s.version_count() > 1;
                let (number, when) = (s.number(), if versions { s.updated } else { s.created });
                view! {
                    {title(i18n.get_locale(), s)}
                    {versions.then(|| view! { " \u{b7} " {move || s!(i18n.get_locale(), results.history.version, n = number)} })}
                    <br />
                    {rt::date(i18n.get_locale(), when)}
                }
            })
        })
    };
    // Each side's name and date in one line: on a phone, where each area is a card, it names
    // the values before and after.
    let side = move |pick: fn(&(Snapshot, Snapshot)) -> &Snapshot| {
        pair.with(|p| {
            p.as_ref()
                .map(|p| side_label(i18n.get_locale(), pick(p)))
                .unwrap_or_default()
        })
    };
    move || {
        if pair.with(Option::is_none) {
            return view! {
                <section aria-labelledby="compare-heading">
                    <h1 id="compare-heading" tabindex="-1">{crate::tv!(i18n, results.compare.missing_heading)}</h1>
                    <p>{crate::tv!(i18n, results.compare.missing)}</p>
                    <RouteLink route=Route::History class="button secondary">{crate::tv!(i18n, results.compare.back)}</RouteLink>
                </section>
            }
            .into_any();
        }
        view! {
            <section class="compare" aria-labelledby="compare-heading">
                <h1 id="compare-heading" tabindex="-1">{crate::tv!(i18n, results.compare.heading)}</h1>
                <p>{crate::tv!(i18n, results.compare.intro)}</p>
                <div class="table-scroll" tabindex="0" role="region" aria-label=move || s!(i18n.get_locale(), results.compare.table_label)>
                    <table class="compare-table">
                        <thead>
                            <tr>
                                <th scope="col">{crate::tv!(i18n, results.compare.col_measure)}</th>
                                <th scope="col">{move || heading(|p| &p.0)}</th>
                                <th scope="col">{move || heading(|p| &p.1)}</th>
                                <th scope="col">{crate::tv!(i18n, results.compare.col_change)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || rows.get().into_iter().map(|row| {
                                let moved = row.direction != Direction::Same || !row.change.is_empty();
                                let direction = (row.direction != Direction::Same || row.change.is_empty())
                                    .then(|| direction_text(i18n.get_locale_untracked(), row.direction));
                                view! {
                                    <tr class=format!("direction-{}", row.direction.class()) class:moved=moved>
                                        <th scope="row">{row.measure}</th>
                                        <td data-label=move || side(|p| &p.0)>{row.before}</td>
                                        <td data-label=move || side(|p| &p.1)>{row.after}</td>
                                        <td data-label=move || s!(i18n.get_locale(), results.compare.col_change)>
                                            {direction.map(|d| view! { <span class="direction">{d}</span> })}
                                            {(!row.change.is_empty()).then(|| format!(" {}", row.change))}
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <OverlaidRadars pair assessed />
                <div class="step-buttons">
                    <RouteLink route=Route::History class="button secondary">{crate::tv!(i18n, results.compare.back)}</RouteLink>
                </div>
            </section>
        }
        .into_any()
    }
}
