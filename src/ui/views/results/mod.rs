//! The results view, verdict first: the stage-fit gauge, the stage with its confidence and the
//! three priority cards fill the first screen; below them sit the actions (share, copy, print),
//! the company answers behind the stage (each with "Change"), the area cards, the charts and how
//! the result was worked out. Each paragraph of advice appears once. Carries the page
//! contract's hooks; never computes anything itself (the core does, including the gauge's arc).
//! Its words are `results.json`'s, through `result_text`.

mod plan;
#[cfg(not(target_arch = "wasm32"))]
pub mod shell;

use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::platform;
use crate::ui::state::{Session, Whose};
use crate::ui::text::bank as bt;
use crate::ui::text::{results as rt, s};
use crate::ui::views::link::RouteLink;
use crate::ui::widgets::charts::Charts;
use crate::ui::widgets::clipboard::{Copied, Fallback, copy, share_or};
use crate::ui::widgets::later::{self, Later};
use stagefit_core::compare::{self, Measure};
use stagefit_core::link::{self, LinkNotes};
use stagefit_core::route::Route;
use stagefit_core::{AdviceKind, qr};
use stagefit_core::{
    Answer, Assessment, BANK, DimensionResult, Finding, Part, Plan, Priority, PriorityKind, Stage,
    chart, explain, report,
};

/// The id of the share dialog, and of the button that opens it (focus returns there).
const SHARE_DIALOG: &str = "share-dialog";
const SHARE_BUTTON: &str = "share-button";

/// For someone opening another person's result: what Stagefit is, what an old link could not
/// carry, and the two ways on.
#[component]
fn SharedIntro(notes: LinkNotes) -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<Session>();
    let (dropped, added) = (notes.dropped as u64, notes.added as u64);
    view! {
        <div class="shared-intro no-print">
            <WhatStagefitIs />
            {(dropped > 0).then(|| view! { <p>{move || s!(i18n.get_locale(), results.shared.dropped, count = dropped)}</p> })}
            {(added > 0).then(|| view! { <p>{move || s!(i18n.get_locale(), results.shared.added, count = added)}</p> })}
            <div class="actions">
                <button type="button" class="primary small" on:click=move |_| session.start()>{crate::tv!(i18n, results.shared.start)}</button>
                <button type="button" class="secondary small" on:click=move |_| session.save_shared()>{crate::tv!(i18n, results.shared.save)}</button>
            </div>
        </div>
    }
}

/// For someone opening another person's result: what Stagefit is, with the same estimate of its
/// length as the landing page's, from the questions' words. The page's frame, the viewer's
/// verdict and the app's shared result all say it.
#[component]
pub(crate) fn WhatStagefitIs() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p>{crate::tf!(i18n, results.shared.intro, minutes = stagefit_core::minutes(&BANK, &bt::words(i18n)))}</p> }
}

/// For a workshop participant, first on the results page: the one link to send to the room's
/// chat, with an optional name. It replaces the share link, which would be a near copy.
#[component]
fn SendToFacilitator(id: String, name: String) -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<Session>();
    let (answers, label) = (session.answers(Whose::Own), session.label(Whose::Own));
    let url = Memo::new(move |_| {
        let payload = answers.with(|a| label.with(|l| link::encode(&BANK, a, l)));
        platform::address_of(&Route::Shared {
            payload,
            workshop: Some(id.clone()),
        })
    });
    let status = RwSignal::new(None::<Copied>);
    let copy_link = move |_| {
        copy(
            url.get_untracked(),
            Fallback::Field("facilitator-link"),
            status,
        )
    };
    let assessment = session.assessment(Whose::Own);
    // Where the browser has a share sheet, the link goes straight to the room's chat app.
    let share = move |_| {
        let line = assessment.with_untracked(|a| {
            rt::share_line(i18n.get_locale_untracked(), a.score, a.stage.stage)
        });
        share_or(line, url.get_untracked(), move || {
            copy(
                url.get_untracked(),
                Fallback::Field("facilitator-link"),
                status,
            )
        });
    };
    view! {
        <div class="send no-print">
            <h2>{move || s!(i18n.get_locale(), results.send.heading, name = name.clone())}</h2>
            <label for="participant-name">{crate::tv!(i18n, results.send.name_label)}</label>
            <input
                id="participant-name"
                type="text"
                maxlength=report::LABEL_MAX
                prop:value=move || label.get()
                on:input=move |ev| session.set_label(Whose::Own, event_target_value(&ev))
            />
            <label for="facilitator-link">{crate::tv!(i18n, results.send.link_label)}</label>
            <div class="share-row">
                <input id="facilitator-link" type="text" readonly prop:value=move || url.get() />
                <button type="button" class="primary" on:click=copy_link>{crate::tv!(i18n, results.send.copy)}</button>
                {platform::can_share().then(|| view! {
                    <button type="button" class="secondary" on:click=share>{crate::tv!(i18n, results.send.share)}</button>
                })}
            </div>
            <p class="copy-status" role="status">
                {move || status.get().map(|s| match s {
                    Copied::Done => s!(i18n.get_locale(), results.send.copied),
                    Copied::Refused(_) => s!(i18n.get_locale(), results.copy_refused),
                })}
            </p>
        </div>
    }
}

