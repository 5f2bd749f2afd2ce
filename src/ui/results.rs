//! The results view, verdict first: the stage-fit gauge, the stage with its confidence and the
//! three priority cards fill the first screen; below them sit the actions (share, copy, print),
//! the company answers behind the stage (each with "Change"), the area cards, the charts and how
//! the result was worked out. Each paragraph of advice appears once. Carries the page
//! contract's hooks; never computes anything itself (the core does, including the gauge's arc).

use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::platform;
use crate::ui::bank_text as bt;
use crate::ui::charts::Charts;
use stagefit_core::link::{self, LinkNotes};
use stagefit_core::report::tenths;
use stagefit_core::{
    AdviceKind, Answer, Answers, Assessment, BANK, DimensionResult, Finding, Part, Priority,
    PriorityKind, Stage, chart, explain, report,
};
use stagefit_core::{qr, workshop};

/// The id of the share dialog, and of the button that opens it (focus returns there).
const SHARE_DIALOG: &str = "share-dialog";
const SHARE_BUTTON: &str = "share-button";

/// For someone opening another person's result: what Stagefit is, what an old link could not
/// carry, and the two ways on.
#[component]
fn SharedIntro(notes: LinkNotes, on_save: Callback<()>, on_start: Callback<()>) -> impl IntoView {
    let mut changes = Vec::new();
    if notes.dropped > 0 {
        changes.push(format!(
            "{} answer(s) in this link were to questions Stagefit no longer asks in that form, and were left out.",
            notes.dropped
        ));
    }
    if notes.added > 0 {
        changes.push(format!(
            "{} question(s) were added since the link was made; they show as unanswered.",
            notes.added
        ));
    }
    view! {
        <div class="shared-intro no-print">
            <p>
                "Stagefit is a ten-minute questionnaire that tells a platform team whether its "
                "platform fits the stage its company is at. This result was shared with you to "
                "read; it is saved in this browser only if you choose."
            </p>
            {changes.into_iter().map(|c| view! { <p>{c}</p> }).collect_view()}
            <div class="actions">
                <button type="button" class="primary small" on:click=move |_| on_start.run(())>"Start my own assessment"</button>
                <button type="button" class="secondary small" on:click=move |_| on_save.run(())>"Save to my history"</button>
            </div>
        </div>
    }
}

/// Copies a link; where the clipboard is refused, selects it in the field `field_id` instead and
/// says how to copy it by hand.
fn copy_link(
    text: String,
    field_id: &'static str,
    done: &'static str,
    status: RwSignal<Option<&'static str>>,
) {
    leptos::task::spawn_local(async move {
        match platform::copy_text(&text).await {
            Ok(()) => status.set(Some(done)),
            Err(_) => {
                status.set(Some("Your browser did not allow copying: the link is selected, press Ctrl+C (or \u{2318}+C)."));
                platform::select_text(field_id);
            }
        }
    });
}

