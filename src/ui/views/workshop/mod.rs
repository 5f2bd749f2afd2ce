//! Workshop mode, facilitator side: create a workshop, invite the room with a join link and a
//! large QR code, gather participants' result links from pasted text or files, and see where
//! the room disagrees, and present it on a projector one slide at a time (`Present`).
//! Participants' side lives in `results.rs` (`SendToFacilitator`). Every coordinate drawn here
//! comes from `stagefit_core::chart`; every count from `stagefit_core::workshop`. Every word
//! comes from the `workshop` namespace of the locale files (`locales/<language>/workshop.json`),
//! in the language in use; bank texts (areas, levels, questions, answers, advice) are the bank's.

use leptos::prelude::*;
use leptos_i18n::Locale as _;

use crate::i18n::{Locale, use_i18n};
use crate::platform::{self, storage};
use crate::ui::state::{Navigator, Notice, Store};
use crate::ui::text::bank as bt;
use crate::ui::text::results::{
    band_name, band_range, kind as priority_kind, lane_word, position_word, stage_at, stage_name,
    stage_phrase,
};
use crate::ui::text::s;
use crate::ui::text::workshop::{disagreement_line, gather_line, markdown, number};
use stagefit_core::route::Route;
use stagefit_core::workshop::{self, GatherReport, Position, Slide, Workshop};
use stagefit_core::{BANK, BankText, chart, link, qr, report, snapshot};

