//! The room at a glance and what it decided (issue 28): the score of an assessment on the
//! gauge, its stage and its three priorities, drawn alike for the room's median answers (the
//! summary, on the room view and the first slide) and for the room's own assessment (the
//! decision, the last slide), with the room's answers recorded and the way to keep them.

use leptos::prelude::*;

use super::charts::stage_bar;
use crate::i18n::use_i18n;
use crate::platform;
use crate::ui::state::{Navigator, Store};
use crate::ui::text::bank as bt;
use crate::ui::text::results::{kind as priority_kind, stage_phrase};
use crate::ui::text::s;
use crate::ui::views::results::ScoreGauge;
use crate::ui::widgets::clipboard::{Copied, Fallback, copy};
use stagefit_core::route::Route;
use stagefit_core::workshop::{self, Workshop};
use stagefit_core::{Answers, Assessment, BANK, BankText, link};

/// An assessment's verdict: the gauge with its score, the stage, and its priorities, each a
/// `[data-testid="priority"]`.
#[component]
pub(super) fn Verdict(assessment: Memo<Assessment>) -> impl IntoView {
    let i18n = use_i18n();
    let stage = move || assessment.with(|a| stage_phrase(i18n.get_locale(), &a.stage));
    let priorities = move || {
        let l = i18n.get_locale();
        assessment.with(|a| {
            a.priorities
                .iter()
                .map(|p| {
                    let area = bt::words_in(l).dimension_name(&BANK.dimensions[p.dimension]);
                    view! {
                        <li data-testid="priority">{crate::tf_once!(
                            i18n,
                            workshop.priority_line,
                            kind = priority_kind(l, p.kind),
                            area = area
                        )}</li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="room-verdict">
            <ScoreGauge assessment />
            <div class="room-verdict-text">
                <p class="room-stage">{crate::tv!(i18n, workshop.summary_stage)} " " <strong>{stage}</strong></p>
                <p class="room-priorities-title">{crate::tv!(i18n, workshop.summary_priorities)}</p>
                <ol class="room-priorities">{priorities}</ol>
            </div>
        </div>
    }
}

/// The room at a glance: its median answers' verdict and how many see each stage.
#[component]
pub(super) fn RoomSummary(aggregate: Memo<workshop::Aggregate>) -> impl IntoView {
    let i18n = use_i18n();
    let median = Memo::new(move |_| aggregate.with(|a| a.median.clone()));
    view! {
        <div class="room-summary" data-testid="room-summary">
            <Verdict assessment=median />
            {move || aggregate.with(|a| stage_bar(i18n.get_locale(), a))}
            <p class="summary">{crate::tv!(i18n, workshop.room_note)}</p>
        </div>
    }
}

/// The room's agreed answers, its own answers (agreed, the median elsewhere), and those
/// assessed, following the stored workshop.
fn room_decision(
    current: Memo<Option<Workshop>>,
    aggregate: Memo<workshop::Aggregate>,
) -> (Memo<workshop::Agreed>, Memo<Answers>, Memo<Assessment>) {
    let agreed = Memo::new(move |_| {
        current
            .with(|w| w.as_ref().map(|w| w.agreed.clone()))
            .unwrap_or_default()
    });
    let answers = Memo::new(move |_| {
        aggregate.with(|a| agreed.with(|g| workshop::room_answers(&BANK, a, g)))
    });
    let result = Memo::new(move |_| answers.with(|x| stagefit_core::assess(&BANK, x)));
    (agreed, answers, result)
}

/// The answers the room agreed on, each question with its agreed answer, in the bank's order.
#[component]
fn AgreedList(agreed: Memo<workshop::Agreed>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let l = i18n.get_locale();
        let words = bt::words_in(l);
        agreed.with(|g| {
            let list = workshop::agreed_answers(&BANK, g);
            if list.is_empty() {
                return view! { <p>{s!(l, workshop.decision_none_agreed)}</p> }.into_any();
            }
            view! {
                <ul class="agreed-list">
                    {list.into_iter().map(|(q, o)| {
                        let question = &BANK.questions[q];
                        view! { <li>{words.question(question)} " " <strong>{words.option(question, usize::from(o))}</strong></li> }
                    }).collect_view()}
                </ul>
            }
            .into_any()
        })
    }
}

/// What the room decided, on the room's own view (and its print) once it agreed on anything:
/// its own result and the agreed answers.
#[component]
pub(super) fn RoomDecision(
    current: Memo<Option<Workshop>>,
    aggregate: Memo<workshop::Aggregate>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (agreed, _, result) = room_decision(current, aggregate);
    move || {
        (!agreed.with(workshop::Agreed::is_empty)).then(|| {
            view! {
                <section class="room-decision" aria-labelledby="room-decision-title">
                    <h2 id="room-decision-title">{crate::tv!(i18n, workshop.decision_title)}</h2>
                    <Verdict assessment=result />
                    <h3>{crate::tv!(i18n, workshop.decision_agreed_title)}</h3>
                    <AgreedList agreed />
                </section>
            }
        })
    }
}

/// The last slide: the room's own assessment (agreed answers, the median elsewhere), the
/// answers it agreed on, and the way to keep it in History and share it.
#[component]
pub(super) fn Decision(
    current: Memo<Option<Workshop>>,
    aggregate: Memo<workshop::Aggregate>,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = expect_context::<Store>();
    let nav = expect_context::<Navigator>();
    let (agreed, answers, result) = room_decision(current, aggregate);
    let name = move || current.with(|w| w.as_ref().map(|w| w.name.clone()).unwrap_or_default());
    // The result kept in History, once kept here: its id.
    let kept = RwSignal::new(None::<String>);
    let copied = RwSignal::new(None::<Copied>);
    let share_url = Memo::new(move |_| {
        let payload = answers.with(|x| link::encode(&BANK, x, &name()));
        platform::address_of(&Route::Shared {
            payload,
            workshop: None,
        })
    });
    let keep = move |_| {
        if let Some(w) = current.get_untracked()
            && let Some(id) = store.finish_room(&w, answers.get_untracked())
        {
            kept.set(Some(id));
            platform::focus_after_render("room-kept");
        }
    };
    view! {
        <h1 id="present-heading" tabindex="-1">{crate::tv!(i18n, workshop.decision_title)}</h1>
        <p class="slide-lead">{crate::tv!(i18n, workshop.decision_lead)}</p>
        <div class="decision">
            <Verdict assessment=result />
            <div class="decision-answers">
                <h2>{crate::tv!(i18n, workshop.decision_agreed_title)}</h2>
                <AgreedList agreed />
                <div class="actions">
                    <button type="button" class="primary" on:click=keep>{crate::tv!(i18n, workshop.decision_keep)}</button>
                </div>
                {move || kept.get().map(|id| view! {
                    <p id="room-kept" tabindex="-1" role="status">{crate::tf_once!(i18n, workshop.decision_kept, name = name())}</p>
                    <div class="actions">
                        <button type="button" class="secondary" on:click=move |_| {
                            platform::leave_full_screen();
                            nav.go(Route::Results(id.clone()));
                        }>{crate::tv!(i18n, workshop.decision_open)}</button>
                    </div>
                    <label for="room-link">{crate::tv!(i18n, workshop.decision_link_label)}</label>
                    <div class="share-row">
                        <input id="room-link" class="room-link" type="text" readonly prop:value=move || share_url.get() />
                        <button type="button" class="secondary" on:click=move |_| copy(share_url.get_untracked(), Fallback::Field("room-link"), copied)>
                            {crate::tv!(i18n, workshop.decision_copy)}
                        </button>
                    </div>
                    <p class="copy-status" role="status">{move || copied.get().map(|c| match c {
                        Copied::Done => crate::tv!(i18n, workshop.decision_copied).into_any(),
                        Copied::Refused(_) => crate::tv!(i18n, workshop.copy_refused).into_any(),
                    })}</p>
                })}
            </div>
        </div>
    }
}