/// For a workshop participant, first on the results page: the one link to send to the room's
/// chat, with an optional name. It replaces the share link, which would be a near copy.
#[component]
fn SendToFacilitator(
    answers: RwSignal<Answers>,
    label: RwSignal<String>,
    id: String,
    name: String,
) -> impl IntoView {
    let url = Memo::new(move |_| {
        let payload = answers.with(|a| label.with(|l| link::encode(&BANK, a, l)));
        format!(
            "{}#{}",
            platform::page_url(),
            workshop::result_fragment(&payload, &id)
        )
    });
    let status = RwSignal::new(None::<&'static str>);
    let copy = move |_| {
        copy_link(
            url.get_untracked(),
            "facilitator-link",
            "Copied. Paste it into the room's chat.",
            status,
        )
    };
    view! {
        <div class="send no-print">
            <h2>{format!("Send your result to \u{201c}{name}\u{201d}")}</h2>
            <label for="participant-name">"Your name or role (optional; leave empty to stay anonymous)"</label>
            <input
                id="participant-name"
                type="text"
                maxlength=report::LABEL_MAX
                prop:value=move || label.get()
                on:input=move |ev| label.set(event_target_value(&ev))
            />
            <label for="facilitator-link">"Your result link"</label>
            <div class="share-row">
                <input id="facilitator-link" type="text" readonly prop:value=move || url.get() />
                <button type="button" class="primary" on:click=copy>"Copy link for the chat"</button>
            </div>
            <p class="copy-status" role="status">{move || status.get()}</p>
        </div>
    }
}

/// The share link of this result, a button to copy it, and its QR code, in a modal dialog. The
/// browser moves focus in and closes it on Esc; on close, focus returns to the share button.
#[component]
fn ShareDialog(url: Memo<String>) -> impl IntoView {
    let status = RwSignal::new(None::<&'static str>);
    let copy = move |_| copy_link(url.get_untracked(), "share-link", "Link copied.", status);
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
            <h2 id="share-dialog-heading">"Share this result"</h2>
            <p>
                "Anyone with this link sees the same result, read-only. The answers travel inside the "
                "link itself, after the #, which browsers never send to a server."
            </p>
            <div class="share-row">
                <label for="share-link" class="visually-hidden">"Share link"</label>
                <input id="share-link" type="text" readonly data-testid="share-link" prop:value=move || url.get() />
                <button type="button" class="primary" on:click=copy>"Copy link"</button>
            </div>
            <p class="copy-status" role="status">{move || status.get()}</p>
            {move || qr(&url.get()).map(|code| {
                let view_box = format!("0 0 {} {}", code.size, code.size);
                view! {
                    <svg class="qr" viewBox=view_box role="img" aria-label="QR code of the share link, to open it on a phone" shape-rendering="crispEdges">
                        <rect width="100%" height="100%" fill="#fff" />
                        <path d=code.path fill="#000" />
                    </svg>
                }
            })}
            <p class="qr-note">"Scan the code with a phone's camera to open the result there."</p>
            <div class="dialog-buttons">
                <button type="button" class="secondary" on:click=move |_| platform::close_dialog(SHARE_DIALOG)>"Close"</button>
            </div>
        </dialog>
    }
}

/// What happened to the last "Copy summary".
#[derive(Clone, Debug, PartialEq)]
enum CopyState {
    Idle,
    Copied,
    /// The clipboard was refused; the summary is shown for copying by hand.
    Manual(String),
}

#[component]
pub fn Results(
    assessment: Memo<Assessment>,
    answers: RwSignal<Answers>,
    label: RwSignal<String>,
    on_edit: Callback<()>,
    on_restart: Callback<()>,
    on_how: Callback<()>,
    /// Set when the result came from someone else's share link: shown read-only.
    shared: Option<LinkNotes>,
    /// The workshop this person joined, if any: (id, name).
    joining: RwSignal<Option<(String, String)>>,
    on_save_shared: Callback<()>,
    /// Opens one company question (its index in `BANK.questions`) to change its answer.
    on_change_answer: Callback<usize>,
) -> impl IntoView {
    let read_only = shared.is_some();
    let date = platform::today();
    let print_date = date.clone();
    let share_url = Memo::new(move |_| {
        let payload = answers.with(|a| label.with(|l| link::encode(&BANK, a, l)));
        format!("{}#{}{payload}", platform::page_url(), link::FRAGMENT_KEY)
    });
    let copy_state = RwSignal::new(CopyState::Idle);
    let i18n = use_i18n();
    let copy = move |_| {
        let summary = assessment.with_untracked(|a| {
            report::markdown(
                &BANK,
                &bt::words(i18n),
                a,
                &label.get_untracked(),
                &date,
                &share_url.get_untracked(),
            )
        });
        leptos::task::spawn_local(async move {
            match platform::copy_text(&summary).await {
                Ok(()) => copy_state.set(CopyState::Copied),
                Err(_) => {
                    copy_state.set(CopyState::Manual(summary));
                    request_animation_frame(|| platform::select_text("summary-text"));
                }
            }
        });
    };
    let open_share = move |_| {
        if platform::show_dialog(SHARE_DIALOG) {
            platform::focus("share-link");
        }
    };
    let heading = move || {
        let l = report::clean_label(&label.get());
        match (read_only, l.is_empty()) {
            (false, _) => "Your results".to_string(),
            (true, true) => "Shared result".to_string(),
            (true, false) => format!("Shared result: \u{201c}{l}\u{201d}"),
        }
    };
    view! {
        <section class="results" aria-labelledby="results-heading">
            <div class="print-only print-header">
                <p class="brand">"Stagefit: platform stage fit"</p>
                <p>
                    {move || {
                        let label = report::clean_label(&label.get());
                        if label.is_empty() { print_date.clone() } else { format!("{label} \u{b7} {print_date}") }
                    }}
                </p>
            </div>
            <h1 id="results-heading" tabindex="-1">{heading}</h1>
            {shared.map(|notes| view! { <SharedIntro notes on_save=on_save_shared on_start=on_restart /> })}
            // A workshop participant's one job here comes first: sending the link to the room.
            {move || joining.get().map(|(id, name)| view! { <SendToFacilitator answers label id name /> })}
            <div class="verdict-board">
                <ScoreGauge assessment />
                <StageSummary assessment />
                <section class="top-priorities" aria-labelledby="priorities-heading">
                    <h2 id="priorities-heading">"Top priorities"</h2>
                    <Priorities assessment />
                </section>
            </div>
            <div class="result-actions no-print">
                <div class="label-field" hidden=move || read_only || joining.with(Option::is_some)>
                    <label for="result-label">"Name this result (optional)"</label>
                    <input
                        id="result-label"
                        type="text"
                        maxlength=report::LABEL_MAX
                        placeholder="For example: Platform team, Q3 review"
                        prop:value=move || label.get()
                        on:input=move |ev| label.set(event_target_value(&ev))
                    />
                </div>
                <div class="actions">
                    // A participant already has the link to send, above: no second, near-identical one.
                    <button type="button" class="primary" id=SHARE_BUTTON aria-haspopup="dialog" hidden=move || joining.with(Option::is_some) on:click=open_share>"Share link"</button>
                    <button type="button" class="secondary" on:click=copy>"Copy summary"</button>
                    <button type="button" class="secondary" on:click=move |_| platform::print()>"Print or save as PDF"</button>
                </div>
                <div class="copy-status" role="status">
                    {move || match copy_state.get() {
                        CopyState::Idle => None,
                        CopyState::Copied => Some(view! { <p class="copied">"Summary copied, with the link to this result. Paste it into a chat or a wiki."</p> }.into_any()),
                        CopyState::Manual(text) => Some(view! {
                            <div class="manual-copy">
                                <label for="summary-text">
                                    "Your browser did not allow copying. The summary is selected below: press Ctrl+C (or \u{2318}+C) to copy it."
                                </label>
                                <textarea id="summary-text" readonly rows="10">{text}</textarea>
                            </div>
                        }.into_any()),
                    }}
                </div>
            </div>
            <ShareDialog url=share_url />
            <CompanyAnswers assessment answers read_only on_change_answer />
            <StrategyNotes assessment />
            <h2>"Area by area"</h2>
            <ul class="findings">
                {move || assessment.with(|a| {
                    a.dimensions
                        .iter()
                        .map(|d| {
                            let pointer = explain::priority_pointer(a, d.dimension);
                            view! { <FindingItem result=d.clone() stage=a.stage.stage total_weight=a.total_weight pointer /> }
                        })
                        .collect_view()
                })}
            </ul>
            <Charts assessment />
            <section class="worked-out" aria-labelledby="worked-out-heading">
                <h2 id="worked-out-heading">"How this result was worked out"</h2>
                <p>{move || assessment.with(|a| explain::score(a, &bt::words(i18n)))}</p>
                <p>
                    {move || assessment.with(|a| format!(
                        "The score is based on {} of {} platform answers; \u{201c}Don't know\u{201d} answers are left out. Under each area, \u{201c}How this was worked out\u{201d} shows its answers and arithmetic.",
                        a.n_platform_known,
                        a.n_platform_questions,
                    ))}
                </p>
                <button type="button" class="secondary no-print" on:click=move |_| on_how.run(())>"How scoring works"</button>
            </section>
            <div class="step-buttons no-print" hidden=read_only>
                <button type="button" class="secondary" on:click=move |_| on_edit.run(())>"Change answers"</button>
                <button type="button" class="secondary" on:click=move |_| on_restart.run(())>"Start again"</button>
            </div>
        </section>
    }
}

/// The score as a half-ring gauge with its number and its words; the words carry the verdict,
/// the colour only repeats it.
#[component]
fn ScoreGauge(assessment: Memo<Assessment>) -> impl IntoView {
    move || {
        let score = assessment.with(|a| a.score);
        let gauge = chart::gauge(score);
        let verdict = assessment.with(explain::verdict_of);
        view! {
            <div class=format!("verdict-score tone-{}", verdict.tone)>
                <p class="verdict-label">"Stage fit"</p>
                <div class="gauge">
                    <svg class="gauge-arc" viewBox=gauge.view_box aria-hidden="true">
                        <path class="gauge-track" d=gauge.track />
                        {gauge.value.map(|d| view! { <path class="gauge-fill" d=d /> })}
                    </svg>
                    <p class="gauge-number" data-testid="alignment-score">
                        {match score {
                            Some(score) => view! {
                                <span class="gauge-value">{score}</span>
                                <span class="gauge-of">" out of 100"</span>
                            }.into_any(),
                            None => view! { <span class="gauge-none">"Not scored"</span> }.into_any(),
                        }}
                    </p>
                </div>
                <p class="verdict-words">{verdict.heading}</p>
            </div>
        }
    }
}

/// The stage with its confidence, and a way to the answers behind it.
#[component]
fn StageSummary(assessment: Memo<Assessment>) -> impl IntoView {
    let stage = move || assessment.with(|a| a.stage.stage);
    let confidence = move || {
        assessment.with(|a| {
            if a.stage.overridden {
                "Chosen by you".to_string()
            } else {
                format!(
                    "{} confidence",
                    explain::capitalise(&a.stage.confidence.to_string())
                )
            }
        })
    };
    view! {
        <div class="verdict-stage">
            <p class="verdict-label">"Company stage"</p>
            // With no known company answer the stage is only assumed: "Stage unknown" in large
            // type, the assumed stage small (the page contract still finds it here).
            <p class="verdict-value" data-testid="stage">
                {move || {
                    let (big, small) = assessment.with(|a| explain::stage_headline(&a.stage));
                    view! { {big} {small.map(|s| view! { " " <small class="assumed">{s}</small> })} }
                }}
            </p>
            <p class="verdict-note">{confidence}</p>
            <p class="verdict-note motto">{move || explain::capitalise(stage().motto())}</p>
            <button type="button" class="link-button small no-print" on:click=move |_| platform::focus("company-answers-heading")>
                "The answers behind it"
            </button>
        </div>
    }
}

/// The company answers, each with "Change"; the stage they point to; and the control to choose
/// the stage yourself.
#[component]
fn CompanyAnswers(
    assessment: Memo<Assessment>,
    answers: RwSignal<Answers>,
    read_only: bool,
    on_change_answer: Callback<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let rows = move || {
        let evidence = assessment.with(|a| a.stage.evidence.clone());
        answers.with(|given| {
            BANK.questions
                .iter()
                .enumerate()
                .filter(|(_, q)| q.part == Part::Company)
                .map(|(index, q)| {
                    let answer = match given.get(index) {
                        Answer::Chosen(choice) if usize::from(choice) < q.options.len() => format!(
                            "\u{201c}{}\u{201d}",
                            bt::option_text(i18n, index, usize::from(choice))
                        ),
                        Answer::Chosen(_) => "Not answered".to_string(),
                        Answer::Unknown => bt::dont_know(i18n),
                        Answer::Unanswered => "Not answered".to_string(),
                    };
                    let points_to = evidence
                        .iter()
                        .find(|e| e.question == index)
                        .map(|e| format!("points to {}", e.points_to));
                    view! {
                        <li>
                            <div class="answer-text">
                                <span class="answer-question">{bt::question_text(i18n, index)}</span>
                                " "
                                <span class="answer-choice">{answer}</span>
                                " "
                                {points_to.map(|p| view! { <strong class="answer-points">{p}</strong> })}
                            </div>
                            <button
                                type="button"
                                class="secondary small no-print"
                                hidden=read_only
                                on:click=move |_| on_change_answer.run(index)
                            >
                                "Change"
                                <span class="visually-hidden">{format!(" the answer to \u{201c}{}\u{201d}", bt::question_text(i18n, index))}</span>
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="company-answers no-print" aria-labelledby="company-answers-heading">
            <h2 id="company-answers-heading" tabindex="-1">"The answers behind the stage"</h2>
            <p>{move || assessment.with(|a| explain::confidence(&a.stage))}</p>
            <TransitionNote assessment />
            <ul class="answer-list">{rows}</ul>
            <StageOverride assessment answers read_only />
        </section>
    }
}

/// Says when the company sits near the line between two stages.
#[component]
fn TransitionNote(assessment: Memo<Assessment>) -> impl IntoView {
    // The core words it, so it mentions "Prepare" findings only when there are some.
    move || {
        assessment
            .with(explain::transition)
            .map(|note| view! { <p class="transition">{note}</p> })
    }
}

/// The control to choose the stage yourself.
#[component]
fn StageOverride(
    assessment: Memo<Assessment>,
    answers: RwSignal<Answers>,
    read_only: bool,
) -> impl IntoView {
    let inferred = move || assessment.with(|a| a.stage.inferred);
    let choose = move |choice: Option<Stage>| answers.update(|a| a.stage_override = choice);
    let options = move || {
        let current = answers.with(|a| a.stage_override);
        let mut list = vec![(
            None,
            format!("Use the stage the answers point to ({})", inferred()),
            "stage-inferred".to_string(),
        )];
        list.extend(
            Stage::ALL
                .iter()
                .map(|&s| (Some(s), s.to_string(), format!("stage-{}", s.id()))),
        );
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
            <summary>"Know better? Choose the stage yourself"</summary>
            <fieldset class="override">
                <legend class="visually-hidden">"The stage to measure against"</legend>
                <p class="why">"The score, findings and priorities follow the stage you choose, and it is kept with your answers."</p>
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
                    <h2>"What your strategy means for the platform"</h2>
                    {notes.into_iter().map(|n| view! { <p>{bt::note_text(i18n, n)}</p> }).collect_view()}
                </div>
            }
        })
    }
}

/// The top three priorities as cards: area, direction and one sentence of action, each opening
/// to its advice and draft goal.
#[component]
fn Priorities(assessment: Memo<Assessment>) -> impl IntoView {
    move || {
        let priorities = assessment.with(|a| a.priorities.clone());
        if priorities.is_empty() {
            let text = if assessment.with(|a| a.score.is_some()) {
                "Every area you answered fits your stage. Keep investments where they are, and reassess when the company or its strategy changes."
            } else {
                "Answer some platform questions to get priorities."
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

/// The marker and words for the direction of a priority: ahead, behind, or getting ready.
fn direction(kind: PriorityKind) -> (&'static str, &'static str, &'static str) {
    match kind {
        PriorityKind::Invest => ("under", chart::marker(Finding::Under), "Behind: invest"),
        PriorityKind::Defer => ("over", chart::marker(Finding::Over), "Ahead: stop or defer"),
        PriorityKind::Prepare => ("prepare", "\u{25c6}", "Prepare for the next stage"),
    }
}

#[component]
fn PriorityItem(priority: Priority) -> impl IntoView {
    let i18n = use_i18n();
    let dimension = &BANK.dimensions[priority.dimension];
    let goal = move || bt::goal_text(i18n, priority.dimension, priority.goal());
    let (class, marker, words) = direction(priority.kind);
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
                    <span class="priority-action">{move || format!("{}.", goal().0)}</span>
                </summary>
                <div class="priority-more">
                    <p class="advice">{move || bt::priority_advice(i18n, &priority)}</p>
                    <div class="okr">
                        <p class="okr-title">"Draft goal for the objective above (replace the example numbers with your own)"</p>
                        <ul>
                            {move || goal().1.into_iter().map(|kr| view! { <li><strong>"Key result: "</strong>{kr}</li> }).collect_view()}
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
    /// Where this area's advice is, when it is one of the top priorities.
    pointer: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let dimension = &BANK.dimensions[result.dimension];
    let d = result.dimension;
    let detail = match result.level {
        Some(level) => format!(
            "Your level: {} of 4. {} fits {}.",
            tenths(level),
            explain::capitalise(stage.company()),
            explain::band(result.band)
        ),
        None => "Every answer here was \u{201c}Don't know\u{201d}, so this area is not scored."
            .to_string(),
    };
    let advice = match (result.finding, result.prepare_for) {
        (Finding::Over, _) => Some(("Stop or defer", AdviceKind::Ahead)),
        (Finding::Under, _) => Some(("Invest", AdviceKind::Behind)),
        (Finding::Fit, Some(_)) => Some(("Prepare", AdviceKind::Prepare)),
        _ => None,
    };
    // A priority's advice is in its card above: say so rather than repeat it.
    let advice = match (advice, pointer) {
        (None, _) => None,
        (Some(_), Some(pointer)) => Some(view! { <p class="advice">{pointer}</p> }.into_any()),
        (Some((label, kind)), None) => Some(
            view! {
                <p class="advice"><strong>{label} ": "</strong>{move || bt::advice_text(i18n, d, kind, stage)}</p>
            }
            .into_any(),
        ),
    };
    let explained = result.clone();
    let arithmetic = move || explain::dimension(&explained, stage, total_weight, &bt::words(i18n));
    let answers = result.answers.clone();
    let worked_out = view! {
        <p class="summary">{move || bt::dimension_summary(i18n, d)}</p>
        <ul>
            {answers.into_iter().map(|a| {
                view! {
                    <li>
                        {move || bt::question_text(i18n, a.question)} " "
                        {move || format!("\u{201c}{}\u{201d}: level {}", bt::option_text(i18n, a.question, a.choice), a.level)}
                    </li>
                }
            }).collect_view()}
        </ul>
        {move || arithmetic().into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
    };
    let name = move || bt::dimension_name(i18n, d);
    let verdict = view! {
        <span class="marker" aria-hidden="true">{chart::marker(result.finding)}</span>
        " "
        {result.finding.label()}
        {result.prepare_for.map(|_| " \u{b7} Prepare")}
    };
    let body = if matches!(result.finding, Finding::Over | Finding::Under) {
        view! {
            <h3>{name}</h3>
            <p class="verdict">{verdict}</p>
            <p class="detail">{detail}</p>
            {advice}
            <details class="why-details">
                <summary>{move || format!("How this was worked out: {}", name())}</summary>
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
                    <span class="verdict">{verdict}</span>
                </summary>
                <p class="detail">{detail}</p>
                {advice}
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