/// The list of workshops and the form to create one.
#[component]
pub fn Workshops() -> impl IntoView {
    let i18n = use_i18n();
    let store = expect_context::<Store>();
    let nav = expect_context::<Navigator>();
    let on_open = Callback::new(move |id: String| nav.go(Route::Workshop(id)));
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
            <h1 id="workshops-heading" tabindex="-1">{crate::tv!(i18n, workshop.list_title)}</h1>
            <p>{crate::tv!(i18n, workshop.list_intro)}</p>
            <form class="create-workshop" on:submit=create novalidate>
                <h2>{crate::tv!(i18n, workshop.new_title)}</h2>
                <label for="workshop-name">{crate::tv!(i18n, workshop.name_label)}</label>
                <input
                    id="workshop-name"
                    type="text"
                    maxlength=report::LABEL_MAX
                    aria-describedby="workshop-name-error"
                    prop:value=move || name.get()
                    on:input=move |ev| { name.set(event_target_value(&ev)); missing.set(false); }
                />
                <p id="workshop-name-error" class="field-error" role="alert">
                    {move || missing.get().then(|| s!(i18n.get_locale(), workshop.name_missing))}
                </p>
                <label for="workshop-note">{crate::tv!(i18n, workshop.scope_label)}</label>
                <input
                    id="workshop-note"
                    type="text"
                    maxlength=report::LABEL_MAX
                    placeholder=move || s!(i18n.get_locale(), workshop.scope_placeholder)
                    prop:value=move || note.get()
                    on:input=move |ev| note.set(event_target_value(&ev))
                />
                <button type="submit" class="primary">{crate::tv!(i18n, workshop.create)}</button>
            </form>
            <h2>{crate::tv!(i18n, workshop.yours_title)}</h2>
            {move || (store.workshops().with(Vec::is_empty) && store.workshops_unreadable().with(Vec::is_empty)).then(|| view! { <p>{crate::tv!(i18n, workshop.none_yet)}</p> })}
            <ul class="history-list">
                {move || {
                    let l = i18n.get_locale();
                    store.workshops().get().into_iter().map(|w| {
                        let id = w.id.clone();
                        // Counted as the workshop's own view counts: the links that open.
                        let count = workshop::participant_count(&BANK, &w);
                        let date = platform::format_date(l.as_str(), w.created, false);
                        view! {
                            <li class="history-item">
                                <p class="history-select">{w.name.clone()}</p>
                                <p class="history-summary">{date} " \u{b7} " {crate::tf_once!(i18n, workshop.participants, count = count)}</p>
                                <button type="button" class="secondary small" on:click=move |_| on_open.run(id.clone())>
                                    {s!(l, workshop.open)} " " <span class="visually-hidden">{w.name.clone()}</span>
                                </button>
                            </li>
                        }
                    }).collect_view()
                }}
                // Issue 18: a workshop this build cannot read is listed, with a way forward.
                {move || store.workshops_unreadable().get().into_iter().map(|text| {
                    let download = {
                        let text = text.clone();
                        move |_| {
                            // File names stay language-free, like the exports themselves.
                            let name = format!("stagefit-unreadable-workshop-{}.json", report::date_text(storage::now()));
                            let _ = storage::download(&name, &text, "application/json");
                        }
                    };
                    view! {
                        <li class="history-item" data-testid="unreadable-workshop">
                            <p class="history-select">{crate::tv!(i18n, workshop.unreadable_title)}</p>
                            <p class="history-summary">{crate::tv!(i18n, workshop.unreadable_body)}</p>
                            <button type="button" class="secondary small" on:click=download>{crate::tv!(i18n, workshop.unreadable_download)}</button>
                            " "
                            <button type="button" class="secondary small" on:click=move |_| store.remove_unreadable_workshop(&text)>{crate::tv!(i18n, workshop.unreadable_remove)}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// What the last action in a workshop did, kept as data and worded when shown.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Gathered(GatherReport),
    Removed,
}

/// Whether copying the join link worked.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Copied {
    Done,
    Refused,
}

/// One workshop: invite, gather, aggregate.
#[component]
pub fn WorkshopView() -> impl IntoView {
    let i18n = use_i18n();
    let store = expect_context::<Store>();
    let nav = expect_context::<Navigator>();
    // The workshop, by id, as the address names it.
    let id = match nav.route().get_untracked() {
        Route::Workshop(id) => id,
        _ => String::new(),
    };
    let on_back = Callback::new(move |()| nav.go(Route::Workshops));
    let present_id = id.clone();
    // Opens "Present results" at its first slide.
    let on_present = Callback::new(move |()| nav.go(Route::Present(present_id.clone(), 0)));
    let id = StoredValue::new(id);
    let current = stored_workshop(store, id);
    let (people, aggregate) = room(current);
    // Stored links that no longer open: every payload that did not become a participant.
    let unreadable = Memo::new(move |_| {
        let stored = current.with(|w| w.as_ref().map_or(0, |w| w.payloads.len()));
        stored.saturating_sub(people.with(Vec::len))
    });
    let pasted = RwSignal::new(String::new());
    // What the last action did, worded when shown (so a change of language words it again).
    let report_line = RwSignal::new(None::<Outcome>);
    let presenting = RwSignal::new(false);
    let copy_status = RwSignal::new(None::<Copied>);
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
            if r.added > 0 || r.duplicates > 0 {
                pasted.set(String::new());
            }
            report_line.set(Some(Outcome::Gathered(r)));
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
        report_line.set(Some(Outcome::Removed));
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
                Ok(()) => copy_status.set(Some(Copied::Done)),
                Err(_) => {
                    copy_status.set(Some(Copied::Refused));
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
    let export_md = move |_| {
        if let Some(w) = current.get_untracked() {
            let l = i18n.get_locale_untracked();
            let today = platform::format_date(l.as_str(), storage::now(), false);
            let md = aggregate.with_untracked(|a| {
                markdown(l, &w, a, &today, &|value, digits| {
                    platform::format_number(l.as_str(), value, digits)
                })
            });
            let name = format!("stagefit-workshop-{}.md", report::date_text(w.created));
            if storage::download(&name, &md, "text/markdown").is_err() {
                store.notify(Notice::NotSaved(s!(l, workshop.download_refused)));
            }
        }
    };
    let delete = move |_| {
        store.update_workshops(|list| list.retain(|w| id.with_value(|i| &w.id != i)));
        on_back.run(());
    };

    move || {
        // Read here, so that the view is drawn again in a newly chosen language.
        let l = i18n.get_locale();
        let Some(w) = current.get() else {
            return view! {
                <section aria-labelledby="workshop-heading">
                    <h1 id="workshop-heading" tabindex="-1">{s!(l, workshop.not_found_title)}</h1>
                    <p>{s!(l, workshop.not_found_body)}</p>
                    <button type="button" class="secondary" on:click=move |_| on_back.run(())>{s!(l, workshop.all_workshops)}</button>
                </section>
            }
            .into_any();
        };
        view! {
            <section class="workshop" aria-labelledby="workshop-heading">
                <h1 id="workshop-heading" tabindex="-1">{w.name.clone()}</h1>
                {(!w.note.is_empty()).then(|| view! { <p class="lead">{w.note.clone()}</p> })}
                <div class="presenter" class:presenting=move || presenting.get()>
                    <h2>{s!(l, workshop.invite_title)}</h2>
                    <p class="presenter-name">{crate::tf_once!(i18n, workshop.invite_name, name = w.name.clone())}</p>
                    <p>{s!(l, workshop.invite_how)}</p>
                    {move || qr(&join_url.get()).map(|code| view! {
                        <svg class="qr qr-large" viewBox=format!("0 0 {} {}", code.size, code.size) role="img"
                            aria-label=s!(l, workshop.qr_label) shape-rendering="crispEdges">
                            <rect width="100%" height="100%" fill="#fff" />
                            <path d=code.path fill="#000" />
                        </svg>
                    })}
                    // The name is written out readably in the label; the link itself keeps it
                    // percent-encoded, which chat apps need, and wraps instead of being cut off.
                    <label for="join-link">{crate::tf_once!(i18n, workshop.join_link_label, name = w.name.clone())}</label>
                    <div class="share-row">
                        <textarea id="join-link" class="join-link" rows="2" readonly prop:value=move || join_url.get()></textarea>
                        <button type="button" class="primary no-print" on:click=copy_join>{s!(l, workshop.copy_join)}</button>
                    </div>
                    <p class="copy-status" role="status">{move || copy_status.get().map(|c| match c {
                        Copied::Done => s!(l, workshop.copied),
                        Copied::Refused => s!(l, workshop.copy_refused),
                    })}</p>
                    <button type="button" class="secondary no-print" on:click=move |_| presenting.update(|p| *p = !*p)>
                        {move || if presenting.get() { s!(l, workshop.room_view_close) } else { s!(l, workshop.room_view_show) }}
                    </button>
                </div>
                <h2 class="no-print">{s!(l, workshop.gather_title)}</h2>
                <label for="workshop-input">{s!(l, workshop.gather_label)}</label>
                <textarea id="workshop-input" data-testid="workshop-input" rows="5"
                    prop:value=move || pasted.get() on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
                <div class="actions">
                    <button type="button" class="primary" on:click=move |_| add(())>{s!(l, workshop.add_results)}</button>
                    <label class="file-button secondary">
                        {s!(l, workshop.import_files)}
                        <input type="file" accept=".json,.txt,application/json,text/plain" class="visually-hidden" on:change=import />
                    </label>
                </div>
                <p class="copy-status" role="status">{move || report_line.get().map(|o| match o {
                    Outcome::Gathered(r) => gather_line(i18n, &r).into_any(),
                    Outcome::Removed => crate::tv!(i18n, workshop.participant_removed).into_any(),
                })}</p>
                <p class="participant-count" data-testid="participant-count">
                    {crate::tf!(i18n, workshop.participants, count = aggregate.with(|a| a.n_participants) as u64)}
                </p>
                {move || match unreadable.get() {
                    0 => None,
                    n => Some(view! {
                        <p class="field-error">{crate::tf_once!(i18n, workshop.links_unreadable, count = n)}</p>
                    }),
                }}
                {move || aggregate.with(|a| a.n_participants > 0).then(|| view! {
                    <button type="button" class="primary no-print" on:click=move |_| {
                        platform::enter_full_screen();
                        on_present.run(());
                    }>{s!(l, workshop.present)}</button>
                })}
                <Participants people on_remove=Callback::new(remove) />
                <RoomView aggregate />
                <div class="actions no-print">
                    <button type="button" class="secondary" on:click=export_json>{s!(l, workshop.export_json)}</button>
                    <button type="button" class="secondary" on:click=export_md>{s!(l, workshop.export_markdown)}</button>
                    <button type="button" class="secondary" on:click=move |_| platform::print()>{s!(l, workshop.print)}</button>
                    <button type="button" class="secondary" on:click=move |_| on_back.run(())>{s!(l, workshop.all_workshops)}</button>
                </div>
                <div class="danger-zone no-print">
                    {move || if confirm_delete.get() {
                        view! {
                            <p><strong>{s!(l, workshop.delete_question)}</strong></p>
                            <button type="button" class="danger" on:click=delete>{s!(l, workshop.delete_yes)}</button>
                            " "
                            <button type="button" class="secondary" on:click=move |_| confirm_delete.set(false)>{s!(l, workshop.delete_cancel)}</button>
                        }.into_any()
                    } else {
                        view! { <button type="button" class="danger" on:click=move |_| confirm_delete.set(true)>{s!(l, workshop.delete)}</button> }.into_any()
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
            .workshops()
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
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let shown = RwSignal::new(PAGE);
    let total = Memo::new(move |_| people.with(Vec::len));
    view! {
        // Hidden, in print too, while there is nobody to list.
        <div class="participants no-print" hidden=move || total.get() == 0>
            <button type="button" class="link-button" aria-expanded=move || open.get().to_string() aria-controls="participant-list"
                on:click=move |_| open.update(|o| *o = !*o)>
                {move || if open.get() {
                    crate::tv!(i18n, workshop.participants_hide).into_any()
                } else {
                    crate::tf_once!(i18n, workshop.participants_show, number = total.get()).into_any()
                }}
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
                            let name = move || if label.is_empty() {
                                crate::tf!(i18n, workshop.anonymous, number = i.get() + 1).into_any()
                            } else {
                                label.clone().into_any()
                            };
                            let score = p.assessment.score;
                            let stage = p.assessment.stage.clone();
                            let line = move || {
                                let phrase = stage_phrase(i18n.get_locale(), &stage);
                                match score {
                                    Some(score) => crate::tf_once!(i18n, workshop.participant_scored, stage = phrase, score = score).into_any(),
                                    None => crate::tf_once!(i18n, workshop.participant_unscored, stage = phrase).into_any(),
                                }
                            };
                            let payload = p.payload.clone();
                            view! {
                                <li>
                                    <bdi>{name.clone()}</bdi>
                                    {line}
                                    <button type="button" class="link-button small" on:click=move |_| on_remove.run(payload.clone())>
                                        {crate::tv!(i18n, workshop.remove)} " " <span class="visually-hidden">{name.clone()}</span>
                                    </button>
                                </li>
                            }
                        }
                    />
                </ul>
                {move || (total.get() > shown.get()).then(|| view! {
                    <button type="button" class="secondary small" on:click=move |_| shown.update(|n| *n += PAGE)>
                        {move || crate::tf_once!(
                            i18n,
                            workshop.show_more,
                            more = PAGE.min(total.get().saturating_sub(shown.get())),
                            total = total.get()
                        )}
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
    let i18n = use_i18n();
    let segments = chart::stacked_bar(&counts);
    let total: usize = counts.iter().sum();
    // The accessible name: what it shows, then each answer's count ("12 × Basic"; the sign
    // and the numbers read the same in every language). An attribute, so that the bar's text
    // on the page stays its legend alone.
    let l = i18n.get_locale_untracked();
    let parts = labels
        .iter()
        .zip(&counts)
        .filter(|(_, n)| **n > 0)
        .map(|(answer, n)| format!("{n} \u{d7} {answer}"))
        .collect::<Vec<_>>()
        .join(&s!(l, workshop.list_separator));
    let name = format!("{title}{}{parts}", s!(l, workshop.label_separator));
    view! {
        <div class="stacked">
            <svg class="stacked-bar" viewBox="0 0 1000 64" preserveAspectRatio="none" role="img" aria-label=name>
                {segments.iter().map(|seg| view! {
                    <rect class=format!("seg seg-{}", seg.option % 6) x=seg.x.clone() y="0" width=seg.width.clone() height="64" />
                }).collect_view()}
            </svg>
            <ul class="stacked-legend">
                {labels.iter().zip(&counts).enumerate().filter(|(_, (_, n))| **n > 0).map(|(i, (label, n))| view! {
                    <li>
                        <svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect class=format!("seg seg-{}", i % 6) width="10" height="10" /></svg>
                        <strong>{n.to_string()}</strong>
                        {crate::tf_once!(i18n, workshop.bar_of, total = total)}
                        <bdi>{label.clone()}</bdi>
                    </li>
                }).collect_view()}
            </ul>
        </div>
    }
}

/// The room's stage split as a stacked bar. Drawn inside views that follow the language in
/// use, so `l` is always the current one.
fn stage_bar(l: Locale, a: &workshop::Aggregate) -> impl IntoView + use<> {
    view! {
        <StackedBar
            counts=a.stages.to_vec()
            labels=(0..3).map(|i| stage_name(l, workshop::stage_at(i))).collect()
            title=s!(l, workshop.stage_bar_title)
        />
    }
}

/// A question to discuss with the split of its answers.
fn question_bar(d: &workshop::Divergence) -> impl IntoView + use<> {
    let q = &BANK.questions[d.question];
    let words = bt::words_in(use_i18n().get_locale());
    view! {
        <StackedBar
            counts=d.counts.clone()
            labels=(0..q.options.len()).map(|o| words.option(q, o)).collect()
            title=words.question(q)
        />
    }
}

/// The dot plot of the whole room: every area's spread against the band of the group's stage,
/// level names on the axis, and a legend for dot size, the median and the band.
fn spread_chart(l: Locale, a: &workshop::Aggregate, most: Option<usize>) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let plot = chart::spread_plot(&BANK, &bt::words_in(l), a);
    let band = band_name(l, a.median.stage.stage);
    let legend_y = plot.legend.y.clone();
    let largest = most.map(|d| disagreement_line(l, a, d));
    view! {
        <figure class="chart">
            <figcaption id="spread-title">{crate::tv!(i18n, workshop.spread_caption)}</figcaption>
            <svg class="spread" viewBox=plot.view_box role="img" aria-labelledby="spread-title" aria-describedby="spread-desc">
                <desc id="spread-desc">
                    {crate::tf_once!(
                        i18n,
                        workshop.spread_desc,
                        count = a.n_participants,
                        lowest = bt::words_in(l).level(0),
                        highest = bt::words_in(l).level(4),
                        band = band.clone()
                    )}
                    " "
                    {largest.map(|line| view! { {crate::tv!(i18n, workshop.spread_desc_largest)} " " {line} {crate::tv!(i18n, workshop.sentence_end)} })}
                    " "
                    {crate::tv!(i18n, workshop.spread_desc_table)}
                </desc>
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
                        <circle class="dot" cx=x cy=r.center_y.clone() r=radius><title>{crate::tf_once!(i18n, workshop.people, count = n)}</title></circle>
                    }).collect_view()}
                }).collect_view()}
                <g class="legend">
                    <circle class="dot" cx="8" cy=legend_y.clone() r=plot.legend.small.0.clone() />
                    <text class="axis-label" x="16" y=legend_y.clone() dy="5">{crate::tf_once!(i18n, workshop.people, count = 1_usize)}</text>
                    {plot.legend.large.clone().map(|(r, n)| view! {
                        <circle class="dot" cx="102" cy=legend_y.clone() r=r />
                        <text class="axis-label" x="117" y=legend_y.clone() dy="5">{crate::tf_once!(i18n, workshop.people, count = n)}</text>
                    })}
                    <line class="median" x1="208" x2="208" y1=plot.legend.mark_top.clone() y2=plot.legend.mark_bottom.clone() />
                    <text class="axis-label" x="214" y=legend_y.clone() dy="5">{crate::tv!(i18n, workshop.legend_median)}</text>
                    <rect class="band" x="280" y=plot.legend.swatch_y.clone() width="18" height="20" />
                    <text class="axis-label" x="302" y=legend_y dy="5">{band}</text>
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
        // Read here, so that the room is drawn again in a newly chosen language.
        let l = i18n.get_locale();
        let a = aggregate.get();
        if a.n_participants == 0 {
            return view! { <p class="no-print">{crate::tv!(i18n, workshop.room_empty)}</p> }
                .into_any();
        }
        let disagreement: Vec<usize> = a
            .by_disagreement
            .iter()
            .copied()
            .filter(|&d| !a.spreads[d].levels.is_empty())
            .take(5)
            .collect();
        let priorities = (!a.median.priorities.is_empty()).then(|| {
            view! {
                <ol>
                    {a.median.priorities.iter().map(|p| view! {
                        <li>{crate::tf_once!(
                            i18n,
                            workshop.priority_line,
                            kind = priority_kind(l, p.kind),
                            area = bt::words_in(l).dimension_name(&BANK.dimensions[p.dimension])
                        )}</li>
                    }).collect_view()}
                </ol>
            }
        });
        let chart = spread_chart(l, &a, disagreement.first().copied());
        let disagree_section = (!disagreement.is_empty()).then(|| {
            view! {
                <h2>{crate::tv!(i18n, workshop.disagree_title)}</h2>
                <ol>{disagreement.iter().map(|&d| view! { <li>{disagreement_line(l, &a, d)}</li> }).collect_view()}</ol>
            }
        });
        let questions = (!a.divergent.is_empty()).then(|| view! {
            <h2>{crate::tv!(i18n, workshop.questions_title)}</h2>
            <p>{crate::tv!(i18n, workshop.questions_intro)}</p>
            <ul class="prompts">
                {a.divergent.iter().map(|d| view! {
                    <li><strong>{bt::question_text(i18n, d.question)}</strong> {question_bar(d)}</li>
                }).collect_view()}
            </ul>
        });
        view! {
            <div class="room">
                <h2>{crate::tv!(i18n, workshop.stages_title)}</h2>
                <ul class="stage-counts">
                    {(0..3).map(|i| view! {
                        <li>{crate::tf_once!(i18n, workshop.stage_count, stage = stage_name(l, workshop::stage_at(i)), count = a.stages[i])}</li>
                    }).collect_view()}
                </ul>
                {stage_bar(l, &a)}
                <h2>{crate::tv!(i18n, workshop.result_title)}</h2>
                <p>{match a.median.score {
                    Some(score) => crate::tf_once!(i18n, workshop.result_line_scored, stage = stage_phrase(l, &a.median.stage), score = score).into_any(),
                    None => crate::tf_once!(i18n, workshop.result_line_unscored, stage = stage_phrase(l, &a.median.stage)).into_any(),
                }}</p>
                {priorities}
                {chart}
                <details class="chart-data">
                    <summary>{crate::tv!(i18n, workshop.table_show)}</summary>
                    <div class="table-scroll">
                        <table>
                            <caption>{crate::tv!(i18n, workshop.table_caption)}</caption>
                            <thead><tr>
                                <th scope="col">{crate::tv!(i18n, workshop.col_area)}</th>
                                <th scope="col">{crate::tv!(i18n, workshop.col_answered)}</th>
                                <th scope="col">{crate::tv!(i18n, workshop.col_lowest)}</th>
                                <th scope="col">{crate::tv!(i18n, workshop.col_median)}</th>
                                <th scope="col">{crate::tv!(i18n, workshop.col_highest)}</th>
                                <th scope="col">{crate::tv!(i18n, workshop.col_spread)}</th>
                                <th scope="col">{band_name(l, a.median.stage.stage)}</th>
                                <th scope="col">{crate::tv!(i18n, workshop.col_positions)}</th>
                            </tr></thead>
                            <tbody>
                                {a.by_disagreement.iter().map(|&d| {
                                    let s = &a.spreads[d];
                                    let band = a.median.dimensions[d].band;
                                    let f = |v: Option<&f32>| v.map_or("\u{2014}".to_string(), |v| number(l, *v, 1));
                                    view! {
                                        <tr>
                                            <th scope="row">{bt::dimension_name(i18n, d)}</th>
                                            <td>{s.levels.len()}</td>
                                            <td>{f(s.levels.first())}</td>
                                            <td>{f(s.median.as_ref())}</td>
                                            <td>{f(s.levels.last())}</td>
                                            <td>{number(l, s.deviation, 2)}</td>
                                            <td>{band_range(l, band)}</td>
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
                <p class="summary">{crate::tv!(i18n, workshop.room_note)}</p>
            </div>
        }
        .into_any()
    }
}

/// "Present results": the room one slide at a time, filling a 1280 by 720 projector. The arrow
/// keys (and Page Up, Page Down, Home, End) move between slides, each with its own address; Esc
/// leaves. Buttons do the same for a mouse or a touch screen.
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
    let (go_id, back_id) = (id.clone(), id.clone());
    let on_go = Callback::new(move |n: usize| nav.go(Route::Present(go_id.clone(), n)));
    let on_leave = Callback::new(move |()| nav.go(Route::Workshop(back_id.clone())));
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
        let l = i18n.get_locale();
        let Some(which) = slides.with(|s| s.get(at.get()).copied()) else {
            let stored = current.with(|w| w.as_ref().map_or(0, |w| w.payloads.len()));
            return if stored > 0 {
                view! { <h1 id="present-heading" tabindex="-1">{s!(l, workshop.present_reading)}</h1> }.into_any()
            } else {
                view! {
                    <h1 id="present-heading" tabindex="-1">{s!(l, workshop.present_nothing)}</h1>
                    <p>{s!(l, workshop.present_nothing_body)}</p>
                }
                .into_any()
            };
        };
        let a = aggregate.get();
        match which {
            Slide::Stages => view! {
                <h1 id="present-heading" tabindex="-1">{s!(l, workshop.slide_stages_title)}</h1>
                <p class="slide-lead">{crate::tf_once!(
                    i18n,
                    workshop.slide_stages_lead,
                    count = a.n_participants,
                    stage = stage_at(l, a.median.stage.stage)
                )}</p>
                {stage_bar(l, &a)}
            }
            .into_any(),
            Slide::Area(d) => {
                let plot = people.with(|p| chart::area_plot(&bt::words(i18n), &a, p, d));
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
                    <p class="slide-legend">
                        {crate::tf_once!(i18n, workshop.slide_area_legend, band = band_text)}
                    </p>
                }
                .into_any()
            }
            Slide::Question(i) => {
                let Some(d) = a.divergent.get(i).cloned() else {
                    return view! { <h1 id="present-heading" tabindex="-1">{s!(l, workshop.questions_title)}</h1> }.into_any();
                };
                view! {
                    <p class="slide-kicker">{crate::tf_once!(i18n, workshop.slide_question_kicker, number = i + 1, total = a.divergent.len())}</p>
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
