//! One workshop: the invitation (join link and QR code), gathering participants' result links
//! from pasted text or files, the participants, the room, exports and deleting it.

use leptos::prelude::*;
use leptos_i18n::Locale as _;

use super::charts::*;
use super::participants::Participants;
use super::reading::{room, stored_workshop};
use super::summary::{RoomDecision, RoomSummary};
use crate::i18n::use_i18n;
use crate::platform::{self, storage};
use crate::ui::state::{Navigator, Notice, Store};
use crate::ui::text::s;
use crate::ui::text::workshop::{gather_line, markdown};
use crate::ui::widgets::clipboard::{Copied, Fallback, copy, share_or};
use stagefit_core::route::{self, Route};
use stagefit_core::workshop::{self, GatherReport, Workshop};
use stagefit_core::{BANK, link, qr, report, snapshot};

/// What the last action in a workshop did, kept as data and worded when shown.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Gathered(GatherReport),
    /// Participants removed: how many, and each with its place, for Undo.
    Removed(Vec<(usize, String)>),
    /// The removal was undone.
    Restored,
    /// The links were read, but storage refused them: nothing was added.
    NotStored,
}

/// An imported file as text to gather from: a history export or a single assessment becomes
/// result links, and so do the results of an exported workshop (issue 30); any other file (a
/// chat export) is searched for links as it is, like pasted text.
fn links_in_file(text: String) -> String {
    let as_links = |payloads: Vec<String>| {
        payloads
            .into_iter()
            .map(|payload| {
                let shared = Route::Shared {
                    payload,
                    workshop: None,
                };
                format!("{} ", route::fragment(&shared))
            })
            .collect::<String>()
    };
    match snapshot::decode_import(&BANK, &text) {
        Ok((list, _)) => as_links(
            list.iter()
                .map(|s| link::encode(&BANK, &s.answers, &s.label))
                .collect(),
        ),
        Err(_) => match workshop::decode_workshops_keeping(&text) {
            Ok((rooms, _)) => as_links(rooms.into_iter().flat_map(|w| w.payloads).collect()),
            Err(_) => text,
        },
    }
}

/// Changes the workshop `id` as stored now; whether the change is stored.
fn update_this(store: Store, id: StoredValue<String>, change: impl FnOnce(&mut Workshop)) -> bool {
    store.update_workshops(|list| {
        if let Some(w) = list.iter_mut().find(|w| id.with_value(|i| &w.id == i)) {
            change(w);
        }
    })
}

/// The workshop's join link, as a full address.
fn join_url_of(current: Memo<Option<Workshop>>) -> Memo<String> {
    Memo::new(move |_| {
        current.with(|w| {
            w.as_ref()
                .map(|w| {
                    platform::address_of(&Route::Join {
                        id: w.id.clone(),
                        name: w.name.clone(),
                    })
                })
                .unwrap_or_default()
        })
    })
}

/// The page of an address naming no workshop here, with the way back to the list.
fn not_found(l: crate::i18n::Locale, on_back: Callback<()>) -> AnyView {
    view! {
        <section aria-labelledby="workshop-heading">
            <h1 id="workshop-heading" tabindex="-1">{s!(l, workshop.not_found_title)}</h1>
            <p>{s!(l, workshop.not_found_body)}</p>
            <button type="button" class="secondary" on:click=move |_| on_back.run(())>{s!(l, workshop.all_workshops)}</button>
        </section>
    }
    .into_any()
}

