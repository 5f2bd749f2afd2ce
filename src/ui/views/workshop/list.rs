//! The workshops this browser facilitates, and the form to create one.

use leptos::prelude::*;
use leptos_i18n::Locale as _;

use crate::i18n::use_i18n;
use crate::platform::{self, storage};
use crate::ui::state::{Navigator, Store};
use crate::ui::text::{messages, s};
use crate::ui::views::link::RouteLink;
use stagefit_core::route::Route;
use stagefit_core::workshop::{self, Workshop};
use stagefit_core::{BANK, report};

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
    // The last "Create" could not be stored.
    let not_stored = RwSignal::new(false);
    // What the last import said (issue 30: a workshop's own export imports back here).
    let imported = RwSignal::new(None::<String>);
    let import = move |ev: leptos::ev::Event| {
        leptos::task::spawn_local(async move {
            let said = match storage::chosen_file_text(ev).await {
                None => s!(i18n.get_locale_untracked(), workshop.import_file_unreadable),
                Some(text) => match store.import_workshops(&text) {
                    Ok(done) => messages::workshop_import(i18n, &done.report, done.saved),
                    Err(error) => s!(
                        i18n.get_locale_untracked(),
                        workshop.import_failed,
                        reason = messages::snapshot_error(i18n, &error)
                    ),
                },
            };
            imported.set(Some(said));
        });
    };
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
            agreed: Default::default(),
            unknown: Default::default(),
        };
        let id = w.id.clone();
        // Opened only once it is stored (issue 30): a refused write keeps the form as it is.
        if store.update_workshops(|list| list.insert(0, w)) || store.saving_is_off() {
            not_stored.set(false);
            on_open.run(id);
        } else {
            not_stored.set(true);
        }
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
                <p class="field-error" role="alert">
                    {move || not_stored.get().then(|| s!(i18n.get_locale(), workshop.create_not_stored))}
                </p>
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
                                <RouteLink route=Route::Workshop(id) class="button secondary small">
                                    {s!(l, workshop.open)} " " <span class="visually-hidden">{w.name.clone()}</span>
                                </RouteLink>
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
            <p>{crate::tv!(i18n, workshop.import_workshop_hint)}</p>
            <div class="actions">
                <label class="file-button secondary">
                    {crate::tv!(i18n, workshop.import_workshop)}
                    <input type="file" accept=".json,application/json" class="visually-hidden" on:change=import />
                </label>
            </div>
            <p class="copy-status" role="status" data-testid="workshop-import-status">{move || imported.get()}</p>
        </section>
    }
}