/// The share link of this result, a button to copy it, and its QR code, in a modal dialog. The
/// browser moves focus in and closes it on Esc; on close, focus returns to the share button.
#[component]
fn ShareDialog(url: Memo<String>) -> impl IntoView {
    let i18n = use_i18n();
    let status = RwSignal::new(None::<Copied>);
    let copy = move |_| copy(url.get_untracked(), Fallback::Field("share-link"), status);
    view! {
        <dialog
            id=SHARE_DIALOG
            class="share-dialog"
            aria-labelledby="share-dialog-heading"
            on:close=move |_| {
                status.set(None);
                platform::focus(SHARE_BUTTON);
            }
        >
            <h2 id="share-dialog-heading">{crate::tv!(i18n, results.share.heading)}</h2>
            <p>{crate::tv!(i18n, results.share.intro)}</p>
            <div class="share-row">
                <label for="share-link" class="visually-hidden">{crate::tv!(i18n, results.share.link_label)}</label>
                <input id="share-link" type="text" readonly data-testid="share-link" prop:value=move || url.get() />
                <button type="button" class="primary" on:click=copy>{crate::tv!(i18n, results.share.copy)}</button>
            </div>
            <p class="copy-status" role="status">
                {move || status.get().map(|s| match s {
                    Copied::Done => s!(i18n.get_locale(), results.share.copied),
                    Copied::Refused(_) => s!(i18n.get_locale(), results.copy_refused),
                })}
            </p>
            {move || qr(&url.get()).map(|code| {
                let view_box = format!("0 0 {} {}", code.size, code.size);
                view! {
                    <svg class="qr" viewBox=view_box role="img" aria-label=move || s!(i18n.get_locale(), results.share.qr_label) shape-rendering="crispEdges">
                        <rect width="100%" height="100%" fill="#fff" />
                        <path d=code.path fill="#000" />
                    </svg>
                }
            })}
            <p class="qr-note">{crate::tv!(i18n, results.share.qr_note)}</p>
            <div class="dialog-buttons">
                <button type="button" class="secondary" on:click=move |_| platform::close_dialog(SHARE_DIALOG)>{crate::tv!(i18n, results.share.close)}</button>
            </div>
        </dialog>
    }
}