/// What the last action did (gathered, removed with Undo, restored, not stored), announced.
#[component]
fn ReportLine(
    report_line: RwSignal<Option<Outcome>>,
    undo: Callback<Vec<(usize, String)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="copy-status" role="status">{move || report_line.get().map(|o| match o {
            Outcome::Gathered(r) => gather_line(i18n, &r).into_any(),
            Outcome::Removed(removed) => view! {
                {crate::tf_once!(i18n, workshop.participants_removed, count = removed.len())}
                " "
                <button type="button" id="undo-remove" class="link-button" on:click=move |_| undo.run(removed.clone())>
                    {crate::tv!(i18n, workshop.undo)}
                </button>
            }.into_any(),
            Outcome::Restored => crate::tv!(i18n, workshop.participants_restored).into_any(),
            Outcome::NotStored => crate::tv!(i18n, workshop.links_not_stored).into_any(),
        })}</p>
    }
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
    let (people, aggregate, _) = room(current);
    // Stored links that no longer open: every payload that did not become a participant.
    let unreadable = Memo::new(move |_| {
        let stored = current.with(|w| w.as_ref().map_or(0, |w| w.payloads.len()));
        stored.saturating_sub(people.with(Vec::len))
    });
    let pasted = RwSignal::new(String::new());
    // What the last action did, worded when shown (so a change of language words it again).
    let report_line = RwSignal::new(None::<Outcome>);

    let add = move |_| {
        let text = pasted.get_untracked();
        let mut outcome = None;
        let stored = update_this(store, id, |w| {
            outcome = Some(workshop::gather(&BANK, w, &text))
        });
        if let Some(r) = outcome {
            // "Added" only when stored (issue 30): a refused write keeps the links in the box.
            if !stored && r.added > 0 && !store.saving_is_off() {
                report_line.set(Some(Outcome::NotStored));
                return;
            }
            if r.added > 0 || r.duplicates > 0 {
                pasted.set(String::new());
            }
            report_line.set(Some(Outcome::Gathered(r)));
        }
    };
    let import = move |ev: leptos::ev::Event| {
        leptos::task::spawn_local(async move {
            let text = storage::chosen_file_text(ev).await.unwrap_or_default();
            let text = links_in_file(text);
            pasted.set(text);
            add(());
        });
    };
    let remove = move |gone: Vec<String>| {
        let mut removed = Vec::new();
        update_this(store, id, |w| removed = workshop::remove_payloads(w, &gone));
        report_line.set(Some(Outcome::Removed(removed)));
    };
    let undo = move |removed: Vec<(usize, String)>| {
        update_this(store, id, |w| workshop::restore_payloads(w, &removed));
        report_line.set(Some(Outcome::Restored));
        platform::focus_after_render("participant-count");
    };
    let join_url = join_url_of(current);
    // Kept outside the view drawn below, which is drawn anew whenever the workshop changes (a
    // participant added here or in another tab): the invitation stays shown for the room, a
    // "Copied" stays, a delete being confirmed stays asked.
    let presenting = RwSignal::new(false);
    let copy_status = RwSignal::new(None::<Copied>);
    let confirm_delete = RwSignal::new(false);
    let list_open = RwSignal::new(false);
    let invite_open = RwSignal::new(false);
    let has_people = Memo::new(move |_| aggregate.with(|a| a.n_participants > 0));
    move || {
        // Read here, so that the view is drawn again in a newly chosen language.
        let l = i18n.get_locale();
        let Some(w) = current.get() else {
            return not_found(l, on_back);
        };
        // Once people are in, the room comes first and the invitation folds away (issue 28).
        let name = w.name.clone();
        let invitation = move || {
            let invitation =
                view! { <Invitation name=name.clone() join_url presenting copy_status /> };
            if has_people.get() {
                view! {
                    <details class="invite-more no-print" prop:open=move || invite_open.get() || presenting.get()
                        on:toggle=move |ev| invite_open.set(event_target::<web_sys::Element>(&ev).has_attribute("open"))>
                        <summary>{s!(l, workshop.invite_more)}</summary>
                        {invitation}
                    </details>
                }
                .into_any()
            } else {
                invitation.into_any()
            }
        };
        view! {
            <section class="workshop" aria-labelledby="workshop-heading">
                <h1 id="workshop-heading" tabindex="-1">{w.name.clone()}</h1>
                {(!w.note.is_empty()).then(|| view! { <p class="lead">{w.note.clone()}</p> })}
                {move || has_people.get().then(|| view! {
                    <h2>{s!(l, workshop.slide_summary_title)}</h2>
                    <RoomSummary aggregate />
                    <button type="button" class="primary no-print" on:click=move |_| {
                        platform::enter_full_screen();
                        on_present.run(());
                    }>{s!(l, workshop.present)}</button>
                })}
                <RoomDecision current aggregate />
                {invitation}
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
                <ReportLine report_line undo=Callback::new(undo) />
                <p class="participant-count" data-testid="participant-count" id="participant-count" tabindex="-1">
                    {crate::tf!(i18n, workshop.participants, count = aggregate.with(|a| a.n_participants) as u64)}
                </p>
                {move || match unreadable.get() {
                    0 => None,
                    n => Some(view! {
                        <p class="field-error">{crate::tf_once!(i18n, workshop.links_unreadable, count = n)}</p>
                    }),
                }}
                <Participants people on_remove=Callback::new(remove) open=list_open fallback_focus="undo-remove" />
                <RoomView aggregate />
                <WorkshopActions current aggregate on_back confirm_delete />
            </section>
        }
        .into_any()
    }
}

