//! Workshop mode, facilitator side: create a workshop, invite the room with a join link and a
//! large QR code, gather participants' result links from pasted text or files, and see where
//! the room disagrees, and present it on a projector one slide at a time (`Present`).
//! Participants' side lives in `results.rs` (`SendToFacilitator`). Every coordinate drawn here
//! comes from `stagefit_core::chart`; every count from `stagefit_core::workshop`.

use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::platform::{self, storage};
use crate::ui::bank_text as bt;
use crate::ui::store::{Notice, Store};
use stagefit_core::report::tenths;
use stagefit_core::workshop::{self, Position, Slide, Workshop};
use stagefit_core::{BANK, chart, link, qr, report, snapshot};

/// "1 participant", "12 participants".
fn participants_text(n: usize) -> String {
    match n {
        1 => "1 participant".to_string(),
        n => format!("{n} participants"),
    }
}

/// The list of workshops and the form to create one.
#[component]
pub fn Workshops(store: Store, on_open: Callback<String>) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let missing = RwSignal::new(false);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let clean = report::clean_label(&name.get_untracked());
        if clean.is_empty() {
            missing.set(true);
            platform::focus("workshop-name");
            return;
        }
        let created = storage::now();
        let w = Workshop {
            id: storage::new_id(created),
            name: clean,
            note: report::clean_label(&note.get_untracked()),
            created,
            payloads: Vec::new(),
        };
        let id = w.id.clone();
        store.update_workshops(|list| list.insert(0, w));
        on_open.run(id);
    };
    view! {
        <section class="workshops" aria-labelledby="workshops-heading">
            <h1 id="workshops-heading" tabindex="-1">"Workshop"</h1>
            <p>
                "Run Stagefit with a group: everyone answers on their own phone, sends you their result "
                "link, and you see where the room agrees and, more usefully, where it does not. There is "
                "no server: links travel through your usual chat."
            </p>
            <form class="create-workshop" on:submit=create novalidate>
                <h2>"New workshop"</h2>
                <label for="workshop-name">"Name"</label>
                <input
                    id="workshop-name"
                    type="text"
                    maxlength=report::LABEL_MAX
                    aria-describedby="workshop-name-error"
                    prop:value=move || name.get()
                    on:input=move |ev| { name.set(event_target_value(&ev)); missing.set(false); }
                />
                <p id="workshop-name-error" class="field-error" role="alert">
                    {move || missing.get().then_some("Give the workshop a name, so participants know where their result goes.")}
                </p>
                <label for="workshop-note">"Scope (optional)"</label>
                <input
                    id="workshop-note"
                    type="text"
                    maxlength=report::LABEL_MAX
                    placeholder="For example: one platform, or all platform teams"
                    prop:value=move || note.get()
                    on:input=move |ev| note.set(event_target_value(&ev))
                />
                <button type="submit" class="primary">"Create workshop"</button>
            </form>
            <h2>"Your workshops"</h2>
            {move || (store.workshops.with(Vec::is_empty) && store.workshops_unreadable.with(Vec::is_empty)).then(|| view! { <p>"None yet."</p> })}
            <ul class="history-list">
                {move || store.workshops.get().into_iter().map(|w| {
                    let id = w.id.clone();
                    // Counted as the workshop's own view counts: the links that open.
                    let count = workshop::participant_count(&BANK, &w);
                    view! {
                        <li class="history-item">
                            <p class="history-select">{w.name.clone()}</p>
                            <p class="history-summary">
                                {format!("{} \u{b7} {}", report::date_text(w.created), participants_text(count))}
                            </p>
                            <button type="button" class="secondary small" on:click=move |_| on_open.run(id.clone())>
                                "Open " <span class="visually-hidden">{w.name.clone()}</span>
                            </button>
                        </li>
                    }
                }).collect_view()}
                // Issue 18: a workshop this build cannot read is listed, with a way forward.
                {move || store.workshops_unreadable.get().into_iter().map(|text| {
                    let download = {
                        let text = text.clone();
                        move |_| {
                            let name = format!("stagefit-unreadable-workshop-{}.json", report::date_text(storage::now()));
                            let _ = storage::download(&name, &text, "application/json");
                        }
                    };
                    view! {
                        <li class="history-item" data-testid="unreadable-workshop">
                            <p class="history-select">"A saved workshop that cannot be read"</p>
                            <p class="history-summary">
                                "It is damaged or from a newer version of Stagefit (reload the page to update). It is kept unchanged: download it to keep a copy, or remove it."
                            </p>
                            <button type="button" class="secondary small" on:click=download>"Download it"</button>
                            " "
                            <button type="button" class="secondary small" on:click=move |_| store.remove_unreadable_workshop(&text)>"Remove it"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// One workshop: invite, gather, aggregate.
#[component]
pub fn WorkshopView(
    store: Store,
    id: String,
    on_back: Callback<()>,
    /// Opens "Present results" at its first slide.
    on_present: Callback<()>,
) -> impl IntoView {
    let id = StoredValue::new(id);
    let current = stored_workshop(store, id);
    let (people, aggregate) = room(current);
    // Stored links that no longer open: every payload that did not become a participant.
    let unreadable = Memo::new(move |_| {
        let stored = current.with(|w| w.as_ref().map_or(0, |w| w.payloads.len()));
        stored.saturating_sub(people.with(Vec::len))
    });
    let pasted = RwSignal::new(String::new());
    let report_line = RwSignal::new(String::new());
    let presenting = RwSignal::new(false);
    let copy_status = RwSignal::new(None::<&'static str>);
    let confirm_delete = RwSignal::new(false);

    let add = move |_| {
        let text = pasted.get_untracked();
        let mut outcome = None;
        store.update_workshops(|list| {
            if let Some(w) = list.iter_mut().find(|w| id.with_value(|i| &w.id == i)) {
                outcome = Some(workshop::gather(&BANK, w, &text));
            }
        });
        if let Some(r) = outcome {
            report_line.set(format!("{r}."));
            if r.added > 0 || r.duplicates > 0 {
                pasted.set(String::new());
            }
        }
    };
    let import = move |ev: leptos::ev::Event| {
        leptos::task::spawn_local(async move {
            let text = storage::chosen_file_text(ev).await.unwrap_or_default();
            // A history export or a single assessment becomes result links; a chat export is
            // searched for links like pasted text.
            let text = match snapshot::decode_import(&BANK, &text) {
                Ok((list, _)) => list
                    .iter()
                    .map(|s| format!("#r={} ", link::encode(&BANK, &s.answers, &s.label)))
                    .collect::<String>(),
                Err(_) => text,
            };
            pasted.set(text);
            add(());
        });
    };
    let remove = move |payload: String| {
        store.update_workshops(|list| {
            if let Some(w) = list.iter_mut().find(|w| id.with_value(|i| &w.id == i)) {
                w.payloads.retain(|p| p != &payload);
            }
        });
        report_line.set("Participant removed.".to_string());
    };
    let join_url = Memo::new(move |_| {
        current.with(|w| {
            w.as_ref()
                .map(|w| {
                    format!(
                        "{}#{}",
                        platform::page_url(),
                        workshop::join_fragment(&w.id, &w.name)
                    )
                })
                .unwrap_or_default()
        })
    });
    let copy_join = move |_| {
        let url = join_url.get_untracked();
        leptos::task::spawn_local(async move {
            match platform::copy_text(&url).await {
                Ok(()) => copy_status.set(Some("Join link copied. Paste it into the room's chat.")),
                Err(_) => {
                    copy_status.set(Some("Your browser did not allow copying: the link is selected, press Ctrl+C (or \u{2318}+C)."));
                    platform::select_text("join-link");
                }
            }
        });
    };
    let export_json = move |_| {
        if let Some(w) = current.get_untracked() {
            let name = format!("stagefit-workshop-{}.json", report::date_text(w.created));
            let _ = storage::download(
                &name,
                &workshop::encode_workshops(std::slice::from_ref(&w)),
                "application/json",
            );
        }
    };
    let i18n = use_i18n();
    let export_md = move |_| {
        if let Some(w) = current.get_untracked() {
            let md = aggregate.with_untracked(|a| {
                workshop::markdown(&BANK, &bt::words(i18n), &w, a, &platform::today())
            });
            let name = format!("stagefit-workshop-{}.md", report::date_text(w.created));
            if storage::download(&name, &md, "text/markdown").is_err() {
                store.notify(Notice::NotSaved(
                    "The browser refused the download.".to_string(),
                ));
            }
        }
    };
    let delete = move |_| {
        store.update_workshops(|list| list.retain(|w| id.with_value(|i| &w.id != i)));
        on_back.run(());
    };

    move || {
        let Some(w) = current.get() else {
            return view! {
                <section aria-labelledby="workshop-heading">
                    <h1 id="workshop-heading" tabindex="-1">"Workshop not found"</h1>
                    <p>"This workshop is not saved in this browser (it may have been deleted in another tab)."</p>
                    <button type="button" class="secondary" on:click=move |_| on_back.run(())>"All workshops"</button>
                </section>
            }
            .into_any();
        };
        view! {
            <section class="workshop" aria-labelledby="workshop-heading">
                <h1 id="workshop-heading" tabindex="-1">{w.name.clone()}</h1>
                {(!w.note.is_empty()).then(|| view! { <p class="lead">{w.note.clone()}</p> })}
                <div class="presenter" class:presenting=move || presenting.get()>
                    <h2>"Invite the room"</h2>
                    <p class="presenter-name">{format!("Join \u{201c}{}\u{201d}", w.name)}</p>
                    <p>"Scan the code or open the link on your phone, answer, then send your result link to the chat."</p>
                    {move || qr(&join_url.get()).map(|code| view! {
                        <svg class="qr qr-large" viewBox=format!("0 0 {} {}", code.size, code.size) role="img"
                            aria-label="QR code of the join link" shape-rendering="crispEdges">
                            <rect width="100%" height="100%" fill="#fff" />
                            <path d=code.path fill="#000" />
                        </svg>
                    })}
                    // The name is written out readably in the label; the link itself keeps it
                    // percent-encoded, which chat apps need, and wraps instead of being cut off.
                    <label for="join-link">{format!("Join link for \u{201c}{}\u{201d}", w.name)}</label>
                    <div class="share-row">
                        <textarea id="join-link" class="join-link" rows="2" readonly prop:value=move || join_url.get()></textarea>
                        <button type="button" class="primary no-print" on:click=copy_join>"Copy join link"</button>
                    </div>
                    <p class="copy-status" role="status">{move || copy_status.get()}</p>
                    <button type="button" class="secondary no-print" on:click=move |_| presenting.update(|p| *p = !*p)>
                        {move || if presenting.get() { "Close the room view" } else { "Show for the room" }}
                    </button>
                </div>
                <h2 class="no-print">"Gather results"</h2>
                <label for="workshop-input">"Paste participants' result links (a whole chat transcript works)"</label>
                <textarea id="workshop-input" data-testid="workshop-input" rows="5"
                    prop:value=move || pasted.get() on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
                <div class="actions">
                    <button type="button" class="primary" on:click=move |_| add(())>"Add results"</button>
                    <label class="file-button secondary">
                        "Import exported files"
                        <input type="file" accept=".json,.txt,application/json,text/plain" class="visually-hidden" on:change=import />
                    </label>
                </div>
                <p class="copy-status" role="status">{move || report_line.get()}</p>
                <p class="participant-count" data-testid="participant-count">
                    {move || participants_text(aggregate.with(|a| a.n_participants))}
                </p>
                {move || match unreadable.get() {
                    0 => None,
                    n => Some(view! {
                        <p class="field-error">{format!("{n} saved link(s) of this workshop can no longer be read and are not counted. Ask those people to send their link again.")}</p>
                    }),
                }}
                {move || aggregate.with(|a| a.n_participants > 0).then(|| view! {
                    <button type="button" class="primary no-print" on:click=move |_| {
                        platform::enter_full_screen();
                        on_present.run(());
                    }>"Present results"</button>
                })}
                <Participants people on_remove=Callback::new(remove) />
                <RoomView aggregate />
                <div class="actions no-print">
                    <button type="button" class="secondary" on:click=export_json>"Export workshop (JSON)"</button>
                    <button type="button" class="secondary" on:click=export_md>"Export summary (Markdown)"</button>
                    <button type="button" class="secondary" on:click=move |_| platform::print()>"Print"</button>
                    <button type="button" class="secondary" on:click=move |_| on_back.run(())>"All workshops"</button>
                </div>
                <div class="danger-zone no-print">
                    {move || if confirm_delete.get() {
                        view! {
                            <p><strong>"Delete this workshop and its gathered results from this browser?"</strong></p>
                            <button type="button" class="danger" on:click=delete>"Yes, delete the workshop"</button>
                            " "
                            <button type="button" class="secondary" on:click=move |_| confirm_delete.set(false)>"Cancel"</button>
                        }.into_any()
                    } else {
                        view! { <button type="button" class="danger" on:click=move |_| confirm_delete.set(true)>"Delete workshop\u{2026}"</button> }.into_any()
                    }}
                </div>
            </section>
        }
        .into_any()
    }
}

/// How many new participants are decoded and assessed in one browser task.
const STEP: usize = 250;

/// The participants last read by a workshop view, handed on through context (the app provides
/// it) when that view closes: opening "Present results" from the workshop, or going back,
/// takes them as they are instead of reading the room again.
#[derive(Clone, Copy)]
pub struct RoomCache(StoredValue<Vec<workshop::Participant>>);

impl RoomCache {
    pub fn new() -> RoomCache {
        RoomCache(StoredValue::new(Vec::new()))
    }
}

/// The stored workshop with this id, kept in step with storage (`None` once it is gone).
fn stored_workshop(store: Store, id: StoredValue<String>) -> Memo<Option<Workshop>> {
    Memo::new(move |_| {
        store
            .workshops
            .with(|list| list.iter().find(|w| id.with_value(|i| &w.id == i)).cloned())
    })
}

/// A workshop's participants and their aggregate. Participants already decoded and assessed are
/// reused by payload, so removing one from a room of 2,000 assesses nobody again; new ones are
/// decoded and assessed `STEP` at a time, each step in its own browser task, so that a paste of
/// 2,000 links never freezes the page for long (issue 18). The room shows once all are read.
fn room(
    current: Memo<Option<Workshop>>,
) -> (
    RwSignal<Vec<workshop::Participant>>,
    Memo<workshop::Aggregate>,
) {
    let cache = use_context::<RoomCache>();
    // Those already read show at once; the rest are read below.
    let first = match (cache, current.get_untracked()) {
        (Some(cache), Some(w)) => cache.0.with_value(|c| workshop::participants_known(&w, c)),
        _ => Vec::new(),
    };
    let people = RwSignal::new(first);
    // Kept for the next view of this room when this one closes (not on every change: copying
    // 2,000 participants each time would cost what reusing them saves).
    if let Some(cache) = cache {
        on_cleanup(move || {
            if let Some(list) = people.try_get_untracked() {
                cache.0.set_value(list);
            }
        });
    }
    // Each change of the workshop starts a new reading; an older one still under way stops.
    let reading = StoredValue::new(0_u64);
    Effect::new(move |_| {
        let Some(w) = current.get() else {
            people.set(Vec::new());
            return;
        };
        reading.update_value(|n| *n += 1);
        let this = reading.get_value();
        // Taken, not copied: the list is set again below (at once, or once the steps are done).
        let mut known = people
            .try_update_untracked(std::mem::take)
            .unwrap_or_default();
        let todo: Vec<String> = workshop::new_payloads(&w, &known)
            .into_iter()
            .map(str::to_string)
            .collect();
        if todo.len() <= STEP {
            known.extend(todo.iter().filter_map(|p| workshop::participant(&BANK, p)));
            people.set(workshop::in_workshop_order(&w, known));
            return;
        }
        leptos::task::spawn_local(async move {
            for step in todo.chunks(STEP) {
                platform::next_task().await;
                if reading.get_value() != this {
                    return;
                }
                known.extend(step.iter().filter_map(|p| workshop::participant(&BANK, p)));
            }
            platform::next_task().await;
            if reading.get_value() == this {
                people.set(workshop::in_workshop_order(&w, known));
            }
        });
    });
    let aggregate = Memo::new(move |_| people.with(|p| workshop::aggregate(&BANK, p)));
    (people, aggregate)
}

/// How many participants the list shows at first, and adds with each "Show more".
const PAGE: usize = 100;

#[component]
fn Participants(
    people: RwSignal<Vec<workshop::Participant>>,
    on_remove: Callback<String>,
) -> impl IntoView {
    // Drawn only once opened, and a page at a time: 2,000 rows laid out on every change made
    // the room slow to update (issue 18).
    let open = RwSignal::new(false);
    let shown = RwSignal::new(PAGE);
    let total = Memo::new(move |_| people.with(Vec::len));
    view! {
        // Hidden, in print too, while there is nobody to list.
        <div class="participants no-print" hidden=move || total.get() == 0>
            <button type="button" class="link-button" aria-expanded=move || open.get().to_string() aria-controls="participant-list"
                on:click=move |_| open.update(|o| *o = !*o)>
                {move || if open.get() { "Hide participants".to_string() } else { format!("Show participants ({})", total.get()) }}
            </button>
            <Show when=move || open.get()>
                <ul id="participant-list">
                    // Keyed by payload: removing one person removes one row. An anonymous
                    // participant's name is their place in the list, which follows the index.
                    <ForEnumerate
                        each=move || people.with(|p| p.iter().take(shown.get()).cloned().collect::<Vec<_>>())
                        key=|p| p.payload.clone()
                        children=move |i, p| {
                            let label = p.shared.label.clone();
                            let name = move || if label.is_empty() { format!("Anonymous participant {}", i.get() + 1) } else { label.clone() };
                            let score = p.assessment.score.map_or("not scored".to_string(), |s| format!("{s}"));
                            let payload = p.payload.clone();
                            view! {
                                <li>
                                    <bdi>{name.clone()}</bdi>
                                    {format!(": {}, stage fit {score} ", crate::ui::result_text::stage_phrase(crate::i18n::use_i18n().get_locale_untracked(), &p.assessment.stage))}
                                    <button type="button" class="link-button small" on:click=move |_| on_remove.run(payload.clone())>
                                        "Remove " <span class="visually-hidden">{name.clone()}</span>
                                    </button>
                                </li>
                            }
                        }
                    />
                </ul>
                {move || (total.get() > shown.get()).then(|| view! {
                    <button type="button" class="secondary small" on:click=move |_| shown.update(|n| *n += PAGE)>
                        {format!("Show {} more of {}", PAGE.min(total.get() - shown.get()), total.get())}
                    </button>
                })}
            </Show>
        </div>
    }
}

/// A stacked bar of answers with its legend: each part's count is written in the bar where it
/// fits and always in the legend, so neither colour nor width carries a number alone.
#[component]
fn StackedBar(
    /// People per answer, in the answers' order.
    counts: Vec<usize>,
    /// The answers' words, in the same order.
    labels: Vec<String>,
    /// What the bar shows, for its accessible name.
    title: String,
) -> impl IntoView {
    let segments = chart::stacked_bar(&counts);
    let total: usize = counts.iter().sum();
    let desc = labels
        .iter()
        .zip(&counts)
        .filter(|(_, n)| **n > 0)
        .map(|(l, n)| format!("{n} \u{d7} {l}"))
        .collect::<Vec<_>>()
        .join("; ");
    view! {
        <div class="stacked">
            <svg class="stacked-bar" viewBox="0 0 1000 64" preserveAspectRatio="none" role="img" aria-label=format!("{title}: {desc}")>
                {segments.iter().map(|seg| view! {
                    <rect class=format!("seg seg-{}", seg.option % 6) x=seg.x.clone() y="0" width=seg.width.clone() height="64" />
                }).collect_view()}
            </svg>
            <ul class="stacked-legend">
                {labels.iter().zip(&counts).enumerate().filter(|(_, (_, n))| **n > 0).map(|(i, (l, n))| view! {
                    <li>
                        <svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect class=format!("seg seg-{}", i % 6) width="10" height="10" /></svg>
                        <strong>{n.to_string()}</strong>
                        {format!(" of {total} \u{b7} ")}
                        <bdi>{l.clone()}</bdi>
                    </li>
                }).collect_view()}
            </ul>
        </div>
    }
}

/// The room's stage split as a stacked bar.
fn stage_bar(a: &workshop::Aggregate) -> impl IntoView + use<> {
    view! {
        <StackedBar
            counts=a.stages.to_vec()
            labels=(0..3).map(|i| workshop::stage_at(i).to_string()).collect()
            title="Stages the room's answers point to".to_string()
        />
    }
}

/// A question to discuss with the split of its answers.
fn question_bar(d: &workshop::Divergence) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let q = &BANK.questions[d.question];
    view! {
        <StackedBar
            counts=d.counts.clone()
            labels=(0..q.options.len()).map(|o| bt::option_text(i18n, d.question, o)).collect()
            title=bt::question_text(i18n, d.question)
        />
    }
}

/// The dot plot of the whole room: every area's spread against the band of the group's stage,
/// level names on the axis, and a legend for dot size, the median and the band.
fn spread_chart(a: &workshop::Aggregate, disagreement: Option<String>) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let plot = chart::spread_plot(&BANK, &bt::words(i18n), a);
    let stage = a.median.stage.stage;
    let legend_y = plot.legend.y.clone();
    view! {
        <figure class="chart">
            <figcaption id="spread-title">"Where each person places the platform, by area (most disagreement first)"</figcaption>
            <svg class="spread" viewBox=plot.view_box role="img" aria-labelledby="spread-title" aria-describedby="spread-desc">
                <desc id="spread-desc">{format!(
                    "Dot plot of {} participants' levels per area, from {} to {}, with the {stage} band shaded. Largest disagreement: {}. The table below lists every value.",
                    a.n_participants, bt::level_name(i18n, 0), bt::level_name(i18n, 4), disagreement.unwrap_or_default()
                )}</desc>
                {plot.rows.iter().map(|r| view! {
                    <rect class="band" x=r.band_x.clone() y=r.band_y.clone() width=r.band_width.clone() height=r.band_height.clone() />
                }).collect_view()}
                {plot.axis.iter().map(|t| view! {
                    <line class="grid" x1=t.tick_x.clone() x2=t.tick_x.clone() y1=plot.grid_top.clone() y2=plot.grid_bottom.clone() />
                    <text class="axis-label" x=t.x.clone() y=t.y.clone() text-anchor=t.anchor>{t.text.clone()}</text>
                }).collect_view()}
                {plot.rows.into_iter().map(|r| view! {
                    <text class="row-label" x="0" y=r.text_y>{r.label}</text>
                    {r.median_x.map(|m| view! { <line class="median" x1=m.clone() x2=m y1=r.tick_top y2=r.tick_bottom /> })}
                    {r.dots.into_iter().map(|(x, radius, n)| view! {
                        <circle class="dot" cx=x cy=r.center_y.clone() r=radius><title>{format!("{n} people")}</title></circle>
                    }).collect_view()}
                }).collect_view()}
                <g class="legend">
                    <circle class="dot" cx="8" cy=legend_y.clone() r=plot.legend.small.0.clone() />
                    <text class="axis-label" x="16" y=legend_y.clone() dy="5">"1 person"</text>
                    {plot.legend.large.clone().map(|(r, n)| view! {
                        <circle class="dot" cx="102" cy=legend_y.clone() r=r />
                        <text class="axis-label" x="117" y=legend_y.clone() dy="5">{format!("{n} people")}</text>
                    })}
                    <line class="median" x1="208" x2="208" y1=plot.legend.mark_top.clone() y2=plot.legend.mark_bottom.clone() />
                    <text class="axis-label" x="214" y=legend_y.clone() dy="5">"median"</text>
                    <rect class="band" x="280" y=plot.legend.swatch_y.clone() width="18" height="20" />
                    <text class="axis-label" x="302" y=legend_y dy="5">{format!("{stage} band")}</text>
                </g>
            </svg>
        </figure>
    }
}

/// The room at a glance: stages, the spread per area, the group's result, discussion prompts.
/// A section with nothing in it is not drawn, on screen or in print.
#[component]
fn RoomView(aggregate: Memo<workshop::Aggregate>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let a = aggregate.get();
        if a.n_participants == 0 {
            return view! { <p class="no-print">"No results yet. Paste the room's links above."</p> }.into_any();
        }
        let median_score = a
            .median
            .score
            .map_or("not scored".to_string(), |s| format!("{s} out of 100"));
        let disagreement: Vec<String> = a
            .by_disagreement
            .iter()
            .filter(|&&d| !a.spreads[d].levels.is_empty())
            .take(5)
            .map(|&d| {
                let s = &a.spreads[d];
                format!(
                    "{}: levels from {} to {}, {} ahead, {} behind, {} fit",
                    bt::dimension_name(i18n, d),
                    s.levels.first().map_or("?".to_string(), |l| tenths(*l)),
                    s.levels.last().map_or("?".to_string(), |l| tenths(*l)),
                    s.over,
                    s.under,
                    s.fit
                )
            })
            .collect();
        let priorities = (!a.median.priorities.is_empty()).then(|| view! {
            <ol>
                {a.median.priorities.iter().map(|p| view! {
                    <li>{format!("{}: {}", p.kind.label(), bt::dimension_name(i18n, p.dimension))}</li>
                }).collect_view()}
            </ol>
        });
        let chart = spread_chart(&a, disagreement.first().cloned());
        let disagree_section = (!disagreement.is_empty()).then(|| {
            view! {
                <h2>"Where the room disagrees most"</h2>
                <ol>{disagreement.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ol>
            }
        });
        let questions = (!a.divergent.is_empty()).then(|| view! {
            <h2>"Questions to discuss"</h2>
            <p>"The room answered these most differently. Ask people on each side why."</p>
            <ul class="prompts">
                {a.divergent.iter().map(|d| view! {
                    <li><strong>{bt::question_text(i18n, d.question)}</strong> {question_bar(d)}</li>
                }).collect_view()}
            </ul>
        });
        view! {
            <div class="room">
                <h2>"Stages the room sees"</h2>
                <ul class="stage-counts">
                    {(0..3).map(|i| view! { <li>{format!("{}: {}", workshop::stage_at(i), a.stages[i])}</li> }).collect_view()}
                </ul>
                {stage_bar(&a)}
                <h2>"The group's result"</h2>
                <p>{format!("Taking the median answer to every question: {}, stage fit {median_score}.", crate::ui::result_text::stage_phrase(crate::i18n::use_i18n().get_locale_untracked(), &a.median.stage))}</p>
                {priorities}
                {chart}
                <details class="chart-data">
                    <summary>"Show the spread as a table"</summary>
                    <div class="table-scroll">
                        <table>
                            <caption>"Levels per area across the room"</caption>
                            <thead><tr>
                                <th scope="col">"Area"</th><th scope="col">"Answered"</th><th scope="col">"Lowest"</th>
                                <th scope="col">"Median"</th><th scope="col">"Highest"</th><th scope="col">"Spread"</th>
                                <th scope="col">{format!("{} band", a.median.stage.stage)}</th>
                                <th scope="col">"Ahead / behind / fit"</th>
                            </tr></thead>
                            <tbody>
                                {a.by_disagreement.iter().map(|&d| {
                                    let s = &a.spreads[d];
                                    let band = a.median.dimensions[d].band;
                                    let f = |v: Option<&f32>| v.map_or("\u{2014}".to_string(), |l| tenths(*l));
                                    view! {
                                        <tr>
                                            <th scope="row">{bt::dimension_name(i18n, d)}</th>
                                            <td>{s.levels.len()}</td>
                                            <td>{f(s.levels.first())}</td>
                                            <td>{f(s.median.as_ref())}</td>
                                            <td>{f(s.levels.last())}</td>
                                            <td>{format!("{:.2}", s.deviation)}</td>
                                            <td>{format!("{} to {}", bt::level_name(i18n, usize::from(band.low)), bt::level_name(i18n, usize::from(band.high)))}</td>
                                            <td>{format!("{} / {} / {}", s.over, s.under, s.fit)}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                </details>
                {disagree_section}
                {questions}
                <p class="summary">"The group's result takes each question's middle answer; stage overrides are left out."</p>
            </div>
        }
        .into_any()
    }
}

/// "Present results": the room one slide at a time, filling a 1280 by 720 projector. The arrow
/// keys (and Page Up, Page Down, Home, End) move between slides, each with its own address; Esc
/// leaves. Buttons do the same for a mouse or a touch screen.
#[component]
pub fn Present(
    store: Store,
    id: String,
    /// The slide to show, counted from 0 (clamped to the last).
    slide: ReadSignal<usize>,
    on_go: Callback<usize>,
    on_leave: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = StoredValue::new(id);
    let current = stored_workshop(store, id);
    let (people, aggregate) = room(current);
    let slides = Memo::new(move |_| aggregate.with(workshop::slides));
    let count = Memo::new(move |_| slides.with(Vec::len));
    let at = Memo::new(move |_| slide.get().min(count.get().saturating_sub(1)));
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
    let body = move || {
        let Some(which) = slides.with(|s| s.get(at.get()).copied()) else {
            let stored = current.with(|w| w.as_ref().map_or(0, |w| w.payloads.len()));
            return if stored > 0 {
                view! { <h1 id="present-heading" tabindex="-1">"Reading the room's results\u{2026}"</h1> }.into_any()
            } else {
                view! {
                    <h1 id="present-heading" tabindex="-1">"Nothing to present yet"</h1>
                    <p>"Add the room's result links first."</p>
                }
                .into_any()
            };
        };
        let a = aggregate.get();
        match which {
            Slide::Stages => view! {
                <h1 id="present-heading" tabindex="-1">"Which stage the room sees"</h1>
                <p class="slide-lead">{format!(
                    "{} people. Taking the median answer to every question, the company is at the {} stage.",
                    a.n_participants, a.median.stage.stage
                )}</p>
                {stage_bar(&a)}
            }
            .into_any(),
            Slide::Area(d) => {
                let plot = people.with(|p| chart::area_plot(&bt::words(i18n), &a, p, d));
                let band = a.median.dimensions[d].band;
                let stage = a.median.stage.stage;
                let band_text = format!(
                    "{} to {}",
                    bt::level_name(i18n, usize::from(band.low)),
                    bt::level_name(i18n, usize::from(band.high))
                );
                let lane_text = |p: Position| {
                    let n = plot.lanes.iter().find(|l| l.position == p).map_or(0, |l| l.count);
                    format!("{n} {}", p.label())
                };
                let summary = format!(
                    "{}, {}, {} the {stage} band ({band_text}).",
                    lane_text(Position::Ahead),
                    lane_text(Position::Within),
                    lane_text(Position::Behind)
                );
                let marker = |p: Position| match p {
                    Position::Ahead => "\u{25b2}",
                    Position::Within => "\u{2713}",
                    Position::Behind => "\u{25bc}",
                };
                view! {
                    <h1 id="present-heading" tabindex="-1">{bt::dimension_name(i18n, d)}</h1>
                    <p class="slide-lead">{summary.clone()}</p>
                    <svg class="area-plot" viewBox=plot.view_box role="img" aria-label=format!("{}: {summary}", bt::dimension_name(i18n, d))>
                        <rect class="band" x=plot.band_x.clone() y=plot.grid_top.clone() width=plot.band_width.clone()
                            height=plot.band_height.clone() />
                        {plot.axis.iter().map(|t| view! {
                            <line class="grid" x1=t.tick_x.clone() x2=t.tick_x.clone() y1=plot.grid_top.clone() y2=plot.grid_bottom.clone() />
                            <text class="axis-label" x=t.x.clone() y=t.y.clone() text-anchor=t.anchor>{t.text.clone()}</text>
                        }).collect_view()}
                        {plot.lanes.iter().map(|l| view! {
                            <text class=format!("lane-label {}", l.position.label()) x="0" y=l.y.clone() dy="8">
                                {format!("{} {} {}", marker(l.position), l.position.label(), l.count)}
                            </text>
                        }).collect_view()}
                        {plot.median_x.clone().map(|m| view! {
                            <line class="median" x1=m.clone() x2=m y1=plot.grid_top.clone() y2=plot.grid_bottom.clone() />
                        })}
                        {plot.dots.iter().map(|dot| view! {
                            <circle class=format!("dot {}", dot.position.label()) cx=dot.x.clone() cy=dot.y.clone() r=dot.r.clone()>
                                <title>{format!("{} people, {}", dot.n, dot.position.label())}</title>
                            </circle>
                        }).collect_view()}
                    </svg>
                    <p class="slide-legend">
                        {format!("Shaded: the {stage} band. Each dot: people at that level, larger for more; the line is the median. \u{25b2} ahead, \u{2713} within, \u{25bc} behind.")}
                    </p>
                }
                .into_any()
            }
            Slide::Question(i) => {
                let Some(d) = a.divergent.get(i).cloned() else {
                    return view! { <h1 id="present-heading" tabindex="-1">"Questions to discuss"</h1> }.into_any();
                };
                view! {
                    <p class="slide-kicker">{format!("Question to discuss, {} of {}", i + 1, a.divergent.len())}</p>
                    <h1 id="present-heading" tabindex="-1">{bt::question_text(i18n, d.question)}</h1>
                    {question_bar(&d)}
                }
                .into_any()
            }
        }
    };
    view! {
        <section class="present" aria-labelledby="present-heading">
            <p class="present-top">
                <span>{name}</span>
                <span aria-live="polite">{move || format!("Slide {} of {}", at.get() + 1, count.get().max(1))}</span>
            </p>
            <div class="slide">{body}</div>
            <div class="present-buttons">
                <button type="button" class="secondary" disabled=move || at.get() == 0 on:click=move |_| go(at.get_untracked().saturating_sub(1))>"Previous"</button>
                <button type="button" class="secondary" disabled=move || { at.get() + 1 >= count.get() } on:click=move |_| go(at.get_untracked() + 1)>"Next"</button>
                <button type="button" class="secondary" on:click=move |_| leave()>"Leave (Esc)"</button>
            </div>
        </section>
    }
}