/// A result: the person's own (`Whose::Own`) or someone else's from a share link
/// (`Whose::Shared`, with what the link could not carry in `notes`), shown read-only.
#[component]
pub fn Results(whose: Whose, #[prop(optional)] notes: Option<LinkNotes>) -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<Session>();
    let (assessment, answers, label) = (
        session.assessment(whose),
        session.answers(whose),
        session.label(whose),
    );
    let read_only = whose == Whose::Shared;
    // Someone else's result is not sent to a workshop.
    let joining = if read_only {
        RwSignal::new(None).read_only()
    } else {
        session.joining()
    };
    let now = platform::storage::now();
    let date = move || rt::date(i18n.get_locale(), now);
    let share_url = Memo::new(move |_| {
        let payload = answers.with(|a| label.with(|l| link::encode(&BANK, a, l)));
        platform::address_of(&Route::Shared {
            payload,
            workshop: None,
        })
    });
    let heading = move || label.with(|l| rt::heading(i18n.get_locale(), read_only, l));
    view! {
        <section class="results" aria-labelledby="results-heading">
            <div class="print-only print-header">
                <p class="brand">{crate::tv!(i18n, results.results.print_brand)}</p>
                <p>
                    {move || {
                        let label = report::clean_label(&label.get());
                        if label.is_empty() { date() } else { format!("{label} \u{b7} {}", date()) }
                    }}
                </p>
            </div>
            <h1 id="results-heading" tabindex="-1">{heading}</h1>
            {notes.map(|notes| view! { <SharedIntro notes /> })}
            {(!read_only).then(|| view! { <LastChange /> })}
            // A workshop participant's one job here comes first: sending the link to the room.
            {move || joining.get().map(|(id, name)| view! { <SendToFacilitator id name /> })}
            <VerdictBoard assessment />
            // Below the verdict, in parts of their own while the app takes over (issue 27).
            <Later part=later::DETAILS>
                <ResultActions whose joining share_url now />
                <ShareDialog url=share_url />
                {(!read_only).then(|| view! { <plan::Planner /> })}
                <CompanyAnswers whose />
                <StrategyNotes assessment />
                <h2>{crate::tv!(i18n, results.results.areas_heading)}</h2>
                <ul class="findings">
                    {move || assessment.with(|a| {
                        a.dimensions
                            .iter()
                            .map(|d| {
                                let rank = explain::priority_rank(a, d.dimension);
                                view! { <FindingItem result=d.clone() stage=a.stage.stage total_weight=a.total_weight rank read_only /> }
                            })
                            .collect_view()
                    })}
                </ul>
            </Later>
            <Later part=later::CHARTS>
                <Charts assessment />
                <section class="worked-out" aria-labelledby="worked-out-heading">
                    <h2 id="worked-out-heading">{crate::tv!(i18n, results.results.worked_out_heading)}</h2>
                    <p>{move || assessment.with(|a| rt::score_note(i18n.get_locale(), a))}</p>
                    <p>
                        {move || assessment.with(|a| s!(i18n.get_locale(),
                            results.results.based_on,
                            known = a.n_platform_known,
                            total = a.n_platform_questions
                        ))}
                    </p>
                    <RouteLink route=Route::How class="button secondary no-print">{crate::tv!(i18n, results.results.how_scoring)}</RouteLink>
                </section>
                <div class="step-buttons no-print" hidden=read_only>
                    <button type="button" class="secondary" on:click=move |_| session.review()>{crate::tv!(i18n, results.results.change_answers)}</button>
                    <button type="button" class="secondary" on:click=move |_| session.start()>{crate::tv!(i18n, results.results.start_again)}</button>
                </div>
            </Later>
        </section>
    }
}

/// The verdict: the stage-fit gauge, the stage and the three priorities. The results view draws
/// it first; on a shared result's address the viewer draws it alone before the app runs
/// (`ui::app::viewer`, issue 27), so both show the same verdict.
#[component]
pub fn VerdictBoard(assessment: Memo<Assessment>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="verdict-board">
            <ScoreGauge assessment />
            <StageSummary assessment />
            <section class="top-priorities" aria-labelledby="priorities-heading">
                <h2 id="priorities-heading">{crate::tv!(i18n, results.results.priorities_heading)}</h2>
                <Priorities assessment />
            </section>
        </div>
    }
}

/// A shared result's verdict as the viewer draws it into the page's frame before the app runs
/// (issue 27): the heading with the link's label, what Stagefit is, and the verdict board. The
/// app then draws the whole results view in its place, with the same board.
#[component]
pub fn SharedVerdict(assessment: Assessment, label: String) -> impl IntoView {
    let i18n = use_i18n();
    let assessment = Memo::new(move |_| assessment.clone());
    view! {
        <h1 id="shared-shell-heading">{move || rt::heading(i18n.get_locale(), true, &label)}</h1>
        <div class="shared-intro">
            <WhatStagefitIs />
        </div>
        <VerdictBoard assessment />
    }
}

