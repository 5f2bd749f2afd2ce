//! "Present results": the room one slide at a time on a projector.

use leptos::prelude::*;

use super::charts::*;
use super::reading::{room, stored_workshop};
use super::summary::{Decision, RoomSummary};
use crate::i18n::{Locale, use_i18n};
use crate::platform;
use crate::ui::state::{Navigator, Store};
use crate::ui::text::bank as bt;
use crate::ui::text::messages::I18n;
use crate::ui::text::results::{band_name, band_range, lane_word, position_word};
use crate::ui::text::s;
use crate::ui::text::workshop::disagreement_line;
use stagefit_core::route::Route;
use stagefit_core::workshop::{self, Position, Slide};
use stagefit_core::{BANK, BankText, chart};

/// "Present results": the room one slide at a time, filling a 1280 by 720 projector. The arrow
/// keys (and Page Up, Page Down, Home, End) move between slides; Esc leaves. Buttons do the same
/// for a mouse or a touch screen. The address names the slide, replaced rather than added to
/// the browser's history (issue 28: twenty slides made twenty entries), so a reload keeps the
/// slide and Back leaves the presentation.
#[component]
pub fn Present() -> impl IntoView {
    let i18n = use_i18n();
    let store = expect_context::<Store>();
    let nav = expect_context::<Navigator>();
    // The workshop and the slide (counted from 0, clamped to the last), as the address names
    // them; moving between slides changes only `slide`.
    let id = match nav.route().get_untracked() {
        Route::Present(id, _) => id,
        _ => String::new(),
    };
    let slide = Memo::new(move |was: Option<&usize>| match nav.route().get() {
        Route::Present(_, n) => n,
        _ => was.copied().unwrap_or(0),
    });
    let (go_id, back_id, fix_id) = (id.clone(), id.clone(), id.clone());
    let on_go = Callback::new(move |n: usize| {
        nav.correct(Route::Present(go_id.clone(), n));
        platform::focus_after_render("present-heading");
    });
    let on_leave = Callback::new(move |()| nav.go(Route::Workshop(back_id.clone())));
    let id = StoredValue::new(id);
    let current = stored_workshop(store, id);
    let (people, aggregate, read) = room(current);
    let slides = Memo::new(move |_| aggregate.with(workshop::slides));
    let count = Memo::new(move |_| slides.with(Vec::len));
    let at = Memo::new(move |_| slide.get().min(count.get().saturating_sub(1)));
    // An address naming a slide past the last (or any but the first, where there are none) is
    // corrected to the one shown, once the room is read: the address and the tab's title never
    // name a slide that is not there (issue 30: "slide 4294967295" over slide 13 of 13).
    Effect::new(move |_| {
        if read.get() && at.get() != slide.get() {
            nav.correct(Route::Present(fix_id.clone(), at.get_untracked()));
        }
    });
    // Opened by an address, a large room is read in steps: when its slides arrive, the heading
    // that replaces "Reading" takes the focus the first one had.
    let ready = Memo::new(move |_| count.get() > 0);
    Effect::new(move |was_ready: Option<bool>| {
        let now = ready.get();
        if was_ready == Some(false) && now {
            platform::focus_after_render("present-heading");
        }
        now
    });
    let go = move |n: usize| {
        if n < count.get_untracked() && n != at.get_untracked() {
            on_go.run(n);
        }
    };
    let leave = move || {
        platform::leave_full_screen();
        on_leave.run(());
    };
    let keys = platform::on_key(move |key| {
        let n = at.get_untracked();
        match key {
            "ArrowRight" | "ArrowDown" | "PageDown" | " " => go(n + 1),
            "ArrowLeft" | "ArrowUp" | "PageUp" => go(n.saturating_sub(1)),
            "Home" => go(0),
            "End" => go(count.get_untracked().saturating_sub(1)),
            "Escape" => leave(),
            _ => return false,
        }
        true
    });
    // Esc in full screen is the browser's own: leaving full screen leaves the presentation.
    let full_screen = platform::on_full_screen_exit(move || on_leave.run(()));
    // However the presentation is left (Esc, a button, Back, the header), full screen ends with
    // it; the listener goes first, so that ending it does not count as leaving a second time.
    on_cleanup(move || {
        keys.remove();
        full_screen.remove();
        platform::leave_full_screen();
    });
    let name = move || current.with(|w| w.as_ref().map(|w| w.name.clone()).unwrap_or_default());
    let to_workshops = move || {
        platform::leave_full_screen();
        nav.go(Route::Workshops);
    };
    let body = move || {
        let l = i18n.get_locale();
        let Some(which) = slides.with(|s| s.get(at.get()).copied()) else {
            let stored = current.with(|w| w.as_ref().map(|w| w.payloads.len()));
            return no_slide(i18n, stored, read.get(), leave, to_workshops);
        };
        let a = aggregate.get();
        match which {
            Slide::Summary => view! {
                <h1 id="present-heading" tabindex="-1">{s!(l, workshop.slide_summary_title)}</h1>
                <p class="slide-lead">{crate::tf_once!(i18n, workshop.slide_summary_lead, count = a.n_participants)}</p>
                <RoomSummary aggregate />
            }
            .into_any(),
            Slide::Area(d) => people.with(|p| area_slide(i18n, &a, p, d)),
            Slide::OtherAreas => view! {
                <h1 id="present-heading" tabindex="-1">{s!(l, workshop.slide_other_title)}</h1>
                <ul class="slide-list">
                    {workshop::other_areas(&a).into_iter().map(|d| view! { <li>{disagreement_line(l, &a, d)}</li> }).collect_view()}
                </ul>
            }
            .into_any(),
            Slide::Agreement => view! {
                <h1 id="present-heading" tabindex="-1">{s!(l, workshop.slide_agree_title)}</h1>
                <p class="slide-lead">{crate::tf_once!(i18n, workshop.slide_agree_lead, band = band_name(l, a.median.stage.stage))}</p>
                <ul class="slide-list">
                    {workshop::agreed_areas(&a).into_iter().map(|d| view! {
                        <li>{bt::dimension_name(i18n, d)} " " <span class="range">{band_range(l, a.median.dimensions[d].band)}</span></li>
                    }).collect_view()}
                </ul>
            }
            .into_any(),
            Slide::Question(i) => {
                let Some(d) = a.divergent.get(i).cloned() else {
                    return view! { <h1 id="present-heading" tabindex="-1">{s!(l, workshop.questions_title)}</h1> }.into_any();
                };
                view! {
                    <p class="slide-kicker">{crate::tf_once!(i18n, workshop.slide_question_kicker, number = i + 1, total = a.divergent.len())}</p>
                    <h1 id="present-heading" tabindex="-1">{bt::question_text(i18n, d.question)}</h1>
                    {question_bar(&d)}
                    <AgreeField current question=d.question />
                }
                .into_any()
            }
            Slide::Decision => view! { <Decision current aggregate /> }.into_any(),
        }
    };
    view! {
        <section class="present" aria-labelledby="present-heading">
            <p class="present-top">
                <span>{name}</span>
                <span aria-live="polite">{move || crate::tf_once!(
                    i18n,
                    workshop.slide_counter,
                    number = at.get() + 1,
                    total = count.get().max(1)
                )}</span>
            </p>
            <div class="slide">{body}</div>
            <div class="present-buttons">
                <button type="button" class="secondary" disabled=move || at.get() == 0 on:click=move |_| go(at.get_untracked().saturating_sub(1))>{crate::tv!(i18n, workshop.previous)}</button>
                <button type="button" class="secondary" disabled=move || { at.get() + 1 >= count.get() } on:click=move |_| go(at.get_untracked() + 1)>{crate::tv!(i18n, workshop.next)}</button>
                <button type="button" class="secondary" on:click=move |_| leave()>{crate::tv!(i18n, workshop.leave)}</button>
            </div>
        </section>
    }
}

