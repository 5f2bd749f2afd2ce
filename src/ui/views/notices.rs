//! Notices about saved data, under the header: saving is off, storage is full (with a backup
//! to download), a save failed, stored data could not be read (with a way to download it, and
//! to discard it when not even a copy could be kept), what an import did, and "undo" after a delete.

use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::platform::storage;
use crate::ui::state::{Notice, Store, Stored, Told};
use crate::ui::text::messages::{self, I18n};
use stagefit_core::report;

#[component]
pub fn Notices() -> impl IntoView {
    let store = expect_context::<Store>();
    view! {
        <div class="notices" aria-live="polite">
            {move || {
                store
                    .notices()
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(index, notice)| view! { <NoticeItem index notice /> })
                    .collect_view()
            }}
        </div>
    }
}

#[component]
fn NoticeItem(index: usize, notice: Notice) -> impl IntoView {
    let store = expect_context::<Store>();
    let i18n = use_i18n();
    let dismiss = move |_| store.dismiss(index);
    let body = match notice {
        Notice::SavingOff => {
            view! { <p><strong>{crate::tv!(i18n, assess.notice.saving_off_lead)}</strong>" "{crate::tv!(i18n, assess.notice.saving_off)}</p> }.into_any()
        }
        Notice::Full => {
            let backup = move |_| {
                let name = format!(
                    "stagefit-history-{}.json",
                    report::date_text(storage::now())
                );
                let _ = storage::download(&name, &store.export_history(), "application/json");
            };
            view! {
                <p><strong>{crate::tv!(i18n, assess.notice.full_lead)}</strong>" "{crate::tv!(i18n, assess.notice.full)}</p>
                <button type="button" class="secondary small" on:click=backup>{crate::tv!(i18n, assess.notice.download_backup)}</button>
            }
                .into_any()
        }
        Notice::ResultNotSaved(snapshot) => {
            let download = move |_| {
                let name = format!(
                    "stagefit-{}-{}.json",
                    report::date_text(snapshot.created),
                    snapshot.id
                );
                let text = stagefit_core::snapshot::encode_snapshot(&stagefit_core::BANK, &snapshot);
                let _ = storage::download(&name, &text, "application/json");
            };
            view! {
                <p><strong>{crate::tv!(i18n, assess.notice.not_saved_lead)}</strong>" "{crate::tv!(i18n, assess.notice.result_not_saved)}</p>
                <button type="button" class="secondary small" on:click=download>{crate::tv!(i18n, assess.notice.download_result)}</button>
            }
            .into_any()
        }
        Notice::NotSaved(text) => {
            view! { <p><strong>{crate::tv!(i18n, assess.notice.not_saved_lead)}</strong>" "{text}</p> }
                .into_any()
        }
        Notice::SaveFailed(error) => {
            let text = crate::tf!(
                i18n,
                assess.notice.save_failed,
                reason = messages::storage_error(i18n, &error)
            );
            view! { <p><strong>{crate::tv!(i18n, assess.notice.not_saved_lead)}</strong>" "{text}</p> }
                .into_any()
        }
        Notice::Info(text) => view! { <p>{text}</p> }.into_any(),
        Notice::Told(told) => view! { <p>{told_text(i18n, told)}</p> }.into_any(),
        Notice::Unreadable {
            what,
            reason,
            aside,
            key,
            text,
        } => {
            let download = move |_| {
                let name = format!(
                    "stagefit-unreadable-{}.txt",
                    report::date_text(storage::now())
                );
                let _ = storage::download(&name, &text, "text/plain");
            };
            let what = move || stored_text(i18n, what);
            let newer = reason.is_newer();
            let why = move || messages::snapshot_error(i18n, &reason);
            match aside {
                Some(aside) => view! {
                    <p><strong>{what}</strong>" "{crate::tf!(i18n, assess.notice.kept_aside, reason = why(), key = aside.clone())}</p>
                    <button type="button" class="secondary small" on:click=download>{crate::tv!(i18n, assess.notice.download_unreadable)}</button>
                }
                    .into_any(),
                // Not even a copy could be made (storage is full): the way forward is right here.
                None => {
                    let discard = move |_| store.discard(&key);
                    // A newer build's value is left in place on purpose (issue 30), not for want
                    // of room.
                    let said = move || {
                        let why = why.clone();
                        if newer {
                            crate::tf!(i18n, assess.notice.left_for_newer, reason = why())
                        } else {
                            crate::tf!(i18n, assess.notice.left_in_place, reason = why())
                        }
                    };
                    view! {
                        <p><strong>{what}</strong>" "{said}</p>
                        <button type="button" class="secondary small" on:click=download>{crate::tv!(i18n, assess.notice.download_it)}</button>
                        " "
                        <button type="button" class="secondary small" on:click=discard>{crate::tv!(i18n, assess.notice.discard_it)}</button>
                    }
                        .into_any()
                }
            }
        }
        Notice::Deleted(snapshot) => {
            let label = snapshot.label.clone();
            let name = move || {
                if label.is_empty() {
                    crate::tr!(i18n, assess.notice.untitled)
                } else {
                    label.clone()
                }
            };
            let undo = move |_| {
                let s = snapshot.clone();
                store.restore(s);
                store.dismiss(index);
            };
            view! {
                <p>{crate::tf!(i18n, assess.notice.deleted, name = name())}</p>
                <button type="button" class="secondary small" on:click=undo>{crate::tv!(i18n, assess.notice.undo)}</button>
            }
                .into_any()
        }
    };
    view! {
        <div class="notice">
            <div class="notice-body">{body}</div>
            <button type="button" class="link-button small" on:click=dismiss>{crate::tv!(i18n, assess.notice.dismiss)}</button>
        </div>
    }
}