/// What the last change of a saved assessment did, against the version before it: the score
/// with its signed change, the areas whose finding moved, the priorities that left or entered;
/// and Undo, which makes the version before current again.
#[component]
fn LastChange() -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<Session>();
    let change = Memo::new(move |_| session.last_change());
    move || {
        let (before, change) = change.get()?;
        let locale = i18n.get_locale();
        let (from, to) = change.score;
        let points = change.points().map(rt::signed);
        let area = |c: &stagefit_core::compare::Change| {
            let Measure::Area(d) = c.measure else {
                return None;
            };
            let finding = |v: compare::Value| match v {
                compare::Value::Area { finding, .. } => rt::finding(locale, finding),
                compare::Value::Score(_) => String::new(),
            };
            Some(s!(
                locale,
                results.change.area,
                area = bt::dimension_name(i18n, d),
                before = finding(c.before),
                after = finding(c.after),
                marker = c.direction.marker()
            ))
        };
        let areas: Vec<String> = change.areas.iter().filter_map(area).collect();
        let priority = |p: &Priority| {
            s!(locale, results.labelled, label = rt::kind(locale, p.kind))
                + &bt::dimension_name(i18n, p.dimension)
        };
        let left: Vec<String> = change.left.iter().map(priority).collect();
        let entered: Vec<String> = change.entered.iter().map(priority).collect();
        let moved = !(areas.is_empty() && entered.is_empty() && left.is_empty());
        Some(view! {
            <div class="last-change no-print" data-testid="score-change">
                <p class="score-change">
                    <strong>{s!(locale, results.change.heading, n = before)}</strong>
                    " "
                    {s!(locale, results.change.score, before = rt::score_text(locale, from), after = rt::score_text(locale, to))}
                    {points.map(|p| view! { " " <strong class="signed">{p}</strong> })}
                    " "
                    <button type="button" class="link-button small" on:click=move |_| {
                        session.undo_change();
                        platform::focus_after_render("results-heading");
                    }>{s!(locale, results.change.undo)}</button>
                </p>
                {moved.then(|| view! {
                    <details class="what-moved">
                        <summary>{s!(locale, results.change.what_moved)}</summary>
                        {(!areas.is_empty()).then(|| view! {
                            <ul class="moved-areas">{areas.into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}</ul>
                        })}
                        {(!entered.is_empty()).then(|| view! {
                            <p>{s!(locale, results.change.entered)} " " {entered.join(", ")}</p>
                        })}
                        {(!left.is_empty()).then(|| view! {
                            <p>{s!(locale, results.change.left)} " " {left.join(", ")}</p>
                        })}
                    </details>
                })}
            </div>
        })
    }
}

/// The result's name, and share, copy and print in one row, with what copying did.
#[component]
fn ResultActions(
    whose: Whose,
    joining: ReadSignal<Option<(String, String)>>,
    share_url: Memo<String>,
    /// When the result is shown (its date in the summary).
    now: f64,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<Session>();
    let (assessment, label, answers) = (
        session.assessment(whose),
        session.label(whose),
        session.answers(whose),
    );
    let read_only = whose == Whose::Shared;
    let copy_state = RwSignal::new(None::<Copied>);
    let copy_summary = move |_| {
        let locale = i18n.get_locale_untracked();
        // A person's own result carries its saved what-if plans after the summary.
        let plans: Vec<Plan> = if read_only {
            Vec::new()
        } else {
            session.saved().with_untracked(|s| {
                s.as_ref()
                    .map(|s| s.plans.iter().map(|p| p.plan()).collect())
                    .unwrap_or_default()
            })
        };
        let summary = assessment.with_untracked(|a| {
            answers.with_untracked(|answers| {
                rt::markdown_with_plans(
                    locale,
                    a,
                    answers,
                    &plans,
                    &label.get_untracked(),
                    &rt::date(locale, now),
                    &share_url.get_untracked(),
                )
            })
        });
        copy(summary, Fallback::Show("summary-text"), copy_state);
    };
    // The system's share sheet where there is one, with the score and stage in a line; else
    // the dialog with the link to copy and its QR code.
    let open_share = move |_| {
        let line = assessment.with_untracked(|a| {
            rt::share_line(i18n.get_locale_untracked(), a.score, a.stage.stage)
        });
        share_or(line, share_url.get_untracked(), || {
            if platform::show_dialog(SHARE_DIALOG) {
                platform::focus("share-link");
            }
        });
    };
    view! {
        <div class="result-actions no-print">
            <div class="label-field" hidden=move || read_only || joining.with(Option::is_some)>
                <label for="result-label">{crate::tv!(i18n, results.results.label_label)}</label>
                <input
                    id="result-label"
                    type="text"
                    maxlength=report::LABEL_MAX
                    placeholder=move || s!(i18n.get_locale(), results.results.label_placeholder)
                    prop:value=move || label.get()
                    on:input=move |ev| session.set_label(whose, event_target_value(&ev))
                />
            </div>
            <div class="actions">
                // A participant already has the link to send, above: no second, near-identical one.
                <button type="button" class="primary" id=SHARE_BUTTON aria-haspopup="dialog" hidden=move || joining.with(Option::is_some) on:click=open_share>{crate::tv!(i18n, results.results.share_button)}</button>
                <button type="button" class="secondary" on:click=copy_summary>{crate::tv!(i18n, results.results.copy_summary)}</button>
                <button type="button" class="secondary" on:click=move |_| platform::print()>{crate::tv!(i18n, results.results.print)}</button>
            </div>
            <div class="copy-status" role="status">
                {move || match copy_state.get() {
                    None | Some(Copied::Refused(None)) => None,
                    Some(Copied::Done) => Some(view! { <p class="copied">{crate::tv!(i18n, results.results.summary_copied)}</p> }.into_any()),
                    Some(Copied::Refused(Some(text))) => Some(view! {
                        <div class="manual-copy">
                            <label for="summary-text">{crate::tv!(i18n, results.results.summary_manual)}</label>
                            <textarea id="summary-text" readonly rows="10">{text}</textarea>
                        </div>
                    }.into_any()),
                }}
            </div>
        </div>
    }
}