/// What shows when there is no slide to show: each reason with its own words and a way on
/// (issue 30): no such workshop (`stored` is `None`), no results yet, the room still being
/// read, or results none of which can be read.
fn no_slide(
    i18n: I18n,
    stored: Option<usize>,
    read: bool,
    leave: impl Fn() + Copy + 'static,
    to_workshops: impl Fn() + Copy + 'static,
) -> AnyView {
    let l = i18n.get_locale();
    match stored {
        None => view! {
            <h1 id="present-heading" tabindex="-1">{s!(l, workshop.present_missing)}</h1>
            <p>{s!(l, workshop.present_missing_body)}</p>
            <button type="button" class="primary" on:click=move |_| to_workshops()>{s!(l, workshop.all_workshops)}</button>
        }
        .into_any(),
        Some(0) => view! {
            <h1 id="present-heading" tabindex="-1">{s!(l, workshop.present_nothing)}</h1>
            <p>{s!(l, workshop.present_nothing_body)}</p>
            <button type="button" class="primary" on:click=move |_| leave()>{s!(l, workshop.present_to_workshop)}</button>
        }
        .into_any(),
        Some(_) if !read => view! {
            <h1 id="present-heading" tabindex="-1">{s!(l, workshop.present_reading)}</h1>
        }
        .into_any(),
        Some(n) => view! {
            <h1 id="present-heading" tabindex="-1">{s!(l, workshop.present_unreadable)}</h1>
            <p>{crate::tf_once!(i18n, workshop.present_unreadable_body, count = n as u64)}</p>
            <button type="button" class="primary" on:click=move |_| leave()>{s!(l, workshop.present_to_workshop)}</button>
        }
        .into_any(),
    }
}

