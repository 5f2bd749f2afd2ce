//! Notices about saved data, under the header: saving is off, storage is full (with a backup
//! to download), a save failed, stored data could not be read (with a way to download it, and
//! to discard it when not even a copy could be kept), what an import did, and "undo" after a delete.

use leptos::prelude::*;

use crate::platform::storage;
use crate::ui::store::{Notice, Store};
use stagefit_core::report;

#[component]
pub fn Notices(store: Store) -> impl IntoView {
    view! {
        <div class="notices" aria-live="polite">
            {move || {
                store
                    .notices
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(index, notice)| view! { <NoticeItem store index notice /> })
                    .collect_view()
            }}
        </div>
    }
}

#[component]
fn NoticeItem(store: Store, index: usize, notice: Notice) -> impl IntoView {
    let dismiss = move |_| store.dismiss(index);
    let body = match notice {
        Notice::SavingOff => view! {
            <p>
                <strong>"Saving is off. "</strong>
                "This browser does not let the page store anything (private browsing or blocked site data can do this). "
                "Stagefit still works, but your answers last only until you close this tab; use Copy summary to keep your result."
            </p>
        }
            .into_any(),
        Notice::Full => {
            let backup = move |_| {
                let name = format!("stagefit-history-{}.json", report::date_text(storage::now()));
                let _ = storage::download(&name, &store.export_history(), "application/json");
            };
            view! {
                <p>
                    <strong>"Storage is full. "</strong>
                    "Everything saved is shown, but new changes cannot be saved until there is room. "
                    "Download a backup of your history, then delete old assessments in History (or clear all data there) to make room."
                </p>
                <button type="button" class="secondary small" on:click=backup>"Download a backup"</button>
            }
                .into_any()
        }
        Notice::NotSaved(text) => view! { <p><strong>"Not saved. "</strong>{text}</p> }.into_any(),
        Notice::Info(text) => view! { <p>{text}</p> }.into_any(),
        Notice::Unreadable { what, reason, aside, key, text } => {
            let download = move |_| {
                let name = format!("stagefit-unreadable-{}.txt", report::date_text(storage::now()));
                let _ = storage::download(&name, &text, "text/plain");
            };
            match aside {
                Some(aside) => view! {
                    <p>
                        <strong>{what} " could not be read: "</strong>
                        {reason}
                        ". It was kept aside, unchanged, under the key \u{201c}" {aside} "\u{201d}. "
                        "You can start afresh; nothing of it is lost."
                    </p>
                    <button type="button" class="secondary small" on:click=download>"Download the unreadable data"</button>
                }
                    .into_any(),
                // Not even a copy could be made (storage is full): the way forward is right here.
                None => {
                    let discard = move |_| store.discard(&key);
                    view! {
                        <p>
                            <strong>{what} " could not be read: "</strong>
                            {reason}
                            ". Storage had no room to keep a copy aside, so it is left where it is and nothing is saved over it. "
                            "Download it to keep it, then discard it to save again."
                        </p>
                        <button type="button" class="secondary small" on:click=download>"Download it"</button>
                        " "
                        <button type="button" class="secondary small" on:click=discard>"Discard it"</button>
                    }
                        .into_any()
                }
            }
        }
        Notice::Deleted(snapshot) => {
            let name = if snapshot.label.is_empty() { "Untitled assessment".to_string() } else { snapshot.label.clone() };
            let undo = move |_| {
                let s = snapshot.clone();
                store.restore(s);
                store.dismiss(index);
            };
            view! {
                <p>"Deleted \u{201c}" {name} "\u{201d}."</p>
                <button type="button" class="secondary small" on:click=undo>"Undo"</button>
            }
                .into_any()
        }
    };
    view! {
        <div class="notice">
            <div class="notice-body">{body}</div>
            <button type="button" class="link-button small" on:click=dismiss>"Dismiss"</button>
        </div>
    }
}