/// The score as a half-ring gauge with its number and its words; the words carry the verdict,
/// the colour only repeats it.
#[component]
pub(crate) fn ScoreGauge(assessment: Memo<Assessment>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let score = assessment.with(|a| a.score);
        let gauge = chart::gauge(score);
        let verdict = assessment.with(explain::verdict_of);
        view! {
            <div class=format!("verdict-score tone-{}", verdict.tone())>
                <p class="verdict-label">{crate::tv!(i18n, results.gauge.stage_fit)}</p>
                <div class="gauge">
                    <svg class="gauge-arc" viewBox=gauge.view_box aria-hidden="true">
                        <path class="gauge-track" d=gauge.track />
                        {gauge.value.map(|d| view! { <path class="gauge-fill" d=d /> })}
                    </svg>
                    <p class="gauge-number" data-testid="alignment-score">
                        {match score {
                            Some(score) => view! {
                                <span class="gauge-value">{score}</span>
                                <span class="gauge-of">" " {crate::tv!(i18n, results.gauge.out_of_100)}</span>
                            }.into_any(),
                            None => view! { <span class="gauge-none">{crate::tv!(i18n, results.gauge.not_scored)}</span> }.into_any(),
                        }}
                    </p>
                </div>
                <p class="verdict-words">{move || rt::verdict(i18n.get_locale(), verdict)}</p>
            </div>
        }
    }
}

/// The stage with its confidence, and a way to the answers behind it.
#[component]
fn StageSummary(assessment: Memo<Assessment>) -> impl IntoView {
    let i18n = use_i18n();
    let stage = move || assessment.with(|a| a.stage.stage);
    let confidence = move || {
        assessment.with(|a| {
            let locale = i18n.get_locale();
            match (a.stage.overridden, a.stage.transition) {
                (true, _) => s!(locale, results.stage_summary.chosen),
                // Near the line between two stages: the card names both, as the note below does.
                (false, Some(t)) => s!(
                    locale,
                    results.stage_summary.in_transition,
                    confidence = rt::confidence(locale, a.stage.confidence),
                    from = rt::stage_word(locale, t.from),
                    to = rt::stage_word(locale, t.to)
                ),
                (false, None) => rt::confidence(locale, a.stage.confidence),
            }
        })
    };
    view! {
        <div class="verdict-stage">
            <p class="verdict-label">{crate::tv!(i18n, results.stage_summary.label)}</p>
            // With no known company answer the stage is only assumed: "Stage unknown" in large
            // type, the assumed stage small (the page contract still finds it here).
            // `data-stage` names the stage in every language (early, growth, mature).
            <p class="verdict-value" data-testid="stage" data-stage=move || stage().id()>
                {move || {
                    let (big, small) = assessment.with(|a| rt::stage_headline(i18n.get_locale(), &a.stage));
                    view! { {big} {small.map(|s| view! { " " <small class="assumed">{s}</small> })} }
                }}
            </p>
            <p class="verdict-note">{confidence}</p>
            // "Stage unknown" shows no motto: it would describe a stage nobody said (issue 29).
            {move || assessment.with(|a| a.stage.known()).then(|| view! {
                <p class="verdict-note motto">{move || rt::capitalise(&rt::motto(i18n.get_locale(), stage()))}</p>
            })}
            // Its id lets a press on the viewer's copy, before the app runs, be pressed again on
            // the app's (`platform::finish_takeover`): by place it would be another control.
            <button type="button" id="answers-behind" class="link-button small no-print" on:click=move |_| platform::focus("company-answers-heading")>
                {crate::tv!(i18n, results.stage_summary.answers_behind)}
            </button>
        </div>
    }
}