/// One area's slide: everyone's level as a dot on a lane for ahead, within or behind the band of
/// the room's stage, with the counts in words.
fn area_slide(
    i18n: leptos_i18n::I18nContext<Locale>,
    a: &workshop::Aggregate,
    people: &[workshop::Participant],
    d: usize,
) -> AnyView {
    let l = i18n.get_locale();
    let plot = chart::area_plot(&bt::words(i18n), a, people, d);
    let area_band = a.median.dimensions[d].band;
    let band_text = band_name(l, a.median.stage.stage);
    let lane = |p: Position| {
        plot.lanes
            .iter()
            .find(|lane| lane.position == p)
            .map_or(0, |lane| lane.count)
    };
    let (ahead, within, behind) = (
        lane(Position::Ahead),
        lane(Position::Within),
        lane(Position::Behind),
    );
    let range = band_range(l, area_band);
    // Drawn twice: as the slide's lead and as the plot's name.
    let summary = {
        let band = band_text.clone();
        move || {
            crate::tf_once!(
                i18n,
                workshop.slide_area_summary,
                ahead = ahead,
                within = within,
                behind = behind,
                band = band.clone(),
                range = range.clone()
            )
        }
    };
    let marker = |p: Position| match p {
        Position::Ahead => "\u{25b2}",
        Position::Within => "\u{2713}",
        Position::Behind => "\u{25bc}",
    };
    view! {
            <h1 id="present-heading" tabindex="-1">{bt::dimension_name(i18n, d)}</h1>
            <p class="slide-lead">{summary()}</p>
            <div class="plot-scroll" tabindex="0" role="group" aria-label=bt::dimension_name(i18n, d)>
            <svg class="area-plot" viewBox=plot.view_box role="img">
                <title>{bt::dimension_name(i18n, d)} {crate::tv!(i18n, workshop.label_separator)} {summary()}</title>
                <rect class="band" x=plot.band_x.clone() y=plot.grid_top.clone() width=plot.band_width.clone()
                    height=plot.band_height.clone() />
                {plot.axis.iter().map(|t| view! {
                    <line class="grid" x1=t.tick_x.clone() x2=t.tick_x.clone() y1=plot.grid_top.clone() y2=plot.grid_bottom.clone() />
                    <text class="axis-label" x=t.x.clone() y=t.y.clone() text-anchor=t.anchor>{t.text.clone()}</text>
                }).collect_view()}
                {plot.lanes.iter().map(|lane| view! {
                    <text class=format!("lane-label {}", lane.position.id()) x="0" y=lane.y.clone() dy="8">
                        {crate::tf_once!(
                            i18n,
                            workshop.lane_label,
                            marker = marker(lane.position),
                            // Short words: the lane's label has the plot's fixed
                            // left margin to itself.
                            position = lane_word(l, lane.position),
                            number = lane.count
                        )}
                    </text>
                }).collect_view()}
                {plot.median_x.clone().map(|m| view! {
                    <line class="median" x1=m.clone() x2=m y1=plot.grid_top.clone() y2=plot.grid_bottom.clone() />
                })}
                {plot.dots.iter().map(|dot| view! {
                    <circle class=format!("dot {}", dot.position.id()) cx=dot.x.clone() cy=dot.y.clone() r=dot.r.clone()>
                        <title>{crate::tf_once!(i18n, workshop.dot_title, count = dot.n, position = position_word(l, dot.position))}</title>
                    </circle>
                }).collect_view()}
            </svg>
            </div>
            <p class="slide-scroll-hint">{crate::tv!(i18n, workshop.slide_scroll_hint)}</p>
            <p class="slide-legend">
                {crate::tf_once!(i18n, workshop.slide_area_legend, band = band_text)}
            </p>
        }
        .into_any()
}

/// The room's agreed answer to a question, chosen on the projector (issue 28): a radio button
/// per option and one for "not agreed yet", in `<fieldset data-agree="QUESTION_ID">`. The arrow
/// keys move among them (the slide keys step aside inside a form field).
#[component]
fn AgreeField(current: Memo<Option<workshop::Workshop>>, question: usize) -> impl IntoView {
    let i18n = use_i18n();
    let store = expect_context::<Store>();
    let q = &BANK.questions[question];
    let chosen = Memo::new(move |_| {
        current.with(|w| {
            w.as_ref()
                .and_then(|w| workshop::agreed_option(&BANK, &w.agreed, question))
        })
    });
    let record = move |option: Option<u8>| {
        if let Some(id) = current.with_untracked(|w| w.as_ref().map(|w| w.id.clone())) {
            store.record_agreed(&id, question, option);
        }
    };
    let name = format!("agree-{}", q.id);
    let words = bt::words_in(i18n.get_locale_untracked());
    let options = (0..q.options.len())
        .map(|o| {
            let value = u8::try_from(o).ok();
            view! {
                <label class="agree-option">
                    <input type="radio" name=name.clone() prop:checked=move || value.is_some() && chosen.get() == value
                        on:change=move |_| record(value) />
                    <span>{words.option(q, o)}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="agree" data-agree=q.id>
            <legend>{crate::tv!(i18n, workshop.agree_legend)}</legend>
            {options}
            <label class="agree-option">
                <input type="radio" name=name.clone() prop:checked=move || chosen.get().is_none() on:change=move |_| record(None) />
                <span>{crate::tv!(i18n, workshop.agree_none)}</span>
            </label>
        </fieldset>
    }
}
