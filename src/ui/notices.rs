//! Notices about saved data, under the header: saving is off, a save failed, stored data could
//! not be read (with a way to download it), what an import did, and "undo" after a delete.

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
        Notice::NotSaved(text) => view! { <p><strong>"Not saved. "</strong>{text}</p> }.into_any(),
        Notice::Info(text) => view! { <p>{text}</p> }.into_any(),
        Notice::Unreadable { what, reason, aside, text } => {
            let kept = match aside {
                Some(key) => format!("It was kept aside, unchanged, under the key \u{201c}{key}\u{201d}."),
                None => "It could not be copied aside, so Stagefit leaves it where it is and will not overwrite it.".to_string(),
            };
            let download = move |_| {
                let name = format!("stagefit-unreadable-{}.txt", report::date_text(storage::now()));
                let _ = storage::download(&name, &text, "text/plain");
            };
            view! {
                <p>
                    <strong>{what} " could not be read: "</strong>
                    {reason}
                    ". "
                    {kept}
                    " You can start afresh; nothing of it is lost."
                </p>
                <button type="button" class="secondary small" on:click=download>"Download the unreadable data"</button>
            }
                .into_any()
        }
        Notice::Deleted(snapshot) => {
            let name = if snapshot.label.is_empty() { "Untitled assessment".to_string() } else { snapshot.label.clone() };
            let undo = move |_| {
                let s = snapshot.clone();
                store.upsert(s);
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