/// The stored value a notice is about, as the subject of "…could not be read:".
fn stored_text(i18n: I18n, what: Stored) -> String {
    match what {
        Stored::History => crate::tr!(i18n, assess.notice.unreadable_history),
        Stored::Workshops => crate::tr!(i18n, assess.notice.unreadable_workshops),
        Stored::Draft => crate::tr!(i18n, assess.notice.unreadable_draft),
        Stored::Entry => crate::tr!(i18n, assess.notice.unreadable_entry),
    }
}

/// What reading or saving found, in words.
fn told_text(i18n: I18n, told: Told) -> AnyView {
    match told {
        Told::UnreadableEntries(count) => {
            crate::tf!(i18n, assess.notice.unreadable_entries, count = count as u64).into_any()
        }
        Told::NewerEntries(count) => {
            crate::tf!(i18n, assess.notice.newer_entries, count = count as u64).into_any()
        }
        Told::SplitUnreadable(count) => {
            crate::tf!(i18n, assess.notice.split_unreadable, count = count as u64).into_any()
        }
        Told::DroppedInHistory(count) => {
            crate::tf!(i18n, assess.dropped.history, count = count as u64).into_any()
        }
        Told::DroppedInDraft(count) => {
            crate::tf!(i18n, assess.dropped.draft, count = count as u64).into_any()
        }
        Told::DamagedInHistory(count) => {
            crate::tf!(i18n, assess.dropped.damaged_history, count = count as u64).into_any()
        }
        Told::DamagedInDraft(count) => {
            crate::tf!(i18n, assess.dropped.damaged_draft, count = count as u64).into_any()
        }
        Told::DeletedNotSaved => crate::tv!(i18n, assess.notice.deleted_not_saved).into_any(),
        Told::RenameGone => crate::tv!(i18n, assess.notice.rename_gone).into_any(),
        Told::DraftRemoved => crate::tv!(i18n, assess.notice.draft_removed).into_any(),
        Told::DraftOccupied => crate::tv!(i18n, assess.notice.draft_occupied).into_any(),
        Told::EntryInTheWay => crate::tv!(i18n, assess.notice.entry_in_the_way).into_any(),
        Told::ImportInterrupted { written, total } => crate::tf!(
            i18n,
            assess.notice.import_interrupted,
            count = written as u64,
            total = total
        )
        .into_any(),
    }
}
