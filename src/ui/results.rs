//! The results view: the stage (with confidence, transition, the answers behind it and an
//! override), the stage-fit score, the top priorities with draft goals, and one finding per
//! dimension with advice and the arithmetic behind it. Carries the page contract's hooks.

use leptos::prelude::*;

use crate::platform;
use crate::ui::charts::Charts;
use stagefit_core::link::{self, LinkNotes};
use stagefit_core::report::tenths;
use stagefit_core::{
    Answers, Assessment, BANK, DimensionResult, Finding, Priority, Stage, explain, report,
};
use stagefit_core::{qr, workshop};

/// Says whose result this is, what an old link could not carry, and the two ways on.
#[component]
fn SharedBanner(
    notes: LinkNotes,
    label: RwSignal<String>,
    on_save: Callback<()>,
    on_start: Callback<()>,
) -> impl IntoView {
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
        <div class="shared-banner no-print" role="region" aria-label="Shared result">
            <p>
                <strong>"A shared result"</strong>
                {move || {
                    let l = label.get();
                    if l.is_empty() { String::new() } else { format!(": \u{201c}{l}\u{201d}") }
                }}
                ". It opens read-only and is not saved in this browser unless you choose to."
            </p>
            {changes.into_iter().map(|c| view! { <p>{c}</p> }).collect_view()}
            <div class="actions">
                <button type="button" class="primary" on:click=move |_| on_save.run(())>"Save to my history"</button>
                <button type="button" class="secondary" on:click=move |_| on_start.run(())>"Start my own assessment"</button>
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

/// For a workshop participant: the result link to send to the facilitator, with an optional name.
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
            <h2>{format!("Send to facilitator: \u{201c}{name}\u{201d}")}</h2>
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
                <button type="button" class="primary" on:click=copy>"Send to facilitator"</button>
            </div>
            <p class="copy-status" role="status">{move || status.get()}</p>
        </div>
    }
}