/// The invitation: the workshop's name, its join link with a large QR code to scan, and a way to
/// copy the link; "Show for the room" makes it fill the screen.
#[component]
fn Invitation(
    name: String,
    join_url: Memo<String>,
    /// Whether it fills the screen ("Show for the room").
    presenting: RwSignal<bool>,
    copy_status: RwSignal<Option<Copied>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let copy_join = move |_| {
        copy(
            join_url.get_untracked(),
            Fallback::Field("join-link"),
            copy_status,
        )
    };
    let share_name = name.clone();
    let share_join = move |_| {
        let line = s!(
            i18n.get_locale_untracked(),
            workshop.join_share_text,
            name = share_name.clone()
        );
        share_or(line, join_url.get_untracked(), move || {
            copy(
                join_url.get_untracked(),
                Fallback::Field("join-link"),
                copy_status,
            )
        });
    };
    move || {
        let l = i18n.get_locale();
        view! {
            <div class="presenter" class:presenting=move || presenting.get()>
                <h2>{s!(l, workshop.invite_title)}</h2>
                <p class="presenter-name">{crate::tf_once!(i18n, workshop.invite_name, name = name.clone())}</p>
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
                <label for="join-link">{crate::tf_once!(i18n, workshop.join_link_label, name = name.clone())}</label>
                <div class="share-row">
                    <textarea id="join-link" class="join-link" rows="2" readonly prop:value=move || join_url.get()></textarea>
                    <button type="button" class="primary no-print" on:click=copy_join>{s!(l, workshop.copy_join)}</button>
                    {platform::can_share().then(|| view! {
                        <button type="button" class="secondary no-print" on:click=share_join.clone()>{s!(l, workshop.share_join)}</button>
                    })}
                </div>
                <p class="copy-status" role="status">{move || copy_status.get().map(|c| match c {
                    Copied::Done => s!(l, workshop.copied),
                    Copied::Refused(_) => s!(l, workshop.copy_refused),
                })}</p>
                <button type="button" class="secondary no-print" on:click=move |_| presenting.update(|p| *p = !*p)>
                    {move || if presenting.get() { s!(l, workshop.room_view_close) } else { s!(l, workshop.room_view_show) }}
                </button>
            </div>
        }
    }
}

/// The workshop's exports (JSON, Markdown, print), the way back to the list, and deleting it.
#[component]
fn WorkshopActions(
    current: Memo<Option<Workshop>>,
    aggregate: Memo<workshop::Aggregate>,
    on_back: Callback<()>,
    /// Whether "Delete this workshop" is asking to confirm.
    confirm_delete: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = expect_context::<Store>();
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
        if let Some(gone) = current.get_untracked() {
            store.update_workshops(|list| list.retain(|w| w.id != gone.id));
        }
        on_back.run(());
    };

    move || {
        let l = i18n.get_locale();
        view! {
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
        }
    }
}