/// The company answers, each with "Change"; the stage they point to; and the control to choose
/// the stage yourself.
#[component]
fn CompanyAnswers(whose: Whose) -> impl IntoView {
    let session = expect_context::<Session>();
    let (assessment, answers) = (session.assessment(whose), session.answers(whose));
    let read_only = whose == Whose::Shared;
    let i18n = use_i18n();
    let rows = move || {
        let locale = i18n.get_locale();
        let evidence = assessment.with(|a| a.stage.evidence.clone());
        answers.with(|given| {
            BANK.questions
                .iter()
                .enumerate()
                .filter(|(_, q)| q.part == Part::Company)
                .map(|(index, _)| {
                    let not_answered = || s!(i18n.get_locale(), results.answers.not_answered);
                    let picked = rt::picked_quoted(i18n, index, given.get(index));
                    let answer = match given.get(index) {
                        Answer::Unknown => s!(i18n.get_locale(), results.answers.dont_know),
                        _ if picked.is_empty() => not_answered(),
                        _ => picked,
                    };
                    let points_to = evidence.iter().find(|e| e.question == index).map(|e| {
                        s!(i18n.get_locale(),
                            results.answers.points_to,
                            stage = rt::stage_name(locale, e.points_to)
                        )
                    });
                    let prompt = bt::question_text(i18n, index);
                    let what = s!(i18n.get_locale(), results.answers.change_what, question = prompt.clone());
                    view! {
                        <li>
                            <div class="answer-text">
                                <span class="answer-question">{prompt}</span>
                                " "
                                <span class="answer-choice">{answer}</span>
                                " "
                                {points_to.map(|p| view! { <strong class="answer-points">{p}</strong> })}
                            </div>
                            <button
                                type="button"
                                class="secondary small no-print"
                                hidden=read_only
                                on:click=move |_| session.change_answer(index)
                            >
                                {s!(i18n.get_locale(), results.answers.change)}
                                <span class="visually-hidden">" " {what}</span>
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="company-answers no-print" aria-labelledby="company-answers-heading">
            <h2 id="company-answers-heading" tabindex="-1">{crate::tv!(i18n, results.answers.heading)}</h2>
            <p>{move || assessment.with(|a| rt::confidence_note(i18n.get_locale(), &a.stage))}</p>
            <TransitionNote assessment />
            <ul class="answer-list">{rows}</ul>
            <StageOverride whose />
        </section>
    }
}

/// Says when the company sits near the line between two stages.
#[component]
fn TransitionNote(assessment: Memo<Assessment>) -> impl IntoView {
    let i18n = use_i18n();
    // The core says how many "Prepare" findings there are, so it mentions them only when there
    // are some.
    move || {
        assessment
            .with(|a| rt::transition(i18n.get_locale(), a))
            .map(|note| view! { <p class="transition">{note}</p> })
    }
}

/// The control to choose the stage yourself.
#[component]
fn StageOverride(whose: Whose) -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<Session>();
    let (assessment, answers) = (session.assessment(whose), session.answers(whose));
    let read_only = whose == Whose::Shared;
    let inferred = move || assessment.with(|a| a.stage.inferred);
    let choose = move |choice: Option<Stage>| session.choose_stage(whose, choice);
    let options = move || {
        let locale = i18n.get_locale();
        let current = answers.with(|a| a.stage_override);
        let mut list = vec![(
            None,
            s!(
                i18n.get_locale(),
                results.stage_choice.inferred,
                stage = rt::stage_name(locale, inferred())
            ),
            "stage-inferred".to_string(),
        )];
        list.extend(Stage::ALL.iter().map(|&s| {
            (
                Some(s),
                rt::stage_name(locale, s),
                format!("stage-{}", s.id()),
            )
        }));
        list.into_iter()
            .map(|(value, label, id)| {
                let label_for = id.clone();
                view! {
                    <div class="option">
                        <input
                            type="radio"
                            name="stage-override"
                            id=id
                            prop:checked=current == value
                            on:change=move |_| choose(value)
                        />
                        <label for=label_for>{label}</label>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <details class="stage-details" hidden=read_only>
            <summary>{crate::tv!(i18n, results.stage_choice.summary)}</summary>
            <fieldset class="override">
                <legend class="visually-hidden">{crate::tv!(i18n, results.stage_choice.legend)}</legend>
                <p class="why">{crate::tv!(i18n, results.stage_choice.why)}</p>
                {options}
            </fieldset>
        </details>
    }
}

/// What the strategy answers mean for the platform.
#[component]
fn StrategyNotes(assessment: Memo<Assessment>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let notes = assessment.with(|a| a.strategy.notes.clone());
        (!notes.is_empty()).then(|| {
            view! {
                <div class="strategy-notes">
                    <h2>{crate::tv!(i18n, results.strategy_heading)}</h2>
                    {notes.into_iter().map(|n| view! { <p>{move || bt::note_text(i18n, n)}</p> }).collect_view()}
                </div>
            }
        })
    }
}

/// The top three priorities as cards: area, direction and one sentence of action, each opening
/// to its advice and draft goal.
#[component]
fn Priorities(assessment: Memo<Assessment>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let priorities = assessment.with(|a| a.priorities.clone());
        if priorities.is_empty() {
            let text = if assessment.with(|a| a.score.is_some()) {
                s!(i18n.get_locale(), results.priorities.all_fit)
            } else {
                s!(i18n.get_locale(), results.priorities.none)
            };
            return view! { <p class="no-priorities">{text}</p> }.into_any();
        }
        view! {
            <ol class="priorities">
                {priorities.into_iter().map(|p| view! { <PriorityItem priority=p /> }).collect_view()}
            </ol>
        }
        .into_any()
    }
}

/// The class and marker for the direction of a priority: ahead, behind, or getting ready.
fn direction(kind: PriorityKind) -> (&'static str, &'static str) {
    match kind {
        PriorityKind::Invest => ("under", chart::marker(Finding::Under)),
        PriorityKind::Defer => ("over", chart::marker(Finding::Over)),
        PriorityKind::Prepare => ("prepare", "\u{25c6}"),
        PriorityKind::Replatform => ("over", chart::marker(Finding::Over)),
    }
}

#[component]
fn PriorityItem(priority: Priority) -> impl IntoView {
    let i18n = use_i18n();
    let dimension = &BANK.dimensions[priority.dimension];
    let (objective, key_results) = bt::priority_goal(i18n, &priority);
    let (class, marker) = direction(priority.kind);
    let words = move || match priority.kind {
        PriorityKind::Invest => s!(i18n.get_locale(), results.priorities.invest),
        PriorityKind::Defer => s!(i18n.get_locale(), results.priorities.defer),
        PriorityKind::Prepare => s!(i18n.get_locale(), results.priorities.prepare),
        PriorityKind::Replatform => s!(i18n.get_locale(), results.priorities.replatform),
    };
    view! {
        <li class=format!("priority priority-{class}") data-testid="priority" data-priority=dimension.id>
            <details>
                <summary>
                    <span class="priority-head">
                        <span class="priority-area">{move || bt::dimension_name(i18n, priority.dimension)}</span>
                        " "
                        <span class=format!("direction direction-{class}")>
                            <span aria-hidden="true">{marker}</span>
                            " "
                            {words}
                        </span>
                    </span>
                    <span class="priority-action">{format!("{objective}.")}</span>
                </summary>
                <div class="priority-more">
                    <p class="advice">{bt::priority_advice(i18n, &priority)}</p>
                    <div class="okr">
                        <p class="okr-title">{crate::tv!(i18n, results.priorities.okr_title)}</p>
                        <ul>
                            {key_results.into_iter().map(|kr| view! { <li><strong>{crate::tv!(i18n, results.priorities.key_result)} " "</strong>{kr}</li> }).collect_view()}
                        </ul>
                    </div>
                </div>
            </details>
        </li>
    }
}

/// One dimension's finding: its verdict, level and band, advice (or where the priority card
/// holds it), and the arithmetic. Areas within their band start folded.
#[component]
fn FindingItem(
    result: DimensionResult,
    stage: Stage,
    total_weight: u32,
    /// The area's rank among the top priorities, when it is one: its advice is in that card.
    rank: Option<usize>,
    /// Someone else's result: nothing to change.
    read_only: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<Session>();
    let dimension_index = result.dimension;
    let dimension = &BANK.dimensions[dimension_index];
    let (level, band) = (result.level, result.band);
    let detail = move || {
        let locale = i18n.get_locale();
        let Some(level) = level else {
            return s!(i18n.get_locale(), results.area.detail_none);
        };
        let (level, band) = (rt::tenths(locale, level), rt::band(locale, band));
        match stage {
            Stage::Early => s!(
                i18n.get_locale(),
                results.area.detail.early,
                level = level.clone(),
                band = band.clone()
            ),
            Stage::Growth => s!(
                i18n.get_locale(),
                results.area.detail.growth,
                level = level.clone(),
                band = band.clone()
            ),
            Stage::Mature => s!(
                i18n.get_locale(),
                results.area.detail.mature,
                level = level.clone(),
                band = band.clone()
            ),
        }
    };
    let advice = match (result.finding, result.prepare_for) {
        (Finding::Over, _) => Some((PriorityKind::Defer, AdviceKind::Ahead)),
        (Finding::Under, _) => Some((PriorityKind::Invest, AdviceKind::Behind)),
        (Finding::Fit, Some(_)) => Some((PriorityKind::Prepare, AdviceKind::Prepare)),
        _ => None,
    };
    // A priority's advice is in its card above: say so rather than repeat it.
    let advice = match (advice, rank) {
        (None, _) => None,
        (Some(_), Some(rank)) => Some(
            view! { <p class="advice">{move || s!(i18n.get_locale(), results.area.pointer, rank = rank)}</p> }
                .into_any(),
        ),
        (Some((kind, advice_kind)), None) => Some({
            let level = result.advice_level(advice_kind);
            view! {
                <p class="advice"><strong>{move || s!(i18n.get_locale(), results.labelled, label = rt::kind(i18n.get_locale(), kind))}</strong>{move || bt::advice_text(i18n, dimension_index, advice_kind, stage, level)}</p>
            }
            .into_any()
        }),
    };
    let arithmetic = {
        let result = result.clone();
        move || rt::explanation(i18n.get_locale(), &result, stage, total_weight)
    };
    let answers = result.answers.clone();
    let worked_out = view! {
        <p class="summary">{move || bt::dimension_summary(i18n, dimension_index)}</p>
        <ul>
            {answers.into_iter().map(|a| {
                view! {
                    <li>
                        {move || bt::question_text(i18n, a.question)} " "
                        {move || s!(i18n.get_locale(), results.area.answer_level, option = bt::option_text(i18n, a.question, a.choice), level = a.level)}
                    </li>
                }
            }).collect_view()}
        </ul>
        {move || arithmetic().into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
    };
    let finding = result.finding;
    let prepare = result.prepare_for.is_some();
    let verdict = move || {
        view! {
            <span class="marker" aria-hidden="true">{chart::marker(finding)}</span>
            " "
            {move || rt::finding(i18n.get_locale(), finding)}
            {prepare.then(|| view! { " \u{b7} " {crate::tv!(i18n, results.area.prepare)} })}
        }
    };
    let name = move || bt::dimension_name(i18n, dimension_index);
    // Its answers are one action away: the step that asks them opens, and "See results" returns.
    let change = (!read_only).then(|| {
        view! {
            <button type="button" class="secondary small no-print area-change" on:click=move |_| session.change_area(dimension_index)>
                {crate::tv!(i18n, results.area.change)}
                <span class="visually-hidden">" " {move || s!(i18n.get_locale(), results.area.change_what, area = name())}</span>
            </button>
        }
    });
    let body = if matches!(result.finding, Finding::Over | Finding::Under) {
        view! {
            <h3>{name}</h3>
            <p class="verdict">{verdict()}</p>
            <p class="detail">{detail}</p>
            {advice}
            {change}
            <details class="why-details">
                <summary>{move || s!(i18n.get_locale(), results.area.worked_out, area = name())}</summary>
                {worked_out}
            </details>
        }
        .into_any()
    } else {
        view! {
            <details class="finding-fold">
                <summary>
                    <span class="finding-name">{name}</span>
                    " "
                    <span class="verdict">{verdict()}</span>
                </summary>
                <p class="detail">{detail}</p>
                {advice}
                {change}
                <div class="why-details">{worked_out}</div>
            </details>
        }
        .into_any()
    };
    view! {
        <li class="finding" data-dimension=dimension.id data-finding=result.finding.id()>
            {body}
        </li>
    }
}