/// The share link of this result, a button to copy it, and its QR code.
#[component]
fn ShareLink(answers: RwSignal<Answers>, label: RwSignal<String>) -> impl IntoView {
    let url = Memo::new(move |_| {
        let payload = answers.with(|a| label.with(|l| link::encode(&BANK, a, l)));
        format!("{}#{}{payload}", platform::page_url(), link::FRAGMENT_KEY)
    });
    let status = RwSignal::new(None::<&'static str>);
    let copy = move |_| copy_link(url.get_untracked(), "share-link", "Link copied.", status);
    view! {
        <div class="share no-print">
            <h2>"Share this result"</h2>
            <p>
                "Anyone with this link sees the same result, read-only. The answers travel inside the "
                "link itself, after the #, which browsers never send to a server."
            </p>
            <div class="share-row">
                <label for="share-link" class="visually-hidden">"Share link"</label>
                <input id="share-link" type="text" readonly data-testid="share-link" prop:value=move || url.get() />
                <button type="button" class="secondary" on:click=copy>"Copy link"</button>
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
        </div>
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
) -> impl IntoView {
    let read_only = shared.is_some();
    let stage = move || assessment.with(|a| a.stage.stage);
    let date = platform::today();
    let print_date = date.clone();
    let copy_state = RwSignal::new(CopyState::Idle);
    let copy = move |_| {
        let summary = assessment
            .with_untracked(|a| report::markdown(&BANK, a, &label.get_untracked(), &date));
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
            <h1 id="results-heading" tabindex="-1">"Your results"</h1>
            {shared.map(|notes| view! { <SharedBanner notes label on_save=on_save_shared on_start=on_restart /> })}
            <div class="label-field no-print" hidden=move || read_only || joining.with(Option::is_some)>
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
            <div class="headline">
                <div class="headline-item">
                    <p class="headline-label">"Company stage"</p>
                    // With no known company answer the stage is only assumed: "Stage unknown" in
                    // large type, the assumed stage small (the page contract still finds it here).
                    <p class="headline-value" data-testid="stage">
                        {move || {
                            let (big, small) = assessment.with(|a| explain::stage_headline(&a.stage));
                            view! { {big} {small.map(|s| view! { " " <small class="assumed">{s}</small> })} }
                        }}
                    </p>
                    <p class="headline-note">{move || format!("{}: {}.", stage(), stage().motto())}</p>
                    <p class="headline-note">{move || assessment.with(|a| explain::confidence(&a.stage))}</p>
                    <TransitionNote assessment />
                </div>
                <div class="headline-item">
                    <p class="headline-label">"Stage fit"</p>
                    <p class="headline-value" data-testid="alignment-score">
                        {move || match assessment.with(|a| a.score) {
                            Some(score) => format!("{score} out of 100"),
                            None => "Not scored".to_string(),
                        }}
                    </p>
                    <p class="headline-note">{move || assessment.with(explain::score)}</p>
                    <p class="headline-note">
                        {move || assessment.with(|a| format!(
                            "Based on {} of {} platform answers.",
                            a.n_platform_known,
                            a.n_platform_questions,
                        ))}
                    </p>
                </div>
            </div>
            <div class="actions no-print">
                <button type="button" class="secondary" on:click=copy>"Copy summary"</button>
                <button type="button" class="secondary" on:click=move |_| platform::print()>"Print or save as PDF"</button>
                <button type="button" class="secondary" on:click=move |_| on_how.run(())>"How scoring works"</button>
            </div>
            <div class="copy-status no-print" role="status">
                {move || match copy_state.get() {
                    CopyState::Idle => None,
                    CopyState::Copied => Some(view! { <p class="copied">"Summary copied. Paste it into a chat or a wiki."</p> }.into_any()),
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
            {move || joining.get().map(|(id, name)| view! { <SendToFacilitator answers label id name /> })}
            <ShareLink answers label />
            <StageDetails assessment answers read_only />
            <Charts assessment />
            <StrategyNotes assessment />
            <h2 id="priorities-heading">"Top priorities"</h2>
            <Priorities assessment />
            <h2>"Area by area"</h2>
            <ul class="findings">
                {move || assessment.with(|a| {
                    a.dimensions
                        .iter()
                        .map(|d| view! { <FindingItem result=d.clone() stage=a.stage.stage total_weight=a.total_weight /> })
                        .collect_view()
                })}
            </ul>
            <div class="step-buttons no-print" hidden=read_only>
                <button type="button" class="secondary" on:click=move |_| on_edit.run(())>"Change answers"</button>
                <button type="button" class="secondary" on:click=move |_| on_restart.run(())>"Start again"</button>
            </div>
        </section>
    }
}

/// Says when the company sits near the line between two stages.
#[component]
fn TransitionNote(assessment: Memo<Assessment>) -> impl IntoView {
    // The core words it, so it mentions "Prepare" findings only when there are some.
    move || {
        assessment.with(explain::transition).map(|text| {
            view! { <p class="headline-note transition">{text}</p> }
        })
    }
}

/// Which answers pointed where, and the control to choose the stage yourself.
#[component]
fn StageDetails(
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
        <details class="stage-details no-print">
            <summary>"Which answers pointed where, and choosing the stage yourself"</summary>
            <ul class="evidence">
                {move || assessment.with(|a| {
                    a.stage.evidence.iter().map(|e| {
                        let q = &BANK.questions[e.question];
                        view! {
                            <li>
                                <span class="evidence-question">{q.prompt}</span>
                                " "
                                <span class="evidence-answer">{format!("\u{201c}{}\u{201d}", q.options[e.choice].label)}</span>
                                " "
                                <strong>{format!("points to {}", e.points_to)}</strong>
                            </li>
                        }
                    }).collect_view()
                })}
            </ul>
            <fieldset class="override" hidden=read_only>
                <legend>"Know better? Choose the stage yourself"</legend>
                <p class="why">"The score, findings and priorities follow the stage you choose, and it is kept with your answers."</p>
                {options}
            </fieldset>
        </details>
    }
}

/// What the strategy answers mean for the platform.
#[component]
fn StrategyNotes(assessment: Memo<Assessment>) -> impl IntoView {
    move || {
        let notes = assessment.with(|a| a.strategy.notes.clone());
        (!notes.is_empty()).then(|| {
            view! {
                <div class="strategy-notes">
                    <h2>"What your strategy means for the platform"</h2>
                    {notes.into_iter().map(|n| view! { <p>{n}</p> }).collect_view()}
                </div>
            }
        })
    }
}

/// The top three priorities, each with advice and a draft outcome goal.
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

#[component]
fn PriorityItem(priority: Priority) -> impl IntoView {
    let dimension = &BANK.dimensions[priority.dimension];
    let okr = priority.okr(&BANK);
    view! {
        <li class="priority" data-priority=dimension.id>
            <h3>
                <span class=format!("kind kind-{}", priority.kind.id())>
                    {priority.kind.label()}
                </span>
                ": "
                {dimension.name}
            </h3>
            <p>{priority.advice(&BANK)}</p>
            <div class="okr">
                <p class="okr-title">"Draft goal (replace the example numbers with your own)"</p>
                <p><strong>"Objective: "</strong>{okr.objective}</p>
                <ul>
                    {okr.results.iter().map(|kr| view! { <li><strong>"Key result: "</strong>{*kr}</li> }).collect_view()}
                </ul>
            </div>
        </li>
    }
}

/// One dimension's finding: its verdict, level and band, advice, and the arithmetic.
#[component]
fn FindingItem(result: DimensionResult, stage: Stage, total_weight: u32) -> impl IntoView {
    let dimension = &BANK.dimensions[result.dimension];
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
        (Finding::Over, _) => Some(("Stop or defer", dimension.advice.ahead[stage.index()])),
        (Finding::Under, _) => Some(("Invest", dimension.advice.behind[stage.index()])),
        (Finding::Fit, Some(_)) => Some(("Prepare", dimension.advice.prepare)),
        _ => None,
    };
    let marker = match result.finding {
        Finding::Over => "\u{25b2}",
        Finding::Under => "\u{25bc}",
        Finding::Fit => "\u{2713}",
        Finding::Unknown => "?",
    };
    let arithmetic = explain::dimension(&result, stage, total_weight);
    let answers = result.answers.clone();
    view! {
        <li class="finding" data-dimension=dimension.id data-finding=result.finding.id()>
            <h3>{dimension.name}</h3>
            <p class="verdict">
                <span class="marker" aria-hidden="true">{marker}</span>
                " "
                {result.finding.label()}
            </p>
            <p class="detail">{detail}</p>
            {advice.map(|(label, text)| view! { <p class="advice"><strong>{label} ": "</strong>{text}</p> })}
            <details class="why-details">
                <summary>{format!("How this was worked out: {}", dimension.name)}</summary>
                <p class="summary">{dimension.summary}</p>
                <ul>
                    {answers.into_iter().map(|a| {
                        let q = &BANK.questions[a.question];
                        view! {
                            <li>
                                {q.prompt} " "
                                {format!("\u{201c}{}\u{201d}: level {}", q.options[a.choice].label, a.level)}
                            </li>
                        }
                    }).collect_view()}
                </ul>
                {arithmetic.into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
            </details>
        </li>
    }
}
